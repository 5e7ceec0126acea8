/*
 * view_visit_new.c - log a visit or call, plan one, or mark a planned one
 * done. Built to take a salesperson well under a minute: today, a visit,
 * "done" and the customer's last contact are already filled in; the
 * customer comes from the screen it was opened on or from a few letters
 * typed into the customer field (search as you type). Above the fields,
 * the customer's overdue balance and credit standing, so collection can
 * happen during the visit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_form.h"
#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "view_sales.h"
#include "i18n.h"

/* Every field the form may have; which ones it has depends on the mode. */
enum {
	VF_CUSTOMER, VF_DATE, VF_KIND, VF_STATE, VF_CONTACT, VF_PURPOSE, VF_FINDINGS, VF_OUTCOME,
	VF_NEXT_STEP, VF_NEXT_DATE, VF_COUNT
};

enum visit_mode { MODE_CUSTOMER, MODE_LEAD, MODE_DONE };

#define CONTACTS_MAX 32

static const char *const visit_states[] = { "done", "planned", NULL };
static const char *const visit_state_labels[] = { N_("done, it took place"), N_("planned"), NULL };

static const struct tui_field visit_fields[VF_COUNT] = {
	[VF_CUSTOMER] = { .label = N_("Customer"), .max = 100, .required = 1 },
	[VF_DATE] = { .label = N_("Date"), .max = 10, .required = 1, .validate = sales_check_date },
	[VF_KIND] = { .label = N_("Kind"), .choices = sales_visit_kinds,
		      .choice_labels = sales_visit_kind_labels },
	[VF_STATE] = { .label = N_("State"), .choices = visit_states, .choice_labels = visit_state_labels },
	[VF_CONTACT] = { .label = N_("Contact") },
	[VF_PURPOSE] = { .label = N_("Purpose"), .max = 256 },
	[VF_FINDINGS] = { .label = N_("Findings"), .max = 256 },
	[VF_OUTCOME] = { .label = N_("Outcome"), .max = 256 },
	[VF_NEXT_STEP] = { .label = N_("Next step"), .max = 256 },
	[VF_NEXT_DATE] = { .label = N_("Follow-up date"), .max = 10, .validate = sales_check_date_opt },
};

struct visit_new {
	struct tui *t;
	enum visit_mode mode;
	int64_t lead_id, done_id;
	char head[512];		/* what the visit is about, when not picked in the form */
	char lead_reach[400];	/* a lead's contact person and phone */
	char today[CREDO_DATE_BUFSZ];
	char purpose[SALES_TEXT];

	struct sales_pick pick;	/* the customer */
	char standing[512];
	int alarm;

	/* The customer's contacts as the contact field's choices; 0 is "none". */
	char contact_names[CONTACTS_MAX][64];
	int64_t contact_ids[CONTACTS_MAX + 1];
	const char *contacts[CONTACTS_MAX + 2];

	int idx[VF_COUNT];	/* form index of each field, -1: not in this mode */
	struct tui_field fields[VF_COUNT];
	struct tui_form form;
};

/* ---- the customer and what depends on it ---- */

static int visit_contact_row(const credo_contact *c, void *ctx)
{
	struct visit_new *s = ctx;
	int n = 0;

	while (s->contacts[n])
		n++;
	if (n > CONTACTS_MAX)
		return 1;
	snprintf(s->contact_names[n - 1], sizeof s->contact_names[n - 1], "%s", c->name);
	s->contact_ids[n] = c->id;
	s->contacts[n] = s->contact_names[n - 1];
	s->contacts[n + 1] = NULL;
	return 0;
}

struct last_contact {
	int64_t id;
};

static int visit_last_contact(const credo_visit *v, void *ctx)
{
	struct last_contact *l = ctx;

	if (v->planned || !v->contact_id)
		return 0;
	l->id = v->contact_id;
	return 1;
}

/* A customer was taken (or let go): its standing, its contacts, the last one met. */
static void visit_customer_changed(struct visit_new *s)
{
	credo_db *db = tui_db(s->t);
	int ci = s->idx[VF_CONTACT];

	s->standing[0] = '\0';
	s->alarm = 0;
	s->contacts[0] = _("(none)");
	s->contacts[1] = NULL;
	s->contact_ids[0] = 0;
	if (s->pick.id) {
		s->alarm = sales_standing(db, s->pick.id, s->standing, sizeof s->standing) != 0;
		credo_contact_list(db, s->pick.id, visit_contact_row, s);
	}
	if (ci < 0)
		return;
	s->fields[ci].choices = s->contacts;
	tui_form_set_text(&s->form, ci, NULL);
	if (!s->pick.id)
		return;
	/* The contact of the latest visit that took place, else the first one. */
	struct last_contact l = { 0 };
	credo_visit_list(db, &(credo_visit_filter){ .customer_id = s->pick.id, .limit = 50 },
			 visit_last_contact, &l);
	int k = s->contacts[1] ? 1 : 0;
	for (int i = 1; l.id && s->contacts[i]; i++)
		if (s->contact_ids[i] == l.id)
			k = i;
	s->fields[ci].choice = k;
	tui_form_set_text(&s->form, ci, s->contacts[k]);
	s->fields[ci].choice = k;	/* the same name twice: keep the one meant */
}

/* ---- open ---- */

/* The planned visit to mark done, found through the list (the core has no get by id). */
struct visit_find {
	int64_t id;
	int found, planned;
	int64_t customer_id;
	char text[512];
};

static int visit_find_row(const credo_visit *v, void *ctx)
{
	struct visit_find *f = ctx;

	if (v->id != f->id)
		return 0;
	f->found = 1;
	f->planned = v->planned;
	f->customer_id = v->customer_id;
	snprintf(f->text, sizeof f->text, _("%s planned for %s with %s%s%s"), sales_word(v->kind), v->date,
		 v->customer_id ? v->customer_name : v->lead_company, *v->purpose ? ": " : "", v->purpose);
	return 1;
}

struct lead_head {
	char text[400];
	char reach[400];
};

static int visit_lead_row(const credo_lead *l, void *ctx)
{
	struct lead_head *h = ctx;

	snprintf(h->text, sizeof h->text, "%s %s", l->code, l->company);
	snprintf(h->reach, sizeof h->reach, _("Contact: %s  %s  %s"), *l->contact_name ? l->contact_name : "-",
		 l->phone, l->email);
	return 0;
}

static void visit_add_field(struct visit_new *s, int f, int *n)
{
	s->idx[f] = *n;
	s->fields[(*n)++] = visit_fields[f];
}

static int visit_open(struct tui *t, const void *arg, void **state)
{
	const struct sales_visit_arg *a = arg;
	struct visit_new *s = calloc(1, sizeof *s);
	credo_db *db = tui_db(t);
	credo_status st = CREDO_OK;
	int n = 0;

	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->t = t;
	sales_today(s->today);
	s->mode = a->done_id ? MODE_DONE : a->lead_id ? MODE_LEAD : MODE_CUSTOMER;
	s->lead_id = a->lead_id;
	s->done_id = a->done_id;
	snprintf(s->purpose, sizeof s->purpose, "%s", a->purpose ? a->purpose : "");
	for (int i = 0; i < VF_COUNT; i++)
		s->idx[i] = -1;

	if (s->mode == MODE_DONE) {
		struct visit_find f = { .id = a->done_id };
		st = credo_visit_list(db, &(credo_visit_filter){ .customer_id = a->customer_id,
								 .lead_id = a->lead_id },
				      visit_find_row, &f);
		if (!f.found || !f.planned) {
			if (f.found)
				tui_message(t, TUI_MSG_INFO, "%s",
					    _("That visit already took place; d is for planned visits."));
			else if (st != CREDO_OK)
				tui_core_error(t, st);
			else
				tui_message(t, TUI_MSG_ERROR, "%s", _("That visit is no longer there."));
			free(s);
			return -1;
		}
		snprintf(s->head, sizeof s->head, "%s", f.text);
		if (f.customer_id)
			sales_pick_set(&s->pick, db, f.customer_id);
	} else if (s->mode == MODE_LEAD) {
		struct lead_head h = { "", "" };
		st = credo_lead_get(db, a->lead_id, visit_lead_row, &h);
		if (st != CREDO_OK) {
			tui_core_error(t, st);
			free(s);
			return -1;
		}
		snprintf(s->head, sizeof s->head, _("Visit to lead %s"), h.text);
		snprintf(s->lead_reach, sizeof s->lead_reach, "%s", h.reach);
	} else if (a->customer_id && sales_pick_set(&s->pick, db, a->customer_id) != 0) {
		tui_core_error(t, CREDO_NOTFOUND);
		free(s);
		return -1;
	}

	if (s->mode == MODE_CUSTOMER)
		visit_add_field(s, VF_CUSTOMER, &n);
	visit_add_field(s, VF_DATE, &n);
	if (s->mode != MODE_DONE) {
		visit_add_field(s, VF_KIND, &n);
		visit_add_field(s, VF_STATE, &n);
	}
	if (s->mode == MODE_CUSTOMER)
		visit_add_field(s, VF_CONTACT, &n);
	if (s->mode != MODE_DONE)
		visit_add_field(s, VF_PURPOSE, &n);
	visit_add_field(s, VF_FINDINGS, &n);
	visit_add_field(s, VF_OUTCOME, &n);
	visit_add_field(s, VF_NEXT_STEP, &n);
	visit_add_field(s, VF_NEXT_DATE, &n);

	s->fields[s->idx[VF_DATE]].initial = s->today;
	if (s->idx[VF_PURPOSE] >= 0)
		s->fields[s->idx[VF_PURPOSE]].initial = s->purpose;
	if (s->idx[VF_CUSTOMER] >= 0)
		s->fields[s->idx[VF_CUSTOMER]].initial = s->pick.label;
	s->contacts[0] = _("(none)");
	if (s->idx[VF_CONTACT] >= 0)
		s->fields[s->idx[VF_CONTACT]].choices = s->contacts;
	s->form.dense = 1;
	tui_form_init(&s->form, s->fields, n);
	visit_customer_changed(s);

	/* Start where typing is needed: the customer, or what happened. */
	if (s->mode == MODE_CUSTOMER && !s->pick.id)
		tui_form_focus(&s->form, s->idx[VF_CUSTOMER]);
	else if (s->mode == MODE_DONE)
		tui_form_focus(&s->form, s->idx[VF_FINDINGS]);
	else
		tui_form_focus(&s->form, s->idx[s->purpose[0] ? VF_FINDINGS : VF_PURPOSE]);
	*state = s;
	return 0;
}

static void visit_close(void *state)
{
	free(state);
}

/* ---- drawing ---- */

static void visit_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct visit_new *s = state;
	char head[600];
	int cy, cx, y = r.y;

	if (s->mode == MODE_DONE)
		snprintf(head, sizeof head, _("Visit done: %s"), s->head);
	else if (s->mode == MODE_LEAD)
		snprintf(head, sizeof head, "%s", s->head);
	else if (s->pick.id)
		snprintf(head, sizeof head, _("Log a visit: %s"), s->pick.label);
	else
		snprintf(head, sizeof head, "%s", _("Log a visit"));
	tui_put(stdscr, y++, r.x + 1, head, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);

	/* Two lines for the standing (or the hint), then the fields. */
	if (s->standing[0]) {
		const char *next;
		size_t n = sales_wrap(s->standing, r.w - 2, &next);
		attr_t a = tui_attr(s->alarm ? TUI_S_ERROR : TUI_S_INFO);
		tui_putn(stdscr, y, r.x + 1, s->standing, n, r.w - 2, a, TUI_FIT_MARK);
		tui_put(stdscr, y + 1, r.x + 1, next, r.w - 2, a, TUI_FIT_MARK);
	} else if (s->mode == MODE_LEAD) {
		tui_put(stdscr, y, r.x + 1, s->lead_reach, r.w - 2, tui_attr(TUI_S_NORMAL), TUI_FIT_MARK);
	} else if (s->mode == MODE_CUSTOMER) {
		tui_put(stdscr, y, r.x + 1,
			_("Type part of a customer's name, code or phone; Up/Down and Enter pick it."),
			r.w - 2, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	}
	y += 2;
	tui_put(stdscr, y, r.x + 1, s->mode == MODE_DONE
		? _("Say what was found or agreed; Enter saves.")
		: _("A done visit needs findings or an outcome. Left/Right: < choice >"),
		r.w - 2, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	y++;
	tui_form_draw(&s->form, stdscr, y, r.x + 1, r.y + r.h - y, r.w - 2, &cy, &cx);

	int ci = s->idx[VF_CUSTOMER];
	if (ci >= 0 && s->form.focus == ci && s->fields[ci].row >= 0 && sales_pick_open(&s->pick)) {
		int py = s->fields[ci].row + 1;
		sales_pick_draw(&s->pick, py, r.x + 3, r.w - 4, r.y + r.h - py);
	}
	if (cy >= 0)
		tui_cursor(t, cy, cx);
}

/* ---- saving ---- */

static int visit_field_error(struct visit_new *s, int f, const char *msg)
{
	int i = s->idx[f];

	snprintf(s->fields[i].error, sizeof s->fields[i].error, "%s", msg);
	tui_form_focus(&s->form, i);
	return -1;
}

/* The rules the form can see across fields; the core checks them again. */
static int visit_check(struct visit_new *s, const char *date, int planned, const char *findings,
		       const char *outcome)
{
	credo_date d;

	if (s->idx[VF_CUSTOMER] >= 0 && !s->pick.id)
		return visit_field_error(s, VF_CUSTOMER,
					 _("Pick a customer from the list: type part of its name, code or phone."));
	if (!planned && credo_date_parse(date, &d, NULL) == CREDO_OK && d > credo_today())
		return visit_field_error(s, VF_DATE,
					 _("A visit that took place is not after today: plan it."));
	if (!planned && !findings && !outcome)
		return visit_field_error(s, VF_FINDINGS,
					 _("Say what was found or agreed (findings or outcome)."));
	return 0;
}

static const char *visit_text(struct visit_new *s, int f, char *buf, size_t len)
{
	return s->idx[f] >= 0 ? sales_field(&s->form, s->idx[f], buf, len) : NULL;
}

static void visit_save(struct tui *t, struct visit_new *s)
{
	char date[SALES_TEXT], kind[SALES_TEXT], state[SALES_TEXT], purpose[SALES_TEXT];
	char findings[SALES_TEXT], outcome[SALES_TEXT], step[SALES_TEXT], next[SALES_TEXT];
	const char *d = visit_text(s, VF_DATE, date, sizeof date);
	const char *st_text = visit_text(s, VF_STATE, state, sizeof state);
	int planned = st_text && strcmp(st_text, "planned") == 0;
	const char *fi = visit_text(s, VF_FINDINGS, findings, sizeof findings);
	const char *ou = visit_text(s, VF_OUTCOME, outcome, sizeof outcome);
	const char *ns = visit_text(s, VF_NEXT_STEP, step, sizeof step);
	const char *nd = visit_text(s, VF_NEXT_DATE, next, sizeof next);
	credo_status st;
	int64_t id = s->done_id;

	if (visit_check(s, d ? d : "", planned, fi, ou) != 0)
		return;
	if (s->mode == MODE_DONE) {
		st = credo_visit_done(tui_db(t), s->done_id, d, fi, ou, ns, nd);
	} else {
		int ci = s->idx[VF_CONTACT];
		credo_visit_new in = {
			.customer_id = s->mode == MODE_CUSTOMER ? s->pick.id : 0,
			.lead_id = s->mode == MODE_LEAD ? s->lead_id : 0,
			.contact_id = ci >= 0 ? s->contact_ids[s->fields[ci].choice] : 0,
			.date = d,
			.kind = visit_text(s, VF_KIND, kind, sizeof kind),
			.planned = planned,
			.purpose = visit_text(s, VF_PURPOSE, purpose, sizeof purpose),
			.findings = fi,
			.outcome = ou,
			.next_step = ns,
			.next_date = nd,
		};
		st = credo_visit_add(tui_db(t), &in, &id);
	}
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return;
	}
	if (planned)
		tui_message(t, TUI_MSG_INFO, _("Visit planned for %s."), d);
	else if (nd)
		tui_message(t, TUI_MSG_INFO, _("Visit logged; follow-up on %s."), nd);
	else
		tui_message(t, TUI_MSG_INFO, "%s", _("Visit logged."));
	tui_pop(t, &(struct tui_result){ .kind = "visit", .id = id });
}

/* ---- keys ---- */

static int visit_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct visit_new *s = state;
	int changed = 0;
	enum tui_form_event ev;

	if (act == TUI_ACT_HELP && (key & TUI_KEY_FN))
		return TUI_PASS;
	if (s->idx[VF_CUSTOMER] >= 0)
		ev = sales_pick_form_key(&s->pick, &s->form, s->idx[VF_CUSTOMER], tui_db(t), key, &changed);
	else
		ev = tui_form_key(&s->form, key);
	if (changed) {
		visit_customer_changed(s);
		/* Taken: the defaults are there, go to what must be typed. */
		if (s->pick.id)
			tui_form_focus(&s->form, s->idx[s->purpose[0] ? VF_FINDINGS : VF_PURPOSE]);
	}
	switch (ev) {
	case TUI_FORM_SUBMIT:
		visit_save(t, s);
		break;
	case TUI_FORM_CANCEL:
		tui_pop(t, NULL);
		break;
	case TUI_FORM_NONE:
		break;
	}
	return TUI_DONE;
}

static const char *visit_label(void *state)
{
	struct visit_new *s = state;

	return s->mode == MODE_DONE ? _("Visit done") : _("New visit");
}

const struct tui_view_ops tui_view_visit_new = {
	.name = "visit_new",
	.title = N_("New visit"),
	.keymap = TUI_KEYS_EDIT,
	.open = visit_open,
	.draw = visit_draw,
	.handle = visit_handle,
	.label = visit_label,
	.close = visit_close,
};
