/* mls-formulas-serving-extra.h — decode step time, speculative decoding and chunked prefill
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
gboolean mls_calc_decode_step_time      (const MlsQuantity *weight_bytes,
                                         const MlsQuantity *kv_cache_bytes,
                                         const MlsQuantity *bandwidth,
                                         guint              n_layers,
                                         const MlsQuantity *layer_tax,
                                         MlsQuantity       *out,
                                         GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_speculative_step_time (const MlsQuantity *draft_step_time,
                                         const MlsQuantity *verify_step_time,
                                         guint              draft_tokens,
                                         double             expected_tokens,
                                         MlsQuantity       *out,
                                         GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_prefill_chunk_count   (guint              new_tokens,
                                         guint              chunk_tokens,
                                         guint             *out_chunks,
                                         GError           **error);

G_END_DECLS
