/*
 * cmd_collect.c - `credo collect list|log|assign|dispute|resolve|history`:
 * the collection worklist and the actions taken on overdue money.
 */
#include <getopt.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "out.h"

struct collect_opts {
	const char *customer, *kind, *outcome, *promise, *promise_date, *date, *to, *note, *as_of, *who;
	enum out_format fmt;
};

/* Options of every subcommand; each takes what it needs. Returns optind, or -1 after a usage error. */
static int parse(const struct cli_command *cmd, int argc, char **argv, struct collect_opts *o)
{
	static const struct option opts[] = {
		{ "customer", required_argument, NULL, 'c' }, { "kind", required_argument, NULL, 'k' },
		{ "outcome", required_argument, NULL, 'o' }, { "promise", required_argument, NULL, 'p' },
		{ "promise-date", required_argument, NULL, 'P' }, { "date", required_argument, NULL, 'd' },
		{ "to", required_argument, NULL, 't' }, { "note", required_argument, NULL, 'n' },
		{ "as-of", required_argument, NULL, 'a' }, { "for", required_argument, NULL, 'u' },
		{ "format", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 },
	};
	int ch;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': o->customer = optarg; break;
		case 'k': o->kind = optarg; break;
		case 'o': o->outcome = optarg; break;
		case 'p': o->promise = optarg; break;
		case 'P': o->promise_date = optarg; break;
		case 'd': o->date = optarg; break;
		case 't': o->to = optarg; break;
		case 'n': o->note = optarg; break;
		case 'a': o->as_of = optarg; break;
		case 'u': o->who = optarg; break;
		case 'f':
			if (out_parse_format(optarg, &o->fmt) == 0)
				break;
			cli_usage(cmd, "%s", _("--format must be table, csv or json"));
			return -1;
		default:
			cli_usage(cmd, "%s", _("unknown option"));
			return -1;
		}
	}
	return optind;
}

struct globals_and_cmd {
	const struct cli_globals *g;
	const struct cli_command *cmd;
};

/* INVOICE as the one operand, or --customer CODE: open the database and find it. */
static int target(const struct globals_and_cmd *gc, const struct collect_opts *o, int argc, char **argv, int first, int customer_ok, credo_db **db,
		  int64_t *invoice, int64_t *customer)
{
	*invoice = *customer = 0;
	int operands = argc - first;
	if (operands > 1 || (operands == 1) == (o->customer != NULL) || (!customer_ok && o->customer))
		return cli_usage(gc->cmd, "%s", customer_ok ? _("name one INVOICE, or --customer CODE")
							    : _("name one INVOICE"));
	if (o->customer)
		return cli_open_find(gc->g, credo_customer_find, o->customer, db, customer);
	return cli_open_find(gc->g, credo_invoice_find, argv[first], db, invoice);
}

static const struct out_col work_cols[] = {
	{ N_("invoice"), 14, OUT_TEXT }, { N_("customer"), 8, OUT_TEXT }, { N_("name"), 18, OUT_TEXT }, { N_("due"), 10, OUT_TEXT },
	{ N_("days"), 5, OUT_INT }, { N_("open"), 14, OUT_MONEY }, { N_("grade"), 5, OUT_TEXT }, { N_("risk"), 4, OUT_INT },
	{ N_("rank"), 16, OUT_INT }, { N_("level"), 5, OUT_INT }, { N_("step"), 11, OUT_TEXT }, { N_("collector"), 10, OUT_TEXT },
	{ N_("last"), 10, OUT_TEXT }, { N_("last_kind"), 15, OUT_TEXT }, { N_("promise"), 7, OUT_TEXT },
	{ N_("promised"), 14, OUT_MONEY }, { N_("by"), 10, OUT_TEXT }, { N_("next"), 0, OUT_TEXT },
};
#define NWORK (int)(sizeof work_cols / sizeof work_cols[0])

static int work_row(const credo_collection_item *it, void *ctx)
{
	char days[CLI_NUMBUF], open[CLI_NUMBUF], risk[CLI_NUMBUF], rank[CLI_NUMBUF], level[CLI_NUMBUF],
		promised[CLI_NUMBUF] = "";
	snprintf(days, sizeof days, "%d", it->days_overdue);
	cli_fen(it->open, open);
	snprintf(risk, sizeof risk, "%d", it->risk);
	snprintf(rank, sizeof rank, "%lld", (long long)it->rank);
	snprintf(level, sizeof level, "%d", it->level);
	if (*it->promise)
		cli_fen(it->promise_amount, promised);
	const char *v[] = { it->invoice_code, it->customer_code, it->customer_name, it->due_date, days, open,
			    *it->grade ? it->grade : "-", risk, rank, level, it->paused ? "paused" : it->step,
			    it->collector, it->last_date, it->last_kind, it->promise, promised, it->promise_date,
			    it->suggestion };
	out_row(ctx, v);
	return 0;
}

static int list(const struct cli_globals *g, const struct cli_command *cmd, const struct collect_opts *o, int rest)
{
	if (rest)
		return cli_usage(cmd, "%s", _("collect list takes no operands"));
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	struct out out;
	out_begin(&out, o->fmt, work_cols, NWORK, stdout);
	credo_status st = credo_collection_worklist(db, o->as_of, o->who, work_row, &out);
	out_end(&out);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

static const struct out_col history_cols[] = {
	{ N_("id"), 5, OUT_INT }, { N_("date"), 10, OUT_TEXT }, { N_("customer"), 8, OUT_TEXT }, { N_("invoice"), 14, OUT_TEXT },
	{ N_("kind"), 15, OUT_TEXT }, { N_("by"), 10, OUT_TEXT }, { N_("promised"), 14, OUT_MONEY }, { N_("promise_date"), 12, OUT_TEXT },
	{ N_("resolved"), 10, OUT_TEXT }, { N_("outcome"), 0, OUT_TEXT },
};

static int history_row(const credo_collection_action *a, void *ctx)
{
	char id[CLI_NUMBUF], promised[CLI_NUMBUF] = "", outcome[4200];
	snprintf(id, sizeof id, "%lld", (long long)a->id);
	if (a->promise_amount)
		cli_fen(a->promise_amount, promised);
	if (*a->resolution)
		snprintf(outcome, sizeof outcome, "%s [%s: %s]", a->outcome, _("resolved"), a->resolution);
	else
		snprintf(outcome, sizeof outcome, "%s", a->outcome);
	const char *v[] = { id, a->date, a->customer_code, a->invoice_code, a->kind, a->collector, promised,
			    a->promise_date, a->resolved_date, outcome };
	out_row(ctx, v);
	return 0;
}

int cmd_collect(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("collect");
	if (argc < 2)
		return cli_usage(cmd, "%s", _("collect needs a subcommand: list, log, assign, dispute, resolve, history"));
	const char *sub = argv[1];
	argc--;
	argv++;
	struct collect_opts o = { .fmt = OUT_TABLE };
	int first = parse(cmd, argc, argv, &o);
	if (first < 0)
		return CLI_USAGE;
	if (strcmp(sub, "list") == 0)
		return list(g, cmd, &o, argc - first);
	struct globals_and_cmd gc = { g, cmd };
	credo_db *db = NULL;
	int64_t invoice, customer;
	int rc;
	credo_status st;
	if (strcmp(sub, "log") == 0) {
		if (!o.kind)
			return cli_usage(cmd, "%s", _("collect log needs --kind"));
		credo_collection_new in = { .kind = o.kind, .outcome = o.outcome, .date = o.date,
					    .promise_date = o.promise_date };
		if (o.promise && (rc = cli_money_arg("--promise", o.promise, &in.promise_amount)))
			return rc;
		if ((rc = target(&gc, &o, argc, argv, first, 1, &db, &invoice, &customer)))
			return rc;
		in.invoice_id = invoice;
		in.customer_id = customer;
		int64_t id = 0;
		st = credo_collection_log(db, &in, &id);
		if (st == CREDO_OK)
			printf("%s %s %s %s (%s %lld)\n", _("logged"), o.kind, _("on"), o.customer ? o.customer : argv[first],
			       _("action"), (long long)id);
	} else if (strcmp(sub, "assign") == 0) {
		if (!o.to)
			return cli_usage(cmd, "%s", _("collect assign needs --to LOGIN"));
		if ((rc = target(&gc, &o, argc, argv, first, 1, &db, &invoice, &customer)))
			return rc;
		int n = 0;
		st = credo_collection_assign(db, invoice, customer, o.to, &n);
		if (st == CREDO_OK)
			printf("%d %s %s\n", n, n == 1 ? _("invoice now collected by") : _("invoices now collected by"), o.to);
	} else if (strcmp(sub, "dispute") == 0 || strcmp(sub, "resolve") == 0) {
		int dispute = strcmp(sub, "dispute") == 0;
		if (!o.note)
			return cli_usage(cmd, "%s", dispute ? _("collect dispute needs --note saying what is disputed")
							    : _("collect resolve needs --note saying how it was settled"));
		if ((rc = target(&gc, &o, argc, argv, first, 0, &db, &invoice, &customer)))
			return rc;
		if (dispute) {
			credo_collection_new in = { .invoice_id = invoice, .kind = "dispute", .outcome = o.note,
						    .date = o.date };
			st = credo_collection_log(db, &in, NULL);
		} else {
			st = credo_collection_resolve(db, invoice, o.note, o.date);
		}
		if (st == CREDO_OK)
			printf("%s %s\n", argv[first], dispute ? _("is disputed: escalation paused")
							       : _("dispute resolved: escalation resumes"));
	} else if (strcmp(sub, "history") == 0) {
		if ((rc = target(&gc, &o, argc, argv, first, 1, &db, &invoice, &customer)))
			return rc;
		struct out out;
		out_begin(&out, o.fmt, history_cols, (int)(sizeof history_cols / sizeof history_cols[0]), stdout);
		st = credo_collection_actions(db, customer, invoice, history_row, &out);
		out_end(&out);
	} else {
		return cli_usage(cmd, "%s '%s'", _("unknown collect subcommand"), sub);
	}
	rc = st ? cli_fail(db, st) : CLI_OK;
	credo_close(db);
	return rc;
}
