# Leads: add, scope, status, list formats, and conversion into a customer that keeps the visits.
. "$(dirname "$0")/lib.sh"
DB="$TMP/l.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
for u in "zhangwei sales 张伟" "lina sales 李娜" "wangqiang sales_manager 王强" "zhoumin credit 周敏"; do
	set -- $u
	"$CREDO_BIN" -d "$DB" user add "$1" --role "$2" --name "$3" >/dev/null
done
sq() { sqlite3 "$DB" "$@"; }

run -d "$DB" --as zhangwei lead add --company "上海华联超市, 浦东店" --contact 王经理 --phone 021-55512345 \
	--email wang@example.cn --source 展会 --notes "wants shelving"
expect "a salesperson adds a lead and gets its code" 0 '^L000001$'
run -d "$DB" --as lina lead add --company "Guangzhou Parts Ltd." --source referral
expect "codes follow the lead pattern" 0 '^L000002$'
run -d "$DB" --as wangqiang lead add --company "Beijing Tools" --owner zhangwei
expect "a manager adds a lead for a salesperson" 0 '^L000003$'

before=$(dump "$DB")
run -d "$DB" --as zhangwei lead add --contact 无名
expect "lead add without --company is a usage error" 1 'needs --company'
run -d "$DB" --as zhangwei lead add --company Acme --email nobody
expect "a bad email is a data error naming the field" 2 'lead email'
run -d "$DB" --as zhangwei lead add --company Acme --bogus x
expect "an unknown option is a usage error" 1 'usage'
run -d "$DB" --as zhoumin lead add --company Acme
expect "the credit manager does not work leads (exit 3)" 3 'permission denied'
run -d "$DB" --as lina lead add --company Acme --owner zhangwei
expect "a salesperson adds leads only for itself" 3 'for itself'
run -d "$DB" --as wangqiang lead add --company Acme --owner zhoumin
expect "a lead's owner must be a salesperson" 2 'not a salesperson'
run -d "$DB" --as lina lead status L000001 lost
expect "another salesperson's lead is refused" 3 'may not see lead L000001'
run -d "$DB" --as zhangwei lead status L000001 hot
expect "an unknown status names the allowed ones" 2 'new, contacted, qualified or lost'
run -d "$DB" --as zhangwei lead status L000001 converted
expect "converted is reached only by converting" 2 'converting it into a customer'
run -d "$DB" --as zhangwei lead status L000001
expect "lead status needs CODE and STATUS" 1 'CODE and STATUS'
run -d "$DB" --as zhangwei lead frobnicate
expect "an unknown subcommand is a usage error" 1 "unknown lead subcommand 'frobnicate'"
check "refused commands leave the database unchanged" test "$before" = "$(dump "$DB")"

run -d "$DB" --as zhangwei lead list
expect "a salesperson lists its own leads" 0 'L000001 +上海华联超市, 浦东店 +王经理'
check "... and not another's" sh -c "! printf '%s' \"\$0\" | grep -q L000002" "$OUT"
run -d "$DB" --as wangqiang lead list --owner lina
expect "a manager lists one salesperson's leads" 0 'L000002'
check "... only that one's" sh -c "! printf '%s' \"\$0\" | grep -q 'L000001\|L000003'" "$OUT"
run -d "$DB" --as wangqiang lead list --search 华联
expect "search finds a Chinese substring" 0 'L000001'
run -d "$DB" --as wangqiang lead list --format xml
expect "an unknown format is a usage error" 1 'table, csv or json'

run -d "$DB" --as zhangwei lead status L000001 contacted
expect "a lead moves on" 0 'L000001 is now contacted'
run -d "$DB" --as zhangwei lead status L000003 lost
expect "a lead can be lost" 0 'now lost'
run -d "$DB" --as zhangwei lead list
check "lost leads leave the default list" sh -c "! printf '%s' \"\$0\" | grep -q L000003" "$OUT"
run -d "$DB" --as zhangwei lead list --status all
expect "--status all shows them" 0 'L000003 .* lost'

# A visit to the lead is its last activity, and stays with the customer after conversion.
"$CREDO_BIN" -d "$DB" --as zhangwei visit add --lead L000001 --date 2026-11-20 --notes "需要二季度扩大采购" >/dev/null
run -d "$DB" --as zhangwei lead list --format json
printf '%s' "$OUT" >"$TMP/leads.json"
check "lead list --format json is valid JSON" test "$(sqlite3 :memory: "SELECT json_valid(readfile('$TMP/leads.json'))")" = 1
check "json holds the last activity and the company with its comma" test \
	"$(sqlite3 :memory: "SELECT json_extract(value, '\$.company') || '|' || json_extract(value, '\$.last_activity')
		FROM json_each(readfile('$TMP/leads.json')) WHERE json_extract(value, '\$.code') = 'L000001'")" \
	= "上海华联超市, 浦东店|2026-11-20"
run -d "$DB" --as zhangwei lead list --status all --format csv
printf '%s\n' "$OUT" >"$TMP/leads.csv"
check "lead list --format csv keeps a quoted comma in one field" test \
	"$(sqlite3 :memory: ".import --csv $TMP/leads.csv t" "SELECT company FROM t WHERE code = 'L000001'")" = "上海华联超市, 浦东店"

audits=$(sq "SELECT count(*) FROM audit_log")
run -d "$DB" --as zhangwei lead convert L000001
expect "convert prints the new customer's code" 0 '^C000001$'
check "the customer keeps the lead's name, phone and owner" test \
	"$(sq "SELECT c.name || '|' || c.phone || '|' || u.login || '|' || c.status FROM customers c JOIN users u ON u.id = c.owner_id")" \
	= "上海华联超市, 浦东店|021-55512345|zhangwei|prospect"
check "the lead's contact person becomes a contact" test "$(sq "SELECT name || '|' || email FROM contacts")" = "王经理|wang@example.cn"
run -d "$DB" --as zhangwei visit list --customer C000001
expect "the lead's visits now belong to the customer" 0 '2026-11-20'
check "conversion wrote one audit row per changed row" test "$(sq "SELECT group_concat(entity || '/' || action, ' ')
	FROM (SELECT entity, action FROM audit_log WHERE id > $audits ORDER BY id)")" \
	= "customers/create contacts/create visits/attach leads/convert"
run -d "$DB" --as zhangwei lead list --status converted
expect "a converted lead shows its customer" 0 'L000001 .* converted +zhangwei +C000001'

before=$(dump "$DB")
run -d "$DB" --as zhangwei lead convert L000001
expect "a converted lead does not convert again" 2 'L000001 is converted'
run -d "$DB" --as zhangwei lead status L000001 new
expect "converted is final" 2 'final'
run -d "$DB" --as zhangwei lead convert L000003
expect "a lost lead does not convert" 2 'only an open lead'
run -d "$DB" --as zhoumin lead convert L000002
expect "the credit manager cannot convert leads" 3 'permission denied'
check "refused conversions leave the database unchanged" test "$before" = "$(dump "$DB")"

run -d "$DB" check
expect "the audit chain still verifies" 0
run lead --help
expect "lead --help shows the subcommands" 0 'convert CODE'

finish
