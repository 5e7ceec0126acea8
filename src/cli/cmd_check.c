/* cmd_check.c - `credo check`. */
#include "commands.h"

int cmd_check(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("check");
	if (argc > 1)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[1]);
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	credo_check_report rep;
	credo_status st = credo_check(db, &rep);
	if (st != CREDO_OK && st != CREDO_CORRUPT) {
		rc = cli_fail(db, st);
		credo_close(db);
		return rc;
	}
	printf("%-14s %s\n", _("integrity"), rep.integrity_ok ? _("ok") : _("FAILED"));
	printf("%-14s %s\n", _("foreign keys"), rep.foreign_keys_ok ? _("ok") : _("FAILED"));
	printf("%-14s %s (%lld %s)\n", _("audit chain"), rep.chain_ok ? _("ok") : _("FAILED"),
	       (long long)rep.audit_rows, _("rows verified"));
	printf("%-14s %s\n", _("ledger"), rep.ledger_ok ? _("ok") : _("FAILED"));
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}
