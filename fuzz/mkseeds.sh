#!/bin/sh
# fuzz/mkseeds.sh: write the seed corpus of each fuzz target into
# fuzz/corpus/TARGET from the tree's own briefings: the bundled content,
# the fixtures (tests/fixtures) and the golden cases (tests/golden/cases),
# in the input format of each target (fuzz.h and the comment at the top
# of each fuzz_*.c). Seeds are named by their checksum; each stays under
# 16 KiB (make fuzz-run's -max_len): the bundled briefing is cut into
# its article and groups of profiles. Run from anywhere; commit the
# result (git add fuzz/corpus).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/fuzz/corpus
tmp=$(mktemp -d "${TMPDIR:-/tmp}/briefing-seeds.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
rm -rf "$out"
for t in fuzz_frontmatter fuzz_briefing fuzz_xref fuzz_layout \
    fuzz_textsafe fuzz_reader; do
	mkdir -p "$out/$t"
done

# seed TARGET < bytes: one seed, named by its checksum.
seed() {
	cat >"$tmp/seed"
	sum=$(cksum <"$tmp/seed" | cut -d' ' -f1)
	mv "$tmp/seed" "$out/$1/seed-$sum"
}

# archive DIR [FILES...]: a briefing directory in the archive format of
# fuzz.h, on stdout: its briefing.md (or FILE.md), then the given
# profiles (all when none are given), then its timeline.
archive() {
	dir=$1
	shift
	cat "$dir/briefing.md"
	if [ $# -eq 0 ]; then
		set -- "$dir"/experts/*.md "$dir"/actors/*.md
	fi
	for f in "$@"; do
		[ -f "$f" ] || continue
		case $f in
		*/experts/*) kind=e ;;
		*) kind=a ;;
		esac
		printf '\0%s%s\n' "$kind" "$(basename "$f" .md)"
		cat "$f"
	done
	if [ -f "$dir/timeline.md" ]; then
		printf '\0t\n'
		cat "$dir/timeline.md"
	fi
}

# The header bytes of each target before its archive: width 80 (and 40
# for the layout), no flags.
briefing_seed() { { printf 'O\0'; cat; } | seed fuzz_briefing; }
layout_seed() { { printf "O'\\0"; cat; } | seed fuzz_layout; }

# Key scripts of the reader (fuzz_reader.c): reading keys, the overlays
# and prompts, resizes, clicks, the wheel and idle work.
keys1='?\033]]\t\t\n\010fe\tojkGgt\n\033j\033/the\nnNN\033q'
keys2='\341\036\014\341\310<\342\005\003\343\012\012\203\344\062\061\062a\010r\n\033 b\tdu'
keys3='\345\017\002\350Russia\000\351ta\000\347\001\000\352note\000\340\000\000\351\210'

reader_seed() {
	cat >"$tmp/arch"
	for k in "$keys1" "$keys2" "$keys3"; do
		{ printf '\0'; cat "$tmp/arch"; printf '\0\0'; printf "$k"; } |
		    seed fuzz_reader
	done
}

# xref_entity FILE: a profile as fuzz_xref takes it: a kind byte, the
# name, each alias on its own line, a blank line, the body.
xref_entity() {
	case $1 in
	*/experts/*) printf 'e' ;;
	*) printf 'a' ;;
	esac
	awk '
	NR == 1 && /^---$/ { fm = 1; next }
	fm && /^---$/ { fm = 0; body = 1
		print name; for (i = 0; i < n; i++) print alias[i]; print ""
		next }
	fm && /^name:/ { sub(/^name: */, ""); gsub(/"/, ""); name = $0; next }
	fm && /^aliases: *\[/ { s = $0; sub(/^aliases: *\[/, "", s)
		sub(/\].*/, "", s); k = split(s, a, /, */)
		for (j = 1; j <= k; j++) { gsub(/"/, "", a[j]); alias[n++] = a[j] }
		next }
	fm && /^  *- / { s = $0; sub(/^  *- */, "", s); gsub(/"/, "", s)
		alias[n++] = s; next }
	body { print }' "$1"
}

xref_seed() {
	dir=$1
	{
		sed '1{/^---$/!q};1,/^---$/d' "$dir/briefing.md" 2>/dev/null ||
		    cat "$dir/briefing.md"
		for f in "$dir"/experts/*.md "$dir"/actors/*.md; do
			[ -f "$f" ] || continue
			printf '\0'
			xref_entity "$f"
		done
	} | { printf '\001'; cat; } | head -c 16000 | seed fuzz_xref
}

dirs=$(ls -d "$top"/tests/fixtures/*/*/ "$top"/tests/golden/cases/*/ \
    2>/dev/null)
for d in $dirs; do
	d=${d%/}
	archive "$d" >"$tmp/a"
	briefing_seed <"$tmp/a"
	layout_seed <"$tmp/a"
	reader_seed <"$tmp/a"
	xref_seed "$d"
done

# Lone Markdown files: a plain file (flag 1 of fuzz_briefing).
for f in "$top"/tests/golden/cases/*.md; do
	{ printf 'O\001'; cat "$f"; } | seed fuzz_briefing
	cat "$f" | layout_seed
	{ printf '\002'; cat "$f"; printf '\0\0'; printf "$keys1"; } |
	    seed fuzz_reader
done

# The bundled briefings, cut to size: the article with its timeline,
# then its first 2 KiB with each group of eight profiles.
for d in "$top"/content/*/; do
	d=${d%/}
	{ cat "$d/briefing.md"; printf '\0t\n'; cat "$d/timeline.md"; } \
	    >"$tmp/a"
	briefing_seed <"$tmp/a"
	layout_seed <"$tmp/a"
	reader_seed <"$tmp/a"
	head -c 2048 "$d/briefing.md" >"$tmp/head"
	ls "$d"/experts/*.md "$d"/actors/*.md >"$tmp/profiles"
	split -l 8 "$tmp/profiles" "$tmp/group."
	for g in "$tmp"/group.*; do
		mkdir -p "$tmp/c/experts" "$tmp/c/actors"
		cp "$tmp/head" "$tmp/c/briefing.md"
		# shellcheck disable=SC2046
		archive "$tmp/c" $(cat "$g") >"$tmp/a"
		briefing_seed <"$tmp/a"
		layout_seed <"$tmp/a"
		rm -rf "$tmp/c"
	done
	xref_seed "$d"
done

# Front matter and text: the head of every Markdown file in the tree's
# briefings (front matter and a few lines), with no flags, with ASCII
# output and one line (fuzz_textsafe's flags).
find "$top/content" "$top/tests/fixtures" "$top/tests/golden/cases" \
    -name '*.md' | sort | while read -r f; do
	head -c 1536 "$f" | seed fuzz_frontmatter
	{ printf '\0'; head -c 1024 "$f"; } | seed fuzz_textsafe
	{ printf '\003'; head -c 512 "$f"; } | seed fuzz_textsafe
done

for t in "$out"/*; do
	printf '%s: %s seeds, %s bytes\n' "$(basename "$t")" \
	    "$(ls "$t" | wc -l)" "$(cat "$t"/* | wc -c)"
done
