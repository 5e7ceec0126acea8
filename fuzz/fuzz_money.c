/* fuzz_money.c - money parsing: never crashes, and what it accepts formats back to the same value. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	credo_money v = 12345, again = 0;
	const char *why = NULL;
	if (credo_money_parse(s, &v, &why) == CREDO_OK) {
		char buf[CREDO_MONEY_BUFSZ];
		for (int group = 0; group <= 1; group++) {
			credo_money_format(v, group, buf, sizeof buf);
			FUZZ_ASSERT(credo_money_parse(buf, &again, NULL) == CREDO_OK);
			FUZZ_ASSERT(again == v);
		}
	} else {
		FUZZ_ASSERT(v == 12345);	/* a refusal leaves the output alone */
		FUZZ_ASSERT(why && *why);
	}
	free(s);
	return 0;
}
