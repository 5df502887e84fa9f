#!/usr/bin/env python3
"""eml.py - reads every .eml draft of a folder back with Python's own mail
parser (an independent one) and compares it with the drafts beside it.

    tests/eml.py DIR [--to REL NAME ADDR] [--from REL NAME ADDR] [--no-to REL]

For each DIR/**/X.eml: every line ends in CRLF and fits in 78 characters;
the parser finds no defect; there is no Date or Message-ID, X-Unsent is 1;
the body is multipart/alternative, text/plain then text/html, both UTF-8
and quoted-printable; the decoded text is X.txt without its Subject line,
the Subject header is that line's, and the decoded HTML is X.html.  --to
and --from name the decoded display name and address a draft must have;
--no-to, a draft without To.  Prints "eml: N passed, N failed".
"""
import email
import email.header
import email.policy
import pathlib
import sys

passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL: " + what)


def one(path, txt, html):
    raw = path.read_bytes()
    lines = raw.split(b"\r\n")
    check(lines[-1] == b"", f"{path}: does not end in CRLF")
    check(all(b"\n" not in l and b"\r" not in l for l in lines),
          f"{path}: a line ends in a bare LF or CR")
    long = [l for l in lines if len(l) > 78]
    check(not long, f"{path}: {len(long)} lines over 78 characters: {long[:1]}")
    check(all(b < 0x80 for b in raw), f"{path}: a byte that is not ASCII")
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    check(not msg.defects, f"{path}: defects {msg.defects}")
    check(msg["Date"] is None and msg["Message-ID"] is None,
          f"{path}: a Date or a Message-ID")
    check(msg["X-Unsent"] == "1", f"{path}: X-Unsent is {msg['X-Unsent']!r}")
    check(msg["MIME-Version"] == "1.0", f"{path}: MIME-Version")
    check(msg.get_content_type() == "multipart/alternative",
          f"{path}: {msg.get_content_type()}")
    parts = list(msg.iter_parts())
    check([p.get_content_type() for p in parts] == ["text/plain", "text/html"],
          f"{path}: parts {[p.get_content_type() for p in parts]}")
    if len(parts) != 2:
        return msg
    for p in parts:
        check(not p.defects, f"{path}: part defects {p.defects}")
        check(p.get_content_charset() == "utf-8", f"{path}: charset")
        check(p["Content-Transfer-Encoding"] == "quoted-printable",
              f"{path}: transfer encoding")
    subject, _, body = txt.partition("\n\n")
    check(subject.startswith("Subject: "), f"{path}: the .txt has no Subject")
    check(msg["Subject"] == subject[len("Subject: "):],
          f"{path}: Subject {msg['Subject']!r}, the .txt says {subject!r}")
    text = parts[0].get_content().replace("\r\n", "\n")
    check(text == body, f"{path}: the text part is not the .txt:\n"
          f"{text!r}\n{body!r}")
    got = parts[1].get_content().replace("\r\n", "\n")
    check(got == html, f"{path}: the HTML part is not the .html")
    return msg


def main(argv):
    folder = pathlib.Path(argv[1])
    want = {}
    i = 2
    while i < len(argv):
        opt = argv[i]
        if opt in ("--to", "--from"):
            want.setdefault(argv[i + 1], []).append((opt[2:].capitalize(),
                                                     argv[i + 2], argv[i + 3]))
            i += 4
        elif opt == "--no-to":
            want.setdefault(argv[i + 1], []).append(("To", None, None))
            i += 2
        else:
            sys.exit(f"eml.py: unknown option {opt}")
    emls = sorted(folder.rglob("*.eml"))
    check(emls, f"{folder}: no .eml draft")
    for path in emls:
        rel = str(path.relative_to(folder))
        txt = path.with_suffix(".txt").read_text(encoding="utf-8")
        html = path.with_suffix(".html").read_text(encoding="utf-8")
        msg = one(path, txt, html)
        for header, name, addr in want.pop(rel, []):
            if name is None:
                check(msg[header] is None, f"{rel}: has {header} {msg[header]}")
                continue
            h = msg[header]
            addrs = h.addresses if h is not None else ()
            check(len(addrs) == 1, f"{rel}: {header} is {h!r}, not one address")
            # RFC 2047 6.2: the space between two encoded words goes;
            # CPython's header parser (policy.default) keeps one inside a
            # display name, its older decoder does not: either may agree
            raw = email.message_from_bytes(path.read_bytes())[header] or ""
            legacy = str(email.header.make_header(
                email.header.decode_header(raw)))
            if len(addrs) == 1:
                check((addrs[0].display_name == name or
                       legacy == f"{name} <{addr}>") and
                      addrs[0].addr_spec == addr,
                      f"{rel}: {header} is {addrs[0].display_name!r} "
                      f"<{addrs[0].addr_spec}>, want {name!r} <{addr}>")
    check(not want, f"no .eml for {sorted(want)}")
    print(f"eml: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
