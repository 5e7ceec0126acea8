/*
 * tui_keys.c - the key table: every binding of the TUI, and the help text
 * generated from it.
 */
#include <stdio.h>
#include <string.h>

#include "tui_curses.h"
#include "tui_keys.h"
#include "tui_width.h"
#include "i18n.h"

struct tui_binding {
	enum tui_keymap map;
	tui_key key;
	enum tui_action act;
	const char *name;	/* as the help shows it; NULL hides a duplicate */
};

/*
 * Arrow keys and vi keys both work everywhere; the order of rows sets the
 * order key names appear in the help.
 */
static const struct tui_binding tui_bindings[] = {
	{ .map = TUI_KEYS_NAV, .key = 'k',                 .act = TUI_ACT_UP,       .name = "k" },
	{ .map = TUI_KEYS_NAV, .key = TUI_FN(KEY_UP),      .act = TUI_ACT_UP,       .name = "Up" },
	{ .map = TUI_KEYS_NAV, .key = 'j',                 .act = TUI_ACT_DOWN,     .name = "j" },
	{ .map = TUI_KEYS_NAV, .key = TUI_FN(KEY_DOWN),    .act = TUI_ACT_DOWN,     .name = "Down" },
	{ .map = TUI_KEYS_NAV, .key = TUI_FN(KEY_PPAGE),   .act = TUI_ACT_PGUP,     .name = "PgUp" },
	{ .map = TUI_KEYS_NAV, .key = TUI_CTRL('B'),       .act = TUI_ACT_PGUP,     .name = "Ctrl-B" },
	{ .map = TUI_KEYS_NAV, .key = TUI_FN(KEY_NPAGE),   .act = TUI_ACT_PGDN,     .name = "PgDn" },
	{ .map = TUI_KEYS_NAV, .key = TUI_CTRL('F'),       .act = TUI_ACT_PGDN,     .name = "Ctrl-F" },
	{ .map = TUI_KEYS_NAV, .key = ' ',                 .act = TUI_ACT_PGDN,     .name = "Space" },
	{ .map = TUI_KEYS_NAV, .key = 'g',                 .act = TUI_ACT_HOME,     .name = "g" },
	{ .map = TUI_KEYS_NAV, .key = TUI_FN(KEY_HOME),    .act = TUI_ACT_HOME,     .name = "Home" },
	{ .map = TUI_KEYS_NAV, .key = 'G',                 .act = TUI_ACT_END,      .name = "G" },
	{ .map = TUI_KEYS_NAV, .key = TUI_FN(KEY_END),     .act = TUI_ACT_END,      .name = "End" },
	{ .map = TUI_KEYS_NAV, .key = '\n',                .act = TUI_ACT_ENTER,    .name = "Enter" },
	{ .map = TUI_KEYS_NAV, .key = '\r',                .act = TUI_ACT_ENTER,    .name = NULL },
	{ .map = TUI_KEYS_NAV, .key = TUI_FN(KEY_ENTER),   .act = TUI_ACT_ENTER,    .name = NULL },
	{ .map = TUI_KEYS_NAV, .key = '/',                 .act = TUI_ACT_SEARCH,   .name = "/" },
	{ .map = TUI_KEYS_NAV, .key = 's',                 .act = TUI_ACT_SORT,     .name = "s" },
	{ .map = TUI_KEYS_NAV, .key = 'n',                 .act = TUI_ACT_NEW,      .name = "n" },
	{ .map = TUI_KEYS_NAV, .key = 'e',                 .act = TUI_ACT_EDIT,     .name = "e" },
	{ .map = TUI_KEYS_NAV, .key = 'x',                 .act = TUI_ACT_EXPORT,   .name = "x" },
	{ .map = TUI_KEYS_NAV, .key = '\t',                .act = TUI_ACT_NEXT_TAB, .name = "Tab" },
	{ .map = TUI_KEYS_NAV, .key = TUI_FN(KEY_BTAB),    .act = TUI_ACT_PREV_TAB, .name = "Shift-Tab" },
	{ .map = TUI_KEYS_NAV, .key = '?',                 .act = TUI_ACT_HELP,     .name = "?" },
	{ .map = TUI_KEYS_NAV, .key = TUI_FN(KEY_F(1)),    .act = TUI_ACT_HELP,     .name = "F1" },
	{ .map = TUI_KEYS_NAV, .key = TUI_KEY_ESC,         .act = TUI_ACT_CANCEL,   .name = "Esc" },
	{ .map = TUI_KEYS_NAV, .key = 'q',                 .act = TUI_ACT_BACK,     .name = "q" },
	{ .map = TUI_KEYS_NAV, .key = 'Q',                 .act = TUI_ACT_QUIT,     .name = "Q" },
	{ .map = TUI_KEYS_NAV, .key = TUI_CTRL('L'),       .act = TUI_ACT_REDRAW,   .name = "Ctrl-L" },
	/* Sales screens: one name for the digits keeps the help to one line. */
	{ .map = TUI_KEYS_NAV, .key = '1',                 .act = TUI_ACT_SUBLIST,  .name = "1-5" },
	{ .map = TUI_KEYS_NAV, .key = '2',                 .act = TUI_ACT_SUBLIST,  .name = NULL },
	{ .map = TUI_KEYS_NAV, .key = '3',                 .act = TUI_ACT_SUBLIST,  .name = NULL },
	{ .map = TUI_KEYS_NAV, .key = '4',                 .act = TUI_ACT_SUBLIST,  .name = NULL },
	{ .map = TUI_KEYS_NAV, .key = '5',                 .act = TUI_ACT_SUBLIST,  .name = NULL },
	{ .map = TUI_KEYS_NAV, .key = 'v',                 .act = TUI_ACT_LOG_VISIT, .name = "v" },
	{ .map = TUI_KEYS_NAV, .key = 'c',                 .act = TUI_ACT_ADD_CONTACT, .name = "c" },
	{ .map = TUI_KEYS_NAV, .key = 'C',                 .act = TUI_ACT_CONVERT,  .name = "C" },
	{ .map = TUI_KEYS_NAV, .key = 'S',                 .act = TUI_ACT_STATUS,   .name = "S" },
	{ .map = TUI_KEYS_NAV, .key = 'L',                 .act = TUI_ACT_LOSE,     .name = "L" },
	{ .map = TUI_KEYS_NAV, .key = 'd',                 .act = TUI_ACT_DONE,     .name = "d" },
	{ .map = TUI_KEYS_NAV, .key = 'f',                 .act = TUI_ACT_FILTER,   .name = "f" },
	/* Money, credit and collection screens. */
	{ .map = TUI_KEYS_NAV, .key = '@',                 .act = TUI_ACT_ASOF,        .name = "@" },
	{ .map = TUI_KEYS_NAV, .key = 'a',                 .act = TUI_ACT_APPROVE,     .name = "a" },
	{ .map = TUI_KEYS_NAV, .key = 'R',                 .act = TUI_ACT_REJECT,      .name = "R" },
	{ .map = TUI_KEYS_NAV, .key = 'D',                 .act = TUI_ACT_DISPUTE,     .name = "D" },
	{ .map = TUI_KEYS_NAV, .key = 'r',                 .act = TUI_ACT_RATE,        .name = "r" },
	{ .map = TUI_KEYS_NAV, .key = 'F',                 .act = TUI_ACT_CREDIT_FILE, .name = "F" },
	{ .map = TUI_KEYS_NAV, .key = 'l',                 .act = TUI_ACT_NOTE,        .name = "l" },
	{ .map = TUI_KEYS_NAV, .key = 'i',                 .act = TUI_ACT_INVOICE,     .name = "i" },
	{ .map = TUI_KEYS_NAV, .key = 'p',                 .act = TUI_ACT_PAYMENT,     .name = "p" },
	{ .map = TUI_KEYS_NAV, .key = 't',                 .act = TUI_ACT_STATEMENT,   .name = "t" },
	{ .map = TUI_KEYS_NAV, .key = 'o',                 .act = TUI_ACT_CALL,        .name = "o" },
	{ .map = TUI_KEYS_NAV, .key = 'P',                 .act = TUI_ACT_PROMISE,     .name = "P" },
	{ .map = TUI_KEYS_NAV, .key = 'T',                 .act = TUI_ACT_SENT,        .name = "T" },

	{ .map = TUI_KEYS_EDIT, .key = TUI_FN(KEY_LEFT),   .act = TUI_ACT_LEFT,       .name = "Left" },
	{ .map = TUI_KEYS_EDIT, .key = TUI_CTRL('B'),      .act = TUI_ACT_LEFT,       .name = "Ctrl-B" },
	{ .map = TUI_KEYS_EDIT, .key = TUI_FN(KEY_RIGHT),  .act = TUI_ACT_RIGHT,      .name = "Right" },
	{ .map = TUI_KEYS_EDIT, .key = TUI_CTRL('F'),      .act = TUI_ACT_RIGHT,      .name = "Ctrl-F" },
	{ .map = TUI_KEYS_EDIT, .key = TUI_FN(KEY_HOME),   .act = TUI_ACT_LINE_START, .name = "Home" },
	{ .map = TUI_KEYS_EDIT, .key = TUI_CTRL('A'),      .act = TUI_ACT_LINE_START, .name = "Ctrl-A" },
	{ .map = TUI_KEYS_EDIT, .key = TUI_FN(KEY_END),    .act = TUI_ACT_LINE_END,   .name = "End" },
	{ .map = TUI_KEYS_EDIT, .key = TUI_CTRL('E'),      .act = TUI_ACT_LINE_END,   .name = "Ctrl-E" },
	{ .map = TUI_KEYS_EDIT, .key = TUI_FN(KEY_BACKSPACE), .act = TUI_ACT_DEL_BACK, .name = "Backspace" },
	{ .map = TUI_KEYS_EDIT, .key = 127,                .act = TUI_ACT_DEL_BACK,   .name = NULL },
	{ .map = TUI_KEYS_EDIT, .key = TUI_CTRL('H'),      .act = TUI_ACT_DEL_BACK,   .name = NULL },
	{ .map = TUI_KEYS_EDIT, .key = TUI_FN(KEY_DC),     .act = TUI_ACT_DEL_FWD,    .name = "Delete" },
	{ .map = TUI_KEYS_EDIT, .key = TUI_CTRL('D'),      .act = TUI_ACT_DEL_FWD,    .name = "Ctrl-D" },
	{ .map = TUI_KEYS_EDIT, .key = TUI_CTRL('K'),      .act = TUI_ACT_KILL_END,   .name = "Ctrl-K" },
	{ .map = TUI_KEYS_EDIT, .key = TUI_CTRL('U'),      .act = TUI_ACT_KILL_START, .name = "Ctrl-U" },
	{ .map = TUI_KEYS_EDIT, .key = '\t',               .act = TUI_ACT_NEXT_FIELD, .name = "Tab" },
	{ .map = TUI_KEYS_EDIT, .key = TUI_FN(KEY_DOWN),   .act = TUI_ACT_NEXT_FIELD, .name = "Down" },
	{ .map = TUI_KEYS_EDIT, .key = TUI_FN(KEY_BTAB),   .act = TUI_ACT_PREV_FIELD, .name = "Shift-Tab" },
	{ .map = TUI_KEYS_EDIT, .key = TUI_FN(KEY_UP),     .act = TUI_ACT_PREV_FIELD, .name = "Up" },
	{ .map = TUI_KEYS_EDIT, .key = '\n',               .act = TUI_ACT_SUBMIT,     .name = "Enter" },
	{ .map = TUI_KEYS_EDIT, .key = '\r',               .act = TUI_ACT_SUBMIT,     .name = NULL },
	{ .map = TUI_KEYS_EDIT, .key = TUI_FN(KEY_ENTER),  .act = TUI_ACT_SUBMIT,     .name = NULL },
	{ .map = TUI_KEYS_EDIT, .key = TUI_KEY_ESC,        .act = TUI_ACT_ABORT,      .name = "Esc" },
};

#define TUI_NBINDINGS (sizeof tui_bindings / sizeof tui_bindings[0])

static const struct {
	const char *hint;
	const char *desc;
} tui_actions[TUI_ACT_COUNT] = {
#define TUI_X_ACT(id, h, d) [TUI_ACT_##id] = { .hint = h, .desc = d },
	TUI_ACTION_LIST(TUI_X_ACT)
#undef TUI_X_ACT
};

enum tui_action tui_keys_action(enum tui_keymap map, tui_key key)
{
	for (size_t i = 0; i < TUI_NBINDINGS; i++)
		if (tui_bindings[i].map == map && tui_bindings[i].key == key)
			return tui_bindings[i].act;
	return TUI_ACT_NONE;
}

const char *tui_action_hint(enum tui_action act)
{
	return (unsigned)act < TUI_ACT_COUNT ? tui_actions[act].hint : "";
}

const char *tui_action_desc(enum tui_action act)
{
	return (unsigned)act < TUI_ACT_COUNT ? tui_actions[act].desc : "";
}

int tui_keys_names(enum tui_keymap map, enum tui_action act, char *buf, size_t len)
{
	size_t used = 0;
	int n = 0;

	if (len == 0)
		return 0;
	buf[0] = '\0';
	for (size_t i = 0; i < TUI_NBINDINGS; i++) {
		const struct tui_binding *b = &tui_bindings[i];
		if (b->map != map || b->act != act || !b->name)
			continue;
		int w = snprintf(buf + used, len - used, "%s%s", n ? ", " : "", b->name);
		if (w < 0 || (size_t)w >= len - used)
			break;
		used += (size_t)w;
		n++;
	}
	return n;
}

const char *tui_keys_first(enum tui_keymap map, enum tui_action act)
{
	for (size_t i = 0; i < TUI_NBINDINGS; i++)
		if (tui_bindings[i].map == map && tui_bindings[i].act == act &&
		    tui_bindings[i].name)
			return tui_bindings[i].name;
	return "";
}

void tui_keys_help(enum tui_keymap map, tui_actset set,
		   void (*emit)(const char *keys, const char *desc, void *ctx),
		   void *ctx)
{
	char names[128];

	for (int a = 1; a < TUI_ACT_COUNT; a++) {
		if (!(set & ((tui_actset)1 << a)))
			continue;
		if (tui_keys_names(map, (enum tui_action)a, names, sizeof names) > 0)
			emit(names, gettext(tui_actions[a].desc), ctx);
	}
}

void tui_key_describe(tui_key key, char *buf, size_t len)
{
	for (size_t i = 0; i < TUI_NBINDINGS; i++)
		if (tui_bindings[i].key == key && tui_bindings[i].name) {
			snprintf(buf, len, "%s", tui_bindings[i].name);
			return;
		}
	if (key & TUI_KEY_FN) {
		const char *n = keyname(key & ~TUI_KEY_FN);
		snprintf(buf, len, "%s", n ? n : "?");
	} else if (key < 0x20 || key == 0x7f) {
		snprintf(buf, len, "Ctrl-%c", (char)((key ^ 0x40) & 0x7f));
	} else {
		char u[5];
		u[tui_utf8_put((wchar_t)key, u)] = '\0';
		snprintf(buf, len, "%s", u);
	}
}
