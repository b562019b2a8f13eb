#!/bin/sh
# Calm links: by default an actor is a reference at its first mention in
# a paragraph, written links always are, and no name is one inside a
# heading, a link's text or emphasis; L goes first -> all -> written only
# -> first, --links chooses at start; written links are underlined, names
# found in the text are not. At 160x50, 100x30 and 80x24.
. "$top_srcdir/tests/lib.sh"

# tabs N: the references N Tabs select, one after the other, joined by |.
tabs() {
	_seq=""
	_n=0
	while [ "$_n" -lt "$1" ]; do
		keys Tab
		settle
		_seq="$_seq${_seq:+|}$(selected_text)"
		_n=$((_n + 1))
	done
	echo "$_seq"
}

# from_section2 N: Tab N times from the top of "The closure and who
# ordered it" (section 2), and what they selected.
from_section2() {
	keys g ']' ']'
	wait_status "section 2/12"
	tabs "$1"
}

# expect WHAT GOT WANT
expect() {
	[ "$2" = "$3" ] || fail "$size: $1: Tab selected
  $2
instead of
  $3"
}

# Section 2: "Arvenian" (Arvenia's alias), the written links to the canal,
# the Commission (then its alias "(MBC)"), Dahl and Bellmark (then its
# alias "Bellish"); section 3 opens on "Bellmark", which a written link
# to Bellmark follows in the same paragraph.
first="Arvenian|Merrow Canal|Merrow Basin Commission|Henrik Dahl|Bellmark"
first="$first|Bellmark|Corsa"
all="Arvenian|Merrow Canal|Merrow Basin Commission|MBC|Henrik Dahl"
all="$all|Bellmark|Bellish"
written="Merrow Canal|Merrow Basin Commission|Henrik Dahl|Bellmark"

for size in $SIZES; do
	dims "$size"
	start_reader "$W" "$H"
	expect "first mentions" "$(from_section2 7)" "$first"

	# Written links are underlined; a name found in the text is only
	# coloured.
	keys g ']' ']'
	wait_attrs "Arvenian" "fg=36"
	wait_attrs "Merrow Canal" "fg=36 underline"

	# L: every name, then written links only, then the first again.
	keys L
	wait_status "Links: every name"
	expect "every name" "$(from_section2 7)" "$all"
	# Not inside a link's text: in the overview's list the section link
	# "Tolls, pilots and an envoy in Tessel" is one reference, and the
	# next is Bellmark after it.
	keys g
	tab_to "The 2021 flood at Lock Seven"
	expect "link text" "$(tabs 4)" \
	    "Tessel|Tolls, pilots and an envoy in Tessel|Bellmark|Corsa"
	# Not in emphasis: the title of Marsh's book names Tessel, and the
	# next reference after her name is the Institute.
	keys g ']' ']' ']'
	wait_status "section 3/12"
	tab_to "Helena Marsh"
	expect "emphasis" "$(tabs 2)" "Tessel Institute of Waterways|the Accord"
	# Not in a heading: "Tolls, pilots and an envoy in Tessel" names
	# Tessel; from the top of that section Tab finds Bellmark first.
	keys g ']' ']' ']' ']' ']' ']'
	wait_status "section 6/12"
	expect "heading" "$(tabs 1)" "Bellmark"

	keys L
	wait_status "Links: written links only"
	expect "written links" "$(from_section2 4)" "$written"
	keys L
	wait_status "Links: the first of each name in a paragraph"
	expect "first mentions again" "$(from_section2 7)" "$first"

	# --links chooses at start: the first references of section 2 tell
	# the three apart.
	start_reader "$W" "$H" "--links=all $CONTENT"
	expect "--links=all" "$(from_section2 4)" \
	    "Arvenian|Merrow Canal|Merrow Basin Commission|MBC"
	start_reader "$W" "$H" "--links=explicit $CONTENT"
	expect "--links=explicit" "$(from_section2 1)" "Merrow Canal"
	start_reader "$W" "$H" "--links=first $CONTENT"
	expect "--links=first" "$(from_section2 4)" \
	    "Arvenian|Merrow Canal|Merrow Basin Commission|Henrik Dahl"
done
exit 0
