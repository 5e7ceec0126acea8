/*
 * collection.c - collection actions, disputes, collectors and the worklist
 * (DESIGN.md section 6; seed 000 §1 and §8).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alert_internal.h"

static const char *const kinds[] = { "reminder", "call", "statement", "visit", "stop_supply", "legal",
				     "acknowledgement", "dispute", "promise" };

static const char SNAP_ACTION[] =
	"SELECT json_object('customer_id', customer_id, 'invoice_id', invoice_id, 'action_date', action_date,"
	" 'kind', kind, 'outcome', outcome, 'promise_amount', promise_amount, 'promise_date', promise_date,"
	" 'collector_id', collector_id, 'resolved_date', resolved_date, 'resolved_by', resolved_by,"
	" 'resolution', resolution) FROM collection_actions WHERE id = ?1";

static const char SNAP_INVOICE[] =
	"SELECT json_object('code', code, 'customer_id', customer_id, 'amount', amount, 'collector_id', collector_id,"
	" 'disputed', disputed) FROM invoices WHERE id = ?1";

/* What a collection call needs to know of an invoice in the actor's scope. */
struct inv_info {
	int64_t id, customer, collector;
	char code[40];
	char invoice_date[CREDO_DATE_BUFSZ];
	char dispute_since[CREDO_DATE_BUFSZ];	/* an open dispute's date, or "" */
	credo_money amount, open;
	int disputed;
};

static credo_status invoice_info(credo_db *db, int64_t id, struct inv_info *in)
{
	sqlite3_stmt *st;
	memset(in, 0, sizeof *in);
	credo_status rc = credo__prepare(db,
		"SELECT i.customer_id, i.code, i.invoice_date, i.amount, i.disputed, coalesce(i.collector_id, 0),"
		" coalesce((SELECT min(x.action_date) FROM collection_actions x WHERE x.invoice_id = i.id"
		"  AND x.kind = 'dispute' AND x.resolved_date IS NULL), '')"
		" FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = ?1 AND (?2 OR c.owner_id = ?3)", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, credo_can(db, CREDO_PERM_READ_ALL));
	sqlite3_bind_int64(st, 3, credo_actor_id(db));
	if (sqlite3_step(st) == SQLITE_ROW) {
		in->id = id;
		in->customer = sqlite3_column_int64(st, 0);
		snprintf(in->code, sizeof in->code, "%s", credo__col_text(st, 1));
		snprintf(in->invoice_date, sizeof in->invoice_date, "%s", credo__col_text(st, 2));
		in->amount = sqlite3_column_int64(st, 3);
		in->disputed = sqlite3_column_int(st, 4);
		in->collector = sqlite3_column_int64(st, 5);
		snprintf(in->dispute_since, sizeof in->dispute_since, "%s", credo__col_text(st, 6));
	} else {
		rc = credo__fail(db, CREDO_NOTFOUND, "invoice #%lld not found", (long long)id);
	}
	sqlite3_finalize(st);
	if (rc == CREDO_OK && in->amount < 0)
		rc = credo__fail(db, CREDO_RULE, "%s is a credit note: collection is for invoices", in->code);
	if (rc == CREDO_OK)
		in->open = credo__invoice_open(db, id);
	return rc;
}

static int known_kind(const char *k)
{
	for (size_t i = 0; k && i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i], k) == 0)
			return 1;
	return 0;
}

/* A date argument (NULL: today) that is not after today. */
static credo_status past_date(credo_db *db, const char *field, const char *text, char buf[CREDO_DATE_BUFSZ])
{
	credo_status rc = credo__date_or_today(db, field, text, buf);
	char today[CREDO_DATE_BUFSZ];
	if (rc == CREDO_OK && strcmp(buf, credo_date_format(credo_today(), today, sizeof today)) > 0)
		rc = credo__fail(db, CREDO_RULE, "the %s %s is after today: log what was done, not what is planned",
				 field, buf);
	return rc;
}

static credo_status check_note(credo_db *db, const char *what, const char *s)
{
	if (s && (strlen(s) > 2000 || !credo__text_ok(s, 1)))
		return credo__fail(db, CREDO_INVALID, "the %s must be at most 2000 bytes of text without control"
				   " characters", what);
	return CREDO_OK;
}

static credo_status set_disputed(credo_db *db, int64_t invoice, int disputed)
{
	char *before = credo__snapshot(db, SNAP_INVOICE, invoice);
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "UPDATE invoices SET disputed = ?2 WHERE id = ?1", &st);
	if (rc == CREDO_OK) {
		sqlite3_bind_int64(st, 1, invoice);
		sqlite3_bind_int(st, 2, disputed);
		rc = credo__step_done(db, st, "marking the invoice disputed");
	}
	if (rc == CREDO_OK)
		rc = credo__audit_row(db, "invoices", invoice, disputed ? "dispute" : "resolve", SNAP_INVOICE, before);
	free(before);
	return rc;
}

static credo_status log_action(credo_db *db, const credo_collection_new *in, int64_t *id_out)
{
	if (!in)
		return credo__fail(db, CREDO_INVALID, "no collection action given");
	if (!in->kind || !known_kind(in->kind))
		return credo__fail(db, CREDO_INVALID, "collection action kind \"%s\": one of reminder, call, statement,"
				   " visit, stop_supply, legal, acknowledgement, dispute, promise", in->kind ? in->kind : "");
	int64_t customer = in->customer_id;
	struct inv_info inv = { 0 };
	credo_status rc;
	if (in->invoice_id > 0) {
		if ((rc = invoice_info(db, in->invoice_id, &inv)))
			return rc;
		if (customer > 0 && customer != inv.customer)
			return credo__fail(db, CREDO_INVALID, "invoice %s belongs to another customer", inv.code);
		customer = inv.customer;
	} else if (customer > 0) {
		if ((rc = credo__customer_visible(db, customer)))
			return rc;
	} else {
		return credo__fail(db, CREDO_INVALID, "a collection action names a customer or an invoice");
	}
	char date[CREDO_DATE_BUFSZ], promised[CREDO_DATE_BUFSZ] = "";
	if ((rc = past_date(db, "action date", in->date, date)) || (rc = check_note(db, "outcome", in->outcome)))
		return rc;
	int is_promise = strcmp(in->kind, "promise") == 0, is_dispute = strcmp(in->kind, "dispute") == 0;
	if (inv.id && strcmp(date, inv.invoice_date) < 0)
		return credo__fail(db, CREDO_RULE, "the action date %s is before %s was invoiced (%s)", date, inv.code,
				   inv.invoice_date);
	if (inv.id && inv.open <= 0)
		return credo__fail(db, CREDO_RULE, "%s is settled: there is nothing to collect", inv.code);
	if (is_dispute) {
		if (!inv.id)
			return credo__fail(db, CREDO_RULE, "a dispute is about an invoice: name the invoice");
		if (!in->outcome || !*in->outcome)
			return credo__fail(db, CREDO_INVALID, "a dispute needs a note saying what is disputed");
		if (inv.disputed || *inv.dispute_since)
			return credo__fail(db, CREDO_RULE, "%s is already disputed%s%s", inv.code,
					   *inv.dispute_since ? _(" since ") : "", inv.dispute_since);
	}
	if (is_promise) {
		if (in->promise_amount <= 0 || !in->promise_date || !*in->promise_date)
			return credo__fail(db, CREDO_INVALID, "a promise to pay needs the amount (more than zero) and the date");
		if ((rc = credo__date_arg(db, "promise date", in->promise_date, promised)))
			return rc;
		if (strcmp(promised, date) < 0)
			return credo__fail(db, CREDO_RULE, "the promise date %s is before the promise was made (%s)",
					   promised, date);
		if (inv.id && in->promise_amount > inv.open) {
			char p[CREDO_MONEY_BUFSZ], o[CREDO_MONEY_BUFSZ];
			return credo__fail(db, CREDO_RULE, "the promise of %s is more than the %s open on %s",
					   credo__alert_money(in->promise_amount, p), credo__alert_money(inv.open, o),
					   inv.code);
		}
	} else if (in->promise_amount || (in->promise_date && *in->promise_date)) {
		return credo__fail(db, CREDO_INVALID, "only a promise (kind promise) has a promised amount and date");
	}
	sqlite3_stmt *st;
	rc = credo__prepare(db, "INSERT INTO collection_actions(customer_id, invoice_id, action_date, kind, outcome,"
			    " promise_amount, promise_date, collector_id, created_at)"
			    " VALUES (?1, nullif(?2, 0), ?3, ?4, ?5, nullif(?6, 0), nullif(?7, ''), ?8, ?9)", &st);
	if (rc)
		return rc;
	char now[21];
	credo__now(now);
	sqlite3_bind_int64(st, 1, customer);
	sqlite3_bind_int64(st, 2, inv.id);
	sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, in->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, in->outcome ? in->outcome : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, is_promise ? in->promise_amount : 0);
	sqlite3_bind_text(st, 7, promised, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, credo_actor_id(db));
	sqlite3_bind_text(st, 9, now, -1, SQLITE_STATIC);
	if ((rc = credo__step_done(db, st, "logging a collection action")))
		return rc;
	int64_t id = sqlite3_last_insert_rowid(db->sql);
	rc = credo__audit_row(db, "collection_actions", id, "create", SNAP_ACTION, NULL);
	if (rc == CREDO_OK && is_dispute)
		rc = set_disputed(db, inv.id, 1);
	if (rc == CREDO_OK && id_out)
		*id_out = id;
	return rc;
}

credo_status credo_collection_log(credo_db *db, const credo_collection_new *in, int64_t *id_out)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_COLLECTION);
	if (rc)
		return rc;
	return credo__mut_end(db, log_action(db, in, id_out));
}

static credo_status resolve(credo_db *db, int64_t invoice_id, const char *note, const char *date_text)
{
	struct inv_info inv;
	credo_status rc = invoice_info(db, invoice_id, &inv);
	if (rc)
		return rc;
	if (!inv.disputed && !*inv.dispute_since)
		return credo__fail(db, CREDO_RULE, "%s is not disputed: there is nothing to resolve", inv.code);
	if (!note || !*note)
		return credo__fail(db, CREDO_INVALID, "resolving a dispute needs a note saying how it was settled");
	char date[CREDO_DATE_BUFSZ];
	if ((rc = check_note(db, "resolution", note)) || (rc = past_date(db, "resolution date", date_text, date)))
		return rc;
	if (*inv.dispute_since && strcmp(date, inv.dispute_since) < 0)
		return credo__fail(db, CREDO_RULE, "the dispute on %s was raised on %s; it cannot be resolved before",
				   inv.code, inv.dispute_since);
	sqlite3_stmt *st;
	if ((rc = credo__prepare(db, "SELECT id FROM collection_actions WHERE invoice_id = ?1 AND kind = 'dispute'"
				 " AND resolved_date IS NULL ORDER BY id", &st)))
		return rc;
	sqlite3_bind_int64(st, 1, invoice_id);
	int64_t ids[64];
	int n = 0;
	while (n < 64 && sqlite3_step(st) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	for (int i = 0; i < n && rc == CREDO_OK; i++) {
		char *before = credo__snapshot(db, SNAP_ACTION, ids[i]);
		rc = credo__prepare(db, "UPDATE collection_actions SET resolved_date = ?2, resolved_by = ?3,"
				    " resolution = ?4 WHERE id = ?1", &st);
		if (rc == CREDO_OK) {
			sqlite3_bind_int64(st, 1, ids[i]);
			sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 3, credo_actor_id(db));
			sqlite3_bind_text(st, 4, note, -1, SQLITE_STATIC);
			rc = credo__step_done(db, st, "resolving a dispute");
		}
		if (rc == CREDO_OK)
			rc = credo__audit_row(db, "collection_actions", ids[i], "resolve", SNAP_ACTION, before);
		free(before);
	}
	if (rc == CREDO_OK && inv.disputed)
		rc = set_disputed(db, invoice_id, 0);
	return rc;
}

credo_status credo_collection_resolve(credo_db *db, int64_t invoice_id, const char *note, const char *date)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_COLLECTION);
	if (rc)
		return rc;
	return credo__mut_end(db, resolve(db, invoice_id, note, date));
}

/* Point one invoice at a collector, audited; unchanged when it already is. */
static credo_status set_collector(credo_db *db, int64_t invoice, int64_t user, int *count)
{
	char *before = credo__snapshot(db, SNAP_INVOICE, invoice);
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "UPDATE invoices SET collector_id = ?2 WHERE id = ?1"
					 " AND collector_id IS NOT ?2", &st);
	if (rc == CREDO_OK) {
		sqlite3_bind_int64(st, 1, invoice);
		sqlite3_bind_int64(st, 2, user);
		rc = credo__step_done(db, st, "assigning a collector");
	}
	if (rc == CREDO_OK && sqlite3_changes(db->sql) > 0) {
		rc = credo__audit_row(db, "invoices", invoice, "assign_collector", SNAP_INVOICE, before);
		(*count)++;
	}
	free(before);
	return rc;
}

static credo_status assign(credo_db *db, int64_t invoice_id, int64_t customer_id, const char *login, int *count)
{
	if (!credo_can(db, CREDO_PERM_LEDGER_POST) && !credo_can(db, CREDO_PERM_CREDIT_DECIDE))
		return credo__fail(db, CREDO_PERM, "permission denied: %s is %s, who may not assign collectors"
				   " (finance and credit managers do)", credo_actor_login(db),
				   credo_role_label(credo_actor_role(db)));
	if ((invoice_id > 0) == (customer_id > 0))
		return credo__fail(db, CREDO_INVALID, "assign a collector to one invoice or to one customer's invoices");
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT id, role, active FROM users WHERE login = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, login ? login : "", -1, SQLITE_STATIC);
	int64_t user = 0;
	credo_role role = CREDO_ROLE_ADMIN;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 2)) {
		user = sqlite3_column_int64(st, 0);
		credo_role_parse(credo__col_text(st, 1), &role);
	}
	sqlite3_finalize(st);
	if (!user)
		return credo__fail(db, CREDO_NOTFOUND, "no active user with login %s", login ? login : "");
	if (!credo_role_can(role, CREDO_PERM_COLLECTION))
		return credo__fail(db, CREDO_RULE, "%s is %s, who does not collect debts", login, credo_role_label(role));
	if (invoice_id > 0) {
		struct inv_info inv;
		if ((rc = invoice_info(db, invoice_id, &inv)))
			return rc;
		if (inv.open <= 0)
			return credo__fail(db, CREDO_RULE, "%s is settled: there is nothing to collect", inv.code);
		return set_collector(db, invoice_id, user, count);
	}
	if ((rc = credo__customer_visible(db, customer_id)))
		return rc;
	if ((rc = credo__prepare(db, "SELECT i.id FROM invoices i WHERE i.customer_id = ?1 AND i.amount > 0"
				 " AND i.amount > (SELECT coalesce(sum(a.amount), 0) FROM allocations a"
				 " WHERE a.invoice_id = i.id AND a.reversed_at IS NULL) ORDER BY i.id", &st)))
		return rc;
	sqlite3_bind_int64(st, 1, customer_id);
	size_t n = 0, cap = 0;
	int64_t *ids = NULL;
	while (rc == CREDO_OK && sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap) {
			int64_t *v = realloc(ids, (cap = cap ? cap * 2 : 16) * sizeof *v);
			if (!v)
				rc = credo__fail(db, CREDO_NOMEM, "out of memory");
			else
				ids = v;
		}
		if (rc == CREDO_OK)
			ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc == CREDO_OK && n == 0)
		rc = credo__fail(db, CREDO_RULE, "the customer has no open invoices to collect");
	for (size_t i = 0; i < n && rc == CREDO_OK; i++)
		rc = set_collector(db, ids[i], user, count);
	free(ids);
	return rc;
}

credo_status credo_collection_assign(credo_db *db, int64_t invoice_id, int64_t customer_id, const char *login,
				     int *count)
{
	int changed = 0;
	credo_status rc = credo__mut_begin(db, CREDO_PERM_COLLECTION);
	if (rc)
		return rc;
	rc = assign(db, invoice_id, customer_id, login, &changed);
	if (rc == CREDO_OK && changed == 0)
		rc = credo__fail(db, CREDO_RULE, "%s already collects %s", login,
				 invoice_id > 0 ? _("this invoice") : _("every open invoice of the customer"));
	rc = credo__mut_end(db, rc);
	if (count)
		*count = rc == CREDO_OK ? changed : 0;
	return rc;
}

credo_status credo_collection_actions(credo_db *db, int64_t customer_id, int64_t invoice_id,
				      credo_collection_action_cb cb, void *ctx)
{
	if (credo_actor_id(db) <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	credo_status rc = CREDO_OK;
	if (invoice_id > 0) {
		struct inv_info inv;
		rc = invoice_info(db, invoice_id, &inv);
	} else if (customer_id > 0) {
		rc = credo__customer_visible(db, customer_id);
	}
	if (rc)
		return rc;
	sqlite3_stmt *st;
	rc = credo__prepare(db,
		"SELECT x.id, c.code, coalesce(i.code, ''), x.action_date, x.kind, x.outcome,"
		" coalesce(x.promise_amount, 0), coalesce(x.promise_date, ''), u.login, coalesce(x.resolved_date, ''),"
		" x.resolution"
		" FROM collection_actions x JOIN customers c ON c.id = x.customer_id JOIN users u ON u.id = x.collector_id"
		" LEFT JOIN invoices i ON i.id = x.invoice_id"
		" WHERE (?1 OR c.owner_id = ?2) AND (?3 = 0 OR x.customer_id = ?3) AND (?4 = 0 OR x.invoice_id = ?4)"
		" ORDER BY x.action_date DESC, x.id DESC", &st);
	if (rc)
		return rc;
	sqlite3_bind_int(st, 1, credo_can(db, CREDO_PERM_READ_ALL));
	sqlite3_bind_int64(st, 2, credo_actor_id(db));
	sqlite3_bind_int64(st, 3, customer_id);
	sqlite3_bind_int64(st, 4, invoice_id);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_collection_action a = {
			.id = sqlite3_column_int64(st, 0), .customer_code = credo__col_text(st, 1),
			.invoice_code = credo__col_text(st, 2), .date = credo__col_text(st, 3),
			.kind = credo__col_text(st, 4), .outcome = credo__col_text(st, 5),
			.promise_amount = sqlite3_column_int64(st, 6), .promise_date = credo__col_text(st, 7),
			.collector = credo__col_text(st, 8), .resolved_date = credo__col_text(st, 9),
			.resolution = credo__col_text(st, 10),
		};
		if (cb(&a, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "listing collection actions");
	sqlite3_finalize(st);
	return rc;
}

/* --- the worklist -------------------------------------------------------- */

/* How strong an action is as a step of escalation (collection.h). */
#define STRENGTH(k) \
	"(CASE " k " WHEN 'reminder' THEN 1 WHEN 'call' THEN 2 WHEN 'statement' THEN 3 WHEN 'visit' THEN 3" \
	" WHEN 'stop_supply' THEN 4 WHEN 'legal' THEN 5 ELSE 0 END)"
/* Days past due at which step l starts. */
#define THRESHOLD(l) \
	"(CASE " l " WHEN 1 THEN :lv1 WHEN 2 THEN :lv2 WHEN 3 THEN :lv3 WHEN 4 THEN :lv4 WHEN 5 THEN :lv5 END)"
/* Actions on an invoice s.id or on its customer as a whole, up to :date. */
#define ON_ITEM(x) \
	" " x ".customer_id = s.customer_id AND (" x ".invoice_id = s.id OR " x ".invoice_id IS NULL)" \
	" AND " x ".action_date <= :date"

static const char WORKLIST[] =
	"WITH o AS MATERIALIZED (SELECT i.id, i.code, i.customer_id, i.due_date, i.due_day, i.disputed,"
	"  coalesce(i.collector_id, c.owner_id) AS who, " A_OPEN("i") " AS open, :day - i.due_day AS dpd,"
	"  " A_DISPUTE_SINCE("i") " AS since"
	"  FROM invoices i JOIN customers c ON c.id = i.customer_id"
	"  WHERE i.amount > 0 AND i.invoice_day <= :day AND i.due_day < :day AND" A_SCOPE("c.owner_id") "),"
	" w AS MATERIALIZED (SELECT o.*, " A_PAUSED("o.id", "o.disputed", "o.since") " AS paused,"
	"  CASE WHEN cu.reputation_bad = 1 THEN 'D' ELSE coalesce((SELECT g.grade FROM credit_ratings g"
	"   WHERE g.customer_id = o.customer_id AND g.rated_at <= :date ORDER BY g.rated_at DESC, g.id DESC LIMIT 1), '')"
	"  END AS grade FROM o JOIN customers cu ON cu.id = o.customer_id WHERE o.open > 0 AND (:for = 0 OR o.who = :for)),"
	" s AS MATERIALIZED (SELECT w.*, CASE w.grade WHEN 'A' THEN :riskA WHEN 'B' THEN :riskB WHEN 'C' THEN :riskC ELSE :riskD END"
	"  AS risk, CASE WHEN w.dpd >= :lv1 THEN " A_STEP("w.dpd", "w.paused", "w.since", "w.due_day") " ELSE 0 END"
	"  AS level FROM w)"
	" SELECT s.id, s.code, c.code, c.name, s.due_date, s.open, s.dpd, s.grade, s.risk, s.open * s.dpd * s.risk AS rank,"
	"  s.level, s.paused, u.login, coalesce(la.action_date, ''), coalesce(la.kind, ''), coalesce(la.outcome, ''),"
	"  coalesce(pr.promise_amount, 0), coalesce(pr.promise_date, ''),"
	"  CASE WHEN pr.id IS NULL THEN ''"
	"   WHEN (CASE WHEN pr.invoice_id IS NOT NULL THEN (SELECT coalesce(sum(a.amount), 0) FROM allocations a"
	"    WHERE a.invoice_id = pr.invoice_id AND a.alloc_date >= pr.action_date AND a.alloc_date <= pr.promise_date"
	"    AND a.alloc_day <= :day AND (a.reversed_at IS NULL OR a.reversed_at > :date))"
	"    ELSE (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.customer_id = pr.customer_id"
	"    AND p.pay_date >= pr.action_date AND p.pay_date <= pr.promise_date AND p.pay_day <= :day"
	"    AND (p.reversed_at IS NULL OR p.reversed_at > :date)) END) >= pr.promise_amount THEN 'kept'"
	"   WHEN pr.promise_date >= :date THEN 'open' ELSE 'broken' END,"
	"  EXISTS (SELECT 1 FROM collection_actions x WHERE" ON_ITEM("x") " AND " STRENGTH("x.kind") " >= s.level"
	"   AND " A_DAY("x.action_date") " >= s.due_day + " THRESHOLD("s.level") "),"
	"  coalesce(s.since, '')"
	" FROM s JOIN customers c ON c.id = s.customer_id JOIN users u ON u.id = s.who"
	" LEFT JOIN collection_actions la ON la.id = (SELECT x.id FROM collection_actions x WHERE" ON_ITEM("x")
	"  ORDER BY x.action_date DESC, x.id DESC LIMIT 1)"
	" LEFT JOIN collection_actions pr ON pr.id = (SELECT x.id FROM collection_actions x WHERE x.kind = 'promise'"
	"  AND" ON_ITEM("x") " ORDER BY x.action_date DESC, x.id DESC LIMIT 1)"
	" ORDER BY rank DESC, s.due_date, s.code";

static void suggest(const credo_collection_item *it, int done, const char *since, const int64_t lv[5], char *buf,
		    size_t len)
{
	char m[CREDO_MONEY_BUFSZ];
	int broken = strcmp(it->promise, "broken") == 0;
	if (it->paused)
		snprintf(buf, len, _("resolve the dispute%s%s (escalation paused)"), *since ? _(" raised ") : "", since);
	else if (strcmp(it->promise, "open") == 0)
		snprintf(buf, len, _("wait for the promise of %s by %s"), credo__alert_money(it->promise_amount, m),
			 it->promise_date);
	else if (it->level == 0)
		snprintf(buf, len, _("not yet due for a reminder (after %lld days)"), (long long)lv[0]);
	else if (!done)
		snprintf(buf, len, "%s%s", broken ? _("promise broken: ") : "", credo__alert_step_text(it->level));
	else if (it->level == 5)
		snprintf(buf, len, _("%sfollow the legal case"), broken ? _("promise broken: ") : "");
	else if (broken)
		snprintf(buf, len, _("promise broken: %s now"), credo__alert_step_text(it->level + 1));
	else
		snprintf(buf, len, _("follow up; at %lld days: %s"), (long long)lv[it->level],
			 credo__alert_step_text(it->level + 1));
}

credo_status credo_collection_worklist(credo_db *db, const char *as_of, const char *for_login,
				       credo_collection_item_cb cb, void *ctx)
{
	if (credo_actor_id(db) <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	struct alert_run r = { .db = db, .all = credo_can(db, CREDO_PERM_READ_ALL), .actor = credo_actor_id(db) };
	credo_status rc = credo__date_or_today(db, "as-of date", as_of, r.date);
	if (rc)
		return rc;
	credo_date_parse(r.date, &r.day, NULL);
	credo__alert_levels(db, r.lv);
	sqlite3_stmt *st;
	int64_t who = 0;
	if (for_login && *for_login) {
		if ((rc = credo__prepare(db, "SELECT id FROM users WHERE login = ?1", &st)))
			return rc;
		sqlite3_bind_text(st, 1, for_login, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			who = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		if (!who)
			return credo__fail(db, CREDO_NOTFOUND, "no user with login %s", for_login);
	}
	if ((rc = credo__prepare(db, WORKLIST, &st)))
		return rc;
	credo__alert_bind(&r, st);
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":for"), who);
	static const char *const risk_keys[] = { "collection.risk.A", "collection.risk.B", "collection.risk.C",
						 "collection.risk.D" };
	static const char *const risk_names[] = { ":riskA", ":riskB", ":riskC", ":riskD" };
	for (int i = 0; i < 4; i++)
		sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, risk_names[i]),
				   credo__setting_int(db, risk_keys[i], i + 1));
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		credo_collection_item it = {
			.invoice_id = sqlite3_column_int64(st, 0), .invoice_code = credo__col_text(st, 1),
			.customer_code = credo__col_text(st, 2), .customer_name = credo__col_text(st, 3),
			.due_date = credo__col_text(st, 4), .open = sqlite3_column_int64(st, 5),
			.days_overdue = sqlite3_column_int(st, 6), .grade = credo__col_text(st, 7),
			.risk = sqlite3_column_int(st, 8), .rank = sqlite3_column_int64(st, 9),
			.level = sqlite3_column_int(st, 10), .paused = sqlite3_column_int(st, 11),
			.collector = credo__col_text(st, 12), .last_date = credo__col_text(st, 13),
			.last_kind = credo__col_text(st, 14), .last_outcome = credo__col_text(st, 15),
			.promise_amount = sqlite3_column_int64(st, 16), .promise_date = credo__col_text(st, 17),
			.promise = credo__col_text(st, 18),
		};
		it.step = credo__alert_step(it.level);
		char suggestion[256];
		suggest(&it, sqlite3_column_int(st, 19), credo__col_text(st, 20), r.lv, suggestion, sizeof suggestion);
		it.suggestion = suggestion;
		if (cb(&it, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && s != SQLITE_DONE)
		rc = credo__dberr(db, "listing the collection worklist");
	sqlite3_finalize(st);
	return rc;
}
