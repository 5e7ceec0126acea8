#!/bin/sh
# Extract every translatable string of credo into a gettext template.
# Usage: tools/xgettext.sh OUT.pot   (run from the top of the source tree)
#
# Marked strings: _() and N_() everywhere, P_() (singular, plural) in the
# core, ngettext(), credo__fail()'s format (the core translates it), and the
# third field of the X-macro lists of statuses, roles and permissions in the
# public headers. New source files are picked up by the wildcards below.
set -eu
out=$1
tmp=$out.files
ls src/core/*.c src/core/*.h src/cli/*.c src/cli/*.h src/tui/*.c src/tui/*.h | LC_ALL=C sort >"$tmp"

# xgettext warns about the missing bug-report address on every run; the
# catalogue lives in the source tree, so there is none: drop that warning only.
xgt() {
	rc=0
	xgettext --from-code=UTF-8 --add-comments=TRANSLATORS: --package-name=credo --sort-by-file --add-location=file \
		"$@" 2>"$out.err" || rc=$?
	grep -v 'msgid-bugs-address\|Makevars\|MSGID_BUGS_ADDRESS\|otherwise please' "$out.err" >&2 || true
	rm -f "$out.err"
	return $rc
}

xgt --language=C --keyword=_ --keyword=N_ --keyword=P_:1,2 --keyword=NC_:1c,2 --keyword=credo__fail:3 --keyword=credo__find_code:3 \
	--flag=credo__fail:3:c-format --flag=cli_usage:2:c-format --flag=tui_message:3:c-format \
	--files-from="$tmp" -o "$out"
xgt --language=C --keyword= --keyword=X:3 --join-existing \
	include/credo/status.h include/credo/user.h -o "$out"
rm -f "$tmp"
