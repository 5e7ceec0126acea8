# The alert engine as a user meets it (issue 6): each rule fires when it
# should and not the day before, an invoice escalates as it ages, a dispute
# pauses it, a rule can be switched off, and a salesperson sees only its own
# alerts. Setup happens on its own dates (CREDO_TODAY); the alerts are read
# --as-of a date. Most rules are set up so that 2026-11-15 is the day before
# they fire and 2026-11-16 the day they do.
. "$(dirname "$0")/lib.sh"
DB="$TMP/al.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
for u in "zhangwei sales 张伟" "lina sales 李娜" "zhoumin credit 周敏" "wufang finance 吴芳"; do
	set -- $u
	"$CREDO_BIN" -d "$DB" user add "$1" --role "$2" --name "$3" >/dev/null
done

# step DATE ARGS...: a setup step done on DATE; it must work. Its output is in $S.
step() {
	d=$1
	shift
	if CREDO_TODAY=$d "$CREDO_BIN" -d "$DB" "$@" >"$TMP/sout" 2>"$TMP/serr"; then
		S=$(cat "$TMP/sout")
	else
		S=""
		not_ok "setup on $d: $* ($(cat "$TMP/serr"))"
	fi
}

# alerts DATE [--as LOGIN] [OPTIONS]: the alerts as of DATE as CSV, into OUT.
alerts() {
	d=$1
	shift
	as=""
	if [ "${1:-}" = "--as" ]; then
		as="--as $2"
		shift 2
	fi
	run -d "$DB" $as alerts --as-of "$d" --format csv "$@"
}

# has NAME PATTERN / lacks NAME PATTERN: the last alerts run worked and shows (does not show) a line.
has() {
	if [ "$RC" -ne 0 ]; then not_ok "$1 (exit $RC: $ERR)"
	elif printf '%s\n' "$OUT" | grep -qE -- "$2"; then ok "$1"
	else not_ok "$1 (no /$2/ in: $OUT)"; fi
}
lacks() {
	if [ "$RC" -ne 0 ]; then not_ok "$1 (exit $RC: $ERR)"
	elif printf '%s\n' "$OUT" | grep -qE -- "$2"; then not_ok "$1 (/$2/ in: $(printf '%s\n' "$OUT" | grep -E -- "$2"))"
	else ok "$1"; fi
}

# Every customer that buys on credit is rated (grade B, the worked example of
# docs/credit-model.md) and, unless LIMIT is -, holds a standing limit, from
# 2026-01-05; both are due for review on 2027-01-05.
credit() {
	step 2026-01-05 --as zhoumin credit file add "$1" --date 2025-12-31 --current-assets 5,000,000 \
		--current-liabilities 2,500,000 --cash 800,000 --total-assets 12,000,000 --total-liabilities 6,000,000 \
		--ebit 1,500,000 --interest 300,000 --reach 4 --capital 3 --brands 4 --logistics 3 --cooperation 5 \
		--management 4
	step 2026-01-05 --as zhoumin credit rate "$1"
	[ "$2" = - ] || step 2026-01-05 --as zhoumin credit limit "$1" --amount "$2"
}

step 2026-01-05 --as zhangwei customer add --name 上海华联超市有限公司	# C000001: contract, visits, complaint
step 2026-01-05 --as lina customer add --name 广州恒信机电有限公司	# C000002: promise, 前清后欠
step 2026-01-05 --as zhangwei customer add --name 北京同仁堂商贸有限公司	# C000003: near and over the limit
step 2026-01-05 --as lina customer add --name 深圳华强电子有限公司	# C000004: a temporary limit
step 2026-01-05 --as lina customer add --name 杭州娃哈哈贸易有限公司	# C000005: the limitation period
step 2026-01-05 --as zhangwei customer add --name 成都红旗连锁有限公司	# C000006: invoices of every age
for c in C000001 C000002 C000005 C000006; do credit $c 500,000; done
credit C000003 100,000
credit C000004 -
# This company keeps selling to customers with old debts (no credit hold), so
# one customer can hold invoices at every step of escalation.
step 2026-01-05 --as zhoumin settings set credit.hold_days 3650

# A contract with a settlement plan (seed 003: alert 结算日期前七天).
step 2026-01-10 --as zhangwei contract add --customer C000001 --sign-date 2026-01-10 --start 2026-01-10 \
	--end 2027-02-05 --line "冷柜|1|30,000" --plan "2026-11-23|10,000|第一期" --plan "2027-01-13|20,000|尾款"
HT=$S
step 2026-01-10 --as zhangwei contract activate "$HT"
# C000006: five invoices 1, 30, 60, 90 and 180 days past due on 2026-11-16.
for e in "E5 2026-04-20 2026-05-20 5,000" "E4 2026-07-19 2026-08-18 4,000" "E3 2026-08-18 2026-09-17 3,000" \
	"E2 2026-09-17 2026-10-17 2,000" "E1 2026-10-16 2026-11-15 1,000"; do
	set -- $e
	step "$2" --as wufang invoice add --customer C000006 --date "$2" --due "$3" --amount "$4"
	eval "$1=\$S"
done
# C000002: an older and a newer invoice; a promise on the newer one; a payment that goes to the older.
step 2026-08-01 --as wufang invoice add --customer C000002 --date 2026-08-01 --due 2026-08-31 --amount 5,000
step 2026-09-01 --as wufang invoice add --customer C000002 --date 2026-09-01 --due 2026-10-01 --amount 8,000
NEW=$S
step 2026-11-01 --as lina collect log "$NEW" --kind promise --outcome "客户答应月中付清" --promise 8,000 \
	--promise-date 2026-11-15
step 2026-11-10 --as wufang payment add --customer C000002 --date 2026-11-10 --amount 5,000
# C000003: 89,000.00 of a 100,000.00 limit, then 1,000.00 more on 2026-11-16.
step 2026-11-01 --as wufang invoice add --customer C000003 --date 2026-11-01 --due 2026-12-01 --amount 89,000
step 2026-11-16 --as wufang invoice add --customer C000003 --date 2026-11-16 --due 2026-12-16 --amount 1,000
# C000004: only a temporary limit, until 2026-11-30.
step 2026-11-10 --as zhoumin credit limit C000004 --amount 50,000 --temporary-until 2026-11-30
step 2026-11-10 --as wufang invoice add --customer C000004 --date 2026-11-10 --due 2026-12-10 --amount 20,000
TEMP=$S
# C000005: due 2024-02-14, so its 3 years run out on 2027-02-14, 90 days after 2026-11-16.
step 2026-11-23 --as wufang invoice add --customer C000005 --date 2024-01-15 --due 2024-02-14 --amount 15,000
OLD=$S
# A lead last visited on 2026-11-09, a follow-up due 2026-11-15, a complaint of 2026-11-01.
step 2026-11-23 --as zhangwei lead add --company 成都新希望商贸 --contact 王总
LEAD=$S
step 2026-11-23 --as zhangwei visit add --lead "$LEAD" --date 2026-11-09 --notes 初次拜访,了解需求
step 2026-11-23 --as zhangwei visit add --customer C000001 --date 2026-11-10 --notes 客户反映库存偏高 \
	--next-step 回访确认订单 --next-date 2026-11-15
step 2026-11-23 --as zhangwei complaint add --customer C000001 --kind quality --desc 包装破损 --date 2026-11-01

# --- the day before -----------------------------------------------------------
alerts 2026-11-15
lacks "8 days before a planned settlement: no alert" '"settlement_due"'
lacks "an invoice on its due date is not overdue" "\"$E1\""
has "29 days late is still step 1" "\"overdue\",\"1\",\"C000006\",.*\"$E2\",.*\"29\","
lacks "a promise is not broken on its date" '"promise_broken"'
lacks "a complaint open 14 days: no alert" '"complaint_open"'
lacks "a lead visited 6 days ago is not idle" '"lead_idle"'
lacks "a follow-up due today has not passed" '"followup_due"'
lacks "15 days before a temporary limit expires: no alert" '"temp_limit_expiring"'
lacks "91 days before the limitation period runs out: no alert" '"limitation"'
lacks "89% of the limit: no alert" '"near_limit"'

# --- the day they fire ------------------------------------------------------------
alerts 2026-11-16
has "7 days before a planned settlement: an alert naming contract, amount and salesperson" \
	"^\"info\",\"settlement_due\",\"\",\"C000001\",\"上海华联超市有限公司\",\"$HT\",\"10000.00\",\"zhangwei\",\"2026-11-23\",\"7\","
has "1 day late: step 1, a reminder, to the collector" \
	"^\"warning\",\"overdue\",\"1\",\"C000006\",\"成都红旗连锁有限公司\",\"$E1\",\"1000.00\",\"zhangwei\",\"2026-11-15\",\"1\",\".*send a payment reminder"
has "30 days late: step 2, call" "^\"warning\",\"overdue\",\"2\",\"C000006\",.*\"$E2\",.*\"30\",\".*call the customer"
has "60 days late: step 3, statement and visit, critical" "^\"critical\",\"overdue\",\"3\",.*\"$E3\",.*\"60\",\".*send a statement and visit"
has "90 days late: step 4, stop supply" "^\"critical\",\"overdue\",\"4\",.*\"$E4\",.*\"90\",\".*stop supply"
has "180 days late: step 5, legal action" "^\"critical\",\"overdue\",\"5\",.*\"$E5\",.*\"180\",\".*hand over for legal action"
has "the day after its date an unkept promise is a critical alert" \
	"^\"critical\",\"promise_broken\",\"\",\"C000002\",\"广州恒信机电有限公司\",\"$NEW\",\"8000.00\",\"lina\",\"2026-11-15\",\"1\",\"promise to pay 8,000.00 by 2026-11-15"
has "前清后欠: the payment went to the old invoice while the new one is overdue" \
	"^\"warning\",\"pays_old_owes_new\",\"\",\"C000002\",.*\"$NEW\",\"8000.00\",\"lina\",\"2026-11-10\""
has "a complaint open more than 14 days" '^"warning","complaint_open","","C000001",.*"#1","","zhangwei","2026-11-01","15",'
has "7 days without a visit: the lead is idle" \
	"^\"info\",\"lead_idle\",\"\",\"\",\"成都新希望商贸\",\"$LEAD\",\"\",\"zhangwei\",\"2026-11-09\",\"7\","
has "the day after the follow-up date: an alert with the next step" \
	'^"info","followup_due","","C000001",.*"zhangwei","2026-11-15","1",.*回访确认订单'
has "14 days before a temporary limit expires" '^"info","temp_limit_expiring","","C000004",.*"50000.00","lina","2026-11-30","14",'
has "90 days before the limitation period (诉讼时效) runs out" \
	"^\"warning\",\"limitation\",\"\",\"C000005\",.*\"$OLD\",\"15000.00\",\"lina\",\"2027-02-14\",\"90\",.*3 years from the due date"
has "90% of the limit (credit.near_limit_pct)" \
	'^"warning","near_limit","","C000003",.*"90000.00","zhangwei",.*exposure 90,000.00 is 90% of the credit limit 100,000.00'
awk -F'","' 'NR > 1 { s = $1; sub(/^"/, "", s); r = (s == "critical") ? 3 : (s == "warning") ? 2 : 1;
	if (NR > 2 && (r > pr || (r == pr && $9 < pd))) bad = 1; pr = r; pd = $9 } END { exit bad }' "$TMP/out"
check "most severe first, then the oldest date" test $? -eq 0

# --- who sees what --------------------------------------------------------------
alerts 2026-11-16 --as zhangwei
lacks "a salesperson does not see another's customers' alerts" 'C000002'
has "... but sees its own" "\"overdue\",\"5\",\"C000006\""
alerts 2026-11-16 --as lina
has "lina sees her broken promise" '"promise_broken".*"C000002"'
lacks "... and none of zhangwei's" 'C00000[136]'
alerts 2026-11-16 --as zhoumin --for lina
has "--for keeps one person's alerts" '"lina"'
check "... and only that person's" sh -c "! printf '%s\n' \"\$0\" | sed 1d | grep -v '\"lina\",\"[0-9-]*\",\"[0-9-]*\",' | grep -q ." "$OUT"
run -d "$DB" alerts --for nosuch
expect "--for an unknown login is refused" 2 'no user with login nosuch'

# --- settings: thresholds and switches -------------------------------------------
run -d "$DB" --as zhoumin settings set alert.settlement_due.days 10
alerts 2026-11-13
has "the days before a settlement are a setting" '"settlement_due".*"2026-11-23","10"'
run -d "$DB" --as zhoumin settings set alert.settlement_due.on 0
alerts 2026-11-16
lacks "switched off, the settlement rule is silent" '"settlement_due"'
has "... and the others still speak" '"promise_broken"'
run -d "$DB" --as zhoumin alerts --rules --format csv
has "alerts --rules shows it switched off with its threshold" '^"settlement_due","0",".*","alert.settlement_due.days=10"'
run -d "$DB" --as zhoumin settings set alert.settlement_due.on 1
run -d "$DB" --as zhoumin settings set alert.settlement_due.days 7
run -d "$DB" --as zhoumin settings set alert.overdue.on 0
alerts 2026-11-16
lacks "switched off, no overdue alerts" '"overdue"'
run -d "$DB" --as zhoumin settings set alert.overdue.on 1

# --- a dispute pauses escalation at the step it had when raised ---------------------
alerts 2026-11-23
has "on the planned date the settlement is due today" "\"settlement_due\".*\"2026-11-23\",\"0\",\"$HT: settlement of 10,000.00 due today"
run -d "$DB" --as zhangwei collect dispute "$E4" --note "对账金额有异议" --date 2026-09-20
expect "the salesperson records a dispute" 0 'escalation paused'
alerts 2026-11-16
has "disputed, the invoice stays at the step of the dispute date, as a warning" \
	"^\"warning\",\"overdue\",\"2\",\"C000006\",.*\"$E4\",.*disputed since 2026-09-20: escalation paused at step 2"
lacks "... and does not reach stop supply" "\"overdue\",\"4\",\"C000006\""
run -d "$DB" --as zhangwei collect resolve "$E4" --note "已核对一致" --date 2026-11-23
expect "the dispute is resolved" 0 'escalation resumes'

# --- what was done by 2026-11-23 settles alerts -----------------------------------
step 2026-11-20 --as wufang invoice add --customer C000001 --contract "$HT" --date 2026-11-20 --amount 10,000
step 2026-11-22 --as wufang payment add --customer C000001 --date 2026-11-22 --amount 10,000 --apply "$S=10,000"
step 2026-11-20 --as wufang payment add --customer C000002 --date 2026-11-20 --amount 8,000
step 2026-11-23 --as zhangwei visit add --customer C000001 --date 2026-11-22 --notes 已回访,下周下单
step 2026-11-23 --as zhangwei lead status "$LEAD" lost
step 2026-11-20 --as zhoumin credit limit C000003 --amount 50,000 --note 缩减额度
step 2026-11-23 --as lina collect log "$OLD" --kind acknowledgement --outcome "客户盖章确认欠款" --date 2026-11-01
alerts 2026-11-23
has "resolved, the invoice is back at the step its age gives" "^\"critical\",\"overdue\",\"4\",\"C000006\",.*\"$E4\".*: step 4, stop supply"
lacks "a settlement collected before its date is no alert" '"settlement_due"'
lacks "paid, the broken promise goes away" '"promise_broken"'
lacks "... and so does 前清后欠" '"pays_old_owes_new"'
lacks "a visit after the follow-up date settles it" '"followup_due"'
lacks "a lost lead is not chased" "\"$LEAD\""
lacks "an acknowledgement starts the limitation period again" '"limitation"'
has "over the limit is critical and names the excess" \
	'^"critical","over_limit","","C000003",.*exposure 90,000.00 is over the credit limit 50,000.00 by 40,000.00'
lacks "... and it is no longer near the limit" '"near_limit"'
alerts 2026-11-17
has "as of a day in the dispute it still shows paused" "\"overdue\",\"2\",\"C000006\",.*\"$E4\",.*escalation paused"
has "as of a day before the payment the promise still shows broken" '"promise_broken".*"C000002"'

# --- later ---------------------------------------------------------------------------
alerts 2026-11-30
lacks "on its last day the temporary limit still counts" '"no_limit"'
alerts 2026-12-01
has "after expiry an open invoice is a credit sale without an approved limit" \
	"^\"critical\",\"no_limit\",\"\",\"C000004\",.*\"$TEMP\",\"20000.00\",\"lina\""
lacks "... and the expired limit is no longer expiring" '"temp_limit_expiring"'
alerts 2029-08-02
lacks "91 days before the period from the acknowledgement: no alert" "\"limitation\",.*\"$OLD\""
alerts 2029-08-03
has "... 90 days before: 3 years from the acknowledgement" '"limitation",.*"2029-11-01","90",.*from the last demand or acknowledgement'
alerts 2027-01-05
lacks "a rating is not overdue on its review date" '"review_overdue"'
lacks "8 days before the last settlement: no alert" '"settlement_due"'
lacks "31 days before a contract ends: no alert" '"contract_ending"'
alerts 2027-01-06
has "the day after its review date the rating is overdue, for the credit manager" \
	'^"warning","review_overdue","","C000001",.*"grade B","","zhoumin","2027-01-05","1",'
has "... and so is the standing limit" '"review_overdue","","C000001",.*"standing","500000.00","zhoumin"'
has "7 days before the last settlement" "\"settlement_due\".*\"$HT\",\"20000.00\",\"zhangwei\",\"2027-01-13\",\"7\""
has "30 days before a contract ends" "^\"info\",\"contract_ending\",\"\",\"C000001\",.*\"$HT\",\"30000.00\",\"zhangwei\",\"2027-02-05\",\"30\","

# Opportunities were created today in real time: look at them far in the future.
step 2026-11-23 --as zhangwei opportunity add --customer C000001 --desc 年度框架采购 --amount 50,000
OPP=$S
step 2026-11-23 --as zhangwei lead add --company 从未拜访公司
step 2099-01-01 --as zhangwei visit add --customer C000001 --date 2099-01-01 --notes 沟通采购计划
alerts 2099-01-07
lacks "an opportunity with a visit 6 days ago is not idle" '"opportunity_idle"'
alerts 2099-01-08
has "7 days without activity: the opportunity is idle" \
	"^\"info\",\"opportunity_idle\",\"\",\"C000001\",.*\"#$OPP\",\"50000.00\",\"zhangwei\",\"2099-01-01\",\"7\","
has "a lead never visited is idle from the day it was added" '"lead_idle".*从未拜访公司.*never been visited'

# --- the list for people and programs ----------------------------------------------------
run -d "$DB" alerts --as-of 2026-11-23
expect "the table names each alert's rule" 0 'critical +overdue +5 +C000006 +成都红旗连锁有限公司'
run -d "$DB" alerts --as-of 2026-11-23 --format json
printf '%s' "$OUT" >"$TMP/j.json"
check "alerts --format json is valid JSON" test "$(sqlite3 :memory: "SELECT json_valid(readfile('$TMP/j.json'))")" = 1
run -d "$DB" alerts --as-of 2026-13-01
expect "a bad --as-of date is refused" 2 'as-of date'
run -d "$DB" alerts --bogus
expect "an unknown option is a usage error" 1
run -d "$DB" --as zhoumin alerts --rules
expect "--rules lists the rules" 0 'complaint_open +1 '
check "... all 15 of them" test "$(printf '%s\n' "$OUT" | sed 1d | wc -l)" -eq 15
run -d "$DB" check
expect "the audit chain holds" 0 'audit chain +ok'
finish
