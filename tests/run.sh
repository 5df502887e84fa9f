#!/bin/sh
# run.sh - the test driver behind `make test` and `make memcheck`.
#
#   tests/run.sh [--valgrind] [--update] BUILD_DIR...
#
# For each build folder (plain, sanitized) it runs the C unit tests, the
# regress cases (a note beside the expected output of `check` and `parse`,
# as in lowdown's regress/), and the command-line cases below.  --update
# rewrites the expected files from what the program now prints (read the diff
# before committing it); --valgrind runs every program under memcheck.
# The last line is "N passed, N failed"; the exit code is 0 only when
# nothing failed and something ran.  SR_FAIL_FAST=1 stops at the first
# failure, and SR_TEST_MANY=N makes the folder of thousands of notes N
# notes (tests/mutate.py sets both: it wants to know only whether
# something fails, and soon).
set -u
cd "$(dirname "$0")/.." || exit 2

valgrind=
update=
while [ $# -gt 0 ]; do
	case $1 in
	--valgrind) valgrind="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect"; shift ;;
	--update) update=1; shift ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || { echo "usage: tests/run.sh [--valgrind] [--update] BUILD_DIR..." >&2; exit 2; }

export TZ=UTC LC_ALL=C
# the shipped filters, for every build folder (build/asan has none beside it)
export SECONDROUND_FILTERS="$PWD/filters"
NOW=2026-11-25T12:00:00Z
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; fail_fast; }
fail_fast() {
	if [ -n "${SR_FAIL_FAST:-}" ] && [ "$fail" -gt 0 ]; then
		echo "$pass passed, $fail failed (stopped at the first failure)"
		exit 1
	fi
}

# Compares a file with what was produced; with --update, replaces it.
compare() { # name expected actual
	if [ -n "$update" ]; then
		cp "$3" "$2"; ok; return
	fi
	if [ -f "$2" ] && cmp -s "$2" "$3"; then ok; else
		bad "$1"; diff -u "$2" "$3" | head -40
	fi
}

# cli NAME WANT_EXIT WANT_TEXT COMMAND...: runs COMMAND, wants that exit
# code and WANT_TEXT somewhere in its output (stdout and stderr).
cli() {
	name=$1 want=$2 text=$3; shift 3
	"$@" >"$tmp/out" 2>&1
	got=$?
	if [ "$got" -ne "$want" ]; then
		bad "$name: exit $got, want $want"; head -20 "$tmp/out"
	elif ! grep -qF -- "$text" "$tmp/out"; then
		bad "$name: no '$text' in the output"; head -20 "$tmp/out"
	else ok; fi
}

for build in "$@"; do
	sr="$valgrind $build/secondround"
	echo "== $build${valgrind:+ (valgrind)}"

	# The library's unit tests.
	$valgrind "$build/unit" >"$tmp/unit" 2>&1
	rc=$?
	cat "$tmp/unit"
	n=$(sed -n 's/^unit: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$tmp/unit")
	if [ -z "$n" ]; then
		bad "unit tests printed no count (exit $rc)"
	else
		pass=$((pass + ${n% *})) fail=$((fail + ${n#* }))
		[ $rc -eq 0 ] || [ "${n#* }" != 0 ] || bad "unit tests: exit $rc"
	fi
	fail_fast

	# Regress: each note beside what `check` and `parse` print for it.
	for note in tests/regress/*.md examples/notes/*/*/*.md examples/notes/*/*/*/*.md; do
		[ -f "$note" ] || continue
		case $note in
		tests/*) expect=${note%.md} ;;
		*) expect=tests/examples/$(basename "${note%.md}") ;;
		esac
		$sr check --now $NOW "$note" >"$tmp/check" 2>&1
		echo "exit $?" >>"$tmp/check"
		compare "check $note" "$expect.check" "$tmp/check"
		$sr parse "$note" >"$tmp/parse" 2>&1
		echo "exit $?" >>"$tmp/parse"
		compare "parse $note" "$expect.parse" "$tmp/parse"
	done

	# Filters, hostile ones among them: each beside what `explain` prints
	# when it runs over two notes (the batch must go on after the first),
	# in one process, where the second note sees what the first left.
	# The shipped filters' paths are shown from the working folder, so the
	# expected output does not depend on where the tree is. The budget of
	# instructions stops the hostile ones; compose.lua's hundreds of cases
	# run in one call and need about 8 million (more or less as Lua's
	# string hashes fall), so they get four times that, and under
	# valgrind more than the 10 s a note gets by default.
	for f in tests/filters/*.lua; do
		budget=8000000
		[ "$f" = tests/filters/compose.lua ] && budget=32000000
		{ $sr explain -j 1 --no-default-filters --max-instructions $budget \
		    --max-seconds $([ -n "$valgrind" ] && echo 300 || echo 10) \
		    --max-memory 32 -f "$f" tests/regress/basic.md \
		    tests/filters/second.md 2>&1; echo "exit $?"; } |
		    sed "s|$PWD/||g" >"$tmp/filter"
		compare "filter $f" "${f%.lua}.expect" "$tmp/filter"
	done
	# explain over the example notes, with the default filters.
	for note in examples/notes/*/*/*.md examples/notes/*/*/*/*.md; do
		[ -f "$note" ] || continue
		$sr explain "$note" >"$tmp/explain" 2>&1
		echo "exit $?" >>"$tmp/explain"
		compare "explain $note" \
		    "tests/examples/$(basename "${note%.md}").explain" "$tmp/explain"
	done

	# The drafts of the example notes, byte for byte.
	rm -rf "$tmp/drafts" "$tmp/drafts2"
	cli "build the examples" 0 "4 written, 0 up to date, 0 kept (edited), 0 without a draft, 0 failed; 1 sent (no new draft)" \
	    $sr build --now $NOW examples/notes -o "$tmp/drafts"
	(cd "$tmp/drafts" && find . -type f | sort) >"$tmp/list"
	compare "the list of example drafts" tests/examples/drafts.list "$tmp/list"
	# The manifest is compared without its input hashes, which cover
	# every byte of the filters (a comment too): what it is for here is
	# which note made each draft, and the draft's hash.  tests/guards.sh
	# tests the input hash on its own.
	cut -f 1,2,4 "$tmp/drafts/.secondround-manifest" >"$tmp/manifest"
	while read -r f; do
		[ -n "$update" ] && mkdir -p "$(dirname "tests/examples/drafts/$f")"
		got=$tmp/drafts/$f
		[ "$f" = ./.secondround-manifest ] && got=$tmp/manifest
		compare "draft $f" "tests/examples/drafts/$f" "$got"
	done <"$tmp/list"
	# A line for a note only when it needs a look (overdue, over its
	# budget, kept, warned); -v a line for each; -q the summary alone.
	grep -v "harbor-literacy.md: wrote\|lakeshore-periop.md: wrote" "$tmp/out" >"$tmp/out2"
	if cmp -s "$tmp/out" "$tmp/out2" &&
	    grep -q "halvorsen-coo.md: wrote .*([0-9]* words, OVERDUE by 5 days: it was due 2026-11-20 23:59)" "$tmp/out"; then ok; else
		bad "build's lines for the notes that need a look"; cat "$tmp/out"; fi
	rm -rf "$tmp/drafts3"
	$sr build -v --now $NOW examples/notes -o "$tmp/drafts3" >"$tmp/out" 2>&1
	if grep -q "harbor-literacy.md: wrote $tmp/drafts3/2026/11/2026-11-25-harbor-literacy.md and the other formats ([0-9]* words, send by 2026-11-27 21:00, 2 days left)" "$tmp/out"; then ok; else
		bad "-v: a line for every note"; cat "$tmp/out"; fi
	# a draft over its budget: the numbers in the warning
	sed 's/^company: /max_words: 40\ncompany: /' tests/regress/basic.md >"$tmp/budget.md"
	rm -rf "$tmp/budget-out"
	$sr build --now $NOW "$tmp/budget.md" -o "$tmp/budget-out" >"$tmp/out" 2>&1
	if grep -q "budget.md: warning: the draft is [0-9]* words, over its budget of 40$" "$tmp/out"; then ok; else
		bad "the budget warning with its numbers"; cat "$tmp/out"; fi
	$sr build -q --force --now $NOW examples/notes -o "$tmp/drafts3" >"$tmp/out" 2>&1
	if [ "$(cat "$tmp/out")" = "0 written, 4 up to date, 0 kept (edited), 0 without a draft, 0 failed; 1 sent (no new draft)" ]; then ok; else
		bad "-q: the summary alone"; cat "$tmp/out"; fi
	$sr build -q --now $NOW examples/notes -o "$tmp/drafts2" 2>/dev/null
	if diff -r "$tmp/drafts" "$tmp/drafts2" >/dev/null; then ok; else
		bad "two builds differ"; diff -r "$tmp/drafts" "$tmp/drafts2" | head; fi
	# The corpus notes, and the held-out notes once rated blind
	# (tests/heldout): their plain-text drafts byte for byte; then the
	# draft lint silent over the corpus, the examples and a generated batch.
	for set in corpus:30 heldout:24; do
		name=${set%%:*} count=${set#*:}
		rm -rf "$tmp/$name"
		$sr build --now $NOW --formats txt "tests/$name/notes" \
		    -o "$tmp/$name" >"$tmp/$name.out" 2>&1
		if grep -q "$count written" "$tmp/$name.out"; then ok; else
			bad "build tests/$name"; head -20 "$tmp/$name.out"; fi
		for f in "$tmp/$name"/*.txt; do
			compare "$name draft $(basename "$f")" \
			    "tests/$name/drafts/$(basename "$f")" "$f"
		done
	done
	for what in tests/corpus/notes examples/notes; do
		$sr check --now $NOW "$what" >"$tmp/lint" 2>&1
		if grep -q "warning: the draft to\|warning: no draft" "$tmp/lint"
		then bad "the draft lint over $what"
			grep "warning: the draft to\|warning: no draft" "$tmp/lint" | head
		else ok; fi
	done
	rm -rf "$tmp/gen"
	# (200 under valgrind, which is slow; 2,000 otherwise)
	./build/gen-notes -n $([ -n "$valgrind" ] && echo 200 || echo 2000) \
	    "$tmp/gen" >/dev/null 2>&1
	$sr check -j 2 --now $NOW "$tmp/gen" >"$tmp/lint" 2>&1
	if [ -d "$tmp/gen" ] && ! grep -q "warning: the draft to" "$tmp/lint"
	then ok; else bad "the draft lint over the generated notes"
		grep "warning: the draft to" "$tmp/lint" | sort | uniq -c |
		    sort -rn | head; fi

	# The voice: its cases (tests/voice/cases.lua) through the shipped
	# voice.lua, a French note, a say: line and pronouns:, a phrases
	# filter, and a note with nothing usable (no draft at all).
	# (a thousand cases in one hook: under valgrind, fifty times slower on
	# a shared machine, they need more than the default 10 s a note)
	$sr check --max-seconds $([ -n "$valgrind" ] && echo 300 || echo 10) \
	    tests/voice/note.md --filter tests/voice/run.lua >"$tmp/voice" 2>&1
	n=$(sed -n 's/.*voice: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' \
	    "$tmp/voice")
	if [ -z "$n" ] || [ "${n% *}" -lt 100 ] || [ "${n#* }" -ne 0 ]; then
		bad "voice cases: ${n:-none ran}"; grep "case \|error" "$tmp/voice" | head -20
	else ok; fi
	$sr check --now $NOW --no-default-filters -f tests/voice/seams.lua \
	    tests/regress/basic.md >"$tmp/seams" 2>&1
	compare "the draft lint finds each seam" tests/voice/expected/seams.check \
	    "$tmp/seams"
	rm -rf "$tmp/voice-out"
	$sr build --now $NOW --formats txt tests/voice/notes -o "$tmp/voice-out" \
	    >"$tmp/voice.out" 2>&1
	if grep -q "13 written, 0 up to date, 0 kept (edited), 1 without a draft, 0 failed" \
	    "$tmp/voice.out" && grep -q "nothing-usable.md: warning: no draft" \
	    "$tmp/voice.out" && [ ! -e "$tmp/voice-out/2026-11-04-nothing-usable.txt" ]
	then ok; else bad "no draft from nothing"; cat "$tmp/voice.out"; fi
	for f in 2026-11-02-atelier-lyon 2026-11-03-say-and-pronouns 2026-11-04-written-off 2026-11-05-in-order 2026-11-06-asked-first \
	    2026-11-07-no-headings 2026-11-08-truth-later 2026-11-09-lines-and-paragraphs \
	    2026-11-10-panel-labels--tom-ahearn 2026-11-10-panel-labels--yvonne-castell \
	    2026-11-11-story-answers 2026-11-12-came-across--fiona-drummond \
	    2026-11-12-came-across--gareth-lowe 2026-11-13-plain-lines \
	    2026-11-02-question-label; do
		compare "voice draft $f" "tests/voice/expected/$f.txt" \
		    "$tmp/voice-out/$f.txt"
	done
	rm -rf "$tmp/voice-out"
	$sr build --now $NOW --formats txt --filter tests/voice/phrases.lua \
	    tests/voice/notes/2026-11-03-say-and-pronouns.md -o "$tmp/voice-out" \
	    >/dev/null 2>&1
	compare "a phrases filter" tests/voice/expected/phrases.txt \
	    "$tmp/voice-out/2026-11-03-say-and-pronouns.txt"

	for t in build guards loop confine bodies hostile eml index watch noop; do
		tests/$t.sh "$build" "$tmp" "$valgrind" >"$tmp/$t.out" 2>&1
		n=$(sed -n "s/^$t: \([0-9]*\) passed, \([0-9]*\) failed\$/\1 \2/p" "$tmp/$t.out")
		if [ -z "$n" ]; then bad "tests/$t.sh printed no count"; cat "$tmp/$t.out"
		else
			pass=$((pass + ${n% *})) fail=$((fail + ${n#* }))
			grep '^FAIL' -A12 "$tmp/$t.out"
		fi
		fail_fast
	done

	# The command line.
	cli "--help" 0 "usage: secondround" $sr --help
	cli "--version" 0 "secondround 0." $sr --version
	cli "check --help" 0 "check [-qv]" $sr check --help
	cli "no arguments" 2 "usage:" $sr
	cli "unknown command" 2 "secondround: 'frobnicate' is not a command, nor a file or folder" $sr frobnicate
	$sr check --frob tests/regress >"$tmp/out" 2>&1
	if [ $? -eq 2 ] && [ "$(cat "$tmp/out")" = "secondround: unknown option '--frob'
Try 'secondround --help'." ]; then ok; else
		bad "a usage error: one line, and where help is"; cat "$tmp/out"; fi
	cli "a missing folder" 1 "secondround: nosuchdir/: No such file or directory" $sr nosuchdir/
	cli "help" 0 "usage: secondround [--help | --version] COMMAND" $sr help
	cli "help build" 0 "usage: secondround [build] [-qv]" $sr help build
	cli "build --help" 0 "--stdout            print the drafts in one format" $sr build --help
	cli "version" 0 "secondround 0." $sr version
	cli "help of no command" 2 "help: 'nope' is not a command" $sr help nope
	cli "an option without its value" 2 "secondround: --now: it takes a value" $sr check --now
	cli "--lua-filter is --filter" 0 "says \"thank you for your time\", a stock phrase" \
	    $sr check --now $NOW --lua-filter tests/notes/stock.lua tests/regress/basic.md
	cli "check without notes" 2 "name the notes" $sr check
	cli "a bad --now" 2 "--now: 'soon'" $sr check --now soon tests/regress
	mkfifo "$tmp/fifo.md"
	cli "a FIFO does not hang" 1 "fifo.md: error: is not a regular file" \
	    timeout 10 $sr check "$tmp/fifo.md"
	rm -f "$tmp/fifo.md"
	cli "a missing file" 1 "nope.md: error: cannot read: No such file" \
	    $sr check nonexistent/nope.md
	cli "a bad note among good ones" 1 "3 notes checked: 1 with errors" \
	    $sr check --now $NOW tests/regress/basic.md \
	    tests/regress/unquoted-colon.md examples/notes/2026/10
	cli "-q keeps errors only" 1 "unquoted-colon.md:3:" \
	    $sr check -q tests/regress/unquoted-colon.md
	cli "check flags a stock phrase in a filter's draft" 0 \
	    "says \"thank you for your time\", a stock phrase" \
	    $sr check --now $NOW -f tests/notes/stock.lua tests/regress/basic.md
	cli "-v adds a traceback to a filter's error" 1 "stack traceback:" \
	    $sr explain -v --no-default-filters -f tests/filters/error-table.lua \
	    tests/regress/basic.md
	cli "a filter that does not load: exit 2, before any note" 2 \
	    "syntax.lua:4: error: unexpected symbol" \
	    $sr build -f tests/filters/syntax.lua tests/regress/basic.md -o "$tmp/never"
	cli "all good: exit 0" 0 "1 note checked: 0 with errors" \
	    $sr check --now 2026-11-01 examples/notes/2026/10

	# A folder as people keep it (tests/real): a README, a blog post, an
	# empty file and an output folder are skipped, each with one line,
	# and counted; a .markdown note is read.
	cli "a README is not a note" 0 "tests/real/README.md: not a note (no front matter): skipped" \
	    $sr check --now $NOW tests/real
	cli "a blog post is not a note" 0 "moving-on.md: not a note (no note fields in the front matter): skipped" \
	    $sr check --now $NOW tests/real
	cli "an empty file: a warning and a skip" 0 "tests/real/empty.md: warning: the file is empty: skipped" \
	    $sr check --now $NOW tests/real
	cli "an output folder is not read" 0 "tests/real/drafts: an output folder (it holds .secondround-manifest): not read for notes" \
	    $sr check --now $NOW tests/real
	cli "the skips counted by reason" 0 "1 note checked: 0 with errors, 2 warnings; 3 files skipped: 2 not notes, 1 empty; 1 output folder not read" \
	    $sr check --now $NOW tests/real
	cli "an empty file alone" 0 "0 notes checked: 0 with errors, 1 warning; 1 file skipped (empty)" \
	    $sr check --now $NOW tests/real/empty.md
	cli "a README alone" 0 "0 notes checked: 0 with errors, 0 warnings; 1 file skipped (not a note)" \
	    $sr check --now $NOW tests/real/README.md
	cli "build: an empty file alone" 0 "0 failed; 1 file skipped (empty)" \
	    $sr build --now $NOW tests/real/empty.md -o "$tmp/real-empty"
	rm -rf "$tmp/real-out"
	cli "build writes drafts for notes only" 0 "1 written, 0 up to date, 0 kept (edited), 0 without a draft, 0 failed; 3 files skipped: 2 not notes, 1 empty; 1 output folder not read" \
	    $sr build --now $NOW tests/real -o "$tmp/real-out"
	(cd "$tmp/real-out" && find . -type f | sort | tr '\n' ' ') >"$tmp/list"
	if [ "$(cat "$tmp/list")" = "./.secondround-manifest ./2026-11-24-acme.html ./2026-11-24-acme.md ./2026-11-24-acme.txt ./index.html " ]; then ok; else
		bad "build over tests/real wrote: $(cat "$tmp/list")"; fi

	# -o - (--stdout): the drafts on standard output, in one format,
	# nothing written (it made a folder named '-').
	rm -rf "$tmp/preview" && mkdir -p "$tmp/preview"
	top=$PWD
	case $build in /*) abs=$build ;; *) abs=$top/$build ;; esac
	(cd "$tmp/preview" && $valgrind "$abs/secondround" build --now $NOW \
	    -o - "$top/tests/regress/basic.md" >"$tmp/preview.out" 2>"$tmp/preview.err")
	if [ $? -eq 0 ] && head -1 "$tmp/preview.out" | grep -q '^Subject: ' &&
	    [ -z "$(ls -A "$tmp/preview")" ]; then ok; else
		bad "-o - prints the draft and writes nothing"; cat "$tmp/preview.err"; ls -A "$tmp/preview"; fi
	cli "--stdout with a panel names each draft" 0 "==> the draft to " \
	    $sr build --now $NOW --stdout --formats md tests/notes/panel.md
	# a panel member with a title ("Dr Priya Natarajan"): her @priya points
	# are hers, and her draft's file is named without the title, as the
	# corpus names its references (it was --dr-priya-natarajan, without
	# the points)
	sed 's/name: Priya/name: Dr Priya/' tests/notes/panel.md >"$tmp/drpanel.md"
	rm -rf "$tmp/drout"
	if $sr build --now $NOW -q -o "$tmp/drout" --formats txt "$tmp/drpanel.md" &&
	    grep -q "6 hours" "$tmp/drout/drpanel--priya-natarajan.txt"; then ok
	else bad "a titled panel member: her file and her @ points"; ls "$tmp/drout"; fi
	# a note with no usable point has no draft to print (it crashed: the
	# renderer was handed the missing draft's subject, NULL)
	printf -- '---\ncompany: Acme\ninterviewer: Ann\n---\n## Notes\n- !!!\n' \
	    >"$tmp/nodraft.md"
	for f in md txt html; do
		if $sr build --now $NOW --stdout --formats $f "$tmp/nodraft.md" \
		    >"$tmp/out" 2>&1; then ok
		else bad "--stdout --formats $f with no draft: exit $?"; head -5 "$tmp/out"; fi
	done
	# a filter's string cut inside a character reaches no output as it is
	# (found by fuzz/text.c): each format is UTF-8
	printf 'return {draft = function(d)\n  d.subject = d.subject .. ("Zo\\u{EB}"):sub(1, 3)\n  d.paragraphs[1] = d.paragraphs[1] .. ("Zo\\u{EB}"):sub(1, 3)\n  return d\nend}\n' \
	    >"$tmp/cut.lua"
	for f in md txt html; do
		$sr build --now $NOW --stdout --formats $f -f "$tmp/cut.lua" \
		    tests/regress/basic.md >"$tmp/cut.$f" 2>&1
		if grep -q 'Zo' "$tmp/cut.$f" && iconv -f UTF-8 -t UTF-8 "$tmp/cut.$f" >/dev/null 2>&1
		then ok; else bad "a filter's broken UTF-8 in the $f draft"; head -5 "$tmp/cut.$f"; fi
	done
	cli "--stdout takes one format" 2 "--stdout prints one format" \
	    $sr build --stdout --formats md,txt tests/regress/basic.md

	# A filter beside a note named from its own folder is named as the
	# note is (near.lua, not ./near.lua), and warned about there too.
	(cd tests/regress && $valgrind "$abs/secondround" check --now $NOW \
	    named-near-hooks.md) >"$tmp/out" 2>&1
	if grep -q "^near.lua:3: warning: the global function 'Draft'" \
	    "$tmp/out"; then ok; else
		bad "a note's filter named from its folder"; cat "$tmp/out"; fi

	# The shipped tones read a title in the interviewer's name: warm
	# greets by first name, formal by title and surname, never "Hi Dr.,".
	printf -- '---\ncompany: Lakeshore\nrole: Director\ninterviewer: Dr. Helen Park\ncandidate: Jordan Meyers\ndate: 2026-11-24\ntone: warm\n---\n## Their problems\n- Sterile processing backlog, 14 case delays last month\n' >"$tmp/titled.md"
	cli "a title, warm" 0 "Hi Helen," \
	    $sr build --now $NOW --stdout --formats txt "$tmp/titled.md"
	sed -i 's/^tone: warm/tone: formal/' "$tmp/titled.md"
	cli "a title, formal" 0 "Dear Dr. Park," \
	    $sr build --now $NOW --stdout --formats txt "$tmp/titled.md"

	# What note apps write for themselves never reaches a draft.
	rm -rf "$tmp/apps-out"
	$sr build -q --now $NOW tests/regress/note-apps.md -o "$tmp/apps-out" 2>/dev/null
	if [ -f "$tmp/apps-out/note-apps.txt" ] &&
	    grep -q "Globex" "$tmp/apps-out/note-apps.txt" &&
	    ! grep -qE '\[\[|\]\]|\{:|:::|\[\^|%%|<!--|board-deck|ask Dana' \
	    "$tmp/apps-out/note-apps.txt"; then ok; else
		bad "note-app syntax in the draft"; cat "$tmp/apps-out/note-apps.txt"; fi

	# A folder of thousands of notes, and a link loop inside it (fewer
	# under valgrind, which is fifty times slower).
	many=${SR_TEST_MANY:-3000}
	[ -n "$valgrind" ] && many=300
	if [ ! -d "$tmp/many" ]; then
		./build/gen-notes -n $many "$tmp/many"
		ln -s .. "$tmp/many/000/loop"
		printf 'not a note' >"$tmp/many/000/ignored.txt"
	fi
	cli "a folder of $many notes" 0 "$many notes checked: 0 with errors" \
	    $sr check --now 2020-01-01 "$tmp/many"

	# -j: worker processes give what one process gives, byte for byte:
	# the drafts, the manifest, and every line printed (filter logs and
	# errors among them, in the order of the notes).
	jn="$tmp/many examples/notes tests/regress tests/notes tests/jobs"
	jf="-f tests/filters/helpers.lua"
	for cmd in check explain; do
		$sr $cmd --now $NOW $jf $jn >"$tmp/j1.out" 2>"$tmp/j1.err"
		echo "exit $?" >>"$tmp/j1.err"
		$sr $cmd --now $NOW -j 3 $jf $jn >"$tmp/j3.out" 2>"$tmp/j3.err"
		echo "exit $?" >>"$tmp/j3.err"
		if cmp -s "$tmp/j1.out" "$tmp/j3.out" &&
		    cmp -s "$tmp/j1.err" "$tmp/j3.err" &&
		    grep -q "exit 1" "$tmp/j1.err" &&
		    [ "$(grep -c 'loud.lua loaded' "$tmp/j3.err")" = 1 ]; then ok; else
			bad "$cmd -j 3 differs from -j 1"
			diff "$tmp/j1.err" "$tmp/j3.err" | head
		fi
	done
	rm -rf "$tmp/oj1" "$tmp/oj3"
	$sr build --now $NOW $jf $jn -o "$tmp/oj1" 2>&1 |
	    sed "s|$tmp/oj1|OUT|g" >"$tmp/j1.err"
	$sr build --now $NOW -j 3 $jf $jn -o "$tmp/oj3" 2>&1 |
	    sed "s|$tmp/oj3|OUT|g" >"$tmp/j3.err"
	if diff -r "$tmp/oj1" "$tmp/oj3" >/dev/null &&
	    cmp -s "$tmp/j1.err" "$tmp/j3.err" &&
	    grep -q "helpers ok" "$tmp/j1.err"; then ok; else
		bad "build -j 3 differs from -j 1"
		diff "$tmp/j1.err" "$tmp/j3.err" | head
	fi
	# What filters log is kept up to 1,000 lines a note, then counted.
	cli "a filter's log is capped" 0 "(500 more lines the filters logged were dropped)" \
	    $sr check --now $NOW -f tests/jobs/chatty.lua tests/notes/good.md
	# The memory cap is not reached by the garbage an earlier note left
	# (it is collected first): b fails after a as it does alone, and a
	# passes.
	cli "the memory cap, alone" 1 "memory cap of 3 MiB (--max-memory) (while filtering tests/jobs/b.md)" \
	    $sr check --max-memory 3 -f tests/jobs/eat.lua tests/jobs/b.md
	cli "the memory cap, after a note's garbage" 1 "2 notes checked: 1 with errors" \
	    $sr check --max-memory 3 -f tests/jobs/eat.lua tests/jobs/a.md tests/jobs/b.md
	# A draft that would end on "Best regards," alone is told, by build
	# as by check, once a note.
	sed '/^candidate:/d' tests/notes/good.md >"$tmp/unsigned.md"
	rm -rf "$tmp/unsigned-out"
	cli "build tells a draft without your name" 0 "without your name: add 'candidate: {name: ...}'" \
	    $sr build -o "$tmp/unsigned-out" --now $NOW "$tmp/unsigned.md"
	cli "-j takes a number" 2 "-j: 'lots' is not a number" \
	    $sr check -j lots tests/regress
	rm -rf "$tmp/oj-default"
	cli "options before the notes mean build" 0 "4 written" \
	    $sr -o "$tmp/oj-default" --now $NOW examples/notes

	# A file that cannot be read (root reads anything: drop to nobody).
	printf -- '---\ncompany: A\n---\n' >"$tmp/secret.md"
	chmod 000 "$tmp/secret.md"
	chmod 755 "$tmp"
	if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
		# nobody may not reach this folder (a clone in /root): a copy
		# of the program and of the shipped filters
		rm -rf "$tmp/nobody" && mkdir -p "$tmp/nobody" &&
		    cp "$build/secondround" "$tmp/nobody/" && cp -r filters "$tmp/nobody/" &&
		    chmod -R a+rX "$tmp/nobody"
		cli "an unreadable file" 1 "secret.md: error: cannot read: Permission denied" \
		    env SECONDROUND_FILTERS="$tmp/nobody/filters" \
		    setpriv --reuid=65534 --regid=65534 --clear-groups \
		    $valgrind "$tmp/nobody/secondround" check "$tmp/secret.md"
	elif [ "$(id -u)" != 0 ]; then
		cli "an unreadable file" 1 "secret.md: error: cannot read: Permission denied" \
		    $sr check "$tmp/secret.md"
	fi
	rm -f "$tmp/secret.md"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
