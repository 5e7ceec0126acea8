#!/bin/sh
# The customer list sorted by overdue amount and by utilisation: s cycles
# name -> code -> overdue -> utilisation -> name, the heading names the
# order, the phone column gives way to the figure sorted by, and the rows
# are the ones `credo customer list --sort` gives, largest first.
. "$(dirname "$0")/lib.sh"

tui_demo_db
tui_start

list_shown() { tui_has "[Customers]" && [ "$(tui_nrows)" -ge 15 ]; }
tui_until list_shown || tui_bail "customer list did not appear"

# The first codes of the CLI's list in this order.
cli_codes() {
	CREDO_TODAY=$TUI_TODAY "$CREDO_BIN" -d "$TUI_DB" customer list --sort "$1" --format csv |
		sed -n "2,$(($2 + 1))p" | cut -d, -f1 | tr -d '"\r'
}
screen_codes() { tui_rows | sed -n "1,${1}p" | awk '{ print $1 }'; }
sorted_by() {
	case $(tui_line 2) in *"by $1"*) ;; *) return 1 ;; esac
	case $(tui_line 3) in *"$2") ;; *) return 1 ;; esac
	[ "$(screen_codes 10)" = "$(cli_codes "$1" 10)" ]
}
# The figure column (the last one) falls from row to row.
falling() {
	tui_rows | sed -n '1,15p' | awk '{ v = $NF; gsub(/[,%]/, "", v); print v }' |
		awk 'NR > 1 && $1 > prev { bad = 1 } { prev = $1 } END { exit bad }'
}

tui_keys s
tui_until tui_has "by code" || tui_bail "s did not sort by code"
tui_keys s
check s_sorts_by_overdue_with_the_overdue_column tui_until sorted_by overdue Overdue
check overdue_amounts_fall_down_the_list falling
check overdue_list_fits_80_columns tui_fits

tui_keys s
check s_again_sorts_by_utilisation tui_until sorted_by utilisation Used
case $(tui_row 1) in
*"no limit") ok exposure_without_a_limit_comes_first ;;
*) not_ok "exposure_without_a_limit_comes_first ($(tui_row 1))" ;;
esac
# Below it, percentages falling.
pct_falling() { tui_rows | sed -n '2,15p' | grep -q '%$' && tui_rows | sed -n '2,15p' | awk '{ v = $NF; sub(/%/, "", v); print v }' |
	awk 'NR > 1 && $1 > prev { bad = 1 } { prev = $1 } END { exit bad }'; }
check utilisation_falls_down_the_list pct_falling

# Paging keeps the order: the second page continues the CLI's list.
tui_keys PageDown
second() { [ "$(tui_selected_code)" = "$(cli_codes utilisation 40 | sed -n "$(($(tui_nrows) + 1))p")" ]; }
check page_down_continues_in_utilisation_order tui_until second

tui_keys s
back() { case $(tui_line 2) in *"by name"*) ;; *) return 1 ;; esac; case $(tui_line 3) in *Phone*) ;; *) return 1 ;; esac; }
check s_comes_back_to_name_and_phone tui_until back

tui_quit_clean q_quits_cleanly_without_sanitizer_reports
tui_finish
