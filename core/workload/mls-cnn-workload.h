/* mls-cnn-workload.h — a convolutional network
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-workload.h"

G_BEGIN_DECLS

#define MLS_TYPE_CNN_WORKLOAD (mls_cnn_workload_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsCnnWorkload, mls_cnn_workload, MLS, CNN_WORKLOAD, MlsWorkload)


G_END_DECLS
