#!/usr/bin/python3
# test-python-plugin.py — the Python example plugin (plugins/python-example) is discovered
# through libpeas' python3 loader, composes with the sustainability solver and solves.
#
# The engine is driven from Python through introspection (MLSYSIM_PLUGIN_PATH and
# GI_TYPELIB_PATH come from tests/meson.build), then, when the command-line tool has the
# `solvers` and `solve` commands, through `mlsysim` as a user would. TAP output.
#
# Expected values are derived by hand: Research_256 on Quebec for 30 days emits
# 256 × 700 W × 720 h × PUE 1.06 × 20 g/kWh = 2735.3088 kg (reference case C15). Against a
# 5000 kg budget that is 2735.3088 / 5000 = 0.54706176 of it, leaving 2264.6912 kg, and the
# budget lasts 30 / 0.54706176 = 54.83839 days.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import subprocess
import sys

import gi

gi.require_version("Mlsysim", "1.0")
from gi.repository import GLib, Mlsysim  # noqa: E402

_found, DURATION_DAYS = Mlsysim.knob_from_string("duration_days")

USED = 2735.3088 / 5000
REMAINING_KG = 5000 - 2735.3088
DAYS = 30 / USED

_count = 0
_failed = 0


def ok(condition, name, detail=""):
    global _count, _failed
    _count += 1
    if condition:
        print(f"ok {_count} - {name}")
    else:
        _failed += 1
        print(f"not ok {_count} - {name}")
        if detail:
            for line in str(detail).splitlines():
                print(f"# {line}")


def skip(name, reason):
    global _count
    _count += 1
    print(f"ok {_count} - {name} # SKIP {reason}")


def close(a, b, rel=1e-9):
    return abs(a - b) <= rel * abs(b)


def quantity_in(ledger, metric, unit):
    found, q = ledger.get(metric)
    if not found:
        raise KeyError(metric)
    result = q.convert(unit)
    # PyGObject returns (ok, value) or value for a throwing gboolean function, by version.
    return result[1] if isinstance(result, tuple) else result


def scenario(registry, days=30, budget=None):
    s = Mlsysim.Scenario.new("python plugin test")
    s.set_fleet(registry.lookup("clusters", "Research_256"))
    s.set_grid(registry.lookup("grids", "Quebec"))
    s.set_knob(DURATION_DAYS, days)
    if budget is not None:
        s.set_parameter("carbon-budget.budget", Mlsysim.Quantity.new_parse(budget))
    return s


def test_introspection():
    registry = Mlsysim.Registry.get_default()
    engine = Mlsysim.Engine.new(registry)

    ids = engine.list_solvers()
    ok("carbon-budget" in ids, "the Python plugin is discovered",
       f"solvers: {ids}; load errors: {engine.get_load_errors()}")
    info = engine.get_info("carbon-budget")
    ok(info is not None and info.get_kind() == Mlsysim.SolverKind.MODEL,
       "it describes itself as a model")
    if info is None:
        return
    ok(list(info.get_requirements()) == ["sustainability.carbon"],
       "it requires sustainability.carbon")
    ok(info.get_n_parameters() == 1 and info.get_n_metrics() == 3,
       "it declares its budget and three metrics")

    plan = engine.plan(["carbon-budget"])
    order = [plan.get_solver_id(i) for i in range(plan.get_n_solvers())]
    ok(order == ["sustainability", "carbon-budget"],
       "the engine runs sustainability first", f"plan: {order}")

    ledger = Mlsysim.Ledger.new()
    ledger.set_explain(True)
    engine.solve(["carbon-budget"], scenario(registry, budget="5000 kg"), ledger)
    status, message = ledger.get_status("carbon-budget")
    ok(status == Mlsysim.SolveStatus.OK, "it solves", message)
    if status != Mlsysim.SolveStatus.OK:
        return
    ok(close(quantity_in(ledger, "sustainability.carbon", "kg"), 2735.3088),
       "sustainability's carbon is the reference's (C15)")
    ok(close(quantity_in(ledger, "carbon-budget.used", ""), USED), "fraction of budget used")
    ok(close(quantity_in(ledger, "carbon-budget.remaining", "kg"), REMAINING_KG),
       "budget remaining")
    ok(close(quantity_in(ledger, "carbon-budget.days", "d"), DAYS), "days the budget lasts")
    ok(message == "Within budget", "status message", message)
    ok(len(ledger.get_explanations("carbon-budget") or []) > 0, "it explains itself")

    # 365 days emit 2735.3088 × 365/30 = 33,279.59 kg: over a 5000 kg budget.
    ledger = Mlsysim.Ledger.new()
    engine.solve(["carbon-budget"], scenario(registry, days=365, budget="5000 kg"), ledger)
    status, message = ledger.get_status("carbon-budget")
    ok(status == Mlsysim.SolveStatus.OK and message == "Over budget", "over budget", message)
    ok(quantity_in(ledger, "carbon-budget.remaining", "kg") < 0, "negative remainder")

    # No budget: not applicable, skipped rather than failed.
    ledger = Mlsysim.Ledger.new()
    engine.solve(["carbon-budget"], scenario(registry), ledger)
    status, message = ledger.get_status("carbon-budget")
    ok(status == Mlsysim.SolveStatus.SKIPPED, "skipped without a budget", message)

    # A budget in seconds is bad input: a GLib.Error from Python, reported by the engine while
    # sustainability still answers.
    ledger = Mlsysim.Ledger.new()
    engine.solve(["carbon-budget"], scenario(registry, budget="12 s"), ledger)
    status, message = ledger.get_status("carbon-budget")
    ok(status == Mlsysim.SolveStatus.FAILED and "carbon-budget.budget" in (message or ""),
       "a wrong unit is an error naming the field", message)
    status, _ = ledger.get_status("sustainability")
    ok(status == Mlsysim.SolveStatus.OK, "the other solvers still answer")

    # Called directly, the error arrives as a GLib.Error in the solver domain.
    solver = engine.get_solver("carbon-budget")
    ledger = Mlsysim.Ledger.new()
    try:
        solver.solve(scenario(registry, budget="-5 kg"), ledger)
        ok(False, "a negative budget raises")
    except GLib.Error as e:
        ok(e.matches(Mlsysim.solver_error_quark(), int(Mlsysim.SolverError.INVALID_INPUT))
           and "carbon-budget.budget" in e.message, "a negative budget raises", e.message)


def find_cli():
    root = os.environ.get("MLSYSIM_BUILD_ROOT")
    path = os.path.join(root, "ui", "cli", "mlsysim") if root else None
    return path if path and os.access(path, os.X_OK) else None


def test_cli():
    cli = find_cli()
    if cli is None:
        skip("mlsysim solvers lists the Python plugin", "the CLI is not built")
        skip("mlsysim solve carbon-budget", "the CLI is not built")
        return
    listing = subprocess.run([cli, "solvers"], capture_output=True, text=True)
    if listing.returncode != 0 and "solvers" in listing.stderr and "unknown" in listing.stderr.lower():
        skip("mlsysim solvers lists the Python plugin", "no `solvers` command yet")
        skip("mlsysim solve carbon-budget", "no `solve` command yet")
        return
    ok(listing.returncode == 0 and "carbon-budget" in listing.stdout,
       "mlsysim solvers lists the Python plugin", listing.stdout + listing.stderr)

    # `mlsysim solve SOLVER MODEL [HARDWARE]`; the model does not matter to this solver.
    argv = [cli, "solve", "carbon-budget", "Llama3_8B", "--fleet", "Research_256",
            "--region", "Quebec", "--days", "30", "--param", "carbon-budget.budget=5000 kg",
            "-o", "json"]
    result = subprocess.run(argv, capture_output=True, text=True)
    if result.returncode != 0 and "Unknown option" in result.stderr:
        skip("mlsysim solve carbon-budget", result.stderr.strip())
        return
    text = result.stdout
    ok(result.returncode == 0, "mlsysim solve carbon-budget exits 0", text + result.stderr)
    ok("carbon-budget.used" in text and "sustainability.carbon" in text,
       "its result and sustainability's appear", text)
    try:
        data = json.loads(text)
    except ValueError as e:
        ok(False, "the JSON parses", repr(e))
        return
    ok(True, "the JSON parses")
    used = data.get("metrics", {}).get("carbon-budget.used", {}).get("value")
    ok(isinstance(used, (int, float)) and close(used, USED, 1e-6),
       "the fraction used is 0.54706", text)


def main():
    try:
        test_introspection()
    except Exception as e:  # a crash is a failure, not a silent pass
        ok(False, "introspection tests ran to the end", repr(e))
    test_cli()
    print(f"1..{_count}")
    return 1 if _failed else 0


if __name__ == "__main__":
    sys.exit(main())
