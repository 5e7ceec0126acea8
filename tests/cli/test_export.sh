# Month close and the receivables workbook (issue 6), tried on the demo
# company as finance would: close the months in order, export October, read
# the workbook back with a real xlsx reader (openpyxl) and check it against
# the ledger to the fen, then enter November's money and export October
# again: every cell is the same.
. "$(dirname "$0")/lib.sh"
HERE=$(dirname "$0")
DB="$TMP/x.db"

# A python3 that can read xlsx: scripts/deps installs Debian's python3-openpyxl.
PY=""
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null; then
		PY=$p
		break
	fi
done
check "python3-openpyxl is installed (scripts/deps)" test -n "$PY"

# xlsx CHECK ARGS...: run xlsx_check.py, passing its ok / not ok lines on.
xlsx() {
	out=$("$PY" "$HERE/xlsx_check.py" "$@" 2>&1)
	rc=$?
	printf '%s\n' "$out"
	n=$(printf '%s\n' "$out" | grep -c '^not ok ')
	failures=$((failures + n))
	if [ "$rc" -ne 0 ] && [ "$n" -eq 0 ]; then not_ok "xlsx_check.py $1 (exit $rc)"; fi
}

# sql QUERY: one value from the database, the way `sqlite3 FILE` sees it.
sql() { sqlite3 "$DB" "$1"; }

# The ledger's own figures at a month's end, in fen: open invoices, and invoices less payments.
open_at() {
	sql "SELECT coalesce(sum(i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a
		WHERE a.invoice_id = i.id AND a.alloc_date <= '$1' AND (a.reversed_at IS NULL OR a.reversed_at > '$1'))), 0)
		FROM invoices i WHERE i.amount > 0 AND i.invoice_date <= '$1'"
}
balance_at() {
	sql "SELECT (SELECT coalesce(sum(amount), 0) FROM invoices WHERE invoice_date <= '$1')
		- (SELECT coalesce(sum(amount), 0) FROM payments WHERE pay_date <= '$1'
		AND (reversed_at IS NULL OR reversed_at > '$1'))"
}

"$CREDO_BIN" -d "$DB" init >/dev/null
"$CREDO_BIN" -d "$DB" demo >/dev/null
FIRST=$(sql "SELECT substr(min(invoice_date), 1, 7) FROM invoices")

# Months close in order, once, after they end, by finance only.
run -d "$DB" --as wufang month close 2026-10
expect "an earlier month with entries must be closed first" 2 "month $FIRST has ledger entries and is not closed"
run -d "$DB" --as zhoumin month close "$FIRST"
expect "the credit manager does not close months" 3 'permission denied'
run -d "$DB" --as wufang month close 2026-11
expect "a month closes after it ends" 2 'month 2026-11 has not ended yet'
run -d "$DB" --as wufang month close 2026-1
expect "a month is YYYY-MM" 2 'write it as YYYY-MM'
m=$FIRST
closed_all=1
while [ "$m" != 2026-10 ]; do
	"$CREDO_BIN" -d "$DB" --as wufang month close "$m" >/dev/null 2>"$TMP/err" || { closed_all=0; cat "$TMP/err"; }
	m=$(sql "SELECT strftime('%Y-%m', '$m-01', '+1 month')")
done
check "finance closes every month from $FIRST in order" test "$closed_all" = 1
run -d "$DB" --as wufang month close 2026-10
expect "October closes" 0 '^closed 2026-10: [0-9]+ customers, closing balance [0-9,.]+'
run -d "$DB" --as wufang month close 2026-10
expect "a month closes once" 2 'month 2026-10 is already closed'
run -d "$DB" --as wufang month list --format csv
expect "the month list shows October closed by finance" 0 '^"2026-10","closed","[0-9T:Z-]+","wufang"'
expect "... and November open" 0 '^"2026-11","open"'

# The workbook of the closed month.
OPEN=$(open_at 2026-10-31)
CLOSING=$(balance_at 2026-10-31)
run -d "$DB" --as wufang export receivables --month 2026-10 -o "$TMP/oct.xlsx"
expect "finance exports October" 0 'wrote .*oct.xlsx / Open items: [1-9][0-9]* rows'
expect "... read from the frozen figures" 0 'month 2026-10 is closed: the frozen figures as of 2026-10-31'
run -d "$DB" --as huangjun export receivables --month 2026-10 -o "$TMP/gm.xlsx"
expect "the general manager exports too" 0
run -d "$DB" --as zhangwei export receivables --month 2026-10 -o "$TMP/sales.xlsx"
expect "a salesperson does not export the company's receivables" 3 'permission denied'
check "... and no file is left" test ! -e "$TMP/sales.xlsx" -a ! -e "$TMP/sales.xlsx.part"
run -d "$DB" --as wufang export receivables --month 2026-10 -o "$TMP/no/such/dir.xlsx"
expect "an unwritable file is an error" 4 'cannot write'
run -d "$DB" --as wufang export receivables --month 2026-10 -o "$TMP/oct" --format csv
expect "the same tables as CSV" 0 "wrote $TMP/oct-open-items.csv: [0-9]+ rows"

# Entries dated in the closed month are refused; November's go in.
# Every change writes an audit row: their count and the ledger's rows tell whether anything changed.
state() { sql "SELECT (SELECT count(*) FROM audit_log) || ' ' || (SELECT count(*) FROM payments) || ' '
	|| (SELECT count(*) FROM invoices) || ' ' || (SELECT count(*) FROM allocations)"; }
before=$(state)
run -d "$DB" --as wufang payment add --customer C000002 --date 2026-10-15 --amount 100
expect "a payment dated in a closed month is refused" 2 \
	'month 2026-10 is closed: finance reopens it with credo month reopen 2026-10'
run -d "$DB" --as wufang invoice add --customer C000002 --date 2026-10-31 --amount 100
expect "an invoice dated in a closed month is refused" 2 'month 2026-10 is closed'
check "... and nothing changed" test "$before" = "$(state)"

# November: money for an invoice open at October's end, an October payment
# reversed, a new invoice, a renamed customer.
OWES=$(sql "SELECT c.code FROM invoices i JOIN customers c ON c.id = i.customer_id
	WHERE i.amount > 0 AND i.invoice_date <= '2026-10-31' AND i.amount > (SELECT coalesce(sum(a.amount), 0)
	FROM allocations a WHERE a.invoice_id = i.id AND a.reversed_at IS NULL) ORDER BY i.due_date LIMIT 1")
run -d "$DB" --as wufang payment add --customer "$OWES" --date 2026-11-23 --amount 1.23
expect "a payment dated next month goes in" 0 'PAY-'
PAID=$(sql "SELECT code FROM payments WHERE pay_date BETWEEN '2026-10-01' AND '2026-10-31'
	AND reversed_at IS NULL ORDER BY id LIMIT 1")
run -d "$DB" --as wufang payment reverse "$PAID" --reason 退票 --date 2026-11-23
expect "an October payment is reversed in November" 0
run -d "$DB" --as zhoumin invoice add --customer "$OWES" --date 2026-11-20 --amount 500 --override 补货,信用经理同意
expect "an invoice dated next month goes in (the customer is on hold: the credit manager overrides)" 0 'INV-'
run -d "$DB" --as wangqiang customer edit "$OWES" --name 改过名字的客户有限公司
expect "a customer is renamed" 0
run -d "$DB" --as wufang export receivables --month 2026-10 -o "$TMP/oct2.xlsx"
expect "October exports again" 0 'is closed'

# The open month is live, as of its last day, and says so.
run -d "$DB" --as wufang export receivables --month 2026-11 -o "$TMP/nov.xlsx"
expect "November exports live" 0 'month 2026-11 is not closed: live figures as of its last day, 2026-11-30'
NOV_OPEN=$(open_at 2026-11-30)
NOV_CLOSING=$(balance_at 2026-11-30)

# Reopening: a reason, the latest month first, audited; then October takes the entry and closes again.
run -d "$DB" --as wufang month reopen 2026-10
expect "reopening needs a reason" 1 'reason'
run -d "$DB" --as wufang month reopen 2026-09 --reason 补录
expect "the latest closed month reopens first" 2 'month 2026-10 is closed too'
run -d "$DB" --as wufang month reopen 2026-10 --reason 补录一笔十月的回款
expect "finance reopens October" 0 'reopened 2026-10'
run -d "$DB" --as wufang payment add --customer "$OWES" --date 2026-10-31 --amount 2.00
expect "the reopened month takes the entry" 0 'PAY-'
run -d "$DB" --as wufang month close 2026-10
expect "October closes again" 0 'closed 2026-10'
check "the audit log has the close, the reopening with its reason, and the close again" test \
	"$(sql "SELECT group_concat(action || ':' || json_extract(after, '$.state') || ':' ||
		coalesce(json_extract(after, '$.reopen_reason'), ''), ' ') FROM (SELECT * FROM audit_log
		WHERE entity = 'month_closes' AND entity_id = (SELECT id FROM month_closes WHERE month = '2026-10')
		ORDER BY id)")" = "close:closed: reopen:reopened:补录一笔十月的回款 close:closed:补录一笔十月的回款"
run -d "$DB" --as wufang export receivables --month 2026-10 -o "$TMP/oct3.xlsx"
expect "... and exports with the entry" 0 'is closed'
run -d "$DB" check
expect "the audit chain holds" 0 'audit chain +ok'

# Every workbook read back at once (one python start): October closed, its
# CSV, October again after November's entries, November live, October re-closed.
[ -n "$PY" ] && xlsx workbook "$TMP/oct.xlsx" "$OPEN" "$CLOSING" closed + csv "$TMP/oct.xlsx" "$TMP/oct" \
	+ same "$TMP/oct.xlsx" "$TMP/oct2.xlsx" + workbook "$TMP/nov.xlsx" "$NOV_OPEN" "$NOV_CLOSING" open \
	+ has "$TMP/nov.xlsx" Summary '^C[0-9]+	改过名字的客户有限公司	' "November shows the renamed customer" \
	+ has "$TMP/nov.xlsx" Summary '^C[0-9]+	[^	]*	[^	]*	[ABCD]	' "... and the grades in force at its end" \
	+ workbook "$TMP/oct3.xlsx" "$(open_at 2026-10-31)" "$(balance_at 2026-10-31)" closed
finish
