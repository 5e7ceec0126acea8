/*
 * opportunity.h - opportunities (商机) through a configurable stage list,
 * and the funnel with a weighted forecast (seed 003).
 */
#ifndef CREDO_OPPORTUNITY_H
#define CREDO_OPPORTUNITY_H

#include <stdint.h>

#include "credo/db.h"
#include "credo/money.h"

typedef struct credo_stage {
	int64_t id;
	const char *name;
	int probability;	/* 0..100, the default for opportunities in this stage */
	int sort_order;
	const char *outcome;	/* open, won, lost */
} credo_stage;

typedef int (*credo_stage_cb)(const credo_stage *s, void *ctx);

/* The stages in order. */
credo_status credo_stage_list(credo_db *db, credo_stage_cb cb, void *ctx);

/*
 * Add or change a stage (STAGES permission). probability 0..100; a won stage
 * is 100 and a lost one 0. Open stages must keep probabilities that do not
 * fall as sort_order rises.
 */
credo_status credo_stage_set(credo_db *db, const char *name, int probability, int sort_order,
			     const char *outcome);

typedef struct credo_opportunity {
	int64_t id;
	int64_t customer_id;
	const char *customer_code;
	const char *customer_name;
	const char *description;
	const char *stage;
	int probability;
	const char *outcome;		/* of the stage: open, won, lost */
	credo_money amount;
	const char *expected_close;	/* or "" */
	const char *owner_login;
	const char *owner_name;
	const char *lost_reason;
	const char *updated_at;
} credo_opportunity;

typedef int (*credo_opportunity_cb)(const credo_opportunity *o, void *ctx);

typedef struct credo_opportunity_new {
	int64_t customer_id;		/* a customer in scope */
	const char *description;	/* required */
	const char *stage;		/* NULL: the first open stage */
	credo_money amount;		/* >= 0 */
	const char *expected_close;	/* optional date */
	const char *owner_login;	/* default: the customer's owner */
} credo_opportunity_new;

/* Needs SALES_ACTIVITY. */
credo_status credo_opportunity_add(credo_db *db, const credo_opportunity_new *in, int64_t *id_out);

/* Move to another stage by name; use credo_opportunity_lose for a lost stage. */
credo_status credo_opportunity_set_stage(credo_db *db, int64_t id, const char *stage);

/* Mark lost with a reason (required): seed 003 asks why deals are lost. */
credo_status credo_opportunity_lose(credo_db *db, int64_t id, const char *reason);

typedef struct credo_opportunity_filter {
	int64_t customer_id;	/* 0: any */
	const char *owner_login;
	int open_only;
	int limit;
} credo_opportunity_filter;

/* Opportunities in scope, by expected close date then id. */
credo_status credo_opportunity_list(credo_db *db, const credo_opportunity_filter *f,
				    credo_opportunity_cb cb, void *ctx);

typedef struct credo_funnel_row {
	const char *owner_login;
	const char *owner_name;
	const char *stage;
	int probability;
	int64_t count;
	credo_money amount;
	credo_money weighted;	/* sum of amount x probability / 100, rounded down to the fen */
} credo_funnel_row;

typedef int (*credo_funnel_cb)(const credo_funnel_row *r, void *ctx);

/* The funnel of open opportunities per salesperson and stage, in stage order. */
credo_status credo_funnel(credo_db *db, credo_funnel_cb cb, void *ctx);

#endif
