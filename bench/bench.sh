#!/bin/sh
# bench/bench.sh: what `make bench` runs (doc/performance.md says how to
# read it). On a synthetic briefing (bench/gen), generated once into
# $CACHE and reused, it runs BENCH_REPS rounds, each of them all of:
#   cmark -t html on the briefing's Markdown concatenated (the floor), and
#     on briefing.md alone;
#   briefing --dump --width 80 and briefing --check (CPU time, peak RSS);
#   the reader's first frame at 160x50 in a pseudo-terminal (and the time
#     until it has read the whole briefing), and less on the concatenated
#     Markdown in the same kind of terminal;
#   a reader session driven key by key (bench/measure keys);
# so that the measures are interleaved, not all of one then all of the
# next. Then it prints medians with min-max, and ratios to cmark and less.
#
# Environment (set by make bench): BRIEFING, GEN and MEASURE, the
# programs; CACHE, a directory for the generated briefings. Optional:
# BENCH_PRESET (large), BENCH_REPS (5), BENCH_SEED (1), BENCH_IDLE_MS
# (100: quiet time that ends a redraw), BENCH_KEY_TIMEOUT (seconds a key
# may take to answer; 120: a key that leaves the reader asleep without
# drawing counts as no redraw at once).
set -eu

: "${BRIEFING:?BRIEFING must name the program}"
: "${GEN:?GEN must name bench/gen}"
: "${MEASURE:?MEASURE must name bench/measure}"
: "${CACHE:?CACHE must name a directory}"
PRESET=${BENCH_PRESET:-large}
REPS=${BENCH_REPS:-5}
SEED=${BENCH_SEED:-1}
IDLE=${BENCH_IDLE_MS:-100}
KEY_TIMEOUT=${BENCH_KEY_TIMEOUT:-120}
LC_ALL=C.UTF-8
export LC_ALL

for tool in cmark less; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "bench: $tool not found: install the Debian package $tool" \
		    "(./bootstrap check does)" >&2
		exit 1
	}
done
case $REPS in ''|*[!0-9]*|0) echo "bench: BENCH_REPS must be a count" >&2
	exit 2 ;; esac

started=$(date +%s)
mkdir -p "$CACHE"
dir=$CACHE/$PRESET-$SEED
md=$CACHE/$PRESET-$SEED.md
stamp=$CACHE/$PRESET-$SEED.stamp

# Generate once; again when the generator is newer than what it made.
if [ ! -f "$stamp" ] || [ "$GEN" -nt "$stamp" ]; then
	rm -rf "$dir" "$dir.tmp" "$md" "$stamp"
	echo "bench: generating the $PRESET preset (seed $SEED) into $dir" >&2
	"$GEN" --preset "$PRESET" --seed "$SEED" "$dir.tmp" >&2
	# All the Markdown in one file for cmark and less, a blank line
	# between files so that no front matter becomes a setext heading.
	# Names relative to the briefing: ids, never a space in them.
	(cd "$dir.tmp" && find . -name '*.md' | LC_ALL=C sort |
	    xargs awk 'FNR == 1 && NR > 1 { print "" } { print }') > "$md"
	mv "$dir.tmp" "$dir"
	touch "$stamp"
fi
bytes=$(wc -c < "$md" | tr -d ' ')
files=$(find "$dir" -name '*.md' | wc -l | tr -d ' ')

samples=$CACHE/samples.txt
errs=$CACHE/stderr.txt
: > "$samples"

# run NAME OK MEASURE-ARGS...: bench/measure's "key value" lines, renamed
# NAME_key, appended to the samples and echoed. When the exit status is
# not one of OK (a regular expression), its figures are kept as "none".
run() {
	name=$1 ok=$2
	shift 2
	"$MEASURE" "$@" | awk -v n="$name" -v ok="^($ok)$" '
	    $1 == "key" || $1 == "first" {
		k[++nk] = $1 "_" $2; v[nk] = $3; next }
	    $1 == "status" { status = $2 }
	    { sub(/_ms$|_kb$/, "", $1); k[++nk] = n "_" $1; v[nk] = $2 }
	    END {
		for (i = 1; i <= nk; i++)
			print k[i], (status ~ ok || k[i] ~ /_status$/ ? v[i] : "none")
	    }' | tee -a "$samples"
}

# The value of a sample just taken, for the progress line.
last() {
	grep "^$1 " "$samples" | tail -n 1 | cut -d' ' -f2
}

rep=1
while [ "$rep" -le "$REPS" ]; do
	run cmark 0 cpu -- cmark -t html "$md" >/dev/null
	run article 0 cpu -- cmark -t html "$dir/briefing.md" >/dev/null
	run dump 0 cpu --err "$errs" -- "$BRIEFING" --dump --width 80 "$dir" \
	    >/dev/null
	run check "0|1" cpu -- "$BRIEFING" --check "$dir" >/dev/null
	run frame 0 frame --idle "$IDLE" --until "section 1/" -- \
	    "$BRIEFING" "$dir" >/dev/null
	run less 0 frame --idle "$IDLE" --until "$(basename "$md")" -- \
	    less "$md" >/dev/null
	run session 0 keys --idle "$IDLE" --timeout "$KEY_TIMEOUT" \
	    --until "section 1/" -- "$BRIEFING" "$dir" >/dev/null
	echo "bench: round $rep/$REPS: cmark $(last cmark_cpu) ms," \
	    "dump $(last dump_cpu) ms, check $(last check_cpu) ms," \
	    "first frame $(last frame_frame) ms, less $(last less_frame) ms" >&2
	rep=$((rep + 1))
done

# stat NAME: median, min, max and count of the numeric samples of NAME;
# "-" when there are none.
stat() {
	grep "^$1 " "$samples" | cut -d' ' -f2 | grep -v '^none$' | sort -n |
	    awk '{ v[NR] = $1 }
	    END {
		if (NR == 0) { print "- - - 0"; exit }
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		print m, v[1], v[NR], NR
	    }'
}

# nones NAME: how many presses of NAME drew nothing before the timeout.
nones() {
	grep -c "^$1 none$" "$samples" || true
}

# ms VALUE: milliseconds to show: one decimal below 10.
ms() {
	awk -v v="$1" 'BEGIN {
		if (v == "-") print "-"
		else if (v < 10) printf "%.1f\n", v
		else printf "%.0f\n", v }'
}

# mib KIB: mebibytes to show: one decimal below 10.
mib() {
	awk -v v="$1" 'BEGIN {
		if (v == "-") print "-"
		else printf (v < 10240 ? "%.1f\n" : "%.0f\n"), v / 1024 }'
}

# ratio A B SUFFIX: A / B as "N.N× SUFFIX", or nothing.
ratio() {
	awk -v a="$1" -v b="$2" -v s="$3" 'BEGIN {
		if (a == "-" || b == "-" || b == 0) exit
		r = a / b
		printf (r < 100 ? "%.1f× %s\n" : "%.0f× %s\n"), r, s }'
}

# row LABEL NAME UNIT [RATIO-TEXT]: one line of the table.
row() {
	set -- "$1" "$2" "$3" "${4:-}" $(stat "$2")
	fmt=ms
	[ "$3" != MiB ] || fmt=mib
	med=$($fmt "$5")
	rng="$($fmt "$6")–$($fmt "$7")"
	[ "$6" != - ] || rng=-
	printf '%-40s %8s %-3s %15s  %s\n' "$1" "$med" "$3" "$rng" "$4"
}

# row_vs LABEL NAME UNIT BASE WHAT: a row with NAME's median over BASE.
row_vs() {
	row "$1" "$2" "$3" "$(ratio "$(med "$2")" "$4" "$5")"
}

# keyrow LABEL NAME: a key's answer, to the end of the first burst of
# output it causes (what it shows at once).
keyrow() {
	n=$(stat "key_$2" | cut -d' ' -f4)
	z=$(nones "key_$2")
	extra="$((n + z)) presses"
	[ "$z" -eq 0 ] || extra="$extra, $z drew nothing"
	row "key: $1" "first_$2" ms "$extra"
}

med() { stat "$1" | cut -d' ' -f1; }

# status_note NAME OK LABEL: a line when some runs of NAME exited with a
# status that OK (a regular expression) does not match.
status_note() {
	bad=$(grep "^$1_status " "$samples" | cut -d' ' -f2 |
	    grep -Ev "^($2)\$" | sort -u | tr '\n' ' ')
	[ -z "$bad" ] || echo "  $3 failed: exit status $bad"
}

# join A B: "A; B", or whichever is not empty.
join() {
	if [ -n "$1" ] && [ -n "$2" ]; then echo "$1; $2"; else echo "$1$2"; fi
}

elapsed=$(( $(date +%s) - started ))
{
	echo
	echo "make bench: preset $PRESET (seed $SEED): $bytes bytes of Markdown" \
	    "in $files files; $REPS rounds, interleaved"
	echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' \
	    /proc/cpuinfo | head -n 1), $(awk '/^MemTotal/ {
	    printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) of memory;" \
	    "$(cmark --version | head -n 1 | cut -d' ' -f1-2), less $(less --version |
	    head -n 1 | cut -d' ' -f2)"
	echo
	printf '%-40s %8s %-3s %15s  %s\n' "measure" "median" "" "min–max" \
	    "ratio"
	cm=$(med cmark_cpu)
	row "cmark -t html, all .md (CPU)" cmark_cpu ms "1.0× (the floor)"
	row_vs "cmark -t html, briefing.md (CPU)" article_cpu ms "$cm" cmark
	row_vs "briefing --dump --width 80 (CPU)" dump_cpu ms "$cm" cmark
	row_vs "briefing --check (CPU)" check_cpu ms "$cm" cmark
	row "first frame at 160x50 (wall)" frame_frame ms "$(join \
	    "$(ratio "$(med frame_frame)" "$(med less_frame)" "less")" \
	    "$(ratio "$(med frame_frame)" "$(med article_cpu)" \
	    "cmark on briefing.md")")"
	row "less, first screen at 160x50 (wall)" less_frame ms ""
	row "whole briefing read, in the reader (wall)" frame_quiet ms \
	    "$(ratio "$(med frame_quiet)" "$cm" "cmark")"
	keyrow "scroll (j, k)" scroll
	keyrow "page (Space, b)" page
	keyrow "section (], [)" section
	keyrow "Tab" tab
	keyrow "follow (Enter)" follow
	keyrow "back (Backspace)" back
	keyrow "actor index (a)" index
	keyrow "search (/word Enter)" search
	keyrow "next match (n)" next_match
	keyrow "resize to a new size" resize
	keyrow "resize back to 160x50" resize_back
	keyrow "expert pane (e), a search active" pane
	cr=$(med cmark_rss)
	row "peak RSS: cmark, all .md" cmark_rss MiB "1.0×"
	row_vs "peak RSS: --dump" dump_rss MiB "$cr" cmark
	row_vs "peak RSS: --check" check_rss MiB "$cr" cmark
	row_vs "peak RSS: reader session (after q)" session_rss MiB "$cr" cmark
	status_note dump 0 "briefing --dump"
	status_note check "0|1" "briefing --check"
	status_note frame 0 "the reader (first frame)"
	status_note session 0 "the reader (keys)"
	if grep -q "^dump_status [^0]" "$samples"; then
		echo "  briefing --dump said: $(head -n 1 "$errs")"
	fi
	echo
	echo "Times are milliseconds, medians over the rounds (keys: over all" \
	    "presses, max is the worst);"
	echo "the samples are in $samples. make bench took ${elapsed} s."
} | tee "$CACHE/table.txt"
