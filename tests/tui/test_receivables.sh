#!/bin/sh
# Receivables, Collection and the Dashboard in a real terminal, on the demo
# company: the aging totals row equals the sums of credo report aging
# --format csv, today and as of a past date, at 80x24 (summary columns) and
# 120x40 (every bucket); Enter drills into a customer's open items and on
# to its statement; `x` writes a CSV whose rows are the screen's; one key
# logs a call, a promise, a dispute and a statement sent on the worklist;
# the dashboard shows the acting user's alerts and the key figures.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/money_lib.sh"

tui_demo_db

# sums CSV_ARGS...: "total notdue b1 ... b6 overdue provision" summed over the CLI's aging CSV.
sums() {
	C report aging --format csv "$@" | awk -F'","' 'NR > 1 {
		for (i = 4; i <= 13; i++) s[i] += $i }
		END { printf "%.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f\n",
			s[11], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[12], s[13] }' | tr -d '"'
}
# The amounts of the totals row on screen (the last body line).
footer() { tui_line $((TUI_H - 2)) | grep -o '[-0-9,]*\.[0-9][0-9]' | nocomma | tr '\n' ' ' | sed 's/ $//'; }
msg_has() { MSG=$1; tui_until eval 'mmsg | grep -q "$MSG"'; }

# ---- finance: the aging ----
mstart wufang 80 24
tui_wait "[Customers]" || tui_bail "credo did not start"
mtab Receivables || tui_bail "no Receivables tab"
tui_until eval 'tui_line 2 | grep -q "Aging as of $TUI_TODAY"' || tui_bail "aging did not appear"

summary80() {	# total, not due, overdue, provision
	set -- $(sums)
	_want="$1 $2 $9 ${10}"
	tui_line $((TUI_H - 2)) | grep -q '^Total' || return 1
	echo "# screen $(footer), report $_want"
	[ "$(footer)" = "$_want" ]
}
check aging_totals_match_report_80 summary80
check aging_fits_80 tui_fits
check aging_aligned_80 maligned '^C[0-9]' 3 Name
check aging_amounts_right_aligned mright '^C[0-9]' 3 Total Overdue Provision

export_aging() {
	tui_keys x
	tui_wait "Export to:" || return 1
	tui_has "~/credo-aging-$TUI_TODAY.csv" || return 1
	tui_keys Enter
	msg_has "Exported" || return 1
	f=$TUI_DIR/credo-aging-$TUI_TODAY.csv
	head -n 1 "$f" | grep -q '^"Code","Name","Items","Total","not due","1-30"' || return 1
	# every customer row: code and total as the report has them
	_file=$(sed '1d;$d' "$f" | awk -F'","' '{ print $1, $4 }' | tr -d '"' | nocomma)
	_report=$(C report aging --format csv | sed 1d | awk -F'","' '{ print $1, $11 }' | tr -d '"')
	[ "$_file" = "$_report" ] || { echo "# export and report rows differ"; return 1; }
	# the rows on screen are the file's first rows, cell for cell where shown
	_n=$(mrows '^C[0-9]' | wc -l)
	_scr=$(mrows '^C[0-9]' | sed 's/v$//' | awk '{ print $1, $(NF - 3), $(NF - 2), $(NF - 1), $NF }' | sed 's/ v$//')
	_fil=$(sed -n "2,$((_n + 1))p" "$f" | tr -d '\r' | awk -F'","' '{ print $1, $4, $5, $(NF - 1), $NF }' | tr -d '"')
	[ "$_scr" = "$_fil" ] || { echo "# screen:"; echo "$_scr" | head -3; echo "# file:"; echo "$_fil" | head -3; return 1; }
	# and the last line is the totals row
	tail -n 1 "$f" | grep -q '^"Total"'
}
check x_writes_the_aging_as_shown export_aging

asof() {
	tui_keys @
	tui_wait "As of:" || return 1
	tui_keys C-u
	tui_type 2026-05-31
	tui_keys Enter
	tui_until eval 'tui_line 2 | grep -q "Aging as of 2026-05-31"' || return 1
	set -- $(sums --as-of 2026-05-31)
	_want="$1 $2 $9 ${10}"
	echo "# screen $(footer), report $_want"
	[ "$(footer)" = "$_want" ]
}
check as_of_date_totals_match_report asof

drill() {
	code=$(mrows '^C[0-9]' | head -n 1 | awk '{ print $1 }')
	_total=$(C report aging --as-of 2026-05-31 --format csv | awk -F'","' -v c="\"$code" '$1 == c { print $11 }')
	tui_keys g Enter
	tui_wait "Open items of $code" || return 1
	tui_has "as of 2026-05-31" || return 1
	_open=$(tui_line $((TUI_H - 2)) | grep -o '[0-9,]*\.[0-9][0-9]' | tail -n 1 | nocomma)
	echo "# open items total $_open, aging $_total"
	[ "$_open" = "$_total" ] || return 1
	tui_fits || return 1
	tui_keys Enter
	tui_wait "to 2026-05-31: $code" || return 1
	tui_has "opening" && tui_has "closing"
}
check enter_drills_to_open_items_then_statement drill

wide() {
	tui_keys q q
	tui_until eval 'tui_line 2 | grep -q "Aging as of"' || return 1
	tmx resize-window -t credo -x 120 -y 40
	TUI_W=120 TUI_H=40
	tui_until eval 'tui_line 3 | grep -q "> 365"' || return 1
	set -- $(sums --as-of 2026-05-31)
	_want="$1 $2 $3 $4 $5 $6 $7 $8"
	echo "# screen $(footer), report $_want"
	[ "$(footer)" = "$_want" ]
}
check every_bucket_at_120_matches_report wide
check aging_fits_120 tui_fits
check aging_amounts_right_aligned_120 mright '^[^ T]' 3 Total "not due" "> 365"

# ---- the collection worklist ----
collect_setup() {
	mtab Collection || return 1
	tui_until eval 'tui_line 2 | grep -q "overdue"' || return 1
	tui_keys g
	tui_until eval '[ -n "$(tui_selected)" ]' || return 1
	inv=$(tui_selected | awk '{ print $1 }')
	[ -n "$inv" ]
}
check collection_worklist_shows collect_setup
check collection_fits_120 tui_fits
history() { C collect history "$inv"; }
call() {
	tui_keys o
	tui_wait "Call outcome:" || return 1
	tui_type "财务说月底付款"
	tui_keys Enter
	msg_has "Call logged on $inv" && history | grep call | grep -q "财务说月底付款"
}
check o_logs_a_call call
promise() {
	tui_keys P
	tui_wait "Promised amount:" || return 1
	tui_keys C-u
	tui_type 5,000
	tui_keys Enter
	tui_wait "Will pay by:" || return 1
	tui_keys C-u
	tui_type 2026-11-30
	tui_keys Enter
	msg_has "Promise logged on $inv" && history | grep promise | grep -q "2026-11-30"
}
check P_logs_a_promise_to_pay promise
dispute() {
	tui_keys D
	tui_wait "What is disputed:" || return 1
	tui_type "数量短少两台"
	tui_keys Enter
	msg_has "Dispute logged on $inv" || return 1
	history | grep -q dispute && tui_until eval 'mrows "^$inv" | grep -q paused'
}
check D_logs_a_dispute_and_pauses dispute
sent() {
	tui_keys T
	tui_wait "Statement sent:" || return 1
	tui_keys Enter
	msg_has "Statement sent logged on $inv" && history | grep -q statement
}
check T_logs_a_statement_sent sent
tui_quit_clean finance_quits_cleanly q

# ---- the dashboard of a salesperson ----
mstart zhangwei 80 24
tui_wait "[Customers]" || tui_bail "credo did not start"
mtab Dashboard || tui_bail "no Dashboard tab"
alerts() {
	_n=$(C alerts --for zhangwei --format csv | sed 1d | wc -l)
	tui_until eval 'tui_line 2 | grep -q "Your alerts, zhangwei: $_n "' || return 1
	# the first alert on screen is the engine's first for zhangwei
	_first=$(C alerts --for zhangwei --format csv | sed -n 2p | awk -F'","' '{ print $1, $7 }' | tr -d '"')
	set -- $_first
	_row=$(mrows '^(critical|warning|info) ' | head -n 1)
	case $_row in "$1 "*) ;; *) echo "# first row: $_row; want $_first"; return 1 ;; esac
	printf '%s\n' "$_row" | nocomma | grep -q " $2 "
}
check dashboard_shows_the_actors_alerts alerts
kpi() {
	_recv=$(C --as zhangwei report aging --format csv | awk -F'","' 'NR > 1 { s += $11 } END { printf "%.2f", s }')
	tui_has "Key figures as of $TUI_TODAY" || return 1
	tui_has "DSO" && tui_has "Provision" && tui_has "Credit requests waiting" || return 1
	printf '%s\n' "$SCREEN" | nocomma | grep -q "Receivable  $_recv"
}
check dashboard_key_figures kpi
check dashboard_fits_80 tui_fits
check dashboard_aligned maligned '^(critical|warning|info) ' 3 Customer
tui_quit_clean sales_quits_cleanly q
tui_finish
