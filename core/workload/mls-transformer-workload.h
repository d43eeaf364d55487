/* mls-transformer-workload.h — a dense decoder or encoder transformer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-workload.h"

G_BEGIN_DECLS

#define MLS_TYPE_TRANSFORMER_WORKLOAD (mls_transformer_workload_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (MlsTransformerWorkload, mls_transformer_workload, MLS, TRANSFORMER_WORKLOAD,
                          MlsWorkload)

/**
 * MlsTransformerWorkloadClass:
 * @parent_class: the parent class
 *
 * The class of transformer workloads; [class@MoeWorkload] derives from it.
 */
struct _MlsTransformerWorkloadClass
{
  MlsWorkloadClass parent_class;

  /*< private >*/
  gpointer _reserved[4];
};


G_END_DECLS
