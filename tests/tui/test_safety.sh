#!/bin/sh
# Text from the database can never drive the terminal: escape sequences,
# other control characters, 8-bit controls, bidi overrides and invalid
# UTF-8 in a name are drawn as visible stand-ins, and very long Chinese
# names are cut to their column without breaking the alignment.
#
# The core refuses such text on input, so the rows are written with the
# sqlite3 shell, as someone editing the file behind credo's back would.
. "$(dirname "$0")/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "ok safety_tests # SKIP sqlite3 shell not installed"
	exit 0
fi

tui_demo_db
long=$(printf '超长名称%.0s' 1 2 3 4 5 6 7 8 9 10 11 12)
sqlite3 "$TUI_DB" "
INSERT INTO customers(code, name, short_name, phone, owner_id, created_at, updated_at)
SELECT code, name, '', '010-1234567', (SELECT min(id) FROM users WHERE role = 'sales'),
       '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'
FROM (SELECT 'C0-ESC' AS code, char(27) || '[31mRED' || char(27) || '[0m红' AS name
      UNION ALL SELECT 'C0-CTL', 'Bell' || char(7) || 'Tab' || char(9) || 'NL' || char(10) || 'End'
      UNION ALL SELECT 'C0-C1', 'Csi' || char(155) || '2J' || '清屏'
      UNION ALL SELECT 'C0-BIDI', 'abc' || char(8238) || 'def'
      UNION ALL SELECT 'C0-BAD', CAST(X'426164FF4279746573' AS TEXT)
      UNION ALL SELECT 'C0-LONG', '$long');
" 2>"$TUI_DIR/sqlite.err" || tui_bail "sqlite3 insert failed: $(cat "$TUI_DIR/sqlite.err")"

row_of() { tui_rows | grep "^$1 "; }
list_shown() { tui_has "[Customers]" && [ "$(tui_nrows)" -ge 15 ]; }

tui_start
tui_until list_shown || tui_bail "customer list did not appear"
# Sort by code: the test rows ("C0-...") come first.
tui_keys s
check sorted_by_code_shows_the_test_rows tui_until eval 'tui_has "by code" && row_of C0-BAD >/dev/null'

check escape_sequence_shown_as_caret_text eval 'row_of C0-ESC | grep -qF "^[[31mRED^[[0m红"'
check control_characters_shown_in_caret_form eval 'row_of C0-CTL | grep -qF "Bell^GTab^INL^JEnd"'
check eight_bit_csi_shown_as_question_mark eval 'row_of C0-C1 | grep -qF "Csi?2J清屏"'
check bidi_override_dropped eval 'row_of C0-BIDI | grep -qF "abcdef"'
check invalid_utf8_shown_as_question_mark eval 'row_of C0-BAD | grep -qF "Bad?Bytes"'
check long_chinese_name_cut_with_a_mark eval 'row_of C0-LONG | grep -q "超长名称超长名称.*~"'

# Nothing the names contain turned anything red (31) on screen.
no_red() {
	tui_capture_attrs | perl -e '
		while (<STDIN>) { while (/\e\[([0-9;]*)m/g) { for (split /;/, $1) { exit 1 if $_ eq "31" } } }
		exit 0;'
}
check names_set_no_colours no_red
check columns_still_aligned tui_aligned Owner Phone
check nothing_overflows tui_fits

sel_is() { [ "$(tui_selected_code)" = "$1" ]; }
detail() {
	tui_keys g
	tui_until eval 'tui_selected_code >/dev/null'
	_first=$(tui_selected_code)
	tui_keys Enter
	tui_wait "Owner login" || return 1
	tui_has "^[[31mRED^[[0m红" || tui_has "Bad?Bytes" || tui_has "Bell^GTab" ||
		tui_has "abcdef" || tui_has "Csi?2J" || tui_has "超长名称" || return 1
	tui_fits || return 1
	tui_keys q
	tui_until sel_is "$_first"
}
check detail_shows_stand_ins_too detail

# The long name wraps in the detail screen instead of running off it.
long_detail() {
	tui_keys /
	tui_wait "Search:" || return 1
	tui_type "C0-LONG"
	tui_keys Enter
	tui_until eval 'row_of C0-LONG >/dev/null' || return 1
	tui_keys Enter
	tui_wait "Owner login" || return 1
	[ "$(printf '%s\n' "$SCREEN" | grep -c "超长名称")" -ge 3 ] && tui_fits
}
check long_name_wraps_in_detail long_detail

tui_quit_clean quits_cleanly Q
tui_finish
