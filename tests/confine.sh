#!/bin/sh
# confine.sh - nothing is read from outside the folders named: a note, a
# filter a note names or a module a filter requires that is a symbolic
# link leading out of its folder (to a file beside the repository, to
# /etc/passwd) is refused with an error naming it, and its text reaches
# no draft and no message; --allow-outside reads it.  And invisible or
# line-breaking characters (U+2028, U+202E, U+0085...) from a note reach
# no subject, <title> or message raw.
#
#   tests/confine.sh BUILD_DIR TMP_DIR [VALGRIND_COMMAND]
#
# Prints "confine: N passed, N failed".
set -u
build=$1 tmp=$2/confine-tests valgrind=${3:-}
sr="$valgrind $build/secondround"
NOW=2026-11-25T12:00:00Z
pass=0 fail=0
rm -rf "$tmp" && mkdir -p "$tmp"

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1)); echo "FAIL: $*"
	if [ -n "${SR_FAIL_FAST:-}" ]; then
		# Invisible characters: a role's U+2028 and U+202E leave the subject and
# the title; a file name's are escaped in messages.
mkdir -p "$tmp/inv"
printf -- '---\ncompany: Acme\nrole: "Lead\\u2028Bcc: x \\u202E\\u0085"\ninterviewer: Ann <ann@acme.example>\ndate: 2026-11-20\n---\n## What excited them\n- the plan\n' \
    >"$tmp/inv/role.md"
$sr build --now $NOW "$tmp/inv/role.md" -o "$tmp/inv-out" >"$tmp/log" 2>&1
for f in "$tmp/inv-out/role.md" "$tmp/inv-out/role.txt" "$tmp/inv-out/role.html"; do
	s=$(grep -a -i -m1 '^subject:\|<title>' "$f")
	case $s in
	*"$(printf '\342\200\250')"*|*"$(printf '\342\200\256')"*|*"$(printf '\302\205')"*)
		bad "an invisible character in the subject of ${f##*/}: $s" ;;
	*Lead*) ok ;;
	*) bad "no subject in ${f##*/}" ;;
	esac
done
cp "$tmp/inv/role.md" "$tmp/inv/$(printf 'a\342\200\256dm.md')"
printf -- '---\ncompany: [a\n---\n' >"$tmp/inv/$(printf 'b\302\205c.md')"
$sr check --now $NOW "$tmp/inv" >"$tmp/log" 2>&1
if grep -aq "$(printf '\342\200\256\\|\302\205')" "$tmp/log"; then
	bad "an invisible character of a file name in a message"; cat -A "$tmp/log"
elif grep -q 'a\\u202Edm.md' "$tmp/log" && grep -q 'b\\u0085c.md' "$tmp/log"; then ok
else bad "the file names not escaped"; cat -A "$tmp/log"; fi

echo "confine: $pass passed, $fail failed"; exit 1
	fi
}
# expect NAME WANT_EXIT WANT_TEXT COMMAND...
expect() {
	name=$1 want=$2 text=$3; shift 3
	"$@" >"$tmp/log" 2>&1
	got=$?
	if [ "$got" -ne "$want" ]; then bad "$name: exit $got, want $want"; cat "$tmp/log"
	elif ! grep -qF -- "$text" "$tmp/log"; then bad "$name: no '$text'"; cat "$tmp/log"
	else ok; fi
}
# nowhere NAME TEXT FILES...: TEXT is in none of the files
nowhere() {
	name=$1 text=$2; shift 2
	if grep -rqF -- "$text" "$@" 2>/dev/null; then bad "$name: '$text' leaked"
	else ok; fi
}

repo=$tmp/repo notes=$tmp/repo/notes out=$tmp/out
mkdir -p "$tmp/outside" "$notes/2026" "$repo/filters"
printf -- '---\ncompany: SECRET-OUTSIDE\ninterviewer: Eve <eve@x.example>\n---\n## What excited them\n- I led the SECRET-BODY migration\n' \
    >"$tmp/outside/creds.md"
printf -- '---\ncompany: Acme\ninterviewer: Ann <ann@acme.example>\ndate: 2026-11-20\n---\n## What excited them\n- the migration plan\n' \
    >"$notes/2026/acme.md"
ln -s ../../../outside/creds.md "$notes/2026/creds.md"
ln -s /etc/passwd "$notes/2026/passwd.md"

expect "a note linked outside the folder" 1 "creds.md: error: a link that leads outside" \
    $sr build --now $NOW "$notes" -o "$out"
expect "a note linked to /etc/passwd" 1 "passwd.md: error: a link that leads outside" \
    $sr build --now $NOW "$notes" -o "$out"
rm -rf "$out"
expect "the batch goes on" 1 "1 written" $sr build --now $NOW "$notes" -o "$out"
nowhere "nothing of the outside note is read" SECRET "$out" "$tmp/log"
nowhere "nothing of /etc/passwd is read" "root:" "$out" "$tmp/log"
test ! -e "$out/2026/passwd.md" && test ! -e "$out/2026/creds.md" && ok ||
    bad "no draft of a linked note"
expect "check refuses it too" 1 "creds.md: error: a link that leads outside" \
    $sr check --now $NOW "$notes"
expect "a linked note named as a file" 1 "passwd.md: error: a link that leads outside" \
    $sr check --now $NOW "$notes/2026/passwd.md"
# a link that stays inside the folder named is a note like any other
ln -s acme.md "$notes/2026/acme-again.md"
expect "a link inside the folder is read" 0 "1 note" \
    $sr check --now $NOW "$notes/2026/acme-again.md"
rm "$notes/2026/acme-again.md"
rm -rf "$out"
expect "--allow-outside reads it" 0 "1 written" \
    $sr build --allow-outside --now $NOW "$notes/2026/creds.md" -o "$out"
rm -f "$notes/2026/creds.md" "$notes/2026/passwd.md"

# A filter a note names, in the repository's filters folder, linked out.
printf 'function score(p) return 0 end\n' >"$tmp/outside/cfg.lua"
printf '"sk-live-OUTSIDE-SECRET" is the key\n' >"$tmp/outside/notlua.lua"
ln -s ../../outside/cfg.lua "$repo/filters/evil.lua"
printf -- '---\ncompany: Acme\ninterviewer: Ann <ann@acme.example>\nfilters: [evil]\n---\n## What excited them\n- the plan\n' \
    >"$notes/2026/named.md"
expect "a filter linked outside the repository" 1 "named.md:4: error: filter 'evil': a link that leads outside" \
    $sr build --now $NOW "$notes/2026/named.md" -o "$tmp/out2"
expect "--allow-outside runs it" 0 "1 written" \
    $sr build --allow-outside --now $NOW "$notes/2026/named.md" -o "$tmp/out3"
rm -f "$notes/2026/named.md"

# require: a module beside a filter that is a link out of its folder.
mkdir -p "$tmp/f"
cat >"$tmp/f/leak.lua" <<'LUA'
local cfg = require("cfg")
function draft(d) d.body = d.body .. "\n" .. tostring(cfg) return d end
LUA
ln -s ../outside/notlua.lua "$tmp/f/cfg.lua"
expect "require of a link outside" 2 "module 'cfg': a link that leads outside" \
    $sr build --now $NOW --filter "$tmp/f/leak.lua" "$notes" -o "$tmp/out4"
nowhere "the outside file is not quoted" "OUTSIDE-SECRET" "$tmp/log" "$tmp/out4"
expect "--allow-outside reads it (and its error quotes it)" 2 "OUTSIDE-SECRET" \
    $sr build --allow-outside --now $NOW --filter "$tmp/f/leak.lua" "$notes" -o "$tmp/out4"
rm -f "$tmp/f/cfg.lua"
ln -s /etc/passwd "$tmp/f/cfg.lua"
expect "require of /etc/passwd" 2 "module 'cfg': a link that leads outside" \
    $sr build --now $NOW --filter "$tmp/f/leak.lua" "$notes" -o "$tmp/out5"
nowhere "no line of /etc/passwd quoted" "root:" "$tmp/log" "$tmp/out5"

# Invisible characters: a role's U+2028 and U+202E leave the subject and
# the title; a file name's are escaped in messages.
mkdir -p "$tmp/inv"
printf -- '---\ncompany: Acme\nrole: "Lead\\u2028Bcc: x \\u202E\\u0085"\ninterviewer: Ann <ann@acme.example>\ndate: 2026-11-20\n---\n## What excited them\n- the plan\n' \
    >"$tmp/inv/role.md"
$sr build --now $NOW "$tmp/inv/role.md" -o "$tmp/inv-out" >"$tmp/log" 2>&1
for f in "$tmp/inv-out/role.md" "$tmp/inv-out/role.txt" "$tmp/inv-out/role.html"; do
	s=$(grep -a -i -m1 '^subject:\|<title>' "$f")
	case $s in
	*"$(printf '\342\200\250')"*|*"$(printf '\342\200\256')"*|*"$(printf '\302\205')"*)
		bad "an invisible character in the subject of ${f##*/}: $s" ;;
	*Lead*) ok ;;
	*) bad "no subject in ${f##*/}" ;;
	esac
done
cp "$tmp/inv/role.md" "$tmp/inv/$(printf 'a\342\200\256dm.md')"
printf -- '---\ncompany: [a\n---\n' >"$tmp/inv/$(printf 'b\302\205c.md')"
$sr check --now $NOW "$tmp/inv" >"$tmp/log" 2>&1
if grep -aq "$(printf '\342\200\256\\|\302\205')" "$tmp/log"; then
	bad "an invisible character of a file name in a message"; cat -A "$tmp/log"
elif grep -q 'a\\u202Edm.md' "$tmp/log" && grep -q 'b\\u0085c.md' "$tmp/log"; then ok
else bad "the file names not escaped"; cat -A "$tmp/log"; fi

echo "confine: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
