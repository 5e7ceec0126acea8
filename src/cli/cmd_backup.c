/* cmd_backup.c - `credo backup FILE` and `credo restore FILE`. */
#include "commands.h"

static int one_file(const struct cli_globals *g, const char *name, int argc, char **argv,
		    credo_status (*op)(credo_db *, const char *), int restore)
{
	const struct cli_command *cmd = cli_find(name);
	if (argc < 2)
		return cli_usage(cmd, "%s", _("which file?"));
	if (argc > 2)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[2]);
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	credo_status st = op(db, argv[1]);
	if (st)
		rc = cli_fail(db, st);
	else if (restore)
		printf(_("Restored %s from %s.\n"), g->db_path, argv[1]);
	else
		printf(_("Backed up %s to %s.\n"), g->db_path, argv[1]);
	credo_close(db);
	return rc;
}

int cmd_backup(const struct cli_globals *g, int argc, char **argv)
{
	return one_file(g, "backup", argc, argv, credo_backup, 0);
}

int cmd_restore(const struct cli_globals *g, int argc, char **argv)
{
	return one_file(g, "restore", argc, argv, credo_restore, 1);
}
