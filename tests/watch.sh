#!/bin/sh
# watch.sh - tests of `secondround watch`: a first build, then while it
# runs a note edited (an editor's burst: a swap file, a backup, a rename
# over the note and a second write, which must give one rebuild), a note
# renamed into a new folder, a note removed (its drafts go, an edited one
# stays), a lint warning printed with its note's rebuild, the overview
# page rewritten each time; then SIGINT, which leaves the manifest saved
# and no journal.  The same edit under --poll.
#
#   tests/watch.sh BUILD_DIR TMP_DIR [VALGRIND_COMMAND]
#
# Prints "watch: N passed, N failed".
set -u
build=$1 tmp=$2/watch-tests valgrind=${3:-}
NOW=2026-11-25T12:00:00Z
pass=0 fail=0
rm -rf "$tmp" && mkdir -p "$tmp/notes"
# under valgrind everything takes longer
limit=100; [ -n "$valgrind" ] && limit=600

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1)); echo "FAIL: $*"
	if [ -n "${SR_FAIL_FAST:-}" ]; then
		echo "watch: $pass passed, $fail failed"; exit 1
	fi
}
check() { # NAME CONDITION...
	name=$1; shift
	if "$@"; then ok; else bad "$name"; fi
}
# Waits (a tenth of a second at a time) until the log has N lines
# matching PATTERN; false when it does not come.
wait_for() { # N PATTERN
	i=0
	while [ "$(grep -c -- "$2" "$log")" -lt "$1" ]; do
		i=$((i + 1)); [ $i -gt $limit ] && return 1
		sleep 0.1
	done
}
# Starts watch in the background with SIGINT as a terminal gives it (a
# shell's background job would ignore it).
start() { # LOG ARGS...
	log=$1; shift
	python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' $valgrind "$build/secondround" watch \
	    --now $NOW "$@" >"$log" 2>&1 &
	pid=$!
}
rebuilds() { grep -c ' written, ' "$log"; }

body='## What got them excited
- The **40% cut** in handover errors
## Their problems
- Handover errors on the night shift
## Didn'"'"'t get to say
- I trained 30 charge nurses on SBAR in 6 weeks'
note() { # FILE COMPANY
	{ echo ---; echo "company: $2"; echo "role: Nurse"
	  echo "date: 2026-11-24 10:00"; echo "interviewer: Ana Ruiz"; echo ---
	  printf '%s\n' "$body"; } >"$1"
}
note "$tmp/notes/a.md" "Alpha Health"
note "$tmp/notes/b.md" "Beta Care"
out=$tmp/drafts

start "$tmp/log" "$tmp/notes" -o "$out"
check "the first build, then waiting" wait_for 1 "watching 2 notes (inotify)"
check "the first build wrote both notes" grep -q "2 written" "$log"
check "the index lists both" grep -q "Beta Care" "$out/index.html"

# An editor's save: a swap file, a backup, a rename over the note, and a
# second write right after; one rebuild of that note alone.
sed 's/6 weeks/5 weeks/' "$tmp/notes/a.md" >"$tmp/notes/.a.md.swp"
cp "$tmp/notes/a.md" "$tmp/notes/a.md~"
mv "$tmp/notes/.a.md.swp" "$tmp/notes/a.md"
sleep 0.05
sed -i 's/^company: Alpha Health/company: Alpha Health Group/' "$tmp/notes/a.md"
check "an edit: rebuilt" wait_for 2 "watching 2 notes"
check "...once for the burst of saves" test "$(rebuilds)" -eq 2
check "...the note's line names its draft" grep -q "a.md: wrote $out/a.md" "$log"
check "...the draft says what the note says now" \
    grep -q "^Subject: Nurse at Alpha Health Group" "$out/a.txt"
check "...the other note not rebuilt" test "$(grep -c 'b.md: wrote' "$log")" -eq 1
check "...the index rewritten" grep -q "Alpha Health Group" "$out/index.html"

# A lint warning comes with its note's rebuild.
sed -i 's/^company: .*/company: Alpha evil@x.example/' "$tmp/notes/a.md"
check "a warning is printed with the rebuild" wait_for 3 "watching 2 notes"
check "...the lint's warning" grep -q "a.md:[0-9]*: warning: .*leftover '@'" "$log"

# A rename into a new folder: the old drafts go, the new ones come.
mkdir "$tmp/notes/sub" && mv "$tmp/notes/b.md" "$tmp/notes/sub/c.md"
check "a rename: rebuilt" wait_for 4 "watching 2 notes"
check "...the old drafts removed" test ! -e "$out/b.txt" -a ! -e "$out/b.html"
check "...said so" grep -q "removed b.txt: its note b.md is gone" "$log"
check "...the new drafts, in the new folder" test -f "$out/sub/c.txt"
check "...the index without the old name" \
    sh -c "! grep -q 'href=\"b.html\"' '$out/index.html' && grep -q 'href=\"sub/c.html\"' '$out/index.html'"

# A removal: its drafts go, but one edited by hand stays.
echo "my own words" >>"$out/sub/c.txt"
rm "$tmp/notes/sub/c.md"
check "a removal: noticed" wait_for 1 "watching 1 note "
check "...unedited drafts removed" test ! -e "$out/sub/c.html"
check "...an edited draft kept" grep -q "my own words" "$out/sub/c.txt"
check "...and said so" grep -q "sub/c.txt: its note sub/c.md is gone, but it was edited" "$log"

# SIGINT: stops, the manifest saved, no journal left.
kill -INT $pid
wait $pid
check "SIGINT ends it with 0" test $? -eq 0
check "...saying the manifest is saved" grep -q "stopped; the drafts and the manifest are saved" "$log"
check "...no journal" test ! -e "$out/.secondround-journal"
check "...no lock" test ! -e "$out/.secondround-lock"
check "...the manifest knows a.md only (and the kept draft)" \
    test "$(cut -f 2 "$out/.secondround-manifest" | grep -c '\.md$')" -eq 4
$valgrind "$build/secondround" build --now $NOW "$tmp/notes" -o "$out" >"$tmp/out" 2>&1
check "...a build after it finds the drafts up to date" \
    grep -q "0 written, 1 up to date" "$tmp/out"

# --poll: the same edit, found by looking.
start "$tmp/poll.log" --poll "$tmp/notes" -o "$out"
check "--poll: waiting" wait_for 1 "watching 1 note (looking every second)"
# three writes spread over most of a second: looks a second apart see
# them come, and answer once they have stopped
for c in Gamma Clinica "Gamma Clinic"; do
	sed -i "s/^company: .*/company: $c/" "$tmp/notes/a.md"
	sleep 0.45
done
check "--poll: an edit rebuilt" wait_for 2 "watching 1 note"
sleep 1.5
check "--poll: once for writes a second long" test "$(rebuilds)" -eq 2
check "--poll: the new draft" grep -q "^Subject: Nurse at Gamma Clinic" "$out/a.txt"
kill -TERM $pid
wait $pid
check "SIGTERM ends it with 0" test $? -eq 0

echo "watch: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
