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
# the .eml writer's fields, NUL-separated: to name, to email, candidate
# name, candidate email, subject, a paragraph
mkdir -p "$seeds/eml"
printf 'Ann Lee\000ann@acme.example\000Bo Ek\000bo@example.org\000Lead: the plan\000Thank you for *the* talk.' >"$seeds/eml/1"
printf 'Zo\303\253 M\303\274ller\000zoe@acme.example\000Jos\303\251\000j@x.org\000Caf\303\251 \342\200\224 \346\227\245\346\234\254\000=?utf-8?B?x?= =3D line' >"$seeds/eml/2"
printf 'Park, Helen\000h@x.org\000Bo\000b@x.org\000a  b   c \000x' >"$seeds/eml/3"
printf 'Bob\000a@x\r\nBcc: c@y\000Bo\000b@x.org\000S\000P' >"$seeds/eml/4"
pass=0 fail=0
for t in "$@"; do
	case $t in voice) s=$seeds/points ;; eml) s=$seeds/eml ;;
	*) s=$seeds/notes ;; esac
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
