/*
 * view_credit_file.c - the credit file form: a customer's financial
 * statements (the main evidence of financial strength), bank reference,
 * collateral, and the salesperson's 1-5 assessments. Blank amounts are
 * "not known"; the rating marks the inputs they would have fed as no data.
 * One line per field (19 of them), scrolled to the one being edited.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_form.h"
#include "tui_money.h"
#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "i18n.h"

enum { CF_DATE, CF_CA, CF_CL, CF_CASH, CF_TA, CF_TL, CF_NET, CF_EBIT, CF_INTEREST, CF_REVENUE,
       CF_BANK, CF_COLLATERAL, CF_LIQUIDITY, CF_REACH, CF_CAPITAL, CF_BRANDS, CF_LOGISTICS,
       CF_COOPERATION, CF_MANAGEMENT, CF_NOTE, CF_COUNT };
#define CF_FIRST_MONEY CF_CA
#define CF_LAST_MONEY CF_REVENUE
#define CF_FIRST_MARK CF_REACH
#define CF_LAST_MARK CF_MANAGEMENT

/* Any amount, negative too (a loss, negative net assets), or blank. */
static int valid_signed_amount(const char *text, char *msg, size_t len)
{
	credo_money v;
	const char *why = NULL;

	if (text[strspn(text, " ")] == '\0')
		return 0;
	if (credo_money_parse(text, &v, &why) != CREDO_OK) {
		snprintf(msg, len, "%s", why ? why : _("not an amount"));
		return -1;
	}
	return 0;
}

static const char *const marks[] = { "", "1", "2", "3", "4", "5", NULL };
static const char *const mark_labels[] = { N_("not given"), "1", "2", "3", "4", "5", NULL };

#define MONEY_FIELD(l) { .label = l, .max = 24, .validate = valid_signed_amount }
#define MARK_FIELD(l) { .label = l, .choices = marks, .choice_labels = mark_labels }

static const struct tui_field credit_file_fields[CF_COUNT] = {
	[CF_DATE] = { .label = N_("Statement date"), .max = 10, .required = 1, .validate = tui_valid_date },
	[CF_CA] = MONEY_FIELD(N_("Current assets")),
	[CF_CL] = MONEY_FIELD(N_("Current liabilities")),
	[CF_CASH] = MONEY_FIELD(N_("Cash")),
	[CF_TA] = MONEY_FIELD(N_("Total assets")),
	[CF_TL] = MONEY_FIELD(N_("Total liabilities")),
	[CF_NET] = MONEY_FIELD(N_("Net assets")),
	[CF_EBIT] = MONEY_FIELD(N_("EBIT")),
	[CF_INTEREST] = MONEY_FIELD(N_("Interest expense")),
	[CF_REVENUE] = MONEY_FIELD(N_("Revenue")),
	[CF_BANK] = { .label = N_("Bank reference"), .max = 200 },
	[CF_COLLATERAL] = { .label = N_("Collateral"), .max = 200 },
	[CF_LIQUIDITY] = { .label = N_("Collateral liquidity"), .max = 200 },
	[CF_REACH] = MARK_FIELD(N_("Distribution reach 1-5")),
	[CF_CAPITAL] = MARK_FIELD(N_("Capital 1-5")),
	[CF_BRANDS] = MARK_FIELD(N_("Brands held 1-5")),
	[CF_LOGISTICS] = MARK_FIELD(N_("Warehouse, vehicles 1-5")),
	[CF_COOPERATION] = MARK_FIELD(N_("Cooperation 1-5")),
	[CF_MANAGEMENT] = MARK_FIELD(N_("Management 1-5")),
	[CF_NOTE] = { .label = N_("Note"), .max = 250 },
};

struct credit_file {
	int64_t customer_id;
	char customer[320];
	struct tui_field fields[CF_COUNT];
	struct tui_form form;
	char error[512];
};

static int credit_file_customer(const credo_customer *c, void *ctx)
{
	struct credit_file *s = ctx;

	snprintf(s->customer, sizeof s->customer, "%s  %s", c->code, c->name);
	return 0;
}

static int credit_file_open(struct tui *t, const void *arg, void **state)
{
	struct credit_file *s = calloc(1, sizeof *s);
	credo_status st;

	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->customer_id = *(const int64_t *)arg;
	/* Credit managers, or salespeople for their own customers: ask before the typing. */
	if (!credo_can(tui_db(t), CREDO_PERM_CUSTOMER_EDIT) && tui_allowed(t, CREDO_PERM_CREDIT_DECIDE) != 0) {
		free(s);
		return -1;
	}
	st = credo_customer_get(tui_db(t), s->customer_id, credit_file_customer, s);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		free(s);
		return -1;
	}
	memcpy(s->fields, credit_file_fields, sizeof s->fields);
	tui_form_init(&s->form, s->fields, CF_COUNT);
	s->form.dense = 1;
	*state = s;
	return 0;
}

static void credit_file_close(void *state)
{
	free(state);
}

static void credit_file_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct credit_file *s = state;
	char head[400];
	int cy, cx, y = r.y;

	snprintf(head, sizeof head, _("Credit file of %s"), s->customer);
	tui_put(stdscr, y++, r.x + 1, head, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_put(stdscr, y++, r.x + 1, _("Leave unknown amounts blank; Left/Right pick a mark."),
		r.w - 2, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	int h = r.h - 2 - (s->error[0] ? 1 : 0);
	tui_form_draw(&s->form, stdscr, y, r.x + 1, h, r.w - 2, &cy, &cx);
	if (s->error[0])
		tui_put(stdscr, r.y + r.h - 1, r.x + 1, s->error, r.w - 2, tui_attr(TUI_S_ERROR), TUI_FIT_MARK);
	if (cy >= 0)
		tui_cursor(t, cy, cx);
}

static credo_money field_money(const char *text)
{
	credo_money v;

	if (!*text || credo_money_parse(text, &v, NULL) != CREDO_OK)
		return CREDO_MONEY_NONE;
	return v;
}

static void credit_file_save(struct tui *t, struct credit_file *s)
{
	char text[CF_COUNT][TUI_EDIT_MAX * 4 + 1];
	int64_t id = 0;

	for (int i = 0; i < CF_COUNT; i++)
		tui_trim(tui_form_text(&s->form, i, text[i], sizeof text[i]));
	credo_credit_file_new in = {
		.customer_id = s->customer_id,
		.statement_date = text[CF_DATE],
		.current_assets = field_money(text[CF_CA]),
		.current_liabilities = field_money(text[CF_CL]),
		.cash = field_money(text[CF_CASH]),
		.total_assets = field_money(text[CF_TA]),
		.total_liabilities = field_money(text[CF_TL]),
		.net_assets = field_money(text[CF_NET]),
		.ebit = field_money(text[CF_EBIT]),
		.interest_expense = field_money(text[CF_INTEREST]),
		.revenue = field_money(text[CF_REVENUE]),
		.bank_reference = text[CF_BANK][0] ? text[CF_BANK] : NULL,
		.collateral = text[CF_COLLATERAL][0] ? text[CF_COLLATERAL] : NULL,
		.collateral_liquidity = text[CF_LIQUIDITY][0] ? text[CF_LIQUIDITY] : NULL,
		.reach = atoi(text[CF_REACH]),
		.capital = atoi(text[CF_CAPITAL]),
		.brands = atoi(text[CF_BRANDS]),
		.logistics = atoi(text[CF_LOGISTICS]),
		.cooperation = atoi(text[CF_COOPERATION]),
		.management = atoi(text[CF_MANAGEMENT]),
		.note = text[CF_NOTE][0] ? text[CF_NOTE] : NULL,
	};
	credo_status st = credo_credit_file_add(tui_db(t), &in, &id);
	if (st != CREDO_OK) {
		const char *m = credo_errmsg(tui_db(t));
		snprintf(s->error, sizeof s->error, "%s", m && *m ? m : credo_status_str(st));
		tui_core_error(t, st);
		return;
	}
	tui_message(t, TUI_MSG_INFO, "%s", _("Credit file saved; r rates the customer with it."));
	tui_pop(t, &(struct tui_result){ .kind = "credit_file", .id = id });
}

static int credit_file_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct credit_file *s = state;

	if (act == TUI_ACT_HELP && (key & TUI_KEY_FN))
		return TUI_PASS;
	switch (tui_form_key(&s->form, key)) {
	case TUI_FORM_SUBMIT:
		credit_file_save(t, s);
		break;
	case TUI_FORM_CANCEL:
		tui_pop(t, NULL);
		break;
	case TUI_FORM_NONE:
		break;
	}
	return TUI_DONE;
}

const struct tui_view_ops tui_view_credit_file = {
	.name = "credit_file",
	.title = N_("Credit file"),
	.keymap = TUI_KEYS_EDIT,
	.open = credit_file_open,
	.draw = credit_file_draw,
	.handle = credit_file_handle,
	.close = credit_file_close,
};
