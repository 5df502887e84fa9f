#!/bin/sh
# guards.sh - tests that each guard a line which mutation testing (make
# mutate) found unguarded: the instruction budget counted in the hook's
# steps, the HTML draft safe from what a filter adds, the default
# selection's word budget at its boundary, and the input hash of drafts
# (which the examples' manifest golden leaves out).  The files are in
# tests/guards/.
#
#   tests/guards.sh BUILD_DIR TMP_DIR [VALGRIND_COMMAND]
#
# Prints "guards: N passed, N failed"; with SR_FAIL_FAST=1, at the first
# failure.
set -u
build=$1 tmp=$2/guards valgrind=${3:-}
sr="$valgrind $build/secondround"
g=tests/guards
NOW=2026-11-25T12:00:00Z
pass=0 fail=0
rm -rf "$tmp" && mkdir -p "$tmp"

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1)); echo "FAIL: $*"; cat "$tmp/out"
	if [ -n "${SR_FAIL_FAST:-}" ]; then
		echo "guards: $pass passed, $fail failed"; exit 1
	fi
}
# expect NAME WANT_EXIT WANT_TEXT COMMAND...
expect() {
	name=$1 want=$2 text=$3; shift 3
	"$@" >"$tmp/out" 2>&1
	got=$?
	if [ "$got" -ne "$want" ]; then bad "$name: exit $got, want $want"
	elif ! grep -qF -- "$text" "$tmp/out"; then bad "$name: no '$text'"
	else ok; fi
}
check() { # NAME CONDITION...
	name=$1; shift
	if "$@"; then ok; else bad "$name"; fi
}

# The instruction budget: a loop of a million steps is over 100,000
# instructions, one of 10,000 is under (with the default filters too).
expect "a million steps are over a budget of 100,000" 1 \
    "loop.lua:4: error: the filter ran past its budget of 100000 instructions" \
    $sr check --max-instructions 100000 -f $g/loop.lua $g/loop-long.md
expect "ten thousand steps are under it" 0 "looped 10000 times" \
    $sr check --max-instructions 100000 -f $g/loop.lua $g/loop-short.md

# What a draft hook adds is Markdown like the rest: the HTML draft is made
# by cmark in safe mode, so neither a <script> nor a javascript: link gets
# through, while the Markdown draft shows the hook did add them.
expect "a draft hook adding HTML" 0 "1 written" \
    $sr build -f $g/html.lua tests/notes/good.md -o "$tmp/html"
check "a build warns of nothing" sh -c "! grep -q warning '$tmp/out'"
check "the hook ran" grep -q 'javascript:alert(1)' "$tmp/html/good.md"
check "the link's text is kept" grep -q '>my work</a>' "$tmp/html/good.html"
check "no <script> in the HTML" sh -c "! grep -qi '<script' '$tmp/html/good.html'"
check "no javascript: in the HTML" sh -c "! grep -qi 'javascript:' '$tmp/html/good.html'"

# The default selection's word budget (max_words less the template's 45):
# points that fill it exactly are all taken; one word more and the
# lowest-scored optional point, and only it, is dropped.
$sr explain --no-default-filters $g/budget-exact.md >"$tmp/out" 2>&1
check "a budget filled exactly: all five taken" \
    test "$(grep -c '^  = chosen' "$tmp/out")" -eq 5
$sr explain --no-default-filters $g/budget-over.md >"$tmp/out" 2>&1
check "one word over: four taken" \
    test "$(grep -c '^  = chosen' "$tmp/out")" -eq 4
check "one word over: the guidance dropped" sh -c "grep -A1 '^line 19 \[guidance\]' \
    '$tmp/out' | grep -q 'left out: over the word budget (20 words'"


# The input hash of a note's drafts covers every byte of the filters that
# made them: a comment added to the shipped default.lua changes it (the
# note is run again), while the drafts and their hashes stay the same.
cp -r filters "$tmp/filters"
ih() { env SECONDROUND_FILTERS="$tmp/filters" $sr build --now $NOW \
    tests/notes/good.md -o "$tmp/ih"; }
m=$tmp/ih/.secondround-manifest
expect "a first build" 0 "1 written" ih
cp "$m" "$tmp/manifest.before"
expect "nothing changed: up to date" 0 "0 written, 1 up to date" ih
check "nothing changed: the same input hashes" cmp -s "$m" "$tmp/manifest.before"
printf '\n-- a comment changes nothing the filter does\n' >>"$tmp/filters/default.lua"
expect "a comment in a filter: the same drafts" 0 "0 written, 1 up to date" ih
# (the overview page, index.html, is made from no note: no input hash)
grep -v '^index\.html	' "$tmp/manifest.before" | cut -f 3 >"$tmp/in.before"
grep -v '^index\.html	' "$m" | cut -f 3 >"$tmp/in.after"
check "a comment in a filter: every input hash changed" sh -c "paste \
    '$tmp/in.before' '$tmp/in.after' | awk -F '	' 'NR > 1 && (\$1 == \$2 ||
    \$2 == \"\") { bad = 1 } END { exit bad || NR != 4 }'"
cut -f 1,2,4 "$tmp/manifest.before" >"$tmp/out.before"
cut -f 1,2,4 "$m" >"$tmp/out.after"
check "a comment in a filter: the same output hashes" \
    cmp -s "$tmp/out.before" "$tmp/out.after"

# A folder of notes that cannot be read fails the run; the notes beside
# it are still read.  Root reads anything: the run drops to nobody.
mkdir -p "$tmp/perm/notes/locked" && chmod 755 "$tmp" "$tmp/perm" "$tmp/perm/notes"
cp tests/notes/good.md "$tmp/perm/notes/" && chmod 644 "$tmp/perm/notes/good.md"
chmod 000 "$tmp/perm/notes/locked"
asuser=
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	asuser="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ "$(id -u)" != 0 ] || [ -n "$asuser" ]; then
	expect "an unreadable folder of notes" 1 \
	    "locked: error: cannot read the folder: Permission denied" \
	    $asuser $sr check --now $NOW "$tmp/perm/notes"
	check "the note beside it is read" grep -q "1 note checked" "$tmp/out"
fi
chmod 755 "$tmp/perm/notes/locked"

# What a hook logs is shown for each note, the same line too, also after
# the hook has required a module (whose top level counts as loading only
# while it runs).
expect "a hook's log, note by note" 0 "2 notes checked" \
    $sr check --now $NOW -f $g/same-line.lua $g/loop-short.md tests/notes/good.md
check "the same line twice" test "$(grep -c \
    'the same line for every note' "$tmp/out")" -eq 2

# A panel's drafts are named by member: a name met again gets "-2", a name
# of no Latin letters the member's place.
expect "a panel" 0 "wrote 9 files for 3 interviewers" \
    $sr build -v --now $NOW $g/panel.md -o "$tmp/panel"
check "the drafts' names" sh -c "cd '$tmp/panel' && ls *.md | tr '\n' ' ' |
    grep -qx 'panel--dana-reyes-2.md panel--dana-reyes.md panel--interviewer-1.md '"

# Without SECONDROUND_FILTERS the shipped filters are found beside the
# program, in ../filters or ../share/secondround/filters, and their
# messages name them relative to the working folder when under it.
here=$PWD
for at in filters share/secondround/filters; do
	inst=$tmp/inst-$(echo $at | tr / -)
	mkdir -p "$inst/bin" "$inst/$at"
	cp "$build/secondround" "$inst/bin/"
	cp filters/*.lua "$inst/$at/"
	{ echo 'print("the shipped filters here")'; cat filters/default.lua; } \
	    >"$inst/$at/default.lua"
	expect "the shipped filters in ../$at" 0 "the shipped filters here" \
	    env -u SECONDROUND_FILTERS $valgrind "$inst/bin/secondround" \
	    check --now $NOW tests/notes/good.md
	check "...named by their whole path" grep -q \
	    "^[^ ]*/$at/default.lua:1: the shipped filters here" "$tmp/out"
	expect "...named from where the program runs" 0 \
	    "the shipped filters here" sh -c "cd '$inst' && env -u \
	    SECONDROUND_FILTERS $valgrind bin/secondround check --now $NOW \
	    '$here/tests/notes/good.md'"
	check "...relative to it" grep -q \
	    "^$at/default.lua:1: the shipped filters here" "$tmp/out"
done

# Shipped filters that do not load stop the run before any note.
mkdir -p "$tmp/badfilters" && cp filters/*.lua "$tmp/badfilters/"
printf 'return {score = function(p) return end end end}\n' \
    >"$tmp/badfilters/default.lua"
expect "a shipped filter that does not load" 2 "default.lua:1: error:" \
    env SECONDROUND_FILTERS="$tmp/badfilters" $sr check tests/notes/good.md
check "...and no note is read" sh -c "! grep -q 'notes\? checked' '$tmp/out'"

# A note that fails keeps its drafts, recorded with no input hash, so
# that the next run builds it again rather than take it for up to date.
mkdir -p "$tmp/fail"
cp tests/notes/good.md "$tmp/fail/good.md"
expect "a note built" 0 "1 written" $sr build "$tmp/fail/good.md" -o "$tmp/fail/out"
sed -i 's/^company: .*/company: [broken/' "$tmp/fail/good.md"
expect "the same note broken" 1 "1 failed" $sr build "$tmp/fail/good.md" -o "$tmp/fail/out"
check "its drafts kept, with no input hash" sh -c "test \$(grep -c \
    '^good\.[a-z]*	good\.md	0000000000000000	' '$tmp/fail/out/.secondround-manifest') -eq 3"

# ...but a broken note does not take the drafts of a good one of the same
# name built before it in the run.
mkdir -p "$tmp/fail/A" "$tmp/fail/B"
cp tests/notes/good.md "$tmp/fail/A/twin.md"
cp "$tmp/fail/good.md" "$tmp/fail/B/twin.md"
expect "a good note and a broken twin" 1 "1 failed" \
    $sr build "$tmp/fail/A" "$tmp/fail/B" -o "$tmp/fail/twins"
check "the good one's drafts keep its input hash" sh -c "test \$(grep -c \
    '^twin\.[a-z]*	twin\.md	0000000000000000	' '$tmp/fail/twins/.secondround-manifest') -eq 0"

# A draft whose folder cannot be read is kept, not replaced (as nobody).
if [ "$(id -u)" != 0 ] || [ -n "$asuser" ]; then
	mkdir -p "$tmp/ro/notes/sub" && cp tests/notes/good.md "$tmp/ro/notes/sub/"
	chmod -R a+rwX "$tmp/ro"
	$asuser $sr build -q "$tmp/ro/notes" -o "$tmp/ro/out" >/dev/null 2>&1
	printf -- '- I also cut weekend overtime at Acme from 20%% to 8%%\n' >>"$tmp/ro/notes/sub/good.md"
	chmod 000 "$tmp/ro/out/sub"
	expect "a draft's folder that cannot be read" 0 \
	    "sub/good.md: warning: cannot be read; kept" \
	    $asuser $sr build "$tmp/ro/notes" -o "$tmp/ro/out"
	chmod 755 "$tmp/ro/out/sub"
fi

# A draft edited by hand is kept, and counted so in the summary.
printf 'An edit of mine.\n' >>"$tmp/ih/good.txt"
printf -- '- I also cut weekend overtime at Acme from 20%% to 8%%\n' >"$tmp/another.md"
cat tests/notes/good.md "$tmp/another.md" >"$tmp/good.md"
expect "one draft kept" 0 "0 written, 0 up to date, 1 kept (edited)," \
    env SECONDROUND_FILTERS="$tmp/filters" $sr build "$tmp/good.md" -o "$tmp/ih"
check "it says which" grep -q \
    "good.txt: warning: edited since it was generated; kept, and so are good.md, good.html" \
    "$tmp/out"
check "and counts it for the note" grep -q "good.md: kept 3 files as they are (" \
    "$tmp/out"

echo "guards: $pass passed, $fail failed"
