/* mls-formulas-communication.h — collectives and networks in the α–β model
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
gboolean mls_calc_network_latency                   (const MlsQuantity *distance,
                                                     const MlsQuantity *signal_speed,
                                                     MlsQuantity       *out,
                                                     GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_point_to_point_time               (const MlsQuantity *message,
                                                     const MlsQuantity *bandwidth,
                                                     const MlsQuantity *latency,
                                                     MlsQuantity       *out,
                                                     GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_ring_allreduce_time               (const MlsQuantity *message,
                                                     guint              n_gpus,
                                                     const MlsQuantity *bandwidth,
                                                     const MlsQuantity *latency,
                                                     MlsQuantity       *out,
                                                     GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_tree_allreduce_time               (const MlsQuantity *message,
                                                     guint              n_gpus,
                                                     const MlsQuantity *bandwidth,
                                                     const MlsQuantity *latency,
                                                     MlsQuantity       *out,
                                                     GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_double_binary_tree_allreduce_time (const MlsQuantity *message,
                                                     guint              n_gpus,
                                                     const MlsQuantity *bandwidth,
                                                     const MlsQuantity *latency,
                                                     double             latency_factor,
                                                     double             bandwidth_factor,
                                                     MlsQuantity       *out,
                                                     GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_all_to_all_time                   (const MlsQuantity *message,
                                                     guint              n_gpus,
                                                     const MlsQuantity *bandwidth,
                                                     const MlsQuantity *latency,
                                                     MlsQuantity       *out,
                                                     GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_hierarchical_allreduce_time       (const MlsQuantity *message,
                                                     guint              n_nodes,
                                                     guint              gpus_per_node,
                                                     const MlsQuantity *intra_bandwidth,
                                                     const MlsQuantity *inter_bandwidth,
                                                     const MlsQuantity *intra_latency,
                                                     const MlsQuantity *inter_latency,
                                                     MlsQuantity       *out,
                                                     GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_ring_allreduce_data_factor        (guint              n_gpus,
                                                     double            *out_factor,
                                                     GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_ring_collective_data_factor       (guint              n_gpus,
                                                     double            *out_factor,
                                                     GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_ring_allreduce_latency_steps      (guint              n_gpus,
                                                     guint             *out_steps,
                                                     GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_ring_allreduce_latency_time       (guint              n_gpus,
                                                     const MlsQuantity *latency,
                                                     MlsQuantity       *out,
                                                     GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_alpha_beta_crossover              (const MlsQuantity *bandwidth,
                                                     const MlsQuantity *latency,
                                                     MlsQuantity       *out,
                                                     GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_ring_tree_crossover_size          (guint              n_gpus,
                                                     const MlsQuantity *bandwidth,
                                                     const MlsQuantity *latency,
                                                     MlsQuantity       *out,
                                                     GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_oversubscription_effect           (double             cross_fraction,
                                                     double             oversubscription,
                                                     double            *out_throughput,
                                                     double            *out_loss,
                                                     GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_bisection_bandwidth               (guint              ports_crossing_cut,
                                                     const MlsQuantity *link_bandwidth,
                                                     double             oversubscription,
                                                     MlsQuantity       *out,
                                                     GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_hop_latency                       (guint              hops,
                                                     const MlsQuantity *per_hop_latency,
                                                     MlsQuantity       *out,
                                                     GError           **error);

G_END_DECLS
