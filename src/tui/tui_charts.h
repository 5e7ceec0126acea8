/*
 * tui_charts.h - the Dashboard's pictures: the aging buckets, the funnel
 * of open opportunities by stage, and invoiced against collected for the
 * last 12 months, laid out to fit 80 x 24 (two columns from 70 cells).
 */
#ifndef CREDO_TUI_CHARTS_H
#define CREDO_TUI_CHARTS_H

#include "credo/credo.h"
#include "tui_view.h"

struct tui_charts {
	int nbuckets;
	char blabel[CREDO_AGING_MAX_BUCKETS][16];
	credo_money bucket[CREDO_AGING_MAX_BUCKETS];
	int nstages;
	char stage[8][48];
	int probability[8];
	int64_t count[8];
	credo_money amount[8];
	credo_month_sales months[12];
};

/* Read the figures in the actor's scope; 0, or -1 after showing the error. */
int tui_charts_load(struct tui *t, struct tui_charts *c);

/* Draw the three charts into r. */
void tui_charts_draw(const struct tui_charts *c, struct tui_rect r);

#endif
