/* code.c - human codes (C000123, HT-2026-0042) from setting-driven patterns. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/*
 * A pattern is literal text with two placeholders: {yyyy} (this year, and
 * the sequence restarts each year when present) and {seq:N} (the sequence
 * zero-padded to N digits).
 */
credo_status credo__code_pattern(credo_db *db, const char *kind, char *pattern, size_t plen, char scope[8])
{
	char key[64];
	snprintf(key, sizeof key, "code.%s", kind);
	credo_status rc = credo__setting(db, key, pattern, plen);
	if (rc)
		return rc;
	int y, m, d;
	credo_date_to_ymd(credo_today(), &y, &m, &d);
	scope[0] = '\0';
	if (strstr(pattern, "{yyyy}"))
		snprintf(scope, 8, "%04d", y);
	return CREDO_OK;
}

credo_status credo__next_code(credo_db *db, const char *kind, char *buf, size_t len)
{
	char pattern[64], scope[8];
	credo_status rc = credo__code_pattern(db, kind, pattern, sizeof pattern, scope);
	if (rc)
		return rc;

	sqlite3_stmt *st;
	rc = credo__prepare(db, "INSERT INTO code_sequences(kind, scope, next) VALUES (?1, ?2, 2)"
			    " ON CONFLICT(kind, scope) DO UPDATE SET next = next + 1"
			    " RETURNING next - 1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, scope, -1, SQLITE_STATIC);
	long long seq = 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		seq = sqlite3_column_int64(st, 0);
	else
		rc = credo__dberr(db, "numbering a code");
	sqlite3_finalize(st);
	if (rc)
		return rc;
	return credo__code_format(db, pattern, seq, buf, len);
}

credo_status credo__code_format(credo_db *db, const char *pattern, long long seq, char *buf, size_t len)
{
	int y, m, d;
	credo_date_to_ymd(credo_today(), &y, &m, &d);
	size_t n = 0;
	for (const char *p = pattern; *p && n + 1 < len;) {
		int width;
		int used = 0;
		if (strncmp(p, "{yyyy}", 6) == 0) {
			n += (size_t)snprintf(buf + n, len - n, "%04d", y);
			p += 6;
		} else if (sscanf(p, "{seq:%d}%n", &width, &used) == 1 && used > 0 && width >= 1 && width <= 12) {
			n += (size_t)snprintf(buf + n, len - n, "%0*lld", width, seq);
			p += used;
		} else {
			buf[n++] = *p++;
		}
		if (n >= len)
			return credo__fail(db, CREDO_INVALID, "code pattern %s makes codes too long", pattern);
	}
	buf[n] = '\0';
	return CREDO_OK;
}
