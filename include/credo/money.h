/*
 * money.h - amounts as exact int64 minor units (fen).
 *
 * The core never uses floating point for money. One currency per database.
 */
#ifndef CREDO_MONEY_H
#define CREDO_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "credo/status.h"

typedef int64_t credo_money;

/* Large enough for any formatted credo_money, sign, separators and NUL. */
#define CREDO_MONEY_BUFSZ 40

/*
 * Parse a human amount into fen. Accepts optional surrounding blanks, an
 * optional leading '-' or '+', an optional currency sign (¥, ￥ or the
 * letters CNY), digits with optional ',' thousands separators placed every
 * three digits, and at most two decimals: "1234.5", "1,234.50", "¥1,234.50",
 * "-12.3". Returns CREDO_OK and stores the value, or CREDO_INVALID for empty
 * text, junk, misplaced separators, more than two decimals or a value that
 * does not fit in int64; *out is then unchanged. If why is not NULL it is set
 * to a static sentence naming the rule that failed.
 */
credo_status credo_money_parse(const char *text, credo_money *out,
			       const char **why);

/*
 * Format fen as "1,234.50" (group=1) or "1234.50" (group=0) into buf, which
 * should hold CREDO_MONEY_BUFSZ bytes. Negative values get a leading '-'.
 * Returns buf. Every int64 value, INT64_MIN included, formats exactly.
 */
char *credo_money_format(credo_money v, int group, char *buf, size_t len);

#endif
