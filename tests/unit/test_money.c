/* test_money.c - amounts: parsing what people type, formatting what they read. */
#include "helpers.h"

#include <inttypes.h>

#include "credo/money.h"

/* A value no test input parses to, to see that a failed parse leaves *out alone. */
#define SENTINEL ((credo_money)0x5a5a5a5a5a5a5a5aLL)

static void expect_parse(const char *text, credo_money want)
{
	credo_money v = SENTINEL;
	const char *why = "untouched";
	credo_status st = credo_money_parse(text, &v, &why);
	if (st != CREDO_OK)
		fail_msg("\"%s\" was refused (%s), expected %" PRId64, text, why, want);
	if (v != want)
		fail_msg("\"%s\" parsed to %" PRId64 ", expected %" PRId64, text, v, want);
}

static void expect_reject(const char *text)
{
	credo_money v = SENTINEL;
	const char *why = NULL;
	credo_status st = credo_money_parse(text, &v, &why);
	if (st != CREDO_INVALID)
		fail_msg("\"%s\" gave %s (value %" PRId64 "), expected INVALID", text ? text : "(null)",
			 credo_status_name(st), v);
	if (!why || !*why)
		fail_msg("\"%s\" was refused without saying why", text ? text : "(null)");
	if (v != SENTINEL)
		fail_msg("\"%s\" was refused but changed *out to %" PRId64, text ? text : "(null)", v);
}

static void parse_plain_and_decimals(void **state)
{
	(void)state;
	expect_parse("0", 0);
	expect_parse("1", 100);
	expect_parse("1234.5", 123450);
	expect_parse("1234.50", 123450);
	expect_parse("1234.05", 123405);
	expect_parse("0.01", 1);
	expect_parse("0.1", 10);
	expect_parse("12.34", 1234);
	expect_parse("007", 700);
}

static void parse_separators_and_currency(void **state)
{
	(void)state;
	expect_parse("1,234.50", 123450);
	expect_parse("1,234", 123400);
	expect_parse("12,345,678.90", 1234567890);
	expect_parse("123,456", 12345600);
	expect_parse("¥1,234.50", 123450);
	expect_parse("￥12", 1200);
	expect_parse("CNY 5", 500);
	expect_parse("CNY5", 500);
	expect_parse("¥0.99", 99);
}

static void parse_signs_and_blanks(void **state)
{
	(void)state;
	expect_parse("-12.3", -1230);
	expect_parse("+7", 700);
	expect_parse("-0.01", -1);
	expect_parse("-¥1,234.50", -123450);
	expect_parse("¥-12.30", -1230);
	expect_parse("-CNY 5", -500);
	expect_parse("  1234.5  ", 123450);
	expect_parse("\t-12.3\t", -1230);
	expect_parse(" ¥1,234.50 ", 123450);
	expect_parse("-0", 0);
}

static void parse_rejects_junk(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "   ", "abc", "¥", "CNY", "-", "+",
		"1.234",	/* three decimals */
		"0.001",
		"1,23", "12,3456", ",123", "1,,234", "1234,567", "1,234,", "1,234,56",
		"1.", ".5", "-.5",	/* an amount must start with a digit */
		"--1", "-+1", "-¥-1",	/* one sign, not two */
		"1e5", "1.5e2", "0x10", "12abc", "12 34", "1.2.3", "1,234.5,6",
		"- 5", "5-", "¥ ", "cny 5", "$5", "12.3.",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		expect_reject(bad[i]);
	expect_reject(NULL);
}

/*
 * "+-1" says both plus and minus: it is as contradictory as "-+1" and "--1",
 * which are refused, so it must not quietly become -1.00.
 */
static void parse_rejects_plus_then_minus(void **state)
{
	(void)state;
	expect_reject("+-1");
	expect_reject("+¥-1");
	expect_reject("+CNY -1");
}

static void parse_limits(void **state)
{
	(void)state;
	/* INT64_MAX fen and INT64_MIN fen are the exact limits. */
	expect_parse("92233720368547758.07", INT64_MAX);
	expect_parse("92,233,720,368,547,758.07", INT64_MAX);
	expect_parse("-92233720368547758.08", INT64_MIN);
	expect_parse("-92,233,720,368,547,758.08", INT64_MIN);
	expect_parse("92233720368547758", INT64_MAX - 7);

	/* One fen past them, and far past them, is refused rather than wrapped. */
	expect_reject("92233720368547758.08");
	expect_reject("-92233720368547758.09");
	expect_reject("92233720368547759");
	expect_reject("92233720368547760.00");
	expect_reject("922337203685477580.7");
	expect_reject("1000000000000000000");
	expect_reject("99999999999999999999999999999");
	expect_reject("-99999999999999999999999999999.99");
}

static void parse_why_is_optional(void **state)
{
	(void)state;
	credo_money v = SENTINEL;
	assert_int_equal(credo_money_parse("1.234", &v, NULL), CREDO_INVALID);
	assert_true(v == SENTINEL);
	assert_int_equal(credo_money_parse("1.23", &v, NULL), CREDO_OK);
	assert_true(v == 123);
}

static void expect_format(credo_money v, int group, const char *want)
{
	char buf[CREDO_MONEY_BUFSZ];
	memset(buf, 'x', sizeof buf);
	const char *r = credo_money_format(v, group, buf, sizeof buf);
	assert_ptr_equal(r, buf);
	if (strcmp(buf, want) != 0)
		fail_msg("format(%" PRId64 ", group=%d) = \"%s\", expected \"%s\"", v, group, buf, want);
}

static void format_values(void **state)
{
	(void)state;
	expect_format(0, 1, "0.00");
	expect_format(0, 0, "0.00");
	expect_format(5, 1, "0.05");
	expect_format(-5, 1, "-0.05");
	expect_format(50, 1, "0.50");
	expect_format(100, 1, "1.00");
	expect_format(-100, 0, "-1.00");
	expect_format(99999, 1, "999.99");
	expect_format(100000, 1, "1,000.00");
	expect_format(-100000, 1, "-1,000.00");
	expect_format(123456789, 1, "1,234,567.89");
	expect_format(123456789, 0, "1234567.89");
	expect_format(-123456789, 1, "-1,234,567.89");
	expect_format(INT64_MAX, 1, "92,233,720,368,547,758.07");
	expect_format(INT64_MAX, 0, "92233720368547758.07");
	expect_format(INT64_MIN, 1, "-92,233,720,368,547,758.08");
	expect_format(INT64_MIN, 0, "-92233720368547758.08");
}

static void format_fits_its_buffer(void **state)
{
	(void)state;
	/* The longest value must fit CREDO_MONEY_BUFSZ with room for the NUL. */
	char buf[CREDO_MONEY_BUFSZ];
	credo_money_format(INT64_MIN, 1, buf, sizeof buf);
	assert_true(strlen(buf) < sizeof buf);
	/* A short buffer is truncated and still terminated, never overrun. */
	char small[5], full[CREDO_MONEY_BUFSZ];
	memset(small, 'x', sizeof small);
	credo_money_format(123456789, 1, small, sizeof small);
	credo_money_format(123456789, 1, full, sizeof full);
	assert_int_equal(strlen(small), sizeof small - 1);
	assert_memory_equal(small, full, sizeof small - 1);
}

/* Independent oracle for the ungrouped form: sign, |v| / 100, '.', two digits. */
static void oracle(credo_money v, char *buf, size_t len)
{
	uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	snprintf(buf, len, "%s%" PRIu64 ".%02" PRIu64, v < 0 ? "-" : "", mag / 100, mag % 100);
}

/* Independent oracle for the grouped form: a ',' before every third integer digit. */
static void group_oracle(const char *plain, char *out)
{
	const char *dot = strchr(plain, '.');
	assert_non_null(dot);
	const char *p = plain;
	if (*p == '-')
		*out++ = *p++;
	ptrdiff_t left = dot - p;	/* integer digits still to copy */
	for (; p < dot; p++, left--) {
		*out++ = *p;
		if (left > 1 && (left - 1) % 3 == 0)
			*out++ = ',';
	}
	strcpy(out, dot);
}

static uint64_t next_rand(uint64_t *s)
{
	uint64_t x = *s;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *s = x;
}

static void round_trip_many(void **state)
{
	(void)state;
	static const credo_money edges[] = {
		0, 1, -1, 9, 10, 99, 100, 101, -99, -100, -101, 99999, 100000, -100000,
		999999999, 1000000000, INT64_MAX, INT64_MAX - 1, INT64_MIN, INT64_MIN + 1,
	};
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	int n = 0;
	for (int i = 0; i < 20000; i++) {
		credo_money v;
		if (i < (int)(sizeof edges / sizeof edges[0])) {
			v = edges[i];
		} else {
			/* Spread over every magnitude: shift a random word by 0..63 bits. */
			uint64_t r = next_rand(&seed) >> (i % 64);
			v = (credo_money)(r & (uint64_t)INT64_MAX);
			if (i & 1)
				v = -v;
		}
		char grouped[CREDO_MONEY_BUFSZ], plain[CREDO_MONEY_BUFSZ], want[64], regrouped[64];
		credo_money_format(v, 1, grouped, sizeof grouped);
		credo_money_format(v, 0, plain, sizeof plain);
		oracle(v, want, sizeof want);
		if (strcmp(plain, want) != 0)
			fail_msg("format(%" PRId64 ", 0) = \"%s\", expected \"%s\"", v, plain, want);
		group_oracle(plain, regrouped);
		if (strcmp(grouped, regrouped) != 0)
			fail_msg("format(%" PRId64 ", 1) = \"%s\", expected \"%s\"", v, grouped, regrouped);

		expect_parse(grouped, v);
		expect_parse(plain, v);
		char with_sign[64];
		if (v >= 0) {
			snprintf(with_sign, sizeof with_sign, "¥%s", grouped);
			expect_parse(with_sign, v);
		} else {
			snprintf(with_sign, sizeof with_sign, "-¥%s", grouped + 1);
			expect_parse(with_sign, v);
		}
		n++;
	}
	assert_int_equal(n, 20000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_plain_and_decimals),
		cmocka_unit_test(parse_separators_and_currency),
		cmocka_unit_test(parse_signs_and_blanks),
		cmocka_unit_test(parse_rejects_junk),
		cmocka_unit_test(parse_rejects_plus_then_minus),
		cmocka_unit_test(parse_limits),
		cmocka_unit_test(parse_why_is_optional),
		cmocka_unit_test(format_values),
		cmocka_unit_test(format_fits_its_buffer),
		cmocka_unit_test(round_trip_many),
	};
	return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}
