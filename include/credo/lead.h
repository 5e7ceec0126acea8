/*
 * lead.h - leads (线索): companies that might become customers.
 *
 * A lead belongs to a salesperson (scope as for customers); converting it
 * makes a customer owned by the same person and keeps the lead's visits.
 */
#ifndef CREDO_LEAD_H
#define CREDO_LEAD_H

#include <stdint.h>

#include "credo/db.h"

typedef struct credo_lead {
	int64_t id;
	const char *code;
	const char *company;
	const char *contact_name;
	const char *phone;
	const char *email;
	const char *source;
	const char *status;		/* new, contacted, qualified, converted, lost */
	const char *owner_login;
	const char *owner_name;
	int64_t customer_id;		/* once converted, else 0 */
	const char *customer_code;	/* "" until converted */
	const char *notes;
	const char *created_at;
	const char *last_activity;	/* date of the latest visit, or "" */
} credo_lead;

typedef int (*credo_lead_cb)(const credo_lead *l, void *ctx);

typedef struct credo_lead_new {
	const char *company;	/* required */
	const char *contact_name;
	const char *phone;
	const char *email;
	const char *source;
	const char *owner_login;	/* default: the actor when a salesperson */
	const char *notes;
} credo_lead_new;

/* Add a lead. Needs SALES_ACTIVITY; a salesperson only for itself. Code from code.lead. */
credo_status credo_lead_add(credo_db *db, const credo_lead_new *in, int64_t *id_out);

/* Move a lead to new, contacted, qualified or lost. Converted leads are final. */
credo_status credo_lead_set_status(credo_db *db, int64_t id, const char *status);

/*
 * Turn a lead into a prospect customer with the lead's company, phone and
 * owner, its contact person as a contact, and its visits attached to the
 * customer. *customer_id receives the new customer. Needs SALES_ACTIVITY and
 * CUSTOMER_EDIT. CREDO_RULE for a lead that is lost or already converted.
 */
credo_status credo_lead_convert(credo_db *db, int64_t id, int64_t *customer_id);

/* Lead by code in scope. */
credo_status credo_lead_find(credo_db *db, const char *code, int64_t *id);

/* One lead in scope. */
credo_status credo_lead_get(credo_db *db, int64_t id, credo_lead_cb cb, void *ctx);

typedef struct credo_lead_filter {
	const char *status;	/* NULL: all but converted and lost; "all": every lead */
	const char *owner_login;
	const char *search;	/* substring of company, contact or phone */
	int limit;
} credo_lead_filter;

/* Leads in scope, newest first. */
credo_status credo_lead_list(credo_db *db, const credo_lead_filter *f, credo_lead_cb cb, void *ctx);

#endif
