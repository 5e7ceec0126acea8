/*
 * cmd_report_pareto.c - `credo report pareto` (ABC classes, collected vs
 * contracted), `credo report classes` (who moved class) and `credo
 * classify customers`.
 */
#include <getopt.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "out.h"

/* Common options: --basis, --as-of, --format, -o, and --dry-run / --from / --to where they apply. */
struct pareto_args {
	credo_pareto_opts po;
	enum out_format fmt;
	const char *xlsx, *from, *to;
	int dry_run;
};

static int parse(const struct cli_command *cmd, int argc, char **argv, struct pareto_args *a, const char *allowed)
{
	static const struct option opts[] = {
		{ "basis", required_argument, NULL, 'B' }, { "as-of", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' }, { "output", required_argument, NULL, 'o' },
		{ "dry-run", no_argument, NULL, 'n' }, { "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' }, { NULL, 0, NULL, 0 },
	};
	*a = (struct pareto_args){ .po = { .basis = CREDO_PARETO_SETTING }, .fmt = OUT_TABLE };
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		if (c == '?' || !strchr(allowed, c))
			return cli_usage(cmd, "%s", _("unknown option"));
		switch (c) {
		case 'B':
			if (strcmp(optarg, "sales") != 0 && strcmp(optarg, "collected") != 0)
				return cli_usage(cmd, "%s", _("--basis is sales or collected"));
			a->po.basis = strcmp(optarg, "sales") == 0 ? CREDO_PARETO_SALES : CREDO_PARETO_COLLECTED;
			break;
		case 'a':
			a->po.as_of = optarg;
			break;
		case 'f':
			if (out_parse_format(optarg, &a->fmt))
				return cli_usage(cmd, "%s", _("--format must be table, csv or json"));
			break;
		case 'o':
			a->xlsx = optarg;
			break;
		case 'n':
			a->dry_run = 1;
			break;
		case 'F':
			a->from = optarg;
			break;
		case 'T':
			a->to = optarg;
			break;
		}
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	return 0;
}

static const struct out_col pareto_cols[] = {
	{ "rank", 4, OUT_INT }, { "class", 5, OUT_TEXT }, { "code", 8, OUT_TEXT }, { "name", 24, OUT_TEXT },
	{ "owner", 10, OUT_TEXT }, { "basis", 15, OUT_MONEY }, { "share", 7, OUT_TEXT },
	{ "cumulative", 15, OUT_MONEY }, { "cumulative_share", 16, OUT_TEXT }, { "contracted", 15, OUT_MONEY },
	{ "collected", 15, OUT_MONEY }, { "collected_of_contracted", 23, OUT_TEXT }, { "category", 12, OUT_TEXT },
};
#define PARETO_NCOLS ((int)(sizeof pareto_cols / sizeof pareto_cols[0]))

static int pareto_row(const credo_pareto_row *r, void *ctx)
{
	char rank[CLI_NUMBUF], cls[2] = { r->cls, 0 }, m[4][CLI_NUMBUF], p[3][24];
	snprintf(rank, sizeof rank, "%d", r->rank);
	const char *v[PARETO_NCOLS] = {
		rank, cls, r->code, r->name, r->owner, cli_fen(r->basis, m[0]), out_bp(r->share_bp, p[0]),
		cli_fen(r->cumulative, m[1]), out_bp(r->cumulative_bp, p[1]), cli_fen(r->contracted, m[2]),
		cli_fen(r->collected, m[3]), out_bp(r->collected_bp, p[2]), r->category,
	};
	out_row(ctx, v);
	return 0;
}

int report_pareto(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("report");
	struct pareto_args a;
	int rc = parse(cmd, argc, argv, &a, "Bafo");
	if (rc)
		return rc;
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	struct out o;
	if ((rc = out_open(&o, db, a.fmt, a.xlsx, "Pareto", pareto_cols, PARETO_NCOLS))) {
		credo_close(db);
		return rc;
	}
	credo_money total = 0;
	credo_status st = credo_pareto(db, &a.po, pareto_row, &o, &total);
	rc = out_finish(&o, db, st);
	credo_close(db);
	return rc;
}

static const struct out_col class_cols[] = {
	{ "date", 10, OUT_TEXT }, { "code", 8, OUT_TEXT }, { "name", 24, OUT_TEXT }, { "owner", 10, OUT_TEXT },
	{ "from", 12, OUT_TEXT }, { "to", 12, OUT_TEXT },
};

static int class_row(const credo_class_change *c, void *ctx)
{
	const char *v[] = { c->date, c->code, c->name, c->owner, c->from, c->to };
	out_row(ctx, v);
	return 0;
}

/* `credo report classes [--from DATE] [--to DATE]`: who moved class. */
int report_classes(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("report");
	struct pareto_args a;
	int rc = parse(cmd, argc, argv, &a, "FTfo");
	if (rc)
		return rc;
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	struct out o;
	if ((rc = out_open(&o, db, a.fmt, a.xlsx, "Class moves", class_cols, 6))) {
		credo_close(db);
		return rc;
	}
	credo_status st = credo_class_moves(db, a.from, a.to, class_row, &o);
	rc = out_finish(&o, db, st);
	credo_close(db);
	return rc;
}

/* `credo classify customers [--basis B] [--as-of DATE] [--dry-run]`: prints each change, then a count. */
int cmd_classify(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("classify");
	if (argc < 2 || strcmp(argv[1], "customers") != 0)
		return cli_usage(cmd, "%s", _("classify takes: customers"));
	struct pareto_args a;
	int rc = parse(cmd, argc - 1, argv + 1, &a, "Bafn");
	if (rc)
		return rc;
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	struct out o;
	out_begin(&o, a.fmt, class_cols, 6, stdout);
	int64_t changed = 0;
	credo_status st = credo_classify(db, &a.po, a.dry_run, class_row, &o, &changed);
	out_end(&o);
	if (st) {
		rc = cli_fail(db, st);
	} else if (a.fmt == OUT_TABLE) {
		fprintf(stderr, a.dry_run ? _("%lld customers would change class (dry run: nothing written)\n")
					  : _("%lld customers changed class\n"),
			(long long)changed);
	}
	credo_close(db);
	return rc;
}
