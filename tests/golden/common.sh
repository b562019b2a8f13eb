# Shared by the golden tests: each input beside its expected outputs,
# found by a loop (lowdown's and mandoc's regress trees are the model).
#
#   cases/NAME.md or cases/NAME/ (a briefing directory)   the input
#   cases/NAME.dump       --dump at 80 columns
#   cases/NAME.dumpN      --dump at N columns
#   cases/NAME.colorN     --dump --color=always at N columns
#   cases/NAME.check      --check, then "exit: STATUS"
#   content/SLUG.dump, content/SLUG.check   the same for each bundled
#                                           briefing under content/
#
# A case is run from its directory, so paths in the output are short.
# REGEN=1 rewrites the expected files that exist, and writes NAME.dump and
# NAME.check for a new input; review with git diff.
# Exit codes follow automake: 0 pass, 1 fail, 77 skip, 99 hard error.
set -u
top_srcdir=${top_srcdir:-.}
golden="$top_srcdir/tests/golden"
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
	if diff -u "$3" "$2" >"$tmp/diff"; then
		echo "ok: $1"
		passes=$((passes + 1))
	else
		fail "$1: output differs from $3"
		head -60 "$tmp/diff"
	fi
}

# each_input FUNCTION: FUNCTION DIR NAME INPUT for every case and every
# bundled briefing.
each_input() {
	for _in in "$golden"/cases/*.md "$golden"/cases/*/; do
		[ -e "$_in" ] || continue
		_in=${_in%/}
		_name=${_in##*/}
		"$1" "$golden/cases" "${_name%.md}" "$_name"
	done
	for _in in "$top_srcdir"/content/*/; do
		[ -f "$_in/briefing.md" ] || continue
		_in=${_in%/}
		"$1" "$golden/content" "${_in##*/}" "$_in"
	done
}

finish() {
	echo "$passes passed, $failures failed"
	[ "${REGEN:-0}" = 1 ] || [ "$passes" -gt 0 ] ||
	    { echo "FAIL: no case ran"; exit 1; }
	[ "$failures" = 0 ]
	exit $?
}
