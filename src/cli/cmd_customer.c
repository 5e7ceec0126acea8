/* cmd_customer.c - `credo customer ...` and `credo contact ...`. */
#include <getopt.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "out.h"

/* The customer fields a command line can set, shared by add and edit. */
static const struct field_opt {
	const char *opt;
	size_t off;
} field_opts[] = {
	{ "code", offsetof(credo_customer_new, code) },
	{ "name", offsetof(credo_customer_new, name) },
	{ "short-name", offsetof(credo_customer_new, short_name) },
	{ "type", offsetof(credo_customer_new, type) },
	{ "category", offsetof(credo_customer_new, category) },
	{ "industry", offsetof(credo_customer_new, industry) },
	{ "region", offsetof(credo_customer_new, region) },
	{ "address", offsetof(credo_customer_new, address) },
	{ "phone", offsetof(credo_customer_new, phone) },
	{ "tax-id", offsetof(credo_customer_new, tax_id) },
	{ "bank", offsetof(credo_customer_new, bank) },
	{ "bank-account", offsetof(credo_customer_new, bank_account) },
	{ "legal-rep", offsetof(credo_customer_new, legal_rep) },
	{ "owner", offsetof(credo_customer_new, owner_login) },
	{ "since", offsetof(credo_customer_new, since) },
	{ "notes", offsetof(credo_customer_new, notes) },
};
#define NFIELDS ((int)(sizeof field_opts / sizeof field_opts[0]))

/* Parse --FIELD VALUE options into c; returns the index of the first operand, or -1 after a usage error. */
static int parse_fields(const struct cli_command *cmd, int argc, char **argv, credo_customer_new *c, int allow_owner)
{
	struct option opts[NFIELDS + 1];
	for (int i = 0; i < NFIELDS; i++)
		opts[i] = (struct option){ .name = field_opts[i].opt, .has_arg = required_argument, .val = 256 + i };
	opts[NFIELDS] = (struct option){ 0 };
	int ch;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch < 256 || (!allow_owner && strcmp(field_opts[ch - 256].opt, "owner") == 0)) {
			cli_usage(cmd, "%s", _("unknown option"));
			return -1;
		}
		*(const char **)((char *)c + field_opts[ch - 256].off) = optarg;
	}
	return optind;
}

static int customer_add(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	credo_customer_new c = { 0 };
	int first = parse_fields(cmd, argc, argv, &c, 1);
	if (first < 0)
		return CLI_USAGE;
	if (first < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[first]);
	if (!c.name)
		return cli_usage(cmd, "%s", _("customer add needs --name"));
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	int64_t id;
	credo_status st = credo_customer_add(db, &c, &id);
	if (st)
		rc = cli_fail(db, st);
	else
		credo_customer_get(db, id, cli_print_code, stdout);
	credo_close(db);
	return rc;
}

static const struct out_col customer_cols[] = {
	{ N_("code"), 9, OUT_TEXT }, { N_("name"), 34, OUT_TEXT }, { N_("owner"), 10, OUT_TEXT },
	{ N_("status"), 9, OUT_TEXT }, { N_("phone"), 14, OUT_TEXT }, { N_("region"), 6, OUT_TEXT },
};

/* Sorted by the credit figures, the list shows them instead of phone and region. */
static const struct out_col figure_cols[] = {
	{ N_("code"), 9, OUT_TEXT }, { N_("name"), 30, OUT_TEXT }, { N_("owner"), 10, OUT_TEXT },
	{ N_("overdue"), 14, OUT_MONEY }, { N_("exposure"), 14, OUT_MONEY }, { N_("limit"), 14, OUT_MONEY },
	{ N_("used"), 8, OUT_TEXT },
};

static int customer_row(const credo_customer *c, void *ctx)
{
	const char *v[] = { c->code, c->name, c->owner_login, c->status, c->phone, c->region };
	out_row(ctx, v);
	return 0;
}

/* Utilisation as a percentage with two decimals, "no limit", or "-" with neither limit nor exposure. */
static void utilisation_text(const credo_customer *c, char *buf, size_t len)
{
	if (c->utilisation_bp == CREDO_UTILISATION_NO_LIMIT)
		snprintf(buf, len, "%s", _("no limit"));
	else if (c->utilisation_bp == CREDO_UTILISATION_NONE)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%s%lld.%02lld%%", c->utilisation_bp < 0 ? "-" : "",
			 (long long)llabs(c->utilisation_bp) / 100, (long long)llabs(c->utilisation_bp) % 100);
}

static int figure_row(const credo_customer *c, void *ctx)
{
	char ov[24], ex[24], li[24], used[32];
	snprintf(ov, sizeof ov, "%lld", (long long)c->overdue);
	snprintf(ex, sizeof ex, "%lld", (long long)c->exposure);
	snprintf(li, sizeof li, "%lld", (long long)c->limit);
	utilisation_text(c, used, sizeof used);
	const char *v[] = { c->code, c->name, c->owner_login, ov, ex, c->has_limit ? li : "", used };
	out_row(ctx, v);
	return 0;
}

static int parse_sort(const char *s)
{
	static const char *const names[] = {
		[CREDO_CUSTOMER_BY_NAME] = "name", [CREDO_CUSTOMER_BY_CODE] = "code",
		[CREDO_CUSTOMER_BY_OVERDUE] = "overdue", [CREDO_CUSTOMER_BY_UTILISATION] = "utilisation",
	};
	for (int i = 0; i < (int)(sizeof names / sizeof names[0]); i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return strcmp(s, "utilization") == 0 ? CREDO_CUSTOMER_BY_UTILISATION : -1;
}

static int customer_list(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "search", required_argument, NULL, 's' },
		{ "owner", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "sort", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 },
	};
	const char *search = NULL, *owner = NULL;
	enum out_format fmt = OUT_TABLE;
	int ch, sort = -1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 's')
			search = optarg;
		else if (ch == 'o')
			owner = optarg;
		else if (ch == 'S' && (sort = parse_sort(optarg)) < 0)
			return cli_usage(cmd, "%s", _("--sort must be name, code, overdue or utilisation"));
		else if (ch == 'S')
			continue;
		else if (ch == 'f' && out_parse_format(optarg, &fmt) == 0)
			continue;
		else
			return cli_usage(cmd, "%s", ch == 'f' ? _("--format must be table, csv or json") : _("unknown option"));
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	struct out o;
	int figures = sort == CREDO_CUSTOMER_BY_OVERDUE || sort == CREDO_CUSTOMER_BY_UTILISATION;
	if (figures)
		out_begin(&o, fmt, figure_cols, 7, stdout);
	else
		out_begin(&o, fmt, customer_cols, 6, stdout);
	credo_status st = cli_each_customer(db, search, owner, sort, figures ? figure_row : customer_row, &o);
	out_end(&o);
	if (st && st != CREDO_STOP)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

static int print_detail(const credo_customer *c, void *ctx)
{
	FILE *out = ctx;
	const char *rows[][2] = {
		{ N_("code"), c->code }, { N_("name"), c->name }, { N_("short name"), c->short_name }, { N_("type"), c->type },
		{ N_("status"), c->status }, { N_("category"), c->category }, { N_("industry"), c->industry },
		{ N_("region"), c->region }, { N_("address"), c->address }, { N_("phone"), c->phone }, { N_("tax id"), c->tax_id },
		{ N_("bank"), c->bank }, { N_("bank account"), c->bank_account }, { N_("legal rep"), c->legal_rep },
		{ N_("owner"), c->owner_login }, { N_("since"), c->since },
		{ N_("reputation"), c->reputation_bad ? _("BAD (credit veto)") : _("good") }, { N_("notes"), c->notes },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		cli_put_cell(out, _(rows[i][0]), 14);
		char buf[4096];
		credo_text_fit(rows[i][1], 1000, 0, buf, sizeof buf);
		fprintf(out, " %s%s%s\n", buf, i == 14 ? " " : "", i == 14 ? c->owner_name : "");
	}
	return 0;
}

static int print_contact(const credo_contact *k, void *ctx)
{
	FILE *out = ctx;
	fputs("  ", out);
	cli_put_cell(out, k->name, 10);
	fputs(" ", out);
	cli_put_cell(out, k->title, 12);
	fputs(" ", out);
	cli_put_cell(out, k->role, 15);
	fprintf(out, " %s %s\n", k->phone, k->email);
	return 0;
}

static int print_change(const credo_customer_change *h, void *ctx)
{
	fprintf(ctx, "  %.10s %-10s %s: %s -> %s  %s\n", h->changed_at, h->changed_by, h->field,
		*h->old_value ? h->old_value : "-", h->new_value, h->reason);
	return 0;
}

/* Resolve the single CODE operand and open the database, for commands on one customer. */
static int open_customer(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv,
			 int first, credo_db **db, int64_t *id)
{
	if (first != argc - 1)
		return cli_usage(cmd, "%s", _("name exactly one customer CODE"));
	int rc = cli_open(g, 0, 1, db);
	if (rc)
		return rc;
	credo_status st = credo_customer_find(*db, argv[first], id);
	if (st) {
		rc = cli_fail(*db, st);
		credo_close(*db);
		*db = NULL;
	}
	return rc;
}

static int customer_show(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	credo_db *db;
	int64_t id;
	int rc = open_customer(g, cmd, argc, argv, 1, &db, &id);
	if (rc)
		return rc;
	credo_customer_get(db, id, print_detail, stdout);
	printf("\n%s:\n", _("contacts"));
	credo_contact_list(db, id, print_contact, stdout);
	printf("\n%s:\n", _("history"));
	credo_customer_history(db, id, print_change, stdout);
	credo_close(db);
	return CLI_OK;
}

static int customer_edit(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	credo_customer_new c = { 0 };
	int first = parse_fields(cmd, argc, argv, &c, 0);
	if (first < 0)
		return CLI_USAGE;
	credo_db *db;
	int64_t id;
	int rc = open_customer(g, cmd, argc, argv, first, &db, &id);
	if (rc)
		return rc;
	credo_status st = credo_customer_update(db, id, &c);
	if (st)
		rc = cli_fail(db, st);
	else
		credo_customer_get(db, id, cli_print_code, stdout);
	credo_close(db);
	return rc;
}

/* assign CODE --owner LOGIN [--reason TEXT]; status CODE STATUS [--note TEXT]; reputation CODE good|bad --reason TEXT */
static int customer_change(const struct cli_globals *g, const struct cli_command *cmd, const char *sub,
			   int argc, char **argv)
{
	static const struct option opts[] = {
		{ "owner", required_argument, NULL, 'o' },
		{ "reason", required_argument, NULL, 'r' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const char *owner = NULL, *text = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'o')
			owner = optarg;
		else if (ch == 'r' || ch == 'n')
			text = optarg;
		else
			return cli_usage(cmd, "%s", _("unknown option"));
	}
	int assign = strcmp(sub, "assign") == 0;
	int operands = assign ? 1 : 2;
	if (argc - optind != operands)
		return cli_usage(cmd, "%s", assign ? _("customer assign takes CODE --owner LOGIN")
						   : _("customer status and reputation take CODE and a value"));
	if (assign && !owner)
		return cli_usage(cmd, "%s", _("customer assign needs --owner LOGIN"));
	const char *value = argv[optind + 1 < argc ? optind + 1 : optind];
	if (strcmp(sub, "reputation") == 0 && strcmp(value, "good") != 0 && strcmp(value, "bad") != 0)
		return cli_usage(cmd, "%s", _("reputation is good or bad"));
	credo_db *db;
	int64_t id;
	int rc = open_customer(g, cmd, optind + 1, argv, optind, &db, &id);
	if (rc)
		return rc;
	credo_status st;
	if (assign)
		st = credo_customer_assign(db, id, owner, text);
	else if (strcmp(sub, "status") == 0)
		st = credo_customer_set_status(db, id, value, text);
	else
		st = credo_customer_set_reputation(db, id, strcmp(value, "bad") == 0, text);
	if (st)
		rc = cli_fail(db, st);
	else
		printf("%s %s\n", argv[optind], _("updated"));
	credo_close(db);
	return rc;
}

int cmd_customer(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("customer");
	if (argc < 2)
		return cli_usage(cmd, "%s", _("customer needs a subcommand"));
	const char *sub = argv[1];
	argc--;
	argv++;
	if (strcmp(sub, "add") == 0)
		return customer_add(g, cmd, argc, argv);
	if (strcmp(sub, "list") == 0)
		return customer_list(g, cmd, argc, argv);
	if (strcmp(sub, "show") == 0)
		return customer_show(g, cmd, argc, argv);
	if (strcmp(sub, "edit") == 0)
		return customer_edit(g, cmd, argc, argv);
	if (strcmp(sub, "assign") == 0 || strcmp(sub, "status") == 0 || strcmp(sub, "reputation") == 0)
		return customer_change(g, cmd, sub, argc, argv);
	return cli_usage(cmd, "%s '%s'", _("unknown customer subcommand"), sub);
}

static const struct out_col contact_cols[] = {
	{ N_("name"), 10, OUT_TEXT }, { N_("title"), 12, OUT_TEXT }, { N_("role"), 15, OUT_TEXT },
	{ N_("phone"), 14, OUT_TEXT }, { N_("email"), 28, OUT_TEXT },
};

static int contact_row(const credo_contact *k, void *ctx)
{
	const char *v[] = { k->name, k->title, k->role, k->phone, k->email };
	out_row(ctx, v);
	return 0;
}

int cmd_contact(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("contact");
	static const struct option opts[] = {
		{ "customer", required_argument, NULL, 'c' }, { "name", required_argument, NULL, 'n' },
		{ "title", required_argument, NULL, 't' }, { "dept", required_argument, NULL, 'd' },
		{ "phone", required_argument, NULL, 'p' }, { "email", required_argument, NULL, 'e' },
		{ "role", required_argument, NULL, 'r' }, { "notes", required_argument, NULL, 'N' },
		{ "format", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 },
	};
	if (argc < 2 || (strcmp(argv[1], "add") != 0 && strcmp(argv[1], "list") != 0))
		return cli_usage(cmd, "%s", _("contact needs a subcommand: add or list"));
	int add = strcmp(argv[1], "add") == 0;
	argc--;
	argv++;
	credo_contact k = { 0 };
	const char *customer = NULL;
	enum out_format fmt = OUT_TABLE;
	int ch;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': customer = optarg; break;
		case 'n': k.name = optarg; break;
		case 't': k.title = optarg; break;
		case 'd': k.department = optarg; break;
		case 'p': k.phone = optarg; break;
		case 'e': k.email = optarg; break;
		case 'r': k.role = optarg; break;
		case 'N': k.notes = optarg; break;
		case 'f':
			if (out_parse_format(optarg, &fmt) == 0)
				break;
			return cli_usage(cmd, "%s", _("--format must be table, csv or json"));
		default:
			return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (!customer)
		return cli_usage(cmd, "%s", _("contact needs --customer CODE"));
	if (add && !k.name)
		return cli_usage(cmd, "%s", _("contact add needs --name"));
	char *fake[] = { argv[0], (char *)customer };
	credo_db *db;
	int rc = open_customer(g, cmd, 2, fake, 1, &db, &k.customer_id);
	if (rc)
		return rc;
	credo_status st;
	if (add) {
		int64_t id;
		st = credo_contact_add(db, &k, &id);
		if (st == CREDO_OK)
			printf("%s %s\n", _("added contact"), k.name);
	} else {
		struct out o;
		out_begin(&o, fmt, contact_cols, 5, stdout);
		st = credo_contact_list(db, k.customer_id, contact_row, &o);
		out_end(&o);
	}
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}
