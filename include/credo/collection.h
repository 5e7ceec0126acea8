/*
 * collection.h - chasing money (催收, DESIGN.md section 6): collection
 * actions with their outcome, promises to pay, disputes that pause
 * escalation, a named collector for every open invoice, and the worklist.
 *
 * Kinds of action: reminder, call, statement (statement of account sent),
 * visit, stop_supply, legal, acknowledgement (the customer confirmed the
 * debt in writing), dispute, promise (a promise to pay an amount by a date).
 *
 * Limitation period (诉讼时效): it runs from the due date and starts again
 * on the latest demand or acknowledgement - an action on the invoice of
 * kind reminder, call, statement, visit, legal, acknowledgement or promise,
 * or a statement, acknowledgement or legal action on the customer as a whole
 * dated after the invoice. Log only what you could prove in court.
 *
 * Escalation steps follow the alert.overdue.* settings: 1 reminder, 2 call,
 * 3 statement and visit, 4 stop supply, 5 legal. An action counts for a step
 * when it is at least that strong (reminder 1, call 2, statement and visit
 * 3, stop_supply 4, legal 5).
 */
#ifndef CREDO_COLLECTION_H
#define CREDO_COLLECTION_H

#include <stdint.h>

#include "credo/db.h"
#include "credo/money.h"

typedef struct credo_collection_new {
	int64_t customer_id;		/* the customer; 0 when invoice_id is given */
	int64_t invoice_id;		/* 0: about the customer as a whole */
	const char *date;		/* NULL: today; not after today, not before the invoice */
	const char *kind;		/* required, one of the kinds above */
	const char *outcome;		/* what happened; required for a dispute (what is disputed) */
	credo_money promise_amount;	/* kind promise: > 0 (not more than is open on the invoice); else 0 */
	const char *promise_date;	/* kind promise: on or after date; else NULL */
} credo_collection_new;

/*
 * Log a collection action by the acting user (COLLECTION) on a customer or
 * an open invoice in scope. Kind dispute needs an invoice and marks it
 * disputed, which pauses its escalation until credo_collection_resolve.
 */
credo_status credo_collection_log(credo_db *db, const credo_collection_new *in, int64_t *id_out);

/*
 * Resolve the open dispute of an invoice (COLLECTION): its dispute actions
 * are closed with the note (required), who and when (date NULL: today),
 * the invoice is no longer disputed and escalation resumes at the level its
 * age gives. CREDO_RULE when the invoice is not disputed.
 */
credo_status credo_collection_resolve(credo_db *db, int64_t invoice_id, const char *note, const char *date);

/*
 * Name the collector of one open invoice (invoice_id > 0), or of every open
 * invoice of a customer (customer_id > 0); *count (may be NULL) receives how
 * many invoices changed hands. Finance and credit managers only. The
 * collector must be an active user who may log collection actions.
 */
credo_status credo_collection_assign(credo_db *db, int64_t invoice_id, int64_t customer_id, const char *login,
				     int *count);

typedef struct credo_collection_action {
	int64_t id;
	const char *customer_code;
	const char *invoice_code;	/* "" for the customer as a whole */
	const char *date;
	const char *kind;
	const char *outcome;
	credo_money promise_amount;	/* 0 when none */
	const char *promise_date;	/* "" when none */
	const char *collector;		/* who logged it */
	const char *resolved_date;	/* a dispute: when it was resolved, "" while open */
	const char *resolution;
} credo_collection_action;

typedef int (*credo_collection_action_cb)(const credo_collection_action *a, void *ctx);

/* The actions on a customer (and all its invoices) or, with invoice_id, on one invoice; newest first. */
credo_status credo_collection_actions(credo_db *db, int64_t customer_id, int64_t invoice_id,
				      credo_collection_action_cb cb, void *ctx);

typedef struct credo_collection_item {
	int64_t invoice_id;
	const char *invoice_code;
	const char *customer_code;
	const char *customer_name;
	const char *due_date;
	credo_money open;		/* open as of the date */
	int days_overdue;
	const char *grade;		/* latest rating's grade, "D" under a reputation veto, "" if unrated */
	int risk;			/* collection.risk.A..D: A 1, B 2, C 3, D or unrated 4 */
	int64_t rank;			/* open (fen) x days overdue x risk: the worklist order */
	int level;			/* escalation step 0..5 (0: below alert.overdue.reminder_days) */
	const char *step;		/* that step's action: reminder, call, statement, stop_supply, legal, or "" */
	int paused;			/* disputed: escalation paused */
	const char *collector;		/* login */
	const char *last_date;		/* the latest action on the invoice or the customer, "" if none */
	const char *last_kind;
	const char *last_outcome;
	const char *promise;		/* latest promise: "open", "broken", "kept" or "" */
	credo_money promise_amount;
	const char *promise_date;
	const char *suggestion;		/* the next thing to do, for people */
} credo_collection_item;

typedef int (*credo_collection_item_cb)(const credo_collection_item *it, void *ctx);

/*
 * Open overdue invoices in scope as of a date (NULL: today), highest rank
 * first (then oldest due date): amount x days overdue x risk, with the last
 * action, the latest promise, the escalation level and the suggested next
 * action. for_login (NULL or "": all) keeps one collector's items. One query.
 */
credo_status credo_collection_worklist(credo_db *db, const char *as_of, const char *for_login,
				       credo_collection_item_cb cb, void *ctx);

#endif
