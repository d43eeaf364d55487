/* test-roofline.c — the single-node roofline solver against the reference's cases
 *
 * Every expected value is derived by hand from registry facts (datasheets, model cards) in the
 * comment above it; none is copied from the solver's output. Reference case ids (A37, C1, …)
 * are those of shared/reference/reference-cases.md.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <mlsysim.h>

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

static MlsScenario *
scenario_new (const char   *model,
              const char   *hardware,
              guint         batch,
              MlsPrecision  precision)
{
  g_autoptr (GError) error = NULL;
  MlsScenario *s = mls_scenario_new ("test");

  mls_scenario_set_workload (s, MLS_WORKLOAD (lookup ("models", model)));
  mls_scenario_set_hardware (s, MLS_HARDWARE_NODE (lookup ("hardware", hardware)));
  mls_scenario_set_precision (s, precision);
  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_BATCH_SIZE, batch, &error));
  g_assert_no_error (error);
  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_EFFICIENCY, 0.5, &error));
  g_assert_no_error (error);
  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_SEQ_LEN, 2048, &error));
  g_assert_no_error (error);
  return s;
}

/* Solves through the engine, as the CLI and the app do, and expects success. */
static MlsLedger *
solve (MlsScenario *scenario)
{
  g_autoptr (GError) error = NULL;
  const char *ids[] = { "roofline", NULL };
  MlsLedger *ledger = mls_ledger_new ();
  const char *message = NULL;

  g_assert_true (mls_engine_solve (engine, ids, scenario, ledger, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mls_ledger_get_status (ledger, "roofline", &message), ==, MLS_SOLVE_OK);
  return ledger;
}

/* Calls the solver directly and expects an invalid-input error naming @field. */
static void
expect_invalid (MlsScenario *scenario,
                const char  *field)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsLedger) ledger = mls_ledger_new ();
  MlsSolver *solver = mls_engine_get_solver (engine, "roofline", &error);

  g_assert_no_error (error);
  g_assert_false (mls_solver_solve (solver, scenario, ledger, &error));
  g_assert_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, field));
}

static double
get (MlsLedger  *ledger,
     const char *metric)
{
  MlsQuantity q;

  if (!mls_ledger_get (ledger, metric, &q))
    g_error ("metric %s missing", metric);
  return q.value;
}

static void
assert_rel (double actual,
            double expected,
            double rel)
{
  if (fabs (actual - expected) > rel * fabs (expected))
    g_error ("expected %.10g (rel %g), got %.10g", expected, rel, actual);
}

static gboolean
explanations_contain (MlsLedger  *ledger,
                      const char *needle)
{
  g_auto (GStrv) lines = mls_ledger_get_explanations (ledger, "roofline");

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

/* --- description ------------------------------------------------------------------------- */

static const char *const metric_ids[] = {
  "roofline.latency", "roofline.latency_compute", "roofline.latency_memory",
  "roofline.latency_overhead", "roofline.throughput", "roofline.bottleneck",
  "roofline.arithmetic_intensity", "roofline.energy", "roofline.memory_footprint",
  "roofline.memory_capacity", "roofline.memory_utilization", "roofline.peak_flops_actual",
  "roofline.peak_bw_actual", "roofline.mfu", "roofline.hfu", "roofline.feasible",
  "roofline.offload_spill_bytes", "roofline.offload_effective_bw", "roofline.memory_path",
  "roofline.overhead_dominated",
};

/* D3: SingleNodeModel resolves walls {1, 2}; the solver declares every metric it writes. */
static void
test_describe (void)
{
  MlsSolverInfo *info = mls_engine_get_info (engine, "roofline");
  const guint *walls;
  guint n_walls;

  g_assert_nonnull (info);
  g_assert_cmpstr (mls_solver_info_get_id (info), ==, "roofline");
  g_assert_cmpint (mls_solver_info_get_kind (info), ==, MLS_SOLVER_KIND_MODEL);
  walls = mls_solver_info_get_walls (info, &n_walls);
  g_assert_cmpuint (n_walls, ==, 2);
  g_assert_cmpuint (walls[0], ==, 1);
  g_assert_cmpuint (walls[1], ==, 2);
  g_assert_cmpuint (mls_solver_info_get_n_metrics (info), ==, G_N_ELEMENTS (metric_ids));
  for (guint i = 0; i < G_N_ELEMENTS (metric_ids); i++)
    g_assert_nonnull (mls_solver_info_find_metric (info, g_quark_from_string (metric_ids[i])));
  g_assert_nonnull (mls_solver_info_find_parameter (info, "roofline.dp_size"));
}

/* Every declared metric is written by one solve. */
static void
test_all_metrics_written (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 1, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) ledger = solve (s);

  for (guint i = 0; i < G_N_ELEMENTS (metric_ids); i++)
    g_assert_true (mls_ledger_has (ledger, metric_ids[i]));
}

/* --- A37: the docstring example of calc_bottleneck -------------------------------------- */

/* Llama-3 8B fp16 on an H100 at batch 1, peak not derated: t_c = 16e9 / 989e12 = 0.016 ms,
 * t_m = 16e9 / 3.35e12 = 4.78 ms: memory-bound. */
static void
test_a37_bottleneck_formula (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity ops, bytes, flops, bw;
  MlsBottleneck b;

  g_assert_true (mls_quantity_parse ("16 GFLOP", &ops, NULL));
  g_assert_true (mls_quantity_parse ("16 GB", &bytes, NULL));
  g_assert_true (mls_quantity_parse ("989 TFLOP/s", &flops, NULL));
  g_assert_true (mls_quantity_parse ("3.35 TB/s", &bw, NULL));
  g_assert_true (mls_calc_bottleneck (&ops, &bytes, &flops, &bw, &b, &error));
  g_assert_no_error (error);
  assert_rel (b.compute_time.value, 16e9 / 989e12, 1e-9); /* 1.618e-5 s ≈ 0.016 ms */
  assert_rel (b.memory_time.value, 16e9 / 3.35e12, 1e-9); /* 4.776e-3 s ≈ 4.78 ms */
  g_assert_cmpint (b.kind, ==, MLS_BOTTLENECK_MEMORY);
}

/* --- C2: Llama3_8B on H100, batch 1 ------------------------------------------------------ */

/* Weights W = 8.03e9 param × 2 B = 16.06e9 B; ops = 16.06e9 FLOP per token.
 * Traffic = W·(1 + 0.1·B) = 16.06e9 × 1.1 = 17.666e9 B.
 * t_m = 17.666e9 B / 3.35e12 B/s = 5.27343284 ms.
 * t_c = 16.06e9 / (989e12 × 0.5) = 0.03247725 ms  → memory-bound.
 * Overhead = dispatch 0.01 ms + 32 layers × 0.01 ms = 0.33 ms.
 * Latency = 5.27343284 + 0.33 = 5.60343284 ms (C39's baseline, 5.60343 ms). */
static void
test_c2_llama_h100_memory_bound (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 1, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) ledger = solve (s);
  double t_m = 16.06e9 * (1 + 0.1 * 1) / 3.35e12;
  double t_c = 16.06e9 / (989e12 * 0.5);
  double overhead = 0.01e-3 + 32 * 0.01e-3;
  double latency = t_m + overhead;

  g_assert_cmpfloat (get (ledger, "roofline.feasible"), ==, 1);
  g_assert_cmpstr (mls_ledger_get_text (ledger, "roofline.bottleneck"), ==, "Memory");
  assert_rel (get (ledger, "roofline.latency_memory"), t_m, 1e-6);
  assert_rel (get (ledger, "roofline.latency_compute"), t_c, 1e-6);
  assert_rel (get (ledger, "roofline.latency_overhead"), overhead, 1e-6);
  assert_rel (get (ledger, "roofline.latency"), latency, 1e-6);
  assert_rel (get (ledger, "roofline.latency"), 5.60343e-3, 1e-5);
  /* AI = ops / traffic = 16.06e9 / 17.666e9 = 1/1.1 = 0.90909 FLOP/B. */
  assert_rel (get (ledger, "roofline.arithmetic_intensity"), 1 / 1.1, 1e-6);
  /* Throughput = B / T = 1 / 5.60343 ms = 178.46 /s. */
  assert_rel (get (ledger, "roofline.throughput"), 1 / latency, 1e-6);
  assert_rel (get (ledger, "roofline.memory_footprint"), 16.06e9, 1e-6);
  assert_rel (get (ledger, "roofline.peak_flops_actual"), 494.5e12, 1e-9);
  assert_rel (get (ledger, "roofline.peak_bw_actual"), 3.35e12, 1e-9);
  g_assert_cmpstr (mls_ledger_get_text (ledger, "roofline.memory_path"), ==, "primary");
  g_assert_cmpfloat (get (ledger, "roofline.offload_spill_bytes"), ==, 0);
  g_assert_cmpfloat (get (ledger, "roofline.overhead_dominated"), ==, 0);
}

/* C54: the H100's 80 GiB is 80 × 2^30 = 85,899,345,920 B, and feasibility compares bytes with
 * it: 16.06e9 / 85.89934592e9 = 0.186963 of it. */
static void
test_c54_capacity_gib (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 1, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) ledger = solve (s);

  assert_rel (get (ledger, "roofline.memory_capacity"), 85.89934592e9, 1e-12);
  assert_rel (get (ledger, "roofline.memory_utilization"), 16.06e9 / 85.89934592e9, 1e-9);
}

/* MFU = (ops / T) / peak = (16.06e9 / 5.60343284 ms) / 989e12 = 0.0028980; HFU = MFU without
 * recomputation (newest). Energy = 700 W × (0.30 + 0.70 × MFU) × T. */
static void
test_c2_utilisation_and_energy (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 1, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) ledger = solve (s);
  double latency = 16.06e9 * 1.1 / 3.35e12 + 0.33e-3;
  double mfu = 16.06e9 / latency / 989e12;

  assert_rel (get (ledger, "roofline.mfu"), mfu, 1e-6);
  assert_rel (get (ledger, "roofline.mfu"), 0.0028980, 1e-4);
  assert_rel (get (ledger, "roofline.hfu"), mfu, 1e-6);
  assert_rel (get (ledger, "roofline.energy"), 700 * (0.30 + 0.70 * mfu) * latency, 1e-6);
}

/* C39: 10 % more bandwidth, 3.685e12 B/s: 17.666e9 / 3.685e12 + 0.33 ms = 5.12403 ms. */
static void
test_c39_bandwidth_sensitivity (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 1, MLS_PRECISION_FP16);
  MlsQuantity bw;
  g_autoptr (MlsEntry) faster = NULL;
  g_autoptr (MlsLedger) ledger = NULL;

  g_assert_true (mls_quantity_parse ("3.685 TB/s", &bw, NULL));
  faster = mls_entry_copy_with (lookup ("hardware", "H100"), "memory.bandwidth", &bw, &error);
  g_assert_no_error (error);
  mls_scenario_set_hardware (s, MLS_HARDWARE_NODE (faster));
  ledger = solve (s);
  assert_rel (get (ledger, "roofline.latency"), 17.666e9 / 3.685e12 + 0.33e-3, 1e-6);
  assert_rel (get (ledger, "roofline.latency"), 5.12403e-3, 1e-5);
}

/* --- C1, C4, C5, C27, C57: ResNet50 on A100 ---------------------------------------------- */

/* Batch 256: ops = 8.2e9 × 256 = 2.0992e12 FLOP over 312e12 × 0.5 = 156e12 FLOP/s:
 * t_c = 13.45641 ms. W = 25.6e6 × 2 B = 51.2e6 B; traffic = 51.2e6 × (1 + 0.1 × 256) =
 * 1.36192e9 B over 2.039e12 B/s: t_m = 0.667935 ms → compute-bound. Overhead = 0.015 ms +
 * 50 × 0.01 ms = 0.515 ms; latency = 13.97141 ms; AI = 2.0992e12 / 1.36192e9 = 1541.35. */
static void
test_c1_resnet_a100_compute_bound (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("ResNet50", "A100", 256, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) ledger = solve (s);
  double t_c = 8.2e9 * 256 / 156e12;
  double t_m = 51.2e6 * (1 + 0.1 * 256) / 2.039e12;

  g_assert_cmpfloat (get (ledger, "roofline.feasible"), ==, 1);
  g_assert_cmpstr (mls_ledger_get_text (ledger, "roofline.bottleneck"), ==, "Compute");
  assert_rel (get (ledger, "roofline.latency_compute"), t_c, 1e-6);
  assert_rel (get (ledger, "roofline.latency_memory"), t_m, 1e-6);
  assert_rel (get (ledger, "roofline.latency"), t_c + 0.515e-3, 1e-6);
  assert_rel (get (ledger, "roofline.latency"), 13.97141e-3, 1e-6);
  assert_rel (get (ledger, "roofline.arithmetic_intensity"), 2.0992e12 / 1.36192e9, 1e-6);
  assert_rel (get (ledger, "roofline.throughput"), 256 / (t_c + 0.515e-3), 1e-6);
}

/* C4: fp32 weighs 4 B per parameter and runs at the A100's 19.5 TFLOP/s (× 0.5 = 9.75e12),
 * below fp16's 312 × 0.5 = 156e12; fp32 latency (8.2e9 / 9.75e12 + 0.515 ms = 1.356 ms) >
 * fp16 (0.0526 + 0.515 = 0.5676 ms). */
static void
test_c4_fp32_vs_fp16 (void)
{
  g_autoptr (MlsScenario) s32 = scenario_new ("ResNet50", "A100", 1, MLS_PRECISION_FP32);
  g_autoptr (MlsScenario) s16 = scenario_new ("ResNet50", "A100", 1, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) l32 = solve (s32);
  g_autoptr (MlsLedger) l16 = solve (s16);

  assert_rel (get (l32, "roofline.peak_flops_actual"), 19.5e12 * 0.5, 1e-9);
  assert_rel (get (l16, "roofline.peak_flops_actual"), 312e12 * 0.5, 1e-9);
  g_assert_cmpfloat (get (l32, "roofline.latency"), >, get (l16, "roofline.latency"));
  assert_rel (get (l32, "roofline.latency"), 8.2e9 / 9.75e12 + 0.515e-3, 1e-6);
  assert_rel (get (l32, "roofline.memory_footprint"), 25.6e6 * 4, 1e-6);
}

/* C5: batching amortises the weights and the overhead: throughput(64) > throughput(1).
 * Batch 1: 1 / 0.5676 ms = 1762 /s; batch 64: 64 / (8.2e9·64/156e12 + 0.515 ms) = 16,000 /s. */
static void
test_c5_batch_throughput (void)
{
  g_autoptr (MlsScenario) s1 = scenario_new ("ResNet50", "A100", 1, MLS_PRECISION_FP16);
  g_autoptr (MlsScenario) s64 = scenario_new ("ResNet50", "A100", 64, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) l1 = solve (s1);
  g_autoptr (MlsLedger) l64 = solve (s64);

  g_assert_cmpfloat (get (l64, "roofline.throughput"), >, get (l1, "roofline.throughput"));
  assert_rel (get (l64, "roofline.throughput"), 64 / (8.2e9 * 64 / 156e12 + 0.515e-3), 1e-6);
}

/* C27: energy > 0; 0 ≤ MFU, HFU ≤ 1 at batch 64; a higher η gives a lower latency. */
static void
test_c27_engine_properties (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsScenario) s = scenario_new ("ResNet50", "A100", 64, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) l = solve (s);
  g_autoptr (MlsLedger) l_low = NULL;
  g_autoptr (MlsLedger) l_high = NULL;

  g_assert_cmpfloat (get (l, "roofline.energy"), >, 0);
  g_assert_cmpfloat (get (l, "roofline.mfu"), >=, 0);
  g_assert_cmpfloat (get (l, "roofline.mfu"), <=, 1);
  g_assert_cmpfloat (get (l, "roofline.hfu"), >=, 0);
  g_assert_cmpfloat (get (l, "roofline.hfu"), <=, 1);

  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_EFFICIENCY, 0.2, &error));
  l_low = solve (s);
  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_EFFICIENCY, 0.8, &error));
  l_high = solve (s);
  g_assert_no_error (error);
  g_assert_cmpfloat (get (l_high, "roofline.latency"), <, get (l_low, "roofline.latency"));
}

/* C57: at batch 1, T = 8.2e9 / 156e12 + 0.515 ms = 0.5675641 ms (E1: "0.568 ms" with 8.2
 * GFLOP); MFU = 8.2e9 / T / 312e12 = 0.046307; energy = 400 W × (0.3 + 0.7 × MFU) × T =
 * 0.075468 J. The 0.515 ms overhead is ten times the 0.0526 ms roofline time, so the step is
 * overhead-dominated (inventory §8 step 13, quirk 3). */
static void
test_c57_energy_and_overhead (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("ResNet50", "A100", 1, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) l = solve (s);
  double latency = 8.2e9 / 156e12 + 0.515e-3;
  double mfu = 8.2e9 / latency / 312e12;

  assert_rel (get (l, "roofline.latency"), 0.5675641e-3, 1e-6);
  assert_rel (get (l, "roofline.mfu"), mfu, 1e-6);
  assert_rel (get (l, "roofline.energy"), 400 * (0.3 + 0.7 * mfu) * latency, 0.01);
  assert_rel (get (l, "roofline.energy"), 0.075468, 1e-4);
  assert_rel (get (l, "roofline.energy"),
              400 * (0.3 + 0.7 * get (l, "roofline.mfu")) * get (l, "roofline.latency"), 0.01);
  g_assert_cmpfloat (get (l, "roofline.overhead_dominated"), ==, 1);
}

/* C57: efficiency 50.0 or −0.1 names "efficiency"; batch 0 names "batch_size". The scenario
 * may refuse the value itself; otherwise the solver must. */
static void
test_c57_invalid_inputs (void)
{
  const double bad_eta[] = { 50.0, -0.1, 0.0, 1.5 };

  for (guint i = 0; i < G_N_ELEMENTS (bad_eta); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (MlsScenario) s = scenario_new ("ResNet50", "A100", 1, MLS_PRECISION_FP16);

      if (!mls_scenario_set_knob (s, MLS_KNOB_EFFICIENCY, bad_eta[i], &error))
        g_assert_nonnull (strstr (error->message, "efficiency"));
      else
        expect_invalid (s, "efficiency");
    }

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (MlsScenario) s = scenario_new ("ResNet50", "A100", 1, MLS_PRECISION_FP16);

    if (!mls_scenario_set_knob (s, MLS_KNOB_BATCH_SIZE, 0, &error))
      g_assert_nonnull (strstr (error->message, "batch"));
    else
      expect_invalid (s, "batch_size");
  }
}

/* Quirk 10: a tie is compute-bound. WakeVision (250,000 param × 2 B = 500,000 B, 25 MFLOP)
 * at batch 10 on an H100 re-rated to 500 TFLOP/s and 1 TB/s: t_c = 25e6 × 10 / (500e12 × 0.5)
 * = 1 µs and t_m = 500,000 × (1 + 0.1 × 10) / 1e12 = 1 µs, both exact in binary. */
static void
test_tie_is_compute (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsScenario) s = scenario_new ("WakeVision", "H100", 10, MLS_PRECISION_FP16);
  g_autoptr (MlsEntry) rerated = NULL;
  g_autoptr (MlsEntry) tie = NULL;
  g_autoptr (MlsLedger) l = NULL;
  MlsQuantity peak, bw;

  g_assert_true (mls_quantity_parse ("500 TFLOP/s", &peak, NULL));
  g_assert_true (mls_quantity_parse ("1 TB/s", &bw, NULL));
  rerated = mls_entry_copy_with (lookup ("hardware", "H100"), "compute.peak_flops", &peak,
                                 &error);
  g_assert_no_error (error);
  tie = mls_entry_copy_with (rerated, "memory.bandwidth", &bw, &error);
  g_assert_no_error (error);
  mls_scenario_set_hardware (s, MLS_HARDWARE_NODE (tie));
  l = solve (s);
  g_assert_cmpfloat (get (l, "roofline.latency_compute"), ==, get (l, "roofline.latency_memory"));
  assert_rel (get (l, "roofline.latency_compute"), 1e-6, 1e-12);
  g_assert_cmpstr (mls_ledger_get_text (l, "roofline.bottleneck"), ==, "Compute");
}

/* --- C3: GPT4 on ESP32_S3 (offload) ------------------------------------------------------ */

/* W = 1.76e12 param × 2 B = 3.52e12 B against 4 MB = 4e6 B: infeasible, but priced (not an
 * error) on the offload path. Spill = 3.52e12 − 4e6 = 3.519996e12 B. The ESP32 has no host
 * link, so the host side is the 64 GB/s fallback and BW = min(80 MB/s, 64 GB/s) = 80e6 B/s.
 * t_m = 3.52e12 × 1.1 / 80e6 = 48,400 s; t_c = 560e9 / (0.5e9 × 0.5) = 2240 s → memory-bound.
 * Overhead = 1.0 ms dispatch + 120 layers × 0.01 ms = 2.2 ms. */
static void
test_c3_gpt4_esp32_offload (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("GPT4", "ESP32_S3", 1, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) l = solve (s);
  const char *status = NULL;

  g_assert_cmpfloat (get (l, "roofline.feasible"), ==, 0);
  g_assert_cmpstr (mls_ledger_get_text (l, "roofline.memory_path"), ==, "offload");
  assert_rel (get (l, "roofline.offload_spill_bytes"), 3.52e12 - 4e6, 1e-9);
  assert_rel (get (l, "roofline.offload_effective_bw"), 80e6, 1e-9);
  assert_rel (get (l, "roofline.peak_bw_actual"), 80e6, 1e-9);
  assert_rel (get (l, "roofline.latency_memory"), 3.52e12 * 1.1 / 80e6, 1e-6);
  assert_rel (get (l, "roofline.latency_compute"), 560e9 / 0.25e9, 1e-6);
  assert_rel (get (l, "roofline.latency"), 3.52e12 * 1.1 / 80e6 + 2.2e-3, 1e-9);
  g_assert_cmpstr (mls_ledger_get_text (l, "roofline.bottleneck"), ==, "Memory");
  g_assert_cmpfloat (get (l, "roofline.memory_utilization"), >, 1);
  /* Infeasible physics is a result, not a failure. */
  g_assert_cmpint (mls_ledger_get_status (l, "roofline", &status), ==, MLS_SOLVE_OK);
  g_assert_nonnull (status);
  g_assert_true (explanations_contain (l, "Memory Wall: FAILED"));
}

/* --- Memory paths: SRAM (C37), flash, primary --------------------------------------------- */

/* C37: WakeVision is 250,000 param × 2 B = 500,000 B ≤ the ESP32-S3's 520 KiB = 532,480 B of
 * SRAM, so it streams at the SRAM's 0.96 GB/s. */
static void
test_c37_sram_path (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("WakeVision", "ESP32_S3", 1, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) l = solve (s);

  g_assert_cmpfloat (get (l, "roofline.feasible"), ==, 1);
  g_assert_cmpstr (mls_ledger_get_text (l, "roofline.memory_path"), ==, "sram");
  assert_rel (get (l, "roofline.peak_bw_actual"), 0.96e9, 1e-9);
  assert_rel (get (l, "roofline.latency_memory"), 500000 * 1.1 / 0.96e9, 1e-6);
}

/* At fp32 WakeVision is 1,000,000 B: more than the 532,480 B of SRAM, less than the 4 MB of
 * flash, so it streams from flash at 80 MB/s. */
static void
test_flash_path (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("WakeVision", "ESP32_S3", 1, MLS_PRECISION_FP32);
  g_autoptr (MlsLedger) l = solve (s);

  g_assert_cmpfloat (get (l, "roofline.feasible"), ==, 1);
  g_assert_cmpstr (mls_ledger_get_text (l, "roofline.memory_path"), ==, "flash");
  assert_rel (get (l, "roofline.peak_bw_actual"), 80e6, 1e-9);
  assert_rel (get (l, "roofline.latency_memory"), 1e6 * 1.1 / 80e6, 1e-6);
}

/* --- C51, C58, C59 ------------------------------------------------------------------------ */

/* C51: Llama3_8B weights are 8.03e9 × {4, 2, 1, 0.5} B = 32.12, 16.06, 8.03, 4.015 GB. */
static void
test_c51_precision_bytes (void)
{
  const struct { MlsPrecision p; double bytes; } cases[] = {
    { MLS_PRECISION_FP32, 32.12e9 },
    { MLS_PRECISION_FP16, 16.06e9 },
    { MLS_PRECISION_INT8, 8.03e9 },
    { MLS_PRECISION_INT4, 4.015e9 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 1, cases[i].p);
      g_autoptr (MlsLedger) l = solve (s);

      assert_rel (get (l, "roofline.memory_footprint"), cases[i].bytes, 1e-9);
    }
}

/* C58: DLRM has only a model size, 100 GB, and no FLOP count: footprint 100e9 B fits the
 * H200's 131 GiB = 140.66e9 B; ops 0 gives a compute time of 0, memory-bound at AI 0. */
static void
test_c58_dlrm_model_size_only (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("DLRM", "H200", 1, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) l = solve (s);

  g_assert_cmpfloat (get (l, "roofline.feasible"), ==, 1);
  assert_rel (get (l, "roofline.memory_footprint"), 100e9, 1e-9);
  g_assert_cmpfloat (get (l, "roofline.latency_compute"), ==, 0);
  g_assert_cmpstr (mls_ledger_get_text (l, "roofline.bottleneck"), ==, "Memory");
  g_assert_cmpfloat (get (l, "roofline.arithmetic_intensity"), ==, 0);
  assert_rel (get (l, "roofline.latency_memory"), 100e9 * 1.1 / 4.8e12, 1e-6);
}

/* C59: the NVL72 lists fp16 162 PFLOP/s and fp8 324 PFLOP/s: × 0.5 gives 81e15 < 162e15. */
static void
test_c59_nvl72_precision_peak (void)
{
  g_autoptr (MlsScenario) s16 = scenario_new ("Llama3_8B", "GB200_NVL72", 1, MLS_PRECISION_FP16);
  g_autoptr (MlsScenario) s8 = scenario_new ("Llama3_8B", "GB200_NVL72", 1, MLS_PRECISION_FP8);
  g_autoptr (MlsLedger) l16 = solve (s16);
  g_autoptr (MlsLedger) l8 = solve (s8);

  assert_rel (get (l16, "roofline.peak_flops_actual"), 162e15 * 0.5, 1e-9);
  assert_rel (get (l8, "roofline.peak_flops_actual"), 324e15 * 0.5, 1e-9);
  g_assert_cmpfloat (get (l16, "roofline.peak_flops_actual"), <,
                     get (l8, "roofline.peak_flops_actual"));
}

/* §7: the H100 lists no int4 rate, so int4 falls back to the FP16 peak (989e12 × 0.5) while
 * the weights shrink to 0.5 B per parameter, and an explanation warns about it. */
static void
test_precision_fallback_warning (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 1, MLS_PRECISION_INT4);
  g_autoptr (MlsLedger) l = solve (s);

  assert_rel (get (l, "roofline.peak_flops_actual"), 989e12 * 0.5, 1e-9);
  g_assert_true (explanations_contain (l, "not in"));
  g_assert_true (explanations_contain (l, "using default peak_flops"));
}

/* Explanations are skipped when the ledger does not record them (sweeps). */
static void
test_explanations (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 1, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) l = solve (s);
  g_autoptr (MlsLedger) quiet = mls_ledger_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) none = NULL;
  const char *ids[] = { "roofline", NULL };

  g_assert_true (explanations_contain (l, "Memory Wall: Passed"));
  g_assert_true (explanations_contain (l, "Memory-bound"));

  mls_ledger_set_explain (quiet, FALSE);
  g_assert_true (mls_engine_solve (engine, ids, s, quiet, &error));
  g_assert_no_error (error);
  none = mls_ledger_get_explanations (quiet, "roofline");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  assert_rel (get (quiet, "roofline.latency"), get (l, "roofline.latency"), 1e-15);
}

/* --- training ----------------------------------------------------------------------------- */

/* Llama3_8B training on H100, batch 1, seq 2048, no recomputation (newest):
 * ops = 3 × 16.06e9 × 2048 = 9.867264e13 FLOP; t_c = 9.867264e13 / 494.5e12 = 199.540 ms.
 * Footprint = weights 16.06e9 + grads 16.06e9 + Adam 12 × 8.03e9 = 96.36e9 → 128.48e9 B, plus
 * activations without recomputation (Korthikanti): per layer 34·s·b·h + 5·a·s²·b =
 * 34·2048·4096 + 5·32·2048² = 285,212,672 + 671,088,640 = 956,301,312 B, × 32 layers =
 * 30,601,641,984 B. Total 159,081,641,984 B > 85,899,345,920 B: offload, spill =
 * 73,182,296,064 B, BW = min(3.35e12, PCIe 64e9) = 64e9 B/s.
 * Traffic = 16.06e9 × 1.1 = 17.666e9 B → t_m = 276.03125 ms → memory-bound.
 * Overhead = 0.01 ms + 32 × 0.01 ms × 3 = 0.97 ms; latency = 277.00125 ms.
 * MFU = 9.867264e13 / 0.27700125 s / 989e12 = 0.36018; HFU = MFU. */
static void
test_training_llama_h100 (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 1, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) l = NULL;
  double footprint = 128.48e9 + 30601641984.0;
  double latency = 17.666e9 / 64e9 + 0.97e-3;
  double mfu = 9.867264e13 / latency / 989e12;

  mls_scenario_set_training (s, TRUE);
  l = solve (s);
  assert_rel (get (l, "roofline.latency_compute"), 9.867264e13 / 494.5e12, 1e-6);
  assert_rel (get (l, "roofline.memory_footprint"), footprint, 1e-9);
  assert_rel (get (l, "roofline.memory_footprint"), 159081641984.0, 1e-9);
  g_assert_cmpfloat (get (l, "roofline.feasible"), ==, 0);
  assert_rel (get (l, "roofline.offload_spill_bytes"), footprint - 85899345920.0, 1e-9);
  assert_rel (get (l, "roofline.offload_effective_bw"), 64e9, 1e-9);
  assert_rel (get (l, "roofline.latency_overhead"), 0.97e-3, 1e-9);
  assert_rel (get (l, "roofline.latency"), latency, 1e-6);
  assert_rel (get (l, "roofline.latency"), 277.00125e-3, 1e-6);
  g_assert_cmpstr (mls_ledger_get_text (l, "roofline.bottleneck"), ==, "Memory");
  assert_rel (get (l, "roofline.mfu"), mfu, 1e-6);
  assert_rel (get (l, "roofline.hfu"), mfu, 1e-6);
}

/* With activation recomputation: ops = 4 × 16.06e9 × 2048 = 1.3156352e14 FLOP (t_c =
 * 266.054 ms, still under t_m = 276.031 ms); activations are selective, 34·s·b·h per layer =
 * 285,212,672 × 32 = 9,126,805,504 B, so the footprint is 137,606,805,504 B. MFU =
 * 1.3156352e14 / 0.27700125 / 989e12 = 0.48024; HFU = MFU × 4/3 = 0.64032. */
static void
test_training_recompute (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 1, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) l = NULL;
  double latency = 17.666e9 / 64e9 + 0.97e-3;
  double mfu = 1.3156352e14 / latency / 989e12;

  mls_scenario_set_training (s, TRUE);
  mls_scenario_set_activation_recompute (s, TRUE);
  l = solve (s);
  assert_rel (get (l, "roofline.latency_compute"), 1.3156352e14 / 494.5e12, 1e-6);
  assert_rel (get (l, "roofline.memory_footprint"), 128.48e9 + 9126805504.0, 1e-9);
  assert_rel (get (l, "roofline.mfu"), mfu, 1e-6);
  assert_rel (get (l, "roofline.hfu"), mfu * 4 / 3, 1e-6);
  assert_rel (get (l, "roofline.hfu"), 0.64032, 1e-4);
}

/* ZeRO-3 over 8 ranks shards weights, gradients and Adam state: 128.48e9 / 8 = 16.06e9 B,
 * plus the 30,601,641,984 B of activations = 46,661,641,984 B: it now fits the H100, streams
 * from HBM (t_m = 17.666e9 / 3.35e12 = 5.273 ms) and is compute-bound (t_c = 199.54 ms). */
static void
test_training_zero3 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 1, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) l = NULL;
  MlsQuantity dp = mls_quantity_scalar (8);

  mls_scenario_set_training (s, TRUE);
  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_ZERO_STAGE, 3, &error));
  g_assert_no_error (error);
  mls_scenario_set_parameter (s, "roofline.dp_size", &dp);
  l = solve (s);
  assert_rel (get (l, "roofline.memory_footprint"), 16.06e9 + 30601641984.0, 1e-9);
  g_assert_cmpfloat (get (l, "roofline.feasible"), ==, 1);
  g_assert_cmpstr (mls_ledger_get_text (l, "roofline.memory_path"), ==, "primary");
  g_assert_cmpstr (mls_ledger_get_text (l, "roofline.bottleneck"), ==, "Compute");
}

/* A CNN trains with P·(2·b + 12) B of state (newest) and 3 × forward FLOPs per image (no
 * sequence length): ResNet50 at batch 32 holds 25.6e6 × 16 = 409.6e6 B; ops = 3 × 8.2e9 × 32
 * = 7.872e11 FLOP, t_c = 5.04615 ms; overhead = 0.015 + 50 × 0.01 × 3 = 1.515 ms. */
static void
test_training_cnn (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("ResNet50", "A100", 32, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) l = NULL;

  mls_scenario_set_training (s, TRUE);
  l = solve (s);
  assert_rel (get (l, "roofline.memory_footprint"), 25.6e6 * (2 * 2 + 12), 1e-9);
  assert_rel (get (l, "roofline.latency_compute"), 7.872e11 / 156e12, 1e-6);
  assert_rel (get (l, "roofline.latency_overhead"), 1.515e-3, 1e-9);
  assert_rel (get (l, "roofline.latency"), 7.872e11 / 156e12 + 1.515e-3, 1e-6);
}

/* --- speed ------------------------------------------------------------------------------- */

/* The hot path of sweeps: engine plan → plugin → ledger, explanations off. Reports solves per
 * second (the target is 5 million per core); asserts only that the results stay exact. */
static void
test_speed (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 1, MLS_PRECISION_FP16);
  g_autoptr (MlsLedger) ledger = mls_ledger_new ();
  const char *ids[] = { "roofline", NULL };
  g_autoptr (MlsEnginePlan) plan = mls_engine_plan (engine, ids, &error);
  guint n = g_test_perf () ? 5000000 : 200000;
  gint64 start;
  double seconds;

  g_assert_no_error (error);
  mls_ledger_set_explain (ledger, FALSE);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      mls_ledger_reset (ledger);
      mls_engine_plan_run (plan, s, ledger);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("%u roofline solves in %.3f s: %.3g solves/s", n, seconds, n / seconds);
  if (g_test_perf ())
    g_test_minimized_result (seconds / n, "%.3g s per solve", seconds / n);
  assert_rel (get (ledger, "roofline.latency"), 16.06e9 * 1.1 / 3.35e12 + 0.33e-3, 1e-6);
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

  g_test_add_func ("/roofline/describe", test_describe);
  g_test_add_func ("/roofline/all-metrics-written", test_all_metrics_written);
  g_test_add_func ("/roofline/A37-bottleneck-formula", test_a37_bottleneck_formula);
  g_test_add_func ("/roofline/C2-llama-h100-memory-bound", test_c2_llama_h100_memory_bound);
  g_test_add_func ("/roofline/C54-capacity-gib", test_c54_capacity_gib);
  g_test_add_func ("/roofline/C2-utilisation-energy", test_c2_utilisation_and_energy);
  g_test_add_func ("/roofline/C39-bandwidth-sensitivity", test_c39_bandwidth_sensitivity);
  g_test_add_func ("/roofline/C1-resnet-a100-compute-bound", test_c1_resnet_a100_compute_bound);
  g_test_add_func ("/roofline/C4-fp32-vs-fp16", test_c4_fp32_vs_fp16);
  g_test_add_func ("/roofline/C5-batch-throughput", test_c5_batch_throughput);
  g_test_add_func ("/roofline/C27-engine-properties", test_c27_engine_properties);
  g_test_add_func ("/roofline/C57-energy-overhead", test_c57_energy_and_overhead);
  g_test_add_func ("/roofline/C57-invalid-inputs", test_c57_invalid_inputs);
  g_test_add_func ("/roofline/tie-is-compute", test_tie_is_compute);
  g_test_add_func ("/roofline/C3-gpt4-esp32-offload", test_c3_gpt4_esp32_offload);
  g_test_add_func ("/roofline/C37-sram-path", test_c37_sram_path);
  g_test_add_func ("/roofline/flash-path", test_flash_path);
  g_test_add_func ("/roofline/C51-precision-bytes", test_c51_precision_bytes);
  g_test_add_func ("/roofline/C58-dlrm-model-size-only", test_c58_dlrm_model_size_only);
  g_test_add_func ("/roofline/C59-nvl72-precision-peak", test_c59_nvl72_precision_peak);
  g_test_add_func ("/roofline/precision-fallback-warning", test_precision_fallback_warning);
  g_test_add_func ("/roofline/explanations", test_explanations);
  g_test_add_func ("/roofline/training-llama-h100", test_training_llama_h100);
  g_test_add_func ("/roofline/training-recompute", test_training_recompute);
  g_test_add_func ("/roofline/training-zero3", test_training_zero3);
  g_test_add_func ("/roofline/training-cnn", test_training_cnn);
  g_test_add_func ("/roofline/speed", test_speed);

  ret = g_test_run ();
  g_clear_object (&engine);
  return ret;
}
