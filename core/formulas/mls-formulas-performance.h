/* mls-formulas-performance.h — time, speed-up and roofline equations
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
 * MlsBottleneckKind:
 * @MLS_BOTTLENECK_COMPUTE: the arithmetic takes at least as long as the memory traffic
 * @MLS_BOTTLENECK_MEMORY: the memory traffic takes longer than the arithmetic
 *
 * Which roofline ceiling binds, as decided by mls_calc_bottleneck().
 */
typedef enum
{
  MLS_BOTTLENECK_COMPUTE,
  MLS_BOTTLENECK_MEMORY,
} MlsBottleneckKind;

/**
 * MlsBottleneck:
 * @compute_time: the time the arithmetic takes, ops / peak
 * @memory_time: the time the memory traffic takes, bytes / bandwidth
 * @kind: which of the two binds
 * @ratio: the larger time over the smaller one (1 at a tie, infinite when one is zero)
 * @intensity: the arithmetic intensity, ops / bytes, in FLOP per byte
 *
 * The roofline classification of one piece of work, filled by mls_calc_bottleneck().
 */
typedef struct _MlsBottleneck MlsBottleneck;

struct _MlsBottleneck
{
  MlsQuantity       compute_time;
  MlsQuantity       memory_time;
  MlsBottleneckKind kind;
  double            ratio;
  MlsQuantity       intensity;
};

#define MLS_TYPE_BOTTLENECK (mls_bottleneck_get_type ())

MLS_AVAILABLE_IN_ALL
GType          mls_bottleneck_get_type             (void) G_GNUC_CONST;
MLS_AVAILABLE_IN_ALL
MlsBottleneck *mls_bottleneck_copy                 (const MlsBottleneck *self);
MLS_AVAILABLE_IN_ALL
void           mls_bottleneck_free                 (MlsBottleneck       *self);

MLS_AVAILABLE_IN_ALL
gboolean       mls_calc_training_time              (const MlsQuantity   *ops,
                                                    guint                n_devices,
                                                    const MlsQuantity   *peak_flops,
                                                    double               efficiency,
                                                    MlsQuantity         *out,
                                                    GError             **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_calc_compute_time               (const MlsQuantity   *ops,
                                                    const MlsQuantity   *rate,
                                                    MlsQuantity         *out,
                                                    GError             **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_calc_transfer_time              (const MlsQuantity   *bytes,
                                                    const MlsQuantity   *bandwidth,
                                                    MlsQuantity         *out,
                                                    GError             **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_calc_token_throughput           (double               tokens,
                                                    const MlsQuantity   *duration,
                                                    MlsQuantity         *out,
                                                    GError             **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_calc_energy_from_power          (const MlsQuantity   *power,
                                                    const MlsQuantity   *duration,
                                                    MlsQuantity         *out,
                                                    GError             **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_calc_amdahls_speedup            (double               parallel_fraction,
                                                    double               parallel_speedup,
                                                    double              *out_speedup,
                                                    GError             **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_calc_strong_scaling_speedup     (guint                n_devices,
                                                    double               overhead_fraction,
                                                    double              *out_speedup,
                                                    GError             **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_calc_universal_scalability_law  (double               concurrency,
                                                    double               contention,
                                                    double               coherency,
                                                    double              *out_capacity,
                                                    GError             **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_calc_usl_optimal_concurrency    (double               contention,
                                                    double               coherency,
                                                    double              *out_concurrency,
                                                    GError             **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_calc_bottleneck                 (const MlsQuantity   *ops,
                                                    const MlsQuantity   *bytes,
                                                    const MlsQuantity   *peak_flops,
                                                    const MlsQuantity   *bandwidth,
                                                    MlsBottleneck       *out,
                                                    GError             **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_calc_roofline_attainable        (const MlsQuantity   *peak_flops,
                                                    const MlsQuantity   *bandwidth,
                                                    const MlsQuantity   *intensity,
                                                    MlsQuantity         *out,
                                                    GError             **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_calc_ridge_point                (const MlsQuantity   *peak_flops,
                                                    const MlsQuantity   *bandwidth,
                                                    MlsQuantity         *out,
                                                    GError             **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_calc_pipeline_bubble            (guint                n_stages,
                                                    guint                n_microbatches,
                                                    guint                n_virtual_stages,
                                                    double              *out_fraction,
                                                    GError             **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_calc_pipeline_bubble_stretch    (guint                n_stages,
                                                    guint                n_microbatches,
                                                    guint                n_virtual_stages,
                                                    double              *out_stretch,
                                                    GError             **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_calc_effective_flops            (const MlsQuantity   *peak_flops,
                                                    double               mfu,
                                                    double               scaling_efficiency,
                                                    double               goodput,
                                                    MlsQuantity         *out,
                                                    GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlsBottleneck, mls_bottleneck_free)

G_END_DECLS
