# File modes, `credo backup` while another process writes, and restore.
. "$(dirname "$0")/lib.sh"
DB="$TMP/b.db"
mode() { stat -c %a "$1"; }

(umask 000 && "$CREDO_BIN" -d "$DB" init >/dev/null)
check "a new database is 0600 even with umask 000" test "$(mode "$DB")" = 600
sqlite3 "$DB" "SELECT count(*) FROM users" ".shell stat -c %a '$DB-wal' '$DB-shm' >'$TMP/walmodes'" >/dev/null
check "its -wal and -shm files follow the main file (0600)" test "$(sort -u "$TMP/walmodes")" = 600
(umask 077 && "$CREDO_BIN" -d "$TMP/team/shared.db" init --shared >/dev/null)
check "init --shared makes it 0660 for the group, even with umask 077" test "$(mode "$TMP/team/shared.db")" = 660
run -d "$TMP/x.db" init --group
expect "init refuses an unknown option" 1 'unexpected argument'

for u in "zhangwei sales" "wufang finance"; do
	set -- $u
	"$CREDO_BIN" -d "$DB" user add "$1" --role "$2" >/dev/null
done

# A writer adds customers while backups are taken.
(
	i=0
	while [ $i -lt 40 ]; do
		"$CREDO_BIN" -d "$DB" --as zhangwei customer add --name "并发客户$i" >/dev/null 2>>"$TMP/writer.err" ||
			echo "write $i failed" >>"$TMP/writer.err"
		i=$((i + 1))
	done
) &
writer=$!
k=0
while [ $k -lt 5 ]; do
	k=$((k + 1))
	run -d "$DB" --as wufang backup "$TMP/bk$k.db"
	expect "backup $k during writes succeeds" 0 "Backed up"
	run -d "$TMP/bk$k.db" check
	expect "backup $k passes credo check" 0 'ledger +ok'
done
wait $writer
check "the writer never saw an error" test ! -s "$TMP/writer.err"
check "every write is in the database" test "$(sqlite3 "$DB" "SELECT count(*) FROM customers")" -eq 40
check "a backup is 0600" test "$(mode "$TMP/bk5.db")" = 600
check "no temporary file is left beside the backups" test -z "$(ls "$TMP" | grep 'tmp-')"
check "a backup is one self-contained file" test ! -e "$TMP/bk5.db-wal"
check "the backup is audited" test "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE action = 'backup' AND actor = 'wufang'")" -eq 5
run -d "$DB" --as wufang backup "$TMP/nodir/x.db"
expect "a backup into a missing directory is an I/O error" 4 'cannot write beside'

# Restore: what was written after the backup goes, the rest comes back.
"$CREDO_BIN" -d "$DB" backup "$TMP/known.db" >/dev/null
codes=$(sqlite3 "$TMP/known.db" "SELECT group_concat(code) FROM (SELECT code FROM customers ORDER BY code)")
"$CREDO_BIN" -d "$DB" --as zhangwei customer add --name 备份之后的客户 >/dev/null
run -d "$DB" restore "$TMP/known.db"
expect "an admin restores a backup" 0 'Restored'
got=$(sqlite3 "$DB" "SELECT group_concat(code) FROM (SELECT code FROM customers ORDER BY code)")
check "the database holds the backup's customers again" test "$got" = "$codes"
run -d "$DB" check
expect "the restored database passes check" 0 'ledger +ok'
check "the restore is in the restored audit log" test "$(sqlite3 "$DB" "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")" = restore

before=$(dump "$DB")
cp "$TMP/known.db" "$TMP/bad.db"
sqlite3 "$TMP/bad.db" "UPDATE audit_log SET actor = 'x' WHERE id = 3"
run -d "$DB" restore "$TMP/bad.db"
expect "a tampered backup is refused" 4 'not a sound credo backup: audit row 3'
printf 'not a database at all %0200d' 0 >"$TMP/junk.db"
run -d "$DB" restore "$TMP/junk.db"
expect "a file that is not a database is refused" 4 'not a sound credo backup'
run -d "$DB" restore "$TMP/missing.db"
expect "a missing backup is refused" 4 'cannot read the backup'
cp "$TMP/known.db" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" 'PRAGMA user_version = 999'
run -d "$DB" restore "$TMP/newer.db"
expect "a backup from a newer credo is refused" 4 'newer credo'
check "refused restores leave the database as it was" test "$before" = "$(dump "$DB")"
finish
