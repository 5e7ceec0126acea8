/*
 * alert_internal.h - what the alert engine (alert.c), its rules
 * (alert_money.c, alert_credit.c, alert_sales.c) and the collection
 * worklist (collection.c) share.
 *
 * A rule is one query. The engine binds these named parameters wherever a
 * query uses them:
 *
 *	:day	the as-of date as a day number (days since 1970-01-01)
 *	:date	the same date as ISO text
 *	:all	1 when the actor may read every customer
 *	:actor	the acting user's id (scope: c.owner_id = :actor)
 *	:p1..:p5	the rule's own thresholds, in the order of its settings
 *	:lv1..:lv5	the overdue escalation thresholds (alert.overdue.*_days)
 *
 * and reads its rows as: 0 customer code, 1 customer name, 2 item kind,
 * 3 item, 4 amount, 5 responsible login, 6 date, 7 days; from 8 on
 * whatever the rule's fill function wants.
 */
#ifndef CREDO_ALERT_INTERNAL_H
#define CREDO_ALERT_INTERNAL_H

#include "internal.h"

#define ALERT_MAX_PARAMS 5

struct alert_run {
	credo_db *db;
	credo_date day;
	char date[CREDO_DATE_BUFSZ];
	int all;
	int64_t actor;
	const char *rule;			/* the rule running */
	int64_t p[ALERT_MAX_PARAMS];		/* its thresholds */
	int64_t lv[ALERT_MAX_PARAMS];		/* overdue escalation thresholds */
	const char *for_login;			/* NULL: everyone's */
	int exposure_done;			/* near_limit, over_limit, no_limit: one query for the three */
	int order;				/* the rule's place in the table */
	sqlite3_stmt *keep;			/* inserts an alert into temp.alert_run */
};

/*
 * Set severity, level and the message (into msg) from a row; a->message is
 * set by the engine. A query that serves several rules sets a->rule (a static
 * string) too.
 */
typedef void (*alert_fill_fn)(const struct alert_run *r, sqlite3_stmt *st, credo_alert *a, char *msg, size_t len);

/*
 * credo_alerts, when have_asof says the caller has already filled
 * temp.asof_invoices and temp.asof_payments (credo__asof_build) for the
 * same date and keeps them; else the run makes and drops its own.
 */
credo_status credo__alerts(credo_db *db, const char *as_of, const char *for_login, int have_asof, credo_alert_cb cb,
			   void *ctx);

/* Run one rule's query and keep an alert per row (fill may set a->severity 0 to drop the row). */
credo_status credo__alert_query(struct alert_run *r, const char *sql, alert_fill_fn fill);

/* Bind the engine's named parameters that sql uses (see above). */
void credo__alert_bind(const struct alert_run *r, sqlite3_stmt *st);

/* Read the overdue escalation thresholds (alert.overdue.*_days) into lv[5]. */
void credo__alert_levels(credo_db *db, int64_t lv[ALERT_MAX_PARAMS]);

/* The action of an escalation step 1..5: reminder, call, statement, stop_supply, legal; "" otherwise. */
const char *credo__alert_step(int level);

/* The same for people: "send a payment reminder", ... */
const char *credo__alert_step_text(int level);

/* At most max bytes of s into buf without splitting a UTF-8 character, "..." when cut. */
const char *credo__alert_clip(const char *s, size_t max, char *buf, size_t len);

/* "1,234.50" into buf. */
const char *credo__alert_money(credo_money v, char buf[CREDO_MONEY_BUFSZ]);

/* SQL: a date column as a day number. */
#define A_DAY(x) "CAST(julianday(" x ") - 2440587.5 AS INTEGER)"

/* SQL: the customer-scope condition on an owner column. */
#define A_SCOPE(owner) " (:all OR " owner " = :actor)"

/* SQL: what is open on invoice alias i as of :day, from the allocation dates. */
#define A_OPEN(i) \
	"(" i ".amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a WHERE a.invoice_id = " i ".id" \
	" AND a.alloc_day <= :day AND (a.reversed_at IS NULL OR a.reversed_at > :date)))"

/*
 * SQL: the invoices (alias i) with what is open on each as of :day
 * (i.open, not zero; amount > 0 and dated up to :day): the run's
 * temp.asof_invoices (asof.c), which has the invoice columns the rules read.
 */
#define A_OPEN_INVOICES "temp.asof_invoices i"

/* SQL: the date the dispute of invoice alias i was raised, if one is open at :date, else NULL. */
#define A_DISPUTE_SINCE(i) \
	"(SELECT min(x.action_date) FROM collection_actions x WHERE x.invoice_id = " i ".id AND x.kind = 'dispute'" \
	" AND x.action_date <= :date AND (x.resolved_date IS NULL OR x.resolved_date > :date))"

/*
 * SQL: 1 when escalation of an invoice (id, disputed flag, dispute date) is
 * paused: an open dispute, or the flag set without any dispute on record.
 */
#define A_PAUSED(id, disputed, since) \
	"(" since " IS NOT NULL OR (" disputed " = 1 AND NOT EXISTS (SELECT 1 FROM collection_actions x" \
	" WHERE x.invoice_id = " id " AND x.kind = 'dispute')))"

/* SQL: the escalation step reached after d days past due. */
#define A_LEVEL(d) \
	"(CASE WHEN (" d ") >= :lv5 THEN 5 WHEN (" d ") >= :lv4 THEN 4 WHEN (" d ") >= :lv3 THEN 3" \
	" WHEN (" d ") >= :lv2 THEN 2 WHEN (" d ") >= :lv1 THEN 1 ELSE 0 END)"

/*
 * SQL: the step of an invoice dpd days past due, paused (0/1) at the step
 * it had on the dispute date (since, due_day), at least 1.
 */
#define A_STEP(dpd, paused, since, due_day) \
	"(CASE WHEN " paused " THEN max(1, " A_LEVEL("CASE WHEN " since " IS NULL THEN :lv1 ELSE " \
	A_DAY(since) " - " due_day " END") ") ELSE " A_LEVEL(dpd) " END)"

/* The rules (alert_money.c, alert_credit.c, alert_sales.c). */
credo_status credo__alert_settlement_due(struct alert_run *r);
credo_status credo__alert_overdue(struct alert_run *r);
credo_status credo__alert_limitation(struct alert_run *r);
credo_status credo__alert_promise_broken(struct alert_run *r);
credo_status credo__alert_pays_old_owes_new(struct alert_run *r);
credo_status credo__alert_exposure(struct alert_run *r);	/* near_limit, over_limit, no_limit */
credo_status credo__alert_review_overdue(struct alert_run *r);
credo_status credo__alert_temp_limit_expiring(struct alert_run *r);
credo_status credo__alert_lead_idle(struct alert_run *r);
credo_status credo__alert_opportunity_idle(struct alert_run *r);
credo_status credo__alert_followup_due(struct alert_run *r);
credo_status credo__alert_contract_ending(struct alert_run *r);
credo_status credo__alert_complaint_open(struct alert_run *r);

#endif
