/* test_customer.c - customers and contacts: codes, validation, data scope, paging, search. */
#include "helpers.h"

#include <strings.h>

#include "internal.h"	/* credo__search_walk_rows, credo__search_sort_max: every search path */

/* Everyone a company has: two salespeople, their manager, credit, finance, the GM. */
static int setup_staff(void **state)
{
	fx_setup_admin(state);
	struct fx *f = *state;
	add_user(f->db, "sales1", CREDO_ROLE_SALES);
	add_user(f->db, "sales2", CREDO_ROLE_SALES);
	add_user(f->db, "mgr", CREDO_ROLE_SALES_MANAGER);
	add_user(f->db, "credit1", CREDO_ROLE_CREDIT);
	add_user(f->db, "fin1", CREDO_ROLE_FINANCE);
	add_user(f->db, "gm1", CREDO_ROLE_GM);
	return 0;
}

static int64_t customers_count(struct fx *f)
{
	return raw_int(f->path, "SELECT count(*) FROM customers");
}

/* A delivered row, copied (the callback's strings die with it). */
struct row {
	int64_t id;
	char code[40], name[256], short_name[128], type[32], status[32], category[128], phone[64];
	char owner[40], since[16], notes[128];
	int reputation_bad;
	int64_t overdue, utilisation_bp;
};

struct rows {
	int n;
	struct row r[128];
};

static int collect(const credo_customer *c, void *ctx)
{
	struct rows *rs = ctx;
	assert_true(rs->n < 128);
	struct row *r = &rs->r[rs->n++];
	r->id = c->id;
	snprintf(r->code, sizeof r->code, "%s", c->code);
	snprintf(r->name, sizeof r->name, "%s", c->name);
	snprintf(r->short_name, sizeof r->short_name, "%s", c->short_name);
	snprintf(r->type, sizeof r->type, "%s", c->type);
	snprintf(r->status, sizeof r->status, "%s", c->status);
	snprintf(r->category, sizeof r->category, "%s", c->category);
	snprintf(r->phone, sizeof r->phone, "%s", c->phone);
	snprintf(r->owner, sizeof r->owner, "%s", c->owner_login);
	snprintf(r->since, sizeof r->since, "%s", c->since);
	snprintf(r->notes, sizeof r->notes, "%s", c->notes);
	r->reputation_bad = c->reputation_bad;
	r->overdue = c->overdue;
	r->utilisation_bp = c->utilisation_bp;
	return 0;
}

/* One customer by id as the actor sees it; fails the test if not visible. */
static struct row get_one(struct fx *f, int64_t id)
{
	struct rows rs = { 0 };
	expect_ok(f->db, credo_customer_get(f->db, id, collect, &rs));
	assert_int_equal(rs.n, 1);
	return rs.r[0];
}

static int64_t add(struct fx *f, const char *name, const char *owner)
{
	credo_customer_new c = { .name = name, .owner_login = owner };
	int64_t id = 0;
	expect_ok(f->db, credo_customer_add(f->db, &c, &id));
	assert_true(id > 0);
	return id;
}

static void generated_and_explicit_codes(void **state)
{
	struct fx *f = *state;
	act_as(f->db, "sales1");
	int64_t a = add(f, "甲公司", NULL);
	int64_t b = add(f, "乙公司", NULL);
	assert_string_equal(get_one(f, a).code, "C000001");
	assert_string_equal(get_one(f, b).code, "C000002");

	credo_customer_new c = { .name = "VIP", .code = "VIP-1" };
	int64_t v = 0;
	expect_ok(f->db, credo_customer_add(f->db, &c, &v));
	assert_string_equal(get_one(f, v).code, "VIP-1");

	/* A hand-made code where the sequence goes next is skipped, not duplicated. */
	c.name = "手工编号";
	c.code = "C000003";
	expect_ok(f->db, credo_customer_add(f->db, &c, NULL));
	int64_t d = add(f, "丙公司", NULL);
	assert_string_equal(get_one(f, d).code, "C000004");

	/* Taken codes: refused, nothing written, and the sequence does not move. */
	int64_t n = customers_count(f), audits = audit_count(f->db);
	c.name = "重复";
	c.code = "VIP-1";
	assert_int_equal(credo_customer_add(f->db, &c, NULL), CREDO_EXISTS);
	assert_non_null(strstr(credo_errmsg(f->db), "VIP-1"));
	c.code = "C000001";
	assert_int_equal(credo_customer_add(f->db, &c, NULL), CREDO_EXISTS);
	assert_int_equal(customers_count(f), n);
	assert_int_equal(audit_count(f->db), audits);
	assert_string_equal(get_one(f, add(f, "丁公司", NULL)).code, "C000005");
}

/* The pattern is a setting: {yyyy} puts the year in and restarts the sequence each year. */
static void code_pattern_follows_the_setting(void **state)
{
	struct fx *f = *state;
	raw_exec(f->path, "UPDATE settings SET value = 'KH-{yyyy}-{seq:3}' WHERE key = 'code.customer'");
	act_as(f->db, "sales1");
	assert_int_equal(setenv("CREDO_TODAY", "2026-12-31", 1), 0);
	assert_string_equal(get_one(f, add(f, "年底一", NULL)).code, "KH-2026-001");
	assert_string_equal(get_one(f, add(f, "年底二", NULL)).code, "KH-2026-002");
	assert_int_equal(setenv("CREDO_TODAY", "2027-01-01", 1), 0);
	assert_string_equal(get_one(f, add(f, "新年一", NULL)).code, "KH-2027-001");
	unsetenv("CREDO_TODAY");
}

/* Two programs on one file (two terminals): one sequence, one audit chain. */
static void two_handles_share_one_sequence(void **state)
{
	struct fx *f = *state;
	credo_db *other = NULL;
	expect_ok(other, credo_open(f->path, 0, &other));
	expect_ok(other, credo_login(other, ADMIN, "sales2"));
	act_as(f->db, "sales1");
	int64_t ids[6];
	for (int i = 0; i < 6; i++) {
		credo_customer_new c = { .name = i % 2 ? "二号终端" : "一号终端" };
		credo_db *db = i % 2 ? other : f->db;
		expect_ok(db, credo_customer_add(db, &c, &ids[i]));
	}
	credo_close(other);
	assert_int_equal(raw_int(f->path, "SELECT count(DISTINCT code) FROM customers"), 6);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM customers WHERE code BETWEEN 'C000001' AND 'C000006'"), 6);
	expect_ok(f->db, credo_login(f->db, ADMIN, NULL));
	credo_check_report rep;
	expect_ok(f->db, credo_check(f->db, &rep));
	assert_int_equal(rep.audit_rows, audit_count(f->db));
}

static void fields_are_stored(void **state)
{
	struct fx *f = *state;
	act_as(f->db, "mgr");
	credo_customer_new c = {
		.name = "深圳华达电子科技有限公司", .short_name = "华达电子", .type = "distributor",
		.category = "重点客户", .industry = "electronics", .region = "华南",
		.address = "深圳市南山区科技园", .phone = "0755-8888-0001", .tax_id = "91440300MA5ABCDE1X",
		.bank = "招商银行", .bank_account = "7559 0000 1111", .legal_rep = "陈明",
		.owner_login = "sales2", .since = "2019-07-01", .notes = "按月对账",
	};
	int64_t id = 0;
	expect_ok(f->db, credo_customer_add(f->db, &c, &id));
	struct row r = get_one(f, id);
	assert_string_equal(r.name, c.name);
	assert_string_equal(r.short_name, c.short_name);
	assert_string_equal(r.type, "distributor");
	assert_string_equal(r.status, "prospect");	/* every customer starts as a prospect */
	assert_string_equal(r.category, "重点客户");
	assert_string_equal(r.phone, c.phone);
	assert_string_equal(r.owner, "sales2");
	assert_string_equal(r.since, "2019-07-01");
	assert_string_equal(r.notes, "按月对账");
	assert_int_equal(r.reputation_bad, 0);

	/* Defaults: end customer, no since, no category. */
	int64_t plain = add(f, "Plain Ltd.", NULL);
	r = get_one(f, plain);
	assert_string_equal(r.type, "end_customer");
	assert_string_equal(r.since, "");
	assert_string_equal(r.category, "");
	assert_string_equal(r.owner, "mgr");
}

static void one_audit_row_per_add(void **state)
{
	struct fx *f = *state;
	act_as(f->db, "sales1");
	int64_t audits = audit_count(f->db);
	add(f, "一号", NULL);
	assert_int_equal(audit_count(f->db), audits + 1);
	/* A category seen for the first time is created, and audited, with it. */
	credo_customer_new c = { .name = "二号", .category = "A类" };
	expect_ok(f->db, credo_customer_add(f->db, &c, NULL));
	assert_int_equal(audit_count(f->db), audits + 3);
	c.name = "三号";
	expect_ok(f->db, credo_customer_add(f->db, &c, NULL));
	assert_int_equal(audit_count(f->db), audits + 4);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM audit_log WHERE entity = 'customers'"
				 " AND action = 'create' AND actor = 'sales1' AND via = 'admin'"), 3);
}

struct bad_case {
	const char *field;	/* the message must name it */
	credo_customer_new in;
};

static void invalid_input_names_the_field(void **state)
{
	struct fx *f = *state;
	static char long_name[202], long_code[34];
	memset(long_name, 'n', sizeof long_name - 1);
	memset(long_code, 'K', sizeof long_code - 1);
	const struct bad_case cases[] = {
		{ "name", { .name = "" } },
		{ "name", { .name = NULL } },
		{ "name", { .name = "Evil\x1b[2JCorp" } },
		{ "name", { .name = "Bell\aCorp" } },
		{ "name", { .name = "Two\nLines" } },
		{ "name", { .name = "Tab\tCorp" } },
		{ "name", { .name = "Bad \xc3\x28 UTF-8" } },
		{ "name", { .name = "Overlong \xc0\xaf" } },
		{ "name", { .name = "C1 \xc2\x9b control" } },
		{ "name", { .name = long_name } },
		{ "type", { .name = "ok", .type = "wholesaler" } },
		{ "type", { .name = "ok", .type = "Distributor" } },
		{ "since", { .name = "ok", .since = "2026-02-30" } },
		{ "since", { .name = "ok", .since = "yesterday" } },
		{ "since", { .name = "ok", .since = "2026-4-1" } },
		{ "phone", { .name = "ok", .phone = "021\x1b" } },
		{ "notes", { .name = "ok", .notes = "del\x7f" } },
		{ "address", { .name = "ok", .address = "\xed\xa0\x80" } },
		{ "short_name", { .name = "ok", .short_name = "\xff" } },
		{ "code", { .name = "ok", .code = long_code } },
		{ "code", { .name = "ok", .code = "C\x1b" } },
		{ "category", { .name = "ok", .category = "cat\x01" } },
		{ "owner", { .name = "ok", .owner_login = "nobody" } },
		{ "owner", { .name = "ok", .owner_login = "fin1" } },
	};
	act_as(f->db, "mgr");
	int64_t n = customers_count(f), audits = audit_count(f->db);
	int64_t cats = raw_int(f->path, "SELECT count(*) FROM categories");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		credo_customer_new in = cases[i].in;
		if (!in.category)
			in.category = "新类别";	/* must not be left behind either */
		credo_status st = credo_customer_add(f->db, &in, NULL);
		if (st != CREDO_INVALID)
			fail_msg("case %zu (%s) gave %s, expected INVALID", i, cases[i].field, credo_status_name(st));
		if (!strstr(credo_errmsg(f->db), cases[i].field))
			fail_msg("case %zu: message \"%s\" does not name %s", i, credo_errmsg(f->db), cases[i].field);
	}
	assert_int_equal(customers_count(f), n);
	assert_int_equal(audit_count(f->db), audits);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM categories"), cats);
	/* The code sequence was not consumed by the failures. */
	assert_string_equal(get_one(f, add(f, "第一个", NULL)).code, "C000001");
}

/*
 * credo_date_parse accepts surrounding blanks ("  2026-03-31\t"), so a since
 * date typed with a stray blank is a valid date: it must be stored as the
 * plain ISO date, not fail on the table's CHECK.
 */
static void since_with_blanks_is_normalised(void **state)
{
	struct fx *f = *state;
	act_as(f->db, "sales1");
	credo_customer_new c = { .name = "空格日期", .since = " 2026-03-01 " };
	int64_t id = 0;
	credo_status st = credo_customer_add(f->db, &c, &id);
	if (st != CREDO_OK)
		fail_msg("since \" 2026-03-01 \": %s: %s", credo_status_name(st), credo_errmsg(f->db));
	assert_string_equal(get_one(f, id).since, "2026-03-01");
}

static void who_may_add_for_whom(void **state)
{
	struct fx *f = *state;
	/* A salesperson owns what it adds, and cannot add for a colleague. */
	act_as(f->db, "sales1");
	assert_string_equal(get_one(f, add(f, "自己的", NULL)).owner, "sales1");
	assert_string_equal(get_one(f, add(f, "也是自己的", "sales1")).owner, "sales1");
	int64_t n = customers_count(f), audits = audit_count(f->db);
	credo_customer_new other = { .name = "同事的", .owner_login = "sales2" };
	assert_int_equal(credo_customer_add(f->db, &other, NULL), CREDO_PERM);
	assert_int_equal(customers_count(f), n);
	assert_int_equal(audit_count(f->db), audits);

	/* The manager adds for the team; credit must name a salesperson. */
	act_as(f->db, "mgr");
	assert_string_equal(get_one(f, add(f, "经理给的", "sales2")).owner, "sales2");
	assert_string_equal(get_one(f, add(f, "经理自己的", NULL)).owner, "mgr");
	act_as(f->db, "credit1");
	assert_string_equal(get_one(f, add(f, "信用部录入", "sales1")).owner, "sales1");
	credo_customer_new no_owner = { .name = "无主" };
	assert_int_equal(credo_customer_add(f->db, &no_owner, NULL), CREDO_INVALID);
	assert_non_null(strstr(credo_errmsg(f->db), "owner"));

	/* Finance, the GM and the admin do not create customers. */
	static const char *const readers[] = { "fin1", "gm1", ADMIN };
	n = customers_count(f);
	audits = audit_count(f->db);
	for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++) {
		expect_ok(f->db, credo_login(f->db, ADMIN, readers[i]));
		credo_customer_new c = { .name = "越权", .owner_login = "sales1" };
		assert_int_equal(credo_customer_add(f->db, &c, NULL), CREDO_PERM);
	}
	assert_int_equal(customers_count(f), n);
	assert_int_equal(audit_count(f->db), audits);
}

static void data_scope(void **state)
{
	struct fx *f = *state;
	act_as(f->db, "sales1");
	int64_t mine[3] = { add(f, "A1 机电", NULL), add(f, "A2 建材", NULL), add(f, "A3 化工", NULL) };
	act_as(f->db, "sales2");
	int64_t theirs[2] = { add(f, "B1 物流", NULL), add(f, "B2 食品", NULL) };

	act_as(f->db, "sales1");
	struct rows rs = { 0 };
	/* Another's customer is "not found", exactly like a missing one, never "denied". */
	assert_int_equal(credo_customer_get(f->db, theirs[0], collect, &rs), CREDO_NOTFOUND);
	assert_int_equal(rs.n, 0);
	assert_int_equal(credo_customer_get(f->db, 999999, collect, &rs), CREDO_NOTFOUND);
	assert_int_equal(get_one(f, mine[1]).id, mine[1]);

	credo_customer_query q = { .sort = CREDO_CUSTOMER_BY_NAME, .limit = 100 };
	expect_ok(f->db, credo_customer_page(f->db, &q, collect, &rs));
	assert_int_equal(rs.n, 3);
	for (int i = 0; i < rs.n; i++)
		assert_string_equal(rs.r[i].owner, "sales1");
	int64_t count = -1;
	expect_ok(f->db, credo_customer_count(f->db, NULL, &count));
	assert_int_equal(count, 3);
	expect_ok(f->db, credo_customer_count(f->db, "B1", &count));
	assert_int_equal(count, 0);
	q.search = "物流";
	rs.n = 0;
	expect_ok(f->db, credo_customer_page(f->db, &q, collect, &rs));
	assert_int_equal(rs.n, 0);

	/* Everyone else sees the whole book. */
	static const char *const all[] = { "mgr", "credit1", "fin1", "gm1", ADMIN };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		expect_ok(f->db, credo_login(f->db, ADMIN, all[i]));
		expect_ok(f->db, credo_customer_count(f->db, NULL, &count));
		assert_int_equal(count, 5);
		assert_string_equal(get_one(f, theirs[1]).owner, "sales2");
		assert_string_equal(get_one(f, mine[0]).owner, "sales1");
		struct rows every = { 0 };
		q.search = NULL;
		expect_ok(f->db, credo_customer_page(f->db, &q, collect, &every));
		assert_int_equal(every.n, 5);
	}
}

/* ---- keyset paging ---------------------------------------------------- */

struct known {
	int64_t id;
	char code[40], name[128], phone[32];
};

static int by_name_then_id(const void *a, const void *b)
{
	const struct known *x = a, *y = b;
	int c = strcmp(x->name, y->name);	/* bytes, like SQLite's BINARY collation */
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

static int by_code_then_id(const void *a, const void *b)
{
	const struct known *x = a, *y = b;
	int c = strcmp(x->code, y->code);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

#define BOOK 60

static struct known book[BOOK];

/* Sixty customers: Chinese, English, mixed case, and five that share one name. */
static int setup_book(void **state)
{
	setup_staff(state);
	struct fx *f = *state;
	static const char *const cities[] = { "上海", "北京", "深圳", "杭州", "成都" };
	static const char *const area[] = { "021", "010", "0755", "0571", "028" };
	static const char *const brands[] = { "华达", "恒信", "金桥", "鑫源", "Northwind", "harbor", "Harbor" };
	static const char *const forms[] = { "机电有限公司", "贸易有限公司", " Trading Ltd.", "实业" };
	act_as(f->db, "mgr");
	for (int i = 0; i < BOOK; i++) {
		struct known *k = &book[i];
		if (i % 12 == 5)
			snprintf(k->name, sizeof k->name, "同名公司");
		else
			snprintf(k->name, sizeof k->name, "%s%s%s %02d", cities[i % 5], brands[i % 7], forms[i % 4],
				 (i * 37) % 100);
		snprintf(k->phone, sizeof k->phone, "%s-%08d", area[(i / 3) % 5], 66000000 + i * 7919 % 1000000);
		credo_customer_new c = { .name = k->name, .phone = k->phone,
					 .owner_login = i % 3 ? "sales1" : "sales2" };
		expect_ok(f->db, credo_customer_add(f->db, &c, &k->id));
		struct rows rs = { 0 };
		expect_ok(f->db, credo_customer_get(f->db, k->id, collect, &rs));
		snprintf(k->code, sizeof k->code, "%s", rs.r[0].code);
	}
	return 0;
}

/* Walk every page of size `size` forward (or backward), appending rows to out. */
static int walk(struct fx *f, credo_customer_sort sort, int backward, const char *search, int size,
		struct rows *out)
{
	credo_customer_query q = { .search = search, .sort = sort, .backward = backward, .limit = size };
	int pages = 0;
	for (;;) {
		struct rows page = { 0 };
		expect_ok(f->db, credo_customer_page(f->db, &q, collect, &page));
		assert_true(page.n <= size);
		for (int i = 0; i < page.n; i++) {
			assert_true(out->n < 128);
			out->r[out->n++] = page.r[i];
		}
		if (page.n < size)
			break;
		pages++;
		assert_true(pages <= BOOK);
		credo_customer rowc = { .id = page.r[page.n - 1].id, .name = page.r[page.n - 1].name,
					.code = page.r[page.n - 1].code, .overdue = page.r[page.n - 1].overdue,
					.utilisation_bp = page.r[page.n - 1].utilisation_bp };
		credo_customer_key_of(&rowc, sort, &q.after);
	}
	return pages;
}

static void expect_same_order(const struct rows *got, const struct known *want, int n, int reversed)
{
	if (got->n != n)
		fail_msg("walk delivered %d rows, expected %d", got->n, n);
	for (int i = 0; i < n; i++) {
		const struct known *k = &want[reversed ? n - 1 - i : i];
		if (got->r[i].id != k->id)
			fail_msg("row %d is #%lld \"%s\", expected #%lld \"%s\"", i, (long long)got->r[i].id,
				 got->r[i].name, (long long)k->id, k->name);
	}
}

static void paging_by_name_visits_every_row_once(void **state)
{
	struct fx *f = *state;
	struct known sorted[BOOK];
	memcpy(sorted, book, sizeof sorted);
	qsort(sorted, BOOK, sizeof sorted[0], by_name_then_id);

	act_as(f->db, "gm1");
	struct rows fwd = { 0 };
	walk(f, CREDO_CUSTOMER_BY_NAME, 0, NULL, 7, &fwd);
	expect_same_order(&fwd, sorted, BOOK, 0);

	struct rows back = { 0 };
	walk(f, CREDO_CUSTOMER_BY_NAME, 1, NULL, 7, &back);
	expect_same_order(&back, sorted, BOOK, 1);

	/* Page sizes that divide the book exactly, and one row at a time. */
	struct rows exact = { 0 };
	walk(f, CREDO_CUSTOMER_BY_NAME, 0, NULL, 6, &exact);
	expect_same_order(&exact, sorted, BOOK, 0);
	struct rows single = { 0 };
	walk(f, CREDO_CUSTOMER_BY_NAME, 1, NULL, 1, &single);
	expect_same_order(&single, sorted, BOOK, 1);
}

/*
 * By overdue amount and utilisation, largest first and equal values newest
 * first, with many ties (the figures are set directly: this is about the
 * keyset, test_figures.sh about the figures themselves).
 */
static void paging_by_figures(void **state)
{
	struct fx *f = *state;
	raw_exec(f->path, "UPDATE customer_figures SET overdue = (customer_id * 7) % 5 * 1000,"
		 " util_bp = CASE customer_id % 9 WHEN 0 THEN 9223372036854775807 WHEN 1 THEN -9223372036854775807"
		 " ELSE (customer_id * 13) % 4 * 2500 - 2500 END");
	static const struct {
		credo_customer_sort sort;
		const char *order;
	} sorts[] = {
		{ CREDO_CUSTOMER_BY_OVERDUE, "overdue" },
		{ CREDO_CUSTOMER_BY_UTILISATION, "util_bp" },
	};
	act_as(f->db, "gm1");
	for (size_t s = 0; s < sizeof sorts / sizeof sorts[0]; s++) {
		struct known want[BOOK];
		for (int i = 0; i < BOOK; i++) {
			char sql[200];
			snprintf(sql, sizeof sql, "SELECT customer_id FROM customer_figures ORDER BY %s DESC,"
				 " customer_id DESC LIMIT 1 OFFSET %d", sorts[s].order, i);
			want[i].id = raw_int(f->path, sql);
			snprintf(want[i].name, sizeof want[i].name, "#%lld", (long long)want[i].id);
		}
		int sizes[] = { 7, 6, 1 };
		for (int z = 0; z < 3; z++) {
			struct rows fwd = { 0 }, back = { 0 };
			walk(f, sorts[s].sort, 0, NULL, sizes[z], &fwd);
			expect_same_order(&fwd, want, BOOK, 0);
			walk(f, sorts[s].sort, 1, NULL, sizes[z], &back);
			expect_same_order(&back, want, BOOK, 1);
		}
		/* The rows carry the figures they were sorted by. */
		struct rows one = { 0 };
		credo_customer_query q = { .sort = sorts[s].sort, .limit = 1 };
		expect_ok(f->db, credo_customer_page(f->db, &q, collect, &one));
		assert_int_equal(one.n, 1);
		if (sorts[s].sort == CREDO_CUSTOMER_BY_OVERDUE)
			assert_int_equal(one.r[0].overdue, 4000);
		else
			assert_true(one.r[0].utilisation_bp == CREDO_UTILISATION_NO_LIMIT);
	}
}

static void paging_by_code(void **state)
{
	struct fx *f = *state;
	struct known sorted[BOOK];
	memcpy(sorted, book, sizeof sorted);
	qsort(sorted, BOOK, sizeof sorted[0], by_code_then_id);
	act_as(f->db, "credit1");
	struct rows fwd = { 0 }, back = { 0 };
	walk(f, CREDO_CUSTOMER_BY_CODE, 0, NULL, 7, &fwd);
	expect_same_order(&fwd, sorted, BOOK, 0);
	walk(f, CREDO_CUSTOMER_BY_CODE, 1, NULL, 7, &back);
	expect_same_order(&back, sorted, BOOK, 1);
}

/* Page down twice, then page up from the top of the third page: the second page again. */
static void page_up_from_the_middle(void **state)
{
	struct fx *f = *state;
	struct known sorted[BOOK];
	memcpy(sorted, book, sizeof sorted);
	qsort(sorted, BOOK, sizeof sorted[0], by_name_then_id);
	act_as(f->db, "mgr");

	credo_customer_query q = { .sort = CREDO_CUSTOMER_BY_NAME, .limit = 7 };
	struct rows p1 = { 0 }, p2 = { 0 }, p3 = { 0 }, up = { 0 };
	expect_ok(f->db, credo_customer_page(f->db, &q, collect, &p1));
	credo_customer last1 = { .id = p1.r[6].id, .name = p1.r[6].name, .code = p1.r[6].code };
	credo_customer_key_of(&last1, q.sort, &q.after);
	expect_ok(f->db, credo_customer_page(f->db, &q, collect, &p2));
	credo_customer last2 = { .id = p2.r[6].id, .name = p2.r[6].name, .code = p2.r[6].code };
	credo_customer_key_of(&last2, q.sort, &q.after);
	expect_ok(f->db, credo_customer_page(f->db, &q, collect, &p3));
	assert_int_equal(p3.n, 7);

	credo_customer top3 = { .id = p3.r[0].id, .name = p3.r[0].name, .code = p3.r[0].code };
	credo_customer_key_of(&top3, q.sort, &q.after);
	q.backward = 1;
	expect_ok(f->db, credo_customer_page(f->db, &q, collect, &up));
	assert_int_equal(up.n, 7);
	for (int i = 0; i < 7; i++) {
		assert_int_equal(up.r[i].id, p2.r[6 - i].id);	/* nearest first */
		assert_int_equal(p2.r[i].id, sorted[7 + i].id);
	}
}

static void salesperson_pages_only_its_own(void **state)
{
	struct fx *f = *state;
	struct known own[BOOK];
	int n = 0;
	for (int i = 0; i < BOOK; i++)
		if (i % 3)
			own[n++] = book[i];
	qsort(own, (size_t)n, sizeof own[0], by_name_then_id);
	act_as(f->db, "sales1");
	struct rows fwd = { 0 }, back = { 0 };
	walk(f, CREDO_CUSTOMER_BY_NAME, 0, NULL, 7, &fwd);
	expect_same_order(&fwd, own, n, 0);
	walk(f, CREDO_CUSTOMER_BY_NAME, 1, NULL, 5, &back);
	expect_same_order(&back, own, n, 1);
}

/* ASCII letters match regardless of case, like SQLite's LIKE; everything else byte for byte. */
static int contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = hay; *p; p++)
		if (strncasecmp(p, needle, n) == 0)
			return 1;
	return n == 0;
}

/* A phone as digits only: "021-5555 0101" is found by 02155550101 too. */
static void digits_only(const char *phone, char *out, size_t len)
{
	size_t o = 0;
	for (const char *p = phone; *p && o + 1 < len; p++)
		if (*p != '-' && *p != ' ' && *p != '+')
			out[o++] = *p;
	out[o] = '\0';
}

/* Search the whole book as an actor who sees every customer. */
static void expect_search(struct fx *f, const char *search, int at_least)
{
	struct known want[BOOK];
	int n = 0;
	for (int i = 0; i < BOOK; i++) {
		char digits[32];
		digits_only(book[i].phone, digits, sizeof digits);
		if (contains(book[i].name, search) || contains(book[i].phone, search) ||
		    contains(digits, search) || contains(book[i].code, search))
			want[n++] = book[i];
	}
	if (n < at_least)
		fail_msg("test data: only %d rows contain \"%s\"", n, search);
	qsort(want, (size_t)n, sizeof want[0], by_name_then_id);

	int64_t count = -1;
	expect_ok(f->db, credo_customer_count(f->db, search, &count));
	if (count != n)
		fail_msg("search \"%s\": count %lld, expected %d", search, (long long)count, n);
	/*
	 * Every way the search finds its rows gives the same pages: walking the
	 * list, then (after one row walked) the index's candidates sorted, or
	 * probed along the list.
	 */
	static const struct {
		int walk_rows, sort_max;
	} paths[] = { { 0, 1000 }, { 1, 1000 }, { 1, 0 } };
	for (size_t p = 0; p < sizeof paths / sizeof paths[0]; p++) {
		credo__search_walk_rows = paths[p].walk_rows;
		credo__search_sort_max = paths[p].sort_max;
		struct rows got = { 0 };
		walk(f, CREDO_CUSTOMER_BY_NAME, 0, search, 4, &got);
		expect_same_order(&got, want, n, 0);
		struct rows back = { 0 };
		walk(f, CREDO_CUSTOMER_BY_NAME, 1, search, 4, &back);
		expect_same_order(&back, want, n, 1);
	}
	credo__search_walk_rows = 0;
	credo__search_sort_max = 1000;
}

static void search_by_substring(void **state)
{
	struct fx *f = *state;
	act_as(f->db, "fin1");
	expect_search(f, "华达机电", 2);	/* Chinese inside a name */
	expect_search(f, "深圳华", 2);
	expect_search(f, "同名公司", 5);
	expect_search(f, "0755", 3);	/* phone digits */
	expect_search(f, "-6600", 2);
	expect_search(f, "075566", 2);	/* across the phone's separator */
	expect_search(f, "C00001", 10);	/* code */
	expect_search(f, "north", 3);	/* ASCII case does not matter */
	expect_search(f, "有限公司 1", 1);
	expect_search(f, "不存在的名字", 0);
	struct rows none = { 0 };
	walk(f, CREDO_CUSTOMER_BY_NAME, 0, "zzzzzz", 7, &none);
	assert_int_equal(none.n, 0);
	/* "" means no search at all. */
	int64_t count = -1;
	expect_ok(f->db, credo_customer_count(f->db, "", &count));
	assert_int_equal(count, BOOK);
}

/*
 * Chinese names are short: people search by a two-character brand (华达) or
 * city (深圳), even by one character. Those must be found like longer text.
 */
static void search_by_one_or_two_chinese_characters(void **state)
{
	struct fx *f = *state;
	act_as(f->db, "fin1");
	expect_search(f, "华达", 3);
	expect_search(f, "深圳", 3);
	expect_search(f, "同名", 5);
	expect_search(f, "鑫", 3);
}

/*
 * Phone numbers are typed as digits: the customer's own phone and every
 * contact's phone are found by their digits whatever the punctuation, by
 * the search as you type and by the list's filter, whichever way the
 * search takes (walking the list or the index).
 */
static void search_phone_digits(void **state)
{
	struct fx *f = *state;
	act_as(f->db, "sales1");
	credo_customer_new c = { .name = "宏远贸易有限公司", .phone = "021-5555 1234" };
	int64_t own = 0, by_contact = 0;
	expect_ok(f->db, credo_customer_add(f->db, &c, &own));
	by_contact = add(f, "Eastwind Trading Ltd.", NULL);
	add(f, "无关公司", NULL);
	credo_contact k = { .customer_id = by_contact, .name = "Li Wei", .phone = "+86 139-0021-7788" };
	expect_ok(f->db, credo_contact_add(f->db, &k, NULL));

	static const struct {
		const char *text;
		int own, contact;
	} cases[] = {
		{ "02155551", 1, 0 }, { "5555 1234", 1, 0 }, { "55551234", 1, 0 }, { "021-5555", 1, 0 },
		{ "13900217788", 0, 1 }, { "8613900217788", 0, 1 }, { "0021", 0, 1 }, { "7788", 0, 1 },
		{ "021", 1, 1 }, { "02", 1, 1 }, { "9", 0, 1 }, { "021555512345", 0, 0 },
	};
	static const int walk_rows[] = { 0, 1 };
	for (size_t w = 0; w < 2; w++) {
		credo__search_walk_rows = walk_rows[w];
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			struct rows typed = { 0 }, listed = { 0 };
			expect_ok(f->db, credo_customer_search(f->db, cases[i].text, 20, collect, &typed));
			credo_customer_query q = { .search = cases[i].text, .sort = CREDO_CUSTOMER_BY_CODE, .limit = 20 };
			expect_ok(f->db, credo_customer_page(f->db, &q, collect, &listed));
			const struct rows *both[] = { &typed, &listed };
			for (int b = 0; b < 2; b++) {
				int saw_own = 0, saw_contact = 0;
				for (int r = 0; r < both[b]->n; r++) {
					saw_own |= both[b]->r[r].id == own;
					saw_contact |= both[b]->r[r].id == by_contact;
				}
				if (both[b]->n != cases[i].own + cases[i].contact || saw_own != cases[i].own ||
				    saw_contact != cases[i].contact)
					fail_msg("%s \"%s\" (walk %d): %d rows, customer's phone %s, contact's phone %s",
						 b ? "list filter" : "search", cases[i].text, walk_rows[w], both[b]->n,
						 saw_own ? "found" : "not found", saw_contact ? "found" : "not found");
			}
		}
	}
	credo__search_walk_rows = 0;
}

/* One or two characters nobody has: nothing, whichever way; the exact code still ranks first. */
static void search_ranks_and_short_misses(void **state)
{
	struct fx *f = *state;
	act_as(f->db, "mgr");
	int64_t first = add(f, "鑫源控股", "sales1");
	static const int walk_rows[] = { 0, 1 };
	for (size_t w = 0; w < 2; w++) {
		credo__search_walk_rows = walk_rows[w];
		static const char *const none[] = { "zq", "Q", "鑫鑫", "#" };
		for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
			struct rows rs = { 0 };
			expect_ok(f->db, credo_customer_search(f->db, none[i], 20, collect, &rs));
			if (rs.n)
				fail_msg("\"%s\" found \"%s\"", none[i], rs.r[0].name);
		}
		/* A code: that customer first, then the other codes containing it by name. */
		struct rows rs = { 0 };
		expect_ok(f->db, credo_customer_search(f->db, book[1].code, 20, collect, &rs));
		assert_true(rs.n >= 1);
		assert_int_equal(rs.r[0].id, book[1].id);
		for (int i = 2; i < rs.n; i++)
			assert_true(strcmp(rs.r[i - 1].name, rs.r[i].name) <= 0);
		/* Names starting with the text before the other matches (the book's are "上海鑫源..."). */
		struct rows sh = { 0 };
		expect_ok(f->db, credo_customer_search(f->db, "鑫源", 20, collect, &sh));
		assert_true(sh.n > 1);
		assert_int_equal(sh.r[0].id, first);
		for (int i = 1; i < sh.n; i++)
			assert_true(strstr(sh.r[i].name, "鑫源") > sh.r[i].name);
	}
	credo__search_walk_rows = 0;
}

static void search_wildcards_are_literal(void **state)
{
	struct fx *f = *state;
	act_as(f->db, "sales1");
	static const char *const names[] = {
		"100% 纯棉织造", "100 percent cotton", "A_B 贸易", "AxB 贸易", "Back\\slash Ltd.", "Backslash Ltd.",
	};
	int64_t ids[6];
	for (int i = 0; i < 6; i++)
		ids[i] = add(f, names[i], NULL);
	static const struct {
		const char *search;
		int only;	/* index of the one row that must match */
	} cases[] = {
		{ "%", 0 }, { "100%", 0 }, { "0% ", 0 }, { "_", 2 }, { "A_B", 2 }, { "\\", 4 }, { "k\\s", 4 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		credo_customer_query q = { .search = cases[i].search, .sort = CREDO_CUSTOMER_BY_NAME, .limit = 100 };
		struct rows rs = { 0 };
		expect_ok(f->db, credo_customer_page(f->db, &q, collect, &rs));
		if (rs.n != 1 || rs.r[0].id != ids[cases[i].only])
			fail_msg("search \"%s\" found %d rows (first \"%s\"), expected only \"%s\"", cases[i].search,
				 rs.n, rs.n ? rs.r[0].name : "", names[cases[i].only]);
		int64_t count = -1;
		expect_ok(f->db, credo_customer_count(f->db, cases[i].search, &count));
		assert_int_equal(count, 1);
	}
}

static void page_arguments(void **state)
{
	struct fx *f = *state;
	struct rows rs = { 0 };
	credo_customer_query q = { .sort = CREDO_CUSTOMER_BY_NAME, .limit = 0 };
	assert_int_equal(credo_customer_page(f->db, &q, collect, &rs), CREDO_INVALID);
	q.limit = 1001;
	assert_int_equal(credo_customer_page(f->db, &q, collect, &rs), CREDO_INVALID);
	q.limit = 10;
	q.sort = (credo_customer_sort)7;
	assert_int_equal(credo_customer_page(f->db, &q, collect, &rs), CREDO_INVALID);
	assert_int_equal(rs.n, 0);

	/* Nobody logged in: nothing at all. */
	credo_db *db = NULL;
	expect_ok(db, credo_open(f->path, 0, &db));
	q.sort = CREDO_CUSTOMER_BY_NAME;
	int64_t count = -1;
	assert_int_equal(credo_customer_page(db, &q, collect, &rs), CREDO_NOUSER);
	assert_int_equal(credo_customer_count(db, NULL, &count), CREDO_NOUSER);
	assert_int_equal(credo_customer_get(db, 1, collect, &rs), CREDO_NOUSER);
	credo_close(db);
}

/* ---- contacts --------------------------------------------------------- */

struct contacts {
	int n;
	char name[8][64], role[8][32], phone[8][32];
	int64_t customer[8];
};

static int collect_contact(const credo_contact *c, void *ctx)
{
	struct contacts *cs = ctx;
	assert_true(cs->n < 8);
	snprintf(cs->name[cs->n], sizeof cs->name[0], "%s", c->name);
	snprintf(cs->role[cs->n], sizeof cs->role[0], "%s", c->role);
	snprintf(cs->phone[cs->n], sizeof cs->phone[0], "%s", c->phone);
	cs->customer[cs->n] = c->customer_id;
	cs->n++;
	return 0;
}

static int64_t contacts_count(struct fx *f)
{
	return raw_int(f->path, "SELECT count(*) FROM contacts");
}

static void contacts_within_scope(void **state)
{
	struct fx *f = *state;
	act_as(f->db, "sales1");
	int64_t mine = add(f, "自己的客户", NULL);
	act_as(f->db, "sales2");
	int64_t theirs = add(f, "别人的客户", NULL);

	act_as(f->db, "sales1");
	int64_t audits = audit_count(f->db);
	credo_contact c = { .customer_id = mine, .name = "王经理", .title = "采购经理", .phone = "13800000001",
			    .role = "purchasing" };
	int64_t cid = 0;
	expect_ok(f->db, credo_contact_add(f->db, &c, &cid));
	assert_true(cid > 0);
	assert_int_equal(audit_count(f->db), audits + 1);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM audit_log WHERE entity = 'contacts'"), 1);
	credo_contact d = { .customer_id = mine, .name = "李总", .role = "decision_maker" };
	expect_ok(f->db, credo_contact_add(f->db, &d, NULL));
	credo_contact e = { .customer_id = mine, .name = "Amy" };	/* role defaults to other */
	expect_ok(f->db, credo_contact_add(f->db, &e, NULL));

	struct contacts cs = { 0 };
	expect_ok(f->db, credo_contact_list(f->db, mine, collect_contact, &cs));
	assert_int_equal(cs.n, 3);
	/* By name (bytes): "Amy" < "李总" < "王经理". */
	assert_string_equal(cs.name[0], "Amy");
	assert_string_equal(cs.role[0], "other");
	assert_string_equal(cs.name[1], "李总");
	assert_string_equal(cs.role[1], "decision_maker");
	assert_string_equal(cs.name[2], "王经理");
	assert_string_equal(cs.phone[2], "13800000001");
	for (int i = 0; i < cs.n; i++)
		assert_int_equal(cs.customer[i], mine);
	/* The customer is found by its contacts' names and phones too. */
	int64_t found = -1;
	expect_ok(f->db, credo_customer_count(f->db, "王经理", &found));
	assert_int_equal(found, 1);
	expect_ok(f->db, credo_customer_count(f->db, "13800000001", &found));
	assert_int_equal(found, 1);

	/* Bad input: nothing written. */
	int64_t n = contacts_count(f);
	audits = audit_count(f->db);
	credo_contact bad = { .customer_id = mine, .name = "张三", .role = "boss" };
	assert_int_equal(credo_contact_add(f->db, &bad, NULL), CREDO_INVALID);
	assert_non_null(strstr(credo_errmsg(f->db), "role"));
	bad.role = NULL;
	bad.name = "";
	assert_int_equal(credo_contact_add(f->db, &bad, NULL), CREDO_INVALID);
	assert_non_null(strstr(credo_errmsg(f->db), "name"));
	bad.name = "Esc\x1b]0;pwned\a";
	assert_int_equal(credo_contact_add(f->db, &bad, NULL), CREDO_INVALID);

	/* Another salesperson's customer looks missing, for adding and listing alike. */
	credo_contact other = { .customer_id = theirs, .name = "偷看" };
	assert_int_equal(credo_contact_add(f->db, &other, NULL), CREDO_NOTFOUND);
	other.customer_id = 999999;
	assert_int_equal(credo_contact_add(f->db, &other, NULL), CREDO_NOTFOUND);
	struct contacts none = { 0 };
	assert_int_equal(credo_contact_list(f->db, theirs, collect_contact, &none), CREDO_NOTFOUND);
	assert_int_equal(none.n, 0);
	assert_int_equal(contacts_count(f), n);
	assert_int_equal(audit_count(f->db), audits);

	/* The manager sees and serves both; finance reads but does not edit. */
	act_as(f->db, "mgr");
	credo_contact m = { .customer_id = theirs, .name = "赵会计", .role = "finance" };
	expect_ok(f->db, credo_contact_add(f->db, &m, NULL));
	struct contacts both = { 0 };
	expect_ok(f->db, credo_contact_list(f->db, mine, collect_contact, &both));
	expect_ok(f->db, credo_contact_list(f->db, theirs, collect_contact, &both));
	assert_int_equal(both.n, 4);
	act_as(f->db, "fin1");
	struct contacts fin = { 0 };
	expect_ok(f->db, credo_contact_list(f->db, theirs, collect_contact, &fin));
	assert_int_equal(fin.n, 1);
	m.name = "财务加的";
	assert_int_equal(credo_contact_add(f->db, &m, NULL), CREDO_PERM);
	assert_int_equal(contacts_count(f), n + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(generated_and_explicit_codes, setup_staff, fx_teardown),
		cmocka_unit_test_setup_teardown(code_pattern_follows_the_setting, setup_staff, fx_teardown),
		cmocka_unit_test_setup_teardown(two_handles_share_one_sequence, setup_staff, fx_teardown),
		cmocka_unit_test_setup_teardown(fields_are_stored, setup_staff, fx_teardown),
		cmocka_unit_test_setup_teardown(one_audit_row_per_add, setup_staff, fx_teardown),
		cmocka_unit_test_setup_teardown(invalid_input_names_the_field, setup_staff, fx_teardown),
		cmocka_unit_test_setup_teardown(since_with_blanks_is_normalised, setup_staff, fx_teardown),
		cmocka_unit_test_setup_teardown(who_may_add_for_whom, setup_staff, fx_teardown),
		cmocka_unit_test_setup_teardown(data_scope, setup_staff, fx_teardown),
		cmocka_unit_test_setup_teardown(paging_by_name_visits_every_row_once, setup_book, fx_teardown),
		cmocka_unit_test_setup_teardown(paging_by_code, setup_book, fx_teardown),
		cmocka_unit_test_setup_teardown(paging_by_figures, setup_book, fx_teardown),
		cmocka_unit_test_setup_teardown(page_up_from_the_middle, setup_book, fx_teardown),
		cmocka_unit_test_setup_teardown(salesperson_pages_only_its_own, setup_book, fx_teardown),
		cmocka_unit_test_setup_teardown(search_by_substring, setup_book, fx_teardown),
		cmocka_unit_test_setup_teardown(search_by_one_or_two_chinese_characters, setup_book, fx_teardown),
		cmocka_unit_test_setup_teardown(search_phone_digits, setup_staff, fx_teardown),
		cmocka_unit_test_setup_teardown(search_ranks_and_short_misses, setup_book, fx_teardown),
		cmocka_unit_test_setup_teardown(search_wildcards_are_literal, setup_staff, fx_teardown),
		cmocka_unit_test_setup_teardown(page_arguments, setup_staff, fx_teardown),
		cmocka_unit_test_setup_teardown(contacts_within_scope, setup_staff, fx_teardown),
	};
	return cmocka_run_group_tests_name("customer", tests, NULL, NULL);
}
