/* text.c - display width of UTF-8 text. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "credo/text.h"

/* Decode one character; on a bad byte return 1 byte and wc = -1. */
static size_t next_char(const char *s, wchar_t *wc)
{
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	size_t n = mbrtowc(wc, s, MB_CUR_MAX, &ps);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*wc = (wchar_t)-1;
		return 1;
	}
	return n;
}

static int char_cells(wchar_t wc)
{
	if (wc == (wchar_t)-1)
		return 1;
	int w = wcwidth(wc);
	return w < 0 ? 1 : w;	/* controls are shown as one '?' */
}

int credo_text_width(const char *s)
{
	int w = 0;
	while (s && *s) {
		wchar_t wc;
		s += next_char(s, &wc);
		w += char_cells(wc);
	}
	return w;
}

int credo_text_fit(const char *s, int cells, int pad, char *buf, size_t len)
{
	size_t o = 0;
	int used = 0;
	if (!buf || len == 0)
		return 0;
	while (s && *s) {
		wchar_t wc;
		size_t n = next_char(s, &wc);
		int w = char_cells(wc);
		if (used + w > cells)
			break;
		int safe = wc != (wchar_t)-1 && wcwidth(wc) >= 0;
		size_t need = safe ? n : 1;
		if (o + need + 1 > len)
			break;
		if (safe)
			memcpy(buf + o, s, n);
		else
			buf[o] = '?';
		o += need;
		used += w;
		s += n;
	}
	while (pad && used < cells && o + 2 <= len) {
		buf[o++] = ' ';
		used++;
	}
	buf[o] = '\0';
	return used;
}
