/* mls-system-ledger.c — a persona's four-axis ledger: performance, sustainability, economics,
 * reliability
 *
 * The reference's ResourceSimulation(scenario, persona).evaluate(choice) (inventory §15):
 * the single-accelerator performance of the scenario, scaled to the scenario's fleet or, for a
 * single device, to a fleet of one-accelerator nodes as many as the persona's scale factor,
 * then energy, carbon, cost and failures of that fleet over the period in the chosen region.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "mlsysim.h"
#include "mls-json-private.h"
#include "mls-network-fabric.h"
#include "mls-node.h"

G_DEFINE_BOXED_TYPE (MlsSystemLedger, mls_system_ledger, mls_system_ledger_copy,
                     mls_system_ledger_free)

/**
 * mls_system_ledger_copy:
 * @self: a #MlsSystemLedger
 *
 * Returns: (transfer full): a copy
 */
MlsSystemLedger *
mls_system_ledger_copy (const MlsSystemLedger *self)
{
  MlsSystemLedger *copy = g_memdup2 (self, sizeof *self);

  copy->mission_name = g_strdup (self->mission_name);
  copy->track_name = g_strdup (self->track_name);
  copy->choice_summary = g_strdup (self->choice_summary);
  copy->bottleneck = g_strdup (self->bottleneck);
  return copy;
}

/**
 * mls_system_ledger_free:
 * @self: (transfer full): a #MlsSystemLedger
 */
void
mls_system_ledger_free (MlsSystemLedger *self)
{
  if (self == NULL)
    return;
  g_free (self->mission_name);
  g_free (self->track_name);
  g_free (self->choice_summary);
  g_free (self->bottleneck);
  g_free (self);
}

static gboolean
require (MlsLedger   *ledger,
         const char  *id,
         MlsQuantity *out,
         GError     **error)
{
  if (mls_ledger_get (ledger, id, out))
    return TRUE;
  g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_FAILED,
               _("The system ledger needs “%s”, which no solver produced"), id);
  return FALSE;
}

static gboolean
check_solvers (MlsLedger          *ledger,
               const char * const *ids,
               GError            **error)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *message = NULL;

      if (mls_ledger_get_status (ledger, ids[i], &message) != MLS_SOLVE_OK)
        {
          g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_FAILED,
                       _("Solver “%s” did not run: %s"), ids[i],
                       message ? message : _("no reason given"));
          return FALSE;
        }
    }
  return TRUE;
}

/* The fleet a single device stands for: scale one-accelerator nodes on a plain fabric, as
 * the reference's "SimFleet". */
static MlsFleet *
build_sim_fleet (MlsRegistry     *registry,
                 MlsHardwareNode *hardware,
                 guint            count,
                 MlsGridProfile  *region,
                 GError         **error)
{
  g_autoptr(MlsNode) node = NULL;
  g_autoptr(MlsNetworkFabric) own_fabric = NULL;
  MlsEntry *fabric;
  MlsQuantity intra, latency;

  if (!mls_registry_get_constant (registry, "default_fabric_bandwidth", &intra, error))
    return NULL;
  node = mls_node_new ("Standard", MLS_ENTRY (hardware), 1, &intra, error);
  if (node == NULL)
    return NULL;
  fabric = mls_registry_lookup (registry, "fabrics", "Ethernet_10G", NULL);
  if (fabric == NULL)
    {
      if (!mls_registry_get_constant (registry, "inter_node_latency", &latency, error))
        return NULL;
      own_fabric = mls_network_fabric_new ("Default Fabric", &intra, &latency, 1.0, error);
      if (own_fabric == NULL)
        return NULL;
      fabric = MLS_ENTRY (own_fabric);
    }
  return mls_fleet_new ("SimFleet", node, count, fabric, MLS_ENTRY (region), error);
}

/**
 * mls_system_ledger_compute:
 * @engine: (nullable): the engine; %NULL for the default one
 * @scenario: a scenario with a workload and a device or fleet
 * @persona: (nullable): a persona entry (mls_lighthouse_get_persona()); %NULL for the cloud one
 * @region: (nullable): the grid to run on; %NULL for the registry's default_region
 * @duration_days: the period in days; 0 for the registry's scenario_macro_duration
 * @error: return location for a #GError
 *
 * Runs the reference's resource simulation. Performance is the scenario's step on one
 * accelerator (inference, at the scenario's batch, precision and η), with throughput scaled
 * to the whole fleet. The fleet is the scenario's own, or as many one-accelerator nodes as
 * the persona's scale factor. Sustainability, economics and reliability then run on that fleet
 * in @region for @duration_days. Cost per million samples is the period's OpEx over the
 * samples the fleet serves in it.
 *
 * Returns: (transfer full) (nullable): the ledger, or %NULL with an error
 */
MlsSystemLedger *
mls_system_ledger_compute (MlsEngine      *engine,
                           MlsScenario    *scenario,
                           MlsEntry       *persona,
                           MlsGridProfile *region,
                           double          duration_days,
                           GError        **error)
{
  static const char * const perf_ids[] = { "roofline", NULL };
  static const char * const macro_ids[] = { "sustainability", "economics", "reliability", NULL };
  g_autoptr(MlsSystemLedger) self = g_new0 (MlsSystemLedger, 1);
  g_autoptr(MlsScenario) perf = NULL;
  g_autoptr(MlsScenario) sim = NULL;
  g_autoptr(MlsLedger) ledger = mls_ledger_new ();
  g_autoptr(MlsEnginePlan) plan = NULL;
  g_autoptr(MlsFleet) sim_fleet = NULL;
  MlsRegistry *registry;
  MlsHardwareNode *hardware;
  MlsFleet *fleet;
  MlsQuantity q, p_fail;
  double scale = 1, n_acc, per_accelerator_rate, samples;

  g_return_val_if_fail (MLS_IS_SCENARIO (scenario), NULL);

  if (engine == NULL)
    engine = mls_engine_get_default ();
  registry = mls_engine_get_registry (engine);
  if (registry == NULL)
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_FAILED,
                   _("The engine has no registry"));
      return NULL;
    }
  hardware = mls_scenario_get_hardware (scenario);
  if (mls_scenario_get_workload (scenario) == NULL || hardware == NULL)
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                   _("Scenario “%s” needs a workload and hardware"),
                   mls_scenario_get_name (scenario));
      return NULL;
    }
  if (persona == NULL)
    persona = mls_lighthouse_get_persona (registry, NULL);
  if (persona != NULL && !mls_entry_get_number (persona, "scale_factor", &scale, NULL))
    scale = 1;
  if (!(scale >= 1) || scale > G_MAXUINT)
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                   _("Persona “%s” has a scale factor of %g; it must be a count of at least 1"),
                   persona ? mls_entry_get_key (persona) : "", scale);
      return NULL;
    }
  if (region == NULL)
    {
      const char *key = mls_registry_get_constant_string (registry, "default_region");
      MlsEntry *grid = key ? mls_registry_lookup (registry, "grids", key, error) : NULL;

      if (!MLS_IS_GRID_PROFILE (grid))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_FAILED,
                         _("The registry's default_region is not a grid"));
          return NULL;
        }
      region = MLS_GRID_PROFILE (grid);
    }
  if (duration_days <= 0)
    {
      if (!mls_registry_get_constant (registry, "scenario_macro_duration", &q, error) ||
          !mls_quantity_convert (&q, "d", &duration_days, error))
        return NULL;
    }

  /* 1. One accelerator, inference, at the scenario's knobs. */
  perf = mls_scenario_copy (scenario);
  mls_scenario_set_fleet (perf, NULL);
  mls_scenario_set_training (perf, FALSE);
  if (!mls_engine_solve (engine, perf_ids, perf, ledger, error) ||
      !check_solvers (ledger, perf_ids, error))
    return NULL;
  if (!require (ledger, "roofline.latency", &self->latency, error) ||
      !require (ledger, "roofline.throughput", &self->throughput, error))
    return NULL;
  self->mfu = mls_ledger_get (ledger, "roofline.mfu", &q) ? q.value : 0;
  self->hfu = mls_ledger_get (ledger, "roofline.hfu", &q) ? q.value : self->mfu;
  self->bottleneck = g_strdup (mls_ledger_get_text (ledger, "roofline.bottleneck"));
  per_accelerator_rate = self->throughput.value;

  /* 2. The fleet, the region and the period. */
  fleet = mls_scenario_get_fleet (scenario);
  if (fleet == NULL)
    {
      sim_fleet = build_sim_fleet (registry, hardware, (guint) scale, region, error);
      if (sim_fleet == NULL)
        return NULL;
      fleet = sim_fleet;
    }
  n_acc = mls_fleet_get_total_accelerators (fleet);
  sim = mls_scenario_copy (scenario);
  mls_scenario_set_fleet (sim, fleet);
  mls_scenario_set_grid (sim, region);
  mls_scenario_set_operations (sim, TRUE);
  if (!mls_scenario_set_knob (sim, MLS_KNOB_DURATION_DAYS, duration_days, error))
    return NULL;

  /* 3. Energy and carbon, cost, failures. */
  plan = mls_engine_plan (engine, macro_ids, error);
  if (plan == NULL)
    return NULL;
  mls_engine_plan_run (plan, sim, ledger);
  if (!check_solvers (ledger, macro_ids, error) ||
      !require (ledger, "sustainability.total_energy", &self->energy, error) ||
      !require (ledger, "sustainability.carbon", &self->carbon, error) ||
      !require (ledger, "sustainability.water", &self->water, error) ||
      !require (ledger, "economics.capex", &self->capex, error) ||
      !require (ledger, "economics.opex_total", &self->opex, error) ||
      !require (ledger, "economics.tco", &self->tco, error) ||
      !require (ledger, "reliability.fleet_mtbf", &self->mttf, error) ||
      !require (ledger, "reliability.failure_probability", &p_fail, error) ||
      !mls_registry_get_constant (registry, "ledger_recovery_time", &self->recovery_time, error))
    return NULL;
  self->pue = mls_ledger_get (ledger, "sustainability.pue", &q) ? q.value : 1;
  self->goodput = 1.0 - p_fail.value;

  self->throughput.value = per_accelerator_rate * n_acc;
  /* OpEx over the samples the fleet serves in the period, per million. */
  if (!mls_quantity_from_unit (duration_days, "d", &q, error))
    return NULL;
  samples = per_accelerator_rate * q.value * n_acc;
  self->cost_per_million = self->opex;
  self->cost_per_million.value = samples > 0 ? self->opex.value / samples * 1e6 : NAN;

  self->mission_name = g_strdup (mls_scenario_get_name (scenario));
  self->track_name = g_strdup (persona ? mls_entry_get_name (persona) : "");
  self->choice_summary = g_strdup_printf (_("Region: %s, Duration: %g days"),
                                          mls_entry_get_name (MLS_ENTRY (region)),
                                          duration_days);
  return g_steal_pointer (&self);
}

/**
 * mls_system_ledger_validate:
 * @self: a #MlsSystemLedger
 * @error: return location for a #GError
 *
 * Checks the invariants the reference asserts: 0 ≤ MFU ≤ 1, latency ≥ 0, carbon ≥ 0.
 *
 * Returns: whether they hold
 */
gboolean
mls_system_ledger_validate (const MlsSystemLedger *self,
                            GError               **error)
{
  if (!(self->mfu >= 0 && self->mfu <= 1))
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_NONSENSE,
                   _("MFU %g must be between 0 and 1"), self->mfu);
      return FALSE;
    }
  if (!(self->latency.value >= 0))
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_NONSENSE,
                   _("Latency cannot be negative"));
      return FALSE;
    }
  if (!(self->carbon.value >= 0))
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_NONSENSE,
                   _("Carbon footprint cannot be negative"));
      return FALSE;
    }
  return TRUE;
}

static void
add_number (JsonBuilder       *b,
            const char        *key,
            const MlsQuantity *q,
            const char        *unit,
            double             plain)
{
  double v = plain;

  json_builder_set_member_name (b, key);
  if (q != NULL && unit == NULL)
    v = q->value; /* base units: samples per second */
  else if (q != NULL && !mls_quantity_convert (q, unit, &v, NULL))
    v = NAN;
  if (isfinite (v))
    json_builder_add_double_value (b, v);
  else
    json_builder_add_null_value (b);
}

/**
 * mls_system_ledger_to_json:
 * @self: a #MlsSystemLedger
 *
 * The reference's `to_dict()` keys (mission, track, choice, latency_ms, throughput_sps,
 * mfu_pct, carbon_kg, tco_usd, goodput_pct), followed by the rest of the ledger.
 *
 * Returns: (transfer full): pretty-printed JSON
 */
char *
mls_system_ledger_to_json (const MlsSystemLedger *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "mission");
  json_builder_add_string_value (b, self->mission_name ? self->mission_name : "");
  json_builder_set_member_name (b, "track");
  json_builder_add_string_value (b, self->track_name ? self->track_name : "");
  json_builder_set_member_name (b, "choice");
  json_builder_add_string_value (b, self->choice_summary ? self->choice_summary : "");
  add_number (b, "latency_ms", &self->latency, "ms", 0);
  add_number (b, "throughput_sps", &self->throughput, NULL, 0);
  add_number (b, "mfu_pct", NULL, NULL, self->mfu * 100);
  add_number (b, "carbon_kg", &self->carbon, "kg", 0);
  add_number (b, "tco_usd", &self->tco, "USD", 0);
  add_number (b, "goodput_pct", NULL, NULL, self->goodput * 100);
  add_number (b, "hfu_pct", NULL, NULL, self->hfu * 100);
  json_builder_set_member_name (b, "bottleneck");
  json_builder_add_string_value (b, self->bottleneck ? self->bottleneck : "");
  add_number (b, "energy_kwh", &self->energy, "kWh", 0);
  add_number (b, "pue", NULL, NULL, self->pue);
  add_number (b, "water_liters", &self->water, "L", 0);
  add_number (b, "capex_usd", &self->capex, "USD", 0);
  add_number (b, "opex_usd", &self->opex, "USD", 0);
  add_number (b, "cost_per_million_usd", &self->cost_per_million, "USD", 0);
  add_number (b, "mttf_hours", &self->mttf, "h", 0);
  add_number (b, "recovery_time_min", &self->recovery_time, "min", 0);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return mls_json_write (root);
}
