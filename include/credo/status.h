/*
 * status.h - the one list of status codes every core call returns.
 *
 * Each code has a kind that tells a front end how to react (the CLI maps a
 * kind to its exit code) and a short message; the handle's last-error text
 * (credo_errmsg) says what exactly went wrong.
 */
#ifndef CREDO_STATUS_H
#define CREDO_STATUS_H

/* X(name, kind, message) */
#define CREDO_STATUS_LIST(X) \
	X(OK,        OK,    "ok") \
	X(INVALID,   DATA,  "invalid input") \
	X(NOTFOUND,  DATA,  "not found") \
	X(EXISTS,    DATA,  "already exists") \
	X(RULE,      DATA,  "business rule violated") \
	X(PERM,      PERM,  "permission denied") \
	X(NOUSER,    PERM,  "not a credo user") \
	X(DB,        DB,    "database error") \
	X(BUSY,      DB,    "database is busy") \
	X(SCHEMA,    DB,    "database schema is newer than this program") \
	X(CORRUPT,   DB,    "database integrity check failed") \
	X(IO,        DB,    "input/output error") \
	X(NOMEM,     DB,    "out of memory") \
	X(DONE,      OK,    "no more rows") \
	X(STOP,      OK,    "stopped by callback")

typedef enum credo_status {
#define CREDO_X_ENUM(name, kind, msg) CREDO_##name,
	CREDO_STATUS_LIST(CREDO_X_ENUM)
#undef CREDO_X_ENUM
	CREDO_STATUS_COUNT
} credo_status;

/* How a front end should treat a status: the CLI's exit codes follow this. */
typedef enum credo_status_kind {
	CREDO_KIND_OK = 0,	/* exit 0 */
	CREDO_KIND_DATA = 2,	/* bad input or rule violation: exit 2 */
	CREDO_KIND_PERM = 3,	/* permission denied: exit 3 */
	CREDO_KIND_DB = 4,	/* database or system error: exit 4 */
} credo_status_kind;

/* Static message for a status; never NULL, even for out-of-range values. */
const char *credo_status_str(credo_status st);

/* Short symbolic name ("NOTFOUND"); never NULL. */
const char *credo_status_name(credo_status st);

credo_status_kind credo_status_kind_of(credo_status st);

#endif
