/* cmd_export.c - `credo export receivables`: the month's workbook for finance. */
#include <getopt.h>
#include <string.h>

#include "commands.h"

/* 1 if s ends with suffix. */
static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int export_receivables(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "month", required_argument, NULL, 'm' }, { "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 },
	};
	const char *month = NULL, *path = NULL, *format = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (ch) {
		case 'm': month = optarg; break;
		case 'o': path = optarg; break;
		case 'f': format = optarg; break;
		default: return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	if (!month || !path)
		return cli_usage(cmd, "%s", _("export receivables needs --month YYYY-MM and -o FILE"));
	/* Without --format the file name decides: .csv gives CSV, anything else a workbook. */
	credo_export_format fmt = ends_with(path, ".csv") ? CREDO_EXPORT_CSV : CREDO_EXPORT_XLSX;
	if (format && strcmp(format, "xlsx") == 0)
		fmt = CREDO_EXPORT_XLSX;
	else if (format && strcmp(format, "csv") == 0)
		fmt = CREDO_EXPORT_CSV;
	else if (format)
		return cli_usage(cmd, "%s", _("--format is xlsx or csv"));

	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	credo_export_result res;
	credo_status st = credo_export_receivables(db, month, path, fmt, &res);
	if (st) {
		rc = cli_fail(db, st);
		credo_close(db);
		return rc;
	}
	for (int s = 0; s < CREDO_SHEET_COUNT; s++) {
		const char *name = credo_export_sheet_name(s);
		char file[4096];
		if (fmt == CREDO_EXPORT_CSV && credo_export_csv_path(path, name, file, sizeof file) == CREDO_OK)
			printf("%s %s: %lld %s\n", _("wrote"), file, (long long)res.rows[s], _("rows"));
		else if (fmt == CREDO_EXPORT_XLSX)
			printf("%s %s / %s: %lld %s\n", _("wrote"), path, _(name), (long long)res.rows[s], _("rows"));
	}
	if (res.closed)
		printf("%s %s %s: %s %s\n", _("month"), month, _("is closed"), _("the frozen figures as of"), res.as_of);
	else
		printf("%s %s %s: %s %s\n", _("month"), month, _("is not closed"),
		       _("live figures as of its last day,"), res.as_of);
	credo_close(db);
	return rc;
}

int cmd_export(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("export");
	if (argc < 2)
		return cli_usage(cmd, "%s", _("export needs what to export: receivables"));
	if (strcmp(argv[1], "receivables") != 0)
		return cli_usage(cmd, "%s '%s'", _("unknown export"), argv[1]);
	return export_receivables(g, cmd, argc - 1, argv + 1);
}
