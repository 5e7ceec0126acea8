#!/bin/sh
# The Reports tab and the Dashboard's charts in a real terminal at 80x24,
# in colour and with NO_COLOR: the scorecard ranked by money collected with
# its chart, each bar labelled with its value; the value classes adding up
# to 100 %; targets and commission; Enter on a salesperson opens their
# customers; x exports the scorecard as shown; a salesperson sees only
# themself; the Dashboard's aging, funnel and 12-month charts fit.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/money_lib.sh"

tui_demo_db

has_color() {
	tui_capture_attrs | perl -e '
		while (<STDIN>) {
			while (/\e\[([0-9;]*)m/g) {
				for (split /;/, $1) { exit 0 if /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/ }
			}
		}
		exit 1;'
}
msg_has() { MSG=$1; tui_until eval 'mmsg | grep -q "$MSG"'; }
month=${TUI_TODAY%-??}
# The top of the CLI's scorecard for this month: "login collected" of rank 1.
top=$(C --as huangjun report scorecard --format csv | sed -n 2p)
top_login=$(printf '%s' "$top" | awk -F'","' '{ print $2 }')
top_name=$(printf '%s' "$top" | awk -F'","' '{ print $3 }')
top_money=$(printf '%s' "$top" | awk -F'","' '{ print $13 }' | perl -pe '1 while s/^(\d+)(\d{3})/$1,$2/')
[ -n "$top_login" ] || tui_bail "no scorecard from the CLI"

# bars_labelled: every line of the chart under TITLE has a label, blocks and a value after them.
bars_labelled() {
	printf '%s\n' "$SCREEN" | sed -n "/$1/,\$p" | sed '1d' | sed -n "1,$2p" |
		perl -CSA -e 'use utf8; my $n = 0; while (<STDIN>) { $n++; exit 1 unless /^ \S.*\s[█▉▊▋▌▍▎▏]+░*\s+\S/ } exit($n ? 0 : 1)'
}

for mode in colour no_color; do
	if [ $mode = no_color ]; then
		TUI_W=80 TUI_H=24 tui_start HOME="$TUI_DIR" NO_COLOR=1 -- --as huangjun
	else
		mstart huangjun 80 24
	fi
	tui_wait "[Customers]" || tui_bail "credo did not start ($mode)"
	mtab Reports || tui_bail "no Reports tab ($mode)"
	tui_wait "Ranking by money collected" || tui_bail "no scorecard chart ($mode)"
	if [ $mode = no_color ]; then
		check "${mode}_no_colour_escapes" eval '! has_color'
	else
		check "${mode}_colour" has_color
	fi
	check "${mode}_scorecard_fits_80x24" tui_fits
	check "${mode}_scorecard_ranked_like_the_cli" eval \
		'tui_line 4 | grep -q "^ 1 $top_name .* $top_money "'
	check "${mode}_ranking_bars_labelled_with_values" bars_labelled "Ranking by money collected" 7
	check "${mode}_ranking_chart_leads_with_the_top" eval \
		'printf "%s\n" "$SCREEN" | sed -n "/Ranking by money collected/{n;p}" | grep -q "^ $top_name "'
	tui_keys 2
	tui_wait "Share of 12 months' basis by class" || not_ok "${mode}_classes_chart"
	check "${mode}_classes_fit" tui_fits
	check "${mode}_three_classes_add_up_to_100" eval 'printf "%s\n" "$SCREEN" |
		perl -ne '"'"'$s += $1 * 10 + $2 if / ([0-9]+)\.([0-9])%, [0-9]+ customers/; $n++ if /customers$/; END { exit !($n == 3 && abs($s - 1000) <= 2) }'"'"
	tui_keys 3
	tui_wait "against target, $month" || not_ok "${mode}_targets_chart"
	check "${mode}_targets_fit" tui_fits
	check "${mode}_target_bars_labelled" bars_labelled "against target" 7
	tui_keys 4
	tui_wait "Commission payable, $month" || not_ok "${mode}_commission_chart"
	check "${mode}_commission_fits" tui_fits
	# The Dashboard's charts.
	mtab Dashboard || not_ok "${mode}_dashboard_tab"
	tui_keys 3
	tui_wait "Receivables by age" || not_ok "${mode}_dashboard_aging_chart"
	check "${mode}_dashboard_charts_all_there" eval 'tui_has "Open opportunities by stage" && tui_has "Collected / invoiced, 12 months"'
	check "${mode}_dashboard_charts_fit" tui_fits
	check "${mode}_aging_bars_labelled" bars_labelled "Receivables by age" 3
	check "${mode}_twelve_months" eval '[ "$(printf "%s\n" "$SCREEN" | grep -cE "  [0-9]{2}-[0-9]{2} ")" -eq 12 ]'
	tui_quit_clean "${mode}_quits_cleanly" Q
done

# Drill-down and export, as the general manager.
mstart huangjun 80 24
tui_wait "[Customers]" || tui_bail "credo did not start"
mtab Reports || tui_bail "no Reports tab"
tui_wait "Ranking by money collected" || tui_bail "no scorecard"
tui_keys x
tui_wait "Export to:" && tui_has "~/credo-scorecard-$TUI_TODAY.csv" && tui_keys Enter
check x_exports_the_scorecard msg_has "Exported"
f=$TUI_DIR/credo-scorecard-$TUI_TODAY.csv
check export_has_every_salesperson_ranked eval \
	'[ "$(sed 1d "$f" | wc -l)" -eq 7 ] && sed -n 2p "$f" | grep -q "^\"1\",\"$top_name\",\"$top_money\""'
tui_keys Enter
tui_wait "Customers of $top_login" || not_ok "enter_opens_the_salespersons_customers"
only_theirs() { [ "$(mrows '^C[0-9]' | wc -l)" -gt 3 ] && ! mrows '^C[0-9]' | grep -v " $top_name " | grep -q .; }
check drill_down_lists_only_their_customers tui_until only_theirs
tui_quit_clean drill_down_quits_cleanly Q

# A salesperson sees only themself.
mstart lina 80 24
tui_wait "[Customers]" || tui_bail "credo did not start as lina"
mtab Reports || tui_bail "no Reports tab for lina"
tui_wait "Ranking by money collected" || not_ok "salesperson_scorecard"
check salesperson_sees_only_themself eval \
	'[ "$(mrows "^ +[0-9]+ " | wc -l)" -eq 1 ] && mrows "^ +1 " | grep -q "李娜" && tui_lacks "张伟"'
tui_quit_clean salesperson_quits_cleanly Q
tui_finish
