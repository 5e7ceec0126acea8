/*
 * view_payment_new.c - the payment form (finance) with an allocation
 * preview: as the amount is typed, the screen shows which open invoices
 * it will pay, oldest due first, how much goes to each, and what is left
 * as customer credit - before anything is saved.
 *
 * The preview follows the core's rule exactly (credo_payment_add without
 * an explicit allocation): invoices with an open amount, by due date then
 * by id, each paid as far as the money goes. After saving, the screen
 * reads back what the core did and says so, and says so loudly if it
 * differs from the preview.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_form.h"
#include "tui_list.h"
#include "tui_money.h"
#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "i18n.h"

enum { PF_DATE, PF_AMOUNT, PF_METHOD, PF_REF, PF_COUNT };

static const char *const pay_methods[] = { "transfer", "cash", "cheque", "acceptance", "other", NULL };
static const char *const pay_method_labels[] = { N_("transfer"), N_("cash"), N_("cheque"),
						 N_("acceptance"), N_("other"), NULL };

static const struct tui_field payment_fields[PF_COUNT] = {
	[PF_DATE] = { .label = N_("Date received"), .max = 10, .required = 1, .validate = tui_valid_date },
	[PF_AMOUNT] = { .label = N_("Amount"), .max = 24, .required = 1, .validate = tui_valid_amount },
	[PF_METHOD] = { .label = N_("Method"), .choices = pay_methods, .choice_labels = pay_method_labels },
	[PF_REF] = { .label = N_("Reference"), .max = 200 },
};

struct open_inv {
	int64_t id;
	char code[40], due[CREDO_DATE_BUFSZ];
	credo_money open;
};

struct payment_new {
	struct tui *t;
	struct tui_ledger_arg arg;
	struct tui_field fields[PF_COUNT];
	struct tui_form form;
	char today[CREDO_DATE_BUFSZ];
	char customer[320];
	struct open_inv *inv;
	int ninv, cap;
	int failed;
	credo_money owed;	/* what the customer owes now */
	credo_money advance;	/* ledger.max_advance */
	char error[1024];
};

enum { PV_INVOICE, PV_DUE, PV_OPEN, PV_APPLIED, PV_LEFT, PV_COUNT };
static const struct tui_column preview_cols[PV_COUNT] = {
	[PV_INVOICE] = { .title = N_("Invoice"), .width = 14 },
	[PV_DUE] = { .title = N_("Due"), .width = 10 },
	[PV_OPEN] = { .title = N_("Open"), .width = 13, .right = 1 },
	[PV_APPLIED] = { .title = N_("Applied"), .width = 13, .right = 1 },
	[PV_LEFT] = { .title = N_("Still open"), .width = 13, .right = 1 },
};

static int payment_customer(const credo_customer *c, void *ctx)
{
	struct payment_new *s = ctx;

	snprintf(s->customer, sizeof s->customer, "%s  %s", c->code, c->name);
	return 0;
}

/* The invoices a payment can go to, in the order the core applies it. */
static int payment_open_item(const credo_invoice *inv, void *ctx)
{
	struct payment_new *s = ctx;

	if (inv->amount <= 0 || inv->open <= 0)
		return 0;	/* credit notes and settled invoices take no money */
	if (s->ninv == s->cap) {
		int cap = s->cap ? 2 * s->cap : 32;
		struct open_inv *p = realloc(s->inv, (size_t)cap * sizeof *p);
		if (!p) {
			s->failed = 1;
			return 1;
		}
		s->inv = p;
		s->cap = cap;
	}
	struct open_inv *o = &s->inv[s->ninv++];
	o->id = inv->id;
	o->open = inv->open;
	snprintf(o->code, sizeof o->code, "%s", inv->code);
	snprintf(o->due, sizeof o->due, "%s", inv->due_date);
	return 0;
}

static void payment_close(void *state)
{
	struct payment_new *s = state;

	if (!s)
		return;
	free(s->inv);
	free(s);
}

static int payment_load(struct payment_new *s)
{
	credo_db *db = tui_db(s->t);
	credo_invoice_filter f = { .customer_id = s->arg.customer_id, .open_only = 1 };
	credo_balance bal;
	char adv[64];
	credo_status st;

	s->ninv = 0;
	st = credo_invoice_list(db, &f, payment_open_item, s);
	if (s->failed) {
		tui_message(s->t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	if (st != CREDO_OK && st != CREDO_DONE) {
		tui_core_error(s->t, st);
		return -1;
	}
	s->owed = credo_balance_of(db, s->arg.customer_id, NULL, &bal) == CREDO_OK ? bal.balance : 0;
	s->advance = 0;
	if (credo_setting_get(db, "ledger.max_advance", adv, sizeof adv) == CREDO_OK)
		credo_money_parse(adv, &s->advance, NULL);
	return 0;
}

static int payment_open(struct tui *t, const void *arg, void **state)
{
	struct payment_new *s = calloc(1, sizeof *s);
	credo_status st;

	if (!s) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	s->t = t;
	s->arg = *(const struct tui_ledger_arg *)arg;
	st = credo_customer_get(tui_db(t), s->arg.customer_id, payment_customer, s);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		payment_close(s);
		return -1;
	}
	if (payment_load(s) != 0) {
		payment_close(s);
		return -1;
	}
	memcpy(s->fields, payment_fields, sizeof s->fields);
	s->fields[PF_DATE].initial = tui_today(s->today, sizeof s->today);
	tui_form_init(&s->form, s->fields, PF_COUNT);
	s->form.dense = 1;
	s->form.focus = PF_AMOUNT;
	*state = s;
	return 0;
}

/* The amount typed, or -1 while it is not a valid amount. */
static credo_money payment_amount(const struct payment_new *s)
{
	char text[128];
	credo_money v;

	tui_form_text(&s->form, PF_AMOUNT, text, sizeof text);
	if (credo_money_parse(text, &v, NULL) != CREDO_OK || v <= 0)
		return -1;
	return v;
}

static void payment_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct payment_new *s = state;
	char buf[512], a[CREDO_MONEY_BUFSZ], b[CREDO_MONEY_BUFSZ], c[CREDO_MONEY_BUFSZ], d[CREDO_MONEY_BUFSZ];
	int cy, cx, y = r.y, bottom = r.y + r.h;

	snprintf(buf, sizeof buf, _("Payment from %s"), s->customer);
	tui_put(stdscr, y++, r.x + 1, buf, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	snprintf(buf, sizeof buf, _("Owes %s; at most %s with the advance allowed (%s)."),
		 tui_money(s->owed, a, sizeof a), tui_money(s->owed + s->advance, b, sizeof b),
		 tui_money(s->advance, c, sizeof c));
	tui_put(stdscr, y++, r.x + 1, buf, r.w - 2, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	y++;

	int fh = PF_COUNT;
	for (int i = 0; i < PF_COUNT; i++)
		fh += s->fields[i].error[0] != '\0';
	if (fh > bottom - y)
		fh = bottom - y;
	tui_form_draw(&s->form, stdscr, y, r.x + 1, fh, r.w - 2, &cy, &cx);
	y += fh + 1;

	/* The preview: what the money will pay, oldest due first. */
	credo_money amount = payment_amount(s), left = amount > 0 ? amount : 0, total_open = 0;
	for (int i = 0; i < s->ninv; i++)
		total_open += s->inv[i].open;
	if (y < bottom) {
		if (amount > 0)
			snprintf(buf, sizeof buf, _("Allocation preview: %s to the oldest due invoices first"),
				 tui_money(amount, a, sizeof a));
		else
			snprintf(buf, sizeof buf, _("Open invoices: %d, %s in all (type an amount to see where it goes)"),
				 s->ninv, tui_money(total_open, a, sizeof a));
		tui_put(stdscr, y++, r.x + 1, buf, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	}
	struct tui_list shape = { .cols = preview_cols, .ncols = PV_COUNT };
	const char *titles[PV_COUNT];
	for (int c2 = 0; c2 < PV_COUNT; c2++)
		titles[c2] = tui_tr(preview_cols[c2].title);
	if (y < bottom && s->ninv > 0)
		tui_list_draw_cells(&shape, stdscr, y++, r.x + 1, r.w - 1, titles, tui_attr(TUI_S_HEADER));
	/* Keep two lines for the remainder and the core's answer. */
	int room = bottom - y - 1 - (s->error[0] ? 2 : 0);
	int shown = 0, i;
	for (i = 0; i < s->ninv; i++) {
		credo_money part = left < s->inv[i].open ? left : s->inv[i].open;
		if (amount > 0 && part == 0)
			break;	/* the money ran out: the rest stays as it is */
		if (shown >= room)
			break;
		left -= part;
		const char *cells[PV_COUNT] = {
			s->inv[i].code, s->inv[i].due, tui_money(s->inv[i].open, a, sizeof a),
			amount > 0 ? tui_money(part, b, sizeof b) : "",
			amount > 0 ? tui_money(s->inv[i].open - part, c, sizeof c) : "",
		};
		tui_list_draw_cells(&shape, stdscr, y++, r.x + 1, r.w - 1, cells, tui_attr(TUI_S_NORMAL));
		shown++;
	}
	/* Invoices paid by the money that did not fit on screen still count. */
	int hidden = 0;
	for (; amount > 0 && i < s->ninv && left > 0; i++) {
		left -= left < s->inv[i].open ? left : s->inv[i].open;
		hidden++;
	}
	if (y < bottom && amount > 0) {
		if (hidden > 0)
			snprintf(buf, sizeof buf, _("... and %d more invoices; left as customer credit: %s"), hidden,
				 tui_money(left, d, sizeof d));
		else
			snprintf(buf, sizeof buf, _("Left as customer credit: %s"), tui_money(left, d, sizeof d));
		tui_put(stdscr, y++, r.x + 1, buf, r.w - 2, tui_attr(left > 0 ? TUI_S_EMPHASIS : TUI_S_NORMAL),
			TUI_FIT_MARK);
	} else if (y < bottom && s->ninv == 0) {
		tui_put(stdscr, y++, r.x + 1, _("No open invoices: the whole payment stays as customer credit."),
			r.w - 2, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
	}
	if (s->error[0]) {
		const char *p = s->error, *next;
		while (*p && y < bottom) {
			size_t n = tui_wrap(p, r.w - 4, &next);
			tui_putn(stdscr, y++, r.x + 2, p, n, r.w - 4, tui_attr(TUI_S_ERROR), TUI_FIT_MARK);
			p = next;
		}
	}
	if (cy >= 0)
		tui_cursor(t, cy, cx);
}

struct payment_done {
	int64_t id;
	char code[40];
	char text[512];
	size_t used;
	credo_money applied;
	int n;
};

static int payment_find(const credo_payment *p, void *ctx)
{
	struct payment_done *d = ctx;

	if (p->id != d->id)
		return 0;
	snprintf(d->code, sizeof d->code, "%s", p->code);
	return 1;
}

static int payment_alloc(const credo_allocation *al, void *ctx)
{
	struct payment_done *d = ctx;
	char a[CREDO_MONEY_BUFSZ];

	if (al->reversed)
		return 0;
	d->applied += al->amount;
	if (d->used < sizeof d->text) {
		int w = snprintf(d->text + d->used, sizeof d->text - d->used, "%s%s %s", d->n ? ", " : "",
				 al->invoice_code, tui_money(al->amount, a, sizeof a));
		if (w > 0)
			d->used += (size_t)w;
	}
	d->n++;
	return 0;
}

/* 1 if the core applied the payment exactly as the preview said. */
struct payment_check {
	const struct payment_new *s;
	credo_money left;
	int i;
	int same;
};

static int payment_compare(const credo_allocation *al, void *ctx)
{
	struct payment_check *c = ctx;

	if (al->reversed)
		return 0;
	while (c->i < c->s->ninv && c->s->inv[c->i].open == 0)
		c->i++;
	if (c->i >= c->s->ninv || strcmp(c->s->inv[c->i].code, al->invoice_code) != 0) {
		c->same = 0;
		return 1;
	}
	credo_money part = c->left < c->s->inv[c->i].open ? c->left : c->s->inv[c->i].open;
	if (part != al->amount)
		c->same = 0;
	c->left -= part;
	c->i++;
	return !c->same;
}

static void payment_save(struct tui *t, struct payment_new *s)
{
	char text[PF_COUNT][TUI_EDIT_MAX * 4 + 1], a[CREDO_MONEY_BUFSZ], l[CREDO_MONEY_BUFSZ];
	credo_db *db = tui_db(t);
	credo_money amount = payment_amount(s);
	int64_t id = 0;

	for (int i = 0; i < PF_COUNT; i++)
		tui_trim(tui_form_text(&s->form, i, text[i], sizeof text[i]));
	credo_payment_new in = {
		.customer_id = s->arg.customer_id,
		.date = text[PF_DATE],
		.amount = amount,
		.method = text[PF_METHOD],
		.reference = text[PF_REF][0] ? text[PF_REF] : NULL,
	};
	credo_status st = credo_payment_add(db, &in, &id);
	if (st != CREDO_OK) {
		const char *m = credo_errmsg(db);
		snprintf(s->error, sizeof s->error, "%s", m && *m ? m : credo_status_str(st));
		tui_core_error(t, st);
		return;
	}
	struct payment_done d = { .id = id };
	credo_payment_filter f = { .customer_id = s->arg.customer_id };
	credo_payment_list(db, &f, payment_find, &d);
	credo_payment_allocations(db, id, payment_alloc, &d);
	struct payment_check c = { .s = s, .left = amount, .same = 1 };
	credo_payment_allocations(db, id, payment_compare, &c);
	if (!c.same)
		tui_message(t, TUI_MSG_ERROR, _("Payment %s recorded, but applied differently from the preview: %s"),
			    d.code, d.n ? d.text : _("nothing applied"));
	else if (amount > d.applied)
		tui_message(t, TUI_MSG_INFO, _("Payment %s of %s recorded: %s%s%s left as credit."), d.code,
			    tui_money(amount, a, sizeof a), d.text, d.n ? "; " : "",
			    tui_money(amount - d.applied, l, sizeof l));
	else
		tui_message(t, TUI_MSG_INFO, _("Payment %s of %s recorded: %s."), d.code,
			    tui_money(amount, a, sizeof a), d.text);
	tui_pop(t, &(struct tui_result){ .kind = "payment", .id = id });
}

static int payment_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct payment_new *s = state;

	if (act == TUI_ACT_HELP && (key & TUI_KEY_FN))
		return TUI_PASS;
	switch (tui_form_key(&s->form, key)) {
	case TUI_FORM_SUBMIT:
		payment_save(t, s);
		break;
	case TUI_FORM_CANCEL:
		tui_pop(t, NULL);
		break;
	case TUI_FORM_NONE:
		break;
	}
	return TUI_DONE;
}

const struct tui_view_ops tui_view_payment_new = {
	.name = "payment_new",
	.title = N_("New payment"),
	.keymap = TUI_KEYS_EDIT,
	.open = payment_open,
	.draw = payment_draw,
	.handle = payment_handle,
	.close = payment_close,
};
