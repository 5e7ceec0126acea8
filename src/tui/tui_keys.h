/*
 * tui_keys.h - keys, the actions they stand for, and the help built from them.
 *
 * Every binding lives in one table (tui_keys.c). Screens react to actions,
 * never to raw keys, so a binding changes in one place and the `?` screen
 * and the hint line can never disagree with what the keys really do.
 */
#ifndef CREDO_TUI_KEYS_H
#define CREDO_TUI_KEYS_H

#include <stddef.h>
#include <stdint.h>

/*
 * A key as read by get_wch: a character (its code point) or a curses
 * function key (KEY_*) tagged with TUI_KEY_FN, since the two ranges overlap.
 */
typedef int32_t tui_key;

#define TUI_KEY_FN 0x1000000
#define TUI_FN(k) (TUI_KEY_FN | (k))
#define TUI_CTRL(c) ((c) & 0x1f)
#define TUI_KEY_ESC 27

/*
 * X(id, hint, description). hint is the one-word label on the hint line
 * ("" keeps the action off it); both are N_() strings.
 */
#define TUI_ACTION_LIST(X) \
	X(NONE,       "",             "") \
	X(UP,         "",             N_("move up")) \
	X(DOWN,       "",             N_("move down")) \
	X(PGUP,       "",             N_("page up")) \
	X(PGDN,       "",             N_("page down")) \
	X(HOME,       "",             N_("go to the first row")) \
	X(END,        "",             N_("go to the last row")) \
	X(ENTER,      NC_("key", "open"), N_("open the selected row")) \
	X(SEARCH,     N_("search"),   N_("search (substring, Chinese too)")) \
	X(SORT,       N_("sort"),     N_("change the sort order")) \
	X(NEW,        N_("new"),      N_("new record")) \
	X(EDIT,       N_("edit"),     N_("edit the record")) \
	X(EXPORT,     N_("export"),   N_("export what the screen shows")) \
	X(NEXT_TAB,   "",             N_("next tab")) \
	X(PREV_TAB,   "",             N_("previous tab")) \
	X(HELP,       N_("help"),     N_("show this help")) \
	X(CANCEL,     "",             N_("cancel, clear the search, or go back")) \
	X(BACK,       N_("back"),     N_("go back; quit from a top screen")) \
	X(QUIT,       "",             N_("quit credo")) \
	X(REDRAW,     "",             N_("redraw the screen")) \
	X(LEFT,       "",             N_("cursor left")) \
	X(RIGHT,      "",             N_("cursor right")) \
	X(LINE_START, "",             N_("cursor to the start")) \
	X(LINE_END,   "",             N_("cursor to the end")) \
	X(DEL_BACK,   "",             N_("delete the character before the cursor")) \
	X(DEL_FWD,    "",             N_("delete the character under the cursor")) \
	X(KILL_END,   "",             N_("delete to the end")) \
	X(KILL_START, "",             N_("delete to the start")) \
	X(NEXT_FIELD, N_("next field"), N_("next field")) \
	X(PREV_FIELD, "",             N_("previous field")) \
	X(SUBMIT,     N_("save"),     N_("save / accept")) \
	X(ABORT,      N_("cancel"),   N_("cancel without saving")) \
	X(SUBLIST,    N_("lists"),    N_("switch the sub-list or part shown (1-5)")) \
	X(LOG_VISIT,  N_("visit"),    N_("log a visit or call")) \
	X(ADD_CONTACT, N_("contact"), N_("add a contact person")) \
	X(CONVERT,    N_("convert"),  N_("convert the lead into a customer")) \
	X(STATUS,     N_("status"),   N_("change the status or stage")) \
	X(LOSE,       N_("lost"),     N_("mark the opportunity lost, with the reason")) \
	X(DONE,       N_("done"),     N_("mark done (a planned visit, a complaint)")) \
	X(FILTER,     N_("filter"),   N_("show open ones only, or all")) \
	X(ASOF,       N_("date"),     N_("show as of another date, or another period")) \
	X(APPROVE,    N_("approve"),  N_("approve the request; activate the contract")) \
	X(REJECT,     N_("reject"),   N_("reject the request")) \
	X(DISPUTE,    N_("dispute"),  N_("dispute: send to the GM, or mark an invoice disputed")) \
	X(RATE,       N_("rate"),     N_("rate the customer and store the rating")) \
	X(CREDIT_FILE, N_("file"),    N_("file financial statements and assessments")) \
	X(NOTE,       N_("log"),      N_("add a note to the execution log")) \
	X(INVOICE,    N_("invoice"),  N_("new invoice")) \
	X(PAYMENT,    N_("payment"),  N_("record a payment received")) \
	X(STATEMENT,  N_("statement"), N_("statement of account")) \
	X(CALL,       N_("call"),     N_("log a call and what came of it")) \
	X(PROMISE,    N_("promise"),  N_("log a promise to pay: amount and date")) \
	X(SENT,       N_("sent"),     N_("log that a statement of account was sent"))

enum tui_action {
#define TUI_X_ACT(id, hint, desc) TUI_ACT_##id,
	TUI_ACTION_LIST(TUI_X_ACT)
#undef TUI_X_ACT
	TUI_ACT_COUNT
};

/* A set of actions, for the ones a screen handles. */
typedef uint64_t tui_actset;
#define TUI_A(id) ((tui_actset)1 << TUI_ACT_##id)

/* Key maps: screens and lists, and text fields (line editor, forms, prompts). */
enum tui_keymap {
	TUI_KEYS_NAV,
	TUI_KEYS_EDIT,
};

/* Action bound to key in map, TUI_ACT_NONE if unbound. */
enum tui_action tui_keys_action(enum tui_keymap map, tui_key key);

/* Untranslated one-word hint and description of an action ("" if none). */
const char *tui_action_hint(enum tui_action act);
const char *tui_action_desc(enum tui_action act);

/*
 * Names of the keys bound to act in map, joined by ", " into buf
 * ("j, Down"). Returns the number of keys named (0: buf is "").
 */
int tui_keys_names(enum tui_keymap map, enum tui_action act, char *buf, size_t len);

/* Name of the first key bound to act in map, "" if none. Static. */
const char *tui_keys_first(enum tui_keymap map, enum tui_action act);

/*
 * Walk the bindings of map for the actions in set, in action order, calling
 * emit with the joined key names and the translated description. This is
 * what the help screen is made of.
 */
void tui_keys_help(enum tui_keymap map, tui_actset set,
		   void (*emit)(const char *keys, const char *desc, void *ctx),
		   void *ctx);

/* Readable name of any key, for "x: not available here" messages. */
void tui_key_describe(tui_key key, char *buf, size_t len);

#endif
