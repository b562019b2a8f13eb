#!/bin/sh
# make check-valgrind: valgrind's memcheck over --dump and --check of the
# bundled briefings (content/*), every fixture briefing (tests/fixtures)
# and every golden case (tests/golden/cases). Any invalid read or write,
# use of uninitialised memory or definite leak fails, whatever the
# program's own exit status (valgrind exits 99 then). Not in make check:
# it takes a minute or two. A build with sanitizers cannot run under
# valgrind; use a plain build.
set -u
top_srcdir=${top_srcdir:-.}
[ -n "${BRIEFING:-}" ] && [ -x "$BRIEFING" ] || { echo "BRIEFING not set" >&2; exit 99; }
VALGRIND=${VALGRIND:-valgrind}
command -v "$VALGRIND" >/dev/null 2>&1 ||
	{ echo "check-valgrind: valgrind not found (Debian: valgrind)" >&2; exit 1; }
if nm "$BRIEFING" 2>/dev/null | grep -q __asan_init; then
	echo "check-valgrind: $BRIEFING is built with sanitizers; valgrind needs a plain build" >&2
	exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/briefing-valgrind.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
export BRIEFING_CONTENT="$top_srcdir/content"
export LC_ALL=${LC_ALL:-C.UTF-8}

passes=0 failures=0
# run MODE INPUT: one program run under memcheck.
run() {
	"$VALGRIND" -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
	    --log-file="$tmp/vg" "$BRIEFING" "$1" "$2" \
	    >/dev/null 2>"$tmp/err"
	if [ $? -eq 99 ] || [ -s "$tmp/vg" ]; then
		echo "FAIL: $1 $2"
		cat "$tmp/vg" "$tmp/err"
		failures=$((failures + 1))
	else
		echo "ok: $1 $2"
		passes=$((passes + 1))
	fi
}

# A fixture briefing is a directory holding briefing.md, at the top of
# tests/fixtures (reader, problems) or one below it (layout/refs); the
# directories of its files (reader/actors) are not briefings.
for input in "$top_srcdir"/content/*/ "$top_srcdir"/tests/fixtures/*/ \
    "$top_srcdir"/tests/fixtures/*/*/ \
    "$top_srcdir"/tests/golden/cases/*.md "$top_srcdir"/tests/golden/cases/*/; do
	[ -e "$input" ] || continue
	case $input in
	*/tests/fixtures/*) [ -f "$input/briefing.md" ] || continue ;;
	esac
	input=${input%/}
	run --dump "$input"
	run --check "$input"
done
echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
