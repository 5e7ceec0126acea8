/*
 * view_dashboard.c - the first tab: the acting user's alerts first (what
 * needs doing, most severe first), then the key figures of the
 * receivables: total receivable, share overdue, DSO, bad-debt provision,
 * credit requests waiting. 1 shows the user's alerts, 2 everyone's in
 * scope, 3 the charts (tui_charts.c); Enter opens what an alert is about.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_charts.h"
#include "tui_export.h"
#include "tui_list.h"
#include "tui_money.h"
#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "i18n.h"

#define HIDDEN 100000

enum { AL_SEVERITY, AL_CUSTOMER, AL_ITEM, AL_AMOUNT, AL_DAYS, AL_MESSAGE, AL_WHO, AL_RULE, AL_KIND,
       AL_CCODE, AL_COUNT };

static const struct tui_column alert_cols[AL_COUNT] = {
	[AL_SEVERITY] = { .title = N_("Severity"), .width = 8 },
	[AL_CUSTOMER] = { .title = N_("Customer"), .width = 12, .grow = 1 },
	[AL_ITEM] = { .title = N_("Item"), .width = 14, .min_total = 100 },
	[AL_AMOUNT] = { .title = N_("Amount"), .width = 12, .right = 1 },
	[AL_DAYS] = { .title = N_("Days"), .width = 4, .right = 1, .min_total = 100 },
	[AL_MESSAGE] = { .title = N_("What"), .width = 20, .grow = 2 },
	[AL_WHO] = { .title = N_("Who"), .width = 9, .min_total = 124 },
	[AL_RULE] = { .title = N_("Rule"), .width = 12, .min_total = 140 },
	[AL_KIND] = { .title = N_("Kind"), .width = 8, .min_total = HIDDEN },
	[AL_CCODE] = { .title = N_("Cust."), .width = 7, .min_total = HIDDEN },
};

struct dashboard {
	struct tui *t;
	struct tui_list alerts;
	int all;		/* 0: the actor's alerts */
	int charts;		/* 1: the charts instead of the alerts */
	struct tui_charts pics;
	int64_t nalerts;
	int critical;
	/* key figures; valid when have_kpi */
	int have_kpi;
	credo_money receivable, overdue, provision;
	int dso;		/* -1: no sales in the period */
	int64_t pending;
	char today[CREDO_DATE_BUFSZ];
};

static const char *severity_word(credo_alert_severity s)
{
	switch (s) {
	case CREDO_ALERT_CRITICAL:
		return _("critical");
	case CREDO_ALERT_WARNING:
		return _("warning");
	default:
		return _("info");
	}
}

struct alert_walk {
	struct dashboard *d;
	struct tui_list_stream *stream;
};

static int dashboard_alert(const credo_alert *a, void *ctx)
{
	struct alert_walk *w = ctx;
	char amount[CREDO_MONEY_BUFSZ] = "", days[16] = "";

	if (!w->stream) {
		w->d->nalerts++;
		w->d->critical += a->severity == CREDO_ALERT_CRITICAL;
		return 0;
	}
	if (a->amount)
		tui_money(a->amount, amount, sizeof amount);
	if (a->days)
		snprintf(days, sizeof days, "%d", a->days);
	const char *cells[AL_COUNT] = {
		[AL_SEVERITY] = severity_word(a->severity),
		[AL_CUSTOMER] = a->customer_name,
		[AL_ITEM] = a->item,
		[AL_AMOUNT] = amount,
		[AL_DAYS] = days,
		[AL_MESSAGE] = a->message,
		[AL_WHO] = a->responsible,
		[AL_RULE] = a->rule,
		[AL_KIND] = a->item_kind,
		[AL_CCODE] = a->customer_code,
	};
	return tui_list_stream_row(w->stream, 0, cells);
}

static int dashboard_walk(struct dashboard *d, struct tui_list_stream *stream)
{
	struct alert_walk w = { .d = d, .stream = stream };
	credo_db *db = tui_db(d->t);
	credo_status st = credo_alerts(db, NULL, d->all ? NULL : credo_actor_login(db), dashboard_alert, &w);

	if (st != CREDO_OK && st != CREDO_STOP && st != CREDO_DONE) {
		tui_core_error(d->t, st);
		return -1;
	}
	return 0;
}

static int dashboard_stream(void *ctx, struct tui_list_stream *stream)
{
	return dashboard_walk(ctx, stream);
}

static void dashboard_count(struct dashboard *d)
{
	d->nalerts = 0;
	d->critical = 0;
	if (dashboard_walk(d, NULL) != 0)
		d->nalerts = -1;
}

/* ---- key figures ---- */

static int kpi_aging(const credo_aging_row *r, void *ctx)
{
	struct dashboard *d = ctx;

	d->receivable += r->total;
	d->overdue += r->overdue;
	d->provision += r->provision;
	return 0;
}

static int kpi_dso(const credo_dso_row *r, void *ctx)
{
	struct dashboard *d = ctx;

	if (r->key && !*r->key)
		d->dso = r->dso;	/* the company row */
	return 0;
}

static int kpi_request(const credo_credit_request_row *r, void *ctx)
{
	struct dashboard *d = ctx;

	d->pending += strcmp(r->state, "pending") == 0 || strcmp(r->state, "escalated") == 0;
	return 0;
}

static void dashboard_kpi(struct dashboard *d)
{
	credo_db *db = tui_db(d->t);
	credo_aging_opts o = { .group = CREDO_AGING_BY_CUSTOMER };

	d->receivable = d->overdue = d->provision = 0;
	d->dso = -1;
	d->pending = 0;
	tui_today(d->today, sizeof d->today);
	d->have_kpi = credo_aging(db, &o, kpi_aging, d) == CREDO_OK &&
		      credo_dso(db, NULL, 0, CREDO_AGING_BY_CUSTOMER, kpi_dso, d) == CREDO_OK &&
		      credo_credit_requests(db, 0, 1, kpi_request, d) == CREDO_OK;
}

static int dashboard_open(struct tui *t, const void *arg, void **state)
{
	struct dashboard *d = calloc(1, sizeof *d);

	(void)arg;
	if (!d) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	d->t = t;
	tui_list_init_stream(&d->alerts, alert_cols, AL_COUNT, dashboard_stream, d);
	dashboard_count(d);
	dashboard_kpi(d);
	*state = d;
	return 0;
}

static void dashboard_close(void *state)
{
	struct dashboard *d = state;

	if (!d)
		return;
	tui_list_free(&d->alerts);
	free(d);
}

/* The key figures as "label value" items, laid out in as many columns as fit. */
static int dashboard_draw_kpi(struct dashboard *d, int y, int x, int w, int draw)
{
	char items[5][160], a[CREDO_MONEY_BUFSZ], b[CREDO_MONEY_BUFSZ];
	int n = 0, cw = 0, lines;

	snprintf(items[n++], sizeof items[0], _("Receivable  %s"), tui_money(d->receivable, a, sizeof a));
	if (d->receivable > 0)
		snprintf(items[n++], sizeof items[0], _("Overdue  %s (%lld.%lld%%)"), tui_money(d->overdue, b, sizeof b),
			 (long long)(d->overdue * 1000 / d->receivable / 10),
			 (long long)(d->overdue * 1000 / d->receivable % 10));
	else
		snprintf(items[n++], sizeof items[0], _("Overdue  %s"), tui_money(d->overdue, b, sizeof b));
	if (d->dso >= 0)
		snprintf(items[n++], sizeof items[0], _("DSO  %d days"), d->dso);
	else
		snprintf(items[n++], sizeof items[0], "%s", _("DSO  - (no sales in 90 days)"));
	snprintf(items[n++], sizeof items[0], _("Provision  %s"), tui_money(d->provision, a, sizeof a));
	snprintf(items[n++], sizeof items[0], _("Credit requests waiting  %lld"), (long long)d->pending);
	for (int i = 0; i < n; i++)
		if (tui_width(items[i]) + 3 > cw)
			cw = tui_width(items[i]) + 3;
	int per = (w - 2) / cw > 0 ? (w - 2) / cw : 1;
	lines = 1 + (n + per - 1) / per;
	if (!draw)
		return lines;
	char head[128];
	snprintf(head, sizeof head, _("Key figures as of %s"), d->today);
	tui_put(stdscr, y, x + 1, head, w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	for (int i = 0; i < n; i++)
		tui_put(stdscr, y + 1 + i / per, x + 2 + (i % per) * cw, items[i], cw - 1 < w - 3 ? cw - 1 : w - 3,
			tui_attr(TUI_S_NORMAL), TUI_FIT_MARK);
	return lines;
}

static void dashboard_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct dashboard *d = state;
	credo_db *db = tui_db(t);
	char head[256], right[96];

	int kh = d->have_kpi ? dashboard_draw_kpi(d, 0, 0, r.w, 0) : 0;
	if (d->charts) {
		snprintf(head, sizeof head, _("Charts as of %s"), d->today);
		snprintf(right, sizeof right, "%s", _("1: your alerts  2: everyone's"));
		int w2 = tui_width(right);
		tui_put(stdscr, r.y, r.x + 1, head, r.w - w2 - 3, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
		tui_put(stdscr, r.y, r.x + r.w - w2 - 1, right, w2, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
		tui_charts_draw(&d->pics, (struct tui_rect){ r.y + 2, r.x, r.h - 2, r.w });
		return;
	}
	if (d->all)
		snprintf(head, sizeof head, _("Alerts for everyone: %lld (%d critical)"), (long long)d->nalerts,
			 d->critical);
	else
		snprintf(head, sizeof head, _("Your alerts, %s: %lld (%d critical)"), credo_actor_login(db),
			 (long long)d->nalerts, d->critical);
	snprintf(right, sizeof right, "%s  %s", d->all ? _("1: yours") : _("2: everyone's"), _("3: charts"));
	int wr = tui_width(right);
	tui_put(stdscr, r.y, r.x + 1, head, r.w - wr - 3, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, r.y, r.x + r.w - wr - 1, right, wr, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	int lh = r.h - 1 - (kh ? kh + 1 : 0);
	if (lh < 3)
		lh = r.h - 1, kh = 0;
	tui_list_draw(&d->alerts, stdscr, r.y + 1, r.x, lh, r.w,
		      d->all ? _("No alerts: nothing needs attention.")
			     : _("No alerts for you; press 2 for everyone's."));
	if (kh)
		dashboard_draw_kpi(d, r.y + 1 + lh + 1, r.x, r.w, 1);
}

static void dashboard_enter(struct tui *t, struct dashboard *d)
{
	const struct tui_list_row *row = tui_list_selected(&d->alerts);
	struct tui_ledger_arg arg = { 0 };
	int64_t id;

	if (!row)
		return;
	if (strcmp(row->cells[AL_KIND], "contract") == 0 && row->cells[AL_ITEM][0]) {
		if (credo_contract_find(tui_db(t), row->cells[AL_ITEM], &id) == CREDO_OK)
			tui_push(t, "contract", &id);
		else
			tui_core_error(t, CREDO_NOTFOUND);
		return;
	}
	if (!row->cells[AL_CCODE][0]) {
		tui_message(t, TUI_MSG_INFO, "%s", _("This alert is about a lead: see the Leads tab."));
		return;
	}
	if (tui_customer_id(t, row->cells[AL_CCODE], &arg.customer_id) != 0)
		return;
	if (strcmp(row->cells[AL_KIND], "invoice") == 0 || strcmp(row->cells[AL_RULE], "promise_broken") == 0 ||
	    strcmp(row->cells[AL_RULE], "pays_old_owes_new") == 0)
		tui_push(t, "open_items", &arg);
	else
		tui_push(t, "credit_rating", &arg.customer_id);
}

static int dashboard_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct dashboard *d = state;

	if (tui_list_action(&d->alerts, act))
		return TUI_DONE;
	switch (act) {
	case TUI_ACT_ENTER:
		dashboard_enter(t, d);
		return TUI_DONE;
	case TUI_ACT_SUBLIST:
		if (key == '3') {
			d->charts = tui_charts_load(t, &d->pics) == 0;
			return TUI_DONE;
		}
		if (key != '1' && key != '2')
			return TUI_PASS;
		d->charts = 0;
		d->all = key == '2';
		dashboard_count(d);
		tui_list_reset(&d->alerts);
		return TUI_DONE;
	case TUI_ACT_EXPORT:
		tui_export_list(t, &d->alerts, "alerts", NULL);
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

static void dashboard_resume(struct tui *t, void *state, const struct tui_result *res)
{
	struct dashboard *d = state;

	(void)res;
	dashboard_count(d);
	dashboard_kpi(d);
	tui_list_reload(&d->alerts);
	if (d->charts)
		d->charts = tui_charts_load(t, &d->pics) == 0;
}

const struct tui_view_ops tui_view_dashboard = {
	.name = "dashboard",
	.title = N_("Dashboard"),
	.tab = 1,
	.actions = TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) | TUI_A(END) |
		   TUI_A(ENTER) | TUI_A(SUBLIST) | TUI_A(EXPORT),
	.open = dashboard_open,
	.draw = dashboard_draw,
	.handle = dashboard_handle,
	.resume = dashboard_resume,
	.close = dashboard_close,
};
