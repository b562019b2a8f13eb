#!/bin/sh
# Quitting leaves the terminal as it was: q, SIGINT, SIGTERM, and SIGTSTP
# then fg, run from a shell; the prompt comes back and no mode is left on
# (alternate screen, mouse, keypad, hidden cursor, raw tty).
. "$top_srcdir/tests/lib.sh"

start 100 30 "env PS1='e2e\$ ' sh"
wait_for 'e2e$'

# run KEYS...: start the reader from the shell.
run() {
	keys "clear; $BRIEFING $CONTENT" Enter
	wait_for "section 1/12"
	[ "$(flag alternate_on)" = 1 ] || fail "no alternate screen while reading"
}

# The prompt is back and every mode is off.
sane() {
	wait_for 'e2e$'
	wait_gone "section 1/12"
	[ "$(flag alternate_on)" = 0 ] || fail "$1: alternate screen left on"
	[ "$(flag mouse_any_flag)" = 0 ] || fail "$1: mouse left on"
	[ "$(flag keypad_cursor_flag)" = 0 ] || fail "$1: keypad left on"
	[ "$(flag cursor_flag)" = 1 ] || fail "$1: cursor left hidden"
	keys "clear; stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo -e isig | tr '\\n' ' '; echo =done" Enter
	wait_for "isig icanon echo =done"
}

run
keys q
sane "q"

run
keys C-c
sane "SIGINT"

run
# The reader is the shell's child (from /proc: procps may be absent).
shell=$(flag pane_pid)
pid=
for stat in /proc/[0-9]*/stat; do
	read -r p comm state ppid rest < "$stat" 2>/dev/null || continue
	[ "$ppid" = "$shell" ] && pid=$p
done
[ -n "$pid" ] || fail "no reader process"
kill -TERM "$pid"
sane "SIGTERM"

run
keys C-z
wait_for 'e2e$'
[ "$(flag alternate_on)" = 0 ] || fail "SIGTSTP: alternate screen left on"
keys "fg" Enter
wait_for "section 1/12"
keys ']' ']'
wait_row 0 "The attack and who claimed it"
keys q
sane "SIGTSTP then fg"
exit 0
