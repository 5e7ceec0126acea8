/* cmd_report_scorecard.c - `credo report scorecard`: the salesperson scorecard, ranked by money collected. */
#include <getopt.h>
#include <inttypes.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "out.h"

static const struct out_col cols[] = {
	{ "rank", 4, OUT_INT }, { "login", 10, OUT_TEXT }, { "name", 10, OUT_TEXT }, { "department", 12, OUT_TEXT },
	{ "new_customers", 13, OUT_INT }, { "visits_done", 11, OUT_INT }, { "visits_planned", 14, OUT_INT },
	{ "won", 4, OUT_INT }, { "lost", 4, OUT_INT }, { "contracts", 9, OUT_INT },
	{ "contracted", 15, OUT_MONEY }, { "invoiced", 15, OUT_MONEY }, { "collected", 15, OUT_MONEY },
	{ "collection_rate", 15, OUT_TEXT }, { "target", 15, OUT_MONEY }, { "receivable", 15, OUT_MONEY },
	{ "overdue", 15, OUT_MONEY }, { "overdue_share", 13, OUT_TEXT }, { "dso", 5, OUT_INT },
	{ "complaints", 10, OUT_INT },
};
#define NCOLS ((int)(sizeof cols / sizeof cols[0]))

struct walk {
	struct out o;
	int by_dept;
};

static int row(const credo_scorecard_row *r, void *ctx)
{
	struct walk *w = ctx;
	char n[10][CLI_NUMBUF], m[7][CLI_NUMBUF], p[2][24];
	snprintf(n[0], CLI_NUMBUF, "%d", r->rank);
	snprintf(n[1], CLI_NUMBUF, "%" PRId64, r->new_customers);
	snprintf(n[2], CLI_NUMBUF, "%" PRId64, r->visits_done);
	snprintf(n[3], CLI_NUMBUF, "%" PRId64, r->visits_planned);
	snprintf(n[4], CLI_NUMBUF, "%" PRId64, r->won);
	snprintf(n[5], CLI_NUMBUF, "%" PRId64, r->lost);
	snprintf(n[6], CLI_NUMBUF, "%" PRId64, r->contracts);
	snprintf(n[7], CLI_NUMBUF, "%d", r->dso);
	snprintf(n[8], CLI_NUMBUF, "%" PRId64, r->complaints);
	const char *v[NCOLS] = {
		n[0], r->key, w->by_dept ? "" : r->name, r->department, n[1], n[2], n[3], n[4],
		n[5], n[6], cli_fen(r->contracted, m[0]), cli_fen(r->invoiced, m[1]), cli_fen(r->collected, m[2]),
		out_bp(r->collection_bp, p[0]), cli_fen(r->target, m[3]), cli_fen(r->receivable, m[4]),
		cli_fen(r->overdue, m[5]), out_bp(r->overdue_bp, p[1]), r->dso < 0 ? "" : n[7], n[8],
	};
	out_row(&w->o, v);
	return 0;
}

int report_scorecard(const struct cli_globals *g, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'F' }, { "to", required_argument, NULL, 'T' },
		{ "by", required_argument, NULL, 'b' }, { "for", required_argument, NULL, 'u' },
		{ "format", required_argument, NULL, 'f' }, { "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = cli_find("report");
	credo_scorecard_opts so = { 0 };
	enum out_format fmt = OUT_TABLE;
	const char *xlsx = NULL;
	int c, rc;
	optind = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'F':
			so.from = optarg;
			break;
		case 'T':
			so.to = optarg;
			break;
		case 'b':
			if (strcmp(optarg, "salesperson") != 0 && strcmp(optarg, "department") != 0)
				return cli_usage(cmd, "%s", _("--by is salesperson or department"));
			so.by_department = strcmp(optarg, "department") == 0;
			break;
		case 'u':
			so.login = optarg;
			break;
		case 'f':
			if (out_parse_format(optarg, &fmt))
				return cli_usage(cmd, "%s", _("--format must be table, csv or json"));
			break;
		case 'o':
			xlsx = optarg;
			break;
		default:
			return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	struct walk w = { .by_dept = so.by_department };
	/* By department the key is the department's name. */
	struct out_col c2[NCOLS];
	memcpy(c2, cols, sizeof c2);
	if (so.by_department)
		c2[1].name = "key";
	if ((rc = out_open(&w.o, db, fmt, xlsx, "Scorecard", c2, NCOLS))) {
		credo_close(db);
		return rc;
	}
	/* The workbook draws collected against target per row, named by login or department. */
	credo_export_chart chart = { .title = _("Collected vs target"), .cat_col = 1, .ncols = 2, .cols = { 12, 14 } };
	out_xlsx_chart(&w.o, &chart);
	credo_status st = credo_scorecard(db, &so, row, &w, NULL, NULL);
	rc = out_finish(&w.o, db, st);
	credo_close(db);
	return rc;
}
