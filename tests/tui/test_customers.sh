#!/bin/sh
# The customer list in a real terminal: first screen and status line,
# moving and paging (keyset pages), search in Chinese, detail and back, the
# generated help, resizing, Chinese names in aligned columns, clean exit.
. "$(dirname "$0")/lib.sh"

tui_demo_db
tui_start

list_shown() { tui_has "[Customers]" && [ "$(tui_nrows)" -ge 15 ]; }
tui_until list_shown || tui_bail "customer list did not appear"
ok first_screen_is_the_customer_list

heads=$(tui_line 3)
check list_has_code_name_owner_phone_columns \
	eval 'case $heads in *Code*Name*Owner*Phone*) true ;; *) false ;; esac'

status=$(tui_status)
status_ok() {
	case $status in *"$(id -un)"*) ;; *) return 1 ;; esac
	case $status in *admin*) ;; *) return 1 ;; esac
	case $status in *credo.db*) ;; *) return 1 ;; esac
	case $status in *"$TUI_TODAY") ;; *) return 1 ;; esac
}
check status_line_shows_user_role_db_and_today status_ok
check nothing_wider_than_80_columns tui_fits
check english_and_chinese_columns_aligned tui_aligned Owner Phone

# ---- moving the selection ----
sel_is() { [ "$(tui_selected_code)" = "$1" ]; }
first_is() { [ "$(tui_code "$(tui_row 1)")" = "$1" ]; }

r1=$(tui_code "$(tui_row 1)")
r2=$(tui_code "$(tui_row 2)")
r3=$(tui_code "$(tui_row 3)")
n=$(tui_nrows)
last=$(tui_code "$(tui_row "$n")")
page1=$(tui_rows | awk '{ print $1 }')

moves() {
	tui_until sel_is "$r1" || return 1
	tui_keys j; tui_until sel_is "$r2" || return 1
	tui_keys j; tui_until sel_is "$r3" || return 1
	tui_keys k; tui_until sel_is "$r2" || return 1
	tui_keys Down; tui_until sel_is "$r3" || return 1
	tui_keys Up Up; tui_until sel_is "$r1" || return 1
	# Up at the very top stays there.
	tui_keys k; tui_until sel_is "$r1" && first_is "$r1"
}
check j_k_and_arrows_move_the_selection moves

# Walking past the last row scrolls by exactly one row.
scroll_one() {
	set --
	_i=1
	while [ $_i -lt "$n" ]; do set -- "$@" j; _i=$((_i + 1)); done
	tui_keys "$@"
	tui_until sel_is "$last" || return 1
	first_is "$r1" || return 1
	tui_keys j
	tui_until first_is "$r2" || return 1
	_new=$(tui_selected_code)
	[ "$_new" = "$(tui_code "$(tui_row "$n")")" ] || return 1
	# the new row is the one after the old page
	! printf '%s\n' "$page1" | grep -qx "$_new"
}
check moving_past_the_last_row_scrolls_one scroll_one

not_on_page1() { ! printf '%s\n' "$page1" | grep -qx "$(tui_code "$(tui_row 1)")"; }
paging() {
	tui_keys g
	tui_until first_is "$r1" || return 1
	tui_until sel_is "$r1" || return 1
	tui_keys NPage
	tui_until not_on_page1 || return 1
	[ "$(tui_nrows)" -eq "$n" ] || return 1
	_p2=$(tui_code "$(tui_row 1)")
	tui_keys PPage
	tui_until first_is "$r1" || return 1
	tui_keys C-f
	tui_until first_is "$_p2" || return 1
	tui_keys C-b
	tui_until first_is "$r1" || return 1
	tui_keys Space
	tui_until first_is "$_p2"
}
check pgdn_pgup_ctrl_f_ctrl_b_page paging

at_last_row() {
	_s=$(tui_selected_code)
	[ -n "$_s" ] && [ "$_s" = "$(tui_code "$(tui_row "$n")")" ] && not_on_page1
}
end_home() {
	tui_keys G
	tui_until at_last_row || return 1
	[ "$(tui_nrows)" -eq "$n" ] || return 1	# End shows a full last page
	_end1=$(tui_code "$(tui_row 1)")
	tui_keys j
	sleep 0.2
	tui_capture
	first_is "$_end1" && at_last_row || return 1
	tui_keys Home
	tui_until first_is "$r1" && tui_until sel_is "$r1" || return 1
	tui_keys End
	tui_until at_last_row
}
check g_G_home_end_jump_to_both_ends end_home

# The last page holds Chinese names (sorted after Latin ones).
check chinese_names_aligned_on_last_page tui_aligned Owner Phone
check last_page_fits_80_columns tui_fits

# ---- search with a Chinese substring ----
total=$(tui_line 2 | sed -n 's/.* \([0-9][0-9]*\) customers.*/\1/p')
name=$(tui_selected | awk '{ print $2 }')
needle=$(printf '%s' "$name" | perl -CS -ne 'print substr($_, 2, 2)')
target=$(tui_selected_code)

search() {
	[ -n "$total" ] && [ -n "$needle" ] || return 1
	tui_keys /
	tui_wait "Search:" || return 1
	tui_type "$needle"
	tui_wait "Search: $needle" || return 1
	tui_keys Enter
	tui_wait "matching \"$needle\"" || return 1
	_count=$(tui_line 2 | sed -n 's/.* \([0-9][0-9]*\) of \([0-9][0-9]*\).*/\1 \2/p')
	set -- $_count
	[ $# -eq 2 ] && [ "$1" -lt "$2" ] && [ "$2" -eq "$total" ] && [ "$1" -ge 1 ] || return 1
	# every row shown holds the substring, and the row it came from is there
	[ "$(tui_nrows)" -ge 1 ] || return 1
	[ "$(tui_rows | grep -vc "$needle")" -eq 0 ] || return 1
	tui_rows | grep -q "^$target "
}
check slash_search_with_chinese_narrows_the_list search
check search_results_aligned tui_aligned Owner Phone

clear_search() {
	tui_keys Escape
	tui_until eval 'tui_line 2 | grep -q " $total customers"' || return 1
	tui_lacks "matching"
}
check esc_clears_the_search clear_search

# ---- detail and back ----
detail() {
	tui_keys g
	tui_until sel_is "$r1" || return 1
	tui_keys j j
	tui_until sel_is "$r3" || return 1
	tui_keys Enter
	tui_until eval 'tui_line 2 | grep -q "$r3"' || return 1
	for f in "Short name" Type Status Category Industry Region Address Phone \
		"Tax ID" Bank Owner "Customer since" Reputation Notes; do
		tui_has "$f" || { echo "# detail lacks $f"; return 1; }
	done
	tui_line 1 | grep -q ">" || return 1	# breadcrumb
	tui_fits || return 1
	tui_keys q
	tui_until list_shown || return 1
	tui_until sel_is "$r3"
}
check enter_opens_detail_and_q_returns detail

# ---- help from the key table ----
help() {
	tui_keys '?'
	tui_wait "Everywhere" || return 1
	printf '%s\n' "$SCREEN" | grep -q "j, Down *move down" || return 1
	printf '%s\n' "$SCREEN" | grep -q "PgDn, Ctrl-F, Space *page down" || return 1
	printf '%s\n' "$SCREEN" | grep -q "/ *search" || return 1
	printf '%s\n' "$SCREEN" | grep -q "?, F1 *show this help" || return 1
	tui_fits || return 1
	tui_keys q
	tui_until list_shown && tui_until sel_is "$r3"
}
check question_mark_shows_help_from_key_table help

# ---- resize ----
# A resize is done when the whole screen was redrawn at the new size: tmux
# shows the old content cut to the new size until then.
redrawn() {
	tui_line 1 | grep -q "\[Customers\]" && tui_line 3 | grep -q "^Code" &&
		tui_status | grep -q "$TUI_TODAY" && [ "$(tui_nrows)" -eq $((TUI_H - 5)) ]
}
big() {
	tmx resize-window -t credo -x 120 -y 40
	TUI_W=120 TUI_H=40
	tui_until eval 'redrawn && tui_line 3 | grep -q Region' || return 1
	tui_until sel_is "$r3"
}
check resize_to_120x40_redraws big
check aligned_at_120x40 tui_aligned Owner Phone Region
check fits_120_columns tui_fits

small() {
	tmx resize-window -t credo -x 80 -y 24
	TUI_W=80 TUI_H=24
	tui_until eval 'redrawn && ! tui_line 3 | grep -q Region' || return 1
	[ "$(tui_nrows)" -eq "$n" ] && tui_fits && tui_until sel_is "$r3"
}
check resize_back_to_80x24 small

tui_quit_clean q_quits_cleanly_without_sanitizer_reports
tui_finish
