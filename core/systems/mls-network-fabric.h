/* mls-network-fabric.h — Layer D: the network between nodes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-entry.h"

G_BEGIN_DECLS

#define MLS_TYPE_NETWORK_FABRIC (mls_network_fabric_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsNetworkFabric, mls_network_fabric, MLS, NETWORK_FABRIC, MlsEntry)

MLS_AVAILABLE_IN_ALL
MlsNetworkFabric  *mls_network_fabric_new                  (const char        *name,
                                                            const MlsQuantity *bandwidth,
                                                            const MlsQuantity *latency,
                                                            double             oversubscription,
                                                            GError           **error);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_network_fabric_get_bandwidth        (MlsNetworkFabric  *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_network_fabric_get_latency          (MlsNetworkFabric  *self);
MLS_AVAILABLE_IN_ALL
double             mls_network_fabric_get_oversubscription (MlsNetworkFabric  *self);
MLS_AVAILABLE_IN_ALL
const char        *mls_network_fabric_get_topology         (MlsNetworkFabric  *self);

G_END_DECLS
