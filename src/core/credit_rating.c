/*
 * credit_rating.c - the scorecard of DESIGN.md section 5.
 *
 * All arithmetic is in integers: ratios in thousandths, scores in
 * hundredths of a point, rounded half up only at the end, so the same file
 * always gives the same score and the worked example in the docs can be
 * followed by hand.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "credit_internal.h"

static const char *const input_names[IN_COUNT] = {
	N_("current ratio"), N_("interest coverage"), N_("debt-to-asset"), N_("cash ratio"),
	N_("average days late"), N_("share overdue"), N_("max days past due"), N_("disputes"), N_("sales trend %"),
	N_("distribution reach"), N_("capital"), N_("brands held"), N_("warehousing, vehicles, staff"),
	N_("cooperation"), N_("management"),
};

static const struct {
	const char *name;
	int first, n;
} factor_inputs[F_COUNT] = {
	[F_FINANCIAL] = { N_("financial strength"), IN_CURRENT_RATIO, 4 },
	[F_PAYMENT] = { N_("payment behaviour"), IN_DAYS_LATE, 5 },
	[F_BUSINESS] = { N_("business capability"), IN_REACH, 4 },
	[F_COOPERATION] = { N_("cooperation and management"), IN_COOPERATION, 2 },
};

/* a / b in thousandths, rounded half away from zero; b > 0. */
static int64_t ratio_milli(int64_t a, int64_t b)
{
	int neg = a < 0;
	uint64_t ua = neg ? (uint64_t)0 - (uint64_t)a : (uint64_t)a, ub = (uint64_t)b;
	uint64_t q = ua / ub, r = ua % ub;
	uint64_t m = q * 1000 + (r * 1000 + ub / 2) / ub;
	return neg ? -(int64_t)m : (int64_t)m;
}

struct file_row {
	int64_t id;
	credo_money ca, cl, cash, ta, tl, net, ebit, interest;
	int has[8];	/* ca, cl, cash, ta, tl, net, ebit, interest */
	int marks[6];
};

static credo_status latest_file(credo_db *db, int64_t customer, const char *as_of, struct file_row *f)
{
	memset(f, 0, sizeof *f);
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT id, current_assets, current_liabilities, cash, total_assets,"
					 " total_liabilities, net_assets, ebit, interest_expense, coalesce(assess_reach, 0),"
					 " coalesce(assess_capital, 0), coalesce(assess_brands, 0),"
					 " coalesce(assess_logistics, 0), coalesce(assess_cooperation, 0),"
					 " coalesce(assess_management, 0) FROM credit_files WHERE customer_id = ?1"
					 " AND statement_date <= ?2 ORDER BY statement_date DESC, id DESC LIMIT 1", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, customer);
	sqlite3_bind_text(st, 2, as_of, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		f->id = sqlite3_column_int64(st, 0);
		credo_money *v[] = { &f->ca, &f->cl, &f->cash, &f->ta, &f->tl, &f->net, &f->ebit, &f->interest };
		for (int i = 0; i < 8; i++) {
			f->has[i] = sqlite3_column_type(st, 1 + i) != SQLITE_NULL;
			*v[i] = sqlite3_column_int64(st, 1 + i);
		}
		for (int i = 0; i < 6; i++)
			f->marks[i] = sqlite3_column_int(st, 9 + i);
	}
	sqlite3_finalize(st);
	return CREDO_OK;
}

static void set_input(credo_credit_rating *r, const struct credit_config *cfg, int i, int64_t x)
{
	r->inputs[i].has_data = 1;
	r->inputs[i].value = x;
	r->inputs[i].score = credo__curve_score(&cfg->curve[i], x);
}

/* A ratio with nothing to divide by is as good as the curve allows. */
static void set_best(credo_credit_rating *r, const struct credit_config *cfg, int i)
{
	const struct credit_curve *c = &cfg->curve[i];
	int best = c->y[0] > c->y[c->n - 1] ? 0 : c->n - 1;
	r->inputs[i].has_data = 1;
	r->inputs[i].value = -1;	/* shown as "none to pay" */
	r->inputs[i].score = c->y[best] * 100;
}

static void financial(credo_credit_rating *r, const struct credit_config *cfg, const struct file_row *f)
{
	if (!f->id)
		return;
	if (f->has[0] && f->has[1])	/* current ratio */
		f->cl > 0 ? set_input(r, cfg, IN_CURRENT_RATIO, ratio_milli(f->ca, f->cl))
			  : set_best(r, cfg, IN_CURRENT_RATIO);
	if (f->has[6]) {		/* interest coverage: no interest expense scores best */
		if (f->has[7] && f->interest > 0)
			set_input(r, cfg, IN_INTEREST_COVERAGE, ratio_milli(f->ebit, f->interest));
		else
			set_best(r, cfg, IN_INTEREST_COVERAGE);
	}
	if (f->has[3] && f->has[4] && f->ta > 0)
		set_input(r, cfg, IN_DEBT_TO_ASSET, ratio_milli(f->tl, f->ta));
	if (f->has[2] && f->has[1])
		f->cl > 0 ? set_input(r, cfg, IN_CASH_RATIO, ratio_milli(f->cash, f->cl)) : set_best(r, cfg, IN_CASH_RATIO);
	for (int i = 0; i < 6; i++)
		if (f->marks[i] >= 1)
			set_input(r, cfg, IN_REACH + i, (int64_t)f->marks[i] * 1000);
}

/* What the ledger says about how the customer pays (seed 000: 会计账户的信号). */
static credo_status payment(credo_db *db, credo_credit_rating *r, const struct credit_config *cfg,
			    int64_t customer, credo_date day)
{
	char d[CREDO_DATE_BUFSZ], y[CREDO_DATE_BUFSZ], h[CREDO_DATE_BUFSZ];
	credo_date_format(day, d, sizeof d);
	credo_date_format(day - 365, y, sizeof y);
	credo_date_format(day - 182, h, sizeof h);
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db,
		"WITH inv AS (SELECT i.id, i.amount, i.due_day, i.invoice_date,"
		"   i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a WHERE a.invoice_id = i.id"
		"     AND a.alloc_date <= ?2 AND (a.reversed_at IS NULL OR a.reversed_at > ?2)) AS open"
		"   FROM invoices i WHERE i.customer_id = ?1 AND i.amount > 0 AND i.invoice_date <= ?2),"
		" paid AS (SELECT a.amount, max(0, a.alloc_day - inv.due_day) AS late FROM allocations a"
		"   JOIN inv ON inv.id = a.invoice_id WHERE a.payment_id IS NOT NULL AND a.alloc_date > ?3"
		"   AND a.alloc_date <= ?2 AND (a.reversed_at IS NULL OR a.reversed_at > ?2))"
		" SELECT (SELECT count(*) FROM inv),"
		"  (SELECT coalesce(sum(amount * late), 0) FROM paid)"
		"   + (SELECT coalesce(sum(open * (?5 - due_day)), 0) FROM inv WHERE open > 0 AND due_day < ?5),"
		"  (SELECT coalesce(sum(amount), 0) FROM paid)"
		"   + (SELECT coalesce(sum(open), 0) FROM inv WHERE open > 0 AND due_day < ?5),"
		"  (SELECT coalesce(sum(open), 0) FROM inv WHERE open > 0),"
		"  (SELECT coalesce(sum(open), 0) FROM inv WHERE open > 0 AND due_day < ?5),"
		"  max((SELECT coalesce(max(late), 0) FROM paid),"
		"      (SELECT coalesce(max(?5 - due_day), 0) FROM inv WHERE open > 0)),"
		"  (SELECT count(*) FROM complaints WHERE customer_id = ?1 AND complaint_date > ?3"
		"    AND complaint_date <= ?2 AND (reasonable = 1 OR is_dispute = 1)),"
		"  (SELECT coalesce(sum(amount), 0) FROM invoices WHERE customer_id = ?1 AND invoice_date > ?4"
		"    AND invoice_date <= ?2),"
		"  (SELECT coalesce(sum(amount), 0) FROM invoices WHERE customer_id = ?1 AND invoice_date > ?3"
		"    AND invoice_date <= ?4)", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, customer);
	sqlite3_bind_text(st, 2, d, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, y, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, h, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, day);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return credo__dberr(db, "reading the payment record");
	}
	int64_t invoices = sqlite3_column_int64(st, 0), late_weighted = sqlite3_column_int64(st, 1),
		weight = sqlite3_column_int64(st, 2), open = sqlite3_column_int64(st, 3),
		overdue = sqlite3_column_int64(st, 4), max_late = sqlite3_column_int64(st, 5),
		disputes = sqlite3_column_int64(st, 6), recent = sqlite3_column_int64(st, 7),
		prior = sqlite3_column_int64(st, 8);
	sqlite3_finalize(st);
	if (invoices == 0)
		return CREDO_OK;	/* no history: the factor is neutral and says so */
	if (weight > 0)
		set_input(r, cfg, IN_DAYS_LATE, ratio_milli(late_weighted, weight));
	set_input(r, cfg, IN_SHARE_OVERDUE, open > 0 ? ratio_milli(overdue, open) : 0);
	set_input(r, cfg, IN_MAX_DAYS_PAST_DUE, max_late * 1000);
	set_input(r, cfg, IN_DISPUTES, disputes * 1000);
	if (prior > 0)
		set_input(r, cfg, IN_SALES_TREND, ratio_milli((recent - prior) * 100, prior));
	return CREDO_OK;
}

static void score(credo_credit_rating *r, const struct credit_config *cfg)
{
	int64_t total = 0, weights = 0;
	for (int f = 0; f < F_COUNT; f++) {
		credo_credit_factor *fc = &r->factors[f];
		fc->name = factor_inputs[f].name;
		fc->weight = cfg->weight[f];
		fc->first_input = factor_inputs[f].first;
		fc->ninputs = factor_inputs[f].n;
		int sum = 0, n = 0;
		for (int i = fc->first_input; i < fc->first_input + fc->ninputs; i++) {
			if (r->inputs[i].has_data) {
				sum += r->inputs[i].score;
				n++;
			}
		}
		fc->has_data = n > 0;
		fc->score = n ? (sum + n / 2) / n : 5000;
		total += (int64_t)fc->weight * fc->score;
		weights += fc->weight;
	}
	int64_t hundredths = weights ? (total + weights / 2) / weights : 5000;
	r->score = (int)((hundredths + 50) / 100);
	r->grade = r->score >= cfg->grade_min[0] ? 'A' : r->score >= cfg->grade_min[1] ? 'B'
		   : r->score >= cfg->grade_min[2] ? 'C' : 'D';
}

static void limit(credo_credit_rating *r, const struct credit_config *cfg, const struct file_row *f)
{
	r->working_capital = f->id && f->has[0] && f->has[1] ? f->ca - f->cl : CREDO_MONEY_NONE;
	r->net_assets = f->id && f->has[5] ? f->net : CREDO_MONEY_NONE;
	credo_money basis = r->working_capital;
	if (basis == CREDO_MONEY_NONE || (r->net_assets != CREDO_MONEY_NONE && r->net_assets < basis))
		basis = r->net_assets;
	r->basis = basis == CREDO_MONEY_NONE || basis < 0 ? 0 : basis;
	const struct credit_policy *p = &cfg->policy[r->grade - 'A'];
	r->policy_pct = p->pct;
	r->policy_term = p->term;
	r->policy_discount = p->discount;
	r->policy_discount_days = p->discount_days;
	credo_money s = r->basis / 100 * p->pct + r->basis % 100 * p->pct / 100;
	r->suggested = cfg->round > 0 ? s / cfg->round * cfg->round : s;
}

credo_status credo_credit_evaluate(credo_db *db, int64_t customer_id, const char *as_of, credo_credit_rating *out)
{
	char d[CREDO_DATE_BUFSZ];
	struct credit_config cfg;
	struct file_row f;
	credo_status rc = credo__customer_visible(db, customer_id);
	if (rc == CREDO_OK)
		rc = credo__date_or_today(db, "as-of date", as_of, d);
	if (rc == CREDO_OK)
		rc = credo__credit_config(db, &cfg);
	if (rc == CREDO_OK)
		rc = latest_file(db, customer_id, d, &f);
	if (rc)
		return rc;
	memset(out, 0, sizeof *out);
	out->ninputs = IN_COUNT;
	for (int i = 0; i < IN_COUNT; i++)
		out->inputs[i].name = input_names[i];
	out->file_id = f.id;
	financial(out, &cfg, &f);
	credo_date day;
	credo_date_parse(d, &day, NULL);
	rc = payment(db, out, &cfg, customer_id, day);
	if (rc)
		return rc;
	score(out, &cfg);
	sqlite3_stmt *st;
	if (credo__prepare(db, "SELECT reputation_bad FROM customers WHERE id = ?1", &st) == CREDO_OK) {
		sqlite3_bind_int64(st, 1, customer_id);
		out->veto = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (out->veto)	/* seed 001: 不講信譽的經銷商,條件再好也不能合作 */
		out->grade = 'D';
	limit(out, &cfg, &f);
	credo_date_format(credo_date_add_months(day, cfg.review_months), out->next_review, sizeof out->next_review);
	return CREDO_OK;
}

/* The breakdown as stored with the rating, so anyone can see later why a grade was given. */
static char *breakdown_json(const credo_credit_rating *r)
{
	json_t *factors = json_array();
	for (int f = 0; f < F_COUNT; f++) {
		const credo_credit_factor *fc = &r->factors[f];
		json_t *inputs = json_array();
		for (int i = fc->first_input; i < fc->first_input + fc->ninputs; i++) {
			const credo_credit_input *in = &r->inputs[i];
			json_array_append_new(inputs, in->has_data
				? json_pack("{s:s, s:I, s:f}", "input", in->name, "value", (json_int_t)in->value,
					    "score", in->score / 100.0)
				: json_pack("{s:s, s:n}", "input", in->name, "score"));
		}
		json_array_append_new(factors, json_pack("{s:s, s:i, s:f, s:b, s:o}", "factor", fc->name,
							 "weight", fc->weight, "score", fc->score / 100.0,
							 "has_data", fc->has_data, "inputs", inputs));
	}
	json_t *root = json_pack("{s:i, s:s#, s:b, s:o, s:I, s:I, s:i}", "score", r->score, "grade", &r->grade, 1,
				 "veto", r->veto, "factors", factors, "basis", (json_int_t)r->basis,
				 "suggested", (json_int_t)r->suggested, "policy_pct", r->policy_pct);
	char *s = root ? json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(root);
	return s;
}

static const char SNAP_RATING[] =
	"SELECT json_object('customer_id', customer_id, 'rated_at', rated_at, 'score', score, 'grade', grade,"
	" 'suggested', suggested, 'basis', basis, 'next_review', next_review, 'credit_file_id', credit_file_id)"
	" FROM credit_ratings WHERE id = ?1";

void credo__credit_basis_text(const credo_credit_rating *r, char *buf, size_t len)
{
	char wc[CREDO_MONEY_BUFSZ] = "unknown", na[CREDO_MONEY_BUFSZ] = "unknown", s[CREDO_MONEY_BUFSZ];
	if (r->working_capital != CREDO_MONEY_NONE)
		credo_money_format(r->working_capital, 1, wc, sizeof wc);
	if (r->net_assets != CREDO_MONEY_NONE)
		credo_money_format(r->net_assets, 1, na, sizeof na);
	snprintf(buf, len, _("grade %c: %d%% of the lesser of working capital %s and net assets %s = %s"),
		 r->grade, r->policy_pct, wc, na, credo_money_format(r->suggested, 1, s, sizeof s));
}

static credo_status store(credo_db *db, int64_t customer, credo_credit_rating *r, int64_t *id_out)
{
	credo_status rc = credo_credit_evaluate(db, customer, NULL, r);
	if (rc)
		return rc;
	char *json = breakdown_json(r);
	if (!json)
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	char today[CREDO_DATE_BUFSZ], basis[256], grade[2] = { r->grade, 0 };
	credo__credit_basis_text(r, basis, sizeof basis);
	sqlite3_stmt *st;
	rc = credo__prepare(db, "INSERT INTO credit_ratings(customer_id, credit_file_id, rated_at, score, grade,"
			    " breakdown, suggested, basis, rated_by, next_review) VALUES (?1, nullif(?2, 0), ?3, ?4, ?5,"
			    " ?6, ?7, ?8, ?9, ?10)", &st);
	if (rc == CREDO_OK) {
		sqlite3_bind_int64(st, 1, customer);
		sqlite3_bind_int64(st, 2, r->file_id);
		sqlite3_bind_text(st, 3, credo_date_format(credo_today(), today, sizeof today), -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, r->score);
		sqlite3_bind_text(st, 5, grade, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, json, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 7, r->suggested);
		sqlite3_bind_text(st, 8, basis, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 9, db->actor.id);
		sqlite3_bind_text(st, 10, r->next_review, -1, SQLITE_STATIC);
		rc = credo__step_done(db, st, "storing a rating");
	}
	free(json);
	if (rc)
		return rc;
	int64_t id = sqlite3_last_insert_rowid(db->sql);
	if (id_out)
		*id_out = id;
	return credo__audit_row(db, "credit_ratings", id, "create", SNAP_RATING, NULL);
}

credo_status credo_credit_rate(credo_db *db, int64_t customer_id, credo_credit_rating *out, int64_t *id_out)
{
	credo_credit_rating local;
	credo_status rc = credo__mut_begin(db, CREDO_PERM_CREDIT_DECIDE);
	if (rc)
		return rc;
	return credo__mut_end(db, store(db, customer_id, out ? out : &local, id_out));
}
