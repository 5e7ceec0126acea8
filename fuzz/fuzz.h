/*
 * fuzz.h - what the libFuzzer targets share: a NUL-terminated copy of the
 * input, and a database with a logged-in admin and a few customers.
 */
#ifndef CREDO_FUZZ_H
#define CREDO_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "credo/credo.h"

/* data as a C string (malloc'd; the caller frees). Embedded NULs end it early, as in C callers. */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Stop the run on a broken promise, so libFuzzer keeps the input. */
#define FUZZ_ASSERT(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

/*
 * A fresh database in $TMPDIR for this process, with the OS login as its
 * admin, a salesperson and three customers (one Chinese). Removed at exit.
 */
static char fuzz_dir[256];

static inline void fuzz_cleanup(void)
{
	char p[320];
	const char *files[] = { "f.db", "f.db-wal", "f.db-shm", "in.csv" };
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(p, sizeof p, "%s/%s", fuzz_dir, files[i]);
		unlink(p);
	}
	rmdir(fuzz_dir);
}

static inline credo_db *fuzz_db(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(fuzz_dir, sizeof fuzz_dir, "%s/credo-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	FUZZ_ASSERT(mkdtemp(fuzz_dir));
	atexit(fuzz_cleanup);
	char path[320];
	snprintf(path, sizeof path, "%s/f.db", fuzz_dir);
	credo_db *db = NULL;
	FUZZ_ASSERT(credo_open(path, CREDO_OPEN_CREATE, &db) == CREDO_OK);
	FUZZ_ASSERT(credo_init_admin(db, "fuzzadmin", "Fuzz") == CREDO_OK);
	FUZZ_ASSERT(credo_user_add(db, "fuzzsales", CREDO_ROLE_SALES, "Sales", NULL) == CREDO_OK);
	FUZZ_ASSERT(credo_user_add(db, "fuzzfin", CREDO_ROLE_FINANCE, "Fin", NULL) == CREDO_OK);
	FUZZ_ASSERT(credo_login(db, "fuzzadmin", "fuzzsales") == CREDO_OK);
	const char *names[] = { "上海华联超市有限公司", "Acme Trading Ltd.", "杭州第一贸易" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		credo_customer_new c = { .name = names[i] };
		FUZZ_ASSERT(credo_customer_add(db, &c, NULL) == CREDO_OK);
	}
	return db;
}

#endif
