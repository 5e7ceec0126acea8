/*
 * report_internal.h - what the management reports (scorecard, pareto,
 * targets, commission) share: who the actor may report on, the one
 * rounding rule for rates, and month arithmetic.
 */
#ifndef CREDO_REPORT_INTERNAL_H
#define CREDO_REPORT_INTERNAL_H

#include "internal.h"

/*
 * The users the actor may report on, as a constant SQL fragment to put in
 * a WITH clause and test as "u.id IN (SELECT id FROM seen_users)". It uses
 * ?1 (sees everyone), ?2 (the actor's id) and ?3 (the actor's team counts):
 * bind them with credo__report_bind. A salesperson sees only themself, a
 * sales manager themself and the users of their department and the
 * departments under it, every other reading role everyone.
 */
#define CREDO_REPORT_SEEN \
	" team(id) AS (SELECT department_id FROM users WHERE id = ?2 AND ?3 AND department_id IS NOT NULL" \
	"   UNION SELECT d.id FROM departments d JOIN team t ON d.parent_id = t.id)," \
	" seen_users(id) AS (SELECT id FROM users WHERE ?1 OR id = ?2" \
	"   OR department_id IN (SELECT id FROM team))"

/* Bind ?1..?3 of CREDO_REPORT_SEEN for the actor. */
void credo__report_bind(credo_db *db, sqlite3_stmt *st);

/*
 * CREDO_OK with *id when login names an active user the actor may report
 * on; CREDO_NOTFOUND for no such user, CREDO_PERM for someone outside the
 * actor's team (a salesperson asking for a colleague).
 */
credo_status credo__report_user(credo_db *db, const char *login, int64_t *id);

/*
 * amount x num / den rounded half away from zero at the fen: the one
 * rounding rule of the reports (rates are basis points: num = bp, den =
 * 10000). Exact in 128-bit arithmetic; den must be positive.
 */
credo_money credo__muldiv(credo_money amount, int64_t num, int64_t den);

/* A share in basis points (part / whole x 10000, rounded the same way); -1 when whole <= 0. */
int credo__share_bp(credo_money part, credo_money whole);

/*
 * Check "YYYY-MM" and write its first and last day into from and to;
 * CREDO_INVALID naming field otherwise.
 */
credo_status credo__month_range(credo_db *db, const char *field, const char *month,
				char from[CREDO_DATE_BUFSZ], char to[CREDO_DATE_BUFSZ]);

#endif
