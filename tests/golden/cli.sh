#!/bin/sh
# The command line as a user meets it: help, version, errors and their
# exit statuses, the pipe rule (not a terminal -> --dump), --list.
. "${top_srcdir:-.}/tests/golden/common.sh"

# expect NAME WANT_STATUS PATTERN -- command...
expect() {
	name=$1 want=$2 pattern=$3
	shift 4
	"$@" >"$tmp/out" 2>&1
	got=$?
	if [ "$got" != "$want" ]; then
		fail "$name: exit $got, wanted $want"; cat "$tmp/out"; return
	fi
	# An empty pattern means the output must be empty.
	if [ -z "$pattern" ] && [ -s "$tmp/out" ]; then
		fail "$name: wanted no output"; head -20 "$tmp/out"; return
	fi
	if [ -n "$pattern" ] && ! grep -q -- "$pattern" "$tmp/out"; then
		fail "$name: output lacks '$pattern'"; head -20 "$tmp/out"; return
	fi
	echo "ok: $name"
	passes=$((passes + 1))
}

B=$BRIEFING
cd "$top_srcdir" || exit 99
expect help 0 'Usage: briefing' -- "$B" --help
expect version 0 '^briefing [0-9]' -- "$B" --version
expect bad-option 2 "Try 'briefing --help'" -- "$B" --bogus
expect missing-path 2 '^briefing: /nonexistent/x: error: No such file or directory' -- "$B" --dump /nonexistent/x
expect not-a-briefing 2 'briefing: tests/golden/cases/mini/actors: error: not a briefing: no briefing.md' -- "$B" --dump tests/golden/cases/mini/actors
: >"$tmp/empty.md"
expect empty-file 2 "briefing: $tmp/empty.md: error: empty file" -- "$B" --dump "$tmp/empty.md"
expect bad-width 2 'not a width' -- "$B" --dump --width 0 tests/golden/cases/mini
expect two-paths 2 'one briefing at a time' -- "$B" --dump tests/golden/cases/mini tests/golden/cases/mini
expect check-clean 0 '' -- "$B" --check tests/golden/cases/mini
# The briefing the tmux tests read stays clean as the checks grow.
expect check-clean-e2e-fixture 0 '' -- "$B" --check tests/fixtures/reader
expect check-errors 1 'error:' -- "$B" --check tests/golden/cases/broken
# Not a terminal: behaves as --dump, so briefing | grep works.
"$B" tests/golden/cases/mini </dev/null | grep -q 'River Dispute' &&
    { echo "ok: pipe-dumps"; passes=$((passes + 1)); } || fail "pipe-dumps"
# COLUMNS sets the dump width when --width is absent.
# (wc -L counts display columns in a UTF-8 locale; awk may count bytes.)
[ "$(COLUMNS=30 "$B" --dump tests/golden/cases/mini | wc -L)" -le 30 ] &&
    { echo "ok: columns-width"; passes=$((passes + 1)); } || fail "columns-width"
# A bundled briefing by its slug, and --list through BRIEFING_CONTENT.
BRIEFING_CONTENT=tests/golden/cases expect list 0 '^mini	River Dispute' -- "$B" --list
BRIEFING_CONTENT=tests/golden/cases expect slug 0 'River Dispute' -- "$B" --dump mini
# From the build tree, the default briefing is the tree's bundled one.
expect default-bundled 0 'Crocus' -- "$B" --dump
finish
