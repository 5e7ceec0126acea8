/* cmd_user.c - `credo user add|list|set-role`. */
#include <getopt.h>
#include <string.h>

#include "commands.h"

static int parse_role(const struct cli_command *cmd, const char *name, credo_role *out)
{
	if (credo_role_parse(name, out) == CREDO_OK)
		return CLI_OK;
	return cli_usage(cmd, "%s '%s' (%s: sales, sales_manager, credit, finance, gm, admin)",
			 _("unknown role"), name, _("roles"));
}

static int user_add(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "name", required_argument, NULL, 'n' },
		{ "dept", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char *role_name = NULL, *name = NULL, *dept = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'r')
			role_name = optarg;
		else if (c == 'n')
			name = optarg;
		else if (c == 'd')
			dept = optarg;
		else
			return cli_usage(cmd, "%s", _("unknown option"));
	}
	if (optind != argc - 1)
		return cli_usage(cmd, "%s", _("user add takes exactly one LOGIN"));
	if (!role_name)
		return cli_usage(cmd, "%s", _("user add needs --role ROLE"));
	credo_role role;
	int rc = parse_role(cmd, role_name, &role);
	if (rc)
		return rc;
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	credo_status st = credo_user_add(db, argv[optind], role, name, dept);
	if (st)
		rc = cli_fail(db, st);
	else
		printf(_("Added %s as %s.\n"), argv[optind], credo_role_name(role));
	credo_close(db);
	return rc;
}

static int print_user(const credo_user *u, void *ctx)
{
	FILE *out = ctx;
	cli_put_cell(out, u->login, 16);
	fputs("  ", out);
	cli_put_cell(out, u->name, 16);
	fputs("  ", out);
	cli_put_cell(out, credo_role_name(u->role), 14);
	fputs("  ", out);
	cli_put_cell(out, u->department, 16);
	fprintf(out, "  %s\n", u->active ? _("yes") : _("no"));
	return 0;
}

static int user_list(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return cli_usage(cmd, "%s", _("user list takes no arguments"));
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	credo_user head = { .login = _("LOGIN"), .name = _("NAME"), .role = CREDO_ROLE_COUNT,
			    .department = _("DEPARTMENT"), .active = 1 };
	cli_put_cell(stdout, head.login, 16);
	fputs("  ", stdout);
	cli_put_cell(stdout, head.name, 16);
	fputs("  ", stdout);
	cli_put_cell(stdout, _("ROLE"), 14);
	fputs("  ", stdout);
	cli_put_cell(stdout, head.department, 16);
	printf("  %s\n", _("ACTIVE"));
	credo_status st = credo_user_list(db, print_user, stdout);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

static int user_set_role(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	if (argc != 3)
		return cli_usage(cmd, "%s", _("user set-role takes LOGIN and ROLE"));
	credo_role role;
	int rc = parse_role(cmd, argv[2], &role);
	if (rc)
		return rc;
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	credo_status st = credo_user_set_role(db, argv[1], role);
	if (st)
		rc = cli_fail(db, st);
	else
		printf(_("%s is now %s.\n"), argv[1], credo_role_name(role));
	credo_close(db);
	return rc;
}

int cmd_user(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("user");
	if (argc < 2)
		return cli_usage(cmd, "%s", _("user needs a subcommand: add, list or set-role"));
	const char *sub = argv[1];
	argc--;
	argv++;
	if (strcmp(sub, "add") == 0)
		return user_add(g, cmd, argc, argv);
	if (strcmp(sub, "list") == 0)
		return user_list(g, cmd, argc, argv);
	if (strcmp(sub, "set-role") == 0)
		return user_set_role(g, cmd, argc, argv);
	return cli_usage(cmd, "%s '%s'", _("unknown user subcommand"), sub);
}
