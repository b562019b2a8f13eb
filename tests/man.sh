#!/bin/sh
# man.sh: the manual pages pass `mandoc -Tlint` at warning level.
# (Style-level messages are for `make lint-man`: some of them depend on
# which manuals the machine has installed.) Skips without mandoc.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"

if [ -z "${MANDOC:-}" ] || [ ! -x "$MANDOC" ]; then
	echo "man.sh: mandoc not found; skipping"
	exit 77
fi

status=0
for page in "$top_srcdir/man/briefing.1" "$top_srcdir/man/briefing.5"; do
	if [ ! -r "$page" ]; then
		echo "FAIL: $page: missing"
		status=1
		continue
	fi
	out=$("$MANDOC" -Tlint -Wwarning "$page" 2>&1)
	rc=$?
	if [ -n "$out" ] || [ "$rc" -ne 0 ]; then
		echo "FAIL: $page (mandoc exit $rc):"
		echo "$out"
		status=1
	else
		echo "ok: $page"
	fi
done
exit $status
