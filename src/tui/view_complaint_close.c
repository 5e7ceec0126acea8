/*
 * view_complaint_close.c - close a complaint (credo_complaint_close): how
 * it was resolved, its root cause, and the judgement the credit model
 * counts: was it reasonable, y or n.
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

enum { CC_RESOLUTION, CC_CAUSE, CC_REASONABLE, CC_DATE, CC_COUNT };

static int check_resolution(const char *text, char *msg, size_t len)
{
	if (sales_blank(text)) {
		snprintf(msg, len, "%s", _("Say how the complaint was resolved."));
		return -1;
	}
	return 0;
}

static const struct tui_field close_fields[CC_COUNT] = {
	[CC_RESOLUTION] = { .label = N_("Resolution"), .max = 256, .required = 1,
			    .validate = check_resolution },
	[CC_CAUSE] = { .label = N_("Root cause"), .max = 256 },
	[CC_REASONABLE] = { .label = N_("Reasonable (y/n)"), .max = 3, .required = 1,
			    .validate = sales_check_yes_no },
	[CC_DATE] = { .label = N_("Closed on"), .max = 10, .required = 1, .validate = sales_check_date },
};

struct complaint_close {
	int64_t id;
	int found;
	char status[32];
	char head[600];
	char what[600];
	char judged[4];
	char today[CREDO_DATE_BUFSZ];
	struct tui_field fields[CC_COUNT];
	struct tui_form form;
};

static int close_find(const credo_complaint *c, void *ctx)
{
	struct complaint_close *s = ctx;

	if (c->id != s->id)
		return 0;
	s->found = 1;
	snprintf(s->status, sizeof s->status, "%s", c->status);
	snprintf(s->head, sizeof s->head, _("Close complaint: %s %s"), c->customer_code, c->customer_name);
	snprintf(s->what, sizeof s->what, "%s  %s%s  %s", c->date, sales_word(c->kind),
		 c->is_dispute ? _(" (dispute)") : "", c->description);
	snprintf(s->judged, sizeof s->judged, "%s", c->reasonable > 0 ? "y" : c->reasonable == 0 ? "n" : "");
	return 1;
}

static int close_open(struct tui *t, const void *arg, void **state)
{
	struct complaint_close *s = calloc(1, sizeof *s);

	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->id = *(const int64_t *)arg;
	/* No get-by-id in the core for complaints: walk the list in scope. */
	credo_status st = credo_complaint_list(tui_db(t), NULL, close_find, s);
	if (!s->found || strcmp(s->status, "closed") == 0) {
		if (s->found)
			tui_message(t, TUI_MSG_INFO, "%s", _("That complaint is already closed."));
		else if (st != CREDO_OK)
			tui_core_error(t, st);
		else
			tui_message(t, TUI_MSG_ERROR, "%s", _("That complaint is no longer there."));
		free(s);
		return -1;
	}
	memcpy(s->fields, close_fields, sizeof s->fields);
	s->fields[CC_REASONABLE].initial = s->judged;
	s->fields[CC_DATE].initial = sales_today(s->today);
	s->form.dense = 1;
	tui_form_init(&s->form, s->fields, CC_COUNT);
	*state = s;
	return 0;
}

static void close_close(void *state)
{
	free(state);
}

static void close_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct complaint_close *s = state;
	int cy, cx;

	tui_put(stdscr, r.y, r.x + 1, s->head, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, r.y + 1, r.x + 1, s->what, r.w - 2, tui_attr(TUI_S_NORMAL), TUI_FIT_MARK);
	tui_put(stdscr, r.y + 2, r.x + 1,
		_("Reasonable or not is counted by the credit model; * fields required."),
		r.w - 2, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	tui_form_draw(&s->form, stdscr, r.y + 4, r.x + 1, r.h - 4, r.w - 2, &cy, &cx);
	if (cy >= 0)
		tui_cursor(t, cy, cx);
}

static void close_save(struct tui *t, struct complaint_close *s)
{
	char text[CC_COUNT][SALES_TEXT];
	const char *v[CC_COUNT];

	for (int i = 0; i < CC_COUNT; i++)
		v[i] = sales_field(&s->form, i, text[i], sizeof text[i]);
	credo_status st = credo_complaint_close(tui_db(t), s->id, v[CC_RESOLUTION], v[CC_CAUSE],
						sales_yes(v[CC_REASONABLE]), v[CC_DATE]);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return;
	}
	tui_message(t, TUI_MSG_INFO, "%s", _("Complaint closed."));
	tui_pop(t, &(struct tui_result){ .kind = "complaint", .id = s->id });
}

static int close_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct complaint_close *s = state;

	if (act == TUI_ACT_HELP && (key & TUI_KEY_FN))
		return TUI_PASS;
	switch (tui_form_key(&s->form, key)) {
	case TUI_FORM_SUBMIT:
		close_save(t, s);
		break;
	case TUI_FORM_CANCEL:
		tui_pop(t, NULL);
		break;
	case TUI_FORM_NONE:
		break;
	}
	return TUI_DONE;
}

const struct tui_view_ops tui_view_complaint_close = {
	.name = "complaint_close",
	.title = N_("Close complaint"),
	.keymap = TUI_KEYS_EDIT,
	.open = close_open,
	.draw = close_draw,
	.handle = close_handle,
	.close = close_close,
};
