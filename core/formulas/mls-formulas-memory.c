/* mls-formulas-memory.c — memory footprints: weights, activations, KV caches, training state
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mls-formulas-private.h"
#include "mls-formulas-memory.h"

/* Bisection steps for the capped-exponential scale, as in the reference; 100 halvings of
 * [0, 1/ρ] reach the resolution of a double long before the end. */
#define CAPPED_EXPONENTIAL_ITERATIONS 100

/**
 * mls_activation_checkpointing_parse:
 * @name: "none", "selective" or "full"
 * @out_strategy: (out): the strategy
 * @error: return location for a #GError
 *
 * Reads a recomputation strategy as scenarios and the reference spell it.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR_UNKNOWN if @name is not a
 *   strategy
 */
gboolean
mls_activation_checkpointing_parse (const char                 *name,
                                    MlsActivationCheckpointing *out_strategy,
                                    GError                    **error)
{
  static const struct { const char *name; MlsActivationCheckpointing value; } names[] = {
    { "none", MLS_ACTIVATION_CHECKPOINTING_NONE },
    { "selective", MLS_ACTIVATION_CHECKPOINTING_SELECTIVE },
    { "full", MLS_ACTIVATION_CHECKPOINTING_FULL },
  };

  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].name) == 0)
      {
        *out_strategy = names[i].value;
        return TRUE;
      }

  g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_UNKNOWN,
               _("Unknown activation checkpointing strategy “%s”: use none, selective or full"),
               name);
  return FALSE;
}

/**
 * mls_calc_model_memory:
 * @params: the number of parameters
 * @bytes_per_param: the storage per parameter, such as “2 B” at fp16
 * @out: (out caller-allocates): the size of the weights, params · bytes_per_param
 * @error: return location for a #GError
 *
 * Weight memory, M = P · b (the reference's `model_memory` and `memory_from_params`).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is negative
 */
gboolean
mls_calc_model_memory (double             params,
                       const MlsQuantity *bytes_per_param,
                       MlsQuantity       *out,
                       GError           **error)
{
  if (!mls_formula_check_number_nonneg (params, "params", error) ||
      !mls_formula_check_nonnegative (bytes_per_param, MLS_KIND_DATA, "bytes_per_param", error))
    return FALSE;

  mls_formula_set (out, params * bytes_per_param->value, MLS_KIND_DATA);
  return TRUE;
}

/**
 * mls_calc_checkpoint_size:
 * @params: the number of parameters
 * @bytes_per_param: the checkpoint bytes per parameter: weights plus optimizer state, such as
 *   the registry's 14 B for mixed-precision Adam
 * @out: (out caller-allocates): the checkpoint size, params · bytes_per_param
 * @error: return location for a #GError
 *
 * Checkpoint size, S = P · b. With Adam in mixed precision b counts fp16 weights (2 B), fp32
 * master weights, momentum and variance (12 B) (Rajbhandari et al., "ZeRO", SC 2020, §3.1).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is negative
 */
gboolean
mls_calc_checkpoint_size (double             params,
                          const MlsQuantity *bytes_per_param,
                          MlsQuantity       *out,
                          GError           **error)
{
  if (!mls_formula_check_number_nonneg (params, "params", error) ||
      !mls_formula_check_nonnegative (bytes_per_param, MLS_KIND_DATA, "bytes_per_param", error))
    return FALSE;

  mls_formula_set (out, params * bytes_per_param->value, MLS_KIND_DATA);
  return TRUE;
}

/**
 * mls_calc_activation_memory:
 * @n_layers: the layers whose activations are held, L
 * @seq_len: the sequence length s
 * @batch_size: the (micro)batch size b
 * @hidden_dim: the hidden size h
 * @n_heads: the attention heads a, or 0 when unknown (only needed without recomputation)
 * @bytes_per_element: the activation precision, such as “2 B” at fp16
 * @strategy: what is recomputed in the backward pass
 * @out: (out caller-allocates): the activation memory of the @n_layers layers
 * @error: return location for a #GError
 *
 * Activation memory of a Transformer with tensor parallelism 1, after Korthikanti et al.,
 * "Reducing activation recomputation in large transformer models", MLSys 2023, §4. Their
 * per-layer counts are bytes at 2-byte precision, so each is scaled by @bytes_per_element / 2:
 *
 * - none: s·b·h·(34 + 5·a·s/h) = 34·s·b·h + 5·a·s²·b (eq. 1);
 * - selective: 34·s·b·h (the attention scores are recomputed, §5);
 * - full: 2·s·b·h (only the layer input is kept).
 *
 * The total is L times the per-layer figure.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if @bytes_per_element is
 *   not an amount of data, @n_heads is 0 without recomputation
 *   (%MLS_FORMULA_ERROR_MISSING) or @strategy is not known (%MLS_FORMULA_ERROR_UNKNOWN)
 */
gboolean
mls_calc_activation_memory (guint                      n_layers,
                            guint                      seq_len,
                            guint                      batch_size,
                            guint                      hidden_dim,
                            guint                      n_heads,
                            const MlsQuantity         *bytes_per_element,
                            MlsActivationCheckpointing strategy,
                            MlsQuantity               *out,
                            GError                   **error)
{
  if (!mls_formula_check_positive (bytes_per_element, MLS_KIND_DATA, "bytes_per_element", error))
    return FALSE;

  double s = seq_len, b = batch_size, h = hidden_dim, a = n_heads;
  double per_layer;

  /* Korthikanti et al. (2023): 34 bytes per s·b·h element at fp16 for the kept tensors of
   * attention and MLP, 5·a·s²·b for the attention scores, softmax and dropout mask. */
  switch (strategy)
    {
    case MLS_ACTIVATION_CHECKPOINTING_NONE:
      if (n_heads == 0)
        {
          g_set_error_literal (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_MISSING,
                               _("n_heads is needed for activation memory without "
                                 "recomputation (strategy “none”): the attention scores "
                                 "grow with the number of heads"));
          return FALSE;
        }
      per_layer = 34.0 * s * b * h + 5.0 * a * s * s * b;
      break;
    case MLS_ACTIVATION_CHECKPOINTING_SELECTIVE:
      per_layer = 34.0 * s * b * h;
      break;
    case MLS_ACTIVATION_CHECKPOINTING_FULL:
      per_layer = 2.0 * s * b * h;
      break;
    default:
      g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_UNKNOWN,
                   _("Unknown activation checkpointing strategy %d: use none, selective or "
                     "full"),
                   (int) strategy);
      return FALSE;
    }

  mls_formula_set (out, n_layers * per_layer * bytes_per_element->value / 2.0, MLS_KIND_DATA);
  return TRUE;
}

/**
 * mls_calc_kv_cache_size:
 * @n_layers: the layers L
 * @n_kv_heads: the key/value heads H_kv (fewer than the query heads with GQA)
 * @head_dim: the head dimension d
 * @seq_len: the tokens cached per sequence S
 * @batch_size: the sequences B
 * @bytes_per_element: the model precision, such as “2 B” at fp16
 * @kv_bytes_per_element: (nullable): a separate KV-cache precision, such as “1 B” for an fp8
 *   cache; it replaces @bytes_per_element when given
 * @out: (out caller-allocates): the cache size
 * @error: return location for a #GError
 *
 * KV-cache size, 2·L·H_kv·d·S·B·bytes: a key and a value vector per head, layer and token
 * (Pope et al., "Efficiently scaling Transformer inference", MLSys 2023, §3.1).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if a precision is not a
 *   positive amount of data
 */
gboolean
mls_calc_kv_cache_size (guint              n_layers,
                        guint              n_kv_heads,
                        guint              head_dim,
                        guint              seq_len,
                        guint              batch_size,
                        const MlsQuantity *bytes_per_element,
                        const MlsQuantity *kv_bytes_per_element,
                        MlsQuantity       *out,
                        GError           **error)
{
  const MlsQuantity *width = kv_bytes_per_element ? kv_bytes_per_element : bytes_per_element;

  if (!mls_formula_check_positive (bytes_per_element, MLS_KIND_DATA, "bytes_per_element",
                                   error) ||
      (kv_bytes_per_element != NULL &&
       !mls_formula_check_positive (kv_bytes_per_element, MLS_KIND_DATA,
                                    "kv_bytes_per_element", error)))
    return FALSE;

  /* 2: one key and one value vector */
  mls_formula_set (out,
                   2.0 * n_layers * n_kv_heads * (double) head_dim * seq_len * batch_size *
                     width->value,
                   MLS_KIND_DATA);
  return TRUE;
}

/**
 * mls_calc_mla_cache_size:
 * @n_layers: the layers L
 * @kv_lora_rank: the rank of the compressed key/value latent d_c
 * @qk_rope_head_dim: the dimension of the decoupled rotary key d_R
 * @seq_len: the tokens cached per sequence S
 * @batch_size: the sequences B
 * @bytes_per_element: the cache precision, such as “2 B” at fp16
 * @out: (out caller-allocates): the cache size
 * @error: return location for a #GError
 *
 * Multi-head latent attention cache, L·(d_c + d_R)·S·B·bytes: one compressed latent and one
 * shared rotary key per token and layer, with no separate K and V, hence no factor 2
 * (DeepSeek-AI, "DeepSeek-V2", 2024, §2.1.3).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if @bytes_per_element is
 *   not a positive amount of data
 */
gboolean
mls_calc_mla_cache_size (guint              n_layers,
                         guint              kv_lora_rank,
                         guint              qk_rope_head_dim,
                         guint              seq_len,
                         guint              batch_size,
                         const MlsQuantity *bytes_per_element,
                         MlsQuantity       *out,
                         GError           **error)
{
  if (!mls_formula_check_positive (bytes_per_element, MLS_KIND_DATA, "bytes_per_element", error))
    return FALSE;

  mls_formula_set (out,
                   (double) n_layers * ((double) kv_lora_rank + qk_rope_head_dim) * seq_len *
                     batch_size * bytes_per_element->value,
                   MLS_KIND_DATA);
  return TRUE;
}

/**
 * mls_calc_paged_kv_cache_size:
 * @n_layers: the layers L
 * @n_kv_heads: the key/value heads H_kv
 * @head_dim: the head dimension d
 * @seq_len: the tokens per sequence S
 * @batch_size: the sequences B
 * @page_size: the tokens per page (block), at least 1
 * @bytes_per_element: the cache precision, such as “2 B” at fp16
 * @out_size: (out caller-allocates): the memory the pages take
 * @out_fragmentation: (out): the unused fraction of the last page, (padded − S) / padded
 * @error: return location for a #GError
 *
 * KV cache held in fixed-size pages, as in PagedAttention (Kwon et al., "Efficient memory
 * management for large language model serving with PagedAttention", SOSP 2023, §4.2): the
 * sequence is padded to ⌈S/p⌉·p tokens and sized as in mls_calc_kv_cache_size().
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if @page_size is 0 or the
 *   precision is not a positive amount of data
 */
gboolean
mls_calc_paged_kv_cache_size (guint              n_layers,
                              guint              n_kv_heads,
                              guint              head_dim,
                              guint              seq_len,
                              guint              batch_size,
                              guint              page_size,
                              const MlsQuantity *bytes_per_element,
                              MlsQuantity       *out_size,
                              double            *out_fragmentation,
                              GError           **error)
{
  if (!mls_formula_check_count (page_size, 1, "page_size", error) ||
      !mls_formula_check_positive (bytes_per_element, MLS_KIND_DATA, "bytes_per_element", error))
    return FALSE;

  guint64 pages = ((guint64) seq_len + page_size - 1) / page_size;
  double padded = (double) (pages * page_size);

  mls_formula_set (out_size,
                   2.0 * n_layers * n_kv_heads * (double) head_dim * padded * batch_size *
                     bytes_per_element->value,
                   MLS_KIND_DATA);
  *out_fragmentation = padded > 0.0 ? (padded - seq_len) / padded : 0.0;
  return TRUE;
}

/* The mean of min(X, 1) for X exponential with scale 1/t, as a fraction of the cap:
 * (1 − e^(−t)) / t, written with expm1 so that small t keeps its precision. */
static double
capped_mean_fraction (double t)
{
  return t == 0.0 ? 1.0 : -expm1 (-t) / t;
}

/**
 * mls_calc_capped_exponential_scale:
 * @mean_tokens: the mean request length wanted, greater than zero
 * @max_tokens: the cap on a request's length, greater than zero
 * @out_scale: (out): the scale μ of the exponential, in tokens (infinite when the mean reaches
 *   the cap)
 * @error: return location for a #GError
 *
 * Request lengths modelled as S = min(X, S_max) with X exponential of mean μ have
 * E[S] = μ·(1 − e^(−S_max/μ)). This solves E[S] = @mean_tokens for μ: with t = S_max/μ and
 * ρ = mean/S_max, (1 − e^(−t))/t = ρ is bisected on [0, 1/ρ] for 100 steps and μ = S_max/t.
 * When ρ ≥ 1 every request is at the cap and μ is infinite.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is not
 *   positive
 */
gboolean
mls_calc_capped_exponential_scale (double   mean_tokens,
                                   double   max_tokens,
                                   double  *out_scale,
                                   GError **error)
{
  if (!mls_formula_check_number_pos (mean_tokens, "mean_tokens", error) ||
      !mls_formula_check_number_pos (max_tokens, "max_tokens", error))
    return FALSE;

  double rho = mean_tokens / max_tokens;
  if (rho >= 1.0)
    {
      *out_scale = INFINITY;
      return TRUE;
    }

  /* capped_mean_fraction falls from 1 at t = 0 to below ρ at t = 1/ρ, so the root is inside */
  double lo = 0.0, hi = 1.0 / rho;
  for (guint i = 0; i < CAPPED_EXPONENTIAL_ITERATIONS; i++)
    {
      double mid = 0.5 * (lo + hi);
      if (capped_mean_fraction (mid) > rho)
        lo = mid;
      else
        hi = mid;
    }
  *out_scale = max_tokens / (0.5 * (lo + hi));
  return TRUE;
}

/**
 * mls_calc_expected_paged_kv_tokens:
 * @mean_tokens: the mean request length, greater than zero
 * @max_seq_len: the cap on a request's length S_max, at least 1
 * @page_size: the tokens per page p, at least 1
 * @out_tokens: (out): the expected tokens allocated per request, p·E[⌈S/p⌉]
 * @out_fragmentation: (out): the expected unused fraction, max(0, 1 − mean / allocated)
 * @error: return location for a #GError
 *
 * The expected paged allocation for request lengths S = min(X, S_max), X exponential with
 * the scale from mls_calc_capped_exponential_scale(). With K = ⌈S_max/p⌉ and r = e^(−p/μ),
 * E[⌈S/p⌉] = Σ_{k<K} P(S > kp) = (1 − r^K)/(1 − r), or K when μ is infinite (PagedAttention
 * pages, Kwon et al., SOSP 2023).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is out of
 *   range
 */
gboolean
mls_calc_expected_paged_kv_tokens (double   mean_tokens,
                                   guint    max_seq_len,
                                   guint    page_size,
                                   double  *out_tokens,
                                   double  *out_fragmentation,
                                   GError **error)
{
  double scale;

  if (!mls_formula_check_count (max_seq_len, 1, "max_seq_len", error) ||
      !mls_formula_check_count (page_size, 1, "page_size", error) ||
      !mls_calc_capped_exponential_scale (mean_tokens, max_seq_len, &scale, error))
    return FALSE;

  double k = (double) (((guint64) max_seq_len + page_size - 1) / page_size);
  double blocks;

  if (isinf (scale))
    blocks = k;
  else
    {
      /* (1 − r^K)/(1 − r) with r = e^(−p/μ), through expm1 so r near 1 stays exact */
      double x = page_size / scale;
      blocks = expm1 (-k * x) / expm1 (-x);
    }

  double allocated = page_size * blocks;
  *out_tokens = allocated;
  *out_fragmentation = MAX (0.0, 1.0 - mean_tokens / allocated);
  return TRUE;
}

/**
 * mls_calc_speculative_branch_capacity:
 * @memory: the memory free for the KV cache
 * @prefix_tokens: the tokens of the shared prompt l_p
 * @branch_tokens: the tokens each branch adds l_b, at least 1
 * @bytes_per_token: the KV-cache bytes per token (all layers)
 * @copy_on_write: whether branches share the prefix pages (copy-on-write)
 * @page_size: the tokens per page p, at least 1 with copy-on-write
 * @out_branches: (out): how many branches fit
 * @error: return location for a #GError
 *
 * How many parallel branches (speculative or sampled continuations) fit in @memory. Without
 * sharing each branch holds the prefix too: ⌊M / ((l_p + l_b)·k)⌋. With copy-on-write pages
 * the prefix is stored once and each branch holds its tokens plus at most one copied page:
 * ⌊(M − l_p·k) / ((l_b + p)·k)⌋, or 0 when the prefix does not fit (Kwon et al., SOSP 2023,
 * §4.4).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_speculative_branch_capacity (const MlsQuantity *memory,
                                      guint              prefix_tokens,
                                      guint              branch_tokens,
                                      const MlsQuantity *bytes_per_token,
                                      gboolean           copy_on_write,
                                      guint              page_size,
                                      guint64           *out_branches,
                                      GError           **error)
{
  if (!mls_formula_check_nonnegative (memory, MLS_KIND_DATA, "memory", error) ||
      !mls_formula_check_count (branch_tokens, 1, "branch_tokens", error) ||
      !mls_formula_check_positive (bytes_per_token, MLS_KIND_DATA, "bytes_per_token", error) ||
      (copy_on_write && !mls_formula_check_count (page_size, 1, "page_size", error)))
    return FALSE;

  double k = bytes_per_token->value;
  double n;

  if (!copy_on_write)
    n = memory->value / (((double) prefix_tokens + branch_tokens) * k);
  else
    {
      double left = memory->value - prefix_tokens * k;
      n = left <= 0.0 ? 0.0 : left / (((double) branch_tokens + page_size) * k);
    }
  *out_branches = (guint64) floor (n);
  return TRUE;
}

/**
 * mls_calc_training_state_memory:
 * @params: the model's parameters P
 * @tp_size: the tensor-parallel degree, at least 1
 * @pp_size: the pipeline-parallel degree, at least 1
 * @ep_size: the expert-parallel degree, at least 1
 * @dp_size: the data-parallel degree ZeRO shards over, at least 1
 * @zero_stage: the ZeRO stage, 0 to 3
 * @trainable_fraction: the fraction of parameters trained (1 for full fine-tuning), in [0, 1]
 * @bytes_per_param: the weight and gradient precision, such as “2 B” at fp16
 * @optimizer_bytes: the optimizer state per trained parameter, such as the
 *   registry's 12 B for Adam (fp32 master copy, momentum, variance) or 0 B without one
 * @out_weights: (out caller-allocates): the weights per device
 * @out_gradients: (out caller-allocates): the gradients per device
 * @out_optimizer_state: (out caller-allocates): the optimizer state per device
 * @error: return location for a #GError
 *
 * Model state per device under 3D/4D parallelism and ZeRO (Rajbhandari et al., "ZeRO: memory
 * optimizations toward training trillion parameter models", SC 2020, §5). Each device holds
 * P' = P/(tp·pp·ep) parameters and trains f·P' of them:
 *
 * - weights = P'·b, gradients = f·P'·b, optimizer = f·P'·k;
 * - ZeRO stage 1 divides the optimizer state by dp, stage 2 also the gradients, stage 3 also
 *   the weights.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_training_state_memory (double             params,
                                guint              tp_size,
                                guint              pp_size,
                                guint              ep_size,
                                guint              dp_size,
                                guint              zero_stage,
                                double             trainable_fraction,
                                const MlsQuantity *bytes_per_param,
                                const MlsQuantity *optimizer_bytes,
                                MlsQuantity       *out_weights,
                                MlsQuantity       *out_gradients,
                                MlsQuantity       *out_optimizer_state,
                                GError           **error)
{
  if (!mls_formula_check_number_nonneg (params, "params", error) ||
      !mls_formula_check_count (tp_size, 1, "tp_size", error) ||
      !mls_formula_check_count (pp_size, 1, "pp_size", error) ||
      !mls_formula_check_count (ep_size, 1, "ep_size", error) ||
      !mls_formula_check_count (dp_size, 1, "dp_size", error) ||
      !mls_formula_check_fraction (trainable_fraction, "trainable_fraction", error) ||
      !mls_formula_check_positive (bytes_per_param, MLS_KIND_DATA, "bytes_per_param", error) ||
      !mls_formula_check_nonnegative (optimizer_bytes, MLS_KIND_DATA,
                                      "optimizer_bytes", error))
    return FALSE;
  if (zero_stage > 3)
    {
      g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
                   _("zero_stage must be 0, 1, 2 or 3; got %u"), zero_stage);
      return FALSE;
    }

  double per_rank = params / ((double) tp_size * pp_size * ep_size);
  double trainable = per_rank * trainable_fraction;
  double weights = per_rank * bytes_per_param->value;
  double gradients = trainable * bytes_per_param->value;
  double optimizer = trainable * optimizer_bytes->value;

  if (zero_stage >= 1)
    optimizer /= dp_size;
  if (zero_stage >= 2)
    gradients /= dp_size;
  if (zero_stage >= 3)
    weights /= dp_size;

  mls_formula_set (out_weights, weights, MLS_KIND_DATA);
  mls_formula_set (out_gradients, gradients, MLS_KIND_DATA);
  mls_formula_set (out_optimizer_state, optimizer, MLS_KIND_DATA);
  return TRUE;
}

/**
 * mls_calc_communication_buffer_memory:
 * @gradients: the gradient memory per device
 * @buffer_fraction: the fraction of the gradients held again in bucketed all-reduce buffers,
 *   such as the reference's 0.05, in [0, 1]
 * @pp_size: the pipeline-parallel degree, at least 1
 * @microbatch_size: the microbatch size b
 * @seq_len: the sequence length s
 * @hidden_dim: the hidden size h
 * @bytes_per_element: the activation precision, such as “2 B” at fp16
 * @out: (out caller-allocates): the buffer memory per device
 * @error: return location for a #GError
 *
 * Communication buffers, G·f + (pp > 1 ? 2·b·s·h·bytes : 0): gradient buckets for the
 * data-parallel all-reduce (Li et al., "PyTorch Distributed", VLDB 2020, §3.2.3) and, with a
 * pipeline, one activation tensor received and one sent per stage (the reference's
 * TrainingMemoryModel).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_communication_buffer_memory (const MlsQuantity *gradients,
                                      double             buffer_fraction,
                                      guint              pp_size,
                                      guint              microbatch_size,
                                      guint              seq_len,
                                      guint              hidden_dim,
                                      const MlsQuantity *bytes_per_element,
                                      MlsQuantity       *out,
                                      GError           **error)
{
  if (!mls_formula_check_nonnegative (gradients, MLS_KIND_DATA, "gradients", error) ||
      !mls_formula_check_fraction (buffer_fraction, "buffer_fraction", error) ||
      !mls_formula_check_count (pp_size, 1, "pp_size", error) ||
      !mls_formula_check_positive (bytes_per_element, MLS_KIND_DATA, "bytes_per_element", error))
    return FALSE;

  double buffers = gradients->value * buffer_fraction;
  if (pp_size > 1)
    /* 2: the activation received from the previous stage and the one sent to the next */
    buffers += 2.0 * microbatch_size * (double) seq_len * hidden_dim * bytes_per_element->value;

  mls_formula_set (out, buffers, MLS_KIND_DATA);
  return TRUE;
}
