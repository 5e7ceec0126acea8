/*
 * tui_form.c - form layout, focus movement and validation on leave.
 */
#include <stdio.h>
#include <string.h>

#include "tui_form.h"
#include "tui_theme.h"
#include "tui_width.h"
#include "i18n.h"

void tui_form_init(struct tui_form *f, struct tui_field *fields, int n)
{
	f->fields = fields;
	f->n = n;
	f->focus = 0;
	for (int i = 0; i < n; i++) {
		tui_edit_set(&fields[i].edit, fields[i].initial, fields[i].max);
		fields[i].error[0] = '\0';
	}
}

char *tui_form_text(const struct tui_form *f, int i, char *buf, size_t len)
{
	return tui_edit_text(&f->fields[i].edit, buf, len);
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

	switch (tui_keys_action(TUI_KEYS_EDIT, key)) {
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
	if (tui_edit_key(&fl->edit, key) && fl->error[0])
		tui_field_check(f, f->focus);	/* a fixed field loses its message at once */
	return TUI_FORM_NONE;
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
	}
	if (lw > w / 3)
		lw = w / 3;
	int fw = w - lw - 1;
	if (fw > 60)
		fw = 60;

	/* Two lines per field: the field, then its message (blank when valid). */
	for (int i = 0; i < f->n && 2 * i < h; i++) {
		struct tui_field *fl = &f->fields[i];
		char label[128];
		int row = y + 2 * i;

		snprintf(label, sizeof label, "%s%s", gettext(fl->label), fl->required ? " *" : "");
		tui_put(win, row, x, label, lw, tui_attr(TUI_S_LABEL), TUI_FIT_RIGHT | TUI_FIT_MARK);
		int col = tui_edit_draw(&fl->edit, win, row, x + lw + 1, fw,
					tui_attr(i == f->focus ? TUI_S_FIELD_FOCUS : TUI_S_FIELD));
		if (i == f->focus) {
			*cy = row;
			*cx = col;
		}
		if (fl->error[0] && 2 * i + 1 < h)
			tui_put(win, row + 1, x + lw + 1, fl->error, w - lw - 1,
				tui_attr(TUI_S_ERROR), TUI_FIT_MARK);
	}
}
