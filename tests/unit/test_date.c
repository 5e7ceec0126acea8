/* test_date.c - calendar dates: parsing, day numbers, months, today. */
#include "helpers.h"

#include <time.h>

#include "credo/date.h"

#define SENTINEL ((credo_date)0x5a5a5a5a)

static credo_date ymd(int y, int m, int d)
{
	return credo_date_from_ymd(y, m, d);
}

static void expect_parse(const char *text, int y, int m, int d)
{
	credo_date day = SENTINEL;
	const char *why = NULL;
	credo_status st = credo_date_parse(text, &day, &why);
	if (st != CREDO_OK)
		fail_msg("\"%s\" was refused: %s", text, why ? why : "(no reason)");
	int yy, mm, dd;
	credo_date_to_ymd(day, &yy, &mm, &dd);
	if (yy != y || mm != m || dd != d)
		fail_msg("\"%s\" parsed to %04d-%02d-%02d", text, yy, mm, dd);
}

static void expect_reject(const char *text)
{
	credo_date day = SENTINEL;
	const char *why = NULL;
	credo_status st = credo_date_parse(text, &day, &why);
	if (st != CREDO_INVALID)
		fail_msg("\"%s\" gave %s, expected INVALID", text ? text : "(null)", credo_status_name(st));
	if (!why || !*why)
		fail_msg("\"%s\" was refused without saying why", text ? text : "(null)");
	if (day != SENTINEL)
		fail_msg("\"%s\" was refused but changed *out", text ? text : "(null)");
}

static void parse_valid(void **state)
{
	(void)state;
	expect_parse("2026-02-28", 2026, 2, 28);
	expect_parse("2024-02-29", 2024, 2, 29);
	expect_parse("2000-02-29", 2000, 2, 29);
	expect_parse("2026-12-31", 2026, 12, 31);
	expect_parse("1900-01-01", 1900, 1, 1);
	expect_parse("9999-12-31", 9999, 12, 31);
	expect_parse("  2026-03-31\t", 2026, 3, 31);
}

static void parse_invalid(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "   ", "2026-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10",
		"2026-01-00", "2026-01-32", "2026-4-1", "2026-04-1", "20260401", "2026-04-01x",
		"2026/04/01", "26-04-01", "2026-04", "2026", "x2026-04-01", "2026-04-01 12:00",
		"1899-12-31", "10000-01-01", "0000-01-01", "-2026-04-01", "1900-02-29", "2100-02-29",
		"２０２６-04-01",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		expect_reject(bad[i]);
	expect_reject(NULL);
}

static void parse_why_names_the_rule(void **state)
{
	(void)state;
	credo_date day;
	const char *shape = NULL, *calendar = NULL, *year = NULL;
	assert_int_equal(credo_date_parse("2026-4-1", &day, &shape), CREDO_INVALID);
	assert_int_equal(credo_date_parse("2026-02-30", &day, &calendar), CREDO_INVALID);
	assert_int_equal(credo_date_parse("1899-12-31", &day, &year), CREDO_INVALID);
	assert_non_null(strstr(shape, "YYYY-MM-DD"));
	assert_non_null(strstr(year, "1900"));
	/* Three different mistakes, three different explanations. */
	assert_string_not_equal(shape, calendar);
	assert_string_not_equal(calendar, year);
	assert_int_equal(credo_date_parse("2026-02-30", &day, NULL), CREDO_INVALID);
}

static void leap_years(void **state)
{
	(void)state;
	assert_false(credo_date_is_leap(1900));
	assert_true(credo_date_is_leap(2000));
	assert_false(credo_date_is_leap(2100));
	assert_true(credo_date_is_leap(2024));
	assert_false(credo_date_is_leap(2026));
	assert_true(credo_date_is_leap(2400));
	assert_int_equal(credo_date_days_in_month(2024, 2), 29);
	assert_int_equal(credo_date_days_in_month(2026, 2), 28);
	assert_int_equal(credo_date_days_in_month(1900, 2), 28);
	assert_int_equal(credo_date_days_in_month(2026, 4), 30);
	assert_int_equal(credo_date_days_in_month(2026, 12), 31);
	assert_int_equal(credo_date_days_in_month(2026, 0), 0);
	assert_int_equal(credo_date_days_in_month(2026, 13), 0);
	assert_false(credo_date_valid(2026, 2, 29));
	assert_true(credo_date_valid(2028, 2, 29));
	assert_false(credo_date_valid(1899, 12, 31));
	assert_false(credo_date_valid(10000, 1, 1));
}

static void day_numbers(void **state)
{
	(void)state;
	assert_int_equal(ymd(1970, 1, 1), 0);
	assert_int_equal(ymd(1970, 1, 2), 1);
	assert_int_equal(ymd(1969, 12, 31), -1);
	assert_int_equal(ymd(2000, 3, 1) - ymd(2000, 2, 28), 2);
	assert_int_equal(ymd(2026, 3, 1) - ymd(2026, 2, 28), 1);
	assert_int_equal(ymd(2027, 1, 1) - ymd(2026, 1, 1), 365);
	assert_int_equal(ymd(2025, 1, 1) - ymd(2024, 1, 1), 366);
}

/* Our own calendar rules, so the loop below checks credo against something else. */
static int oracle_dim(int y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return dim[m - 1] + (m == 2 && leap);
}

/* Every day from 1900-01-01 to 2100-12-31: consecutive numbers, exact round trips. */
static void round_trip_every_day(void **state)
{
	(void)state;
	credo_date expect_next = ymd(1900, 1, 1);
	int days = 0;
	for (int y = 1900; y <= 2100; y++) {
		for (int m = 1; m <= 12; m++) {
			for (int d = 1; d <= oracle_dim(y, m); d++) {
				credo_date day = ymd(y, m, d);
				if (day != expect_next)
					fail_msg("%04d-%02d-%02d is day %d, expected %d", y, m, d, day, expect_next);
				expect_next = day + 1;

				/* timegm counts the same days since 1970 independently (midnight: exact). */
				struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d };
				time_t t = timegm(&tm);
				assert_int_equal((long long)(t / 86400), (long long)day);

				int yy, mm, dd;
				credo_date_to_ymd(day, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					fail_msg("day %d came back as %04d-%02d-%02d, expected %04d-%02d-%02d",
						 day, yy, mm, dd, y, m, d);
				assert_true(credo_date_valid(y, m, d));

				char buf[CREDO_DATE_BUFSZ], want[32];
				credo_date_format(day, buf, sizeof buf);
				snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
				assert_string_equal(buf, want);

				credo_date back = SENTINEL;
				assert_int_equal(credo_date_parse(buf, &back, NULL), CREDO_OK);
				assert_int_equal(back, day);
				days++;
			}
		}
	}
	assert_int_equal(days, ymd(2101, 1, 1) - ymd(1900, 1, 1));
}

static void format(void **state)
{
	(void)state;
	char buf[CREDO_DATE_BUFSZ];
	assert_ptr_equal(credo_date_format(0, buf, sizeof buf), buf);
	assert_string_equal(buf, "1970-01-01");
	assert_string_equal(credo_date_format(ymd(2026, 3, 5), buf, sizeof buf), "2026-03-05");
	assert_string_equal(credo_date_format(ymd(9999, 12, 31), buf, sizeof buf), "9999-12-31");
	assert_string_equal(credo_date_format(ymd(1900, 1, 1), buf, sizeof buf), "1900-01-01");
}

static void expect_add(int y, int m, int d, int months, int wy, int wm, int wd)
{
	credo_date r = credo_date_add_months(ymd(y, m, d), months);
	int ry, rm, rd;
	credo_date_to_ymd(r, &ry, &rm, &rd);
	if (ry != wy || rm != wm || rd != wd)
		fail_msg("%04d-%02d-%02d %+d months = %04d-%02d-%02d, expected %04d-%02d-%02d",
			 y, m, d, months, ry, rm, rd, wy, wm, wd);
}

static void add_months(void **state)
{
	(void)state;
	expect_add(2026, 1, 31, 1, 2026, 2, 28);
	expect_add(2028, 1, 31, 1, 2028, 2, 29);
	expect_add(2026, 1, 15, 1, 2026, 2, 15);
	expect_add(2026, 3, 31, 1, 2026, 4, 30);
	expect_add(2026, 12, 15, 1, 2027, 1, 15);
	expect_add(2026, 12, 31, 2, 2027, 2, 28);
	expect_add(2026, 5, 20, 0, 2026, 5, 20);
	expect_add(2026, 5, 20, 12, 2027, 5, 20);
	expect_add(2024, 2, 29, 12, 2025, 2, 28);
	expect_add(2024, 2, 29, 48, 2028, 2, 29);
	expect_add(2026, 1, 31, 25, 2028, 2, 29);
	/* Backwards. */
	expect_add(2026, 3, 31, -1, 2026, 2, 28);
	expect_add(2026, 1, 15, -1, 2025, 12, 15);
	expect_add(2026, 1, 15, -13, 2024, 12, 15);
	expect_add(2024, 3, 31, -1, 2024, 2, 29);
	expect_add(2026, 6, 30, -120, 2016, 6, 30);
}

/* The local date now, as the C library sees it. */
static credo_date local_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* today() with CREDO_TODAY=value is the local date (around midnight either side). */
static void expect_today_is_local(const char *value)
{
	if (value)
		assert_int_equal(setenv("CREDO_TODAY", value, 1), 0);
	else
		assert_int_equal(unsetenv("CREDO_TODAY"), 0);
	credo_date before = local_today();
	credo_date t = credo_today();
	credo_date after = local_today();
	if (t != before && t != after)
		fail_msg("CREDO_TODAY=\"%s\": today() = %d, local date is %d", value ? value : "(unset)", t, before);
}

static void today_honours_env(void **state)
{
	(void)state;
	assert_int_equal(setenv("CREDO_TODAY", "2026-03-31", 1), 0);
	assert_int_equal(credo_today(), ymd(2026, 3, 31));
	assert_int_equal(setenv("CREDO_TODAY", "2024-02-29", 1), 0);
	assert_int_equal(credo_today(), ymd(2024, 2, 29));
	assert_int_equal(setenv("CREDO_TODAY", "1999-12-31", 1), 0);
	assert_int_equal(credo_today(), ymd(1999, 12, 31));
	unsetenv("CREDO_TODAY");
}

static void today_ignores_invalid_env(void **state)
{
	(void)state;
	expect_today_is_local(NULL);
	expect_today_is_local("");
	expect_today_is_local("2026-02-30");
	expect_today_is_local("tomorrow");
	expect_today_is_local("2026-3-31");
	unsetenv("CREDO_TODAY");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_valid),
		cmocka_unit_test(parse_invalid),
		cmocka_unit_test(parse_why_names_the_rule),
		cmocka_unit_test(leap_years),
		cmocka_unit_test(day_numbers),
		cmocka_unit_test(round_trip_every_day),
		cmocka_unit_test(format),
		cmocka_unit_test(add_months),
		cmocka_unit_test(today_honours_env),
		cmocka_unit_test(today_ignores_invalid_env),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
