/* test_audit.c - the hash-chained audit log and `credo check`. */
#include "helpers.h"

#include "internal.h"	/* credo__sha256_hex */

/* A small history: users, a role change, customers. At least 7 audit rows. */
static int setup_history(void **state)
{
	fx_setup_admin(state);
	struct fx *f = *state;
	add_user(f->db, "sales1", CREDO_ROLE_SALES);
	add_user(f->db, "sales2", CREDO_ROLE_SALES);
	add_user(f->db, "credit1", CREDO_ROLE_FINANCE);
	expect_ok(f->db, credo_user_set_role(f->db, "credit1", CREDO_ROLE_CREDIT));
	act_as(f->db, "sales1");
	credo_customer_new c = { .name = "上海恒信机电有限公司", .phone = "021-5555-0101" };
	expect_ok(f->db, credo_customer_add(f->db, &c, NULL));
	c.name = "Northwind Trading Ltd.";
	expect_ok(f->db, credo_customer_add(f->db, &c, NULL));
	expect_ok(f->db, credo_login(f->db, ADMIN, NULL));
	assert_true(audit_count(f->db) >= 7);
	return 0;
}

static int64_t nth_audit_id(struct fx *f, int n)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET %d", n);
	int64_t id = raw_int(f->path, sql);
	assert_true(id > 0);
	return id;
}

static void expect_check_ok(struct fx *f)
{
	credo_check_report rep;
	memset(&rep, 0x55, sizeof rep);
	credo_status st = credo_check(f->db, &rep);
	if (st != CREDO_OK)
		fail_msg("credo_check: %s: %s", credo_status_name(st), credo_errmsg(f->db));
	assert_true(rep.integrity_ok);
	assert_true(rep.foreign_keys_ok);
	assert_true(rep.chain_ok);
	assert_int_equal(rep.audit_rows, raw_int(f->path, "SELECT count(*) FROM audit_log"));
	assert_int_equal(rep.first_bad_row, 0);
	assert_string_equal(rep.detail, "");
}

/* Check must fail on the chain at row bad, and say so in the report and the message. */
static void expect_chain_broken_at(struct fx *f, int64_t bad)
{
	credo_check_report rep;
	credo_status st = credo_check(f->db, &rep);
	assert_int_equal(st, CREDO_CORRUPT);
	assert_true(rep.integrity_ok);
	assert_false(rep.chain_ok);
	if (rep.first_bad_row != bad)
		fail_msg("first bad row %lld, expected %lld (%s)", (long long)rep.first_bad_row,
			 (long long)bad, rep.detail);
	char name[48];
	snprintf(name, sizeof name, "audit row %lld ", (long long)bad);
	if (!strstr(rep.detail, name))
		fail_msg("detail \"%s\" does not name %s", rep.detail, name);
	assert_non_null(strstr(credo_errmsg(f->db), name));
	assert_int_equal(credo_status_kind_of(st), CREDO_KIND_DB);
}

static void fresh_file_checks_ok(void **state)
{
	struct fx *f = *state;
	expect_check_ok(f);
	assert_int_equal(audit_count(f->db), 1);
}

static void busy_file_checks_ok(void **state)
{
	struct fx *f = *state;
	expect_check_ok(f);
	assert_int_equal(audit_count(f->db), raw_int(f->path, "SELECT max(id) FROM audit_log"));
}

static void chain_links_every_row(void **state)
{
	struct fx *f = *state;
	/* The first row follows the all-zero genesis hash; every later row the row before it. */
	char first_prev[80];
	raw_text(f->path, "SELECT prev_hash FROM audit_log ORDER BY id LIMIT 1", first_prev, sizeof first_prev);
	assert_string_equal(first_prev, "0000000000000000000000000000000000000000000000000000000000000000");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM audit_log a JOIN audit_log b ON b.id ="
				 " (SELECT min(id) FROM audit_log WHERE id > a.id) WHERE b.prev_hash <> a.hash"), 0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM audit_log WHERE length(hash) <> 64"
				 " OR hash GLOB '*[^0-9a-f]*'"), 0);
	assert_int_equal(raw_int(f->path, "SELECT count(DISTINCT hash) FROM audit_log"), audit_count(f->db));
}

/* Editing any field of a middle row is caught at that row; undoing the edit heals it. */
static void edit_of_a_middle_row_is_named(void **state)
{
	struct fx *f = *state;
	int64_t mid = nth_audit_id(f, 3);
	/* Each edit really changes one field of the row (checked against a copy). */
	static const char *const edits[] = {
		"UPDATE audit_log SET after = replace(after, '\"finance\"', '\"gm\"')",
		"UPDATE audit_log SET before = '{}'",
		"UPDATE audit_log SET actor = 'sales1'",
		"UPDATE audit_log SET via = 'sales2'",
		"UPDATE audit_log SET at = '2020-01-01T00:00:00Z'",
		"UPDATE audit_log SET entity_id = entity_id + 1",
		"UPDATE audit_log SET action = 'delete'",
		"UPDATE audit_log SET entity = 'customers'",
	};
	raw_exec(f->path, "CREATE TABLE keep AS SELECT * FROM audit_log");
	for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
		char sql[200];
		snprintf(sql, sizeof sql, "%s WHERE id = %lld", edits[i], (long long)mid);
		raw_exec(f->path, sql);
		assert_int_equal(raw_int(f->path, "SELECT count(*) FROM audit_log a JOIN keep k USING (id)"
					 " WHERE a.at IS NOT k.at OR a.actor IS NOT k.actor OR a.via IS NOT k.via"
					 " OR a.entity IS NOT k.entity OR a.entity_id IS NOT k.entity_id"
					 " OR a.action IS NOT k.action OR a.before IS NOT k.before"
					 " OR a.after IS NOT k.after"), 1);
		expect_chain_broken_at(f, mid);
		raw_exec(f->path, "DELETE FROM audit_log; INSERT INTO audit_log SELECT * FROM keep");
	}
	raw_exec(f->path, "DROP TABLE keep");
	expect_check_ok(f);
}

static void edit_of_first_and_last_rows_is_named(void **state)
{
	struct fx *f = *state;
	int64_t first = nth_audit_id(f, 0);
	int64_t last = raw_int(f->path, "SELECT max(id) FROM audit_log");
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE audit_log SET after = '{}' WHERE id = %lld", (long long)last);
	raw_exec(f->path, sql);
	expect_chain_broken_at(f, last);
	snprintf(sql, sizeof sql, "UPDATE audit_log SET actor = 'mallory' WHERE id = %lld", (long long)first);
	raw_exec(f->path, sql);
	expect_chain_broken_at(f, first);	/* the first bad row is reported */
}

static void deleted_middle_row_names_the_next(void **state)
{
	struct fx *f = *state;
	int64_t mid = nth_audit_id(f, 3);
	int64_t next = nth_audit_id(f, 4);
	char sql[96];
	snprintf(sql, sizeof sql, "DELETE FROM audit_log WHERE id = %lld", (long long)mid);
	raw_exec(f->path, sql);
	expect_chain_broken_at(f, next);
}

/*
 * Someone who knows the hash recipe edits a row and recomputes its own hash
 * (fields each followed by 0x1f, as audit.c documents): that row now verifies,
 * but the next row still points at the old hash.
 */
static void rehashed_edit_breaks_the_next_link(void **state)
{
	struct fx *f = *state;
	int64_t mid = nth_audit_id(f, 2);
	int64_t next = nth_audit_id(f, 3);
	sqlite3 *s = raw_open(f->path);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(s, "SELECT prev_hash, at, actor, via, entity, entity_id, action, before"
					    " FROM audit_log WHERE id = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, mid);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const char *forged_after = "{\"login\":\"mallory\",\"role\":\"admin\"}";
	char buf[4096];
	size_t n = 0;
	for (int i = 0; i < 8; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s\x1f", (const char *)sqlite3_column_text(st, i));
	n += (size_t)snprintf(buf + n, sizeof buf - n, "%s\x1f", forged_after);
	assert_true(n < sizeof buf);
	sqlite3_finalize(st);
	char hash[65];
	credo__sha256_hex(buf, n, hash);

	assert_int_equal(sqlite3_prepare_v2(s, "UPDATE audit_log SET after = ?1, hash = ?2 WHERE id = ?3",
					    -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, forged_after, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, mid);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(s);

	expect_chain_broken_at(f, next);
}

static void broken_foreign_key_is_reported(void **state)
{
	struct fx *f = *state;
	raw_exec(f->path, "PRAGMA foreign_keys = OFF; INSERT INTO contacts(customer_id, name) VALUES (424242, 'ghost')");
	credo_check_report rep;
	assert_int_equal(credo_check(f->db, &rep), CREDO_CORRUPT);
	assert_false(rep.foreign_keys_ok);
	assert_true(rep.chain_ok);
	assert_true(rep.integrity_ok);
	assert_int_equal(rep.first_bad_row, 0);
	assert_non_null(strstr(rep.detail, "contacts"));
}

static void failed_mutation_writes_no_audit_row(void **state)
{
	struct fx *f = *state;
	int64_t before = audit_count(f->db);
	act_as(f->db, "sales1");
	credo_customer_new empty = { .name = "" };
	assert_int_equal(credo_customer_add(f->db, &empty, NULL), CREDO_INVALID);
	credo_customer_new for_other = { .name = "抢单公司", .owner_login = "sales2" };
	assert_int_equal(credo_customer_add(f->db, &for_other, NULL), CREDO_PERM);
	assert_int_equal(credo_user_add(f->db, "x", CREDO_ROLE_SALES, NULL, NULL), CREDO_PERM);
	expect_ok(f->db, credo_login(f->db, ADMIN, NULL));
	assert_int_equal(credo_user_add(f->db, "sales1", CREDO_ROLE_SALES, NULL, NULL), CREDO_EXISTS);
	assert_int_equal(audit_count(f->db), before);
	expect_check_ok(f);
}

struct rows {
	int n;
	int64_t id[64];
	int64_t entity_id[64];
	char entity[64][24];
	char action[64][24];
	int stop_after;
};

static int collect(const credo_audit_row *r, void *ctx)
{
	struct rows *rs = ctx;
	assert_true(rs->n < 64);
	rs->id[rs->n] = r->id;
	rs->entity_id[rs->n] = r->entity_id;
	snprintf(rs->entity[rs->n], sizeof rs->entity[0], "%s", r->entity);
	snprintf(rs->action[rs->n], sizeof rs->action[0], "%s", r->action);
	assert_true(strlen(r->at) == 20 && r->at[19] == 'Z');
	assert_true(strlen(r->actor) > 0);
	rs->n++;
	return rs->stop_after && rs->n >= rs->stop_after;
}

static int64_t user_id(struct fx *f, const char *login)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT id FROM users WHERE login = '%s'", login);
	return raw_int(f->path, sql);
}

static void audit_list_newest_first_and_filtered(void **state)
{
	struct fx *f = *state;
	struct rows all = { 0 };
	expect_ok(f->db, credo_audit_list(f->db, NULL, 0, 0, collect, &all));
	assert_int_equal(all.n, audit_count(f->db));
	assert_int_equal(all.id[0], raw_int(f->path, "SELECT max(id) FROM audit_log"));
	for (int i = 1; i < all.n; i++)
		assert_true(all.id[i] < all.id[i - 1]);

	/* One record's history: credit1 was created, then its role changed. */
	int64_t credit1 = user_id(f, "credit1");
	struct rows one = { 0 };
	expect_ok(f->db, credo_audit_list(f->db, "users", credit1, 0, collect, &one));
	assert_int_equal(one.n, 2);
	assert_string_equal(one.action[0], "set_role");
	assert_string_equal(one.action[1], "create");
	for (int i = 0; i < one.n; i++) {
		assert_string_equal(one.entity[i], "users");
		assert_int_equal(one.entity_id[i], credit1);
	}

	/* One entity: only customers, newest first. */
	struct rows cust = { 0 };
	expect_ok(f->db, credo_audit_list(f->db, "customers", 0, 0, collect, &cust));
	assert_int_equal(cust.n, raw_int(f->path, "SELECT count(*) FROM audit_log WHERE entity = 'customers'"));
	assert_int_equal(cust.n, 2);
	assert_true(cust.entity_id[0] > cust.entity_id[1]);
	for (int i = 0; i < cust.n; i++)
		assert_string_equal(cust.entity[i], "customers");

	/* A limit, and a callback that stops. */
	struct rows two = { 0 };
	expect_ok(f->db, credo_audit_list(f->db, NULL, 0, 2, collect, &two));
	assert_int_equal(two.n, 2);
	assert_int_equal(two.id[0], all.id[0]);
	assert_int_equal(two.id[1], all.id[1]);
	struct rows stop = { .stop_after = 3 };
	assert_int_equal(credo_audit_list(f->db, NULL, 0, 0, collect, &stop), CREDO_STOP);
	assert_int_equal(stop.n, 3);

	/* Nothing for an entity with no history. */
	struct rows none = { 0 };
	expect_ok(f->db, credo_audit_list(f->db, "invoices", 0, 0, collect, &none));
	assert_int_equal(none.n, 0);
}

static void salesperson_cannot_read_the_log(void **state)
{
	struct fx *f = *state;
	act_as(f->db, "sales1");
	struct rows r = { 0 };
	assert_int_equal(credo_audit_list(f->db, NULL, 0, 0, collect, &r), CREDO_PERM);
	assert_int_equal(r.n, 0);
	credo_check_report rep;
	assert_int_equal(credo_check(f->db, &rep), CREDO_PERM);
}

static void sha256_test_vectors(void **state)
{
	(void)state;
	char out[65];
	memset(out, 'x', sizeof out);
	credo__sha256_hex("abc", 3, out);
	assert_string_equal(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	credo__sha256_hex("", 0, out);
	assert_string_equal(out, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	const char *two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	credo__sha256_hex(two_blocks, strlen(two_blocks), out);
	assert_string_equal(out, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(fresh_file_checks_ok, fx_setup_admin, fx_teardown),
		cmocka_unit_test_setup_teardown(busy_file_checks_ok, setup_history, fx_teardown),
		cmocka_unit_test_setup_teardown(chain_links_every_row, setup_history, fx_teardown),
		cmocka_unit_test_setup_teardown(edit_of_a_middle_row_is_named, setup_history, fx_teardown),
		cmocka_unit_test_setup_teardown(edit_of_first_and_last_rows_is_named, setup_history, fx_teardown),
		cmocka_unit_test_setup_teardown(deleted_middle_row_names_the_next, setup_history, fx_teardown),
		cmocka_unit_test_setup_teardown(rehashed_edit_breaks_the_next_link, setup_history, fx_teardown),
		cmocka_unit_test_setup_teardown(broken_foreign_key_is_reported, setup_history, fx_teardown),
		cmocka_unit_test_setup_teardown(failed_mutation_writes_no_audit_row, setup_history, fx_teardown),
		cmocka_unit_test_setup_teardown(audit_list_newest_first_and_filtered, setup_history, fx_teardown),
		cmocka_unit_test_setup_teardown(salesperson_cannot_read_the_log, setup_history, fx_teardown),
		cmocka_unit_test(sha256_test_vectors),
	};
	return cmocka_run_group_tests_name("audit", tests, NULL, NULL);
}
