#!/bin/sh
# Quitting leaves the terminal as it was: q, SIGINT, SIGTERM, and SIGTSTP
# then fg, run from a shell; the prompt comes back and no mode is left on
# (alternate screen, mouse, keypad, hidden cursor, raw tty).
. "$top_srcdir/tests/lib.sh"

start_shell 100 30

run_reader
keys q
shell_sane "q"

run_reader
keys C-c
shell_sane "SIGINT"

run_reader
kill -TERM "$(reader_pid)"
shell_sane "SIGTERM"

run_reader
keys C-z
wait_for 'e2e$'
[ "$(flag alternate_on)" = 0 ] || fail "SIGTSTP: alternate screen left on"
keys "fg" Enter
wait_for "section 1/12"
keys ']' ']'
wait_row 0 "The closure and who ordered it"
keys q
shell_sane "SIGTSTP then fg"

# Markdown on a pipe, as less reads it: the text from standard input,
# the keys from the terminal.
keys "clear; printf '# Piped notes\\n\\nFirst part.\\n\\n## Second part\\n\\nMore.\\n' | $BRIEFING -" Enter
wait_for "section 2/2  END"
has "Piped notes" || fail "stdin: the piped title is not shown"
has "First part." || fail "stdin: the piped text is not shown"
keys '?'
wait_for "Keys · q or Esc closes"
keys q
wait_gone "Keys · q or Esc closes"
keys q
shell_sane "stdin"
exit 0
