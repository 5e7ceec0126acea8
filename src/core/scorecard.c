/*
 * scorecard.c - the salesperson scorecard: one query for the period's
 * activity and money per person, the receivables and DSO at the period's
 * end from the aging module, then ranking by money collected.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

struct card {
	credo_scorecard_row r;
	char key[201], name[201], dept[201];
};

struct cards {
	struct card *v;
	size_t n, cap;
};

static struct card *cards_find(struct cards *c, const char *key)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].key, key) == 0)
			return &c->v[i];
	return NULL;
}

static struct card *cards_add(struct cards *c)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 16;
		struct card *v = realloc(c->v, cap * sizeof *v);
		if (!v)
			return NULL;
		c->v = v;
		c->cap = cap;
	}
	struct card *k = &c->v[c->n++];
	memset(k, 0, sizeof *k);
	return k;
}

/* ?4 from, ?5 to, ?6 login or NULL. Each figure is a subquery over its own index. */
static const char card_sql[] =
	"WITH RECURSIVE" CREDO_REPORT_SEEN
	" SELECT u.login, u.name, coalesce(d.name, ''),"
	" (SELECT count(*) FROM customers c WHERE c.owner_id = u.id AND (SELECT min(i.invoice_date) FROM invoices i"
	"   WHERE i.customer_id = c.id AND i.amount > 0) BETWEEN ?4 AND ?5),"
	" (SELECT count(*) FROM visits v WHERE v.user_id = u.id AND v.planned = 0 AND v.visit_date BETWEEN ?4 AND ?5),"
	" (SELECT count(*) FROM visits v WHERE v.user_id = u.id AND v.plan_date BETWEEN ?4 AND ?5),"
	" (SELECT count(*) FROM opportunities o JOIN opportunity_stages g ON g.id = o.stage_id"
	"   WHERE o.owner_id = u.id AND g.outcome = 'won' AND substr(o.updated_at, 1, 10) BETWEEN ?4 AND ?5),"
	" (SELECT count(*) FROM opportunities o JOIN opportunity_stages g ON g.id = o.stage_id"
	"   WHERE o.owner_id = u.id AND g.outcome = 'lost' AND substr(o.updated_at, 1, 10) BETWEEN ?4 AND ?5),"
	" (SELECT count(*) FROM contracts k WHERE k.owner_id = u.id AND k.status <> 'draft'"
	"   AND k.sign_date BETWEEN ?4 AND ?5),"
	" (SELECT coalesce(sum(k.amount), 0) FROM contracts k WHERE k.owner_id = u.id AND k.status <> 'draft'"
	"   AND k.sign_date BETWEEN ?4 AND ?5),"
	" (SELECT coalesce(sum(i.amount), 0) FROM customers c JOIN invoices i ON i.customer_id = c.id"
	"   WHERE c.owner_id = u.id AND i.invoice_date BETWEEN ?4 AND ?5),"
	" (SELECT coalesce(sum(p.amount), 0) FROM customers c JOIN payments p ON p.customer_id = c.id"
	"   WHERE c.owner_id = u.id AND p.pay_date BETWEEN ?4 AND ?5 AND p.reversed_at IS NULL),"
	" (SELECT count(*) FROM customers c JOIN complaints m ON m.customer_id = c.id"
	"   WHERE c.owner_id = u.id AND m.complaint_date BETWEEN ?4 AND ?5),"
	" (SELECT coalesce(sum(t.amount), 0) FROM sales_targets t WHERE t.user_id = u.id AND t.region = '' AND t.product_id IS NULL"
	"   AND t.month BETWEEN substr(?4, 1, 7) AND substr(?5, 1, 7))"
	" FROM users u LEFT JOIN departments d ON d.id = u.department_id"
	" WHERE u.role IN ('sales', 'sales_manager') AND u.id IN (SELECT id FROM seen_users)"
	" AND (?6 IS NULL OR u.login = ?6) AND (u.active OR ?6 IS NOT NULL)"
	" ORDER BY u.login";

static credo_status load_cards(credo_db *db, const char *from, const char *to, const char *login, struct cards *c)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, card_sql, &st);
	if (rc)
		return rc;
	credo__report_bind(db, st);
	sqlite3_bind_text(st, 4, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, to, -1, SQLITE_STATIC);
	credo__bind_text_or_null(st, 6, login);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		struct card *k = cards_add(c);
		if (!k) {
			rc = credo__fail(db, CREDO_NOMEM, "out of memory");
			break;
		}
		snprintf(k->key, sizeof k->key, "%s", credo__col_text(st, 0));
		snprintf(k->name, sizeof k->name, "%s", credo__col_text(st, 1));
		snprintf(k->dept, sizeof k->dept, "%s", credo__col_text(st, 2));
		credo_scorecard_row *w = &k->r;
		int i = 3;
		w->people = 1;
		w->new_customers = sqlite3_column_int64(st, i++);
		w->visits_done = sqlite3_column_int64(st, i++);
		w->visits_planned = sqlite3_column_int64(st, i++);
		w->won = sqlite3_column_int64(st, i++);
		w->lost = sqlite3_column_int64(st, i++);
		w->contracts = sqlite3_column_int64(st, i++);
		w->contracted = sqlite3_column_int64(st, i++);
		w->invoiced = sqlite3_column_int64(st, i++);
		w->collected = sqlite3_column_int64(st, i++);
		w->complaints = sqlite3_column_int64(st, i++);
		w->target = sqlite3_column_int64(st, i++);
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "computing the scorecard");
	sqlite3_finalize(st);
	return rc;
}

static int aging_cb(const credo_aging_row *a, void *ctx)
{
	struct card *k = cards_find(ctx, a->key);
	if (k) {
		k->r.receivable = a->total;
		k->r.overdue = a->overdue;
	}
	return 0;
}

static int dso_cb(const credo_dso_row *d, void *ctx)
{
	struct card *k = d->key[0] ? cards_find(ctx, d->key) : NULL;
	if (k)
		k->r.sales90 = d->sales;
	return 0;
}

static void rates(credo_scorecard_row *r)
{
	r->collection_bp = credo__share_bp(r->collected, r->invoiced);
	r->overdue_bp = credo__share_bp(r->overdue, r->receivable);
	r->dso = r->sales90 > 0 ? (int)credo__muldiv(r->receivable, 90, r->sales90) : -1;
}

/* The departments' rows: sums of their people, rates recomputed from the sums. */
static credo_status by_department(credo_db *db, struct cards *people, struct cards *out)
{
	for (size_t i = 0; i < people->n; i++) {
		const struct card *p = &people->v[i];
		struct card *d = cards_find(out, p->dept);
		if (!d) {
			if (!(d = cards_add(out)))
				return credo__fail(db, CREDO_NOMEM, "out of memory");
			snprintf(d->key, sizeof d->key, "%s", p->dept);
			snprintf(d->name, sizeof d->name, "%s", p->dept);
			snprintf(d->dept, sizeof d->dept, "%s", p->dept);
		}
		credo_scorecard_row *t = &d->r;
		const credo_scorecard_row *s = &p->r;
		t->people += s->people;
		t->new_customers += s->new_customers;
		t->visits_done += s->visits_done;
		t->visits_planned += s->visits_planned;
		t->won += s->won;
		t->lost += s->lost;
		t->contracts += s->contracts;
		t->contracted += s->contracted;
		t->invoiced += s->invoiced;
		t->collected += s->collected;
		t->receivable += s->receivable;
		t->overdue += s->overdue;
		t->sales90 += s->sales90;
		t->complaints += s->complaints;
		t->target += s->target;
	}
	return CREDO_OK;
}

static int by_collected(const void *a, const void *b)
{
	const struct card *x = a, *y = b;
	if (x->r.collected != y->r.collected)
		return x->r.collected > y->r.collected ? -1 : 1;
	return strcmp(x->key, y->key);
}

credo_status credo_scorecard(credo_db *db, const credo_scorecard_opts *o, credo_scorecard_cb cb, void *ctx,
			     char *resolved_from, char *resolved_to)
{
	credo_status rc = credo__need_login(db);
	if (rc)
		return rc;
	char from[CREDO_DATE_BUFSZ], to[CREDO_DATE_BUFSZ];
	if ((rc = credo__date_or_today(db, "--to", o->to, to)))
		return rc;
	if (o->from) {
		if ((rc = credo__date_arg(db, "--from", o->from, from)))
			return rc;
	} else {
		memcpy(from, to, 8);
		memcpy(from + 8, "01", 3);
	}
	if (strcmp(from, to) > 0)
		return credo__fail(db, CREDO_INVALID, "the period runs from %s to %s: the start is after the end", from, to);
	if (o->login) {
		int64_t id;
		if ((rc = credo__report_user(db, o->login, &id)))
			return rc;
	}
	if (resolved_from)
		memcpy(resolved_from, from, CREDO_DATE_BUFSZ);
	if (resolved_to)
		memcpy(resolved_to, to, CREDO_DATE_BUFSZ);

	struct cards people = { 0 }, depts = { 0 };
	rc = load_cards(db, from, to, o->login, &people);
	credo_aging_opts ao = { .as_of = to, .group = CREDO_AGING_BY_SALESPERSON };
	if (rc == CREDO_OK && people.n)
		rc = credo_aging(db, &ao, aging_cb, &people);
	if (rc == CREDO_OK && people.n)
		rc = credo_dso(db, to, 90, CREDO_AGING_BY_SALESPERSON, dso_cb, &people);
	if (rc == CREDO_OK && o->by_department)
		rc = by_department(db, &people, &depts);
	struct cards *show = o->by_department ? &depts : &people;
	if (rc == CREDO_OK) {
		for (size_t i = 0; i < show->n; i++)
			rates(&show->v[i].r);
		if (show->n)
			qsort(show->v, show->n, sizeof *show->v, by_collected);
		for (size_t i = 0; i < show->n; i++) {
			struct card *k = &show->v[i];
			k->r.rank = (int)i + 1;
			k->r.key = k->key;
			k->r.name = k->name;
			k->r.department = k->dept;
			if (cb(&k->r, ctx)) {
				rc = CREDO_STOP;
				break;
			}
		}
	}
	free(people.v);
	free(depts.v);
	return rc;
}

credo_status credo_sales_by_month(credo_db *db, const char *to, int months, credo_month_sales *out)
{
	credo_status rc = credo__need_login(db);
	if (rc)
		return rc;
	if (months < 1 || months > 36)
		return credo__fail(db, CREDO_INVALID, "between 1 and 36 months");
	char end[CREDO_DATE_BUFSZ], first[CREDO_DATE_BUFSZ];
	if ((rc = credo__date_or_today(db, "to", to, end)))
		return rc;
	credo_date d;
	credo_date_parse(end, &d, NULL);
	int y, m, dd;
	for (int i = 0; i < months; i++) {
		credo_date_to_ymd(credo_date_add_months(d, i - months + 1), &y, &m, &dd);
		snprintf(out[i].month, sizeof out[i].month, "%04d-%02d", y, m);
		out[i].invoiced = out[i].collected = 0;
	}
	snprintf(first, sizeof first, "%s-01", out[0].month);
	sqlite3_stmt *st;
	rc = credo__prepare(db, "SELECT substr(i.invoice_date, 1, 7), sum(i.amount), 0 FROM invoices i"
			    " JOIN customers c ON c.id = i.customer_id WHERE (?1 OR c.owner_id = ?2)"
			    " AND i.invoice_date BETWEEN ?3 AND ?4 GROUP BY 1"
			    " UNION ALL SELECT substr(p.pay_date, 1, 7), 0, sum(p.amount) FROM payments p"
			    " JOIN customers c ON c.id = p.customer_id WHERE (?1 OR c.owner_id = ?2)"
			    " AND p.pay_date BETWEEN ?3 AND ?4 AND p.reversed_at IS NULL GROUP BY 1", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	sqlite3_bind_text(st, 3, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, end, -1, SQLITE_STATIC);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		const char *mo = credo__col_text(st, 0);
		for (int i = 0; i < months; i++)
			if (strcmp(out[i].month, mo) == 0) {
				out[i].invoiced += sqlite3_column_int64(st, 1);
				out[i].collected += sqlite3_column_int64(st, 2);
			}
	}
	if (r != SQLITE_DONE)
		rc = credo__dberr(db, "adding up sales by month");
	sqlite3_finalize(st);
	return rc;
}
