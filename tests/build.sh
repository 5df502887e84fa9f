#!/bin/sh
# build.sh - tests of the batch writer (`secondround build`): the manifest
# (a no-op rebuild, a draft edited by hand kept, --force), atomic writes
# (an interrupted write leaves the old file), a read-only folder, symbolic
# links, an output folder inside the notes, hostile front matter and note
# text in every format, privacy, a panel with mentions, and exit codes.
#
#   tests/build.sh BUILD_DIR TMP_DIR [VALGRIND_COMMAND]
#
# Prints "build: N passed, N failed"; with SR_FAIL_FAST=1, at the first
# failure.
set -u
build=$1 tmp=$2/build-tests valgrind=${3:-}
sr="$valgrind $build/secondround"
NOW=2026-11-25T12:00:00Z
pass=0 fail=0
rm -rf "$tmp" && mkdir -p "$tmp" && chmod 755 "$tmp" "$2"

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1)); echo "FAIL: $*"
	if [ -n "${SR_FAIL_FAST:-}" ]; then
		echo "build: $pass passed, $fail failed"; exit 1
	fi
}
# expect NAME WANT_EXIT WANT_TEXT COMMAND...
expect() {
	name=$1 want=$2 text=$3; shift 3
	"$@" >"$tmp/out" 2>&1
	got=$?
	if [ "$got" -ne "$want" ]; then bad "$name: exit $got, want $want"; cat "$tmp/out"
	elif ! grep -qF -- "$text" "$tmp/out"; then bad "$name: no '$text'"; cat "$tmp/out"
	else ok; fi
}
check() { # NAME CONDITION...
	name=$1; shift
	if "$@"; then ok; else bad "$name"; fi
}

notes=$tmp/notes
mkdir -p "$notes/sub" && cp tests/notes/good.md tests/notes/panel.md "$notes/" &&
    cp tests/notes/hostile.md "$notes/sub/"
out=$tmp/drafts

# A first build, then one with nothing changed: nothing written.
expect "first build" 0 "3 written, 0 up to date, 0 kept (edited), 0 without a draft, 0 failed" \
    $sr build --now $NOW "$notes" -o "$out"
check "mirrored paths" test -f "$out/good.txt" -a -f "$out/sub/hostile.html"
check "a manifest" test -f "$out/.secondround-manifest"
touch -d '2000-01-01' "$out/good.txt"
cp -p "$out/.secondround-manifest" "$tmp/manifest.before"
# (at the same clock: the overview page's statuses are measured by it)
expect "no-op rebuild" 0 "0 written, 3 up to date, 0 kept (edited), 0 without a draft, 0 failed" \
    $sr build --now $NOW "$notes" -o "$out"
check "no-op rebuild writes nothing" test "$(find "$out" -newer "$tmp/manifest.before" -type f | wc -l)" -eq 0
check "no-op rebuild leaves the old mtime" test "$(find "$out/good.txt" -newermt '2000-01-02' | wc -l)" -eq 0

# A deleted draft is written again; a draft edited while its note stays the
# same is left as it is, and the note counts as up to date.
rm "$out/good.html"
expect "a deleted draft comes back" 0 "1 written, 2 up to date" \
    $sr build "$notes" -o "$out"
check "the deleted draft is back" test -f "$out/good.html"
cp -p "$out/good.txt" "$tmp/good.txt.before"
printf 'An edit of mine.\n' >>"$out/good.txt"
expect "an edited draft, its note the same" 0 "0 written, 3 up to date, 0 kept" \
    $sr build "$notes" -o "$out"
check "that edit survives" grep -q "An edit of mine" "$out/good.txt"
cp -p "$tmp/good.txt.before" "$out/good.txt"

# A changed note is rebuilt, alone.
printf -- '- Shipped a migration tool that cut deploys from 40 to 5 minutes\n' >>"$notes/good.md"
expect "one note changed" 0 "1 written, 2 up to date" $sr build "$notes" -o "$out"

# A draft edited by hand is kept, with a warning naming its file, unless
# --force; the note's other formats are kept with it (one email in three
# formats, not two versions of it).
printf 'My own closing line.\n' >>"$out/good.txt"
printf -- '- **Cut costs by 40%%** at Initech #must\n' >>"$notes/good.md"
cp -p "$out/good.md" "$tmp/good.md.before"
expect "edited draft kept" 0 "$out/good.txt: warning: edited since it was generated; kept, and so are good.md, good.html (use --force to replace them)" \
    $sr build "$notes" -o "$out"
check "the edit survives" grep -q "My own closing line" "$out/good.txt"
check "its other formats are kept with it" cmp -s "$out/good.md" "$tmp/good.md.before"
check "the summary counts it kept, not written" grep -q "0 written, 2 up to date, 1 kept (edited)" "$tmp/out"
expect "still kept next time" 0 "kept" $sr build "$notes" -o "$out"
expect "--force replaces it" 0 "1 written" $sr build --force "$notes" -o "$out"
check "the edit is gone" sh -c "! grep -q 'My own closing line' '$out/good.txt'"

# The same note gets the same drafts however it is named: the notes root
# is the nearest folder named notes, or holding a .secondround file.
rm -rf "$tmp/two" && mkdir -p "$tmp/two/notes/2026" "$tmp/two/mine/2026" &&
    cp tests/notes/good.md "$tmp/two/notes/2026/acme.md" &&
    cp tests/notes/good.md "$tmp/two/mine/2026/acme.md" && : >"$tmp/two/mine/.secondround"
expect "a note named by its folder" 0 "$tmp/two/notes/2026/acme.md: wrote $tmp/two/drafts/2026/acme.md" \
    $sr build --now $NOW "$tmp/two/notes//" -o "$tmp/two/drafts/"
expect "the same note named alone" 0 "0 written, 1 up to date" \
    $sr build --now $NOW "$tmp/two/notes/2026/acme.md" -o "$tmp/two/drafts"
srabs="$valgrind $(cd "$build" && pwd)/secondround"
expect "the same note named from its own folder" 0 "0 written, 1 up to date" \
    sh -c "cd '$tmp/two/notes/2026' && $srabs build --now $NOW acme.md -o '$tmp/two/drafts'"
# named from inside the notes folder, messages name the note as given
printf -- '- I also cut weekend overtime at Acme from 20%% to 8%%\n' >>"$tmp/two/notes/2026/acme.md"
expect "named from inside its notes folder" 0 "1 written" \
    sh -c "cd '$tmp/two/notes/2026' && $srabs build -v --now $NOW acme.md -o ../../drafts"
check "its path as given" grep -q "^acme.md: wrote \.\./\.\./drafts/2026/acme.md" "$tmp/out"
cp tests/notes/good.md "$tmp/two/notes/top.md"
expect "named from the notes folder" 0 "1 written" \
    sh -c "cd '$tmp/two/notes' && $srabs build -v --now $NOW top.md 2026/acme.md -o ../drafts"
check "each path as given" grep -q "^top.md: wrote \.\./drafts/top.md" "$tmp/out"
rm "$tmp/two/notes/top.md" "$tmp/two/drafts/top."*
check "one set of drafts, one manifest entry a format" test \
    "$(find "$tmp/two/drafts" -type f | wc -l)" -eq 5 -a \
    "$(grep -c acme "$tmp/two/drafts/.secondround-manifest")" -eq 3
expect "a .secondround file marks the root" 0 "0 written, 1 up to date" \
    sh -c "$sr build --now $NOW '$tmp/two/mine' -o '$tmp/two/out2' >/dev/null 2>&1 &&
        $sr build --now $NOW '$tmp/two/mine/2026/acme.md' -o '$tmp/two/out2'"
check "named by the marked root" test -f "$tmp/two/out2/2026/acme.txt"

# A file secondround did not write is not overwritten either.
rm -rf "$tmp/other" && mkdir -p "$tmp/other" && printf 'mine\n' >"$tmp/other/good.md"
expect "a foreign file kept" 0 "other/good.md: warning: not written by secondround" \
    $sr build "$notes/good.md" -o "$tmp/other"
check "the foreign file survives" grep -qx mine "$tmp/other/good.md"

# An interrupted write (the file size limit stops it half way) leaves the
# old draft whole and no temporary file behind.
cp "$out/good.html" "$tmp/good.html.before"
cp "$notes/good.md" "$tmp/good.md.before"
sed -i "s/^role: .*/role: Platform Lead $(head -c 3000 /dev/zero | tr '\0' 'x')/" \
    "$notes/good.md"
expect "an interrupted write" 1 "File too large" \
    sh -c "ulimit -f 2; exec $sr build --force '$notes/good.md' -o '$out'"
cp "$tmp/good.md.before" "$notes/good.md"
check "the old draft is whole" cmp -s "$out/good.html" "$tmp/good.html.before"
check "no temporary file left" test "$(find "$out" -name '*.tmp' | wc -l)" -eq 0

# A read-only folder: a clear error for its notes, the others written.
# Root writes anywhere, so the build runs as nobody where it can.
rm -rf "$tmp/ro" && mkdir -p "$tmp/ro/sub" && chmod 777 "$tmp/ro"
$sr build -q "$notes" -o "$tmp/ro/out" >/dev/null 2>&1
chmod -R a+rwX "$tmp/ro/out"
sed -i 's/40 to 9 minutes/40 to 8 minutes/' "$notes/sub/hostile.md"
sed -i 's/^role: .*/role: Head of Analytics/' "$notes/panel.md"
chmod 555 "$tmp/ro/out/sub"
# nobody may not reach this folder (a clone in /root): it runs a copy of
# the program and of the shipped filters
srnobody=$sr
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	mkdir -p "$tmp/nobody" && cp "$build/secondround" "$tmp/nobody/" &&
	    cp -r filters "$tmp/nobody/" && chmod -R a+rX "$tmp/nobody"
	asuser="env SECONDROUND_FILTERS=$tmp/nobody/filters setpriv --reuid=65534 --regid=65534 --clear-groups"
	srnobody="$valgrind $tmp/nobody/secondround"
else
	asuser=
fi
if [ "$(id -u)" != 0 ] || [ -n "$asuser" ]; then
	# the error names the note, not only the folder
	expect "a read-only folder" 1 "sub/hostile.md: error: cannot write" \
	    $asuser $srnobody build "$notes" -o "$tmp/ro/out"
	check "the other notes are written" grep -q "wrote" "$tmp/out"
fi
chmod 755 "$tmp/ro/out/sub"

# Symbolic links: the output folder, or a folder inside it.
mkdir -p "$tmp/elsewhere" && ln -sfn "$tmp/elsewhere" "$tmp/link"
expect "an output folder that is a link" 2 "is a symbolic link" \
    $sr build "$notes" -o "$tmp/link"
expect "a path through a link" 2 "is a symbolic link" \
    $sr build "$notes" -o "$tmp/link/drafts"
rm -rf "$tmp/l2" && mkdir -p "$tmp/l2" && ln -s "$tmp/elsewhere" "$tmp/l2/sub"
expect "a link inside the output folder" 1 "sub is not a folder" \
    $sr build "$notes" -o "$tmp/l2"
check "nothing written through the link" test -z "$(ls -A "$tmp/elsewhere")"

# The output folder inside the notes folder would be read as notes.
expect "output inside the notes" 2 "inside the notes folder" \
    $sr build "$notes" -o "$notes/drafts"
check "and it is not made" test ! -e "$notes/drafts"

# Hostile front matter and note text: escaped in every format.
h=$out/sub/hostile
$sr build -q --force "$notes" -o "$out" >/dev/null 2>&1
check "no script in the HTML" sh -c "! grep -qi '<script' '$h.html'"
check "no img tag in the HTML" sh -c "! grep -qi '<img' '$h.html'"
check "no iframe in the HTML" sh -c "! grep -qi '<iframe' '$h.html'"
check "no javascript: link" sh -c "! grep -qi 'href=\"javascript' '$h.html'"
check "the company is shown, escaped" grep -q '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;' "$h.html"
check "the subject is escaped in the title" grep -q '<title>[^<]*&lt;script&gt;' "$h.html"
check "the to: header is one line" sh -c "test \$(grep -c '^to:' '$h.md') -eq 1 && ! grep -q '^Bcc' '$h.md'"
check "the md front matter is quoted" grep -qxF 'to: "\"Eve <b>Mallory</b>\""' "$h.md"
if command -v tidy >/dev/null; then
	for f in "$h.html" "$out/good.html" "$out/panel--priya-natarajan.html"; do
		tidy -errors -quiet "$f" >"$tmp/tidy" 2>&1
		check "tidy finds no error in $(basename "$f")" test $? -lt 2
	done
fi
# Nothing private reaches any output.
check "private points stay in the notes" sh -c "! grep -rq 'CANARY-PRIVATE' '$out'"

# A panel: one draft per interviewer, mentions only where they belong.
p=$out/panel--priya-natarajan.txt m=$out/panel--marcus-bell.txt
check "a draft per interviewer" test -f "$p" -a -f "$m"
check "Priya's draft greets her" grep -q "^Dear Priya," "$p"
check "Marcus's draft greets him" grep -q "^Dear Marcus," "$m"
# (the text drafts wrap at 72 columns: a phrase may span two lines)
check "Priya gets her mention" sh -c "tr '\n' ' ' <'$p' | grep -q 'dashboard lag'"
check "Marcus does not get Priya's" sh -c "! tr '\n' ' ' <'$m' | grep -q 'dashboard lag'"
check "Priya does not get Marcus's" sh -c "! grep -q 'analysts' '$p'"
check "unmentioned points go to both" sh -c "grep -q 'revenue number' '$p' && grep -q 'revenue number' '$m'"

# Two notes of one run with the same name: the second is refused.
mkdir -p "$tmp/twinA" "$tmp/twinB" && cp tests/notes/good.md "$tmp/twinA/a.md" &&
    sed "s/^role: .*/role: Data Lead/" tests/notes/good.md >"$tmp/twinB/a.md"
expect "two notes, one name" 1 "would replace the one of" \
    $sr build "$tmp/twinA" "$tmp/twinB" -o "$tmp/twins"
# ...and again on the next run, when the first is up to date: the second
# must not overwrite its drafts.
cp "$tmp/twins/a.md" "$tmp/twin-a.before"
expect "two notes, one name, the next run" 1 "would replace the one of" \
    $sr build "$tmp/twinA" "$tmp/twinB" -o "$tmp/twins"
check "the first one's draft stays" cmp -s "$tmp/twins/a.md" "$tmp/twin-a.before"
# ...and when the first one fails (a broken front matter), the second
# still may not take its drafts.
cp "$tmp/twinA/a.md" "$tmp/twin-note.before"
sed -i '2s/.*/company: [broken/' "$tmp/twinA/a.md"
expect "two notes, one name, the first broken" 1 "would replace the one of" \
    $sr build "$tmp/twinA" "$tmp/twinB" -o "$tmp/twins"
check "the broken one's draft stays" cmp -s "$tmp/twins/a.md" "$tmp/twin-a.before"
cp "$tmp/twin-note.before" "$tmp/twinA/a.md"
# Two copies of one note: the same, with -j 1 and -j 2.
mkdir -p "$tmp/twinC" && cp tests/notes/good.md "$tmp/twinC/a.md"
rm -rf "$tmp/twins1" "$tmp/twins2"
expect "one note twice" 1 "would replace the one of" \
    $sr build "$tmp/twinA" "$tmp/twinC" -o "$tmp/twins1"
expect "one note twice, -j 2" 1 "would replace the one of" \
    $sr build -j 2 "$tmp/twinA" "$tmp/twinC" -o "$tmp/twins2"

# A member who leaves the panel: their drafts are forgotten by the
# manifest, so the note is up to date on the next run.
sed -i '/Marcus Bell/d' "$notes/panel.md"
expect "a smaller panel" 0 "1 written" $sr build "$notes" -o "$out"
check "the manifest forgot Marcus" sh -c "! grep -q 'panel--marcus' '$out/.secondround-manifest'"
expect "and it is up to date next time" 0 "0 written, 3 up to date" \
    $sr build "$notes" -o "$out"

# The largest panel is up to date like any note: it is not read again
# (so its warning, a mail address left out, is not printed again).
mkdir -p "$tmp/bigpanel"
panel50() { # the 50th member
	{
		printf -- '---\ncompany: Acme\nrole: Engineer\n'
		printf 'date: 2026-11-24\ninterviewers:\n  - name: Ann Other\n'
		printf '    email: not-an-address\n'
		for i in $(seq 2 49); do printf '  - Member Number%d\n' "$i"; done
		printf '  - %s\n---\n## What excited them\n' "$1"
		printf -- '- I cut costs by 30%% at Foo\n'
	} >"$tmp/bigpanel/panel50.md"
}
panel50 "Zz Leaver"
expect "a panel of 50: first build" 0 "wrote 150 files for 50 interviewers" \
    $sr build "$tmp/bigpanel" -o "$tmp/bigpanel-out"
check "its warning" grep -q "not-an-address" "$tmp/out"
expect "a panel of 50: up to date" 0 "0 written, 1 up to date" \
    $sr build "$tmp/bigpanel" -o "$tmp/bigpanel-out"
check "not read again" sh -c "! grep -q 'not-an-address' '$tmp/out'"
# ...and when its last member (by name) leaves and another joins, the
# leaver's drafts are forgotten: up to date again next time
panel50 "Aa Joiner"
expect "a panel of 50, one member changed" 0 "1 written" \
    $sr build "$tmp/bigpanel" -o "$tmp/bigpanel-out"
check "the leaver forgotten" sh -c \
    "! grep -q 'zz-leaver' '$tmp/bigpanel-out/.secondround-manifest'"
expect "and up to date next time" 0 "0 written, 1 up to date" \
    $sr build "$tmp/bigpanel" -o "$tmp/bigpanel-out"
check "not read again" sh -c "! grep -q 'not-an-address' '$tmp/out'"

# A module that a --filter file requires from beside it is part of what
# the drafts are made of: changing it makes the notes out of date.
mkdir -p "$tmp/ff/notes" "$tmp/ff/mine"
cp tests/notes/good.md "$tmp/ff/notes/"
printf 'local words = require "words"\nreturn {draft = function(d) d.closing = words.close end}\n' \
    >"$tmp/ff/mine/close.lua"
printf 'return {close = "All the best,"}\n' >"$tmp/ff/mine/words.lua"
expect "a filter with a module" 0 "1 written" \
    $sr build -f "$tmp/ff/mine/close.lua" "$tmp/ff/notes" -o "$tmp/ff/out"
check "its closing" grep -q "All the best," "$tmp/ff/out/good.md"
printf 'return {close = "Kind regards,"}\n' >"$tmp/ff/mine/words.lua"
expect "the module changed" 0 "1 written" \
    $sr build -f "$tmp/ff/mine/close.lua" "$tmp/ff/notes" -o "$tmp/ff/out"
check "the new closing" grep -q "Kind regards," "$tmp/ff/out/good.md"

# A note's drafts change together: all are written to temporary files
# first and put in place only when all were written.  A full disk (a
# file-size limit, in blocks of 512 bytes, that the .md and .txt fit in
# and the .html does not) fails the note and leaves its old drafts whole,
# all three.
# The drafts' sizes decide whether such a limit exists: the candidate's
# name is made longer, 16 bytes at a time, until one does.
n=0
while [ $n -lt 512 ]; do
	rm -rf "$tmp/together" && mkdir -p "$tmp/together"
	sed "s/^candidate: .*/candidate: Peter Gibbons$(printf "%${n}s" "" |
	    tr ' ' x)/" tests/notes/good.md >"$tmp/together/good.md"
	$sr build -q "$tmp/together/good.md" -o "$tmp/together/out" \
	    >/dev/null 2>&1
	md=$(wc -c <"$tmp/together/out/good.md")
	txt=$(wc -c <"$tmp/together/out/good.txt")
	[ "$txt" -gt "$md" ] && md=$txt
	blocks=$(( (md + 32 + 511) / 512 ))
	[ "$(wc -c <"$tmp/together/out/good.html")" -gt \
	    $((blocks * 512 + 32)) ] && break
	n=$((n + 16))
done
cp -r "$tmp/together/out" "$tmp/together/before"
sed -i 's/^role: .*/role: Staff Engineer/' "$tmp/together/good.md"
check "the .html is what the limit stops" test \
    "$(wc -c <"$tmp/together/out/good.html")" -gt $((blocks * 512 + 32))
expect "a full disk half way through a note" 1 "good.md: error: cannot write" \
    sh -c "ulimit -f $blocks; exec $sr build '$tmp/together/good.md' -o '$tmp/together/out'"
check "its old drafts stay, all three" sh -c "for f in good.md good.txt good.html; do
    cmp -s '$tmp/together/before/'\$f '$tmp/together/out/'\$f || exit 1; done"
check "and no temporary file" test "$(find "$tmp/together/out" -name '*.tmp' | wc -l)" -eq 0
expect "written whole next time" 0 "1 written, 0 up to date, 0 kept (edited)" \
    $sr build "$tmp/together/good.md" -o "$tmp/together/out"
# A panel one of whose drafts another note of the run has taken: the
# note fails before any of its drafts is written.
rm -rf "$tmp/clash" && mkdir -p "$tmp/clash"
cp tests/notes/panel.md "$tmp/clash/p.md"
sed 's/^interviewer: .*/interviewer: Marcus Bell/' tests/notes/good.md \
    >"$tmp/clash/p--marcus-bell.md"
expect "a panel whose second draft is taken" 1 "would replace the one of" \
    $sr build "$tmp/clash" -o "$tmp/clash-out"
check "none of the panel's drafts written" test ! -e "$tmp/clash-out/p--priya-natarajan.md"

# A file name longer than a file name may be is an error that says so,
# not a draft "kept".
long=$(printf '%0252d' 0 | tr 0 n)
rm -rf "$tmp/long" && mkdir -p "$tmp/long"
cp tests/notes/good.md "$tmp/long/$long.md"
expect "a note name too long for its drafts" 1 "more than the 255 a file name may have" \
    $sr build "$tmp/long" -o "$tmp/long-out"

# One run at a time per output folder: a second one waits a little, then
# says which process holds the folder.
rm -rf "$tmp/lock" && mkdir -p "$tmp/lock/notes"
sed 's/^company: .*/company: Slowco/' tests/notes/good.md >"$tmp/lock/notes/a.md"
printf 'return {note = function(n)\n  if n.company == "Slowco" then\n    while true do end\n  end\nend}\n' \
    >"$tmp/lock/slow.lua"
$sr build -f "$tmp/lock/slow.lua" --max-instructions 20000000000 --max-seconds 1000 \
    "$tmp/lock/notes" -o "$tmp/lock/out" >/dev/null 2>&1 &
first=$!
n=0
while [ ! -s "$tmp/lock/out/.secondround-lock" ] && [ $n -lt 300 ]; do
	sleep 0.1; n=$((n + 1))
done
expect "a second run into the same folder" 2 "another secondround run (process $first)" \
    $sr build "$tmp/lock/notes" -o "$tmp/lock/out"
check "writes nothing" test ! -e "$tmp/lock/out/.secondround-manifest"
kill -TERM $first 2>/dev/null
wait $first
expect "the folder is free once it has ended" 0 "1 written" \
    $sr build "$tmp/lock/notes" -o "$tmp/lock/out"

# Builds killed outright (kill -9) at random points, then edits and
# builds: every draft is rewritten and known as the tool's own, none taken
# for one edited by hand, and no temporary file is left.
rm -rf "$tmp/kill" && mkdir -p "$tmp/kill/notes"
many=400
[ -n "$valgrind" ] && many=60
k=0
while [ $k -lt $many ]; do
	cp tests/notes/good.md "$tmp/kill/notes/n$k.md"; k=$((k + 1))
done
$sr build -q "$tmp/kill/notes" -o "$tmp/kill/out" >/dev/null 2>&1
round=0
while [ $round -lt 8 ]; do
	sed -i "s/^role: .*/role: Platform Lead $round/" "$tmp/kill/notes/"*.md
	$sr build -q -j $((round % 2 + 1)) "$tmp/kill/notes" -o "$tmp/kill/out" \
	    >/dev/null 2>&1 &
	pid=$!
	sleep "0.$(printf '%03d' $(($(od -An -N1 -tu1 /dev/urandom) * 3)))"
	kill -KILL $pid 2>/dev/null
	{ wait $pid; } 2>/dev/null
	round=$((round + 1))
done
sed -i "s/^role: .*/role: Final Lead/" "$tmp/kill/notes/"*.md
expect "after 8 killed builds, the next writes every draft" 0 \
    "$many written, 0 up to date, 0 kept (edited)" \
    $sr build "$tmp/kill/notes" -o "$tmp/kill/out"
check "every draft has the last text" test \
    "$(grep -l 'Final Lead' "$tmp/kill/out/"*.txt | wc -l)" -eq $many
check "no temporary file of the killed runs left" test \
    "$(find "$tmp/kill/out" -name '*.tmp' | wc -l)" -eq 0
check "nor a journal" test ! -e "$tmp/kill/out/.secondround-journal"
# and the temporary files of a run that is gone go at the next run
: >"$tmp/kill/out/.n1.txt.99999999.7.tmp"
expect "a no-op run" 0 "0 written" $sr build "$tmp/kill/notes" -o "$tmp/kill/out"
check "removes a dead run's temporary file" test ! -e "$tmp/kill/out/.n1.txt.99999999.7.tmp"

# Exit codes: a broken note fails alone; usage errors are 2.
cp tests/notes/broken.md "$notes/"
expect "a broken note" 1 "1 failed" $sr build "$notes" -o "$out"
check "the error names the place" grep -q "broken.md:3:9: error" "$tmp/out"
rm "$notes/broken.md"
expect "--formats" 0 "1 written" $sr build --formats txt "$notes/good.md" -o "$tmp/txtonly"
check "only txt" test -f "$tmp/txtonly/good.txt" -a ! -e "$tmp/txtonly/good.html"
expect "a bad --formats" 2 "--formats: 'pdf'" $sr build --formats pdf "$notes" -o "$out"
expect "build is the default command" 0 "up to date" $sr "$notes" -o "$out"

# A build stopped by a signal stops between notes, in the middle of a
# filter run too, and saves the manifest: what it wrote is its own next
# time, not a draft edited by hand.
rm -rf "$tmp/int" && mkdir -p "$tmp/int/notes"
cp tests/notes/good.md "$tmp/int/notes/a.md"
sed 's/^company: .*/company: Slowco/' tests/notes/good.md >"$tmp/int/notes/b.md"
printf 'return {note = function(n)\n  if n.company == "Slowco" then\n    while true do end\n  end\nend}\n' \
    >"$tmp/int/slow.lua"
# (a.md must be written before the signal: under valgrind that takes longer)
wait_s=3
[ -n "$valgrind" ] && wait_s=30
expect "a signal stops the build" 143 "interrupted: 1 written" \
    timeout --preserve-status -s TERM $wait_s $sr build -j 1 -f "$tmp/int/slow.lua" \
    --max-instructions 20000000000 --max-seconds 1000 "$tmp/int/notes" -o "$tmp/int/out"
# stopped NAME DIR JOBS KILLS: builds the slow notes into DIR in the
# background and, once a.html is written (the program's handler is in
# place by then), sends it SIGTERM: "once", "twice" at once (as timeout(1)
# sends it, to the program and to its process group), "late" (again
# 0.2 s after), or "nohup" (SIGHUP first, ignored since the start, so
# SIGTERM is what stops it). The build must stop by itself, say so and save its
# manifest; a watchdog ends it after 60 s. SIGTERM, not SIGINT: a shell's
# background jobs ignore SIGINT, and the program keeps what it inherits.
stopped() {
	name=$1 dir=$2 jobs=$3 kills=$4
	rm -rf "$dir"
	# nohup: SIGHUP ignored from the start
	( [ "$kills" != nohup ] || trap '' HUP
	  exec $sr build -j "$jobs" -f "$tmp/int/slow.lua" \
	    --max-instructions 20000000000 --max-seconds 1000 "$tmp/int/notes" -o "$dir" \
	    >"$dir.out" 2>&1 ) &
	pid=$!
	( n=0
	  while kill -0 $pid 2>/dev/null && [ $n -lt 600 ]; do
		sleep 0.1; n=$((n + 1))
	  done
	  kill -KILL $pid 2>/dev/null ) >/dev/null 2>&1 &
	watchdog=$!
	n=0
	while [ ! -e "$dir/a.html" ] && [ $n -lt 600 ]; do
		sleep 0.1; n=$((n + 1))
	done
	case $kills in
	twice) kill -TERM $pid $pid ;;
	late) kill -TERM $pid; sleep 0.2; kill -TERM $pid 2>/dev/null ;;
	nohup) kill -HUP $pid; sleep 0.3; kill -TERM $pid ;;
	*) kill -TERM $pid ;;
	esac
	wait $pid
	got=$?
	wait $watchdog # it ends once the build is waited for
	check "$name (exit $got)" sh -c "[ $got -eq 143 ] &&
	    grep -q 'interrupted: 1 written' '$dir.out' &&
	    grep -q '^a.md' '$dir/.secondround-manifest'"
}
# Whether the second of two at once lands while the first is handled is
# up to the scheduler: tried three times.
for k in 1 2 3; do
	stopped "the same signal twice at once still saves the manifest ($k)" \
	    "$tmp/int2" 1 twice
done
# With -j, a signal sent to the parent alone (kill, a supervisor) stops the
# filter run under way in a worker too, and a second one soon after is
# the same request.
stopped "a signal to the parent of -j 2 stops its workers" "$tmp/int3" 2 once
stopped "a second signal soon after, with -j 2" "$tmp/int4" 2 late
stopped "a signal ignored from the start (nohup) stays ignored" "$tmp/int5" 1 nohup
# A reader of the messages that goes away (`build | head`, or a `tee`
# ended by the same Ctrl-C) stops the build, which still saves its
# manifest: after the next change, the drafts it wrote are its own, not
# drafts edited by hand.
rm -rf "$tmp/pipe" && mkdir -p "$tmp/pipe/notes"
k=0
while [ $k -lt 100 ]; do
	cp tests/notes/good.md "$tmp/pipe/notes/n$k.md"; k=$((k + 1))
done
$sr build -q "$tmp/pipe/notes" -o "$tmp/pipe/out" >/dev/null 2>&1
sed -i 's/^company: .*/company: Pipeco/' "$tmp/pipe/notes/"*.md
$sr build "$tmp/pipe/notes" -o "$tmp/pipe/out" 2>&1 | head -n 1 >/dev/null
sed -i 's/^company: .*/company: Pipeco Two/' "$tmp/pipe/notes/"*.md
expect "a build whose reader went away kept its manifest" 0 \
    "100 written, 0 up to date, 0 kept (edited)" \
    $sr build "$tmp/pipe/notes" -o "$tmp/pipe/out"
printf -- '- Cut release time from 5 days to 1\n' >>"$tmp/int/notes/a.md"
expect "what it wrote is still its own" 0 "1 written" \
    $sr build "$tmp/int/notes/a.md" -o "$tmp/int/out"

echo "build: $pass passed, $fail failed"
