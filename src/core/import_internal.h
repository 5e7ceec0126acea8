/* import_internal.h - what the CSV import (import.c) shares with its bulk invoice path. */
#ifndef CREDO_IMPORT_INTERNAL_H
#define CREDO_IMPORT_INTERNAL_H

#include "internal.h"

/* An invoice or payment row: the text as read ("" or NULL when not given), converted per row. */
struct money_row {
	const char *code, *customer, *contract, *date, *due_date, *amount, *notes, *method, *reference;
};

/*
 * The bulk path for invoices (import_invoices.c). One import opens it inside
 * its transaction; each row is offered to credo__bulk_invoice, which writes
 * it with statements prepared once when it is an ordinary invoice that
 * passes every rule, and otherwise leaves it (*done = 0) to the single-row
 * path, which applies and words every rule. Before a single-row write the
 * caller calls credo__bulk_sync (the invoice numbering kept in memory is
 * written back), after it credo__bulk_forget for that customer, whose
 * figures have changed behind the bulk path's back.
 */
struct bulk_invoices;

credo_status credo__bulk_open(credo_db *db, struct bulk_invoices **out);
credo_status credo__bulk_invoice(struct bulk_invoices *b, const struct money_row *r, int *done);
credo_status credo__bulk_sync(struct bulk_invoices *b);
void credo__bulk_forget(struct bulk_invoices *b, const char *customer_code);

/*
 * Record what the import wrote in the audit log: file is the path read and
 * sha256 its content's digest. Inside the import's transaction, after the
 * last row.
 */
credo_status credo__bulk_finish(struct bulk_invoices *b, const char *file, const char sha256[65]);
void credo__bulk_close(struct bulk_invoices *b);

#endif
