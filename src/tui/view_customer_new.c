/*
 * view_customer_new.c - the "new customer" form: name, short name, phone.
 *
 * The form checks what it can see (a name is there, a phone looks like
 * one); the core decides everything else, permissions included, and its
 * message is what the user reads when it says no.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_form.h"
#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "i18n.h"

enum { NF_NAME, NF_SHORT, NF_PHONE, NF_COUNT };

struct customer_new {
	struct tui_field fields[NF_COUNT];
	struct tui_form form;
};

static int blank(const char *s)
{
	return s[strspn(s, " ")] == '\0';
}

static int validate_name(const char *text, char *msg, size_t len)
{
	if (blank(text)) {
		snprintf(msg, len, "%s", _("A customer needs a name."));
		return -1;
	}
	return 0;
}

static int validate_phone(const char *text, char *msg, size_t len)
{
	int digits = 0;

	for (const char *p = text; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (!strchr(" +-()/", *p)) {
			snprintf(msg, len, "%s", _("A phone number holds only digits, spaces and + - ( ) /."));
			return -1;
		}
	}
	if (digits > 0 && digits < 5) {
		snprintf(msg, len, "%s", _("A phone number has at least 5 digits."));
		return -1;
	}
	return 0;
}

static const struct tui_field customer_new_fields[NF_COUNT] = {
	[NF_NAME] = { .label = N_("Name"), .max = 100, .required = 1, .validate = validate_name },
	[NF_SHORT] = { .label = N_("Short name"), .max = 40 },
	[NF_PHONE] = { .label = N_("Phone"), .max = 40, .validate = validate_phone },
};

static int customer_new_open(struct tui *t, const void *arg, void **state)
{
	struct customer_new *s = calloc(1, sizeof *s);

	(void)arg;
	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	memcpy(s->fields, customer_new_fields, sizeof s->fields);
	tui_form_init(&s->form, s->fields, NF_COUNT);
	*state = s;
	return 0;
}

static void customer_new_close(void *state)
{
	free(state);
}

static void customer_new_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct customer_new *s = state;
	int cy, cx;

	tui_put(stdscr, r.y, r.x + 1, _("New customer"), r.w - 2, tui_attr(TUI_S_EMPHASIS),
		TUI_FIT_MARK);
	tui_put(stdscr, r.y + 1, r.x + 1, _("Fields marked * are required."), r.w - 2,
		tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	tui_form_draw(&s->form, stdscr, r.y + 3, r.x + 1, r.h - 3, r.w - 2, &cy, &cx);
	if (cy >= 0)
		tui_cursor(t, cy, cx);
}

static void trim(char *s)
{
	size_t lead = strspn(s, " "), n;

	memmove(s, s + lead, strlen(s + lead) + 1);
	for (n = strlen(s); n > 0 && s[n - 1] == ' '; n--)
		s[n - 1] = '\0';
}

static void customer_new_save(struct tui *t, struct customer_new *s)
{
	char text[NF_COUNT][TUI_EDIT_MAX * 4 + 1];
	int64_t id = 0;

	for (int i = 0; i < NF_COUNT; i++) {
		tui_form_text(&s->form, i, text[i], sizeof text[i]);
		trim(text[i]);
	}
	/* NULL for "not given", which every core version reads the same way. */
	credo_customer_new in = {
		.name = text[NF_NAME],
		.short_name = text[NF_SHORT][0] ? text[NF_SHORT] : NULL,
		.phone = text[NF_PHONE][0] ? text[NF_PHONE] : NULL,
	};
	credo_status st = credo_customer_add(tui_db(t), &in, &id);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return;
	}
	tui_pop(t, &(struct tui_result){ .kind = "customer", .id = id });
}

static int customer_new_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct customer_new *s = state;

	/* F1 still reaches the help; '?' is text here. */
	if (act == TUI_ACT_HELP && (key & TUI_KEY_FN))
		return TUI_PASS;
	switch (tui_form_key(&s->form, key)) {
	case TUI_FORM_SUBMIT:
		customer_new_save(t, s);
		break;
	case TUI_FORM_CANCEL:
		tui_pop(t, NULL);
		break;
	case TUI_FORM_NONE:
		break;
	}
	return TUI_DONE;	/* every key is typing here, '?' and 'q' included */
}

const struct tui_view_ops tui_view_customer_new = {
	.name = "customer_new",
	.title = N_("New customer"),
	.actions = 0,
	.keymap = TUI_KEYS_EDIT,
	.open = customer_new_open,
	.draw = customer_new_draw,
	.handle = customer_new_handle,
	.close = customer_new_close,
};
