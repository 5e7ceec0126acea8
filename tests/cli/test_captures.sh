#!/bin/sh
# The user guide's captures: docs/captures/make-captures.sh runs every
# command of the guide, role by role, on a fresh demo database and drives
# the interface in tmux; here it must succeed, make the same captures as
# the committed ones (the same commands, the same screens, tab and title),
# and the guide must show each committed capture exactly where it says.
# Figures may differ from the committed ones; what would mislead a reader
# (a command that fails, a screen that is gone, a stale paste) may not.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8 LANG=C.UTF-8
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CAPS=$ROOT/docs/captures
GUIDE=$ROOT/docs/user-guide.md

sh "$CAPS/make-captures.sh" "$TMP/caps" >"$TMP/log" 2>&1
rc=$?
why=; [ $rc -eq 0 ] || why=" (exit $rc: $(tail -n 5 "$TMP/log" | tr '\n' ' '))"
check "make-captures.sh runs every command and screen of the guide$why" test $rc -eq 0

names() { (cd "$1" && ls -- *.txt 2>/dev/null | sed 's/\.txt$//' | sort); }
committed=$(names "$CAPS")
made=$(names "$TMP/caps")
check "the script makes captures" test -n "$made"
diff_names=$(printf '%s\n' "$committed" "$made" | sort | uniq -u | tr '\n' ' ')
check "the script makes the same captures as docs/captures holds${diff_names:+ (differ: $diff_names; rerun docs/captures/make-captures.sh)}" \
	test -z "$diff_names"

# For a command: its first line (the command as typed). For a screen: the
# tab bar and the first word of the title line.
shape() {
	case $(basename "$1") in
	tui-*) sed -n '1p; 2s/^ *\([^ ]*\).*/\1/p' "$1" ;;
	*) sed -n 1p "$1" ;;
	esac
}
stale=
for n in $made; do
	[ -f "$CAPS/$n.txt" ] || continue
	[ "$(shape "$CAPS/$n.txt")" = "$(shape "$TMP/caps/$n.txt")" ] || stale="$stale $n"
done
check "the committed captures show the same commands and screens${stale:+ (stale:$stale; rerun docs/captures/make-captures.sh)}" \
	test -z "$stale"
wide=$(perl -CSDA -ne 'chomp; my $n = () = /[\p{EA=W}\p{EA=F}]/g; print "$ARGV\n" if length($_) + $n > 80' \
	"$TMP/caps"/tui-*.txt | sort -u | tr '\n' ' ')
check "the screens fit 80 columns${wide:+ (wider: $wide)}" test -z "$wide"

# The guide: each marked block is the committed capture, each capture is shown.
bad= unused=
for n in $committed; do
	awk -v n="$n" '
		$0 == "<!-- capture: " n " -->" { on = 1; next }
		on && /^<!-- \/capture -->$/ { exit }
		on && !/^```/ { print }' "$GUIDE" >"$TMP/block"
	grep -qx "<!-- capture: $n -->" "$GUIDE" || { unused="$unused $n"; continue; }
	cmp -s "$TMP/block" "$CAPS/$n.txt" || bad="$bad $n"
done
check "every capture appears in the user guide${unused:+ (not shown:$unused)}" test -z "$unused"
check "the guide shows each capture as committed${bad:+ (out of date:$bad; rerun docs/captures/make-captures.sh)}" \
	test -z "$bad"
missing=
for n in $(sed -n 's/^<!-- capture: \([a-z0-9-]*\) -->$/\1/p' "$GUIDE"); do
	[ -f "$CAPS/$n.txt" ] || missing="$missing $n"
done
check "every capture the guide marks exists${missing:+ (missing:$missing)}" test -z "$missing"
check "the guide has a section per role" sh -c \
	"for r in 'Salesperson' 'Sales manager' 'Credit manager' 'Finance' 'General manager' 'Admin'; do grep -q \"^## \$r\" '$GUIDE' || exit 1; done"

finish
