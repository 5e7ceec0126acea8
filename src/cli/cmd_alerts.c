/* cmd_alerts.c - `credo alerts [--as-of DATE] [--for LOGIN] [--rules] [--format F]`. */
#include <getopt.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "out.h"

static const struct out_col alert_cols[] = {
	{ N_("severity"), 8, OUT_TEXT }, { N_("rule"), 19, OUT_TEXT }, { N_("level"), 5, OUT_INT },
	{ N_("customer"), 8, OUT_TEXT }, { N_("name"), 20, OUT_TEXT }, { N_("item"), 14, OUT_TEXT },
	{ N_("amount"), 14, OUT_MONEY }, { N_("who"), 10, OUT_TEXT }, { N_("date"), 10, OUT_TEXT }, { N_("days"), 5, OUT_INT },
	{ N_("message"), 0, OUT_TEXT },
};
#define NALERT_COLS (int)(sizeof alert_cols / sizeof alert_cols[0])

/* The list starts with its first row, so a refused call prints only the error. */
struct lazy {
	struct out o;
	enum out_format fmt;
	const struct out_col *cols;
	int ncols, begun;
};

static struct out *lazy_out(struct lazy *l)
{
	if (!l->begun) {
		out_begin(&l->o, l->fmt, l->cols, l->ncols, stdout);
		l->begun = 1;
	}
	return &l->o;
}

static int alert_row(const credo_alert *a, void *ctx)
{
	char level[CLI_NUMBUF] = "", amount[CLI_NUMBUF] = "", days[CLI_NUMBUF];
	if (a->level)
		snprintf(level, sizeof level, "%d", a->level);
	if (a->amount)
		cli_fen(a->amount, amount);
	snprintf(days, sizeof days, "%d", a->days);
	const char *item = *a->item ? a->item : a->item_kind;
	const char *v[] = { credo_alert_severity_name(a->severity), a->rule, level, a->customer_code, a->customer_name,
			    item, amount, a->responsible, a->date, days, a->message };
	out_row(lazy_out(ctx), v);
	return 0;
}

static const struct out_col rule_cols[] = {
	{ N_("rule"), 19, OUT_TEXT }, { N_("on"), 3, OUT_INT }, { N_("description"), 72, OUT_TEXT }, { N_("settings"), 0, OUT_TEXT },
};

static int rule_row(const credo_alert_rule *r, void *ctx)
{
	const char *v[] = { r->id, r->on ? "1" : "0", r->what, r->settings };
	out_row(lazy_out(ctx), v);
	return 0;
}

int cmd_alerts(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("alerts");
	static const struct option opts[] = {
		{ "as-of", required_argument, NULL, 'a' }, { "for", required_argument, NULL, 'u' },
		{ "rules", no_argument, NULL, 'r' }, { "format", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 },
	};
	enum out_format fmt = OUT_TABLE;
	const char *as_of = NULL, *who = NULL;
	int rules = 0, ch, rc;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'a': as_of = optarg; break;
		case 'u': who = optarg; break;
		case 'r': rules = 1; break;
		case 'f':
			if (out_parse_format(optarg, &fmt) == 0)
				break;
			return cli_usage(cmd, "%s", _("--format must be table, csv or json"));
		default:
			return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind != argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	if (rules && (as_of || who))
		return cli_usage(cmd, "%s", _("--rules lists the rules; it takes no --as-of or --for"));
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	struct lazy l = { .fmt = fmt, .cols = rules ? rule_cols : alert_cols, .ncols = rules ? 4 : NALERT_COLS };
	credo_status st = rules ? credo_alert_rules(db, rule_row, &l) : credo_alerts(db, as_of, who, alert_row, &l);
	if (st == CREDO_OK || l.begun)
		out_end(lazy_out(&l));
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}
