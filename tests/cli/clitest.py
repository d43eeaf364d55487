"""A tiny TAP harness for tests that run the `mlsysim` command as a user would."""
import json
import os
import subprocess
import sys

BUILD = os.environ.get("MLSYSIM_BUILD_ROOT", "build")
MLSYSIM = os.path.join(BUILD, "ui", "cli", "mlsysim")

_count = 0
_failed = 0


def run(*args, stdin=None, env=None):
    """Runs mlsysim with args; returns (exit status, stdout, stderr)."""
    e = dict(os.environ)
    e.setdefault("LC_ALL", "C.UTF-8")
    if env:
        e.update(env)
    p = subprocess.run([MLSYSIM, *args], input=stdin, capture_output=True, text=True, env=e,
                       timeout=120)
    return p.returncode, p.stdout, p.stderr


def run_json(*args, **kw):
    status, out, err = run(*args, **kw)
    try:
        return status, json.loads(out), err
    except json.JSONDecodeError as ex:
        return status, {"__invalid_json__": str(ex), "__stdout__": out}, err


def ok(condition, name, detail=""):
    global _count, _failed
    _count += 1
    if condition:
        print(f"ok {_count} - {name}")
    else:
        _failed += 1
        print(f"not ok {_count} - {name}")
        for line in str(detail).splitlines():
            print(f"# {line}")


def close(x, y, rel=1e-9):
    return abs(x - y) <= rel * max(abs(x), abs(y), 1e-300)


def done():
    print(f"1..{_count}")
    sys.exit(1 if _failed else 0)
