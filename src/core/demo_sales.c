/* demo_sales.c - the demo's leads, opportunities, complaints and credit work. */
#include <stdio.h>
#include <string.h>

#include "demo_internal.h"

static const char *const lead_companies[] = {
	"苏州新锐智能装备有限公司", "杭州云帆电子商务有限公司", "Brightwater Pumps Ltd.", "成都蜀道物流有限公司",
	"青岛海岸冷链有限公司", "深圳光年科技有限公司", "Northstar Packaging Co.", "郑州中原建材市场",
	"西安古城机电经营部", "武汉江汉汽配城", "天津港湾贸易有限公司", "合肥科创园区管理公司",
};
static const char *const sources[] = { "展会", "老客户介绍", "官网询价", "电话开发", "行业协会" };
static const char *const deals[] = { "年度电机采购", "水泵更新改造", "配电柜扩容", "变频节能改造", "备品备件框架协议" };
static const char *const complaint_text[][3] = {
	{ "quality", "一批轴承异响,要求换货", "供应商来料批次问题" },
	{ "delivery", "交货延迟一周影响生产", "物流排车失误" },
	{ "billing", "发票金额与合同不符", "开票录入错误" },
	{ "service", "售后响应慢", "服务工程师人手不足" },
};

static credo_status leads(credo_db *db, struct rng *r)
{
	credo_status rc = CREDO_OK;
	for (int i = 0; rc == CREDO_OK && i < N(lead_companies); i++) {
		const char *owner = demo_users[1 + i % 6].login;
		char contact[32], phone[32];
		demo_person_name(r, contact, sizeof contact);
		snprintf(phone, sizeof phone, "139%08u", rnd(r) % 100000000u);
		rc = credo__act_as(db, owner);
		credo_lead_new l = { .company = lead_companies[i], .contact_name = contact, .phone = phone,
				     .source = sources[pick(r, N(sources))] };
		int64_t id;
		if (rc == CREDO_OK)
			rc = credo_lead_add(db, &l, &id);
		if (rc == CREDO_OK && i % 4 == 1)
			rc = credo_lead_set_status(db, id, "contacted");
		if (rc == CREDO_OK && i % 4 == 2)
			rc = credo_lead_set_status(db, id, "lost");
		if (rc == CREDO_OK && i % 6 == 3)
			rc = credo_lead_convert(db, id, NULL);
	}
	return rc;
}

static const char *const stages[] = { "lead", "qualified", "proposal", "negotiation", "won" };

static credo_status opportunities(credo_db *db, struct rng *r, int64_t customer, const char *owner)
{
	credo_status rc = credo__act_as(db, owner);
	char close[CREDO_DATE_BUFSZ];
	credo_opportunity_new o = {
		.customer_id = customer, .description = deals[pick(r, N(deals))],
		.amount = (credo_money)(50 + pick(r, 950)) * 100000,
		.expected_close = credo_date_format(credo_today() + 10 + pick(r, 120), close, sizeof close),
	};
	int64_t id;
	if (rc == CREDO_OK)
		rc = credo_opportunity_add(db, &o, &id);
	int stage = pick(r, 6);
	if (rc == CREDO_OK && stage > 0 && stage < 5)
		rc = credo_opportunity_set_stage(db, id, stages[stage]);
	if (rc == CREDO_OK && stage == 5)
		rc = credo_opportunity_lose(db, id, "价格高于竞争对手");
	return rc;
}

static credo_status complaint(credo_db *db, struct rng *r, int64_t customer, const char *owner)
{
	int k = pick(r, N(complaint_text));
	char date[CREDO_DATE_BUFSZ];
	credo_complaint_new c = { .customer_id = customer, .kind = complaint_text[k][0],
				  .description = complaint_text[k][1], .is_dispute = k == 2,
				  .date = credo_date_format(credo_today() - pick(r, 200), date, sizeof date) };
	int64_t id;
	credo_status rc = credo__act_as(db, owner);
	if (rc == CREDO_OK)
		rc = credo_complaint_add(db, &c, &id);
	if (rc == CREDO_OK && pick(r, 3))
		rc = credo_complaint_close(db, id, "已处理并回访客户", complaint_text[k][2], pick(r, 2), NULL);
	return rc;
}

credo_status demo_sales(credo_db *db, struct rng *r)
{
	credo_status rc = leads(db, r);
	sqlite3_stmt *st;
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "SELECT c.id, u.login FROM customers c JOIN users u ON u.id = c.owner_id"
				    " WHERE c.status <> 'lost' ORDER BY c.id", &st);
	if (rc)
		return rc;
	while (rc == CREDO_OK && sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		char owner[CREDO_LOGIN_MAX + 1];
		snprintf(owner, sizeof owner, "%s", credo__col_text(st, 1));
		if (pick(r, 4) == 0)
			rc = opportunities(db, r, id, owner);
		if (rc == CREDO_OK && pick(r, 12) == 0)
			rc = complaint(db, r, id, owner);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Statements and marks for a customer, in fen: a business of a few million. */
static credo_status file_for(credo_db *db, struct rng *r, int64_t customer)
{
	credo_money ca = (credo_money)(100 + pick(r, 1900)) * 1000000;
	credo_money cl = ca * (35 + pick(r, 60)) / 100, ta = ca * (2 + pick(r, 3));
	char date[CREDO_DATE_BUFSZ];
	int y, m, d;
	credo_date_to_ymd(credo_today(), &y, &m, &d);
	credo_date_format(credo_date_from_ymd(y - 1, 12, 31), date, sizeof date);	/* last year's statements */
	credo_credit_file_new f = {
		.customer_id = customer, .statement_date = date, .current_assets = ca, .current_liabilities = cl,
		.cash = ca * (5 + pick(r, 35)) / 100, .total_assets = ta, .total_liabilities = ta * (25 + pick(r, 45)) / 100,
		.net_assets = CREDO_MONEY_NONE, .ebit = ca * (2 + pick(r, 20)) / 100, .interest_expense = ca / 100,
		.revenue = ca * 3, .bank_reference = "开户行资信良好", .reach = 2 + pick(r, 4), .capital = 2 + pick(r, 4),
		.brands = 2 + pick(r, 4), .logistics = 2 + pick(r, 4), .cooperation = 2 + pick(r, 4),
		.management = 2 + pick(r, 4),
	};
	return credo_credit_file_add(db, &f, NULL);
}

credo_status demo_credit(credo_db *db, struct rng *r)
{
	credo_status rc = credo__act_as(db, DEMO_CREDIT);
	sqlite3_stmt *st;
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "SELECT id FROM customers WHERE status IN ('evaluated', 'active', 'at_risk', 'lost')"
				    " ORDER BY id", &st);
	if (rc)
		return rc;
	while (rc == CREDO_OK && sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		credo_credit_rating rating;
		rc = file_for(db, r, id);
		if (rc == CREDO_OK)
			rc = credo_credit_rate(db, id, &rating, NULL);
		/* Limits granted a year ago, on the rating and the expected business. */
		credo_limit_new l = { .customer_id = id, .kind = CREDO_LIMIT_STANDING, .note = "年度授信",
				      .amount = rating.suggested > 30000000 ? rating.suggested : 30000000 };
		if (rc == CREDO_OK && rating.grade != 'D')
			rc = credo_credit_limit_set(db, &l, NULL);
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * Finance chases the three oldest overdue invoices: a call, a promise to
 * pay that was broken last week, and a disputed invoice.
 */
static credo_status chase(credo_db *db)
{
	sqlite3_stmt *st;
	credo_status rc = credo__act_as(db, DEMO_FINANCE);
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "SELECT i.id, i.invoice_date, i.amount - (SELECT coalesce(sum(a.amount), 0)"
				    " FROM allocations a WHERE a.invoice_id = i.id AND a.reversed_at IS NULL) AS open"
				    " FROM invoices i WHERE i.amount > 0 AND i.due_day < ?1 AND open > 0"
				    " ORDER BY i.due_day, i.id LIMIT 3", &st);
	if (rc)
		return rc;
	credo_date today = credo_today();
	sqlite3_bind_int(st, 1, today - 30);
	static const char *const kinds[] = { "call", "promise", "dispute" };
	static const char *const outcomes[] = { "财务说下周安排付款", "答应本月15日前付清", "客户称货物短少两箱,拒付差额" };
	for (int n = 0; rc == CREDO_OK && n < 3 && sqlite3_step(st) == SQLITE_ROW; n++) {
		char when[CREDO_DATE_BUFSZ], promise[CREDO_DATE_BUFSZ];
		credo_date issued;
		credo_date_parse(credo__col_text(st, 1), &issued, NULL);
		credo_date said = today - 20 > issued ? today - 20 : issued;
		credo_collection_new c = {
			.invoice_id = sqlite3_column_int64(st, 0), .kind = kinds[n], .outcome = outcomes[n],
			.date = credo_date_format(said, when, sizeof when),
		};
		if (n == 1) {	/* promised for last week, not paid */
			c.promise_amount = sqlite3_column_int64(st, 2);
			c.promise_date = credo_date_format(today - 7 > said ? today - 7 : said, promise, sizeof promise);
		}
		rc = credo_collection_log(db, &c, NULL);
	}
	sqlite3_finalize(st);
	return rc;
}

/* After a year of trading: requests in flight, one dispute, one limit cut below the exposure. */
credo_status demo_credit_today(credo_db *db, struct rng *r)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT c.id, u.login FROM customers c JOIN users u ON u.id = c.owner_id"
					 " WHERE c.status = 'active' ORDER BY c.id LIMIT 4", &st);
	if (rc)
		return rc;
	int64_t ids[4] = { 0 };
	int n = 0;
	while (rc == CREDO_OK && n < 4 && sqlite3_step(st) == SQLITE_ROW) {
		ids[n] = sqlite3_column_int64(st, 0);
		rc = credo__act_as(db, credo__col_text(st, 1));
		credo_credit_request_new q = { .customer_id = ids[n], .kind = CREDO_LIMIT_STANDING,
					       .amount = (credo_money)(5 + pick(r, 20)) * 10000000,
					       .reason = n == 3 ? "客户要求大幅提高额度以签三年框架合同" : "业务增长,现额度不够用" };
		int64_t req = 0;
		if (rc == CREDO_OK)
			rc = credo_credit_request(db, &q, &req);
		if (rc == CREDO_OK && n == 3 && (rc = credo__act_as(db, DEMO_CREDIT)) == CREDO_OK)
			rc = credo_credit_dispute(db, req, "申请额度远超评级建议,请总经理定夺");
		n++;
	}
	sqlite3_finalize(st);
	/* The credit manager's review cuts the busiest customer's limit below what it already owes. */
	int64_t busiest = 0;
	credo_money exposure = 0;
	if (rc == CREDO_OK &&
	    (rc = credo__prepare(db, "SELECT customer_id, sum(amount) FROM invoices GROUP BY customer_id"
				 " ORDER BY 2 DESC LIMIT 1", &st)) == CREDO_OK) {
		if (sqlite3_step(st) == SQLITE_ROW) {
			busiest = sqlite3_column_int64(st, 0);
			exposure = sqlite3_column_int64(st, 1);
		}
		sqlite3_finalize(st);
	}
	if (rc == CREDO_OK && busiest && (rc = credo__act_as(db, DEMO_CREDIT)) == CREDO_OK) {
		credo_credit_status cs;
		if (credo_credit_status_of(db, busiest, &cs) == CREDO_OK && cs.exposure > 0)
			exposure = cs.exposure;
		credo_limit_new l = { .customer_id = busiest, .kind = CREDO_LIMIT_STANDING,
				      .amount = exposure / 2 / 100000 * 100000, .note = "复核:行业下行,额度下调" };
		rc = credo_credit_limit_set(db, &l, NULL);
	}
	if (rc == CREDO_OK)
		rc = chase(db);
	return rc;
}
