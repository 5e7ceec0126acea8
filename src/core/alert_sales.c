/*
 * alert_sales.c - the sales rules of the alert engine: idle leads and
 * opportunities (seed 000 §11 "如一周"), follow-ups that have passed,
 * contracts about to end and complaints left open. One query each.
 */
#include <stdio.h>
#include <string.h>

#include "alert_internal.h"

/* --- lead_idle ----------------------------------------------------------- */

static void fill_lead(const struct alert_run *r, sqlite3_stmt *st, credo_alert *a, char *msg, size_t len)
{
	(void)r;
	a->severity = CREDO_ALERT_INFO;
	if (sqlite3_column_int(st, 9))
		snprintf(msg, len, _("lead %s (%s) has had no visit for %d days, since %s"), a->item,
			 credo__col_text(st, 8), a->days, a->date);
	else
		snprintf(msg, len, _("lead %s (%s) was added on %s and has never been visited (%d days)"), a->item,
			 credo__col_text(st, 8), a->date, a->days);
}

credo_status credo__alert_lead_idle(struct alert_run *r)
{
	/* Activity is a visit that took place; a lead never visited counts from the day it was added. */
	return credo__alert_query(r,
		"WITH l AS MATERIALIZED (SELECT l.id, l.code, l.company, l.status, l.owner_id,"
		"  coalesce(v.last, substr(l.created_at, 1, 10)) AS last, v.last IS NOT NULL AS visited"
		"  FROM leads l LEFT JOIN (SELECT lead_id, max(visit_date) AS last FROM visits"
		"   WHERE lead_id IS NOT NULL AND planned = 0 AND visit_date <= :date GROUP BY lead_id) v ON v.lead_id = l.id"
		"  WHERE l.status IN ('new', 'contacted', 'qualified') AND" A_SCOPE("l.owner_id") ")"
		" SELECT '', l.company, 'lead', l.code, 0, u.login, l.last, :day - " A_DAY("l.last") ", l.status,"
		"  l.visited"
		" FROM l JOIN users u ON u.id = l.owner_id"
		" WHERE " A_DAY("l.last") " <= :day - :p1", fill_lead);
}

/* --- opportunity_idle ---------------------------------------------------- */

static void fill_opportunity(const struct alert_run *r, sqlite3_stmt *st, credo_alert *a, char *msg, size_t len)
{
	(void)r;
	char desc[80];
	a->severity = CREDO_ALERT_INFO;
	credo__alert_clip(credo__col_text(st, 8), 60, desc, sizeof desc);
	snprintf(msg, len, _("opportunity %s \"%s\" (stage %s) has had no activity for %d days, since %s"), a->item, desc,
		 credo__col_text(st, 9), a->days, a->date);
}

credo_status credo__alert_opportunity_idle(struct alert_run *r)
{
	/* Activity: created, moved to another stage (updated_at), or a visit to the customer. */
	return credo__alert_query(r,
		"WITH o AS MATERIALIZED (SELECT o.id, o.customer_id, o.owner_id, o.amount, o.description, s.name AS stage,"
		"  max(CASE WHEN substr(o.created_at, 1, 10) <= :date THEN substr(o.created_at, 1, 10) ELSE '' END,"
		"   CASE WHEN substr(o.updated_at, 1, 10) <= :date THEN substr(o.updated_at, 1, 10) ELSE '' END,"
		"   coalesce((SELECT max(v.visit_date) FROM visits v WHERE v.customer_id = o.customer_id"
		"   AND v.planned = 0 AND v.visit_date <= :date), '')) AS last"
		"  FROM opportunities o JOIN opportunity_stages s ON s.id = o.stage_id"
		"  JOIN customers c ON c.id = o.customer_id WHERE s.outcome = 'open' AND" A_SCOPE("c.owner_id") ")"
		" SELECT c.code, c.name, 'opportunity', '#' || o.id, o.amount, u.login, o.last,"
		"  :day - " A_DAY("o.last") ", o.description, o.stage"
		" FROM o JOIN customers c ON c.id = o.customer_id JOIN users u ON u.id = o.owner_id"
		" WHERE o.last <> '' AND " A_DAY("o.last") " <= :day - :p1", fill_opportunity);
}

/* --- followup_due -------------------------------------------------------- */

static void fill_followup(const struct alert_run *r, sqlite3_stmt *st, credo_alert *a, char *msg, size_t len)
{
	(void)r;
	char what[96], who[64] = "";
	a->severity = CREDO_ALERT_INFO;
	credo__alert_clip(credo__col_text(st, 9), 80, what, sizeof what);
	const char *lead = credo__col_text(st, 10);
	if (*lead)
		snprintf(who, sizeof who, _(" with lead %s"), lead);
	if (sqlite3_column_int(st, 8))
		snprintf(msg, len, _("planned visit%s on %s not done, %d day%s ago%s%s"), who, a->date, a->days,
			 a->days == 1 ? "" : "s", *what ? ": " : "", what);
	else
		snprintf(msg, len, _("follow-up%s due %s not done, %d day%s late%s%s"), who, a->date, a->days,
			 a->days == 1 ? "" : "s", *what ? ": " : "", what);
}

credo_status credo__alert_followup_due(struct alert_run *r)
{
	/* As credo_visit_due: plans not done, and next dates not followed by a visit on or after them. */
	return credo__alert_query(r,
		"SELECT coalesce(c.code, ''), coalesce(c.name, l.company, ''), 'visit', '#' || v.id, 0, u.login, f.due,"
		"  :day - " A_DAY("f.due") ", v.planned, CASE WHEN v.planned THEN v.purpose ELSE v.next_step END,"
		"  CASE WHEN v.customer_id IS NULL THEN coalesce(l.code, '') ELSE '' END"
		" FROM (SELECT v.id, CASE WHEN v.planned = 1 THEN v.visit_date ELSE v.next_date END AS due FROM visits v"
		"  WHERE (v.planned = 1 AND v.visit_date < :date) OR (v.planned = 0 AND v.next_date < :date"
		"  AND v.visit_date <= :date AND NOT EXISTS (SELECT 1 FROM visits w WHERE w.planned = 0 AND w.id <> v.id"
		"  AND w.visit_date >= v.next_date AND w.visit_date <= :date"
		"  AND (w.customer_id = v.customer_id OR w.lead_id = v.lead_id)))) f"
		" JOIN visits v ON v.id = f.id JOIN users u ON u.id = v.user_id"
		" LEFT JOIN customers c ON c.id = v.customer_id LEFT JOIN leads l ON l.id = v.lead_id"
		" WHERE " A_DAY("f.due") " < :day - :p1"
		" AND (v.customer_id IS NOT NULL OR l.status IN ('new', 'contacted', 'qualified'))"
		" AND (:all OR c.owner_id = :actor OR (v.customer_id IS NULL AND l.owner_id = :actor))", fill_followup);
}

/* --- contract_ending ----------------------------------------------------- */

static void fill_contract(const struct alert_run *r, sqlite3_stmt *st, credo_alert *a, char *msg, size_t len)
{
	(void)r;
	char m[CREDO_MONEY_BUFSZ], i[CREDO_MONEY_BUFSZ];
	a->severity = CREDO_ALERT_INFO;
	snprintf(msg, len, _("contract %s ends on %s, in %d day%s (invoiced %s of %s): renew or complete it"), a->item,
		 a->date, a->days, a->days == 1 ? "" : "s", credo__alert_money(sqlite3_column_int64(st, 8), i),
		 credo__alert_money(a->amount, m));
}

credo_status credo__alert_contract_ending(struct alert_run *r)
{
	return credo__alert_query(r,
		"SELECT c.code, c.name, 'contract', k.code, k.amount, u.login, k.end_date, " A_DAY("k.end_date") " - :day,"
		"  (SELECT coalesce(sum(i.amount), 0) FROM invoices i WHERE i.contract_id = k.id AND i.invoice_day <= :day)"
		" FROM contracts k JOIN customers c ON c.id = k.customer_id JOIN users u ON u.id = k.owner_id"
		" WHERE k.status = 'active' AND k.end_date >= :date AND k.end_date <= date(:date, '+' || :p1 || ' days')"
		" AND" A_SCOPE("c.owner_id"), fill_contract);
}

/* --- complaint_open ------------------------------------------------------ */

static void fill_complaint(const struct alert_run *r, sqlite3_stmt *st, credo_alert *a, char *msg, size_t len)
{
	(void)r;
	a->severity = CREDO_ALERT_WARNING;
	snprintf(msg, len, _("%s %s %s has been %s for %d days, since %s"), credo__col_text(st, 8),
		 sqlite3_column_int(st, 10) ? _("dispute") : _("complaint"), a->item,
		 strcmp(credo__col_text(st, 9), "open") == 0 ? _("open") : _("in progress"), a->days, a->date);
}

credo_status credo__alert_complaint_open(struct alert_run *r)
{
	return credo__alert_query(r,
		"SELECT c.code, c.name, 'complaint', '#' || p.id, 0, u.login, p.complaint_date,"
		"  :day - " A_DAY("p.complaint_date") ", p.kind, p.status, p.is_dispute"
		" FROM complaints p JOIN customers c ON c.id = p.customer_id"
		" JOIN users u ON u.id = coalesce(p.assigned_to, c.owner_id)"
		" WHERE p.status IN ('open', 'in_progress') AND p.complaint_date <= :date"
		" AND " A_DAY("p.complaint_date") " < :day - :p1 AND" A_SCOPE("c.owner_id"), fill_complaint);
}
