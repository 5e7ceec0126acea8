# CSV import: all or nothing, every bad line named, --dry-run writes nothing.
. "$(dirname "$0")/lib.sh"
DB="$TMP/i.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
"$CREDO_BIN" -d "$DB" user add zhangwei --role sales --name 张伟 >/dev/null
"$CREDO_BIN" -d "$DB" user add wangqiang --role sales_manager --name 王强 >/dev/null

# 50 good customers, with a BOM, CRLF, quoted commas and quotes, a multi-line note.
good="$TMP/good.csv"
{
	printf '\357\273\277name,short_name,phone,owner,category,since,notes\r\n'
	i=1
	while [ $i -le 50 ]; do
		if [ $i -eq 7 ]; then
			printf '"Acme, ""Best"" Trading Ltd.",Acme,010-%08d,zhangwei,,2021-03-01,"first line\r\nsecond line"\r\n' $i
		else
			printf '"杭州第%d号贸易有限公司",杭州%d,0571-%08d,zhangwei,经销渠道,2020-01-%02d,\r\n' $i $i $i $(( (i % 28) + 1 ))
		fi
		i=$((i + 1))
	done
} >"$good"

# The same with one bad line (line 31 of the file: data row 30) among 50.
bad="$TMP/bad.csv"
awk 'NR == 31 { sub(/2020-01-[0-9][0-9]/, "2020-02-30") } { print }' "$good" >"$bad"

before=$(dump "$DB")
run -d "$DB" --as wangqiang import customers "$bad"
expect "a file with one bad line is refused with exit 2" 2 'nothing was imported'
expect "the report names the bad line and the rule" 2 '^line 31: .*no such day'
check "nothing was imported" test "$before" = "$(dump "$DB")"

run -d "$DB" --as wangqiang import customers "$good" --dry-run
expect "a dry run of the good file checks every row" 0 '50 rows checked'
check "a dry run writes nothing" test "$before" = "$(dump "$DB")"

run -d "$DB" --as wangqiang import customers "$good"
expect "the good file imports 50 customers" 0 '50 rows imported'
check "there are 50 customers" test "$(sqlite3 "$DB" 'SELECT count(*) FROM customers')" -eq 50
check "quotes and commas survive" test "$(sqlite3 "$DB" "SELECT count(*) FROM customers WHERE name = 'Acme, \"Best\" Trading Ltd.'")" -eq 1
check "a quoted multi-line note keeps its line break" test "$(sqlite3 "$DB" "SELECT notes FROM customers WHERE short_name = 'Acme'" | wc -l)" -eq 2
check "each imported customer is audited" test "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE entity = 'customers'")" -eq 50

printf 'name,colour\nA,red\n' >"$TMP/cols.csv"
run -d "$DB" --as wangqiang import customers "$TMP/cols.csv"
expect "an unknown column is named" 2 'line 1, column colour: unknown column'
printf 'phone\n123\n' >"$TMP/noname.csv"
run -d "$DB" --as wangqiang import customers "$TMP/noname.csv"
expect "a header without the name column is refused" 2 'no name column'
printf 'name,phone\nA\nB,1,2\n' >"$TMP/count.csv"
run -d "$DB" --as wangqiang import customers "$TMP/count.csv"
expect "a short row is named" 2 'line 2: has 1 fields, the header has 2'
expect "a long row is named" 2 'line 3: has 3 fields'
printf 'name,phone\n"A\377B",1\n' >"$TMP/utf.csv"
run -d "$DB" --as wangqiang import customers "$TMP/utf.csv"
expect "invalid UTF-8 is named with its line" 2 'line 2, column name: not valid UTF-8'
printf 'name,phone\n"unclosed,1\n' >"$TMP/quote.csv"
run -d "$DB" --as wangqiang import customers "$TMP/quote.csv"
expect "an unclosed quote is a CSV error" 2 'quoted field is not closed|CSV syntax'
: >"$TMP/empty.csv"
run -d "$DB" --as wangqiang import customers "$TMP/empty.csv"
expect "an empty file is refused" 2 'empty'
run -d "$DB" --as wangqiang import customers "$TMP/nope.csv"
expect "a missing file is an I/O error" 4 'cannot read'

printf '客户编码,姓名,职务,电话,角色\nC000001,王经理,总经理,13800000000,decision_maker\nC999999,李四,,,\n' >"$TMP/contacts.csv"
run -d "$DB" --as wangqiang import contacts "$TMP/contacts.csv"
expect "contacts of a missing customer are named" 2 'line 3: no customer with code C999999'
sed -i '$d' "$TMP/contacts.csv"
run -d "$DB" --as wangqiang import contacts "$TMP/contacts.csv"
expect "contacts import with Chinese headers" 0 '1 rows imported'

finish
