/*
 * tui_view.h - screens, the view stack, and what a screen may ask of the TUI.
 *
 * A screen is a const struct tui_view_ops registered in views.c. The TUI
 * keeps one stack of open screens per tab; the top one is drawn into the
 * body of the terminal (between the tab bar and the message line) and gets
 * the actions first. Adding a screen = one view_*.c file + one line in views.c.
 */
#ifndef CREDO_TUI_VIEW_H
#define CREDO_TUI_VIEW_H

#include <stdint.h>

#include "credo/credo.h"
#include "tui_curses.h"
#include "tui_keys.h"

struct tui;

/* A region of stdscr, in cells. */
struct tui_rect {
	int y, x, h, w;
};

/* What a screen hands back to the one below it when it closes. */
struct tui_result {
	const char *kind;	/* a string literal, e.g. "customer"; NULL: nothing happened */
	int64_t id;
};

/* Return values of tui_view_ops.handle. */
enum {
	TUI_PASS = 0,		/* not mine: apply the global meaning of the action */
	TUI_DONE = 1,		/* handled */
};

struct tui_view_ops {
	const char *name;	/* registry key, e.g. "customers" */
	const char *title;	/* N_() title for the tab bar and breadcrumbs */
	int tab;		/* 1: a top-level tab, opened with arg NULL */
	tui_actset actions;	/* actions it handles: the help and hint line list these */
	enum tui_keymap keymap;	/* TUI_KEYS_EDIT for a screen where keys type text (forms) */

	/* Make the state for arg; 0 on success, -1 after tui_message() saying why. */
	int (*open)(struct tui *t, const void *arg, void **state);
	/* Draw into r (the body). May fetch rows: r.h decides how many are needed. */
	void (*draw)(struct tui *t, void *state, struct tui_rect r);
	/* React to an action (key is the raw key, for text input); TUI_DONE or TUI_PASS. */
	int (*handle)(struct tui *t, void *state, enum tui_action act, tui_key key);
	/* Optional: the screen above closed with res (NULL when it had nothing). */
	void (*resume)(struct tui *t, void *state, const struct tui_result *res);
	/* Optional: a breadcrumb more specific than title (a customer name). */
	const char *(*label)(void *state);
	/* Free the state; NULL-safe like every destructor here. */
	void (*close)(void *state);
};

/*
 * The registry (views.c): every screen, tabs in tab order, NULL-terminated.
 * Screens reach each other by name through tui_push(), never by symbol.
 */
extern const struct tui_view_ops *const tui_views[];

/* Registered view by name, or NULL. */
const struct tui_view_ops *tui_view_find(const char *name);

/* ---- services the TUI offers screens (tui.c) ---- */

/* The open database. */
credo_db *tui_db(struct tui *t);

enum tui_msg_kind {
	TUI_MSG_INFO,
	TUI_MSG_ERROR,
};

/* Show a one-line message until the next key; later calls replace it. */
void tui_message(struct tui *t, enum tui_msg_kind kind, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/* Show the core's last error (credo_errmsg, else the status text) as an error message. */
void tui_core_error(struct tui *t, credo_status st);

/* Open view name with arg on top of the current tab; 0 or -1 if it refused. */
int tui_push(struct tui *t, const char *name, const void *arg);

/* Close the top view and resume the one below with res (may be NULL). */
void tui_pop(struct tui *t, const struct tui_result *res);

/* Show the text cursor at (y, x) after this draw; hidden otherwise. */
void tui_cursor(struct tui *t, int y, int x);

/*
 * Prompt on the message line with a line editor. done() gets the text on
 * Enter and NULL on Esc; it runs with the prompt already closed, so it may
 * open another. Keys go to the prompt until then.
 */
typedef void (*tui_prompt_fn)(struct tui *t, void *ctx, const char *text);
void tui_prompt(struct tui *t, const char *label, const char *initial,
		tui_prompt_fn done, void *ctx);

#endif
