#!/bin/sh
# hostile.sh - the hostile suite: each folder of tests/hostile/ is one
# attack on the tool (notes, filters), with an `expect` file that says how
# the tool must answer it and within what limits:
#
#   # what the case is
#   run ARGS...      the command line, run in a copy of the folder
#   exit N           the exit code it must end with
#   stderr PATTERN   an extended regular expression stderr must match
#                    (repeatable)
#   absent PATTERN   matched nowhere: stdout, stderr, or a file under
#                    out/ in the copy, where a build writes (repeatable)
#   seconds N        the run must end within N seconds of wall clock
#   memory MIB       its largest process must stay under MIB MiB resident
#   asan skip REASON not run under AddressSanitizer (what it attacks is
#                    not built there)
#
# Under AddressSanitizer the limits are scaled (its shadow memory, its
# slower code); under valgrind the suite is not run: its limits would
# measure valgrind.  A run is killed at twice its time limit.
#
#   tests/hostile.sh BUILD_DIR TMP_DIR [VALGRIND_COMMAND]
#
# Prints "hostile: N passed, N failed"; with SR_FAIL_FAST=1, at the first
# failure.
set -u
build=$1 tmp=$2/hostile valgrind=${3:-}
pass=0 fail=0

if [ -n "$valgrind" ]; then
	echo "hostile: not run under valgrind (its limits would measure valgrind)"
	echo "hostile: 0 passed, 0 failed"
	exit 0
fi
case $build in /*) sr=$build/secondround ;; *) sr=$PWD/$build/secondround ;; esac
tscale=1 mscale=1 mextra=0 asan=
if nm "$sr" 2>/dev/null | grep -q __asan_init; then
	asan=1
	tscale=4 mscale=3 mextra=150
	# freed memory is held back (quarantined) up to 256 MiB by default
	export ASAN_OPTIONS=${ASAN_OPTIONS:-}:quarantine_size_mb=16
fi
if ! [ -x /usr/bin/time ]; then
	echo "FAIL: GNU time (/usr/bin/time, Debian's package time) measures the memory"
	echo "hostile: 0 passed, 1 failed"
	exit 1
fi

bad() {
	fail=$((fail + 1)); echo "FAIL: $*"
	if [ -n "${SR_FAIL_FAST:-}" ]; then
		echo "hostile: $pass passed, $fail failed"; exit 1
	fi
}

for dir in tests/hostile/*/; do
	name=$(basename "$dir")
	[ -f "$dir/expect" ] || { bad "$name: no expect file"; continue; }
	if [ -n "$asan" ] && grep -q '^asan skip' "$dir/expect"; then
		echo "skipped $name under ASan:$(sed -n 's/^asan skip//p' "$dir/expect")"
		continue
	fi
	work=$tmp/$name
	rm -rf "$work" && mkdir -p "$work" && cp -R "$dir". "$work/" || exit 2
	args=$(sed -n 's/^run //p' "$dir/expect")
	want=$(sed -n 's/^exit //p' "$dir/expect")
	secs=$(sed -n 's/^seconds //p' "$dir/expect")
	mib=$(sed -n 's/^memory //p' "$dir/expect")
	if [ -z "$args" ] || [ -z "$want" ] || [ -z "$secs" ] || [ -z "$mib" ]; then
		bad "$name: expect needs run, exit, seconds and memory"; continue
	fi
	secs=$((secs * tscale)) mib=$((mib * mscale + mextra))
	start=$(date +%s%N)
	# shellcheck disable=SC2086 # the arguments are words of the expect file
	(cd "$work" && exec /usr/bin/time -f %M -o "$tmp/$name.rss" \
	    timeout -s KILL $((secs * 2)) "$sr" $args >"$tmp/$name.out" \
	    2>"$tmp/$name.err")
	got=$?
	ms=$((($(date +%s%N) - start) / 1000000))
	rss=$(tail -n 1 "$tmp/$name.rss" 2>/dev/null)
	case $rss in ''|*[!0-9]*) rss=0 ;; esac
	why=
	[ "$got" -eq "$want" ] || why="$why; exit $got, want $want"
	[ "$ms" -le $((secs * 1000)) ] || why="$why; took $ms ms, over $secs s"
	[ "$rss" -le $((mib * 1024)) ] || why="$why; $((rss / 1024)) MiB resident, over $mib MiB"
	sed -n 's/^stderr //p' "$dir/expect" >"$tmp/$name.want"
	while IFS= read -r pat; do
		grep -qE -- "$pat" "$tmp/$name.err" || why="$why; stderr lacks /$pat/"
	done <"$tmp/$name.want"
	sed -n 's/^absent //p' "$dir/expect" >"$tmp/$name.absent"
	while IFS= read -r pat; do
		if grep -qE -- "$pat" "$tmp/$name.out" "$tmp/$name.err" ||
		    { [ -d "$work/out" ] && grep -rqE -- "$pat" "$work/out"; }
		then why="$why; /$pat/ was written"; fi
	done <"$tmp/$name.absent"
	if [ -z "$why" ]; then
		pass=$((pass + 1))
		echo "ok $name ($ms ms, $((rss / 1024)) MiB)"
	else
		bad "$name${why}"
		head -n 5 "$tmp/$name.err" | cut -c 1-300
	fi
done
echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
