/*
 * tui_term.h - checks on the terminal before curses takes it over.
 */
#ifndef CREDO_TUI_TERM_H
#define CREDO_TUI_TERM_H

/*
 * 1 if terminfo knows the terminal in TERM, 0 otherwise. Asked before
 * newterm() because a failed newterm() leaks memory ncurses never frees.
 */
int tui_term_known(void);

#endif
