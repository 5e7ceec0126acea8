/*
 * view_customer_edit.c - edit a customer's fields (credo_customer_update).
 *
 * Only the fields the user changed go to the core (NULL leaves a field as
 * it is, "" clears it), so text the one-line editor cannot hold as it is
 * (long notes, line breaks) stays untouched unless someone edits it. The
 * owner, status and reputation have their own rules and keys elsewhere.
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

enum {
	EF_NAME, EF_SHORT, EF_TYPE, EF_CATEGORY, EF_INDUSTRY, EF_REGION, EF_ADDRESS, EF_PHONE,
	EF_TAX_ID, EF_BANK, EF_ACCOUNT, EF_LEGAL_REP, EF_SINCE, EF_NOTES, EF_COUNT
};

static int check_name(const char *text, char *msg, size_t len)
{
	if (sales_blank(text)) {
		snprintf(msg, len, "%s", _("A customer needs a name."));
		return -1;
	}
	return 0;
}

static const struct tui_field edit_fields[EF_COUNT] = {
	[EF_NAME] = { .label = N_("Name"), .max = 200, .required = 1, .validate = check_name },
	[EF_SHORT] = { .label = N_("Short name"), .max = 100 },
	[EF_TYPE] = { .label = N_("Type"), .choices = sales_customer_types,
		      .choice_labels = sales_customer_type_labels },
	[EF_CATEGORY] = { .label = N_("Category"), .max = 100 },
	[EF_INDUSTRY] = { .label = N_("Industry"), .max = 100 },
	[EF_REGION] = { .label = N_("Region"), .max = 100 },
	[EF_ADDRESS] = { .label = N_("Address"), .max = 256 },
	[EF_PHONE] = { .label = N_("Phone"), .max = 50, .validate = sales_check_phone },
	[EF_TAX_ID] = { .label = N_("Tax ID"), .max = 50 },
	[EF_BANK] = { .label = N_("Bank"), .max = 100 },
	[EF_ACCOUNT] = { .label = N_("Bank account"), .max = 50 },
	[EF_LEGAL_REP] = { .label = N_("Legal rep."), .max = 100 },
	[EF_SINCE] = { .label = N_("Customer since"), .max = 10, .validate = sales_check_date_opt },
	[EF_NOTES] = { .label = N_("Notes"), .max = 256 },
};

struct customer_edit {
	int64_t id;
	char code[64];
	char *orig[EF_COUNT];	/* the text each field started with */
	int lossy;		/* a value did not fit the editor as it is */
	char crumb[96];
	struct tui_field fields[EF_COUNT];
	struct tui_form form;
};

static int edit_copy(const credo_customer *c, void *ctx)
{
	struct customer_edit *s = ctx;
	const char *v[EF_COUNT] = {
		[EF_NAME] = c->name, [EF_SHORT] = c->short_name, [EF_TYPE] = c->type,
		[EF_CATEGORY] = c->category, [EF_INDUSTRY] = c->industry, [EF_REGION] = c->region,
		[EF_ADDRESS] = c->address, [EF_PHONE] = c->phone, [EF_TAX_ID] = c->tax_id,
		[EF_BANK] = c->bank, [EF_ACCOUNT] = c->bank_account, [EF_LEGAL_REP] = c->legal_rep,
		[EF_SINCE] = c->since, [EF_NOTES] = c->notes,
	};

	s->id = c->id;
	snprintf(s->code, sizeof s->code, "%s", c->code);
	for (int i = 0; i < EF_COUNT; i++) {
		s->orig[i] = strdup(v[i] ? v[i] : "");
		if (!s->orig[i])
			return 1;
	}
	return 0;
}

static void edit_close(void *state)
{
	struct customer_edit *s = state;

	if (!s)
		return;
	for (int i = 0; i < EF_COUNT; i++)
		free(s->orig[i]);
	free(s);
}

static int edit_open(struct tui *t, const void *arg, void **state)
{
	struct customer_edit *s = calloc(1, sizeof *s);
	char text[SALES_TEXT];

	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	credo_status st = credo_customer_get(tui_db(t), *(const int64_t *)arg, edit_copy, s);
	if (st != CREDO_OK || !s->orig[EF_COUNT - 1]) {
		if (st == CREDO_OK || st == CREDO_STOP)
			tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		else
			tui_core_error(t, st);
		edit_close(s);
		return -1;
	}
	memcpy(s->fields, edit_fields, sizeof s->fields);
	for (int i = 0; i < EF_COUNT; i++)
		s->fields[i].initial = s->orig[i];
	s->form.dense = 1;
	tui_form_init(&s->form, s->fields, EF_COUNT);
	/* Compare later against what the editor made of each value, not the value. */
	for (int i = 0; i < EF_COUNT; i++) {
		tui_form_text(&s->form, i, text, sizeof text);
		if (strcmp(text, s->orig[i]) != 0) {
			char *dup = strdup(text);
			if (!dup) {
				edit_close(s);
				tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
				return -1;
			}
			free(s->orig[i]);
			s->orig[i] = dup;
			s->lossy = 1;
		}
	}
	*state = s;
	return 0;
}

static const char *edit_label(void *state)
{
	struct customer_edit *s = state;

	snprintf(s->crumb, sizeof s->crumb, _("Edit %s"), s->code);
	return s->crumb;
}

static void edit_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct customer_edit *s = state;
	char head[160];
	int cy, cx;

	snprintf(head, sizeof head, _("Edit customer %s"), s->code);
	tui_put(stdscr, r.y, r.x + 1, head, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, r.y + 1, r.x + 1,
		s->lossy ? _("Some text is long or spans lines: it is kept as it is unless you change it.")
			 : _("Fields marked * are required; Left/Right change a < choice >."),
		r.w - 2, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	tui_form_draw(&s->form, stdscr, r.y + 3, r.x + 1, r.h - 3, r.w - 2, &cy, &cx);
	if (cy >= 0)
		tui_cursor(t, cy, cx);
}

static void edit_save(struct tui *t, struct customer_edit *s)
{
	char text[EF_COUNT][SALES_TEXT];
	const char *v[EF_COUNT];
	int changed = 0;

	for (int i = 0; i < EF_COUNT; i++) {
		tui_form_text(&s->form, i, text[i], sizeof text[i]);
		if (strcmp(text[i], s->orig[i]) == 0) {
			v[i] = NULL;	/* untouched: the core leaves it */
			continue;
		}
		sales_trim(text[i]);
		v[i] = text[i];
		changed = 1;
	}
	if (!changed) {
		tui_message(t, TUI_MSG_INFO, "%s", _("Nothing changed."));
		tui_pop(t, NULL);
		return;
	}
	credo_customer_new in = {
		.name = v[EF_NAME], .short_name = v[EF_SHORT], .type = v[EF_TYPE],
		.category = v[EF_CATEGORY], .industry = v[EF_INDUSTRY], .region = v[EF_REGION],
		.address = v[EF_ADDRESS], .phone = v[EF_PHONE], .tax_id = v[EF_TAX_ID],
		.bank = v[EF_BANK], .bank_account = v[EF_ACCOUNT], .legal_rep = v[EF_LEGAL_REP],
		.since = v[EF_SINCE], .notes = v[EF_NOTES],
	};
	credo_status st = credo_customer_update(tui_db(t), s->id, &in);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return;
	}
	tui_message(t, TUI_MSG_INFO, _("Customer %s saved."), s->code);
	tui_pop(t, &(struct tui_result){ .kind = "customer", .id = s->id });
}

static int edit_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct customer_edit *s = state;

	/* F1 still reaches the help; '?' is text here. */
	if (act == TUI_ACT_HELP && (key & TUI_KEY_FN))
		return TUI_PASS;
	switch (tui_form_key(&s->form, key)) {
	case TUI_FORM_SUBMIT:
		edit_save(t, s);
		break;
	case TUI_FORM_CANCEL:
		tui_pop(t, NULL);
		break;
	case TUI_FORM_NONE:
		break;
	}
	return TUI_DONE;
}

const struct tui_view_ops tui_view_customer_edit = {
	.name = "customer_edit",
	.title = N_("Edit customer"),
	.keymap = TUI_KEYS_EDIT,
	.open = edit_open,
	.draw = edit_draw,
	.handle = edit_handle,
	.label = edit_label,
	.close = edit_close,
};
