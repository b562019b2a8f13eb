#!/bin/sh
# Following cross-references and coming back with Backspace: an actor in
# the article, a mention in an actor's view, and forward again with f; a
# new jump after Backspace drops the forward list.
. "$top_srcdir/tests/lib.sh"

start_reader 160 50
keys ']' ']'
wait_row 0 "│ The closure and who ordered it"
# The first reference on screen is "Arvenian", the adjective of Arvenia.
keys Tab Enter
wait_for "Actor · state"
wait_for "state · also known as Tessel"
# Back: the pane closes, the article is where it was.
keys BSpace
wait_gone "Actor · state"
wait_row 0 "│ The closure and who ordered it"
# Forward again.
keys F
wait_for "Actor · state"
keys BSpace
wait_gone "Actor · state"

# A new jump after Backspace drops the forward list: F has nowhere to
# go, and after Backspace it goes to the new jump, not to Arvenia.
poll selected_is "Arvenian" || fail "Backspace lost the selection"
keys Tab
poll selected_is "Merrow Canal" || fail "Tab did not select the canal"
keys Enter
wait_for "Actor · place"
wait_row_end 1 "Merrow Canal"
keys F
wait_status "Nothing to go forward to"
wait_row_end 1 "Merrow Canal"
keys BSpace
wait_gone "Actor · place"
poll selected_is "Merrow Canal" || fail "Backspace lost the selection"
keys F
wait_for "Actor · place"
wait_row_end 1 "Merrow Canal"
keys BSpace
wait_gone "Actor · place"

# A mention in an actor's view leads into the article, to the line that
# names the actor, with the name selected.
keys a
type_text "calder"
wait_for "1 of $NACTORS actors"
keys Enter
wait_for "Actor · place"
tab_to "• …with Arvenian ministers in Port Calder and its dealings with the…"
keys Enter
wait_status "section 4/12"
poll selected_is "Port Calder" || fail "the mention is not selected"
keys BSpace
wait_for "Actor · place"
keys BSpace
wait_gone "Actor · place"
wait_row 0 "│ The closure and who ordered it"

# Narrower, the actor's view covers the article; Backspace shows the
# article again, where it was.
for size in "100 30" "60 20"; do
	set -- $size
	start_reader "$1" "$2"
	keys ']' ']' Tab Enter
	wait_for "Actor · state"
	wait_row_end 1 "Arvenia"
	keys BSpace
	wait_gone "Actor · state"
	wait_row 0 "The closure and who ordered it"
done
exit 0
