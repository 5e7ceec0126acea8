/*
 * internal.h - what the core's modules share and nobody else sees.
 */
#ifndef CREDO_INTERNAL_H
#define CREDO_INTERNAL_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "credo/credo.h"
#include "i18n.h"

#define CREDO_LOGIN_MAX 32

struct credo_actor {
	int64_t id;			/* -1 before a login */
	char login[CREDO_LOGIN_MAX + 1];
	char name[201];
	credo_role role;
	char via[CREDO_LOGIN_MAX + 1];	/* admin behind --as, "" if none */
};

struct credo_db {
	sqlite3 *sql;
	char *path;
	char err[512];
	struct credo_actor actor;
	int mut_depth;		/* nesting of credo__mut_begin */
	int mut_audits;		/* audit rows written in the outermost mutation */
	int backfill;		/* the demo records past sales as they happened: no credit check */
	int busy_ms;		/* how long a statement waits for another's lock */
	int denying;		/* writing a refused attempt's audit row (no recursion) */
	char denied[512];	/* a refusal met inside a change, audited after its rollback */
	int64_t fig_dirty[16];	/* customers whose figures the change moved (figures.c) */
	int fig_n;
	int fig_all;		/* more than fig_dirty holds, or a bulk write: refresh every customer */
};

#if defined(__GNUC__)
#define CREDO_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define CREDO_PRINTF(a, b)
#endif

/*
 * Set the handle's last-error text and return st. A CREDO_PERM refusal is
 * also recorded: every permission failure passes here, so each refused
 * attempt leaves one audit row (credo__audit_denied).
 */
credo_status credo__fail(credo_db *db, credo_status st, const char *fmt, ...) CREDO_PRINTF(3, 4);

/*
 * Append an "access"/"denied" audit row naming the actor and the refusal
 * text, in its own small transaction, so it survives the rollback of the
 * change that was refused and stays in the hash chain. Inside a change it
 * is deferred to credo__mut_end. Failing to write it (a read-only file)
 * changes nothing for the caller, who still gets the refusal.
 */
void credo__audit_denied(credo_db *db, const char *refusal);

/* Turn the connection's current SQLite error into a status and message about what. */
credo_status credo__dberr(credo_db *db, const char *what);

/* CREDO_NOUSER unless somebody is logged in: reads need an actor for their scope. */
credo_status credo__need_login(credo_db *db);

/*
 * Bind the data scope every read query tests as "(?1 OR owner_id = ?2)":
 * ?1 is whether the actor sees everything, ?2 the actor's id.
 */
void credo__bind_scope(credo_db *db, sqlite3_stmt *st);

/*
 * Look a record up by its human code with a constant query that selects
 * its id, tests the scope as ?1/?2 and the code as ?3. CREDO_NOTFOUND says
 * "no WHAT with code CODE"; a record that exists outside the actor's scope
 * is CREDO_PERM, refused and audited like any other permission failure.
 */
credo_status credo__find_code(credo_db *db, const char *sql, const char *what, const char *code, int64_t *id);

/* CREDO_PERM (audited): the actor may not see record which of kind what, out of its scope. */
credo_status credo__out_of_scope(credo_db *db, const char *what, const char *which);

/* Run constant SQL (one or more statements; never user text), discarding rows. */
credo_status credo__exec(credo_db *db, const char *sql, const char *what);

/* Prepare sql (a constant in the calling module); CREDO_DB on failure. */
credo_status credo__prepare(credo_db *db, const char *sql, sqlite3_stmt **out);

/* Bind text, or NULL when s is NULL or empty. */
int credo__bind_text_or_null(sqlite3_stmt *st, int i, const char *s);

/* Column as text, "" for NULL. */
const char *credo__col_text(sqlite3_stmt *st, int i);

/* Current UTC time "YYYY-MM-DDTHH:MM:SSZ" into buf[21]. */
void credo__now(char buf[21]);

/*
 * The one path every mutation takes:
 *
 *	st = credo__mut_begin(db, CREDO_PERM_X);
 *	if (st) return st;
 *	... change rows, credo__audit(...) for each ...
 *	return credo__mut_end(db, st);
 *
 * begin checks the permission and opens a write transaction (a savepoint
 * when nested); end commits when st is CREDO_OK and at least one audit row
 * was written, and otherwise rolls everything back, so a failed call leaves
 * the database unchanged. A mutation that wrote no audit row is refused.
 */
credo_status credo__mut_begin(credo_db *db, credo_perm perm);
credo_status credo__mut_end(credo_db *db, credo_status st);

/*
 * Append one hash-chained audit row for entity/id. before and after are JSON
 * objects or NULL. Must run inside credo__mut_begin/end.
 */
credo_status credo__audit(credo_db *db, const char *entity, int64_t id,
			  const char *action, const char *before, const char *after);

/*
 * Run a constant "SELECT json_object(...) ... WHERE id = ?1" for id and
 * return its text, malloc'd (caller frees), or NULL if no row.
 */
char *credo__snapshot(credo_db *db, const char *sql, int64_t id);

/*
 * Audit rows for records written in bulk (the large demo): one "action" row
 * per result row of rows, which yields (entity id, after snapshot, actor
 * login) in id order, chained like credo__audit's. Inside a mutation.
 */
credo_status credo__audit_bulk(credo_db *db, const char *entity, const char *action, sqlite3_stmt *rows);

/*
 * The one audit row of a bulk import (audit_import.c): table's rows first..
 * last, written from file (its SHA-256 as hex), with the digest of their
 * content that credo check recomputes. Inside the import's mutation.
 */
credo_status credo__audit_import(credo_db *db, const char *table, const char *file, const char *sha256,
				 int64_t first, int64_t last);

/* The id ranges of table written by bulk imports, each verified against its digest. */
struct credo__import_ranges {
	size_t n;
	int64_t *first, *last;	/* sorted by first */
	int64_t bad_audit_row;	/* the import whose rows no longer match its digest, 0 if none */
};

/*
 * Load and verify table's imports. A range whose rows differ sets
 * bad_audit_row and the reason into detail (status still CREDO_OK).
 */
credo_status credo__import_ranges(credo_db *db, const char *table, struct credo__import_ranges *out,
				  char *detail, size_t len);
int credo__import_covers(const struct credo__import_ranges *r, int64_t id);
void credo__import_ranges_free(struct credo__import_ranges *r);

/* The snapshot queries of the modules ("... WHERE id = ?1"), for bulk audit rows. */
extern const char *const credo__snap_customer, *const credo__snap_contact, *const credo__snap_invoice,
	*const credo__snap_payment, *const credo__snap_alloc, *const credo__snap_visit, *const credo__snap_limit;

/*
 * Next human code of a kind ("customer", "invoice", ...) from the setting
 * code.KIND, e.g. "HT-{yyyy}-{seq:4}" -> "HT-2026-0042". Advances the
 * sequence; call inside a mutation.
 */
credo_status credo__next_code(credo_db *db, const char *kind, char *buf, size_t len);

/*
 * The two halves of credo__next_code, for a caller that numbers many codes
 * in one go and keeps the sequence itself (the bulk import): the pattern
 * of kind and the scope its sequence runs in ("" or this year), and the
 * code for sequence number seq.
 */
credo_status credo__code_pattern(credo_db *db, const char *kind, char *pattern, size_t plen, char scope[8]);
credo_status credo__code_format(credo_db *db, const char *pattern, long long seq, char *buf, size_t len);

/* Setting value into buf; CREDO_NOTFOUND if unset. */
credo_status credo__setting(credo_db *db, const char *key, char *buf, size_t len);

/* Switch the acting user to login, keeping via (demo and admin tools). */
credo_status credo__act_as(credo_db *db, const char *login);

/* credo_check without the permission test (restore verifies a file nobody is logged into). */
credo_status credo__verify(credo_db *db, credo_check_report *rep);

/* SHA-256 of data as 64 lowercase hex digits plus NUL. */
void credo__sha256_hex(const void *data, size_t len, char out[65]);

/*
 * 1 if s is valid UTF-8 without control characters; multiline text (notes,
 * findings) may also hold newlines and tabs.
 */
int credo__text_ok(const char *s, int multiline);

/* CREDO_OK if customer id is in the actor's scope; CREDO_PERM if it exists outside it, else CREDO_NOTFOUND. */
credo_status credo__customer_visible(credo_db *db, int64_t id);

/* Parse an ISO date argument named field into buf (canonical form); CREDO_INVALID naming the field. */
credo_status credo__date_arg(credo_db *db, const char *field, const char *text, char buf[CREDO_DATE_BUFSZ]);

/* A mutation's "date NULL means today" argument, checked and canonical in buf. */
credo_status credo__date_or_today(credo_db *db, const char *field, const char *text, char buf[CREDO_DATE_BUFSZ]);

/* Parse "0,30,60" into vals (at most max); NULL, or the rule broken. */
const char *credo__int_list(const char *text, int *vals, int max, int *n);

/* An integer setting, or fallback when unset or not a number. */
int64_t credo__setting_int(credo_db *db, const char *key, int64_t fallback);

/* A money setting ("50000.00"), or fallback. */
credo_money credo__setting_money(credo_db *db, const char *key, credo_money fallback);

/* Run a prepared single-row UPDATE/INSERT; CREDO_OK or the database error about what. Finalizes st. */
credo_status credo__step_done(credo_db *db, sqlite3_stmt *st, const char *what);

/*
 * Audit a change of one row: before (may be NULL) is a snapshot taken
 * earlier; after is taken now with snap_sql. Frees nothing it was given.
 */
credo_status credo__audit_row(credo_db *db, const char *entity, int64_t id, const char *action,
			      const char *snap_sql, const char *before);

/* Apply amount of a payment or a credit note (the other id 0) to an invoice on date, audited. */
credo_status credo__allocate(credo_db *db, int64_t payment_id, int64_t credit_note_id, int64_t invoice_id,
			     credo_money amount, const char *date);

/* What is still open on an invoice today. */
credo_money credo__invoice_open(credo_db *db, int64_t invoice_id);

/* Apply up to available of a payment or credit note to the customer's oldest-due open invoices. */
credo_status credo__apply_oldest(credo_db *db, int64_t customer, int64_t payment_id, int64_t credit_note_id,
				 credo_money available, const char *date);

/* Apply the customer's unapplied payments and credit notes, oldest first, to a new invoice. */
credo_status credo__apply_credits(credo_db *db, int64_t customer, int64_t invoice_id, const char *date);

/*
 * The credit check (DESIGN.md section 5), run inside the transaction of a
 * contract activation (contract_id > 0) or an invoice: CREDO_OK, or
 * CREDO_RULE naming the customer, limit, exposure and shortfall. With an
 * override_reason from a credit manager a blocked sale passes and the
 * override is recorded.
 */
credo_status credo__credit_check(credo_db *db, int64_t customer_id, int64_t contract_id,
				 credo_money amount, const char *override_reason);

/*
 * The bulk import's credit check: a customer's status read once (any
 * actor, like the check), then credo__credit_passes says whether an
 * invoice of amount without a contract passes the same rules in the same
 * order as credo__credit_check. The caller keeps the status up to date
 * with what it writes; a refusal is left to credo__credit_check, which
 * words it.
 */
credo_status credo__credit_status(credo_db *db, int64_t customer_id, credo_credit_status *out);
int credo__credit_passes(const credo_credit_status *cs, credo_money amount);

/*
 * CREDO_OK when an entry may be dated date (canonical ISO text): CREDO_RULE
 * when its month, or a later one, is closed (month.c). Every ledger entry
 * (invoice, credit note, payment, reversal) asks before it is written.
 */
credo_status credo__month_open(credo_db *db, const char *date);

/*
 * The customers a search text matches, in list order: by name or code,
 * ascending or backward from the key after, within the actor's scope and
 * the owner given; ranked leaves out the search's first tiers (the exact
 * code, names and short names starting with the text). emit gets each id
 * in order until limit ids or it returns nonzero (CREDO_STOP). text is a
 * checked, non-empty search text. customer_search.c.
 */
struct credo__search_walk {
	const char *text;
	int by_code, backward, ranked;
	const char *owner_login;	/* NULL: every owner */
	const credo_customer_key *after;	/* NULL or not valid: from the start */
	int limit;
	int (*emit)(int64_t id, void *ctx);
	void *ctx;
};
credo_status credo__search_walk(credo_db *db, const struct credo__search_walk *w);

/*
 * Rows the walk tests one by one before asking the index (0: its own
 * choice), and the most candidates it sorts rather than probes (1000).
 * Tests set them low to take every path on a small file.
 */
extern int credo__search_walk_rows, credo__search_sort_max;

/*
 * The ledger as of a day (asof.c): fill temp.asof_invoices (the invoice's
 * id, customer_id, code, contract_id, dates, day numbers, amount,
 * collector_id and disputed, and open) with every invoice dated up to day
 * whose open amount then is not zero, and temp.asof_payments (payment_id, customer_id,
 * unapplied) likewise for the payments, in one ordered pass each.
 * credo__asof_drop removes them (keeping the handle's error text).
 */
credo_status credo__asof_build(credo_db *db, credo_date day, const char *date);
void credo__asof_drop(credo_db *db);

/*
 * Customer figures (figures.c, table customer_figures): the per-customer
 * open and overdue amounts, exposure, limit and utilisation the customer
 * list sorts by. Whatever writes invoices, payments, allocations, credit
 * limits or contracts must keep them right in the same transaction:
 *
 * credo__figures_touch marks a customer (0: every customer) whose figures
 * the current change moves; the outermost credo__mut_end recomputes the
 * marked ones before it commits. Cheap enough to call per row.
 */
void credo__figures_touch(credo_db *db, int64_t customer_id);

/* Touch the customer a constant "SELECT customer_id ... WHERE id = ?1" gives for id. */
void credo__figures_touch_of(credo_db *db, const char *sql, int64_t id);

/* Recompute one customer's figures (0: every customer, one set-based statement) as of today, now. */
credo_status credo__figures_refresh(credo_db *db, int64_t customer_id);

/*
 * For bulk writers (CSV import): the highest customer, invoice, payment
 * and allocation ids before the bulk; after it, recompute in one statement
 * the customers of every row written since (every customer when they are
 * many), whatever path wrote them. Clears the marks the rows left.
 */
struct credo__figures_mark {
	int64_t customer, invoice, payment, allocation;
};
void credo__figures_watermark(credo_db *db, struct credo__figures_mark *m);
credo_status credo__figures_refresh_since(credo_db *db, const struct credo__figures_mark *m);

/* Recompute the marked customers (credo__mut_end); forget the marks on a rollback. */
credo_status credo__figures_flush(credo_db *db);
void credo__figures_forget(credo_db *db);

/*
 * Before a read sorted by the figures: recompute, in one statement, the
 * customers whose figures changed by themselves since they were stamped
 * (an open invoice fell due, a limit started or ended). Nothing to do is
 * two index probes.
 */
credo_status credo__figures_catch_up(credo_db *db);

/* For credo check: *ok = 0 and detail naming the first customer whose stored figures differ from the ledger. */
credo_status credo__figures_verify(credo_db *db, char *detail, size_t len, int *ok);

/* The schema version that added customer_figures: a file migrated across it gets its rows computed. */
#define CREDO__FIGURES_SCHEMA 8

#endif
