/*
 * fuzz_csv.c - the CSV import path, from the file to the core's row rules,
 * as a dry run so the database stays the same between inputs. The first
 * byte picks what is imported (customers, contacts, invoices, payments).
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static credo_db *db;
static char csv[320];

static int on_error(const credo_import_error *e, void *ctx)
{
	(void)ctx;
	FUZZ_ASSERT(e->line >= 1 && e->column && e->reason && *e->reason);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db) {
		db = fuzz_db();
		snprintf(csv, sizeof csv, "%s/in.csv", fuzz_dir);
	}
	if (size < 1)
		return 0;
	credo_import_kind kind = (credo_import_kind)(data[0] % 4);
	FILE *f = fopen(csv, "wb");
	FUZZ_ASSERT(f);
	FUZZ_ASSERT(fwrite(data + 1, 1, size - 1, f) == size - 1);
	FUZZ_ASSERT(fclose(f) == 0);
	/* Ledger imports need finance, the rest a salesperson. */
	int ledger = kind == CREDO_IMPORT_INVOICES || kind == CREDO_IMPORT_PAYMENTS;
	FUZZ_ASSERT(credo_login(db, "fuzzadmin", ledger ? "fuzzfin" : "fuzzsales") == CREDO_OK);
	credo_import_result res;
	credo_status st = credo_import(db, kind, csv, 1, on_error, NULL, &res);
	FUZZ_ASSERT(st == CREDO_OK || st == CREDO_INVALID);
	/* bad counts problems, header ones too, so it may exceed rows. */
	FUZZ_ASSERT(res.imported <= res.rows);
	FUZZ_ASSERT(st != CREDO_INVALID || res.bad > 0 || res.rows == 0);
	FUZZ_ASSERT(st != CREDO_OK || res.bad == 0);
	return 0;
}
