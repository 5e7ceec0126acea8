/* money.c - parse and format exact amounts in fen. */
#include <stdint.h>
#include <string.h>

#include "credo/money.h"
#include "i18n.h"

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static credo_status bad(const char **why, const char *rule)
{
	if (why)
		*why = rule;
	return CREDO_INVALID;
}

/* Skip a currency sign: "¥" (U+00A5), "￥" (U+FFE5) or "CNY". */
static const char *skip_currency(const char *p)
{
	if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA5)
		return p + 2;
	if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBF &&
	    (unsigned char)p[2] == 0xA5)
		return p + 3;
	if (strncmp(p, "CNY", 3) == 0) {
		p += 3;
		while (is_blank(*p))
			p++;
	}
	return p;
}

credo_status credo_money_parse(const char *text, credo_money *out, const char **why)
{
	if (!text)
		return bad(why, _("an amount is required"));
	const char *p = text;
	while (is_blank(*p))
		p++;
	int neg = 0, signed_ = 0;
	if (*p == '-' || *p == '+') {
		neg = *p == '-';
		signed_ = 1;
		p++;
	}
	p = skip_currency(p);
	if (!signed_ && *p == '-') {	/* "¥-12.30" */
		neg = 1;
		p++;
	}
	if (!(*p >= '0' && *p <= '9'))
		return bad(why, _("an amount must start with a digit (like 1,234.50)"));

	/* Accumulate the magnitude as a negative number so INT64_MIN fits. */
	int64_t v = 0;
	int digits = 0, group = -1;	/* digits since the last ',' (-1: none yet) */
	for (; (*p >= '0' && *p <= '9') || *p == ','; p++) {
		if (*p == ',') {
			if (digits == 0 || (group >= 0 && group != 3) || (group < 0 && digits > 3))
				return bad(why, _("thousands separators must group three digits (1,234,567.00)"));
			group = 0;
			continue;
		}
		int d = *p - '0';
		if (v < (INT64_MIN + d) / 10)
			return bad(why, _("amount is too large"));
		v = v * 10 - d;
		digits++;
		if (group >= 0)
			group++;
	}
	if (group >= 0 && group != 3)
		return bad(why, _("thousands separators must group three digits (1,234,567.00)"));

	int decimals = 0;
	if (*p == '.') {
		p++;
		for (; *p >= '0' && *p <= '9'; p++) {
			if (++decimals > 2)
				return bad(why, _("an amount has at most two decimals (fen)"));
			int d = *p - '0';
			if (v < (INT64_MIN + d) / 10)
				return bad(why, _("amount is too large"));
			v = v * 10 - d;
		}
		if (decimals == 0)
			return bad(why, _("a decimal point must be followed by digits"));
	}
	for (; decimals < 2; decimals++) {
		if (v < INT64_MIN / 10)
			return bad(why, _("amount is too large"));
		v *= 10;
	}
	while (is_blank(*p))
		p++;
	if (*p != '\0')
		return bad(why, _("an amount may contain only digits, ',' and '.' (like ¥1,234.50)"));
	if (!neg) {
		if (v == INT64_MIN)
			return bad(why, _("amount is too large"));
		v = -v;
	}
	*out = v;
	return CREDO_OK;
}

char *credo_money_format(credo_money v, int group, char *buf, size_t len)
{
	char tmp[CREDO_MONEY_BUFSZ];
	size_t n = 0;
	/* Work on the negative magnitude so INT64_MIN needs no special case. */
	int64_t m = v < 0 ? v : -v;
	int pos = 0;
	do {
		if (pos == 2)
			tmp[n++] = '.';
		else if (group && pos > 2 && (pos - 2) % 3 == 0)
			tmp[n++] = ',';
		tmp[n++] = (char)('0' - m % 10);
		m /= 10;
		pos++;
	} while (m != 0 || pos < 3);
	if (v < 0)
		tmp[n++] = '-';
	if (!buf || len == 0)
		return buf;
	size_t i = 0;
	for (; i < n && i + 1 < len; i++)
		buf[i] = tmp[n - 1 - i];
	buf[i] = '\0';
	return buf;
}
