/*
 * tui_curses.h - the one place the TUI includes curses.
 *
 * The wide-character API (get_wch, add_wch, cchar_t) is what lets Chinese
 * text in and out; ask for it explicitly rather than relying on whatever
 * _XOPEN_SOURCE the build happens to define.
 */
#ifndef CREDO_TUI_CURSES_H
#define CREDO_TUI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#endif
