/* commands.h - entry points of the commands in cli_commands[]. */
#ifndef CREDO_CLI_COMMANDS_H
#define CREDO_CLI_COMMANDS_H

#include "cli.h"

int cmd_init(const struct cli_globals *g, int argc, char **argv);
int cmd_demo(const struct cli_globals *g, int argc, char **argv);
int cmd_user(const struct cli_globals *g, int argc, char **argv);
int cmd_customer(const struct cli_globals *g, int argc, char **argv);
int cmd_contact(const struct cli_globals *g, int argc, char **argv);
int cmd_visit(const struct cli_globals *g, int argc, char **argv);
int cmd_import(const struct cli_globals *g, int argc, char **argv);
int cmd_check(const struct cli_globals *g, int argc, char **argv);

#endif
