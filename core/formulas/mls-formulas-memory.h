/* mls-formulas-memory.h — memory footprints: weights, activations, KV caches, training state
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <glib-object.h>

#include "mls-quantity.h"
#include "mls-version-macros.h"

G_BEGIN_DECLS

/**
 * MlsActivationCheckpointing:
 * @MLS_ACTIVATION_CHECKPOINTING_NONE: keep every activation (needs the attention heads)
 * @MLS_ACTIVATION_CHECKPOINTING_SELECTIVE: recompute the attention scores, keep the rest
 * @MLS_ACTIVATION_CHECKPOINTING_FULL: keep only each layer's input and recompute the layer
 *
 * How much of a Transformer's activations are kept for the backward pass (Korthikanti et al.,
 * "Reducing activation recomputation in large transformer models", MLSys 2023).
 */
typedef enum
{
  MLS_ACTIVATION_CHECKPOINTING_NONE,
  MLS_ACTIVATION_CHECKPOINTING_SELECTIVE,
  MLS_ACTIVATION_CHECKPOINTING_FULL,
} MlsActivationCheckpointing;

MLS_AVAILABLE_IN_ALL
gboolean mls_activation_checkpointing_parse   (const char                 *name,
                                               MlsActivationCheckpointing *out_strategy,
                                               GError                    **error);

MLS_AVAILABLE_IN_ALL
gboolean mls_calc_model_memory                (double                      params,
                                               const MlsQuantity          *bytes_per_param,
                                               MlsQuantity                *out,
                                               GError                    **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_checkpoint_size             (double                      params,
                                               const MlsQuantity          *bytes_per_param,
                                               MlsQuantity                *out,
                                               GError                    **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_activation_memory           (guint                       n_layers,
                                               guint                       seq_len,
                                               guint                       batch_size,
                                               guint                       hidden_dim,
                                               guint                       n_heads,
                                               const MlsQuantity          *bytes_per_element,
                                               MlsActivationCheckpointing  strategy,
                                               MlsQuantity                *out,
                                               GError                    **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_kv_cache_size               (guint                       n_layers,
                                               guint                       n_kv_heads,
                                               guint                       head_dim,
                                               guint                       seq_len,
                                               guint                       batch_size,
                                               const MlsQuantity          *bytes_per_element,
                                               const MlsQuantity          *kv_bytes_per_element,
                                               MlsQuantity                *out,
                                               GError                    **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_mla_cache_size              (guint                       n_layers,
                                               guint                       kv_lora_rank,
                                               guint                       qk_rope_head_dim,
                                               guint                       seq_len,
                                               guint                       batch_size,
                                               const MlsQuantity          *bytes_per_element,
                                               MlsQuantity                *out,
                                               GError                    **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_paged_kv_cache_size         (guint                       n_layers,
                                               guint                       n_kv_heads,
                                               guint                       head_dim,
                                               guint                       seq_len,
                                               guint                       batch_size,
                                               guint                       page_size,
                                               const MlsQuantity          *bytes_per_element,
                                               MlsQuantity                *out_size,
                                               double                     *out_fragmentation,
                                               GError                    **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_capped_exponential_scale    (double                      mean_tokens,
                                               double                      max_tokens,
                                               double                     *out_scale,
                                               GError                    **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_expected_paged_kv_tokens    (double                      mean_tokens,
                                               guint                       max_seq_len,
                                               guint                       page_size,
                                               double                     *out_tokens,
                                               double                     *out_fragmentation,
                                               GError                    **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_speculative_branch_capacity (const MlsQuantity          *memory,
                                               guint                       prefix_tokens,
                                               guint                       branch_tokens,
                                               const MlsQuantity          *bytes_per_token,
                                               gboolean                    copy_on_write,
                                               guint                       page_size,
                                               guint64                    *out_branches,
                                               GError                    **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_training_state_memory       (double                      params,
                                               guint                       tp_size,
                                               guint                       pp_size,
                                               guint                       ep_size,
                                               guint                       dp_size,
                                               guint                       zero_stage,
                                               double                      trainable_fraction,
                                               const MlsQuantity          *bytes_per_param,
                                               const MlsQuantity          *optimizer_bytes,
                                               MlsQuantity                *out_weights,
                                               MlsQuantity                *out_gradients,
                                               MlsQuantity                *out_optimizer_state,
                                               GError                    **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_communication_buffer_memory (const MlsQuantity          *gradients,
                                               double                      buffer_fraction,
                                               guint                       pp_size,
                                               guint                       microbatch_size,
                                               guint                       seq_len,
                                               guint                       hidden_dim,
                                               const MlsQuantity          *bytes_per_element,
                                               MlsQuantity                *out,
                                               GError                    **error);

G_END_DECLS
