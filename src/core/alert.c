/*
 * alert.c - the alert engine (DESIGN.md section 6): the table of rules, their
 * switches and thresholds from the settings, and the run that collects every
 * rule's alerts in a temporary table and hands them out sorted by severity
 * and date.
 *
 * The rules themselves, one query each, are in alert_money.c (receivables),
 * alert_credit.c (limits and reviews) and alert_sales.c (leads,
 * opportunities, follow-ups, contracts, complaints).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alert_internal.h"

/*
 * The rules in the order of DESIGN.md section 6. Each is switched by the
 * setting alert.ID.on and reads its thresholds from params. over_limit,
 * near_limit and no_limit read the same exposure, so they share one query:
 * the first of them that is on runs it for all three (each still obeys its
 * own switch).
 */
static const struct rule {
	const char *id;		/* also the settings prefix: alert.ID.* */
	const char *what;
	const char *params[ALERT_MAX_PARAMS];	/* setting keys bound as :p1.. */
	credo_status (*fn)(struct alert_run *r);
} rules[] = {
	{ "settlement_due", N_("a planned settlement of an active contract is due within N days (seed 003)"),
	  { "alert.settlement_due.days" }, credo__alert_settlement_due },
	{ "overdue", N_("an overdue invoice, escalating with its age; paused while disputed"),
	  { "alert.overdue.reminder_days", "alert.overdue.call_days", "alert.overdue.visit_days",
	    "alert.overdue.stop_supply_days", "alert.overdue.legal_days" }, credo__alert_overdue },
	{ "promise_broken", N_("a promise to pay was not kept by its date"), { "alert.promise_broken.grace_days" },
	  credo__alert_promise_broken },
	{ "over_limit", N_("exposure is above the credit limit"), { NULL }, credo__alert_exposure },
	{ "near_limit", N_("exposure has reached the near-limit share of the credit limit"), { "credit.near_limit_pct" },
	  credo__alert_exposure },
	{ "no_limit", N_("open invoices or an active contract without an approved credit limit"), { NULL },
	  credo__alert_exposure },
	{ "review_overdue", N_("the review date of the latest rating or standing limit has passed"), { NULL },
	  credo__alert_review_overdue },
	{ "temp_limit_expiring", N_("a temporary limit expires within N days"), { "alert.temp_limit_expiring.days" },
	  credo__alert_temp_limit_expiring },
	{ "limitation", N_("the limitation period (诉讼时效) of an open invoice ends within N days"),
	  { "alert.limitation.years", "alert.limitation.days" }, credo__alert_limitation },
	{ "pays_old_owes_new", N_("前清后欠: recent payments paid older invoices while a newer one is overdue"),
	  { "alert.pays_old_owes_new.days" }, credo__alert_pays_old_owes_new },
	{ "lead_idle", N_("an open lead has had no visit for N days (seed 000: 如一周)"), { "alert.lead_idle.days" },
	  credo__alert_lead_idle },
	{ "opportunity_idle", N_("an open opportunity has had no stage change or visit for N days"),
	  { "alert.opportunity_idle.days" }, credo__alert_opportunity_idle },
	{ "followup_due", N_("a planned visit or follow-up date has passed without a visit"),
	  { "alert.followup_due.grace_days" }, credo__alert_followup_due },
	{ "contract_ending", N_("an active contract ends within N days"), { "alert.contract_ending.days" },
	  credo__alert_contract_ending },
	{ "complaint_open", N_("a complaint has been open for more than N days"), { "alert.complaint_open.days" },
	  credo__alert_complaint_open },
};
#define NRULES (sizeof rules / sizeof rules[0])

static const char *const severity_names[] = { "", "info", "warning", "critical" };

const char *credo_alert_severity_name(credo_alert_severity s)
{
	return s >= CREDO_ALERT_INFO && s <= CREDO_ALERT_CRITICAL ? severity_names[s] : "";
}

static const char *const steps[] = { "", "reminder", "call", "statement", "stop_supply", "legal" };
static const char *const step_texts[] = { "", N_("send a payment reminder"), N_("call the customer"),
					   N_("send a statement and visit"), N_("stop supply"), N_("hand over for legal action") };

const char *credo__alert_step(int level)
{
	return level >= 1 && level <= 5 ? steps[level] : "";
}

const char *credo__alert_step_text(int level)
{
	return level >= 1 && level <= 5 ? _(step_texts[level]) : "";
}

const char *credo__alert_money(credo_money v, char buf[CREDO_MONEY_BUFSZ])
{
	return credo_money_format(v, 1, buf, CREDO_MONEY_BUFSZ);
}

/* Length of s cut to at most max bytes on a UTF-8 character boundary. */
static size_t utf8_cut(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

/* Drop an incomplete UTF-8 sequence at the end of s. */
static void utf8_trim_tail(char *s)
{
	size_t n = strlen(s), i = n, back = 0;
	while (i > 0 && back < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) {
		i--;
		back++;
	}
	if (i == 0)
		return;
	unsigned char lead = (unsigned char)s[i - 1];
	size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (want > 1 && back + 1 < want)
		s[i - 1] = '\0';
}

const char *credo__alert_clip(const char *s, size_t max, char *buf, size_t len)
{
	if (!s)
		s = "";
	if (len < 4) {
		if (len)
			buf[0] = '\0';
		return buf;
	}
	if (max > len - 4)
		max = len - 4;
	size_t n = utf8_cut(s, max);
	memcpy(buf, s, n);
	strcpy(buf + n, s[n] ? "..." : "");
	return buf;
}

void credo__alert_levels(credo_db *db, int64_t lv[ALERT_MAX_PARAMS])
{
	static const char *const keys[] = { "alert.overdue.reminder_days", "alert.overdue.call_days",
					    "alert.overdue.visit_days", "alert.overdue.stop_supply_days",
					    "alert.overdue.legal_days" };
	static const int64_t def[] = { 1, 30, 60, 90, 180 };
	for (int i = 0; i < ALERT_MAX_PARAMS; i++)
		lv[i] = credo__setting_int(db, keys[i], def[i]);
}

/* --- the alerts of one run, kept for sorting ----------------------------- */

/*
 * Every rule's alerts go to a temporary table as they are found, and come
 * back sorted by SQLite: the run holds one alert at a time whatever the
 * number, and the sort spills to the temporary file when it is large.
 * Most severe first, then the oldest date, the rule's place, customer and
 * item (the order of finding breaks the remaining ties).
 */
static const char KEEP_CREATE[] =
	"DROP TABLE IF EXISTS temp.alert_run;"
	"CREATE TEMP TABLE alert_run(severity INTEGER, date TEXT, ord INTEGER, customer_code TEXT, item TEXT,"
	" rule TEXT, level INTEGER, customer_name TEXT, item_kind TEXT, amount INTEGER, responsible TEXT,"
	" days INTEGER, message TEXT)";

static const char KEEP_INSERT[] = "INSERT INTO temp.alert_run VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

static const char KEEP_SORTED[] =
	"SELECT rule, severity, level, customer_code, customer_name, item_kind, item, amount, responsible, date, days,"
	" message FROM temp.alert_run ORDER BY severity DESC, date, ord, customer_code, item, rowid";

static credo_status keep(struct alert_run *r, const credo_alert *a)
{
	sqlite3_stmt *s = r->keep;
	sqlite3_reset(s);
	sqlite3_bind_int(s, 1, (int)a->severity);
	sqlite3_bind_text(s, 2, a->date ? a->date : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, r->order);
	sqlite3_bind_text(s, 4, a->customer_code ? a->customer_code : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, a->item ? a->item : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, a->rule ? a->rule : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 7, a->level);
	sqlite3_bind_text(s, 8, a->customer_name ? a->customer_name : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, a->item_kind ? a->item_kind : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 10, a->amount);
	sqlite3_bind_text(s, 11, a->responsible ? a->responsible : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 12, a->days);
	sqlite3_bind_text(s, 13, a->message ? a->message : "", -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		return credo__dberr(r->db, "collecting alerts");
	return CREDO_OK;
}

/* Hand the kept alerts out in order. */
static credo_status hand_out(credo_db *db, credo_alert_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, KEEP_SORTED, &st);
	if (rc)
		return rc;
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		credo_alert a = {
			.rule = credo__col_text(st, 0), .severity = (credo_alert_severity)sqlite3_column_int(st, 1),
			.level = sqlite3_column_int(st, 2), .customer_code = credo__col_text(st, 3),
			.customer_name = credo__col_text(st, 4), .item_kind = credo__col_text(st, 5),
			.item = credo__col_text(st, 6), .amount = sqlite3_column_int64(st, 7),
			.responsible = credo__col_text(st, 8), .date = credo__col_text(st, 9),
			.days = sqlite3_column_int(st, 10), .message = credo__col_text(st, 11),
		};
		if (cb(&a, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && s != SQLITE_DONE)
		rc = credo__dberr(db, "sorting alerts");
	sqlite3_finalize(st);
	return rc;
}

/* --- running a rule's query --------------------------------------------- */

static void bind_int(sqlite3_stmt *st, const char *name, int64_t v)
{
	int i = sqlite3_bind_parameter_index(st, name);
	if (i > 0)
		sqlite3_bind_int64(st, i, v);
}

void credo__alert_bind(const struct alert_run *r, sqlite3_stmt *st)
{
	bind_int(st, ":day", r->day);
	int i = sqlite3_bind_parameter_index(st, ":date");
	if (i > 0)
		sqlite3_bind_text(st, i, r->date, -1, SQLITE_TRANSIENT);
	bind_int(st, ":all", r->all);
	bind_int(st, ":actor", r->actor);
	for (int k = 0; k < ALERT_MAX_PARAMS; k++) {
		char name[8];
		snprintf(name, sizeof name, ":p%d", k + 1);
		bind_int(st, name, r->p[k]);
		snprintf(name, sizeof name, ":lv%d", k + 1);
		bind_int(st, name, r->lv[k]);
	}
}

credo_status credo__alert_query(struct alert_run *r, const char *sql, alert_fill_fn fill)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(r->db, sql, &st);
	if (rc)
		return rc;
	credo__alert_bind(r, st);
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		credo_alert a = {
			.rule = r->rule, .customer_code = credo__col_text(st, 0), .customer_name = credo__col_text(st, 1),
			.item_kind = credo__col_text(st, 2), .item = credo__col_text(st, 3),
			.amount = sqlite3_column_int64(st, 4), .responsible = credo__col_text(st, 5),
			.date = credo__col_text(st, 6), .days = sqlite3_column_int(st, 7),
			.severity = CREDO_ALERT_WARNING,
		};
		if (r->for_login && strcmp(a.responsible, r->for_login) != 0)
			continue;
		char msg[1024] = "";
		fill(r, st, &a, msg, sizeof msg);
		if (!a.severity)
			continue;
		utf8_trim_tail(msg);	/* snprintf may have cut a character in two */
		a.message = msg;
		if ((rc = keep(r, &a)))
			break;
	}
	if (rc == CREDO_OK && s != SQLITE_DONE) {
		char what[80];
		snprintf(what, sizeof what, "checking the alert rule %s", r->rule);
		rc = credo__dberr(r->db, what);
	}
	sqlite3_finalize(st);
	return rc;
}

/* --- the engine ---------------------------------------------------------- */

static int rule_on(credo_db *db, const struct rule *ru)
{
	char key[64];
	snprintf(key, sizeof key, "alert.%s.on", ru->id);
	return credo__setting_int(db, key, 1) != 0;
}

static void rule_params(credo_db *db, const struct rule *ru, int64_t p[ALERT_MAX_PARAMS])
{
	for (int i = 0; i < ALERT_MAX_PARAMS; i++)
		p[i] = ru->params[i] ? credo__setting_int(db, ru->params[i], 0) : 0;
}

credo_status credo__alerts(credo_db *db, const char *as_of, const char *for_login, int have_asof, credo_alert_cb cb,
			   void *ctx)
{
	if (credo_actor_id(db) <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	struct alert_run r = { .db = db, .all = credo_can(db, CREDO_PERM_READ_ALL), .actor = credo_actor_id(db) };
	credo_status rc = credo__date_or_today(db, "as-of date", as_of, r.date);
	if (rc)
		return rc;
	credo_date_parse(r.date, &r.day, NULL);
	if (for_login && *for_login) {
		sqlite3_stmt *st;
		if ((rc = credo__prepare(db, "SELECT 1 FROM users WHERE login = ?1", &st)))
			return rc;
		sqlite3_bind_text(st, 1, for_login, -1, SQLITE_STATIC);
		int found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
		if (!found)
			return credo__fail(db, CREDO_NOTFOUND, "no user with login %s", for_login);
		r.for_login = for_login;
	}
	credo__alert_levels(db, r.lv);
	if (!have_asof)
		rc = credo__asof_build(db, r.day, r.date);
	if (rc == CREDO_OK)
		rc = credo__exec(db, KEEP_CREATE, "collecting alerts");
	if (rc == CREDO_OK)
		rc = credo__prepare(db, KEEP_INSERT, &r.keep);
	for (size_t i = 0; i < NRULES && rc == CREDO_OK; i++) {
		if (!rule_on(db, &rules[i]))
			continue;
		r.rule = rules[i].id;
		rule_params(db, &rules[i], r.p);
		r.order = (int)i;
		rc = rules[i].fn(&r);
	}
	sqlite3_finalize(r.keep);
	if (!have_asof)
		credo__asof_drop(db);
	if (rc == CREDO_OK)
		rc = hand_out(db, cb, ctx);
	char err[sizeof db->err];
	memcpy(err, db->err, sizeof err);
	credo__exec(db, "DROP TABLE IF EXISTS temp.alert_run", "collecting alerts");
	memcpy(db->err, err, sizeof err);
	return rc;
}

credo_status credo_alerts(credo_db *db, const char *as_of, const char *for_login, credo_alert_cb cb, void *ctx)
{
	return credo__alerts(db, as_of, for_login, 0, cb, ctx);
}

credo_status credo_alert_rules(credo_db *db, credo_alert_rule_cb cb, void *ctx)
{
	if (credo_actor_id(db) <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	for (size_t i = 0; i < NRULES; i++) {
		const struct rule *ru = &rules[i];
		char settings[512] = "";
		size_t used = 0;
		for (int k = 0; k < ALERT_MAX_PARAMS && ru->params[k]; k++) {
			char v[64];
			if (credo__setting(db, ru->params[k], v, sizeof v))
				snprintf(v, sizeof v, "?");
			int n = snprintf(settings + used, sizeof settings - used, "%s%s=%s", k ? ", " : "",
					 ru->params[k], v);
			if (n < 0 || (size_t)n >= sizeof settings - used)
				break;
			used += (size_t)n;
		}
		credo_alert_rule row = { .id = ru->id, .on = rule_on(db, ru), .what = _(ru->what), .settings = settings };
		if (cb(&row, ctx))
			return CREDO_STOP;
	}
	return CREDO_OK;
}
