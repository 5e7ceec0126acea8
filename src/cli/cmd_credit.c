/* cmd_credit.c - `credo credit ...`: files, ratings, limits, requests and decisions. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "out.h"

/* A financial figure: absent when not given. */
static int money_opt(const char *opt, const char *text, credo_money *out)
{
	return cli_money_arg(opt, text, out);
}

static int file_add(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "current-assets", required_argument, NULL, 0 }, { "current-liabilities", required_argument, NULL, 1 },
		{ "cash", required_argument, NULL, 2 }, { "total-assets", required_argument, NULL, 3 },
		{ "total-liabilities", required_argument, NULL, 4 }, { "net-assets", required_argument, NULL, 5 },
		{ "ebit", required_argument, NULL, 6 }, { "interest", required_argument, NULL, 7 },
		{ "revenue", required_argument, NULL, 8 },
		{ "reach", required_argument, NULL, 20 }, { "capital", required_argument, NULL, 21 },
		{ "brands", required_argument, NULL, 22 }, { "logistics", required_argument, NULL, 23 },
		{ "cooperation", required_argument, NULL, 24 }, { "management", required_argument, NULL, 25 },
		{ "bank-reference", required_argument, NULL, 'b' }, { "collateral", required_argument, NULL, 'c' },
		{ "liquidity", required_argument, NULL, 'l' }, { "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	credo_credit_file_new f = {
		.current_assets = CREDO_MONEY_NONE, .current_liabilities = CREDO_MONEY_NONE, .cash = CREDO_MONEY_NONE,
		.total_assets = CREDO_MONEY_NONE, .total_liabilities = CREDO_MONEY_NONE, .net_assets = CREDO_MONEY_NONE,
		.ebit = CREDO_MONEY_NONE, .interest_expense = CREDO_MONEY_NONE, .revenue = CREDO_MONEY_NONE,
	};
	credo_money *money[] = { &f.current_assets, &f.current_liabilities, &f.cash, &f.total_assets,
				 &f.total_liabilities, &f.net_assets, &f.ebit, &f.interest_expense, &f.revenue };
	int *marks[] = { &f.reach, &f.capital, &f.brands, &f.logistics, &f.cooperation, &f.management };
	int ch, idx, rc;
	while ((ch = getopt_long(argc, argv, "", opts, &idx)) != -1) {
		if (ch >= 0 && ch <= 8) {
			if ((rc = money_opt(opts[idx].name, optarg, money[ch])))
				return rc;
		} else if (ch >= 20 && ch <= 25) {
			if ((rc = cli_days_arg(opts[idx].name, optarg, 5, marks[ch - 20])))
				return rc;
		} else if (ch == 'd') {
			f.statement_date = optarg;
		} else if (ch == 'b') {
			f.bank_reference = optarg;
		} else if (ch == 'c') {
			f.collateral = optarg;
		} else if (ch == 'l') {
			f.collateral_liquidity = optarg;
		} else if (ch == 'n') {
			f.note = optarg;
		} else {
			return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind != argc - 1)
		return cli_usage(cmd, "%s", _("credit file add takes one customer CODE"));
	if (!f.statement_date)
		return cli_usage(cmd, "%s", _("credit file add needs --date (of the statements)"));
	credo_db *db;
	if ((rc = cli_open_find(g, credo_customer_find, argv[optind], &db, &f.customer_id)))
		return rc;
	int64_t id;
	credo_status st = credo_credit_file_add(db, &f, &id);
	if (st)
		rc = cli_fail(db, st);
	else
		printf("%s %lld\n", _("filed credit file"), (long long)id);
	credo_close(db);
	return rc;
}

static void print_rating(const credo_credit_rating *r, FILE *out)
{
	char a[CREDO_MONEY_BUFSZ];
	fprintf(out, "%s %d  %s %c%s\n", _("score"), r->score, _("grade"), r->grade,
		r->veto ? _("  (reputation veto: grade D whatever the score)") : "");
	for (int f = 0; f < 4; f++) {
		const credo_credit_factor *fc = &r->factors[f];
		fprintf(out, "  %-28s %s %3d  %s %6.2f%s\n", _(fc->name), _("weight"), fc->weight, _("score"),
			fc->score / 100.0, fc->has_data ? "" : _("  no data: neutral"));
		for (int i = fc->first_input; i < fc->first_input + fc->ninputs; i++) {
			const credo_credit_input *in = &r->inputs[i];
			if (!in->has_data) {
				fprintf(out, "    %-30s %s\n", _(in->name), _("no data"));
				continue;
			}
			char v[32];
			if (in->value == -1)
				snprintf(v, sizeof v, "%s", _("none owed"));
			else
				snprintf(v, sizeof v, "%lld.%03lld", (long long)(in->value / 1000),
					 (long long)llabs(in->value % 1000));
			fprintf(out, "    %-30s %12s  -> %6.2f\n", _(in->name), v, in->score / 100.0);
		}
	}
	char wc[CREDO_MONEY_BUFSZ] = "-", na[CREDO_MONEY_BUFSZ] = "-";
	if (r->working_capital != CREDO_MONEY_NONE)
		credo_money_format(r->working_capital, 1, wc, sizeof wc);
	if (r->net_assets != CREDO_MONEY_NONE)
		credo_money_format(r->net_assets, 1, na, sizeof na);
	fprintf(out, "%s: %s %s, %s %s\n", _("basis"), _("working capital"), wc, _("net assets"), na);
	char s[CREDO_MONEY_BUFSZ];
	fprintf(out, "%s: %d%% x %s = %s  (%s %d %s)\n%s: %s\n", _("suggested limit"), r->policy_pct,
		credo_money_format(r->basis, 1, a, sizeof a), credo_money_format(r->suggested, 1, s, sizeof s),
		_("payment term"), r->policy_term, _("days"), _("next review"), r->next_review);
}

static int rate(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv, int store)
{
	if (argc != 2)
		return cli_usage(cmd, "%s", _("name one customer CODE"));
	credo_db *db;
	int64_t id;
	int rc = cli_open_find(g, credo_customer_find, argv[1], &db, &id);
	if (rc)
		return rc;
	credo_credit_rating r;
	credo_status st = store ? credo_credit_rate(db, id, &r, NULL) : credo_credit_evaluate(db, id, NULL, &r);
	if (st)
		rc = cli_fail(db, st);
	else
		print_rating(&r, stdout);
	credo_close(db);
	return rc;
}

static int print_event(const credo_credit_event *e, void *ctx)
{
	fprintf(ctx, "  %.10s  %-8s %-10s %s\n", e->date, e->what, e->who, e->text);
	return 0;
}

static int show(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage(cmd, "%s", _("name one customer CODE"));
	credo_db *db;
	int64_t id;
	int rc = cli_open_find(g, credo_customer_find, argv[1], &db, &id);
	if (rc)
		return rc;
	credo_credit_status s;
	credo_status st = credo_credit_status_of(db, id, &s);
	if (st == CREDO_OK) {
		char l[CREDO_MONEY_BUFSZ], e[CREDO_MONEY_BUFSZ], a[CREDO_MONEY_BUFSZ];
		printf("%s %s  %s %d\n", _("grade"), s.grade ? (char[]){ s.grade, 0 } : "-", _("score"), s.score);
		printf("%s %s  %s %s  %s %s  (%d%%)\n", _("limit"),
		       s.has_limit ? credo_money_format(s.limit, 1, l, sizeof l) : _("none"), _("exposure"),
		       credo_money_format(s.exposure, 1, e, sizeof e), _("available"),
		       credo_money_format(s.available, 1, a, sizeof a), s.utilisation);
		if (s.on_hold)
			printf("%s: %s %d %s\n", _("CREDIT HOLD"), _("an invoice is"), s.max_days_overdue,
			       _("days overdue"));
		if (s.veto)
			printf("%s\n", _("REPUTATION VETO: no sale on credit"));
		printf("%s %s\n\n%s:\n", _("next review"), *s.next_review ? s.next_review : "-", _("history"));
		st = credo_credit_history(db, id, print_event, stdout);
	}
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

static int parse_kind(const struct cli_command *cmd, const char *until, const char *contract, credo_limit_kind *k)
{
	if (until && contract)
		return cli_usage(cmd, "%s", _("a limit is temporary (--temporary-until) or one-off (--contract), not both"));
	*k = until ? CREDO_LIMIT_TEMPORARY : contract ? CREDO_LIMIT_ONE_OFF : CREDO_LIMIT_STANDING;
	return 0;
}

/* request CODE --amount A --reason T [--temporary-until D | --contract C]; limit CODE --amount A [...] [--note T] */
static int limit_or_request(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv,
			    int request)
{
	static const struct option opts[] = {
		{ "amount", required_argument, NULL, 'a' }, { "reason", required_argument, NULL, 'r' },
		{ "note", required_argument, NULL, 'n' }, { "temporary-until", required_argument, NULL, 't' },
		{ "contract", required_argument, NULL, 'c' }, { NULL, 0, NULL, 0 },
	};
	const char *amount = NULL, *text = NULL, *until = NULL, *contract = NULL;
	int ch, rc;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'a': amount = optarg; break;
		case 'r': case 'n': text = optarg; break;
		case 't': until = optarg; break;
		case 'c': contract = optarg; break;
		default: return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	if (optind != argc - 1 || !amount)
		return cli_usage(cmd, "%s", _("name one customer CODE and --amount"));
	credo_limit_kind kind = CREDO_LIMIT_STANDING;
	credo_money money;
	if ((rc = parse_kind(cmd, until, contract, &kind)) || (rc = cli_money_arg("--amount", amount, &money)))
		return rc;
	credo_db *db;
	int64_t customer, contract_id = 0, id = 0;
	if ((rc = cli_open_find(g, credo_customer_find, argv[optind], &db, &customer)))
		return rc;
	credo_status st = contract ? credo_contract_find(db, contract, &contract_id) : CREDO_OK;
	if (st == CREDO_OK && request) {
		credo_credit_request_new r = { .customer_id = customer, .amount = money, .kind = kind,
					       .expires = until, .contract_id = contract_id, .reason = text };
		st = credo_credit_request(db, &r, &id);
		if (st == CREDO_OK)
			printf("%s %lld\n", _("filed credit request"), (long long)id);
	} else if (st == CREDO_OK) {
		credo_limit_new l = { .customer_id = customer, .amount = money, .kind = kind, .expires = until,
				      .contract_id = contract_id, .note = text };
		st = credo_credit_limit_set(db, &l, &id);
		if (st == CREDO_OK)
			printf("%s %s\n", argv[optind], _("limit set"));
	}
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

/* approve|reject|dispute|decide REQUEST [--amount A] [--note T] [--approve|--reject] */
static int decision(const struct cli_globals *g, const struct cli_command *cmd, const char *sub, int argc,
		    char **argv)
{
	static const struct option opts[] = {
		{ "amount", required_argument, NULL, 'a' }, { "note", required_argument, NULL, 'n' },
		{ "approve", no_argument, NULL, 'y' }, { "reject", no_argument, NULL, 'x' }, { NULL, 0, NULL, 0 },
	};
	const char *note = NULL;
	credo_money amount = 0;
	int yes = 0, no = 0, ch, rc;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'a') {
			if ((rc = cli_money_arg("--amount", optarg, &amount)))
				return rc;
			if (amount <= 0) {
				fprintf(stderr, "credo: --amount \"%s\": %s\n", optarg, _("an approved limit must be more than zero"));
				return CLI_DATA;
			}
		} else if (ch == 'n') {
			note = optarg;
		} else if (ch == 'y') {
			yes = 1;
		} else if (ch == 'x') {
			no = 1;
		} else {
			return cli_usage(cmd, "%s", _("unknown option"));
		}
	}
	char *end = NULL;
	long long id = optind == argc - 1 ? strtoll(argv[optind], &end, 10) : 0;
	if (id <= 0 || *end)
		return cli_usage(cmd, "%s", _("name one credit request by its number"));
	int deciding = strcmp(sub, "decide") == 0;
	if (deciding && yes == no)
		return cli_usage(cmd, "%s", _("decide needs --approve or --reject"));
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	credo_status st = strcmp(sub, "approve") == 0 ? credo_credit_approve(db, id, amount, note)
			  : strcmp(sub, "reject") == 0	 ? credo_credit_reject(db, id, note)
			  : strcmp(sub, "dispute") == 0	 ? credo_credit_dispute(db, id, note)
							 : credo_credit_decide(db, id, yes, amount, note);
	/* Say what happened: a disputed request is not decided, it waits for the general manager. */
	int approved = strcmp(sub, "approve") == 0 || (deciding && yes);
	if (st)
		rc = cli_fail(db, st);
	else if (strcmp(sub, "dispute") == 0)
		printf(_("credit request #%lld disputed: it goes to the general manager\n"), id);
	else
		printf(approved ? _("credit request #%lld approved\n") : _("credit request #%lld rejected\n"), id);
	credo_close(db);
	return rc;
}

static const struct out_col request_cols[] = {
	{ N_("id"), 4, OUT_INT }, { N_("customer"), 8, OUT_TEXT }, { N_("name"), 24, OUT_TEXT }, { N_("kind"), 9, OUT_TEXT },
	{ N_("amount"), 14, OUT_MONEY }, { N_("suggested"), 14, OUT_MONEY }, { N_("grade"), 5, OUT_TEXT },
	{ N_("state"), 9, OUT_TEXT }, { N_("by"), 9, OUT_TEXT }, { N_("approved"), 14, OUT_MONEY }, { N_("reason"), 20, OUT_TEXT },
};

static int request_row(const credo_credit_request_row *r, void *ctx)
{
	char id[CLI_NUMBUF], a[CLI_NUMBUF], s[CLI_NUMBUF] = "", ap[CLI_NUMBUF] = "";
	snprintf(id, sizeof id, "%lld", (long long)r->id);
	cli_fen(r->amount, a);
	if (r->suggested != CREDO_MONEY_NONE)
		cli_fen(r->suggested, s);
	if (r->approved != CREDO_MONEY_NONE)
		cli_fen(r->approved, ap);
	const char *v[] = { id, r->customer_code, r->customer_name, r->kind, a, s, r->grade, r->state,
			    r->requester, ap, r->reason };
	out_row(ctx, v);
	return 0;
}

static int requests(const struct cli_globals *g, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "open", no_argument, NULL, 'o' }, { "customer", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 },
	};
	enum out_format fmt = OUT_TABLE;
	const char *customer = NULL;
	int open = 0, ch, rc;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'o')
			open = 1;
		else if (ch == 'c')
			customer = optarg;
		else if (ch == 'f' && out_parse_format(optarg, &fmt) == 0)
			continue;
		else
			return cli_usage(cmd, "%s", _("unknown option or --format not table, csv or json"));
	}
	credo_db *db;
	int64_t id = 0;
	rc = customer ? cli_open_find(g, credo_customer_find, customer, &db, &id) : cli_open(g, 0, 1, &db);
	if (rc)
		return rc;
	struct out o;
	out_begin(&o, fmt, request_cols, 11, stdout);
	credo_status st = credo_credit_requests(db, id, open, request_row, &o);
	out_end(&o);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}

int cmd_credit(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("credit");
	if (argc < 2)
		return cli_usage(cmd, "%s", _("credit needs a subcommand"));
	const char *sub = argv[1];
	if (strcmp(sub, "file") == 0) {
		if (argc < 3 || strcmp(argv[2], "add") != 0)
			return cli_usage(cmd, "%s", _("credit file add CODE --date DATE ..."));
		return file_add(g, cmd, argc - 2, argv + 2);
	}
	argc--;
	argv++;
	if (strcmp(sub, "rate") == 0 || strcmp(sub, "evaluate") == 0)
		return rate(g, cmd, argc, argv, strcmp(sub, "rate") == 0);
	if (strcmp(sub, "show") == 0)
		return show(g, cmd, argc, argv);
	if (strcmp(sub, "request") == 0 || strcmp(sub, "limit") == 0)
		return limit_or_request(g, cmd, argc, argv, strcmp(sub, "request") == 0);
	if (strcmp(sub, "approve") == 0 || strcmp(sub, "reject") == 0 || strcmp(sub, "dispute") == 0 ||
	    strcmp(sub, "decide") == 0)
		return decision(g, cmd, sub, argc, argv);
	if (strcmp(sub, "requests") == 0)
		return requests(g, cmd, argc, argv);
	if (strcmp(sub, "report") == 0)
		return report_credit(g, argc, argv);
	return cli_usage(cmd, "%s '%s'", _("unknown credit subcommand"), sub);
}

static const struct out_col report_cols[] = {
	{ N_("code"), 8, OUT_TEXT }, { N_("name"), 26, OUT_TEXT }, { N_("owner"), 9, OUT_TEXT }, { N_("grade"), 5, OUT_TEXT },
	{ N_("score"), 5, OUT_INT }, { N_("limit"), 14, OUT_MONEY }, { N_("exposure"), 14, OUT_MONEY },
	{ N_("available"), 14, OUT_MONEY }, { N_("used_pct"), 8, OUT_INT }, { N_("hold"), 4, OUT_TEXT }, { N_("review"), 10, OUT_TEXT },
};

static int report_row(const credo_credit_row *r, void *ctx)
{
	char grade[2] = { r->st.grade ? r->st.grade : '-', 0 }, score[CLI_NUMBUF], l[CLI_NUMBUF] = "", e[CLI_NUMBUF],
	     a[CLI_NUMBUF] = "", u[CLI_NUMBUF] = "";
	snprintf(score, sizeof score, "%d", r->st.score);
	cli_fen(r->st.exposure, e);
	if (r->st.has_limit) {
		cli_fen(r->st.limit, l);
		cli_fen(r->st.available, a);
		snprintf(u, sizeof u, "%d", r->st.utilisation);
	}
	const char *v[] = { r->code, r->name, r->owner, grade, r->st.grade ? score : "", l, e, a, u,
			    r->st.on_hold ? "HOLD" : "", r->st.next_review };
	out_row(ctx, v);
	return 0;
}

int report_credit(const struct cli_globals *g, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("credit");
	static const struct option opts[] = {
		{ "grade", required_argument, NULL, 'g' }, { "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum out_format fmt = OUT_TABLE;
	char grade = 0;
	int ch, rc;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'g' && strlen(optarg) == 1 && optarg[0] >= 'A' && optarg[0] <= 'D')
			grade = optarg[0];
		else if (ch == 'f' && out_parse_format(optarg, &fmt) == 0)
			continue;
		else
			return cli_usage(cmd, "%s", _("--grade is A, B, C or D; --format table, csv or json"));
	}
	credo_db *db;
	if ((rc = cli_open(g, 0, 1, &db)))
		return rc;
	struct out o;
	out_begin(&o, fmt, report_cols, 11, stdout);
	credo_status st = credo_credit_report(db, grade, report_row, &o);
	out_end(&o);
	if (st)
		rc = cli_fail(db, st);
	credo_close(db);
	return rc;
}
