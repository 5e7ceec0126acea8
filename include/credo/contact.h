/*
 * contact.h - people at a customer (联系人).
 */
#ifndef CREDO_CONTACT_H
#define CREDO_CONTACT_H

#include <stdint.h>

#include "credo/db.h"

typedef struct credo_contact {
	int64_t id;
	int64_t customer_id;
	const char *name;
	const char *title;
	const char *department;
	const char *phone;
	const char *email;
	const char *role;	/* decision_maker, purchasing, finance, insider, other */
	const char *notes;
} credo_contact;

typedef int (*credo_contact_cb)(const credo_contact *c, void *ctx);

/*
 * Add a contact to a customer the actor can see (CREDO_NOTFOUND otherwise).
 * Needs CUSTOMER_EDIT. c->id is ignored; name is required; role NULL means
 * "other". *id_out (if not NULL) receives the new id.
 */
credo_status credo_contact_add(credo_db *db, const credo_contact *c, int64_t *id_out);

/* Contacts of one customer in the actor's scope, by name. */
credo_status credo_contact_list(credo_db *db, int64_t customer_id, credo_contact_cb cb, void *ctx);

#endif
