/* mls-computation-graph.c — a workload lowered to a precision, independent of hardware
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "mlsysim.h"

G_DEFINE_BOXED_TYPE (MlsComputationGraph, mls_computation_graph, mls_computation_graph_copy,
                     mls_computation_graph_free)

/**
 * mls_computation_graph_copy:
 * @self: a #MlsComputationGraph
 *
 * Returns: (transfer full): a copy of @self
 */
MlsComputationGraph *
mls_computation_graph_copy (const MlsComputationGraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_memdup2 (self, sizeof *self);
}

/**
 * mls_computation_graph_free:
 * @self: (transfer full): a #MlsComputationGraph
 *
 * Frees a graph made by mls_computation_graph_copy().
 */
void
mls_computation_graph_free (MlsComputationGraph *self)
{
  g_free (self);
}
