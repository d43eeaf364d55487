/* mls-ssm-workload.h — a state-space model (Mamba)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-workload.h"

G_BEGIN_DECLS

#define MLS_TYPE_SSM_WORKLOAD (mls_ssm_workload_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsSsmWorkload, mls_ssm_workload, MLS, SSM_WORKLOAD, MlsWorkload)

MLS_AVAILABLE_IN_ALL
guint    mls_ssm_workload_get_state_size       (MlsSsmWorkload *self);
MLS_AVAILABLE_IN_ALL
gboolean mls_ssm_workload_state_cache_size     (MlsSsmWorkload *self,
                                                guint           batch,
                                                double          bytes_per_element,
                                                MlsQuantity    *out);

G_END_DECLS
