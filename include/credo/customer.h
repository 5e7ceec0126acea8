/*
 * customer.h - customers (客户).
 *
 * Data scope: a sales user sees only the customers it owns; asking for
 * another's customer gives CREDO_NOTFOUND, never the record.
 */
#ifndef CREDO_CUSTOMER_H
#define CREDO_CUSTOMER_H

#include <stdint.h>

#include "credo/db.h"

/* One row as a list or detail screen shows it. Strings are "" when empty and live until the callback returns. */
typedef struct credo_customer {
	int64_t id;
	const char *code;
	const char *name;
	const char *short_name;
	const char *type;	/* end_customer, distributor, partner */
	const char *status;	/* prospect, evaluated, active, at_risk, lost, won_back */
	const char *category;
	const char *industry;
	const char *region;
	const char *address;
	const char *phone;
	const char *tax_id;
	const char *bank;
	const char *bank_account;
	const char *legal_rep;
	const char *owner_login;
	const char *owner_name;
	const char *since;	/* relationship start date or "" */
	int reputation_bad;	/* 信譽 veto flag */
	const char *notes;
} credo_customer;

typedef int (*credo_customer_cb)(const credo_customer *c, void *ctx);

/* Fields for a new customer; NULL or "" means not given. name is required. */
typedef struct credo_customer_new {
	const char *code;	/* NULL: next code from the customer code pattern */
	const char *name;
	const char *short_name;
	const char *type;	/* default end_customer */
	const char *category;
	const char *industry;
	const char *region;
	const char *address;
	const char *phone;
	const char *tax_id;
	const char *bank;
	const char *bank_account;
	const char *legal_rep;
	const char *owner_login;	/* default: the acting user when sales */
	const char *since;
	const char *notes;
} credo_customer_new;

/*
 * Add a customer. Needs CUSTOMER_EDIT; a sales user may only own it itself.
 * CREDO_INVALID names the field and rule, CREDO_EXISTS a taken code.
 * *id_out (if not NULL) receives the new id.
 */
credo_status credo_customer_add(credo_db *db, const credo_customer_new *in, int64_t *id_out);

/* One customer by id, within the actor's data scope; CREDO_NOTFOUND otherwise. */
credo_status credo_customer_get(credo_db *db, int64_t id, credo_customer_cb cb, void *ctx);

typedef enum credo_customer_sort {
	CREDO_CUSTOMER_BY_NAME,
	CREDO_CUSTOMER_BY_CODE,
} credo_customer_sort;

/*
 * Keyset cursor: the sort key and id of a row a page continues from.
 * Empty (valid = 0) means the start (forward) or end (backward) of the list.
 */
typedef struct credo_customer_key {
	int valid;
	char text[256];
	int64_t id;
} credo_customer_key;

typedef struct credo_customer_query {
	const char *search;	/* substring of code, name, short name or phone; NULL/"" = all */
	credo_customer_sort sort;
	credo_customer_key after;	/* rows strictly after (forward) or before (backward) this key */
	int backward;		/* 1: rows before the key, delivered nearest first */
	int limit;		/* rows to deliver, 1..1000 */
} credo_customer_query;

/*
 * One page of customers in the actor's scope, streamed to cb in display
 * order (backward pages arrive nearest-to-key first; the caller reverses).
 * Never reads more rows than limit. credo_customer_key_of() makes the next
 * cursor from a delivered row.
 */
credo_status credo_customer_page(credo_db *db, const credo_customer_query *q,
				 credo_customer_cb cb, void *ctx);

/* Cursor for continuing after row c under sort s. */
void credo_customer_key_of(const credo_customer *c, credo_customer_sort s,
			   credo_customer_key *key);

/* Number of customers in the actor's scope matching search (NULL = all). */
credo_status credo_customer_count(credo_db *db, const char *search, int64_t *out);

#endif
