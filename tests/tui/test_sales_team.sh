#!/bin/sh
# Two salespeople and their manager on a fresh database, all through the
# TUI: each salesperson adds customers and sees only its own, the manager
# sees both; a lead added with the form; an opportunity added for a
# customer picked by typing, moved to another stage and marked lost with
# the reason (the Leads tab); a planned visit marked done (Visits tab).
. "$(dirname "$0")/lib.sh"

cli() { CREDO_TODAY=$TUI_TODAY "$CREDO_BIN" -d "$TUI_DB" "$@" 2>&1; }
setup() {
	cli init >/dev/null &&
		cli user add sa --role sales --name 销售甲 >/dev/null &&
		cli user add sb --role sales --name 销售乙 >/dev/null &&
		cli user add mgr --role sales_manager --name 经理丙 >/dev/null
}
setup || tui_bail "set-up failed: $(cli user list)"

list_shown() { tui_has "[Customers]" && tui_line 3 | grep -q "^Code"; }
count_is() { tui_line 2 | grep -q " $1 customers"; }

# add_customer NAME: through the "new customer" form.
add_customer() {
	tui_keys n
	tui_wait "New customer" || return 1
	tui_type "$1"
	tui_keys Enter
	tui_wait "created." && tui_wait "$1"
}

# ---- salesperson A ----
tui_start -- --as sa
tui_until list_shown || tui_bail "customer list did not appear"
check sa_adds_two_customers eval 'add_customer 甲方贸易有限公司 && add_customer 甲方二号工厂'

# The lifecycle through S: the core's rule is what the user reads.
lifecycle() {
	tui_keys g Enter
	tui_wait "[1 Contacts]" || return 1
	tui_keys S
	tui_wait "Customer status" || return 1
	tui_keys Right Right Enter	# prospect -> active, skipping the evaluation
	tui_wait "cannot become active before it is evaluated" || return 1
	tui_keys Left Enter	# evaluated, without the evaluation itself
	tui_wait "is required" || return 1
	tui_type "实地考察:仓库整洁,经营正常"
	tui_keys Enter
	tui_wait "Status is now evaluated." || return 1
	tui_keys 5
	tui_wait "prospect -> evaluated" && tui_has "实地考察" || return 1
	tui_keys q
	tui_until list_shown
}
check S_on_a_customer_shows_the_cores_rule_then_evaluates lifecycle

lead() {
	tui_keys Tab
	tui_wait "[1 Leads]" || return 1
	tui_keys n
	tui_wait "New lead" || return 1
	tui_has "sa" || return 1	# the owner is the salesperson itself
	tui_type "甲方线索公司"
	tui_keys Tab
	tui_type "王工"
	tui_keys Enter
	tui_wait "added." && tui_wait "甲方线索公司" && tui_has "王工"
}
check sa_adds_a_lead_with_the_form lead

opportunity() {
	tui_keys 2
	tui_wait "[2 Opportunities]" || return 1
	tui_keys n
	tui_wait "New opportunity" || return 1
	tui_type "二号"
	tui_wait "甲方二号工厂" || return 1
	tui_keys Enter
	tui_type "年度采购"
	tui_keys Tab
	tui_type "80,000"
	tui_keys Enter
	tui_wait "Opportunity added" && tui_wait "80,000.00" && tui_has "甲方二号工厂"
}
check sa_adds_an_opportunity_picking_the_customer_by_typing opportunity

stage() {
	tui_keys S
	tui_wait "Opportunity stage" || return 1
	tui_keys Right Enter
	tui_wait "Stage is now qualified." && tui_wait "25%"
}
check S_moves_the_opportunity_to_the_next_stage stage

lose() {
	tui_keys L
	tui_wait "Opportunity lost" || return 1
	tui_has "< lost (0%) >" || return 1
	tui_keys Enter	# no reason: refused under the field
	tui_wait "is required" || return 1
	tui_type "预算取消"
	tui_keys Enter
	tui_wait "Marked lost" && tui_wait "No open opportunities" || return 1
	tui_keys f
	tui_wait "Showing all" && tui_wait "年度采购" && printf '%s\n' "$SCREEN" | grep "年度采购" | grep -q " lost "
}
check L_marks_it_lost_with_the_reason lose
check lost_reason_in_the_cli eval 'cli --as sa opportunity list | grep -q 预算取消'

planned() {
	cli --as sa visit add --customer "$(cli --as sa customer list --search 甲方贸易 --format csv |
		sed -n 2p | cut -d, -f1 | tr -d '"')" --date "$TUI_TODAY" --planned --purpose 送样品 >/dev/null || return 1
	tui_keys Tab
	tui_wait "Due first" || return 1
	tui_keys Escape	# nothing to cancel; stays
	tui_keys Home
	tui_wait "送样品" && tui_has "TODAY" || return 1
	tui_keys d
	tui_wait "Visit done:" || return 1
	tui_type "样品已送达,客户满意"
	tui_keys Enter
	tui_wait "Visit logged." || return 1
	cli --as sa visit list | grep "样品已送达" | grep -q "$TUI_TODAY"
}
check d_marks_a_planned_visit_done planned
tui_quit_clean sa_quits_cleanly Q

# ---- salesperson B ----
tui_start -- --as sb
tui_until list_shown || tui_bail "customer list did not appear for sb"
check sb_sees_none_of_sa tui_until eval 'tui_has "No customers yet"'
check sb_adds_a_customer add_customer 乙方科技有限公司
tui_quit_clean sb_quits_cleanly

# ---- each sees only its own; the manager sees all ----
tui_start -- --as sa
check sa_sees_only_its_two tui_until eval 'list_shown && count_is 2 && tui_has 甲方贸易有限公司 && tui_lacks 乙方'
tui_quit_clean sa_quits_again

tui_start -- --as sb
check sb_sees_only_its_one tui_until eval 'list_shown && count_is 1 && tui_has 乙方科技有限公司 && tui_lacks 甲方'
tui_quit_clean sb_quits_again

tui_start -- --as mgr
check manager_sees_both tui_until eval 'list_shown && count_is 3 && tui_has 乙方科技有限公司 && tui_has 甲方贸易有限公司'
check cli_agrees eval 'cli --as sa customer list | grep -q 甲方 && ! cli --as sa customer list | grep -q 乙方'
tui_quit_clean manager_quits_cleanly
tui_finish
