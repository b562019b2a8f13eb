#!/bin/sh
# Output safety, byte by byte: strings from outside (paths, arguments)
# never reach stderr raw, and under a locale that is not UTF-8 nothing the
# program writes holds a byte above 0x7F (0x9B is CSI to an 8-bit terminal).
. "${top_srcdir:-.}/tests/cli/common.sh"
cd "$top_srcdir" || exit 99
CONTENT=content/crocus-2024

# A briefing with errors, in a directory whose name holds ESC and OSC.
evil="$tmp/$(printf 'x\033]0;owned\007\033[2Jy')"
mkdir "$evil"
cp -R tests/golden/cases/broken/. "$evil/"
"$B" --dump "$evil" >"$tmp/out" 2>"$tmp/err"
check "evil path: the problems are said" grep -q 'errors\{0,1\} in this briefing' "$tmp/err"
check "evil path: no ESC on stderr" lacks_byte "$tmp/err" 033
check "evil path: no BEL on stderr" lacks_byte "$tmp/err" 007
check "evil path: shown as placeholders" grep -q "$(printf '\342\220\233')]0;owned" "$tmp/err"
"$B" --check "$evil" >"$tmp/out" 2>"$tmp/err"
check "evil path: --check output has no ESC" lacks_byte "$tmp/out" 033

# Arguments echoed in messages are made safe too.
"$B" --width "$(printf '\033[2J')" >"$tmp/out" 2>"$tmp/err"
check "--width echo: exit 2" test $? = 2
check "--width echo: no ESC" lacks_byte "$tmp/err" 033
"$B" "--$(printf '\033[2J')" >"$tmp/out" 2>"$tmp/err"
check "bad option echo: no ESC" lacks_byte "$tmp/err" 033
"$B" --dump "$tmp/$(printf 'no\033[2Jsuch')" >"$tmp/out" 2>"$tmp/err"
check "missing path echo: no ESC" lacks_byte "$tmp/err" 033

# ascii_only NAME LOCALE ARGS...: every byte on stdout and stderr < 0x80.
ascii_only() {
	name=$1 loc=$2
	shift 2
	LC_ALL=$loc "$B" "$@" >"$tmp/out" 2>"$tmp/err"
	check "$name: output written" test -s "$tmp/out"
	check "$name: stdout ASCII" all_ascii "$tmp/out"
	check "$name: stderr ASCII" all_ascii "$tmp/err"
}
ascii_only "LC_ALL=C --dump" C --dump "$CONTENT"
ascii_only "LC_ALL=C --dump --color=always" C --dump --color=always "$CONTENT"
ascii_only "LC_ALL=C --dump of hostile text" C --dump tests/golden/cases/hostile.md
ascii_only "LC_ALL=C --check" C --check tests/golden/cases/broken
ascii_only "LC_ALL=C --list" C --list
ascii_only "LC_ALL=C --dump, evil path" C --dump "$evil"
# The same briefing under UTF-8 does hold such bytes: the check can fail.
LC_ALL=C.UTF-8 "$B" --dump "$CONTENT" >"$tmp/out" 2>&1
check "C.UTF-8 --dump: UTF-8 kept" has_high_byte "$tmp/out"
# What the ASCII looks like: letters transliterated, placeholders as codes.
LC_ALL=C "$B" --dump tests/golden/cases/hostile.md >"$tmp/out" 2>&1
check "LC_ALL=C: ESC as <U+241B>" grep -q '<U+241B>\[31mred' "$tmp/out"
check "LC_ALL=C: C1 CSI as its code" grep -q '<U+009B>' "$tmp/out"

# A Latin-1 locale, when the machine has one (.ci/run makes one).
latin1=$(locale -a 2>/dev/null | grep -i -m 1 -E '^[a-z_]+\.(iso-?8859-?1|iso88591)$')
if [ -n "$latin1" ]; then
	ascii_only "$latin1 --dump" "$latin1" --dump "$CONTENT"
	ascii_only "$latin1 --check" "$latin1" --check tests/golden/cases/broken
else
	echo "no Latin-1 locale here: those cases not run (CI makes one)"
fi
finish
