/*
 * contract.h - sales contracts (合同): goods lines, settlement plan,
 * execution log, and the draft -> active -> completed / terminated life.
 *
 * Activation is where credit control happens (seed 000 §8: no credit sale
 * without approval): credo_contract_activate runs the credit check.
 */
#ifndef CREDO_CONTRACT_H
#define CREDO_CONTRACT_H

#include <stdint.h>

#include "credo/db.h"
#include "credo/money.h"

typedef struct credo_contract {
	int64_t id;
	const char *code;
	int64_t customer_id;
	const char *customer_code;
	const char *customer_name;
	const char *sign_date;
	const char *start_date;
	const char *end_date;
	const char *owner_login;
	const char *department;
	int payment_term_days;
	const char *collateral;
	const char *status;		/* draft, active, completed, terminated */
	credo_money amount;		/* sum of the lines */
	credo_money invoiced;		/* net of credit notes against it */
	credo_money collected;		/* payments applied to its invoices */
} credo_contract;

typedef int (*credo_contract_cb)(const credo_contract *c, void *ctx);

typedef struct credo_contract_line {
	const char *product_code;	/* optional: fills description, model, spec */
	const char *description;	/* required without a product */
	const char *model;
	const char *spec;
	int64_t qty_milli;		/* quantity in thousandths, > 0 */
	credo_money unit_price;		/* >= 0 */
	credo_money amount;		/* out: qty x price rounded half up to the fen */
} credo_contract_line;

typedef struct credo_plan_row {
	const char *date;		/* planned settlement date */
	credo_money amount;		/* > 0 */
	const char *note;
} credo_plan_row;

typedef struct credo_contract_new {
	int64_t customer_id;		/* a customer in scope */
	const char *code;		/* NULL: next from code.contract */
	const char *sign_date;		/* required */
	const char *start_date;
	const char *end_date;
	int payment_term_days;		/* < 0: the customer's term, else the default setting */
	const char *collateral;
	const char *owner_login;	/* default: the customer's owner */
	const credo_contract_line *lines;	/* at least one */
	int nlines;
	const credo_plan_row *plan;	/* optional; when given it must add up to the amount */
	int nplan;
} credo_contract_new;

/*
 * Draft a contract with its lines and settlement plan in one step. Needs
 * CONTRACT_EDIT. CREDO_RULE when the plan does not add up to the lines
 * (the message gives both sums) or a plan date precedes the sign date.
 */
credo_status credo_contract_add(credo_db *db, const credo_contract_new *in, int64_t *id_out);

/* Contract by code in scope. */
credo_status credo_contract_find(credo_db *db, const char *code, int64_t *id);

/* One contract in scope. */
credo_status credo_contract_get(credo_db *db, int64_t id, credo_contract_cb cb, void *ctx);

/*
 * Activate a draft: from now on it counts in the customer's exposure and can
 * be invoiced. Runs the credit check; override_reason (credit managers only)
 * lets a blocked contract through, recorded with who and why.
 */
credo_status credo_contract_activate(credo_db *db, int64_t id, const char *override_reason);

/* Complete an active contract, or terminate a draft or active one (reason required). */
credo_status credo_contract_complete(credo_db *db, int64_t id);
credo_status credo_contract_terminate(credo_db *db, int64_t id, const char *reason);

/* Add to the execution log (执行进展). date NULL: today. */
credo_status credo_contract_log(credo_db *db, int64_t id, const char *date, const char *note);

typedef struct credo_contract_filter {
	int64_t customer_id;	/* 0: any */
	const char *status;	/* NULL: any */
	int limit;
} credo_contract_filter;

/* Contracts in scope, newest sign date first. */
credo_status credo_contract_list(credo_db *db, const credo_contract_filter *f, credo_contract_cb cb, void *ctx);

typedef struct credo_contract_item {
	const char *kind;	/* "line", "plan" or "log" */
	int line_no;
	const char *date;	/* plan and log */
	const char *text;	/* description, plan note or log note */
	const char *model;
	const char *spec;
	int64_t qty_milli;
	credo_money unit_price;
	credo_money amount;
	const char *who;	/* log author */
} credo_contract_item;

typedef int (*credo_contract_item_cb)(const credo_contract_item *it, void *ctx);

/* Lines, then the plan by date, then the log by date. */
credo_status credo_contract_items(credo_db *db, int64_t id, credo_contract_item_cb cb, void *ctx);

#endif
