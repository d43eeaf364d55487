/* mls-reliability-solver.c — wall 15: failures at scale, checkpoints and goodput
 *
 * The MLSys·im ReliabilityModel (inventory §9.21). A node fails when any of its GPUs, NICs or
 * power supplies does, so its MTBF is 1 / Σ nᵢ/MTBFᵢ; a fleet of N such nodes fails N times as
 * often. Over a job of length T the chance of at least one failure is 1 − e^(−T/MTBF); Young's
 * checkpoint interval τ* = √(2δ·MTBF) balances checkpoint cost against lost work, and the
 * goodput is what remains after writing checkpoints and recovering from failures.
 *
 * A scenario with hardware but no fleet is a fleet of one node that holds the hardware's
 * accelerators (its accelerator_count, or one), with the registry's default NIC and
 * power-supply counts.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#include <mlsysim.h>

#define SOLVER_ID "reliability"

/* Wall 15, Fragility (registry/walls.yaml). */
#define WALL_FRAGILITY 15

/* Significant digits of the numbers in explanations. */
#define EXPLAIN_DIGITS 6

#define MLS_TYPE_RELIABILITY_SOLVER (mls_reliability_solver_get_type ())
G_DECLARE_FINAL_TYPE (MlsReliabilitySolver, mls_reliability_solver, MLS, RELIABILITY_SOLVER,
                      GObject)

struct _MlsReliabilitySolver
{
  GObject     parent_instance;

  /* Registry constants, read once by prepare(). */
  gboolean    prepared;
  MlsQuantity gpu_mtbf;
  MlsQuantity nic_mtbf;
  MlsQuantity psu_mtbf;
  MlsQuantity checkpoint_time;
  MlsQuantity recovery_time;
  guint       default_nics;
  guint       default_psus;
};

static void solver_iface_init (MlsSolverInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (MlsReliabilitySolver, mls_reliability_solver, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (MLS_TYPE_SOLVER, solver_iface_init))

static GQuark q_node_mtbf;
static GQuark q_fleet_mtbf;
static GQuark q_failure_probability;
static GQuark q_checkpoint_interval;
static GQuark q_expected_failures;
static GQuark q_goodput;

static MlsSolverInfo *
mls_reliability_solver_describe (MlsSolver *solver)
{
  MlsSolverInfo *info;

  info = mls_solver_info_new (SOLVER_ID, _("Reliability"),
                              _("Node and fleet MTBF, the chance a job fails, the Young–Daly "
                                "checkpoint interval and the goodput left after checkpoints "
                                "and recoveries"),
                              MLS_SOLVER_KIND_MODEL);
  mls_solver_info_set_inputs (info, MLS_SOLVER_INPUT_HARDWARE);
  mls_solver_info_add_wall (info, WALL_FRAGILITY);

  /* Defaults of 0 mean "not given": the scenario's duration and the registry's
   * checkpoint_write_time and recovery_time apply. */
  mls_solver_info_add_parameter (info, SOLVER_ID ".job_duration", _("Job duration"), "h", 0, 0,
                                 G_MAXDOUBLE,
                                 _("Length of the job; 0 uses the scenario's duration"));
  mls_solver_info_add_parameter (info, SOLVER_ID ".checkpoint_time", _("Checkpoint time"), "s",
                                 0, 0, G_MAXDOUBLE,
                                 _("Time to write one checkpoint; 0 uses the registry's "
                                   "checkpoint_write_time"));
  mls_solver_info_add_parameter (info, SOLVER_ID ".recovery_time", _("Recovery time"), "s", 0, 0,
                                 G_MAXDOUBLE,
                                 _("Time to recover from one failure; 0 uses the registry's "
                                   "recovery_time"));

  mls_solver_info_add_metric (info, SOLVER_ID ".node_mtbf", _("Node MTBF"), "h",
                              _("Mean time between failures of one node"));
  mls_solver_info_add_metric (info, SOLVER_ID ".fleet_mtbf", _("Fleet MTBF"), "h",
                              _("Mean time between failures anywhere in the fleet"));
  mls_solver_info_add_metric (info, SOLVER_ID ".failure_probability",
                              _("Failure probability"), "",
                              _("Chance of at least one failure during the job"));
  mls_solver_info_add_metric (info, SOLVER_ID ".checkpoint_interval",
                              _("Checkpoint interval"), "min",
                              _("Young–Daly optimal time between checkpoints, √(2δ·MTBF)"));
  mls_solver_info_add_metric (info, SOLVER_ID ".expected_failures", _("Expected failures"), "",
                              _("Mean number of failures during the job"));
  mls_solver_info_add_metric (info, SOLVER_ID ".goodput", _("Goodput"), "",
                              _("Share of time doing useful work after checkpoints and "
                                "recoveries"));
  return info;
}

static gboolean
get_time_constant (MlsRegistry *registry,
                   const char  *key,
                   MlsQuantity *out,
                   GError     **error)
{
  return mls_registry_get_constant (registry, key, out, error) &&
         mls_quantity_check_dimension (out, "s", key, error);
}

static gboolean
get_count_constant (MlsRegistry *registry,
                    const char  *key,
                    guint       *out,
                    GError     **error)
{
  MlsQuantity q;

  if (!mls_registry_get_constant (registry, key, &q, error))
    return FALSE;
  if (!mls_quantity_is_dimensionless (&q) || q.value < 0 || q.value != (guint) q.value)
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                   _("Registry constant %s must be a whole number"), key);
      return FALSE;
    }
  *out = (guint) q.value;
  return TRUE;
}

static gboolean
mls_reliability_solver_prepare (MlsSolver   *solver,
                                MlsRegistry *registry,
                                GError     **error)
{
  MlsReliabilitySolver *self = MLS_RELIABILITY_SOLVER (solver);

  if (!get_time_constant (registry, "gpu_mtbf", &self->gpu_mtbf, error) ||
      !get_time_constant (registry, "nic_mtbf", &self->nic_mtbf, error) ||
      !get_time_constant (registry, "psu_mtbf", &self->psu_mtbf, error) ||
      !get_time_constant (registry, "checkpoint_write_time", &self->checkpoint_time, error) ||
      !get_time_constant (registry, "recovery_time", &self->recovery_time, error) ||
      !get_count_constant (registry, "default_nics_per_node", &self->default_nics, error) ||
      !get_count_constant (registry, "default_psus_per_node", &self->default_psus, error))
    return FALSE;

  self->prepared = TRUE;
  return TRUE;
}

/* A time parameter: the scenario's value when set and non-zero, else @fallback. */
static gboolean
get_time_parameter (MlsScenario       *scenario,
                    const char        *id,
                    const MlsQuantity *fallback,
                    MlsQuantity       *out,
                    GError           **error)
{
  g_autoptr(GError) local = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!mls_scenario_get_parameter (scenario, id, out) || out->value == 0)
    {
      *out = *fallback;
      return TRUE;
    }
  if (!mls_quantity_check_dimension (out, "s", id, &local))
    {
      g_set_error_literal (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                           local->message);
      return FALSE;
    }
  if (!(out->value > 0))
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                   _("%s must be a time greater than zero (or 0 for the default); got %s s"),
                   id, g_ascii_formatd (buf, sizeof buf, "%g", out->value));
      return FALSE;
    }
  return TRUE;
}

static gboolean
mls_reliability_solver_solve (MlsSolver   *solver,
                              MlsScenario *scenario,
                              MlsLedger   *ledger,
                              GError     **error)
{
  MlsReliabilitySolver *self = MLS_RELIABILITY_SOLVER (solver);
  MlsHardwareNode *hw = mls_scenario_get_hardware (scenario);
  MlsFleet *fleet = mls_scenario_get_fleet (scenario);
  MlsQuantity scenario_duration, job, ckpt, recovery, node_mtbf, fleet_mtbf, interval, q;
  double p_fail, failures, goodput;
  guint gpus, nics, psus, nodes;

  if (!self->prepared)
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                   _("The reliability solver was not prepared with a registry"));
      return FALSE;
    }

  if (fleet != NULL)
    {
      MlsNode *node = mls_fleet_get_node (fleet);

      MlsEntry *accel = mls_node_get_accelerator (node);
      guint chips = MLS_IS_HARDWARE_NODE (accel)
                      ? MAX (mls_hardware_node_get_accelerator_count (MLS_HARDWARE_NODE (accel)), 1)
                      : 1;

      /* Every chip can fail: a node of NVL72 racks holds 72 GPUs per rack entry. */
      gpus = mls_node_get_accelerators_per_node (node) * chips;
      nics = mls_node_get_nics_per_node (node);
      psus = mls_node_get_psus_per_node (node);
      nodes = mls_fleet_get_count (fleet);
    }
  else if (hw != NULL)
    {
      gpus = MAX (mls_hardware_node_get_accelerator_count (hw), 1);
      nics = self->default_nics;
      psus = self->default_psus;
      nodes = 1;
    }
  else
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                   _("Reliability needs hardware or a fleet in the scenario"));
      return FALSE;
    }

  if (!mls_quantity_from_unit (mls_scenario_get_knob (scenario, MLS_KNOB_DURATION_DAYS), "d",
                               &scenario_duration, error) ||
      !get_time_parameter (scenario, SOLVER_ID ".job_duration", &scenario_duration, &job,
                           error) ||
      !get_time_parameter (scenario, SOLVER_ID ".checkpoint_time", &self->checkpoint_time, &ckpt,
                           error) ||
      !get_time_parameter (scenario, SOLVER_ID ".recovery_time", &self->recovery_time,
                           &recovery, error))
    return FALSE;

  /* Independent failures: the correlation factor of mls_calc_mtbf_cluster() is 1. */
  if (!mls_calc_mtbf_node (&self->gpu_mtbf, gpus, &self->nic_mtbf, nics, &self->psu_mtbf, psus,
                           NULL, 0, &node_mtbf, error) ||
      !mls_calc_mtbf_cluster (&node_mtbf, nodes, 1, &fleet_mtbf, error) ||
      !mls_calc_failure_probability (&fleet_mtbf, &job, &p_fail, error) ||
      !mls_calc_expected_failures (&fleet_mtbf, &job, &failures, error) ||
      !mls_calc_young_daly_interval (&ckpt, &fleet_mtbf, &interval, error) ||
      !mls_calc_checkpoint_goodput (&ckpt, &interval, &recovery, &fleet_mtbf, &goodput, error))
    return FALSE;

  mls_ledger_set_quark (ledger, q_node_mtbf, &node_mtbf);
  mls_ledger_set_quark (ledger, q_fleet_mtbf, &fleet_mtbf);
  q = mls_quantity_scalar (p_fail);
  mls_ledger_set_quark (ledger, q_failure_probability, &q);
  mls_ledger_set_quark (ledger, q_checkpoint_interval, &interval);
  q = mls_quantity_scalar (failures);
  mls_ledger_set_quark (ledger, q_expected_failures, &q);
  q = mls_quantity_scalar (goodput);
  mls_ledger_set_quark (ledger, q_goodput, &q);

  /* One expected failure is where a job should plan for restarts rather than hope. */
  mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK,
                         failures >= 1 ? _("Failures expected during the job")
                                       : _("A failure-free run is likely"));

  if (mls_ledger_get_explain (ledger))
    {
      g_autofree char *node_s = mls_quantity_format_in (&node_mtbf, "h", EXPLAIN_DIGITS, NULL);
      g_autofree char *fleet_s = mls_quantity_format_in (&fleet_mtbf, "h", EXPLAIN_DIGITS, NULL);
      g_autofree char *job_s = mls_quantity_format_in (&job, "h", EXPLAIN_DIGITS, NULL);
      g_autofree char *ckpt_s = mls_quantity_format (&ckpt, EXPLAIN_DIGITS);
      g_autofree char *rec_s = mls_quantity_format (&recovery, EXPLAIN_DIGITS);
      g_autofree char *int_s = mls_quantity_format (&interval, EXPLAIN_DIGITS);

      if (fleet == NULL)
        mls_ledger_explain (ledger, SOLVER_ID,
                            _("No fleet: one node holding %u × %s, with %u NIC(s) and %u "
                              "power supplies"),
                            gpus, mls_entry_get_name (MLS_ENTRY (hw)), nics, psus);
      mls_ledger_explain (ledger, SOLVER_ID,
                          _("Node MTBF: 1 / (%u GPUs + %u NICs + %u PSUs, each at its MTBF) = %s"),
                          gpus, nics, psus, node_s);
      mls_ledger_explain (ledger, SOLVER_ID, _("Fleet MTBF: %s / %u nodes = %s"), node_s, nodes,
                          fleet_s);
      mls_ledger_explain (ledger, SOLVER_ID,
                          _("Over %s: P(failure) = 1 − e^(−T/MTBF) = %g, %g failures expected"),
                          job_s, p_fail, failures);
      mls_ledger_explain (ledger, SOLVER_ID,
                          _("Checkpoint every √(2 × %s × MTBF) = %s; goodput = 1 − δ/τ − %s/MTBF "
                            "= %g"),
                          ckpt_s, int_s, rec_s, goodput);
    }
  return TRUE;
}

static void
solver_iface_init (MlsSolverInterface *iface)
{
  iface->describe = mls_reliability_solver_describe;
  iface->prepare = mls_reliability_solver_prepare;
  iface->solve = mls_reliability_solver_solve;
}

static void
mls_reliability_solver_class_init (MlsReliabilitySolverClass *klass)
{
  q_node_mtbf = g_quark_from_static_string (SOLVER_ID ".node_mtbf");
  q_fleet_mtbf = g_quark_from_static_string (SOLVER_ID ".fleet_mtbf");
  q_failure_probability = g_quark_from_static_string (SOLVER_ID ".failure_probability");
  q_checkpoint_interval = g_quark_from_static_string (SOLVER_ID ".checkpoint_interval");
  q_expected_failures = g_quark_from_static_string (SOLVER_ID ".expected_failures");
  q_goodput = g_quark_from_static_string (SOLVER_ID ".goodput");
}

static void
mls_reliability_solver_class_finalize (MlsReliabilitySolverClass *klass)
{
}

static void
mls_reliability_solver_init (MlsReliabilitySolver *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  mls_reliability_solver_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MLS_TYPE_SOLVER,
                                              MLS_TYPE_RELIABILITY_SOLVER);
}
