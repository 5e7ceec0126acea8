/*
 * view_lead.c - one lead: its fields and its visits. C converts it into a
 * prospect customer (after a y/n question; its visits go with it), S
 * moves it to another status, v logs a visit or call to it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_list.h"
#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "view_sales.h"
#include "i18n.h"

enum {
	LF_COMPANY, LF_CONTACT, LF_PHONE, LF_EMAIL, LF_SOURCE, LF_STATUS, LF_OWNER, LF_CREATED,
	LF_LAST, LF_CUSTOMER, LF_NOTES, LF_COUNT
};

static const char *const lead_labels[LF_COUNT] = {
	[LF_COMPANY] = N_("Company"), [LF_CONTACT] = N_("Contact"), [LF_PHONE] = N_("Phone"),
	[LF_EMAIL] = N_("Email"), [LF_SOURCE] = N_("Source"), [LF_STATUS] = N_("Status"),
	[LF_OWNER] = N_("Owner"), [LF_CREATED] = N_("Created"), [LF_LAST] = N_("Last activity"),
	[LF_CUSTOMER] = N_("Customer"), [LF_NOTES] = N_("Notes"),
};

static const struct tui_column lead_visit_cols[] = {
	{ .title = N_("Date"), .width = 10 },
	{ .title = N_("Kind"), .width = 10 },
	{ .title = N_("State"), .width = 7 },
	{ .title = N_("Findings / outcome"), .width = 20, .grow = 1 },
	{ .title = N_("Next"), .width = 10 },
};

struct lead_view {
	struct tui *t;
	int64_t id, customer_id;
	char code[32];
	char status[32];
	char *value[LF_COUNT];
	struct tui_list visits;
};

static int lead_copy(const credo_lead *l, void *ctx)
{
	struct lead_view *v = ctx;
	char owner[200], created[16];

	snprintf(v->code, sizeof v->code, "%s", l->code);
	snprintf(v->status, sizeof v->status, "%s", l->status);
	v->customer_id = l->customer_id;
	snprintf(owner, sizeof owner, "%s (%s)", *l->owner_name ? l->owner_name : l->owner_login,
		 l->owner_login);
	snprintf(created, sizeof created, "%.10s", l->created_at);
	const char *val[LF_COUNT] = {
		[LF_COMPANY] = l->company, [LF_CONTACT] = l->contact_name, [LF_PHONE] = l->phone,
		[LF_EMAIL] = l->email, [LF_SOURCE] = l->source, [LF_STATUS] = sales_word(l->status),
		[LF_OWNER] = owner, [LF_CREATED] = created, [LF_LAST] = l->last_activity,
		[LF_CUSTOMER] = l->customer_code, [LF_NOTES] = l->notes,
	};
	for (int i = 0; i < LF_COUNT; i++) {
		free(v->value[i]);
		v->value[i] = strdup(val[i] ? val[i] : "");
		if (!v->value[i])
			return 1;
	}
	return 0;
}

static int lead_load(struct lead_view *v)
{
	credo_status st = credo_lead_get(tui_db(v->t), v->id, lead_copy, v);

	if (st != CREDO_OK) {
		if (st == CREDO_STOP)
			tui_message(v->t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		else
			tui_core_error(v->t, st);
		return -1;
	}
	return 0;
}

struct lead_fill {
	struct tui_list_stream *st;
};

static int lead_visit_row(const credo_visit *x, void *ctx)
{
	struct lead_fill *f = ctx;
	const char *text = *x->findings ? x->findings : *x->outcome ? x->outcome : x->purpose;
	const char *cells[] = { x->date, sales_word(x->kind), x->planned ? _("planned") : _("done"),
				text, x->next_date };

	return tui_list_stream_row(f->st, x->id, cells);
}

static int lead_visits_stream(void *ctx, struct tui_list_stream *st)
{
	struct lead_view *v = ctx;
	struct lead_fill f = { .st = st };
	/* After the conversion the visits belong to the customer. */
	credo_visit_filter flt = { .lead_id = v->customer_id ? 0 : v->id, .customer_id = v->customer_id };
	credo_status rc = credo_visit_list(tui_db(v->t), &flt, lead_visit_row, &f);

	if (rc != CREDO_OK && rc != CREDO_STOP) {
		tui_core_error(v->t, rc);
		return -1;
	}
	return 0;
}

static void lead_close(void *state)
{
	struct lead_view *v = state;

	if (!v)
		return;
	tui_list_free(&v->visits);
	for (int i = 0; i < LF_COUNT; i++)
		free(v->value[i]);
	free(v);
}

static int lead_open(struct tui *t, const void *arg, void **state)
{
	struct lead_view *v = calloc(1, sizeof *v);

	if (!v) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	v->t = t;
	v->id = *(const int64_t *)arg;
	if (lead_load(v) != 0) {
		lead_close(v);
		return -1;
	}
	tui_list_init_stream(&v->visits, lead_visit_cols,
			     (int)(sizeof lead_visit_cols / sizeof lead_visit_cols[0]), lead_visits_stream, v);
	*state = v;
	return 0;
}

static const char *lead_label(void *state)
{
	struct lead_view *v = state;

	return v->code;
}

static void lead_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct lead_view *v = state;
	char head[400];
	int lw = 0, y = r.y;

	(void)t;
	snprintf(head, sizeof head, "%s  %s", v->code, v->value[LF_COMPANY]);
	int sw = tui_width(v->value[LF_STATUS]);
	tui_put(stdscr, y, r.x + 1, head, r.w - sw - 4, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, y, r.x + r.w - sw - 1, v->value[LF_STATUS], sw, tui_attr(TUI_S_LABEL), 0);
	y += 2;
	for (int i = 0; i < LF_COUNT; i++) {
		int w = tui_width(gettext(lead_labels[i]));
		if (w > lw)
			lw = w;
	}
	if (lw > r.w / 3)
		lw = r.w / 3;
	/* The fields, one a line, but the visits keep four lines at least. */
	for (int i = 0; i < LF_COUNT && y < r.y + r.h - 6; i++) {
		if (i == LF_CUSTOMER && !*v->value[i])
			continue;
		tui_put(stdscr, y, r.x + 1, gettext(lead_labels[i]), lw, tui_attr(TUI_S_LABEL),
			TUI_FIT_RIGHT | TUI_FIT_MARK);
		if (*v->value[i])
			tui_put(stdscr, y, r.x + lw + 3, v->value[i], r.w - lw - 4,
				tui_attr(i == LF_CUSTOMER ? TUI_S_EMPHASIS : TUI_S_NORMAL), TUI_FIT_MARK);
		else
			tui_put(stdscr, y, r.x + lw + 3, "-", 1, tui_attr(TUI_S_HINT), 0);
		y++;
	}
	y++;
	tui_put(stdscr, y++, r.x + 1, _("Visits and calls"), r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_list_draw(&v->visits, stdscr, y, r.x, r.y + r.h - y, r.w,
		      _("No visits yet; press v to log one."));
}

/* ---- actions ---- */

struct customer_code {
	char code[64];
};

static int customer_code_row(const credo_customer *c, void *ctx)
{
	struct customer_code *cc = ctx;

	snprintf(cc->code, sizeof cc->code, "%s", c->code);
	return 0;
}

static void convert_done(struct tui *t, void *ctx, const char *text)
{
	struct lead_view *v = ctx;
	struct customer_code cc = { "" };
	int64_t cid = 0;

	if (!text)
		return;
	if (sales_yes(text) != 1) {
		tui_message(t, TUI_MSG_INFO, _("Lead %s not converted."), v->code);
		return;
	}
	credo_status st = credo_lead_convert(tui_db(t), v->id, &cid);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return;
	}
	lead_load(v);
	tui_list_reset(&v->visits);
	credo_customer_get(tui_db(t), cid, customer_code_row, &cc);
	/* Show the new customer at once: that is where the work goes on. */
	if (tui_push(t, "customer", &cid) == 0)
		tui_message(t, TUI_MSG_INFO, _("Lead %s is now customer %s, a prospect."), v->code, cc.code);
}

static int status_apply(struct tui *t, void *ctx, int64_t id, const char *value, const char *note)
{
	struct lead_view *v = ctx;
	credo_status st = credo_lead_set_status(tui_db(t), id, value);

	(void)note;
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return -1;
	}
	tui_message(t, TUI_MSG_INFO, _("Lead %s is now %s."), v->code, sales_word(value));
	return 0;
}

static int lead_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct lead_view *v = state;
	const struct tui_list_row *row;
	char label[256];
	struct sales_visit_arg arg = { .lead_id = v->id };

	(void)key;
	if (tui_list_action(&v->visits, act))
		return TUI_DONE;
	switch (act) {
	case TUI_ACT_CONVERT:
		if (v->customer_id) {
			tui_message(t, TUI_MSG_INFO, _("Lead %s is already customer %s."), v->code,
				    v->value[LF_CUSTOMER]);
			return TUI_DONE;
		}
		if (sales_allowed(t, CREDO_PERM_SALES_ACTIVITY) != 0 ||
		    sales_allowed(t, CREDO_PERM_CUSTOMER_EDIT) != 0)
			return TUI_DONE;
		snprintf(label, sizeof label, _("Convert %s to a customer? (y/n)"), v->code);
		tui_prompt(t, label, "", convert_done, v);
		return TUI_DONE;
	case TUI_ACT_STATUS: {
		if (sales_allowed(t, CREDO_PERM_SALES_ACTIVITY) != 0)
			return TUI_DONE;
		snprintf(label, sizeof label, "%s %s", v->code, v->value[LF_COMPANY]);
		struct sales_choose_arg a = {
			.id = v->id,
			.title = _("Lead status"),
			.about = label,
			.label = _("Status"),
			.values = sales_lead_statuses,
			.labels = sales_lead_status_labels,
			.initial = v->status,
			.apply = status_apply,
			.ctx = v,
		};
		tui_push(t, "choose", &a);
		return TUI_DONE;
	}
	case TUI_ACT_LOG_VISIT:
		if (v->customer_id) {
			arg.lead_id = 0;
			arg.customer_id = v->customer_id;
		}
		if (sales_allowed(t, CREDO_PERM_VISIT_LOG) == 0)
			tui_push(t, "visit_new", &arg);
		return TUI_DONE;
	case TUI_ACT_ENTER:
		row = tui_list_selected(&v->visits);
		if (row)
			tui_push(t, "visit", &row->id);
		return TUI_DONE;
	case TUI_ACT_DONE:
		row = tui_list_selected(&v->visits);
		if (!row)
			return TUI_DONE;
		arg.done_id = row->id;
		if (v->customer_id) {
			arg.lead_id = 0;
			arg.customer_id = v->customer_id;
		}
		if (sales_allowed(t, CREDO_PERM_VISIT_LOG) == 0)
			tui_push(t, "visit_new", &arg);
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

static void lead_resume(struct tui *t, void *state, const struct tui_result *res)
{
	struct lead_view *v = state;

	(void)t;
	(void)res;
	lead_load(v);
	tui_list_reset(&v->visits);
}

const struct tui_view_ops tui_view_lead = {
	.name = "lead",
	.title = N_("Lead"),
	.actions = TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) |
		   TUI_A(END) | TUI_A(ENTER) | TUI_A(CONVERT) | TUI_A(STATUS) | TUI_A(LOG_VISIT) |
		   TUI_A(DONE),
	.open = lead_open,
	.draw = lead_draw,
	.handle = lead_handle,
	.resume = lead_resume,
	.label = lead_label,
	.close = lead_close,
};
