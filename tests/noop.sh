#!/bin/sh
# noop.sh - a rebuild with nothing to do takes the quick path of build
# (sr_builder_quick: each note read and hashed, nothing parsed, no filter
# run, its drafts looked for in a listing of their folder), and must still
# see every change: a note edited with its size, inode and time kept, a
# filter edited, a draft deleted, a draft edited by hand (kept); a note
# only touched is not rebuilt.  -j 1 and -j 3 write the same.
#
#   tests/noop.sh BUILD_DIR TMP_DIR [VALGRIND_COMMAND]
#
# Prints "noop: N passed, N failed"; with SR_FAIL_FAST=1, at the first
# failure.
set -u
build=$1 tmp=$2/noop valgrind=${3:-}
sr="$valgrind $build/secondround"
NOW=2026-11-25T12:00:00Z
pass=0 fail=0
rm -rf "$tmp" && mkdir -p "$tmp"

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1)); echo "FAIL: $*"; cat "$tmp/log"
	if [ -n "${SR_FAIL_FAST:-}" ]; then
		echo "noop: $pass passed, $fail failed"; exit 1
	fi
}
check() { # NAME CONDITION...
	name=$1; shift
	if "$@"; then ok; else bad "$name"; fi
}
# run NAME WANT_SUMMARY [OPTIONS...]: a build of the notes into out
run() {
	name=$1 want=$2; shift 2
	$sr build --now $NOW "$@" "$tmp/notes" -o "$tmp/out" >"$tmp/log" 2>&1
	if [ $? -ne 0 ]; then bad "$name: exit $?"
	elif ! grep -qF -- "$want" "$tmp/log"; then bad "$name: no '$want'"
	else ok; fi
}

# Three notes: one, a panel in a folder below, and one marked sent.
mkdir -p "$tmp/notes/sub"
cp tests/notes/good.md "$tmp/notes/a.md"
cp tests/notes/panel.md "$tmp/notes/sub/b.md"
sed 's/^candidate:.*/&\nsent: true/' tests/notes/good.md >"$tmp/notes/c.md"
run "the first build" "2 written, 0 up to date, 0 kept (edited), 0 without a draft, 0 failed; 1 sent"
run "a rebuild" "0 written, 2 up to date, 0 kept (edited), 0 without a draft, 0 failed; 1 sent"

# The company renamed to a name of the same length, written in place (the
# same inode), and the note's time put back: only its bytes tell.
a=$tmp/notes/a.md
cp -p "$a" "$tmp/a.was"
sed 's/Initech/Initekk/' "$tmp/a.was" >"$tmp/a.new"
cat "$tmp/a.new" >"$a"
touch -r "$tmp/a.was" "$a"
check "the edit keeps size and time" sh -c "[ \$(wc -c <'$a') -eq \$(wc -c <'$tmp/a.was') ] && [ ! '$a' -nt '$tmp/a.was' ] && [ ! '$a' -ot '$tmp/a.was' ]"
run "a note edited, its size and time kept" "1 written, 1 up to date"
check "its draft says the new name" grep -q Initekk "$tmp/out/a.txt"

# Touched only: the same bytes, nothing to write.
cp -p "$tmp/out/a.txt" "$tmp/a.txt.was"
touch "$a"
run "a note touched" "0 written, 2 up to date"
check "its draft is as it was" cmp -s "$tmp/out/a.txt" "$tmp/a.txt.was"

# A draft deleted is written again.
rm "$tmp/out/a.html"
run "a draft deleted" "1 written, 1 up to date"
check "it is there again" test -f "$tmp/out/a.html"

# A draft edited by hand: kept on a rebuild, and said so when its note
# changes.
echo "my own line" >>"$tmp/out/a.md"
run "a draft edited by hand, its note as it was" "0 written, 2 up to date"
check "the edit is kept" grep -q "my own line" "$tmp/out/a.md"
echo "- One more thing I forgot" >>"$a"
run "then its note edited" "1 kept (edited)"
check "the edit is still kept" grep -q "my own line" "$tmp/out/a.md"
rm "$tmp/out/a.md"
run "the edited draft deleted: written again" "1 written"

# A filter edited rebuilds every note.
cat >"$tmp/sign.lua" <<'EOF'
return {draft = function(d)
  d.paragraphs[#d.paragraphs + 1] = 'Signed one'
end}
EOF
run "a filter added" "2 written, 0 up to date" -f "$tmp/sign.lua"
run "a rebuild with it" "0 written, 2 up to date" -f "$tmp/sign.lua"
sed 's/Signed one/Signed two/' "$tmp/sign.lua" >"$tmp/sign.new"
cat "$tmp/sign.new" >"$tmp/sign.lua"
run "the filter edited" "2 written, 0 up to date" -f "$tmp/sign.lua"
check "the drafts say what it says now" sh -c "grep -q 'Signed two' '$tmp/out/a.txt' && ! grep -q 'Signed one' '$tmp/out/a.txt'"

# -j 1 and -j 3: the same drafts, manifest and page, built and rebuilt.
for j in 1 3; do
	rm -rf "$tmp/out"
	run "-j $j: a build" "0 failed" -j $j
	run "-j $j: a rebuild" "0 written, 2 up to date" -j $j
	cp "$tmp/log" "$tmp/rebuild-$j.log"
	mv "$tmp/out" "$tmp/out-$j"
done
check "-j 1 and -j 3 write the same" diff -r "$tmp/out-1" "$tmp/out-3"
check "and say the same" cmp -s "$tmp/rebuild-1.log" "$tmp/rebuild-3.log"

echo "noop: $pass passed, $fail failed"
