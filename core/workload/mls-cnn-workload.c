/* mls-cnn-workload.c — a convolutional network
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "mlsysim.h"
#include "mls-workload-private.h"

/**
 * MlsCnnWorkload:
 *
 * A convolutional network (ResNet, MobileNet, YOLO). Its operations do not follow from the
 * parameter count (weights are reused across the image), so `inference_flops` per input is
 * required alongside `parameters`.
 */

struct _MlsCnnWorkload
{
  MlsWorkload parent_instance;
};

G_DEFINE_FINAL_TYPE (MlsCnnWorkload, mls_cnn_workload, MLS_TYPE_WORKLOAD)

static gboolean
mls_cnn_workload_finish (MlsEntry *entry,
                         GError  **error)
{
  if (!MLS_ENTRY_CLASS (mls_cnn_workload_parent_class)->finish (entry, error))
    return FALSE;
  return mls_workload_require (MLS_WORKLOAD (entry), "parameters", error) &&
         mls_workload_require (MLS_WORKLOAD (entry), "inference_flops", error);
}

static void
mls_cnn_workload_class_init (MlsCnnWorkloadClass *klass)
{
  MLS_ENTRY_CLASS (klass)->finish = mls_cnn_workload_finish;
  MLS_WORKLOAD_CLASS (klass)->kind = MLS_WORKLOAD_CNN;
}

static void
mls_cnn_workload_init (MlsCnnWorkload *self)
{
}
