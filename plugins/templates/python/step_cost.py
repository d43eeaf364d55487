# step_cost.py — a template solver plugin in Python: what one step costs in electricity
#
# This template is dedicated to the public domain: copy it under any licence you like.
# SPDX-License-Identifier: CC0-1.0
"""The "step-cost" solver: the electricity bill of one step of a workload on a device.

It reads the energy of one step from the roofline solver (by requiring its metric
"roofline.energy"), prices it with the electricity price (a parameter, or the registry's
constant "electricity_price" when the user gives none) through the formula library's
calc_energy_cost, and writes the cost of the step and of one sample.

To start your own solver, copy this folder and rename: the id (SOLVER_ID), the module (this
file's name, and Module= in step_cost.plugin), and the class with its __gtype_name__, which
must be unique in the process. plugins/README.md explains every piece; the fuller example
plugins/python-example/carbon_budget.py shows a solver that skips itself when not applicable.
"""

import gettext

import gi

gi.require_version("Mlsysim", "1.0")
from gi.repository import GLib, GObject, Mlsysim  # noqa: E402

# The plugin's strings are in its own gettext domain (bind it to where its .mo files go).
GETTEXT_DOMAIN = "mlsysim-step-cost"


def _(message):
    return gettext.dgettext(GETTEXT_DOMAIN, message)


# The solver's id prefixes everything it declares: parameters and metrics are "<id>.<name>".
SOLVER_ID = "step-cost"
PARAM_KWH_PRICE = SOLVER_ID + ".kwh_price"
METRIC_COST = SOLVER_ID + ".cost"
METRIC_COST_PER_SAMPLE = SOLVER_ID + ".cost_per_sample"
METRIC_KWH_PRICE = SOLVER_ID + ".kwh_price"
REQUIRED_ENERGY = "roofline.energy"

# The wall of the textbook's taxonomy this solver speaks to (`mlsysim walls`): 17, Capital.
WALL_CAPITAL = 17

# A unit to compare dimensions against: prices are money per energy.
PRICE_UNIT = "USD/kWh"
_PRICE_DIMENSION = Mlsysim.Quantity.new(0, PRICE_UNIT)

# Significant digits of numbers in explanations (presentation, not physics).
SHOWN_DIGITS = 4


def _error(code, message):
    """A GLib.Error in the solver error domain: the engine shows its message next to the
    solver's id. Any other exception is only printed by libpeas' Python loader."""
    domain = GLib.quark_to_string(Mlsysim.solver_error_quark())
    return GLib.Error(message, domain, int(code))


class StepCostSolver(GObject.Object, Mlsysim.Solver):
    """The electricity cost of one step and of one sample."""

    __gtype_name__ = "MyStepCostSolver"

    def __init__(self):
        super().__init__()
        # Set by do_prepare() and only read afterwards: do_solve() keeps no state.
        self._registry_price = None

    def do_describe(self):
        # What the solver is, what it takes and what it writes. Called once after loading;
        # the engine, `mlsysim solvers` and the Studio app read it.
        info = Mlsysim.SolverInfo.new(
            SOLVER_ID,
            _("Step cost"),
            _("What one step of the workload costs in electricity, from the roofline's energy"),
            Mlsysim.SolverKind.MODEL,
        )
        # roofline.energy needs a workload on a device: without them the engine marks this
        # solver "skipped" instead of running it.
        info.set_inputs(Mlsysim.SolverInput.WORKLOAD | Mlsysim.SolverInput.HARDWARE)
        info.add_wall(WALL_CAPITAL)
        # The engine runs the solver producing this metric first, adding it when needed.
        info.add_requirement(REQUIRED_ENERGY)

        # Parameters: id, label, unit, default, minimum, maximum (in that unit), description.
        # The default 0 stands for "the registry's price": numbers come from the user or the
        # registry, never from literals in the code.
        info.add_parameter(PARAM_KWH_PRICE, _("Electricity price"), PRICE_UNIT, 0, 0,
                           GLib.MAXDOUBLE,
                           _("Price of grid energy; 0 uses the registry's electricity_price"))

        # Metrics: id, label, the unit to show them in ("" for a plain number), description.
        # The engine rejects a value whose dimension differs from the declared unit's.
        info.add_metric(METRIC_COST, _("Cost per step"), "USD",
                        _("Energy of one step times the electricity price"))
        info.add_metric(METRIC_COST_PER_SAMPLE, _("Cost per sample"), "USD",
                        _("Cost of one step over the samples in it (the batch)"))
        info.add_metric(METRIC_KWH_PRICE, _("Electricity price"), PRICE_UNIT,
                        _("The electricity price used"))
        return info

    def do_prepare(self, registry):
        # Read registry constants once, before any solve, and keep them. A third party ships
        # its own constants (with provenance) in a YAML file under
        # ~/.local/share/mlsysim/registry or $MLSYSIM_REGISTRY_PATH.
        found, price = registry.get_constant("electricity_price")
        if not found or not price.same_dimension(_PRICE_DIMENSION):
            raise _error(Mlsysim.SolverError.PLUGIN,
                         _("the registry constant electricity_price must be a price of "
                           "energy, such as “0.12 USD/kWh”"))
        self._registry_price = price
        return True

    def do_solve(self, scenario, ledger):
        # Read only the scenario and the ledger: sweeps run many solves at once.
        given, price = scenario.get_parameter(PARAM_KWH_PRICE)
        if given:
            # Bad input is an error naming the field and saying what would be right.
            if not price.same_dimension(_PRICE_DIMENSION):
                raise _error(Mlsysim.SolverError.INVALID_INPUT,
                             _("%s must be a price of energy, such as “0.12 USD/kWh”; got %s")
                             % (PARAM_KWH_PRICE, price.describe_dimension()))
            if price.value < 0:
                raise _error(Mlsysim.SolverError.INVALID_INPUT,
                             _("%s must not be negative; got %s")
                             % (PARAM_KWH_PRICE, price.to_string()))
        if not given or price.value == 0:
            price = self._registry_price

        found, energy = ledger.get(REQUIRED_ENERGY)
        if not found:
            raise _error(Mlsysim.SolverError.FAILED,
                         _("%s needs %s: the roofline solver did not produce it")
                         % (SOLVER_ID, REQUIRED_ENERGY))

        # One home per equation: the formula library prices energy (and checks the units).
        cost = Mlsysim.calc_energy_cost(energy, price)
        batch = scenario.get_batch_size()
        if batch < 1:
            raise _error(Mlsysim.SolverError.INVALID_INPUT,
                         _("the batch size must be at least 1; got %d") % batch)

        # Quantities carry base units (USD here); build new ones from a value and a unit.
        ledger.set(METRIC_COST, cost)
        ledger.set(METRIC_COST_PER_SAMPLE, Mlsysim.Quantity.new(cost.value / batch, "USD"))
        ledger.set(METRIC_KWH_PRICE, price)
        ledger.set_status(SOLVER_ID, Mlsysim.SolveStatus.OK, None)

        # Explanations cost allocations: write them only when the ledger asks (not in sweeps).
        if ledger.get_explain():
            ledger.add_explanation(SOLVER_ID,
                                   _("%s of energy at %s: %s per step")
                                   % (energy.format(SHOWN_DIGITS), price.format(SHOWN_DIGITS),
                                      cost.format(SHOWN_DIGITS)))
        return True
