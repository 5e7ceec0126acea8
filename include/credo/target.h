/*
 * target.h - monthly sales targets per salesperson (seed 003 3.1 销售计划:
 * the target broken down by salesperson and region) and actual against
 * target, by money invoiced and by money collected.
 */
#ifndef CREDO_TARGET_H
#define CREDO_TARGET_H

#include <stdint.h>

#include "credo/db.h"
#include "credo/money.h"

/*
 * Set login's target for month ("YYYY-MM"), for the customers of one
 * region (NULL or "": all of them) and for one product by code (NULL or
 * "": every product); setting it again replaces the amount. Needs
 * TARGET_SET, and a sales manager sets only their team's (CREDO_PERM
 * otherwise). Audited.
 */
credo_status credo_target_set(credo_db *db, const char *login, const char *month, const char *region,
			      const char *product, credo_money amount);

typedef struct credo_target_row {
	const char *login, *name;
	const char *region;		/* "" for all the salesperson's customers */
	const char *product;		/* product code, "" for every product */
	int has_target;			/* 0: nobody set one; target is 0 */
	credo_money target;
	credo_money invoiced;		/* invoices less credit notes in the month; of a product: see below */
	credo_money collected;		/* payments in the month, not reversed; of a product: see below */
	int invoiced_bp, collected_bp;	/* of the target, basis points; -1 without a target */
	credo_money last_year;		/* invoiced in the same month a year earlier */
	credo_money suggested;		/* seed 000 section 7, see credo_target_suggest */
} credo_target_row;

typedef int (*credo_target_cb)(const credo_target_row *r, void *ctx);

/*
 * Actual against target for month: one row per target set, and one row
 * (without target) for each salesperson who has none, by login, region
 * and product. A product's share of an invoice is the share of the
 * product's lines in the amount of the invoice's contract (invoices
 * without a contract sell no product in particular); its money collected
 * is that share of each payment of the month applied to such an invoice.
 * Each share is rounded half away from zero at the fen. Scope as the
 * scorecard's: a salesperson sees only themself.
 */
credo_status credo_targets(credo_db *db, const char *month, credo_target_cb cb, void *ctx);

/*
 * The suggested target from seed 000 section 7: (last_year x w + last_year
 * x (100 + g) / 100 x (100 - w)) / 100 x h / 100, where w is
 * target.history_weight_pct, g target.growth_pct and h the month's entry
 * in target.holiday_factors, rounded once, half away from zero, at the fen.
 */
credo_status credo_target_suggest(credo_db *db, const char *month, credo_money last_year, credo_money *out);

#endif
