/* mls-formulas-distributed-extra.c — parallel training: activation messages, sharded
 * activations, LoRA, MoE routing and the assembly of a distributed step
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mls-formulas-distributed-extra.h"
#include "mls-formulas-private.h"

/**
 * mls_calc_activation_tensor_size:
 * @batch_size: the sequences b in the (micro)batch, zero or more
 * @seq_len: the sequence length s
 * @hidden_dim: the hidden size h
 * @bytes_per_element: the activation precision, such as “2 B” at fp16
 * @out: (out caller-allocates): the size of one activation tensor, b·s·h·bytes
 * @error: return location for a #GError
 *
 * The size of one [b, s, h] activation tensor: the message of each tensor-parallel all-reduce
 * (Shoeybi et al., "Megatron-LM", 2019, §3, the g and f operators) and of each token routed to
 * an expert before the top-k factor (Fedus et al., "Switch Transformers", JMLR 2022, §2.2).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_activation_tensor_size (double             batch_size,
                                 guint              seq_len,
                                 guint              hidden_dim,
                                 const MlsQuantity *bytes_per_element,
                                 MlsQuantity       *out,
                                 GError           **error)
{
  if (!mls_formula_check_number_nonneg (batch_size, "batch_size", error) ||
      !mls_formula_check_positive (bytes_per_element, MLS_KIND_DATA, "bytes_per_element", error))
    return FALSE;

  mls_formula_set (out, batch_size * seq_len * (double) hidden_dim * bytes_per_element->value,
                   MLS_KIND_DATA);
  return TRUE;
}

/**
 * mls_calc_parallel_activation_memory:
 * @n_layers: the layers whose activations one device holds (one pipeline stage's, ⌈L/pp⌉)
 * @seq_len: the sequence length s
 * @batch_size: the (micro)batch size b
 * @hidden_dim: the hidden size h
 * @n_heads: the attention heads a, or 0 when unknown (only needed without recomputation)
 * @tp_size: the tensor-parallel degree t, at least 1
 * @bytes_per_element: the activation precision, such as “2 B” at fp16
 * @strategy: what is recomputed in the backward pass
 * @out: (out caller-allocates): the activation memory of one device
 * @error: return location for a #GError
 *
 * Activation memory per device under tensor and sequence parallelism: every term of
 * mls_calc_activation_memory() is split over the t ranks, s·b·h·(34/t + 5·a·s/(h·t)) per layer
 * without recomputation, 34·s·b·h/t with selective and 2·s·b·h/t with full recomputation
 * (Korthikanti et al., "Reducing activation recomputation in large transformer models",
 * MLSys 2023, §4.2.2 and table 2).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR as
 *   mls_calc_activation_memory(), or if @tp_size is 0
 */
gboolean
mls_calc_parallel_activation_memory (guint                      n_layers,
                                     guint                      seq_len,
                                     guint                      batch_size,
                                     guint                      hidden_dim,
                                     guint                      n_heads,
                                     guint                      tp_size,
                                     const MlsQuantity         *bytes_per_element,
                                     MlsActivationCheckpointing strategy,
                                     MlsQuantity               *out,
                                     GError                   **error)
{
  if (!mls_formula_check_count (tp_size, 1, "tp_size", error) ||
      !mls_calc_activation_memory (n_layers, seq_len, batch_size, hidden_dim, n_heads,
                                   bytes_per_element, strategy, out, error))
    return FALSE;

  out->value /= tp_size;
  return TRUE;
}

/**
 * mls_calc_lora_trainable_fraction:
 * @rank: the adapter rank r, at least 1
 * @hidden_dim: the model width d
 * @n_layers: the layers L
 * @params: the model's parameters P, greater than zero
 * @out_fraction: (out): the fraction of parameters trained, in [0, 1]
 * @error: return location for a #GError
 *
 * The share of parameters a LoRA fine-tune trains when the four attention projections (Q, K, V,
 * O) of every layer carry a rank-r adapter of 2·r·d parameters: min(2·r·d·4·L / P, 1) (Hu et
 * al., "LoRA: low-rank adaptation of large language models", ICLR 2022, §4; the reference's
 * TransformerWorkload.training_memory).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is out of
 *   range
 */
gboolean
mls_calc_lora_trainable_fraction (guint    rank,
                                  guint    hidden_dim,
                                  guint    n_layers,
                                  double   params,
                                  double  *out_fraction,
                                  GError **error)
{
  /* Q, K, V and O: the projections LoRA adapts in each layer (Hu et al., §4.2). */
  const double adapted_per_layer = 4.0;

  if (!mls_formula_check_count (rank, 1, "rank", error) ||
      !mls_formula_check_number_pos (params, "params", error))
    return FALSE;

  *out_fraction = MIN (2.0 * rank * (double) hidden_dim * adapted_per_layer * n_layers / params,
                       1.0);
  return TRUE;
}

/**
 * mls_calc_moe_effective_experts:
 * @n_experts: the experts E of each MoE layer, or 0 when unknown (no cap)
 * @top_k: the experts k each token is routed to, at least 1
 * @imbalance: the routing imbalance factor f, at least 1 (1 is perfectly balanced)
 * @out_experts: (out): the effective experts per token, min(E, k·f)
 * @out_multiplier: (out): the effective over the nominal experts, min(E, k·f) / k
 * @error: return location for a #GError
 *
 * A single-factor model of imbalanced routing: when hot experts are overloaded, a step costs as
 * if each token activated k·f experts, never more than exist (Fedus et al., "Switch
 * Transformers", JMLR 2022, §2.2 on the capacity factor; the reference's MoERoutingModel).
 * The active parameters and the routed traffic grow by the same multiplier.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is out of
 *   range
 */
gboolean
mls_calc_moe_effective_experts (guint    n_experts,
                                guint    top_k,
                                double   imbalance,
                                double  *out_experts,
                                double  *out_multiplier,
                                GError **error)
{
  if (!mls_formula_check_count (top_k, 1, "top_k", error))
    return FALSE;
  if (!(imbalance >= 1.0) || isinf (imbalance))
    {
      g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
                   _("imbalance must be at least 1 (1 is perfectly balanced routing, 1.5 a "
                     "hot expert taking half again its share); got %g"),
                   imbalance);
      return FALSE;
    }

  double experts = top_k * imbalance;

  if (n_experts > 0)
    experts = MIN (experts, (double) n_experts);
  *out_experts = experts;
  *out_multiplier = experts / top_k;
  return TRUE;
}

/**
 * mls_calc_moe_routing_payload:
 * @tokens: the tokens routed in the step, b·s, zero or more
 * @hidden_dim: the hidden size h
 * @bytes_per_element: the activation precision, such as “2 B” at fp16
 * @effective_experts: the experts each token reaches, k times the imbalance multiplier (see
 *   mls_calc_moe_effective_experts()), zero or more
 * @ep_size: the expert-parallel degree, at least 1
 * @out_payload: (out caller-allocates): the routed activations, tokens·h·bytes·experts
 * @out_dispatch: (out caller-allocates): the part that leaves the rank, payload·(ep − 1)/ep
 * @error: return location for a #GError
 *
 * Expert-parallel routing traffic: every token sends its hidden vector to each expert it
 * reaches, and with experts spread uniformly over ep ranks a target is local with probability
 * 1/ep (Lepikhin et al., "GShard", ICLR 2021, §2; the reference's MoERoutingModel). The payload
 * is the message of the all-to-all.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_moe_routing_payload (double             tokens,
                              guint              hidden_dim,
                              const MlsQuantity *bytes_per_element,
                              double             effective_experts,
                              guint              ep_size,
                              MlsQuantity       *out_payload,
                              MlsQuantity       *out_dispatch,
                              GError           **error)
{
  if (!mls_formula_check_number_nonneg (tokens, "tokens", error) ||
      !mls_formula_check_positive (bytes_per_element, MLS_KIND_DATA, "bytes_per_element",
                                   error) ||
      !mls_formula_check_number_nonneg (effective_experts, "effective_experts", error) ||
      !mls_formula_check_count (ep_size, 1, "ep_size", error))
    return FALSE;

  double payload = tokens * hidden_dim * bytes_per_element->value * effective_experts;

  mls_formula_set (out_payload, payload, MLS_KIND_DATA);
  mls_formula_set (out_dispatch, payload * (ep_size - 1.0) / ep_size, MLS_KIND_DATA);
  return TRUE;
}

/**
 * mls_calc_distributed_step_time:
 * @compute_time: the time of one replica's local step (compute, memory and overheads)
 * @dp_comm: the exposed data-parallel gradient all-reduce
 * @tp_comm: the tensor-parallel activation all-reduces
 * @ep_comm: the expert-parallel all-to-all
 * @bubble: the pipeline bubble (idle time of a stage)
 * @dp_hidden_fraction: the fraction of @dp_comm overlapped with the backward pass, in [0, 1]
 *   (0 without overlap, such as the registry's `overlap_efficiency`, 0.85, with it)
 * @straggler_factor: the slowest worker's time over the typical one, at least 1
 * @out: (out caller-allocates): the wall-clock time of one training step
 * @error: return location for a #GError
 *
 * A bulk-synchronous training step: T = s·(T_local + (1 − o)·T_dp + T_tp + T_ep + T_bubble).
 * Tensor-parallel and expert all-to-all traffic sits on the critical path of every layer, the
 * gradient all-reduce can hide behind the backward pass (Narayanan et al., "Efficient large-scale
 * language model training on GPU clusters using Megatron-LM", SC 2021, §3), and the step waits
 * for its slowest worker (Dean and Barroso, "The tail at scale", CACM 2013).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_distributed_step_time (const MlsQuantity *compute_time,
                                const MlsQuantity *dp_comm,
                                const MlsQuantity *tp_comm,
                                const MlsQuantity *ep_comm,
                                const MlsQuantity *bubble,
                                double             dp_hidden_fraction,
                                double             straggler_factor,
                                MlsQuantity       *out,
                                GError           **error)
{
  if (!mls_formula_check_nonnegative (compute_time, MLS_KIND_TIME, "compute_time", error) ||
      !mls_formula_check_nonnegative (dp_comm, MLS_KIND_TIME, "dp_comm", error) ||
      !mls_formula_check_nonnegative (tp_comm, MLS_KIND_TIME, "tp_comm", error) ||
      !mls_formula_check_nonnegative (ep_comm, MLS_KIND_TIME, "ep_comm", error) ||
      !mls_formula_check_nonnegative (bubble, MLS_KIND_TIME, "bubble", error) ||
      !mls_formula_check_fraction (dp_hidden_fraction, "dp_hidden_fraction", error))
    return FALSE;
  if (!(straggler_factor >= 1.0) || isinf (straggler_factor))
    {
      g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
                   _("straggler_factor must be at least 1 (1 when every worker is as fast as "
                     "the typical one); got %g"),
                   straggler_factor);
      return FALSE;
    }

  double step = compute_time->value + dp_comm->value * (1.0 - dp_hidden_fraction) +
                tp_comm->value + ep_comm->value + bubble->value;

  mls_formula_set (out, step * straggler_factor, MLS_KIND_TIME);
  return TRUE;
}
