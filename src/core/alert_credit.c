/*
 * alert_credit.c - the credit rules of the alert engine (DESIGN.md section 5):
 * exposure near or over the limit, credit sales without an approved limit,
 * overdue reviews and expiring temporary limits. One query each.
 */
#include <stdio.h>
#include <string.h>

#include "alert_internal.h"

/*
 * Exposure and limit of every customer in scope as of :date, as credo credit
 * show computes them for today (credit.c), from the ledger as of :date
 * (temp.asof_invoices and temp.asof_payments, asof.c): open invoices + what active
 * contracts still have to invoice - payments and credit notes not yet
 * applied (n: open invoices, contracts with something left to invoice); contracts under a one-off limit, and their invoices, are judged
 * against that limit instead. The limit is the standing limit in force
 * plus unexpired temporary ones.
 */
#define EXPOSURE \
	"WITH oneoff AS (SELECT contract_id FROM credit_limits WHERE kind = 'one_off' AND revoked_at IS NULL)," \
	" inv AS MATERIALIZED (SELECT i.customer_id, i.code, i.open FROM " A_OPEN_INVOICES \
	"  JOIN customers c ON c.id = i.customer_id" \
	"  WHERE (i.contract_id IS NULL OR i.contract_id NOT IN (SELECT contract_id FROM oneoff)) AND" A_SCOPE("c.owner_id") ")," \
	" inv_c AS (SELECT customer_id, sum(open) AS amt, sum(open > 0) AS n," \
	"  min(CASE WHEN open > 0 THEN code END) AS code FROM inv GROUP BY customer_id)," \
	" ctr AS (SELECT customer_id, sum(left) AS amt, sum(left > 0) AS n, min(CASE WHEN left > 0 THEN code END) AS code" \
	"  FROM (SELECT k.customer_id, k.code, max(0, k.amount - (SELECT coalesce(sum(s.amount), 0) FROM invoices s" \
	"   WHERE s.contract_id = k.id AND s.invoice_day <= :day)) AS left" \
	"   FROM contracts k JOIN customers c ON c.id = k.customer_id WHERE k.status = 'active'" \
	"   AND k.id NOT IN (SELECT contract_id FROM oneoff) AND" A_SCOPE("c.owner_id") ") GROUP BY customer_id)," \
	" cred AS (SELECT customer_id, sum(amt) AS amt FROM (" \
	"  SELECT ap.customer_id, ap.unapplied AS amt FROM temp.asof_payments ap" \
	"   JOIN customers c ON c.id = ap.customer_id WHERE" A_SCOPE("c.owner_id") \
	"  UNION ALL SELECT i.customer_id, -i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a" \
	"   WHERE a.credit_note_id = i.id AND a.alloc_day <= :day AND (a.reversed_at IS NULL OR a.reversed_at > :date))" \
	"   FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.amount < 0 AND i.invoice_day <= :day" \
	"   AND" A_SCOPE("c.owner_id") ") GROUP BY customer_id)," \
	" expo AS MATERIALIZED (SELECT c.id, c.code, c.name, c.owner_id," \
	"  coalesce(inv_c.amt, 0) + coalesce(ctr.amt, 0) - coalesce(cred.amt, 0) AS exposure," \
	"  coalesce(inv_c.n, 0) AS open_n, coalesce(ctr.n, 0) AS ctr_n, inv_c.code AS inv_code, ctr.code AS ctr_code," \
	"  (SELECT l.amount FROM credit_limits l WHERE l.customer_id = c.id AND l.kind = 'standing'" \
	"   AND l.effective_from <= :date AND (l.revoked_at IS NULL OR substr(l.revoked_at, 1, 10) > :date)" \
	"   ORDER BY l.effective_from DESC, l.id DESC LIMIT 1) AS standing," \
	"  (SELECT coalesce(sum(l.amount), 0) FROM credit_limits l WHERE l.customer_id = c.id" \
	"   AND l.kind = 'temporary' AND l.revoked_at IS NULL AND l.effective_from <= :date AND l.expires >= :date) AS temp" \
	"  FROM customers c LEFT JOIN inv_c ON inv_c.customer_id = c.id LEFT JOIN ctr ON ctr.customer_id = c.id" \
	"  LEFT JOIN cred ON cred.customer_id = c.id WHERE" A_SCOPE("c.owner_id") ")," \
	" lim AS (SELECT expo.*, coalesce(standing, 0) + temp AS lim, (standing IS NOT NULL OR temp > 0) AS has_limit" \
	"  FROM expo)" \
	" SELECT lim.code, lim.name,"

/* The three rules that read the exposure, in one query: the rule of each row is column 9. */
static void fill_exposure(const struct alert_run *r, sqlite3_stmt *st, credo_alert *a, char *msg, size_t len)
{
	char e[CREDO_MONEY_BUFSZ], l[CREDO_MONEY_BUFSZ], s[CREDO_MONEY_BUFSZ];
	credo_money lim = sqlite3_column_int64(st, 8);
	const char *rule = credo__col_text(st, 9);
	if (strcmp(rule, "no_limit") == 0) {
		int n = sqlite3_column_int(st, 10), k = sqlite3_column_int(st, 11);
		a->rule = "no_limit";
		a->severity = CREDO_ALERT_CRITICAL;
		snprintf(msg, len, _("sold on credit without an approved limit: %d open invoice%s, %d active contract%s"
			 " still to invoice, exposure %s"), n, n == 1 ? "" : "s", k, k == 1 ? "" : "s",
			 credo__alert_money(a->amount, e));
	} else if (strcmp(rule, "over_limit") == 0) {
		a->rule = "over_limit";
		a->severity = CREDO_ALERT_CRITICAL;
		snprintf(msg, len, _("exposure %s is over the credit limit %s by %s"), credo__alert_money(a->amount, e),
			 credo__alert_money(lim, l), credo__alert_money(a->amount - lim, s));
	} else {
		a->rule = "near_limit";
		a->severity = CREDO_ALERT_WARNING;
		snprintf(msg, len, _("exposure %s is %d%% of the credit limit %s (alert from %lld%%)"),
			 credo__alert_money(a->amount, e), a->days, credo__alert_money(lim, l), (long long)r->p[0]);
	}
	a->days = 0;
}

/*
 * near_limit, over_limit and no_limit share the exposure of every customer,
 * so the first of them that is switched on runs one query for all three
 * (each still obeys its own switch) and the others find the work done.
 */
credo_status credo__alert_exposure(struct alert_run *r)
{
	if (r->exposure_done)
		return CREDO_OK;
	r->exposure_done = 1;
	r->p[0] = credo__setting_int(r->db, "credit.near_limit_pct", 90);
	r->p[1] = credo__setting_int(r->db, "alert.near_limit.on", 1);
	r->p[2] = credo__setting_int(r->db, "alert.over_limit.on", 1);
	r->p[3] = credo__setting_int(r->db, "alert.no_limit.on", 1);
	return credo__alert_query(r, EXPOSURE
		" CASE WHEN NOT lim.has_limit THEN CASE WHEN lim.open_n > 0 THEN 'invoice' ELSE 'contract' END"
		"  ELSE 'limit' END,"
		" CASE WHEN NOT lim.has_limit THEN coalesce(lim.inv_code, lim.ctr_code, '') ELSE '' END,"
		" lim.exposure, u.login, :date, CASE WHEN lim.lim > 0 THEN lim.exposure * 100 / lim.lim ELSE 0 END,"
		" lim.lim, CASE WHEN NOT lim.has_limit THEN 'no_limit' WHEN lim.exposure > lim.lim THEN 'over_limit'"
		"  ELSE 'near_limit' END, lim.open_n, lim.ctr_n"
		" FROM lim JOIN users u ON u.id = lim.owner_id"
		" WHERE (:p3 AND lim.has_limit AND lim.exposure > lim.lim)"
		" OR (:p2 AND lim.has_limit AND lim.lim > 0 AND lim.exposure <= lim.lim AND lim.exposure * 100 >= :p1 * lim.lim)"
		" OR (:p4 AND NOT lim.has_limit AND (lim.open_n > 0 OR lim.ctr_n > 0))", fill_exposure);
}

static void fill_review(const struct alert_run *r, sqlite3_stmt *st, credo_alert *a, char *msg, size_t len)
{
	(void)r;
	a->severity = CREDO_ALERT_WARNING;
	snprintf(msg, len, _("the %s of %.10s (%s) was due for review on %s, %d days ago"), a->item_kind,
		 credo__col_text(st, 8), a->item, a->date, a->days);
}

credo_status credo__alert_review_overdue(struct alert_run *r)
{
	return credo__alert_query(r,
		"SELECT c.code, c.name, 'rating', 'grade ' || g.grade, 0, u.login, g.next_review,"
		"  :day - " A_DAY("g.next_review") ", g.rated_at"
		" FROM customers c JOIN credit_ratings g ON g.id = (SELECT x.id FROM credit_ratings x"
		"  WHERE x.customer_id = c.id AND x.rated_at <= :date ORDER BY x.rated_at DESC, x.id DESC LIMIT 1)"
		" JOIN users u ON u.id = g.rated_by"
		" WHERE c.status <> 'lost' AND g.next_review < :date AND" A_SCOPE("c.owner_id")
		" UNION ALL SELECT c.code, c.name, 'limit', 'standing', l.amount, u.login, l.next_review,"
		"  :day - " A_DAY("l.next_review") ", l.effective_from"
		" FROM customers c JOIN credit_limits l ON l.id = (SELECT x.id FROM credit_limits x"
		"  WHERE x.customer_id = c.id AND x.kind = 'standing' AND x.effective_from <= :date"
		"  AND (x.revoked_at IS NULL OR substr(x.revoked_at, 1, 10) > :date)"
		"  ORDER BY x.effective_from DESC, x.id DESC LIMIT 1)"
		" JOIN users u ON u.id = l.approved_by"
		" WHERE c.status <> 'lost' AND l.next_review < :date AND" A_SCOPE("c.owner_id"), fill_review);
}

static void fill_temp(const struct alert_run *r, sqlite3_stmt *st, credo_alert *a, char *msg, size_t len)
{
	(void)r, (void)st;
	char m[CREDO_MONEY_BUFSZ];
	a->severity = CREDO_ALERT_INFO;
	snprintf(msg, len, _("temporary limit of %s expires on %s, in %d day%s: request a renewal or bring exposure down"),
		 credo__alert_money(a->amount, m), a->date, a->days, a->days == 1 ? "" : "s");
}

credo_status credo__alert_temp_limit_expiring(struct alert_run *r)
{
	return credo__alert_query(r,
		"SELECT c.code, c.name, 'limit', 'temporary', l.amount, u.login, l.expires, " A_DAY("l.expires") " - :day"
		" FROM credit_limits l JOIN customers c ON c.id = l.customer_id JOIN users u ON u.id = c.owner_id"
		" WHERE l.kind = 'temporary' AND l.revoked_at IS NULL AND l.effective_from <= :date AND l.expires >= :date"
		" AND l.expires <= date(:date, '+' || :p1 || ' days') AND" A_SCOPE("c.owner_id"), fill_temp);
}
