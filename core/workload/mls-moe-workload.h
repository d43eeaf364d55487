/* mls-moe-workload.h — a sparse mixture-of-experts transformer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-transformer-workload.h"

G_BEGIN_DECLS

#define MLS_TYPE_MOE_WORKLOAD (mls_moe_workload_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsMoeWorkload, mls_moe_workload, MLS, MOE_WORKLOAD, MlsTransformerWorkload)

MLS_AVAILABLE_IN_ALL
guint mls_moe_workload_get_experts        (MlsMoeWorkload *self);
MLS_AVAILABLE_IN_ALL
guint mls_moe_workload_get_active_experts (MlsMoeWorkload *self);

G_END_DECLS
