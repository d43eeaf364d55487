/* mls-synthesis-solver.c — wall 22: the hardware a latency target demands
 *
 * The reference's SynthesisSolver (inventory §9.27) inverts the roofline: to run a model
 * within T, a device must stream its weights W in T (bandwidth W/T), deliver its operations in
 * T at efficiency η (peak ops/(T·η)) and hold W (memory). Beyond the reference, the registry's
 * devices are then tried against the target with the full roofline (overheads, memory paths,
 * the precision's own peak), through the engine's roofline solver: those that meet it are
 * ranked by margin (target / latency) per dollar of unit cost, unpriced devices last by
 * margin.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>
#include <math.h>

#include <mlsysim.h>

#define SOLVER_ID "synthesis"
#define PARAM_TARGET SOLVER_ID ".target_latency"

/* Wall 22, Synthesis (registry/walls.yaml). */
#define WALL_SYNTHESIS 22

typedef enum
{
  M_TARGET,
  M_REQUIRED_BANDWIDTH,
  M_REQUIRED_FLOPS,
  M_REQUIRED_MEMORY,
  M_RATIO,
  M_MODEL_SIZE,
  M_TOTAL_OPS,
  M_SEARCHED,
  M_CANDIDATES,
  M_BEST_HARDWARE,
  M_BEST_LATENCY,
  M_BEST_MARGIN,
  M_BEST_COST,
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
  [M_TARGET] = { SOLVER_ID ".target_latency", N_("Target latency"), "ms",
                 N_("The latency the hardware must meet") },
  [M_REQUIRED_BANDWIDTH] = { SOLVER_ID ".required_bandwidth", N_("Required bandwidth"), "GB/s",
                             N_("Memory bandwidth to stream the weights within the target, W/T") },
  [M_REQUIRED_FLOPS] = { SOLVER_ID ".required_flops", N_("Required compute"), "TFLOP/s",
                         N_("Peak compute to finish the operations within the target at "
                            "efficiency η, ops/(T·η)") },
  [M_REQUIRED_MEMORY] = { SOLVER_ID ".required_memory", N_("Required memory"), "GB",
                          N_("Memory to hold the weights") },
  [M_RATIO] = { SOLVER_ID ".compute_memory_ratio", N_("Compute to bandwidth ratio"), "FLOP/B",
                N_("Required compute over required bandwidth: the ridge point the device "
                   "should have") },
  [M_MODEL_SIZE] = { SOLVER_ID ".model_size", N_("Model size"), "GB",
                     N_("The weights at the precision") },
  [M_TOTAL_OPS] = { SOLVER_ID ".total_ops", N_("Operations"), "GFLOP",
                    N_("Operations of one step (batch included)") },
  [M_SEARCHED] = { SOLVER_ID ".searched", N_("Devices tried"), "",
                   N_("Registry devices run against the target") },
  [M_CANDIDATES] = { SOLVER_ID ".candidates", N_("Devices that meet it"), "",
                     N_("Registry devices whose roofline latency meets the target with the "
                        "model in memory") },
  [M_BEST_HARDWARE] = { SOLVER_ID ".best_hardware", N_("Best hardware"), "text",
                        N_("The device that meets the target with the most margin per dollar "
                           "(empty when none does)") },
  [M_BEST_LATENCY] = { SOLVER_ID ".best_latency", N_("Best hardware latency"), "ms",
                       N_("Roofline latency on the best device") },
  [M_BEST_MARGIN] = { SOLVER_ID ".best_margin", N_("Best hardware margin"), "",
                      N_("Target over latency on the best device (1 just meets it)") },
  [M_BEST_COST] = { SOLVER_ID ".best_unit_cost", N_("Best hardware cost"), "USD",
                    N_("Unit cost of the best device (0 when the registry has none)") },
};

typedef struct
{
  MlsHardwareNode *hardware;
  const char      *key;      /* interned */
  double           latency;  /* s */
  double           margin;
  double           cost;     /* USD */
} Candidate;

struct _MlsSynthesisSolver
{
  GObject        parent_instance;

  GPtrArray     *hardware;  /* MlsHardwareNode*, the registry's, read once by prepare() */
  guint          top_n;
  gboolean       prepared;

  GQuark         quarks[N_METRICS];
  GQuark         q_latency;
  GQuark         q_feasible;

  GMutex         lock;      /* guards plan */
  MlsEnginePlan *plan;      /* the roofline, through the default engine */
};

#define MLS_TYPE_SYNTHESIS_SOLVER (mls_synthesis_solver_get_type ())
G_DECLARE_FINAL_TYPE (MlsSynthesisSolver, mls_synthesis_solver, MLS, SYNTHESIS_SOLVER, GObject)

static void solver_iface_init (MlsSolverInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (MlsSynthesisSolver, mls_synthesis_solver, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (MLS_TYPE_SOLVER,
                                                               solver_iface_init))

/* --- constants ------------------------------------------------------------------------- */

static gboolean
mls_synthesis_solver_prepare (MlsSolver   *solver,
                              MlsRegistry *registry,
                              GError     **error)
{
  MlsSynthesisSolver *self = MLS_SYNTHESIS_SOLVER (solver);
  GListModel *devices = mls_registry_get_category (registry, "hardware");
  MlsQuantity top;

  if (!mls_registry_get_constant (registry, "optimizer_top_candidates", &top, error) ||
      !mls_quantity_check_dimension (&top, "", "optimizer_top_candidates", error))
    return FALSE;
  if (!(top.value >= 1))
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                   _("Registry constant “optimizer_top_candidates” must be at least 1"));
      return FALSE;
    }
  self->top_n = (guint) top.value;

  g_ptr_array_set_size (self->hardware, 0);
  for (guint i = 0; devices != NULL && i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (devices, i);

      if (MLS_IS_HARDWARE_NODE (item))
        g_ptr_array_add (self->hardware, g_object_ref (item));
    }
  self->prepared = TRUE;
  return TRUE;
}

/* --- description --------------------------------------------------------------------- */

static MlsSolverInfo *
mls_synthesis_solver_describe (MlsSolver *solver)
{
  MlsSolverInfo *info;

  info = mls_solver_info_new (SOLVER_ID, _("Synthesis"),
                              _("Invert the roofline: the memory bandwidth, peak compute and "
                                "memory a latency target demands, and the registry hardware "
                                "that meets it, ranked by margin per dollar."),
                              MLS_SOLVER_KIND_SOLVER);
  mls_solver_info_set_inputs (info, MLS_SOLVER_INPUT_WORKLOAD);
  mls_solver_info_add_wall (info, WALL_SYNTHESIS);
  mls_solver_info_add_parameter (info, PARAM_TARGET, _("Target latency"), "ms", 0, 0,
                                 G_MAXDOUBLE,
                                 _("The latency to meet; 0 uses the scenario's latency SLA, "
                                   "and without one the solver is skipped"));
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
roofline_plan (MlsSynthesisSolver *self,
               GError            **error)
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
                     _("Synthesis runs the roofline solver, which is not available: %s"),
                     local->message);
    }
  plan = self->plan != NULL ? mls_engine_plan_ref (self->plan) : NULL;
  g_mutex_unlock (&self->lock);
  return plan;
}

/* Priced devices by margin per dollar, then unpriced ones by margin; registry order on ties. */
static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;
  gboolean px = x->cost > 0, py = y->cost > 0;
  double sx, sy;

  if (px != py)
    return px ? -1 : 1;
  sx = px ? x->margin / x->cost : x->margin;
  sy = py ? y->margin / y->cost : y->margin;
  return (sx < sy) - (sx > sy);
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
mls_synthesis_solver_solve (MlsSolver   *solver,
                            MlsScenario *scenario,
                            MlsLedger   *ledger,
                            GError     **error)
{
  MlsSynthesisSolver *self = (MlsSynthesisSolver *) solver;
  MlsWorkload *workload = mls_scenario_get_workload (scenario);
  g_autoptr(MlsEnginePlan) plan = NULL;
  g_autoptr(MlsScenario) scratch = NULL;
  g_autoptr(MlsLedger) inner = NULL;
  g_autoptr(GArray) candidates = NULL;
  MlsQuantity target, required_bw, required_flops, ratio, ops, usd;
  MlsComputationGraph graph;
  double eta = mls_scenario_get_efficiency (scenario);
  guint batch = mls_scenario_get_batch_size (scenario);
  gboolean explain = mls_ledger_get_explain (ledger);

  if (workload == NULL)
    return invalid (error, _("The synthesis solver needs a workload"));
  if (!(eta > 0 && eta <= 1))
    return invalid (error, _("efficiency must be greater than 0 and at most 1, such as 0.5; "
                             "got %g"), eta);
  if (batch < 1)
    return invalid (error, _("batch_size must be at least 1; got %u"), batch);

  /* The target: the parameter, else the scenario's SLA; without either, nothing to do. */
  if (!mls_scenario_get_parameter (scenario, PARAM_TARGET, &target) || target.value == 0)
    {
      if (!mls_scenario_get_sla_latency (scenario, &target))
        {
          mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_SKIPPED,
                                 _("needs a target latency: set synthesis.target_latency or a "
                                   "latency SLA"));
          return TRUE;
        }
    }
  if (!mls_quantity_check_dimension (&target, "s", PARAM_TARGET, error))
    return FALSE;
  if (!(target.value > 0))
    return invalid (error, _("%s must be more than 0, such as 30 ms"), PARAM_TARGET);

  /* The inverted roofline, at the scenario's precision and batch. */
  if (!mls_workload_lower_bytes (workload,
                                 mls_precision_bytes (mls_scenario_get_precision (scenario)),
                                 &graph, error))
    return FALSE;
  mls_quantity_scale (&graph.total_ops, batch, &ops);
  if (!mls_calc_required_bandwidth (&graph.weight_bytes, &target, &required_bw, error) ||
      !mls_calc_required_flops (&ops, &target, eta, &required_flops, error))
    return FALSE;
  mls_quantity_divide (&required_flops, &required_bw, &ratio);

  /* Every registry device, with the full roofline. */
  if ((plan = roofline_plan (self, error)) == NULL)
    return FALSE;
  scratch = mls_scenario_copy (scenario);
  inner = mls_ledger_new ();
  mls_ledger_set_explain (inner, FALSE);
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  for (guint i = 0; i < self->hardware->len; i++)
    {
      MlsHardwareNode *hw = g_ptr_array_index (self->hardware, i);
      MlsQuantity latency, feasible;
      Candidate c;

      mls_scenario_set_hardware (scratch, hw);
      mls_engine_plan_run (plan, scratch, inner);
      /* a device the roofline cannot solve (no peak at all) is no candidate */
      if (mls_ledger_get_status (inner, "roofline", NULL) != MLS_SOLVE_OK ||
          !mls_ledger_get_quark (inner, self->q_latency, &latency) ||
          !mls_ledger_get_quark (inner, self->q_feasible, &feasible) || feasible.value == 0 ||
          latency.value > target.value || !(latency.value > 0))
        continue;
      c.hardware = hw;
      c.key = g_intern_string (mls_entry_get_key (MLS_ENTRY (hw)));
      c.latency = latency.value;
      c.margin = target.value / latency.value;
      c.cost = mls_hardware_node_get_unit_cost (hw)->value;
      g_array_append_val (candidates, c);
    }
  g_array_sort (candidates, compare_candidates);

  mls_ledger_set_quark (ledger, self->quarks[M_TARGET], &target);
  mls_ledger_set_quark (ledger, self->quarks[M_REQUIRED_BANDWIDTH], &required_bw);
  mls_ledger_set_quark (ledger, self->quarks[M_REQUIRED_FLOPS], &required_flops);
  mls_ledger_set_quark (ledger, self->quarks[M_REQUIRED_MEMORY], &graph.weight_bytes);
  mls_ledger_set_quark (ledger, self->quarks[M_RATIO], &ratio);
  mls_ledger_set_quark (ledger, self->quarks[M_MODEL_SIZE], &graph.weight_bytes);
  mls_ledger_set_quark (ledger, self->quarks[M_TOTAL_OPS], &ops);
  set_number (ledger, self->quarks[M_SEARCHED], self->hardware->len);
  set_number (ledger, self->quarks[M_CANDIDATES], candidates->len);
  if (candidates->len > 0)
    {
      const Candidate *best = &g_array_index (candidates, Candidate, 0);
      MlsQuantity latency = target;

      latency.value = best->latency;
      if (!mls_quantity_from_unit (best->cost, "USD", &usd, error))
        return FALSE;
      mls_ledger_set_text_quark (ledger, self->quarks[M_BEST_HARDWARE], best->key);
      mls_ledger_set_quark (ledger, self->quarks[M_BEST_LATENCY], &latency);
      set_number (ledger, self->quarks[M_BEST_MARGIN], best->margin);
      mls_ledger_set_quark (ledger, self->quarks[M_BEST_COST], &usd);
      mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK, best->key);
    }
  else
    mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK,
                           _("No registry device meets the target"));

  if (G_UNLIKELY (explain))
    {
      g_autofree char *t = format_in (&target, "ms");
      g_autofree char *bw = format_in (&required_bw, "GB/s");
      g_autofree char *fl = format_in (&required_flops, "TFLOP/s");
      g_autofree char *mem = format_in (&graph.weight_bytes, "GB");

      mls_ledger_explain (ledger, SOLVER_ID,
                          _("To meet %s: %s of memory bandwidth (W/T), %s of peak compute at "
                            "η = %g (ops/(T·η)) and %s of memory."), t, bw, fl, eta, mem);
      mls_ledger_explain (ledger, SOLVER_ID,
                          _("%u of %u registry devices meet it with the model in memory; by "
                            "margin per dollar:"), candidates->len, self->hardware->len);
      for (guint i = 0; i < MIN (candidates->len, self->top_n); i++)
        {
          const Candidate *c = &g_array_index (candidates, Candidate, i);
          MlsQuantity latency = target;
          g_autofree char *l = NULL;

          latency.value = c->latency;
          l = format_in (&latency, "ms");
          if (c->cost > 0)
            mls_ledger_explain (ledger, SOLVER_ID, _("%u. %s: %s (%.3g× margin), %.0f USD"),
                                i + 1, c->key, l, c->margin, c->cost);
          else
            mls_ledger_explain (ledger, SOLVER_ID, _("%u. %s: %s (%.3g× margin), no price"),
                                i + 1, c->key, l, c->margin);
        }
    }
  return TRUE;
}

/* --- type ----------------------------------------------------------------------------- */

static void
solver_iface_init (MlsSolverInterface *iface)
{
  iface->describe = mls_synthesis_solver_describe;
  iface->prepare = mls_synthesis_solver_prepare;
  iface->solve = mls_synthesis_solver_solve;
}

static void
mls_synthesis_solver_finalize (GObject *object)
{
  MlsSynthesisSolver *self = MLS_SYNTHESIS_SOLVER (object);

  g_clear_pointer (&self->plan, mls_engine_plan_unref);
  g_ptr_array_unref (self->hardware);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (mls_synthesis_solver_parent_class)->finalize (object);
}

static void
mls_synthesis_solver_class_init (MlsSynthesisSolverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mls_synthesis_solver_finalize;
}

static void
mls_synthesis_solver_class_finalize (MlsSynthesisSolverClass *klass)
{
}

static void
mls_synthesis_solver_init (MlsSynthesisSolver *self)
{
  g_mutex_init (&self->lock);
  self->hardware = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < N_METRICS; i++)
    self->quarks[i] = g_quark_from_string (metric_defs[i].id);
  self->q_latency = g_quark_from_string ("roofline.latency");
  self->q_feasible = g_quark_from_string ("roofline.feasible");
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  mls_synthesis_solver_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MLS_TYPE_SOLVER,
                                              MLS_TYPE_SYNTHESIS_SOLVER);
}
