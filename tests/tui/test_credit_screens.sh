#!/bin/sh
# The Credit tab in a real terminal, on the demo company: the credit manager
# sees the open requests first, approves one at another amount, rejects one
# and sends one to the general manager; the general manager decides the
# escalated ones; the customers are listed by grade and utilisation; the
# rating view shows the factor breakdown credo credit evaluate gives and `r`
# stores it; a salesperson starts on the customers; `x` exports the list.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/money_lib.sh"

tui_demo_db

# state ID: "STATE APPROVED" of credit request ID as the CLI lists it.
state() { C credit requests --format csv | awk -F'","' -v id="\"$1" '$1 == id { print $8, $10 }'; }

# doc: every page of a scrolling screen, top to bottom, into $DOC.
doc() {
	tui_keys g
	sleep 0.3
	tui_capture
	DOC=$SCREEN
	_i=0
	while [ $_i -lt 6 ]; do
		tui_keys NPage
		sleep 0.3
		tui_capture
		DOC="$DOC
$SCREEN"
		_i=$((_i + 1))
	done
	tui_keys g
}
req_rows() { mrows '^ +[0-9]+ '; }
sel_id() { tui_selected | awk '{ print $1 }'; }
select_id() {	# select_id ID: move the selection to request ID
	tui_keys g
	_i=0
	while [ $_i -lt 10 ]; do
		tui_until eval '[ -n "$(tui_selected)" ]' || return 1
		[ "$(sel_id)" = "$1" ] && return 0
		tui_keys j
		sleep 0.2
		_i=$((_i + 1))
	done
	return 1
}
msg_has() { MSG=$1; tui_until eval 'mmsg | grep -q "$MSG"'; }

# ---- the credit manager ----
mstart zhoumin 80 24
tui_wait "[Customers]" || tui_bail "credo did not start"
mtab Credit || tui_bail "no Credit tab"
tui_until eval 'tui_line 2 | grep -q "Requests: 4 open"' || tui_bail "requests did not come first"

open_first() {
	tui_line 3 | grep -q "# *Customer *Asked *Suggested *Gr *State *By" || return 1
	[ "$(req_rows | wc -l)" -eq 4 ] || return 1
	[ "$(req_rows | grep -cE 'pending|to the GM')" -eq 4 ]
}
check credit_manager_sees_open_requests_first open_first
check requests_fit_80 tui_fits
check requests_aligned maligned '^ +[0-9]+ ' 3 Gr State By
check request_amounts_right_aligned mright '^ +[0-9]+ ' 3 Asked Suggested

approve() {
	select_id 3 || return 1
	tui_keys a
	tui_wait "Approve amount:" || return 1
	tui_keys C-u
	tui_type 300,000
	tui_keys Enter
	tui_wait "Note (why this amount):" || return 1
	tui_type "按评级建议核定"
	tui_keys Enter
	msg_has "Request #3 approved at 300,000.00" || return 1
	state 3 | grep -q "approved 300000.00" || { state 3; return 1; }
	[ "$(req_rows | wc -l)" -eq 3 ]
}
check approve_with_another_amount approve

reject() {
	select_id 2 || return 1
	tui_keys R
	tui_wait "Reason for rejecting:" || return 1
	tui_type "财务报表不全"
	tui_keys Enter
	msg_has "Request #2 rejected" && state 2 | grep -q rejected
}
check reject_with_reason reject

dispute() {
	select_id 1 || return 1
	tui_keys D
	tui_wait "For the general manager:" || return 1
	tui_type "金额远超建议,请总经理定夺"
	tui_keys Enter
	msg_has "Request #1 sent to the general manager" && state 1 | grep -q escalated
}
check dispute_sends_to_gm dispute

all_open_first() {
	tui_keys f
	tui_until eval 'tui_line 2 | grep -q "f: open only"' || return 1
	[ "$(req_rows | wc -l)" -eq 4 ] || return 1
	# the open ones (to the GM) come before the decided ones
	req_rows | awk '/to the GM/ { if (seen) bad = 1; next } { seen = 1 } END { exit bad }'
}
check f_shows_decided_after_open all_open_first

customers() {
	tui_keys 2
	tui_until eval 'tui_line 2 | grep -q "by grade"' || return 1
	tui_line 3 | grep -q "Code *Name *Gr *Score *Limit *Exposure *Used" || return 1
	# grades never go back up the list: A before B before C before D before unrated
	mrows '^C[0-9]' | perl -CSA -ne 'print "$1\n" if /^C\d+ .*? ([A-D-]) +\d* +(?:[\d,]+\.\d\d|none) /' |
		awk 'BEGIN { o["A"]=1; o["B"]=2; o["C"]=3; o["D"]=4; o["-"]=5 }
		     { if (o[$1] < last) bad = 1; last = o[$1] } END { exit bad }'
}
check customers_by_grade_then_utilisation customers
check customers_fit_80 tui_fits
check customers_aligned maligned '^C[0-9]' 3 Name Gr

rating() {
	code=$(tui_selected | awk '{ print $1 }')
	want=$(C credit evaluate "$code" | head -n 1)	# "score N  grade X"
	tui_keys Enter
	tui_wait "Scored today:" || return 1
	doc
	for s in "financial strength" "payment behaviour" "business capability" "cooperation and management" \
		"current ratio" "Suggested limit" "Credit history"; do
		case $DOC in *"$s"*) ;; *) echo "# no $s"; return 1 ;; esac
	done
	set -- $want
	case $DOC in *"Scored today: $2, grade $4"*) ;; *) echo "# want $want"; return 1 ;; esac
	tui_fits || return 1
	tui_keys r
	msg_has "Rating stored: score $2, grade $4" || return 1
	C credit show "$code" | head -n 1 | grep -q "grade $4  score $2"
}
check rating_view_breakdown_and_r_stores rating

credit_file() {
	tui_keys F
	tui_wait "Credit file of $code" || return 1
	tui_fits || return 1
	tui_type 2026-09-30
	for v in 6,000,000 2,000,000 900,000 15,000,000 5,000,000; do
		tui_keys Tab
		tui_type "$v"
	done
	tui_keys Tab Tab Tab Tab Tab Tab Tab Tab	# net assets ... collateral liquidity
	tui_keys Tab Right Right Right Right	# reach 4
	tui_wait "< 4 >" || return 1
	tui_keys Enter
	msg_has "Credit file saved" || return 1
	tui_wait "Scored today:" || return 1
	C credit show "$code" | grep file | grep -q "statements of 2026-09-30"
}
check F_files_financial_statements credit_file

export_list() {
	tui_keys q
	tui_until eval 'tui_line 2 | grep -q "by grade"' || return 1
	tui_keys x
	tui_wait "Export to:" || return 1
	tui_has "~/credo-credit-$TUI_TODAY.csv" || return 1
	tui_keys Enter
	msg_has "Exported 242 rows" || return 1
	f=$TUI_DIR/credo-credit-$TUI_TODAY.csv
	[ -s "$f" ] || return 1
	head -n 1 "$f" | grep -q '"Code","Name","Gr","Score","Limit","Exposure"' || return 1
	# the rows on screen are the first rows of the file, cell for cell
	_screen=$(mrows '^C[0-9]' | awk '{ print $1 }')
	_file=$(sed -n "2,$(( $(printf '%s\n' "$_screen" | wc -l) + 1 ))p" "$f" | cut -d, -f1 | tr -d '"')
	[ "$_screen" = "$_file" ] || return 1
	_lim=$(mrows '^C[0-9]' | head -n 1 | grep -o '[0-9,]*\.[0-9][0-9]' | head -n 1)
	sed -n 2p "$f" | grep -q "\"$_lim\""
}
check x_exports_the_list_as_shown export_list
tui_quit_clean credit_manager_quits_cleanly q

# ---- the general manager decides what was escalated ----
mstart huangjun 120 40
tui_wait "[Customers]" || tui_bail "credo did not start"
mtab Credit || tui_bail "no Credit tab"
tui_until eval 'tui_line 2 | grep -q "Requests: 2 open"' || tui_bail "gm did not see the escalated requests"
check requests_fit_120 tui_fits
check requests_aligned_120 maligned '^ +[0-9]+ ' 3 Gr State By Reason
decide() {
	select_id 4 || return 1
	tui_keys a
	tui_wait "Approve amount:" || return 1
	tui_keys C-u
	tui_type 1,000,000
	tui_keys Enter
	tui_wait "Note" || return 1
	tui_type "先给一百万,半年后复审"
	tui_keys Enter
	msg_has "Request #4 approved at 1,000,000.00" || return 1
	state 4 | grep -q "decided 1000000.00"
}
check gm_decides_escalated_request decide
gm_rejects() {
	select_id 1 || return 1
	tui_keys R
	tui_wait "Reason for rejecting:" || return 1
	tui_type "风险过高"
	tui_keys Enter
	msg_has "Request #1 rejected" && state 1 | grep -q decided
}
check gm_rejects_escalated_request gm_rejects
tui_quit_clean gm_quits_cleanly q

# ---- a salesperson starts on the customers ----
mstart zhangwei 80 24
tui_wait "[Customers]" || tui_bail "credo did not start"
mtab Credit || tui_bail "no Credit tab"
check sales_starts_on_customers tui_until eval 'tui_line 2 | grep -q "by grade"'
request() {
	tui_keys g
	tui_until eval '[ -n "$(tui_selected)" ]' || return 1
	code=$(tui_selected | awk '{ print $1 }')
	tui_keys n
	tui_wait "Limit requested:" || return 1
	tui_type 150,000
	tui_keys Enter
	tui_wait "Reason:" || return 1
	tui_type "旺季备货"
	tui_keys Enter
	msg_has "Request #5 filed" || return 1
	C credit requests --format csv | grep '^"5",' | grep "\"$code\"" | grep -q pending
}
check n_files_a_credit_request request
approve_refused() {
	tui_keys 1
	tui_until eval 'tui_line 2 | grep -q "Requests:"' || return 1
	tui_keys g a
	msg_has "permission denied"
}
check sales_cannot_approve approve_refused
tui_quit_clean sales_quits_cleanly q
tui_finish
