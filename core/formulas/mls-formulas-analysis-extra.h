/* mls-formulas-analysis-extra.h — the analysis solvers' and optimisers' equations: inverted
 * roofline, sensitivity, carbon-priced cost, parallel MFU, request service time
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
gboolean mls_calc_required_bandwidth    (const MlsQuantity *bytes,
                                         const MlsQuantity *target_latency,
                                         MlsQuantity       *out,
                                         GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_required_flops        (const MlsQuantity *ops,
                                         const MlsQuantity *target_latency,
                                         double             efficiency,
                                         MlsQuantity       *out,
                                         GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_relative_sensitivity  (const MlsQuantity *baseline,
                                         const MlsQuantity *perturbed,
                                         double            *out,
                                         GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_carbon_priced_cost    (const MlsQuantity *cost,
                                         const MlsQuantity *carbon,
                                         const MlsQuantity *carbon_price,
                                         MlsQuantity       *out,
                                         GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_parallelism_mfu       (double             scaling_efficiency,
                                         double             efficiency,
                                         double            *out,
                                         GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_request_service_time  (const MlsQuantity *ttft,
                                         const MlsQuantity *itl,
                                         double             output_tokens,
                                         MlsQuantity       *out,
                                         GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_batch_arrival_rate    (const MlsQuantity *request_rate,
                                         double             batch_size,
                                         MlsQuantity       *out,
                                         GError           **error);

G_END_DECLS
