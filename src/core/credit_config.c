/* credit_config.c - the credit policy as settings: curves, weights, grades, per-grade terms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "credit_internal.h"

/* "-1.25" -> -1250; NULL end on junk or more than three decimals. */
static const char *parse_milli(const char *p, int64_t *out)
{
	int neg = *p == '-';
	if (neg)
		p++;
	if (*p < '0' || *p > '9')
		return NULL;
	int64_t v = 0;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > 1000000000)
			return NULL;
		v = v * 10 + (*p - '0');
	}
	int dec = 0;
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++) {
			if (++dec > 3)
				return NULL;
			v = v * 10 + (*p - '0');
		}
		if (dec == 0)
			return NULL;
	}
	for (; dec < 3; dec++)
		v *= 10;
	*out = neg ? -v : v;
	return p;
}

const char *credo__curve_parse(const char *text, struct credit_curve *c)
{
	const char *p = text;
	c->n = 0;
	while (*p) {
		if (c->n == CREDIT_CURVE_MAX)
			return _("a curve has at most 8 points");
		int64_t x;
		p = parse_milli(p, &x);
		if (!p || *p != ':')
			return _("a curve is points VALUE:SCORE separated by commas, like 0.8:0,1.0:50,2.0:100");
		char *end;
		long y = strtol(p + 1, &end, 10);
		if (end == p + 1 || y < 0 || y > 100)
			return _("a curve's scores are whole numbers from 0 to 100");
		if (c->n > 0 && x <= c->x[c->n - 1])
			return _("a curve's values must increase from point to point");
		c->x[c->n] = x;
		c->y[c->n] = (int)y;
		c->n++;
		p = end;
		if (*p == ',')
			p++;
		else if (*p)
			return _("a curve is points VALUE:SCORE separated by commas, like 0.8:0,1.0:50,2.0:100");
	}
	return c->n >= 2 ? NULL : _("a curve needs at least two points");
}

int credo__curve_score(const struct credit_curve *c, int64_t x)
{
	if (x <= c->x[0])
		return c->y[0] * 100;
	for (int i = 0; i + 1 < c->n; i++) {
		if (x > c->x[i + 1])
			continue;
		int64_t dx = c->x[i + 1] - c->x[i];
		int64_t num = (int64_t)(c->y[i + 1] - c->y[i]) * 100 * (x - c->x[i]);
		int64_t q = num >= 0 ? (num + dx / 2) / dx : -((-num + dx / 2) / dx);
		return c->y[i] * 100 + (int)q;
	}
	return c->y[c->n - 1] * 100;
}

static int get_int(credo_db *db, const char *key)
{
	return (int)credo__setting_int(db, key, 0);
}

static const char *const curve_keys[IN_COUNT] = {
	[IN_CURRENT_RATIO] = "credit.curve.current_ratio",
	[IN_INTEREST_COVERAGE] = "credit.curve.interest_coverage",
	[IN_DEBT_TO_ASSET] = "credit.curve.debt_to_asset",
	[IN_CASH_RATIO] = "credit.curve.cash_ratio",
	[IN_DAYS_LATE] = "credit.curve.days_late",
	[IN_SHARE_OVERDUE] = "credit.curve.share_overdue",
	[IN_MAX_DAYS_PAST_DUE] = "credit.curve.max_days_past_due",
	[IN_DISPUTES] = "credit.curve.disputes",
	[IN_SALES_TREND] = "credit.curve.sales_trend",
	[IN_REACH] = "credit.curve.assessment",
	[IN_CAPITAL] = "credit.curve.assessment",
	[IN_BRANDS] = "credit.curve.assessment",
	[IN_LOGISTICS] = "credit.curve.assessment",
	[IN_COOPERATION] = "credit.curve.assessment",
	[IN_MANAGEMENT] = "credit.curve.assessment",
};

credo_status credo__credit_config(credo_db *db, struct credit_config *cfg)
{
	static const char *const weights[F_COUNT] = { "credit.weight.financial", "credit.weight.payment",
						      "credit.weight.business", "credit.weight.cooperation" };
	static const char grades[] = "ABCD";
	memset(cfg, 0, sizeof *cfg);
	int total = 0;
	for (int f = 0; f < F_COUNT; f++)
		total += cfg->weight[f] = get_int(db, weights[f]);
	if (total <= 0)
		return credo__fail(db, CREDO_RULE, "the credit weights cannot all be zero");
	for (int i = 0; i < IN_COUNT; i++) {
		char text[256];
		credo_status rc = credo__setting(db, curve_keys[i], text, sizeof text);
		if (rc)
			return rc;
		const char *why = credo__curve_parse(text, &cfg->curve[i]);
		if (why)
			return credo__fail(db, CREDO_RULE, "%s: %s", curve_keys[i], why);
	}
	for (int g = 0; g < 4; g++) {
		char key[48];
		if (g < 3) {
			snprintf(key, sizeof key, "credit.grade.%c", grades[g]);
			cfg->grade_min[g] = get_int(db, key);
		}
		struct credit_policy *p = &cfg->policy[g];
		snprintf(key, sizeof key, "credit.policy.%c.pct", grades[g]);
		p->pct = get_int(db, key);
		snprintf(key, sizeof key, "credit.policy.%c.term", grades[g]);
		p->term = get_int(db, key);
		snprintf(key, sizeof key, "credit.policy.%c.discount", grades[g]);
		p->discount = get_int(db, key);
		snprintf(key, sizeof key, "credit.policy.%c.discount_days", grades[g]);
		p->discount_days = get_int(db, key);
	}
	if (!(cfg->grade_min[0] > cfg->grade_min[1] && cfg->grade_min[1] > cfg->grade_min[2]))
		return credo__fail(db, CREDO_RULE, "grade scores must fall from A to B to C (now %d, %d, %d)",
				   cfg->grade_min[0], cfg->grade_min[1], cfg->grade_min[2]);
	for (int g = 1; g < 4; g++) {
		const struct credit_policy *better = &cfg->policy[g - 1], *worse = &cfg->policy[g];
		const char *what = worse->pct > better->pct ? _("a higher limit percentage")
				   : worse->term > better->term ? _("a longer payment term")
				   : worse->discount > better->discount ? _("a bigger discount") : NULL;
		if (what)
			return credo__fail(db, CREDO_RULE, "grade %c would get %s than grade %c: a riskier grade"
					   " never gets more", grades[g], what, grades[g - 1]);
	}
	cfg->round = credo__setting_money(db, "credit.round", 100000);
	cfg->review_months = get_int(db, "credit.review_months");
	cfg->hold_days = get_int(db, "credit.hold_days");
	cfg->near_limit_pct = get_int(db, "credit.near_limit_pct");
	return CREDO_OK;
}
