#!/bin/sh
# The man page says what `credo --help` says: the same commands, for each
# command the same subcommands and every --option its help mentions; and it
# renders without a groff warning, through man(1) too. A command or an
# option added to the program without a line in docs/credo.1 (or the other
# way round) fails here, naming what is missing on which side.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8 LANG=C.UTF-8
PAGE=$(cd "$(dirname "$0")/../.." && pwd)/docs/credo.1
[ -f "$PAGE" ] || { not_ok "docs/credo.1 exists"; exit 1; }

# The commands `credo --help` lists, one a line.
help_commands() {
	"$CREDO_BIN" --help | awk '/^Commands:/ { f = 1; next } /^$/ { f = 0 } f { print $1 }'
}

# The commands the page documents: the .SS headings of its COMMANDS section.
page_commands() {
	awk '/^\.SH / { sec = $2 } sec == "COMMANDS" && /^\.SS / { gsub(/"/, ""); print $2 }' "$PAGE"
}

# The text of the page's section for one command, escapes removed, so
# "\fB\-\-format\fP" reads "--format".
page_section() {
	awk -v cmd="$1" '
		/^\.S[HS] / { on = ($1 == ".SS" && $2 == cmd) ; next }
		on' "$PAGE" | sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\&//g'
}

# The subcommands the page documents for one command: the first word of
# each .TP tag in its section, split at "|" (import's kinds), options left out.
page_subs() {
	awk -v cmd="$1" '
		/^\.S[HS] / { on = ($1 == ".SS" && $2 == cmd); next }
		on && tag { print; tag = 0; next }
		on && /^\.TP/ { tag = 1 }' "$PAGE" |
		sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/^\.[BIR]*[ ]*//' -e 's/"//g' |
		awk '{ n = split($1, w, "|"); for (i = 1; i <= n; i++) if (w[i] !~ /^-/ && w[i] != "") print w[i] }' |
		sort -u
}

# The subcommands in `credo CMD --help`'s usage line: the alternatives
# separated by " | " outside brackets and parentheses, the first word of
# each, split at "|" (report's and import's kinds); options left out.
help_subs() {
	"$CREDO_BIN" "$1" --help | head -n 1 |
		sed "s/^usage: credo \[-d DB\] \[--as LOGIN\] $1 *//" |
		awk '{
			s = $0; depth = 0; alt = ""
			for (i = 1; i <= length(s); i++) {
				c = substr(s, i, 1)
				if (c == "[" || c == "(") depth++
				if (c == "]" || c == ")") depth--
				if (depth == 0 && substr(s, i, 3) == " | ") { print alt; alt = ""; i += 2; continue }
				alt = alt c
			}
			print alt
		}' |
		awk '{ w1 = $1; sub(/^[[(]+/, "", w1); n = split(w1, w, "|")
		       for (i = 1; i <= n; i++) if (w[i] ~ /^[a-z]/) print w[i] }' |
		sort -u
}

# Every --option in a command's help, usage line and text, less the global ones.
help_options() {
	"$CREDO_BIN" "$1" --help | sed 's/^usage: credo \[-d DB\] \[--as LOGIN\]//' |
		grep -o -- '--[a-z][a-z-]*' | sort -u
}

# has_option TEXT OPTION: OPTION appears in TEXT as a whole word.
has_option() { printf '%s\n' "$1" | grep -qE -- "(^|[^a-z-])$2([^a-z-]|\$)"; }

# ---- commands ----
hc=$(help_commands)
pc=$(page_commands)
[ -n "$hc" ] || not_ok "credo --help lists commands"
missing=
for c in $hc; do
	printf '%s\n' "$pc" | grep -qx -- "$c" || missing="$missing $c"
done
if [ -n "$missing" ]; then
	not_ok "every command of credo --help is in the man page (add a '.SS NAME' under COMMANDS in docs/credo.1 for:$missing)"
else
	ok "every command of credo --help is in the man page"
fi
extra=
for c in $pc; do
	printf '%s\n' "$hc" | grep -qx -- "$c" || extra="$extra $c"
done
if [ -n "$extra" ]; then
	not_ok "every command in the man page exists (docs/credo.1 documents, but credo --help does not list:$extra)"
else
	ok "every command in the man page exists"
fi

# ---- subcommands and options, command by command ----
sub_bad= opt_bad=
for c in $hc; do
	printf '%s\n' "$pc" | grep -qx -- "$c" || continue
	hs=$(help_subs "$c")
	ps=$(page_subs "$c")
	for s in $hs; do
		printf '%s\n' "$ps" | grep -qx -- "$s" ||
			sub_bad="$sub_bad; 'credo $c $s' is in credo $c --help but has no .TP in the page's '.SS $c'"
	done
	for s in $ps; do
		printf '%s\n' "$hs" | grep -qx -- "$s" ||
			sub_bad="$sub_bad; the page documents 'credo $c $s' but credo $c --help does not show it"
	done
	text=$(page_section "$c")
	for o in $(help_options "$c"); do
		has_option "$text" "$o" || opt_bad="$opt_bad; 'credo $c $o' is in credo $c --help but not in the page's '.SS $c'"
	done
done
if [ -n "$sub_bad" ]; then
	not_ok "each command's subcommands agree between --help and the man page (${sub_bad#; })"
else
	ok "each command's subcommands agree between --help and the man page"
fi
if [ -n "$opt_bad" ]; then
	not_ok "every option a command's --help names is in the man page (${opt_bad#; })"
else
	ok "every option a command's --help names is in the man page"
fi
# The parsers above must see something, or the checks prove nothing.
check "the subcommand parsers find customer's subcommands on both sides" \
	sh -c "[ \"\$(echo \$1)\" = 'add assign edit list reputation show status' ] && [ \"\$(echo \$2)\" = \"\$(echo \$1)\" ]" \
	- "$(help_subs customer)" "$(page_subs customer)"
check "the subcommand parser keeps 'collect log (INVOICE | --customer CODE)' whole" \
	sh -c "[ \"\$(echo \$1)\" = 'assign dispute history list log resolve' ]" - "$(help_subs collect)"

# Global options.
page=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$PAGE")
g_bad=
for o in $("$CREDO_BIN" --help | grep -o -- '--[a-z][a-z-]*' | sort -u) -d; do
	has_option "$page" "$o" || g_bad="$g_bad $o"
done
if [ -n "$g_bad" ]; then
	not_ok "the global options are in the man page (missing:$g_bad)"
else
	ok "the global options are in the man page"
fi
no=
for s in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS ENVIRONMENT FILES "EXIT STATUS" EXAMPLES "SEE ALSO"; do
	grep -q "^\.SH \"*$s\"*\$" "$PAGE" || no="$no, $s"
done
check "the man page has the usual sections${no:+ (missing ${no#, })}" test -z "$no"
no=
for v in CREDO_DB XDG_DATA_HOME HOME CREDO_TODAY NO_COLOR TMPDIR; do
	awk '/^\.SH / { sec = $2 } sec == "ENVIRONMENT"' "$PAGE" | grep -q "^\.B $v\$" || no="$no $v"
done
check "ENVIRONMENT documents the variables credo reads${no:+ (missing:$no)}" test -z "$no"

# ---- rendering ----
warn=$(groff -k -man -Tutf8 -ww -z "$PAGE" 2>&1 | tr "\n" " ")
check "groff renders the page without a warning${warn:+ ($warn)}" test -z "$warn"
out=$(MANWIDTH=80 man -l "$PAGE" 2>"$TMP/man.err")
rc=$?
check "man -l renders the page without complaint" sh -c \
	"[ $rc -eq 0 ] && [ ! -s '$TMP/man.err' ]"
check "the rendered page has its title, a command and the Chinese example" sh -c \
	'printf "%s\n" "$1" | grep -q "credo - terminal CRM" && printf "%s\n" "$1" | grep -q "^   opportunity" &&
	 printf "%s\n" "$1" | grep -q "张伟"' - "$out"
check "mandb can read the page's NAME line (lexgrog)" sh -c "lexgrog '$PAGE' | grep -q 'credo - terminal CRM'"

finish
