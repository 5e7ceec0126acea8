/*
 * test_ledger.c - invoices, payments, allocation, balances as of any date,
 * the statement of account, data scope, permissions and audit.
 */
#include "ledger_fx.h"

/* A payment's allocations in order, as "INVOICE_ID:AMOUNT:DATE[:r]" joined by spaces. */
static void allocations_of(struct fx *f, int64_t payment, char *buf, size_t len)
{
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT group_concat(invoice_id || ':' || amount || ':' || alloc_date"
		 " || CASE WHEN reversed_at IS NULL THEN '' ELSE ':r' END, ' ') FROM (SELECT * FROM allocations"
		 " WHERE payment_id = %lld ORDER BY id)", (long long)payment);
	raw_text(f->path, sql, buf, len);
}

static void expect_allocations(struct fx *f, int64_t payment, const char *want)
{
	char got[512];
	allocations_of(f, payment, got, sizeof got);
	assert_string_equal(got, want);
}

static const char *code_of(struct fx *f, const char *table, int64_t id, char *buf, size_t len)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT code FROM %s WHERE id = %lld", table, (long long)id);
	raw_text(f->path, sql, buf, len);
	return buf;
}

static void oldest_due_first_partial_then_credit(void **state)
{
	struct fx *f = *state;
	int64_t c = cust(f, C1);
	/* B is invoiced later than A but falls due first: due date decides. */
	int64_t a = inv(f, c, "2026-09-01", "2026-12-01", 600000, 0);
	int64_t b = inv(f, c, "2026-09-10", "2026-10-10", 500000, 0);
	int64_t p1 = pay(f, c, "2026-10-01", 300000);
	char want[256];
	snprintf(want, sizeof want, "%lld:300000:2026-10-01", (long long)b);
	expect_allocations(f, p1, want);
	assert_int_equal(open_of(f, b), 200000);
	assert_int_equal(open_of(f, a), 600000);

	int64_t p2 = pay(f, c, "2026-10-15", 1000000);
	snprintf(want, sizeof want, "%lld:200000:2026-10-15 %lld:600000:2026-10-15", (long long)b, (long long)a);
	expect_allocations(f, p2, want);
	credo_balance bal = balance(f, c, NULL);
	assert_int_equal(bal.balance, -200000);
	assert_int_equal(bal.open_items, 0);
	assert_int_equal(bal.unapplied, 200000);

	/* The credit pays the next invoice by itself, dated the day the invoice exists. */
	int64_t cc = inv(f, c, "2026-11-01", NULL, 500000, 0);
	assert_int_equal(open_of(f, cc), 300000);
	snprintf(want, sizeof want, "%lld:200000:2026-10-15 %lld:600000:2026-10-15 %lld:200000:2026-11-01",
		 (long long)b, (long long)a, (long long)cc);
	expect_allocations(f, p2, want);
	bal = balance(f, c, NULL);
	assert_int_equal(bal.balance, 300000);
	assert_int_equal(bal.open_items, 300000);
	assert_int_equal(bal.unapplied, 0);
}

static void explicit_allocation(void **state)
{
	struct fx *f = *state;
	int64_t c = cust(f, C1), other = cust(f, C2);
	int64_t a = inv(f, c, "2026-10-01", NULL, 100000, 0);
	int64_t b = inv(f, c, "2026-11-01", NULL, 200000, 0);
	int64_t x = inv(f, other, "2026-11-01", NULL, 100000, 0);
	act_as(f->db, "fin");
	credo_apply to_b = { b, 200000 };
	credo_payment_new in = { .customer_id = c, .date = "2026-11-10", .amount = 250000, .apply = &to_b, .napply = 1 };
	int64_t p = 0;
	expect_ok(f->db, credo_payment_add(f->db, &in, &p));
	/* By hand, the older invoice is left alone and the rest stays as credit. */
	assert_int_equal(open_of(f, b), 0);
	assert_int_equal(open_of(f, a), 100000);
	assert_int_equal(balance(f, c, NULL).unapplied, 50000);

	act_as(f->db, "fin");
	credo_apply over[] = { { a, 100001 } };
	in = (credo_payment_new){ .customer_id = c, .date = "2026-11-10", .amount = 200000, .apply = over, .napply = 1 };
	expect_refused(f, credo_payment_add(f->db, &in, NULL), CREDO_RULE, "more than its open 1,000.00");
	credo_apply two[] = { { a, 60000 }, { a, 50000 } };
	in.apply = two;
	in.napply = 2;
	expect_refused(f, credo_payment_add(f->db, &in, NULL), CREDO_RULE, "more than its open 400.00");
	credo_apply big[] = { { a, 100000 } };
	in = (credo_payment_new){ .customer_id = c, .date = "2026-11-10", .amount = 50000, .apply = big, .napply = 1 };
	expect_refused(f, credo_payment_add(f->db, &in, NULL), CREDO_RULE, "add up to more than the payment");
	credo_apply theirs[] = { { x, 1000 } };
	in.apply = theirs;
	expect_refused(f, credo_payment_add(f->db, &in, NULL), CREDO_RULE, "same customer");
}

static void balance_as_of_past_dates(void **state)
{
	struct fx *f = *state;
	int64_t c = cust(f, C1);
	int64_t i = inv(f, c, "2026-09-01", "2026-10-01", 100000, 0);
	int64_t p = pay(f, c, "2026-10-01", 60000);
	credo_balance b = balance(f, c, "2026-08-31");
	assert_int_equal(b.invoiced, 0);
	assert_int_equal(b.balance, 0);
	b = balance(f, c, "2026-09-15");
	assert_int_equal(b.balance, 100000);
	assert_int_equal(b.open_items, 100000);
	assert_int_equal(b.overdue, 0);
	b = balance(f, c, "2026-10-01");
	assert_int_equal(b.received, 60000);
	assert_int_equal(b.balance, 40000);
	assert_int_equal(b.overdue, 0);	/* due that day, not yet overdue */
	b = balance(f, c, "2026-10-02");
	assert_int_equal(b.overdue, 40000);

	/* A later payment does not change what was open then. */
	pay(f, c, "2026-11-10", 30000);
	assert_int_equal(balance(f, c, "2026-10-15").open_items, 40000);
	assert_int_equal(balance(f, c, NULL).balance, 10000);

	/* Nor does a later reversal; from its date on, the invoice is open again. */
	act_as(f->db, "fin");
	expect_ok(f->db, credo_payment_reverse(f->db, p, "2026-11-15", "重复录入"));
	b = balance(f, c, "2026-10-15");
	assert_int_equal(b.balance, 40000);
	assert_int_equal(b.open_items, 40000);
	b = balance(f, c, "2026-11-14");
	assert_int_equal(b.balance, 10000);
	b = balance(f, c, "2026-11-15");
	assert_int_equal(b.received, 30000);
	assert_int_equal(b.balance, 70000);
	assert_int_equal(b.open_items, 70000);
	assert_int_equal(open_of(f, i), 70000);
	char want[128];
	snprintf(want, sizeof want, "%lld:60000:2026-10-01:r", (long long)i);
	expect_allocations(f, p, want);
}

/* The statement lines of one call, checked for its identities as they arrive. */
struct stmt {
	credo_money opening, running, closing, open_sum, debits, credits;
	int lines, movements, open_items, closed;
	char kinds[512];
};

static int stmt_cb(const credo_statement_line *l, void *ctx)
{
	struct stmt *s = ctx;
	size_t n = strlen(s->kinds);
	snprintf(s->kinds + n, sizeof s->kinds - n, "%s%s", n ? " " : "", l->kind);
	if (s->lines++ == 0) {
		assert_string_equal(l->kind, "opening");
		s->opening = s->running = l->balance;
	} else if (strcmp(l->kind, "closing") == 0) {
		s->closed = 1;
		s->closing = l->balance;
		assert_int_equal(l->balance, s->running);
	} else if (s->closed) {
		assert_true(strcmp(l->kind, "open_item") == 0 || strcmp(l->kind, "unapplied") == 0);
		assert_true(strcmp(l->kind, "open_item") == 0 ? l->balance > 0 : l->balance < 0);
		s->open_sum += l->balance;
		s->open_items++;
	} else {
		assert_true(l->debit >= 0 && l->credit >= 0);
		s->running += l->debit - l->credit;
		s->debits += l->debit;
		s->credits += l->credit;
		assert_int_equal(l->balance, s->running);
		s->movements++;
	}
	return 0;
}

static struct stmt statement(struct fx *f, int64_t customer, const char *from, const char *to)
{
	struct stmt s = { 0 };
	act_as(f->db, "fin");
	expect_ok(f->db, credo_statement(f->db, customer, from, to, stmt_cb, &s));
	assert_true(s.closed);
	return s;
}

/*
 * A ledger with every kind of line (kept within 60 days of today, so no
 * credit hold stops the last invoice); the identities must hold for every
 * period, and the year adds up to what was worked out by hand.
 */
static void statement_identities_for_every_period(void **state)
{
	struct fx *f = *state;
	int64_t c = cust(f, C1);
	int64_t i1 = inv(f, c, "2026-10-01", NULL, 100000, 0);
	inv(f, c, "2026-10-05", NULL, 234567, 0);
	act_as(f->db, "fin");
	credo_credit_note_new cn = { .customer_id = c, .against_invoice_id = i1, .date = "2026-10-08", .amount = 10000,
				     .reason = "质量折让" };
	expect_ok(f->db, credo_credit_note_add(f->db, &cn, NULL));
	int64_t p1 = pay(f, c, "2026-10-10", 150000);
	inv(f, c, "2026-10-15", NULL, 300000, 0);
	pay(f, c, "2026-10-20", 500000);	/* more than owed: leaves 254.33 of credit */
	act_as(f->db, "fin");
	expect_ok(f->db, credo_payment_reverse(f->db, p1, "2026-10-25", "退票"));
	cn = (credo_credit_note_new){ .customer_id = c, .date = "2026-10-28", .amount = 30000, .reason = "返利" };
	expect_ok(f->db, credo_credit_note_add(f->db, &cn, NULL));
	int64_t i4 = inv(f, c, "2026-11-05", NULL, 70000, 0);
	pay(f, c, "2026-11-20", 10000);
	assert_int_equal(open_of(f, i4), 44567);	/* the credit paid 254.33 of it */
	assert_int_equal(open_of(f, i1), 50000);	/* 1,000 - 100 - 300 (second note) - 100 */

	static const char *const days[] = { "1900-01-01", "2026-09-30", "2026-10-01", "2026-10-03", "2026-10-05",
					    "2026-10-08", "2026-10-10", "2026-10-15", "2026-10-20", "2026-10-25",
					    "2026-10-28", "2026-11-05", "2026-11-20", TODAY };
	int n = (int)(sizeof days / sizeof days[0]), checked = 0;
	for (int a = 0; a < n; a++) {
		for (int b = a; b < n; b++) {
			struct stmt s = statement(f, c, days[a], days[b]);
			assert_int_equal(s.closing, s.opening + s.debits - s.credits);
			assert_int_equal(s.closing, balance(f, c, days[b]).balance);
			if (s.open_sum != s.closing)
				fail_msg("%s..%s: open items %lld, closing %lld (%s)", days[a], days[b],
					 (long long)s.open_sum, (long long)s.closing, s.kinds);
			checked++;
		}
	}
	assert_int_equal(checked, n * (n + 1) / 2);
	/* 1,000 + 2,345.67 - 100 + 3,000 - 300 + 700 - 5,000 - 100 (the reversed 1,500 is back). */
	struct stmt all = statement(f, c, "2026-01-01", TODAY);
	assert_int_equal(all.opening, 0);
	assert_int_equal(all.closing, 154567);
	assert_int_equal(all.movements, 10);	/* 4 invoices, 2 credit notes, 3 payments, 1 reversal */
	assert_int_equal(all.open_items, 3);
	assert_int_equal(balance(f, c, "2026-10-24").balance, -25433);	/* in credit before the reversal */
}

/* Money is applied only once both it and the invoice exist. */
static void allocation_never_precedes_either_side(void **state)
{
	struct fx *f = *state;
	int64_t c = cust(f, C1);
	/* An advance, then an invoice dated before it: the credit pays it from the advance's date. */
	int64_t p = pay(f, c, "2026-11-10", 100000);
	int64_t i = inv(f, c, "2026-11-01", NULL, 100000, 0);
	char want[64];
	snprintf(want, sizeof want, "%lld:100000:2026-11-10", (long long)i);
	expect_allocations(f, p, want);
	struct stmt s = statement(f, c, "2026-11-01", "2026-11-05");
	assert_int_equal(s.closing, 100000);
	assert_int_equal(s.open_sum, 100000);
	s = statement(f, c, "2026-11-01", TODAY);
	assert_int_equal(s.closing, 0);
	assert_int_equal(s.open_items, 0);

	/* A back-dated payment applied to a later invoice: paid from the invoice's date. */
	int64_t j = inv(f, c, "2026-11-15", NULL, 50000, 0);
	int64_t q = pay(f, c, "2026-11-12", 50000);
	snprintf(want, sizeof want, "%lld:50000:2026-11-15", (long long)j);
	expect_allocations(f, q, want);
	s = statement(f, c, "2026-11-01", "2026-11-13");
	assert_int_equal(s.closing, -50000);
	assert_int_equal(s.open_sum, -50000);
}

static void credit_notes(void **state)
{
	struct fx *f = *state;
	int64_t c = cust(f, C1);
	int64_t a = inv(f, c, "2026-10-01", NULL, 100000, 0);
	int64_t b = inv(f, c, "2026-11-01", NULL, 100000, 0);
	act_as(f->db, "fin");
	credo_credit_note_new cn = { .customer_id = c, .against_invoice_id = b, .date = "2026-11-02", .amount = 30000,
				     .reason = "退货" };
	int64_t id = 0;
	expect_audits(f, 2, credo_credit_note_add(f->db, &cn, &id));	/* the note and its allocation */
	assert_int_equal(open_of(f, b), 70000);
	assert_int_equal(open_of(f, a), 100000);
	assert_int_equal(open_of(f, id), 0);	/* fully applied */
	assert_int_equal(balance(f, c, NULL).balance, 170000);
	/* Without --against: the oldest due first, the rest stays as credit for the next invoice. */
	cn = (credo_credit_note_new){ .customer_id = c, .date = "2026-11-03", .amount = 200000, .reason = "年度返利" };
	act_as(f->db, "fin");
	expect_ok(f->db, credo_credit_note_add(f->db, &cn, &id));
	assert_int_equal(open_of(f, a), 0);
	assert_int_equal(open_of(f, b), 0);
	assert_int_equal(open_of(f, id), -30000);
	int64_t d = inv(f, c, "2026-11-20", NULL, 50000, 0);
	assert_int_equal(open_of(f, d), 20000);
	assert_int_equal(open_of(f, id), 0);

	act_as(f->db, "fin");
	cn = (credo_credit_note_new){ .customer_id = c, .against_invoice_id = d, .date = TODAY, .amount = 20001,
				      .reason = "x" };
	expect_refused(f, credo_credit_note_add(f->db, &cn, NULL), CREDO_RULE, "more than the invoice's open 200.00");
	cn.amount = 100;
	cn.reason = "";
	expect_refused(f, credo_credit_note_add(f->db, &cn, NULL), CREDO_INVALID, "reason");
}

static void rules_refuse_and_write_nothing(void **state)
{
	struct fx *f = *state;
	int64_t c = cust(f, C1);
	int64_t i = inv(f, c, "2026-11-01", NULL, 100000, 0);
	int64_t p = pay(f, c, "2026-11-10", 40000);
	act_as(f->db, "fin");
	credo_invoice_new in = { .customer_id = c, .date = TODAY, .amount = 0 };
	expect_refused(f, credo_invoice_add(f->db, &in, NULL), CREDO_INVALID, "must be more than zero");
	in.amount = -100;
	expect_refused(f, credo_invoice_add(f->db, &in, NULL), CREDO_INVALID, "credit note");
	in = (credo_invoice_new){ .customer_id = c, .date = "2026-11-24", .amount = 100 };
	expect_refused(f, credo_invoice_add(f->db, &in, NULL), CREDO_RULE, "after today");
	in.date = "2026-02-30";
	expect_refused(f, credo_invoice_add(f->db, &in, NULL), CREDO_INVALID, "no such day");
	in = (credo_invoice_new){ .customer_id = c, .date = "2026-11-20", .due_date = "2026-11-19", .amount = 100 };
	expect_refused(f, credo_invoice_add(f->db, &in, NULL), CREDO_RULE, "before the invoice date");

	credo_payment_new pn = { .customer_id = c, .date = "2026-11-24", .amount = 100 };
	expect_refused(f, credo_payment_add(f->db, &pn, NULL), CREDO_RULE, "after today");
	pn = (credo_payment_new){ .customer_id = c, .date = TODAY, .amount = 100, .method = "bitcoin" };
	expect_refused(f, credo_payment_add(f->db, &pn, NULL), CREDO_INVALID, "payment method");
	pn = (credo_payment_new){ .customer_id = c, .date = TODAY, .amount = 0 };
	expect_refused(f, credo_payment_add(f->db, &pn, NULL), CREDO_INVALID, "more than zero");
	/* Owed 600.00, so 50,600.00 is the most a payment may be. */
	pn.amount = 5060001;
	expect_refused(f, credo_payment_add(f->db, &pn, NULL), CREDO_RULE, "ledger.max_advance");
	/* A failure after the row went in still leaves nothing, not even a used code. */
	credo_apply over = { i, 60001 };
	pn = (credo_payment_new){ .customer_id = c, .date = TODAY, .amount = 60001, .apply = &over, .napply = 1 };
	expect_refused(f, credo_payment_add(f->db, &pn, NULL), CREDO_RULE, "more than its open");

	expect_refused(f, credo_payment_reverse(f->db, p, "2026-11-24", "x"), CREDO_RULE, "after today");
	expect_refused(f, credo_payment_reverse(f->db, p, "2026-11-09", "x"), CREDO_RULE, "before it was received");
	expect_refused(f, credo_payment_reverse(f->db, p, NULL, ""), CREDO_INVALID, "reason");
	expect_ok(f->db, credo_payment_reverse(f->db, p, NULL, "录错"));
	expect_refused(f, credo_payment_reverse(f->db, p, NULL, "again"), CREDO_RULE, "already reversed");
}

static void max_advance_boundary_and_setting(void **state)
{
	struct fx *f = *state;
	int64_t c = cust(f, C1), d = cust(f, C2);
	pay(f, c, TODAY, 5000000);	/* nothing owed: exactly the default advance of 50,000.00 */
	act_as(f->db, "fin");
	credo_payment_new pn = { .customer_id = c, .date = TODAY, .amount = 1 };
	expect_refused(f, credo_payment_add(f->db, &pn, NULL), CREDO_RULE, "ledger.max_advance (50,000.00)");
	raw_exec(f->path, "UPDATE settings SET value = '0.00' WHERE key = 'ledger.max_advance'");
	inv(f, d, "2026-11-01", NULL, 100000, 0);
	act_as(f->db, "fin");
	pn = (credo_payment_new){ .customer_id = d, .date = TODAY, .amount = 100001 };
	expect_refused(f, credo_payment_add(f->db, &pn, NULL), CREDO_RULE, "owes (1,000.00)");
	pn.amount = 100000;
	expect_ok(f->db, credo_payment_add(f->db, &pn, NULL));
}

static void scope_sales_sees_only_its_own(void **state)
{
	struct fx *f = *state;
	int64_t c1 = cust(f, C1), c2 = cust(f, C2);
	int64_t i1 = inv(f, c1, "2026-11-01", NULL, 100000, 0);
	int64_t p1 = pay(f, c1, "2026-11-10", 40000);
	inv(f, c2, "2026-11-02", NULL, 200000, 0);
	char ic[40], pc[40];
	code_of(f, "invoices", i1, ic, sizeof ic);
	code_of(f, "payments", p1, pc, sizeof pc);

	act_as(f->db, "s2");
	int64_t id;
	expect_status(f->db, credo_invoice_find(f->db, ic, &id), CREDO_PERM);
	expect_status(f->db, credo_payment_find(f->db, pc, &id), CREDO_PERM);
	credo_balance b;
	expect_status(f->db, credo_balance_of(f->db, c1, NULL, &b), CREDO_PERM);
	struct stmt s = { 0 };
	expect_status(f->db, credo_statement(f->db, c1, "2026-01-01", TODAY, stmt_cb, &s), CREDO_PERM);
	assert_int_equal(s.lines, 0);
	struct find_inv fi = { .id = i1 };
	expect_ok(f->db, credo_invoice_list(f->db, NULL, find_inv_cb, &fi));
	assert_false(fi.found);
	credo_invoice_filter byc = { .customer_id = c2 };
	fi = (struct find_inv){ .id = i1 };
	expect_ok(f->db, credo_invoice_list(f->db, &byc, find_inv_cb, &fi));
	assert_false(fi.found);

	act_as(f->db, "s1");
	expect_ok(f->db, credo_invoice_find(f->db, ic, &id));
	assert_int_equal(id, i1);
	expect_ok(f->db, credo_payment_find(f->db, pc, &id));
	expect_ok(f->db, credo_balance_of(f->db, c1, NULL, &b));
	assert_int_equal(b.balance, 60000);
}

static int count_payments(const credo_payment *p, void *ctx)
{
	(void)p;
	++*(int *)ctx;
	return 0;
}

static int collect_keys(const credo_collected_row *r, void *ctx)
{
	char *buf = ctx;
	size_t n = strlen(buf);
	snprintf(buf + n, 256 - n, "%s%s=%lld/%lld", n ? " " : "", r->key, (long long)r->invoiced,
		 (long long)r->collected);
	return 0;
}

static void scope_of_lists_and_reports(void **state)
{
	struct fx *f = *state;
	int64_t c1 = cust(f, C1), c2 = cust(f, C2);
	inv(f, c1, "2026-11-01", NULL, 100000, 0);
	pay(f, c1, "2026-11-10", 40000);
	inv(f, c2, "2026-11-02", NULL, 200000, 0);
	pay(f, c2, "2026-11-11", 200000);
	int n = 0;
	act_as(f->db, "s2");
	expect_ok(f->db, credo_payment_list(f->db, NULL, count_payments, &n));
	assert_int_equal(n, 1);
	char keys[256] = "";
	expect_ok(f->db, credo_collected(f->db, 0, collect_keys, keys));
	assert_string_equal(keys, C2 "=200000/200000");
	act_as(f->db, "mgr");
	keys[0] = '\0';
	expect_ok(f->db, credo_collected(f->db, 1, collect_keys, keys));
	assert_string_equal(keys, "s1=100000/40000 s2=200000/200000");
}

static void who_may_post(void **state)
{
	struct fx *f = *state;
	int64_t c = cust(f, C1);
	int64_t i = inv(f, c, "2026-11-01", NULL, 100000, 0);
	int64_t p = pay(f, c, "2026-11-10", 40000);
	static const char *const not_finance[] = { "s1", "mgr", "cr" };
	for (size_t k = 0; k < sizeof not_finance / sizeof not_finance[0]; k++) {
		act_as(f->db, not_finance[k]);
		credo_invoice_new in = { .customer_id = c, .date = TODAY, .amount = 100 };
		expect_refused(f, credo_invoice_add(f->db, &in, NULL), CREDO_PERM, "permission denied");
		credo_payment_new pn = { .customer_id = c, .date = TODAY, .amount = 100 };
		expect_refused(f, credo_payment_add(f->db, &pn, NULL), CREDO_PERM, "permission denied");
		expect_refused(f, credo_payment_reverse(f->db, p, NULL, "x"), CREDO_PERM, "permission denied");
		credo_credit_note_new cn = { .customer_id = c, .against_invoice_id = i, .date = TODAY, .amount = 100,
					     .reason = "x" };
		expect_refused(f, credo_credit_note_add(f->db, &cn, NULL), CREDO_PERM, "permission denied");
	}
}

/* The last n audit rows, oldest first, as "entity/action/actor" joined by spaces. */
static void last_audits(struct fx *f, int n, char *buf, size_t len)
{
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT group_concat(entity || '/' || action || '/' || actor, ' ') FROM"
		 " (SELECT * FROM (SELECT * FROM audit_log ORDER BY id DESC LIMIT %d) ORDER BY id)", n);
	raw_text(f->path, sql, buf, len);
}

static void one_audit_row_per_change(void **state)
{
	struct fx *f = *state;
	int64_t c = cust(f, C1);
	char rows[512];
	act_as(f->db, "fin");
	credo_invoice_new in = { .customer_id = c, .date = "2026-10-01", .amount = 100000 };
	int64_t a = 0;
	expect_audits(f, 1, credo_invoice_add(f->db, &in, &a));
	in.date = "2026-10-02";
	expect_audits(f, 1, credo_invoice_add(f->db, &in, NULL));
	credo_payment_new pn = { .customer_id = c, .date = "2026-11-01", .amount = 250000 };
	int64_t p = 0;
	expect_audits(f, 3, credo_payment_add(f->db, &pn, &p));	/* two allocations, then the payment */
	last_audits(f, 3, rows, sizeof rows);
	assert_string_equal(rows, "allocations/create/fin allocations/create/fin payments/create/fin");
	in.date = "2026-11-05";
	expect_audits(f, 2, credo_invoice_add(f->db, &in, NULL));	/* the invoice and the credit applied to it */
	expect_audits(f, 1, credo_payment_reverse(f->db, p, NULL, "录错"));
	raw_text(f->path, "SELECT json_extract(before, '$.reversed_at') IS NULL AND json_extract(after, '$.reversed_at')"
		 " = '" TODAY "' AND json_extract(after, '$.reversal_reason') = '录错' FROM audit_log ORDER BY id DESC"
		 " LIMIT 1", rows, sizeof rows);
	assert_string_equal(rows, "1");
	(void)a;
}

int main(void)
{
	setenv("CREDO_TODAY", TODAY, 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(oldest_due_first_partial_then_credit, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(explicit_allocation, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(balance_as_of_past_dates, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(statement_identities_for_every_period, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(allocation_never_precedes_either_side, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(credit_notes, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(rules_refuse_and_write_nothing, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(max_advance_boundary_and_setting, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(scope_sales_sees_only_its_own, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(scope_of_lists_and_reports, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(who_may_post, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(one_audit_row_per_change, setup_ledger, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
