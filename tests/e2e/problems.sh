#!/bin/sh
# A briefing with problems (tests/fixtures/problems: a link to an actor
# and one to an expert that do not exist) says so on the status line
# when it opens, until the next key, and again once the reader quits.
# At 160x50, 100x30 and 80x24.
. "$top_srcdir/tests/lib.sh"

BROKEN="$top_srcdir/tests/fixtures/problems"
n=$("$BRIEFING" --check "$BROKEN" | grep -c ": error: ")
[ "$n" = 2 ] || fail "briefing --check finds $n errors in the fixture, not 2"

for size in $SIZES; do
	dims "$size"
	start_shell "$W" "$H"
	keys "clear; $BRIEFING $BROKEN" Enter
	wait_status "$n errors in this briefing: briefing --check lists them"
	# The text is read all the same, the broken links as plain words.
	wait_for "Harbour Board."
	wait_for "Mara Lind,"
	keys j
	wait_status_not "errors in"
	keys q
	wait_for 'e2e$'
	wait_for "briefing: $n errors in this briefing; 'briefing --check"
done

# The fixture of the other tests has none: nothing said.
start_reader 100 30
wait_status "Overview"
status_has "error" && fail "errors said of a clean briefing"
exit 0
