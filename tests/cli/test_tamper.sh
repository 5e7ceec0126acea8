# Editing the file behind credo's back: changing, deleting or reordering
# audit rows, or changing a money row without its audit row, makes
# `credo check` exit 4 naming the first bad row.
. "$(dirname "$0")/lib.sh"
DB="$TMP/t.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
"$CREDO_BIN" -d "$DB" demo >/dev/null
run -d "$DB" check
expect "the demo passes check, ledger included" 0 'ledger +ok'

# tamper NAME PATTERN SQL: on a copy, SQL then check exits 4 with PATTERN.
tamper() {
	cp "$DB" "$TMP/x.db"
	sqlite3 "$TMP/x.db" "$3" || not_ok "$1 (sqlite3 failed)"
	run -d "$TMP/x.db" check
	expect "$1" 4 "$2"
}
a=$(sqlite3 "$DB" "SELECT id FROM audit_log WHERE entity = 'invoices' ORDER BY id LIMIT 1 OFFSET 3")
tamper "an edited audit row is named" "audit row $a .*changed after it was written" \
	"UPDATE audit_log SET after = replace(after, '\"amount\":', '\"amount\":1') WHERE id = $a"
tamper "an edited audit actor is named" "audit row $a .*changed after it was written" \
	"UPDATE audit_log SET actor = 'nobody' WHERE id = $a"
next=$((a + 1))
tamper "a deleted audit row is named by the row after it" "audit row $next .*removed or reordered" \
	"DELETE FROM audit_log WHERE id = $a"
tamper "reordered audit rows are named" "audit row $a .*(removed or reordered|changed)" \
	"UPDATE audit_log SET id = -1 WHERE id = $a; UPDATE audit_log SET id = $a WHERE id = $next;
	 UPDATE audit_log SET id = $next WHERE id = -1"
inv=$(sqlite3 "$DB" "SELECT id FROM invoices ORDER BY id LIMIT 1 OFFSET 7")
tamper "an invoice amount changed without its audit row" "invoices row $inv: amount differs" \
	"UPDATE invoices SET amount = amount - 100 WHERE id = $inv"
tamper "an invoice moved to another customer" "invoices row $inv: customer_id differs" \
	"UPDATE invoices SET customer_id = customer_id % 5 + 1 WHERE id = $inv"
pay=$(sqlite3 "$DB" "SELECT min(id) FROM payments")
tamper "a payment amount changed" "payments row $pay: amount differs" \
	"UPDATE payments SET amount = amount * 2 WHERE id = $pay"
al=$(sqlite3 "$DB" "SELECT min(id) FROM allocations")
tamper "an allocation changed" "allocations row $al: amount differs" \
	"UPDATE allocations SET amount = amount + 1 WHERE id = $al"
lim=$(sqlite3 "$DB" "SELECT max(id) FROM credit_limits")
tamper "a credit limit raised behind the program's back" "credit_limits row $lim: amount differs" \
	"UPDATE credit_limits SET amount = amount * 10 WHERE id = $lim"
tamper "an invoice inserted without an audit row" "invoices row [0-9]+ has no audit row" \
	"INSERT INTO invoices(code, customer_id, invoice_date, due_date, amount, created_at)
	 SELECT 'FAKE-1', customer_id, invoice_date, due_date, 99999, created_at FROM invoices WHERE id = $inv"

cp "$DB" "$TMP/x.db"
sqlite3 "$TMP/x.db" "UPDATE invoices SET amount = amount - 100 WHERE id = $inv"
before=$(sqlite3 "$TMP/x.db" .dump)
run -d "$TMP/x.db" check
expect "check prints which part failed" 4 'ledger +FAILED'
check "check does not change the file it reports on" test "$before" = "$(sqlite3 "$TMP/x.db" .dump)"
finish
