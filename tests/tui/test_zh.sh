#!/bin/sh
# The TUI in Chinese (LANG=zh_CN.UTF-8), in a real terminal at 80x24 and
# 120x40, on the demo company as finance: the tab bar, hint line, column
# titles, help and messages are Chinese; on every list the columns start
# (text) or end (amounts) at the same display cell on each row, although
# titles and names are double-width; no line is wider than the terminal;
# credo quits cleanly.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/money_lib.sh"

ZH=zh_CN.UTF-8
locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$' || tui_bail "no zh_CN.UTF-8 locale (scripts/deps makes it)"

tui_demo_db

# zhstart W H: the TUI in Chinese as finance (wufang).
zhstart() {
	TUI_W=$1 TUI_H=$2
	tui_start HOME="$TUI_DIR" LC_ALL=$ZH LANG=$ZH -- --as wufang
}

# zhlist SIZE TAB HEADING_REGEX: go to TAB and wait for its column titles on line 3.
zhlist() {
	mtab "$2" || return 1
	tui_until eval "tui_line 3 | grep -qE '$3'"
}

for size in 80x24 120x40; do
	w=${size%x*} h=${size#*x}
	zhstart "$w" "$h"
	tui_wait "[客户]" || tui_bail "credo did not start in Chinese at $size"

	check "tab bar in Chinese at $size" eval \
		'tui_line 1 | grep -q "工作台.*客户.*线索.*拜访.*合同.*信用.*应收.*催收"'
	check "hint line in Chinese at $size" eval 'tui_line $((TUI_H - 1)) | grep -q "Enter 打开.*? 帮助"'
	check "status line names the role in Chinese at $size" eval 'tui_status | grep -q "wufang.*| 财务 |"'

	tui_until eval 'tui_line 3 | grep -q "^编号 *名称 *负责人"'
	check "customer list titles in Chinese at $size" eval 'tui_line 3 | grep -q "^编号 *名称 *负责人 *电话"'
	check "customer list aligned at $size" tui_aligned 名称 负责人 电话
	check "customer list fits $size" tui_fits

	if zhlist "$size" 合同 '^编号 +客户 +状态 +金额'; then
		check "contract list aligned at $size" maligned '^HT-' 3 客户 状态
		check "contract amounts end under their titles at $size" mright '^HT-' 3 金额 已开票 已回款
		check "contract list fits $size" tui_fits
	else
		not_ok "contract list in Chinese at $size"
	fi

	if zhlist "$size" 信用 '^编号 +名称 +级 +评分 +额度 +敞口 +已用'; then
		check "credit list aligned at $size" maligned '^C[0-9]' 3 名称 级
		check "credit figures end under their titles at $size" mright '^C[0-9]' 3 评分 额度 敞口 已用
		check "credit list fits $size" tui_fits
	else
		not_ok "credit list in Chinese at $size"
	fi

	# 80 columns: code, name, total, not due, overdue, provision; wider: every bucket.
	if zhlist "$size" 应收 '名称 +合计 +未到期 +'; then
		check "aging title in Chinese at $size" eval 'tui_line 2 | grep -q "账龄，截至 2026-11-23"'
		if [ "$w" -eq 80 ]; then
			check "aging aligned at $size" maligned '^C[0-9]' 3 名称
			check "aging amounts end under their titles at $size" mright '^C[0-9]' 3 合计 未到期 逾期 坏账准备
		else
			check "aging amounts end under their titles at $size" mright '\.[0-9]{2}v?$' 3 合计 未到期 1-30 '> 365'
		fi
		check "aging fits $size" tui_fits
	else
		not_ok "aging in Chinese at $size"
	fi

	if zhlist "$size" 催收 '^发票 +客户 +逾期 +未结 +级 +步骤'; then
		check "collection keys keep their letters at $size" eval 'tui_line 2 | grep -q "o 电话  P 承诺  D 争议"'
		check "collection worklist aligned at $size" maligned '^INV-' 3 客户 级 步骤
		check "collection amounts end under their titles at $size" mright '^INV-' 3 逾期 未结
		check "collection worklist fits $size" tui_fits
	else
		not_ok "collection worklist in Chinese at $size"
	fi

	tui_keys '?'
	if tui_wait "本界面的按键：催收"; then
		check "help in Chinese at $size" eval 'tui_has "全局" && tui_has "显示本帮助" && tui_has "记录付款承诺：金额和日期"'
		check "help fits $size" tui_fits
	else
		not_ok "help in Chinese at $size"
	fi
	tui_keys Escape

	# A message from the core, in Chinese: the customer list as finance cannot add customers.
	mtab 客户 || not_ok "back to the customers at $size"
	tui_keys n
	if tui_until eval 'tui_line $((TUI_H - 1)) | grep -q "权限不足：wufang 是财务，不能新建和编辑客户"'; then
		ok "a refusal from the core in Chinese at $size"
	else
		not_ok "a refusal from the core in Chinese at $size"
	fi

	tui_quit_clean "quits cleanly at $size" Q
done

tui_finish
