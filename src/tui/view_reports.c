/*
 * view_reports.c - the Reports tab: the management reports, each a list
 * with its chart under it. 1 the scorecard (ranked by money collected),
 * 2 the value classes (ABC), 3 actual against target, 4 the commission;
 * @ picks the month, Enter on a scorecard row opens that salesperson's
 * customers, on a class row the customer, x exports the list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_chart.h"
#include "tui_export.h"
#include "tui_list.h"
#include "tui_money.h"
#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "i18n.h"

#define HIDDEN 100000
#define MAX_BARS 24

enum kind { K_SCORECARD, K_CLASSES, K_TARGETS, K_COMMISSION, K_COUNT };

static const char *const kind_names[K_COUNT] = { N_("Scorecard"), N_("Value classes"), N_("Targets"),
						 N_("Commission") };
static const char *const export_names[K_COUNT] = { "scorecard", "value-classes", "targets", "commission" };

enum { SC_RANK, SC_NAME, SC_COLLECTED, SC_RATE, SC_TARGET, SC_INVOICED, SC_OVERDUE, SC_DSO, SC_VISITS,
       SC_NEW, SC_WONLOST, SC_COMPLAINTS, SC_LOGIN, SC_COUNT };
static const struct tui_column sc_cols[SC_COUNT] = {
	[SC_RANK] = { .title = N_("#"), .width = 2, .right = 1 },
	[SC_NAME] = { .title = N_("Salesperson"), .width = 10, .grow = 1 },
	[SC_COLLECTED] = { .title = N_("Collected"), .width = 12, .right = 1 },
	[SC_RATE] = { .title = N_("Rate"), .width = 7, .right = 1 },
	[SC_TARGET] = { .title = N_("Target"), .width = 12, .right = 1 },
	[SC_INVOICED] = { .title = N_("Invoiced"), .width = 12, .right = 1, .min_total = 90 },
	[SC_OVERDUE] = { .title = N_("Overdue"), .width = 7, .right = 1 },
	[SC_DSO] = { .title = N_("DSO"), .width = 4, .right = 1 },
	[SC_VISITS] = { .title = N_("Visits"), .width = 7, .right = 1, .min_total = 100 },
	[SC_NEW] = { .title = N_("New"), .width = 4, .right = 1, .min_total = 110 },
	[SC_WONLOST] = { .title = N_("Won/lost"), .width = 8, .right = 1, .min_total = 120 },
	[SC_COMPLAINTS] = { .title = N_("Complaints"), .width = 10, .right = 1, .min_total = 130 },
	[SC_LOGIN] = { .title = N_("Login"), .width = 8, .min_total = HIDDEN },
};

enum { CL_RANK, CL_CLASS, CL_CODE, CL_NAME, CL_BASIS, CL_CUM, CL_PAID, CL_OWNER, CL_COUNT };
static const struct tui_column cl_cols[CL_COUNT] = {
	[CL_RANK] = { .title = N_("#"), .width = 3, .right = 1 },
	[CL_CLASS] = { .title = N_("Class"), .width = 5 },
	[CL_CODE] = { .title = N_("Code"), .width = 7 },
	[CL_NAME] = { .title = N_("Customer"), .width = 16, .grow = 1 },
	[CL_BASIS] = { .title = N_("12 months"), .width = 12, .right = 1 },
	[CL_CUM] = { .title = N_("Cum."), .width = 7, .right = 1 },
	[CL_PAID] = { .title = N_("Paid/contr."), .width = 11, .right = 1, .min_total = 90 },
	[CL_OWNER] = { .title = N_("Owner"), .width = 9, .min_total = 100 },
};

enum { TG_NAME, TG_REGION, TG_PRODUCT, TG_TARGET, TG_INVOICED, TG_INV_PCT, TG_COLLECTED, TG_COL_PCT, TG_SUGGESTED, TG_COUNT };
static const struct tui_column tg_cols[TG_COUNT] = {
	[TG_NAME] = { .title = N_("Salesperson"), .width = 10, .grow = 1 },
	[TG_REGION] = { .title = N_("Region"), .width = 6, .min_total = 100 },
	[TG_PRODUCT] = { .title = N_("Product"), .width = 7, .min_total = 110 },
	[TG_TARGET] = { .title = N_("Target"), .width = 12, .right = 1 },
	[TG_INVOICED] = { .title = N_("Invoiced"), .width = 12, .right = 1 },
	[TG_INV_PCT] = { .title = N_("%"), .width = 7, .right = 1 },
	[TG_COLLECTED] = { .title = N_("Collected"), .width = 12, .right = 1 },
	[TG_COL_PCT] = { .title = N_("%"), .width = 7, .right = 1 },
	[TG_SUGGESTED] = { .title = N_("Suggested"), .width = 12, .right = 1, .min_total = 95 },
};

enum { CM_NAME, CM_COLLECTED, CM_EXCESS, CM_GROSS, CM_DEDUCTION, CM_RESERVE, CM_PAYABLE, CM_COUNT };
static const struct tui_column cm_cols[CM_COUNT] = {
	[CM_NAME] = { .title = N_("Salesperson"), .width = 10, .grow = 1 },
	[CM_COLLECTED] = { .title = N_("Collected"), .width = 12, .right = 1 },
	[CM_EXCESS] = { .title = N_("Above list"), .width = 10, .right = 1, .min_total = 90 },
	[CM_GROSS] = { .title = N_("Gross"), .width = 9, .right = 1 },
	[CM_DEDUCTION] = { .title = N_("Late"), .width = 8, .right = 1 },
	[CM_RESERVE] = { .title = N_("Reserve"), .width = 8, .right = 1 },
	[CM_PAYABLE] = { .title = N_("Payable"), .width = 9, .right = 1 },
};

struct reports {
	struct tui *t;
	enum kind kind;
	char month[8];
	char from[CREDO_DATE_BUFSZ], to[CREDO_DATE_BUFSZ];
	struct tui_list list[K_COUNT];
	/* the chart of the report shown, read when it is opened */
	int nbars;
	struct tui_bar bars[MAX_BARS];
	char label[MAX_BARS][96], text[MAX_BARS][48];
	credo_money class_basis[3];
	int64_t class_count[3];
	credo_money class_total;
	int nrows;		/* rows of the report shown, so the chart can sit right under them */
};

/* ---- the month ---- */

static void set_month(struct reports *r, const char *month)
{
	snprintf(r->month, sizeof r->month, "%s", month);
	snprintf(r->from, sizeof r->from, "%s-01", r->month);
	char today[CREDO_DATE_BUFSZ];
	tui_today(today, sizeof today);
	int y = atoi(r->month), m = atoi(r->month + 5);
	credo_date last = credo_date_from_ymd(y, m, credo_date_days_in_month(y, m));
	credo_date_format(last, r->to, sizeof r->to);
	/* The month that is running ends today. */
	if (strcmp(r->to, today) > 0)
		snprintf(r->to, sizeof r->to, "%s", today);
}

static char *pct(int bp, char *buf, size_t len)
{
	if (bp < 0)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%d.%d%%", bp / 100, bp % 100 / 10);
	return buf;
}

static void bar_add(struct reports *r, const char *label, credo_money value, credo_money part, const char *text)
{
	if (r->nbars == MAX_BARS)
		return;
	int i = r->nbars++;
	snprintf(r->label[i], sizeof r->label[i], "%s", label);
	snprintf(r->text[i], sizeof r->text[i], "%s", text);
	r->bars[i] = (struct tui_bar){ .label = r->label[i], .value = value, .part = part, .text = r->text[i] };
}

/* ---- the rows: each report streams its core call into the list, and the chart is read on the way ---- */

struct walk {
	struct reports *r;
	struct tui_list_stream *s;	/* NULL: the pass that reads the chart */
};

static int sc_row(const credo_scorecard_row *c, void *ctx)
{
	struct walk *w = ctx;
	char rank[8], col[CREDO_MONEY_BUFSZ], tgt[CREDO_MONEY_BUFSZ], inv[CREDO_MONEY_BUFSZ], rate[16], od[16],
		dso[16], visits[32], nw[16], wl[32], cp[16];
	if (!w->s) {
		char a[24], b[24], text[48];
		if (c->target > 0)
			snprintf(text, sizeof text, "%s / %s", tui_chart_amount(c->collected, a, sizeof a),
				 tui_chart_amount(c->target, b, sizeof b));
		else
			tui_chart_amount(c->collected, text, sizeof text);
		bar_add(w->r, c->name, c->collected, -1, text);
		return 0;
	}
	snprintf(rank, sizeof rank, "%d", c->rank);
	snprintf(dso, sizeof dso, "%s", "-");
	if (c->dso >= 0)
		snprintf(dso, sizeof dso, "%d", c->dso);
	snprintf(visits, sizeof visits, "%lld/%lld", (long long)c->visits_done, (long long)c->visits_planned);
	snprintf(nw, sizeof nw, "%lld", (long long)c->new_customers);
	snprintf(wl, sizeof wl, "%lld/%lld", (long long)c->won, (long long)c->lost);
	snprintf(cp, sizeof cp, "%lld", (long long)c->complaints);
	const char *cells[SC_COUNT] = {
		[SC_RANK] = rank, [SC_NAME] = c->name,
		[SC_COLLECTED] = tui_money(c->collected, col, sizeof col),
		[SC_RATE] = pct(c->collection_bp, rate, sizeof rate),
		[SC_TARGET] = c->target ? tui_money(c->target, tgt, sizeof tgt) : "",
		[SC_INVOICED] = tui_money(c->invoiced, inv, sizeof inv),
		[SC_OVERDUE] = pct(c->overdue_bp, od, sizeof od), [SC_DSO] = dso, [SC_VISITS] = visits,
		[SC_NEW] = nw, [SC_WONLOST] = wl, [SC_COMPLAINTS] = cp, [SC_LOGIN] = c->key,
	};
	return tui_list_stream_row(w->s, c->rank, cells);
}

static int cl_row(const credo_pareto_row *p, void *ctx)
{
	struct walk *w = ctx;
	if (!w->s) {
		int k = p->cls - 'A';
		if (k >= 0 && k < 3) {
			w->r->class_basis[k] += p->basis;
			w->r->class_count[k]++;
		}
		return 0;
	}
	char rank[16], cls[2] = { p->cls, 0 }, basis[CREDO_MONEY_BUFSZ], cum[16], paid[16];
	snprintf(rank, sizeof rank, "%d", p->rank);
	const char *cells[CL_COUNT] = {
		[CL_RANK] = rank, [CL_CLASS] = cls, [CL_CODE] = p->code, [CL_NAME] = p->name,
		[CL_BASIS] = tui_money(p->basis, basis, sizeof basis), [CL_CUM] = pct(p->cumulative_bp, cum, sizeof cum),
		[CL_PAID] = pct(p->collected_bp, paid, sizeof paid), [CL_OWNER] = p->owner,
	};
	return tui_list_stream_row(w->s, p->rank, cells);
}

static int tg_row(const credo_target_row *g, void *ctx)
{
	struct walk *w = ctx;
	if (!w->s) {
		char a[24], b[24], text[48], label[96];
		snprintf(label, sizeof label, "%s%s%s%s%s", g->name, g->region[0] ? " " : "", g->region,
			 g->product[0] ? " " : "", g->product);
		if (g->has_target)
			snprintf(text, sizeof text, "%s / %s", tui_chart_amount(g->collected, a, sizeof a),
				 tui_chart_amount(g->target, b, sizeof b));
		else
			snprintf(text, sizeof text, "%s / -", tui_chart_amount(g->collected, a, sizeof a));
		/* The target is the bar; what was collected is its solid part. */
		bar_add(w->r, label, g->has_target ? g->target : g->collected, g->collected, text);
		return 0;
	}
	char tgt[CREDO_MONEY_BUFSZ], inv[CREDO_MONEY_BUFSZ], col[CREDO_MONEY_BUFSZ], sug[CREDO_MONEY_BUFSZ],
		ip[16], cp[16];
	const char *cells[TG_COUNT] = {
		[TG_NAME] = g->name, [TG_REGION] = g->region, [TG_PRODUCT] = g->product,
		[TG_TARGET] = g->has_target ? tui_money(g->target, tgt, sizeof tgt) : "",
		[TG_INVOICED] = tui_money(g->invoiced, inv, sizeof inv), [TG_INV_PCT] = pct(g->invoiced_bp, ip, sizeof ip),
		[TG_COLLECTED] = tui_money(g->collected, col, sizeof col),
		[TG_COL_PCT] = pct(g->collected_bp, cp, sizeof cp),
		[TG_SUGGESTED] = tui_money(g->suggested, sug, sizeof sug),
	};
	return tui_list_stream_row(w->s, 0, cells);
}

static int cm_row(const credo_commission *c, void *ctx)
{
	struct walk *w = ctx;
	if (!w->s) {
		char text[CREDO_MONEY_BUFSZ];
		bar_add(w->r, c->name, c->payable, -1, tui_money(c->payable, text, sizeof text));
		return 0;
	}
	char a[6][CREDO_MONEY_BUFSZ];
	const char *cells[CM_COUNT] = {
		[CM_NAME] = c->name, [CM_COLLECTED] = tui_money(c->collected, a[0], sizeof a[0]),
		[CM_EXCESS] = tui_money(c->excess, a[1], sizeof a[1]), [CM_GROSS] = tui_money(c->gross, a[2], sizeof a[2]),
		[CM_DEDUCTION] = tui_money(c->deduction, a[3], sizeof a[3]),
		[CM_RESERVE] = tui_money(c->reserve, a[4], sizeof a[4]),
		[CM_PAYABLE] = tui_money(c->payable, a[5], sizeof a[5]),
	};
	return tui_list_stream_row(w->s, 0, cells);
}

static int run(struct reports *r, enum kind k, struct tui_list_stream *s)
{
	struct walk w = { .r = r, .s = s };
	credo_db *db = tui_db(r->t);
	credo_status st = CREDO_OK;
	switch (k) {
	case K_SCORECARD: {
		credo_scorecard_opts o = { .from = r->from, .to = r->to };
		st = credo_scorecard(db, &o, sc_row, &w, NULL, NULL);
		break;
	}
	case K_CLASSES: {
		credo_pareto_opts o = { .basis = CREDO_PARETO_SETTING };
		st = credo_pareto(db, &o, cl_row, &w, &r->class_total);
		break;
	}
	case K_TARGETS:
		st = credo_targets(db, r->month, tg_row, &w);
		break;
	default:
		st = credo_commission_month(db, r->month, NULL, NULL, cm_row, &w);
		break;
	}
	if (st != CREDO_OK && st != CREDO_STOP) {
		tui_core_error(r->t, st);
		return -1;
	}
	return 0;
}

static int stream_scorecard(void *ctx, struct tui_list_stream *s) { return run(ctx, K_SCORECARD, s); }
static int stream_classes(void *ctx, struct tui_list_stream *s) { return run(ctx, K_CLASSES, s); }
static int stream_targets(void *ctx, struct tui_list_stream *s) { return run(ctx, K_TARGETS, s); }
static int stream_commission(void *ctx, struct tui_list_stream *s) { return run(ctx, K_COMMISSION, s); }

/* Read the chart of the report shown. */
static void load_chart(struct reports *r)
{
	r->nbars = 0;
	memset(r->class_basis, 0, sizeof r->class_basis);
	memset(r->class_count, 0, sizeof r->class_count);
	r->class_total = 0;
	if (run(r, r->kind, NULL) != 0)
		return;
	r->nrows = r->nbars;
	if (r->kind != K_CLASSES)
		return;
	r->nrows = (int)(r->class_count[0] + r->class_count[1] + r->class_count[2]);
	static const char *const keys[3] = { "pareto.class_a", "pareto.class_b", "pareto.class_c" };
	for (int k = 0; k < 3; k++) {
		char name[64] = "", label[96], text[48], a[24];
		credo_setting_get(tui_db(r->t), keys[k], name, sizeof name);
		snprintf(label, sizeof label, "%c %s", 'A' + k, name);
		int bp = r->class_total > 0 ? (int)(r->class_basis[k] * 1000 / r->class_total) : 0;
		snprintf(text, sizeof text, _("%s %d.%d%%, %lld customers"), tui_chart_amount(r->class_basis[k], a, sizeof a),
			 bp / 10, bp % 10, (long long)r->class_count[k]);
		bar_add(r, label, r->class_basis[k], -1, text);
	}
}

static int reports_open(struct tui *t, const void *arg, void **state)
{
	struct reports *r = calloc(1, sizeof *r);
	(void)arg;
	if (!r) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	r->t = t;
	char today[CREDO_DATE_BUFSZ];
	tui_today(today, sizeof today);
	today[7] = '\0';
	set_month(r, today);
	tui_list_init_stream(&r->list[K_SCORECARD], sc_cols, SC_COUNT, stream_scorecard, r);
	tui_list_init_stream(&r->list[K_CLASSES], cl_cols, CL_COUNT, stream_classes, r);
	tui_list_init_stream(&r->list[K_TARGETS], tg_cols, TG_COUNT, stream_targets, r);
	tui_list_init_stream(&r->list[K_COMMISSION], cm_cols, CM_COUNT, stream_commission, r);
	load_chart(r);
	*state = r;
	return 0;
}

static void reports_close(void *state)
{
	struct reports *r = state;
	if (!r)
		return;
	for (int k = 0; k < K_COUNT; k++)
		tui_list_free(&r->list[k]);
	free(r);
}

static const char *chart_title(const struct reports *r, char *buf, size_t len)
{
	switch (r->kind) {
	case K_SCORECARD:
		snprintf(buf, len, _("Ranking by money collected, %s to %s"), r->from, r->to);
		break;
	case K_CLASSES:
		snprintf(buf, len, "%s", _("Share of 12 months' basis by class"));
		break;
	case K_TARGETS:
		snprintf(buf, len, _("Collected (█) against target, %s"), r->month);
		break;
	default:
		snprintf(buf, len, _("Commission payable, %s"), r->month);
		break;
	}
	return buf;
}

static void reports_draw(struct tui *t, void *state, struct tui_rect b)
{
	struct reports *r = state;
	(void)t;
	/* The report chooser: the one shown in brackets. */
	int x = b.x + 1;
	for (int k = 0; k < K_COUNT; k++) {
		char item[96];
		snprintf(item, sizeof item, k == (int)r->kind ? "[%d %s]" : " %d %s ", k + 1, _(kind_names[k]));
		int w = tui_width(item);
		if (x + w >= b.x + b.w)
			break;
		tui_put(stdscr, b.y, x, item, w, tui_attr(k == (int)r->kind ? TUI_S_EMPHASIS : TUI_S_HINT), 0);
		x += w + 1;
	}
	char month[64];
	snprintf(month, sizeof month, _("@ %s"), r->month);
	int mw = tui_width(month);
	if (x + mw < b.x + b.w)
		tui_put(stdscr, b.y, b.x + b.w - mw - 1, month, mw, tui_attr(TUI_S_HINT), 0);
	/* The chart gets the lines of its bars, the list the rest but never fewer than 5. */
	int chart_h = r->nbars ? tui_chart_lines(r->nbars, 1) : 0;
	int list_h = b.h - 2 - chart_h;
	if (list_h > r->nrows + 1)
		list_h = r->nrows + 1 > 2 ? r->nrows + 1 : 2;	/* the heading and the rows, or the empty message */
	if (list_h < 5 && r->nrows + 1 > list_h)
		list_h = 5;
	static const char *const empty[K_COUNT] = {
		N_("No salespeople to show."), N_("No customer has sales in the last 12 months."),
		N_("No salespeople to show."), N_("No salespeople to show."),
	};
	tui_list_draw(&r->list[r->kind], stdscr, b.y + 1, b.x, list_h, b.w, _(empty[r->kind]));
	int cy = b.y + 1 + list_h + 1, ch = b.y + b.h - cy;
	char title[160];
	if (ch > 1 && r->nbars)
		tui_chart_draw(stdscr, cy, b.x + 1, ch, b.w - 2, chart_title(r, title, sizeof title), r->bars, r->nbars);
}

static void month_done(struct tui *t, void *ctx, const char *text)
{
	struct reports *r = ctx;
	if (!text || !*text)
		return;
	char probe[16];
	snprintf(probe, sizeof probe, "%.7s-01", text);
	credo_date d;
	if (strlen(text) != 7 || credo_date_parse(probe, &d, NULL) != CREDO_OK) {
		tui_message(t, TUI_MSG_ERROR, _("Month \"%s\": write it as YYYY-MM, like 2026-10."), text);
		return;
	}
	set_month(r, text);
	for (int k = 0; k < K_COUNT; k++)
		tui_list_reset(&r->list[k]);
	load_chart(r);
}

static void reports_enter(struct tui *t, struct reports *r)
{
	const struct tui_list_row *row = tui_list_selected(&r->list[r->kind]);
	if (!row)
		return;
	if (r->kind == K_SCORECARD) {
		tui_push(t, "customers", row->cells[SC_LOGIN]);
	} else if (r->kind == K_CLASSES) {
		int64_t id;
		if (tui_customer_id(t, row->cells[CL_CODE], &id) == 0)
			tui_push(t, "customer", &id);
	}
}

static int reports_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct reports *r = state;
	if (tui_list_action(&r->list[r->kind], act))
		return TUI_DONE;
	switch (act) {
	case TUI_ACT_SUBLIST:
		if (key < '1' || key > '0' + K_COUNT)
			return TUI_PASS;
		r->kind = (enum kind)(key - '1');
		tui_list_reset(&r->list[r->kind]);
		load_chart(r);
		return TUI_DONE;
	case TUI_ACT_ENTER:
		reports_enter(t, r);
		return TUI_DONE;
	case TUI_ACT_ASOF:
		tui_prompt(t, _("Month (YYYY-MM):"), r->month, month_done, r);
		return TUI_DONE;
	case TUI_ACT_EXPORT:
		tui_export_list(t, &r->list[r->kind], export_names[r->kind], NULL);
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

static void reports_resume(struct tui *t, void *state, const struct tui_result *res)
{
	struct reports *r = state;
	(void)t;
	(void)res;
	tui_list_reload(&r->list[r->kind]);
	load_chart(r);
}

const struct tui_view_ops tui_view_reports = {
	.name = "reports",
	.title = N_("Reports"),
	.tab = 1,
	.actions = TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) | TUI_A(END) | TUI_A(ENTER) |
		   TUI_A(SUBLIST) | TUI_A(ASOF) | TUI_A(EXPORT),
	.open = reports_open,
	.draw = reports_draw,
	.handle = reports_handle,
	.resume = reports_resume,
	.close = reports_close,
};
