#!/bin/sh
# man.sh: the manual pages, as built (version and content directory
# filled in), pass `mandoc -Tlint` at warning level, and at style level
# once the messages about manuals of other packages, which depend on what
# this machine has installed, are left out; their references to each
# other resolve. The page names every option. Skips without mandoc.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${abs_top_builddir:=$top_srcdir}"

if [ -z "${MANDOC:-}" ] || [ ! -x "$MANDOC" ]; then
	echo "man.sh: mandoc not found; skipping"
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/briefing-man.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

status=0
fail() {
	echo "FAIL: $*"
	status=1
}

for page in briefing.1 briefing.5; do
	if [ ! -r "$abs_top_builddir/man/$page" ]; then
		fail "$page: not built"
		continue
	fi
	cp "$abs_top_builddir/man/$page" "$tmp/"
	out=$("$MANDOC" -Tlint -Wwarning "$tmp/$page" 2>&1)
	rc=$?
	if [ -n "$out" ] || [ "$rc" -ne 0 ]; then
		fail "$page (mandoc exit $rc):"
		echo "$out"
	else
		echo "ok: $page"
	fi
	grep -q '@[A-Z_]*@' "$tmp/$page" && fail "$page: a @VARIABLE@ left unfilled"
	grep -q '^\.Os briefing [0-9]' "$tmp/$page" || fail "$page: .Os not filled"
done

# Both pages side by side in the current directory, where mandoc looks
# for the manuals that .Xr names besides its manual path.
out=$(cd "$tmp" && "$MANDOC" -Tlint -Wstyle briefing.1 briefing.5 2>&1 |
    grep -v -e 'outdated mandoc\.db' \
	-e 'referenced manual not found: Xr \(info\|less\|locale\) 1$')
if [ -n "$out" ]; then
	fail "style:"
	echo "$out"
else
	echo "ok: style, cross-references resolve"
fi

# The options, short and long, as --help gives them.
page=$tmp/briefing.1
for opt in 'Fl d , Fl \-dump' 'Fl c , Fl \-check' 'Fl l , Fl \-list' \
    'Fl w Ar N , Fl \-width' 'Fl h , Fl \-help' 'Fl V , Fl \-version' \
    'Fl \-color Ns Op = Ns Ar when' 'Fl \-no\-colour'; do
	grep -q -F -- "$opt" "$page" || fail "briefing.1 lacks $opt"
done
sed -n '/^\.Sh FILES/,/^\.Sh/p' "$page" | grep -q '^\.It Pa /.*/content$' ||
    fail "briefing.1: FILES does not give the content directory"
[ "$status" = 0 ] && echo "ok: options and FILES"
exit $status
