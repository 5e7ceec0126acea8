/*
 * commission.h - the monthly commission statement (seed 003 3.2.2 销售提成):
 * a basic rate on the money collected in the month, a higher rate on the
 * part sold above list price, paid only once collected, a share held back
 * as risk reserve, and deductions for money collected later than its term.
 * Every rate is a setting (commission.*) in basis points; docs/reports.md
 * works an example through to the fen.
 */
#ifndef CREDO_COMMISSION_H
#define CREDO_COMMISSION_H

#include <stdint.h>

#include "credo/db.h"
#include "credo/money.h"

/* One payment applied to one invoice (or a payment's unapplied rest): how its commission was reached. */
typedef struct credo_commission_line {
	const char *login;
	const char *payment, *pay_date, *customer;
	const char *invoice, *due_date;	/* "" for money not applied to an invoice */
	credo_money collected;		/* the amount of the payment applied to the invoice */
	credo_money excess;		/* of which above list price: the contract's excess share */
	credo_money basic_base;		/* collected - excess */
	credo_money basic;		/* basic_base x commission.basic_bp */
	credo_money excess_comm;	/* excess x commission.excess_bp */
	credo_money gross;		/* basic + excess_comm */
	int days_late;			/* payment date - due date, 0 when on time */
	int deduct_bp;			/* started late steps x commission.late_bp, at most 10000 */
	credo_money deduction;		/* gross x deduct_bp */
	credo_money net;		/* gross - deduction */
} credo_commission_line;

typedef struct credo_commission {
	const char *login, *name, *month;
	int64_t lines;
	credo_money collected, excess, basic_base, basic, excess_comm, gross, deduction, net;	/* sums of the lines */
	credo_money reserve_before;	/* reserve held back in the earlier months */
	credo_money reserve_cap;	/* commission.reserve_cap; 0: no cap */
	credo_money reserve;		/* net x commission.reserve_bp, held back, no more than the cap leaves */
	credo_money payable;		/* net - reserve */
	int basic_bp, excess_bp, reserve_bp, late_bp, late_step_days, late_grace_days;	/* the settings used */
} credo_commission;

typedef int (*credo_commission_line_cb)(const credo_commission_line *l, void *ctx);
typedef int (*credo_commission_cb)(const credo_commission *c, void *ctx);

/*
 * The commission of month ("YYYY-MM") for login, or (login NULL) for every
 * salesperson the actor may see (a salesperson: only themself; a sales
 * manager: their team). For each salesperson line_cb (may be NULL) sees
 * every line in payment order, then sum_cb (may be NULL) the statement.
 * The reserve stops growing at commission.reserve_cap (seed 003: "风险金累计
 * 五千元正"): the months before, back to the first payment of the
 * salesperson's customers, are worked out to know what is already held.
 * Asking for someone outside the scope is CREDO_PERM. Each figure is
 * rounded half away from zero at the fen where it is computed; the sums
 * add the rounded lines.
 */
credo_status credo_commission_month(credo_db *db, const char *month, const char *login,
				    credo_commission_line_cb line_cb, credo_commission_cb sum_cb, void *ctx);

#endif
