/*
 * tui_chart.h - horizontal bar charts of Unicode block characters.
 *
 * Every bar has its label on the left and its value written on the right,
 * so a chart reads the same in colour and without (NO_COLOR) and on a
 * terminal that shows the blocks in one colour. Bars are drawn in eighths
 * of a cell (▏▎▍▌▋▊▉█). A bar may show a part of itself solid and the
 * rest light (░): collected of invoiced, collected of target.
 */
#ifndef CREDO_TUI_CHART_H
#define CREDO_TUI_CHART_H

#include <stddef.h>

#include "credo/credo.h"
#include "tui_curses.h"

struct tui_bar {
	const char *label;
	credo_money value;	/* the bar's length (negative draws nothing) */
	credo_money part;	/* < 0: the whole bar solid; else this much solid, the rest of value light */
	const char *text;	/* written after the bar; NULL: value as a short amount */
};

/*
 * Draw a chart into h lines and w cells at (y, x) of win: title (NULL:
 * none) on the first line, then one line per bar, scaled to the largest.
 * Bars that do not fit in h are left out. Returns the lines drawn.
 */
int tui_chart_draw(WINDOW *win, int y, int x, int h, int w, const char *title,
		   const struct tui_bar *bars, int n);

/* Fen as a short amount for charts: "1.23M", "45.6k", "789". */
char *tui_chart_amount(credo_money fen, char *buf, size_t len);

/* The lines a chart of n bars needs with its title. */
int tui_chart_lines(int n, int titled);

#endif
