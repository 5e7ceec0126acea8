/*
 * view_contract.c - one contract: header, goods lines, settlement plan,
 * invoices, the payments applied to them and the execution log; `a`
 * activates a draft (the core runs the credit check; a credit manager
 * gives an override reason), `l` logs execution progress, `i` invoices it,
 * `p` records a payment from the customer, `t` shows the statement.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_money.h"
#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "i18n.h"

#define CONTRACT_MAX_INVOICES 512	/* codes remembered to find the payments applied */

struct contract_view {
	struct tui *t;
	int64_t id, customer_id;
	char code[40], status[16], customer_code[40], label[400];
	credo_money amount;
	struct tui_doc doc;
	char refusal[1024];	/* the core's last refusal to activate, shown in full */
	/* while building */
	char (*inv_codes)[40];
	int ninv;
};

enum { LN_NO, LN_DESC, LN_MODEL, LN_SPEC, LN_QTY, LN_PRICE, LN_AMOUNT, LN_COUNT };
static const struct tui_column line_cols[LN_COUNT] = {
	[LN_NO] = { .title = N_("#"), .width = 3, .right = 1 },
	[LN_DESC] = { .title = N_("Goods"), .width = 12, .grow = 1 },
	[LN_MODEL] = { .title = N_("Model"), .width = 12, .min_total = 90 },
	[LN_SPEC] = { .title = N_("Spec"), .width = 10, .min_total = 110 },
	[LN_QTY] = { .title = N_("Qty"), .width = 8, .right = 1 },
	[LN_PRICE] = { .title = N_("Unit price"), .width = 12, .right = 1 },
	[LN_AMOUNT] = { .title = N_("Amount"), .width = 13, .right = 1 },
};

enum { PL_DATE, PL_AMOUNT, PL_NOTE, PL_COUNT };
static const struct tui_column plan_cols[PL_COUNT] = {
	[PL_DATE] = { .title = N_("Planned"), .width = 10 },
	[PL_AMOUNT] = { .title = N_("Amount"), .width = 13, .right = 1 },
	[PL_NOTE] = { .title = N_("Note"), .width = 10, .grow = 1 },
};

enum { IV_CODE, IV_DATE, IV_DUE, IV_AMOUNT, IV_OPEN, IV_LATE, IV_COUNT };
static const struct tui_column invoice_cols[IV_COUNT] = {
	[IV_CODE] = { .title = N_("Invoice"), .width = 14 },
	[IV_DATE] = { .title = N_("Date"), .width = 10 },
	[IV_DUE] = { .title = N_("Due"), .width = 10 },
	[IV_AMOUNT] = { .title = N_("Amount"), .width = 13, .right = 1 },
	[IV_OPEN] = { .title = N_("Open"), .width = 13, .right = 1 },
	[IV_LATE] = { .title = N_("Overdue"), .width = 7, .right = 1 },
};

enum { PY_CODE, PY_DATE, PY_INVOICE, PY_AMOUNT, PY_NOTE, PY_COUNT };
static const struct tui_column pay_cols[PY_COUNT] = {
	[PY_CODE] = { .title = N_("Payment"), .width = 14 },
	[PY_DATE] = { .title = N_("Applied"), .width = 10 },
	[PY_INVOICE] = { .title = N_("Invoice"), .width = 14 },
	[PY_AMOUNT] = { .title = N_("Amount"), .width = 13, .right = 1 },
	[PY_NOTE] = { .title = N_("Note"), .width = 8, .grow = 1 },
};

enum { LG_DATE, LG_WHO, LG_NOTE, LG_COUNT };
static const struct tui_column log_cols[LG_COUNT] = {
	[LG_DATE] = { .title = N_("Date"), .width = 10 },
	[LG_WHO] = { .title = N_("By"), .width = 10 },
	[LG_NOTE] = { .title = N_("Progress"), .width = 20, .grow = 1 },
};

/* A quantity in thousandths as people write it: 10, 2.5, 0.125. */
static void qty_format(int64_t milli, char *buf, size_t len)
{
	int64_t whole = milli / 1000, frac = milli % 1000;

	if (frac < 0)
		frac = -frac;
	if (frac == 0) {
		snprintf(buf, len, "%lld", (long long)whole);
		return;
	}
	snprintf(buf, len, "%lld.%03lld", (long long)whole, (long long)frac);
	for (size_t n = strlen(buf); n > 0 && buf[n - 1] == '0'; n--)
		buf[n - 1] = '\0';
}

/* ---- building the document ---- */

struct contract_items {
	struct contract_view *v;
	const char *kind;	/* the section being collected */
	int rows;
};

static int contract_item(const credo_contract_item *it, void *ctx)
{
	struct contract_items *c = ctx;
	struct tui_doc *d = &c->v->doc;
	char a[CREDO_MONEY_BUFSZ], p[CREDO_MONEY_BUFSZ], q[32], no[16];

	if (strcmp(it->kind, c->kind) != 0)
		return 0;
	c->rows++;
	if (strcmp(it->kind, "line") == 0) {
		snprintf(no, sizeof no, "%d", it->line_no);
		qty_format(it->qty_milli, q, sizeof q);
		const char *cells[LN_COUNT] = { no, it->text, it->model, it->spec, q,
						tui_money(it->unit_price, p, sizeof p),
						tui_money(it->amount, a, sizeof a) };
		tui_doc_row(d, line_cols, LN_COUNT, cells, TUI_S_NORMAL);
	} else if (strcmp(it->kind, "plan") == 0) {
		const char *cells[PL_COUNT] = { it->date, tui_money(it->amount, a, sizeof a), it->text };
		tui_doc_row(d, plan_cols, PL_COUNT, cells, TUI_S_NORMAL);
	} else {
		const char *cells[LG_COUNT] = { it->date, it->who, it->text };
		tui_doc_row(d, log_cols, LG_COUNT, cells, TUI_S_NORMAL);
	}
	return 0;
}

static int contract_section(struct contract_view *v, const char *kind, const char *title,
			    const struct tui_column *cols, int ncols, const char *none)
{
	struct contract_items c = { .v = v, .kind = kind };

	tui_doc_blank(&v->doc);
	tui_doc_head(&v->doc, title);
	tui_doc_cols(&v->doc, cols, ncols);
	credo_status st = credo_contract_items(tui_db(v->t), v->id, contract_item, &c);
	if (st != CREDO_OK && st != CREDO_DONE) {
		tui_core_error(v->t, st);
		return -1;
	}
	if (c.rows == 0)
		tui_doc_text(&v->doc, TUI_S_HINT, none);
	return 0;
}

static int contract_invoice(const credo_invoice *inv, void *ctx)
{
	struct contract_view *v = ctx;
	char a[CREDO_MONEY_BUFSZ], o[CREDO_MONEY_BUFSZ], late[16] = "";

	if (inv->days_overdue > 0)
		snprintf(late, sizeof late, "%d", inv->days_overdue);
	const char *cells[IV_COUNT] = { inv->code, inv->invoice_date, inv->due_date,
					tui_money(inv->amount, a, sizeof a), tui_money(inv->open, o, sizeof o),
					late };
	tui_doc_row(&v->doc, invoice_cols, IV_COUNT, cells,
		    inv->days_overdue > 0 ? TUI_S_ERROR : TUI_S_NORMAL);
	if (v->ninv < CONTRACT_MAX_INVOICES)
		snprintf(v->inv_codes[v->ninv++], sizeof v->inv_codes[0], "%s", inv->code);
	return 0;
}

struct contract_pay {
	struct contract_view *v;
	const credo_payment *p;
	int rows;
};

static int contract_alloc(const credo_allocation *a, void *ctx)
{
	struct contract_pay *c = ctx;
	char amt[CREDO_MONEY_BUFSZ];

	for (int i = 0; i < c->v->ninv; i++) {
		if (strcmp(c->v->inv_codes[i], a->invoice_code) != 0)
			continue;
		const char *cells[PY_COUNT] = { c->p->code, a->date, a->invoice_code,
						tui_money(a->amount, amt, sizeof amt),
						a->reversed ? _("reversed") : "" };
		tui_doc_row(&c->v->doc, pay_cols, PY_COUNT, cells, a->reversed ? TUI_S_HINT : TUI_S_NORMAL);
		c->rows++;
		break;
	}
	return 0;
}

static int contract_payment(const credo_payment *p, void *ctx)
{
	struct contract_pay *c = ctx;
	struct contract_pay one = { .v = c->v, .p = p };
	credo_status st = credo_payment_allocations(tui_db(c->v->t), p->id, contract_alloc, &one);

	c->rows += one.rows;
	return st != CREDO_OK && st != CREDO_DONE;
}

static int contract_payments(struct contract_view *v)
{
	struct contract_pay c = { .v = v };
	credo_payment_filter f = { .customer_id = v->customer_id };

	tui_doc_blank(&v->doc);
	tui_doc_head(&v->doc, _("Payments applied to its invoices"));
	tui_doc_cols(&v->doc, pay_cols, PY_COUNT);
	if (v->ninv > 0) {
		credo_status st = credo_payment_list(tui_db(v->t), &f, contract_payment, &c);
		if (st != CREDO_OK && st != CREDO_DONE) {
			tui_core_error(v->t, st);
			return -1;
		}
	}
	if (c.rows == 0)
		tui_doc_text(&v->doc, TUI_S_HINT, _("Nothing collected on this contract yet."));
	return 0;
}

/* Where the customer stands against its limit, for a draft about to be activated. */
static void contract_credit(struct contract_view *v)
{
	credo_credit_status cs;
	char l[CREDO_MONEY_BUFSZ], e[CREDO_MONEY_BUFSZ], a[CREDO_MONEY_BUFSZ], buf[512];

	if (credo_credit_status_of(tui_db(v->t), v->customer_id, &cs) != CREDO_OK)
		return;
	tui_doc_blank(&v->doc);
	tui_doc_head(&v->doc, _("Credit position (activation runs the credit check)"));
	if (cs.grade)
		snprintf(buf, sizeof buf, _("grade %c, score %d%s"), cs.grade, cs.score,
			 cs.veto ? _(", reputation veto") : "");
	else
		snprintf(buf, sizeof buf, "%s", _("not rated"));
	tui_doc_pair(&v->doc, _("Rating"), buf, cs.grade && cs.grade != 'D' ? TUI_S_NORMAL : TUI_S_ERROR);
	if (cs.has_limit)
		snprintf(buf, sizeof buf, _("%s; exposure %s; available %s"),
			 tui_money(cs.limit, l, sizeof l), tui_money(cs.exposure, e, sizeof e),
			 tui_money(cs.available, a, sizeof a));
	else
		snprintf(buf, sizeof buf, _("no approved limit; exposure %s"), tui_money(cs.exposure, e, sizeof e));
	tui_doc_pair(&v->doc, _("Limit"), buf, cs.has_limit ? TUI_S_NORMAL : TUI_S_ERROR);
	if (cs.has_limit && v->amount > cs.available) {
		snprintf(buf, sizeof buf, _("this contract (%s) is %s over what is available"),
			 tui_money(v->amount, a, sizeof a), tui_money(v->amount - cs.available, l, sizeof l));
		tui_doc_pair(&v->doc, _("Check"), buf, TUI_S_ERROR);
	}
	if (cs.on_hold) {
		snprintf(buf, sizeof buf, _("on credit hold: an invoice is %d days overdue"), cs.max_days_overdue);
		tui_doc_pair(&v->doc, _("Hold"), buf, TUI_S_ERROR);
	}
}

static int contract_header(const credo_contract *c, void *ctx)
{
	struct contract_view *v = ctx;
	struct tui_doc *d = &v->doc;
	char buf[512], a[CREDO_MONEY_BUFSZ], b[CREDO_MONEY_BUFSZ];

	v->customer_id = c->customer_id;
	v->amount = c->amount;
	snprintf(v->code, sizeof v->code, "%s", c->code);
	snprintf(v->status, sizeof v->status, "%s", c->status);
	snprintf(v->customer_code, sizeof v->customer_code, "%s", c->customer_code);
	snprintf(v->label, sizeof v->label, "%s", c->code);

	snprintf(buf, sizeof buf, "%s  %s", c->customer_code, c->customer_name);
	tui_doc_pair(d, _("Customer"), buf, TUI_S_NORMAL);
	tui_doc_pair(d, _("Status"), tui_word(c->status),
		     strcmp(c->status, "draft") == 0 ? TUI_S_EMPHASIS : TUI_S_NORMAL);
	tui_doc_pair(d, _("Signed"), c->sign_date, TUI_S_NORMAL);
	if (*c->start_date || *c->end_date) {
		snprintf(buf, sizeof buf, "%s - %s", *c->start_date ? c->start_date : "?",
			 *c->end_date ? c->end_date : "?");
		tui_doc_pair(d, _("Runs"), buf, TUI_S_NORMAL);
	}
	snprintf(buf, sizeof buf, "%s%s%s", c->owner_login, *c->department ? ", " : "", c->department);
	tui_doc_pair(d, _("Owner"), buf, TUI_S_NORMAL);
	snprintf(buf, sizeof buf, _("%d days"), c->payment_term_days);
	tui_doc_pair(d, _("Payment term"), buf, TUI_S_NORMAL);
	if (*c->collateral)
		tui_doc_pair(d, _("Collateral"), c->collateral, TUI_S_NORMAL);
	tui_doc_pair(d, _("Amount"), tui_money(c->amount, a, sizeof a), TUI_S_NORMAL);
	snprintf(buf, sizeof buf, _("%s (left to invoice %s)"), tui_money(c->invoiced, a, sizeof a),
		 tui_money(c->amount - c->invoiced, b, sizeof b));
	tui_doc_pair(d, _("Invoiced"), buf, TUI_S_NORMAL);
	snprintf(buf, sizeof buf, _("%s (outstanding %s)"), tui_money(c->collected, a, sizeof a),
		 tui_money(c->invoiced - c->collected, b, sizeof b));
	tui_doc_pair(d, _("Collected"), buf, TUI_S_NORMAL);
	return 0;
}

static int contract_load(struct contract_view *v)
{
	credo_db *db = tui_db(v->t);
	credo_status st;

	tui_doc_clear(&v->doc);
	v->ninv = 0;
	st = credo_contract_get(db, v->id, contract_header, v);
	if (st != CREDO_OK) {
		tui_core_error(v->t, st);
		return -1;
	}
	if (strcmp(v->status, "draft") == 0)
		contract_credit(v);
	if (contract_section(v, "line", _("Goods"), line_cols, LN_COUNT, _("No lines.")) != 0 ||
	    contract_section(v, "plan", _("Settlement plan"), plan_cols, PL_COUNT,
			     _("No settlement plan.")) != 0)
		return -1;

	tui_doc_blank(&v->doc);
	tui_doc_head(&v->doc, _("Invoices"));
	tui_doc_cols(&v->doc, invoice_cols, IV_COUNT);
	credo_invoice_filter f = { .customer_id = v->customer_id, .contract_id = v->id };
	st = credo_invoice_list(db, &f, contract_invoice, v);
	if (st != CREDO_OK && st != CREDO_DONE) {
		tui_core_error(v->t, st);
		return -1;
	}
	if (v->ninv == 0)
		tui_doc_text(&v->doc, TUI_S_HINT, _("Not invoiced yet."));
	if (contract_payments(v) != 0 ||
	    contract_section(v, "log", _("Execution log"), log_cols, LG_COUNT,
			     _("Nothing logged yet; press l to log progress.")) != 0)
		return -1;
	if (v->doc.failed) {
		tui_message(v->t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	return 0;
}

static void contract_close(void *state)
{
	struct contract_view *v = state;

	if (!v)
		return;
	tui_doc_free(&v->doc);
	free(v->inv_codes);
	free(v);
}

static int contract_open(struct tui *t, const void *arg, void **state)
{
	struct contract_view *v = calloc(1, sizeof *v);

	if (v)
		v->inv_codes = calloc(CONTRACT_MAX_INVOICES, sizeof v->inv_codes[0]);
	if (!v || !v->inv_codes) {
		contract_close(v);
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	v->t = t;
	v->id = *(const int64_t *)arg;
	if (contract_load(v) != 0) {
		contract_close(v);
		return -1;
	}
	*state = v;
	return 0;
}

static const char *contract_label(void *state)
{
	return ((struct contract_view *)state)->label;
}

static void contract_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct contract_view *v = state;
	char head[256];

	int y = r.y + 1;

	(void)t;
	snprintf(head, sizeof head, _("Contract %s"), v->code);
	tui_put(stdscr, r.y, r.x + 1, head, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	/* A refused activation says why in full: limit, exposure, shortfall. */
	for (const char *p = v->refusal, *next; *p && y < r.y + r.h / 2; p = next) {
		size_t n = tui_wrap(p, r.w - 4, &next);
		tui_putn(stdscr, y++, r.x + 2, p, n, r.w - 4, tui_attr(TUI_S_ERROR), TUI_FIT_MARK);
	}
	y++;
	tui_doc_draw(&v->doc, (struct tui_rect){ .y = y, .x = r.x, .h = r.y + r.h - y, .w = r.w });
}

static void contract_reload(struct contract_view *v)
{
	contract_load(v);
}

static void contract_activated(struct contract_view *v, credo_status st)
{
	if (st != CREDO_OK) {
		const char *m = credo_errmsg(tui_db(v->t));
		snprintf(v->refusal, sizeof v->refusal, "%s", m && *m ? m : credo_status_str(st));
		tui_core_error(v->t, st);
		return;
	}
	v->refusal[0] = '\0';
	contract_reload(v);
	tui_message(v->t, TUI_MSG_INFO, _("Contract %s is active: it can be invoiced."), v->code);
}

static void contract_override_done(struct tui *t, void *ctx, const char *text)
{
	struct contract_view *v = ctx;
	char reason[TUI_EDIT_MAX * 4 + 1];

	if (!text)
		return;
	snprintf(reason, sizeof reason, "%s", text);
	if (!*tui_trim(reason)) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("An override needs a reason; nothing changed."));
		return;
	}
	contract_activated(v, credo_contract_activate(tui_db(t), v->id, reason));
}

static void contract_activate(struct contract_view *v)
{
	credo_db *db = tui_db(v->t);

	if (strcmp(v->status, "draft") != 0) {
		tui_message(v->t, TUI_MSG_INFO, _("Contract %s is %s; only a draft is activated."), v->code,
			    tui_word(v->status));
		return;
	}
	/*
	 * A credit manager activates only by overriding the check (the credit
	 * position is on screen); everyone else asks the core, whose credit
	 * check message is the answer when it refuses.
	 */
	if (credo_can(db, CREDO_PERM_CREDIT_DECIDE) && !credo_can(db, CREDO_PERM_CONTRACT_EDIT)) {
		tui_prompt(v->t, _("Override reason:"), "", contract_override_done, v);
		return;
	}
	contract_activated(v, credo_contract_activate(db, v->id, NULL));
}

static void contract_note_done(struct tui *t, void *ctx, const char *text)
{
	struct contract_view *v = ctx;
	char note[TUI_EDIT_MAX * 4 + 1];

	if (!text)
		return;
	snprintf(note, sizeof note, "%s", text);
	if (!*tui_trim(note)) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("An empty note was not logged."));
		return;
	}
	credo_status st = credo_contract_log(tui_db(t), v->id, NULL, note);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return;
	}
	contract_reload(v);
	v->doc.top = v->doc.total;	/* the log is at the end: show it */
	tui_message(t, TUI_MSG_INFO, "%s", _("Logged."));
}

static int contract_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct contract_view *v = state;
	struct tui_ledger_arg arg = { .customer_id = v->customer_id };

	(void)key;
	if (tui_doc_action(&v->doc, act))
		return TUI_DONE;
	switch (act) {
	case TUI_ACT_APPROVE:
		contract_activate(v);
		return TUI_DONE;
	case TUI_ACT_NOTE:
		if (tui_allowed(t, CREDO_PERM_CONTRACT_EDIT) == 0)
			tui_prompt(t, _("Execution note:"), "", contract_note_done, v);
		return TUI_DONE;
	case TUI_ACT_INVOICE:
		if (tui_allowed(t, CREDO_PERM_LEDGER_POST) != 0)
			return TUI_DONE;
		if (strcmp(v->status, "active") != 0) {
			tui_message(t, TUI_MSG_INFO, _("Contract %s is %s: only an active contract is invoiced."),
				    v->code, tui_word(v->status));
			return TUI_DONE;
		}
		arg.contract_id = v->id;
		tui_push(t, "invoice_new", &arg);
		return TUI_DONE;
	case TUI_ACT_PAYMENT:
		if (tui_allowed(t, CREDO_PERM_LEDGER_POST) == 0)
			tui_push(t, "payment_new", &arg);
		return TUI_DONE;
	case TUI_ACT_STATEMENT:
		tui_push(t, "statement", &arg);
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

static void contract_resume(struct tui *t, void *state, const struct tui_result *res)
{
	(void)t;
	(void)res;
	contract_reload(state);
}

const struct tui_view_ops tui_view_contract = {
	.name = "contract",
	.title = N_("Contract"),
	.actions = TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) | TUI_A(END) |
		   TUI_A(APPROVE) | TUI_A(NOTE) | TUI_A(INVOICE) | TUI_A(PAYMENT) | TUI_A(STATEMENT),
	.open = contract_open,
	.draw = contract_draw,
	.handle = contract_handle,
	.resume = contract_resume,
	.label = contract_label,
	.close = contract_close,
};
