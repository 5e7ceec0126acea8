/* cmd_month.c - `credo month close|reopen|list`: month-end close (finance). */
#include <getopt.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "out.h"

/* The list row of one month, for what close prints. */
struct month_find {
	const char *month;
	int found;
	int64_t customers;
	credo_money closing;
};

static int find_month(const credo_month *m, void *ctx)
{
	struct month_find *f = ctx;
	if (strcmp(m->month, f->month) != 0)
		return 0;
	f->found = 1;
	f->customers = m->customers;
	f->closing = m->closing;
	return 1;
}

static int month_close(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage(cmd, "%s", _("month close takes one month, YYYY-MM"));
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	credo_status st = credo_month_close(db, argv[1]);
	struct month_find f = { .month = argv[1] };
	if (st == CREDO_OK) {
		st = credo_month_list(db, find_month, &f);
		st = st == CREDO_STOP ? CREDO_OK : st;
	}
	if (st) {
		rc = cli_fail(db, st);
	} else {
		char m[CREDO_MONEY_BUFSZ];
		printf("%s %s: %lld %s, %s %s\n", _("closed"), argv[1], (long long)f.customers, _("customers"),
		       _("closing balance"), cli_money_text(f.closing, m));
	}
	credo_close(db);
	return rc;
}

static int month_reopen(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = { { "reason", required_argument, NULL, 'r' }, { NULL, 0, NULL, 0 } };
	const char *reason = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch != 'r')
			return cli_usage(cmd, "%s", _("unknown option"));
		reason = optarg;
	}
	if (optind != argc - 1 || !reason)
		return cli_usage(cmd, "%s", _("month reopen takes one month, YYYY-MM, and --reason TEXT"));
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	credo_status st = credo_month_reopen(db, argv[optind], reason);
	if (st)
		rc = cli_fail(db, st);
	else
		printf("%s %s\n", _("reopened"), argv[optind]);
	credo_close(db);
	return rc;
}

static const struct out_col month_cols[] = {
	{ N_("month"), 7, OUT_TEXT }, { N_("state"), 8, OUT_TEXT }, { N_("closed_at"), 20, OUT_TEXT }, { N_("closed_by"), 10, OUT_TEXT },
	{ N_("customers"), 9, OUT_INT }, { N_("closing"), 18, OUT_MONEY }, { N_("reopened_at"), 20, OUT_TEXT },
	{ N_("reopened_by"), 11, OUT_TEXT }, { N_("reopen_reason"), 20, OUT_TEXT },
};

static int month_row(const credo_month *m, void *ctx)
{
	char n[CLI_NUMBUF] = "", c[CLI_NUMBUF] = "";
	int closed = strcmp(m->state, "closed") == 0;
	if (closed) {
		snprintf(n, sizeof n, "%lld", (long long)m->customers);
		cli_fen(m->closing, c);
	}
	const char *v[] = { m->month, m->state, m->closed_at, m->closed_by, n, c, m->reopened_at, m->reopened_by,
			    m->reopen_reason };
	out_row(ctx, v);
	return 0;
}

static int month_list(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = { { "format", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 } };
	enum out_format fmt = OUT_TABLE;
	int ch;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1)
		if (ch != 'f' || out_parse_format(optarg, &fmt) != 0)
			return cli_usage(cmd, "%s", _("--format is table, csv or json"));
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	struct out o;
	out_begin(&o, fmt, month_cols, (int)(sizeof month_cols / sizeof month_cols[0]), stdout);
	credo_status st = credo_month_list(db, month_row, &o);
	out_end(&o);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

int cmd_month(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("month");
	if (argc < 2)
		return cli_usage(cmd, "%s", _("month needs a subcommand: close, reopen or list"));
	const char *sub = argv[1];
	argc--;
	argv++;
	if (strcmp(sub, "close") == 0)
		return month_close(g, cmd, argc, argv);
	if (strcmp(sub, "reopen") == 0)
		return month_reopen(g, cmd, argc, argv);
	if (strcmp(sub, "list") == 0)
		return month_list(g, cmd, argc, argv);
	return cli_usage(cmd, "%s '%s'", _("unknown month subcommand"), sub);
}
