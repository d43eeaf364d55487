/* mls-formulas-distributed-extra.h — parallel training: activation messages, sharded
 * activations, LoRA, MoE routing and the assembly of a distributed step
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <glib-object.h>

#include "mls-formulas-memory.h"
#include "mls-quantity.h"
#include "mls-version-macros.h"

G_BEGIN_DECLS

MLS_AVAILABLE_IN_ALL
gboolean mls_calc_activation_tensor_size          (double                      batch_size,
                                                   guint                       seq_len,
                                                   guint                       hidden_dim,
                                                   const MlsQuantity          *bytes_per_element,
                                                   MlsQuantity                *out,
                                                   GError                    **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_parallel_activation_memory      (guint                       n_layers,
                                                   guint                       seq_len,
                                                   guint                       batch_size,
                                                   guint                       hidden_dim,
                                                   guint                       n_heads,
                                                   guint                       tp_size,
                                                   const MlsQuantity          *bytes_per_element,
                                                   MlsActivationCheckpointing  strategy,
                                                   MlsQuantity                *out,
                                                   GError                    **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_lora_trainable_fraction         (guint                       rank,
                                                   guint                       hidden_dim,
                                                   guint                       n_layers,
                                                   double                      params,
                                                   double                     *out_fraction,
                                                   GError                    **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_moe_effective_experts           (guint                       n_experts,
                                                   guint                       top_k,
                                                   double                      imbalance,
                                                   double                     *out_experts,
                                                   double                     *out_multiplier,
                                                   GError                    **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_moe_routing_payload             (double                      tokens,
                                                   guint                       hidden_dim,
                                                   const MlsQuantity          *bytes_per_element,
                                                   double                      effective_experts,
                                                   guint                       ep_size,
                                                   MlsQuantity                *out_payload,
                                                   MlsQuantity                *out_dispatch,
                                                   GError                    **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_distributed_step_time           (const MlsQuantity          *compute_time,
                                                   const MlsQuantity          *dp_comm,
                                                   const MlsQuantity          *tp_comm,
                                                   const MlsQuantity          *ep_comm,
                                                   const MlsQuantity          *bubble,
                                                   double                      dp_hidden_fraction,
                                                   double                      straggler_factor,
                                                   MlsQuantity                *out,
                                                   GError                    **error);

G_END_DECLS
