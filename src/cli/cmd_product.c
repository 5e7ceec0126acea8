/* cmd_product.c - `credo product add|list`. */
#include <getopt.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "out.h"

struct code_of {
	int64_t id;
	char code[64];
};

static int match_id(const credo_product *p, void *ctx)
{
	struct code_of *c = ctx;
	if (p->id != c->id)
		return 0;
	snprintf(c->code, sizeof c->code, "%s", p->code);
	return 1;
}

static int product_add(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' }, { "code", required_argument, NULL, 'c' },
		{ "model", required_argument, NULL, 'm' }, { "spec", required_argument, NULL, 's' },
		{ "unit", required_argument, NULL, 'u' }, { "price", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	credo_product_new p = { 0 };
	const char *price = NULL;
	int ch, rc;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'n': p.name = optarg; break;
		case 'c': p.code = optarg; break;
		case 'm': p.model = optarg; break;
		case 's': p.spec = optarg; break;
		case 'u': p.unit = optarg; break;
		case 'p': price = optarg; break;
		default: return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	if (!p.name)
		return cli_usage(cmd, "%s", _("product add needs --name"));
	if (price && (rc = cli_money_arg("--price", price, &p.list_price)))
		return rc;
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	struct code_of c = { 0 };
	credo_status st = credo_product_add(db, &p, &c.id);
	if (st == CREDO_OK)
		st = credo_product_list(db, p.code, match_id, &c);
	if (st != CREDO_OK && st != CREDO_STOP)
		rc = cli_fail(db, st);
	else
		printf("%s\n", c.code);
	credo_close(db);
	return rc;
}

static const struct out_col product_cols[] = {
	{ N_("code"), 10, OUT_TEXT }, { N_("name"), 24, OUT_TEXT }, { N_("model"), 12, OUT_TEXT }, { N_("spec"), 14, OUT_TEXT },
	{ N_("unit"), 6, OUT_TEXT }, { N_("list_price"), 14, OUT_MONEY }, { N_("active"), 6, OUT_INT },
};

static int product_row(const credo_product *p, void *ctx)
{
	char price[CLI_NUMBUF];
	const char *v[] = { p->code, p->name, p->model, p->spec, p->unit, cli_fen(p->list_price, price),
			    p->active ? "1" : "0" };
	out_row(ctx, v);
	return 0;
}

static int product_list(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "search", required_argument, NULL, 's' }, { "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *search = NULL;
	enum out_format fmt = OUT_TABLE;
	int ch, rc;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 's')
			search = optarg;
		else if (ch != 'f' || out_parse_format(optarg, &fmt) != 0)
			return cli_usage(cmd, "%s", ch == 'f' ? _("--format must be table, csv or json") : _("unknown option"));
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	struct out o;
	out_begin(&o, fmt, product_cols, (int)(sizeof product_cols / sizeof product_cols[0]), stdout);
	credo_status st = credo_product_list(db, search && *search ? search : NULL, product_row, &o);
	out_end(&o);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

int cmd_product(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("product");
	if (argc < 2)
		return cli_usage(cmd, "%s", _("product needs a subcommand: add or list"));
	const char *sub = argv[1];
	argc--;
	argv++;
	if (strcmp(sub, "add") == 0)
		return product_add(g, cmd, argc, argv);
	if (strcmp(sub, "list") == 0)
		return product_list(g, cmd, argc, argv);
	return cli_usage(cmd, "%s '%s'", _("unknown product subcommand"), sub);
}
