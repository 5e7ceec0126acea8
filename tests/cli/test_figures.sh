# The customer list sorted by overdue amount and by utilisation: the figures
# agree with credit show and aging through every kind of change (invoice,
# credit note, payment, reversal, limits, contract, import), follow the
# calendar without any write, and `credo check` proves the stored figures
# match the ledger and names the customer when they do not.
. "$(dirname "$0")/lib.sh"
DB="$TMP/f.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
for u in "zhangwei sales 张伟" "zhoumin credit 周敏" "wufang finance 吴芳"; do
	set -- $u
	"$CREDO_BIN" -d "$DB" user add "$1" --role "$2" --name "$3" >/dev/null
done
for n in 上海华联超市有限公司 广州恒信机电有限公司 北京东升包装材料有限公司; do
	"$CREDO_BIN" -d "$DB" --as zhangwei customer add --name "$n" >/dev/null
done
for c in C000001 C000002; do
	"$CREDO_BIN" -d "$DB" --as zhoumin credit file add $c --date 2026-06-30 --current-assets 5,000,000 \
		--current-liabilities 2,000,000 --cash 1,500,000 --total-assets 10,000,000 --total-liabilities 3,000,000 \
		--ebit 2,000,000 --interest 100,000 --revenue 30,000,000 --reach 5 --capital 5 --brands 4 --logistics 4 \
		--cooperation 5 --management 4 >/dev/null
	"$CREDO_BIN" -d "$DB" --as zhoumin credit rate $c >/dev/null
done
"$CREDO_BIN" -d "$DB" --as zhoumin credit limit C000001 --amount 100,000 >/dev/null
"$CREDO_BIN" -d "$DB" --as zhoumin credit limit C000002 --amount 500,000 >/dev/null

# consistent NAME: credo check passes (the stored figures are the ledger's).
consistent() {
	run -d "$DB" check
	expect "$1: credo check finds the figures right" 0 'ledger +ok'
}
# first SORT: the code, overdue, exposure, limit and share of the first row of list --sort SORT (CSV).
first() {
	"$CREDO_BIN" -d "$DB" customer list --sort "$1" --format csv | sed -n 2p | cut -d, -f1,4- | tr -d '"\r'
}
# exposure CODE: what credit show says.
exposure() {
	"$CREDO_BIN" -d "$DB" credit show "$1" | sed -n 's/.*exposure \([0-9,.-]*\) .*/\1/p' | tr -d ,
}

run -d "$DB" customer list --sort overdue
expect "customers with nothing owed list by overdue" 0 'C000003'
consistent "new customers"

run -d "$DB" --as wufang invoice add --customer C000001 --date 2026-09-01 --due 2026-10-01 --amount 60,000
expect "an invoice already past due" 0
run -d "$DB" --as wufang invoice add --customer C000002 --date 2026-11-01 --due 2026-12-01 --amount 120,000
expect "an invoice due next month" 0
check "who owes most past due comes first" test "$(first overdue)" = "C000001,60000.00,60000.00,100000.00,60.00%"
check "the most used limit comes first" test "$(first utilisation)" = "C000001,60000.00,60000.00,100000.00,60.00%"
run -d "$DB" customer list --sort utilisation
expect "the table shows the share of the limit used" 0 'C000002 .* 120,000.00 +500,000.00 +24.00%'
consistent "invoices"

run -d "$DB" --as wufang payment add --customer C000001 --date 2026-11-20 --amount 20,000
expect "a payment" 0 '^PAY-'
PAY=$(printf '%s\n' "$OUT" | head -n 1)
check "a payment lowers overdue and exposure" test "$(first overdue)" = "C000001,40000.00,40000.00,100000.00,40.00%"
check "... as credit show counts exposure" test "$(exposure C000001)" = "40000.00"
run -d "$DB" report aging --format csv
check "... and as aging counts overdue" sh -c "printf '%s\n' \"\$1\" | grep -q '^\"C000001\".*\"40000.00\",\"[0-9.]*\"'" - "$OUT"
consistent "a payment"

run -d "$DB" --as wufang invoice credit-note --customer C000002 --date 2026-11-21 --amount 10,000 --reason 退货 \
	--against "$("$CREDO_BIN" -d "$DB" invoice list --customer C000002 --format csv | sed -n 2p | cut -d, -f1 | tr -d '"')"
expect "a credit note against the invoice" 0
check "a credit note lowers exposure" test "$(exposure C000002)" = "110000.00"
consistent "a credit note"

run -d "$DB" --as wufang payment reverse "$PAY" --reason 退票
expect "a payment reversed" 0
check "a reversal brings the overdue back" test "$(first overdue)" = "C000001,60000.00,60000.00,100000.00,60.00%"
consistent "a reversal"

run -d "$DB" --as zhoumin credit limit C000002 --amount 100,000 --temporary-until 2026-12-10
expect "a temporary limit" 0
run -d "$DB" customer list --sort utilisation --format csv
expect "a temporary limit adds to the standing one" 0 'C000002",.*"110000.00","600000.00","18.33%"'
consistent "a limit"

run -d "$DB" --as zhoumin invoice add --customer C000003 --date 2026-11-02 --amount 5,000 --override 老客户试单
expect "a sale without a limit, overridden by the credit manager" 0
check "exposure without a limit sorts before every utilisation" \
	test "$(first utilisation)" = "C000003,0.00,5000.00,,no limit"
consistent "an override"

run -d "$DB" --as zhangwei contract add --customer C000002 --sign-date 2026-11-22 --line "安装调试服务|1|30000"
expect "a contract" 0
run -d "$DB" --as zhangwei contract activate "$OUT"
expect "... activated" 0
check "an active contract adds what it has still to invoice" test "$(exposure C000002)" = "140000.00"
run -d "$DB" customer list --sort utilisation --format csv
expect "... to the list's exposure too" 0 'C000002",.*"140000.00","600000.00","23.33%"'
consistent "a contract"

printf 'code,customer,date,due_date,amount\nIMP-1,C000002,2026-08-01,2026-08-31,70000\n' >"$TMP/inv.csv"
run -d "$DB" --as wufang import invoices "$TMP/inv.csv"
expect "invoices imported" 0
printf 'code,customer,date,amount\nIMP-P1,C000001,2026-11-22,15000\n' >"$TMP/pay.csv"
run -d "$DB" --as wufang import payments "$TMP/pay.csv"
expect "payments imported" 0
check "imports move the figures" test "$(first overdue)" = "C000002,70000.00,210000.00,600000.00,35.00%"
check "... the imported payment too" test "$(exposure C000001)" = "45000.00"
consistent "imports"

# Time passes with no write: the invoice due 2026-12-01 falls due, the temporary limit ends.
export CREDO_TODAY=2026-12-05
check "an invoice falling due moves the customer up by itself" \
	test "$(first overdue)" = "C000002,180000.00,210000.00,600000.00,35.00%"
consistent "days later"
export CREDO_TODAY=2026-12-15
run -d "$DB" customer list --sort utilisation --format csv
expect "the end of a temporary limit shows in utilisation" 0 'C000002",.*"210000.00","500000.00","42.00%"'
check "... as credit show says" sh -c "'$CREDO_BIN' -d '$DB' credit show C000002 | grep -q 'limit 500,000.00 .*(42%)'"
consistent "after the temporary limit"
export CREDO_TODAY=2026-11-23
check "a clock set back recomputes" test "$(first overdue)" = "C000002,70000.00,210000.00,600000.00,35.00%"
consistent "the clock back"

run -d "$DB" customer list --sort overdue --format json
expect "the sorted list as JSON" 0 '"overdue": *"70000.00"'
run -d "$DB" customer list --sort owed
expect "an unknown sort is a usage error" 1 'overdue or utilisation'

sqlite3 "$DB" "UPDATE customer_figures SET overdue = overdue + 1 WHERE customer_id = 1"
run -d "$DB" check
expect "figures changed behind credo's back are found and the customer named" 4 'C000001.*differ from the ledger'
finish
