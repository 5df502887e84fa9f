#!/usr/bin/env python3
"""mutate.py - mutation testing: are there tests that fail when the code is wrong?

    tests/mutate.py [-n COUNT] [--seed N] [-j JOBS] [--timeout S]
                    [--rerun RESULTS] [FILE...]

Makes one small change at a time (a mutant) in src/*.c and filters/*.lua,
rule by rule in the manner of universalmutator: a relational operator moved
by one (< and <=, == and !=, Lua's ~=), + and -, * and /, && and ||, Lua's
and/or, a ! or `not` removed, a condition negated, a constant moved by one,
true and false swapped, a statement deleted.  Every possible mutant is
listed, shuffled with the seed, and taken in that order until COUNT of them
compile; the plain test run then says whether each is killed (tests/run.sh
with SR_FAIL_FAST=1, which stops at the first failure, and SR_TEST_MANY=300,
a folder of 300 notes where the suite has 3,000: the run of a mutant no
test kills takes a third less time).

Each worker has its own copy of the tree under build/mutate/, built once;
a C mutant rebuilds only its object and the programs.  A C mutant whose
object code is the same as the original's (the compiler threw the change
away) is equivalent; so is one listed by hand in tests/mutate-equivalent.txt
with the reason.  A mutant whose tests run past the time limit is counted
as timed out (and as found: a hang is a failure the tests saw).

Prints one line a mutant and a summary: killed, survived, timed out,
equivalent, and the kill rate, (killed + timed out) / (all - equivalent).
build/mutate/results.json keeps every result; --rerun it to try its
survivors again after adding tests.  Standard library only: universalmutator
(the Python package index) is not reachable from here, and no mutation tool
for C is packaged by Debian.
"""

import argparse
import glob
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "build", "mutate")
EQUIVALENT = os.path.join(ROOT, "tests", "mutate-equivalent.txt")
CFLAGS = "-O2"  # no -g: object code compared byte for byte


# ---- hiding comments and string literals ------------------------------

def mask_c(text):
    """The text with comments and the insides of literals as spaces, so
    rules match code only; lengths and line breaks are kept."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            for k in range(i, j):
                if out[k] != "\n":
                    out[k] = " "
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            for k in range(i, j):
                out[k] = " "
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            for k in range(i + 1, min(j, n)):
                out[k] = " "
            i = j + 1
        else:
            i += 1
    return "".join(out)


LONG = re.compile(r"\[(=*)\[")


def mask_lua(text):
    """The same for Lua: -- and --[[ ]] comments, '', "" and [[ ]] strings."""
    out = list(text)
    i, n = 0, len(text)

    def blank(a, b, keep):
        for k in range(a, min(b, n)):
            if out[k] != "\n" and k not in keep:
                out[k] = " "

    while i < n:
        c = text[i]
        long = LONG.match(text, i + 2 if text.startswith("--", i) else i)
        if text.startswith("--", i):
            if long:
                close = "]" + long.group(1) + "]"
                j = text.find(close, i)
                j = n if j < 0 else j + len(close)
            else:
                j = text.find("\n", i)
                j = n if j < 0 else j
            blank(i, j, ())
            i = j
        elif long:
            close = "]" + long.group(1) + "]"
            j = text.find(close, i + len(long.group(0)))
            j = n if j < 0 else j + len(close)
            blank(i + 1, j - 1, ())
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            blank(i + 1, j, ())
            i = j + 1
        else:
            i += 1
    return "".join(out)


# ---- the rules ----------------------------------------------------------
# Each rule is (name, pattern, replacement): the pattern is matched on the
# masked line, and its match (group 1 if it has one) is replaced in the
# real line by the replacement (a string, or a function of the match).

SWAP = {"<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "!=", "!=": "==",
        "+": "-", "-": "+", "*": "/", "/": "*", "&&": "||", "||": "&&",
        "+=": "-=", "-=": "+=", "++": "--", "--": "++", "~=": "==",
        "and": "or", "or": "and", "true": "false", "false": "true"}


def swap(m):
    return SWAP[m.group(1)]


def plus_one(m):
    return str(int(m.group(1)) + 1) + m.group(2)


def minus_one(m):
    return str(int(m.group(1)) - 1) + m.group(2)


NUMBER = r"(?<![\w.])(\d+)([uUlL]*)(?![\w.])"
C_RULES = [
    ("relational", r"(?<![<>=!-])(<=|>=|==|!=)(?!=)", swap),
    ("relational", r"(?<![<>=!-])(<|>)(?![<>=])", swap),
    ("arithmetic", r"(?<=[\w)\]] )([-+*/])(?= [\w(!&*-])", swap),
    ("arithmetic", r"(?<=[\w)\]] )([-+]=)(?= )", swap),
    ("arithmetic", r"(?<=[\w)\]])(\+\+|--)", swap),
    ("logical", r"(?<= )(&&|\|\|)(?= )", swap),
    ("negation", r"(!)(?=[\w(])", ""),
    ("constant", NUMBER, plus_one),
    ("constant", r"(?<![\w.])([1-9]\d*)([uUlL]*)(?![\w.])", minus_one),
    ("boolean", r"\b(true|false)\b", swap),
]
LUA_RULES = [
    ("relational", r"(==|~=)", lambda m: "~=" if m.group(1) == "==" else "=="),
    ("relational", r"(<=|>=)", swap),
    ("relational", r"(?<![<>=~])(<|>)(?![<>=])", swap),
    ("arithmetic", r"(?<=[\w)\]] )([-+*/])(?= [\w(#-])", swap),
    ("logical", r"\b(and|or)\b", swap),
    ("negation", r"\b(not )", ""),
    ("constant", NUMBER, plus_one),
    ("constant", r"(?<![\w.])([1-9]\d*)()(?![\w.])", minus_one),
    ("boolean", r"\b(true|false)\b", swap),
]

C_TYPES = re.compile(r"^\s*(static|const|struct|enum|union|unsigned|signed|"
                     r"int|char|bool|size_t|ssize_t|long|short|double|void|"
                     r"uint\d+_t|int\d+_t|off_t|sr_\w+|lua_\w+|cmark_\w+|"
                     r"yaml_\w+|FILE|DIR|pid_t|mode_t|time_t|va_list)\b")
LUA_BLOCK = re.compile(r"\b(function|do|then|end|else|elseif|repeat|until|"
                       r"return|goto)\b")


def balanced(s):
    depth = 0
    for ch in s:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def close_paren(s, i):
    """Index of the ')' that closes the '(' at s[i], or -1 on this line."""
    depth = 0
    for k in range(i, len(s)):
        if s[k] == "(":
            depth += 1
        elif s[k] == ")":
            depth -= 1
            if depth == 0:
                return k
    return -1


def c_deletable(masked, i):
    """A line that is one whole statement: it ends with ';', its brackets
    balance, it is not a declaration, and the line before ends one."""
    s = masked[i].strip()
    if not s.endswith(";") or s == ";" or not balanced(s):
        return False
    if C_TYPES.match(s) or re.match(r"^(case|default|else|do|for)\b|^}", s):
        return False
    k = i - 1
    while k >= 0 and masked[k].strip() == "":
        k -= 1
    prev = masked[k].strip() if k >= 0 else ""
    return prev == "" or prev[-1] in ";{}:" or re.match(
        r"^(if|while|for|else)\b.*\)$|^else$", prev) is not None


def lua_deletable(masked, i):
    """A line that is one whole Lua statement, an assignment or a call."""
    s = masked[i].strip()
    if s == "" or not balanced(s) or LUA_BLOCK.search(s):
        return False
    if not re.match(r"^(local\s+)?[\w.\[\]:]+(\s*,\s*[\w.]+)*\s*(=\s*\S|\()", s):
        return False
    if re.search(r"(,|\.\.|[-+*/=(\[{]|\band|\bor|\bnot)$", s):
        return False
    k = i + 1
    while k < len(masked) and masked[k].strip() == "":
        k += 1
    nxt = masked[k].strip() if k < len(masked) else ""
    return not re.match(r"^(\.\.|[-+*/%^<>=~(\[.:,]|and\b|or\b)", nxt)


def mutants_of(path):
    """Every mutant of a file: dicts with file, line (1-based), rule,
    the original line and the mutated one."""
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        text = f.read()
    lua = path.endswith(".lua")
    lines = text.split("\n")
    masked = (mask_lua(text) if lua else mask_c(text)).split("\n")
    rules = LUA_RULES if lua else C_RULES
    found = []
    in_macro = False
    for i, (line, m) in enumerate(zip(lines, masked)):
        if not lua:
            macro = in_macro or m.lstrip().startswith("#")
            in_macro = macro and line.rstrip().endswith("\\")
            if macro:
                continue
        if m.strip() == "":
            continue
        seen = set()
        for name, pattern, repl in rules:
            for mt in re.finditer(pattern, m):
                g = 1 if mt.re.groups else 0
                a, b = mt.span(g)
                new = repl(mt) if callable(repl) else repl
                mutated = line[:a] + new + line[b:]
                if mutated != line and mutated not in seen:
                    seen.add(mutated)
                    found.append((name, mutated))
        if not lua:
            for mt in re.finditer(r"\b(if|while) \(", m):
                o = mt.end() - 1
                c = close_paren(m, o)
                if c > 0:
                    mutated = (line[:o + 1] + "!(" + line[o + 1:c] + ")" +
                               line[c:])
                    found.append(("negate condition", mutated))
        deletable = lua_deletable(masked, i) if lua else c_deletable(masked, i)
        if deletable:
            indent = line[:len(line) - len(line.lstrip())]
            found.append(("delete statement", indent + ("" if lua else ";")))
        for name, mutated in found:
            yield {"file": path, "line": i + 1, "rule": name,
                   "old": line, "new": mutated}
        found = []


# ---- equivalent mutants listed by hand ------------------------------------

def load_equivalent():
    """tests/mutate-equivalent.txt: `FILE: `OLD` -> `NEW`: REASON` a line,
    OLD and NEW the lines without their indentation."""
    listed = {}
    try:
        with open(EQUIVALENT, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip() == "" or line.startswith("#"):
                    continue
                m = re.match(r"^(\S+): `(.*)` -> `(.*)`: (.+)$", line.rstrip())
                if not m:
                    sys.exit("%s:%d: not FILE: `OLD` -> `NEW`: REASON" %
                             (EQUIVALENT, n))
                listed[(m.group(1), m.group(2), m.group(3))] = m.group(4)
    except FileNotFoundError:
        pass
    return listed


def key(mu):
    return (mu["file"], mu["old"].strip(), mu["new"].strip())


# ---- a worker: a copy of the tree, built once -----------------------------

RUNNING = set()  # process groups under way, ended if we are stopped


def run(cmd, cwd, timeout=None, env=None):
    """Runs cmd in its own process group; returns (exit code or None on
    timeout, output)."""
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, start_new_session=True)
    RUNNING.add(p.pid)
    try:
        out, _ = p.communicate(timeout=timeout)
        return p.returncode, out.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, _ = p.communicate()
        return None, out.decode("utf-8", "replace")
    finally:
        RUNNING.discard(p.pid)


def stop(signum, frame):
    for pid in list(RUNNING):
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    os._exit(128 + signum)


def tracked_files():
    """The files of the tree: git's list, or (outside git) every file of
    the folders the build and the tests read, hidden ones too."""
    rc, out = run(["git", "ls-files"], ROOT)
    if rc == 0 and out.strip():
        return [f for f in out.split("\n") if f and os.path.isfile(
            os.path.join(ROOT, f))]
    files = ["Makefile"]
    for d in ("src", "include", "cmd", "tests", "filters", "examples"):
        for top, _, names in os.walk(os.path.join(ROOT, d)):
            files += [os.path.relpath(os.path.join(top, n), ROOT)
                      for n in names]
    return files


class Worker:
    def __init__(self, n):
        self.dir = os.path.join(WORK, "w%d" % n)
        shutil.rmtree(self.dir, ignore_errors=True)
        for f in tracked_files():
            dst = os.path.join(self.dir, f)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy2(os.path.join(ROOT, f), dst)
        self.pristine = os.path.join(self.dir, "build", "pristine")

    def make(self, jobs=1):
        return run(["make", "-j%d" % jobs, "CFLAGS=" + CFLAGS,
                    "build/secondround", "build/unit", "build/gen-notes"],
                   self.dir)

    def setup(self, jobs):
        rc, out = self.make(jobs)
        if rc != 0:
            sys.exit("mutate: the unchanged tree does not build:\n" + out)
        os.makedirs(self.pristine, exist_ok=True)
        for o in glob.glob(os.path.join(self.dir, "build", "*.o")):
            shutil.copy2(o, self.pristine)

    def test(self, timeout):
        env = dict(os.environ, SR_FAIL_FAST="1", SR_TEST_MANY="300")
        return run(["tests/run.sh", "build"], self.dir, timeout, env)

    def try_mutant(self, mu, timeout):
        """Returns (status, seconds, output): status is invalid, equivalent
        (same object code), killed, survived or timeout."""
        start = time.time()
        src = os.path.join(self.dir, mu["file"])
        with open(src, encoding="utf-8") as f:
            original = f.read()
        lines = original.split("\n")
        assert lines[mu["line"] - 1] == mu["old"]
        lines[mu["line"] - 1] = mu["new"]
        obj = None
        if mu["file"].endswith(".c"):
            base = os.path.basename(mu["file"])[:-2] + ".o"
            obj = os.path.join(self.dir, "build", base)
        try:
            with open(src, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            if obj is not None and os.path.exists(obj):
                os.unlink(obj)  # compiled again whatever the clock says
            rc, out = self.make()
            if rc != 0:
                return "invalid", time.time() - start, out
            if obj is not None:
                with open(obj, "rb") as a, \
                        open(os.path.join(self.pristine,
                                          os.path.basename(obj)), "rb") as b:
                    if a.read() == b.read():
                        return "equivalent", time.time() - start, ""
            rc, out = self.test(timeout)
            status = ("timeout" if rc is None else
                      "survived" if rc == 0 else "killed")
            return status, time.time() - start, out
        finally:
            with open(src, "w", encoding="utf-8") as f:
                f.write(original)
            if obj is not None:
                shutil.copy2(os.path.join(self.pristine,
                                          os.path.basename(obj)), obj)
                t = os.stat(src).st_mtime + 1
                os.utime(obj, (t, t))


# ---- the run ------------------------------------------------------------

def group(path):
    return path.split("/")[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=200, help="mutants to test")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-j", type=int, default=2, help="workers")
    ap.add_argument("--timeout", type=float, default=0,
                    help="seconds a mutant's tests may take "
                         "(default: 3 x the unchanged run, at least 60)")
    ap.add_argument("--rerun", metavar="RESULTS",
                    help="try again the survivors (and those with the "
                         "same object code) of RESULTS")
    ap.add_argument("--list", action="store_true",
                    help="print the sample, test nothing")
    ap.add_argument("files", nargs="*",
                    help="files to mutate (default: src/*.c filters/*.lua)")
    args = ap.parse_args()

    files = args.files or sorted(
        [os.path.relpath(p, ROOT) for p in
         glob.glob(os.path.join(ROOT, "src", "*.c")) +
         glob.glob(os.path.join(ROOT, "filters", "*.lua"))])
    pool = [mu for f in files for mu in mutants_of(f)]
    if args.rerun:
        with open(args.rerun, encoding="utf-8") as f:
            old = {key(r) + (r["line"],) for r in json.load(f)["results"]
               if r["status"] == "survived" or
               r.get("reason") == "the same object code"}
        pool = [mu for mu in pool if key(mu) + (mu["line"],) in old]
        args.n = len(pool)
    else:
        random.Random(args.seed).shuffle(pool)
    if args.list:
        for mu in pool[:args.n]:
            print("%s:%d: %s: %s" % (mu["file"], mu["line"], mu["rule"],
                                     mu["new"].strip()))
        return 0
    listed = load_equivalent()
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)

    start = time.time()
    os.makedirs(WORK, exist_ok=True)
    print("mutate: %d possible mutants in %d files, seed %d; preparing %d "
          "workers" % (len(pool), len(files), args.seed, args.j), flush=True)
    workers = [Worker(i) for i in range(args.j)]
    threads = [threading.Thread(target=w.setup, args=(2,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    t0 = time.time()
    rc, out = workers[0].test(None)
    base = time.time() - t0
    if rc != 0:
        sys.exit("mutate: the tests fail on the unchanged tree:\n" + out)
    timeout = args.timeout or max(60.0, 3 * base)
    print("mutate: the unchanged tests take %.0f s; time limit %.0f s a "
          "mutant" % (base, timeout), flush=True)

    lock = threading.Lock()
    results = {}  # index in the pool -> result
    state = {"next": 0, "valid": 0}

    def work(w):
        while True:
            with lock:
                i = state["next"]
                if i >= len(pool) or state["valid"] >= args.n:
                    return
                state["next"] += 1
            mu = pool[i]
            if key(mu) in listed:
                status, secs, out = "equivalent", 0.0, ""
            else:
                status, secs, out = w.try_mutant(mu, timeout)
            with lock:
                if status == "invalid":
                    continue
                r = dict(mu, status=status, seconds=round(secs, 1),
                         reason=listed.get(key(mu), ""))
                if status == "equivalent" and not r["reason"]:
                    r["reason"] = "the same object code"
                if status in ("killed", "timeout"):
                    r["failure"] = next((l for l in out.split("\n") if
                                         "FAIL" in l), "")[:200]
                results[i] = r
                state["valid"] += 1
                print("[%3s/%d] %-10s %s:%d %s: %s  (%.0f s)" % (
                    state["valid"] if state["valid"] <= args.n else "+",
                    args.n, status, mu["file"], mu["line"], mu["rule"],
                    mu["new"].strip()[:70], secs), flush=True)

    threads = [threading.Thread(target=work, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    chosen = [results[i] for i in sorted(results)][:args.n]
    summary = report(chosen)
    elapsed = time.time() - start
    with open(os.path.join(WORK, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": args.seed, "files": files, "seconds":
                   round(elapsed), "summary": summary, "results": chosen},
                  f, indent=1)
    print("mutate: %.0f s in all; results in %s" % (
        elapsed, os.path.relpath(os.path.join(WORK, "results.json"), ROOT)))
    return 0


def report(chosen):
    """Prints the survivors and the counts, for all and by folder."""
    survivors = [r for r in chosen if r["status"] == "survived"]
    if survivors:
        print("\nsurvivors (no test failed):")
        for r in survivors:
            print("  %s:%d: %s\n      - %s\n      + %s" % (
                r["file"], r["line"], r["rule"], r["old"].strip(),
                r["new"].strip()))
    listed = [r for r in chosen if r["status"] == "equivalent"
              and r["reason"] != "the same object code"]
    if listed:
        print("\nequivalent, listed in tests/mutate-equivalent.txt:")
        for r in listed:
            print("  %s:%d: %s" % (r["file"], r["line"], r["new"].strip()))
    summary = {}
    print()
    for name, rs in [("all", chosen)] + sorted(
            (g, [r for r in chosen if group(r["file"]) == g])
            for g in {group(r["file"]) for r in chosen}):
        c = {s: sum(r["status"] == s for r in rs) for s in
             ("killed", "survived", "timeout", "equivalent")}
        live = len(rs) - c["equivalent"]
        rate = 100.0 * (c["killed"] + c["timeout"]) / live if live else 0
        summary[name] = dict(c, mutants=len(rs), rate=round(rate, 1))
        print("%-8s %3d mutants: %3d killed, %3d survived, %3d timed out, "
              "%3d equivalent; kill rate %.1f%%" % (
                  name, len(rs), c["killed"], c["survived"], c["timeout"],
                  c["equivalent"], rate))
    return summary


if __name__ == "__main__":
    sys.exit(main())
