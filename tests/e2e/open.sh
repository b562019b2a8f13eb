#!/bin/sh
# Opening the fixture briefing; next and previous section; the TOC.
. "$top_srcdir/tests/lib.sh"

# 160x50: TOC, article, status and hint lines.
start_reader 160 50
wait_for "The Merrow Canal closure"
wait_for "q quit"
status_line | grep -q "section 1/12" || fail "status lacks section 1/12"

keys ']'
wait_row 0 "│ Overview"
keys ']'
wait_row 0 "│ The closure and who ordered it"
status_line | grep -q "section 2/12" || fail "status lacks section 2/12"
keys ']'
wait_row 0 "│ Why the river states need the canal"
keys '['
wait_row 0 "│ The closure and who ordered it"

# The TOC: t (its cursor on the current section), down five entries to
# Tessel's options, Enter opens it.
keys t
for i in 1 2 3 4 5; do
	keys j
done
keys Enter
wait_row 0 "│ Tessel's options"
status_line | grep -q "section 7/12" || fail "status lacks section 7/12"
# The current section is marked in the TOC.
screen | grep -q "▸ Tessel's options" || fail "TOC does not mark the section"

# The mouse: a click on a TOC entry opens it; the wheel scrolls.
click 3 5
wait_row 0 "│ The 2021 flood at Lock Seven"
click 60 10 65
wait_row 0 "│ Spring 2021 brought"

# End and Home.
keys End
wait_status "END"
keys Home
wait_row 0 "│ The Merrow Canal closure and"
keys q

# 100x30: the TOC stays beside the article.
start_reader 100 30
wait_for "Contents"
keys ']' ']'
wait_row 0 "The closure and who ordered it"

# 60x20: no TOC until t, which covers the article.
start 60 20 "$BRIEFING $CONTENT"
wait_for "section 1/12"
hasnt "Contents" || fail "TOC shown at 60 columns"
keys ']' ']'
wait_row 0 "The closure and who ordered it"
keys t
wait_for "Contents"
keys j Enter
wait_gone "Contents"
wait_row 0 "Why the river states need"
exit 0
