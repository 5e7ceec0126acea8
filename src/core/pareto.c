/*
 * pareto.c - ABC value classes over 12 months of sales or collections,
 * stored as customer categories (history and audit on every change).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

struct pareto_cfg {
	int collected;			/* the basis: 1 collected, 0 sales */
	char start[CREDO_DATE_BUFSZ];	/* exclusive */
	char end[CREDO_DATE_BUFSZ];
	int a_pct, b_pct;
	char cls[3][101];		/* category names of A, B, C */
};

static credo_status config(credo_db *db, const credo_pareto_opts *o, struct pareto_cfg *c)
{
	credo_status rc = credo__need_login(db);
	if (rc)
		return rc;
	memset(c, 0, sizeof *c);
	if ((rc = credo__date_or_today(db, "as-of date", o ? o->as_of : NULL, c->end)))
		return rc;
	credo_date end;
	credo_date_parse(c->end, &end, NULL);
	credo_date_format(credo_date_add_months(end, -12), c->start, sizeof c->start);
	credo_pareto_basis b = o ? o->basis : CREDO_PARETO_SETTING;
	if (b == CREDO_PARETO_SETTING) {
		char text[32];
		if ((rc = credo__setting(db, "pareto.basis", text, sizeof text)))
			return rc;
		b = strcmp(text, "collected") == 0 ? CREDO_PARETO_COLLECTED : CREDO_PARETO_SALES;
	}
	c->collected = b == CREDO_PARETO_COLLECTED;
	c->a_pct = (int)credo__setting_int(db, "pareto.a_pct", 80);
	c->b_pct = (int)credo__setting_int(db, "pareto.b_pct", 15);
	if (c->a_pct + c->b_pct > 100)
		c->b_pct = 100 - c->a_pct;
	static const char *const keys[3] = { "pareto.class_a", "pareto.class_b", "pareto.class_c" };
	for (int i = 0; i < 3 && rc == CREDO_OK; i++)
		rc = credo__setting(db, keys[i], c->cls[i], sizeof c->cls[i]);
	return rc;
}

/*
 * Every customer with its basis, ranked, with the running sum before it
 * and the total: ?1 start (exclusive), ?2 end, ?3 basis is collected.
 */
static const char rank_sql[] =
	"WITH b AS (SELECT c.id, c.code, c.name, u.login AS owner, coalesce(k.name, '') AS cat, c.owner_id,"
	"  CASE WHEN ?3 THEN (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.customer_id = c.id"
	"    AND p.pay_date > ?1 AND p.pay_date <= ?2 AND p.reversed_at IS NULL)"
	"   ELSE (SELECT coalesce(sum(i.amount), 0) FROM invoices i WHERE i.customer_id = c.id"
	"    AND i.invoice_date > ?1 AND i.invoice_date <= ?2) END AS basis"
	"  FROM customers c JOIN users u ON u.id = c.owner_id LEFT JOIN categories k ON k.id = c.category_id)"
	" SELECT id, code, name, owner, cat, owner_id, basis,"
	"  CASE WHEN basis > 0 THEN sum(max(basis, 0)) OVER (ORDER BY max(basis, 0) DESC, code"
	"   ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) ELSE 0 END,"
	"  sum(max(basis, 0)) OVER (),"
	"  (SELECT coalesce(sum(amount), 0) FROM contracts WHERE customer_id = b.id AND status IN ('active', 'completed')),"
	"  (SELECT coalesce(sum(amount), 0) FROM payments WHERE customer_id = b.id AND reversed_at IS NULL)"
	" FROM b ORDER BY max(basis, 0) DESC, code";

struct ranked {
	int64_t id, owner_id;
	const char *code, *name, *owner, *cat;
	credo_money basis, cumulative, total, contracted, collected;
	char cls;	/* 0 for a customer without a basis */
};

typedef int (*ranked_cb)(const struct ranked *r, void *ctx);

static char class_of(const struct pareto_cfg *c, credo_money before, credo_money total)
{
	/* before / total < a_pct / 100, exactly */
	__int128 b = (__int128)before * 100;
	if (b < (__int128)total * c->a_pct)
		return 'A';
	if (b < (__int128)total * (c->a_pct + c->b_pct))
		return 'B';
	return 'C';
}

static credo_status walk_ranked(credo_db *db, const struct pareto_cfg *c, ranked_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, rank_sql, &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, c->start, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->end, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, c->collected);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		struct ranked k = {
			.id = sqlite3_column_int64(st, 0), .code = credo__col_text(st, 1),
			.name = credo__col_text(st, 2), .owner = credo__col_text(st, 3), .cat = credo__col_text(st, 4),
			.owner_id = sqlite3_column_int64(st, 5), .basis = sqlite3_column_int64(st, 6),
			.cumulative = sqlite3_column_int64(st, 7), .total = sqlite3_column_int64(st, 8),
			.contracted = sqlite3_column_int64(st, 9), .collected = sqlite3_column_int64(st, 10),
		};
		if (k.basis > 0)
			k.cls = class_of(c, k.cumulative - k.basis, k.total);
		if (cb(&k, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "ranking customers");
	sqlite3_finalize(st);
	return rc;
}

struct show {
	credo_db *db;
	int all;
	int rank;
	credo_money total;
	credo_pareto_cb cb;
	void *ctx;
};

static int show_row(const struct ranked *k, void *ctx)
{
	struct show *s = ctx;
	s->total = k->total;
	if (!k->cls)
		return 0;
	s->rank++;
	if (!s->all && k->owner_id != s->db->actor.id)
		return 0;
	credo_pareto_row r = {
		.rank = s->rank, .code = k->code, .name = k->name, .owner = k->owner, .basis = k->basis,
		.cumulative = k->cumulative, .share_bp = credo__share_bp(k->basis, k->total),
		.cumulative_bp = credo__share_bp(k->cumulative, k->total), .cls = k->cls, .category = k->cat,
		.contracted = k->contracted, .collected = k->collected,
		.collected_bp = credo__share_bp(k->collected, k->contracted),
	};
	return s->cb(&r, s->ctx);
}

credo_status credo_pareto(credo_db *db, const credo_pareto_opts *o, credo_pareto_cb cb, void *ctx,
			  credo_money *total)
{
	struct pareto_cfg c;
	credo_status rc = config(db, o, &c);
	if (rc)
		return rc;
	struct show s = { .db = db, .all = credo_can(db, CREDO_PERM_READ_ALL), .cb = cb, .ctx = ctx };
	rc = walk_ranked(db, &c, show_row, &s);
	if (total)
		*total = s.total;
	return rc;
}

/* ---- classification ---- */

struct change {
	int64_t id;
	int cls;		/* 0, 1, 2 */
	credo_money basis;
	char *code, *name, *owner, *from;
};

struct changes {
	const struct pareto_cfg *c;
	struct change *v;
	size_t n, cap;
	int nomem;
};

static int collect_change(const struct ranked *k, void *ctx)
{
	struct changes *ch = ctx;
	int cls;
	if (k->cls)
		cls = k->cls - 'A';
	else if (strcmp(k->cat, ch->c->cls[0]) == 0 || strcmp(k->cat, ch->c->cls[1]) == 0)
		cls = 2;	/* no longer buys or pays: out of A and B */
	else
		return 0;
	if (strcmp(k->cat, ch->c->cls[cls]) == 0)
		return 0;
	if (ch->n == ch->cap) {
		size_t cap = ch->cap ? ch->cap * 2 : 64;
		struct change *v = realloc(ch->v, cap * sizeof *v);
		if (!v)
			return ch->nomem = 1;
		ch->v = v;
		ch->cap = cap;
	}
	struct change *x = &ch->v[ch->n++];
	*x = (struct change){ .id = k->id, .cls = cls, .basis = k->basis, .code = strdup(k->code),
			      .name = strdup(k->name), .owner = strdup(k->owner), .from = strdup(k->cat) };
	if (!x->code || !x->name || !x->owner || !x->from)
		return ch->nomem = 1;
	return 0;
}

static void changes_free(struct changes *ch)
{
	for (size_t i = 0; i < ch->n; i++) {
		free(ch->v[i].code);
		free(ch->v[i].name);
		free(ch->v[i].owner);
		free(ch->v[i].from);
	}
	free(ch->v);
}

/* The category named name, created (and audited) on first use. */
static credo_status category(credo_db *db, const char *name, int64_t *id)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "INSERT INTO categories(name) VALUES (?1) ON CONFLICT(name) DO NOTHING", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	if (!ok)
		return credo__dberr(db, "adding a category");
	int created = sqlite3_changes(db->sql) > 0;
	if ((rc = credo__prepare(db, "SELECT id FROM categories WHERE name = ?1", &st)))
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	*id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (!*id)
		return credo__dberr(db, "finding a category");
	if (!created)
		return CREDO_OK;
	return credo__audit_row(db, "categories", *id, "create",
				"SELECT json_object('name', name) FROM categories WHERE id = ?1", NULL);
}

#define CUSTOMER_CAT_SNAP "SELECT json_object('category_id', category_id) FROM customers WHERE id = ?1"

static credo_status apply_change(credo_db *db, const struct pareto_cfg *c, const struct change *x,
				 const int64_t cat[3])
{
	char *before = credo__snapshot(db, CUSTOMER_CAT_SNAP, x->id);
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "UPDATE customers SET category_id = ?2, updated_at = ?3 WHERE id = ?1", &st);
	char now[21], reason[200], basis[CREDO_MONEY_BUFSZ];
	credo__now(now);
	if (rc == CREDO_OK) {
		sqlite3_bind_int64(st, 1, x->id);
		sqlite3_bind_int64(st, 2, cat[x->cls]);
		sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
		rc = credo__step_done(db, st, "classifying a customer");
	}
	credo_money_format(x->basis, 0, basis, sizeof basis);
	snprintf(reason, sizeof reason, "ABC classification by %s, 12 months to %s: %s",
		 c->collected ? "collected" : "sales", c->end, basis);
	if (rc == CREDO_OK && (rc = credo__prepare(db, "INSERT INTO customer_history(customer_id, field, old_value,"
						     " new_value, changed_at, changed_by, reason)"
						     " VALUES (?1, 'category', ?2, ?3, ?4, ?5, ?6)", &st)) == CREDO_OK) {
		sqlite3_bind_int64(st, 1, x->id);
		credo__bind_text_or_null(st, 2, x->from);
		sqlite3_bind_text(st, 3, c->cls[x->cls], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, db->actor.id);
		sqlite3_bind_text(st, 6, reason, -1, SQLITE_STATIC);
		rc = credo__step_done(db, st, "recording customer history");
	}
	if (rc == CREDO_OK)
		rc = credo__audit_row(db, "customers", x->id, "classify", CUSTOMER_CAT_SNAP, before);
	free(before);
	return rc;
}

credo_status credo_classify(credo_db *db, const credo_pareto_opts *o, int dry_run, credo_class_cb cb, void *ctx,
			    int64_t *changed)
{
	if (changed)
		*changed = 0;
	credo_status rc = credo_require(db, CREDO_PERM_CLASSIFY);
	if (rc)
		return rc;
	struct pareto_cfg c;
	if ((rc = config(db, o, &c)))
		return rc;
	for (int i = 0; i < 3; i++)
		if (!c.cls[i][0] || !credo__text_ok(c.cls[i], 0))
			return credo__fail(db, CREDO_INVALID, "the class category names (pareto.class_a/b/c) must be set");
	if (!strcmp(c.cls[0], c.cls[1]) || !strcmp(c.cls[0], c.cls[2]) || !strcmp(c.cls[1], c.cls[2]))
		return credo__fail(db, CREDO_INVALID, "pareto.class_a, class_b and class_c must be three different names");
	struct changes ch = { .c = &c };
	rc = walk_ranked(db, &c, collect_change, &ch);
	if (rc == CREDO_STOP || ch.nomem)
		rc = credo__fail(db, CREDO_NOMEM, "out of memory");
	/* Nothing to change is not a mutation: no transaction, nothing audited. */
	if (rc == CREDO_OK && ch.n && !dry_run) {
		rc = credo__mut_begin(db, CREDO_PERM_CLASSIFY);
		if (rc == CREDO_OK) {
			int64_t cat[3] = { 0 };
			for (int i = 0; i < 3 && rc == CREDO_OK; i++)
				rc = category(db, c.cls[i], &cat[i]);
			for (size_t i = 0; i < ch.n && rc == CREDO_OK; i++)
				rc = apply_change(db, &c, &ch.v[i], cat);
			rc = credo__mut_end(db, rc);
		}
	}
	if (rc == CREDO_OK) {
		if (changed)
			*changed = (int64_t)ch.n;
		for (size_t i = 0; cb && i < ch.n; i++) {
			const struct change *x = &ch.v[i];
			credo_class_change cc = { .code = x->code, .name = x->name, .owner = x->owner,
						  .from = x->from, .to = c.cls[x->cls], .basis = x->basis, .date = c.end };
			if (cb(&cc, ctx)) {
				rc = CREDO_STOP;
				break;
			}
		}
	}
	changes_free(&ch);
	return rc;
}

credo_status credo_class_moves(credo_db *db, const char *from, const char *to, credo_class_cb cb, void *ctx)
{
	credo_status rc = credo__need_login(db);
	if (rc)
		return rc;
	char f[CREDO_DATE_BUFSZ] = "0000-00-00", t[CREDO_DATE_BUFSZ] = "9999-12-31";
	if (from && (rc = credo__date_arg(db, "--from", from, f)))
		return rc;
	if (to && (rc = credo__date_arg(db, "--to", to, t)))
		return rc;
	sqlite3_stmt *st;
	rc = credo__prepare(db, "SELECT c.code, c.name, u.login, coalesce(h.old_value, ''), coalesce(h.new_value, ''),"
			    " substr(h.changed_at, 1, 10) FROM customer_history h JOIN customers c ON c.id = h.customer_id"
			    " JOIN users u ON u.id = c.owner_id"
			    " WHERE h.field = 'category' AND h.reason LIKE 'ABC classification%'"
			    " AND (?1 OR c.owner_id = ?2) AND substr(h.changed_at, 1, 10) BETWEEN ?3 AND ?4"
			    " ORDER BY h.id", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	sqlite3_bind_text(st, 3, f, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, t, -1, SQLITE_STATIC);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_class_change cc = { .code = credo__col_text(st, 0), .name = credo__col_text(st, 1),
					  .owner = credo__col_text(st, 2), .from = credo__col_text(st, 3),
					  .to = credo__col_text(st, 4), .date = credo__col_text(st, 5) };
		if (cb(&cc, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "reading class moves");
	sqlite3_finalize(st);
	return rc;
}
