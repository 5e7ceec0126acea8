/*
 * view_help.c - the `?` screen, generated from the key table: the keys of
 * the screen it was opened from, the keys that work everywhere, and the
 * keys of text fields.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "i18n.h"

struct help_line {
	char *keys;		/* NULL: a heading */
	char *text;
};

struct help {
	struct help_line *lines;
	int n, cap;
	int failed;
	int top, page;
};

/* Actions whose meaning does not depend on the screen. */
#define HELP_GLOBAL (TUI_A(HELP) | TUI_A(NEXT_TAB) | TUI_A(PREV_TAB) | TUI_A(CANCEL) | \
		     TUI_A(BACK) | TUI_A(QUIT) | TUI_A(REDRAW))

static void help_add(struct help *h, const char *keys, const char *text)
{
	if (h->failed)
		return;
	if (h->n == h->cap) {
		int cap = h->cap ? 2 * h->cap : 32;
		struct help_line *l = realloc(h->lines, (size_t)cap * sizeof *l);
		if (!l) {
			h->failed = 1;
			return;
		}
		h->lines = l;
		h->cap = cap;
	}
	struct help_line *l = &h->lines[h->n];
	l->keys = keys ? strdup(keys) : NULL;
	l->text = strdup(text);
	if ((keys && !l->keys) || !l->text) {
		free(l->keys);
		free(l->text);
		h->failed = 1;
		return;
	}
	h->n++;
}

static void help_emit(const char *keys, const char *desc, void *ctx)
{
	help_add(ctx, keys, desc);
}

static void help_close(void *state)
{
	struct help *h = state;

	if (!h)
		return;
	for (int i = 0; i < h->n; i++) {
		free(h->lines[i].keys);
		free(h->lines[i].text);
	}
	free(h->lines);
	free(h);
}

static int help_open(struct tui *t, const void *arg, void **state)
{
	const struct tui_view_ops *under = arg;
	struct help *h = calloc(1, sizeof *h);
	tui_actset edit_all = 0;
	char head[256];

	if (!h) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	for (int a = TUI_ACT_LEFT; a <= TUI_ACT_ABORT; a++)
		edit_all |= (tui_actset)1 << a;

	if (under && under->keymap == TUI_KEYS_EDIT) {
		snprintf(head, sizeof head, _("Keys on this screen: %s"), gettext(under->title));
		help_add(h, NULL, head);
		tui_keys_help(TUI_KEYS_EDIT, edit_all, help_emit, h);
	} else {
		if (under && (under->actions & ~HELP_GLOBAL)) {
			snprintf(head, sizeof head, _("Keys on this screen: %s"), gettext(under->title));
			help_add(h, NULL, head);
			tui_keys_help(TUI_KEYS_NAV, under->actions & ~HELP_GLOBAL, help_emit, h);
			help_add(h, "", "");
		}
		help_add(h, NULL, _("Everywhere"));
		tui_keys_help(TUI_KEYS_NAV, HELP_GLOBAL, help_emit, h);
		help_add(h, "", "");
		help_add(h, NULL, _("In text fields, forms and the search prompt"));
		tui_keys_help(TUI_KEYS_EDIT, edit_all, help_emit, h);
	}
	if (h->failed) {
		help_close(h);
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	*state = h;
	return 0;
}

static void help_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct help *h = state;
	int kw = 0;

	(void)t;
	for (int i = 0; i < h->n; i++)
		if (h->lines[i].keys && tui_width(h->lines[i].keys) > kw)
			kw = tui_width(h->lines[i].keys);
	if (kw > r.w / 3)
		kw = r.w / 3;
	h->page = r.h;
	if (h->top > h->n - h->page)
		h->top = h->n - h->page > 0 ? h->n - h->page : 0;
	for (int y = 0; y < r.h && h->top + y < h->n; y++) {
		const struct help_line *l = &h->lines[h->top + y];
		if (!l->keys) {
			tui_put(stdscr, r.y + y, r.x + 1, l->text, r.w - 2,
				tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
			continue;
		}
		tui_put(stdscr, r.y + y, r.x + 3, l->keys, kw, tui_attr(TUI_S_LABEL), TUI_FIT_MARK);
		tui_put(stdscr, r.y + y, r.x + 5 + kw, l->text, r.w - kw - 6,
			tui_attr(TUI_S_NORMAL), TUI_FIT_MARK);
	}
	if (h->top > 0)
		tui_put(stdscr, r.y, r.x + r.w - 1, "^", 1, tui_attr(TUI_S_EMPHASIS), 0);
	if (h->top + h->page < h->n)
		tui_put(stdscr, r.y + r.h - 1, r.x + r.w - 1, "v", 1, tui_attr(TUI_S_EMPHASIS), 0);
}

static int help_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct help *h = state;
	int last = h->n - h->page > 0 ? h->n - h->page : 0;

	(void)t;
	(void)key;
	switch (act) {
	case TUI_ACT_UP:
		h->top -= h->top > 0;
		return TUI_DONE;
	case TUI_ACT_DOWN:
		h->top += h->top < last;
		return TUI_DONE;
	case TUI_ACT_PGUP:
		h->top = h->top - h->page > 0 ? h->top - h->page : 0;
		return TUI_DONE;
	case TUI_ACT_PGDN:
		h->top = h->top + h->page < last ? h->top + h->page : last;
		return TUI_DONE;
	case TUI_ACT_HOME:
		h->top = 0;
		return TUI_DONE;
	case TUI_ACT_END:
		h->top = last;
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

const struct tui_view_ops tui_view_help = {
	.name = "help",
	.title = N_("Help"),
	.actions = TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) |
		   TUI_A(END),
	.open = help_open,
	.draw = help_draw,
	.handle = help_handle,
	.close = help_close,
};
