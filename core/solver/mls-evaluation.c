/* mls-evaluation.c — the three-level scorecard: will it run, is it fast enough, is it worth it
 *
 * The reference's SystemEvaluator and SystemEvaluation (inventory §13), built on the engine:
 * one node runs the roofline solver, a fleet the distributed solver, and a scenario that
 * describes operations adds economics and sustainability for the macro level. A scenario's
 * latency target and power budget (lighthouse scenarios) and its SLA assertions (plans) are
 * checked against the results.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "mlsysim.h"
#include "mls-json-private.h"

typedef struct
{
  char  *key;
  char  *unit; /* "" for ratios and counts */
  char  *text; /* non-NULL for text metrics */
  double value;
} Metric;

typedef struct
{
  char      *name;
  MlsVerdict verdict;
  char      *summary;
  GArray    *metrics; /* Metric */
} Level;

struct _MlsEvaluation
{
  GObject    parent_instance;
  char      *scenario_name;
  Level      levels[MLS_N_LEVELS];
  MlsLedger *ledger;
  MlsEngine *engine;
  GPtrArray *violations; /* char*, NULL-terminated */
};

G_DEFINE_FINAL_TYPE (MlsEvaluation, mls_evaluation, G_TYPE_OBJECT)

/* The prefixes of flattened metric names, as the reference's plan asserts use them
 * ("performance.latency") and as its to_dict() writes them ("p_latency"). */
static const char * const level_ids[MLS_N_LEVELS] = { "feasibility", "performance", "macro" };
static const char * const level_prefixes[MLS_N_LEVELS] = { "f_", "p_", "m_" };

static void
metric_clear (gpointer data)
{
  Metric *m = data;

  g_free (m->key);
  g_free (m->unit);
  g_free (m->text);
}

static void
mls_evaluation_finalize (GObject *object)
{
  MlsEvaluation *self = MLS_EVALUATION (object);

  for (guint i = 0; i < MLS_N_LEVELS; i++)
    {
      g_free (self->levels[i].name);
      g_free (self->levels[i].summary);
      g_array_unref (self->levels[i].metrics);
    }
  g_free (self->scenario_name);
  g_clear_object (&self->ledger);
  g_clear_object (&self->engine);
  g_ptr_array_unref (self->violations);
  G_OBJECT_CLASS (mls_evaluation_parent_class)->finalize (object);
}

static void
mls_evaluation_class_init (MlsEvaluationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mls_evaluation_finalize;
}

static void
mls_evaluation_init (MlsEvaluation *self)
{
  static const char * const names[MLS_N_LEVELS] = { N_("Feasibility"), N_("Performance"),
                                                    N_("Macro") };

  for (guint i = 0; i < MLS_N_LEVELS; i++)
    {
      self->levels[i].name = g_strdup (_(names[i]));
      self->levels[i].verdict = MLS_VERDICT_SKIPPED;
      self->levels[i].summary = g_strdup ("");
      self->levels[i].metrics = g_array_new (FALSE, TRUE, sizeof (Metric));
      g_array_set_clear_func (self->levels[i].metrics, metric_clear);
    }
  /* A reserved size: GLib 2.74 leaves pdata NULL, not a terminated empty array, at 0. */
  self->violations = g_ptr_array_new_null_terminated (4, g_free, TRUE);
}

/**
 * mls_verdict_to_string:
 * @verdict: a verdict
 *
 * Returns: "PASS", "FAIL", "WARNING" or "SKIPPED", as the reference writes them (not
 *   translated: scripts compare them)
 */
const char *
mls_verdict_to_string (MlsVerdict verdict)
{
  switch (verdict)
    {
    case MLS_VERDICT_PASS:
      return "PASS";
    case MLS_VERDICT_FAIL:
      return "FAIL";
    case MLS_VERDICT_WARNING:
      return "WARNING";
    case MLS_VERDICT_SKIPPED:
    default:
      return "SKIPPED";
    }
}

/**
 * mls_level_to_string:
 * @level: a level
 *
 * Returns: "feasibility", "performance" or "macro": the prefix of the level's flattened
 *   metric names
 */
const char *
mls_level_to_string (MlsLevel level)
{
  g_return_val_if_fail ((guint) level < MLS_N_LEVELS, NULL);
  return level_ids[level];
}

/**
 * mls_evaluation_new:
 * @scenario_name: the name shown on the scorecard
 *
 * Creates an empty evaluation, every level skipped, for callers that fill it themselves
 * (tests, other evaluators). Most callers want mls_evaluation_compute().
 *
 * Returns: (transfer full): a new evaluation
 */
MlsEvaluation *
mls_evaluation_new (const char *scenario_name)
{
  MlsEvaluation *self = g_object_new (MLS_TYPE_EVALUATION, NULL);

  self->scenario_name = g_strdup (scenario_name ? scenario_name : "");
  return self;
}

/**
 * mls_evaluation_get_scenario_name:
 * @self: a #MlsEvaluation
 *
 * Returns: the name of the evaluated scenario
 */
const char *
mls_evaluation_get_scenario_name (MlsEvaluation *self)
{
  return self->scenario_name;
}

/**
 * mls_evaluation_get_ledger:
 * @self: a #MlsEvaluation
 *
 * Returns: (transfer none) (nullable): every metric the solvers produced, for detail views
 */
MlsLedger *
mls_evaluation_get_ledger (MlsEvaluation *self)
{
  return self->ledger;
}

/**
 * mls_evaluation_get_verdict:
 * @self: a #MlsEvaluation
 * @level: a level
 *
 * Returns: the level's verdict
 */
MlsVerdict
mls_evaluation_get_verdict (MlsEvaluation *self,
                            MlsLevel       level)
{
  g_return_val_if_fail ((guint) level < MLS_N_LEVELS, MLS_VERDICT_SKIPPED);
  return self->levels[level].verdict;
}

/**
 * mls_evaluation_get_level_name:
 * @self: a #MlsEvaluation
 * @level: a level
 *
 * Returns: what the level checked ("Memory Feasibility", "Fleet Performance", …)
 */
const char *
mls_evaluation_get_level_name (MlsEvaluation *self,
                               MlsLevel       level)
{
  g_return_val_if_fail ((guint) level < MLS_N_LEVELS, NULL);
  return self->levels[level].name;
}

/**
 * mls_evaluation_get_summary:
 * @self: a #MlsEvaluation
 * @level: a level
 *
 * Returns: a one-line summary ("16.1 GB / 85.9 GB used", "Memory Bound")
 */
const char *
mls_evaluation_get_summary (MlsEvaluation *self,
                            MlsLevel       level)
{
  g_return_val_if_fail ((guint) level < MLS_N_LEVELS, NULL);
  return self->levels[level].summary;
}

/**
 * mls_evaluation_set_level:
 * @self: a #MlsEvaluation
 * @level: a level
 * @name: (nullable): what the level checked; %NULL keeps the current name
 * @verdict: its verdict
 * @summary: a one-line summary
 */
void
mls_evaluation_set_level (MlsEvaluation *self,
                          MlsLevel       level,
                          const char    *name,
                          MlsVerdict     verdict,
                          const char    *summary)
{
  Level *l;

  g_return_if_fail ((guint) level < MLS_N_LEVELS);
  l = &self->levels[level];
  if (name != NULL)
    {
      g_free (l->name);
      l->name = g_strdup (name);
    }
  l->verdict = verdict;
  g_free (l->summary);
  l->summary = g_strdup (summary ? summary : "");
}

static Metric *
find_metric (MlsEvaluation *self,
             MlsLevel       level,
             const char    *key)
{
  GArray *metrics = self->levels[level].metrics;

  for (guint i = 0; i < metrics->len; i++)
    if (strcmp (g_array_index (metrics, Metric, i).key, key) == 0)
      return &g_array_index (metrics, Metric, i);
  return NULL;
}

static Metric *
ensure_metric (MlsEvaluation *self,
               MlsLevel       level,
               const char    *key)
{
  Metric *m = find_metric (self, level, key);

  if (m == NULL)
    {
      Metric fresh = { g_strdup (key), NULL, NULL, 0 };
      g_array_append_val (self->levels[level].metrics, fresh);
      m = &g_array_index (self->levels[level].metrics, Metric,
                          self->levels[level].metrics->len - 1);
    }
  g_clear_pointer (&m->unit, g_free);
  g_clear_pointer (&m->text, g_free);
  return m;
}

/**
 * mls_evaluation_add_metric:
 * @self: a #MlsEvaluation
 * @level: a level
 * @key: the metric's name within the level ("latency")
 * @value: its value, in @unit
 * @unit: (nullable): the unit @value is in ("ms", "GB", "USD"); %NULL or "" for ratios
 *
 * Sets a metric of a level, in the order metrics are shown and written.
 */
void
mls_evaluation_add_metric (MlsEvaluation *self,
                           MlsLevel       level,
                           const char    *key,
                           double         value,
                           const char    *unit)
{
  Metric *m;

  g_return_if_fail ((guint) level < MLS_N_LEVELS);
  m = ensure_metric (self, level, key);
  m->value = value;
  m->unit = g_strdup (unit ? unit : "");
}

/**
 * mls_evaluation_add_text_metric:
 * @self: a #MlsEvaluation
 * @level: a level
 * @key: the metric's name within the level ("bottleneck")
 * @text: its value
 */
void
mls_evaluation_add_text_metric (MlsEvaluation *self,
                                MlsLevel       level,
                                const char    *key,
                                const char    *text)
{
  Metric *m;

  g_return_if_fail ((guint) level < MLS_N_LEVELS);
  m = ensure_metric (self, level, key);
  m->value = NAN;
  m->unit = g_strdup ("");
  m->text = g_strdup (text ? text : "");
}

/**
 * mls_evaluation_list_metrics:
 * @self: a #MlsEvaluation
 * @level: a level
 *
 * Returns: (transfer full) (array zero-terminated=1): the level's metric keys, in order
 */
char **
mls_evaluation_list_metrics (MlsEvaluation *self,
                             MlsLevel       level)
{
  GStrvBuilder *b = g_strv_builder_new ();
  char **keys;

  g_return_val_if_fail ((guint) level < MLS_N_LEVELS, NULL);
  for (guint i = 0; i < self->levels[level].metrics->len; i++)
    g_strv_builder_add (b, g_array_index (self->levels[level].metrics, Metric, i).key);
  keys = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return keys;
}

/**
 * mls_evaluation_get_metric:
 * @self: a #MlsEvaluation
 * @level: a level
 * @key: a metric key of that level
 * @out: (out) (optional): its value, in its unit
 *
 * Returns: whether the level has that numeric metric
 */
gboolean
mls_evaluation_get_metric (MlsEvaluation *self,
                           MlsLevel       level,
                           const char    *key,
                           double        *out)
{
  Metric *m;

  g_return_val_if_fail ((guint) level < MLS_N_LEVELS, FALSE);
  m = find_metric (self, level, key);
  if (m == NULL || m->text != NULL)
    return FALSE;
  if (out != NULL)
    *out = m->value;
  return TRUE;
}

/**
 * mls_evaluation_get_metric_text:
 * @self: a #MlsEvaluation
 * @level: a level
 * @key: a metric key of that level
 *
 * Returns: (nullable): the value of a text metric ("Memory"), or %NULL
 */
const char *
mls_evaluation_get_metric_text (MlsEvaluation *self,
                                MlsLevel       level,
                                const char    *key)
{
  Metric *m;

  g_return_val_if_fail ((guint) level < MLS_N_LEVELS, NULL);
  m = find_metric (self, level, key);
  return m != NULL ? m->text : NULL;
}

/**
 * mls_evaluation_get_metric_unit:
 * @self: a #MlsEvaluation
 * @level: a level
 * @key: a metric key of that level
 *
 * Returns: (nullable): the unit of a numeric metric ("ms"; "" for ratios), or %NULL
 */
const char *
mls_evaluation_get_metric_unit (MlsEvaluation *self,
                                MlsLevel       level,
                                const char    *key)
{
  Metric *m;

  g_return_val_if_fail ((guint) level < MLS_N_LEVELS, NULL);
  m = find_metric (self, level, key);
  return m != NULL && m->text == NULL ? m->unit : NULL;
}

/* A ledger id ("roofline.latency") in the unit its solver declares ("ms"). */
static gboolean
lookup_ledger (MlsEvaluation *self,
               const char    *name,
               double        *out)
{
  g_autofree char *solver = NULL;
  const MlsMetricSpec *spec = NULL;
  MlsSolverInfo *info;
  MlsQuantity q;
  const char *dot = strchr (name, '.');

  if (self->ledger == NULL || dot == NULL || !mls_ledger_get (self->ledger, name, &q))
    return FALSE;
  solver = g_strndup (name, dot - name);
  info = self->engine != NULL ? mls_engine_get_info (self->engine, solver) : NULL;
  if (info != NULL)
    spec = mls_solver_info_find_metric (info, g_quark_try_string (name));
  if (spec != NULL && spec->unit != NULL && *spec->unit != '\0' &&
      g_strcmp0 (spec->unit, "text") != 0)
    return mls_quantity_convert (&q, spec->unit, out, NULL);
  *out = q.value;
  return TRUE;
}

/**
 * mls_evaluation_lookup:
 * @self: a #MlsEvaluation
 * @name: a flattened metric name ("performance.latency", or "p_latency" as in the JSON), or a
 *   ledger id ("roofline.latency")
 * @out: (out): its value: in the scorecard's unit for flattened names, in the unit the solver
 *   declares for ledger ids
 *
 * Returns: whether the metric exists and is a number
 */
gboolean
mls_evaluation_lookup (MlsEvaluation *self,
                       const char    *name,
                       double        *out)
{
  for (guint i = 0; i < MLS_N_LEVELS; i++)
    {
      const char *rest = NULL;
      gsize n = strlen (level_ids[i]);

      if (strncmp (name, level_ids[i], n) == 0 && name[n] == '.')
        rest = name + n + 1;
      else if (g_str_has_prefix (name, level_prefixes[i]))
        rest = name + strlen (level_prefixes[i]);
      if (rest != NULL && mls_evaluation_get_metric (self, i, rest, out))
        return TRUE;
      if (rest != NULL && rest == name + n + 1)
        return FALSE;
    }
  return lookup_ledger (self, name, out);
}

/**
 * mls_evaluation_passed_all:
 * @self: a #MlsEvaluation
 *
 * Returns: whether every level passed or was skipped (as the reference's `passed_all`)
 */
gboolean
mls_evaluation_passed_all (MlsEvaluation *self)
{
  for (guint i = 0; i < MLS_N_LEVELS; i++)
    if (self->levels[i].verdict != MLS_VERDICT_PASS &&
        self->levels[i].verdict != MLS_VERDICT_SKIPPED)
      return FALSE;
  return TRUE;
}

/* Numbers in messages: short, and never "-0". */
static char *
format_plain (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6g", value == 0 ? 0 : value));
}

/**
 * mls_evaluation_check_assertions:
 * @self: a #MlsEvaluation
 * @scenario: the scenario whose assertions to check
 *
 * Checks every SLA assertion of @scenario (mls_scenario_add_assertion()) against the
 * evaluation, replacing earlier violations. Messages read as the reference's:
 * "macro.carbon_footprint (6.2) exceeds max (1)", "… is below min (…)", "… is not available
 * in evaluation metrics".
 *
 * Returns: the number of violations
 */
guint
mls_evaluation_check_assertions (MlsEvaluation *self,
                                 MlsScenario   *scenario)
{
  g_ptr_array_set_size (self->violations, 0);
  for (guint i = 0; i < mls_scenario_get_n_assertions (scenario); i++)
    {
      double minimum, maximum, value;
      const char *metric = mls_scenario_get_assertion (scenario, i, &minimum, &maximum);
      g_autofree char *v = NULL;

      if (!mls_evaluation_lookup (self, metric, &value))
        {
          g_ptr_array_add (self->violations,
                           g_strdup_printf (_("%s is not available in evaluation metrics"),
                                            metric));
          continue;
        }
      v = format_plain (value);
      if (!isnan (maximum) && value > maximum)
        {
          g_autofree char *bound = format_plain (maximum);
          g_ptr_array_add (self->violations,
                           g_strdup_printf (_("%s (%s) exceeds max (%s)"), metric, v, bound));
        }
      if (!isnan (minimum) && value < minimum)
        {
          g_autofree char *bound = format_plain (minimum);
          g_ptr_array_add (self->violations,
                           g_strdup_printf (_("%s (%s) is below min (%s)"), metric, v, bound));
        }
    }
  return self->violations->len;
}

/**
 * mls_evaluation_get_violations:
 * @self: a #MlsEvaluation
 *
 * Returns: (transfer none) (array zero-terminated=1): the SLA assertions that failed
 */
const char * const *
mls_evaluation_get_violations (MlsEvaluation *self)
{
  return (const char * const *) self->violations->pdata;
}

/* --- building from a ledger --------------------------------------------------------------- */

static gboolean
ledger_in (MlsLedger  *ledger,
           const char *id,
           const char *unit,
           double     *out)
{
  MlsQuantity q;

  if (!mls_ledger_get (ledger, id, &q))
    return FALSE;
  if (unit == NULL)
    {
      *out = q.value;
      return TRUE;
    }
  return mls_quantity_convert (&q, unit, out, NULL);
}

/* "1,234,567": dollars as the reference prints them (f"{x:,.0f}"). */
static char *
format_grouped (double value)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", fabs (value));
  GString *s = g_string_new (value < 0 && digits[0] != '0' ? "-" : "");
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

static void
add_if (MlsEvaluation *self,
        MlsLevel       level,
        const char    *key,
        MlsLedger     *ledger,
        const char    *id,
        const char    *ledger_unit,
        const char    *unit,
        double         scale)
{
  double v;

  if (ledger_in (ledger, id, ledger_unit, &v))
    mls_evaluation_add_metric (self, level, key, v * scale, unit);
}

static gboolean
solver_ok (MlsLedger   *ledger,
           const char  *id,
           const char **message)
{
  return mls_ledger_get_status (ledger, id, message) == MLS_SOLVE_OK;
}

static void
check_sla_latency (MlsEvaluation *self,
                   MlsScenario   *scenario,
                   double         latency_ms,
                   GString       *summary,
                   const char    *what)
{
  MlsQuantity sla;
  double sla_ms;

  if (!mls_scenario_get_sla_latency (scenario, &sla) ||
      !mls_quantity_convert (&sla, "ms", &sla_ms, NULL))
    return;
  /* Scenario.evaluate: FAIL when the latency exceeds the target. */
  if (latency_ms > sla_ms)
    self->levels[MLS_LEVEL_PERFORMANCE].verdict = MLS_VERDICT_FAIL;
  g_string_append_printf (summary, _(" | %s: %.2f ms (Target: %g ms)"), what, latency_ms, sla_ms);
  mls_evaluation_add_metric (self, MLS_LEVEL_PERFORMANCE, "sla_latency", sla_ms, "ms");
}

static void
build_single_node (MlsEvaluation   *self,
                   MlsScenario     *scenario,
                   MlsLedger       *ledger)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *f_summary = NULL;
  double used = 0, capacity = 0, utilization = 0, feasible = 1, latency = 0;
  const char *bottleneck = mls_ledger_get_text (ledger, "roofline.bottleneck");
  MlsQuantity budget, energy, time;

  ledger_in (ledger, "roofline.memory_footprint", "GB", &used);
  ledger_in (ledger, "roofline.memory_capacity", "GB", &capacity);
  ledger_in (ledger, "roofline.memory_utilization", NULL, &utilization);
  ledger_in (ledger, "roofline.feasible", NULL, &feasible);

  /* Level 1: the footprint (weights, or the training state) against device memory. */
  f_summary = g_strdup_printf (_("%.1f GB / %.1f GB used"), used, capacity);
  mls_evaluation_set_level (self, MLS_LEVEL_FEASIBILITY, _("Memory Feasibility"),
                            feasible > 0 ? MLS_VERDICT_PASS : MLS_VERDICT_FAIL, f_summary);
  mls_evaluation_add_metric (self, MLS_LEVEL_FEASIBILITY, "memory_used_gb", used, "GB");
  mls_evaluation_add_metric (self, MLS_LEVEL_FEASIBILITY, "memory_capacity_gb", capacity, "GB");
  mls_evaluation_add_metric (self, MLS_LEVEL_FEASIBILITY, "memory_utilization", utilization,
                             "");

  /* Level 2: where the step sits on the roofline; an infeasible step fails here too. */
  g_string_append_printf (summary, _("%s Bound"), bottleneck ? bottleneck : _("Unknown"));
  if (!(feasible > 0))
    g_string_append (summary, _(" (infeasible)"));
  mls_evaluation_set_level (self, MLS_LEVEL_PERFORMANCE, _("Single Node Performance"),
                            feasible > 0 ? MLS_VERDICT_PASS : MLS_VERDICT_FAIL, NULL);
  add_if (self, MLS_LEVEL_PERFORMANCE, "latency", ledger, "roofline.latency", "ms", "ms", 1);
  add_if (self, MLS_LEVEL_PERFORMANCE, "throughput", ledger, "roofline.throughput", NULL, "1/s",
          1);
  add_if (self, MLS_LEVEL_PERFORMANCE, "mfu", ledger, "roofline.mfu", NULL, "", 1);
  if (bottleneck != NULL)
    mls_evaluation_add_text_metric (self, MLS_LEVEL_PERFORMANCE, "bottleneck", bottleneck);

  if (ledger_in (ledger, "roofline.latency", "ms", &latency))
    check_sla_latency (self, scenario, latency, summary, _("Latency"));

  /* Average power while running, E / T, against the scenario's power budget. Exceeding it
   * is a warning, not a failure: the budget may be an average over a duty cycle. */
  if (mls_scenario_get_power_budget (scenario, &budget) &&
      mls_ledger_get (ledger, "roofline.energy", &energy) &&
      mls_ledger_get (ledger, "roofline.latency", &time) && time.value > 0)
    {
      MlsQuantity power;
      double watts, budget_w;

      mls_quantity_divide (&energy, &time, &power);
      if (mls_quantity_convert (&power, "W", &watts, NULL) &&
          mls_quantity_convert (&budget, "W", &budget_w, NULL))
        {
          g_autofree char *p = mls_quantity_format (&power, 3);
          g_autofree char *b = mls_quantity_format (&budget, 3);

          mls_evaluation_add_metric (self, MLS_LEVEL_PERFORMANCE, "power_w", watts, "W");
          mls_evaluation_add_metric (self, MLS_LEVEL_PERFORMANCE, "power_budget_w", budget_w,
                                     "W");
          if (watts > budget_w)
            {
              if (self->levels[MLS_LEVEL_PERFORMANCE].verdict == MLS_VERDICT_PASS)
                self->levels[MLS_LEVEL_PERFORMANCE].verdict = MLS_VERDICT_WARNING;
              g_string_append_printf (summary, _(" | Power: %s over the %s budget"), p, b);
            }
        }
    }

  g_free (self->levels[MLS_LEVEL_PERFORMANCE].summary);
  self->levels[MLS_LEVEL_PERFORMANCE].summary = g_strdup (summary->str);
}

static void
build_distributed (MlsEvaluation *self,
                   MlsScenario   *scenario,
                   MlsLedger     *ledger)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  double scaling = 0, feasible = 1, used, step;
  MlsHardwareNode *hardware = mls_scenario_get_hardware (scenario);

  /* Level 1. The reference passes every fleet ("Distributed Model Check Passed"); mlsysim
   * keeps the verdict but warns when each device's training state overflows its memory and
   * the step is priced on the host-offload path. */
  ledger_in (ledger, "distributed.feasible", NULL, &feasible);
  if (feasible > 0)
    mls_evaluation_set_level (self, MLS_LEVEL_FEASIBILITY, _("Feasibility"), MLS_VERDICT_PASS,
                              _("Distributed Model Check Passed"));
  else
    mls_evaluation_set_level (self, MLS_LEVEL_FEASIBILITY, _("Feasibility"),
                              MLS_VERDICT_WARNING,
                              _("Distributed Model Check Passed; each device offloads its "
                                "training state to host memory"));
  if (ledger_in (ledger, "distributed.node_memory_footprint", "GB", &used) && hardware != NULL)
    {
      double capacity;

      mls_quantity_convert (mls_hardware_node_get_memory_capacity (hardware), "GB", &capacity,
                            NULL);
      mls_evaluation_add_metric (self, MLS_LEVEL_FEASIBILITY, "memory_used_gb", used, "GB");
      mls_evaluation_add_metric (self, MLS_LEVEL_FEASIBILITY, "memory_capacity_gb", capacity,
                                 "GB");
      if (capacity > 0)
        mls_evaluation_add_metric (self, MLS_LEVEL_FEASIBILITY, "memory_utilization",
                                   used / capacity, "");
    }

  /* Level 2: the step of the whole fleet. */
  ledger_in (ledger, "distributed.scaling_efficiency", NULL, &scaling);
  g_string_append_printf (summary, _("Scaling Efficiency: %.1f%%"), scaling * 100);
  mls_evaluation_set_level (self, MLS_LEVEL_PERFORMANCE, _("Fleet Performance"),
                            MLS_VERDICT_PASS, NULL);
  add_if (self, MLS_LEVEL_PERFORMANCE, "step_latency", ledger, "distributed.step_latency", "ms",
          "ms", 1);
  add_if (self, MLS_LEVEL_PERFORMANCE, "comm_overhead", ledger, "distributed.comm_latency",
          "ms", "ms", 1);
  add_if (self, MLS_LEVEL_PERFORMANCE, "fleet_throughput", ledger,
          "distributed.effective_throughput", NULL, "1/s", 1);
  add_if (self, MLS_LEVEL_PERFORMANCE, "mfu", ledger, "distributed.mfu", NULL, "", 1);
  add_if (self, MLS_LEVEL_PERFORMANCE, "node_mfu", ledger, "distributed.node_mfu", NULL, "", 1);
  add_if (self, MLS_LEVEL_PERFORMANCE, "scaling_efficiency", ledger,
          "distributed.scaling_efficiency", NULL, "", 1);
  if (ledger_in (ledger, "distributed.step_latency", "ms", &step))
    check_sla_latency (self, scenario, step, summary, _("Step"));

  g_free (self->levels[MLS_LEVEL_PERFORMANCE].summary);
  self->levels[MLS_LEVEL_PERFORMANCE].summary = g_strdup (summary->str);
}

static void
build_macro (MlsEvaluation *self,
             MlsScenario   *scenario,
             MlsLedger     *ledger,
             const char    *unavailable)
{
  const char *message = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *dollars = NULL;
  double tco = 0, carbon_kg = 0;

  if (!mls_scenario_get_operations (scenario))
    {
      mls_evaluation_set_level (self, MLS_LEVEL_MACRO, _("Macro"), MLS_VERDICT_SKIPPED,
                                _("No Ops config provided"));
      return;
    }
  if (unavailable != NULL)
    {
      summary = g_strdup_printf (_("Economics unavailable: %s"), unavailable);
      mls_evaluation_set_level (self, MLS_LEVEL_MACRO, _("Macro"), MLS_VERDICT_SKIPPED, summary);
      return;
    }
  if (!solver_ok (ledger, "economics", &message) ||
      !solver_ok (ledger, "sustainability", &message))
    {
      summary = g_strdup_printf (_("Economics unavailable: %s"),
                                 message ? message : _("the solver did not run"));
      mls_evaluation_set_level (self, MLS_LEVEL_MACRO, _("Macro"), MLS_VERDICT_SKIPPED, summary);
      return;
    }

  ledger_in (ledger, "economics.tco", "USD", &tco);
  ledger_in (ledger, "sustainability.carbon", "kg", &carbon_kg);
  dollars = format_grouped (tco);
  summary = g_strdup_printf (_("TCO: $%s | Carbon: %.2f t CO2e over %g days"), dollars,
                             carbon_kg / 1000.0,
                             mls_scenario_get_knob (scenario, MLS_KNOB_DURATION_DAYS));
  mls_evaluation_set_level (self, MLS_LEVEL_MACRO, _("Economics & Sustainability"),
                            MLS_VERDICT_PASS, summary);
  mls_evaluation_add_metric (self, MLS_LEVEL_MACRO, "tco_usd", tco, "USD");
  /* The reference reports carbon in metric tons: kg / 1000. */
  mls_evaluation_add_metric (self, MLS_LEVEL_MACRO, "carbon_footprint", carbon_kg / 1000.0, "t");
  add_if (self, MLS_LEVEL_MACRO, "energy_cost", ledger, "economics.opex_energy", "USD", "USD", 1);
  add_if (self, MLS_LEVEL_MACRO, "capex", ledger, "economics.capex", "USD", "USD", 1);
  add_if (self, MLS_LEVEL_MACRO, "energy_kwh", ledger, "sustainability.total_energy", "kWh",
          "kWh", 1);
  add_if (self, MLS_LEVEL_MACRO, "water_liters", ledger, "sustainability.water", "L", "L", 1);
  mls_evaluation_add_metric (self, MLS_LEVEL_MACRO, "duration_days",
                             mls_scenario_get_knob (scenario, MLS_KNOB_DURATION_DAYS), "d");
  if (mls_ledger_get_text (ledger, "sustainability.region") != NULL)
    mls_evaluation_add_text_metric (self, MLS_LEVEL_MACRO, "region",
                                    mls_ledger_get_text (ledger, "sustainability.region"));
}

/**
 * mls_evaluation_compute:
 * @engine: (nullable): the engine; %NULL for the default one
 * @scenario: a scenario with a workload and hardware (or a fleet)
 * @error: return location for a #GError
 *
 * Evaluates @scenario on three levels, as the reference's SystemEvaluator: one accelerator
 * runs the `roofline` solver (memory feasibility; latency, throughput, MFU and bottleneck), a
 * fleet of several runs `distributed` (step time, communication, scaling efficiency); a
 * scenario with operations (mls_scenario_get_operations()) adds `economics` and
 * `sustainability` for the macro level (TCO, carbon in tons, energy cost, CapEx) over its
 * duration and region. The scenario's latency target and power budget are checked at the
 * performance level, and its SLA assertions are checked into mls_evaluation_get_violations().
 *
 * Returns: (transfer full) (nullable): the evaluation, or %NULL if the scenario is
 *   incomplete or the performance solver fails (the error says why)
 */
MlsEvaluation *
mls_evaluation_compute (MlsEngine   *engine,
                        MlsScenario *scenario,
                        GError     **error)
{
  g_autoptr(MlsEvaluation) self = NULL;
  g_autoptr(MlsEnginePlan) plan = NULL;
  g_autoptr(GError) macro_error = NULL;
  MlsFleet *fleet;
  gboolean distributed, operations;
  const char *core, *message = NULL;
  const char *ids[4] = { NULL };
  MlsSolveStatus status;

  g_return_val_if_fail (MLS_IS_SCENARIO (scenario), NULL);

  if (engine == NULL)
    engine = mls_engine_get_default ();
  if (mls_scenario_get_workload (scenario) == NULL || mls_scenario_get_hardware (scenario) == NULL)
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                   _("Scenario “%s” needs a workload and hardware to be evaluated"),
                   mls_scenario_get_name (scenario));
      return NULL;
    }

  fleet = mls_scenario_get_fleet (scenario);
  distributed = fleet != NULL && mls_fleet_get_total_accelerators (fleet) > 1;
  operations = mls_scenario_get_operations (scenario);
  core = distributed ? "distributed" : "roofline";

  ids[0] = core;
  if (operations)
    {
      ids[1] = "economics";
      ids[2] = "sustainability";
      plan = mls_engine_plan (engine, ids, &macro_error);
      ids[1] = NULL;
    }
  if (plan == NULL && (plan = mls_engine_plan (engine, ids, error)) == NULL)
    return NULL;

  self = mls_evaluation_new (mls_scenario_get_name (scenario));
  self->engine = g_object_ref (engine);
  self->ledger = mls_ledger_new ();
  mls_engine_plan_run (plan, scenario, self->ledger);

  status = mls_ledger_get_status (self->ledger, core, &message);
  if (status != MLS_SOLVE_OK)
    {
      g_set_error (error, MLS_SOLVER_ERROR, status == MLS_SOLVE_SKIPPED
                   ? MLS_SOLVER_ERROR_INVALID_INPUT : MLS_SOLVER_ERROR_FAILED,
                   _("Solver “%s” %s: %s"), core,
                   status == MLS_SOLVE_SKIPPED ? _("cannot run") : _("failed"),
                   message ? message : _("no reason given"));
      return NULL;
    }

  if (distributed)
    build_distributed (self, scenario, self->ledger);
  else
    build_single_node (self, scenario, self->ledger);
  build_macro (self, scenario, self->ledger, macro_error ? macro_error->message : NULL);
  mls_evaluation_check_assertions (self, scenario);
  return g_steal_pointer (&self);
}

/* --- rendering ---------------------------------------------------------------------------- */

static const struct
{
  const char *key;
  const char *label;
} metric_labels[] = {
  { "memory_used_gb", N_("Memory used") },
  { "memory_capacity_gb", N_("Memory capacity") },
  { "memory_utilization", N_("Memory utilisation") },
  { "latency", N_("Latency") },
  { "throughput", N_("Throughput") },
  { "mfu", N_("MFU") },
  { "node_mfu", N_("Node MFU") },
  { "bottleneck", N_("Bottleneck") },
  { "sla_latency", N_("Latency target") },
  { "power_w", N_("Power") },
  { "power_budget_w", N_("Power budget") },
  { "step_latency", N_("Step latency") },
  { "comm_overhead", N_("Communication") },
  { "fleet_throughput", N_("Fleet throughput") },
  { "scaling_efficiency", N_("Scaling efficiency") },
  { "tco_usd", N_("TCO") },
  { "carbon_footprint", N_("Carbon footprint") },
  { "energy_cost", N_("Energy cost") },
  { "capex", N_("CapEx") },
  { "energy_kwh", N_("Energy") },
  { "water_liters", N_("Water") },
  { "duration_days", N_("Duration") },
  { "region", N_("Region") },
};

static char *
metric_label (const char *key)
{
  char *label;

  for (guint i = 0; i < G_N_ELEMENTS (metric_labels); i++)
    if (strcmp (metric_labels[i].key, key) == 0)
      return g_strdup (_(metric_labels[i].label));
  label = g_strdup (key);
  g_strdelimit (label, "_", ' ');
  label[0] = g_ascii_toupper (label[0]);
  return label;
}

static char *
metric_value (const Metric *m)
{
  g_autofree char *grouped = NULL;

  if (m->text != NULL)
    return g_strdup (m->text);
  if (!isfinite (m->value))
    return g_strdup ("–");
  if (strcmp (m->unit, "USD") == 0)
    {
      grouped = format_grouped (m->value);
      return g_strdup_printf ("$%s", grouped);
    }
  if (*m->unit == '\0')
    /* Ratios: utilisation, MFU and efficiency read as percentages. */
    return g_strdup_printf ("%.1f%%", m->value * 100);
  if (strcmp (m->unit, "1/s") == 0)
    return g_strdup_printf ("%.2f /s", m->value);
  if (strcmp (m->unit, "t") == 0)
    return g_strdup_printf ("%.3f t CO2e", m->value);
  return g_strdup_printf ("%.2f %s", m->value, m->unit);
}

/**
 * mls_evaluation_to_json:
 * @self: a #MlsEvaluation
 *
 * The reference's flat `to_dict()`: `scenario`, `f_status`, `p_status`, `m_status`, then each
 * level's metrics prefixed `f_`, `p_`, `m_` (`p_latency` in ms, `m_carbon_footprint` in
 * tons, …). When SLA assertions failed, `status` is "sla_failed" and `violations` lists them.
 *
 * Returns: (transfer full): the JSON text, pretty-printed
 */
char *
mls_evaluation_to_json (MlsEvaluation *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "scenario");
  json_builder_add_string_value (b, self->scenario_name);
  for (guint i = 0; i < MLS_N_LEVELS; i++)
    {
      g_autofree char *key = g_strdup_printf ("%sstatus", level_prefixes[i]);
      json_builder_set_member_name (b, key);
      json_builder_add_string_value (b, mls_verdict_to_string (self->levels[i].verdict));
    }
  for (guint i = 0; i < MLS_N_LEVELS; i++)
    for (guint j = 0; j < self->levels[i].metrics->len; j++)
      {
        const Metric *m = &g_array_index (self->levels[i].metrics, Metric, j);
        g_autofree char *key = g_strconcat (level_prefixes[i], m->key, NULL);

        json_builder_set_member_name (b, key);
        if (m->text != NULL)
          json_builder_add_string_value (b, m->text);
        else if (isfinite (m->value))
          json_builder_add_double_value (b, m->value);
        else
          json_builder_add_null_value (b);
      }
  if (self->violations->len > 0)
    {
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, "sla_failed");
      json_builder_set_member_name (b, "violations");
      json_builder_begin_array (b);
      for (guint i = 0; i < self->violations->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (self->violations, i));
      json_builder_end_array (b);
    }
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return mls_json_write (root);
}

#define BOX_WIDTH 60

/* One row of the box: "║ text …padding… ║", wrapped at spaces when longer than the box. */
static void
box_row (GString    *s,
         const char *text,
         const char *continuation)
{
  const char *p = text;
  gboolean first = TRUE;

  do
    {
      const char *indent = first ? " " : continuation;
      glong room = BOX_WIDTH - g_utf8_strlen (indent, -1) - 1;
      glong len = g_utf8_strlen (p, -1);
      const char *end, *cut = NULL;
      glong width;

      if (len <= room)
        end = p + strlen (p);
      else
        {
          end = g_utf8_offset_to_pointer (p, room);
          for (const char *q = p; q < end; q = g_utf8_next_char (q))
            if (*q == ' ')
              cut = q;
          if (cut != NULL && cut > p)
            end = cut;
        }
      width = g_utf8_strlen (indent, -1) + g_utf8_pointer_to_offset (p, end);
      g_string_append (s, "║");
      g_string_append (s, indent);
      g_string_append_len (s, p, end - p);
      for (glong i = width; i < BOX_WIDTH; i++)
        g_string_append_c (s, ' ');
      g_string_append (s, "║\n");
      p = end;
      while (*p == ' ')
        p++;
      first = FALSE;
    }
  while (*p != '\0');
}

static void
box_rule (GString    *s,
          const char *left,
          const char *fill,
          const char *right)
{
  g_string_append (s, left);
  for (guint i = 0; i < BOX_WIDTH; i++)
    g_string_append (s, fill);
  g_string_append (s, right);
  g_string_append_c (s, '\n');
}

/**
 * mls_evaluation_to_scorecard:
 * @self: a #MlsEvaluation
 *
 * The boxed text scorecard of the reference (60 columns inside the box): the scenario, then
 * for each level "Level i: Name [STATUS]" and "↳ summary", then any SLA violations.
 *
 * Returns: (transfer full): the scorecard, ending in a newline
 */
char *
mls_evaluation_to_scorecard (MlsEvaluation *self)
{
  static const char * const titles[MLS_N_LEVELS] = { N_("Feasibility"), N_("Performance"),
                                                     N_("Macro/Economics") };
  GString *s = g_string_new (NULL);
  g_autofree char *scenario = g_strdup_printf (_("Scenario: %s"), self->scenario_name);

  box_rule (s, "╔", "═", "╗");
  box_row (s, _("MLSys·im SYSTEM EVALUATION"), "   ");
  box_row (s, scenario, "   ");
  box_rule (s, "╠", "═", "╣");
  for (guint i = 0; i < MLS_N_LEVELS; i++)
    {
      g_autofree char *head = g_strdup_printf (_("Level %u: %s [%s]"), i + 1, _(titles[i]),
                                               mls_verdict_to_string (self->levels[i].verdict));
      g_autofree char *summary = g_strdup_printf ("↳ %s", self->levels[i].summary);

      box_row (s, head, "   ");
      box_row (s, summary, "   ");
      if (i + 1 < MLS_N_LEVELS)
        box_rule (s, "╟", "-", "╢");
    }
  if (self->violations->len > 0)
    {
      box_rule (s, "╠", "═", "╣");
      box_row (s, _("SLA assertions failed:"), "   ");
      for (guint i = 0; i < self->violations->len; i++)
        {
          g_autofree char *line = g_strdup_printf ("✗ %s",
                                                   (char *) g_ptr_array_index (self->violations, i));
          box_row (s, line, "   ");
        }
    }
  box_rule (s, "╚", "═", "╝");
  return g_string_free (s, FALSE);
}

static void
markdown_metrics (GString     *s,
                  const Level *level)
{
  for (guint i = 0; i < level->metrics->len; i++)
    {
      const Metric *m = &g_array_index (level->metrics, Metric, i);
      g_autofree char *label = metric_label (m->key);
      g_autofree char *value = metric_value (m);

      g_string_append_printf (s, "- **%s**: %s\n", label, value);
    }
}

/**
 * mls_evaluation_to_markdown:
 * @self: a #MlsEvaluation
 *
 * Returns: (transfer full): the scorecard as Markdown, ready to paste into a course page
 */
char *
mls_evaluation_to_markdown (MlsEvaluation *self)
{
  GString *s = g_string_new (NULL);
  const Level *f = &self->levels[MLS_LEVEL_FEASIBILITY];
  const Level *p = &self->levels[MLS_LEVEL_PERFORMANCE];
  const Level *m = &self->levels[MLS_LEVEL_MACRO];

  g_string_append_printf (s, _("## MLSys·im Plan: %s\n"), self->scenario_name);
  g_string_append_printf (s, _("\n### %s Feasibility: %s\n%s\n"),
                          f->verdict == MLS_VERDICT_PASS ? "🟢"
                          : f->verdict == MLS_VERDICT_WARNING ? "🟡" : "🔴",
                          mls_verdict_to_string (f->verdict), f->summary);
  markdown_metrics (s, f);
  g_string_append_printf (s, _("\n### 🚀 Performance: %s\n%s\n"),
                          mls_verdict_to_string (p->verdict), p->summary);
  markdown_metrics (s, p);
  if (m->verdict != MLS_VERDICT_SKIPPED)
    {
      g_string_append_printf (s, _("\n### 🌍 Ops & Macro: %s\n%s\n"),
                              mls_verdict_to_string (m->verdict), m->summary);
      markdown_metrics (s, m);
    }
  if (self->violations->len > 0)
    {
      g_string_append_printf (s, _("\n### ❌ SLA assertions failed\n"));
      for (guint i = 0; i < self->violations->len; i++)
        g_string_append_printf (s, "- %s\n", (char *) g_ptr_array_index (self->violations, i));
    }
  return g_string_free (s, FALSE);
}

static void
html_card (GString     *s,
           const char  *color,
           const char  *icon,
           const char  *title,
           const Level *level)
{
  g_autofree char *summary = g_markup_escape_text (level->summary, -1);

  g_string_append_printf (s,
                          "    <div class=\"card\" style=\"border-left: 4px solid %s;\">\n"
                          "      <h3 style=\"color: %s;\">%s %s: %s</h3>\n"
                          "      <p>%s</p>\n",
                          color, color, icon, title, mls_verdict_to_string (level->verdict),
                          summary);
  if (level->metrics->len > 0)
    {
      g_string_append (s, "      <table>\n");
      for (guint i = 0; i < level->metrics->len; i++)
        {
          const Metric *m = &g_array_index (level->metrics, Metric, i);
          g_autofree char *label = metric_label (m->key);
          g_autofree char *value = metric_value (m);
          g_autofree char *l = g_markup_escape_text (label, -1);
          g_autofree char *v = g_markup_escape_text (value, -1);

          g_string_append_printf (s, "        <tr><th>%s</th><td>%s</td></tr>\n", l, v);
        }
      g_string_append (s, "      </table>\n");
    }
  g_string_append (s, "    </div>\n");
}

/**
 * mls_evaluation_to_html:
 * @self: a #MlsEvaluation
 *
 * Returns: (transfer full): the scorecard as a standalone HTML page of three cards
 *   (feasibility green or red, performance blue, macro violet, as the reference's)
 */
char *
mls_evaluation_to_html (MlsEvaluation *self)
{
  GString *s = g_string_new (NULL);
  g_autofree char *name = g_markup_escape_text (self->scenario_name, -1);
  const Level *f = &self->levels[MLS_LEVEL_FEASIBILITY];
  const char *f_color = f->verdict == MLS_VERDICT_PASS ? "#10b981"
                        : f->verdict == MLS_VERDICT_WARNING ? "#f59e0b" : "#ef4444";

  g_string_append_printf (s,
    "<!DOCTYPE html>\n"
    "<html>\n"
    "<head>\n"
    "  <meta charset=\"utf-8\">\n"
    "  <title>MLSys·im Plan: %s</title>\n"
    "  <style>\n"
    "    body { font-family: -apple-system, \"Segoe UI\", Roboto, Helvetica, Arial, sans-serif;"
    " background: #f9fafb; color: #111827; padding: 40px; line-height: 1.5; }\n"
    "    .container { max-width: 640px; margin: 0 auto; }\n"
    "    .card { background: white; padding: 24px; border-radius: 8px;"
    " box-shadow: 0 1px 3px rgba(0,0,0,0.1); margin-bottom: 20px; }\n"
    "    h2 { color: #1f2937; text-align: center; margin-bottom: 30px; }\n"
    "    h2 span { color: #6b7280; font-size: 18px; font-weight: normal; }\n"
    "    h3 { margin: 0 0 8px; font-size: 18px; }\n"
    "    p { margin-top: 0; color: #4b5563; font-size: 14px; }\n"
    "    table { width: 100%%; border-collapse: collapse; font-size: 14px; margin-top: 15px; }\n"
    "    th, td { padding: 8px; border-bottom: 1px solid #eee; }\n"
    "    th { text-align: left; } td { text-align: right; }\n"
    "  </style>\n"
    "</head>\n"
    "<body>\n"
    "  <div class=\"container\">\n"
    "    <h2>MLSys·im Plan<br><span>%s</span></h2>\n", name, name);
  html_card (s, f_color, f->verdict == MLS_VERDICT_PASS ? "🟢" : "🔴", _("Feasibility"), f);
  html_card (s, "#3b82f6", "⚡", _("Performance"), &self->levels[MLS_LEVEL_PERFORMANCE]);
  if (self->levels[MLS_LEVEL_MACRO].verdict != MLS_VERDICT_SKIPPED)
    html_card (s, "#8b5cf6", "🌍", _("Ops & Macro"), &self->levels[MLS_LEVEL_MACRO]);
  if (self->violations->len > 0)
    {
      g_string_append_printf (s, "    <div class=\"card\" style=\"border-left: 4px solid "
                              "#ef4444;\">\n      <h3 style=\"color: #ef4444;\">❌ %s</h3>\n"
                              "      <ul>\n", _("SLA assertions failed"));
      for (guint i = 0; i < self->violations->len; i++)
        {
          g_autofree char *v = g_markup_escape_text (g_ptr_array_index (self->violations, i),
                                                     -1);
          g_string_append_printf (s, "        <li>%s</li>\n", v);
        }
      g_string_append (s, "      </ul>\n    </div>\n");
    }
  g_string_append (s, "  </div>\n</body>\n</html>\n");
  return g_string_free (s, FALSE);
}
