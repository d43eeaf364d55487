/* mls-formulas-serving.h — queueing and speculative decoding
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
gboolean mls_calc_queue_latency_mmc           (const MlsQuantity *arrival_rate,
                                               const MlsQuantity *service_rate,
                                               guint              n_servers,
                                               double            *out_utilization,
                                               MlsQuantity       *out_p50_wait,
                                               MlsQuantity       *out_p99_wait,
                                               GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_queue_latency_md1           (const MlsQuantity *arrival_rate,
                                               const MlsQuantity *service_rate,
                                               double            *out_utilization,
                                               MlsQuantity       *out_mean_wait,
                                               double            *out_queue_length,
                                               GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_kingman_factor              (double             service_time_cv,
                                               double            *out_factor,
                                               GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_speculative_expected_tokens (double             acceptance_rate,
                                               guint              draft_tokens,
                                               double            *out_tokens,
                                               GError           **error);

G_END_DECLS
