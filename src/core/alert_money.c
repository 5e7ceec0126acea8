/*
 * alert_money.c - the receivables rules of the alert engine: settlements due,
 * overdue invoices and their escalation, the limitation period, broken
 * promises to pay, and paying old debt while new debt goes overdue.
 * One query each, as of :date (see alert_internal.h).
 */
#include <stdio.h>
#include <string.h>

#include "alert_internal.h"

/* --- settlement_due ------------------------------------------------------ */

/*
 * A plan row's share still to collect: the plan up to and including it,
 * less what the contract's invoices have collected, capped at the row.
 */
static void fill_settlement(const struct alert_run *r, sqlite3_stmt *st, credo_alert *a, char *msg, size_t len)
{
	(void)r;
	char m[CREDO_MONEY_BUFSZ], p[CREDO_MONEY_BUFSZ], when[32], part[64] = "";
	a->severity = CREDO_ALERT_INFO;
	credo_money planned = sqlite3_column_int64(st, 8);
	const char *note = credo__col_text(st, 9);
	if (a->days == 0)
		snprintf(when, sizeof when, _("today"));
	else
		snprintf(when, sizeof when, _("%s, in %d day%s"), a->date, a->days, a->days == 1 ? "" : "s");
	if (planned != a->amount)
		snprintf(part, sizeof part, _(" (the rest of %s planned)"), credo__alert_money(planned, p));
	snprintf(msg, len, _("%s: settlement of %s%s due %s%s%s"), a->item, credo__alert_money(a->amount, m), part,
		 when, *note ? ": " : "", note);
}

credo_status credo__alert_settlement_due(struct alert_run *r)
{
	return credo__alert_query(r,
		"WITH s AS MATERIALIZED (SELECT k.customer_id, k.owner_id, k.code AS kcode, p.planned_date, p.amount, p.note,"
		"  " A_DAY("p.planned_date") " - :day AS days_left,"
		"  min(p.amount, (SELECT sum(q.amount) FROM settlement_plan q WHERE q.contract_id = p.contract_id"
		"   AND (q.planned_date < p.planned_date OR (q.planned_date = p.planned_date AND q.id <= p.id)))"
		"   - (SELECT coalesce(sum(a.amount), 0) FROM allocations a JOIN invoices i ON i.id = a.invoice_id"
		"   WHERE i.contract_id = p.contract_id AND a.alloc_day <= :day"
		"   AND (a.reversed_at IS NULL OR a.reversed_at > :date))) AS due"
		"  FROM settlement_plan p JOIN contracts k ON k.id = p.contract_id"
		"  WHERE k.status = 'active' AND p.planned_date >= :date"
		"  AND p.planned_date <= date(:date, '+' || :p1 || ' days'))"
		" SELECT c.code, c.name, 'contract', s.kcode, s.due, u.login, s.planned_date, s.days_left, s.amount, s.note"
		" FROM s JOIN customers c ON c.id = s.customer_id JOIN users u ON u.id = s.owner_id"
		" WHERE s.due > 0 AND" A_SCOPE("c.owner_id"), fill_settlement);
}

/* --- overdue ------------------------------------------------------------- */

static void fill_overdue(const struct alert_run *r, sqlite3_stmt *st, credo_alert *a, char *msg, size_t len)
{
	(void)r;
	a->level = sqlite3_column_int(st, 8);
	int paused = sqlite3_column_int(st, 9);
	const char *since = credo__col_text(st, 10);
	if (paused) {
		a->severity = CREDO_ALERT_WARNING;
		snprintf(msg, len, _("%s is %d days overdue (due %s), disputed%s%s: escalation paused at step %d (%s)"),
			 a->item, a->days, a->date, *since ? _(" since ") : "", since, a->level,
			 credo__alert_step_text(a->level));
	} else {
		a->severity = a->level >= 3 ? CREDO_ALERT_CRITICAL : CREDO_ALERT_WARNING;
		snprintf(msg, len, _("%s is %d days overdue (due %s): step %d, %s"), a->item, a->days, a->date, a->level,
			 credo__alert_step_text(a->level));
	}
}

credo_status credo__alert_overdue(struct alert_run *r)
{
	return credo__alert_query(r,
		"WITH o AS MATERIALIZED (SELECT i.id, i.code, i.customer_id, i.due_date, i.due_day, i.disputed,"
		"  coalesce(i.collector_id, c.owner_id) AS who, i.open, :day - i.due_day AS dpd,"
		"  " A_DISPUTE_SINCE("i") " AS since"
		"  FROM " A_OPEN_INVOICES " JOIN customers c ON c.id = i.customer_id"
		"  WHERE i.open > 0 AND i.due_day <= :day - :lv1 AND" A_SCOPE("c.owner_id") "),"
		" p AS MATERIALIZED (SELECT o.*, " A_PAUSED("o.id", "o.disputed", "o.since") " AS paused FROM o WHERE o.open > 0)"
		" SELECT c.code, c.name, 'invoice', p.code, p.open, u.login, p.due_date, p.dpd,"
		"  " A_STEP("p.dpd", "p.paused", "p.since", "p.due_day") ", p.paused, coalesce(p.since, '')"
		" FROM p JOIN customers c ON c.id = p.customer_id JOIN users u ON u.id = p.who", fill_overdue);
}

/* --- limitation (诉讼时效) ------------------------------------------------ */

static void fill_limitation(const struct alert_run *r, sqlite3_stmt *st, credo_alert *a, char *msg, size_t len)
{
	const char *since = credo__col_text(st, 8), *due = credo__col_text(st, 9);
	const char *from = strcmp(since, due) == 0 ? _("the due date") : _("the last demand or acknowledgement");
	if (a->days < 0) {
		a->severity = CREDO_ALERT_CRITICAL;
		snprintf(msg, len, _("the limitation period of %s ran out on %s, %d days ago (%lld years from %s, %s)"),
			 a->item, a->date, -a->days, (long long)r->p[0], from, since);
		a->days = -a->days;
	} else {
		a->severity = CREDO_ALERT_WARNING;
		snprintf(msg, len, _("the limitation period of %s runs out on %s, in %d days (%lld years from %s, %s):"
			 " get an acknowledgement or act"), a->item, a->date, a->days, (long long)r->p[0], from, since);
	}
}

credo_status credo__alert_limitation(struct alert_run *r)
{
	/* ends >= due + 365 x years, so only invoices due early enough can qualify. */
	return credo__alert_query(r,
		"WITH l AS MATERIALIZED (SELECT i.id, i.code, i.customer_id, i.due_date, coalesce(i.collector_id, c.owner_id) AS who,"
		"  i.open,"
		"  max(i.due_date, coalesce((SELECT max(x.action_date) FROM collection_actions x WHERE x.invoice_id = i.id"
		"   AND x.kind IN ('reminder', 'call', 'statement', 'visit', 'legal', 'acknowledgement', 'promise')"
		"   AND x.action_date <= :date), ''),"
		"   coalesce((SELECT max(x.action_date) FROM collection_actions x WHERE x.customer_id = i.customer_id"
		"   AND x.invoice_id IS NULL AND x.kind IN ('statement', 'acknowledgement', 'legal')"
		"   AND x.action_date >= i.invoice_date AND x.action_date <= :date), '')) AS since"
		"  FROM " A_OPEN_INVOICES " JOIN customers c ON c.id = i.customer_id"
		"  WHERE i.open > 0 AND i.due_day < :day"
		"  AND i.due_day <= :day + :p2 - 365 * :p1 AND" A_SCOPE("c.owner_id") "),"
		" d AS (SELECT l.*, date(l.since, '+' || :p1 || ' years') AS ends FROM l WHERE l.open > 0)"
		" SELECT c.code, c.name, 'invoice', d.code, d.open, u.login, d.ends, " A_DAY("d.ends") " - :day,"
		"  d.since, d.due_date"
		" FROM d JOIN customers c ON c.id = d.customer_id JOIN users u ON u.id = d.who"
		" WHERE d.ends <= date(:date, '+' || :p2 || ' days')", fill_limitation);
}

/* --- promise_broken ------------------------------------------------------ */

static void fill_promise(const struct alert_run *r, sqlite3_stmt *st, credo_alert *a, char *msg, size_t len)
{
	(void)r;
	char m[CREDO_MONEY_BUFSZ], p[CREDO_MONEY_BUFSZ];
	a->severity = CREDO_ALERT_CRITICAL;
	snprintf(msg, len, _("promise to pay %s by %s%s%s (made %s) was broken: %s paid by then"),
		 credo__alert_money(a->amount, m), a->date, *a->item ? _(" on ") : "", a->item, credo__col_text(st, 9),
		 credo__alert_money(sqlite3_column_int64(st, 8), p));
}

credo_status credo__alert_promise_broken(struct alert_run *r)
{
	/*
	 * Only the latest promise on an invoice (or on the customer as a whole)
	 * counts. Kept: the invoice received, or the customer paid, the promised
	 * amount between the promise and its date.
	 */
	return credo__alert_query(r,
		"WITH pr AS (SELECT x.id, x.customer_id, x.invoice_id, x.action_date, x.promise_amount, x.promise_date,"
		"  x.collector_id FROM collection_actions x JOIN customers c ON c.id = x.customer_id"
		"  WHERE x.kind = 'promise' AND x.action_date <= :date AND " A_DAY("x.promise_date") " + :p1 < :day"
		"  AND" A_SCOPE("c.owner_id") " AND NOT EXISTS (SELECT 1 FROM collection_actions y WHERE y.kind = 'promise'"
		"  AND y.customer_id = x.customer_id AND y.invoice_id IS x.invoice_id AND y.action_date <= :date"
		"  AND (y.action_date > x.action_date OR (y.action_date = x.action_date AND y.id > x.id)))),"
		" k AS MATERIALIZED (SELECT pr.*, CASE WHEN pr.invoice_id IS NOT NULL THEN"
		"  (SELECT coalesce(sum(a.amount), 0) FROM allocations a WHERE a.invoice_id = pr.invoice_id"
		"   AND a.alloc_date >= pr.action_date AND a.alloc_date <= pr.promise_date"
		"   AND (a.reversed_at IS NULL OR a.reversed_at > :date))"
		"  ELSE (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.customer_id = pr.customer_id"
		"   AND p.pay_date >= pr.action_date AND p.pay_date <= pr.promise_date"
		"   AND (p.reversed_at IS NULL OR p.reversed_at > :date)) END AS paid,"
		"  CASE WHEN pr.invoice_id IS NOT NULL THEN (SELECT " A_OPEN("i") " FROM invoices i WHERE i.id = pr.invoice_id)"
		"  ELSE (SELECT coalesce(sum(" A_OPEN("i") "), 0) FROM invoices i WHERE i.customer_id = pr.customer_id"
		"   AND i.amount > 0 AND i.invoice_day <= :day) END AS still_open FROM pr)"
		" SELECT c.code, c.name, CASE WHEN k.invoice_id IS NULL THEN 'customer' ELSE 'invoice' END,"
		"  coalesce(i.code, ''), k.promise_amount, u.login, k.promise_date, :day - " A_DAY("k.promise_date") ","
		"  k.paid, k.action_date"
		" FROM k JOIN customers c ON c.id = k.customer_id LEFT JOIN invoices i ON i.id = k.invoice_id"
		" JOIN users u ON u.id = coalesce(i.collector_id, k.collector_id)"
		" WHERE k.paid < k.promise_amount AND k.still_open > 0", fill_promise);
}

/* --- pays_old_owes_new (前清后欠) ----------------------------------------- */

static void fill_old_new(const struct alert_run *r, sqlite3_stmt *st, credo_alert *a, char *msg, size_t len)
{
	(void)r;
	char m[CREDO_MONEY_BUFSZ], p[CREDO_MONEY_BUFSZ];
	int n = sqlite3_column_int(st, 9);
	a->severity = CREDO_ALERT_WARNING;
	snprintf(msg, len, _("前清后欠: paid %s by %s on older invoices while %s on %d newer invoice%s is overdue"
		 " (%s the oldest due, %d days)"), credo__alert_money(sqlite3_column_int64(st, 8), p), a->date,
		 credo__alert_money(a->amount, m), n, n == 1 ? "" : "s", a->item, a->days);
}

credo_status credo__alert_pays_old_owes_new(struct alert_run *r)
{
	return credo__alert_query(r,
		"WITH paid AS (SELECT old.customer_id, min(old.invoice_day) AS old_day, sum(a.amount) AS amt,"
		"  max(p.pay_date) AS last_pay"
		"  FROM allocations a JOIN payments p ON p.id = a.payment_id JOIN invoices old ON old.id = a.invoice_id"
		"  JOIN customers c ON c.id = old.customer_id"
		"  WHERE p.pay_day > :day - :p1 AND p.pay_day <= :day AND a.alloc_day <= :day"
		"  AND (a.reversed_at IS NULL OR a.reversed_at > :date) AND (p.reversed_at IS NULL OR p.reversed_at > :date)"
		"  AND" A_SCOPE("c.owner_id") " GROUP BY old.customer_id),"
		" late AS MATERIALIZED (SELECT i.customer_id, i.code, i.due_date, :day - i.due_day AS dpd, i.open"
		"  FROM " A_OPEN_INVOICES " JOIN paid ON paid.customer_id = i.customer_id"
		"  WHERE i.open > 0 AND i.due_day < :day AND i.invoice_day > paid.old_day AND i.disputed = 0),"
		" agg AS (SELECT customer_id, sum(open) AS overdue, max(dpd) AS dpd, count(*) AS n,"
		"  (SELECT l2.code FROM late l2 WHERE l2.customer_id = late.customer_id AND l2.open > 0"
		"   ORDER BY l2.due_date, l2.code LIMIT 1) AS first_code"
		"  FROM late WHERE open > 0 GROUP BY customer_id)"
		" SELECT c.code, c.name, 'invoice', agg.first_code, agg.overdue, u.login, paid.last_pay, agg.dpd,"
		"  paid.amt, agg.n"
		" FROM agg JOIN paid ON paid.customer_id = agg.customer_id JOIN customers c ON c.id = agg.customer_id"
		" JOIN users u ON u.id = c.owner_id", fill_old_new);
}
