/*
 * scorecard.h - the salesperson scorecard (业绩考核): sales judged by the
 * money collected, not by orders (seed 000 section 8, seed 003).
 *
 * Money figures are those of the salesperson's customers (customers.owner_id
 * today), so a customer handed over takes its history along. The
 * definitions of every figure are in docs/reports.md.
 */
#ifndef CREDO_SCORECARD_H
#define CREDO_SCORECARD_H

#include <stdint.h>

#include "credo/db.h"
#include "credo/money.h"

typedef struct credo_scorecard_opts {
	const char *from;	/* NULL: the first day of to's month */
	const char *to;		/* NULL: today */
	int by_department;	/* 1: one row per department, the sums of its people */
	const char *login;	/* NULL: everyone the actor may see; else that one salesperson */
} credo_scorecard_opts;

typedef struct credo_scorecard_row {
	int rank;			/* 1 = most collected */
	const char *key;		/* login, or the department's name ("" for none) */
	const char *name;		/* the person's name, or the department's */
	const char *department;
	int64_t people;			/* 1, or the people of the department */
	int64_t new_customers;		/* customers whose first invoice falls in the period */
	int64_t visits_done;		/* visits and calls that took place in the period */
	int64_t visits_planned;		/* visits planned for a day in the period */
	int64_t won, lost;		/* opportunities closed in the period */
	int64_t contracts;		/* contracts signed in the period (not drafts) */
	credo_money contracted;		/* their amount */
	credo_money invoiced;		/* invoices less credit notes dated in the period */
	credo_money collected;		/* payments dated in the period, not reversed */
	int collection_bp;		/* collected / invoiced in basis points; -1 without invoices */
	credo_money receivable;		/* open invoices at the period's end */
	credo_money overdue;		/* of which past due */
	int overdue_bp;			/* overdue / receivable; -1 without receivables */
	credo_money sales90;		/* invoiced in the 90 days to the period's end (DSO's basis) */
	int dso;			/* receivable / sales90 x 90, rounded; -1 without sales */
	int64_t complaints;		/* complaints by their customers dated in the period */
	credo_money target;		/* the targets (all regions) of the months the period touches */
} credo_scorecard_row;

typedef int (*credo_scorecard_cb)(const credo_scorecard_row *r, void *ctx);

/*
 * The scorecard for a period, one row per salesperson (users of role sales
 * or sales_manager) or per department, ranked by money collected (ties by
 * key). A salesperson sees only their own row, a sales manager their
 * department's people, other roles everyone; asking for a login outside
 * that is CREDO_PERM. The period's dates are resolved in *resolved_from/to
 * when not NULL (each CREDO_DATE_BUFSZ).
 */
credo_status credo_scorecard(credo_db *db, const credo_scorecard_opts *o, credo_scorecard_cb cb, void *ctx,
			     char *resolved_from, char *resolved_to);

typedef struct credo_month_sales {
	char month[8];		/* "YYYY-MM" */
	credo_money invoiced;	/* invoices less credit notes dated in the month */
	credo_money collected;	/* payments dated in the month, not reversed */
} credo_month_sales;

/*
 * Invoiced and collected per month for the months months (1..36) ending
 * with to's month (NULL: today), oldest first, every month present, for
 * the customers in the actor's scope (a salesperson: their own).
 */
credo_status credo_sales_by_month(credo_db *db, const char *to, int months, credo_month_sales *out);

#endif
