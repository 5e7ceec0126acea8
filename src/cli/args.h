/*
 * args.h - parsing command-line values that the core takes as numbers:
 * amounts, quantities, day counts, and "A|B|C" lists. Each parser prints
 * "credo: OPTION "TEXT": RULE" on failure and returns CLI_DATA (exit 2), so
 * a command can simply `return` what it got back; 0 means the value is set.
 */
#ifndef CREDO_CLI_ARGS_H
#define CREDO_CLI_ARGS_H

#include <stdint.h>

#include "cli.h"

/* Room for a credo_money or int64 as decimal text ("-9223372036854775808"). */
#define CLI_NUMBUF 24

/* An amount (credo_money_parse: at most two decimals, no junk) into *out. */
int cli_money_arg(const char *what, const char *text, credo_money *out);

/*
 * A quantity with at most three decimals ("2.5", "10", "0.125") into
 * thousandths, exactly (no floating point). Refuses zero, signs, separators,
 * more than three decimals and values that do not fit.
 */
int cli_qty_arg(const char *what, const char *text, int64_t *milli);

/* A whole number of days between 0 and max. */
int cli_days_arg(const char *what, const char *text, int max, int *out);

/*
 * Split s in place at each '|' into at most max fields, each trimmed of
 * surrounding blanks; returns the number of fields, or max + 1 when there
 * are more.
 */
int cli_split(char *s, char **fields, int max);

/* Thousandths as the shortest exact decimal: 2500 -> "2.5", 10000 -> "10". */
char *cli_qty_text(int64_t milli, char buf[CLI_NUMBUF]);

/* Fen as integer text, the form OUT_MONEY columns take. */
char *cli_fen(credo_money v, char buf[CLI_NUMBUF]);

/* Fen as "1,234.50" for people. */
char *cli_money_text(credo_money v, char buf[CREDO_MONEY_BUFSZ]);

/* A core lookup by human code: credo_customer_find, credo_contract_find, ... */
typedef credo_status (*cli_find_fn)(credo_db *db, const char *code, int64_t *id);

/*
 * Open the database and look code up with find. Returns 0 with *db open and
 * *id set, or the exit code after printing why (then *db is NULL).
 */
int cli_open_find(const struct cli_globals *g, cli_find_fn find, const char *code, credo_db **db, int64_t *id);

/*
 * Open the database and, when code is not NULL, find that customer in
 * scope (the customer is optional, as in list filters). Returns 0 with *db
 * open, or the exit code after printing why (then *db is NULL).
 */
int cli_open_customer(const struct cli_globals *g, const char *code, credo_db **db, int64_t *customer);

#endif
