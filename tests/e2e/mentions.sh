#!/bin/sh
# An actor's page: related actors grouped by relation; "Mentioned in"
# grouped by section (then by profile), each group once with its count,
# one entry per paragraph with the mentioned words marked (bold, red).
# The Merrow Basin Commission's page, read whole by paging, at 160x50,
# 100x30 and 80x24.
. "$top_srcdir/tests/lib.sh"

# The pane's rows, from the column of its bar's title on.
pane_rows() {
	screen | sed '$d' | sed '$d' | perl -CS -ne '
	    $x = index($_, "Actor \x{b7} ") if $. == 1;
	    next if $. == 1 || $x < 0;
	    chomp;
	    $_ = length > $x ? substr($_, $x) : "";
	    s/\s+$//;
	    print "$_\n";'
}

for size in $SIZES; do
	dims "$size"
	start_reader "$W" "$H"
	keys a
	wait_for "Actor index"
	type_text "merrow basin"
	wait_for "1 of $NACTORS actors"
	keys Enter
	wait_for "Actor · organisation"
	wait_status "pane  "
	# Related: the three members on the relation's row.
	screen | grep -q "member  *Arvenia, Bellmark," ||
	    fail "$size: the members are not grouped"
	# The mentioned words are marked.
	keys G
	wait_status "pane  END"
	wait_attrs "Merrow" "bold fg=31"
	keys g
	wait_status_not "END"

	# The page whole: page by page, each page's rows after those it
	# repeats of the last one.
	page=$(pane_rows)
	all=$page
	while ! status_has "pane  END"; do
		before=$(screen)
		keys Space
		wait_changed "$before" "$size: Space did not page the pane"
		page=$(pane_rows)
		all=$(printf '%s\n' "$all" | perl -e '
		    my @a = <STDIN>; chomp @a;
		    my @p = split /\n/, $ARGV[0], -1;
		    my $k = @p < @a ? scalar @p : scalar @a;
		    $k-- while $k > 0 && join("\n", @a[$#a - $k + 1 .. $#a]) ne
			join("\n", @p[0 .. $k - 1]);
		    print join("\n", @a, @p[$k .. $#p]), "\n";' "$page")
	done
	# One line, the pieces of wrapped lines joined.
	text=$(printf '%s\n' "$all" | sed 's/^ *//' | tr '\n' ' ' |
	    sed 's/  */ /g')
	# The groups' headings: what ends in "· n mention(s)" and holds no
	# piece of an entry (•, …, the end of a sentence).
	groups=$(printf '%s\n' "$text" | perl -CS -ne '
	    s/\x{2026} and \d+ more in the same paragraph/\x{b6}/g;
	    print "$1\n" while
		/ ([^\x{2022}\x{2026}\x{2500}\x{b6}.]+ \x{b7} \d+ mentions?)/g;
	    ')
	want="Overview · 2 mentions
The closure and who ordered it · 2 mentions
Why the river states need the canal · 1 mention
Trade routes beyond the canal since 2027 · 1 mention
Tolls, pilots and an envoy in Tessel · 3 mentions
The road ahead and the Commission · 2 mentions
Timeline · 1 mention
the profile of David Okonjo · 1 mention
the profile of Arvenia · 1 mention
the profile of Ilse Gravik · 1 mention"
	[ "$groups" = "$want" ] || fail "$size: the groups are
$groups"
	# One entry for each paragraph: twelve, three of which stand for
	# two mentions.
	n=$(printf '%s\n' "$all" | grep -c "^• ")
	[ "$n" = 12 ] || fail "$size: $n entries"
	n=$(printf '%s\n' "$text" | grep -o "and 1 more in the same paragraph" |
	    wc -l)
	[ "$n" = 3 ] || fail "$size: $n entries of two mentions"
done
exit 0
