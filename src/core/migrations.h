/* migrations.h - schema migrations embedded from sql/ at build time. */
#ifndef CREDO_MIGRATIONS_H
#define CREDO_MIGRATIONS_H

struct credo_migration {
	int version;		/* NNN of sql/NNN_name.sql; user_version after it runs */
	const char *name;
	const char *sql;
};

extern const struct credo_migration credo_migrations[];
extern const int credo_migration_count;

#endif
