/* mls-node.h — Layer D: a server holding several accelerators
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-entry.h"

G_BEGIN_DECLS

#define MLS_TYPE_NODE (mls_node_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsNode, mls_node, MLS, NODE, MlsEntry)

MLS_AVAILABLE_IN_ALL
MlsNode           *mls_node_new                       (const char        *name,
                                                       MlsEntry          *accelerator,
                                                       guint              accelerators_per_node,
                                                       const MlsQuantity *intra_node_bw,
                                                       GError           **error);
MLS_AVAILABLE_IN_ALL
MlsEntry          *mls_node_get_accelerator           (MlsNode *self);
MLS_AVAILABLE_IN_ALL
guint              mls_node_get_accelerators_per_node (MlsNode *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_node_get_intra_node_bandwidth  (MlsNode *self);
MLS_AVAILABLE_IN_ALL
guint              mls_node_get_nics_per_node         (MlsNode *self);
MLS_AVAILABLE_IN_ALL
guint              mls_node_get_psus_per_node         (MlsNode *self);

G_END_DECLS
