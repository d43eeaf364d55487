/* mls-sensitivity-solver.c — wall 21: which supply parameter binds
 *
 * The reference's SensitivitySolver (inventory §9.26): solve the single-node roofline at the
 * baseline, then again with one supply parameter raised by a few percent at a time — peak
 * compute (with every precision's rate), memory bandwidth, memory capacity — and report the
 * relative change of latency for each. The parameter with the largest |change| is the binding
 * constraint, the only one worth paying to improve. A baseline that does not fit in memory is
 * bound by capacity before anything else.
 *
 * The roofline is not re-derived here: the perturbed devices are run through the engine's own
 * roofline solver (mls_engine_get_default() and a plan of "roofline"), so this plugin links no
 * other plugin and follows the roofline wherever it goes.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>
#include <math.h>
#include <string.h>

#include <mlsysim.h>

#define SOLVER_ID "sensitivity"
#define PARAM_PERTURBATION SOLVER_ID ".perturbation_pct"

/* Wall 21, Sensitivity (registry/walls.yaml). */
#define WALL_SENSITIVITY 21

/* The parameters perturbed, in the reference's order: ties go to the first. */
typedef enum
{
  SUPPLY_PEAK_FLOPS,
  SUPPLY_MEMORY_BANDWIDTH,
  SUPPLY_MEMORY_CAPACITY,
  N_SUPPLY
} Supply;

static const char * const supply_names[N_SUPPLY] = {
  "peak_flops", "memory_bandwidth", "memory_capacity",
};

/* The hardware fields each parameter scales; peak FLOP/s also scales every precision's rate,
 * listed per device. */
static const char * const supply_fields[N_SUPPLY] = {
  "compute.peak_flops", "memory.bandwidth", "memory.capacity",
};

#define PRECISION_FLOPS_PREFIX "compute.precision_flops."

typedef enum
{
  M_FEASIBLE,
  M_BASELINE_LATENCY,
  M_PEAK_FLOPS,
  M_MEMORY_BANDWIDTH,
  M_MEMORY_CAPACITY,
  M_BINDING,
  M_PERTURBATION,
  N_METRICS
} Metric;

typedef struct
{
  const char *id;
  const char *label;
  const char *unit;
  const char *description;
} MetricDef;

static const MetricDef metric_defs[N_METRICS] = {
  [M_FEASIBLE] = { SOLVER_ID ".feasible", N_("Fits in memory"), "",
                   N_("1 when the baseline fits in device memory, else 0 (capacity binds)") },
  [M_BASELINE_LATENCY] = { SOLVER_ID ".baseline_latency", N_("Baseline latency"), "ms",
                           N_("Roofline latency with the device as it is") },
  [M_PEAK_FLOPS] = { SOLVER_ID ".peak_flops", N_("Sensitivity to peak compute"), "",
                     N_("Relative change of latency, (T′ − T)/T, when peak FLOP/s (at every "
                        "precision) grows by the perturbation") },
  [M_MEMORY_BANDWIDTH] = { SOLVER_ID ".memory_bandwidth", N_("Sensitivity to memory bandwidth"),
                           "", N_("Relative change of latency when memory bandwidth grows by "
                                  "the perturbation") },
  [M_MEMORY_CAPACITY] = { SOLVER_ID ".memory_capacity", N_("Sensitivity to memory capacity"),
                          "", N_("Relative change of latency when memory capacity grows by the "
                                 "perturbation") },
  [M_BINDING] = { SOLVER_ID ".binding_constraint", N_("Binding constraint"), "text",
                  N_("The supply parameter with the largest |sensitivity|: peak_flops, "
                     "memory_bandwidth or memory_capacity") },
  [M_PERTURBATION] = { SOLVER_ID ".perturbation_pct", N_("Perturbation"), "",
                       N_("How much each parameter was raised, in percent") },
};

struct _MlsSensitivitySolver
{
  GObject        parent_instance;

  double         default_perturbation; /* percent, from the registry */
  gboolean       prepared;

  GQuark         quarks[N_METRICS];
  GQuark         q_latency;
  GQuark         q_feasible;
  GQuark         q_footprint;
  const char    *binding_text[N_SUPPLY];

  GMutex         lock;     /* guards plan */
  MlsEnginePlan *plan;     /* the roofline, through the default engine */
};

#define MLS_TYPE_SENSITIVITY_SOLVER (mls_sensitivity_solver_get_type ())
G_DECLARE_FINAL_TYPE (MlsSensitivitySolver, mls_sensitivity_solver, MLS, SENSITIVITY_SOLVER,
                      GObject)

static void solver_iface_init (MlsSolverInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (MlsSensitivitySolver, mls_sensitivity_solver, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (MLS_TYPE_SOLVER,
                                                               solver_iface_init))

/* --- constants ------------------------------------------------------------------------- */

static gboolean
load_perturbation (MlsRegistry *registry,
                   double      *out,
                   GError     **error)
{
  MlsQuantity q;

  if (!mls_registry_get_constant (registry, "sensitivity_perturbation_pct", &q, error) ||
      !mls_quantity_check_dimension (&q, "", "sensitivity_perturbation_pct", error))
    return FALSE;
  *out = q.value;
  return TRUE;
}

static gboolean
mls_sensitivity_solver_prepare (MlsSolver   *solver,
                                MlsRegistry *registry,
                                GError     **error)
{
  MlsSensitivitySolver *self = MLS_SENSITIVITY_SOLVER (solver);

  if (!load_perturbation (registry, &self->default_perturbation, error))
    return FALSE;
  self->prepared = TRUE;
  return TRUE;
}

/* --- description --------------------------------------------------------------------- */

static MlsSolverInfo *
mls_sensitivity_solver_describe (MlsSolver *solver)
{
  MlsSensitivitySolver *self = MLS_SENSITIVITY_SOLVER (solver);
  double perturbation = self->default_perturbation;
  MlsSolverInfo *info;

  /* The default comes from the registry: the engine's once prepared, else the default one. */
  if (!self->prepared)
    {
      MlsRegistry *registry = mls_registry_get_default (NULL);

      if (registry == NULL || !load_perturbation (registry, &perturbation, NULL))
        perturbation = 0;
    }

  info = mls_solver_info_new (SOLVER_ID, _("Sensitivity"),
                              _("Which supply parameter binds: the change in latency when peak "
                                "compute, memory bandwidth or memory capacity grows by a few "
                                "percent, and the binding constraint."),
                              MLS_SOLVER_KIND_SOLVER);
  mls_solver_info_set_inputs (info, MLS_SOLVER_INPUT_WORKLOAD | MLS_SOLVER_INPUT_HARDWARE);
  mls_solver_info_add_wall (info, WALL_SENSITIVITY);
  mls_solver_info_add_parameter (info, PARAM_PERTURBATION, _("Perturbation"), "", perturbation,
                                 0, G_MAXDOUBLE,
                                 _("How much each supply parameter is raised, in percent "
                                   "(more than 0)"));
  for (guint i = 0; i < N_METRICS; i++)
    mls_solver_info_add_metric (info, metric_defs[i].id, _(metric_defs[i].label),
                                metric_defs[i].unit, _(metric_defs[i].description));
  return info;
}

/* --- solving ------------------------------------------------------------------------- */

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (MLS_SOLVER_ERROR,
                                                MLS_SOLVER_ERROR_INVALID_INPUT, format, args));
  va_end (args);
  return FALSE;
}

static MlsEnginePlan *
roofline_plan (MlsSensitivitySolver *self,
               GError              **error)
{
  MlsEnginePlan *plan;

  g_mutex_lock (&self->lock);
  if (self->plan == NULL)
    {
      const char *ids[] = { "roofline", NULL };
      g_autoptr(GError) local = NULL;

      self->plan = mls_engine_plan (mls_engine_get_default (), ids, &local);
      if (self->plan == NULL)
        g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                     _("Sensitivity runs the roofline solver, which is not available: %s"),
                     local->message);
    }
  plan = self->plan != NULL ? mls_engine_plan_ref (self->plan) : NULL;
  g_mutex_unlock (&self->lock);
  return plan;
}

/* One roofline solve; its failure (bad input) is this solver's. */
static gboolean
run_roofline (MlsSensitivitySolver *self,
              MlsEnginePlan        *plan,
              MlsScenario          *scenario,
              MlsLedger            *ledger,
              MlsQuantity          *out_latency,
              GError              **error)
{
  const char *message = NULL;

  mls_engine_plan_run (plan, scenario, ledger);
  if (mls_ledger_get_status (ledger, "roofline", &message) != MLS_SOLVE_OK)
    return invalid (error, _("The roofline could not be solved: %s"),
                    message ? message : _("no reason given"));
  if (!mls_ledger_get_quark (ledger, self->q_latency, out_latency))
    return invalid (error, _("The roofline gave no latency"));
  return TRUE;
}

/* The device with one supply parameter scaled by @factor: for peak compute, the dense peak
 * and every precision's rate, so that the precision the scenario runs at moves too. Every
 * other field is kept, SRAM and flash included. */
static MlsHardwareNode *
perturb (MlsHardwareNode *hardware,
         Supply           supply,
         double           factor,
         GError         **error)
{
  g_autoptr(MlsEntry) current = g_object_ref (MLS_ENTRY (hardware));
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_auto(GStrv) fields = NULL;

  g_ptr_array_add (paths, (gpointer) supply_fields[supply]);
  if (supply == SUPPLY_PEAK_FLOPS)
    {
      fields = mls_entry_list_fields (current);
      for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
        if (g_str_has_prefix (fields[i], PRECISION_FLOPS_PREFIX))
          g_ptr_array_add (paths, fields[i]);
    }
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      MlsQuantity q;
      MlsEntry *next;

      if (!mls_entry_get_quantity (current, path, &q, NULL))
        continue;
      q.value *= factor;
      next = mls_entry_copy_with (current, path, &q, error);
      if (next == NULL)
        return NULL;
      g_object_unref (current);
      current = next;
    }
  return MLS_HARDWARE_NODE (g_steal_pointer (&current));
}

static void
set_number (MlsLedger *ledger,
            GQuark     metric,
            double     value)
{
  MlsQuantity q = mls_quantity_scalar (value);

  mls_ledger_set_quark (ledger, metric, &q);
}

static char *
format_in (const MlsQuantity *q,
           const char        *unit)
{
  char *text = mls_quantity_format_in (q, unit, 4, NULL);

  return text != NULL ? text : mls_quantity_format (q, 4);
}

static gboolean
mls_sensitivity_solver_solve (MlsSolver   *solver,
                              MlsScenario *scenario,
                              MlsLedger   *ledger,
                              GError     **error)
{
  MlsSensitivitySolver *self = (MlsSensitivitySolver *) solver;
  MlsHardwareNode *hardware = mls_scenario_get_hardware (scenario);
  g_autoptr(MlsEnginePlan) plan = NULL;
  g_autoptr(MlsScenario) scratch = NULL;
  g_autoptr(MlsLedger) inner = NULL;
  MlsQuantity baseline, footprint, capacity, feasible_q, pct_q;
  double pct = self->default_perturbation, factor, sensitivity[N_SUPPLY];
  gboolean feasible;
  Supply binding = SUPPLY_PEAK_FLOPS;

  if (hardware == NULL || mls_scenario_get_workload (scenario) == NULL)
    return invalid (error, _("The sensitivity solver needs a workload and a hardware node"));
  if (mls_scenario_get_parameter (scenario, PARAM_PERTURBATION, &pct_q))
    pct = pct_q.value;
  if (!(pct > 0) || !isfinite (pct))
    return invalid (error, _("%s must be a percentage above 0, such as 10; got %g"),
                    PARAM_PERTURBATION, pct);
  /* factor = 1 + pct %, the unit converting percent to a fraction */
  if (!mls_quantity_from_unit (pct, "%", &pct_q, error))
    return FALSE;
  factor = 1 + pct_q.value;

  if ((plan = roofline_plan (self, error)) == NULL)
    return FALSE;
  scratch = mls_scenario_copy (scenario);
  inner = mls_ledger_new ();
  mls_ledger_set_explain (inner, FALSE);

  /* The baseline. */
  if (!run_roofline (self, plan, scratch, inner, &baseline, error))
    return FALSE;
  feasible = mls_ledger_get_quark (inner, self->q_feasible, &feasible_q) && feasible_q.value != 0;
  if (!mls_ledger_get_quark (inner, self->q_footprint, &footprint))
    footprint = mls_quantity_scalar (0);
  capacity = *mls_hardware_node_get_memory_capacity (hardware);

  /* One parameter raised at a time. */
  for (Supply s = 0; s < N_SUPPLY; s++)
    {
      g_autoptr(MlsHardwareNode) changed = perturb (hardware, s, factor, error);
      MlsQuantity latency;

      if (changed == NULL)
        return FALSE;
      mls_scenario_set_hardware (scratch, changed);
      if (!run_roofline (self, plan, scratch, inner, &latency, error) ||
          !mls_calc_relative_sensitivity (&baseline, &latency, &sensitivity[s], error))
        return FALSE;
    }

  /* The largest |sensitivity| binds, the first on ties; without room in memory, capacity. */
  if (!feasible)
    binding = SUPPLY_MEMORY_CAPACITY;
  else
    for (Supply s = 1; s < N_SUPPLY; s++)
      if (fabs (sensitivity[s]) > fabs (sensitivity[binding]))
        binding = s;

  set_number (ledger, self->quarks[M_FEASIBLE], feasible);
  mls_ledger_set_quark (ledger, self->quarks[M_BASELINE_LATENCY], &baseline);
  set_number (ledger, self->quarks[M_PEAK_FLOPS], sensitivity[SUPPLY_PEAK_FLOPS]);
  set_number (ledger, self->quarks[M_MEMORY_BANDWIDTH], sensitivity[SUPPLY_MEMORY_BANDWIDTH]);
  set_number (ledger, self->quarks[M_MEMORY_CAPACITY], sensitivity[SUPPLY_MEMORY_CAPACITY]);
  mls_ledger_set_text_quark (ledger, self->quarks[M_BINDING], self->binding_text[binding]);
  set_number (ledger, self->quarks[M_PERTURBATION], pct);
  mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK, self->binding_text[binding]);

  if (G_UNLIKELY (mls_ledger_get_explain (ledger)))
    {
      const char *name = mls_entry_get_name (MLS_ENTRY (hardware));

      if (!feasible)
        {
          g_autofree char *need = format_in (&footprint, "GB");
          g_autofree char *have = format_in (&capacity, "GB");

          mls_ledger_explain (ledger, SOLVER_ID,
                              _("Memory Wall: FAILED. Required %s > Available %s on %s."), need,
                              have, name);
          mls_ledger_explain (ledger, SOLVER_ID,
                              _("memory_capacity is binding: the infeasible baseline offloads "
                                "to host memory, so capacity must grow before compute or "
                                "bandwidth matter."));
        }
      else
        mls_ledger_explain (ledger, SOLVER_ID,
                            _("%s is binding: raising it by %g%% changes latency by %+.4g%%."),
                            supply_names[binding], pct, sensitivity[binding] * 100);
      for (Supply s = 0; s < N_SUPPLY; s++)
        mls_ledger_explain (ledger, SOLVER_ID, _("%s +%g%%: latency %+.4g%%"), supply_names[s],
                            pct, sensitivity[s] * 100);
    }
  return TRUE;
}

/* --- type ----------------------------------------------------------------------------- */

static void
solver_iface_init (MlsSolverInterface *iface)
{
  iface->describe = mls_sensitivity_solver_describe;
  iface->prepare = mls_sensitivity_solver_prepare;
  iface->solve = mls_sensitivity_solver_solve;
}

static void
mls_sensitivity_solver_finalize (GObject *object)
{
  MlsSensitivitySolver *self = MLS_SENSITIVITY_SOLVER (object);

  g_clear_pointer (&self->plan, mls_engine_plan_unref);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (mls_sensitivity_solver_parent_class)->finalize (object);
}

static void
mls_sensitivity_solver_class_init (MlsSensitivitySolverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mls_sensitivity_solver_finalize;
}

static void
mls_sensitivity_solver_class_finalize (MlsSensitivitySolverClass *klass)
{
}

static void
mls_sensitivity_solver_init (MlsSensitivitySolver *self)
{
  g_mutex_init (&self->lock);
  /* Copied into GLib's tables, so they outlive this module should it be unloaded. */
  for (guint i = 0; i < N_METRICS; i++)
    self->quarks[i] = g_quark_from_string (metric_defs[i].id);
  for (guint i = 0; i < N_SUPPLY; i++)
    self->binding_text[i] = g_intern_string (supply_names[i]);
  self->q_latency = g_quark_from_string ("roofline.latency");
  self->q_feasible = g_quark_from_string ("roofline.feasible");
  self->q_footprint = g_quark_from_string ("roofline.memory_footprint");
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  mls_sensitivity_solver_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MLS_TYPE_SOLVER,
                                              MLS_TYPE_SENSITIVITY_SOLVER);
}
