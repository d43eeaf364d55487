/* mls-formulas-serving-extra.c — decode step time, speculative decoding and chunked prefill
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mls-formulas-private.h"
#include "mls-formulas-serving-extra.h"

/**
 * mls_calc_decode_step_time:
 * @weight_bytes: the model weights W, read once per generated token
 * @kv_cache_bytes: the KV cache of the whole batch, read once per generated token
 * @bandwidth: the decode device's memory bandwidth
 * @n_layers: the layers L, each paying the framework tax once per token
 * @layer_tax: the framework cost per layer, such as the registry's `layer_tax` (0.01 ms)
 * @out: (out caller-allocates): the inter-token latency, (W + KV)/β + L·tax
 * @error: return location for a #GError
 *
 * Autoregressive decode is memory-bound: every token streams all weights and the KV cache
 * (Pope et al., "Efficiently scaling transformer inference", MLSys 2023, §2.2), plus the
 * per-layer framework overhead (MLSys·im `ServingModel`, inventory §9.7).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_decode_step_time (const MlsQuantity *weight_bytes,
                           const MlsQuantity *kv_cache_bytes,
                           const MlsQuantity *bandwidth,
                           guint              n_layers,
                           const MlsQuantity *layer_tax,
                           MlsQuantity       *out,
                           GError           **error)
{
  if (!mls_formula_check_nonnegative (weight_bytes, MLS_KIND_DATA, "weight_bytes", error) ||
      !mls_formula_check_nonnegative (kv_cache_bytes, MLS_KIND_DATA, "kv_cache_bytes", error) ||
      !mls_formula_check_positive (bandwidth, MLS_KIND_BANDWIDTH, "bandwidth", error) ||
      !mls_formula_check_nonnegative (layer_tax, MLS_KIND_TIME, "layer_tax", error))
    return FALSE;

  mls_formula_set (out,
                   (weight_bytes->value + kv_cache_bytes->value) / bandwidth->value +
                     n_layers * layer_tax->value,
                   MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_speculative_step_time:
 * @draft_step_time: the time of one draft-model decode step
 * @verify_step_time: the time of one target-model pass that verifies the drafts
 * @draft_tokens: the tokens drafted per step γ, such as the registry's `speculative_gamma` (4)
 * @expected_tokens: the tokens accepted per step, from
 *   mls_calc_speculative_expected_tokens(); at least 1
 * @out: (out caller-allocates): the effective time per generated token
 * @error: return location for a #GError
 *
 * Speculative decoding drafts γ tokens with a small model, then verifies them in one pass of
 * the target model: the time per token is (γ·t_draft + t_verify) / E[tokens] (Leviathan,
 * Kalman and Matias, "Fast inference from transformers via speculative decoding", ICML 2023,
 * §3.4).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_speculative_step_time (const MlsQuantity *draft_step_time,
                                const MlsQuantity *verify_step_time,
                                guint              draft_tokens,
                                double             expected_tokens,
                                MlsQuantity       *out,
                                GError           **error)
{
  if (!mls_formula_check_nonnegative (draft_step_time, MLS_KIND_TIME, "draft_step_time",
                                      error) ||
      !mls_formula_check_nonnegative (verify_step_time, MLS_KIND_TIME, "verify_step_time",
                                      error))
    return FALSE;
  if (!(expected_tokens >= 1.0))
    {
      g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
                   _("expected_tokens must be at least 1 (the verification pass always yields "
                     "one token); got %g"),
                   expected_tokens);
      return FALSE;
    }

  mls_formula_set (out,
                   (draft_tokens * draft_step_time->value + verify_step_time->value) /
                     expected_tokens,
                   MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_prefill_chunk_count:
 * @new_tokens: the prompt tokens to prefill (after any prefix-cache hit), at least 1
 * @chunk_tokens: the tokens per chunk c, at least 1
 * @out_chunks: (out): the number of chunks, ⌈n / c⌉
 * @error: return location for a #GError
 *
 * Chunked prefill splits a prompt into ⌈n/c⌉ chunks interleaved with decode steps, so that no
 * decode step waits for more than one chunk (Agrawal et al., "Taming throughput-latency
 * tradeoff in LLM inference with Sarathi-Serve", OSDI 2024, §4.2).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is 0
 */
gboolean
mls_calc_prefill_chunk_count (guint    new_tokens,
                              guint    chunk_tokens,
                              guint   *out_chunks,
                              GError **error)
{
  if (!mls_formula_check_count (new_tokens, 1, "new_tokens", error) ||
      !mls_formula_check_count (chunk_tokens, 1, "chunk_tokens", error))
    return FALSE;

  *out_chunks = new_tokens / chunk_tokens + (new_tokens % chunk_tokens != 0);
  return TRUE;
}
