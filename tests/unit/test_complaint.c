/* test_complaint.c - complaints: dates, kinds, handling, closing, scope, audit and the credit count. */
#include "helpers.h"

#define TODAY "2026-11-23"

struct world {
	struct fx *f;
	int64_t zw_customer, ln_customer;
};

static int64_t add_customer(credo_db *db, const char *as, const char *name)
{
	act_as(db, as);
	credo_customer_new c = { .name = name };
	int64_t id = 0;
	expect_ok(db, credo_customer_add(db, &c, &id));
	return id;
}

/* Two salespeople with a customer each; credit and finance handle complaints too, gm does not. */
static int setup(void **state)
{
	fx_setup_admin(state);
	struct fx *f = *state;
	add_user(f->db, "zw", CREDO_ROLE_SALES);
	add_user(f->db, "ln", CREDO_ROLE_SALES);
	add_user(f->db, "cr", CREDO_ROLE_CREDIT);
	add_user(f->db, "fin", CREDO_ROLE_FINANCE);
	add_user(f->db, "gm", CREDO_ROLE_GM);
	struct world *w = calloc(1, sizeof *w);
	assert_non_null(w);
	w->f = f;
	w->zw_customer = add_customer(f->db, "zw", "上海华联超市有限公司");
	w->ln_customer = add_customer(f->db, "ln", "Guangzhou Parts Ltd.");
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;
	fx_free(w->f);
	free(w);
	return 0;
}

static void fingerprint(struct fx *f, char *buf, size_t len)
{
	raw_text(f->path, "SELECT (SELECT count(*) FROM audit_log WHERE action <> 'denied') || '|' || (SELECT coalesce(group_concat("
		 "id || status || coalesce(reasonable, '-') || coalesce(assigned_to, '-') || coalesce(closed_date, '-')"
		 " || resolution), '') FROM complaints)", buf, len);
}

/* The call must fail with want, name what failed, and change nothing. */
#define expect_refused(f, call, want, words) do { \
	char before_[2048], after_[2048]; \
	fingerprint(f, before_, sizeof before_); \
	expect_status((f)->db, call, want); \
	if (!strstr(credo_errmsg((f)->db), words)) \
		fail_msg("message \"%s\" does not name \"%s\"", credo_errmsg((f)->db), words); \
	fingerprint(f, after_, sizeof after_); \
	assert_string_equal(before_, after_); \
} while (0)

static int64_t add_complaint(struct world *w, const char *as, int64_t customer, const char *date,
			     const char *kind, int dispute)
{
	act_as(w->f->db, as);
	credo_complaint_new in = { .customer_id = customer, .date = date, .kind = kind,
				   .description = "货物破损, 3 boxes", .is_dispute = dispute };
	int64_t id = 0;
	expect_ok(w->f->db, credo_complaint_add(w->f->db, &in, &id));
	assert_true(id > 0);
	return id;
}

struct seen {
	int n;
	int64_t ids[16];
	char date[16], kind[16], status[16], assigned[33], closed[16], resolution[128], root[128], code[16];
	int reasonable, dispute;
};

static int collect(const credo_complaint *m, void *ctx)
{
	struct seen *s = ctx;
	if (s->n < 16)
		s->ids[s->n] = m->id;
	s->n++;
	snprintf(s->date, sizeof s->date, "%s", m->date);
	snprintf(s->kind, sizeof s->kind, "%s", m->kind);
	snprintf(s->status, sizeof s->status, "%s", m->status);
	snprintf(s->assigned, sizeof s->assigned, "%s", m->assigned_login);
	snprintf(s->closed, sizeof s->closed, "%s", m->closed_date);
	snprintf(s->resolution, sizeof s->resolution, "%s", m->resolution);
	snprintf(s->root, sizeof s->root, "%s", m->root_cause);
	snprintf(s->code, sizeof s->code, "%s", m->customer_code);
	s->reasonable = m->reasonable;
	s->dispute = m->is_dispute;
	return 0;
}

struct wanted {
	int64_t id;
	struct seen s;
};

static int collect_one(const credo_complaint *m, void *ctx)
{
	struct wanted *k = ctx;
	return m->id == k->id ? collect(m, &k->s) : 0;
}

/* One complaint as the acting user's list shows it. */
static struct seen get(struct world *w, int64_t id)
{
	struct wanted k = { .id = id };
	expect_ok(w->f->db, credo_complaint_list(w->f->db, NULL, collect_one, &k));
	assert_int_equal(k.s.n, 1);
	return k.s;
}

static struct seen list(struct world *w, const credo_complaint_filter *flt)
{
	struct seen s = { 0 };
	expect_ok(w->f->db, credo_complaint_list(w->f->db, flt, collect, &s));
	return s;
}

static void last_audit(struct fx *f, char *buf, size_t len)
{
	raw_text(f->path, "SELECT entity || '/' || action || '/' || actor || '/' ||"
		 " coalesce(json_extract(nullif(before, ''), '$.status'), '-') || '>' || json_extract(after, '$.status')"
		 " FROM audit_log ORDER BY id DESC LIMIT 1", buf, len);
}

static void add_defaults_to_today_and_open(void **state)
{
	struct world *w = *state;
	int64_t audits = audit_count(w->f->db);
	int64_t id = add_complaint(w, "zw", w->zw_customer, NULL, "quality", 0);
	struct seen s = get(w, id);
	assert_string_equal(s.date, TODAY);
	assert_string_equal(s.kind, "quality");
	assert_string_equal(s.status, "open");
	assert_int_equal(s.reasonable, -1);	/* not judged yet */
	assert_int_equal(s.dispute, 0);
	assert_string_equal(s.assigned, "");
	assert_string_equal(s.closed, "");
	assert_string_equal(s.code, "C000001");
	assert_int_equal(audit_count(w->f->db), audits + 1);
	char row[256];
	last_audit(w->f, row, sizeof row);
	assert_string_equal(row, "complaints/create/zw/->open");

	/* Credit and finance record complaints too, on any customer; a date is kept canonical. */
	act_as(w->f->db, "cr");
	credo_complaint_new in = { .customer_id = w->ln_customer, .date = " 2026-10-01", .kind = "billing",
				   .description = "invoice\ntwice", .is_dispute = 1, .assigned_login = "fin" };
	expect_ok(w->f->db, credo_complaint_add(w->f->db, &in, &id));
	s = get(w, id);
	assert_string_equal(s.date, "2026-10-01");
	assert_string_equal(s.assigned, "fin");
	assert_int_equal(s.dispute, 1);
}

static void add_validates_and_changes_nothing_on_failure(void **state)
{
	struct world *w = *state;
	act_as(w->f->db, "zw");
	int64_t id = 0;
	credo_complaint_new in = { .customer_id = w->zw_customer, .kind = "price", .description = "x" };
	expect_refused(w->f, credo_complaint_add(w->f->db, &in, &id), CREDO_INVALID,
		       "quality, service, delivery or billing");
	in.kind = NULL;
	expect_refused(w->f, credo_complaint_add(w->f->db, &in, &id), CREDO_INVALID, "kind");
	in.kind = "service";
	in.date = "2026-11-24";
	expect_refused(w->f, credo_complaint_add(w->f->db, &in, &id), CREDO_INVALID, "in the future");
	in.date = "23/11/2026";
	expect_refused(w->f, credo_complaint_add(w->f->db, &in, &id), CREDO_INVALID, "complaint date");
	in.date = NULL;
	in.description = "";
	expect_refused(w->f, credo_complaint_add(w->f->db, &in, &id), CREDO_INVALID, "description is required");
	in.description = "rude driver";
	in.assigned_login = "gm";
	expect_refused(w->f, credo_complaint_add(w->f->db, &in, &id), CREDO_INVALID, "does not handle complaints");
	in.assigned_login = "ghost";
	expect_refused(w->f, credo_complaint_add(w->f->db, &in, &id), CREDO_INVALID, "not an active user");
	in.assigned_login = NULL;
	in.is_dispute = 2;
	expect_refused(w->f, credo_complaint_add(w->f->db, &in, &id), CREDO_INVALID, "dispute");
	in.is_dispute = 0;
	in.customer_id = 424242;
	expect_refused(w->f, credo_complaint_add(w->f->db, &in, &id), CREDO_NOTFOUND, "not found");
}

static void permissions_and_scope(void **state)
{
	struct world *w = *state;
	int64_t zws = add_complaint(w, "zw", w->zw_customer, NULL, "delivery", 0);
	add_complaint(w, "ln", w->ln_customer, NULL, "delivery", 0);

	const char *not_handlers[] = { "gm", ADMIN };
	for (size_t i = 0; i < 2; i++) {
		act_as(w->f->db, not_handlers[i]);
		credo_complaint_new in = { .customer_id = w->zw_customer, .kind = "quality", .description = "x" };
		int64_t id = 0;
		expect_refused(w->f, credo_complaint_add(w->f->db, &in, &id), CREDO_PERM, "permission denied");
		expect_refused(w->f, credo_complaint_update(w->f->db, zws, NULL, "in_progress", -1), CREDO_PERM,
			       "permission denied");
		expect_refused(w->f, credo_complaint_close(w->f->db, zws, "done", NULL, 0, NULL), CREDO_PERM,
			       "permission denied");
		assert_int_equal(list(w, NULL).n, 2);	/* they read everything */
	}

	/* Another salesperson's customer's complaints do not exist for ln. */
	act_as(w->f->db, "ln");
	struct seen s = list(w, NULL);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.code, "C000002");
	credo_complaint_filter flt = { .customer_id = w->zw_customer };
	assert_int_equal(list(w, &flt).n, 0);
	credo_complaint_new in = { .customer_id = w->zw_customer, .kind = "quality", .description = "x" };
	int64_t id = 0;
	expect_refused(w->f, credo_complaint_add(w->f->db, &in, &id), CREDO_NOTFOUND, "not found");
	expect_refused(w->f, credo_complaint_update(w->f->db, zws, NULL, "in_progress", -1), CREDO_NOTFOUND,
		       "not found");
	expect_refused(w->f, credo_complaint_close(w->f->db, zws, "done", NULL, 0, NULL), CREDO_NOTFOUND,
		       "not found");
	int64_t total = -1, counted = -1;
	expect_refused(w->f, credo_complaint_count(w->f->db, w->zw_customer, NULL, NULL, &total, &counted),
		       CREDO_NOTFOUND, "not found");

	credo_db *anon = db_create(w->f->path);
	expect_status(anon, credo_complaint_list(anon, NULL, collect, &s), CREDO_NOUSER);
	credo_close(anon);
}

static void update_works_the_complaint(void **state)
{
	struct world *w = *state;
	int64_t id = add_complaint(w, "zw", w->zw_customer, "2026-11-01", "service", 0);
	expect_refused(w->f, credo_complaint_update(w->f->db, id, NULL, NULL, -1), CREDO_INVALID, "nothing to change");
	expect_refused(w->f, credo_complaint_update(w->f->db, id, NULL, "closed", -1), CREDO_RULE, "resolution");
	expect_refused(w->f, credo_complaint_update(w->f->db, id, NULL, "parked", -1), CREDO_INVALID,
		       "open, in_progress or resolved");
	expect_refused(w->f, credo_complaint_update(w->f->db, id, NULL, NULL, 2), CREDO_INVALID, "reasonable");
	expect_refused(w->f, credo_complaint_update(w->f->db, id, "gm", NULL, -1), CREDO_INVALID,
		       "does not handle complaints");

	int64_t audits = audit_count(w->f->db);
	expect_ok(w->f->db, credo_complaint_update(w->f->db, id, "cr", "in_progress", 1));
	assert_int_equal(audit_count(w->f->db), audits + 1);
	char row[256];
	last_audit(w->f, row, sizeof row);
	assert_string_equal(row, "complaints/update/zw/open>in_progress");
	struct seen s = get(w, id);
	assert_string_equal(s.assigned, "cr");
	assert_string_equal(s.status, "in_progress");
	assert_int_equal(s.reasonable, 1);

	/* NULL and -1 leave things as they are; "" takes the handler off. */
	expect_ok(w->f->db, credo_complaint_update(w->f->db, id, NULL, "resolved", -1));
	s = get(w, id);
	assert_string_equal(s.assigned, "cr");
	assert_int_equal(s.reasonable, 1);
	expect_ok(w->f->db, credo_complaint_update(w->f->db, id, "", NULL, 0));
	s = get(w, id);
	assert_string_equal(s.assigned, "");
	assert_string_equal(s.status, "resolved");
	assert_int_equal(s.reasonable, 0);
}

static void close_needs_resolution_and_judgement(void **state)
{
	struct world *w = *state;
	int64_t id = add_complaint(w, "zw", w->zw_customer, "2026-11-10", "quality", 0);
	expect_refused(w->f, credo_complaint_close(w->f->db, id, NULL, NULL, 1, NULL), CREDO_INVALID,
		       "resolution is required");
	expect_refused(w->f, credo_complaint_close(w->f->db, id, "replaced", NULL, -1, NULL), CREDO_INVALID,
		       "credit model");
	expect_refused(w->f, credo_complaint_close(w->f->db, id, "replaced", NULL, 1, "2026-11-09"), CREDO_RULE,
		       "before it was made on 2026-11-10");
	expect_refused(w->f, credo_complaint_close(w->f->db, id, "replaced", NULL, 1, "2026-11-24"), CREDO_INVALID,
		       "in the future");
	expect_refused(w->f, credo_complaint_close(w->f->db, id, "replaced", NULL, 1, "soon"), CREDO_INVALID,
		       "closing date");

	int64_t audits = audit_count(w->f->db);
	expect_ok(w->f->db, credo_complaint_close(w->f->db, id, "replaced 3 boxes", "packing\nat the warehouse", 1,
						  "2026-11-12"));
	assert_int_equal(audit_count(w->f->db), audits + 1);
	char row[256];
	last_audit(w->f, row, sizeof row);
	assert_string_equal(row, "complaints/close/zw/open>closed");
	struct seen s = get(w, id);
	assert_string_equal(s.status, "closed");
	assert_string_equal(s.closed, "2026-11-12");
	assert_string_equal(s.resolution, "replaced 3 boxes");
	assert_string_equal(s.root, "packing\nat the warehouse");
	assert_int_equal(s.reasonable, 1);

	/* Closed is final. */
	expect_refused(w->f, credo_complaint_close(w->f->db, id, "again", NULL, 0, NULL), CREDO_RULE, "is closed");
	expect_refused(w->f, credo_complaint_update(w->f->db, id, NULL, "open", -1), CREDO_RULE, "is closed");

	/* Without a date it closes today. */
	id = add_complaint(w, "zw", w->zw_customer, NULL, "billing", 0);
	expect_ok(w->f->db, credo_complaint_close(w->f->db, id, "credit note issued", NULL, 0, NULL));
	assert_string_equal(get(w, id).closed, TODAY);
}

static void list_filters_and_order(void **state)
{
	struct world *w = *state;
	int64_t old = add_complaint(w, "zw", w->zw_customer, "2026-01-05", "quality", 0);
	int64_t recent = add_complaint(w, "zw", w->zw_customer, "2026-11-20", "service", 0);
	int64_t closed = add_complaint(w, "zw", w->zw_customer, "2026-06-01", "delivery", 0);
	int64_t hers = add_complaint(w, "ln", w->ln_customer, "2026-11-20", "billing", 0);
	act_as(w->f->db, "zw");
	expect_ok(w->f->db, credo_complaint_close(w->f->db, closed, "redelivered", NULL, 0, "2026-06-02"));

	act_as(w->f->db, "cr");
	struct seen s = list(w, NULL);
	assert_int_equal(s.n, 4);
	int64_t order[] = { hers, recent, closed, old };	/* newest first, then the later entry */
	for (int i = 0; i < 4; i++)
		assert_int_equal(s.ids[i], order[i]);
	credo_complaint_filter flt = { .open_only = 1, .customer_id = w->zw_customer };
	s = list(w, &flt);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.ids[0], recent);
	assert_int_equal(s.ids[1], old);
	flt = (credo_complaint_filter){ .limit = 3 };
	assert_int_equal(list(w, &flt).n, 3);
}

static void count_feeds_the_credit_model(void **state)
{
	struct world *w = *state;
	/* In the window: judged reasonable, judged not, not judged, a dispute; outside it: one of each. */
	int64_t yes = add_complaint(w, "zw", w->zw_customer, "2026-03-01", "quality", 0);
	int64_t no = add_complaint(w, "zw", w->zw_customer, "2026-04-01", "quality", 0);
	add_complaint(w, "zw", w->zw_customer, "2026-05-01", "service", 0);
	add_complaint(w, "zw", w->zw_customer, "2026-06-01", "billing", 1);
	int64_t before = add_complaint(w, "zw", w->zw_customer, "2025-11-22", "quality", 0);
	add_complaint(w, "zw", w->zw_customer, "2025-11-23", "billing", 1);
	add_complaint(w, "ln", w->ln_customer, "2026-03-01", "quality", 1);
	act_as(w->f->db, "zw");
	expect_ok(w->f->db, credo_complaint_update(w->f->db, yes, NULL, NULL, 1));
	expect_ok(w->f->db, credo_complaint_close(w->f->db, no, "explained", NULL, 0, NULL));
	expect_ok(w->f->db, credo_complaint_update(w->f->db, before, NULL, NULL, 1));

	act_as(w->f->db, "cr");
	int64_t total = 0, counted = 0;
	expect_ok(w->f->db, credo_complaint_count(w->f->db, w->zw_customer, "2025-11-23", TODAY, &total, &counted));
	assert_int_equal(total, 5);	/* the window's ends are included */
	assert_int_equal(counted, 3);	/* reasonable, and the two disputes */
	expect_ok(w->f->db, credo_complaint_count(w->f->db, w->zw_customer, NULL, NULL, &total, &counted));
	assert_int_equal(total, 6);
	assert_int_equal(counted, 4);
	expect_ok(w->f->db, credo_complaint_count(w->f->db, w->zw_customer, "2027-01-01", NULL, &total, &counted));
	assert_int_equal(total, 0);
	assert_int_equal(counted, 0);
	expect_status(w->f->db, credo_complaint_count(w->f->db, w->zw_customer, "last year", NULL, &total, &counted),
		      CREDO_INVALID);
}

int main(void)
{
	setenv("CREDO_TODAY", TODAY, 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(add_defaults_to_today_and_open, setup, teardown),
		cmocka_unit_test_setup_teardown(add_validates_and_changes_nothing_on_failure, setup, teardown),
		cmocka_unit_test_setup_teardown(permissions_and_scope, setup, teardown),
		cmocka_unit_test_setup_teardown(update_works_the_complaint, setup, teardown),
		cmocka_unit_test_setup_teardown(close_needs_resolution_and_judgement, setup, teardown),
		cmocka_unit_test_setup_teardown(list_filters_and_order, setup, teardown),
		cmocka_unit_test_setup_teardown(count_feeds_the_credit_model, setup, teardown),
	};
	return cmocka_run_group_tests_name("complaint", tests, NULL, NULL);
}
