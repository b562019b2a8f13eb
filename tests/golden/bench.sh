#!/bin/sh
# The benchmark's generator (bench/gen, built by make check) and what
# make bench relies on: the same preset and seed give the same bytes, and
# a generated briefing is one the program reads without a complaint
# (--check says nothing and exits 0; --dump prints it and exits 0).
. "${top_srcdir:-.}/tests/golden/common.sh"

GEN=${abs_top_builddir:-.}/bench/gen
[ -x "$GEN" ] || { echo "bench/gen not built"; exit 99; }

# gen_ok NAME ARGS...: the generator succeeds into $tmp/NAME.
gen_ok() {
	name=$1
	shift
	if "$GEN" "$@" "$tmp/$name" >"$tmp/$name.out" 2>&1; then
		echo "ok: gen $*"
		passes=$((passes + 1))
	else
		fail "gen $*: exit status $?"
		cat "$tmp/$name.out"
	fi
}

for seed in 1 2 3; do
	gen_ok "small-$seed" --preset small --seed "$seed"
	(cd "$tmp" && "$BRIEFING" --check "small-$seed") >"$tmp/got" 2>&1
	echo "exit: $?" >>"$tmp/got"
	echo "exit: 0" >"$tmp/want"
	compare "small preset, seed $seed: --check is clean" "$tmp/got" \
	    "$tmp/want"
done

# Deterministic: seed 1 again, byte for byte.
gen_ok small-1-again --preset small --seed 1
if diff -r "$tmp/small-1" "$tmp/small-1-again" >"$tmp/diff"; then
	echo "ok: the same seed gives the same briefing"
	passes=$((passes + 1))
else
	fail "the same seed gave another briefing"
	head -20 "$tmp/diff"
fi

# The whole briefing prints: every section, expert and actor.
"$BRIEFING" --dump --width 80 "$tmp/small-1" >"$tmp/dump" 2>"$tmp/err"
status=$?
sections=$(grep -c '^## ' "$tmp/small-1/briefing.md")
actors=$(ls "$tmp/small-1/actors" | wc -l)
if [ "$status" = 0 ] && [ ! -s "$tmp/err" ] &&
    grep -q '^Actors$' "$tmp/dump" &&
    [ "$(grep -c '^════' "$tmp/dump")" -ge $((sections + actors)) ]; then
	echo "ok: --dump prints the small preset"
	passes=$((passes + 1))
else
	fail "--dump of the small preset: exit $status, or parts missing"
	head -20 "$tmp/err"
fi

finish
