# The bad input catalogue: malformed input through the CLI and CSV import.
# Each is refused with a message naming the rule and exit 2 (bad data) or
# 1 (bad usage) per DESIGN.md section 9, and leaves the content of the
# database exactly as it was (dump before and after). The TUI forms have
# their own cases in tests/tui/test_bad_forms.sh.
. "$(dirname "$0")/lib.sh"
DB="$TMP/bad.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
for u in "zhangwei sales" "wangqiang sales_manager" "zhoumin credit" "wufang finance"; do
	set -- $u
	"$CREDO_BIN" -d "$DB" user add "$1" --role "$2" >/dev/null
done
"$CREDO_BIN" -d "$DB" --as zhangwei customer add --name 上海华联超市有限公司 >/dev/null	# C000001
"$CREDO_BIN" -d "$DB" --as wufang product add --name 螺杆泵 --price 12,000 >/dev/null
"$CREDO_BIN" -d "$DB" --as zhoumin credit file add C000001 --date 2026-06-30 --current-assets 5,000,000 \
	--current-liabilities 2,000,000 --cash 1,500,000 --total-assets 10,000,000 --total-liabilities 3,000,000 \
	--ebit 2,000,000 --interest 100,000 --revenue 30,000,000 --reach 5 --capital 5 --brands 4 --logistics 4 \
	--cooperation 5 --management 4 >/dev/null
"$CREDO_BIN" -d "$DB" --as zhoumin credit rate C000001 >/dev/null
"$CREDO_BIN" -d "$DB" --as zhoumin credit limit C000001 --amount 1,000,000 >/dev/null
"$CREDO_BIN" -d "$DB" --as wufang invoice add --customer C000001 --date 2026-11-01 --amount 100 \
	--code INV-X-1 >/dev/null
tables=$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_schema")
tried=0

# bad EXIT PATTERN ARGS...: credo -d DB ARGS exits EXIT naming PATTERN; nothing changes.
bad() {
	want_rc=$1 pat=$2
	shift 2
	tried=$((tried + 1))
	before=$(dump "$DB")
	run -d "$DB" "$@"
	expect "#$tried $(printf '%s' "$*" | tr -d '\000-\037\177' | cut -c1-70)" "$want_rc" "$pat"
	[ "$before" = "$(dump "$DB")" ] || not_ok "#$tried changed the database"
}
# badcsv KIND PATTERN PRINTF-FORMAT [ARGS]: importing the file exits 2 naming PATTERN.
badcsv() {
	kind=$1 pat=$2
	shift 2
	printf "$@" >"$TMP/in.csv"
	who=wangqiang
	case $kind in invoices | payments) who=wufang ;; esac
	bad 2 "$pat" --as "$who" import "$kind" "$TMP/in.csv"
}
INV="--as wufang invoice add --customer C000001 --date 2026-11-20"
long=$(head -c 100000 /dev/zero | tr '\0' 'A')

# ---- money ----
bad 2 'must start with a digit' $INV --amount abc
bad 2 'at most two decimals' $INV --amount 1.234
bad 2 'separators|thousands|digit' $INV --amount 1,23
bad 2 'too large|does not fit|overflow' $INV --amount 99999999999999999999
bad 2 'required|empty|digit' $INV --amount ''
bad 2 'digit|junk|not' $INV --amount 1e5
bad 2 'digit|junk|not' $INV --amount 0x10
bad 2 'more than zero' $INV --amount 0
bad 2 'more than zero|credit note' $INV --amount -100
bad 2 'digit|junk|not' $INV --amount '¥'
bad 2 'digit|junk|not|separator' $INV --amount '1 000'
bad 2 'digit|junk|not' $INV --amount "100'); DROP TABLE invoices; --"
bad 2 'more than zero' --as wufang payment add --customer C000001 --date 2026-11-20 --amount -5
bad 2 'at most two decimals' --as zhoumin credit limit C000001 --amount 1.001
# ---- dates ----
bad 2 'no such day' --as wufang invoice add --customer C000001 --date 2026-02-30 --amount 1
bad 2 'month|no such day|YYYY-MM-DD' --as wufang invoice add --customer C000001 --date 2026-13-01 --amount 1
bad 2 'YYYY-MM-DD' --as wufang invoice add --customer C000001 --date 26-11-20 --amount 1
bad 2 'YYYY-MM-DD' --as wufang invoice add --customer C000001 --date 2026/11/20 --amount 1
bad 2 'YYYY-MM-DD' --as wufang invoice add --customer C000001 --date yesterday --amount 1
bad 2 'YYYY-MM-DD' --as wufang invoice add --customer C000001 --date "2026-11-20'; DROP TABLE x" --amount 1
bad 2 'due|before' $INV --amount 1 --due 2026-11-01
bad 2 'after today|future' --as wufang payment add --customer C000001 --date 2027-01-01 --amount 1
bad 2 'no such day' --as zhangwei visit add --customer C000001 --kind phone --notes x --date 2025-02-29
# ---- text: huge, invalid UTF-8, control characters, escape sequences ----
bad 2 'longer than 200 bytes' --as zhangwei customer add --name "$long"
bad 2 'longer|at most|bytes' --as zhangwei customer add --name 大客户 --notes "$long"
bad 2 'UTF-8' --as zhangwei customer add --name "$(printf 'Bad\377\376Bytes')"
bad 2 'UTF-8' --as zhangwei customer add --name "$(printf '\300\257overlong')"
bad 2 'UTF-8' --as zhangwei customer add --name "$(printf '\355\240\200surrogate')"
bad 2 'control characters' --as zhangwei customer add --name "$(printf 'Red\033[31mAlert')"
bad 2 'control characters' --as zhangwei customer add --name "$(printf 'Clear\033[2J\033[HScreen')"
bad 2 'control characters' --as zhangwei customer add --name "$(printf 'OSC\033]0;title\007')"
bad 2 'control characters' --as zhangwei customer add --name "$(printf 'Bell\007')"
bad 2 'control characters|line breaks' --as zhangwei customer add --name "$(printf 'Two\nLines')"
bad 2 'control characters' --as zhangwei customer add --name "$(printf 'Tab\tHere')"
bad 2 'control characters' --as zhangwei customer add --name "$(printf 'Del\177')"
bad 2 'control characters|UTF-8' --as zhangwei customer add --name "$(printf 'C1\302\233csi')"
bad 2 'control characters|UTF-8' --as zhangwei contact add --customer C000001 --name "$(printf '\033[5m王经理')"
bad 2 'UTF-8|control' --as zhangwei visit add --customer C000001 --kind phone --notes "$(printf 'x\033[31my')"
# ---- SQL fragments where a rule applies ----
bad 2 'not an OS login name' user add "x'); DROP TABLE users;--" --role sales
bad 2 'no customer with code' --as zhangwei visit add --customer "C000001' OR '1'='1" --kind phone --notes x
bad 2 'no customer with code' $INV --amount 1 --customer "'); DROP TABLE customers; --"
bad 1 'role|sales_manager' user add mallory --role "admin' --"
# ---- empty required fields ----
bad 2 'name is required' --as zhangwei customer add --name ''
bad 2 'findings|outcome' --as zhangwei visit add --customer C000001 --kind phone --notes ''
bad 2 'reason' --as zhangwei credit request C000001 --amount 100,000 --reason ''
bad 2 'name|required' --as zhangwei contact add --customer C000001 --name ''
bad 1 'needs --role' user add bob
bad 1 'needs --customer|customer' --as wufang invoice add --date 2026-11-20 --amount 1
# ---- references to missing records ----
bad 2 'no customer with code C999999' $INV --amount 1 --customer C999999
bad 2 'no customer with code C999999' --as zhangwei contact add --customer C999999 --name 李四
bad 2 'no customer with code C999999' --as zhangwei credit request C999999 --amount 1 --reason x
bad 2 'no contract with code' $INV --amount 1 --contract HT-1999-0001
bad 2 'no invoice|INV-NOPE' --as wufang payment add --customer C000001 --date 2026-11-20 --amount 1 --apply INV-NOPE=1
bad 2 'not a credo user|no user|nobody' --as wangqiang customer assign C000001 --owner nobody
# ---- negative and malformed quantities ----
LINE="--as zhangwei contract add --customer C000001 --sign-date 2026-11-01 --line"
bad 2 'quantity' $LINE "螺杆泵|-1|100"
bad 2 'quantity|more than zero' $LINE "螺杆泵|0|100"
bad 2 'quantity' $LINE "螺杆泵|abc|100"
bad 2 'price|amount|digit' $LINE "螺杆泵|1|-100"
bad 2 'line|PRODUCT|QTY' $LINE "螺杆泵|1"
bad 2 'quantity|decimals' $LINE "螺杆泵|1.00001|100"
# ---- duplicate codes ----
bad 2 'code C000001 is already used' --as zhangwei customer add --code C000001 --name 重复编码
bad 2 'already exists' user add zhangwei --role sales
bad 2 'already used|already exists' $INV --amount 1 --code INV-X-1
bad 2 'already used|already exists' --as wufang product add --name 螺杆泵 --code P00001
# ---- usage errors ----
bad 1 'unknown option' --as zhangwei customer add --name x --colour red
bad 1 'unknown command' frobnicate
bad 1 'unexpected argument' check extra

# ---- CSV import ----
badcsv customers 'has 1 fields, the header has 2' 'name,phone\nA\n'
badcsv customers 'has 3 fields' 'name,phone\nA,1,2\n'
badcsv customers 'line 3: has 1 fields' '\357\273\277name,phone\r\nA,1\r\nB\r\n'
badcsv customers 'line 2, column name: not valid UTF-8' '\357\273\277name,phone\r\n"A\377B",1\r\n'
badcsv customers 'not valid UTF-8 text, or holds control characters' 'name,phone\n"Red\033[31mAlert",1\n'
badcsv customers 'not valid UTF-8 text, or holds control characters' 'name,phone\n"OSC\033]0;pwned\007",1\n'
badcsv customers 'quoted field is not closed|CSV syntax' 'name,phone\n"unclosed,1\n'
badcsv customers 'quoted field is not closed|CSV syntax' '\357\273\277name,phone\r\n"unclosed\r\n'
badcsv customers 'empty' ''
badcsv customers 'unknown column' 'name,colour\nA,red\n'
badcsv customers 'no name column' 'phone\n123\n'
badcsv customers 'line 3: .*name is required' 'name,phone\nA,1\n,2\n'
badcsv customers 'longer than 200 bytes' 'name\n%s\n' "$(head -c 300 /dev/zero | tr '\0' 'B')"
badcsv customers 'no such day' 'name,since\nA,2021-02-29\n'
badcsv customers 'already used|already exists|twice|duplicate' 'code,name\nC000001,A\n'
badcsv customers 'already used|already exists|twice|duplicate' 'code,name\nC777777,A\nC777777,B\n'
badcsv contacts 'line 2: no customer with code C999999' 'customer,name\nC999999,李四\n'
badcsv invoices 'at most two decimals' 'code,customer,date,amount\nI-1,C000001,2026-11-01,1.234\n'
badcsv invoices 'no such day' 'code,customer,date,amount\nI-1,C000001,2026-02-30,100\n'
badcsv invoices 'no customer with code C999999' 'code,customer,date,amount\nI-1,C999999,2026-11-01,100\n'
badcsv invoices 'already used|already exists|twice|duplicate' 'code,customer,date,amount\nINV-X-1,C000001,2026-11-01,100\n'
badcsv invoices 'more than zero' 'code,customer,date,amount\nI-2,C000001,2026-11-01,0\n'
badcsv payments 'more than zero' 'code,customer,date,amount\nP-1,C000001,2026-11-01,-5\n'
badcsv payments 'only digits|must start with a digit' "code,customer,date,amount\nP-1,C000001,2026-11-01,\"1'); DROP TABLE payments; --\"\n"
badcsv payments 'line 3: .*no customer' '\357\273\277code,customer,date,amount\r\nP-1,C000001,2026-11-01,5\r\nP-2,C404,2026-11-01,5\r\n'

# Text that merely looks like SQL is text: stored as written, nothing else happens.
run -d "$DB" --as zhangwei customer add --name "'); DROP TABLE customers; --"
expect "a name that looks like SQL is just a name" 0 'C000002'
check "... every table is still there" test "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_schema")" -eq "$tables"
run -d "$DB" --as zhangwei customer list --search "'); DROP TABLE customers; --"
expect "... and searching for it finds it" 0 "DROP TABLE customers"
run -d "$DB" check
expect "after $tried bad inputs the database passes check" 0 'ledger +ok'
check "the catalogue tried at least 60 malformed inputs ($tried)" test "$tried" -ge 60
echo "# bad inputs tried: $tried"
finish
