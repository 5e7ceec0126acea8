/*
 * demo_reports.c - what the management reports need from the demo: this
 * month, a deal per salesperson sold above list price and paid (so the
 * commission has an excess part), sales targets for the last six months
 * and the next, set as the managers would, and one ABC classification run.
 */
#include <stdio.h>

#include "demo_internal.h"

/* The offset-th row's id and text of a constant query with ?1 bound to text; 0 when none. */
static int64_t nth(credo_db *db, const char *sql, const char *text, int offset, char *out, size_t len)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	if (credo__prepare(db, sql, &st))
		return 0;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, offset);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (out)
			snprintf(out, len, "%s", credo__col_text(st, 1));
	}
	sqlite3_finalize(st);
	return id;
}

/* A contract at 15 % over list price, invoiced and paid in full this month. */
static credo_status premium_deal(credo_db *db, struct rng *r, const char *owner, credo_date today)
{
	int64_t customer = nth(db, "SELECT c.id, c.code FROM customers c JOIN users u ON u.id = c.owner_id"
			       " WHERE u.login = ?1 AND EXISTS (SELECT 1 FROM credit_limits l WHERE l.customer_id = c.id"
			       " AND l.kind = 'standing' AND l.revoked_at IS NULL) ORDER BY c.id LIMIT 1 OFFSET ?2",
			       owner, pick(r, 5), NULL, 0);
	char product[64] = "", price[32] = "";
	int64_t pid = nth(db, "SELECT id, code FROM products WHERE list_price > 0 AND ?1 IS NOT NULL"
			  " ORDER BY id LIMIT 1 OFFSET ?2", "", pick(r, 4), product, sizeof product);
	if (!customer || !pid)
		return CREDO_OK;	/* nobody to sell to: the reports do without */
	nth(db, "SELECT id, list_price FROM products WHERE code = ?1 AND ?2 >= 0", product, 0, price, sizeof price);
	credo_money list = 0;
	sscanf(price, "%lld", (long long *)&list);
	int y, m, d;
	credo_date_to_ymd(today, &y, &m, &d);
	credo_date first = credo_date_from_ymd(y, m, 1), inv = today - 20 > first ? today - 20 : first;
	char sign[CREDO_DATE_BUFSZ], invd[CREDO_DATE_BUFSZ], payd[CREDO_DATE_BUFSZ];
	credo_date_format(inv - 5, sign, sizeof sign);
	credo_date_format(inv, invd, sizeof invd);
	credo_date_format(today, payd, sizeof payd);
	credo_contract_line line = { .product_code = product, .qty_milli = (int64_t)(20 + pick(r, 80)) * 1000,
				     .unit_price = list * 115 / 100 };
	credo_money amount = line.qty_milli / 1000 * line.unit_price;	/* whole units: exact */
	credo_contract_new k = { .customer_id = customer, .sign_date = sign, .payment_term_days = 30,
				 .lines = &line, .nlines = 1 };
	int64_t contract = 0, invoice = 0;
	credo_status rc = credo__act_as(db, owner);
	if (rc == CREDO_OK)
		rc = credo_contract_add(db, &k, &contract);
	if (rc == CREDO_OK)
		rc = credo_contract_activate(db, contract, NULL);
	if (rc == CREDO_OK)
		rc = credo__act_as(db, DEMO_FINANCE);
	credo_invoice_new in = { .customer_id = customer, .contract_id = contract, .date = invd, .amount = amount };
	if (rc == CREDO_OK)
		rc = credo_invoice_add(db, &in, &invoice);
	credo_apply ap = { .invoice_id = invoice, .amount = amount };
	credo_payment_new p = { .customer_id = customer, .date = payd, .amount = amount, .reference = "银行转账",
				.apply = &ap, .napply = 1 };
	if (rc == CREDO_OK)
		rc = credo_payment_add(db, &p, NULL);
	return rc;
}

credo_status demo_reports(credo_db *db, struct rng *r)
{
	credo_date today = credo_today();
	credo_status rc = CREDO_OK;
	/* Sold as it happened, not judged again by today's credit position. */
	db->backfill = 1;
	for (int u = 1; rc == CREDO_OK && u < 7; u++)
		rc = premium_deal(db, r, demo_users[u].login, today);
	db->backfill = 0;
	for (int m = -5; rc == CREDO_OK && m <= 1; m++) {
		int y, mo, d;
		credo_date_to_ymd(credo_date_add_months(today, m), &y, &mo, &d);
		char month[16];
		snprintf(month, sizeof month, "%04d-%02d", y, mo);
		/* demo_users[0..6]: the manager and the salespeople; the manager sets his department's. */
		for (int u = 0; rc == CREDO_OK && u < 7; u++) {
			int east = u < 3;
			rc = credo__act_as(db, east ? demo_users[0].login : "huangjun");
			credo_money amount = (credo_money)(12 + pick(r, 14)) * 1000000;	/* 120,000.00 - 250,000.00 */
			if (rc == CREDO_OK)
				rc = credo_target_set(db, demo_users[u].login, month, NULL, NULL, amount);
		}
	}
	if (rc == CREDO_OK)
		rc = credo__act_as(db, demo_users[0].login);
	if (rc == CREDO_OK)
		rc = credo_classify(db, NULL, 0, NULL, NULL, NULL);
	return rc;
}
