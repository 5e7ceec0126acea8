/*
 * month.h - month close (月结) and the month's receivables figures
 * (DESIGN.md section 6).
 *
 * Closing a month freezes, per customer, the opening balance, what was
 * invoiced and received in the month, the closing balance and its aging at
 * the month's last day, together with the open items, the receipts and the
 * alerts of that day. Entries dated in a closed month are refused until
 * finance reopens it. A month report reads the frozen figures of a closed
 * month, so they never change afterwards; for a month that is not closed it
 * computes the same figures live, as of the month's last day.
 */
#ifndef CREDO_MONTH_H
#define CREDO_MONTH_H

#include <stdint.h>

#include "credo/aging.h"
#include "credo/date.h"
#include "credo/db.h"
#include "credo/money.h"

/* "YYYY-MM" + NUL */
#define CREDO_MONTH_BUFSZ 8

/*
 * Close a month ("2026-10"). Needs MONTH_CLOSE (finance). CREDO_RULE when
 * the month is already closed, has not ended yet (its last day is not
 * before today), or an earlier month with ledger entries is not closed:
 * months close in order, so a closed month's opening balance can never
 * move. Audited. Customers in the snapshot: every one with a balance at
 * either end of the month, an open item at its end, or an entry dated in it.
 */
credo_status credo_month_close(credo_db *db, const char *month);

/*
 * Reopen a closed month so entries dated in it are accepted again; its
 * snapshot is discarded and the month can be closed again later. Needs
 * MONTH_CLOSE and a reason (audited). CREDO_RULE when the month is not
 * closed or a later month is still closed (reopen the latest first).
 */
credo_status credo_month_reopen(credo_db *db, const char *month, const char *reason);

typedef struct credo_month {
	const char *month;		/* "2026-10" */
	const char *state;		/* "open", "closed", or "reopened" (open again) */
	const char *closed_at;		/* UTC timestamp of the last close, or "" */
	const char *closed_by;		/* login, or "" */
	const char *reopened_at;	/* of the last reopening, or "" */
	const char *reopened_by;
	const char *reopen_reason;
	int64_t customers;		/* rows in the snapshot; 0 unless closed */
	credo_money closing;		/* their closing balances; 0 unless closed */
} credo_month;

typedef int (*credo_month_cb)(const credo_month *m, void *ctx);

/* Every month with ledger entries or a close record, oldest first. Needs a logged-in user. */
credo_status credo_month_list(credo_db *db, credo_month_cb cb, void *ctx);

/* ---- the month's figures, frozen or live ---- */

typedef struct credo_month_report credo_month_report;

typedef struct credo_month_info {
	char month[CREDO_MONTH_BUFSZ];
	char first[CREDO_DATE_BUFSZ];	/* the month's first day */
	char last[CREDO_DATE_BUFSZ];	/* its last day: the as-of date of every figure */
	int closed;			/* 1: the frozen snapshot; 0: computed live now */
	char closed_at[21];		/* when closed: UTC timestamp */
	char closed_by[201];		/* when closed: the closer's name (login) */
	credo_aging_buckets buckets;	/* labels of the aging columns */
} credo_month_info;

/*
 * Open the figures of a month. Needs READ_ALL (finance, credit, managers,
 * gm, admin): the report covers every customer. For a month that is not
 * closed the figures are computed now into private temporary tables of the
 * handle; only one report may be open on a handle at a time (CREDO_BUSY).
 * Close it with credo_month_report_close (NULL is a no-op).
 */
credo_status credo_month_report_open(credo_db *db, const char *month, credo_month_report **out);
void credo_month_report_close(credo_month_report *r);
const credo_month_info *credo_month_report_info(const credo_month_report *r);

typedef struct credo_month_balance {
	const char *code;
	const char *name;
	const char *salesperson;	/* the owner's name */
	const char *grade;		/* latest rating on the last day, or "" */
	int has_limit;
	credo_money limit;		/* standing + temporary limits in force on the last day */
	credo_money opening;		/* balance at the end of the day before the month */
	credo_money invoiced;		/* invoices less credit notes dated in the month */
	credo_money received;		/* payments dated in the month less reversals dated in it */
	credo_money closing;		/* opening + invoiced - received */
	credo_money bucket[CREDO_AGING_MAX_BUCKETS];	/* open items by age, info.buckets.n of them */
	credo_money open_items;		/* sum of the buckets */
	credo_money unapplied;		/* credit not yet applied: closing = open_items - unapplied */
	credo_money overdue;
	credo_money provision;
} credo_month_balance;

typedef int (*credo_month_balance_cb)(const credo_month_balance *b, void *ctx);

/* One row per customer, by code. */
credo_status credo_month_balances(credo_month_report *r, credo_month_balance_cb cb, void *ctx);

typedef struct credo_month_item {
	const char *customer_code;
	const char *customer_name;
	const char *invoice_code;
	const char *contract_code;	/* or "" */
	const char *invoice_date;
	const char *due_date;
	credo_money amount;
	credo_money open;		/* open on the last day */
	int days_past_due;		/* on the last day; <= 0 when not yet due */
	int bucket;			/* index into info.buckets */
	credo_money provision;
	const char *collector;		/* name, or "" */
	const char *salesperson;
	int disputed;
} credo_month_item;

typedef int (*credo_month_item_cb)(const credo_month_item *it, void *ctx);

/* Invoices open on the month's last day, by customer code then due date. */
credo_status credo_month_items(credo_month_report *r, credo_month_item_cb cb, void *ctx);

typedef struct credo_month_receipt {
	const char *kind;		/* "payment", or "reversal" (amount negative) */
	const char *date;		/* payment date, or the reversal's date */
	const char *payment_code;
	const char *customer_code;
	const char *customer_name;
	const char *method;
	const char *reference;		/* for a reversal, its reason */
	credo_money amount;
	credo_money applied;		/* applied to invoices by the last day */
	credo_money unapplied;		/* left as customer credit on the last day */
	const char *applied_to;		/* "INV-2026-00012 3,000.00; ..." */
} credo_month_receipt;

typedef int (*credo_month_receipt_cb)(const credo_month_receipt *p, void *ctx);

/* Payments and reversals dated in the month, in date order. Their amounts add up to the received column. */
credo_status credo_month_receipts(credo_month_report *r, credo_month_receipt_cb cb, void *ctx);

typedef struct credo_month_alert {
	const char *rule;		/* the alert engine's rule id, e.g. "overdue" */
	const char *severity;		/* "info", "warning", "critical" */
	int level;			/* overdue: the escalation step 1..5; else 0 */
	const char *customer_code;	/* "" for a lead */
	const char *customer_name;
	const char *item_kind;		/* invoice, contract, lead, ... */
	const char *item;		/* its code, or "" */
	const char *date;		/* the date the alert is about, or "" */
	int days;			/* past that date, or left until it */
	credo_money amount;
	const char *responsible;	/* the responsible person's name */
	const char *message;
} credo_month_alert;

typedef int (*credo_month_alert_cb)(const credo_month_alert *a, void *ctx);

/* The alerts of the month's last day (credo_alerts), most severe first. */
credo_status credo_month_alerts(credo_month_report *r, credo_month_alert_cb cb, void *ctx);

#endif
