/*
 * view_choose.c - pick one value from a short list (Left/Right), with an
 * optional note, and hand both to the screen that asked: a lead's status,
 * an opportunity's stage (lost needs the reason), a customer's lifecycle
 * status (an evaluation needs what was found). See struct sales_choose_arg.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_form.h"
#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "view_sales.h"
#include "i18n.h"

enum { CH_VALUE, CH_NOTE, CH_COUNT };

struct choose {
	struct sales_choose_arg a;
	char title[256], about[512], label[64], note_label[64], initial[64];
	char value_text[SALES_CHOOSE_MAX][64], label_text[SALES_CHOOSE_MAX][80];
	const char *values[SALES_CHOOSE_MAX + 1], *labels[SALES_CHOOSE_MAX + 1];
	struct tui_field fields[CH_COUNT];
	struct tui_form form;
};

static int choose_open(struct tui *t, const void *arg, void **state)
{
	struct choose *s = calloc(1, sizeof *s);

	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->a = *(const struct sales_choose_arg *)arg;
	/* Keep copies of the words: the asking screen's buffers may be reused. */
	snprintf(s->title, sizeof s->title, "%s", s->a.title ? s->a.title : "");
	snprintf(s->about, sizeof s->about, "%s", s->a.about ? s->a.about : "");
	snprintf(s->label, sizeof s->label, "%s", s->a.label ? s->a.label : "");
	snprintf(s->note_label, sizeof s->note_label, "%s", s->a.note_label ? s->a.note_label : "");
	snprintf(s->initial, sizeof s->initial, "%s", s->a.initial ? s->a.initial : "");
	for (int i = 0; s->a.values[i] && i < SALES_CHOOSE_MAX; i++) {
		snprintf(s->value_text[i], sizeof s->value_text[i], "%s", s->a.values[i]);
		snprintf(s->label_text[i], sizeof s->label_text[i], "%s",
			 s->a.labels ? s->a.labels[i] : s->a.values[i]);
		s->values[i] = s->value_text[i];
		s->labels[i] = s->label_text[i];
	}
	if (!s->values[0]) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Nothing to choose from."));
		free(s);
		return -1;
	}
	s->fields[CH_VALUE] = (struct tui_field){ .label = s->label, .choices = s->values,
						  .choice_labels = s->labels, .initial = s->initial };
	s->fields[CH_NOTE] = (struct tui_field){ .label = s->note_label, .max = 256 };
	s->form.dense = 1;
	tui_form_init(&s->form, s->fields, s->note_label[0] ? CH_COUNT : 1);
	if (s->a.note_focus && s->note_label[0])
		tui_form_focus(&s->form, CH_NOTE);
	*state = s;
	return 0;
}

static void choose_close(void *state)
{
	free(state);
}

static void choose_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct choose *s = state;
	int cy, cx;

	tui_put(stdscr, r.y, r.x + 1, s->title, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, r.y + 1, r.x + 1, s->about, r.w - 2, tui_attr(TUI_S_NORMAL), TUI_FIT_MARK);
	tui_put(stdscr, r.y + 2, r.x + 1, _("Left/Right or the first letter choose; Enter saves, Esc cancels."),
		r.w - 2, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	tui_form_draw(&s->form, stdscr, r.y + 4, r.x + 1, r.h - 4, r.w - 2, &cy, &cx);
	if (cy >= 0)
		tui_cursor(t, cy, cx);
}

static void choose_save(struct tui *t, struct choose *s)
{
	char value[SALES_TEXT], note[SALES_TEXT];
	const char *v = sales_field(&s->form, CH_VALUE, value, sizeof value);
	const char *n = s->form.n > 1 ? sales_field(&s->form, CH_NOTE, note, sizeof note) : NULL;

	if (!n && s->a.note_required && s->a.note_required(v ? v : "")) {
		snprintf(s->fields[CH_NOTE].error, sizeof s->fields[CH_NOTE].error,
			 _("%s is required for %s."), s->note_label, sales_word(v));
		tui_form_focus(&s->form, CH_NOTE);
		return;
	}
	if (s->a.apply(t, s->a.ctx, s->a.id, v ? v : "", n) != 0)
		return;		/* the apply function showed the core's message */
	tui_pop(t, &(struct tui_result){ .kind = "changed", .id = 0 });
}

static int choose_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct choose *s = state;

	if (act == TUI_ACT_HELP && (key & TUI_KEY_FN))
		return TUI_PASS;
	switch (tui_form_key(&s->form, key)) {
	case TUI_FORM_SUBMIT:
		choose_save(t, s);
		break;
	case TUI_FORM_CANCEL:
		tui_pop(t, NULL);
		break;
	case TUI_FORM_NONE:
		break;
	}
	return TUI_DONE;
}

static const char *choose_label(void *state)
{
	struct choose *s = state;

	return s->label;
}

const struct tui_view_ops tui_view_choose = {
	.name = "choose",
	.title = N_("Choose"),
	.keymap = TUI_KEYS_EDIT,
	.open = choose_open,
	.draw = choose_draw,
	.handle = choose_handle,
	.label = choose_label,
	.close = choose_close,
};
