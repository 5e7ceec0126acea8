/*
 * tui.h - the ncurses front end, as the CLI sees it.
 */
#ifndef CREDO_TUI_H
#define CREDO_TUI_H

#include "credo/db.h"

/*
 * Run the full-screen interface on an open database with a logged-in actor
 * until the user quits. Assumes setlocale(LC_ALL, "") was called (wide
 * characters need it). Owns the terminal while it runs and restores it
 * before returning. db stays owned by the caller. Returns 0 on a normal
 * quit, non-zero when the terminal could not be set up.
 */
int tui_run(credo_db *db);

#endif
