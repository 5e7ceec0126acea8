/*
 * credit_limit.c - limits and the request workflow: sales asks, credit
 * decides, a dispute goes to the general manager (seed 000 §1:
 * 上交给总经理来做最后的定夺). Every step names a person.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "credit_internal.h"

static const char *const limit_kinds[] = { "standing", "temporary", "one_off" };

static const char SNAP_LIMIT[] =
	"SELECT json_object('customer_id', customer_id, 'kind', kind, 'contract_id', contract_id, 'amount', amount,"
	" 'effective_from', effective_from, 'expires', expires, 'suggested', suggested, 'basis', basis,"
	" 'request_id', request_id, 'approved_by', approved_by, 'next_review', next_review, 'revoked_at', revoked_at)"
	" FROM credit_limits WHERE id = ?1";
const char *const credo__snap_limit = SNAP_LIMIT;

static const char SNAP_REQUEST[] =
	"SELECT json_object('customer_id', customer_id, 'contract_id', contract_id, 'kind', kind, 'amount', amount,"
	" 'reason', reason, 'requester_id', requester_id, 'rating_id', rating_id, 'suggested', suggested,"
	" 'state', state, 'decider_id', decider_id, 'decided_at', decided_at, 'decision_note', decision_note,"
	" 'approved', approved) FROM credit_requests WHERE id = ?1";

/* Kind, expiry and contract hang together; expires and contract must belong to the customer. */
static credo_status check_kind(credo_db *db, int64_t customer, credo_limit_kind kind, const char *expires,
			       int64_t contract, char exp[CREDO_DATE_BUFSZ])
{
	exp[0] = '\0';
	if ((int)kind < 0 || kind > CREDO_LIMIT_ONE_OFF)
		return credo__fail(db, CREDO_INVALID, "a limit is standing, temporary or one-off");
	if (kind == CREDO_LIMIT_TEMPORARY) {
		credo_status rc = credo__date_arg(db, "temporary limit expiry", expires, exp);
		char today[CREDO_DATE_BUFSZ];
		if (rc == CREDO_OK && strcmp(exp, credo_date_format(credo_today(), today, sizeof today)) <= 0)
			rc = credo__fail(db, CREDO_RULE, "a temporary limit must expire after today");
		return rc;
	}
	if (kind == CREDO_LIMIT_ONE_OFF) {
		sqlite3_stmt *st;
		credo_status rc = credo__prepare(db, "SELECT customer_id FROM contracts WHERE id = ?1", &st);
		if (rc)
			return rc;
		sqlite3_bind_int64(st, 1, contract);
		int ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) == customer;
		sqlite3_finalize(st);
		if (!ok)
			return credo__fail(db, CREDO_INVALID, "a one-off limit names a contract of the same customer");
	}
	return CREDO_OK;
}

static int64_t latest_rating(credo_db *db, int64_t customer, credo_money *suggested, char *basis, size_t len)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	*suggested = CREDO_MONEY_NONE;
	basis[0] = '\0';
	if (credo__prepare(db, "SELECT id, suggested, basis FROM credit_ratings WHERE customer_id = ?1"
			   " ORDER BY rated_at DESC, id DESC LIMIT 1", &st))
		return 0;
	sqlite3_bind_int64(st, 1, customer);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		*suggested = sqlite3_column_int64(st, 1);
		snprintf(basis, len, "%s", credo__col_text(st, 2));
	}
	sqlite3_finalize(st);
	return id;
}

/* Insert a limit decided by the actor; a new standing limit retires the old one. */
static credo_status insert_limit(credo_db *db, int64_t customer, credo_money amount, credo_limit_kind kind,
				 const char *expires, int64_t contract, int64_t request, const char *note)
{
	if (amount < 0)
		return credo__fail(db, CREDO_INVALID, "a credit limit cannot be negative");
	if (note && (strlen(note) > 500 || !credo__text_ok(note, 0)))
		return credo__fail(db, CREDO_INVALID, "a limit note is at most 500 bytes of text");
	char exp[CREDO_DATE_BUFSZ], today[CREDO_DATE_BUFSZ], review[CREDO_DATE_BUFSZ], basis[512], now[21];
	credo_status rc = check_kind(db, customer, kind, expires, contract, exp);
	if (rc)
		return rc;
	credo_money suggested;
	char rated[256];
	latest_rating(db, customer, &suggested, rated, sizeof rated);
	snprintf(basis, sizeof basis, "%s%s%s", *rated ? rated : _("no rating"), note && *note ? "; " : "",
		 note ? note : "");
	credo_date t = credo_today();
	credo_date_format(t, today, sizeof today);
	credo_date_format(credo_date_add_months(t, (int)credo__setting_int(db, "credit.review_months", 12)),
			  review, sizeof review);
	credo__now(now);
	sqlite3_stmt *st;
	if (kind == CREDO_LIMIT_STANDING) {
		rc = credo__prepare(db, "UPDATE credit_limits SET revoked_at = ?2 WHERE customer_id = ?1"
				    " AND kind = 'standing' AND revoked_at IS NULL", &st);
		if (rc)
			return rc;
		sqlite3_bind_int64(st, 1, customer);
		sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
		if ((rc = credo__step_done(db, st, "retiring the old limit")))
			return rc;
	}
	rc = credo__prepare(db, "INSERT INTO credit_limits(customer_id, kind, contract_id, amount, effective_from,"
			    " expires, suggested, basis, request_id, approved_by, approved_at, next_review)"
			    " VALUES (?1, ?2, CASE WHEN ?2 = 'one_off' THEN ?3 END, ?4, ?5, nullif(?6, ''),"
			    " ?7, ?8, nullif(?9, 0), ?10, ?11, ?12)", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, customer);
	sqlite3_bind_text(st, 2, limit_kinds[kind], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, contract);
	sqlite3_bind_int64(st, 4, amount);
	sqlite3_bind_text(st, 5, today, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, exp, -1, SQLITE_STATIC);
	if (suggested != CREDO_MONEY_NONE)
		sqlite3_bind_int64(st, 7, suggested);
	sqlite3_bind_text(st, 8, basis, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 9, request);
	sqlite3_bind_int64(st, 10, db->actor.id);
	sqlite3_bind_text(st, 11, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, review, -1, SQLITE_STATIC);
	rc = credo__step_done(db, st, "setting a credit limit");
	if (rc)
		return rc;
	credo__figures_touch(db, customer);
	return credo__audit_row(db, "credit_limits", sqlite3_last_insert_rowid(db->sql), "approve", SNAP_LIMIT, NULL);
}

credo_status credo_credit_limit_set(credo_db *db, const credo_limit_new *in, int64_t *id_out)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_CREDIT_DECIDE);
	if (rc)
		return rc;
	rc = credo__customer_visible(db, in->customer_id);
	if (rc == CREDO_OK)
		rc = insert_limit(db, in->customer_id, in->amount, in->kind, in->expires, in->contract_id, 0, in->note);
	if (rc == CREDO_OK && id_out)
		*id_out = sqlite3_last_insert_rowid(db->sql);
	return credo__mut_end(db, rc);
}

static credo_status insert_request(credo_db *db, const credo_credit_request_new *in, int64_t *id_out)
{
	char exp[CREDO_DATE_BUFSZ];
	credo_status rc = credo__customer_visible(db, in->customer_id);
	if (rc == CREDO_OK)
		rc = check_kind(db, in->customer_id, in->kind, in->expires, in->contract_id, exp);
	if (rc)
		return rc;
	if (in->amount <= 0)
		return credo__fail(db, CREDO_INVALID, "a requested limit must be more than zero");
	if (!in->reason || !*in->reason || strlen(in->reason) > 1000 || !credo__text_ok(in->reason, 1))
		return credo__fail(db, CREDO_INVALID, "a credit request needs its reason (at most 1000 bytes)");
	credo_money suggested;
	char basis[256];
	int64_t rating = latest_rating(db, in->customer_id, &suggested, basis, sizeof basis);
	sqlite3_stmt *st;
	rc = credo__prepare(db, "INSERT INTO credit_requests(customer_id, contract_id, kind, amount, reason,"
			    " requester_id, requested_at, rating_id, suggested) VALUES (?1, CASE WHEN ?3 = 'one_off'"
			    " THEN ?2 END, ?3, ?4, ?5, ?6, ?7, nullif(?8, 0), ?9)", &st);
	if (rc)
		return rc;
	char now[21];
	credo__now(now);
	sqlite3_bind_int64(st, 1, in->customer_id);
	sqlite3_bind_int64(st, 2, in->contract_id);
	sqlite3_bind_text(st, 3, limit_kinds[in->kind], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, in->amount);
	sqlite3_bind_text(st, 5, in->reason, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, db->actor.id);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, rating);
	if (suggested != CREDO_MONEY_NONE)
		sqlite3_bind_int64(st, 9, suggested);
	rc = credo__step_done(db, st, "filing a credit request");
	if (rc)
		return rc;
	int64_t id = sqlite3_last_insert_rowid(db->sql);
	if (id_out)
		*id_out = id;
	return credo__audit_row(db, "credit_requests", id, "create", SNAP_REQUEST, NULL);
}

credo_status credo_credit_request(credo_db *db, const credo_credit_request_new *in, int64_t *id_out)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_CREDIT_REQUEST);
	if (rc)
		return rc;
	return credo__mut_end(db, insert_request(db, in, id_out));
}

struct request {
	int64_t customer, contract;
	credo_limit_kind kind;
	credo_money amount;
	char state[16];
};

static credo_status load_request(credo_db *db, int64_t id, struct request *r)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT r.customer_id, coalesce(r.contract_id, 0), r.kind, r.amount, r.state"
					 " FROM credit_requests r JOIN customers c ON c.id = r.customer_id"
					 " WHERE (?2 OR c.owner_id = ?3) AND r.id = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, credo_can(db, CREDO_PERM_READ_ALL));
	sqlite3_bind_int64(st, 3, db->actor.id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		r->customer = sqlite3_column_int64(st, 0);
		r->contract = sqlite3_column_int64(st, 1);
		const char *k = credo__col_text(st, 2);
		r->kind = strcmp(k, "temporary") == 0 ? CREDO_LIMIT_TEMPORARY
			  : strcmp(k, "one_off") == 0 ? CREDO_LIMIT_ONE_OFF : CREDO_LIMIT_STANDING;
		r->amount = sqlite3_column_int64(st, 3);
		snprintf(r->state, sizeof r->state, "%s", credo__col_text(st, 4));
	} else {
		rc = credo__fail(db, CREDO_NOTFOUND, "credit request #%lld not found", (long long)id);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Move request id from `from` to `to`, recording the decider, the note and an approved amount (or -1). */
static credo_status decide(credo_db *db, int64_t id, const char *from, const char *to, const char *action,
			   credo_money approved, const char *note, int note_required)
{
	struct request r;
	credo_status rc = load_request(db, id, &r);
	if (rc)
		return rc;
	if (strcmp(r.state, from) != 0)
		return credo__fail(db, CREDO_RULE, "credit request #%lld is %s, not %s", (long long)id, r.state, from);
	if (note_required && (!note || !*note))
		return credo__fail(db, CREDO_INVALID, "this decision needs a note saying why");
	if (note && (strlen(note) > 1000 || !credo__text_ok(note, 1)))
		return credo__fail(db, CREDO_INVALID, "a decision note is at most 1000 bytes of text");
	if (approved == 0)
		approved = r.amount;
	char *before = credo__snapshot(db, SNAP_REQUEST, id);
	sqlite3_stmt *st;
	rc = credo__prepare(db, "UPDATE credit_requests SET state = ?2, decider_id = ?3, decided_at = ?4,"
			    " decision_note = ?5, approved = CASE WHEN ?6 >= 0 THEN ?6 END WHERE id = ?1", &st);
	if (rc == CREDO_OK) {
		char now[21];
		credo__now(now);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, db->actor.id);
		sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, note ? note : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 6, approved);
		rc = credo__step_done(db, st, "deciding a credit request");
	}
	if (rc == CREDO_OK)
		rc = credo__audit_row(db, "credit_requests", id, action, SNAP_REQUEST, before);
	free(before);
	if (rc == CREDO_OK && approved >= 0) {
		/* A temporary limit granted from a request runs for one review period unless set directly. */
		char exp[CREDO_DATE_BUFSZ] = "";
		if (r.kind == CREDO_LIMIT_TEMPORARY)
			credo_date_format(credo_date_add_months(credo_today(), 3), exp, sizeof exp);
		rc = insert_limit(db, r.customer, approved, r.kind, exp, r.contract, id, note);
	}
	return rc;
}

static credo_status decision(credo_db *db, credo_perm perm, int64_t id, const char *from, const char *to,
			     const char *action, credo_money approved, const char *note, int note_required)
{
	if (approved < -1)
		return credo__fail(db, CREDO_INVALID, "an approved limit cannot be negative");
	credo_status rc = credo__mut_begin(db, perm);
	if (rc)
		return rc;
	return credo__mut_end(db, decide(db, id, from, to, action, approved, note, note_required));
}

credo_status credo_credit_approve(credo_db *db, int64_t request_id, credo_money amount, const char *note)
{
	return decision(db, CREDO_PERM_CREDIT_DECIDE, request_id, "pending", "approved", "approve",
			amount < 0 ? -2 : amount, note, 0);
}

credo_status credo_credit_reject(credo_db *db, int64_t request_id, const char *note)
{
	return decision(db, CREDO_PERM_CREDIT_DECIDE, request_id, "pending", "rejected", "reject", -1, note, 1);
}

credo_status credo_credit_dispute(credo_db *db, int64_t request_id, const char *note)
{
	return decision(db, CREDO_PERM_CREDIT_DECIDE, request_id, "pending", "escalated", "escalate", -1, note, 1);
}

credo_status credo_credit_decide(credo_db *db, int64_t request_id, int approve, credo_money amount, const char *note)
{
	if (!approve)
		amount = -1;
	else if (amount < 0)
		amount = -2;
	return decision(db, CREDO_PERM_CREDIT_ESCALATED, request_id, "escalated", "decided",
			approve ? "decide_approve" : "decide_reject", amount, note, 1);
}

credo_status credo_credit_requests(credo_db *db, int64_t customer_id, int open_only,
				   credo_credit_request_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db,
		"SELECT r.id, c.code, c.name, r.kind, r.amount, r.suggested, coalesce(g.grade, ''), r.reason,"
		" q.login, r.requested_at, r.state, coalesce(d.login, ''), coalesce(r.decided_at, ''), r.decision_note,"
		" r.approved FROM credit_requests r JOIN customers c ON c.id = r.customer_id"
		" JOIN users q ON q.id = r.requester_id LEFT JOIN users d ON d.id = r.decider_id"
		" LEFT JOIN credit_ratings g ON g.id = r.rating_id"
		" WHERE (?1 OR c.owner_id = ?2) AND (?3 = 0 OR r.customer_id = ?3)"
		" AND (NOT ?4 OR r.state IN ('pending', 'escalated'))"
		" ORDER BY r.state NOT IN ('pending', 'escalated'), r.requested_at DESC, r.id DESC", &st);
	if (rc)
		return rc;
	sqlite3_bind_int(st, 1, credo_can(db, CREDO_PERM_READ_ALL));
	sqlite3_bind_int64(st, 2, db->actor.id);
	sqlite3_bind_int64(st, 3, customer_id);
	sqlite3_bind_int(st, 4, open_only);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_credit_request_row row = {
			.id = sqlite3_column_int64(st, 0), .customer_code = credo__col_text(st, 1),
			.customer_name = credo__col_text(st, 2), .kind = credo__col_text(st, 3),
			.amount = sqlite3_column_int64(st, 4),
			.suggested = sqlite3_column_type(st, 5) == SQLITE_NULL ? CREDO_MONEY_NONE
										 : sqlite3_column_int64(st, 5),
			.grade = credo__col_text(st, 6), .reason = credo__col_text(st, 7),
			.requester = credo__col_text(st, 8), .requested_at = credo__col_text(st, 9),
			.state = credo__col_text(st, 10), .decider = credo__col_text(st, 11),
			.decided_at = credo__col_text(st, 12), .decision_note = credo__col_text(st, 13),
			.approved = sqlite3_column_type(st, 14) == SQLITE_NULL ? CREDO_MONEY_NONE
										: sqlite3_column_int64(st, 14),
		};
		if (cb(&row, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "listing credit requests");
	sqlite3_finalize(st);
	return rc;
}
