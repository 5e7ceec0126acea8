/*
 * payment.h - payments received (回款) and how they are applied to invoices.
 */
#ifndef CREDO_PAYMENT_H
#define CREDO_PAYMENT_H

#include <stdint.h>

#include "credo/db.h"
#include "credo/money.h"

typedef struct credo_payment {
	int64_t id;
	const char *code;
	int64_t customer_id;
	const char *customer_code;
	const char *customer_name;
	const char *date;
	credo_money amount;
	credo_money applied;	/* allocated to invoices */
	const char *method;
	const char *reference;
	const char *reversed_at;	/* "" unless reversed */
	const char *reversal_reason;
} credo_payment;

typedef int (*credo_payment_cb)(const credo_payment *p, void *ctx);

typedef struct credo_apply {
	int64_t invoice_id;
	credo_money amount;
} credo_apply;

typedef struct credo_payment_new {
	int64_t customer_id;
	const char *code;	/* NULL: next from code.payment */
	const char *date;	/* required, not after today */
	credo_money amount;	/* > 0 */
	const char *method;	/* transfer (default), cash, cheque, acceptance, other */
	const char *reference;
	const credo_apply *apply;	/* explicit allocation, or NULL: oldest due first */
	int napply;
} credo_payment_new;

/*
 * Record a payment and apply it: to the given invoices, or to the oldest due
 * open invoices first. What is left stays as customer credit and is applied
 * to later invoices. Needs LEDGER_POST. CREDO_RULE when the payment exceeds
 * what the customer owes plus the ledger.max_advance setting, or an
 * explicit allocation exceeds an invoice's open amount or the payment.
 */
credo_status credo_payment_add(credo_db *db, const credo_payment_new *in, int64_t *id_out);

/*
 * Reverse a payment entered by mistake: it and its allocations stay on file
 * marked reversed on date (NULL: today), and the invoices it paid reopen.
 * Needs LEDGER_POST; a reason is required.
 */
credo_status credo_payment_reverse(credo_db *db, int64_t id, const char *date, const char *reason);

/* Payment by code in scope. */
credo_status credo_payment_find(credo_db *db, const char *code, int64_t *id);

typedef struct credo_payment_filter {
	int64_t customer_id;
	const char *from, *to;	/* NULL: unbounded */
	int limit;
} credo_payment_filter;

/* Payments in scope, newest first. */
credo_status credo_payment_list(credo_db *db, const credo_payment_filter *f, credo_payment_cb cb, void *ctx);

typedef struct credo_allocation {
	const char *invoice_code;
	const char *date;
	credo_money amount;
	int reversed;
} credo_allocation;

typedef int (*credo_allocation_cb)(const credo_allocation *a, void *ctx);

/* What a payment was applied to. */
credo_status credo_payment_allocations(credo_db *db, int64_t id, credo_allocation_cb cb, void *ctx);

#endif
