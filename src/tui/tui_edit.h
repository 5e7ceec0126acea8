/*
 * tui_edit.h - a one-line text editor for fields and prompts.
 *
 * Text is kept as wide characters so the cursor moves by character, while
 * positions on screen are counted in display cells: a Chinese character
 * moves the cursor two columns. Text wider than the field scrolls
 * horizontally to keep the cursor visible.
 */
#ifndef CREDO_TUI_EDIT_H
#define CREDO_TUI_EDIT_H

#include <stddef.h>
#include <wchar.h>

#include "tui_curses.h"
#include "tui_keys.h"

#define TUI_EDIT_MAX 256	/* characters; 4 bytes each at most in UTF-8 */

struct tui_edit {
	wchar_t buf[TUI_EDIT_MAX + 1];
	int len;		/* characters in buf */
	int cur;		/* cursor, as a character index 0..len */
	int scroll;		/* first display column shown */
	int max;		/* characters allowed, 1..TUI_EDIT_MAX */
};

/* Start editing utf8 (NULL = empty) with at most max characters (<= 0: TUI_EDIT_MAX). Cursor at the end. */
void tui_edit_set(struct tui_edit *e, const char *utf8, int max);

/*
 * Apply one key: typing, cursor movement and deletion (TUI_KEYS_EDIT).
 * Returns 1 if the key was an editing key (even one with no effect, such as
 * Left at the start), 0 if it is for the caller (Enter, Esc, Tab, ...).
 */
int tui_edit_key(struct tui_edit *e, tui_key key);

/* Display width of the text before the cursor, in cells. */
int tui_edit_cursor_col(const struct tui_edit *e);

/*
 * Draw the field at (y, x) of w, `cells` wide, in attr, scrolled so the
 * cursor shows. Returns the screen column of the cursor.
 */
int tui_edit_draw(struct tui_edit *e, WINDOW *w, int y, int x, int cells, attr_t attr);

/* The text as UTF-8 into buf (truncated at a character boundary to fit). Returns buf. */
char *tui_edit_text(const struct tui_edit *e, char *buf, size_t len);

#endif
