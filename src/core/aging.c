/* aging.c - aging, open items, provision and DSO: one query over the open items each. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/*
 * The open items as of ?1 (day number) / ?2 (the same date as text), in the
 * actor's scope (?3 all, ?4 actor) and for customer ?5 (0: all). ?6 chooses
 * the grouping, ?7 the age basis (1: invoice date); ?10..?16 are the bucket
 * limits (missing ones very large), ?20..?25 the provision rates.
 *
 * Each invoice's open amount is a correlated subquery over its allocations.
 * Left to itself SQLite flattens the CTEs into the outer query and runs that
 * subquery again at every use of "open" (the filter, each bucket sum, the
 * total...): items are therefore MATERIALIZED, narrow (only what the ages
 * and the amounts need; the listing joins the invoice back by id), so each
 * open amount is computed once. The scope is a list of the actor's
 * customers built once, not a join per invoice.
 */
#define OPEN_ITEMS \
	"WITH items AS MATERIALIZED (SELECT i.id, i.customer_id, i.invoice_day, i.due_day," \
	"  i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a WHERE a.invoice_id = i.id" \
	"   AND a.alloc_day <= ?1 AND (a.reversed_at IS NULL OR a.reversed_at > ?2)) AS open" \
	" FROM invoices i WHERE i.amount > 0 AND i.invoice_day <= ?1 AND (?5 = 0 OR i.customer_id = ?5)" \
	"  AND (?3 OR i.customer_id IN (SELECT id FROM customers WHERE owner_id = ?4)))," \
	" aged AS MATERIALIZED (SELECT id, customer_id, due_day, open, ?1 - due_day AS past_due," \
	"  CASE WHEN (CASE WHEN ?7 THEN ?1 - invoice_day ELSE ?1 - due_day END) <= ?10 THEN 0" \
	"   WHEN (CASE WHEN ?7 THEN ?1 - invoice_day ELSE ?1 - due_day END) <= ?11 THEN 1" \
	"   WHEN (CASE WHEN ?7 THEN ?1 - invoice_day ELSE ?1 - due_day END) <= ?12 THEN 2" \
	"   WHEN (CASE WHEN ?7 THEN ?1 - invoice_day ELSE ?1 - due_day END) <= ?13 THEN 3" \
	"   WHEN (CASE WHEN ?7 THEN ?1 - invoice_day ELSE ?1 - due_day END) <= ?14 THEN 4" \
	"   WHEN (CASE WHEN ?7 THEN ?1 - invoice_day ELSE ?1 - due_day END) <= ?15 THEN 5" \
	"   WHEN (CASE WHEN ?7 THEN ?1 - invoice_day ELSE ?1 - due_day END) <= ?16 THEN 6 ELSE 7 END AS bucket," \
	"  open * (CASE WHEN ?1 - invoice_day <= 365 THEN ?20 WHEN ?1 - invoice_day <= 730 THEN ?21" \
	"   WHEN ?1 - invoice_day <= 1095 THEN ?22 WHEN ?1 - invoice_day <= 1460 THEN ?23" \
	"   WHEN ?1 - invoice_day <= 1825 THEN ?24 ELSE ?25 END) / 100 AS provision" \
	" FROM items WHERE open > 0)"

/*
 * The open items summed per customer first, so the names and groups below
 * are joined once per customer rather than once per item.
 */
#define PER_CUSTOMER \
	" per AS (SELECT customer_id, count(*) AS n," \
	"  sum(CASE bucket WHEN 0 THEN open END) AS b0, sum(CASE bucket WHEN 1 THEN open END) AS b1," \
	"  sum(CASE bucket WHEN 2 THEN open END) AS b2, sum(CASE bucket WHEN 3 THEN open END) AS b3," \
	"  sum(CASE bucket WHEN 4 THEN open END) AS b4, sum(CASE bucket WHEN 5 THEN open END) AS b5," \
	"  sum(CASE bucket WHEN 6 THEN open END) AS b6, sum(CASE bucket WHEN 7 THEN open END) AS b7," \
	"  sum(open) AS total, sum(CASE WHEN past_due > 0 THEN open ELSE 0 END) AS overdue," \
	"  sum(provision) AS provision FROM aged GROUP BY customer_id)"

/* Group key and name per ?6: customer, salesperson, department, grade. */
#define GROUP_KEY \
	" CASE ?6 WHEN 0 THEN c.code WHEN 1 THEN u.login WHEN 2 THEN coalesce(d.name, '')" \
	"  ELSE coalesce((SELECT grade FROM credit_ratings r WHERE r.customer_id = c.id" \
	"   ORDER BY r.rated_at DESC, r.id DESC LIMIT 1), '-') END"
#define GROUP_NAME \
	" CASE ?6 WHEN 0 THEN c.name WHEN 1 THEN u.name WHEN 2 THEN coalesce(d.name, '') ELSE '' END"
/* The customer, owner and department of the rows of table t (its customer_id). */
#define GROUP_JOIN(t) \
	" JOIN customers c ON c.id = " t ".customer_id JOIN users u ON u.id = c.owner_id" \
	" LEFT JOIN departments d ON d.id = u.department_id"

struct aging_params {
	credo_date day;
	char date[CREDO_DATE_BUFSZ];
	int limits[7], nlimits;
	int rates[6];
};

credo_status credo_aging_buckets_get(credo_db *db, int by_invoice_date, credo_aging_buckets *out)
{
	char text[128];
	int vals[7], n;
	credo_status rc = credo__setting(db, "aging.buckets", text, sizeof text);
	if (rc)
		return rc;
	const char *why = credo__int_list(text, vals, 7, &n);
	if (why)
		return credo__fail(db, CREDO_INVALID, "aging.buckets: %s", why);
	/* By invoice date nothing is "not due": the first limit above zero opens the first bucket. */
	int first = by_invoice_date && vals[0] <= 0 ? 1 : 0, prev = by_invoice_date ? -1 : 0;
	out->n = 0;
	for (int i = first; i < n; i++) {
		if (!by_invoice_date && i == 0 && vals[0] == 0)
			snprintf(out->label[out->n], sizeof out->label[0], "%s", N_("not due"));
		else
			snprintf(out->label[out->n], sizeof out->label[0], "%d-%d", prev + 1, vals[i]);
		prev = vals[i];
		out->n++;
	}
	snprintf(out->label[out->n++], sizeof out->label[0], "> %d", prev);
	return CREDO_OK;
}

static credo_status params(credo_db *db, const credo_aging_opts *o, struct aging_params *p)
{
	credo_status rc = credo__date_or_today(db, "as-of date", o ? o->as_of : NULL, p->date);
	if (rc)
		return rc;
	credo_date_parse(p->date, &p->day, NULL);
	char text[128];
	int vals[7], n;
	if ((rc = credo__setting(db, "aging.buckets", text, sizeof text)))
		return rc;
	if (credo__int_list(text, vals, 7, &n))
		return credo__fail(db, CREDO_INVALID, "the aging.buckets setting is not a list of days");
	int by_inv = o && o->by_invoice_date, first = by_inv && vals[0] <= 0 ? 1 : 0;
	p->nlimits = 0;
	for (int i = first; i < n; i++)
		p->limits[p->nlimits++] = vals[i];
	if ((rc = credo__setting(db, "aging.provision", text, sizeof text)))
		return rc;
	int rn;
	if (credo__int_list(text, p->rates, 6, &rn) || rn != 6)
		return credo__fail(db, CREDO_INVALID, "the aging.provision setting needs six percentages");
	return CREDO_OK;
}

static void bind_params(credo_db *db, sqlite3_stmt *st, const credo_aging_opts *o, const struct aging_params *p)
{
	sqlite3_bind_int(st, 1, p->day);
	sqlite3_bind_text(st, 2, p->date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, credo_can(db, CREDO_PERM_READ_ALL));
	sqlite3_bind_int64(st, 4, credo_actor_id(db));
	sqlite3_bind_int64(st, 5, o ? o->customer_id : 0);
	sqlite3_bind_int(st, 6, o ? (int)o->group : 0);
	sqlite3_bind_int(st, 7, o && o->by_invoice_date);
	for (int i = 0; i < 7; i++)
		sqlite3_bind_int(st, 10 + i, i < p->nlimits ? p->limits[i] : 1000000000);
	for (int i = 0; i < 6; i++)
		sqlite3_bind_int(st, 20 + i, p->rates[i]);
}

credo_status credo_aging(credo_db *db, const credo_aging_opts *o, credo_aging_cb cb, void *ctx)
{
	if (credo_actor_id(db) <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	struct aging_params p;
	credo_status rc = params(db, o, &p);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	rc = credo__prepare(db, OPEN_ITEMS "," PER_CUSTOMER
		" SELECT" GROUP_KEY " AS k, max(" GROUP_NAME "), sum(n), sum(b0), sum(b1), sum(b2), sum(b3),"
		" sum(b4), sum(b5), sum(b6), sum(b7), sum(total), sum(overdue), sum(provision)"
		" FROM per" GROUP_JOIN("per") " GROUP BY k ORDER BY k", &st);
	if (rc)
		return rc;
	bind_params(db, st, o, &p);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_aging_row row = { .key = credo__col_text(st, 0), .name = credo__col_text(st, 1),
					.items = sqlite3_column_int64(st, 2) };
		for (int b = 0; b < CREDO_AGING_MAX_BUCKETS; b++)
			row.bucket[b] = sqlite3_column_int64(st, 3 + b);
		row.total = sqlite3_column_int64(st, 11);
		row.overdue = sqlite3_column_int64(st, 12);
		row.provision = sqlite3_column_int64(st, 13);
		if (cb(&row, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "computing the aging");
	sqlite3_finalize(st);
	return rc;
}

credo_status credo_open_items(credo_db *db, const credo_aging_opts *o, credo_open_item_cb cb, void *ctx)
{
	if (credo_actor_id(db) <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	struct aging_params p;
	credo_status rc = params(db, o, &p);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	rc = credo__prepare(db, OPEN_ITEMS
		" SELECT aged.id, c.code, c.name, i.code, coalesce(k.code, ''), i.invoice_date,"
		" i.due_date, i.amount, aged.open, aged.past_due, aged.bucket, aged.provision,"
		" coalesce(col.login, ''), u.login, i.disputed"
		" FROM aged JOIN invoices i ON i.id = aged.id" GROUP_JOIN("aged")
		" LEFT JOIN contracts k ON k.id = i.contract_id LEFT JOIN users col ON col.id = i.collector_id"
		" WHERE ?6 = ?6 ORDER BY c.code, aged.due_day, aged.id", &st);
	if (rc)
		return rc;
	bind_params(db, st, o, &p);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_open_item it = {
			.invoice_id = sqlite3_column_int64(st, 0), .customer_code = credo__col_text(st, 1),
			.customer_name = credo__col_text(st, 2), .invoice_code = credo__col_text(st, 3),
			.contract_code = credo__col_text(st, 4), .invoice_date = credo__col_text(st, 5),
			.due_date = credo__col_text(st, 6), .amount = sqlite3_column_int64(st, 7),
			.open = sqlite3_column_int64(st, 8), .days_past_due = sqlite3_column_int(st, 9),
			.bucket = sqlite3_column_int(st, 10), .provision = sqlite3_column_int64(st, 11),
			.collector = credo__col_text(st, 12), .salesperson = credo__col_text(st, 13),
			.disputed = sqlite3_column_int(st, 14),
		};
		if (cb(&it, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "listing open items");
	sqlite3_finalize(st);
	return rc;
}

credo_status credo_dso(credo_db *db, const char *as_of, int days, credo_aging_group group,
		       credo_dso_cb cb, void *ctx)
{
	if (credo_actor_id(db) <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	if (days <= 0)
		days = 90;
	credo_aging_opts o = { .as_of = as_of, .group = group };
	struct aging_params p;
	credo_status rc = params(db, &o, &p);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	/* Receivable per group from the open items; sales per group from the period's invoices. */
	rc = credo__prepare(db, OPEN_ITEMS "," PER_CUSTOMER ","
		" recv AS (SELECT" GROUP_KEY " AS k, max(" GROUP_NAME ") AS name, sum(total) AS amt"
		"  FROM per" GROUP_JOIN("per") " GROUP BY k),"
		" sold AS (SELECT k, max(name) AS name, sum(amount) AS amt FROM (SELECT" GROUP_KEY " AS k,"
		"  " GROUP_NAME " AS name, s.amount FROM invoices s JOIN customers c ON c.id = s.customer_id"
		"  JOIN users u ON u.id = c.owner_id LEFT JOIN departments d ON d.id = u.department_id"
		"  WHERE s.invoice_day > ?1 - ?8 AND s.invoice_day <= ?1 AND (?3 OR c.owner_id = ?4)) GROUP BY k),"
		" keys AS (SELECT k, name FROM recv UNION SELECT k, name FROM sold)"
		" SELECT keys.k, max(keys.name), coalesce(max(recv.amt), 0), coalesce(max(sold.amt), 0), 0 AS total"
		" FROM keys LEFT JOIN recv ON recv.k = keys.k LEFT JOIN sold ON sold.k = keys.k GROUP BY keys.k"
		" UNION ALL SELECT '', '', (SELECT coalesce(sum(amt), 0) FROM recv), (SELECT coalesce(sum(amt), 0) FROM sold), 1"
		" ORDER BY 5, 1", &st);
	if (rc)
		return rc;
	bind_params(db, st, &o, &p);
	sqlite3_bind_int(st, 8, days);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_dso_row row = { .key = credo__col_text(st, 0), .name = credo__col_text(st, 1),
				      .receivable = sqlite3_column_int64(st, 2), .sales = sqlite3_column_int64(st, 3),
				      .days = days };
		row.dso = row.sales > 0 ? (int)((row.receivable * days + row.sales / 2) / row.sales) : -1;
		if (cb(&row, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "computing DSO");
	sqlite3_finalize(st);
	return rc;
}
