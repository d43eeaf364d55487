/* mls-fleet.h — Layer D: many nodes on a fabric, in a region
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-entry.h"
#include "mls-node.h"

G_BEGIN_DECLS

#define MLS_TYPE_FLEET (mls_fleet_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsFleet, mls_fleet, MLS, FLEET, MlsEntry)

MLS_AVAILABLE_IN_ALL
MlsFleet *mls_fleet_new                    (const char *name,
                                            MlsNode    *node,
                                            guint       count,
                                            MlsEntry   *fabric,
                                            MlsEntry   *region,
                                            GError    **error);
MLS_AVAILABLE_IN_ALL
MlsNode  *mls_fleet_get_node               (MlsFleet *self);
MLS_AVAILABLE_IN_ALL
guint     mls_fleet_get_count              (MlsFleet *self);
MLS_AVAILABLE_IN_ALL
MlsEntry *mls_fleet_get_fabric             (MlsFleet *self);
MLS_AVAILABLE_IN_ALL
MlsEntry *mls_fleet_get_region             (MlsFleet *self);
MLS_AVAILABLE_IN_ALL
MlsEntry *mls_fleet_get_datacenter         (MlsFleet *self);
MLS_AVAILABLE_IN_ALL
guint     mls_fleet_get_total_accelerators (MlsFleet *self);

G_END_DECLS
