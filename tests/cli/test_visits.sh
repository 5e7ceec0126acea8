# Visits: substance, scope, follow-ups and the daily report.
. "$(dirname "$0")/lib.sh"
DB="$TMP/v.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
"$CREDO_BIN" -d "$DB" user add zhangwei --role sales --name 张伟 >/dev/null
"$CREDO_BIN" -d "$DB" user add lina --role sales --name 李娜 >/dev/null
"$CREDO_BIN" -d "$DB" user add zhoumin --role credit --name 周敏 >/dev/null
"$CREDO_BIN" -d "$DB" --as zhangwei customer add --name 上海华联超市有限公司 >/dev/null
"$CREDO_BIN" -d "$DB" --as lina customer add --name 广州恒信机电有限公司 >/dev/null
"$CREDO_BIN" -d "$DB" --as zhangwei contact add --customer C000001 --name 王经理 --role decision_maker >/dev/null

run -d "$DB" --as zhangwei visit add --customer C000001 --kind visit
expect "a visit without findings or outcome is refused (seed 002)" 2 'findings or its outcome'
run -d "$DB" --as zhangwei visit add --customer C000001 --date 2026-11-24 --notes 谈了
expect "a visit that took place cannot be in the future" 2 'after today'
run -d "$DB" --as zhangwei visit add --customer C000001 --date 2026-11-20 --notes 需求 --next-date 2026-11-19
expect "a follow-up cannot precede the visit" 2 'follow-up date cannot be before'
run -d "$DB" --as zhangwei visit add --customer C000001 --kind fax --notes x
expect "an unknown kind is refused listing the kinds" 2 'visit, phone, email, meeting or credit_visit'
run -d "$DB" --as zhangwei visit add --customer C000002 --notes x
expect "a visit to another's customer is refused" 3 'may not see customer C000002'

run -d "$DB" --as zhangwei visit add --customer C000001 --date 2026-11-20 --contact 王经理 \
	--purpose 了解需求 --notes "需要二季度扩大采购,关心账期" --next-date 2026-11-23
expect "a visit with its findings is logged" 0 'logged visit [0-9]+'
run -d "$DB" --as zhangwei visit add --customer C000001 --date 2026-11-23 --planned --purpose 送样品
expect "a visit is planned" 0 'planned visit [0-9]+'
planned=$(printf '%s' "$OUT" | sed 's/[^0-9]//g')
run -d "$DB" --as lina visit add --customer C000002 --kind phone --outcome 同意下周见面
expect "a phone call with an outcome is logged" 0

run -d "$DB" --as zhangwei visit due
expect "due lists today's plan" 0 '送样品'
expect "due lists the follow-up that falls today" 0 '需要二季度'
run -d "$DB" --as zhangwei visit daily --format csv
expect "the daily report counts plans and follow-ups" 0 '"zhangwei","张伟","2","0","0"'
run -d "$DB" --as zhangwei visit done "$planned" --notes 样品已送达,客户满意
expect "a planned visit is done" 0 "done visit $planned"
run -d "$DB" --as zhangwei visit daily --format csv
expect "planned vs done follows" 0 '"zhangwei","张伟","2","1","2"'
check "a salesperson's daily report shows only itself" sh -c "! printf '%s' \"\$0\" | grep -q lina" "$OUT"
run -d "$DB" visit daily --format csv
expect "an admin sees every salesperson's day" 0 '"lina","李娜","0","1","0"'
run -d "$DB" --as zhangwei visit due
check "a done plan and a met follow-up are no longer due" test "$(printf '%s\n' "$OUT" | wc -l)" -eq 1

run -d "$DB" --as zhangwei visit list --format csv
check "a salesperson lists only visits to its customers" sh -c "! printf '%s' \"\$0\" | grep -q 同意下周见面" "$OUT"
run -d "$DB" --as zhoumin visit list --customer C000002
expect "the credit manager sees every visit" 0 '同意下周见面'
run -d "$DB" --as zhoumin visit add --customer C000002 --kind credit_visit --notes 仓库存货充足
expect "the credit manager logs a joint credit visit" 0 'logged visit'
run -d "$DB" --as zhangwei visit list --from 2026-11-21 --to 2026-11-23 --format csv
check "a date range filters the list" sh -c "printf '%s' \"\$0\" | grep -q 样品已送达 && ! printf '%s' \"\$0\" | grep -q 二季度" "$OUT"
run -d "$DB" --as zhangwei visit list --from 2026-13-01
expect "a bad date in a filter is refused" 2 'no such day|YYYY-MM-DD'

finish
