/* tui_charts.c - the Dashboard's three charts: aging, funnel, 12 months of invoiced and collected. */
#include <stdio.h>
#include <string.h>

#include "tui_chart.h"
#include "tui_charts.h"
#include "tui_theme.h"
#include "tui_width.h"
#include "i18n.h"

static int add_aging(const credo_aging_row *r, void *ctx)
{
	struct tui_charts *c = ctx;
	for (int i = 0; i < c->nbuckets; i++)
		c->bucket[i] += r->bucket[i];
	return 0;
}

/* The funnel comes per salesperson and stage: add up the stages, in order of probability. */
static int add_stage(const credo_funnel_row *r, void *ctx)
{
	struct tui_charts *c = ctx;
	int i = 0;
	while (i < c->nstages && strcmp(c->stage[i], r->stage) != 0)
		i++;
	if (i == c->nstages) {
		if (c->nstages == 8)
			return 0;
		int at = 0;
		while (at < c->nstages && c->probability[at] <= r->probability)
			at++;
		for (int k = c->nstages; k > at; k--) {
			memcpy(c->stage[k], c->stage[k - 1], sizeof c->stage[k]);
			c->probability[k] = c->probability[k - 1];
			c->count[k] = c->count[k - 1];
			c->amount[k] = c->amount[k - 1];
		}
		i = at;
		c->nstages++;
		snprintf(c->stage[i], sizeof c->stage[i], "%s", r->stage);
		c->probability[i] = r->probability;
		c->count[i] = 0;
		c->amount[i] = 0;
	}
	c->count[i] += r->count;
	c->amount[i] += r->amount;
	return 0;
}

int tui_charts_load(struct tui *t, struct tui_charts *c)
{
	credo_db *db = tui_db(t);
	credo_aging_buckets bk;
	memset(c, 0, sizeof *c);
	credo_status st = credo_aging_buckets_get(db, 0, &bk);
	if (st == CREDO_OK) {
		c->nbuckets = bk.n;
		for (int i = 0; i < bk.n; i++)
			snprintf(c->blabel[i], sizeof c->blabel[i], "%s", bk.label[i]);
		credo_aging_opts o = { .group = CREDO_AGING_BY_SALESPERSON };
		st = credo_aging(db, &o, add_aging, c);
	}
	if (st == CREDO_OK)
		st = credo_funnel(db, add_stage, c);
	if (st == CREDO_OK)
		st = credo_sales_by_month(db, NULL, 12, c->months);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return -1;
	}
	return 0;
}

static int draw_aging(const struct tui_charts *c, int y, int x, int h, int w)
{
	struct tui_bar bars[CREDO_AGING_MAX_BUCKETS];
	for (int i = 0; i < c->nbuckets; i++)
		bars[i] = (struct tui_bar){ .label = c->blabel[i], .value = c->bucket[i], .part = -1 };
	return tui_chart_draw(stdscr, y, x, h, w, _("Receivables by age (days past due)"), bars, c->nbuckets);
}

static int draw_funnel(const struct tui_charts *c, int y, int x, int h, int w)
{
	struct tui_bar bars[8];
	char text[8][48], a[32];
	for (int i = 0; i < c->nstages; i++) {
		snprintf(text[i], sizeof text[i], "%s (%lld)", tui_chart_amount(c->amount[i], a, sizeof a),
			 (long long)c->count[i]);
		bars[i] = (struct tui_bar){ .label = c->stage[i], .value = c->amount[i], .part = -1, .text = text[i] };
	}
	if (!c->nstages && h > 1) {
		tui_put(stdscr, y, x, _("Open opportunities by stage"), w, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
		tui_put(stdscr, y + 1, x, _("No open opportunities."), w, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
		return 2;
	}
	return tui_chart_draw(stdscr, y, x, h, w, _("Open opportunities by stage"), bars, c->nstages);
}

static int draw_months(const struct tui_charts *c, int y, int x, int h, int w)
{
	struct tui_bar bars[12];
	char text[12][48], a[24], b[24];
	for (int i = 0; i < 12; i++) {
		const credo_month_sales *m = &c->months[i];
		snprintf(text[i], sizeof text[i], "%s/%s", tui_chart_amount(m->collected, a, sizeof a),
			 tui_chart_amount(m->invoiced, b, sizeof b));
		/* Invoiced is the bar; what was collected is its solid part (all solid when more came in). */
		bars[i] = (struct tui_bar){ .label = m->month + 2, .value = m->invoiced,
					    .part = m->collected > 0 ? m->collected : 0, .text = text[i] };
	}
	if (h < 2)
		return 0;
	int n = tui_chart_draw(stdscr, y, x, h - 1, w, _("Collected / invoiced, 12 months"), bars, 12);
	tui_put(stdscr, y + n, x, _("█ collected  ░ not collected"), w, tui_attr(TUI_S_HINT),
		TUI_FIT_MARK);
	return n + 1;
}

void tui_charts_draw(const struct tui_charts *c, struct tui_rect r)
{
	if (r.w >= 70) {
		int lw = (r.w - 3) / 2, rx = r.x + 1 + lw + 2;
		int used = draw_aging(c, r.y, r.x + 1, r.h, lw);
		if (r.h - used > 2)
			draw_funnel(c, r.y + used + 1, r.x + 1, r.h - used - 1, lw);
		draw_months(c, r.y, rx, r.h, r.w - lw - 4);
		return;
	}
	/* Narrow: one under the other, as far as they go. */
	int y = r.y, left = r.h;
	int n = draw_aging(c, y, r.x + 1, left, r.w - 2);
	y += n + 1;
	left -= n + 1;
	if (left > 2) {
		n = draw_months(c, y, r.x + 1, left, r.w - 2);
		y += n + 1;
		left -= n + 1;
	}
	if (left > 2)
		draw_funnel(c, y, r.x + 1, left, r.w - 2);
}
