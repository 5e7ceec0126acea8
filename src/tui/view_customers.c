/*
 * view_customers.c - the customer list: code, name, owner, phone; paged
 * with keyset cursors, searchable by substring, sortable by name, code,
 * overdue amount or utilisation (s cycles through them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_edit.h"
#include "tui_list.h"
#include "tui_money.h"
#include "tui_theme.h"
#include "tui_export.h"
#include "tui_view.h"
#include "tui_width.h"
#include "i18n.h"

enum { COL_CODE, COL_NAME, COL_OWNER, COL_PHONE, COL_REGION, COL_CATEGORY, COL_COUNT };

/*
 * Widths in display cells: a Chinese name of 12 characters needs 24. Region
 * and category appear only where the name keeps room for itself.
 */
static const struct tui_column customer_cols[COL_COUNT] = {
	[COL_CODE] = { .title = N_("Code"), .width = 8 },
	[COL_NAME] = { .title = N_("Name"), .width = 24, .grow = 1 },
	[COL_OWNER] = { .title = N_("Owner"), .width = 12 },
	[COL_PHONE] = { .title = N_("Phone"), .width = 14 },
	[COL_REGION] = { .title = N_("Region"), .width = 8, .min_total = 100 },
	[COL_CATEGORY] = { .title = N_("Category"), .width = 12, .min_total = 110 },
};

/* Sorted by a credit figure, the phone column shows that figure instead. */
static const struct tui_column figure_col[2] = {
	{ .title = N_("Overdue"), .width = 14, .right = 1 },
	{ .title = N_("Used"), .width = 14, .right = 1 },
};

struct customers {
	struct tui *t;
	struct tui_list list;
	struct tui_column cols[COL_COUNT];	/* customer_cols, the phone column per sort */
	char search[TUI_EDIT_MAX * 4 + 1];
	credo_customer_sort sort;
	int64_t total, matches;	/* -1: unknown */
	char owner[64];		/* opened with a login (a report's drill-down): only that one's customers */
};

struct customers_fetch {
	struct tui_list_batch *batch;
	credo_customer_sort sort;
};

static int customers_row(const credo_customer *c, void *ctx)
{
	struct customers_fetch *f = ctx;
	credo_customer_key key;
	char figure[40];
	if (f->sort == CREDO_CUSTOMER_BY_OVERDUE)
		tui_money(c->overdue, figure, sizeof figure);
	else if (f->sort == CREDO_CUSTOMER_BY_UTILISATION && c->utilisation_bp == CREDO_UTILISATION_NO_LIMIT)
		snprintf(figure, sizeof figure, "%s", _("no limit"));
	else if (f->sort == CREDO_CUSTOMER_BY_UTILISATION && c->utilisation_bp == CREDO_UTILISATION_NONE)
		snprintf(figure, sizeof figure, "-");
	else if (f->sort == CREDO_CUSTOMER_BY_UTILISATION)
		snprintf(figure, sizeof figure, "%s%lld.%02lld%%", c->utilisation_bp < 0 ? "-" : "",
			 (long long)llabs(c->utilisation_bp) / 100, (long long)llabs(c->utilisation_bp) % 100);
	const char *cells[COL_COUNT] = {
		[COL_CODE] = c->code,
		[COL_NAME] = c->name,
		[COL_OWNER] = c->owner_name && *c->owner_name ? c->owner_name : c->owner_login,
		[COL_PHONE] = c->has_figures ? figure : c->phone,
		[COL_REGION] = c->region,
		[COL_CATEGORY] = c->category,
	};

	credo_customer_key_of(c, f->sort, &key);
	return tui_list_add(f->batch, c->id, cells, &key) != 0;
}

static int customers_fetch(void *ctx, const void *key, int backward, int limit,
			   struct tui_list_batch *batch)
{
	struct customers *s = ctx;
	struct customers_fetch f = { .batch = batch, .sort = s->sort };
	credo_customer_query q = {
		.search = s->search,
		.sort = s->sort,
		.backward = backward,
		.limit = limit < 1000 ? limit : 1000,	/* the API's ceiling; no screen is that tall */
		.owner_login = s->owner[0] ? s->owner : NULL,
	};
	credo_status st;

	if (key)
		q.after = *(const credo_customer_key *)key;
	st = credo_customer_page(tui_db(s->t), &q, customers_row, &f);
	if (st != CREDO_OK && st != CREDO_DONE && st != CREDO_STOP) {
		tui_core_error(s->t, st);
		return -1;
	}
	return st == CREDO_STOP ? -1 : 0;
}

static void customers_count(struct customers *s)
{
	credo_db *db = tui_db(s->t);

	/* The count does not filter by owner: leave it out rather than show the wrong one. */
	if (s->owner[0] || credo_customer_count(db, NULL, &s->total) != CREDO_OK)
		s->total = -1;
	s->matches = s->total;
	if (s->search[0] && credo_customer_count(db, s->search, &s->matches) != CREDO_OK)
		s->matches = -1;
}

static int customers_open(struct tui *t, const void *arg, void **state)
{
	struct customers *s = calloc(1, sizeof *s);

	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->t = t;
	if (arg)
		snprintf(s->owner, sizeof s->owner, "%s", (const char *)arg);
	s->sort = CREDO_CUSTOMER_BY_NAME;
	memcpy(s->cols, customer_cols, sizeof s->cols);
	tui_list_init(&s->list, s->cols, COL_COUNT, sizeof(credo_customer_key),
		      customers_fetch, s);
	customers_count(s);
	*state = s;
	return 0;
}

static void customers_close(void *state)
{
	struct customers *s = state;

	if (!s)
		return;
	tui_list_free(&s->list);
	free(s);
}

static void customers_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct customers *s = state;
	char head[512], count[96];

	(void)t;
	if (s->total < 0)
		snprintf(count, sizeof count, "%s", "");
	else if (s->search[0])
		snprintf(count, sizeof count, _("%lld of %lld"), (long long)s->matches,
			 (long long)s->total);
	else
		snprintf(count, sizeof count, _("%lld customers"), (long long)s->total);
	if (s->search[0] && s->owner[0])
		snprintf(head, sizeof head, _("Customers of %s matching \"%s\""), s->owner, s->search);
	else if (s->search[0])
		snprintf(head, sizeof head, _("Customers matching \"%s\""), s->search);
	else if (s->owner[0])
		snprintf(head, sizeof head, _("Customers of %s"), s->owner);
	else
		snprintf(head, sizeof head, "%s", _("Customers"));

	/* Heading line: what is shown on the left, how many and the order on the right. */
	char right[160];
	static const char *const orders[] = {
		[CREDO_CUSTOMER_BY_NAME] = N_("by name"), [CREDO_CUSTOMER_BY_CODE] = N_("by code"),
		[CREDO_CUSTOMER_BY_OVERDUE] = N_("by overdue"), [CREDO_CUSTOMER_BY_UTILISATION] = N_("by utilisation"),
	};
	snprintf(right, sizeof right, "%s  %s", count, _(orders[s->sort]));
	int wr = tui_width(right);
	if (wr > r.w / 2)
		wr = r.w / 2;
	tui_put(stdscr, r.y, r.x + 1, head, r.w - wr - 3, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, r.y, r.x + r.w - wr - 1, right, wr, tui_attr(TUI_S_HINT), TUI_FIT_MARK);

	tui_list_draw(&s->list, stdscr, r.y + 1, r.x, r.h - 1, r.w,
		      s->search[0] ? _("No customer matches the search; press / to change it or Esc to clear it.")
				   : _("No customers yet; press n to add one."));
}

static void customers_search_done(struct tui *t, void *ctx, const char *text)
{
	struct customers *s = ctx;

	if (!text)
		return;
	/* Leading and trailing blanks are never what someone searches for. */
	while (*text == ' ')
		text++;
	snprintf(s->search, sizeof s->search, "%s", text);
	for (size_t n = strlen(s->search); n > 0 && s->search[n - 1] == ' '; n--)
		s->search[n - 1] = '\0';
	customers_count(s);
	tui_list_reset(&s->list);
	if (s->search[0] && s->matches == 0)
		tui_message(t, TUI_MSG_INFO, _("No customer matches \"%s\"."), s->search);
}

static void customers_new(struct tui *t)
{
	credo_status st = credo_require(tui_db(t), CREDO_PERM_CUSTOMER_EDIT);

	/* Ask the core first, so nobody fills in a form they cannot save. */
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return;
	}
	tui_push(t, "customer_new", NULL);
}

static int customers_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct customers *s = state;
	const struct tui_list_row *row;

	(void)key;
	if (tui_list_action(&s->list, act))
		return TUI_DONE;
	switch (act) {
	case TUI_ACT_EXPORT:
		tui_export_list(t, &s->list, "customers", NULL);
		return TUI_DONE;
	case TUI_ACT_ENTER:
		row = tui_list_selected(&s->list);
		if (row)
			tui_push(t, "customer", &row->id);
		return TUI_DONE;
	case TUI_ACT_SEARCH:
		tui_prompt(t, _("Search:"), s->search, customers_search_done, s);
		return TUI_DONE;
	case TUI_ACT_CANCEL:
		if (!s->search[0])
			return TUI_PASS;
		s->search[0] = '\0';
		customers_count(s);
		tui_list_reset(&s->list);
		tui_message(t, TUI_MSG_INFO, "%s", _("Search cleared."));
		return TUI_DONE;
	case TUI_ACT_SORT:
		/* name -> code -> overdue (who owes most past due) -> utilisation -> name */
		s->sort = s->sort == CREDO_CUSTOMER_BY_UTILISATION ? CREDO_CUSTOMER_BY_NAME : s->sort + 1;
		s->cols[COL_PHONE] = s->sort == CREDO_CUSTOMER_BY_OVERDUE ? figure_col[0]
				     : s->sort == CREDO_CUSTOMER_BY_UTILISATION ? figure_col[1]
				     : customer_cols[COL_PHONE];
		tui_list_reset(&s->list);
		return TUI_DONE;
	case TUI_ACT_NEW:
		customers_new(t);
		return TUI_DONE;
	case TUI_ACT_REDRAW:
		/* Ctrl-L reads the page again: colleagues write to the same file. */
		customers_count(s);
		tui_list_reload(&s->list);
		return TUI_PASS;
	default:
		return TUI_PASS;
	}
}

struct customers_find {
	credo_customer_sort sort;
	credo_customer_key key;
	char code[64];
};

static int customers_key_of(const credo_customer *c, void *ctx)
{
	struct customers_find *f = ctx;

	credo_customer_key_of(c, f->sort, &f->key);
	snprintf(f->code, sizeof f->code, "%s", c->code);
	return 0;
}

/* Back from a form: show the customer it created, even if the search would hide it. */
static void customers_resume(struct tui *t, void *state, const struct tui_result *res)
{
	struct customers *s = state;
	struct customers_find f = { .sort = s->sort };

	if (!res || !res->kind || strcmp(res->kind, "customer") != 0) {
		tui_list_reload(&s->list);
		return;
	}
	s->search[0] = '\0';
	customers_count(s);
	if (credo_customer_get(tui_db(t), res->id, customers_key_of, &f) == CREDO_OK) {
		/* A new customer owes nothing and has no limit: where the figure sorts place it. */
		if (s->sort == CREDO_CUSTOMER_BY_UTILISATION)
			f.key.num = CREDO_UTILISATION_NONE;
		tui_list_goto(&s->list, &f.key, res->id);
		tui_message(t, TUI_MSG_INFO, _("Customer %s created."), f.code);
	} else {
		tui_list_reset(&s->list);
	}
}

const struct tui_view_ops tui_view_customers = {
	.name = "customers",
	.title = N_("Customers"),
	.tab = 1,
	.actions = TUI_A(EXPORT) | TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) |
		   TUI_A(END) | TUI_A(ENTER) | TUI_A(SEARCH) | TUI_A(SORT) | TUI_A(NEW) |
		   TUI_A(CANCEL),
	.open = customers_open,
	.draw = customers_draw,
	.handle = customers_handle,
	.resume = customers_resume,
	.close = customers_close,
};
