/*
 * view_complaint_new.c - record a complaint about a customer
 * (credo_complaint_add): when, what kind, whether it is a dispute (those
 * count in the credit score), what happened, and who handles it.
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

enum { CN_DATE, CN_KIND, CN_DISPUTE, CN_DESC, CN_ASSIGNED, CN_COUNT };

static int check_desc(const char *text, char *msg, size_t len)
{
	if (sales_blank(text)) {
		snprintf(msg, len, "%s", _("Say what the customer complains about."));
		return -1;
	}
	return 0;
}

static const struct tui_field complaint_fields[CN_COUNT] = {
	[CN_DATE] = { .label = N_("Date"), .max = 10, .required = 1, .validate = sales_check_date },
	[CN_KIND] = { .label = N_("Kind"), .choices = sales_complaint_kinds,
		      .choice_labels = sales_complaint_kind_labels },
	[CN_DISPUTE] = { .label = N_("Dispute"), .choices = sales_yes_no,
			 .choice_labels = sales_yes_no_labels },
	[CN_DESC] = { .label = N_("Description"), .max = 256, .required = 1, .validate = check_desc },
	[CN_ASSIGNED] = { .label = N_("Handled by (login)"), .max = 32 },
};

struct complaint_new {
	int64_t customer_id;
	char customer[300];
	char today[CREDO_DATE_BUFSZ];
	struct tui_field fields[CN_COUNT];
	struct tui_form form;
};

static int complaint_customer(const credo_customer *c, void *ctx)
{
	struct complaint_new *s = ctx;

	snprintf(s->customer, sizeof s->customer, "%s %s", c->code, c->name);
	return 0;
}

static int complaint_new_open(struct tui *t, const void *arg, void **state)
{
	struct complaint_new *s = calloc(1, sizeof *s);

	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->customer_id = *(const int64_t *)arg;
	credo_status st = credo_customer_get(tui_db(t), s->customer_id, complaint_customer, s);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		free(s);
		return -1;
	}
	memcpy(s->fields, complaint_fields, sizeof s->fields);
	s->fields[CN_DATE].initial = sales_today(s->today);
	s->form.dense = 1;
	tui_form_init(&s->form, s->fields, CN_COUNT);
	tui_form_focus(&s->form, CN_KIND);
	*state = s;
	return 0;
}

static void complaint_new_close(void *state)
{
	free(state);
}

static void complaint_new_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct complaint_new *s = state;
	char head[400];
	int cy, cx;

	snprintf(head, sizeof head, _("New complaint: %s"), s->customer);
	tui_put(stdscr, r.y, r.x + 1, head, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, r.y + 1, r.x + 1, _("Fields marked * are required; Left/Right change a < choice >."),
		r.w - 2, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	tui_form_draw(&s->form, stdscr, r.y + 3, r.x + 1, r.h - 3, r.w - 2, &cy, &cx);
	if (cy >= 0)
		tui_cursor(t, cy, cx);
}

static void complaint_new_save(struct tui *t, struct complaint_new *s)
{
	char text[CN_COUNT][SALES_TEXT];
	const char *v[CN_COUNT];
	int64_t id = 0;

	for (int i = 0; i < CN_COUNT; i++)
		v[i] = sales_field(&s->form, i, text[i], sizeof text[i]);
	credo_complaint_new in = {
		.customer_id = s->customer_id, .date = v[CN_DATE], .kind = v[CN_KIND],
		.description = v[CN_DESC], .is_dispute = sales_yes(v[CN_DISPUTE]) == 1,
		.assigned_login = v[CN_ASSIGNED],
	};
	credo_status st = credo_complaint_add(tui_db(t), &in, &id);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return;
	}
	tui_message(t, TUI_MSG_INFO, "%s", _("Complaint recorded."));
	tui_pop(t, &(struct tui_result){ .kind = "complaint", .id = id });
}

static int complaint_new_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct complaint_new *s = state;

	if (act == TUI_ACT_HELP && (key & TUI_KEY_FN))
		return TUI_PASS;
	switch (tui_form_key(&s->form, key)) {
	case TUI_FORM_SUBMIT:
		complaint_new_save(t, s);
		break;
	case TUI_FORM_CANCEL:
		tui_pop(t, NULL);
		break;
	case TUI_FORM_NONE:
		break;
	}
	return TUI_DONE;
}

const struct tui_view_ops tui_view_complaint_new = {
	.name = "complaint_new",
	.title = N_("New complaint"),
	.keymap = TUI_KEYS_EDIT,
	.open = complaint_new_open,
	.draw = complaint_new_draw,
	.handle = complaint_new_handle,
	.close = complaint_new_close,
};
