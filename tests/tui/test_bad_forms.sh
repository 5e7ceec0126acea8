#!/bin/sh
# Bad input in the TUI forms: each field's rule is named on screen, nothing
# is saved, and control characters typed into a field never reach the file.
# (Names holding escape sequences are drawn safely: test_safety.sh.)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/money_lib.sh"

tui_demo_db
dumpdb() { sqlite3 "$TUI_DB" .dump | grep -v "'access',[0-9]*,'denied'"; }
before=$(dumpdb)
list_shown() { tui_has "[Customers]" && [ "$(tui_nrows)" -ge 10 ]; }
tui_start -- --as zhangwei
tui_until list_shown || tui_bail "customer list did not appear"

# field_clear_type TEXT: replace the current field's text.
field_type() { tui_keys C-u; tui_type "$1"; }

new_form() {
	tui_keys n
	tui_wait "New customer" && tui_wait "Fields marked * are required"
}
check customer_form_opens new_form
empty_name() {
	tui_keys Enter
	tui_wait "A customer needs a name."
}
check empty_name_names_the_rule empty_name
bad_phone() {
	tui_type "坏输入测试"
	tui_keys Tab Tab
	field_type "12ab;DROP"
	tui_keys Tab
	tui_wait "A phone number holds only digits"
}
check bad_phone_names_the_rule bad_phone
tui_keys Escape
tui_until list_shown
check cancelled_customer_form_saved_nothing test "$before" = "$(dumpdb)"

# The visit form, for a customer picked by code.
visit_form() {
	mtab Visits || return 1
	tui_keys n
	tui_wait "Log a visit" || return 1
	tui_type C000079
	tui_wait ">C000079" || return 1
	tui_keys Enter
	tui_wait "Log a visit: C000079"
}
check visit_form_opens visit_form
# bad_date TEXT RULE: from the Purpose field (where the pick leaves us) back to Date.
bad_date() {
	tui_keys BTab BTab BTab BTab C-u
	tui_type "$1"
	tui_keys Tab
	tui_wait "$2" || return 1
	tui_keys Tab Tab Tab
}
check impossible_date_names_the_rule bad_date 2026-02-30 "no such day"
check word_for_a_date_names_the_rule bad_date yesterday "YYYY-MM-DD"
check sql_in_a_date_names_the_rule bad_date "26');DROP;" "YYYY-MM-DD"
empty_visit() {
	tui_keys BTab BTab BTab BTab C-u
	tui_type 2026-11-20
	tui_keys Enter
	tui_wait "Say what was found or agreed"
}
check visit_without_findings_names_the_rule empty_visit
tui_keys Escape
mtab Customers
check refused_forms_left_the_database_as_it_was test "$before" = "$(dumpdb)"
tui_quit_clean quits_cleanly Q
tui_finish
