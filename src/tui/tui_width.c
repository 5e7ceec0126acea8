/*
 * tui_width.c - display widths, safe rendering and truncation of UTF-8 text.
 *
 * We decode UTF-8 ourselves instead of using mbrtowc(): the database is
 * UTF-8 whatever the locale says, and invalid bytes must become a visible
 * '?' rather than stop the decoder. wcwidth() then gives the cells, which
 * is what ncurses uses too, so our columns match what it draws.
 */
#include <stdlib.h>
#include <string.h>

#include "tui_width.h"

size_t tui_utf8_next(const char *s, size_t n, wchar_t *wc)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned long c;
	size_t len;

	if (n == 0 || u[0] == 0)
		return 0;
	if (u[0] < 0x80) {
		*wc = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		len = 2;
		c = u[0] & 0x1f;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		len = 3;
		c = u[0] & 0x0f;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		len = 4;
		c = u[0] & 0x07;
	} else {
		goto bad;
	}
	if (len > n)
		goto bad;
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are not text. */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		goto bad;
	*wc = (wchar_t)c;
	return len;
bad:
	*wc = 0xfffd;
	return 1;
}

size_t tui_utf8_put(wchar_t wc, char *buf)
{
	unsigned long c = (unsigned long)wc;

	if (c >= 0xd800 && c <= 0xdfff)
		c = 0xfffd;
	if (c < 0x80) {
		buf[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		buf[0] = (char)(0xc0 | (c >> 6));
		buf[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		buf[0] = (char)(0xe0 | (c >> 12));
		buf[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		buf[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	if (c > 0x10ffff)
		return tui_utf8_put(0xfffd, buf);
	buf[0] = (char)(0xf0 | (c >> 18));
	buf[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	buf[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	buf[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/*
 * Zero-width format characters that could reorder or hide text (bidi
 * overrides, joiners, BOM): dropped, so a name cannot disguise itself.
 */
static int tui_invisible(wchar_t wc)
{
	return (wc >= 0x200b && wc <= 0x200f) || (wc >= 0x202a && wc <= 0x202e) ||
	       (wc >= 0x2060 && wc <= 0x206f) || wc == 0xfeff ||
	       (wc >= 0xfff9 && wc <= 0xfffb);
}

/*
 * How one character is drawn: its stand-in characters in out[0..*n) and
 * the cells they take. Combining marks come back with 0 cells and n = 1;
 * the caller attaches them to the character before.
 */
static int tui_render(wchar_t wc, wchar_t out[2], int *n)
{
	if ((unsigned long)wc < 0x20 || wc == 0x7f) {
		out[0] = '^';
		out[1] = wc == 0x7f ? '?' : wc + 0x40;
		*n = 2;
		return 2;
	}
	if ((wc >= 0x80 && wc < 0xa0) || wc == 0xfffd)
		goto unprintable;
	if (tui_invisible(wc)) {
		*n = 0;
		return 0;
	}
	int w = wcwidth(wc);
	if (w < 0 || w > 2)
		goto unprintable;
	out[0] = wc;
	*n = 1;
	return w;
unprintable:
	out[0] = '?';
	*n = 1;
	return 1;
}

int tui_wc_cells(wchar_t wc)
{
	wchar_t tmp[2];
	int n;

	return tui_render(wc, tmp, &n);
}

int tui_wc_typable(wchar_t wc)
{
	wchar_t tmp[2];
	int n;

	if ((unsigned long)wc < 0x20 || wc == 0x7f || (wc >= 0x80 && wc < 0xa0) || wc == 0xfffd)
		return 0;
	/* Combining marks alone would leave the cursor between cells. */
	return tui_render(wc, tmp, &n) > 0;
}

static int tui_widthn(const char *s, size_t len)
{
	int cells = 0;
	wchar_t wc;
	size_t k;

	if (!s)
		return 0;
	while ((k = tui_utf8_next(s, len, &wc)) > 0) {
		cells += tui_wc_cells(wc);
		s += k;
		len -= k;
	}
	return cells;
}

int tui_width(const char *s)
{
	return s ? tui_widthn(s, strlen(s)) : 0;
}

/* Output buffer that silently stops at its end, always NUL-terminated. */
struct tui_wbuf {
	wchar_t *p;
	size_t n, used;
};

static void tui_wbuf_add(struct tui_wbuf *b, wchar_t c)
{
	if (b->used + 1 < b->n)
		b->p[b->used++] = c;
	b->p[b->used < b->n ? b->used : b->n - 1] = 0;
}

static void tui_wbuf_spaces(struct tui_wbuf *b, int cells)
{
	while (cells-- > 0)
		tui_wbuf_add(b, ' ');
}

int tui_fitn(const char *s, size_t len, int cells, int flags, wchar_t *out, size_t outn)
{
	struct tui_wbuf b = { .p = out, .n = outn, .used = 0 };
	int total, avail, skip, col = 0, shown = 0, base = 0;
	wchar_t wc, r[2];
	size_t k;

	if (outn == 0)
		return 0;
	out[0] = 0;
	if (cells <= 0)
		return 0;
	if (!s) {
		s = "";
		len = 0;
	}
	total = tui_widthn(s, len);
	int cut = total > cells;
	int mark = cut && (flags & TUI_FIT_MARK);
	avail = cells - mark;
	skip = cut && (flags & TUI_FIT_TAIL) ? total - avail : 0;

	if (!cut && (flags & TUI_FIT_RIGHT))
		tui_wbuf_spaces(&b, cells - total);
	if (mark && skip)
		tui_wbuf_add(&b, '~');

	while ((k = tui_utf8_next(s, len, &wc)) > 0) {
		int n, w = tui_render(wc, r, &n);
		s += k;
		len -= k;
		if (col < skip) {
			col += w;
			/* A wide character straddling the cut: show its visible half as blank. */
			if (col > skip) {
				tui_wbuf_spaces(&b, col - skip);
				shown += col - skip;
			}
			continue;
		}
		if (w == 0) {
			if (n && base)
				tui_wbuf_add(&b, r[0]);
			continue;
		}
		if (shown + w > avail)
			break;
		for (int i = 0; i < n; i++)
			tui_wbuf_add(&b, r[i]);
		shown += w;
		col += w;
		base = 1;
	}
	if (cut && !skip) {
		/* The mark sits right after the text; a half-filled wide cell becomes padding. */
		if (mark)
			tui_wbuf_add(&b, '~');
		tui_wbuf_spaces(&b, avail - shown);
	} else if (!(flags & TUI_FIT_RIGHT) || cut) {
		tui_wbuf_spaces(&b, avail - shown);
	}
	return shown;
}

int tui_fit(const char *s, int cells, int flags, wchar_t *out, size_t outn)
{
	return tui_fitn(s, s ? strlen(s) : 0, cells, flags, out, outn);
}

void tui_putn(WINDOW *w, int y, int x, const char *s, size_t len, int cells,
	      attr_t attr, int flags)
{
	wchar_t small[256], *buf = small;
	size_t need;

	if (cells <= 0)
		return;
	need = 3 * (size_t)cells + 1;
	if (need > sizeof small / sizeof small[0]) {
		buf = malloc(need * sizeof *buf);
		if (!buf)
			return;
	}
	tui_fitn(s, len, cells, flags, buf, need);
	wattr_set(w, attr, PAIR_NUMBER(attr), NULL);
	mvwaddnwstr(w, y, x, buf, -1);
	wattr_set(w, A_NORMAL, 0, NULL);
	if (buf != small)
		free(buf);
}

void tui_put(WINDOW *w, int y, int x, const char *s, int cells, attr_t attr, int flags)
{
	tui_putn(w, y, x, s, s ? strlen(s) : 0, cells, attr, flags);
}

size_t tui_wrap(const char *s, int cells, const char **next)
{
	const char *p = s, *space = NULL;
	int col = 0;
	wchar_t wc;
	size_t k;

	if (cells < 2)
		cells = 2;
	while ((k = tui_utf8_next(p, 4, &wc)) > 0) {
		if (wc == '\n') {
			*next = p + 1;
			return (size_t)(p - s);
		}
		int w = tui_wc_cells(wc);
		if (col + w > cells && p > s) {
			if (space) {
				*next = space + 1;
				return (size_t)(space - s);
			}
			*next = p;
			return (size_t)(p - s);
		}
		if (wc == ' ' && col >= cells / 2)
			space = p;
		col += w;
		p += k;
	}
	*next = p;
	return (size_t)(p - s);
}
