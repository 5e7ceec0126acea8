/*
 * date.h - calendar dates as day numbers.
 *
 * The database keeps ISO text (YYYY-MM-DD) so people can read the file with
 * sqlite3; the core computes with day numbers: days since 1970-01-01 in the
 * proleptic Gregorian calendar, so differences are plain subtraction.
 */
#ifndef CREDO_DATE_H
#define CREDO_DATE_H

#include <stddef.h>
#include <stdint.h>

#include "credo/status.h"

typedef int32_t credo_date;

#define CREDO_DATE_BUFSZ 11	/* "YYYY-MM-DD" + NUL */

/* Years outside 1900..9999 are refused: no business date lies there. */
#define CREDO_DATE_MIN_YEAR 1900
#define CREDO_DATE_MAX_YEAR 9999

/* Day number of a valid civil date; no validation (see credo_date_valid). */
credo_date credo_date_from_ymd(int y, int m, int d);

void credo_date_to_ymd(credo_date day, int *y, int *m, int *d);

/* 1 if y-m-d is a real date within the supported years (2026-02-30 is not). */
int credo_date_valid(int y, int m, int d);

int credo_date_is_leap(int y);

int credo_date_days_in_month(int y, int m);

/*
 * Parse exactly "YYYY-MM-DD" (surrounding blanks allowed). CREDO_INVALID for
 * any other shape or an impossible date; why, if not NULL, names the rule.
 */
credo_status credo_date_parse(const char *text, credo_date *out,
			      const char **why);

/* Write "YYYY-MM-DD" into buf (CREDO_DATE_BUFSZ bytes). Returns buf. */
char *credo_date_format(credo_date day, char *buf, size_t len);

/*
 * Today: the CREDO_TODAY environment variable when it holds a valid date
 * (tests, what-if runs), otherwise the local calendar date.
 */
credo_date credo_today(void);

/* Add months, clamping the day to the target month's length (Jan 31 + 1 = Feb 28/29). */
credo_date credo_date_add_months(credo_date day, int months);

#endif
