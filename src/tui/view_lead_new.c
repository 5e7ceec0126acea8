/*
 * view_lead_new.c - a new lead (credo_lead_add): the company, who to talk
 * to, how to reach them, where the lead came from and whose it is.
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

enum { LN_COMPANY, LN_CONTACT, LN_PHONE, LN_EMAIL, LN_SOURCE, LN_OWNER, LN_NOTES, LN_COUNT };

static int check_company(const char *text, char *msg, size_t len)
{
	if (sales_blank(text)) {
		snprintf(msg, len, "%s", _("A lead needs the company's name."));
		return -1;
	}
	return 0;
}

static const struct tui_field lead_fields[LN_COUNT] = {
	[LN_COMPANY] = { .label = N_("Company"), .max = 200, .required = 1, .validate = check_company },
	[LN_CONTACT] = { .label = N_("Contact"), .max = 100 },
	[LN_PHONE] = { .label = N_("Phone"), .max = 50, .validate = sales_check_phone },
	[LN_EMAIL] = { .label = N_("Email"), .max = 100, .validate = sales_check_email },
	[LN_SOURCE] = { .label = N_("Source"), .max = 100 },
	[LN_OWNER] = { .label = N_("Owner (login)"), .max = 32 },
	[LN_NOTES] = { .label = N_("Notes"), .max = 256 },
};

struct lead_new {
	char owner[64];
	struct tui_field fields[LN_COUNT];
	struct tui_form form;
};

static int lead_new_open(struct tui *t, const void *arg, void **state)
{
	struct lead_new *s = calloc(1, sizeof *s);
	credo_db *db = tui_db(t);

	(void)arg;
	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	/* A salesperson's leads are its own; a manager names the owner. */
	credo_role role = credo_actor_role(db);
	if (role == CREDO_ROLE_SALES || role == CREDO_ROLE_SALES_MANAGER)
		snprintf(s->owner, sizeof s->owner, "%s", credo_actor_login(db));
	memcpy(s->fields, lead_fields, sizeof s->fields);
	s->fields[LN_OWNER].initial = s->owner;
	s->form.dense = 1;
	tui_form_init(&s->form, s->fields, LN_COUNT);
	*state = s;
	return 0;
}

static void lead_new_close(void *state)
{
	free(state);
}

static void lead_new_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct lead_new *s = state;
	int cy, cx;

	tui_put(stdscr, r.y, r.x + 1, _("New lead"), r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, r.y + 1, r.x + 1, _("Fields marked * are required."), r.w - 2,
		tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	tui_form_draw(&s->form, stdscr, r.y + 3, r.x + 1, r.h - 3, r.w - 2, &cy, &cx);
	if (cy >= 0)
		tui_cursor(t, cy, cx);
}

struct lead_code {
	char code[32];
};

static int lead_code_row(const credo_lead *l, void *ctx)
{
	struct lead_code *c = ctx;

	snprintf(c->code, sizeof c->code, "%s", l->code);
	return 0;
}

static void lead_new_save(struct tui *t, struct lead_new *s)
{
	char text[LN_COUNT][SALES_TEXT];
	const char *v[LN_COUNT];
	struct lead_code c = { "" };
	int64_t id = 0;

	for (int i = 0; i < LN_COUNT; i++)
		v[i] = sales_field(&s->form, i, text[i], sizeof text[i]);
	credo_lead_new in = {
		.company = v[LN_COMPANY], .contact_name = v[LN_CONTACT], .phone = v[LN_PHONE],
		.email = v[LN_EMAIL], .source = v[LN_SOURCE], .owner_login = v[LN_OWNER],
		.notes = v[LN_NOTES],
	};
	credo_status st = credo_lead_add(tui_db(t), &in, &id);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return;
	}
	credo_lead_get(tui_db(t), id, lead_code_row, &c);
	tui_message(t, TUI_MSG_INFO, _("Lead %s added."), c.code);
	tui_pop(t, &(struct tui_result){ .kind = "lead", .id = id });
}

static int lead_new_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct lead_new *s = state;

	if (act == TUI_ACT_HELP && (key & TUI_KEY_FN))
		return TUI_PASS;
	switch (tui_form_key(&s->form, key)) {
	case TUI_FORM_SUBMIT:
		lead_new_save(t, s);
		break;
	case TUI_FORM_CANCEL:
		tui_pop(t, NULL);
		break;
	case TUI_FORM_NONE:
		break;
	}
	return TUI_DONE;
}

const struct tui_view_ops tui_view_lead_new = {
	.name = "lead_new",
	.title = N_("New lead"),
	.keymap = TUI_KEYS_EDIT,
	.open = lead_new_open,
	.draw = lead_new_draw,
	.handle = lead_new_handle,
	.close = lead_new_close,
};
