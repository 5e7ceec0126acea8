/* opportunity.c - opportunities through the stage list, the stages themselves, and the funnel. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char SNAP_OPPORTUNITY[] =
	"SELECT json_object('customer_id', customer_id, 'description', description, 'stage_id', stage_id,"
	" 'stage', (SELECT s.name FROM opportunity_stages s WHERE s.id = stage_id), 'amount', amount,"
	" 'expected_close', expected_close, 'owner_id', owner_id, 'lost_reason', lost_reason)"
	" FROM opportunities WHERE id = ?1";

static const char SNAP_STAGE[] =
	"SELECT json_object('name', name, 'probability', probability, 'sort_order', sort_order,"
	" 'outcome', outcome) FROM opportunity_stages WHERE id = ?1";

/*
 * An opportunity is in a salesperson's scope when its customer is: ?1 is
 * "may read all", ?2 the actor. Every read of opportunities carries it.
 */
#define OPP_SCOPE " (?1 OR c.owner_id = ?2)"
#define OPP_COLS \
	"o.id, o.customer_id, c.code, c.name, o.description, s.name, s.probability, s.outcome, o.amount," \
	" coalesce(o.expected_close, ''), u.login, u.name, o.lost_reason, o.updated_at"
#define OPP_FROM \
	" FROM opportunities o JOIN customers c ON c.id = o.customer_id" \
	" JOIN opportunity_stages s ON s.id = o.stage_id JOIN users u ON u.id = o.owner_id"

static const char *const outcomes[] = { "open", "won", "lost" };

/* A text field: at most max bytes of one line of UTF-8 (it shows in one list cell). */
static credo_status check_text(credo_db *db, const char *what, const char *v, size_t max, int required)
{
	if (!v || !*v)
		return required ? credo__fail(db, CREDO_INVALID, "%s is required", what) : CREDO_OK;
	if (strlen(v) > max || !credo__text_ok(v, 0))
		return credo__fail(db, CREDO_INVALID, "%s must be at most %zu bytes of text"
				   " without control characters or line breaks", what, max);
	return CREDO_OK;
}

/* Audit one row with before (may be NULL) and the row's snapshot now as after. */
static credo_status audit_row(credo_db *db, const char *table, const char *snap, int64_t id,
			      const char *action, const char *before)
{
	char *after = credo__snapshot(db, snap, id);
	credo_status rc = credo__audit(db, table, id, action, before, after);
	free(after);
	return rc;
}

/* ---- stages ---- */

struct stage_ref {
	int64_t id;
	char name[64];
	char outcome[8];
};

/*
 * The first stage (by sort order) with this name and/or outcome; NULL
 * matches any. found is 0 when there is none.
 */
static credo_status stage_find(credo_db *db, const char *name, const char *outcome, struct stage_ref *s,
			       int *found)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT id, name, outcome FROM opportunity_stages"
					 " WHERE (?1 IS NULL OR name = ?1) AND (?2 IS NULL OR outcome = ?2)"
					 " ORDER BY sort_order, id LIMIT 1", &st);
	if (rc)
		return rc;
	credo__bind_text_or_null(st, 1, name);
	credo__bind_text_or_null(st, 2, outcome);
	int r = sqlite3_step(st);
	*found = r == SQLITE_ROW;
	if (*found) {
		s->id = sqlite3_column_int64(st, 0);
		snprintf(s->name, sizeof s->name, "%s", credo__col_text(st, 1));
		snprintf(s->outcome, sizeof s->outcome, "%s", credo__col_text(st, 2));
	} else if (r != SQLITE_DONE) {
		rc = credo__dberr(db, "reading the stages");
	}
	sqlite3_finalize(st);
	return rc;
}

/* A stage by name, or CREDO_INVALID listing the stages there are. */
static credo_status stage_named(credo_db *db, const char *name, struct stage_ref *s)
{
	int found = 0;
	if (!name || !*name)	/* stage_find would take "" as "any stage" */
		return credo__fail(db, CREDO_INVALID, "opportunity stage is required");
	credo_status rc = stage_find(db, name, NULL, s, &found);
	if (rc || found)
		return rc;
	char names[256] = "";
	sqlite3_stmt *st;
	if (credo__prepare(db, "SELECT name FROM opportunity_stages ORDER BY sort_order, id", &st) == CREDO_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			size_t n = strlen(names);
			snprintf(names + n, sizeof names - n, "%s%s", n ? ", " : "", credo__col_text(st, 0));
		}
		sqlite3_finalize(st);
	}
	return credo__fail(db, CREDO_INVALID, "opportunity stage \"%s\" does not exist (stages: %s)", name, names);
}

credo_status credo_stage_list(credo_db *db, credo_stage_cb cb, void *ctx)
{
	credo_status rc = credo__need_login(db);
	sqlite3_stmt *st;
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "SELECT id, name, probability, sort_order, outcome FROM opportunity_stages"
				    " ORDER BY sort_order, id", &st);
	if (rc)
		return rc;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_stage s = {
			.id = sqlite3_column_int64(st, 0),
			.name = credo__col_text(st, 1),
			.probability = sqlite3_column_int(st, 2),
			.sort_order = sqlite3_column_int(st, 3),
			.outcome = credo__col_text(st, 4),
		};
		if (cb(&s, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "listing the stages");
	sqlite3_finalize(st);
	return rc;
}

static credo_status validate_stage(credo_db *db, const char *name, int probability, int sort_order,
				   const char *outcome)
{
	credo_status rc = check_text(db, "stage name", name, 50, 1);
	if (rc)
		return rc;
	if (probability < 0 || probability > 100)
		return credo__fail(db, CREDO_INVALID, "stage probability must be 0 to 100 (percent)");
	if (sort_order < 1 || sort_order > 999)
		return credo__fail(db, CREDO_INVALID, "stage sort order must be 1 to 999");
	size_t i = 0;
	while (i < sizeof outcomes / sizeof outcomes[0] && strcmp(outcome, outcomes[i]) != 0)
		i++;
	if (i == sizeof outcomes / sizeof outcomes[0])
		return credo__fail(db, CREDO_INVALID, "stage outcome must be open, won or lost");
	if (strcmp(outcome, "won") == 0 && probability != 100)
		return credo__fail(db, CREDO_RULE, "a won stage has probability 100");
	if (strcmp(outcome, "lost") == 0 && probability != 0)
		return credo__fail(db, CREDO_RULE, "a lost stage has probability 0");
	return CREDO_OK;
}

/* Rules that look at the stage's neighbours, checked before anything is written. */
static credo_status check_stage_change(credo_db *db, const struct stage_ref *old, int exists, const char *name,
				       int sort_order, const char *outcome)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT name FROM opportunity_stages WHERE sort_order = ?1"
					 " AND name <> ?2", &st);
	if (rc)
		return rc;
	sqlite3_bind_int(st, 1, sort_order);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		rc = credo__fail(db, CREDO_RULE, "sort order %d is already used by stage %s", sort_order,
				 credo__col_text(st, 0));
	sqlite3_finalize(st);
	if (rc || !exists || strcmp(old->outcome, outcome) == 0)
		return rc;
	/* Turning a won stage into an open one would quietly reopen every deal in it. */
	rc = credo__prepare(db, "SELECT count(*) FROM opportunities WHERE stage_id = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, old->id);
	int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (n > 0)
		return credo__fail(db, CREDO_RULE, "stage %s holds %lld opportunities: its outcome cannot change"
				   " from %s to %s", name, (long long)n, old->outcome, outcome);
	return CREDO_OK;
}

/*
 * Rules over the whole list, checked on the changed rows inside the
 * transaction (a failure rolls the change back): open probabilities do not
 * fall as the sort order rises, and an open and a lost stage remain.
 */
static credo_status check_stage_list(credo_db *db)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT a.name, a.probability, b.name, b.probability"
					 " FROM opportunity_stages a JOIN opportunity_stages b"
					 " ON b.sort_order > a.sort_order AND b.probability < a.probability"
					 " WHERE a.outcome = 'open' AND b.outcome = 'open'"
					 " ORDER BY a.sort_order, b.sort_order LIMIT 1", &st);
	if (rc)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		rc = credo__fail(db, CREDO_RULE, "open stage probabilities must not fall along the stage order:"
				 " %s (%d%%) comes before %s (%d%%)", credo__col_text(st, 0),
				 sqlite3_column_int(st, 1), credo__col_text(st, 2), sqlite3_column_int(st, 3));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	rc = credo__prepare(db, "SELECT sum(outcome = 'open'), sum(outcome = 'lost') FROM opportunity_stages", &st);
	if (rc)
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW)
		rc = credo__dberr(db, "checking the stages");
	else if (sqlite3_column_int(st, 0) == 0)
		rc = credo__fail(db, CREDO_RULE, "at least one open stage must remain");
	else if (sqlite3_column_int(st, 1) == 0)
		rc = credo__fail(db, CREDO_RULE, "a lost stage must remain: lost opportunities go there");
	sqlite3_finalize(st);
	return rc;
}

static credo_status set_stage_row(credo_db *db, const char *name, int probability, int sort_order,
				  const char *outcome)
{
	struct stage_ref old = { 0 };
	int exists = 0;
	credo_status rc = validate_stage(db, name, probability, sort_order, outcome);
	if (rc == CREDO_OK)
		rc = stage_find(db, name, NULL, &old, &exists);
	if (rc == CREDO_OK)
		rc = check_stage_change(db, &old, exists, name, sort_order, outcome);
	if (rc)
		return rc;
	char *before = exists ? credo__snapshot(db, SNAP_STAGE, old.id) : NULL;
	sqlite3_stmt *st;
	rc = credo__prepare(db, "INSERT INTO opportunity_stages(name, probability, sort_order, outcome)"
			    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT(name) DO UPDATE SET"
			    " probability = excluded.probability, sort_order = excluded.sort_order,"
			    " outcome = excluded.outcome RETURNING id", &st);
	int64_t id = 0;
	if (rc == CREDO_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, probability);
		sqlite3_bind_int(st, 3, sort_order);
		sqlite3_bind_text(st, 4, outcome, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		if (sqlite3_step(st) != SQLITE_DONE || !id)
			rc = credo__dberr(db, "saving a stage");
		sqlite3_finalize(st);
	}
	if (rc == CREDO_OK)
		rc = check_stage_list(db);
	if (rc == CREDO_OK)
		rc = audit_row(db, "opportunity_stages", SNAP_STAGE, id, exists ? "update" : "create", before);
	free(before);
	return rc;
}

credo_status credo_stage_set(credo_db *db, const char *name, int probability, int sort_order,
			     const char *outcome)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_STAGES);
	if (rc)
		return rc;
	return credo__mut_end(db, set_stage_row(db, name, probability, sort_order, outcome ? outcome : "open"));
}

/* ---- opportunities ---- */

/*
 * The owner must be an active user who works opportunities; a salesperson
 * may only name itself.
 */
static credo_status resolve_owner(credo_db *db, const char *login, int64_t *owner)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT id, role FROM users WHERE login = ?1 AND active = 1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	credo_role role = CREDO_ROLE_COUNT;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*owner = sqlite3_column_int64(st, 0);
		credo_role_parse(credo__col_text(st, 1), &role);
	}
	sqlite3_finalize(st);
	if (role == CREDO_ROLE_COUNT)
		return credo__fail(db, CREDO_INVALID, "opportunity owner %s is not an active user", login);
	if (!credo_role_can(role, CREDO_PERM_SALES_ACTIVITY))
		return credo__fail(db, CREDO_INVALID, "opportunity owner %s is not a salesperson", login);
	if (db->actor.role == CREDO_ROLE_SALES && *owner != db->actor.id)
		return credo__fail(db, CREDO_PERM, "permission denied: a salesperson owns its own"
				   " opportunities, not %s's", login);
	return CREDO_OK;
}

/* The customer's owner, for a customer in scope (CREDO_NOTFOUND otherwise, as for a missing one). */
static credo_status customer_owner(credo_db *db, int64_t customer, int64_t *owner)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT c.owner_id FROM customers c WHERE" OPP_SCOPE
					 " AND c.id = ?3", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	sqlite3_bind_int64(st, 3, customer);
	if (sqlite3_step(st) == SQLITE_ROW)
		*owner = sqlite3_column_int64(st, 0);
	else
		rc = credo__fail(db, CREDO_NOTFOUND, "customer #%lld not found", (long long)customer);
	sqlite3_finalize(st);
	return rc;
}

static credo_status validate_opportunity(credo_db *db, const credo_opportunity_new *in, char close[CREDO_DATE_BUFSZ])
{
	credo_status rc = check_text(db, "opportunity description", in->description, 500, 1);
	if (rc)
		return rc;
	if (in->amount < 0)
		return credo__fail(db, CREDO_INVALID, "opportunity amount must not be negative");
	close[0] = '\0';
	if (in->expected_close && *in->expected_close) {
		credo_date d;
		const char *why;
		if (credo_date_parse(in->expected_close, &d, &why) != CREDO_OK)
			return credo__fail(db, CREDO_INVALID, "opportunity expected close date \"%s\": %s",
					   in->expected_close, why);
		credo_date_format(d, close, CREDO_DATE_BUFSZ);
	}
	return CREDO_OK;
}

/* The stage a new opportunity starts in: the one named, else the first open one; never a lost one. */
static credo_status starting_stage(credo_db *db, const char *name, struct stage_ref *s)
{
	if (name && *name) {
		credo_status rc = stage_named(db, name, s);
		if (rc == CREDO_OK && strcmp(s->outcome, "lost") == 0)
			rc = credo__fail(db, CREDO_RULE, "a new opportunity cannot start lost: add it, then lose it"
					 " with the reason");
		return rc;
	}
	int found = 0;
	credo_status rc = stage_find(db, NULL, "open", s, &found);
	if (rc == CREDO_OK && !found)
		rc = credo__fail(db, CREDO_RULE, "no open stage is defined (credo opportunity stages)");
	return rc;
}

static credo_status insert_opportunity(credo_db *db, const credo_opportunity_new *in, int64_t *id_out)
{
	char close[CREDO_DATE_BUFSZ];
	int64_t owner = 0;
	struct stage_ref stage;
	credo_status rc = customer_owner(db, in->customer_id, &owner);
	if (rc == CREDO_OK)
		rc = validate_opportunity(db, in, close);
	if (rc == CREDO_OK && in->owner_login && *in->owner_login)
		rc = resolve_owner(db, in->owner_login, &owner);
	if (rc == CREDO_OK)
		rc = starting_stage(db, in->stage, &stage);
	if (rc)
		return rc;
	char now[21];
	credo__now(now);
	sqlite3_stmt *st;
	rc = credo__prepare(db, "INSERT INTO opportunities(customer_id, description, stage_id, amount,"
			    " expected_close, owner_id, created_at, updated_at)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, in->customer_id);
	sqlite3_bind_text(st, 2, in->description, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, stage.id);
	sqlite3_bind_int64(st, 4, in->amount);
	credo__bind_text_or_null(st, 5, close);
	sqlite3_bind_int64(st, 6, owner);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = credo__dberr(db, "adding an opportunity");
	sqlite3_finalize(st);
	if (rc)
		return rc;
	int64_t id = sqlite3_last_insert_rowid(db->sql);
	rc = audit_row(db, "opportunities", SNAP_OPPORTUNITY, id, "create", NULL);
	if (rc == CREDO_OK && id_out)
		*id_out = id;
	return rc;
}

credo_status credo_opportunity_add(credo_db *db, const credo_opportunity_new *in, int64_t *id_out)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_SALES_ACTIVITY);
	if (rc)
		return rc;
	return credo__mut_end(db, insert_opportunity(db, in, id_out));
}

/* The stage of an opportunity in scope; a won or lost one is settled and cannot move (CREDO_RULE). */
static credo_status open_opportunity(credo_db *db, int64_t id, struct stage_ref *s)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT s.id, s.name, s.outcome" OPP_FROM " WHERE" OPP_SCOPE
					 " AND o.id = ?3", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	sqlite3_bind_int64(st, 3, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		s->id = sqlite3_column_int64(st, 0);
		snprintf(s->name, sizeof s->name, "%s", credo__col_text(st, 1));
		snprintf(s->outcome, sizeof s->outcome, "%s", credo__col_text(st, 2));
	} else {
		rc = credo__fail(db, CREDO_NOTFOUND, "opportunity #%lld not found", (long long)id);
	}
	sqlite3_finalize(st);
	if (rc == CREDO_OK && strcmp(s->outcome, "open") != 0)
		rc = credo__fail(db, CREDO_RULE, "opportunity #%lld is %s (stage %s): a settled opportunity"
				 " cannot move again", (long long)id, s->outcome, s->name);
	return rc;
}

/* Move opportunity id to stage (and record reason when it is lost), audited. */
static credo_status move_opportunity(credo_db *db, int64_t id, const struct stage_ref *to, const char *reason,
				     const char *action)
{
	char now[21];
	credo__now(now);
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "UPDATE opportunities SET stage_id = ?2,"
					 " lost_reason = coalesce(?3, lost_reason), updated_at = ?4 WHERE id = ?1",
					 &st);
	if (rc)
		return rc;
	char *before = credo__snapshot(db, SNAP_OPPORTUNITY, id);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, to->id);
	credo__bind_text_or_null(st, 3, reason);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = credo__dberr(db, "moving an opportunity");
	sqlite3_finalize(st);
	if (rc == CREDO_OK)
		rc = audit_row(db, "opportunities", SNAP_OPPORTUNITY, id, action, before);
	free(before);
	return rc;
}

static credo_status set_stage(credo_db *db, int64_t id, const char *stage)
{
	struct stage_ref from, to;
	credo_status rc = open_opportunity(db, id, &from);
	if (rc == CREDO_OK)
		rc = stage_named(db, stage, &to);
	if (rc)
		return rc;
	if (strcmp(to.outcome, "lost") == 0)
		return credo__fail(db, CREDO_RULE, "a lost opportunity needs the reason: use lose with --reason");
	if (to.id == from.id)
		return credo__fail(db, CREDO_RULE, "opportunity #%lld is already in stage %s", (long long)id, to.name);
	return move_opportunity(db, id, &to, NULL, "set_stage");
}

credo_status credo_opportunity_set_stage(credo_db *db, int64_t id, const char *stage)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_SALES_ACTIVITY);
	if (rc)
		return rc;
	return credo__mut_end(db, set_stage(db, id, stage));
}

static credo_status lose(credo_db *db, int64_t id, const char *reason)
{
	struct stage_ref from, to;
	int found = 0;
	credo_status rc = open_opportunity(db, id, &from);
	if (rc == CREDO_OK)
		rc = check_text(db, "the reason an opportunity was lost", reason, 500, 1);
	if (rc == CREDO_OK)
		rc = stage_find(db, NULL, "lost", &to, &found);
	if (rc == CREDO_OK && !found)
		rc = credo__fail(db, CREDO_RULE, "no stage has the outcome lost");
	if (rc)
		return rc;
	return move_opportunity(db, id, &to, reason, "lose");
}

credo_status credo_opportunity_lose(credo_db *db, int64_t id, const char *reason)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_SALES_ACTIVITY);
	if (rc)
		return rc;
	return credo__mut_end(db, lose(db, id, reason));
}

credo_status credo_opportunity_list(credo_db *db, const credo_opportunity_filter *f,
				    credo_opportunity_cb cb, void *ctx)
{
	static const credo_opportunity_filter none = { 0 };
	if (!f)
		f = &none;
	credo_status rc = credo__need_login(db);
	sqlite3_stmt *st;
	/* Undated opportunities last: the ones closing soonest are the ones to work. */
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "SELECT " OPP_COLS OPP_FROM " WHERE" OPP_SCOPE
				    " AND (?3 = 0 OR o.customer_id = ?3) AND (?4 IS NULL OR u.login = ?4)"
				    " AND (?5 = 0 OR s.outcome = 'open')"
				    " ORDER BY o.expected_close IS NULL, o.expected_close, o.id LIMIT ?6", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	sqlite3_bind_int64(st, 3, f->customer_id);
	credo__bind_text_or_null(st, 4, f->owner_login);
	sqlite3_bind_int(st, 5, f->open_only != 0);
	sqlite3_bind_int(st, 6, f->limit > 0 ? f->limit : -1);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_opportunity o = {
			.id = sqlite3_column_int64(st, 0),
			.customer_id = sqlite3_column_int64(st, 1),
			.customer_code = credo__col_text(st, 2),
			.customer_name = credo__col_text(st, 3),
			.description = credo__col_text(st, 4),
			.stage = credo__col_text(st, 5),
			.probability = sqlite3_column_int(st, 6),
			.outcome = credo__col_text(st, 7),
			.amount = sqlite3_column_int64(st, 8),
			.expected_close = credo__col_text(st, 9),
			.owner_login = credo__col_text(st, 10),
			.owner_name = credo__col_text(st, 11),
			.lost_reason = credo__col_text(st, 12),
			.updated_at = credo__col_text(st, 13),
		};
		if (cb(&o, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "listing opportunities");
	sqlite3_finalize(st);
	return rc;
}

/*
 * floor(amount x probability / 100) for amount >= 0 and probability 0..100,
 * exact in int64 for every amount: amount = 100q + r gives q*p + r*p/100,
 * and q*p <= amount, so nothing overflows.
 */
static credo_money weigh(credo_money amount, int probability)
{
	return amount / 100 * probability + amount % 100 * probability / 100;
}

credo_status credo_funnel(credo_db *db, credo_funnel_cb cb, void *ctx)
{
	credo_status rc = credo__need_login(db);
	sqlite3_stmt *st;
	/* Every opportunity of a group shares the stage's probability, so weighing the sum is exact. */
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "SELECT u.login, u.name, s.name, s.probability, count(*), sum(o.amount)"
				    OPP_FROM " WHERE s.outcome = 'open' AND" OPP_SCOPE
				    " GROUP BY o.owner_id, s.id ORDER BY u.login, s.sort_order, s.id", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_funnel_row row = {
			.owner_login = credo__col_text(st, 0),
			.owner_name = credo__col_text(st, 1),
			.stage = credo__col_text(st, 2),
			.probability = sqlite3_column_int(st, 3),
			.count = sqlite3_column_int64(st, 4),
			.amount = sqlite3_column_int64(st, 5),
		};
		row.weighted = weigh(row.amount, row.probability);
		if (cb(&row, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	/* sum() reports an integer overflow as an error rather than wrapping: it surfaces here. */
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "computing the funnel");
	sqlite3_finalize(st);
	return rc;
}
