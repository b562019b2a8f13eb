# Shared by the command-line tests (tests/cli/*.sh): a scratch directory,
# pass and fail counts, and byte-level checks of what the program wrote.
# Exit codes follow automake: 0 pass, 1 fail, 77 skip, 99 hard error.
set -u
top_srcdir=${top_srcdir:-.}
[ -n "${BRIEFING:-}" ] && [ -x "$BRIEFING" ] || { echo "BRIEFING not set"; exit 99; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/briefing-cli.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
failures=0
passes=0
B=$BRIEFING

ok() {
	echo "ok: $1"
	passes=$((passes + 1))
}

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# check NAME CONDITION...: pass when the command succeeds.
check() {
	_check=$1
	shift
	if "$@"; then ok "$_check"; else fail "$_check"; fi
}

# Does FILE hold the byte given in octal (e.g. 033 for ESC)?
has_byte() {
	[ -n "$(LC_ALL=C tr -cd "\\$2" <"$1" | head -c 1)" ]
}

# Does FILE hold any byte from 0x80 to 0xFF?
has_high_byte() {
	[ -n "$(LC_ALL=C tr -d '\000-\177' <"$1" | head -c 1)" ]
}

lacks_byte() {
	! has_byte "$@"
}

lacks_text() {
	! LC_ALL=C grep -a -q -F -- "$2" "$1"
}

all_ascii() {
	! has_high_byte "$1"
}

# line_is N FILE TEXT: line N of FILE is TEXT.
line_is() {
	[ "$(sed -n "${1}p" "$2")" = "$3" ]
}

# line_like N FILE REGEX: line N of FILE matches the basic REGEX.
line_like() {
	sed -n "${1}p" "$2" | grep -q -- "$3"
}

# The file's text with carriage returns dropped (a terminal's \r\n).
uncr() {
	tr -d '\r' <"$1"
}

finish() {
	echo "$passes passed, $failures failed"
	[ "$failures" = 0 ]
	exit $?
}
