/* test_user.c - identity, --as, users, roles and segregation of duties. */
#include "helpers.h"

static int64_t users_count(credo_db *db)
{
	return raw_int(credo_db_path(db), "SELECT count(*) FROM users");
}

/* The newest audit row, copied out. */
struct last_audit {
	int seen;
	int64_t entity_id;
	char actor[40], via[40], entity[40], action[40], before[512], after[512];
};

static int keep_row(const credo_audit_row *r, void *ctx)
{
	struct last_audit *a = ctx;
	a->seen++;
	a->entity_id = r->entity_id;
	snprintf(a->actor, sizeof a->actor, "%s", r->actor);
	snprintf(a->via, sizeof a->via, "%s", r->via);
	snprintf(a->entity, sizeof a->entity, "%s", r->entity);
	snprintf(a->action, sizeof a->action, "%s", r->action);
	snprintf(a->before, sizeof a->before, "%s", r->before);
	snprintf(a->after, sizeof a->after, "%s", r->after);
	return 0;
}

/* Newest audit row, read as the acting user (who must be allowed to). */
static struct last_audit newest_audit(credo_db *db)
{
	struct last_audit a;
	memset(&a, 0, sizeof a);
	expect_ok(db, credo_audit_list(db, NULL, 0, 1, keep_row, &a));
	assert_int_equal(a.seen, 1);
	return a;
}

/* Role of login as credo_user_list reports it, or -1 if absent. */
struct find_user {
	const char *login;
	int role;
	char department[64];
};

static int find_user_cb(const credo_user *u, void *ctx)
{
	struct find_user *f = ctx;
	if (strcmp(u->login, f->login) == 0) {
		f->role = (int)u->role;
		snprintf(f->department, sizeof f->department, "%s", u->department);
	}
	return 0;
}

static int role_of(credo_db *db, const char *login)
{
	struct find_user f = { .login = login, .role = -1 };
	expect_ok(db, credo_user_list(db, find_user_cb, &f));
	return f.role;
}

static void init_admin_on_empty_db(void **state)
{
	struct fx *f = *state;
	assert_int_equal(users_count(f->db), 0);
	expect_ok(f->db, credo_init_admin(f->db, ADMIN, "系统管理员"));

	assert_string_equal(credo_actor_login(f->db), ADMIN);
	assert_string_equal(credo_actor_name(f->db), "系统管理员");
	assert_int_equal(credo_actor_role(f->db), CREDO_ROLE_ADMIN);
	assert_true(credo_actor_id(f->db) > 0);
	assert_null(credo_actor_via(f->db));
	assert_true(credo_can(f->db, CREDO_PERM_USER_ADMIN));

	assert_int_equal(users_count(f->db), 1);
	assert_int_equal(audit_count(f->db), 1);
	assert_int_equal(role_of(f->db, ADMIN), CREDO_ROLE_ADMIN);
	struct last_audit a = newest_audit(f->db);
	assert_string_equal(a.actor, ADMIN);
	assert_string_equal(a.via, "");
	assert_string_equal(a.entity, "users");
	assert_string_equal(a.action, "create");
	assert_int_equal(a.entity_id, credo_actor_id(f->db));
	assert_non_null(strstr(a.after, "\"admin\""));
}

static void init_admin_only_once(void **state)
{
	struct fx *f = *state;
	expect_ok(f->db, credo_init_admin(f->db, ADMIN, NULL));
	assert_int_equal(credo_init_admin(f->db, "mallory", NULL), CREDO_EXISTS);
	assert_true(strlen(credo_errmsg(f->db)) > 0);
	/* Also from a fresh handle, as a second `credo init` would. */
	credo_db *db2 = NULL;
	expect_ok(db2, credo_open(f->path, 0, &db2));
	assert_int_equal(credo_init_admin(db2, "mallory", NULL), CREDO_EXISTS);
	assert_int_equal(credo_actor_id(db2), -1);
	credo_close(db2);
	assert_int_equal(users_count(f->db), 1);
	assert_int_equal(audit_count(f->db), 1);
	assert_int_equal(role_of(f->db, "mallory"), -1);
}

static void init_admin_bad_login_leaves_nothing(void **state)
{
	struct fx *f = *state;
	assert_int_equal(credo_init_admin(f->db, "Bad Login", NULL), CREDO_INVALID);
	assert_int_equal(credo_actor_id(f->db), -1);
	assert_int_equal(credo_require(f->db, CREDO_PERM_USER_ADMIN), CREDO_NOUSER);
	assert_int_equal(credo_init_admin(f->db, "ok", "bad\x1bname"), CREDO_INVALID);
	assert_int_equal(credo_actor_id(f->db), -1);
	assert_int_equal(credo_require(f->db, CREDO_PERM_USER_ADMIN), CREDO_NOUSER);
	assert_int_equal(users_count(f->db), 0);
	assert_int_equal(audit_count(f->db), 0);
	/* The database is still fresh: a good init works. */
	expect_ok(f->db, credo_init_admin(f->db, ADMIN, NULL));
	assert_int_equal(users_count(f->db), 1);
}

static void nobody_logged_in(void **state)
{
	struct fx *f = *state;
	assert_int_equal(credo_require(f->db, CREDO_PERM_READ_ALL), CREDO_NOUSER);
	assert_false(credo_can(f->db, CREDO_PERM_READ_ALL));
	assert_int_equal(credo_user_add(f->db, "x", CREDO_ROLE_SALES, NULL, NULL), CREDO_NOUSER);
	assert_int_equal(users_count(f->db), 0);
}

static void user_add_by_admin(void **state)
{
	struct fx *f = *state;
	int64_t audits = audit_count(f->db);
	expect_ok(f->db, credo_user_add(f->db, "sales1", CREDO_ROLE_SALES, "张伟", NULL));
	assert_int_equal(audit_count(f->db), audits + 1);
	assert_int_equal(role_of(f->db, "sales1"), CREDO_ROLE_SALES);
	struct last_audit a = newest_audit(f->db);
	assert_string_equal(a.actor, ADMIN);
	assert_string_equal(a.via, "");
	assert_string_equal(a.entity, "users");
	assert_string_equal(a.action, "create");
	assert_non_null(strstr(a.after, "sales1"));
	assert_non_null(strstr(a.after, "张伟"));

	/* A new department is created and audited with the user: two rows. */
	expect_ok(f->db, credo_user_add(f->db, "sales2", CREDO_ROLE_SALES, NULL, "华东销售部"));
	assert_int_equal(audit_count(f->db), audits + 3);
	/* A known department is reused: one row. */
	expect_ok(f->db, credo_user_add(f->db, "sales3", CREDO_ROLE_SALES, NULL, "华东销售部"));
	assert_int_equal(audit_count(f->db), audits + 4);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM departments"), 1);
	struct find_user fu = { .login = "sales3", .role = -1 };
	expect_ok(f->db, credo_user_list(f->db, find_user_cb, &fu));
	assert_string_equal(fu.department, "华东销售部");

	/* Edge logins that are real OS logins. */
	expect_ok(f->db, credo_user_add(f->db, "a.b_c-d", CREDO_ROLE_FINANCE, NULL, NULL));
	expect_ok(f->db, credo_user_add(f->db, "0day", CREDO_ROLE_GM, NULL, NULL));
	expect_ok(f->db, credo_user_add(f->db, "abcdefghijklmnopqrstuvwxyz012345", CREDO_ROLE_CREDIT, NULL, NULL));
	assert_int_equal(audit_count(f->db), audits + 7);
	assert_int_equal(users_count(f->db), 7);
}

static void user_add_by_non_admin_is_refused(void **state)
{
	struct fx *f = *state;
	static const struct {
		const char *login;
		credo_role role;
	} staff[] = {
		{ "sales1", CREDO_ROLE_SALES }, { "mgr1", CREDO_ROLE_SALES_MANAGER },
		{ "credit1", CREDO_ROLE_CREDIT }, { "fin1", CREDO_ROLE_FINANCE }, { "gm1", CREDO_ROLE_GM },
	};
	for (size_t i = 0; i < sizeof staff / sizeof staff[0]; i++)
		add_user(f->db, staff[i].login, staff[i].role);
	int64_t users = users_count(f->db), audits = audit_count(f->db);
	for (size_t i = 0; i < sizeof staff / sizeof staff[0]; i++) {
		act_as(f->db, staff[i].login);
		assert_int_equal(credo_user_add(f->db, "intruder", CREDO_ROLE_ADMIN, NULL, NULL), CREDO_PERM);
		assert_non_null(strstr(credo_errmsg(f->db), staff[i].login));
		assert_int_equal(credo_user_add(f->db, "intruder2", CREDO_ROLE_SALES, NULL, "新部门"), CREDO_PERM);
		assert_int_equal(credo_user_set_role(f->db, staff[i].login, CREDO_ROLE_ADMIN), CREDO_PERM);
		assert_int_equal(credo_user_set_role(f->db, ADMIN, CREDO_ROLE_SALES), CREDO_PERM);
	}
	assert_int_equal(users_count(f->db), users);
	assert_int_equal(audit_count(f->db), audits);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM departments"), 0);
	expect_ok(f->db, credo_login(f->db, ADMIN, NULL));
	assert_int_equal(role_of(f->db, ADMIN), CREDO_ROLE_ADMIN);
	assert_int_equal(role_of(f->db, "sales1"), CREDO_ROLE_SALES);
}

static void bad_logins_are_invalid(void **state)
{
	struct fx *f = *state;
	static const char *const bad[] = {
		"", "Bob", "a b", "-x", ".x", "_x", "abcdefghijklmnopqrstuvwxyz0123456", "张伟",
		"bob!", "bob/..", "a\tb", "a\x1b", "bob@host", "ｂob",
	};
	int64_t users = users_count(f->db), audits = audit_count(f->db);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		credo_status st = credo_user_add(f->db, bad[i], CREDO_ROLE_SALES, NULL, NULL);
		if (st != CREDO_INVALID)
			fail_msg("login \"%s\" gave %s, expected INVALID", bad[i], credo_status_name(st));
		assert_true(strlen(credo_errmsg(f->db)) > 0);
	}
	assert_int_equal(credo_user_add(f->db, NULL, CREDO_ROLE_SALES, NULL, NULL), CREDO_INVALID);
	/* Unknown role, bad display name, bad department. */
	assert_int_equal(credo_user_add(f->db, "ok1", (credo_role)CREDO_ROLE_COUNT, NULL, NULL), CREDO_INVALID);
	assert_int_equal(credo_user_add(f->db, "ok1", (credo_role)-1, NULL, NULL), CREDO_INVALID);
	assert_int_equal(credo_user_add(f->db, "ok1", CREDO_ROLE_SALES, "evil\x1b[2J", NULL), CREDO_INVALID);
	assert_int_equal(credo_user_add(f->db, "ok1", CREDO_ROLE_SALES, "bad \xff utf8", NULL), CREDO_INVALID);
	assert_int_equal(credo_user_add(f->db, "ok1", CREDO_ROLE_SALES, NULL, "dept\nname"), CREDO_INVALID);
	char long_name[202];
	memset(long_name, 'n', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	assert_int_equal(credo_user_add(f->db, "ok1", CREDO_ROLE_SALES, long_name, NULL), CREDO_INVALID);
	assert_int_equal(credo_user_add(f->db, "ok1", CREDO_ROLE_SALES, NULL,
					"a department name that is far too long"), CREDO_INVALID);
	assert_int_equal(users_count(f->db), users);
	assert_int_equal(audit_count(f->db), audits);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM departments"), 0);
}

static void duplicate_login_exists(void **state)
{
	struct fx *f = *state;
	add_user(f->db, "sales1", CREDO_ROLE_SALES);
	int64_t audits = audit_count(f->db);
	assert_int_equal(credo_user_add(f->db, "sales1", CREDO_ROLE_FINANCE, NULL, NULL), CREDO_EXISTS);
	assert_non_null(strstr(credo_errmsg(f->db), "sales1"));
	/* The new department made along the way is rolled back with the failed user. */
	assert_int_equal(credo_user_add(f->db, "sales1", CREDO_ROLE_SALES, NULL, "新部门"), CREDO_EXISTS);
	assert_int_equal(credo_user_add(f->db, ADMIN, CREDO_ROLE_SALES, NULL, NULL), CREDO_EXISTS);
	assert_int_equal(audit_count(f->db), audits);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM departments"), 0);
	assert_int_equal(role_of(f->db, "sales1"), CREDO_ROLE_SALES);
}

static void login_as_another_user(void **state)
{
	struct fx *f = *state;
	add_user(f->db, "sales1", CREDO_ROLE_SALES);
	add_user(f->db, "fin1", CREDO_ROLE_FINANCE);

	expect_ok(f->db, credo_login(f->db, ADMIN, "sales1"));
	assert_string_equal(credo_actor_login(f->db), "sales1");
	assert_int_equal(credo_actor_role(f->db), CREDO_ROLE_SALES);
	assert_non_null(credo_actor_via(f->db));
	assert_string_equal(credo_actor_via(f->db), ADMIN);
	assert_false(credo_can(f->db, CREDO_PERM_USER_ADMIN));
	assert_int_equal(credo_require(f->db, CREDO_PERM_USER_ADMIN), CREDO_PERM);

	/* Acting as oneself records no via. */
	expect_ok(f->db, credo_login(f->db, ADMIN, ADMIN));
	assert_string_equal(credo_actor_login(f->db), ADMIN);
	assert_null(credo_actor_via(f->db));

	/* A salesperson logs in as itself, and may not act as anyone. */
	expect_ok(f->db, credo_login(f->db, "sales1", NULL));
	assert_string_equal(credo_actor_login(f->db), "sales1");
	assert_null(credo_actor_via(f->db));
	assert_int_equal(credo_login(f->db, "sales1", ADMIN), CREDO_PERM);
	assert_non_null(strstr(credo_errmsg(f->db), "sales1"));
	assert_int_equal(credo_login(f->db, "fin1", "sales1"), CREDO_PERM);
	/* The refused --as did not make anyone else the actor. */
	assert_string_equal(credo_actor_login(f->db), "sales1");
	assert_int_equal(credo_actor_role(f->db), CREDO_ROLE_SALES);
	assert_false(credo_can(f->db, CREDO_PERM_USER_ADMIN));

	/* Unknown logins on either side. */
	assert_int_equal(credo_login(f->db, "nobody", NULL), CREDO_NOUSER);
	assert_non_null(strstr(credo_errmsg(f->db), "nobody"));
	assert_int_equal(credo_login(f->db, ADMIN, "nobody"), CREDO_NOUSER);
	assert_int_equal(credo_login(f->db, "", NULL), CREDO_NOUSER);
	assert_int_equal(credo_login(f->db, NULL, NULL), CREDO_NOUSER);
	assert_int_equal(credo_login(f->db, "Admin", NULL), CREDO_NOUSER);
}

static void audit_records_actor_and_via(void **state)
{
	struct fx *f = *state;
	add_user(f->db, "root2", CREDO_ROLE_ADMIN);
	act_as(f->db, "root2");
	int64_t audits = audit_count(f->db);
	expect_ok(f->db, credo_user_add(f->db, "fin1", CREDO_ROLE_FINANCE, "吴芳", NULL));
	assert_int_equal(audit_count(f->db), audits + 1);
	struct last_audit a = newest_audit(f->db);
	assert_string_equal(a.actor, "root2");
	assert_string_equal(a.via, ADMIN);
	assert_string_equal(a.entity, "users");
	assert_string_equal(a.action, "create");
}

static void set_role_and_last_admin(void **state)
{
	struct fx *f = *state;
	add_user(f->db, "sales1", CREDO_ROLE_SALES);
	int64_t audits = audit_count(f->db);

	expect_ok(f->db, credo_user_set_role(f->db, "sales1", CREDO_ROLE_CREDIT));
	assert_int_equal(role_of(f->db, "sales1"), CREDO_ROLE_CREDIT);
	assert_int_equal(audit_count(f->db), audits + 1);
	struct last_audit a = newest_audit(f->db);
	assert_string_equal(a.entity, "users");
	assert_string_equal(a.action, "set_role");
	assert_string_equal(a.actor, ADMIN);
	assert_non_null(strstr(a.before, "sales"));
	assert_non_null(strstr(a.after, "credit"));
	/* The new role takes effect at the user's next login. */
	act_as(f->db, "sales1");
	assert_int_equal(credo_actor_role(f->db), CREDO_ROLE_CREDIT);
	assert_true(credo_can(f->db, CREDO_PERM_CREDIT_DECIDE));
	expect_ok(f->db, credo_login(f->db, ADMIN, NULL));

	/* The only admin cannot be demoted. */
	audits = audit_count(f->db);
	assert_int_equal(credo_user_set_role(f->db, ADMIN, CREDO_ROLE_GM), CREDO_RULE);
	assert_non_null(strstr(credo_errmsg(f->db), ADMIN));
	assert_int_equal(role_of(f->db, ADMIN), CREDO_ROLE_ADMIN);
	assert_int_equal(audit_count(f->db), audits);
	/* Re-affirming the admin role is no demotion. */
	expect_ok(f->db, credo_user_set_role(f->db, ADMIN, CREDO_ROLE_ADMIN));

	/* With a second admin, one may go; then the other is the last. */
	add_user(f->db, "root2", CREDO_ROLE_ADMIN);
	expect_ok(f->db, credo_user_set_role(f->db, ADMIN, CREDO_ROLE_GM));
	assert_int_equal(role_of(f->db, ADMIN), CREDO_ROLE_GM);
	expect_ok(f->db, credo_login(f->db, "root2", NULL));
	audits = audit_count(f->db);
	assert_int_equal(credo_user_set_role(f->db, "root2", CREDO_ROLE_FINANCE), CREDO_RULE);
	assert_int_equal(role_of(f->db, "root2"), CREDO_ROLE_ADMIN);

	/* Unknown user, unknown role. */
	assert_int_equal(credo_user_set_role(f->db, "nobody", CREDO_ROLE_SALES), CREDO_NOTFOUND);
	assert_int_equal(credo_user_set_role(f->db, "sales1", (credo_role)CREDO_ROLE_COUNT), CREDO_INVALID);
	assert_int_equal(audit_count(f->db), audits);
}

/* A user switched off (active = 0, e.g. someone who left) can no longer act. */
static void inactive_users_cannot_act(void **state)
{
	struct fx *f = *state;
	add_user(f->db, "leaver", CREDO_ROLE_SALES);
	add_user(f->db, "oldadmin", CREDO_ROLE_ADMIN);
	raw_exec(f->path, "UPDATE users SET active = 0 WHERE login IN ('leaver', 'oldadmin')");
	assert_int_equal(credo_login(f->db, "leaver", NULL), CREDO_NOUSER);
	assert_int_equal(credo_login(f->db, ADMIN, "leaver"), CREDO_NOUSER);
	assert_int_equal(credo_login(f->db, "oldadmin", "sales1"), CREDO_NOUSER);
	/* An inactive admin does not count: ADMIN is still the last one. */
	expect_ok(f->db, credo_login(f->db, ADMIN, NULL));
	assert_int_equal(credo_user_set_role(f->db, ADMIN, CREDO_ROLE_GM), CREDO_RULE);
	assert_int_equal(role_of(f->db, ADMIN), CREDO_ROLE_ADMIN);
}

static void role_names(void **state)
{
	(void)state;
	static const char *const names[] = { "sales", "sales_manager", "credit", "finance", "gm", "admin" };
	assert_int_equal(sizeof names / sizeof names[0], CREDO_ROLE_COUNT);
	for (int r = 0; r < CREDO_ROLE_COUNT; r++) {
		credo_role back = CREDO_ROLE_COUNT;
		assert_string_equal(credo_role_name((credo_role)r), names[r]);
		assert_int_equal(credo_role_parse(names[r], &back), CREDO_OK);
		assert_int_equal(back, r);
		assert_true(strlen(credo_role_label((credo_role)r)) > 0);
	}
	credo_role out = CREDO_ROLE_SALES;
	assert_int_equal(credo_role_parse("boss", &out), CREDO_INVALID);
	assert_int_equal(credo_role_parse("Admin", &out), CREDO_INVALID);
	assert_int_equal(credo_role_parse("", &out), CREDO_INVALID);
	assert_int_equal(credo_role_parse(NULL, &out), CREDO_INVALID);
	assert_int_equal(out, CREDO_ROLE_SALES);
	assert_null(credo_role_name(CREDO_ROLE_COUNT));
	for (int p = 0; p < CREDO_PERM_COUNT; p++)
		assert_true(strlen(credo_perm_what((credo_perm)p)) > 0);
}

/* Segregation of duties (DESIGN.md section 1). */
static void role_permissions(void **state)
{
	(void)state;
	/* A salesperson never approves a limit, posts to the ledger, writes off or manages users. */
	assert_false(credo_role_can(CREDO_ROLE_SALES, CREDO_PERM_CREDIT_DECIDE));
	assert_false(credo_role_can(CREDO_ROLE_SALES, CREDO_PERM_CREDIT_ESCALATED));
	assert_false(credo_role_can(CREDO_ROLE_SALES, CREDO_PERM_LEDGER_POST));
	assert_false(credo_role_can(CREDO_ROLE_SALES, CREDO_PERM_WRITE_OFF));
	assert_false(credo_role_can(CREDO_ROLE_SALES, CREDO_PERM_USER_ADMIN));
	assert_false(credo_role_can(CREDO_ROLE_SALES, CREDO_PERM_READ_ALL));
	assert_false(credo_role_can(CREDO_ROLE_SALES, CREDO_PERM_CUSTOMER_ASSIGN));
	assert_true(credo_role_can(CREDO_ROLE_SALES, CREDO_PERM_CUSTOMER_EDIT));
	assert_true(credo_role_can(CREDO_ROLE_SALES, CREDO_PERM_CREDIT_REQUEST));
	/* Nor does the sales manager. */
	assert_false(credo_role_can(CREDO_ROLE_SALES_MANAGER, CREDO_PERM_CREDIT_DECIDE));
	assert_false(credo_role_can(CREDO_ROLE_SALES_MANAGER, CREDO_PERM_LEDGER_POST));
	assert_false(credo_role_can(CREDO_ROLE_SALES_MANAGER, CREDO_PERM_WRITE_OFF));
	assert_true(credo_role_can(CREDO_ROLE_SALES_MANAGER, CREDO_PERM_READ_ALL));
	assert_true(credo_role_can(CREDO_ROLE_SALES_MANAGER, CREDO_PERM_CUSTOMER_ASSIGN));
	/* The credit manager decides credit but does not post or request it. */
	assert_true(credo_role_can(CREDO_ROLE_CREDIT, CREDO_PERM_CREDIT_DECIDE));
	assert_false(credo_role_can(CREDO_ROLE_CREDIT, CREDO_PERM_LEDGER_POST));
	assert_false(credo_role_can(CREDO_ROLE_CREDIT, CREDO_PERM_WRITE_OFF));
	assert_false(credo_role_can(CREDO_ROLE_CREDIT, CREDO_PERM_CREDIT_REQUEST));
	/* Finance posts and writes off, but does not approve limits. */
	assert_true(credo_role_can(CREDO_ROLE_FINANCE, CREDO_PERM_LEDGER_POST));
	assert_true(credo_role_can(CREDO_ROLE_FINANCE, CREDO_PERM_WRITE_OFF));
	assert_false(credo_role_can(CREDO_ROLE_FINANCE, CREDO_PERM_CREDIT_DECIDE));
	/* The GM decides escalations and reads everything. */
	assert_true(credo_role_can(CREDO_ROLE_GM, CREDO_PERM_CREDIT_ESCALATED));
	assert_true(credo_role_can(CREDO_ROLE_GM, CREDO_PERM_READ_ALL));
	assert_false(credo_role_can(CREDO_ROLE_GM, CREDO_PERM_LEDGER_POST));
	/* The admin runs the system, not the business. */
	assert_true(credo_role_can(CREDO_ROLE_ADMIN, CREDO_PERM_USER_ADMIN));
	assert_false(credo_role_can(CREDO_ROLE_ADMIN, CREDO_PERM_LEDGER_POST));
	assert_false(credo_role_can(CREDO_ROLE_ADMIN, CREDO_PERM_CREDIT_DECIDE));
	assert_false(credo_role_can(CREDO_ROLE_ADMIN, CREDO_PERM_WRITE_OFF));
	assert_false(credo_role_can(CREDO_ROLE_ADMIN, CREDO_PERM_CUSTOMER_EDIT));
	/* Only admins manage users; only one role holds each decision. */
	for (int r = 0; r < CREDO_ROLE_COUNT; r++) {
		assert_int_equal(credo_role_can((credo_role)r, CREDO_PERM_USER_ADMIN), r == CREDO_ROLE_ADMIN);
		assert_int_equal(credo_role_can((credo_role)r, CREDO_PERM_CREDIT_DECIDE), r == CREDO_ROLE_CREDIT);
		assert_int_equal(credo_role_can((credo_role)r, CREDO_PERM_CREDIT_ESCALATED), r == CREDO_ROLE_GM);
		assert_int_equal(credo_role_can((credo_role)r, CREDO_PERM_WRITE_OFF), r == CREDO_ROLE_FINANCE);
	}
	/* Out of range never grants anything. */
	assert_false(credo_role_can((credo_role)CREDO_ROLE_COUNT, CREDO_PERM_READ_ALL));
	assert_false(credo_role_can((credo_role)-1, CREDO_PERM_READ_ALL));
	assert_false(credo_role_can(CREDO_ROLE_ADMIN, (credo_perm)CREDO_PERM_COUNT));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(init_admin_on_empty_db, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(init_admin_only_once, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(init_admin_bad_login_leaves_nothing, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(nobody_logged_in, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(user_add_by_admin, fx_setup_admin, fx_teardown),
		cmocka_unit_test_setup_teardown(user_add_by_non_admin_is_refused, fx_setup_admin, fx_teardown),
		cmocka_unit_test_setup_teardown(bad_logins_are_invalid, fx_setup_admin, fx_teardown),
		cmocka_unit_test_setup_teardown(duplicate_login_exists, fx_setup_admin, fx_teardown),
		cmocka_unit_test_setup_teardown(login_as_another_user, fx_setup_admin, fx_teardown),
		cmocka_unit_test_setup_teardown(audit_records_actor_and_via, fx_setup_admin, fx_teardown),
		cmocka_unit_test_setup_teardown(set_role_and_last_admin, fx_setup_admin, fx_teardown),
		cmocka_unit_test_setup_teardown(inactive_users_cannot_act, fx_setup_admin, fx_teardown),
		cmocka_unit_test(role_names),
		cmocka_unit_test(role_permissions),
	};
	return cmocka_run_group_tests_name("user", tests, NULL, NULL);
}
