#!/bin/sh
# bench/run.sh - credo against what SQLite and libxlsxwriter can do on the
# same file, in the same invocation (`make bench`). Prints one table:
# metric, credo's median, the baseline's median, the ratio, the target and
# PASS/FAIL; then peak memory and the cost curve.
#
#   bench/run.sh [--smoke]
#
# Environment: CREDO_BIN (build/credo), BENCH_DIR (build/bench: the
# databases and outputs, never the source tree), RUNS (3), INVOICES
# (1000000), IMPORT_ROWS (1000000), SEED (20261123).
#
# --smoke: a 1,000-invoice company; checks that credo and the baselines
# give the same numbers (aging per customer, export cells) and asserts no
# time (the test suite runs it: tests/cli/test_bench_smoke.sh). Needs only
# $DIR/xlsx_baseline besides credo.
set -eu

SMOKE=0
[ "${1:-}" = "--smoke" ] && SMOKE=1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CREDO=${CREDO_BIN:-$ROOT/build/credo}
DIR=${BENCH_DIR:-$ROOT/build/bench}
RUNS=${RUNS:-3}
SEED=${SEED:-20261123}
INVOICES=${INVOICES:-1000000}
IMPORT_ROWS=${IMPORT_ROWS:-1000000}
if [ $SMOKE = 1 ]; then
	INVOICES=1000 IMPORT_ROWS=1000 RUNS=1
fi
export CREDO_TODAY=${CREDO_TODAY:-2026-11-23} LANG=${LANG:-C.UTF-8} TZ=UTC
ASOF=2026-10-31 MONTH=2026-10
DAY=$(sqlite3 :memory: "SELECT CAST(julianday('$ASOF') - 2440587.5 AS INTEGER)")
ME=$(id -un)
mkdir -p "$DIR"
FAIL=0

now() { date +%s%N; }

# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print -1 }'; }

# run N CMD...: median wall time in ms of N runs; peak RSS (KB) of the runs into $DIR/rss
run() {
	n=$1; shift
	: > "$DIR/times"
	: > "$DIR/rss"
	i=0
	while [ $i -lt "$n" ]; do
		t0=$(now)
		/usr/bin/time -f %M -o "$DIR/rss.one" "$@" > /dev/null 2> "$DIR/err" || {
			echo "bench: $* failed:" >&2; cat "$DIR/err" >&2; return 1; }
		t1=$(now)
		echo $(( (t1 - t0) / 1000000 )) >> "$DIR/times"
		tail -1 "$DIR/rss.one" >> "$DIR/rss"
		i=$((i + 1))
	done
	median < "$DIR/times"
}

# A database of $1 invoices, made once per generator version and seed.
make_db() {
	db=$DIR/company-$1.db
	stamp="$(cat "$ROOT"/src/core/demo*.c | cksum) $SEED $1"
	if [ -f "$db" ] && [ "$(cat "$db.stamp" 2>/dev/null)" = "$stamp" ]; then
		echo "$db"
		return
	fi
	rm -f "$db" "$db-wal" "$db-shm" "$db.stamp"
	t0=$(now)
	"$CREDO" -d "$db" init > /dev/null
	"$CREDO" -d "$db" demo --invoices "$1" --seed "$SEED" > /dev/null
	t1=$(now)
	echo $(( (t1 - t0) / 1000000 )) > "$db.build_ms"
	echo "$stamp" > "$db.stamp"
	echo "$db"
}

ROWS=""
# row METRIC CREDO_MS BASE_MS TARGET KIND: KIND ratio (target is a ratio) or ms (an absolute bound) or rate
row() {
	metric=$1 c=$2 b=$3 target=$4 kind=$5
	verdict=$(awk -v c="$c" -v b="$b" -v t="$target" -v k="$kind" 'BEGIN {
		if (c < 0) { print "FAIL"; exit }
		if (k == "ratio") ok = (b > 0 && c / b <= t)
		else if (k == "rate") ok = (c >= t)
		else ok = (c <= t)
		print ok ? "PASS" : "FAIL" }')
	ratio=$(awk -v c="$c" -v b="$b" 'BEGIN { if (b > 0) printf "%.2f", c / b; else print "-" }')
	[ $SMOKE = 1 ] && verdict=-
	[ "$verdict" = FAIL ] && FAIL=1
	ROWS="$ROWS$(printf '%-28s %12s %12s %7s %12s  %s' "$metric" "$c" "$b" "$ratio" "$target" "$verdict")
"
}

aging_credo() { "$CREDO" -d "$1" report aging --as-of $ASOF --format csv; }
aging_base() {
	sqlite3 -csv "$1" ".parameter set @date \"'$ASOF'\"" ".parameter set @day $DAY" ".read $ROOT/bench/aging.sql"
}

# aging DB: median ms credo, baseline; checks the numbers agree
aging() {
	aging_credo "$1" | tail -n +2 | tr -d '"\r' > "$DIR/aging.credo"
	aging_base "$1" | tr -d '"\r' > "$DIR/aging.base"
	if ! cmp -s "$DIR/aging.credo" "$DIR/aging.base"; then
		echo "bench: credo's aging and the SQL baseline differ ($DIR/aging.credo, $DIR/aging.base)" >&2
		FAIL=1
		[ $SMOKE = 1 ] && exit 1
	fi
	AGING_C=$(run "$RUNS" sh -c "\"$CREDO\" -d \"$1\" report aging --as-of $ASOF --format csv")
	AGING_B=$(run "$RUNS" sh -c "sqlite3 -csv \"$1\" \".parameter set @date \\\"'$ASOF'\\\"\" \".parameter set @day $DAY\" \".read $ROOT/bench/aging.sql\"")
}

# export DB: median ms credo, baseline, credo's peak RSS; checks the rows agree
export_() {
	rm -f "$DIR"/rx-*.csv
	"$CREDO" -d "$1" --as wufang export receivables --month $MONTH -o "$DIR/rx.csv" --format csv > /dev/null
	set -- "$1" "$DIR/rx-summary.csv" "$DIR/rx-open-items.csv" "$DIR/rx-received.csv" "$DIR/rx-alerts.csv"
	EXPORT_C=$(run "$RUNS" "$CREDO" -d "$1" --as wufang export receivables --month $MONTH -o "$DIR/credo.xlsx")
	EXPORT_RSS=$(sort -n "$DIR/rss" | tail -1)
	EXPORT_B=$(run "$RUNS" "$DIR/xlsx_baseline" "$DIR/base.xlsx" "$2" "$3" "$4" "$5")
	# The cell by cell comparison reads both workbooks whole: only at smoke size.
	PY=""
	for p in python3 /usr/bin/python3; do
		"$p" -c 'import openpyxl' 2> /dev/null && { PY=$p; break; }
	done
	if [ $SMOKE = 1 ] && [ -z "$PY" ]; then
		echo "bench: the smoke run needs python3-openpyxl (scripts/deps)" >&2
		exit 1
	fi
	if [ $SMOKE = 1 ]; then
		"$PY" - "$DIR/credo.xlsx" "$DIR/base.xlsx" <<'EOF' || { FAIL=1; [ $SMOKE = 1 ] && exit 1; }
import sys, openpyxl
a, b = (openpyxl.load_workbook(p, read_only=True) for p in sys.argv[1:3])
for s in a.sheetnames:
    ra = [r for r in a[s].iter_rows(values_only=True)]
    rb = [r for r in b[s].iter_rows(values_only=True)]
    # the header and data rows (not the totals and the note under them)
    while rb and rb[-1][0] == "Total":
        rb.pop()
    if len(ra) < len(rb) or [tuple(r[:len(rb[0])]) for r in ra[:len(rb)]] != [tuple(r) for r in rb]:
        sys.exit("bench: sheet %s differs between credo and the baseline" % s)
EOF
	fi
}

echo "credo benchmark: $INVOICES invoices, $RUNS runs each, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
DB=$(make_db "$INVOICES")
echo "database: $DB ($(du -m "$DB" | cut -f1) MB, built in $(cat "$DB.build_ms" 2>/dev/null || echo '?') ms)"

row "build the company (ms)" "$(cat "$DB.build_ms" 2>/dev/null || echo -1)" - 120000 ms
aging "$DB"
row "aging, all customers (ms)" "$AGING_C" "$AGING_B" 1.3 ratio
export_ "$DB"
row "receivables xlsx (ms)" "$EXPORT_C" "$EXPORT_B" 1.25 ratio
row "  credo peak RSS (KB)" "$EXPORT_RSS" - 65536 ms

if [ $SMOKE = 1 ]; then
	printf '\n%-28s %12s %12s %7s %12s  %s\n' metric credo baseline ratio target result
	printf '%s' "$ROWS"
	echo "smoke: aging and export agree with the baselines"
	exit 0
fi

"$DIR/micro" "$DB" "$ME" "$((RUNS * 2 + 1))" > "$DIR/micro.out"
for m in page_name_1 page_name_500 page_overdue_1 page_overdue_500 page_utilisation_1 page_utilisation_500; do
	v=$(awk -v m=$m '$1 == m { print $2 }' "$DIR/micro.out")
	row "customer $m (ms)" "${v:--1}" - 5 ms
done
for m in search_zh search_latin search_phone; do
	v=$(awk -v m=$m '$1 == m { print $2 }' "$DIR/micro.out")
	row "$m per key (ms)" "${v:--1}" - 20 ms
done
v=$(awk '$1 == "credit_check" { print $2 }' "$DIR/micro.out")
row "credit check (ms)" "${v:--1}" - 1 ms

# The TUI in a pseudo-terminal up to its first full screen.
TUI=$(run "$RUNS" script -qec "env TERM=xterm-256color CREDO_TUI_EXIT_AFTER_DRAW=1 '$CREDO' -d '$DB'" /dev/null || echo -1)
PTY=$(run "$RUNS" script -qec true /dev/null)
row "TUI to first screen (ms)" "$TUI" "$PTY" 150 ms

# CSV import of invoices for the rated customers, into a copy of the file.
cp "$DB" "$DIR/import.db"
rm -f "$DIR/import.db-wal" "$DIR/import.db-shm"
# Every row must pass the credit check (the import is all or nothing): rated
# customers (A-C) whose standing limit leaves 1,000.00 above their open
# invoices and with nothing near the 60-day hold, the rows dealt round them,
# each row's amount small enough that a customer's rows stay within 1,000.00.
sqlite3 -csv -header "$DB" "CREATE TEMP TABLE r AS SELECT c.code, row_number() OVER (ORDER BY c.id) - 1 AS k
	      FROM customers c WHERE (SELECT grade FROM credit_ratings g WHERE g.customer_id = c.id
				      ORDER BY g.rated_at DESC, g.id DESC LIMIT 1) IN ('A', 'B', 'C')
	      AND (SELECT amount FROM credit_limits l WHERE l.customer_id = c.id AND l.kind = 'standing'
		   ORDER BY l.effective_from DESC, l.id DESC LIMIT 1)
		  - (SELECT coalesce(sum(i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a
						     WHERE a.invoice_id = i.id AND a.reversed_at IS NULL)), 0)
		     FROM invoices i WHERE i.customer_id = c.id) >= 100000
	      AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = c.id AND i.due_day < $DAY - 20
		AND i.amount > (SELECT coalesce(sum(a.amount), 0) FROM allocations a
				WHERE a.invoice_id = i.id AND a.reversed_at IS NULL));
	WITH m(m) AS (SELECT count(*) FROM temp.r),
	n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $IMPORT_ROWS)
	SELECT 'IMP-' || i AS code, r.code AS customer, '2026-11-20' AS date,
	       printf('%.2f', max(1, min(100, 100000 / (($IMPORT_ROWS + m - 1) / m))) / 100.0) AS amount
	FROM n, m JOIN r ON r.k = n.i % m" > "$DIR/import.csv"
t0=$(now)
if /usr/bin/time -f %M -o "$DIR/rss.one" "$CREDO" -d "$DIR/import.db" --as wufang import invoices "$DIR/import.csv" \
	> /dev/null 2> "$DIR/import.err"; then
	t1=$(now)
	RATE=$(( IMPORT_ROWS * 1000 / ((t1 - t0) / 1000000 + 1) ))
else
	RATE=-1
	echo "bench: import failed: $(head -3 "$DIR/import.err")" >&2
fi
IMPORT_RSS=$(tail -1 "$DIR/rss.one")
# The baseline: SQLite alone writing the same rows into another copy.
cp "$DB" "$DIR/import.db"
rm -f "$DIR/import.db-wal" "$DIR/import.db-shm"
BASE_MS=$(sqlite3 "$DIR/import.db" "CREATE TEMP TABLE f(code TEXT, customer TEXT, date TEXT, amount TEXT)" \
	".import --csv --skip 1 --schema temp $DIR/import.csv f" ".read $ROOT/bench/import_baseline.sql" |
	awk '/^Run Time/ { s += $4 } END { printf "%d", s * 1000 + 1 }')
BASE_RATE=$(( IMPORT_ROWS * 1000 / BASE_MS ))
rm -f "$DIR/import.db" "$DIR/import.db-wal" "$DIR/import.db-shm"
row "CSV import (rows/s)" "$RATE" "$BASE_RATE" 300000 rate
row "  import peak RSS (KB)" "$IMPORT_RSS" - 65536 ms

printf '\n%-28s %12s %12s %7s %12s  %s\n' metric credo baseline ratio target result
printf '%s' "$ROWS"

# Cost curve: aging and export at 10k, 100k and the full size.
if [ $SMOKE = 0 ] && [ "${CURVE:-1}" = 1 ]; then
	printf '\ncost curve (median ms, peak KB)\n%10s %10s %10s %10s\n' invoices aging export "export KB"
	printf '%10s %10s %10s %10s\n' "$INVOICES" "$AGING_C" "$EXPORT_C" "$EXPORT_RSS"
	for n in 10000 100000; do
		d=$(make_db "$n")
		a=$(run "$RUNS" "$CREDO" -d "$d" report aging --as-of $ASOF --format csv)
		e=$(run "$RUNS" "$CREDO" -d "$d" --as wufang export receivables --month $MONTH -o "$DIR/curve.xlsx")
		k=$(sort -n "$DIR/rss" | tail -1)
		printf '%10s %10s %10s %10s\n' "$n" "$a" "$e" "$k"
	done
fi
[ $FAIL = 0 ] || { echo "some targets FAIL"; exit 1; }
echo "every target PASS"
