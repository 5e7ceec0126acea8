/* demo_internal.h - what the parts of the demo company share. */
#ifndef CREDO_DEMO_INTERNAL_H
#define CREDO_DEMO_INTERNAL_H

#include "internal.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

struct rng {
	uint32_t s;
};

/* xorshift32: deterministic across platforms, good enough for fake data. */
static inline uint32_t rnd(struct rng *r)
{
	uint32_t x = r->s;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return r->s = x;
}

/* 0 .. n-1 */
static inline int pick(struct rng *r, int n)
{
	return (int)(rnd(r) % (uint32_t)n);
}

struct demo_user {
	const char *login, *name, *role, *dept;
};

/* Users of every role; salespeople first (index 0 is the manager), NULL-terminated. */
extern const struct demo_user demo_users[];

/* The finance clerk and credit manager the demo acts as. */
#define DEMO_FINANCE "wufang"
#define DEMO_CREDIT "zhoumin"

/* A company as the demo makes them: Chinese or English name, city, phone, address. */
struct demo_company {
	char name[160], short_name[64], phone[32], address[160], since[16];
	const char *type, *industry, *region;
	int city, category;
};
void demo_company_make(struct rng *r, struct demo_company *c);

/* The name of demo category i (0..4), NULL past the end. */
const char *demo_category_name(int i);

struct demo_contact {
	char name[32], phone[32], email[64];
	const char *title, *role;
};
/* Contact i of a customer in a city. */
void demo_contact_make(struct rng *r, int city, int64_t customer, int i, struct demo_contact *k);

/*
 * Company scale, written with prepared statements in the demo's
 * transaction: customers with contacts, a ledger of `invoices` invoices over
 * three years with their payments and allocations, visits, limits, credit
 * files and ratings; every row audited as the core would.
 */
credo_status demo_large(credo_db *db, struct rng *r, int64_t invoices);

/* A Chinese person's name into buf. */
void demo_person_name(struct rng *r, char *buf, size_t len);

/*
 * A year of sales work: customers evaluated and active, visits with
 * findings and follow-ups, products, contracts with plans, invoices,
 * payments by good, late and bad payers, and credit notes. Runs inside the
 * demo's transaction; today is credo_today().
 */
credo_status demo_ledger(credo_db *db, struct rng *r);
credo_status demo_visits(credo_db *db, struct rng *r);

/* Leads (some converted, some lost), opportunities in every stage, complaints. */
credo_status demo_sales(credo_db *db, struct rng *r);

/* Credit files, ratings and standing limits for every evaluated customer. */
credo_status demo_credit(credo_db *db, struct rng *r);

/* Today's credit work: pending requests, one dispute, one limit cut below the exposure. */
credo_status demo_credit_today(credo_db *db, struct rng *r);

/* Sales targets for recent months and an ABC classification run (demo_reports.c). */
credo_status demo_reports(credo_db *db, struct rng *r);

#endif
