/* mls-recommendation-workload.h — a recommendation model with embedding tables
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-workload.h"

G_BEGIN_DECLS

#define MLS_TYPE_RECOMMENDATION_WORKLOAD (mls_recommendation_workload_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsRecommendationWorkload, mls_recommendation_workload, MLS, RECOMMENDATION_WORKLOAD,
                      MlsWorkload)

MLS_AVAILABLE_IN_ALL
double mls_recommendation_workload_get_embedding_entries (MlsRecommendationWorkload *self);

G_END_DECLS
