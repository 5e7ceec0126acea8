# init, check, the audit chain, and refusing newer schemas.
. "$(dirname "$0")/lib.sh"
DB="$TMP/a.db"

run -d "$DB" init
expect "init creates a database" 0 'first admin'
check "the new file passes SQLite's integrity check" sh -c "[ \"\$(sqlite3 '$DB' 'PRAGMA integrity_check')\" = ok ]"
check "the schema version is recorded" sh -c "[ \"\$(sqlite3 '$DB' 'PRAGMA user_version')\" -ge 1 ]"
check "the database is in WAL mode" sh -c "[ \"\$(sqlite3 '$DB' 'PRAGMA journal_mode')\" = wal ]"
me=$(id -un)
check "the login running init is the first admin" sh -c "[ \"\$(sqlite3 '$DB' \"SELECT role FROM users WHERE login = '$me'\")\" = admin ]"
run -d "$DB" init
expect "a second init is refused as a data error" 2 'already has users'

run -d "$DB" check
expect "check passes on a fresh database" 0 'audit chain +ok'

run -d "$DB" demo
expect "demo builds the small company" 0 'customers'
n=$(sqlite3 "$DB" 'SELECT count(*) FROM customers')
check "the demo has at least 200 customers" test "$n" -ge 200
check "the demo has Chinese and English customer names" sh -c \
	"[ \$(sqlite3 '$DB' \"SELECT count(*) FROM customers WHERE name GLOB '*有限公司'\") -gt 50 ] && [ \$(sqlite3 '$DB' \"SELECT count(*) FROM customers WHERE name GLOB '*Ltd.*' OR name GLOB '*Inc.'\") -gt 10 ]"
check "the demo has users of every role" sh -c \
	"[ \$(sqlite3 '$DB' 'SELECT count(DISTINCT role) FROM users') -eq 6 ]"
check "the demo customers have contacts" sh -c \
	"[ \$(sqlite3 '$DB' 'SELECT count(DISTINCT customer_id) FROM contacts') -eq $n ]"
run -d "$DB" demo
expect "demo refuses a database that already holds data" 2 'fresh database'
run -d "$DB" check
expect "check passes on the demo database" 0 'audit chain +ok'

# Edit one audit row behind the program's back.
bad=$(sqlite3 "$DB" "SELECT id FROM audit_log WHERE entity = 'customers' ORDER BY id LIMIT 1 OFFSET 5")
sqlite3 "$DB" "UPDATE audit_log SET after = replace(after, '\"name\"', '\"nom\"') WHERE id = $bad"
run -d "$DB" check
expect "check fails with exit 4 after an audit row is edited" 4 "audit row $bad "
expect "check names the first bad audit row" 4 "audit row $bad \\(create customers"

# A file written by a newer credo.
NEW="$TMP/new.db"
"$CREDO_BIN" -d "$NEW" init >/dev/null
sqlite3 "$NEW" 'PRAGMA user_version = 999'
run -d "$NEW" check
expect "a newer schema is refused with a clear message" 4 'newer credo'

printf 'this is not a database, just text that is long enough to be read %0200d' 0 >"$TMP/junk.db"
run -d "$TMP/junk.db" check
expect "a file that is not a database is refused" 4 'not a (credo )?database'

finish
