/* mls-workload-private.h — helpers shared by the workload kinds (not installed)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "mls-workload.h"

G_BEGIN_DECLS

/* Fills @out from operations [FLOP], parameters, weight bytes [B] and layers; the
 * arithmetic intensity is ops / weight bytes (0 without weights). */
void     mls_workload_fill_graph        (MlsComputationGraph *out,
                                         double               ops,
                                         double               parameters,
                                         double               weight_bytes,
                                         guint                layers);
/* The default lowering (inventory §3, Workload.lower): weights = P·bpe, or model_size when
 * the parameter count is unknown; ops per pass = @ops_per_pass when > 0, else
 * inference_flops, else 2·P. */
gboolean mls_workload_lower_default     (MlsWorkload         *self,
                                         double               bytes_per_element,
                                         double               ops_per_pass,
                                         MlsComputationGraph *out,
                                         GError             **error);
/* A kind-specific "needs field" check, for finish(). */
gboolean mls_workload_require           (MlsWorkload         *self,
                                         const char          *path,
                                         GError             **error);

G_END_DECLS
