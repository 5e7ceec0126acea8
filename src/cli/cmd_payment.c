/* cmd_payment.c - `credo payment add|reverse|list|show`. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "out.h"

/* One payment's row, copied out of the list callback. */
struct pay {
	int64_t id;
	int found;
	char code[64], customer[64], name[256], date[16], method[16], reference[256], reversed[16], reason[512];
	credo_money amount, applied;
};

static int match_pay(const credo_payment *p, void *ctx)
{
	struct pay *y = ctx;
	if (p->id != y->id)
		return 0;
	y->found = 1;
	snprintf(y->code, sizeof y->code, "%s", p->code);
	snprintf(y->customer, sizeof y->customer, "%s", p->customer_code);
	snprintf(y->name, sizeof y->name, "%s", p->customer_name);
	snprintf(y->date, sizeof y->date, "%s", p->date);
	snprintf(y->method, sizeof y->method, "%s", p->method);
	snprintf(y->reference, sizeof y->reference, "%s", p->reference);
	snprintf(y->reversed, sizeof y->reversed, "%s", p->reversed_at);
	snprintf(y->reason, sizeof y->reason, "%s", p->reversal_reason);
	y->amount = p->amount;
	y->applied = p->applied;
	return 1;
}

/* Payment id (of customer, 0: any in scope) into y; newest first, so a recent one is found at once. */
static credo_status load_pay(credo_db *db, int64_t id, int64_t customer, struct pay *y)
{
	*y = (struct pay){ .id = id };
	credo_payment_filter f = { .customer_id = customer };
	credo_status st = credo_payment_list(db, &f, match_pay, y);
	return st == CREDO_STOP || (st == CREDO_OK && y->found) ? CREDO_OK : st ? st : CREDO_NOTFOUND;
}

/* Allocation lines: "applied to" for add, "reopened" for reverse, a table row for show. */
struct alloc_print {
	const char *label;
	int reversed_only;
};

static int print_alloc(const credo_allocation *a, void *ctx)
{
	const struct alloc_print *p = ctx;
	char m[CREDO_MONEY_BUFSZ];
	if (p->reversed_only && !a->reversed)
		return 0;
	if (p->label)
		printf("  %s %-16s %16s\n", p->label, a->invoice_code, cli_money_text(a->amount, m));
	else
		printf("  %-16s %-10s %16s  %s\n", a->invoice_code, a->date, cli_money_text(a->amount, m),
		       a->reversed ? _("reversed") : "");
	return 0;
}

/* INV=AMOUNT (split in place) into an explicit allocation. */
static int parse_apply(credo_db *db, char *arg, credo_apply *a)
{
	char *eq = strrchr(arg, '=');
	if (!eq || eq == arg) {
		fprintf(stderr, "credo: --apply \"%s\": %s\n", arg, _("an allocation is INVOICE=AMOUNT"));
		return CLI_DATA;
	}
	*eq = '\0';
	int rc = cli_money_arg("--apply amount", eq + 1, &a->amount);
	credo_status st = rc ? CREDO_OK : credo_invoice_find(db, arg, &a->invoice_id);
	return st ? cli_fail(db, st) : rc;
}

static int payment_add(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "customer", required_argument, NULL, 'c' }, { "date", required_argument, NULL, 'd' },
		{ "amount", required_argument, NULL, 'a' }, { "code", required_argument, NULL, 'C' },
		{ "method", required_argument, NULL, 'm' }, { "ref", required_argument, NULL, 'r' },
		{ "apply", required_argument, NULL, 'A' }, { NULL, 0, NULL, 0 },
	};
	credo_payment_new p = { 0 };
	const char *customer = NULL, *amount = NULL;
	char **apply = calloc((size_t)argc, sizeof *apply);
	int ch, rc = apply ? 0 : CLI_DB;
	while (rc == 0 && (ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': customer = optarg; break;
		case 'd': p.date = optarg; break;
		case 'a': amount = optarg; break;
		case 'C': p.code = optarg; break;
		case 'm': p.method = optarg; break;
		case 'r': p.reference = optarg; break;
		case 'A': apply[p.napply++] = optarg; break;
		default: rc = cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (rc == 0 && optind < argc)
		rc = cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	if (rc == 0 && (!customer || !p.date || !amount))
		rc = cli_usage(cmd, "%s", _("payment add needs --customer, --date and --amount"));
	if (rc == 0)
		rc = cli_money_arg("--amount", amount, &p.amount);
	credo_db *db = NULL;
	credo_apply *given = calloc((size_t)argc, sizeof *given);
	if (rc == 0 && !given)
		rc = CLI_DB;
	if (rc == 0)
		rc = cli_open_find(g, credo_customer_find, customer, &db, &p.customer_id);
	for (int i = 0; rc == 0 && i < p.napply; i++)
		rc = parse_apply(db, apply[i], &given[i]);
	p.apply = given;
	int64_t id;
	struct pay y;
	credo_status st = CREDO_OK;
	if (rc == 0 && (st = credo_payment_add(db, &p, &id)) == CREDO_OK)
		st = load_pay(db, id, p.customer_id, &y);
	if (rc == 0 && st)
		rc = cli_fail(db, st);
	if (rc == 0) {
		char m[CREDO_MONEY_BUFSZ];
		struct alloc_print ap = { .label = _("applied to") };
		printf("%s\n", y.code);
		credo_payment_allocations(db, id, print_alloc, &ap);
		if (y.amount > y.applied)
			printf("  %s %16s\n", _("unapplied (customer credit)"), cli_money_text(y.amount - y.applied, m));
	}
	credo_close(db);
	free(apply);
	free(given);
	return rc;
}

static int payment_reverse(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' }, { "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char *reason = NULL, *date = NULL;
	int ch, rc;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'r')
			reason = optarg;
		else if (ch == 'd')
			date = optarg;
		else
			return cli_usage(cmd, "%s", _("unknown option"));
	}
	if (optind != argc - 1 || !reason)
		return cli_usage(cmd, "%s", _("payment reverse takes one payment CODE and --reason TEXT"));
	credo_db *db;
	int64_t id;
	if ((rc = cli_open_find(g, credo_payment_find, argv[optind], &db, &id)))
		return rc;
	credo_status st = credo_payment_reverse(db, id, date, reason);
	if (st) {
		rc = cli_fail(db, st);
	} else {
		struct alloc_print ap = { .label = _("reopened"), .reversed_only = 1 };
		printf("%s %s\n", argv[optind], _("reversed"));
		credo_payment_allocations(db, id, print_alloc, &ap);
	}
	credo_close(db);
	return rc;
}

static int payment_show(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage(cmd, "%s", _("payment show takes one payment CODE"));
	credo_db *db;
	int64_t id;
	int rc = cli_open_find(g, credo_payment_find, argv[1], &db, &id);
	if (rc)
		return rc;
	struct pay y;
	credo_status st = load_pay(db, id, 0, &y);
	if (st == CREDO_OK) {
		char a[CREDO_MONEY_BUFSZ], b[CREDO_MONEY_BUFSZ], c[CREDO_MONEY_BUFSZ];
		printf("%-12s %s\n%-12s %s %s\n%-12s %s\n%-12s %16s\n%-12s %16s\n%-12s %16s\n%-12s %s\n%-12s %s\n",
		       _("payment"), y.code, _("customer"), y.customer, y.name, _("date"), y.date, _("amount"),
		       cli_money_text(y.amount, a), _("applied"), cli_money_text(y.applied, b), _("unapplied"),
		       cli_money_text(y.amount - y.applied, c), _("method"), y.method, _("reference"), y.reference);
		if (*y.reversed)
			printf("%-12s %s  %s\n", _("reversed"), y.reversed, y.reason);
		struct alloc_print ap = { 0 };
		printf("\n%s:\n  %-16s %-10s %16s\n", _("allocations"), _("invoice"), _("date"), _("amount"));
		st = credo_payment_allocations(db, id, print_alloc, &ap);
	}
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

static const struct out_col payment_cols[] = {
	{ N_("code"), 16, OUT_TEXT }, { N_("customer"), 9, OUT_TEXT }, { N_("date"), 10, OUT_TEXT },
	{ N_("amount"), 16, OUT_MONEY }, { N_("applied"), 16, OUT_MONEY }, { N_("unapplied"), 16, OUT_MONEY },
	{ N_("method"), 10, OUT_TEXT }, { N_("reversed"), 10, OUT_TEXT }, { N_("reference"), 20, OUT_TEXT },
};

static int payment_row(const credo_payment *p, void *ctx)
{
	char a[CLI_NUMBUF], b[CLI_NUMBUF], c[CLI_NUMBUF];
	/* A reversed payment has nothing left to apply: it is not the customer's credit. */
	credo_money unapplied = *p->reversed_at ? 0 : p->amount - p->applied;
	const char *v[] = { p->code, p->customer_code, p->date, cli_fen(p->amount, a), cli_fen(p->applied, b),
			    cli_fen(unapplied, c), p->method, p->reversed_at, p->reference };
	out_row(ctx, v);
	return 0;
}

static int payment_list(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "customer", required_argument, NULL, 'c' }, { "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' }, { "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *customer = NULL;
	credo_payment_filter f = { 0 };
	enum out_format fmt = OUT_TABLE;
	int ch, rc;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'c')
			customer = optarg;
		else if (ch == 'F')
			f.from = optarg;
		else if (ch == 'T')
			f.to = optarg;
		else if (ch != 'f' || out_parse_format(optarg, &fmt) != 0)
			return cli_usage(cmd, "%s", ch == 'f' ? _("--format must be table, csv or json") : _("unknown option"));
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	credo_db *db;
	rc = customer ? cli_open_find(g, credo_customer_find, customer, &db, &f.customer_id) : cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	struct out o;
	out_begin(&o, fmt, payment_cols, (int)(sizeof payment_cols / sizeof payment_cols[0]), stdout);
	credo_status st = credo_payment_list(db, &f, payment_row, &o);
	out_end(&o);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

int cmd_payment(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("payment");
	if (argc < 2)
		return cli_usage(cmd, "%s", _("payment needs a subcommand: add, reverse, list or show"));
	const char *sub = argv[1];
	argc--;
	argv++;
	if (strcmp(sub, "add") == 0)
		return payment_add(g, cmd, argc, argv);
	if (strcmp(sub, "reverse") == 0)
		return payment_reverse(g, cmd, argc, argv);
	if (strcmp(sub, "list") == 0)
		return payment_list(g, cmd, argc, argv);
	if (strcmp(sub, "show") == 0)
		return payment_show(g, cmd, argc, argv);
	return cli_usage(cmd, "%s '%s'", _("unknown payment subcommand"), sub);
}
