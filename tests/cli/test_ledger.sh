# The sales ledger as a new user tries it (issue 4, "Done means"): products, a
# contract with three lines and a settlement plan, invoices that follow the
# plan, payments allocated oldest due first, the statement of account, and
# every bad input refused with its rule and the database left as it was.
. "$(dirname "$0")/lib.sh"
DB="$TMP/l.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
for u in "zhangwei sales 张伟" "lina sales 李娜" "wangqiang sales_manager 王强" "zhoumin credit 周敏" "wufang finance 吴芳"; do
	set -- $u
	"$CREDO_BIN" -d "$DB" user add "$1" --role "$2" --name "$3" >/dev/null
done
"$CREDO_BIN" -d "$DB" --as zhangwei customer add --name 上海华联超市有限公司 >/dev/null	# C000001
"$CREDO_BIN" -d "$DB" --as lina customer add --name 广州恒信机电有限公司 >/dev/null	# C000002

# Before any sale on credit the credit manager files the customer's statements,
# rates it and approves a limit (credit management has its own tests).
"$CREDO_BIN" -d "$DB" --as zhoumin credit file add C000001 --date 2026-06-30 --current-assets 5,000,000 \
	--current-liabilities 2,000,000 --cash 1,500,000 --total-assets 10,000,000 --total-liabilities 3,000,000 \
	--ebit 2,000,000 --interest 100,000 --revenue 30,000,000 --reach 5 --capital 5 --brands 4 --logistics 4 \
	--cooperation 5 --management 4 >/dev/null
"$CREDO_BIN" -d "$DB" --as zhoumin credit rate C000001 >/dev/null
run -d "$DB" --as zhoumin credit limit C000001 --amount 500,000
expect "the customer has a rating and an approved limit" 0

# refused NAME PATTERN ARGS...: credo ARGS exits 2 naming the rule (PATTERN) and changes nothing.
refused() {
	name=$1 pat=$2
	shift 2
	before=$(dump "$DB")
	run -d "$DB" "$@"
	expect "$name" 2 "$pat"
	check "... and the database is unchanged" test -n "$before" -a "$before" = "$(dump "$DB")"
}

# json_ok NAME: the last run's stdout is valid JSON.
json_ok() {
	printf '%s' "$OUT" >"$TMP/j.json"
	check "$1" test "$(sqlite3 :memory: "SELECT json_valid(readfile('$TMP/j.json'))")" = 1
}

# --- products ---------------------------------------------------------------
run -d "$DB" --as wangqiang product add --name 螺杆泵 --model LG-50 --spec 50m3/h --unit 台 --price 12,000.00
expect "a sales manager adds a product and gets its code" 0 '^P00001$'
run -d "$DB" --as wangqiang product add --name 变频电机 --model YVF-7.5 --unit 台 --price 3500.5
expect "a second product" 0 '^P00002$'
run -d "$DB" --as zhangwei product add --name 私货
expect "a salesperson does not maintain the product list" 3 'permission denied'
run -d "$DB" --as zhangwei product list --search lg-50
expect "products are found by model, ignoring case" 0 'P00001 +螺杆泵 +LG-50 +50m3/h +台 +12,000.00'
run -d "$DB" --as zhangwei product list --format json
json_ok "product list --format json is valid JSON"

# --- a contract with three lines and a settlement plan ------------------------
run -d "$DB" --as zhangwei contract add --customer C000001 --sign-date 2026-08-01 --start 2026-08-01 \
	--end 2027-07-31 --term 30 --collateral "股东个人担保" \
	--line "P00001|2|12,000.00" --line "P00002|2.5|3,500.50" --line "安装调试服务|1|8000" \
	--plan "2026-09-01|10,000.00|预付款" --plan "2026-10-01|20,000.00|到货款" --plan "2026-11-01|10,751.25|验收款"
expect "a salesperson drafts a contract with three lines and a plan" 0 '^HT-2026-0001$'
run -d "$DB" --as zhangwei contract show HT-2026-0001
expect "a line from a product takes its name, model and spec" 0 '1 +螺杆泵 +LG-50 +50m3/h +2 +12,000.00 +24,000.00'
expect "a fractional quantity is exact to the fen" 0 '2 +变频电机 +YVF-7.5 +2.5 +3,500.50 +8,751.25'
expect "a line that names no product is a description" 0 '3 +安装调试服务 +1 +8,000.00 +8,000.00'
expect "the contract amount is the sum of the lines" 0 'amount +40,751.25'
expect "the plan is shown" 0 '2026-11-01 +10,751.25 +验收款'
expect "a new contract is a draft" 0 'status +draft'
run -d "$DB" --as wufang contract add --customer C000001 --sign-date 2026-08-01 --line "X|1|1"
expect "finance does not draft contracts" 3 'permission denied'
run -d "$DB" --as lina contract show HT-2026-0001
expect "another salesperson's contract is refused" 3 'may not see contract HT-2026-0001'

run -d "$DB" --as wufang invoice add --customer C000001 --contract HT-2026-0001 --date 2026-09-01 --amount 10000
expect "a draft contract cannot be invoiced" 2 'only an active contract is invoiced'
run -d "$DB" --as zhangwei contract activate HT-2026-0001
expect "the salesperson activates the contract" 0 'HT-2026-0001 is active'
run -d "$DB" --as zhangwei contract log HT-2026-0001 --date 2026-08-20 --note "设备已发货"
expect "the execution log takes a note" 0
run -d "$DB" --as lina contract add --customer C000002 --sign-date 2026-11-01 --line "配件|10|100"
expect "a contract for a customer nobody has rated" 0 '^HT-2026-0002$'
refused "activation runs the credit check" 'credit check: .*no credit rating' --as lina contract activate HT-2026-0002

# --- invoices follow the plan ----------------------------------------------
run -d "$DB" --as zhangwei invoice add --customer C000001 --date 2026-09-01 --amount 10000
expect "a salesperson cannot record invoices" 3 'permission denied'
for p in "2026-09-01 10,000.00 INV-2026-00001" "2026-10-01 20,000.00 INV-2026-00002" "2026-11-01 10,751.25 INV-2026-00003"; do
	set -- $p
	run -d "$DB" --as wufang invoice add --customer C000001 --contract HT-2026-0001 --date "$1" --amount "$2"
	expect "finance invoices $2 of the plan on $1" 0 "^$3\$"
done
run -d "$DB" --as wufang invoice list --customer C000001
expect "the due date follows the contract's 30-day term" 0 'INV-2026-00001 +C000001 +HT-2026-0001 +2026-09-01 +2026-10-01 +10,000.00 +10,000.00 +53'
run -d "$DB" --as zhangwei contract show HT-2026-0001
expect "the contract is fully invoiced" 0 'to invoice +0.00'
expect "... and shows its invoices" 0 'INV-2026-00003 +2026-11-01 2026-12-01 +10,751.25'

# --- payments: smaller than the oldest invoice, covering two, overpaying --------
run -d "$DB" --as zhangwei payment add --customer C000001 --date 2026-10-10 --amount 4000
expect "a salesperson trying to record a payment gets exit 3" 3 'permission denied'
run -d "$DB" --as wufang payment add --customer C000001 --date 2026-10-10 --amount 4,000.00 --ref 工行转账
expect "a payment smaller than the oldest invoice goes to it" 0 'applied to INV-2026-00001 +4,000.00'
P1=$(printf '%s\n' "$OUT" | head -n 1)
run -d "$DB" --as wufang invoice list --customer C000001 --open --format csv
expect "... which stays open for the rest" 0 '"INV-2026-00001",.*"10000.00","6000.00"'
run -d "$DB" --as wufang payment add --customer C000001 --date 2026-11-05 --amount 26000
P2=$(printf '%s\n' "$OUT" | head -n 1)
expect "a payment covering two invoices closes the older one" 0 'applied to INV-2026-00001 +6,000.00'
expect "... and the next one" 0 'applied to INV-2026-00002 +20,000.00'
run -d "$DB" --as wufang payment show "$P2"
expect "payment show lists both allocations" 0 'INV-2026-00002 +2026-11-05 +20,000.00'
run -d "$DB" --as wufang payment add --customer C000001 --date 2026-11-20 --amount 15000 --method cheque
P3=$(printf '%s\n' "$OUT" | head -n 1)
expect "an overpayment pays the last invoice" 0 'applied to INV-2026-00003 +10,751.25'
expect "... and leaves customer credit" 0 'unapplied \(customer credit\) +4,248.75'
run -d "$DB" --as wufang payment show "$P3"
expect "payment show gives what is unapplied" 0 'unapplied +4,248.75'
run -d "$DB" --as wufang invoice list --customer C000001 --open --format csv
check "nothing is open after the overpayment" test "$(printf '%s\n' "$OUT" | wc -l)" -eq 1
run -d "$DB" --as wufang invoice add --customer C000001 --date 2026-11-22 --amount 5000 --notes 备件
expect "a later invoice is paid from the credit at once" 0 'paid from customer credit 4,248.75, open 751.25'
INV4=$(printf '%s\n' "$OUT" | head -n 1)
run -d "$DB" --as wufang invoice credit-note --customer C000001 --date 2026-11-23 --amount 200 --reason 质量折让 --against "$INV4"
expect "a credit note against an invoice" 0 '^INV-2026-00005$'
run -d "$DB" --as wufang invoice list --customer C000001 --open --format csv
expect "the credit note reduces the invoice's open amount" 0 "\"$INV4\",.*\"5000.00\",\"551.25\""
run -d "$DB" --as zhangwei invoice list --customer C000001 --format csv
expect "the salesperson sees its customer's invoices" 0 'INV-2026-00003'
run -d "$DB" --as lina invoice list --format csv
check "... another salesperson sees none of them" test "$(printf '%s\n' "$OUT" | wc -l)" -eq 1
run -d "$DB" --as lina payment show "$P1"
expect "... nor its payments" 3 "may not see payment $P1"

# --- the statement of account -------------------------------------------------
# statement_ok LABEL FROM TO: from the CSV, closing = opening + invoices - credit
# notes - payments + reversals, to the fen, and closing = the sum of the open items.
statement_ok() {
	run -d "$DB" --as wufang report statement C000001 --from "$2" --to "$3" --format csv
	printf '%s\n' "$OUT" | tr -d '\r' | sed '1d; s/^"//; s/"$//' >"$TMP/st"
	sums=$(awk -F'","' '
		function fen(s) { sub(/\./, "", s); return s + 0 }
		$2 == "opening" { open = fen($7) }
		$2 == "invoice" { inv += fen($5) }
		$2 == "reversal" { rev += fen($5) }
		$2 == "payment" { pay += fen($6) }
		$2 == "credit_note" { cn += fen($6) }
		$2 == "closing" { closing = fen($7) }
		$2 == "open_item" || $2 == "unapplied" { items += fen($7) }
		END { if (NR) printf "%.0f %.0f %.0f", open + inv - cn - pay + rev, closing, items }' "$TMP/st")
	set -- $1 $sums
	[ $# -eq 4 ] || not_ok "statement $1: no statement to add up ($ERR)"
	check "statement $1: closing = opening + invoices - credit notes - payments + reversals ($2)" test "$2" = "$3"
	check "statement $1: closing = the sum of the open items ($4)" test "$3" = "$4"
	CLOSING=$3
}
statement_ok whole-year 2026-01-01 2026-11-23
check "the closing balance is what the customer owes: 45,751.25 - 200.00 - 45,000.00" test "$CLOSING" = 55125
statement_ok from-october 2026-10-01 2026-11-23
statement_ok in-credit 2026-10-01 2026-11-21
check "before the last invoice the customer was in credit by the overpayment" test "$CLOSING" = -424875
run -d "$DB" --as wufang report statement C000001 --from 2026-10-01 --to 2026-11-23
expect "the table shows the opening balance" 0 '2026-10-01 +opening +10,000.00'
expect "... each movement with a running balance" 0 "2026-11-05 +payment +$P2 +26,000.00 +10,751.25"
expect "... the closing balance" 0 '2026-11-23 +closing +551.25'
expect "... and the open items" 0 "$INV4 +2026-12-22 +551.25"
run -d "$DB" --as wufang report statement C000001 --from 2026-01-01 --to 2026-11-23 --format json
json_ok "the statement as JSON is valid JSON"

# --- reversal ---------------------------------------------------------------
run -d "$DB" --as zhangwei payment reverse "$P1" --reason 录错
expect "a salesperson cannot reverse a payment" 3 'permission denied'
run -d "$DB" --as wufang payment reverse "$P1" --reason "重复录入"
expect "finance reverses a payment entered by mistake" 0 "reopened INV-2026-00001 +4,000.00"
run -d "$DB" --as wufang invoice list --customer C000001 --open --format csv
expect "the invoice it paid is open again" 0 '"INV-2026-00001",.*"10000.00","4000.00"'
run -d "$DB" --as wufang payment show "$P1"
expect "the payment stays on file, marked reversed with the reason" 0 'reversed +2026-11-23 +重复录入'
run -d "$DB" --as wufang payment reverse "$P1" --reason again
expect "a payment is reversed only once" 2 'already reversed'
statement_ok after-reversal 2026-01-01 2026-11-23
check "the reversal adds the payment back to the balance" test "$CLOSING" = 455125
statement_ok before-reversal-date 2026-01-01 2026-11-22
run -d "$DB" --as wufang report statement C000001 --from 2026-11-23 --to 2026-11-23
expect "the statement shows the reversal as a debit" 0 "2026-11-23 +reversal +$P1 +重复录入 +4,000.00"

# --- collected vs contracted ----------------------------------------------------
run -d "$DB" --as wangqiang report collected --format csv
expect "collected vs contracted per customer" 0 '"C000001","上海华联超市有限公司","40751.25","45551.25","41000.00","4551.25"'
run -d "$DB" --as wangqiang report collected --by salesperson
expect "... and per salesperson" 0 'zhangwei +张伟 +40,751.25 +45,551.25 +41,000.00 +4,551.25'
run -d "$DB" --as wangqiang report collected --by region
expect "--by is customer or salesperson" 1 'customer or salesperson'

# --- every bad input is refused, naming the rule, with nothing written ----------
refused "an amount with three decimals" 'at most two decimals' --as wufang invoice add --customer C000001 --date 2026-11-23 --amount 100.555
refused "a payment with three decimals" 'at most two decimals' --as wufang payment add --customer C000001 --date 2026-11-23 --amount 1.234
refused "a zero invoice" 'must be more than zero' --as wufang invoice add --customer C000001 --date 2026-11-23 --amount 0
refused "a negative invoice points to the credit note" 'credit note' --as wufang invoice add --customer C000001 --date 2026-11-23 --amount -100
refused "a payment above what is owed plus the advance setting" 'ledger.max_advance' --as wufang payment add --customer C000001 --date 2026-11-23 --amount 54551.26
refused "an invoice dated 2026-02-30" 'no such day' --as wufang invoice add --customer C000001 --date 2026-02-30 --amount 100
refused "a payment dated 2026-02-30" 'no such day' --as wufang payment add --customer C000001 --date 2026-02-30 --amount 100
refused "a contract signed 2026-02-30" 'no such day' --as zhangwei contract add --customer C000001 --sign-date 2026-02-30 --line "X|1|1"
refused "an invoice dated after today" 'after today' --as wufang invoice add --customer C000001 --date 2026-11-24 --amount 100
refused "a due date before the invoice date" 'before the invoice date' --as wufang invoice add --customer C000001 --date 2026-11-20 --due 2026-11-19 --amount 100
refused "a plan that does not add up" 'plan adds up to 900.00 but the contract is 1,000.00' --as zhangwei contract add --customer C000001 --sign-date 2026-11-01 --line "服务|1|1000" --plan "2026-12-01|900"
refused "an invoice beyond what is left on the contract" 'exceeds what is left to invoice on contract HT-2026-0001' --as wufang invoice add --customer C000001 --contract HT-2026-0001 --date 2026-11-23 --amount 0.01
refused "a quantity with four decimals" 'at most three decimals' --as zhangwei contract add --customer C000001 --sign-date 2026-11-01 --line "服务|1.0005|10"
refused "a zero quantity" 'quantity must be more than zero' --as zhangwei contract add --customer C000001 --sign-date 2026-11-01 --line "服务|0.000|10"
refused "a negative quantity" 'digits with an optional decimal point' --as zhangwei contract add --customer C000001 --sign-date 2026-11-01 --line "服务|-2|10"
refused "a quantity that is not a number" 'digits with an optional decimal point' --as zhangwei contract add --customer C000001 --sign-date 2026-11-01 --line "服务|2x|10"
refused "a line without its price" 'PRODUCT\|QTY\|UNIT_PRICE' --as zhangwei contract add --customer C000001 --sign-date 2026-11-01 --line "服务|2"
refused "an explicit allocation above the invoice's open amount" 'more than its open 4,000.00' --as wufang payment add --customer C000001 --date 2026-11-23 --amount 5000 --apply INV-2026-00001=5000
refused "a credit note above the invoice's open amount" 'more than the invoice' --as wufang invoice credit-note --customer C000001 --date 2026-11-23 --amount 4000.01 --reason x --against INV-2026-00001

# A draft contract, for the last rule: it cannot be invoiced.
run -d "$DB" --as zhangwei contract add --customer C000001 --sign-date 2026-11-01 --line "服务|1|1000" --plan "2026-12-01|1000"
expect "another contract, left as a draft" 0 '^HT-2026-0003$'
refused "invoicing a draft contract" 'HT-2026-0003 is draft: only an active contract is invoiced' --as wufang invoice add --customer C000001 --contract HT-2026-0003 --date 2026-11-23 --amount 100

# An explicit allocation by hand, the rest left as credit.
run -d "$DB" --as wufang payment add --customer C000001 --date 2026-11-23 --amount 1000 --apply "$INV4=551.25"
expect "--apply puts the payment on the invoice named" 0 "applied to $INV4 +551.25"
expect "... and leaves the rest as credit" 0 'unapplied \(customer credit\) +448.75'
statement_ok after-explicit 2026-01-01 2026-11-23

# --- lists as JSON ---------------------------------------------------------------
for what in "invoice list" "payment list" "contract list" "product list"; do
	run -d "$DB" --as wufang $what --format json
	json_ok "$what --format json is valid JSON"
done
run -d "$DB" --as wufang payment list --customer C000001 --from 2026-11-01 --to 2026-11-20 --format csv
check "payment list --from --to keeps the payments in the range" test "$(printf '%s\n' "$OUT" | grep -c PAY-)" -eq 2

n=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE entity IN ('invoices', 'payments', 'allocations') AND via <> ''")
check "invoices, payments and allocations are audited" test "$n" -ge 12
run -d "$DB" check
expect "the audit chain holds after all of it" 0 'audit chain +ok'

finish
