/* test_db.c - opening, creating and refusing database files; the status list. */
#include "helpers.h"

#include <fcntl.h>
#include <sys/stat.h>

#include "internal.h"	/* the handle's own connection, for per-connection pragmas */

static int file_exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0;
}

/* One pragma's value on the handle's own connection (foreign_keys is per connection). */
static int64_t handle_pragma(credo_db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL), SQLITE_OK);
	int64_t v = -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void create_makes_a_current_wal_file(void **state)
{
	struct fx *f = *state;
	assert_false(file_exists(f->path));
	f->db = db_create(f->path);
	assert_true(file_exists(f->path));
	assert_string_equal(credo_db_path(f->db), f->path);
	assert_string_equal(credo_errmsg(f->db), "");

	assert_true(credo_schema_latest() >= 1);
	assert_int_equal(credo_schema_version(f->db), credo_schema_latest());
	/* As `sqlite3 FILE` sees it. */
	assert_int_equal(raw_int(f->path, "PRAGMA user_version"), credo_schema_latest());
	char mode[32];
	raw_text(f->path, "PRAGMA journal_mode", mode, sizeof mode);
	assert_string_equal(mode, "wal");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log'"), 1);
	char ok[32];
	raw_text(f->path, "PRAGMA integrity_check", ok, sizeof ok);
	assert_string_equal(ok, "ok");

	/* Foreign keys are enforced on the handle's connection. */
	assert_int_equal(handle_pragma(f->db, "PRAGMA foreign_keys"), 1);
	assert_true(handle_pragma(f->db, "PRAGMA busy_timeout") > 0);
	char *err = NULL;
	int rc = sqlite3_exec(f->db->sql, "INSERT INTO contacts(customer_id, name) VALUES (424242, 'ghost')",
			      NULL, NULL, &err);
	sqlite3_free(err);
	assert_int_not_equal(rc, SQLITE_OK);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM contacts"), 0);

	/* Nobody is acting yet. */
	assert_int_equal(credo_actor_id(f->db), -1);
	assert_string_equal(credo_actor_login(f->db), "");
	assert_null(credo_actor_via(f->db));
}

static void open_missing_without_create_fails(void **state)
{
	struct fx *f = *state;
	credo_db *db = NULL;
	credo_status st = credo_open(f->path, 0, &db);
	assert_int_not_equal(st, CREDO_OK);
	assert_int_not_equal(credo_status_kind_of(st), CREDO_KIND_OK);
	assert_non_null(db);	/* a handle even on failure, for the message */
	assert_true(strlen(credo_errmsg(db)) > 0);
	assert_non_null(strstr(credo_errmsg(db), f->path));
	credo_close(db);
	assert_false(file_exists(f->path));
}

static void open_empty_path_fails(void **state)
{
	(void)state;
	credo_db *db = NULL;
	assert_int_equal(credo_open("", CREDO_OPEN_CREATE, &db), CREDO_INVALID);
	assert_non_null(db);
	assert_true(strlen(credo_errmsg(db)) > 0);
	credo_close(db);
	credo_close(NULL);	/* a no-op */
}

static void newer_schema_is_refused(void **state)
{
	struct fx *f = *state;
	f->db = db_create(f->path);
	credo_close(f->db);
	f->db = NULL;

	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", credo_schema_latest() + 1);
	raw_exec(f->path, sql);

	for (int create = 0; create <= 1; create++) {
		credo_db *db = NULL;
		assert_int_equal(credo_open(f->path, create ? CREDO_OPEN_CREATE : 0, &db), CREDO_SCHEMA);
		assert_non_null(strstr(credo_errmsg(db), "newer"));
		assert_non_null(strstr(credo_errmsg(db), f->path));
		credo_close(db);
	}
	/* Refusing must not have touched the file. */
	assert_int_equal(raw_int(f->path, "PRAGMA user_version"), credo_schema_latest() + 1);
	assert_int_equal(credo_status_kind_of(CREDO_SCHEMA), CREDO_KIND_DB);
}

static void write_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
}

static void junk_file_is_refused(void **state)
{
	struct fx *f = *state;
	char junk[4096];
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = "This is a spreadsheet, not a database.\n"[i % 39];
	write_file(f->path, junk, sizeof junk);

	for (int create = 0; create <= 1; create++) {
		credo_db *db = NULL;
		credo_status st = credo_open(f->path, create ? CREDO_OPEN_CREATE : 0, &db);
		assert_int_not_equal(st, CREDO_OK);
		assert_int_equal(credo_status_kind_of(st), CREDO_KIND_DB);
		assert_non_null(strstr(credo_errmsg(db), "not a credo database"));
		credo_close(db);
	}
	/* The junk is still exactly as it was. */
	char back[sizeof junk];
	int fd = open(f->path, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(read(fd, back, sizeof back), (ssize_t)sizeof back);
	close(fd);
	assert_memory_equal(back, junk, sizeof junk);
}

static void foreign_sqlite_file_is_refused(void **state)
{
	struct fx *f = *state;
	sqlite3 *s = NULL;
	assert_int_equal(sqlite3_open(f->path, &s), SQLITE_OK);
	assert_int_equal(sqlite3_exec(s, "CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES ('dumplings');",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(s);

	credo_db *db = NULL;
	assert_int_equal(credo_open(f->path, 0, &db), CREDO_CORRUPT);
	assert_non_null(strstr(credo_errmsg(db), "not a credo database"));
	credo_close(db);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log'"), 0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM recipes"), 1);
}

static void nomigrate_refuses_an_older_schema(void **state)
{
	struct fx *f = *state;
	write_file(f->path, "", 0);	/* an empty file is schema 0 */
	credo_db *db = NULL;
	assert_int_equal(credo_open(f->path, CREDO_OPEN_NOMIGRATE, &db), CREDO_SCHEMA);
	assert_true(strlen(credo_errmsg(db)) > 0);
	credo_close(db);
	assert_int_equal(raw_int(f->path, "PRAGMA user_version"), 0);
}

static void reopen_keeps_data(void **state)
{
	struct fx *f = *state;
	f->db = db_create(f->path);
	expect_ok(f->db, credo_init_admin(f->db, ADMIN, NULL));
	expect_ok(f->db, credo_user_add(f->db, "sales1", CREDO_ROLE_SALES, "张伟", NULL));
	credo_close(f->db);
	f->db = NULL;

	for (int create = 0; create <= 1; create++) {
		credo_db *db = NULL;
		expect_ok(db, credo_open(f->path, create ? CREDO_OPEN_CREATE : 0, &db));
		assert_int_equal(credo_schema_version(db), credo_schema_latest());
		expect_ok(db, credo_login(db, ADMIN, "sales1"));
		assert_string_equal(credo_actor_name(db), "张伟");
		assert_int_equal(credo_actor_role(db), CREDO_ROLE_SALES);
		/* The first admin stays the only admin: reopening did not re-run init. */
		assert_int_equal(credo_init_admin(db, "other", NULL), CREDO_EXISTS);
		credo_close(db);
	}
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM users"), 2);
}

/* The exit-code table of DESIGN.md section 9, written out independently. */
static const struct {
	credo_status st;
	credo_status_kind kind;
	const char *name;
} design_kinds[] = {
	{ CREDO_OK, CREDO_KIND_OK, "OK" },
	{ CREDO_DONE, CREDO_KIND_OK, "DONE" },
	{ CREDO_STOP, CREDO_KIND_OK, "STOP" },
	{ CREDO_INVALID, CREDO_KIND_DATA, "INVALID" },
	{ CREDO_NOTFOUND, CREDO_KIND_DATA, "NOTFOUND" },
	{ CREDO_EXISTS, CREDO_KIND_DATA, "EXISTS" },
	{ CREDO_RULE, CREDO_KIND_DATA, "RULE" },
	{ CREDO_PERM, CREDO_KIND_PERM, "PERM" },
	{ CREDO_NOUSER, CREDO_KIND_PERM, "NOUSER" },
	{ CREDO_DB, CREDO_KIND_DB, "DB" },
	{ CREDO_BUSY, CREDO_KIND_DB, "BUSY" },
	{ CREDO_SCHEMA, CREDO_KIND_DB, "SCHEMA" },
	{ CREDO_CORRUPT, CREDO_KIND_DB, "CORRUPT" },
	{ CREDO_IO, CREDO_KIND_DB, "IO" },
	{ CREDO_NOMEM, CREDO_KIND_DB, "NOMEM" },
};

static void status_strings_and_kinds(void **state)
{
	(void)state;
	/* The exit codes themselves. */
	assert_int_equal(CREDO_KIND_OK, 0);
	assert_int_equal(CREDO_KIND_DATA, 2);
	assert_int_equal(CREDO_KIND_PERM, 3);
	assert_int_equal(CREDO_KIND_DB, 4);
	assert_int_equal(CREDO_OK, 0);

	/* Every code has a distinct non-empty message and name. */
	for (int i = 0; i < CREDO_STATUS_COUNT; i++) {
		const char *msg = credo_status_str((credo_status)i);
		const char *name = credo_status_name((credo_status)i);
		assert_non_null(msg);
		assert_non_null(name);
		assert_true(strlen(msg) > 0);
		assert_true(strlen(name) > 0);
		for (int j = 0; j < i; j++) {
			assert_string_not_equal(msg, credo_status_str((credo_status)j));
			assert_string_not_equal(name, credo_status_name((credo_status)j));
		}
		int kind = credo_status_kind_of((credo_status)i);
		assert_true(kind == 0 || kind == 2 || kind == 3 || kind == 4);
	}

	/* And each kind is what the design's exit-code table says. */
	size_t n = sizeof design_kinds / sizeof design_kinds[0];
	assert_int_equal(n, CREDO_STATUS_COUNT);
	for (size_t i = 0; i < n; i++) {
		if (credo_status_kind_of(design_kinds[i].st) != design_kinds[i].kind)
			fail_msg("%s has kind %d, expected %d", design_kinds[i].name,
				 credo_status_kind_of(design_kinds[i].st), design_kinds[i].kind);
		assert_string_equal(credo_status_name(design_kinds[i].st), design_kinds[i].name);
	}
}

static void status_out_of_range(void **state)
{
	(void)state;
	credo_status odd[] = { CREDO_STATUS_COUNT, (credo_status)(CREDO_STATUS_COUNT + 7), (credo_status)-1,
			       (credo_status)100000 };
	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
		assert_non_null(credo_status_str(odd[i]));
		assert_true(strlen(credo_status_str(odd[i])) > 0);
		assert_non_null(credo_status_name(odd[i]));
		assert_true(strlen(credo_status_name(odd[i])) > 0);
		/* An unknown failure must never look like success. */
		assert_int_not_equal(credo_status_kind_of(odd[i]), CREDO_KIND_OK);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(create_makes_a_current_wal_file, fx_setup_dir, fx_teardown),
		cmocka_unit_test_setup_teardown(open_missing_without_create_fails, fx_setup_dir, fx_teardown),
		cmocka_unit_test(open_empty_path_fails),
		cmocka_unit_test_setup_teardown(newer_schema_is_refused, fx_setup_dir, fx_teardown),
		cmocka_unit_test_setup_teardown(junk_file_is_refused, fx_setup_dir, fx_teardown),
		cmocka_unit_test_setup_teardown(foreign_sqlite_file_is_refused, fx_setup_dir, fx_teardown),
		cmocka_unit_test_setup_teardown(nomigrate_refuses_an_older_schema, fx_setup_dir, fx_teardown),
		cmocka_unit_test_setup_teardown(reopen_keeps_data, fx_setup_dir, fx_teardown),
		cmocka_unit_test(status_strings_and_kinds),
		cmocka_unit_test(status_out_of_range),
	};
	return cmocka_run_group_tests_name("db", tests, NULL, NULL);
}
