/* credit_internal.h - the credit model's configuration, shared by settings and rating. */
#ifndef CREDO_CREDIT_INTERNAL_H
#define CREDO_CREDIT_INTERNAL_H

#include "internal.h"

#define CREDIT_CURVE_MAX 8

/* A piecewise-linear curve: x in thousandths, increasing; y a score 0..100. */
struct credit_curve {
	int n;
	int64_t x[CREDIT_CURVE_MAX];
	int y[CREDIT_CURVE_MAX];
};

/* The inputs of the scorecard, in the order of DESIGN.md section 5. */
enum credit_input {
	IN_CURRENT_RATIO, IN_INTEREST_COVERAGE, IN_DEBT_TO_ASSET, IN_CASH_RATIO,
	IN_DAYS_LATE, IN_SHARE_OVERDUE, IN_MAX_DAYS_PAST_DUE, IN_DISPUTES, IN_SALES_TREND,
	IN_REACH, IN_CAPITAL, IN_BRANDS, IN_LOGISTICS,
	IN_COOPERATION, IN_MANAGEMENT,
	IN_COUNT
};

enum credit_factor { F_FINANCIAL, F_PAYMENT, F_BUSINESS, F_COOPERATION, F_COUNT };

struct credit_policy {
	int pct;		/* of the basis */
	int term;		/* days */
	int discount;		/* percent */
	int discount_days;
};

struct credit_config {
	int weight[F_COUNT];
	struct credit_curve curve[IN_COUNT];	/* assessments share one curve */
	int grade_min[3];	/* A, B, C */
	struct credit_policy policy[4];	/* A, B, C, D */
	credo_money round;
	int review_months;
	int hold_days;
	int near_limit_pct;
};

/* Parse "x:y,x:y,..." (x up to 3 decimals, may be negative; y 0..100; x increasing). NULL or the rule broken. */
const char *credo__curve_parse(const char *text, struct credit_curve *c);

/* Score of x (thousandths) on the curve, in hundredths of a point (0..10000), flat beyond the ends. */
int credo__curve_score(const struct credit_curve *c, int64_t x);

/*
 * Load the credit policy from the settings and check it hangs together:
 * grades A > B > C, and a riskier grade never gets a higher percentage, a
 * longer term or a bigger discount. CREDO_RULE names what is inconsistent.
 */
credo_status credo__credit_config(credo_db *db, struct credit_config *cfg);

/* "grade B: 20% of the lesser of working capital X and net assets Y = Z" for people. */
void credo__credit_basis_text(const credo_credit_rating *r, char *buf, size_t len);

#endif
