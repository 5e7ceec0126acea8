#!/bin/sh
# Installing: `make install DESTDIR=... PREFIX=/usr` stages the binary, the
# man page (which man renders from there) and the documents; `make
# uninstall` takes them away again. The binary installed is the one under
# test (INSTALL_BIN), so nothing is rebuilt. And where the database lives
# when no -d is given: CREDO_DB, else $XDG_DATA_HOME/credo/credo.db, else
# ~/.local/share/credo/credo.db, whose directory init creates private.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8 LANG=C.UTF-8
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

# A make of its own: none of the flags of a make this test may run under.
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -C "$ROOT" "$@"; }

STAGE="$TMP/stage"
mk install DESTDIR="$STAGE" PREFIX=/usr INSTALL_BIN="$CREDO_BIN" >"$TMP/install.log" 2>&1
rc=$?
why=; [ $rc -eq 0 ] || why=" (exit $rc: $(tail -n 3 "$TMP/install.log" | tr '\n' ' '))"
check "make install DESTDIR PREFIX=/usr succeeds$why" test $rc -eq 0
check "make install builds nothing when given the binary" sh -c "! grep -q -- '-c -o ' '$TMP/install.log'"
check "the binary is in DESTDIR/usr/bin and runs" sh -c \
	"[ -x '$STAGE/usr/bin/credo' ] && '$STAGE/usr/bin/credo' --version | grep -q '^credo [0-9]'"
PAGE="$STAGE/usr/share/man/man1/credo.1"
check "the man page is in DESTDIR/usr/share/man/man1" test -f "$PAGE"
out=$(MANWIDTH=80 man -l "$PAGE" 2>&1)
check "man -l renders the installed page" sh -c 'printf "%s\n" "$1" | grep -q "credo - terminal CRM"' - "$out"
out=$(MANWIDTH=80 MANPATH="$STAGE/usr/share/man" man credo 2>&1)
check "man credo finds it under the staged MANPATH" sh -c 'printf "%s\n" "$1" | grep -q "EXIT STATUS"' - "$out"
no=
for f in README.md user-guide.md data-model.md credit-model.md; do
	[ -s "$STAGE/usr/share/doc/credo/$f" ] || no="$no $f"
done
check "the documents are in DESTDIR/usr/share/doc/credo${no:+ (missing:$no)}" test -z "$no"
MO="$STAGE/usr/share/locale/zh_CN/LC_MESSAGES/credo.mo"
check "the Chinese translation is in DESTDIR/usr/share/locale" test -s "$MO"
out=$(env LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 CREDO_LOCALEDIR="$STAGE/usr/share/locale" "$STAGE/usr/bin/credo" --help 2>&1)
check "the installed binary reads it" sh -c 'printf "%s\n" "$1" | grep -q "^命令:"' - "$out"

mk uninstall DESTDIR="$STAGE" PREFIX=/usr >"$TMP/uninstall.log" 2>&1
rc=$?
why=; [ $rc -eq 0 ] || why=" (exit $rc: $(tail -n 3 "$TMP/uninstall.log" | tr '\n' ' '))"
check "make uninstall succeeds$why" test $rc -eq 0
left=$(find "$STAGE" ! -type d)
check "make uninstall removes every file it installed${left:+ (left: $left)}" test -z "$left"

mk install DESTDIR="$TMP/stage2" INSTALL_BIN="$CREDO_BIN" >/dev/null 2>&1
check "PREFIX defaults to /usr/local" sh -c \
	"[ -x '$TMP/stage2/usr/local/bin/credo' ] && [ -f '$TMP/stage2/usr/local/share/man/man1/credo.1' ]"

# ---- the default database ----
H="$TMP/home"
mkdir -p "$H"
# dflt ARGS...: credo with a HOME of its own and neither CREDO_DB nor XDG_DATA_HOME.
dflt() { env -u CREDO_DB -u XDG_DATA_HOME HOME="$H" "$CREDO_BIN" "$@"; }
dflt init >"$TMP/out" 2>&1
check "init without -d creates ~/.local/share/credo/credo.db" sh -c \
	"[ -s '$H/.local/share/credo/credo.db' ] && grep -q '$H/.local/share/credo/credo.db' '$TMP/out'"
mode=$(stat -c %a "$H/.local/share/credo" 2>/dev/null)
check "init makes the database's directory private (mode $mode)" test "$mode" = 700
dflt user list >"$TMP/out" 2>&1
check "later commands find the default database" grep -q admin "$TMP/out"

env -u CREDO_DB XDG_DATA_HOME="$TMP/xdg" HOME="$H" "$CREDO_BIN" init >/dev/null 2>&1
check "XDG_DATA_HOME moves the default to \$XDG_DATA_HOME/credo/credo.db" test -s "$TMP/xdg/credo/credo.db"
env CREDO_DB="$TMP/env.db" XDG_DATA_HOME="$TMP/xdg2" HOME="$H" "$CREDO_BIN" init >/dev/null 2>&1
check "CREDO_DB comes before XDG_DATA_HOME" sh -c "[ -s '$TMP/env.db' ] && [ ! -e '$TMP/xdg2' ]"
env CREDO_DB="$TMP/env2.db" HOME="$H" "$CREDO_BIN" -d "$TMP/opt.db" init >/dev/null 2>&1
check "-d comes before CREDO_DB" sh -c "[ -s '$TMP/opt.db' ] && [ ! -e '$TMP/env2.db' ]"
env -u CREDO_DB -u XDG_DATA_HOME HOME="$TMP/nobody" "$CREDO_BIN" user list >"$TMP/out" 2>&1
rc=$?
check "with no database yet, a command exits 4 and says how to create it" sh -c \
	"[ $rc -eq 4 ] && grep -q 'credo -d $TMP/nobody/.local/share/credo/credo.db init' '$TMP/out'"
# Without HOME (a service manager may not set it): the login's home from the
# password database, not a .local directory wherever credo was started.
pwhome=$(getent passwd "$(id -un)" | cut -d: -f6)
(cd "$TMP" && env -u HOME -u XDG_DATA_HOME -u CREDO_DB "$CREDO_BIN" user list >"$TMP/out" 2>&1)
rc=$?
check "without HOME the default is the login's home directory, not the current one" sh -c \
	"[ ! -e '$TMP/.local' ] && { [ $rc -eq 0 ] || grep -q '$pwhome/.local/share/credo/credo.db' '$TMP/out'; }"

finish
