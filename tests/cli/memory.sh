#!/bin/sh
# Memory on hostile input, measured (tests/maxrss: peak RSS): a one-letter
# alias on every other byte of the article, at 256 KiB and 512 KiB. The
# mentions are capped (xref.h), so memory is linear in the input, never
# more: twice the input takes at most 2.2 times the memory, for --check
# and --dump; and each stays under a bound per byte of input, a ceiling
# measured here with some room (--check 77x, --dump 330x on Debian 12):
# a change that adds memory per mention fails it. In a build with
# sanitizers the figures mean nothing: the test skips.
. "${top_srcdir:-.}/tests/cli/common.sh"

MAXRSS=${MAXRSS:-$(dirname "$B")/tests/maxrss}
[ -x "$MAXRSS" ] || { echo "tests/maxrss not built"; exit 99; }
if nm "$B" 2>/dev/null | grep -q __asan_init; then
	echo "skip: built with sanitizers, whose memory is not the program's"
	exit 77
fi

# alias_briefing DIR KIB: paragraphs of 500 "a" up to KIB KiB, an actor
# with the alias "a".
alias_briefing() {
	mkdir -p "$1/actors"
	printf -- '---\nname: Xavier\nkind: person\naliases: [a]\n---\nP.\n' \
	    >"$1/actors/x.md"
	awk -v kib="$2" 'BEGIN {
		p = "a"; for (i = 1; i < 500; i++) p = p " a"
		printf "## S\n\n"
		for (n = 0; n < kib * 1024; n += length(p) + 2) printf "%s\n\n", p
	}' >"$1/briefing.md"
}

# rss MODE DIR: peak KiB of one run.
rss() {
	"$MAXRSS" "$tmp/rss" "$B" "$1" "$2" >/dev/null 2>&1
	cat "$tmp/rss"
}

alias_briefing "$tmp/small" 256
alias_briefing "$tmp/big" 512
for mode in --check --dump; do
	case $mode in
	--check) per=100 ;;
	--dump) per=450 ;;
	esac
	small=$(rss "$mode" "$tmp/small")
	big=$(rss "$mode" "$tmp/big")
	echo "$mode: $small KiB at 256 KiB of input, $big KiB at 512 KiB"
	check "$mode: linear (at most 2.2x for twice the input)" \
	    test $((big * 10)) -le $((small * 22))
	check "$mode: at most ${per} bytes per byte of input" \
	    test "$big" -le $((512 * per))
done
finish
