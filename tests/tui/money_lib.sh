# tests/tui/money_lib.sh - helpers for the money, credit and collection
# screen tests (test_money.sh, test_credit_screens.sh, test_receivables.sh).
# Sourced after lib.sh.

export CREDO_TODAY=$TUI_TODAY

# The CLI on the test database.
C() { "$CREDO_BIN" -d "$TUI_DB" "$@"; }

# Start the TUI as LOGIN at W x H with the credit check on and HOME in the
# test directory (exports land there): mstart LOGIN W H
mstart() {
	TUI_W=$2 TUI_H=$3
	tui_start HOME="$TUI_DIR" -- --as "$1"
}

# Go to a tab by pressing Tab until its name is bracketed, one tab at a
# time (a tab can take a moment to open): mtab NAME
mtab() {
	_tab=$1 _n=0
	while [ $_n -lt 12 ]; do
		tui_capture
		_cur=$(tui_line 1 | sed -n 's/.*\[\([^]]*\)\].*/\1/p')
		[ "$_cur" = "$_tab" ] && return 0
		tui_keys Tab
		tui_until eval '[ "$(tui_line 1 | sed -n "s/.*\[\([^]]*\)\].*/\1/p")" != "$_cur" ]' || return 1
		_n=$((_n + 1))
	done
	return 1
}

# Body lines of the screen matching a pattern: mrows REGEX
mrows() { printf '%s\n' "$SCREEN" | sed -n "3,$((TUI_H - 2))p" | grep -E "$1"; }

# The message line.
mmsg() { tui_line $((TUI_H - 1)); }

# Strip thousands separators.
nocomma() { tr -d ','; }

# maligned REGEX HEADING_LINE HEADING...: like tui_aligned, for rows
# matching REGEX under the headings on line HEADING_LINE.
maligned() {
	_re=$1 _hl=$2
	shift 2
	printf '%s\n' "$SCREEN" | perl -CSA -e "$TUI_PERL_WIDTH"'
		my $re = shift @ARGV; my $hl = shift @ARGV;
		my @heads = @ARGV; my @lines = <STDIN>; chomp @lines;
		my $head = $lines[$hl - 1]; my %col; my $bad = 0; my $wide = 0; my $rows = 0;
		for my $h (@heads) {
			my $i = index($head, $h);
			if ($i < 0) { print STDERR "no heading $h in: $head\n"; exit 1; }
			$col{$h} = cells(substr($head, 0, $i));
		}
		for my $l (@lines[$hl .. $#lines - 2]) {
			next unless $l =~ /$re/;
			$rows++;
			$wide = 1 if $l =~ /[\p{EA=W}\p{EA=F}]/;
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
		print STDERR "no rows\n" unless $rows;
		print STDERR "no wide characters on screen\n" unless $wide;
		exit($bad || !$wide || !$rows);' "$_re" "$_hl" "$@"
}

# Right-aligned columns: on every matching row the text under HEADING ends
# where the heading ends. mright REGEX HEADING_LINE HEADING...
mright() {
	_re=$1 _hl=$2
	shift 2
	printf '%s\n' "$SCREEN" | perl -CSA -e "$TUI_PERL_WIDTH"'
		my $re = shift @ARGV; my $hl = shift @ARGV;
		my @heads = @ARGV; my @lines = <STDIN>; chomp @lines;
		my $head = $lines[$hl - 1]; my $bad = 0; my $rows = 0;
		my %end;
		for my $h (@heads) {
			my $i = index($head, $h);
			if ($i < 0) { print STDERR "no heading $h\n"; exit 1; }
			$end{$h} = cells(substr($head, 0, $i)) + cells($h);
		}
		for my $l (@lines[$hl .. $#lines - 2]) {
			next unless $l =~ /$re/;
			$rows++;
			my @cell; my $c = 0;
			for my $ch (split //, $l) { $cell[$c] = $ch; $c += cells($ch); }
			for my $h (@heads) {
				my $x = $end{$h};
				my $last = $cell[$x - 1]; my $after = $cell[$x];
				unless (defined $last && $last =~ /[0-9%]/ && (!defined $after || $after eq " " || $after eq "v")) {
					print STDERR "column $h does not end at cell $x in: $l\n"; $bad = 1;
				}
			}
		}
		exit($bad || !$rows);' "$_re" "$_hl" "$@"
}
