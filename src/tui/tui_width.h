/*
 * tui_width.h - the display-width layer.
 *
 * All text reaches the screen through here. Widths are terminal cells as
 * wcwidth() counts them (a Chinese character is 2), never bytes, and a wide
 * character is never split: where half of one would fit, a space is drawn.
 * Control characters (ESC of an ANSI sequence included) and invalid UTF-8
 * are drawn as visible stand-ins ("^[", "?"), so text from the database can
 * never drive the terminal.
 */
#ifndef CREDO_TUI_WIDTH_H
#define CREDO_TUI_WIDTH_H

#include <stddef.h>
#include <wchar.h>

#include "tui_curses.h"

/*
 * Decode one UTF-8 sequence from s (at most n bytes). Stores the code point
 * in *wc, or U+FFFD for an invalid, overlong, truncated or surrogate
 * sequence (consuming one byte, so decoding resynchronises). Returns the
 * bytes consumed; 0 at a NUL byte or when n is 0.
 */
size_t tui_utf8_next(const char *s, size_t n, wchar_t *wc);

/* Encode wc as UTF-8 into buf (room for 4 bytes); returns the length. */
size_t tui_utf8_put(wchar_t wc, char *buf);

/*
 * Cells wc takes as this layer draws it: 2 for a wide character or a
 * control shown as "^X", 1 for an ordinary or unprintable one (shown as
 * "?"), 0 for a combining mark or an invisible format character.
 */
int tui_wc_cells(wchar_t wc);

/* 1 if wc may be typed into a text field (drawn as itself, not a stand-in). */
int tui_wc_typable(wchar_t wc);

/* Display width of a UTF-8 string in cells. NULL counts as "". */
int tui_width(const char *s);

enum tui_fit_flags {
	TUI_FIT_RIGHT = 1 << 0,	/* align right (pad on the left) */
	TUI_FIT_MARK = 1 << 1,	/* show '~' where text was cut */
	TUI_FIT_TAIL = 1 << 2,	/* cut from the start, keep the end (paths) */
};

/*
 * Render UTF-8 s as exactly `cells` cells of wide characters into out
 * (outn wchar_t including the NUL): sanitised, truncated without splitting
 * a wide character, padded with spaces. Returns the cells of s that were
 * shown (excluding padding). out must hold 3 * cells + 1 to be safe when
 * combining marks are present; less just drops marks.
 */
int tui_fit(const char *s, int cells, int flags, wchar_t *out, size_t outn);

/* tui_fit() for the first len bytes of s only. */
int tui_fitn(const char *s, size_t len, int cells, int flags, wchar_t *out, size_t outn);

/*
 * Draw s at (y, x) of w exactly `cells` cells wide in attribute attr, as
 * tui_fit() renders it. Nothing is drawn for cells <= 0.
 */
void tui_put(WINDOW *w, int y, int x, const char *s, int cells, attr_t attr, int flags);

/* tui_put() for the first len bytes of s only. */
void tui_putn(WINDOW *w, int y, int x, const char *s, size_t len, int cells,
	      attr_t attr, int flags);

/*
 * Split off the first line of s for wrapping at `cells` cells: returns the
 * number of bytes of s that make the line, preferring to break at a space
 * in the second half of the line (the space is dropped). A '\n' ends a line
 * early and is consumed. *next receives where the next line starts and is
 * always past s unless *s is '\0', so `while (*p)` loops terminate.
 */
size_t tui_wrap(const char *s, int cells, const char **next);

#endif
