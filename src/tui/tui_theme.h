/*
 * tui_theme.h - what each part of the screen looks like.
 *
 * Screens ask for a style by purpose, never for a colour, so the same code
 * draws a colour screen and a NO_COLOR one.
 */
#ifndef CREDO_TUI_THEME_H
#define CREDO_TUI_THEME_H

#include "tui_curses.h"

enum tui_style {
	TUI_S_NORMAL,
	TUI_S_TITLE,		/* top bar */
	TUI_S_TAB,		/* a tab in the top bar */
	TUI_S_TAB_ACTIVE,	/* the current tab */
	TUI_S_STATUS,		/* bottom status line */
	TUI_S_HEADER,		/* column headings */
	TUI_S_SELECTED,		/* the selected list row */
	TUI_S_LABEL,		/* field labels */
	TUI_S_FIELD,		/* an input field */
	TUI_S_FIELD_FOCUS,	/* the input field being edited */
	TUI_S_ERROR,		/* error messages */
	TUI_S_INFO,		/* information messages */
	TUI_S_HINT,		/* key hints */
	TUI_S_EMPHASIS,		/* headings inside a screen */
	TUI_S_COUNT
};

/*
 * Set the styles up after initscr(). Colour is used only when the terminal
 * has it and NO_COLOR is unset or empty (https://no-color.org); otherwise
 * every style is made of reverse, bold and underline alone.
 */
void tui_theme_init(void);

/* 1 if tui_theme_init() chose colour. */
int tui_theme_color(void);

/* Attribute (with colour pair) for a style. */
attr_t tui_attr(enum tui_style s);

#endif
