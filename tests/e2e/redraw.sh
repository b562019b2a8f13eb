#!/bin/sh
# ^L redraws the whole screen: after something else wrote over the
# terminal (here: a clear and a word written straight to the pane's tty,
# behind the reader's back), ^L gives back the screen exactly as it was,
# colours and reverse video too. In the article with the TOC and a pane,
# in each mode that has its own keys (actor index, search prompt, help),
# and at 60x20.
. "$top_srcdir/tests/lib.sh"

start_reader 160 50
keys ']' ']' 1
wait_for "Expert 1 of 4"
redraws "the article with the TOC and the expert pane"

keys a
wait_for "$NACTORS of $NACTORS actors"
type_text "calder"
wait_for "1 of $NACTORS actors"
redraws "the actor index"
keys Escape
wait_gone "Actor index"

keys /
poll prompt_open || fail "/ opened no prompt"
type_text "Gravik"
poll last_row_has "Gravik" || fail "the prompt never showed \"Gravik\""
redraws "the search prompt"
# ^L did not end the prompt: Enter still searches.
keys Enter
wait_status "match "

keys '?'
wait_for "Keys · q or Esc closes"
redraws "the help"
keys q
wait_gone "Keys · q or Esc closes"

start_reader 60 20
redraws "the article at 60x20"
exit 0
