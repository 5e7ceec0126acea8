/*
 * credit.c - exposure, limits in force, credit hold, and the check that
 * blocks a credit sale (seed 000 §8: 事前控制, no credit sale without
 * approval; "每一个客户的赊销账面净额不能超过这个额度").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "credit_internal.h"

/*
 * Exposure: open invoices + what active contracts have still to invoice -
 * credit not yet applied. Contracts covered by a one-off limit, and their
 * invoices, are judged against that limit instead.
 */
#define ONE_OFF_CONTRACTS \
	"(SELECT contract_id FROM credit_limits WHERE kind = 'one_off' AND revoked_at IS NULL)"

static const char STATUS_SQL[] =
	"SELECT"
	" (SELECT coalesce(sum(i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a"
	"   WHERE a.invoice_id = i.id AND a.reversed_at IS NULL)), 0) FROM invoices i"
	"   WHERE i.customer_id = ?1 AND i.amount > 0"
	"   AND (i.contract_id IS NULL OR i.contract_id NOT IN " ONE_OFF_CONTRACTS ")),"
	" (SELECT coalesce(sum(max(0, k.amount - (SELECT coalesce(sum(amount), 0) FROM invoices"
	"   WHERE contract_id = k.id))), 0) FROM contracts k WHERE k.customer_id = ?1 AND k.status = 'active'"
	"   AND k.id NOT IN " ONE_OFF_CONTRACTS "),"
	" (SELECT coalesce(sum(p.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a"
	"   WHERE a.payment_id = p.id AND a.reversed_at IS NULL)), 0) FROM payments p"
	"   WHERE p.customer_id = ?1 AND p.reversed_at IS NULL)"
	" + (SELECT coalesce(sum(-i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a"
	"   WHERE a.credit_note_id = i.id AND a.reversed_at IS NULL)), 0) FROM invoices i"
	"   WHERE i.customer_id = ?1 AND i.amount < 0),"
	" (SELECT amount FROM credit_limits WHERE customer_id = ?1 AND kind = 'standing' AND revoked_at IS NULL"
	"   AND effective_from <= ?2 ORDER BY effective_from DESC, id DESC LIMIT 1),"
	" (SELECT coalesce(sum(amount), 0) FROM credit_limits WHERE customer_id = ?1 AND kind = 'temporary'"
	"   AND revoked_at IS NULL AND effective_from <= ?2 AND expires >= ?2),"
	" (SELECT max(?3 - i.due_day) FROM invoices i WHERE i.customer_id = ?1 AND i.amount > 0"
	"   AND i.amount > (SELECT coalesce(sum(a.amount), 0) FROM allocations a"
	"   WHERE a.invoice_id = i.id AND a.reversed_at IS NULL)),"
	" (SELECT grade || score FROM credit_ratings WHERE customer_id = ?1 ORDER BY rated_at DESC, id DESC LIMIT 1),"
	" (SELECT min(next_review) FROM (SELECT next_review FROM (SELECT next_review FROM credit_ratings"
	"   WHERE customer_id = ?1 ORDER BY rated_at DESC, id DESC LIMIT 1)"
	"   UNION ALL SELECT next_review FROM (SELECT next_review FROM credit_limits WHERE customer_id = ?1"
	"   AND kind = 'standing' AND revoked_at IS NULL ORDER BY effective_from DESC, id DESC LIMIT 1))),"
	" (SELECT reputation_bad FROM customers WHERE id = ?1)";

/* Status without the scope check: the check itself runs for any actor. */
static credo_status status_of(credo_db *db, int64_t customer, credo_credit_status *out)
{
	/*
	 * Only the hold is needed here: reading the whole scorecard
	 * configuration (some thirty settings) cost more than the status itself
	 * and the check runs at every invoice.
	 */
	int hold_days = (int)credo__setting_int(db, "credit.hold_days", 60);
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, STATUS_SQL, &st);
	if (rc)
		return rc;
	credo_date today = credo_today();
	char d[CREDO_DATE_BUFSZ];
	sqlite3_bind_int64(st, 1, customer);
	sqlite3_bind_text(st, 2, credo_date_format(today, d, sizeof d), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, today);
	memset(out, 0, sizeof *out);
	if (sqlite3_step(st) == SQLITE_ROW) {
		out->exposure = sqlite3_column_int64(st, 0) + sqlite3_column_int64(st, 1) - sqlite3_column_int64(st, 2);
		out->has_limit = sqlite3_column_type(st, 3) != SQLITE_NULL;
		out->limit = sqlite3_column_int64(st, 3) + sqlite3_column_int64(st, 4);
		out->has_limit |= sqlite3_column_int64(st, 4) > 0;
		int late = sqlite3_column_int(st, 5);
		out->max_days_overdue = late > 0 ? late : 0;
		out->on_hold = out->max_days_overdue > hold_days;
		const char *g = credo__col_text(st, 6);
		if (*g) {
			out->grade = g[0];
			out->score = atoi(g + 1);
		}
		snprintf(out->next_review, sizeof out->next_review, "%s", credo__col_text(st, 7));
		out->veto = sqlite3_column_int(st, 8);
		if (out->veto && out->grade)
			out->grade = 'D';
	} else {
		rc = credo__dberr(db, "reading credit status");
	}
	sqlite3_finalize(st);
	out->available = out->limit - out->exposure;
	out->utilisation = out->limit > 0 ? (int)(out->exposure * 100 / out->limit) : 0;
	return rc;
}

credo_status credo_credit_status_of(credo_db *db, int64_t customer_id, credo_credit_status *out)
{
	credo_status rc = credo__customer_visible(db, customer_id);
	return rc ? rc : status_of(db, customer_id, out);
}

/* A one-off limit for this contract, or -1. */
static credo_money one_off(credo_db *db, int64_t contract)
{
	sqlite3_stmt *st;
	credo_money v = -1;
	if (contract <= 0 || credo__prepare(db, "SELECT sum(amount) FROM credit_limits WHERE kind = 'one_off'"
					    " AND contract_id = ?1 AND revoked_at IS NULL", &st))
		return -1;
	sqlite3_bind_int64(st, 1, contract);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static credo_status record_override(credo_db *db, int64_t customer, int64_t contract, credo_money amount,
				    const char *reason, const char *why_blocked)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "INSERT INTO credit_overrides(customer_id, contract_id, amount, reason,"
					 " user_id, at) VALUES (?1, nullif(?2, 0), ?3, ?4, ?5, ?6)", &st);
	if (rc)
		return rc;
	char now[21];
	credo__now(now);
	sqlite3_bind_int64(st, 1, customer);
	sqlite3_bind_int64(st, 2, contract);
	sqlite3_bind_int64(st, 3, amount);
	sqlite3_bind_text(st, 4, reason, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, db->actor.id);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
	rc = credo__step_done(db, st, "recording a credit override");
	if (rc)
		return rc;
	int64_t id = sqlite3_last_insert_rowid(db->sql);
	/* The audit row carries what was overridden as well as who and why. */
	sqlite3_stmt *q;
	char *after = NULL;
	if (credo__prepare(db, "SELECT json_object('customer_id', customer_id, 'contract_id', contract_id,"
			   " 'amount', amount, 'reason', reason, 'blocked', ?2) FROM credit_overrides WHERE id = ?1",
			   &q) == CREDO_OK) {
		sqlite3_bind_int64(q, 1, id);
		sqlite3_bind_text(q, 2, why_blocked, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			after = strdup(credo__col_text(q, 0));
		sqlite3_finalize(q);
	}
	rc = credo__audit(db, "credit_overrides", id, "override", NULL, after);
	free(after);
	return rc;
}

/* The rules of the check in the order they are tested; the first broken one is reported. */
enum credit_rule { RULE_OK, RULE_VETO, RULE_HOLD, RULE_UNRATED, RULE_GRADE_D, RULE_ONE_OFF, RULE_NO_LIMIT, RULE_OVER };

/* once: the contract's one-off limit, or -1 when it has none. */
static enum credit_rule rule_broken(const credo_credit_status *cs, credo_money once, credo_money amount)
{
	if (cs->veto)
		return RULE_VETO;
	if (cs->on_hold)
		return RULE_HOLD;
	if (!cs->grade)
		return RULE_UNRATED;
	if (cs->grade == 'D')
		return RULE_GRADE_D;
	if (once >= 0)
		return amount > once ? RULE_ONE_OFF : RULE_OK;
	if (!cs->has_limit)
		return RULE_NO_LIMIT;
	return cs->exposure + amount > cs->limit ? RULE_OVER : RULE_OK;
}

credo_status credo__credit_status(credo_db *db, int64_t customer_id, credo_credit_status *out)
{
	return status_of(db, customer_id, out);
}

int credo__credit_passes(const credo_credit_status *cs, credo_money amount)
{
	return rule_broken(cs, -1, amount) == RULE_OK;
}

/* Why this sale may not go ahead on credit, into why; 0 when it may. */
static int blocked(credo_db *db, int64_t customer, int64_t contract, credo_money amount, char *why, size_t len)
{
	char name[256] = "", l[CREDO_MONEY_BUFSZ], e[CREDO_MONEY_BUFSZ], s[CREDO_MONEY_BUFSZ], a[CREDO_MONEY_BUFSZ];
	sqlite3_stmt *st;
	if (credo__prepare(db, "SELECT code || ' ' || name FROM customers WHERE id = ?1", &st) == CREDO_OK) {
		sqlite3_bind_int64(st, 1, customer);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(name, sizeof name, "%s", credo__col_text(st, 0));
		sqlite3_finalize(st);
	}
	credo_credit_status cs;
	if (status_of(db, customer, &cs) != CREDO_OK) {
		snprintf(why, len, "%s", credo_errmsg(db));
		return 1;
	}
	credo_money once = -1;
	if (!cs.veto && !cs.on_hold && cs.grade && cs.grade != 'D')
		once = one_off(db, contract);
	switch (rule_broken(&cs, once, amount)) {
	case RULE_OK:
		return 0;
	case RULE_VETO:
		snprintf(why, len, _("%s is flagged for bad reputation (grade D): no sale on credit"), name);
		break;
	case RULE_HOLD:
		snprintf(why, len, _("%s is on credit hold: an invoice is %d days overdue (hold after %lld)"), name,
			 cs.max_days_overdue, (long long)credo__setting_int(db, "credit.hold_days", 60));
		break;
	case RULE_UNRATED:
		snprintf(why, len, _("%s has no credit rating: no sale on credit before it is rated"), name);
		break;
	case RULE_GRADE_D:
		snprintf(why, len, _("%s is grade D: cash only"), name);
		break;
	case RULE_ONE_OFF:
		snprintf(why, len, _("%s: the contract's one-off limit %s is less than %s"), name,
			 credo_money_format(once, 1, l, sizeof l), credo_money_format(amount, 1, a, sizeof a));
		break;
	case RULE_NO_LIMIT:
		snprintf(why, len, _("%s has no approved credit limit: no sale on credit without approval"), name);
		break;
	case RULE_OVER:
		snprintf(why, len, _("%s would go over its credit limit: limit %s, exposure %s, this sale %s,"
			 " shortfall %s"), name, credo_money_format(cs.limit, 1, l, sizeof l),
			 credo_money_format(cs.exposure, 1, e, sizeof e), credo_money_format(amount, 1, a, sizeof a),
			 credo_money_format(cs.exposure + amount - cs.limit, 1, s, sizeof s));
		break;
	}
	return 1;
}

credo_status credo__credit_check(credo_db *db, int64_t customer_id, int64_t contract_id,
				 credo_money amount, const char *override_reason)
{
	char why[512];
	if (db->backfill)
		return CREDO_OK;
	if (!blocked(db, customer_id, contract_id, amount, why, sizeof why))
		return CREDO_OK;
	if (!override_reason || !*override_reason)
		return credo__fail(db, CREDO_RULE, "credit check: %s (a credit manager may override with a reason)", why);
	if (!credo_can(db, CREDO_PERM_CREDIT_DECIDE))
		return credo__fail(db, CREDO_PERM, "permission denied: only a credit manager may override the"
				   " credit check (%s)", why);
	if (strlen(override_reason) > 500 || !credo__text_ok(override_reason, 0))
		return credo__fail(db, CREDO_INVALID, "an override reason is at most 500 bytes of text");
	return record_override(db, customer_id, contract_id, amount, override_reason, why);
}

credo_status credo_credit_report(credo_db *db, char grade, credo_credit_row_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT c.id, c.code, c.name, u.login FROM customers c"
					 " JOIN users u ON u.id = c.owner_id WHERE (?1 OR c.owner_id = ?2)"
					 " ORDER BY c.code", &st);
	if (rc)
		return rc;
	sqlite3_bind_int(st, 1, credo_can(db, CREDO_PERM_READ_ALL));
	sqlite3_bind_int64(st, 2, db->actor.id);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_credit_row row = { .customer_id = sqlite3_column_int64(st, 0), .code = credo__col_text(st, 1),
					 .name = credo__col_text(st, 2), .owner = credo__col_text(st, 3) };
		rc = status_of(db, row.customer_id, &row.st);
		if (rc)
			break;
		if (grade && row.st.grade != grade)
			continue;
		if (cb(&row, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "reading the credit report");
	sqlite3_finalize(st);
	return rc;
}

credo_status credo_credit_history(credo_db *db, int64_t customer_id, credo_credit_event_cb cb, void *ctx)
{
	credo_status rc = credo__customer_visible(db, customer_id);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	rc = credo__prepare(db,
		"SELECT f.created_at, 'file', 'statements of ' || f.statement_date, u.login FROM credit_files f"
		" JOIN users u ON u.id = f.created_by WHERE f.customer_id = ?1"
		" UNION ALL SELECT r.rated_at, 'rating', 'score ' || r.score || ', grade ' || r.grade || '; ' || r.basis,"
		" u.login FROM credit_ratings r JOIN users u ON u.id = r.rated_by WHERE r.customer_id = ?1"
		" UNION ALL SELECT q.requested_at, 'request', q.kind || ' ' || (q.amount / 100) || '.' || printf('%02d', q.amount % 100)"
		" || ': ' || q.reason, u.login FROM credit_requests q JOIN users u ON u.id = q.requester_id"
		" WHERE q.customer_id = ?1"
		" UNION ALL SELECT q.decided_at, 'decision', q.state || coalesce(' ' || (q.approved / 100) || '.' || printf('%02d', q.approved % 100), '')"
		" || ': ' || q.decision_note, u.login FROM credit_requests q JOIN users u ON u.id = q.decider_id"
		" WHERE q.customer_id = ?1 AND q.decided_at IS NOT NULL"
		" UNION ALL SELECT l.approved_at, 'limit', l.kind || ' ' || (l.amount / 100) || '.' || printf('%02d', l.amount % 100)"
		" || coalesce(' until ' || l.expires, '') || coalesce(' (retired ' || l.revoked_at || ')', '') || '; ' || l.basis,"
		" u.login FROM credit_limits l JOIN users u ON u.id = l.approved_by WHERE l.customer_id = ?1"
		" UNION ALL SELECT o.at, 'override', (o.amount / 100) || '.' || printf('%02d', o.amount % 100) || ': ' || o.reason, u.login"
		" FROM credit_overrides o JOIN users u ON u.id = o.user_id WHERE o.customer_id = ?1"
		" ORDER BY 1", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, customer_id);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_credit_event e = { .date = credo__col_text(st, 0), .what = credo__col_text(st, 1),
					 .text = credo__col_text(st, 2), .who = credo__col_text(st, 3) };
		if (cb(&e, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "reading the credit history");
	sqlite3_finalize(st);
	return rc;
}
