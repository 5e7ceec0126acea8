/* cmd_invoice.c - `credo invoice add|credit-note|list`. */
#include <getopt.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "out.h"

/* Options of all three subcommands; each takes only its own (the letters in allowed). */
struct inv_opts {
	const char *customer, *contract, *date, *due, *amount, *code, *notes, *override, *reason, *against;
	int open_only;
	enum out_format fmt;
};

static int parse_opts(const struct cli_command *cmd, int argc, char **argv, const char *allowed, struct inv_opts *o)
{
	static const struct option opts[] = {
		{ "customer", required_argument, NULL, 'c' }, { "contract", required_argument, NULL, 'k' },
		{ "date", required_argument, NULL, 'd' }, { "due", required_argument, NULL, 'D' },
		{ "amount", required_argument, NULL, 'a' }, { "code", required_argument, NULL, 'C' },
		{ "notes", required_argument, NULL, 'n' }, { "override", required_argument, NULL, 'o' },
		{ "reason", required_argument, NULL, 'r' }, { "against", required_argument, NULL, 'A' },
		{ "open", no_argument, NULL, 'O' }, { "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	int ch, idx = 0;
	while ((ch = getopt_long(argc, argv, "", opts, &idx)) != -1) {
		if (ch == '?')
			return cli_usage(cmd, "%s", _("unknown option"));
		if (!strchr(allowed, ch))
			return cli_usage(cmd, "--%s %s", opts[idx].name, _("is not an option of this subcommand"));
		switch (ch) {
		case 'c': o->customer = optarg; break;
		case 'k': o->contract = optarg; break;
		case 'd': o->date = optarg; break;
		case 'D': o->due = optarg; break;
		case 'a': o->amount = optarg; break;
		case 'C': o->code = optarg; break;
		case 'n': o->notes = optarg; break;
		case 'o': o->override = optarg; break;
		case 'r': o->reason = optarg; break;
		case 'A': o->against = optarg; break;
		case 'O': o->open_only = 1; break;
		case 'f':
			if (out_parse_format(optarg, &o->fmt) == 0)
				break;
			return cli_usage(cmd, "%s", _("--format must be table, csv or json"));
		default:
			return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	return 0;
}

/* The invoice just recorded, found among its customer's to print its code. */
struct new_invoice {
	int64_t id;
	char code[64];
	credo_money amount, open;
};

static int match_new(const credo_invoice *inv, void *ctx)
{
	struct new_invoice *n = ctx;
	if (inv->id != n->id)
		return 0;
	snprintf(n->code, sizeof n->code, "%s", inv->code);
	n->amount = inv->amount;
	n->open = inv->open;
	return 1;
}

static int invoice_add(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv, int credit)
{
	struct inv_opts o = { 0 };
	int rc = parse_opts(cmd, argc, argv, credit ? "cdaCrA" : "ckdDaCno", &o);
	if (rc)
		return rc;
	if (!o.customer || !o.date || !o.amount || (credit && !o.reason))
		return cli_usage(cmd, "%s", credit ? _("invoice credit-note needs --customer, --date, --amount and --reason")
						   : _("invoice add needs --customer, --date and --amount"));
	credo_money amount;
	if ((rc = cli_money_arg("--amount", o.amount, &amount)))
		return rc;
	credo_db *db;
	struct new_invoice n = { 0 };
	if ((rc = cli_open_find(g, credo_customer_find, o.customer, &db, &n.id)))
		return rc;
	int64_t customer = n.id;
	credo_status st = CREDO_OK;
	if (credit) {
		credo_credit_note_new c = { .customer_id = customer, .code = o.code, .date = o.date, .amount = amount,
					    .reason = o.reason };
		if (o.against)
			st = credo_invoice_find(db, o.against, &c.against_invoice_id);
		if (st == CREDO_OK)
			st = credo_credit_note_add(db, &c, &n.id);
	} else {
		credo_invoice_new in = { .customer_id = customer, .code = o.code, .date = o.date, .due_date = o.due,
					 .amount = amount, .notes = o.notes, .override_reason = o.override };
		if (o.contract)
			st = credo_contract_find(db, o.contract, &in.contract_id);
		if (st == CREDO_OK)
			st = credo_invoice_add(db, &in, &n.id);
	}
	credo_invoice_filter f = { .customer_id = customer };
	if (st == CREDO_OK && (st = credo_invoice_list(db, &f, match_new, &n)) == CREDO_STOP)
		st = CREDO_OK;
	if (st) {
		rc = cli_fail(db, st);
	} else {
		char a[CREDO_MONEY_BUFSZ], b[CREDO_MONEY_BUFSZ];
		printf("%s\n", n.code);
		if (!credit && n.open != n.amount)
			printf("%s %s, %s %s\n", _("paid from customer credit"), cli_money_text(n.amount - n.open, a),
			       _("open"), cli_money_text(n.open, b));
		else if (credit && n.open != 0)
			printf("%s %s\n", _("left as customer credit"), cli_money_text(-n.open, a));
	}
	credo_close(db);
	return rc;
}

static const struct out_col invoice_cols[] = {
	{ N_("code"), 16, OUT_TEXT }, { N_("customer"), 9, OUT_TEXT }, { N_("contract"), 14, OUT_TEXT },
	{ N_("date"), 10, OUT_TEXT }, { N_("due"), 10, OUT_TEXT }, { N_("amount"), 16, OUT_MONEY },
	{ N_("open"), 16, OUT_MONEY }, { N_("days_overdue"), 12, OUT_INT },
};

static int invoice_row(const credo_invoice *inv, void *ctx)
{
	char a[CLI_NUMBUF], o[CLI_NUMBUF], d[16];
	snprintf(d, sizeof d, "%d", inv->days_overdue);
	const char *v[] = { inv->code, inv->customer_code, inv->contract_code, inv->invoice_date, inv->due_date,
			    cli_fen(inv->amount, a), cli_fen(inv->open, o), d };
	out_row(ctx, v);
	return 0;
}

static int invoice_list(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	struct inv_opts o = { 0 };
	int rc = parse_opts(cmd, argc, argv, "ckOf", &o);
	if (rc)
		return rc;
	credo_invoice_filter f = { .open_only = o.open_only };
	credo_db *db;
	rc = o.customer ? cli_open_find(g, credo_customer_find, o.customer, &db, &f.customer_id)
			: cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	credo_status st = o.contract ? credo_contract_find(db, o.contract, &f.contract_id) : CREDO_OK;
	if (st == CREDO_OK) {
		struct out out;
		out_begin(&out, o.fmt, invoice_cols, (int)(sizeof invoice_cols / sizeof invoice_cols[0]), stdout);
		st = credo_invoice_list(db, &f, invoice_row, &out);
		out_end(&out);
	}
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

int cmd_invoice(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("invoice");
	if (argc < 2)
		return cli_usage(cmd, "%s", _("invoice needs a subcommand: add, credit-note or list"));
	const char *sub = argv[1];
	argc--;
	argv++;
	if (strcmp(sub, "add") == 0 || strcmp(sub, "credit-note") == 0)
		return invoice_add(g, cmd, argc, argv, strcmp(sub, "credit-note") == 0);
	if (strcmp(sub, "list") == 0)
		return invoice_list(g, cmd, argc, argv);
	return cli_usage(cmd, "%s '%s'", _("unknown invoice subcommand"), sub);
}
