# Customers: data scope, search, edits, lifecycle, ownership history.
. "$(dirname "$0")/lib.sh"
DB="$TMP/c.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
for u in "zhangwei sales 张伟" "lina sales 李娜" "wangqiang sales_manager 王强" "zhoumin credit 周敏" "wufang finance 吴芳"; do
	set -- $u
	"$CREDO_BIN" -d "$DB" user add "$1" --role "$2" --name "$3" >/dev/null
done

run -d "$DB" --as zhangwei customer add --name 上海华联超市有限公司 --phone 021-55512345 --category 重点客户 --region 华东
expect "a salesperson adds a customer and gets its code" 0 '^C000001$'
run -d "$DB" --as zhangwei customer add --name "Northwind Trading Co., Ltd." --phone 010-88886666
expect "codes follow the pattern" 0 '^C000002$'
run -d "$DB" --as lina customer add --name 广州恒信机电有限公司 --phone 020-12345678
expect "another salesperson adds its own customer" 0 '^C000003$'
run -d "$DB" --as lina customer add --name 外人公司 --owner zhangwei
expect "a salesperson cannot add a customer for someone else" 3 'permission denied'

run -d "$DB" --as zhangwei customer list --format csv
check "a salesperson lists only its own customers" sh -c "printf '%s\n' \"\$0\" | grep -c '^\"C0' | grep -qx 2" "$OUT"
check "... and not the other's" sh -c "! printf '%s' \"\$0\" | grep -q 恒信" "$OUT"
run -d "$DB" --as zhangwei customer show C000003
expect "another salesperson's customer is refused (exit 3, audited)" 3 'may not see customer C000003'
run -d "$DB" --as wangqiang customer list --format csv
check "a manager sees every customer" sh -c "printf '%s\n' \"\$0\" | grep -c '^\"C0' | grep -qx 3" "$OUT"

run -d "$DB" --as wangqiang customer list --search 华联
expect "a two-character Chinese search finds the customer" 0 'C000001 +上海华联超市有限公司'
run -d "$DB" --as wangqiang customer list --search 恒信机电
expect "a longer Chinese search goes through the index" 0 'C000003'
run -d "$DB" --as wangqiang customer list --search NORTHWIND
expect "Latin search ignores case" 0 'C000002'
run -d "$DB" --as wangqiang customer list --search 55512345
expect "a phone number finds the customer" 0 'C000001'
run -d "$DB" --as wangqiang customer list --search 02155512345
expect "a phone number without separators finds it too" 0 'C000001'
run -d "$DB" --as wangqiang contact add --customer C000003 --name 陈经理 --phone 13900001111 --role purchasing
run -d "$DB" --as wangqiang customer list --search 陈经理
expect "a contact's name finds the customer" 0 'C000003'
run -d "$DB" --as wangqiang contact add --customer C000002 --name "Amy Chen" --phone "+86 138-0013 7788" --role finance
run -d "$DB" --as wangqiang customer list --search 1380013778
expect "a contact's phone typed as digits finds the customer" 0 'C000002'
run -d "$DB" --as wangqiang customer list --search 0215551
expect "the first digits of a phone with a dash find the customer" 0 'C000001'
run -d "$DB" --as wangqiang customer list --search '%'
check "a % in the search is literal" test "$(printf '%s\n' "$OUT" | wc -l)" -eq 1
run -d "$DB" --as wangqiang customer list --search 华联 --format json
check "JSON output is valid JSON" sh -c "printf '%s' \"\$0\" > '$TMP/j.json' && [ \"\$(sqlite3 :memory: \"SELECT json_valid(readfile('$TMP/j.json'))\")\" = 1 ]" "$OUT"

before=$(dump "$DB")
run -d "$DB" --as zhangwei customer add --name ""
expect "an empty name is refused naming the field" 2 'customer name is required'
run -d "$DB" --as zhangwei customer add --name "$(printf 'Evil\033[2J Co')"
expect "escape sequences in a name are refused" 2 'control characters'
run -d "$DB" --as zhangwei customer add --name X --since 2026-02-30
expect "an impossible date is refused" 2 'no such day'
run -d "$DB" --as zhangwei customer add --name X --type wholesaler
expect "an unknown type is refused listing the types" 2 'end_customer, distributor or partner'
run -d "$DB" --as zhangwei customer add --name X --code C000001
expect "a duplicate code is refused" 2 'already used'
run -d "$DB" --as zhangwei customer add --name "x'); DROP TABLE customers; --" --code "'; DROP TABLE users; --"
expect "SQL in a name is just text" 0 "DROP TABLE users"
after_sql=$(sqlite3 "$DB" "SELECT count(*) FROM users")
check "... and the tables are still there" test "$after_sql" -eq 6
run -d "$DB" --as zhangwei customer status C000001 active
expect "a prospect cannot become active before it is evaluated" 2 'cannot become active before it is evaluated'
run -d "$DB" --as zhangwei customer status C000001 evaluated
expect "evaluating needs the evaluation as a note" 2 'needs the evaluation'
run -d "$DB" --as zhangwei customer status C000001 evaluated --note "资金实力强,信誉好"
expect "a prospect is evaluated with a note" 0
run -d "$DB" --as zhangwei customer status C000001 active
expect "an evaluated customer becomes active" 0
run -d "$DB" --as zhangwei customer status C000001 won_back
expect "the lifecycle names the allowed moves" 2 'can only become at_risk, lost'

run -d "$DB" --as zhangwei customer assign C000001 --owner lina
expect "a salesperson cannot reassign customers" 3 'permission denied'
run -d "$DB" --as wangqiang customer assign C000001 --owner lina --reason 区域调整
expect "a manager reassigns a customer" 0
run -d "$DB" --as zhangwei customer show C000001
expect "the customer leaves the old owner's scope" 3 'may not see customer'
run -d "$DB" --as lina customer show C000001
expect "the history keeps the owner change with its reason" 0 'owner: zhangwei -> lina +区域调整'
expect "the history keeps the evaluation" 0 'status: prospect -> evaluated +资金实力强'

run -d "$DB" --as lina customer edit C000001 --phone 021-66667777 --category 普通客户
expect "the owner edits a customer" 0 'C000001'
run -d "$DB" --as lina customer show C000001
expect "the category change is kept in the history" 0 'category: 重点客户 -> 普通客户'
run -d "$DB" --as lina customer edit C000001 --code K1
expect "a salesperson cannot change codes" 3 'permission denied'
run -d "$DB" --as wufang customer edit C000001 --code K0001
expect "finance corrects a code" 0 'K0001'
run -d "$DB" --as lina customer reputation K0001 bad --reason 拖欠
expect "only the credit manager sets the reputation veto" 3 'permission denied'
run -d "$DB" --as zhoumin customer reputation K0001 bad --reason "多次恶意拖欠"
expect "the credit manager sets the reputation veto" 0
run -d "$DB" --as zhoumin customer show K0001
expect "the veto shows on the customer" 0 'reputation +BAD'

n=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE entity = 'customers' AND actor = 'lina' AND via = '$(id -un)'")
check "every change is audited with the acting user and the admin behind --as" test "$n" -ge 2
run -d "$DB" check
expect "the audit chain holds after all of it" 0 'audit chain +ok'

finish
