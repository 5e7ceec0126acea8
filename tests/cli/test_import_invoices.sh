# CSV import of invoices in bulk: the same invoices as `credo invoice add`,
# the credit check row by row with each customer's exposure moving on as the
# file goes, all or nothing with the refused line named, one audit row for
# the import that `credo check` verifies (and edits behind credo's back fail).
. "$(dirname "$0")/lib.sh"
DB="$TMP/inv.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
for u in "zhangwei sales" "zhoumin credit" "wufang finance"; do
	set -- $u
	"$CREDO_BIN" -d "$DB" user add "$1" --role "$2" >/dev/null
done
for n in 上海华联超市有限公司 杭州联华华商集团 宁波三江购物俱乐部; do
	"$CREDO_BIN" -d "$DB" --as zhangwei customer add --name "$n" >/dev/null	# C000001..3
done
# C000001 and C000002 rated with limits of 1,000,000 and 10,000; C000003 never rated.
for c in C000001 C000002; do
	"$CREDO_BIN" -d "$DB" --as zhoumin credit file add $c --date 2026-06-30 --current-assets 5,000,000 \
		--current-liabilities 2,000,000 --cash 1,500,000 --total-assets 10,000,000 \
		--total-liabilities 3,000,000 --ebit 2,000,000 --interest 100,000 --revenue 30,000,000 --reach 5 \
		--capital 5 --brands 4 --logistics 4 --cooperation 5 --management 4 >/dev/null
	"$CREDO_BIN" -d "$DB" --as zhoumin credit rate $c >/dev/null
done
"$CREDO_BIN" -d "$DB" --as zhoumin credit limit C000001 --amount 1,000,000 >/dev/null
"$CREDO_BIN" -d "$DB" --as zhoumin credit limit C000002 --amount 10,000 >/dev/null
q() { sqlite3 "$1" "$2"; }
INVOICE_ROWS="SELECT code, customer_id, coalesce(contract_id, ''), invoice_date, due_date, amount, collector_id,
	disputed, notes FROM invoices ORDER BY id"

# The same invoices through the import and through `credo invoice add`: codes
# given and numbered, due dates given and from the term, notes.
cp "$DB" "$TMP/one.db"
printf 'code,customer,date,due_date,amount,notes\nA-1,C000001,2026-11-02,,1200.50,\n,C000001,2026-11-03,,300,首批\nA-3,C000002,2026-10-15,2026-12-31,99.99,\n,C000002,2026-11-20,,1,\n,C000001,2026-11-04,,-50,退货\n,C000001,2026-11-05,,20,\n' >"$TMP/same.csv"
run -d "$DB" --as wufang import invoices "$TMP/same.csv"
expect "five invoices and a credit note import" 0 '6 rows imported'
"$CREDO_BIN" -d "$TMP/one.db" --as wufang invoice add --code A-1 --customer C000001 --date 2026-11-02 --amount 1200.50 >/dev/null
"$CREDO_BIN" -d "$TMP/one.db" --as wufang invoice add --customer C000001 --date 2026-11-03 --amount 300 --notes 首批 >/dev/null
"$CREDO_BIN" -d "$TMP/one.db" --as wufang invoice add --code A-3 --customer C000002 --date 2026-10-15 --due 2026-12-31 --amount 99.99 >/dev/null
"$CREDO_BIN" -d "$TMP/one.db" --as wufang invoice add --customer C000002 --date 2026-11-20 --amount 1 >/dev/null
"$CREDO_BIN" -d "$TMP/one.db" --as wufang invoice credit-note --customer C000001 --date 2026-11-04 --amount 50 --reason 退货 >/dev/null
"$CREDO_BIN" -d "$TMP/one.db" --as wufang invoice add --customer C000001 --date 2026-11-05 --amount 20 >/dev/null
check "imported invoices are the ones invoice add writes, field for field" \
	test "$(q "$DB" "$INVOICE_ROWS")" = "$(q "$TMP/one.db" "$INVOICE_ROWS")"
check "... the credit note applied alike" \
	test "$(q "$DB" "SELECT * FROM allocations")" = "$(q "$TMP/one.db" "SELECT * FROM allocations")"
check "... and the invoice numbering moved on alike" \
	test "$(q "$DB" "SELECT * FROM code_sequences")" = "$(q "$TMP/one.db" "SELECT * FROM code_sequences")"
check "the import wrote one audit row naming the file and its rows" \
	test "$(q "$DB" "SELECT count(*), json_extract(after, '\$.rows'), json_extract(after, '\$.sha256')
		FROM audit_log WHERE entity = 'imports'")" = "1|6|$(sha256sum "$TMP/same.csv" | cut -d' ' -f1)"

# A few thousand rows for both customers.
awk 'BEGIN { print "code,customer,date,amount"
	for (i = 1; i <= 3000; i++) printf "B-%d,C00000%d,2026-11-%02d,1.00\n", i, 1 + i % 2, 1 + i % 20 }' >"$TMP/big.csv"
run -d "$DB" --as wufang import invoices "$TMP/big.csv"
expect "3,000 invoices import" 0 '3000 rows imported'
check "there are 3,006 invoices" test "$(q "$DB" "SELECT count(*) FROM invoices")" -eq 3006
run -d "$DB" check
expect "the bulk import passes credo check" 0 'ledger +ok'
run -d "$DB" --as zhoumin credit show C000002
expect "the customer's exposure counts the imported invoices" 0 'exposure 1,600.99'

# One refused row in the middle: the whole file is refused, the line named.
before=$(dump "$DB")
awk 'BEGIN { print "code,customer,date,amount"
	for (i = 1; i <= 2000; i++) printf "R-%d,%s,2026-11-20,%s\n", i, i == 999 ? "C000002" : "C000001", i == 999 ? "9000" : "5" }' >"$TMP/over.csv"
run -d "$DB" --as wufang import invoices "$TMP/over.csv"
expect "a row over the credit limit refuses the file" 2 '1 of 2000 rows are bad; nothing was imported'
expect "... naming its line, the customer and the rule" 2 '^line 1000: credit check: C000002 .*would go over its credit limit'
check "... and nothing was written" test "$before" = "$(dump "$DB")"

# The limit counts the rows of the file before each: up to the limit passes, a cent more does not.
printf 'customer,date,amount\nC000002,2026-11-20,8000\nC000002,2026-11-20,399.01\nC000002,2026-11-21,0.01\n' >"$TMP/fill.csv"
run -d "$DB" --as wufang import invoices "$TMP/fill.csv"
expect "exposure grows row by row within a file" 2 '^line 4: credit check: C000002 .*limit 10,000.00, exposure 10,000.00, this sale 0.01'
check "... nothing was written" test "$before" = "$(dump "$DB")"

# An invoice already overdue past the hold puts its customer on hold for the next rows.
printf 'customer,date,amount\nC000001,2026-06-01,10\nC000001,2026-11-20,10\n' >"$TMP/hold.csv"
run -d "$DB" --as wufang import invoices "$TMP/hold.csv"
expect "an overdue row holds the rows after it" 2 '^line 3: credit check: C000001 .*on credit hold: an invoice is 145 days overdue'
printf 'code,customer,date,amount\nU-1,C000001,2026-11-20,10\nU-2,C000003,2026-11-20,10\nB-7,C000001,2026-11-20,10\nU-4,C000001,2026-11-31,10\n' >"$TMP/mixed.csv"
run -d "$DB" --as wufang import invoices "$TMP/mixed.csv"
expect "an unrated customer is named with its line" 2 '^line 3: credit check: C000003 .*no credit rating'
expect "a code already used is named with its line" 2 '^line 4: .*invoice code B-7 is already used'
expect "an impossible date is named with its line" 2 '^line 5: .*no such day'
check "... nothing was written" test "$before" = "$(dump "$DB")"
run -d "$DB" --as wufang import invoices "$TMP/big.csv" --dry-run
expect "a dry run checks every row" 2 'already used'
check "... and writes nothing" test "$before" = "$(dump "$DB")"

# Credit notes take the single-row path in the middle of a bulk file; the
# invoice after one is applied the customer's credit like invoice add does.
printf 'code,customer,date,amount\nM-1,C000002,2026-11-21,10\nM-2,C000002,2026-11-21,-2000\nM-3,C000002,2026-11-22,500\nM-4,C000001,2026-11-22,7\n' >"$TMP/notes.csv"
run -d "$DB" --as wufang import invoices "$TMP/notes.csv"
expect "a file with a credit note imports" 0 '4 rows imported'
check "the credit note was applied in full: the open invoices, then the next invoice" \
	test "$(q "$DB" "SELECT sum(a.amount) FROM allocations a JOIN invoices i ON i.id = a.credit_note_id WHERE i.code = 'M-2'")" -eq 200000
check "the invoice after the credit note is paid with what was left of it (2,000 - 1,610.99)" \
	test "$(q "$DB" "SELECT coalesce(sum(a.amount), 0) FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE i.code = 'M-3'")" -eq 38901
run -d "$DB" check
expect "bulk rows and single rows together pass credo check" 0 'ledger +ok'
run -d "$DB" --as wufang collect dispute B-10 --note 质量问题
expect "an imported invoice can be disputed" 0
run -d "$DB" check
expect "an imported invoice changed through credo still passes check" 0 'ledger +ok'

# Edits behind credo's back to imported rows are found.
cp "$DB" "$TMP/t.db"
sqlite3 "$TMP/t.db" "UPDATE invoices SET amount = amount + 1 WHERE code = 'B-1500'"
run -d "$TMP/t.db" check
expect "an imported invoice's amount edited is found" 4 'imported with audit row .* differ from what the import wrote'
cp "$DB" "$TMP/t.db"
sqlite3 "$TMP/t.db" "PRAGMA foreign_keys = OFF; DELETE FROM invoices WHERE code = 'B-2000'"
run -d "$TMP/t.db" check
expect "an imported invoice deleted is found" 4 'imported with audit row .* differ'
cp "$DB" "$TMP/t.db"
sqlite3 "$TMP/t.db" "INSERT INTO invoices(code, customer_id, invoice_date, due_date, amount, created_at)
	VALUES ('X-1', 1, '2026-11-20', '2026-12-20', 100, '2026-11-23T00:00:00Z')"
run -d "$TMP/t.db" check
expect "an invoice inserted after an import without its audit row is found" 4 'has no audit row'
finish
