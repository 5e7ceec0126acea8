/*
 * db.h - the database handle.
 *
 * One credo_db owns one SQLite connection and the acting user. Every core
 * call takes it, returns a credo_status, and on failure leaves a sentence in
 * the handle's last-error text saying what exactly was wrong.
 */
#ifndef CREDO_DB_H
#define CREDO_DB_H

#include "credo/status.h"

typedef struct credo_db credo_db;

enum credo_open_flags {
	CREDO_OPEN_CREATE = 1 << 0,	/* create the file if it does not exist */
	CREDO_OPEN_NOMIGRATE = 1 << 1,	/* refuse an older schema instead of upgrading */
	CREDO_OPEN_SHARED = 1 << 2,	/* a file created now is 0660 (the group shares it), not 0600 */
};

/*
 * Open (and with CREDO_OPEN_CREATE create) the database at path, then bring
 * its schema up to date with the embedded migrations. Foreign keys, WAL and a
 * busy timeout are switched on. A file whose schema is newer than this
 * program is refused with CREDO_SCHEMA.
 *
 * A file created here gets mode 0600 whatever the umask (0660 with
 * CREDO_OPEN_SHARED); SQLite gives its -wal and -shm files the same mode.
 * The busy timeout is 10 s, or CREDO_BUSY_TIMEOUT_MS from the environment.
 *
 * *out receives a handle whenever memory allows, even on failure, so the
 * caller can read credo_errmsg(); the caller always credo_close()s it. No
 * user is acting yet: call credo_login() before anything that needs one.
 */
credo_status credo_open(const char *path, unsigned flags, credo_db **out);

/* Close the handle; NULL is a no-op. */
void credo_close(credo_db *db);

/* Last error text of the handle; "" when none. Owned by the handle, valid until its next call. */
const char *credo_errmsg(const credo_db *db);

/* Path the handle was opened with. */
const char *credo_db_path(const credo_db *db);

/*
 * Copy the whole database to dest with SQLite's online backup, as one
 * consistent snapshot while others keep working. The copy is written to a
 * temporary name beside dest (mode 0600) and renamed over dest only when
 * complete, so dest is never half written. Needs CREDO_PERM_BACKUP; the
 * backup is audited.
 */
credo_status credo_backup(credo_db *db, const char *dest);

/*
 * Replace the whole content of the open database with the backup at src,
 * after src passes the checks of credo_check (integrity, foreign keys, the
 * audit chain, the ledger) and is no newer than this program. The copy runs
 * under SQLite's locks, so other sessions see either the old or the new
 * content; a restore row is then appended to the restored audit log. Needs
 * CREDO_PERM_RESTORE.
 */
credo_status credo_restore(credo_db *db, const char *src);

/* Schema version of the open file and the newest this program knows. */
int credo_schema_version(credo_db *db);
int credo_schema_latest(void);

#endif
