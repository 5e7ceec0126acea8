/*
 * text.h - UTF-8 text measured in terminal cells.
 *
 * Chinese characters take two cells, so column widths are computed in cells,
 * not bytes. Needs setlocale(LC_ALL, "") with a UTF-8 locale for wcwidth.
 */
#ifndef CREDO_TEXT_H
#define CREDO_TEXT_H

#include <stddef.h>

/* Cells that s takes on a terminal; control and invalid bytes count as one cell each. */
int credo_text_width(const char *s);

/*
 * Copy into buf (size len) the longest prefix of s that fits in cells
 * without splitting a character, then pad with spaces to exactly cells when
 * pad is set. Control characters (ESC included) are written as '?', so text
 * from the database can never drive the terminal. Returns the cells used.
 */
int credo_text_fit(const char *s, int cells, int pad, char *buf, size_t len);

#endif
