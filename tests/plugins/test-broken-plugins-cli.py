#!/usr/bin/env python3
"""The mlsysim command with misbehaving plugins on its path (tests/plugins/broken).

Plugins that cannot load are reported on standard error by name and the command still works;
a solver that answers nonsense fails with a message naming it (exit 1, nothing on standard
output), and the real solvers and evaluations answer as usual.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from clitest import done, ok, run  # noqa: E402

BUILD = os.environ["MLSYSIM_BUILD_ROOT"]
PATH = os.pathsep.join([os.path.join(BUILD, "plugins"),
                        os.path.join(BUILD, "tests", "plugins", "broken")])
ENV = {"MLSYSIM_PLUGIN_PATH": PATH, "G_DEBUG": ""}


def check(args, status, fragments, stdout_empty=None, name=None):
    code, out, err = run(*args, env=ENV)
    problems = []
    if code != status:
        problems.append(f"exit {code}, expected {status}")
    for f in fragments:
        if f not in err:
            problems.append(f"“{f}” is not in standard error")
    if stdout_empty is True and out:
        problems.append("standard output is not empty")
    if stdout_empty is False and not out:
        problems.append("standard output is empty")
    ok(not problems, name or " ".join(args),
       "\n".join(problems) + f"\n--- stdout\n{out[:1500]}\n--- stderr\n{err[-3000:]}")
    return out


# every plugin that cannot load is named; the command still lists the others
out = check(["solvers", "-o", "json"], 0,
            ["no-such-module", "broken-bad-unit", "furlongs", "python_import_error",
             "bad-keyfile.plugin", "no-module-key.plugin"], stdout_empty=False,
            name="solvers names each plugin that failed to load")
try:
    listed = json.dumps(json.loads(out))
except json.JSONDecodeError:
    listed = ""
ok("roofline" in listed and "broken-nan" in listed, "solvers still lists the loadable solvers")

# nonsense answers are refused by name
check(["solve", "broken-nan", "Llama3_8B", "H100"], 1,
      ["broken-nan", "not a number"], stdout_empty=True)
check(["solve", "broken-negative", "Llama3_8B", "H100"], 1,
      ["broken-negative", "negative time"], stdout_empty=True)
check(["solve", "broken-units", "Llama3_8B", "H100"], 1,
      ["broken-units", "which it declared as"], stdout_empty=True)
check(["solve", "python-nan", "Llama3_8B", "H100"], 1,
      ["python-nan", "not a number"], stdout_empty=True)
check(["solve", "python-raises", "Llama3_8B", "H100"], 1,
      ["python-raises", "ZeroDivisionError"], stdout_empty=True)

# the real solvers and the evaluation still answer
check(["solve", "roofline", "Llama3_8B", "H100"], 0, [], stdout_empty=False)
check(["serve", "Llama3_8B", "H100"], 0, [], stdout_empty=False)
check(["eval", "Llama3_8B", "H100"], 0, [], stdout_empty=False)

done()
