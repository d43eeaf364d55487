#!/usr/bin/env python3
"""The bad-input corpus: every case of tests/data/bad/cases.tsv against the mlsysim command.

Students type anything and plans are edited by hand; each wrong input must end in a clear
message and the documented exit status, never in a crash. For each case this checks:

- the exit status is the expected one, and no signal ended the process (nothing above 128);
- the expected fragment is in standard error (text), or in the "reason" of the JSON error
  object (-o json); for exit 2 and 3, which still print a result, in the whole output;
- standard output is empty when the status is 1 in text mode (it carries only the payload);
- nothing logged a GLib warning or critical, and no Python traceback escaped.

The table's format and placeholders are described at its top.
"""
import json
import os
import re
import shlex
import shutil
import stat
import tempfile

from clitest import close as _unused_close  # noqa: F401  (keeps the harness import uniform)
from clitest import done, ok, MLSYSIM
import subprocess

SOURCE = os.environ.get("MLSYSIM_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.environ.get("MLSYSIM_TEST_DATA", os.path.join(SOURCE, "tests", "data"))
BAD = os.path.join(DATA, "bad")
TABLE = os.path.join(BAD, "cases.tsv")

PLACEHOLDER = re.compile(r"\{(bad|data|tmp|regdir|mkdir|link|file|mode000|rep|bytes)(?::([^}]*))?\}")
ENV_WORD = re.compile(r"^[A-Z_][A-Z0-9_]*=")


class Skip(Exception):
    pass


def expand(word, tmp):
    """Replaces the placeholders of one argument; returns it as a str (raw bytes are kept
    through surrogateescape, as the OS passes them)."""

    def sub(m):
        kind, arg = m.group(1), m.group(2)
        if kind == "bad":
            return BAD
        if kind == "data":
            return DATA
        if kind == "tmp":
            return tmp
        if kind == "regdir":
            d = tempfile.mkdtemp(dir=tmp, prefix="registry-")
            shutil.copy(os.path.join(DATA, arg), d)
            return d
        if kind == "mkdir":
            path = os.path.join(tmp, arg)
            os.makedirs(path, exist_ok=True)
            return path
        if kind == "link":
            name, target = arg.split("=", 1)
            path = os.path.join(tmp, name)
            os.symlink(target, path)
            return path
        if kind == "file":
            name, text = arg.split("=", 1)
            path = os.path.join(tmp, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            return path
        if kind == "mode000":
            if os.geteuid() == 0:
                raise Skip("root reads files whatever their mode (see plan-unreadable-proc)")
            path = os.path.join(tmp, os.path.basename(arg))
            shutil.copy(os.path.join(DATA, arg), path)
            os.chmod(path, 0)
            return path
        if kind == "rep":
            text, n = arg.rsplit(":", 1)
            return text * int(n)
        if kind == "bytes":
            raw = arg.encode("utf-8").decode("unicode_escape").encode("latin-1")
            return raw.decode("utf-8", "surrogateescape")
        raise AssertionError(kind)

    return PLACEHOLDER.sub(sub, word)


def load_cases():
    cases = []
    with open(TABLE, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 4:
                raise SystemExit(f"{TABLE}:{number}: expected 4 tab-separated fields, got {len(fields)}")
            name, status, fragment, args = fields
            cases.append((number, name, int(status), fragment, args))
    return cases


def run_case(name, status, fragment, args):
    tmp = tempfile.mkdtemp(prefix=f"mlsysim-bad-{name}-")
    try:
        words = shlex.split(args)
        env = dict(os.environ)
        env.setdefault("LC_ALL", "C.UTF-8")
        while words and ENV_WORD.match(words[0]):
            key, value = words.pop(0).split("=", 1)
            env[key] = expand(value, tmp)
        try:
            argv = [expand(w, tmp) for w in words]
        except Skip as why:
            ok(True, f"{name} # SKIP {why}")
            return None
        argv = [os.fsencode(a) for a in argv]
        p = subprocess.run([MLSYSIM, *argv], capture_output=True, env=env, timeout=120)
        out = p.stdout.decode("utf-8", "replace")
        err = p.stderr.decode("utf-8", "replace")
        return p.returncode, out, err, p.stdout
    finally:
        for root, dirs, _files in os.walk(tmp):
            for d in dirs:
                os.chmod(os.path.join(root, d), stat.S_IRWXU)
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    cases = load_cases()
    names = [c[1] for c in cases]
    ok(len(cases) >= 50, "the corpus has at least 50 cases", f"{len(cases)} cases")
    ok(len(set(names)) == len(names), "case names are unique",
       sorted({n for n in names if names.count(n) > 1}))

    for number, name, status, fragment, args in cases:
        result = run_case(name, status, fragment, args)
        if result is None:
            continue
        code, out, err, raw_out = result
        where = f"{os.path.basename(TABLE)}:{number}: mlsysim {args}"
        detail = f"{where}\nexit {code}\n--- stdout\n{out[:2000]}\n--- stderr\n{err[:2000]}"
        json_mode = re.search(r"(^|\s)(-o\s*json|--output[= ]json)(\s|$)", args) is not None

        problems = []
        if code < 0 or code > 128:
            problems.append(f"ended by a signal or crash (status {code})")
        if code != status:
            problems.append(f"exit status {code}, expected {status}")
        if json_mode and code == 1:
            try:
                obj = json.loads(raw_out.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as ex:
                problems.append(f"standard output is not a JSON object in UTF-8: {ex}")
                obj = {}
            if obj.get("status") != "error":
                problems.append("the JSON error has no \"status\": \"error\"")
            if fragment not in str(obj.get("reason", "")):
                problems.append(f"“{fragment}” is not in the JSON reason")
        elif code in (2, 3):
            if fragment not in out + err:
                problems.append(f"“{fragment}” is not in the output")
        else:
            if fragment not in err:
                problems.append(f"“{fragment}” is not in standard error")
            if code == 1 and out:
                problems.append("standard output is not empty on an error")
        for marker in ("-CRITICAL **", "-WARNING **", "Traceback (most recent call last)",
                       "runtime error:", "AddressSanitizer", "LeakSanitizer"):
            if marker in err:
                problems.append(f"standard error has “{marker}”")
        ok(not problems, f"{name}: exit {status}, “{fragment}”", "\n".join(problems) + "\n" + detail)

    done()


if __name__ == "__main__":
    main()
