/*
 * asof.c - what was open on the ledger as of a date, computed once into
 * temporary tables for the queries of one run (the month's figures, the
 * alert engine):
 *
 *	temp.asof_invoices(id, customer_id, open, ...)
 *		every invoice (amount > 0, dated up to the day) with what it
 *		had not received by the day, when that is not zero, and the
 *		invoice's own columns the month and the alert rules read
 *		(named as in invoices), so that they never go back to the
 *		invoices table
 *	temp.asof_payments(payment_id, customer_id, unapplied)
 *		every payment dated up to the day and not reversed by it, with
 *		what it had not applied by the day, when that is not zero
 *
 * A correlated subquery per invoice ("amount less its allocations") costs
 * one index search per invoice: at a million invoices most of the month's
 * export went there, once for each query that needed it. Here both sides
 * are read once in id order - the invoices (or payments) by rowid, their
 * allocations summed per invoice (or payment) along a covering index
 * (sql/009_asof.sql) - and merged as they go. Memory stays flat: two
 * statements step side by side and the rows go to the temporary database,
 * which spills to a file like any other.
 */
#include <string.h>

#include "internal.h"

static const char CREATE[] =
	"DROP TABLE IF EXISTS temp.asof_invoices; DROP TABLE IF EXISTS temp.asof_payments;"
	"CREATE TEMP TABLE asof_invoices(id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, open INTEGER NOT NULL,"
	" amount INTEGER, code TEXT, contract_id INTEGER, invoice_date TEXT, due_date TEXT, invoice_day INTEGER,"
	" due_day INTEGER, collector_id INTEGER, disputed INTEGER);"
	"CREATE TEMP TABLE asof_payments(payment_id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL,"
	" unapplied INTEGER NOT NULL);";

/*
 * Merge the rows of outer (id, customer, amount, more...; ascending id) with
 * those of inner (id, sum; ascending id, each id once) into ins (?1 id, ?2
 * customer, ?3 amount - sum, then ?4... the outer columns from amount on)
 * where that is not zero. ?1 is the day number, ?2 the date.
 */
static credo_status merge(credo_db *db, const char *outer_sql, const char *inner_sql, const char *ins_sql,
			  credo_date day, const char *date, const char *what)
{
	sqlite3_stmt *out = NULL, *in = NULL, *ins = NULL;
	credo_status rc = credo__prepare(db, outer_sql, &out);
	if (rc == CREDO_OK)
		rc = credo__prepare(db, inner_sql, &in);
	if (rc == CREDO_OK)
		rc = credo__prepare(db, ins_sql, &ins);
	if (rc) {
		sqlite3_finalize(out);
		sqlite3_finalize(in);
		return rc;
	}
	sqlite3_stmt *both[] = { out, in };
	for (int k = 0; k < 2; k++) {
		if (sqlite3_bind_parameter_count(both[k]) >= 1)
			sqlite3_bind_int64(both[k], 1, day);
		if (sqlite3_bind_parameter_count(both[k]) >= 2)
			sqlite3_bind_text(both[k], 2, date, -1, SQLITE_STATIC);
	}
	int nout = sqlite3_column_count(out), nins = sqlite3_bind_parameter_count(ins);
	int ri = sqlite3_step(in), ro;
	while ((ro = sqlite3_step(out)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(out, 0);
		while (ri == SQLITE_ROW && sqlite3_column_int64(in, 0) < id)
			ri = sqlite3_step(in);
		if (ri != SQLITE_ROW && ri != SQLITE_DONE)
			break;
		int64_t left = sqlite3_column_int64(out, 2);
		if (ri == SQLITE_ROW && sqlite3_column_int64(in, 0) == id)
			left -= sqlite3_column_int64(in, 1);
		if (left == 0)
			continue;
		sqlite3_reset(ins);
		sqlite3_bind_int64(ins, 1, id);
		sqlite3_bind_int64(ins, 2, sqlite3_column_int64(out, 1));
		sqlite3_bind_int64(ins, 3, left);
		for (int k = 2; k + 2 <= nins && k < nout; k++)
			sqlite3_bind_value(ins, k + 2, sqlite3_column_value(out, k));
		if (sqlite3_step(ins) != SQLITE_DONE) {
			ro = SQLITE_ERROR;
			break;
		}
	}
	if (ro != SQLITE_DONE || (ri != SQLITE_ROW && ri != SQLITE_DONE))
		rc = credo__dberr(db, what);
	sqlite3_finalize(out);
	sqlite3_finalize(in);
	sqlite3_finalize(ins);
	return rc;
}

/* The allocations in force at the end of day ?1 (date ?2). */
#define LIVE "alloc_day <= ?1 AND (reversed_at IS NULL OR reversed_at > ?2)"

credo_status credo__asof_build(credo_db *db, credo_date day, const char *date)
{
	credo_status rc = credo__exec(db, CREATE, "computing the open items");
	if (rc == CREDO_OK)
		rc = merge(db, "SELECT id, customer_id, amount, code, contract_id, invoice_date, due_date, invoice_day,"
			   " due_day, collector_id, disputed FROM invoices WHERE amount > 0 AND invoice_day <= ?1 ORDER BY id",
			   "SELECT invoice_id, sum(amount) FROM allocations WHERE " LIVE
			   " GROUP BY invoice_id ORDER BY invoice_id",
			   "INSERT INTO temp.asof_invoices(id, customer_id, open, amount, code, contract_id, invoice_date,"
			   " due_date, invoice_day, due_day, collector_id, disputed)"
			   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", day, date, "computing the open items");
	if (rc == CREDO_OK)
		rc = merge(db, "SELECT id, customer_id, amount FROM payments WHERE pay_day <= ?1"
			   " AND (reversed_at IS NULL OR reversed_at > ?2) ORDER BY id",
			   "SELECT payment_id, sum(amount) FROM allocations WHERE payment_id IS NOT NULL AND " LIVE
			   " GROUP BY payment_id ORDER BY payment_id",
			   "INSERT INTO temp.asof_payments VALUES (?1, ?2, ?3)", day, date,
			   "computing the unapplied payments");
	return rc;
}

void credo__asof_drop(credo_db *db)
{
	char keep[sizeof db->err];
	memcpy(keep, db->err, sizeof keep);
	credo__exec(db, "DROP TABLE IF EXISTS temp.asof_invoices; DROP TABLE IF EXISTS temp.asof_payments;",
		    "dropping the open items");
	memcpy(db->err, keep, sizeof keep);
}
