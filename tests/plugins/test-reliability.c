/* test-reliability.c — the reliability solver (wall 15) against the reference's cases
 *
 * Every expected value is derived by hand from registry facts in the comment above it
 * (component MTBFs: GPU 50,000 h, NIC 150,000 h, PSU 100,000 h; DGX H100 = 8 GPUs, 8 NICs,
 * 2 PSUs; Research_256 = 32 nodes, Frontier_8K = 1024 nodes; checkpoint 60 s, recovery 300 s);
 * none is copied from the solver's output. Case ids (C31, …) are those of
 * shared/reference/reference-cases.md.
 *
 * DGX H100 node MTBF = 1 / (8/50,000 + 8/150,000 + 2/100,000) = 1 / 2.3333e-4 = 4285.714 h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <mlsysim.h>

#define DGX_NODE_MTBF_H (1.0 / (8.0 / 50000 + 8.0 / 150000 + 2.0 / 100000))

static MlsRegistry *registry;
static MlsEngine *engine;

/* --- helpers ---------------------------------------------------------------------------- */

static MlsEntry *
lookup (const char *category,
        const char *key)
{
  g_autoptr (GError) error = NULL;
  MlsEntry *entry = mls_registry_lookup (registry, category, key, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  return entry;
}

static void
set_days (MlsScenario *s,
          double       days)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_DURATION_DAYS, days, &error));
  g_assert_no_error (error);
}

static MlsScenario *
fleet_scenario (const char *fleet,
                double      days)
{
  MlsScenario *s = mls_scenario_new ("test");

  mls_scenario_set_fleet (s, MLS_FLEET (lookup ("clusters", fleet)));
  set_days (s, days);
  return s;
}

static void
set_parameter (MlsScenario *s,
               const char  *id,
               const char  *text)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q;

  g_assert_true (mls_quantity_parse (text, &q, &error));
  g_assert_no_error (error);
  mls_scenario_set_parameter (s, id, &q);
}

static MlsLedger *
solve (MlsScenario *scenario)
{
  g_autoptr (GError) error = NULL;
  const char *ids[] = { "reliability", NULL };
  MlsLedger *ledger = mls_ledger_new ();
  const char *message = NULL;

  g_assert_true (mls_engine_solve (engine, ids, scenario, ledger, &error));
  g_assert_no_error (error);
  if (mls_ledger_get_status (ledger, "reliability", &message) != MLS_SOLVE_OK)
    g_error ("reliability did not solve: %s", message ? message : "(no message)");
  return ledger;
}

static double
get_in (MlsLedger  *ledger,
        const char *metric,
        const char *unit)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q;
  double value = 0;

  if (!mls_ledger_get (ledger, metric, &q))
    g_error ("metric %s missing", metric);
  g_assert_true (mls_quantity_convert (&q, unit, &value, &error));
  g_assert_no_error (error);
  return value;
}

static void
assert_rel (double actual,
            double expected,
            double rel)
{
  if (fabs (actual - expected) > rel * fabs (expected))
    g_error ("expected %.10g (rel %g), got %.10g", expected, rel, actual);
}

/* Calls the solver directly and expects an invalid-input error naming @field. */
static void
expect_invalid (MlsScenario *scenario,
                const char  *field)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsLedger) ledger = mls_ledger_new ();
  MlsSolver *solver = mls_engine_get_solver (engine, "reliability", &error);

  g_assert_no_error (error);
  g_assert_false (mls_solver_solve (solver, scenario, ledger, &error));
  g_assert_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, field));
}

/* --- cases ------------------------------------------------------------------------------- */

/* D1–D3: ReliabilityModel resolves wall 15, with the metrics of §9.21. */
static void
test_describe (void)
{
  MlsSolverInfo *info = mls_engine_get_info (engine, "reliability");
  const char *const metrics[] = {
    "reliability.node_mtbf", "reliability.fleet_mtbf", "reliability.failure_probability",
    "reliability.checkpoint_interval", "reliability.expected_failures", "reliability.goodput",
  };
  g_autoptr (MlsScenario) s = fleet_scenario ("Research_256", 14);
  g_autoptr (MlsLedger) ledger = solve (s);
  const guint *walls;
  guint n_walls;

  g_assert_nonnull (info);
  walls = mls_solver_info_get_walls (info, &n_walls);
  g_assert_cmpuint (n_walls, ==, 1);
  g_assert_cmpuint (walls[0], ==, 15);
  for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
    {
      g_assert_nonnull (mls_solver_info_find_metric (info, g_quark_from_string (metrics[i])));
      g_assert_true (mls_ledger_has (ledger, metrics[i]));
    }
}

/* A35 through the solver: a DGX H100 node, 4285.714 h; Research_256 (32 nodes) has
 * 4285.714 / 32 = 133.929 h between failures anywhere (A20/E3: MTBF_node / N). */
static void
test_node_and_fleet_mtbf (void)
{
  g_autoptr (MlsScenario) s = fleet_scenario ("Research_256", 14);
  g_autoptr (MlsLedger) ledger = solve (s);

  assert_rel (get_in (ledger, "reliability.node_mtbf", "h"), DGX_NODE_MTBF_H, 1e-12);
  assert_rel (get_in (ledger, "reliability.node_mtbf", "h"), 4285.714286, 1e-9);
  assert_rel (get_in (ledger, "reliability.fleet_mtbf", "h"), DGX_NODE_MTBF_H / 32, 1e-12);
}

/* C31: Frontier_8K over 100 h: fleet MTBF 4285.714/1024 = 4.18527 h, so
 * P = 1 − e^(−100/4.18527) = 1 − e^(−23.893) ≈ 1 > 0, and more than Research_256's
 * 1 − e^(−100/133.929) = 1 − e^(−0.746667) = 0.526056. Interval > 0:
 * τ* = √(2 × 60 s × 4.18527 × 3600 s) = √(1,808,036 s²) = 1344.63 s. Expected failures
 * 100/4.18527 = 23.8933. */
static void
test_c31_frontier_vs_research (void)
{
  g_autoptr (MlsScenario) frontier = fleet_scenario ("Frontier_8K", 1);
  g_autoptr (MlsScenario) research = fleet_scenario ("Research_256", 1);
  g_autoptr (MlsLedger) lf = NULL;
  g_autoptr (MlsLedger) lr = NULL;
  double pf, pr;

  set_parameter (frontier, "reliability.job_duration", "100 h");
  set_parameter (research, "reliability.job_duration", "100 h");
  lf = solve (frontier);
  lr = solve (research);
  pf = get_in (lf, "reliability.failure_probability", "");
  pr = get_in (lr, "reliability.failure_probability", "");

  g_assert_cmpfloat (pf, >, 0);
  g_assert_cmpfloat (pf, >, pr);
  assert_rel (pf, -expm1 (-100 / (DGX_NODE_MTBF_H / 1024)), 1e-12);
  assert_rel (pr, 0.526056, 1e-5);
  g_assert_cmpfloat (get_in (lf, "reliability.checkpoint_interval", "s"), >, 0);
  assert_rel (get_in (lf, "reliability.checkpoint_interval", "s"), 1344.63, 1e-5);
  assert_rel (get_in (lf, "reliability.expected_failures", ""), 23.8933, 1e-5);
}

/* C31: Research_256 for 14 days (the scenario's duration, 336 h): fleet MTBF 133.929 h =
 * 482,142.86 s; τ* = √(2 × 60 × 482,142.86) = 7606.39 s; goodput = 1 − 60/7606.39
 * − 300/482,142.86 = 1 − 0.0078881 − 0.00062222 = 0.991490, within [0, 1]. Expected failures
 * 336/133.929 = 2.50880; P = 1 − e^(−2.50880) = 0.918634. */
static void
test_c31_research_goodput (void)
{
  g_autoptr (MlsScenario) s = fleet_scenario ("Research_256", 14);
  g_autoptr (MlsLedger) ledger = solve (s);
  double goodput = get_in (ledger, "reliability.goodput", "");

  g_assert_cmpfloat (goodput, >=, 0);
  g_assert_cmpfloat (goodput, <=, 1);
  assert_rel (goodput, 0.991490, 1e-5);
  assert_rel (get_in (ledger, "reliability.checkpoint_interval", "s"), 7606.39, 1e-5);
  assert_rel (get_in (ledger, "reliability.expected_failures", ""), 2.50880, 1e-5);
  assert_rel (get_in (ledger, "reliability.failure_probability", ""), 0.918634, 1e-5);
}

/* Parameters: a 120 s checkpoint and 600 s recovery on Research_256:
 * τ* = √(2 × 120 × 482,142.86) = 10,757.06 s; goodput = 1 − 120/10,757.06 − 600/482,142.86
 * = 1 − 0.0111554 − 0.0012444 = 0.987600. */
static void
test_parameters (void)
{
  g_autoptr (MlsScenario) s = fleet_scenario ("Research_256", 14);
  g_autoptr (MlsLedger) ledger = NULL;

  set_parameter (s, "reliability.checkpoint_time", "120 s");
  set_parameter (s, "reliability.recovery_time", "10 min");
  ledger = solve (s);
  assert_rel (get_in (ledger, "reliability.checkpoint_interval", "s"), 10757.06, 1e-5);
  assert_rel (get_in (ledger, "reliability.goodput", ""), 0.987600, 1e-5);
}

/* A single H100 and no fleet: one node with 1 GPU, 1 NIC and 2 PSUs (the registry's
 * defaults): 1 / (1/50,000 + 1/150,000 + 2/100,000) = 1 / 4.6667e-5 = 21,428.57 h. Over 30 days
 * (720 h): 0.0336 failures expected, P = 1 − e^(−0.0336) = 0.0330418. */
static void
test_single_node (void)
{
  g_autoptr (MlsScenario) s = mls_scenario_new ("h100");
  g_autoptr (MlsLedger) ledger = NULL;

  mls_scenario_set_hardware (s, MLS_HARDWARE_NODE (lookup ("hardware", "H100")));
  set_days (s, 30);
  ledger = solve (s);
  assert_rel (get_in (ledger, "reliability.node_mtbf", "h"), 21428.5714, 1e-8);
  assert_rel (get_in (ledger, "reliability.fleet_mtbf", "h"), 21428.5714, 1e-8);
  assert_rel (get_in (ledger, "reliability.expected_failures", ""), 0.0336, 1e-9);
  assert_rel (get_in (ledger, "reliability.failure_probability", ""), 0.0330418, 1e-5);
}

/* A rack entry holds all its chips: an NVL72 alone is one node of 72 GPUs, 1 NIC, 2 PSUs:
 * 1 / (72/50,000 + 1/150,000 + 2/100,000) = 1 / 1.466667e-3 = 681.818 h. */
static void
test_rack_chips_fail (void)
{
  g_autoptr (MlsScenario) s = mls_scenario_new ("nvl72");
  g_autoptr (MlsLedger) ledger = NULL;

  mls_scenario_set_hardware (s, MLS_HARDWARE_NODE (lookup ("hardware", "GB200_NVL72")));
  set_days (s, 1);
  ledger = solve (s);
  assert_rel (get_in (ledger, "reliability.node_mtbf", "h"), 681.818182, 1e-8);
}

/* Bad input names the field: a negative checkpoint time, a recovery time in kilograms. */
static void
test_invalid (void)
{
  g_autoptr (MlsScenario) s = fleet_scenario ("Research_256", 14);

  set_parameter (s, "reliability.checkpoint_time", "-5 s");
  expect_invalid (s, "reliability.checkpoint_time");
  mls_scenario_unset_parameter (s, "reliability.checkpoint_time");
  set_parameter (s, "reliability.recovery_time", "3 kg");
  expect_invalid (s, "reliability.recovery_time");
}

/* Explanations only when asked. */
static void
test_explanations (void)
{
  g_autoptr (GError) error = NULL;
  const char *ids[] = { "reliability", NULL };
  g_autoptr (MlsScenario) s = fleet_scenario ("Frontier_8K", 14);
  g_autoptr (MlsLedger) ledger = mls_ledger_new ();
  g_auto (GStrv) lines = NULL;
  const char *message = NULL;

  mls_ledger_set_explain (ledger, TRUE);
  g_assert_true (mls_engine_solve (engine, ids, s, ledger, &error));
  g_assert_cmpint (mls_ledger_get_status (ledger, "reliability", &message), ==, MLS_SOLVE_OK);
  /* 336 h / 4.185 h ≫ 1 failure. */
  g_assert_cmpstr (message, ==, "Failures expected during the job");
  lines = mls_ledger_get_explanations (ledger, "reliability");
  g_assert_nonnull (lines);
  g_assert_nonnull (lines[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  registry = mls_registry_get_default (&error);
  g_assert_no_error (error);
  engine = mls_engine_new (registry);

  g_test_add_func ("/reliability/describe", test_describe);
  g_test_add_func ("/reliability/A35-node-and-fleet-mtbf", test_node_and_fleet_mtbf);
  g_test_add_func ("/reliability/C31-frontier-vs-research", test_c31_frontier_vs_research);
  g_test_add_func ("/reliability/C31-research-goodput", test_c31_research_goodput);
  g_test_add_func ("/reliability/parameters", test_parameters);
  g_test_add_func ("/reliability/single-node", test_single_node);
  g_test_add_func ("/reliability/rack-chips-fail", test_rack_chips_fail);
  g_test_add_func ("/reliability/invalid", test_invalid);
  g_test_add_func ("/reliability/explanations", test_explanations);

  ret = g_test_run ();
  g_object_unref (engine);
  return ret;
}
