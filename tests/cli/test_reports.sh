# Management reports as a new user tries them (issue 10, "Done means"): the
# commission worked example of docs/reports.md to the fen, the scorecard's
# money against the payments, ABC classes, targets, who sees what, and the
# workbooks with their charts.
. "$(dirname "$0")/lib.sh"
HERE=$(dirname "$0")
DOC="$HERE/../../docs/reports.md"
PY=/usr/bin/python3
DB="$TMP/r.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
for u in "zhangwei sales 张伟 华东销售部" "lina sales 李娜 华东销售部" "chenjing sales 陈静 华南销售部" \
	"wangqiang sales_manager 王强 华东销售部" "zhoumin credit 周敏 信用管理部" "wufang finance 吴芳 财务部" \
	"huangjun gm 黄军 总经理办公室"; do
	set -- $u
	"$CREDO_BIN" -d "$DB" user add "$1" --role "$2" --name "$3" --dept "$4" >/dev/null
done
"$CREDO_BIN" -d "$DB" --as zhangwei customer add --name 上海华联超市有限公司 >/dev/null	# C000001
"$CREDO_BIN" -d "$DB" --as zhoumin credit file add C000001 --date 2026-06-30 --current-assets 5,000,000 \
	--current-liabilities 2,000,000 --cash 1,500,000 --total-assets 10,000,000 --total-liabilities 3,000,000 \
	--ebit 2,000,000 --interest 100,000 --revenue 30,000,000 --reach 5 --capital 5 --brands 4 --logistics 4 \
	--cooperation 5 --management 4 >/dev/null
"$CREDO_BIN" -d "$DB" --as zhoumin credit rate C000001 >/dev/null
"$CREDO_BIN" -d "$DB" --as zhoumin credit limit C000001 --amount 500,000 >/dev/null

# The worked example of docs/reports.md, run as written there.
sed -n '/<!-- example:begin -->/,/<!-- example:end -->/p' "$DOC" | sed '/^```\|^<!--/d' >"$TMP/example.sh"
check "the doc holds the worked example" test "$(wc -l <"$TMP/example.sh")" -ge 8
out=$(while read -r line; do
	eval "set -- ${line#credo }"
	"$CREDO_BIN" -d "$DB" "$@" 2>&1 || echo "FAILED: $line"
done <"$TMP/example.sh")
check "the worked example runs" sh -c "! printf '%s' \"\$0\" | grep -q FAILED" "$out"
# The lines and the sums of the doc's table, to the fen.
for want in \
	'"zhangwei","PAY-1","2026-11-03","C000001","INV-1","2026-11-04","30000.00","10000.00","600.00","1000.00","0","0.00%","0.00","1600.00"' \
	'"zhangwei","PAY-2","2026-11-10","C000001","INV-2","2026-10-01","1234.57","0.00","37.04","0.00","40","20.00%","7.41","29.63"' \
	'"zhangwei","PAY-3","2026-11-20","C000001","INV-1","2026-11-04","45000.00","15000.00","900.00","1500.00","16","10.00%","240.00","2160.00"'; do
	check "commission line as in the doc: $(printf '%s' "$want" | cut -d, -f2)" sh -c \
		"printf '%s\n' \"\$0\" | grep -qF -- '$want'" "$out"
done
reserve=$(sed -n 's/.*<!-- example:reserve -->\*\*\([0-9,.]*\)\*\*.*/\1/p' "$DOC" | tr -d ,)
payable=$(sed -n 's/.*<!-- example:payable -->\*\*\([0-9,.]*\)\*\*.*/\1/p' "$DOC" | tr -d ,)
check "the doc states reserve and payable" test -n "$reserve" -a -n "$payable"
check "the statement's sums, reserve and payable are the doc's" sh -c "printf '%s\n' \"\$0\" | grep -qF -- \
'\"zhangwei\",\"张伟\",\"2026-11\",\"3\",\"76234.57\",\"25000.00\",\"51234.57\",\"1537.04\",\"2500.00\",\"4037.04\",\"247.41\",\"3789.63\",\"$reserve\",\"$payable\",\"0.00\"'" "$out"
run -d "$DB" --as zhangwei report commission --month 2026-11 --for zhangwei
expect "the table shows how the payable was reached" 0 'payable +3,410\.67'
expect "... with the excess at its rate" 0 'above list price +25,000\.00 x 10\.00% += +2,500\.00'

# The reserve stops at its cap.
"$CREDO_BIN" -d "$DB" settings set commission.reserve_cap 100 >/dev/null
run -d "$DB" --as zhangwei report commission --month 2026-11 --format csv
expect "the reserve is held only up to its cap" 0 '"3789.63","100.00","3689.63","0.00"'
run -d "$DB" --as zhangwei report commission --month 2026-12 --format csv
expect "... and a later month holds nothing more once it is reached" 0 '"0.00","0.00","0.00","100.00"'
"$CREDO_BIN" -d "$DB" settings set commission.reserve_cap 5000 >/dev/null

# Every number is a setting.
"$CREDO_BIN" -d "$DB" settings set commission.basic_bp 500 >/dev/null
run -d "$DB" --as zhangwei report commission --month 2026-11 --format csv
expect "a different basic rate changes the statement" 0 '"2561.73"'
"$CREDO_BIN" -d "$DB" settings set commission.basic_bp 300 >/dev/null

# Who sees what: exit 3, or nobody else's row.
run -d "$DB" --as lina report commission --month 2026-11 --for zhangwei
expect "a salesperson cannot see a colleague's commission" 3 'permission denied'
check "a refused report prints nothing on stdout, not a header over the error" test -z "$OUT"
run -d "$DB" --as lina report scorecard --for zhangwei
expect "nor a colleague's scorecard" 3 'permission denied'
run -d "$DB" --as lina report scorecard --format csv
check "a salesperson's scorecard shows only themself" sh -c \
	"test \"\$(printf '%s\n' \"\$0\" | sed 1d | cut -d, -f2 | tr '\n' ' ')\" = '\"lina\" '" "$OUT"
run -d "$DB" --as chenjing report commission --month 2026-11 --format csv
check "... and their commission only theirs" sh -c "! printf '%s' \"\$0\" | grep -q zhangwei" "$OUT"
run -d "$DB" --as wangqiang report scorecard --format csv
check "a sales manager sees the team, not the other department" sh -c \
	"printf '%s' \"\$0\" | grep -q '\"lina\"' && printf '%s' \"\$0\" | grep -q '\"zhangwei\"' && ! printf '%s' \"\$0\" | grep -q chenjing" "$OUT"
run -d "$DB" --as huangjun report scorecard --format csv
expect "the general manager sees everyone" 0 '"chenjing"'

# Targets.
run -d "$DB" --as wangqiang target set zhangwei --month 2026-11 --amount 100,000
expect "the sales manager sets a target for the team" 0
run -d "$DB" --as wangqiang target set chenjing --month 2026-11 --amount 100,000
expect "... not for another department" 3 'permission denied'
run -d "$DB" --as zhangwei target set zhangwei --month 2026-11 --amount 1
expect "a salesperson does not set their own target" 3 'permission denied'
run -d "$DB" --as wangqiang target set zhangwei --month 2026-13 --amount 1
expect "a month is YYYY-MM" 2 'YYYY-MM'
run -d "$DB" --as huangjun report targets --month 2026-11 --format csv
expect "actual against target, invoiced and collected" 0 '"zhangwei","张伟","","","100000.00","0.00","0.00%","76234.57","76.23%"'
# A product's target: the share of its lines in each contract, invoiced and collected.
run -d "$DB" --as wangqiang target set zhangwei --month 2026-10 --product P-LED --amount 50,000
expect "a target for one product" 0
run -d "$DB" --as wangqiang target set zhangwei --month 2026-10 --product NOPE --amount 1
expect "... of a product that exists" 2 'NOPE'
run -d "$DB" --as wangqiang target set zhangwei --month 2026-11 --product P-LED --amount 80,000
run -d "$DB" --as huangjun report targets --month 2026-11 --format csv
expect "the product's November: 75,000.00 collected of its contract, nothing invoiced" 0 \
	'"zhangwei","张伟","","P-LED","80000.00","0.00","0.00%","75000.00","93.75%"'
run -d "$DB" --as huangjun report targets --month 2026-10 --format csv
expect "... and its October: INV-1 invoiced, not yet paid" 0 '"zhangwei","张伟","","P-LED","50000.00","75000.00","150.00%","0.00"'
run -d "$DB" --as huangjun report scorecard --from 2026-11-01 --to 2026-11-23 --format csv
expect "the scorecard shows the month's target and the money collected" 0 \
	'"1","zhangwei","张伟","华东销售部",.*"76234.57","","100000.00"'

# Value classes over a demo company: 100 % of the basis, and a second run changes nothing.
DEMO="$TMP/demo.db"
"$CREDO_BIN" -d "$DEMO" init >/dev/null && "$CREDO_BIN" -d "$DEMO" demo >/dev/null
for basis in sales collected; do
	run -d "$DEMO" --as wangqiang report pareto --basis "$basis" --format csv
	sums=$(printf '%s\n' "$OUT" | sed 1d | awk -F'","' '{ gsub(/\./, "", $6); s += $6 } END { print s }')
	last=$(printf '%s\n' "$OUT" | tail -1 | awk -F'","' '{ gsub(/\./, "", $8); print $8 " " $9 }')
	check "ABC by $basis: the classes add up to 100 % of the basis" test "$sums 100.00%" = "$last"
	check "... and A, B and C all occur" sh -c \
		"printf '%s\n' \"\$0\" | cut -d, -f2 | sort -u | tr -d '\"\n' | grep -q '^ABCclass$'" "$OUT"
done
run -d "$DEMO" --as wangqiang classify customers --dry-run
before=$(dump "$DEMO")
run -d "$DEMO" --as wangqiang classify customers
expect "classification after the demo's own run changes nothing" 0 '^0 customers changed class'
check "... and writes nothing" test "$before" = "$(dump "$DEMO")"
"$CREDO_BIN" -d "$DEMO" settings set pareto.a_pct 60 >/dev/null
run -d "$DEMO" --as wangqiang classify customers --format csv
expect "a new cut-off moves customers out of A" 0 '"黄金客户","潜在黄金客户"'
moved=$(printf '%s\n' "$OUT" | grep -c '"黄金客户","潜在黄金客户"')
run -d "$DEMO" --as wangqiang classify customers
expect "the second run in a row changes nothing" 0 '^0 customers changed class'
run -d "$DEMO" --as wangqiang report classes --format csv --from 2026-11-23
check "who moved class lists every move ($moved from A to B)" test "$(printf '%s\n' "$OUT" | grep -c '"黄金客户","潜在黄金客户"')" -ge "$moved"
run -d "$DEMO" --as zhangwei classify customers
expect "a salesperson cannot classify" 3 'permission denied'

# The scorecard's collected is each salesperson's customers' payments in the period, to the fen.
for who in zhangwei lina liuyang chenjing zhaolei amy; do
	run -d "$DEMO" --as "$who" payment list --from 2026-05-01 --to 2026-11-23 --format csv
	paid=$(printf '%s\n' "$OUT" | sed 1d | awk -F'","' '$8 == "" { split($4, m, "."); s += m[1] * 100 + m[2] } END { printf "%d", s }')
	run -d "$DEMO" --as huangjun report scorecard --from 2026-05-01 --to 2026-11-23 --for "$who" --format json
	got=$(printf '%s' "$OUT" | sed -n 's/.*"collected":"\([0-9]*\)\.\([0-9]*\)".*/\1\2/p')
	check "scorecard collected of $who is their customers' payments ($paid fen)" test "$got" = "$paid" -a "$paid" -gt 0
done
run -d "$DEMO" --as huangjun report scorecard --by department --format json
expect "department totals" 0 '"key":"华东销售部"'

# Workbooks with their charts.
xlsx() {
	out=$("$PY" "$HERE/xlsx_chart.py" "$@" 2>&1)
	printf '%s\n' "$out" | grep -E '^(not )?ok ' | while read -r l; do echo "$l"; done
	n=$(printf '%s\n' "$out" | grep -c '^not ok ')
	failures=$((failures + n))
	if ! printf '%s\n' "$out" | grep -q '^ok '; then not_ok "xlsx_chart.py $* ($out)"; fi
}
run -d "$DEMO" --as huangjun report scorecard --from 2026-11-01 -o "$TMP/score.xlsx"
expect "the scorecard exports to a workbook" 0
xlsx "$TMP/score.xlsx" Scorecard 2
run -d "$DEMO" export receivables --month 2026-10 -o "$TMP/rx.xlsx"
expect "the receivables workbook" 0
xlsx "$TMP/rx.xlsx" Summary 1
run -d "$DEMO" --as huangjun report aging -o "$TMP/aging.xlsx"
expect "the aging report exports to a workbook" 0
xlsx "$TMP/aging.xlsx" Aging 1
for r in "pareto" "classes" "targets --month 2026-11" "commission --month 2026-11" "provision" "dso" \
	"due --month 2026-11" "collected" "funnel"; do
	run -d "$DEMO" --as huangjun report $r -o "$TMP/r.xlsx"
	expect "report $r exports to a workbook" 0
	check "... that opens" "$PY" -c "import openpyxl, sys; openpyxl.load_workbook(sys.argv[1])" "$TMP/r.xlsx"
done
run -d "$DEMO" --as huangjun report pareto -o "$TMP/r.txt"
expect "-o takes only workbooks" 1 '\.xlsx'
finish
