# Shared by the tmux end-to-end tests (tests/e2e/*.sh): each test drives
# the real program in a private tmux server (-L, no configuration), sends
# keys, and polls the screen until what the user should see is there.
# No fixed sleeps: every wait is a poll with a deadline.
#
# Environment (set by make check): BRIEFING, the program; top_srcdir, the
# source tree; TMUX_BIN, tmux (empty when configure found none: skip).

if [ -z "${TMUX_BIN:-}" ] || [ ! -x "$TMUX_BIN" ]; then
	echo "tmux not found: end-to-end test skipped"
	exit 77
fi
: "${BRIEFING:?BRIEFING must name the program}"
: "${top_srcdir:?top_srcdir must name the source tree}"

# The briefing made for these tests (tests/fixtures/reader), not the
# bundled one, so that editing the bundled content breaks no test here.
# The tests lean on it as follows; change both together.
# - 12 TOC entries, numbered as the status line does ("section N/12"): 1
#   the overview, 2-7 sections, 8-10 the subsections of 7 ("Tessel's
#   options", long), 11 a section, 12 the timeline, which ends with "The
#   Canal Review.". The title's "Arvenian–Bellish" is found nowhere else.
# - Section 2 starts with "Arvenian" (an alias of Arvenia, a state named
#   in nearly every section), then "Merrow Canal"; section 5's first
#   paragraph starts "Spring 2021 brought the".
# - 4 experts, numbered by first quote: Marsh (quoted twice, last in
#   Tessel's options), Okonjo, Kovac, Aalders.
# - 16 actors of every kind: "Port Calder" named once in the article (in
#   section 4) and in three profiles; "Aurélie Vance" accented, "Henrik
#   Dahl" not; the alias "Brotherhood of the Gates"; "Gravik" in section
#   6 first and in profiles, the last of them Vance's; "(MBC)" from
#   section 2 on. In the overview, "Union as a partner in running the
#   canal" is written over two source lines, and "every week of closure
#   sends it the long way round by sea" on one that wraps on screen.
# - For the reading experience (links.sh and the others after it): Marsh's
#   book, *Locks and Ledgers: Tessel and the River Trade*, names Tessel in
#   emphasis (in section 3 and in her profile); section 2 names the
#   Commission, then "(MBC)", and Bellmark, then "Bellish", in one
#   paragraph each; "Bellmark’s side" (section 11) has a typographic
#   apostrophe, "tonne-mile" (section 4) a hyphen; the Lock Seven
#   failure's alias "Merrow Canal breach" starts with another actor's
#   name. tests/fixtures/problems is a briefing of its own with two
#   broken links.
CONTENT="$top_srcdir/tests/fixtures/reader"
# The sizes the tests of the reading experience run at; dims SIZE sets W
# and H, the columns and rows of a size written COLSxROWS.
SIZES="160x50 100x30 80x24"
dims() {
	W=${1%x*}
	H=${1#*x}
}
# How many actors the fixture has, as the index counts them.
NACTORS=$(ls "$CONTENT/actors" | grep -c '\.md$')
SOCKET="briefing-e2e-$$"
# Seconds a wait may take before the test fails.
DEADLINE=${E2E_DEADLINE:-10}

t() {
	"$TMUX_BIN" -u -L "$SOCKET" -f /dev/null "$@"
}

cleanup() {
	t kill-server >/dev/null 2>&1
}
trap cleanup EXIT
# Killed (make interrupted, or the output's reader gone): exit through
# cleanup too, so that no tmux server is left behind.
trap 'exit 1' HUP INT PIPE TERM

# start COLS ROWS COMMAND: a session "e2e" running COMMAND at that size,
# in place of any before; the pane stays when COMMAND exits, to be seen.
start() {
	# A session that lives until cleanup: killing the last session would
	# end the server while the next one starts.
	t has-session -t keep >/dev/null 2>&1 ||
	    t new-session -d -s keep -x 20 -y 5 cat
	t kill-session -t e2e >/dev/null 2>&1
	t new-session -d -s e2e -x "$1" -y "$2" \
	    "env LC_ALL=${LC_ALL:-C.UTF-8} TERM=screen-256color $3" || {
		echo "FAIL: cannot start tmux"
		exit 1
	}
	t set-option -t e2e remain-on-exit on >/dev/null
}

# start_reader COLS ROWS [ARGS]: the reader on the fixture briefing.
start_reader() {
	start "$1" "$2" "$BRIEFING ${3:-$CONTENT}"
	wait_for "section 1/"
	wait_opened
}

# The experts, the actors and the index are read after the first frame
# (the status line says how far): keys sent before would find them
# missing, so tests wait for the end.
opened() {
	! status_line | grep -q -e 'reading [0-9]*%' -e 'indexing [0-9]*%'
}

wait_opened() {
	poll opened || fail "the briefing was never wholly read"
}

screen() {
	t capture-pane -p -t e2e
}

# Row N (0-based) of the screen.
row() {
	screen | sed -n "$(($1 + 1))p"
}

keys() {
	t send-keys -t e2e "$@"
}

# Literal text, as typed.
type_text() {
	t send-keys -t e2e -l "$1"
}

fail() {
	echo "FAIL: $*"
	echo "---- screen ----"
	screen
	echo "----------------"
	exit 1
}

# poll CMD...: run CMD until it succeeds or the deadline passes.
poll() {
	i=0
	while [ "$i" -lt $((DEADLINE * 20)) ]; do
		if "$@"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

has() {
	screen | grep -F -q -- "$1"
}

hasnt() {
	! has "$1"
}

row_has() {
	row "$1" | grep -F -q -- "$2"
}

row_ends() {
	case "$(row "$1" | sed 's/ *$//')" in
	*"$2")
		return 0
		;;
	esac
	return 1
}

# wait_row_end N TEXT: row N ends with TEXT (the right-hand region).
wait_row_end() {
	poll row_ends "$1" "$2" || fail "row $1 never ended with \"$2\""
}

# wait_for TEXT: TEXT shows somewhere on the screen.
wait_for() {
	poll has "$1" || fail "\"$1\" never showed"
}

# wait_gone TEXT: TEXT is no longer on the screen.
wait_gone() {
	poll hasnt "$1" || fail "\"$1\" stayed on the screen"
}

# wait_row N TEXT: row N shows TEXT.
wait_row() {
	poll row_has "$1" "$2" || fail "row $1 never showed \"$2\""
}

screen_is_not() {
	[ "$(screen)" != "$1" ]
}

# wait_changed SCREEN WHY: the screen is no longer SCREEN, else fail.
wait_changed() {
	poll screen_is_not "$1" || fail "$2"
}

# The screen stops changing: two captures in a row are the same.
settle() {
	prev=""
	i=0
	while [ "$i" -lt $((DEADLINE * 20)) ]; do
		cur="screen:$(screen)"
		if [ "$cur" = "$prev" ]; then
			return 0
		fi
		prev=$cur
		sleep 0.05
		i=$((i + 1))
	done
	fail "the screen never settled"
}

# A pane flag of tmux: alternate_on, mouse_any_flag, keypad_flag...
flag() {
	t display-message -p -t e2e "#{$1}"
}

# The status line: the second row from the bottom.
status_line() {
	screen | tail -n 2 | head -n 1
}

# The text in reverse video in the rows of the screen (with escapes) on
# stdin, pieces on several rows joined by a space. Text both dim and
# reversed is not counted: that is the bar of a pane without the focus.
reversed_text() {
	perl -e '
	    while (<STDIN>) {
		my ($on, $dim, $t) = (0, 0, "");
		for my $tok (split /(\e\[[0-9;]*m)/) {
			if ($tok =~ /^\e\[([0-9;]*)m$/) {
				for my $p (split /;/, $1 eq "" ? "0" : $1) {
					$on = 1 if $p eq "7";
					$dim = 1 if $p eq "2";
					$on = 0 if $p eq "0" || $p eq "27";
					$dim = 0 if $p eq "0" || $p eq "22";
				}
			} elsif ($on && !$dim) {
				$t .= $tok;
			}
		}
		$t =~ s/^\s+|\s+$//g;
		push @s, $t if $t ne "";
	    }
	    print join(" ", @s), "\n";'
}

# The text shown in reverse video above the status line: the selected
# cross-reference (or the current match). With colours, the bar of a
# pane with the focus is not in reverse video, and the bar of one
# without it is dim.
selected_text() {
	t capture-pane -p -e -t e2e | sed '$d' | sed '$d' | reversed_text
}

# The text in reverse video on row N.
row_reversed() {
	t capture-pane -p -e -t e2e | sed -n "$(($1 + 1))p" | reversed_text
}

selected_is() {
	[ "$(selected_text)" = "$1" ]
}

# selected_like PATTERN: the selected text matches a shell pattern.
selected_like() {
	case "$(selected_text)" in
	$1)
		return 0
		;;
	esac
	return 1
}

# tab_to PATTERN: Tab until the selected reference matches PATTERN, a
# shell pattern (plain text matches itself), at most 40 times.
tab_to() {
	n=0
	while ! selected_like "$1"; do
		n=$((n + 1))
		[ "$n" -le 40 ] || fail "Tab never selected \"$1\""
		keys Tab
		settle
	done
}

# The status line has TEXT.
status_has() {
	status_line | grep -F -q -- "$1"
}

wait_status() {
	poll status_has "$1" || fail "the status line never said \"$1\""
}

wait_status_not() {
	poll sh -c "! $TMUX_BIN -u -L $SOCKET capture-pane -p -t e2e |
	    tail -n 2 | head -n 1 | grep -F -q -- '$1'" ||
	    fail "the status line kept \"$1\""
}

# click X Y [BUTTON]: a mouse press and release at a cell, as an xterm
# sends it in normal tracking mode (button 64 and 65: the wheel).
click() {
	_b=${3:-0}
	_seq=$(printf '\\033[M\\%03o\\%03o\\%03o' $((32 + _b)) $((33 + $1)) \
	    $((33 + $2)))
	t send-keys -t e2e -l "$(printf "$_seq")"
	if [ "$_b" -lt 64 ]; then
		_seq=$(printf '\\033[M\\%03o\\%03o\\%03o' 35 $((33 + $1)) \
		    $((33 + $2)))
		t send-keys -t e2e -l "$(printf "$_seq")"
	fi
}

# start_shell COLS ROWS: a shell with the prompt "e2e$ " at that size.
start_shell() {
	start "$1" "$2" "env PS1='e2e\$ ' sh"
	wait_for 'e2e$'
}

# The reader's process: the shell's child (from /proc: procps may be absent).
reader_pid() {
	shell=$(flag pane_pid)
	pid=
	for stat in /proc/[0-9]*/stat; do
		read -r p comm state ppid rest 2>/dev/null < "$stat" || continue
		[ "$ppid" = "$shell" ] && pid=$p
	done
	[ -n "$pid" ] || fail "no reader process"
	echo "$pid"
}

# run_reader: start the reader on the fixture briefing from the shell.
run_reader() {
	keys "clear; $BRIEFING $CONTENT" Enter
	wait_for "section 1/"
	wait_opened
	[ "$(flag alternate_on)" = 1 ] || fail "no alternate screen while reading"
}

# shell_sane WHAT: the reader is gone, the prompt is back and no mode is
# left on (alternate screen, mouse, keypad, hidden cursor, raw tty).
shell_sane() {
	wait_for 'e2e$'
	wait_gone "section 1/"
	[ "$(flag alternate_on)" = 0 ] || fail "$1: alternate screen left on"
	[ "$(flag mouse_any_flag)" = 0 ] || fail "$1: mouse left on"
	[ "$(flag keypad_cursor_flag)" = 0 ] || fail "$1: keypad left on"
	[ "$(flag cursor_flag)" = 1 ] || fail "$1: cursor left hidden"
	keys "clear; stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo -e isig | tr '\\n' ' '; echo =done" Enter
	wait_for "isig icanon echo =done"
}

# The n of "match i of n": the article's matches.
match_total() {
	status_line | sed -n 's/.*match [0-9]* of \([0-9]*\).*/\1/p'
}

# The k of "· k more in profiles"; 0 when the status line says none.
profile_total() {
	k=$(status_line | sed -n 's/.* \([0-9]*\) more in profiles.*/\1/p')
	echo "${k:-0}"
}

# n_and_N N K: from the first of the article's N matches (K more in
# profiles), n goes to the second, N back to the first, and N again
# goes round to the last: the profiles' last when there are any.
n_and_N() {
	keys n
	wait_status "match 2 of $1"
	keys N
	wait_status "match 1 of $1"
	keys N
	if [ "${2:-0}" -gt 0 ]; then
		wait_status "match $2 of $2 in profiles (search wrapped)"
	else
		wait_status "match $1 of $1 (search wrapped)"
	fi
}

# The prompt of / is open on the last row.
prompt_open() {
	case "$(screen | tail -n 1)" in
	/*)
		return 0
		;;
	esac
	return 1
}

prompt_closed() {
	! prompt_open
}

last_row_has() {
	screen | tail -n 1 | grep -F -q -- "$1"
}

# search_for PATTERN: / and the pattern, seen on the prompt, then Enter.
# Opening the prompt clears the status message: the next one is new.
search_for() {
	keys /
	poll prompt_open || fail "/ opened no prompt"
	type_text "$1"
	poll last_row_has "$1" || fail "the prompt never showed \"$1\""
	keys Enter
	poll prompt_closed || fail "Enter left the prompt open"
}

# Perl shared by the captures below. sgr(\%a, PARAMS) applies one SGR
# escape's parameters to the attributes in %a; akey(\%a) names them in
# words ("bold underline fg=36", "plain"), the same however tmux spells
# its escapes; cells(LINE, \%a) is the line's characters and, for each,
# the name of its attributes (%a carries over from line to line, as the
# terminal's state does).
SGR_PERL='
my %aname = (1 => "bold", 2 => "dim", 3 => "italic", 4 => "underline",
    5 => "blink", 7 => "reverse", 8 => "hidden", 9 => "strike");
sub sgr {
	my ($a, $params) = @_;
	my @p = split /;/, $params eq "" ? "0" : $params;
	while (@p) {
		my $p = shift @p;
		if ($p == 0) { %$a = (); }
		elsif ($p == 38 || $p == 48) {
			my $k = $p == 38 ? "fg" : "bg";
			my $m = shift @p;
			$a->{$k} = $m == 5 ? "5:" . shift(@p) :
			    "2:" . join(":", splice(@p, 0, 3));
		}
		elsif ($p == 39) { delete $a->{fg}; }
		elsif ($p == 49) { delete $a->{bg}; }
		elsif ($p >= 30 && $p <= 37 || $p >= 90 && $p <= 97) {
			$a->{fg} = $p;
		}
		elsif ($p >= 40 && $p <= 47 || $p >= 100 && $p <= 107) {
			$a->{bg} = $p;
		}
		elsif ($p == 22) { delete @$a{"1", "2"}; }
		elsif ($p >= 23 && $p <= 29) { delete $a->{$p - 20}; }
		else { $a->{$p} = 1; }
	}
}
sub akey {
	my $a = shift;
	my @w = sort map { exists $aname{$_} ? $aname{$_} : "$_=$a->{$_}" }
	    keys %$a;
	return @w ? join(" ", @w) : "plain";
}
sub cells {
	my ($line, $a) = @_;
	my (@c, @k);
	for my $tok (split /(\e\[[0-9;]*m)/, $line) {
		if ($tok =~ /^\e\[([0-9;]*)m$/) {
			sgr($a, $1);
			next;
		}
		for my $ch (split //, $tok) {
			push @c, $ch;
			push @k, akey($a);
		}
	}
	return (\@c, \@k);
}
'

# on_cells PERL [ARG]: PERL run for each row of the screen, top to
# bottom, with @$c the row's characters, @$k the names of their
# attributes (see cells) and $want the argument.
on_cells() {
	t capture-pane -p -e -t e2e | perl -CSA -e "$SGR_PERL"'
	    my ($want, %a) = (shift @ARGV);
	    while (my $line = <STDIN>) {
		chomp $line;
		my ($c, $k) = cells($line, \%a);' -e "$1" -e '}' "${2:-}"
}

# The screen cell by cell: each row's characters, each run of them after
# the attributes it is drawn with (bold, underline, reverse, colours), so
# that two screens compare equal when they look the same, however tmux
# spells their escapes.
screen_cells() {
	on_cells '
		my ($out, $last) = ("", "");
		for my $i (0 .. $#$c) {
			$out .= "{$k->[$i]}" if $k->[$i] ne $last;
			$last = $k->[$i];
			$out .= $c->[$i];
		}
		print "$out\n";'
}

# text_attrs TEXT: for each place on the screen that shows TEXT, left to
# right and top to bottom, the attributes its characters other than
# spaces are drawn with, in words ("bold fg=33"), or "mixed" when they
# differ; one line each.
text_attrs() {
	on_cells '
		my ($s, $at) = (join("", @$c), 0);
		while (($at = index($s, $want, $at)) >= 0) {
			my %seen;
			for my $i ($at .. $at + length($want) - 1) {
				$seen{$k->[$i]} = 1 if $c->[$i] ne " ";
			}
			my @u = keys %seen;
			print @u == 1 ? $u[0] : "mixed", "\n";
			$at += length $want;
		}' "$1"
}

# has_attrs TEXT ATTRS: some place on the screen shows TEXT drawn with
# exactly ATTRS (as text_attrs names them).
has_attrs() {
	text_attrs "$1" | grep -F -x -q -- "$2"
}

# wait_attrs TEXT ATTRS: TEXT shows drawn with ATTRS.
wait_attrs() {
	poll has_attrs "$1" "$2" ||
	    fail "\"$1\" never showed as $2 (it shows as: $(text_attrs "$1" |
	    tr '\n' ';'))"
}

# The labels of link hints on the screen (black on yellow), in reading
# order; with an argument TEXT, only those over the start of TEXT: a
# label covers the first letters of its reference.
hint_labels() {
	on_cells '
		my $s = join("", @$c);
		for (my $i = 0; $i < @$c; $i++) {
			next unless $k->[$i] =~ /bg=43/;
			my $j = $i;
			$j++ while $j < @$c && $k->[$j] eq $k->[$i];
			my $label = substr($s, $i, $j - $i);
			print "$label\n" if $want eq "" ||
			    length($want) > length($label) &&
			    substr($s, $i, length $want) eq
			    $label . substr($want, length $label);
			$i = $j - 1;
		}' "${1:-}"
}

screen_cells_is() {
	[ "$(screen_cells)" = "$1" ]
}

# scribble: clear the terminal and write a word, as another program
# would; the reader does not know.
scribble() {
	printf '\033[2J\033[HSCRIBBLED' >"$(flag pane_tty)"
	wait_for "SCRIBBLED"
}

# redraws WHAT: the screen as it is now comes back whole after a
# scribble and ^L.
redraws() {
	settle
	before=$(screen_cells)
	scribble
	keys C-l
	poll screen_cells_is "$before" || fail "$1: ^L did not redraw the screen"
}
