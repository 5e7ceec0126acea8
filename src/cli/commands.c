/* commands.c - the registry of commands; each lives in its own cmd_*.c. */
#include "cli.h"
#include "commands.h"

const struct cli_command cli_commands[] = {
	{ .name = "init", .args = "[--shared]", .run = cmd_init,
	  .summary = N_("create a database; the login running it becomes the first admin"),
	  .help = N_("Creates the database file (and its directory) with the current schema.\n"
		  "Refuses a database that already has users. The file is readable by its\n"
		  "owner only (mode 0600); --shared makes it 0660 so a team's group shares it\n"
		  "(create it in a setgid directory of that group).\n") },
	{ .name = "demo", .args = "[--size small|large] [--seed N] [--invoices N]", .run = cmd_demo,
	  .summary = N_("fill a fresh database with a believable demo company"),
	  .help = N_("Options:\n"
		  "  --size small   about 240 customers (default)\n"
		  "  --size large   100,000 customers, a million invoices over three years, for benchmarks\n"
		  "  --invoices N   a large company of N invoices (N/10 customers)\n"
		  "  --seed N       a different but reproducible company\n"
		  "Run by an admin on a database made with 'credo init'.\n") },
	{ .name = "user", .args = "add LOGIN --role ROLE [--name TEXT] [--dept TEXT] | list | set-role LOGIN ROLE",
	  .run = cmd_user, .summary = N_("manage users and their roles"),
	  .help = N_("Roles: sales, sales_manager, credit, finance, gm, admin.\n"
		  "Only an admin adds users or changes roles; anyone may list them.\n") },
	{ .name = "check", .args = "", .run = cmd_check,
	  .summary = N_("verify the database file, its foreign keys and the audit chain"),
	  .help = N_("Exits 0 when all hold. Otherwise exits 4 and names the first bad audit row,\n"
		  "for example after someone edited the file with another program.\n") },
	{ .name = "backup", .args = "FILE", .run = cmd_backup,
	  .summary = N_("copy the database to FILE while others keep working (admin, finance)"),
	  .help = N_("Uses SQLite's online backup: one consistent snapshot, written to a temporary\n"
		  "name beside FILE and renamed into place when complete. FILE gets mode 0600.\n"
		  "Check a backup with: credo -d FILE check\n") },
	{ .name = "restore", .args = "FILE", .run = cmd_restore,
	  .summary = N_("replace the database's content with the backup FILE (admin)"),
	  .help = N_("FILE must pass credo check and be no newer than this program. The copy runs\n"
		  "under the database's locks: other sessions see the old or the new content,\n"
		  "never a mix. The restore is recorded in the restored audit log.\n") },
	{ .name = "customer",
	  .args = "add --name TEXT [--FIELD VALUE ...] | list [--search TEXT] [--owner LOGIN]"
		  " [--sort name|code|overdue|utilisation] [--format F]"
		  " | show CODE | edit CODE --FIELD VALUE ... | assign CODE --owner LOGIN [--reason TEXT]"
		  " | status CODE STATUS [--note TEXT] | reputation CODE good|bad --reason TEXT",
	  .run = cmd_customer, .summary = N_("add, list, show and change customers"),
	  .help = N_("Fields: --code --name --short-name --type (end_customer, distributor, partner)\n"
		  "  --category --industry --region --address --phone --tax-id --bank --bank-account\n"
		  "  --legal-rep --since DATE --notes, and --owner LOGIN when adding.\n"
		  "add prints the new customer's code (from the code.customer pattern unless --code).\n"
		  "list --search finds code, name, short name, phones and contact names; Chinese\n"
		  "  substrings too. --format table|csv|json.\n"
		  "list --sort overdue puts who owes most past due first; --sort utilisation who\n"
		  "  has used most of the credit limit (exposure without a limit first, customers\n"
		  "  with neither last); both show overdue, exposure, limit and the share used.\n"
		  "status moves along prospect -> evaluated -> active -> at_risk -> lost -> won_back;\n"
		  "  evaluating needs the evaluation as --note. assign is for sales managers,\n"
		  "  reputation for the credit manager. Salespeople see only their own customers.\n") },
	{ .name = "contact", .args = "add --customer CODE --name TEXT [--title T] [--dept D] [--phone P]"
		  " [--email E] [--role R] [--notes N] | list --customer CODE [--format F]",
	  .run = cmd_contact, .summary = N_("people at a customer"),
	  .help = N_("Roles: decision_maker, purchasing, finance, insider, other.\n") },
	{ .name = "visit", .args = "add (--customer CODE | --lead CODE) [--date DATE] [--kind KIND] --notes TEXT"
		  " [--purpose T] [--outcome T] [--next-step T] [--next-date DATE] [--contact NAME] [--planned]"
		  " | done ID --notes TEXT [--date DATE] [--next-date DATE] | list [--customer CODE] [--user LOGIN]"
		  " [--from DATE] [--to DATE] [--format F] | due [--date DATE] | daily [--date DATE]",
	  .run = cmd_visit, .summary = N_("log visits and calls, follow-ups, the daily report"),
	  .help = N_("Kinds: visit, phone, email, meeting, credit_visit. --date defaults to today.\n"
		  "A visit that took place must record what was found (--notes) or its --outcome.\n"
		  "--planned records a plan instead; 'visit done' completes it.\n"
		  "due lists planned visits and follow-ups that are due; daily shows planned vs done\n"
		  "per salesperson.\n") },
	{ .name = "import", .args = "customers|contacts|invoices|payments FILE.csv [--dry-run]", .run = cmd_import,
	  .summary = N_("import customers, contacts, invoices or payments from CSV, all or nothing"),
	  .help = N_("The first row names the columns: for customers code, name, short_name, type,\n"
		  "  category, industry, region, address, phone, tax_id, bank, bank_account,\n"
		  "  legal_rep, owner, since, notes (name is required); for contacts customer\n"
		  "  (the customer's code), name, title, department, phone, email, role, notes;\n"
		  "  for invoices code, customer, contract, date, due_date, amount (negative: a\n"
		  "  credit note), notes; for payments code, customer, date, amount, method,\n"
		  "  reference (payments apply to the oldest due invoices).\n"
		  "  The Chinese labels (名称, 电话, ...) work too. UTF-8, with or without BOM.\n"
		  "If any row is bad nothing is imported and every bad row is listed with its\n"
		  "line number; exit status 2. --dry-run checks and writes nothing.\n") },
	/* sales ledger: products, contracts, invoices, payments */
	{ .name = "product", .run = cmd_product,
	  .args = "add --name TEXT [--code C] [--model M] [--spec S] [--unit U] [--price MONEY]"
		  " | list [--search TEXT] [--format table|csv|json]",
	  .summary = N_("the product list contracts are written against"),
	  .help = N_("add prints the new product's code (from the code.product pattern unless --code).\n"
		  "list --search matches code, name or model. Sales managers and finance keep the list.\n") },
	{ .name = "contract", .run = cmd_contract,
	  .args = "add --customer CODE [--code CODE] --sign-date DATE [--start DATE] [--end DATE] [--term DAYS]"
		  " [--collateral TEXT] [--owner LOGIN] --line \"PRODUCT|QTY|UNIT_PRICE\" ..."
		  " [--plan \"DATE|AMOUNT[|NOTE]\" ...]"
		  " | activate CODE [--override REASON] | complete CODE | terminate CODE --reason TEXT"
		  " | log CODE --note TEXT [--date DATE] | show CODE"
		  " | list [--customer CODE] [--status S] [--format table|csv|json]",
	  .summary = N_("sales contracts: goods lines, settlement plan, execution log"),
	  .help = N_("  add       drafts a contract and prints its code. Each --line is one goods line:\n"
		  "            PRODUCT is a product code (its name, model and spec fill the line), or, when\n"
		  "            no product has that code, the description of the goods; QTY has at most\n"
		  "            three decimals (2.5); UNIT_PRICE at most two. The contract amount is the sum\n"
		  "            of qty x price, each rounded to the fen. A --plan row is a settlement date\n"
		  "            and amount; the plan must add up to the contract amount exactly. --term is\n"
		  "            the payment term in days (default: the customer's, else ledger.default_term_days).\n"
		  "  activate  a draft becomes active (this runs the credit check) and can be invoiced\n"
		  "  complete  an active contract is done; terminate ends a draft or active one\n"
		  "  log       adds to the execution log (执行进展); --date defaults to today\n"
		  "  show      header, lines, plan, log, invoices, and what is invoiced and collected\n"
		  "Salespeople draft and run their own customers' contracts; statuses are draft,\n"
		  "active, completed, terminated.\n") },
	{ .name = "invoice", .run = cmd_invoice,
	  .args = "add --customer CODE --date DATE --amount AMOUNT [--due DATE] [--contract CODE] [--code CODE]"
		  " [--notes TEXT] [--override REASON]"
		  " | credit-note --customer CODE --date DATE --amount AMOUNT --reason TEXT [--against INVOICE]"
		  " [--code CODE] | list [--customer CODE] [--contract CODE] [--open] [--format table|csv|json]",
	  .summary = N_("invoices and credit notes (finance)"),
	  .help = N_("  add          prints the invoice's code. The due date defaults to the date plus the\n"
		  "               contract's payment term, else the customer's, else ledger.default_term_days.\n"
		  "               An invoice on a contract needs the contract active and cannot exceed what\n"
		  "               is left to invoice on it. Customer credit (unapplied payments and credit\n"
		  "               notes) pays the new invoice at once.\n"
		  "  credit-note  reduces what the customer owes: applied to --against INVOICE, else to the\n"
		  "               oldest due open invoices; what is left stays as customer credit.\n"
		  "  list         oldest due first; --open only what is still open.\n"
		  "Amounts have at most two decimals; dates are YYYY-MM-DD and not after today.\n") },
	{ .name = "payment", .run = cmd_payment,
	  .args = "add --customer CODE --date DATE --amount AMOUNT [--code CODE] [--method M] [--ref TEXT]"
		  " [--apply INVOICE=AMOUNT ...] | reverse CODE --reason TEXT [--date DATE]"
		  " | list [--customer CODE] [--from DATE] [--to DATE] [--format table|csv|json] | show CODE",
	  .summary = N_("payments received and what they paid (finance)"),
	  .help = N_("  add      prints the payment's code, each invoice it was applied to, and what is\n"
		  "           left as customer credit. Without --apply it pays the oldest due invoices\n"
		  "           first; what is left pays later invoices automatically. A payment cannot\n"
		  "           exceed what the customer owes plus the ledger.max_advance setting.\n"
		  "           Methods: transfer (default), cash, cheque, acceptance, other.\n"
		  "  reverse  undoes a payment entered by mistake: it stays on file marked reversed and\n"
		  "           the invoices it paid reopen. --date defaults to today.\n"
		  "  show     the payment and its allocations\n") },
	{ .name = "credit",
	  .args = "file add CODE --date DATE [--current-assets A ...] | evaluate CODE | rate CODE | show CODE"
		  " | request CODE --amount A --reason T [--temporary-until D | --contract C]"
		  " | approve REQ [--amount A] [--note T] | reject REQ --note T | dispute REQ --note T"
		  " | decide REQ --approve|--reject [--amount A] --note T"
		  " | limit CODE --amount A [--temporary-until D | --contract C] [--note T]"
		  " | requests [--open] [--customer CODE] [--format F] | report [--grade G] [--format F]",
	  .run = cmd_credit, .summary = N_("credit files, ratings, limits, requests and decisions"),
	  .help = N_("File figures: --current-assets --current-liabilities --cash --total-assets\n"
		  "  --total-liabilities --net-assets --ebit --interest --revenue (amounts), the 1-5\n"
		  "  marks --reach --capital --brands --logistics --cooperation --management, and\n"
		  "  --bank-reference --collateral --liquidity --note.\n"
		  "evaluate shows the scorecard without storing it; rate stores it (credit manager).\n"
		  "Salespeople request limits; the credit manager approves, rejects or disputes;\n"
		  "the general manager decides disputed requests. See docs/credit-model.md.\n") },
	{ .name = "settings", .args = "[list [--format F]] | get KEY | set KEY VALUE", .run = cmd_settings,
	  .summary = N_("show and change settings (credit policy, codes, terms)"),
	  .help = N_("Changing the credit policy is refused when a riskier grade would get more.\n") },
	/* month close and the receivables workbook (finance) */
	{ .name = "month", .run = cmd_month,
	  .args = "close YYYY-MM | reopen YYYY-MM --reason TEXT | list [--format table|csv|json]",
	  .summary = N_("close a month: freeze its balances, aging and lists (finance)"),
	  .help = N_("  close   freezes, for every customer with a balance, an open item or an entry in the\n"
		  "          month, the opening balance, what was invoiced and received, the closing\n"
		  "          balance and its aging on the month's last day, with the open items, receipts\n"
		  "          and alerts of that day. 'credo export receivables' of a closed month reads\n"
		  "          these, so the workbook never changes. Months close in order, once each, after\n"
		  "          they end; invoices, credit notes, payments and reversals dated in a closed\n"
		  "          month (or before it) are refused.\n"
		  "  reopen  discards the snapshot so entries dated in the month are accepted again; the\n"
		  "          latest closed month reopens first, and the reason is kept in the audit log.\n"
		  "  list    every month with entries: open, closed or reopened, who closed it, and the\n"
		  "          closed snapshot's customers and closing balance.\n") },
	{ .name = "export", .run = cmd_export,
	  .args = "receivables --month YYYY-MM -o FILE [--format xlsx|csv]",
	  .summary = N_("the month's receivables workbook for finance (Excel or CSV)"),
	  .help = N_("Sheets: Summary (per customer: opening, invoiced, received, closing, aging buckets,\n"
		  "overdue, provision), Open items, Received and Alerts at the month's last day, each\n"
		  "with a totals row (=SUM formulas). A closed month is read from its snapshot and never\n"
		  "changes; a month not yet closed is computed live as of its last day.\n"
		  "--format csv (the default when FILE ends in .csv) writes one CSV file per sheet:\n"
		  "FILE less its .csv or .xlsx, then -summary.csv, -open-items.csv, -received.csv,\n"
		  "-alerts.csv; UTF-8 with a byte-order mark, amounts like 1234.50, no totals rows.\n"
		  "For finance, credit, managers, the general manager and admins.\n") },
	{ .name = "alerts", .args = "[--as-of DATE] [--for LOGIN] [--rules] [--format table|csv|json]", .run = cmd_alerts,
	  .summary = N_("what needs attention: overdue money, limits, reviews, idle leads, follow-ups"),
	  .help = N_("Most severe first (critical, warning, info), then the oldest date. Each alert names\n"
		  "its rule, the customer, the item, the amount, who should act, and why.\n"
		  "  --as-of DATE   the alerts as they stood on that day (default today)\n"
		  "  --for LOGIN    only the alerts LOGIN is responsible for\n"
		  "  --rules        the rules with their on/off state and thresholds\n"
		  "A salesperson sees the alerts about its own customers and leads. Each rule is\n"
		  "switched with the setting alert.RULE.on (1/0); its thresholds are alert.RULE.*\n"
		  "settings. Overdue invoices escalate: 1 reminder (1 day), 2 call (30), 3 statement\n"
		  "and visit (60), 4 stop supply (90), 5 legal (180); a disputed invoice stays at its\n"
		  "step until the dispute is resolved ('credo collect resolve').\n") },
	{ .name = "collect", .run = cmd_collect,
	  .args = "list [--as-of DATE] [--for LOGIN] [--format F]"
		  " | log (INVOICE | --customer CODE) --kind KIND [--outcome TEXT] [--promise AMOUNT --promise-date DATE]"
		  " [--date DATE] | assign (INVOICE | --customer CODE) --to LOGIN"
		  " | dispute INVOICE --note TEXT [--date DATE] | resolve INVOICE --note TEXT [--date DATE]"
		  " | history (INVOICE | --customer CODE) [--format F]",
	  .summary = N_("chase overdue money: the worklist, actions, promises, disputes, collectors"),
	  .help = N_("  list     open overdue invoices, highest rank first: rank = open amount (fen) x days\n"
		  "           overdue x risk, where risk is the collection.risk.A..D setting of the\n"
		  "           customer's grade (A 1, B 2, C 3, D or unrated 4). Shows the escalation\n"
		  "           step, the last action, the latest promise and what to do next.\n"
		  "           --for LOGIN: one collector's items.\n"
		  "  log      records what was done: kinds reminder, call, statement, visit, stop_supply,\n"
		  "           legal, acknowledgement, dispute, promise (needs --promise AMOUNT and\n"
		  "           --promise-date). --date defaults to today and cannot be later.\n"
		  "  assign   names the collector of an invoice, or of all open invoices of a customer\n"
		  "           (finance and credit managers)\n"
		  "  dispute  marks an invoice disputed: its escalation pauses at its current step\n"
		  "  resolve  ends the dispute; escalation resumes at the step the invoice's age gives\n"
		  "  history  the actions on an invoice or a customer, newest first\n"
		  "The limitation period (诉讼时效, alert.limitation.years) restarts with each demand\n"
		  "(reminder, call, statement, visit, legal) or acknowledgement/promise on the invoice.\n") },
	/* leads, opportunities, complaints */
	{ .name = "lead", .run = cmd_lead,
	  .args = "add --company TEXT [--contact TEXT] [--phone TEXT] [--email TEXT] [--source TEXT]"
		  " [--owner LOGIN] [--notes TEXT] | list [--status S|all] [--owner LOGIN] [--search TEXT]"
		  " [--format table|csv|json] | status CODE STATUS | convert CODE",
	  .summary = N_("work leads (companies that might buy) and turn them into customers"),
	  .help = N_("  add      prints the new lead's code; a salesperson owns its own leads\n"
		  "  list     leads still being worked (new, contacted, qualified); --status all for every\n"
		  "           lead, or one of new, contacted, qualified, converted, lost\n"
		  "  status   move a lead to new, contacted, qualified or lost\n"
		  "  convert  make the lead a prospect customer with its contact person and visits;\n"
		  "           prints the new customer's code. A lost or converted lead cannot convert.\n"
		  "A salesperson sees only its own leads.\n") },
	{ .name = "opportunity", .run = cmd_opportunity,
	  .args = "add --customer CODE --desc TEXT [--stage NAME] [--amount MONEY] [--close DATE]"
		  " [--owner LOGIN] | stage ID STAGE | lose ID --reason TEXT"
		  " | list [--customer CODE] [--owner LOGIN] [--open] [--format table|csv|json]"
		  " | stages [--format table|csv|json]",
	  .summary = N_("follow opportunities through the stages to won or lost"),
	  .help = N_("  add      prints the new opportunity's id; the stage defaults to the first open stage\n"
		  "           and the owner to the customer's salesperson\n"
		  "  stage    move an open opportunity to another stage (a won stage closes it)\n"
		  "  lose     close it as lost; the reason is required\n"
		  "  list     by expected close date; --open hides won and lost ones\n"
		  "  stages   the stage list with each stage's probability\n"
		  "A won or lost opportunity does not move again. See also: credo report funnel.\n") },
	{ .name = "complaint", .run = cmd_complaint,
	  .args = "add --customer CODE --kind KIND --desc TEXT [--date DATE] [--dispute] [--assign LOGIN]"
		  " | update ID [--assign LOGIN] [--status S] [--reasonable yes|no]"
		  " | close ID --resolution TEXT --reasonable yes|no [--root-cause TEXT] [--date DATE]"
		  " | list [--customer CODE] [--open] [--format table|csv|json]",
	  .summary = N_("record and handle complaints and disputes"),
	  .help = N_("Kinds: quality, service, delivery, billing. Dates are YYYY-MM-DD, today by default,\n"
		  "never in the future. Statuses: open, in_progress, resolved; close needs the\n"
		  "resolution and the judgement, since reasonable complaints and disputes count\n"
		  "against the customer's credit score.\n") },
	{ .name = "report",
	  .args = "aging|provision|dso|due|statement|collected|credit|funnel|scorecard|pareto|classes|targets"
		  "|commission [OPTIONS] [--format table|csv|json]",
	  .run = cmd_report,
	  .summary = N_("reports: aging, provision, DSO, due, statements, collections, credit, funnel, management"),
	  .help = N_("aging [--as-of DATE] [--by customer|salesperson|department|grade] [--basis due|invoice]\n"
		  "provision [--as-of DATE] [--by ...]    bad-debt provision by invoice age\n"
		  "dso [--as-of DATE] [--days N] [--by ...]  days sales outstanding, company last\n"
		  "due --month YYYY-MM                     what falls due and what was collected\n"
		  "statement CODE --from DATE --to DATE   statement of account (对账单)\n"
		  "collected [--by customer|salesperson]  collected vs contracted\n"
		  "credit [--grade G]                     grade, limit, exposure, utilisation\n"
		  "funnel                                 open opportunities, weighted forecast\n"
		  "scorecard [--from DATE --to DATE] [--by salesperson|department] [--for LOGIN]\n"
		  "                                       salespeople ranked by money collected\n"
		  "pareto [--basis sales|collected] [--as-of DATE]  ABC classes, collected vs contracted\n"
		  "classes [--from DATE] [--to DATE]      customers the classification moved\n"
		  "targets --month YYYY-MM                actual against target, suggested target\n"
		  "commission --month YYYY-MM [--for LOGIN] [--lines]  the commission statement\n"
		  "aging, provision, dso, due, collected, funnel, scorecard, pareto, classes, targets\n"
		  "and commission also take -o FILE.xlsx: a workbook (aging with a chart of its\n"
		  "buckets, scorecard and targets with a chart of collected vs target).\n"
		  "Definitions of every figure: docs/reports.md.\n"
		  "Every report takes --format table|csv|json. The funnel's weighted amount is\n"
		  "rounded down to the fen; its table adds a total per salesperson and overall.\n") },
	{ .name = "classify", .args = "customers [--basis sales|collected] [--as-of DATE] [--dry-run]",
	  .run = cmd_classify, .summary = N_("sort customers into value classes A, B, C (ABC, 20/80)"),
	  .help = N_("Ranks customers by 12 months of sales or money collected (setting pareto.basis);\n"
		  "A makes the first pareto.a_pct percent, B the next pareto.b_pct, C the rest.\n"
		  "Each class is a customer category (pareto.class_a/b/c); every change is kept\n"
		  "in the customer's history. Prints the changes; --dry-run writes nothing.\n"
		  "Sales managers, credit managers and admins may classify.\n") },
	{ .name = "target", .args = "set LOGIN --month YYYY-MM --amount A [--region R] [--product CODE]", .run = cmd_target,
	  .summary = N_("set a salesperson's monthly sales target"),
	  .help = N_("Setting it again replaces the amount. --region limits the target to the\n"
		  "customers of that region, --product to the sales of that product (its share of\n"
		  "each contract). Sales managers set their team's, the GM anyone's.\n"
		  "See actual against target with 'credo report targets --month YYYY-MM'.\n") },
	/* end of leads, opportunities, complaints */
	{ .name = NULL },
};
