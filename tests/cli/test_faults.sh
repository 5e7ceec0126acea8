# Faults of the file and the machine: each gives a clear message and exit 4,
# and the database file is not damaged (same content, still passes check).
. "$(dirname "$0")/lib.sh"
DB="$TMP/f.db"
"$CREDO_BIN" -d "$DB" init >/dev/null
"$CREDO_BIN" -d "$DB" user add zhangwei --role sales >/dev/null
"$CREDO_BIN" -d "$DB" --as zhangwei customer add --name 上海华联超市有限公司 >/dev/null
sum() { sha256sum "$1" | cut -d' ' -f1; }

# A CSV of 2,000 customers: a write big enough to need many pages.
big="$TMP/big.csv"
awk 'BEGIN { print "name,phone,notes"; for (i = 1; i <= 2000; i++)
	printf "\"负载测试客户%05d有限公司\",021-%08d,%s\n", i, i, sprintf("%0300d", i) }' >"$big"

# ---- a read-only file ----
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	# root writes anything: run credo as nobody, who may read the file but not write it.
	"$CREDO_BIN" -d "$DB" user add nobody --role admin >/dev/null
	mkdir "$TMP/ro" && cp "$DB" "$TMP/ro/r.db" && chmod 755 "$TMP" "$TMP/ro" && chmod 644 "$TMP/ro/r.db"
	as_reader() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
else
	mkdir "$TMP/ro" && cp "$DB" "$TMP/ro/r.db" && chmod 444 "$TMP/ro/r.db" && chmod 555 "$TMP/ro"
	as_reader() { "$@"; }
fi
RO="$TMP/ro/r.db"
before=$(sum "$RO")
as_reader "$CREDO_BIN" -d "$RO" customer add --name 只读测试 >"$TMP/out" 2>"$TMP/err"
RC=$? OUT=$(cat "$TMP/out") ERR=$(cat "$TMP/err")
expect "a write to a read-only file exits 4" 4 'read-?only|cannot open|unable to open'
check "... and the read-only file is unchanged" test "$before" = "$(sum "$RO")"

# ---- a missing directory ----
run -d "$TMP/no/such/dir/credo.db" customer list
expect "a database in a missing directory exits 4" 4 'no such database'
check "... and nothing is created" test ! -e "$TMP/no"

# ---- not a database, and a newer schema: refused, not touched ----
printf 'this is not a database, just text that is long enough to be read %0200d' 0 >"$TMP/junk.db"
before=$(sum "$TMP/junk.db")
run -d "$TMP/junk.db" customer list
expect "a file that is not a database exits 4" 4 'not a (credo )?database'
check "... and it is left as it was" test "$before" = "$(sum "$TMP/junk.db")"
cp "$DB" "$TMP/new.db"
sqlite3 "$TMP/new.db" 'PRAGMA user_version = 999'
before=$(sqlite3 "$TMP/new.db" .dump)
run -d "$TMP/new.db" --as zhangwei customer add --name 新版本
expect "a database from a newer credo exits 4" 4 'newer credo \(schema 999'
check "... and it is left as it was" test "$before" = "$(sqlite3 "$TMP/new.db" .dump)"
check "... still at its own version" test "$(sqlite3 "$TMP/new.db" 'PRAGMA user_version')" = 999

# ---- a lock held beyond the busy timeout ----
before=$(dump "$DB")
# The holder keeps the lock until the test says it is done (at most a minute),
# not for a fixed time a slow run (valgrind, a loaded machine) could outlast.
sqlite3 "$DB" "BEGIN IMMEDIATE" "UPDATE settings SET value = value WHERE key = 'currency'" \
	".shell touch '$TMP/locked'; i=0; while [ ! -e '$TMP/unlock' ] && [ \$i -lt 600 ]; do sleep 0.1; i=\$((i + 1)); done" \
	"ROLLBACK" >/dev/null 2>&1 &
holder=$!
i=0
while [ ! -e "$TMP/locked" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
CREDO_BUSY_TIMEOUT_MS=300 run -d "$DB" --as zhangwei customer add --name 锁定测试
expect "a lock held past the busy timeout exits 4" 4 'locked for more than 0.3 s; try again'
check "... without SQLite's bare 'database is locked'" sh -c "! printf '%s' \"\$0\" | grep -q '^credo: database is locked'" "$ERR"
run -d "$DB" --as zhangwei customer list
expect "readers keep reading while the lock is held" 0 '上海华联'
touch "$TMP/unlock"
wait $holder
check "... and the database is unchanged" test "$before" = "$(dump "$DB")"
run -d "$DB" --as zhangwei customer add --name 锁释放后
expect "once the lock is gone the write goes through" 0 'C000002'

# ---- a full disk ----
full="$TMP/full"
mkdir "$full"
if mount -t tmpfs -o size=2m tmpfs "$full" 2>/dev/null; then
	trap 'umount "$full" 2>/dev/null; rm -rf "$TMP"' EXIT
	"$CREDO_BIN" -d "$full/d.db" init >/dev/null
	"$CREDO_BIN" -d "$full/d.db" user add zhangwei --role sales >/dev/null
	"$CREDO_BIN" -d "$full/d.db" --as zhangwei customer add --name 满盘前的客户 >/dev/null
	before=$(dump "$full/d.db")
	dd if=/dev/zero of="$full/filler" bs=4k >/dev/null 2>&1
	run -d "$full/d.db" --as zhangwei import customers "$big"
	expect "an import onto a full disk exits 4" 4 'disk holding .* is full'
	rm -f "$full/filler"
	check "... and changes nothing" test "$before" = "$(dump "$full/d.db")"
	# Leave ~200 KB: the file opens, then the disk fills in the middle of the import.
	avail=$(df -k --output=avail "$full" | tail -n 1)
	dd if=/dev/zero of="$full/filler" bs=1k count=$((avail - 200)) >/dev/null 2>&1
	run -d "$full/d.db" --as zhangwei import customers "$big"
	expect "a disk that fills during an import exits 4" 4 'disk holding .* is full'
	rm -f "$full/filler"
	check "... and changes nothing" test "$before" = "$(dump "$full/d.db")"
	run -d "$full/d.db" check
	expect "... and the file still passes check" 0 'ledger +ok'
	umount "$full"
else
	echo "ok full_disk # skip cannot mount a small tmpfs here"
fi

run -d "$DB" check
expect "after all of it the database passes check" 0 'ledger +ok'
finish
