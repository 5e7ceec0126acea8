# Complaints: add, update, close, scope, list formats and the audit trail.
. "$(dirname "$0")/lib.sh"
DB="$TMP/m.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
for u in "zhangwei sales 张伟" "lina sales 李娜" "zhoumin credit 周敏" "wufang finance 吴芳" "huangjun gm 黄军"; do
	set -- $u
	"$CREDO_BIN" -d "$DB" user add "$1" --role "$2" --name "$3" >/dev/null
done
"$CREDO_BIN" -d "$DB" --as zhangwei customer add --name 上海华联超市有限公司 >/dev/null	# C000001
"$CREDO_BIN" -d "$DB" --as lina customer add --name 广州恒信机电有限公司 >/dev/null	# C000002
sq() { sqlite3 "$DB" "$@"; }

run -d "$DB" --as zhangwei complaint add --customer C000001 --kind quality --desc "货物破损, 3 boxes"
expect "a salesperson records a complaint and gets its id" 0 '^1$'
check "it is dated today and open" test "$(sq "SELECT complaint_date || '|' || status FROM complaints WHERE id = 1")" = "2026-11-23|open"
run -d "$DB" --as zhoumin complaint add --customer C000002 --kind billing --desc "invoiced twice" \
	--date 2026-11-10 --dispute --assign wufang
expect "the credit manager records a dispute on any customer" 0 '^2$'

before=$(dump "$DB")
run -d "$DB" --as zhangwei complaint add --customer C000001 --kind price --desc x
expect "an unknown kind names the kinds" 2 'quality, service, delivery or billing'
run -d "$DB" --as zhangwei complaint add --customer C000001 --kind service --desc x --date 2026-11-24
expect "a complaint cannot be dated in the future" 2 'in the future'
run -d "$DB" --as zhangwei complaint add --customer C000001 --kind service --desc x --date 2026-02-30
expect "an impossible date names the field" 2 'complaint date'
run -d "$DB" --as zhangwei complaint add --customer C000001 --kind service
expect "add without --desc is a usage error" 1 'needs --customer CODE, --kind KIND and --desc TEXT'
run -d "$DB" --as zhangwei complaint add --customer C000001 --kind service --desc x --assign huangjun
expect "the handler must handle complaints" 2 'does not handle complaints'
run -d "$DB" --as huangjun complaint add --customer C000001 --kind service --desc x
expect "the general manager does not record complaints" 3 'permission denied'
run -d "$DB" --as lina complaint add --customer C000001 --kind service --desc x
expect "another salesperson's customer is refused" 3 'may not see customer C000001'
run -d "$DB" --as lina complaint update 1 --status in_progress
expect "another's complaint is 'not found'" 2 'complaint #1 not found'
run -d "$DB" --as zhangwei complaint update 1
expect "an update with nothing to change is refused" 2 'nothing to change'
run -d "$DB" --as zhangwei complaint update 1 --status closed
expect "closing goes through close with a resolution" 2 'resolution'
run -d "$DB" --as zhangwei complaint update 1 --reasonable maybe
expect "--reasonable takes yes or no" 1 'yes or no'
run -d "$DB" --as zhangwei complaint update x1
expect "a non-numeric id is a usage error" 1 'positive number'
run -d "$DB" --as zhangwei complaint close 1 --resolution replaced
expect "close without the judgement is a usage error" 1 'reasonable yes\|no'
run -d "$DB" --as zhoumin complaint close 2 --resolution "credit note" --reasonable yes --date 2026-11-09
expect "a complaint cannot close before it was made" 2 'before it was made on 2026-11-10'
check "refused commands leave the database unchanged" test "$before" = "$(dump "$DB")"

run -d "$DB" --as zhangwei complaint update 1 --assign zhoumin --status in_progress --reasonable yes
expect "a complaint is assigned and judged" 0 'Complaint 1 is updated'
check "the update is stored" test \
	"$(sq "SELECT u.login || '|' || m.status || '|' || m.reasonable FROM complaints m JOIN users u ON u.id = m.assigned_to WHERE m.id = 1")" \
	= "zhoumin|in_progress|1"
run -d "$DB" --as zhangwei complaint close 1 --resolution "replaced, with an apology" --reasonable yes \
	--root-cause "packing at the warehouse" --date 2026-11-23
expect "a complaint is closed with its resolution" 0 'Complaint 1 is closed'
check "closing sets the status and the date" test \
	"$(sq "SELECT status || '|' || closed_date || '|' || root_cause FROM complaints WHERE id = 1")" \
	= "closed|2026-11-23|packing at the warehouse"
before=$(dump "$DB")
run -d "$DB" --as zhangwei complaint close 1 --resolution again --reasonable no
expect "a closed complaint stays closed" 2 'is closed'
run -d "$DB" --as zhangwei complaint update 1 --status open
expect "... and cannot be reopened by update" 2 'is closed'
check "... and nothing changed" test "$before" = "$(dump "$DB")"
check "every change was audited with its actor" test \
	"$(sq "SELECT group_concat(action || ':' || actor, ' ')
		FROM (SELECT action, actor FROM audit_log WHERE entity = 'complaints' ORDER BY id)")" \
	= "create:zhangwei create:zhoumin update:zhangwei close:zhangwei"

run -d "$DB" --as wufang complaint list
expect "finance sees every complaint" 0 'C000002'
run -d "$DB" --as wufang complaint list --open --format csv
printf '%s\n' "$OUT" >"$TMP/open.csv"
check "--open leaves out closed complaints" test \
	"$(sqlite3 :memory: ".import --csv $TMP/open.csv t" "SELECT group_concat(id) FROM t")" = 2
run -d "$DB" --as zhangwei complaint list --format csv
printf '%s\n' "$OUT" >"$TMP/mine.csv"
check "csv keeps quoted commas in descriptions and resolutions" test \
	"$(sqlite3 :memory: ".import --csv $TMP/mine.csv t" "SELECT description || '|' || resolution || '|' || reasonable FROM t")" \
	= "货物破损, 3 boxes|replaced, with an apology|yes"
run -d "$DB" --as zhoumin complaint list --customer C000002 --format json
printf '%s' "$OUT" >"$TMP/c2.json"
check "complaint list --format json is valid JSON" test "$(sqlite3 :memory: "SELECT json_valid(readfile('$TMP/c2.json'))")" = 1
check "json shows the dispute, the handler, and an unjudged complaint as null" test \
	"$(sqlite3 :memory: "SELECT json_extract(value, '\$.dispute') || '|' || json_extract(value, '\$.assigned') || '|'
		|| json_type(value, '\$.reasonable') FROM json_each(readfile('$TMP/c2.json'))")" = "yes|wufang|null"
run -d "$DB" --as zhangwei complaint list --customer C000002
expect "a salesperson cannot list another's customer" 3 'may not see customer C000002'

run -d "$DB" check
expect "the audit chain still verifies" 0
finish
