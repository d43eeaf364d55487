/* mls-computation-graph.h — a workload lowered to a precision, independent of hardware
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

/**
 * MlsComputationGraph:
 * @total_ops: operations of one forward pass (per token for language models, per input
 *   otherwise, all denoising steps for diffusion) [FLOP]
 * @parameter_count: parameters stored (a plain count)
 * @weight_bytes: bytes of weights at the lowered precision [B]
 * @arithmetic_intensity: @total_ops per weight byte [FLOP/B]
 * @layers: the number of layers, 0 when unknown
 *
 * The hardware-agnostic demand of a workload at one precision.
 */
typedef struct
{
  MlsQuantity total_ops;
  double      parameter_count;
  MlsQuantity weight_bytes;
  MlsQuantity arithmetic_intensity;
  guint       layers;
} MlsComputationGraph;

#define MLS_TYPE_COMPUTATION_GRAPH (mls_computation_graph_get_type ())

MLS_AVAILABLE_IN_ALL
GType                mls_computation_graph_get_type (void) G_GNUC_CONST;
MLS_AVAILABLE_IN_ALL
MlsComputationGraph *mls_computation_graph_copy     (const MlsComputationGraph *self);
MLS_AVAILABLE_IN_ALL
void                 mls_computation_graph_free     (MlsComputationGraph       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlsComputationGraph, mls_computation_graph_free)

G_END_DECLS
