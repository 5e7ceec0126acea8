/*
 * figures.c - per-customer credit figures (customer_figures): open and
 * overdue amounts, exposure, the limit in force and utilisation, kept so
 * the customer list can be sorted by them a page at a time.
 *
 * One SELECT defines the figures and is used for everything: a changed
 * customer, the lazy refresh before a sorted read, the full refresh after
 * the migration or a bulk write, and `credo check`. Its definitions are the
 * credit check's (credit.c STATUS_SQL): exposure is the open amount of the
 * invoices not under a one-off limit, plus what active contracts (not under
 * a one-off limit) have still to invoice, less unapplied payments and
 * credit notes; the limit is the latest standing limit in force plus the
 * temporary ones in force. Overdue is the open amount of invoices whose
 * due date has passed, as the credit hold and aging count it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Utilisation sort keys for customers without a limit (docs/data-model.md). */
#define UTIL_NO_LIMIT "9223372036854775807"
#define UTIL_NONE "(-9223372036854775807)"

/*
 * The figures as of day ?1 (?2 the same date as text) of the customers in
 * TARGET (a SELECT of ids), as the CTE "fig" with the table's columns.
 */
#define ONE_OFF "(SELECT contract_id FROM credit_limits WHERE kind = 'one_off' AND revoked_at IS NULL)"
/*
 * "LIMIT -1" keeps each per-row subquery where it is: SQLite would
 * otherwise fold it into the grouping and run the allocation lookups in
 * customer order after sorting (random reads), or once per use of the
 * value.
 */
#define FIG_CTE(target, hint, within) \
	"WITH t(id) AS (" target ")," \
	" inv AS (SELECT i.customer_id AS cid, i.due_day," \
	"  (i.contract_id IS NOT NULL AND i.contract_id IN " ONE_OFF ") AS once," \
	"  i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a" \
	"   WHERE a.invoice_id = i.id AND a.reversed_at IS NULL) AS open" \
	"  FROM invoices i" hint " WHERE i.amount > 0" within("i.customer_id") " LIMIT -1)," \
	" io AS (SELECT cid, sum(open) AS open, sum(CASE WHEN due_day < ?1 THEN open ELSE 0 END) AS overdue," \
	"  sum(CASE WHEN once THEN 0 ELSE open END) AS owed," \
	"  min(CASE WHEN due_day >= ?1 AND open > 0 THEN due_day END) AS next_due FROM inv GROUP BY cid)," \
	" pay AS (SELECT cid, sum(v) AS v FROM (SELECT p.customer_id AS cid, p.amount - (SELECT coalesce(sum(a.amount), 0)" \
	"  FROM allocations a WHERE a.payment_id = p.id AND a.reversed_at IS NULL) AS v" \
	"  FROM payments p" hint " WHERE p.reversed_at IS NULL" within("p.customer_id") " LIMIT -1) GROUP BY cid)," \
	" cn AS (SELECT cid, sum(v) AS v FROM (SELECT i.customer_id AS cid, -i.amount - (SELECT coalesce(sum(a.amount), 0)" \
	"  FROM allocations a WHERE a.credit_note_id = i.id AND a.reversed_at IS NULL) AS v" \
	"  FROM invoices i" hint " WHERE i.amount < 0" within("i.customer_id") " LIMIT -1) GROUP BY cid)," \
	" ct AS (SELECT k.customer_id AS cid, sum(max(0, k.amount - (SELECT coalesce(sum(amount), 0)" \
	"  FROM invoices WHERE contract_id = k.id))) AS v FROM contracts k" \
	"  WHERE k.status = 'active'" within("k.customer_id") " AND k.id NOT IN " ONE_OFF " GROUP BY k.customer_id)," \
	" base AS (SELECT t.id AS cid, coalesce(io.open, 0) AS open, coalesce(io.overdue, 0) AS overdue," \
	"  coalesce(io.owed, 0) + coalesce(ct.v, 0) - coalesce(pay.v, 0) - coalesce(cn.v, 0) AS exposure," \
	"  io.next_due," \
	"  (SELECT amount FROM credit_limits WHERE customer_id = t.id AND kind = 'standing' AND revoked_at IS NULL" \
	"   AND effective_from <= ?2 ORDER BY effective_from DESC, id DESC LIMIT 1) AS standing," \
	"  (SELECT coalesce(sum(amount), 0) FROM credit_limits WHERE customer_id = t.id AND kind = 'temporary'" \
	"   AND revoked_at IS NULL AND effective_from <= ?2 AND expires >= ?2) AS temp," \
	"  (SELECT min(CASE WHEN effective_from > ?2 THEN effective_from" \
	"   WHEN kind = 'temporary' AND expires >= ?2 THEN date(expires, '+1 day') END) FROM credit_limits" \
	"   WHERE customer_id = t.id AND kind IN ('standing', 'temporary') AND revoked_at IS NULL) AS next_limit" \
	"  FROM t LEFT JOIN io ON io.cid = t.id LEFT JOIN pay ON pay.cid = t.id LEFT JOIN cn ON cn.cid = t.id" \
	"  LEFT JOIN ct ON ct.cid = t.id)," \
	" lim AS (SELECT *, CASE WHEN standing IS NOT NULL OR temp > 0 THEN coalesce(standing, 0) + temp END AS lim" \
	"  FROM base)," \
	" fig(customer_id, as_of, open, overdue, exposure, credit_limit, util_bp, next_day) AS (" \
	"  SELECT cid, ?1, open, overdue, exposure, lim," \
	"  CASE WHEN lim > 0 THEN exposure * 10000 / lim WHEN exposure > 0 THEN " UTIL_NO_LIMIT \
	"   ELSE " UTIL_NONE " END," \
	"  nullif(min(coalesce(next_due + 1, 2147483647)," \
	"   coalesce(CAST(julianday(next_limit) - 2440587.5 AS INTEGER), 2147483647)), 2147483647) FROM lim)"

/*
 * Some customers: each table read through its customer index. Every
 * customer: each table read once in storage order (its rows' pages in
 * sequence, not one seek per customer) and no test per row; testing
 * "IN t" per row cost ten times the rest at a million invoices.
 */
#define IN_T(col) " AND " col " IN t"
#define ALL_ROWS(col) ""
#define FIG_WRITE(target, hint, within) \
	FIG_CTE(target, hint, within) " INSERT OR REPLACE INTO customer_figures SELECT * FROM fig"

static const char ONE_SQL[] = FIG_WRITE("SELECT ?3", "", IN_T);
static const char ALL_SQL[] = FIG_WRITE("SELECT id FROM customers", " NOT INDEXED", ALL_ROWS);
/* Rows whose day has passed one of their own changes, or stamped later than today (the clock went back). */
#define STALE "SELECT customer_id FROM customer_figures WHERE next_day <= ?1 UNION SELECT customer_id" \
	" FROM customer_figures WHERE as_of > ?1"
/* Stale customers beyond which the whole table is recomputed (a few seconds at 100,000 customers). */
#define FULL_BEYOND "5000"
static const char STALE_SQL[] = FIG_WRITE(STALE, "", IN_T);

static credo_status run(credo_db *db, const char *sql, int64_t customer, credo_date day)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, sql, &st);
	if (rc)
		return rc;
	char d[CREDO_DATE_BUFSZ];
	sqlite3_bind_int(st, 1, day);
	sqlite3_bind_text(st, 2, credo_date_format(day, d, sizeof d), -1, SQLITE_TRANSIENT);
	if (customer > 0)
		sqlite3_bind_int64(st, 3, customer);
	return credo__step_done(db, st, "computing customer figures");
}

credo_status credo__figures_refresh(credo_db *db, int64_t customer_id)
{
	if (customer_id <= 0) {
		db->fig_all = 0;
		db->fig_n = 0;
	}
	return run(db, customer_id > 0 ? ONE_SQL : ALL_SQL, customer_id, credo_today());
}

void credo__figures_touch(credo_db *db, int64_t customer_id)
{
	if (db->fig_all)
		return;
	if (customer_id <= 0 || db->fig_n == (int)(sizeof db->fig_dirty / sizeof db->fig_dirty[0])) {
		db->fig_all = 1;
		return;
	}
	for (int i = 0; i < db->fig_n; i++)
		if (db->fig_dirty[i] == customer_id)
			return;
	db->fig_dirty[db->fig_n++] = customer_id;
}

void credo__figures_touch_of(credo_db *db, const char *sql, int64_t id)
{
	sqlite3_stmt *st;
	int64_t customer = 0;
	if (credo__prepare(db, sql, &st) == CREDO_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			customer = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	/* Not found (it cannot be, the caller just wrote the row): refresh everyone rather than miss one. */
	credo__figures_touch(db, customer);
}

/* Customers with a row written after the watermark ?1..?4 (rowid ranges). */
#define SINCE \
	"SELECT id FROM customers WHERE id > ?4 UNION SELECT customer_id FROM invoices WHERE id > ?5" \
	" UNION SELECT customer_id FROM payments WHERE id > ?6" \
	" UNION SELECT i.customer_id FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.id > ?7"
static const char SINCE_SQL[] = FIG_WRITE(SINCE, "", IN_T);

void credo__figures_watermark(credo_db *db, struct credo__figures_mark *m)
{
	sqlite3_stmt *st;
	memset(m, 0, sizeof *m);
	if (credo__prepare(db, "SELECT (SELECT max(id) FROM customers), (SELECT max(id) FROM invoices),"
			   " (SELECT max(id) FROM payments), (SELECT max(id) FROM allocations)", &st))
		return;
	if (sqlite3_step(st) == SQLITE_ROW) {
		m->customer = sqlite3_column_int64(st, 0);
		m->invoice = sqlite3_column_int64(st, 1);
		m->payment = sqlite3_column_int64(st, 2);
		m->allocation = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
}

static void bind_mark(sqlite3_stmt *st, const struct credo__figures_mark *m)
{
	sqlite3_bind_int64(st, 4, m->customer);
	sqlite3_bind_int64(st, 5, m->invoice);
	sqlite3_bind_int64(st, 6, m->payment);
	sqlite3_bind_int64(st, 7, m->allocation);
}

credo_status credo__figures_refresh_since(credo_db *db, const struct credo__figures_mark *m)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT count(*) FROM (" SINCE " LIMIT " FULL_BEYOND ")", &st);
	if (rc)
		return rc;
	bind_mark(st, m);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	credo__figures_forget(db);
	if (n >= atoi(FULL_BEYOND))
		return credo__figures_refresh(db, 0);
	if (n == 0)
		return CREDO_OK;
	if ((rc = credo__prepare(db, SINCE_SQL, &st)))
		return rc;
	credo_date today = credo_today();
	char d[CREDO_DATE_BUFSZ];
	sqlite3_bind_int(st, 1, today);
	sqlite3_bind_text(st, 2, credo_date_format(today, d, sizeof d), -1, SQLITE_TRANSIENT);
	bind_mark(st, m);
	return credo__step_done(db, st, "computing customer figures");
}

credo_status credo__figures_flush(credo_db *db)
{
	credo_status rc = CREDO_OK;
	if (db->fig_all)
		return credo__figures_refresh(db, 0);
	for (int i = 0; rc == CREDO_OK && i < db->fig_n; i++)
		rc = credo__figures_refresh(db, db->fig_dirty[i]);
	db->fig_n = 0;
	return rc;
}

void credo__figures_forget(credo_db *db)
{
	db->fig_n = 0;
	db->fig_all = 0;
}

credo_status credo__figures_catch_up(credo_db *db)
{
	credo_date today = credo_today();
	sqlite3_stmt *st;
	/* How many, up to the point where reading every table once beats a seek per customer. */
	credo_status rc = credo__prepare(db, "SELECT count(*) FROM (" STALE " LIMIT " FULL_BEYOND ")", &st);
	if (rc)
		return rc;
	sqlite3_bind_int(st, 1, today);
	int stale = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (!stale)
		return CREDO_OK;
	/* Derived rows only: no audit row, its own short transaction unless inside a change. */
	int own = db->mut_depth == 0;
	if (own && (rc = credo__exec(db, "BEGIN IMMEDIATE", "refreshing customer figures")))
		return rc;
	rc = run(db, stale >= atoi(FULL_BEYOND) ? ALL_SQL : STALE_SQL, 0, today);
	if (own) {
		if (rc == CREDO_OK)
			return credo__exec(db, "COMMIT", "refreshing customer figures");
		char keep[sizeof db->err];
		memcpy(keep, db->err, sizeof keep);
		credo__exec(db, "ROLLBACK", "refreshing customer figures");
		memcpy(db->err, keep, sizeof keep);
	}
	return rc;
}

credo_status credo__figures_verify(credo_db *db, char *detail, size_t len, int *ok)
{
	*ok = 1;
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT c.code FROM customers c WHERE NOT EXISTS"
					 " (SELECT 1 FROM customer_figures f WHERE f.customer_id = c.id)"
					 " ORDER BY c.id LIMIT 1", &st);
	if (rc)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*ok = 0;
		snprintf(detail, len, "customer %s has no row of credit figures", credo__col_text(st, 0));
	}
	sqlite3_finalize(st);
	if (!*ok)
		return CREDO_OK;
	/* Each stamped day (few: rows are refreshed to today) recomputed from the ledger and compared. */
	sqlite3_stmt *days;
	rc = credo__prepare(db, "SELECT DISTINCT as_of FROM customer_figures ORDER BY 1", &days);
	if (rc)
		return rc;
	rc = credo__prepare(db, FIG_CTE("SELECT customer_id FROM customer_figures WHERE as_of = ?1", " NOT INDEXED",
				       ALL_ROWS)
			    " SELECT c.code, f.overdue, g.overdue, f.exposure, g.exposure FROM fig g"
			    " JOIN customer_figures f ON f.customer_id = g.customer_id"
			    " JOIN customers c ON c.id = g.customer_id"
			    " WHERE (f.open, f.overdue, f.exposure, f.credit_limit, f.util_bp, f.next_day)"
			    " IS NOT (g.open, g.overdue, g.exposure, g.credit_limit, g.util_bp, g.next_day)"
			    " ORDER BY g.customer_id LIMIT 1", &st);
	if (rc) {
		sqlite3_finalize(days);
		return rc;
	}
	int r;
	while (*ok && (r = sqlite3_step(days)) == SQLITE_ROW) {
		credo_date day = sqlite3_column_int(days, 0);
		char d[CREDO_DATE_BUFSZ];
		sqlite3_reset(st);
		sqlite3_bind_int(st, 1, day);
		sqlite3_bind_text(st, 2, credo_date_format(day, d, sizeof d), -1, SQLITE_TRANSIENT);
		int s = sqlite3_step(st);
		if (s == SQLITE_ROW) {
			*ok = 0;
			char a[CREDO_MONEY_BUFSZ], b[CREDO_MONEY_BUFSZ], x[CREDO_MONEY_BUFSZ], y[CREDO_MONEY_BUFSZ];
			snprintf(detail, len, "customer figures of %s differ from the ledger as of %s"
				 " (overdue %s, ledger %s; exposure %s, ledger %s)", credo__col_text(st, 0), d,
				 credo_money_format(sqlite3_column_int64(st, 1), 1, a, sizeof a),
				 credo_money_format(sqlite3_column_int64(st, 2), 1, b, sizeof b),
				 credo_money_format(sqlite3_column_int64(st, 3), 1, x, sizeof x),
				 credo_money_format(sqlite3_column_int64(st, 4), 1, y, sizeof y));
		} else if (s != SQLITE_DONE) {
			rc = credo__dberr(db, "comparing customer figures with the ledger");
			break;
		}
	}
	if (rc == CREDO_OK && *ok && r != SQLITE_DONE)
		rc = credo__dberr(db, "reading customer figures");
	sqlite3_finalize(st);
	sqlite3_finalize(days);
	return rc;
}
