/*
 * aging.h - receivables aging (账龄), open items, bad-debt provision and DSO,
 * as of any date (DESIGN.md section 6).
 *
 * Everything is computed from invoices, payments and the dates of their
 * allocations, so an as-of date in the past shows what was open then.
 */
#ifndef CREDO_AGING_H
#define CREDO_AGING_H

#include <stdint.h>

#include "credo/db.h"
#include "credo/money.h"

#define CREDO_AGING_MAX_BUCKETS 8

typedef enum credo_aging_group {
	CREDO_AGING_BY_CUSTOMER,
	CREDO_AGING_BY_SALESPERSON,
	CREDO_AGING_BY_DEPARTMENT,
	CREDO_AGING_BY_GRADE,
} credo_aging_group;

typedef struct credo_aging_opts {
	const char *as_of;		/* NULL: today */
	int by_invoice_date;		/* 0: age by days past due (default); 1: by days since invoicing */
	credo_aging_group group;
	int64_t customer_id;		/* 0: all in scope */
} credo_aging_opts;

/* The bucket names from the aging.buckets setting: "not due", "1-30", ..., "> 365". */
typedef struct credo_aging_buckets {
	int n;
	char label[CREDO_AGING_MAX_BUCKETS][16];
} credo_aging_buckets;

credo_status credo_aging_buckets_get(credo_db *db, int by_invoice_date, credo_aging_buckets *out);

typedef struct credo_aging_row {
	const char *key;	/* customer code, login, department, or grade */
	const char *name;
	int64_t items;		/* open invoices */
	credo_money bucket[CREDO_AGING_MAX_BUCKETS];
	credo_money total;	/* sum of the buckets: the open items */
	credo_money overdue;	/* open amount past its due date */
	credo_money provision;	/* bad-debt provision by invoice age */
} credo_aging_row;

typedef int (*credo_aging_cb)(const credo_aging_row *r, void *ctx);

/*
 * The aging of open invoices in scope, one row per group, in key order.
 * One query over the open items. Credit not yet applied is not in the
 * buckets (the statement shows it); the totals row is the caller's sum.
 */
credo_status credo_aging(credo_db *db, const credo_aging_opts *o, credo_aging_cb cb, void *ctx);

typedef struct credo_open_item {
	int64_t invoice_id;
	const char *customer_code;
	const char *customer_name;
	const char *invoice_code;
	const char *contract_code;	/* or "" */
	const char *invoice_date;
	const char *due_date;
	credo_money amount;
	credo_money open;
	int days_past_due;		/* <= 0 when not yet due */
	int bucket;			/* index into the buckets */
	credo_money provision;
	const char *collector;		/* login, or "" */
	const char *salesperson;	/* the customer's owner */
	int disputed;
} credo_open_item;

typedef int (*credo_open_item_cb)(const credo_open_item *it, void *ctx);

/* Open invoices as of a date, by customer code then due date. */
credo_status credo_open_items(credo_db *db, const credo_aging_opts *o, credo_open_item_cb cb, void *ctx);

typedef struct credo_dso_row {
	const char *key;
	const char *name;
	credo_money receivable;	/* open at the date */
	credo_money sales;	/* invoiced in the period */
	int days;		/* the period */
	int dso;		/* receivable / sales x days, rounded; -1 without sales */
} credo_dso_row;

typedef int (*credo_dso_cb)(const credo_dso_row *r, void *ctx);

/*
 * Days sales outstanding as of a date over the last `days` days (90 when 0):
 * per customer, per salesperson (group) and, last, the company (key "").
 */
credo_status credo_dso(credo_db *db, const char *as_of, int days, credo_aging_group group,
		       credo_dso_cb cb, void *ctx);

#endif
