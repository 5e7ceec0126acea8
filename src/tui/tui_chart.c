/* tui_chart.c - bar charts of block characters, labelled so they need no colour. */
#include <stdio.h>
#include <string.h>

#include "tui_chart.h"
#include "tui_theme.h"
#include "tui_width.h"

/* A cell filled k eighths from the left, k = 1..8. */
static const char *const eighths[9] = { " ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█" };

char *tui_chart_amount(credo_money fen, char *buf, size_t len)
{
	credo_money y = fen / 100, a = y < 0 ? -y : y;
	const char *sign = y < 0 ? "-" : "";
	if (a >= 100000000)
		snprintf(buf, len, "%s%lldM", sign, (long long)(a / 1000000));
	else if (a >= 1000000)
		snprintf(buf, len, "%s%lld.%02lldM", sign, (long long)(a / 1000000), (long long)(a % 1000000 / 10000));
	else if (a >= 10000)
		snprintf(buf, len, "%s%lld.%lldk", sign, (long long)(a / 1000), (long long)(a % 1000 / 100));
	else
		snprintf(buf, len, "%s%lld", sign, (long long)a);
	return buf;
}

int tui_chart_lines(int n, int titled)
{
	return n + (titled ? 1 : 0);
}

/* Eighths of barw cells that v takes of max. */
static long scale(credo_money v, credo_money max, int barw)
{
	if (v <= 0 || max <= 0)
		return 0;
	__int128 e = (__int128)v * barw * 8 / max;
	/* Anything above nothing shows at least a sliver. */
	return e < 1 ? 1 : (long)e;
}

int tui_chart_draw(WINDOW *win, int y, int x, int h, int w, const char *title,
		   const struct tui_bar *bars, int n)
{
	int line = 0;
	if (h <= 0 || w < 12)
		return 0;
	if (title) {
		tui_put(win, y, x, title, w, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
		line++;
	}
	char texts[64][32];
	int lw = 0, tw = 0;
	credo_money max = 0;
	if (n > 64)
		n = 64;
	for (int i = 0; i < n; i++) {
		const struct tui_bar *b = &bars[i];
		if (b->text)
			snprintf(texts[i], sizeof texts[i], "%s", b->text);
		else
			tui_chart_amount(b->value, texts[i], sizeof texts[i]);
		int l = tui_width(b->label), t = tui_width(texts[i]);
		lw = l > lw ? l : lw;
		tw = t > tw ? t : tw;
		credo_money top = b->part > b->value ? b->part : b->value;
		max = top > max ? top : max;
	}
	if (lw > w / 3)
		lw = w / 3;
	if (tw > w / 2)
		tw = w / 2;
	int barw = w - lw - tw - 2;
	if (barw < 4)
		barw = 4;
	if (barw > 60)
		barw = 60;	/* a wider bar says nothing more */
	attr_t solid = tui_attr(TUI_S_EMPHASIS), light = tui_attr(TUI_S_NORMAL);
	for (int i = 0; i < n && line < h; i++, line++) {
		const struct tui_bar *b = &bars[i];
		int yy = y + line;
		tui_put(win, yy, x, b->label, lw, tui_attr(TUI_S_NORMAL), TUI_FIT_MARK);
		long whole = scale(b->value, max, barw);
		long part = b->part < 0 ? whole : scale(b->part, max, barw);
		/* The solid part in eighths, then the light rest in whole cells. */
		char bar[100 * 3 + 8] = "";
		int cells = 0;
		for (long e = part; e > 0 && cells < barw; e -= 8, cells++)
			strcat(bar, eighths[e >= 8 ? 8 : e]);
		tui_put(win, yy, x + lw + 1, bar, cells, solid, 0);
		int lc = 0;
		long rest_cells = (whole + 7) / 8;
		char lb[100 * 3 + 8] = "";
		for (long c = cells; c < rest_cells && c < barw; c++, lc++)
			strcat(lb, "░");
		if (lc)
			tui_put(win, yy, x + lw + 1 + cells, lb, lc, light, 0);
		tui_put(win, yy, x + lw + 2 + cells + lc, texts[i], tw, tui_attr(TUI_S_NORMAL), TUI_FIT_MARK);
	}
	return line;
}
