/*
 * tui_list.h - a scrolling list with keyset pagination.
 *
 * The list never holds more than a screenful of rows (two, for a moment,
 * during Page Down). It asks its screen for rows through a fetch callback
 * with a cursor: "limit rows after (or before) this key". Keys are opaque
 * fixed-size blobs the screen makes from a row (for customers, a
 * credo_customer_key), so the list works for any table without knowing it.
 */
#ifndef CREDO_TUI_LIST_H
#define CREDO_TUI_LIST_H

#include <stddef.h>
#include <stdint.h>

#include "tui_curses.h"
#include "tui_keys.h"

#define TUI_LIST_MAXCOLS 16

/* A column: title (an N_() string) and width in display cells. */
struct tui_column {
	const char *title;
	int width;		/* cells it needs at least */
	int grow;		/* share of the spare width; 0: fixed */
	int right;		/* 1: align right (amounts) */
	int min_total;		/* shown only when the list is at least this wide; 0: always */
};

struct tui_list_row {
	int64_t id;		/* the record's id, for Enter */
	void *key;		/* cursor to continue from this row (keysize bytes) */
	char *cells[TUI_LIST_MAXCOLS];	/* UTF-8, owned by the row */
};

/* Rows being delivered by one fetch; see tui_list_add(). */
struct tui_list_batch;

/*
 * Deliver up to limit rows strictly after key (backward = 0) or strictly
 * before it (backward = 1; nearest first, as a reverse query gives them).
 * key NULL means from the start (forward) or from the end (backward).
 * Call tui_list_add() for each row. Return 0, or -1 after reporting the
 * error to the user.
 */
typedef int (*tui_list_fetch_fn)(void *ctx, const void *key, int backward,
				 int limit, struct tui_list_batch *batch);

/* Rows being streamed from a source without cursors; see tui_list_init_stream(). */
struct tui_list_stream;

/*
 * Stream every row of the source in display order, from the start, calling
 * tui_list_stream_row() for each and stopping as soon as it returns
 * non-zero. Return 0, or -1 after reporting the error to the user.
 */
typedef int (*tui_list_stream_fn)(void *ctx, struct tui_list_stream *s);

struct tui_list {
	const struct tui_column *cols;
	int ncols;
	size_t keysize;
	tui_list_fetch_fn fetch;
	void *ctx;

	struct tui_list_row *rows;	/* the window, in display order */
	int n, cap;
	int height;		/* rows per page (body minus the heading) */
	int sel;		/* selected index in rows */
	int at_start, at_end;	/* nothing before rows[0] / after rows[n-1] */
	int loaded;		/* first page fetched */

	/* Optional, set by tui_list_init_stream(): the source behind fetch. */
	tui_list_stream_fn stream;
	void *stream_ctx;
};

/*
 * Prepare l (no fetching yet: the first draw loads the first page, when the
 * height is known). cols must outlive l; ncols <= TUI_LIST_MAXCOLS.
 */
void tui_list_init(struct tui_list *l, const struct tui_column *cols, int ncols,
		   size_t keysize, tui_list_fetch_fn fetch, void *ctx);

/*
 * Prepare l for a source that can only be read in order from its start (a
 * core list call with a callback and no cursor). The list's keys are then
 * row positions: a page reads the rows before it, stops the stream after
 * its last row, and keeps no more than a page. Fine for the few dozen rows
 * of a customer's contacts; a long list should get a real cursor from the
 * core instead. The page stays correct while rows are only added at the end;
 * after other changes tui_list_reload() finds the selected row again by id
 * when it is still near its place.
 */
void tui_list_init_stream(struct tui_list *l, const struct tui_column *cols, int ncols,
			  tui_list_stream_fn stream, void *ctx);

/* Hand one row of a stream to the list: id and ncols cells. Non-zero: stop streaming. */
int tui_list_stream_row(struct tui_list_stream *s, int64_t id, const char *const *cells);

/* Free the rows; l may be reused after tui_list_init(). */
void tui_list_free(struct tui_list *l);

/*
 * Copy one row into the batch: id, ncols cells (NULL = "") and the key. The
 * strings need only live during the call. Returns 0, -1 on out of memory.
 */
int tui_list_add(struct tui_list_batch *b, int64_t id, const char *const *cells,
		 const void *key);

/* Forget the rows and load the first page (after a new search or sort). */
int tui_list_reset(struct tui_list *l);

/* Fetch the window again around where it is (after the data changed). */
int tui_list_reload(struct tui_list *l);

/* Show the row at key, selecting the one with id if it is there. */
int tui_list_goto(struct tui_list *l, const void *key, int64_t id);

/* Move for UP, DOWN, PGUP, PGDN, HOME and END; 1 if act was one of those. */
int tui_list_action(struct tui_list *l, enum tui_action act);

/* The selected row, or NULL when the list is empty. */
const struct tui_list_row *tui_list_selected(const struct tui_list *l);

/*
 * Call fn for every row of the list from its start, fetching a page at a
 * time through the list's fetch callback (the window on screen is left
 * alone): for exporting what the list shows. Stops when fn returns
 * non-zero. Returns 0, -1 when a fetch failed (already reported) or out of
 * memory.
 */
int tui_list_walk(struct tui_list *l, int (*fn)(const struct tui_list_row *r, void *ctx),
		  void *ctx);

/*
 * Draw one line of cells (a totals row) under the columns exactly as
 * tui_list_draw() lays them out for the same x and w.
 */
void tui_list_draw_cells(const struct tui_list *l, WINDOW *win, int y, int x, int w,
			 const char *const *cells, attr_t attr);

/*
 * Draw headings and rows into h lines and w cells at (y, x) of win,
 * loading or trimming rows to fit h first. empty is shown when there are
 * no rows.
 */
void tui_list_draw(struct tui_list *l, WINDOW *win, int y, int x, int h, int w,
		   const char *empty);

#endif
