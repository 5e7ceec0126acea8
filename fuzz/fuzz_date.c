/* fuzz_date.c - date parsing: never crashes, accepts only real days, and round-trips. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	credo_date d, again;
	const char *why = NULL;
	if (credo_date_parse(s, &d, &why) == CREDO_OK) {
		char buf[CREDO_DATE_BUFSZ];
		credo_date_format(d, buf, sizeof buf);
		FUZZ_ASSERT(strlen(buf) == 10);
		FUZZ_ASSERT(credo_date_parse(buf, &again, NULL) == CREDO_OK);
		FUZZ_ASSERT(memcmp(&again, &d, sizeof d) == 0);
		int y = atoi(buf), m = atoi(buf + 5), day = atoi(buf + 8);
		FUZZ_ASSERT(credo_date_valid(y, m, day));
	} else {
		FUZZ_ASSERT(why && *why);
	}
	free(s);
	return 0;
}
