/* test-formulas.c — the formula library against the reference's known answers
 *
 * Cases A1–A40 are section A of reference-cases.md (the reference's tests/test_formulas.py and
 * its docstring examples), each with the tolerance given there. Every expected value is
 * re-derived by hand in a comment; none is copied from this library's output.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <math.h>
#include <string.h>

#include <mlsysim.h>

/* pytest.approx's default, which the reference's tests use where they give no tolerance */
#define DEFAULT_REL 1e-6

static MlsQuantity
parse (const char *text)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity out = { 0 };

  g_assert_true (mls_quantity_parse (text, &out, &error));
  g_assert_no_error (error);
  return out;
}

/* A pointer to a parsed quantity that lives until the end of the enclosing block. */
#define Q(text) ((const MlsQuantity[]){ parse (text) })

static double
in_unit (const MlsQuantity *q,
         const char        *unit)
{
  g_autoptr (GError) error = NULL;
  double v = NAN;

  g_assert_true (mls_quantity_convert (q, unit, &v, &error));
  g_assert_no_error (error);
  return v;
}

#define assert_rel(actual, expected, rel)                                                       \
  G_STMT_START                                                                                  \
  {                                                                                             \
    double a_ = (actual), e_ = (expected);                                                      \
    g_assert_cmpfloat_with_epsilon (a_, e_, MAX (fabs (e_) * (rel), 1e-300));                   \
  }                                                                                             \
  G_STMT_END

/* Expects an error in MLS_FORMULA_ERROR with @code whose message mentions @needle. */
static void
assert_formula_error (GError     *error,
                      int         code,
                      const char *needle)
{
  g_assert_error (error, MLS_FORMULA_ERROR, code);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("error message “%s” does not mention “%s”", error->message, needle);
}

/* ---- A1–A2: network latency --------------------------------------------------------------- */

static void
test_a01_a02_network_latency (void)
{
  MlsQuantity t;

  /* A1: round trip over 1000 km of fibre at 200,000 km/s: 2 · 1000 / 200,000 s = 10 ms */
  g_assert_true (mls_calc_network_latency (Q ("1000 km"), Q ("200000 km/s"), &t, NULL));
  assert_rel (in_unit (&t, "ms"), 10.0, 1e-6);

  /* A2: no distance, no delay */
  g_assert_true (mls_calc_network_latency (Q ("0 km"), Q ("200000 km/s"), &t, NULL));
  g_assert_cmpfloat (t.value, ==, 0.0);
}

/* ---- A3: training time --------------------------------------------------------------------- */

static void
test_a03_training_time (void)
{
  MlsQuantity t;

  /* 1e18 / (8 · 312e12 · 0.5) = 1e18 / 1.248e15 = 801.282 s */
  g_assert_true (mls_calc_training_time (Q ("1e18 FLOP"), 8, Q ("312 TFLOP/s"), 0.5, &t, NULL));
  g_assert_cmpint (mls_quantity_get_exponent (&t, MLS_DIM_TIME), ==, 1);
  assert_rel (in_unit (&t, "s"), 801.282, 1e-4);
}

static void
test_training_time_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) error2 = NULL;
  g_autoptr (GError) error3 = NULL;
  MlsQuantity t;

  /* the reference checks N ≥ 1 and 0 < η ≤ 1 */
  g_assert_false (mls_calc_training_time (Q ("1 PFLOP"), 0, Q ("312 TFLOP/s"), 0.5, &t, &error));
  assert_formula_error (error, MLS_FORMULA_ERROR_RANGE, "n_devices");
  g_assert_false (mls_calc_training_time (Q ("1 PFLOP"), 8, Q ("312 TFLOP/s"), 1.5, &t, &error2));
  assert_formula_error (error2, MLS_FORMULA_ERROR_RANGE, "efficiency");
  /* a bandwidth where a compute rate is due */
  g_assert_false (mls_calc_training_time (Q ("1 PFLOP"), 8, Q ("2 TB/s"), 0.5, &t, &error3));
  assert_formula_error (error3, MLS_FORMULA_ERROR_DIMENSION, "peak_flops");
}

/* ---- A4–A5: Amdahl ------------------------------------------------------------------------- */

static void
test_a04_a05_amdahl (void)
{
  double s;

  /* A4: 1 / (0.1 + 0.9/10) = 1 / 0.19 = 5.2632 */
  g_assert_true (mls_calc_amdahls_speedup (0.9, 10, &s, NULL));
  assert_rel (s, 5.2632, 1e-3);

  /* A5: fully parallel gives the full 10×; fully serial gives 1× whatever the speed-up */
  g_assert_true (mls_calc_amdahls_speedup (1.0, 10, &s, NULL));
  assert_rel (s, 10.0, DEFAULT_REL);
  g_assert_true (mls_calc_amdahls_speedup (0.0, 1000, &s, NULL));
  assert_rel (s, 1.0, DEFAULT_REL);
}

/* ---- A6–A8, A37: bottleneck ---------------------------------------------------------------- */

static void
test_a06_a07_bottleneck_kind (void)
{
  MlsBottleneck b;

  /* A6: t_c = 1e15 / 312e12 = 3.205 s; t_m = 100e6 / 2e12 = 0.05 ms: compute-bound */
  g_assert_true (mls_calc_bottleneck (Q ("1e15 FLOP"), Q ("100 MB"), Q ("312e12 FLOP/s"),
                                      Q ("2e12 B/s"), &b, NULL));
  g_assert_cmpint (b.kind, ==, MLS_BOTTLENECK_COMPUTE);

  /* A7: t_c = 1e9 / 312e12 = 3.2 µs; t_m = 10e9 / 2e12 = 5 ms: memory-bound */
  g_assert_true (mls_calc_bottleneck (Q ("1e9 FLOP"), Q ("10 GB"), Q ("312e12 FLOP/s"),
                                      Q ("2e12 B/s"), &b, NULL));
  g_assert_cmpint (b.kind, ==, MLS_BOTTLENECK_MEMORY);
}

static void
test_a08_bottleneck_intensity_and_tie (void)
{
  MlsBottleneck b;

  /* 1 TFLOP over 1 GB is 1e12 / 1e9 = 1000 FLOP/B whatever the prefixes. Both times are 1 s:
   * a tie, which the reference calls compute-bound with ratio 1. */
  g_assert_true (mls_calc_bottleneck (Q ("1 TFLOP"), Q ("1 GB"), Q ("1 TFLOP/s"), Q ("1 GB/s"),
                                      &b, NULL));
  assert_rel (in_unit (&b.intensity, "FLOP/B"), 1000.0, DEFAULT_REL);
  g_assert_cmpint (b.kind, ==, MLS_BOTTLENECK_COMPUTE);
  assert_rel (b.ratio, 1.0, DEFAULT_REL);
}

static void
test_a37_bottleneck_llama_h100 (void)
{
  MlsBottleneck b;

  /* Llama-3 8B fp16 on H100 at batch 1: 16e9 / 989e12 = 0.0162 ms of compute, 16e9 / 3.35e12
   * = 4.776 ms of memory: memory-bound by 4.776 / 0.0162 = 989 / 3.35 = 295.22 */
  g_assert_true (mls_calc_bottleneck (Q ("16 GFLOP"), Q ("16 GB"), Q ("989 TFLOP/s"),
                                      Q ("3.35 TB/s"), &b, NULL));
  assert_rel (in_unit (&b.compute_time, "ms"), 0.016178, 1e-3);
  assert_rel (in_unit (&b.memory_time, "ms"), 4.776119, 1e-5);
  g_assert_cmpint (b.kind, ==, MLS_BOTTLENECK_MEMORY);
  assert_rel (b.ratio, 295.2239, 1e-5);
  /* 16e9 FLOP / 16e9 B = 1 FLOP/B */
  assert_rel (in_unit (&b.intensity, "FLOP/B"), 1.0, DEFAULT_REL);
}

static void
test_bottleneck_zero_times (void)
{
  MlsBottleneck b;

  /* no arithmetic (below the 1e-15 ms floor): memory-bound, ratio ∞, intensity 0 */
  g_assert_true (mls_calc_bottleneck (Q ("0 FLOP"), Q ("1 GB"), Q ("1 TFLOP/s"), Q ("1 GB/s"),
                                      &b, NULL));
  g_assert_cmpint (b.kind, ==, MLS_BOTTLENECK_MEMORY);
  g_assert_true (isinf (b.ratio));
  g_assert_cmpfloat (b.intensity.value, ==, 0.0);

  /* no traffic: compute-bound, ratio ∞, intensity ∞ */
  g_assert_true (mls_calc_bottleneck (Q ("1 GFLOP"), Q ("0 B"), Q ("1 TFLOP/s"), Q ("1 GB/s"),
                                      &b, NULL));
  g_assert_cmpint (b.kind, ==, MLS_BOTTLENECK_COMPUTE);
  g_assert_true (isinf (b.ratio));
  g_assert_true (isinf (b.intensity.value));

  /* 1e-16 s of compute is 1e-13 ms, above the reference's 1e-15 ms floor: not negligible.
   * 1e-4 FLOP at 1 TFLOP/s is 1e-16 s; 1 B at 1 GB/s is 1 ns, so memory-bound with a ratio of
   * 1e-9 / 1e-16 = 1e7. */
  g_assert_true (mls_calc_bottleneck (Q ("1e-4 FLOP"), Q ("1 B"), Q ("1 TFLOP/s"), Q ("1 GB/s"),
                                      &b, NULL));
  g_assert_cmpint (b.kind, ==, MLS_BOTTLENECK_MEMORY);
  assert_rel (b.ratio, 1e7, 1e-9);
}

static void
test_bottleneck_dimension_error (void)
{
  g_autoptr (GError) error = NULL;
  MlsBottleneck b;

  /* a compute rate where the bandwidth is due: the message names the argument, what it
   * should be, an example and what it got */
  g_assert_false (mls_calc_bottleneck (Q ("1 TFLOP"), Q ("1 GB"), Q ("1 TFLOP/s"),
                                       Q ("1 TFLOP/s"), &b, &error));
  assert_formula_error (error, MLS_FORMULA_ERROR_DIMENSION,
                        "bandwidth must be a bandwidth (bytes per second)");
  g_assert_nonnull (strstr (error->message, "50 GB/s"));
  g_assert_nonnull (strstr (error->message, "got a compute rate"));
}

/* ---- A9–A10: model memory ------------------------------------------------------------------ */

static void
test_a09_a10_model_memory (void)
{
  MlsQuantity m;

  /* A9: ResNet-50 at fp32: 25.6e6 · 4 B = 102.4e6 B = 102.4 MB */
  g_assert_true (mls_calc_model_memory (25.6e6, Q ("4 B"), &m, NULL));
  assert_rel (in_unit (&m, "MB"), 102.4, 1e-3);
  /* the quantity form: 25.6 Mparam is the same count */
  g_assert_true (mls_calc_model_memory (parse ("25.6 Mparam").value, Q ("4 B"), &m, NULL));
  assert_rel (in_unit (&m, "MB"), 102.4, 1e-3);

  /* A10: GPT-3 at fp16: 175e9 · 2 B = 350e9 B = 350 GB */
  g_assert_true (mls_calc_model_memory (175e9, Q ("2 B"), &m, NULL));
  assert_rel (in_unit (&m, "GB"), 350.0, 1e-3);
}

/* ---- A11–A13, A38: collectives ------------------------------------------------------------- */

static void
test_a11_a38_ring_allreduce (void)
{
  MlsQuantity t;

  /* A11/A38: 2·7/8 · 1e9/50e9 + 2·7 · 500e-9 = 0.035 + 7e-6 = 0.035007 s */
  g_assert_true (mls_calc_ring_allreduce_time (Q ("1e9 B"), 8, Q ("50e9 B/s"), Q ("500 ns"), &t,
                                               NULL));
  assert_rel (in_unit (&t, "s"), 0.035007, 1e-4);

  /* one rank: nothing to exchange */
  g_assert_true (mls_calc_ring_allreduce_time (Q ("1e9 B"), 1, Q ("50e9 B/s"), Q ("500 ns"), &t,
                                               NULL));
  g_assert_cmpfloat (t.value, ==, 0.0);
}

static void
test_a12_tree_allreduce (void)
{
  MlsQuantity tree, ring;

  /* ⌈log₂8⌉ = 3: 2·3 · 0.02 + 2·3 · 500e-9 = 0.12 + 3e-6 = 0.120003 s */
  g_assert_true (mls_calc_tree_allreduce_time (Q ("1e9 B"), 8, Q ("50e9 B/s"), Q ("500 ns"),
                                               &tree, NULL));
  assert_rel (in_unit (&tree, "s"), 0.120003, 1e-4);

  /* for a large message the tree moves the whole buffer each step and loses to the ring */
  g_assert_true (mls_calc_ring_allreduce_time (Q ("1e9 B"), 8, Q ("50e9 B/s"), Q ("500 ns"),
                                               &ring, NULL));
  g_assert_cmpfloat (tree.value, >, ring.value);

  /* ⌈log₂5⌉ = 3 as well: 2·3 · 1e9/50e9 + 2·3 · 500e-9 */
  g_assert_true (mls_calc_tree_allreduce_time (Q ("1e9 B"), 5, Q ("50e9 B/s"), Q ("500 ns"),
                                               &tree, NULL));
  assert_rel (tree.value, 0.120003, 1e-9);
}

static void
test_a13_all_to_all (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity t;

  /* 7/8 · 0.02 + 7 · 500e-9 = 0.0175 + 3.5e-6 = 0.0175035 s */
  g_assert_true (mls_calc_all_to_all_time (Q ("1e9 B"), 8, Q ("50e9 B/s"), Q ("500 ns"), &t,
                                           NULL));
  assert_rel (in_unit (&t, "s"), 0.0175035, 1e-4);

  /* the reference raises ValueError matching "n_gpus" */
  g_assert_false (mls_calc_all_to_all_time (Q ("1e9 B"), 0, Q ("50e9 B/s"), Q ("500 ns"), &t,
                                            &error));
  assert_formula_error (error, MLS_FORMULA_ERROR_RANGE, "n_gpus");
}

static void
test_collective_helpers (void)
{
  MlsQuantity t;
  double f, thr, loss;
  guint steps;

  /* 2(N − 1)/N at N = 8: 14/8 = 1.75; (N − 1)/N = 0.875; 2(N − 1) = 14 steps */
  g_assert_true (mls_calc_ring_allreduce_data_factor (8, &f, NULL));
  assert_rel (f, 1.75, DEFAULT_REL);
  g_assert_true (mls_calc_ring_collective_data_factor (8, &f, NULL));
  assert_rel (f, 0.875, DEFAULT_REL);
  g_assert_true (mls_calc_ring_allreduce_latency_steps (8, &steps, NULL));
  g_assert_cmpuint (steps, ==, 14);
  /* 14 · 500 ns = 7 µs */
  g_assert_true (mls_calc_ring_allreduce_latency_time (8, Q ("500 ns"), &t, NULL));
  assert_rel (in_unit (&t, "us"), 7.0, DEFAULT_REL);

  /* one message: 500 ns + 1e9 / 50e9 = 0.0200005 s */
  g_assert_true (mls_calc_point_to_point_time (Q ("1 GB"), Q ("50 GB/s"), Q ("500 ns"), &t, NULL));
  assert_rel (t.value, 0.0200005, DEFAULT_REL);

  /* α·β = 500e-9 · 50e9 = 25,000 B; ring/tree crossover at 8 ranks: 8 · 25,000 / 3 */
  g_assert_true (mls_calc_alpha_beta_crossover (Q ("50 GB/s"), Q ("500 ns"), &t, NULL));
  assert_rel (in_unit (&t, "B"), 25000.0, DEFAULT_REL);
  g_assert_true (mls_calc_ring_tree_crossover_size (8, Q ("50 GB/s"), Q ("500 ns"), &t, NULL));
  assert_rel (in_unit (&t, "B"), 200000.0 / 3.0, DEFAULT_REL);

  /* NCCL's double binary tree: 1.2 · 2·log₂8 · 500 ns + 1.05 · 2·7/8 · 0.02
   * = 3.6e-6 + 0.03675 = 0.0367536 s */
  g_assert_true (mls_calc_double_binary_tree_allreduce_time (Q ("1e9 B"), 8, Q ("50 GB/s"),
                                                             Q ("500 ns"), 1.2, 1.05, &t, NULL));
  assert_rel (t.value, 0.0367536, DEFAULT_REL);

  /* half the traffic over a 3:1 tier: 1 / (0.5 + 0.5·3) = 0.5 of non-blocking throughput */
  g_assert_true (mls_calc_oversubscription_effect (0.5, 3.0, &thr, &loss, NULL));
  assert_rel (thr, 0.5, DEFAULT_REL);
  assert_rel (loss, 0.5, DEFAULT_REL);

  /* 64 ports of 400 Gb/s (50 GB/s) at 2:1: 64 · 50 / 2 = 1600 GB/s */
  g_assert_true (mls_calc_bisection_bandwidth (64, Q ("400 Gbps"), 2.0, &t, NULL));
  assert_rel (in_unit (&t, "GB/s"), 1600.0, DEFAULT_REL);

  /* 4 hops of 1 µs */
  g_assert_true (mls_calc_hop_latency (4, Q ("1 us"), &t, NULL));
  assert_rel (in_unit (&t, "us"), 4.0, DEFAULT_REL);
}

static void
test_collective_errors (void)
{
  g_autoptr (GError) e1 = NULL;
  g_autoptr (GError) e2 = NULL;
  g_autoptr (GError) e3 = NULL;
  g_autoptr (GError) e4 = NULL;
  MlsQuantity t;
  double f;

  g_assert_false (mls_calc_ring_allreduce_data_factor (0, &f, &e1));
  assert_formula_error (e1, MLS_FORMULA_ERROR_RANGE, "n_gpus");
  /* log₂1 = 0: no crossover for a single rank */
  g_assert_false (mls_calc_ring_tree_crossover_size (1, Q ("50 GB/s"), Q ("500 ns"), &t, &e2));
  assert_formula_error (e2, MLS_FORMULA_ERROR_RANGE, "n_gpus");
  /* bits per second are bandwidth too, but a time is not */
  g_assert_false (mls_calc_ring_allreduce_time (Q ("1 GB"), 8, Q ("5 s"), Q ("500 ns"), &t, &e3));
  assert_formula_error (e3, MLS_FORMULA_ERROR_DIMENSION, "bandwidth");
  g_assert_false (mls_calc_ring_allreduce_time (Q ("-1 GB"), 8, Q ("50 GB/s"), Q ("500 ns"), &t,
                                                &e4));
  assert_formula_error (e4, MLS_FORMULA_ERROR_RANGE, "message");
}

/* ---- A14: training FLOPs ------------------------------------------------------------------- */

static void
test_a14_training_flops (void)
{
  MlsQuantity c;

  /* GPT-3: 6 · 175e9 · 300e9 = 3.15e23 FLOP */
  g_assert_true (mls_calc_transformer_training_flops (175e9, 300e9, &c, NULL));
  g_assert_cmpint (mls_quantity_get_exponent (&c, MLS_DIM_OPS), ==, 1);
  assert_rel (c.value, 3.15e23, 1e-3);
}

static void
test_transformer_inference_flops (void)
{
  MlsQuantity c, full, ctx;

  /* Llama-3 8B decodes at 2 · 8.03e9 = 16.06 GFLOP per token, the registry's figure */
  g_assert_true (mls_calc_transformer_decode_flops (8.03e9, 1, &c, NULL));
  assert_rel (in_unit (&c, "GFLOP"), 16.06, DEFAULT_REL);

  /* prefill of 2048 tokens: 2·8.03e9·2048 = 3.2890880e13 linear, plus causal attention
   * 2·32·4096·2048² = 1.0995116e12, total 3.3990392e13 */
  g_assert_true (mls_calc_transformer_prefill_flops (8.03e9, 2048, 32, 4096, TRUE, &c, NULL));
  assert_rel (c.value, 3.3990391627776e13, DEFAULT_REL);
  /* full attention doubles the attention term: 3.2890880e13 + 2.1990233e12 */
  g_assert_true (mls_calc_transformer_prefill_flops (8.03e9, 2048, 32, 4096, FALSE, &full, NULL));
  assert_rel (full.value, 3.5089903255552e13, DEFAULT_REL);
  /* no layer count: linear term only */
  g_assert_true (mls_calc_transformer_prefill_flops (8.03e9, 2048, 0, 4096, TRUE, &c, NULL));
  assert_rel (c.value, 3.2890880e13, DEFAULT_REL);

  /* with every token new and batch 1 the context form equals the plain one */
  g_assert_true (mls_calc_transformer_context_prefill_flops (8.03e9, 2048, 2048, 1, 32, 4096,
                                                             FALSE, &ctx, NULL));
  assert_rel (ctx.value, full.value, 1e-12);
  /* half the prompt cached, batch 4: 4 · (2·8.03e9·1024 + 4·32·4096·1024·2048)
   * = 4 · (1.644544e13 + 1.0995116e12) = 7.0179807e13 */
  g_assert_true (mls_calc_transformer_context_prefill_flops (8.03e9, 1024, 2048, 4, 32, 4096,
                                                             FALSE, &ctx, NULL));
  assert_rel (ctx.value, 4.0 * (1.644544e13 + 1.099511627776e12), DEFAULT_REL);
}

/* ---- A15–A17: activation memory (Korthikanti, newest) -------------------------------------- */

static void
test_a15_activation_none (void)
{
  MlsQuantity m;

  /* 34·1024·768 + 5·12·1024² = 26,738,688 + 62,914,560 = 89,653,248 B at 2 bytes */
  g_assert_true (mls_calc_activation_memory (1, 1024, 1, 768, 12, Q ("2 B"),
                                             MLS_ACTIVATION_CHECKPOINTING_NONE, &m, NULL));
  assert_rel (m.value, 89653248.0, 1e-6);
}

static void
test_a16_activation_selective_full (void)
{
  MlsQuantity m, m32, m12;

  /* selective: 34·1024·768 = 26,738,688 B; heads are not needed */
  g_assert_true (mls_calc_activation_memory (1, 1024, 1, 768, 0, Q ("2 B"),
                                             MLS_ACTIVATION_CHECKPOINTING_SELECTIVE, &m, NULL));
  assert_rel (m.value, 26738688.0, 1e-6);
  /* fp32 is twice fp16; 12 layers are 12 times one */
  g_assert_true (mls_calc_activation_memory (1, 1024, 1, 768, 0, Q ("4 B"),
                                             MLS_ACTIVATION_CHECKPOINTING_SELECTIVE, &m32, NULL));
  assert_rel (m32.value, 2.0 * 26738688.0, 1e-6);
  g_assert_true (mls_calc_activation_memory (12, 1024, 1, 768, 0, Q ("2 B"),
                                             MLS_ACTIVATION_CHECKPOINTING_SELECTIVE, &m12, NULL));
  assert_rel (m12.value, 12.0 * 26738688.0, 1e-6);

  /* full: 2·1024·768 = 1,572,864 B */
  g_assert_true (mls_calc_activation_memory (1, 1024, 1, 768, 0, Q ("2 B"),
                                             MLS_ACTIVATION_CHECKPOINTING_FULL, &m, NULL));
  assert_rel (m.value, 1572864.0, 1e-6);
}

static void
test_a17_activation_errors (void)
{
  g_autoptr (GError) e1 = NULL;
  g_autoptr (GError) e2 = NULL;
  g_autoptr (GError) e3 = NULL;
  MlsActivationCheckpointing strategy = MLS_ACTIVATION_CHECKPOINTING_FULL;
  MlsQuantity m;

  /* strategy "none" without heads: the reference raises ValueError matching "n_heads" */
  g_assert_false (mls_calc_activation_memory (1, 1024, 1, 768, 0, Q ("2 B"),
                                              MLS_ACTIVATION_CHECKPOINTING_NONE, &m, &e1));
  assert_formula_error (e1, MLS_FORMULA_ERROR_MISSING, "n_heads");

  /* "checkpointing" is not a strategy: ValueError matching "strategy" */
  g_assert_false (mls_activation_checkpointing_parse ("checkpointing", &strategy, &e2));
  assert_formula_error (e2, MLS_FORMULA_ERROR_UNKNOWN, "strategy");
  g_assert_false (mls_calc_activation_memory (1, 1024, 1, 768, 12, Q ("2 B"),
                                              (MlsActivationCheckpointing) 42, &m, &e3));
  assert_formula_error (e3, MLS_FORMULA_ERROR_UNKNOWN, "strategy");

  /* the three names parse */
  g_assert_true (mls_activation_checkpointing_parse ("selective", &strategy, NULL));
  g_assert_cmpint (strategy, ==, MLS_ACTIVATION_CHECKPOINTING_SELECTIVE);
  g_assert_true (mls_activation_checkpointing_parse ("none", &strategy, NULL));
  g_assert_cmpint (strategy, ==, MLS_ACTIVATION_CHECKPOINTING_NONE);
  g_assert_true (mls_activation_checkpointing_parse ("full", &strategy, NULL));
  g_assert_cmpint (strategy, ==, MLS_ACTIVATION_CHECKPOINTING_FULL);
}

/* ---- A18: hierarchical all-reduce ---------------------------------------------------------- */

static void
test_a18_hierarchical_allreduce (void)
{
  MlsQuantity hier, one_per_node, flat;

  /* 8 GB over 4 nodes of 8 GPUs, 300 GB/s inside, 25 GB/s per NIC:
   * RS = AG = 7/8 · 8e9/300e9 + 7 · 500 ns = 0.0233368 s;
   * ring(1e9 B, 4 nodes) = 2·3/4 · 1e9/25e9 + 6 · 5 µs = 0.06003 s;
   * total 2 · 0.0233368 + 0.06003 = 0.1067037 s */
  g_assert_true (mls_calc_hierarchical_allreduce_time (Q ("8e9 B"), 4, 8, Q ("300 GB/s"),
                                                       Q ("25 GB/s"), Q ("500 ns"), Q ("5 us"),
                                                       &hier, NULL));
  g_assert_cmpfloat (hier.value, >, 0.0);
  assert_rel (hier.value, 0.10670366667, 1e-6);

  /* one GPU per node: no intra-node phases, the whole 8 GB rings over the nodes:
   * 2·3/4 · 8e9/25e9 + 6 · 5 µs = 0.48003 s */
  g_assert_true (mls_calc_hierarchical_allreduce_time (Q ("8e9 B"), 4, 1, Q ("300 GB/s"),
                                                       Q ("25 GB/s"), Q ("500 ns"), Q ("5 us"),
                                                       &one_per_node, NULL));
  assert_rel (one_per_node.value, 0.48003, 1e-6);
  g_assert_cmpfloat (hier.value, <, one_per_node.value);

  /* and a flat ring over all 32 GPUs at the NIC rate: 2·31/32 · 0.32 + 62 · 5 µs = 0.62031 s */
  g_assert_true (mls_calc_ring_allreduce_time (Q ("8e9 B"), 32, Q ("25 GB/s"), Q ("5 us"), &flat,
                                               NULL));
  assert_rel (flat.value, 0.62031, 1e-6);
  g_assert_cmpfloat (hier.value, <, flat.value);
}

/* ---- A19–A20, A29–A30, A32, A35, A40: reliability ------------------------------------------ */

static void
test_a19_young_daly (void)
{
  MlsQuantity t;

  /* √(2 · 60 s · 50,000 h · 3600 s/h) = √(2.16e10) = 146,969.4 s */
  g_assert_true (mls_calc_young_daly_interval (Q ("60 s"), Q ("50000 h"), &t, NULL));
  assert_rel (in_unit (&t, "s"), 146969.4, 1e-4);
}

static void
test_a20_mtbf_cluster (void)
{
  MlsQuantity t;

  /* 50,000 h / 1000 = 50 h; halved by a correlation factor of 0.5 */
  g_assert_true (mls_calc_mtbf_cluster (Q ("50000 h"), 1000, 1.0, &t, NULL));
  assert_rel (in_unit (&t, "h"), 50.0, 1e-6);
  g_assert_true (mls_calc_mtbf_cluster (Q ("50000 h"), 1000, 0.5, &t, NULL));
  assert_rel (in_unit (&t, "h"), 25.0, 1e-6);
}

static void
test_a29_a30_a40_failure_probability (void)
{
  g_autoptr (GError) error = NULL;
  double p;

  /* A29: T = MTBF: 1 − e^(−1) = 0.63212 */
  g_assert_true (mls_calc_failure_probability (Q ("100 h"), Q ("100 h"), &p, NULL));
  assert_rel (p, 0.63212, 1e-4);
  /* the same in other units of time */
  g_assert_true (mls_calc_failure_probability (Q ("360000 s"), Q ("100 h"), &p, NULL));
  assert_rel (p, 0.63212, 1e-4);

  /* A30: a time and a bare number do not mix (the reference raises TypeError) */
  g_assert_false (mls_calc_failure_probability (Q ("100 h"), Q ("100"), &p, &error));
  assert_formula_error (error, MLS_FORMULA_ERROR_DIMENSION, "duration");

  /* A40: MTBF 50 h, a 14-day job: 336 h / 50 h = 6.72; 1 − e^(−6.72) = 0.9988 */
  g_assert_true (mls_calc_failure_probability (Q ("50 h"), Q ("14 d"), &p, NULL));
  assert_rel (p, 0.9988, 1e-4);
}

static void
test_a32_availability_stacked (void)
{
  double a;

  /* 1 − 0.001³ = 0.999999999; one replica is itself */
  g_assert_true (mls_calc_availability_stacked (0.999, 3, &a, NULL));
  assert_rel (a, 0.999999999, 1e-6);
  g_assert_true (mls_calc_availability_stacked (0.99, 1, &a, NULL));
  assert_rel (a, 0.99, 1e-6);
}

static void
test_a35_mtbf_node (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity t;

  /* one GPU and nothing else counted: 10,000 h */
  g_assert_true (mls_calc_mtbf_node (Q ("10000 h"), 1, Q ("1e9 h"), 0, Q ("1e9 h"), 0, NULL, 0,
                                     &t, NULL));
  assert_rel (in_unit (&t, "h"), 10000.0, 1e-4);
  /* two GPUs fail twice as often: 5,000 h */
  g_assert_true (mls_calc_mtbf_node (Q ("10000 h"), 2, Q ("1e9 h"), 0, Q ("1e9 h"), 0, NULL, 0,
                                     &t, NULL));
  assert_rel (in_unit (&t, "h"), 5000.0, 1e-4);
  /* 1 / (4/10,000 + 2/50,000 + 2/20,000) = 1 / 5.4e-4 = 1,851.85 h */
  g_assert_true (mls_calc_mtbf_node (Q ("10000 h"), 4, Q ("50000 h"), 2, Q ("20000 h"), 2, NULL,
                                     0, &t, NULL));
  assert_rel (in_unit (&t, "h"), 1851.85, 1e-4);
  /* an "other" component counts the same way: adding 1/1e4 gives 1 / 6.4e-4 = 1,562.5 h */
  g_assert_true (mls_calc_mtbf_node (Q ("10000 h"), 4, Q ("50000 h"), 2, Q ("20000 h"), 2,
                                     Q ("10000 h"), 1, &t, NULL));
  assert_rel (in_unit (&t, "h"), 1562.5, 1e-9);

  /* a counted component without an MTBF */
  g_assert_false (mls_calc_mtbf_node (Q ("10000 h"), 4, Q ("50000 h"), 2, Q ("20000 h"), 2, NULL,
                                      3, &t, &error));
  assert_formula_error (error, MLS_FORMULA_ERROR_MISSING, "other_mtbf");
}

static void
test_reliability_goodput (void)
{
  double g, n;

  /* 60 s checkpoints every 146,969.4 s, 300 s recovery, MTBF 50,000 h = 1.8e8 s:
   * 1 − 60/146,969.4 − 300/1.8e8 = 1 − 4.0825e-4 − 1.6667e-6 = 0.9995901 */
  g_assert_true (mls_calc_checkpoint_goodput (Q ("60 s"), Q ("146969.38 s"), Q ("300 s"),
                                              Q ("50000 h"), &g, NULL));
  assert_rel (g, 0.99959009, 1e-7);
  /* a hopeless schedule floors at zero */
  g_assert_true (mls_calc_checkpoint_goodput (Q ("1 h"), Q ("30 min"), Q ("0 s"), Q ("1 h"), &g,
                                              NULL));
  g_assert_cmpfloat (g, ==, 0.0);

  /* 14 days over a 50 h MTBF: 336 / 50 = 6.72 failures expected */
  g_assert_true (mls_calc_expected_failures (Q ("50 h"), Q ("14 d"), &n, NULL));
  assert_rel (n, 6.72, 1e-12);
}

/* ---- A21–A22: pipeline bubble -------------------------------------------------------------- */

static void
test_a21_pipeline_bubble (void)
{
  double b;

  /* (4 − 1) / (1·8 + 4 − 1) = 3/11; interleaved with 4 chunks: 3 / (4·8 + 3) = 3/35 */
  g_assert_true (mls_calc_pipeline_bubble (4, 8, 1, &b, NULL));
  assert_rel (b, 0.27273, 1e-4);
  g_assert_true (mls_calc_pipeline_bubble (4, 8, 4, &b, NULL));
  assert_rel (b, 0.085714, 1e-4);
}

static void
test_a22_pipeline_bubble_properties (void)
{
  g_autoptr (GError) e1 = NULL;
  g_autoptr (GError) e2 = NULL;
  double small, large, b, stretch;

  /* more microbatches, smaller bubble: 3/67 < 3/11 */
  g_assert_true (mls_calc_pipeline_bubble (4, 64, 1, &small, NULL));
  g_assert_true (mls_calc_pipeline_bubble (4, 8, 1, &large, NULL));
  g_assert_cmpfloat (small, <, large);
  /* no pipeline, no bubble */
  g_assert_true (mls_calc_pipeline_bubble (1, 8, 1, &b, NULL));
  g_assert_cmpfloat (b, ==, 0.0);

  /* zero virtual stages or zero microbatches are errors (newest reference) */
  g_assert_false (mls_calc_pipeline_bubble (4, 8, 0, &b, &e1));
  assert_formula_error (e1, MLS_FORMULA_ERROR_RANGE, "n_virtual_stages");
  g_assert_false (mls_calc_pipeline_bubble (1, 0, 1, &b, &e2));
  assert_formula_error (e2, MLS_FORMULA_ERROR_RANGE, "n_microbatches");

  /* the stretch b/(1 − b): (3/11)/(8/11) = 3/8 */
  g_assert_true (mls_calc_pipeline_bubble_stretch (4, 8, 1, &stretch, NULL));
  assert_rel (stretch, 0.375, 1e-12);
  assert_rel (stretch, large / (1.0 - large), 1e-12);
}

/* ---- A23–A25, A39: KV caches --------------------------------------------------------------- */

static void
test_a23_a39_kv_cache (void)
{
  MlsQuantity m;

  /* A23: 2·32·32·128·2048·1·2 = 2^1·2^5·2^5·2^7·2^11·2^1 = 2^30 B = 1 GiB */
  g_assert_true (mls_calc_kv_cache_size (32, 32, 128, 2048, 1, Q ("2 B"), NULL, &m, NULL));
  assert_rel (m.value, 1073741824.0, 1e-6);

  /* A39: Llama-3 8B (8 KV heads), 4096 tokens: 2·32·8·128·4096·2 = 2^29 B = 536,870,912 B */
  g_assert_true (mls_calc_kv_cache_size (32, 8, 128, 4096, 1, Q ("2 B"), NULL, &m, NULL));
  assert_rel (m.value, 536870912.0, 1e-6);

  /* an fp8 cache on an fp16 model: the override halves it to 2^28 B */
  g_assert_true (mls_calc_kv_cache_size (32, 8, 128, 4096, 1, Q ("2 B"), Q ("1 B"), &m, NULL));
  assert_rel (m.value, 268435456.0, 1e-12);
}

static void
test_a24_a25_paged_kv_cache (void)
{
  MlsQuantity m;
  double frag;

  /* A24: 2048 is a whole number of 16-token pages: 1 GiB, no fragmentation */
  g_assert_true (mls_calc_paged_kv_cache_size (32, 32, 128, 2048, 1, 16, Q ("2 B"), &m, &frag,
                                               NULL));
  assert_rel (m.value, 1073741824.0, 1e-6);
  g_assert_cmpfloat (frag, ==, 0.0);

  /* A25: 2050 tokens pad to ⌈2050/16⌉·16 = 129·16 = 2064; frag = 14/2064 = 0.0067829;
   * size 2·32·32·128·2064·2 = 1,082,130,432 B */
  g_assert_true (mls_calc_paged_kv_cache_size (32, 32, 128, 2050, 1, 16, Q ("2 B"), &m, &frag,
                                               NULL));
  assert_rel (frag, 0.0067829, 1e-4);
  assert_rel (m.value, 1082130432.0, 1e-9);
}

static void
test_mla_cache (void)
{
  MlsQuantity m;

  /* DeepSeek-V2 shape: 60 layers · (512 + 64) · 4096 tokens · 2 B = 283,115,520 B */
  g_assert_true (mls_calc_mla_cache_size (60, 512, 64, 4096, 1, Q ("2 B"), &m, NULL));
  assert_rel (m.value, 283115520.0, 1e-12);
}

static void
test_capped_exponential_and_paged_tokens (void)
{
  g_autoptr (GError) error = NULL;
  double mu, tokens, frag;

  /* a mean at the cap: every request is at the cap */
  g_assert_true (mls_calc_capped_exponential_scale (8192, 8192, &mu, NULL));
  g_assert_true (isinf (mu));

  /* the scale solves μ(1 − e^(−S_max/μ)) = mean, checked by substituting it back
   * (for 2048 of 8192: t ≈ 3.9207, μ ≈ 2089.4) */
  g_assert_true (mls_calc_capped_exponential_scale (2048, 8192, &mu, NULL));
  assert_rel (mu * (1.0 - exp (-8192.0 / mu)), 2048.0, 1e-9);
  assert_rel (mu, 2089.43, 1e-4);

  /* μ infinite: every request fills ⌈2048/16⌉ = 128 pages, 2048 tokens, nothing wasted */
  g_assert_true (mls_calc_expected_paged_kv_tokens (2048, 2048, 16, &tokens, &frag, NULL));
  assert_rel (tokens, 2048.0, 1e-12);
  g_assert_cmpfloat (frag, ==, 0.0);

  /* Llama-3 8B on H100 at max 8192 / mean 2048 (inventory §9.9): paged fragmentation ≈ 0.0038,
   * 65 static against 259 paged requests. KV bytes per token k = 2·32·8·128·2 = 131,072 B;
   * free memory 80 GiB − 8.03e9·2 B = 69.839e9 B; static ⌊69.839e9/(k·8192)⌋ = ⌊65.04⌋ = 65;
   * paged ⌊69.839e9/(k·2055.85)⌋ = ⌊259.18⌋ = 259. */
  g_assert_true (mls_calc_expected_paged_kv_tokens (2048, 8192, 16, &tokens, &frag, NULL));
  g_assert_cmpfloat_with_epsilon (frag, 0.0038, 1e-4);
  {
    MlsQuantity k, weights;
    double free_bytes;

    g_assert_true (mls_calc_kv_cache_size (32, 8, 128, 1, 1, Q ("2 B"), NULL, &k, NULL));
    g_assert_true (mls_calc_model_memory (8.03e9, Q ("2 B"), &weights, NULL));
    free_bytes = parse ("80 GiB").value - weights.value;
    g_assert_cmpfloat (floor (free_bytes / (k.value * 8192)), ==, 65.0);
    g_assert_cmpfloat (floor (free_bytes / (k.value * tokens)), ==, 259.0);
  }

  g_assert_false (mls_calc_capped_exponential_scale (0, 8192, &mu, &error));
  assert_formula_error (error, MLS_FORMULA_ERROR_RANGE, "mean_tokens");
}

static void
test_speculative_branch_capacity (void)
{
  guint64 n;

  /* 1 GB, 1000-token prefix, 100-token branches, 131,072 B per token:
   * no sharing: ⌊1e9 / (1100 · 131,072)⌋ = ⌊6.94⌋ = 6;
   * copy-on-write: ⌊(1e9 − 1000·131,072) / ((100 + 16)·131,072)⌋ = ⌊57.15⌋ = 57 */
  g_assert_true (mls_calc_speculative_branch_capacity (Q ("1 GB"), 1000, 100, Q ("131072 B"),
                                                       FALSE, 16, &n, NULL));
  g_assert_cmpuint (n, ==, 6);
  g_assert_true (mls_calc_speculative_branch_capacity (Q ("1 GB"), 1000, 100, Q ("131072 B"),
                                                       TRUE, 16, &n, NULL));
  g_assert_cmpuint (n, ==, 57);
  /* a prefix larger than memory leaves room for nothing */
  g_assert_true (mls_calc_speculative_branch_capacity (Q ("1 MB"), 1000, 100, Q ("131072 B"),
                                                       TRUE, 16, &n, NULL));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_training_state_memory (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity w, g, o, buffers;

  /* Llama-3 8B, fp16 weights and gradients, Adam's 12 B: 16.06 + 16.06 + 96.36 GB */
  g_assert_true (mls_calc_training_state_memory (8.03e9, 1, 1, 1, 1, 0, 1.0, Q ("2 B"),
                                                 Q ("12 B"), &w, &g, &o, NULL));
  assert_rel (in_unit (&w, "GB"), 16.06, 1e-12);
  assert_rel (in_unit (&g, "GB"), 16.06, 1e-12);
  assert_rel (in_unit (&o, "GB"), 96.36, 1e-12);

  /* ZeRO-1 over 8 ranks shards only the optimizer: 96.36 / 8 = 12.045 GB */
  g_assert_true (mls_calc_training_state_memory (8.03e9, 1, 1, 1, 8, 1, 1.0, Q ("2 B"),
                                                 Q ("12 B"), &w, &g, &o, NULL));
  assert_rel (in_unit (&g, "GB"), 16.06, 1e-12);
  assert_rel (in_unit (&o, "GB"), 12.045, 1e-12);
  /* ZeRO-3 with TP 2: each of the three is divided by 2 · 8 = 16 */
  g_assert_true (mls_calc_training_state_memory (8.03e9, 2, 1, 1, 8, 3, 1.0, Q ("2 B"),
                                                 Q ("12 B"), &w, &g, &o, NULL));
  assert_rel (in_unit (&w, "GB"), 16.06 / 16, 1e-12);
  assert_rel (in_unit (&g, "GB"), 16.06 / 16, 1e-12);
  assert_rel (in_unit (&o, "GB"), 96.36 / 16, 1e-12);
  /* LoRA-like: 1 % trained keeps all weights but 1 % of gradients and optimizer state */
  g_assert_true (mls_calc_training_state_memory (8.03e9, 1, 1, 1, 1, 0, 0.01, Q ("2 B"),
                                                 Q ("12 B"), &w, &g, &o, NULL));
  assert_rel (in_unit (&w, "GB"), 16.06, 1e-12);
  assert_rel (in_unit (&g, "GB"), 0.1606, 1e-12);
  assert_rel (in_unit (&o, "GB"), 0.9636, 1e-12);

  /* buffers: 5 % of 16.06 GB = 0.803 GB, plus with a pipeline 2·1·2048·4096·2 = 33,554,432 B */
  g_assert_true (mls_calc_communication_buffer_memory (Q ("16.06 GB"), 0.05, 2, 1, 2048, 4096,
                                                       Q ("2 B"), &buffers, NULL));
  assert_rel (buffers.value, 0.803e9 + 33554432.0, 1e-12);
  g_assert_true (mls_calc_communication_buffer_memory (Q ("16.06 GB"), 0.05, 1, 1, 2048, 4096,
                                                       Q ("2 B"), &buffers, NULL));
  assert_rel (buffers.value, 0.803e9, 1e-12);

  g_assert_false (mls_calc_training_state_memory (8.03e9, 1, 1, 1, 8, 4, 1.0, Q ("2 B"),
                                                  Q ("12 B"), &w, &g, &o, &error));
  assert_formula_error (error, MLS_FORMULA_ERROR_RANGE, "zero_stage");
}

/* ---- A26–A28: M/M/c queue ------------------------------------------------------------------ */

static void
test_a26_queue_mmc (void)
{
  MlsQuantity p50, p99;
  double rho;

  /* λ = 80/s, μ = 10/s, c = 10: ρ = 80/100 = 0.8, a = 8. Erlang C by hand with exact
   * fractions: Σ_{i<10} 8ⁱ/i! and 8¹⁰/(10!·0.2) give P_wait = 0.40918. p50 = 0 because
   * P_wait < 0.5; p99 = ln(0.40918/0.01) / (100 − 80) = 3.71157 / 20 = 0.185579 s */
  g_assert_true (mls_calc_queue_latency_mmc (Q ("80 /s"), Q ("10 /s"), 10, &rho, &p50, &p99,
                                             NULL));
  g_assert_cmpfloat (rho, >, 0.0);
  g_assert_cmpfloat (rho, <, 1.0);
  assert_rel (rho, 0.8, 1e-12);
  g_assert_cmpfloat (p99.value, >=, p50.value);
  g_assert_cmpfloat (p50.value, ==, 0.0);
  assert_rel (p99.value, 0.185579, 1e-5);
}

static void
test_a27_queue_mmc_unstable (void)
{
  MlsQuantity p50, p99;
  double rho;

  /* λ = cμ = 100/s: unstable, ρ reported as 1 and waits infinite */
  g_assert_true (mls_calc_queue_latency_mmc (Q ("100 /s"), Q ("10 /s"), 10, &rho, &p50, &p99,
                                             NULL));
  g_assert_cmpfloat (rho, ==, 1.0);
  g_assert_true (isinf (p50.value));
  g_assert_true (isinf (p99.value));
}

static void
test_a28_queue_mmc_large (void)
{
  MlsQuantity p50, p99;
  double rho;

  /* c = 500, a = 400: 400⁵⁰⁰ and 500! overflow a double; in log space P_wait ≈ 8.4e-7 (exact
   * rational arithmetic), below both 0.5 and 0.01, so both waits are 0 */
  g_assert_true (mls_calc_queue_latency_mmc (Q ("400 /s"), Q ("1 /s"), 500, &rho, &p50, &p99,
                                             NULL));
  assert_rel (rho, 0.8, 1e-12);
  g_assert_true (isfinite (p99.value));
  g_assert_cmpfloat (p99.value, >=, 0.0);
  g_assert_cmpfloat (p50.value, ==, 0.0);
  g_assert_cmpfloat (p99.value, ==, 0.0);
}

static void
test_queue_md1_and_factors (void)
{
  MlsQuantity wait;
  double rho, lq, f, e;

  /* M/D/1 at λ = 0.5/day, μ = 1/day: ρ = 0.5, W = 0.5/(2·1·0.5) = 0.5 day,
   * L_q = 0.25/(2·0.5) = 0.25 */
  g_assert_true (mls_calc_queue_latency_md1 (Q ("0.5 /d"), Q ("1 /d"), &rho, &wait, &lq, NULL));
  assert_rel (rho, 0.5, 1e-12);
  assert_rel (in_unit (&wait, "d"), 0.5, 1e-12);
  assert_rel (lq, 0.25, 1e-12);
  g_assert_true (mls_calc_queue_latency_md1 (Q ("2 /d"), Q ("1 /d"), &rho, &wait, &lq, NULL));
  g_assert_true (isinf (wait.value));

  /* Kingman: (1 + 1²)/2 = 1 for exponential service; (1 + 2²)/2 = 2.5 */
  g_assert_true (mls_calc_kingman_factor (1.0, &f, NULL));
  assert_rel (f, 1.0, 1e-12);
  g_assert_true (mls_calc_kingman_factor (2.0, &f, NULL));
  assert_rel (f, 2.5, 1e-12);

  /* speculative decoding, α = 0.7, γ = 4: (1 − 0.7⁵)/0.3 = 0.83193/0.3 = 2.7731;
   * every draft accepted: 1 + 4; none: 1 */
  g_assert_true (mls_calc_speculative_expected_tokens (0.7, 4, &e, NULL));
  assert_rel (e, 2.7731, 1e-9);
  g_assert_true (mls_calc_speculative_expected_tokens (1.0, 4, &e, NULL));
  assert_rel (e, 5.0, 1e-12);
  g_assert_true (mls_calc_speculative_expected_tokens (0.0, 4, &e, NULL));
  assert_rel (e, 1.0, 1e-12);
}

/* ---- A31: effective FLOPS ------------------------------------------------------------------ */

static void
test_a31_effective_flops (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity f;

  /* 1e15 · 0.5 · 0.9 · 0.95 = 4.275e14 FLOP/s */
  g_assert_true (mls_calc_effective_flops (Q ("1e15 FLOP/s"), 0.5, 0.9, 0.95, &f, NULL));
  assert_rel (f.value, 4.275e14, 1e-6);

  g_assert_false (mls_calc_effective_flops (Q ("1e15 FLOP/s"), 1.5, 0.9, 0.95, &f, &error));
  assert_formula_error (error, MLS_FORMULA_ERROR_RANGE, "mfu");
}

/* ---- A33–A34: economics -------------------------------------------------------------------- */

static void
test_a33_egress_cost (void)
{
  MlsQuantity c, c2;

  /* 1e6 B/s for 30 days = 2,592,000 s is 2.592e12 B = 2,592 GB; at $0.09/GB that is $233.28 */
  g_assert_true (mls_calc_monthly_egress_cost (Q ("1e6 B/s"), Q ("0.09 USD/GB"), &c, NULL));
  assert_rel (in_unit (&c, "USD"), 233.28, 1e-4);
  g_assert_true (mls_calc_monthly_egress_cost (Q ("1 MB/s"), Q ("0.09 USD/GB"), &c, NULL));
  assert_rel (in_unit (&c, "USD"), 233.28, 1e-4);
  /* no egress, no cost; twice the rate, twice the cost */
  g_assert_true (mls_calc_monthly_egress_cost (Q ("0 B/s"), Q ("0.09 USD/GB"), &c, NULL));
  g_assert_cmpfloat (c.value, ==, 0.0);
  g_assert_true (mls_calc_monthly_egress_cost (Q ("2 MB/s"), Q ("0.09 USD/GB"), &c2, NULL));
  assert_rel (c2.value, 2.0 * 233.28, 1e-4);
}

static void
test_a34_fleet_tco (void)
{
  MlsQuantity c;

  /* 10 devices at $1,000 and 100 W for one 365.25-day year at $0.10/kWh:
   * 10,000 + 0.1 kW · 10 · 8,766 h · 0.10 = 10,000 + 876.6 = $10,876.6 */
  g_assert_true (mls_calc_fleet_tco (Q ("1000 USD"), Q ("100 W"), 10, Q ("1 year"),
                                     Q ("0.10 USD/kWh"), &c, NULL));
  assert_rel (in_unit (&c, "USD"), 10876.6, 1e-3);
  /* no devices, no cost; linear in quantity */
  g_assert_true (mls_calc_fleet_tco (Q ("1000 USD"), Q ("100 W"), 0, Q ("1 year"),
                                     Q ("0.10 USD/kWh"), &c, NULL));
  g_assert_cmpfloat (c.value, ==, 0.0);
  g_assert_true (mls_calc_fleet_tco (Q ("1000 USD"), Q ("100 W"), 20, Q ("1 year"),
                                     Q ("0.10 USD/kWh"), &c, NULL));
  assert_rel (c.value, 2.0 * 10876.6, 1e-3);
}

/* ---- A36: units at the boundary ------------------------------------------------------------ */

static void
test_a36_units_at_the_boundary (void)
{
  g_autoptr (GError) e1 = NULL;
  g_autoptr (GError) e2 = NULL;
  g_autoptr (GError) e3 = NULL;
  MlsQuantity t, bad;

  /* a length is accepted where a length is due */
  g_assert_true (mls_calc_network_latency (Q ("42 m"), Q ("200000 km/s"), &t, NULL));
  /* a time is not a length */
  g_assert_false (mls_calc_network_latency (Q ("10 s"), Q ("200000 km/s"), &t, &e1));
  assert_formula_error (e1, MLS_FORMULA_ERROR_DIMENSION, "distance must be a length");
  g_assert_nonnull (strstr (e1->message, "got a time"));
  /* a bare number is not a length either: units are never guessed */
  g_assert_false (mls_calc_network_latency (Q ("42"), Q ("200000 km/s"), &t, &e2));
  assert_formula_error (e2, MLS_FORMULA_ERROR_DIMENSION, "plain number");
  /* text that is not a quantity at all fails to parse */
  g_assert_false (mls_quantity_parse ("hello", &bad, &e3));
  g_assert_error (e3, MLS_UNITS_ERROR, MLS_UNITS_ERROR_PARSE);
}

/* ---- the rest of the performance library ---------------------------------------------------- */

static void
test_scaling_laws (void)
{
  double s, n;

  /* strong scaling, 8 devices with f = 0.1: 8 / (1 + 7·0.1) = 4.70588 */
  g_assert_true (mls_calc_strong_scaling_speedup (8, 0.1, &s, NULL));
  assert_rel (s, 8.0 / 1.7, 1e-12);
  /* USL, N = 10, α = 0.1, β = 0.01: 10 / (1 + 0.9 + 0.9) = 3.5714; peak at √(0.9/0.01) = 9.4868 */
  g_assert_true (mls_calc_universal_scalability_law (10, 0.1, 0.01, &s, NULL));
  assert_rel (s, 10.0 / 2.8, 1e-12);
  g_assert_true (mls_calc_usl_optimal_concurrency (0.1, 0.01, &n, NULL));
  assert_rel (n, 9.486833, 1e-6);
  /* no coherency cost: capacity never peaks */
  g_assert_true (mls_calc_usl_optimal_concurrency (0.1, 0.0, &n, NULL));
  g_assert_true (isinf (n));
}

static void
test_roofline (void)
{
  MlsQuantity r;

  /* H100: ridge at 989e12 / 3.35e12 = 295.22 FLOP/B */
  g_assert_true (mls_calc_ridge_point (Q ("989 TFLOP/s"), Q ("3.35 TB/s"), &r, NULL));
  assert_rel (in_unit (&r, "FLOP/B"), 295.2239, 1e-6);
  /* below the ridge the slope binds: 3.35e12 · 100 = 335 TFLOP/s; above, the roof: 989 */
  g_assert_true (mls_calc_roofline_attainable (Q ("989 TFLOP/s"), Q ("3.35 TB/s"),
                                               Q ("100 FLOP/B"), &r, NULL));
  assert_rel (in_unit (&r, "TFLOP/s"), 335.0, 1e-12);
  g_assert_true (mls_calc_roofline_attainable (Q ("989 TFLOP/s"), Q ("3.35 TB/s"),
                                               Q ("1000 FLOP/B"), &r, NULL));
  assert_rel (in_unit (&r, "TFLOP/s"), 989.0, 1e-12);
}

static void
test_quantity_helpers (void)
{
  MlsQuantity t;

  /* 16 GB at 3.35 TB/s = 4.776 ms; 16 GFLOP at 989 TFLOP/s = 16.18 µs */
  g_assert_true (mls_calc_transfer_time (Q ("16 GB"), Q ("3.35 TB/s"), &t, NULL));
  assert_rel (in_unit (&t, "ms"), 4.776119, 1e-6);
  g_assert_true (mls_calc_compute_time (Q ("16 GFLOP"), Q ("989 TFLOP/s"), &t, NULL));
  assert_rel (in_unit (&t, "us"), 16.177958, 1e-6);
  /* 128 tokens in 2 s = 64 per second */
  g_assert_true (mls_calc_token_throughput (128, Q ("2 s"), &t, NULL));
  assert_rel (in_unit (&t, "/s"), 64.0, 1e-12);
  /* 700 W for an hour = 0.7 kWh = 2.52 MJ */
  g_assert_true (mls_calc_energy_from_power (Q ("700 W"), Q ("1 h"), &t, NULL));
  assert_rel (in_unit (&t, "kWh"), 0.7, 1e-12);
  assert_rel (in_unit (&t, "MJ"), 2.52, 1e-12);
}

static void
test_chinchilla (void)
{
  MlsQuantity c;
  double p, d;

  /* Chinchilla's budget, 5.76e23 FLOP, at 20 tokens per parameter:
   * P* = √(5.76e23 / 120) = √(4.8e21) = 6.928e10 (the paper's 70 B), D* = 20·P* = 1.386e12 */
  g_assert_true (mls_calc_chinchilla_optimal (Q ("5.76e23 FLOP"), 20, &p, &d, NULL));
  assert_rel (p, 6.9282032e10, 1e-7);
  assert_rel (d, 1.3856406e12, 1e-7);
  /* a 70 B model on that budget: 5.76e23 / (6·70e9) = 1.3714e12 tokens */
  g_assert_true (mls_calc_training_tokens (Q ("5.76e23 FLOP"), 70e9, &d, NULL));
  assert_rel (d, 1.3714286e12, 1e-7);
  /* 1000 GPU-days at 989 TFLOP/s and 40 %: 8.64e7 s · 989e12 · 0.4 = 3.418e22 FLOP */
  g_assert_true (mls_calc_compute_budget (Q ("1000 d"), Q ("989 TFLOP/s"), 0.4, &c, NULL));
  assert_rel (c.value, 3.417984e22, 1e-12);
}

static void
test_statistics (void)
{
  g_autoptr (GError) e1 = NULL;
  g_autoptr (GError) e2 = NULL;
  const double expected[] = { 0.5, 0.5 };
  const double actual[] = { 0.6, 0.4 };
  const double negative[] = { 0.6, -0.4 };
  double v;

  /* 0.1·ln(1.2) + (−0.1)·ln(0.8) = 0.0182322 + 0.0223144 = 0.0405465 */
  g_assert_true (mls_calc_population_stability_index (expected, actual, 2, 1e-12, &v, NULL));
  assert_rel (v, 0.0405465, 1e-5);
  /* no drift */
  g_assert_true (mls_calc_population_stability_index (expected, expected, 2, 1e-12, &v, NULL));
  g_assert_cmpfloat (v, ==, 0.0);
  g_assert_false (mls_calc_population_stability_index (expected, negative, 2, 1e-12, &v, &e1));
  assert_formula_error (e1, MLS_FORMULA_ERROR_RANGE, "actual[1]");

  /* p = 0.1, δ = 0.02, z = 1.96 + 0.84 = 2.8: 2 · 7.84 · 0.09 / 0.0004 = 3528 per arm */
  g_assert_true (mls_calc_two_proportion_sample_size (0.1, 0.02, 1.96, 0.84, &v, NULL));
  assert_rel (v, 3528.0, 1e-9);

  /* from stage 1 to 4: 2³ = 8; 10³ = 1000; backwards is an error */
  g_assert_true (mls_calc_constraint_propagation_factor (1, 4, 2.0, &v, NULL));
  g_assert_cmpfloat (v, ==, 8.0);
  g_assert_true (mls_calc_constraint_propagation_factor (1, 4, 10.0, &v, NULL));
  g_assert_cmpfloat (v, ==, 1000.0);
  g_assert_false (mls_calc_constraint_propagation_factor (4, 1, 2.0, &v, &e2));
  assert_formula_error (e2, MLS_FORMULA_ERROR_RANGE, "to_stage");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formulas/A01-A02/network-latency", test_a01_a02_network_latency);
  g_test_add_func ("/formulas/A03/training-time", test_a03_training_time);
  g_test_add_func ("/formulas/A03/training-time-errors", test_training_time_errors);
  g_test_add_func ("/formulas/A04-A05/amdahl", test_a04_a05_amdahl);
  g_test_add_func ("/formulas/A06-A07/bottleneck-kind", test_a06_a07_bottleneck_kind);
  g_test_add_func ("/formulas/A08/bottleneck-intensity-tie", test_a08_bottleneck_intensity_and_tie);
  g_test_add_func ("/formulas/A09-A10/model-memory", test_a09_a10_model_memory);
  g_test_add_func ("/formulas/A11-A38/ring-allreduce", test_a11_a38_ring_allreduce);
  g_test_add_func ("/formulas/A12/tree-allreduce", test_a12_tree_allreduce);
  g_test_add_func ("/formulas/A13/all-to-all", test_a13_all_to_all);
  g_test_add_func ("/formulas/A14/training-flops", test_a14_training_flops);
  g_test_add_func ("/formulas/A15/activation-none", test_a15_activation_none);
  g_test_add_func ("/formulas/A16/activation-selective-full", test_a16_activation_selective_full);
  g_test_add_func ("/formulas/A17/activation-errors", test_a17_activation_errors);
  g_test_add_func ("/formulas/A18/hierarchical-allreduce", test_a18_hierarchical_allreduce);
  g_test_add_func ("/formulas/A19/young-daly", test_a19_young_daly);
  g_test_add_func ("/formulas/A20/mtbf-cluster", test_a20_mtbf_cluster);
  g_test_add_func ("/formulas/A21/pipeline-bubble", test_a21_pipeline_bubble);
  g_test_add_func ("/formulas/A22/pipeline-bubble-properties", test_a22_pipeline_bubble_properties);
  g_test_add_func ("/formulas/A23-A39/kv-cache", test_a23_a39_kv_cache);
  g_test_add_func ("/formulas/A24-A25/paged-kv-cache", test_a24_a25_paged_kv_cache);
  g_test_add_func ("/formulas/A26/queue-mmc", test_a26_queue_mmc);
  g_test_add_func ("/formulas/A27/queue-mmc-unstable", test_a27_queue_mmc_unstable);
  g_test_add_func ("/formulas/A28/queue-mmc-large", test_a28_queue_mmc_large);
  g_test_add_func ("/formulas/A29-A30-A40/failure-probability",
                   test_a29_a30_a40_failure_probability);
  g_test_add_func ("/formulas/A31/effective-flops", test_a31_effective_flops);
  g_test_add_func ("/formulas/A32/availability-stacked", test_a32_availability_stacked);
  g_test_add_func ("/formulas/A33/egress-cost", test_a33_egress_cost);
  g_test_add_func ("/formulas/A34/fleet-tco", test_a34_fleet_tco);
  g_test_add_func ("/formulas/A35/mtbf-node", test_a35_mtbf_node);
  g_test_add_func ("/formulas/A36/units-at-the-boundary", test_a36_units_at_the_boundary);
  g_test_add_func ("/formulas/A37/bottleneck-llama-h100", test_a37_bottleneck_llama_h100);
  g_test_add_func ("/formulas/bottleneck/zero-times", test_bottleneck_zero_times);
  g_test_add_func ("/formulas/bottleneck/dimension-error", test_bottleneck_dimension_error);
  g_test_add_func ("/formulas/communication/helpers", test_collective_helpers);
  g_test_add_func ("/formulas/communication/errors", test_collective_errors);
  g_test_add_func ("/formulas/transformer/inference-flops", test_transformer_inference_flops);
  g_test_add_func ("/formulas/memory/mla-cache", test_mla_cache);
  g_test_add_func ("/formulas/memory/paged-tokens", test_capped_exponential_and_paged_tokens);
  g_test_add_func ("/formulas/memory/branch-capacity", test_speculative_branch_capacity);
  g_test_add_func ("/formulas/memory/training-state", test_training_state_memory);
  g_test_add_func ("/formulas/reliability/goodput", test_reliability_goodput);
  g_test_add_func ("/formulas/serving/md1-kingman-speculative", test_queue_md1_and_factors);
  g_test_add_func ("/formulas/performance/scaling-laws", test_scaling_laws);
  g_test_add_func ("/formulas/performance/roofline", test_roofline);
  g_test_add_func ("/formulas/performance/quantity-helpers", test_quantity_helpers);
  g_test_add_func ("/formulas/scaling/chinchilla", test_chinchilla);
  g_test_add_func ("/formulas/statistics", test_statistics);

  return g_test_run ();
}
