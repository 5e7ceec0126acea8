/*
 * view_leads.c - the Leads tab: leads (1) and opportunities (2), one list
 * at a time.
 *
 * Leads: code, company, contact, status, owner, last activity; / searches
 * company, contact and phone; Enter opens the lead (convert, status,
 * visits there). Opportunities: customer, what, stage, probability,
 * amount, close date, weighted amount; S moves a deal to another stage, L
 * marks it lost with the reason, Enter opens its customer. f shows open
 * ones only or all; n adds a lead or an opportunity.
 */
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

enum { SHOW_LEADS, SHOW_OPPS };

enum { LC_CODE, LC_COMPANY, LC_CONTACT, LC_STATUS, LC_OWNER, LC_LAST, LC_SOURCE, LC_PHONE, LC_COUNT };

static const struct tui_column lead_cols[LC_COUNT] = {
	[LC_CODE] = { .title = N_("Code"), .width = 8 },
	[LC_COMPANY] = { .title = N_("Company"), .width = 16, .grow = 1 },
	[LC_CONTACT] = { .title = N_("Contact"), .width = 8 },
	[LC_STATUS] = { .title = N_("Status"), .width = 9 },
	[LC_OWNER] = { .title = N_("Owner"), .width = 8 },
	[LC_LAST] = { .title = N_("Last activity"), .width = 13 },
	[LC_SOURCE] = { .title = N_("Source"), .width = 10, .min_total = 100 },
	[LC_PHONE] = { .title = N_("Phone"), .width = 13, .min_total = 114 },
};

enum { OC_CUSTOMER, OC_DESC, OC_STAGE, OC_PROB, OC_AMOUNT, OC_CLOSE, OC_WEIGHTED, OC_OWNER, OC_COUNT };

static const struct tui_column opp_cols[OC_COUNT] = {
	[OC_CUSTOMER] = { .title = N_("Customer"), .width = 12, .grow = 2 },
	[OC_DESC] = { .title = N_("Description"), .width = 10, .grow = 1 },
	[OC_STAGE] = { .title = N_("Stage"), .width = 11 },
	[OC_PROB] = { .title = N_("Prob."), .width = 5, .right = 1 },
	[OC_AMOUNT] = { .title = N_("Amount"), .width = 13, .right = 1 },
	[OC_CLOSE] = { .title = N_("Close"), .width = 10 },
	[OC_WEIGHTED] = { .title = N_("Weighted"), .width = 13, .right = 1, .min_total = 100 },
	[OC_OWNER] = { .title = N_("Owner"), .width = 8, .min_total = 112 },
};

struct leads {
	struct tui *t;
	int show;
	int all;		/* f: every record, not only the open ones */
	char search[SALES_TEXT];
	struct tui_list list;
	int64_t count;		/* rows in the last full pass; -1 unknown */
	credo_money total, weighted;	/* opportunities shown */
	char about[400], status[32];	/* for the choose screen */
};

/* ---- streaming ---- */

struct leads_fill {
	struct leads *s;
	struct tui_list_stream *st;
};

static int lead_row(const credo_lead *l, void *ctx)
{
	struct leads_fill *f = ctx;
	const char *cells[LC_COUNT] = {
		[LC_CODE] = l->code,
		[LC_COMPANY] = l->company,
		[LC_CONTACT] = l->contact_name,
		[LC_STATUS] = sales_word(l->status),
		[LC_OWNER] = *l->owner_name ? l->owner_name : l->owner_login,
		[LC_LAST] = *l->last_activity ? l->last_activity : "-",
		[LC_SOURCE] = l->source,
		[LC_PHONE] = l->phone,
	};

	return tui_list_stream_row(f->st, l->id, cells);
}

static credo_money opp_weighted(const credo_opportunity *o)
{
	/* amount x probability / 100, rounded down to the fen as the funnel does, without overflow */
	return o->amount / 100 * o->probability + o->amount % 100 * o->probability / 100;
}

static int opp_row(const credo_opportunity *o, void *ctx)
{
	struct leads_fill *f = ctx;
	char prob[16], amount[CREDO_MONEY_BUFSZ], weighted[CREDO_MONEY_BUFSZ];

	snprintf(prob, sizeof prob, "%d%%", o->probability);
	const char *cells[OC_COUNT] = {
		[OC_CUSTOMER] = o->customer_name,
		[OC_DESC] = o->description,
		[OC_STAGE] = o->stage,
		[OC_PROB] = prob,
		[OC_AMOUNT] = sales_money(o->amount, amount, sizeof amount),
		[OC_CLOSE] = *o->expected_close ? o->expected_close : "-",
		[OC_WEIGHTED] = sales_money(opp_weighted(o), weighted, sizeof weighted),
		[OC_OWNER] = *o->owner_name ? o->owner_name : o->owner_login,
	};

	return tui_list_stream_row(f->st, o->id, cells);
}

static int leads_stream(void *ctx, struct tui_list_stream *st)
{
	struct leads *s = ctx;
	struct leads_fill f = { .s = s, .st = st };
	credo_status rc;

	if (s->show == SHOW_LEADS) {
		credo_lead_filter lf = { .status = s->all ? "all" : NULL,
					 .search = s->search[0] ? s->search : NULL };
		rc = credo_lead_list(tui_db(s->t), &lf, lead_row, &f);
	} else {
		credo_opportunity_filter of = { .open_only = !s->all };
		rc = credo_opportunity_list(tui_db(s->t), &of, opp_row, &f);
	}
	if (rc != CREDO_OK && rc != CREDO_DONE && rc != CREDO_STOP) {
		tui_core_error(s->t, rc);
		return -1;
	}
	return 0;
}

/* The heading's figures: how many, and for deals the amount and the weighted forecast. */
static int count_lead(const credo_lead *l, void *ctx)
{
	struct leads *s = ctx;

	(void)l;
	s->count++;
	return 0;
}

static int count_opp(const credo_opportunity *o, void *ctx)
{
	struct leads *s = ctx;

	s->count++;
	s->total += o->amount;
	s->weighted += opp_weighted(o);
	return 0;
}

static void leads_count(struct leads *s)
{
	credo_status rc;

	s->count = 0;
	s->total = s->weighted = 0;
	if (s->show == SHOW_LEADS) {
		credo_lead_filter lf = { .status = s->all ? "all" : NULL,
					 .search = s->search[0] ? s->search : NULL };
		rc = credo_lead_list(tui_db(s->t), &lf, count_lead, s);
	} else {
		credo_opportunity_filter of = { .open_only = !s->all };
		rc = credo_opportunity_list(tui_db(s->t), &of, count_opp, s);
	}
	if (rc != CREDO_OK)
		s->count = -1;
}

static void leads_show(struct leads *s, int show)
{
	tui_list_free(&s->list);
	s->show = show;
	if (show == SHOW_LEADS)
		tui_list_init_stream(&s->list, lead_cols, LC_COUNT, leads_stream, s);
	else
		tui_list_init_stream(&s->list, opp_cols, OC_COUNT, leads_stream, s);
	leads_count(s);
}

static int leads_open(struct tui *t, const void *arg, void **state)
{
	struct leads *s = calloc(1, sizeof *s);

	(void)arg;
	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->t = t;
	leads_show(s, SHOW_LEADS);
	*state = s;
	return 0;
}

static void leads_close(void *state)
{
	struct leads *s = state;

	if (!s)
		return;
	tui_list_free(&s->list);
	free(s);
}

/* ---- drawing ---- */

static void leads_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct leads *s = state;
	char buf[256], right[256], a[CREDO_MONEY_BUFSZ], b[CREDO_MONEY_BUFSZ];
	int x = r.x + 1;

	(void)t;
	/* "[1 Leads]  2 Opportunities   open" on the left, the figures on the right. */
	for (int i = 0; i < 2; i++) {
		snprintf(buf, sizeof buf, i == s->show ? "[%d %s]" : " %d %s ", i + 1,
			 i == SHOW_LEADS ? _("Leads") : _("Opportunities"));
		int bw = tui_width(buf);
		if (x + bw > r.x + r.w)
			break;
		tui_put(stdscr, r.y, x, buf, bw, tui_attr(i == s->show ? TUI_S_TAB_ACTIVE : TUI_S_HINT), 0);
		x += bw + 1;
	}
	if (s->show == SHOW_LEADS && s->search[0])
		snprintf(buf, sizeof buf, _("matching \"%s\""), s->search);
	else
		snprintf(buf, sizeof buf, "%s", s->all ? _("all") : _("open only"));
	int bw = tui_width(buf);
	if (bw > r.x + r.w - x - 1)
		bw = r.x + r.w - x - 1;
	if (bw > 0)
		tui_put(stdscr, r.y, x, buf, bw, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	x += bw + 2;
	/* The figures get what is left, on the right. */
	if (s->count < 0)
		right[0] = '\0';
	else if (s->show == SHOW_LEADS)
		snprintf(right, sizeof right, ngettext("%lld lead", "%lld leads", (unsigned long)s->count),
			 (long long)s->count);
	else
		snprintf(right, sizeof right, ngettext("%lld deal, weighted %s of %s",
						       "%lld deals, weighted %s of %s", (unsigned long)s->count),
			 (long long)s->count, sales_money(s->weighted, a, sizeof a),
			 sales_money(s->total, b, sizeof b));
	int wr = tui_width(right), room = r.x + r.w - 1 - x;
	if (wr > room && s->show == SHOW_OPPS && s->count >= 0) {
		/* Narrow: the forecast is what matters; the amounts are in the rows. */
		snprintf(right, sizeof right, ngettext("%lld deal, weighted %s", "%lld deals, weighted %s",
						       (unsigned long)s->count),
			 (long long)s->count, sales_money(s->weighted, a, sizeof a));
		wr = tui_width(right);
	}
	if (wr > room)
		wr = room;
	if (wr > 0)
		tui_put(stdscr, r.y, r.x + r.w - 1 - wr, right, wr, tui_attr(TUI_S_HINT), TUI_FIT_MARK);

	const char *empty = s->show == SHOW_LEADS
		? (s->search[0] ? _("No lead matches; press / to change the search or Esc to clear it.")
				: _("No open leads; press n to add one, f to see all."))
		: _("No open opportunities; press n to add one, f to see all.");
	tui_list_draw(&s->list, stdscr, r.y + 1, r.x, r.h - 1, r.w, empty);
}

/* ---- actions ---- */

static void leads_search_done(struct tui *t, void *ctx, const char *text)
{
	struct leads *s = ctx;

	if (!text)
		return;
	snprintf(s->search, sizeof s->search, "%s", text);
	sales_trim(s->search);
	leads_count(s);
	tui_list_reset(&s->list);
	if (s->search[0] && s->count == 0)
		tui_message(t, TUI_MSG_INFO, _("No lead matches \"%s\"."), s->search);
}

/* Opportunities have their customer's id in their rows only through the core: ask it. */
struct opp_customer {
	int64_t id, customer_id;
};

static int opp_customer_row(const credo_opportunity *o, void *ctx)
{
	struct opp_customer *c = ctx;

	if (o->id != c->id)
		return 0;
	c->customer_id = o->customer_id;
	return 1;
}

/* S on a lead: the choose screen, as in the lead's own screen. */
static int leads_status_apply(struct tui *t, void *ctx, int64_t id, const char *value, const char *note)
{
	struct leads *s = ctx;
	credo_status st = credo_lead_set_status(tui_db(t), id, value);

	(void)note;
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return -1;
	}
	tui_message(t, TUI_MSG_INFO, _("Lead %s is now %s."), s->about, sales_word(value));
	return 0;
}

static void leads_status(struct tui *t, struct leads *s, const struct tui_list_row *row)
{
	const char *now = sales_match(row->cells[LC_STATUS], sales_lead_statuses);

	if (sales_allowed(t, CREDO_PERM_SALES_ACTIVITY) != 0)
		return;
	snprintf(s->about, sizeof s->about, "%s %s", row->cells[LC_CODE], row->cells[LC_COMPANY]);
	snprintf(s->status, sizeof s->status, "%s", now ? now : "");
	struct sales_choose_arg a = {
		.id = row->id,
		.title = _("Lead status"),
		.about = s->about,
		.label = _("Status"),
		.values = sales_lead_statuses,
		.labels = sales_lead_status_labels,
		.initial = s->status,
		.apply = leads_status_apply,
		.ctx = s,
	};
	tui_push(t, "choose", &a);
}

static int leads_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct leads *s = state;
	const struct tui_list_row *row;
	int64_t zero = 0;

	if (tui_list_action(&s->list, act))
		return TUI_DONE;
	row = tui_list_selected(&s->list);
	switch (act) {
	case TUI_ACT_EXPORT:
		tui_export_list(t, &s->list, "leads", NULL);
		return TUI_DONE;
	case TUI_ACT_SUBLIST:
		if ((key == '1' || key == '2') && key - '1' != s->show)
			leads_show(s, (int)(key - '1'));
		return TUI_DONE;
	case TUI_ACT_REDRAW:
		/* Ctrl-L also reads the list again (another tab may have changed it). */
		leads_count(s);
		tui_list_reload(&s->list);
		return TUI_PASS;
	case TUI_ACT_FILTER:
		s->all = !s->all;
		leads_count(s);
		tui_list_reset(&s->list);
		tui_message(t, TUI_MSG_INFO, "%s", s->all ? _("Showing all, closed ones too.")
							  : _("Showing open ones only."));
		return TUI_DONE;
	case TUI_ACT_SEARCH:
		if (s->show != SHOW_LEADS)
			return TUI_PASS;
		tui_prompt(t, _("Search leads:"), s->search, leads_search_done, s);
		return TUI_DONE;
	case TUI_ACT_CANCEL:
		if (s->show != SHOW_LEADS || !s->search[0])
			return TUI_PASS;
		s->search[0] = '\0';
		leads_count(s);
		tui_list_reset(&s->list);
		tui_message(t, TUI_MSG_INFO, "%s", _("Search cleared."));
		return TUI_DONE;
	case TUI_ACT_NEW:
		if (sales_allowed(t, CREDO_PERM_SALES_ACTIVITY) == 0)
			tui_push(t, s->show == SHOW_LEADS ? "lead_new" : "opportunity_new", &zero);
		return TUI_DONE;
	case TUI_ACT_ENTER:
		if (!row)
			return TUI_DONE;
		if (s->show == SHOW_LEADS) {
			tui_push(t, "lead", &row->id);
		} else {
			struct opp_customer c = { .id = row->id };
			credo_opportunity_list(tui_db(t), &(credo_opportunity_filter){ 0 },
					       opp_customer_row, &c);
			if (c.customer_id)
				tui_push(t, "customer", &c.customer_id);
		}
		return TUI_DONE;
	case TUI_ACT_STATUS:
	case TUI_ACT_LOSE:
		if (s->show == SHOW_LEADS) {
			if (act == TUI_ACT_LOSE)
				return TUI_PASS;
			if (row)
				leads_status(t, s, row);
			return TUI_DONE;
		}
		if (row)
			sales_opportunity_stage(t, row->id, act == TUI_ACT_LOSE);
		else
			tui_message(t, TUI_MSG_INFO, "%s", _("No opportunity selected."));
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

static void leads_resume(struct tui *t, void *state, const struct tui_result *res)
{
	struct leads *s = state;

	(void)t;
	leads_count(s);
	/* Something new: lists are newest first (leads) or by close date; start from the top. */
	if (res && res->kind && strcmp(res->kind, "changed") != 0)
		tui_list_reset(&s->list);
	else
		tui_list_reload(&s->list);
}

const struct tui_view_ops tui_view_leads = {
	.name = "leads",
	.title = N_("Leads"),
	.tab = 1,
	.actions = TUI_A(EXPORT) | TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) |
		   TUI_A(END) | TUI_A(ENTER) | TUI_A(SEARCH) | TUI_A(NEW) | TUI_A(CANCEL) |
		   TUI_A(SUBLIST) | TUI_A(FILTER) | TUI_A(STATUS) | TUI_A(LOSE),
	.open = leads_open,
	.draw = leads_draw,
	.handle = leads_handle,
	.resume = leads_resume,
	.label = NULL,
	.close = leads_close,
};
