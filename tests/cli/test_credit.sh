# Credit management: rating, requests and decisions, the check at the point of sale.
. "$(dirname "$0")/lib.sh"
DB="$TMP/cr.db"
DOC="$(dirname "$0")/../../docs/credit-model.md"
"$CREDO_BIN" -d "$DB" init >/dev/null
for u in "zhangwei sales" "zhoumin credit" "wufang finance" "huangjun gm"; do
	set -- $u
	"$CREDO_BIN" -d "$DB" user add "$1" --role "$2" >/dev/null
done
"$CREDO_BIN" -d "$DB" --as zhangwei customer add --name 上海华联超市有限公司 >/dev/null
"$CREDO_BIN" -d "$DB" --as zhangwei customer add --name 不讲信誉贸易公司 >/dev/null

# The worked example of docs/credit-model.md, run as written there.
sed -n '/<!-- example:begin -->/,/<!-- example:end -->/p' "$DOC" | sed '/^```\|^<!--/d' |
	sed -e ':a' -e '/\\$/N; s/\\\n//; ta' >"$TMP/example.sh"
want=$(sed -n 's/.*<!-- example:score -->\*\*\([0-9]*\)\*\*.*/\1/p' "$DOC")
check "the doc states the example's score" test -n "$want"
out=$(while read -r line; do
	eval "set -- ${line#credo }"
	"$CREDO_BIN" -d "$DB" --as zhoumin "$@" || echo "FAILED: $line"
done <"$TMP/example.sh")
check "the worked example runs" sh -c "! printf '%s' \"\$0\" | grep -q FAILED" "$out"
check "credo rates the worked example exactly as the doc says" sh -c \
	"printf '%s\n' \"\$0\" | grep -q '^score $want  grade B'" "$out"
check "the suggested limit is the doc's" sh -c "printf '%s' \"\$0\" | grep -q '= 500,000.00'" "$out"

run -d "$DB" --as zhangwei credit rate C000001
expect "a salesperson cannot rate" 3 'permission denied'
run -d "$DB" --as zhangwei credit request C000001 --amount 800,000 --reason 年度框架合同
expect "a salesperson requests a limit" 0 'filed credit request 1'
run -d "$DB" --as zhangwei credit approve 1
expect "a salesperson cannot approve its own request" 3 'permission denied'
run -d "$DB" --as zhoumin credit approve 1 --amount 600,000 --note 按评级建议下调
expect "the credit manager approves a different amount" 0 'request #1 approved'
run -d "$DB" --as zhoumin credit show C000001
expect "the limit in force is the approved amount" 0 'limit 600,000.00'
expect "the history names requester and decider" 0 'decision zhoumin +approved 600000.00'
run -d "$DB" --as zhoumin credit approve 1
expect "a decided request cannot be decided again" 2 'is approved, not pending'

run -d "$DB" --as zhangwei credit request C000001 --amount 1,000,000 --reason 扩大合作
run -d "$DB" --as zhoumin credit dispute 2
expect "a dispute needs a note" 2 'needs a note'
run -d "$DB" --as zhoumin credit dispute 2 --note 风险偏高,请总经理定夺
expect "the credit manager disputes a request: it goes to the general manager" 0 'request #2 disputed: it goes to the general manager'
run -d "$DB" --as zhoumin credit decide 2 --approve --note x
expect "only the general manager decides a disputed request" 3 'permission denied'
run -d "$DB" --as huangjun credit decide 2 --approve --amount 900,000 --note 战略客户
expect "the general manager decides it" 0 'request #2 approved'
run -d "$DB" --as zhoumin credit show C000001
expect "the gm's decision sets the limit" 0 'limit 900,000.00'
run -d "$DB" --as zhangwei credit requests --format csv
expect "requests list shows the states" 0 '"decided","zhangwei","900000.00"'

# The reputation veto.
run -d "$DB" --as zhoumin customer reputation C000002 bad --reason 多次恶意拖欠
run -d "$DB" --as zhoumin credit rate C000002
expect "a customer flagged for bad reputation is grade D" 0 'grade D +\(reputation veto'

# The check at the point of sale: limit 900,000.00 for C000001.
run -d "$DB" --as wufang invoice add --customer C000001 --date 2026-11-20 --amount 950,000
expect "an invoice over the limit is blocked naming limit, exposure and shortfall" 2 \
	'limit 900,000.00, exposure 0.00, this sale 950,000.00, shortfall 50,000.00'
run -d "$DB" --as wufang invoice add --customer C000001 --date 2026-11-20 --amount 950,000 --override 我说可以
expect "finance cannot override the credit check" 3 'only a credit manager may override'
run -d "$DB" --as zhoumin invoice add --customer C000001 --date 2026-11-20 --amount 950,000 --override 战略客户,总经理口头同意
expect "the credit manager's override lets it through" 0 'INV-'
check "the audit log shows who overrode and why" test "$(sqlite3 "$DB" "SELECT actor || '|' || json_extract(after, '$.reason') FROM audit_log WHERE action = 'override'")" = "zhoumin|战略客户,总经理口头同意"
run -d "$DB" --as wufang invoice add --customer C000001 --date 2026-11-21 --amount 10
expect "once over the limit, the next sale is blocked too" 2 'exposure 950,000.00, this sale 10.00, shortfall 50,010.00'
run -d "$DB" --as wufang invoice add --customer C000002 --date 2026-11-21 --amount 10
expect "a customer flagged for bad reputation cannot buy on credit" 2 'bad reputation \(grade D\): no sale on credit'

# Policy settings stay monotonic.
run -d "$DB" --as zhoumin settings set credit.policy.B.pct 40
expect "a riskier grade cannot get a higher percentage" 2 'grade B would get a higher limit percentage'
run -d "$DB" --as zhoumin settings set credit.grade.B 90
expect "grade bands must fall" 2 'must fall from A to B to C'
run -d "$DB" --as zhoumin settings get credit.policy.B.pct
expect "a refused change leaves the setting" 0 '^20$'
run -d "$DB" --as zhangwei settings set credit.policy.C.pct 5
expect "a salesperson cannot change the policy" 3 'permission denied'
run -d "$DB" --as zhoumin settings set credit.curve.cash_ratio "0.5:100,0.2:60"
expect "a curve must rise in value" 2 'must increase'

run -d "$DB" check
expect "the audit chain holds" 0 'audit chain +ok'
finish
