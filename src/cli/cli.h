/* cli.h - what the command-line front end's files share. */
#ifndef CREDO_CLI_H
#define CREDO_CLI_H

#include <libintl.h>
#include <stdio.h>

#include "credo/credo.h"

#define _(s) gettext(s)
#define N_(s) (s)

/* Exit codes of DESIGN.md section 9. */
enum cli_exit {
	CLI_OK = 0,
	CLI_USAGE = 1,
	CLI_DATA = 2,
	CLI_PERM = 3,
	CLI_DB = 4,
};

/* Global options, parsed before the command. */
struct cli_globals {
	const char *db_path;	/* resolved: -d, CREDO_DB, XDG default */
	const char *as_login;	/* --as */
};

struct cli_command {
	const char *name;
	const char *args;	/* synopsis after the name */
	const char *summary;
	const char *help;	/* the rest of `credo NAME --help` */
	int (*run)(const struct cli_globals *g, int argc, char **argv);
};

/* The registry, terminated by a NULL name. */
extern const struct cli_command cli_commands[];

/* Print "credo: MESSAGE" to stderr and return the exit code for st. */
int cli_fail(credo_db *db, credo_status st);

/* Print a usage error for cmd to stderr and return CLI_USAGE. */
int cli_usage(const struct cli_command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Print `credo NAME --help`. */
void cli_command_help(const struct cli_command *cmd, FILE *out);

/* Find a command by name; NULL if none. */
const struct cli_command *cli_find(const char *name);

/*
 * Open the database and log in the OS user (and --as). create: make the file
 * (and its directory). login: 0 to skip the login (init). On failure prints
 * the message and returns the exit code with *out NULL.
 */
/* create == CLI_CREATE_SHARED: a new file is 0660 for its group (credo init --shared). */
#define CLI_CREATE_SHARED 2
int cli_open(const struct cli_globals *g, int create, int login, credo_db **out);

/* The OS login running the program, or NULL. */
const char *cli_os_login(void);

/* Print s padded to cells display columns (Chinese counts two). */
void cli_put_cell(FILE *out, const char *s, int cells);

/* Customer callback printing the code: for commands that report a new or changed customer. */
int cli_print_code(const credo_customer *c, void *ctx);

/*
 * Every customer in scope: the best 1000 matches of search ranked, or all of
 * them (all matches) page by page in sort order (a credo_customer_sort; -1:
 * by name, or ranked when searching); only owner's when owner is not NULL.
 */
credo_status cli_each_customer(credo_db *db, const char *search, const char *owner, int sort,
			       credo_customer_cb cb, void *ctx);

/* 1 if argv holds -h or --help before any "--". */
int cli_wants_help(int argc, char **argv);

#endif
