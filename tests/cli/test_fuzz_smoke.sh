# The libFuzzer targets (fuzz/) for a few seconds each over the committed
# seed corpus: no crash, no sanitizer report, no leak. `make fuzz` runs
# them longer. CREDO_FUZZ_DIR holds the built targets (make test builds them).
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")/../.." && pwd)
dir=${CREDO_FUZZ_DIR:-$here/build/fuzz}
secs=${FUZZ_SMOKE_SECONDS:-3}

for target in money date csv search; do
	bin="$dir/fuzz_$target"
	if [ ! -x "$bin" ]; then
		echo "ok fuzz_$target # SKIP not built (make fuzzers)"
		continue
	fi
	seeds="$here/fuzz/corpus/$target"
	check "the $target seed corpus is committed" test "$(ls "$seeds" | wc -l)" -ge 5
	mkdir -p "$TMP/corpus-$target"
	# -artifact_prefix keeps any crash input out of the source tree.
	(cd "$TMP" && "$bin" -max_total_time="$secs" -print_final_stats=1 -artifact_prefix="$TMP/" \
		"$TMP/corpus-$target" "$seeds") >"$TMP/$target.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$TMP/$target.log")
	if [ $rc -eq 0 ] && ! grep -q 'ERROR: \|runtime error\|LeakSanitizer' "$TMP/$target.log"; then
		ok "fuzz_$target ran $runs inputs for ${secs}s: no crash, sanitizer report or leak"
	else
		not_ok "fuzz_$target (exit $rc)"
		grep -A30 'ERROR\|runtime error\|\.c:[0-9]*: ' "$TMP/$target.log" | head -n 40 | sed 's/^/# /'
	fi
done
finish
