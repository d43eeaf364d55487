/* test-synthesis.c — the synthesis solver: the inverted roofline (C40) and the hardware that
 * meets a latency target, ranked
 *
 * Every expected value is derived by hand from registry facts in the comment above it; the
 * ranking is checked against an independent run of the roofline on every registry device.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <mlsysim.h>

static MlsRegistry *registry;
static MlsEngine *engine;

static MlsEntry *
lookup (const char *category,
        const char *key)
{
  g_autoptr(GError) error = NULL;
  MlsEntry *entry = mls_registry_lookup (registry, category, key, &error);

  g_assert_no_error (error);
  return entry;
}

static MlsScenario *
scenario_new (const char *model,
              double      target_ms)
{
  MlsScenario *s = mls_scenario_new ("test");

  mls_scenario_set_workload (s, MLS_WORKLOAD (lookup ("models", model)));
  mls_scenario_set_precision (s, MLS_PRECISION_FP16);
  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_EFFICIENCY, 0.5, NULL));
  if (target_ms > 0)
    {
      MlsQuantity t;

      g_assert_true (mls_quantity_from_unit (target_ms, "ms", &t, NULL));
      mls_scenario_set_parameter (s, "synthesis.target_latency", &t);
    }
  return s;
}

static MlsLedger *
solve (MlsScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  const char *ids[] = { "synthesis", NULL };
  MlsLedger *ledger = mls_ledger_new ();

  g_assert_true (mls_engine_solve (engine, ids, scenario, ledger, &error));
  g_assert_no_error (error);
  return ledger;
}

static double
number (MlsLedger  *ledger,
        const char *id)
{
  MlsQuantity q;

  g_assert_true (mls_ledger_get (ledger, id, &q));
  return q.value;
}

/* Llama3_8B in 30 ms at fp16, η = 0.5: W = 8.03e9 × 2 B = 16.06 GB, ops = 2 × 8.03e9 =
 * 16.06 GFLOP. Bandwidth W/T = 16.06e9 / 0.03 = 535.333 GB/s; compute ops/(T·η) =
 * 16.06e9 / 0.015 = 1.070667 TFLOP/s; memory 16.06 GB; ratio 1.070667e12 / 535.333e9 = 2 FLOP/B
 * (= 1/η, since ops and bytes are both 2 per parameter). */
static void
test_llama_30ms (void)
{
  g_autoptr(MlsScenario) s = scenario_new ("Llama3_8B", 30);
  g_autoptr(MlsLedger) ledger = solve (s);
  const char *message = NULL;

  g_assert_cmpint (mls_ledger_get_status (ledger, "synthesis", &message), ==, MLS_SOLVE_OK);
  g_assert_cmpfloat_with_epsilon (number (ledger, "synthesis.target_latency"), 0.03, 1e-15);
  g_assert_cmpfloat_with_epsilon (number (ledger, "synthesis.required_bandwidth") / 535.333e9,
                                  1, 1e-6);
  g_assert_cmpfloat_with_epsilon (number (ledger, "synthesis.required_flops") / 1.070667e12, 1,
                                  1e-6);
  g_assert_cmpfloat_with_epsilon (number (ledger, "synthesis.required_memory"), 16.06e9, 1);
  g_assert_cmpfloat_with_epsilon (number (ledger, "synthesis.compute_memory_ratio"), 2, 1e-9);
}

/* C40: ResNet50 in 10 ms: W = 25.6e6 × 2 = 51.2 MB → 5.12 GB/s; 8.2 GFLOP / (0.01 × 0.5) =
 * 1.64 TFLOP/s; ratio 1.64e12 / 5.12e9 = 320.3 FLOP/B. A 1 ms target needs 10× the bandwidth
 * of a 10 ms one, and 100× that of 100 ms. */
static void
test_resnet (void)
{
  g_autoptr(MlsScenario) s10 = scenario_new ("ResNet50", 10);
  g_autoptr(MlsScenario) s1 = scenario_new ("ResNet50", 1);
  g_autoptr(MlsScenario) s100 = scenario_new ("ResNet50", 100);
  g_autoptr(MlsLedger) l10 = solve (s10);
  g_autoptr(MlsLedger) l1 = solve (s1);
  g_autoptr(MlsLedger) l100 = solve (s100);

  g_assert_cmpfloat_with_epsilon (number (l10, "synthesis.required_bandwidth"), 5.12e9, 1);
  g_assert_cmpfloat_with_epsilon (number (l10, "synthesis.required_flops"), 1.64e12, 1);
  g_assert_cmpfloat_with_epsilon (number (l10, "synthesis.compute_memory_ratio"), 320.3125,
                                  1e-9);
  g_assert_cmpfloat (number (l10, "synthesis.required_memory"), >=,
                     number (l10, "synthesis.model_size"));
  g_assert_cmpfloat (number (l1, "synthesis.required_bandwidth"), >,
                     number (l100, "synthesis.required_bandwidth"));
  g_assert_cmpfloat_with_epsilon (number (l1, "synthesis.required_bandwidth") /
                                  number (l100, "synthesis.required_bandwidth"), 100, 1e-9);
}

/* The ranking: run the roofline on every registry device independently; the candidates are
 * those that fit and meet 30 ms, and the best has the largest margin (30 ms / latency) per
 * dollar among priced ones. The H100 (5.60343 ms, C39) is a candidate; the T4 (320 GB/s:
 * 17.666 GB / 320 GB/s = 55 ms) is not. */
static void
test_ranking (void)
{
  g_autoptr(MlsScenario) s = scenario_new ("Llama3_8B", 30);
  g_autoptr(MlsLedger) ledger = solve (s);
  g_autoptr(MlsLedger) roof = mls_ledger_new ();
  g_autoptr(MlsScenario) probe = scenario_new ("Llama3_8B", 0);
  g_auto(GStrv) keys = mls_registry_list_keys (registry, "hardware");
  g_auto(GStrv) lines = NULL;
  const char *roofline[] = { "roofline", NULL };
  const char *best = mls_ledger_get_text (ledger, "synthesis.best_hardware");
  const char *best_key = NULL;
  double best_score = -1;
  guint meeting = 0;
  gboolean h100 = FALSE, t4 = FALSE;

  g_assert_nonnull (best);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      MlsHardwareNode *hw = MLS_HARDWARE_NODE (lookup ("hardware", keys[i]));
      MlsQuantity latency, feasible;
      double cost, score;

      mls_scenario_set_hardware (probe, hw);
      g_assert_true (mls_engine_solve (engine, roofline, probe, roof, NULL));
      if (mls_ledger_get_status (roof, "roofline", NULL) != MLS_SOLVE_OK ||
          !mls_ledger_get (roof, "roofline.latency", &latency) ||
          !mls_ledger_get (roof, "roofline.feasible", &feasible) || feasible.value == 0 ||
          latency.value > 0.03)
        continue;
      meeting++;
      h100 = h100 || g_str_equal (keys[i], "H100");
      t4 = t4 || g_str_equal (keys[i], "T4");
      cost = mls_hardware_node_get_unit_cost (hw)->value;
      if (cost <= 0)
        continue;
      score = (0.03 / latency.value) / cost;
      if (score > best_score)
        {
          best_score = score;
          best_key = mls_entry_get_key (MLS_ENTRY (hw));
        }
    }
  g_assert_true (h100);
  g_assert_false (t4);
  g_assert_cmpfloat (number (ledger, "synthesis.candidates"), ==, meeting);
  g_assert_cmpfloat (number (ledger, "synthesis.searched"), ==, g_strv_length (keys));
  g_assert_cmpstr (best, ==, best_key);
  g_assert_cmpfloat (number (ledger, "synthesis.best_margin"), >=, 1);
  g_assert_cmpfloat (number (ledger, "synthesis.best_latency"), <=, 0.03);

  /* the explanation lists the top five */
  lines = mls_ledger_get_explanations (ledger, "synthesis");
  g_assert_cmpuint (g_strv_length (lines), ==, 2 + MIN (meeting, 5));
  g_assert_nonnull (strstr (lines[2], best_key));
  g_assert_true (g_str_has_prefix (lines[2], "1. "));
}

/* Without a parameter the scenario's SLA is the target; without either, the solver is
 * skipped rather than failed, so evaluations of every solver keep working. */
static void
test_target_sources (void)
{
  g_autoptr(MlsScenario) sla = scenario_new ("Llama3_8B", 0);
  g_autoptr(MlsScenario) none = scenario_new ("Llama3_8B", 0);
  g_autoptr(MlsLedger) skipped = NULL;
  g_autoptr(MlsLedger) from_sla = NULL;
  MlsQuantity t;

  g_assert_true (mls_quantity_from_unit (30, "ms", &t, NULL));
  mls_scenario_set_sla_latency (sla, &t);
  from_sla = solve (sla);
  g_assert_cmpfloat_with_epsilon (number (from_sla, "synthesis.required_bandwidth") / 535.333e9,
                                  1, 1e-6);
  skipped = solve (none);
  g_assert_cmpint (mls_ledger_get_status (skipped, "synthesis", NULL), ==, MLS_SOLVE_SKIPPED);
  g_assert_false (mls_ledger_has (skipped, "synthesis.required_bandwidth"));
}

/* A target nothing meets: 0.1 ms for Llama3_8B needs 160.6 TB/s. */
static void
test_impossible (void)
{
  g_autoptr(MlsScenario) s = scenario_new ("Llama3_8B", 0.1);
  g_autoptr(MlsLedger) ledger = solve (s);

  g_assert_cmpfloat (number (ledger, "synthesis.candidates"), ==, 0);
  g_assert_null (mls_ledger_get_text (ledger, "synthesis.best_hardware"));
  g_assert_cmpfloat_with_epsilon (number (ledger, "synthesis.required_bandwidth"), 160.6e12,
                                  1e3);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  registry = mls_registry_get_default (&error);
  g_assert_no_error (error);
  engine = mls_engine_new (registry);

  g_test_add_func ("/synthesis/llama-30ms", test_llama_30ms);
  g_test_add_func ("/synthesis/resnet", test_resnet);
  g_test_add_func ("/synthesis/ranking", test_ranking);
  g_test_add_func ("/synthesis/target-sources", test_target_sources);
  g_test_add_func ("/synthesis/impossible", test_impossible);
  status = g_test_run ();
  g_object_unref (engine);
  return status;
}
