# Global options, help, version, exit codes, database location.
. "$(dirname "$0")/lib.sh"

run --version
expect "--version prints the version" 0 '^credo [0-9]+\.[0-9]+\.[0-9]+'
run --help
expect "--help lists the commands" 0 'init'
check "--help names every documented command" sh -c "printf '%s' \"\$0\" | grep -q demo && printf '%s' \"\$0\" | grep -q check && printf '%s' \"\$0\" | grep -q user" "$OUT"
run user --help
expect "COMMAND --help shows its usage" 0 'usage: .*user add LOGIN --role ROLE'
run help init
expect "help COMMAND shows its usage" 0 'first admin'
run frobnicate
expect "an unknown command exits 1" 1 "unknown command 'frobnicate'"
run --bogus
expect "an unknown option exits 1" 1 'usage'
run -d "$TMP/missing.db" check
expect "a missing database exits 4 and says how to create it" 4 'credo -d .*missing.db init'

CREDO_DB="$TMP/env.db" "$CREDO_BIN" init >/dev/null 2>&1
check "CREDO_DB chooses the database" test -f "$TMP/env.db"
XDG_DATA_HOME="$TMP/xdg" "$CREDO_BIN" init >/dev/null 2>&1
check "without -d or CREDO_DB the database goes under XDG_DATA_HOME" test -f "$TMP/xdg/credo/credo.db"
CREDO_DB="$TMP/env.db" "$CREDO_BIN" -d "$TMP/flag.db" init >/dev/null 2>&1
check "-d wins over CREDO_DB" test -f "$TMP/flag.db"

finish
