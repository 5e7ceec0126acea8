/*
 * view_opportunity_new.c - a new opportunity (credo_opportunity_add): for
 * the customer it was opened from, or one picked by typing part of its
 * name; what it is, how much, when it should close, and its stage (the
 * configured stage list; the stage brings its default probability).
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

enum { OF_CUSTOMER, OF_DESC, OF_AMOUNT, OF_CLOSE, OF_STAGE, OF_COUNT };

#define STAGES_MAX 16

static int check_desc(const char *text, char *msg, size_t len)
{
	if (sales_blank(text)) {
		snprintf(msg, len, "%s", _("Say what the deal is about."));
		return -1;
	}
	return 0;
}

static const struct tui_field opp_fields[OF_COUNT] = {
	[OF_CUSTOMER] = { .label = N_("Customer"), .max = 100, .required = 1 },
	[OF_DESC] = { .label = N_("Description"), .max = 200, .required = 1, .validate = check_desc },
	[OF_AMOUNT] = { .label = N_("Expected amount"), .max = 24, .required = 1,
			.validate = sales_check_money },
	[OF_CLOSE] = { .label = N_("Expected close"), .max = 10, .validate = sales_check_date_opt },
	[OF_STAGE] = { .label = N_("Stage") },
};

struct opp_new {
	struct sales_pick pick;
	char stage_names[STAGES_MAX][64];
	char stage_labels[STAGES_MAX][80];
	const char *stages[STAGES_MAX + 1];
	const char *labels[STAGES_MAX + 1];
	struct tui_field fields[OF_COUNT];
	struct tui_form form;
};

static int opp_stage_row(const credo_stage *st, void *ctx)
{
	struct opp_new *s = ctx;
	int n = 0;

	while (s->stages[n])
		n++;
	/* A new deal starts in an open stage. */
	if (n >= STAGES_MAX || strcmp(st->outcome, "open") != 0)
		return 0;
	snprintf(s->stage_names[n], sizeof s->stage_names[n], "%s", st->name);
	snprintf(s->stage_labels[n], sizeof s->stage_labels[n], "%s (%d%%)", st->name, st->probability);
	s->stages[n] = s->stage_names[n];
	s->labels[n] = s->stage_labels[n];
	s->stages[n + 1] = s->labels[n + 1] = NULL;
	return 0;
}

static int opp_new_open(struct tui *t, const void *arg, void **state)
{
	struct opp_new *s = calloc(1, sizeof *s);
	int64_t customer = arg ? *(const int64_t *)arg : 0;
	credo_db *db = tui_db(t);

	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	if (customer && sales_pick_set(&s->pick, db, customer) != 0) {
		tui_core_error(t, CREDO_NOTFOUND);
		free(s);
		return -1;
	}
	credo_status st = credo_stage_list(db, opp_stage_row, s);
	if (st != CREDO_OK || !s->stages[0]) {
		if (st != CREDO_OK)
			tui_core_error(t, st);
		else
			tui_message(t, TUI_MSG_ERROR, "%s", _("No open stage is configured."));
		free(s);
		return -1;
	}
	memcpy(s->fields, opp_fields, sizeof s->fields);
	s->fields[OF_CUSTOMER].initial = s->pick.label;
	s->fields[OF_STAGE].choices = s->stages;
	s->fields[OF_STAGE].choice_labels = s->labels;
	s->form.dense = 1;
	tui_form_init(&s->form, s->fields, OF_COUNT);
	tui_form_focus(&s->form, s->pick.id ? OF_DESC : OF_CUSTOMER);
	*state = s;
	return 0;
}

static void opp_new_close(void *state)
{
	free(state);
}

static void opp_new_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct opp_new *s = state;
	int cy, cx;

	tui_put(stdscr, r.y, r.x + 1, _("New opportunity"), r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, r.y + 1, r.x + 1,
		_("Pick the customer by typing part of its name; Left/Right: < stage >"),
		r.w - 2, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	tui_form_draw(&s->form, stdscr, r.y + 3, r.x + 1, r.h - 3, r.w - 2, &cy, &cx);
	if (s->form.focus == OF_CUSTOMER && s->fields[OF_CUSTOMER].row >= 0) {
		int py = s->fields[OF_CUSTOMER].row + 1;
		sales_pick_draw(&s->pick, py, r.x + 3, r.w - 4, r.y + r.h - py);
	}
	if (cy >= 0)
		tui_cursor(t, cy, cx);
}

static void opp_new_save(struct tui *t, struct opp_new *s)
{
	char desc[SALES_TEXT], amount[SALES_TEXT], close[SALES_TEXT], stage[SALES_TEXT];
	credo_money m = 0;
	int64_t id = 0;

	if (!s->pick.id) {
		snprintf(s->fields[OF_CUSTOMER].error, sizeof s->fields[OF_CUSTOMER].error, "%s",
			 _("Pick a customer from the list: type part of its name, code or phone."));
		tui_form_focus(&s->form, OF_CUSTOMER);
		return;
	}
	credo_money_parse(sales_field(&s->form, OF_AMOUNT, amount, sizeof amount), &m, NULL);
	credo_opportunity_new in = {
		.customer_id = s->pick.id,
		.description = sales_field(&s->form, OF_DESC, desc, sizeof desc),
		.stage = sales_field(&s->form, OF_STAGE, stage, sizeof stage),
		.amount = m,
		.expected_close = sales_field(&s->form, OF_CLOSE, close, sizeof close),
	};
	credo_status st = credo_opportunity_add(tui_db(t), &in, &id);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return;
	}
	tui_message(t, TUI_MSG_INFO, _("Opportunity added for %s."), s->pick.label);
	tui_pop(t, &(struct tui_result){ .kind = "opportunity", .id = id });
}

static int opp_new_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct opp_new *s = state;
	int changed;

	if (act == TUI_ACT_HELP && (key & TUI_KEY_FN))
		return TUI_PASS;
	switch (sales_pick_form_key(&s->pick, &s->form, OF_CUSTOMER, tui_db(t), key, &changed)) {
	case TUI_FORM_SUBMIT:
		opp_new_save(t, s);
		break;
	case TUI_FORM_CANCEL:
		tui_pop(t, NULL);
		break;
	case TUI_FORM_NONE:
		break;
	}
	return TUI_DONE;
}

const struct tui_view_ops tui_view_opportunity_new = {
	.name = "opportunity_new",
	.title = N_("New opportunity"),
	.keymap = TUI_KEYS_EDIT,
	.open = opp_new_open,
	.draw = opp_new_draw,
	.handle = opp_new_handle,
	.close = opp_new_close,
};
