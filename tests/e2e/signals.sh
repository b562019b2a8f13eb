#!/bin/sh
# Every way out leaves the terminal as it found it (the modes saved with
# stty -g before are the modes after), with the exit status a shell
# expects: 0 for q, 128 + the signal for SIGINT, SIGQUIT (^\), SIGTERM
# and SIGHUP; and for a fatal signal (SIGSEGV, SIGABRT, SIGBUS, SIGFPE)
# the terminal is restored before the process dies of it. A byte that is
# no character does not wedge the keys after it.
. "$top_srcdir/tests/lib.sh"

start_shell 100 30
keys "saved=\$(stty -g)" Enter

# gone_with WHAT STATUS: the reader ended with STATUS, and the terminal's
# modes are the ones saved before it started.
gone_with() {
	shell_sane "$1"
	keys "clear; echo status=\$st; [ \"\$(stty -g)\" = \"\$saved\" ] && echo same=modes" Enter
	wait_for "status=$2"
	wait_for "same=modes"
}

# The reader from the shell, its exit status kept in $st.
run() {
	keys "clear; $BRIEFING $CONTENT; st=\$?" Enter
	wait_for "section 1/"
	wait_opened
}

run
keys q
gone_with "q" 0

run
keys C-c
gone_with "SIGINT" 130

run
keys 'C-\'
gone_with "SIGQUIT" 131

run
kill -TERM "$(reader_pid)"
gone_with "SIGTERM" 143

run
kill -HUP "$(reader_pid)"
gone_with "SIGHUP" 129

# Fatal: the terminal restored by the last-resort handler, the process
# dead of the signal all the same.
run
kill -SEGV "$(reader_pid)"
gone_with "SIGSEGV" 139
run
kill -ABRT "$(reader_pid)"
gone_with "SIGABRT" 134
run
kill -BUS "$(reader_pid)"
gone_with "SIGBUS" 135
run
kill -FPE "$(reader_pid)"
gone_with "SIGFPE" 136

# A Latin-1 "é" (the byte 0xE9) typed into the UTF-8 reader: said, and
# the keys after it still work.
run
t send-keys -t e2e -H e9
wait_status "Not a valid character"
keys ']' ']'
wait_status "section 2/"
# Right behind it, in one write, q still quits.
t send-keys -t e2e -H e9 71
gone_with "q right after an invalid byte" 0
exit 0
