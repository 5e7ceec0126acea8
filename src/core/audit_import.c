/*
 * audit_import.c - the audit row of a bulk import, and how credo check
 * verifies the rows it covers.
 *
 * A bulk import of invoices writes one audit row for the whole file
 * (entity "imports", entity_id the first invoice id), whose after-values
 * name the table, the file and the SHA-256 of its content, the id range
 * written, the number of rows in it and a digest of their content: SHA-256
 * over every row of the range in id order, each field followed by 0x1f
 * and each row by 0x1e. Only fields no statement of credo ever changes
 * are digested (code, customer, contract, dates, amount, notes), so the
 * digest holds for the life of the file; fields that do change (collector,
 * disputed) are audited row by row when they change.
 *
 * credo check accepts a ledger row without an audit row of its own when an
 * import row covers it, and recomputes every import's digest: a row of the
 * range edited, deleted or added behind credo's back changes it.
 */
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The digested fields of each table an import may write. */
static const struct {
	const char *table;
	const char *sql;	/* rows with ?1 <= id <= ?2 in id order */
} digests[] = {
	{ "invoices", "SELECT id, code, customer_id, coalesce(contract_id, ''), invoice_date, due_date, amount, notes"
		      " FROM invoices WHERE id BETWEEN ?1 AND ?2 ORDER BY id" },
};

static const char *digest_sql(const char *table)
{
	for (size_t i = 0; i < sizeof digests / sizeof digests[0]; i++)
		if (strcmp(digests[i].table, table) == 0)
			return digests[i].sql;
	return NULL;
}

/* Digest of table's rows first..last into out, and how many there are. */
static credo_status range_digest(credo_db *db, const char *table, int64_t first, int64_t last, char out[65],
				 int64_t *rows)
{
	const char *sql = digest_sql(table);
	if (!sql)
		return credo__fail(db, CREDO_DB, "internal error: no import digest for %s", table);
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, sql, &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, first);
	sqlite3_bind_int64(st, 2, last);
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	if (!ctx || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL)) {
		EVP_MD_CTX_free(ctx);
		sqlite3_finalize(st);
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	}
	*rows = 0;
	int r, cols = sqlite3_column_count(st);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < cols; i++) {
			const unsigned char *v = sqlite3_column_text(st, i);
			EVP_DigestUpdate(ctx, v ? (const char *)v : "", (size_t)sqlite3_column_bytes(st, i));
			EVP_DigestUpdate(ctx, "\x1f", 1);
		}
		EVP_DigestUpdate(ctx, "\x1e", 1);
		(*rows)++;
	}
	if (r != SQLITE_DONE)
		rc = credo__dberr(db, "reading imported rows");
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	EVP_DigestFinal_ex(ctx, md, &n);
	EVP_MD_CTX_free(ctx);
	sqlite3_finalize(st);
	for (unsigned int i = 0; i < n && i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
	out[64] = '\0';
	return rc;
}

credo_status credo__audit_import(credo_db *db, const char *table, const char *file, const char *sha256,
				 int64_t first, int64_t last)
{
	char digest[65];
	int64_t rows = 0;
	credo_status rc = range_digest(db, table, first, last, digest, &rows);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	rc = credo__prepare(db, "SELECT json_object('table', ?1, 'file', ?2, 'sha256', ?3, 'rows', ?4,"
			    " 'first_id', ?5, 'last_id', ?6, 'digest', ?7)", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, file, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, rows);
	sqlite3_bind_int64(st, 5, first);
	sqlite3_bind_int64(st, 6, last);
	sqlite3_bind_text(st, 7, digest, -1, SQLITE_STATIC);
	char *after = NULL;
	if (sqlite3_step(st) == SQLITE_ROW)
		after = strdup(credo__col_text(st, 0));
	sqlite3_finalize(st);
	if (!after)
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	rc = credo__audit(db, "imports", first, "import", NULL, after);
	free(after);
	return rc;
}

void credo__import_ranges_free(struct credo__import_ranges *r)
{
	free(r->first);
	free(r->last);
	memset(r, 0, sizeof *r);
}

credo_status credo__import_ranges(credo_db *db, const char *table, struct credo__import_ranges *out,
				  char *detail, size_t len)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT id, json_extract(after, '$.first_id'), json_extract(after, '$.last_id'),"
					 " json_extract(after, '$.rows'), json_extract(after, '$.digest') FROM audit_log"
					 " WHERE entity = 'imports' AND json_extract(after, '$.table') = ?1"
					 " ORDER BY json_extract(after, '$.first_id')", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	int r;
	size_t cap = 0;
	while (rc == CREDO_OK && (r = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t audit = sqlite3_column_int64(st, 0), first = sqlite3_column_int64(st, 1),
			last = sqlite3_column_int64(st, 2), rows = sqlite3_column_int64(st, 3), got = 0;
		char want[65], have[65];
		snprintf(want, sizeof want, "%s", credo__col_text(st, 4));
		rc = range_digest(db, table, first, last, have, &got);
		if (rc)
			break;
		if (got != rows || strcmp(want, have) != 0) {
			out->bad_audit_row = audit;
			snprintf(detail, len, _("%s rows %lld to %lld, imported with audit row %lld, differ from what"
				 " the import wrote (changed behind credo's back)"), table, (long long)first,
				 (long long)last, (long long)audit);
			break;
		}
		if (out->n == cap) {
			cap = cap ? cap * 2 : 8;
			int64_t *f = realloc(out->first, cap * sizeof *f);
			if (f)
				out->first = f;
			int64_t *l = f ? realloc(out->last, cap * sizeof *l) : NULL;
			if (l)
				out->last = l;
			if (!f || !l) {
				rc = credo__fail(db, CREDO_NOMEM, "out of memory");
				break;
			}
		}
		out->first[out->n] = first;
		out->last[out->n] = last;
		out->n++;
	}
	if (rc == CREDO_OK && !out->bad_audit_row && r != SQLITE_DONE)
		rc = credo__dberr(db, "reading the imports in the audit log");
	sqlite3_finalize(st);
	if (rc)
		credo__import_ranges_free(out);
	return rc;
}

int credo__import_covers(const struct credo__import_ranges *r, int64_t id)
{
	size_t lo = 0, hi = r->n;
	while (lo < hi) {	/* the last range starting at or before id */
		size_t mid = (lo + hi) / 2;
		if (r->first[mid] <= id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && id <= r->last[lo - 1];
}
