#!/bin/sh
# The expert pane: digits, e, Esc, and Enter on a quote.
. "$top_srcdir/tests/lib.sh"

for size in "160 50" "100 30" "60 20"; do
	set -- $size
	start_reader "$1" "$2"
	wait_for "section 1/12"

	# Digits show the experts in the order of their first quote.
	keys 1
	wait_for "Expert 1 of 4"
	wait_row_end 1 "Helena Marsh"
	keys 2
	wait_for "Expert 2 of 4"
	wait_row_end 1 "David Okonjo"
	keys 4
	wait_for "Expert 4 of 4"
	wait_row_end 1 "Pieter Aalders"
	keys 5
	wait_for "No expert 5: experts go from 1 to 4"

	# e hides the pane, and shows the same expert again.
	keys e
	wait_gone "Expert 4 of 4"
	keys e
	wait_for "Expert 4 of 4"
	keys Escape
	wait_gone "Expert 4 of 4"
	wait_for "section 1/12"
done

# Enter on a quote jumps to it in the article; Backspace comes back.
start_reader 160 50
keys 1
wait_for "Expert 1 of 4"
# ] in an expert's pane goes through her quotes: the second one is in
# Tessel's options.
keys ']' ']' Enter
wait_status "section 7/12"
# The quoted words are on the screen, in the article column.
screen | grep -q "│ │ \"There is a tangle of old debts" ||
    fail "no quote in the article"
# Back: the pane again, with the focus, and the status line says so.
keys BSpace
wait_for "Expert 1 of 4"
wait_status "pane  "
exit 0
