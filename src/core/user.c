/* user.c - roles, identity, permissions and the users table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const struct {
	const char *name;
	const char *label;
} role_info[] = {
#define CREDO_X_ROLE_INFO(id, n, l) [CREDO_ROLE_##id] = { .name = n, .label = l },
	CREDO_ROLE_LIST(CREDO_X_ROLE_INFO)
#undef CREDO_X_ROLE_INFO
};

static const struct {
	unsigned roles;
	const char *what;
} perm_info[] = {
#define CREDO_X_PERM_INFO(id, r, w) [CREDO_PERM_##id] = { .roles = (r), .what = w },
	CREDO_PERM_LIST(CREDO_X_PERM_INFO)
#undef CREDO_X_PERM_INFO
};

static const char SNAP_USER[] =
	"SELECT json_object('login', login, 'name', name, 'role', role,"
	" 'department_id', department_id, 'active', active) FROM users WHERE id = ?1";

const char *credo_role_name(credo_role r)
{
	return (int)r >= 0 && r < CREDO_ROLE_COUNT ? role_info[r].name : NULL;
}

const char *credo_role_label(credo_role r)
{
	return (int)r >= 0 && r < CREDO_ROLE_COUNT ? _(role_info[r].label) : "";
}

credo_status credo_role_parse(const char *name, credo_role *out)
{
	for (int r = 0; r < CREDO_ROLE_COUNT; r++) {
		if (name && strcmp(name, role_info[r].name) == 0) {
			*out = (credo_role)r;
			return CREDO_OK;
		}
	}
	return CREDO_INVALID;
}

int credo_role_can(credo_role r, credo_perm p)
{
	if ((int)r < 0 || r >= CREDO_ROLE_COUNT || (int)p < 0 || p >= CREDO_PERM_COUNT)
		return 0;
	return (perm_info[p].roles >> r) & 1u;
}

const char *credo_perm_what(credo_perm p)
{
	return (int)p >= 0 && p < CREDO_PERM_COUNT ? _(perm_info[p].what) : "";
}

const char *credo_actor_login(const credo_db *db) { return db->actor.login; }
const char *credo_actor_name(const credo_db *db) { return db->actor.name; }
int64_t credo_actor_id(const credo_db *db) { return db->actor.id; }
credo_role credo_actor_role(const credo_db *db) { return db->actor.role; }

const char *credo_actor_via(const credo_db *db)
{
	return db->actor.via[0] ? db->actor.via : NULL;
}

int credo_can(const credo_db *db, credo_perm p)
{
	return db->actor.id > 0 && credo_role_can(db->actor.role, p);
}

credo_status credo_require(credo_db *db, credo_perm p)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	if (credo_role_can(db->actor.role, p))
		return CREDO_OK;
	return credo__fail(db, CREDO_PERM, "permission denied: %s is %s, who may not %s",
			   db->actor.login, credo_role_label(db->actor.role), credo_perm_what(p));
}

/* Load login into actor; CREDO_NOUSER if it is not an active user. */
static credo_status load_actor(credo_db *db, const char *login, struct credo_actor *a)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT id, name, role, active FROM users WHERE login = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	int r = sqlite3_step(st);
	if (r == SQLITE_ROW && sqlite3_column_int(st, 3)) {
		a->id = sqlite3_column_int64(st, 0);
		snprintf(a->login, sizeof a->login, "%s", login);
		snprintf(a->name, sizeof a->name, "%s", credo__col_text(st, 1));
		credo_role_parse(credo__col_text(st, 2), &a->role);
	} else if (r == SQLITE_ROW || r == SQLITE_DONE) {
		rc = credo__fail(db, CREDO_NOUSER,
				 r == SQLITE_ROW ? "%s is no longer an active credo user"
						 : "%s is not a credo user (an admin adds users with: credo user add LOGIN --role ROLE)",
				 login);
	} else {
		rc = credo__dberr(db, "reading users");
	}
	sqlite3_finalize(st);
	return rc;
}

credo_status credo_login(credo_db *db, const char *os_login, const char *as_login)
{
	struct credo_actor me = { .id = -1 }, as = { .id = -1 };
	if (!os_login || !*os_login)
		return credo__fail(db, CREDO_NOUSER, "cannot tell who is running credo (no login name)");
	credo_status rc = load_actor(db, os_login, &me);
	if (rc)
		return rc;
	if (as_login && *as_login && strcmp(as_login, os_login) != 0) {
		if (me.role != CREDO_ROLE_ADMIN)
			return credo__fail(db, CREDO_PERM, "permission denied: only an admin may act as another user"
					   " (--as %s); %s is %s", as_login, os_login, credo_role_label(me.role));
		rc = load_actor(db, as_login, &as);
		if (rc)
			return rc;
		snprintf(as.via, sizeof as.via, "%s", os_login);
		db->actor = as;
		return CREDO_OK;
	}
	db->actor = me;
	return CREDO_OK;
}

credo_status credo__act_as(credo_db *db, const char *login)
{
	struct credo_actor a = { .id = -1 };
	credo_status rc = load_actor(db, login, &a);
	if (rc)
		return rc;
	const char *via = db->actor.via[0] ? db->actor.via : db->actor.login;
	if (strcmp(via, login) != 0)
		snprintf(a.via, sizeof a.via, "%s", via);
	db->actor = a;
	return CREDO_OK;
}

static credo_status check_login(credo_db *db, const char *login)
{
	size_t n = login ? strlen(login) : 0;
	if (n == 0 || n > CREDO_LOGIN_MAX)
		return credo__fail(db, CREDO_INVALID, "login must be 1 to %d characters", CREDO_LOGIN_MAX);
	for (size_t i = 0; i < n; i++) {
		char c = login[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			 (i > 0 && (c == '.' || c == '_' || c == '-'));
		if (!ok)
			return credo__fail(db, CREDO_INVALID, "login \"%s\" is not an OS login name:"
					   " use lower-case letters, digits, '.', '_' and '-', starting"
					   " with a letter or digit", login);
	}
	return CREDO_OK;
}

static credo_status check_name(credo_db *db, const char *name)
{
	size_t n = strlen(name);
	if (n == 0 || n > 200)
		return credo__fail(db, CREDO_INVALID, "user name must be 1 to 200 bytes");
	if (!credo__text_ok(name, 0))
		return credo__fail(db, CREDO_INVALID, "user name must be UTF-8 text without control characters");
	return CREDO_OK;
}

/* Department by code or name, created on first use. */
static credo_status department_id(credo_db *db, const char *dept, int64_t *out)
{
	*out = 0;
	if (!dept || !*dept)
		return CREDO_OK;
	if (!credo__text_ok(dept, 0) || strlen(dept) > 32)
		return credo__fail(db, CREDO_INVALID, "department must be up to 32 bytes of text");
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT id FROM departments WHERE code = ?1 OR name = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, dept, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (*out)
		return CREDO_OK;
	rc = credo__prepare(db, "INSERT INTO departments(code, name) VALUES (?1, ?1)", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, dept, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = credo__dberr(db, "adding a department");
	sqlite3_finalize(st);
	if (rc)
		return rc;
	*out = sqlite3_last_insert_rowid(db->sql);
	char *after = credo__snapshot(db, "SELECT json_object('code', code, 'name', name, 'kind', kind)"
				      " FROM departments WHERE id = ?1", *out);
	rc = credo__audit(db, "departments", *out, "create", NULL, after);
	free(after);
	return rc;
}

static credo_status insert_user(credo_db *db, const char *login, credo_role role,
				const char *name, const char *dept)
{
	if (!name || !*name)
		name = login;
	credo_status rc = check_login(db, login);
	if (rc == CREDO_OK)
		rc = check_name(db, name);
	int64_t dept_id = 0;
	if (rc == CREDO_OK)
		rc = department_id(db, dept, &dept_id);
	if (rc)
		return rc;
	char now[21];
	credo__now(now);
	sqlite3_stmt *st;
	rc = credo__prepare(db, "INSERT INTO users(login, name, role, department_id, created_at)"
			    " VALUES (?1, ?2, ?3, ?4, ?5)", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, credo_role_name(role), -1, SQLITE_STATIC);
	if (dept_id)
		sqlite3_bind_int64(st, 4, dept_id);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	int r = sqlite3_step(st);
	sqlite3_finalize(st);
	if (r != SQLITE_DONE) {
		if (sqlite3_extended_errcode(db->sql) == SQLITE_CONSTRAINT_UNIQUE)
			return credo__fail(db, CREDO_EXISTS, "user %s already exists", login);
		return credo__dberr(db, "adding a user");
	}
	int64_t id = sqlite3_last_insert_rowid(db->sql);
	char *after = credo__snapshot(db, SNAP_USER, id);
	rc = credo__audit(db, "users", id, "create", NULL, after);
	free(after);
	return rc;
}

credo_status credo_init_admin(credo_db *db, const char *login, const char *name)
{
	credo_status rc = check_login(db, login);
	if (rc)
		return rc;
	/* Bootstrap: nobody can hold a permission before the first user exists. */
	struct credo_actor was = db->actor;
	rc = credo__exec(db, "BEGIN IMMEDIATE", "starting the first user");
	if (rc)
		return rc;
	db->mut_depth = 1;
	db->mut_audits = 0;
	/* Counted under the write lock, so two racing inits cannot both make an admin. */
	sqlite3_stmt *st;
	rc = credo__prepare(db, "SELECT count(*) FROM users", &st);
	if (rc == CREDO_OK) {
		int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
		sqlite3_finalize(st);
		if (n != 0)
			rc = credo__fail(db, CREDO_EXISTS, "%s already has users; an admin adds more with:"
					 " credo user add", db->path);
	}
	if (rc == CREDO_OK) {
		snprintf(db->actor.login, sizeof db->actor.login, "%s", login);
		db->actor.via[0] = '\0';
		db->actor.role = CREDO_ROLE_ADMIN;
		db->actor.id = 0;
		rc = insert_user(db, login, CREDO_ROLE_ADMIN, name, NULL);
	}
	rc = credo__mut_end(db, rc);
	if (rc) {
		db->actor = was;
		return rc;
	}
	return credo_login(db, login, NULL);
}

credo_status credo_user_add(credo_db *db, const char *login, credo_role role,
			    const char *name, const char *department)
{
	if ((int)role < 0 || role >= CREDO_ROLE_COUNT)
		return credo__fail(db, CREDO_INVALID, "unknown role");
	credo_status rc = credo__mut_begin(db, CREDO_PERM_USER_ADMIN);
	if (rc)
		return rc;
	rc = insert_user(db, login, role, name, department);
	return credo__mut_end(db, rc);
}

credo_status credo_user_set_role(credo_db *db, const char *login, credo_role role)
{
	if ((int)role < 0 || role >= CREDO_ROLE_COUNT)
		return credo__fail(db, CREDO_INVALID, "unknown role");
	credo_status rc = credo__mut_begin(db, CREDO_PERM_USER_ADMIN);
	if (rc)
		return rc;
	struct credo_actor u = { .id = -1 };
	sqlite3_stmt *st = NULL;
	rc = load_actor(db, login, &u);
	if (rc == CREDO_NOUSER)
		rc = credo__fail(db, CREDO_NOTFOUND, "no active user %s", login);
	if (rc == CREDO_OK && u.role == CREDO_ROLE_ADMIN && role != CREDO_ROLE_ADMIN) {
		rc = credo__prepare(db, "SELECT count(*) FROM users WHERE role = 'admin' AND active = 1", &st);
		if (rc == CREDO_OK && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) <= 1)
			rc = credo__fail(db, CREDO_RULE, "%s is the last admin: make another admin first", login);
		sqlite3_finalize(st);
	}
	char *before = rc ? NULL : credo__snapshot(db, SNAP_USER, u.id);
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "UPDATE users SET role = ?1 WHERE id = ?2", &st);
	if (rc == CREDO_OK) {
		sqlite3_bind_text(st, 1, credo_role_name(role), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, u.id);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = credo__dberr(db, "changing a role");
		sqlite3_finalize(st);
	}
	if (rc == CREDO_OK) {
		char *after = credo__snapshot(db, SNAP_USER, u.id);
		rc = credo__audit(db, "users", u.id, "set_role", before, after);
		free(after);
	}
	free(before);
	rc = credo__mut_end(db, rc);
	/* Demoting oneself takes effect at once, not at the next login. */
	if (rc == CREDO_OK && u.id == db->actor.id)
		db->actor.role = role;
	return rc;
}

credo_status credo_user_list(credo_db *db, credo_user_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT u.id, u.login, u.name, u.role, coalesce(d.name, ''), u.active"
					 " FROM users u LEFT JOIN departments d ON d.id = u.department_id"
					 " ORDER BY u.login", &st);
	if (rc)
		return rc;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_user u = {
			.id = sqlite3_column_int64(st, 0),
			.login = credo__col_text(st, 1),
			.name = credo__col_text(st, 2),
			.department = credo__col_text(st, 4),
			.active = sqlite3_column_int(st, 5),
		};
		credo_role_parse(credo__col_text(st, 3), &u.role);
		if (cb(&u, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "listing users");
	sqlite3_finalize(st);
	return rc;
}
