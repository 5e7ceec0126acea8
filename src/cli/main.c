/* main.c - `credo`: global options, the command registry, and the TUI by default. */
#include <getopt.h>
#include <locale.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "../tui/tui.h"

#ifndef CREDO_LOCALEDIR
#define CREDO_LOCALEDIR "/usr/local/share/locale"
#endif

static void usage(FILE *out)
{
	/* The name column fits the longest name, so a new command never gets cut short. */
	int width = 0;
	for (const struct cli_command *c = cli_commands; c->name; c++)
		if ((int)strlen(c->name) > width)
			width = (int)strlen(c->name);
	fprintf(out, "%s: credo [-d DB] [--as LOGIN] [COMMAND [ARGS]]\n\n%s\n\n%s:\n", _("usage"),
		_("Terminal CRM and credit-sales manager. Without a command, opens the full-screen interface."),
		_("Commands"));
	for (const struct cli_command *c = cli_commands; c->name; c++) {
		fputs("  ", out);
		cli_put_cell(out, c->name, width);
		fprintf(out, " %s\n", _(c->summary));
	}
	fprintf(out, "\n%s:\n"
		"  -d DB          %s\n"
		"  --as LOGIN     %s\n"
		"  -h, --help     %s\n"
		"  --version      %s\n\n%s\n",
		_("Options"),
		_("database file (default: $CREDO_DB, else $XDG_DATA_HOME/credo/credo.db)"),
		_("act as another user (admins only; audited as \"via\" the admin)"),
		_("show this help; 'credo COMMAND --help' for one command"),
		_("show the version"),
		_("Exit status: 0 ok, 1 usage, 2 bad data or rule violated, 3 permission denied, 4 database error."));
}

/*
 * -d, else CREDO_DB, else $XDG_DATA_HOME/credo/credo.db (XDG's default is
 * ~/.local/share). Without HOME (some service managers), the home directory
 * of the login, never a path relative to wherever credo was started.
 */
static const char *default_db_path(char *buf, size_t len)
{
	const char *env = getenv("CREDO_DB");
	if (env && *env)
		return env;
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg) {
		snprintf(buf, len, "%s/credo/credo.db", xdg);
	} else {
		const char *home = getenv("HOME");
		if (!home || !*home) {
			const struct passwd *pw = getpwuid(getuid());
			home = pw && pw->pw_dir ? pw->pw_dir : ".";
		}
		snprintf(buf, len, "%s/.local/share/credo/credo.db", home);
	}
	return buf;
}

static int open_tui(const struct cli_globals *g)
{
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	rc = tui_run(db);
	credo_close(db);
	return rc;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	bindtextdomain("credo", CREDO_LOCALEDIR);
	textdomain("credo");

	static const struct option opts[] = {
		{ "as", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_globals g = { 0 };
	const char *db_opt = NULL;
	int c;
	/* '+': stop at the command name; its own options are parsed by the command. */
	while ((c = getopt_long(argc, argv, "+d:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db_opt = optarg;
			break;
		case 'a':
			g.as_login = optarg;
			break;
		case 'h':
			usage(stdout);
			return CLI_OK;
		case 'V':
			printf("credo %s\n", CREDO_VERSION_STRING);
			return CLI_OK;
		default:
			usage(stderr);
			return CLI_USAGE;
		}
	}
	char path[4096];
	g.db_path = db_opt ? db_opt : default_db_path(path, sizeof path);

	if (optind >= argc)
		return open_tui(&g);
	const char *name = argv[optind];
	if (strcmp(name, "help") == 0) {
		const struct cli_command *cmd = optind + 1 < argc ? cli_find(argv[optind + 1]) : NULL;
		if (cmd)
			cli_command_help(cmd, stdout);
		else
			usage(stdout);
		return CLI_OK;
	}
	const struct cli_command *cmd = cli_find(name);
	if (!cmd) {
		fprintf(stderr, "credo: %s '%s'\n", _("unknown command"), name);
		usage(stderr);
		return CLI_USAGE;
	}
	int sub_argc = argc - optind;
	char **sub_argv = argv + optind;
	if (cli_wants_help(sub_argc, sub_argv)) {
		cli_command_help(cmd, stdout);
		return CLI_OK;
	}
	optind = 0;	/* glibc: 0 re-initialises getopt for the command's own options */
	return cmd->run(&g, sub_argc, sub_argv);
}
