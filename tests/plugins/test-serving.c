/* test-serving.c — the LLM serving solver against the reference's cases
 *
 * Every expected value is derived by hand from registry facts in the comment above it; none is
 * copied from the solver's output. Case ids (A39, C6, …) are those of
 * shared/reference/reference-cases.md.
 *
 * Llama3_8B: P = 8.03e9, 32 layers, hidden 4096, 32 heads (head_dim 128), 8 KV heads.
 * H100: 989e12 FLOP/s (fp16), 3.35e12 B/s, 80 GiB, dispatch 0.01 ms. Layer tax 0.01 ms.
 * KV(S, B) at fp16 = 2 · 32 · 8 · 128 · S · B · 2 B = 131,072 · S · B bytes.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <mlsysim.h>

static MlsRegistry *registry;
static MlsEngine *engine;

#define KV_PER_TOKEN 131072.0 /* 2 · 32 · 8 · 128 · 2 B */
#define DISPATCH 0.01e-3
#define PEAK_EFF (989e12 * 0.5)

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
scenario_new (const char *model,
              const char *hardware,
              guint       seq_len,
              guint       batch)
{
  g_autoptr (GError) error = NULL;
  MlsScenario *s = mls_scenario_new ("test");

  mls_scenario_set_workload (s, MLS_WORKLOAD (lookup ("models", model)));
  mls_scenario_set_hardware (s, MLS_HARDWARE_NODE (lookup ("hardware", hardware)));
  mls_scenario_set_precision (s, MLS_PRECISION_FP16);
  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_SEQ_LEN, seq_len, &error));
  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_BATCH_SIZE, batch, &error));
  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_EFFICIENCY, 0.5, &error));
  g_assert_no_error (error);
  return s;
}

static void
set_param (MlsScenario *s,
           const char  *id,
           const char  *value)
{
  MlsQuantity q;

  g_assert_true (mls_quantity_parse (value, &q, NULL));
  mls_scenario_set_parameter (s, id, &q);
}

static MlsLedger *
solve (MlsScenario *scenario)
{
  g_autoptr (GError) error = NULL;
  const char *ids[] = { "serving", NULL };
  MlsLedger *ledger = mls_ledger_new ();

  g_assert_true (mls_engine_solve (engine, ids, scenario, ledger, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mls_ledger_get_status (ledger, "serving", NULL), ==, MLS_SOLVE_OK);
  return ledger;
}

static void
expect_invalid (MlsScenario *scenario,
                const char  *field)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsLedger) ledger = mls_ledger_new ();
  MlsSolver *solver = mls_engine_get_solver (engine, "serving", &error);

  g_assert_no_error (error);
  g_assert_false (mls_solver_solve (solver, scenario, ledger, &error));
  g_assert_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT);
  if (strstr (error->message, field) == NULL)
    g_error ("“%s” does not name %s", error->message, field);
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
  g_auto (GStrv) lines = mls_ledger_get_explanations (ledger, "serving");

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

/* Prefill time of n new tokens of an S-token prompt for Llama3_8B on an H100 at η 0.5, with
 * the reference's attention factor 4 over all 32 heads × 128 = 4096:
 * (2·P·n + 4·L·4096·n·S) / (989e12 · 0.5). */
static double
llama_prefill (double n,
               double S)
{
  return (2 * 8.03e9 * n + 4 * 32 * 4096 * n * S) / PEAK_EFF;
}

/* --- description ------------------------------------------------------------------------- */

static void
test_describe (void)
{
  static const char *const required[] = {
    "serving.ttft", "serving.itl", "serving.kv_cache_size", "serving.model_weights_size",
    "serving.total_memory", "serving.memory_utilization", "serving.tokens_per_sec",
    "serving.feasible", "serving.prefill_chunks", "serving.prefill_chunk_time",
    "serving.decode_stall_bound",
  };
  MlsSolverInfo *info = mls_engine_get_info (engine, "serving");
  const guint *walls;
  guint n_walls;

  g_assert_nonnull (info);
  walls = mls_solver_info_get_walls (info, &n_walls);
  g_assert_cmpuint (n_walls, ==, 1);
  g_assert_cmpuint (walls[0], ==, 4);
  g_assert_true (mls_solver_info_get_inputs (info) & MLS_SOLVER_INPUT_TRANSFORMER);
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_nonnull (mls_solver_info_find_metric (info, g_quark_from_string (required[i])));
  g_assert_nonnull (mls_solver_info_find_parameter (info, "serving.prefill_chunk_tokens"));
  /* The acceptance rate's default is the registry's 0.7 (Leviathan et al. 2023). */
  assert_rel (mls_solver_info_find_parameter (info, "serving.draft_acceptance_rate")
                ->default_value, 0.7, 1e-12);
}

/* --- C6, C53, A39: decode and the KV cache ------------------------------------------------ */

/* C53: KV(4096) = 131,072 × 4096 = 536,870,912 B (A39: "536 MB").
 * ITL = (16.06e9 + 536,870,912) / 3.35e12 + 32 × 0.01 ms = 4.954289 + 0.32 = 5.27429 ms. */
static void
test_c53_itl_seq4096 (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 4096, 1);
  g_autoptr (MlsLedger) l = solve (s);

  assert_rel (get (l, "serving.kv_cache_size"), 536870912.0, 1e-12);
  assert_rel (get (l, "serving.itl"), (16.06e9 + 536870912.0) / 3.35e12 + 32 * 0.01e-3, 1e-9);
  assert_rel (get (l, "serving.itl"), 5.27429e-3, 1e-5);
  g_assert_cmpfloat (get (l, "serving.itl"), >, 0);
  g_assert_cmpfloat (get (l, "serving.itl"), <, 1.0);
  assert_rel (get (l, "serving.model_weights_size"), 16.06e9, 1e-12);
  assert_rel (get (l, "serving.total_memory"), 16.06e9 + 536870912.0, 1e-12);
}

/* C6/C53: KV(512) = 67,108,864 B < KV(4096); total memory and ITL grow with it. */
static void
test_c53_longer_context_costs_more (void)
{
  g_autoptr (MlsScenario) s512 = scenario_new ("Llama3_8B", "H100", 512, 1);
  g_autoptr (MlsScenario) s4096 = scenario_new ("Llama3_8B", "H100", 4096, 1);
  g_autoptr (MlsLedger) l512 = solve (s512);
  g_autoptr (MlsLedger) l4096 = solve (s4096);

  assert_rel (get (l512, "serving.kv_cache_size"), KV_PER_TOKEN * 512, 1e-12);
  g_assert_cmpfloat (get (l4096, "serving.kv_cache_size"), >,
                     get (l512, "serving.kv_cache_size"));
  g_assert_cmpfloat (get (l4096, "serving.total_memory"), >,
                     get (l512, "serving.total_memory"));
  g_assert_cmpfloat (get (l4096, "serving.itl"), >, get (l512, "serving.itl"));
}

/* C6: KV(B = 4) = 4 · KV(B = 1) = 4 × 268,435,456 B at S 2048; tokens/s = B / ITL with
 * ITL(B 4) = (16.06e9 + 1,073,741,824) / 3.35e12 + 0.32 ms = 5.43455 ms → 736.03 token/s. */
static void
test_c6_kv_scales_with_batch (void)
{
  g_autoptr (MlsScenario) s1 = scenario_new ("Llama3_8B", "H100", 2048, 1);
  g_autoptr (MlsScenario) s4 = scenario_new ("Llama3_8B", "H100", 2048, 4);
  g_autoptr (MlsLedger) l1 = solve (s1);
  g_autoptr (MlsLedger) l4 = solve (s4);
  double itl4 = (16.06e9 + 4 * KV_PER_TOKEN * 2048) / 3.35e12 + 0.32e-3;

  assert_rel (get (l4, "serving.kv_cache_size"), 4 * get (l1, "serving.kv_cache_size"), 0.01);
  assert_rel (get (l1, "serving.kv_cache_size"), 268435456.0, 1e-12);
  assert_rel (get (l4, "serving.itl"), itl4, 1e-9);
  assert_rel (get (l4, "serving.tokens_per_sec"), 4 / itl4, 1e-9);
  assert_rel (get (l1, "serving.tokens_per_sec"), 1 / get (l1, "serving.itl"), 1e-12);
}

/* C6: 0 < utilisation < 1: (16.06e9 + 268,435,456) / 85,899,345,920 = 0.19009 at S 2048. */
static void
test_c6_memory_utilisation (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 2048, 1);
  g_autoptr (MlsLedger) l = solve (s);

  g_assert_cmpfloat (get (l, "serving.feasible"), ==, 1);
  assert_rel (get (l, "serving.memory_utilization"),
              (16.06e9 + 268435456.0) / 85899345920.0, 1e-9);
  g_assert_cmpfloat (get (l, "serving.memory_utilization"), >, 0);
  g_assert_cmpfloat (get (l, "serving.memory_utilization"), <, 1);
  assert_rel (get (l, "serving.memory_capacity"), 85899345920.0, 1e-12);
}

/* C6: GPT-3's 175e9 × 2 B = 350e9 B of weights alone exceed 85.9e9 B: infeasible, still
 * priced, with a FAILED memory-wall trace. */
static void
test_c6_gpt3_infeasible (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("GPT3", "H100", 2048, 1);
  g_autoptr (MlsLedger) l = solve (s);

  g_assert_cmpfloat (get (l, "serving.feasible"), ==, 0);
  g_assert_cmpfloat (get (l, "serving.memory_utilization"), >, 1);
  g_assert_true (explanations_contain (l, "Memory Wall: FAILED"));
}

/* C6: int8 weights are half the fp16 ones: 8.03e9 B vs 16.06e9 B (rel 0.01). */
static void
test_c6_int8_half_weights (void)
{
  g_autoptr (MlsScenario) s16 = scenario_new ("Llama3_8B", "H100", 2048, 1);
  g_autoptr (MlsScenario) s8 = scenario_new ("Llama3_8B", "H100", 2048, 1);
  g_autoptr (MlsLedger) l16 = solve (s16);
  g_autoptr (MlsLedger) l8 = NULL;

  mls_scenario_set_precision (s8, MLS_PRECISION_INT8);
  l8 = solve (s8);
  assert_rel (get (l8, "serving.model_weights_size"),
              get (l16, "serving.model_weights_size") / 2, 0.01);
  assert_rel (get (l8, "serving.model_weights_size"), 8.03e9, 1e-12);
}

/* --- C7, C8: prefill and chunking --------------------------------------------------------- */

/* C7: one pass over S = 4096: linear 2 × 8.03e9 × 4096 = 6.578176e13, attention
 * 4 × 32 × 4096 × 4096 × 4096 = 8.796093e12 → 7.4577853e13 FLOP / 494.5e12 = 150.8147 ms,
 * plus one dispatch: TTFT = 150.8247 ms. */
static void
test_c7_ttft_single_pass (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 4096, 1);
  g_autoptr (MlsLedger) l = solve (s);

  assert_rel (get (l, "serving.ttft"), llama_prefill (4096, 4096) + DISPATCH, 1e-9);
  assert_rel (get (l, "serving.ttft"), 150.8247e-3, 1e-6);
  g_assert_cmpfloat (get (l, "serving.prefill_chunks"), ==, 1);
  assert_rel (get (l, "serving.prefill_chunk_time"), get (l, "serving.ttft"), 1e-12);
}

/* C7: chunks of 4096 tokens → 1 chunk; chunks of 512 → 8 chunks. A 512-token chunk takes
 * (2 × 8.03e9 × 512 + 4 × 32 × 4096 × 512 × 4096) / 494.5e12 = 9.3222316e12 / 494.5e12 =
 * 18.8518 ms, + 0.01 ms dispatch = 18.8618 ms, which bounds the decode stall. TTFT =
 * 150.8147 + 8 × 0.01 = 150.8947 ms ≥ the single pass. */
static void
test_c7_chunked_prefill (void)
{
  g_autoptr (MlsScenario) single = scenario_new ("Llama3_8B", "H100", 4096, 1);
  g_autoptr (MlsScenario) whole = scenario_new ("Llama3_8B", "H100", 4096, 1);
  g_autoptr (MlsScenario) chunked = scenario_new ("Llama3_8B", "H100", 4096, 1);
  g_autoptr (MlsLedger) ls = solve (single);
  g_autoptr (MlsLedger) lw = NULL;
  g_autoptr (MlsLedger) lc = NULL;
  MlsQuantity c4096 = mls_quantity_scalar (4096), c512 = mls_quantity_scalar (512);

  mls_scenario_set_parameter (whole, "serving.prefill_chunk_tokens", &c4096);
  mls_scenario_set_parameter (chunked, "serving.prefill_chunk_tokens", &c512);
  lw = solve (whole);
  lc = solve (chunked);

  g_assert_cmpfloat (get (lw, "serving.prefill_chunks"), ==, 1);
  g_assert_cmpfloat (get (lc, "serving.prefill_chunks"), ==, 8);
  assert_rel (get (lc, "serving.prefill_chunk_time"), llama_prefill (512, 4096) + DISPATCH,
              1e-9);
  assert_rel (get (lc, "serving.prefill_chunk_time"), 18.8618e-3, 1e-5);
  g_assert_cmpfloat (get (lc, "serving.decode_stall_bound"), ==,
                     get (lc, "serving.prefill_chunk_time"));
  g_assert_cmpfloat (get (lc, "serving.prefill_chunk_time"), <,
                     get (lw, "serving.prefill_chunk_time"));
  assert_rel (get (lc, "serving.ttft"), llama_prefill (4096, 4096) + 8 * DISPATCH, 1e-9);
  assert_rel (get (lc, "serving.ttft"), 150.8947e-3, 1e-6);
  g_assert_cmpfloat (get (lc, "serving.ttft"), >=, get (ls, "serving.ttft"));
  g_assert_true (explanations_contain (lc, "8 chunks of up to 512 tokens"));
}

/* C8: 4097 tokens in chunks of 512 need ⌈4097 / 512⌉ = 9 chunks, and the slowest (a full
 * 512-token chunk) exceeds the average, (TTFT_unchunked − dispatch) / 9 + dispatch. */
static void
test_c8_uneven_chunks (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 4097, 1);
  g_autoptr (MlsScenario) u = scenario_new ("Llama3_8B", "H100", 4097, 1);
  g_autoptr (MlsLedger) l = NULL;
  g_autoptr (MlsLedger) lu = solve (u);
  MlsQuantity c512 = mls_quantity_scalar (512);

  mls_scenario_set_parameter (s, "serving.prefill_chunk_tokens", &c512);
  l = solve (s);
  g_assert_cmpfloat (get (l, "serving.prefill_chunks"), ==, 9);
  g_assert_cmpfloat (get (l, "serving.prefill_chunk_time"), >,
                     (get (lu, "serving.ttft") - DISPATCH) / 9 + DISPATCH);
  assert_rel (get (l, "serving.prefill_chunk_time"), llama_prefill (512, 4097) + DISPATCH,
              1e-9);
}

/* A cached prefix of 2048 of 4096 tokens prefills only 2048 new tokens, which still attend to
 * all 4096: (2 × 8.03e9 × 2048 + 4 × 32 × 4096 × 2048 × 4096) / 494.5e12 = 75.4073 ms, plus
 * dispatch = 75.4173 ms; the hit ratio is 2048 / 4096 = 0.5. */
static void
test_cached_prefix (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 4096, 1);
  g_autoptr (MlsLedger) l = NULL;
  MlsQuantity cached = mls_quantity_scalar (2048);

  mls_scenario_set_parameter (s, "serving.cached_prefix_tokens", &cached);
  l = solve (s);
  assert_rel (get (l, "serving.ttft"), llama_prefill (2048, 4096) + DISPATCH, 1e-9);
  assert_rel (get (l, "serving.ttft"), 75.4173e-3, 1e-5);
  assert_rel (get (l, "serving.prompt_cache_hit_ratio"), 0.5, 1e-12);
  /* The cache holds the whole sequence either way. */
  assert_rel (get (l, "serving.kv_cache_size"), 536870912.0, 1e-12);
}

/* --- C9: invalid inputs name the field ---------------------------------------------------- */

static void
test_c9_invalid_inputs (void)
{
  struct { const char *param; const char *value; const char *field; } params[] = {
    { "serving.cached_prefix_tokens", "-1", "cached_prefix_tokens" },
    { "serving.cached_prefix_tokens", "2048", "cached_prefix_tokens" }, /* = seq_len */
    { "serving.draft_acceptance_rate", "1.5", "draft_acceptance_rate" },
    { "serving.network_bandwidth", "0 GB/s", "network_bandwidth" },
    { "serving.prefill_chunk_tokens", "-512", "prefill_chunk_tokens" },
    { "serving.prefill_chunk_tokens", "0.5", "prefill_chunk_tokens" },
  };
  struct { MlsKnob knob; double value; const char *field; } knobs[] = {
    { MLS_KNOB_SEQ_LEN, 0, "seq_len" },
    { MLS_KNOB_BATCH_SIZE, 0, "batch" },
    { MLS_KNOB_EFFICIENCY, 0.0, "efficiency" },
    { MLS_KNOB_EFFICIENCY, 1.5, "efficiency" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 2048, 1);

      set_param (s, params[i].param, params[i].value);
      expect_invalid (s, params[i].field);
    }
  for (guint i = 0; i < G_N_ELEMENTS (knobs); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 2048, 1);

      /* The scenario may refuse the value itself; otherwise the solver must. */
      if (!mls_scenario_set_knob (s, knobs[i].knob, knobs[i].value, &error))
        g_assert_nonnull (strstr (error->message, knobs[i].field));
      else
        expect_invalid (s, knobs[i].field);
    }
}

/* --- disaggregated and speculative decoding (C56) ----------------------------------------- */

/* Decode on an A100 (2039 GB/s) behind a 100 GB/s link: TTFT gains KV / 100e9 =
 * 536,870,912 / 100e9 = 5.36871 ms; ITL = (16.06e9 + 536,870,912) / 2039e9 + 0.32 ms =
 * 8.45970 ms. */
static void
test_disaggregated (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 4096, 1);
  g_autoptr (MlsLedger) l = NULL;

  set_param (s, "serving.decode_memory_bandwidth", "2039 GB/s");
  set_param (s, "serving.decode_memory_capacity", "80 GiB");
  l = solve (s);
  assert_rel (get (l, "serving.ttft"),
              llama_prefill (4096, 4096) + DISPATCH + 536870912.0 / 100e9, 1e-9);
  assert_rel (get (l, "serving.itl"), (16.06e9 + 536870912.0) / 2039e9 + 0.32e-3, 1e-9);
  assert_rel (get (l, "serving.itl"), 8.45970e-3, 1e-5);
}

static MlsWorkload *
custom_transformer (const char *key,
                    const char *params,
                    const char *layers,
                    const char *hidden,
                    const char *heads)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsProvenance) prov = NULL;
  MlsEntry *e = mls_entry_new (mls_workload_type_for_kind ("transformer"), key, "test");

  prov = mls_provenance_new (MLS_PROVENANCE_ILLUSTRATIVE, "reference-cases.md C55/C56", NULL,
                             "2026-11-23", NULL, &error);
  g_assert_no_error (error);
  mls_entry_set_provenance (e, prov);
  g_assert_true (mls_entry_set_from_string (e, "name", key, &error));
  g_assert_true (mls_entry_set_from_string (e, "parameters", params, &error));
  g_assert_true (mls_entry_set_from_string (e, "layers", layers, &error));
  g_assert_true (mls_entry_set_from_string (e, "hidden_dim", hidden, &error));
  g_assert_true (mls_entry_set_from_string (e, "heads", heads, &error));
  g_assert_true (mls_entry_finish (e, &error));
  g_assert_no_error (error);
  return MLS_WORKLOAD (e);
}

/* C56: a 70e9 target (80 layers, hidden 8192, 64 heads, no GQA: 64 KV heads, head_dim 128)
 * served on an H100 at S 1024.
 * KV = 2 × 80 × 64 × 128 × 1024 × 2 B = 2,684,354,560 B.
 * Base ITL = (140e9 + 2,684,354,560) / 3.35e12 + 80 × 0.01 ms = 42.5923 + 0.8 = 43.39 ms.
 * Decode on an A100: 142.684e9 / 2039e9 + 0.8 ms = 70.78 ms.
 * Draft (8e9, 32 layers, 4096, 32 heads): 16e9 + 2 × 32 × 32 × 128 × 1024 × 2 = 16.537e9 B,
 * / 2039e9 = 8.110 ms (no layer tax). E = 1 + 0.7 (1 − 0.7⁴) / 0.3 = 2.7731.
 * ITL = (4 × 8.110 + 70.78) / 2.7731 = 37.22 ms, between 0 and the base ITL. */
static void
test_c56_disaggregated_speculative (void)
{
  g_autoptr (MlsWorkload) target = custom_transformer ("Target70B", "70e9 param", "80", "8192",
                                                       "64");
  g_autoptr (MlsScenario) base = scenario_new ("Llama3_8B", "H100", 1024, 1);
  g_autoptr (MlsScenario) fast = scenario_new ("Llama3_8B", "H100", 1024, 1);
  g_autoptr (MlsLedger) lb = NULL;
  g_autoptr (MlsLedger) lf = NULL;
  double kv = 2.0 * 80 * 64 * 128 * 1024 * 2;
  double t_verify = (140e9 + kv) / 2039e9 + 0.8e-3;
  double t_draft = (16e9 + 2.0 * 32 * 32 * 128 * 1024 * 2) / 2039e9;
  double e = 1 + 0.7 * (1 - pow (0.7, 4)) / (1 - 0.7);

  mls_scenario_set_workload (base, target);
  mls_scenario_set_workload (fast, target);
  set_param (fast, "serving.decode_memory_bandwidth", "2039 GB/s");
  set_param (fast, "serving.draft_parameters", "8e9 param");
  set_param (fast, "serving.draft_layers", "32");
  set_param (fast, "serving.draft_hidden_dim", "4096");
  set_param (fast, "serving.draft_heads", "32");
  set_param (fast, "serving.draft_acceptance_rate", "0.7");
  lb = solve (base);
  lf = solve (fast);

  assert_rel (get (lb, "serving.kv_cache_size"), 2684354560.0, 1e-12);
  assert_rel (get (lb, "serving.itl"), (140e9 + kv) / 3.35e12 + 0.8e-3, 1e-9);
  assert_rel (get (lb, "serving.itl"), 43.39e-3, 1e-3);
  assert_rel (e, 2.7731, 1e-4);
  assert_rel (get (lf, "serving.itl"), (4 * t_draft + t_verify) / e, 1e-9);
  assert_rel (get (lf, "serving.itl"), 37.22e-3, 1e-3);
  g_assert_cmpfloat (get (lf, "serving.itl"), >, 0);
  g_assert_cmpfloat (get (lf, "serving.itl"), <, get (lb, "serving.itl"));
  /* The draft's weights join the memory bill: 140e9 + KV + 16e9. */
  assert_rel (get (lf, "serving.total_memory"), 140e9 + kv + 16e9, 1e-12);
}

/* When every draft is accepted, a step yields 1 + γ = 5 tokens: ITL = (4 t_d + t_v) / 5. */
static void
test_speculative_full_acceptance (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 4096, 1);
  g_autoptr (MlsLedger) l = NULL;
  double t_verify = (16.06e9 + 536870912.0) / 3.35e12 + 0.32e-3;
  /* Draft: 1e9 × 2 B + 2 × 16 × 16 × 128 × 4096 × 2 B = 2e9 + 536,870,912 B. */
  double t_draft = (2e9 + 2.0 * 16 * 16 * 128 * 4096 * 2) / 3.35e12;

  set_param (s, "serving.draft_parameters", "1e9 param");
  set_param (s, "serving.draft_layers", "16");
  set_param (s, "serving.draft_hidden_dim", "2048");
  set_param (s, "serving.draft_heads", "16");
  set_param (s, "serving.draft_acceptance_rate", "1");
  l = solve (s);
  assert_rel (get (l, "serving.itl"), (4 * t_draft + t_verify) / 5, 1e-9);
}

/* A CNN has no attention heads and no KV cache: the engine skips the serving solver rather
 * than failing it. */
static void
test_skips_non_transformer (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsScenario) s = scenario_new ("ResNet50", "A100", 2048, 1);
  g_autoptr (MlsLedger) l = mls_ledger_new ();
  const char *ids[] = { "serving", NULL };

  g_assert_true (mls_engine_solve (engine, ids, s, l, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mls_ledger_get_status (l, "serving", NULL), ==, MLS_SOLVE_SKIPPED);
  g_assert_false (mls_ledger_has (l, "serving.ttft"));
}

/* §9.7 trace: "Memory Wall: Passed. Required X (Weights: W, KV Cache: K) <= Available C". */
static void
test_memory_wall_trace (void)
{
  g_autoptr (MlsScenario) s = scenario_new ("Llama3_8B", "H100", 2048, 1);
  g_autoptr (MlsLedger) l = solve (s);

  g_assert_true (explanations_contain (l, "Memory Wall: Passed"));
  g_assert_true (explanations_contain (l, "KV Cache"));
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

  g_test_add_func ("/serving/describe", test_describe);
  g_test_add_func ("/serving/C53-itl-seq4096", test_c53_itl_seq4096);
  g_test_add_func ("/serving/C53-longer-context", test_c53_longer_context_costs_more);
  g_test_add_func ("/serving/C6-kv-scales-with-batch", test_c6_kv_scales_with_batch);
  g_test_add_func ("/serving/C6-memory-utilisation", test_c6_memory_utilisation);
  g_test_add_func ("/serving/C6-gpt3-infeasible", test_c6_gpt3_infeasible);
  g_test_add_func ("/serving/C6-int8-half-weights", test_c6_int8_half_weights);
  g_test_add_func ("/serving/C7-ttft-single-pass", test_c7_ttft_single_pass);
  g_test_add_func ("/serving/C7-chunked-prefill", test_c7_chunked_prefill);
  g_test_add_func ("/serving/C8-uneven-chunks", test_c8_uneven_chunks);
  g_test_add_func ("/serving/cached-prefix", test_cached_prefix);
  g_test_add_func ("/serving/C9-invalid-inputs", test_c9_invalid_inputs);
  g_test_add_func ("/serving/disaggregated", test_disaggregated);
  g_test_add_func ("/serving/C56-disaggregated-speculative", test_c56_disaggregated_speculative);
  g_test_add_func ("/serving/speculative-full-acceptance", test_speculative_full_acceptance);
  g_test_add_func ("/serving/skips-non-transformer", test_skips_non_transformer);
  g_test_add_func ("/serving/memory-wall-trace", test_memory_wall_trace);

  ret = g_test_run ();
  g_clear_object (&engine);
  return ret;
}
