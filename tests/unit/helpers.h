/*
 * helpers.h - shared fixtures for the unit tests: a private temporary
 * directory per test, a fresh database with its first admin, and a raw
 * SQLite connection for looking at the file the way `sqlite3 FILE` would.
 *
 * Everything here is static inline so each test binary takes only what it
 * uses. Include after <cmocka.h>'s prerequisites (this header includes them).
 */
#ifndef CREDO_TEST_HELPERS_H
#define CREDO_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "credo/credo.h"

#define ADMIN "admin"

/* A test's world: its own directory, one database file in it, one handle. */
struct fx {
	char dir[256];
	char path[320];
	credo_db *db;
};

/* Make a fresh private directory under $TMPDIR (or /tmp) into dir. */
static inline void tmpdir_make(char *dir, size_t len)
{
	const char *base = getenv("TMPDIR");
	if (!base || !*base)
		base = "/tmp";
	snprintf(dir, len, "%s/credo-unit-XXXXXX", base);
	assert_non_null(mkdtemp(dir));
}

/* Remove every file in dir (database, -wal, -shm, junk) and dir itself. */
static inline void tmpdir_remove(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char p[600];
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

/* dir/name into out. */
static inline void tmpdir_file(char *out, size_t len, const char *dir, const char *name)
{
	int n = snprintf(out, len, "%s/%s", dir, name);
	assert_true(n > 0 && (size_t)n < len);
}

/* Allocate a fixture with a directory and a path, but no database yet. */
static inline struct fx *fx_new(void)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	tmpdir_make(f->dir, sizeof f->dir);
	tmpdir_file(f->path, sizeof f->path, f->dir, "credo.db");
	return f;
}

static inline void fx_free(struct fx *f)
{
	if (!f)
		return;
	credo_close(f->db);
	tmpdir_remove(f->dir);
	free(f);
}

/* Open (creating) path and fail the test with credo's message if that fails. */
static inline credo_db *db_create(const char *path)
{
	credo_db *db = NULL;
	credo_status st = credo_open(path, CREDO_OPEN_CREATE, &db);
	if (st != CREDO_OK)
		fail_msg("credo_open(%s): %s: %s", path, credo_status_name(st), credo_errmsg(db));
	return db;
}

/* Fail the test naming the status and the handle's message unless st is want. */
#define expect_status(db, st, want) do { \
	credo_status st_ = (st); \
	if (st_ != (want)) \
		fail_msg("%s returned %s, expected %s (%s)", #st, credo_status_name(st_), \
			 credo_status_name(want), credo_errmsg(db)); \
} while (0)

#define expect_ok(db, st) expect_status(db, st, CREDO_OK)

/* cmocka setup: a new database whose first admin is ADMIN and is acting. */
static inline int fx_setup_admin(void **state)
{
	struct fx *f = fx_new();
	f->db = db_create(f->path);
	expect_ok(f->db, credo_init_admin(f->db, ADMIN, "The Admin"));
	*state = f;
	return 0;
}

/* cmocka setup: a new empty database, nobody logged in. */
static inline int fx_setup_empty(void **state)
{
	struct fx *f = fx_new();
	f->db = db_create(f->path);
	*state = f;
	return 0;
}

/* cmocka setup: only a directory and a path. */
static inline int fx_setup_dir(void **state)
{
	*state = fx_new();
	return 0;
}

static inline int fx_teardown(void **state)
{
	fx_free(*state);
	return 0;
}

/* A separate raw connection to the file, as `sqlite3 FILE` would open it. */
static inline sqlite3 *raw_open(const char *path)
{
	sqlite3 *s = NULL;
	if (sqlite3_open_v2(path, &s, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		fail_msg("raw open %s: %s", path, s ? sqlite3_errmsg(s) : "out of memory");
	sqlite3_busy_timeout(s, 5000);
	return s;
}

/* First column of the first row of a constant query on a raw connection. */
static inline int64_t raw_int(const char *path, const char *sql)
{
	sqlite3 *s = raw_open(path);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("prepare %s: %s", sql, sqlite3_errmsg(s));
	int64_t v = -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(s);
	return v;
}

/* First column of the first row as text into buf ("" when no row). */
static inline void raw_text(const char *path, const char *sql, char *buf, size_t len)
{
	sqlite3 *s = raw_open(path);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("prepare %s: %s", sql, sqlite3_errmsg(s));
	buf[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, len, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(s);
}

/* Run constant SQL on a raw connection (tampering behind credo's back). */
static inline void raw_exec(const char *path, const char *sql)
{
	sqlite3 *s = raw_open(path);
	char *err = NULL;
	if (sqlite3_exec(s, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("raw exec %s: %s", sql, err ? err : "?");
	sqlite3_close(s);
}

/* Rows in the audit log / a table, as seen from outside the handle. */
static inline int64_t audit_count(credo_db *db)
{
	return raw_int(credo_db_path(db), "SELECT count(*) FROM audit_log WHERE action <> 'denied'");
}

/* Act as login (the admin ADMIN behind it, like `--as login`). */
static inline void act_as(credo_db *db, const char *login)
{
	expect_ok(db, credo_login(db, ADMIN, login));
}

/* As ADMIN, add a user; leaves ADMIN acting. */
static inline void add_user(credo_db *db, const char *login, credo_role role)
{
	expect_ok(db, credo_login(db, ADMIN, NULL));
	expect_ok(db, credo_user_add(db, login, role, NULL, NULL));
}

#endif
