/*
 * alert.h - the alert engine (DESIGN.md section 6): one engine, a fixed
 * table of rules, each rule a setting that can be switched off
 * (alert.RULE.on) with its thresholds in settings (alert.RULE.days, ...).
 *
 * Every alert names its rule, a severity, the customer (or lead), the item
 * (invoice, contract, lead, opportunity, complaint, visit, rating or limit),
 * an amount, the responsible person and a date. Alerts are computed as of a
 * date from the records themselves; nothing is stored, so an alert goes
 * away by itself when what caused it is dealt with.
 *
 * The rules (`credo alerts --rules` lists them with their settings):
 *
 *   settlement_due      a planned settlement of an active contract falls due
 *                       within alert.settlement_due.days (7; seed 003
 *                       "结算日期前七天") and is not yet collected
 *   overdue             an invoice past due, escalating by days past due:
 *                       level 1 reminder (alert.overdue.reminder_days, 1),
 *                       2 call (call_days, 30), 3 statement and visit
 *                       (visit_days, 60), 4 stop supply (stop_supply_days,
 *                       90), 5 legal (legal_days, 180); the level is the
 *                       highest step whose threshold is reached. A disputed
 *                       invoice stays at the level it had when the dispute
 *                       was raised (at least 1) until the dispute is resolved
 *   near_limit          exposure at or above credit.near_limit_pct (90) % of
 *                       the limit
 *   over_limit          exposure above the limit
 *   no_limit            open invoices or active contracts without an approved
 *                       limit (one-off limits cover their contract)
 *   review_overdue      the latest rating's or standing limit's review date
 *                       has passed (customers not lost)
 *   temp_limit_expiring a temporary limit expires within
 *                       alert.temp_limit_expiring.days (14)
 *   limitation          the limitation period (诉讼时效) of an open invoice
 *                       runs out within alert.limitation.days (90), or has
 *                       run out: alert.limitation.years (3) from the due
 *                       date or from the latest demand or acknowledgement
 *                       (see collection.h)
 *   promise_broken      the latest promise to pay on an invoice (or on the
 *                       customer as a whole) was not kept by its date plus
 *                       alert.promise_broken.grace_days (0), and the debt is
 *                       still open
 *   lead_idle           an open lead without a visit for alert.lead_idle.days
 *                       (7; seed 000 §11 "如一周"); never visited: since it
 *                       was created
 *   opportunity_idle    an open opportunity without a stage change or a visit
 *                       to its customer for alert.opportunity_idle.days (7)
 *   followup_due        a planned visit or a follow-up date has passed by more
 *                       than alert.followup_due.grace_days (0) without a visit
 *   contract_ending     an active contract ends within
 *                       alert.contract_ending.days (30)
 *   complaint_open      a complaint open or in progress for more than
 *                       alert.complaint_open.days (14)
 *   pays_old_owes_new   前清后欠 (seed 000 §1): a payment within the last
 *                       alert.pays_old_owes_new.days (30) went to older
 *                       invoices while a newer, undisputed one is overdue
 */
#ifndef CREDO_ALERT_H
#define CREDO_ALERT_H

#include <stdint.h>

#include "credo/db.h"
#include "credo/money.h"

typedef enum credo_alert_severity {
	CREDO_ALERT_INFO = 1,		/* worth knowing: something comes up soon */
	CREDO_ALERT_WARNING = 2,	/* needs action */
	CREDO_ALERT_CRITICAL = 3,	/* money at risk: act now */
} credo_alert_severity;

/* "info", "warning", "critical"; "" out of range. */
const char *credo_alert_severity_name(credo_alert_severity s);

typedef struct credo_alert {
	const char *rule;		/* the rule's id, e.g. "overdue" */
	credo_alert_severity severity;
	int level;			/* overdue: the escalation step 1..5; else 0 */
	const char *customer_code;	/* "" for a lead */
	const char *customer_name;	/* the lead's company for a lead */
	const char *item_kind;		/* invoice, contract, lead, opportunity, complaint, visit, rating, limit, customer */
	const char *item;		/* its code ("#12" for things numbered by id), or "" */
	credo_money amount;		/* the money at stake, 0 when none */
	const char *responsible;	/* login of who should act */
	const char *date;		/* the date the alert is about (due date, review date, ...) */
	int days;			/* days past that date (overdue, idle, ...) or left until it (due soon) */
	const char *message;		/* one sentence for people */
} credo_alert;

/* Called once per alert; the strings live until the callback returns. Non-zero stops (CREDO_STOP). */
typedef int (*credo_alert_cb)(const credo_alert *a, void *ctx);

/*
 * The alerts as of a date (NULL: today), most severe first, then by date
 * (oldest first), rule and customer. A salesperson gets the alerts about
 * its own customers and leads; everyone else all of them. for_login (NULL
 * or "": everyone) keeps the alerts whose responsible person is that login
 * (CREDO_NOTFOUND if no such user). Each rule is one query over the whole
 * database, never one per customer. Rules switched off are skipped.
 */
credo_status credo_alerts(credo_db *db, const char *as_of, const char *for_login, credo_alert_cb cb, void *ctx);

typedef struct credo_alert_rule {
	const char *id;			/* "overdue" */
	int on;				/* alert.ID.on */
	const char *what;		/* one line for people */
	const char *settings;		/* its thresholds as "key=value, ..." with the values in force */
} credo_alert_rule;

typedef int (*credo_alert_rule_cb)(const credo_alert_rule *r, void *ctx);

/* Every rule in the engine's order, with its state and thresholds. */
credo_status credo_alert_rules(credo_db *db, credo_alert_rule_cb cb, void *ctx);

#endif
