#!/bin/sh
# bodies.sh - Markdown bodies within the note size limit cost at most about
# a second and 100 MB, from cmark through the default filters: cmark's own
# pathological inputs (its test/pathological_tests.py), the three of issue
# 13 (a point of '!', a run of backticks, a run of '<!--') and runs that
# were quadratic in the shipped filters, each filled up to the limit and
# built under `timeout` and `ulimit -v`; one byte over the limit is refused
# with an error that says why.
#
#   tests/bodies.sh BUILD_DIR TMP_DIR [VALGRIND_COMMAND]
#
# Prints "bodies: N passed, N failed".  Under valgrind only the limit
# itself is checked; under ASan (a folder named asan) the time and memory
# are not held to the plain build's.
set -u
build=$1 tmp=$2/bodies-tests valgrind=${3:-}
sr="$valgrind $build/secondround"
NOW=2026-11-25T12:00:00Z
pass=0 fail=0
rm -rf "$tmp" && mkdir -p "$tmp"
# SR_MAX_NOTE_BYTES, from the header, so the cases follow the limit
max=$(sed -n 's/^#define SR_MAX_NOTE_BYTES (\([0-9]*\)u \* 1024).*/\1/p' \
    include/secondround.h)
max=$((max * 1024))
# a guard against blow-ups (the quadratic runs took 20 s and more), not a
# benchmark: 10 s leaves a noisy shared machine room (each takes well under
# a second alone); the memory cap is the sharper check
seconds=10 kib=131072
case $build in *asan*) seconds=30 kib= ;; esac

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1)); echo "FAIL: $*"
	if [ -n "${SR_FAIL_FAST:-}" ]; then
		echo "bodies: $pass passed, $fail failed"; exit 1
	fi
}
# rep UNIT COUNT: UNIT COUNT times
rep() { awk -v u="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", u }'; }
# note NAME: the front matter and a heading, then standard input, cut at
# the limit
note() {
	{ printf -- '---\ncompany: Acme\nrole: Lead\ninterviewer: Ann <ann@acme.example>\ndate: 2026-11-20\n---\n## What excited them\n'
	  cat; } | head -c "$max" >"$tmp/$1.md"
}
n=$max
rep '*a **a ' $((n / 14)) | { cat; printf b; rep ' a** a*' $((n / 14)); } | note nested-strong-emph
rep 'a_ ' $((n / 3)) | note emph-closers
rep '_a ' $((n / 3)) | note emph-openers
rep 'a]' $((n / 2)) | note link-closers
rep '[a' $((n / 2)) | note link-openers
rep '*a_ ' $((n / 4)) | note mismatched
{ printf 'a**b'; rep 'c* ' $((n / 3)); } | note multiple-of-3
rep '[ a_' $((n / 4)) | note link-emph
printf '**x [a*b**c*](d)\n' | note hard-link-emph
{ rep '[' $((n / 2)); printf a; rep ']' $((n / 2)); } | note nested-brackets
{ rep '> ' $((n / 2)); printf a; } | note nested-quotes
awk 'BEGIN { for (x = 0; x < 1000; x++) { for (i = 0; i < x; i++) printf "  "; print "* a" } }' |
    note nested-lists
printf 'abc\000de\000\n' | note nul
awk 'BEGIN { for (x = 1; x < 10000; x++) { printf "e"; for (i = 0; i < x; i++) printf "`" } }' |
    note backticks
rep '[a](<b' $((n / 6)) | note unclosed-links-a
rep '[a](b' $((n / 5)) | note unclosed-links-b
{ awk 'BEGIN { for (x = 1; x < 20000; x++) printf "[%d]: u\n", x }'; rep '[0] ' 5000; } |
    note many-references
# issue 13's three
{ printf -- '- '; rep '!' "$n"; } | note bangs
{ printf -- '- '; rep '`' "$n"; } | note backtick-run
{ printf -- '- '; rep '<!--' $((n / 4)); } | note comment-openers
# runs the shipped filters took quadratic time (or worse) over
{ printf -- '- '; rep 'Did it. ' $((n / 8)); } | note sentences
{ printf -- '- '; rep 'i.e. ' $((n / 5)); } | note abbreviations
{ printf -- '- A '; rep '(' "$n"; printf ' b'; } | note parens
{ printf -- '- '; rep '&amp;' $((n / 5)); } | note ampersands
{ printf -- '- '; rep 'a... ' $((n / 6)); } | note ellipses
rep '- a\n' $((n / 4)) | note many-points
# a change told over and over: "from 1 to a to a ..." (one pattern of the
# shipped filters ran past the time limit on 60 KB of it)
{ printf -- '- I moved the rota from 1'; rep ' to a' $((n / 5)); } | note change-spans

for f in "$tmp"/*.md; do
	name=$(basename "$f" .md)
	[ -z "$valgrind" ] || break
	# exit 0 (drafts) or 1 (an error in the note); anything else is a
	# crash, a timeout (124) or memory running out
	( [ -z "$kib" ] || ulimit -v "$kib"
	  exec timeout -s KILL "$seconds" $sr build --stdout --formats html \
	    --now $NOW "$f" ) >"$tmp/out" 2>&1
	rc=$?
	if [ $rc -le 1 ] && ! grep -q 'Sanitizer\|out of memory' "$tmp/out"; then ok
	else bad "$name: exit $rc within ${seconds}s and ${kib:-any} KiB"; head -c 600 "$tmp/out"; echo; fi
done

# One byte over the limit: refused, and the error says why.
{ cat "$tmp/bangs.md"; printf '!'; } >"$tmp/over.md"
$sr check --now $NOW "$tmp/over.md" >"$tmp/out" 2>&1
if [ $? -eq 1 ] && grep -q "over the limit of $((max / 1024)) KiB for a note (SR_MAX_NOTE_BYTES): interview notes are a few KiB" "$tmp/out"
then ok; else bad "a note one byte over the limit"; cat "$tmp/out"; fi
$sr check --now $NOW "$tmp/bangs.md" >"$tmp/out" 2>&1
if ! grep -q SR_MAX_NOTE_BYTES "$tmp/out"; then ok
else bad "a note at the limit is refused"; cat "$tmp/out"; fi

echo "bodies: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
