/* test-workload.c — lowering workloads to computation graphs, KV caches, precisions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Rules from shared/reference/mlsysim-inventory.md §3 and §7 (newest); values derived by hand
 * in the comments.
 */
#include "config.h"

#include <string.h>

#include <mlsysim.h>

static MlsWorkload *
model (const char *key)
{
  g_autoptr(GError) error = NULL;
  MlsRegistry *r = mls_registry_get_default (&error);
  MlsEntry *entry;

  g_assert_no_error (error);
  entry = mls_registry_lookup (r, "models", key, &error);
  g_assert_no_error (error);
  g_assert_true (MLS_IS_WORKLOAD (entry));
  return MLS_WORKLOAD (entry);
}

/* Workloads written for these tests, with inline provenance. */
static const char fixture[] =
  "models:\n"
  "  TestMoE:\n"
  "    kind: moe\n"
  "    parameters: \"46.7e9 param\"\n"
  "    active_parameters: \"12.9e9 param\"\n"
  "    experts: 8\n"
  "    active_experts: 2\n"
  "    layers: 32\n"
  "    hidden_dim: 4096\n"
  "    heads: 32\n"
  "    kv_heads: 8\n"
  "    provenance: { kind: illustrative, ref: test, verified: \"2026-11-01\" }\n"
  "  TestDiffusion:\n"
  "    kind: diffusion\n"
  "    parameters: \"860e6 param\"\n"
  "    denoising_steps: 50\n"
  "    provenance: { kind: illustrative, ref: test, verified: \"2026-11-01\" }\n"
  "  TestByArchitecture:\n"
  "    architecture: \"A convolutional network\"\n"
  "    parameters: \"1e6 param\"\n"
  "    inference_flops: \"2 GFLOP\"\n"
  "    provenance: { kind: illustrative, ref: test, verified: \"2026-11-01\" }\n"
  "  TestEncoder:\n"
  "    kind: transformer\n"
  "    architecture: \"Encoder-only Transformer\"\n"
  "    parameters: \"110e6 param\"\n"
  "    layers: 12\n"
  "    provenance: { kind: illustrative, ref: test, verified: \"2026-11-01\" }\n";

static MlsWorkload *
fixture_model (const char *key)
{
  static MlsRegistry *r;
  g_autoptr(GError) error = NULL;
  MlsEntry *entry;

  if (r == NULL)
    {
      r = mls_registry_new ();
      g_assert_true (mls_registry_load_data (r, fixture, -1, "fixture.yaml", &error));
      g_assert_no_error (error);
    }
  entry = mls_registry_lookup (r, "models", key, &error);
  g_assert_no_error (error);
  return MLS_WORKLOAD (entry);
}

static void
test_precision (void)
{
  g_autoptr(GError) error = NULL;
  MlsPrecision p;

  /* case does not matter */
  g_assert_true (mls_precision_from_string ("BF16", &p, &error));
  g_assert_cmpint (p, ==, MLS_PRECISION_BF16);
  g_assert_true (mls_precision_from_string ("fp8", &p, &error));
  g_assert_cmpint (p, ==, MLS_PRECISION_FP8);
  g_assert_cmpstr (mls_precision_to_string (MLS_PRECISION_TF32), ==, "tf32");
  /* storage sizes (§7): tf32 stores 4 bytes; int4 and fp4 half a byte */
  g_assert_cmpfloat (mls_precision_bytes (MLS_PRECISION_FP32), ==, 4);
  g_assert_cmpfloat (mls_precision_bytes (MLS_PRECISION_TF32), ==, 4);
  g_assert_cmpfloat (mls_precision_bytes (MLS_PRECISION_FP16), ==, 2);
  g_assert_cmpfloat (mls_precision_bytes (MLS_PRECISION_BF16), ==, 2);
  g_assert_cmpfloat (mls_precision_bytes (MLS_PRECISION_FP8), ==, 1);
  g_assert_cmpfloat (mls_precision_bytes (MLS_PRECISION_INT8), ==, 1);
  g_assert_cmpfloat (mls_precision_bytes (MLS_PRECISION_INT4), ==, 0.5);
  g_assert_cmpfloat (mls_precision_bytes (MLS_PRECISION_FP4), ==, 0.5);

  /* an unknown precision is an error that lists the valid ones */
  g_assert_false (mls_precision_from_string ("fp17", &p, &error));
  g_assert_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_PRECISION);
  g_assert_nonnull (strstr (error->message, "fp17"));
  g_assert_nonnull (strstr (error->message, "fp32, tf32, fp16, bf16, fp8, int8, int4, fp4"));
}

static void
test_llama3_8b (void)
{
  MlsWorkload *w = model ("Llama3_8B");
  g_autoptr(GError) error = NULL;
  MlsComputationGraph g;
  MlsQuantity kv;
  double gb;

  g_assert_cmpint (mls_workload_get_kind (w), ==, MLS_WORKLOAD_TRANSFORMER);
  g_assert_true (MLS_IS_TRANSFORMER_WORKLOAD (w));
  g_assert_true (mls_workload_is_autoregressive (w));
  g_assert_true (mls_workload_lower (w, MLS_PRECISION_FP16, &g, &error));
  g_assert_no_error (error);
  /* weights = 8.03e9 × 2 B = 16.06e9 B = 16.06 GB */
  g_assert_true (mls_quantity_convert (&g.weight_bytes, "GB", &gb, NULL));
  g_assert_cmpfloat_with_epsilon (gb, 16.06, 1e-9);
  /* ops = inference_flops = 16.06 GFLOP per token (= 2 × 8.03e9) */
  g_assert_cmpfloat_with_epsilon (g.total_ops.value, 16.06e9, 1);
  g_assert_cmpfloat (g.parameter_count, ==, 8.03e9);
  g_assert_cmpuint (g.layers, ==, 32);
  /* AI = 16.06e9 FLOP / 16.06e9 B = 1 FLOP/B at fp16 */
  g_assert_cmpfloat_with_epsilon (g.arithmetic_intensity.value, 1.0, 1e-12);
  g_assert_cmpint (mls_quantity_get_exponent (&g.arithmetic_intensity, MLS_DIM_DATA), ==, -1);

  /* int8 halves the bytes, not the operations: AI = 2 FLOP/B */
  g_assert_true (mls_workload_lower (w, MLS_PRECISION_INT8, &g, &error));
  g_assert_cmpfloat_with_epsilon (g.weight_bytes.value, 8.03e9, 1);
  g_assert_cmpfloat_with_epsilon (g.arithmetic_intensity.value, 2.0, 1e-12);

  /* head_dim = 4096 // 32 = 128; KV = 2·L·kv_heads·head_dim·S·B·bytes
   *          = 2·32·8·128·4096·1·2 = 536,870,912 B (reference case A39) */
  g_assert_cmpuint (mls_workload_get_head_dim (w), ==, 128);
  g_assert_cmpuint (mls_workload_get_kv_heads (w), ==, 8);
  g_assert_true (mls_workload_kv_cache_size (w, 4096, 1, 2.0, &kv, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (kv.value, ==, 536870912.0);
  g_assert_cmpint (mls_quantity_get_exponent (&kv, MLS_DIM_DATA), ==, 1);
}

static void
test_kv_cache (void)
{
  g_autoptr(GError) error = NULL;
  MlsQuantity kv;

  /* Llama-3.1-70B: 2·80·8·128·4096·1·2 = 1,342,177,280 B */
  g_assert_true (mls_workload_kv_cache_size (model ("Llama3_70B"), 4096, 1, 2.0, &kv, &error));
  g_assert_cmpfloat (kv.value, ==, 1342177280.0);
  /* batch 8 at fp8 (1 B): 2·32·8·128·2048·8·1 = 1,073,741,824 B */
  g_assert_true (mls_workload_kv_cache_size (model ("Llama3_8B"), 2048, 8, 1.0, &kv, &error));
  g_assert_cmpfloat (kv.value, ==, 1073741824.0);
  /* DeepSeek-V3 with MLA: L·(rank + rope)·S·B·bytes = 61·(512 + 64)·4096·1·2
   *                     = 61·576 = 35,136; ·4096 = 143,917,056; ·2 = 287,834,112 B */
  g_assert_true (mls_workload_kv_cache_size (model ("DeepSeek_V3"), 4096, 1, 2.0, &kv, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (kv.value, ==, 287834112.0);
  /* no KV cache for a CNN */
  g_assert_false (mls_workload_kv_cache_size (model ("ResNet50"), 4096, 1, 2.0, &kv, &error));
  g_assert_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID);
}

static void
test_moe (void)
{
  MlsWorkload *w = fixture_model ("TestMoE");
  g_autoptr(GError) error = NULL;
  MlsComputationGraph g;

  g_assert_true (MLS_IS_MOE_WORKLOAD (w));
  g_assert_true (MLS_IS_TRANSFORMER_WORKLOAD (w));
  g_assert_cmpuint (mls_moe_workload_get_experts (MLS_MOE_WORKLOAD (w)), ==, 8);
  g_assert_cmpuint (mls_moe_workload_get_active_experts (MLS_MOE_WORKLOAD (w)), ==, 2);
  g_assert_true (mls_workload_lower (w, MLS_PRECISION_FP16, &g, &error));
  g_assert_no_error (error);
  /* ops from the active parameters: 2 × 12.9e9 = 25.8e9 FLOP per token */
  g_assert_cmpfloat_with_epsilon (g.total_ops.value, 25.8e9, 1);
  /* weights from all of them: 46.7e9 × 2 B = 93.4e9 B */
  g_assert_cmpfloat_with_epsilon (g.weight_bytes.value, 93.4e9, 1);

  /* the catalog's Mixtral states 25.8 GFLOP, the same number */
  g_assert_true (mls_workload_lower (model ("Mixtral_8x7B"), MLS_PRECISION_FP16, &g, &error));
  g_assert_cmpfloat_with_epsilon (g.total_ops.value, 25.8e9, 1);
  g_assert_cmpfloat_with_epsilon (g.weight_bytes.value, 93.4e9, 1);
}

static void
test_diffusion (void)
{
  g_autoptr(GError) error = NULL;
  MlsComputationGraph g;
  MlsWorkload *sd = model ("StableDiffusion_v1_5");

  g_assert_true (MLS_IS_DIFFUSION_WORKLOAD (sd));
  g_assert_cmpuint (mls_diffusion_workload_get_denoising_steps (MLS_DIFFUSION_WORKLOAD (sd)), ==,
                    50);
  /* 20 GFLOP per step × 50 steps = 1 TFLOP per image */
  g_assert_true (mls_workload_lower (sd, MLS_PRECISION_FP16, &g, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (g.total_ops.value, 1e12, 1);
  g_assert_cmpuint (g.layers, ==, 0);
  /* without inference_flops: 2 × 860e6 × 50 = 86e9 FLOP */
  g_assert_true (mls_workload_lower (fixture_model ("TestDiffusion"), MLS_PRECISION_FP16, &g,
                                     &error));
  g_assert_cmpfloat_with_epsilon (g.total_ops.value, 86e9, 1);
  /* weights: 860e6 × 2 B = 1.72e9 B */
  g_assert_cmpfloat_with_epsilon (g.weight_bytes.value, 1.72e9, 1);
}

static void
test_cnn_recsys_ssm (void)
{
  g_autoptr(GError) error = NULL;
  MlsComputationGraph g;
  MlsQuantity state;
  MlsWorkload *w;

  /* ResNet-50 at int8: 8.2 GFLOP per image; 25.6e6 × 1 B of weights */
  g_assert_true (mls_workload_lower (model ("ResNet50"), MLS_PRECISION_INT8, &g, &error));
  g_assert_cmpfloat_with_epsilon (g.total_ops.value, 8.2e9, 1);
  g_assert_cmpfloat_with_epsilon (g.weight_bytes.value, 25.6e6, 1e-3);

  /* DLRM is known by size: 100 GB of weights at any precision, no stated ops */
  w = model ("DLRM");
  g_assert_true (MLS_IS_RECOMMENDATION_WORKLOAD (w));
  g_assert_true (mls_workload_lower (w, MLS_PRECISION_FP32, &g, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (g.weight_bytes.value, 100e9, 1);
  g_assert_cmpfloat (g.total_ops.value, ==, 0);
  g_assert_cmpfloat (g.arithmetic_intensity.value, ==, 0);
  g_assert_cmpfloat (g.parameter_count, ==, 0);

  /* Mamba-130M state: L·B·hidden·state·bytes = 24·1·768·16·2 = 589,824 B */
  w = model ("Mamba_130M");
  g_assert_true (MLS_IS_SSM_WORKLOAD (w));
  g_assert_true (mls_ssm_workload_state_cache_size (MLS_SSM_WORKLOAD (w), 1, 2.0, &state));
  g_assert_cmpfloat (state.value, ==, 589824.0);

  /* kind from the architecture when left out */
  w = fixture_model ("TestByArchitecture");
  g_assert_true (MLS_IS_CNN_WORKLOAD (w));
  /* BERT-like encoders are not autoregressive */
  g_assert_false (mls_workload_is_autoregressive (fixture_model ("TestEncoder")));
  g_assert_false (mls_workload_is_autoregressive (model ("BERT_Base")));
}

static void
test_kind_names (void)
{
  g_assert_true (mls_workload_type_for_kind ("MoE") == MLS_TYPE_MOE_WORKLOAD);
  g_assert_true (mls_workload_type_for_kind ("cnn") == MLS_TYPE_CNN_WORKLOAD);
  g_assert_true (mls_workload_type_for_kind ("generic") == MLS_TYPE_GENERIC_WORKLOAD);
  g_assert_true (mls_workload_type_for_kind ("rnn") == G_TYPE_INVALID);
}

static void
test_missing_fields (void)
{
  g_autoptr(MlsRegistry) r = mls_registry_new ();
  g_autoptr(GError) error = NULL;

  /* a transformer needs its layers */
  g_assert_false (mls_registry_load_data (r,
    "models:\n"
    "  NoLayers:\n"
    "    kind: transformer\n"
    "    parameters: \"1e9 param\"\n"
    "    provenance: { kind: illustrative, ref: test, verified: \"2026-11-01\" }\n",
    -1, "missing.yaml", &error));
  g_assert_error (error, MLS_REGISTRY_ERROR, MLS_REGISTRY_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "missing.yaml:2:3:"));
  g_assert_nonnull (strstr (error->message, "layers"));
  g_clear_error (&error);

  /* more active parameters than parameters */
  g_assert_false (mls_registry_load_data (r,
    "models:\n"
    "  Upside:\n"
    "    kind: moe\n"
    "    parameters: \"1e9 param\"\n"
    "    active_parameters: \"2e9 param\"\n"
    "    layers: 4\n"
    "    provenance: { kind: illustrative, ref: test, verified: \"2026-11-01\" }\n",
    -1, "upside.yaml", &error));
  g_assert_nonnull (strstr (error->message, "active parameters"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workload/precision", test_precision);
  g_test_add_func ("/workload/llama3-8b", test_llama3_8b);
  g_test_add_func ("/workload/kv-cache", test_kv_cache);
  g_test_add_func ("/workload/moe", test_moe);
  g_test_add_func ("/workload/diffusion", test_diffusion);
  g_test_add_func ("/workload/cnn-recsys-ssm", test_cnn_recsys_ssm);
  g_test_add_func ("/workload/kind-names", test_kind_names);
  g_test_add_func ("/workload/missing-fields", test_missing_fields);
  return g_test_run ();
}
