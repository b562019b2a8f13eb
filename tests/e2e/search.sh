#!/bin/sh
# Search: / with n and N across sections and into the profiles, "match i
# of n", not found; and the help screen. At the three sizes.
. "$top_srcdir/tests/lib.sh"

for size in "160 50" "100 30" "60 20"; do
	set -- $size
	start_reader "$1" "$2"
	search_for "GRAVIK"
	wait_status "match 1 of "
	n=$(match_total)
	[ -n "$n" ] && [ "$n" -ge 3 ] ||
	    fail "expected several matches, got '$n'"
	# The match is on screen, highlighted: the first, in the article.
	poll selected_is "Gravik" || fail "the match is not highlighted"
	hasnt "Actor · " || fail "the first match is not in the article"
	# The last is in the profiles, the last of them Aurélie Vance's.
	n_and_N "$n" "$(profile_total)"
	wait_for "Actor · person"
	wait_row_end 1 "Aurélie Vance"
	poll selected_is "Gravik" || fail "the last match is not highlighted"
	keys n
	wait_status "match 1 of $n "
	wait_status "(search wrapped)"

	search_for "no such words"
	wait_status "Pattern not found: no such words"
	# Esc at the prompt cancels it.
	keys / x Escape
	wait_for "q quit"

	# Help: every key, from the key table; q closes it.
	keys '?'
	wait_for "Keys · q or Esc closes"
	wait_for "j, Down"
	keys End
	wait_for "close the help"
	keys q
	wait_gone "Keys · q or Esc closes"
	wait_for "q quit"
done
exit 0
