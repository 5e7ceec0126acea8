/* cmd_opportunity.c - `credo opportunity add|stage|lose|list|stages`. */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "out.h"

/* A record id on the command line: a positive decimal number. */
static int parse_id(const struct cli_command *cmd, const char *s, int64_t *id)
{
	char *end;
	long long v = strtoll(s, &end, 10);
	if (!*s || *end || v <= 0)
		return cli_usage(cmd, "%s: '%s'", _("an opportunity ID is a positive number"), s);
	*id = v;
	return CLI_OK;
}

static int parse_format(const struct cli_command *cmd, const char *s, enum out_format *fmt)
{
	if (out_parse_format(s, fmt) == 0)
		return CLI_OK;
	return cli_usage(cmd, "%s: '%s'", _("--format must be table, csv or json"), s);
}

static int opp_add(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "customer", required_argument, NULL, 'c' },
		{ "desc", required_argument, NULL, 'd' },
		{ "stage", required_argument, NULL, 's' },
		{ "amount", required_argument, NULL, 'a' },
		{ "close", required_argument, NULL, 'C' },
		{ "owner", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	credo_opportunity_new in = { 0 };
	const char *customer = NULL, *amount = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'c': customer = optarg; break;
		case 'd': in.description = optarg; break;
		case 's': in.stage = optarg; break;
		case 'a': amount = optarg; break;
		case 'C': in.expected_close = optarg; break;
		case 'o': in.owner_login = optarg; break;
		default: return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	if (!customer || !in.description)
		return cli_usage(cmd, "%s", _("opportunity add needs --customer CODE and --desc TEXT"));
	const char *why = NULL;
	if (amount && credo_money_parse(amount, &in.amount, &why) != CREDO_OK) {
		fprintf(stderr, "credo: --amount '%s': %s\n", amount, why);
		return CLI_DATA;
	}
	credo_db *db;
	int rc = cli_open_customer(g, customer, &db, &in.customer_id);
	if (rc)
		return rc;
	int64_t id = 0;
	credo_status st = credo_opportunity_add(db, &in, &id);
	if (st)
		rc = cli_fail(db, st);
	else
		printf("%" PRId64 "\n", id);
	credo_close(db);
	return rc;
}

/* `stage ID STAGE` and `lose ID --reason TEXT` share everything but the call. */
static int opp_move(const struct cli_globals *g, const struct cli_command *cmd, const char *id_text,
		    const char *stage, const char *reason)
{
	int64_t id = 0;
	int rc = parse_id(cmd, id_text, &id);
	credo_db *db;
	if (rc || (rc = cli_open(g, 0, 1, &db)))
		return rc;
	credo_status st = stage ? credo_opportunity_set_stage(db, id, stage) : credo_opportunity_lose(db, id, reason);
	if (st)
		rc = cli_fail(db, st);
	else
		printf(_("Opportunity %s is now %s.\n"), id_text, stage ? stage : _("lost"));
	credo_close(db);
	return rc;
}

static int opp_stage(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	if (argc != 3)
		return cli_usage(cmd, "%s", _("opportunity stage takes ID and STAGE"));
	return opp_move(g, cmd, argv[1], argv[2], NULL);
}

static int opp_lose(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	const char *reason = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'r')
			return cli_usage(cmd, "%s", _("unknown option"));
		reason = optarg;
	}
	if (optind != argc - 1)
		return cli_usage(cmd, "%s", _("opportunity lose takes one ID"));
	if (!reason)
		return cli_usage(cmd, "%s", _("opportunity lose needs --reason TEXT: why the deal was lost"));
	return opp_move(g, cmd, argv[optind], NULL, reason);
}

static const struct out_col opp_cols[] = {
	{ N_("id"), 5, OUT_INT }, { N_("customer"), 8, OUT_TEXT }, { N_("customer_name"), 24, OUT_TEXT },
	{ N_("stage"), 12, OUT_TEXT }, { N_("probability"), 11, OUT_INT }, { N_("amount"), 16, OUT_MONEY },
	{ N_("expected_close"), 14, OUT_TEXT }, { N_("owner"), 10, OUT_TEXT }, { N_("description"), 30, OUT_TEXT },
	{ N_("lost_reason"), 0, OUT_TEXT },
};

static int put_opp(const credo_opportunity *o, void *ctx)
{
	char id[24], prob[8], amount[24];
	snprintf(id, sizeof id, "%" PRId64, o->id);
	snprintf(prob, sizeof prob, "%d", o->probability);
	snprintf(amount, sizeof amount, "%" PRId64, o->amount);
	const char *v[] = { id, o->customer_code, o->customer_name, o->stage, prob, amount,
			    *o->expected_close ? o->expected_close : NULL, o->owner_login, o->description,
			    o->lost_reason };
	out_row(ctx, v);
	return 0;
}

static int opp_list(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "customer", required_argument, NULL, 'c' },
		{ "owner", required_argument, NULL, 'o' },
		{ "open", no_argument, NULL, 'O' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	credo_opportunity_filter f = { 0 };
	const char *customer = NULL;
	enum out_format fmt = OUT_TABLE;
	int c, rc;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'c': customer = optarg; break;
		case 'o': f.owner_login = optarg; break;
		case 'O': f.open_only = 1; break;
		case 'f':
			if ((rc = parse_format(cmd, optarg, &fmt)))
				return rc;
			break;
		default: return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	credo_db *db;
	if ((rc = cli_open_customer(g, customer, &db, &f.customer_id)))
		return rc;
	struct out o;
	out_begin(&o, fmt, opp_cols, (int)(sizeof opp_cols / sizeof opp_cols[0]), stdout);
	credo_status st = credo_opportunity_list(db, &f, put_opp, &o);
	out_end(&o);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

static const struct out_col stage_cols[] = {
	{ N_("name"), 14, OUT_TEXT }, { N_("probability"), 11, OUT_INT }, { N_("sort_order"), 10, OUT_INT },
	{ N_("outcome"), 0, OUT_TEXT },
};

static int put_stage(const credo_stage *s, void *ctx)
{
	char prob[8], order[16];
	snprintf(prob, sizeof prob, "%d", s->probability);
	snprintf(order, sizeof order, "%d", s->sort_order);
	const char *v[] = { s->name, prob, order, s->outcome };
	out_row(ctx, v);
	return 0;
}

static int opp_stages(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum out_format fmt = OUT_TABLE;
	int c, rc;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'f')
			return cli_usage(cmd, "%s", _("unknown option"));
		if ((rc = parse_format(cmd, optarg, &fmt)))
			return rc;
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	struct out o;
	out_begin(&o, fmt, stage_cols, (int)(sizeof stage_cols / sizeof stage_cols[0]), stdout);
	credo_status st = credo_stage_list(db, put_stage, &o);
	out_end(&o);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

int cmd_opportunity(const struct cli_globals *g, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(const struct cli_globals *, const struct cli_command *, int, char **);
	} subs[] = {
		{ "add", opp_add }, { "stage", opp_stage }, { "lose", opp_lose }, { "list", opp_list },
		{ "stages", opp_stages },
	};
	const struct cli_command *cmd = cli_find("opportunity");
	if (argc < 2)
		return cli_usage(cmd, "%s", _("opportunity needs a subcommand: add, stage, lose, list or stages"));
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(g, cmd, argc - 1, argv + 1);
	return cli_usage(cmd, "%s '%s'", _("unknown opportunity subcommand"), argv[1]);
}
