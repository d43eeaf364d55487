/* mls-formulas-transformer.h — FLOP counts of Transformer training and inference
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

MLS_AVAILABLE_IN_ALL
gboolean mls_calc_transformer_training_flops        (double       params,
                                                     double       tokens,
                                                     MlsQuantity *out,
                                                     GError     **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_transformer_decode_flops          (double       params,
                                                     double       tokens,
                                                     MlsQuantity *out,
                                                     GError     **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_transformer_prefill_flops         (double       params,
                                                     guint        seq_len,
                                                     guint        n_layers,
                                                     guint        hidden_dim,
                                                     gboolean     causal,
                                                     MlsQuantity *out,
                                                     GError     **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_transformer_context_prefill_flops (double       params,
                                                     guint        new_tokens,
                                                     guint        context_tokens,
                                                     guint        batch_size,
                                                     guint        n_layers,
                                                     guint        attention_dim,
                                                     gboolean     causal,
                                                     MlsQuantity *out,
                                                     GError     **error);

G_END_DECLS
