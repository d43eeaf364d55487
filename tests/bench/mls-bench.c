/* mls-bench.c — the figures that make live what-if and million-point sweeps possible
 *
 * Prints one line per figure, "name: value unit", each the median of several repetitions.
 * Run with `meson test -C build --benchmark` (or directly, from `meson devenv`).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <mlsysim.h>

#define REPETITIONS 5

typedef double (*Measure) (gpointer data);

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median_of (Measure  measure,
           gpointer data)
{
  double values[REPETITIONS];

  for (guint i = 0; i < REPETITIONS; i++)
    values[i] = measure (data);
  qsort (values, REPETITIONS, sizeof (double), compare_doubles);
  return values[REPETITIONS / 2];
}

static MlsScenario *
default_scenario (MlsRegistry *registry)
{
  g_autoptr(GError) error = NULL;
  MlsScenario *s = mls_scenario_new ("Llama3_8B on H100");
  MlsEntry *model = mls_registry_lookup (registry, "models", "Llama3_8B", &error);
  MlsEntry *hw = model ? mls_registry_lookup (registry, "hardware", "H100", &error) : NULL;

  if (hw == NULL)
    g_error ("benchmark needs Llama3_8B and H100: %s", error->message);
  mls_scenario_set_workload (s, MLS_WORKLOAD (model));
  mls_scenario_set_hardware (s, MLS_HARDWARE_NODE (hw));
  return s;
}

typedef struct
{
  MlsEnginePlan *plan;
  MlsScenario   *scenario;
  MlsLedger     *ledger;
  guint          iterations;
} SolveBench;

/* Solves per second on one core through the public C API: engine plan → plugin → ledger. */
static double
measure_solves (gpointer data)
{
  SolveBench *b = data;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < b->iterations; i++)
    mls_engine_plan_run (b->plan, b->scenario, b->ledger);
  return b->iterations / ((g_get_monotonic_time () - start) / 1e6);
}

static double
bench_plan (MlsEngine          *engine,
            const char * const *ids,
            MlsScenario        *scenario,
            guint               iterations)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsLedger) ledger = mls_ledger_new ();
  g_autoptr(MlsEnginePlan) plan = mls_engine_plan (engine, ids, &error);
  SolveBench b = { plan, scenario, ledger, iterations };

  if (plan == NULL)
    {
      g_printerr ("benchmark: %s\n", error->message);
      return 0;
    }
  mls_ledger_set_explain (ledger, FALSE);
  measure_solves (&b); /* warm up: the ledger's storage, the caches */
  return median_of (measure_solves, &b);
}

static double
measure_registry_load (gpointer data)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(MlsRegistry) registry = mls_registry_new ();
  g_autoptr(GError) error = NULL;

  if (!mls_registry_load_builtin (registry, &error) || !mls_registry_link (registry, &error))
    g_error ("registry: %s", error->message);
  return (g_get_monotonic_time () - start) / 1e3;
}

static double
measure_discovery (gpointer data)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(MlsEngine) engine = mls_engine_new (data);

  mls_engine_discover (engine);
  return (g_get_monotonic_time () - start) / 1e3;
}

typedef struct
{
  const char *program;
  char      **argv;
  double      peak_rss_mb;
} ProcessBench;

/* Wall time of a whole process, and its peak resident memory. */
static double
measure_process (gpointer data)
{
  ProcessBench *b = data;
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status;
  pid_t pid = fork ();

  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);
      dup2 (null, 1);
      execv (b->program, b->argv);
      _exit (127);
    }
  wait4 (pid, &status, 0, &usage);
  b->peak_rss_mb = usage.ru_maxrss / 1024.0;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return -1;
  return (g_get_monotonic_time () - start) / 1e3;
}

/* --- sweeps: a million points on every core (issue 5) ------------------------------------- */

/* 50 devices × 100 batch sizes × 8 precisions × 25 efficiencies = 1,000,000 points, roofline
 * only, latency and bottleneck collected. */
static MlsSweep *
million_point_sweep (MlsEngine   *engine,
                     MlsScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  MlsRegistry *registry = mls_engine_get_registry (engine);
  g_auto(GStrv) all = mls_registry_list_keys (registry, "hardware");
  g_autoptr(GString) hardware = g_string_new ("hardware=");
  MlsSweep *sweep = mls_sweep_new (engine, scenario);

  for (guint i = 0; i < 50 && all[i] != NULL; i++)
    g_string_append_printf (hardware, "%s%s", i ? "," : "", all[i]);
  if (!mls_sweep_add_axis_from_string (sweep, hardware->str, &error) ||
      !mls_sweep_add_axis_from_string (sweep, "batch_size=1:100", &error) ||
      !mls_sweep_add_axis_from_string (sweep, "precision=all", &error) ||
      !mls_sweep_add_axis_from_string (sweep, "efficiency=0.02:0.5:0.02", &error) ||
      !mls_sweep_add_metric (sweep, "roofline.latency", &error) ||
      !mls_sweep_add_metric (sweep, "roofline.bottleneck", &error))
    g_error ("sweep: %s", error->message);
  if (mls_sweep_get_n_points (sweep) != 1000000)
    g_error ("sweep: %" G_GUINT64_FORMAT " points, not a million", mls_sweep_get_n_points (sweep));
  return sweep;
}

static double
measure_sweep (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsSweepTable) table = NULL;
  gint64 start = g_get_monotonic_time ();

  table = mls_sweep_run (data, NULL, NULL, NULL, &error);
  if (table == NULL)
    g_error ("sweep: %s", error->message);
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
print_figure (const char *name,
              double      value,
              const char *unit)
{
  g_print ("%s: %.6g %s\n", name, value, unit);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  MlsRegistry *registry;
  MlsEngine *engine;
  g_autoptr(MlsScenario) scenario = NULL;
  const char *roofline[] = { "roofline", NULL };
  const char *core_six[] = { "roofline", "serving", "economics", "sustainability", "reliability",
                             NULL };
  const char *cli = g_getenv ("MLSYSIM_BENCH_CLI");

  print_figure ("cores", g_get_num_processors (), "");
  print_figure ("registry_load_ms", median_of (measure_registry_load, NULL), "ms");

  registry = mls_registry_get_default (&error);
  if (registry == NULL)
    g_error ("registry: %s", error->message);
  print_figure ("plugin_discovery_ms", median_of (measure_discovery, registry), "ms");

  engine = mls_engine_get_default ();
  scenario = default_scenario (registry);
  print_figure ("roofline_solve_per_s", bench_plan (engine, roofline, scenario, 2000000),
                "1/s");
  print_figure ("scenario_eval_per_s", bench_plan (engine, core_six, scenario, 200000), "1/s");

  {
    g_autoptr(MlsSweep) sweep = million_point_sweep (engine, scenario);
    double all_cores, one_core;

    all_cores = median_of (measure_sweep, sweep);
    mls_sweep_set_n_threads (sweep, 1);
    one_core = median_of (measure_sweep, sweep);
    print_figure ("sweep_1m_s", all_cores, "s");
    print_figure ("sweep_1m_one_core_s", one_core, "s");
    print_figure ("sweep_scaling", one_core / all_cores, "x");
  }

  if (cli != NULL)
    {
      char *cli_argv[] = { (char *) cli, "eval", "Llama3_8B", "H100", NULL };
      ProcessBench b = { cli, cli_argv, 0 };
      print_figure ("cli_eval_ms", median_of (measure_process, &b), "ms");
      print_figure ("cli_peak_rss_mb", b.peak_rss_mb, "MB");
    }
  return 0;
}
