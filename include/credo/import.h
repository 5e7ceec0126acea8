/*
 * import.h - CSV import of customers and contacts, all or nothing.
 *
 * The first row names the columns (English names as in the CLI, or the
 * Chinese labels). Invoices and payments name their customer (and
 * contract) by code; amounts are parsed exactly like credo_money_parse. UTF-8 with or without a BOM, LF or CRLF, quoted fields
 * with commas and newlines. Every row is checked by the same rules as
 * credo_customer_add / credo_contact_add; if any row is bad nothing is
 * imported, and every bad row is reported with its line number.
 */
#ifndef CREDO_IMPORT_H
#define CREDO_IMPORT_H

#include "credo/db.h"

typedef struct credo_import_error {
	long line;		/* 1-based line of the file where the bad row starts */
	const char *column;	/* column name, or "" when the row as a whole is bad */
	const char *reason;
} credo_import_error;

typedef int (*credo_import_error_cb)(const credo_import_error *e, void *ctx);

typedef struct credo_import_result {
	long rows;		/* data rows read */
	long bad;		/* rows refused */
	long imported;		/* rows written (0 on a dry run or when any row is bad) */
} credo_import_result;

typedef enum credo_import_kind {
	CREDO_IMPORT_CUSTOMERS,
	CREDO_IMPORT_CONTACTS,
	CREDO_IMPORT_INVOICES,	/* code, customer, contract, date, due_date, amount, notes */
	CREDO_IMPORT_PAYMENTS,	/* code, customer, date, amount, method, reference */
} credo_import_kind;

/*
 * Import the CSV file at path. dry_run: check everything, write nothing.
 * Each bad row goes to cb (which may be NULL). Returns CREDO_OK when every
 * row was good (and, unless dry_run, imported), CREDO_INVALID when any row
 * was bad (nothing written; the message gives the count), CREDO_IO when the
 * file cannot be read. Permissions are those of the single-row calls.
 */
credo_status credo_import(credo_db *db, credo_import_kind kind, const char *path, int dry_run,
			  credo_import_error_cb cb, void *ctx, credo_import_result *result);

#endif
