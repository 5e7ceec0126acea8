/* args.c - amounts, quantities, days and "A|B|C" values from the command line. */
#include <inttypes.h>
#include <string.h>

#include "args.h"

static int bad(const char *what, const char *text, const char *rule)
{
	fprintf(stderr, "credo: %s \"%s\": %s\n", what, text, rule);
	return CLI_DATA;
}

int cli_money_arg(const char *what, const char *text, credo_money *out)
{
	const char *why = NULL;
	if (credo_money_parse(text, out, &why) != CREDO_OK)
		return bad(what, text, _(why ? why : "not an amount"));
	return 0;
}

int cli_qty_arg(const char *what, const char *text, int64_t *milli)
{
	const char *p = text;
	int64_t v = 0;
	int digits = 0, decimals = 0;
	for (; *p >= '0' && *p <= '9'; p++, digits++)
		if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, *p - '0', &v))
			return bad(what, text, _("a quantity is too large"));
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++, decimals++) {
			if (decimals == 3)
				return bad(what, text, _("a quantity has at most three decimals"));
			if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, *p - '0', &v))
				return bad(what, text, _("a quantity is too large"));
		}
		if (decimals == 0)
			return bad(what, text, _("a decimal point must be followed by digits"));
	}
	if (*p || digits == 0)
		return bad(what, text, _("a quantity is digits with an optional decimal point, like 2.5"));
	for (int i = decimals; i < 3; i++)
		if (__builtin_mul_overflow(v, 10, &v))
			return bad(what, text, _("a quantity is too large"));
	if (v == 0)
		return bad(what, text, _("a quantity must be more than zero"));
	*milli = v;
	return 0;
}

int cli_days_arg(const char *what, const char *text, int max, int *out)
{
	int v = 0;
	const char *p = text;
	if (!*p)
		return bad(what, text, _("a number of days is required"));
	for (; *p >= '0' && *p <= '9'; p++) {
		v = v * 10 + (*p - '0');
		if (v > max)
			break;
	}
	if (*p || v > max) {
		char rule[80];
		snprintf(rule, sizeof rule, _("a number of days is a whole number from 0 to %d"), max);
		return bad(what, text, rule);
	}
	*out = v;
	return 0;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

int cli_split(char *s, char **fields, int max)
{
	int n = 0;
	for (;;) {
		char *bar = strchr(s, '|');
		if (n == max)
			return max + 1;
		if (bar)
			*bar = '\0';
		fields[n++] = trim(s);
		if (!bar)
			return n;
		s = bar + 1;
	}
}

char *cli_qty_text(int64_t milli, char buf[CLI_NUMBUF])
{
	int n = snprintf(buf, CLI_NUMBUF, "%" PRId64 ".%03d", milli / 1000, (int)(milli % 1000));
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == '.')
		buf[--n] = '\0';
	return buf;
}

char *cli_fen(credo_money v, char buf[CLI_NUMBUF])
{
	snprintf(buf, CLI_NUMBUF, "%" PRId64, v);
	return buf;
}

char *cli_money_text(credo_money v, char buf[CREDO_MONEY_BUFSZ])
{
	return credo_money_format(v, 1, buf, CREDO_MONEY_BUFSZ);
}

int cli_open_find(const struct cli_globals *g, cli_find_fn find, const char *code, credo_db **db, int64_t *id)
{
	int rc = cli_open(g, 0, 1, db);
	if (rc)
		return rc;
	credo_status st = find(*db, code, id);
	if (st) {
		rc = cli_fail(*db, st);
		credo_close(*db);
		*db = NULL;
	}
	return rc;
}

int cli_open_customer(const struct cli_globals *g, const char *code, credo_db **db, int64_t *customer)
{
	if (code)
		return cli_open_find(g, credo_customer_find, code, db, customer);
	return cli_open(g, 0, 1, db);
}
