#!/bin/sh
# run.sh - the driver of `make fuzz`: builds the seed corpora at run time
# from the example notes, the test notes and ../shared/corpus/notes (when
# it is there), then runs each libFuzzer target in turn for FUZZ_TIME
# seconds (one process, -jobs=1), keeping what it finds new in
# BUILD/corpus/TARGET and a crashing input in BUILD/crashes/.  Prints one
# line a target with its executions, and "N passed, N failed".
#
#   FUZZ_TIME=60 fuzz/run.sh BUILD_DIR TARGET...
set -u
cd "$(dirname "$0")/.." || exit 2
# absolute: the pipeline target works from a folder of its own
case $1 in /*) build=$1 ;; *) build=$PWD/$1 ;; esac
shift
time=${FUZZ_TIME:-10}
export SECONDROUND_FILTERS="$PWD/filters"
seeds=$build/seeds
rm -rf "$seeds" && mkdir -p "$seeds/notes" "$seeds/points" "$build/crashes"
i=0
for f in examples/notes/*/*/*.md examples/notes/*/*/*/*.md tests/regress/*.md \
    tests/notes/*.md tests/voice/notes/*.md tests/real/*/*.md \
    ../shared/corpus/notes/*.md; do
	[ -f "$f" ] || continue
	i=$((i + 1))
	cp "$f" "$seeds/notes/$i.md"
	# each point's line, for the voice: a byte for keep_verdicts, the text
	sed -n 's/^ *[-*] //p' "$f" | head -n 40 | while IFS= read -r line; do
		i=$((i + 1))
		printf '0%s' "$line" >"$seeds/points/$i-$(printf '%s' "$line" | cksum | cut -d' ' -f1)"
	done
done
pass=0 fail=0
for t in "$@"; do
	case $t in voice) s=$seeds/points ;; *) s=$seeds/notes ;; esac
	mkdir -p "$build/corpus/$t"
	"$build/fuzz-$t" -max_total_time="$time" -print_final_stats=1 \
	    -timeout=10 -rss_limit_mb=1024 -max_len=65536 \
	    -artifact_prefix="$build/crashes/$t-" "$build/corpus/$t" "$s" \
	    >"$build/$t.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/$t.log")
	if [ $rc -eq 0 ]; then
		pass=$((pass + 1))
		echo "fuzz $t: ${runs:-?} runs in ${time}s, nothing found"
	else
		fail=$((fail + 1))
		echo "FAIL: fuzz $t: exit $rc after ${runs:-?} runs; see $build/$t.log"
		grep -m1 -A12 'ERROR\|==.*==\|deadly signal\|abort' "$build/$t.log"
		ls "$build/crashes/$t-"* 2>/dev/null
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
