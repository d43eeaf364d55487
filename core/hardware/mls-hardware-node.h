/* mls-hardware-node.h — Layer B, supply: one accelerator or board
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-entry.h"
#include "mls-precision.h"

G_BEGIN_DECLS

/**
 * MlsHardwareTier:
 * @MLS_TIER_CLOUD: datacenter accelerators
 * @MLS_TIER_WORKSTATION: desktop and laptop machines
 * @MLS_TIER_MOBILE: phones and tablets
 * @MLS_TIER_EDGE: embedded and automotive boards
 * @MLS_TIER_TINY: microcontrollers
 *
 * Deployment tiers, from a 100,000-GPU fleet down to a $2 microcontroller.
 */
typedef enum
{
  MLS_TIER_CLOUD,
  MLS_TIER_WORKSTATION,
  MLS_TIER_MOBILE,
  MLS_TIER_EDGE,
  MLS_TIER_TINY,
} MlsHardwareTier;

/**
 * MlsMemoryPath:
 * @MLS_MEMORY_PATH_PRIMARY: the primary memory (HBM, DRAM)
 * @MLS_MEMORY_PATH_SRAM: on-chip SRAM, when the weights fit in it
 * @MLS_MEMORY_PATH_FLASH: flash, for microcontrollers that stream weights from it
 * @MLS_MEMORY_PATH_OFFLOAD: host memory over the host link, when the footprint does not fit
 *
 * Where the weights stream from.
 */
typedef enum
{
  MLS_MEMORY_PATH_PRIMARY,
  MLS_MEMORY_PATH_SRAM,
  MLS_MEMORY_PATH_FLASH,
  MLS_MEMORY_PATH_OFFLOAD,
} MlsMemoryPath;

#define MLS_TYPE_HARDWARE_NODE (mls_hardware_node_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsHardwareNode, mls_hardware_node, MLS, HARDWARE_NODE, MlsEntry)

MLS_AVAILABLE_IN_ALL
MlsHardwareTier mls_hardware_node_get_tier            (MlsHardwareNode *self);
MLS_AVAILABLE_IN_ALL
const char     *mls_hardware_tier_to_string           (MlsHardwareTier  tier);
MLS_AVAILABLE_IN_ALL
gint            mls_hardware_node_get_release_year    (MlsHardwareNode *self);

/* Hot-path accessors: cached quantities owned by the node (transfer none), never NULL; the
 * value is 0 when the datasheet gives none. */
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_hardware_node_get_peak_flops   (MlsHardwareNode *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_hardware_node_get_flops_for          (MlsHardwareNode *self,
                                                   MlsPrecision     precision,
                                                   gboolean        *out_exact);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_hardware_node_get_memory_capacity    (MlsHardwareNode *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_hardware_node_get_memory_bandwidth   (MlsHardwareNode *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_hardware_node_get_sram_capacity      (MlsHardwareNode *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_hardware_node_get_sram_bandwidth     (MlsHardwareNode *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_hardware_node_get_flash_capacity     (MlsHardwareNode *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_hardware_node_get_flash_bandwidth    (MlsHardwareNode *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_hardware_node_get_host_bandwidth     (MlsHardwareNode *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_hardware_node_get_storage_bandwidth  (MlsHardwareNode *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_hardware_node_get_intra_node_bandwidth (MlsHardwareNode *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_hardware_node_get_intra_node_latency (MlsHardwareNode *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_hardware_node_get_tdp                (MlsHardwareNode *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_hardware_node_get_unit_cost          (MlsHardwareNode *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_hardware_node_get_dispatch_tax       (MlsHardwareNode *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_hardware_node_get_embodied_carbon    (MlsHardwareNode *self);
MLS_AVAILABLE_IN_ALL
guint    mls_hardware_node_get_accelerator_count  (MlsHardwareNode *self);

MLS_AVAILABLE_IN_ALL
gboolean mls_hardware_node_ridge_point            (MlsHardwareNode *self,
                                                   MlsPrecision     precision,
                                                   MlsQuantity     *out);

G_END_DECLS
