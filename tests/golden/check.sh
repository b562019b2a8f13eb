#!/bin/sh
# Golden test of --check: every case's messages (file:line:col: level:
# message) and exit status (see common.sh).
. "${top_srcdir:-.}/tests/golden/common.sh"

case_check() {
	exp="$1/$2.check"
	[ -f "$exp" ] || [ "${REGEN:-0}" = 1 ] ||
	    { fail "$2: no expected check (make regen-golden)"; return; }
	out="$tmp/$2.check"
	(cd "$1" && "$BRIEFING" --check "$3") >"$out" 2>&1
	echo "exit: $?" >>"$out"
	compare "$2 check" "$out" "$exp"
}

each_input case_check
finish
