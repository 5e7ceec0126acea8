/*
 * tui_list.c - the paged list widget.
 *
 * Every movement is expressed as "pull k rows in at one end, then trim the
 * other end back to a page", so the window never grows past a page for
 * long and each fetch reads only the rows it shows (plus one, to learn
 * whether the list goes on).
 */
#include <stdlib.h>
#include <string.h>

#include "tui_list.h"
#include "tui_theme.h"
#include "tui_width.h"
#include "i18n.h"

struct tui_list_batch {
	const struct tui_list *l;
	struct tui_list_row *rows;
	int n, cap;
	int failed;
};

void tui_list_init(struct tui_list *l, const struct tui_column *cols, int ncols,
		   size_t keysize, tui_list_fetch_fn fetch, void *ctx)
{
	*l = (struct tui_list){
		.cols = cols,
		.ncols = ncols < TUI_LIST_MAXCOLS ? ncols : TUI_LIST_MAXCOLS,
		.keysize = keysize,
		.fetch = fetch,
		.ctx = ctx,
		.at_start = 1,
	};
}

/* One allocation per row: the key, then the cell strings. */
static void tui_row_free(struct tui_list_row *r)
{
	free(r->key);
	r->key = NULL;
}

static void tui_list_clear(struct tui_list *l)
{
	for (int i = 0; i < l->n; i++)
		tui_row_free(&l->rows[i]);
	l->n = 0;
	l->sel = 0;
}

void tui_list_free(struct tui_list *l)
{
	tui_list_clear(l);
	free(l->rows);
	l->rows = NULL;
	l->cap = 0;
}

int tui_list_add(struct tui_list_batch *b, int64_t id, const char *const *cells,
		 const void *key)
{
	const struct tui_list *l = b->l;
	size_t len[TUI_LIST_MAXCOLS], total = l->keysize;
	struct tui_list_row r = { .id = id };
	char *mem;

	if (b->failed)
		return -1;
	for (int c = 0; c < l->ncols; c++) {
		len[c] = cells[c] ? strlen(cells[c]) : 0;
		total += len[c] + 1;
	}
	if (b->n == b->cap) {
		int cap = b->cap ? 2 * b->cap : 16;
		struct tui_list_row *rows = realloc(b->rows, (size_t)cap * sizeof *rows);
		if (!rows)
			goto nomem;
		b->rows = rows;
		b->cap = cap;
	}
	mem = malloc(total);
	if (!mem)
		goto nomem;
	r.key = mem;
	memcpy(mem, key, l->keysize);
	mem += l->keysize;
	for (int c = 0; c < l->ncols; c++) {
		r.cells[c] = mem;
		if (len[c])
			memcpy(mem, cells[c], len[c]);
		mem[len[c]] = '\0';
		mem += len[c] + 1;
	}
	b->rows[b->n++] = r;
	return 0;
nomem:
	b->failed = 1;
	return -1;
}

static void tui_batch_free(struct tui_list_batch *b)
{
	for (int i = 0; i < b->n; i++)
		tui_row_free(&b->rows[i]);
	free(b->rows);
}

static int tui_list_reserve(struct tui_list *l, int n)
{
	if (n <= l->cap)
		return 0;
	struct tui_list_row *rows = realloc(l->rows, (size_t)n * sizeof *rows);
	if (!rows)
		return -1;
	l->rows = rows;
	l->cap = n;
	return 0;
}

/*
 * Fetch up to limit rows next to anchor and insert them at the back
 * (forward) or the front (backward) of the window. Asks for one row more
 * than it keeps, to know whether that end of the list was reached.
 * Returns the rows inserted, -1 on failure (window unchanged).
 */
static int tui_list_pull(struct tui_list *l, const void *anchor, int backward, int limit)
{
	struct tui_list_batch b = { .l = l };
	int got, keep;

	if (limit <= 0)
		return 0;
	if (l->fetch(l->ctx, anchor, backward, limit + 1, &b) != 0 || b.failed ||
	    tui_list_reserve(l, l->n + limit) != 0) {
		tui_batch_free(&b);
		return -1;
	}
	got = b.n;
	keep = got < limit ? got : limit;
	if (backward) {
		/* b holds nearest first: the kept ones go in front, farthest first. */
		if (keep > 0 && l->n > 0)
			memmove(l->rows + keep, l->rows, (size_t)l->n * sizeof *l->rows);
		for (int i = 0; i < keep; i++)
			l->rows[keep - 1 - i] = b.rows[i];
		l->sel += keep;
		l->at_start = got <= limit;
	} else {
		if (keep > 0)
			memcpy(l->rows + l->n, b.rows, (size_t)keep * sizeof *l->rows);
		l->at_end = got <= limit;
	}
	l->n += keep;
	for (int i = keep; i < got; i++)
		tui_row_free(&b.rows[i]);
	free(b.rows);
	return keep;
}

static int tui_list_append(struct tui_list *l, int limit)
{
	return tui_list_pull(l, l->n ? l->rows[l->n - 1].key : NULL, 0, limit);
}

static int tui_list_prepend(struct tui_list *l, int limit)
{
	return tui_list_pull(l, l->n ? l->rows[0].key : NULL, 1, limit);
}

static void tui_list_drop_front(struct tui_list *l, int k)
{
	if (k <= 0)
		return;
	for (int i = 0; i < k; i++)
		tui_row_free(&l->rows[i]);
	memmove(l->rows, l->rows + k, (size_t)(l->n - k) * sizeof *l->rows);
	l->n -= k;
	l->sel = l->sel >= k ? l->sel - k : 0;
	l->at_start = 0;
}

static void tui_list_drop_back(struct tui_list *l, int k)
{
	if (k <= 0)
		return;
	for (int i = l->n - k; i < l->n; i++)
		tui_row_free(&l->rows[i]);
	l->n -= k;
	if (l->sel >= l->n)
		l->sel = l->n > 0 ? l->n - 1 : 0;
	l->at_end = 0;
}

/* Cut the window to a page, keeping the selection in it. */
static void tui_list_trim(struct tui_list *l, int front_first)
{
	int over = l->n - l->height;

	if (over <= 0)
		return;
	if (front_first) {
		int k = over < l->sel ? over : l->sel;
		tui_list_drop_front(l, k);
		tui_list_drop_back(l, l->n - l->height);
	} else {
		int k = l->n - 1 - l->sel;
		if (k > over)
			k = over;
		tui_list_drop_back(l, k);
		tui_list_drop_front(l, l->n - l->height);
	}
}

/* Top the window up to a page from whichever end has more rows. */
static int tui_list_fill(struct tui_list *l)
{
	if (l->n < l->height && !l->at_end && tui_list_append(l, l->height - l->n) < 0)
		return -1;
	if (l->n < l->height && !l->at_start && tui_list_prepend(l, l->height - l->n) < 0)
		return -1;
	return 0;
}

int tui_list_reset(struct tui_list *l)
{
	tui_list_clear(l);
	l->at_start = 1;
	l->at_end = 0;
	l->loaded = 1;
	if (l->height <= 0)
		return 0;
	return tui_list_fill(l);
}

static int tui_list_end(struct tui_list *l)
{
	tui_list_clear(l);
	l->at_start = 0;
	l->at_end = 1;
	if (tui_list_fill(l) < 0)
		return -1;
	l->sel = l->n > 0 ? l->n - 1 : 0;
	return 0;
}

int tui_list_goto(struct tui_list *l, const void *key, int64_t id)
{
	int before = l->height > 2 ? (l->height - 1) / 2 : 1, rc = 0;

	tui_list_clear(l);
	l->loaded = 1;
	l->at_start = 0;
	l->at_end = 0;
	/*
	 * Keys are exclusive, so reach the target from the rows before it:
	 * pull those, then the target and what follows.
	 */
	if (tui_list_pull(l, key, 1, before) < 0)
		rc = -1;
	if (l->n == 0)
		l->at_start = 1;
	if (rc == 0 && tui_list_append(l, l->height - l->n > 1 ? l->height - l->n : 1) < 0)
		rc = -1;
	l->sel = 0;
	for (int i = 0; i < l->n; i++)
		if (l->rows[i].id == id)
			l->sel = i;
	tui_list_trim(l, 1);
	if (rc == 0 && tui_list_fill(l) < 0)
		rc = -1;
	return rc;
}

int tui_list_reload(struct tui_list *l)
{
	int sel = l->sel;
	void *key;

	if (!l->loaded || l->n == 0)
		return tui_list_reset(l);
	key = malloc(l->keysize);
	if (!key)
		return -1;
	memcpy(key, l->rows[0].key, l->keysize);
	int64_t id = l->rows[0].id;
	int rc = tui_list_goto(l, key, id);
	free(key);
	/* goto centred the old first row; put it back at the top. */
	for (int i = 0; i < l->n; i++)
		if (l->rows[i].id == id) {
			tui_list_drop_front(l, i);
			break;
		}
	if (rc == 0 && tui_list_fill(l) < 0)
		rc = -1;
	l->sel = sel < l->n ? sel : (l->n > 0 ? l->n - 1 : 0);
	return rc;
}

/* Adapt to a new page height, fetching the first page on first use. */
static void tui_list_set_height(struct tui_list *l, int h)
{
	if (h < 1)
		h = 1;
	if (h == l->height && l->loaded)
		return;
	l->height = h;
	if (!l->loaded) {
		tui_list_reset(l);
		return;
	}
	tui_list_trim(l, 0);
	tui_list_fill(l);
}

int tui_list_action(struct tui_list *l, enum tui_action act)
{
	int h = l->height;

	switch (act) {
	case TUI_ACT_DOWN:
		if (l->sel < l->n - 1) {
			l->sel++;
		} else if (!l->at_end && tui_list_append(l, 1) > 0) {
			l->sel++;
			tui_list_trim(l, 1);
		}
		return 1;
	case TUI_ACT_UP:
		if (l->sel > 0) {
			l->sel--;
		} else if (!l->at_start && tui_list_prepend(l, 1) > 0) {
			l->sel--;
			tui_list_trim(l, 0);
		}
		return 1;
	case TUI_ACT_PGDN:
		if (!l->at_end && tui_list_append(l, h) > 0) {
			/* Keep the selection's place on the page when a whole page follows. */
			l->sel = l->sel + h < l->n ? l->sel + h : l->n - 1;
			tui_list_trim(l, 1);
		} else {
			l->sel = l->n > 0 ? l->n - 1 : 0;
		}
		return 1;
	case TUI_ACT_PGUP:
		if (!l->at_start && tui_list_prepend(l, h) > 0) {
			l->sel = l->sel - h > 0 ? l->sel - h : 0;
			tui_list_trim(l, 0);
		} else {
			l->sel = 0;
		}
		return 1;
	case TUI_ACT_HOME:
		if (l->at_start)
			l->sel = 0;
		else
			tui_list_reset(l);
		return 1;
	case TUI_ACT_END:
		if (l->at_end)
			l->sel = l->n > 0 ? l->n - 1 : 0;
		else
			tui_list_end(l);
		return 1;
	default:
		return 0;
	}
}

/* ---- sources without cursors: positions as keys ---- */

struct tui_list_stream {
	struct tui_list_batch *batch;
	int64_t pos;		/* position of the next row streamed */
	int64_t from, to;	/* keep rows with from <= pos < to; to < 0: no end */
	int ring;		/* keep only the last `limit` rows (backward from the end) */
	int limit;
	int failed;
};

int tui_list_stream_row(struct tui_list_stream *s, int64_t id, const char *const *cells)
{
	int64_t pos = s->pos++;
	struct tui_list_batch *b = s->batch;

	if (pos < s->from)
		return 0;
	if (s->to >= 0 && pos >= s->to)
		return 1;
	if (tui_list_add(b, id, cells, &pos) != 0) {
		s->failed = 1;
		return 1;
	}
	if (s->ring && b->n > s->limit) {
		tui_row_free(&b->rows[0]);
		memmove(b->rows, b->rows + 1, (size_t)(b->n - 1) * sizeof *b->rows);
		b->n--;
	}
	if (s->to >= 0 && s->pos >= s->to)
		return 1;
	return !s->ring && b->n >= s->limit;
}

static int tui_list_stream_fetch(void *ctx, const void *key, int backward, int limit,
				 struct tui_list_batch *batch)
{
	struct tui_list *l = ctx;
	struct tui_list_stream s = { .batch = batch, .limit = limit, .to = -1 };
	int64_t at = 0;

	if (key)
		memcpy(&at, key, sizeof at);
	if (!backward) {
		s.from = key ? at + 1 : 0;
	} else if (key) {
		s.from = at - limit > 0 ? at - limit : 0;
		s.to = at;
	} else {
		s.ring = 1;
	}
	if (l->stream(l->stream_ctx, &s) != 0 || s.failed)
		return -1;
	if (backward) {
		/* Streamed in display order; a backward batch is nearest first. */
		for (int i = 0, j = batch->n - 1; i < j; i++, j--) {
			struct tui_list_row r = batch->rows[i];
			batch->rows[i] = batch->rows[j];
			batch->rows[j] = r;
		}
	}
	return 0;
}

void tui_list_init_stream(struct tui_list *l, const struct tui_column *cols, int ncols,
			  tui_list_stream_fn stream, void *ctx)
{
	tui_list_init(l, cols, ncols, sizeof(int64_t), tui_list_stream_fetch, l);
	l->stream = stream;
	l->stream_ctx = ctx;
}

const struct tui_list_row *tui_list_selected(const struct tui_list *l)
{
	return l->n > 0 ? &l->rows[l->sel] : NULL;
}

/* Column widths for w cells: minimums, spare shared by grow weights, overflow cut from the right. */
static void tui_list_widths(const struct tui_list *l, int w, int *out)
{
	int need = l->ncols > 0 ? l->ncols - 1 : 0, weights = 0;

	for (int c = 0; c < l->ncols; c++) {
		if (l->cols[c].min_total > w) {
			out[c] = 0;	/* extra column for wide terminals only */
			need--;
			continue;
		}
		out[c] = l->cols[c].width;
		need += out[c];
		weights += l->cols[c].grow;
	}
	int spare = w - need;
	if (spare > 0 && weights > 0) {
		int left = spare;
		for (int c = 0; c < l->ncols; c++) {
			if (!out[c])
				continue;
			int add = spare * l->cols[c].grow / weights;
			out[c] += add;
			left -= add;
		}
		for (int c = 0; c < l->ncols && left > 0; c++)
			if (l->cols[c].grow && out[c]) {
				out[c] += left;
				left = 0;
			}
	}
	for (int c = l->ncols - 1; c >= 0 && spare < 0; c--) {
		if (l->cols[c].min_total > w)
			continue;	/* hidden: it has no cells and no separator to give */
		int cut = -spare < out[c] + 1 ? -spare : out[c] + 1;
		out[c] -= cut;
		spare += cut;
		if (out[c] < 0)
			out[c] = 0;
	}
}

static void tui_list_line(const struct tui_list *l, WINDOW *win, int y, int x, int w,
			  const int *widths, const char *const *cells, attr_t attr,
			  int translate)
{
	int col = x;

	tui_put(win, y, x, "", w, attr, 0);
	for (int c = 0; c < l->ncols && col < x + w; c++) {
		if (widths[c] <= 0)
			continue;
		const char *s = cells[c] ? cells[c] : "";
		if (translate && *s)
			s = tui_tr(s);
		tui_put(win, y, col, s, widths[c], attr,
			TUI_FIT_MARK | (l->cols[c].right ? TUI_FIT_RIGHT : 0));
		col += widths[c] + 1;
	}
}

void tui_list_draw(struct tui_list *l, WINDOW *win, int y, int x, int h, int w,
		   const char *empty)
{
	int widths[TUI_LIST_MAXCOLS];
	const char *titles[TUI_LIST_MAXCOLS];

	if (h < 2 || w < 4)
		return;
	tui_list_set_height(l, h - 1);
	/* The last cell of each line is the scroll gutter: ^ and v say there is more. */
	tui_list_widths(l, w - 1, widths);
	for (int c = 0; c < l->ncols; c++)
		titles[c] = l->cols[c].title;
	tui_list_line(l, win, y, x, w, widths, titles, tui_attr(TUI_S_HEADER), 1);
	if (l->n == 0 && empty)
		tui_put(win, y + 1, x + 1, empty, w - 2, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	for (int i = 0; i < l->n && i < h - 1; i++)
		tui_list_line(l, win, y + 1 + i, x, w - 1, widths,
			      (const char *const *)l->rows[i].cells,
			      tui_attr(i == l->sel ? TUI_S_SELECTED : TUI_S_NORMAL), 0);
	if (!l->at_start && l->n > 0)
		tui_put(win, y + 1, x + w - 1, "^", 1, tui_attr(TUI_S_EMPHASIS), 0);
	if (!l->at_end && l->n > 0)
		tui_put(win, y + (l->n < h - 1 ? l->n : h - 1), x + w - 1, "v", 1,
			tui_attr(TUI_S_EMPHASIS), 0);
}

/* ---- walking every row, for export ---- */

int tui_list_walk(struct tui_list *l, int (*fn)(const struct tui_list_row *r, void *ctx),
		  void *ctx)
{
	enum { CHUNK = 256 };
	void *key = NULL;
	int rc = 0, more = 1;

	if (l->keysize && !(key = malloc(l->keysize)))
		return -1;
	for (int first = 1; more && rc == 0; first = 0) {
		struct tui_list_batch b = { .l = l };
		if (l->fetch(l->ctx, first ? NULL : key, 0, CHUNK, &b) != 0 || b.failed) {
			tui_batch_free(&b);
			rc = -1;
			break;
		}
		more = b.n >= CHUNK;
		for (int i = 0; i < b.n && rc == 0; i++)
			if (fn(&b.rows[i], ctx) != 0) {
				more = 0;
				break;
			}
		if (b.n > 0)
			memcpy(key, b.rows[b.n - 1].key, l->keysize);
		tui_batch_free(&b);
	}
	free(key);
	return rc;
}

void tui_list_draw_cells(const struct tui_list *l, WINDOW *win, int y, int x, int w,
			 const char *const *cells, attr_t attr)
{
	int widths[TUI_LIST_MAXCOLS];

	if (w < 4)
		return;
	tui_list_widths(l, w - 1, widths);
	tui_list_line(l, win, y, x, w - 1, widths, cells, attr, 0);
}
