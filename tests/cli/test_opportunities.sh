# Opportunities: add, stages, lose, list formats, scope, and the funnel report's arithmetic.
. "$(dirname "$0")/lib.sh"
DB="$TMP/o.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
for u in "zhangwei sales 张伟" "lina sales 李娜" "wangqiang sales_manager 王强" "zhoumin credit 周敏"; do
	set -- $u
	"$CREDO_BIN" -d "$DB" user add "$1" --role "$2" --name "$3" >/dev/null
done
"$CREDO_BIN" -d "$DB" --as zhangwei customer add --name 上海华联超市有限公司 >/dev/null	# C000001
"$CREDO_BIN" -d "$DB" --as lina customer add --name 广州恒信机电有限公司 >/dev/null	# C000002
sq() { sqlite3 "$DB" "$@"; }
# fen TEXT: "13,345.66" or "13345.66" -> 1334566
fen() { printf '%s' "$1" | tr -d ',.'; }

run -d "$DB" --as zhangwei opportunity add --customer C000001 --desc "Shelving, phase 1" \
	--amount "¥12,345.67" --stage proposal --close 2026-12-31
expect "a salesperson adds an opportunity and gets its id" 0 '^1$'
run -d "$DB" --as zhangwei opportunity add --customer C000001 --desc "Cold room" --amount 999.99 --stage proposal
expect "a second one" 0 '^2$'
run -d "$DB" --as wangqiang opportunity add --customer C000001 --desc "Spare parts" --amount 100
expect "a manager adds one for the salesperson's customer" 0 '^3$'
run -d "$DB" --as lina opportunity add --customer C000002 --desc "Motors" --amount 0.15 --stage qualified
expect "another salesperson adds its own" 0 '^4$'
run -d "$DB" --as wangqiang opportunity list --format csv
printf '%s\n' "$OUT" >"$TMP/opps.csv"
check "the stage defaults to the first open stage and the owner to the customer's" test \
	"$(sqlite3 :memory: ".import --csv $TMP/opps.csv t" "SELECT stage || '|' || owner FROM t WHERE id = '3'")" = "lead|zhangwei"
check "csv keeps a quoted comma and gives amounts in yuan" test \
	"$(sqlite3 :memory: ".import --csv $TMP/opps.csv t" "SELECT description || '|' || amount FROM t WHERE id = '1'")" \
	= "Shelving, phase 1|12345.67"

before=$(dump "$DB")
run -d "$DB" --as zhangwei opportunity add --customer C000001 --desc x --amount 1.234
expect "an amount with three decimals names the rule" 2 'at most two decimals'
run -d "$DB" --as zhangwei opportunity add --customer C000001 --desc x --amount -5
expect "a negative amount is refused" 2 'must not be negative'
run -d "$DB" --as zhangwei opportunity add --customer C000001 --desc x --close 2026-13-01
expect "a bad close date names the field" 2 'expected close date'
run -d "$DB" --as zhangwei opportunity add --customer C000001 --desc x --stage signed
expect "an unknown stage lists the stages" 2 'stages: lead, qualified, proposal, negotiation, won, lost'
run -d "$DB" --as zhangwei opportunity add --customer C000001 --desc x --stage lost
expect "an opportunity cannot start lost" 2 'cannot start lost'
run -d "$DB" --as zhangwei opportunity add --customer C000001
expect "add without --desc is a usage error" 1 'needs --customer CODE and --desc TEXT'
run -d "$DB" --as lina opportunity add --customer C000001 --desc x
expect "another salesperson's customer is 'not found'" 2 'no customer with code C000001'
run -d "$DB" --as zhoumin opportunity add --customer C000001 --desc x
expect "the credit manager does not add opportunities" 3 'permission denied'
run -d "$DB" --as zhangwei opportunity stage 1 lost
expect "losing needs the reason" 2 'reason'
run -d "$DB" --as zhangwei opportunity stage one proposal
expect "a non-numeric id is a usage error" 1 'positive number'
run -d "$DB" --as zhangwei opportunity stage 4 negotiation
expect "another's opportunity is 'not found'" 2 'opportunity #4 not found'
run -d "$DB" --as zhangwei opportunity lose 1
expect "lose without --reason is a usage error" 1 'needs --reason'
run -d "$DB" --as zhangwei opportunity stage 1 proposal
expect "moving to the same stage is refused" 2 'already in stage proposal'
check "refused commands leave the database unchanged" test "$before" = "$(dump "$DB")"

run -d "$DB" --as zhangwei opportunity stage 3 qualified
expect "an opportunity moves to another stage" 0 'Opportunity 3 is now qualified'
run -d "$DB" --as zhangwei opportunity stage 3 lead
expect "and back, while open" 0
run -d "$DB" --as lina opportunity add --customer C000002 --desc "Pumps" --amount 500 --stage negotiation
expect "a deal to be won" 0 '^5$'
run -d "$DB" --as lina opportunity stage 5 won
expect "a won stage closes it" 0 'now won'
run -d "$DB" --as lina opportunity add --customer C000002 --desc "Valves" --amount 800
expect "a deal to be lost" 0 '^6$'
run -d "$DB" --as lina opportunity lose 6 --reason "price, and delivery time"
expect "losing with a reason" 0 'now lost'
check "the reason is kept" test "$(sq "SELECT lost_reason FROM opportunities WHERE id = 6")" = "price, and delivery time"
before=$(dump "$DB")
run -d "$DB" --as lina opportunity stage 5 lead
expect "a won opportunity cannot move again" 2 'cannot move again'
run -d "$DB" --as lina opportunity lose 6 --reason again
expect "a lost one cannot either" 2 'cannot move again'
check "... and nothing changed" test "$before" = "$(dump "$DB")"
check "every change was audited" test "$(sq "SELECT count(*) FROM audit_log WHERE entity = 'opportunities'")" = 10

run -d "$DB" --as wangqiang opportunity list --open --format json
printf '%s' "$OUT" >"$TMP/open.json"
check "opportunity list --format json is valid JSON" test "$(sqlite3 :memory: "SELECT json_valid(readfile('$TMP/open.json'))")" = 1
check "--open leaves out won and lost" test \
	"$(sqlite3 :memory: "SELECT group_concat(json_extract(value, '\$.id')) FROM json_each(readfile('$TMP/open.json'))")" = "1,2,3,4"
check "json amounts are exact strings" test \
	"$(sqlite3 :memory: "SELECT json_extract(value, '\$.amount') FROM json_each(readfile('$TMP/open.json')) WHERE json_extract(value, '\$.id') = 1")" = "12345.67"
run -d "$DB" --as lina opportunity list
check "a salesperson lists only its customers' opportunities" sh -c "! printf '%s' \"\$0\" | grep -q 上海华联" "$OUT"
run -d "$DB" --as zhangwei opportunity list --customer C000002
expect "filtering by another's customer is 'not found'" 2 'no customer with code C000002'
run -d "$DB" opportunity stages --format json
printf '%s' "$OUT" >"$TMP/stages.json"
check "the stage list is JSON with six stages" test \
	"$(sqlite3 :memory: "SELECT json_valid(readfile('$TMP/stages.json')) || json_array_length(readfile('$TMP/stages.json'))")" = 16
run -d "$DB" opportunity stages
expect "stages show their probability" 0 'negotiation +75 +4 +open'

# The funnel, checked against what was put in: zhangwei proposal 12,345.67 + 999.99 at 50 %,
# lead 100.00 at 10 %; lina qualified 0.15 at 25 %. Won and lost deals are out.
zw_prop=$((1234567 + 99999)) zw_lead=10000 ln_qual=15
w_zw_prop=$((zw_prop * 50 / 100)) w_zw_lead=$((zw_lead * 10 / 100)) w_ln_qual=$((ln_qual * 25 / 100))
run -d "$DB" --as wangqiang report funnel --format json
printf '%s' "$OUT" >"$TMP/funnel.json"
check "funnel --format json is valid JSON" test "$(sqlite3 :memory: "SELECT json_valid(readfile('$TMP/funnel.json'))")" = 1
got=$(sqlite3 :memory: "SELECT group_concat(json_extract(value, '\$.owner') || '/' || json_extract(value, '\$.stage') || '/'
	|| json_extract(value, '\$.count') || '/' || replace(json_extract(value, '\$.amount'), '.', '') || '/'
	|| replace(json_extract(value, '\$.weighted'), '.', ''), ' ') FROM json_each(readfile('$TMP/funnel.json'))")
want="lina/qualified/1/$(printf %03d $ln_qual)/$(printf %03d $w_ln_qual) zhangwei/lead/1/$zw_lead/$w_zw_lead zhangwei/proposal/2/$zw_prop/$w_zw_prop"
check "funnel rows: per salesperson and stage in stage order, weighted rounded down ($want)" test "$got" = "$want"
run -d "$DB" --as wangqiang report funnel
expect "the table has a total per salesperson" 0 'zhangwei +total +3 +13,445.66 +6,682.83'
check "the table's total per salesperson adds up the rows" test \
	"$(fen "$(printf '%s\n' "$OUT" | awk '$1 == "zhangwei" && $2 == "total" { print $5 }')")" = $((w_zw_prop + w_zw_lead))
check "the table has a grand total" test \
	"$(printf '%s\n' "$OUT" | awk '$1 == "all" && $2 == "total" { print $3 "/" $4 "/" $5 }')" = "4/13,445.81/6,682.86"
run -d "$DB" --as wangqiang report funnel --format csv
check "csv has no total lines" sh -c "! printf '%s' \"\$0\" | grep -q total" "$OUT"
run -d "$DB" --as lina report funnel --format csv
check "a salesperson's funnel is its own" sh -c "printf '%s\n' \"\$0\" | grep -c '^\"' | grep -qx 2" "$OUT"
run -d "$DB" report horoscope
expect "an unknown report is a usage error" 1 "unknown report 'horoscope'"
run -d "$DB" report funnel --format xml
expect "an unknown format is a usage error" 1 'table|csv|json'

run -d "$DB" check
expect "the audit chain still verifies" 0
finish
