/* invoice.c - invoices and credit notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char SNAP_INVOICE[] =
	"SELECT json_object('code', code, 'customer_id', customer_id, 'contract_id', contract_id,"
	" 'invoice_date', invoice_date, 'due_date', due_date, 'amount', amount, 'collector_id', collector_id,"
	" 'disputed', disputed, 'notes', notes) FROM invoices WHERE id = ?1";
const char *const credo__snap_invoice = SNAP_INVOICE;

/* open: what is left to pay, or for a credit note what is left to apply (negative). */
#define INVOICE_COLS \
	"i.id AS id, i.code, i.customer_id, c.code, c.name, coalesce(k.code, ''), i.invoice_date, i.due_date," \
	" i.amount, CASE WHEN i.amount > 0" \
	" THEN i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a" \
	"   WHERE a.invoice_id = i.id AND a.reversed_at IS NULL)" \
	" ELSE i.amount + (SELECT coalesce(sum(a.amount), 0) FROM allocations a" \
	"   WHERE a.credit_note_id = i.id AND a.reversed_at IS NULL) END AS open," \
	" i.due_day AS due_day, coalesce(u.login, ''), i.disputed, i.notes"
#define INVOICE_FROM \
	" FROM invoices i JOIN customers c ON c.id = i.customer_id LEFT JOIN contracts k ON k.id = i.contract_id" \
	" LEFT JOIN users u ON u.id = i.collector_id"
#define INVOICE_SCOPE " (?1 OR c.owner_id = ?2)"

static void bind_scope(credo_db *db, sqlite3_stmt *st)
{
	sqlite3_bind_int(st, 1, credo_can(db, CREDO_PERM_READ_ALL));
	sqlite3_bind_int64(st, 2, db->actor.id);
}

static credo_status code_for(credo_db *db, const char *given, char *code, size_t len)
{
	credo_status rc = CREDO_OK;
	sqlite3_stmt *st;
	int tries = 0;
	do {
		if (given && *given) {
			if (strlen(given) > 32 || !credo__text_ok(given, 0))
				return credo__fail(db, CREDO_INVALID, "invoice code must be at most 32 bytes of text");
			snprintf(code, len, "%s", given);
		} else if ((rc = credo__next_code(db, "invoice", code, len))) {
			return rc;
		}
		if ((rc = credo__prepare(db, "SELECT 1 FROM invoices WHERE code = ?1", &st)))
			return rc;
		sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
		int taken = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
		if (!taken)
			return CREDO_OK;
		if (given && *given)
			return credo__fail(db, CREDO_EXISTS, "invoice code %s is already used", code);
	} while (++tries < 1000);
	return credo__fail(db, CREDO_EXISTS, "no free invoice code: check the code.invoice pattern");
}

/* The contract an invoice is drawn on: active, the same customer, and enough left to invoice. */
static credo_status check_contract(credo_db *db, int64_t contract, int64_t customer, credo_money amount, int *term)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT k.code, k.status, k.customer_id, k.payment_term_days,"
					 " k.amount - (SELECT coalesce(sum(amount), 0) FROM invoices WHERE contract_id = k.id)"
					 " FROM contracts k WHERE k.id = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, contract);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return credo__fail(db, CREDO_NOTFOUND, "contract #%lld not found", (long long)contract);
	}
	char code[40], status[16];
	snprintf(code, sizeof code, "%s", credo__col_text(st, 0));
	snprintf(status, sizeof status, "%s", credo__col_text(st, 1));
	int64_t owner = sqlite3_column_int64(st, 2);
	*term = sqlite3_column_int(st, 3);
	credo_money left = sqlite3_column_int64(st, 4);
	sqlite3_finalize(st);
	if (owner != customer)
		return credo__fail(db, CREDO_RULE, "contract %s belongs to another customer", code);
	if (strcmp(status, "active") != 0)
		return credo__fail(db, CREDO_RULE, "contract %s is %s: only an active contract is invoiced", code, status);
	if (amount > left) {
		char a[CREDO_MONEY_BUFSZ], b[CREDO_MONEY_BUFSZ];
		return credo__fail(db, CREDO_RULE, "invoice of %s exceeds what is left to invoice on contract %s (%s)",
				   credo_money_format(amount, 1, a, sizeof a), code, credo_money_format(left, 1, b, sizeof b));
	}
	return CREDO_OK;
}

/* Payment term of the customer, else the default setting. */
static int customer_term(credo_db *db, int64_t customer)
{
	sqlite3_stmt *st;
	int term = (int)credo__setting_int(db, "ledger.default_term_days", 30);
	if (credo__prepare(db, "SELECT payment_term_days FROM customers WHERE id = ?1", &st) == CREDO_OK) {
		sqlite3_bind_int64(st, 1, customer);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
			term = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return term;
}

/* Insert a row of invoices; amount < 0 makes a credit note. */
static credo_status insert_row(credo_db *db, int64_t customer, int64_t contract, const char *code,
			       const char *date, const char *due, credo_money amount, const char *notes, int64_t *id)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "INSERT INTO invoices(code, customer_id, contract_id, invoice_date,"
					 " due_date, amount, collector_id, notes, created_at) VALUES (?1, ?2, nullif(?3, 0),"
					 " ?4, ?5, ?6, (SELECT owner_id FROM customers WHERE id = ?2), ?7, ?8)", &st);
	if (rc)
		return rc;
	char now[21];
	credo__now(now);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, customer);
	sqlite3_bind_int64(st, 3, contract);
	sqlite3_bind_text(st, 4, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, due, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, amount);
	sqlite3_bind_text(st, 7, notes ? notes : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, now, -1, SQLITE_STATIC);
	rc = credo__step_done(db, st, "recording an invoice");
	if (rc)
		return rc;
	credo__figures_touch(db, customer);
	*id = sqlite3_last_insert_rowid(db->sql);
	return credo__audit_row(db, "invoices", *id, "create", SNAP_INVOICE, NULL);
}

/* A ledger date: a real date, not after today. */
static credo_status ledger_date(credo_db *db, const char *field, const char *text, char buf[CREDO_DATE_BUFSZ])
{
	credo_status rc = credo__date_arg(db, field, text, buf);
	char today[CREDO_DATE_BUFSZ];
	if (rc == CREDO_OK && strcmp(buf, credo_date_format(credo_today(), today, sizeof today)) > 0)
		rc = credo__fail(db, CREDO_RULE, "%s %s is after today", field, buf);
	return rc;
}

static credo_status insert_invoice(credo_db *db, const credo_invoice_new *in, int64_t *id_out)
{
	char date[CREDO_DATE_BUFSZ], due[CREDO_DATE_BUFSZ], code[40];
	credo_status rc = credo__customer_visible(db, in->customer_id);
	if (rc == CREDO_OK)
		rc = ledger_date(db, "invoice date", in->date, date);
	if (rc == CREDO_OK)
		rc = credo__month_open(db, date);
	if (rc)
		return rc;
	if (in->amount <= 0)
		return credo__fail(db, CREDO_INVALID, "an invoice amount must be more than zero;"
				   " record a credit note to reduce what a customer owes");
	if (in->notes && (strlen(in->notes) > 2000 || !credo__text_ok(in->notes, 1)))
		return credo__fail(db, CREDO_INVALID, "invoice notes must be at most 2000 bytes of text");
	int term = -1;
	if (in->contract_id > 0 && (rc = check_contract(db, in->contract_id, in->customer_id, in->amount, &term)))
		return rc;
	if (in->due_date && *in->due_date) {
		if ((rc = credo__date_arg(db, "due date", in->due_date, due)))
			return rc;
		if (strcmp(due, date) < 0)
			return credo__fail(db, CREDO_RULE, "the due date %s is before the invoice date %s", due, date);
	} else {
		credo_date d;
		credo_date_parse(date, &d, NULL);
		credo_date_format(d + (term >= 0 ? term : customer_term(db, in->customer_id)), due, sizeof due);
	}
	rc = code_for(db, in->code, code, sizeof code);
	if (rc == CREDO_OK)
		/*
		 * An invoice on an active contract only turns part of its uninvoiced
		 * amount, counted in the exposure since activation, into an open
		 * invoice: no new exposure (checking the amount again would count it
		 * twice), but a hold, a veto or grade D still stops the supply.
		 */
		rc = credo__credit_check(db, in->customer_id, in->contract_id, in->contract_id > 0 ? 0 : in->amount,
					 in->override_reason);
	int64_t id = 0;
	if (rc == CREDO_OK)
		rc = insert_row(db, in->customer_id, in->contract_id, code, date, due, in->amount, in->notes, &id);
	if (rc == CREDO_OK)
		rc = credo__apply_credits(db, in->customer_id, id, date);
	if (rc == CREDO_OK && id_out)
		*id_out = id;
	return rc;
}

credo_status credo_invoice_add(credo_db *db, const credo_invoice_new *in, int64_t *id_out)
{
	/* A credit manager's override is itself the authority to let this one sale through. */
	int overriding = in->override_reason && *in->override_reason && credo_can(db, CREDO_PERM_CREDIT_DECIDE);
	credo_status rc = credo__mut_begin(db, overriding ? CREDO_PERM_CREDIT_DECIDE : CREDO_PERM_LEDGER_POST);
	if (rc)
		return rc;
	return credo__mut_end(db, insert_invoice(db, in, id_out));
}

static credo_status insert_credit_note(credo_db *db, const credo_credit_note_new *in, int64_t *id_out)
{
	char date[CREDO_DATE_BUFSZ], code[40];
	credo_status rc = credo__customer_visible(db, in->customer_id);
	if (rc == CREDO_OK)
		rc = ledger_date(db, "credit note date", in->date, date);
	if (rc == CREDO_OK)
		rc = credo__month_open(db, date);
	if (rc)
		return rc;
	if (in->amount <= 0)
		return credo__fail(db, CREDO_INVALID, "a credit note amount must be more than zero");
	if (!in->reason || !*in->reason || strlen(in->reason) > 500 || !credo__text_ok(in->reason, 0))
		return credo__fail(db, CREDO_INVALID, "a credit note needs its reason (at most 500 bytes)");
	int64_t contract = 0;
	if (in->against_invoice_id > 0) {
		sqlite3_stmt *st;
		if ((rc = credo__prepare(db, "SELECT customer_id, amount, coalesce(contract_id, 0) FROM invoices"
					 " WHERE id = ?1", &st)))
			return rc;
		sqlite3_bind_int64(st, 1, in->against_invoice_id);
		int ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) == in->customer_id &&
			 sqlite3_column_int64(st, 1) > 0;
		contract = ok ? sqlite3_column_int64(st, 2) : 0;
		sqlite3_finalize(st);
		if (!ok)
			return credo__fail(db, CREDO_RULE, "a credit note applies to an invoice of the same customer");
		credo_money open = credo__invoice_open(db, in->against_invoice_id);
		if (in->amount > open) {
			char a[CREDO_MONEY_BUFSZ], b[CREDO_MONEY_BUFSZ];
			return credo__fail(db, CREDO_RULE, "credit note of %s is more than the invoice's open %s",
					   credo_money_format(in->amount, 1, a, sizeof a),
					   credo_money_format(open, 1, b, sizeof b));
		}
	}
	rc = code_for(db, in->code, code, sizeof code);
	int64_t id = 0;
	if (rc == CREDO_OK)
		rc = insert_row(db, in->customer_id, contract, code, date, date, -in->amount, in->reason, &id);
	if (rc == CREDO_OK && in->against_invoice_id > 0)
		rc = credo__allocate(db, 0, id, in->against_invoice_id, in->amount, date);
	else if (rc == CREDO_OK)
		rc = credo__apply_oldest(db, in->customer_id, 0, id, in->amount, date);
	if (rc == CREDO_OK && id_out)
		*id_out = id;
	return rc;
}

credo_status credo_credit_note_add(credo_db *db, const credo_credit_note_new *in, int64_t *id_out)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_LEDGER_POST);
	if (rc)
		return rc;
	return credo__mut_end(db, insert_credit_note(db, in, id_out));
}

credo_status credo_invoice_find(credo_db *db, const char *code, int64_t *id)
{
	return credo__find_code(db, "SELECT i.id FROM invoices i JOIN customers c ON c.id = i.customer_id"
				" WHERE" INVOICE_SCOPE " AND i.code = ?3", "invoice", code, id);
}

credo_status credo_invoice_list(credo_db *db, const credo_invoice_filter *f, credo_invoice_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT * FROM (SELECT " INVOICE_COLS INVOICE_FROM " WHERE" INVOICE_SCOPE
					 " AND (?3 = 0 OR i.customer_id = ?3) AND (?4 = 0 OR i.contract_id = ?4))"
					 " WHERE NOT ?5 OR open <> 0 ORDER BY due_day, id LIMIT ?6", &st);
	if (rc)
		return rc;
	bind_scope(db, st);
	sqlite3_bind_int64(st, 3, f ? f->customer_id : 0);
	sqlite3_bind_int64(st, 4, f ? f->contract_id : 0);
	sqlite3_bind_int(st, 5, f && f->open_only);
	sqlite3_bind_int(st, 6, f && f->limit > 0 ? f->limit : -1);
	credo_date today = credo_today();
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_invoice inv = {
			.id = sqlite3_column_int64(st, 0), .code = credo__col_text(st, 1),
			.customer_id = sqlite3_column_int64(st, 2), .customer_code = credo__col_text(st, 3),
			.customer_name = credo__col_text(st, 4), .contract_code = credo__col_text(st, 5),
			.invoice_date = credo__col_text(st, 6), .due_date = credo__col_text(st, 7),
			.amount = sqlite3_column_int64(st, 8), .open = sqlite3_column_int64(st, 9),
			.collector_login = credo__col_text(st, 11), .disputed = sqlite3_column_int(st, 12),
			.notes = credo__col_text(st, 13),
		};
		int due_day = sqlite3_column_int(st, 10);
		inv.days_overdue = inv.open > 0 && today > due_day ? today - due_day : 0;
		if (cb(&inv, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "listing invoices");
	sqlite3_finalize(st);
	return rc;
}
