/*
 * view_visit.c - one visit in full: who, when, what for, what was found
 * and agreed, what comes next. d marks a planned visit done, v logs the
 * visit that follows it up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "view_sales.h"
#include "i18n.h"

enum {
	VD_CUSTOMER, VD_DATE, VD_KIND, VD_STATE, VD_CONTACT, VD_BY, VD_PURPOSE, VD_FINDINGS,
	VD_OUTCOME, VD_NEXT_STEP, VD_NEXT_DATE, VD_COUNT
};

static const char *const visit_labels[VD_COUNT] = {
	[VD_CUSTOMER] = N_("Customer"), [VD_DATE] = N_("Date"), [VD_KIND] = N_("Kind"),
	[VD_STATE] = N_("State"), [VD_CONTACT] = N_("Contact"), [VD_BY] = N_("By"),
	[VD_PURPOSE] = N_("Purpose"), [VD_FINDINGS] = N_("Findings"), [VD_OUTCOME] = N_("Outcome"),
	[VD_NEXT_STEP] = N_("Next step"), [VD_NEXT_DATE] = N_("Follow-up date"),
};

struct visit_view {
	int64_t id, customer_id, lead_id;
	int planned, found;
	char *value[VD_COUNT];
	char crumb[64];
	int top, lines, page;
};

static int visit_copy(const credo_visit *x, void *ctx)
{
	struct visit_view *v = ctx;
	char who[600], by[200];

	if (x->id != v->id)
		return 0;
	v->found = 1;
	v->customer_id = x->customer_id;
	v->lead_id = x->lead_id;
	v->planned = x->planned;
	if (x->customer_id)
		snprintf(who, sizeof who, "%s %s", x->customer_code, x->customer_name);
	else
		snprintf(who, sizeof who, _("lead: %s"), x->lead_company);
	snprintf(by, sizeof by, "%s (%s)", *x->user_name ? x->user_name : x->user_login, x->user_login);
	const char *val[VD_COUNT] = {
		[VD_CUSTOMER] = who, [VD_DATE] = x->date, [VD_KIND] = sales_word(x->kind),
		[VD_STATE] = x->planned ? _("planned") : _("done"), [VD_CONTACT] = x->contact_name,
		[VD_BY] = by, [VD_PURPOSE] = x->purpose, [VD_FINDINGS] = x->findings,
		[VD_OUTCOME] = x->outcome, [VD_NEXT_STEP] = x->next_step, [VD_NEXT_DATE] = x->next_date,
	};
	for (int i = 0; i < VD_COUNT; i++) {
		free(v->value[i]);
		v->value[i] = strdup(val[i] ? val[i] : "");
	}
	return 1;
}

static void visit_view_close(void *state)
{
	struct visit_view *v = state;

	if (!v)
		return;
	for (int i = 0; i < VD_COUNT; i++)
		free(v->value[i]);
	free(v);
}

/* The core has no get-by-id for visits: walk the list in scope until it comes. */
static int visit_view_load(struct tui *t, struct visit_view *v)
{
	credo_visit_filter f = { .customer_id = v->customer_id, .lead_id = v->lead_id };

	v->found = 0;
	credo_status st = credo_visit_list(tui_db(t), &f, visit_copy, v);
	if (!v->found) {
		if (st != CREDO_OK && st != CREDO_STOP)
			tui_core_error(t, st);
		else
			tui_message(t, TUI_MSG_ERROR, "%s", _("That visit is no longer there."));
		return -1;
	}
	for (int i = 0; i < VD_COUNT; i++)
		if (!v->value[i]) {
			tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
			return -1;
		}
	return 0;
}

static int visit_view_open(struct tui *t, const void *arg, void **state)
{
	struct visit_view *v = calloc(1, sizeof *v);

	if (!v) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	v->id = *(const int64_t *)arg;
	if (visit_view_load(t, v) != 0) {
		visit_view_close(v);
		return -1;
	}
	*state = v;
	return 0;
}

static const char *visit_view_label(void *state)
{
	struct visit_view *v = state;

	snprintf(v->crumb, sizeof v->crumb, _("Visit %s"), v->value[VD_DATE]);
	return v->crumb;
}

/* "label  value" lines, long values wrapped under themselves; draw = 0 only counts. */
static int visit_view_layout(struct visit_view *v, struct tui_rect r, int draw)
{
	int lw = 0, line = 0;

	for (int i = 0; i < VD_COUNT; i++) {
		int w = tui_width(gettext(visit_labels[i]));
		if (w > lw)
			lw = w;
	}
	if (lw > r.w / 3)
		lw = r.w / 3;
	int vx = r.x + 1 + lw + 2, vw = r.w - lw - 4;
	for (int i = 0; i < VD_COUNT; i++) {
		const char *p = v->value[i], *next;
		int first = 1;
		do {
			size_t n = *p ? tui_wrap(p, vw, &next) : 0;
			if (draw && line >= v->top && line - v->top < r.h) {
				int y = r.y + line - v->top;
				if (first)
					tui_put(stdscr, y, r.x + 1, gettext(visit_labels[i]), lw,
						tui_attr(TUI_S_LABEL), TUI_FIT_RIGHT | TUI_FIT_MARK);
				if (*p)
					tui_putn(stdscr, y, vx, p, n, vw, tui_attr(TUI_S_NORMAL), TUI_FIT_MARK);
				else
					tui_put(stdscr, y, vx, "-", 1, tui_attr(TUI_S_HINT), 0);
			}
			first = 0;
			line++;
			if (*p)
				p = next;
		} while (*p);
	}
	return line;
}

static void visit_view_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct visit_view *v = state;
	char head[700];

	(void)t;
	snprintf(head, sizeof head, "%s  %s  %s", v->value[VD_DATE], v->value[VD_KIND],
		 v->value[VD_CUSTOMER]);
	tui_put(stdscr, r.y, r.x + 1, head, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	struct tui_rect body = { .y = r.y + 2, .x = r.x, .h = r.h - 2, .w = r.w };
	if (body.h < 1)
		return;
	v->page = body.h;
	v->lines = visit_view_layout(v, body, 0);
	if (v->top > v->lines - v->page)
		v->top = v->lines - v->page > 0 ? v->lines - v->page : 0;
	visit_view_layout(v, body, 1);
	if (v->top > 0)
		tui_put(stdscr, body.y, r.x + r.w - 1, "^", 1, tui_attr(TUI_S_EMPHASIS), 0);
	if (v->top + v->page < v->lines)
		tui_put(stdscr, body.y + body.h - 1, r.x + r.w - 1, "v", 1, tui_attr(TUI_S_EMPHASIS), 0);
}

static int visit_view_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct visit_view *v = state;
	int last = v->lines - v->page > 0 ? v->lines - v->page : 0;
	struct sales_visit_arg arg = { .customer_id = v->customer_id, .lead_id = v->lead_id };

	(void)key;
	switch (act) {
	case TUI_ACT_UP:
		v->top -= v->top > 0;
		return TUI_DONE;
	case TUI_ACT_DOWN:
		v->top += v->top < last;
		return TUI_DONE;
	case TUI_ACT_PGUP:
		v->top = v->top - v->page > 0 ? v->top - v->page : 0;
		return TUI_DONE;
	case TUI_ACT_PGDN:
		v->top = v->top + v->page < last ? v->top + v->page : last;
		return TUI_DONE;
	case TUI_ACT_HOME:
		v->top = 0;
		return TUI_DONE;
	case TUI_ACT_END:
		v->top = last;
		return TUI_DONE;
	case TUI_ACT_DONE:
		if (!v->planned) {
			tui_message(t, TUI_MSG_INFO, "%s",
				    _("This visit took place; v logs the visit that follows it up."));
			return TUI_DONE;
		}
		arg.done_id = v->id;
		if (sales_allowed(t, CREDO_PERM_VISIT_LOG) == 0)
			tui_push(t, "visit_new", &arg);
		return TUI_DONE;
	case TUI_ACT_LOG_VISIT:
		arg.purpose = v->value[VD_NEXT_STEP];
		if (sales_allowed(t, CREDO_PERM_VISIT_LOG) == 0)
			tui_push(t, "visit_new", &arg);
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

static void visit_view_resume(struct tui *t, void *state, const struct tui_result *res)
{
	struct visit_view *v = state;

	(void)res;
	visit_view_load(t, v);
}

const struct tui_view_ops tui_view_visit = {
	.name = "visit",
	.title = N_("Visit"),
	.actions = TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) |
		   TUI_A(END) | TUI_A(DONE) | TUI_A(LOG_VISIT),
	.open = visit_view_open,
	.draw = visit_view_draw,
	.handle = visit_view_handle,
	.resume = visit_view_resume,
	.label = visit_view_label,
	.close = visit_view_close,
};
