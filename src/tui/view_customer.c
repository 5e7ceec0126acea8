/*
 * view_customer.c - one customer: its fields, where it stands on credit
 * (balance, grade, limit, hold, veto), and below them one of five
 * sub-lists chosen with 1-5: contacts, visits, opportunities, complaints
 * and the history of owner, category and status changes. From here a
 * salesperson edits the customer, logs a visit, adds a contact, an
 * opportunity or a complaint, and closes complaints.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_list.h"
#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "view_sales.h"
#include "i18n.h"

/*
 * Fields in display order: label and the credo_customer member. All are
 * strings except reputation_bad, which customer_copy() turns into words.
 */
#define CUSTOMER_FIELDS(X) \
	X(CODE,       N_("Code"),           code) \
	X(NAME,       N_("Name"),           name) \
	X(SHORT,      N_("Short name"),     short_name) \
	X(TYPE,       N_("Type"),           type) \
	X(STATUS,     N_("Status"),         status) \
	X(CATEGORY,   N_("Category"),       category) \
	X(INDUSTRY,   N_("Industry"),       industry) \
	X(REGION,     N_("Region"),         region) \
	X(ADDRESS,    N_("Address"),        address) \
	X(PHONE,      N_("Phone"),          phone) \
	X(TAX_ID,     N_("Tax ID"),         tax_id) \
	X(BANK,       N_("Bank"),           bank) \
	X(ACCOUNT,    N_("Bank account"),   bank_account) \
	X(LEGAL_REP,  N_("Legal rep."),     legal_rep) \
	X(OWNER,      N_("Owner"),          owner_name) \
	X(OWNER_LOGIN, N_("Owner login"),   owner_login) \
	X(SINCE,      N_("Customer since"), since) \
	X(REPUTATION, N_("Reputation"),     reputation_bad) \
	X(NOTES,      N_("Notes"),          notes)

enum {
#define CF_ENUM(id, label, member) CF_##id,
	CUSTOMER_FIELDS(CF_ENUM)
#undef CF_ENUM
	CF_COUNT
};

static const struct {
	const char *label;
	size_t offset;
} customer_fields[CF_COUNT] = {
#define CF_ROW(id, l, member) [CF_##id] = { .label = l, .offset = offsetof(credo_customer, member) },
	CUSTOMER_FIELDS(CF_ROW)
#undef CF_ROW
};

/*
 * The fields on a wide screen: pairs side by side, then the ones whose
 * values run long on lines of their own. -1: nothing on that side.
 */
static const int customer_grid[][2] = {
	{ CF_SHORT, CF_TYPE },
	{ CF_STATUS, CF_CATEGORY },
	{ CF_INDUSTRY, CF_REGION },
	{ CF_PHONE, CF_TAX_ID },
	{ CF_OWNER, CF_OWNER_LOGIN },
	{ CF_BANK, CF_ACCOUNT },
	{ CF_LEGAL_REP, CF_SINCE },
	{ CF_REPUTATION, -1 },
	{ CF_ADDRESS, -1 },
	{ CF_NOTES, -1 },
};
#define GRID_ROWS ((int)(sizeof customer_grid / sizeof customer_grid[0]))

/* ---- the sub-lists ---- */

enum { PANE_CONTACTS, PANE_VISITS, PANE_OPPS, PANE_COMPLAINTS, PANE_HISTORY, PANE_COUNT };

static const char *const pane_titles[PANE_COUNT] = {
	N_("Contacts"), N_("Visits"), N_("Opportunities"), N_("Complaints"), N_("History"),
};

static const char *const pane_empty[PANE_COUNT] = {
	N_("No contacts yet; press c to add one."),
	N_("No visits yet; press v to log one."),
	N_("No opportunities; press n to add one."),
	N_("No complaints; press n to record one."),
	N_("No changes of owner, category or status yet."),
};

static const struct tui_column contact_cols[] = {
	{ .title = N_("Name"), .width = 10, .grow = 1 },
	{ .title = N_("Role"), .width = 14 },
	{ .title = N_("Title"), .width = 10, .grow = 1 },
	{ .title = N_("Phone"), .width = 13 },
	{ .title = N_("Email"), .width = 22, .min_total = 100 },
	{ .title = N_("Department"), .width = 10, .min_total = 118 },
};

static const struct tui_column visit_cols[] = {
	{ .title = N_("Date"), .width = 10 },
	{ .title = N_("Kind"), .width = 10 },
	{ .title = N_("State"), .width = 7 },
	{ .title = N_("Contact"), .width = 8 },
	{ .title = N_("Findings / outcome"), .width = 20, .grow = 1 },
	{ .title = N_("Next"), .width = 10 },
	{ .title = N_("By"), .width = 8, .min_total = 100 },
};

static const struct tui_column opp_cols[] = {
	{ .title = N_("Description"), .width = 12, .grow = 1 },
	{ .title = N_("Stage"), .width = 11 },
	{ .title = N_("Prob."), .width = 5, .right = 1 },
	{ .title = N_("Amount"), .width = 14, .right = 1 },
	{ .title = N_("Close"), .width = 10 },
	{ .title = N_("Weighted"), .width = 14, .right = 1, .min_total = 96 },
	{ .title = N_("Lost reason"), .width = 16, .grow = 1, .min_total = 112 },
};

static const struct tui_column complaint_cols[] = {
	{ .title = N_("Date"), .width = 10 },
	{ .title = N_("Kind"), .width = 8 },
	{ .title = N_("Status"), .width = 11 },
	{ .title = N_("Fair"), .width = 4 },
	{ .title = N_("Description"), .width = 16, .grow = 2 },
	{ .title = N_("Closed"), .width = 10, .min_total = 96 },
	{ .title = N_("Resolution"), .width = 12, .grow = 1, .min_total = 110 },
};

static const struct tui_column history_cols[] = {
	{ .title = N_("Date"), .width = 10 },
	{ .title = N_("By"), .width = 10 },
	{ .title = N_("What"), .width = 10 },
	{ .title = N_("Change"), .width = 20, .grow = 1 },
	{ .title = N_("Reason"), .width = 12, .grow = 1 },
};

#define NCOLS(a) ((int)(sizeof(a) / sizeof(a)[0]))

static const struct {
	const struct tui_column *cols;
	int n;
} pane_cols[PANE_COUNT] = {
	[PANE_CONTACTS] = { contact_cols, NCOLS(contact_cols) },
	[PANE_VISITS] = { visit_cols, NCOLS(visit_cols) },
	[PANE_OPPS] = { opp_cols, NCOLS(opp_cols) },
	[PANE_COMPLAINTS] = { complaint_cols, NCOLS(complaint_cols) },
	[PANE_HISTORY] = { history_cols, NCOLS(history_cols) },
};

struct customer_view {
	struct tui *t;
	int64_t id;
	char *value[CF_COUNT];
	int reputation_bad;
	char standing[512];
	int alarm;		/* the standing needs attention */
	int pane;
	struct tui_list list;
	char status[32];	/* the lifecycle status the choose screen starts from */
};

static int customer_copy(const credo_customer *c, void *ctx)
{
	struct customer_view *v = ctx;

	v->id = c->id;
	v->reputation_bad = c->reputation_bad;
	for (int i = 0; i < CF_COUNT; i++) {
		const char *s;
		if (i == CF_REPUTATION)
			s = c->reputation_bad ? _("bad: vetoed, no credit sales") : _("no veto");
		else
			s = *(const char *const *)((const char *)c + customer_fields[i].offset);
		if (i == CF_TYPE || i == CF_STATUS)
			s = sales_word(s ? s : "");
		free(v->value[i]);
		v->value[i] = strdup(s ? s : "");
		if (!v->value[i])
			return 1;
	}
	return 0;
}

/* (Re)read the customer and its standing; -1 after telling the user why not. */
static int customer_load(struct customer_view *v, int64_t id)
{
	credo_status st = credo_customer_get(tui_db(v->t), id, customer_copy, v);

	if (st != CREDO_OK || !v->value[CF_NOTES]) {
		if (st == CREDO_OK || st == CREDO_STOP)
			tui_message(v->t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		else
			tui_core_error(v->t, st);
		return -1;
	}
	v->alarm = sales_standing(tui_db(v->t), v->id, v->standing, sizeof v->standing) != 0;
	return 0;
}

/* ---- streaming the sub-lists ---- */

struct pane_fill {
	struct customer_view *v;
	struct tui_list_stream *s;
};

static int contact_row(const credo_contact *c, void *ctx)
{
	struct pane_fill *f = ctx;
	const char *cells[] = { c->name, sales_word(c->role), c->title, c->phone, c->email,
				c->department };

	return tui_list_stream_row(f->s, c->id, cells);
}

static int visit_row(const credo_visit *x, void *ctx)
{
	struct pane_fill *f = ctx;
	const char *text = *x->findings ? x->findings : *x->outcome ? x->outcome : x->purpose;
	const char *cells[] = {
		x->date, sales_word(x->kind), x->planned ? _("planned") : _("done"), x->contact_name,
		text, x->next_date, *x->user_name ? x->user_name : x->user_login,
	};

	return tui_list_stream_row(f->s, x->id, cells);
}

static int opp_row(const credo_opportunity *o, void *ctx)
{
	struct pane_fill *f = ctx;
	char prob[16], amount[CREDO_MONEY_BUFSZ], weighted[CREDO_MONEY_BUFSZ];

	snprintf(prob, sizeof prob, "%d%%", o->probability);
	sales_money(o->amount, amount, sizeof amount);
	sales_money(o->amount / 100 * o->probability + o->amount % 100 * o->probability / 100,
		    weighted, sizeof weighted);
	const char *cells[] = { o->description, o->stage, prob, amount, o->expected_close, weighted,
				o->lost_reason };

	return tui_list_stream_row(f->s, o->id, cells);
}

static int complaint_row(const credo_complaint *c, void *ctx)
{
	struct pane_fill *f = ctx;
	const char *fair = c->reasonable > 0 ? _("yes") : c->reasonable == 0 ? _("no") : "?";
	const char *cells[] = { c->date, sales_word(c->kind), sales_word(c->status), fair,
				c->description, c->closed_date, c->resolution };

	return tui_list_stream_row(f->s, c->id, cells);
}

static int history_row(const credo_customer_change *ch, void *ctx)
{
	struct pane_fill *f = ctx;
	char date[16], change[512];

	snprintf(date, sizeof date, "%.10s", ch->changed_at);
	const char *from = strcmp(ch->field, "status") == 0 ? sales_word(ch->old_value) : ch->old_value;
	const char *to = strcmp(ch->field, "status") == 0 ? sales_word(ch->new_value) : ch->new_value;
	snprintf(change, sizeof change, "%s -> %s", *from ? from : "-", *to ? to : "-");
	const char *cells[] = { date, ch->changed_by, sales_word(ch->field), change, ch->reason };

	/* History rows have no id of their own; the position does. */
	return tui_list_stream_row(f->s, 0, cells);
}

static int pane_stream(void *ctx, struct tui_list_stream *s)
{
	struct customer_view *v = ctx;
	struct pane_fill f = { .v = v, .s = s };
	credo_db *db = tui_db(v->t);
	credo_status st = CREDO_OK;

	switch (v->pane) {
	case PANE_CONTACTS:
		st = credo_contact_list(db, v->id, contact_row, &f);
		break;
	case PANE_VISITS:
		st = credo_visit_list(db, &(credo_visit_filter){ .customer_id = v->id }, visit_row, &f);
		break;
	case PANE_OPPS:
		st = credo_opportunity_list(db, &(credo_opportunity_filter){ .customer_id = v->id },
					    opp_row, &f);
		break;
	case PANE_COMPLAINTS:
		st = credo_complaint_list(db, &(credo_complaint_filter){ .customer_id = v->id },
					  complaint_row, &f);
		break;
	case PANE_HISTORY:
		st = credo_customer_history(db, v->id, history_row, &f);
		break;
	}
	if (st != CREDO_OK && st != CREDO_DONE && st != CREDO_STOP) {
		tui_core_error(v->t, st);
		return -1;
	}
	return 0;
}

static void customer_pane(struct customer_view *v, int pane)
{
	tui_list_free(&v->list);
	v->pane = pane;
	tui_list_init_stream(&v->list, pane_cols[pane].cols, pane_cols[pane].n, pane_stream, v);
}

/* ---- open, close ---- */

static void customer_close(void *state)
{
	struct customer_view *v = state;

	if (!v)
		return;
	tui_list_free(&v->list);
	for (int i = 0; i < CF_COUNT; i++)
		free(v->value[i]);
	free(v);
}

static int customer_open(struct tui *t, const void *arg, void **state)
{
	struct customer_view *v = calloc(1, sizeof *v);

	if (!v) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	v->t = t;
	if (customer_load(v, *(const int64_t *)arg) != 0) {
		customer_close(v);
		return -1;
	}
	customer_pane(v, PANE_CONTACTS);
	*state = v;
	return 0;
}

static const char *customer_label(void *state)
{
	struct customer_view *v = state;

	return v->value[CF_NAME];
}

/* ---- drawing ---- */

static int label_width(const int *ids, int n, int max)
{
	int lw = 0;

	for (int i = 0; i < n; i++) {
		if (ids[i] < 0)
			continue;
		int w = tui_width(gettext(customer_fields[ids[i]].label));
		if (w > lw)
			lw = w;
	}
	return lw < max ? lw : max;
}

/* "label  value" in w cells at (y, x), the label lw cells and right-aligned. */
static void field_put(struct customer_view *v, int f, int y, int x, int lw, int w)
{
	const char *val = v->value[f];
	attr_t a = tui_attr(f == CF_NAME || (f == CF_REPUTATION && v->reputation_bad) ?
			    TUI_S_EMPHASIS : TUI_S_NORMAL);

	if (w <= lw + 2)
		return;
	tui_put(stdscr, y, x, gettext(customer_fields[f].label), lw, tui_attr(TUI_S_LABEL),
		TUI_FIT_RIGHT | TUI_FIT_MARK);
	if (*val)
		tui_put(stdscr, y, x + lw + 2, val, w - lw - 2, a, TUI_FIT_MARK);
	else
		tui_put(stdscr, y, x + lw + 2, "-", 1, tui_attr(TUI_S_HINT), 0);
}

/* The fields in at most h lines; returns the lines used. */
static int customer_fields_draw(struct customer_view *v, struct tui_rect r, int h)
{
	int line = 0;

	if (r.w >= 76) {
		/* Two columns, so the fields leave room for the sub-list on 24 lines. */
		int left[GRID_ROWS], right[GRID_ROWS];
		for (int i = 0; i < GRID_ROWS; i++) {
			left[i] = customer_grid[i][0];
			right[i] = customer_grid[i][1];
		}
		int half = (r.w - 2) / 2;
		int lw1 = label_width(left, GRID_ROWS, half / 2), lw2 = label_width(right, GRID_ROWS, half / 2);
		for (int i = 0; i < GRID_ROWS && line < h; i++, line++) {
			const int *g = customer_grid[i];
			if (g[1] < 0) {
				field_put(v, g[0], r.y + line, r.x + 1, lw1, r.w - 2);
				continue;
			}
			field_put(v, g[0], r.y + line, r.x + 1, lw1, half - 1);
			field_put(v, g[1], r.y + line, r.x + 1 + half, lw2, r.w - 2 - half);
		}
		return line;
	}
	int ids[CF_COUNT], n = 0;
	for (int i = 0; i < GRID_ROWS; i++)
		for (int k = 0; k < 2; k++)
			if (customer_grid[i][k] >= 0)
				ids[n++] = customer_grid[i][k];
	int lw = label_width(ids, n, r.w / 3);
	for (int i = 0; i < n && line < h; i++, line++)
		field_put(v, ids[i], r.y + line, r.x + 1, lw, r.w - 2);
	return line;
}

/* "[1 Contacts]  2 Visits  ..." with the current one marked. */
static void customer_panes_draw(struct customer_view *v, int y, int x, int w)
{
	char buf[128];
	int col = x + 1;

	for (int p = 0; p < PANE_COUNT && col < x + w; p++) {
		snprintf(buf, sizeof buf, p == v->pane ? "[%d %s]" : " %d %s ", p + 1,
			 gettext(pane_titles[p]));
		int bw = tui_width(buf);
		if (bw > x + w - col)
			bw = x + w - col;
		tui_put(stdscr, y, col, buf, bw,
			p == v->pane ? tui_attr(TUI_S_TAB_ACTIVE) : tui_attr(TUI_S_HINT), TUI_FIT_MARK);
		col += bw + 1;
	}
}

static void customer_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct customer_view *v = state;
	char head[512];

	(void)t;
	snprintf(head, sizeof head, "%s  %s", v->value[CF_CODE], v->value[CF_NAME]);
	int sw = tui_width(v->value[CF_STATUS]);
	if (sw > r.w / 3)
		sw = r.w / 3;
	/* A name too long for the line goes on under itself (once) rather than being cut. */
	int hw = r.w - sw - 4;
	const char *rest = "";
	size_t hn = strlen(head);
	if (hw > 0 && tui_width(head) > hw && r.h >= 20)
		hn = tui_wrap(head, hw, &rest);
	tui_putn(stdscr, r.y, r.x + 1, head, hn, hw, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, r.y, r.x + r.w - sw - 1, v->value[CF_STATUS], sw, tui_attr(TUI_S_LABEL), 0);
	int y = r.y + 1, sl = 0;
	if (*rest)
		tui_put(stdscr, y++, r.x + 1, rest, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);

	/* The standing: one line, two when it is long and the screen has the room. */
	const char *p = v->standing, *next;
	int maxsl = r.h >= 20 ? 2 : 1;
	attr_t sa = tui_attr(v->alarm ? TUI_S_ERROR : TUI_S_INFO);
	while (*p && sl < maxsl) {
		size_t n = sl + 1 < maxsl ? sales_wrap(p, r.w - 2, &next) : strlen(p);
		tui_putn(stdscr, y + sl, r.x + 1, p, n, r.w - 2, sa, TUI_FIT_MARK);
		sl++;
		p = sl < maxsl ? next : p + n;
	}
	y += sl > 0 ? sl : 1;

	/* The sub-list keeps at least a heading and three rows; the fields get the rest. */
	int list_min = 1 + 4;
	int room = r.y + r.h - y - list_min;
	if (room < 1)
		room = 1;
	y += customer_fields_draw(v, (struct tui_rect){ .y = y, .x = r.x, .h = room, .w = r.w }, room);
	if (y >= r.y + r.h - 1)
		return;
	customer_panes_draw(v, y, r.x, r.w);
	y++;
	tui_list_draw(&v->list, stdscr, y, r.x, r.y + r.h - y, r.w, _(pane_empty[v->pane]));
}

/* ---- actions ---- */

static void customer_visit(struct tui *t, struct customer_view *v, int64_t done_id)
{
	struct sales_visit_arg arg = { .customer_id = v->id, .done_id = done_id };

	if (sales_allowed(t, CREDO_PERM_VISIT_LOG) == 0)
		tui_push(t, "visit_new", &arg);
}

static void customer_contact(struct tui *t, struct customer_view *v)
{
	if (sales_allowed(t, CREDO_PERM_CUSTOMER_EDIT) == 0)
		tui_push(t, "contact_new", &v->id);
}

/* The lifecycle: a status, and the note that is the evaluation when evaluating. */
static int status_note_required(const char *value)
{
	return strcmp(value, "evaluated") == 0;
}

static int status_apply(struct tui *t, void *ctx, int64_t id, const char *value, const char *note)
{
	credo_status st = credo_customer_set_status(tui_db(t), id, value, note);

	(void)ctx;
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return -1;
	}
	tui_message(t, TUI_MSG_INFO, _("Status is now %s."), sales_word(value));
	return 0;
}

static void customer_status(struct tui *t, struct customer_view *v)
{
	char about[512];

	if (sales_allowed(t, CREDO_PERM_CUSTOMER_EDIT) != 0)
		return;
	snprintf(about, sizeof about, "%s %s: %s", v->value[CF_CODE], v->value[CF_NAME],
		 v->value[CF_STATUS]);
	const char *now = sales_match(v->value[CF_STATUS], sales_customer_statuses);
	snprintf(v->status, sizeof v->status, "%s", now ? now : "");
	struct sales_choose_arg a = {
		.id = v->id,
		.title = _("Customer status"),
		.about = about,
		.label = _("Status"),
		.values = sales_customer_statuses,
		.labels = sales_customer_status_labels,
		.initial = v->status,
		.note_label = _("Note / evaluation"),
		.note_required = status_note_required,
		.apply = status_apply,
		.ctx = v,
	};
	tui_push(t, "choose", &a);
}

/* Opportunities: S a new stage, L lost. */
static void customer_stage(struct tui *t, struct customer_view *v, int lose)
{
	const struct tui_list_row *row = tui_list_selected(&v->list);

	if (!row)
		tui_message(t, TUI_MSG_INFO, "%s", _("No opportunity selected."));
	else
		sales_opportunity_stage(t, row->id, lose);
}

/* Complaints: Enter or d closes the selected one. */
static void customer_complaint_close(struct tui *t, struct customer_view *v)
{
	const struct tui_list_row *row = tui_list_selected(&v->list);

	if (!row) {
		tui_message(t, TUI_MSG_INFO, "%s", _("No complaint selected."));
		return;
	}
	if (sales_allowed(t, CREDO_PERM_COMPLAINT) == 0)
		tui_push(t, "complaint_close", &row->id);
}

static void customer_new_in_pane(struct tui *t, struct customer_view *v)
{
	switch (v->pane) {
	case PANE_CONTACTS:
		customer_contact(t, v);
		break;
	case PANE_VISITS:
		customer_visit(t, v, 0);
		break;
	case PANE_OPPS:
		if (sales_allowed(t, CREDO_PERM_SALES_ACTIVITY) == 0)
			tui_push(t, "opportunity_new", &v->id);
		break;
	case PANE_COMPLAINTS:
		if (sales_allowed(t, CREDO_PERM_COMPLAINT) == 0)
			tui_push(t, "complaint_new", &v->id);
		break;
	default:
		tui_message(t, TUI_MSG_INFO, "%s",
			    _("The history records itself; S changes the status, e edits the customer."));
		break;
	}
}

static int customer_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct customer_view *v = state;
	const struct tui_list_row *row;

	if (tui_list_action(&v->list, act))
		return TUI_DONE;
	switch (act) {
	case TUI_ACT_REDRAW:
		/* Ctrl-L also reads the customer again (another tab may have changed it). */
		customer_load(v, v->id);
		tui_list_reload(&v->list);
		return TUI_PASS;
	case TUI_ACT_SUBLIST:
		if (key >= '1' && key < '1' + PANE_COUNT && key - '1' != v->pane)
			customer_pane(v, (int)(key - '1'));
		return TUI_DONE;
	case TUI_ACT_EDIT:
		if (sales_allowed(t, CREDO_PERM_CUSTOMER_EDIT) == 0)
			tui_push(t, "customer_edit", &v->id);
		return TUI_DONE;
	case TUI_ACT_LOG_VISIT:
		customer_visit(t, v, 0);
		return TUI_DONE;
	case TUI_ACT_ADD_CONTACT:
		customer_contact(t, v);
		return TUI_DONE;
	case TUI_ACT_NEW:
		customer_new_in_pane(t, v);
		return TUI_DONE;
	case TUI_ACT_STATUS:
		if (v->pane == PANE_OPPS)
			customer_stage(t, v, 0);
		else
			customer_status(t, v);
		return TUI_DONE;
	case TUI_ACT_LOSE:
		if (v->pane != PANE_OPPS)
			tui_message(t, TUI_MSG_INFO, "%s", _("L marks an opportunity lost: press 3 first."));
		else
			customer_stage(t, v, 1);
		return TUI_DONE;
	case TUI_ACT_DONE:
	case TUI_ACT_ENTER:
		row = tui_list_selected(&v->list);
		if (v->pane == PANE_COMPLAINTS) {
			customer_complaint_close(t, v);
		} else if (v->pane == PANE_VISITS && row) {
			if (act == TUI_ACT_ENTER)
				tui_push(t, "visit", &row->id);
			else
				customer_visit(t, v, row->id);
		} else if (act == TUI_ACT_DONE) {
			tui_message(t, TUI_MSG_INFO, "%s",
				    _("d marks a planned visit (2) or a complaint (4) done."));
		} else if (v->pane == PANE_OPPS && row) {
			customer_stage(t, v, 0);
		}
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

/* Back from a form: read everything again and show the list it added to. */
static void customer_resume(struct tui *t, void *state, const struct tui_result *res)
{
	struct customer_view *v = state;
	static const struct {
		const char *kind;
		int pane;
	} shows[] = {
		{ "contact", PANE_CONTACTS },
		{ "visit", PANE_VISITS },
		{ "opportunity", PANE_OPPS },
		{ "complaint", PANE_COMPLAINTS },
	};

	customer_load(v, v->id);
	if (!res || !res->kind) {
		tui_list_reload(&v->list);
		return;
	}
	(void)t;
	for (size_t i = 0; i < sizeof shows / sizeof shows[0]; i++)
		if (strcmp(res->kind, shows[i].kind) == 0 && v->pane != shows[i].pane) {
			customer_pane(v, shows[i].pane);
			return;
		}
	if (strcmp(res->kind, "customer") == 0 && v->pane == PANE_HISTORY)
		tui_list_reset(&v->list);
	else
		tui_list_reload(&v->list);
}

const struct tui_view_ops tui_view_customer = {
	.name = "customer",
	.title = N_("Customer"),
	.actions = TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) |
		   TUI_A(END) | TUI_A(ENTER) | TUI_A(EDIT) | TUI_A(LOG_VISIT) | TUI_A(ADD_CONTACT) |
		   TUI_A(NEW) | TUI_A(SUBLIST) | TUI_A(STATUS) | TUI_A(LOSE) | TUI_A(DONE),
	.open = customer_open,
	.draw = customer_draw,
	.handle = customer_handle,
	.resume = customer_resume,
	.label = customer_label,
	.close = customer_close,
};
