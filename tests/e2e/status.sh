#!/bin/sh
# The status line places you: on the left the title of the section under
# the top line ("Parent › Subsection" in a subsection), or the pane's
# title when it has the focus; on the right "section n/m" and the
# percentage, "END" at the end, where the section is the last one shown,
# or "pane" and the pane's. Space, j and d stop once the last line is on
# screen. The hint line never shows "Tab ref" without "Enter follow". At
# 160x50, 100x30 and 80x24, and the hint line at every width from 60.
. "$top_srcdir/tests/lib.sh"

# status_reads LEFT RIGHT: the status line reads LEFT ... RIGHT, with
# RIGHT a shell pattern.
status_reads() {
	case "$(status_line | sed 's/ *$//')" in
	" $1 "*" "$2)
		return 0
		;;
	esac
	return 1
}

wait_reads() {
	poll status_reads "$1" "$2" ||
	    fail "$size: the status line reads \"$(status_line)\"," \
	    "not \"$1 … $2\""
}

# The article's rows: all but the status and hint lines.
text_rows() {
	screen | sed '$d' | sed '$d'
}

# still KEY UNBOUND: KEY changes nothing on screen but the status line
# (the key after it, not bound and not the last one's, says when it was
# read).
still() {
	before=$(text_rows)
	keys "$1" "$2"
	wait_status "Key $2 is not bound"
	[ "$(text_rows)" = "$before" ] || fail "$size: $1 scrolled past the end"
}

# pair_kept [HINTS]: the hint line (HINTS, else the screen's) has both
# keys of the pair or neither.
pair_kept() {
	case "${1:-$(screen | tail -n 1)}" in
	*"Tab ref  Enter follow"*)
		return 0
		;;
	*"Tab ref"* | *"Enter follow"*)
		return 1
		;;
	esac
	return 0
}

for size in $SIZES; do
	dims "$size"
	start_reader "$W" "$H"
	wait_reads "Overview" "section 1/12  [0-9]*%"
	pair_kept || fail "$size: $(screen | tail -n 1)"
	keys ']' ']'
	wait_reads "The closure and who ordered it" "section 2/12  [0-9]*%"

	# A subsection: its parent's title, then its own; still so a few
	# lines into it.
	keys t
	for k in 1 2 3 4 5 6; do
		keys j
	done
	keys Enter
	wait_reads "Tessel's options › First course: reopen the old lock" \
	    "section 8/12  [0-9]*%"
	keys j j j
	settle
	wait_reads "Tessel's options › First course: reopen the old lock" \
	    "section 8/12  [0-9]*%"

	# The pane with the focus: its title and its percentage.
	keys 1
	wait_reads "Helena Marsh" "pane  [0-9]*%"
	pair_kept || fail "$size, pane: $(screen | tail -n 1)"
	keys G
	wait_reads "Helena Marsh" "pane  END"
	keys Escape
	wait_reads "Tessel's options › First course: reopen the old lock" \
	    "section 8/12  [0-9]*%"

	# The end: the last section shown, END; nothing scrolls further.
	keys G
	wait_reads "Timeline" "section 12/12  END"
	has "The Canal Review." || fail "$size: the last line is not shown"
	still Space x
	still j z
	still d x
	still NPage z
	# Space from the top: the percentage grows, and stops at END with
	# the last line shown.
	keys g
	wait_reads "Overview" "section 1/12  [0-9]*%"
	last=-1
	n=0
	while ! status_has "END"; do
		p=$(status_line | sed -n 's/.* \([0-9]*\)%$/\1/p')
		[ -n "$p" ] && [ "$p" -gt "$last" ] ||
		    fail "$size: Space went to \"$(status_line)\" after $last%"
		last=$p
		n=$((n + 1))
		[ "$n" -le 30 ] || fail "$size: Space never reached the end"
		before=$(screen)
		keys Space
		wait_changed "$before" "$size: Space did nothing at $p%"
	done
	has "The Canal Review." || fail "$size: END without the last line"
	still Space x
done

# drawn_for W: session wW's screen (then in $cap) is drawn for W columns:
# its status line ends one column short of the edge.
drawn_for() {
	cap=$(t capture-pane -p -t "w$1")
	[ "$(printf '%s\n' "$cap" | tail -n 2 | head -n 1 | sed 's/ *$//' |
	    wc -m)" -eq "$1" ]
}

# The hint line at every width from 60 columns (below that the keys of
# rank 1 leave no room for "Tab ref") to 125 (where every key fits):
# "Tab ref" and "Enter follow" together or not at all, and every key a
# narrower line shows still there. A reader at each width at once, a
# session each, since a resize takes tmux a while.
hints_before=
w=60
while [ "$w" -le 125 ]; do
	t new-session -d -s "w$w" -x "$w" -y 30 \
	    "env LC_ALL=C.UTF-8 TERM=screen-256color $BRIEFING $CONTENT;
	    echo reader exited: \$?; sleep 600" ||
	    fail "cannot start a reader at $w columns"
	w=$((w + 1))
done
w=60
while [ "$w" -le 125 ]; do
	poll drawn_for "$w" || fail "${w}x30: not drawn for $w columns:" \
	    "$(t capture-pane -p -t "w$w" 2>&1 | grep -v '^$' | tail -n 3)"
	hint=$(printf '%s\n' "$cap" | tail -n 1)
	case "$hint" in
	"q quit  ? help"*) ;;
	*) fail "${w}x30: no hint line: $hint" ;;
	esac
	pair_kept "$hint" || fail "${w}x30: a key without its partner: $hint"
	items=$(printf '%s\n' "$hint" | sed 's/   */\n/g' | grep -v '^$')
	lost=$(printf '%s\n' "${hints_before:-}" | grep -v '^$' |
	    grep -vxF "$(printf '%s\n' "$items")")
	[ -z "$lost" ] || fail "${w}x30: wider, the hint line lost $lost"
	hints_before=$items
	t kill-session -t "w$w"
	w=$((w + 1))
done
exit 0
