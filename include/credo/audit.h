/*
 * audit.h - the hash-chained audit log and the integrity check.
 *
 * Every mutation appends one audit row in the same transaction: time, actor
 * (and the admin behind --as), entity, id, action, before and after values
 * as JSON. Each row stores SHA-256(previous hash | its own fields), so an edit
 * made behind the program's back breaks the chain at that row.
 */
#ifndef CREDO_AUDIT_H
#define CREDO_AUDIT_H

#include <stdint.h>

#include "credo/db.h"

typedef struct credo_audit_row {
	int64_t id;
	const char *at;		/* UTC "YYYY-MM-DDTHH:MM:SSZ" */
	const char *actor;	/* login */
	const char *via;	/* admin login behind --as, or "" */
	const char *entity;	/* table name: "customers", "users", ... */
	int64_t entity_id;
	const char *action;	/* "create", "update", "delete", "approve", ... */
	const char *before;	/* JSON object or "" */
	const char *after;	/* JSON object or "" */
} credo_audit_row;

typedef int (*credo_audit_cb)(const credo_audit_row *row, void *ctx);

/*
 * Audit rows, newest first. entity NULL lists everything; with entity and
 * entity_id > 0 only that record's history. limit <= 0 means no limit.
 */
credo_status credo_audit_list(credo_db *db, const char *entity, int64_t entity_id,
			      int limit, credo_audit_cb cb, void *ctx);

typedef struct credo_check_report {
	int integrity_ok;	/* PRAGMA integrity_check said ok */
	int foreign_keys_ok;	/* PRAGMA foreign_key_check found nothing */
	int chain_ok;		/* every audit hash verified */
	int64_t audit_rows;	/* rows verified */
	int64_t first_bad_row;	/* id of the first audit row that fails, 0 if none */
	int ledger_ok;		/* invoices, payments, allocations, limits match their audit rows */
	char detail[256];	/* what failed first, for people */
} credo_check_report;

/*
 * Verify the file: SQLite's integrity check, foreign keys, the audit
 * chain from its first row, and that every invoice, payment, allocation
 * and credit limit agrees with the after-values of its latest audit row. Returns CREDO_OK when all hold, CREDO_CORRUPT
 * when one does not (the report and credo_errmsg say which and where).
 */
credo_status credo_check(credo_db *db, credo_check_report *report);

#endif
