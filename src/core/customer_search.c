/*
 * customer_search.c - the customers a search text matches, in list order,
 * found without collecting every match first.
 *
 * A customer matches when its search text (sql/002_search.sql) contains the
 * text, ASCII letters ignoring case: instr(lower(body), lower(text)). Two
 * ways find them in order, and the walk uses the cheaper for the text at
 * hand without knowing in advance how many customers match:
 *
 * - walking the list order (the name or code index) and testing each row's
 *   search text by rowid: cheap when matches are common, since a page of
 *   them comes within a few hundred rows, but reading every customer when
 *   they are rare;
 * - the index: the customers whose text holds the trigrams of the text in
 *   a row (an FTS5 phrase query: no search text is read), or for one or two
 *   characters the customers with a trigram starting with them
 *   (customer_search_terms, sql/007_search_terms.sql). A thousand
 *   candidates or fewer are sorted into list order; more are probed along
 *   the list order's index. Each is tested as above until the page is
 *   full. Cheap when matches are rare.
 *
 * So the walk tests a budget of rows first (enough to fill a page when one
 * customer in five matches); if the page is not full by then, the matches
 * are rare and the rest comes from the index, after the last row walked.
 * The index only proposes candidates - folding case beyond ASCII may
 * propose more - and the same test decides, so the result is the same
 * either way.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int credo__search_walk_rows;
int credo__search_sort_max = 1000;

/*
 * The scope and the owner filter; for a ranked search, not the first tiers.
 * The owner's id is looked up once, not joined per row.
 */
#define W_SCOPE \
	" WHERE (?1 OR c.owner_id = ?2) AND (?8 IS NULL OR c.owner_id = (SELECT id FROM users WHERE login = ?8))"
#define W_RANKED \
	"NOT (?10 AND (c.code = ?7 OR (c.name >= ?7 AND c.name < ?7 || char(1114111))" \
	"  OR (c.short_name >= ?7 AND c.short_name < ?7 || char(1114111))))"
#define W_AFTER(col, cmp) " AND (?4 IS NULL OR (" col ", c.id) " cmp " (?4, ?5))"
#define W_ORDER(col, dir) " ORDER BY " col " " dir ", c.id " dir
#define W_TEST "EXISTS (SELECT 1 FROM customer_search s WHERE s.rowid = c.id AND instr(lower(s.body), lower(?7)) > 0)"

/*
 * The walk: the list order's index, each row tested. The customer's own
 * row is read only for a row that matches (or for a salesperson's scope).
 */
#define WALK_SQL(col, cmp, dir) \
	"SELECT c.id, " col ", CASE WHEN " W_TEST " THEN " W_RANKED " ELSE 0 END FROM customers c" \
	W_SCOPE W_AFTER(col, cmp) W_ORDER(col, dir) " LIMIT ?6"

/*
 * The index's candidates: few are sorted into list order (CROSS JOIN keeps
 * them the outer loop); many are probed walking the list order's index,
 * which reads no search text (+c.id keeps SQLite from turning the probe
 * into lookups by id and a sort).
 */
#define SORT_SQL(set, col, cmp, dir) \
	"SELECT c.id, " col " FROM (" set ") f CROSS JOIN customers c ON c.id = f.id" \
	W_SCOPE " AND " W_RANKED W_AFTER(col, cmp) W_ORDER(col, dir)
#define PROBE_SQL(set, col, cmp, dir) \
	"SELECT c.id, " col " FROM customers c" W_SCOPE " AND +c.id IN (" set ") AND " W_RANKED \
	W_AFTER(col, cmp) W_ORDER(col, dir)
#define SET_PHRASE "SELECT rowid AS id FROM customer_search WHERE customer_search MATCH ?11"
#define SET_TERMS "SELECT DISTINCT doc AS id FROM customer_search_terms" \
	" WHERE term >= lower(?7) AND term < lower(?7) || char(1114111)"
#define ORDERS(M, set) { \
	{ M(set, "c.name", ">", "ASC"), M(set, "c.name", "<", "DESC") }, \
	{ M(set, "c.code", ">", "ASC"), M(set, "c.code", "<", "DESC") } }

static const char *const walk_sql[2][2] = {
	{ WALK_SQL("c.name", ">", "ASC"), WALK_SQL("c.name", "<", "DESC") },
	{ WALK_SQL("c.code", ">", "ASC"), WALK_SQL("c.code", "<", "DESC") },
};
/* [phrase or terms][sort or probe][by code][backward] */
static const char *const index_sql[2][2][2][2] = {
	{ ORDERS(SORT_SQL, SET_PHRASE), ORDERS(PROBE_SQL, SET_PHRASE) },
	{ ORDERS(SORT_SQL, SET_TERMS), ORDERS(PROBE_SQL, SET_TERMS) },
};
/* The candidates counted, up to one more than are worth sorting (credo__search_sort_max). */
static const char *const count_sql[2] = {
	"SELECT count(*) FROM (" SET_PHRASE " LIMIT ?12)",
	"SELECT count(*) FROM (" SET_TERMS " LIMIT ?12)",
};
enum via { VIA_PHRASE, VIA_TERMS, VIA_WALK };

/*
 * One or two characters go through the trigram list only when lower()
 * folds them as the index does: ASCII, and scripts without case (CJK,
 * kana, Hangul). Anything else is walked to the end as before.
 */
static enum via choose(const char *text)
{
	int chars = 0, caseless = 1;
	for (const unsigned char *p = (const unsigned char *)text; *p;) {
		unsigned cp = *p;
		int n = cp < 0x80 ? 0 : cp < 0xe0 ? 1 : cp < 0xf0 ? 2 : 3;
		if (n)
			cp &= 0x3f >> n;
		p++;
		for (int i = 0; i < n && *p; i++)
			cp = cp << 6 | (*p++ & 0x3f);
		if (cp >= 0x80 && !(cp >= 0x2e80 && cp <= 0xa4cf) && !(cp >= 0xac00 && cp <= 0xd7ff))
			caseless = 0;
		chars++;
	}
	return chars >= 3 ? VIA_PHRASE : caseless ? VIA_TERMS : VIA_WALK;
}

static void bind_common(credo_db *db, sqlite3_stmt *st, const struct credo__search_walk *w)
{
	credo__bind_scope(db, st);
	sqlite3_bind_text(st, 7, w->text, -1, SQLITE_STATIC);
	credo__bind_text_or_null(st, 8, w->owner_login);
	sqlite3_bind_int(st, 10, w->ranked);
}

/* The text as one FTS5 phrase: in double quotes, its own quotes doubled. */
static char *phrase_of(const char *text)
{
	size_t n = strlen(text), q = 0;
	for (const char *p = text; *p; p++)
		q += *p == '"';
	char *s = malloc(n + q + 3), *o = s;
	if (!s)
		return NULL;
	*o++ = '"';
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			*o++ = '"';
		*o++ = *p;
	}
	*o++ = '"';
	*o = '\0';
	return s;
}

/* How many candidates the index proposes, counting no further than credo__search_sort_max + 1. */
static credo_status candidates(credo_db *db, enum via via, const char *text, const char *phrase, int *n)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, count_sql[via], &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 7, text, -1, SQLITE_STATIC);
	if (via == VIA_PHRASE)
		sqlite3_bind_text(st, 11, phrase, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 12, credo__search_sort_max + 1);
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	else
		rc = credo__dberr(db, "searching customers");
	sqlite3_finalize(st);
	return rc;
}

/* The index's candidates after the last row walked (walked's current row: id, key), each tested. */
static credo_status from_index(credo_db *db, const struct credo__search_walk *w, enum via via,
			       sqlite3_stmt *walked, int *left)
{
	char *phrase = via == VIA_PHRASE ? phrase_of(w->text) : NULL;
	if (via == VIA_PHRASE && !phrase)
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	int n = 0;
	sqlite3_stmt *st = NULL, *test = NULL;
	credo_status rc = candidates(db, via, w->text, phrase, &n);
	if (rc == CREDO_OK)
		rc = credo__prepare(db, index_sql[via][n > credo__search_sort_max][w->by_code][w->backward], &st);
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "SELECT 1 FROM customer_search WHERE rowid = ?1"
				    " AND instr(lower(body), lower(?2)) > 0", &test);
	if (rc) {
		sqlite3_finalize(st);
		free(phrase);
		return rc;
	}
	bind_common(db, st, w);
	sqlite3_bind_value(st, 4, sqlite3_column_value(walked, 1));
	sqlite3_bind_int64(st, 5, sqlite3_column_int64(walked, 0));
	if (phrase)
		sqlite3_bind_text(st, 11, phrase, -1, free);
	sqlite3_bind_text(test, 2, w->text, -1, SQLITE_STATIC);
	int r = SQLITE_DONE;
	while (rc == CREDO_OK && *left > 0 && (r = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		sqlite3_reset(test);
		sqlite3_bind_int64(test, 1, id);
		int t = sqlite3_step(test);
		if (t == SQLITE_ROW) {
			--*left;
			if (w->emit(id, w->ctx))
				rc = CREDO_STOP;
		} else if (t != SQLITE_DONE) {
			r = t;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_ROW && r != SQLITE_DONE)
		rc = credo__dberr(db, "searching customers");
	sqlite3_finalize(test);
	sqlite3_finalize(st);
	return rc;
}

credo_status credo__search_walk(credo_db *db, const struct credo__search_walk *w)
{
	enum via via = choose(w->text);
	/* Enough rows to fill the page when one customer in five matches; rarer ones are cheaper from the index. */
	int budget = credo__search_walk_rows > 0 ? credo__search_walk_rows : w->limit < 20 ? 100 : 5 * w->limit;
	if (via == VIA_WALK)
		budget = -1;
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, walk_sql[w->by_code][w->backward], &st);
	if (rc)
		return rc;
	bind_common(db, st, w);
	if (w->after && w->after->valid) {
		sqlite3_bind_text(st, 4, w->after->text, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, w->after->id);
	}
	sqlite3_bind_int(st, 6, budget);
	int left = w->limit, walked = 0, r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		walked++;
		if (sqlite3_column_int(st, 2)) {
			left--;
			if (w->emit(sqlite3_column_int64(st, 0), w->ctx)) {
				rc = CREDO_STOP;
				break;
			}
		}
		if (left == 0 || walked == budget)
			break;
	}
	if (rc == CREDO_OK && r != SQLITE_ROW && r != SQLITE_DONE)
		rc = credo__dberr(db, "searching customers");
	/* The budget is spent and the page not full: the rest from the index, after this row. */
	if (rc == CREDO_OK && r == SQLITE_ROW && left > 0)
		rc = from_index(db, w, via, st, &left);
	sqlite3_finalize(st);
	return rc;
}
