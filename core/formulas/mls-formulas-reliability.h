/* mls-formulas-reliability.h — failures, checkpoints and availability
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <glib-object.h>

#include "mls-quantity.h"
#include "mls-version-macros.h"

G_BEGIN_DECLS

MLS_AVAILABLE_IN_ALL
gboolean mls_calc_young_daly_interval   (const MlsQuantity *checkpoint_time,
                                         const MlsQuantity *mtbf,
                                         MlsQuantity       *out,
                                         GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_mtbf_cluster          (const MlsQuantity *node_mtbf,
                                         guint              n_nodes,
                                         double             correlation_factor,
                                         MlsQuantity       *out,
                                         GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_mtbf_node             (const MlsQuantity *gpu_mtbf,
                                         guint              n_gpus,
                                         const MlsQuantity *nic_mtbf,
                                         guint              n_nics,
                                         const MlsQuantity *psu_mtbf,
                                         guint              n_psus,
                                         const MlsQuantity *other_mtbf,
                                         guint              n_other,
                                         MlsQuantity       *out,
                                         GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_availability_stacked  (double             availability,
                                         guint              n_replicas,
                                         double            *out_availability,
                                         GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_failure_probability   (const MlsQuantity *mtbf,
                                         const MlsQuantity *duration,
                                         double            *out_probability,
                                         GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_expected_failures     (const MlsQuantity *mtbf,
                                         const MlsQuantity *duration,
                                         double            *out_failures,
                                         GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_checkpoint_goodput    (const MlsQuantity *checkpoint_time,
                                         const MlsQuantity *checkpoint_interval,
                                         const MlsQuantity *recovery_time,
                                         const MlsQuantity *mtbf,
                                         double            *out_goodput,
                                         GError           **error);

G_END_DECLS
