#!/bin/sh
# The reading measure: the article's text at most 80 columns wide
# (--measure N; + and - change it by 4 and say so); the width left over
# goes to the TOC, which shows whole titles at 160 columns; from 100
# columns the pane stands beside the article, below that it covers it.
. "$top_srcdir/tests/lib.sh"

# The widest row of the article: the text right of the TOC's border, at
# the top of the briefing where the title's rule spans the measure.
widest() {
	screen | sed '$d' | sed '$d' |
	    perl -CS -ne 's/^[^\x{2502}]*\x{2502} ?//; s/\s+$//;
		$w = length if length > $w; END { print $w + 0, "\n" }'
}

widest_is() {
	[ "$(widest)" = "$1" ]
}

wait_widest() {
	poll widest_is "$1" ||
	    fail "$size: the article is $(widest) columns wide, not $1"
}

# The TOC's column: the text left of its border.
toc_column() {
	screen | sed '$d' | sed '$d' | perl -CS -ne 's/\x{2502}.*//s; print'
}

# 160x50: 80 columns of text; - and + by four; the limits.
size=160x50
start_reader 160 50
wait_widest 80
keys -
wait_status "Measure 76 columns"
wait_widest 76
keys + +
wait_status "Measure 84 columns"
wait_widest 84
# The TOC shows every title whole, with room to spare.
keys -
wait_status "Measure 80 columns"
wait_widest 80
toc=$(toc_column)
grep '^##' "$CONTENT/briefing.md" | sed 's/^#* //' | while read -r title; do
	printf '%s\n' "$toc" | grep -F -q "  $title " ||
	    fail "$size: the TOC cuts \"$title\""
done || exit 1
printf '%s\n' "$toc" | grep -q "…" && fail "$size: the TOC cuts a title"
# The pane beside the article: the article keeps its title on screen.
keys 1
wait_for "Expert 1 of 4"
has "The Merrow Canal closure" || fail "$size: the pane covers the article"

start_reader 160 50 "--measure=60 $CONTENT"
wait_widest 60
keys +
wait_status "Measure 64 columns"
wait_widest 64
keys - - -
wait_status "Measure 52 columns"
wait_widest 52
start_reader 160 50 "--measure=30 $CONTENT"
wait_widest 30
keys -
wait_status "The measure goes from 30 to 200 columns"
wait_widest 30
start_reader 160 50 "--measure=200 $CONTENT"
keys +
wait_status "The measure goes from 30 to 200 columns"

# 100x30: the window is narrower than the measure; + says so. The pane
# stands beside the article.
size=100x30
start_reader 100 30
w=$(widest)
[ "$w" -lt 80 ] || fail "$size: $w columns of text in 100"
keys +
wait_status "Measure 84 columns; the window shows $w"
keys 1
wait_for "Expert 1 of 4"
has "The Merrow Canal closure" || fail "$size: the pane covers the article"

# 80x24: the pane covers the article.
size=80x24
start_reader 80 24
has "The Merrow Canal closure" || fail "$size: no title"
keys 1
wait_for "Expert 1 of 4"
wait_gone "The Merrow Canal closure"
exit 0
