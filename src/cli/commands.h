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
int cmd_credit(const struct cli_globals *g, int argc, char **argv);
int cmd_settings(const struct cli_globals *g, int argc, char **argv);
/* `credo report credit`, also reachable as `credo credit report`. */
int report_credit(const struct cli_globals *g, int argc, char **argv);
int report_aging(const struct cli_globals *g, int argc, char **argv);
int report_provision(const struct cli_globals *g, int argc, char **argv);
int report_dso(const struct cli_globals *g, int argc, char **argv);
int report_due(const struct cli_globals *g, int argc, char **argv);
int cmd_check(const struct cli_globals *g, int argc, char **argv);
int cmd_alerts(const struct cli_globals *g, int argc, char **argv);
int cmd_collect(const struct cli_globals *g, int argc, char **argv);
int cmd_lead(const struct cli_globals *g, int argc, char **argv);
int cmd_opportunity(const struct cli_globals *g, int argc, char **argv);
int cmd_complaint(const struct cli_globals *g, int argc, char **argv);
int cmd_report(const struct cli_globals *g, int argc, char **argv);

int cmd_product(const struct cli_globals *g, int argc, char **argv);
int cmd_contract(const struct cli_globals *g, int argc, char **argv);
int cmd_invoice(const struct cli_globals *g, int argc, char **argv);
int cmd_payment(const struct cli_globals *g, int argc, char **argv);
/*
 * `credo report statement|collected`, for cmd_report to dispatch to: argv[0]
 * is the report's name ("statement"), its options and operands follow. Each
 * resets getopt itself.
 */
int report_statement(const struct cli_globals *g, int argc, char **argv);
int report_collected(const struct cli_globals *g, int argc, char **argv);
/* The management reports (cmd_report_*.c) and their commands. */
int report_scorecard(const struct cli_globals *g, int argc, char **argv);
int report_pareto(const struct cli_globals *g, int argc, char **argv);
int report_classes(const struct cli_globals *g, int argc, char **argv);
int report_targets(const struct cli_globals *g, int argc, char **argv);
int report_commission(const struct cli_globals *g, int argc, char **argv);
int cmd_classify(const struct cli_globals *g, int argc, char **argv);
int cmd_target(const struct cli_globals *g, int argc, char **argv);
int cmd_month(const struct cli_globals *g, int argc, char **argv);
int cmd_export(const struct cli_globals *g, int argc, char **argv);
#endif
