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
	{ .name = "customer",
	  .args = "add --name TEXT [--FIELD VALUE ...] | list [--search TEXT] [--owner LOGIN] [--format F]"
		  " | show CODE | edit CODE --FIELD VALUE ... | assign CODE --owner LOGIN [--reason TEXT]"
		  " | status CODE STATUS [--note TEXT] | reputation CODE good|bad --reason TEXT",
	  .run = cmd_customer, .summary = "add, list, show and change customers",
	  .help = "Fields: --code --name --short-name --type (end_customer, distributor, partner)\n"
		  "  --category --industry --region --address --phone --tax-id --bank --bank-account\n"
		  "  --legal-rep --since DATE --notes, and --owner LOGIN when adding.\n"
		  "add prints the new customer's code (from the code.customer pattern unless --code).\n"
		  "list --search finds code, name, short name, phones and contact names; Chinese\n"
		  "  substrings too. --format table|csv|json.\n"
		  "status moves along prospect -> evaluated -> active -> at_risk -> lost -> won_back;\n"
		  "  evaluating needs the evaluation as --note. assign is for sales managers,\n"
		  "  reputation for the credit manager. Salespeople see only their own customers.\n" },
	{ .name = "contact", .args = "add --customer CODE --name TEXT [--title T] [--dept D] [--phone P]"
		  " [--email E] [--role R] [--notes N] | list --customer CODE [--format F]",
	  .run = cmd_contact, .summary = "people at a customer",
	  .help = "Roles: decision_maker, purchasing, finance, insider, other.\n" },
	{ .name = "visit", .args = "add (--customer CODE | --lead CODE) [--date DATE] [--kind KIND] --notes TEXT"
		  " [--purpose T] [--outcome T] [--next-step T] [--next-date DATE] [--contact NAME] [--planned]"
		  " | done ID --notes TEXT [--date DATE] [--next-date DATE] | list [--customer CODE] [--user LOGIN]"
		  " [--from DATE] [--to DATE] [--format F] | due [--date DATE] | daily [--date DATE]",
	  .run = cmd_visit, .summary = "log visits and calls, follow-ups, the daily report",
	  .help = "Kinds: visit, phone, email, meeting, credit_visit. --date defaults to today.\n"
		  "A visit that took place must record what was found (--notes) or its --outcome.\n"
		  "--planned records a plan instead; 'visit done' completes it.\n"
		  "due lists planned visits and follow-ups that are due; daily shows planned vs done\n"
		  "per salesperson.\n" },
	{ .name = "import", .args = "customers|contacts FILE.csv [--dry-run]", .run = cmd_import,
	  .summary = "import customers or contacts from CSV, all or nothing",
	  .help = "The first row names the columns: for customers code, name, short_name, type,\n"
		  "  category, industry, region, address, phone, tax_id, bank, bank_account,\n"
		  "  legal_rep, owner, since, notes (name is required); for contacts customer\n"
		  "  (the customer's code), name, title, department, phone, email, role, notes.\n"
		  "  The Chinese labels (名称, 电话, ...) work too. UTF-8, with or without BOM.\n"
		  "If any row is bad nothing is imported and every bad row is listed with its\n"
		  "line number; exit status 2. --dry-run checks and writes nothing.\n" },
	/* leads, opportunities, complaints */
	/* end of leads, opportunities, complaints */
	{ .name = NULL },
};
