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
CONTENT="$top_srcdir/tests/fixtures/reader"
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
# stdin, pieces on several rows joined by a space.
reversed_text() {
	perl -e '
	    while (<STDIN>) {
		my ($on, $t) = (0, "");
		for my $tok (split /(\e\[[0-9;]*m)/) {
			if ($tok =~ /^\e\[([0-9;]*)m$/) {
				for my $p (split /;/, $1 eq "" ? "0" : $1) {
					$on = 1 if $p eq "7";
					$on = 0 if $p eq "0" || $p eq "27";
				}
			} elsif ($on) {
				$t .= $tok;
			}
		}
		$t =~ s/^\s+|\s+$//g;
		push @s, $t if $t ne "";
	    }
	    print join(" ", @s), "\n";'
}

# The text shown in reverse video between the top row (the pane's bar)
# and the status line: the selected cross-reference.
selected_text() {
	t capture-pane -p -e -t e2e | sed '1d;$d' | sed '$d' | reversed_text
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

# run_reader: start the reader on the fixture briefing from the shell.
run_reader() {
	keys "clear; $BRIEFING $CONTENT" Enter
	wait_for "section 1/"
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

# The screen cell by cell: each row's characters, each run of them after
# the attributes it is drawn with (bold, underline, reverse, colours), so
# that two screens compare equal when they look the same, however tmux
# spells their escapes.
screen_cells() {
	t capture-pane -p -e -t e2e | perl -CS -ne '
	    BEGIN { %a = (); }
	    chomp;
	    my ($out, $last) = ("", "");
	    for my $tok (split /(\e\[[0-9;]*m)/) {
		if ($tok =~ /^\e\[([0-9;]*)m$/) {
			my @p = split /;/, $1 eq "" ? "0" : $1;
			while (@p) {
				my $p = shift @p;
				if ($p == 0) { %a = (); }
				elsif ($p == 38 || $p == 48) {
					my $k = $p == 38 ? "fg" : "bg";
					my $m = shift @p;
					$a{$k} = $m == 5 ? "5:" . shift(@p) :
					    "2:" . join(":", splice(@p, 0, 3));
				}
				elsif ($p == 39) { delete $a{fg}; }
				elsif ($p == 49) { delete $a{bg}; }
				elsif ($p >= 30 && $p <= 37 || $p >= 90 && $p <= 97) {
					$a{fg} = $p;
				}
				elsif ($p >= 40 && $p <= 47 || $p >= 100 && $p <= 107) {
					$a{bg} = $p;
				}
				elsif ($p == 22) { delete @a{"1", "2"}; }
				elsif ($p >= 23 && $p <= 29) { delete $a{$p - 20}; }
				else { $a{$p} = 1; }
			}
			next;
		}
		for my $c (split //, $tok) {
			my $s = join(",", map { "$_=$a{$_}" } sort keys %a);
			$out .= "{$s}" if $s ne $last;
			$last = $s;
			$out .= $c;
		}
	    }
	    print "$out\n";'
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
