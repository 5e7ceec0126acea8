/*
 * test_collection.c - collection actions, promises, disputes, collectors and
 * the worklist: what is accepted, what is refused and leaves the database
 * as it was, what is audited, and the ranking by amount x days x risk.
 */
#include "ledger_fx.h"

/* Everything a collection call may change, for "nothing changed" checks. */
static void state_of(struct fx *f, char *buf, size_t len)
{
	raw_text(f->path,
		 "SELECT (SELECT count(*) FROM audit_log WHERE action <> 'denied') || '|' || (SELECT count(*) FROM collection_actions)"
		 " || '|' || (SELECT coalesce(group_concat(id || ':' || coalesce(resolved_date, '-')), '')"
		 "   FROM collection_actions)"
		 " || '|' || (SELECT group_concat(id || ':' || disputed || ':' || coalesce(collector_id, '-')) FROM invoices)",
		 buf, len);
}

#define expect_refused_c(f, call, want, words) do { \
	char b_[2048], a_[2048]; \
	state_of(f, b_, sizeof b_); \
	expect_status((f)->db, call, want); \
	if (!strstr(credo_errmsg((f)->db), words)) \
		fail_msg("message \"%s\" does not name \"%s\"", credo_errmsg((f)->db), words); \
	state_of(f, a_, sizeof a_); \
	assert_string_equal(b_, a_); \
} while (0)

static credo_status log_kind(struct fx *f, const char *who, int64_t invoice, const char *kind, const char *date,
			     const char *outcome)
{
	act_as(f->db, who);
	credo_collection_new in = { .invoice_id = invoice, .kind = kind, .date = date, .outcome = outcome };
	return credo_collection_log(f->db, &in, NULL);
}

static void logging_and_its_rules(void **state)
{
	struct fx *f = *state;
	int64_t c1 = cust(f, C1), c2 = cust(f, C2);
	int64_t a = inv(f, c1, "2026-09-01", "2026-10-01", 500000, 0);
	int64_t other = inv(f, c2, "2026-09-01", "2026-10-01", 500000, 0);
	act_as(f->db, "s1");
	credo_collection_new in = { .invoice_id = a, .kind = "call", .outcome = "财务说下周付" };
	int64_t id = 0;
	expect_audits(f, 1, credo_collection_log(f->db, &in, &id));
	assert_true(id > 0);
	char who[64];
	raw_text(f->path, "SELECT u.login || ' ' || x.action_date || ' ' || x.customer_id FROM collection_actions x"
		 " JOIN users u ON u.id = x.collector_id", who, sizeof who);
	char want[64];
	snprintf(want, sizeof want, "s1 %s %lld", TODAY, (long long)c1);
	assert_string_equal(who, want);	/* who, today by default, the invoice's customer */

	in = (credo_collection_new){ .invoice_id = a, .kind = "email" };
	expect_refused_c(f, credo_collection_log(f->db, &in, NULL), CREDO_INVALID, "one of reminder, call");
	in = (credo_collection_new){ .invoice_id = a, .kind = "call", .date = "2026-11-24" };
	expect_refused_c(f, credo_collection_log(f->db, &in, NULL), CREDO_RULE, "after today");
	in = (credo_collection_new){ .invoice_id = a, .kind = "call", .date = "2026-08-31" };
	expect_refused_c(f, credo_collection_log(f->db, &in, NULL), CREDO_RULE, "before");
	in = (credo_collection_new){ .invoice_id = a, .customer_id = c2, .kind = "call" };
	expect_refused_c(f, credo_collection_log(f->db, &in, NULL), CREDO_INVALID, "another customer");
	in = (credo_collection_new){ .kind = "call" };
	expect_refused_c(f, credo_collection_log(f->db, &in, NULL), CREDO_INVALID, "names a customer or an invoice");
	in = (credo_collection_new){ .invoice_id = other, .kind = "call" };
	expect_refused_c(f, credo_collection_log(f->db, &in, NULL), CREDO_NOTFOUND, "not found");	/* s2's */
	in = (credo_collection_new){ .invoice_id = a, .kind = "promise", .promise_amount = 500001,
				     .promise_date = "2026-12-01" };
	expect_refused_c(f, credo_collection_log(f->db, &in, NULL), CREDO_RULE, "more than the 5,000.00 open");
	in.promise_amount = 100000;
	in.promise_date = "2026-11-22";
	expect_refused_c(f, credo_collection_log(f->db, &in, NULL), CREDO_RULE, "before the promise was made");
	in.promise_date = NULL;
	expect_refused_c(f, credo_collection_log(f->db, &in, NULL), CREDO_INVALID, "needs the amount");
	in = (credo_collection_new){ .invoice_id = a, .kind = "call", .promise_amount = 100 };
	expect_refused_c(f, credo_collection_log(f->db, &in, NULL), CREDO_INVALID, "only a promise");
	in = (credo_collection_new){ .customer_id = c1, .kind = "dispute", .outcome = "x" };
	expect_refused_c(f, credo_collection_log(f->db, &in, NULL), CREDO_RULE, "name the invoice");
	act_as(f->db, ADMIN);
	in = (credo_collection_new){ .invoice_id = a, .kind = "call" };
	expect_refused_c(f, credo_collection_log(f->db, &in, NULL), CREDO_PERM, "permission denied");

	/* A customer-level statement; then a settled invoice takes no more actions. */
	act_as(f->db, "fin");
	in = (credo_collection_new){ .customer_id = c1, .kind = "statement", .outcome = "寄送对账单" };
	expect_audits(f, 1, credo_collection_log(f->db, &in, NULL));
	pay(f, c1, "2026-11-20", 500000);
	act_as(f->db, "fin");
	in = (credo_collection_new){ .invoice_id = a, .kind = "call" };
	expect_refused_c(f, credo_collection_log(f->db, &in, NULL), CREDO_RULE, "is settled");
}

static void dispute_and_resolve(void **state)
{
	struct fx *f = *state;
	int64_t a = inv(f, cust(f, C1), "2026-09-01", "2026-10-01", 500000, 0);
	char path_sql[128];
	snprintf(path_sql, sizeof path_sql, "SELECT disputed FROM invoices WHERE id = %lld", (long long)a);
	act_as(f->db, "s1");
	credo_collection_new in = { .invoice_id = a, .kind = "dispute" };
	expect_refused_c(f, credo_collection_log(f->db, &in, NULL), CREDO_INVALID, "what is disputed");
	expect_refused_c(f, credo_collection_resolve(f->db, a, "x", NULL), CREDO_RULE, "is not disputed");
	in.outcome = "数量不符";
	in.date = "2026-10-15";
	expect_audits(f, 2, credo_collection_log(f->db, &in, NULL));	/* the action and the invoice */
	assert_int_equal(raw_int(f->path, path_sql), 1);
	expect_refused_c(f, credo_collection_log(f->db, &in, NULL), CREDO_RULE, "already disputed since 2026-10-15");
	expect_refused_c(f, credo_collection_resolve(f->db, a, NULL, NULL), CREDO_INVALID, "needs a note");
	expect_refused_c(f, credo_collection_resolve(f->db, a, "补发", "2026-10-14"), CREDO_RULE,
			 "cannot be resolved before");
	expect_audits(f, 2, credo_collection_resolve(f->db, a, "补发后确认", NULL));
	assert_int_equal(raw_int(f->path, path_sql), 0);
	char res[128];
	raw_text(f->path, "SELECT resolved_date || ' ' || resolution || ' ' || resolved_by FROM collection_actions",
		 res, sizeof res);
	char want[128];
	snprintf(want, sizeof want, "%s 补发后确认 %lld", TODAY,
		 (long long)raw_int(f->path, "SELECT id FROM users WHERE login = 's1'"));
	assert_string_equal(res, want);
	/* Once resolved it may be disputed again. */
	in.date = NULL;
	expect_ok(f->db, credo_collection_log(f->db, &in, NULL));
}

static void assigning_collectors(void **state)
{
	struct fx *f = *state;
	int64_t c1 = cust(f, C1);
	int64_t a = inv(f, c1, "2026-09-01", "2026-10-01", 500000, 0);
	int64_t b = inv(f, c1, "2026-09-05", "2026-10-05", 500000, 0);
	int n = -1;
	act_as(f->db, "s1");
	expect_refused_c(f, credo_collection_assign(f->db, a, 0, "s2", &n), CREDO_PERM, "may not assign collectors");
	act_as(f->db, "fin");
	expect_refused_c(f, credo_collection_assign(f->db, a, 0, "nobody", &n), CREDO_NOTFOUND, "no active user");
	expect_refused_c(f, credo_collection_assign(f->db, a, 0, ADMIN, &n), CREDO_RULE, "does not collect");
	expect_refused_c(f, credo_collection_assign(f->db, a, c1, "s2", &n), CREDO_INVALID, "one invoice or");
	expect_refused_c(f, credo_collection_assign(f->db, a, 0, "s1", &n), CREDO_RULE, "already collects");
	expect_audits(f, 1, credo_collection_assign(f->db, a, 0, "cr", &n));
	assert_int_equal(n, 1);
	act_as(f->db, "cr");
	expect_audits(f, 1, credo_collection_assign(f->db, 0, c1, "cr", &n));	/* only b changes hands */
	assert_int_equal(n, 1);
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM invoices i JOIN users u ON u.id = i.collector_id"
		 " WHERE u.login = 'cr' AND i.id IN (%lld, %lld)", (long long)a, (long long)b);
	assert_int_equal(raw_int(f->path, sql), 2);
}

struct rows {
	int n;
	char code[8][40], grade[8][4], step[8][16], suggestion[8][200], promise[8][8], collector[8][33];
	int risk[8], level[8], days[8], paused[8];
	int64_t rank[8];
};

static int row_cb(const credo_collection_item *it, void *ctx)
{
	struct rows *r = ctx;
	if (r->n == 8)
		return 1;
	int i = r->n++;
	snprintf(r->code[i], sizeof r->code[i], "%s", it->invoice_code);
	snprintf(r->grade[i], sizeof r->grade[i], "%s", it->grade);
	snprintf(r->step[i], sizeof r->step[i], "%s", it->step);
	snprintf(r->suggestion[i], sizeof r->suggestion[i], "%s", it->suggestion);
	snprintf(r->promise[i], sizeof r->promise[i], "%s", it->promise);
	snprintf(r->collector[i], sizeof r->collector[i], "%s", it->collector);
	r->risk[i] = it->risk;
	r->level[i] = it->level;
	r->days[i] = it->days_overdue;
	r->paused[i] = it->paused;
	r->rank[i] = it->rank;
	return 0;
}

static struct rows *worklist(struct fx *f, const char *who, const char *as_of, const char *for_login)
{
	static struct rows r;
	memset(&r, 0, sizeof r);
	act_as(f->db, who);
	expect_ok(f->db, credo_collection_worklist(f->db, as_of, for_login, row_cb, &r));
	return &r;
}

static int64_t code_id(struct fx *f, int64_t invoice, char *buf, size_t len)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT code FROM invoices WHERE id = %lld", (long long)invoice);
	raw_text(f->path, sql, buf, len);
	return invoice;
}

/* A rating of grade g today, written behind credo's back: it is the latest. */
static void grade(struct fx *f, const char *code, const char *g)
{
	char sql[512];
	snprintf(sql, sizeof sql, "INSERT INTO credit_ratings(customer_id, rated_at, score, grade, breakdown, rated_by,"
		 " next_review) SELECT c.id, '%s', 60, '%s', '{}', u.id, '2027-11-23' FROM customers c, users u"
		 " WHERE c.code = '%s' AND u.login = 'cr'", TODAY, g, code);
	raw_exec(f->path, sql);
}

static void worklist_ranks_amount_days_risk(void **state)
{
	struct fx *f = *state;
	/* C1 A (risk 1), C2 B (2), C3 C (3) then its rating withdrawn: unrated (4). */
	act_as(f->db, "cr");
	expect_ok(f->db, credo_setting_set(f->db, "credit.hold_days", "3650"));	/* C3 buys with old debts */
	grade(f, C1, "A");
	grade(f, C2, "B");
	grade(f, C3, "C");
	raw_exec(f->path, "INSERT INTO credit_limits(customer_id, kind, amount, effective_from, approved_by, approved_at)"
		 " SELECT c.id, 'standing', 100000000, '2026-01-01', u.id, '2026-01-01T09:00:00Z' FROM customers c, users u"
		 " WHERE c.code = 'C000003' AND u.login = 'cr'");
	char x[40], y[40], z[40], w[40];
	code_id(f, inv(f, cust(f, C1), "2026-09-14", "2026-10-14", 3000000, 0), x, sizeof x);	/* 40 days */
	code_id(f, inv(f, cust(f, C2), "2026-09-04", "2026-10-04", 1000000, 0), y, sizeof y);	/* 50 days */
	code_id(f, inv(f, cust(f, C3), "2026-08-15", "2026-09-14", 500000, 0), z, sizeof z);	/* 70 days */
	int64_t wid = code_id(f, inv(f, cust(f, C3), "2026-07-16", "2026-08-15", 200000, 0), w, sizeof w);	/* 100 */
	struct rows *r = worklist(f, "cr", NULL, NULL);
	assert_int_equal(r->n, 4);
	/* C3 is grade C: Z 5,000 x 70 x 3 = 1,050,000 (yuan) leads Y 10,000 x 50 x 2; W 2,000 x 100 x 3. */
	assert_string_equal(r->code[0], x);
	assert_int_equal(r->rank[0], 3000000LL * 40 * 1);
	assert_string_equal(r->code[1], z);
	assert_string_equal(r->code[2], y);
	assert_string_equal(r->code[3], w);
	assert_int_equal(r->rank[3], 200000LL * 100 * 3);
	raw_exec(f->path, "DELETE FROM credit_ratings WHERE customer_id = (SELECT id FROM customers WHERE code = 'C000003')");
	r = worklist(f, "cr", NULL, NULL);
	assert_string_equal(r->code[3], w);
	assert_string_equal(r->grade[3], "");
	assert_int_equal(r->risk[3], 4);
	assert_int_equal(r->rank[3], 200000LL * 100 * 4);
	assert_int_equal(r->level[3], 4);
	assert_string_equal(r->step[3], "stop_supply");
	assert_string_equal(r->suggestion[3], "stop supply");
	assert_string_equal(r->code[0], z);	/* 5,000 x 70 x 4 = 1,400,000 now leads */

	/* Scope and --for: s1 sees its own customers' items, C1 and C3. */
	r = worklist(f, "s1", NULL, NULL);
	assert_int_equal(r->n, 3);
	r = worklist(f, "cr", NULL, "s2");
	assert_int_equal(r->n, 1);
	assert_string_equal(r->code[0], y);
	act_as(f->db, "cr");
	struct rows none = { 0 };
	expect_status(f->db, credo_collection_worklist(f->db, NULL, "nobody", row_cb, &none), CREDO_NOTFOUND);

	/* The suggestion follows what was done: a stop-supply action, then the next step at 180 days. */
	expect_ok(f->db, log_kind(f, "s1", wid, "stop_supply", NULL, "停止发货"));
	r = worklist(f, "s1", NULL, NULL);
	for (int i = 0; i < r->n; i++)
		if (strcmp(r->code[i], w) == 0)
			assert_string_equal(r->suggestion[i], "follow up; at 180 days: hand over for legal action");
	/* A dispute pauses it; as of a later date the paused item stays at its step. */
	expect_ok(f->db, log_kind(f, "s1", wid, "dispute", NULL, "价格争议"));
	r = worklist(f, "s1", "2027-06-01", NULL);
	for (int i = 0; i < r->n; i++)
		if (strcmp(r->code[i], w) == 0) {
			assert_int_equal(r->paused[i], 1);
			assert_int_equal(r->level[i], 4);
			assert_non_null(strstr(r->suggestion[i], "resolve the dispute raised 2026-11-23"));
		}
	/* Not yet overdue on the as-of date: not on the worklist. */
	r = worklist(f, "cr", "2026-10-04", NULL);
	assert_int_equal(r->n, 2);	/* Z and W */
}

struct acts {
	int n;
	char kinds[256];
};

static int act_cb(const credo_collection_action *a, void *ctx)
{
	struct acts *x = ctx;
	x->n++;
	strcat(x->kinds, a->kind);
	strcat(x->kinds, " ");
	return 0;
}

static void actions_newest_first_in_scope(void **state)
{
	struct fx *f = *state;
	int64_t c1 = cust(f, C1);
	int64_t a = inv(f, c1, "2026-09-01", "2026-10-01", 500000, 0);
	expect_ok(f->db, log_kind(f, "s1", a, "reminder", "2026-10-02", NULL));
	expect_ok(f->db, log_kind(f, "s1", a, "call", "2026-11-01", "答应付款"));
	act_as(f->db, "fin");
	credo_collection_new st = { .customer_id = c1, .kind = "statement", .date = "2026-10-20" };
	expect_ok(f->db, credo_collection_log(f->db, &st, NULL));
	struct acts x = { 0 };
	act_as(f->db, "s1");
	expect_ok(f->db, credo_collection_actions(f->db, c1, 0, act_cb, &x));
	assert_string_equal(x.kinds, "call statement reminder ");
	memset(&x, 0, sizeof x);
	expect_ok(f->db, credo_collection_actions(f->db, 0, a, act_cb, &x));
	assert_int_equal(x.n, 2);
	act_as(f->db, "s2");
	expect_status(f->db, credo_collection_actions(f->db, c1, 0, act_cb, &x), CREDO_PERM);
}

int main(void)
{
	setenv("CREDO_TODAY", TODAY, 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(logging_and_its_rules, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(dispute_and_resolve, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(assigning_collectors, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(worklist_ranks_amount_days_risk, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(actions_newest_first_in_scope, setup_ledger, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
