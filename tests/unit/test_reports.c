/*
 * test_reports.c - the management reports: the scorecard's money is the
 * customers' payments to the fen, nobody sees a colleague's figures, ABC
 * classes add up and a second classification changes nothing, targets
 * round once and exactly.
 */
#include "ledger_fx.h"

static int setup(void **state)
{
	setup_ledger(state);
	struct fx *f = *state;
	act_as(f->db, ADMIN);
	expect_ok(f->db, credo_user_add(f->db, "east_mgr", CREDO_ROLE_SALES_MANAGER, NULL, "华东销售部"));
	expect_ok(f->db, credo_user_add(f->db, "east1", CREDO_ROLE_SALES, NULL, "华东销售部"));
	expect_ok(f->db, credo_user_add(f->db, "south1", CREDO_ROLE_SALES, NULL, "华南销售部"));
	return 0;
}

struct seen {
	int n;
	char keys[16][64];
	credo_money collected[16];
	credo_money invoiced[16];
	int rank[16];
};

static int seen_cb(const credo_scorecard_row *r, void *ctx)
{
	struct seen *s = ctx;
	if (s->n < 16) {
		snprintf(s->keys[s->n], 64, "%s", r->key);
		s->collected[s->n] = r->collected;
		s->invoiced[s->n] = r->invoiced;
		s->rank[s->n] = r->rank;
	}
	s->n++;
	return 0;
}

static credo_money collected_of(struct fx *f, const char *as, const char *login, const char *from, const char *to)
{
	act_as(f->db, as);
	struct seen s = { 0 };
	credo_scorecard_opts o = { .from = from, .to = to, .login = login };
	expect_ok(f->db, credo_scorecard(f->db, &o, seen_cb, &s, NULL, NULL));
	assert_int_equal(s.n, 1);
	assert_string_equal(s.keys[0], login);
	return s.collected[0];
}

static void scorecard_collected_is_the_payments(void **state)
{
	struct fx *f = *state;
	int64_t c1 = cust(f, C1), c2 = cust(f, C2);
	inv(f, c1, "2026-10-01", NULL, 100000, 0);
	inv(f, c2, "2026-10-01", NULL, 50000, 0);
	pay(f, c1, "2026-10-15", 30033);
	pay(f, c1, "2026-11-02", 20001);
	int64_t wrong = pay(f, c1, "2026-11-05", 10000);
	pay(f, c2, "2026-11-06", 777);
	act_as(f->db, "fin");
	expect_ok(f->db, credo_payment_reverse(f->db, wrong, "2026-11-06", "entered twice"));

	/* The sum of s1's customers' payments in the period, read from the file directly. */
	int64_t want = raw_int(f->path, "SELECT sum(p.amount) FROM payments p JOIN customers c ON c.id = p.customer_id"
				       " JOIN users u ON u.id = c.owner_id WHERE u.login = 's1'"
				       " AND p.pay_date BETWEEN '2026-11-01' AND '2026-11-23' AND p.reversed_at IS NULL");
	assert_int_equal(want, 20001);
	assert_int_equal(collected_of(f, "s1", "s1", "2026-11-01", "2026-11-23"), want);
	assert_int_equal(collected_of(f, "s1", "s1", "2026-10-01", "2026-11-23"), 50034);
	assert_int_equal(collected_of(f, "fin", "s2", "2026-11-01", "2026-11-23"), 777);

	/* Everyone, ranked by money collected; the departments' rows add their people up. */
	act_as(f->db, "fin");
	struct seen all = { 0 };
	credo_scorecard_opts o = { .from = "2026-10-01", .to = "2026-11-23" };
	expect_ok(f->db, credo_scorecard(f->db, &o, seen_cb, &all, NULL, NULL));
	assert_int_equal(all.n, 6);	/* s1, s2, mgr, east_mgr, east1, south1 */
	assert_string_equal(all.keys[0], "s1");
	assert_int_equal(all.rank[0], 1);
	assert_string_equal(all.keys[1], "s2");
	assert_int_equal(all.invoiced[0], 100000);
	struct seen dep = { 0 };
	o.by_department = 1;
	expect_ok(f->db, credo_scorecard(f->db, &o, seen_cb, &dep, NULL, NULL));
	credo_money sum = 0;
	for (int i = 0; i < dep.n; i++)
		sum += dep.collected[i];
	assert_int_equal(sum, 50034 + 777);
}

static void nobody_sees_a_colleagues_figures(void **state)
{
	struct fx *f = *state;
	credo_scorecard_opts mine = { .from = "2026-11-01", .to = "2026-11-23" };
	struct seen s = { 0 };
	act_as(f->db, "s1");
	expect_ok(f->db, credo_scorecard(f->db, &mine, seen_cb, &s, NULL, NULL));
	assert_int_equal(s.n, 1);
	assert_string_equal(s.keys[0], "s1");

	credo_scorecard_opts other = { .login = "s2" };
	expect_status(f->db, credo_scorecard(f->db, &other, seen_cb, &s, NULL, NULL), CREDO_PERM);
	expect_status(f->db, credo_commission_month(f->db, "2026-11", "s2", NULL, NULL, NULL), CREDO_PERM);
	assert_non_null(strstr(credo_errmsg(f->db), "permission denied"));

	/* A sales manager sees their department, not the next one. */
	act_as(f->db, "east_mgr");
	memset(&s, 0, sizeof s);
	expect_ok(f->db, credo_scorecard(f->db, &mine, seen_cb, &s, NULL, NULL));
	assert_int_equal(s.n, 2);
	assert_true(strcmp(s.keys[0], "east1") == 0 || strcmp(s.keys[1], "east1") == 0);
	expect_status(f->db, credo_commission_month(f->db, "2026-11", "south1", NULL, NULL, NULL), CREDO_PERM);
	expect_status(f->db, credo_target_set(f->db, "south1", "2026-11", NULL, NULL, 100), CREDO_PERM);
	expect_ok(f->db, credo_target_set(f->db, "east1", "2026-11", NULL, NULL, 100));

	/* The general manager sees everyone. */
	act_as(f->db, ADMIN);
	expect_ok(f->db, credo_user_add(f->db, "gm", CREDO_ROLE_GM, NULL, NULL));
	act_as(f->db, "gm");
	memset(&s, 0, sizeof s);
	expect_ok(f->db, credo_scorecard(f->db, &mine, seen_cb, &s, NULL, NULL));
	assert_int_equal(s.n, 6);
	act_as(f->db, "s1");
	expect_status(f->db, credo_target_set(f->db, "s1", "2026-11", NULL, NULL, 100), CREDO_PERM);
}

struct classes {
	int n;
	credo_money basis, total_shown;
	int bp;
	char cls[16];
};

static int class_cb(const credo_pareto_row *r, void *ctx)
{
	struct classes *c = ctx;
	if (c->n < 16)
		c->cls[c->n] = r->cls;
	c->n++;
	c->basis += r->basis;
	c->bp = r->cumulative_bp;
	return 0;
}

static int64_t history_rows(struct fx *f)
{
	return raw_int(f->path, "SELECT count(*) FROM customer_history WHERE field = 'category'");
}

static void abc_classes_add_up_and_settle(void **state)
{
	struct fx *f = *state;
	int64_t c1 = cust(f, C1), c2 = cust(f, C2);
	act_as(f->db, "s2");
	credo_customer_new n = { .name = "深圳远航物流有限公司" };
	int64_t c4 = 0;
	expect_ok(f->db, credo_customer_add(f->db, &n, &c4));
	grant_credit(f, c4, 100000000);
	inv(f, c1, "2026-06-01", NULL, 80000, 0);
	inv(f, c2, "2026-07-01", NULL, 15000, 0);
	inv(f, c4, "2026-08-01", NULL, 5000, 0);

	act_as(f->db, "mgr");
	struct classes c = { 0 };
	credo_money total = 0;
	credo_pareto_opts o = { .basis = CREDO_PARETO_SALES };
	expect_ok(f->db, credo_pareto(f->db, &o, class_cb, &c, &total));
	assert_int_equal(c.n, 3);
	assert_int_equal(c.basis, total);	/* the classes hold 100 % of the basis */
	assert_int_equal(c.bp, 10000);
	assert_memory_equal(c.cls, "ABC", 3);	/* 80 % | the next 15 % | the rest */

	int64_t changed = -1, hist = history_rows(f);
	expect_ok(f->db, credo_classify(f->db, &o, 1, NULL, NULL, &changed));
	assert_int_equal(changed, 3);
	assert_int_equal(history_rows(f), hist);	/* a dry run writes nothing */
	int64_t audits = audit_count(f->db);
	expect_ok(f->db, credo_classify(f->db, &o, 0, NULL, NULL, &changed));
	assert_int_equal(changed, 3);
	assert_int_equal(history_rows(f), hist + 3);
	assert_true(audit_count(f->db) > audits);
	char cat[64];
	raw_text(f->path, "SELECT k.name FROM customers c JOIN categories k ON k.id = c.category_id WHERE c.code = 'C000001'",
		 cat, sizeof cat);
	assert_string_equal(cat, "黄金客户");

	/* Again: nothing moves, nothing is written. */
	audits = audit_count(f->db);
	expect_ok(f->db, credo_classify(f->db, &o, 0, NULL, NULL, &changed));
	assert_int_equal(changed, 0);
	assert_int_equal(history_rows(f), hist + 3);
	assert_int_equal(audit_count(f->db), audits);

	/* A salesperson may not classify. */
	act_as(f->db, "s1");
	expect_status(f->db, credo_classify(f->db, &o, 0, NULL, NULL, &changed), CREDO_PERM);
}

static void suggested_target_rounds_once_half_away_from_zero(void **state)
{
	struct fx *f = *state;
	act_as(f->db, "mgr");
	credo_money s = 0;
	/* Default: (LY x 50 % + LY x 110 % x 50 %) x 100 % = LY x 1.05 */
	expect_ok(f->db, credo_target_suggest(f->db, "2026-03", 10, &s));
	assert_int_equal(s, 11);	/* 10.5 fen -> 11 */
	expect_ok(f->db, credo_target_suggest(f->db, "2026-03", 9, &s));
	assert_int_equal(s, 9);		/* 9.45 -> 9 */
	expect_ok(f->db, credo_target_suggest(f->db, "2026-03", -10, &s));
	assert_int_equal(s, -11);
	expect_ok(f->db, credo_target_suggest(f->db, "2026-03", 100000000, &s));
	assert_int_equal(s, 105000000);
	act_as(f->db, ADMIN);
	expect_ok(f->db, credo_setting_set(f->db, "target.holiday_factors", "100,80,100,100,100,100,100,100,100,100,100,120"));
	expect_ok(f->db, credo_target_suggest(f->db, "2026-02", 100000, &s));
	assert_int_equal(s, 84000);
	expect_status(f->db, credo_setting_set(f->db, "target.holiday_factors", "100,80"), CREDO_INVALID);
}

struct statement {
	int lines;
	credo_commission_line line[8];
	credo_commission sum;
};

static int line_cb(const credo_commission_line *l, void *ctx)
{
	struct statement *s = ctx;
	if (s->lines < 8) {
		s->line[s->lines] = *l;	/* the figures; its strings are not kept */
	}
	s->lines++;
	return 0;
}

static int sum_cb(const credo_commission *c, void *ctx)
{
	((struct statement *)ctx)->sum = *c;
	return 0;
}

/* The excess share, the late steps with grace, the reserve cap, each rounded at the fen. */
static void commission_prices_each_payment(void **state)
{
	struct fx *f = *state;
	int64_t c1 = cust(f, C1);
	act_as(f->db, "mgr");
	credo_product_new prod = { .code = "P1", .name = "灯管", .list_price = 333 };	/* 3.33 */
	expect_ok(f->db, credo_product_add(f->db, &prod, NULL));
	act_as(f->db, "s1");
	/* 7 at 4.00 = 28.00, of which 7 x 0.67 = 4.69 above list price */
	credo_contract_line line = { .product_code = "P1", .qty_milli = 7000, .unit_price = 400 };
	credo_contract_new k = { .customer_id = c1, .sign_date = "2026-08-01", .payment_term_days = 10,
				 .lines = &line, .nlines = 1 };
	int64_t contract = 0;
	expect_ok(f->db, credo_contract_add(f->db, &k, &contract));
	expect_ok(f->db, credo_contract_activate(f->db, contract, NULL));
	act_as(f->db, "fin");
	credo_invoice_new in = { .customer_id = c1, .contract_id = contract, .date = "2026-09-01", .amount = 2800 };
	int64_t invoice = 0;
	expect_ok(f->db, credo_invoice_add(f->db, &in, &invoice));	/* due 2026-09-11 */
	pay(f, c1, "2026-11-05", 1000);	/* 55 days late: 2 steps */
	pay(f, c1, "2026-11-06", 1800);

	act_as(f->db, "s1");
	struct statement s = { 0 };
	expect_ok(f->db, credo_commission_month(f->db, "2026-11", "s1", line_cb, sum_cb, &s));
	assert_int_equal(s.lines, 2);
	/* 10.00 x 4.69 / 28.00 = 1.675 -> 1.68 above list; 8.32 x 3 % = 0.2496 -> 0.25; 1.68 x 10 % = 0.168 -> 0.17 */
	assert_int_equal(s.line[0].excess, 168);
	assert_int_equal(s.line[0].basic, 25);
	assert_int_equal(s.line[0].excess_comm, 17);
	assert_int_equal(s.line[0].days_late, 55);
	assert_int_equal(s.line[0].deduct_bp, 2000);
	assert_int_equal(s.line[0].deduction, 8);	/* 0.42 x 20 % = 0.084 */
	assert_int_equal(s.line[0].net, 34);
	/* 18.00: 3.015 -> 3.02 above list; 14.98 x 3 % = 0.4494 -> 0.45; 0.302 -> 0.30 */
	assert_int_equal(s.line[1].excess, 302);
	assert_int_equal(s.line[1].net, 75 - 15);	/* gross 0.75, 56 days: 20 % -> 0.15 */
	assert_int_equal(s.sum.collected, 2800);
	assert_int_equal(s.sum.excess, 469 + 1);	/* each share rounded on its own */
	assert_int_equal(s.sum.net, 34 + 60);
	assert_int_equal(s.sum.reserve, 9);	/* 0.94 x 10 % = 0.094 */
	assert_int_equal(s.sum.payable, 85);

	/* Grace of 30 days: one step less. A cap of 0.05: the reserve stops there. */
	act_as(f->db, ADMIN);
	expect_ok(f->db, credo_setting_set(f->db, "commission.late_grace_days", "30"));
	expect_ok(f->db, credo_setting_set(f->db, "commission.reserve_cap", "0.05"));
	act_as(f->db, "s1");
	memset(&s, 0, sizeof s);
	expect_ok(f->db, credo_commission_month(f->db, "2026-11", "s1", line_cb, sum_cb, &s));
	assert_int_equal(s.line[0].deduct_bp, 1000);
	assert_int_equal(s.sum.reserve, 5);
	assert_int_equal(s.sum.payable, s.sum.net - 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(scorecard_collected_is_the_payments, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(nobody_sees_a_colleagues_figures, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(abc_classes_add_up_and_settle, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(suggested_target_rounds_once_half_away_from_zero, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(commission_prices_each_payment, setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
