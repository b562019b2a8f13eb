#!/bin/sh
# From a quote to its expert and back: the attribution shows the
# expert's number; Enter on it opens the pane at that quote, selected
# whole; ] and [ go through the expert's quotes; Enter on one shows it in
# the article, marked (bold, yellow: its bar and its attribution too)
# until the next key; E lists the experts. At 160x50, 100x30 and 80x24.
. "$top_srcdir/tests/lib.sh"

# Every place that shows TEXT is drawn without the mark.
unmarked() {
	! text_attrs "$1" | grep -q "bold fg=33"
}

for size in $SIZES; do
	dims "$size"
	start_reader "$W" "$H"

	# Section 3: Marsh's first quote, "— Helena Marsh [1]".
	keys ']' ']' ']'
	wait_status "section 3/12"
	tab_to 'Helena Marsh \[1\]'
	has "— Helena Marsh [1]" || fail "$size: no \"— Helena Marsh [1]\""
	keys Enter
	wait_for "Expert 1 of 4"
	q='│ "Arvenia has made*without."*— Helena Marsh \[1\] — in Why*'
	poll selected_like "$q" ||
	    fail "$size: the quote is not selected whole: \"$(selected_text)\""
	keys BSpace
	wait_gone "Expert 1 of 4"

	# Tessel's options: Okonjo's last quote, below the first screen of
	# his pane at 80x24; the pane is scrolled to it.
	keys g t
	for k in 1 2 3 4 5 6; do
		keys j
	done
	keys Enter
	wait_status "section 7/12"
	tab_to 'Dr. Okonjo \[2\]'
	has "— Dr. Okonjo [2]" || fail "$size: no \"— Dr. Okonjo [2]\""
	keys Enter
	wait_for "Expert 2 of 4"
	q='│ "The Union, like Corsa*— in Tessel'"'"'s options'
	poll selected_like "$q" ||
	    fail "$size: Enter on the attribution selected \"$(selected_text)\""
	# ] and [: his quotes, with the first and the last said.
	keys ']'
	wait_status "This is the last quote"
	keys '['
	poll selected_like '│ "Indeed, it would be surprising*' ||
	    fail "$size: [ selected \"$(selected_text)\""
	keys '['
	poll selected_like '│ "I think that shippers*' ||
	    fail "$size: [ selected \"$(selected_text)\""
	keys '['
	wait_status "This is the first quote"
	keys ']'
	poll selected_like '│ "Indeed, it would be surprising*' ||
	    fail "$size: ] selected \"$(selected_text)\""
	keys '['

	# Enter on the pane's quote: the article at it, marked whole.
	keys Enter
	wait_status "section 4/12"
	wait_attrs '│ "I think that shippers' "bold fg=33"
	wait_attrs "Dr. David Okonjo [2]" "bold fg=33 underline"
	# The next key takes the mark away.
	keys j
	poll unmarked '"I think that shippers' ||
	    fail "$size: the mark stayed after a key"
	has '"I think that shippers' || fail "$size: j scrolled the quote away"
	# Back: his pane again.
	keys BSpace
	wait_for "Expert 2 of 4"

	# E: the experts, numbered, with role and quotes; Enter opens one.
	keys E
	wait_for "Experts · 4 quoted"
	for col in "No." "Expert" "Role" "Quotes"; do
		has "$col" || fail "$size: the list has no column \"$col\""
	done
	for e in "1.*Helena Marsh.*Senior" "2.*David Okonjo.*Chief" \
	    "3.*Lena Kovac.*Policy analyst" "4.*Pieter Aalders.*Former"; do
		screen | grep -E -q "│ $e" || fail "$size: no row \"$e\""
	done
	tab_to "Lena Kovac"
	keys Enter
	wait_for "Expert 3 of 4"
	wait_for "Lena Kovac"
	# e hides the pane, and shows the last expert again.
	keys e
	wait_gone "Expert 3 of 4"
	keys e
	wait_for "Expert 3 of 4"
done
exit 0
