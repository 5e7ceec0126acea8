/* customer.c - customers: add, read and page through within the data scope. */
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char SNAP_CUSTOMER[] =
	"SELECT json_object('code', code, 'name', name, 'short_name', short_name, 'type', type,"
	" 'status', status, 'category_id', category_id, 'industry', industry, 'region', region,"
	" 'address', address, 'phone', phone, 'tax_id', tax_id, 'bank', bank,"
	" 'bank_account', bank_account, 'legal_rep', legal_rep, 'owner_id', owner_id,"
	" 'since', since, 'reputation_bad', reputation_bad, 'notes', notes)"
	" FROM customers WHERE id = ?1";
const char *const credo__snap_customer = SNAP_CUSTOMER;

/*
 * Every read goes through the scope test "?all OR owner_id = ?me" so a
 * salesperson's query can never reach another's customer.
 */
#define CUSTOMER_COLS \
	"c.id, c.code, c.name, c.short_name, c.type, c.status, coalesce(k.name, ''), c.industry," \
	" c.region, c.address, c.phone, c.tax_id, c.bank, c.bank_account, c.legal_rep," \
	" u.login, u.name, coalesce(c.since, ''), c.reputation_bad, c.notes"
#define CUSTOMER_FROM \
	" FROM customers c JOIN users u ON u.id = c.owner_id" \
	" LEFT JOIN categories k ON k.id = c.category_id"
#define CUSTOMER_SCOPE " (?1 OR c.owner_id = ?2)"
/*
 * The set of every match, for counting them (pages and the search stop at
 * the rows they show instead: customer_search.c).
 * ?3 is the LIKE pattern, which the trigram index answers for three or more
 * characters; LIKE has no ESCAPE there, so ?7, the raw text, makes '%' and
 * '_' count literally. The trigram index cannot answer shorter text, so ?9
 * (set for one or two characters) scans the search texts instead; SQLite
 * tests a constant ?9 once, not per row.
 */
#define CUSTOMER_SEARCH \
	" AND (?3 IS NULL OR c.id IN (SELECT rowid FROM customer_search" \
	" WHERE body LIKE ?3 AND instr(lower(body), lower(?7)) > 0" \
	" UNION ALL SELECT rowid FROM customer_search WHERE ?9 AND instr(lower(body), lower(?7)) > 0))"

static void customer_from(sqlite3_stmt *st, credo_customer *c)
{
	int i = 0;
	c->id = sqlite3_column_int64(st, i++);
	c->code = credo__col_text(st, i++);
	c->name = credo__col_text(st, i++);
	c->short_name = credo__col_text(st, i++);
	c->type = credo__col_text(st, i++);
	c->status = credo__col_text(st, i++);
	c->category = credo__col_text(st, i++);
	c->industry = credo__col_text(st, i++);
	c->region = credo__col_text(st, i++);
	c->address = credo__col_text(st, i++);
	c->phone = credo__col_text(st, i++);
	c->tax_id = credo__col_text(st, i++);
	c->bank = credo__col_text(st, i++);
	c->bank_account = credo__col_text(st, i++);
	c->legal_rep = credo__col_text(st, i++);
	c->owner_login = credo__col_text(st, i++);
	c->owner_name = credo__col_text(st, i++);
	c->since = credo__col_text(st, i++);
	c->reputation_bad = sqlite3_column_int(st, i++);
	c->notes = credo__col_text(st, i++);
	c->has_figures = sqlite3_column_count(st) > i;
	c->overdue = c->exposure = c->limit = c->utilisation_bp = 0;
	c->has_limit = 0;
	if (c->has_figures) {
		c->overdue = sqlite3_column_int64(st, i++);
		c->exposure = sqlite3_column_int64(st, i++);
		c->has_limit = sqlite3_column_type(st, i) != SQLITE_NULL;
		c->limit = sqlite3_column_int64(st, i++);
		c->utilisation_bp = sqlite3_column_int64(st, i++);
	}
}

/* A search text is at most 200 bytes without control characters. */
static credo_status search_ok(credo_db *db, const char *q)
{
	if (!credo__text_ok(q, 0) || strlen(q) > 200)
		return credo__fail(db, CREDO_INVALID, "search text must be at most 200 bytes without control characters");
	return CREDO_OK;
}

/* Bind ?3 "%text%" and ?7 the raw text, or NULL for no search. */
static credo_status bind_search(credo_db *db, sqlite3_stmt *st, const char *q)
{
	if (!q || !*q)
		return CREDO_OK;
	credo_status rc = search_ok(db, q);
	if (rc)
		return rc;
	size_t n = strlen(q);
	/* Spare NULs after the pattern: SQLite 3.40's FTS5 trigram LIKE reads past the terminator (valgrind). */
	char *pat = calloc(1, n + 3 + 4);
	if (!pat)
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	pat[0] = '%';
	memcpy(pat + 1, q, n);
	pat[n + 1] = '%';
	pat[n + 2] = '\0';
	sqlite3_bind_text(st, 3, pat, -1, free);
	sqlite3_bind_text(st, 7, q, -1, SQLITE_TRANSIENT);
	int chars = 0;
	for (const char *p = q; *p; p++)
		chars += ((unsigned char)*p & 0xc0) != 0x80;
	sqlite3_bind_int(st, 9, chars < 3);
	return CREDO_OK;
}

static credo_status step_rows(credo_db *db, sqlite3_stmt *st, credo_customer_cb cb, void *ctx,
			      const char *what)
{
	credo_status rc = CREDO_OK;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_customer c;
		customer_from(st, &c);
		if (cb(&c, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, what);
	sqlite3_finalize(st);
	return rc;
}

/* The customers a search walk finds (customer_search.c), each read whole by id. */
struct fetch {
	credo_db *db;
	sqlite3_stmt *st;
	credo_customer_cb cb;
	void *ctx;
	credo_status rc;
};

static int fetch_row(int64_t id, void *ctx)
{
	struct fetch *f = ctx;
	sqlite3_reset(f->st);
	sqlite3_bind_int64(f->st, 1, id);
	if (sqlite3_step(f->st) != SQLITE_ROW) {
		f->rc = credo__dberr(f->db, "reading a customer found");
		return 1;
	}
	credo_customer c;
	customer_from(f->st, &c);
	return f->cb(&c, f->ctx);
}

static credo_status search_walk(credo_db *db, struct credo__search_walk *w, credo_customer_cb cb, void *ctx)
{
	credo_status rc = search_ok(db, w->text);
	if (rc)
		return rc;
	struct fetch f = { .db = db, .cb = cb, .ctx = ctx };
	if ((rc = credo__prepare(db, "SELECT " CUSTOMER_COLS CUSTOMER_FROM " WHERE c.id = ?1", &f.st)))
		return rc;
	w->emit = fetch_row;
	w->ctx = &f;
	rc = credo__search_walk(db, w);
	sqlite3_finalize(f.st);
	return f.rc ? f.rc : rc;
}

credo_status credo_customer_get(credo_db *db, int64_t id, credo_customer_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT " CUSTOMER_COLS CUSTOMER_FROM
					 " WHERE" CUSTOMER_SCOPE " AND c.id = ?3", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	sqlite3_bind_int64(st, 3, id);
	int found = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		credo_customer c;
		customer_from(st, &c);
		found = 1;
		cb(&c, ctx);
	}
	sqlite3_finalize(st);
	return found ? CREDO_OK : credo__fail(db, CREDO_NOTFOUND, "customer #%lld not found", (long long)id);
}

/* The four keyset queries: sort column x direction. Only these constants are ever prepared. */
#define PAGE_SQL(col, cmp, dir) \
	"SELECT " CUSTOMER_COLS CUSTOMER_FROM " WHERE" CUSTOMER_SCOPE CUSTOMER_SEARCH \
	" AND (?4 IS NULL OR (" col ", c.id) " cmp " (?4, ?5)) AND (?8 IS NULL OR u.login = ?8)" \
	" ORDER BY " col " " dir ", c.id " dir " LIMIT ?6"

/*
 * By the credit figures: largest first, so forward is descending. The
 * figures table drives (its (value, customer_id) index gives the order
 * and the keyset seek); its row carries the numbers shown.
 */
#define FIG_PAGE_SQL(col, cmp, dir) \
	"SELECT " CUSTOMER_COLS ", f.overdue, f.exposure, f.credit_limit, f.util_bp" \
	" FROM customer_figures f JOIN customers c ON c.id = f.customer_id JOIN users u ON u.id = c.owner_id" \
	" LEFT JOIN categories k ON k.id = c.category_id WHERE" CUSTOMER_SCOPE CUSTOMER_SEARCH \
	" AND (?4 IS NULL OR (" col ", f.customer_id) " cmp " (?4, ?5)) AND (?8 IS NULL OR u.login = ?8)" \
	" ORDER BY " col " " dir ", f.customer_id " dir " LIMIT ?6"

static const char *const page_sql[4][2] = {
	[CREDO_CUSTOMER_BY_NAME] = { PAGE_SQL("c.name", ">", "ASC"), PAGE_SQL("c.name", "<", "DESC") },
	[CREDO_CUSTOMER_BY_CODE] = { PAGE_SQL("c.code", ">", "ASC"), PAGE_SQL("c.code", "<", "DESC") },
	[CREDO_CUSTOMER_BY_OVERDUE] = { FIG_PAGE_SQL("f.overdue", "<", "DESC"), FIG_PAGE_SQL("f.overdue", ">", "ASC") },
	[CREDO_CUSTOMER_BY_UTILISATION] = { FIG_PAGE_SQL("f.util_bp", "<", "DESC"),
					    FIG_PAGE_SQL("f.util_bp", ">", "ASC") },
};

static int by_figures(credo_customer_sort s)
{
	return s == CREDO_CUSTOMER_BY_OVERDUE || s == CREDO_CUSTOMER_BY_UTILISATION;
}

credo_status credo_customer_page(credo_db *db, const credo_customer_query *q,
				 credo_customer_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	if ((int)q->sort < 0 || q->sort > CREDO_CUSTOMER_BY_UTILISATION || q->limit < 1 || q->limit > 1000)
		return credo__fail(db, CREDO_INVALID, "a page is 1 to 1000 rows in a known sort order");
	/* A search in name or code order stops at the page (customer_search.c). */
	if (q->search && *q->search && (q->sort == CREDO_CUSTOMER_BY_NAME || q->sort == CREDO_CUSTOMER_BY_CODE)) {
		struct credo__search_walk w = { .text = q->search, .by_code = q->sort == CREDO_CUSTOMER_BY_CODE,
						.backward = q->backward != 0, .owner_login = q->owner_login,
						.after = &q->after, .limit = q->limit };
		return search_walk(db, &w, cb, ctx);
	}
	/* Figures an invoice falling due (or a limit ending) has moved since they were stamped. */
	credo_status rc = by_figures(q->sort) ? credo__figures_catch_up(db) : CREDO_OK;
	if (rc)
		return rc;
	sqlite3_stmt *st;
	rc = credo__prepare(db, page_sql[q->sort][q->backward ? 1 : 0], &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	rc = bind_search(db, st, q->search);
	if (rc) {
		sqlite3_finalize(st);
		return rc;
	}
	if (q->after.valid && by_figures(q->sort)) {
		sqlite3_bind_int64(st, 4, q->after.num);
		sqlite3_bind_int64(st, 5, q->after.id);
	} else if (q->after.valid) {
		sqlite3_bind_text(st, 4, q->after.text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 5, q->after.id);
	}
	sqlite3_bind_int(st, 6, q->limit);
	credo__bind_text_or_null(st, 8, q->owner_login);
	return step_rows(db, st, cb, ctx, "listing customers");
}

/*
 * Search ranks in tiers: the exact code, names starting with the text,
 * short names starting with it, then every other match; by name within a
 * tier. Sorting all matches to rank them cost 0.1-0.7 s at 100,000
 * customers for the short texts typed first, so each tier is its own query
 * that the name index delivers in order and that stops at the page: the
 * prefixes are index ranges (?7 up to ?7 followed by the last code point),
 * and the other matches come from the search walk (customer_search.c).
 */
#define TIER_CODE " c.code = ?7"
#define TIER_NAME " (c.name >= ?7 AND c.name < ?7 || char(1114111))"
#define TIER_SHORT " (c.short_name >= ?7 AND c.short_name < ?7 || char(1114111))"
#define TIER_SQL(cond) "SELECT " CUSTOMER_COLS CUSTOMER_FROM " WHERE" CUSTOMER_SCOPE " AND " cond \
	" ORDER BY c.name, c.id LIMIT ?6"

static const char *const search_tiers[] = {
	TIER_SQL(TIER_CODE),
	TIER_SQL(TIER_NAME " AND NOT" TIER_CODE),
	TIER_SQL(TIER_SHORT " AND NOT" TIER_NAME " AND NOT" TIER_CODE),
};

struct tier_walk {
	credo_customer_cb cb;
	void *ctx;
	int left;
};

static int tier_row(const credo_customer *c, void *ctx)
{
	struct tier_walk *w = ctx;
	w->left--;
	return w->cb(c, w->ctx);
}

credo_status credo_customer_search(credo_db *db, const char *search, int limit,
				   credo_customer_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	if (limit < 1 || limit > 1000)
		return credo__fail(db, CREDO_INVALID, "a search returns 1 to 1000 rows");
	if (!search || !*search) {
		credo_customer_query all = { .sort = CREDO_CUSTOMER_BY_NAME, .limit = limit };
		return credo_customer_page(db, &all, cb, ctx);
	}
	credo_status rc = search_ok(db, search);
	struct tier_walk w = { .cb = cb, .ctx = ctx, .left = limit };
	for (size_t t = 0; rc == CREDO_OK && w.left > 0 && t < sizeof search_tiers / sizeof search_tiers[0]; t++) {
		sqlite3_stmt *st;
		rc = credo__prepare(db, search_tiers[t], &st);
		if (rc)
			return rc;
		credo__bind_scope(db, st);
		sqlite3_bind_text(st, 7, search, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 6, w.left);
		rc = step_rows(db, st, tier_row, &w, "searching customers");
	}
	if (rc == CREDO_OK && w.left > 0) {
		struct credo__search_walk rest = { .text = search, .ranked = 1, .limit = w.left };
		rc = search_walk(db, &rest, tier_row, &w);
	}
	return rc;
}

void credo_customer_key_of(const credo_customer *c, credo_customer_sort s, credo_customer_key *key)
{
	key->valid = 1;
	key->id = c->id;
	key->num = s == CREDO_CUSTOMER_BY_OVERDUE ? c->overdue : s == CREDO_CUSTOMER_BY_UTILISATION ? c->utilisation_bp : 0;
	snprintf(key->text, sizeof key->text, "%s", s == CREDO_CUSTOMER_BY_CODE ? c->code : c->name);
}

credo_status credo_customer_count(credo_db *db, const char *search, int64_t *out)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	/*
	 * Without a search the count is the customer list's header, drawn as the
	 * TUI opens. The scope chosen here rather than in SQL lets SQLite count a
	 * small index (or one owner's range of it) instead of reading every
	 * customer row through the joins: a tenth of the time at 100,000.
	 */
	int plain = !search || !*search, all = credo_can(db, CREDO_PERM_READ_ALL);
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, !plain ? "SELECT count(*)" CUSTOMER_FROM " WHERE" CUSTOMER_SCOPE
					 CUSTOMER_SEARCH : all ? "SELECT count(*) FROM customers"
					 : "SELECT count(*) FROM customers WHERE owner_id = ?2", &st);
	if (rc)
		return rc;
	if (!plain) {
		credo__bind_scope(db, st);
		rc = bind_search(db, st, search);
	} else if (!all) {
		sqlite3_bind_int64(st, 2, db->actor.id);
	}
	if (rc == CREDO_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			*out = sqlite3_column_int64(st, 0);
		else
			rc = credo__dberr(db, "counting customers");
	}
	sqlite3_finalize(st);
	return rc;
}

/* A text field: optional, at most max bytes of UTF-8 without control characters. */
static credo_status check_text(credo_db *db, const char *field, const char *v, size_t max, int required)
{
	if (!v || !*v)
		return required ? credo__fail(db, CREDO_INVALID, "customer %s is required", field) : CREDO_OK;
	if (strlen(v) > max)
		return credo__fail(db, CREDO_INVALID, "customer %s is longer than %zu bytes", field, max);
	/* Notes and addresses may run over several lines; names and codes may not. */
	int multiline = strcmp(field, "notes") == 0 || strcmp(field, "address") == 0;
	if (!credo__text_ok(v, multiline))
		return credo__fail(db, CREDO_INVALID, "customer %s must be UTF-8 text without control characters%s",
				   field, multiline ? "" : " or line breaks");
	return CREDO_OK;
}

/* creating: name is required; editing: NULL fields are left alone. */
static credo_status validate_fields(credo_db *db, const credo_customer_new *in, int creating)
{
	static const struct {
		const char *field;
		size_t off;
		size_t max;
	} fields[] = {
#define F(name, max) { #name, offsetof(credo_customer_new, name), max }
		F(code, 32), F(short_name, 100), F(category, 100), F(industry, 100),
		F(region, 100), F(address, 300), F(phone, 50), F(tax_id, 50), F(bank, 100),
		F(bank_account, 50), F(legal_rep, 100), F(notes, 4000),
#undef F
	};
	credo_status rc = check_text(db, "name", in->name, 200, creating || in->name);
	for (size_t i = 0; rc == CREDO_OK && i < sizeof fields / sizeof fields[0]; i++) {
		const char *v = *(const char *const *)((const char *)in + fields[i].off);
		rc = check_text(db, fields[i].field, v, fields[i].max, 0);
	}
	if (rc)
		return rc;
	if (in->type && *in->type && strcmp(in->type, "end_customer") != 0 &&
	    strcmp(in->type, "distributor") != 0 && strcmp(in->type, "partner") != 0)
		return credo__fail(db, CREDO_INVALID, "customer type must be end_customer, distributor or partner");
	credo_date d;
	const char *why;
	if (in->since && *in->since && credo_date_parse(in->since, &d, &why) != CREDO_OK)
		return credo__fail(db, CREDO_INVALID, "customer since date \"%s\": %s", in->since, why);
	return CREDO_OK;
}

/* The owner must be an active salesperson or sales manager; a salesperson may only own for itself. */
static credo_status resolve_owner(credo_db *db, const char *login, int64_t *owner)
{
	if (!login || !*login) {
		if (db->actor.role != CREDO_ROLE_SALES && db->actor.role != CREDO_ROLE_SALES_MANAGER)
			return credo__fail(db, CREDO_INVALID, "customer owner is required (the salesperson's login)");
		*owner = db->actor.id;
		return CREDO_OK;
	}
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT id, role FROM users WHERE login = ?1 AND active = 1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return credo__fail(db, CREDO_INVALID, "customer owner %s is not an active user", login);
	}
	*owner = sqlite3_column_int64(st, 0);
	int seller = strcmp(credo__col_text(st, 1), "sales") == 0 ||
		     strcmp(credo__col_text(st, 1), "sales_manager") == 0;
	sqlite3_finalize(st);
	if (!seller)
		return credo__fail(db, CREDO_INVALID, "customer owner %s is not a salesperson", login);
	if (db->actor.role == CREDO_ROLE_SALES && *owner != db->actor.id)
		return credo__fail(db, CREDO_PERM, "permission denied: a salesperson adds customers"
				   " for itself, not for %s", login);
	return CREDO_OK;
}

static credo_status code_taken(credo_db *db, const char *code, int *taken)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT 1 FROM customers WHERE code = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	*taken = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return CREDO_OK;
}

/* Category by name, created on first use (the list is user-maintained, seed 001). */
static credo_status category_id(credo_db *db, const char *name, int64_t *out)
{
	*out = 0;
	if (!name || !*name)
		return CREDO_OK;
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "INSERT INTO categories(name) VALUES (?1)"
					 " ON CONFLICT(name) DO NOTHING", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_step(st);
	sqlite3_finalize(st);
	int created = sqlite3_changes(db->sql) > 0;
	rc = credo__prepare(db, "SELECT id FROM categories WHERE name = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (!*out)
		return credo__dberr(db, "adding a category");
	if (!created)
		return CREDO_OK;
	char *after = credo__snapshot(db, "SELECT json_object('name', name) FROM categories WHERE id = ?1", *out);
	rc = credo__audit(db, "categories", *out, "create", NULL, after);
	free(after);
	return rc;
}

static credo_status insert_customer(credo_db *db, const credo_customer_new *in, int64_t *id_out)
{
	int64_t owner = 0, cat = 0;
	credo_status rc = validate_fields(db, in, 1);
	if (rc == CREDO_OK)
		rc = resolve_owner(db, in->owner_login, &owner);
	if (rc)
		return rc;

	char code[40];
	int taken = 0;
	if (in->code && *in->code) {
		snprintf(code, sizeof code, "%s", in->code);
		rc = code_taken(db, code, &taken);
		if (rc == CREDO_OK && taken)
			return credo__fail(db, CREDO_EXISTS, "customer code %s is already used", code);
	} else {
		/* A hand-edited code may sit where the sequence goes next: skip it. */
		do
			rc = credo__next_code(db, "customer", code, sizeof code);
		while (rc == CREDO_OK && (rc = code_taken(db, code, &taken)) == CREDO_OK && taken);
	}
	if (rc == CREDO_OK)
		rc = category_id(db, in->category, &cat);
	if (rc)
		return rc;

	char now[21];
	credo__now(now);
	sqlite3_stmt *st;
	rc = credo__prepare(db, "INSERT INTO customers(code, name, short_name, type, category_id, industry,"
			    " region, address, phone, tax_id, bank, bank_account, legal_rep, owner_id, since,"
			    " notes, created_at, updated_at) VALUES (?1, ?2, ?3, coalesce(?4, 'end_customer'),"
			    " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)", &st);
	if (rc)
		return rc;
	const char *text[] = { code, in->name, in->short_name, in->type };
	for (int i = 0; i < 4; i++)
		credo__bind_text_or_null(st, i + 1, text[i]);
	if (!in->short_name || !*in->short_name)
		sqlite3_bind_text(st, 3, "", 0, SQLITE_STATIC);
	if (cat)
		sqlite3_bind_int64(st, 5, cat);
	const char *more[] = { in->industry, in->region, in->address, in->phone, in->tax_id,
			       in->bank, in->bank_account, in->legal_rep };
	for (int i = 0; i < 8; i++)
		sqlite3_bind_text(st, 6 + i, more[i] ? more[i] : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 14, owner);
	char since[CREDO_DATE_BUFSZ] = "";
	credo_date day;
	if (in->since && credo_date_parse(in->since, &day, NULL) == CREDO_OK)
		credo_date_format(day, since, sizeof since);	/* stored canonical, without blanks */
	credo__bind_text_or_null(st, 15, since);
	sqlite3_bind_text(st, 16, in->notes ? in->notes : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, now, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = credo__dberr(db, "adding a customer");
	sqlite3_finalize(st);
	if (rc)
		return rc;
	int64_t id = sqlite3_last_insert_rowid(db->sql);
	credo__figures_touch(db, id);	/* its row of (zero) figures */
	char *after = credo__snapshot(db, SNAP_CUSTOMER, id);
	rc = credo__audit(db, "customers", id, "create", NULL, after);
	free(after);
	if (rc == CREDO_OK && id_out)
		*id_out = id;
	return rc;
}

credo_status credo_customer_add(credo_db *db, const credo_customer_new *in, int64_t *id_out)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_CUSTOMER_EDIT);
	if (rc)
		return rc;
	rc = insert_customer(db, in, id_out);
	return credo__mut_end(db, rc);
}

credo_status credo_customer_find(credo_db *db, const char *code, int64_t *id)
{
	return credo__find_code(db, "SELECT c.id FROM customers c WHERE" CUSTOMER_SCOPE " AND c.code = ?3",
				"customer", code, id);
}

credo_status credo__customer_visible(credo_db *db, int64_t id)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT 1 FROM customers c WHERE" CUSTOMER_SCOPE " AND c.id = ?3", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	sqlite3_bind_int64(st, 3, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		sqlite3_bind_int(st, 1, 1);
		if (!credo_can(db, CREDO_PERM_READ_ALL) && sqlite3_step(st) == SQLITE_ROW) {
			char which[24];
			snprintf(which, sizeof which, "#%lld", (long long)id);
			rc = credo__out_of_scope(db, "customer", which);
		} else {
			rc = credo__fail(db, CREDO_NOTFOUND, "customer #%lld not found", (long long)id);
		}
	}
	sqlite3_finalize(st);
	return rc;
}

static credo_status add_history(credo_db *db, int64_t id, const char *field, const char *old_value,
				const char *new_value, const char *reason)
{
	char now[21];
	credo__now(now);
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "INSERT INTO customer_history(customer_id, field, old_value,"
					 " new_value, changed_at, changed_by, reason)"
					 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, field, -1, SQLITE_STATIC);
	credo__bind_text_or_null(st, 3, old_value);
	credo__bind_text_or_null(st, 4, new_value);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, db->actor.id);
	sqlite3_bind_text(st, 7, reason ? reason : "", -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = credo__dberr(db, "recording customer history");
	sqlite3_finalize(st);
	return rc;
}

/* One text column of a customer, for history's old values. */
static char *customer_value(credo_db *db, int64_t id, const char *sql)
{
	return credo__snapshot(db, sql, id);
}

/* Run an UPDATE of customer id and audit it with before/after snapshots. */
static credo_status audited_update(credo_db *db, int64_t id, sqlite3_stmt *upd, const char *action)
{
	char *before = credo__snapshot(db, SNAP_CUSTOMER, id);
	credo_status rc = CREDO_OK;
	if (sqlite3_step(upd) != SQLITE_DONE)
		rc = credo__dberr(db, "changing a customer");
	sqlite3_finalize(upd);
	if (rc == CREDO_OK) {
		char *after = credo__snapshot(db, SNAP_CUSTOMER, id);
		rc = credo__audit(db, "customers", id, action, before, after);
		free(after);
	}
	free(before);
	return rc;
}

static credo_status update_customer(credo_db *db, int64_t id, const credo_customer_new *in)
{
	credo_status rc = credo__customer_visible(db, id);
	if (rc == CREDO_OK)
		rc = validate_fields(db, in, 0);
	if (rc)
		return rc;
	int64_t cat = 0;
	char *old_cat = NULL;
	if (in->code && *in->code) {
		rc = credo_require(db, CREDO_PERM_CODE_EDIT);
		int taken = 0;
		if (rc == CREDO_OK)
			rc = code_taken(db, in->code, &taken);
		if (rc == CREDO_OK && taken)
			return credo__fail(db, CREDO_EXISTS, "customer code %s is already used", in->code);
	} else if (in->code) {
		return credo__fail(db, CREDO_INVALID, "customer code cannot be empty");
	}
	if (rc == CREDO_OK && in->category) {
		old_cat = customer_value(db, id, "SELECT coalesce(k.name, '') FROM customers c"
					 " LEFT JOIN categories k ON k.id = c.category_id WHERE c.id = ?1");
		rc = category_id(db, in->category, &cat);
		if (rc == CREDO_OK && strcmp(old_cat ? old_cat : "", in->category) != 0)
			rc = add_history(db, id, "category", old_cat, in->category, "");
	}
	free(old_cat);
	if (rc)
		return rc;

	char now[21];
	credo__now(now);
	sqlite3_stmt *st;
	/* NULL keeps a column; ?15 (since) and ?16 (category) also clear with "". */
	rc = credo__prepare(db, "UPDATE customers SET"
			    " code = coalesce(?2, code), name = coalesce(?3, name),"
			    " short_name = coalesce(?4, short_name), type = coalesce(nullif(?5, ''), type),"
			    " industry = coalesce(?6, industry), region = coalesce(?7, region),"
			    " address = coalesce(?8, address), phone = coalesce(?9, phone),"
			    " tax_id = coalesce(?10, tax_id), bank = coalesce(?11, bank),"
			    " bank_account = coalesce(?12, bank_account), legal_rep = coalesce(?13, legal_rep),"
			    " notes = coalesce(?14, notes),"
			    " since = CASE WHEN ?15 IS NULL THEN since WHEN ?15 = '' THEN NULL ELSE ?15 END,"
			    " category_id = CASE WHEN ?16 IS NULL THEN category_id WHEN ?16 = 0 THEN NULL ELSE ?16 END,"
			    " updated_at = ?17 WHERE id = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	char since[CREDO_DATE_BUFSZ] = "";
	credo_date day;
	if (in->since && *in->since && credo_date_parse(in->since, &day, NULL) == CREDO_OK)
		credo_date_format(day, since, sizeof since);
	const char *vals[] = { in->code, in->name, in->short_name, in->type, in->industry, in->region,
			       in->address, in->phone, in->tax_id, in->bank, in->bank_account, in->legal_rep,
			       in->notes, in->since ? since : NULL };
	for (int i = 0; i < 14; i++)
		if (vals[i])
			sqlite3_bind_text(st, 2 + i, vals[i], -1, SQLITE_STATIC);
	if (in->category)
		sqlite3_bind_int64(st, 16, cat);
	sqlite3_bind_text(st, 17, now, -1, SQLITE_STATIC);
	return audited_update(db, id, st, "update");
}

credo_status credo_customer_update(credo_db *db, int64_t id, const credo_customer_new *in)
{
	/* Finance corrects codes without being allowed to edit the rest. */
	int code_only = in->code && !in->name && !in->short_name && !in->type && !in->category &&
			!in->industry && !in->region && !in->address && !in->phone && !in->tax_id &&
			!in->bank && !in->bank_account && !in->legal_rep && !in->since && !in->notes;
	credo_status rc = credo__mut_begin(db, code_only ? CREDO_PERM_CODE_EDIT : CREDO_PERM_CUSTOMER_EDIT);
	if (rc)
		return rc;
	return credo__mut_end(db, update_customer(db, id, in));
}

static credo_status assign_customer(credo_db *db, int64_t id, const char *owner_login, const char *reason)
{
	int64_t owner = 0;
	if (!owner_login || !*owner_login)
		return credo__fail(db, CREDO_INVALID, "the new owner (a salesperson's login) is required");
	credo_status rc = credo__customer_visible(db, id);
	if (rc == CREDO_OK)
		rc = resolve_owner(db, owner_login, &owner);
	if (rc == CREDO_OK && reason && !credo__text_ok(reason, 0))
		rc = credo__fail(db, CREDO_INVALID, "reason must be text without control characters");
	if (rc)
		return rc;
	char *old = customer_value(db, id, "SELECT u.login FROM customers c JOIN users u ON u.id = c.owner_id"
				   " WHERE c.id = ?1");
	if (old && strcmp(old, owner_login) == 0) {
		free(old);
		return credo__fail(db, CREDO_RULE, "customer already belongs to %s", owner_login);
	}
	rc = add_history(db, id, "owner", old, owner_login, reason);
	free(old);
	sqlite3_stmt *st;
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "UPDATE customers SET owner_id = ?2, updated_at = ?3 WHERE id = ?1", &st);
	if (rc)
		return rc;
	char now[21];
	credo__now(now);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, owner);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
	return audited_update(db, id, st, "assign");
}

credo_status credo_customer_assign(credo_db *db, int64_t id, const char *owner_login, const char *reason)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_CUSTOMER_ASSIGN);
	if (rc)
		return rc;
	return credo__mut_end(db, assign_customer(db, id, owner_login, reason));
}

/* The lifecycle of seed 001 and DESIGN.md section 4: from -> allowed next states. */
static const struct {
	const char *from;
	const char *to[4];
} lifecycle[] = {
	{ "prospect", { "evaluated", "lost" } },
	{ "evaluated", { "active", "lost" } },
	{ "active", { "at_risk", "lost" } },
	{ "at_risk", { "active", "lost" } },
	{ "lost", { "won_back" } },
	{ "won_back", { "active", "at_risk", "lost" } },
};

static int known_status(const char *st)
{
	for (size_t i = 0; i < sizeof lifecycle / sizeof lifecycle[0]; i++)
		if (strcmp(lifecycle[i].from, st) == 0)
			return 1;
	return 0;
}

static credo_status check_move(credo_db *db, const char *from, const char *to)
{
	if (!known_status(to))
		return credo__fail(db, CREDO_INVALID, "customer status must be prospect, evaluated, active,"
				   " at_risk, lost or won_back");
	if (strcmp(from, "prospect") == 0 && strcmp(to, "active") == 0)
		return credo__fail(db, CREDO_RULE, "a prospect cannot become active before it is evaluated:"
				   " set it to evaluated first, with the evaluation as the note");
	char allowed[96] = "";
	for (size_t i = 0; i < sizeof lifecycle / sizeof lifecycle[0]; i++) {
		if (strcmp(lifecycle[i].from, from) != 0)
			continue;
		for (int j = 0; j < 4 && lifecycle[i].to[j]; j++) {
			if (strcmp(lifecycle[i].to[j], to) == 0)
				return CREDO_OK;
			size_t n = strlen(allowed);
			snprintf(allowed + n, sizeof allowed - n, "%s%s", j ? ", " : "", lifecycle[i].to[j]);
		}
	}
	return credo__fail(db, CREDO_RULE, "a customer that is %s can only become %s", from, allowed);
}

static credo_status set_status(credo_db *db, int64_t id, const char *status, const char *note)
{
	credo_status rc = credo__customer_visible(db, id);
	if (rc)
		return rc;
	if (note && (!credo__text_ok(note, 0) || strlen(note) > 2000))
		return credo__fail(db, CREDO_INVALID, "note must be at most 2000 bytes of text without control characters");
	char *old = customer_value(db, id, "SELECT status FROM customers WHERE id = ?1");
	rc = check_move(db, old ? old : "", status ? status : "");
	if (rc == CREDO_OK && strcmp(status, "evaluated") == 0 && (!note || !*note))
		rc = credo__fail(db, CREDO_RULE, "evaluating a customer needs the evaluation as a note");
	if (rc == CREDO_OK)
		rc = add_history(db, id, "status", old, status, note);
	free(old);
	sqlite3_stmt *st;
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "UPDATE customers SET status = ?2, updated_at = ?3 WHERE id = ?1", &st);
	if (rc)
		return rc;
	char now[21];
	credo__now(now);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
	return audited_update(db, id, st, "set_status");
}

credo_status credo_customer_set_status(credo_db *db, int64_t id, const char *status, const char *note)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_CUSTOMER_EDIT);
	if (rc)
		return rc;
	return credo__mut_end(db, set_status(db, id, status, note));
}

static credo_status set_reputation(credo_db *db, int64_t id, int bad, const char *reason)
{
	credo_status rc = credo__customer_visible(db, id);
	if (rc)
		return rc;
	if (!reason || !*reason || !credo__text_ok(reason, 0))
		return credo__fail(db, CREDO_INVALID, "a reputation decision needs a reason");
	char *old = customer_value(db, id, "SELECT CASE reputation_bad WHEN 1 THEN 'bad' ELSE 'good' END"
				   " FROM customers WHERE id = ?1");
	rc = add_history(db, id, "reputation", old, bad ? "bad" : "good", reason);
	free(old);
	sqlite3_stmt *st;
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "UPDATE customers SET reputation_bad = ?2, updated_at = ?3 WHERE id = ?1", &st);
	if (rc)
		return rc;
	char now[21];
	credo__now(now);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, bad ? 1 : 0);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
	return audited_update(db, id, st, "set_reputation");
}

credo_status credo_customer_set_reputation(credo_db *db, int64_t id, int bad, const char *reason)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_CREDIT_DECIDE);
	if (rc)
		return rc;
	return credo__mut_end(db, set_reputation(db, id, bad, reason));
}

credo_status credo_customer_history(credo_db *db, int64_t id, credo_customer_change_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	credo_status rc = credo__customer_visible(db, id);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	rc = credo__prepare(db, "SELECT h.field, coalesce(h.old_value, ''), coalesce(h.new_value, ''),"
			    " h.changed_at, u.login, h.reason FROM customer_history h"
			    " JOIN users u ON u.id = h.changed_by WHERE h.customer_id = ?1 ORDER BY h.id", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_customer_change ch = {
			.field = credo__col_text(st, 0), .old_value = credo__col_text(st, 1),
			.new_value = credo__col_text(st, 2), .changed_at = credo__col_text(st, 3),
			.changed_by = credo__col_text(st, 4), .reason = credo__col_text(st, 5),
		};
		if (cb(&ch, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "reading customer history");
	sqlite3_finalize(st);
	return rc;
}
