# carbon_budget.py — an mlsysim solver plugin written in Python, as an example for third parties
#
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The "carbon-budget" solver: how much of a carbon budget a system spends, and how long the
budget lasts.

This file is a complete, working plugin and the template for your own. A solver plugin is two
files in one folder:

  carbon_budget.plugin   the metadata libpeas reads: Loader=python3 and Module=carbon_budget
                         (the name of this file without ".py"), plus Name and Description
  carbon_budget.py       this module: one class implementing the Mlsysim.Solver interface

Put the folder in ~/.local/share/mlsysim/plugins/ (or a directory named in $MLSYSIM_PLUGIN_PATH)
and `mlsysim solvers` lists it; `mlsysim solve carbon-budget …` runs it, and the Studio app
shows its parameters and metrics without knowing anything about it.

A solver implements three methods:

  do_describe()              what it is, which parameters it takes and which metrics it writes
  do_prepare(registry)       read registry constants once (optional; nothing to read here)
  do_solve(scenario, ledger) read the scenario and the ledger, write metrics into the ledger

Solvers compose through the ledger. This one does not compute any carbon itself: it declares
that it requires the metric "sustainability.carbon", so the engine runs the sustainability
solver first (adding it to the request if needed), and reads its result from the ledger.

Report bad input by raising GLib.Error in the Mlsysim solver error domain: the engine shows the
message next to the solver's name and every other solver still answers. Any other exception is
only printed by the Python loader, and the solver is marked failed "without saying why".
"""

import gettext

import gi

gi.require_version("Mlsysim", "1.0")
from gi.repository import GLib, GObject, Mlsysim  # noqa: E402


def _(message):
    """Translate through mlsysim's gettext domain (a third party would use its own)."""
    return gettext.dgettext("mlsysim", message)


# The solver's id prefixes its parameters and metrics: "<id>.<name>".
SOLVER_ID = "carbon-budget"

# The wall of the reference's taxonomy this solver speaks to: 18, Sustainability.
WALL_SUSTAINABILITY = 18

BUDGET = SOLVER_ID + ".budget"
CARBON = "sustainability.carbon"

# Scenario knobs by name (the names `mlsysim` plans use), which stay stable across releases.
_found, DURATION_DAYS = Mlsysim.knob_from_string("duration_days")


def _invalid_input(message):
    """A GLib.Error the engine reports as bad input, naming the field."""
    domain = GLib.quark_to_string(Mlsysim.solver_error_quark())
    return GLib.Error(message, domain, int(Mlsysim.SolverError.INVALID_INPUT))


class CarbonBudgetSolver(GObject.Object, Mlsysim.Solver):
    """Fraction of a carbon budget used over the scenario's period, and the days it lasts."""

    __gtype_name__ = "MlsCarbonBudgetSolver"

    def do_describe(self):
        info = Mlsysim.SolverInfo.new(
            SOLVER_ID,
            _("Carbon budget"),
            _("How much of a carbon budget the system spends over the period, and how many "
              "days of operation the budget covers"),
            Mlsysim.SolverKind.MODEL,
        )
        # The engine skips this solver (status "skipped") when the scenario has no hardware.
        info.set_inputs(Mlsysim.SolverInput.HARDWARE)
        info.add_wall(WALL_SUSTAINABILITY)
        # Run the sustainability solver first; its carbon is in the ledger when we solve.
        info.add_requirement(CARBON)

        # Parameters reach do_solve() through the scenario, in base units (kilograms here).
        # The default 0 means "no budget given": the solver then skips itself.
        info.add_parameter(BUDGET, _("Carbon budget"), "kg", 0, 0, GLib.MAXDOUBLE,
                           _("Emissions allowed, CO₂-equivalent"))

        # Metrics: id, label, the unit to show them in ("" for a plain number), description.
        info.add_metric(SOLVER_ID + ".used", _("Budget used"), "",
                        _("Carbon over the period as a fraction of the budget"))
        info.add_metric(SOLVER_ID + ".remaining", _("Budget remaining"), "kg",
                        _("Budget minus the period's carbon (negative when over budget)"))
        info.add_metric(SOLVER_ID + ".days", _("Days of budget"), "d",
                        _("Days of operation the budget covers at the period's rate"))
        return info

    def do_prepare(self, registry):
        # Read registry constants here, once, and keep them on self. This solver needs none.
        return True

    def do_solve(self, scenario, ledger):
        # Solvers must be stateless: read only the scenario and the ledger, so that sweeps can
        # run many solves at once.
        given, budget = scenario.get_parameter(BUDGET)
        if not given or budget.value == 0:
            ledger.set_status(SOLVER_ID, Mlsysim.SolveStatus.SKIPPED,
                              _("set carbon-budget.budget to compare against a budget"))
            return True
        if not budget.same_dimension(Mlsysim.Quantity.new(0, "kg")):
            raise _invalid_input(_("carbon-budget.budget must be a mass of CO₂, such as "
                                   "“1000 kg”; got %s") % budget.describe_dimension())
        if budget.value < 0:
            raise _invalid_input(_("carbon-budget.budget must be greater than zero; got %s")
                                 % budget.to_string())

        found, carbon = ledger.get(CARBON)
        if not found:
            raise GLib.Error(_("carbon-budget needs sustainability.carbon: run the "
                               "sustainability solver in the same evaluation"),
                             GLib.quark_to_string(Mlsysim.solver_error_quark()),
                             int(Mlsysim.SolverError.FAILED))

        days = scenario.get_knob(DURATION_DAYS)
        used = carbon.value / budget.value

        # Quantities are plain numbers in base units (kg here) with their dimensions; build
        # them from a value and a unit so that the engine can check what we write.
        ledger.set_number(SOLVER_ID + ".used", used)
        ledger.set(SOLVER_ID + ".remaining",
                   Mlsysim.Quantity.new(budget.value - carbon.value, "kg"))
        if carbon.value > 0:
            # The period spends `carbon` in `days`; the budget lasts budget / (carbon / days).
            ledger.set(SOLVER_ID + ".days", Mlsysim.Quantity.new(days / used, "d"))

        ledger.set_status(SOLVER_ID, Mlsysim.SolveStatus.OK,
                          _("Over budget") if used > 1 else _("Within budget"))

        # Explanations cost allocations, so write them only when asked (not during sweeps).
        if ledger.get_explain():
            ledger.add_explanation(
                SOLVER_ID,
                _("%.4g kg of a %.4g kg budget over %g days: %.3g of it")
                % (carbon.value, budget.value, days, used))
        return True
