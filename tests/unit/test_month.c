/*
 * test_month.c - month close: the frozen figures and their identities, the
 * rules (once, in order, after the month ends, finance only), entries in a
 * closed month refused, reopening audited, and a closed month's report
 * never changing afterwards.
 */
#include "ledger_fx.h"

/* Finance records a credit note applied to the oldest open invoices. */
static int64_t credit_note(struct fx *f, int64_t customer, const char *date, credo_money amount)
{
	act_as(f->db, "fin");
	credo_credit_note_new in = { .customer_id = customer, .date = date, .amount = amount, .reason = "退货" };
	int64_t id = 0;
	expect_ok(f->db, credo_credit_note_add(f->db, &in, &id));
	return id;
}

static void close_month(struct fx *f, const char *month)
{
	act_as(f->db, "fin");
	expect_ok(f->db, credo_month_close(f->db, month));
}

/*
 * September and October of two customers:
 *   C1  invoice 100,000.00 on 09-05 due 10-05; invoice 50,000.00 on 10-10;
 *       payment 30,000.00 on 10-20; credit note 5,000.00 on 10-25
 *   C2  invoice 20,000.00 on 09-15; payments 25,000.00 on 09-20 and 1,000.00
 *       on 09-28, the latter reversed on 10-03; invoice 3,000.00 on 10-12,
 *       paid at once from the credit
 * C3 has no entries.
 */
static void two_months(struct fx *f, int64_t *p_reversed)
{
	int64_t c1 = cust(f, C1), c2 = cust(f, C2);
	inv(f, c1, "2026-09-05", "2026-10-05", 10000000, 0);
	inv(f, c2, "2026-09-15", NULL, 2000000, 0);
	pay(f, c2, "2026-09-20", 2500000);
	int64_t q2 = pay(f, c2, "2026-09-28", 100000);
	act_as(f->db, "fin");
	expect_ok(f->db, credo_payment_reverse(f->db, q2, "2026-10-03", "重复入账"));
	inv(f, c1, "2026-10-10", NULL, 5000000, 0);
	inv(f, c2, "2026-10-12", NULL, 300000, 0);
	pay(f, c1, "2026-10-20", 3000000);
	credit_note(f, c1, "2026-10-25", 500000);
	if (p_reversed)
		*p_reversed = q2;
}

/* ---- reading a month back ---- */

struct rows {
	credo_month_balance b[8];
	char code[8][16], grade[8][4];
	int n;
};

static int keep_balance(const credo_month_balance *b, void *ctx)
{
	struct rows *r = ctx;
	assert_true(r->n < 8);
	r->b[r->n] = *b;
	snprintf(r->code[r->n], sizeof r->code[0], "%s", b->code);
	snprintf(r->grade[r->n], sizeof r->grade[0], "%s", b->grade);
	r->n++;
	return 0;
}

static struct rows balances_of(struct fx *f, const char *month, int *closed)
{
	struct rows r = { .n = 0 };
	credo_month_report *rep = NULL;
	act_as(f->db, "fin");
	expect_ok(f->db, credo_month_report_open(f->db, month, &rep));
	if (closed)
		*closed = credo_month_report_info(rep)->closed;
	expect_ok(f->db, credo_month_balances(rep, keep_balance, &r));
	credo_month_report_close(rep);
	return r;
}

/* Everything a month report says, as text: what an export would write. */
struct dump {
	char *buf;
	size_t len, at;
};

static void put(struct dump *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct dump *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(d->buf + d->at, d->len - d->at, fmt, ap);
	va_end(ap);
	assert_true(n >= 0 && (size_t)n < d->len - d->at);
	d->at += (size_t)n;
}

static int dump_balance(const credo_month_balance *b, void *ctx)
{
	put(ctx, "B %s %s %s %s %d %lld %lld %lld %lld %lld", b->code, b->name, b->salesperson, b->grade, b->has_limit,
	    (long long)b->limit, (long long)b->opening, (long long)b->invoiced, (long long)b->received,
	    (long long)b->closing);
	for (int i = 0; i < CREDO_AGING_MAX_BUCKETS; i++)
		put(ctx, " %lld", (long long)b->bucket[i]);
	put(ctx, " %lld %lld %lld %lld\n", (long long)b->open_items, (long long)b->unapplied, (long long)b->overdue,
	    (long long)b->provision);
	return 0;
}

static int dump_item(const credo_month_item *it, void *ctx)
{
	put(ctx, "I %s %s %s %s %s %s %lld %lld %d %d %lld %s %s %d\n", it->customer_code, it->customer_name,
	    it->invoice_code, it->contract_code, it->invoice_date, it->due_date, (long long)it->amount,
	    (long long)it->open, it->days_past_due, it->bucket, (long long)it->provision, it->collector,
	    it->salesperson, it->disputed);
	return 0;
}

static int dump_receipt(const credo_month_receipt *p, void *ctx)
{
	put(ctx, "R %s %s %s %s %s %s %s %lld %lld %lld %s\n", p->kind, p->date, p->payment_code, p->customer_code,
	    p->customer_name, p->method, p->reference, (long long)p->amount, (long long)p->applied,
	    (long long)p->unapplied, p->applied_to);
	return 0;
}

static int dump_alert(const credo_month_alert *a, void *ctx)
{
	put(ctx, "A %s %s %d %s %s %s %s %s %d %lld %s %s\n", a->rule, a->severity, a->level, a->customer_code,
	    a->customer_name, a->item_kind, a->item, a->date, a->days, (long long)a->amount, a->responsible,
	    a->message);
	return 0;
}

static void dump_month(struct fx *f, const char *month, char *buf, size_t len)
{
	struct dump d = { .buf = buf, .len = len };
	buf[0] = '\0';
	credo_month_report *rep = NULL;
	act_as(f->db, "fin");
	expect_ok(f->db, credo_month_report_open(f->db, month, &rep));
	const credo_month_info *info = credo_month_report_info(rep);
	put(&d, "%s %s %s", info->month, info->first, info->last);
	for (int i = 0; i < info->buckets.n; i++)
		put(&d, " [%s]", info->buckets.label[i]);
	put(&d, "\n");
	expect_ok(f->db, credo_month_balances(rep, dump_balance, &d));
	expect_ok(f->db, credo_month_items(rep, dump_item, &d));
	expect_ok(f->db, credo_month_receipts(rep, dump_receipt, &d));
	expect_ok(f->db, credo_month_alerts(rep, dump_alert, &d));
	credo_month_report_close(rep);
}

/* ---- the figures ---- */

/* Credit not yet applied on a day, counted from the payments and credit notes themselves. */
static credo_money unapplied_on(struct fx *f, const char *code, const char *day)
{
	char sql[1600];
	snprintf(sql, sizeof sql,
		 "SELECT (SELECT coalesce(sum(p.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a"
		 "  WHERE a.payment_id = p.id AND a.alloc_date <= '%s' AND (a.reversed_at IS NULL OR a.reversed_at > '%s'))), 0)"
		 "  FROM payments p JOIN customers c ON c.id = p.customer_id WHERE c.code = '%s' AND p.pay_date <= '%s'"
		 "  AND (p.reversed_at IS NULL OR p.reversed_at > '%s'))"
		 " + (SELECT coalesce(sum(-i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a"
		 "  WHERE a.credit_note_id = i.id AND a.alloc_date <= '%s' AND (a.reversed_at IS NULL OR a.reversed_at > '%s'))), 0)"
		 "  FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE c.code = '%s' AND i.amount < 0"
		 "  AND i.invoice_date <= '%s')", day, day, code, day, day, day, day, code, day);
	return raw_int(f->path, sql);
}

static void snapshot_figures_and_identities(void **state)
{
	struct fx *f = *state;
	/* An older rating and limit of C1: October shows those in force on its last day. */
	raw_exec(f->path, "INSERT INTO credit_ratings(customer_id, rated_at, score, grade, breakdown, rated_by,"
		 " next_review) SELECT 1, '2026-03-01', 55, 'C', '{}', id, '2027-03-01' FROM users WHERE login = 'cr';"
		 "INSERT INTO credit_limits(customer_id, kind, amount, effective_from, approved_by, approved_at)"
		 " SELECT 1, 'standing', 20000000, '2026-03-01', id, '2026-03-01T09:00:00Z' FROM users WHERE login = 'cr';");
	two_months(f, NULL);
	close_month(f, "2026-09");
	close_month(f, "2026-10");
	int closed = 0;
	struct rows r = balances_of(f, "2026-10", &closed);
	assert_true(closed);
	assert_int_equal(r.n, 2);	/* C3 has no entries */
	assert_string_equal(r.code[0], C1);
	const credo_month_balance *b = &r.b[0];
	assert_int_equal(b->opening, 10000000);
	assert_int_equal(b->invoiced, 4500000);	/* 50,000.00 less the 5,000.00 credit note */
	assert_int_equal(b->received, 3000000);
	assert_int_equal(b->closing, 11500000);
	assert_int_equal(b->bucket[0], 5000000);	/* not due */
	assert_int_equal(b->bucket[1], 6500000);	/* 26 days past due */
	assert_int_equal(b->open_items, 11500000);
	assert_int_equal(b->unapplied, 0);
	assert_int_equal(b->overdue, 6500000);
	assert_int_equal(b->provision, 575000);	/* 5 % in the first year */
	assert_string_equal(r.grade[0], "C");
	assert_true(b->has_limit);
	assert_int_equal(b->limit, 20000000);
	struct rows nov = balances_of(f, "2026-11", &closed);
	assert_false(closed);
	assert_true(strcmp(nov.grade[0], "A") == 0 || strcmp(nov.grade[0], "B") == 0);	/* rated in November */
	assert_int_equal(nov.b[0].limit, 100000000);

	assert_string_equal(r.code[1], C2);
	b = &r.b[1];
	assert_int_equal(b->opening, -600000);		/* paid 26,000.00 on 20,000.00 */
	assert_int_equal(b->invoiced, 300000);
	assert_int_equal(b->received, -100000);	/* only the reversal of September's 1,000.00 */
	assert_int_equal(b->closing, -200000);
	assert_int_equal(b->open_items, 0);
	assert_int_equal(b->unapplied, 200000);

	/* Every row: closing = opening + invoiced - received = open items - unapplied = the ledger's balance. */
	struct rows sep = balances_of(f, "2026-09", NULL);
	for (int i = 0; i < r.n; i++) {
		b = &r.b[i];
		assert_int_equal(b->closing, b->opening + b->invoiced - b->received);
		assert_int_equal(b->closing, b->open_items - b->unapplied);
		assert_int_equal(b->unapplied, unapplied_on(f, r.code[i], "2026-10-31"));
		credo_money sum = 0;
		for (int k = 0; k < CREDO_AGING_MAX_BUCKETS; k++)
			sum += b->bucket[k];
		assert_int_equal(sum, b->open_items);
		credo_balance live = balance(f, cust(f, r.code[i]), "2026-10-31");
		assert_int_equal(live.balance, b->closing);
		assert_int_equal(live.open_items, b->open_items);
		assert_int_equal(live.unapplied, b->unapplied);
		assert_int_equal(live.overdue, b->overdue);
		assert_string_equal(sep.code[i], r.code[i]);
		assert_int_equal(sep.b[i].closing, b->opening);	/* September's closing is October's opening */
	}
}

struct aging_sum {
	credo_money total, provision;
};

static int sum_aging(const credo_aging_row *r, void *ctx)
{
	struct aging_sum *s = ctx;
	s->total += r->total;
	s->provision += r->provision;
	return 0;
}

struct item_sum {
	credo_money open;
	int n;
};

static int sum_items(const credo_month_item *it, void *ctx)
{
	struct item_sum *s = ctx;
	s->open += it->open;
	s->n++;
	return 0;
}

struct receipt_sum {
	credo_money amount;
	int n;
	char kinds[64];
};

static int sum_receipts(const credo_month_receipt *p, void *ctx)
{
	struct receipt_sum *s = ctx;
	s->amount += p->amount;
	s->n++;
	strncat(s->kinds, p->kind[0] == 'p' ? "p" : "r", sizeof s->kinds - strlen(s->kinds) - 1);
	return 0;
}

static void lists_add_up(void **state)
{
	struct fx *f = *state;
	two_months(f, NULL);
	close_month(f, "2026-09");
	close_month(f, "2026-10");
	act_as(f->db, "fin");
	credo_month_report *rep = NULL;
	expect_ok(f->db, credo_month_report_open(f->db, "2026-10", &rep));
	struct item_sum items = { 0 };
	expect_ok(f->db, credo_month_items(rep, sum_items, &items));
	struct receipt_sum rec = { 0 };
	expect_ok(f->db, credo_month_receipts(rep, sum_receipts, &rec));
	credo_month_report_close(rep);
	/* The open items are the aging of the last day, to the fen. */
	credo_aging_opts o = { .as_of = "2026-10-31" };
	struct aging_sum ag = { 0 };
	expect_ok(f->db, credo_aging(f->db, &o, sum_aging, &ag));
	assert_int_equal(items.n, 2);
	assert_int_equal(items.open, ag.total);
	assert_int_equal(items.open, 11500000);
	/* The receipts add up to the received column: a payment of 30,000.00 and a reversal of 1,000.00. */
	assert_string_equal(rec.kinds, "rp");
	assert_int_equal(rec.amount, 3000000 - 100000);
}

/* ---- the rules ---- */

static void close_rules(void **state)
{
	struct fx *f = *state;
	two_months(f, NULL);
	act_as(f->db, "fin");
	expect_refused(f, credo_month_close(f->db, "2026-10"), CREDO_RULE, "month 2026-09 has ledger entries and is not closed");
	expect_refused(f, credo_month_close(f->db, "2026-11"), CREDO_RULE, "has not ended yet");
	expect_refused(f, credo_month_close(f->db, "2026-13"), CREDO_INVALID, "YYYY-MM");
	expect_refused(f, credo_month_close(f->db, "2026-9"), CREDO_INVALID, "YYYY-MM");
	expect_refused(f, credo_month_close(f->db, NULL), CREDO_INVALID, "YYYY-MM");
	act_as(f->db, "s1");
	expect_refused(f, credo_month_close(f->db, "2026-09"), CREDO_PERM, "");
	act_as(f->db, "cr");
	expect_refused(f, credo_month_close(f->db, "2026-09"), CREDO_PERM, "");
	act_as(f->db, ADMIN);
	expect_refused(f, credo_month_close(f->db, "2026-09"), CREDO_PERM, "");

	act_as(f->db, "fin");
	expect_audits(f, 1, credo_month_close(f->db, "2026-09"));
	expect_refused(f, credo_month_close(f->db, "2026-09"), CREDO_RULE, "month 2026-09 is already closed");
	expect_audits(f, 1, credo_month_close(f->db, "2026-10"));
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM month_balances b JOIN month_closes m"
				 " ON m.id = b.month_id WHERE m.month = '2026-10'"), 2);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM month_open_items"), 1 + 2);	/* Sept 1, Oct 2 */
	credo_check_report rep;
	expect_ok(f->db, credo_check(f->db, &rep));
}

static void entries_in_a_closed_month_are_refused(void **state)
{
	struct fx *f = *state;
	int64_t q2 = 0;
	two_months(f, &q2);
	int64_t c1 = cust(f, C1), c2 = cust(f, C2);
	pay(f, c1, "2026-11-02", 100000);
	close_month(f, "2026-09");
	close_month(f, "2026-10");
	act_as(f->db, "fin");
	credo_invoice_new in = { .customer_id = c1, .date = "2026-10-15", .amount = 100 };
	expect_refused(f, credo_invoice_add(f->db, &in, NULL), CREDO_RULE,
		       "month 2026-10 is closed: finance reopens it with credo month reopen 2026-10");
	credo_credit_note_new cn = { .customer_id = c1, .date = "2026-10-31", .amount = 100, .reason = "x" };
	expect_refused(f, credo_credit_note_add(f->db, &cn, NULL), CREDO_RULE, "month 2026-10 is closed");
	credo_payment_new pn = { .customer_id = c1, .date = "2026-10-01", .amount = 100 };
	expect_refused(f, credo_payment_add(f->db, &pn, NULL), CREDO_RULE, "month 2026-10 is closed");
	/* A reversal dated in a closed month. */
	int64_t p_oct = 0;
	expect_ok(f->db, credo_payment_find(f->db, "PAY-2026-00003", &p_oct));
	expect_refused(f, credo_payment_reverse(f->db, p_oct, "2026-10-30", "错"), CREDO_RULE,
		       "month 2026-10 is closed");
	/* Before the earliest closed month: its opening balance would move. */
	in.date = "2026-08-20";
	expect_refused(f, credo_invoice_add(f->db, &in, NULL), CREDO_RULE,
		       "2026-08-20 falls before month 2026-09, which is closed");
	/* The open month takes entries, a reversal of a closed month's payment included. */
	in.date = "2026-11-01";
	expect_ok(f->db, credo_invoice_add(f->db, &in, NULL));
	expect_ok(f->db, credo_payment_reverse(f->db, p_oct, "2026-11-03", "退票"));
	pn = (credo_payment_new){ .customer_id = c2, .date = TODAY, .amount = 100 };
	expect_ok(f->db, credo_payment_add(f->db, &pn, NULL));
	(void)q2;
}

struct audit_find {
	int reopen, close;
	char after[1024];
};

static int find_audit(const credo_audit_row *a, void *ctx)
{
	struct audit_find *s = ctx;
	if (strcmp(a->action, "reopen") == 0 && !s->reopen++)
		snprintf(s->after, sizeof s->after, "%s", a->after);
	if (strcmp(a->action, "close") == 0)
		s->close++;
	return 0;
}

static void reopen_is_audited_and_closes_again(void **state)
{
	struct fx *f = *state;
	two_months(f, NULL);
	int64_t c1 = cust(f, C1);
	close_month(f, "2026-09");
	close_month(f, "2026-10");
	act_as(f->db, "fin");
	expect_refused(f, credo_month_reopen(f->db, "2026-10", ""), CREDO_INVALID, "reason");
	expect_refused(f, credo_month_reopen(f->db, "2026-09", "补录"), CREDO_RULE,
		       "month 2026-10 is closed too: reopen the latest month first");
	expect_refused(f, credo_month_reopen(f->db, "2026-08", "补录"), CREDO_RULE, "month 2026-08 is not closed");
	act_as(f->db, "cr");
	expect_refused(f, credo_month_reopen(f->db, "2026-10", "补录"), CREDO_PERM, "");

	act_as(f->db, "fin");
	expect_audits(f, 1, credo_month_reopen(f->db, "2026-10", "补录一张漏开的发票"));
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM month_balances b JOIN month_closes m"
				 " ON m.id = b.month_id WHERE m.month = '2026-10'"), 0);
	struct audit_find au = { 0 };
	int64_t id = raw_int(f->path, "SELECT id FROM month_closes WHERE month = '2026-10'");
	expect_ok(f->db, credo_audit_list(f->db, "month_closes", id, 0, find_audit, &au));
	assert_int_equal(au.reopen, 1);
	assert_int_equal(au.close, 1);
	assert_non_null(strstr(au.after, "\"state\":\"reopened\""));
	assert_non_null(strstr(au.after, "补录一张漏开的发票"));

	/* Reopened: the entry goes in, the month closes again with it. */
	inv(f, c1, "2026-10-30", NULL, 123456, 0);
	int closed = 1;
	struct rows live = balances_of(f, "2026-10", &closed);
	assert_false(closed);
	assert_int_equal(live.b[0].closing, 11500000 + 123456);
	close_month(f, "2026-10");
	struct rows r = balances_of(f, "2026-10", &closed);
	assert_true(closed);
	assert_int_equal(r.b[0].closing, 11500000 + 123456);
	assert_int_equal(r.b[0].invoiced, 4500000 + 123456);
	credo_check_report rep;
	expect_ok(f->db, credo_check(f->db, &rep));
}

/* The report of a closed month is the live report of the day it closed, and stays so. */
static void closed_month_never_changes(void **state)
{
	struct fx *f = *state;
	two_months(f, NULL);
	int64_t c1 = cust(f, C1), c2 = cust(f, C2);
	close_month(f, "2026-09");
	static char live[16384], closed[16384], later[16384];
	dump_month(f, "2026-10", live, sizeof live);
	close_month(f, "2026-10");
	dump_month(f, "2026-10", closed, sizeof closed);
	assert_string_equal(live, closed);
	assert_non_null(strstr(closed, "上海华联超市有限公司"));

	/* November: payments to October's invoices, a reversal of October's payment, a new invoice... */
	pay(f, c1, "2026-11-05", 1000000);
	int64_t p = 0;
	act_as(f->db, "fin");
	expect_ok(f->db, credo_payment_find(f->db, "PAY-2026-00003", &p));
	expect_ok(f->db, credo_payment_reverse(f->db, p, "2026-11-06", "退票"));
	inv(f, c2, "2026-11-10", NULL, 700000, 0);
	/* ...and a renamed customer, another collector, a changed bucket setting. */
	raw_exec(f->path, "UPDATE customers SET name = '改名公司' WHERE code = 'C000001';"
		 "UPDATE invoices SET collector_id = (SELECT id FROM users WHERE login = 'mgr');");
	act_as(f->db, "fin");
	expect_ok(f->db, credo_setting_set(f->db, "aging.buckets", "0,15,45"));
	dump_month(f, "2026-10", later, sizeof later);
	assert_string_equal(closed, later);
	/* The live figures of November see it all. */
	dump_month(f, "2026-11", later, sizeof later);
	assert_non_null(strstr(later, "改名公司"));
	assert_non_null(strstr(later, "[16-45]"));
}

static int noop_balance(const credo_month_balance *b, void *ctx)
{
	(void)b;
	(void)ctx;
	return 0;
}

static void who_may_read_and_one_report_at_a_time(void **state)
{
	struct fx *f = *state;
	two_months(f, NULL);
	credo_month_report *a = NULL, *b = NULL;
	act_as(f->db, "s1");
	expect_status(f->db, credo_month_report_open(f->db, "2026-10", &a), CREDO_PERM);
	assert_null(a);
	act_as(f->db, "cr");
	expect_ok(f->db, credo_month_report_open(f->db, "2026-10", &a));
	expect_status(f->db, credo_month_report_open(f->db, "2026-09", &b), CREDO_BUSY);
	assert_null(b);
	expect_ok(f->db, credo_month_balances(a, noop_balance, NULL));
	credo_month_report_close(a);
	expect_ok(f->db, credo_month_report_open(f->db, "2026-09", &b));
	credo_month_report_close(b);
	credo_month_report_close(NULL);
	expect_status(f->db, credo_month_report_open(f->db, "10/2026", &b), CREDO_INVALID);
	/* A refused report leaves no temporary tables behind: the next one opens. */
	expect_ok(f->db, credo_month_report_open(f->db, "2026-10", &b));
	credo_month_report_close(b);
}

struct list_walk {
	char text[1024];
};

static int list_month(const credo_month *m, void *ctx)
{
	struct list_walk *w = ctx;
	size_t n = strlen(w->text);
	snprintf(w->text + n, sizeof w->text - n, "%s %s %s %lld %lld|", m->month, m->state, m->closed_by,
		 (long long)m->customers, (long long)m->closing);
	return 0;
}

static void month_list(void **state)
{
	struct fx *f = *state;
	two_months(f, NULL);
	close_month(f, "2026-09");
	close_month(f, "2026-10");
	act_as(f->db, "fin");
	expect_ok(f->db, credo_month_reopen(f->db, "2026-10", "补录"));
	struct list_walk w = { "" };
	act_as(f->db, "s1");
	expect_ok(f->db, credo_month_list(f->db, list_month, &w));
	assert_string_equal(w.text, "2026-09 closed fin 2 9400000|2026-10 reopened fin 0 0|");
}

static void export_failures_leave_no_file(void **state)
{
	struct fx *f = *state;
	two_months(f, NULL);
	char path[400], part[420];
	tmpdir_file(path, sizeof path, f->dir, "no-such-dir/r.xlsx");
	act_as(f->db, "fin");
	expect_status(f->db, credo_export_receivables(f->db, "2026-10", path, CREDO_EXPORT_XLSX, NULL), CREDO_IO);
	tmpdir_file(path, sizeof path, f->dir, "r.xlsx");
	act_as(f->db, "s1");
	expect_status(f->db, credo_export_receivables(f->db, "2026-10", path, CREDO_EXPORT_XLSX, NULL), CREDO_PERM);
	snprintf(part, sizeof part, "%s.part", path);
	assert_int_not_equal(access(path, F_OK), 0);
	assert_int_not_equal(access(part, F_OK), 0);
	act_as(f->db, "fin");
	credo_export_result res;
	expect_ok(f->db, credo_export_receivables(f->db, "2026-10", path, CREDO_EXPORT_XLSX, &res));
	assert_int_equal(access(path, F_OK), 0);
	assert_int_not_equal(access(part, F_OK), 0);
	assert_false(res.closed);
	assert_string_equal(res.as_of, "2026-10-31");
	assert_int_equal(res.rows[CREDO_SHEET_SUMMARY], 2);
	assert_int_equal(res.rows[CREDO_SHEET_OPEN_ITEMS], 2);
	assert_int_equal(res.rows[CREDO_SHEET_RECEIVED], 2);
	char name[64];
	expect_ok(f->db, credo_export_csv_path("out/2026-10.xlsx", "Open items", name, sizeof name));
	assert_string_equal(name, "out/2026-10-open-items.csv");
	expect_ok(f->db, credo_export_csv_path("r", "Summary", name, sizeof name));
	assert_string_equal(name, "r-summary.csv");
	assert_int_equal(credo_export_csv_path("r", "Summary", name, 8), CREDO_INVALID);
}

int main(void)
{
	setenv("CREDO_TODAY", TODAY, 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(snapshot_figures_and_identities, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(lists_add_up, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(close_rules, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(entries_in_a_closed_month_are_refused, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(reopen_is_audited_and_closes_again, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(closed_month_never_changes, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(who_may_read_and_one_report_at_a_time, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(month_list, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(export_failures_leave_no_file, setup_ledger, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
