# Aging as of any date: totals agree with the open items and the ledger, to the fen.
. "$(dirname "$0")/lib.sh"
DB="$TMP/a.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
"$CREDO_BIN" -d "$DB" demo >/dev/null
sql() { sqlite3 "$DB" "$1"; }

# The ledger's own numbers, straight from the tables, as of a date.
open_items() {
	sql "SELECT coalesce(sum(i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a
		WHERE a.invoice_id = i.id AND a.alloc_date <= '$1' AND (a.reversed_at IS NULL OR a.reversed_at > '$1'))), 0)
		FROM invoices i WHERE i.amount > 0 AND i.invoice_date <= '$1'"
}
balance() {
	sql "SELECT (SELECT coalesce(sum(amount), 0) FROM invoices WHERE invoice_date <= '$1')
		- (SELECT coalesce(sum(amount), 0) FROM payments WHERE pay_date <= '$1'
		   AND (reversed_at IS NULL OR reversed_at > '$1'))"
}
unapplied() {
	sql "SELECT (SELECT coalesce(sum(p.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a
		WHERE a.payment_id = p.id AND a.alloc_date <= '$1' AND (a.reversed_at IS NULL OR a.reversed_at > '$1'))), 0)
		FROM payments p WHERE p.pay_date <= '$1' AND (p.reversed_at IS NULL OR p.reversed_at > '$1'))
		+ (SELECT coalesce(sum(-i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a
		WHERE a.credit_note_id = i.id AND a.alloc_date <= '$1' AND (a.reversed_at IS NULL OR a.reversed_at > '$1'))), 0)
		FROM invoices i WHERE i.amount < 0 AND i.invoice_date <= '$1')"
}
# Sum of a report's total column in fen.
aging_total() {
	"$CREDO_BIN" -d "$DB" report aging --as-of "$1" --format csv |
		awk -F'","' 'NR > 1 { gsub(/"/, "", $(NF - 2)); split($(NF - 2), p, "."); s += p[1] * 100 + p[2] } END { printf "%d\n", s }'
}

for day in 2026-11-23 2026-05-23; do
	t=$(aging_total $day)
	check "aging total equals the open items as of $day" test "$t" = "$(open_items $day)"
	check "aging total less unapplied credit equals the ledger balance as of $day" \
		test $((t - $(unapplied $day))) = "$(balance $day)"
	check "the aging has something to show as of $day" test "$t" -gt 0
done

# An invoice paid last week is open in the aging as of a day before the payment.
row=$(sql "SELECT i.code || '|' || c.code || '|' || a.alloc_date FROM allocations a JOIN invoices i ON i.id = a.invoice_id
	JOIN customers c ON c.id = i.customer_id WHERE a.payment_id IS NOT NULL AND a.alloc_date >= '2026-11-16'
	AND a.alloc_date > i.invoice_date ORDER BY a.alloc_date LIMIT 1")
inv=${row%%|*}; rest=${row#*|}; cust=${rest%%|*}; paid=${rest#*|}
before=$(sqlite3 :memory: "SELECT date('$paid', '-1 day')")
check "the demo has a payment in the last week" test -n "$inv"
"$CREDO_BIN" -d "$DB" report aging --as-of "$before" --format csv >"$TMP/before.csv"
"$CREDO_BIN" -d "$DB" report aging --as-of "$paid" --format csv >"$TMP/after.csv"
b=$(grep "^\"$cust\"" "$TMP/before.csv" | awk -F'","' '{ print $(NF - 2) }')
a=$(grep "^\"$cust\"" "$TMP/after.csv" | awk -F'","' '{ print $(NF - 2) }')
check "the customer owed more the day before the payment than after it ($b > ${a:-0})" \
	awk -v b="$b" -v a="${a:-0}" 'BEGIN { exit !(b + 0 > a + 0) }'

finish
