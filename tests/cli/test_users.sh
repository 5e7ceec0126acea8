# Users, roles and --as: permissions are the core's, exit codes the CLI's.
. "$(dirname "$0")/lib.sh"
DB="$TMP/u.db"
me=$(id -un)
"$CREDO_BIN" -d "$DB" init >/dev/null

run -d "$DB" user add zhangwei --role sales --name 张伟 --dept 华东销售部
expect "an admin adds a salesperson" 0 'Added zhangwei as sales'
run -d "$DB" user add lina --role credit --name 李娜
expect "an admin adds a credit manager" 0
run -d "$DB" user list
expect "user list shows the users with their names" 0 'zhangwei +张伟 +sales +华东销售部'
widths=$(printf '%s\n' "$OUT" | grep -E '^(zhangwei|lina) ' | while IFS= read -r l; do
	printf '%s\n' "$l" | sed 's/sales.*\|credit.*//' | wc -L; done | sort -u | wc -l)
check "user list aligns Chinese names by display width" test "$widths" -eq 1

before=$(dump "$DB")
run -d "$DB" user add zhangwei --role sales
expect "a duplicate login is a data error" 2 'already exists'
run -d "$DB" user add 'Bob Smith' --role sales
expect "a login that is not an OS login is a data error naming the rule" 2 'lower-case letters'
run -d "$DB" user add bob --role wizard
expect "an unknown role is a usage error listing the roles" 1 'sales_manager'
run -d "$DB" user add bob
expect "user add without --role is a usage error" 1 'needs --role'
run -d "$DB" --as zhangwei user add bob --role sales
expect "a salesperson may not add users (exit 3)" 3 'permission denied'
run -d "$DB" --as nobody user list
expect "--as an unknown login is refused" 3 'not a credo user'
run -d "$DB" user set-role "$me" sales
expect "the last admin cannot be demoted" 2 'last admin'
check "refused commands leave the database unchanged" test "$before" = "$(dump "$DB")"

run -d "$DB" --as zhangwei user list
expect "an admin may act as another user" 0 'zhangwei'

# --as is recorded: the audit row names both.
run -d "$DB" --as lina user add wufang --role finance
expect "a credit manager may not add users either" 3 'permission denied'
run -d "$DB" user add wufang --role finance
run -d "$DB" user add boss --role admin
run -d "$DB" --as boss user add zhoumin --role finance
expect "an admin acting as another admin can add users" 0
check "the audit row records the actor and the admin behind --as" sh -c \
	"[ \"\$(sqlite3 '$DB' \"SELECT actor || '/' || via FROM audit_log WHERE entity = 'users' ORDER BY id DESC LIMIT 1\")\" = 'boss/$me' ]"

# Once the OS login is no longer an admin, --as is refused with exit 3.
run -d "$DB" user set-role "$me" sales
expect "an admin demotes itself when another admin exists" 0
run -d "$DB" --as zhangwei user list
expect "a non-admin --as is refused with exit 3" 3 'only an admin may act as another user'
run -d "$DB" check
expect "a non-admin may not run the full check" 3 'permission denied'

finish
