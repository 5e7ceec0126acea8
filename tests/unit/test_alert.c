/*
 * test_alert.c - the alert engine: the rule table and its switches,
 * escalation of an overdue invoice at each threshold (and not the day
 * before), thresholds from settings, scope and --for, order, stopping,
 * promises kept and broken, limits, and messages that stay valid UTF-8.
 */
#include "ledger_fx.h"

#define MAXA 64

struct got {
	int n;
	struct {
		char rule[24], item[40], who[33], date[11], customer[16], msg[512];
		int level, days;
		credo_alert_severity sev;
		credo_money amount;
	} a[MAXA];
};

static int collect(const credo_alert *a, void *ctx)
{
	struct got *g = ctx;
	if (g->n == MAXA)
		return 0;
	snprintf(g->a[g->n].rule, sizeof g->a[0].rule, "%s", a->rule);
	snprintf(g->a[g->n].item, sizeof g->a[0].item, "%s", a->item);
	snprintf(g->a[g->n].who, sizeof g->a[0].who, "%s", a->responsible);
	snprintf(g->a[g->n].date, sizeof g->a[0].date, "%s", a->date);
	snprintf(g->a[g->n].customer, sizeof g->a[0].customer, "%s", a->customer_code);
	snprintf(g->a[g->n].msg, sizeof g->a[0].msg, "%s", a->message);
	g->a[g->n].level = a->level;
	g->a[g->n].days = a->days;
	g->a[g->n].sev = a->severity;
	g->a[g->n].amount = a->amount;
	g->n++;
	return 0;
}

/* The alerts login sees as of a date (for_login NULL: everyone's). */
static struct got *alerts(struct fx *f, const char *login, const char *as_of, const char *for_login)
{
	static struct got g;
	memset(&g, 0, sizeof g);
	act_as(f->db, login);
	expect_ok(f->db, credo_alerts(f->db, as_of, for_login, collect, &g));
	return &g;
}

/* Index of the first alert of rule (and item, unless NULL), or -1. */
static int find(const struct got *g, const char *rule, const char *item)
{
	for (int i = 0; i < g->n; i++)
		if (strcmp(g->a[i].rule, rule) == 0 && (!item || strcmp(g->a[i].item, item) == 0))
			return i;
	return -1;
}

static const char *code_of(struct fx *f, int64_t invoice, char *buf, size_t len)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT code FROM invoices WHERE id = %lld", (long long)invoice);
	raw_text(f->path, sql, buf, len);
	return buf;
}

static void set(struct fx *f, const char *key, const char *value)
{
	act_as(f->db, "cr");
	expect_ok(f->db, credo_setting_set(f->db, key, value));
}

struct rules {
	int n, on;
	char overdue_settings[512];
};

static int rule_cb(const credo_alert_rule *r, void *ctx)
{
	struct rules *x = ctx;
	x->n++;
	x->on += r->on;
	if (strcmp(r->id, "overdue") == 0)
		snprintf(x->overdue_settings, sizeof x->overdue_settings, "%s", r->settings);
	assert_true(*r->what);
	return 0;
}

static void rule_table_and_switches(void **state)
{
	struct fx *f = *state;
	struct rules r = { 0 };
	act_as(f->db, "s1");
	expect_ok(f->db, credo_alert_rules(f->db, rule_cb, &r));
	assert_int_equal(r.n, 15);
	assert_int_equal(r.on, 15);
	assert_non_null(strstr(r.overdue_settings, "alert.overdue.reminder_days=1"));
	assert_non_null(strstr(r.overdue_settings, "alert.overdue.legal_days=180"));
	set(f, "alert.lead_idle.on", "0");
	memset(&r, 0, sizeof r);
	expect_ok(f->db, credo_alert_rules(f->db, rule_cb, &r));
	assert_int_equal(r.on, 14);
	/* A switch is 0 or 1; a salesperson cannot change it. */
	act_as(f->db, "cr");
	expect_status(f->db, credo_setting_set(f->db, "alert.overdue.on", "2"), CREDO_INVALID);
	act_as(f->db, "s1");
	expect_status(f->db, credo_setting_set(f->db, "alert.overdue.on", "0"), CREDO_PERM);
}

/* Expected step (0: no alert) and severity of one invoice due 2026-07-01 as of each date. */
static void escalation_at_each_threshold(void **state)
{
	struct fx *f = *state;
	char code[40];
	code_of(f, inv(f, cust(f, C1), "2026-06-01", "2026-07-01", 2000000, 0), code, sizeof code);
	static const struct {
		const char *as_of;
		int level;
		credo_alert_severity sev;
		int days;
	} want[] = {
		{ "2026-07-01", 0, 0, 0 },   { "2026-07-02", 1, CREDO_ALERT_WARNING, 1 },
		{ "2026-07-30", 1, CREDO_ALERT_WARNING, 29 },  { "2026-07-31", 2, CREDO_ALERT_WARNING, 30 },
		{ "2026-08-29", 2, CREDO_ALERT_WARNING, 59 },  { "2026-08-30", 3, CREDO_ALERT_CRITICAL, 60 },
		{ "2026-09-28", 3, CREDO_ALERT_CRITICAL, 89 }, { "2026-09-29", 4, CREDO_ALERT_CRITICAL, 90 },
		{ "2026-12-27", 4, CREDO_ALERT_CRITICAL, 179 }, { "2026-12-28", 5, CREDO_ALERT_CRITICAL, 180 },
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		struct got *g = alerts(f, "fin", want[i].as_of, NULL);
		int k = find(g, "overdue", code);
		if (!want[i].level) {
			assert_int_equal(k, -1);
			continue;
		}
		if (k < 0)
			fail_msg("no overdue alert as of %s", want[i].as_of);
		assert_int_equal(g->a[k].level, want[i].level);
		assert_int_equal(g->a[k].sev, want[i].sev);
		assert_int_equal(g->a[k].days, want[i].days);
		assert_int_equal(g->a[k].amount, 2000000);
		assert_string_equal(g->a[k].who, "s1");	/* the collector: the customer's owner */
		assert_string_equal(g->a[k].date, "2026-07-01");
	}
	/* Paid on 2026-08-15: open as of the day before, gone as of the day after. */
	pay(f, cust(f, C1), "2026-08-15", 2000000);
	assert_true(find(alerts(f, "fin", "2026-08-14", NULL), "overdue", code) >= 0);
	assert_int_equal(find(alerts(f, "fin", "2026-08-16", NULL), "overdue", code), -1);
}

static void thresholds_and_switch_are_settings(void **state)
{
	struct fx *f = *state;
	char code[40];
	code_of(f, inv(f, cust(f, C1), "2026-06-01", "2026-07-01", 100000, 0), code, sizeof code);
	set(f, "alert.overdue.reminder_days", "5");
	set(f, "alert.overdue.call_days", "10");
	assert_int_equal(find(alerts(f, "cr", "2026-07-05", NULL), "overdue", code), -1);
	struct got *g = alerts(f, "cr", "2026-07-06", NULL);
	assert_int_equal(g->a[find(g, "overdue", code)].level, 1);
	g = alerts(f, "cr", "2026-07-11", NULL);
	assert_int_equal(g->a[find(g, "overdue", code)].level, 2);
	set(f, "alert.overdue.on", "0");
	assert_int_equal(find(alerts(f, "cr", "2026-11-23", NULL), "overdue", NULL), -1);
}

static void scope_for_login_and_order(void **state)
{
	struct fx *f = *state;
	char c1[40], c2[40];
	code_of(f, inv(f, cust(f, C1), "2026-06-01", "2026-07-01", 100000, 0), c1, sizeof c1);
	code_of(f, inv(f, cust(f, C2), "2026-10-01", "2026-10-31", 300000, 0), c2, sizeof c2);
	struct got *g = alerts(f, "s1", NULL, NULL);	/* today: 2026-11-23 */
	assert_true(find(g, "overdue", c1) >= 0);
	assert_int_equal(find(g, "overdue", c2), -1);
	g = alerts(f, "s2", NULL, NULL);
	assert_int_equal(find(g, "overdue", c1), -1);
	assert_true(find(g, "overdue", c2) >= 0);
	g = alerts(f, "mgr", NULL, NULL);
	assert_true(find(g, "overdue", c1) >= 0 && find(g, "overdue", c2) >= 0);
	/* Most severe first (c1 is 145 days late: critical), then the oldest date. */
	assert_int_equal(find(g, "overdue", c1), 0);
	for (int i = 1; i < g->n; i++) {
		assert_true(g->a[i].sev <= g->a[i - 1].sev);
		if (g->a[i].sev == g->a[i - 1].sev)
			assert_true(strcmp(g->a[i].date, g->a[i - 1].date) >= 0);
	}
	g = alerts(f, "mgr", NULL, "s2");
	assert_true(g->n > 0);
	for (int i = 0; i < g->n; i++)
		assert_string_equal(g->a[i].who, "s2");
	act_as(f->db, "mgr");
	struct got none = { 0 };
	expect_status(f->db, credo_alerts(f->db, NULL, "nobody", collect, &none), CREDO_NOTFOUND);
	expect_status(f->db, credo_alerts(f->db, "2026-02-30", NULL, collect, &none), CREDO_INVALID);
	assert_int_equal(none.n, 0);
}

static int stop_after_one(const credo_alert *a, void *ctx)
{
	(void)a;
	(*(int *)ctx)++;
	return 1;
}

static void callback_stops(void **state)
{
	struct fx *f = *state;
	inv(f, cust(f, C1), "2026-06-01", "2026-07-01", 100000, 0);
	inv(f, cust(f, C2), "2026-06-01", "2026-07-01", 100000, 0);
	int calls = 0;
	act_as(f->db, "cr");
	expect_status(f->db, credo_alerts(f->db, NULL, NULL, stop_after_one, &calls), CREDO_STOP);
	assert_int_equal(calls, 1);
	credo_db *nobody = db_create(f->path);
	expect_status(nobody, credo_alerts(nobody, NULL, NULL, stop_after_one, &calls), CREDO_NOUSER);
	credo_close(nobody);
}

static void promise_kept_or_broken(void **state)
{
	struct fx *f = *state;
	int64_t c = cust(f, C1);
	char a[40], b[40];
	int64_t ia = inv(f, c, "2026-09-01", "2026-10-01", 500000, 0);
	int64_t ib = inv(f, c, "2026-09-02", "2026-10-02", 500000, 0);
	code_of(f, ia, a, sizeof a);
	code_of(f, ib, b, sizeof b);
	act_as(f->db, "s1");
	credo_collection_new pa = { .invoice_id = ia, .date = "2026-11-01", .kind = "promise",
				    .promise_amount = 500000, .promise_date = "2026-11-10" };
	credo_collection_new pb = pa;
	pb.invoice_id = ib;
	expect_ok(f->db, credo_collection_log(f->db, &pa, NULL));
	expect_ok(f->db, credo_collection_log(f->db, &pb, NULL));
	/* 5,000.00 arrives on 2026-11-09 and pays the older invoice: a's promise is kept, b's broken. */
	pay(f, c, "2026-11-09", 500000);
	struct got *g = alerts(f, "s1", "2026-11-10", NULL);
	assert_int_equal(find(g, "promise_broken", NULL), -1);
	g = alerts(f, "s1", "2026-11-11", NULL);
	assert_int_equal(find(g, "promise_broken", a), -1);
	int k = find(g, "promise_broken", b);
	assert_true(k >= 0);
	assert_int_equal(g->a[k].sev, CREDO_ALERT_CRITICAL);
	assert_int_equal(g->a[k].amount, 500000);
	assert_string_equal(g->a[k].date, "2026-11-10");
	assert_non_null(strstr(g->a[k].msg, "0.00 paid by then"));
	/* A new promise replaces the broken one until its own date. */
	credo_collection_new again = pb;
	again.date = "2026-11-20";
	again.promise_date = "2026-11-30";
	act_as(f->db, "s1");
	expect_ok(f->db, credo_collection_log(f->db, &again, NULL));
	assert_int_equal(find(alerts(f, "s1", "2026-11-23", NULL), "promise_broken", b), -1);
	assert_true(find(alerts(f, "s1", "2026-12-01", NULL), "promise_broken", b) >= 0);
	/* With a grace of 3 days it waits. */
	set(f, "alert.promise_broken.grace_days", "3");
	assert_int_equal(find(alerts(f, "s1", "2026-12-03", NULL), "promise_broken", b), -1);
	assert_true(find(alerts(f, "s1", "2026-12-04", NULL), "promise_broken", b) >= 0);
}

static void limits_near_and_over(void **state)
{
	struct fx *f = *state;
	int64_t c = cust(f, C2);	/* limit 1,000,000.00 */
	inv(f, c, "2026-11-01", "2026-12-01", 89999999, 0);
	struct got *g = alerts(f, "cr", NULL, NULL);
	assert_int_equal(find(g, "near_limit", NULL), -1);
	inv(f, c, "2026-11-02", "2026-12-02", 1, 0);
	g = alerts(f, "cr", NULL, NULL);
	int k = find(g, "near_limit", NULL);
	assert_true(k >= 0);
	assert_string_equal(g->a[k].customer, C2);
	assert_int_equal(g->a[k].amount, 90000000);
	assert_string_equal(g->a[k].who, "s2");
	assert_int_equal(find(g, "over_limit", NULL), -1);
	/* As of a day before the second invoice it was 89.99 %: no alert then. */
	assert_int_equal(find(alerts(f, "cr", "2026-11-01", NULL), "near_limit", NULL), -1);
	act_as(f->db, "cr");
	credo_limit_new l = { .customer_id = c, .amount = 50000000, .kind = CREDO_LIMIT_STANDING, .note = "缩减" };
	expect_ok(f->db, credo_credit_limit_set(f->db, &l, NULL));
	g = alerts(f, "cr", NULL, NULL);
	k = find(g, "over_limit", NULL);
	assert_true(k >= 0);
	assert_int_equal(g->a[k].sev, CREDO_ALERT_CRITICAL);
	assert_non_null(strstr(g->a[k].msg, "by 400,000.00"));
	assert_int_equal(find(g, "near_limit", NULL), -1);
	set(f, "alert.over_limit.on", "0");
	assert_int_equal(find(alerts(f, "cr", NULL, NULL), "over_limit", NULL), -1);
}

/* 1 if s is well-formed UTF-8. */
static int utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
		if (n < 0)
			return 0;
		p++;
		for (int i = 0; i < n; i++, p++)
			if ((*p & 0xC0) != 0x80)
				return 0;
	}
	return 1;
}

static void long_chinese_text_is_cut_cleanly(void **state)
{
	struct fx *f = *state;
	char desc[500] = "";
	for (int i = 0; i < 26; i++)
		strcat(desc, "年度框架采购");	/* 6 characters, 18 bytes: 468 bytes in all */
	credo_opportunity_new o = { .customer_id = cust(f, C1), .description = desc, .amount = 100 };
	act_as(f->db, "s1");
	expect_ok(f->db, credo_opportunity_add(f->db, &o, NULL));
	struct got *g = alerts(f, "s1", "2099-01-01", NULL);
	int k = find(g, "opportunity_idle", NULL);
	assert_true(k >= 0);
	assert_true(utf8_ok(g->a[k].msg));
	assert_non_null(strstr(g->a[k].msg, "..."));
}

int main(void)
{
	setenv("CREDO_TODAY", TODAY, 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(rule_table_and_switches, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(escalation_at_each_threshold, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(thresholds_and_switch_are_settings, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(scope_for_login_and_order, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(callback_stops, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(promise_kept_or_broken, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(limits_near_and_over, setup_ledger, fx_teardown),
		cmocka_unit_test_setup_teardown(long_chinese_text_is_cut_cleanly, setup_ledger, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
