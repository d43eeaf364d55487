/* mls-sweep.h — many scenarios at once: axes, their cartesian product, every core
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <gio/gio.h>

#include "mls-engine.h"
#include "mls-scenario.h"
#include "mls-sweep-table.h"

G_BEGIN_DECLS

/**
 * MlsSweepProgressFunc:
 * @done: points evaluated so far
 * @total: points in the sweep
 * @user_data: the data given with the function
 *
 * Told how far a sweep has come, in the thread that runs it, a few times a second and once
 * at the end.
 */
typedef void (*MlsSweepProgressFunc) (guint64  done,
                                      guint64  total,
                                      gpointer user_data);

#define MLS_TYPE_SWEEP (mls_sweep_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsSweep, mls_sweep, MLS, SWEEP, GObject)

MLS_AVAILABLE_IN_ALL
MlsSweep      *mls_sweep_new                  (MlsEngine            *engine,
                                               MlsScenario          *scenario);
MLS_AVAILABLE_IN_ALL
MlsEngine     *mls_sweep_get_engine           (MlsSweep             *self);
MLS_AVAILABLE_IN_ALL
MlsScenario   *mls_sweep_get_scenario         (MlsSweep             *self);

MLS_AVAILABLE_IN_ALL
gboolean       mls_sweep_add_entry_axis       (MlsSweep             *self,
                                               const char           *category,
                                               const char * const   *keys,
                                               GError              **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_sweep_add_knob_axis        (MlsSweep             *self,
                                               MlsKnob               knob,
                                               const double         *values,
                                               guint                 n_values,
                                               GError              **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_sweep_add_precision_axis   (MlsSweep             *self,
                                               const MlsPrecision   *precisions,
                                               guint                 n_precisions,
                                               GError              **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_sweep_add_parameter_axis   (MlsSweep             *self,
                                               const char           *parameter_id,
                                               const MlsQuantity    *values,
                                               guint                 n_values,
                                               GError              **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_sweep_add_axis_from_string (MlsSweep             *self,
                                               const char           *spec,
                                               GError              **error);
MLS_AVAILABLE_IN_ALL
guint          mls_sweep_get_n_axes           (MlsSweep             *self);

MLS_AVAILABLE_IN_ALL
gboolean       mls_sweep_set_solvers          (MlsSweep             *self,
                                               const char * const   *solver_ids,
                                               GError              **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_sweep_add_metric           (MlsSweep             *self,
                                               const char           *metric_id,
                                               GError              **error);
MLS_AVAILABLE_IN_ALL
void           mls_sweep_set_n_threads        (MlsSweep             *self,
                                               guint                 n_threads);
MLS_AVAILABLE_IN_ALL
guint          mls_sweep_get_n_threads        (MlsSweep             *self);
MLS_AVAILABLE_IN_ALL
guint64        mls_sweep_get_n_points         (MlsSweep             *self);

MLS_AVAILABLE_IN_ALL
MlsSweepTable *mls_sweep_run                  (MlsSweep             *self,
                                               GCancellable         *cancellable,
                                               MlsSweepProgressFunc  progress,
                                               gpointer              user_data,
                                               GError              **error);
MLS_AVAILABLE_IN_ALL
void           mls_sweep_run_async            (MlsSweep             *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
MLS_AVAILABLE_IN_ALL
MlsSweepTable *mls_sweep_run_finish           (MlsSweep             *self,
                                               GAsyncResult         *result,
                                               GError              **error);
MLS_AVAILABLE_IN_ALL
MlsSweepTable *mls_sweep_get_table            (MlsSweep             *self);

G_END_DECLS
