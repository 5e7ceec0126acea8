/* cmd_contract.c - `credo contract add|activate|complete|terminate|log|show|list`. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "out.h"

/* What `contract add` collects before it opens the database. */
struct draft {
	credo_contract_new k;
	const char *customer;
	credo_contract_line *lines;
	credo_plan_row *plan;
};

static int bad_shape(const char *opt, int n, const char *rule)
{
	fprintf(stderr, "credo: %s %d: %s\n", opt, n, rule);
	return CLI_DATA;
}

/* "PRODUCT|QTY|UNIT_PRICE" (split in place); PRODUCT is resolved later, see resolve_lines. */
static int parse_line(char *arg, int n, credo_contract_line *l)
{
	char *f[3], what[64];
	if (cli_split(arg, f, 3) != 3 || !*f[0])
		return bad_shape("--line", n, _("a goods line is \"PRODUCT|QTY|UNIT_PRICE\","
						 " PRODUCT a product code or a description"));
	l->product_code = f[0];
	snprintf(what, sizeof what, "--line %d %s", n, _("quantity"));
	int rc = cli_qty_arg(what, f[1], &l->qty_milli);
	if (rc)
		return rc;
	snprintf(what, sizeof what, "--line %d %s", n, _("unit price"));
	if ((rc = cli_money_arg(what, f[2], &l->unit_price)))
		return rc;
	if (l->unit_price < 0) {
		fprintf(stderr, "credo: %s \"%s\": %s\n", what, f[2], _("a unit price cannot be negative"));
		return CLI_DATA;
	}
	return 0;
}

/* "DATE|AMOUNT[|NOTE]" (split in place). */
static int parse_plan(char *arg, int n, credo_plan_row *p)
{
	char *f[3], what[64];
	int nf = cli_split(arg, f, 3);
	if (nf < 2 || nf > 3)
		return bad_shape("--plan", n, _("a settlement plan row is \"DATE|AMOUNT\" or \"DATE|AMOUNT|NOTE\""));
	p->date = f[0];
	p->note = nf == 3 ? f[2] : NULL;
	snprintf(what, sizeof what, "--plan %d %s", n, _("amount"));
	return cli_money_arg(what, f[1], &p->amount);
}

/* A line's PRODUCT is a product code when one exists, else the goods' description. */
static void resolve_lines(credo_db *db, credo_contract_line *lines, int n)
{
	for (int i = 0; i < n; i++) {
		int64_t pid;
		if (credo_product_find(db, lines[i].product_code, &pid) != CREDO_OK) {
			lines[i].description = lines[i].product_code;
			lines[i].product_code = NULL;
		}
	}
}

static int print_code(const credo_contract *k, void *ctx)
{
	(void)ctx;
	printf("%s\n", k->code);
	return 0;
}

static int parse_draft(const struct cli_command *cmd, int argc, char **argv, struct draft *d)
{
	static const struct option opts[] = {
		{ "customer", required_argument, NULL, 'c' }, { "code", required_argument, NULL, 'C' },
		{ "sign-date", required_argument, NULL, 's' }, { "start", required_argument, NULL, 'S' },
		{ "end", required_argument, NULL, 'E' }, { "term", required_argument, NULL, 't' },
		{ "collateral", required_argument, NULL, 'k' }, { "owner", required_argument, NULL, 'o' },
		{ "line", required_argument, NULL, 'l' }, { "plan", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	credo_contract_new *k = &d->k;
	k->payment_term_days = -1;
	int ch, rc = 0;
	while (rc == 0 && (ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': d->customer = optarg; break;
		case 'C': k->code = optarg; break;
		case 's': k->sign_date = optarg; break;
		case 'S': k->start_date = optarg; break;
		case 'E': k->end_date = optarg; break;
		case 't': rc = cli_days_arg("--term", optarg, 3650, &k->payment_term_days); break;
		case 'k': k->collateral = optarg; break;
		case 'o': k->owner_login = optarg; break;
		case 'l':
			rc = parse_line(optarg, k->nlines + 1, &d->lines[k->nlines]);
			k->nlines++;
			break;
		case 'p':
			rc = parse_plan(optarg, k->nplan + 1, &d->plan[k->nplan]);
			k->nplan++;
			break;
		default: return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (rc)
		return rc;
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	if (!d->customer || !k->sign_date || k->nlines == 0)
		return cli_usage(cmd, "%s", _("contract add needs --customer CODE, --sign-date DATE and a --line"));
	return 0;
}

static int contract_add(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	/* Each --line or --plan takes two arguments, so argc bounds their number. */
	struct draft d = { .lines = calloc((size_t)argc, sizeof *d.lines), .plan = calloc((size_t)argc, sizeof *d.plan) };
	int rc = d.lines && d.plan ? 0 : CLI_DB;
	if (rc == 0)
		rc = parse_draft(cmd, argc, argv, &d);
	d.k.lines = d.lines;
	d.k.plan = d.plan;
	credo_db *db = NULL;
	if (rc == 0)
		rc = cli_open_find(g, credo_customer_find, d.customer, &db, &d.k.customer_id);
	if (rc == 0) {
		resolve_lines(db, d.lines, d.k.nlines);
		int64_t id;
		credo_status st = credo_contract_add(db, &d.k, &id);
		if (st == CREDO_OK)
			st = credo_contract_get(db, id, print_code, NULL);
		if (st)
			rc = cli_fail(db, st);
	}
	credo_close(db);
	free(d.lines);
	free(d.plan);
	return rc;
}

/* activate CODE [--override REASON] | complete CODE | terminate CODE --reason T | log CODE --note T [--date D] */
static int contract_change(const struct cli_globals *g, const struct cli_command *cmd, const char *sub,
			   int argc, char **argv)
{
	static const struct option opts[] = {
		{ "override", required_argument, NULL, 'o' }, { "reason", required_argument, NULL, 'r' },
		{ "note", required_argument, NULL, 'n' }, { "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char *override = NULL, *reason = NULL, *note = NULL, *date = NULL;
	int ch, rc;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'o': override = optarg; break;
		case 'r': reason = optarg; break;
		case 'n': note = optarg; break;
		case 'd': date = optarg; break;
		default: return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind != argc - 1)
		return cli_usage(cmd, "%s", _("name exactly one contract CODE"));
	if (strcmp(sub, "terminate") == 0 && !reason)
		return cli_usage(cmd, "%s", _("contract terminate needs --reason TEXT"));
	if (strcmp(sub, "log") == 0 && !note)
		return cli_usage(cmd, "%s", _("contract log needs --note TEXT"));
	const char *code = argv[optind];
	credo_db *db;
	int64_t id;
	if ((rc = cli_open_find(g, credo_contract_find, code, &db, &id)))
		return rc;
	credo_status st;
	const char *done;
	if (strcmp(sub, "activate") == 0) {
		st = credo_contract_activate(db, id, override);
		done = _("is active");
	} else if (strcmp(sub, "complete") == 0) {
		st = credo_contract_complete(db, id);
		done = _("is completed");
	} else if (strcmp(sub, "terminate") == 0) {
		st = credo_contract_terminate(db, id, reason);
		done = _("is terminated");
	} else {
		st = credo_contract_log(db, id, date, note);
		done = _("log updated");
	}
	if (st)
		rc = cli_fail(db, st);
	else
		printf("%s %s\n", code, done);
	credo_close(db);
	return rc;
}

static int print_header(const credo_contract *k, void *ctx)
{
	(void)ctx;
	char a[CREDO_MONEY_BUFSZ], term[32];
	snprintf(term, sizeof term, "%d %s", k->payment_term_days, _("days"));
	const char *rows[][3] = {
		{ N_("contract"), k->code, "" }, { N_("customer"), k->customer_code, k->customer_name },
		{ N_("status"), k->status, "" }, { N_("signed"), k->sign_date, "" }, { N_("starts"), k->start_date, "" },
		{ N_("ends"), k->end_date, "" }, { N_("owner"), k->owner_login, k->department },
		{ N_("payment term"), term, "" }, { N_("collateral"), k->collateral, "" },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		if (!*rows[i][1])
			continue;
		cli_put_cell(stdout, _(rows[i][0]), 13);
		char buf[1024];
		credo_text_fit(rows[i][1], 200, 0, buf, sizeof buf);
		printf(" %s", buf);
		credo_text_fit(rows[i][2], 200, 0, buf, sizeof buf);
		printf("%s%s\n", *buf ? " " : "", buf);
	}
	const struct { const char *label; credo_money v; } sums[] = {
		{ N_("amount"), k->amount }, { N_("invoiced"), k->invoiced }, { N_("to invoice"), k->amount - k->invoiced },
		{ N_("collected"), k->collected }, { N_("outstanding"), k->invoiced - k->collected },
	};
	for (size_t i = 0; i < sizeof sums / sizeof sums[0]; i++) {
		cli_put_cell(stdout, _(sums[i].label), 13);
		printf(" %16s\n", cli_money_text(sums[i].v, a));
	}
	return 0;
}

static int print_item(const credo_contract_item *it, void *ctx)
{
	char *section = ctx;	/* the kind of the rows printed so far ("" before the first) */
	char a[CREDO_MONEY_BUFSZ], p[CREDO_MONEY_BUFSZ], q[CLI_NUMBUF], buf[1024];
	if (strcmp(section, it->kind) != 0) {
		snprintf(section, 8, "%s", it->kind);
		if (strcmp(it->kind, "line") == 0)
			printf("\n%s:\n  %-3s %-24s %-12s %-12s %10s %14s %16s\n", _("goods"), "#", _("description"),
			       _("model"), _("spec"), _("qty"), _("unit price"), _("amount"));
		else
			printf("\n%s:\n", strcmp(it->kind, "plan") == 0 ? _("settlement plan") : _("execution log"));
	}
	credo_text_fit(it->text, 300, 0, buf, sizeof buf);
	if (strcmp(it->kind, "line") == 0) {
		printf("  %-3d ", it->line_no);
		cli_put_cell(stdout, it->text, 24);
		putchar(' ');
		cli_put_cell(stdout, it->model, 12);
		putchar(' ');
		cli_put_cell(stdout, it->spec, 12);
		printf(" %10s %14s %16s\n", cli_qty_text(it->qty_milli, q), cli_money_text(it->unit_price, p),
		       cli_money_text(it->amount, a));
	} else if (strcmp(it->kind, "plan") == 0) {
		printf("  %s %16s  %s\n", it->date, cli_money_text(it->amount, a), buf);
	} else {
		printf("  %s %-10s %s\n", it->date, it->who, buf);
	}
	return 0;
}

static int print_invoice(const credo_invoice *inv, void *ctx)
{
	int *n = ctx;
	char a[CREDO_MONEY_BUFSZ], o[CREDO_MONEY_BUFSZ];
	if ((*n)++ == 0)
		printf("\n%s:\n  %-16s %-10s %-10s %16s %16s\n", _("invoices"), _("code"), _("date"), _("due"),
		       _("amount"), _("open"));
	printf("  %-16s %-10s %-10s %16s %16s\n", inv->code, inv->invoice_date, inv->due_date,
	       cli_money_text(inv->amount, a), cli_money_text(inv->open, o));
	return 0;
}

static int contract_show(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage(cmd, "%s", _("contract show takes one contract CODE"));
	credo_db *db;
	int64_t id;
	int rc = cli_open_find(g, credo_contract_find, argv[1], &db, &id);
	if (rc)
		return rc;
	char section[8] = "";
	int ninv = 0;
	credo_invoice_filter f = { .contract_id = id };
	credo_status st = credo_contract_get(db, id, print_header, NULL);
	if (st == CREDO_OK)
		st = credo_contract_items(db, id, print_item, section);
	if (st == CREDO_OK)
		st = credo_invoice_list(db, &f, print_invoice, &ninv);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

static const struct out_col contract_cols[] = {
	{ N_("code"), 14, OUT_TEXT }, { N_("customer"), 9, OUT_TEXT }, { N_("customer_name"), 20, OUT_TEXT },
	{ N_("signed"), 10, OUT_TEXT }, { N_("status"), 10, OUT_TEXT }, { N_("owner"), 10, OUT_TEXT },
	{ N_("amount"), 16, OUT_MONEY }, { N_("invoiced"), 16, OUT_MONEY }, { N_("collected"), 16, OUT_MONEY },
};

static int contract_row(const credo_contract *k, void *ctx)
{
	char a[CLI_NUMBUF], i[CLI_NUMBUF], c[CLI_NUMBUF];
	const char *v[] = { k->code, k->customer_code, k->customer_name, k->sign_date, k->status, k->owner_login,
			    cli_fen(k->amount, a), cli_fen(k->invoiced, i), cli_fen(k->collected, c) };
	out_row(ctx, v);
	return 0;
}

static int contract_list(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "customer", required_argument, NULL, 'c' }, { "status", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 },
	};
	const char *customer = NULL;
	credo_contract_filter f = { 0 };
	enum out_format fmt = OUT_TABLE;
	int ch, rc;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'c')
			customer = optarg;
		else if (ch == 's')
			f.status = optarg;
		else if (ch != 'f' || out_parse_format(optarg, &fmt) != 0)
			return cli_usage(cmd, "%s", ch == 'f' ? _("--format must be table, csv or json") : _("unknown option"));
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	static const char *const statuses[] = { "draft", "active", "completed", "terminated" };
	int known = !f.status;
	for (int i = 0; i < 4 && !known; i++)
		known = strcmp(f.status, statuses[i]) == 0;
	if (!known)
		return cli_usage(cmd, "%s", _("--status is draft, active, completed or terminated"));
	credo_db *db;
	rc = customer ? cli_open_find(g, credo_customer_find, customer, &db, &f.customer_id) : cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	struct out o;
	out_begin(&o, fmt, contract_cols, (int)(sizeof contract_cols / sizeof contract_cols[0]), stdout);
	credo_status st = credo_contract_list(db, &f, contract_row, &o);
	out_end(&o);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

int cmd_contract(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("contract");
	if (argc < 2)
		return cli_usage(cmd, "%s", _("contract needs a subcommand: add, activate, complete, terminate,"
					      " log, show or list"));
	const char *sub = argv[1];
	argc--;
	argv++;
	if (strcmp(sub, "add") == 0)
		return contract_add(g, cmd, argc, argv);
	if (strcmp(sub, "show") == 0)
		return contract_show(g, cmd, argc, argv);
	if (strcmp(sub, "list") == 0)
		return contract_list(g, cmd, argc, argv);
	if (strcmp(sub, "activate") == 0 || strcmp(sub, "complete") == 0 || strcmp(sub, "terminate") == 0 ||
	    strcmp(sub, "log") == 0)
		return contract_change(g, cmd, sub, argc, argv);
	return cli_usage(cmd, "%s '%s'", _("unknown contract subcommand"), sub);
}
