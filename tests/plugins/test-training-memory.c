/* test-training-memory.c — the training-memory solver and its equations against the reference's
 * cases
 *
 * Every expected value is derived by hand from registry facts in the comment above it; none is
 * copied from the solver's output. Reference case ids (A15, C10, …) are those of
 * shared/reference/reference-cases.md.
 *
 * Registry facts: Llama3_8B 8.03e9 params, 32 L, h 4096, 32 heads; H100 80 GiB =
 * 85.89934592e9 B; Adam 12 B/param; communication buffers 5 % of the gradients.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <mlsysim.h>

#define SOLVER "training-memory"

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
set_knob (MlsScenario *s,
          MlsKnob      knob,
          double       value)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (mls_scenario_set_knob (s, knob, value, &error));
  g_assert_no_error (error);
}

static void
set_param (MlsScenario *s,
           const char  *id,
           double       value)
{
  MlsQuantity q = mls_quantity_scalar (value);

  mls_scenario_set_parameter (s, id, &q);
}

/* Llama3_8B on an H100, fp16, training. */
static MlsScenario *
scenario_new (guint batch,
              guint seq_len)
{
  MlsScenario *s = mls_scenario_new ("test");

  mls_scenario_set_workload (s, MLS_WORKLOAD (lookup ("models", "Llama3_8B")));
  mls_scenario_set_hardware (s, MLS_HARDWARE_NODE (lookup ("hardware", "H100")));
  mls_scenario_set_precision (s, MLS_PRECISION_FP16);
  mls_scenario_set_training (s, TRUE);
  set_knob (s, MLS_KNOB_BATCH_SIZE, batch);
  set_knob (s, MLS_KNOB_SEQ_LEN, seq_len);
  return s;
}

static MlsLedger *
solve (MlsScenario *scenario)
{
  g_autoptr (GError) error = NULL;
  const char *ids[] = { SOLVER, NULL };
  MlsLedger *ledger = mls_ledger_new ();
  const char *message = NULL;

  mls_ledger_set_explain (ledger, TRUE);
  g_assert_true (mls_engine_solve (engine, ids, scenario, ledger, &error));
  g_assert_no_error (error);
  if (mls_ledger_get_status (ledger, SOLVER, &message) != MLS_SOLVE_OK)
    g_error ("training-memory did not solve: %s", message);
  return ledger;
}

static void
expect_invalid (MlsScenario *scenario,
                const char  *needle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsLedger) ledger = mls_ledger_new ();
  MlsSolver *solver = mls_engine_get_solver (engine, SOLVER, &error);

  g_assert_no_error (error);
  g_assert_false (mls_solver_solve (solver, scenario, ledger, &error));
  g_assert_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT);
  if (strstr (error->message, needle) == NULL)
    g_error ("expected “%s” in: %s", needle, error->message);
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

static double
components (MlsLedger *ledger)
{
  return get (ledger, "training-memory.weights") + get (ledger, "training-memory.gradients") +
         get (ledger, "training-memory.optimizer_state") +
         get (ledger, "training-memory.activations") +
         get (ledger, "training-memory.communication_buffers");
}

/* --- description ------------------------------------------------------------------------- */

/* Wall 2 (the memory wall), its parameters and metrics; one solve writes every metric. */
static void
test_describe (void)
{
  MlsSolverInfo *info = mls_engine_get_info (engine, SOLVER);
  const guint *walls;
  guint n_walls;

  g_assert_nonnull (info);
  walls = mls_solver_info_get_walls (info, &n_walls);
  g_assert_cmpuint (n_walls, ==, 1);
  g_assert_cmpuint (walls[0], ==, 2);
  g_assert_nonnull (mls_solver_info_find_parameter (info, "training-memory.dp_size"));
  g_assert_nonnull (mls_solver_info_find_parameter (info, "training-memory.optimizer_bytes"));
  g_assert_nonnull (mls_solver_info_find_parameter (info,
                                                    "training-memory.activation_checkpointing"));
  /* §10: TRAINING_OPTIMIZER_BYTES_ADAM = 12, from the registry */
  g_assert_cmpfloat_with_epsilon (
    mls_solver_info_find_parameter (info, "training-memory.optimizer_bytes")->default_value, 12,
    1e-12);

  g_autoptr (MlsScenario) s = scenario_new (8, 1024);
  g_autoptr (MlsLedger) ledger = solve (s);

  for (guint i = 0; i < mls_solver_info_get_n_metrics (info); i++)
    {
      const MlsMetricSpec *m = mls_solver_info_get_metric (info, i);

      if (!mls_ledger_has (ledger, m->id))
        g_error ("declared metric %s not written", m->id);
    }
}

/* --- A15–A17: activation memory ------------------------------------------------------------ */

/* A15: one layer, s 1024, b 1, h 768, 12 heads, fp16, no recomputation:
 * 34·1024·768 + 5·12·1024² = 26,738,688 + 62,914,560 = 89,653,248 B.
 * A16: selective 26,738,688 B; full 2·1024·768 = 1,572,864 B; fp32 doubles; 12 layers ×12.
 * A17: without heads "none" fails naming n_heads; "checkpointing" is no strategy. */
static void
test_a15_a17_activation_memory (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity fp16, fp32, out;
  MlsActivationCheckpointing strategy;

  g_assert_true (mls_quantity_parse ("2 B", &fp16, NULL));
  g_assert_true (mls_quantity_parse ("4 B", &fp32, NULL));

  g_assert_true (mls_calc_activation_memory (1, 1024, 1, 768, 12, &fp16,
                                             MLS_ACTIVATION_CHECKPOINTING_NONE, &out, &error));
  assert_rel (out.value, 89653248, 1e-6);
  g_assert_true (mls_calc_activation_memory (1, 1024, 1, 768, 12, &fp16,
                                             MLS_ACTIVATION_CHECKPOINTING_SELECTIVE, &out,
                                             &error));
  assert_rel (out.value, 26738688, 1e-6);
  g_assert_true (mls_calc_activation_memory (1, 1024, 1, 768, 12, &fp16,
                                             MLS_ACTIVATION_CHECKPOINTING_FULL, &out, &error));
  assert_rel (out.value, 1572864, 1e-6);
  g_assert_true (mls_calc_activation_memory (1, 1024, 1, 768, 12, &fp32,
                                             MLS_ACTIVATION_CHECKPOINTING_SELECTIVE, &out,
                                             &error));
  assert_rel (out.value, 2 * 26738688.0, 1e-6);
  g_assert_true (mls_calc_activation_memory (12, 1024, 1, 768, 12, &fp16,
                                             MLS_ACTIVATION_CHECKPOINTING_SELECTIVE, &out,
                                             &error));
  assert_rel (out.value, 12 * 26738688.0, 1e-6);
  g_assert_no_error (error);

  g_assert_false (mls_calc_activation_memory (1, 1024, 1, 768, 0, &fp16,
                                              MLS_ACTIVATION_CHECKPOINTING_NONE, &out, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "n_heads"));
  g_clear_error (&error);
  g_assert_false (mls_activation_checkpointing_parse ("checkpointing", &strategy, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "strategy"));
}

/* Under tensor and sequence parallelism every activation term splits over the t ranks
 * (Korthikanti et al. 2023, table 2): 40 layers, s 4096, b 16, h 8192, full recomputation,
 * t 8 → 40 × 2·4096·16·8192 / 8 = 5,368,709,120 B. LoRA on the four attention projections of
 * 80 layers at rank 16, width 8192, 70e9 parameters trains 2·16·8192·4·80 / 70e9
 * = 83,886,080 / 70e9 of them. */
static void
test_parallel_activations_and_lora (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity fp16, out;
  double fraction;

  g_assert_true (mls_quantity_parse ("2 B", &fp16, NULL));
  g_assert_true (mls_calc_parallel_activation_memory (40, 4096, 16, 8192, 64, 8, &fp16,
                                                      MLS_ACTIVATION_CHECKPOINTING_FULL, &out,
                                                      &error));
  g_assert_no_error (error);
  assert_rel (out.value, 5368709120.0, 1e-12);

  g_assert_true (mls_calc_lora_trainable_fraction (16, 8192, 80, 70e9, &fraction, &error));
  g_assert_no_error (error);
  assert_rel (fraction, 83886080.0 / 70e9, 1e-12);
  /* a tiny model is capped at 1 */
  g_assert_true (mls_calc_lora_trainable_fraction (16, 8192, 80, 1e6, &fraction, &error));
  g_assert_cmpfloat (fraction, ==, 1);
}

/* --- C10: Llama3_8B on an H100, batch 8, seq 1024 ---------------------------------------------- */

/* Defaults: dp 1, ZeRO 0, Adam, selective recomputation (the reference's default), no
 * pipeline. Weights = gradients = 8.03e9 × 2 B = 16.06e9 B; optimizer 8.03e9 × 12 =
 * 96.36e9 B; microbatch ⌈8/1⌉ = 8; activations 32 × 34·1024·8·4096 = 36,507,222,016 B (=
 * calc_activation_memory(32, 1024, 8, 4096, 2 B, selective)); buffers 0.05 × 16.06e9 =
 * 0.803e9 B. Total 165.790222016e9 B: utilisation 165.790222016 / 85.89934592 = 1.93005,
 * it does not fit. The components sum to the total and the optimizer outweighs the
 * gradients. */
static void
test_c10_breakdown (void)
{
  g_autoptr (MlsScenario) s = scenario_new (8, 1024);
  g_autoptr (MlsLedger) ledger = solve (s);
  double total = 16.06e9 * 2 + 96.36e9 + 36507222016.0 + 0.803e9;

  assert_rel (get (ledger, "training-memory.weights"), 16.06e9, 1e-9);
  assert_rel (get (ledger, "training-memory.gradients"), 16.06e9, 1e-9);
  assert_rel (get (ledger, "training-memory.optimizer_state"), 96.36e9, 1e-9);
  assert_rel (get (ledger, "training-memory.activations"), 36507222016.0, 1e-9);
  assert_rel (get (ledger, "training-memory.communication_buffers"), 0.803e9, 1e-9);
  assert_rel (get (ledger, "training-memory.total"), total, 1e-9);
  assert_rel (get (ledger, "training-memory.total"), components (ledger), 1e-12);
  g_assert_cmpfloat (get (ledger, "training-memory.optimizer_state"), >,
                     get (ledger, "training-memory.gradients"));
  assert_rel (get (ledger, "training-memory.utilization"), total / 85.89934592e9, 1e-9);
  g_assert_cmpfloat (get (ledger, "training-memory.feasible"), ==, 0);
  g_assert_cmpstr (mls_ledger_get_text (ledger,
                                        "training-memory.activation_checkpointing_strategy"),
                   ==, "selective");
}

/* C10: ZeRO-3 over dp 8 shrinks every state below ZeRO-0 (weights 16.06e9/8, gradients
 * 16.06e9/8, optimizer 96.36e9/8). */
static void
test_c10_zero3 (void)
{
  g_autoptr (MlsScenario) s0 = scenario_new (8, 1024);

  set_param (s0, "training-memory.dp_size", 8);

  g_autoptr (MlsScenario) s3 = mls_scenario_copy (s0);
  set_knob (s3, MLS_KNOB_ZERO_STAGE, 3);

  g_autoptr (MlsLedger) z0 = solve (s0);
  g_autoptr (MlsLedger) z3 = solve (s3);

  g_assert_cmpfloat (get (z3, "training-memory.weights"), <, get (z0, "training-memory.weights"));
  g_assert_cmpfloat (get (z3, "training-memory.gradients"), <,
                     get (z0, "training-memory.gradients"));
  g_assert_cmpfloat (get (z3, "training-memory.optimizer_state"), <,
                     get (z0, "training-memory.optimizer_state"));
  g_assert_cmpfloat (get (z3, "training-memory.total"), <, get (z0, "training-memory.total"));
  assert_rel (get (z3, "training-memory.weights"), 16.06e9 / 8, 1e-9);
  assert_rel (get (z3, "training-memory.optimizer_state"), 96.36e9 / 8, 1e-9);
}

/* C10: full recomputation keeps less than none (batch 8, seq 2048): full 32 × 2·2048·8·4096 B
 * = 4,294,967,296 B against 32 × (34·2048·8·4096 + 5·32·2048²·8) = 32 × 7,650,410,496
 * = 244,813,135,872 B. */
static void
test_c10_recomputation (void)
{
  g_autoptr (MlsScenario) none = scenario_new (8, 2048);
  g_autoptr (MlsScenario) full = scenario_new (8, 2048);

  set_param (none, "training-memory.activation_checkpointing", 0);
  set_param (full, "training-memory.activation_checkpointing", 2);

  g_autoptr (MlsLedger) a = solve (none);
  g_autoptr (MlsLedger) b = solve (full);

  assert_rel (get (a, "training-memory.activations"),
              32 * (34.0 * 2048 * 8 * 4096 + 5.0 * 32 * 2048 * 2048 * 8), 1e-9);
  assert_rel (get (b, "training-memory.activations"), 32 * 2.0 * 2048 * 8 * 4096, 1e-9);
  g_assert_cmpfloat (get (b, "training-memory.activations"), <,
                     get (a, "training-memory.activations"));
  g_assert_cmpfloat (get (b, "training-memory.total"), <, get (a, "training-memory.total"));
}

/* C10: zero_stage 4, an unknown optimizer (here: negative optimizer bytes; a plugin parameter
 * is a number) and precision "fp6" are errors that name the field. */
static void
test_c10_invalid (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsScenario) s = scenario_new (8, 1024);
  MlsQuantity bytes;
  MlsPrecision precision;

  g_assert_false (mls_scenario_set_knob (s, MLS_KNOB_ZERO_STAGE, 4, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "zero_stage"));
  g_clear_error (&error);

  g_assert_false (mls_precision_from_string ("fp6", &precision, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "fp6"));
  g_clear_error (&error);

  g_assert_true (mls_quantity_parse ("-1 B", &bytes, NULL));
  mls_scenario_set_parameter (s, "training-memory.optimizer_bytes", &bytes);
  expect_invalid (s, "training-memory.optimizer_bytes");
  mls_scenario_unset_parameter (s, "training-memory.optimizer_bytes");
  set_param (s, "training-memory.activation_checkpointing", 3);
  expect_invalid (s, "training-memory.activation_checkpointing");
}

/* --- C52, C54 ------------------------------------------------------------------------------- */

/* C52: batch 16, seq 1024, dp 4, ZeRO-2: microbatch ⌈16/4⌉ = 4; weights 16.06e9 B,
 * gradients 16.06e9/4 = 4.015e9 B, optimizer 96.36e9/4 = 24.09e9 B, activations
 * 32 × 34·1024·4·4096 = 18,253,611,008 B, buffers 0.05 × 4.015e9 = 0.20075e9 B;
 * total 62.619361008e9 B, utilisation total / available (C54: 80 GiB = 85.89934592e9 B). */
static void
test_c52_zero2 (void)
{
  g_autoptr (MlsScenario) s = scenario_new (16, 1024);

  set_param (s, "training-memory.dp_size", 4);
  set_knob (s, MLS_KNOB_ZERO_STAGE, 2);

  g_autoptr (MlsLedger) ledger = solve (s);
  double total = 16.06e9 + 4.015e9 + 24.09e9 + 18253611008.0 + 0.20075e9;

  g_assert_cmpfloat (get (ledger, "training-memory.microbatch"), ==, 4);
  assert_rel (get (ledger, "training-memory.total"), total, 1e-9);
  assert_rel (get (ledger, "training-memory.total"), components (ledger), 1e-12);
  assert_rel (get (ledger, "training-memory.available"), 85.89934592e9, 1e-12);
  assert_rel (get (ledger, "training-memory.utilization"),
              get (ledger, "training-memory.total") / get (ledger, "training-memory.available"),
              1e-12);
  g_assert_cmpfloat (get (ledger, "training-memory.feasible"), ==, 1);
}

/* C52: ZeRO stages 0 → 3 over dp 8 never increase the total. */
static void
test_c52_zero_monotone (void)
{
  double previous = INFINITY;

  for (guint stage = 0; stage <= 3; stage++)
    {
      g_autoptr (MlsScenario) s = scenario_new (16, 1024);

      set_param (s, "training-memory.dp_size", 8);
      set_knob (s, MLS_KNOB_ZERO_STAGE, stage);

      g_autoptr (MlsLedger) ledger = solve (s);
      double total = get (ledger, "training-memory.total");

      g_assert_cmpfloat (total, <=, previous);
      previous = total;
    }
}

/* A pipeline holds one stage's layers and two activation tensors in flight: pp 2, batch 8,
 * seq 1024 → ⌈32/2⌉ = 16 layers; params per rank 8.03e9/2; buffers 0.05 × 8.03e9 B +
 * 2·8·1024·4096·2 B = 0.4015e9 + 134,217,728 B. */
static void
test_pipeline_stage (void)
{
  g_autoptr (MlsScenario) s = scenario_new (8, 1024);

  set_knob (s, MLS_KNOB_PP, 2);

  g_autoptr (MlsLedger) ledger = solve (s);

  g_assert_cmpfloat (get (ledger, "training-memory.layers_per_stage"), ==, 16);
  assert_rel (get (ledger, "training-memory.weights"), 8.03e9, 1e-9);
  assert_rel (get (ledger, "training-memory.activations"), 16 * 34.0 * 1024 * 8 * 4096, 1e-9);
  assert_rel (get (ledger, "training-memory.communication_buffers"),
              0.05 * 8.03e9 + 2.0 * 8 * 1024 * 4096 * 2, 1e-9);
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

  g_test_add_func ("/training-memory/describe", test_describe);
  g_test_add_func ("/training-memory/a15-a17-activation-memory", test_a15_a17_activation_memory);
  g_test_add_func ("/training-memory/parallel-activations-lora",
                   test_parallel_activations_and_lora);
  g_test_add_func ("/training-memory/c10-breakdown", test_c10_breakdown);
  g_test_add_func ("/training-memory/c10-zero3", test_c10_zero3);
  g_test_add_func ("/training-memory/c10-recomputation", test_c10_recomputation);
  g_test_add_func ("/training-memory/c10-invalid", test_c10_invalid);
  g_test_add_func ("/training-memory/c52-zero2", test_c52_zero2);
  g_test_add_func ("/training-memory/c52-zero-monotone", test_c52_zero_monotone);
  g_test_add_func ("/training-memory/pipeline-stage", test_pipeline_stage);

  ret = g_test_run ();
  g_object_unref (engine);
  return ret;
}
