#!/bin/sh
# ^L redraws a window too small to read in as well: the message that says
# so comes back after something else wrote over the terminal. (Known to
# fail: a too-small window reads only q; see XFAIL_TESTS in Makefile.am.)
. "$top_srcdir/tests/lib.sh"

start_reader 60 20
t resize-window -t e2e -x 30 -y 10
wait_for "Terminal too small"
# A redraw takes milliseconds: a known failure need not cost ten seconds.
DEADLINE=3
redraws "a window too small"
exit 0
