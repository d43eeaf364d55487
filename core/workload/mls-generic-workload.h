/* mls-generic-workload.h — a workload known only by size and operations
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-workload.h"

G_BEGIN_DECLS

#define MLS_TYPE_GENERIC_WORKLOAD (mls_generic_workload_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsGenericWorkload, mls_generic_workload, MLS, GENERIC_WORKLOAD, MlsWorkload)


G_END_DECLS
