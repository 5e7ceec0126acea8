/* target.c - monthly sales targets, actual against target, suggested targets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

#define TARGET_SNAP "SELECT json_object('user_id', user_id, 'month', month, 'region', region," \
	" 'product_id', product_id, 'amount', amount)" \
	" FROM sales_targets WHERE id = ?1"

credo_status credo_target_set(credo_db *db, const char *login, const char *month, const char *region,
			      const char *product, credo_money amount)
{
	credo_status rc = credo_require(db, CREDO_PERM_TARGET_SET);
	if (rc)
		return rc;
	char first[CREDO_DATE_BUFSZ], last[CREDO_DATE_BUFSZ];
	if ((rc = credo__month_range(db, "month", month, first, last)))
		return rc;
	if (amount < 0)
		return credo__fail(db, CREDO_INVALID, "a target cannot be negative");
	if (region && (!credo__text_ok(region, 0) || strlen(region) > 100))
		return credo__fail(db, CREDO_INVALID, "a region is at most 100 bytes of text");
	int64_t user, product_id = 0;
	if ((rc = credo__report_user(db, login, &user)))
		return rc;
	if (product && *product && (rc = credo_product_find(db, product, &product_id)))
		return rc;
	if ((rc = credo__mut_begin(db, CREDO_PERM_TARGET_SET)))
		return rc;
	sqlite3_stmt *st;
	int64_t id = 0;
	rc = credo__prepare(db, "SELECT id FROM sales_targets WHERE user_id = ?1 AND month = ?2 AND region = ?3"
			    " AND coalesce(product_id, 0) = ?4", &st);
	if (rc == CREDO_OK) {
		sqlite3_bind_int64(st, 1, user);
		sqlite3_bind_text(st, 2, month, 7, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, region ? region : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, product_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	char *before = id ? credo__snapshot(db, TARGET_SNAP, id) : NULL;
	char now[21];
	credo__now(now);
	if (rc == CREDO_OK && id)
		rc = credo__prepare(db, "UPDATE sales_targets SET amount = ?4, set_by = ?5, set_at = ?6 WHERE id = ?7", &st);
	else if (rc == CREDO_OK)
		rc = credo__prepare(db, "INSERT INTO sales_targets(user_id, month, region, amount, set_by, set_at, product_id)"
				    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, nullif(?8, 0))", &st);
	if (rc == CREDO_OK) {
		if (!id) {
			sqlite3_bind_int64(st, 1, user);
			sqlite3_bind_text(st, 2, month, 7, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, region ? region : "", -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 8, product_id);
		}
		sqlite3_bind_int64(st, 4, amount);
		sqlite3_bind_int64(st, 5, db->actor.id);
		sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
		if (id)
			sqlite3_bind_int64(st, 7, id);
		rc = credo__step_done(db, st, "setting a target");
	}
	if (rc == CREDO_OK && !id)
		id = sqlite3_last_insert_rowid(db->sql);
	if (rc == CREDO_OK)
		rc = credo__audit_row(db, "sales_targets", id, before ? "update" : "create", TARGET_SNAP, before);
	free(before);
	return credo__mut_end(db, rc);
}

credo_status credo_target_suggest(credo_db *db, const char *month, credo_money last_year, credo_money *out)
{
	char first[CREDO_DATE_BUFSZ], last[CREDO_DATE_BUFSZ], text[128];
	credo_status rc = credo__month_range(db, "month", month, first, last);
	if (rc)
		return rc;
	int64_t w = credo__setting_int(db, "target.history_weight_pct", 50);
	int64_t g = credo__setting_int(db, "target.growth_pct", 10);
	int h[12], n = 0;
	if ((rc = credo__setting(db, "target.holiday_factors", text, sizeof text)))
		return rc;
	if (credo__int_list(text, h, 12, &n) || n != 12)
		return credo__fail(db, CREDO_INVALID, "target.holiday_factors is not twelve percentages");
	int m = atoi(month + 5);
	/* (LY*w + LY*(100+g)/100*(100-w)) / 100 * h / 100 as one fraction: rounded once. */
	*out = credo__muldiv(last_year, (w * 100 + (100 - w) * (100 + g)) * h[m - 1], 1000000);
	return CREDO_OK;
}

/*
 * Per salesperson in scope and per target of the month (region NULL:
 * the salesperson's row without a target): ?4..?5 the month, ?6..?7 the
 * same month a year earlier.
 */
static const char rows_sql[] =
	"WITH RECURSIVE" CREDO_REPORT_SEEN ","
	" people AS (SELECT u.id, u.login, u.name FROM users u WHERE u.role IN ('sales', 'sales_manager')"
	"  AND u.active AND u.id IN (SELECT id FROM seen_users)),"
	" lines AS (SELECT p.id, p.login, p.name, t.region, t.amount, t.product_id FROM people p"
	"  JOIN sales_targets t ON t.user_id = p.id AND t.month = ?8"
	"  UNION ALL SELECT p.id, p.login, p.name, '', NULL, NULL FROM people p WHERE NOT EXISTS"
	"  (SELECT 1 FROM sales_targets t WHERE t.user_id = p.id AND t.month = ?8 AND t.region = ''"
	"   AND t.product_id IS NULL))"
	" SELECT l.login, l.name, l.region, l.amount,"
	" (SELECT coalesce(sum(i.amount), 0) FROM customers c JOIN invoices i ON i.customer_id = c.id"
	"  WHERE c.owner_id = l.id AND (l.region = '' OR c.region = l.region) AND i.invoice_date BETWEEN ?4 AND ?5),"
	" (SELECT coalesce(sum(p.amount), 0) FROM customers c JOIN payments p ON p.customer_id = c.id"
	"  WHERE c.owner_id = l.id AND (l.region = '' OR c.region = l.region) AND p.pay_date BETWEEN ?4 AND ?5"
	"  AND p.reversed_at IS NULL),"
	" (SELECT coalesce(sum(i.amount), 0) FROM customers c JOIN invoices i ON i.customer_id = c.id"
	"  WHERE c.owner_id = l.id AND (l.region = '' OR c.region = l.region) AND i.invoice_date BETWEEN ?6 AND ?7),"
	" coalesce(l.product_id, 0), coalesce((SELECT code FROM products WHERE id = l.product_id), ''), l.id"
	" FROM lines l ORDER BY l.login, l.region, 9";

/*
 * A product's share of the money: ?1 user, ?2 region ('' any), ?3 product,
 * ?4..?5 the period. Kind 0: invoices of the period on a contract; kind 1:
 * the period's payments applied to such invoices. Each row: the amount,
 * the product's lines in the contract, the contract's amount.
 */
static const char product_sql[] =
	"WITH k AS (SELECT l.contract_id, sum(l.amount) AS part FROM contract_lines l WHERE l.product_id = ?3"
	"  GROUP BY l.contract_id)"
	" SELECT 0, i.amount, k.part, c2.amount FROM invoices i JOIN k ON k.contract_id = i.contract_id"
	" JOIN contracts c2 ON c2.id = i.contract_id JOIN customers c ON c.id = i.customer_id"
	" WHERE c.owner_id = ?1 AND (?2 = '' OR c.region = ?2) AND i.invoice_date BETWEEN ?4 AND ?5"
	" UNION ALL SELECT 1, a.amount, k.part, c2.amount FROM payments p JOIN allocations a ON a.payment_id = p.id"
	" AND a.reversed_at IS NULL JOIN invoices i ON i.id = a.invoice_id JOIN k ON k.contract_id = i.contract_id"
	" JOIN contracts c2 ON c2.id = i.contract_id JOIN customers c ON c.id = p.customer_id"
	" WHERE c.owner_id = ?1 AND (?2 = '' OR c.region = ?2) AND p.pay_date BETWEEN ?4 AND ?5"
	" AND p.reversed_at IS NULL";

static credo_status product_money(credo_db *db, int64_t user, const char *region, int64_t product, const char *from,
				  const char *to, credo_money *invoiced, credo_money *collected)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, product_sql, &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, user);
	sqlite3_bind_text(st, 2, region, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, product);
	sqlite3_bind_text(st, 4, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, to, -1, SQLITE_STATIC);
	*invoiced = *collected = 0;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_money whole = sqlite3_column_int64(st, 3);
		if (whole <= 0)
			continue;
		credo_money share = credo__muldiv(sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2), whole);
		*(sqlite3_column_int(st, 0) ? collected : invoiced) += share;
	}
	if (r != SQLITE_DONE)
		rc = credo__dberr(db, "adding up a product's sales");
	sqlite3_finalize(st);
	return rc;
}

credo_status credo_targets(credo_db *db, const char *month, credo_target_cb cb, void *ctx)
{
	credo_status rc = credo__need_login(db);
	if (rc)
		return rc;
	char first[CREDO_DATE_BUFSZ], last[CREDO_DATE_BUFSZ], ly_first[CREDO_DATE_BUFSZ], ly_last[CREDO_DATE_BUFSZ];
	if ((rc = credo__month_range(db, "month", month, first, last)))
		return rc;
	char ly[16];
	snprintf(ly, sizeof ly, "%04d-%.2s", atoi(month) - 1, month + 5);
	if ((rc = credo__month_range(db, "month", ly, ly_first, ly_last)))
		return rc;
	sqlite3_stmt *st;
	if ((rc = credo__prepare(db, rows_sql, &st)))
		return rc;
	credo__report_bind(db, st);
	sqlite3_bind_text(st, 4, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, last, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, ly_first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, ly_last, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, month, 7, SQLITE_STATIC);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_target_row t = {
			.login = credo__col_text(st, 0), .name = credo__col_text(st, 1), .region = credo__col_text(st, 2),
			.has_target = sqlite3_column_type(st, 3) != SQLITE_NULL, .target = sqlite3_column_int64(st, 3),
			.invoiced = sqlite3_column_int64(st, 4), .collected = sqlite3_column_int64(st, 5),
			.last_year = sqlite3_column_int64(st, 6), .product = credo__col_text(st, 8),
		};
		int64_t product = sqlite3_column_int64(st, 7), user = sqlite3_column_int64(st, 9);
		credo_money ly_collected;
		if (product && ((rc = product_money(db, user, t.region, product, first, last, &t.invoiced, &t.collected)) ||
				(rc = product_money(db, user, t.region, product, ly_first, ly_last, &t.last_year,
						    &ly_collected))))
			break;
		t.invoiced_bp = t.has_target ? credo__share_bp(t.invoiced, t.target) : -1;
		t.collected_bp = t.has_target ? credo__share_bp(t.collected, t.target) : -1;
		if ((rc = credo_target_suggest(db, month, t.last_year, &t.suggested)))
			break;
		if (cb(&t, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "reading targets");
	sqlite3_finalize(st);
	return rc;
}
