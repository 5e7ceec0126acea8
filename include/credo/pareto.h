/*
 * pareto.h - customer value classes (ABC, seed 000 section 11 "20/80",
 * seed 003 黄金客户 / 潜在黄金客户 / 一般客户) and collected vs contracted.
 *
 * Customers are ranked by a basis over the 12 months to a date: sales
 * (invoices less credit notes) or money collected (setting pareto.basis).
 * Class A holds the customers that together make the first pareto.a_pct
 * percent of the basis, B the next pareto.b_pct percent, C the rest. The
 * classes are stored as customer categories named by the settings
 * pareto.class_a/b/c, so every change lands in the customer's history.
 */
#ifndef CREDO_PARETO_H
#define CREDO_PARETO_H

#include <stdint.h>

#include "credo/db.h"
#include "credo/money.h"

typedef enum credo_pareto_basis {
	CREDO_PARETO_SETTING = -1,	/* whatever pareto.basis says */
	CREDO_PARETO_SALES = 0,
	CREDO_PARETO_COLLECTED = 1,
} credo_pareto_basis;

typedef struct credo_pareto_opts {
	credo_pareto_basis basis;
	const char *as_of;		/* NULL: today; the 12 months end here */
} credo_pareto_opts;

typedef struct credo_pareto_row {
	int rank;			/* 1 = largest basis */
	const char *code, *name, *owner;
	credo_money basis;		/* sales or collected in the 12 months */
	credo_money cumulative;		/* this and every customer ranked above */
	int share_bp;			/* basis / total of all customers, basis points */
	int cumulative_bp;
	char cls;			/* 'A', 'B' or 'C' */
	const char *category;		/* the customer's category now ("" for none) */
	credo_money contracted;		/* active and completed contracts, all time */
	credo_money collected;		/* payments not reversed, all time */
	int collected_bp;		/* collected / contracted; -1 without contracts */
} credo_pareto_row;

typedef int (*credo_pareto_cb)(const credo_pareto_row *r, void *ctx);

/*
 * The ABC ranking of every customer with a positive basis, largest first;
 * the class of each is computed over all customers, whoever asks, and the
 * rows shown are those in the actor's scope. *total (may be NULL) gets the
 * basis of all customers; the rows' basis adds up to it for a reader who
 * sees everyone.
 */
credo_status credo_pareto(credo_db *db, const credo_pareto_opts *o, credo_pareto_cb cb, void *ctx,
			  credo_money *total);

typedef struct credo_class_change {
	const char *code, *name, *owner;
	const char *from;	/* category before ("" for none) */
	const char *to;		/* the class's category */
	credo_money basis;
	const char *date;	/* the day it changed (moves report only) */
} credo_class_change;

typedef int (*credo_class_cb)(const credo_class_change *c, void *ctx);

/*
 * Classify customers: each with a positive basis gets the category of its
 * class; a customer without a basis that still holds class A or B drops to
 * C. Every change is recorded in the customer's history (reason "ABC
 * classification ...") with an audit row; customers already in their class
 * are left alone, so a second run in a row changes nothing. Needs
 * CLASSIFY. With dry_run nothing is written. cb (may be NULL) sees each
 * change; *changed (may be NULL) counts them.
 */
credo_status credo_classify(credo_db *db, const credo_pareto_opts *o, int dry_run, credo_class_cb cb, void *ctx,
			    int64_t *changed);

/*
 * Who moved class between from and to (dates, NULL: the last 12 months to
 * today), oldest first: the classification's changes from the customer
 * history, for customers in scope.
 */
credo_status credo_class_moves(credo_db *db, const char *from, const char *to, credo_class_cb cb, void *ctx);

#endif
