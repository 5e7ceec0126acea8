/* settings.c - the registry of settings: defaults, rules, reads and audited changes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "credit_internal.h"

enum kind { K_TEXT, K_PATTERN, K_INT, K_MONEY, K_CURVE };

static const struct def {
	const char *key;
	const char *def;
	enum kind kind;
	int min, max;
	const char *what;
} defs[] = {
	{ "aging.buckets", "0,30,60,90,180,365", K_TEXT, 0, 0,
	  N_("aging bucket limits in days past due: not due, 1-30, 31-60, ... and beyond the last") },
	{ "aging.provision", "5,10,30,50,80,100", K_TEXT, 0, 0,
	  N_("bad-debt provision, percent, for invoices up to 1, 2, 3, 4, 5 and over 5 years old") },
	{ "alert.complaint_open.days", "14", K_INT, 0, 3650, N_("alert when a complaint has been open more than this many days") },
	{ "alert.complaint_open.on", "1", K_INT, 0, 1, N_("alert on complaints left open (1 on, 0 off)") },
	{ "alert.contract_ending.days", "30", K_INT, 0, 3650, N_("alert when an active contract ends within this many days") },
	{ "alert.contract_ending.on", "1", K_INT, 0, 1, N_("alert on contracts about to end (1 on, 0 off)") },
	{ "alert.followup_due.grace_days", "0", K_INT, 0, 365, N_("alert when a follow-up date has passed by more than this") },
	{ "alert.followup_due.on", "1", K_INT, 0, 1, N_("alert on planned visits and follow-ups not done (1 on, 0 off)") },
	{ "alert.lead_idle.days", "7", K_INT, 1, 3650, N_("alert when an open lead has had no visit for this many days") },
	{ "alert.lead_idle.on", "1", K_INT, 0, 1, N_("alert on idle leads (1 on, 0 off)") },
	{ "alert.limitation.days", "90", K_INT, 0, 3650, N_("alert this many days before the limitation period runs out") },
	{ "alert.limitation.on", "1", K_INT, 0, 1, N_("alert on the limitation period of open invoices (1 on, 0 off)") },
	{ "alert.limitation.years", "3", K_INT, 1, 30,
	  N_("limitation period (诉讼时效) in years, from the due date or the last demand or acknowledgement") },
	{ "alert.near_limit.on", "1", K_INT, 0, 1, N_("alert when exposure reaches credit.near_limit_pct of the limit (1 on, 0 off)") },
	{ "alert.no_limit.on", "1", K_INT, 0, 1, N_("alert on credit sales without an approved limit (1 on, 0 off)") },
	{ "alert.opportunity_idle.days", "7", K_INT, 1, 3650,
	  N_("alert when an open opportunity has had no stage change or visit for this many days") },
	{ "alert.opportunity_idle.on", "1", K_INT, 0, 1, N_("alert on idle opportunities (1 on, 0 off)") },
	{ "alert.over_limit.on", "1", K_INT, 0, 1, N_("alert when exposure is over the credit limit (1 on, 0 off)") },
	{ "alert.overdue.call_days", "30", K_INT, 1, 3650, N_("days past due for escalation step 2: call the customer") },
	{ "alert.overdue.legal_days", "180", K_INT, 1, 3650, N_("days past due for escalation step 5: legal action") },
	{ "alert.overdue.on", "1", K_INT, 0, 1, N_("alert on overdue invoices with escalation (1 on, 0 off)") },
	{ "alert.overdue.reminder_days", "1", K_INT, 1, 3650, N_("days past due for escalation step 1: payment reminder") },
	{ "alert.overdue.stop_supply_days", "90", K_INT, 1, 3650, N_("days past due for escalation step 4: stop supply") },
	{ "alert.overdue.visit_days", "60", K_INT, 1, 3650, N_("days past due for escalation step 3: statement and visit") },
	{ "alert.pays_old_owes_new.days", "30", K_INT, 1, 365,
	  N_("前清后欠: look at payments of the last this many days") },
	{ "alert.pays_old_owes_new.on", "1", K_INT, 0, 1,
	  N_("alert when payments go to old invoices while newer ones are overdue (1 on, 0 off)") },
	{ "alert.promise_broken.grace_days", "0", K_INT, 0, 365, N_("alert when a promise to pay is this many days late") },
	{ "alert.promise_broken.on", "1", K_INT, 0, 1, N_("alert on broken promises to pay (1 on, 0 off)") },
	{ "alert.review_overdue.on", "1", K_INT, 0, 1, N_("alert when a rating or limit review is overdue (1 on, 0 off)") },
	{ "alert.settlement_due.days", "7", K_INT, 0, 365,
	  N_("alert this many days before a planned settlement (seed 003: 结算日期前七天)") },
	{ "alert.settlement_due.on", "1", K_INT, 0, 1, N_("alert on planned settlements falling due (1 on, 0 off)") },
	{ "alert.temp_limit_expiring.days", "14", K_INT, 0, 365, N_("alert this many days before a temporary limit expires") },
	{ "alert.temp_limit_expiring.on", "1", K_INT, 0, 1, N_("alert on expiring temporary limits (1 on, 0 off)") },
	{ "code.contract", "HT-{yyyy}-{seq:4}", K_PATTERN, 0, 0, N_("contract codes ({yyyy} restarts each year)") },
	{ "code.customer", "C{seq:6}", K_PATTERN, 0, 0, N_("customer codes") },
	{ "code.invoice", "INV-{yyyy}-{seq:5}", K_PATTERN, 0, 0, N_("invoice codes") },
	{ "code.lead", "L{seq:6}", K_PATTERN, 0, 0, N_("lead codes") },
	{ "code.payment", "PAY-{yyyy}-{seq:5}", K_PATTERN, 0, 0, N_("payment codes") },
	{ "code.product", "P{seq:5}", K_PATTERN, 0, 0, N_("product codes") },
	{ "collection.risk.A", "1", K_INT, 1, 100, N_("collection worklist: risk weight of grade A") },
	{ "collection.risk.B", "2", K_INT, 1, 100, N_("collection worklist: risk weight of grade B") },
	{ "collection.risk.C", "3", K_INT, 1, 100, N_("collection worklist: risk weight of grade C") },
	{ "collection.risk.D", "4", K_INT, 1, 100, N_("collection worklist: risk weight of grade D and of unrated customers") },
	{ "commission.basic_bp", "300", K_INT, 0, 10000,
	  N_("commission on money collected in the month, basis points (300 = 3%, seed 003 基本提成)") },
	{ "commission.excess_bp", "1000", K_INT, 0, 10000,
	  N_("commission on the part collected above list price, basis points (seed 003 超额提成 10%)") },
	{ "commission.late_bp", "1000", K_INT, 0, 10000,
	  N_("commission deducted, basis points, per commission.late_step_days (started) a collection is late") },
	{ "commission.late_grace_days", "0", K_INT, 0, 3650, N_("a collection this many days after the due date is not late yet") },
	{ "commission.late_step_days", "30", K_INT, 1, 3650, N_("the late deduction grows by commission.late_bp every this many days") },
	{ "commission.reserve_bp", "1000", K_INT, 0, 10000,
	  N_("share of the commission held back as risk reserve, basis points (seed 003 风险金 10%)") },
	{ "commission.reserve_cap", "5000.00", K_MONEY, 0, 0,
	  N_("the risk reserve stops growing when this much is held (seed 003 风险金累计五千元); 0: no cap") },
	{ "credit.curve.assessment", "1:0,3:50,5:100", K_CURVE, 0, 0, N_("1-5 assessments -> score") },
	{ "credit.curve.cash_ratio", "0.05:0,0.2:60,0.5:100", K_CURVE, 0, 0, N_("cash ratio -> score") },
	{ "credit.curve.current_ratio", "0.8:0,1.0:50,1.5:80,2.0:100", K_CURVE, 0, 0, N_("current ratio -> score") },
	{ "credit.curve.days_late", "0:100,15:70,30:40,60:0", K_CURVE, 0, 0,
	  N_("average days late (amount-weighted, 12 months) -> score") },
	{ "credit.curve.debt_to_asset", "0.3:100,0.5:70,0.7:30,0.9:0", K_CURVE, 0, 0, N_("debt-to-asset ratio -> score") },
	{ "credit.curve.disputes", "0:100,2:60,5:0", K_CURVE, 0, 0, N_("disputes and reasonable complaints in 12 months -> score") },
	{ "credit.curve.interest_coverage", "1:0,3:60,8:100", K_CURVE, 0, 0, N_("EBIT / interest -> score") },
	{ "credit.curve.max_days_past_due", "0:100,30:70,90:20,180:0", K_CURVE, 0, 0, N_("maximum days past due -> score") },
	{ "credit.curve.sales_trend", "-50:20,0:60,20:100", K_CURVE, 0, 0,
	  N_("sales of the last 6 months vs the 6 before, percent -> score") },
	{ "credit.curve.share_overdue", "0:100,0.25:60,0.6:0", K_CURVE, 0, 0, N_("share of the balance overdue -> score") },
	{ "credit.grade.A", "85", K_INT, 1, 100, N_("lowest score of grade A") },
	{ "credit.grade.B", "70", K_INT, 1, 100, N_("lowest score of grade B") },
	{ "credit.grade.C", "55", K_INT, 1, 100, N_("lowest score of grade C (below: D, cash only)") },
	{ "credit.hold_days", "60", K_INT, 1, 3650, N_("an invoice this many days overdue puts the customer on credit hold") },
	{ "credit.near_limit_pct", "90", K_INT, 1, 100, N_("alert when exposure reaches this share of the limit") },
	{ "credit.policy.A.discount", "2", K_INT, 0, 100, N_("grade A early-payment discount, percent") },
	{ "credit.policy.A.discount_days", "10", K_INT, 0, 365, N_("grade A: discount if paid within days") },
	{ "credit.policy.A.pct", "30", K_INT, 0, 100, N_("grade A limit: percent of the basis") },
	{ "credit.policy.A.term", "60", K_INT, 0, 3650, N_("grade A payment term, days") },
	{ "credit.policy.B.discount", "1", K_INT, 0, 100, N_("grade B early-payment discount, percent") },
	{ "credit.policy.B.discount_days", "10", K_INT, 0, 365, N_("grade B: discount if paid within days") },
	{ "credit.policy.B.pct", "20", K_INT, 0, 100, N_("grade B limit: percent of the basis") },
	{ "credit.policy.B.term", "45", K_INT, 0, 3650, N_("grade B payment term, days") },
	{ "credit.policy.C.discount", "0", K_INT, 0, 100, N_("grade C early-payment discount, percent") },
	{ "credit.policy.C.discount_days", "0", K_INT, 0, 365, N_("grade C: discount if paid within days") },
	{ "credit.policy.C.pct", "10", K_INT, 0, 100, N_("grade C limit: percent of the basis") },
	{ "credit.policy.C.term", "30", K_INT, 0, 3650, N_("grade C payment term, days") },
	{ "credit.policy.D.discount", "0", K_INT, 0, 100, N_("grade D early-payment discount, percent") },
	{ "credit.policy.D.discount_days", "0", K_INT, 0, 365, N_("grade D: discount if paid within days") },
	{ "credit.policy.D.pct", "0", K_INT, 0, 100, N_("grade D limit: percent of the basis (cash only)") },
	{ "credit.policy.D.term", "0", K_INT, 0, 3650, N_("grade D payment term, days") },
	{ "credit.review_months", "12", K_INT, 1, 60, N_("ratings and limits are reviewed after this many months") },
	{ "credit.round", "1000.00", K_MONEY, 0, 0, N_("suggested limits are rounded down to a multiple of this") },
	{ "credit.weight.business", "15", K_INT, 0, 100, N_("weight of business capability") },
	{ "credit.weight.cooperation", "15", K_INT, 0, 100, N_("weight of cooperation and management") },
	{ "credit.weight.financial", "40", K_INT, 0, 100, N_("weight of financial strength") },
	{ "credit.weight.payment", "30", K_INT, 0, 100, N_("weight of payment behaviour") },
	{ "currency", "CNY", K_TEXT, 0, 0, N_("the currency of every amount") },
	{ "ledger.default_term_days", "30", K_INT, 0, 3650, N_("payment term when neither contract nor customer has one") },
	{ "ledger.max_advance", "50000.00", K_MONEY, 0, 0, N_("how much a payment may exceed what the customer owes") },
	{ "pareto.a_pct", "80", K_INT, 1, 100, N_("class A: the customers making the first this many percent of the basis") },
	{ "pareto.b_pct", "15", K_INT, 0, 99, N_("class B: the customers making the next this many percent") },
	{ "pareto.basis", "sales", K_TEXT, 0, 0, N_("ABC classes by 12 months of sales or of money collected (sales|collected)") },
	{ "pareto.class_a", "黄金客户", K_TEXT, 0, 0, N_("the customer category of class A (seed 003 黄金客户)") },
	{ "pareto.class_b", "潜在黄金客户", K_TEXT, 0, 0, N_("the customer category of class B") },
	{ "pareto.class_c", "一般客户", K_TEXT, 0, 0, N_("the customer category of class C") },
	{ "target.growth_pct", "10", K_INT, -100, 1000, N_("expected market growth on the same month last year, percent") },
	{ "target.history_weight_pct", "50", K_INT, 0, 100,
	  N_("suggested target: weight of last year's same month against the grown figure (seed 000: 50)") },
	{ "target.holiday_factors", "100,100,100,100,100,100,100,100,100,100,100,100", K_TEXT, 0, 0,
	  N_("suggested target: percent factor of each month January..December for its holidays") },
};

static const struct def *find(const char *key)
{
	for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++)
		if (key && strcmp(defs[i].key, key) == 0)
			return &defs[i];
	return NULL;
}

credo_status credo__setting(credo_db *db, const char *key, char *buf, size_t len)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT value FROM settings WHERE key = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int r = sqlite3_step(st);
	if (r == SQLITE_ROW) {
		snprintf(buf, len, "%s", credo__col_text(st, 0));
	} else if (r == SQLITE_DONE) {
		const struct def *d = find(key);
		if (d)
			snprintf(buf, len, "%s", d->def);
		else
			rc = credo__fail(db, CREDO_NOTFOUND, "credo has no setting %s", key);
	} else {
		rc = credo__dberr(db, "reading a setting");
	}
	sqlite3_finalize(st);
	return rc;
}

credo_status credo_setting_get(credo_db *db, const char *key, char *buf, size_t len)
{
	if (!find(key))
		return credo__fail(db, CREDO_NOTFOUND, "credo has no setting %s (credo settings lists them)",
				   key ? key : "");
	return credo__setting(db, key, buf, len);
}

static credo_status check_value(credo_db *db, const struct def *d, const char *v)
{
	if (!credo__text_ok(v, 0) || strlen(v) > 200)
		return credo__fail(db, CREDO_INVALID, "%s must be at most 200 bytes of text", d->key);
	switch (d->kind) {
	case K_TEXT:
		if (strcmp(d->key, "aging.buckets") == 0 || strcmp(d->key, "aging.provision") == 0) {
			int n, vals[8];
			const char *why = credo__int_list(v, vals, 8, &n);
			if (!why && strcmp(d->key, "aging.provision") == 0 && n != 6)
				why = _("six percentages: up to 1, 2, 3, 4, 5 and over 5 years");
			for (int i = 0; !why && i < n; i++)
				if (strcmp(d->key, "aging.provision") == 0 ? vals[i] > 100 || (i && vals[i] < vals[i - 1])
									    : i && vals[i] <= vals[i - 1])
					why = strcmp(d->key, "aging.provision") == 0
						      ? _("percentages from 0 to 100 that never fall with age")
						      : _("bucket limits must increase");
			return why ? credo__fail(db, CREDO_INVALID, "%s: %s", d->key, why) : CREDO_OK;
		}
		if (strcmp(d->key, "target.holiday_factors") == 0) {
			int n, vals[12];
			const char *why = credo__int_list(v, vals, 12, &n);
			if (!why && n != 12)
				why = _("twelve percentages, January to December");
			return why ? credo__fail(db, CREDO_INVALID, "%s: %s", d->key, why) : CREDO_OK;
		}
		if (strcmp(d->key, "pareto.basis") == 0 && strcmp(v, "sales") != 0 && strcmp(v, "collected") != 0)
			return credo__fail(db, CREDO_INVALID, "%s is sales or collected", d->key);
		return *v ? CREDO_OK : credo__fail(db, CREDO_INVALID, "%s cannot be empty", d->key);
	case K_PATTERN:
		if (!strstr(v, "{seq:"))
			return credo__fail(db, CREDO_INVALID, "%s must contain {seq:N} so codes stay unique", d->key);
		return CREDO_OK;
	case K_INT: {
		char *end;
		long n = strtol(v, &end, 10);
		if (!*v || *end || n < d->min || n > d->max)
			return credo__fail(db, CREDO_INVALID, "%s must be a whole number from %d to %d", d->key,
					   d->min, d->max);
		return CREDO_OK;
	}
	case K_MONEY: {
		credo_money m;
		const char *why;
		if (credo_money_parse(v, &m, &why) != CREDO_OK)
			return credo__fail(db, CREDO_INVALID, "%s: %s", d->key, why);
		if (m < 0)
			return credo__fail(db, CREDO_INVALID, "%s cannot be negative", d->key);
		return CREDO_OK;
	}
	case K_CURVE: {
		struct credit_curve c;
		const char *why = credo__curve_parse(v, &c);
		return why ? credo__fail(db, CREDO_INVALID, "%s: %s", d->key, why) : CREDO_OK;
	}
	}
	return CREDO_OK;
}

/* {"key": key, "value": value}, escaped by SQLite; malloc'd. */
static char *json_pair(credo_db *db, const char *key, const char *value)
{
	sqlite3_stmt *st;
	char *json = NULL;
	if (credo__prepare(db, "SELECT json_object('key', ?1, 'value', ?2)", &st))
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		json = strdup(credo__col_text(st, 0));
	sqlite3_finalize(st);
	return json;
}

static credo_status set_value(credo_db *db, const struct def *d, const char *value)
{
	credo_status rc = check_value(db, d, value);
	if (rc)
		return rc;
	char old[256];
	credo__setting(db, d->key, old, sizeof old);
	char *before = json_pair(db, d->key, old);
	sqlite3_stmt *st;
	rc = credo__prepare(db, "INSERT INTO settings(key, value, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)"
			    " ON CONFLICT(key) DO UPDATE SET value = ?2, updated_at = ?3, updated_by = ?4", &st);
	if (rc)
		return rc;
	char now[21];
	credo__now(now);
	sqlite3_bind_text(st, 1, d->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, db->actor.id);
	rc = credo__step_done(db, st, "changing a setting");
	/* The credit policy is judged as a whole, with the new value in place. */
	if (rc == CREDO_OK && strncmp(d->key, "credit.", 7) == 0) {
		struct credit_config cfg;
		rc = credo__credit_config(db, &cfg);
	}
	char *after = rc ? NULL : json_pair(db, d->key, value);
	/* Settings are keyed by name: the audit row's id is 0 and the key is in the values. */
	if (rc == CREDO_OK)
		rc = credo__audit(db, "settings", 0, "update", before, after);
	free(before);
	free(after);
	return rc;
}

credo_status credo_setting_set(credo_db *db, const char *key, const char *value)
{
	const struct def *d = find(key);
	if (!d)
		return credo__fail(db, CREDO_NOTFOUND, "credo has no setting %s (credo settings lists them)",
				   key ? key : "");
	credo_status rc = credo__mut_begin(db, CREDO_PERM_SETTINGS);
	if (rc)
		return rc;
	return credo__mut_end(db, set_value(db, d, value ? value : ""));
}

credo_status credo_setting_list(credo_db *db, credo_setting_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++) {
		char v[256];
		credo_status rc = credo__setting(db, defs[i].key, v, sizeof v);
		if (rc)
			return rc;
		credo_setting s = { .key = defs[i].key, .value = v, .def = defs[i].def, .what = _(defs[i].what) };
		if (cb(&s, ctx))
			return CREDO_STOP;
	}
	return CREDO_OK;
}

const char *credo__int_list(const char *text, int *vals, int max, int *n)
{
	*n = 0;
	const char *p = text;
	while (*p) {
		if (*n == max)
			return _("too many values");
		char *end;
		long v = strtol(p, &end, 10);
		if (end == p || v < 0 || v > 100000)
			return _("a list of whole numbers separated by commas, like 0,30,60,90");
		vals[(*n)++] = (int)v;
		p = end;
		if (*p == ',')
			p++;
		else if (*p)
			return _("a list of whole numbers separated by commas, like 0,30,60,90");
	}
	return *n ? NULL : _("at least one number");
}
