/*
 * cmd_report.c - `credo report NAME`. The funnel lives here; a report that
 * lives with its module joins as one line of the reports[] table.
 */
#include <getopt.h>
#include <inttypes.h>
#include <string.h>

#include "commands.h"
#include "out.h"

static const struct out_col funnel_cols[] = {
	{ N_("owner"), 12, OUT_TEXT }, { N_("owner_name"), 12, OUT_TEXT }, { N_("stage"), 12, OUT_TEXT },
	{ N_("probability"), 11, OUT_INT }, { N_("count"), 6, OUT_INT }, { N_("amount"), 18, OUT_MONEY },
	{ N_("weighted"), 18, OUT_MONEY },
};

struct funnel_sum {
	int64_t count;
	credo_money amount, weighted;
};

/* Walk state: the output, and (for the table) running totals per salesperson and overall. */
struct funnel_walk {
	struct out *o;
	char owner[64];		/* login of the rows being summed; "" before the first */
	struct funnel_sum seller, all;
	int overflow;
};

static void funnel_put(struct out *o, const char *owner, const char *name, const char *stage,
		       const char *prob, const struct funnel_sum *s)
{
	char count[24], amount[24], weighted[24];
	snprintf(count, sizeof count, "%" PRId64, s->count);
	snprintf(amount, sizeof amount, "%" PRId64, s->amount);
	snprintf(weighted, sizeof weighted, "%" PRId64, s->weighted);
	const char *v[] = { owner, name, stage, prob, count, amount, weighted };
	out_row(o, v);
}

/* The totals add up the rows as shown, so a reader's sum matches the table. */
static void funnel_add(struct funnel_walk *w, struct funnel_sum *to, const struct funnel_sum *s)
{
	w->overflow |= __builtin_add_overflow(to->count, s->count, &to->count);
	w->overflow |= __builtin_add_overflow(to->amount, s->amount, &to->amount);
	w->overflow |= __builtin_add_overflow(to->weighted, s->weighted, &to->weighted);
}

static void funnel_seller_total(struct funnel_walk *w)
{
	if (!w->owner[0])
		return;
	funnel_put(w->o, w->owner, "", _("total"), NULL, &w->seller);
	funnel_add(w, &w->all, &w->seller);
	w->seller = (struct funnel_sum){ 0 };
}

static int funnel_row(const credo_funnel_row *r, void *ctx)
{
	struct funnel_walk *w = ctx;
	struct funnel_sum s = { .count = r->count, .amount = r->amount, .weighted = r->weighted };
	int table = w->o->fmt == OUT_TABLE;
	if (table && strcmp(w->owner, r->owner_login) != 0) {
		funnel_seller_total(w);
		snprintf(w->owner, sizeof w->owner, "%s", r->owner_login);
	}
	char prob[8];
	snprintf(prob, sizeof prob, "%d", r->probability);
	funnel_put(w->o, r->owner_login, r->owner_name, r->stage, prob, &s);
	if (table)
		funnel_add(w, &w->seller, &s);
	return 0;
}

/* argv[0] is "funnel". */
static int report_funnel(const struct cli_globals *g, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' }, { "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = cli_find("report");
	enum out_format fmt = OUT_TABLE;
	const char *xlsx = NULL;
	int c, rc;
	optind = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		if (c == 'o')
			xlsx = optarg;
		else if (c != 'f' || out_parse_format(optarg, &fmt))
			return cli_usage(cmd, "%s", _("report funnel takes only --format table|csv|json and -o FILE.xlsx"));
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	struct out o;
	struct funnel_walk w = { .o = &o };
	if ((rc = out_open(&o, db, fmt, xlsx, "Funnel", funnel_cols, (int)(sizeof funnel_cols / sizeof funnel_cols[0])))) {
		credo_close(db);
		return rc;
	}
	credo_status st = credo_funnel(db, funnel_row, &w);
	/* Totals are for people reading the table; scripts sum csv and json themselves. */
	if (st == CREDO_OK && fmt == OUT_TABLE && !xlsx) {
		funnel_seller_total(&w);
		funnel_put(&o, _("all"), "", _("total"), NULL, &w.all);
	}
	rc = out_finish(&o, db, st);
	if (st == CREDO_OK && w.overflow) {
		fprintf(stderr, "credo: %s\n", _("funnel totals are too large to add up"));
		rc = CLI_DATA;
	}
	credo_close(db);
	return rc;
}

/* Each report gets argv from its own name on and parses its options itself. */
static const struct {
	const char *name;
	int (*run)(const struct cli_globals *g, int argc, char **argv);
} reports[] = {
	{ "aging", report_aging },
	{ "classes", report_classes },
	{ "collected", report_collected },
	{ "commission", report_commission },
	{ "credit", report_credit },
	{ "dso", report_dso },
	{ "due", report_due },
	{ "funnel", report_funnel },
	{ "pareto", report_pareto },
	{ "provision", report_provision },
	{ "scorecard", report_scorecard },
	{ "statement", report_statement },
	{ "targets", report_targets },
};

int cmd_report(const struct cli_globals *g, int argc, char **argv)
{
	static const char names[] = "aging, classes, collected, commission, credit, dso, due, funnel, pareto, provision,"
		" scorecard, statement, targets";
	const struct cli_command *cmd = cli_find("report");
	if (argc < 2)
		return cli_usage(cmd, "%s (%s)", _("report needs a report name"), names);
	for (size_t i = 0; i < sizeof reports / sizeof reports[0]; i++)
		if (strcmp(argv[1], reports[i].name) == 0)
			return reports[i].run(g, argc - 1, argv + 1);
	return cli_usage(cmd, "%s '%s' (%s: %s)", _("unknown report"), argv[1], _("reports"), names);
}
