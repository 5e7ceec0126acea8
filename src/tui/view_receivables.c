/*
 * view_receivables.c - the Receivables tab: aging as of a date (today, or
 * any date with `@`), by customer (1), salesperson (2), department (3) or
 * grade (4), with a totals row; Enter on a customer opens its open items.
 *
 * The buckets come from the aging.buckets setting. Where the terminal is
 * too narrow for every bucket, the list shows total, not due, overdue and
 * provision instead of a misleading half of the buckets.
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

/* Columns: key, name, items, total, the buckets, overdue, provision. */
enum { RC_KEY, RC_NAME, RC_ITEMS, RC_TOTAL, RC_BUCKET0 };
#define RC_HIDDEN 100000	/* a min_total no terminal reaches */

struct receivables {
	struct tui *t;
	struct tui_list list;
	struct tui_column cols[TUI_LIST_MAXCOLS];
	int ncols, nb;		/* columns, buckets */
	char titles[TUI_LIST_MAXCOLS][24];
	credo_aging_buckets buckets;
	credo_aging_group group;
	char as_of[CREDO_DATE_BUFSZ];
	/* totals row */
	credo_aging_row total;
	char foot[TUI_LIST_MAXCOLS][CREDO_MONEY_BUFSZ];
	int width;		/* the width the columns were laid out for */
};

static int rc_overdue(const struct receivables *s)
{
	return RC_BUCKET0 + s->nb;
}

static int rc_provision(const struct receivables *s)
{
	return RC_BUCKET0 + s->nb + 1;
}

static const char *receivables_group_name(credo_aging_group g)
{
	switch (g) {
	case CREDO_AGING_BY_SALESPERSON:
		return _("by salesperson");
	case CREDO_AGING_BY_DEPARTMENT:
		return _("by department");
	case CREDO_AGING_BY_GRADE:
		return _("by grade");
	default:
		return _("by customer");
	}
}

/* Cells of one aging row (or the totals) in column order. */
static void receivables_cells(const struct receivables *s, const credo_aging_row *r, const char *key,
			      const char *name, char money[][CREDO_MONEY_BUFSZ], const char **cells)
{
	snprintf(money[RC_ITEMS], CREDO_MONEY_BUFSZ, "%lld", (long long)r->items);
	tui_money(r->total, money[RC_TOTAL], CREDO_MONEY_BUFSZ);
	for (int b = 0; b < s->nb; b++)
		tui_money(r->bucket[b], money[RC_BUCKET0 + b], CREDO_MONEY_BUFSZ);
	tui_money(r->overdue, money[rc_overdue(s)], CREDO_MONEY_BUFSZ);
	tui_money(r->provision, money[rc_provision(s)], CREDO_MONEY_BUFSZ);
	for (int c = 0; c < s->ncols; c++)
		cells[c] = money[c];
	cells[RC_KEY] = key;
	cells[RC_NAME] = name;
}

struct receivables_walk {
	struct receivables *s;
	struct tui_list_stream *stream;
};

static int receivables_row(const credo_aging_row *r, void *ctx)
{
	struct receivables_walk *w = ctx;
	struct receivables *s = w->s;
	char money[TUI_LIST_MAXCOLS][CREDO_MONEY_BUFSZ];
	const char *cells[TUI_LIST_MAXCOLS];

	if (!w->stream) {
		s->total.items += r->items;
		s->total.total += r->total;
		for (int b = 0; b < s->nb; b++)
			s->total.bucket[b] += r->bucket[b];
		s->total.overdue += r->overdue;
		s->total.provision += r->provision;
		return 0;
	}
	receivables_cells(s, r, r->key, r->name, money, cells);
	return tui_list_stream_row(w->stream, 0, cells);
}

static int receivables_walk(struct receivables *s, struct tui_list_stream *stream)
{
	struct receivables_walk w = { .s = s, .stream = stream };
	credo_aging_opts o = { .as_of = s->as_of, .group = s->group };
	credo_status st = credo_aging(tui_db(s->t), &o, receivables_row, &w);

	if (st != CREDO_OK && st != CREDO_STOP && st != CREDO_DONE) {
		tui_core_error(s->t, st);
		return -1;
	}
	return 0;
}

static int receivables_stream(void *ctx, struct tui_list_stream *stream)
{
	return receivables_walk(ctx, stream);
}

static void receivables_sum(struct receivables *s)
{
	memset(&s->total, 0, sizeof s->total);
	receivables_walk(s, NULL);
}

/*
 * Every bucket where they all fit beside the name and the total (the code,
 * overdue, provision and item count join when there is room); else the
 * summary: code, name, total, not due, overdue, provision.
 */
static void receivables_layout(struct receivables *s, int w)
{
	int room = w - 1, all = s->cols[RC_NAME].width + 1 + s->cols[RC_TOTAL].width;
	int extra[4], nextra = 0;

	if (w == s->width)
		return;
	s->width = w;
	for (int c = 0; c < s->ncols; c++)
		s->cols[c].min_total = RC_HIDDEN;
	for (int b = 0; b < s->nb; b++)
		all += 1 + s->cols[RC_BUCKET0 + b].width;
	if (all <= room) {
		s->cols[RC_NAME].min_total = s->cols[RC_TOTAL].min_total = 0;
		for (int b = 0; b < s->nb; b++)
			s->cols[RC_BUCKET0 + b].min_total = 0;
		room -= all;
		extra[nextra++] = RC_KEY;
		extra[nextra++] = rc_overdue(s);
		extra[nextra++] = rc_provision(s);
		extra[nextra++] = RC_ITEMS;
	} else {
		int shown[] = { RC_KEY, RC_NAME, RC_TOTAL, RC_BUCKET0, rc_overdue(s), rc_provision(s) };
		room += 1;
		for (int i = 0; i < 6; i++) {
			s->cols[shown[i]].min_total = 0;
			room -= s->cols[shown[i]].width + 1;
		}
		extra[nextra++] = RC_ITEMS;
	}
	for (int i = 0; i < nextra; i++) {
		int c = extra[i];
		if (s->cols[c].width + 1 <= room) {
			s->cols[c].min_total = 0;
			room -= s->cols[c].width + 1;
		}
	}
}

static int receivables_setup(struct receivables *s)
{
	credo_status st = credo_aging_buckets_get(tui_db(s->t), 0, &s->buckets);

	if (st != CREDO_OK) {
		tui_core_error(s->t, st);
		return -1;
	}
	s->nb = s->buckets.n;
	if (s->nb > TUI_LIST_MAXCOLS - 6)
		s->nb = TUI_LIST_MAXCOLS - 6;
	s->ncols = RC_BUCKET0 + s->nb + 2;
	s->cols[RC_KEY] = (struct tui_column){ .title = N_("Code"), .width = 7 };
	s->cols[RC_NAME] = (struct tui_column){ .title = N_("Name"), .width = 12, .grow = 1 };
	s->cols[RC_ITEMS] = (struct tui_column){ .title = N_("Items"), .width = 5, .right = 1 };
	s->cols[RC_TOTAL] = (struct tui_column){ .title = N_("Total"), .width = 13, .right = 1 };
	for (int b = 0; b < s->nb; b++) {
		snprintf(s->titles[b], sizeof s->titles[b], "%s", s->buckets.label[b]);
		s->cols[RC_BUCKET0 + b] = (struct tui_column){ .title = s->titles[b], .width = 12, .right = 1 };
	}
	s->cols[rc_overdue(s)] = (struct tui_column){ .title = N_("Overdue"), .width = 13, .right = 1 };
	s->cols[rc_provision(s)] = (struct tui_column){ .title = N_("Provision"), .width = 12, .right = 1 };
	s->width = -1;
	return 0;
}

static void receivables_regroup(struct receivables *s)
{
	static const char *const key_titles[] = {
		[CREDO_AGING_BY_CUSTOMER] = N_("Code"),
		[CREDO_AGING_BY_SALESPERSON] = N_("Sales"),
		[CREDO_AGING_BY_DEPARTMENT] = N_("Dept."),
		[CREDO_AGING_BY_GRADE] = N_("Grade"),
	};
	s->cols[RC_KEY].title = key_titles[s->group];
	s->cols[RC_KEY].width = s->group == CREDO_AGING_BY_CUSTOMER ? 7 : s->group == CREDO_AGING_BY_GRADE ? 5 : 10;
	s->width = -1;
	receivables_sum(s);
	tui_list_reset(&s->list);
}

static void receivables_close(void *state)
{
	struct receivables *s = state;

	if (!s)
		return;
	tui_list_free(&s->list);
	free(s);
}

static int receivables_open(struct tui *t, const void *arg, void **state)
{
	struct receivables *s = calloc(1, sizeof *s);

	(void)arg;
	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->t = t;
	tui_today(s->as_of, sizeof s->as_of);
	if (receivables_setup(s) != 0) {
		free(s);
		return -1;
	}
	tui_list_init_stream(&s->list, s->cols, s->ncols, receivables_stream, s);
	receivables_sum(s);
	*state = s;
	return 0;
}

/* The totals row; on screen its label goes under the name when the code column is hidden. */
static void receivables_footer(struct receivables *s, const char **cells, int screen)
{
	int label_in_name = screen && s->cols[RC_KEY].min_total == RC_HIDDEN;

	receivables_cells(s, &s->total, label_in_name ? "" : _("Total"), label_in_name ? _("Total") : "",
			  s->foot, cells);
}

static void receivables_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct receivables *s = state;
	char head[256], right[160];
	const char *foot[TUI_LIST_MAXCOLS];

	(void)t;
	receivables_layout(s, r.w);
	snprintf(head, sizeof head, _("Aging as of %s"), s->as_of);
	snprintf(right, sizeof right, _("%s  1-4: group  @: date"), receivables_group_name(s->group));
	int wr = tui_width(right);
	if (wr > r.w / 2)
		wr = r.w / 2;
	tui_put(stdscr, r.y, r.x + 1, head, r.w - wr - 3, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, r.y, r.x + r.w - wr - 1, right, wr, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	tui_list_draw(&s->list, stdscr, r.y + 1, r.x, r.h - 2, r.w, _("Nothing is owed at this date."));
	receivables_footer(s, foot, 1);
	tui_list_draw_cells(&s->list, stdscr, r.y + r.h - 1, r.x, r.w, foot, tui_attr(TUI_S_HEADER));
}

static void receivables_asof_done(struct tui *t, void *ctx, const char *text)
{
	struct receivables *s = ctx;

	if (!text || tui_parse_date(t, text, s->as_of, sizeof s->as_of) != 0)
		return;
	receivables_sum(s);
	tui_list_reset(&s->list);
}

static void receivables_enter(struct tui *t, struct receivables *s)
{
	const struct tui_list_row *row = tui_list_selected(&s->list);
	struct tui_ledger_arg arg = { 0 };

	if (!row)
		return;
	if (s->group != CREDO_AGING_BY_CUSTOMER) {
		tui_message(t, TUI_MSG_INFO, "%s", _("Press 1 for the aging by customer to open a customer's items."));
		return;
	}
	if (tui_customer_id(t, row->cells[RC_KEY], &arg.customer_id) != 0)
		return;
	snprintf(arg.date, sizeof arg.date, "%s", s->as_of);
	tui_push(t, "open_items", &arg);
}

static int receivables_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct receivables *s = state;
	const char *foot[TUI_LIST_MAXCOLS];

	if (tui_list_action(&s->list, act))
		return TUI_DONE;
	switch (act) {
	case TUI_ACT_ENTER:
		receivables_enter(t, s);
		return TUI_DONE;
	case TUI_ACT_ASOF:
		tui_prompt(t, _("As of:"), s->as_of, receivables_asof_done, s);
		return TUI_DONE;
	case TUI_ACT_SUBLIST:
		if (key < '1' || key > '4')
			return TUI_PASS;
		s->group = (credo_aging_group)(key - '1');
		receivables_regroup(s);
		return TUI_DONE;
	case TUI_ACT_EXPORT:
		receivables_footer(s, foot, 0);
		tui_export_list(t, &s->list, "aging", foot);
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

static void receivables_resume(struct tui *t, void *state, const struct tui_result *res)
{
	struct receivables *s = state;

	(void)t;
	(void)res;
	receivables_sum(s);
	tui_list_reload(&s->list);
}

const struct tui_view_ops tui_view_receivables = {
	.name = "receivables",
	.title = N_("Receivables"),
	.tab = 1,
	.actions = TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) | TUI_A(END) |
		   TUI_A(ENTER) | TUI_A(ASOF) | TUI_A(SUBLIST) | TUI_A(EXPORT),
	.open = receivables_open,
	.draw = receivables_draw,
	.handle = receivables_handle,
	.resume = receivables_resume,
	.close = receivables_close,
};
