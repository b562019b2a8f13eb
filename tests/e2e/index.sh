#!/bin/sh
# The actor index ranks names before aliases (an alias match says which
# alias matched); its columns are named; Enter opens the first. At
# 160x50, 100x30 and 80x24.
. "$top_srcdir/tests/lib.sh"

# The index's rows: the names column of each row under the header, in
# order, one a line.
index_names() {
	screen | perl -CS -ne '
	    if (!$in) {
		$in = /\x{2502}\s*Actor\s+Kind\s+Mentions\s*\x{2502}/;
		next;
	    }
	    last unless s/^[^\x{2502}]*\x{2502} //;
	    s/\s*\x{2502}.*//s;
	    last if $_ eq "";
	    s/\s{2,}.*//;
	    print "$_\n";'
}

names_are() {
	[ "$(index_names | tr '\n' '|')" = "$1" ]
}

# filter TEXT COUNT ROWS: typed after ^U, TEXT leaves COUNT actors, in
# the order ROWS (joined by |, with a | at the end).
filter() {
	keys C-u
	wait_for "$NACTORS of $NACTORS actors"
	type_text "$1"
	wait_for "Filter: $1"
	wait_for "$2 of $NACTORS actors"
	poll names_are "$3" ||
	    fail "$size: \"$1\" lists $(index_names | tr '\n' '|') not $3"
}

# The Lock Seven failure's alias starts with the canal's name.
breach="Lock Seven failure (alias: Merrow Canal breach)"

for size in $SIZES; do
	dims "$size"
	start_reader "$W" "$H"
	keys a
	wait_for "Actor index"
	# The columns are named.
	screen | grep -E -q "│ Actor +Kind +Mentions +│" ||
	    fail "$size: no header of the columns"
	# A name equal to the words typed comes before another's alias
	# that starts with them, and the alias says so.
	filter "merrow canal" 2 "Merrow Canal|$breach|"
	# A name that starts with them before an alias equal to them.
	filter "tessel" 2 \
	    "Tessel Institute of Waterways|Arvenia (alias: Tessel)|"
	# Every name that starts with them before an alias that does.
	filter "merrow" 3 \
	    "Merrow Basin Commission|Merrow Canal|$breach|"
	# An actor matched by its name does not show an alias.
	filter "dahl" 1 "Henrik Dahl|"
	# Enter opens the first: Russia's case in the bundled briefing.
	filter "merrow canal" 2 "Merrow Canal|$breach|"
	keys Enter
	wait_gone "Actor index"
	wait_for "Actor · place"
	wait_row_end 1 "Merrow Canal"
	keys Escape a
	filter "tessel" 2 \
	    "Tessel Institute of Waterways|Arvenia (alias: Tessel)|"
	keys Down Enter
	wait_for "Actor · state"
	wait_row_end 1 "Arvenia"
done
exit 0
