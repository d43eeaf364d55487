/* mls-batching-solver.c — walls 5 and 7: the largest batch that still meets a P99 SLA
 *
 * The reference's BatchingOptimizer (inventory §9.13): for every batch size b up to a limit,
 * serve the model (the engine's serving solver), take the time a batch holds its server,
 * TTFT + ITL × sequence length, and queue batches arriving at λ/b on the replicas as an M/M/c
 * system (mls_calc_queue_latency_mmc). A batch size is feasible when it fits in memory, the
 * queue is stable and the P99 latency (wait + service) meets the SLA; the answer is the
 * largest feasible one. Larger batches amortise the weights over more requests, but each
 * request waits for its batch: the tail decides.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>
#include <math.h>

#include <mlsysim.h>

#define SOLVER_ID "batching"
#define PARAM_SLA SOLVER_ID ".sla"
#define PARAM_QPS SOLVER_ID ".qps"
#define PARAM_REPLICAS SOLVER_ID ".replicas"
#define PARAM_MAX_BATCH SOLVER_ID ".max_batch"

/* Walls 5 (Batching) and 7 (Tail Latency), registry/walls.yaml. */
#define WALL_BATCHING 5
#define WALL_TAIL_LATENCY 7

typedef enum
{
  M_FEASIBLE,
  M_BEST_BATCH,
  M_MAX_THROUGHPUT,
  M_P99,
  M_P50,
  M_SERVICE_TIME,
  M_UTILIZATION,
  M_HEADROOM,
  M_SLA,
  M_QPS,
  M_SEARCHED,
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
  [M_FEASIBLE] = { SOLVER_ID ".feasible", N_("Meets the SLA"), "",
                   N_("1 when some batch size meets the P99 SLA at the request rate, else 0") },
  [M_BEST_BATCH] = { SOLVER_ID ".best_batch_size", N_("Best batch size"), "",
                     N_("The largest batch size that meets the P99 SLA (0 when none does)") },
  [M_MAX_THROUGHPUT] = { SOLVER_ID ".max_throughput", N_("Throughput"), "token/s",
                         N_("Tokens served per second at the request rate: λ × sequence "
                            "length (0 when no batch meets the SLA)") },
  [M_P99] = { SOLVER_ID ".p99_latency", N_("P99 latency"), "ms",
              N_("99th-percentile latency at the best batch size: queueing wait + service") },
  [M_P50] = { SOLVER_ID ".p50_latency", N_("P50 latency"), "ms",
              N_("Median latency at the best batch size") },
  [M_SERVICE_TIME] = { SOLVER_ID ".service_time", N_("Service time"), "ms",
                       N_("Time a batch holds its server: TTFT + ITL × sequence length") },
  [M_UTILIZATION] = { SOLVER_ID ".queue_utilization", N_("Queue utilisation"), "",
                      N_("ρ = (λ/b) / (replicas × service rate) at the best batch size") },
  [M_HEADROOM] = { SOLVER_ID ".slo_headroom_ratio", N_("SLO headroom ratio"), "",
                   N_("P99 wait over the tail-latency SLO (a multiple of the service time); "
                      "1 when the queue is unstable") },
  [M_SLA] = { SOLVER_ID ".sla_latency", N_("SLA"), "ms", N_("The P99 latency target") },
  [M_QPS] = { SOLVER_ID ".arrival_rate", N_("Request rate"), "request/s",
              N_("Requests arriving per second") },
  [M_SEARCHED] = { SOLVER_ID ".total_searched", N_("Batch sizes tried"), "",
                   N_("Batch sizes evaluated") },
};

typedef struct
{
  guint  max_batch;
  double slo_factor;
} Constants;

struct _MlsBatchingSolver
{
  GObject        parent_instance;

  Constants      c;
  gboolean       prepared;

  GQuark         quarks[N_METRICS];
  GQuark         q_ttft;
  GQuark         q_itl;
  GQuark         q_feasible;

  GMutex         lock;  /* guards plan */
  MlsEnginePlan *plan;  /* the serving solver, through the default engine */
};

#define MLS_TYPE_BATCHING_SOLVER (mls_batching_solver_get_type ())
G_DECLARE_FINAL_TYPE (MlsBatchingSolver, mls_batching_solver, MLS, BATCHING_SOLVER, GObject)

static void solver_iface_init (MlsSolverInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (MlsBatchingSolver, mls_batching_solver, G_TYPE_OBJECT,
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
  double max_batch;

  if (!get_number (registry, "batching_max_search_batch", &max_batch, error) ||
      !get_number (registry, "tail_latency_slo_factor", &c->slo_factor, error))
    return FALSE;
  if (!(max_batch >= 1 && max_batch <= G_MAXUINT32) || !(c->slo_factor > 0))
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                   _("Registry constants batching_max_search_batch (at least 1) or "
                     "tail_latency_slo_factor (above 0) are out of range"));
      return FALSE;
    }
  c->max_batch = (guint) max_batch;
  return TRUE;
}

static gboolean
mls_batching_solver_prepare (MlsSolver   *solver,
                             MlsRegistry *registry,
                             GError     **error)
{
  MlsBatchingSolver *self = MLS_BATCHING_SOLVER (solver);
  Constants c;

  if (!load_constants (registry, &c, error))
    return FALSE;
  self->c = c;
  self->prepared = TRUE;
  return TRUE;
}

/* --- description --------------------------------------------------------------------- */

static MlsSolverInfo *
mls_batching_solver_describe (MlsSolver *solver)
{
  MlsBatchingSolver *self = MLS_BATCHING_SOLVER (solver);
  Constants c = self->c;
  MlsSolverInfo *info;

  /* The default limit comes from the registry: the engine's once prepared, else the default
   * one. */
  if (!self->prepared)
    {
      MlsRegistry *registry = mls_registry_get_default (NULL);

      if (registry == NULL || !load_constants (registry, &c, NULL))
        c.max_batch = 1;
    }

  info = mls_solver_info_new (SOLVER_ID, _("Batching optimizer"),
                              _("The largest serving batch whose 99th-percentile latency, "
                                "queueing included, meets the SLA at a given request rate."),
                              MLS_SOLVER_KIND_OPTIMIZER);
  mls_solver_info_set_inputs (info, MLS_SOLVER_INPUT_WORKLOAD | MLS_SOLVER_INPUT_HARDWARE |
                                      MLS_SOLVER_INPUT_TRANSFORMER);
  mls_solver_info_add_wall (info, WALL_BATCHING);
  mls_solver_info_add_wall (info, WALL_TAIL_LATENCY);
  mls_solver_info_add_parameter (info, PARAM_SLA, _("P99 SLA"), "ms", 0, 0, G_MAXDOUBLE,
                                 _("The 99th-percentile latency to meet; 0 uses the scenario's "
                                   "latency SLA, and without one the optimizer is skipped"));
  mls_solver_info_add_parameter (info, PARAM_QPS, _("Request rate"), "request/s", 0, 0,
                                 G_MAXDOUBLE,
                                 _("Requests arriving per second; 0 skips the optimizer"));
  mls_solver_info_add_parameter (info, PARAM_REPLICAS, _("Replicas"), "", 1, 1, G_MAXUINT,
                                 _("Servers sharing the queue"));
  mls_solver_info_add_parameter (info, PARAM_MAX_BATCH, _("Largest batch"), "", c.max_batch, 1,
                                 G_MAXUINT32, _("Largest batch size tried"));
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
serving_plan (MlsBatchingSolver *self,
              GError           **error)
{
  MlsEnginePlan *plan;

  g_mutex_lock (&self->lock);
  if (self->plan == NULL)
    {
      const char *ids[] = { "serving", NULL };
      g_autoptr(GError) local = NULL;

      self->plan = mls_engine_plan (mls_engine_get_default (), ids, &local);
      if (self->plan == NULL)
        g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                     _("The batching optimizer runs the serving solver, which is not "
                       "available: %s"), local->message);
    }
  plan = self->plan != NULL ? mls_engine_plan_ref (self->plan) : NULL;
  g_mutex_unlock (&self->lock);
  return plan;
}

static gboolean
get_count (MlsScenario *scenario,
           const char  *id,
           guint        fallback,
           guint       *out,
           GError     **error)
{
  MlsQuantity q;

  *out = fallback;
  if (!mls_scenario_get_parameter (scenario, id, &q))
    return TRUE;
  if (!(q.value >= 1) || q.value > G_MAXUINT32 || q.value != floor (q.value))
    return invalid (error, _("%s must be a whole number of at least 1; got %g"), id, q.value);
  *out = (guint) q.value;
  return TRUE;
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
  char *text = mls_quantity_format_in (q, unit, 6, NULL);

  return text != NULL ? text : mls_quantity_format (q, 4);
}

typedef struct
{
  guint       batch;
  MlsQuantity p50;
  MlsQuantity p99;
  MlsQuantity service;
  double      utilization;
  double      headroom;
} Outcome;

static gboolean
mls_batching_solver_solve (MlsSolver   *solver,
                           MlsScenario *scenario,
                           MlsLedger   *ledger,
                           GError     **error)
{
  MlsBatchingSolver *self = (MlsBatchingSolver *) solver;
  g_autoptr(MlsEnginePlan) plan = NULL;
  g_autoptr(MlsScenario) scratch = NULL;
  g_autoptr(MlsLedger) inner = NULL;
  MlsQuantity sla, qps, throughput, zero_time;
  guint replicas, max_batch, searched = 0;
  guint seq_len = mls_scenario_get_seq_len (scenario);
  Outcome best = { 0 };
  const MlsQuantity one = mls_quantity_scalar (1);

  if (mls_scenario_get_workload (scenario) == NULL || mls_scenario_get_hardware (scenario) == NULL)
    return invalid (error, _("The batching optimizer needs a workload and a hardware node"));

  /* The question: an SLA and a request rate. Without them there is nothing to optimise. */
  if ((!mls_scenario_get_parameter (scenario, PARAM_SLA, &sla) || sla.value == 0) &&
      !mls_scenario_get_sla_latency (scenario, &sla))
    {
      mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_SKIPPED,
                             _("needs a P99 SLA: set batching.sla or a latency SLA"));
      return TRUE;
    }
  if (!mls_scenario_get_parameter (scenario, PARAM_QPS, &qps) || qps.value == 0)
    {
      mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_SKIPPED,
                             _("needs a request rate: set batching.qps"));
      return TRUE;
    }
  if (!mls_quantity_check_dimension (&sla, "s", PARAM_SLA, error) ||
      !mls_quantity_check_dimension (&qps, "/s", PARAM_QPS, error))
    return FALSE;
  if (!(sla.value > 0) || !(qps.value > 0))
    return invalid (error, _("%s and %s must be more than 0"), PARAM_SLA, PARAM_QPS);
  if (!get_count (scenario, PARAM_REPLICAS, 1, &replicas, error) ||
      !get_count (scenario, PARAM_MAX_BATCH, self->c.max_batch, &max_batch, error))
    return FALSE;

  if ((plan = serving_plan (self, error)) == NULL)
    return FALSE;
  scratch = mls_scenario_copy (scenario);
  inner = mls_ledger_new ();
  mls_ledger_set_explain (inner, FALSE);

  /* Every batch size; the largest that meets the SLA wins (feasibility need not be monotone). */
  for (guint b = 1; b <= max_batch; b++)
    {
      MlsQuantity ttft, itl, feasible, service, service_rate, batch_rate, w50, w99, p99;
      double rho;
      gboolean ok;

      mls_scenario_set_knob (scratch, MLS_KNOB_BATCH_SIZE, b, NULL);
      mls_engine_plan_run (plan, scratch, inner);
      searched++;
      if (mls_ledger_get_status (inner, "serving", NULL) != MLS_SOLVE_OK ||
          !mls_ledger_get_quark (inner, self->q_feasible, &feasible) ||
          !mls_ledger_get_quark (inner, self->q_ttft, &ttft) ||
          !mls_ledger_get_quark (inner, self->q_itl, &itl))
        continue;
      if (!mls_calc_request_service_time (&ttft, &itl, seq_len, &service, error) ||
          !mls_calc_batch_arrival_rate (&qps, b, &batch_rate, error))
        return FALSE;
      if (!(service.value > 0))
        continue;
      /* μ = 1 / service time */
      mls_quantity_divide (&one, &service, &service_rate);
      if (!mls_calc_queue_latency_mmc (&batch_rate, &service_rate, replicas, &rho, &w50, &w99,
                                       error))
        return FALSE;
      p99 = w99;
      p99.value += service.value;
      ok = feasible.value != 0 && rho < 1 && p99.value <= sla.value;
      if (!ok)
        continue;
      best.batch = b;
      best.p50 = w50;
      best.p50.value += service.value;
      best.p99 = p99;
      best.service = service;
      best.utilization = rho;
      /* headroom: the P99 wait over the tail SLO, a multiple of the service time */
      best.headroom = MAX (w99.value / (self->c.slo_factor * service.value), 0);
    }

  mls_ledger_set_quark (ledger, self->quarks[M_SLA], &sla);
  mls_ledger_set_quark (ledger, self->quarks[M_QPS], &qps);
  set_number (ledger, self->quarks[M_SEARCHED], searched);
  set_number (ledger, self->quarks[M_FEASIBLE], best.batch > 0);
  set_number (ledger, self->quarks[M_BEST_BATCH], best.batch);
  mls_quantity_from_unit (0, "s", &zero_time, NULL);
  if (best.batch == 0)
    {
      /* the reference reports zeros when nothing meets the SLA */
      mls_quantity_from_unit (0, "token/s", &throughput, NULL);
      mls_ledger_set_quark (ledger, self->quarks[M_MAX_THROUGHPUT], &throughput);
      mls_ledger_set_quark (ledger, self->quarks[M_P99], &zero_time);
      mls_ledger_set_quark (ledger, self->quarks[M_P50], &zero_time);
      mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK,
                             _("No batch size meets the P99 SLA at this request rate"));
      if (mls_ledger_get_explain (ledger))
        {
          g_autofree char *s = format_in (&sla, "ms");

          mls_ledger_explain (ledger, SOLVER_ID,
                              _("No batch size from 1 to %u meets a P99 of %s at %g requests/s "
                                "on %u replica(s): each is out of memory, unstable or too "
                                "slow."), max_batch, s, qps.value, replicas);
        }
      return TRUE;
    }

  /* The reference's max_throughput: the request rate times the sequence length. */
  mls_quantity_scale (&qps, seq_len, &throughput);
  mls_ledger_set_quark (ledger, self->quarks[M_MAX_THROUGHPUT], &throughput);
  mls_ledger_set_quark (ledger, self->quarks[M_P99], &best.p99);
  mls_ledger_set_quark (ledger, self->quarks[M_P50], &best.p50);
  mls_ledger_set_quark (ledger, self->quarks[M_SERVICE_TIME], &best.service);
  set_number (ledger, self->quarks[M_UTILIZATION], best.utilization);
  set_number (ledger, self->quarks[M_HEADROOM], best.headroom);
  mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK, NULL);

  if (G_UNLIKELY (mls_ledger_get_explain (ledger)))
    {
      g_autofree char *s = format_in (&sla, "ms");
      g_autofree char *p = format_in (&best.p99, "ms");
      g_autofree char *t = format_in (&best.service, "ms");

      mls_ledger_explain (ledger, SOLVER_ID,
                          _("Batch %u is the largest that meets a P99 of %s at %g requests/s: "
                            "P99 %s (service %s, queue utilisation %.3g on %u replica(s))."),
                          best.batch, s, qps.value, p, t, best.utilization, replicas);
    }
  return TRUE;
}

/* --- type ----------------------------------------------------------------------------- */

static void
solver_iface_init (MlsSolverInterface *iface)
{
  iface->describe = mls_batching_solver_describe;
  iface->prepare = mls_batching_solver_prepare;
  iface->solve = mls_batching_solver_solve;
}

static void
mls_batching_solver_finalize (GObject *object)
{
  MlsBatchingSolver *self = MLS_BATCHING_SOLVER (object);

  g_clear_pointer (&self->plan, mls_engine_plan_unref);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (mls_batching_solver_parent_class)->finalize (object);
}

static void
mls_batching_solver_class_init (MlsBatchingSolverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mls_batching_solver_finalize;
}

static void
mls_batching_solver_class_finalize (MlsBatchingSolverClass *klass)
{
}

static void
mls_batching_solver_init (MlsBatchingSolver *self)
{
  g_mutex_init (&self->lock);
  for (guint i = 0; i < N_METRICS; i++)
    self->quarks[i] = g_quark_from_string (metric_defs[i].id);
  self->q_ttft = g_quark_from_string ("serving.ttft");
  self->q_itl = g_quark_from_string ("serving.itl");
  self->q_feasible = g_quark_from_string ("serving.feasible");
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  mls_batching_solver_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MLS_TYPE_SOLVER,
                                              MLS_TYPE_BATCHING_SOLVER);
}
