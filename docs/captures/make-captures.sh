#!/bin/sh
# make-captures.sh - the terminal captures of the user guide, made by running
# exactly what the guide tells each role to do, on a fresh demo database.
#
#   docs/captures/make-captures.sh            rewrite docs/captures/*.txt and
#                                             the capture blocks of docs/user-guide.md
#   docs/captures/make-captures.sh OUTDIR     write the captures to OUTDIR only
#
# Each capture is NAME.txt: for a command, the command line as typed ("$ credo
# ...") and its output; for a screen (tui-*.txt), what an 80x24 terminal shows.
# The guide has a block per capture between "<!-- capture: NAME -->" and
# "<!-- /capture -->". The day is fixed (CREDO_TODAY=2026-11-23) and the demo
# company is seeded, so the captures change only when credo does. Any command
# that fails stops the script with its message: the guide's commands work.
#
# Environment: CREDO_BIN (default build/credo). Needs tmux.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${CREDO_BIN:-$ROOT/build/credo}
[ -x "$BIN" ] || { echo "make-captures: no credo binary at $BIN (run make)" >&2; exit 1; }
OUT=${1:-$ROOT/docs/captures}
GUIDE=
[ $# -eq 0 ] && GUIDE=$ROOT/docs/user-guide.md
mkdir -p "$OUT"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/credo-captures.XXXXXX")
SOCK=credo-captures-$$
tmx() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tmx kill-server >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
trap 'exit 2' HUP INT TERM

export LC_ALL=C.UTF-8 LANG=C.UTF-8 CREDO_TODAY=2026-11-23 CREDO_DB="$WORK/demo.db"
unset NO_COLOR XDG_DATA_HOME
cd "$WORK"

# credo as the guide writes it; the path of the binary stays out of the captures.
credo() { "$BIN" "$@"; }

# cap NAME COMMAND-LINE: run the command line (a shell line starting with
# "credo") and write it with its output to NAME.txt. A failure stops here.
cap() {
	_name=$1 _line=$2
	printf '$ %s\n' "$_line" >"$WORK/cap"
	if ! eval "$_line" >>"$WORK/cap" 2>&1; then
		echo "make-captures: this failed:" >&2
		cat "$WORK/cap" >&2
		exit 1
	fi
	mv "$WORK/cap" "$OUT/$_name.txt"
}

# cap_refused NAME COMMAND-LINE: the same for a command the guide shows being
# refused: it must fail, and the capture ends with its exit status.
cap_refused() {
	_name=$1 _line=$2
	printf '$ %s\n' "$_line" >"$WORK/cap"
	if eval "$_line" >>"$WORK/cap" 2>&1; then
		echo "make-captures: this should have been refused:" >&2
		cat "$WORK/cap" >&2
		exit 1
	else
		echo "(exit status $?)" >>"$WORK/cap"
	fi
	mv "$WORK/cap" "$OUT/$_name.txt"
}

# got NAME REGEX: the first match of REGEX in the output of capture NAME, for
# the codes and numbers a command printed (the next command uses them).
got() {
	_v=$(sed 1d "$OUT/$1.txt" | grep -oE "$2" | head -n 1)
	[ -n "$_v" ] || { echo "make-captures: no /$2/ in $1.txt" >&2; exit 1; }
	printf '%s' "$_v"
}

# ---- screens ----

screen() { tmx capture-pane -p -t cap 2>/dev/null; }

# wait_for TEXT: until the screen shows TEXT and has stopped changing (20 s at most).
wait_for() {
	_i=0 _last=
	while [ $_i -lt 400 ]; do
		_s=$(screen)
		case $_s in *"$1"*) [ "$_s" = "$_last" ] && return 0 ;; esac
		_last=$_s
		sleep 0.05
		_i=$((_i + 1))
	done
	echo "make-captures: the screen never showed '$1':" >&2
	screen >&2
	exit 1
}

# tui_open LOGIN: the interface as LOGIN in an 80x24 terminal.
tui_open() {
	tmx kill-server >/dev/null 2>&1 || true
	# From the database's directory, so the status line shows "demo.db", not a temporary path.
	tmx new-session -d -x 80 -y 24 -s cap -c "$WORK" \
		"env LC_ALL=C.UTF-8 CREDO_TODAY=$CREDO_TODAY '$BIN' -d demo.db --as $1 2>'$WORK/tui.err'"
	wait_for "[Customers]"
}

# tab NAME: Tab until NAME is the current tab, one tab at a time (a tab
# may take a moment to open; a second Tab before it has would skip one).
current_tab() { screen | head -n 1 | sed -n 's/.*\[\([^]]*\)\].*/\1/p'; }
tab() {
	_n=0
	while [ "$(current_tab)" != "$1" ]; do
		[ $_n -lt 12 ] || { echo "make-captures: no tab $1" >&2; exit 1; }
		_cur=$(current_tab) _i=0
		tmx send-keys -t cap Tab
		while [ "$(current_tab)" = "$_cur" ] && [ $_i -lt 400 ]; do
			sleep 0.05
			_i=$((_i + 1))
		done
		_n=$((_n + 1))
	done
}

keys() { tmx send-keys -t cap "$@"; }

# shot NAME TEXT: once the screen shows TEXT, save it as NAME.txt.
shot() {
	wait_for "$2"
	screen >"$OUT/$1.txt"
}

# Let credo quit by itself (its session ends with it) before the server
# goes: killed halfway through a query it would leave its work undone.
tui_close() {
	keys Q
	_i=0
	while tmx has-session -t cap 2>/dev/null && [ $_i -lt 200 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
	tmx kill-server >/dev/null 2>&1 || true
}

# ===================================================================
# The demo company (as its admin: the login running this script).
credo init >/dev/null
credo demo --size small >/dev/null

# ---- salesperson: zhangwei ----
cap sales-alerts       'credo --as zhangwei alerts --for zhangwei | head -n 8'
cap sales-due          'credo --as zhangwei visit due | head -n 6'
cap sales-show         'credo --as zhangwei customer show C000079'
cap sales-visit        'credo --as zhangwei visit add --customer C000079 --kind visit --purpose 了解需求 --contact 徐娜 --notes "二季度扩大采购,关心账期" --next-date 2026-12-01'
cap sales-plan         'credo --as zhangwei visit add --customer C000079 --date 2026-11-30 --planned --purpose 送样品 --notes 带两台样机'
cap sales-lead         'credo --as zhangwei lead add --company 苏州新锐精密机械有限公司 --contact 李工 --phone 13912345678 --source 展会'
L=$(got sales-lead 'L[0-9]+')
cap sales-lead-visit   "credo --as zhangwei visit add --lead $L --kind phone --notes '有扩产计划,下月来访'"
cap sales-convert      "credo --as zhangwei lead convert $L"
NEW=$(got sales-convert 'C[0-9]+')
cap sales-evaluate     "credo --as zhangwei customer status $NEW evaluated --note '实地考察:厂房自有,订单饱满'"
cap sales-opportunity  'credo --as zhangwei opportunity add --customer C000079 --desc 年度电机采购 --amount 800,000 --close 2027-01-31'
OPP=$(got sales-opportunity '[0-9]+')
cap sales-stage        "credo --as zhangwei opportunity stage $OPP proposal"
cap sales-contract     'credo --as zhangwei contract add --customer C000079 --sign-date 2026-11-20 --term 45 --line "伺服电机|10|18,600" --plan "2026-12-20|100,000|首付" --plan "2027-01-20|86,000|尾款"'
HT=$(got sales-contract 'HT-[0-9-]+')
cap sales-activate     "credo --as zhangwei contract activate $HT"
cap sales-big          'credo --as zhangwei contract add --customer C000002 --sign-date 2026-11-23 --line "数控机床|2|450,000"'
BIG=$(got sales-big 'HT-[0-9-]+')
cap_refused sales-refused "credo --as zhangwei contract activate $BIG"
cap sales-request      'credo --as zhangwei credit request C000079 --amount 500,000 --reason 年度框架合同'
tui_open zhangwei
shot tui-sales-customers "customers  by name"
keys Enter
shot tui-sales-customer "Owner login"
keys v
shot tui-sales-visit-form "Log a visit"
keys Escape
tui_close

# ---- sales manager: wangqiang ----
cap manager-daily      'credo --as wangqiang visit daily'
cap manager-funnel     'credo --as wangqiang report funnel | tail -n 8'
cap manager-assign     'credo --as wangqiang customer assign C000079 --owner lina --reason 区域调整'
cap manager-collected  'credo --as wangqiang report collected --by salesperson'

# ---- credit manager: zhoumin ----
cap credit-requests    'credo --as zhoumin credit requests --open'
cap credit-evaluate    'credo --as zhoumin credit evaluate C000079'
REQ=$(got sales-request '[0-9]+')
cap credit-approve     "credo --as zhoumin credit approve $REQ --amount 400,000 --note 按评级建议"
cap credit-dispute     'credo --as zhoumin credit dispute 1 --note 超出建议额度过多,请总经理定夺'
cap credit-override    "credo --as zhoumin contract activate $BIG --override '战略客户,总经理同意'"
cap credit-show        'credo --as zhoumin credit show C000079'
cap credit-report      'credo --as zhoumin report credit --grade D | head -n 6'
tui_open zhoumin
tab Credit
shot tui-credit "Requests:"
tui_close

# ---- finance: wufang ----
cap finance-invoice    "credo --as wufang invoice add --customer C000079 --contract $HT --date 2026-11-23 --amount 100,000"
cap finance-payment    'credo --as wufang payment add --customer C000079 --date 2026-11-23 --amount 60,000 --ref 工行转账'
cap finance-statement  'credo --as wufang report statement C000079 --from 2026-10-01 --to 2026-11-23'
cap finance-aging      'credo --as wufang report aging --by salesperson'
cap finance-collect    'credo --as wufang collect list | head -n 6'
cap finance-promise    'credo --as wufang collect log INV-2026-00044 --kind promise --outcome 答应月底付清 --promise 18,703.80 --promise-date 2026-11-30'
cap finance-close      'credo --as wufang month close 2025-12 && credo --as wufang month close 2026-01'
cap finance-export     'credo --as wufang export receivables --month 2026-01 -o receivables-2026-01.xlsx'
tui_open wufang
tab Receivables
shot tui-finance-receivables "Aging as of"
tab Collection
shot tui-finance-collection "overdue,"
keys Enter
wait_for "Open items of"
keys p
wait_for "New payment"
tmx send-keys -t cap -l "20,000"
keys Tab
shot tui-finance-payment "Allocation preview"
keys Escape
tui_close

# ---- general manager: huangjun ----
cap gm-requests        'credo --as huangjun credit requests --open'
cap gm-decide          'credo --as huangjun credit decide 4 --approve --amount 800,000 --note 战略客户,先批八十万'
cap gm-dso             'credo --as huangjun report dso --by department'
cap gm-provision       'credo --as huangjun report provision --by grade'
tui_open huangjun
tab Dashboard
shot tui-gm-dashboard "Key figures"
tui_close

# ---- admin: the login that made the database ----
cap admin-user-add     'credo user add sunli --role sales --name 孙丽 --dept 华东销售部'
cap admin-users        'credo user list'
cap admin-setting      'credo settings get ledger.default_term_days && credo settings set ledger.default_term_days 45'
cap admin-check        'credo check'
tui_open "$(id -un)"
keys '?'
shot tui-help "Keys on this screen"
tui_close

# ===================================================================
# Paste the captures into the guide, between their markers.
if [ -n "$GUIDE" ]; then
	awk -v dir="$OUT" '
		/^<!-- capture: [a-z0-9-]+ -->$/ {
			print; name = $3; skip = 1
			print "```text"
			while ((getline l < (dir "/" name ".txt")) > 0) print l
			close(dir "/" name ".txt")
			print "```"
			next
		}
		/^<!-- \/capture -->$/ { skip = 0 }
		!skip' "$GUIDE" >"$WORK/guide.md"
	cat "$WORK/guide.md" >"$GUIDE"
fi
echo "make-captures: $(ls "$OUT"/*.txt | wc -l) captures in $OUT"
