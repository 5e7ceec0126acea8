/*
 * ledger_fx.h - the company the sales-ledger tests work in: two
 * salespeople with a customer each, a manager, a credit manager, finance;
 * today is TODAY. Included by test_ledger.c and test_contract.c.
 */
#ifndef CREDO_TEST_LEDGER_FX_H
#define CREDO_TEST_LEDGER_FX_H

#include "helpers.h"

#define TODAY "2026-11-23"

/* Customer codes: C1 is s1's, C2 is s2's; C3 is s1's and was never rated. */
#define C1 "C000001"
#define C2 "C000002"
#define C3 "C000003"

/*
 * Before any sale on credit the credit manager files the customer's
 * statements, rates it (grade B with these figures) and sets a standing
 * limit. Credit management has its own tests.
 */
static inline void grant_credit(struct fx *f, int64_t customer, credo_money limit)
{
	act_as(f->db, "cr");
	credo_credit_file_new file = {
		.customer_id = customer, .statement_date = "2026-06-30", .current_assets = 500000000,
		.current_liabilities = 200000000, .cash = 150000000, .total_assets = 1000000000,
		.total_liabilities = 300000000, .net_assets = CREDO_MONEY_NONE, .ebit = 200000000,
		.interest_expense = 10000000, .revenue = 3000000000, .reach = 5, .capital = 5, .brands = 4,
		.logistics = 4, .cooperation = 5, .management = 4,
	};
	expect_ok(f->db, credo_credit_file_add(f->db, &file, NULL));
	credo_credit_rating r;
	expect_ok(f->db, credo_credit_rate(f->db, customer, &r, NULL));
	assert_true(r.grade == 'A' || r.grade == 'B');
	credo_limit_new l = { .customer_id = customer, .amount = limit, .kind = CREDO_LIMIT_STANDING };
	expect_ok(f->db, credo_credit_limit_set(f->db, &l, NULL));
}

static inline int64_t add_customer(struct fx *f, const char *owner, const char *name)
{
	act_as(f->db, owner);
	credo_customer_new c = { .name = name };
	int64_t id = 0;
	expect_ok(f->db, credo_customer_add(f->db, &c, &id));
	return id;
}

static inline int setup_ledger(void **state)
{
	fx_setup_admin(state);
	struct fx *f = *state;
	add_user(f->db, "s1", CREDO_ROLE_SALES);
	add_user(f->db, "s2", CREDO_ROLE_SALES);
	add_user(f->db, "mgr", CREDO_ROLE_SALES_MANAGER);
	add_user(f->db, "cr", CREDO_ROLE_CREDIT);
	add_user(f->db, "fin", CREDO_ROLE_FINANCE);
	int64_t c1 = add_customer(f, "s1", "上海华联超市有限公司");
	int64_t c2 = add_customer(f, "s2", "广州恒信机电有限公司");
	add_customer(f, "s1", "未评级公司");
	grant_credit(f, c1, 100000000);	/* 1,000,000.00 */
	grant_credit(f, c2, 100000000);
	return 0;
}

/* Id of a customer by code, as the admin sees it. */
static inline int64_t cust(struct fx *f, const char *code)
{
	int64_t id = 0;
	act_as(f->db, ADMIN);
	expect_ok(f->db, credo_customer_find(f->db, code, &id));
	return id;
}

/* Finance records an invoice (due NULL: from the term; contract 0: none). */
static inline int64_t inv(struct fx *f, int64_t customer, const char *date, const char *due, credo_money amount,
			  int64_t contract)
{
	act_as(f->db, "fin");
	credo_invoice_new in = { .customer_id = customer, .date = date, .due_date = due, .amount = amount,
				 .contract_id = contract };
	int64_t id = 0;
	expect_ok(f->db, credo_invoice_add(f->db, &in, &id));
	return id;
}

/* Finance records a payment applied oldest due first. */
static inline int64_t pay(struct fx *f, int64_t customer, const char *date, credo_money amount)
{
	act_as(f->db, "fin");
	credo_payment_new in = { .customer_id = customer, .date = date, .amount = amount };
	int64_t id = 0;
	expect_ok(f->db, credo_payment_add(f->db, &in, &id));
	return id;
}

struct find_inv {
	int64_t id;
	int found;
	credo_invoice row;	/* strings not kept */
};

static inline int find_inv_cb(const credo_invoice *i, void *ctx)
{
	struct find_inv *fi = ctx;
	if (i->id != fi->id)
		return 0;
	fi->found = 1;
	fi->row = *i;
	fi->row.code = fi->row.customer_code = fi->row.customer_name = fi->row.contract_code = NULL;
	fi->row.invoice_date = fi->row.due_date = fi->row.collector_login = fi->row.notes = NULL;
	return 1;
}

/* What is open on an invoice today, as the admin sees the list. */
static inline credo_money open_of(struct fx *f, int64_t invoice)
{
	struct find_inv fi = { .id = invoice };
	act_as(f->db, ADMIN);
	credo_status st = credo_invoice_list(f->db, NULL, find_inv_cb, &fi);
	assert_true(st == CREDO_STOP || st == CREDO_OK);
	assert_true(fi.found);
	return fi.row.open;
}

static inline credo_balance balance(struct fx *f, int64_t customer, const char *as_of)
{
	credo_balance b;
	act_as(f->db, ADMIN);
	expect_ok(f->db, credo_balance_of(f->db, customer, as_of, &b));
	return b;
}

/* Every ledger row a mutation may touch, so "nothing changed" is one string comparison. */
static inline void fingerprint(struct fx *f, char *buf, size_t len)
{
	raw_text(f->path,
		 "SELECT (SELECT count(*) FROM audit_log WHERE action <> 'denied') || '|' || (SELECT coalesce(sum(next), 0) FROM code_sequences)"
		 " || '|' || (SELECT count(*) FROM products) || '|' || (SELECT count(*) FROM contract_lines)"
		 " || '|' || (SELECT count(*) FROM settlement_plan) || '|' || (SELECT count(*) FROM contract_log)"
		 " || '|' || (SELECT coalesce(group_concat(id || status), '') FROM contracts)"
		 " || '|' || (SELECT coalesce(group_concat(id || ':' || amount), '') FROM invoices)"
		 " || '|' || (SELECT coalesce(group_concat(id || ':' || coalesce(reversed_at, '-')), '') FROM payments)"
		 " || '|' || (SELECT coalesce(group_concat(id || ':' || amount || coalesce(reversed_at, '-')), '')"
		 "   FROM allocations)", buf, len);
}

/* The call must fail with want, its message must name the rule, and nothing may change. */
#define expect_refused(f, call, want, words) do { \
	char before_[4096], after_[4096]; \
	fingerprint(f, before_, sizeof before_); \
	expect_status((f)->db, call, want); \
	if (!strstr(credo_errmsg((f)->db), words)) \
		fail_msg("message \"%s\" does not name \"%s\"", credo_errmsg((f)->db), words); \
	fingerprint(f, after_, sizeof after_); \
	assert_string_equal(before_, after_); \
} while (0)

/* Audit rows added by one call. */
#define expect_audits(f, n, call) do { \
	int64_t a_ = audit_count((f)->db); \
	expect_ok((f)->db, call); \
	assert_int_equal(audit_count((f)->db) - a_, n); \
} while (0)

#endif
