/*
 * user.h - users, roles, identity and permissions.
 *
 * The OS login is the identity. An admin may act as another user ("--as");
 * every audit row then records both. Permissions are checked here, in the
 * core, so the CLI and the TUI cannot disagree.
 */
#ifndef CREDO_USER_H
#define CREDO_USER_H

#include <stdint.h>

#include "credo/db.h"

/* X(id, name in the database, label) */
#define CREDO_ROLE_LIST(X) \
	X(SALES,         "sales",         "salesperson") \
	X(SALES_MANAGER, "sales_manager", "sales manager") \
	X(CREDIT,        "credit",        "credit manager") \
	X(FINANCE,       "finance",       "finance") \
	X(GM,            "gm",            "general manager") \
	X(ADMIN,         "admin",         "administrator")

typedef enum credo_role {
#define CREDO_X_ROLE(id, name, label) CREDO_ROLE_##id,
	CREDO_ROLE_LIST(CREDO_X_ROLE)
#undef CREDO_X_ROLE
	CREDO_ROLE_COUNT
} credo_role;

/*
 * What a role may do. X(id, roles allowed as a bit mask, what it is). Later
 * capabilities add a line here; each mutation asks credo_require() first.
 */
#define CREDO_R(r) (1u << CREDO_ROLE_##r)
#define CREDO_PERM_LIST(X) \
	X(USER_ADMIN,       CREDO_R(ADMIN), "manage users and roles") \
	X(SETTINGS,         CREDO_R(ADMIN) | CREDO_R(CREDIT) | CREDO_R(FINANCE), "change settings") \
	X(READ_ALL,         CREDO_R(SALES_MANAGER) | CREDO_R(CREDIT) | CREDO_R(FINANCE) | CREDO_R(GM) | CREDO_R(ADMIN), "see every customer") \
	X(CUSTOMER_EDIT,    CREDO_R(SALES) | CREDO_R(SALES_MANAGER) | CREDO_R(CREDIT), "create and edit customers") \
	X(CODE_EDIT,        CREDO_R(FINANCE), "change the codes of records") \
	X(CUSTOMER_ASSIGN,  CREDO_R(SALES_MANAGER), "reassign customers to another salesperson") \
	X(SALES_ACTIVITY,   CREDO_R(SALES) | CREDO_R(SALES_MANAGER), "work leads and opportunities") \
	X(VISIT_LOG,        CREDO_R(SALES) | CREDO_R(SALES_MANAGER) | CREDO_R(CREDIT), "log visits and calls") \
	X(COMPLAINT,        CREDO_R(SALES) | CREDO_R(SALES_MANAGER) | CREDO_R(CREDIT) | CREDO_R(FINANCE), "record and handle complaints") \
	X(STAGES,           CREDO_R(SALES_MANAGER) | CREDO_R(ADMIN), "change the opportunity stages") \
	X(CONTRACT_EDIT,    CREDO_R(SALES) | CREDO_R(SALES_MANAGER), "draft and run contracts") \
	X(PRODUCT_EDIT,     CREDO_R(SALES_MANAGER) | CREDO_R(FINANCE) | CREDO_R(ADMIN), "maintain the product list") \
	X(CREDIT_REQUEST,   CREDO_R(SALES) | CREDO_R(SALES_MANAGER), "request credit limits") \
	X(CREDIT_DECIDE,    CREDO_R(CREDIT), "rate customers and approve credit limits") \
	X(CREDIT_ESCALATED, CREDO_R(GM), "decide escalated credit disputes") \
	X(LEDGER_POST,      CREDO_R(FINANCE), "record invoices and payments") \
	X(WRITE_OFF,        CREDO_R(FINANCE), "write off debts") \
	X(COLLECTION,       CREDO_R(CREDIT) | CREDO_R(FINANCE) | CREDO_R(SALES) | CREDO_R(SALES_MANAGER), "log collection actions") \
	X(MONTH_CLOSE,      CREDO_R(FINANCE), "close and reopen months") \
	X(CLASSIFY,         CREDO_R(SALES_MANAGER) | CREDO_R(CREDIT) | CREDO_R(ADMIN), "classify customers by value (ABC)") \
	X(TARGET_SET,       CREDO_R(SALES_MANAGER) | CREDO_R(GM), "set sales targets") \
	X(BACKUP,           CREDO_R(ADMIN) | CREDO_R(FINANCE), "back up the database")

typedef enum credo_perm {
#define CREDO_X_PERM(id, roles, what) CREDO_PERM_##id,
	CREDO_PERM_LIST(CREDO_X_PERM)
#undef CREDO_X_PERM
	CREDO_PERM_COUNT
} credo_perm;

/* Database name of a role ("sales"); NULL if out of range. */
const char *credo_role_name(credo_role r);

/* Human label of a role ("salesperson"), in the user's language. */
const char *credo_role_label(credo_role r);

/* Role from its database name; CREDO_INVALID (with the valid names in why) if unknown. */
credo_status credo_role_parse(const char *name, credo_role *out);

/* 1 if role r holds permission p. */
int credo_role_can(credo_role r, credo_perm p);

/* Description of a permission, for messages. */
const char *credo_perm_what(credo_perm p);

/*
 * Make login the first admin of a database that has no users yet.
 * CREDO_EXISTS if users already exist. Writes an audit row. On success login
 * is also the acting user.
 */
credo_status credo_init_admin(credo_db *db, const char *login, const char *name);

/*
 * Set the acting user. os_login is who runs the program; as_login, when not
 * NULL, is who the admin os_login acts as. CREDO_NOUSER if a login is not an
 * active user, CREDO_PERM if os_login is not an admin but asked for as_login.
 */
credo_status credo_login(credo_db *db, const char *os_login, const char *as_login);

/* The acting user; "" / -1 / NULL before credo_login. via is the admin behind --as, or NULL. */
const char *credo_actor_login(const credo_db *db);
const char *credo_actor_name(const credo_db *db);
int64_t credo_actor_id(const credo_db *db);
credo_role credo_actor_role(const credo_db *db);
const char *credo_actor_via(const credo_db *db);

/* 1 if the acting user holds p. */
int credo_can(const credo_db *db, credo_perm p);

/*
 * CREDO_OK if the acting user holds p; otherwise CREDO_PERM with a message
 * naming the user, the role and what was refused (or CREDO_NOUSER before a
 * login). Every mutation calls this first.
 */
credo_status credo_require(credo_db *db, credo_perm p);

typedef struct credo_user {
	int64_t id;
	const char *login;
	const char *name;
	credo_role role;
	const char *department;	/* "" when none */
	int active;
} credo_user;

/* Called once per row; the strings live until the callback returns. Non-zero stops the walk (CREDO_STOP). */
typedef int (*credo_user_cb)(const credo_user *u, void *ctx);

/*
 * Add a user. Needs USER_ADMIN. login: 1-32 chars of [a-z0-9._-] starting
 * with a letter or digit (an OS login); name defaults to the login.
 * CREDO_EXISTS if the login is taken.
 */
credo_status credo_user_add(credo_db *db, const char *login, credo_role role,
			    const char *name, const char *department);

/* Change a user's role. Needs USER_ADMIN. The last active admin cannot be demoted. */
credo_status credo_user_set_role(credo_db *db, const char *login, credo_role role);

/* All users ordered by login. Needs any logged-in user. */
credo_status credo_user_list(credo_db *db, credo_user_cb cb, void *ctx);

#endif
