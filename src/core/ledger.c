/*
 * ledger.c - applying payments and credit notes to invoices, balances,
 * the statement of account, and collected vs contracted.
 *
 * Open amounts are never stored: an invoice is open by its amount less the
 * allocations made on or before a date and not reversed by then, so any
 * past date can be asked about.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Allocations in force on ?D (a date). */
#define ALLOC_LIVE(a, d) " (" a ".alloc_date <= " d " AND (" a ".reversed_at IS NULL OR " a ".reversed_at > " d "))"

static const char SNAP_ALLOC[] =
	"SELECT json_object('payment_id', payment_id, 'credit_note_id', credit_note_id, 'invoice_id', invoice_id,"
	" 'amount', amount, 'alloc_date', alloc_date, 'reversed_at', reversed_at) FROM allocations WHERE id = ?1";
const char *const credo__snap_alloc = SNAP_ALLOC;

credo_status credo__allocate(credo_db *db, int64_t payment_id, int64_t credit_note_id, int64_t invoice_id,
			     credo_money amount, const char *date)
{
	sqlite3_stmt *st;
	/*
	 * Money cannot pay an invoice before the invoice exists, nor before the
	 * money itself arrived (a payment applied to a back-dated invoice): an
	 * allocation in force on a date then always has both its sides on file
	 * by that date, so the open items of any date add up to the balance.
	 */
	credo_status rc = credo__prepare(db, "INSERT INTO allocations(payment_id, credit_note_id, invoice_id, amount,"
					 " alloc_date) VALUES (nullif(?1, 0), nullif(?2, 0), ?3, ?4,"
					 " max(?5, (SELECT invoice_date FROM invoices WHERE id = ?3),"
					 " coalesce((SELECT pay_date FROM payments WHERE id = ?1), ''),"
					 " coalesce((SELECT invoice_date FROM invoices WHERE id = ?2), '')))", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, payment_id);
	sqlite3_bind_int64(st, 2, credit_note_id);
	sqlite3_bind_int64(st, 3, invoice_id);
	sqlite3_bind_int64(st, 4, amount);
	sqlite3_bind_text(st, 5, date, -1, SQLITE_STATIC);
	rc = credo__step_done(db, st, "applying money to an invoice");
	if (rc == CREDO_OK)
		credo__figures_touch_of(db, "SELECT customer_id FROM invoices WHERE id = ?1", invoice_id);
	if (rc == CREDO_OK)
		rc = credo__audit_row(db, "allocations", sqlite3_last_insert_rowid(db->sql), "create", SNAP_ALLOC, NULL);
	return rc;
}

credo_money credo__invoice_open(credo_db *db, int64_t invoice_id)
{
	sqlite3_stmt *st;
	credo_money open = 0;
	if (credo__prepare(db, "SELECT i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a"
			   " WHERE a.invoice_id = i.id AND a.reversed_at IS NULL) FROM invoices i WHERE i.id = ?1", &st))
		return 0;
	sqlite3_bind_int64(st, 1, invoice_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		open = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return open;
}

/* The customer's oldest-due open invoice; 0 when there is none. */
static int64_t oldest_open(credo_db *db, int64_t customer, credo_money *open)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	if (credo__prepare(db, "SELECT i.id, i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a"
			   " WHERE a.invoice_id = i.id AND a.reversed_at IS NULL) AS open FROM invoices i"
			   " WHERE i.customer_id = ?1 AND i.amount > 0 AND open > 0 ORDER BY i.due_day, i.id LIMIT 1", &st))
		return 0;
	sqlite3_bind_int64(st, 1, customer);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		*open = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return id;
}

credo_status credo__apply_oldest(credo_db *db, int64_t customer, int64_t payment_id, int64_t credit_note_id,
				 credo_money available, const char *date)
{
	credo_status rc = CREDO_OK;
	while (rc == CREDO_OK && available > 0) {
		credo_money open = 0;
		int64_t inv = oldest_open(db, customer, &open);
		if (!inv)
			break;
		credo_money part = open < available ? open : available;
		rc = credo__allocate(db, payment_id, credit_note_id, inv, part, date);
		available -= part;
	}
	return rc;
}

/*
 * The customer's oldest credit not yet applied: a payment (kind 0) or a
 * credit note (kind 1), with what is left of it. 0 when none.
 */
static int64_t oldest_credit(credo_db *db, int64_t customer, int *kind, credo_money *left)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	if (credo__prepare(db,
		"SELECT id, kind, left FROM ("
		" SELECT p.id, 0 AS kind, p.pay_date AS d, p.amount - (SELECT coalesce(sum(a.amount), 0)"
		"   FROM allocations a WHERE a.payment_id = p.id AND a.reversed_at IS NULL) AS left"
		" FROM payments p WHERE p.customer_id = ?1 AND p.reversed_at IS NULL"
		" UNION ALL SELECT i.id, 1, i.invoice_date, -i.amount - (SELECT coalesce(sum(a.amount), 0)"
		"   FROM allocations a WHERE a.credit_note_id = i.id AND a.reversed_at IS NULL)"
		" FROM invoices i WHERE i.customer_id = ?1 AND i.amount < 0)"
		" WHERE left > 0 ORDER BY d, kind, id LIMIT 1", &st))
		return 0;
	sqlite3_bind_int64(st, 1, customer);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		*kind = sqlite3_column_int(st, 1);
		*left = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	return id;
}

credo_status credo__apply_credits(credo_db *db, int64_t customer, int64_t invoice_id, const char *date)
{
	credo_status rc = CREDO_OK;
	credo_money open = credo__invoice_open(db, invoice_id);
	while (rc == CREDO_OK && open > 0) {
		int kind = 0;
		credo_money left = 0;
		int64_t src = oldest_credit(db, customer, &kind, &left);
		if (!src)
			break;
		credo_money part = left < open ? left : open;
		rc = credo__allocate(db, kind == 0 ? src : 0, kind == 1 ? src : 0, invoice_id, part, date);
		open -= part;
	}
	return rc;
}

/* The balance at the end of day d (canonical ISO text, checked by the caller). */
static credo_status balance_at(credo_db *db, int64_t customer_id, const char *d, credo_balance *out)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db,
		"SELECT"
		" (SELECT coalesce(sum(amount), 0) FROM invoices WHERE customer_id = ?1 AND invoice_date <= ?2),"
		" (SELECT coalesce(sum(amount), 0) FROM payments WHERE customer_id = ?1 AND pay_date <= ?2"
		"   AND (reversed_at IS NULL OR reversed_at > ?2)),"
		" (SELECT coalesce(sum(i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a"
		"   WHERE a.invoice_id = i.id AND" ALLOC_LIVE("a", "?2") ")), 0) FROM invoices i"
		"   WHERE i.customer_id = ?1 AND i.amount > 0 AND i.invoice_date <= ?2),"
		" (SELECT coalesce(sum(i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a"
		"   WHERE a.invoice_id = i.id AND" ALLOC_LIVE("a", "?2") ")), 0) FROM invoices i"
		"   WHERE i.customer_id = ?1 AND i.amount > 0 AND i.invoice_date <= ?2 AND i.due_date < ?2)", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, customer_id);
	sqlite3_bind_text(st, 2, d, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		out->invoiced = sqlite3_column_int64(st, 0);
		out->received = sqlite3_column_int64(st, 1);
		out->balance = out->invoiced - out->received;
		out->open_items = sqlite3_column_int64(st, 2);
		out->unapplied = out->open_items - out->balance;
		out->overdue = sqlite3_column_int64(st, 3);
	} else {
		rc = credo__dberr(db, "reading a balance");
	}
	sqlite3_finalize(st);
	return rc;
}

credo_status credo_balance_of(credo_db *db, int64_t customer_id, const char *as_of, credo_balance *out)
{
	char d[CREDO_DATE_BUFSZ];
	credo_status rc = credo__customer_visible(db, customer_id);
	if (rc == CREDO_OK)
		rc = credo__date_or_today(db, "as-of date", as_of, d);
	return rc ? rc : balance_at(db, customer_id, d, out);
}

static int emit(credo_statement_cb cb, void *ctx, const char *date, const char *kind, const char *code,
		const char *text, credo_money debit, credo_money credit, credo_money balance, const char *due)
{
	credo_statement_line l = { .date = date, .kind = kind, .code = code, .text = text, .debit = debit,
				   .credit = credit, .balance = balance, .due_date = due };
	return cb(&l, ctx);
}

credo_status credo_statement(credo_db *db, int64_t customer_id, const char *from, const char *to,
			     credo_statement_cb cb, void *ctx)
{
	char f[CREDO_DATE_BUFSZ], t[CREDO_DATE_BUFSZ], before[CREDO_DATE_BUFSZ];
	credo_status rc = credo__customer_visible(db, customer_id);
	if (rc == CREDO_OK)
		rc = credo__date_arg(db, "statement start date", from, f);
	if (rc == CREDO_OK)
		rc = credo__date_arg(db, "statement end date", to, t);
	if (rc == CREDO_OK && strcmp(t, f) < 0)
		rc = credo__fail(db, CREDO_INVALID, "the statement ends (%s) before it starts (%s)", t, f);
	if (rc)
		return rc;
	/* The day before the start: 1899-12-31 for a statement from the first day there is. */
	credo_date day;
	credo_date_parse(f, &day, NULL);
	credo_date_format(day - 1, before, sizeof before);
	credo_balance open;
	rc = balance_at(db, customer_id, before, &open);
	if (rc)
		return rc;
	credo_money bal = open.balance;
	if (emit(cb, ctx, f, "opening", "", "", 0, 0, bal, ""))
		return CREDO_STOP;

	sqlite3_stmt *st;
	rc = credo__prepare(db,
		"SELECT invoice_date, CASE WHEN amount > 0 THEN 'invoice' ELSE 'credit_note' END, code,"
		"   CASE WHEN amount < 0 THEN notes ELSE coalesce((SELECT code FROM contracts WHERE id = contract_id),"
		"   notes) END, amount, due_date, 0"
		" FROM invoices WHERE customer_id = ?1 AND invoice_date BETWEEN ?2 AND ?3"
		" UNION ALL SELECT pay_date, 'payment', code, reference, -amount, '', 1"
		" FROM payments WHERE customer_id = ?1 AND pay_date BETWEEN ?2 AND ?3"
		" UNION ALL SELECT reversed_at, 'reversal', code, reversal_reason, amount, '', 2"
		" FROM payments WHERE customer_id = ?1 AND reversed_at BETWEEN ?2 AND ?3"
		" ORDER BY 1, 7, 3", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, customer_id);
	sqlite3_bind_text(st, 2, f, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, t, -1, SQLITE_STATIC);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_money amt = sqlite3_column_int64(st, 4);
		bal += amt;
		if (emit(cb, ctx, credo__col_text(st, 0), credo__col_text(st, 1), credo__col_text(st, 2),
			 credo__col_text(st, 3), amt > 0 ? amt : 0, amt < 0 ? -amt : 0, bal, credo__col_text(st, 5))) {
			sqlite3_finalize(st);
			return CREDO_STOP;
		}
	}
	sqlite3_finalize(st);
	if (r != SQLITE_DONE)
		return credo__dberr(db, "reading the statement");
	if (emit(cb, ctx, t, "closing", "", "", 0, 0, bal, ""))
		return CREDO_STOP;

	/* Open at the end date: unpaid invoices, and credit not yet applied (negative). */
	rc = credo__prepare(db,
		"SELECT invoice_date, 'open_item', code, open, due_date FROM ("
		" SELECT i.invoice_date, i.code, i.due_date, i.due_day, i.id, i.amount - (SELECT coalesce(sum(a.amount), 0)"
		"   FROM allocations a WHERE a.invoice_id = i.id AND" ALLOC_LIVE("a", "?2") ") AS open"
		" FROM invoices i WHERE i.customer_id = ?1 AND i.amount > 0 AND i.invoice_date <= ?2"
		" UNION ALL SELECT p.pay_date, p.code, '', 0, 0, -(p.amount - (SELECT coalesce(sum(a.amount), 0)"
		"   FROM allocations a WHERE a.payment_id = p.id AND" ALLOC_LIVE("a", "?2") "))"
		" FROM payments p WHERE p.customer_id = ?1 AND p.pay_date <= ?2"
		"   AND (p.reversed_at IS NULL OR p.reversed_at > ?2)"
		" UNION ALL SELECT i.invoice_date, i.code, '', 0, 0, i.amount + (SELECT coalesce(sum(a.amount), 0)"
		"   FROM allocations a WHERE a.credit_note_id = i.id AND" ALLOC_LIVE("a", "?2") ")"
		" FROM invoices i WHERE i.customer_id = ?1 AND i.amount < 0 AND i.invoice_date <= ?2)"
		" WHERE open <> 0 ORDER BY due_day, id", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, customer_id);
	sqlite3_bind_text(st, 2, t, -1, SQLITE_STATIC);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_money o = sqlite3_column_int64(st, 3);
		if (emit(cb, ctx, credo__col_text(st, 0), o > 0 ? "open_item" : "unapplied", credo__col_text(st, 2),
			 "", 0, 0, o, credo__col_text(st, 4))) {
			sqlite3_finalize(st);
			return CREDO_STOP;
		}
	}
	sqlite3_finalize(st);
	return r == SQLITE_DONE ? CREDO_OK : credo__dberr(db, "reading open items");
}

/* ?3 selects the grouping: 0 by customer, 1 by salesperson. */
credo_status credo_collected(credo_db *db, int by_salesperson, credo_collected_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db,
		"SELECT CASE WHEN ?3 THEN u.login ELSE c.code END, CASE WHEN ?3 THEN u.name ELSE c.name END,"
		" sum(coalesce(k.amt, 0)), sum(coalesce(i.amt, 0)), sum(coalesce(p.amt, 0))"
		" FROM customers c JOIN users u ON u.id = c.owner_id"
		" LEFT JOIN (SELECT customer_id, sum(amount) AS amt FROM contracts"
		"   WHERE status IN ('active', 'completed') GROUP BY customer_id) k ON k.customer_id = c.id"
		" LEFT JOIN (SELECT customer_id, sum(amount) AS amt FROM invoices GROUP BY customer_id) i"
		"   ON i.customer_id = c.id"
		" LEFT JOIN (SELECT customer_id, sum(amount) AS amt FROM payments WHERE reversed_at IS NULL"
		"   GROUP BY customer_id) p ON p.customer_id = c.id"
		" WHERE (?1 OR c.owner_id = ?2) AND (k.amt IS NOT NULL OR i.amt IS NOT NULL OR p.amt IS NOT NULL)"
		" GROUP BY CASE WHEN ?3 THEN u.id ELSE c.id END ORDER BY 1", &st);
	if (rc)
		return rc;
	sqlite3_bind_int(st, 1, credo_can(db, CREDO_PERM_READ_ALL));
	sqlite3_bind_int64(st, 2, db->actor.id);
	sqlite3_bind_int(st, 3, by_salesperson ? 1 : 0);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_collected_row row = {
			.key = credo__col_text(st, 0), .name = credo__col_text(st, 1),
			.contracted = sqlite3_column_int64(st, 2), .invoiced = sqlite3_column_int64(st, 3),
			.collected = sqlite3_column_int64(st, 4),
		};
		row.balance = row.invoiced - row.collected;
		if (cb(&row, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "reading collections");
	sqlite3_finalize(st);
	return rc;
}
