# tests/tui/lib.sh - drive the real credo binary in a real terminal.
#
# A test script sources this file, builds a database, starts credo inside a
# private tmux server (-L, so the user's tmux is never touched), sends keys
# and asserts on what `tmux capture-pane` shows. It prints "ok NAME" or
# "not ok NAME" per check (with the screen as "# " lines after a failure)
# and ends with tui_finish, which exits non-zero if anything failed.
#
# Plain POSIX sh (the runner uses sh, which is dash on Debian) plus perl for
# display widths: perl is always on Debian, python is not.
#
# Environment: CREDO_BIN (the credo binary, absolute path), TUI_TIMEOUT
# (seconds to wait for the screen to show something; default 20, since the
# sanitizer build is slow on a busy CI machine).

: "${CREDO_BIN:?set CREDO_BIN to the credo binary}"

TUI_DIR=$(mktemp -d "${TMPDIR:-/tmp}/credo-tui.XXXXXX") || exit 1
TUI_DB=$TUI_DIR/credo.db
TUI_SOCK=credo-test-$$
TUI_TIMEOUT=${TUI_TIMEOUT:-20}
TUI_TODAY=2026-11-23
TUI_W=80
TUI_H=24
TUI_FAILS=0
SCREEN=

# The screen is UTF-8 and perl must read it as such.
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset CREDO_DB

tmx() { tmux -L "$TUI_SOCK" -f /dev/null "$@"; }

tui_cleanup() {
	tmx kill-server >/dev/null 2>&1
	rm -rf "$TUI_DIR"
}
trap tui_cleanup EXIT
trap 'exit 2' HUP INT TERM

# ---- reporting ----

ok() { echo "ok $*"; }

not_ok() {
	echo "not ok $*"
	TUI_FAILS=$((TUI_FAILS + 1))
	tui_capture
	printf '%s\n' "$SCREEN" | sed 's/^/# | /'
	if [ -s "$TUI_DIR/stderr" ]; then
		sed 's/^/# stderr: /' "$TUI_DIR/stderr" | head -n 40
	fi
}

# check NAME COMMAND...: the command's success is the test; returns it too.
check() {
	_name=$1
	shift
	if "$@"; then ok "$_name"; return 0; fi
	not_ok "$_name"
	return 1
}

tui_finish() { [ "$TUI_FAILS" -eq 0 ]; }

# Abort the script: nothing after this could mean anything.
tui_bail() {
	echo "not ok $*"
	exit 1
}

# ---- set-up ----

# Single-quote a word for the shell tmux runs the command with.
tui_q() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

# A fresh database with the demo company (users of every role, 200+ customers).
tui_demo_db() {
	"$CREDO_BIN" -d "$TUI_DB" init >"$TUI_DIR/setup.log" 2>&1 ||
		tui_bail "credo init failed: $(cat "$TUI_DIR/setup.log")"
	"$CREDO_BIN" -d "$TUI_DB" demo --size small >>"$TUI_DIR/setup.log" 2>&1 ||
		tui_bail "credo demo failed: $(cat "$TUI_DIR/setup.log")"
}

# tui_start [VAR=VALUE...] [-- CREDO_ARGS...]: open the TUI on $TUI_DB in a
# TUI_W x TUI_H terminal. Its stderr goes to $TUI_DIR/stderr (sanitizer
# reports land there) and its exit status to $TUI_DIR/exit.
tui_start() {
	_env=
	while [ $# -gt 0 ]; do
		case $1 in
		--) shift; break ;;
		*=*) _env="$_env $(tui_q "$1")"; shift ;;
		*) break ;;
		esac
	done
	_asan="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1"
	_cmd="env -u NO_COLOR LC_ALL=C.UTF-8 LANG=C.UTF-8 CREDO_TODAY=$TUI_TODAY"
	_cmd="$_cmd ASAN_OPTIONS=$(tui_q "$_asan")$_env $(tui_q "$CREDO_BIN") -d $(tui_q "$TUI_DB")"
	for _a in "$@"; do _cmd="$_cmd $(tui_q "$_a")"; done
	_cmd="$_cmd 2>$(tui_q "$TUI_DIR/stderr"); echo \$? >$(tui_q "$TUI_DIR/exit")"
	rm -f "$TUI_DIR/exit" "$TUI_DIR/stderr"
	tmx kill-server >/dev/null 2>&1
	tmx new-session -d -x "$TUI_W" -y "$TUI_H" -s credo "$_cmd" ||
		tui_bail "tmux could not start a session"
}

# ---- looking at the screen ----

# Read the screen into $SCREEN (text only).
tui_capture() { SCREEN=$(tmx capture-pane -p -t credo 2>/dev/null); }

# The screen with its colours and attributes as escape sequences.
tui_capture_attrs() { tmx capture-pane -p -e -t credo 2>/dev/null; }

# tui_until COMMAND...: capture until COMMAND (which may look at $SCREEN)
# succeeds on a settled screen, for at most TUI_TIMEOUT seconds. Settled:
# the same capture 50 ms later. tmux can be caught halfway through credo's
# redraw (the title written, the body not yet), and a check that reads
# $SCREEN right after a wait must see the whole frame. No fixed sleeps.
tui_until() {
	_i=0
	while [ $_i -lt $((TUI_TIMEOUT * 20)) ]; do
		tui_capture
		if "$@"; then
			_seen=$SCREEN
			sleep 0.05
			tui_capture
			[ "$SCREEN" = "$_seen" ] && return 0
		else
			sleep 0.05
		fi
		_i=$((_i + 1))
	done
	return 1
}

tui_has() { case $SCREEN in *"$1"*) return 0 ;; esac; return 1; }
tui_lacks() { ! tui_has "$1"; }

# tui_wait TEXT: wait until the screen shows TEXT.
tui_wait() { tui_until tui_has "$1"; }

# tui_line N: line N of the screen (1 = the tab bar, TUI_H = the status line).
tui_line() { printf '%s\n' "$SCREEN" | sed -n "${1}p"; }

tui_status() { tui_line "$TUI_H"; }

# Customer rows of a list screen: body lines that start with a code.
tui_rows() { printf '%s\n' "$SCREEN" | sed -n "4,$((TUI_H - 2))p" | grep '^C[0-9]'; }
tui_nrows() { tui_rows | grep -c .; }
tui_row() { tui_rows | sed -n "${1}p"; }
tui_code() { printf '%s\n' "$1" | awk '{ print $1 }'; }

# The list row shown in reverse video (the selection), as text.
tui_selected() {
	tui_capture_attrs | perl -CSA -e '
		my ($lo, $hi) = @ARGV; my $n = 0;
		while (my $l = <STDIN>) {
			$n++;
			next if $n < $lo || $n > $hi;
			if ($l =~ /\e\[(?:[0-9]*;)*7(?:;[0-9]*)*m/) {
				$l =~ s/\e\[[0-9;]*m//g;
				print $l;
				exit 0;
			}
		}
		exit 1;' 4 $((TUI_H - 2))
}
tui_selected_code() { tui_code "$(tui_selected)"; }

# Perl: display width of a string as a terminal counts cells.
TUI_PERL_WIDTH='sub cells { my $s = shift; my $n = () = $s =~ /[\p{EA=W}\p{EA=F}]/g; return length($s) + $n; }'

# tui_max_width: the widest screen line, in cells.
tui_max_width() {
	printf '%s\n' "$SCREEN" | perl -CSA -e "$TUI_PERL_WIDTH"'
		my $max = 0;
		while (<STDIN>) { chomp; my $w = cells($_); $max = $w if $w > $max; }
		print "$max\n";'
}

# tui_fits: no line is wider than the terminal.
tui_fits() { [ "$(tui_max_width)" -le "$TUI_W" ]; }

# tui_aligned HEADING...: on every row the column under each HEADING (found
# in the heading line, line 3) starts exactly where the heading does: the
# cell before it is a blank and the cell itself starts a character that is
# not a blank. Counting in cells, so a name in Chinese that was measured in
# bytes or split in the middle of a character shows up as a shifted column.
# Fails when no row has a wide (Chinese) character: then it proves nothing.
tui_aligned() {
	printf '%s\n' "$SCREEN" | perl -CSA -e "$TUI_PERL_WIDTH"'
		my @heads = @ARGV; my @lines = <STDIN>; chomp @lines;
		my $head = $lines[2]; my %col; my $bad = 0; my $wide = 0;
		for my $h (@heads) {
			my $i = index($head, $h);
			if ($i < 0) { print STDERR "no heading $h\n"; exit 1; }
			$col{$h} = cells(substr($head, 0, $i));
		}
		for my $l (@lines[3 .. $#lines - 2]) {
			next unless $l =~ /^C[0-9]/;
			$wide = 1 if $l =~ /[\p{EA=W}\p{EA=F}]/;
			# cell index -> character starting there (undef: second half of a wide one)
			my @cell; my $c = 0;
			for my $ch (split //, $l) { $cell[$c] = $ch; $c += cells($ch); }
			for my $h (@heads) {
				my $x = $col{$h};
				my $before = $cell[$x - 1]; my $at = $cell[$x];
				unless (defined $before && $before eq " " && defined $at && $at ne " ") {
					print STDERR "column $h (cell $x) misaligned in: $l\n"; $bad = 1;
				}
			}
		}
		print STDERR "no wide characters on screen\n" unless $wide;
		exit($bad || !$wide);' "$@"
}

# ---- keys ----

# tui_keys KEY...: tmux key names (j, Enter, Escape, NPage, C-f, ...).
tui_keys() { tmx send-keys -t credo "$@"; }

# tui_type TEXT: type TEXT literally (UTF-8 goes in as the terminal would send it).
tui_type() { tmx send-keys -t credo -l "$1"; }

# ---- leaving ----

# tui_quit_clean NAME [KEY...]: send the keys (default q), then check credo
# exited with status 0 and wrote nothing to stderr (no sanitizer report,
# no leak report).
tui_quit_clean() {
	_name=$1
	shift
	[ $# -gt 0 ] || set -- q
	tui_keys "$@"
	_i=0
	while [ ! -s "$TUI_DIR/exit" ] && [ $_i -lt $((TUI_TIMEOUT * 20)) ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
	if [ ! -s "$TUI_DIR/exit" ]; then
		not_ok "$_name (credo did not exit)"
	elif [ "$(cat "$TUI_DIR/exit")" != 0 ]; then
		not_ok "$_name (exit status $(cat "$TUI_DIR/exit"))"
	elif [ -s "$TUI_DIR/stderr" ]; then
		not_ok "$_name (stderr not empty)"
	else
		ok "$_name"
	fi
}
