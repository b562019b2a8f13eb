#!/bin/sh
# Opening the bundled briefing; next and previous section; the TOC.
. "$top_srcdir/tests/lib.sh"

# 160x50: TOC, article, status and hint lines.
start_reader 160 50
wait_for "The Crocus City Hall attack"
wait_for "q quit"
status_line | grep -q "section 1/12" || fail "status lacks section 1/12"

keys ']'
wait_row 0 "│ Overview"
keys ']'
wait_row 0 "│ The attack and who claimed it"
status_line | grep -q "section 2/12" || fail "status lacks section 2/12"
keys ']'
wait_row 0 "│ Why jihadists count Russia as an enemy"
keys '['
wait_row 0 "│ The attack and who claimed it"

# The TOC: t (its cursor on the current section), down five entries to
# Moscow's options, Enter opens it.
keys t
for i in 1 2 3 4 5; do
	keys j
done
keys Enter
wait_row 0 "│ Moscow's options"
status_line | grep -q "section 7/12" || fail "status lacks section 7/12"
# The current section is marked in the TOC.
screen | grep -q "▸ Moscow's options" || fail "TOC does not mark the section"

# The mouse: a click on a TOC entry opens it; the wheel scrolls.
click 3 5
wait_row 0 "│ The 2022 attack on Russia's embassy in Kabul"
click 60 10 65
wait_row 0 "│ September 2022 brought"

# End and Home.
keys End
wait_status "100%"
keys Home
wait_row 0 "│ The Crocus City Hall attack and"
keys q

# 100x30: the TOC stays beside the article.
start_reader 100 30
wait_for "Contents"
keys ']' ']'
wait_row 0 "The attack and who claimed it"

# 60x20: no TOC until t, which covers the article.
start 60 20 "$BRIEFING $CONTENT"
wait_for "section 1/12"
hasnt "Contents" || fail "TOC shown at 60 columns"
keys ']' ']'
wait_row 0 "The attack and who claimed it"
keys t
wait_for "Contents"
keys j Enter
wait_gone "Contents"
wait_row 0 "Why jihadists count Russia"
exit 0
