/* visit.c - visits and calls, follow-ups and the daily report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char SNAP_VISIT[] =
	"SELECT json_object('customer_id', customer_id, 'lead_id', lead_id, 'contact_id', contact_id,"
	" 'visit_date', visit_date, 'kind', kind, 'planned', planned, 'plan_date', plan_date,"
	" 'purpose', purpose, 'findings', findings, 'outcome', outcome, 'next_step', next_step,"
	" 'next_date', next_date, 'user_id', user_id) FROM visits WHERE id = ?1";
const char *const credo__snap_visit = SNAP_VISIT;

/* A visit is in scope through its customer's or its lead's owner. */
#define VISIT_COLS \
	"v.id, coalesce(v.customer_id, 0), coalesce(c.code, ''), coalesce(c.name, ''), coalesce(v.lead_id, 0)," \
	" coalesce(l.company, ''), coalesce(v.contact_id, 0), coalesce(k.name, ''), v.visit_date, v.kind," \
	" v.planned, v.purpose, v.findings, v.outcome, v.next_step, coalesce(v.next_date, ''), u.login, u.name"
#define VISIT_FROM \
	" FROM visits v JOIN users u ON u.id = v.user_id" \
	" LEFT JOIN customers c ON c.id = v.customer_id LEFT JOIN leads l ON l.id = v.lead_id" \
	" LEFT JOIN contacts k ON k.id = v.contact_id"
#define VISIT_SCOPE " (?1 OR c.owner_id = ?2 OR (v.customer_id IS NULL AND l.owner_id = ?2))"

static const char *const visit_kinds[] = { "visit", "phone", "email", "meeting", "credit_visit" };

static void visit_from(sqlite3_stmt *st, credo_visit *v)
{
	int i = 0;
	v->id = sqlite3_column_int64(st, i++);
	v->customer_id = sqlite3_column_int64(st, i++);
	v->customer_code = credo__col_text(st, i++);
	v->customer_name = credo__col_text(st, i++);
	v->lead_id = sqlite3_column_int64(st, i++);
	v->lead_company = credo__col_text(st, i++);
	v->contact_id = sqlite3_column_int64(st, i++);
	v->contact_name = credo__col_text(st, i++);
	v->date = credo__col_text(st, i++);
	v->kind = credo__col_text(st, i++);
	v->planned = sqlite3_column_int(st, i++);
	v->purpose = credo__col_text(st, i++);
	v->findings = credo__col_text(st, i++);
	v->outcome = credo__col_text(st, i++);
	v->next_step = credo__col_text(st, i++);
	v->next_date = credo__col_text(st, i++);
	v->user_login = credo__col_text(st, i++);
	v->user_name = credo__col_text(st, i++);
}

static credo_status stream(credo_db *db, sqlite3_stmt *st, credo_visit_cb cb, void *ctx)
{
	credo_status rc = CREDO_OK;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_visit v;
		visit_from(st, &v);
		if (cb(&v, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "listing visits");
	sqlite3_finalize(st);
	return rc;
}

/* 1 if the query (?1 scope, ?2 actor, ?3 id) finds a row. */
static int exists_in_scope(credo_db *db, const char *sql, int64_t id)
{
	sqlite3_stmt *st;
	if (credo__prepare(db, sql, &st))
		return 0;
	credo__bind_scope(db, st);
	sqlite3_bind_int64(st, 3, id);
	int found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

static credo_status check_text(credo_db *db, const char *field, const char *v)
{
	if (v && (strlen(v) > 4000 || !credo__text_ok(v, 1)))
		return credo__fail(db, CREDO_INVALID, "visit %s must be at most 4000 bytes of text"
				   " without control characters", field);
	return CREDO_OK;
}

static credo_status parse_date(credo_db *db, const char *field, const char *text, credo_date *out)
{
	const char *why;
	if (credo_date_parse(text, out, &why) != CREDO_OK)
		return credo__fail(db, CREDO_INVALID, "visit %s \"%s\": %s", field, text, why);
	return CREDO_OK;
}

/* Seed 002: a visit that took place says what was found or what came of it. */
static credo_status check_substance(credo_db *db, const char *date, const char *findings,
				    const char *outcome, const char *next_date)
{
	credo_date day, next;
	credo_status rc = parse_date(db, "date", date, &day);
	if (rc)
		return rc;
	if (day > credo_today())
		return credo__fail(db, CREDO_RULE, "a visit that took place cannot be dated after today;"
				   " plan it instead");
	if ((!findings || !*findings) && (!outcome || !*outcome))
		return credo__fail(db, CREDO_RULE, "a visit must record its findings or its outcome,"
				   " not just that it happened");
	if (next_date && *next_date) {
		rc = parse_date(db, "next date", next_date, &next);
		if (rc == CREDO_OK && next < day)
			rc = credo__fail(db, CREDO_RULE, "the follow-up date cannot be before the visit");
	}
	return rc;
}

static credo_status validate(credo_db *db, const credo_visit_new *in, const char *date)
{
	if ((in->customer_id > 0) == (in->lead_id > 0))
		return credo__fail(db, CREDO_INVALID, "a visit is to one customer or one lead");
	if (in->customer_id > 0 &&
	    !exists_in_scope(db, "SELECT 1 FROM customers c WHERE (?1 OR c.owner_id = ?2) AND c.id = ?3",
			     in->customer_id))
		return credo__fail(db, CREDO_NOTFOUND, "customer #%lld not found", (long long)in->customer_id);
	if (in->lead_id > 0 &&
	    !exists_in_scope(db, "SELECT 1 FROM leads l WHERE (?1 OR l.owner_id = ?2) AND l.id = ?3", in->lead_id))
		return credo__fail(db, CREDO_NOTFOUND, "lead #%lld not found", (long long)in->lead_id);
	if (in->contact_id > 0) {
		sqlite3_stmt *st;
		credo_status rc = credo__prepare(db, "SELECT customer_id FROM contacts WHERE id = ?1", &st);
		if (rc)
			return rc;
		sqlite3_bind_int64(st, 1, in->contact_id);
		int ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) == in->customer_id;
		sqlite3_finalize(st);
		if (!ok)
			return credo__fail(db, CREDO_INVALID, "the contact does not belong to this customer");
	}
	const char *kind = in->kind && *in->kind ? in->kind : "visit";
	size_t k = 0;
	while (k < sizeof visit_kinds / sizeof visit_kinds[0] && strcmp(kind, visit_kinds[k]) != 0)
		k++;
	if (k == sizeof visit_kinds / sizeof visit_kinds[0])
		return credo__fail(db, CREDO_INVALID, "visit kind must be visit, phone, email, meeting or credit_visit");
	const char *texts[][2] = { { "purpose", in->purpose }, { "findings", in->findings },
				   { "outcome", in->outcome }, { "next step", in->next_step } };
	for (size_t i = 0; i < 4; i++) {
		credo_status rc = check_text(db, texts[i][0], texts[i][1]);
		if (rc)
			return rc;
	}
	if (!in->planned)
		return check_substance(db, date, in->findings, in->outcome, in->next_date);
	credo_date day, next;
	credo_status rc = parse_date(db, "date", date, &day);
	if (rc == CREDO_OK && in->next_date && *in->next_date) {
		rc = parse_date(db, "next date", in->next_date, &next);
		if (rc == CREDO_OK && next < day)
			rc = credo__fail(db, CREDO_RULE, "the follow-up date cannot be before the visit");
	}
	return rc;
}

/* A converted lead's visits belong to the customer it became. */
static int64_t converted_customer(credo_db *db, int64_t lead)
{
	sqlite3_stmt *st;
	int64_t customer = 0;
	if (lead <= 0 || credo__prepare(db, "SELECT coalesce(customer_id, 0) FROM leads WHERE id = ?1", &st))
		return 0;
	sqlite3_bind_int64(st, 1, lead);
	if (sqlite3_step(st) == SQLITE_ROW)
		customer = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return customer;
}

static credo_status insert_visit(credo_db *db, const credo_visit_new *given, int64_t *id_out)
{
	credo_visit_new attached = *given;
	const credo_visit_new *in = &attached;
	if (!given->customer_id && (attached.customer_id = converted_customer(db, given->lead_id)))
		attached.lead_id = 0;
	char today[CREDO_DATE_BUFSZ];
	const char *date = in->date && *in->date ? in->date : credo_date_format(credo_today(), today, sizeof today);
	credo_status rc = validate(db, in, date);
	if (rc)
		return rc;
	credo_date day;
	credo_date_parse(date, &day, NULL);
	char iso[CREDO_DATE_BUFSZ], now[21];
	credo_date_format(day, iso, sizeof iso);	/* stored canonical, without blanks */
	credo__now(now);
	sqlite3_stmt *st;
	rc = credo__prepare(db, "INSERT INTO visits(customer_id, lead_id, contact_id, visit_date, kind, planned,"
			    " plan_date, purpose, findings, outcome, next_step, next_date, user_id, created_at)"
			    " VALUES (nullif(?1, 0), nullif(?2, 0), nullif(?3, 0), ?4, ?5, ?6,"
			    " CASE WHEN ?6 THEN ?4 END, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, in->customer_id);
	sqlite3_bind_int64(st, 2, in->lead_id);
	sqlite3_bind_int64(st, 3, in->contact_id);
	sqlite3_bind_text(st, 4, iso, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, in->kind && *in->kind ? in->kind : "visit", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, in->planned ? 1 : 0);
	const char *texts[] = { in->purpose, in->findings, in->outcome, in->next_step };
	for (int i = 0; i < 4; i++)
		sqlite3_bind_text(st, 7 + i, texts[i] ? texts[i] : "", -1, SQLITE_STATIC);
	char next[CREDO_DATE_BUFSZ] = "";
	credo_date nd;
	if (in->next_date && *in->next_date && credo_date_parse(in->next_date, &nd, NULL) == CREDO_OK)
		credo_date_format(nd, next, sizeof next);
	credo__bind_text_or_null(st, 11, next);
	sqlite3_bind_int64(st, 12, db->actor.id);
	sqlite3_bind_text(st, 13, now, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = credo__dberr(db, "logging a visit");
	sqlite3_finalize(st);
	if (rc)
		return rc;
	int64_t id = sqlite3_last_insert_rowid(db->sql);
	char *after = credo__snapshot(db, SNAP_VISIT, id);
	rc = credo__audit(db, "visits", id, "create", NULL, after);
	free(after);
	if (rc == CREDO_OK && id_out)
		*id_out = id;
	return rc;
}

credo_status credo_visit_add(credo_db *db, const credo_visit_new *in, int64_t *id_out)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_VISIT_LOG);
	if (rc)
		return rc;
	return credo__mut_end(db, insert_visit(db, in, id_out));
}

static credo_status complete_visit(credo_db *db, int64_t id, const char *date, const char *findings,
				   const char *outcome, const char *next_step, const char *next_date)
{
	if (!exists_in_scope(db, "SELECT 1" VISIT_FROM " WHERE" VISIT_SCOPE " AND v.id = ?3 AND v.planned = 1", id))
		return credo__fail(db, CREDO_NOTFOUND, "no planned visit #%lld", (long long)id);
	char today[CREDO_DATE_BUFSZ];
	if (!date || !*date)
		date = credo_date_format(credo_today(), today, sizeof today);
	credo_status rc = check_text(db, "findings", findings);
	if (rc == CREDO_OK)
		rc = check_text(db, "outcome", outcome);
	if (rc == CREDO_OK)
		rc = check_text(db, "next step", next_step);
	if (rc == CREDO_OK)
		rc = check_substance(db, date, findings, outcome, next_date);
	if (rc)
		return rc;
	char *before = credo__snapshot(db, SNAP_VISIT, id);
	sqlite3_stmt *st;
	rc = credo__prepare(db, "UPDATE visits SET planned = 0, visit_date = ?2, findings = coalesce(?3, findings),"
			    " outcome = coalesce(?4, outcome), next_step = coalesce(?5, next_step),"
			    " next_date = coalesce(?6, next_date) WHERE id = ?1", &st);
	if (rc == CREDO_OK) {
		credo_date d;
		char iso[CREDO_DATE_BUFSZ], next[CREDO_DATE_BUFSZ] = "";
		credo_date_parse(date, &d, NULL);
		credo_date_format(d, iso, sizeof iso);
		if (next_date && *next_date && credo_date_parse(next_date, &d, NULL) == CREDO_OK)
			credo_date_format(d, next, sizeof next);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, iso, -1, SQLITE_TRANSIENT);
		credo__bind_text_or_null(st, 3, findings);
		credo__bind_text_or_null(st, 4, outcome);
		credo__bind_text_or_null(st, 5, next_step);
		credo__bind_text_or_null(st, 6, next);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = credo__dberr(db, "completing a visit");
		sqlite3_finalize(st);
	}
	if (rc == CREDO_OK) {
		char *after = credo__snapshot(db, SNAP_VISIT, id);
		rc = credo__audit(db, "visits", id, "done", before, after);
		free(after);
	}
	free(before);
	return rc;
}

credo_status credo_visit_done(credo_db *db, int64_t id, const char *date, const char *findings,
			      const char *outcome, const char *next_step, const char *next_date)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_VISIT_LOG);
	if (rc)
		return rc;
	return credo__mut_end(db, complete_visit(db, id, date, findings, outcome, next_step, next_date));
}

/* Bind an optional date filter, refusing anything that is not a date. */
static credo_status bind_date(credo_db *db, sqlite3_stmt *st, int i, const char *field, const char *text)
{
	if (!text || !*text)
		return CREDO_OK;
	credo_date d;
	char iso[CREDO_DATE_BUFSZ];
	credo_status rc = parse_date(db, field, text, &d);
	if (rc == CREDO_OK)
		sqlite3_bind_text(st, i, credo_date_format(d, iso, sizeof iso), -1, SQLITE_TRANSIENT);
	return rc;
}

credo_status credo_visit_list(credo_db *db, const credo_visit_filter *f, credo_visit_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT " VISIT_COLS VISIT_FROM " WHERE" VISIT_SCOPE
					 " AND (?3 = 0 OR v.customer_id = ?3) AND (?4 = 0 OR v.lead_id = ?4)"
					 " AND (?5 IS NULL OR u.login = ?5) AND (?6 IS NULL OR v.visit_date >= ?6)"
					 " AND (?7 IS NULL OR v.visit_date <= ?7)"
					 " ORDER BY v.visit_date DESC, v.id DESC LIMIT ?8", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	sqlite3_bind_int64(st, 3, f ? f->customer_id : 0);
	sqlite3_bind_int64(st, 4, f ? f->lead_id : 0);
	credo__bind_text_or_null(st, 5, f ? f->user_login : NULL);
	rc = bind_date(db, st, 6, "from date", f ? f->from : NULL);
	if (rc == CREDO_OK)
		rc = bind_date(db, st, 7, "to date", f ? f->to : NULL);
	if (rc) {
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_bind_int(st, 8, f && f->limit > 0 ? f->limit : -1);
	return stream(db, st, cb, ctx);
}

/*
 * A follow-up is open while no later visit to the same customer or lead has
 * taken place on or after its next date.
 */
#define FOLLOWUP_OPEN \
	" NOT EXISTS (SELECT 1 FROM visits w WHERE w.planned = 0 AND w.id <> v.id" \
	" AND w.visit_date >= v.next_date AND (w.customer_id = v.customer_id OR w.lead_id = v.lead_id))"

credo_status credo_visit_due(credo_db *db, const char *date, credo_visit_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT " VISIT_COLS VISIT_FROM " WHERE" VISIT_SCOPE
					 " AND ((v.planned = 1 AND v.visit_date <= ?3)"
					 " OR (v.planned = 0 AND v.next_date <= ?3 AND" FOLLOWUP_OPEN "))"
					 " ORDER BY CASE WHEN v.planned THEN v.visit_date ELSE v.next_date END, v.id", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	char today[CREDO_DATE_BUFSZ];
	rc = bind_date(db, st, 3, "date", date && *date ? date : credo_date_format(credo_today(), today, sizeof today));
	if (rc) {
		sqlite3_finalize(st);
		return rc;
	}
	return stream(db, st, cb, ctx);
}

credo_status credo_visit_daily(credo_db *db, const char *date, credo_visit_day_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	sqlite3_stmt *st;
	/* planned: plans for the day and follow-ups falling on it; done: visits that took place. */
	credo_status rc = credo__prepare(db,
		"SELECT u.login, u.name,"
		" (SELECT count(*) FROM visits v WHERE v.user_id = u.id AND v.plan_date = ?3)"
		" + (SELECT count(*) FROM visits v WHERE v.user_id = u.id AND v.planned = 0 AND v.next_date = ?3),"
		" (SELECT count(*) FROM visits v WHERE v.user_id = u.id AND v.planned = 0 AND v.visit_date = ?3),"
		" (SELECT count(*) FROM visits v WHERE v.user_id = u.id AND v.plan_date = ?3 AND v.planned = 0"
		"   AND v.visit_date = ?3)"
		" + (SELECT count(*) FROM visits v WHERE v.user_id = u.id AND v.planned = 0 AND v.next_date = ?3"
		"   AND EXISTS (SELECT 1 FROM visits w WHERE w.user_id = u.id AND w.planned = 0 AND w.id <> v.id"
		"   AND w.visit_date = ?3 AND (w.customer_id = v.customer_id OR w.lead_id = v.lead_id)))"
		" FROM users u WHERE u.active = 1 AND u.role IN ('sales', 'sales_manager') AND (?1 OR u.id = ?2)"
		" ORDER BY u.login", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	char today[CREDO_DATE_BUFSZ];
	rc = bind_date(db, st, 3, "date", date && *date ? date : credo_date_format(credo_today(), today, sizeof today));
	if (rc) {
		sqlite3_finalize(st);
		return rc;
	}
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_visit_day d = {
			.login = credo__col_text(st, 0), .name = credo__col_text(st, 1),
			.planned = sqlite3_column_int(st, 2), .done = sqlite3_column_int(st, 3),
			.done_planned = sqlite3_column_int(st, 4),
		};
		if (cb(&d, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "reading the daily report");
	sqlite3_finalize(st);
	return rc;
}
