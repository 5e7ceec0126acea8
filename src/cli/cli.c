/* cli.c - helpers every command shares: opening, identity, errors, output. */
#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int cli_fail(credo_db *db, credo_status st)
{
	const char *msg = db ? credo_errmsg(db) : "";
	fprintf(stderr, "credo: %s\n", *msg ? msg : credo_status_str(st));
	switch (credo_status_kind_of(st)) {
	case CREDO_KIND_OK:
		return CLI_OK;
	case CREDO_KIND_DATA:
		return CLI_DATA;
	case CREDO_KIND_PERM:
		return CLI_PERM;
	case CREDO_KIND_DB:
		break;
	}
	return CLI_DB;
}

int cli_usage(const struct cli_command *cmd, const char *fmt, ...)
{
	va_list ap;
	fputs("credo: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s: credo %s %s\n%s\n", _("usage"), cmd->name, cmd->args,
		_("Try 'credo COMMAND --help' for more information."));
	return CLI_USAGE;
}

void cli_command_help(const struct cli_command *cmd, FILE *out)
{
	fprintf(out, "%s: credo [-d DB] [--as LOGIN] %s %s\n\n%s\n", _("usage"), cmd->name, cmd->args,
		_(cmd->summary));
	if (cmd->help && *cmd->help)
		fprintf(out, "\n%s", _(cmd->help));
}

const struct cli_command *cli_find(const char *name)
{
	for (const struct cli_command *c = cli_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

int cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return 1;
	return 0;
}

const char *cli_os_login(void)
{
	struct passwd *pw = getpwuid(getuid());
	return pw ? pw->pw_name : NULL;
}

/* mkdir -p for the directory part of path. */
static int make_parent_dirs(const char *path)
{
	char *dir = strdup(path);
	if (!dir)
		return -1;
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

int cli_open(const struct cli_globals *g, int create, int login, credo_db **out)
{
	*out = NULL;
	if (!create && access(g->db_path, F_OK) != 0) {
		fprintf(stderr, "credo: %s: %s (%s: credo -d %s init)\n", g->db_path,
			_("no such database"), _("create it with"), g->db_path);
		return CLI_DB;
	}
	if (create && make_parent_dirs(g->db_path) != 0) {
		fprintf(stderr, "credo: %s: %s\n", g->db_path, strerror(errno));
		return CLI_DB;
	}
	credo_db *db = NULL;
	unsigned flags = create ? CREDO_OPEN_CREATE : 0;
	if (create == CLI_CREATE_SHARED)
		flags |= CREDO_OPEN_SHARED;
	credo_status st = credo_open(g->db_path, flags, &db);
	if (st == CREDO_OK && login) {
		const char *me = cli_os_login();
		st = credo_login(db, me ? me : "", g->as_login);
	}
	if (st != CREDO_OK) {
		int rc = cli_fail(db, st);
		credo_close(db);
		return rc;
	}
	*out = db;
	return CLI_OK;
}

void cli_put_cell(FILE *out, const char *s, int cells)
{
	char buf[1024];
	credo_text_fit(s, cells, 1, buf, sizeof buf);
	fputs(buf, out);
}

int cli_print_code(const credo_customer *c, void *ctx)
{
	fprintf(ctx, "%s\n", c->code);
	return 0;
}

struct each_ctx {
	const char *owner;
	credo_customer_sort sort;
	credo_customer_cb cb;
	void *ctx;
	credo_customer_key last;
	int rows;
};

static int each_row(const credo_customer *c, void *arg)
{
	struct each_ctx *e = arg;
	e->rows++;
	credo_customer_key_of(c, e->sort, &e->last);
	if (e->owner && strcmp(e->owner, c->owner_login) != 0)
		return 0;
	return e->cb(c, e->ctx);
}

credo_status cli_each_customer(credo_db *db, const char *search, const char *owner, int sort,
			       credo_customer_cb cb, void *ctx)
{
	struct each_ctx e = { .owner = owner, .sort = sort < 0 ? CREDO_CUSTOMER_BY_NAME : sort, .cb = cb, .ctx = ctx };
	/* A search alone ranks the best matches first; with a sort, every match in that order. */
	if (search && *search && sort < 0)
		return credo_customer_search(db, search, 1000, each_row, &e);
	/* Page by page, so memory stays flat whatever the number of customers. */
	credo_customer_query q = { .sort = e.sort, .search = search, .owner_login = owner, .limit = 500 };
	credo_status st;
	do {
		e.rows = 0;
		st = credo_customer_page(db, &q, each_row, &e);
		q.after = e.last;
	} while (st == CREDO_OK && e.rows == q.limit);
	return st;
}
