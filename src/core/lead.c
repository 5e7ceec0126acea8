/* lead.c - leads: add, move along, convert into a customer, list within the scope. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char SNAP_LEAD[] =
	"SELECT json_object('code', code, 'company', company, 'contact_name', contact_name,"
	" 'phone', phone, 'email', email, 'source', source, 'status', status, 'owner_id', owner_id,"
	" 'customer_id', customer_id, 'notes', notes) FROM leads WHERE id = ?1";

static const char SNAP_VISIT_LINK[] =
	"SELECT json_object('customer_id', customer_id, 'lead_id', lead_id) FROM visits WHERE id = ?1";

/*
 * A salesperson sees the leads it owns, everyone else all of them:
 * ?1 is "may read all", ?2 the actor. Every read of leads carries it.
 * last_activity counts visits that took place, not plans for later.
 */
#define LEAD_SCOPE " (?1 OR l.owner_id = ?2)"
#define LEAD_COLS \
	"l.id, l.code, l.company, l.contact_name, l.phone, l.email, l.source, l.status, u.login, u.name," \
	" coalesce(l.customer_id, 0), coalesce(c.code, ''), l.notes, l.created_at," \
	" coalesce((SELECT max(v.visit_date) FROM visits v WHERE v.lead_id = l.id AND v.planned = 0), '')"
#define LEAD_FROM \
	" FROM leads l JOIN users u ON u.id = l.owner_id LEFT JOIN customers c ON c.id = l.customer_id"

static const char *const lead_statuses[] = { "new", "contacted", "qualified", "converted", "lost" };

/* The longest a text field may be, in bytes; notes leave room for the conversion note on the customer. */
#define LEAD_NOTES_MAX 2000

static int known_status(const char *s)
{
	for (size_t i = 0; i < sizeof lead_statuses / sizeof lead_statuses[0]; i++)
		if (strcmp(s, lead_statuses[i]) == 0)
			return 1;
	return 0;
}

/* Bind "%text%" for LIKE with %, _ and \ escaped; NULL for no search. */
static credo_status bind_search(credo_db *db, sqlite3_stmt *st, int i, const char *q)
{
	if (!q || !*q)
		return sqlite3_bind_null(st, i) == SQLITE_OK ? CREDO_OK : credo__dberr(db, "searching");
	size_t n = strlen(q);
	char *pat = malloc(2 * n + 3);
	if (!pat)
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	char *o = pat;
	*o++ = '%';
	for (const char *p = q; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			*o++ = '\\';
		*o++ = *p;
	}
	*o++ = '%';
	*o = '\0';
	sqlite3_bind_text(st, i, pat, -1, free);
	return CREDO_OK;
}

static void lead_from(sqlite3_stmt *st, credo_lead *l)
{
	int i = 0;
	l->id = sqlite3_column_int64(st, i++);
	l->code = credo__col_text(st, i++);
	l->company = credo__col_text(st, i++);
	l->contact_name = credo__col_text(st, i++);
	l->phone = credo__col_text(st, i++);
	l->email = credo__col_text(st, i++);
	l->source = credo__col_text(st, i++);
	l->status = credo__col_text(st, i++);
	l->owner_login = credo__col_text(st, i++);
	l->owner_name = credo__col_text(st, i++);
	l->customer_id = sqlite3_column_int64(st, i++);
	l->customer_code = credo__col_text(st, i++);
	l->notes = credo__col_text(st, i++);
	l->created_at = credo__col_text(st, i++);
	l->last_activity = credo__col_text(st, i++);
}

/* Stream st's rows to cb and finalize it; CREDO_NOTFOUND (with missing) when want_one finds nothing. */
static credo_status step_leads(credo_db *db, sqlite3_stmt *st, credo_lead_cb cb, void *ctx,
			       const char *what, const char *missing)
{
	credo_status rc = CREDO_OK;
	int r, rows = 0;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_lead l;
		lead_from(st, &l);
		rows++;
		if (cb(&l, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, what);
	sqlite3_finalize(st);
	if (rc == CREDO_OK && missing && rows == 0)
		rc = credo__fail(db, CREDO_NOTFOUND, "%s", missing);
	return rc;
}

enum { TEXT_REQUIRED = 1, TEXT_MULTILINE = 2 };

/* A text field: at most max bytes of UTF-8 without control characters (line breaks only when multiline). */
static credo_status check_text(credo_db *db, const char *field, const char *v, size_t max, unsigned flags)
{
	if (!v || !*v)
		return flags & TEXT_REQUIRED ? credo__fail(db, CREDO_INVALID, "lead %s is required", field) : CREDO_OK;
	if (strlen(v) > max || !credo__text_ok(v, (flags & TEXT_MULTILINE) != 0))
		return credo__fail(db, CREDO_INVALID, "lead %s must be at most %zu bytes of text"
				   " without control characters%s", field, max,
				   flags & TEXT_MULTILINE ? "" : " or line breaks");
	return CREDO_OK;
}

static credo_status validate_lead(credo_db *db, const credo_lead_new *in)
{
	const struct {
		const char *field;
		const char *value;
		size_t max;
		unsigned flags;
	} fields[] = {
		{ "company", in->company, 200, TEXT_REQUIRED }, { "contact", in->contact_name, 100, 0 },
		{ "phone", in->phone, 50, 0 }, { "email", in->email, 100, 0 }, { "source", in->source, 100, 0 },
		{ "notes", in->notes, LEAD_NOTES_MAX, TEXT_MULTILINE },
	};
	credo_status rc = CREDO_OK;
	for (size_t i = 0; rc == CREDO_OK && i < sizeof fields / sizeof fields[0]; i++)
		rc = check_text(db, fields[i].field, fields[i].value, fields[i].max, fields[i].flags);
	if (rc == CREDO_OK && in->email && *in->email) {
		const char *at = strchr(in->email, '@');
		if (!at || at == in->email || !at[1] || strchr(at + 1, '@') || strchr(in->email, ' '))
			rc = credo__fail(db, CREDO_INVALID, "lead email \"%s\" must look like name@example.com",
					 in->email);
	}
	return rc;
}

/*
 * The owner must be an active user who works leads; a salesperson may only
 * own leads itself (its scope would hide the lead from it otherwise).
 */
static credo_status resolve_owner(credo_db *db, const char *login, int64_t *owner)
{
	if (!login || !*login) {
		*owner = db->actor.id;	/* SALES_ACTIVITY was required: the actor sells */
		return CREDO_OK;
	}
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT id, role FROM users WHERE login = ?1 AND active = 1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	credo_role role = CREDO_ROLE_COUNT;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*owner = sqlite3_column_int64(st, 0);
		credo_role_parse(credo__col_text(st, 1), &role);
	}
	sqlite3_finalize(st);
	if (role == CREDO_ROLE_COUNT)
		return credo__fail(db, CREDO_INVALID, "lead owner %s is not an active user", login);
	if (!credo_role_can(role, CREDO_PERM_SALES_ACTIVITY))
		return credo__fail(db, CREDO_INVALID, "lead owner %s is not a salesperson", login);
	if (db->actor.role == CREDO_ROLE_SALES && *owner != db->actor.id)
		return credo__fail(db, CREDO_PERM, "permission denied: a salesperson adds leads for itself,"
				   " not for %s", login);
	return CREDO_OK;
}

static credo_status code_taken(credo_db *db, const char *code, int *taken)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT 1 FROM leads WHERE code = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	*taken = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return CREDO_OK;
}

/* Audit one row of table with before (may be NULL) and the row's snapshot now as after. */
static credo_status audit_row(credo_db *db, const char *table, const char *snap, int64_t id,
			      const char *action, const char *before)
{
	char *after = credo__snapshot(db, snap, id);
	credo_status rc = credo__audit(db, table, id, action, before, after);
	free(after);
	return rc;
}

static credo_status insert_lead(credo_db *db, const credo_lead_new *in, int64_t *id_out)
{
	int64_t owner = 0;
	credo_status rc = validate_lead(db, in);
	if (rc == CREDO_OK)
		rc = resolve_owner(db, in->owner_login, &owner);
	if (rc)
		return rc;
	char code[40];
	int taken = 0;
	/* A code someone typed by hand may sit where the sequence goes next: skip it. */
	do
		rc = credo__next_code(db, "lead", code, sizeof code);
	while (rc == CREDO_OK && (rc = code_taken(db, code, &taken)) == CREDO_OK && taken);
	if (rc)
		return rc;

	char now[21];
	credo__now(now);
	sqlite3_stmt *st;
	rc = credo__prepare(db, "INSERT INTO leads(code, company, contact_name, phone, email, source,"
			    " owner_id, notes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &st);
	if (rc)
		return rc;
	const char *text[] = { code, in->company, in->contact_name, in->phone, in->email, in->source };
	for (int i = 0; i < 6; i++)
		sqlite3_bind_text(st, i + 1, text[i] ? text[i] : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, owner);
	sqlite3_bind_text(st, 8, in->notes ? in->notes : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, now, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = credo__dberr(db, "adding a lead");
	sqlite3_finalize(st);
	if (rc)
		return rc;
	int64_t id = sqlite3_last_insert_rowid(db->sql);
	rc = audit_row(db, "leads", SNAP_LEAD, id, "create", NULL);
	if (rc == CREDO_OK && id_out)
		*id_out = id;
	return rc;
}

credo_status credo_lead_add(credo_db *db, const credo_lead_new *in, int64_t *id_out)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_SALES_ACTIVITY);
	if (rc)
		return rc;
	return credo__mut_end(db, insert_lead(db, in, id_out));
}

/* What a change needs to know of a lead in scope: its code and status. */
struct lead_state {
	char code[40];
	char status[16];
};

static credo_status lead_state(credo_db *db, int64_t id, struct lead_state *s)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT l.code, l.status FROM leads l WHERE" LEAD_SCOPE
					 " AND l.id = ?3", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	sqlite3_bind_int64(st, 3, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(s->code, sizeof s->code, "%s", credo__col_text(st, 0));
		snprintf(s->status, sizeof s->status, "%s", credo__col_text(st, 1));
	} else {
		rc = credo__fail(db, CREDO_NOTFOUND, "lead #%lld not found", (long long)id);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Run upd (binding ?1 = id) on a lead and audit it with before and after snapshots. */
static credo_status audited_update(credo_db *db, int64_t id, sqlite3_stmt *upd, const char *action)
{
	char *before = credo__snapshot(db, SNAP_LEAD, id);
	credo_status rc = CREDO_OK;
	sqlite3_bind_int64(upd, 1, id);
	if (sqlite3_step(upd) != SQLITE_DONE)
		rc = credo__dberr(db, "changing a lead");
	sqlite3_finalize(upd);
	if (rc == CREDO_OK)
		rc = audit_row(db, "leads", SNAP_LEAD, id, action, before);
	free(before);
	return rc;
}

static credo_status set_status(credo_db *db, int64_t id, const char *status)
{
	struct lead_state s;
	credo_status rc = lead_state(db, id, &s);
	if (rc)
		return rc;
	if (!status || !known_status(status))
		return credo__fail(db, CREDO_INVALID, "lead status must be new, contacted, qualified or lost");
	if (strcmp(status, "converted") == 0)
		return credo__fail(db, CREDO_RULE, "a lead becomes converted only by converting it into a customer");
	if (strcmp(s.status, "converted") == 0)
		return credo__fail(db, CREDO_RULE, "lead %s is converted: a converted lead is final", s.code);
	if (strcmp(s.status, status) == 0)
		return credo__fail(db, CREDO_RULE, "lead %s is already %s", s.code, status);
	sqlite3_stmt *st;
	rc = credo__prepare(db, "UPDATE leads SET status = ?2 WHERE id = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
	return audited_update(db, id, st, "set_status");
}

credo_status credo_lead_set_status(credo_db *db, int64_t id, const char *status)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_SALES_ACTIVITY);
	if (rc)
		return rc;
	return credo__mut_end(db, set_status(db, id, status));
}

/* A lead's fields copied out of the row, for building the customer from it. */
struct lead_copy {
	char *code, *company, *contact, *phone, *email, *source, *notes, *owner;
	int failed;
};

static char *dup_or_fail(struct lead_copy *c, const char *s)
{
	char *d = strdup(s);
	if (!d)
		c->failed = 1;
	return d;
}

static int copy_lead(const credo_lead *l, void *ctx)
{
	struct lead_copy *c = ctx;
	c->code = dup_or_fail(c, l->code);
	c->company = dup_or_fail(c, l->company);
	c->contact = dup_or_fail(c, l->contact_name);
	c->phone = dup_or_fail(c, l->phone);
	c->email = dup_or_fail(c, l->email);
	c->source = dup_or_fail(c, l->source);
	c->notes = dup_or_fail(c, l->notes);
	c->owner = dup_or_fail(c, l->owner_login);
	return 0;
}

static void lead_copy_free(struct lead_copy *c)
{
	char *all[] = { c->code, c->company, c->contact, c->phone, c->email, c->source, c->notes, c->owner };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		free(all[i]);
}

/* The customer's notes keep where it came from, since customers have no source column. */
static char *conversion_note(const struct lead_copy *c)
{
	static const char fmt[] = "From lead %s%s%s.%s%s";
	const char *src_sep = *c->source ? ", source: " : "";
	const char *note_sep = *c->notes ? " " : "";
	int n = snprintf(NULL, 0, fmt, c->code, src_sep, c->source, note_sep, c->notes);
	char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (s)
		snprintf(s, (size_t)n + 1, fmt, c->code, src_sep, c->source, note_sep, c->notes);
	return s;
}

/* Point the lead's visits at the customer, one audited row at a time. */
static credo_status attach_visits(credo_db *db, int64_t lead, int64_t customer)
{
	sqlite3_stmt *next = NULL, *upd = NULL;
	credo_status rc = credo__prepare(db, "SELECT id FROM visits WHERE lead_id = ?1 AND customer_id IS NULL"
					 " ORDER BY id LIMIT 1", &next);
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "UPDATE visits SET customer_id = ?2 WHERE id = ?1", &upd);
	if (rc == CREDO_OK) {
		sqlite3_bind_int64(next, 1, lead);
		sqlite3_bind_int64(upd, 2, customer);
	}
	while (rc == CREDO_OK) {
		int r = sqlite3_step(next);
		if (r == SQLITE_DONE)
			break;
		if (r != SQLITE_ROW) {
			rc = credo__dberr(db, "reading the lead's visits");
			break;
		}
		int64_t visit = sqlite3_column_int64(next, 0);
		sqlite3_reset(next);
		char *before = credo__snapshot(db, SNAP_VISIT_LINK, visit);
		sqlite3_bind_int64(upd, 1, visit);
		if (sqlite3_step(upd) != SQLITE_DONE)
			rc = credo__dberr(db, "moving the lead's visits to the customer");
		sqlite3_reset(upd);
		if (rc == CREDO_OK)
			rc = audit_row(db, "visits", SNAP_VISIT_LINK, visit, "attach", before);
		free(before);
	}
	sqlite3_finalize(next);
	sqlite3_finalize(upd);
	return rc;
}

/* The customer and its contact, made through the same public calls a user makes (nested savepoints). */
static credo_status make_customer(credo_db *db, const struct lead_copy *c, int64_t *customer)
{
	char *notes = conversion_note(c);
	if (!notes)
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	credo_customer_new nc = {
		.name = c->company, .phone = c->phone, .owner_login = c->owner, .notes = notes,
	};
	credo_status rc = credo_customer_add(db, &nc, customer);
	free(notes);
	if (rc == CREDO_OK && *c->contact) {
		credo_contact person = {
			.customer_id = *customer, .name = c->contact, .phone = c->phone, .email = c->email,
		};
		rc = credo_contact_add(db, &person, NULL);
	}
	return rc;
}

static credo_status convert_lead(credo_db *db, int64_t id, int64_t *customer_out)
{
	struct lead_state s;
	credo_status rc = credo_require(db, CREDO_PERM_CUSTOMER_EDIT);
	if (rc == CREDO_OK)
		rc = lead_state(db, id, &s);
	if (rc)
		return rc;
	if (strcmp(s.status, "converted") == 0 || strcmp(s.status, "lost") == 0)
		return credo__fail(db, CREDO_RULE, "lead %s is %s: only an open lead can be converted"
				   " into a customer", s.code, s.status);
	struct lead_copy c = { 0 };
	rc = credo_lead_get(db, id, copy_lead, &c);
	if (rc == CREDO_OK && c.failed)
		rc = credo__fail(db, CREDO_NOMEM, "out of memory");
	int64_t customer = 0;
	if (rc == CREDO_OK)
		rc = make_customer(db, &c, &customer);
	lead_copy_free(&c);
	if (rc == CREDO_OK)
		rc = attach_visits(db, id, customer);
	sqlite3_stmt *st;
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "UPDATE leads SET status = 'converted', customer_id = ?2 WHERE id = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 2, customer);
	rc = audited_update(db, id, st, "convert");
	if (rc == CREDO_OK && customer_out)
		*customer_out = customer;
	return rc;
}

credo_status credo_lead_convert(credo_db *db, int64_t id, int64_t *customer_id)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_SALES_ACTIVITY);
	if (rc)
		return rc;
	return credo__mut_end(db, convert_lead(db, id, customer_id));
}

credo_status credo_lead_find(credo_db *db, const char *code, int64_t *id)
{
	return credo__find_code(db, "SELECT l.id FROM leads l WHERE" LEAD_SCOPE " AND l.code = ?3", "lead", code, id);
}

credo_status credo_lead_get(credo_db *db, int64_t id, credo_lead_cb cb, void *ctx)
{
	credo_status rc = credo__need_login(db);
	sqlite3_stmt *st;
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "SELECT " LEAD_COLS LEAD_FROM " WHERE" LEAD_SCOPE " AND l.id = ?3", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	sqlite3_bind_int64(st, 3, id);
	char missing[64];
	snprintf(missing, sizeof missing, "lead #%lld not found", (long long)id);
	return step_leads(db, st, cb, ctx, "reading a lead", missing);
}

credo_status credo_lead_list(credo_db *db, const credo_lead_filter *f, credo_lead_cb cb, void *ctx)
{
	static const credo_lead_filter none = { 0 };
	if (!f)
		f = &none;
	credo_status rc = credo__need_login(db);
	if (rc)
		return rc;
	if (f->status && strcmp(f->status, "all") != 0 && !known_status(f->status))
		return credo__fail(db, CREDO_INVALID, "lead status must be new, contacted, qualified,"
				   " converted, lost or all");
	sqlite3_stmt *st;
	/* No status: the leads still being worked, which is what a salesperson looks at. */
	rc = credo__prepare(db, "SELECT " LEAD_COLS LEAD_FROM " WHERE" LEAD_SCOPE
			    " AND CASE WHEN ?3 IS NULL THEN l.status NOT IN ('converted', 'lost')"
			    " WHEN ?3 = 'all' THEN 1 ELSE l.status = ?3 END"
			    " AND (?4 IS NULL OR u.login = ?4)"
			    " AND (?5 IS NULL OR l.company LIKE ?5 ESCAPE '\\' OR l.contact_name LIKE ?5 ESCAPE '\\'"
			    " OR l.phone LIKE ?5 ESCAPE '\\')"
			    " ORDER BY l.id DESC LIMIT ?6", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	credo__bind_text_or_null(st, 3, f->status);
	credo__bind_text_or_null(st, 4, f->owner_login);
	rc = bind_search(db, st, 5, f->search);
	if (rc) {
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_bind_int(st, 6, f->limit > 0 ? f->limit : -1);
	return step_leads(db, st, cb, ctx, "listing leads", NULL);
}
