/* demo_visits.c - the demo company's lifecycle and a year of visits. */
#include <stdio.h>
#include <stdlib.h>

#include "demo_internal.h"

static const char *const purposes[] = { "了解需求", "介绍新产品", "商务谈判", "催收货款", "售后回访", "年度合作洽谈" };
static const char *const findings[] = {
	"客户计划下季度扩大采购,关心账期和交货周期",
	"对价格敏感,竞争对手报价低5%",
	"仓库存货充足,经营正常",
	"采购经理换人,需要重新建立关系",
	"对上批货质量有意见,已记录",
	"资金周转偏紧,希望延长账期",
	"老板亲自接待,有意签年度合同",
	"Customer wants a quote for the new model by Friday",
};
static const char *const outcomes[] = { "同意报价", "约定下次面谈", "答应月底付款", "需内部审批", "签订意向书", "" };
static const char *const kinds[] = { "visit", "visit", "phone", "phone", "email", "meeting" };

struct cust {
	int64_t id;
	char owner[CREDO_LOGIN_MAX + 1];
};

/* Every customer with its owner; the caller frees. */
static struct cust *all_customers(credo_db *db, int *n)
{
	sqlite3_stmt *st;
	*n = 0;
	if (credo__prepare(db, "SELECT c.id, u.login FROM customers c JOIN users u ON u.id = c.owner_id"
			   " ORDER BY c.id", &st))
		return NULL;
	int cap = 256;
	struct cust *v = malloc((size_t)cap * sizeof *v);
	while (v && sqlite3_step(st) == SQLITE_ROW) {
		if (*n == cap) {
			struct cust *w = realloc(v, (size_t)(cap *= 2) * sizeof *v);
			if (!w) {
				free(v);
				v = NULL;
				break;
			}
			v = w;
		}
		v[*n].id = sqlite3_column_int64(st, 0);
		snprintf(v[*n].owner, sizeof v[*n].owner, "%s", credo__col_text(st, 1));
		++*n;
	}
	sqlite3_finalize(st);
	return v;
}

/* Most customers get evaluated and become active; a few slip or are lost. */
static credo_status lifecycle(credo_db *db, struct rng *r, int64_t id)
{
	int roll = pick(r, 100);
	if (roll < 15)
		return CREDO_OK;	/* still a prospect */
	credo_status rc = credo_customer_set_status(db, id, "evaluated", "实地考察:经营正常,信誉良好,建议合作");
	if (rc || roll < 22)
		return rc;
	rc = credo_customer_set_status(db, id, "active", NULL);
	if (rc == CREDO_OK && roll >= 92)
		rc = credo_customer_set_status(db, id, "at_risk", "付款明显变慢");
	if (rc == CREDO_OK && roll >= 97)
		rc = credo_customer_set_status(db, id, "lost", "转向竞争对手");
	return rc;
}

static credo_status visits_of(credo_db *db, struct rng *r, int64_t id, credo_date today)
{
	int n = pick(r, 6);
	credo_date day = today - 330 + pick(r, 60);
	credo_status rc = CREDO_OK;
	for (int i = 0; rc == CREDO_OK && i < n && day <= today; i++) {
		char date[CREDO_DATE_BUFSZ], next[CREDO_DATE_BUFSZ] = "";
		credo_date_format(day, date, sizeof date);
		credo_date follow = day + 7 + pick(r, 30);
		if (i == n - 1)
			credo_date_format(follow, next, sizeof next);
		credo_visit_new v = {
			.customer_id = id, .date = date, .kind = kinds[pick(r, N(kinds))],
			.purpose = purposes[pick(r, N(purposes))], .findings = findings[pick(r, N(findings))],
			.outcome = outcomes[pick(r, N(outcomes))], .next_date = next,
		};
		rc = credo_visit_add(db, &v, NULL);
		day = follow + pick(r, 20);
	}
	/* Some salespeople have plans for the coming days. */
	if (rc == CREDO_OK && pick(r, 8) == 0) {
		char date[CREDO_DATE_BUFSZ];
		credo_visit_new v = { .customer_id = id, .planned = 1, .kind = "visit",
				      .date = credo_date_format(today + pick(r, 3), date, sizeof date),
				      .purpose = purposes[pick(r, N(purposes))] };
		rc = credo_visit_add(db, &v, NULL);
	}
	return rc;
}

credo_status demo_visits(credo_db *db, struct rng *r)
{
	int n;
	struct cust *cs = all_customers(db, &n);
	if (!cs)
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	credo_date today = credo_today();
	credo_status rc = CREDO_OK;
	for (int i = 0; rc == CREDO_OK && i < n; i++) {
		rc = credo__act_as(db, cs[i].owner);
		if (rc == CREDO_OK)
			rc = lifecycle(db, r, cs[i].id);
		if (rc == CREDO_OK)
			rc = visits_of(db, r, cs[i].id, today);
	}
	free(cs);
	return rc;
}
