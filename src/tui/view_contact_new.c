/*
 * view_contact_new.c - add a contact person to a customer (credo_contact_add):
 * name, role (decision maker, purchasing, finance, insider), title,
 * department, phone, email, notes.
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

enum { KF_NAME, KF_ROLE, KF_TITLE, KF_DEPT, KF_PHONE, KF_EMAIL, KF_NOTES, KF_COUNT };

static int check_name(const char *text, char *msg, size_t len)
{
	if (sales_blank(text)) {
		snprintf(msg, len, "%s", _("A contact needs a name."));
		return -1;
	}
	return 0;
}

static const struct tui_field contact_fields[KF_COUNT] = {
	[KF_NAME] = { .label = N_("Name"), .max = 100, .required = 1, .validate = check_name },
	[KF_ROLE] = { .label = N_("Role"), .choices = sales_contact_roles,
		      .choice_labels = sales_contact_role_labels },
	[KF_TITLE] = { .label = N_("Title"), .max = 100 },
	[KF_DEPT] = { .label = N_("Department"), .max = 100 },
	[KF_PHONE] = { .label = N_("Phone"), .max = 50, .validate = sales_check_phone },
	[KF_EMAIL] = { .label = N_("Email"), .max = 100, .validate = sales_check_email },
	[KF_NOTES] = { .label = N_("Notes"), .max = 256 },
};

struct contact_new {
	int64_t customer_id;
	char customer[300];
	struct tui_field fields[KF_COUNT];
	struct tui_form form;
};

static int contact_customer(const credo_customer *c, void *ctx)
{
	struct contact_new *s = ctx;

	snprintf(s->customer, sizeof s->customer, "%s %s", c->code, c->name);
	return 0;
}

static int contact_open(struct tui *t, const void *arg, void **state)
{
	struct contact_new *s = calloc(1, sizeof *s);

	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->customer_id = *(const int64_t *)arg;
	credo_status st = credo_customer_get(tui_db(t), s->customer_id, contact_customer, s);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		free(s);
		return -1;
	}
	memcpy(s->fields, contact_fields, sizeof s->fields);
	s->form.dense = 1;
	tui_form_init(&s->form, s->fields, KF_COUNT);
	*state = s;
	return 0;
}

static void contact_close(void *state)
{
	free(state);
}

static void contact_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct contact_new *s = state;
	char head[400];
	int cy, cx;

	snprintf(head, sizeof head, _("New contact at %s"), s->customer);
	tui_put(stdscr, r.y, r.x + 1, head, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, r.y + 1, r.x + 1, _("Fields marked * are required; Left/Right change a < choice >."),
		r.w - 2, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	tui_form_draw(&s->form, stdscr, r.y + 3, r.x + 1, r.h - 3, r.w - 2, &cy, &cx);
	if (cy >= 0)
		tui_cursor(t, cy, cx);
}

static void contact_save(struct tui *t, struct contact_new *s)
{
	char text[KF_COUNT][SALES_TEXT];
	const char *v[KF_COUNT];
	int64_t id = 0;

	for (int i = 0; i < KF_COUNT; i++)
		v[i] = sales_field(&s->form, i, text[i], sizeof text[i]);
	credo_contact c = {
		.customer_id = s->customer_id, .name = v[KF_NAME], .role = v[KF_ROLE],
		.title = v[KF_TITLE], .department = v[KF_DEPT], .phone = v[KF_PHONE],
		.email = v[KF_EMAIL], .notes = v[KF_NOTES],
	};
	credo_status st = credo_contact_add(tui_db(t), &c, &id);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return;
	}
	tui_message(t, TUI_MSG_INFO, _("Contact %s added."), v[KF_NAME]);
	tui_pop(t, &(struct tui_result){ .kind = "contact", .id = id });
}

static int contact_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct contact_new *s = state;

	if (act == TUI_ACT_HELP && (key & TUI_KEY_FN))
		return TUI_PASS;
	switch (tui_form_key(&s->form, key)) {
	case TUI_FORM_SUBMIT:
		contact_save(t, s);
		break;
	case TUI_FORM_CANCEL:
		tui_pop(t, NULL);
		break;
	case TUI_FORM_NONE:
		break;
	}
	return TUI_DONE;
}

const struct tui_view_ops tui_view_contact_new = {
	.name = "contact_new",
	.title = N_("New contact"),
	.keymap = TUI_KEYS_EDIT,
	.open = contact_open,
	.draw = contact_draw,
	.handle = contact_handle,
	.close = contact_close,
};
