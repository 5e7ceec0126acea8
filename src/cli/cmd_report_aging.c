/* cmd_report_aging.c - `credo report aging|provision|dso|due`. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "out.h"

struct aging_args {
	credo_aging_opts o;
	enum out_format fmt;
	const char *month;
	const char *xlsx;	/* -o FILE.xlsx */
	int days;
};

static int parse(const struct cli_command *cmd, int argc, char **argv, struct aging_args *a)
{
	static const struct option opts[] = {
		{ "as-of", required_argument, NULL, 'a' }, { "by", required_argument, NULL, 'b' },
		{ "basis", required_argument, NULL, 'B' }, { "format", required_argument, NULL, 'f' },
		{ "month", required_argument, NULL, 'm' }, { "days", required_argument, NULL, 'd' },
		{ "output", required_argument, NULL, 'o' }, { NULL, 0, NULL, 0 },
	};
	static const char *const groups[] = { "customer", "salesperson", "department", "grade" };
	int ch, rc;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			a->xlsx = optarg;
			break;
		case 'a':
			a->o.as_of = optarg;
			break;
		case 'b': {
			int g = 0;
			while (g < 4 && strcmp(optarg, groups[g]) != 0)
				g++;
			if (g == 4)
				return cli_usage(cmd, "%s", _("--by is customer, salesperson, department or grade"));
			a->o.group = (credo_aging_group)g;
			break;
		}
		case 'B':
			if (strcmp(optarg, "due") != 0 && strcmp(optarg, "invoice") != 0)
				return cli_usage(cmd, "%s", _("--basis is due or invoice"));
			a->o.by_invoice_date = strcmp(optarg, "invoice") == 0;
			break;
		case 'f':
			if (out_parse_format(optarg, &a->fmt) != 0)
				return cli_usage(cmd, "%s", _("--format must be table, csv or json"));
			break;
		case 'm':
			a->month = optarg;
			break;
		case 'd':
			if ((rc = cli_days_arg("--days", optarg, 3650, &a->days)))
				return rc;
			break;
		default:
			return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	return 0;
}

struct aging_out {
	struct out o;
	int nbuckets;
	credo_aging_row total;
	int provision_only;
};

static void aging_emit(struct aging_out *a, const credo_aging_row *r)
{
	char items[CLI_NUMBUF], b[CREDO_AGING_MAX_BUCKETS][CLI_NUMBUF], t[CLI_NUMBUF], ov[CLI_NUMBUF], pr[CLI_NUMBUF];
	const char *v[4 + CREDO_AGING_MAX_BUCKETS + 3];
	int n = 0;
	snprintf(items, sizeof items, "%lld", (long long)r->items);
	v[n++] = r->key;
	v[n++] = r->name;
	v[n++] = items;
	if (!a->provision_only)
		for (int i = 0; i < a->nbuckets; i++)
			v[n++] = cli_fen(r->bucket[i], b[i]);
	v[n++] = cli_fen(r->total, t);
	v[n++] = cli_fen(r->overdue, ov);
	v[n++] = cli_fen(r->provision, pr);
	out_row(&a->o, v);
}

static int aging_row(const credo_aging_row *r, void *ctx)
{
	struct aging_out *a = ctx;
	aging_emit(a, r);
	a->total.items += r->items;
	for (int i = 0; i < CREDO_AGING_MAX_BUCKETS; i++)
		a->total.bucket[i] += r->bucket[i];
	a->total.total += r->total;
	a->total.overdue += r->overdue;
	a->total.provision += r->provision;
	return 0;
}

/* aging and provision: the same rows; provision leaves the buckets out. */
static int aging_report(const struct cli_globals *g, int argc, char **argv, int provision_only)
{
	const struct cli_command *cmd = cli_find("report");
	struct aging_args args = { .fmt = OUT_TABLE };
	int rc = parse(cmd, argc, argv, &args);
	if (rc)
		return rc;
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	credo_aging_buckets bk;
	credo_status st = credo_aging_buckets_get(db, args.o.by_invoice_date, &bk);
	struct out_col cols[4 + CREDO_AGING_MAX_BUCKETS + 3];
	int n = 0;
	cols[n++] = (struct out_col){ N_("key"), 10, OUT_TEXT };
	cols[n++] = (struct out_col){ N_("name"), provision_only ? 30 : 20, OUT_TEXT };
	cols[n++] = (struct out_col){ N_("items"), 5, OUT_INT };
	for (int i = 0; !provision_only && st == CREDO_OK && i < bk.n; i++)
		cols[n++] = (struct out_col){ bk.label[i], 13, OUT_MONEY };
	cols[n++] = (struct out_col){ N_("total"), 14, OUT_MONEY };
	cols[n++] = (struct out_col){ N_("overdue"), 14, OUT_MONEY };
	cols[n++] = (struct out_col){ N_("provision"), 13, OUT_MONEY };
	struct aging_out a = { .nbuckets = bk.n, .provision_only = provision_only,
			       .total = { .key = "TOTAL", .name = "" } };
	if (st == CREDO_OK && !(rc = out_open(&a.o, db, args.fmt, args.xlsx, provision_only ? "Provision" : "Aging",
					      cols, n))) {
		/* A workbook of the aging draws its buckets' totals. */
		credo_export_chart chart = { .title = _("Aging of receivables"), .by_totals = 1, .ncols = bk.n };
		for (int i = 0; i < bk.n; i++)
			chart.cols[i] = 3 + i;
		if (!provision_only && bk.n > 0)
			out_xlsx_chart(&a.o, &chart);
		st = credo_aging(db, &args.o, aging_row, &a);
		/* The totals row is for people; scripts add up the rows themselves. */
		if (st == CREDO_OK && args.fmt == OUT_TABLE && !args.xlsx)
			aging_emit(&a, &a.total);
		rc = out_finish(&a.o, db, st);
	} else if (st) {
		rc = cli_fail(db, st);
	}
	credo_close(db);
	return rc;
}

int report_aging(const struct cli_globals *g, int argc, char **argv)
{
	return aging_report(g, argc, argv, 0);
}

int report_provision(const struct cli_globals *g, int argc, char **argv)
{
	return aging_report(g, argc, argv, 1);
}

static const struct out_col dso_cols[] = {
	{ N_("key"), 10, OUT_TEXT }, { N_("name"), 24, OUT_TEXT }, { N_("receivable"), 16, OUT_MONEY },
	{ N_("sales"), 16, OUT_MONEY }, { N_("days"), 4, OUT_INT }, { N_("dso"), 5, OUT_INT },
};

static int dso_row(const credo_dso_row *r, void *ctx)
{
	char rec[CLI_NUMBUF], sales[CLI_NUMBUF], days[CLI_NUMBUF], dso[CLI_NUMBUF] = "";
	snprintf(days, sizeof days, "%d", r->days);
	if (r->dso >= 0)
		snprintf(dso, sizeof dso, "%d", r->dso);
	const char *v[] = { *r->key ? r->key : "COMPANY", r->name, cli_fen(r->receivable, rec), cli_fen(r->sales, sales),
			    days, dso };
	out_row(ctx, v);
	return 0;
}

int report_dso(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("report");
	struct aging_args args = { .fmt = OUT_TABLE };
	int rc = parse(cmd, argc, argv, &args);
	if (rc)
		return rc;
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	struct out o;
	if ((rc = out_open(&o, db, args.fmt, args.xlsx, "DSO", dso_cols, 6))) {
		credo_close(db);
		return rc;
	}
	credo_status st = credo_dso(db, args.o.as_of, args.days, args.o.group, dso_row, &o);
	rc = out_finish(&o, db, st);
	credo_close(db);
	return rc;
}

static const struct out_col due_cols[] = {
	{ N_("kind"), 9, OUT_TEXT }, { N_("customer"), 8, OUT_TEXT }, { N_("name"), 24, OUT_TEXT }, { N_("code"), 15, OUT_TEXT },
	{ N_("date"), 10, OUT_TEXT }, { N_("amount"), 14, OUT_MONEY }, { N_("open"), 14, OUT_MONEY }, { N_("who"), 9, OUT_TEXT },
};

struct due_ctx {
	struct out o;
	char first[CREDO_DATE_BUFSZ], last[CREDO_DATE_BUFSZ];
};

static int due_item(const credo_open_item *it, void *ctx)
{
	struct due_ctx *d = ctx;
	if (strcmp(it->due_date, d->first) < 0 || strcmp(it->due_date, d->last) > 0)
		return 0;
	char a[CLI_NUMBUF], o[CLI_NUMBUF];
	const char *v[] = { "due", it->customer_code, it->customer_name, it->invoice_code, it->due_date,
			    cli_fen(it->amount, a), cli_fen(it->open, o), it->collector };
	out_row(&d->o, v);
	return 0;
}

static int collected(const credo_payment *p, void *ctx)
{
	struct due_ctx *d = ctx;
	if (*p->reversed_at)
		return 0;
	char a[CLI_NUMBUF], o[CLI_NUMBUF];
	const char *v[] = { "collected", p->customer_code, p->customer_name, p->code, p->date, cli_fen(p->amount, a),
			    cli_fen(p->amount - p->applied, o), "" };
	out_row(&d->o, v);
	return 0;
}

/* Seed 003: each month, what falls due and what was collected. */
int report_due(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("report");
	struct aging_args args = { .fmt = OUT_TABLE };
	int rc = parse(cmd, argc, argv, &args);
	if (rc)
		return rc;
	int y, m;
	char tail;
	if (!args.month || sscanf(args.month, "%4d-%2d%c", &y, &m, &tail) != 2 || m < 1 || m > 12 ||
	    !credo_date_valid(y, m, 1))
		return cli_usage(cmd, "%s", _("report due needs --month YYYY-MM"));
	struct due_ctx d;
	credo_date first = credo_date_from_ymd(y, m, 1);
	credo_date_format(first, d.first, sizeof d.first);
	credo_date_format(credo_date_add_months(first, 1) - 1, d.last, sizeof d.last);
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	if ((rc = out_open(&d.o, db, args.fmt, args.xlsx, "Due", due_cols, 8))) {
		credo_close(db);
		return rc;
	}
	credo_aging_opts o = { 0 };
	credo_status st = credo_open_items(db, &o, due_item, &d);
	credo_payment_filter f = { .from = d.first, .to = d.last };
	if (st == CREDO_OK)
		st = credo_payment_list(db, &f, collected, &d);
	rc = out_finish(&d.o, db, st);
	credo_close(db);
	return rc;
}
