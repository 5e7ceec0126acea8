/* backup.c - online backup to a file, and restore from one. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* fsync the directory holding path, so a rename in it survives a power cut. */
static void sync_dir_of(const char *path)
{
	char *copy = strdup(path);
	if (!copy)
		return;
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(copy);
}

/* Copy all of from's main database into to's, in one step (one read snapshot of from). */
static int copy_all(sqlite3 *to, sqlite3 *from)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	if (!b)
		return sqlite3_errcode(to);
	int rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static credo_status audit_event(credo_db *db, credo_perm perm, const char *action, const char *file)
{
	credo_status rc = credo__mut_begin(db, perm);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	char *after = NULL;
	rc = credo__prepare(db, "SELECT json_object('file', ?1)", &st);
	if (rc == CREDO_OK) {
		sqlite3_bind_text(st, 1, file, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			after = strdup(credo__col_text(st, 0));
		sqlite3_finalize(st);
		rc = after ? credo__audit(db, "database", 0, action, NULL, after) : CREDO_NOMEM;
	}
	free(after);
	return credo__mut_end(db, rc);
}

credo_status credo_backup(credo_db *db, const char *dest)
{
	credo_status rc = credo_require(db, CREDO_PERM_BACKUP);
	if (rc)
		return rc;
	if (!dest || !*dest)
		return credo__fail(db, CREDO_INVALID, "backup needs a file name");
	size_t n = strlen(dest) + 16;
	char *tmp = malloc(n);
	if (!tmp)
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	snprintf(tmp, n, "%s.tmp-XXXXXX", dest);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		rc = credo__fail(db, CREDO_IO, "cannot write beside %s: %s", dest, strerror(errno));
		free(tmp);
		return rc;
	}
	fchmod(fd, 0600);
	close(fd);

	sqlite3 *out = NULL;
	int r = sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE, NULL);
	if (r == SQLITE_OK)
		r = copy_all(out, db->sql);
	/* A backup is one self-contained file: fold its WAL in before it is renamed. */
	if (r == SQLITE_OK)
		r = sqlite3_exec(out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (r != SQLITE_OK)
		rc = credo__fail(db, r == SQLITE_FULL ? CREDO_IO : CREDO_DB, "backing up to %s: %s", dest,
				 out ? sqlite3_errmsg(out) : sqlite3_errstr(r));
	if (sqlite3_close(out) != SQLITE_OK && rc == CREDO_OK)
		rc = credo__fail(db, CREDO_IO, "closing the backup %s", tmp);
	if (rc == CREDO_OK) {
		fd = open(tmp, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || fsync(fd) != 0)
			rc = credo__fail(db, CREDO_IO, "saving the backup %s: %s", dest, strerror(errno));
		if (fd >= 0)
			close(fd);
	}
	if (rc == CREDO_OK && rename(tmp, dest) != 0)
		rc = credo__fail(db, CREDO_IO, "cannot rename the backup to %s: %s", dest, strerror(errno));
	if (rc) {
		unlink(tmp);
	} else {
		sync_dir_of(dest);
		rc = audit_event(db, CREDO_PERM_BACKUP, "backup", dest);
	}
	free(tmp);
	return rc;
}

credo_status credo_restore(credo_db *db, const char *src)
{
	credo_status rc = credo_require(db, CREDO_PERM_RESTORE);
	if (rc)
		return rc;
	if (!src || !*src)
		return credo__fail(db, CREDO_INVALID, "restore needs a backup file");
	if (access(src, R_OK) != 0)
		return credo__fail(db, CREDO_IO, "cannot read the backup %s: %s", src, strerror(errno));
	/* Check the backup as credo check would, without changing it (no migration). */
	credo_db *bak = NULL;
	rc = credo_open(src, CREDO_OPEN_NOMIGRATE, &bak);
	if (rc == CREDO_SCHEMA && bak && credo_schema_version(bak) < credo_schema_latest())
		rc = CREDO_OK;	/* older is fine: the next open upgrades the restored file */
	credo_check_report rep;
	if (rc == CREDO_OK)
		rc = credo__verify(bak, &rep);
	if (rc) {
		rc = credo__fail(db, rc == CREDO_NOMEM ? rc : (rc == CREDO_SCHEMA ? CREDO_SCHEMA : CREDO_CORRUPT),
				 "%s is not a sound credo backup: %s", src, bak ? credo_errmsg(bak) : "out of memory");
		credo_close(bak);
		return rc;
	}
	int r = copy_all(db->sql, bak->sql);
	credo_close(bak);
	if (r != SQLITE_OK)
		return credo__fail(db, r == SQLITE_BUSY ? CREDO_BUSY : CREDO_DB, "restoring from %s: %s", src,
				   sqlite3_errmsg(db->sql));
	/* The restored log names who restored it, if that login is a user in the restored file. */
	char login[CREDO_LOGIN_MAX + 1], via[CREDO_LOGIN_MAX + 1];
	snprintf(login, sizeof login, "%s", db->actor.login);
	snprintf(via, sizeof via, "%s", db->actor.via);
	if (credo_login(db, *via ? via : login, *via ? login : NULL) != CREDO_OK)
		return credo__fail(db, CREDO_OK, "restored from %s; %s is not a user there, so the restore"
				   " is not in its audit log", src, login);
	return audit_event(db, CREDO_PERM_RESTORE, "restore", src);
}
