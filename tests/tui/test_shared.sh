#!/bin/sh
# One file, several people: the customer list open in one terminal shows a
# colleague's new customer after Ctrl-L; refused actions in the TUI are
# audited like the CLI's, and leave nothing else behind.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/money_lib.sh"

tui_demo_db
list_shown() { tui_has "[Customers]" && [ "$(tui_nrows)" -ge 10 ]; }
denied_by() {
	sqlite3 "$TUI_DB" "SELECT count(*) FROM audit_log WHERE action = 'denied' AND actor = '$1'"
}

tui_start -- --as zhangwei
tui_until list_shown || tui_bail "customer list did not appear"
check new_customer_not_there_yet tui_lacks "000刷新测试"
count() { tui_line 2 | sed -n 's/.* \([0-9][0-9]*\) customers.*/\1/p'; }
n0=$(count)
C --as zhangwei customer add --name 000刷新测试有限公司 >/dev/null || tui_bail "customer add failed"
refreshed() {
	tui_keys C-l
	tui_until eval '[ "$(count)" = $((n0 + 1)) ]' || return 1
	tui_keys g
	tui_until eval 'tui_row 1 | grep -q "000刷新测试"'
}
check ctrl_l_shows_a_colleagues_new_customer refreshed

# A salesperson asks for a credit decision it may not take.
n=$(denied_by zhangwei)
approve() {
	mtab Credit || return 1
	tui_keys 1
	tui_until eval 'tui_line 2 | grep -q "Requests:"' || return 1
	tui_keys g a
	tui_wait "permission denied"
}
before=$(sqlite3 "$TUI_DB" "SELECT count(*) FROM credit_limits")
check sales_approve_refused_in_the_tui approve
check the_refusal_is_audited test "$(denied_by zhangwei)" -gt "$n"
check no_limit_was_written test "$(sqlite3 "$TUI_DB" "SELECT count(*) FROM credit_limits")" -eq "$before"
tui_quit_clean quits_cleanly Q

check the_audit_chain_still_verifies sh -c "\"$CREDO_BIN\" -d '$TUI_DB' check >/dev/null"
tui_finish
