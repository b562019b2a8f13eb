#!/bin/sh
# Golden test of --dump: every case's output at each width it has an
# expected file for (see common.sh). A dump must also never hold a raw
# control character, and no line may be wider than its width.
. "${top_srcdir:-.}/tests/golden/common.sh"

# dump_one DIR NAME INPUT WIDTH EXPECTED
dump_one() {
	out="$tmp/$2.dump$4"
	(cd "$1" && NO_COLOR=1 "$BRIEFING" --dump --width "$4" "$3") \
	    >"$out" 2>"$tmp/err" || { fail "$2 at $4: exit $?: $(cat "$tmp/err")"; return; }
	# Nothing raw: no C0 controls but newline, no DEL, no C1 (as UTF-8).
	if LC_ALL=C grep -n "$(printf '[\001-\011\013-\037\177]')" "$out" >/dev/null ||
	    LC_ALL=C grep -n "$(printf '\302[\200-\237]')" "$out" >/dev/null; then
		fail "$2 at $4: raw control characters in the dump"
	fi
	# wc -L counts display columns in a UTF-8 locale; awk may count bytes.
	widest=$(wc -L <"$out")
	[ "$widest" -le "$4" ] || fail "$2 at $4: a line is $widest columns wide"
	compare "$2 at $4" "$out" "$5"
}

case_dump() {
	found=0
	for exp in "$1/$2".dump*; do
		[ -f "$exp" ] || continue
		width=${exp##*.dump}
		dump_one "$1" "$2" "$3" "${width:-80}" "$exp"
		found=1
	done
	[ "$found" = 1 ] || [ "${REGEN:-0}" != 1 ] ||
	    dump_one "$1" "$2" "$3" 80 "$1/$2.dump"
	[ "$found" = 1 ] || [ "${REGEN:-0}" = 1 ] ||
	    fail "$2: no expected dump (make regen-golden)"
}

each_input case_dump
finish
