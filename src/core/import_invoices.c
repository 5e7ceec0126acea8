/*
 * import_invoices.c - the bulk path of `credo import invoices`.
 *
 * Through the API each invoice prepares a dozen statements, reads its
 * customer's whole credit status and the head of the audit chain: about a
 * thousand rows a second. Here every statement is prepared once for the
 * file, customers are resolved once and kept in a map by code with their
 * credit status, which each written invoice moves on in memory exactly as
 * the status query would see it (exposure up by the amount; the oldest
 * overdue day count when the invoice is already overdue), so the credit
 * check of each row costs no query.
 *
 * Only an ordinary invoice takes this path: no contract, an amount above
 * zero, a customer without unapplied payments or credit notes (those are
 * applied to a new invoice), and every rule passed. Anything else - a
 * credit note, a contract, a refused or malformed row - goes through the
 * single-row path, so every refusal is the API's own, word for word.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_internal.h"

struct bulk_customer {
	char *code;		/* NULL: empty slot */
	int64_t id;
	int64_t owner;		/* the invoice's collector */
	int term;		/* payment term in days */
	int loaded;		/* status and unapplied read since the last single-row write */
	int unapplied;		/* has payments or credit notes not yet applied */
	credo_credit_status cs;
};

struct bulk_invoices {
	credo_db *db;
	sqlite3_stmt *find, *unapplied, *taken, *insert;
	struct bulk_customer *map;
	size_t cap, used;	/* cap a power of two */
	int default_term;
	int hold_days;
	credo_date today;
	char today_text[CREDO_DATE_BUFSZ];
	char closed[CREDO_MONTH_BUFSZ];	/* latest closed month, "" when none */
	int64_t first_id;	/* invoices.id before the import: the import writes ids above it */
	long written;
	/* Invoice numbering (code.c) kept in memory while the bulk path numbers rows. */
	int numbering;		/* pattern, scope and next read */
	int numbered;		/* next moved on since read */
	char pattern[64], scope[8];
	long long next;
	int cache_size;		/* the handle's own PRAGMA cache_size, put back at the end */
};

static const char FIND_SQL[] =
	"SELECT c.id, c.owner_id, c.payment_term_days FROM customers c WHERE (?1 OR c.owner_id = ?2) AND c.code = ?3";
/* Whether credo__apply_credits would find something to apply to a new invoice (ledger.c). */
static const char UNAPPLIED_SQL[] =
	"SELECT EXISTS (SELECT 1 FROM payments p WHERE p.customer_id = ?1 AND p.reversed_at IS NULL"
	"   AND p.amount > (SELECT coalesce(sum(a.amount), 0) FROM allocations a"
	"   WHERE a.payment_id = p.id AND a.reversed_at IS NULL))"
	" OR EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = ?1 AND i.amount < 0"
	"   AND -i.amount > (SELECT coalesce(sum(a.amount), 0) FROM allocations a"
	"   WHERE a.credit_note_id = i.id AND a.reversed_at IS NULL))";
static const char INSERT_SQL[] =
	"INSERT INTO invoices(code, customer_id, contract_id, invoice_date, due_date, amount, collector_id, notes,"
	" created_at) VALUES (?1, ?2, NULL, ?3, ?4, ?5, ?6, ?7, ?8)";

static uint64_t hash_code(const char *s)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static struct bulk_customer *slot(struct bulk_customer *map, size_t cap, const char *code)
{
	size_t i = (size_t)hash_code(code) & (cap - 1);
	while (map[i].code && strcmp(map[i].code, code) != 0)
		i = (i + 1) & (cap - 1);
	return &map[i];
}

static int grow(struct bulk_invoices *b)
{
	size_t cap = b->cap ? b->cap * 2 : 1024;
	struct bulk_customer *map = calloc(cap, sizeof *map);
	if (!map)
		return 0;
	for (size_t i = 0; i < b->cap; i++)
		if (b->map[i].code)
			*slot(map, cap, b->map[i].code) = b->map[i];
	free(b->map);
	b->map = map;
	b->cap = cap;
	return 1;
}

credo_status credo__bulk_open(credo_db *db, struct bulk_invoices **out)
{
	*out = NULL;
	struct bulk_invoices *b = calloc(1, sizeof *b);
	if (!b || !grow(b)) {
		free(b);
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	}
	b->db = db;
	b->default_term = (int)credo__setting_int(db, "ledger.default_term_days", 30);
	b->hold_days = (int)credo__setting_int(db, "credit.hold_days", 60);
	b->today = credo_today();
	credo_date_format(b->today, b->today_text, sizeof b->today_text);
	/*
	 * A fixed page cache for the file, whatever its length: the pages the
	 * inserts keep coming back to (each customer's place in the invoice
	 * indexes) stay in memory instead of being re-read from the file. 2 MB
	 * (the default) re-read them at every row; 16 MB and 48 MB measured the
	 * same on the million-invoice file. Put back by credo__bulk_close.
	 */
	sqlite3_stmt *st = NULL;
	credo_status rc = credo__prepare(db, "PRAGMA cache_size", &st);
	if (rc == CREDO_OK && sqlite3_step(st) == SQLITE_ROW)
		b->cache_size = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (rc == CREDO_OK)
		rc = credo__exec(db, "PRAGMA cache_size = -16384", "sizing the cache");
	if (rc == CREDO_OK)
		rc = credo__prepare(db, FIND_SQL, &b->find);
	if (rc == CREDO_OK)
		rc = credo__prepare(db, UNAPPLIED_SQL, &b->unapplied);
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "SELECT 1 FROM invoices WHERE code = ?1", &b->taken);
	if (rc == CREDO_OK)
		rc = credo__prepare(db, INSERT_SQL, &b->insert);
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "SELECT (SELECT coalesce(max(month), '') FROM month_closes WHERE state = 'closed'),"
				    " (SELECT coalesce(max(id), 0) FROM invoices)", &st);
	if (rc == CREDO_OK) {
		if (sqlite3_step(st) == SQLITE_ROW) {
			snprintf(b->closed, sizeof b->closed, "%s", credo__col_text(st, 0));
			b->first_id = sqlite3_column_int64(st, 1) + 1;
		} else {
			rc = credo__dberr(db, "starting the import");
		}
	}
	sqlite3_finalize(st);
	if (rc) {
		credo__bulk_close(b);
		return rc;
	}
	credo__bind_scope(db, b->find);
	*out = b;
	return CREDO_OK;
}

void credo__bulk_close(struct bulk_invoices *b)
{
	if (!b)
		return;
	if (b->cache_size) {
		char pragma[48];
		snprintf(pragma, sizeof pragma, "PRAGMA cache_size = %d", b->cache_size);
		credo__exec(b->db, pragma, "sizing the cache");
	}
	sqlite3_finalize(b->find);
	sqlite3_finalize(b->unapplied);
	sqlite3_finalize(b->taken);
	sqlite3_finalize(b->insert);
	for (size_t i = 0; i < b->cap; i++)
		free(b->map[i].code);
	free(b->map);
	free(b);
}

/* The customer of code in the actor's scope, or NULL (not found, out of scope: the single path says which). */
static struct bulk_customer *customer(struct bulk_invoices *b, const char *code, credo_status *rc)
{
	struct bulk_customer *c = slot(b->map, b->cap, code);
	if (c->code)
		return c;
	sqlite3_bind_text(b->find, 3, code, -1, SQLITE_STATIC);
	int r = sqlite3_step(b->find);
	struct bulk_customer found = { 0 };
	if (r == SQLITE_ROW) {
		found.id = sqlite3_column_int64(b->find, 0);
		found.owner = sqlite3_column_int64(b->find, 1);
		found.term = sqlite3_column_type(b->find, 2) == SQLITE_NULL ? b->default_term
									    : sqlite3_column_int(b->find, 2);
	} else if (r != SQLITE_DONE) {
		*rc = credo__dberr(b->db, "finding a customer");
	}
	sqlite3_reset(b->find);
	if (r != SQLITE_ROW)
		return NULL;
	if ((b->used + 1) * 10 > b->cap * 7) {
		if (!grow(b)) {
			*rc = credo__fail(b->db, CREDO_NOMEM, "out of memory");
			return NULL;
		}
	}
	found.code = strdup(code);
	if (!found.code) {
		*rc = credo__fail(b->db, CREDO_NOMEM, "out of memory");
		return NULL;
	}
	c = slot(b->map, b->cap, code);
	*c = found;
	b->used++;
	return c;
}

/* Read the customer's credit status and whether it has credit to apply, once. */
static credo_status load(struct bulk_invoices *b, struct bulk_customer *c)
{
	if (c->loaded)
		return CREDO_OK;
	credo_status rc = credo__credit_status(b->db, c->id, &c->cs);
	if (rc)
		return rc;
	sqlite3_bind_int64(b->unapplied, 1, c->id);
	if (sqlite3_step(b->unapplied) == SQLITE_ROW)
		c->unapplied = sqlite3_column_int(b->unapplied, 0);
	else
		rc = credo__dberr(b->db, "reading unapplied credit");
	sqlite3_reset(b->unapplied);
	c->loaded = rc == CREDO_OK;
	return rc;
}

void credo__bulk_forget(struct bulk_invoices *b, const char *customer_code)
{
	struct bulk_customer *c = slot(b->map, b->cap, customer_code ? customer_code : "");
	if (c->code)
		c->loaded = 0;
}

/* Read the invoice pattern and where its sequence stands, once. */
static credo_status numbering(struct bulk_invoices *b)
{
	if (b->numbering)
		return CREDO_OK;
	credo_status rc = credo__code_pattern(b->db, "invoice", b->pattern, sizeof b->pattern, b->scope);
	sqlite3_stmt *st;
	if (rc == CREDO_OK)
		rc = credo__prepare(b->db, "SELECT next FROM code_sequences WHERE kind = 'invoice' AND scope = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, b->scope, -1, SQLITE_STATIC);
	int r = sqlite3_step(st);
	b->next = r == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 1;
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = credo__dberr(b->db, "numbering an invoice");
	sqlite3_finalize(st);
	b->numbering = rc == CREDO_OK;
	b->numbered = 0;
	return rc;
}

credo_status credo__bulk_sync(struct bulk_invoices *b)
{
	credo_status rc = CREDO_OK;
	if (b->numbering && b->numbered) {
		sqlite3_stmt *st;
		rc = credo__prepare(b->db, "INSERT INTO code_sequences(kind, scope, next) VALUES ('invoice', ?1, ?2)"
				    " ON CONFLICT(kind, scope) DO UPDATE SET next = excluded.next", &st);
		if (rc)
			return rc;
		sqlite3_bind_text(st, 1, b->scope, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, b->next);
		rc = credo__step_done(b->db, st, "numbering an invoice");
	}
	b->numbering = 0;	/* the single path may number codes of its own */
	return rc;
}

/*
 * A code for the invoice as code_for in invoice.c makes it: the given one,
 * or the next number of the pattern that is not taken. 0 to leave the row
 * to the single path.
 */
static int invoice_code(struct bulk_invoices *b, const char *given, char *code, size_t len, credo_status *rc)
{
	if (given && *given) {
		if (strlen(given) > 32 || !credo__text_ok(given, 0))
			return 0;
		snprintf(code, len, "%s", given);
		return 1;	/* the unique index refuses a code already used */
	}
	if ((*rc = numbering(b)))
		return 0;
	for (int tries = 0; tries < 1000; tries++) {
		b->numbered = 1;
		if ((*rc = credo__code_format(b->db, b->pattern, b->next++, code, len)))
			return 0;
		sqlite3_bind_text(b->taken, 1, code, -1, SQLITE_STATIC);
		int r = sqlite3_step(b->taken);
		if (r != SQLITE_ROW && r != SQLITE_DONE)
			*rc = credo__dberr(b->db, "numbering an invoice");
		sqlite3_reset(b->taken);
		if (r != SQLITE_ROW)
			return r == SQLITE_DONE;
	}
	return 0;
}

credo_status credo__bulk_invoice(struct bulk_invoices *b, const struct money_row *r, int *done)
{
	credo_db *db = b->db;
	*done = 0;
	credo_money amount;
	const char *why = NULL;
	if ((r->contract && *r->contract) || !r->customer || !r->amount ||
	    credo_money_parse(r->amount, &amount, &why) != CREDO_OK || amount <= 0)
		return CREDO_OK;
	credo_status rc = CREDO_OK;
	struct bulk_customer *c = customer(b, r->customer, &rc);
	if (!c || (rc = load(b, c)) || c->unapplied)
		return rc;
	/* The rules of insert_invoice (invoice.c), in its order; a failure words itself there. */
	char date[CREDO_DATE_BUFSZ], due[CREDO_DATE_BUFSZ], code[40];
	credo_date day, due_day;
	if (!r->date || credo_date_parse(r->date, &day, NULL) != CREDO_OK || day > b->today)
		return CREDO_OK;
	credo_date_format(day, date, sizeof date);
	if (b->closed[0] && strncmp(date, b->closed, 7) <= 0)
		return CREDO_OK;
	if (r->notes && (strlen(r->notes) > 2000 || !credo__text_ok(r->notes, 1)))
		return CREDO_OK;
	if (r->due_date && *r->due_date) {
		if (credo_date_parse(r->due_date, &due_day, NULL) != CREDO_OK || due_day < day)
			return CREDO_OK;
	} else {
		due_day = day + c->term;
	}
	credo_date_format(due_day, due, sizeof due);
	/* The single path numbers the code before the check: either order numbers the rows it writes alike. */
	if (!db->backfill && !credo__credit_passes(&c->cs, amount))
		return CREDO_OK;
	if (!invoice_code(b, r->code, code, sizeof code, &rc))
		return rc;

	char now[21];
	credo__now(now);
	sqlite3_stmt *st = b->insert;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, c->id);
	sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, due, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, amount);
	sqlite3_bind_int64(st, 6, c->owner);
	sqlite3_bind_text(st, 7, r->notes ? r->notes : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, now, -1, SQLITE_STATIC);
	int s = sqlite3_step(st);
	if (s != SQLITE_DONE && (s & 0xff) != SQLITE_CONSTRAINT)
		rc = credo__dberr(db, "recording an invoice");
	sqlite3_reset(st);
	if (s != SQLITE_DONE)
		return rc;	/* CREDO_OK for a code given that is taken: the single path words the refusal */
	/* What the status query would now read for this customer. */
	c->cs.exposure += amount;
	if (b->today - due_day > c->cs.max_days_overdue) {
		c->cs.max_days_overdue = b->today - due_day;
		c->cs.on_hold = c->cs.max_days_overdue > b->hold_days;
	}
	b->written++;
	*done = 1;
	return CREDO_OK;
}

credo_status credo__bulk_finish(struct bulk_invoices *b, const char *file, const char sha256[65])
{
	credo_status rc = credo__bulk_sync(b);
	if (rc || b->written == 0)
		return rc;
	sqlite3_stmt *st;
	rc = credo__prepare(b->db, "SELECT max(id) FROM invoices", &st);
	if (rc)
		return rc;
	int64_t last = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	/* The customers' figures are recomputed by the import once for the whole file (import.c). */
	return credo__audit_import(b->db, "invoices", file, sha256, b->first_id, last);
}
