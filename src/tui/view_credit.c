/*
 * view_credit.c - the Credit tab, two lists:
 *
 *   1 requests   credit limit requests, pending and escalated first (what
 *                the credit manager and the general manager act on); `f`
 *                shows decided ones too. `a` approves (amount and note),
 *                `R` rejects, `D` sends a request to the general manager,
 *                who decides it with `a` or `R`.
 *   2 customers  every customer in scope by grade, then by utilisation of
 *                its limit (`s`: by code); `r` rates, `F` files financial
 *                statements, `n` requests a limit (sales).
 *
 * Enter opens the customer's rating view either way. The credit and gm
 * roles start on the requests when any is open; everyone else on the
 * customers.
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

#define HIDDEN 100000

enum { RQ_ID, RQ_CUSTOMER, RQ_KIND, RQ_AMOUNT, RQ_SUGGESTED, RQ_GRADE, RQ_STATE, RQ_BY, RQ_REASON, RQ_AT,
       RQ_CCODE, RQ_COUNT };

static const struct tui_column request_cols[RQ_COUNT] = {
	[RQ_ID] = { .title = N_("#"), .width = 4, .right = 1 },
	[RQ_CUSTOMER] = { .title = N_("Customer"), .width = 12, .grow = 1 },
	[RQ_KIND] = { .title = N_("Kind"), .width = 9, .min_total = 100 },
	[RQ_AMOUNT] = { .title = N_("Asked"), .width = 13, .right = 1 },
	[RQ_SUGGESTED] = { .title = N_("Suggested"), .width = 13, .right = 1 },
	[RQ_GRADE] = { .title = N_("Gr"), .width = 2 },
	[RQ_STATE] = { .title = N_("State"), .width = 9 },
	[RQ_BY] = { .title = N_("By"), .width = 9 },
	[RQ_REASON] = { .title = N_("Reason"), .width = 14, .grow = 2, .min_total = 112 },
	[RQ_AT] = { .title = N_("Filed"), .width = 10, .min_total = 132 },
	[RQ_CCODE] = { .title = N_("Cust."), .width = 7, .min_total = HIDDEN },
};

enum { CR_CODE, CR_NAME, CR_GRADE, CR_SCORE, CR_LIMIT, CR_EXPOSURE, CR_USED, CR_HOLD, CR_AVAILABLE,
       CR_REVIEW, CR_OWNER, CR_COUNT };

static const struct tui_column customer_cols[CR_COUNT] = {
	[CR_CODE] = { .title = N_("Code"), .width = 7 },
	[CR_NAME] = { .title = N_("Name"), .width = 12, .grow = 1 },
	[CR_GRADE] = { .title = N_("Gr"), .width = 2 },
	[CR_SCORE] = { .title = N_("Score"), .width = 5, .right = 1 },
	[CR_LIMIT] = { .title = N_("Limit"), .width = 13, .right = 1 },
	[CR_EXPOSURE] = { .title = N_("Exposure"), .width = 13, .right = 1 },
	[CR_USED] = { .title = N_("Used"), .width = 5, .right = 1 },
	[CR_HOLD] = { .title = N_("Hold"), .width = 4 },
	[CR_AVAILABLE] = { .title = N_("Available"), .width = 13, .right = 1, .min_total = 100 },
	[CR_REVIEW] = { .title = N_("Review"), .width = 10, .min_total = 114 },
	[CR_OWNER] = { .title = N_("Owner"), .width = 9, .min_total = 126 },
};

/* One customer of the credit report, kept to sort by grade and utilisation. */
struct credit_cust {
	int64_t id;
	char *code, *name, *owner;
	credo_credit_status st;
};

enum { MODE_REQUESTS, MODE_CUSTOMERS };

struct credit {
	struct tui *t;
	int mode;
	struct tui_list requests, customers;
	int all_requests;	/* 0: open ones only */
	int64_t nrequests, nopen;
	struct credit_cust *cust;
	int ncust, cap;
	int loaded;		/* the customers are read when first shown: the report is slow */
	int by_code;
	char search[TUI_EDIT_MAX * 4 + 1];
	/* the request being decided */
	int64_t req_id;
	int req_escalated;
	credo_money req_amount, approve_amount;
	char req_state[16];
	char req_customer[40];
	int64_t shown_customer;	/* opened from here: refreshed on return */
	/* a new request */
	int64_t new_customer;
	credo_money new_amount;
};

/* ---- requests ---- */

struct credit_walk {
	struct credit *s;
	struct tui_list_stream *stream;
};

static int credit_request_row(const credo_credit_request_row *r, void *ctx)
{
	struct credit_walk *w = ctx;
	char id[24], a[CREDO_MONEY_BUFSZ], g[CREDO_MONEY_BUFSZ] = "-", at[CREDO_DATE_BUFSZ];

	if (!w->stream) {
		w->s->nrequests++;
		w->s->nopen += strcmp(r->state, "pending") == 0 || strcmp(r->state, "escalated") == 0;
		return 0;
	}
	snprintf(id, sizeof id, "%lld", (long long)r->id);
	if (r->suggested != CREDO_MONEY_NONE)
		tui_money(r->suggested, g, sizeof g);
	snprintf(at, sizeof at, "%.10s", r->requested_at);
	const char *cells[RQ_COUNT] = {
		[RQ_ID] = id,
		[RQ_CUSTOMER] = r->customer_name,
		[RQ_KIND] = tui_word(r->kind),
		[RQ_AMOUNT] = tui_money(r->amount, a, sizeof a),
		[RQ_SUGGESTED] = g,
		[RQ_GRADE] = r->grade && *r->grade ? r->grade : "-",
		[RQ_STATE] = tui_word(r->state),
		[RQ_BY] = r->requester,
		[RQ_REASON] = r->reason,
		[RQ_AT] = at,
		[RQ_CCODE] = r->customer_code,
	};
	return tui_list_stream_row(w->stream, r->id, cells);
}

static int credit_requests_walk(struct credit *s, struct tui_list_stream *stream)
{
	struct credit_walk w = { .s = s, .stream = stream };
	credo_status st = credo_credit_requests(tui_db(s->t), 0, !s->all_requests, credit_request_row, &w);

	if (st != CREDO_OK && st != CREDO_STOP && st != CREDO_DONE) {
		tui_core_error(s->t, st);
		return -1;
	}
	return 0;
}

static int credit_requests_stream(void *ctx, struct tui_list_stream *stream)
{
	return credit_requests_walk(ctx, stream);
}

static void credit_requests_count(struct credit *s)
{
	s->nrequests = s->nopen = 0;
	if (credit_requests_walk(s, NULL) != 0)
		s->nrequests = -1;
}

/* ---- customers ---- */

static void credit_cust_free(struct credit *s)
{
	for (int i = 0; i < s->ncust; i++) {
		free(s->cust[i].code);
		free(s->cust[i].name);
		free(s->cust[i].owner);
	}
	s->ncust = 0;
}

static int credit_report_row(const credo_credit_row *r, void *ctx)
{
	struct credit *s = ctx;

	if (s->ncust == s->cap) {
		int cap = s->cap ? 2 * s->cap : 64;
		struct credit_cust *p = realloc(s->cust, (size_t)cap * sizeof *p);
		if (!p)
			return 1;
		s->cust = p;
		s->cap = cap;
	}
	struct credit_cust *c = &s->cust[s->ncust];
	c->id = r->customer_id;
	c->st = r->st;
	c->code = strdup(r->code);
	c->name = strdup(r->name);
	c->owner = strdup(r->owner);
	s->ncust++;
	return !c->code || !c->name || !c->owner;
}

/* Grades A to D, then the unrated; within a grade the fullest limits first. */
static int credit_cmp_grade(const void *pa, const void *pb)
{
	const struct credit_cust *a = pa, *b = pb;
	int ga = a->st.grade ? a->st.grade : 'Z', gb = b->st.grade ? b->st.grade : 'Z';

	if (ga != gb)
		return ga < gb ? -1 : 1;
	if (a->st.utilisation != b->st.utilisation)
		return a->st.utilisation > b->st.utilisation ? -1 : 1;
	return strcmp(a->code, b->code);
}

static int credit_cmp_code(const void *pa, const void *pb)
{
	const struct credit_cust *a = pa, *b = pb;

	return strcmp(a->code, b->code);
}

static int credit_customers_load(struct credit *s)
{
	credit_cust_free(s);
	s->loaded = 1;
	credo_status st = credo_credit_report(tui_db(s->t), 0, credit_report_row, s);
	if (st == CREDO_STOP) {
		tui_message(s->t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	if (st != CREDO_OK && st != CREDO_DONE) {
		tui_core_error(s->t, st);
		return -1;
	}
	if (s->ncust > 0)
		qsort(s->cust, (size_t)s->ncust, sizeof *s->cust, s->by_code ? credit_cmp_code : credit_cmp_grade);
	return 0;
}

static int credit_customers_stream(void *ctx, struct tui_list_stream *stream)
{
	struct credit *s = ctx;
	char grade[4], score[16] = "", l[CREDO_MONEY_BUFSZ] = "", e[CREDO_MONEY_BUFSZ], used[16] = "",
	     av[CREDO_MONEY_BUFSZ] = "";

	for (int i = 0; i < s->ncust; i++) {
		const struct credit_cust *c = &s->cust[i];
		if (!tui_match(c->code, s->search) && !tui_match(c->name, s->search))
			continue;
		snprintf(grade, sizeof grade, "%c", c->st.grade ? c->st.grade : '-');
		if (c->st.grade)
			snprintf(score, sizeof score, "%d", c->st.score);
		else
			score[0] = '\0';
		if (c->st.has_limit) {
			tui_money(c->st.limit, l, sizeof l);
			tui_money(c->st.available, av, sizeof av);
			snprintf(used, sizeof used, "%d%%", c->st.utilisation);
		} else {
			snprintf(l, sizeof l, "%s", _("none"));
			av[0] = used[0] = '\0';
		}
		const char *cells[CR_COUNT] = {
			[CR_CODE] = c->code,
			[CR_NAME] = c->name,
			[CR_GRADE] = grade,
			[CR_SCORE] = score,
			[CR_LIMIT] = l,
			[CR_EXPOSURE] = tui_money(c->st.exposure, e, sizeof e),
			[CR_USED] = used,
			[CR_HOLD] = c->st.on_hold ? _("hold") : "",
			[CR_AVAILABLE] = av,
			[CR_REVIEW] = c->st.next_review,
			[CR_OWNER] = c->owner,
		};
		if (tui_list_stream_row(stream, c->id, cells))
			break;
	}
	return 0;
}

/* ---- the screen ---- */

static void credit_close(void *state)
{
	struct credit *s = state;

	if (!s)
		return;
	tui_list_free(&s->requests);
	tui_list_free(&s->customers);
	credit_cust_free(s);
	free(s->cust);
	free(s);
}

static int credit_open(struct tui *t, const void *arg, void **state)
{
	struct credit *s = calloc(1, sizeof *s);
	credo_db *db = tui_db(t);

	(void)arg;
	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->t = t;
	tui_list_init_stream(&s->requests, request_cols, RQ_COUNT, credit_requests_stream, s);
	tui_list_init_stream(&s->customers, customer_cols, CR_COUNT, credit_customers_stream, s);
	credit_requests_count(s);
	int decides = credo_can(db, CREDO_PERM_CREDIT_DECIDE) || credo_can(db, CREDO_PERM_CREDIT_ESCALATED);
	s->mode = decides && s->nopen > 0 ? MODE_REQUESTS : MODE_CUSTOMERS;
	if (s->mode == MODE_CUSTOMERS && credit_customers_load(s) != 0) {
		credit_close(s);
		return -1;
	}
	*state = s;
	return 0;
}

static void credit_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct credit *s = state;
	char head[256], right[160];

	(void)t;
	/* The keys of the list shown: the hint line has no room for them all. */
	if (s->mode == MODE_REQUESTS) {
		snprintf(head, sizeof head, _("Requests: %lld open (%s, 2: customers)"), (long long)s->nopen,
			 s->all_requests ? _("f: open only") : _("f: all"));
		snprintf(right, sizeof right, "%s", _("a approve  R reject  D to GM"));
	} else {
		if (s->search[0])
			snprintf(head, sizeof head, _("Customers matching \"%s\" (1: requests)"), s->search);
		else
			snprintf(head, sizeof head, _("Credit %s (1: requests)"),
				 s->by_code ? _("by code") : _("by grade, fullest first"));
		snprintf(right, sizeof right, "%s", _("r rate  F file  n request"));
	}
	int wr = tui_width(right);
	if (wr > r.w / 2)
		wr = r.w / 2;
	tui_put(stdscr, r.y, r.x + 1, head, r.w - wr - 3, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, r.y, r.x + r.w - wr - 1, right, wr, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	if (s->mode == MODE_REQUESTS)
		tui_list_draw(&s->requests, stdscr, r.y + 1, r.x, r.h - 1, r.w,
			      s->all_requests ? _("No credit requests yet.")
					      : _("No open requests; press f for decided ones, 2 for the customers."));
	else
		tui_list_draw(&s->customers, stdscr, r.y + 1, r.x, r.h - 1, r.w,
			      s->search[0] ? _("No customer matches; Esc clears the search.")
					   : _("No customers."));
}

/*
 * After a change: the requests again, and the customer it was about (id;
 * 0: every customer, which is slow - the report computes each one's
 * exposure).
 */
static void credit_refresh(struct credit *s, int64_t id)
{
	credit_requests_count(s);
	tui_list_reload(&s->requests);
	if (!s->loaded)
		return;
	if (id == 0) {
		credit_customers_load(s);
	} else {
		for (int i = 0; i < s->ncust; i++)
			if (s->cust[i].id == id)
				credo_credit_status_of(tui_db(s->t), id, &s->cust[i].st);
		if (s->ncust > 0)
			qsort(s->cust, (size_t)s->ncust, sizeof *s->cust,
			      s->by_code ? credit_cmp_code : credit_cmp_grade);
	}
	tui_list_reload(&s->customers);
}

static void credit_show(struct credit *s, int mode)
{
	s->mode = mode;
	if (mode == MODE_CUSTOMERS && !s->loaded) {
		credit_customers_load(s);
		tui_list_reset(&s->customers);
	}
}

/* The selected customer's id, from either list. */
static int credit_selected_customer(struct tui *t, struct credit *s, int64_t *id)
{
	const struct tui_list_row *row = tui_list_selected(s->mode == MODE_REQUESTS ? &s->requests : &s->customers);

	if (!row) {
		tui_message(t, TUI_MSG_INFO, "%s", _("Nothing selected."));
		return -1;
	}
	if (s->mode == MODE_CUSTOMERS) {
		*id = row->id;
		return 0;
	}
	return tui_customer_id(t, row->cells[RQ_CCODE], id);
}

/* ---- deciding requests ---- */

struct credit_find {
	struct credit *s;
	int found;
};

static int credit_find_request(const credo_credit_request_row *r, void *ctx)
{
	struct credit_find *f = ctx;

	if (r->id != f->s->req_id)
		return 0;
	f->found = 1;
	f->s->req_amount = r->amount;
	snprintf(f->s->req_state, sizeof f->s->req_state, "%s", r->state);
	snprintf(f->s->req_customer, sizeof f->s->req_customer, "%s", r->customer_code);
	f->s->req_escalated = strcmp(r->state, "escalated") == 0;
	return 1;
}

/* Pick the selected request; it must be one this user can act on now. */
static int credit_pick_request(struct tui *t, struct credit *s, int dispute)
{
	credo_db *db = tui_db(t);
	const struct tui_list_row *row;

	if (s->mode != MODE_REQUESTS) {
		tui_message(t, TUI_MSG_INFO, "%s", _("Press 1 for the requests, then pick one."));
		return -1;
	}
	row = tui_list_selected(&s->requests);
	if (!row) {
		tui_message(t, TUI_MSG_INFO, "%s", _("No request selected."));
		return -1;
	}
	s->req_id = row->id;
	struct credit_find f = { .s = s };
	credo_status st = credo_credit_requests(db, 0, 0, credit_find_request, &f);
	if (!f.found) {
		if (st != CREDO_OK && st != CREDO_STOP)
			tui_core_error(t, st);
		else
			tui_message(t, TUI_MSG_ERROR, _("Request #%lld is gone."), (long long)s->req_id);
		return -1;
	}
	if (strcmp(s->req_state, "pending") != 0 && !(s->req_escalated && !dispute)) {
		tui_message(t, TUI_MSG_INFO, _("Request #%lld is %s: nothing left to decide."), (long long)s->req_id,
			    tui_word(s->req_state));
		return -1;
	}
	return tui_allowed(t, s->req_escalated ? CREDO_PERM_CREDIT_ESCALATED : CREDO_PERM_CREDIT_DECIDE);
}

static void credit_decided(struct tui *t, struct credit *s, credo_status st, const char *what)
{
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return;
	}
	int64_t id = 0;
	if (credo_customer_find(tui_db(t), s->req_customer, &id) != CREDO_OK)
		id = 0;
	credit_refresh(s, id);
	tui_message(t, TUI_MSG_INFO, _("Request #%lld %s."), (long long)s->req_id, what);
}

static void credit_approve_note(struct tui *t, void *ctx, const char *text)
{
	struct credit *s = ctx;
	char note[TUI_EDIT_MAX * 4 + 1];
	credo_status st;

	if (!text)
		return;
	snprintf(note, sizeof note, "%s", text);
	tui_trim(note);
	if (s->req_escalated)
		st = credo_credit_decide(tui_db(t), s->req_id, 1, s->approve_amount, note[0] ? note : NULL);
	else
		st = credo_credit_approve(tui_db(t), s->req_id, s->approve_amount, note[0] ? note : NULL);
	char a[CREDO_MONEY_BUFSZ], what[96];
	snprintf(what, sizeof what, _("approved at %s"),
		 tui_money(s->approve_amount ? s->approve_amount : s->req_amount, a, sizeof a));
	credit_decided(t, s, st, what);
}

static void credit_approve_amount(struct tui *t, void *ctx, const char *text)
{
	struct credit *s = ctx;
	char buf[128];

	if (!text)
		return;
	snprintf(buf, sizeof buf, "%s", text);
	if (!*tui_trim(buf))
		s->approve_amount = 0;	/* as asked */
	else if (tui_parse_amount(t, buf, &s->approve_amount) != 0)
		return;
	if (s->approve_amount == s->req_amount)
		s->approve_amount = 0;
	tui_prompt(t, s->approve_amount ? _("Note (why this amount):") : _("Note:"), "", credit_approve_note, s);
}

static void credit_reject_note(struct tui *t, void *ctx, const char *text)
{
	struct credit *s = ctx;
	char note[TUI_EDIT_MAX * 4 + 1];
	credo_status st;

	if (!text)
		return;
	snprintf(note, sizeof note, "%s", text);
	if (!*tui_trim(note)) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("A rejection needs a reason; nothing changed."));
		return;
	}
	if (s->req_escalated)
		st = credo_credit_decide(tui_db(t), s->req_id, 0, 0, note);
	else
		st = credo_credit_reject(tui_db(t), s->req_id, note);
	credit_decided(t, s, st, _("rejected"));
}

static void credit_dispute_note(struct tui *t, void *ctx, const char *text)
{
	struct credit *s = ctx;
	char note[TUI_EDIT_MAX * 4 + 1];

	if (!text)
		return;
	snprintf(note, sizeof note, "%s", text);
	if (!*tui_trim(note)) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Say what the general manager should decide; nothing changed."));
		return;
	}
	credit_decided(t, s, credo_credit_dispute(tui_db(t), s->req_id, note), _("sent to the general manager"));
}

/* ---- a new request (sales) ---- */

static void credit_request_reason(struct tui *t, void *ctx, const char *text)
{
	struct credit *s = ctx;
	char reason[TUI_EDIT_MAX * 4 + 1];
	int64_t id = 0;

	if (!text)
		return;
	snprintf(reason, sizeof reason, "%s", text);
	credo_credit_request_new in = {
		.customer_id = s->new_customer,
		.amount = s->new_amount,
		.kind = CREDO_LIMIT_STANDING,
		.reason = tui_trim(reason),
	};
	credo_status st = credo_credit_request(tui_db(t), &in, &id);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return;
	}
	credit_refresh(s, s->new_customer);
	tui_message(t, TUI_MSG_INFO, _("Request #%lld filed; the credit manager decides it."), (long long)id);
}

static void credit_request_amount(struct tui *t, void *ctx, const char *text)
{
	struct credit *s = ctx;

	if (!text || tui_parse_amount(t, text, &s->new_amount) != 0)
		return;
	tui_prompt(t, _("Reason:"), "", credit_request_reason, s);
}

static void credit_search_done(struct tui *t, void *ctx, const char *text)
{
	struct credit *s = ctx;
	char buf[TUI_EDIT_MAX * 4 + 1];

	(void)t;
	if (!text)
		return;
	snprintf(buf, sizeof buf, "%s", text);
	snprintf(s->search, sizeof s->search, "%s", tui_trim(buf));
	tui_list_reset(&s->customers);
}

static void credit_rate(struct tui *t, struct credit *s)
{
	credo_credit_rating r;
	int64_t id;

	if (credit_selected_customer(t, s, &id) != 0 || tui_allowed(t, CREDO_PERM_CREDIT_DECIDE) != 0)
		return;
	credo_status st = credo_credit_rate(tui_db(t), id, &r, NULL);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return;
	}
	credit_refresh(s, id);
	tui_message(t, TUI_MSG_INFO, _("Rated: score %d, grade %c%s."), r.score, r.grade,
		    r.veto ? _(" (reputation veto)") : "");
}

static int credit_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct credit *s = state;
	struct tui_list *l = s->mode == MODE_REQUESTS ? &s->requests : &s->customers;
	char a[CREDO_MONEY_BUFSZ];
	int64_t id;

	if (tui_list_action(l, act))
		return TUI_DONE;
	switch (act) {
	case TUI_ACT_ENTER:
		if (credit_selected_customer(t, s, &id) == 0 && tui_push(t, "credit_rating", &id) == 0)
			s->shown_customer = id;
		return TUI_DONE;
	case TUI_ACT_SUBLIST:
		if (key != '1' && key != '2')
			return TUI_PASS;
		credit_show(s, key == '1' ? MODE_REQUESTS : MODE_CUSTOMERS);
		return TUI_DONE;
	case TUI_ACT_FILTER:
		if (s->mode != MODE_REQUESTS)
			return TUI_PASS;
		s->all_requests = !s->all_requests;
		credit_requests_count(s);
		tui_list_reset(&s->requests);
		return TUI_DONE;
	case TUI_ACT_APPROVE:
		if (credit_pick_request(t, s, 0) == 0)
			tui_prompt(t, _("Approve amount:"), tui_money(s->req_amount, a, sizeof a),
				   credit_approve_amount, s);
		return TUI_DONE;
	case TUI_ACT_REJECT:
		if (credit_pick_request(t, s, 0) == 0)
			tui_prompt(t, _("Reason for rejecting:"), "", credit_reject_note, s);
		return TUI_DONE;
	case TUI_ACT_DISPUTE:
		if (credit_pick_request(t, s, 1) == 0)
			tui_prompt(t, _("For the general manager:"), "", credit_dispute_note, s);
		return TUI_DONE;
	case TUI_ACT_RATE:
		credit_rate(t, s);
		return TUI_DONE;
	case TUI_ACT_CREDIT_FILE:
		if (credit_selected_customer(t, s, &id) == 0 && tui_push(t, "credit_file", &id) == 0)
			s->shown_customer = id;
		return TUI_DONE;
	case TUI_ACT_NEW:
		if (credit_selected_customer(t, s, &s->new_customer) == 0 &&
		    tui_allowed(t, CREDO_PERM_CREDIT_REQUEST) == 0)
			tui_prompt(t, _("Limit requested:"), "", credit_request_amount, s);
		return TUI_DONE;
	case TUI_ACT_SEARCH:
		credit_show(s, MODE_CUSTOMERS);
		tui_prompt(t, _("Search:"), s->search, credit_search_done, s);
		return TUI_DONE;
	case TUI_ACT_SORT:
		if (s->mode != MODE_CUSTOMERS)
			return TUI_PASS;
		s->by_code = !s->by_code;
		credit_customers_load(s);
		tui_list_reset(&s->customers);
		return TUI_DONE;
	case TUI_ACT_CANCEL:
		if (s->mode != MODE_CUSTOMERS || !s->search[0])
			return TUI_PASS;
		s->search[0] = '\0';
		tui_list_reset(&s->customers);
		tui_message(t, TUI_MSG_INFO, "%s", _("Search cleared."));
		return TUI_DONE;
	case TUI_ACT_EXPORT:
		tui_export_list(t, l, s->mode == MODE_REQUESTS ? "credit-requests" : "credit", NULL);
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

static void credit_resume(struct tui *t, void *state, const struct tui_result *res)
{
	(void)t;
	(void)res;
	struct credit *s = state;

	credit_refresh(s, s->shown_customer);
}

const struct tui_view_ops tui_view_credit = {
	.name = "credit",
	.title = N_("Credit"),
	.tab = 1,
	.actions = TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) | TUI_A(END) |
		   TUI_A(ENTER) | TUI_A(SUBLIST) | TUI_A(FILTER) | TUI_A(APPROVE) | TUI_A(REJECT) |
		   TUI_A(DISPUTE) | TUI_A(RATE) | TUI_A(CREDIT_FILE) | TUI_A(NEW) | TUI_A(SEARCH) |
		   TUI_A(SORT) | TUI_A(CANCEL) | TUI_A(EXPORT),
	.open = credit_open,
	.draw = credit_draw,
	.handle = credit_handle,
	.resume = credit_resume,
	.close = credit_close,
};
