#!/bin/sh
# Golden test of --dump: each case's output is compared with the stored
# expected text. REGEN=1 rewrites the expected files for review (git diff).
# A dump must also never hold a raw control character, whatever the input.
. "${top_srcdir:-.}/tests/golden/common.sh"

# case name | path under $top_srcdir | width
CASES='
mini-80|tests/fixtures/mini|80
mini-40|tests/fixtures/mini|40
mini-20|tests/fixtures/mini|20
plain-60|tests/fixtures/plain.md|60
hostile-40|tests/fixtures/hostile.md|40
crocus-80|content/crocus-2024|80
'

for c in $CASES; do
	name=${c%%|*}; rest=${c#*|}; path=${rest%%|*}; width=${rest#*|}
	out="$tmp/dump-$name.txt"
	(cd "$top_srcdir" && NO_COLOR=1 "$BRIEFING" --dump --width "$width" "$path") \
	    >"$out" 2>"$tmp/err" || { fail "$name: exit $?: $(cat "$tmp/err")"; continue; }
	# Nothing raw: no C0 controls but newline, no DEL, no C1 (as UTF-8).
	if LC_ALL=C grep -n "$(printf '[\001-\011\013-\037\177]')" "$out" >/dev/null ||
	    LC_ALL=C grep -n "$(printf '\302[\200-\237]')" "$out" >/dev/null; then
		fail "$name: raw control characters in the dump"
	fi
	# Every line fits the width it was laid out for.
	# (wc -L counts display columns in a UTF-8 locale; awk may count bytes.)
	widest=$(wc -L <"$out")
	[ "$widest" -le "$width" ] || fail "$name: a line is $widest columns wide, over $width"
	compare "$name" "$out" "$expected/dump-$name.txt"
done
finish
