/*
 * view_statement.c - a customer's statement of account (对账单) for a
 * period: opening balance, every invoice, credit note, payment and
 * reversal with the running balance, the closing balance, then the
 * invoices open at the end of the period. `@` asks for another period.
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

enum { SC_DATE, SC_KIND, SC_CODE, SC_DEBIT, SC_CREDIT, SC_BALANCE, SC_TEXT, SC_DUE, SC_COUNT };

static const struct tui_column statement_cols[SC_COUNT] = {
	[SC_DATE] = { .title = N_("Date"), .width = 10 },
	[SC_KIND] = { .title = N_("Entry"), .width = 11 },
	[SC_CODE] = { .title = N_("Code"), .width = 14 },
	[SC_DEBIT] = { .title = NC_("ledger", "Debit"), .width = 12, .right = 1 },
	[SC_CREDIT] = { .title = NC_("ledger", "Credit"), .width = 12, .right = 1 },
	[SC_BALANCE] = { .title = N_("Balance"), .width = 13, .right = 1 },
	[SC_TEXT] = { .title = N_("Details"), .width = 10, .grow = 1, .min_total = 100 },
	[SC_DUE] = { .title = N_("Due"), .width = 10, .min_total = 112 },
};

struct statement {
	struct tui *t;
	int64_t customer_id;
	char customer[320], label[64];
	char from[CREDO_DATE_BUFSZ], to[CREDO_DATE_BUFSZ];
	char ask_from[CREDO_DATE_BUFSZ];	/* while asking for a period */
	struct tui_list list;
	/* the period at a glance, from the last load */
	credo_money opening, debits, credits, closing, open_items;
	int nopen;
};

/* Short words for the entry column. */
static const char *statement_kind(const char *kind)
{
	if (strcmp(kind, "opening") == 0)
		return _("opening");
	if (strcmp(kind, "closing") == 0)
		return _("closing");
	return tui_word(kind);
}

struct statement_walk {
	struct statement *s;
	struct tui_list_stream *stream;	/* NULL: only sum */
};

static int statement_line(const credo_statement_line *l, void *ctx)
{
	struct statement_walk *w = ctx;
	struct statement *s = w->s;
	char d[CREDO_MONEY_BUFSZ] = "", c[CREDO_MONEY_BUFSZ] = "", b[CREDO_MONEY_BUFSZ];
	int open_item = strcmp(l->kind, "open_item") == 0;

	if (!w->stream) {
		if (strcmp(l->kind, "opening") == 0)
			s->opening = l->balance;
		else if (strcmp(l->kind, "closing") == 0)
			s->closing = l->balance;
		else if (open_item) {
			s->open_items += l->balance;
			s->nopen++;
		} else {
			s->debits += l->debit;
			s->credits += l->credit;
		}
		return 0;
	}
	if (l->debit)
		tui_money(l->debit, d, sizeof d);
	if (l->credit)
		tui_money(l->credit, c, sizeof c);
	const char *cells[SC_COUNT] = {
		[SC_DATE] = l->date,
		[SC_KIND] = statement_kind(l->kind),
		[SC_CODE] = l->code,
		[SC_DEBIT] = d,
		[SC_CREDIT] = c,
		[SC_BALANCE] = tui_money(l->balance, b, sizeof b),
		[SC_TEXT] = l->text,
		[SC_DUE] = l->due_date,
	};
	return tui_list_stream_row(w->stream, 0, cells);
}

static int statement_walk(struct statement *s, struct tui_list_stream *stream)
{
	struct statement_walk w = { .s = s, .stream = stream };
	credo_status st = credo_statement(tui_db(s->t), s->customer_id, s->from, s->to, statement_line, &w);

	if (st != CREDO_OK && st != CREDO_STOP && st != CREDO_DONE) {
		tui_core_error(s->t, st);
		return -1;
	}
	return 0;
}

static int statement_stream(void *ctx, struct tui_list_stream *stream)
{
	return statement_walk(ctx, stream);
}

static int statement_sum(struct statement *s)
{
	s->opening = s->debits = s->credits = s->closing = s->open_items = 0;
	s->nopen = 0;
	return statement_walk(s, NULL);
}

static int statement_customer(const credo_customer *c, void *ctx)
{
	struct statement *s = ctx;

	snprintf(s->customer, sizeof s->customer, "%s  %s", c->code, c->name);
	snprintf(s->label, sizeof s->label, _("Statement %s"), c->code);
	return 0;
}

static void statement_close(void *state)
{
	struct statement *s = state;

	if (!s)
		return;
	tui_list_free(&s->list);
	free(s);
}

static int statement_open(struct tui *t, const void *arg, void **state)
{
	const struct tui_ledger_arg *a = arg;
	struct statement *s = calloc(1, sizeof *s);
	credo_date to;
	int y, m, d;

	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->t = t;
	s->customer_id = a->customer_id;
	/* Default period: the calendar year up to the date asked for (today). */
	if (!a->date[0] || credo_date_parse(a->date, &to, NULL) != CREDO_OK)
		to = credo_today();
	credo_date_format(to, s->to, sizeof s->to);
	credo_date_to_ymd(to, &y, &m, &d);
	credo_date_format(credo_date_from_ymd(y, 1, 1), s->from, sizeof s->from);
	credo_status st = credo_customer_get(tui_db(t), s->customer_id, statement_customer, s);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		free(s);
		return -1;
	}
	tui_list_init_stream(&s->list, statement_cols, SC_COUNT, statement_stream, s);
	if (statement_sum(s) != 0) {
		statement_close(s);
		return -1;
	}
	*state = s;
	return 0;
}

static const char *statement_label(void *state)
{
	return ((struct statement *)state)->label;
}

static void statement_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct statement *s = state;
	char buf[512], o[CREDO_MONEY_BUFSZ], d[CREDO_MONEY_BUFSZ], c[CREDO_MONEY_BUFSZ], cl[CREDO_MONEY_BUFSZ];

	(void)t;
	snprintf(buf, sizeof buf, _("Statement %s to %s: %s"), s->from, s->to, s->customer);
	tui_put(stdscr, r.y, r.x + 1, buf, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	snprintf(buf, sizeof buf, _("Opening %s + %s - %s = closing %s"),
		 tui_money(s->opening, o, sizeof o), tui_money(s->debits, d, sizeof d),
		 tui_money(s->credits, c, sizeof c), tui_money(s->closing, cl, sizeof cl));
	tui_put(stdscr, r.y + 1, r.x + 1, buf, r.w - 2, tui_attr(TUI_S_INFO), TUI_FIT_MARK);
	tui_list_draw(&s->list, stdscr, r.y + 2, r.x, r.h - 2, r.w,
		      _("Nothing in this period; press @ for another."));
}

static void statement_reload(struct statement *s)
{
	statement_sum(s);
	tui_list_reset(&s->list);
}

static void statement_to_done(struct tui *t, void *ctx, const char *text)
{
	struct statement *s = ctx;
	char to[CREDO_DATE_BUFSZ];

	if (!text || tui_parse_date(t, text, to, sizeof to) != 0)
		return;
	if (strcmp(to, s->ask_from) < 0) {
		tui_message(t, TUI_MSG_ERROR, _("The period cannot end (%s) before it starts (%s)."), to, s->ask_from);
		return;
	}
	snprintf(s->from, sizeof s->from, "%s", s->ask_from);
	snprintf(s->to, sizeof s->to, "%s", to);
	statement_reload(s);
}

static void statement_from_done(struct tui *t, void *ctx, const char *text)
{
	struct statement *s = ctx;

	if (!text || tui_parse_date(t, text, s->ask_from, sizeof s->ask_from) != 0)
		return;
	tui_prompt(t, _("To:"), s->to, statement_to_done, s);
}

static int statement_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct statement *s = state;
	struct tui_ledger_arg arg = { .customer_id = s->customer_id };

	(void)key;
	if (tui_list_action(&s->list, act))
		return TUI_DONE;
	switch (act) {
	case TUI_ACT_ASOF:
		tui_prompt(t, _("From:"), s->from, statement_from_done, s);
		return TUI_DONE;
	case TUI_ACT_EXPORT:
		tui_export_list(t, &s->list, "statement", NULL);
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

static void statement_resume(struct tui *t, void *state, const struct tui_result *res)
{
	(void)t;
	if (res && res->kind)
		statement_reload(state);
}

const struct tui_view_ops tui_view_statement = {
	.name = "statement",
	.title = N_("Statement"),
	.actions = TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) | TUI_A(END) |
		   TUI_A(ASOF) | TUI_A(EXPORT) | TUI_A(INVOICE) | TUI_A(PAYMENT),
	.open = statement_open,
	.draw = statement_draw,
	.handle = statement_handle,
	.resume = statement_resume,
	.label = statement_label,
	.close = statement_close,
};
