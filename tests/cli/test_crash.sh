# Crash consistency: `credo import` and `credo export` killed with SIGKILL at
# random points. Afterwards `credo check` passes, an import left all of its
# rows or none, and an export never left a partial file under its final
# name. CRASH_KILLS kills in all (default 20; `make crashtest` runs 500).
. "$(dirname "$0")/lib.sh"
kills=${CRASH_KILLS:-20}
BASE="$TMP/base.db"
"$CREDO_BIN" -d "$BASE" init >/dev/null
"$CREDO_BIN" -d "$BASE" demo >/dev/null
rows=600
awk -v n=$rows 'BEGIN { print "name,phone"; for (i = 1; i <= n; i++) printf "\"崩溃测试客户%05d\",021-%08d\n", i, i }' >"$TMP/c.csv"
base_count=$(sqlite3 "$BASE" "SELECT count(*) FROM customers")

# How long each takes uncut on this machine, so the kills spread over the whole run.
ms() { date +%s%3N; }
cp "$BASE" "$TMP/w.db"
t0=$(ms); "$CREDO_BIN" -d "$TMP/w.db" --as wangqiang import customers "$TMP/c.csv" >/dev/null; t1=$(ms)
"$CREDO_BIN" -d "$TMP/w.db" --as wufang export receivables --month 2026-10 -o "$TMP/full.xlsx" >/dev/null; t2=$(ms)
import_ms=$(( (t1 - t0) * 13 / 10 + 1 )) export_ms=$(( (t2 - t1) * 15 / 10 + 1 ))
echo "# import takes ${import_ms} ms, export ${export_ms} ms (with margin); $kills kills"

# whole.py OUT FULL: OUT is a sound zip holding the same parts as the uncut export.
cat >"$TMP/whole.py" <<'PY'
import sys, zipfile
out, full = (zipfile.ZipFile(p) for p in sys.argv[1:3])
sys.exit(out.testzip() is not None or sorted(out.namelist()) != sorted(full.namelist()))
PY
rand() { od -An -N4 -tu4 /dev/urandom | awk -v m="$1" '{ print $1 % m }'; }
# kill_after MS CMD...: start CMD, SIGKILL it after MS milliseconds; 0 if it was killed.
kill_after() {
	delay=$1
	shift
	"$@" >/dev/null 2>&1 &
	pid=$!
	sleep "$(awk -v d="$delay" 'BEGIN { printf "%.3f", d / 1000 }')"
	kill -9 "$pid" 2>/dev/null
	killed=$?
	wait "$pid" 2>/dev/null
	return $killed
}

imports=0 all=0 none=0 bad=0 exports=0 complete=0 absent=0 partial=0 checks_failed=0 killed_mid=0
k=0
while [ $k -lt "$kills" ]; do
	k=$((k + 1))
	rm -f "$TMP/w.db" "$TMP/w.db-wal" "$TMP/w.db-shm" "$TMP/out.xlsx" "$TMP"/out.xlsx.*
	cp "$BASE" "$TMP/w.db"
	if [ $((k % 2)) -eq 1 ]; then
		imports=$((imports + 1))
		kill_after "$(rand "$import_ms")" "$CREDO_BIN" -d "$TMP/w.db" --as wangqiang import customers "$TMP/c.csv" &&
			killed_mid=$((killed_mid + 1))
		n=$(sqlite3 "$TMP/w.db" "SELECT count(*) FROM customers")
		if [ "$n" -eq "$base_count" ]; then none=$((none + 1))
		elif [ "$n" -eq $((base_count + rows)) ]; then all=$((all + 1))
		else bad=$((bad + 1)); echo "# kill $k: import left $((n - base_count)) of $rows rows"
		fi
	else
		exports=$((exports + 1))
		kill_after "$(rand "$export_ms")" "$CREDO_BIN" -d "$TMP/w.db" --as wufang export receivables \
			--month 2026-10 -o "$TMP/out.xlsx" && killed_mid=$((killed_mid + 1))
		if [ ! -e "$TMP/out.xlsx" ]; then absent=$((absent + 1))
		elif python3 "$TMP/whole.py" "$TMP/out.xlsx" "$TMP/full.xlsx" 2>/dev/null; then complete=$((complete + 1))
		else partial=$((partial + 1)); echo "# kill $k: a partial workbook under the final name"
		fi
	fi
	if ! "$CREDO_BIN" -d "$TMP/w.db" check >/dev/null 2>"$TMP/check.err"; then
		checks_failed=$((checks_failed + 1))
		echo "# kill $k: check failed: $(cat "$TMP/check.err")"
	fi
done

check "every killed import left all $rows rows or none ($all all, $none none, of $imports)" test "$bad" -eq 0
check "no killed export left a partial file under its name ($complete complete, $absent absent, of $exports)" \
	test "$partial" -eq 0
check "credo check passed after every one of $kills kills" test "$checks_failed" -eq 0
check "the kills landed while the program ran ($killed_mid of $kills)" test "$killed_mid" -gt 0
echo "# crash figures: kills=$kills killed_while_running=$killed_mid imports_all=$all imports_none=$none" \
	"imports_partial=$bad exports_complete=$complete exports_absent=$absent exports_partial=$partial" \
	"check_failures=$checks_failed"
finish
