#!/bin/sh
# Following cross-references and coming back with Backspace: an actor in
# the article, a mention in an actor's view, and forward again with f.
. "$top_srcdir/tests/lib.sh"

start_reader 160 50
keys ']' ']'
wait_row 0 "│ The attack and who claimed it"
# The first reference on screen is "Russian", the adjective of Russia.
keys Tab Enter
wait_for "Actor · state"
wait_for "state · also known as Moscow"
# Back: the pane closes, the article is where it was.
keys BSpace
wait_gone "Actor · state"
wait_row 0 "│ The attack and who claimed it"
# Forward again.
keys f
wait_for "Actor · state"
keys BSpace
wait_gone "Actor · state"

# A mention in an actor's view leads into the article, to the line that
# names the actor, with the name selected.
keys a
type_text "doha"
wait_for "1 of $NACTORS actors"
keys Enter
wait_for "Actor · place"
tab_to "• ISIS-K beyond Afghanistan since August 2021: …with the United States in Doha and their dealings with Chinese…"
keys Enter
wait_status "section 4/12"
poll selected_is "Doha" || fail "the mention is not selected"
keys BSpace
wait_for "Actor · place"
keys BSpace
wait_gone "Actor · place"
wait_row 0 "│ The attack and who claimed it"

# Narrower, the actor's view covers the article; Backspace shows the
# article again, where it was.
for size in "100 30" "60 20"; do
	set -- $size
	start_reader "$1" "$2"
	keys ']' ']' Tab Enter
	wait_for "Actor · state"
	wait_row_end 1 "Russia"
	keys BSpace
	wait_gone "Actor · state"
	wait_row 0 "The attack and who claimed it"
done
exit 0
