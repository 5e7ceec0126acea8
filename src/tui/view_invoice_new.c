/*
 * view_invoice_new.c - the invoice form (finance): date (today by
 * default), amount, due date (blank: computed from the payment term, and
 * shown as it will be), notes; for a customer, or against one of its
 * active contracts.
 *
 * The core decides: the amount left on the contract, the credit check
 * (limit, hold, rating), closed months. Its refusal is shown in full under
 * the form, since a credit check message names limit, exposure and
 * shortfall and is longer than the message line.
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

enum { IF_DATE, IF_AMOUNT, IF_DUE, IF_NOTES, IF_COUNT };

struct invoice_new {
	struct tui *t;
	struct tui_ledger_arg arg;
	struct tui_field fields[IF_COUNT];
	struct tui_form form;
	char today[CREDO_DATE_BUFSZ];
	char customer[320];
	char contract[40];
	int term;		/* days the due date is computed with */
	int term_known;		/* 0: the customer's own term may apply (the core knows) */
	credo_money left;	/* left to invoice on the contract */
	credo_credit_status cs;
	int has_cs;
	char error[1024];	/* the core's last refusal, shown under the form */
};

static const struct tui_field invoice_fields[IF_COUNT] = {
	[IF_DATE] = { .label = N_("Invoice date"), .max = 10, .required = 1, .validate = tui_valid_date },
	[IF_AMOUNT] = { .label = N_("Amount"), .max = 24, .required = 1, .validate = tui_valid_amount },
	[IF_DUE] = { .label = N_("Due date"), .max = 10, .validate = tui_valid_date_opt },
	[IF_NOTES] = { .label = N_("Notes"), .max = 200 },
};

static int invoice_customer(const credo_customer *c, void *ctx)
{
	struct invoice_new *s = ctx;

	snprintf(s->customer, sizeof s->customer, "%s  %s", c->code, c->name);
	return 0;
}

static int invoice_contract(const credo_contract *c, void *ctx)
{
	struct invoice_new *s = ctx;

	snprintf(s->contract, sizeof s->contract, "%s", c->code);
	s->term = c->payment_term_days;
	s->term_known = 1;
	s->left = c->amount - c->invoiced;
	return 0;
}

static int invoice_open(struct tui *t, const void *arg, void **state)
{
	struct invoice_new *s = calloc(1, sizeof *s);
	credo_db *db = tui_db(t);
	credo_status st;
	char term[32];

	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->t = t;
	s->arg = *(const struct tui_ledger_arg *)arg;
	st = credo_customer_get(db, s->arg.customer_id, invoice_customer, s);
	if (st == CREDO_OK && s->arg.contract_id > 0)
		st = credo_contract_get(db, s->arg.contract_id, invoice_contract, s);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		free(s);
		return -1;
	}
	if (!s->term_known) {
		s->term = 30;
		if (credo_setting_get(db, "ledger.default_term_days", term, sizeof term) == CREDO_OK)
			s->term = atoi(term);
	}
	s->has_cs = credo_credit_status_of(db, s->arg.customer_id, &s->cs) == CREDO_OK;
	memcpy(s->fields, invoice_fields, sizeof s->fields);
	s->fields[IF_DATE].initial = tui_today(s->today, sizeof s->today);
	tui_form_init(&s->form, s->fields, IF_COUNT);
	s->form.focus = IF_AMOUNT;
	*state = s;
	return 0;
}

static void invoice_close(void *state)
{
	free(state);
}

/* The due date the core will use when the field is blank, from the date typed. */
static int invoice_due(const struct invoice_new *s, char *due, size_t len)
{
	char text[64];
	credo_date d;

	tui_form_text(&s->form, IF_DUE, text, sizeof text);
	if (*tui_trim(text)) {
		if (credo_date_parse(text, &d, NULL) != CREDO_OK)
			return -1;
		credo_date_format(d, due, len);
		return 1;
	}
	tui_form_text(&s->form, IF_DATE, text, sizeof text);
	if (credo_date_parse(text, &d, NULL) != CREDO_OK)
		return -1;
	credo_date_format(d + s->term, due, len);
	return 0;
}

static void invoice_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct invoice_new *s = state;
	char buf[1024], a[CREDO_MONEY_BUFSZ], b[CREDO_MONEY_BUFSZ], c[CREDO_MONEY_BUFSZ], due[CREDO_DATE_BUFSZ];
	int cy, cx, y = r.y;

	snprintf(buf, sizeof buf, _("New invoice for %s"), s->customer);
	tui_put(stdscr, y++, r.x + 1, buf, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	if (s->contract[0])
		snprintf(buf, sizeof buf, _("Against contract %s: %s left to invoice."), s->contract,
			 tui_money(s->left, a, sizeof a));
	else
		snprintf(buf, sizeof buf, "%s", _("Not against a contract. Fields marked * are required."));
	tui_put(stdscr, y++, r.x + 1, buf, r.w - 2, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	if (s->has_cs && s->cs.has_limit)
		snprintf(buf, sizeof buf, _("Credit: limit %s, exposure %s, available %s%s"),
			 tui_money(s->cs.limit, a, sizeof a), tui_money(s->cs.exposure, b, sizeof b),
			 tui_money(s->cs.available, c, sizeof c), s->cs.on_hold ? _("; ON HOLD") : "");
	else if (s->has_cs)
		snprintf(buf, sizeof buf, _("Credit: no approved limit (exposure %s)"),
			 tui_money(s->cs.exposure, b, sizeof b));
	else
		buf[0] = '\0';
	tui_put(stdscr, y++, r.x + 1, buf, r.w - 2, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	y++;

	int fh = 2 * IF_COUNT;
	if (fh > r.h - (y - r.y))
		fh = r.h - (y - r.y);
	tui_form_draw(&s->form, stdscr, y, r.x + 1, fh, r.w - 2, &cy, &cx);

	/* The due date as it will be, beside its field. */
	const struct tui_field *df = &s->fields[IF_DUE];
	if (df->row >= 0 && !df->error[0] && df->row + 1 < r.y + r.h) {
		int given = invoice_due(s, due, sizeof due);
		if (given == 0 && s->term_known)
			snprintf(buf, sizeof buf, _("blank: due %s (the contract's %d-day term)"), due, s->term);
		else if (given == 0)
			snprintf(buf, sizeof buf, _("blank: due %s (%d-day term by default)"),
				 due, s->term);
		else if (given > 0)
			snprintf(buf, sizeof buf, _("due %s as given"), due);
		else
			snprintf(buf, sizeof buf, "%s", _("blank: computed from the invoice date and the term"));
		int lw = 0;
		for (int i = 0; i < IF_COUNT; i++)
			if (tui_width(gettext(s->fields[i].label)) + 2 > lw)
				lw = tui_width(gettext(s->fields[i].label)) + 2;
		if (lw > (r.w - 2) / 3)
			lw = (r.w - 2) / 3;
		int fx = r.x + 1 + lw + 1;	/* where tui_form_draw puts the fields */
		tui_put(stdscr, df->row + 1, fx, buf, r.x + r.w - 1 - fx, tui_attr(TUI_S_INFO), TUI_FIT_MARK);
	}
	y += fh;
	if (s->error[0] && y < r.y + r.h) {
		const char *p = s->error, *next;
		while (*p && y < r.y + r.h) {
			size_t n = tui_wrap(p, r.w - 4, &next);
			tui_putn(stdscr, y++, r.x + 2, p, n, r.w - 4, tui_attr(TUI_S_ERROR), TUI_FIT_MARK);
			p = next;
		}
	}
	if (cy >= 0)
		tui_cursor(t, cy, cx);
}

struct invoice_found {
	int64_t id;
	char code[40], due[CREDO_DATE_BUFSZ];
};

static int invoice_find(const credo_invoice *inv, void *ctx)
{
	struct invoice_found *f = ctx;

	if (inv->id != f->id)
		return 0;
	snprintf(f->code, sizeof f->code, "%s", inv->code);
	snprintf(f->due, sizeof f->due, "%s", inv->due_date);
	return 1;
}

static void invoice_save(struct tui *t, struct invoice_new *s)
{
	char text[IF_COUNT][TUI_EDIT_MAX * 4 + 1];
	credo_money amount = 0;
	int64_t id = 0;

	for (int i = 0; i < IF_COUNT; i++)
		tui_trim(tui_form_text(&s->form, i, text[i], sizeof text[i]));
	credo_money_parse(text[IF_AMOUNT], &amount, NULL);
	credo_invoice_new in = {
		.customer_id = s->arg.customer_id,
		.contract_id = s->arg.contract_id,
		.date = text[IF_DATE],
		.due_date = text[IF_DUE][0] ? text[IF_DUE] : NULL,
		.amount = amount,
		.notes = text[IF_NOTES][0] ? text[IF_NOTES] : NULL,
	};
	credo_status st = credo_invoice_add(tui_db(t), &in, &id);
	if (st != CREDO_OK) {
		const char *m = credo_errmsg(tui_db(t));
		snprintf(s->error, sizeof s->error, "%s", m && *m ? m : credo_status_str(st));
		tui_core_error(t, st);
		return;
	}
	struct invoice_found f = { .id = id };
	credo_invoice_filter filter = { .customer_id = s->arg.customer_id };
	credo_invoice_list(tui_db(t), &filter, invoice_find, &f);
	char a[CREDO_MONEY_BUFSZ];
	tui_message(t, TUI_MSG_INFO, _("Invoice %s of %s recorded, due %s."), f.code,
		    tui_money(amount, a, sizeof a), f.due);
	tui_pop(t, &(struct tui_result){ .kind = "invoice", .id = id });
}

static int invoice_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct invoice_new *s = state;

	if (act == TUI_ACT_HELP && (key & TUI_KEY_FN))
		return TUI_PASS;
	switch (tui_form_key(&s->form, key)) {
	case TUI_FORM_SUBMIT:
		invoice_save(t, s);
		break;
	case TUI_FORM_CANCEL:
		tui_pop(t, NULL);
		break;
	case TUI_FORM_NONE:
		break;
	}
	return TUI_DONE;
}

const struct tui_view_ops tui_view_invoice_new = {
	.name = "invoice_new",
	.title = N_("New invoice"),
	.keymap = TUI_KEYS_EDIT,
	.open = invoice_open,
	.draw = invoice_draw,
	.handle = invoice_handle,
	.close = invoice_close,
};
