# Collection as a user meets it (issue 6): the worklist ranked by amount x days
# overdue x risk on hand-built data, logging calls and promises, disputes that
# pause escalation, collectors, and every bad input refused with its rule.
. "$(dirname "$0")/lib.sh"
DB="$TMP/co.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
for u in "zhangwei sales 张伟" "lina sales 李娜" "zhoumin credit 周敏" "wufang finance 吴芳" "huangjun gm 黄军"; do
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

# refused NAME RC PATTERN ARGS...: credo ARGS exits RC naming the rule and changes nothing.
refused() {
	name=$1 want=$2 pat=$3
	shift 3
	before=$(dump "$DB")
	run -d "$DB" "$@"
	expect "$name" "$want" "$pat"
	check "... and the database is unchanged" test "$before" = "$(dump "$DB")"
}

# row INVOICE: the worklist's CSV row of an invoice from the last run.
row() { printf '%s\n' "$OUT" | grep "^\"$1\","; }

# A credit file that rates grade A, B or C, then a standing limit of 500,000.00.
rate() {
	code=$1 grade=$2
	case $grade in
	A) fig="--current-assets 5,000,000 --current-liabilities 2,000,000 --cash 1,500,000 --total-assets 12,000,000
		--total-liabilities 3,000,000 --ebit 2,000,000 --interest 100,000" marks=5 ;;
	B) fig="--current-assets 5,000,000 --current-liabilities 2,500,000 --cash 800,000 --total-assets 12,000,000
		--total-liabilities 6,000,000 --ebit 1,500,000 --interest 300,000" marks=4 ;;
	C) fig="--current-assets 5,000,000 --current-liabilities 2,500,000 --cash 800,000 --total-assets 12,000,000
		--total-liabilities 6,000,000 --ebit 1,500,000 --interest 300,000" marks=3 ;;
	esac
	step 2026-01-05 --as zhoumin credit file add "$code" --date 2025-12-31 $fig --reach $marks --capital $marks \
		--brands $marks --logistics $marks --cooperation $marks --management $marks
	step 2026-01-05 --as zhoumin credit rate "$code"
	check "$code is rated grade $grade" sh -c "printf '%s' \"\$0\" | grep -q 'grade $grade'" "$S"
	step 2026-01-05 --as zhoumin credit limit "$code" --amount 500,000
}

step 2026-01-05 --as zhangwei customer add --name 上海华联超市有限公司	# C000001, grade A
step 2026-01-05 --as zhangwei customer add --name 广州恒信机电有限公司	# C000002, grade B
step 2026-01-05 --as lina customer add --name 北京同仁堂商贸有限公司	# C000003, grade C
step 2026-01-05 --as lina customer add --name 深圳华强电子有限公司	# C000004, grade D by veto
rate C000001 A
rate C000002 B
rate C000003 C
rate C000004 B

# Hand-built: amount alone would rank X Y Z W, days overdue alone W Z Y X; with
# the risk of the grade (A 1, B 2, C 3, D 4) as of 2026-11-23 it is X Z Y W:
#   X 30,000.00 x 40 days x 1 = 120,000,000 (fen)   Z 5,000.00 x 70 x 3 = 105,000,000
#   Y 10,000.00 x 50 days x 2 = 100,000,000         W 2,000.00 x 100 x 4 =  80,000,000
step 2026-09-14 --as wufang invoice add --customer C000001 --date 2026-09-14 --due 2026-10-14 --amount 30,000
X=$S
step 2026-09-04 --as wufang invoice add --customer C000002 --date 2026-09-04 --due 2026-10-04 --amount 10,000
Y=$S
step 2026-08-15 --as wufang invoice add --customer C000003 --date 2026-08-15 --due 2026-09-14 --amount 5,000
Z=$S
step 2026-07-16 --as wufang invoice add --customer C000004 --date 2026-07-16 --due 2026-08-15 --amount 2,000
W=$S
step 2026-11-23 --as zhoumin customer reputation C000004 bad --reason 多次恶意拖欠

run -d "$DB" --as zhoumin collect list --format csv
expect "the credit manager sees the worklist" 0
check "ranked by amount x days overdue x risk: X, Z, Y, W" \
	test "$(printf '%s\n' "$OUT" | sed 1d | cut -d, -f1 | tr -d '"' | tr '\n' ' ')" = "$X $Z $Y $W "
check "X: grade A, risk 1, rank 120,000,000, step 2 call" sh -c "printf '%s' \"\$0\" | grep -q \
	'\"C000001\",\"上海华联超市有限公司\",\"2026-10-14\",\"40\",\"30000.00\",\"A\",\"1\",\"120000000\",\"2\",\"call\",\"zhangwei\"'" "$(row "$X")"
check "Z: grade C, risk 3, 70 days, step 3 statement" sh -c "printf '%s' \"\$0\" | grep -q \
	'\"70\",\"5000.00\",\"C\",\"3\",\"105000000\",\"3\",\"statement\",\"lina\".*send a statement and visit'" "$(row "$Z")"
check "W: the reputation veto makes it grade D, risk 4, step 4 stop supply" sh -c "printf '%s' \"\$0\" | grep -q \
	'\"100\",\"2000.00\",\"D\",\"4\",\"80000000\",\"4\",\"stop_supply\"'" "$(row "$W")"
run -d "$DB" --as zhoumin settings set collection.risk.A 3
run -d "$DB" --as zhoumin collect list --format csv
check "the risk weights are settings: grade A at 3 puts X far ahead" sh -c "printf '%s' \"\$0\" | grep -q '\"A\",\"3\",\"360000000\"'" "$(row "$X")"
run -d "$DB" --as zhoumin settings set collection.risk.A 1
run -d "$DB" --as zhangwei collect list --format csv
check "a salesperson's worklist holds its own customers' invoices" \
	test "$(printf '%s\n' "$OUT" | sed 1d | cut -d, -f1 | tr -d '"' | tr '\n' ' ')" = "$X $Y "
run -d "$DB" --as zhoumin collect list --for lina --format csv
check "--for keeps one collector's items" \
	test "$(printf '%s\n' "$OUT" | sed 1d | cut -d, -f1 | tr -d '"' | tr '\n' ' ')" = "$Z $W "
run -d "$DB" --as zhoumin collect list --for nosuch
expect "--for an unknown login is refused" 2 'no user with login nosuch'
run -d "$DB" --as zhoumin collect list --format json
printf '%s' "$OUT" >"$TMP/j.json"
check "collect list --format json is valid JSON" test "$(sqlite3 :memory: "SELECT json_valid(readfile('$TMP/j.json'))")" = 1

# --- logging what was done -------------------------------------------------------
run -d "$DB" --as zhangwei collect log "$X" --kind call --outcome "财务说月底安排付款"
expect "the salesperson logs a call" 0 "logged call on $X \\(action 1\\)"
run -d "$DB" --as zhangwei collect list --format csv
check "the call is the last action, and the next step is the statement at 60 days" sh -c "printf '%s' \"\$0\" | grep -q \
	'\"2026-11-23\",\"call\",.*follow up; at 60 days: send a statement and visit'" "$(row "$X")"
run -d "$DB" --as zhangwei collect log "$Y" --kind promise --outcome "答应月底前付清" --promise 10,000 --promise-date 2026-11-30
expect "a promise to pay with amount and date" 0 'logged promise'
run -d "$DB" --as zhangwei collect list --format csv
check "an open promise: wait for it" sh -c "printf '%s' \"\$0\" | grep -q \
	'\"open\",\"10000.00\",\"2026-11-30\",\"wait for the promise of 10,000.00 by 2026-11-30\"'" "$(row "$Y")"
run -d "$DB" --as zhangwei collect list --as-of 2026-12-01 --format csv
check "the day after, the promise is broken and the step is due" sh -c "printf '%s' \"\$0\" | grep -q \
	'\"broken\",\"10000.00\",\"2026-11-30\",\"promise broken: call the customer\"'" "$(row "$Y")"
run -d "$DB" --as zhangwei alerts --as-of 2026-12-01 --format csv
expect "the broken promise is an alert" 0 "\"promise_broken\",\"\",\"C000002\",.*\"$Y\",\"10000.00\",\"zhangwei\",\"2026-11-30\""
run -d "$DB" --as lina collect log "$Z" --kind promise --promise 2,000 --promise-date 2026-11-30
step 2026-11-25 --as wufang payment add --customer C000003 --date 2026-11-25 --amount 2,000
run -d "$DB" --as lina collect list --as-of 2026-12-01 --format csv
check "a promise paid by its date is kept" sh -c "printf '%s' \"\$0\" | grep -q '\"3000.00\",.*\"kept\",\"2000.00\"'" "$(row "$Z")"
run -d "$DB" --as lina alerts --as-of 2026-12-01 --format csv
expect "... and no alert" 0
check "... none at all for a kept promise" sh -c "! printf '%s' \"\$0\" | grep -q 'promise_broken'" "$OUT"
run -d "$DB" --as zhangwei collect log --customer C000002 --kind statement --outcome 寄送十一月对账单
expect "an action on the customer as a whole" 0 'logged statement on C000002'
run -d "$DB" --as zhangwei collect history --customer C000002 --format csv
expect "the customer's history lists its actions, newest first" 0 '"statement","zhangwei",.*寄送十一月对账单'

refused "a promise of more than is open is refused" 2 'more than the 10,000.00 open' \
	--as zhangwei collect log "$Y" --kind promise --promise 12,000 --promise-date 2026-12-15
refused "a promise dated before it was made is refused" 2 'before the promise was made' \
	--as zhangwei collect log "$Y" --kind promise --promise 1,000 --promise-date 2026-11-20
refused "a promise needs its date" 2 'needs the amount' --as zhangwei collect log "$Y" --kind promise --promise 1,000
refused "only a promise has a promised amount" 2 'only a promise' \
	--as zhangwei collect log "$Y" --kind call --promise 1,000 --promise-date 2026-12-15
refused "an unknown kind is refused with the list" 2 'one of reminder, call' --as zhangwei collect log "$Y" --kind email
refused "an action cannot be dated after today" 2 'after today' --as zhangwei collect log "$Y" --kind call --date 2026-11-24
refused "an action before the invoice existed is refused" 2 'before' --as zhangwei collect log "$Y" --kind call --date 2026-09-01
refused "another salesperson's invoice is refused" 3 "may not see invoice $Z" --as zhangwei collect log "$Z" --kind call
refused "the general manager does not log collection actions" 3 'permission denied' --as huangjun collect log "$Y" --kind call
run -d "$DB" --as zhangwei collect log "$Y"
expect "log needs --kind" 1 'needs --kind'

# --- a dispute pauses escalation until it is resolved -----------------------
run -d "$DB" --as lina collect dispute "$Z"
expect "a dispute needs a note" 1 'needs --note'
run -d "$DB" --as lina collect dispute "$Z" --note "质量问题:两箱破损"
expect "lina disputes Z" 0 "$Z is disputed: escalation paused"
run -d "$DB" --as lina collect list --format csv
check "the disputed item is paused and the next thing is the dispute" sh -c "printf '%s' \"\$0\" | grep -q \
	'\"paused\",.*\"resolve the dispute raised 2026-11-23 (escalation paused)\"'" "$(row "$Z")"
refused "a disputed invoice cannot be disputed twice" 2 'already disputed since 2026-11-23' \
	--as lina collect dispute "$Z" --note again
run -d "$DB" --as lina collect resolve "$Z" --note "同意折让后客户确认余额"
expect "lina resolves the dispute" 0 'dispute resolved: escalation resumes'
run -d "$DB" --as lina collect list --format csv
check "resolved, the item is back at step 3" sh -c "printf '%s' \"\$0\" | grep -q '\"3\",\"statement\",\"lina\"'" "$(row "$Z")"
refused "an undisputed invoice cannot be resolved" 2 'is not disputed' --as lina collect resolve "$Z" --note x
run -d "$DB" --as lina collect history "$Z" --format csv
expect "the history keeps the dispute with its resolution" 0 '"dispute","lina",.*"2026-11-23","质量问题:两箱破损 \[resolved: 同意折让后客户确认余额\]"'

# --- collectors ---------------------------------------------------------------
refused "a salesperson does not assign collectors" 3 'may not assign collectors' --as zhangwei collect assign "$X" --to lina
refused "the general manager is no collector" 2 'does not collect debts' --as wufang collect assign "$X" --to huangjun
refused "an unknown collector is refused" 2 'no active user with login nosuch' --as wufang collect assign "$X" --to nosuch
run -d "$DB" --as wufang collect assign "$X" --to lina
expect "finance names a collector" 0 "^1 invoice now collected by lina$"
run -d "$DB" --as zhoumin collect list --for lina --format csv
check "the invoice is on the new collector's worklist" sh -c "printf '%s' \"\$0\" | grep -q '^\"$X\"'" "$OUT"
run -d "$DB" --as zhoumin alerts --for lina --format csv
expect "... and its overdue alert names the new collector" 0 "\"overdue\",\"2\",\"C000001\",.*\"$X\",\"30000.00\",\"lina\""
run -d "$DB" --as zhoumin collect assign --customer C000002 --to wufang
expect "the credit manager assigns all of a customer's open invoices" 0 '^1 invoice now collected by wufang$'
refused "assigning whoever already collects changes nothing" 2 'already collects' \
	--as zhoumin collect assign --customer C000002 --to wufang

# --- a settled invoice is not collected ---------------------------------------
step 2026-11-23 --as wufang payment add --customer C000001 --date 2026-11-23 --amount 30,000
run -d "$DB" --as zhoumin collect list --format csv
check "a paid invoice leaves the worklist" sh -c "! printf '%s' \"\$0\" | grep -q '^\"$X\"'" "$OUT"
refused "nothing is logged on a settled invoice" 2 'is settled' --as zhangwei collect log "$X" --kind call

check "every action is in the audit log" test "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE entity = 'collection_actions'")" -ge 6
run -d "$DB" check
expect "the audit chain holds" 0 'audit chain +ok'
finish
