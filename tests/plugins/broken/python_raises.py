# python_raises.py — a test-only solver plugin whose solve raises an ordinary Python exception
# (not a GLib.Error), as careless third-party code does. The Python loader only prints such an
# exception; the engine must still mark the solver failed, by name, and run the others.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import gi

gi.require_version("Mlsysim", "1.0")
from gi.repository import GObject, Mlsysim  # noqa: E402


class PythonRaisesSolver(GObject.Object, Mlsysim.Solver):
    __gtype_name__ = "MlsTestPythonRaisesSolver"

    def do_describe(self):
        info = Mlsysim.SolverInfo.new("python-raises", "Python solver that raises",
                                      "Raises ZeroDivisionError", Mlsysim.SolverKind.MODEL)
        info.set_inputs(Mlsysim.SolverInput.HARDWARE)
        info.add_metric("python-raises.latency", "Latency", "ms", "Never written")
        return info

    def do_prepare(self, registry):
        return True

    def do_solve(self, scenario, ledger):
        return 1 / 0
