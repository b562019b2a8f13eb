#!/bin/sh
# A phrase that the source writes over two lines is found where it is
# written, in the overview, highlighted whole, at every size: to the
# reader a line break in a paragraph is a space. (Known to fail: search
# reads the "\n" that joins the lines; see XFAIL_TESTS in Makefile.am.)
. "$top_srcdir/tests/lib.sh"

phrase="Union as a partner in running the canal"

# The search has answered, whatever it found.
answered() {
	status_has "match " || status_has "Pattern not found"
}

for size in "160 50" "100 30" "60 20"; do
	set -- $size
	start_reader "$1" "$2"
	search_for "$phrase"
	poll answered || fail "the search never answered"
	status_has "match 1 of 1" || fail "$1x$2: not found once"
	wait_status "section 1/12"
	poll selected_is "$phrase" || fail "$1x$2: the phrase is not highlighted"
done
exit 0
