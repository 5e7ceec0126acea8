/*
 * tui_form.c - form layout, focus movement and validation on leave.
 */
#include <stdio.h>
#include <string.h>

#include "tui_form.h"
#include "tui_theme.h"
#include "tui_width.h"
#include "i18n.h"

/* Select choice k of a choice field; its value becomes the text. */
static void tui_choice_set(struct tui_field *fl, int k)
{
	fl->choice = k;
	tui_edit_set(&fl->edit, fl->choices[k], 0);
}

static int tui_choice_count(const struct tui_field *fl)
{
	int n = 0;

	while (fl->choices[n])
		n++;
	return n;
}

static int tui_choice_find(const struct tui_field *fl, const char *text)
{
	for (int k = 0; text && fl->choices[k]; k++)
		if (strcmp(fl->choices[k], text) == 0)
			return k;
	return 0;
}

void tui_form_init(struct tui_form *f, struct tui_field *fields, int n)
{
	f->fields = fields;
	f->n = n;
	f->focus = 0;
	f->top = 0;
	for (int i = 0; i < n; i++) {
		tui_edit_set(&fields[i].edit, fields[i].initial, fields[i].max);
		fields[i].error[0] = '\0';
		fields[i].row = -1;
		if (fields[i].choices && fields[i].choices[0])
			tui_choice_set(&fields[i], tui_choice_find(&fields[i], fields[i].initial));
	}
}

char *tui_form_text(const struct tui_form *f, int i, char *buf, size_t len)
{
	return tui_edit_text(&f->fields[i].edit, buf, len);
}

void tui_form_set_text(struct tui_form *f, int i, const char *text)
{
	struct tui_field *fl = &f->fields[i];

	fl->error[0] = '\0';
	if (fl->choices && fl->choices[0])
		tui_choice_set(fl, tui_choice_find(fl, text));
	else
		tui_edit_set(&fl->edit, text, fl->max);
}

void tui_form_focus(struct tui_form *f, int i)
{
	if (i >= 0 && i < f->n)
		f->focus = i;
}

/* Keys of a choice field: step, or jump to the next value starting with a letter. */
static void tui_choice_key(struct tui_field *fl, enum tui_action act, tui_key key)
{
	int n = tui_choice_count(fl);

	if (n == 0)
		return;
	if (act == TUI_ACT_LEFT) {
		tui_choice_set(fl, (fl->choice + n - 1) % n);
		return;
	}
	if (act == TUI_ACT_RIGHT || key == ' ') {
		tui_choice_set(fl, (fl->choice + 1) % n);
		return;
	}
	if ((key & TUI_KEY_FN) || key <= ' ' || key >= 0x7f)
		return;
	int c = key >= 'A' && key <= 'Z' ? key - 'A' + 'a' : key;
	for (int d = 1; d <= n; d++) {
		int k = (fl->choice + d) % n;
		const char *shown = fl->choice_labels ? gettext(fl->choice_labels[k]) : fl->choices[k];
		int s = (unsigned char)shown[0];
		if (s >= 'A' && s <= 'Z')
			s = s - 'A' + 'a';
		if (s == c) {
			tui_choice_set(fl, k);
			return;
		}
	}
}

static int tui_field_check(struct tui_form *f, int i)
{
	struct tui_field *fl = &f->fields[i];
	char text[TUI_EDIT_MAX * 4 + 1];

	fl->error[0] = '\0';
	if (!fl->validate)
		return 0;
	tui_form_text(f, i, text, sizeof text);
	if (fl->validate(text, fl->error, sizeof fl->error) == 0) {
		fl->error[0] = '\0';
		return 0;
	}
	if (!fl->error[0])
		snprintf(fl->error, sizeof fl->error, "%s", _("invalid value"));
	return -1;
}

int tui_form_check(struct tui_form *f)
{
	int first = -1;

	for (int i = 0; i < f->n; i++)
		if (tui_field_check(f, i) != 0 && first < 0)
			first = i;
	if (first >= 0)
		f->focus = first;
	return first >= 0 ? -1 : 0;
}

/* Leaving a field validates it; the message stays, but the user may move on. */
static void tui_form_move(struct tui_form *f, int to)
{
	if (f->n == 0)
		return;
	tui_field_check(f, f->focus);
	f->focus = (to + f->n) % f->n;
}

enum tui_form_event tui_form_key(struct tui_form *f, tui_key key)
{
	if (f->n == 0)
		return TUI_FORM_CANCEL;
	struct tui_field *fl = &f->fields[f->focus];
	enum tui_action act = tui_keys_action(TUI_KEYS_EDIT, key);

	switch (act) {
	case TUI_ACT_NEXT_FIELD:
		tui_form_move(f, f->focus + 1);
		return TUI_FORM_NONE;
	case TUI_ACT_PREV_FIELD:
		tui_form_move(f, f->focus - 1);
		return TUI_FORM_NONE;
	case TUI_ACT_SUBMIT:
		return tui_form_check(f) == 0 ? TUI_FORM_SUBMIT : TUI_FORM_NONE;
	case TUI_ACT_ABORT:
		return TUI_FORM_CANCEL;
	default:
		break;
	}
	if (fl->choices && fl->choices[0]) {
		tui_choice_key(fl, act, key);
		if (fl->error[0])
			tui_field_check(f, f->focus);
		return TUI_FORM_NONE;
	}
	if (tui_edit_key(&fl->edit, key) && fl->error[0])
		tui_field_check(f, f->focus);	/* a fixed field loses its message at once */
	return TUI_FORM_NONE;
}

/* Draw the input part of field i at (row, x), fw cells; returns the cursor column. */
static int tui_field_draw(struct tui_form *f, int i, WINDOW *win, int row, int x, int fw)
{
	struct tui_field *fl = &f->fields[i];
	attr_t attr = tui_attr(i == f->focus ? TUI_S_FIELD_FOCUS : TUI_S_FIELD);

	if (!fl->choices || !fl->choices[0])
		return tui_edit_draw(&fl->edit, win, row, x, fw, attr);
	/* A choice shows as "< value >": the arrows say Left/Right change it. */
	char buf[TUI_FORM_MSG];
	const char *shown = fl->choice_labels ? gettext(fl->choice_labels[fl->choice])
					      : fl->choices[fl->choice];
	snprintf(buf, sizeof buf, "< %s >", shown);
	tui_put(win, row, x, buf, fw, attr, TUI_FIT_MARK);
	return x + 2 < x + fw ? x + 2 : x;
}

/* The first field shown, so that the focused one (and its message) fits in h lines. */
static int tui_form_dense_top(struct tui_form *f, int h)
{
	if (f->focus < f->top)
		f->top = f->focus;
	for (;;) {
		int lines = 0;
		for (int i = f->top; i <= f->focus; i++)
			lines += 1 + (f->fields[i].error[0] != '\0');
		if (lines <= h || f->top >= f->focus)
			break;
		f->top++;
	}
	return f->top;
}

void tui_form_draw(struct tui_form *f, WINDOW *win, int y, int x, int h, int w,
		   int *cy, int *cx)
{
	int lw = 0;

	*cy = *cx = -1;
	for (int i = 0; i < f->n; i++) {
		int lwi = tui_width(gettext(f->fields[i].label)) + 2;
		if (lwi > lw)
			lw = lwi;
		f->fields[i].row = -1;
	}
	if (lw > w / 3)
		lw = w / 3;
	int fw = w - lw - 1;
	if (fw > 60)
		fw = 60;

	/*
	 * Two lines per field: the field, then its message (blank when valid).
	 * Dense: one line per field, and a second only for a message.
	 */
	int first = f->dense ? tui_form_dense_top(f, h) : 0, line = 0;
	for (int i = first; i < f->n && line < h; i++) {
		struct tui_field *fl = &f->fields[i];
		char label[128];
		int row = y + line;

		fl->row = row;
		snprintf(label, sizeof label, "%s%s", gettext(fl->label), fl->required ? " *" : "");
		tui_put(win, row, x, label, lw, tui_attr(TUI_S_LABEL), TUI_FIT_RIGHT | TUI_FIT_MARK);
		int col = tui_field_draw(f, i, win, row, x + lw + 1, fw);
		if (i == f->focus) {
			*cy = row;
			*cx = col;
		}
		if (fl->error[0] && line + 1 < h)
			tui_put(win, row + 1, x + lw + 1, fl->error, w - lw - 1,
				tui_attr(TUI_S_ERROR), TUI_FIT_MARK);
		line += f->dense ? 1 + (fl->error[0] != '\0') : 2;
	}
	if (f->dense && first > 0)
		tui_put(win, y, x + w - 1, "^", 1, tui_attr(TUI_S_EMPHASIS), 0);
	if (f->dense && f->n > 0 && f->fields[f->n - 1].row < 0 && h > 0)
		tui_put(win, y + h - 1, x + w - 1, "v", 1, tui_attr(TUI_S_EMPHASIS), 0);
}
