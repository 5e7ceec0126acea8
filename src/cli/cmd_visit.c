/* cmd_visit.c - `credo visit add|done|list|due|daily`. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "out.h"

struct visit_opts {
	credo_visit_new v;
	const char *customer, *lead, *contact, *user, *from, *to;
	enum out_format fmt;
};

static int parse_opts(const struct cli_command *cmd, int argc, char **argv, struct visit_opts *o)
{
	static const struct option opts[] = {
		{ "customer", required_argument, NULL, 'c' }, { "lead", required_argument, NULL, 'l' },
		{ "contact", required_argument, NULL, 'k' }, { "date", required_argument, NULL, 'd' },
		{ "kind", required_argument, NULL, 'K' }, { "notes", required_argument, NULL, 'n' },
		{ "purpose", required_argument, NULL, 'p' }, { "outcome", required_argument, NULL, 'o' },
		{ "next-step", required_argument, NULL, 's' }, { "next-date", required_argument, NULL, 'N' },
		{ "planned", no_argument, NULL, 'P' }, { "user", required_argument, NULL, 'u' },
		{ "from", required_argument, NULL, 'F' }, { "to", required_argument, NULL, 'T' },
		{ "format", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 },
	};
	int ch;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': o->customer = optarg; break;
		case 'l': o->lead = optarg; break;
		case 'k': o->contact = optarg; break;
		case 'd': o->v.date = optarg; break;
		case 'K': o->v.kind = optarg; break;
		case 'n': o->v.findings = optarg; break;
		case 'p': o->v.purpose = optarg; break;
		case 'o': o->v.outcome = optarg; break;
		case 's': o->v.next_step = optarg; break;
		case 'N': o->v.next_date = optarg; break;
		case 'P': o->v.planned = 1; break;
		case 'u': o->user = optarg; break;
		case 'F': o->from = optarg; break;
		case 'T': o->to = optarg; break;
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

struct find_contact {
	const char *name;
	int64_t id;
};

static int match_contact(const credo_contact *k, void *ctx)
{
	struct find_contact *f = ctx;
	if (strcmp(k->name, f->name) != 0)
		return 0;
	f->id = k->id;
	return 1;
}

/* Customer, lead and contact named on the command line -> ids. */
static credo_status resolve(credo_db *db, struct visit_opts *o)
{
	credo_status st = CREDO_OK;
	if (o->customer)
		st = credo_customer_find(db, o->customer, &o->v.customer_id);
	if (st == CREDO_OK && o->lead)
		st = credo_lead_find(db, o->lead, &o->v.lead_id);
	if (st == CREDO_OK && o->contact && o->v.customer_id) {
		struct find_contact f = { .name = o->contact };
		credo_contact_list(db, o->v.customer_id, match_contact, &f);
		if (!f.id)
			return CREDO_NOTFOUND;
		o->v.contact_id = f.id;
	}
	return st;
}

static int visit_add(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	struct visit_opts o = { 0 };
	int first = parse_opts(cmd, argc, argv, &o);
	if (first < 0)
		return CLI_USAGE;
	if (first < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[first]);
	if (!o.customer == !o.lead)
		return cli_usage(cmd, "%s", _("visit add needs --customer CODE or --lead CODE"));
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	int64_t id;
	credo_status st = resolve(db, &o);
	if (st == CREDO_NOTFOUND && o.contact && o.v.customer_id)
		fprintf(stderr, "credo: %s %s\n", _("no contact named"), o.contact);
	if (st == CREDO_OK)
		st = credo_visit_add(db, &o.v, &id);
	if (st == CREDO_OK)
		printf("%s %lld\n", o.v.planned ? _("planned visit") : _("logged visit"), (long long)id);
	else if (!(st == CREDO_NOTFOUND && o.contact && o.v.customer_id))
		rc = cli_fail(db, st);
	else
		rc = CLI_DATA;
	credo_close(db);
	return rc;
}

static int visit_done(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	struct visit_opts o = { 0 };
	int first = parse_opts(cmd, argc, argv, &o);
	if (first < 0)
		return CLI_USAGE;
	char *end = NULL;
	long long id = first == argc - 1 ? strtoll(argv[first], &end, 10) : 0;
	if (id <= 0 || *end)
		return cli_usage(cmd, "%s", _("visit done takes the ID of a planned visit"));
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	credo_status st = credo_visit_done(db, id, o.v.date, o.v.findings, o.v.outcome, o.v.next_step,
					   o.v.next_date);
	if (st)
		rc = cli_fail(db, st);
	else
		printf("%s %lld\n", _("done visit"), id);
	credo_close(db);
	return rc;
}

static const struct out_col visit_cols[] = {
	{ N_("id"), 5, OUT_INT }, { N_("date"), 10, OUT_TEXT }, { N_("kind"), 7, OUT_TEXT }, { N_("who"), 9, OUT_TEXT },
	{ N_("customer"), 24, OUT_TEXT }, { N_("findings"), 30, OUT_TEXT }, { N_("next"), 10, OUT_TEXT },
};

static int visit_row(const credo_visit *v, void *ctx)
{
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)v->id);
	const char *who = v->customer_id ? v->customer_name : v->lead_company;
	const char *what = *v->findings ? v->findings : v->planned ? v->purpose : v->outcome;
	const char *vals[] = { id, v->date, v->planned ? "planned" : v->kind, v->user_login, who, what,
			       v->planned ? v->date : v->next_date };
	out_row(ctx, vals);
	return 0;
}

static int visit_list(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv,
		      int due)
{
	struct visit_opts o = { 0 };
	int first = parse_opts(cmd, argc, argv, &o);
	if (first < 0)
		return CLI_USAGE;
	if (first < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[first]);
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	credo_status st = resolve(db, &o);
	struct out out;
	if (st == CREDO_OK) {
		out_begin(&out, o.fmt, visit_cols, 7, stdout);
		if (due) {
			st = credo_visit_due(db, o.v.date, visit_row, &out);
		} else {
			credo_visit_filter f = { .customer_id = o.v.customer_id, .lead_id = o.v.lead_id,
						 .user_login = o.user, .from = o.from, .to = o.to };
			st = credo_visit_list(db, &f, visit_row, &out);
		}
		out_end(&out);
	}
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

static const struct out_col daily_cols[] = {
	{ N_("login"), 10, OUT_TEXT }, { N_("name"), 10, OUT_TEXT }, { N_("planned"), 7, OUT_INT },
	{ N_("done"), 5, OUT_INT }, { N_("planned_done"), 12, OUT_INT },
};

static int daily_row(const credo_visit_day *d, void *ctx)
{
	char p[16], n[16], pd[16];
	snprintf(p, sizeof p, "%d", d->planned);
	snprintf(n, sizeof n, "%d", d->done);
	snprintf(pd, sizeof pd, "%d", d->done_planned);
	const char *vals[] = { d->login, d->name, p, n, pd };
	out_row(ctx, vals);
	return 0;
}

static int visit_daily(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	struct visit_opts o = { 0 };
	int first = parse_opts(cmd, argc, argv, &o);
	if (first < 0)
		return CLI_USAGE;
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	struct out out;
	out_begin(&out, o.fmt, daily_cols, 5, stdout);
	credo_status st = credo_visit_daily(db, o.v.date, daily_row, &out);
	out_end(&out);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

int cmd_visit(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("visit");
	if (argc < 2)
		return cli_usage(cmd, "%s", _("visit needs a subcommand: add, done, list, due or daily"));
	const char *sub = argv[1];
	argc--;
	argv++;
	if (strcmp(sub, "add") == 0)
		return visit_add(g, cmd, argc, argv);
	if (strcmp(sub, "done") == 0)
		return visit_done(g, cmd, argc, argv);
	if (strcmp(sub, "list") == 0 || strcmp(sub, "due") == 0)
		return visit_list(g, cmd, argc, argv, strcmp(sub, "due") == 0);
	if (strcmp(sub, "daily") == 0)
		return visit_daily(g, cmd, argc, argv);
	return cli_usage(cmd, "%s '%s'", _("unknown visit subcommand"), sub);
}
