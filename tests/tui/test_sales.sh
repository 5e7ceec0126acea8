#!/bin/sh
# The sales screens on the demo company, as salesperson zhaolei: a
# customer's detail with its sub-lists (Chinese contacts and visits in
# aligned columns) and credit standing; a visit logged through the form
# that `credo visit list` then shows; the edit form's validation; a
# complaint recorded and closed; a lead converted; the Visits tab with its
# search-as-you-type customer field; 80x24 and 120x40; finance refused by
# the core on "new lead".
. "$(dirname "$0")/lib.sh"

tui_demo_db
cli() { "$CREDO_BIN" -d "$TUI_DB" "$@" 2>&1; }

# sub_aligned HEADING...: like tui_aligned, for a list that starts anywhere
# on the screen: the heading line is the first holding every HEADING, the
# rows are the lines under it up to a blank one. Needs a wide character.
sub_aligned() {
	printf '%s\n' "$SCREEN" | perl -CSA -e "$TUI_PERL_WIDTH"'
		my @heads = @ARGV; my @lines = <STDIN>; chomp @lines; pop @lines; pop @lines;
		my ($at, %col, $bad, $wide, $rows);
		for my $i (1 .. $#lines) {
			if (!grep { index($lines[$i], $_) < 0 } @heads) { $at = $i; last; }
		}
		unless (defined $at) { print STDERR "no heading line\n"; exit 1; }
		$col{$_} = cells(substr($lines[$at], 0, index($lines[$at], $_))) for @heads;
		for my $l (@lines[$at + 1 .. $#lines]) {
			last if $l =~ /^\s*$/;
			$rows++;
			$wide = 1 if $l =~ /[\p{EA=W}\p{EA=F}]/;
			my @cell; my $c = 0;
			for my $ch (split //, $l) { $cell[$c] = $ch; $c += cells($ch); }
			for my $h (@heads) {
				my $x = $col{$h};
				unless (defined $cell[$x - 1] && $cell[$x - 1] eq " " && defined $cell[$x] && $cell[$x] ne " ") {
					print STDERR "column $h (cell $x) misaligned in: $l\n"; $bad = 1;
				}
			}
		}
		print STDERR "no rows\n" unless $rows;
		print STDERR "no wide characters in the rows\n" unless $wide;
		exit($bad || !$rows || !$wide);' "$@"
}

list_shown() { tui_has "[Customers]" && tui_line 3 | grep -q "^Code" && [ "$(tui_nrows)" -ge 10 ]; }

tui_start -- --as zhaolei
tui_until list_shown || tui_bail "customer list did not appear"

# ---- the customer detail ----
open_customer() {
	tui_keys /
	tui_wait "Search:" || return 1
	tui_type "北京东升"
	tui_keys Enter
	tui_wait "matching" || return 1
	tui_keys Enter
	tui_wait "[1 Contacts]"
}
check enter_opens_detail_with_contacts_first open_customer

contacts() { tui_has "杨伟" && tui_has "马海燕" && tui_has "decision maker"; }
check detail_lists_the_demo_contacts contacts
standing() {
	tui_has "Grade C" && tui_has "Limit 300,000.00" && tui_has "Exposure" &&
		tui_has "Available" && tui_has "Overdue"
}
check detail_shows_credit_standing standing
fields() {
	for f in "Short name" Type Status Category Industry Region Address Phone "Tax ID" \
		Bank Owner "Owner login" "Customer since" Reputation Notes; do
		tui_has "$f" || { echo "# detail lacks $f"; return 1; }
	done
}
check detail_keeps_every_field_at_80x24 fields
check detail_fits_80_columns tui_fits
check contacts_aligned_with_chinese_names sub_aligned Role Title Phone

visits_pane() { tui_keys 2; tui_wait "[2 Visits]" && tui_wait "仓库存货充足"; }
check key_2_shows_the_visits visits_pane
check visits_aligned sub_aligned Kind State Findings

# ---- a visit through the form, then the CLI ----
log_visit() {
	tui_keys v
	tui_wait "Log a visit: C000031" || return 1
	tui_has "Overdue" && tui_has "Grade C" || return 1	# collection during the visit
	tui_has "< 杨伟 >" || return 1	# a contact preselected
	tui_type "催收逾期款"
	tui_keys Enter	# no findings yet: the rule shows under the field
	tui_wait "Say what was found or agreed" || return 1
	tui_type "客户答应月底前付清"
	tui_keys Enter
	tui_wait "Visit logged." && tui_wait "客户答应月底前付清"
}
check v_logs_a_visit_with_the_findings_rule log_visit
in_cli() {
	cli --as zhaolei visit list --customer C000031 | grep "2026-11-23" | grep -q "客户答应月底前付清"
}
check visit_from_the_tui_is_in_credo_visit_list in_cli

# ---- the edit form ----
edit_invalid() {
	tui_keys e
	tui_wait "Edit customer C000031" || return 1
	tui_keys C-a C-k Tab
	tui_wait "A customer needs a name." || return 1
	tui_keys Enter	# refused while the name is empty
	sleep 0.2
	tui_capture
	tui_has "A customer needs a name." || return 1
	tui_keys Escape
	tui_wait "[2 Visits]" && cli customer show C000031 | grep -q "北京东升包装材料有限公司"
}
check edit_form_names_the_rule_and_esc_keeps_the_record edit_invalid

edit_save() {
	tui_keys e
	tui_wait "Edit customer C000031" || return 1
	tui_keys BTab	# wraps to the last field, the notes
	tui_type "月底前回款"
	tui_keys Enter
	tui_wait "Customer C000031 saved." && tui_wait "月底前回款" &&
		cli customer show C000031 | grep -q "月底前回款"
}
check edit_form_saves_through_the_core edit_save

help() {
	tui_keys '?'
	tui_wait "Keys on this screen: Customer" || return 1
	printf '%s\n' "$SCREEN" | grep -q "1-5 *switch the sub-list" &&
		printf '%s\n' "$SCREEN" | grep -q "v *log a visit or call" &&
		printf '%s\n' "$SCREEN" | grep -q "c *add a contact person" || return 1
	tui_keys q
	tui_wait "[2 Visits]"
}
check help_lists_the_detail_keys help

# ---- a complaint, recorded and closed ----
complaint() {
	tui_keys 4
	tui_wait "[4 Complaints]" || return 1
	tui_keys n
	tui_wait "New complaint: C000031" || return 1
	tui_keys Right Tab Tab	# kind service, to the description
	tui_type "发票抬头开错"
	tui_keys Enter
	tui_wait "Complaint recorded." && tui_wait "发票抬头开错" || return 1
	tui_keys g d
	tui_wait "Close complaint" || return 1
	tui_type "已重开发票"
	tui_keys Tab Tab
	tui_type y
	tui_keys Enter
	tui_wait "Complaint closed." || return 1
	cli complaint list | grep "发票抬头开错" | grep -q closed
}
check complaint_recorded_and_closed complaint

# ---- leads: convert ----
convert() {
	tui_keys Tab
	tui_wait "[1 Leads]" && tui_wait "L000005" || return 1
	tui_keys Enter
	tui_wait "Visits and calls" || return 1
	tui_keys C
	tui_wait "(y/n)" || return 1
	tui_type y
	tui_keys Enter
	tui_wait "is now customer" || return 1
	tui_has "prospect" || return 1
	cli --as zhaolei customer list --search 青岛海岸 | grep -q prospect
}
check C_converts_the_lead_into_a_prospect convert

# ---- the Visits tab: due first, a new visit picked by typing ----
visits_tab() {
	tui_keys Tab
	tui_wait "Due first" || return 1
	tui_wait "OVERDUE" && tui_has "Today $TUI_TODAY:" && tui_fits
}
check visits_tab_shows_due_first visits_tab
check visits_tab_aligned sub_aligned State Kind Customer

pick() {
	tui_keys n
	tui_wait "Type part of a customer" || return 1
	tui_type "华达"
	tui_wait "C000108" || return 1
	tui_keys Enter
	tui_wait "Log a visit: C000108" || return 1
	tui_has "Grade" || return 1
	tui_keys Tab
	tui_type "电话确认订单"
	tui_keys Enter
	tui_wait "Visit logged." || return 1
	cli --as zhaolei visit list --customer C000108 | grep -q "电话确认订单"
}
check n_picks_the_customer_by_typing pick

# ---- 120x40 ----
big() {
	tmx resize-window -t credo -x 120 -y 40
	TUI_W=120 TUI_H=40
	tui_until eval 'tui_status | grep -q "$TUI_TODAY" && tui_line 3 | grep -q "By"' || return 1
	tui_fits
}
check visits_at_120x40 big
check visits_aligned_at_120x40 sub_aligned State Kind Customer
detail_big() {
	tui_keys BTab BTab
	tui_wait "[4 Complaints]" || return 1
	tui_keys 1
	tui_wait "[1 Contacts]" && tui_wait "Email" && tui_fits
}
check detail_at_120x40 detail_big
check contacts_aligned_at_120x40 sub_aligned Role Title Phone Email
tui_quit_clean sales_quits_cleanly Q

# ---- finance may not add leads: the core says so ----
finance() {
	tui_until list_shown || return 1
	tui_keys Tab
	tui_wait "[1 Leads]" || return 1
	tui_keys n
	tui_wait "permission denied" && tui_lacks "New lead"
}
TUI_W=80 TUI_H=24
tui_start -- --as wufang
check finance_n_on_leads_shows_the_cores_refusal finance
tui_quit_clean finance_quits_cleanly
tui_finish
