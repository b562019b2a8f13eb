#!/bin/sh
# Link hints: f labels every reference shown, in the article and in the
# pane, with labels of one length over their first letters; typing a
# label follows it, its first letter leaves only the labels it starts
# (showing the letter still to type), Backspace takes back a letter, a letter of no label
# says so, Esc takes the labels away. At 160x50, 100x30 and 80x24.
. "$top_srcdir/tests/lib.sh"

# label_of TEXT: $label, the label over the first reference that reads
# TEXT.
label_of() {
	label=$(hint_labels "$1" | head -n 1)
	[ -n "$label" ] || fail "$size: no label over \"$1\""
}

labels_shown() {
	[ -n "$(hint_labels)" ]
}

labels_one_letter() {
	[ -n "$(hint_labels)" ] &&
	    [ "$(hint_labels | awk '{ print length($0) }' | sort -u)" = 1 ]
}

labels_two_letters() {
	[ "$(hint_labels | awk '{ print length($0) }' | sort -u)" = 2 ]
}

no_labels() {
	[ -z "$(hint_labels)" ]
}

# hints_on: f, and the labels are there.
hints_on() {
	keys f
	poll labels_shown || fail "$size: f showed no label"
	wait_row "$((H - 1))" "Esc cancels"
}

for size in $SIZES; do
	dims "$size"
	start_reader "$W" "$H"
	# The overview at the top: more than nine references on screen at
	# every size, so labels of two letters.
	keys ']'
	wait_row 0 "Overview"
	hints_on
	lens=$(hint_labels | awk '{ print length($0) }' | sort -u)
	[ "$lens" = 2 ] || fail "$size: labels of lengths $(echo $lens)"
	[ "$(hint_labels | sort | uniq -d)" = "" ] ||
	    fail "$size: a label shown twice"
	# The label hides the reference's first letters: "Lock Seven
	# failure" reads "..ck Seven failure" under its label.
	hasnt "the Lock Seven failure shut" || fail "$size: no label over it"

	# A label followed: the canal's page; Backspace comes back.
	label_of "Merrow Canal"
	type_text "$label"
	wait_for "Actor · place"
	wait_row_end 1 "Merrow Canal"
	poll no_labels || fail "$size: the labels stayed after following one"
	keys BSpace
	wait_gone "Actor · place"
	wait_for "the Lock Seven failure shut"

	# Backspace takes back the letter typed: the first letter of a label
	# that Arvenia's does not start with, Backspace, then Arvenia's
	# label, which the letter left there would have spoilt.
	hints_on
	label_of "Arvenia"
	other=$(hint_labels | grep -v "^$(echo "$label" | cut -c1)" |
	    head -n 1)
	[ -n "$other" ] || fail "$size: every label starts alike"
	first=$(echo "$other" | cut -c1)
	want=$(hint_labels | grep -c "^$first")
	type_text "$first"
	# Only the labels it starts stay, with the letter still to type.
	poll labels_one_letter ||
	    fail "$size: after \"$first\" the labels read $(hint_labels)"
	[ "$(hint_labels | wc -l)" -eq "$want" ] ||
	    fail "$size: $(hint_labels | wc -l) labels left, not $want"
	keys BSpace
	poll labels_two_letters || fail "$size: Backspace left $(hint_labels)"
	type_text "$label"
	wait_for "Actor · state"
	wait_row_end 1 "Arvenia"
	keys BSpace
	wait_gone "Actor · state"

	# A letter that starts no label: said, and the labels stay.
	hints_on
	type_text "z"
	wait_status "No label z: Esc takes the labels away"
	labels_shown || fail "$size: a wrong letter took the labels away"
	# Esc takes them away, and the text under them is back.
	keys Escape
	poll no_labels || fail "$size: Esc left the labels"
	wait_for "the Lock Seven failure shut"
	wait_row "$((H - 1))" "q quit"
	# So does Backspace with nothing typed.
	hints_on
	keys BSpace
	poll no_labels || fail "$size: Backspace left the labels"

	# The pane's references are labelled too: Marsh's quotes. The
	# second's label leads to it in the article, marked.
	keys 1
	wait_for "Expert 1 of 4"
	wait_for "There is a tangle"
	hints_on
	if [ "$W" -ge 100 ]; then
		# The pane beside the article: both are labelled.
		label_of "Merrow Canal"
	fi
	label_of '│ "There is a tangle'
	type_text "$label"
	wait_status "section 7/12"
	wait_attrs '"There is a tangle' "bold fg=33"
done
exit 0
