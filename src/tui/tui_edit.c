/*
 * tui_edit.c - the line editor: wide-character buffer, cursor in cells,
 * horizontal scrolling.
 */
#include <string.h>

#include "tui_edit.h"
#include "tui_width.h"

void tui_edit_set(struct tui_edit *e, const char *utf8, int max)
{
	size_t n = utf8 ? strlen(utf8) : 0, k;
	wchar_t wc;

	e->max = max > 0 && max <= TUI_EDIT_MAX ? max : TUI_EDIT_MAX;
	e->len = 0;
	while (utf8 && e->len < e->max && (k = tui_utf8_next(utf8, n, &wc)) > 0) {
		utf8 += k;
		n -= k;
		/* Keep the buffer drawable as-is: controls become blanks, marks go. */
		if (!tui_wc_typable(wc)) {
			if (tui_wc_cells(wc) == 0)
				continue;
			wc = ' ';
		}
		e->buf[e->len++] = wc;
	}
	e->buf[e->len] = 0;
	e->cur = e->len;
	e->scroll = 0;
}

static int tui_edit_cells(const struct tui_edit *e, int from, int to)
{
	int cells = 0;

	for (int i = from; i < to; i++)
		cells += tui_wc_cells(e->buf[i]);
	return cells;
}

int tui_edit_cursor_col(const struct tui_edit *e)
{
	return tui_edit_cells(e, 0, e->cur);
}

static void tui_edit_delete(struct tui_edit *e, int from, int to)
{
	if (from >= to)
		return;
	memmove(e->buf + from, e->buf + to, (size_t)(e->len - to + 1) * sizeof e->buf[0]);
	e->len -= to - from;
	if (e->cur > to)
		e->cur -= to - from;
	else if (e->cur > from)
		e->cur = from;
}

int tui_edit_key(struct tui_edit *e, tui_key key)
{
	switch (tui_keys_action(TUI_KEYS_EDIT, key)) {
	case TUI_ACT_LEFT:
		if (e->cur > 0)
			e->cur--;
		return 1;
	case TUI_ACT_RIGHT:
		if (e->cur < e->len)
			e->cur++;
		return 1;
	case TUI_ACT_LINE_START:
		e->cur = 0;
		return 1;
	case TUI_ACT_LINE_END:
		e->cur = e->len;
		return 1;
	case TUI_ACT_DEL_BACK:
		if (e->cur > 0)
			tui_edit_delete(e, e->cur - 1, e->cur);
		return 1;
	case TUI_ACT_DEL_FWD:
		tui_edit_delete(e, e->cur, e->cur < e->len ? e->cur + 1 : e->cur);
		return 1;
	case TUI_ACT_KILL_END:
		tui_edit_delete(e, e->cur, e->len);
		return 1;
	case TUI_ACT_KILL_START:
		tui_edit_delete(e, 0, e->cur);
		return 1;
	case TUI_ACT_NONE:
		break;
	default:
		return 0;	/* Enter, Esc, Tab...: the form's or prompt's business */
	}
	if ((key & TUI_KEY_FN) || !tui_wc_typable((wchar_t)key))
		return 0;
	if (e->len >= e->max) {
		beep();
		return 1;
	}
	memmove(e->buf + e->cur + 1, e->buf + e->cur,
		(size_t)(e->len - e->cur + 1) * sizeof e->buf[0]);
	e->buf[e->cur++] = (wchar_t)key;
	e->len++;
	return 1;
}

int tui_edit_draw(struct tui_edit *e, WINDOW *w, int y, int x, int cells, attr_t attr)
{
	wchar_t out[2 * TUI_EDIT_MAX + 2];
	size_t o = 0;
	int cc, total, col = 0, shown = 0;

	if (cells <= 0)
		return x;
	cc = tui_edit_cursor_col(e);
	total = tui_edit_cells(e, 0, e->len);
	/* The cursor needs a cell of its own after the last character. */
	if (cc < e->scroll)
		e->scroll = cc;
	if (cc > e->scroll + cells - 1)
		e->scroll = cc - cells + 1;
	if (e->scroll > 0 && total - e->scroll < cells - 1)
		e->scroll = total - cells + 1 > 0 ? total - cells + 1 : 0;

	for (int i = 0; i < e->len && o + 2 < sizeof out / sizeof out[0]; i++) {
		int cw = tui_wc_cells(e->buf[i]);
		if (col < e->scroll) {
			col += cw;
			/* Half a wide character at the left edge shows as a blank. */
			for (; col > e->scroll && shown < col - e->scroll; shown++)
				out[o++] = ' ';
			continue;
		}
		if (shown + cw > cells)
			break;
		out[o++] = e->buf[i];
		shown += cw;
		col += cw;
	}
	while (shown < cells && o + 1 < sizeof out / sizeof out[0]) {
		out[o++] = ' ';
		shown++;
	}
	out[o] = 0;
	wattr_set(w, attr, PAIR_NUMBER(attr), NULL);
	mvwaddnwstr(w, y, x, out, -1);
	wattr_set(w, A_NORMAL, 0, NULL);
	return x + cc - e->scroll;
}

char *tui_edit_text(const struct tui_edit *e, char *buf, size_t len)
{
	size_t used = 0;
	char u[4];

	if (len == 0)
		return buf;
	for (int i = 0; i < e->len; i++) {
		size_t k = tui_utf8_put(e->buf[i], u);
		if (used + k + 1 > len)
			break;
		memcpy(buf + used, u, k);
		used += k;
	}
	buf[used] = '\0';
	return buf;
}
