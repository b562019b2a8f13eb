#!/bin/sh
# Every key of the contract (briefing(1), KEYS) on the fixture briefing, at
# 160x50, 100x30 and 60x20, each judged by what the screen shows. The
# reader runs from a shell, so that q is seen to give the prompt back with
# no mode left on. Then the hint and status lines at 40x12.
. "$top_srcdir/tests/lib.sh"

# The article's text on row N: the TOC column cut off when it is shown
# (everything up to its border, then the margin).
body_row() {
	if [ "$toc" = 1 ]; then
		row "$1" | perl -CS -pe 's/^[^\x{2502}]*\x{2502} ?//'
	else
		row "$1" | sed 's/^ //'
	fi
}

body_row_is() {
	[ "$(body_row "$1")" = "$2" ]
}

# wait_body N TEXT: the article's row N reads TEXT exactly.
wait_body() {
	poll body_row_is "$1" "$2" ||
	    fail "the article's row $1 never read \"$2\" (it is \"$(body_row "$1")\")"
}

row_is_reversed() {
	[ "$(row_reversed "$1")" = "$2" ]
}

# wait_selected PATTERN: the selected text matches a shell pattern.
wait_selected() {
	poll selected_like "$1" ||
	    fail "the selection never matched \"$1\" (it is \"$(selected_text)\")"
}

graviks=
wrapped=0
for size in "160 50" "100 30" "60 20"; do
	set -- $size
	toc=0
	[ "$1" -ge 80 ] && toc=1
	start_shell "$1" "$2"
	run_reader
	wait_status "section 1/12"
	top=$(body_row 0)
	[ "$top" = "The Merrow Canal closure and Arvenian–Bellish trade" ] ||
	    fail "$1x$2: the title is not at the top"

	# ? shows every key of the table; q and Esc close it, not the reader.
	keys '?'
	wait_for "Keys · q or Esc closes"
	wait_for "│  j, Down "
	# Page through it: every key of the contract is there.
	help=$(screen)
	while ! has "In the table of contents"; do
		last=$(screen)
		keys Space
		wait_changed "$last" "Space did not scroll the help"
		help="$help
$(screen)"
	done
	for k in q '?' "j, Down" "k, Up" "Space, PgDn" "b, PgUp" "g, Home" \
	    "G, End" ']' '[' t Tab Shift-Tab Enter "Backspace, Left" \
	    "F, Right" f e E 1-9 a / n N Esc o L + -; do
		printf '%s\n' "$help" | grep -F -q "│  $k " ||
		    fail "$1x$2: the help lacks $k"
	done
	keys q
	wait_gone "Keys · q or Esc closes"
	keys '?'
	wait_for "Keys · q or Esc closes"
	keys Escape
	wait_gone "Keys · q or Esc closes"
	wait_status "section 1/12"

	# A line: the second row comes to the top, and back.
	second=$(body_row 1)
	[ -n "$second" ] || fail "$1x$2: nothing on the second row"
	keys j
	wait_body 0 "$second"
	keys k
	wait_body 0 "$top"
	keys Down
	wait_body 0 "$second"
	keys Up
	wait_body 0 "$top"

	# A page: two lines of the last page stay in view.
	page=$(($2 - 4))
	paged=$(body_row "$page")
	paged2=$(body_row $((page + 1)))
	[ -n "$paged$paged2" ] || fail "$1x$2: rows $page and $((page + 1)) blank"
	for pair in "Space b" "NPage PPage"; do
		set -- $pair
		keys "$1"
		wait_body 0 "$paged"
		wait_body 1 "$paged2"
		keys "$2"
		wait_body 0 "$top"
	done
	set -- $size

	# Bottom and top.
	keys G
	wait_status "END"
	wait_for "The Canal Review."
	keys g
	wait_body 0 "$top"
	wait_status "section 1/12"
	keys End
	wait_status "END"
	keys Home
	wait_body 0 "$top"

	# Sections.
	keys ']'
	wait_body 0 "Overview"
	keys ']'
	wait_body 0 "The closure and who ordered it"
	wait_status "section 2/12"
	keys '['
	wait_body 0 "Overview"
	wait_status "section 1/12"
	keys ']'
	wait_body 0 "The closure and who ordered it"

	# The TOC: its cursor starts on the current section; j, Enter.
	keys t
	wait_selected "*The closure and who*"
	keys j
	wait_selected "*Why the river*"
	keys Enter
	wait_body 0 "Why the river states need the canal"
	wait_status "section 3/12"
	keys t k Enter
	wait_body 0 "The closure and who ordered it"
	wait_status "section 2/12"

	# References: Tab, Shift-Tab, Enter; Backspace (DEL, ^H, Left) and
	# forward (F, Right).
	keys Tab
	wait_selected "Arvenian"
	keys Tab
	wait_selected "Merrow Canal"
	keys BTab
	wait_selected "Arvenian"
	keys Enter
	wait_for "Actor · state"
	wait_row_end 1 "Arvenia"
	keys BSpace
	wait_gone "Actor · state"
	wait_body 0 "The closure and who ordered it"
	wait_selected "Arvenian"
	keys F
	wait_for "Actor · state"
	keys C-h
	wait_gone "Actor · state"
	wait_selected "Arvenian"
	keys Right
	wait_for "Actor · state"
	keys Left
	wait_gone "Actor · state"
	# Back through every jump at once, and one more: the start.
	keys $(for i in $(seq 40); do printf 'BSpace '; done)
	wait_status "Nothing to go back to"
	wait_body 0 "$top"

	# The expert pane: e toggles it (the list of experts before any was
	# shown), the digits choose, Esc closes; then e shows the last one.
	keys e
	wait_for "Experts · 4 quoted"
	wait_row_end 1 "Experts"
	keys e
	wait_gone "Experts · 4 quoted"
	n=0
	for name in "Helena Marsh" "David Okonjo" "Lena Kovac" \
	    "Pieter Aalders"; do
		n=$((n + 1))
		keys "$n"
		wait_for "Expert $n of 4"
		wait_row_end 1 "$name"
	done
	keys 5
	wait_status "No expert 5: experts go from 1 to 4"
	keys 9
	wait_status "No expert 9: experts go from 1 to 4"
	wait_for "Expert 4 of 4"
	keys Escape
	wait_gone "Expert 4 of 4"
	keys e
	wait_for "Expert 4 of 4"
	keys e
	wait_gone "Expert 4 of 4"

	# The actor index: typing filters; Enter on nothing says so; Enter
	# opens an actor; Enter on one of its mentions jumps there, the
	# mention selected; Backspace comes back to the actor.
	keys a
	wait_for "Actor index"
	keys Escape
	wait_gone "Actor index"
	keys a
	wait_for "$NACTORS of $NACTORS actors"
	type_text "zzz"
	wait_for "No actor matches."
	keys Enter
	wait_status 'No actor matches "zzz"'
	keys BSpace BSpace BSpace
	wait_for "$NACTORS of $NACTORS actors"
	type_text "CALDER"
	wait_for "1 of $NACTORS actors"
	keys Enter
	wait_gone "Actor index"
	wait_for "Actor · place"
	wait_row_end 1 "Port Calder"
	keys End
	tab_to "• …with Arvenian ministers in Port Calder*"
	keys Enter
	wait_status "section 4/12"
	wait_selected "Port Calder"
	keys BSpace
	wait_for "Actor · place"
	wait_selected "• …with Arvenian ministers in Port Calder*"
	keys Escape
	wait_gone "Actor · place"

	# Search: n and N, a pattern of UTF-8 (an en dash), an accent the
	# text does not have, characters that mean something to a regex.
	keys g
	search_for "GRAVIK"
	wait_status "match 1 of "
	n=$(match_total)
	[ -n "$n" ] && [ "$n" -ge 3 ] || fail "$1x$2: few matches: '$n'"
	# As many at every width.
	[ -z "$graviks" ] || [ "$n" = "$graviks" ] ||
	    fail "$1x$2: $n matches, $graviks at the first size"
	graviks=$n
	wait_selected "Gravik"
	n_and_N "$n" "$(profile_total)"
	# Esc closes the pane in front, then the highlight of the matches.
	keys Escape Escape g
	search_for "arvenian–bellish"
	wait_status "match 1 of 1"
	poll row_is_reversed 0 "Arvenian–Bellish" ||
	    fail "the match in the title is not highlighted"
	search_for "Kovač"
	wait_status "match 1 of "
	wait_status "section 1/12"
	wait_selected "Kovac"
	# A phrase over a line break at some widths: found at all of them,
	# once, in the overview, highlighted whole.
	phrase="every week of closure sends it the long way round by sea"
	search_for "$phrase"
	wait_status "match 1 of 1"
	wait_status "section 1/12"
	wait_selected "$phrase"
	has "$phrase" || wrapped=1
	search_for "(MBC)"
	wait_status "match 1 of "
	wait_selected "(MBC)"
	# Esc at the prompt cancels: n goes on with the last pattern.
	keys /
	poll prompt_open || fail "/ opened no prompt"
	keys x Escape
	poll prompt_closed || fail "Esc left the prompt open"
	keys n
	wait_status "match 2 of "
	wait_selected "(MBC)"

	keys q
	shell_sane "q at $1x$2"
done

[ "$wrapped" = 1 ] || fail "the phrase fitted on one row at every size"

# At the smallest size the hint line keeps the keys that open things, and
# a message shows whole, the status line giving up the rest for it.
start_reader 40 12
wait_row 11 "q quit  ? help  t contents  e experts"
keys 5
wait_status "No expert 5: experts go from 1 to 4"
keys x
wait_status "Key x is not bound: ? shows the keys"
keys t
wait_row 11 "Esc back"
keys Escape
wait_row 11 "t contents"
exit 0
