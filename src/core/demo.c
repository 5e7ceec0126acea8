/* demo.c - a believable demo company, built through the normal API. */
#include <stdio.h>
#include <string.h>

#include "demo_internal.h"

const struct demo_user demo_users[] = {
	{ "wangqiang", "王强", "sales_manager", "华东销售部" },
	{ "zhangwei", "张伟", "sales", "华东销售部" },
	{ "lina", "李娜", "sales", "华东销售部" },
	{ "liuyang", "刘洋", "sales", "华北销售部" },
	{ "chenjing", "陈静", "sales", "华南销售部" },
	{ "zhaolei", "赵磊", "sales", "华南销售部" },
	{ "amy", "Amy Lin", "sales", "海外业务部" },
	{ "zhoumin", "周敏", "credit", "信用管理部" },
	{ "wufang", "吴芳", "finance", "财务部" },
	{ "zhengjie", "郑杰", "finance", "财务部" },
	{ "huangjun", "黄军", "gm", "总经理办公室" },
	{ NULL, NULL, NULL, NULL },
};

static const char *const cities[] = { "上海", "北京", "广州", "深圳", "杭州", "南京", "苏州", "成都", "武汉", "天津",
				      "重庆", "西安", "宁波", "厦门", "青岛", "长沙", "郑州", "合肥", "佛山", "东莞" };
static const char *const area_codes[] = { "021", "010", "020", "0755", "0571", "025", "0512", "028", "027", "022",
					  "023", "029", "0574", "0592", "0532", "0731", "0371", "0551", "0757", "0769" };
static const char *const regions[] = { "华东", "华北", "华南", "华南", "华东", "华东", "华东", "西南", "华中", "华北",
				       "西南", "西北", "华东", "华南", "华东", "华中", "华中", "华东", "华南", "华南" };
static const char *const brands[] = { "恒信", "华达", "金桥", "鑫源", "宏远", "瑞丰", "永泰", "汇通", "天成", "新元",
				      "博远", "中联", "盛达", "远航", "东升", "嘉禾", "隆基", "万通", "明辉", "正泰" };
static const char *const trades[] = { "机电设备", "建材", "电子科技", "化工", "五金", "食品", "医疗器械", "物流",
				      "包装材料", "汽车配件" };
static const char *const industries[] = { "machinery", "building materials", "electronics", "chemicals", "hardware",
					  "food", "medical devices", "logistics", "packaging", "auto parts" };
static const char *const forms[] = { "有限公司", "贸易有限公司", "股份有限公司", "实业有限公司" };
static const char *const en_first[] = { "Northwind", "Harbor", "Golden Gate", "Pacific", "Evergreen", "Summit",
					"Bluewater", "Redstone", "Silverline", "Lakeside" };
static const char *const en_trade[] = { "Trading", "Industrial", "Electronics", "Logistics", "Foods", "Machinery" };
static const char *const en_form[] = { "Co., Ltd.", "Ltd.", "Inc.", "Group" };
static const char *const categories[] = { "重点客户", "普通客户", "潜力客户", "经销渠道", "国企及政府" };
static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡" };
static const char *const given[] = { "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
				     "秀英", "建华", "志强", "海燕", "文博" };
static const char *const titles[] = { "总经理", "采购经理", "财务主管", "采购员", "技术总监", "副总经理" };
static const char *const contact_roles[] = { "decision_maker", "purchasing", "finance", "purchasing", "other",
					     "decision_maker" };

static credo_status add_users(credo_db *db)
{
	credo_status rc = CREDO_OK;
	for (int i = 0; rc == CREDO_OK && demo_users[i].login; i++) {
		credo_role role;
		credo_role_parse(demo_users[i].role, &role);
		rc = credo_user_add(db, demo_users[i].login, role, demo_users[i].name, demo_users[i].dept);
	}
	return rc;
}

void demo_person_name(struct rng *r, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s", surnames[pick(r, N(surnames))], given[pick(r, N(given))]);
}

void demo_contact_make(struct rng *r, int city, int64_t customer, int i, struct demo_contact *k)
{
	int t = pick(r, N(titles));
	demo_person_name(r, k->name, sizeof k->name);
	if (pick(r, 2))
		snprintf(k->phone, sizeof k->phone, "13%d%08u", pick(r, 10), rnd(r) % 100000000u);
	else
		snprintf(k->phone, sizeof k->phone, "%s-%08u", area_codes[city], 60000000u + rnd(r) % 30000000u);
	snprintf(k->email, sizeof k->email, "contact%lld.%d@example.cn", (long long)customer, i + 1);
	k->title = titles[t];
	k->role = contact_roles[t];
}

static credo_status add_contacts(credo_db *db, struct rng *r, int64_t customer, int city)
{
	int n = 1 + pick(r, 3);
	credo_status rc = CREDO_OK;
	for (int i = 0; rc == CREDO_OK && i < n; i++) {
		struct demo_contact k;
		demo_contact_make(r, city, customer, i, &k);
		credo_contact c = {
			.customer_id = customer, .name = k.name, .title = k.title, .phone = k.phone,
			.email = k.email, .role = k.role,
		};
		rc = credo_contact_add(db, &c, NULL);
	}
	return rc;
}

void demo_company_make(struct rng *r, struct demo_company *c)
{
	int city = pick(r, N(cities)), trade = pick(r, N(trades));
	c->city = city;
	c->type = "end_customer";
	int t = pick(r, 10);
	if (t < 3)
		c->type = "distributor";
	else if (t == 3)
		c->type = "partner";

	if (pick(r, 5) == 0) {
		const char *first = en_first[pick(r, N(en_first))];
		snprintf(c->name, sizeof c->name, "%s %s %s", first, en_trade[pick(r, N(en_trade))],
			 en_form[pick(r, N(en_form))]);
		snprintf(c->short_name, sizeof c->short_name, "%s", first);
	} else {
		const char *brand = brands[pick(r, N(brands))];
		snprintf(c->name, sizeof c->name, "%s%s%s%s", cities[city], brand, trades[trade],
			 forms[pick(r, N(forms))]);
		snprintf(c->short_name, sizeof c->short_name, "%s%s", cities[city], brand);
	}
	snprintf(c->phone, sizeof c->phone, "%s-%08u", area_codes[city], 50000000u + rnd(r) % 40000000u);
	snprintf(c->address, sizeof c->address, "%s市%s路%d号", cities[city], brands[pick(r, N(brands))],
		 1 + pick(r, 999));
	snprintf(c->since, sizeof c->since, "%04d-%02d-%02d", 2015 + pick(r, 11), 1 + pick(r, 12), 1 + pick(r, 28));
	c->category = pick(r, N(categories));
	c->industry = industries[trade];
	c->region = regions[city];
}

const char *demo_category_name(int i)
{
	return i >= 0 && i < N(categories) ? categories[i] : NULL;
}

static credo_status add_customer(credo_db *db, struct rng *r, const char *owner)
{
	struct demo_company k;
	demo_company_make(r, &k);
	credo_customer_new c = {
		.name = k.name, .short_name = k.short_name, .type = k.type,
		.category = categories[k.category], .industry = k.industry,
		.region = k.region, .address = k.address, .phone = k.phone, .owner_login = owner,
		.since = k.since,
	};
	int64_t id = 0;
	credo_status rc = credo_customer_add(db, &c, &id);
	if (rc == CREDO_OK)
		rc = add_contacts(db, r, id, k.city);
	return rc;
}

/* Customers belong to salespeople (and a few to the manager), created as them. */
static credo_status add_customers(credo_db *db, struct rng *r, int count)
{
	credo_status rc = CREDO_OK;
	for (int i = 0; rc == CREDO_OK && i < count; i++) {
		int u = 1 + pick(r, 7);	/* demo_users[0..6]: the manager and the salespeople */
		if (u == 7)
			u = 0;
		rc = credo__act_as(db, demo_users[u].login);
		if (rc == CREDO_OK)
			rc = add_customer(db, r, demo_users[u].login);
	}
	return rc;
}

static credo_status demo_build(credo_db *db, credo_demo_size size, uint32_t seed, int64_t invoices);

credo_status credo_demo_build(credo_db *db, credo_demo_size size, uint32_t seed)
{
	return credo_demo_build_sized(db, size, seed, 0);
}

credo_status credo_demo_build_sized(credo_db *db, credo_demo_size size, uint32_t seed, int64_t invoices)
{
	/*
	 * A fresh file written in one big transaction: with a rollback journal
	 * the pages go once to the file instead of through the WAL and back.
	 */
	if (size == CREDO_DEMO_LARGE &&
	    credo__exec(db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF", "preparing the demo") != CREDO_OK)
		return CREDO_DB;
	credo_status rc = demo_build(db, size, seed, invoices);
	if (size == CREDO_DEMO_LARGE) {
		credo_status r2 = credo__exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL",
					      "finishing the demo");
		if (rc == CREDO_OK)
			rc = r2;
	}
	return rc;
}

static credo_status demo_build(credo_db *db, credo_demo_size size, uint32_t seed, int64_t invoices)
{
	int64_t existing = 0;
	credo_status rc = credo__mut_begin(db, CREDO_PERM_USER_ADMIN);
	if (rc)
		return rc;
	struct credo_actor admin = db->actor;
	sqlite3_stmt *st;
	rc = credo__prepare(db, "SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM users)", &st);
	if (rc == CREDO_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			existing = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		if (existing > 1)
			rc = credo__fail(db, CREDO_EXISTS, "%s already holds data: the demo needs a fresh database"
					 " (credo -d NEW.db init first)", db->path);
	}
	struct rng r = { .s = seed ? seed : 20261123u };
	if (rc == CREDO_OK)
		rc = add_users(db);
	if (rc == CREDO_OK && size == CREDO_DEMO_LARGE)
		rc = demo_large(db, &r, invoices > 0 ? invoices : 1000000);
	if (rc == CREDO_OK && size == CREDO_DEMO_SMALL)
		rc = add_customers(db, &r, 240);
	if (rc == CREDO_OK && size == CREDO_DEMO_SMALL)
		rc = demo_visits(db, &r);
	if (rc == CREDO_OK && size == CREDO_DEMO_SMALL)
		rc = demo_credit(db, &r);
	/* A year of sales is recorded as it happened, not judged again by today's credit position. */
	db->backfill = 1;
	if (rc == CREDO_OK && size == CREDO_DEMO_SMALL)
		rc = demo_ledger(db, &r);
	db->backfill = 0;
	if (rc == CREDO_OK && size == CREDO_DEMO_SMALL)
		rc = demo_sales(db, &r);
	if (rc == CREDO_OK && size == CREDO_DEMO_SMALL)
		rc = demo_credit_today(db, &r);
	if (rc == CREDO_OK && size == CREDO_DEMO_SMALL)
		rc = demo_reports(db, &r);
	db->actor = admin;
	return credo__mut_end(db, rc);
}
