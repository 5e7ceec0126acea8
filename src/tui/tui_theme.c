/*
 * tui_theme.c - colour pairs and monochrome fallbacks for each style.
 */
#include <stdlib.h>

#include "tui_theme.h"

static attr_t tui_styles[TUI_S_COUNT];
static int tui_colored;

/*
 * Without colour. The selected row is reverse video in both modes so it
 * stays obvious on any terminal (and tests can find it).
 */
static const attr_t tui_mono[TUI_S_COUNT] = {
	[TUI_S_NORMAL] = A_NORMAL,
	[TUI_S_TITLE] = A_REVERSE,
	[TUI_S_TAB] = A_REVERSE,
	[TUI_S_TAB_ACTIVE] = A_BOLD,
	[TUI_S_STATUS] = A_REVERSE,
	[TUI_S_HEADER] = A_BOLD | A_UNDERLINE,
	[TUI_S_SELECTED] = A_REVERSE,
	[TUI_S_LABEL] = A_BOLD,
	[TUI_S_FIELD] = A_UNDERLINE,
	[TUI_S_FIELD_FOCUS] = A_REVERSE,
	[TUI_S_ERROR] = A_BOLD,
	[TUI_S_INFO] = A_NORMAL,
	[TUI_S_HINT] = A_NORMAL,
	[TUI_S_EMPHASIS] = A_BOLD,
};

struct tui_pair {
	short fg, bg;
	attr_t extra;
};

/* -1 is the terminal's own default colour (use_default_colors). */
static const struct tui_pair tui_pairs[TUI_S_COUNT] = {
	[TUI_S_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_NORMAL },
	[TUI_S_TAB] = { COLOR_WHITE, COLOR_BLUE, A_NORMAL },
	[TUI_S_TAB_ACTIVE] = { COLOR_BLACK, COLOR_CYAN, A_BOLD },
	[TUI_S_STATUS] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL },
	[TUI_S_HEADER] = { COLOR_YELLOW, -1, A_BOLD },
	[TUI_S_LABEL] = { COLOR_CYAN, -1, A_NORMAL },
	[TUI_S_FIELD] = { -1, -1, A_UNDERLINE },
	[TUI_S_ERROR] = { COLOR_RED, -1, A_BOLD },
	[TUI_S_INFO] = { COLOR_GREEN, -1, A_NORMAL },
	[TUI_S_HINT] = { COLOR_CYAN, -1, A_NORMAL },
	[TUI_S_EMPHASIS] = { COLOR_YELLOW, -1, A_BOLD },
};

void tui_theme_init(void)
{
	const char *nc = getenv("NO_COLOR");

	tui_colored = has_colors() && (!nc || !*nc) && start_color() == OK;
	for (int s = 0; s < TUI_S_COUNT; s++)
		tui_styles[s] = tui_mono[s];
	if (!tui_colored)
		return;
	int deflt = use_default_colors() == OK;
	for (short s = 1; s < TUI_S_COUNT; s++) {
		const struct tui_pair *p = &tui_pairs[s];
		if (p->fg == 0 && p->bg == 0 && p->extra == 0)
			continue;	/* no colour for this style: keep mono */
		short fg = p->fg, bg = p->bg;
		if (!deflt) {
			if (fg < 0)
				fg = COLOR_WHITE;
			if (bg < 0)
				bg = COLOR_BLACK;
		}
		if (s >= COLOR_PAIRS || init_pair(s, fg, bg) != OK)
			continue;
		tui_styles[s] = COLOR_PAIR(s) | p->extra;
	}
	tui_styles[TUI_S_SELECTED] = A_REVERSE | A_BOLD;
	tui_styles[TUI_S_FIELD_FOCUS] = A_REVERSE;
}

int tui_theme_color(void)
{
	return tui_colored;
}

attr_t tui_attr(enum tui_style s)
{
	return (unsigned)s < TUI_S_COUNT ? tui_styles[s] : A_NORMAL;
}
