# Permission attacks through every CLI entry point: each is refused with
# exit 3, leaves one access/denied audit row naming who tried what, and
# changes nothing else; the audit chain still verifies afterwards.
. "$(dirname "$0")/lib.sh"
DB="$TMP/p.db"
me=$(id -un)
"$CREDO_BIN" -d "$DB" init >/dev/null
for u in "zhangwei sales" "lina sales" "zhoumin credit" "wufang finance" "huangjun gm" "boss admin"; do
	set -- $u
	"$CREDO_BIN" -d "$DB" user add "$1" --role "$2" >/dev/null
done
"$CREDO_BIN" -d "$DB" --as zhangwei customer add --name 上海华联超市有限公司 >/dev/null	# C000001
"$CREDO_BIN" -d "$DB" --as lina customer add --name 广州恒信机电有限公司 >/dev/null	# C000002
"$CREDO_BIN" -d "$DB" --as zhangwei credit request C000001 --amount 800,000 --reason 年度框架合同 >/dev/null
# A contract without any credit limit: activating it is blocked by the credit check.
"$CREDO_BIN" -d "$DB" --as zhangwei contract add --customer C000001 --sign-date 2026-11-01 \
	--line "螺杆泵|2|12000" >/dev/null
run -d "$DB" --as zhangwei contract activate HT-2026-0001
expect "a contract with no credit limit is blocked by the credit check" 2 'credit check'

denied() { sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE entity = 'access' AND action = 'denied'"; }

# attack NAME LOGIN WORDS ARGS...: LOGIN runs ARGS; exit 3 naming WORDS, one
# denied row by LOGIN, nothing else changed.
attacks=0
attack() {
	name=$1 who=$2 pat=$3
	shift 3
	attacks=$((attacks + 1))
	before=$(dump "$DB") n=$(denied)
	run -d "$DB" --as "$who" "$@"
	expect "$name: exit 3" 3 "$pat"
	check "$name: nothing changed" test -n "$before" -a "$before" = "$(dump "$DB")"
	row=$(sqlite3 "$DB" "SELECT actor || '|' || via || '|' || json_extract(after, '$.refused')
		FROM audit_log WHERE action = 'denied' ORDER BY id DESC LIMIT 1")
	check "$name: one audit row of the attempt, naming $who" sh -c \
		"[ $(denied) -eq $((n + 1)) ] && printf '%s' \"\$0\" | grep -q '^$who|$me|permission denied'" "$row"
}

attack "a salesperson reads another's customer" zhangwei 'may not see customer C000002' customer show C000002
attack "a salesperson lists another's customer's contacts" zhangwei 'may not see customer C000002' \
	contact list --customer C000002
attack "a salesperson edits another's customer" zhangwei 'may not see customer C000002' \
	customer edit C000002 --phone 110
attack "a salesperson logs a visit at another's customer" zhangwei 'may not see customer C000002' \
	visit add --customer C000002 --kind call --notes x
attack "a salesperson approves a limit" zhangwei 'approve credit limits' credit approve 1
attack "a salesperson sets a limit" zhangwei 'approve credit limits' credit limit C000001 --amount 1,000,000
attack "finance approves a limit" wufang 'approve credit limits' credit approve 1
attack "a salesperson records a payment" zhangwei 'record invoices and payments' \
	payment add --customer C000001 --date 2026-11-20 --amount 100
attack "a credit manager records a payment" zhoumin 'record invoices and payments' \
	payment add --customer C000001 --date 2026-11-20 --amount 100
attack "a salesperson posts an invoice" zhangwei 'record invoices and payments' \
	invoice add --customer C000001 --date 2026-11-20 --amount 100
attack "a salesperson overrides a credit block" zhangwei 'only a credit manager may override' \
	contract activate HT-2026-0001 --override 老客户,放心
attack "a salesperson closes a month" zhangwei 'close and reopen months' month close 2026-10
attack "a salesperson reopens a month" zhangwei 'close and reopen months' month reopen 2026-10 --reason x
attack "a salesperson edits settings" zhangwei 'change settings' settings set ledger.default_term_days 90
attack "the general manager edits settings" huangjun 'change settings' settings set currency USD
attack "a salesperson adds a user" zhangwei 'manage users' user add mallory --role admin
attack "a salesperson promotes itself" zhangwei 'manage users' user set-role zhangwei admin
attack "a salesperson imports invoices" zhangwei 'record invoices and payments' import invoices /dev/null
attack "a salesperson backs up the database" zhangwei 'back up the database' backup "$TMP/stolen.db"
check "... and no copy was written" test ! -e "$TMP/stolen.db"
attack "finance restores a backup" wufang 'restore the database' restore "$DB"
attack "a salesperson runs the full check" zhangwei 'see every customer' check

run -d "$DB" check
expect "after $attacks refused attacks the audit chain and ledger verify" 0 'audit chain +ok'
check "every attack left exactly one audit row" test "$(denied)" -eq "$attacks"

# --as: only an admin may act as another user. In a copy, demote the OS
# login (another admin exists) and try; the refusal is audited under it.
cp "$DB" "$TMP/as.db"
DB="$TMP/as.db"
"$CREDO_BIN" -d "$DB" --as boss user set-role "$me" sales >/dev/null
before=$(dump "$DB") n=$(denied)
run -d "$DB" --as lina customer list
expect "a salesperson using --as: exit 3" 3 'only an admin may act as another user'
check "a salesperson using --as: nothing changed" test "$before" = "$(dump "$DB")"
row=$(sqlite3 "$DB" "SELECT actor || '|' || json_extract(after, '$.refused') FROM audit_log ORDER BY id DESC LIMIT 1")
check "a salesperson using --as: audited under its own login" sh -c \
	"printf '%s' \"\$0\" | grep -q '^$me|permission denied: only an admin may act as another user (--as lina)'" "$row"
check "a salesperson using --as: exactly one row" test "$(denied)" -eq $((n + 1))
attacks=$((attacks + 1))
check "the refusal's row is linked into the hash chain" test "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log a
	JOIN audit_log b ON b.id = (SELECT max(id) FROM audit_log WHERE id < a.id)
	WHERE a.id = (SELECT max(id) FROM audit_log) AND a.prev_hash = b.hash")" -eq 1
echo "# permission attacks refused: $attacks"
finish
