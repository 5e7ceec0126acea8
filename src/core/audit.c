/* audit.c - the hash-chained audit log and credo_check. */
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* A SHA-256 digest as 64 lowercase hex digits (a table, not printf: the bulk audit hashes millions). */
static void hex(const unsigned char *md, unsigned int n, char out[65])
{
	static const char digits[] = "0123456789abcdef";
	for (unsigned int i = 0; i < n && i < 32; i++) {
		out[2 * i] = digits[md[i] >> 4];
		out[2 * i + 1] = digits[md[i] & 15];
	}
	out[n < 32 ? 2 * n : 64] = '\0';
}

void credo__sha256_hex(const void *data, size_t len, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	EVP_Digest(data, len, md, &n, EVP_sha256(), NULL);
	hex(md, n, out);
}

/*
 * The hash covers the previous hash and every field of the row, each
 * followed by a 0x1f unit separator so no two different rows serialise the
 * same way (the fields are UTF-8 text without control characters, JSON
 * escapes its own).
 */
static void row_hash_ctx(EVP_MD_CTX *ctx, const char *prev, const credo_audit_row *r, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)r->entity_id);
	const char *fields[] = { prev, r->at, r->actor, r->via, r->entity, id,
				 r->action, r->before, r->after };
	EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		EVP_DigestUpdate(ctx, fields[i], strlen(fields[i]));
		EVP_DigestUpdate(ctx, "\x1f", 1);
	}
	EVP_DigestFinal_ex(ctx, md, &n);
	hex(md, n, out);
}

static void row_hash(const char *prev, const credo_audit_row *r, char out[65])
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	row_hash_ctx(ctx, prev, r, out);
	EVP_MD_CTX_free(ctx);
}

/* The hash the next audit row follows (the genesis hash on an empty log), inside a change. */
static credo_status chain_head(credo_db *db, char prev[65])
{
	if (db->mut_depth == 0)
		return credo__fail(db, CREDO_DB, "internal error: audit row outside a change");
	snprintf(prev, 65, "%s", GENESIS_HASH);
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1", &st);
	if (rc)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(prev, 65, "%s", credo__col_text(st, 0));
	sqlite3_finalize(st);
	return CREDO_OK;
}

credo_status credo__audit(credo_db *db, const char *entity, int64_t id,
			  const char *action, const char *before, const char *after)
{
	char prev[65], at[21], hash[65];
	credo_status rc = chain_head(db, prev);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	credo__now(at);
	credo_audit_row row = {
		.at = at, .actor = db->actor.login, .via = db->actor.via, .entity = entity,
		.entity_id = id, .action = action, .before = before ? before : "",
		.after = after ? after : "",
	};
	row_hash(prev, &row, hash);

	rc = credo__prepare(db, "INSERT INTO audit_log(at, actor, via, entity, entity_id, action,"
			    " before, after, prev_hash, hash) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, row.at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, row.actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, row.via, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, row.entity, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, row.entity_id);
	sqlite3_bind_text(st, 6, row.action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, row.before, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, row.after, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, prev, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, hash, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = credo__dberr(db, "writing the audit log");
	else
		db->mut_audits++;
	sqlite3_finalize(st);
	return rc;
}

void credo__audit_denied(credo_db *db, const char *refusal)
{
	if (!db || !db->sql || db->denying)
		return;
	char keep[sizeof db->err], why[sizeof db->err];
	memcpy(keep, db->err, sizeof keep);
	snprintf(why, sizeof why, "%s", refusal);
	db->denying = 1;
	if (credo__exec(db, "BEGIN IMMEDIATE", "recording a refused attempt") == CREDO_OK) {
		sqlite3_stmt *st;
		char *after = NULL;
		if (credo__prepare(db, "SELECT json_object('role', ?1, 'refused', ?2)", &st) == CREDO_OK) {
			sqlite3_bind_text(st, 1, db->actor.id > 0 ? credo_role_name(db->actor.role) : "", -1,
					  SQLITE_STATIC);
			sqlite3_bind_text(st, 2, why, -1, SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW)
				after = strdup(credo__col_text(st, 0));
			sqlite3_finalize(st);
		}
		db->mut_depth++;
		credo_status rc = after ? credo__audit(db, "access", db->actor.id > 0 ? db->actor.id : 0,
						      "denied", NULL, after) : CREDO_NOMEM;
		db->mut_depth--;
		free(after);
		credo__exec(db, rc == CREDO_OK ? "COMMIT" : "ROLLBACK", "recording a refused attempt");
		if (rc == CREDO_OK && sqlite3_get_autocommit(db->sql) == 0)
			credo__exec(db, "ROLLBACK", "recording a refused attempt");
	}
	db->denying = 0;
	memcpy(db->err, keep, sizeof keep);
}

#define AUDIT_COLS "id, at, actor, via, entity, entity_id, action, before, after"

static void row_from(sqlite3_stmt *st, credo_audit_row *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->at = credo__col_text(st, 1);
	r->actor = credo__col_text(st, 2);
	r->via = credo__col_text(st, 3);
	r->entity = credo__col_text(st, 4);
	r->entity_id = sqlite3_column_int64(st, 5);
	r->action = credo__col_text(st, 6);
	r->before = credo__col_text(st, 7);
	r->after = credo__col_text(st, 8);
}

credo_status credo_audit_list(credo_db *db, const char *entity, int64_t entity_id,
			      int limit, credo_audit_cb cb, void *ctx)
{
	credo_status rc = credo_require(db, CREDO_PERM_READ_ALL);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	rc = credo__prepare(db, "SELECT " AUDIT_COLS " FROM audit_log"
			    " WHERE (?1 IS NULL OR entity = ?1) AND (?2 <= 0 OR entity_id = ?2)"
			    " ORDER BY id DESC LIMIT ?3", &st);
	if (rc)
		return rc;
	credo__bind_text_or_null(st, 1, entity);
	sqlite3_bind_int64(st, 2, entity_id);
	sqlite3_bind_int(st, 3, limit > 0 ? limit : -1);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_audit_row row;
		row_from(st, &row);
		if (cb(&row, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "reading the audit log");
	sqlite3_finalize(st);
	return rc;
}

static credo_status check_integrity(credo_db *db, credo_check_report *rep)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "PRAGMA integrity_check", &st);
	if (rc)
		return rc;
	rep->integrity_ok = 1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *msg = credo__col_text(st, 0);
		if (strcmp(msg, "ok") != 0) {
			if (rep->integrity_ok)
				snprintf(rep->detail, sizeof rep->detail, _("integrity check: %s"), msg);
			rep->integrity_ok = 0;
		}
	}
	sqlite3_finalize(st);
	return CREDO_OK;
}

static credo_status check_foreign_keys(credo_db *db, credo_check_report *rep)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "PRAGMA foreign_key_check", &st);
	if (rc)
		return rc;
	rep->foreign_keys_ok = 1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		rep->foreign_keys_ok = 0;
		if (!rep->detail[0])
			snprintf(rep->detail, sizeof rep->detail,
				 "foreign key: row %lld of %s points to a missing %s",
				 (long long)sqlite3_column_int64(st, 1), credo__col_text(st, 0),
				 credo__col_text(st, 2));
	}
	sqlite3_finalize(st);
	return CREDO_OK;
}

static credo_status check_chain(credo_db *db, credo_check_report *rep)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT " AUDIT_COLS ", prev_hash, hash"
					 " FROM audit_log ORDER BY id", &st);
	if (rc)
		return rc;
	char prev[65] = GENESIS_HASH, want[65];
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	if (!ctx) {
		sqlite3_finalize(st);
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	}
	rep->chain_ok = 1;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_audit_row row;
		row_from(st, &row);
		const char *stored_prev = credo__col_text(st, 9);
		const char *stored = credo__col_text(st, 10);
		row_hash_ctx(ctx, prev, &row, want);
		const char *why = NULL;
		if (strcmp(stored_prev, prev) != 0)
			why = _("does not follow the row before it (a row was removed or reordered)");
		else if (strcmp(stored, want) != 0)
			why = _("was changed after it was written (its hash does not match its content)");
		if (why) {
			rep->chain_ok = 0;
			rep->first_bad_row = row.id;
			if (!rep->detail[0])
				snprintf(rep->detail, sizeof rep->detail, _("audit row %lld (%s %s #%lld) %s"),
					 (long long)row.id, row.action, row.entity,
					 (long long)row.entity_id, why);
			break;
		}
		rep->audit_rows++;
		snprintf(prev, sizeof prev, "%s", stored);
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = credo__dberr(db, "reading the audit log");
	EVP_MD_CTX_free(ctx);
	sqlite3_finalize(st);
	return rc;
}

/*
 * The money rows must agree with what their audit rows say. Each table is
 * one streaming query: every row beside the after-values of its latest
 * audit row (one index seek on audit_log(entity, entity_id, id)), keeping
 * the first row that has no audit row or differs in a field the audit row
 * names. Only fields no unaudited statement may touch are compared
 * (reversal marks on allocations and retired limits are audited on the
 * payment and the new limit, not on these rows).
 */
struct ledger_table {
	const char *entity;
	const char *sql;
};

#define LEDGER_FIELD(f) \
	" WHEN json_type(a.after, '$." f "') IS NOT NULL AND json_extract(a.after, '$." f "') IS NOT t." f \
	" THEN '" f "'"
#define LEDGER_SQL(table, fields) \
	"SELECT t.id, CASE WHEN a.id IS NULL THEN '' " fields " END AS bad" \
	" FROM " table " t LEFT JOIN audit_log a ON a.id = (SELECT max(l.id) FROM audit_log l" \
	"   WHERE l.entity = '" table "' AND l.entity_id = t.id)" \
	" WHERE a.id IS NULL OR bad IS NOT NULL ORDER BY t.id"

static const struct ledger_table ledger_tables[] = {
	{ "invoices", LEDGER_SQL("invoices", LEDGER_FIELD("code") LEDGER_FIELD("customer_id") LEDGER_FIELD("amount")
				 LEDGER_FIELD("invoice_date") LEDGER_FIELD("due_date")) },
	{ "payments", LEDGER_SQL("payments", LEDGER_FIELD("code") LEDGER_FIELD("customer_id") LEDGER_FIELD("amount")
				 LEDGER_FIELD("pay_date") LEDGER_FIELD("reversed_at")) },
	{ "allocations", LEDGER_SQL("allocations", LEDGER_FIELD("payment_id") LEDGER_FIELD("credit_note_id")
				    LEDGER_FIELD("invoice_id") LEDGER_FIELD("amount") LEDGER_FIELD("alloc_date")) },
	{ "credit_limits", LEDGER_SQL("credit_limits", LEDGER_FIELD("customer_id") LEDGER_FIELD("kind")
				      LEDGER_FIELD("amount") LEDGER_FIELD("effective_from")
				      LEDGER_FIELD("expires")) },
};

static credo_status check_ledger(credo_db *db, credo_check_report *rep)
{
	rep->ledger_ok = 1;
	for (size_t i = 0; i < sizeof ledger_tables / sizeof ledger_tables[0]; i++) {
		const struct ledger_table *t = &ledger_tables[i];
		/* Rows a bulk import wrote are covered by its one audit row (audit_import.c). */
		struct credo__import_ranges imported;
		char why[sizeof rep->detail] = "";
		credo_status rc = credo__import_ranges(db, t->entity, &imported, why, sizeof why);
		if (rc)
			return rc;
		if (imported.bad_audit_row) {
			rep->ledger_ok = 0;
			if (!rep->detail[0])
				snprintf(rep->detail, sizeof rep->detail, "%s", why);
			credo__import_ranges_free(&imported);
			return CREDO_OK;
		}
		sqlite3_stmt *st;
		rc = credo__prepare(db, t->sql, &st);
		if (rc) {
			credo__import_ranges_free(&imported);
			return rc;
		}
		int r;
		while ((r = sqlite3_step(st)) == SQLITE_ROW) {
			const char *field = credo__col_text(st, 1);
			if (!*field && credo__import_covers(&imported, sqlite3_column_int64(st, 0)))
				continue;
			rep->ledger_ok = 0;
			if (!rep->detail[0]) {
				if (*field)
					snprintf(rep->detail, sizeof rep->detail, "%s row %lld: %s differs from its"
						 " latest audit row (changed behind credo's back)", t->entity,
						 (long long)sqlite3_column_int64(st, 0), field);
				else
					snprintf(rep->detail, sizeof rep->detail, "%s row %lld has no audit row"
						 " (written behind credo's back)", t->entity,
						 (long long)sqlite3_column_int64(st, 0));
			}
			break;
		}
		if (r != SQLITE_ROW && r != SQLITE_DONE)
			rc = credo__dberr(db, "comparing the ledger with the audit log");
		sqlite3_finalize(st);
		credo__import_ranges_free(&imported);
		if (rc || !rep->ledger_ok)
			return rc;
	}
	/* The derived customer figures must be what the ledger gives (a backup may predate them). */
	if (credo_schema_version(db) < CREDO__FIGURES_SCHEMA)
		return CREDO_OK;
	char why[sizeof rep->detail];
	credo_status rc = credo__figures_verify(db, why, sizeof why, &rep->ledger_ok);
	if (rc == CREDO_OK && !rep->ledger_ok && !rep->detail[0])
		snprintf(rep->detail, sizeof rep->detail, "%s", why);
	return rc;
}

credo_status credo_check(credo_db *db, credo_check_report *rep)
{
	memset(rep, 0, sizeof *rep);
	credo_status rc = credo_require(db, CREDO_PERM_READ_ALL);
	return rc ? rc : credo__verify(db, rep);
}

credo_status credo__verify(credo_db *db, credo_check_report *rep)
{
	memset(rep, 0, sizeof *rep);
	credo_status rc = check_integrity(db, rep);
	if (rc == CREDO_OK)
		rc = check_foreign_keys(db, rep);
	if (rc == CREDO_OK)
		rc = check_chain(db, rep);
	if (rc == CREDO_OK)
		rc = check_ledger(db, rep);
	if (rc)
		return rc;
	if (!rep->integrity_ok || !rep->foreign_keys_ok || !rep->chain_ok || !rep->ledger_ok)
		return credo__fail(db, CREDO_CORRUPT, "%s", rep->detail);
	return CREDO_OK;
}

credo_status credo__audit_bulk(credo_db *db, const char *entity, const char *action, sqlite3_stmt *rows)
{
	char prev[65], at[21], hash[65];
	credo_status rc = chain_head(db, prev);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	credo__now(at);
	rc = credo__prepare(db, "INSERT INTO audit_log(at, actor, via, entity, entity_id, action,"
			    " before, after, prev_hash, hash) VALUES (?1,?2,?3,?4,?5,?6,'',?7,?8,?9)", &st);
	if (rc)
		return rc;
	/* One digest context for all the rows; what every row shares is bound once. */
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	if (!ctx) {
		sqlite3_finalize(st);
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	}
	sqlite3_bind_text(st, 1, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, db->actor.via, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, entity, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, action, -1, SQLITE_STATIC);
	int r;
	while (rc == CREDO_OK && (r = sqlite3_step(rows)) == SQLITE_ROW) {
		credo_audit_row row = {
			.at = at, .actor = credo__col_text(rows, 2), .via = db->actor.via, .entity = entity,
			.entity_id = sqlite3_column_int64(rows, 0), .action = action, .before = "",
			.after = credo__col_text(rows, 1),
		};
		row_hash_ctx(ctx, prev, &row, hash);
		sqlite3_bind_text(st, 2, row.actor, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, row.entity_id);
		sqlite3_bind_text(st, 7, row.after, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, prev, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, hash, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = credo__dberr(db, "writing the audit log");
		sqlite3_reset(st);
		memcpy(prev, hash, sizeof prev);
		db->mut_audits++;
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "reading rows to audit");
	EVP_MD_CTX_free(ctx);
	sqlite3_finalize(st);
	return rc;
}
