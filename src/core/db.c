/* db.c - the handle: open, migrate, errors, and the one mutation path. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"
#include "migrations.h"

/* Long enough for a colleague's write transaction, short enough to notice a stuck one. */
#define CREDO_BUSY_TIMEOUT_MS 10000

credo_status credo__fail(credo_db *db, credo_status st, const char *fmt, ...)
{
	if (!db)
		return st;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(db->err, sizeof db->err, _(fmt), ap);
	va_end(ap);
	if (st == CREDO_PERM && !db->denying) {
		if (db->mut_depth > 0)
			snprintf(db->denied, sizeof db->denied, "%s", db->err);
		else
			credo__audit_denied(db, db->err);
	}
	return st;
}

/* 1 if the file system holding path has no block left for us. */
static int disk_full(const char *path)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", path && *path ? path : ".");
	char *slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	struct statvfs fs;
	return statvfs(dir, &fs) == 0 && fs.f_bavail == 0;
}

credo_status credo__dberr(credo_db *db, const char *what)
{
	int rc = sqlite3_extended_errcode(db->sql);
	credo_status st = CREDO_DB;
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		/* Only after the busy timeout: say so, not SQLite's bare "database is locked". */
		return credo__fail(db, CREDO_BUSY, "%s: another program has kept %s locked for more than"
				   " %.1f s; try again when it has finished", what, db->path,
				   db->busy_ms / 1000.0);
	case SQLITE_NOMEM:
		st = CREDO_NOMEM;
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		st = CREDO_CORRUPT;
		break;
	case SQLITE_CONSTRAINT:
		st = rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY
			     ? CREDO_EXISTS : CREDO_INVALID;
		break;
	case SQLITE_IOERR:
	case SQLITE_FULL:
		/* "disk I/O error" alone does not tell a full disk apart: look. */
		if (disk_full(db->path))
			return credo__fail(db, CREDO_IO, "%s: the disk holding %s is full (%s); free some"
					   " space and try again", what, db->path, sqlite3_errmsg(db->sql));
		st = CREDO_IO;
		break;
	case SQLITE_CANTOPEN:
	case SQLITE_READONLY:
		st = CREDO_IO;
		break;
	}
	return credo__fail(db, st, "%s: %s", what, sqlite3_errmsg(db->sql));
}

credo_status credo__prepare(credo_db *db, const char *sql, sqlite3_stmt **out)
{
	if (sqlite3_prepare_v2(db->sql, sql, -1, out, NULL) != SQLITE_OK) {
		*out = NULL;
		return credo__dberr(db, "preparing a statement");
	}
	return CREDO_OK;
}

int credo__bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

const char *credo__col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

void credo__now(char buf[21])
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

const char *credo_errmsg(const credo_db *db)
{
	return db ? db->err : "out of memory";
}

const char *credo_db_path(const credo_db *db)
{
	return db && db->path ? db->path : "";
}

int credo_schema_latest(void)
{
	return credo_migrations[credo_migration_count - 1].version;
}

int credo_schema_version(credo_db *db)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

credo_status credo__exec(credo_db *db, const char *sql, const char *what)
{
	const char *next = sql;
	while (next && *next) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(db->sql, next, -1, &st, &next) != SQLITE_OK)
			return credo__dberr(db, what);
		if (!st)	/* trailing blanks or comments */
			break;
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			;
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return credo__dberr(db, what);
	}
	return CREDO_OK;
}

static credo_status set_user_version(credo_db *db, int v)
{
	/* PRAGMA takes no bound parameters; v is one of our own migration numbers. */
	char sql[48];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
	return credo__exec(db, sql, "recording the schema version");
}

static credo_status migrate(credo_db *db, unsigned flags)
{
	int have = credo_schema_version(db);
	int latest = credo_schema_latest();
	if (have < 0)
		return credo__dberr(db, "reading the schema version");
	if (have > latest)
		return credo__fail(db, CREDO_SCHEMA,
				   "%s was written by a newer credo (schema %d; this program knows up to %d): upgrade credo",
				   db->path, have, latest);
	if (have == latest)
		return CREDO_OK;
	if (flags & CREDO_OPEN_NOMIGRATE)
		return credo__fail(db, CREDO_SCHEMA, "%s has schema %d and needs upgrading to %d",
				   db->path, have, latest);
	credo_status st = credo__exec(db, "BEGIN IMMEDIATE", "starting the schema upgrade");
	if (st)
		return st;
	/* Re-read under the write lock: another process may have migrated meanwhile. */
	have = credo_schema_version(db);
	for (int i = 0; i < credo_migration_count && st == CREDO_OK; i++) {
		const struct credo_migration *m = &credo_migrations[i];
		if (m->version <= have)
			continue;
		char what[96];
		snprintf(what, sizeof what, "applying migration %s", m->name);
		st = credo__exec(db, m->sql, what);
		if (st == CREDO_OK)
			st = set_user_version(db, m->version);
	}
	/* The figures of existing customers, with the current code's definition, in the same transaction. */
	if (st == CREDO_OK && have < CREDO__FIGURES_SCHEMA)
		st = credo__figures_refresh(db, 0);
	if (st) {
		char keep[sizeof db->err];
		memcpy(keep, db->err, sizeof keep);
		credo__exec(db, "ROLLBACK", "rolling back the schema upgrade");
		memcpy(db->err, keep, sizeof keep);
		return st;
	}
	return credo__exec(db, "COMMIT", "finishing the schema upgrade");
}

credo_status credo_open(const char *path, unsigned flags, credo_db **out)
{
	*out = NULL;
	credo_db *db = calloc(1, sizeof *db);
	if (!db)
		return CREDO_NOMEM;
	*out = db;
	db->actor.id = -1;
	db->path = strdup(path ? path : "");
	if (!db->path)
		return CREDO_NOMEM;
	if (!path || !*path)
		return credo__fail(db, CREDO_INVALID, "no database path given");

	int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;
	if ((flags & CREDO_OPEN_CREATE) && path[0] != ':' && strncmp(path, "file:", 5) != 0) {
		/* Receivables are private: create the file ourselves with its mode, whatever the umask. */
		mode_t mode = flags & CREDO_OPEN_SHARED ? 0660 : 0600;
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
		if (fd >= 0) {
			int bad = fchmod(fd, mode) != 0;
			close(fd);
			if (bad)
				return credo__fail(db, CREDO_IO, "cannot set the mode of %s: %s", path, strerror(errno));
		} else if (errno != EEXIST) {
			return credo__fail(db, CREDO_IO, "cannot create %s: %s", path, strerror(errno));
		}
	}
	if (sqlite3_open_v2(path, &db->sql, oflags, NULL) != SQLITE_OK) {
		if (!db->sql)
			return CREDO_NOMEM;
		return credo__fail(db, CREDO_IO, "cannot open %s: %s%s", path,
				   sqlite3_errmsg(db->sql),
				   flags & CREDO_OPEN_CREATE ? "" : " (create it with: credo init)");
	}
	sqlite3_extended_result_codes(db->sql, 1);
	const char *env = getenv("CREDO_BUSY_TIMEOUT_MS");
	db->busy_ms = env && *env ? atoi(env) : CREDO_BUSY_TIMEOUT_MS;
	if (db->busy_ms < 0)
		db->busy_ms = CREDO_BUSY_TIMEOUT_MS;
	sqlite3_busy_timeout(db->sql, db->busy_ms);

	/* Reading the header tells a non-database file apart before we write to it. */
	credo_status st = credo__exec(db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;"
				     " PRAGMA synchronous = NORMAL;", "configuring the database");
	if (st) {
		if (sqlite3_errcode(db->sql) == SQLITE_NOTADB)
			st = credo__fail(db, CREDO_CORRUPT, "%s is not a credo database", path);
		return st;
	}
	if (credo_schema_version(db) == 0 && !(flags & CREDO_OPEN_CREATE)) {
		/* An empty file someone else created: only init may turn it into credo's. */
		sqlite3_stmt *s;
		int tables = 0;
		if (sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM sqlite_schema", -1, &s, NULL) == SQLITE_OK) {
			if (sqlite3_step(s) == SQLITE_ROW)
				tables = sqlite3_column_int(s, 0);
			sqlite3_finalize(s);
		}
		if (tables > 0)
			return credo__fail(db, CREDO_CORRUPT, "%s is not a credo database", path);
	}
	return migrate(db, flags);
}

void credo_close(credo_db *db)
{
	if (!db)
		return;
	sqlite3_close_v2(db->sql);
	free(db->path);
	free(db);
}

credo_status credo__mut_begin(credo_db *db, credo_perm perm)
{
	credo_status st = credo_require(db, perm);
	if (st)
		return st;
	const char *sql = db->mut_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT credo_mut";
	st = credo__exec(db, sql, "starting a change");
	if (st)
		return st;
	if (db->mut_depth++ == 0)
		db->mut_audits = 0;
	return CREDO_OK;
}

credo_status credo__mut_end(credo_db *db, credo_status st)
{
	int outer = --db->mut_depth == 0;
	if (st == CREDO_OK && outer && db->mut_audits == 0)
		st = credo__fail(db, CREDO_DB, "internal error: a change without an audit row was refused");
	/* The derived figures of the customers the change moved, inside its transaction. */
	if (st == CREDO_OK && outer)
		st = credo__figures_flush(db);
	if (st == CREDO_OK) {
		const char *sql = outer ? "COMMIT" : "RELEASE credo_mut";
		st = credo__exec(db, sql, "saving the change");
		if (st == CREDO_OK)
			return CREDO_OK;
	}
	/* Keep the failure's message: the rollback must not overwrite it. */
	char keep[sizeof db->err];
	memcpy(keep, db->err, sizeof keep);
	credo__exec(db, outer ? "ROLLBACK" : "ROLLBACK TO credo_mut; RELEASE credo_mut", "rolling back");
	memcpy(db->err, keep, sizeof keep);
	if (outer)
		credo__figures_forget(db);
	if (outer && db->denied[0]) {
		credo__audit_denied(db, db->denied);
		db->denied[0] = '\0';
	}
	return st;
}

char *credo__snapshot(credo_db *db, const char *sql, int64_t id)
{
	sqlite3_stmt *st;
	char *json = NULL;
	if (credo__prepare(db, sql, &st))
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		json = strdup(credo__col_text(st, 0));
	sqlite3_finalize(st);
	return json;
}

int credo__text_ok(const char *s, int multiline)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p;
		int n;
		unsigned cp;
		if (c < 0x80) {
			if ((c < 0x20 && !(multiline && (c == '\t' || c == '\n'))) || c == 0x7f)
				return 0;
			p++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			n = 1;
			cp = c & 0x1f;
		} else if ((c & 0xf0) == 0xe0) {
			n = 2;
			cp = c & 0x0f;
		} else if ((c & 0xf8) == 0xf0) {
			n = 3;
			cp = c & 0x07;
		} else {
			return 0;
		}
		for (int i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		/* Overlong forms, surrogates, beyond Unicode and C1 controls. */
		if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff || (cp >= 0x80 && cp < 0xa0))
			return 0;
		p += n + 1;
	}
	return 1;
}

credo_status credo__date_arg(credo_db *db, const char *field, const char *text, char buf[CREDO_DATE_BUFSZ])
{
	credo_date d;
	const char *why;
	if (!text || !*text)
		return credo__fail(db, CREDO_INVALID, "%s is required (YYYY-MM-DD)", field);
	if (credo_date_parse(text, &d, &why) != CREDO_OK)
		return credo__fail(db, CREDO_INVALID, "%s \"%s\": %s", field, text, why);
	credo_date_format(d, buf, CREDO_DATE_BUFSZ);
	return CREDO_OK;
}

credo_status credo__date_or_today(credo_db *db, const char *field, const char *text, char buf[CREDO_DATE_BUFSZ])
{
	if (!text || !*text) {
		credo_date_format(credo_today(), buf, CREDO_DATE_BUFSZ);
		return CREDO_OK;
	}
	return credo__date_arg(db, field, text, buf);
}

int64_t credo__setting_int(credo_db *db, const char *key, int64_t fallback)
{
	char buf[64], *end;
	if (credo__setting(db, key, buf, sizeof buf) != CREDO_OK)
		return fallback;
	long long v = strtoll(buf, &end, 10);
	return *buf && !*end ? v : fallback;
}

credo_money credo__setting_money(credo_db *db, const char *key, credo_money fallback)
{
	char buf[64];
	credo_money v;
	if (credo__setting(db, key, buf, sizeof buf) != CREDO_OK || credo_money_parse(buf, &v, NULL) != CREDO_OK)
		return fallback;
	return v;
}

credo_status credo__step_done(credo_db *db, sqlite3_stmt *st, const char *what)
{
	credo_status rc = sqlite3_step(st) == SQLITE_DONE ? CREDO_OK : credo__dberr(db, what);
	sqlite3_finalize(st);
	return rc;
}

credo_status credo__audit_row(credo_db *db, const char *entity, int64_t id, const char *action,
			      const char *snap_sql, const char *before)
{
	char *after = credo__snapshot(db, snap_sql, id);
	credo_status rc = credo__audit(db, entity, id, action, before, after);
	free(after);
	return rc;
}

credo_status credo__need_login(credo_db *db)
{
	return db->actor.id > 0 ? CREDO_OK : credo__fail(db, CREDO_NOUSER, "no user is logged in");
}

void credo__bind_scope(credo_db *db, sqlite3_stmt *st)
{
	sqlite3_bind_int(st, 1, credo_can(db, CREDO_PERM_READ_ALL));
	sqlite3_bind_int64(st, 2, db->actor.id);
}

credo_status credo__find_code(credo_db *db, const char *sql, const char *what, const char *code, int64_t *id)
{
	sqlite3_stmt *st;
	credo_status rc = credo__need_login(db);
	if (rc == CREDO_OK)
		rc = credo__prepare(db, sql, &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	sqlite3_bind_text(st, 3, code ? code : "", -1, SQLITE_STATIC);
	int r = sqlite3_step(st);
	if (r == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
	} else if (r == SQLITE_DONE) {
		/* Outside the actor's scope is a refusal (audited), not a missing record. */
		sqlite3_reset(st);
		sqlite3_bind_int(st, 1, 1);
		if (!credo_can(db, CREDO_PERM_READ_ALL) && sqlite3_step(st) == SQLITE_ROW)
			rc = credo__out_of_scope(db, what, code ? code : "");
		else
			rc = credo__fail(db, CREDO_NOTFOUND, "no %s with code %s", _(what), code ? code : "");
	} else {
		rc = credo__dberr(db, "looking up a code");
	}
	sqlite3_finalize(st);
	return rc;
}

credo_status credo__out_of_scope(credo_db *db, const char *what, const char *which)
{
	return credo__fail(db, CREDO_PERM, "permission denied: %s is %s, who may not see %s %s"
			   " (it belongs to another salesperson)", db->actor.login,
			   credo_role_label(db->actor.role), _(what), which);
}
