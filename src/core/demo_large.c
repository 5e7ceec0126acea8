/*
 * demo_large.c - a company at scale for the benchmark: 100,000 customers,
 * a million invoices over three years with their payments, 300,000 visits,
 * limits, credit files and ratings.
 *
 * Going through the API row by row would take the better part of an hour
 * (each call prepares its statements and reads the audit chain's head), so
 * the rows are written here with statements prepared once, in the demo's
 * one transaction, exactly as the core writes them: codes from the code
 * patterns and their sequences moved on, open amount = amount less the
 * allocations, and one audit row per created row with the snapshot the core
 * would have taken, chained in id order (credo__audit_bulk). The search
 * index and the secondary indexes of the bulk tables are built once after
 * the rows rather than row by row. Ratings and credit files go through the
 * API.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "demo_internal.h"

/* One scheduled payment, linked into the list of its day. */
struct due_payment {
	int64_t invoice;
	credo_money amount;
	int32_t customer;
	int32_t next;
};

struct gen {
	credo_db *db;
	struct rng *r;
	int64_t ncust;
	int64_t *owner;		/* user id per customer (index = customer id - 1) */
	unsigned char *payer;	/* how the customer pays: 0 good .. 3 stopped */
	unsigned char *term;	/* payment term in days */
	credo_money *size;	/* typical invoice */
	int64_t users[8];	/* demo_users[0..6] ids: the manager and the salespeople */
	char now[21];
	credo_date today, start;
};

static credo_status step(credo_db *db, sqlite3_stmt *st, const char *what)
{
	int r = sqlite3_step(st);
	sqlite3_reset(st);
	return r == SQLITE_DONE ? CREDO_OK : credo__dberr(db, what);
}

/*
 * Audit rows for every row of table: snap is the module's snapshot query
 * "SELECT expr FROM table WHERE id = ?1", actor an expression naming the
 * acting login (columns qualified with the table's name). The snapshot is
 * taken in the same pass that reads the rows in id order, not by a lookup
 * per row.
 */
static credo_status audit_table(credo_db *db, const char *table, const char *snap, const char *actor)
{
	char *tail = sqlite3_mprintf(" FROM %s WHERE id = ?1", table);
	if (!tail)
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	size_t n = strlen(snap), t = strlen(tail);
	int shaped = strncmp(snap, "SELECT ", 7) == 0 && n > 7 + t && strcmp(snap + n - t, tail) == 0;
	sqlite3_free(tail);
	if (!shaped)
		return credo__fail(db, CREDO_DB, "internal error: the %s snapshot query has an unexpected shape", table);
	char *sql = sqlite3_mprintf("SELECT id, %.*s, %s FROM \"%w\" ORDER BY id", (int)(n - 7 - t), snap + 7, actor,
				    table);
	if (!sql)
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, sql, &st);
	sqlite3_free(sql);
	if (rc)
		return rc;
	rc = credo__audit_bulk(db, table, "create", st);
	sqlite3_finalize(st);
	return rc;
}

static credo_status categories(struct gen *g, int64_t ids[5])
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(g->db, "INSERT INTO categories(name) VALUES (?1)"
					 " ON CONFLICT(name) DO UPDATE SET name = name RETURNING id", &st);
	for (int i = 0; rc == CREDO_OK && demo_category_name(i); i++) {
		sqlite3_bind_text(st, 1, demo_category_name(i), -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW)
			rc = credo__dberr(g->db, "adding a category");
		else
			ids[i] = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		char *after = rc ? NULL : credo__snapshot(g->db, "SELECT json_object('name', name) FROM categories"
							  " WHERE id = ?1", ids[i]);
		if (rc == CREDO_OK)
			rc = credo__audit(g->db, "categories", ids[i], "create", NULL, after);
		free(after);
	}
	if (rc == CREDO_OK)
		sqlite3_finalize(st);
	return rc;
}

/*
 * Schema objects set aside for the bulk and put back after it exactly as
 * the schema has them: their CREATE statements are kept from sqlite_schema.
 */
struct paused {
	char **sql;
	int n;
};

/* Drop the objects select yields as (type, name, sql), adding their SQL to p. */
static credo_status pause_schema(credo_db *db, const char *select, const char *what, struct paused *p)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, select, &st);
	if (rc)
		return rc;
	/* Collected first: SQLite drops no index or trigger while a statement still reads the schema. */
	char **drops = NULL;
	int n = 0, r;
	while (rc == CREDO_OK && (r = sqlite3_step(st)) == SQLITE_ROW) {
		char **v = realloc(p->sql, (size_t)(p->n + 1) * sizeof *v);
		if (v)
			p->sql = v;
		char **d = v ? realloc(drops, (size_t)(n + 1) * sizeof *d) : NULL;
		if (d)
			drops = d;
		char *create = d ? strdup(credo__col_text(st, 2)) : NULL;
		char *drop = create ? sqlite3_mprintf("DROP %s \"%w\"", credo__col_text(st, 0), credo__col_text(st, 1))
				    : NULL;
		if (!drop) {
			free(create);
			rc = credo__fail(db, CREDO_NOMEM, "out of memory");
			break;
		}
		p->sql[p->n++] = create;
		drops[n++] = drop;
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, what);
	sqlite3_finalize(st);
	for (int i = 0; i < n; i++) {
		if (rc == CREDO_OK)
			rc = credo__exec(db, drops[i], what);
		sqlite3_free(drops[i]);
	}
	free(drops);
	return rc;
}

/* Create again what pause_schema dropped (unless rc already failed) and forget it. */
static credo_status resume_schema(credo_db *db, struct paused *p, const char *what, credo_status rc)
{
	for (int i = 0; i < p->n; i++) {
		if (rc == CREDO_OK)
			rc = credo__exec(db, p->sql[i], what);
		free(p->sql[i]);
	}
	free(p->sql);
	*p = (struct paused){ 0 };
	return rc;
}

/*
 * The search index is kept by triggers that rebuild a customer's text on
 * each of its contacts; for 100,000 new customers it is built once at the
 * end instead.
 */
static const char SEARCH_TRIGGERS[] =
	"SELECT type, name, sql FROM sqlite_schema WHERE type = 'trigger'"
	" AND (name LIKE 'customers_search_%' OR name LIKE 'contacts_search_%')";

/*
 * Inserting millions of rows into secondary indexes puts each key at a
 * random place in a B-tree (a customer id, a hash); CREATE INDEX sorts the
 * keys and writes each page once, several times faster. So the indexes of
 * the tables written in bulk are dropped for the load and built again after
 * it: those of the records before their audit rows (whose snapshot queries
 * may read through them, as a payment's reads its allocations), the audit
 * log's own after its rows. Uniqueness is checked when a unique index is
 * built. The contacts keep theirs: they are written in customer order and
 * the search text is built through it.
 */
static const char RECORD_INDEXES[] =
	"SELECT type, name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
	" AND tbl_name IN ('customers', 'invoices', 'payments', 'allocations', 'visits', 'credit_limits')";
static const char AUDIT_INDEXES[] =
	"SELECT type, name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
	" AND tbl_name = 'audit_log'";

static credo_status customers(struct gen *g)
{
	credo_db *db = g->db;
	int64_t cat[5] = { 0 };
	credo_status rc = categories(g, cat);
	sqlite3_stmt *ci = NULL, *ki = NULL;
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "INSERT INTO customers(id, code, name, short_name, type, status, category_id,"
				    " industry, region, address, phone, payment_term_days, owner_id, since, created_at,"
				    " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
				    " ?15, ?15)", &ci);
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "INSERT INTO contacts(customer_id, name, title, phone, email, role)"
				    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &ki);
	static const char *const statuses[] = { "active", "active", "active", "active", "active", "active",
						"active", "evaluated", "at_risk", "prospect" };
	for (int64_t id = 1; rc == CREDO_OK && id <= g->ncust; id++) {
		struct demo_company k;
		demo_company_make(g->r, &k);
		char code[32];
		snprintf(code, sizeof code, "C%06lld", (long long)id);
		int u = pick(g->r, 7);
		g->owner[id - 1] = g->users[u];
		int p = pick(g->r, 100);
		g->payer[id - 1] = p < 55 ? 0 : p < 82 ? 1 : p < 96 ? 2 : 3;
		g->term[id - 1] = (unsigned char)(30 + 15 * pick(g->r, 3));
		g->size[id - 1] = (credo_money)(5000 + pick(g->r, 200)) * 100 * (1 + pick(g->r, 10));
		sqlite3_bind_int64(ci, 1, id);
		sqlite3_bind_text(ci, 2, code, -1, SQLITE_STATIC);
		sqlite3_bind_text(ci, 3, k.name, -1, SQLITE_STATIC);
		sqlite3_bind_text(ci, 4, k.short_name, -1, SQLITE_STATIC);
		sqlite3_bind_text(ci, 5, k.type, -1, SQLITE_STATIC);
		sqlite3_bind_text(ci, 6, statuses[pick(g->r, N(statuses))], -1, SQLITE_STATIC);
		sqlite3_bind_int64(ci, 7, cat[k.category]);
		sqlite3_bind_text(ci, 8, k.industry, -1, SQLITE_STATIC);
		sqlite3_bind_text(ci, 9, k.region, -1, SQLITE_STATIC);
		sqlite3_bind_text(ci, 10, k.address, -1, SQLITE_STATIC);
		sqlite3_bind_text(ci, 11, k.phone, -1, SQLITE_STATIC);
		sqlite3_bind_int(ci, 12, g->term[id - 1]);
		sqlite3_bind_int64(ci, 13, g->owner[id - 1]);
		sqlite3_bind_text(ci, 14, k.since, -1, SQLITE_STATIC);
		sqlite3_bind_text(ci, 15, g->now, -1, SQLITE_STATIC);
		rc = step(db, ci, "adding a customer");
		int n = 1 + pick(g->r, 3);
		for (int i = 0; rc == CREDO_OK && i < n; i++) {
			struct demo_contact c;
			demo_contact_make(g->r, k.city, id, i, &c);
			sqlite3_bind_int64(ki, 1, id);
			sqlite3_bind_text(ki, 2, c.name, -1, SQLITE_STATIC);
			sqlite3_bind_text(ki, 3, c.title, -1, SQLITE_STATIC);
			sqlite3_bind_text(ki, 4, c.phone, -1, SQLITE_STATIC);
			sqlite3_bind_text(ki, 5, c.email, -1, SQLITE_STATIC);
			sqlite3_bind_text(ki, 6, c.role, -1, SQLITE_STATIC);
			rc = step(db, ki, "adding a contact");
		}
	}
	sqlite3_finalize(ci);
	sqlite3_finalize(ki);
	return rc;
}

/* Move the code sequence of kind/scope past n, as credo__next_code would have left it. */
static credo_status sequence(credo_db *db, const char *kind, const char *scope, int64_t n)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "INSERT INTO code_sequences(kind, scope, next) VALUES (?1, ?2, ?3)"
					 " ON CONFLICT(kind, scope) DO UPDATE SET next = max(next, excluded.next)", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, scope, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, n + 1);
	return credo__step_done(db, st, "numbering codes");
}

struct ledger {
	sqlite3_stmt *inv, *pay, *alloc;
	struct due_payment *due;
	int32_t *head;		/* first scheduled payment of each day since start, -1 none */
	int32_t ndue, cap;
	int year_inv, year_pay;
	int64_t seq_inv, seq_pay;
};

static credo_status flush_year(credo_db *db, struct ledger *l)
{
	char scope[8];
	credo_status rc = CREDO_OK;
	if (l->seq_inv) {
		snprintf(scope, sizeof scope, "%04d", l->year_inv);
		rc = sequence(db, "invoice", scope, l->seq_inv);
	}
	if (rc == CREDO_OK && l->seq_pay) {
		snprintf(scope, sizeof scope, "%04d", l->year_pay);
		rc = sequence(db, "payment", scope, l->seq_pay);
	}
	return rc;
}

static credo_status invoice(struct gen *g, struct ledger *l, credo_date day, int y)
{
	credo_db *db = g->db;
	int32_t c = (int32_t)(rnd(g->r) % (uint32_t)g->ncust);
	/* The older customers buy more: a second draw folds half the sales onto the first half. */
	if (pick(g->r, 2))
		c /= 2;
	char code[32], date[CREDO_DATE_BUFSZ], due[CREDO_DATE_BUFSZ];
	if (y != l->year_inv) {
		if (l->seq_inv) {
			char scope[8];
			snprintf(scope, sizeof scope, "%04d", l->year_inv);
			credo_status rc = sequence(db, "invoice", scope, l->seq_inv);
			if (rc)
				return rc;
		}
		l->year_inv = y;
		l->seq_inv = 0;
	}
	snprintf(code, sizeof code, "INV-%04d-%05lld", y, (long long)++l->seq_inv);
	credo_money amount = g->size[c] / 4 + (credo_money)(rnd(g->r) % (uint32_t)(g->size[c] + 1)) / 100 * 100 * 3 / 2;
	if (amount <= 0)
		amount = 100000;
	credo_date due_day = day + g->term[c];
	credo_date_format(day, date, sizeof date);
	credo_date_format(due_day, due, sizeof due);
	sqlite3_bind_text(l->inv, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(l->inv, 2, c + 1);
	sqlite3_bind_text(l->inv, 3, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(l->inv, 4, due, -1, SQLITE_STATIC);
	sqlite3_bind_int64(l->inv, 5, amount);
	sqlite3_bind_int64(l->inv, 6, g->owner[c]);
	sqlite3_bind_text(l->inv, 7, g->now, -1, SQLITE_STATIC);
	credo_status rc = step(db, l->inv, "recording an invoice");
	if (rc)
		return rc;
	int64_t id = sqlite3_last_insert_rowid(db->sql);

	/* When and how much the customer pays; who stopped paying did so in the last five months. */
	int p = g->payer[c];
	credo_date paid;
	credo_money part = amount;
	if (p == 0) {
		paid = due_day - 10 + pick(g->r, 15);
	} else if (p == 1) {
		paid = due_day + 10 + pick(g->r, 40);
	} else if (p == 2) {
		paid = due_day + pick(g->r, 30);
		part = pick(g->r, 4) ? amount : amount / 2;
	} else {
		paid = day < g->today - 150 ? due_day + 30 + pick(g->r, 90) : g->today + 1;
	}
	if (paid <= day)
		paid = day + 1;
	if (paid > g->today)
		return CREDO_OK;
	if (l->ndue == l->cap) {
		int32_t cap = l->cap ? l->cap * 2 : 1 << 16;
		struct due_payment *v = realloc(l->due, (size_t)cap * sizeof *v);
		if (!v)
			return credo__fail(db, CREDO_NOMEM, "out of memory");
		l->due = v;
		l->cap = cap;
	}
	int32_t slot = paid - g->start;
	l->due[l->ndue] = (struct due_payment){ .invoice = id, .amount = part, .customer = c, .next = l->head[slot] };
	l->head[slot] = l->ndue++;
	return CREDO_OK;
}

static credo_status payment(struct gen *g, struct ledger *l, const struct due_payment *d, credo_date day, int y)
{
	static const char *const methods[] = { "transfer", "transfer", "transfer", "acceptance", "cheque" };
	credo_db *db = g->db;
	if (y != l->year_pay) {
		if (l->seq_pay) {
			char scope[8];
			snprintf(scope, sizeof scope, "%04d", l->year_pay);
			credo_status rc = sequence(db, "payment", scope, l->seq_pay);
			if (rc)
				return rc;
		}
		l->year_pay = y;
		l->seq_pay = 0;
	}
	char code[32], date[CREDO_DATE_BUFSZ];
	snprintf(code, sizeof code, "PAY-%04d-%05lld", y, (long long)++l->seq_pay);
	credo_date_format(day, date, sizeof date);
	sqlite3_bind_text(l->pay, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(l->pay, 2, d->customer + 1);
	sqlite3_bind_text(l->pay, 3, date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(l->pay, 4, d->amount);
	sqlite3_bind_text(l->pay, 5, methods[pick(g->r, N(methods))], -1, SQLITE_STATIC);
	sqlite3_bind_text(l->pay, 6, g->now, -1, SQLITE_STATIC);
	credo_status rc = step(db, l->pay, "recording a payment");
	if (rc)
		return rc;
	sqlite3_bind_int64(l->alloc, 1, sqlite3_last_insert_rowid(db->sql));
	sqlite3_bind_int64(l->alloc, 2, d->invoice);
	sqlite3_bind_int64(l->alloc, 3, d->amount);
	sqlite3_bind_text(l->alloc, 4, date, -1, SQLITE_STATIC);
	return step(db, l->alloc, "allocating a payment");
}

/* Invoices day by day over three years, each day's payments after its invoices. */
static credo_status ledger(struct gen *g, int64_t count)
{
	credo_db *db = g->db;
	struct ledger l = { 0 };
	int32_t days = g->today - g->start + 1;
	l.head = malloc((size_t)(days + 400) * sizeof *l.head);
	if (!l.head)
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	for (int32_t i = 0; i < days + 400; i++)
		l.head[i] = -1;
	credo_status rc = credo__prepare(db, "INSERT INTO invoices(code, customer_id, invoice_date, due_date, amount,"
					 " collector_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &l.inv);
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "INSERT INTO payments(code, customer_id, pay_date, amount, method, created_at)"
				    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &l.pay);
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "INSERT INTO allocations(payment_id, invoice_id, amount, alloc_date)"
				    " VALUES (?1, ?2, ?3, ?4)", &l.alloc);
	int64_t made = 0;
	for (int32_t i = 0; rc == CREDO_OK && i < days; i++) {
		credo_date day = g->start + i;
		int y, m, d;
		credo_date_to_ymd(day, &y, &m, &d);
		int64_t upto = count * (i + 1) / days;
		while (rc == CREDO_OK && made < upto) {
			rc = invoice(g, &l, day, y);
			made++;
		}
		for (int32_t k = l.head[i]; rc == CREDO_OK && k >= 0; k = l.due[k].next)
			rc = payment(g, &l, &l.due[k], day, y);
	}
	if (rc == CREDO_OK)
		rc = flush_year(db, &l);
	sqlite3_finalize(l.inv);
	sqlite3_finalize(l.pay);
	sqlite3_finalize(l.alloc);
	free(l.due);
	free(l.head);
	return rc;
}

static credo_status visits(struct gen *g, int64_t count)
{
	static const char *const kinds[] = { "visit", "phone", "phone", "email", "meeting", "credit_visit" };
	static const char *const purposes[] = { "回访客户", "催收货款", "介绍新产品", "了解采购计划", "对账",
						"Quarterly review", "Price negotiation" };
	static const char *const findings[] = { "客户经营正常,计划下季度增加采购", "资金偏紧,承诺月底付款",
						"对新型号感兴趣,需要报价", "采购负责人更换,需重新建立关系",
						"Payment process moved to head office", "订单稳定,无异常" };
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(g->db, "INSERT INTO visits(customer_id, visit_date, kind, purpose, findings,"
					 " outcome, user_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st);
	int32_t days = g->today - g->start + 1;
	for (int64_t i = 0; rc == CREDO_OK && i < count; i++) {
		int32_t c = (int32_t)(rnd(g->r) % (uint32_t)g->ncust);
		char date[CREDO_DATE_BUFSZ];
		credo_date_format(g->start + (credo_date)(days * i / count), date, sizeof date);
		sqlite3_bind_int64(st, 1, c + 1);
		sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, kinds[pick(g->r, N(kinds))], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, purposes[pick(g->r, N(purposes))], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, findings[pick(g->r, N(findings))], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, pick(g->r, 3) ? "完成" : "需跟进", -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 7, g->owner[c]);
		sqlite3_bind_text(st, 8, g->now, -1, SQLITE_STATIC);
		rc = step(g->db, st, "logging a visit");
	}
	if (rc == CREDO_OK)
		sqlite3_finalize(st);
	return rc;
}

/* Standing limits for the trading customers: about two months of their sales, some cut below the exposure. */
static credo_status limits(struct gen *g, int64_t credit_id)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(g->db, "INSERT INTO credit_limits(customer_id, kind, amount, effective_from,"
					 " basis, approved_by, approved_at, next_review) VALUES (?1, 'standing', ?2, ?3,"
					 " 'demo: two months of sales', ?4, ?5, ?6)", &st);
	char from[CREDO_DATE_BUFSZ], review[CREDO_DATE_BUFSZ];
	credo_date_format(g->today - 200, from, sizeof from);
	credo_date_format(g->today + 165, review, sizeof review);
	for (int64_t c = 0; rc == CREDO_OK && c < g->ncust; c++) {
		if (pick(g->r, 10) < 2)
			continue;	/* cash customers: no limit */
		credo_money amount = g->size[c] * (2 + pick(g->r, 8));
		sqlite3_bind_int64(st, 1, c + 1);
		sqlite3_bind_int64(st, 2, amount);
		sqlite3_bind_text(st, 3, from, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, credit_id);
		sqlite3_bind_text(st, 5, g->now, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, review, -1, SQLITE_STATIC);
		rc = step(g->db, st, "setting a limit");
	}
	if (rc == CREDO_OK)
		sqlite3_finalize(st);
	return rc;
}

/* Credit files and ratings for one customer in fifty, through the API (the score is the core's). */
static credo_status ratings(struct gen *g)
{
	credo_status rc = credo__act_as(g->db, DEMO_CREDIT);
	char date[CREDO_DATE_BUFSZ];
	credo_date_format(g->today - 60, date, sizeof date);
	for (int64_t c = 1; rc == CREDO_OK && c <= g->ncust; c += 50) {
		credo_money rev = g->size[c - 1] * 60, assets = rev * (1 + pick(g->r, 3)) / 2;
		credo_credit_file_new f = {
			.customer_id = c, .statement_date = date,
			.current_assets = assets / 2, .current_liabilities = assets / (3 + pick(g->r, 4)),
			.cash = assets / 10, .total_assets = assets,
			.total_liabilities = assets * (30 + pick(g->r, 50)) / 100, .net_assets = CREDO_MONEY_NONE,
			.ebit = rev / (8 + pick(g->r, 10)), .interest_expense = rev / 100, .revenue = rev,
			.bank_reference = "往来正常", .reach = 1 + pick(g->r, 5), .capital = 1 + pick(g->r, 5),
			.brands = 1 + pick(g->r, 5), .logistics = 1 + pick(g->r, 5),
			.cooperation = 1 + pick(g->r, 5), .management = 1 + pick(g->r, 5),
		};
		rc = credo_credit_file_add(g->db, &f, NULL);
		if (rc == CREDO_OK) {
			credo_credit_rating out;
			rc = credo_credit_rate(g->db, c, &out, NULL);
		}
	}
	return rc;
}

static credo_status user_ids(struct gen *g)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(g->db, "SELECT id FROM users WHERE login = ?1", &st);
	for (int i = 0; rc == CREDO_OK && i < 8; i++) {
		sqlite3_bind_text(st, 1, demo_users[i].login, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW)
			rc = credo__fail(g->db, CREDO_NOTFOUND, "demo user %s missing", demo_users[i].login);
		else
			g->users[i] = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	if (rc == CREDO_OK)
		sqlite3_finalize(st);
	return rc;
}

credo_status demo_large(credo_db *db, struct rng *r, int64_t invoices)
{
	struct gen g = { .db = db, .r = r, .ncust = invoices / 10 > 100 ? invoices / 10 : 100 };
	if (g.ncust > 2000000000)
		return credo__fail(db, CREDO_INVALID, "too many invoices for the demo");
	g.today = credo_today();
	g.start = g.today - 3 * 365 + 1;
	credo__now(g.now);
#ifdef __GLIBC__
	/*
	 * SQLite frees and takes back large buffers for every row written here;
	 * glibc would hand the top of the heap to the kernel each time and ask
	 * for it again, which cost more than the inserts.
	 */
	mallopt(M_TRIM_THRESHOLD, 512 << 20);
	mallopt(M_TOP_PAD, 64 << 20);
#endif
	g.owner = malloc((size_t)g.ncust * sizeof *g.owner);
	g.payer = malloc((size_t)g.ncust);
	g.term = malloc((size_t)g.ncust);
	g.size = malloc((size_t)g.ncust * sizeof *g.size);
	credo_status rc = g.owner && g.payer && g.term && g.size ? CREDO_OK : credo__fail(db, CREDO_NOMEM, "out of memory");
	/* The file is new and this is one transaction: a crash leaves nothing to keep. */
	if (rc == CREDO_OK)
		rc = credo__exec(db, "PRAGMA cache_size = -1048576", "sizing the cache");
	if (rc == CREDO_OK)
		rc = user_ids(&g);
	struct paused triggers = { 0 }, records = { 0 }, audit = { 0 };
	if (rc == CREDO_OK)
		rc = pause_schema(db, SEARCH_TRIGGERS, "pausing the search index", &triggers);
	if (rc == CREDO_OK)
		rc = pause_schema(db, RECORD_INDEXES, "pausing the indexes", &records);
	if (rc == CREDO_OK)
		rc = pause_schema(db, AUDIT_INDEXES, "pausing the audit log's indexes", &audit);
	/*
	 * The CHECK constraints would parse again every date and code the
	 * generator has just formatted itself: a fifth of the work of the bulk
	 * rows. They are off for those rows only; credo check (PRAGMA
	 * integrity_check) evaluates every CHECK on every row of the finished
	 * file, and the benchmark's smoke test runs it on a generated company.
	 */
	if (rc == CREDO_OK)
		rc = credo__exec(db, "PRAGMA ignore_check_constraints = ON", "writing in bulk");
	if (rc == CREDO_OK)
		rc = customers(&g);
	if (rc == CREDO_OK)
		rc = credo__exec(db, "INSERT INTO customer_search(rowid, body) SELECT id, body FROM customer_search_body",
				 "building the search index");
	rc = resume_schema(db, &triggers, "restoring the search index", rc);
	if (rc == CREDO_OK)
		rc = sequence(db, "customer", "", g.ncust);
	if (rc == CREDO_OK)
		rc = ledger(&g, invoices);
	if (rc == CREDO_OK)
		rc = visits(&g, invoices * 3 / 10);
	if (rc == CREDO_OK)
		rc = limits(&g, g.users[7] ? g.users[7] : g.users[0]);
	credo_status checks = credo__exec(db, "PRAGMA ignore_check_constraints = OFF", "writing in bulk");
	if (rc == CREDO_OK)
		rc = checks;
	rc = resume_schema(db, &records, "building the indexes", rc);
	/* Audit rows in the order the core would have written them, table by table. */
	static const struct {
		const char *table;
		const char *const *snap;
		const char *actor;
	} audits[] = {
		{ "customers", &credo__snap_customer, "(SELECT login FROM users WHERE id = customers.owner_id)" },
		{ "contacts", &credo__snap_contact, "(SELECT u.login FROM customers c JOIN users u ON u.id = c.owner_id"
						    " WHERE c.id = contacts.customer_id)" },
		{ "invoices", &credo__snap_invoice, "'" DEMO_FINANCE "'" },
		{ "allocations", &credo__snap_alloc, "'" DEMO_FINANCE "'" },
		{ "payments", &credo__snap_payment, "'" DEMO_FINANCE "'" },
		{ "visits", &credo__snap_visit, "(SELECT login FROM users WHERE id = visits.user_id)" },
		{ "credit_limits", &credo__snap_limit, "'" DEMO_CREDIT "'" },
	};
	for (size_t i = 0; rc == CREDO_OK && i < sizeof audits / sizeof audits[0]; i++)
		rc = audit_table(db, audits[i].table, *audits[i].snap, audits[i].actor);
	rc = resume_schema(db, &audit, "building the audit log's indexes", rc);
	if (rc == CREDO_OK)
		rc = ratings(&g);
	/* The customer figures the rows above move, for every customer in one statement. */
	if (rc == CREDO_OK)
		rc = credo__figures_refresh(db, 0);
	free(g.owner);
	free(g.payer);
	free(g.term);
	free(g.size);
	return rc;
}
