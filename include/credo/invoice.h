/*
 * invoice.h - invoices and credit notes (发票 / 红字发票).
 *
 * A credit note is a negative invoice; it is applied to the customer's open
 * invoices like a payment. Finance records both.
 */
#ifndef CREDO_INVOICE_H
#define CREDO_INVOICE_H

#include <stdint.h>

#include "credo/db.h"
#include "credo/money.h"

typedef struct credo_invoice {
	int64_t id;
	const char *code;
	int64_t customer_id;
	const char *customer_code;
	const char *customer_name;
	const char *contract_code;	/* or "" */
	const char *invoice_date;
	const char *due_date;
	credo_money amount;		/* negative for a credit note */
	credo_money open;		/* still to be paid (or, for a credit note, still to apply, as a negative) */
	int days_overdue;		/* as of today, 0 when not due or settled */
	const char *collector_login;	/* or "" */
	int disputed;
	const char *notes;
} credo_invoice;

typedef int (*credo_invoice_cb)(const credo_invoice *inv, void *ctx);

typedef struct credo_invoice_new {
	int64_t customer_id;
	int64_t contract_id;	/* 0: none; else an active contract of the customer */
	const char *code;	/* NULL: next from code.invoice */
	const char *date;	/* required */
	const char *due_date;	/* NULL: date + the contract's, else the customer's, else the default term */
	credo_money amount;	/* > 0; credit notes use credo_credit_note_add */
	const char *notes;
	const char *override_reason;	/* credit managers only: let a blocked sale through */
} credo_invoice_new;

/*
 * Record an invoice. Needs LEDGER_POST. The amount cannot exceed what is left
 * to invoice on the contract. Runs the credit check. Unapplied customer
 * credit (payments and credit notes) is applied to the new invoice at once.
 */
credo_status credo_invoice_add(credo_db *db, const credo_invoice_new *in, int64_t *id_out);

typedef struct credo_credit_note_new {
	int64_t customer_id;
	int64_t against_invoice_id;	/* 0: apply to the oldest open invoices */
	const char *code;
	const char *date;		/* required */
	credo_money amount;		/* > 0: the size of the reduction */
	const char *reason;		/* required */
} credo_credit_note_new;

/* Record a credit note (stored as a negative invoice) and apply it. Needs LEDGER_POST. */
credo_status credo_credit_note_add(credo_db *db, const credo_credit_note_new *in, int64_t *id_out);

/* Invoice by code in scope. */
credo_status credo_invoice_find(credo_db *db, const char *code, int64_t *id);

typedef struct credo_invoice_filter {
	int64_t customer_id;	/* 0: any */
	int64_t contract_id;	/* 0: any */
	int open_only;
	int limit;
} credo_invoice_filter;

/* Invoices in scope, oldest due date first. */
credo_status credo_invoice_list(credo_db *db, const credo_invoice_filter *f, credo_invoice_cb cb, void *ctx);

#endif
