#!/bin/sh
# The terminal: colour only when the terminal has it and NO_COLOR is unset
# or empty (https://no-color.org); without colour the screen still marks
# the selection (reverse video) and the current tab ([brackets]). Tabs.
# An unknown TERM or no terminal at all is refused with a message.
. "$(dirname "$0")/lib.sh"

tui_demo_db

list_shown() { tui_has "[Customers]" && [ "$(tui_nrows)" -ge 15 ]; }

# SGR parameters that set a colour: 30-37, 40-47, 90-97, 100-107, 38;..., 48;...
has_color() {
	tui_capture_attrs | perl -e '
		while (<STDIN>) {
			while (/\e\[([0-9;]*)m/g) {
				for (split /;/, $1) { exit 0 if /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/ }
			}
		}
		exit 1;'
}
sel_is() { [ "$(tui_selected_code)" = "$1" ]; }

# ---- NO_COLOR=1 ----
tui_start NO_COLOR=1
tui_until list_shown || tui_bail "customer list did not appear with NO_COLOR=1"
ok no_color_list_appears
check no_color_means_no_colour_escapes eval '! has_color'
r1=$(tui_code "$(tui_row 1)")
r2=$(tui_code "$(tui_row 2)")
check no_color_selection_is_reverse_video tui_until sel_is "$r1"
tui_keys j
check no_color_j_moves_selection tui_until sel_is "$r2"
tui_keys BTab
check no_color_shift_tab_switches_to_dashboard tui_wait "[Dashboard]"
check dashboard_shows_key_figures eval 'tui_has "Key figures as of"'
tui_keys Tab
check tab_returns_to_customers_where_it_was eval 'tui_until list_shown && tui_until sel_is "$r2"'
tui_quit_clean no_color_quits_cleanly

# ---- colour ----
tui_start
tui_until list_shown || tui_bail "customer list did not appear in colour"
check colour_terminal_gets_colour has_color
tui_quit_clean colour_quits_cleanly Q

# ---- NO_COLOR set but empty means colour ----
tui_start NO_COLOR=
tui_until list_shown || tui_bail "customer list did not appear with empty NO_COLOR"
check empty_no_color_keeps_colour has_color
tui_quit_clean empty_no_color_quits_cleanly

# ---- no terminal, unknown terminal ----
"$CREDO_BIN" -d "$TUI_DB" </dev/null >"$TUI_DIR/out" 2>"$TUI_DIR/err"
rc=$?
check no_tty_is_refused_with_a_message \
	eval '[ $rc -eq 1 ] && grep -q "needs a terminal" "$TUI_DIR/err" && ! grep -q Sanitizer "$TUI_DIR/err"'

tui_start TERM=credo-no-such-terminal
bogus() {
	tui_until eval '[ -s "$TUI_DIR/exit" ]' || return 1
	[ "$(cat "$TUI_DIR/exit")" = 1 ] && grep -q "check TERM" "$TUI_DIR/stderr" &&
		[ "$(grep -c . "$TUI_DIR/stderr")" -eq 1 ]	# the message and no leak report
}
check unknown_term_is_refused_without_leaks bogus
tui_finish
