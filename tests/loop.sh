#!/bin/sh
# loop.sh - tests of the follow-up loop around the drafts: `init` (into an
# empty and a non-empty folder), `new` (a clean folder, a name clash, the
# slug, the date with its offset, a template of the notes folder), the
# defaults file (inherited, overridden, its errors located), `due`
# (ordering, exit code, the three time-zone rules under --now, tsv and
# json), `sent` (every other byte kept) and build's sent rule.
#
#   tests/loop.sh BUILD_DIR TMP_DIR [VALGRIND_COMMAND]
#
# Prints "loop: N passed, N failed"; with SR_FAIL_FAST=1, at the first
# failure.
set -u
build=$1 tmp=$2/loop-tests valgrind=${3:-}
sr="$valgrind $(cd "$build" && pwd)/secondround"
pass=0 fail=0
rm -rf "$tmp" && mkdir -p "$tmp"

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1)); echo "FAIL: $*"
	if [ -n "${SR_FAIL_FAST:-}" ]; then
		echo "loop: $pass passed, $fail failed"; exit 1
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

# ---- init -----------------------------------------------------------------
r=$tmp/repo
expect "init into an empty folder" 0 "made $r/secondround.yaml" $sr init "$r"
for f in notes/template.md filters/starter.lua Makefile .gitignore secondround.yaml; do
	check "init made $f" test -s "$r/$f"
done
check "the Makefile has drafts, check and due" sh -c \
    "grep -q '^drafts:' '$r/Makefile' && grep -q '^check:' '$r/Makefile' && grep -q '^due:' '$r/Makefile'"
check ".gitignore leaves the drafts out" grep -qx '/drafts/' "$r/.gitignore"
n=$tmp/nonempty
mkdir -p "$n" && printf 'mine\n' >"$n/Makefile"
expect "init into a folder with a Makefile refuses" 1 "$n/Makefile exists" $sr init "$n"
check "and makes nothing" test ! -e "$n/notes" -a ! -e "$n/secondround.yaml"
check "and keeps the Makefile" grep -qx mine "$n/Makefile"
mkdir -p "$tmp/hasnotes/notes" && printf 'x\n' >"$tmp/hasnotes/notes/a.md"
expect "init beside a notes folder keeps it" 0 "made $tmp/hasnotes/Makefile" \
    $sr init "$tmp/hasnotes"
check "its note is untouched" grep -qx x "$tmp/hasnotes/notes/a.md"

# ---- new ------------------------------------------------------------------
cd "$r" || exit 2
expect "new in a clean folder" 0 "notes/2026-11-25-acme-head-of-ops.md" \
    $sr new --company Acme --role "Head of Ops" --interviewer "Maria Alvarez" \
    --date "2026-11-25 10:00" --no-edit
note=$r/notes/2026-11-25-acme-head-of-ops.md
check "the note is there" test -f "$note"
check "its front matter is filled in" sh -c "grep -qx 'company: \"Acme\"' '$note' &&
    grep -qx 'date: 2026-11-25 10:00' '$note' && grep -qx 'interviewer: \"Maria Alvarez\"' '$note'"
$sr parse "$note" >"$tmp/parse" 2>&1
check "the six headings answer the six questions" test "$(grep -c '^\[\(excited_them\|excited_me\|guidance\|problems\|say_differently\|not_said\)\]' "$tmp/parse")" -eq 6
check "the hints are no points" sh -c "! grep -q '^- ' '$tmp/parse'"
expect "new on a name clash" 0 "notes/2026-11-25-acme-head-of-ops-2.md" \
    $sr new --company Acme --role "Head of Ops" --date "2026-11-25 10:00" --no-edit
expect "and again" 0 "notes/2026-11-25-acme-head-of-ops-3.md" \
    $sr new --company Acme --role "Head of Ops" --date "2026-11-25 10:00" --no-edit
check "the first note is untouched" grep -qx 'interviewer: "Maria Alvarez"' "$note"
rm "$r"/notes/*-2.md "$r"/notes/*-3.md
expect "a panel" 0 "2026-11-26-zeta-cto.md" $sr new -c Zeta -r CTO \
    -i "Ann Lee, Bo Chan" -d 2026-11-26 --no-edit
check "a panel is a list" grep -qx 'interviewer: \["Ann Lee", "Bo Chan"\]' \
    "$r/notes/2026-11-26-zeta-cto.md"
rm "$r/notes/2026-11-26-zeta-cto.md"
expect "the slug: accents, symbols" 0 "/2026-11-25-cafe-creme-r-d-dev.md" \
    $sr new -c "Café Crème" -r "R&D / Dev" -d 2026-11-25 -o "$tmp/slugs" --no-edit
expect "the slug's fallback" 0 "/2026-11-25-note.md" \
    $sr new -c "日本" -d 2026-11-25 -o "$tmp/slugs" --no-edit
long=$(printf 'x%.0s' $(seq 1 100))
$sr new -c "$long" -r CEO -d 2026-11-25 -o "$tmp/slugs" --no-edit >"$tmp/out" 2>&1
check "the slug is at most 64 bytes" test "$(basename "$(cat "$tmp/out")" .md | cut -c12- | wc -c)" -eq 65
expect "now to the minute with the local offset" 0 "2026-11-25-" \
    env TZ=CET-1 $sr new -c Now --now 2026-11-25T09:30:00Z -o "$tmp/now" --no-edit
check "its date" grep -qx 'date: 2026-11-25T10:30+01:00' "$tmp/now/2026-11-25-now.md"
expect "a bad date" 2 "--date: 'soon' is not a date" $sr new --date soon --no-edit
mkdir -p "$tmp/tpl/notes" && printf -- '---\ncompany: {{company}}\n---\n## Mine\n' \
    >"$tmp/tpl/notes/template.md"
expect "the notes folder's template.md" 0 "2026-11-25-own.md" \
    $sr new -c Own -d 2026-11-25 -o "$tmp/tpl/notes" --no-edit
check "is the template used" grep -qx '## Mine' "$tmp/tpl/notes/2026-11-25-own.md"
check "and is no note for build" sh -c "$sr check '$tmp/tpl/notes' 2>&1 | grep -q '^1 note checked'"
printf 'EDITED\n' >"$tmp/ed.sh" && printf '#!/bin/sh\necho edited >>"$1"\n' >"$tmp/ed.sh" && chmod +x "$tmp/ed.sh"
if command -v script >/dev/null; then
	EDITOR="$tmp/ed.sh" script -qec "$sr new -c Ed -d 2026-11-25 -o '$tmp/ed'" /dev/null >/dev/null 2>&1
	check "the editor opens it on a terminal" grep -qx edited "$tmp/ed/2026-11-25-ed.md"
	EDITOR="$tmp/ed.sh" script -qec "$sr new -c Ed -d 2026-11-25 -o '$tmp/ed' --no-edit" /dev/null >/dev/null 2>&1
	check "not with --no-edit" sh -c "! grep -q edited '$tmp/ed/2026-11-25-ed-2.md'"
fi
EDITOR="$tmp/ed.sh" $sr new -c Ed -d 2026-11-25 -o "$tmp/ed" </dev/null >/dev/null 2>&1
check "nor without a terminal" sh -c "! grep -q edited '$tmp/ed/2026-11-25-ed-3.md'"

# ---- the defaults file ----------------------------------------------------
cat >>"$note" <<'EOF'
- At Mercy West I cut nurse turnover from 24% to 15% in 18 months
EOF
cat >"$r/secondround.yaml" <<'EOF'
candidate:
  name: Chris Boyd
  signature: |
    Chris Boyd
    +1 555 0100
formats: [txt]
output: drafts
EOF
expect "build in the repository" 0 "1 written" sh -c "cd '$r' && $sr build --now 2026-11-26T00:00:00Z notes"
check "the draft is signed from the defaults" sh -c "tail -2 '$r/drafts/2026-11-25-acme-head-of-ops.txt' | tr '\n' '|' | grep -qx 'Chris Boyd|+1 555 0100|'"
check "in the formats of the defaults" test ! -e "$r/drafts/2026-11-25-acme-head-of-ops.html"
sed -i 's/^company: .*/&\ncandidate: Dana Roe/' "$note"
expect "the note's own field wins" 0 "1 written" sh -c "cd '$r' && $sr build notes"
check "signed by the note's candidate" sh -c "tail -1 '$r/drafts/2026-11-25-acme-head-of-ops.txt' | grep -qx 'Dana Roe'"
sed -i '/^candidate: Dana Roe$/d' "$note"
printf 'tone: [warm\n' >>"$r/secondround.yaml"
expect "an error in the defaults is located there" 1 "secondround.yaml:8:" sh -c "cd '$r' && $sr check notes"
check "named from the current folder" grep -q "^secondround.yaml:8:" "$tmp/out"
expect "and from above it" 1 "repo/secondround.yaml:8:" sh -c "cd '$tmp' && $sr check repo/notes"
cp "$note" "$r/notes/copy.md"
expect "two notes that inherit it" 1 "2 with errors" sh -c "cd '$r' && $sr check -j 2 notes"
check "its error said once" test "$(grep -c '^secondround.yaml:8:' "$tmp/out")" -eq 1
check "each note says why it failed" test "$(grep -c "^notes/.*md: error: not read: its defaults file secondround.yaml has errors" "$tmp/out")" -eq 2
rm "$r/notes/copy.md"
sed -i '$d' "$r/secondround.yaml"
printf 'date: 2026-11-25\n' >>"$r/secondround.yaml"
expect "a date is no default" 1 "secondround.yaml:8:7: error: 'date' belongs in a note" \
    sh -c "cd '$r' && $sr check notes"
sed -i '$d' "$r/secondround.yaml"
printf 'max_words: 10\n' >>"$r/secondround.yaml"
expect "its fields read as a note's" 1 "secondround.yaml:8:12: error: 'max_words'" \
    sh -c "cd '$r' && $sr check notes"
sed -i '$d' "$r/secondround.yaml"
printf 'filters: [nothere.lua]\n' >>"$r/secondround.yaml"
expect "a filter the defaults name is located there" 1 "secondround.yaml:8: error: filter 'nothere.lua'" \
    sh -c "cd '$r' && $sr check notes"
sed -i '$d' "$r/secondround.yaml"
expect "the defaults as they were" 0 "1 written" sh -c "cd '$r' && $sr build notes"
printf 'tone: warm\n' >>"$r/secondround.yaml"
expect "a change of the defaults rebuilds" 0 "1 written" sh -c "cd '$r' && $sr build notes"

# ---- due ------------------------------------------------------------------
d=$tmp/due/notes
mkdir -p "$d"
mk() { # NAME DATE
	printf -- '---\ncompany: %s\nrole: R\ndate: %s\ninterviewer: Kim\n---\n## Their problems\n- Slow\n' \
	    "$1" "$2" >"$d/$1.md"
}
mk later 2026-11-24T09:00:00Z
mk sooner 2026-11-23T09:00:00Z
mk overdue 2026-11-20T09:00:00Z
mk done 2026-11-19T09:00:00Z && printf 'x\n' >/dev/null
sed -i 's/^role: R$/role: R\nsent: true/' "$d/done.md"
cd "$tmp/due" || exit 2
expect "due with one overdue: exit 3" 3 "overdue by 3 days" $sr due --now 2026-11-25T09:00:00Z
check "soonest deadline first, sent left out" test "$(sed -n 's/.*  notes\/\([a-z]*\)\.md$/\1/p' "$tmp/out" | tr '\n' ' ')" = "overdue sooner later "
check "the time left" grep -q "in 24 h .*later" "$tmp/out"
check "no colour when not a terminal" sh -c "! grep -q \"$(printf '\033')\" '$tmp/out'"
if command -v script >/dev/null; then
	script -qec "$sr due --now 2026-11-25T09:00:00Z" /dev/null >"$tmp/tty" 2>&1
	check "colour on a terminal" grep -q "$(printf '\033')\[1;31m" "$tmp/tty"
	NO_COLOR=1 script -qec "$sr due --now 2026-11-25T09:00:00Z" /dev/null >"$tmp/tty" 2>&1
	check "none with NO_COLOR" sh -c "! grep -q \"$(printf '\033')\[\" '$tmp/tty'"
fi
rm "$d/overdue.md"
expect "nothing overdue: exit 0" 0 "in 24 h" $sr due --now 2026-11-25T09:00:00Z
expect "tsv" 0 "$(printf '2026-11-25T09:00:00+00:00\t0\tsooner\tR\tKim\tnone\tnotes/sooner.md')" \
    $sr due --format tsv --now 2026-11-25T09:00:00Z
$sr due --format json --now 2026-11-25T09:00:00Z >"$tmp/json" 2>&1
check "json a script can read" python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert [x['company'] for x in r]==['sooner','later'] and r[1]['seconds_left']==86400 and r[1]['interviewers']==['Kim']" "$tmp/json"
$sr build --now 2026-11-25T09:00:00Z notes/later.md -o drafts >/dev/null 2>&1
expect "the draft's state" 0 "draft ready" $sr due --now 2026-11-25T09:00:00Z
touch -d '2030-01-01' notes/later.md
expect "a draft older than its note" 0 "draft out of date" $sr due --now 2026-11-25T09:00:00Z
touch -d '2020-01-01' drafts/later.*
printf -- '## Private\n- nothing for the draft\n' >>notes/later.md
$sr build --now 2026-11-25T09:00:00Z notes/later.md -o drafts >/dev/null 2>&1
expect "a note changed, its draft the same: ready" 0 "draft ready" $sr due --now 2026-11-25T09:00:00Z
# the three time-zone rules, under --now
rm -f "$d"/*.md
mk exact 2026-11-25T10:00+05:00
expect "an offset is exact" 0 "$(printf '\t60\texact')" \
    env TZ=CET-1 $sr due --format tsv --now 2026-11-27T04:59:00Z
mk local "2026-11-25 10:00"
rm "$d/exact.md"
expect "no offset: local time" 0 "$(printf '2026-11-27T10:00:00+01:00\t1800\tlocal')" \
    env TZ=CET-1 $sr due --format tsv --now 2026-11-27T08:30:00Z
expect "no offset: local time (elsewhere)" 3 "$(printf '\t-1800\tlocal')" \
    env TZ=UTC-2 $sr due --format tsv --now 2026-11-27T08:30:00Z
mk bare 2026-11-25
rm "$d/local.md"
expect "a bare date: the end of that day" 0 "$(printf '2026-11-27T23:59:00+01:00\t60\tbare')" \
    env TZ=CET-1 $sr due --format tsv --now 2026-11-27T22:58:00Z
expect "check says the same" 0 "0 warnings" sh -c \
    "TZ=CET-1 $sr check -q --now 2026-11-27T22:58:00Z notes; TZ=CET-1 $sr check --now 2026-11-27T23:00:00Z notes 2>&1 | grep -q 'overdue by' && echo '0 warnings'"

# ---- sent -----------------------------------------------------------------
s=$tmp/sent
mkdir -p "$s"
printf -- '---\r\n# my comment\r\ncompany:   "Acme"   # quoted\r\nsent: false\r\nrole: Ops\r\n---\r\n\r\n## Their problems\r\n- Slow  \r\n' >"$s/crlf.md"
cp "$s/crlf.md" "$s/crlf.before"
ino=$(ls -i "$s/crlf.md" | cut -d' ' -f1)
expect "sent replaces the field" 0 "sent: 2026-11-26 09:00" $sr sent --date "2026-11-26 09:00" "$s/crlf.md"
sed 's/^sent: false\r$/sent: 2026-11-26 09:00\r/' "$s/crlf.before" >"$s/crlf.want"
check "every other byte kept (CRLF)" cmp -s "$s/crlf.md" "$s/crlf.want"
check "replaced by a rename" test "$(ls -i "$s/crlf.md" | cut -d' ' -f1)" != "$ino"
printf -- '---\ncompany: Acme\ndate: 2026-11-25\n...\nbody **kept**\n' >"$s/add.md"
expect "sent adds the field" 0 "sent: 2026-11-25T20:00+01:00" \
    env TZ=CET-1 $sr sent --now 2026-11-25T19:00:00Z "$s/add.md"
printf -- '---\ncompany: Acme\ndate: 2026-11-25\nsent: 2026-11-25T20:00+01:00\n...\nbody **kept**\n' >"$s/add.want"
check "every other byte kept (added)" cmp -s "$s/add.md" "$s/add.want"
printf -- '---\nsent: no   # not yet\n\n# the role:\nrole: Ops\n---\n' >"$s/blank.md"
$sr sent --date 2026-11-25 "$s/blank.md" >/dev/null 2>&1
printf -- '---\nsent: 2026-11-25\n\n# the role:\nrole: Ops\n---\n' >"$s/blank.want"
check "the blank line and comment after it kept" cmp -s "$s/blank.md" "$s/blank.want"
printf -- '---\nsent:\n  2026-11-20\nrole: Ops\n---\n' >"$s/multi.md"
$sr sent --date 2026-11-25 "$s/multi.md" >/dev/null 2>&1
printf -- '---\nsent: 2026-11-25\nrole: Ops\n---\n' >"$s/multi.want"
check "a value on its own line replaced with its key" cmp -s "$s/multi.md" "$s/multi.want"
printf -- '## Problems\n- none\n' >"$s/bare.md"
$sr sent --date 2026-11-25 "$s/bare.md" >/dev/null 2>&1
check "a note without front matter gets one" cmp -s "$s/bare.md" /dev/fd/3 3<<'EOF'
---
sent: 2026-11-25
---
## Problems
- none
EOF
printf -- '---\ncompany: [oops\n---\n' >"$s/broken.md"
cp "$s/broken.md" "$s/broken.before"
expect "a broken front matter is left alone" 1 "broken.md:2:10: error" $sr sent "$s/broken.md"
check "untouched" cmp -s "$s/broken.md" "$s/broken.before"
expect "a bad date" 2 "--date: 'later'" $sr sent --date later "$s/add.md"

# ---- build's sent rule ----------------------------------------------------
cd "$r" || exit 2
cp drafts/2026-11-25-acme-head-of-ops.txt "$tmp/draft.before"
$sr sent --date 2026-11-26 "$note" >/dev/null 2>&1
printf -- '- Ran a pharmacy huddle that moved 40%% of discharges before noon\n' >>"$note"
expect "a sent note gets no new draft" 0 "0 written, 0 up to date, 0 kept (edited), 0 without a draft, 0 failed; 1 sent (no new draft)" $sr build notes
check "its old draft stays" cmp -s drafts/2026-11-25-acme-head-of-ops.txt "$tmp/draft.before"
expect "due leaves it out" 0 "nothing due" $sr due

echo "loop: $pass passed, $fail failed"
