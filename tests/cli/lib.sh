# Helpers for the CLI tests. Each test prints "ok NAME" or "not ok NAME".
: "${CREDO_BIN:?set CREDO_BIN}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/credo-cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export CREDO_TODAY=2026-11-23
unset CREDO_DB
failures=0

ok() { echo "ok $*"; }
not_ok() { echo "not ok $*"; failures=$((failures + 1)); }

# run CMD...: run credo, keeping stdout, stderr and the exit code in OUT, ERR, RC.
run() {
	"$CREDO_BIN" "$@" >"$TMP/out" 2>"$TMP/err"
	RC=$?
	OUT=$(cat "$TMP/out")
	ERR=$(cat "$TMP/err")
}

# expect NAME RC [PATTERN]: the last run exited RC and, if given, its stdout
# or stderr matches the grep -E PATTERN. Sanitizer reports always fail.
expect() {
	name=$1 want=$2 pat=${3:-}
	if printf '%s' "$ERR" | grep -q 'Sanitizer\|runtime error'; then
		not_ok "$name (sanitizer report: $ERR)"
	elif [ "$RC" -ne "$want" ]; then
		not_ok "$name (exit $RC, wanted $want; stderr: $ERR)"
	elif [ -n "$pat" ] && ! printf '%s\n%s\n' "$OUT" "$ERR" | grep -qE -- "$pat"; then
		not_ok "$name (no /$pat/ in: $OUT $ERR)"
	else
		ok "$name"
	fi
}

# check NAME COMMAND...: a shell condition as a test.
check() {
	name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}

# The content of a database, for "nothing changed" comparisons: everything
# but the audit rows of refused attempts, which a refusal must add
# (test_permissions.sh checks those rows).
dump() {
	sqlite3 "$1" .dump |
		grep -v "^INSERT INTO audit_log VALUES([0-9]*,'[^']*','[^']*','[^']*','access',[0-9]*,'denied',"
}

finish() { [ "$failures" -eq 0 ]; }
