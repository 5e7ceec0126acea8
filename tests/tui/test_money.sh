#!/bin/sh
# Contracts, invoices, payments and the statement in a real terminal, on the
# demo company: the contract list and detail; a payment's allocation preview
# equals what the core then records (credo payment show), for a partial
# payment and for one that leaves customer credit; an invoice over the
# credit limit is refused with the core's message naming the shortfall; a
# draft contract refused at activation, then let through by the credit
# manager's override; the statement agrees with credo report statement;
# Chinese names line up at 80x24 and 120x40; clean exits.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/money_lib.sh"

tui_demo_db
draft=$(C --as zhangwei contract add --customer C000001 --sign-date 2026-11-20 \
	--line "数控机床|1|300,000" 2>&1 | grep -o 'HT-[0-9-]*' | head -n 1)
[ -n "$draft" ] || tui_bail "could not draft a contract"

# ---- finance: the contract list, a contract, payments with the preview ----
mstart wufang 80 24
tui_wait "[Customers]" || tui_bail "credo did not start"
mtab Contracts || tui_bail "no Contracts tab"
tui_until eval 'tui_line 2 | grep -q "contracts"' || tui_bail "contract list did not appear"

check contract_list_columns eval 'tui_line 3 | grep -q "Code *Customer *Status *Amount *Invoiced *Collected"'
check contract_list_fits_80 tui_fits
check contract_list_aligned maligned '^HT-' 3 Customer Status
check contract_amounts_right_aligned mright '^HT-' 3 Amount Invoiced Collected

search() {
	tui_keys /
	tui_wait "Search:" || return 1
	tui_keys C-u
	tui_type "$1"
	tui_keys Enter
	tui_until eval "tui_line 2 | grep -q 'matching \"$1\"'"
}
open_first() {
	tui_keys g Enter
	tui_wait "Contract HT-"
}

detail() {
	search C000218 && open_first || return 1
	_top=$SCREEN
	tui_fits || return 1
	tui_keys G
	tui_wait "Execution log" || return 1
	tui_fits || return 1
	for s in Customer Status Goods "Settlement plan" Invoices "Payments applied" "Execution log"; do
		case "$_top$SCREEN" in *"$s"*) ;; *) echo "# no $s"; return 1 ;; esac
	done
}
check enter_opens_contract_with_lines_plan_invoices_log detail

# preview ROWS: "INVOICE APPLIED" lines of the allocation preview on screen.
preview() { mrows '^ INV-' | awk '$4 != "" { print $1, $4 }' | nocomma; }
# recorded CODE: "INVOICE AMOUNT" lines of credo payment show.
recorded() { C payment show "$1" | awk '/^  INV-/ { print $1, $3 }' | nocomma; }

pay() {	# pay AMOUNT EXPECTED_LEFT: preview, save, compare with the core
	tui_keys p
	tui_wait "Payment from C000218" || return 1
	tui_type "$1"
	tui_wait "Allocation preview: $1" || return 1
	tui_until eval '[ -n "$(preview)" ]' || return 1
	_pre=$(preview)
	_left=$(mrows 'Left as customer credit' | sed 's/.*credit: //' | nocomma | tr -d ' ')
	[ "$_left" = "$2" ] || { echo "# preview leaves $_left, expected $2"; return 1; }
	tui_fits || return 1
	tui_keys Enter
	tui_until eval 'mmsg | grep -q "Payment PAY-"' || return 1
	_code=$(mmsg | grep -o 'PAY-[0-9-]*' | head -n 1)
	_rec=$(recorded "$_code")
	echo "# preview: $(echo $_pre)"
	echo "# core:    $(echo $_rec)"
	[ "$_pre" = "$_rec" ] || return 1
	_un=$(C payment show "$_code" | awk '$1 == "unapplied" { print $2 }' | nocomma)
	[ "$_un" = "$2" ]
}
check partial_payment_preview_equals_core pay 12,000.00 0.00
check overpayment_preview_equals_core_with_credit pay 20,000.00 5415.00

# ---- an invoice over the limit: the core's message with the shortfall ----
blocked() {
	tui_keys q
	tui_until eval 'tui_line 2 | grep -q "contracts"' || return 1
	search HT-2026-0001 && open_first || return 1
	tui_keys t
	tui_wait ": C000001" || return 1
	tui_keys i
	tui_wait "New invoice for C000001" || return 1
	tui_has "blank: due" || return 1	# the computed due date is shown
	tui_type 200,000
	tui_keys Enter
	tui_wait "shortfall 10,700.00" || return 1
	tui_has "credit check" && tui_fits
}
check invoice_over_limit_shows_core_message_with_shortfall blocked
nothing_saved() { [ "$(C invoice list --customer C000001 | grep -c 200,000.00)" -eq 0 ]; }
check refused_invoice_not_recorded nothing_saved

statement() {
	tui_keys Escape
	tui_wait "Opening" || return 1
	_closing=$(C report statement C000001 --from 2026-01-01 --to "$TUI_TODAY" --format csv |
		awk -F'","' '/"closing"/ { print $7 }')
	[ "$(mrows '^20[0-9-]+ +closing ' | wc -l)" -eq 1 ] || return 1
	tui_line 3 | nocomma | grep -q "closing $_closing" || { echo "# closing $_closing"; return 1; }
	[ "$(mrows '^20[0-9-]+ +(invoice|payment)' | wc -l)" -eq \
	  "$(C report statement C000001 --from 2026-01-01 --to "$TUI_TODAY" --format csv | grep -cE '"(invoice|payment)"')" ]
}
check statement_matches_report statement
tui_quit_clean finance_quits_cleanly q q q q q

# ---- sales: activation refused by the credit check ----
mstart zhangwei 80 24
tui_wait "[Customers]" || tui_bail "credo did not start"
mtab Contracts || tui_bail "no Contracts tab"
tui_until eval 'tui_line 2 | grep -q "contracts"'
refused() {
	search "$draft" && open_first || return 1
	tui_has "Credit position" || return 1
	tui_keys a
	tui_wait "credit check" || return 1
	tui_wait "shortfall" || return 1
	tui_fits
}
check activation_refused_with_the_credit_check_message refused
still_draft() { C contract show "$draft" | grep -q draft; }
check refused_contract_stays_draft still_draft
tui_quit_clean sales_quits_cleanly q q q

# ---- the credit manager overrides, with a reason ----
mstart zhoumin 120 40
tui_wait "[Customers]" || tui_bail "credo did not start"
mtab Contracts || tui_bail "no Contracts tab"
tui_until eval 'tui_line 2 | grep -q "contracts"'
check contract_list_fits_120 tui_fits
check contract_list_aligned_120 maligned '^HT-' 3 Customer Status Signed Owner
override() {
	search "$draft" && open_first || return 1
	tui_keys a
	tui_wait "Override reason:" || return 1
	tui_type "战略客户,总经理同意"
	tui_keys Enter
	tui_wait "is active" || return 1
	C contract show "$draft" | grep -q active &&
		C credit show C000001 | grep override | grep -q "战略客户"
}
check credit_manager_overrides_with_reason override
check detail_fits_120 tui_fits
tui_quit_clean credit_quits_cleanly q q q
tui_finish
