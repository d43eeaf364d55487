/* mls-sustainability-solver.c — wall 18: energy, carbon and water of a fleet over a period
 *
 * The MLSys·im SustainabilityModel (inventory §9.17). Each accelerator draws
 * TDP·(idle + dynamic·MFU); the IT energy over the period, times the facility's PUE, is what
 * the grid supplies; that energy times the grid's carbon intensity is the operational carbon,
 * and times the site's water usage effectiveness the water. Embodied carbon is added per device.
 *
 * MFU defaults to 1, the reference's upper bound, and comes only from the parameter
 * `sustainability.mfu`: a roofline MFU measured in the same evaluation is used only when
 * `sustainability.use_roofline_mfu` asks for it, so the reference numbers stay put.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#include <mlsysim.h>

#define SOLVER_ID "sustainability"

/* Wall 18, Sustainability (registry/walls.yaml). */
#define WALL_SUSTAINABILITY 18

/* Significant digits of the numbers in explanations. */
#define EXPLAIN_DIGITS 6

#define MLS_TYPE_SUSTAINABILITY_SOLVER (mls_sustainability_solver_get_type ())
G_DECLARE_FINAL_TYPE (MlsSustainabilitySolver, mls_sustainability_solver, MLS,
                      SUSTAINABILITY_SOLVER, GObject)

struct _MlsSustainabilitySolver
{
  GObject         parent_instance;

  /* Registry constants, read once by prepare(). */
  gboolean        prepared;
  MlsQuantity     default_tdp;
  double          idle_fraction;
  double          dynamic_fraction;
  double          default_pue;
  MlsGridProfile *default_grid;
};

static void solver_iface_init (MlsSolverInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (MlsSustainabilitySolver, mls_sustainability_solver,
                                G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (MLS_TYPE_SOLVER, solver_iface_init))

static GQuark q_it_energy;
static GQuark q_total_energy;
static GQuark q_carbon;
static GQuark q_operational_carbon;
static GQuark q_embodied_carbon;
static GQuark q_water;
static GQuark q_pue;
static GQuark q_region;
static GQuark q_roofline_mfu;

static MlsSolverInfo *
mls_sustainability_solver_describe (MlsSolver *solver)
{
  MlsSolverInfo *info;

  info = mls_solver_info_new (SOLVER_ID, _("Sustainability"),
                              _("Energy, carbon and water of the system over the period: IT "
                                "energy, facility energy (PUE), operational and embodied "
                                "carbon, per region"),
                              MLS_SOLVER_KIND_MODEL);
  mls_solver_info_set_inputs (info, MLS_SOLVER_INPUT_HARDWARE);
  mls_solver_info_add_wall (info, WALL_SUSTAINABILITY);

  /* MFU 1 is the reference's default: every accelerator at full TDP, an upper bound. */
  mls_solver_info_add_parameter (info, SOLVER_ID ".mfu", _("MFU"), "", 1, 0, 1,
                                 _("Model FLOPs utilisation of every accelerator over the "
                                   "period; 1 draws full TDP (the reference's upper bound)"));
  mls_solver_info_add_parameter (info, SOLVER_ID ".use_roofline_mfu", _("Use roofline MFU"), "",
                                 0, 0, 1,
                                 _("1 takes the MFU from roofline.mfu when the roofline solver "
                                   "ran first in the same evaluation; 0 keeps sustainability.mfu"));
  mls_solver_info_add_parameter (info, SOLVER_ID ".embodied_carbon_per_device",
                                 _("Embodied carbon per device"), "kg", 0, 0, G_MAXDOUBLE,
                                 _("Manufacturing emissions counted per accelerator (the "
                                   "reference counts none unless given)"));

  mls_solver_info_add_metric (info, SOLVER_ID ".it_energy", _("IT energy"), "kWh",
                              _("Energy drawn by the accelerators over the period"));
  mls_solver_info_add_metric (info, SOLVER_ID ".total_energy", _("Facility energy"), "kWh",
                              _("Energy drawn from the grid: IT energy × PUE"));
  mls_solver_info_add_metric (info, SOLVER_ID ".carbon", _("Carbon footprint"), "kg",
                              _("Operational plus embodied carbon, CO₂-equivalent"));
  mls_solver_info_add_metric (info, SOLVER_ID ".operational_carbon", _("Operational carbon"),
                              "kg", _("Facility energy × the grid's carbon intensity"));
  mls_solver_info_add_metric (info, SOLVER_ID ".embodied_carbon", _("Embodied carbon"), "kg",
                              _("Manufacturing emissions of the accelerators"));
  mls_solver_info_add_metric (info, SOLVER_ID ".water", _("Water"), "L",
                              _("Cooling water: facility energy × WUE"));
  mls_solver_info_add_metric (info, SOLVER_ID ".pue", _("PUE"), "",
                              _("Power usage effectiveness of the facility"));
  mls_solver_info_add_metric (info, SOLVER_ID ".region", _("Region"), "text",
                              _("The grid the facility draws from"));
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
mls_sustainability_solver_prepare (MlsSolver   *solver,
                                   MlsRegistry *registry,
                                   GError     **error)
{
  MlsSustainabilitySolver *self = MLS_SUSTAINABILITY_SOLVER (solver);
  const char *region_key;
  MlsEntry *grid;

  if (!mls_registry_get_constant (registry, "default_tdp", &self->default_tdp, error) ||
      !mls_quantity_check_dimension (&self->default_tdp, "W", "default_tdp", error) ||
      !get_number_constant (registry, "energy_idle_fraction", &self->idle_fraction, error) ||
      !get_number_constant (registry, "energy_dynamic_fraction", &self->dynamic_fraction, error) ||
      !get_number_constant (registry, "default_pue", &self->default_pue, error))
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

/* Where the power comes from, in the reference's order: the scenario's grid (which brings its
 * own PUE), else the fleet's datacenter, else the fleet's region, else the registry's default
 * region with the default PUE. */
typedef struct
{
  MlsGridProfile    *grid;
  double             pue;
  const MlsQuantity *wue;
  MlsQuantity        wue_storage;
  const char        *pue_source;
} Site;

static void
resolve_site (MlsSustainabilitySolver *self,
              MlsScenario             *scenario,
              Site                    *site)
{
  MlsFleet *fleet = mls_scenario_get_fleet (scenario);
  MlsEntry *dc = fleet != NULL ? mls_fleet_get_datacenter (fleet) : NULL;
  MlsEntry *region = fleet != NULL ? mls_fleet_get_region (fleet) : NULL;

  site->grid = mls_scenario_get_grid (scenario);
  site->pue = 0;
  site->wue = NULL;

  if (site->grid != NULL)
    {
      site->pue = mls_grid_profile_get_pue (site->grid);
      site->pue_source = N_("scenario’s grid");
    }
  else if (MLS_IS_DATACENTER (dc))
    {
      MlsEntry *dc_grid = mls_datacenter_get_grid (MLS_DATACENTER (dc));

      site->pue = mls_datacenter_get_pue (MLS_DATACENTER (dc));
      site->pue_source = N_("fleet’s datacenter");
      if (MLS_IS_GRID_PROFILE (dc_grid))
        site->grid = MLS_GRID_PROFILE (dc_grid);
      else if (mls_entry_get_quantity (dc, "wue", &site->wue_storage, NULL))
        site->wue = &site->wue_storage;
    }
  else if (MLS_IS_GRID_PROFILE (region))
    {
      site->grid = MLS_GRID_PROFILE (region);
      site->pue = mls_grid_profile_get_pue (site->grid);
      site->pue_source = N_("fleet’s region");
    }

  if (site->grid == NULL)
    site->grid = self->default_grid;
  if (site->pue <= 0)
    {
      site->pue = self->default_pue;
      site->pue_source = N_("registry’s default_pue");
    }
  if (site->wue == NULL)
    site->wue = mls_grid_profile_get_wue (site->grid);
}

static gboolean
invalid_parameter (GError    **error,
                   const char *id,
                   const char *expected,
                   double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
               _("%s must be %s; got %s"), id, expected,
               g_ascii_formatd (buf, sizeof buf, "%g", value));
  return FALSE;
}

/* The MFU to evaluate the power model at, and whether it was asked to come, and came, from
 * the roofline solver. */
static gboolean
resolve_mfu (MlsScenario *scenario,
             MlsLedger   *ledger,
             double      *out_mfu,
             gboolean    *out_wanted_roofline,
             gboolean    *out_from_roofline,
             GError     **error)
{
  MlsQuantity q;

  *out_mfu = 1;
  *out_wanted_roofline = FALSE;
  *out_from_roofline = FALSE;

  if (mls_scenario_get_parameter (scenario, SOLVER_ID ".mfu", &q))
    {
      if (!mls_quantity_is_dimensionless (&q) || !(q.value >= 0 && q.value <= 1))
        return invalid_parameter (error, SOLVER_ID ".mfu", _("a fraction between 0 and 1"),
                                  q.value);
      *out_mfu = q.value;
    }

  if (mls_scenario_get_parameter (scenario, SOLVER_ID ".use_roofline_mfu", &q) && q.value != 0)
    {
      MlsQuantity measured;

      *out_wanted_roofline = TRUE;
      if (mls_ledger_get_quark (ledger, q_roofline_mfu, &measured) &&
          measured.value >= 0 && measured.value <= 1)
        {
          *out_mfu = measured.value;
          *out_from_roofline = TRUE;
        }
    }
  return TRUE;
}

static gboolean
mls_sustainability_solver_solve (MlsSolver   *solver,
                                 MlsScenario *scenario,
                                 MlsLedger   *ledger,
                                 GError     **error)
{
  MlsSustainabilitySolver *self = MLS_SUSTAINABILITY_SOLVER (solver);
  MlsHardwareNode *hw = mls_scenario_get_hardware (scenario);
  MlsFleet *fleet = mls_scenario_get_fleet (scenario);
  gboolean explain = mls_ledger_get_explain (ledger);
  const MlsQuantity *tdp;
  MlsQuantity duration, it_energy, facility, operational, embodied, carbon, water, per_device, pue;
  gboolean wanted_roofline, from_roofline;
  double mfu;
  guint n;
  Site site;

  if (!self->prepared)
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                   _("The sustainability solver was not prepared with a registry"));
      return FALSE;
    }
  if (hw == NULL)
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                   _("Sustainability needs hardware or a fleet in the scenario"));
      return FALSE;
    }

  /* A fleet powers each of its accelerator entries; a scenario without a fleet powers its one
   * hardware entry. An entry's TDP already covers all its chips (an NVL72 rack's 120 kW is for
   * its 72 GPUs), so its accelerator_count does not multiply the power. */
  n = fleet != NULL ? mls_fleet_get_total_accelerators (fleet) : 1;

  tdp = mls_hardware_node_get_tdp (hw);
  if (tdp->value <= 0)
    {
      tdp = &self->default_tdp;
      if (explain)
        mls_ledger_explain (ledger, SOLVER_ID,
                            _("%s gives no TDP: assuming the registry's default_tdp"),
                            mls_entry_get_name (MLS_ENTRY (hw)));
    }

  if (!resolve_mfu (scenario, ledger, &mfu, &wanted_roofline, &from_roofline, error))
    return FALSE;

  if (!mls_scenario_get_parameter (scenario, SOLVER_ID ".embodied_carbon_per_device",
                                   &per_device))
    mls_quantity_from_unit (0, "kg", &per_device, NULL);
  else if (!mls_quantity_check_dimension (&per_device, "kg",
                                          SOLVER_ID ".embodied_carbon_per_device", error))
    return FALSE;

  if (!mls_quantity_from_unit (mls_scenario_get_knob (scenario, MLS_KNOB_DURATION_DAYS), "d",
                               &duration, error))
    return FALSE;

  resolve_site (self, scenario, &site);

  if (!mls_calc_it_energy (tdp, self->idle_fraction, self->dynamic_fraction, mfu, n, &duration,
                           &it_energy, error) ||
      !mls_calc_facility_energy (&it_energy, site.pue, &facility, error) ||
      !mls_calc_operational_carbon (&facility, mls_grid_profile_get_carbon_intensity (site.grid),
                                    &operational, error) ||
      !mls_calc_water_usage (&facility, site.wue, &water, error) ||
      !mls_calc_embodied_carbon (&per_device, n, &embodied, error) ||
      !mls_quantity_add (&operational, &embodied, &carbon, error))
    return FALSE;

  mls_ledger_set_quark (ledger, q_it_energy, &it_energy);
  mls_ledger_set_quark (ledger, q_total_energy, &facility);
  mls_ledger_set_quark (ledger, q_carbon, &carbon);
  mls_ledger_set_quark (ledger, q_operational_carbon, &operational);
  mls_ledger_set_quark (ledger, q_embodied_carbon, &embodied);
  mls_ledger_set_quark (ledger, q_water, &water);
  pue = mls_quantity_scalar (site.pue);
  mls_ledger_set_quark (ledger, q_pue, &pue);
  mls_ledger_set_text_quark (ledger, q_region,
                             g_intern_string (mls_entry_get_name (MLS_ENTRY (site.grid))));
  mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK,
                         mls_entry_get_name (MLS_ENTRY (site.grid)));

  if (explain)
    {
      g_autofree char *tdp_s = mls_quantity_format (tdp, EXPLAIN_DIGITS);
      g_autofree char *it_s = mls_quantity_format_in (&it_energy, "kWh", EXPLAIN_DIGITS, NULL);
      g_autofree char *fac_s = mls_quantity_format_in (&facility, "kWh", EXPLAIN_DIGITS, NULL);
      g_autofree char *ci_s =
        mls_quantity_format_in (mls_grid_profile_get_carbon_intensity (site.grid), "g/kWh", EXPLAIN_DIGITS,
                                NULL);
      g_autofree char *op_s = mls_quantity_format_in (&operational, "kg", EXPLAIN_DIGITS, NULL);
      g_autofree char *wue_s = mls_quantity_format_in (site.wue, "L/kWh", EXPLAIN_DIGITS, NULL);
      g_autofree char *water_s = mls_quantity_format_in (&water, "L", EXPLAIN_DIGITS, NULL);

      mls_ledger_explain (ledger, SOLVER_ID,
                          _("IT energy: %u × %s × (%g + %g × MFU %g) × %g days = %s"),
                          n, tdp_s, self->idle_fraction, self->dynamic_fraction, mfu,
                          mls_scenario_get_knob (scenario, MLS_KNOB_DURATION_DAYS), it_s);
      if (from_roofline)
        mls_ledger_explain (ledger, SOLVER_ID, _("MFU taken from roofline.mfu, as asked"));
      else if (wanted_roofline)
        mls_ledger_explain (ledger, SOLVER_ID,
                            _("roofline.mfu is not in this evaluation: using sustainability.mfu"));
      mls_ledger_explain (ledger, SOLVER_ID, _("Facility energy: × PUE %g (from the %s) = %s"),
                          site.pue, _(site.pue_source), fac_s);
      mls_ledger_explain (ledger, SOLVER_ID, _("Operational carbon: × %s (%s) = %s"), ci_s,
                          mls_entry_get_name (MLS_ENTRY (site.grid)), op_s);
      mls_ledger_explain (ledger, SOLVER_ID, _("Water: × WUE %s = %s"), wue_s, water_s);
      if (per_device.value == 0)
        {
          const MlsQuantity *datasheet = mls_hardware_node_get_embodied_carbon (hw);

          if (datasheet->value > 0)
            {
              g_autofree char *ds = mls_quantity_format (datasheet, EXPLAIN_DIGITS);
              mls_ledger_explain (ledger, SOLVER_ID,
                                  _("Embodied carbon not counted; %s lists %s per device "
                                    "(set sustainability.embodied_carbon_per_device)"),
                                  mls_entry_get_name (MLS_ENTRY (hw)), ds);
            }
        }
    }
  return TRUE;
}

static void
mls_sustainability_solver_finalize (GObject *object)
{
  MlsSustainabilitySolver *self = MLS_SUSTAINABILITY_SOLVER (object);

  g_clear_object (&self->default_grid);
  G_OBJECT_CLASS (mls_sustainability_solver_parent_class)->finalize (object);
}

static void
solver_iface_init (MlsSolverInterface *iface)
{
  iface->describe = mls_sustainability_solver_describe;
  iface->prepare = mls_sustainability_solver_prepare;
  iface->solve = mls_sustainability_solver_solve;
}

static void
mls_sustainability_solver_class_init (MlsSustainabilitySolverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mls_sustainability_solver_finalize;

  q_it_energy = g_quark_from_static_string (SOLVER_ID ".it_energy");
  q_total_energy = g_quark_from_static_string (SOLVER_ID ".total_energy");
  q_carbon = g_quark_from_static_string (SOLVER_ID ".carbon");
  q_operational_carbon = g_quark_from_static_string (SOLVER_ID ".operational_carbon");
  q_embodied_carbon = g_quark_from_static_string (SOLVER_ID ".embodied_carbon");
  q_water = g_quark_from_static_string (SOLVER_ID ".water");
  q_pue = g_quark_from_static_string (SOLVER_ID ".pue");
  q_region = g_quark_from_static_string (SOLVER_ID ".region");
  q_roofline_mfu = g_quark_from_static_string ("roofline.mfu");
}

static void
mls_sustainability_solver_class_finalize (MlsSustainabilitySolverClass *klass)
{
}

static void
mls_sustainability_solver_init (MlsSustainabilitySolver *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  mls_sustainability_solver_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MLS_TYPE_SOLVER,
                                              MLS_TYPE_SUSTAINABILITY_SOLVER);
}
