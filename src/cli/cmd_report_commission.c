/*
 * cmd_report_commission.c - `credo report commission --month M [--for LOGIN]
 * [--lines]`: one statement row per salesperson; --lines lists how each
 * payment was priced instead; a table for one salesperson adds the working.
 */
#include <getopt.h>
#include <inttypes.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "out.h"

static const struct out_col sum_cols[] = {
	{ "login", 10, OUT_TEXT }, { "name", 10, OUT_TEXT }, { "month", 7, OUT_TEXT }, { "lines", 5, OUT_INT },
	{ "collected", 14, OUT_MONEY }, { "excess", 12, OUT_MONEY }, { "basic_base", 14, OUT_MONEY },
	{ "basic", 11, OUT_MONEY }, { "excess_commission", 17, OUT_MONEY }, { "gross", 11, OUT_MONEY },
	{ "deduction", 11, OUT_MONEY }, { "net", 11, OUT_MONEY }, { "reserve", 11, OUT_MONEY },
	{ "payable", 11, OUT_MONEY }, { "reserve_before", 14, OUT_MONEY },
};
#define SUM_NCOLS ((int)(sizeof sum_cols / sizeof sum_cols[0]))

static const struct out_col line_cols[] = {
	{ "login", 10, OUT_TEXT }, { "payment", 14, OUT_TEXT }, { "pay_date", 10, OUT_TEXT },
	{ "customer", 8, OUT_TEXT }, { "invoice", 14, OUT_TEXT }, { "due_date", 10, OUT_TEXT },
	{ "collected", 14, OUT_MONEY }, { "excess", 12, OUT_MONEY }, { "basic", 10, OUT_MONEY },
	{ "excess_commission", 17, OUT_MONEY }, { "days_late", 9, OUT_INT }, { "deduction_rate", 14, OUT_TEXT },
	{ "deduction", 10, OUT_MONEY }, { "net", 10, OUT_MONEY },
};
#define LINE_NCOLS ((int)(sizeof line_cols / sizeof line_cols[0]))

struct walk {
	struct out o;
	int explain;		/* a table for one salesperson: print the working after the row */
	credo_commission last;	/* its strings point into the buffers below */
	char login[64], name[256], month[8];
	int have_last;
};

static int line_row(const credo_commission_line *l, void *ctx)
{
	struct walk *w = ctx;
	char m[6][CLI_NUMBUF], d[CLI_NUMBUF], p[24];
	snprintf(d, sizeof d, "%d", l->days_late);
	const char *v[LINE_NCOLS] = {
		l->login, l->payment, l->pay_date, l->customer, l->invoice, l->due_date, cli_fen(l->collected, m[0]),
		cli_fen(l->excess, m[1]), cli_fen(l->basic, m[2]), cli_fen(l->excess_comm, m[3]), d,
		out_bp(l->deduct_bp, p), cli_fen(l->deduction, m[4]), cli_fen(l->net, m[5]),
	};
	out_row(&w->o, v);
	return 0;
}

static int sum_row(const credo_commission *c, void *ctx)
{
	struct walk *w = ctx;
	char n[CLI_NUMBUF], m[11][CLI_NUMBUF];
	snprintf(n, sizeof n, "%" PRId64, c->lines);
	const char *v[SUM_NCOLS] = {
		c->login, c->name, c->month, n, cli_fen(c->collected, m[0]), cli_fen(c->excess, m[1]),
		cli_fen(c->basic_base, m[2]), cli_fen(c->basic, m[3]), cli_fen(c->excess_comm, m[4]),
		cli_fen(c->gross, m[5]), cli_fen(c->deduction, m[6]), cli_fen(c->net, m[7]), cli_fen(c->reserve, m[8]),
		cli_fen(c->payable, m[9]), cli_fen(c->reserve_before, m[10]),
	};
	out_row(&w->o, v);
	w->last = *c;
	snprintf(w->login, sizeof w->login, "%s", c->login);
	snprintf(w->name, sizeof w->name, "%s", c->name);
	snprintf(w->month, sizeof w->month, "%s", c->month);
	w->last.login = w->login;
	w->last.name = w->name;
	w->last.month = w->month;
	w->have_last = 1;
	return 0;
}

/* The statement's working, line by line, for people. */
static void explain(const credo_commission *c)
{
	char a[CREDO_MONEY_BUFSZ], b[CREDO_MONEY_BUFSZ], r[24];
	printf("\n%s %s (%s), %s\n", _("Commission of"), c->name, c->login, c->month);
	printf("  %-34s %16s\n", _("collected in the month"), cli_money_text(c->collected, a));
	printf("  %-34s %16s x %-8s = %14s\n", _("at list price"), cli_money_text(c->basic_base, a),
	       out_bp(c->basic_bp, r), cli_money_text(c->basic, b));
	printf("  %-34s %16s x %-8s = %14s\n", _("above list price"), cli_money_text(c->excess, a),
	       out_bp(c->excess_bp, r), cli_money_text(c->excess_comm, b));
	printf("  %-34s %16s\n", _("gross commission"), cli_money_text(c->gross, a));
	printf("  %-34s %16s\n", _("less deductions for late collection"), cli_money_text(-c->deduction, a));
	printf("  %-34s %16s\n", _("net commission"), cli_money_text(c->net, a));
	printf("  %-34s %16s   (%s)\n", _("less risk reserve held back"), cli_money_text(-c->reserve, a),
	       out_bp(c->reserve_bp, r));
	if (c->reserve_cap > 0)
		printf("  %-34s %16s   (%s %s)\n", _("reserve held in earlier months"),
		       cli_money_text(c->reserve_before, a), _("held up to"), cli_money_text(c->reserve_cap, b));
	printf("  %-34s %16s\n", _("payable"), cli_money_text(c->payable, a));
}

int report_commission(const struct cli_globals *g, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "month", required_argument, NULL, 'm' }, { "for", required_argument, NULL, 'u' },
		{ "lines", no_argument, NULL, 'l' }, { "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' }, { NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = cli_find("report");
	const char *month = NULL, *login = NULL, *xlsx = NULL;
	enum out_format fmt = OUT_TABLE;
	int lines = 0, c, rc;
	optind = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		if (c == 'm')
			month = optarg;
		else if (c == 'u')
			login = optarg;
		else if (c == 'l')
			lines = 1;
		else if (c == 'o')
			xlsx = optarg;
		else if (c != 'f' || out_parse_format(optarg, &fmt))
			return cli_usage(cmd, "%s", _("report commission takes --month YYYY-MM [--for LOGIN] [--lines]"
						     " [--format F] [-o FILE.xlsx]"));
	}
	if (optind < argc || !month)
		return cli_usage(cmd, "%s", _("report commission needs --month YYYY-MM"));
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	struct walk w = { .explain = login && !lines && !xlsx && fmt == OUT_TABLE };
	if ((rc = out_open(&w.o, db, fmt, xlsx, lines ? "Commission lines" : "Commission",
			   lines ? line_cols : sum_cols, lines ? LINE_NCOLS : SUM_NCOLS))) {
		credo_close(db);
		return rc;
	}
	credo_status st = credo_commission_month(db, month, login, lines ? line_row : NULL, lines ? NULL : sum_row, &w);
	rc = out_finish(&w.o, db, st);
	if (st == CREDO_OK && w.explain && w.have_last)
		explain(&w.last);
	credo_close(db);
	return rc;
}
