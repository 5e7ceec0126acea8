/*
 * test_contract.c - products and contracts: line amounts to the fen, the
 * settlement plan, the life cycle, invoicing against a contract, the credit
 * check at activation, who may do what, and audit.
 */
#include "ledger_fx.h"

static int64_t product(struct fx *f, const char *code, const char *name, const char *model, const char *spec)
{
	act_as(f->db, "mgr");
	credo_product_new p = { .code = code, .name = name, .model = model, .spec = spec, .unit = "台",
				.list_price = 1200000 };
	int64_t id = 0;
	expect_ok(f->db, credo_product_add(f->db, &p, &id));
	return id;
}

/* Draft a contract as `as` with lines and plan; returns its id. */
static credo_status draft(struct fx *f, const char *as, int64_t customer, const credo_contract_line *lines, int nlines,
			  const credo_plan_row *plan, int nplan, int64_t *id)
{
	act_as(f->db, as);
	credo_contract_new k = { .customer_id = customer, .sign_date = "2026-10-01", .payment_term_days = 45,
				 .lines = lines, .nlines = nlines, .plan = plan, .nplan = nplan };
	return credo_contract_add(f->db, &k, id);
}

/* One simple active contract of amount for customer, drafted by its owner. */
static int64_t active_contract(struct fx *f, const char *owner, int64_t customer, credo_money amount)
{
	credo_contract_line l = { .description = "设备", .qty_milli = 1000, .unit_price = amount };
	int64_t id = 0;
	expect_ok(f->db, draft(f, owner, customer, &l, 1, NULL, 0, &id));
	expect_ok(f->db, credo_contract_activate(f->db, id, NULL));
	return id;
}

struct items {
	char text[1024];
};

static int item_cb(const credo_contract_item *it, void *ctx)
{
	struct items *s = ctx;
	size_t n = strlen(s->text);
	snprintf(s->text + n, sizeof s->text - n, "%s|%d|%s|%s|%s|%s|%lld|%lld|%lld\n", it->kind, it->line_no, it->date,
		 it->text, it->model, it->spec, (long long)it->qty_milli, (long long)it->unit_price,
		 (long long)it->amount);
	return 0;
}

/* A contract's numbers, and the strings a test reads copied (the row's die with the callback). */
struct one {
	credo_contract k;
	char status[16], owner[40];
};

static int one_cb(const credo_contract *k, void *ctx)
{
	struct one *o = ctx;
	o->k = *k;
	snprintf(o->status, sizeof o->status, "%s", k->status);
	snprintf(o->owner, sizeof o->owner, "%s", k->owner_login);
	o->k.code = o->k.customer_code = o->k.customer_name = o->k.sign_date = o->k.start_date = NULL;
	o->k.end_date = o->k.owner_login = o->k.department = o->k.collateral = o->k.status = NULL;
	return 0;
}

static int count_cb(const credo_contract *k, void *ctx)
{
	(void)k;
	++*(int *)ctx;
	return 0;
}

static struct one get(struct fx *f, int64_t id)
{
	struct one o = { 0 };
	act_as(f->db, ADMIN);
	expect_ok(f->db, credo_contract_get(f->db, id, one_cb, &o));
	return o;
}

static void lines_are_exact_to_the_fen(void **state)
{
	struct fx *f = *state;
	product(f, "P-LG50", "螺杆泵", "LG-50", "50m3/h");
	credo_contract_line lines[] = {
		{ .product_code = "P-LG50", .qty_milli = 2500, .unit_price = 350050 },	/* 2.5 x 3,500.50 = 8,751.25 */
		{ .description = "安装调试", .qty_milli = 333, .unit_price = 10 },	/* 0.333 x 0.10 = 0.0333 -> 0.03 */
		{ .description = "螺栓", .qty_milli = 1500, .unit_price = 1 },	/* 1.5 x 0.01 = 0.015 -> 0.02 (half up) */
	};
	credo_plan_row plan[] = { { "2026-12-01", 500000, "到货" }, { "2026-11-01", 375130, "预付" } };
	int64_t id = 0;
	expect_ok(f->db, draft(f, "s1", cust(f, C1), lines, 3, plan, 2, &id));
	struct one o = get(f, id);
	assert_int_equal(o.k.amount, 875130);
	assert_string_equal(o.status, "draft");
	assert_int_equal(o.k.payment_term_days, 45);
	act_as(f->db, "s1");
	expect_ok(f->db, credo_contract_log(f->db, id, "2026-10-20", "发货"));
	struct items s = { "" };
	expect_ok(f->db, credo_contract_items(f->db, id, item_cb, &s));
	assert_string_equal(s.text,
			    "line|1||螺杆泵|LG-50|50m3/h|2500|350050|875125\n"
			    "line|2||安装调试|||333|10|3\n"
			    "line|3||螺栓|||1500|1|2\n"
			    "plan|0|2026-11-01|预付|||0|0|375130\n"
			    "plan|0|2026-12-01|到货|||0|0|500000\n"
			    "log|0|2026-10-20|发货|||0|0|0\n");
}

static void the_plan_must_add_up(void **state)
{
	struct fx *f = *state;
	int64_t c = cust(f, C1);
	credo_contract_line l = { .description = "服务", .qty_milli = 1000, .unit_price = 100000 };
	credo_plan_row short_by_a_fen[] = { { "2026-11-01", 50000, NULL }, { "2026-12-01", 49999, NULL } };
	act_as(f->db, "s1");
	expect_refused(f, draft(f, "s1", c, &l, 1, short_by_a_fen, 2, NULL), CREDO_RULE,
		       "adds up to 999.99 but the contract is 1,000.00");
	credo_plan_row early[] = { { "2026-09-30", 100000, NULL } };
	expect_refused(f, draft(f, "s1", c, &l, 1, early, 1, NULL), CREDO_RULE, "before the sign date");
	credo_plan_row zero[] = { { "2026-11-01", 100000, NULL }, { "2026-12-01", 0, NULL } };
	expect_refused(f, draft(f, "s1", c, &l, 1, zero, 2, NULL), CREDO_INVALID, "more than zero");
	credo_plan_row bad_day[] = { { "2026-02-30", 100000, NULL } };
	expect_refused(f, draft(f, "s1", c, &l, 1, bad_day, 1, NULL), CREDO_INVALID, "no such day");
	credo_contract_line none = { .qty_milli = 1000, .unit_price = 1 };
	expect_refused(f, draft(f, "s1", c, &none, 1, NULL, 0, NULL), CREDO_INVALID, "needs a product or a description");
	credo_contract_line no_qty = { .description = "x", .qty_milli = 0, .unit_price = 1 };
	expect_refused(f, draft(f, "s1", c, &no_qty, 1, NULL, 0, NULL), CREDO_INVALID, "quantity must be more than zero");
	credo_contract_line ghost = { .product_code = "NOPE", .qty_milli = 1000, .unit_price = 1 };
	expect_refused(f, draft(f, "s1", c, &ghost, 1, NULL, 0, NULL), CREDO_NOTFOUND, "no product with code NOPE");
	expect_refused(f, draft(f, "s1", c, &l, 0, NULL, 0, NULL), CREDO_INVALID, "at least one goods line");
}

static void life_cycle(void **state)
{
	struct fx *f = *state;
	int64_t c = cust(f, C1);
	credo_contract_line l = { .description = "服务", .qty_milli = 1000, .unit_price = 100000 };
	int64_t k = 0;
	expect_ok(f->db, draft(f, "s1", c, &l, 1, NULL, 0, &k));
	expect_refused(f, credo_contract_complete(f->db, k), CREDO_RULE, "a draft contract cannot be completed");
	expect_audits(f, 1, credo_contract_activate(f->db, k, NULL));
	assert_string_equal(get(f, k).status, "active");
	act_as(f->db, "s1");
	expect_refused(f, credo_contract_activate(f->db, k, NULL), CREDO_RULE, "only a draft contract can be activated");
	expect_refused(f, credo_contract_terminate(f->db, k, ""), CREDO_INVALID, "needs a reason");
	expect_audits(f, 2, credo_contract_terminate(f->db, k, "客户取消订单"));	/* status, and the log entry */
	assert_string_equal(get(f, k).status, "terminated");
	act_as(f->db, "s1");
	expect_refused(f, credo_contract_activate(f->db, k, NULL), CREDO_RULE, "this one is terminated");
	struct items s = { "" };
	expect_ok(f->db, credo_contract_items(f->db, k, item_cb, &s));
	assert_non_null(strstr(s.text, "log|0|" TODAY "|客户取消订单"));

	int64_t k2 = active_contract(f, "s1", c, 50000);
	expect_audits(f, 1, credo_contract_complete(f->db, k2));
	assert_string_equal(get(f, k2).status, "completed");
}

static void invoicing_a_contract(void **state)
{
	struct fx *f = *state;
	int64_t c = cust(f, C1), other = cust(f, C2);
	credo_contract_line l = { .description = "设备", .qty_milli = 1000, .unit_price = 1000000 };
	int64_t k = 0;
	expect_ok(f->db, draft(f, "s1", c, &l, 1, NULL, 0, &k));
	act_as(f->db, "fin");
	credo_invoice_new in = { .customer_id = c, .contract_id = k, .date = "2026-10-10", .amount = 400000 };
	expect_refused(f, credo_invoice_add(f->db, &in, NULL), CREDO_RULE, "is draft: only an active contract is invoiced");
	act_as(f->db, "s1");
	expect_ok(f->db, credo_contract_activate(f->db, k, NULL));
	int64_t i1 = inv(f, c, "2026-10-10", NULL, 400000, k);
	int64_t i2 = inv(f, c, "2026-10-20", NULL, 600000, k);
	act_as(f->db, ADMIN);
	struct find_inv fi = { .id = i1 };
	credo_invoice_filter byk = { .contract_id = k };
	assert_int_equal(credo_invoice_list(f->db, &byk, find_inv_cb, &fi), CREDO_STOP);
	char due[16];
	raw_text(f->path, "SELECT due_date FROM invoices ORDER BY id LIMIT 1", due, sizeof due);
	assert_string_equal(due, "2026-11-24");	/* the contract's 45 days */
	act_as(f->db, "fin");
	in = (credo_invoice_new){ .customer_id = c, .contract_id = k, .date = TODAY, .amount = 1 };
	expect_refused(f, credo_invoice_add(f->db, &in, NULL), CREDO_RULE, "exceeds what is left to invoice");
	in.customer_id = other;
	expect_refused(f, credo_invoice_add(f->db, &in, NULL), CREDO_RULE, "belongs to another customer");

	/* A credit note against one of its invoices makes room to invoice again. */
	credo_credit_note_new cn = { .customer_id = c, .against_invoice_id = i2, .date = "2026-11-01", .amount = 100000,
				     .reason = "退货" };
	expect_ok(f->db, credo_credit_note_add(f->db, &cn, NULL));
	pay(f, c, "2026-11-10", 450000);
	struct one o = get(f, k);
	assert_int_equal(o.k.invoiced, 900000);
	assert_int_equal(o.k.collected, 450000);
	inv(f, c, TODAY, NULL, 100000, k);
	assert_int_equal(get(f, k).k.invoiced, 1000000);
}

static void activation_runs_the_credit_check(void **state)
{
	struct fx *f = *state;
	credo_contract_line l = { .description = "设备", .qty_milli = 1000, .unit_price = 100000 };
	int64_t k = 0;
	expect_ok(f->db, draft(f, "s1", cust(f, C3), &l, 1, NULL, 0, &k));
	act_as(f->db, "s1");
	expect_refused(f, credo_contract_activate(f->db, k, NULL), CREDO_RULE, "credit check");
	assert_string_equal(get(f, k).status, "draft");
}

/* The contract's amount entered the exposure at activation; invoicing it adds nothing. */
static void invoicing_a_contract_is_not_counted_twice(void **state)
{
	struct fx *f = *state;
	int64_t c = cust(f, C2);
	act_as(f->db, "cr");
	credo_limit_new lim = { .customer_id = c, .amount = 1000000, .kind = CREDO_LIMIT_STANDING, .note = "试用期" };
	expect_ok(f->db, credo_credit_limit_set(f->db, &lim, NULL));	/* 10,000.00 replaces the standing limit */
	int64_t k = active_contract(f, "s2", c, 800000);
	inv(f, c, "2026-11-01", NULL, 800000, k);
	act_as(f->db, "fin");
	credo_invoice_new in = { .customer_id = c, .date = TODAY, .amount = 200001 };
	expect_refused(f, credo_invoice_add(f->db, &in, NULL), CREDO_RULE, "over its credit limit");
	in.amount = 200000;
	expect_ok(f->db, credo_invoice_add(f->db, &in, NULL));
}

static void who_may_do_what(void **state)
{
	struct fx *f = *state;
	int64_t c1 = cust(f, C1);
	credo_contract_line l = { .description = "服务", .qty_milli = 1000, .unit_price = 100000 };
	expect_refused(f, draft(f, "fin", c1, &l, 1, NULL, 0, NULL), CREDO_PERM, "permission denied");
	expect_refused(f, draft(f, "cr", c1, &l, 1, NULL, 0, NULL), CREDO_PERM, "permission denied");
	/* A salesperson drafts only for its own customers, and in its own name. */
	expect_refused(f, draft(f, "s2", c1, &l, 1, NULL, 0, NULL), CREDO_PERM, "may not see");
	act_as(f->db, "s1");
	credo_contract_new k = { .customer_id = c1, .sign_date = "2026-10-01", .payment_term_days = -1, .lines = &l,
				 .nlines = 1, .owner_login = "s2" };
	expect_refused(f, credo_contract_add(f->db, &k, NULL), CREDO_PERM, "drafts contracts for itself");
	act_as(f->db, "mgr");
	int64_t id = 0;
	expect_audits(f, 1, credo_contract_add(f->db, &k, &id));	/* a manager may */
	assert_string_equal(get(f, id).owner, "s2");

	act_as(f->db, "s2");
	int64_t found = 0;
	char code[40];
	raw_text(f->path, "SELECT code FROM contracts LIMIT 1", code, sizeof code);
	expect_status(f->db, credo_contract_find(f->db, code, &found), CREDO_PERM);
	struct one o;
	expect_status(f->db, credo_contract_get(f->db, id, one_cb, &o), CREDO_NOTFOUND);
	struct items s = { "" };
	expect_status(f->db, credo_contract_items(f->db, id, item_cb, &s), CREDO_NOTFOUND);
	expect_refused(f, credo_contract_activate(f->db, id, NULL), CREDO_NOTFOUND, "not found");
	int n = 0;
	expect_ok(f->db, credo_contract_list(f->db, NULL, count_cb, &n));
	assert_int_equal(n, 0);	/* the scope follows the customer, whoever owns the contract */

	act_as(f->db, "s1");
	credo_product_new p = { .name = "私货" };
	expect_refused(f, credo_product_add(f->db, &p, NULL), CREDO_PERM, "permission denied");
	act_as(f->db, "fin");
	p.code = "P-1";
	expect_audits(f, 1, credo_product_add(f->db, &p, NULL));
	expect_refused(f, credo_product_add(f->db, &p, NULL), CREDO_EXISTS, "already used");
	/* Finance and credit note what they see on a contract's log, but do not run it. */
	expect_audits(f, 1, credo_contract_log(f->db, id, NULL, "客户来电确认收货"));
	expect_refused(f, credo_contract_complete(f->db, id), CREDO_PERM, "permission denied");
}

static void lists_keep_to_the_scope(void **state)
{
	struct fx *f = *state;
	active_contract(f, "s1", cust(f, C1), 100000);
	active_contract(f, "s2", cust(f, C2), 200000);
	int n = 0;
	act_as(f->db, "s2");
	expect_ok(f->db, credo_contract_list(f->db, NULL, count_cb, &n));
	assert_int_equal(n, 1);
	n = 0;
	act_as(f->db, "fin");
	expect_ok(f->db, credo_contract_list(f->db, NULL, count_cb, &n));
	assert_int_equal(n, 2);
	n = 0;
	credo_contract_filter drafts = { .status = "draft" };
	expect_ok(f->db, credo_contract_list(f->db, &drafts, count_cb, &n));
	assert_int_equal(n, 0);
}

int main(void)
{
	setenv("CREDO_TODAY", TODAY, 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(lines_are_exact_to_the_fen, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(the_plan_must_add_up, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(life_cycle, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(invoicing_a_contract, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(activation_runs_the_credit_check, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(invoicing_a_contract_is_not_counted_twice, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(who_may_do_what, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(lists_keep_to_the_scope, setup_ledger, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
