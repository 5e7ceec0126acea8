/* test_opportunity.c - opportunities, the stage list and the funnel's arithmetic. */
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

/* Two salespeople with a customer each, their manager, and roles that do not sell. */
static int setup(void **state)
{
	fx_setup_admin(state);
	struct fx *f = *state;
	add_user(f->db, "zw", CREDO_ROLE_SALES);
	add_user(f->db, "ln", CREDO_ROLE_SALES);
	add_user(f->db, "boss", CREDO_ROLE_SALES_MANAGER);
	add_user(f->db, "cr", CREDO_ROLE_CREDIT);
	add_user(f->db, "fin", CREDO_ROLE_FINANCE);
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

/* Everything these calls may touch, so "nothing changed" is one string comparison. */
static void fingerprint(struct fx *f, char *buf, size_t len)
{
	raw_text(f->path, "SELECT (SELECT count(*) FROM audit_log WHERE action <> 'denied') || '|' ||"
		 " (SELECT coalesce(group_concat(id || ':' || stage_id || ':' || amount || ':' || lost_reason), '')"
		 " FROM opportunities) || '|' || (SELECT group_concat(id || ':' || name || ':' || probability || ':'"
		 " || sort_order || ':' || outcome) FROM opportunity_stages)", buf, len);
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

static int64_t add_opp(struct world *w, const char *as, int64_t customer, const char *stage, credo_money amount,
		       const char *close)
{
	act_as(w->f->db, as);
	credo_opportunity_new in = { .customer_id = customer, .description = "Shelving, phase 1", .stage = stage,
				     .amount = amount, .expected_close = close };
	int64_t id = 0;
	expect_ok(w->f->db, credo_opportunity_add(w->f->db, &in, &id));
	assert_true(id > 0);
	return id;
}

struct opp_seen {
	int n;
	int64_t ids[16];
	char stage[32], owner[33], outcome[8], close[16], reason[128];
	int probability;
	credo_money amount;
};

static int collect(const credo_opportunity *o, void *ctx)
{
	struct opp_seen *s = ctx;
	if (s->n < 16)
		s->ids[s->n] = o->id;
	s->n++;
	snprintf(s->stage, sizeof s->stage, "%s", o->stage);
	snprintf(s->owner, sizeof s->owner, "%s", o->owner_login);
	snprintf(s->outcome, sizeof s->outcome, "%s", o->outcome);
	snprintf(s->close, sizeof s->close, "%s", o->expected_close);
	snprintf(s->reason, sizeof s->reason, "%s", o->lost_reason);
	s->probability = o->probability;
	s->amount = o->amount;
	return 0;
}

struct wanted {
	int64_t id;
	struct opp_seen s;
};

static int collect_one(const credo_opportunity *o, void *ctx)
{
	struct wanted *k = ctx;
	return o->id == k->id ? collect(o, &k->s) : 0;
}

/* One opportunity as the acting user's list shows it. */
static struct opp_seen get(struct world *w, int64_t id)
{
	struct wanted k = { .id = id };
	expect_ok(w->f->db, credo_opportunity_list(w->f->db, NULL, collect_one, &k));
	assert_int_equal(k.s.n, 1);
	return k.s;
}

static struct opp_seen list(struct world *w, const credo_opportunity_filter *flt)
{
	struct opp_seen s = { 0 };
	expect_ok(w->f->db, credo_opportunity_list(w->f->db, flt, collect, &s));
	return s;
}

static void last_audit(struct fx *f, char *buf, size_t len)
{
	raw_text(f->path, "SELECT entity || '/' || action || '/' || actor || '/' ||"
		 " coalesce(json_extract(nullif(before, ''), '$.stage'), '-') || '>' || coalesce(json_extract(after, '$.stage'),"
		 " json_extract(after, '$.name'), '-') FROM audit_log ORDER BY id DESC LIMIT 1", buf, len);
}

static int stage_text(const credo_stage *s, void *ctx)
{
	char *buf = ctx;
	size_t n = strlen(buf);
	snprintf(buf + n, 512 - n, "%s%s %d %d %s", n ? ", " : "", s->name, s->probability, s->sort_order,
		 s->outcome);
	return 0;
}

static void stages_come_in_order(void **state)
{
	struct world *w = *state;
	char buf[512] = "";
	act_as(w->f->db, "fin");	/* anyone may read the list */
	expect_ok(w->f->db, credo_stage_list(w->f->db, stage_text, buf));
	assert_string_equal(buf, "lead 10 1 open, qualified 25 2 open, proposal 50 3 open, negotiation 75 4 open,"
			    " won 100 5 won, lost 0 6 lost");
}

static void add_defaults_to_first_open_stage_and_customer_owner(void **state)
{
	struct world *w = *state;
	int64_t audits = audit_count(w->f->db);
	int64_t id = add_opp(w, "boss", w->zw_customer, NULL, 1234567, NULL);
	struct opp_seen s = get(w, id);
	assert_string_equal(s.stage, "lead");
	assert_int_equal(s.probability, 10);
	assert_string_equal(s.outcome, "open");
	assert_string_equal(s.owner, "zw");
	assert_int_equal(s.amount, 1234567);
	assert_string_equal(s.close, "");
	assert_int_equal(audit_count(w->f->db), audits + 1);
	char row[256];
	last_audit(w->f, row, sizeof row);
	assert_string_equal(row, "opportunities/create/boss/->lead");

	id = add_opp(w, "zw", w->zw_customer, "proposal", 0, " 2026-12-31 ");
	s = get(w, id);
	assert_string_equal(s.stage, "proposal");
	assert_string_equal(s.close, "2026-12-31");	/* stored canonical */
	assert_int_equal(s.amount, 0);

	/* A deal may be recorded as already won. */
	id = add_opp(w, "boss", w->ln_customer, "won", 500, NULL);
	assert_string_equal(get(w, id).outcome, "won");
}

static void add_validates_and_changes_nothing_on_failure(void **state)
{
	struct world *w = *state;
	act_as(w->f->db, "zw");
	int64_t id = 0;
	credo_opportunity_new in = { .customer_id = w->zw_customer };
	expect_refused(w->f, credo_opportunity_add(w->f->db, &in, &id), CREDO_INVALID, "description is required");
	in.description = "Two\nlines";
	expect_refused(w->f, credo_opportunity_add(w->f->db, &in, &id), CREDO_INVALID, "line breaks");
	in.description = "Shelving";
	in.amount = -1;
	expect_refused(w->f, credo_opportunity_add(w->f->db, &in, &id), CREDO_INVALID, "amount must not be negative");
	in.amount = 100;
	in.expected_close = "2026-02-30";
	expect_refused(w->f, credo_opportunity_add(w->f->db, &in, &id), CREDO_INVALID, "expected close date");
	in.expected_close = NULL;
	in.stage = "signed";
	expect_refused(w->f, credo_opportunity_add(w->f->db, &in, &id), CREDO_INVALID,
		       "stages: lead, qualified, proposal, negotiation, won, lost");
	in.stage = "lost";
	expect_refused(w->f, credo_opportunity_add(w->f->db, &in, &id), CREDO_RULE, "cannot start lost");
	in.stage = NULL;
	in.owner_login = "ln";
	expect_refused(w->f, credo_opportunity_add(w->f->db, &in, &id), CREDO_PERM, "permission denied");
	act_as(w->f->db, "boss");
	in.owner_login = "cr";
	expect_refused(w->f, credo_opportunity_add(w->f->db, &in, &id), CREDO_INVALID, "not a salesperson");
	in.owner_login = "ghost";
	expect_refused(w->f, credo_opportunity_add(w->f->db, &in, &id), CREDO_INVALID, "not an active user");
	in.owner_login = NULL;
	in.customer_id = 424242;
	expect_refused(w->f, credo_opportunity_add(w->f->db, &in, &id), CREDO_NOTFOUND, "not found");
	/* The manager may give the deal to another salesperson. */
	in.customer_id = w->zw_customer;
	in.owner_login = "ln";
	expect_ok(w->f->db, credo_opportunity_add(w->f->db, &in, &id));
	assert_string_equal(get(w, id).owner, "ln");
}

static void only_sellers_work_opportunities(void **state)
{
	struct world *w = *state;
	int64_t opp = add_opp(w, "zw", w->zw_customer, NULL, 100, NULL);
	const char *others[] = { "cr", "fin", ADMIN };
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		act_as(w->f->db, others[i]);
		credo_opportunity_new in = { .customer_id = w->zw_customer, .description = "x" };
		int64_t id = 0;
		expect_refused(w->f, credo_opportunity_add(w->f->db, &in, &id), CREDO_PERM, "permission denied");
		expect_refused(w->f, credo_opportunity_set_stage(w->f->db, opp, "qualified"), CREDO_PERM,
			       "permission denied");
		expect_refused(w->f, credo_opportunity_lose(w->f->db, opp, "price"), CREDO_PERM, "permission denied");
		/* They still read everything. */
		assert_int_equal(list(w, NULL).n, 1);
	}
}

static int count_funnel(const credo_funnel_row *r, void *ctx)
{
	*(int64_t *)ctx += r->count;
	return 0;
}

static void a_salesperson_sees_only_its_customers_opportunities(void **state)
{
	struct world *w = *state;
	int64_t theirs = add_opp(w, "zw", w->zw_customer, NULL, 100, NULL);
	add_opp(w, "ln", w->ln_customer, NULL, 100, NULL);
	act_as(w->f->db, "ln");
	struct opp_seen s = list(w, NULL);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.owner, "ln");
	credo_opportunity_filter flt = { .customer_id = w->zw_customer };
	assert_int_equal(list(w, &flt).n, 0);
	int64_t id = 0;
	credo_opportunity_new in = { .customer_id = w->zw_customer, .description = "poach" };
	expect_refused(w->f, credo_opportunity_add(w->f->db, &in, &id), CREDO_NOTFOUND, "not found");
	expect_refused(w->f, credo_opportunity_set_stage(w->f->db, theirs, "qualified"), CREDO_NOTFOUND, "not found");
	expect_refused(w->f, credo_opportunity_lose(w->f->db, theirs, "price"), CREDO_NOTFOUND, "not found");
	int64_t n = 0;
	expect_ok(w->f->db, credo_funnel(w->f->db, count_funnel, &n));
	assert_int_equal(n, 1);

	act_as(w->f->db, "boss");
	assert_int_equal(list(w, NULL).n, 2);
	n = 0;
	expect_ok(w->f->db, credo_funnel(w->f->db, count_funnel, &n));
	assert_int_equal(n, 2);

	credo_db *anon = db_create(w->f->path);
	expect_status(anon, credo_opportunity_list(anon, NULL, collect, &s), CREDO_NOUSER);
	expect_status(anon, credo_funnel(anon, count_funnel, &n), CREDO_NOUSER);
	expect_status(anon, credo_stage_list(anon, stage_text, NULL), CREDO_NOUSER);
	credo_close(anon);
}

static void stages_move_until_won_or_lost(void **state)
{
	struct world *w = *state;
	int64_t id = add_opp(w, "zw", w->zw_customer, NULL, 100, NULL);
	int64_t audits = audit_count(w->f->db);
	expect_ok(w->f->db, credo_opportunity_set_stage(w->f->db, id, "qualified"));
	assert_int_equal(audit_count(w->f->db), audits + 1);
	char row[256];
	last_audit(w->f, row, sizeof row);
	assert_string_equal(row, "opportunities/set_stage/zw/lead>qualified");

	/* Backwards is allowed while open: deals slip. */
	expect_ok(w->f->db, credo_opportunity_set_stage(w->f->db, id, "lead"));
	expect_refused(w->f, credo_opportunity_set_stage(w->f->db, id, "lead"), CREDO_RULE, "already in stage lead");
	expect_refused(w->f, credo_opportunity_set_stage(w->f->db, id, "lost"), CREDO_RULE, "reason");
	expect_refused(w->f, credo_opportunity_set_stage(w->f->db, id, "signed"), CREDO_INVALID, "does not exist");
	expect_refused(w->f, credo_opportunity_set_stage(w->f->db, id, NULL), CREDO_INVALID, "stage is required");
	expect_refused(w->f, credo_opportunity_set_stage(w->f->db, id, ""), CREDO_INVALID, "stage is required");
	expect_refused(w->f, credo_opportunity_set_stage(w->f->db, 424242, "won"), CREDO_NOTFOUND, "not found");

	expect_ok(w->f->db, credo_opportunity_set_stage(w->f->db, id, "won"));
	struct opp_seen s = get(w, id);
	assert_string_equal(s.outcome, "won");
	assert_int_equal(s.probability, 100);
	expect_refused(w->f, credo_opportunity_set_stage(w->f->db, id, "negotiation"), CREDO_RULE,
		       "cannot move again");
	expect_refused(w->f, credo_opportunity_lose(w->f->db, id, "changed their mind"), CREDO_RULE,
		       "cannot move again");
}

static void lose_needs_a_reason_and_is_final(void **state)
{
	struct world *w = *state;
	int64_t id = add_opp(w, "zw", w->zw_customer, "negotiation", 100, NULL);
	expect_refused(w->f, credo_opportunity_lose(w->f->db, id, NULL), CREDO_INVALID, "reason");
	expect_refused(w->f, credo_opportunity_lose(w->f->db, id, ""), CREDO_INVALID, "reason");
	expect_ok(w->f->db, credo_opportunity_lose(w->f->db, id, "a competitor was 8% cheaper"));
	struct opp_seen s = get(w, id);
	assert_string_equal(s.stage, "lost");
	assert_string_equal(s.outcome, "lost");
	assert_string_equal(s.reason, "a competitor was 8% cheaper");
	char row[256];
	last_audit(w->f, row, sizeof row);
	assert_string_equal(row, "opportunities/lose/zw/negotiation>lost");
	expect_refused(w->f, credo_opportunity_lose(w->f->db, id, "again"), CREDO_RULE, "is lost");
	expect_refused(w->f, credo_opportunity_set_stage(w->f->db, id, "proposal"), CREDO_RULE, "is lost");
}

static void list_filters_and_order(void **state)
{
	struct world *w = *state;
	int64_t late = add_opp(w, "zw", w->zw_customer, NULL, 1, "2027-01-10");
	int64_t soon = add_opp(w, "zw", w->zw_customer, NULL, 2, "2026-12-01");
	int64_t undated = add_opp(w, "zw", w->zw_customer, NULL, 3, NULL);
	int64_t soon2 = add_opp(w, "zw", w->zw_customer, "won", 4, "2026-12-01");
	int64_t hers = add_opp(w, "ln", w->ln_customer, NULL, 5, "2026-11-30");
	act_as(w->f->db, "boss");
	struct opp_seen s = list(w, NULL);
	assert_int_equal(s.n, 5);
	int64_t order[] = { hers, soon, soon2, late, undated };	/* by close date, undated last */
	for (int i = 0; i < 5; i++)
		assert_int_equal(s.ids[i], order[i]);

	credo_opportunity_filter flt = { .customer_id = w->zw_customer };
	assert_int_equal(list(w, &flt).n, 4);
	flt = (credo_opportunity_filter){ .owner_login = "ln" };
	s = list(w, &flt);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.ids[0], hers);
	flt = (credo_opportunity_filter){ .open_only = 1, .customer_id = w->zw_customer };
	assert_int_equal(list(w, &flt).n, 3);
	flt = (credo_opportunity_filter){ .limit = 2 };
	assert_int_equal(list(w, &flt).n, 2);
}

/* What the funnel delivers, one row per (owner, stage). */
struct funnel_seen {
	int n;
	struct {
		char owner[33], stage[32];
		int probability;
		int64_t count;
		credo_money amount, weighted;
	} rows[16];
};

static int collect_funnel(const credo_funnel_row *r, void *ctx)
{
	struct funnel_seen *s = ctx;
	assert_true(s->n < 16);
	snprintf(s->rows[s->n].owner, sizeof s->rows[0].owner, "%s", r->owner_login);
	snprintf(s->rows[s->n].stage, sizeof s->rows[0].stage, "%s", r->stage);
	s->rows[s->n].probability = r->probability;
	s->rows[s->n].count = r->count;
	s->rows[s->n].amount = r->amount;
	s->rows[s->n].weighted = r->weighted;
	s->n++;
	return 0;
}

/* floor(sum x p / 100), computed the slow obvious way for comparison. */
static credo_money expected_weighted(const credo_money *amounts, int n, int p)
{
	__int128 sum = 0;
	for (int i = 0; i < n; i++)
		sum += amounts[i];
	return (credo_money)(sum * p / 100);
}

static void funnel_weighs_open_stages_exactly(void **state)
{
	struct world *w = *state;
	/* zw: three in lead (10%), one in qualified (25%), a huge one in negotiation (75%). */
	const credo_money lead[] = { 1, 99, 12345 };
	const credo_money qualified[] = { 999 };
	const credo_money negotiation[] = { INT64_MAX / 2 };
	const credo_money proposal[] = { 333, 1 };
	for (int i = 0; i < 3; i++)
		add_opp(w, "zw", w->zw_customer, "lead", lead[i], NULL);
	add_opp(w, "zw", w->zw_customer, "qualified", qualified[0], NULL);
	add_opp(w, "zw", w->zw_customer, "negotiation", negotiation[0], NULL);
	/* ln: two in proposal (50%). Won and lost deals are not in the funnel. */
	for (int i = 0; i < 2; i++)
		add_opp(w, "ln", w->ln_customer, "proposal", proposal[i], NULL);
	add_opp(w, "ln", w->ln_customer, "won", 777777, NULL);
	int64_t gone = add_opp(w, "ln", w->ln_customer, "proposal", 888888, NULL);
	expect_ok(w->f->db, credo_opportunity_lose(w->f->db, gone, "budget cut"));

	act_as(w->f->db, "boss");
	struct funnel_seen s = { 0 };
	expect_ok(w->f->db, credo_funnel(w->f->db, collect_funnel, &s));
	const struct {
		const char *owner, *stage;
		int p;
		const credo_money *amounts;
		int n;
	} want[] = {
		/* by login, then by stage order (not by name: negotiation sorts before qualified) */
		{ "ln", "proposal", 50, proposal, 2 },
		{ "zw", "lead", 10, lead, 3 },
		{ "zw", "qualified", 25, qualified, 1 },
		{ "zw", "negotiation", 75, negotiation, 1 },
	};
	assert_int_equal(s.n, 4);
	for (int i = 0; i < 4; i++) {
		assert_string_equal(s.rows[i].owner, want[i].owner);
		assert_string_equal(s.rows[i].stage, want[i].stage);
		assert_int_equal(s.rows[i].probability, want[i].p);
		assert_int_equal(s.rows[i].count, want[i].n);
		__int128 sum = 0;
		for (int j = 0; j < want[i].n; j++)
			sum += want[i].amounts[j];
		assert_true(s.rows[i].amount == (credo_money)sum);
		credo_money wt = expected_weighted(want[i].amounts, want[i].n, want[i].p);
		if (s.rows[i].weighted != wt)
			fail_msg("%s/%s weighted %lld, expected %lld", want[i].owner, want[i].stage,
				 (long long)s.rows[i].weighted, (long long)wt);
	}
	/* The rounding is down, to the fen: 12445 x 10% = 1244.5 -> 1244; 999 x 25% = 249.75 -> 249. */
	assert_int_equal(s.rows[1].weighted, 1244);
	assert_int_equal(s.rows[2].weighted, 249);
	assert_int_equal(s.rows[0].weighted, 167);

	/* A salesperson's funnel is its own part. */
	act_as(w->f->db, "ln");
	s = (struct funnel_seen){ 0 };
	expect_ok(w->f->db, credo_funnel(w->f->db, collect_funnel, &s));
	assert_int_equal(s.n, 1);
	assert_string_equal(s.rows[0].owner, "ln");
}

static void stage_list_changes_keep_its_rules(void **state)
{
	struct world *w = *state;
	act_as(w->f->db, "zw");
	expect_refused(w->f, credo_stage_set(w->f->db, "tender", 80, 7, "open"), CREDO_PERM, "permission denied");

	act_as(w->f->db, "boss");
	int64_t audits = audit_count(w->f->db);
	expect_ok(w->f->db, credo_stage_set(w->f->db, "tender", 80, 7, "open"));
	assert_int_equal(audit_count(w->f->db), audits + 1);
	char row[256];
	last_audit(w->f, row, sizeof row);
	assert_string_equal(row, "opportunity_stages/create/boss/->tender");
	add_opp(w, "zw", w->zw_customer, "tender", 100, NULL);

	act_as(w->f->db, "boss");
	expect_refused(w->f, credo_stage_set(w->f->db, "shortlist", 60, 8, "open"), CREDO_RULE,
		       "must not fall along the stage order: negotiation (75%) comes before shortlist (60%)");
	expect_refused(w->f, credo_stage_set(w->f->db, "proposal", 20, 3, "open"), CREDO_RULE,
		       "qualified (25%) comes before proposal (20%)");
	expect_refused(w->f, credo_stage_set(w->f->db, "x", 101, 9, "open"), CREDO_INVALID, "0 to 100");
	expect_refused(w->f, credo_stage_set(w->f->db, "x", -1, 9, "open"), CREDO_INVALID, "0 to 100");
	expect_refused(w->f, credo_stage_set(w->f->db, "x", 90, 0, "open"), CREDO_INVALID, "sort order");
	expect_refused(w->f, credo_stage_set(w->f->db, "x", 90, 9, "maybe"), CREDO_INVALID, "open, won or lost");
	expect_refused(w->f, credo_stage_set(w->f->db, "", 90, 9, "open"), CREDO_INVALID, "stage name is required");
	expect_refused(w->f, credo_stage_set(w->f->db, "signed", 90, 9, "won"), CREDO_RULE, "won stage has probability 100");
	expect_refused(w->f, credo_stage_set(w->f->db, "dropped", 5, 9, "lost"), CREDO_RULE, "lost stage has probability 0");
	expect_refused(w->f, credo_stage_set(w->f->db, "x", 90, 3, "open"), CREDO_RULE, "already used by stage proposal");
	/* A stage that holds deals keeps its outcome; otherwise won deals would quietly reopen. */
	expect_refused(w->f, credo_stage_set(w->f->db, "tender", 100, 7, "won"), CREDO_RULE, "outcome cannot change");
	/* Opening the only lost stage would leave nowhere to lose deals to. */
	expect_refused(w->f, credo_stage_set(w->f->db, "lost", 100, 999, "open"), CREDO_RULE, "lost stage must remain");

	expect_ok(w->f->db, credo_stage_set(w->f->db, "proposal", 30, 3, "open"));
	raw_text(w->f->path, "SELECT action || ':' || json_extract(before, '$.probability') || '>' ||"
		 " json_extract(after, '$.probability') FROM audit_log ORDER BY id DESC LIMIT 1", row, sizeof row);
	assert_string_equal(row, "update:50>30");
	act_as(w->f->db, ADMIN);
	expect_ok(w->f->db, credo_stage_set(w->f->db, "signed", 100, 9, "won"));
	char buf[512] = "";
	expect_ok(w->f->db, credo_stage_list(w->f->db, stage_text, buf));
	assert_string_equal(buf, "lead 10 1 open, qualified 25 2 open, proposal 30 3 open, negotiation 75 4 open,"
			    " won 100 5 won, lost 0 6 lost, tender 80 7 open, signed 100 9 won");
}

int main(void)
{
	setenv("CREDO_TODAY", TODAY, 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(stages_come_in_order, setup, teardown),
		cmocka_unit_test_setup_teardown(add_defaults_to_first_open_stage_and_customer_owner, setup, teardown),
		cmocka_unit_test_setup_teardown(add_validates_and_changes_nothing_on_failure, setup, teardown),
		cmocka_unit_test_setup_teardown(only_sellers_work_opportunities, setup, teardown),
		cmocka_unit_test_setup_teardown(a_salesperson_sees_only_its_customers_opportunities, setup, teardown),
		cmocka_unit_test_setup_teardown(stages_move_until_won_or_lost, setup, teardown),
		cmocka_unit_test_setup_teardown(lose_needs_a_reason_and_is_final, setup, teardown),
		cmocka_unit_test_setup_teardown(list_filters_and_order, setup, teardown),
		cmocka_unit_test_setup_teardown(funnel_weighs_open_stages_exactly, setup, teardown),
		cmocka_unit_test_setup_teardown(stage_list_changes_keep_its_rules, setup, teardown),
	};
	return cmocka_run_group_tests_name("opportunity", tests, NULL, NULL);
}
