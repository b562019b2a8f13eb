#!/bin/sh
# Search by scope: the article's matches are counted alone, the
# profiles' after them ("match i of n · k more in profiles", then "match
# j of k in profiles"); quotes repeated on an expert's page and the
# snippets of "Mentioned in" are not counted; typographic apostrophes
# and quotes match ASCII ones, hyphens, dashes and spaces match each
# other; a match in a profile does not lose the pane you had. At
# 160x50, 100x30 and 80x24.
. "$top_srcdir/tests/lib.sh"

# The article's "arvenia", counted in the lines --dump prints for it
# (the reader draws the same), less the lists of references it adds.
na=$("$BRIEFING" --dump -w 80 "$CONTENT" | sed '/^Experts$/,$d' |
    grep -v -E '^\[[0-9]+\] (actor|expert|section): ' | grep -o -i arvenia |
    wc -l)
[ "$na" -ge 10 ] || fail "the article names Arvenia $na times"

# only PATTERN N: / finds PATTERN N times in the article, none in the
# profiles, and shows the first selected as SHOWN (a shell pattern).
only() {
	keys g
	search_for "$1"
	wait_status "match 1 of $2"
	status_has "profiles" && fail "$size: \"$1\" counted in the profiles"
	poll selected_like "$3" ||
	    fail "$size: \"$1\" selected \"$(selected_text)\", not \"$3\""
}

for size in $SIZES; do
	dims "$size"
	start_reader "$W" "$H"

	search_for "arvenia"
	wait_status "match 1 of $na · "
	np=$(profile_total)
	[ "$np" -gt 0 ] || fail "$size: no match counted in the profiles"
	# n goes through the article one by one, then into the profiles:
	# the pane opens at the match.
	# (poll uses i.)
	k=1
	while [ "$k" -lt "$na" ]; do
		keys n
		k=$((k + 1))
		wait_status "match $k of $na · $np more in profiles"
	done
	keys n
	wait_status "match 1 of $np in profiles"
	poll has "Esc closes" || fail "$size: no pane at the profile's match"
	poll selected_is "Arvenia" ||
	    fail "$size: the profile's match selected \"$(selected_text)\""
	keys N
	wait_status "match $na of $na · $np more in profiles"

	# Written once: a quote repeated on Marsh's page, and words of the
	# overview that three actors' "Mentioned in" repeat, count once.
	only "cheapest road" 1 "cheapest road"
	only "canal to shipping" 1 "Canal to shipping"
	# Typographic and ASCII apostrophes and quotes, both ways.
	only "bellmark's side" 1 "Bellmark’s side"
	only "“quiet acceptance”" 1 '"quiet acceptance"'
	keys g
	search_for "Tessel’s options"
	wait_status "match 1 of 2 "
	poll selected_is "Tessel's options" ||
	    fail "$size: \"Tessel’s options\" selected \"$(selected_text)\""
	# A space, a hyphen and an en dash are one; so are runs of spaces.
	only "Arvenian Bellish" 1 "Arvenian–*Bellish"
	only "arvenian-bellish" 1 "Arvenian–*Bellish"
	only "tonne mile" 1 "tonne-mile"
	only "tonne–mile" 1 "tonne-mile"
	keys g
	search_for "lock seven failure"
	wait_status "match 1 of "
	one=$(status_line)
	keys g
	search_for "lock    seven failure"
	wait_status "match 1 of "
	[ "$(status_line)" = "$one" ] ||
	    fail "$size: four spaces count apart: $(status_line)"

	# Profiles in reading order, the experts by number: from Kovac's
	# page (3) the search starts and finds Aalders' (4), though his
	# file sorts first; then round to the article's first, whose
	# matches show with Aalders' pane open (beside the article from 100
	# columns; narrower, the article hides it). Backspace brings back
	# the pane you had.
	keys Escape Escape g 3
	wait_for "Expert 3 of 4"
	search_for "harbour master"
	wait_status "match 1 of 2 in profiles"
	wait_for "Expert 4 of 4"
	keys n
	wait_status "match 2 of 2 in profiles"
	keys n
	wait_status "match 1 of 2 · 2 more in profiles (search wrapped)"
	if [ "$W" -ge 100 ]; then
		has "Expert 4 of 4" || fail "$size: a match closed the pane"
	fi
	keys n
	wait_status "match 2 of 2 · "
	# Each of the four jumps is a step back.
	keys BSpace BSpace BSpace
	settle
	has "Expert 3 of 4" && fail "$size: three steps back went four"
	keys BSpace
	wait_for "Expert 3 of 4"
done
exit 0
