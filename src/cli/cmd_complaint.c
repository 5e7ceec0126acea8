/* cmd_complaint.c - `credo complaint add|update|close|list`. */
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
		return cli_usage(cmd, "%s: '%s'", _("a complaint ID is a positive number"), s);
	*id = v;
	return CLI_OK;
}

/* --reasonable yes|no into 1 or 0. */
static int parse_yes_no(const struct cli_command *cmd, const char *s, int *out)
{
	if (strcmp(s, "yes") == 0 || strcmp(s, "no") == 0) {
		*out = s[0] == 'y';
		return CLI_OK;
	}
	return cli_usage(cmd, "%s: '%s'", _("--reasonable must be yes or no"), s);
}

static int complaint_add(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "customer", required_argument, NULL, 'c' },
		{ "kind", required_argument, NULL, 'k' },
		{ "desc", required_argument, NULL, 'd' },
		{ "date", required_argument, NULL, 'D' },
		{ "dispute", no_argument, NULL, 'x' },
		{ "assign", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	credo_complaint_new in = { 0 };
	const char *customer = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'c': customer = optarg; break;
		case 'k': in.kind = optarg; break;
		case 'd': in.description = optarg; break;
		case 'D': in.date = optarg; break;
		case 'x': in.is_dispute = 1; break;
		case 'a': in.assigned_login = optarg; break;
		default: return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	if (!customer || !in.kind || !in.description)
		return cli_usage(cmd, "%s", _("complaint add needs --customer CODE, --kind KIND and --desc TEXT"));
	credo_db *db;
	int rc = cli_open_customer(g, customer, &db, &in.customer_id);
	if (rc)
		return rc;
	int64_t id = 0;
	credo_status st = credo_complaint_add(db, &in, &id);
	if (st)
		rc = cli_fail(db, st);
	else
		printf("%" PRId64 "\n", id);
	credo_close(db);
	return rc;
}

/* Run a change on complaint id_text and say what became of it. */
static int complaint_change(const struct cli_globals *g, const struct cli_command *cmd, const char *id_text,
			    const char *assign, const char *status, int reasonable, const char *const *close)
{
	int64_t id = 0;
	int rc = parse_id(cmd, id_text, &id);
	credo_db *db;
	if (rc || (rc = cli_open(g, 0, 1, &db)))
		return rc;
	/* close: resolution, root cause, date */
	credo_status st = close ? credo_complaint_close(db, id, close[0], close[1], reasonable, close[2])
				: credo_complaint_update(db, id, assign, status, reasonable);
	if (st)
		rc = cli_fail(db, st);
	else
		printf(close ? _("Complaint %s is closed.\n") : _("Complaint %s is updated.\n"), id_text);
	credo_close(db);
	return rc;
}

static int complaint_update(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "assign", required_argument, NULL, 'a' },
		{ "status", required_argument, NULL, 's' },
		{ "reasonable", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	const char *assign = NULL, *status = NULL;
	int reasonable = -1, c, rc;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'a': assign = optarg; break;
		case 's': status = optarg; break;
		case 'r':
			if ((rc = parse_yes_no(cmd, optarg, &reasonable)))
				return rc;
			break;
		default: return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind != argc - 1)
		return cli_usage(cmd, "%s", _("complaint update takes one ID"));
	return complaint_change(g, cmd, argv[optind], assign, status, reasonable, NULL);
}

static int complaint_close(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "resolution", required_argument, NULL, 'R' },
		{ "reasonable", required_argument, NULL, 'r' },
		{ "root-cause", required_argument, NULL, 'c' },
		{ "date", required_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 },
	};
	const char *close[3] = { NULL, NULL, NULL };	/* resolution, root cause, date */
	int reasonable = -1, c, rc;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'R': close[0] = optarg; break;
		case 'c': close[1] = optarg; break;
		case 'D': close[2] = optarg; break;
		case 'r':
			if ((rc = parse_yes_no(cmd, optarg, &reasonable)))
				return rc;
			break;
		default: return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind != argc - 1)
		return cli_usage(cmd, "%s", _("complaint close takes one ID"));
	if (!close[0] || reasonable < 0)
		return cli_usage(cmd, "%s", _("complaint close needs --resolution TEXT and --reasonable yes|no"
					      " (the credit model counts reasonable complaints)"));
	return complaint_change(g, cmd, argv[optind], NULL, NULL, reasonable, close);
}

static const struct out_col complaint_cols[] = {
	{ N_("id"), 5, OUT_INT }, { N_("date"), 10, OUT_TEXT }, { N_("customer"), 8, OUT_TEXT },
	{ N_("customer_name"), 24, OUT_TEXT }, { N_("kind"), 8, OUT_TEXT }, { N_("dispute"), 7, OUT_TEXT },
	{ N_("reasonable"), 10, OUT_TEXT }, { N_("status"), 11, OUT_TEXT }, { N_("assigned"), 10, OUT_TEXT },
	{ N_("closed"), 10, OUT_TEXT }, { N_("description"), 30, OUT_TEXT }, { N_("resolution"), 24, OUT_TEXT },
	{ N_("root_cause"), 0, OUT_TEXT },
};

static int put_complaint(const credo_complaint *m, void *ctx)
{
	char id[24];
	snprintf(id, sizeof id, "%" PRId64, m->id);
	const char *judged = m->reasonable < 0 ? NULL : m->reasonable ? "yes" : "no";
	const char *v[] = { id, m->date, m->customer_code, m->customer_name, m->kind, m->is_dispute ? "yes" : "no",
			    judged, m->status, *m->assigned_login ? m->assigned_login : NULL,
			    *m->closed_date ? m->closed_date : NULL, m->description, m->resolution, m->root_cause };
	out_row(ctx, v);
	return 0;
}

static int complaint_list(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "customer", required_argument, NULL, 'c' },
		{ "open", no_argument, NULL, 'O' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	credo_complaint_filter f = { 0 };
	const char *customer = NULL;
	enum out_format fmt = OUT_TABLE;
	int c, rc;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'c': customer = optarg; break;
		case 'O': f.open_only = 1; break;
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
	if ((rc = cli_open_customer(g, customer, &db, &f.customer_id)))
		return rc;
	struct out o;
	out_begin(&o, fmt, complaint_cols, (int)(sizeof complaint_cols / sizeof complaint_cols[0]), stdout);
	credo_status st = credo_complaint_list(db, &f, put_complaint, &o);
	out_end(&o);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

int cmd_complaint(const struct cli_globals *g, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(const struct cli_globals *, const struct cli_command *, int, char **);
	} subs[] = {
		{ "add", complaint_add }, { "update", complaint_update }, { "close", complaint_close },
		{ "list", complaint_list },
	};
	const struct cli_command *cmd = cli_find("complaint");
	if (argc < 2)
		return cli_usage(cmd, "%s", _("complaint needs a subcommand: add, update, close or list"));
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(g, cmd, argc - 1, argv + 1);
	return cli_usage(cmd, "%s '%s'", _("unknown complaint subcommand"), argv[1]);
}
