/* payment.c - payments received, their allocation, and reversal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char SNAP_PAYMENT[] =
	"SELECT json_object('code', code, 'customer_id', customer_id, 'pay_date', pay_date, 'amount', amount,"
	" 'method', method, 'reference', reference, 'reversed_at', reversed_at, 'reversed_by', reversed_by,"
	" 'reversal_reason', reversal_reason, 'allocations', (SELECT json_group_array(json_array(invoice_id,"
	"   amount, alloc_date, reversed_at)) FROM allocations WHERE payment_id = payments.id))"
	" FROM payments WHERE id = ?1";
const char *const credo__snap_payment = SNAP_PAYMENT;

static const char *const methods[] = { "transfer", "cash", "cheque", "acceptance", "other" };

#define PAYMENT_SCOPE " (?1 OR c.owner_id = ?2)"

static void bind_scope(credo_db *db, sqlite3_stmt *st)
{
	sqlite3_bind_int(st, 1, credo_can(db, CREDO_PERM_READ_ALL));
	sqlite3_bind_int64(st, 2, db->actor.id);
}

/* What the customer owes now (negative when it is in credit). */
static credo_money owed(credo_db *db, int64_t customer)
{
	sqlite3_stmt *st;
	credo_money v = 0;
	if (credo__prepare(db, "SELECT (SELECT coalesce(sum(amount), 0) FROM invoices WHERE customer_id = ?1)"
			   " - (SELECT coalesce(sum(amount), 0) FROM payments WHERE customer_id = ?1"
			   " AND reversed_at IS NULL)", &st))
		return 0;
	sqlite3_bind_int64(st, 1, customer);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static credo_status check_new(credo_db *db, const credo_payment_new *in, char date[CREDO_DATE_BUFSZ])
{
	credo_status rc = credo__customer_visible(db, in->customer_id);
	if (rc == CREDO_OK)
		rc = credo__date_arg(db, "payment date", in->date, date);
	if (rc == CREDO_OK)
		rc = credo__month_open(db, date);
	if (rc)
		return rc;
	char today[CREDO_DATE_BUFSZ];
	if (strcmp(date, credo_date_format(credo_today(), today, sizeof today)) > 0)
		return credo__fail(db, CREDO_RULE, "payment date %s is after today", date);
	if (in->amount <= 0)
		return credo__fail(db, CREDO_INVALID, "a payment amount must be more than zero");
	const char *method = in->method && *in->method ? in->method : "transfer";
	size_t m = 0;
	while (m < sizeof methods / sizeof methods[0] && strcmp(method, methods[m]) != 0)
		m++;
	if (m == sizeof methods / sizeof methods[0])
		return credo__fail(db, CREDO_INVALID, "payment method must be transfer, cash, cheque, acceptance or other");
	if (in->reference && (strlen(in->reference) > 200 || !credo__text_ok(in->reference, 0)))
		return credo__fail(db, CREDO_INVALID, "payment reference must be at most 200 bytes of text");
	if (in->code && (!*in->code || strlen(in->code) > 32 || !credo__text_ok(in->code, 0)))
		return credo__fail(db, CREDO_INVALID, "payment code must be 1 to 32 bytes of text");
	credo_money limit = owed(db, in->customer_id) + credo__setting_money(db, "ledger.max_advance", 0);
	if (in->amount > limit) {
		char a[CREDO_MONEY_BUFSZ], b[CREDO_MONEY_BUFSZ], c[CREDO_MONEY_BUFSZ];
		return credo__fail(db, CREDO_RULE, "payment of %s is more than the customer owes (%s) plus the"
				   " advance allowed by setting ledger.max_advance (%s)",
				   credo_money_format(in->amount, 1, a, sizeof a),
				   credo_money_format(owed(db, in->customer_id), 1, b, sizeof b),
				   credo_money_format(credo__setting_money(db, "ledger.max_advance", 0), 1, c, sizeof c));
	}
	return CREDO_OK;
}

/* Explicit allocations: each to an open invoice of this customer, within its open amount and the payment. */
static credo_status apply_given(credo_db *db, const credo_payment_new *in, int64_t id, const char *date)
{
	credo_money total = 0;
	for (int i = 0; i < in->napply; i++) {
		const credo_apply *a = &in->apply[i];
		sqlite3_stmt *st;
		credo_status rc = credo__prepare(db, "SELECT code, customer_id, amount FROM invoices WHERE id = ?1", &st);
		if (rc)
			return rc;
		sqlite3_bind_int64(st, 1, a->invoice_id);
		char code[40] = "";
		int ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 1) == in->customer_id &&
			 sqlite3_column_int64(st, 2) > 0;
		if (ok)
			snprintf(code, sizeof code, "%s", credo__col_text(st, 0));
		sqlite3_finalize(st);
		if (!ok)
			return credo__fail(db, CREDO_RULE, "a payment applies only to invoices of the same customer");
		if (a->amount <= 0)
			return credo__fail(db, CREDO_INVALID, "an amount applied to %s must be more than zero", code);
		credo_money open = credo__invoice_open(db, a->invoice_id);
		char x[CREDO_MONEY_BUFSZ], y[CREDO_MONEY_BUFSZ];
		if (a->amount > open)
			return credo__fail(db, CREDO_RULE, "%s applied to %s is more than its open %s",
					   credo_money_format(a->amount, 1, x, sizeof x), code,
					   credo_money_format(open, 1, y, sizeof y));
		total += a->amount;
		if (total > in->amount)
			return credo__fail(db, CREDO_RULE, "the amounts applied add up to more than the payment (%s)",
					   credo_money_format(in->amount, 1, x, sizeof x));
		rc = credo__allocate(db, id, 0, a->invoice_id, a->amount, date);
		if (rc)
			return rc;
	}
	return CREDO_OK;
}

static credo_status insert_payment(credo_db *db, const credo_payment_new *in, int64_t *id_out)
{
	char date[CREDO_DATE_BUFSZ], code[40];
	credo_status rc = check_new(db, in, date);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	for (int tries = 0;; tries++) {
		if (in->code)
			snprintf(code, sizeof code, "%s", in->code);
		else if ((rc = credo__next_code(db, "payment", code, sizeof code)))
			return rc;
		if ((rc = credo__prepare(db, "SELECT 1 FROM payments WHERE code = ?1", &st)))
			return rc;
		sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
		int taken = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
		if (!taken)
			break;
		if (in->code || tries > 1000)
			return credo__fail(db, CREDO_EXISTS, "payment code %s is already used", code);
	}
	rc = credo__prepare(db, "INSERT INTO payments(code, customer_id, pay_date, amount, method, reference, created_at)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st);
	if (rc)
		return rc;
	char now[21];
	credo__now(now);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, in->customer_id);
	sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, in->amount);
	sqlite3_bind_text(st, 5, in->method && *in->method ? in->method : "transfer", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, in->reference ? in->reference : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC);
	rc = credo__step_done(db, st, "recording a payment");
	if (rc)
		return rc;
	credo__figures_touch(db, in->customer_id);
	int64_t id = sqlite3_last_insert_rowid(db->sql);
	rc = in->napply > 0 ? apply_given(db, in, id, date)
			    : credo__apply_oldest(db, in->customer_id, id, 0, in->amount, date);
	if (rc == CREDO_OK)
		rc = credo__audit_row(db, "payments", id, "create", SNAP_PAYMENT, NULL);
	if (rc == CREDO_OK && id_out)
		*id_out = id;
	return rc;
}

credo_status credo_payment_add(credo_db *db, const credo_payment_new *in, int64_t *id_out)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_LEDGER_POST);
	if (rc)
		return rc;
	return credo__mut_end(db, insert_payment(db, in, id_out));
}

static credo_status reverse(credo_db *db, int64_t id, const char *date, const char *reason)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT p.code, p.pay_date, p.reversed_at IS NOT NULL FROM payments p"
					 " JOIN customers c ON c.id = p.customer_id WHERE" PAYMENT_SCOPE " AND p.id = ?3", &st);
	if (rc)
		return rc;
	bind_scope(db, st);
	sqlite3_bind_int64(st, 3, id);
	char code[40] = "", paid[CREDO_DATE_BUFSZ] = "";
	int found = sqlite3_step(st) == SQLITE_ROW, reversed = 0;
	if (found) {
		snprintf(code, sizeof code, "%s", credo__col_text(st, 0));
		snprintf(paid, sizeof paid, "%s", credo__col_text(st, 1));
		reversed = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (!found)
		return credo__fail(db, CREDO_NOTFOUND, "payment #%lld not found", (long long)id);
	if (reversed)
		return credo__fail(db, CREDO_RULE, "payment %s is already reversed", code);
	if (!reason || !*reason || strlen(reason) > 500 || !credo__text_ok(reason, 0))
		return credo__fail(db, CREDO_INVALID, "reversing a payment needs the reason (at most 500 bytes)");
	char day[CREDO_DATE_BUFSZ], today[CREDO_DATE_BUFSZ];
	rc = credo__date_or_today(db, "reversal date", date, day);
	/* Like every ledger date: a reversal dated ahead would reopen invoices today yet not on the statement. */
	if (rc == CREDO_OK && strcmp(day, credo_date_format(credo_today(), today, sizeof today)) > 0)
		rc = credo__fail(db, CREDO_RULE, "reversal date %s is after today", day);
	if (rc == CREDO_OK && strcmp(day, paid) < 0)
		rc = credo__fail(db, CREDO_RULE, "a payment cannot be reversed before it was received (%s)", paid);
	if (rc == CREDO_OK)
		rc = credo__month_open(db, day);
	if (rc)
		return rc;
	char *before = credo__snapshot(db, SNAP_PAYMENT, id);
	rc = credo__prepare(db, "UPDATE payments SET reversed_at = ?2, reversed_by = ?3, reversal_reason = ?4"
			    " WHERE id = ?1", &st);
	if (rc == CREDO_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, db->actor.id);
		sqlite3_bind_text(st, 4, reason, -1, SQLITE_STATIC);
		rc = credo__step_done(db, st, "reversing a payment");
	}
	if (rc == CREDO_OK)
		credo__figures_touch_of(db, "SELECT customer_id FROM payments WHERE id = ?1", id);
	/* The allocations stay on file, marked, so past dates still show what was paid then. */
	if (rc == CREDO_OK && (rc = credo__prepare(db, "UPDATE allocations SET reversed_at = ?2"
						   " WHERE payment_id = ?1 AND reversed_at IS NULL", &st)) == CREDO_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
		rc = credo__step_done(db, st, "reopening invoices");
	}
	if (rc == CREDO_OK)
		rc = credo__audit_row(db, "payments", id, "reverse", SNAP_PAYMENT, before);
	free(before);
	return rc;
}

credo_status credo_payment_reverse(credo_db *db, int64_t id, const char *date, const char *reason)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_LEDGER_POST);
	if (rc)
		return rc;
	return credo__mut_end(db, reverse(db, id, date, reason));
}

credo_status credo_payment_find(credo_db *db, const char *code, int64_t *id)
{
	return credo__find_code(db, "SELECT p.id FROM payments p JOIN customers c ON c.id = p.customer_id"
				" WHERE" PAYMENT_SCOPE " AND p.code = ?3", "payment", code, id);
}

credo_status credo_payment_list(credo_db *db, const credo_payment_filter *f, credo_payment_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	char from[CREDO_DATE_BUFSZ] = "", to[CREDO_DATE_BUFSZ] = "";
	credo_status rc = CREDO_OK;
	if (f && f->from && *f->from)
		rc = credo__date_arg(db, "from date", f->from, from);
	if (rc == CREDO_OK && f && f->to && *f->to)
		rc = credo__date_arg(db, "to date", f->to, to);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	rc = credo__prepare(db, "SELECT p.id, p.code, p.customer_id, c.code, c.name, p.pay_date, p.amount,"
			    " (SELECT coalesce(sum(a.amount), 0) FROM allocations a WHERE a.payment_id = p.id"
			    "   AND a.reversed_at IS NULL), p.method, p.reference, coalesce(p.reversed_at, ''),"
			    " p.reversal_reason FROM payments p JOIN customers c ON c.id = p.customer_id"
			    " WHERE" PAYMENT_SCOPE " AND (?3 = 0 OR p.customer_id = ?3)"
			    " AND (?4 IS NULL OR p.pay_date >= ?4) AND (?5 IS NULL OR p.pay_date <= ?5)"
			    " ORDER BY p.pay_date DESC, p.id DESC LIMIT ?6", &st);
	if (rc)
		return rc;
	bind_scope(db, st);
	sqlite3_bind_int64(st, 3, f ? f->customer_id : 0);
	credo__bind_text_or_null(st, 4, from);
	credo__bind_text_or_null(st, 5, to);
	sqlite3_bind_int(st, 6, f && f->limit > 0 ? f->limit : -1);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_payment p = {
			.id = sqlite3_column_int64(st, 0), .code = credo__col_text(st, 1),
			.customer_id = sqlite3_column_int64(st, 2), .customer_code = credo__col_text(st, 3),
			.customer_name = credo__col_text(st, 4), .date = credo__col_text(st, 5),
			.amount = sqlite3_column_int64(st, 6), .applied = sqlite3_column_int64(st, 7),
			.method = credo__col_text(st, 8), .reference = credo__col_text(st, 9),
			.reversed_at = credo__col_text(st, 10), .reversal_reason = credo__col_text(st, 11),
		};
		if (cb(&p, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "listing payments");
	sqlite3_finalize(st);
	return rc;
}

credo_status credo_payment_allocations(credo_db *db, int64_t id, credo_allocation_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT i.code, a.alloc_date, a.amount, a.reversed_at IS NOT NULL"
					 " FROM allocations a JOIN invoices i ON i.id = a.invoice_id"
					 " JOIN payments p ON p.id = a.payment_id JOIN customers c ON c.id = p.customer_id"
					 " WHERE" PAYMENT_SCOPE " AND a.payment_id = ?3 ORDER BY a.id", &st);
	if (rc)
		return rc;
	bind_scope(db, st);
	sqlite3_bind_int64(st, 3, id);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_allocation a = { .invoice_code = credo__col_text(st, 0), .date = credo__col_text(st, 1),
				       .amount = sqlite3_column_int64(st, 2), .reversed = sqlite3_column_int(st, 3) };
		if (cb(&a, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "reading allocations");
	sqlite3_finalize(st);
	return rc;
}
