#!/bin/sh
# Tab and Shift-Tab past the screen: the next reference in reading order
# through the whole document, scrolled into view, in the article and in
# the pane; past the last, the first again, and said; in an expert's
# pane the quotes come first. At 160x50, 100x30 and 80x24.
. "$top_srcdir/tests/lib.sh"

escapes() {
	t capture-pane -p -e -t e2e
}

escapes_are_not() {
	[ "$(escapes)" != "$1" ]
}

# tab_through KEY PATTERN...: KEY (Tab or BTab) once for each shell
# pattern, and each time the selection, on screen, matches it. Every
# step changes the screen: the next step waits for it.
tab_through() {
	_key=$1
	shift
	for _want in "$@"; do
		_was=$(escapes)
		keys "$_key"
		poll escapes_are_not "$_was" ||
		    fail "$size: $_key changed nothing"
		poll selected_like "$_want" || fail "$size: $_key selected" \
		    "\"$(selected_text)\", not \"$_want\""
	done
}

# The overview's references in reading order, then section 2's, whose
# last is below the first screen at every size.
set -- "Lock Seven failure" "Merrow Canal" "Arvenia" "Arvenia" "Bellmark" \
    "Lock Keepers' Union" "Bellmark" "The closure and who ordered it" \
    "Dahl" "Why the river states need the canal" \
    "Trade routes beyond the canal since 2027" \
    "The 2021 flood at Lock Seven" "Tessel" \
    "Tolls, pilots and an envoy in Tessel" "Bellmark" "Corsa" \
    "Tessel's options" "Arvenia" "The road ahead and the Commission" \
    "Arvenia" "Bellmark" "Corsa" "Merrow Basin Commission" \
    "Helena Marsh" "Tessel Institute of Waterways" "David Okonjo" \
    "Merrow Basin Commission" "Lena Kovac" "Pieter Aalders" "Arvenian" \
    "Merrow Canal" "Merrow Basin Commission" "Henrik Dahl" "Bellmark"
order=$(printf '%s\n' "$@")

for size in $SIZES; do
	dims "$size"
	start_reader "$W" "$H"
	top=$(row 0)
	# From the top, Tab goes through the overview into section 2: each
	# reference is on screen when selected (selected_text reads only
	# the screen), the screen scrolling when it must.
	IFS='
'
	set -- $order
	unset IFS
	tab_through Tab "$@"
	[ "$(row 0)" != "$top" ] || fail "$size: Tab never scrolled"
	wait_status "section 2/12"
	# Shift-Tab comes back the same way.
	tab_through BTab "Henrik Dahl" "Merrow Basin Commission" \
	    "Merrow Canal" "Arvenian" "Pieter Aalders"
	# From section 3's first reference, Shift-Tab goes up to section
	# 2's last, above the screen.
	keys g ']' ']' ']'
	wait_status "section 3/12"
	tab_through Tab "Bellmark"
	tab_through BTab "Bellmark" "Henrik Dahl"
	wait_status "section 2/12"

	# From the end, nothing selected, Shift-Tab takes the last
	# reference, on the last line (at 80x24 it shares that line with
	# another).
	keys G
	wait_status "END"
	tab_through BTab "Merrow"
	# Past the last: the first again, and the top of the article.
	tab_to "Merrow"
	keys Tab
	wait_status "Past the last cross-reference: back to the first"
	poll selected_is "Lock Seven failure" ||
	    fail "$size: Tab after the last selected \"$(selected_text)\""
	wait_status "section 1/12"
	# And before the first, the last.
	keys BTab
	wait_status "Before the first cross-reference: on to the last"
	poll selected_is "Merrow" ||
	    fail "$size: Shift-Tab before the first selected" \
	    "\"$(selected_text)\""
	wait_status "END"

	# An expert's pane: her two quotes first, then her profile, which
	# is below the screen at 80x24; round to the first quote again.
	keys 1
	wait_for "Expert 1 of 4"
	tab_through Tab '│ "Arvenia has made*— in Why the river states*' \
	    '│ "There is a tangle*— in Tessel'"'"'s options' \
	    "Helena Marsh" "Tessel Institute of Waterways"
	wait_status "pane  "
	# Round: the first quote again, and said. (tab_to reads each
	# selection on screen.)
	tab_to '│ "Arvenia has made*'
	wait_status "Past the last cross-reference: back to the first"

	# An actor's pane: the profile's references, Related, then one
	# entry of "Mentioned in" for each paragraph, down to the last.
	keys Escape a
	wait_for "Actor index"
	type_text "ostra"
	wait_for "1 of $NACTORS actors"
	keys Enter
	wait_for "Actor · place"
	tab_through Tab "Arvenia" "Corsa" "Merrow Canal" \
	    "• …in dredging the approaches to Lake Ostra*" \
	    "• …Corsa and the rail line along Lake Ostra*" \
	    "• …he adds, will also keep paying*" \
	    "• …tolls, and Bellish shippers turn*" \
	    '• …warns of a "tangle of old debts"*' \
	    "• …it, and it joined Corsa*" \
	    "• …joins the upper basin and Lake Ostra*" "Arvenia"
	wait_status "Past the last cross-reference: back to the first"
done
exit 0
