/* fuzz_search.c - the customer search box: any text is a search, never SQL, never a crash. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static credo_db *db;

static int on_row(const credo_customer *c, void *ctx)
{
	int *n = ctx;
	FUZZ_ASSERT(c->code && c->name);
	(*n)++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		db = fuzz_db();
	char *s = fuzz_cstr(data, size);
	int n = 0;
	credo_status st = credo_customer_search(db, s, 50, on_row, &n);
	FUZZ_ASSERT(st == CREDO_OK || st == CREDO_INVALID);
	FUZZ_ASSERT(n <= 3);
	int64_t count = -1;
	st = credo_customer_count(db, s, &count);
	FUZZ_ASSERT(st == CREDO_OK || st == CREDO_INVALID);
	FUZZ_ASSERT(count <= 3);
	free(s);
	return 0;
}
