/*
 * commission.c - the commission statement: each payment of the month,
 * split over the invoices it paid, priced by the settings, summed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

struct rates {
	int basic, excess, reserve, late, step, grace;
	credo_money cap;
};

static void load_rates(credo_db *db, struct rates *r)
{
	r->basic = (int)credo__setting_int(db, "commission.basic_bp", 300);
	r->excess = (int)credo__setting_int(db, "commission.excess_bp", 1000);
	r->reserve = (int)credo__setting_int(db, "commission.reserve_bp", 1000);
	r->late = (int)credo__setting_int(db, "commission.late_bp", 1000);
	r->step = (int)credo__setting_int(db, "commission.late_step_days", 30);
	r->grace = (int)credo__setting_int(db, "commission.late_grace_days", 0);
	if (r->step < 1)
		r->step = 1;
	r->cap = credo__setting_money(db, "commission.reserve_cap", 500000);
}

/*
 * The lines of user ?1 for payments dated ?2..?3: each live allocation of
 * a payment to an invoice, then the payment's unapplied rest. The
 * contract's excess is sum((unit price - list price) x qty) over the lines
 * sold above a product's list price, in fen x 1000 (qty is in thousandths).
 */
static const char lines_sql[] =
	"WITH pays AS (SELECT p.id, p.code, p.pay_date, p.pay_day, p.amount, c.code AS customer FROM payments p"
	"  JOIN customers c ON c.id = p.customer_id WHERE c.owner_id = ?1 AND p.pay_date BETWEEN ?2 AND ?3"
	"  AND p.reversed_at IS NULL)"
	" SELECT p.code, p.pay_date, p.customer, i.code, i.due_date, a.amount, max(p.pay_day - i.due_day, 0),"
	"  coalesce(k.amount, 0), coalesce((SELECT sum(max(l.unit_price - pr.list_price, 0) * l.qty_milli)"
	"   FROM contract_lines l JOIN products pr ON pr.id = l.product_id"
	"   WHERE l.contract_id = k.id AND pr.list_price > 0), 0), p.id, a.id"
	" FROM pays p JOIN allocations a ON a.payment_id = p.id AND a.reversed_at IS NULL"
	" JOIN invoices i ON i.id = a.invoice_id LEFT JOIN contracts k ON k.id = i.contract_id"
	" UNION ALL SELECT p.code, p.pay_date, p.customer, '', '', p.amount - (SELECT coalesce(sum(a.amount), 0)"
	"  FROM allocations a WHERE a.payment_id = p.id AND a.reversed_at IS NULL), 0, 0, 0, p.id, 1e18"
	" FROM pays p WHERE p.amount > (SELECT coalesce(sum(a.amount), 0) FROM allocations a"
	"  WHERE a.payment_id = p.id AND a.reversed_at IS NULL)"
	" ORDER BY 2, 10, 11";

static void price_line(const struct rates *r, credo_commission_line *l, credo_money contract, credo_money excess_milli)
{
	credo_money excess = 0;
	if (contract > 0 && excess_milli > 0) {
		credo_money contract_excess = credo__muldiv(excess_milli, 1, 1000);
		excess = credo__muldiv(l->collected, contract_excess, contract);
		if (excess > l->collected)
			excess = l->collected;
	}
	l->excess = excess;
	l->basic_base = l->collected - excess;
	l->basic = credo__muldiv(l->basic_base, r->basic, 10000);
	l->excess_comm = credo__muldiv(excess, r->excess, 10000);
	l->gross = l->basic + l->excess_comm;
	int late = l->days_late - r->grace;
	int64_t steps = late > 0 ? (late + r->step - 1) / r->step : 0;
	int64_t bp = steps * r->late;
	l->deduct_bp = bp > 10000 ? 10000 : (int)bp;
	l->deduction = credo__muldiv(l->gross, l->deduct_bp, 10000);
	l->net = l->gross - l->deduction;
}

/* The lines of one month summed into s (reserve not yet worked out); line_cb may be NULL. */
static credo_status month_lines(credo_db *db, const struct rates *r, int64_t user, const char *login,
				const char *first, const char *last, credo_commission *s,
				credo_commission_line_cb line_cb, void *ctx)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, lines_sql, &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, user);
	sqlite3_bind_text(st, 2, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, last, -1, SQLITE_STATIC);
	int q;
	while ((q = sqlite3_step(st)) == SQLITE_ROW) {
		credo_commission_line l = {
			.login = login, .payment = credo__col_text(st, 0), .pay_date = credo__col_text(st, 1),
			.customer = credo__col_text(st, 2), .invoice = credo__col_text(st, 3),
			.due_date = credo__col_text(st, 4), .collected = sqlite3_column_int64(st, 5),
			.days_late = sqlite3_column_int(st, 6),
		};
		price_line(r, &l, sqlite3_column_int64(st, 7), sqlite3_column_int64(st, 8));
		s->lines++;
		s->collected += l.collected;
		s->excess += l.excess;
		s->basic_base += l.basic_base;
		s->basic += l.basic;
		s->excess_comm += l.excess_comm;
		s->gross += l.gross;
		s->deduction += l.deduction;
		s->net += l.net;
		if (line_cb && line_cb(&l, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && q != SQLITE_DONE)
		rc = credo__dberr(db, "computing a commission");
	sqlite3_finalize(st);
	return rc;
}

/* What is held back of net when held is already held: the rate, no further than the cap. */
static credo_money hold(const struct rates *r, credo_money net, credo_money held)
{
	credo_money v = credo__muldiv(net, r->reserve, 10000);
	if (r->cap > 0 && v > r->cap - held)
		v = r->cap - held > 0 ? r->cap - held : 0;
	return v < 0 ? 0 : v;
}

/* The reserve held in the months before first: each month from the first payment on, in turn. */
static credo_status held_before(credo_db *db, const struct rates *r, int64_t user, const char *first,
				credo_money *held)
{
	*held = 0;
	if (r->cap <= 0 || r->reserve <= 0)
		return CREDO_OK;	/* nothing to stop at: no need to know */
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT min(p.pay_date) FROM payments p JOIN customers c"
				     " ON c.id = p.customer_id WHERE c.owner_id = ?1 AND p.reversed_at IS NULL", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, user);
	char start[CREDO_DATE_BUFSZ] = "";
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		snprintf(start, sizeof start, "%s", credo__col_text(st, 0));
	sqlite3_finalize(st);
	if (!start[0])
		return CREDO_OK;
	credo_date d;
	if (credo_date_parse(start, &d, NULL) != CREDO_OK)
		return CREDO_OK;
	int y, m, dd;
	credo_date_to_ymd(d, &y, &m, &dd);
	for (;;) {
		char mf[CREDO_DATE_BUFSZ], ml[CREDO_DATE_BUFSZ];
		credo_date_format(credo_date_from_ymd(y, m, 1), mf, sizeof mf);
		if (strcmp(mf, first) >= 0 || *held >= r->cap)
			break;
		credo_date_format(credo_date_from_ymd(y, m, credo_date_days_in_month(y, m)), ml, sizeof ml);
		credo_commission s = { 0 };
		if ((rc = month_lines(db, r, user, "", mf, ml, &s, NULL, NULL)))
			return rc;
		*held += hold(r, s.net, *held);
		if (++m == 13) {
			m = 1;
			y++;
		}
	}
	return CREDO_OK;
}

static credo_status statement(credo_db *db, const struct rates *r, int64_t user, const char *login,
			      const char *name, const char *month, const char *first, const char *last,
			      credo_commission_line_cb line_cb, credo_commission_cb sum_cb, void *ctx)
{
	credo_commission s = {
		.login = login, .name = name, .month = month, .basic_bp = r->basic, .excess_bp = r->excess,
		.reserve_bp = r->reserve, .late_bp = r->late, .late_step_days = r->step, .late_grace_days = r->grace,
		.reserve_cap = r->cap,
	};
	credo_status rc = month_lines(db, r, user, login, first, last, &s, line_cb, ctx);
	if (rc == CREDO_OK)
		rc = held_before(db, r, user, first, &s.reserve_before);
	if (rc)
		return rc;
	s.reserve = hold(r, s.net, s.reserve_before);
	s.payable = s.net - s.reserve;
	return sum_cb && sum_cb(&s, ctx) ? CREDO_STOP : CREDO_OK;
}

struct person {
	int64_t id;
	char login[CREDO_LOGIN_MAX + 1];
	char name[201];
};

credo_status credo_commission_month(credo_db *db, const char *month, const char *login,
				    credo_commission_line_cb line_cb, credo_commission_cb sum_cb, void *ctx)
{
	credo_status rc = credo__need_login(db);
	if (rc)
		return rc;
	char first[CREDO_DATE_BUFSZ], last[CREDO_DATE_BUFSZ];
	if ((rc = credo__month_range(db, "month", month, first, last)))
		return rc;
	int64_t only = 0;
	if (login && (rc = credo__report_user(db, login, &only)))
		return rc;
	struct rates r;
	load_rates(db, &r);
	/* The people first: each statement runs its own query. */
	sqlite3_stmt *st;
	if ((rc = credo__prepare(db, "WITH RECURSIVE" CREDO_REPORT_SEEN " SELECT u.id, u.login, u.name FROM users u"
				 " WHERE u.id IN (SELECT id FROM seen_users) AND (?4 = 0 AND u.active"
				 " AND u.role IN ('sales', 'sales_manager') OR u.id = ?4) ORDER BY u.login", &st)))
		return rc;
	credo__report_bind(db, st);
	sqlite3_bind_int64(st, 4, only);
	struct person *v = NULL;
	size_t n = 0;
	int q;
	while ((q = sqlite3_step(st)) == SQLITE_ROW) {
		struct person *w = realloc(v, (n + 1) * sizeof *v);
		if (!w) {
			rc = credo__fail(db, CREDO_NOMEM, "out of memory");
			break;
		}
		v = w;
		v[n].id = sqlite3_column_int64(st, 0);
		snprintf(v[n].login, sizeof v[n].login, "%s", credo__col_text(st, 1));
		snprintf(v[n].name, sizeof v[n].name, "%s", credo__col_text(st, 2));
		n++;
	}
	if (rc == CREDO_OK && q != SQLITE_DONE)
		rc = credo__dberr(db, "reading salespeople");
	sqlite3_finalize(st);
	for (size_t i = 0; i < n && rc == CREDO_OK; i++)
		rc = statement(db, &r, v[i].id, v[i].login, v[i].name, month, first, last, line_cb, sum_cb, ctx);
	free(v);
	return rc;
}
