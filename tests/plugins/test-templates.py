#!/usr/bin/python3
# test-templates.py — the plugin SDK's templates build, load and solve as a third party would
# use them (issue 9). TAP output.
#
#  1. plugins/templates/c is configured and built out of tree, as its own meson project, against
#     the build tree's uninstalled pkg-config file (PKG_CONFIG_PATH=<build>/meson-uninstalled),
#     then installed into a temporary plugin directory with -Dplugindir.
#  2. plugins/templates/python is copied into another temporary plugin directory.
#  3. `mlsysim solvers -o json`, with MLSYSIM_PLUGIN_PATH naming both and the build's plugins,
#     lists both templates with what they declare, and no load errors.
#  4. `mlsysim solve amdahl …` and `mlsysim solve step-cost …` give the expected metrics;
#     bad input, fed through introspection past the CLI's own checks, is the solvers' error
#     naming the field.
#
# Expected values, by hand:
#  - amdahl with p = 0.9 on N = 8 workers: S = 1 / ((1 − 0.9) + 0.9/8) = 1 / (0.1 + 0.1125)
#    = 1 / 0.2125 = 4.7058823529…; efficiency S/N = 4.7058823529 / 8 = 0.5882352941…; the
#    step takes the roofline's latency over S. With the defaults (p = 1, N = 1): S = 1.
#  - step-cost prices the roofline's step energy E (joules): 1 kWh = 3.6e6 J, and the
#    registry's electricity_price is 0.12 USD/kWh (registry/constants/economics.yaml,
#    MLSYSIM_PRICING_2024), so the cost is E / 3.6e6 × 0.12 USD; with a batch of 8 one sample
#    costs an eighth of it; at 0.30 USD/kWh the step costs E / 3.6e6 × 0.30 USD.
#
# MLSYSIM_KEEP_TEMPLATES=1 keeps the temporary directories for a look afterwards.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile

SOURCE_ROOT = os.environ.get("MLSYSIM_SOURCE_ROOT",
                             os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
BUILD_ROOT = os.environ.get("MLSYSIM_BUILD_ROOT", os.path.join(SOURCE_ROOT, "build"))
CLI = os.path.join(BUILD_ROOT, "ui", "cli", "mlsysim")
BUILD_PLUGINS = os.path.join(BUILD_ROOT, "plugins")

KWH = 3.6e6               # joules in a kilowatt-hour
REGISTRY_PRICE = 0.12     # USD/kWh, the registry's electricity_price
AMDAHL_SPEEDUP = 1 / 0.2125
AMDAHL_EFFICIENCY = AMDAHL_SPEEDUP / 8

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
        for line in str(detail).splitlines()[-40:]:
            print(f"#   {line}")
    return condition


def skip(name, reason):
    global _count
    _count += 1
    print(f"ok {_count} - {name} # SKIP {reason}")


def bail(message, detail=""):
    print(f"Bail out! {message}")
    for line in str(detail).splitlines()[-40:]:
        print(f"# {line}")
    sys.exit(1)


def close(a, b, rel=1e-9):
    return isinstance(a, (int, float)) and abs(a - b) <= rel * abs(b)


def run(argv, env=None, cwd=None):
    result = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=cwd)
    return result.returncode, result.stdout + result.stderr


def cli_env(*plugin_dirs):
    env = dict(os.environ)
    env["MLSYSIM_PLUGIN_PATH"] = os.pathsep.join(plugin_dirs)
    env["MLSYSIM_NO_USER_DIRS"] = "1"
    return env


def cli_json(env, *args):
    result = subprocess.run([CLI, *args, "-o", "json"], capture_output=True, text=True, env=env)
    try:
        return result.returncode, json.loads(result.stdout), result.stdout + result.stderr
    except ValueError:
        return result.returncode, None, result.stdout + result.stderr


def metric(data, metric_id):
    return (data or {}).get("metrics", {}).get(metric_id, {}).get("value")


def status(data, solver_id):
    for s in (data or {}).get("solvers", []):
        if s.get("id") == solver_id:
            return s.get("status"), s.get("message")
    return None, None


def build_c_template(tmp):
    """Configures, builds and installs plugins/templates/c as a third party would."""
    meson = shutil.which("meson")
    if meson is None:
        bail("meson is not on PATH")
    build = os.path.join(tmp, "c-build")
    plugindir = os.path.join(tmp, "c-plugins")
    env = dict(os.environ)
    env["PKG_CONFIG_PATH"] = os.path.join(BUILD_ROOT, "meson-uninstalled")

    source = os.path.join(SOURCE_ROOT, "plugins", "templates", "c")
    status_, out = run([meson, "setup", build, source, "-Dplugindir=" + plugindir], env=env)
    ok(status_ == 0 and "mlsysim-1 found: YES" in out,
       "the C template configures against the uninstalled mlsysim-1.pc", out)
    if status_ != 0:
        return None, None
    status_, out = run([meson, "compile", "-C", build], env=env)
    ok(status_ == 0, "the C template builds", out)
    if status_ != 0:
        return None, None
    ok("warning:" not in out, "the C template builds without warnings", out)
    status_, out = run([meson, "install", "-C", build, "--no-rebuild"], env=env)
    installed = [os.path.join(plugindir, "amdahl", f) for f in ("libamdahl.so", "amdahl.plugin")]
    ok(status_ == 0 and all(os.path.exists(f) for f in installed),
       "meson install puts libamdahl.so and amdahl.plugin in <plugindir>/amdahl", out)
    return build, plugindir


def copy_python_template(tmp):
    plugindir = os.path.join(tmp, "py-plugins")
    target = os.path.join(plugindir, "step-cost")
    os.makedirs(target)
    for name in ("step_cost.py", "step_cost.plugin"):
        shutil.copy(os.path.join(SOURCE_ROOT, "plugins", "templates", "python", name), target)
    return plugindir


def test_listing(c_plugins, py_plugins, c_build):
    status_, data, out = cli_json(cli_env(c_plugins, py_plugins, BUILD_PLUGINS), "solvers")
    if not ok(status_ == 0 and data is not None, "mlsysim solvers -o json runs", out):
        return
    solvers = {s["id"]: s for s in data.get("solvers", [])}
    ok("amdahl" in solvers, "the C template is listed", out)
    ok("step-cost" in solvers, "the Python template is listed", out)
    errors = [e for e in data.get("load_errors", []) if "amdahl" in e or "step_cost" in e]
    ok(not errors, "neither template reports a load error", data.get("load_errors"))

    amdahl = solvers.get("amdahl", {})
    params = {p["id"]: p for p in amdahl.get("parameters", [])}
    metrics = {m["id"]: m["unit"] for m in amdahl.get("metrics", [])}
    ok(set(params) == {"amdahl.parallel_fraction", "amdahl.workers"}
       and params["amdahl.parallel_fraction"]["minimum"] == 0
       and params["amdahl.parallel_fraction"]["maximum"] == 1
       and params["amdahl.workers"]["default"] == 1,
       "amdahl declares its parameters with defaults and ranges", amdahl)
    ok(metrics == {"amdahl.speedup": "", "amdahl.efficiency": "", "amdahl.latency": "ms"},
       "amdahl declares its metrics with units", amdahl)
    ok(amdahl.get("requires") == ["roofline.latency"] and amdahl.get("kind") == "model",
       "amdahl is a model requiring roofline.latency", amdahl)

    step = solvers.get("step-cost", {})
    metrics = {m["id"]: m["unit"] for m in step.get("metrics", [])}
    ok(metrics == {"step-cost.cost": "USD", "step-cost.cost_per_sample": "USD",
                   "step-cost.kwh_price": "USD/kWh"}
       and [p["id"] for p in step.get("parameters", [])] == ["step-cost.kwh_price"]
       and step.get("requires") == ["roofline.energy"],
       "step-cost declares its parameter, metrics and requirement", step)

    # The uninstalled build directory is a plugin directory too (the .plugin sits by the .so).
    status_, data, out = cli_json(cli_env(c_build, BUILD_PLUGINS), "solvers")
    ok(status_ == 0 and data is not None
       and not [e for e in data.get("load_errors", []) if "amdahl" in e]
       and "amdahl" in [s["id"] for s in data.get("solvers", [])],
       "the C template loads from its build directory, uninstalled", out)


def test_amdahl(env):
    status_, data, out = cli_json(env, "solve", "amdahl", "Llama3_8B", "H100",
                                    "--param", "amdahl.parallel_fraction=0.9",
                                    "--param", "workers=8")
    if not ok(status_ == 0 and data is not None, "mlsysim solve amdahl runs", out):
        return
    ok(status(data, "amdahl")[0] == "ok" and status(data, "roofline")[0] == "ok",
       "amdahl and the roofline it requires solve", out)
    order = [s["id"] for s in data.get("solvers", [])]
    ok(order == ["roofline", "amdahl"], "the engine runs roofline first", order)
    ok(close(metric(data, "amdahl.speedup"), AMDAHL_SPEEDUP),
       "p = 0.9 on 8 workers: speed-up 1/0.2125 = 4.70588", out)
    ok(close(metric(data, "amdahl.efficiency"), AMDAHL_EFFICIENCY),
       "parallel efficiency 4.70588/8 = 0.588235", out)
    latency = metric(data, "roofline.latency")
    ok(latency is not None and latency > 0
       and close(metric(data, "amdahl.latency"), latency / AMDAHL_SPEEDUP),
       "the step takes the roofline latency over the speed-up (in ms)", out)

    status_, data, out = cli_json(env, "solve", "amdahl", "Llama3_8B", "H100")
    ok(status_ == 0 and close(metric(data, "amdahl.speedup"), 1)
       and close(metric(data, "amdahl.latency"), metric(data, "roofline.latency") or -1),
       "the defaults (p = 1, N = 1) change nothing", out)


def test_step_cost(env):
    status_, data, out = cli_json(env, "solve", "step-cost", "Llama3_8B", "H100", "-b", "8")
    if not ok(status_ == 0 and data is not None, "mlsysim solve step-cost runs", out):
        return
    ok(status(data, "step-cost")[0] == "ok" and status(data, "roofline")[0] == "ok",
       "step-cost and the roofline it requires solve", out)
    energy = metric(data, "roofline.energy")
    ok(data.get("metrics", {}).get("roofline.energy", {}).get("unit") == "J"
       and energy is not None and energy > 0, "the roofline's step energy is in joules", out)
    if energy is None:
        return
    cost = energy / KWH * REGISTRY_PRICE
    ok(close(metric(data, "step-cost.kwh_price"), REGISTRY_PRICE),
       "without a price it uses the registry's 0.12 USD/kWh", out)
    ok(close(metric(data, "step-cost.cost"), cost), "cost per step E/3.6e6 × 0.12 USD", out)
    ok(close(metric(data, "step-cost.cost_per_sample"), cost / 8),
       "cost per sample: an eighth of the step at batch 8", out)

    status_, data, out = cli_json(env, "solve", "step-cost", "Llama3_8B", "H100",
                                    "--param", "step-cost.kwh_price=0.30 USD/kWh")
    energy = metric(data, "roofline.energy") or -1
    ok(status_ == 0 and close(metric(data, "step-cost.kwh_price"), 0.30)
       and close(metric(data, "step-cost.cost"), energy / KWH * 0.30),
       "a price given as a parameter is used: E/3.6e6 × 0.30 USD", out)


def test_errors(c_plugins, py_plugins):
    """Bad input reaches the solvers through the library (the CLI checks ranges itself)."""
    os.environ["MLSYSIM_PLUGIN_PATH"] = os.pathsep.join([c_plugins, py_plugins, BUILD_PLUGINS])
    try:
        import gi
        gi.require_version("Mlsysim", "1.0")
        from gi.repository import Mlsysim
    except (ImportError, ValueError) as e:
        skip("bad input is the solvers' error", f"no introspection: {e}")
        return

    registry = Mlsysim.Registry.get_default()
    engine = Mlsysim.Engine.new(registry)

    def scenario(field=None, value=None):
        s = Mlsysim.Scenario.new("templates")
        s.set_workload(registry.lookup("models", "Llama3_8B"))
        s.set_hardware(registry.lookup("hardware", "H100"))
        if field is not None:
            s.set_parameter(field, Mlsysim.Quantity.new_parse(value))
        return s

    cases = [
        ("amdahl", "amdahl.workers", "0", "workers = 0"),
        ("amdahl", "amdahl.parallel_fraction", "1.5", "a parallel fraction of 1.5"),
        ("amdahl", "amdahl.workers", "8 GB", "workers in gigabytes"),
        ("step-cost", "step-cost.kwh_price", "-1 USD/kWh", "a negative price"),
        ("step-cost", "step-cost.kwh_price", "3 s", "a price in seconds"),
    ]
    for solver_id, field, value, what in cases:
        ledger = Mlsysim.Ledger.new()
        engine.solve([solver_id], scenario(field, value), ledger)
        state, message = ledger.get_status(solver_id)
        ok(state == Mlsysim.SolveStatus.FAILED and field in (message or ""),
           f"{solver_id}: {what} fails, naming {field}", message)
        state, _ = ledger.get_status("roofline")
        ok(state == Mlsysim.SolveStatus.OK, f"{solver_id}: roofline still answers ({what})")

    # Called directly, the error is INVALID_INPUT in the solver domain, from C and Python alike.
    from gi.repository import GLib
    for solver_id, field, value in (("amdahl", "amdahl.workers", "0"),
                                    ("step-cost", "step-cost.kwh_price", "-1 USD/kWh")):
        s = scenario(field, value)
        ledger = Mlsysim.Ledger.new()
        engine.solve(["roofline"], s, ledger)
        try:
            engine.get_solver(solver_id).solve(s, ledger)
            ok(False, f"{solver_id}: bad input raises")
        except GLib.Error as e:
            ok(e.matches(Mlsysim.solver_error_quark(), int(Mlsysim.SolverError.INVALID_INPUT)),
               f"{solver_id}: bad input is MLS_SOLVER_ERROR_INVALID_INPUT", e.message)


def main():
    if not os.access(CLI, os.X_OK):
        bail(f"no mlsysim at {CLI}: build the project first")
    tmp = tempfile.mkdtemp(prefix="mlsysim-templates.")
    try:
        c_build, c_plugins = build_c_template(tmp)
        py_plugins = copy_python_template(tmp)
        if c_plugins is None:
            print(f"1..{_count}")
            return 1
        env = cli_env(c_plugins, py_plugins, BUILD_PLUGINS)
        test_listing(c_plugins, py_plugins, c_build)
        test_amdahl(env)
        test_step_cost(env)
        try:
            test_errors(c_plugins, py_plugins)
        except Exception as e:  # a crash is a failure, not a silent pass
            ok(False, "the introspection checks ran to the end", repr(e))
    finally:
        if os.environ.get("MLSYSIM_KEEP_TEMPLATES"):
            print(f"# keeping {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"1..{_count}")
    return 1 if _failed else 0


if __name__ == "__main__":
    sys.exit(main())
