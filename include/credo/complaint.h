/*
 * complaint.h - complaints and disputes (投诉). Reasonable complaints and
 * disputes count in the credit score (seed 000 §1: 争议是增多还是减少了).
 */
#ifndef CREDO_COMPLAINT_H
#define CREDO_COMPLAINT_H

#include <stdint.h>

#include "credo/db.h"

typedef struct credo_complaint {
	int64_t id;
	int64_t customer_id;
	const char *customer_code;
	const char *customer_name;
	const char *date;
	const char *kind;		/* quality, service, delivery, billing */
	int reasonable;			/* 1 yes, 0 no, -1 not judged yet */
	int is_dispute;
	const char *assigned_login;	/* or "" */
	const char *status;		/* open, in_progress, resolved, closed */
	const char *description;
	const char *resolution;
	const char *root_cause;
	const char *closed_date;	/* or "" */
} credo_complaint;

typedef int (*credo_complaint_cb)(const credo_complaint *c, void *ctx);

typedef struct credo_complaint_new {
	int64_t customer_id;
	const char *date;		/* NULL: today; not in the future */
	const char *kind;		/* required */
	const char *description;	/* required */
	int is_dispute;
	const char *assigned_login;	/* optional: who handles it */
} credo_complaint_new;

/* Record a complaint about a customer in scope. Needs COMPLAINT. */
credo_status credo_complaint_add(credo_db *db, const credo_complaint_new *in, int64_t *id_out);

/*
 * Work on a complaint: assigned_login (NULL: unchanged), status open or
 * in_progress or resolved (NULL: unchanged), reasonable 1/0 (-1: unchanged).
 */
credo_status credo_complaint_update(credo_db *db, int64_t id, const char *assigned_login,
				    const char *status, int reasonable);

/*
 * Close with a resolution (required), root cause and the judgement
 * reasonable 1/0 (required: the credit model counts it). date NULL: today.
 */
credo_status credo_complaint_close(credo_db *db, int64_t id, const char *resolution,
				   const char *root_cause, int reasonable, const char *date);

typedef struct credo_complaint_filter {
	int64_t customer_id;	/* 0: any */
	int open_only;
	int limit;
} credo_complaint_filter;

/* Complaints in scope, newest first. */
credo_status credo_complaint_list(credo_db *db, const credo_complaint_filter *f,
				  credo_complaint_cb cb, void *ctx);

/*
 * Complaints of one customer dated in [from, to]: all of them, and those that
 * count against it (judged reasonable, or disputes). For the credit model.
 */
credo_status credo_complaint_count(credo_db *db, int64_t customer_id, const char *from, const char *to,
				   int64_t *total, int64_t *counted);

#endif
