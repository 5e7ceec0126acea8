/* cmd_report_targets.c - `credo target set` and `credo report targets`: actual against target. */
#include <getopt.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "out.h"

/* `credo target set LOGIN --month YYYY-MM --amount A [--region R] [--product CODE]` */
int cmd_target(const struct cli_globals *g, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "month", required_argument, NULL, 'm' }, { "amount", required_argument, NULL, 'a' },
		{ "region", required_argument, NULL, 'r' }, { "product", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = cli_find("target");
	if (argc < 2 || strcmp(argv[1], "set") != 0)
		return cli_usage(cmd, "%s", _("target takes: set LOGIN --month YYYY-MM --amount A"));
	const char *month = NULL, *amount = NULL, *region = NULL, *product = NULL;
	int c, rc;
	optind = 0;
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'm')
			month = optarg;
		else if (c == 'a')
			amount = optarg;
		else if (c == 'r')
			region = optarg;
		else if (c == 'p')
			product = optarg;
		else
			return cli_usage(cmd, "%s", _("unknown option"));
	}
	if (optind + 1 != argc || !month || !amount)
		return cli_usage(cmd, "%s", _("target set needs LOGIN, --month YYYY-MM and --amount"));
	credo_money m;
	if ((rc = cli_money_arg("--amount", amount, &m)))
		return rc;
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	credo_status st = credo_target_set(db, argv[optind], month, region, product, m);
	rc = st ? cli_fail(db, st) : 0;
	credo_close(db);
	return rc;
}

static const struct out_col cols[] = {
	{ "login", 10, OUT_TEXT }, { "name", 10, OUT_TEXT }, { "region", 8, OUT_TEXT }, { "product", 8, OUT_TEXT },
	{ "target", 15, OUT_MONEY }, { "invoiced", 15, OUT_MONEY }, { "invoiced_of_target", 18, OUT_TEXT },
	{ "collected", 15, OUT_MONEY }, { "collected_of_target", 19, OUT_TEXT }, { "last_year", 15, OUT_MONEY },
	{ "suggested", 15, OUT_MONEY },
};
#define NCOLS ((int)(sizeof cols / sizeof cols[0]))

static int row(const credo_target_row *t, void *ctx)
{
	char m[5][CLI_NUMBUF], p[2][24];
	const char *v[NCOLS] = {
		t->login, t->name, t->region, t->product, t->has_target ? cli_fen(t->target, m[0]) : "",
		cli_fen(t->invoiced, m[1]), out_bp(t->invoiced_bp, p[0]), cli_fen(t->collected, m[2]),
		out_bp(t->collected_bp, p[1]), cli_fen(t->last_year, m[3]), cli_fen(t->suggested, m[4]),
	};
	out_row(ctx, v);
	return 0;
}

int report_targets(const struct cli_globals *g, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "month", required_argument, NULL, 'm' }, { "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' }, { NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = cli_find("report");
	const char *month = NULL, *xlsx = NULL;
	enum out_format fmt = OUT_TABLE;
	int c, rc;
	optind = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		if (c == 'm')
			month = optarg;
		else if (c == 'o')
			xlsx = optarg;
		else if (c != 'f' || out_parse_format(optarg, &fmt))
			return cli_usage(cmd, "%s", _("report targets takes --month YYYY-MM [--format F] [-o FILE.xlsx]"));
	}
	if (optind < argc || !month)
		return cli_usage(cmd, "%s", _("report targets needs --month YYYY-MM"));
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	struct out o;
	if ((rc = out_open(&o, db, fmt, xlsx, "Targets", cols, NCOLS))) {
		credo_close(db);
		return rc;
	}
	credo_export_chart chart = { .title = _("Collected vs target"), .cat_col = 0, .ncols = 3, .cols = { 4, 5, 7 } };
	out_xlsx_chart(&o, &chart);
	credo_status st = credo_targets(db, month, row, &o);
	rc = out_finish(&o, db, st);
	credo_close(db);
	return rc;
}
