#!/bin/sh
# Golden test of --check: the messages (file:line:col: level: message) and
# the exit status of each case are compared with the stored expected text.
# REGEN=1 rewrites the expected files for review (git diff).
. "${top_srcdir:-.}/tests/golden/common.sh"

# case name | path under $top_srcdir
CASES='
mini|tests/fixtures/mini
broken|tests/fixtures/broken
crocus|content/crocus-2024
'

for c in $CASES; do
	name=${c%%|*}; path=${c#*|}
	out="$tmp/check-$name.txt"
	(cd "$top_srcdir" && "$BRIEFING" --check "$path") >"$out" 2>&1
	echo "exit: $?" >>"$out"
	compare "$name" "$out" "$expected/check-$name.txt"
done
finish
