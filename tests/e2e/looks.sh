#!/bin/sh
# How things look without colours (NO_COLOR): each kind of link keeps
# attributes of its own (actors underlined, experts bold and underlined,
# sections dim and underlined), the selection is reversed, the current
# match bold and reversed, the other matches dim and reversed, a
# label bold and reversed, a marked quote bold and in standout. Under
# TERM=screen-256color, which has no italics, emphasis is underlined,
# with colours or without; under tmux-256color it is italic. At 160x50,
# 100x30 and 80x24.
. "$top_srcdir/tests/lib.sh"

# mono COLS ROWS: the reader without colours.
mono() {
	start "$1" "$2" "env NO_COLOR=1 $BRIEFING $CONTENT"
	wait_for "section 1/"
	wait_opened
}

for size in $SIZES; do
	dims "$size"
	mono "$W" "$H"
	# The overview: actors, written links ("Merrow Canal", Bellmark in
	# the first paragraph) and names found in the text (Bellmark in the
	# second) alike; a section link.
	keys ']'
	wait_row 0 "Overview"
	wait_attrs "Merrow Canal" "underline"
	[ "$(text_attrs "Bellmark" | sort -u)" = "underline" ] || fail \
	    "$size: Bellmark shows as $(text_attrs "Bellmark" | tr '\n' ' ')"
	wait_attrs "The closure and who ordered it" "dim underline"
	# The selection: reversed, whatever it was.
	keys Tab
	wait_attrs "Lock Seven failure" "reverse"
	keys g
	search_for "Bellmark"
	wait_status "match 1 of "
	# The first match is the current one; the others are dim and
	# reversed (bold and underlined is an expert's link), the written
	# links among them too.
	wait_attrs "Bellmark" "bold reverse"
	wait_attrs "Bellmark" "dim reverse"
	keys Escape Escape g ']' ']' ']'
	wait_status "section 3/12"
	tab_to "Helena Marsh"
	keys Tab
	wait_attrs "Helena Marsh" "bold underline"
	wait_attrs "Locks and Ledgers" "underline"
	# Link hints: bold and reversed.
	keys f
	wait_row "$((H - 1))" "Esc cancels"
	labels=$(t capture-pane -p -e -t e2e | sed '$d' | sed '$d' |
	    reversed_text)
	[ -n "$labels" ] || fail "$size: no label in reverse video"
	keys Escape
	wait_row "$((H - 1))" "q quit"

	# A quote marked after Enter on it in the pane: bold and in
	# standout, which screen-256color draws in italics.
	keys 1 ']' Enter
	wait_status "section 3/12"
	wait_attrs 'without."' "bold italic"

	# With colours, under the same terminal, emphasis is underlined
	# too; under tmux-256color it is italic.
	start_reader "$W" "$H"
	keys ']' ']' ']'
	wait_status "section 3/12"
	wait_attrs "Locks and Ledgers" "underline"
	start "$W" "$H" "env TERM=tmux-256color $BRIEFING $CONTENT"
	wait_for "section 1/"
	wait_opened
	keys ']' ']' ']'
	wait_status "section 3/12"
	wait_attrs "Locks and Ledgers" "italic"
done
exit 0
