/* mls-datacenter.h — Layer C: a site on a grid, with its own PUE
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-entry.h"

G_BEGIN_DECLS

#define MLS_TYPE_DATACENTER (mls_datacenter_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsDatacenter, mls_datacenter, MLS, DATACENTER, MlsEntry)

MLS_AVAILABLE_IN_ALL
MlsEntry *mls_datacenter_get_grid (MlsDatacenter *self);
MLS_AVAILABLE_IN_ALL
double    mls_datacenter_get_pue  (MlsDatacenter *self);

G_END_DECLS
