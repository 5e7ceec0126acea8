/* test_lead.c - leads: rules, permissions, data scope, audit, and conversion into a customer. */
#include "helpers.h"

#define TODAY "2026-11-23"

/* Two salespeople, their manager, and roles that do not work leads. */
static int setup(void **state)
{
	fx_setup_admin(state);
	struct fx *f = *state;
	add_user(f->db, "zw", CREDO_ROLE_SALES);
	add_user(f->db, "ln", CREDO_ROLE_SALES);
	add_user(f->db, "boss", CREDO_ROLE_SALES_MANAGER);
	add_user(f->db, "cr", CREDO_ROLE_CREDIT);
	add_user(f->db, "fin", CREDO_ROLE_FINANCE);
	return 0;
}

/* Everything a lead operation may touch, so "nothing changed" is one string comparison. */
static void fingerprint(struct fx *f, char *buf, size_t len)
{
	raw_text(f->path, "SELECT (SELECT count(*) FROM audit_log WHERE action <> 'denied') || '|' || (SELECT count(*) FROM customers)"
		 " || '|' || (SELECT count(*) FROM contacts) || '|' || (SELECT coalesce(sum(next), 0) FROM code_sequences)"
		 " || '|' || (SELECT coalesce(group_concat(id || status || coalesce(customer_id, '-')), '') FROM leads)"
		 " || '|' || (SELECT coalesce(group_concat(id || coalesce(customer_id, '-')), '') FROM visits)",
		 buf, len);
}

/* The call must fail with want, name what failed, and change nothing. */
#define expect_refused(f, call, want, words) do { \
	char before_[512], after_[512]; \
	fingerprint(f, before_, sizeof before_); \
	expect_status((f)->db, call, want); \
	if (!strstr(credo_errmsg((f)->db), words)) \
		fail_msg("message \"%s\" does not name \"%s\"", credo_errmsg((f)->db), words); \
	fingerprint(f, after_, sizeof after_); \
	assert_string_equal(before_, after_); \
} while (0)

static int64_t add_lead(struct fx *f, const char *as, const char *company)
{
	act_as(f->db, as);
	credo_lead_new in = { .company = company, .contact_name = "王经理", .phone = "021-5555 0001",
			      .email = "wang@example.cn", .source = "trade fair" };
	int64_t id = 0;
	expect_ok(f->db, credo_lead_add(f->db, &in, &id));
	assert_true(id > 0);
	return id;
}

/* The last audit row as "entity/action/entity_id/actor". */
static void last_audit(struct fx *f, char *buf, size_t len)
{
	raw_text(f->path, "SELECT entity || '/' || action || '/' || entity_id || '/' || actor FROM audit_log"
		 " ORDER BY id DESC LIMIT 1", buf, len);
}

struct seen {
	int n;
	char code[16][16];
	char status[16];
	char owner[33];
	char customer_code[16];
	char last_activity[16];
	int64_t customer_id;
};

static int collect(const credo_lead *l, void *ctx)
{
	struct seen *s = ctx;
	if (s->n < 16)
		snprintf(s->code[s->n], sizeof s->code[0], "%s", l->code);
	s->n++;
	snprintf(s->status, sizeof s->status, "%s", l->status);
	snprintf(s->owner, sizeof s->owner, "%s", l->owner_login);
	snprintf(s->customer_code, sizeof s->customer_code, "%s", l->customer_code);
	snprintf(s->last_activity, sizeof s->last_activity, "%s", l->last_activity);
	s->customer_id = l->customer_id;
	return 0;
}

static void add_fills_every_field_and_audits(void **state)
{
	struct fx *f = *state;
	int64_t audits = audit_count(f->db);
	int64_t id = add_lead(f, "zw", "上海华联超市有限公司");
	struct seen s = { 0 };
	expect_ok(f->db, credo_lead_get(f->db, id, collect, &s));
	assert_int_equal(s.n, 1);
	assert_string_equal(s.code[0], "L000001");
	assert_string_equal(s.status, "new");
	assert_string_equal(s.owner, "zw");
	assert_string_equal(s.customer_code, "");
	assert_string_equal(s.last_activity, "");
	assert_int_equal(s.customer_id, 0);

	assert_int_equal(audit_count(f->db), audits + 1);
	char row[128];
	last_audit(f, row, sizeof row);
	char want[128];
	snprintf(want, sizeof want, "leads/create/%lld/zw", (long long)id);
	assert_string_equal(row, want);
	char after[512];
	raw_text(f->path, "SELECT json_extract(after, '$.company') || '|' || json_extract(after, '$.source')"
		 " FROM audit_log ORDER BY id DESC LIMIT 1", after, sizeof after);
	assert_string_equal(after, "上海华联超市有限公司|trade fair");

	/* Codes follow the code.lead pattern. */
	int64_t second = add_lead(f, "zw", "Second Co.");
	s = (struct seen){ 0 };
	expect_ok(f->db, credo_lead_get(f->db, second, collect, &s));
	assert_string_equal(s.code[0], "L000002");
	int64_t found = 0;
	expect_ok(f->db, credo_lead_find(f->db, "L000002", &found));
	assert_int_equal(found, second);
}

static void add_validates_each_field(void **state)
{
	struct fx *f = *state;
	act_as(f->db, "zw");
	int64_t id = 0;
	credo_lead_new in = { .company = "" };
	expect_refused(f, credo_lead_add(f->db, &in, &id), CREDO_INVALID, "company is required");
	in = (credo_lead_new){ .company = "Acme", .email = "not-an-address" };
	expect_refused(f, credo_lead_add(f->db, &in, &id), CREDO_INVALID, "email");
	in = (credo_lead_new){ .company = "Acme\033[2J" };
	expect_refused(f, credo_lead_add(f->db, &in, &id), CREDO_INVALID, "control characters");
	in = (credo_lead_new){ .company = "Acme", .phone = "123\n456" };
	expect_refused(f, credo_lead_add(f->db, &in, &id), CREDO_INVALID, "phone");
	char long_name[260];
	memset(long_name, 'x', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	in = (credo_lead_new){ .company = long_name };
	expect_refused(f, credo_lead_add(f->db, &in, &id), CREDO_INVALID, "at most 200 bytes");
	in = (credo_lead_new){ .company = "Acme", .owner_login = "nobody" };
	expect_refused(f, credo_lead_add(f->db, &in, &id), CREDO_INVALID, "not an active user");
	/* Notes may run over several lines. */
	in = (credo_lead_new){ .company = "Acme", .notes = "met at the fair\nwants samples" };
	expect_ok(f->db, credo_lead_add(f->db, &in, &id));
}

static void only_sellers_work_leads(void **state)
{
	struct fx *f = *state;
	credo_lead_new in = { .company = "Acme" };
	int64_t id = 0;
	const char *others[] = { "cr", "fin", ADMIN };
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		act_as(f->db, others[i]);
		expect_refused(f, credo_lead_add(f->db, &in, &id), CREDO_PERM, "permission denied");
	}
	/* A salesperson adds leads only for itself; the manager for anyone who sells. */
	act_as(f->db, "zw");
	in.owner_login = "ln";
	expect_refused(f, credo_lead_add(f->db, &in, &id), CREDO_PERM, "for itself");
	act_as(f->db, "boss");
	in.owner_login = "cr";
	expect_refused(f, credo_lead_add(f->db, &in, &id), CREDO_INVALID, "not a salesperson");
	in.owner_login = "ln";
	expect_ok(f->db, credo_lead_add(f->db, &in, &id));
	struct seen s = { 0 };
	expect_ok(f->db, credo_lead_get(f->db, id, collect, &s));
	assert_string_equal(s.owner, "ln");

	/* Nobody logged in: no reads either. */
	credo_db *anon = db_create(f->path);
	expect_status(anon, credo_lead_list(anon, NULL, collect, &s), CREDO_NOUSER);
	expect_status(anon, credo_lead_add(anon, &in, &id), CREDO_NOUSER);
	credo_close(anon);
}

static void a_salesperson_sees_only_its_leads(void **state)
{
	struct fx *f = *state;
	int64_t mine = add_lead(f, "zw", "Mine Ltd.");
	add_lead(f, "ln", "Hers Ltd.");

	act_as(f->db, "ln");
	struct seen s = { 0 };
	expect_refused(f, credo_lead_get(f->db, mine, collect, &s), CREDO_NOTFOUND, "not found");
	assert_int_equal(s.n, 0);
	int64_t id = 0;
	expect_refused(f, credo_lead_find(f->db, "L000001", &id), CREDO_PERM, "may not see lead L000001");
	expect_refused(f, credo_lead_set_status(f->db, mine, "lost"), CREDO_NOTFOUND, "not found");
	int64_t customer = 0;
	expect_refused(f, credo_lead_convert(f->db, mine, &customer), CREDO_NOTFOUND, "not found");
	credo_lead_filter all = { .status = "all" };
	expect_ok(f->db, credo_lead_list(f->db, &all, collect, &s));
	assert_int_equal(s.n, 1);
	assert_string_equal(s.code[0], "L000002");

	/* Asking for another's leads by owner gives nothing, not an error. */
	s = (struct seen){ 0 };
	credo_lead_filter theirs = { .owner_login = "zw" };
	expect_ok(f->db, credo_lead_list(f->db, &theirs, collect, &s));
	assert_int_equal(s.n, 0);

	/* Managers and the credit department see every lead. */
	const char *all_seers[] = { "boss", "cr", "fin" };
	for (size_t i = 0; i < 3; i++) {
		act_as(f->db, all_seers[i]);
		s = (struct seen){ 0 };
		expect_ok(f->db, credo_lead_list(f->db, &all, collect, &s));
		assert_int_equal(s.n, 2);
		expect_ok(f->db, credo_lead_get(f->db, mine, collect, &s));
	}
}

static void status_moves_and_rules(void **state)
{
	struct fx *f = *state;
	int64_t id = add_lead(f, "zw", "Acme");
	int64_t audits = audit_count(f->db);
	expect_ok(f->db, credo_lead_set_status(f->db, id, "contacted"));
	assert_int_equal(audit_count(f->db), audits + 1);
	char row[256];
	raw_text(f->path, "SELECT action || ':' || json_extract(before, '$.status') || '>' ||"
		 " json_extract(after, '$.status') FROM audit_log ORDER BY id DESC LIMIT 1", row, sizeof row);
	assert_string_equal(row, "set_status:new>contacted");

	expect_refused(f, credo_lead_set_status(f->db, id, "contacted"), CREDO_RULE, "already contacted");
	expect_refused(f, credo_lead_set_status(f->db, id, "converted"), CREDO_RULE, "converting");
	expect_refused(f, credo_lead_set_status(f->db, id, "hot"), CREDO_INVALID, "new, contacted, qualified or lost");
	expect_refused(f, credo_lead_set_status(f->db, id, NULL), CREDO_INVALID, "lead status");
	expect_refused(f, credo_lead_set_status(f->db, 424242, "lost"), CREDO_NOTFOUND, "not found");

	/* A lost lead may be revived, but it cannot be converted while lost. */
	expect_ok(f->db, credo_lead_set_status(f->db, id, "lost"));
	int64_t customer = 0;
	expect_refused(f, credo_lead_convert(f->db, id, &customer), CREDO_RULE, "only an open lead");
	expect_ok(f->db, credo_lead_set_status(f->db, id, "qualified"));
	expect_ok(f->db, credo_lead_convert(f->db, id, &customer));
	/* Converted is final. */
	expect_refused(f, credo_lead_set_status(f->db, id, "new"), CREDO_RULE, "final");
	expect_refused(f, credo_lead_convert(f->db, id, &customer), CREDO_RULE, "converted");

	act_as(f->db, "cr");
	expect_refused(f, credo_lead_set_status(f->db, id, "new"), CREDO_PERM, "permission denied");
}

static void list_filters_and_order(void **state)
{
	struct fx *f = *state;
	int64_t a = add_lead(f, "zw", "上海华联超市有限公司");
	int64_t b = add_lead(f, "zw", "100% Pure Foods");
	int64_t c = add_lead(f, "zw", "Beijing Tools");
	add_lead(f, "ln", "Guangzhou Parts");
	act_as(f->db, "zw");
	expect_ok(f->db, credo_lead_set_status(f->db, b, "lost"));
	int64_t customer = 0;
	expect_ok(f->db, credo_lead_convert(f->db, c, &customer));
	(void)a;

	struct seen s = { 0 };
	expect_ok(f->db, credo_lead_list(f->db, NULL, collect, &s));
	assert_int_equal(s.n, 1);	/* lost and converted leads are done with */
	assert_string_equal(s.code[0], "L000001");

	s = (struct seen){ 0 };
	credo_lead_filter fl = { .status = "all" };
	expect_ok(f->db, credo_lead_list(f->db, &fl, collect, &s));
	assert_int_equal(s.n, 3);
	assert_string_equal(s.code[0], "L000003");	/* newest first */
	assert_string_equal(s.code[2], "L000001");

	s = (struct seen){ 0 };
	fl = (credo_lead_filter){ .status = "converted" };
	expect_ok(f->db, credo_lead_list(f->db, &fl, collect, &s));
	assert_int_equal(s.n, 1);
	assert_string_equal(s.customer_code, "C000001");

	/* Search: a Chinese substring, a Latin word in any case, and % taken literally. */
	const struct {
		const char *q;
		int n;
	} searches[] = { { "华联", 1 }, { "BEIJING", 1 }, { "100%", 1 }, { "%", 1 }, { "5555", 3 }, { "王经理", 3 },
			 { "_", 0 }, { "Guangzhou", 0 } };
	for (size_t i = 0; i < sizeof searches / sizeof searches[0]; i++) {
		s = (struct seen){ 0 };
		fl = (credo_lead_filter){ .status = "all", .search = searches[i].q };
		expect_ok(f->db, credo_lead_list(f->db, &fl, collect, &s));
		if (s.n != searches[i].n)
			fail_msg("search \"%s\" found %d leads, expected %d", searches[i].q, s.n, searches[i].n);
	}

	act_as(f->db, "boss");
	s = (struct seen){ 0 };
	fl = (credo_lead_filter){ .status = "all", .owner_login = "ln" };
	expect_ok(f->db, credo_lead_list(f->db, &fl, collect, &s));
	assert_int_equal(s.n, 1);
	assert_string_equal(s.owner, "ln");
	s = (struct seen){ 0 };
	fl = (credo_lead_filter){ .status = "all", .limit = 2 };
	expect_ok(f->db, credo_lead_list(f->db, &fl, collect, &s));
	assert_int_equal(s.n, 2);
	fl = (credo_lead_filter){ .status = "warm" };
	expect_status(f->db, credo_lead_list(f->db, &fl, collect, &s), CREDO_INVALID);
}

static int stop_at_first(const credo_lead *l, void *ctx)
{
	(void)l;
	++*(int *)ctx;
	return 1;
}

static void callback_can_stop(void **state)
{
	struct fx *f = *state;
	add_lead(f, "zw", "One");
	add_lead(f, "zw", "Two");
	int n = 0;
	expect_status(f->db, credo_lead_list(f->db, NULL, stop_at_first, &n), CREDO_STOP);
	assert_int_equal(n, 1);
}

static void log_visit(struct fx *f, int64_t lead, const char *date, int planned)
{
	credo_visit_new v = { .lead_id = lead, .date = date, .planned = planned, .purpose = "samples",
			      .findings = planned ? NULL : "wants 200 shelves" };
	int64_t id = 0;
	expect_ok(f->db, credo_visit_add(f->db, &v, &id));
}

struct customer_seen {
	char code[16], name[256], phone[64], owner[33], status[16], notes[512];
};

static int keep_customer(const credo_customer *c, void *ctx)
{
	struct customer_seen *s = ctx;
	snprintf(s->code, sizeof s->code, "%s", c->code);
	snprintf(s->name, sizeof s->name, "%s", c->name);
	snprintf(s->phone, sizeof s->phone, "%s", c->phone);
	snprintf(s->owner, sizeof s->owner, "%s", c->owner_login);
	snprintf(s->status, sizeof s->status, "%s", c->status);
	snprintf(s->notes, sizeof s->notes, "%s", c->notes);
	return 0;
}

static void convert_makes_customer_contact_and_keeps_visits(void **state)
{
	struct fx *f = *state;
	int64_t id = add_lead(f, "zw", "上海华联超市有限公司");
	log_visit(f, id, "2026-11-10", 0);
	log_visit(f, id, "2026-11-20", 0);
	log_visit(f, id, "2026-11-30", 1);	/* a plan is not activity yet */
	struct seen s = { 0 };
	expect_ok(f->db, credo_lead_get(f->db, id, collect, &s));
	assert_string_equal(s.last_activity, "2026-11-20");

	/* The manager converts the salesperson's lead: the customer stays the salesperson's. */
	act_as(f->db, "boss");
	int64_t audits = audit_count(f->db);
	int64_t customer = 0;
	expect_ok(f->db, credo_lead_convert(f->db, id, &customer));
	assert_true(customer > 0);

	struct customer_seen c = { 0 };
	expect_ok(f->db, credo_customer_get(f->db, customer, keep_customer, &c));
	assert_string_equal(c.name, "上海华联超市有限公司");
	assert_string_equal(c.phone, "021-5555 0001");
	assert_string_equal(c.owner, "zw");
	assert_string_equal(c.status, "prospect");
	assert_non_null(strstr(c.notes, "From lead L000001"));
	assert_non_null(strstr(c.notes, "trade fair"));

	char contact[256];
	raw_text(f->path, "SELECT name || '|' || phone || '|' || email FROM contacts", contact, sizeof contact);
	assert_string_equal(contact, "王经理|021-5555 0001|wang@example.cn");
	char link[64];
	snprintf(link, sizeof link, "%lld", (long long)customer);
	char visits[64];
	raw_text(f->path, "SELECT group_concat(DISTINCT customer_id) FROM visits", visits, sizeof visits);
	assert_string_equal(visits, link);

	s = (struct seen){ 0 };
	expect_ok(f->db, credo_lead_get(f->db, id, collect, &s));
	assert_string_equal(s.status, "converted");
	assert_int_equal(s.customer_id, customer);
	assert_string_equal(s.customer_code, c.code);

	/* One audit row per changed row: customer, contact, three visits, the lead. */
	assert_int_equal(audit_count(f->db), audits + 6);
	char actions[256];
	raw_text(f->path, "SELECT group_concat(entity || '/' || action, ' ') FROM"
		 " (SELECT entity, action FROM audit_log ORDER BY id DESC LIMIT 6)", actions, sizeof actions);
	assert_string_equal(actions, "leads/convert visits/attach visits/attach visits/attach contacts/create"
			    " customers/create");
	char who[64];
	raw_text(f->path, "SELECT group_concat(DISTINCT actor) FROM (SELECT actor FROM audit_log ORDER BY id DESC LIMIT 6)",
		 who, sizeof who);
	assert_string_equal(who, "boss");

	/* The salesperson now sees its new customer. */
	act_as(f->db, "zw");
	expect_ok(f->db, credo_customer_get(f->db, customer, keep_customer, &c));
}

static void a_lead_without_contact_makes_no_contact(void **state)
{
	struct fx *f = *state;
	act_as(f->db, "zw");
	credo_lead_new in = { .company = "Solo Ltd." };
	int64_t id = 0, customer = 0;
	expect_ok(f->db, credo_lead_add(f->db, &in, &id));
	expect_ok(f->db, credo_lead_convert(f->db, id, &customer));
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM contacts"), 0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM customers"), 1);
}

static void a_failed_conversion_leaves_nothing_behind(void **state)
{
	struct fx *f = *state;
	int64_t id = add_lead(f, "zw", "Half Done Ltd.");
	log_visit(f, id, "2026-11-20", 0);
	int64_t customer = 0;

	/* The customer would be made, then its contact refused: the customer must go too. */
	raw_exec(f->path, "UPDATE leads SET contact_name = 'bad' || char(7) || 'name'");
	expect_refused(f, credo_lead_convert(f->db, id, &customer), CREDO_INVALID, "contact name");
	raw_exec(f->path, "UPDATE leads SET contact_name = 'Fine Name'");

	/* An owner who left cannot receive the customer. */
	raw_exec(f->path, "UPDATE users SET active = 0 WHERE login = 'zw'");
	act_as(f->db, "boss");
	expect_refused(f, credo_lead_convert(f->db, id, &customer), CREDO_INVALID, "not an active user");
	raw_exec(f->path, "UPDATE users SET active = 1 WHERE login = 'zw'");

	act_as(f->db, "cr");
	expect_refused(f, credo_lead_convert(f->db, id, &customer), CREDO_PERM, "permission denied");

	act_as(f->db, "boss");
	expect_ok(f->db, credo_lead_convert(f->db, id, &customer));
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM customers"), 1);
}

int main(void)
{
	setenv("CREDO_TODAY", TODAY, 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(add_fills_every_field_and_audits, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(add_validates_each_field, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(only_sellers_work_leads, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(a_salesperson_sees_only_its_leads, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(status_moves_and_rules, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(list_filters_and_order, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(callback_can_stop, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(convert_makes_customer_contact_and_keeps_visits, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(a_lead_without_contact_makes_no_contact, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(a_failed_conversion_leaves_nothing_behind, setup, fx_teardown),
	};
	return cmocka_run_group_tests_name("lead", tests, NULL, NULL);
}
