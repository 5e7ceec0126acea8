/*
 * micro.c - the interactive operations of credo timed in-process on a
 * database: a page of the customer list (by name, by overdue amount, by
 * utilisation; the first page and page 500), search-as-you-type and the
 * credit check of a new invoice. Prints "metric<TAB>median_ms" lines.
 *
 *   micro DB OS_LOGIN RUNS
 *
 * The credit check runs inside a transaction that is rolled back, as an
 * invoice entry would run it before inserting its row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "credo/credo.h"
#include "internal.h"

#define PAGE 40	/* rows of a tall terminal */

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return v[n / 2];
}

struct page {
	credo_customer_sort sort;
	credo_customer_key last;
	int rows;
};

static int on_row(const credo_customer *c, void *ctx)
{
	struct page *p = ctx;
	credo_customer_key_of(c, p->sort, &p->last);
	p->rows++;
	return 0;
}

/* Time to read page n (1-based) when the screen holds the key of page n-1, as scrolling does. */
static double page_ms(credo_db *db, credo_customer_sort sort, int n, int runs, int *rows)
{
	struct page p = { .sort = sort };
	credo_customer_query q = { .sort = sort, .limit = PAGE };
	/* A small file has fewer pages: its last full page stands in for page n. */
	for (int i = 1; i < n; i++) {
		p.rows = 0;
		credo_customer_query probe = q;
		if (credo_customer_page(db, &q, on_row, &p) != CREDO_OK)
			return -1;
		if (p.rows < PAGE) {
			q = probe;
			break;
		}
		q.after = p.last;
		credo_customer_query next = q;
		struct page peek = { .sort = sort };
		if (credo_customer_page(db, &next, on_row, &peek) != CREDO_OK || peek.rows < PAGE) {
			q = probe;
			break;
		}
	}
	double t[64];
	for (int r = 0; r < runs; r++) {
		p.rows = 0;
		double t0 = now_ms();
		if (credo_customer_page(db, &q, on_row, &p) != CREDO_OK)
			return -1;
		t[r] = now_ms() - t0;
	}
	*rows = p.rows;
	return median(t, runs);
}

static int count_row(const credo_customer *c, void *ctx)
{
	(void)c;
	++*(int *)ctx;
	return 0;
}

/* Each keystroke of text runs one search (20 best matches); the slowest keystroke's median. */
static double search_ms(credo_db *db, const char *const *keys, int runs, int *found)
{
	double worst = 0;
	for (int k = 0; keys[k]; k++) {
		double t[64];
		for (int r = 0; r < runs; r++) {
			int n = 0;
			double t0 = now_ms();
			if (credo_customer_search(db, keys[k], 20, count_row, &n) != CREDO_OK)
				return -1;
			t[r] = now_ms() - t0;
			*found = n;
		}
		double m = median(t, runs);
		if (m > worst)
			worst = m;
	}
	return worst;
}

static double credit_ms(credo_db *db, int runs)
{
	double t[64];
	int64_t n = 0;
	credo_customer_count(db, NULL, &n);
	for (int r = 0; r < runs; r++) {
		int64_t customer = 1 + (int64_t)(r * 7919) % (n > 0 ? n : 1);
		if (credo__exec(db, "BEGIN", "bench") != CREDO_OK)
			return -1;
		double t0 = now_ms();
		credo_status st = credo__credit_check(db, customer, 0, 100000, NULL);
		t[r] = now_ms() - t0;
		credo__exec(db, "ROLLBACK", "bench");
		if (st != CREDO_OK && st != CREDO_RULE)
			return -1;
	}
	return median(t, runs);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: micro DB OS_LOGIN RUNS\n");
		return 1;
	}
	int runs = atoi(argv[3]);
	if (runs < 1 || runs > 64)
		runs = 9;
	credo_db *db;
	if (credo_open(argv[1], 0, &db) != CREDO_OK || credo_login(db, argv[2], NULL) != CREDO_OK) {
		fprintf(stderr, "micro: %s\n", db ? credo_errmsg(db) : "cannot open");
		return 2;
	}
	static const struct {
		const char *name;
		credo_customer_sort sort;
	} sorts[] = {
		{ "name", CREDO_CUSTOMER_BY_NAME },
		{ "overdue", CREDO_CUSTOMER_BY_OVERDUE },
		{ "utilisation", CREDO_CUSTOMER_BY_UTILISATION },
	};
	int rc = 0;
	for (size_t s = 0; s < sizeof sorts / sizeof sorts[0]; s++) {
		int pages[] = { 1, 500 };
		for (int i = 0; i < 2; i++) {
			int rows = 0;
			double ms = page_ms(db, sorts[s].sort, pages[i], runs, &rows);
			printf("page_%s_%d\t%.3f\t%d\n", sorts[s].name, pages[i], ms, rows);
			rc |= ms < 0;
		}
	}
	static const char *const zh[] = { "上", "上海", NULL };
	static const char *const latin[] = { "N", "No", "Nor", "Nort", NULL };
	static const char *const phone[] = { "0", "02", "021", "0215", "02155", NULL };
	int found = 0;
	double ms = search_ms(db, zh, runs, &found);
	printf("search_zh\t%.3f\t%d\n", ms, found);
	ms = search_ms(db, latin, runs, &found);
	printf("search_latin\t%.3f\t%d\n", ms, found);
	ms = search_ms(db, phone, runs, &found);
	printf("search_phone\t%.3f\t%d\n", ms, found);
	ms = credit_ms(db, runs);
	printf("credit_check\t%.3f\t1\n", ms);
	rc |= ms < 0;
	credo_close(db);
	return rc;
}
