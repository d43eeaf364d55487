# python_nan.py — a test-only solver plugin, in Python, that writes NaN where it declared a
# time. The engine must refuse it by name as it does a C plugin.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import gi

gi.require_version("Mlsysim", "1.0")
from gi.repository import GObject, Mlsysim  # noqa: E402


class PythonNanSolver(GObject.Object, Mlsysim.Solver):
    __gtype_name__ = "MlsTestPythonNanSolver"

    def do_describe(self):
        info = Mlsysim.SolverInfo.new("python-nan", "Python solver that answers NaN",
                                      "Writes NaN", Mlsysim.SolverKind.MODEL)
        info.set_inputs(Mlsysim.SolverInput.HARDWARE)
        info.add_metric("python-nan.latency", "Latency", "ms", "NaN")
        return info

    def do_prepare(self, registry):
        return True

    def do_solve(self, scenario, ledger):
        ledger.set("python-nan.latency", Mlsysim.Quantity.new(float("nan"), "ms"))
        return True
