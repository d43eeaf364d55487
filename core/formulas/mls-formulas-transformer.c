/* mls-formulas-transformer.c — FLOP counts of Transformer training and inference
 *
 * The counts follow Kaplan et al., "Scaling laws for neural language models", 2020, §2.1 and
 * table 1: a forward pass costs 2 FLOP per parameter per token (one multiply-add), the
 * backward pass twice that, and attention adds 2·n_layer·n_ctx·d_attn per token for the
 * scores and as much again for the weighted sum.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "mls-formulas-private.h"
#include "mls-formulas-transformer.h"

/* FLOP per attention element (query position × key position × channel): 2 for QKᵀ and 2 for
 * the weighted sum of V; a causal mask halves the keys seen on average. */
static double
attention_factor (gboolean causal)
{
  return causal ? 2.0 : 4.0;
}

/**
 * mls_calc_transformer_training_flops:
 * @params: the model's parameters P
 * @tokens: the training tokens D
 * @out: (out caller-allocates): the training compute, 6·P·D
 * @error: return location for a #GError
 *
 * Training compute, C = 6·P·D: 2 FLOP per parameter per token forward and 4 backward (Kaplan
 * et al., 2020, eq. 2.1; Hoffmann et al., "Chinchilla", 2022).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is negative
 */
gboolean
mls_calc_transformer_training_flops (double       params,
                                     double       tokens,
                                     MlsQuantity *out,
                                     GError     **error)
{
  if (!mls_formula_check_number_nonneg (params, "params", error) ||
      !mls_formula_check_number_nonneg (tokens, "tokens", error))
    return FALSE;

  mls_formula_set (out, 6.0 * params * tokens, MLS_KIND_OPS);
  return TRUE;
}

/**
 * mls_calc_transformer_decode_flops:
 * @params: the model's parameters P
 * @tokens: the tokens generated
 * @out: (out caller-allocates): the decode compute, 2·P·tokens
 * @error: return location for a #GError
 *
 * Decode compute, C = 2·P per generated token (one multiply-add per parameter; Kaplan et al.,
 * 2020, table 1), without the attention term, which is small for short contexts.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is negative
 */
gboolean
mls_calc_transformer_decode_flops (double       params,
                                   double       tokens,
                                   MlsQuantity *out,
                                   GError     **error)
{
  if (!mls_formula_check_number_nonneg (params, "params", error) ||
      !mls_formula_check_number_nonneg (tokens, "tokens", error))
    return FALSE;

  mls_formula_set (out, 2.0 * params * tokens, MLS_KIND_OPS);
  return TRUE;
}

/**
 * mls_calc_transformer_prefill_flops:
 * @params: the model's parameters P
 * @seq_len: the prompt length S
 * @n_layers: the layers L, or 0 to leave out the attention term
 * @hidden_dim: the hidden size h, or 0 to leave out the attention term
 * @causal: whether attention is masked causally (decoder models)
 * @out: (out caller-allocates): the prefill compute
 * @error: return location for a #GError
 *
 * Prefill compute, C = 2·P·S + k·L·h·S² with k = 2 for causal and 4 for full attention (Kaplan
 * et al., 2020, table 1). The attention term is added only when both @n_layers and @hidden_dim
 * are given.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if @params is negative
 */
gboolean
mls_calc_transformer_prefill_flops (double       params,
                                    guint        seq_len,
                                    guint        n_layers,
                                    guint        hidden_dim,
                                    gboolean     causal,
                                    MlsQuantity *out,
                                    GError     **error)
{
  if (!mls_formula_check_number_nonneg (params, "params", error))
    return FALSE;

  double s = seq_len;
  double flops = 2.0 * params * s;
  if (n_layers > 0 && hidden_dim > 0)
    flops += attention_factor (causal) * n_layers * (double) hidden_dim * s * s;

  mls_formula_set (out, flops, MLS_KIND_OPS);
  return TRUE;
}

/**
 * mls_calc_transformer_context_prefill_flops:
 * @params: the model's parameters P
 * @new_tokens: the prompt tokens computed now n (after a prefix-cache hit, or one chunk)
 * @context_tokens: the tokens they attend to S (the whole prompt)
 * @batch_size: the sequences B
 * @n_layers: the layers L
 * @attention_dim: the width of attention, heads × head dimension
 * @causal: whether to count causal (k = 2) or full (k = 4) attention
 * @out: (out caller-allocates): the prefill compute
 * @error: return location for a #GError
 *
 * Prefill compute for @new_tokens of a @context_tokens prompt,
 * C = B·(2·P·n + k·L·d·n·S) (Kaplan et al., 2020, table 1, with n query positions over S key
 * positions). With n = S it is mls_calc_transformer_prefill_flops() times B. The reference's
 * serving solvers count full attention (k = 4, @causal %FALSE) although their comment says 2.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if @params is negative
 */
gboolean
mls_calc_transformer_context_prefill_flops (double       params,
                                            guint        new_tokens,
                                            guint        context_tokens,
                                            guint        batch_size,
                                            guint        n_layers,
                                            guint        attention_dim,
                                            gboolean     causal,
                                            MlsQuantity *out,
                                            GError     **error)
{
  if (!mls_formula_check_number_nonneg (params, "params", error))
    return FALSE;

  double n = new_tokens;
  double linear = 2.0 * params * n;
  double attention = attention_factor (causal) * n_layers * (double) attention_dim * n *
                     context_tokens;

  mls_formula_set (out, batch_size * (linear + attention), MLS_KIND_OPS);
  return TRUE;
}
