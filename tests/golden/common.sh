# Shared by the golden tests: paths, a scratch directory, compare and finish.
# Exit codes follow automake: 0 pass, 1 fail, 77 skip, 99 hard error.
set -u
top_srcdir=${top_srcdir:-.}
expected="$top_srcdir/tests/golden/expected"
[ -n "${BRIEFING:-}" ] && [ -x "$BRIEFING" ] || { echo "BRIEFING not set"; exit 99; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/briefing-golden.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
failures=0
passes=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# compare NAME ACTUAL EXPECTED
compare() {
	if [ "${REGEN:-0}" = 1 ]; then
		cp "$2" "$3" && echo "regenerated $3"
		return
	fi
	if [ ! -f "$3" ]; then
		fail "$1: no expected output $3 (make regen-golden)"
	elif diff -u "$3" "$2" >"$tmp/diff"; then
		echo "ok: $1"
		passes=$((passes + 1))
	else
		fail "$1: output differs from $3"
		head -60 "$tmp/diff"
	fi
}

finish() {
	echo "$passes passed, $failures failed"
	[ "$failures" = 0 ]
	exit $?
}
