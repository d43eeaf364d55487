/* mls-workload.h — Layer A, demand: what a model asks of any hardware
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-computation-graph.h"
#include "mls-entry.h"
#include "mls-precision.h"

G_BEGIN_DECLS

/**
 * MlsWorkloadKind:
 * @MLS_WORKLOAD_GENERIC: a workload known only by size and operations
 * @MLS_WORKLOAD_TRANSFORMER: a dense transformer
 * @MLS_WORKLOAD_MOE: a sparse mixture-of-experts transformer
 * @MLS_WORKLOAD_CNN: a convolutional network
 * @MLS_WORKLOAD_SSM: a state-space model
 * @MLS_WORKLOAD_DIFFUSION: a diffusion model
 * @MLS_WORKLOAD_RECOMMENDATION: a recommendation model with embedding tables
 *
 * Workload families; each is a subclass of #MlsWorkload.
 */
typedef enum
{
  MLS_WORKLOAD_GENERIC,
  MLS_WORKLOAD_TRANSFORMER,
  MLS_WORKLOAD_MOE,
  MLS_WORKLOAD_CNN,
  MLS_WORKLOAD_SSM,
  MLS_WORKLOAD_DIFFUSION,
  MLS_WORKLOAD_RECOMMENDATION,
} MlsWorkloadKind;

#define MLS_TYPE_WORKLOAD (mls_workload_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (MlsWorkload, mls_workload, MLS, WORKLOAD, MlsEntry)

/**
 * MlsWorkloadClass:
 * @parent_class: the parent class
 * @kind: the family
 * @lower_bytes: lowers the workload at a storage size per element to a computation graph
 *   (invoked by mls_workload_lower() and mls_workload_lower_bytes())
 *
 * The class of workloads.
 */
struct _MlsWorkloadClass
{
  MlsEntryClass   parent_class;

  MlsWorkloadKind kind;

  gboolean (*lower_bytes) (MlsWorkload         *self,
                           double               bytes_per_element,
                           MlsComputationGraph *out,
                           GError             **error);

  /*< private >*/
  gpointer _reserved[8];
};

MLS_AVAILABLE_IN_ALL
GType           mls_workload_type_for_kind    (const char          *kind);
MLS_AVAILABLE_IN_ALL
MlsWorkloadKind mls_workload_get_kind         (MlsWorkload         *self);
MLS_AVAILABLE_IN_ALL
gboolean        mls_workload_lower            (MlsWorkload         *self,
                                               MlsPrecision         precision,
                                               MlsComputationGraph *out,
                                               GError             **error);
MLS_AVAILABLE_IN_ALL
gboolean        mls_workload_lower_bytes      (MlsWorkload         *self,
                                               double               bytes_per_element,
                                               MlsComputationGraph *out,
                                               GError             **error);

/* Hot-path accessors: values cached by finish(); 0 when unknown. */
MLS_AVAILABLE_IN_ALL
double          mls_workload_get_parameter_count (MlsWorkload *self);
MLS_AVAILABLE_IN_ALL
double          mls_workload_get_active_parameter_count (MlsWorkload *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_workload_get_inference_ops (MlsWorkload *self);
MLS_AVAILABLE_IN_ALL
guint           mls_workload_get_layers          (MlsWorkload *self);
MLS_AVAILABLE_IN_ALL
guint           mls_workload_get_hidden_dim      (MlsWorkload *self);
MLS_AVAILABLE_IN_ALL
guint           mls_workload_get_heads           (MlsWorkload *self);
MLS_AVAILABLE_IN_ALL
guint           mls_workload_get_kv_heads        (MlsWorkload *self);
MLS_AVAILABLE_IN_ALL
guint           mls_workload_get_head_dim        (MlsWorkload *self);
MLS_AVAILABLE_IN_ALL
gboolean        mls_workload_is_autoregressive   (MlsWorkload *self);

MLS_AVAILABLE_IN_ALL
gboolean        mls_workload_size_in_bytes     (MlsWorkload         *self,
                                                double               bytes_per_element,
                                                MlsQuantity         *out);
MLS_AVAILABLE_IN_ALL
gboolean        mls_workload_kv_cache_size     (MlsWorkload         *self,
                                                guint                seq_len,
                                                guint                batch,
                                                double               bytes_per_element,
                                                MlsQuantity         *out,
                                                GError             **error);

G_END_DECLS
