/* mls-formulas-roofline-extra.h — the single-node engine's overhead, traffic, utilisation and
 * power equations
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
gboolean mls_calc_memory_traffic             (const MlsQuantity *weight_bytes,
                                              double             batch_size,
                                              double             activation_fraction,
                                              MlsQuantity       *out,
                                              GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_framework_overhead         (const MlsQuantity *dispatch_tax,
                                              guint              n_layers,
                                              const MlsQuantity *layer_tax,
                                              double             layer_tax_multiplier,
                                              MlsQuantity       *out,
                                              GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_offload_bandwidth          (const MlsQuantity *device_bandwidth,
                                              const MlsQuantity *host_bandwidth,
                                              MlsQuantity       *out,
                                              GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_training_ops               (const MlsQuantity *forward_ops,
                                              double             pass_multiplier,
                                              double             tokens_per_sample,
                                              guint              model_parallel_size,
                                              MlsQuantity       *out,
                                              GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_model_flops_utilization    (const MlsQuantity *ops,
                                              const MlsQuantity *duration,
                                              const MlsQuantity *peak_flops,
                                              double            *out_mfu,
                                              GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_hardware_flops_utilization (double             mfu,
                                              double             recompute_factor,
                                              double            *out_hfu,
                                              GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_utilization_energy         (const MlsQuantity *tdp,
                                              double             idle_fraction,
                                              double             dynamic_fraction,
                                              double             utilization,
                                              const MlsQuantity *duration,
                                              MlsQuantity       *out,
                                              GError           **error);

G_END_DECLS
