#!/bin/sh
# Resizing from 160x50 to 60x20 and back: the text is laid out again, the
# same paragraph stays at the top; below 40x12 a message, and back.
. "$top_srcdir/tests/lib.sh"

start_reader 160 50
keys ']' ']' ']' ']' ']'
wait_row 0 "│ The 2021 flood at Lock Seven"
# Down to the first line of the section's first paragraph.
keys j j j
settle
first=$(row 0 | sed 's/^.*│ //' | cut -d' ' -f1-4)
[ "$first" = "Spring 2021 brought the" ] ||
    fail "not the paragraph's first line at the top: \"$first\""

t resize-window -t e2e -x 60 -y 20
wait_gone "Contents"
wait_row 0 "$first"
status_line | grep -q "section 5/12" || fail "section lost at 60x20"

t resize-window -t e2e -x 160 -y 50
wait_for "Contents"
wait_row 0 "│ $first"

# Too small, then back.
t resize-window -t e2e -x 30 -y 10
wait_for "Terminal too small"
t resize-window -t e2e -x 1 -y 1
settle
t resize-window -t e2e -x 100 -y 30
wait_for "Contents"
wait_row 0 "$first"
keys q
exit 0
