/*
 * ledger.h - balances, the statement of account (对账单), and collected vs
 * contracted. Everything is derived from invoices, payments and
 * allocations; no running balance is stored that could drift.
 */
#ifndef CREDO_LEDGER_H
#define CREDO_LEDGER_H

#include <stdint.h>

#include "credo/db.h"
#include "credo/money.h"

typedef struct credo_balance {
	credo_money invoiced;	/* invoices less credit notes */
	credo_money received;	/* payments not reversed */
	credo_money balance;	/* invoiced - received: what the customer owes (negative: credit) */
	credo_money open_items;	/* sum of open invoice amounts */
	credo_money unapplied;	/* payments and credit notes not yet applied */
	credo_money overdue;	/* open amount past its due date */
} credo_balance;

/* A customer's balance as of date (NULL: today). */
credo_status credo_balance_of(credo_db *db, int64_t customer_id, const char *as_of, credo_balance *out);

typedef struct credo_statement_line {
	const char *date;
	const char *kind;	/* opening, invoice, credit_note, payment, reversal, closing, open_item */
	const char *code;
	const char *text;	/* contract, reference or reason */
	credo_money debit;	/* invoices; reversals of payments */
	credo_money credit;	/* payments; credit notes */
	credo_money balance;	/* running balance after the line; for open items the open amount */
	const char *due_date;	/* invoices and open items */
} credo_statement_line;

typedef int (*credo_statement_cb)(const credo_statement_line *l, void *ctx);

/*
 * The statement of one customer for [from, to]: the opening line, every
 * invoice, credit note, payment and reversal in date order with a running
 * balance, the closing line, then the invoices open at the end date.
 * closing = opening + debits - credits, and equals the sum of the open
 * items less unapplied credit.
 */
credo_status credo_statement(credo_db *db, int64_t customer_id, const char *from, const char *to,
			     credo_statement_cb cb, void *ctx);

typedef struct credo_collected_row {
	const char *key;	/* customer code or salesperson login */
	const char *name;
	credo_money contracted;	/* active and completed contracts */
	credo_money invoiced;
	credo_money collected;	/* payments, net of reversals */
	credo_money balance;	/* invoiced - collected */
} credo_collected_row;

typedef int (*credo_collected_cb)(const credo_collected_row *r, void *ctx);

/* Collected vs contracted (seed 003), by customer (by_salesperson = 0) or by salesperson. */
credo_status credo_collected(credo_db *db, int by_salesperson, credo_collected_cb cb, void *ctx);

#endif
