/*
 * demo_ledger.c - a year of contracts, invoices and payments for the demo
 * company: mostly good payers, some late ones, some who pay in part, a few
 * who stop paying, and the odd credit note.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_internal.h"

static const struct {
	const char *code, *name, *model, *unit;
	credo_money price;
} products[] = {
	{ "P-MOTOR-5", "三相异步电机", "Y2-132S-4 5.5kW", "台", 186000 },
	{ "P-MOTOR-11", "三相异步电机", "Y2-160M-4 11kW", "台", 342000 },
	{ "P-PUMP-50", "离心水泵", "IS50-32-160", "台", 98000 },
	{ "P-VALVE-80", "电动蝶阀", "D971X-16 DN80", "个", 126000 },
	{ "P-CABLE-25", "电力电缆", "YJV 3x25+1x16", "米", 8650 },
	{ "P-PLC-S7", "PLC控制器", "S7-1200 CPU1214C", "套", 455000 },
	{ "P-INV-7", "变频器", "ACS580 7.5kW", "台", 612000 },
	{ "P-BEAR-6205", "深沟球轴承", "6205-2RS", "套", 2350 },
	{ "P-STEEL-Q235", "热轧钢板", "Q235B 10mm", "吨", 428000 },
	{ "P-PACK-BOX", "瓦楞纸箱", "五层 600x400x400", "个", 680 },
};

enum event_kind { EV_INVOICE, EV_PAYMENT, EV_CREDIT_NOTE };

struct event {
	credo_date day;
	enum event_kind kind;
	int64_t customer;
	int64_t contract;
	credo_money amount;
	int seq;	/* creation order breaks ties, so a day's invoice precedes its payment */
};

struct events {
	struct event *v;
	int n, cap;
};

static int push(struct events *e, struct event ev)
{
	if (e->n == e->cap) {
		int cap = e->cap ? e->cap * 2 : 1024;
		struct event *w = realloc(e->v, (size_t)cap * sizeof *w);
		if (!w)
			return -1;
		e->v = w;
		e->cap = cap;
	}
	ev.seq = e->n;
	e->v[e->n++] = ev;
	return 0;
}

static int by_day(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->seq - y->seq;
}

static credo_status add_products(credo_db *db)
{
	credo_status rc = credo__act_as(db, DEMO_FINANCE);
	for (int i = 0; rc == CREDO_OK && i < N(products); i++) {
		credo_product_new p = { .code = products[i].code, .name = products[i].name,
					.model = products[i].model, .unit = products[i].unit,
					.list_price = products[i].price };
		rc = credo_product_add(db, &p, NULL);
	}
	return rc;
}

/*
 * How a customer pays: days after the due date, and the share of each
 * invoice it pays (percent). Negative lateness is paying early.
 */
static void payer(struct rng *r, int *late_min, int *late_span, int *share)
{
	int kind = pick(r, 100);
	if (kind < 55) {		/* good: around the due date */
		*late_min = -10, *late_span = 15, *share = 100;
	} else if (kind < 82) {		/* late: weeks after */
		*late_min = 10, *late_span = 40, *share = 100;
	} else if (kind < 96) {		/* pays in part */
		*late_min = 0, *late_span = 30, *share = 50;
	} else {			/* stopped paying */
		*late_min = 0, *late_span = 1, *share = 0;
	}
}

/* One contract: lines, a plan of one to three settlements, activated; its invoices and payments as events. */
static credo_status contract_for(credo_db *db, struct rng *r, int64_t customer, credo_date sign,
				 struct events *ev, int late_min, int late_span, int share)
{
	credo_contract_line lines[3];
	int nlines = 1 + pick(r, 3);
	credo_money total = 0;
	for (int i = 0; i < nlines; i++) {
		int p = pick(r, N(products));
		lines[i] = (credo_contract_line){ .product_code = products[p].code,
						  .qty_milli = (int64_t)(1 + pick(r, 20)) * 1000,
						  .unit_price = products[p].price };
		total += lines[i].qty_milli * lines[i].unit_price / 1000;
	}
	credo_plan_row plan[3];
	char dates[3][CREDO_DATE_BUFSZ], signd[CREDO_DATE_BUFSZ];
	int nplan = 1 + pick(r, 3);
	credo_money left = total;
	for (int i = 0; i < nplan; i++) {
		credo_money part = i == nplan - 1 ? left : total / nplan;
		left -= part;
		plan[i] = (credo_plan_row){ .date = credo_date_format(sign + 15 + 30 * i, dates[i], sizeof dates[i]),
					    .amount = part, .note = i == 0 ? "首批发货" : "后续批次" };
	}
	credo_contract_new k = { .customer_id = customer, .sign_date = credo_date_format(sign, signd, sizeof signd),
				 .payment_term_days = 30 + 15 * pick(r, 3), .lines = lines, .nlines = nlines,
				 .plan = plan, .nplan = nplan };
	int64_t id;
	credo_status rc = credo_contract_add(db, &k, &id);
	if (rc == CREDO_OK)
		rc = credo_contract_activate(db, id, NULL);
	credo_date today = credo_today();
	for (int i = 0; rc == CREDO_OK && i < nplan; i++) {
		credo_date inv = sign + 15 + 30 * i;
		if (inv > today)
			break;
		if (push(ev, (struct event){ .day = inv, .kind = EV_INVOICE, .customer = customer, .contract = id,
					     .amount = plan[i].amount }))
			return credo__fail(db, CREDO_NOMEM, "out of memory");
		credo_date paid = inv + k.payment_term_days + late_min + pick(r, late_span);
		credo_money amount = plan[i].amount * share / 100;
		if (pick(r, 15) == 0) {	/* a quality allowance */
			credo_money cn = plan[i].amount / 20;
			amount -= cn;
			if (push(ev, (struct event){ .day = inv + 7, .kind = EV_CREDIT_NOTE, .customer = customer,
						     .amount = cn }))
				return credo__fail(db, CREDO_NOMEM, "out of memory");
		}
		if (amount > 0 && paid <= today &&
		    push(ev, (struct event){ .day = paid, .kind = EV_PAYMENT, .customer = customer, .amount = amount }))
			return credo__fail(db, CREDO_NOMEM, "out of memory");
		/* Part payers settle the rest a month or two later, most of them. */
		credo_date rest = paid + 30 + pick(r, 60);
		if (share > 0 && share < 100 && pick(r, 4) && rest <= today &&
		    push(ev, (struct event){ .day = rest, .kind = EV_PAYMENT, .customer = customer,
					     .amount = plan[i].amount - amount }))
			return credo__fail(db, CREDO_NOMEM, "out of memory");
	}
	return rc;
}

static credo_status run_event(credo_db *db, const struct event *e)
{
	char date[CREDO_DATE_BUFSZ];
	credo_date_format(e->day, date, sizeof date);
	switch (e->kind) {
	case EV_INVOICE: {
		credo_invoice_new inv = { .customer_id = e->customer, .contract_id = e->contract, .date = date,
					  .amount = e->amount };
		return credo_invoice_add(db, &inv, NULL);
	}
	case EV_CREDIT_NOTE: {
		credo_credit_note_new cn = { .customer_id = e->customer, .date = date, .amount = e->amount,
					     .reason = "质量折让" };
		return credo_credit_note_add(db, &cn, NULL);
	}
	case EV_PAYMENT: {
		credo_payment_new p = { .customer_id = e->customer, .date = date, .amount = e->amount,
					.method = "transfer", .reference = "银行转账" };
		return credo_payment_add(db, &p, NULL);
	}
	}
	return CREDO_OK;
}

credo_status demo_ledger(credo_db *db, struct rng *r)
{
	credo_status rc = add_products(db);
	sqlite3_stmt *st;
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "SELECT c.id, u.login FROM customers c JOIN users u ON u.id = c.owner_id"
				    " WHERE c.status IN ('active', 'at_risk', 'lost') ORDER BY c.id", &st);
	if (rc)
		return rc;
	struct events ev = { 0 };
	credo_date today = credo_today();
	/* Contracts are drafted by their owners; finance records the money afterwards, in date order. */
	while (rc == CREDO_OK && sqlite3_step(st) == SQLITE_ROW) {
		int64_t customer = sqlite3_column_int64(st, 0);
		char owner[CREDO_LOGIN_MAX + 1];
		snprintf(owner, sizeof owner, "%s", credo__col_text(st, 1));
		int late_min, late_span, share;
		payer(r, &late_min, &late_span, &share);
		rc = credo__act_as(db, owner);
		int contracts = 1 + pick(r, 2);
		for (int i = 0; rc == CREDO_OK && i < contracts; i++)
			rc = contract_for(db, r, customer, today - 360 + pick(r, 330), &ev, late_min, late_span, share);
	}
	sqlite3_finalize(st);
	if (rc == CREDO_OK)
		rc = credo__act_as(db, DEMO_FINANCE);
	if (ev.n > 0)
		qsort(ev.v, (size_t)ev.n, sizeof *ev.v, by_day);
	for (int i = 0; rc == CREDO_OK && i < ev.n; i++)
		rc = run_event(db, &ev.v[i]);
	free(ev.v);
	return rc;
}
