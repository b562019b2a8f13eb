#!/bin/sh
# fuzz/run.sh SRC BUILD [TARGET...]: run each libFuzzer target (all six
# by default) for $FUZZ_SECONDS seconds (30) from its seed corpus
# SRC/corpus/TARGET, one at a time, one process each. New inputs go to
# BUILD/corpus-TARGET (the seeds are never written to); a crash, a leak,
# a timeout (FUZZ_TIMEOUT seconds for one input, 10) or memory past
# 2 GiB stops the run, leaves the input as BUILD/TARGET-crash-* (or
# -leak-, -timeout-, -oom-),
# prints libFuzzer's report and fails. $FUZZ_ARGS adds libFuzzer options
# (-runs=N, -seed=N, ...). make fuzz-run and .ci/run call it.
set -u
src=$1 build=$2
shift 2
[ $# -gt 0 ] || set -- fuzz_frontmatter fuzz_briefing fuzz_xref fuzz_layout \
    fuzz_textsafe fuzz_reader
seconds=${FUZZ_SECONDS:-30}
failed=0 passed=0

for t in "$@"; do
	bin=$build/$t
	[ -x "$bin" ] || { echo "fuzz/run.sh: $bin not built (make fuzz)" >&2; exit 2; }
	work=$build/corpus-$t
	mkdir -p "$work"
	case $t in
	fuzz_frontmatter) dict=-dict=$src/dict/yaml.dict ;;
	fuzz_textsafe) dict=-dict=$src/dict/text.dict ;;
	*) dict=-dict=$src/dict/markdown.dict ;;
	esac
	log=$build/$t.fuzzlog
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" \
	    -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
	    -artifact_prefix="$build/$t-" $dict ${FUZZ_ARGS:-} \
	    "$work" "$src/corpus/$t" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	secs=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	if [ "$rc" -eq 0 ]; then
		echo "ok: $t: ${runs:-?} executions (${secs:-?}/s), corpus $(ls "$work" | wc -l) new"
		passed=$((passed + 1))
	else
		echo "FAIL: $t (exit $rc): its report:"
		grep -v '^#[0-9]' "$log" | tail -n 80
		ls "$build/$t"-* 2>/dev/null
		failed=$((failed + 1))
	fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
