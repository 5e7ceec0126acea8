/* complaint.c - complaints and disputes: record, work, close, list, and count for the credit model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char SNAP_COMPLAINT[] =
	"SELECT json_object('customer_id', customer_id, 'complaint_date', complaint_date, 'kind', kind,"
	" 'reasonable', reasonable, 'is_dispute', is_dispute, 'assigned_to', assigned_to, 'status', status,"
	" 'description', description, 'resolution', resolution, 'root_cause', root_cause,"
	" 'closed_date', closed_date) FROM complaints WHERE id = ?1";

/*
 * A complaint is in a salesperson's scope when its customer is: ?1 is
 * "may read all", ?2 the actor. Every read of complaints carries it.
 */
#define COMPLAINT_SCOPE " (?1 OR c.owner_id = ?2)"
#define COMPLAINT_COLS \
	"m.id, m.customer_id, c.code, c.name, m.complaint_date, m.kind, coalesce(m.reasonable, -1)," \
	" m.is_dispute, coalesce(a.login, ''), m.status, m.description, m.resolution, m.root_cause," \
	" coalesce(m.closed_date, '')"
#define COMPLAINT_FROM \
	" FROM complaints m JOIN customers c ON c.id = m.customer_id LEFT JOIN users a ON a.id = m.assigned_to"

static const char *const complaint_kinds[] = { "quality", "service", "delivery", "billing" };
/* What credo_complaint_update may set; closed is reached only through credo_complaint_close. */
static const char *const working_statuses[] = { "open", "in_progress", "resolved" };

static int nop_customer(const credo_customer *c, void *ctx)
{
	(void)c;
	(void)ctx;
	return 0;
}

static int one_of(const char *s, const char *const *set, size_t n)
{
	for (size_t i = 0; s && i < n; i++)
		if (strcmp(s, set[i]) == 0)
			return 1;
	return 0;
}

/* A text field: at most max bytes of UTF-8 without control characters; a story may run over lines. */
static credo_status check_text(credo_db *db, const char *field, const char *v, size_t max, int required)
{
	if (!v || !*v)
		return required ? credo__fail(db, CREDO_INVALID, "complaint %s is required", field) : CREDO_OK;
	if (strlen(v) > max || !credo__text_ok(v, 1))
		return credo__fail(db, CREDO_INVALID, "complaint %s must be at most %zu bytes of text"
				   " without control characters", field, max);
	return CREDO_OK;
}

/* A date of the complaint's life: NULL or "" means today, and it cannot be after today. */
static credo_status past_date(credo_db *db, const char *field, const char *text, char out[CREDO_DATE_BUFSZ])
{
	credo_date today = credo_today(), d = today;
	const char *why;
	if (text && *text && credo_date_parse(text, &d, &why) != CREDO_OK)
		return credo__fail(db, CREDO_INVALID, "complaint %s \"%s\": %s", field, text, why);
	credo_date_format(d, out, CREDO_DATE_BUFSZ);
	if (d > today) {
		char t[CREDO_DATE_BUFSZ];
		return credo__fail(db, CREDO_INVALID, "complaint %s %s is in the future (today is %s)", field, out,
				   credo_date_format(today, t, sizeof t));
	}
	return CREDO_OK;
}

/* The handler must be an active user who handles complaints. */
static credo_status resolve_assignee(credo_db *db, const char *login, int64_t *user)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT id, role FROM users WHERE login = ?1 AND active = 1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	credo_role role = CREDO_ROLE_COUNT;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*user = sqlite3_column_int64(st, 0);
		credo_role_parse(credo__col_text(st, 1), &role);
	}
	sqlite3_finalize(st);
	if (role == CREDO_ROLE_COUNT)
		return credo__fail(db, CREDO_INVALID, "complaint handler %s is not an active user", login);
	if (!credo_role_can(role, CREDO_PERM_COMPLAINT))
		return credo__fail(db, CREDO_INVALID, "complaint handler %s is %s, who does not handle complaints",
				   login, credo_role_label(role));
	return CREDO_OK;
}

/* Audit complaint id with before (may be NULL) and its snapshot now as after. */
static credo_status audit_complaint(credo_db *db, int64_t id, const char *action, const char *before)
{
	char *after = credo__snapshot(db, SNAP_COMPLAINT, id);
	credo_status rc = credo__audit(db, "complaints", id, action, before, after);
	free(after);
	return rc;
}

static credo_status validate_new(credo_db *db, const credo_complaint_new *in, char date[CREDO_DATE_BUFSZ],
				 int64_t *assignee)
{
	/* A customer outside the scope must look exactly like a missing one. */
	credo_status rc = credo_customer_get(db, in->customer_id, nop_customer, NULL);
	if (rc == CREDO_OK)
		rc = past_date(db, "date", in->date, date);
	if (rc == CREDO_OK && !one_of(in->kind, complaint_kinds, sizeof complaint_kinds / sizeof complaint_kinds[0]))
		rc = credo__fail(db, CREDO_INVALID, "complaint kind must be quality, service, delivery or billing");
	if (rc == CREDO_OK)
		rc = check_text(db, "description", in->description, 2000, 1);
	if (rc == CREDO_OK && in->is_dispute != 0 && in->is_dispute != 1)
		rc = credo__fail(db, CREDO_INVALID, "complaint dispute flag must be 0 or 1");
	if (rc == CREDO_OK && in->assigned_login && *in->assigned_login)
		rc = resolve_assignee(db, in->assigned_login, assignee);
	return rc;
}

static credo_status insert_complaint(credo_db *db, const credo_complaint_new *in, int64_t *id_out)
{
	char date[CREDO_DATE_BUFSZ];
	int64_t assignee = 0;
	credo_status rc = validate_new(db, in, date, &assignee);
	sqlite3_stmt *st;
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "INSERT INTO complaints(customer_id, complaint_date, kind, is_dispute,"
				    " assigned_to, description) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, in->customer_id);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, in->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, in->is_dispute);
	if (assignee)
		sqlite3_bind_int64(st, 5, assignee);
	sqlite3_bind_text(st, 6, in->description, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = credo__dberr(db, "adding a complaint");
	sqlite3_finalize(st);
	if (rc)
		return rc;
	int64_t id = sqlite3_last_insert_rowid(db->sql);
	rc = audit_complaint(db, id, "create", NULL);
	if (rc == CREDO_OK && id_out)
		*id_out = id;
	return rc;
}

credo_status credo_complaint_add(credo_db *db, const credo_complaint_new *in, int64_t *id_out)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_COMPLAINT);
	if (rc)
		return rc;
	return credo__mut_end(db, insert_complaint(db, in, id_out));
}

/* An open (not closed) complaint in scope, with its date if wanted; a closed one is settled (CREDO_RULE). */
static credo_status open_complaint(credo_db *db, int64_t id, char date[CREDO_DATE_BUFSZ])
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT m.status, m.complaint_date" COMPLAINT_FROM
					 " WHERE" COMPLAINT_SCOPE " AND m.id = ?3", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	sqlite3_bind_int64(st, 3, id);
	if (sqlite3_step(st) != SQLITE_ROW)
		rc = credo__fail(db, CREDO_NOTFOUND, "complaint #%lld not found", (long long)id);
	else if (strcmp(credo__col_text(st, 0), "closed") == 0)
		rc = credo__fail(db, CREDO_RULE, "complaint #%lld is closed: a closed complaint cannot change",
				 (long long)id);
	else if (date)
		snprintf(date, CREDO_DATE_BUFSZ, "%s", credo__col_text(st, 1));
	sqlite3_finalize(st);
	return rc;
}

/* Run upd (?1 = id) on a complaint and audit it with before and after snapshots. */
static credo_status audited_update(credo_db *db, int64_t id, sqlite3_stmt *upd, const char *action)
{
	char *before = credo__snapshot(db, SNAP_COMPLAINT, id);
	credo_status rc = CREDO_OK;
	sqlite3_bind_int64(upd, 1, id);
	if (sqlite3_step(upd) != SQLITE_DONE)
		rc = credo__dberr(db, "changing a complaint");
	sqlite3_finalize(upd);
	if (rc == CREDO_OK)
		rc = audit_complaint(db, id, action, before);
	free(before);
	return rc;
}

static credo_status update_complaint(credo_db *db, int64_t id, const char *assigned_login, const char *status,
				     int reasonable)
{
	int64_t assignee = 0;
	credo_status rc = open_complaint(db, id, NULL);
	if (rc)
		return rc;
	if (!assigned_login && !status && reasonable == -1)
		return credo__fail(db, CREDO_INVALID, "nothing to change: give a handler, a status or a judgement");
	if (status && strcmp(status, "closed") == 0)
		return credo__fail(db, CREDO_RULE, "a complaint is closed only with a resolution (complaint close)");
	if (status && !one_of(status, working_statuses, sizeof working_statuses / sizeof working_statuses[0]))
		return credo__fail(db, CREDO_INVALID, "complaint status must be open, in_progress or resolved");
	if (reasonable < -1 || reasonable > 1)
		return credo__fail(db, CREDO_INVALID, "complaint reasonable must be 1 (yes) or 0 (no)");
	if (assigned_login && *assigned_login)
		rc = resolve_assignee(db, assigned_login, &assignee);
	sqlite3_stmt *st;
	/* ?2: NULL keeps the handler, 0 clears it ("" given); ?3 and ?4 NULL keep theirs. */
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "UPDATE complaints SET"
				    " assigned_to = CASE WHEN ?2 IS NULL THEN assigned_to WHEN ?2 = 0 THEN NULL ELSE ?2 END,"
				    " status = coalesce(?3, status), reasonable = coalesce(?4, reasonable) WHERE id = ?1",
				    &st);
	if (rc)
		return rc;
	if (assigned_login)
		sqlite3_bind_int64(st, 2, assignee);
	credo__bind_text_or_null(st, 3, status);
	if (reasonable != -1)
		sqlite3_bind_int(st, 4, reasonable);
	return audited_update(db, id, st, "update");
}

credo_status credo_complaint_update(credo_db *db, int64_t id, const char *assigned_login,
				    const char *status, int reasonable)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_COMPLAINT);
	if (rc)
		return rc;
	return credo__mut_end(db, update_complaint(db, id, assigned_login, status, reasonable));
}

static credo_status close_complaint(credo_db *db, int64_t id, const char *resolution, const char *root_cause,
				    int reasonable, const char *date)
{
	char opened[CREDO_DATE_BUFSZ], closed[CREDO_DATE_BUFSZ];
	credo_status rc = open_complaint(db, id, opened);
	if (rc == CREDO_OK)
		rc = check_text(db, "resolution", resolution, 2000, 1);
	if (rc == CREDO_OK)
		rc = check_text(db, "root cause", root_cause, 1000, 0);
	if (rc == CREDO_OK && reasonable != 0 && reasonable != 1)
		rc = credo__fail(db, CREDO_INVALID, "closing a complaint needs the judgement reasonable 1 (yes)"
				 " or 0 (no): the credit model counts it");
	if (rc == CREDO_OK)
		rc = past_date(db, "closing date", date, closed);
	if (rc == CREDO_OK && strcmp(closed, opened) < 0)	/* ISO dates order as text */
		rc = credo__fail(db, CREDO_RULE, "complaint #%lld cannot close on %s, before it was made on %s",
				 (long long)id, closed, opened);
	sqlite3_stmt *st;
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "UPDATE complaints SET status = 'closed', closed_date = ?2, resolution = ?3,"
				    " root_cause = ?4, reasonable = ?5 WHERE id = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 2, closed, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, resolution, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, root_cause ? root_cause : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, reasonable);
	return audited_update(db, id, st, "close");
}

credo_status credo_complaint_close(credo_db *db, int64_t id, const char *resolution,
				   const char *root_cause, int reasonable, const char *date)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_COMPLAINT);
	if (rc)
		return rc;
	return credo__mut_end(db, close_complaint(db, id, resolution, root_cause, reasonable, date));
}

credo_status credo_complaint_list(credo_db *db, const credo_complaint_filter *f,
				  credo_complaint_cb cb, void *ctx)
{
	static const credo_complaint_filter none = { 0 };
	if (!f)
		f = &none;
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT " COMPLAINT_COLS COMPLAINT_FROM " WHERE" COMPLAINT_SCOPE
					 " AND (?3 = 0 OR m.customer_id = ?3) AND (?4 = 0 OR m.status <> 'closed')"
					 " ORDER BY m.complaint_date DESC, m.id DESC LIMIT ?5", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	sqlite3_bind_int64(st, 3, f->customer_id);
	sqlite3_bind_int(st, 4, f->open_only != 0);
	sqlite3_bind_int(st, 5, f->limit > 0 ? f->limit : -1);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_complaint m = {
			.id = sqlite3_column_int64(st, 0),
			.customer_id = sqlite3_column_int64(st, 1),
			.customer_code = credo__col_text(st, 2),
			.customer_name = credo__col_text(st, 3),
			.date = credo__col_text(st, 4),
			.kind = credo__col_text(st, 5),
			.reasonable = sqlite3_column_int(st, 6),
			.is_dispute = sqlite3_column_int(st, 7),
			.assigned_login = credo__col_text(st, 8),
			.status = credo__col_text(st, 9),
			.description = credo__col_text(st, 10),
			.resolution = credo__col_text(st, 11),
			.root_cause = credo__col_text(st, 12),
			.closed_date = credo__col_text(st, 13),
		};
		if (cb(&m, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "listing complaints");
	sqlite3_finalize(st);
	return rc;
}

/* An optional bound of the counting window, normalised to ISO text ("" when absent). */
static credo_status window_bound(credo_db *db, const char *what, const char *text, char out[CREDO_DATE_BUFSZ])
{
	out[0] = '\0';
	if (!text || !*text)
		return CREDO_OK;
	credo_date d;
	const char *why;
	if (credo_date_parse(text, &d, &why) != CREDO_OK)
		return credo__fail(db, CREDO_INVALID, "complaint count %s date \"%s\": %s", what, text, why);
	credo_date_format(d, out, CREDO_DATE_BUFSZ);
	return CREDO_OK;
}

credo_status credo_complaint_count(credo_db *db, int64_t customer_id, const char *from, const char *to,
				   int64_t *total, int64_t *counted)
{
	char lo[CREDO_DATE_BUFSZ], hi[CREDO_DATE_BUFSZ];
	credo_status rc = credo_customer_get(db, customer_id, nop_customer, NULL);
	if (rc == CREDO_OK)
		rc = window_bound(db, "from", from, lo);
	if (rc == CREDO_OK)
		rc = window_bound(db, "to", to, hi);
	sqlite3_stmt *st;
	/* Seed 000 section 1: what counts against a customer is a justified complaint or a dispute. */
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "SELECT count(*), coalesce(sum(coalesce(reasonable, 0) = 1 OR is_dispute = 1), 0)"
				    " FROM complaints WHERE customer_id = ?1"
				    " AND (?2 IS NULL OR complaint_date >= ?2) AND (?3 IS NULL OR complaint_date <= ?3)",
				    &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, customer_id);
	credo__bind_text_or_null(st, 2, lo);
	credo__bind_text_or_null(st, 3, hi);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*total = sqlite3_column_int64(st, 0);
		*counted = sqlite3_column_int64(st, 1);
	} else {
		rc = credo__dberr(db, "counting complaints");
	}
	sqlite3_finalize(st);
	return rc;
}
