/*
 * visit.h - visits and other activities (拜访): what the salesperson did,
 * found and agreed, and when to follow up.
 *
 * Seed 002: a visit records substance, not just a count, so a visit that
 * took place must say what was found or what came of it.
 */
#ifndef CREDO_VISIT_H
#define CREDO_VISIT_H

#include <stdint.h>

#include "credo/db.h"

typedef struct credo_visit {
	int64_t id;
	int64_t customer_id;		/* 0 for a lead's visit before conversion */
	const char *customer_code;
	const char *customer_name;
	int64_t lead_id;		/* 0 when not from a lead */
	const char *lead_company;
	int64_t contact_id;		/* 0 when none */
	const char *contact_name;
	const char *date;		/* YYYY-MM-DD */
	const char *kind;		/* visit, phone, email, meeting, credit_visit */
	int planned;			/* 1: planned, not yet done */
	const char *purpose;
	const char *findings;
	const char *outcome;
	const char *next_step;
	const char *next_date;		/* follow-up date or "" */
	const char *user_login;		/* who visited */
	const char *user_name;
} credo_visit;

typedef int (*credo_visit_cb)(const credo_visit *v, void *ctx);

typedef struct credo_visit_new {
	int64_t customer_id;	/* one of customer_id and lead_id */
	int64_t lead_id;
	int64_t contact_id;	/* optional; must belong to the customer */
	const char *date;	/* NULL: today */
	const char *kind;	/* NULL: visit */
	int planned;		/* 1: a plan for that date (may be in the future) */
	const char *purpose;
	const char *findings;
	const char *outcome;
	const char *next_step;
	const char *next_date;	/* optional, not before date */
} credo_visit_new;

/*
 * Log a visit to a customer or lead the actor can see. Needs VISIT_LOG.
 * A visit that happened (planned = 0) cannot be dated after today and needs
 * findings or an outcome; the follow-up date cannot precede the visit.
 */
credo_status credo_visit_add(credo_db *db, const credo_visit_new *in, int64_t *id_out);

/*
 * Mark a planned visit as done on date (NULL: today) with what was found;
 * the same substance rule as credo_visit_add applies.
 */
credo_status credo_visit_done(credo_db *db, int64_t id, const char *date, const char *findings,
			      const char *outcome, const char *next_step, const char *next_date);

typedef struct credo_visit_filter {
	int64_t customer_id;	/* 0: any */
	int64_t lead_id;	/* 0: any */
	const char *user_login;	/* NULL: anyone in scope */
	const char *from;	/* NULL: no lower bound */
	const char *to;		/* NULL: no upper bound */
	int limit;		/* <= 0: no limit */
} credo_visit_filter;

/* Visits in the actor's scope, newest first. */
credo_status credo_visit_list(credo_db *db, const credo_visit_filter *f, credo_visit_cb cb, void *ctx);

/* Follow-ups due on or before date (planned visits and next dates not yet followed by a visit), oldest first. */
credo_status credo_visit_due(credo_db *db, const char *date, credo_visit_cb cb, void *ctx);

typedef struct credo_visit_day {
	const char *login;
	const char *name;
	int planned;	/* plans and follow-ups falling on the day */
	int done;	/* visits that took place on the day */
	int done_planned;	/* of the planned ones, how many were done that day */
} credo_visit_day;

typedef int (*credo_visit_day_cb)(const credo_visit_day *d, void *ctx);

/* The daily report: per salesperson in scope, planned vs done on date. */
credo_status credo_visit_daily(credo_db *db, const char *date, credo_visit_day_cb cb, void *ctx);

#endif
