/*
 * view_contracts.c - the Contracts tab: every contract in scope, newest
 * signed first, with what is invoiced and collected on it; `/` searches
 * code and customer, `f` shows the open ones (draft, active) only.
 *
 * The core lists contracts through a callback without a cursor, so the
 * list pages by position (tui_list_init_stream) and filters as it streams.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_edit.h"
#include "tui_export.h"
#include "tui_list.h"
#include "tui_money.h"
#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "i18n.h"

enum { COL_CODE, COL_CUSTOMER, COL_STATUS, COL_AMOUNT, COL_INVOICED, COL_COLLECTED,
       COL_SIGNED, COL_OWNER, COL_CCODE, COL_COUNT };

static const struct tui_column contract_cols[COL_COUNT] = {
	[COL_CODE] = { .title = N_("Code"), .width = 12 },
	[COL_CUSTOMER] = { .title = N_("Customer"), .width = 14, .grow = 1 },
	[COL_STATUS] = { .title = N_("Status"), .width = 10 },
	[COL_AMOUNT] = { .title = N_("Amount"), .width = 12, .right = 1 },
	[COL_INVOICED] = { .title = N_("Invoiced"), .width = 12, .right = 1 },
	[COL_COLLECTED] = { .title = N_("Collected"), .width = 12, .right = 1 },
	[COL_SIGNED] = { .title = N_("Signed"), .width = 10, .min_total = 100 },
	[COL_OWNER] = { .title = N_("Owner"), .width = 10, .min_total = 112 },
	[COL_CCODE] = { .title = N_("Cust."), .width = 7, .min_total = 120 },
};

struct contracts {
	struct tui *t;
	struct tui_list list;
	char search[TUI_EDIT_MAX * 4 + 1];
	int open_only;
	int64_t matches;	/* -1: unknown */
};

struct contracts_walk {
	struct contracts *s;
	struct tui_list_stream *stream;	/* NULL: only count */
	int64_t count;
};

static int contracts_keep(const struct contracts *s, const credo_contract *c)
{
	if (s->open_only && strcmp(c->status, "draft") != 0 && strcmp(c->status, "active") != 0)
		return 0;
	return tui_match(c->code, s->search) || tui_match(c->customer_code, s->search) ||
	       tui_match(c->customer_name, s->search);
}

static int contracts_row(const credo_contract *c, void *ctx)
{
	struct contracts_walk *w = ctx;
	char amount[CREDO_MONEY_BUFSZ], invoiced[CREDO_MONEY_BUFSZ], collected[CREDO_MONEY_BUFSZ];

	if (!contracts_keep(w->s, c))
		return 0;
	w->count++;
	if (!w->stream)
		return 0;
	const char *cells[COL_COUNT] = {
		[COL_CODE] = c->code,
		[COL_CUSTOMER] = c->customer_name,
		[COL_STATUS] = tui_word(c->status),
		[COL_AMOUNT] = tui_money(c->amount, amount, sizeof amount),
		[COL_INVOICED] = tui_money(c->invoiced, invoiced, sizeof invoiced),
		[COL_COLLECTED] = tui_money(c->collected, collected, sizeof collected),
		[COL_SIGNED] = c->sign_date,
		[COL_OWNER] = c->owner_login,
		[COL_CCODE] = c->customer_code,
	};
	return tui_list_stream_row(w->stream, c->id, cells);
}

static int contracts_walk(struct contracts *s, struct tui_list_stream *stream, int64_t *count)
{
	struct contracts_walk w = { .s = s, .stream = stream };
	credo_contract_filter f = { 0 };
	credo_status st = credo_contract_list(tui_db(s->t), &f, contracts_row, &w);

	if (st != CREDO_OK && st != CREDO_STOP && st != CREDO_DONE) {
		tui_core_error(s->t, st);
		return -1;
	}
	if (count)
		*count = w.count;
	return 0;
}

static int contracts_stream(void *ctx, struct tui_list_stream *stream)
{
	return contracts_walk(ctx, stream, NULL);
}

static void contracts_count(struct contracts *s)
{
	if (contracts_walk(s, NULL, &s->matches) != 0)
		s->matches = -1;
}

static int contracts_open(struct tui *t, const void *arg, void **state)
{
	struct contracts *s = calloc(1, sizeof *s);

	(void)arg;
	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->t = t;
	tui_list_init_stream(&s->list, contract_cols, COL_COUNT, contracts_stream, s);
	contracts_count(s);
	*state = s;
	return 0;
}

static void contracts_close(void *state)
{
	struct contracts *s = state;

	if (!s)
		return;
	tui_list_free(&s->list);
	free(s);
}

static void contracts_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct contracts *s = state;
	char head[512], right[160];

	(void)t;
	if (s->search[0])
		snprintf(head, sizeof head, _("Contracts matching \"%s\""), s->search);
	else
		snprintf(head, sizeof head, "%s", _("Contracts"));
	const char *mode = s->open_only ? _("open only (f: all)") : _("all (f: open only)");
	if (s->matches >= 0)
		snprintf(right, sizeof right, _("%lld contracts  %s"), (long long)s->matches, mode);
	else
		snprintf(right, sizeof right, "%s", mode);
	int wr = tui_width(right);
	if (wr > r.w / 2)
		wr = r.w / 2;
	tui_put(stdscr, r.y, r.x + 1, head, r.w - wr - 3, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, r.y, r.x + r.w - wr - 1, right, wr, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	tui_list_draw(&s->list, stdscr, r.y + 1, r.x, r.h - 1, r.w,
		      s->search[0] || s->open_only
			      ? _("No contract matches; press / to change the search, f for all, Esc to clear.")
			      : _("No contracts yet: salespeople draft them with credo contract add."));
}

static void contracts_refilter(struct contracts *s)
{
	contracts_count(s);
	tui_list_reset(&s->list);
}

static void contracts_search_done(struct tui *t, void *ctx, const char *text)
{
	struct contracts *s = ctx;
	char buf[TUI_EDIT_MAX * 4 + 1];

	if (!text)
		return;
	snprintf(buf, sizeof buf, "%s", text);
	snprintf(s->search, sizeof s->search, "%s", tui_trim(buf));
	contracts_refilter(s);
	if (s->search[0] && s->matches == 0)
		tui_message(t, TUI_MSG_INFO, _("No contract matches \"%s\"."), s->search);
}

static int contracts_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct contracts *s = state;
	const struct tui_list_row *row;

	(void)key;
	if (tui_list_action(&s->list, act))
		return TUI_DONE;
	switch (act) {
	case TUI_ACT_ENTER:
		row = tui_list_selected(&s->list);
		if (row)
			tui_push(t, "contract", &row->id);
		return TUI_DONE;
	case TUI_ACT_SEARCH:
		tui_prompt(t, _("Search:"), s->search, contracts_search_done, s);
		return TUI_DONE;
	case TUI_ACT_FILTER:
		s->open_only = !s->open_only;
		contracts_refilter(s);
		return TUI_DONE;
	case TUI_ACT_CANCEL:
		if (!s->search[0])
			return TUI_PASS;
		s->search[0] = '\0';
		contracts_refilter(s);
		tui_message(t, TUI_MSG_INFO, "%s", _("Search cleared."));
		return TUI_DONE;
	case TUI_ACT_EXPORT:
		tui_export_list(t, &s->list, "contracts", NULL);
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

/* Back from a contract: what it shows may have changed (activated, invoiced). */
static void contracts_resume(struct tui *t, void *state, const struct tui_result *res)
{
	struct contracts *s = state;

	(void)t;
	(void)res;
	contracts_count(s);
	tui_list_reload(&s->list);
}

const struct tui_view_ops tui_view_contracts = {
	.name = "contracts",
	.title = N_("Contracts"),
	.tab = 1,
	.actions = TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) |
		   TUI_A(END) | TUI_A(ENTER) | TUI_A(SEARCH) | TUI_A(FILTER) | TUI_A(EXPORT) |
		   TUI_A(CANCEL),
	.open = contracts_open,
	.draw = contracts_draw,
	.handle = contracts_handle,
	.resume = contracts_resume,
	.close = contracts_close,
};
