/*
 * cmd_report_ledger.c - `credo report statement` (对账单) and
 * `credo report collected` (collected vs contracted, seed 003).
 */
#include <getopt.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "out.h"

/* For usage messages, whichever command dispatches to these. */
static const struct cli_command statement_cmd = {
	.name = "report statement", .args = "CUSTOMER --from DATE [--to DATE] [--format table|csv|json]",
};
static const struct cli_command collected_cmd = {
	.name = "report collected", .args = "[--by customer|salesperson] [--format table|csv|json]",
};

/* CSV and JSON: one list; the kind column tells the opening, movements, closing and open items apart. */
static const struct out_col statement_cols[] = {
	{ N_("date"), 10, OUT_TEXT }, { N_("kind"), 11, OUT_TEXT }, { N_("code"), 16, OUT_TEXT }, { N_("text"), 20, OUT_TEXT },
	{ N_("debit"), 16, OUT_MONEY }, { N_("credit"), 16, OUT_MONEY }, { N_("balance"), 16, OUT_MONEY },
	{ N_("due"), 10, OUT_TEXT },
};

/* The table shows the open items as a second list under the statement. */
static const struct out_col open_cols[] = {
	{ N_("date"), 10, OUT_TEXT }, { N_("code"), 16, OUT_TEXT }, { N_("due"), 10, OUT_TEXT }, { N_("open"), 16, OUT_MONEY },
};

struct statement_walk {
	struct out o;
	enum out_format fmt;
	const char *from, *to;
	char code[64], name[256];	/* the customer, for the table's title */
	int started;		/* output begins with the first line, so a refused statement prints nothing */
	int in_open;		/* table: the open-items list has begun */
	credo_money open_total;
};

static const char *kind_label(const char *kind)
{
	static const char *const kinds[][2] = {
		{ "opening", N_("opening") }, { "invoice", N_("invoice") }, { "credit_note", N_("credit note") },
		{ "payment", N_("payment") }, { "reversal", N_("reversal") }, { "closing", N_("closing") },
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kind, kinds[i][0]) == 0)
			return _(kinds[i][1]);
	return kind;
}

static int statement_line(const credo_statement_line *l, void *ctx)
{
	struct statement_walk *w = ctx;
	char d[CLI_NUMBUF], c[CLI_NUMBUF], b[CLI_NUMBUF];
	if (!w->started) {
		w->started = 1;
		if (w->fmt == OUT_TABLE)
			printf("%s %s %s, %s %s %s\n\n", _("Statement of account"), w->code, w->name, w->from, _("to"),
			       w->to);
		out_begin(&w->o, w->fmt, statement_cols, 8, stdout);
	}
	int open_item = strcmp(l->kind, "open_item") == 0 || strcmp(l->kind, "unapplied") == 0;
	int movement = !open_item && strcmp(l->kind, "opening") != 0 && strcmp(l->kind, "closing") != 0;
	if (w->fmt != OUT_TABLE) {
		const char *v[] = { l->date, l->kind, l->code, l->text, movement ? cli_fen(l->debit, d) : NULL,
				    movement ? cli_fen(l->credit, c) : NULL, cli_fen(l->balance, b), l->due_date };
		out_row(&w->o, v);
		return 0;
	}
	if (!open_item) {
		const char *v[] = { l->date, kind_label(l->kind), l->code, l->text,
				    movement && l->debit ? cli_fen(l->debit, d) : "",
				    movement && l->credit ? cli_fen(l->credit, c) : "", cli_fen(l->balance, b), l->due_date };
		out_row(&w->o, v);
		return 0;
	}
	if (!w->in_open) {
		w->in_open = 1;
		printf("\n%s %s\n", _("Open items at"), w->to);
		out_begin(&w->o, OUT_TABLE, open_cols, 4, stdout);
	}
	const char *v[] = { l->date, *l->code ? l->code : "", strcmp(l->kind, "unapplied") == 0 ? _("credit") : l->due_date,
			    cli_fen(l->balance, b) };
	out_row(&w->o, v);
	w->open_total += l->balance;
	return 0;
}

static int title_of(const credo_customer *c, void *ctx)
{
	struct statement_walk *w = ctx;
	snprintf(w->code, sizeof w->code, "%s", c->code);
	snprintf(w->name, sizeof w->name, "%s", c->name);
	return 0;
}

int report_statement(const struct cli_globals *g, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'F' }, { "to", required_argument, NULL, 'T' },
		{ "format", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = &statement_cmd;
	const char *from = NULL, *to = NULL;
	char today[CREDO_DATE_BUFSZ];
	struct statement_walk w = { .fmt = OUT_TABLE };
	int ch, rc;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'F')
			from = optarg;
		else if (ch == 'T')
			to = optarg;
		else if (ch != 'f' || out_parse_format(optarg, &w.fmt) != 0)
			return cli_usage(cmd, "%s", ch == 'f' ? _("--format must be table, csv or json") : _("unknown option"));
	}
	if (optind != argc - 1 || !from)
		return cli_usage(cmd, "%s", _("report statement takes one customer CODE and --from DATE"));
	w.from = from;
	w.to = to ? to : credo_date_format(credo_today(), today, sizeof today);
	credo_db *db;
	int64_t id;
	if ((rc = cli_open_find(g, credo_customer_find, argv[optind], &db, &id)))
		return rc;
	credo_customer_get(db, id, title_of, &w);
	credo_status st = credo_statement(db, id, from, w.to, statement_line, &w);
	if (st == CREDO_OK && w.fmt == OUT_TABLE) {
		char b[CLI_NUMBUF];
		if (!w.in_open) {
			printf("\n%s %s\n", _("Nothing open at"), w.to);
		} else {
			const char *v[] = { "", _("total"), "", cli_fen(w.open_total, b) };
			out_row(&w.o, v);
		}
	}
	if (w.started)
		out_end(&w.o);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

static const struct out_col collected_cols[] = {
	{ N_("key"), 12, OUT_TEXT }, { N_("name"), 24, OUT_TEXT }, { N_("contracted"), 16, OUT_MONEY },
	{ N_("invoiced"), 16, OUT_MONEY }, { N_("collected"), 16, OUT_MONEY }, { N_("balance"), 16, OUT_MONEY },
};

struct collected_walk {
	struct out *o;
	credo_collected_row total;
	int overflow;
};

static void collected_put(struct out *o, const credo_collected_row *r)
{
	char a[CLI_NUMBUF], b[CLI_NUMBUF], c[CLI_NUMBUF], d[CLI_NUMBUF];
	const char *v[] = { r->key, r->name, cli_fen(r->contracted, a), cli_fen(r->invoiced, b),
			    cli_fen(r->collected, c), cli_fen(r->balance, d) };
	out_row(o, v);
}

static int collected_row(const credo_collected_row *r, void *ctx)
{
	struct collected_walk *w = ctx;
	collected_put(w->o, r);
	w->overflow |= __builtin_add_overflow(w->total.contracted, r->contracted, &w->total.contracted);
	w->overflow |= __builtin_add_overflow(w->total.invoiced, r->invoiced, &w->total.invoiced);
	w->overflow |= __builtin_add_overflow(w->total.collected, r->collected, &w->total.collected);
	w->overflow |= __builtin_add_overflow(w->total.balance, r->balance, &w->total.balance);
	return 0;
}

int report_collected(const struct cli_globals *g, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "by", required_argument, NULL, 'b' }, { "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' }, { NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = &collected_cmd;
	enum out_format fmt = OUT_TABLE;
	const char *xlsx = NULL;
	int by_salesperson = 0, ch, rc;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		if (ch == 'o')
			xlsx = optarg;
		else if (ch == 'b' && (strcmp(optarg, "customer") == 0 || strcmp(optarg, "salesperson") == 0))
			by_salesperson = strcmp(optarg, "salesperson") == 0;
		else if (ch == 'b')
			return cli_usage(cmd, "%s", _("--by is customer or salesperson"));
		else if (ch != 'f' || out_parse_format(optarg, &fmt) != 0)
			return cli_usage(cmd, "%s", ch == 'f' ? _("--format must be table, csv or json") : _("unknown option"));
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	struct out o;
	struct collected_walk w = { .o = &o, .total = { .key = _("total"), .name = "" } };
	struct out_col cols[6];
	memcpy(cols, collected_cols, sizeof cols);
	cols[0].name = by_salesperson ? "salesperson" : "customer";
	if ((rc = out_open(&o, db, fmt, xlsx, "Collected", cols, 6))) {
		credo_close(db);
		return rc;
	}
	credo_status st = credo_collected(db, by_salesperson, collected_row, &w);
	/* Totals are for people reading the table; scripts sum csv and json themselves. */
	if (st == CREDO_OK && fmt == OUT_TABLE && !xlsx && !w.overflow)
		collected_put(&o, &w.total);
	rc = out_finish(&o, db, st);
	credo_close(db);
	return rc;
}
