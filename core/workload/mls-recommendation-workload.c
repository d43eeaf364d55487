/* mls-recommendation-workload.c — a recommendation model with embedding tables
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "mlsysim.h"
#include "mls-workload-private.h"

/**
 * MlsRecommendationWorkload:
 *
 * A recommendation model (DLRM), dominated by embedding tables: it is often known by its
 * stored `model_size` rather than a parameter count, and lowering then takes the weights from
 * that size.
 */

struct _MlsRecommendationWorkload
{
  MlsWorkload parent_instance;
};

G_DEFINE_FINAL_TYPE (MlsRecommendationWorkload, mls_recommendation_workload,
                     MLS_TYPE_WORKLOAD)

static void
mls_recommendation_workload_class_init (MlsRecommendationWorkloadClass *klass)
{
  MLS_WORKLOAD_CLASS (klass)->kind = MLS_WORKLOAD_RECOMMENDATION;
}

static void
mls_recommendation_workload_init (MlsRecommendationWorkload *self)
{
}

/**
 * mls_recommendation_workload_get_embedding_entries:
 * @self: a #MlsRecommendationWorkload
 *
 * Returns: the rows of the embedding tables, 0 when unknown
 */
double
mls_recommendation_workload_get_embedding_entries (MlsRecommendationWorkload *self)
{
  double entries = 0;

  g_return_val_if_fail (MLS_IS_RECOMMENDATION_WORKLOAD (self), 0);
  mls_entry_get_number (MLS_ENTRY (self), "embedding_entries", &entries, NULL);
  return entries;
}
