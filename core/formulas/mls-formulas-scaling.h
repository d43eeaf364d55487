/* mls-formulas-scaling.h — compute-optimal model and data sizes
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
gboolean mls_calc_compute_budget     (const MlsQuantity *device_time,
                                      const MlsQuantity *peak_flops,
                                      double             utilization,
                                      MlsQuantity       *out,
                                      GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_chinchilla_optimal (const MlsQuantity *compute_budget,
                                      double             tokens_per_param,
                                      double            *out_params,
                                      double            *out_tokens,
                                      GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_training_tokens    (const MlsQuantity *compute_budget,
                                      double             params,
                                      double            *out_tokens,
                                      GError           **error);

G_END_DECLS
