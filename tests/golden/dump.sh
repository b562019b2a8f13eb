#!/bin/sh
# Golden test of --dump: every case's output at each width it has an
# expected file for (see common.sh), plain (NAME.dumpN) and in colour
# (NAME.colorN, --color=always). A dump must also never hold a raw control
# character (in colour, none but the SGR sequences briefing writes), and
# no line may be wider than its width.
. "${top_srcdir:-.}/tests/golden/common.sh"

# dump_one DIR NAME INPUT WIDTH EXPECTED [COLOR]
dump_one() {
	out="$tmp/$2.dump$4"
	if [ -n "${6:-}" ]; then
		(cd "$1" && "$BRIEFING" --dump --color=always --width "$4" "$3")
	else
		(cd "$1" && NO_COLOR=1 "$BRIEFING" --dump --width "$4" "$3")
	fi >"$out" 2>"$tmp/err" ||
	    { fail "$2 at $4: exit $?: $(cat "$tmp/err")"; return; }
	# Only SGR sequences may carry an ESC; take them out to see the text.
	LC_ALL=C sed "s/$(printf '\033')\[[0-9;]*m//g" "$out" >"$tmp/text"
	[ -z "${6:-}" ] || ! cmp -s "$out" "$tmp/text" ||
	    fail "$2 at $4: --color=always wrote no colour"
	# Nothing raw: no C0 controls but newline, no DEL, no C1 (as UTF-8).
	if LC_ALL=C grep -n "$(printf '[\001-\011\013-\037\177]')" "$tmp/text" >/dev/null ||
	    LC_ALL=C grep -n "$(printf '\302[\200-\237]')" "$tmp/text" >/dev/null; then
		fail "$2 at $4: raw control characters in the dump"
	fi
	# wc -L counts display columns in a UTF-8 locale; awk may count bytes.
	widest=$(wc -L <"$tmp/text")
	[ "$widest" -le "$4" ] || fail "$2 at $4: a line is $widest columns wide"
	compare "$2 at $4${6:+ in colour}" "$out" "$5"
}

case_dump() {
	found=0
	for exp in "$1/$2".dump*; do
		[ -f "$exp" ] || continue
		width=${exp##*.dump}
		dump_one "$1" "$2" "$3" "${width:-80}" "$exp"
		found=1
	done
	for exp in "$1/$2".color*; do
		[ -f "$exp" ] || continue
		width=${exp##*.color}
		dump_one "$1" "$2" "$3" "${width:-80}" "$exp" color
	done
	[ "$found" = 1 ] || [ "${REGEN:-0}" != 1 ] ||
	    dump_one "$1" "$2" "$3" 80 "$1/$2.dump"
	[ "$found" = 1 ] || [ "${REGEN:-0}" = 1 ] ||
	    fail "$2: no expected dump (make regen-golden)"
}

each_input case_dump
finish
