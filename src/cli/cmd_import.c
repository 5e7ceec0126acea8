/* cmd_import.c - `credo import customers|contacts FILE [--dry-run]`. */
#include <getopt.h>
#include <string.h>

#include "commands.h"

static int print_error(const credo_import_error *e, void *ctx)
{
	(void)ctx;
	char reason[512];
	credo_text_fit(e->reason, 400, 0, reason, sizeof reason);	/* file text may hold escapes */
	if (*e->column)
		fprintf(stderr, "line %ld, column %s: %s\n", e->line, e->column, reason);
	else
		fprintf(stderr, "line %ld: %s\n", e->line, reason);
	return 0;
}

int cmd_import(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("import");
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	int dry = 0, ch;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch != 'n')
			return cli_usage(cmd, "%s", _("unknown option"));
		dry = 1;
	}
	if (argc - optind != 2)
		return cli_usage(cmd, "%s", _("import takes what (customers, contacts, invoices or payments) and a FILE"));
	static const char *const kinds[] = {
		[CREDO_IMPORT_CUSTOMERS] = "customers", [CREDO_IMPORT_CONTACTS] = "contacts",
		[CREDO_IMPORT_INVOICES] = "invoices", [CREDO_IMPORT_PAYMENTS] = "payments",
	};
	int kind = 0;
	while (kind < 4 && strcmp(argv[optind], kinds[kind]) != 0)
		kind++;
	if (kind == 4)
		return cli_usage(cmd, "%s '%s'", _("cannot import"), argv[optind]);
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	credo_import_result res;
	credo_status st = credo_import(db, (credo_import_kind)kind, argv[optind + 1], dry, print_error, NULL, &res);
	if (st)
		rc = cli_fail(db, st);
	else if (dry)
		printf(_("%ld rows checked, all good; nothing written (dry run).\n"), res.rows);
	else
		printf(_("%ld rows imported.\n"), res.imported);
	credo_close(db);
	return rc;
}
