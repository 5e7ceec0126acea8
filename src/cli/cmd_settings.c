/* cmd_settings.c - `credo settings [list] | get KEY | set KEY VALUE`. */
#include <string.h>

#include "commands.h"
#include "out.h"

static const struct out_col cols[] = {
	{ N_("key"), 34, OUT_TEXT }, { N_("value"), 30, OUT_TEXT }, { N_("default"), 30, OUT_TEXT }, { N_("what"), 40, OUT_TEXT },
};

static int row(const credo_setting *s, void *ctx)
{
	const char *v[] = { s->key, s->value, s->def, s->what };
	out_row(ctx, v);
	return 0;
}

int cmd_settings(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("settings");
	const char *sub = argc > 1 ? argv[1] : "list";
	credo_db *db;
	int rc;
	if (strcmp(sub, "list") == 0 || strcmp(sub, "--format") == 0) {
		enum out_format fmt = OUT_TABLE;
		int i = strcmp(sub, "list") == 0 ? 2 : 1;
		if (i < argc && (strcmp(argv[i], "--format") != 0 || i + 1 >= argc ||
				 out_parse_format(argv[i + 1], &fmt) != 0))
			return cli_usage(cmd, "%s", _("--format must be table, csv or json"));
		if ((rc = cli_open(g, 0, 1, &db)))
			return rc;
		struct out o;
		out_begin(&o, fmt, cols, 4, stdout);
		credo_status st = credo_setting_list(db, row, &o);
		out_end(&o);
		rc = st ? cli_fail(db, st) : CLI_OK;
	} else if (strcmp(sub, "get") == 0 && argc == 3) {
		if ((rc = cli_open(g, 0, 1, &db)))
			return rc;
		char buf[256];
		credo_status st = credo_setting_get(db, argv[2], buf, sizeof buf);
		if (st)
			rc = cli_fail(db, st);
		else
			printf("%s\n", buf);
	} else if (strcmp(sub, "set") == 0 && argc == 4) {
		if ((rc = cli_open(g, 0, 1, &db)))
			return rc;
		credo_status st = credo_setting_set(db, argv[2], argv[3]);
		if (st)
			rc = cli_fail(db, st);
		else
			printf("%s = %s\n", argv[2], argv[3]);
	} else {
		return cli_usage(cmd, "%s", _("settings [list [--format F]] | get KEY | set KEY VALUE"));
	}
	credo_close(db);
	return rc;
}
