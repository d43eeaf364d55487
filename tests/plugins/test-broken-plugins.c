/* test-broken-plugins.c — plugins that fail to load or answer nonsense are refused by name
 *
 * Third-party plugins will misbehave. The engine loads the real plugins and the test-only
 * ones of tests/plugins/broken side by side, and this checks that:
 *
 * - a plugin that cannot load (garbage .plugin file, missing module, Python that fails to
 *   import, a metric in a unit that does not exist) is listed in the load errors by name, and
 *   the other plugins load;
 * - a solver that writes NaN, a negative time, bytes where it declared seconds, or that raises
 *   an ordinary Python exception is marked failed, with a message naming it, its metric is
 *   not in the ledger as a number anyone could use, and every real solver still answers.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <mlsysim.h>

static MlsRegistry *registry;
static MlsEngine *engine;

static char *
broken_dir (void)
{
  return g_build_filename (g_getenv ("MLSYSIM_BUILD_ROOT"), "tests", "plugins", "broken", NULL);
}

static gboolean
load_errors_mention (const char *what)
{
  const char * const *errors = mls_engine_get_load_errors (engine);

  for (guint i = 0; errors[i] != NULL; i++)
    if (strstr (errors[i], what) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_load_error (const char *what)
{
  if (!load_errors_mention (what))
    {
      const char * const *errors = mls_engine_get_load_errors (engine);
      g_autofree char *all = g_strjoinv ("\n", (char **) errors);
      g_error ("no load error mentions “%s”; the load errors are:\n%s", what, all);
    }
}

/* Plugins that cannot load are reported, by module name, and skipped. */
static void
test_load_errors (void)
{
  g_auto(GStrv) ids = mls_engine_list_solvers (engine);

  assert_load_error ("no-such-module");         /* Module= names no library */
  assert_load_error ("python_import_error");    /* the module raises on import */
  assert_load_error ("broken-bad-unit");        /* a metric in “furlongs per fortnight” */
  g_assert_false (g_strv_contains ((const char * const *) ids, "broken-bad-unit"));

  /* the real ones and the loadable broken ones are there */
  g_assert_true (g_strv_contains ((const char * const *) ids, "roofline"));
  g_assert_true (g_strv_contains ((const char * const *) ids, "serving"));
  g_assert_true (g_strv_contains ((const char * const *) ids, "broken-nan"));
  g_assert_true (g_strv_contains ((const char * const *) ids, "python-raises"));
}

static MlsScenario *
scenario (void)
{
  g_autoptr(GError) error = NULL;
  MlsEntry *model = mls_registry_lookup (registry, "models", "Llama3_8B", &error);
  MlsEntry *hardware;
  MlsScenario *s;

  g_assert_no_error (error);
  hardware = mls_registry_lookup (registry, "hardware", "H100", &error);
  g_assert_no_error (error);
  s = mls_scenario_new ("broken plugins");
  mls_scenario_set_workload (s, MLS_WORKLOAD (model));
  mls_scenario_set_hardware (s, MLS_HARDWARE_NODE (hardware));
  return s;
}

typedef struct
{
  const char *id;
  const char *metric;
  const char *why;   /* a fragment of the engine's message */
} Broken;

static const Broken broken[] = {
  { "broken-nan", "broken-nan.latency", "not a number" },
  { "broken-negative", "broken-negative.latency", "negative time" },
  { "broken-units", "broken-units.latency", "which it declared as" },
  { "broken-undeclared", "broken-undeclared.undeclared", "negative time" },
  { "python-nan", "python-nan.latency", "not a number" },
  /* an ordinary Python exception reaches C as FALSE without a GError */
  { "python-raises", "python-raises.latency", "failed" },
};

static void
assert_refused (MlsLedger    *ledger,
                const Broken *b)
{
  const char *message = NULL;
  MlsSolveStatus status = mls_ledger_get_status (ledger, b->id, &message);
  MlsQuantity q;

  if (status != MLS_SOLVE_FAILED)
    g_error ("solver %s: status %d, expected failed", b->id, status);
  g_assert_nonnull (message);
  /* the message names the plugin (python-raises is named by its status entry) */
  if (!g_str_equal (b->id, "python-raises") && strstr (message, b->id) == NULL)
    g_error ("“%s” does not name the solver %s", message, b->id);
  if (strstr (message, b->why) == NULL)
    g_error ("“%s” does not say “%s”", message, b->why);
  /* nothing downstream can read the nonsense as a result */
  if (mls_ledger_get (ledger, b->metric, &q))
    g_assert_true (isfinite (q.value) && !(q.value < 0));
}

/* One evaluation with every solver: the broken ones fail by name, the others answer. */
static void
test_nonsense_refused (void)
{
  g_autoptr(MlsScenario) s = scenario ();
  g_autoptr(MlsLedger) ledger = mls_ledger_new ();
  g_autoptr(GError) error = NULL;
  MlsQuantity q;

  g_assert_true (mls_engine_solve (engine, NULL, s, ledger, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    assert_refused (ledger, &broken[i]);

  /* the real solvers still answer on the same ledger */
  g_assert_cmpint (mls_ledger_get_status (ledger, "roofline", NULL), ==, MLS_SOLVE_OK);
  g_assert_cmpint (mls_ledger_get_status (ledger, "serving", NULL), ==, MLS_SOLVE_OK);
  g_assert_true (mls_ledger_get (ledger, "serving.ttft", &q));
  g_assert_true (isfinite (q.value) && q.value > 0);
}

/* Asked for alone, a broken solver fails the same way, and the engine stays usable. */
static void
test_each_alone (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(MlsScenario) s = scenario ();
      g_autoptr(MlsLedger) ledger = mls_ledger_new ();
      g_autoptr(GError) error = NULL;
      const char *ids[] = { broken[i].id, NULL };

      g_assert_true (mls_engine_solve (engine, ids, s, ledger, &error));
      g_assert_no_error (error);
      assert_refused (ledger, &broken[i]);
    }
  {
    g_autoptr(MlsScenario) s = scenario ();
    g_autoptr(MlsLedger) ledger = mls_ledger_new ();
    const char *ids[] = { "roofline", NULL };

    g_assert_true (mls_engine_solve (engine, ids, s, ledger, NULL));
    g_assert_cmpint (mls_ledger_get_status (ledger, "roofline", NULL), ==, MLS_SOLVE_OK);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = broken_dir ();
  int status;

  g_test_init (&argc, &argv, NULL);
  /* libpeas and the Python loader warn about the plugins that cannot load: expected here */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_test_log_set_fatal_handler (NULL, NULL);

  registry = mls_registry_get_default (&error);
  g_assert_no_error (error);
  engine = mls_engine_new (registry);
  mls_engine_add_search_path (engine, dir);
  mls_engine_discover (engine);

  g_test_add_func ("/broken-plugins/load-errors", test_load_errors);
  g_test_add_func ("/broken-plugins/nonsense-refused", test_nonsense_refused);
  g_test_add_func ("/broken-plugins/each-alone", test_each_alone);
  status = g_test_run ();
  g_clear_object (&engine);
  return status;
}
