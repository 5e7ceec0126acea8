/* cmd_lead.c - `credo lead add|list|status|convert`. */
#include <getopt.h>
#include <string.h>

#include "commands.h"
#include "out.h"

static int print_code(const credo_lead *l, void *ctx)
{
	(void)ctx;
	printf("%s\n", l->code);
	return 0;
}

static int lead_add(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "company", required_argument, NULL, 'c' },
		{ "contact", required_argument, NULL, 'p' },
		{ "phone", required_argument, NULL, 't' },
		{ "email", required_argument, NULL, 'e' },
		{ "source", required_argument, NULL, 's' },
		{ "owner", required_argument, NULL, 'o' },
		{ "notes", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	credo_lead_new in = { 0 };
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'c': in.company = optarg; break;
		case 'p': in.contact_name = optarg; break;
		case 't': in.phone = optarg; break;
		case 'e': in.email = optarg; break;
		case 's': in.source = optarg; break;
		case 'o': in.owner_login = optarg; break;
		case 'n': in.notes = optarg; break;
		default: return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	if (!in.company)
		return cli_usage(cmd, "%s", _("lead add needs --company TEXT"));
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	int64_t id = 0;
	credo_status st = credo_lead_add(db, &in, &id);
	if (st == CREDO_OK)
		st = credo_lead_get(db, id, print_code, NULL);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

static const struct out_col lead_cols[] = {
	{ N_("code"), 8, OUT_TEXT }, { N_("company"), 28, OUT_TEXT }, { N_("contact"), 10, OUT_TEXT },
	{ N_("phone"), 14, OUT_TEXT }, { N_("email"), 20, OUT_TEXT }, { N_("source"), 10, OUT_TEXT },
	{ N_("status"), 10, OUT_TEXT }, { N_("owner"), 10, OUT_TEXT }, { N_("customer"), 8, OUT_TEXT },
	{ N_("last_activity"), 13, OUT_TEXT }, { N_("notes"), 0, OUT_TEXT },
};

static int put_lead(const credo_lead *l, void *ctx)
{
	const char *v[] = { l->code, l->company, l->contact_name, l->phone, l->email, l->source, l->status,
			    l->owner_login, l->customer_code, *l->last_activity ? l->last_activity : NULL,
			    l->notes };
	out_row(ctx, v);
	return 0;
}

static int lead_list(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "status", required_argument, NULL, 's' },
		{ "owner", required_argument, NULL, 'o' },
		{ "search", required_argument, NULL, 'q' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	credo_lead_filter f = { 0 };
	enum out_format fmt = OUT_TABLE;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 's': f.status = optarg; break;
		case 'o': f.owner_login = optarg; break;
		case 'q': f.search = optarg; break;
		case 'f':
			if (out_parse_format(optarg, &fmt))
				return cli_usage(cmd, "%s: '%s'", _("--format must be table, csv or json"), optarg);
			break;
		default: return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	struct out o;
	out_begin(&o, fmt, lead_cols, (int)(sizeof lead_cols / sizeof lead_cols[0]), stdout);
	credo_status st = credo_lead_list(db, &f, put_lead, &o);
	out_end(&o);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

static int lead_status(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	if (argc != 3)
		return cli_usage(cmd, "%s", _("lead status takes CODE and STATUS (new, contacted, qualified, lost)"));
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	int64_t id = 0;
	credo_status st = credo_lead_find(db, argv[1], &id);
	if (st == CREDO_OK)
		st = credo_lead_set_status(db, id, argv[2]);
	if (st)
		rc = cli_fail(db, st);
	else
		printf(_("%s is now %s.\n"), argv[1], argv[2]);
	credo_close(db);
	return rc;
}

static int lead_convert(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage(cmd, "%s", _("lead convert takes the lead's CODE"));
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	int64_t id = 0, customer = 0;
	credo_status st = credo_lead_find(db, argv[1], &id);
	if (st == CREDO_OK)
		st = credo_lead_convert(db, id, &customer);
	if (st == CREDO_OK)
		st = credo_customer_get(db, customer, cli_print_code, stdout);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

int cmd_lead(const struct cli_globals *g, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(const struct cli_globals *, const struct cli_command *, int, char **);
	} subs[] = {
		{ "add", lead_add }, { "list", lead_list }, { "status", lead_status }, { "convert", lead_convert },
	};
	const struct cli_command *cmd = cli_find("lead");
	if (argc < 2)
		return cli_usage(cmd, "%s", _("lead needs a subcommand: add, list, status or convert"));
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(g, cmd, argc - 1, argv + 1);
	return cli_usage(cmd, "%s '%s'", _("unknown lead subcommand"), argv[1]);
}
