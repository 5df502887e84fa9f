#!/bin/sh
# eml.sh - tests of the .eml drafts (--formats ...,eml): every one written
# is read back by Python's email package (tests/eml.py) and compared with
# the .txt and .html beside it, for ASCII and non-ASCII names and subjects;
# a header that would carry a line break or a second address is refused,
# naming the field, and the batch goes on; reruns are byte-identical; an
# .eml edited by hand is kept.
#
#   tests/eml.sh BUILD_DIR TMP_DIR [VALGRIND_COMMAND]
#
# Prints "eml: N passed, N failed".
set -u
build=$1 tmp=$2/eml-tests valgrind=${3:-}
sr="$valgrind $build/secondround"
NOW=2026-11-25T12:00:00Z
pass=0 fail=0
rm -rf "$tmp" && mkdir -p "$tmp/notes"

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1)); echo "FAIL: $*"
	if [ -n "${SR_FAIL_FAST:-}" ]; then
		echo "eml: $pass passed, $fail failed"; exit 1
	fi
}
check() { # NAME CONDITION...
	name=$1; shift
	if "$@"; then ok; else bad "$name"; fi
}
has() { grep -qF -- "$1" "$tmp/out"; }

if ! command -v python3 >/dev/null 2>&1; then
	bad "python3 is missing: the .eml drafts cannot be read back (.ci/run installs it)"
	echo "eml: $pass passed, $fail failed"; exit 1
fi

body='## What got them excited
- The **40% cut** in night-shift handover errors at Mercy West
## Their problems
- Handover errors on the night shift
## Didn'"'"'t get to say
- I trained 30 charge nurses on the SBAR handover in 6 weeks'

note() { # FILE FRONT-MATTER-LINES
	f=$1; shift
	{ echo ---; printf '%s\n' "$@"; echo "date: 2026-11-24 10:00"
	  echo ---; printf '%s\n' "$body"; } >"$tmp/notes/$f"
}
note ascii.md "company: Acme Health" "role: Charge Nurse" \
    "interviewer: {name: Maria Alvarez, email: maria@acme.example}" \
    "candidate: {name: Chris Boyd, email: chris@mail.example}"
note utf8.md "company: Clínica Ñandú São Paulo" \
    "role: Enfermeira-chefe de cuidados intensivos pediátricos e neonatais" \
    "interviewer: {name: Zoë Ångström-Müller, email: zoe@nandu.example}" \
    "candidate: José Núñez <jose@mail.example>"
note comma.md "company: Park & Sons" "role: Nurse" \
    "interviewer: Park, Helen <helen@park.example>" \
    "candidate: {name: Chris \"CB\" Boyd}"
# (a name whose quoted form is too long for its line: found by fuzz/eml.c)
note quoted.md "company: Acme" "role: Nurse" \
    "interviewer: {name: 'Dr \"Mo\" \"Jo\" \"Bo\" \"Lu\" \"Al\" \"Ed\" \"Cy\" Maria Alvarez-Fitzgera', email: maria@acme.example}"
note noaddr.md "company: Acme  Twin   Spaces" "role: Nurse" "interviewer: Maria Alvarez"
note inject-crlf.md "company: Acme" "role: Nurse" \
    'interviewer: {name: "Maria\r\nBcc: evil@x.example", email: maria@acme.example}'
note inject-two.md "company: Acme" "role: Nurse" \
    "interviewer: Maria <maria@acme.example>, Evil <evil@x.example>"
note inject-subject.md 'company: "Acme\nBcc: evil@x.example"' "role: Nurse" \
    "interviewer: {name: Maria, email: maria@acme.example}"
note inject-email.md "company: Acme" "role: Nurse" \
    "interviewer: {name: Maria, email: 'maria@acme.example, evil@x.example'}"
note inject-8bit.md "company: Acme" "role: Nurse" \
    "interviewer: {name: Maria, email: maria@acmé.example}" \
    "candidate: Chris <chris@mäil.example>"

out=$tmp/drafts
$sr build --now $NOW --formats txt,html,eml "$tmp/notes" -o "$out" >"$tmp/out" 2>&1
check "a refused header fails the batch (exit 1)" [ $? -eq 1 ]
check "the batch goes on past refused notes" [ -f "$out/utf8.eml" ]
check "a CRLF escape in a name is refused, naming the field" \
    has "inject-crlf.md:4:21: error: 'interviewer' holds a line break"
check "a second address is refused" \
    has "inject-two.md:4:14: error: 'interviewer' holds more than one address"
check "a line break in the company (the subject) is refused" \
    has "inject-subject.md:2:10: error: 'company' holds a line break"
check "two addresses in an email field are refused" \
    has "inject-email.md:4:35: error: 'interviewer' email is not one address"
check "an address outside ASCII is refused (found by fuzz/eml.c)" \
    has "inject-8bit.md:4:35: error: 'interviewer' email holds characters outside ASCII"
check "a candidate's address outside ASCII too" \
    has "inject-8bit.md:5:12: error: 'candidate' address holds characters outside ASCII"
for n in inject-crlf inject-two inject-subject inject-email inject-8bit; do
	check "$n: no draft at all" [ ! -e "$out/$n.eml" ] && [ ! -e "$out/$n.txt" ]
done
check "no address: a warning" has "noaddr.md:4: warning: no mail address for Maria Alvarez: its .eml draft has no To:"
check "the other formats keep the injected text out of any header line" \
    sh -c "! grep -rq '^Bcc' '$out'"

python3 tests/eml.py "$out" \
    --to ascii.eml "Maria Alvarez" maria@acme.example \
    --from ascii.eml "Chris Boyd" chris@mail.example \
    --to utf8.eml "Zoë Ångström-Müller" zoe@nandu.example \
    --from utf8.eml "José Núñez" jose@mail.example \
    --to comma.eml "Park, Helen" helen@park.example \
    --to quoted.eml 'Dr "Mo" "Jo" "Bo" "Lu" "Al" "Ed" "Cy" Maria Alvarez-Fitzgera' maria@acme.example \
    --no-to noaddr.eml >"$tmp/py" 2>&1
n=$(sed -n 's/^eml: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$tmp/py")
if [ -z "$n" ]; then bad "tests/eml.py printed no count"; cat "$tmp/py"
else
	pass=$((pass + ${n% *})) fail=$((fail + ${n#* }))
	grep '^FAIL' "$tmp/py"
fi
check "a non-ASCII subject is encoded words" grep -q '^Subject: =?UTF-8?B?' "$out/utf8.eml"
check "a draft without a candidate address has no From" \
    sh -c "! grep -q '^From:' '$out/comma.eml'"

# Reruns are byte-identical: the same drafts in a fresh folder.
$sr build --now $NOW --formats txt,html,eml "$tmp/notes" -o "$tmp/again" >/dev/null 2>&1
check "a rerun writes the same .eml bytes" cmp -s "$out/utf8.eml" "$tmp/again/utf8.eml"
check "a rerun writes the same .eml bytes (ascii)" cmp -s "$out/ascii.eml" "$tmp/again/ascii.eml"
$sr build --now $NOW --formats txt,html,eml "$tmp/notes/ascii.md" -o "$out" >"$tmp/out" 2>&1
check "a rebuild leaves an .eml up to date" has "0 written, 1 up to date"

# An .eml edited by hand is kept (and the note's other formats with it).
echo "edited" >>"$out/ascii.eml"
sed -i 's/6 weeks/5 weeks/' "$tmp/notes/ascii.md"
$sr build --now $NOW --formats txt,html,eml "$tmp/notes/ascii.md" -o "$out" >"$tmp/out" 2>&1
check "an edited .eml is kept" has "ascii.eml: warning: edited since it was generated; kept"
check "its bytes are still the user's" sh -c "tail -1 '$out/ascii.eml' | grep -q edited"

# --stdout prints one readable format; an .eml is for a file.
$sr build --formats eml --stdout "$tmp/notes/ascii.md" >"$tmp/out" 2>&1
check "--stdout refuses eml" [ $? -eq 2 ]

echo "eml: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
