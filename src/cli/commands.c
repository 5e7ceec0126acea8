/* commands.c - the registry of commands; each lives in its own cmd_*.c. */
#include "cli.h"
#include "commands.h"

const struct cli_command cli_commands[] = {
	{ .name = "init", .args = "", .run = cmd_init,
	  .summary = "create a database; the login running it becomes the first admin",
	  .help = "Creates the database file (and its directory) with the current schema.\n"
		  "Refuses a database that already has users.\n" },
	{ .name = "demo", .args = "[--size small|large] [--seed N]", .run = cmd_demo,
	  .summary = "fill a fresh database with a believable demo company",
	  .help = "Options:\n"
		  "  --size small   about 240 customers (default)\n"
		  "  --size large   100,000 customers, for benchmarks\n"
		  "  --seed N       a different but reproducible company\n"
		  "Run by an admin on a database made with 'credo init'.\n" },
	{ .name = "user", .args = "add LOGIN --role ROLE [--name TEXT] [--dept TEXT] | list | set-role LOGIN ROLE",
	  .run = cmd_user, .summary = "manage users and their roles",
	  .help = "Roles: sales, sales_manager, credit, finance, gm, admin.\n"
		  "Only an admin adds users or changes roles; anyone may list them.\n" },
	{ .name = "check", .args = "", .run = cmd_check,
	  .summary = "verify the database file, its foreign keys and the audit chain",
	  .help = "Exits 0 when all hold. Otherwise exits 4 and names the first bad audit row,\n"
		  "for example after someone edited the file with another program.\n" },
	/* leads, opportunities, complaints */
	/* end of leads, opportunities, complaints */
	{ .name = NULL },
};
