/* mls-economics-solver.c — wall 17: what the system costs to own and run over a period
 *
 * The MLSys·im EconomicsModel (inventory §9.18). CapEx = unit cost × accelerators ×
 * infrastructure multiplier, depreciated straight-line over the amortisation period and
 * prorated by days/365; OpEx = the facility energy × the electricity price plus maintenance,
 * a yearly share of the CapEx. TCO = period CapEx + OpEx.
 *
 * The energy is not computed here: it is the sustainability solver's `sustainability.
 * total_energy`, read from the ledger. The solver declares it as a requirement, and the
 * engine runs sustainability first. That is how plugins compose without linking each other.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#include <mlsysim.h>

#define SOLVER_ID "economics"

/* Wall 17, Capital (registry/walls.yaml). */
#define WALL_CAPITAL 17

/* Significant digits of the numbers in explanations. */
#define EXPLAIN_DIGITS 6

#define MLS_TYPE_ECONOMICS_SOLVER (mls_economics_solver_get_type ())
G_DECLARE_FINAL_TYPE (MlsEconomicsSolver, mls_economics_solver, MLS, ECONOMICS_SOLVER, GObject)

struct _MlsEconomicsSolver
{
  GObject         parent_instance;

  /* Registry constants, read once by prepare(). */
  gboolean        prepared;
  MlsQuantity     electricity_price;
  MlsQuantity     amortization_period;
  MlsQuantity     accounting_year;
  double          maintenance_ratio;
  double          infrastructure_multiplier;
  MlsGridProfile *default_grid;
};

static void solver_iface_init (MlsSolverInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (MlsEconomicsSolver, mls_economics_solver, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (MLS_TYPE_SOLVER, solver_iface_init))

static GQuark q_total_energy;
static GQuark q_roofline_throughput;
static GQuark q_serving_tokens_per_sec;
static GQuark q_capex;
static GQuark q_capex_period;
static GQuark q_opex_energy;
static GQuark q_opex_maintenance;
static GQuark q_opex_total;
static GQuark q_tco;
static GQuark q_kwh_price;
static GQuark q_cost_per_mtoken;
static GQuark q_cost_per_msample;

static MlsSolverInfo *
mls_economics_solver_describe (MlsSolver *solver)
{
  MlsSolverInfo *info;

  info = mls_solver_info_new (SOLVER_ID, _("Economics"),
                              _("Total cost of ownership over the period: amortised capital, "
                                "energy and maintenance"),
                              MLS_SOLVER_KIND_MODEL);
  mls_solver_info_set_inputs (info, MLS_SOLVER_INPUT_HARDWARE);
  mls_solver_info_add_wall (info, WALL_CAPITAL);
  mls_solver_info_add_requirement (info, "sustainability.total_energy");

  /* Defaults of 0 mean "not given": the value then comes from the grid or the registry, which
   * the solver reads in prepare(); a form that always passes the declared defaults gets the
   * same answer as one that passes nothing. */
  mls_solver_info_add_parameter (info, SOLVER_ID ".kwh_price", _("Electricity price"),
                                 "USD/kWh", 0, 0, G_MAXDOUBLE,
                                 _("Price of grid energy; 0 uses the grid's tariff, else the "
                                   "registry's electricity_price"));
  mls_solver_info_add_parameter (info, SOLVER_ID ".infrastructure_multiplier",
                                 _("Infrastructure multiplier"), "", 0, 0, G_MAXDOUBLE,
                                 _("CapEx over accelerator cost (1 counts accelerators only, "
                                   "2–2.5 a full datacenter); 0 uses the registry's value"));
  mls_solver_info_add_parameter (info, SOLVER_ID ".amortization_period",
                                 _("Amortisation period"), "year", 0, 0, G_MAXDOUBLE,
                                 _("Years over which the hardware is depreciated; 0 uses the "
                                   "registry's amortization_period"));

  mls_solver_info_add_metric (info, SOLVER_ID ".capex", _("CapEx"), "USD",
                              _("Purchase cost of the accelerators × infrastructure multiplier"));
  mls_solver_info_add_metric (info, SOLVER_ID ".capex_period", _("CapEx for the period"), "USD",
                              _("CapEx depreciated over the amortisation period, prorated to "
                                "the period"));
  mls_solver_info_add_metric (info, SOLVER_ID ".opex_energy", _("Energy cost"), "USD",
                              _("Facility energy × electricity price"));
  mls_solver_info_add_metric (info, SOLVER_ID ".opex_maintenance", _("Maintenance"), "USD",
                              _("CapEx × yearly maintenance ratio, prorated to the period"));
  mls_solver_info_add_metric (info, SOLVER_ID ".opex_total", _("OpEx"), "USD",
                              _("Energy cost + maintenance"));
  mls_solver_info_add_metric (info, SOLVER_ID ".tco", _("TCO"), "USD",
                              _("Total cost of ownership for the period: CapEx + OpEx"));
  mls_solver_info_add_metric (info, SOLVER_ID ".kwh_price", _("Electricity price"), "USD/kWh",
                              _("The electricity price used"));
  mls_solver_info_add_metric (info, SOLVER_ID ".cost_per_mtoken", _("Cost per million tokens"),
                              "USD/Mtoken",
                              _("TCO over the tokens served in the period, when the serving "
                                "solver ran first (every accelerator serving at its rate)"));
  mls_solver_info_add_metric (info, SOLVER_ID ".cost_per_msample",
                              _("Cost per million samples"), "USD/Msample",
                              _("TCO over the samples processed in the period, when the "
                                "roofline solver ran first (every accelerator at its rate)"));
  return info;
}

static gboolean
get_number_constant (MlsRegistry *registry,
                     const char  *key,
                     double      *out,
                     GError     **error)
{
  MlsQuantity q;

  if (!mls_registry_get_constant (registry, key, &q, error))
    return FALSE;
  if (!mls_quantity_is_dimensionless (&q))
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                   _("Registry constant %s must be a plain number"), key);
      return FALSE;
    }
  *out = q.value;
  return TRUE;
}

static gboolean
get_constant (MlsRegistry *registry,
              const char  *key,
              const char  *unit,
              MlsQuantity *out,
              GError     **error)
{
  return mls_registry_get_constant (registry, key, out, error) &&
         mls_quantity_check_dimension (out, unit, key, error);
}

static gboolean
mls_economics_solver_prepare (MlsSolver   *solver,
                              MlsRegistry *registry,
                              GError     **error)
{
  MlsEconomicsSolver *self = MLS_ECONOMICS_SOLVER (solver);
  const char *region_key;
  MlsEntry *grid;

  if (!get_constant (registry, "electricity_price", "USD/kWh", &self->electricity_price,
                     error) ||
      !get_constant (registry, "amortization_period", "year", &self->amortization_period,
                     error) ||
      !get_constant (registry, "accounting_year", "d", &self->accounting_year, error) ||
      !get_number_constant (registry, "maintenance_ratio", &self->maintenance_ratio, error) ||
      !get_number_constant (registry, "infrastructure_multiplier",
                            &self->infrastructure_multiplier, error))
    return FALSE;

  region_key = mls_registry_get_constant_string (registry, "default_region");
  if (region_key == NULL)
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                   _("Registry constant default_region (a grid key) is missing"));
      return FALSE;
    }
  grid = mls_registry_lookup (registry, "grids", region_key, error);
  if (grid == NULL)
    return FALSE;
  if (!MLS_IS_GRID_PROFILE (grid))
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                   _("Registry constant default_region names “%s”, which is not a grid"),
                   region_key);
      return FALSE;
    }
  g_set_object (&self->default_grid, MLS_GRID_PROFILE (grid));
  self->prepared = TRUE;
  return TRUE;
}

/* The grid whose tariff applies, in the sustainability solver's order: the scenario's grid,
 * else the fleet's datacenter's grid, else the fleet's region, else the default region. */
static MlsGridProfile *
resolve_grid (MlsEconomicsSolver *self,
              MlsScenario        *scenario)
{
  MlsFleet *fleet = mls_scenario_get_fleet (scenario);

  if (mls_scenario_get_grid (scenario) != NULL)
    return mls_scenario_get_grid (scenario);
  if (fleet != NULL)
    {
      MlsEntry *dc = mls_fleet_get_datacenter (fleet);
      MlsEntry *region = mls_fleet_get_region (fleet);

      MlsEntry *dc_grid = MLS_IS_DATACENTER (dc) ? mls_datacenter_get_grid (MLS_DATACENTER (dc))
                                                 : NULL;

      if (MLS_IS_GRID_PROFILE (dc_grid))
        return MLS_GRID_PROFILE (dc_grid);
      if (MLS_IS_GRID_PROFILE (region))
        return MLS_GRID_PROFILE (region);
    }
  return self->default_grid;
}

/* A parameter that is set and positive, of @unit's dimension (or a plain number when @unit is
 * %NULL). *out_given is FALSE when it is unset or 0, which means "use the default". */
static gboolean
get_positive_parameter (MlsScenario *scenario,
                        const char  *id,
                        const char  *unit,
                        MlsQuantity *out,
                        gboolean    *out_given,
                        GError     **error)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  *out_given = FALSE;
  if (!mls_scenario_get_parameter (scenario, id, out) || out->value == 0)
    return TRUE;

  if (unit == NULL && !mls_quantity_is_dimensionless (out))
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                   _("%s must be a plain number"), id);
      return FALSE;
    }
  if (unit != NULL)
    {
      g_autoptr(GError) local = NULL;

      if (!mls_quantity_check_dimension (out, unit, id, &local))
        {
          g_set_error_literal (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                               local->message);
          return FALSE;
        }
    }
  if (!(out->value > 0))
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                   _("%s must be greater than zero (or 0 for the default); got %s"), id,
                   g_ascii_formatd (buf, sizeof buf, "%g", out->value));
      return FALSE;
    }
  *out_given = TRUE;
  return TRUE;
}

/* Cost per million items when a solver that ran first left a rate in the ledger. */
static gboolean
set_unit_cost (MlsLedger         *ledger,
               GQuark             rate_metric,
               GQuark             cost_metric,
               const MlsQuantity *tco,
               guint              n_replicas,
               const MlsQuantity *duration,
               GError           **error)
{
  MlsQuantity rate, cost;

  if (!mls_ledger_get_quark (ledger, rate_metric, &rate) || !(rate.value > 0))
    return TRUE;
  if (!mls_calc_cost_per_unit (tco, &rate, n_replicas, duration, &cost, error))
    return FALSE;
  mls_ledger_set_quark (ledger, cost_metric, &cost);
  return TRUE;
}

static gboolean
mls_economics_solver_solve (MlsSolver   *solver,
                            MlsScenario *scenario,
                            MlsLedger   *ledger,
                            GError     **error)
{
  MlsEconomicsSolver *self = MLS_ECONOMICS_SOLVER (solver);
  MlsHardwareNode *hw = mls_scenario_get_hardware (scenario);
  MlsFleet *fleet = mls_scenario_get_fleet (scenario);
  gboolean explain = mls_ledger_get_explain (ledger);
  MlsGridProfile *grid;
  MlsQuantity energy, price, duration, capex, capex_period, maintenance, opex_energy;
  MlsQuantity opex_total, tco, multiplier_q, amortization;
  const MlsQuantity *unit_cost;
  const char *price_source;
  gboolean given;
  double multiplier, amortization_years;
  guint n;

  if (!self->prepared)
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                   _("The economics solver was not prepared with a registry"));
      return FALSE;
    }
  if (hw == NULL)
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                   _("Economics needs hardware or a fleet in the scenario"));
      return FALSE;
    }
  if (!mls_ledger_get_quark (ledger, q_total_energy, &energy))
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_FAILED,
                   _("Economics needs sustainability.total_energy: run the sustainability "
                     "solver in the same evaluation"));
      return FALSE;
    }

  /* The fleet's accelerator entries, or the scenario's one hardware entry: an entry's unit
   * cost already covers all its chips (an NVL72 rack is priced as a rack). */
  n = fleet != NULL ? mls_fleet_get_total_accelerators (fleet) : 1;

  /* Electricity price: the plan's, else the grid's tariff, else the registry's. */
  grid = resolve_grid (self, scenario);
  if (!get_positive_parameter (scenario, SOLVER_ID ".kwh_price", "USD/kWh", &price, &given,
                               error))
    return FALSE;
  price_source = N_("economics.kwh_price");
  if (!given)
    {
      const MlsQuantity *tariff = mls_grid_profile_get_electricity_price (grid);

      if (tariff->value > 0)
        {
          price = *tariff;
          price_source = N_("the grid’s tariff");
        }
      else
        {
          price = self->electricity_price;
          price_source = N_("the registry’s electricity_price");
        }
    }

  if (!get_positive_parameter (scenario, SOLVER_ID ".infrastructure_multiplier", NULL,
                               &multiplier_q, &given, error))
    return FALSE;
  multiplier = given ? multiplier_q.value : self->infrastructure_multiplier;

  if (!get_positive_parameter (scenario, SOLVER_ID ".amortization_period", "year",
                               &amortization, &given, error))
    return FALSE;
  if (!mls_quantity_convert (given ? &amortization : &self->amortization_period, "year",
                             &amortization_years, error))
    return FALSE;

  if (!mls_quantity_from_unit (mls_scenario_get_knob (scenario, MLS_KNOB_DURATION_DAYS), "d",
                               &duration, error))
    return FALSE;

  /* An accelerator without a price in the registry costs nothing here, as in the reference:
   * the TCO is then the energy and nothing else. */
  unit_cost = mls_hardware_node_get_unit_cost (hw);

  if (!mls_calc_capex (unit_cost, n, multiplier, &capex, error) ||
      !mls_calc_amortized_capex (&capex, amortization_years, &duration, &self->accounting_year,
                                 &capex_period, error) ||
      !mls_calc_maintenance_cost (&capex, self->maintenance_ratio, &duration,
                                  &self->accounting_year, &maintenance, error) ||
      !mls_calc_energy_cost (&energy, &price, &opex_energy, error) ||
      !mls_quantity_add (&opex_energy, &maintenance, &opex_total, error) ||
      !mls_quantity_add (&capex_period, &opex_total, &tco, error))
    return FALSE;

  mls_ledger_set_quark (ledger, q_capex, &capex);
  mls_ledger_set_quark (ledger, q_capex_period, &capex_period);
  mls_ledger_set_quark (ledger, q_opex_energy, &opex_energy);
  mls_ledger_set_quark (ledger, q_opex_maintenance, &maintenance);
  mls_ledger_set_quark (ledger, q_opex_total, &opex_total);
  mls_ledger_set_quark (ledger, q_tco, &tco);
  mls_ledger_set_quark (ledger, q_kwh_price, &price);

  if (!set_unit_cost (ledger, q_serving_tokens_per_sec, q_cost_per_mtoken, &tco, n, &duration,
                      error) ||
      !set_unit_cost (ledger, q_roofline_throughput, q_cost_per_msample, &tco, n, &duration,
                      error))
    return FALSE;

  {
    int order = 0;

    mls_quantity_compare (&capex_period, &opex_total, &order, NULL);
    mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK,
                           order > 0 ? _("Capital-dominated") : _("Operations-dominated"));
  }

  if (explain)
    {
      g_autofree char *cost_s = mls_quantity_format (unit_cost, EXPLAIN_DIGITS);
      g_autofree char *capex_s = mls_quantity_format (&capex, EXPLAIN_DIGITS);
      g_autofree char *period_s = mls_quantity_format (&capex_period, EXPLAIN_DIGITS);
      g_autofree char *energy_s = mls_quantity_format_in (&energy, "kWh", EXPLAIN_DIGITS, NULL);
      g_autofree char *price_s = mls_quantity_format_in (&price, "USD/kWh", EXPLAIN_DIGITS, NULL);
      g_autofree char *opex_s = mls_quantity_format (&opex_energy, EXPLAIN_DIGITS);
      g_autofree char *maint_s = mls_quantity_format (&maintenance, EXPLAIN_DIGITS);
      g_autofree char *tco_s = mls_quantity_format (&tco, EXPLAIN_DIGITS);
      double days = mls_scenario_get_knob (scenario, MLS_KNOB_DURATION_DAYS);
      double year_days = 0;

      mls_quantity_convert (&self->accounting_year, "d", &year_days, NULL);
      if (unit_cost->value <= 0)
        mls_ledger_explain (ledger, SOLVER_ID,
                            _("%s has no unit cost in the registry: CapEx and maintenance "
                              "count as 0, so the TCO is the energy alone"),
                            mls_entry_get_name (MLS_ENTRY (hw)));
      mls_ledger_explain (ledger, SOLVER_ID, _("CapEx: %s × %u × %g = %s"), cost_s, n,
                          multiplier, capex_s);
      mls_ledger_explain (ledger, SOLVER_ID, _("CapEx for %g days: %s / %g years × %g / %g = %s"),
                          days, capex_s, amortization_years, days, year_days, period_s);
      mls_ledger_explain (ledger, SOLVER_ID, _("Energy: %s × %s (%s) = %s"), energy_s, price_s,
                          _(price_source), opex_s);
      mls_ledger_explain (ledger, SOLVER_ID, _("Maintenance: %s × %g × %g / %g = %s"), capex_s,
                          self->maintenance_ratio, days, year_days, maint_s);
      mls_ledger_explain (ledger, SOLVER_ID, _("TCO: %s"), tco_s);
    }
  return TRUE;
}

static void
mls_economics_solver_finalize (GObject *object)
{
  MlsEconomicsSolver *self = MLS_ECONOMICS_SOLVER (object);

  g_clear_object (&self->default_grid);
  G_OBJECT_CLASS (mls_economics_solver_parent_class)->finalize (object);
}

static void
solver_iface_init (MlsSolverInterface *iface)
{
  iface->describe = mls_economics_solver_describe;
  iface->prepare = mls_economics_solver_prepare;
  iface->solve = mls_economics_solver_solve;
}

static void
mls_economics_solver_class_init (MlsEconomicsSolverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mls_economics_solver_finalize;

  q_total_energy = g_quark_from_static_string ("sustainability.total_energy");
  q_roofline_throughput = g_quark_from_static_string ("roofline.throughput");
  q_serving_tokens_per_sec = g_quark_from_static_string ("serving.tokens_per_sec");
  q_capex = g_quark_from_static_string (SOLVER_ID ".capex");
  q_capex_period = g_quark_from_static_string (SOLVER_ID ".capex_period");
  q_opex_energy = g_quark_from_static_string (SOLVER_ID ".opex_energy");
  q_opex_maintenance = g_quark_from_static_string (SOLVER_ID ".opex_maintenance");
  q_opex_total = g_quark_from_static_string (SOLVER_ID ".opex_total");
  q_tco = g_quark_from_static_string (SOLVER_ID ".tco");
  q_kwh_price = g_quark_from_static_string (SOLVER_ID ".kwh_price");
  q_cost_per_mtoken = g_quark_from_static_string (SOLVER_ID ".cost_per_mtoken");
  q_cost_per_msample = g_quark_from_static_string (SOLVER_ID ".cost_per_msample");
}

static void
mls_economics_solver_class_finalize (MlsEconomicsSolverClass *klass)
{
}

static void
mls_economics_solver_init (MlsEconomicsSolver *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  mls_economics_solver_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MLS_TYPE_SOLVER, MLS_TYPE_ECONOMICS_SOLVER);
}
