# Translations (issue 9): every user-facing string has a Chinese translation,
# the catalogue's formats match the English, and credo speaks Chinese under
# LANG=zh_CN.UTF-8 -- messages, usage errors, exit codes unchanged, and the
# receivables workbook's sheet and column titles -- while C.UTF-8 stays English.
. "$(dirname "$0")/lib.sh"
TOP=$(cd "$(dirname "$0")/../.." && pwd)
PO=$TOP/po/zh_CN.po
ZH=zh_CN.UTF-8

# ---- the catalogue against the sources ----

# The template is extracted afresh from the sources, so a string marked
# today but not yet in po/zh_CN.po fails here (`make pot` merges it in).
if (cd "$TOP" && tools/xgettext.sh "$TMP/credo.pot") 2>"$TMP/xgettext.err"; then
	ok "xgettext extracts the strings of the sources"
else
	not_ok "xgettext extracts the strings of the sources: $(cat "$TMP/xgettext.err")"
fi
msgmerge --quiet --no-fuzzy-matching -o "$TMP/merged.po" "$PO" "$TMP/credo.pot" 2>"$TMP/merge.err" ||
	not_ok "msgmerge po/zh_CN.po: $(cat "$TMP/merge.err")"
n=$(grep -c '^msgid ' "$TMP/credo.pot")
check "the template holds the program's strings ($n)" test "$n" -gt 1000

# untranslated: msgids of the entries msgattrib selects, one per line.
msgids() { msgattrib --no-wrap --no-obsolete "$@" "$TMP/merged.po" 2>/dev/null | sed -n 's/^msgid "\(..*\)"$/    \1/p'; }
missing=$(msgids --untranslated)
if [ -z "$missing" ]; then
	ok "every user-facing string has a Chinese translation"
else
	not_ok "strings without a Chinese translation (run 'make pot' and fill po/zh_CN.po):"
	printf '%s\n' "$missing"
fi
fuzzy=$(msgids --only-fuzzy)
if [ -z "$fuzzy" ]; then
	ok "no translation is marked fuzzy"
else
	not_ok "fuzzy translations to review in po/zh_CN.po:"
	printf '%s\n' "$fuzzy"
fi
if msgfmt -c -o /dev/null "$PO" 2>"$TMP/msgfmt.err"; then
	ok "msgfmt -c: the printf conversions of every translation match the English"
else
	not_ok "msgfmt -c po/zh_CN.po: $(cat "$TMP/msgfmt.err")"
fi

# ---- the program in Chinese ----

check "the zh_CN.UTF-8 locale is installed (scripts/deps)" sh -c "locale -a | grep -qi '^zh_CN\.utf-\?8$'"

# zh CMD...: run credo in Chinese.
zh() { LANG=$ZH LC_ALL=$ZH run "$@"; }

DB=$TMP/x.db
"$CREDO_BIN" -d "$DB" init >/dev/null
"$CREDO_BIN" -d "$DB" demo >/dev/null

zh --help
expect "--help is in Chinese" 0 '^命令:'
expect "... with each command's summary" 0 '^  customer +新增、列出、查看和修改客户$'
zh customer --help
expect "a command's help is in Chinese" 0 '销售员只能看到自己的客户'
zh -d "$DB" customer show NOPE
expect "a core error is in Chinese, same exit code" 2 '^credo: 没有编号为 NOPE 的客户$'
zh -d "$DB" customer
expect "a usage error is in Chinese, same exit code" 1 '^credo: customer 需要子命令$'
zh -d "$DB" --as zhangwei month close 2026-10
expect "a permission error names the role in Chinese" 3 '^credo: 权限不足：zhangwei 是销售员，不能月结和反月结$'
zh -d "$DB" customer list --format csv
expect "machine-readable CSV keeps its English column names" 0 '^"code","name","owner"'
zh -d "$DB" customer list
expect "a table's column titles are in Chinese" 0 '^编号 +名称 +负责人 +状态'

run -d "$DB" customer show NOPE
expect "C.UTF-8 stays English" 2 '^credo: no customer with code NOPE$'

# The receivables workbook: Chinese sheet and column titles, English CSV file names.
zh -d "$DB" --as wufang export receivables --month 2026-10 -o "$TMP/oct.xlsx"
expect "the export reports in Chinese" 0 "已写入 .*oct.xlsx / 未清项: [1-9][0-9]* 行"
PY=""
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null; then
		PY=$p
		break
	fi
done
check "python3-openpyxl is installed (scripts/deps)" test -n "$PY"
if [ -n "$PY" ]; then
	"$PY" - "$TMP/oct.xlsx" >"$TMP/titles" 2>&1 <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    print(ws.title + ": " + "|".join(str(c.value) for c in ws[1]))
    if ws.title == "未清项":
        print("bucket: " + "|".join(sorted({str(r[9]) for r in ws.iter_rows(min_row=2, values_only=True) if r[9]})))
EOF
	sheets=$(sed -n 's/^\([^:]*\): .*/\1/p' "$TMP/titles" | grep -v '^bucket$' | tr '\n' ' ')
	check "the workbook's sheets are 汇总 未清项 回款 预警 (got: $sheets)" test "$sheets" = "汇总 未清项 回款 预警 "
	check "the summary's columns are in Chinese, aging buckets too" \
		grep -q '^汇总: 编号|客户|销售员|信用等级|赊销额度|期初余额|已开票|回款|期末余额|未到期|1-30|.*|逾期|坏账准备$' "$TMP/titles"
	check "the open items' columns are in Chinese" \
		grep -q '^未清项: 客户编号|客户|发票|合同|开票日期|到期日|金额|未结金额|逾期天数|账龄段|催收员$' "$TMP/titles"
	check "the open items' bucket 'not due' reads 未到期" grep -q '^bucket: .*未到期' "$TMP/titles"
	[ "$failures" -eq 0 ] || sed 's/^/# /' "$TMP/titles"
fi
zh -d "$DB" --as wufang export receivables --month 2026-10 -o "$TMP/oct.csv"
expect "CSV file names stay English for scripts" 0 "已写入 $TMP/oct-open-items.csv: [0-9]+ 行"
check "... and their header is in Chinese" sh -c "head -n 1 '$TMP/oct-open-items.csv' | grep -q '\"客户编号\",\"客户\",\"发票\"'"

finish
