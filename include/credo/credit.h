/*
 * credit.h - credit management (信用管理): credit files, the scorecard,
 * limits, the request and approval workflow, and the check that blocks a
 * sale over the limit (DESIGN.md section 5; seed 000 §1 and §8, seed 001).
 */
#ifndef CREDO_CREDIT_H
#define CREDO_CREDIT_H

#include <stdint.h>

#include "credo/db.h"
#include "credo/money.h"

/* An amount not given in a credit file. */
#define CREDO_MONEY_NONE INT64_MIN

typedef struct credo_credit_file_new {
	int64_t customer_id;
	const char *statement_date;	/* date of the financial statements; required */
	/* CREDO_MONEY_NONE when not known */
	credo_money current_assets, current_liabilities, cash, total_assets, total_liabilities,
		net_assets, ebit, interest_expense, revenue;
	const char *bank_reference;
	const char *collateral;
	const char *collateral_liquidity;	/* how easily the collateral turns into cash */
	/* the salesperson's 1-5 assessments; 0 when not given */
	int reach, capital, brands, logistics, cooperation, management;
	const char *note;
} credo_credit_file_new;

/*
 * File a customer's financial statements and assessments. Needs
 * CREDIT_DECIDE, or CUSTOMER_EDIT for a salesperson's own customer (the
 * assessments are the salesperson's view). Net assets default to total
 * assets less total liabilities.
 */
credo_status credo_credit_file_add(credo_db *db, const credo_credit_file_new *in, int64_t *id_out);

/* One input of the scorecard as it was scored. */
typedef struct credo_credit_input {
	const char *name;	/* "current ratio", ... */
	int has_data;
	int64_t value;		/* thousandths for ratios and shares; days; count; percent for the trend */
	int score;		/* hundredths of a point, 0..10000 */
} credo_credit_input;

typedef struct credo_credit_factor {
	const char *name;	/* financial strength, payment behaviour, business capability, cooperation */
	int weight;
	int has_data;		/* 0: scored 50, "no data" */
	int score;		/* hundredths of a point */
	int first_input, ninputs;	/* its inputs in credo_credit_rating.inputs */
} credo_credit_factor;

typedef struct credo_credit_rating {
	int score;		/* 0..100, rounded half up from the weighted factors */
	char grade;		/* 'A'..'D' */
	int veto;		/* reputation flag: grade D whatever the score */
	credo_credit_factor factors[4];
	credo_credit_input inputs[15];
	int ninputs;
	int64_t file_id;	/* the credit file used, 0 if none */
	credo_money working_capital;	/* CREDO_MONEY_NONE when unknown */
	credo_money net_assets;		/* CREDO_MONEY_NONE when unknown */
	credo_money basis;		/* the lesser of the two, or 0 */
	int policy_pct, policy_term, policy_discount, policy_discount_days;
	credo_money suggested;		/* policy % x basis, rounded down to the credit.round setting */
	char next_review[11];
} credo_credit_rating;

/*
 * Score a customer as of date (NULL: today) without storing anything: the
 * latest credit file on or before the date, and the ledger's last 12
 * months. Anyone who can see the customer may ask.
 */
credo_status credo_credit_evaluate(credo_db *db, int64_t customer_id, const char *as_of, credo_credit_rating *out);

/* Evaluate and store the rating with its breakdown, who rated and the next review. Needs CREDIT_DECIDE. */
credo_status credo_credit_rate(credo_db *db, int64_t customer_id, credo_credit_rating *out, int64_t *id_out);

typedef struct credo_credit_status {
	char grade;		/* latest rating's grade, or 0 when never rated */
	int score;
	int veto;
	credo_money limit;	/* standing + unexpired temporary; 0 when none */
	int has_limit;
	credo_money exposure;	/* open invoices + uninvoiced active contracts - unapplied credit */
	credo_money available;	/* limit - exposure (negative: over the limit) */
	int utilisation;	/* percent of the limit, 0 without a limit */
	int on_hold;		/* an invoice is more than credit.hold_days overdue */
	int max_days_overdue;
	char next_review[11];	/* of the rating or the limit, whichever is sooner; "" if none */
} credo_credit_status;

/* Where a customer stands today. */
credo_status credo_credit_status_of(credo_db *db, int64_t customer_id, credo_credit_status *out);

typedef enum credo_limit_kind {
	CREDO_LIMIT_STANDING,
	CREDO_LIMIT_TEMPORARY,	/* extra room until expires */
	CREDO_LIMIT_ONE_OFF,	/* covers one contract */
} credo_limit_kind;

typedef struct credo_limit_new {
	int64_t customer_id;
	credo_money amount;	/* >= 0 */
	credo_limit_kind kind;
	const char *expires;	/* temporary: required, after today */
	int64_t contract_id;	/* one-off: required */
	const char *note;	/* why this amount, when it differs from the suggestion */
} credo_limit_new;

/*
 * Set a limit directly (CREDIT_DECIDE). The current rating's basis and
 * suggestion are stored with it, so the limit can be explained (seed 000).
 * A new standing limit replaces the previous one.
 */
credo_status credo_credit_limit_set(credo_db *db, const credo_limit_new *in, int64_t *id_out);

typedef struct credo_credit_request_new {
	int64_t customer_id;
	credo_money amount;	/* > 0 */
	credo_limit_kind kind;
	const char *expires;	/* temporary */
	int64_t contract_id;	/* one-off */
	const char *reason;	/* required */
} credo_credit_request_new;

/* File a request (CREDIT_REQUEST); the latest rating and suggestion are attached. */
credo_status credo_credit_request(credo_db *db, const credo_credit_request_new *in, int64_t *id_out);

/* Approve a pending request (CREDIT_DECIDE); amount 0 grants what was asked. Creates the limit. */
credo_status credo_credit_approve(credo_db *db, int64_t request_id, credo_money amount, const char *note);

/* Reject a pending request (CREDIT_DECIDE); the note is required. */
credo_status credo_credit_reject(credo_db *db, int64_t request_id, const char *note);

/* Mark a pending request disputed: it goes to the general manager (CREDIT_DECIDE). */
credo_status credo_credit_dispute(credo_db *db, int64_t request_id, const char *note);

/* The general manager decides a disputed request (CREDIT_ESCALATED). amount 0: as asked. */
credo_status credo_credit_decide(credo_db *db, int64_t request_id, int approve, credo_money amount,
				 const char *note);

typedef struct credo_credit_request_row {
	int64_t id;
	const char *customer_code;
	const char *customer_name;
	const char *kind;
	credo_money amount;
	credo_money suggested;		/* CREDO_MONEY_NONE when there was no rating */
	const char *grade;		/* of the attached rating, or "" */
	const char *reason;
	const char *requester;
	const char *requested_at;
	const char *state;		/* pending, approved, rejected, escalated, decided */
	const char *decider;
	const char *decided_at;
	const char *decision_note;
	credo_money approved;		/* CREDO_MONEY_NONE until approved */
} credo_credit_request_row;

typedef int (*credo_credit_request_cb)(const credo_credit_request_row *r, void *ctx);

/* Requests in scope: one customer's (customer_id > 0) or all; open ones (pending, escalated) first. */
credo_status credo_credit_requests(credo_db *db, int64_t customer_id, int open_only,
				   credo_credit_request_cb cb, void *ctx);

typedef struct credo_credit_row {
	int64_t customer_id;
	const char *code;
	const char *name;
	const char *owner;
	credo_credit_status st;
} credo_credit_row;

typedef int (*credo_credit_row_cb)(const credo_credit_row *r, void *ctx);

/* Every customer in scope with its grade, limit, exposure and utilisation; grade filter 0 = all. */
credo_status credo_credit_report(credo_db *db, char grade, credo_credit_row_cb cb, void *ctx);

typedef struct credo_credit_event {
	const char *date;
	const char *what;	/* rating, limit, request, decision, override, file */
	const char *text;
	const char *who;
} credo_credit_event;

typedef int (*credo_credit_event_cb)(const credo_credit_event *e, void *ctx);

/* A customer's credit history, oldest first. */
credo_status credo_credit_history(credo_db *db, int64_t customer_id, credo_credit_event_cb cb, void *ctx);

#endif
