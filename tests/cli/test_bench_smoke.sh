# The benchmark at 1,000 invoices, so it never rots: the generated company
# passes credo check, credo's aging equals the hand-written SQL's and the
# exported workbook has the cells the libxlsxwriter baseline writes. No
# time is asserted (timing is make bench's).
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
B="$TMP/bench"
mkdir -p "$B"

if cc -O1 -std=c11 -D_DEFAULT_SOURCE -o "$B/xlsx_baseline" "$ROOT/bench/xlsx_baseline.c" \
	$(pkg-config --cflags --libs xlsxwriter) 2>"$TMP/cc.err"; then
	ok "the libxlsxwriter baseline builds"
else
	not_ok "the libxlsxwriter baseline builds ($(cat "$TMP/cc.err"))"
fi

run -d "$B/gen.db" init
run -d "$B/gen.db" demo --invoices 1000 --seed 7
expect "demo --invoices 1000 makes a company" 0 "100 customers"
run -d "$B/gen.db" check
expect "the generated company passes credo check" 0 "audit chain +ok"
n=$(sqlite3 "$B/gen.db" "SELECT count(*) FROM invoices")
paid=$(sqlite3 "$B/gen.db" "SELECT count(*) FROM invoices i WHERE amount < (SELECT coalesce(sum(amount), 0)
	FROM allocations a WHERE a.invoice_id = i.id)")
if [ "$n" = 1000 ] && [ "$paid" = 0 ]; then
	ok "1000 invoices, none paid beyond its amount"
else
	not_ok "1000 invoices, none paid beyond its amount ($n invoices, $paid overpaid)"
fi
audited=$(sqlite3 "$B/gen.db" "SELECT count(*) FROM invoices i WHERE NOT EXISTS (SELECT 1 FROM audit_log l
	WHERE l.entity = 'invoices' AND l.entity_id = i.id AND l.action = 'create')")
if [ "$audited" = 0 ]; then ok "every generated invoice has its audit row"
else not_ok "every generated invoice has its audit row ($audited without)"; fi
run -d "$B/gen.db" customer list --search 上海
expect "the generated customers are in the search index" 0 "上海"

if BENCH_DIR="$B" "$ROOT/bench/run.sh" --smoke >"$TMP/smoke.out" 2>&1; then
	ok "credo's aging and export agree with the SQL and libxlsxwriter baselines"
else
	not_ok "credo's aging and export agree with the SQL and libxlsxwriter baselines ($(tail -5 "$TMP/smoke.out"))"
fi
if grep -q "aging, all customers" "$TMP/smoke.out" && grep -q "receivables xlsx" "$TMP/smoke.out"; then
	ok "the smoke run prints the benchmark table"
else
	not_ok "the smoke run prints the benchmark table"
fi
finish
