/* mls-parallelism-solver.c — the parallel layout of a training job with the highest MFU
 *
 * The reference's ParallelismOptimizer (inventory §9.6): tensor- and pipeline-parallel degrees
 * in powers of two, within the accelerators per node (TP) and the fleet (PP), that divide the
 * fleet; the rest is data parallelism. A candidate whose model state per device (weights,
 * gradients and Adam state over TP × PP) exceeds a headroom of device memory is screened out;
 * the others are run through the engine's distributed solver, and the objective is
 * MFU = scaling efficiency × η. Beyond the reference, mixture-of-experts models also search
 * the expert-parallel degree (powers of two dividing the expert count).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>
#include <math.h>

#include <mlsysim.h>

#define SOLVER_ID "parallelism"
#define PARAM_MAX_TP SOLVER_ID ".max_tp"
#define PARAM_MAX_PP SOLVER_ID ".max_pp"
#define PARAM_MAX_EP SOLVER_ID ".max_ep"
#define PARAM_OVERLAP SOLVER_ID ".overlap_comm"
#define DISTRIBUTED_OVERLAP "distributed.overlap_comm"

/* Wall 14, Communication (registry/walls.yaml). */
#define WALL_COMMUNICATION 14

/* How many ranked candidates are described as metrics (the registry may ask for fewer). */
#define MAX_RANKS 5

typedef enum
{
  M_FEASIBLE,
  M_BEST_TP,
  M_BEST_PP,
  M_BEST_DP,
  M_BEST_EP,
  M_BEST_MFU,
  M_BEST_THROUGHPUT,
  M_BEST_STEP_TIME,
  M_SEARCH_SPACE,
  M_SEARCHED,
  N_METRICS
} Metric;

typedef enum
{
  R_TP,
  R_PP,
  R_DP,
  R_EP,
  R_MFU,
  R_STEP_TIME,
  N_RANK_FIELDS
} RankField;

typedef struct
{
  const char *id;
  const char *label;
  const char *unit;
  const char *description;
} MetricDef;

static const MetricDef metric_defs[N_METRICS] = {
  [M_FEASIBLE] = { SOLVER_ID ".feasible", N_("Found a layout"), "",
                   N_("1 when some layout fits in memory and runs, else 0") },
  [M_BEST_TP] = { SOLVER_ID ".best_tp", N_("Best TP"), "", N_("Tensor-parallel degree") },
  [M_BEST_PP] = { SOLVER_ID ".best_pp", N_("Best PP"), "", N_("Pipeline-parallel degree") },
  [M_BEST_DP] = { SOLVER_ID ".best_dp", N_("Best DP"), "",
                  N_("Data-parallel degree: the fleet over TP × PP × EP") },
  [M_BEST_EP] = { SOLVER_ID ".best_ep", N_("Best EP"), "",
                  N_("Expert-parallel degree (1 for dense models)") },
  [M_BEST_MFU] = { SOLVER_ID ".best_mfu", N_("Best MFU"), "",
                   N_("Model FLOPs utilisation of the best layout: scaling efficiency × η") },
  [M_BEST_THROUGHPUT] = { SOLVER_ID ".best_throughput", N_("Best throughput"), "sample/s",
                          N_("Fleet throughput of the best layout") },
  [M_BEST_STEP_TIME] = { SOLVER_ID ".best_step_time", N_("Best step time"), "ms",
                         N_("Training step time of the best layout") },
  [M_SEARCH_SPACE] = { SOLVER_ID ".search_space_size", N_("Search space"), "",
                       N_("Layouts within the degree limits") },
  [M_SEARCHED] = { SOLVER_ID ".total_searched", N_("Layouts evaluated"), "",
                   N_("Layouts that divide the fleet and fit in memory, run through the "
                      "distributed solver") },
};

static const MetricDef rank_defs[N_RANK_FIELDS] = {
  [R_TP] = { "tp", N_("TP of candidate %u"), "", N_("Tensor-parallel degree of the "
                                                       "candidate ranked %u by MFU") },
  [R_PP] = { "pp", N_("PP of candidate %u"), "", N_("Pipeline-parallel degree of the "
                                                       "candidate ranked %u by MFU") },
  [R_DP] = { "dp", N_("DP of candidate %u"), "", N_("Data-parallel degree of the candidate "
                                                       "ranked %u by MFU") },
  [R_EP] = { "ep", N_("EP of candidate %u"), "", N_("Expert-parallel degree of the candidate "
                                                       "ranked %u by MFU") },
  [R_MFU] = { "mfu", N_("MFU of candidate %u"), "", N_("MFU of the candidate ranked %u") },
  [R_STEP_TIME] = { "step_time", N_("Step time of candidate %u"), "ms",
                    N_("Step time of the candidate ranked %u by MFU") },
};

typedef struct
{
  double      headroom;
  guint       max_log2;
  MlsQuantity optimizer_bytes;
  guint       top_n;
} Constants;

typedef struct
{
  guint  tp, pp, dp, ep;
  double mfu;
  double step_time;   /* s */
  double throughput;  /* sample/s */
} Candidate;

struct _MlsParallelismSolver
{
  GObject        parent_instance;

  Constants      c;
  gboolean       prepared;

  GQuark         quarks[N_METRICS];
  GQuark         rank_quarks[MAX_RANKS][N_RANK_FIELDS];
  GQuark         q_scaling;
  GQuark         q_step;
  GQuark         q_throughput;

  GMutex         lock;  /* guards plan */
  MlsEnginePlan *plan;  /* the distributed solver, through the default engine */
};

#define MLS_TYPE_PARALLELISM_SOLVER (mls_parallelism_solver_get_type ())
G_DECLARE_FINAL_TYPE (MlsParallelismSolver, mls_parallelism_solver, MLS, PARALLELISM_SOLVER,
                      GObject)

static void solver_iface_init (MlsSolverInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (MlsParallelismSolver, mls_parallelism_solver, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (MLS_TYPE_SOLVER,
                                                               solver_iface_init))

/* --- constants ------------------------------------------------------------------------- */

static gboolean
get_number (MlsRegistry *registry,
            const char  *key,
            double      *out,
            GError     **error)
{
  MlsQuantity q;

  if (!mls_registry_get_constant (registry, key, &q, error) ||
      !mls_quantity_check_dimension (&q, "", key, error))
    return FALSE;
  *out = q.value;
  return TRUE;
}

static gboolean
load_constants (MlsRegistry *registry,
                Constants   *c,
                GError     **error)
{
  double max_log2, optimizer_bytes, top;

  if (!get_number (registry, "parallelism_memory_headroom", &c->headroom, error) ||
      !get_number (registry, "parallelism_max_log2", &max_log2, error) ||
      !get_number (registry, "optimizer_bytes_adam", &optimizer_bytes, error) ||
      !get_number (registry, "optimizer_top_candidates", &top, error))
    return FALSE;
  /* 2^31 is the largest power of two a guint holds */
  if (!(c->headroom > 0 && c->headroom <= 1) || !(max_log2 >= 0 && max_log2 < 32) ||
      !(top >= 1))
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                   _("Registry constants parallelism_memory_headroom (a fraction), "
                     "parallelism_max_log2 (0–31) or optimizer_top_candidates (at least 1) "
                     "are out of range"));
      return FALSE;
    }
  c->max_log2 = (guint) max_log2;
  c->top_n = MIN ((guint) top, MAX_RANKS);
  /* The registry states optimizer state as bytes per parameter, a plain number. */
  return mls_quantity_from_unit (optimizer_bytes, "B", &c->optimizer_bytes, error);
}

static gboolean
mls_parallelism_solver_prepare (MlsSolver   *solver,
                                MlsRegistry *registry,
                                GError     **error)
{
  MlsParallelismSolver *self = MLS_PARALLELISM_SOLVER (solver);
  Constants c;

  if (!load_constants (registry, &c, error))
    return FALSE;
  self->c = c;
  self->prepared = TRUE;
  return TRUE;
}

/* --- description --------------------------------------------------------------------- */

static MlsSolverInfo *
mls_parallelism_solver_describe (MlsSolver *solver)
{
  MlsParallelismSolver *self = MLS_PARALLELISM_SOLVER (solver);
  MlsSolverInfo *info;

  info = mls_solver_info_new (SOLVER_ID, _("Parallelism optimizer"),
                              _("Search tensor, pipeline (and, for mixture-of-experts models, "
                                "expert) parallel degrees on a fleet for the highest model "
                                "FLOPs utilisation that fits in memory."),
                              MLS_SOLVER_KIND_OPTIMIZER);
  mls_solver_info_set_inputs (info, MLS_SOLVER_INPUT_WORKLOAD | MLS_SOLVER_INPUT_FLEET);
  mls_solver_info_add_wall (info, WALL_COMMUNICATION);
  mls_solver_info_add_parameter (info, PARAM_MAX_TP, _("Largest TP"), "", 0, 0, G_MAXUINT,
                                 _("Largest tensor-parallel degree tried; 0 for the "
                                   "accelerators per node"));
  mls_solver_info_add_parameter (info, PARAM_MAX_PP, _("Largest PP"), "", 0, 0, G_MAXUINT,
                                 _("Largest pipeline-parallel degree tried; 0 for the whole "
                                   "fleet"));
  mls_solver_info_add_parameter (info, PARAM_MAX_EP, _("Largest EP"), "", 0, 0, G_MAXUINT,
                                 _("Largest expert-parallel degree tried for mixture-of-experts "
                                   "models; 0 for the expert count"));
  mls_solver_info_add_parameter (info, PARAM_OVERLAP, _("Overlap communication"), "", 1, 0, 1,
                                 _("1 overlaps data-parallel communication with compute in "
                                   "every candidate (the reference's default), 0 does not"));
  for (guint i = 0; i < N_METRICS; i++)
    mls_solver_info_add_metric (info, metric_defs[i].id, _(metric_defs[i].label),
                                metric_defs[i].unit, _(metric_defs[i].description));
  for (guint k = 0; k < MAX_RANKS; k++)
    for (guint f = 0; f < N_RANK_FIELDS; f++)
      {
        g_autofree char *label = g_strdup_printf (_(rank_defs[f].label), k + 1);
        g_autofree char *description = g_strdup_printf (_(rank_defs[f].description), k + 1);

        mls_solver_info_add_metric (info, g_quark_to_string (self->rank_quarks[k][f]), label,
                                    rank_defs[f].unit, description);
      }
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
distributed_plan (MlsParallelismSolver *self,
                  GError              **error)
{
  MlsEnginePlan *plan;

  g_mutex_lock (&self->lock);
  if (self->plan == NULL)
    {
      const char *ids[] = { "distributed", NULL };
      g_autoptr(GError) local = NULL;

      self->plan = mls_engine_plan (mls_engine_get_default (), ids, &local);
      if (self->plan == NULL)
        g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                     _("The parallelism optimizer runs the distributed solver, which is not "
                       "available: %s"), local->message);
    }
  plan = self->plan != NULL ? mls_engine_plan_ref (self->plan) : NULL;
  g_mutex_unlock (&self->lock);
  return plan;
}

/* A whole-number limit from a parameter; @fallback when unset or 0. */
static gboolean
get_limit (MlsScenario *scenario,
           const char  *id,
           guint        fallback,
           guint       *out,
           GError     **error)
{
  MlsQuantity q;

  *out = fallback;
  if (!mls_scenario_get_parameter (scenario, id, &q) || q.value == 0)
    return TRUE;
  if (!(q.value >= 1) || q.value > G_MAXUINT || q.value != floor (q.value))
    return invalid (error, _("%s must be a whole number of at least 1 (or 0 for the "
                             "default); got %g"), id, q.value);
  *out = (guint) q.value;
  return TRUE;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  return (x->mfu < y->mfu) - (x->mfu > y->mfu);
}

static void
set_number (MlsLedger *ledger,
            GQuark     metric,
            double     value)
{
  MlsQuantity q = mls_quantity_scalar (value);

  mls_ledger_set_quark (ledger, metric, &q);
}

static void
set_time (MlsLedger *ledger,
          GQuark     metric,
          double     seconds)
{
  MlsQuantity q;

  mls_quantity_from_unit (seconds, "s", &q, NULL);
  mls_ledger_set_quark (ledger, metric, &q);
}

static gboolean
mls_parallelism_solver_solve (MlsSolver   *solver,
                              MlsScenario *scenario,
                              MlsLedger   *ledger,
                              GError     **error)
{
  MlsParallelismSolver *self = (MlsParallelismSolver *) solver;
  const Constants *c = &self->c;
  MlsWorkload *workload = mls_scenario_get_workload (scenario);
  MlsFleet *fleet = mls_scenario_get_fleet (scenario);
  MlsHardwareNode *hardware = mls_scenario_get_hardware (scenario);
  g_autoptr(MlsEnginePlan) plan = NULL;
  g_autoptr(MlsScenario) scratch = NULL;
  g_autoptr(MlsLedger) inner = NULL;
  g_autoptr(GArray) candidates = NULL;
  MlsQuantity bpp, overlap, scaling_q, step_q, throughput_q;
  double eta = mls_scenario_get_efficiency (scenario);
  double params, budget;
  guint n, per_node, max_tp, max_pp, max_ep, experts = 1, space = 0, searched = 0;
  gboolean moe;

  if (workload == NULL || fleet == NULL || hardware == NULL)
    return invalid (error, _("The parallelism optimizer needs a workload and a fleet"));
  if (!(eta > 0 && eta <= 1))
    return invalid (error, _("efficiency must be greater than 0 and at most 1, such as 0.5; "
                             "got %g"), eta);

  n = mls_fleet_get_total_accelerators (fleet);
  per_node = mls_node_get_accelerators_per_node (mls_fleet_get_node (fleet));
  moe = MLS_IS_MOE_WORKLOAD (workload);
  if (moe)
    experts = MAX (mls_moe_workload_get_experts (MLS_MOE_WORKLOAD (workload)), 1);
  if (!get_limit (scenario, PARAM_MAX_TP, MAX (per_node, 1), &max_tp, error) ||
      !get_limit (scenario, PARAM_MAX_PP, MAX (n, 1), &max_pp, error) ||
      !get_limit (scenario, PARAM_MAX_EP, experts, &max_ep, error))
    return FALSE;
  if (!moe)
    max_ep = 1;

  /* The memory screen: model state per device within a headroom of its memory. */
  params = mls_workload_get_parameter_count (workload);
  if (!mls_quantity_from_unit (mls_precision_bytes (mls_scenario_get_precision (scenario)), "B",
                               &bpp, error))
    return FALSE;
  budget = c->headroom * mls_hardware_node_get_memory_capacity (hardware)->value;

  if ((plan = distributed_plan (self, error)) == NULL)
    return FALSE;
  scratch = mls_scenario_copy (scenario);
  inner = mls_ledger_new ();
  mls_ledger_set_explain (inner, FALSE);
  /* Overlap as the optimizer says, unless the scenario sets the distributed solver's own. */
  if (!mls_scenario_get_parameter (scenario, DISTRIBUTED_OVERLAP, NULL))
    {
      if (!mls_scenario_get_parameter (scenario, PARAM_OVERLAP, &overlap))
        overlap = mls_quantity_scalar (1);
      mls_scenario_set_parameter (scratch, DISTRIBUTED_OVERLAP, &overlap);
    }

  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  for (guint i = 0; i <= c->max_log2; i++)
    {
      guint tp = 1u << i;

      if (tp > max_tp)
        break;
      for (guint j = 0; j <= c->max_log2; j++)
        {
          guint pp = 1u << j;

          if (pp > max_pp)
            break;
          for (guint k = 0; k <= c->max_log2; k++)
            {
              guint ep = 1u << k;
              guint64 group = (guint64) tp * pp * ep;
              MlsQuantity weights, gradients, optimizer;
              Candidate cand;

              if (ep > max_ep)
                break;
              if (experts % ep != 0)
                continue;
              space++;
              if (group > n || n % group != 0)
                continue;
              if (!mls_calc_training_state_memory (params, tp, pp, ep, 1, 0, 1, &bpp,
                                                   &c->optimizer_bytes, &weights, &gradients,
                                                   &optimizer, error))
                return FALSE;
              if (weights.value + gradients.value + optimizer.value > budget)
                continue;

              mls_scenario_set_knob (scratch, MLS_KNOB_TP, tp, NULL);
              mls_scenario_set_knob (scratch, MLS_KNOB_PP, pp, NULL);
              mls_scenario_set_knob (scratch, MLS_KNOB_EP, ep, NULL);
              mls_engine_plan_run (plan, scratch, inner);
              searched++;
              /* a candidate the distributed solver rejects is skipped, as in the reference */
              if (mls_ledger_get_status (inner, "distributed", NULL) != MLS_SOLVE_OK ||
                  !mls_ledger_get_quark (inner, self->q_scaling, &scaling_q) ||
                  !mls_ledger_get_quark (inner, self->q_step, &step_q) ||
                  !mls_ledger_get_quark (inner, self->q_throughput, &throughput_q) ||
                  !mls_calc_parallelism_mfu (CLAMP (scaling_q.value, 0, 1), eta, &cand.mfu,
                                             NULL))
                continue;
              cand.tp = tp;
              cand.pp = pp;
              cand.ep = ep;
              cand.dp = (guint) (n / group);
              cand.step_time = step_q.value;
              cand.throughput = throughput_q.value;
              g_array_append_val (candidates, cand);
            }
        }
    }
  /* stable: equal MFUs keep search order (TP, then PP, then EP ascending) */
  g_array_sort (candidates, compare_candidates);

  set_number (ledger, self->quarks[M_FEASIBLE], candidates->len > 0);
  set_number (ledger, self->quarks[M_SEARCH_SPACE], space);
  set_number (ledger, self->quarks[M_SEARCHED], searched);
  if (candidates->len == 0)
    {
      mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK,
                             _("No valid parallelism configurations found for this cluster "
                               "size."));
      if (mls_ledger_get_explain (ledger))
        mls_ledger_explain (ledger, SOLVER_ID,
                            _("No valid parallelism configurations found for this cluster "
                              "size: of %u layouts, none both divides the %u accelerators and "
                              "keeps its model state within %g × device memory."),
                            space, n, c->headroom);
      return TRUE;
    }

  {
    const Candidate *best = &g_array_index (candidates, Candidate, 0);
    MlsQuantity throughput;

    set_number (ledger, self->quarks[M_BEST_TP], best->tp);
    set_number (ledger, self->quarks[M_BEST_PP], best->pp);
    set_number (ledger, self->quarks[M_BEST_DP], best->dp);
    set_number (ledger, self->quarks[M_BEST_EP], best->ep);
    set_number (ledger, self->quarks[M_BEST_MFU], best->mfu);
    mls_quantity_from_unit (best->throughput, "sample/s", &throughput, NULL);
    mls_ledger_set_quark (ledger, self->quarks[M_BEST_THROUGHPUT], &throughput);
    set_time (ledger, self->quarks[M_BEST_STEP_TIME], best->step_time);
  }
  for (guint k = 0; k < MIN (candidates->len, c->top_n); k++)
    {
      const Candidate *r = &g_array_index (candidates, Candidate, k);

      set_number (ledger, self->rank_quarks[k][R_TP], r->tp);
      set_number (ledger, self->rank_quarks[k][R_PP], r->pp);
      set_number (ledger, self->rank_quarks[k][R_DP], r->dp);
      set_number (ledger, self->rank_quarks[k][R_EP], r->ep);
      set_number (ledger, self->rank_quarks[k][R_MFU], r->mfu);
      set_time (ledger, self->rank_quarks[k][R_STEP_TIME], r->step_time);
    }
  mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK, NULL);

  if (G_UNLIKELY (mls_ledger_get_explain (ledger)))
    {
      const Candidate *best = &g_array_index (candidates, Candidate, 0);

      mls_ledger_explain (ledger, SOLVER_ID,
                          _("Best of %u layouts on %u accelerators: TP %u × PP %u × EP %u × DP "
                            "%u, MFU %.4g (scaling efficiency × η = %g)."),
                          candidates->len, n, best->tp, best->pp, best->ep, best->dp, best->mfu,
                          eta);
      for (guint k = 0; k < MIN (candidates->len, c->top_n); k++)
        {
          const Candidate *r = &g_array_index (candidates, Candidate, k);

          mls_ledger_explain (ledger, SOLVER_ID,
                              _("%u. TP %u, PP %u, EP %u, DP %u: MFU %.4g, step %.4g s"), k + 1,
                              r->tp, r->pp, r->ep, r->dp, r->mfu, r->step_time);
        }
    }
  return TRUE;
}

/* --- type ----------------------------------------------------------------------------- */

static void
solver_iface_init (MlsSolverInterface *iface)
{
  iface->describe = mls_parallelism_solver_describe;
  iface->prepare = mls_parallelism_solver_prepare;
  iface->solve = mls_parallelism_solver_solve;
}

static void
mls_parallelism_solver_finalize (GObject *object)
{
  MlsParallelismSolver *self = MLS_PARALLELISM_SOLVER (object);

  g_clear_pointer (&self->plan, mls_engine_plan_unref);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (mls_parallelism_solver_parent_class)->finalize (object);
}

static void
mls_parallelism_solver_class_init (MlsParallelismSolverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mls_parallelism_solver_finalize;
}

static void
mls_parallelism_solver_class_finalize (MlsParallelismSolverClass *klass)
{
}

static void
mls_parallelism_solver_init (MlsParallelismSolver *self)
{
  g_mutex_init (&self->lock);
  for (guint i = 0; i < N_METRICS; i++)
    self->quarks[i] = g_quark_from_string (metric_defs[i].id);
  for (guint k = 0; k < MAX_RANKS; k++)
    for (guint f = 0; f < N_RANK_FIELDS; f++)
      {
        g_autofree char *id = g_strdup_printf (SOLVER_ID ".top%u_%s", k + 1, rank_defs[f].id);

        self->rank_quarks[k][f] = g_quark_from_string (id);
      }
  self->q_scaling = g_quark_from_string ("distributed.scaling_efficiency");
  self->q_step = g_quark_from_string ("distributed.step_latency");
  self->q_throughput = g_quark_from_string ("distributed.effective_throughput");
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  mls_parallelism_solver_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MLS_TYPE_SOLVER,
                                              MLS_TYPE_PARALLELISM_SOLVER);
}
