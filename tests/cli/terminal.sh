#!/bin/sh
# What reaches a terminal, read byte by byte from a pseudo-terminal
# (tests/ptyrun): plain text and one line on stderr when the terminal
# cannot show the reader (TERM dumb, unknown or unset); --dump's width
# from the terminal; colours on a terminal that has them.
. "${top_srcdir:-.}/tests/cli/common.sh"
PTYRUN=${PTYRUN:-$(dirname "$B")/tests/ptyrun}
[ -x "$PTYRUN" ] || { echo "tests/ptyrun not built"; exit 99; }
cd "$top_srcdir" || exit 99
MINI=tests/golden/cases/mini

# pty COLS COMMAND...: COMMAND on a COLS x 24 terminal; the terminal's
# bytes in $tmp/tty, stderr in $tmp/err.
pty() {
	cols=$1
	shift
	"$PTYRUN" "$cols" 24 sh -c 'exec "$@" 2>"$0"' "$tmp/err" env -u COLUMNS "$@" \
	    >"$tmp/tty"
}

no_esc() {
	lacks_byte "$tmp/tty" 033
}

# fallback NAME ENV MESSAGE: ENV is how env(1) sets TERM.
fallback() {
	pty 80 env $2 "$B" "$MINI"
	check "$1: exit 0" test $? = 0
	check "$1: the text" grep -q 'River Dispute' "$tmp/tty"
	check "$1: no escape byte" no_esc
	check "$1: one line on stderr" test "$(wc -l <"$tmp/err")" -eq 1
	check "$1: says why" grep -qxF "briefing: $3; printing the text" "$tmp/err"
}
fallback dumb TERM=dumb "terminal 'dumb' cannot show the reader"
fallback unknown TERM=nosuchterm "terminal 'nosuchterm' is unknown"
fallback unset "-u TERM" "TERM is not set"
# A terminal type with an escape in its name is named safely.
pty 80 env TERM="$(printf 'x\033]0;owned\007')" "$B" "$MINI"
check "TERM with escapes: no escape on stderr" lacks_byte "$tmp/err" 033

# --dump on a terminal: the terminal's width; COLUMNS and --width first.
widest() {
	uncr "$tmp/tty" | wc -L
}
pty 120 env TERM=xterm-256color "$B" --dump --color=never "$MINI"
check "--dump on a 120-column terminal: wider than 80" test "$(widest)" -gt 80
check "--dump on a 120-column terminal: at most 120" test "$(widest)" -le 120
pty 120 env TERM=xterm-256color "$B" --dump --color=never --width 50 "$MINI"
check "--width beats the terminal" test "$(widest)" -le 50
pty 120 env TERM=xterm-256color COLUMNS=60 "$B" --dump --color=never "$MINI"
check "COLUMNS beats the terminal" test "$(widest)" -le 60
pty 120 env TERM=xterm-256color COLUMNS=60 "$B" --dump --color=never --width 100 "$MINI"
check "--width beats COLUMNS" test "$(widest)" -gt 60

# Colours: auto on a colour terminal; not with NO_COLOR, never, or dumb.
pty 80 env TERM=xterm-256color "$B" --dump "$MINI"
check "--dump, colour terminal: SGR codes" has_byte "$tmp/tty" 033
pty 80 env TERM=xterm-256color NO_COLOR=1 "$B" --dump "$MINI"
check "--dump, NO_COLOR: no escape" no_esc
pty 80 env TERM=xterm-256color "$B" --dump --color=never "$MINI"
check "--dump --color=never: no escape" no_esc
pty 80 env TERM=dumb "$B" --dump "$MINI"
check "--dump, TERM=dumb: no escape" no_esc
pty 80 env TERM=vt100 "$B" --dump "$MINI"
check "--dump, terminal without colours: no escape" no_esc

# The reader under a locale that is not UTF-8: every byte it sends is
# ASCII (frames, bullets, the TOC's marker and content alike), and an
# 8-bit terminal sees no C1 control.
PTYRUN_KEYS=q pty 100 env LC_ALL=C TERM=xterm-256color PTYRUN_KEYS= \
    "$B" "$MINI"
check "reader, LC_ALL=C: q quits" test $? = 0
check "reader, LC_ALL=C: drew the article" grep -a -q 'River' "$tmp/tty"
check "reader, LC_ALL=C: ASCII only" all_ascii "$tmp/tty"
# The TOC's marker of the current section, once escape sequences are out.
marker_shown() {
	LC_ALL=C sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/\x1b[()][0B]//g' "$tmp/tty" |
	    grep -a -q '> Overview'
}
check "reader, LC_ALL=C: the TOC's marker as >" marker_shown
PTYRUN_KEYS=q pty 100 env LC_ALL=C.UTF-8 TERM=xterm-256color PTYRUN_KEYS= \
    "$B" "$MINI"
check "reader, C.UTF-8: frames in UTF-8" has_high_byte "$tmp/tty"

# Several bundled briefings and no PATH: the reader says which one opens.
mkdir "$tmp/two"
cp -R "$MINI" "$tmp/two/a-first"
cp -R "$MINI" "$tmp/two/b-second"
PTYRUN_KEYS=q pty 100 env TERM=xterm-256color BRIEFING_CONTENT="$tmp/two" \
    PTYRUN_KEYS= "$B"
check "reader: q quits" test $? = 0
check "reader: says which briefing opens" grep -qxF "briefing: opening 'a-first', the first of 2 briefings; 'briefing --list' names them" "$tmp/err"
check "reader: and its status line says it" grep -aqF "'a-first', the first of 2 briefings: 'briefing --list' names them" "$tmp/tty"
finish
