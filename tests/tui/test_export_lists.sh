#!/bin/sh
# `x` on the sales lists: the whole list, as shown, into a CSV file.
. "$(dirname "$0")/lib.sh"

tui_demo_db
tui_start HOME="$TUI_DIR" -- --as zhangwei
tui_until eval 'tui_has "[Customers]" && [ "$(tui_nrows)" -ge 10 ]' || tui_bail "customer list did not appear"

tui_keys x
check x_asks_for_a_file_name tui_wait "Export to:"
tui_keys Enter
check customers_export_reports_rows tui_wait "Exported "
file="$TUI_DIR/credo-customers-$TUI_TODAY.csv"
check customers_csv_written test -s "$file"
want=$("$CREDO_BIN" -d "$TUI_DB" --as zhangwei customer list --format csv | tail -n +2 | wc -l)
got=$(tail -n +2 "$file" | wc -l)
check customers_csv_has_every_row_of_the_list test "$got" -eq "$want"
check customers_csv_has_the_screen_headings eval 'head -1 "$file" | grep -q "\"Code\",\"Name\",\"Owner\",\"Phone\""'

tui_keys Tab Tab
tui_wait "[Visits]"
tui_keys x
tui_wait "Export to:"
tui_keys Enter
check visits_export_reports_rows tui_wait "Exported "
check visits_csv_written test -s "$TUI_DIR/credo-visits-$TUI_TODAY.csv"

tui_quit_clean export_lists_quits_cleanly
tui_finish
