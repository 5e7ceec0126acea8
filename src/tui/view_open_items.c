/*
 * view_open_items.c - one customer's open invoices as of a date (the
 * drill-down of the Receivables aging): amount, what is still open, days
 * past due, the aging bucket, the collector; a totals row. Enter or `t`
 * opens the statement, `p` records a payment, `@` changes the date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_export.h"
#include "tui_list.h"
#include "tui_money.h"
#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "i18n.h"

enum { OI_INVOICE, OI_DATE, OI_DUE, OI_AMOUNT, OI_OPEN, OI_DAYS, OI_BUCKET, OI_CONTRACT, OI_COLLECTOR,
       OI_DISPUTED, OI_COUNT };

static const struct tui_column open_cols[OI_COUNT] = {
	[OI_INVOICE] = { .title = N_("Invoice"), .width = 14 },
	[OI_DATE] = { .title = N_("Date"), .width = 10 },
	[OI_DUE] = { .title = N_("Due"), .width = 10 },
	[OI_AMOUNT] = { .title = N_("Amount"), .width = 12, .right = 1 },
	[OI_OPEN] = { .title = N_("Open"), .width = 12, .right = 1 },
	[OI_DAYS] = { .title = N_("Late"), .width = 5, .right = 1 },
	[OI_BUCKET] = { .title = N_("Bucket"), .width = 7, .grow = 1 },
	[OI_CONTRACT] = { .title = N_("Contract"), .width = 12, .min_total = 100 },
	[OI_COLLECTOR] = { .title = N_("Collector"), .width = 10, .min_total = 112 },
	[OI_DISPUTED] = { .title = N_("Disputed"), .width = 8, .min_total = 122 },
};

struct open_items {
	struct tui *t;
	int64_t customer_id;
	char customer[320], label[64];
	char as_of[CREDO_DATE_BUFSZ];
	credo_aging_buckets buckets;
	struct tui_list list;
	credo_money amount, open;
	int n;
	char foot_amount[CREDO_MONEY_BUFSZ], foot_open[CREDO_MONEY_BUFSZ], foot_label[64];
};

struct open_walk {
	struct open_items *s;
	struct tui_list_stream *stream;
};

static int open_item(const credo_open_item *it, void *ctx)
{
	struct open_walk *w = ctx;
	struct open_items *s = w->s;
	char a[CREDO_MONEY_BUFSZ], o[CREDO_MONEY_BUFSZ], days[16] = "";

	if (!w->stream) {
		s->amount += it->amount;
		s->open += it->open;
		s->n++;
		return 0;
	}
	if (it->days_past_due > 0)
		snprintf(days, sizeof days, "%d", it->days_past_due);
	const char *cells[OI_COUNT] = {
		[OI_INVOICE] = it->invoice_code,
		[OI_DATE] = it->invoice_date,
		[OI_DUE] = it->due_date,
		[OI_AMOUNT] = tui_money(it->amount, a, sizeof a),
		[OI_OPEN] = tui_money(it->open, o, sizeof o),
		[OI_DAYS] = days,
		[OI_BUCKET] = it->bucket >= 0 && it->bucket < s->buckets.n ? s->buckets.label[it->bucket] : "",
		[OI_CONTRACT] = it->contract_code,
		[OI_COLLECTOR] = it->collector,
		[OI_DISPUTED] = it->disputed ? _("disputed") : "",
	};
	return tui_list_stream_row(w->stream, it->invoice_id, cells);
}

static int open_walk(struct open_items *s, struct tui_list_stream *stream)
{
	struct open_walk w = { .s = s, .stream = stream };
	credo_aging_opts o = { .as_of = s->as_of, .customer_id = s->customer_id };
	credo_status st = credo_open_items(tui_db(s->t), &o, open_item, &w);

	if (st != CREDO_OK && st != CREDO_STOP && st != CREDO_DONE) {
		tui_core_error(s->t, st);
		return -1;
	}
	return 0;
}

static int open_stream(void *ctx, struct tui_list_stream *stream)
{
	return open_walk(ctx, stream);
}

static int open_sum(struct open_items *s)
{
	s->amount = s->open = 0;
	s->n = 0;
	int rc = open_walk(s, NULL);
	tui_money(s->amount, s->foot_amount, sizeof s->foot_amount);
	tui_money(s->open, s->foot_open, sizeof s->foot_open);
	snprintf(s->foot_label, sizeof s->foot_label, _("Total (%d)"), s->n);
	return rc;
}

static int open_customer(const credo_customer *c, void *ctx)
{
	struct open_items *s = ctx;

	snprintf(s->customer, sizeof s->customer, "%s  %s", c->code, c->name);
	snprintf(s->label, sizeof s->label, _("Open items %s"), c->code);
	return 0;
}

static void open_close(void *state)
{
	struct open_items *s = state;

	if (!s)
		return;
	tui_list_free(&s->list);
	free(s);
}

static int open_open(struct tui *t, const void *arg, void **state)
{
	const struct tui_ledger_arg *a = arg;
	struct open_items *s = calloc(1, sizeof *s);
	credo_status st;

	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->t = t;
	s->customer_id = a->customer_id;
	if (a->date[0])
		snprintf(s->as_of, sizeof s->as_of, "%s", a->date);
	else
		tui_today(s->as_of, sizeof s->as_of);
	st = credo_customer_get(tui_db(t), s->customer_id, open_customer, s);
	if (st == CREDO_OK)
		st = credo_aging_buckets_get(tui_db(t), 0, &s->buckets);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		free(s);
		return -1;
	}
	tui_list_init_stream(&s->list, open_cols, OI_COUNT, open_stream, s);
	if (open_sum(s) != 0) {
		open_close(s);
		return -1;
	}
	*state = s;
	return 0;
}

static const char *open_label(void *state)
{
	return ((struct open_items *)state)->label;
}

static void open_footer(const struct open_items *s, const char **cells)
{
	for (int c = 0; c < OI_COUNT; c++)
		cells[c] = "";
	cells[OI_INVOICE] = s->foot_label;
	cells[OI_AMOUNT] = s->foot_amount;
	cells[OI_OPEN] = s->foot_open;
}

static void open_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct open_items *s = state;
	char buf[512];
	const char *foot[OI_COUNT];

	(void)t;
	snprintf(buf, sizeof buf, _("Open items of %s as of %s"), s->customer, s->as_of);
	tui_put(stdscr, r.y, r.x + 1, buf, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_list_draw(&s->list, stdscr, r.y + 1, r.x, r.h - 2, r.w, _("Nothing open at this date."));
	open_footer(s, foot);
	tui_list_draw_cells(&s->list, stdscr, r.y + r.h - 1, r.x, r.w, foot, tui_attr(TUI_S_HEADER));
}

static void open_reload(struct open_items *s)
{
	open_sum(s);
	tui_list_reset(&s->list);
}

static void open_asof_done(struct tui *t, void *ctx, const char *text)
{
	struct open_items *s = ctx;

	if (!text || tui_parse_date(t, text, s->as_of, sizeof s->as_of) != 0)
		return;
	open_reload(s);
}

static int open_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct open_items *s = state;
	struct tui_ledger_arg arg = { .customer_id = s->customer_id };
	const char *foot[OI_COUNT];

	(void)key;
	if (tui_list_action(&s->list, act))
		return TUI_DONE;
	switch (act) {
	case TUI_ACT_ENTER:
	case TUI_ACT_STATEMENT:
		snprintf(arg.date, sizeof arg.date, "%s", s->as_of);
		tui_push(t, "statement", &arg);
		return TUI_DONE;
	case TUI_ACT_ASOF:
		tui_prompt(t, _("As of:"), s->as_of, open_asof_done, s);
		return TUI_DONE;
	case TUI_ACT_EXPORT:
		open_footer(s, foot);
		tui_export_list(t, &s->list, "open-items", foot);
		return TUI_DONE;
	case TUI_ACT_PAYMENT:
		if (tui_allowed(t, CREDO_PERM_LEDGER_POST) == 0)
			tui_push(t, "payment_new", &arg);
		return TUI_DONE;
	case TUI_ACT_INVOICE:
		if (tui_allowed(t, CREDO_PERM_LEDGER_POST) == 0)
			tui_push(t, "invoice_new", &arg);
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

static void open_resume(struct tui *t, void *state, const struct tui_result *res)
{
	(void)t;
	if (res && res->kind)
		open_reload(state);
}

const struct tui_view_ops tui_view_open_items = {
	.name = "open_items",
	.title = N_("Open items"),
	.actions = TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) | TUI_A(END) |
		   TUI_A(ENTER) | TUI_A(ASOF) | TUI_A(EXPORT) | TUI_A(STATEMENT) | TUI_A(INVOICE) |
		   TUI_A(PAYMENT),
	.open = open_open,
	.draw = open_draw,
	.handle = open_handle,
	.resume = open_resume,
	.label = open_label,
	.close = open_close,
};
