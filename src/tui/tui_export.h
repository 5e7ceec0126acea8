/*
 * tui_export.h - `x` on a list screen: what the list shows, as CSV.
 *
 * Every list screen exports through here, so every export has the same
 * shape: the column headings as on screen, one line per row of the whole
 * list (every page, not just the one shown, in the order shown, under the
 * search or filter in force), and the totals row when the screen has one.
 * Cells are written as the screen shows them, untruncated. The file is
 * UTF-8 CSV with CRLF line ends, written with libcsv's writer.
 */
#ifndef CREDO_TUI_EXPORT_H
#define CREDO_TUI_EXPORT_H

#include "tui_list.h"
#include "tui_view.h"

/*
 * Ask for a file name on the message line (default
 * ~/credo-SCREEN-YYYY-MM-DD.csv) and write l to it; footer (NULL: none)
 * is a totals row of l->ncols cells, copied now. The outcome (rows written,
 * or why not) goes to the message line. l must stay alive until the prompt
 * is answered, which it does: keys go to the prompt until then.
 */
void tui_export_list(struct tui *t, struct tui_list *l, const char *screen,
		     const char *const *footer);

/*
 * Write l (and footer) to path now, without asking. Returns the number of
 * rows written (the heading and footer not counted), or -1 with a sentence
 * in err.
 */
long tui_export_write(struct tui_list *l, const char *path, const char *const *footer,
		      char *err, size_t errlen);

#endif
