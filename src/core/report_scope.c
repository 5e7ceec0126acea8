/* report_scope.c - who the actor may report on, the reports' rounding rule, months. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

void credo__report_bind(credo_db *db, sqlite3_stmt *st)
{
	credo_role r = db->actor.role;
	int all = r != CREDO_ROLE_SALES && r != CREDO_ROLE_SALES_MANAGER && credo_can(db, CREDO_PERM_READ_ALL);
	sqlite3_bind_int(st, 1, all);
	sqlite3_bind_int64(st, 2, db->actor.id);
	sqlite3_bind_int(st, 3, r == CREDO_ROLE_SALES_MANAGER);
}

credo_status credo__report_user(credo_db *db, const char *login, int64_t *id)
{
	credo_status rc = credo__need_login(db);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	rc = credo__prepare(db, "WITH RECURSIVE" CREDO_REPORT_SEEN
			    " SELECT u.id, u.id IN (SELECT id FROM seen_users) FROM users u"
			    " WHERE u.login = ?4 AND u.active", &st);
	if (rc)
		return rc;
	credo__report_bind(db, st);
	sqlite3_bind_text(st, 4, login ? login : "", -1, SQLITE_STATIC);
	int r = sqlite3_step(st), seen = 0;
	*id = 0;
	if (r == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		seen = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (r == SQLITE_ROW && !seen)
		return credo__fail(db, CREDO_PERM, "permission denied: %s is %s, who may see only %s",
				   db->actor.login, credo_role_label(db->actor.role),
				   db->actor.role == CREDO_ROLE_SALES ? _("their own figures") : _("their team's figures"));
	if (r != SQLITE_ROW)
		return r == SQLITE_DONE ? credo__fail(db, CREDO_NOTFOUND, "no active user %s", login ? login : "")
					: credo__dberr(db, "finding a user");
	return CREDO_OK;
}

credo_money credo__muldiv(credo_money amount, int64_t num, int64_t den)
{
	__int128 p = (__int128)amount * num;
	__int128 q = p / den, r = p % den;
	/* Half away from zero: a remainder of at least half the divisor moves one fen outward. */
	if (r < 0)
		r = -r;
	if (2 * r >= den)
		q += p < 0 ? -1 : 1;
	return (credo_money)q;
}

int credo__share_bp(credo_money part, credo_money whole)
{
	if (whole <= 0)
		return -1;
	credo_money bp = credo__muldiv(part, 10000, whole);
	return bp > 1000000000 ? 1000000000 : bp < -1000000000 ? -1000000000 : (int)bp;
}

credo_status credo__month_range(credo_db *db, const char *field, const char *month,
				char from[CREDO_DATE_BUFSZ], char to[CREDO_DATE_BUFSZ])
{
	int ok = month && strlen(month) == 7 && month[4] == '-';
	for (int i = 0; ok && i < 7; i++)
		ok = i == 4 || (month[i] >= '0' && month[i] <= '9');
	int y = ok ? atoi(month) : 0, m = ok ? atoi(month + 5) : 0;
	if (!ok || m < 1 || m > 12 || y < CREDO_DATE_MIN_YEAR || y > CREDO_DATE_MAX_YEAR)
		return credo__fail(db, CREDO_INVALID, "%s \"%s\": write it as YYYY-MM, like 2026-10", field,
				   month ? month : "");
	credo_date_format(credo_date_from_ymd(y, m, 1), from, CREDO_DATE_BUFSZ);
	credo_date_format(credo_date_from_ymd(y, m, credo_date_days_in_month(y, m)), to, CREDO_DATE_BUFSZ);
	return CREDO_OK;
}
