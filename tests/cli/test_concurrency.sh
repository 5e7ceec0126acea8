# Several people on one file: STRESS_PROCS processes each make
# STRESS_WRITES mixed writes (visits, invoices, payments) through the CLI at
# once while a reader keeps reading. Every write lands, no "database is
# locked" reaches anyone, readers never fail, and check passes. The suite
# runs 8 x 24 on the sanitizer build; `make stress` runs 8 x 500.
. "$(dirname "$0")/lib.sh"
procs=${STRESS_PROCS:-8}
writes=${STRESS_WRITES:-24}
DB="$TMP/c.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
for u in "zhangwei sales" "zhoumin credit" "wufang finance"; do
	set -- $u
	"$CREDO_BIN" -d "$DB" user add "$1" --role "$2" >/dev/null
done
"$CREDO_BIN" -d "$DB" --as zhangwei customer add --name 上海华联超市有限公司 >/dev/null
"$CREDO_BIN" -d "$DB" --as zhoumin credit file add C000001 --date 2026-06-30 --current-assets 5,000,000 \
	--current-liabilities 2,000,000 --cash 1,500,000 --total-assets 10,000,000 --total-liabilities 3,000,000 \
	--ebit 2,000,000 --interest 100,000 --revenue 30,000,000 --reach 5 --capital 5 --brands 4 --logistics 4 \
	--cooperation 5 --management 4 >/dev/null
"$CREDO_BIN" -d "$DB" --as zhoumin credit rate C000001 >/dev/null
run -d "$DB" --as zhoumin credit limit C000001 --amount 50,000,000
expect "the customer has a limit big enough for every invoice" 0

# worker N: its share of writes, one credo process each; failures go to err.N.
worker() {
	i=1
	while [ $i -le "$writes" ]; do
		case $((i % 3)) in
		0) "$CREDO_BIN" -d "$DB" --as zhangwei visit add --customer C000001 --kind phone \
			--notes "进程$1 第$i次" ;;
		1) "$CREDO_BIN" -d "$DB" --as wufang invoice add --customer C000001 --date 2026-11-20 \
			--amount 100.00 --notes "p$1-$i" ;;
		2) "$CREDO_BIN" -d "$DB" --as wufang payment add --customer C000001 --date 2026-11-20 \
			--amount 50.00 --ref "p$1-$i" ;;
		esac >/dev/null 2>>"$TMP/err.$1" || echo "worker $1 write $i failed" >>"$TMP/err.$1"
		i=$((i + 1))
	done
}
reader() {
	reads=0
	while [ ! -e "$TMP/done" ]; do
		"$CREDO_BIN" -d "$DB" --as wufang report aging >/dev/null 2>>"$TMP/err.reader" ||
			echo "read failed" >>"$TMP/err.reader"
		"$CREDO_BIN" -d "$DB" --as zhangwei customer list >/dev/null 2>>"$TMP/err.reader" ||
			echo "read failed" >>"$TMP/err.reader"
		reads=$((reads + 2))
	done
	echo $reads >"$TMP/reads"
}

reader &
rpid=$!
p=1 pids=""
while [ $p -le "$procs" ]; do
	worker $p &
	pids="$pids $!"
	p=$((p + 1))
done
for pid in $pids; do wait "$pid"; done
touch "$TMP/done"
wait $rpid

cat "$TMP"/err.[0-9]* >"$TMP/errors" 2>/dev/null
check "no write failed ($procs processes x $writes writes)" test ! -s "$TMP/errors"
check "no 'database is locked' or busy message reached anyone" sh -c "! cat '$TMP'/err.* 2>/dev/null | grep -qi 'locked\|busy'"
head -n 5 "$TMP/errors" | sed 's/^/# /'
inv=$(( ((writes + 2) / 3) * procs )) pay=$(( ((writes + 1) / 3) * procs )) vis=$(( (writes / 3) * procs ))
check "every invoice is there ($inv)" test "$(sqlite3 "$DB" "SELECT count(*) FROM invoices")" -eq "$inv"
check "every payment is there ($pay)" test "$(sqlite3 "$DB" "SELECT count(*) FROM payments")" -eq "$pay"
check "every visit is there ($vis)" test "$(sqlite3 "$DB" "SELECT count(*) FROM visits")" -eq "$vis"
check "the reader read throughout ($(cat "$TMP/reads") reads) and never failed" \
	sh -c "[ \$(cat '$TMP/reads') -gt 0 ] && [ ! -s '$TMP/err.reader' ]"
run -d "$DB" check
expect "the file passes check after the storm" 0 'ledger +ok'
echo "# concurrency figures: processes=$procs writes_each=$writes committed=$((inv + pay + vis)) reads=$(cat "$TMP/reads")"
finish
