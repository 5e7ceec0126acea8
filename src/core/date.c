/* date.c - civil dates as day numbers since 1970-01-01. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "credo/date.h"
#include "i18n.h"

int credo_date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int credo_date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	return days[m - 1] + (m == 2 && credo_date_is_leap(y));
}

int credo_date_valid(int y, int m, int d)
{
	return y >= CREDO_DATE_MIN_YEAR && y <= CREDO_DATE_MAX_YEAR &&
	       m >= 1 && m <= 12 && d >= 1 && d <= credo_date_days_in_month(y, m);
}

/* Howard Hinnant's days_from_civil: exact for the whole proleptic calendar. */
credo_date credo_date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void credo_date_to_ymd(credo_date day, int *y, int *m, int *d)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int dd = doy - (153 * mp + 2) / 5 + 1;
	int mm = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (mm <= 2);
	*m = mm;
	*d = dd;
}

static int digits(const char *p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		v = v * 10 + (p[i] - '0');
	}
	*out = v;
	return 1;
}

credo_status credo_date_parse(const char *text, credo_date *out, const char **why)
{
	const char *rule = _("a date is written YYYY-MM-DD, like 2026-03-31");
	if (!text)
		goto fail;
	while (*text == ' ' || *text == '\t')
		text++;
	int y, m, d;
	if (!digits(text, 4, &y) || text[4] != '-' || !digits(text + 5, 2, &m) ||
	    text[7] != '-' || !digits(text + 8, 2, &d))
		goto fail;
	for (const char *p = text + 10; *p; p++)
		if (*p != ' ' && *p != '\t')
			goto fail;
	if (y < CREDO_DATE_MIN_YEAR || y > CREDO_DATE_MAX_YEAR) {
		rule = _("a date's year must be between 1900 and 9999");
		goto fail;
	}
	if (!credo_date_valid(y, m, d)) {
		rule = _("no such day in the calendar");
		goto fail;
	}
	*out = credo_date_from_ymd(y, m, d);
	return CREDO_OK;
fail:
	if (why)
		*why = rule;
	return CREDO_INVALID;
}

char *credo_date_format(credo_date day, char *buf, size_t len)
{
	int y, m, d;
	credo_date_to_ymd(day, &y, &m, &d);
	snprintf(buf, len, "%04d-%02d-%02d", y, m, d);
	return buf;
}

credo_date credo_today(void)
{
	const char *env = getenv("CREDO_TODAY");
	credo_date day;
	if (env && *env && credo_date_parse(env, &day, NULL) == CREDO_OK)
		return day;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return credo_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

credo_date credo_date_add_months(credo_date day, int months)
{
	int y, m, d;
	credo_date_to_ymd(day, &y, &m, &d);
	int idx = y * 12 + (m - 1) + months;
	y = idx / 12;
	m = idx % 12 + 1;
	int dim = credo_date_days_in_month(y, m);
	return credo_date_from_ymd(y, m, d > dim ? dim : d);
}
