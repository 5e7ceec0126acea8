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
	/*
	 * Credit figures, filled (has_figures = 1) only on pages sorted by
	 * overdue amount or utilisation; the same numbers as credo credit show
	 * and the aging report give for today.
	 */
	int has_figures;
	int64_t overdue;	/* open amount of invoices past their due date, fen */
	int64_t exposure;	/* as the credit check counts it, fen */
	int has_limit;		/* a standing or temporary limit is in force */
	int64_t limit;		/* that limit, fen */
	int64_t utilisation_bp;	/* exposure / limit in basis points (1% = 100), or one of: */
} credo_customer;

/* Exposure without a limit to measure it against (none, or zero): sorts before every utilisation. */
#define CREDO_UTILISATION_NO_LIMIT INT64_MAX
/* Neither a limit nor any exposure: nothing to measure, sorts after every utilisation. */
#define CREDO_UTILISATION_NONE (-INT64_MAX)

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

/*
 * Orders of the customer list. By overdue amount and by utilisation the
 * largest come first (who owes most past due; who has used most of the
 * limit, exposure without a limit first, customers with neither last),
 * equal values newest customer first.
 */
typedef enum credo_customer_sort {
	CREDO_CUSTOMER_BY_NAME,
	CREDO_CUSTOMER_BY_CODE,
	CREDO_CUSTOMER_BY_OVERDUE,
	CREDO_CUSTOMER_BY_UTILISATION,
} credo_customer_sort;

/*
 * Keyset cursor: the sort key and id of a row a page continues from.
 * Empty (valid = 0) means the start (forward) or end (backward) of the list.
 */
typedef struct credo_customer_key {
	int valid;
	char text[256];		/* name or code */
	int64_t num;		/* overdue amount or utilisation */
	int64_t id;
} credo_customer_key;

typedef struct credo_customer_query {
	const char *search;	/* substring of code, name, short name, phone or a contact's name
				   or phone (Latin letters ignore case); NULL/"" = all */
	credo_customer_sort sort;
	credo_customer_key after;	/* rows strictly after (forward) or before (backward) this key */
	const char *owner_login;	/* only this salesperson's customers; NULL = all in scope */
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

/*
 * The best matches for search in the actor's scope, at most limit (1..1000):
 * exact code first, then names and short names starting with the text, then
 * the rest by name.
 */
credo_status credo_customer_search(credo_db *db, const char *search, int limit,
				   credo_customer_cb cb, void *ctx);

/* Number of customers in the actor's scope matching search (NULL = all). */
credo_status credo_customer_count(credo_db *db, const char *search, int64_t *out);

/*
 * Change the fields of a customer the actor can see. In `in`, NULL leaves a
 * field as it is and "" clears it (name cannot be cleared); owner_login is
 * ignored (see credo_customer_assign) and code needs CODE_EDIT (finance).
 * Needs CUSTOMER_EDIT. A category change is kept in the customer's history.
 * CREDO_NOTFOUND outside the scope, CREDO_INVALID naming the field.
 */
credo_status credo_customer_update(credo_db *db, int64_t id, const credo_customer_new *in);

/*
 * Give a customer to another salesperson (CUSTOMER_ASSIGN: sales managers).
 * The change and the reason are kept in the customer's history: the record
 * belongs to the company, not to the salesperson (seed 002).
 */
credo_status credo_customer_assign(credo_db *db, int64_t id, const char *owner_login, const char *reason);

/*
 * Move a customer along its lifecycle: prospect -> evaluated -> active ->
 * at_risk -> lost -> won_back (and back to active). A prospect cannot become
 * active without an evaluation first (seed 001); the note is required when
 * evaluating, since it is the evaluation. CREDO_RULE names the allowed moves.
 */
credo_status credo_customer_set_status(credo_db *db, int64_t id, const char *status, const char *note);

/*
 * Set or clear the reputation (信譽) veto (seed 001: 不講信譽的經銷商,條件再好也不能合作).
 * Only the credit manager decides it (CREDIT_DECIDE); a reason is required.
 */
credo_status credo_customer_set_reputation(credo_db *db, int64_t id, int bad, const char *reason);

/* Id of the customer with this code, within the actor's scope; CREDO_NOTFOUND otherwise. */
credo_status credo_customer_find(credo_db *db, const char *code, int64_t *id);

typedef struct credo_customer_change {
	const char *field;	/* owner, category, status, reputation */
	const char *old_value;
	const char *new_value;
	const char *changed_at;
	const char *changed_by;	/* login */
	const char *reason;
} credo_customer_change;

typedef int (*credo_customer_change_cb)(const credo_customer_change *ch, void *ctx);

/* Owner, category, status and reputation changes of one customer, oldest first. */
credo_status credo_customer_history(credo_db *db, int64_t id, credo_customer_change_cb cb, void *ctx);

#endif
