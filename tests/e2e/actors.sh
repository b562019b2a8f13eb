#!/bin/sh
# The actor index: every actor, filtering as you type (case and accents
# ignored, aliases too), Enter opens the actor's view.
. "$top_srcdir/tests/lib.sh"

for size in "160 50" "100 30" "60 20"; do
	set -- $size
	start_reader "$1" "$2"
	keys a
	wait_for "Actor index"
	wait_for "$NACTORS of $NACTORS actors"
	# Upper case and an accent the name does not have: still found.
	type_text "DÄH"
	wait_for "1 of $NACTORS actors"
	wait_for "Henrik Dahl"
	keys BSpace BSpace BSpace
	wait_for "$NACTORS of $NACTORS actors"
	# An accent the name has, typed without it.
	type_text "aurelie"
	wait_for "1 of $NACTORS actors"
	wait_for "Aurélie Vance"
	keys C-u
	wait_for "$NACTORS of $NACTORS actors"
	# An alias: the "Brotherhood of the Gates" is the Lock Keepers' Union.
	type_text "brotherhood"
	wait_for "1 of $NACTORS actors"
	wait_for "Lock Keepers' Union"
	keys Enter
	wait_gone "Actor index"
	wait_for "Actor · group"
	wait_row 1 "Lock Keepers' Union"
	keys Escape
	wait_gone "Actor · group"

	# Nothing matches: the index says so; Esc closes it.
	keys a
	type_text "zzzz"
	wait_for "No actor matches."
	keys Escape
	wait_gone "Actor index"
done
exit 0
