/*
 * view_visits.c - the Visits tab: first what is due (plans for today and
 * before, follow-ups whose date has come: credo_visit_due), then the
 * visits themselves, newest first (credo_visit_list). The heading counts
 * today's plans against the visits done (the daily report).
 *
 * n logs a visit, d marks a planned one done (or, on a follow-up, logs
 * the visit that follows it up), Enter shows a visit in full.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_list.h"
#include "tui_theme.h"
#include "tui_export.h"
#include "tui_view.h"
#include "tui_width.h"
#include "view_sales.h"
#include "i18n.h"

enum {
	COL_DATE, COL_DUE, COL_KIND, COL_CUSTOMER, COL_TEXT, COL_CONTACT, COL_BY,
	COL_ROW,		/* hidden: what the row is, its customer or lead, its next step */
	COL_COUNT
};

/* The hidden column: "<what> <customer id> <lead id>". */
enum row_what { ROW_PLAN = 'p', ROW_FOLLOW = 'f', ROW_DONE = 'd', ROW_FUTURE = 'u' };

static const struct tui_column visits_cols[COL_COUNT] = {
	[COL_DATE] = { .title = N_("Date"), .width = 10 },
	[COL_DUE] = { .title = N_("State"), .width = 9 },
	[COL_KIND] = { .title = N_("Kind"), .width = 10 },
	[COL_CUSTOMER] = { .title = N_("Customer"), .width = 16, .grow = 1 },
	[COL_TEXT] = { .title = N_("Purpose / findings"), .width = 16, .grow = 1 },
	[COL_CONTACT] = { .title = N_("Contact"), .width = 8, .min_total = 100 },
	[COL_BY] = { .title = N_("By"), .width = 8, .min_total = 112 },
	[COL_ROW] = { .title = "", .width = 0, .min_total = INT_MAX },
};

struct visits {
	struct tui *t;
	struct tui_list list;
	char today[CREDO_DATE_BUFSZ];
	int planned, done;	/* today's daily report, summed over the people in scope */
};

struct visits_fill {
	struct visits *s;
	struct tui_list_stream *st;
	int stopped;
};

static int visits_row(struct visits_fill *f, const credo_visit *v, enum row_what what)
{
	char hidden[64];
	const char *date = what == ROW_FOLLOW ? v->next_date : v->date;
	const char *due;
	const char *text;

	switch (what) {
	case ROW_PLAN:
	case ROW_FOLLOW:
		due = strcmp(date, f->s->today) < 0 ? _("OVERDUE") : _("TODAY");
		break;
	case ROW_FUTURE:
		due = _("planned");
		break;
	default:
		due = _("done");
		break;
	}
	if (what == ROW_FOLLOW)
		text = *v->next_step ? v->next_step : *v->findings ? v->findings : v->outcome;
	else if (what == ROW_DONE)
		text = *v->findings ? v->findings : *v->outcome ? v->outcome : v->purpose;
	else
		text = v->purpose;
	snprintf(hidden, sizeof hidden, "%c %lld %lld", (char)what, (long long)v->customer_id,
		 (long long)v->lead_id);
	const char *cells[COL_COUNT] = {
		[COL_DATE] = date,
		[COL_DUE] = due,
		[COL_KIND] = what == ROW_FOLLOW ? _("follow-up") : sales_word(v->kind),
		[COL_CUSTOMER] = v->customer_id ? v->customer_name : v->lead_company,
		[COL_TEXT] = text,
		[COL_CONTACT] = v->contact_name,
		[COL_BY] = *v->user_name ? v->user_name : v->user_login,
		[COL_ROW] = hidden,
	};
	if (tui_list_stream_row(f->st, v->id, cells)) {
		f->stopped = 1;
		return 1;
	}
	return 0;
}

static int visits_due_row(const credo_visit *v, void *ctx)
{
	return visits_row(ctx, v, v->planned ? ROW_PLAN : ROW_FOLLOW);
}

static int visits_list_row(const credo_visit *v, void *ctx)
{
	struct visits_fill *f = ctx;

	/* Plans up to today are already among the due ones above. */
	if (v->planned && strcmp(v->date, f->s->today) <= 0)
		return 0;
	return visits_row(f, v, v->planned ? ROW_FUTURE : ROW_DONE);
}

static int visits_stream(void *ctx, struct tui_list_stream *st)
{
	struct visits *s = ctx;
	struct visits_fill f = { .s = s, .st = st };
	credo_status rc = credo_visit_due(tui_db(s->t), s->today, visits_due_row, &f);

	if (rc == CREDO_OK && !f.stopped)
		rc = credo_visit_list(tui_db(s->t), NULL, visits_list_row, &f);
	if (rc != CREDO_OK && rc != CREDO_DONE && rc != CREDO_STOP) {
		tui_core_error(s->t, rc);
		return -1;
	}
	return 0;
}

static int visits_day(const credo_visit_day *d, void *ctx)
{
	struct visits *s = ctx;

	s->planned += d->planned;
	s->done += d->done;
	return 0;
}

static void visits_count(struct visits *s)
{
	s->planned = s->done = 0;
	if (credo_visit_daily(tui_db(s->t), s->today, visits_day, s) != CREDO_OK)
		s->planned = s->done = -1;
}

static int visits_open(struct tui *t, const void *arg, void **state)
{
	struct visits *s = calloc(1, sizeof *s);

	(void)arg;
	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->t = t;
	sales_today(s->today);
	tui_list_init_stream(&s->list, visits_cols, COL_COUNT, visits_stream, s);
	visits_count(s);
	*state = s;
	return 0;
}

static void visits_close(void *state)
{
	struct visits *s = state;

	if (!s)
		return;
	tui_list_free(&s->list);
	free(s);
}

static void visits_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct visits *s = state;
	char head[256], right[160];

	(void)t;
	snprintf(head, sizeof head, "%s", _("Due first, then visits, newest first"));
	if (s->planned >= 0)
		snprintf(right, sizeof right, _("Today %s: %d planned, %d done"), s->today, s->planned, s->done);
	else
		right[0] = '\0';
	int wr = tui_width(right);
	if (wr > r.w / 2)
		wr = r.w / 2;
	tui_put(stdscr, r.y, r.x + 1, head, r.w - wr - 3, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, r.y, r.x + r.w - wr - 1, right, wr, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	tui_list_draw(&s->list, stdscr, r.y + 1, r.x, r.h - 1, r.w,
		      _("No visits and nothing due; press n to log a visit."));
}

/* The selected row's kind and its customer or lead, from the hidden column. */
static int visits_selected(struct visits *s, int64_t *id, char *what, int64_t *customer, int64_t *lead)
{
	const struct tui_list_row *row = tui_list_selected(&s->list);
	long long c = 0, l = 0;

	if (!row || sscanf(row->cells[COL_ROW], "%c %lld %lld", what, &c, &l) != 3)
		return -1;
	*id = row->id;
	*customer = c;
	*lead = l;
	return 0;
}

/* The next step of a follow-up, as the purpose of the visit that follows it up. */
struct visits_step {
	int64_t id;
	char step[SALES_TEXT];
};

static int visits_step_row(const credo_visit *v, void *ctx)
{
	struct visits_step *f = ctx;

	if (v->id != f->id)
		return 0;
	snprintf(f->step, sizeof f->step, "%s", v->next_step);
	return 1;
}

static void visits_done(struct tui *t, struct visits *s)
{
	struct sales_visit_arg arg = { 0 };
	struct visits_step step = { 0 };
	int64_t id;
	char what;

	if (visits_selected(s, &id, &what, &arg.customer_id, &arg.lead_id) != 0) {
		tui_message(t, TUI_MSG_INFO, "%s", _("No visit selected."));
		return;
	}
	if (sales_allowed(t, CREDO_PERM_VISIT_LOG) != 0)
		return;
	if (what == ROW_PLAN || what == ROW_FUTURE) {
		arg.done_id = id;
	} else if (what == ROW_FOLLOW) {
		step.id = id;
		credo_visit_due(tui_db(t), s->today, visits_step_row, &step);
		arg.purpose = step.step;
	} else {
		tui_message(t, TUI_MSG_INFO, "%s",
			    _("That visit took place; d is for plans and follow-ups, n logs a new visit."));
		return;
	}
	tui_push(t, "visit_new", &arg);
}

static int visits_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct visits *s = state;
	const struct tui_list_row *row;
	struct sales_visit_arg arg = { 0 };

	(void)key;
	if (tui_list_action(&s->list, act))
		return TUI_DONE;
	switch (act) {
	case TUI_ACT_EXPORT:
		tui_export_list(t, &s->list, "visits", NULL);
		return TUI_DONE;
	case TUI_ACT_ENTER:
		row = tui_list_selected(&s->list);
		if (row)
			tui_push(t, "visit", &row->id);
		return TUI_DONE;
	case TUI_ACT_NEW:
	case TUI_ACT_LOG_VISIT:
		if (sales_allowed(t, CREDO_PERM_VISIT_LOG) == 0)
			tui_push(t, "visit_new", &arg);
		return TUI_DONE;
	case TUI_ACT_DONE:
		visits_done(t, s);
		return TUI_DONE;
	case TUI_ACT_REDRAW:
		/* Ctrl-L also reads the list again (another tab may have logged a visit). */
		visits_count(s);
		tui_list_reload(&s->list);
		return TUI_PASS;
	default:
		return TUI_PASS;
	}
}

static void visits_resume(struct tui *t, void *state, const struct tui_result *res)
{
	struct visits *s = state;

	(void)t;
	visits_count(s);
	/* A new visit can close a follow-up: show the top, where both changed. */
	if (res && res->kind && strcmp(res->kind, "visit") == 0)
		tui_list_reset(&s->list);
	else
		tui_list_reload(&s->list);
}

const struct tui_view_ops tui_view_visits = {
	.name = "visits",
	.title = N_("Visits"),
	.tab = 1,
	.actions = TUI_A(EXPORT) | TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) |
		   TUI_A(END) | TUI_A(ENTER) | TUI_A(NEW) | TUI_A(DONE) | TUI_A(LOG_VISIT),
	.open = visits_open,
	.draw = visits_draw,
	.handle = visits_handle,
	.resume = visits_resume,
	.close = visits_close,
};
