/* cmd_init.c - `credo init` and `credo demo`. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

int cmd_init(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("init");
	int shared = argc > 1 && strcmp(argv[1], "--shared") == 0;
	if (argc > 1 + shared)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[1 + shared]);
	const char *me = cli_os_login();
	if (!me) {
		fprintf(stderr, "credo: %s\n", _("cannot tell which login is running credo"));
		return CLI_PERM;
	}
	credo_db *db;
	int rc = cli_open(g, shared ? CLI_CREATE_SHARED : 1, 0, &db);
	if (rc)
		return rc;
	credo_status st = credo_init_admin(db, me, NULL);
	if (st) {
		rc = cli_fail(db, st);
	} else {
		printf(_("Created %s; %s is its first admin.\n"), g->db_path, me);
		printf(_("Next: credo -d %s user add LOGIN --role sales, or credo -d %s demo\n"),
		       g->db_path, g->db_path);
	}
	credo_close(db);
	return rc;
}

int cmd_demo(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("demo");
	static const struct option opts[] = {
		{ "size", required_argument, NULL, 's' },
		{ "seed", required_argument, NULL, 'S' },
		{ "invoices", required_argument, NULL, 'I' },
		{ NULL, 0, NULL, 0 },
	};
	credo_demo_size size = CREDO_DEMO_SMALL;
	uint32_t seed = 0;
	long long invoices = 0;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 's' && strcmp(optarg, "small") == 0) {
			size = CREDO_DEMO_SMALL;
		} else if (c == 's' && strcmp(optarg, "large") == 0) {
			size = CREDO_DEMO_LARGE;
		} else if (c == 's') {
			return cli_usage(cmd, "%s: '%s'", _("--size must be small or large"), optarg);
		} else if (c == 'S') {
			char *end;
			unsigned long v = strtoul(optarg, &end, 10);
			if (!*optarg || *end || v == 0 || v > UINT32_MAX)
				return cli_usage(cmd, "%s: '%s'", _("--seed must be a positive number"), optarg);
			seed = (uint32_t)v;
		} else if (c == 'I') {
			char *end;
			invoices = strtoll(optarg, &end, 10);
			if (!*optarg || *end || invoices < 1000 || invoices > 100000000)
				return cli_usage(cmd, "%s: '%s'", _("--invoices must be a number from 1000 to 100000000"),
						 optarg);
			size = CREDO_DEMO_LARGE;
		} else {
			return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(cmd, "%s '%s'", _("unexpected argument"), argv[optind]);
	credo_db *db;
	int rc = cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	credo_status st = credo_demo_build_sized(db, size, seed, invoices);
	if (st) {
		rc = cli_fail(db, st);
	} else {
		int64_t n = 0;
		credo_customer_count(db, NULL, &n);
		printf(_("Demo company ready in %s: %lld customers.\n"), g->db_path, (long long)n);
	}
	credo_close(db);
	return rc;
}
