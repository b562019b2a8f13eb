#!/bin/sh
# GNU command-line conventions: --help and --version in their forms, every
# message under the program's base name and followed by the --help hint,
# write errors reported, --color, and what is said when the content
# directory is missing.
. "${top_srcdir:-.}/tests/cli/common.sh"
cd "$top_srcdir" || exit 99

# run NAME STATUS COMMAND...: stdout in $tmp/out, stderr in $tmp/err.
run() {
	_run=$1 want=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" = "$want" ] && return 0
	fail "$_run: exit $got, wanted $want"
	cat "$tmp/err"
	return 1
}

# --help: usage first, the options, examples, then the bug-report line.
if run help 0 "$B" --help; then
	check "help: usage line" grep -q '^Usage: briefing \[OPTION\]\.\.\. \[PATH\]$' "$tmp/out"
	for opt in '-d, --dump' '-c, --check' '-l, --list' '-w, --width=N' \
	    '--color\[=WHEN\]' '--no-color' '-h, --help' '-V, --version'; do
		check "help: names $opt" grep -q -- "$opt" "$tmp/out"
	done
	check "help: three examples" test "$(sed -n '/^Examples:/,$p' "$tmp/out" | grep -c '^  briefing')" -eq 3
	check "help: last line reports bugs" line_like '$' "$tmp/out" '^Report bugs to: .*README'
	check "help: nothing on stderr" test ! -s "$tmp/err"
fi
run help-short 0 "$B" -h && check "-h is --help" grep -q '^Usage:' "$tmp/out"

# --version: name and version, copyright, licence, no warranty.
if run version 0 "$B" --version; then
	check "version: name and version" line_like 1 "$tmp/out" '^briefing [0-9][0-9.]*$'
	check "version: copyright" line_like 2 "$tmp/out" '^Copyright (C) [0-9]\{4\} '
	check "version: licence" line_like 3 "$tmp/out" '^License ISC'
	check "version: free software" line_like 4 "$tmp/out" '^This is free software'
	check "version: no warranty" line_is 5 "$tmp/out" 'There is NO WARRANTY, to the extent permitted by law.'
	check "version: five lines" test "$(wc -l <"$tmp/out")" -eq 5
fi
run version-short 0 "$B" -V && check "-V is --version" grep -q '^briefing ' "$tmp/out"

# Usage errors: the base name, what went wrong, then the hint; exit 2.
usage_error() {
	name=$1 msg=$2
	shift 2
	run "$name" 2 "$@" || return
	check "$name: message" line_is 1 "$tmp/err" "briefing: $msg"
	check "$name: hint" line_is 2 "$tmp/err" "Try 'briefing --help' for more information."
	check "$name: two lines" test "$(wc -l <"$tmp/err")" -eq 2
}
usage_error unrecognized "unrecognized option '--bogus'" "$B" --bogus
usage_error invalid-short "invalid option -- 'x'" "$B" -x
usage_error invalid-in-cluster "invalid option -- 'x'" "$B" --dump -dx
usage_error missing-arg "option '--width' requires an argument" "$B" --width
usage_error missing-arg-short "option requires an argument -- 'w'" "$B" -w
usage_error flag-with-value "option '--dump' doesn't allow an argument" "$B" --dump=yes
usage_error ambiguous "option '--c' is ambiguous" "$B" --c
usage_error bad-width "invalid --width '0': not a width from 1 to 10000" "$B" --width 0
usage_error bad-color "invalid argument 'maybe' for '--color': use auto, always or never" "$B" --color=maybe
usage_error two-paths "one briefing at a time" "$B" --dump tests/golden/cases/mini tests/golden/cases/mini
# Run by its full path, the messages still name "briefing".
usage_error full-path "unrecognized option '--bogus'" "$(cd "$(dirname "$B")" && pwd)/$(basename "$B")" --bogus

# Write errors: every output is checked, exit 2 with a message.
if [ -w /dev/full ]; then
	for args in --help --version --list "--check tests/golden/cases/broken" \
	    "--dump tests/golden/cases/mini"; do
		# shellcheck disable=SC2086
		"$B" $args >/dev/full 2>"$tmp/err"
		got=$?
		check "write error: $args: exit 2" test "$got" = 2
		check "write error: $args: said" grep -qx 'briefing: write error: No space left on device' "$tmp/err"
	done
	# The same under a locale that is not UTF-8 (output through a filter).
	LC_ALL=C "$B" --dump tests/golden/cases/mini >/dev/full 2>"$tmp/err"
	check "write error: LC_ALL=C --dump: exit 2" test $? = 2
	check "write error: LC_ALL=C --dump: said" grep -qx 'briefing: write error: No space left on device' "$tmp/err"
else
	echo "/dev/full not writable: write-error cases not run"
fi

# --color: always colours a pipe (for less -R), never and auto do not.
sgr() {
	LC_ALL=C grep -q "$(printf '\033')\[[0-9;]*m" "$1"
}
run color-always 0 "$B" --color=always tests/golden/cases/mini &&
    check "--color=always through a pipe: SGR codes" sgr "$tmp/out"
run color-alone 0 "$B" --color tests/golden/cases/mini &&
    check "--color alone: SGR codes" sgr "$tmp/out"
run color-always-no-color 0 env NO_COLOR=1 "$B" --color=always tests/golden/cases/mini &&
    check "--color=always beats NO_COLOR" sgr "$tmp/out"
run color-never 0 "$B" --color=never --dump tests/golden/cases/mini &&
    check "--color=never: no escape" lacks_byte "$tmp/out" 033
run color-auto-pipe 0 "$B" --color=auto --dump tests/golden/cases/mini &&
    check "--color=auto through a pipe: no escape" lacks_byte "$tmp/out" 033
run no-colour 0 "$B" --color=always --no-colour --dump tests/golden/cases/mini &&
    check "--no-colour after --color=always: no escape" lacks_byte "$tmp/out" 033

# A missing content directory is said as such, without advice to set the
# variable that named it.
run list-missing 2 env BRIEFING_CONTENT=/nonexistent/content "$B" --list &&
    check "list: missing directory named" grep -qx "briefing: content directory '/nonexistent/content' (BRIEFING_CONTENT): No such file or directory" "$tmp/err"
run open-missing 2 env BRIEFING_CONTENT=/nonexistent/content "$B" --dump &&
    check "no PATH: missing directory named" grep -q '^briefing: /nonexistent/content: error: content directory named by BRIEFING_CONTENT: No such file or directory' "$tmp/err"
check "no advice to set BRIEFING_CONTENT when it is set" lacks_text "$tmp/err" 'set BRIEFING_CONTENT'
mkdir "$tmp/empty"
run list-empty 0 env BRIEFING_CONTENT="$tmp/empty" "$B" --list &&
    check "list: empty directory said" grep -qx "briefing: no briefings in '$tmp/empty'" "$tmp/err"

# Several briefings and no PATH: which one opens is said (reader only).
mkdir "$tmp/two"
cp -R tests/golden/cases/mini "$tmp/two/a-first"
cp -R tests/golden/cases/mini "$tmp/two/b-second"
run which-opens 0 env BRIEFING_CONTENT="$tmp/two" "$B" --dump &&
    check "--dump: no note on which opens" test ! -s "$tmp/err"
finish
