/*
 * view_collection.c - the Collection tab: the worklist of overdue invoices,
 * highest rank (open amount x days overdue x risk) first, with the
 * escalation step, the last action and the latest promise. One key logs
 * what happened: `o` a call and its outcome, `P` a promise to pay (amount
 * and date), `D` a dispute (pauses escalation), `T` a statement sent.
 * 1 shows every item in scope, 2 only the acting user's.
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

enum { CL_INVOICE, CL_CUSTOMER, CL_DAYS, CL_OPEN, CL_GRADE, CL_STEP, CL_PROMISE, CL_LAST, CL_COLLECTOR,
       CL_NEXT, CL_CCODE, CL_COUNT };

static const struct tui_column collection_cols[CL_COUNT] = {
	[CL_INVOICE] = { .title = N_("Invoice"), .width = 14 },
	[CL_CUSTOMER] = { .title = N_("Customer"), .width = 10, .grow = 1 },
	[CL_DAYS] = { .title = N_("Late"), .width = 4, .right = 1 },
	[CL_OPEN] = { .title = N_("Open"), .width = 12, .right = 1 },
	[CL_GRADE] = { .title = N_("Gr"), .width = 2 },
	[CL_STEP] = { .title = N_("Step"), .width = 13 },
	[CL_PROMISE] = { .title = N_("Promise"), .width = 8, .min_total = 96 },
	[CL_LAST] = { .title = N_("Last action"), .width = 14 },
	[CL_COLLECTOR] = { .title = N_("Collector"), .width = 9, .min_total = 112 },
	[CL_NEXT] = { .title = N_("Next"), .width = 16, .grow = 1, .min_total = 140 },
	[CL_CCODE] = { .title = N_("Cust."), .width = 7, .min_total = 150 },
};

struct collection {
	struct tui *t;
	struct tui_list list;
	int mine;
	int64_t count;
	credo_money total;
	/* the item an action is being logged on */
	int64_t invoice_id;
	char invoice[40];
	credo_money open;
	credo_money promise_amount;
};

struct collection_walk {
	struct collection *s;
	struct tui_list_stream *stream;
};

static int collection_item(const credo_collection_item *it, void *ctx)
{
	struct collection_walk *w = ctx;
	char open[CREDO_MONEY_BUFSZ], days[16], step[48], promise[32] = "", last[96] = "";

	if (!w->stream) {
		w->s->count++;
		w->s->total += it->open;
		return 0;
	}
	snprintf(days, sizeof days, "%d", it->days_overdue);
	/* "paused" first, so a narrow column still says it. */
	snprintf(step, sizeof step, "%s%s", it->paused ? _("paused: ") : "",
		 it->step && *it->step ? tui_word(it->step) : "-");
	if (it->promise && *it->promise)
		snprintf(promise, sizeof promise, "%s", tui_word(it->promise));
	/* The kind first; the date without the year when it is this year's. */
	if (it->last_date && *it->last_date) {
		char today[CREDO_DATE_BUFSZ];
		tui_today(today, sizeof today);
		int this_year = strncmp(it->last_date, today, 5) == 0 && strlen(it->last_date) >= 10;
		snprintf(last, sizeof last, "%s %s", tui_word(it->last_kind),
			 this_year ? it->last_date + 5 : it->last_date);
	}
	const char *cells[CL_COUNT] = {
		[CL_INVOICE] = it->invoice_code,
		[CL_CUSTOMER] = it->customer_name,
		[CL_DAYS] = days,
		[CL_OPEN] = tui_money(it->open, open, sizeof open),
		[CL_GRADE] = it->grade && *it->grade ? it->grade : "-",
		[CL_STEP] = step,
		[CL_PROMISE] = promise,
		[CL_LAST] = last,
		[CL_COLLECTOR] = it->collector,
		[CL_NEXT] = it->suggestion,
		[CL_CCODE] = it->customer_code,
	};
	return tui_list_stream_row(w->stream, it->invoice_id, cells);
}

static int collection_walk(struct collection *s, struct tui_list_stream *stream)
{
	struct collection_walk w = { .s = s, .stream = stream };
	credo_db *db = tui_db(s->t);
	credo_status st = credo_collection_worklist(db, NULL, s->mine ? credo_actor_login(db) : NULL,
						    collection_item, &w);

	if (st != CREDO_OK && st != CREDO_STOP && st != CREDO_DONE) {
		tui_core_error(s->t, st);
		return -1;
	}
	return 0;
}

static int collection_stream(void *ctx, struct tui_list_stream *stream)
{
	return collection_walk(ctx, stream);
}

static void collection_count(struct collection *s)
{
	s->count = 0;
	s->total = 0;
	if (collection_walk(s, NULL) != 0)
		s->count = -1;
}

static int collection_open(struct tui *t, const void *arg, void **state)
{
	struct collection *s = calloc(1, sizeof *s);

	(void)arg;
	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->t = t;
	tui_list_init_stream(&s->list, collection_cols, CL_COUNT, collection_stream, s);
	collection_count(s);
	*state = s;
	return 0;
}

static void collection_close(void *state)
{
	struct collection *s = state;

	if (!s)
		return;
	tui_list_free(&s->list);
	free(s);
}

static void collection_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct collection *s = state;
	char head[256], right[160], m[CREDO_MONEY_BUFSZ];

	(void)t;
	if (s->count >= 0)
		snprintf(head, sizeof head, _("%s: %lld overdue, %s"), s->mine ? _("Mine (1: all)") : _("All (2: mine)"),
			 (long long)s->count, tui_money(s->total, m, sizeof m));
	else
		snprintf(head, sizeof head, "%s", _("Collection worklist"));
	/* The keys that log what happened, which the hint line has no room for. */
	snprintf(right, sizeof right, "%s", _("o call  P promise  D dispute  T sent"));
	int wr = tui_width(right);
	if (wr > r.w / 2)
		wr = r.w / 2;
	tui_put(stdscr, r.y, r.x + 1, head, r.w - wr - 3, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, r.y, r.x + r.w - wr - 1, right, wr, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	tui_list_draw(&s->list, stdscr, r.y + 1, r.x, r.h - 1, r.w,
		      s->mine ? _("Nothing overdue is yours to chase; press 1 for everyone's.")
			      : _("Nothing is overdue."));
}

/* Remember the selected item for the prompts that follow. */
struct collection_pick {
	struct collection *s;
	int found;
};

static int collection_pick_item(const credo_collection_item *it, void *ctx)
{
	struct collection_pick *p = ctx;

	if (it->invoice_id != p->s->invoice_id)
		return 0;
	p->s->open = it->open;
	p->found = 1;
	return 1;
}

static int collection_pick(struct tui *t, struct collection *s)
{
	const struct tui_list_row *row = tui_list_selected(&s->list);

	if (!row) {
		tui_message(t, TUI_MSG_INFO, "%s", _("Nothing selected."));
		return -1;
	}
	if (tui_allowed(t, CREDO_PERM_COLLECTION) != 0)
		return -1;
	s->invoice_id = row->id;
	snprintf(s->invoice, sizeof s->invoice, "%s", row->cells[CL_INVOICE]);
	struct collection_pick p = { .s = s };
	s->open = 0;
	credo_collection_worklist(tui_db(t), NULL, NULL, collection_pick_item, &p);
	return 0;
}

static void collection_logged(struct tui *t, struct collection *s, credo_status st, const char *what)
{
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return;
	}
	collection_count(s);
	tui_list_reload(&s->list);
	tui_message(t, TUI_MSG_INFO, _("%s logged on %s."), what, s->invoice);
}

static credo_status collection_log(struct collection *s, const char *kind, const char *outcome,
				   credo_money promise, const char *promise_date)
{
	credo_collection_new in = {
		.invoice_id = s->invoice_id,
		.kind = kind,
		.outcome = outcome && *outcome ? outcome : NULL,
		.promise_amount = promise,
		.promise_date = promise_date,
	};
	return credo_collection_log(tui_db(s->t), &in, NULL);
}

static void collection_call_done(struct tui *t, void *ctx, const char *text)
{
	struct collection *s = ctx;
	char buf[TUI_EDIT_MAX * 4 + 1];

	if (!text)
		return;
	snprintf(buf, sizeof buf, "%s", text);
	collection_logged(t, s, collection_log(s, "call", tui_trim(buf), 0, NULL), _("Call"));
}

static void collection_dispute_done(struct tui *t, void *ctx, const char *text)
{
	struct collection *s = ctx;
	char buf[TUI_EDIT_MAX * 4 + 1];

	if (!text)
		return;
	snprintf(buf, sizeof buf, "%s", text);
	if (!*tui_trim(buf)) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("A dispute needs what is disputed; nothing logged."));
		return;
	}
	collection_logged(t, s, collection_log(s, "dispute", buf, 0, NULL), _("Dispute"));
}

static void collection_sent_done(struct tui *t, void *ctx, const char *text)
{
	struct collection *s = ctx;
	char buf[TUI_EDIT_MAX * 4 + 1];

	if (!text)
		return;
	snprintf(buf, sizeof buf, "%s", text);
	collection_logged(t, s, collection_log(s, "statement", tui_trim(buf), 0, NULL), _("Statement sent"));
}

static void collection_promise_date_done(struct tui *t, void *ctx, const char *text)
{
	struct collection *s = ctx;
	char date[CREDO_DATE_BUFSZ], a[CREDO_MONEY_BUFSZ], outcome[128];

	if (!text || tui_parse_date(t, text, date, sizeof date) != 0)
		return;
	snprintf(outcome, sizeof outcome, _("promised %s by %s"), tui_money(s->promise_amount, a, sizeof a), date);
	collection_logged(t, s, collection_log(s, "promise", outcome, s->promise_amount, date), _("Promise"));
}

static void collection_promise_amount_done(struct tui *t, void *ctx, const char *text)
{
	struct collection *s = ctx;
	char date[CREDO_DATE_BUFSZ];

	if (!text || tui_parse_amount(t, text, &s->promise_amount) != 0)
		return;
	/* A week from today is the usual first answer. */
	credo_date_format(credo_today() + 7, date, sizeof date);
	tui_prompt(t, _("Will pay by:"), date, collection_promise_date_done, s);
}

static void collection_enter(struct tui *t, struct collection *s, int statement)
{
	const struct tui_list_row *row = tui_list_selected(&s->list);
	struct tui_ledger_arg arg = { 0 };

	if (!row || tui_customer_id(t, row->cells[CL_CCODE], &arg.customer_id) != 0)
		return;
	tui_push(t, statement ? "statement" : "open_items", &arg);
}

static int collection_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct collection *s = state;
	char a[CREDO_MONEY_BUFSZ];

	if (tui_list_action(&s->list, act))
		return TUI_DONE;
	switch (act) {
	case TUI_ACT_ENTER:
		collection_enter(t, s, 0);
		return TUI_DONE;
	case TUI_ACT_STATEMENT:
		collection_enter(t, s, 1);
		return TUI_DONE;
	case TUI_ACT_SUBLIST:
		if (key != '1' && key != '2')
			return TUI_PASS;
		s->mine = key == '2';
		collection_count(s);
		tui_list_reset(&s->list);
		return TUI_DONE;
	case TUI_ACT_CALL:
		if (collection_pick(t, s) == 0)
			tui_prompt(t, _("Call outcome:"), "", collection_call_done, s);
		return TUI_DONE;
	case TUI_ACT_PROMISE:
		if (collection_pick(t, s) == 0)
			tui_prompt(t, _("Promised amount:"), tui_money(s->open, a, sizeof a),
				   collection_promise_amount_done, s);
		return TUI_DONE;
	case TUI_ACT_DISPUTE:
		if (collection_pick(t, s) == 0)
			tui_prompt(t, _("What is disputed:"), "", collection_dispute_done, s);
		return TUI_DONE;
	case TUI_ACT_SENT:
		if (collection_pick(t, s) == 0)
			tui_prompt(t, _("Statement sent:"), _("statement of account sent"), collection_sent_done, s);
		return TUI_DONE;
	case TUI_ACT_EXPORT:
		tui_export_list(t, &s->list, "collection", NULL);
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

static void collection_resume(struct tui *t, void *state, const struct tui_result *res)
{
	struct collection *s = state;

	(void)t;
	(void)res;
	collection_count(s);
	tui_list_reload(&s->list);
}

const struct tui_view_ops tui_view_collection = {
	.name = "collection",
	.title = N_("Collection"),
	.tab = 1,
	.actions = TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) | TUI_A(END) |
		   TUI_A(ENTER) | TUI_A(SUBLIST) | TUI_A(CALL) | TUI_A(PROMISE) | TUI_A(DISPUTE) |
		   TUI_A(SENT) | TUI_A(STATEMENT) | TUI_A(EXPORT),
	.open = collection_open,
	.draw = collection_draw,
	.handle = collection_handle,
	.resume = collection_resume,
	.close = collection_close,
};
