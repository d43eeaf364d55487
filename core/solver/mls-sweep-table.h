/* mls-sweep-table.h — the results of a sweep: one row per point, one column per metric
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <gio/gio.h>

#include "mls-version-macros.h"

G_BEGIN_DECLS

/**
 * MLS_SWEEP_ERROR:
 *
 * The error domain of sweeps, their tables and the searches over them.
 */
#define MLS_SWEEP_ERROR (mls_sweep_error_quark ())

/**
 * MlsSweepError:
 * @MLS_SWEEP_ERROR_INVALID_AXIS: an axis names nothing that can vary, or a value it cannot take
 * @MLS_SWEEP_ERROR_UNKNOWN_METRIC: a metric no solver produces, or a column the table lacks
 * @MLS_SWEEP_ERROR_INVALID_OBJECTIVE: an objective that is not "minimize: METRIC" or
 *   "maximize: METRIC"
 * @MLS_SWEEP_ERROR_INVALID_CONSTRAINT: a constraint that is not "METRIC OP VALUE"
 * @MLS_SWEEP_ERROR_NO_SOLUTION: no point of the table meets the constraints
 * @MLS_SWEEP_ERROR_TOO_LARGE: the sweep has more points than memory allows
 *
 * What went wrong with a sweep.
 */
typedef enum
{
  MLS_SWEEP_ERROR_INVALID_AXIS,
  MLS_SWEEP_ERROR_UNKNOWN_METRIC,
  MLS_SWEEP_ERROR_INVALID_OBJECTIVE,
  MLS_SWEEP_ERROR_INVALID_CONSTRAINT,
  MLS_SWEEP_ERROR_NO_SOLUTION,
  MLS_SWEEP_ERROR_TOO_LARGE,
} MlsSweepError;

/**
 * MlsSweepAxisKind:
 * @MLS_SWEEP_AXIS_ENTRY: registry entries: hardware, models, grids or clusters
 * @MLS_SWEEP_AXIS_KNOB: a numeric knob (#MlsKnob)
 * @MLS_SWEEP_AXIS_PRECISION: numeric precisions
 * @MLS_SWEEP_AXIS_PARAMETER: a solver parameter, by id
 *
 * What an axis of a sweep varies.
 */
typedef enum
{
  MLS_SWEEP_AXIS_ENTRY,
  MLS_SWEEP_AXIS_KNOB,
  MLS_SWEEP_AXIS_PRECISION,
  MLS_SWEEP_AXIS_PARAMETER,
} MlsSweepAxisKind;

#define MLS_TYPE_SWEEP_TABLE (mls_sweep_table_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsSweepTable, mls_sweep_table, MLS, SWEEP_TABLE, GObject)

MLS_AVAILABLE_IN_ALL
GQuark            mls_sweep_error_quark              (void);

MLS_AVAILABLE_IN_ALL
guint64           mls_sweep_table_get_n_rows         (MlsSweepTable      *self);
MLS_AVAILABLE_IN_ALL
guint64           mls_sweep_table_get_n_points       (MlsSweepTable      *self);
MLS_AVAILABLE_IN_ALL
gboolean          mls_sweep_table_is_complete        (MlsSweepTable      *self);
MLS_AVAILABLE_IN_ALL
guint64           mls_sweep_table_get_point_index    (MlsSweepTable      *self,
                                                      guint64             row);

MLS_AVAILABLE_IN_ALL
guint             mls_sweep_table_get_n_axes         (MlsSweepTable      *self);
MLS_AVAILABLE_IN_ALL
const char       *mls_sweep_table_get_axis_name      (MlsSweepTable      *self,
                                                      guint               axis);
MLS_AVAILABLE_IN_ALL
MlsSweepAxisKind  mls_sweep_table_get_axis_kind      (MlsSweepTable      *self,
                                                      guint               axis);
MLS_AVAILABLE_IN_ALL
const char       *mls_sweep_table_get_axis_unit      (MlsSweepTable      *self,
                                                      guint               axis);
MLS_AVAILABLE_IN_ALL
guint             mls_sweep_table_get_axis_n_values  (MlsSweepTable      *self,
                                                      guint               axis);
MLS_AVAILABLE_IN_ALL
guint             mls_sweep_table_get_axis_index     (MlsSweepTable      *self,
                                                      guint               axis,
                                                      guint64             row);
MLS_AVAILABLE_IN_ALL
const char       *mls_sweep_table_get_axis_label     (MlsSweepTable      *self,
                                                      guint               axis,
                                                      guint64             row);
MLS_AVAILABLE_IN_ALL
double            mls_sweep_table_get_axis_number    (MlsSweepTable      *self,
                                                      guint               axis,
                                                      guint64             row);

MLS_AVAILABLE_IN_ALL
guint             mls_sweep_table_get_n_metrics      (MlsSweepTable      *self);
MLS_AVAILABLE_IN_ALL
const char       *mls_sweep_table_get_metric_id      (MlsSweepTable      *self,
                                                      guint               metric);
MLS_AVAILABLE_IN_ALL
const char       *mls_sweep_table_get_metric_label   (MlsSweepTable      *self,
                                                      guint               metric);
MLS_AVAILABLE_IN_ALL
const char       *mls_sweep_table_get_metric_unit    (MlsSweepTable      *self,
                                                      guint               metric);
MLS_AVAILABLE_IN_ALL
gboolean          mls_sweep_table_metric_is_text     (MlsSweepTable      *self,
                                                      guint               metric);
MLS_AVAILABLE_IN_ALL
int               mls_sweep_table_find_metric        (MlsSweepTable      *self,
                                                      const char         *metric_id);
MLS_AVAILABLE_IN_ALL
double            mls_sweep_table_get_value          (MlsSweepTable      *self,
                                                      guint               metric,
                                                      guint64             row);
MLS_AVAILABLE_IN_ALL
double            mls_sweep_table_get_display_value  (MlsSweepTable      *self,
                                                      guint               metric,
                                                      guint64             row);
MLS_AVAILABLE_IN_ALL
const char       *mls_sweep_table_get_text           (MlsSweepTable      *self,
                                                      guint               metric,
                                                      guint64             row);
MLS_AVAILABLE_IN_ALL
const double     *mls_sweep_table_peek_column        (MlsSweepTable      *self,
                                                      guint               metric,
                                                      guint64            *n_rows);
MLS_AVAILABLE_IN_ALL
guint             mls_sweep_table_get_failures       (MlsSweepTable      *self,
                                                      guint64             row);

MLS_AVAILABLE_IN_ALL
guint             mls_sweep_table_get_n_threads      (MlsSweepTable      *self);
MLS_AVAILABLE_IN_ALL
guint64           mls_sweep_table_get_thread_points  (MlsSweepTable      *self,
                                                      guint               thread);
MLS_AVAILABLE_IN_ALL
double            mls_sweep_table_get_elapsed        (MlsSweepTable      *self);

MLS_AVAILABLE_IN_ALL
gboolean          mls_sweep_table_write_csv          (MlsSweepTable      *self,
                                                      GOutputStream      *stream,
                                                      const guint64      *rows,
                                                      guint64             n_rows,
                                                      GCancellable       *cancellable,
                                                      GError            **error);
MLS_AVAILABLE_IN_ALL
char             *mls_sweep_table_to_csv             (MlsSweepTable      *self);
MLS_AVAILABLE_IN_ALL
gboolean          mls_sweep_table_write_json         (MlsSweepTable      *self,
                                                      GOutputStream      *stream,
                                                      const guint64      *rows,
                                                      guint64             n_rows,
                                                      GCancellable       *cancellable,
                                                      GError            **error);
MLS_AVAILABLE_IN_ALL
char             *mls_sweep_table_to_json            (MlsSweepTable      *self);
MLS_AVAILABLE_IN_ALL
gboolean          mls_sweep_table_save               (MlsSweepTable      *self,
                                                      const char         *path,
                                                      GError            **error);

MLS_AVAILABLE_IN_ALL
guint64          *mls_sweep_table_search             (MlsSweepTable      *self,
                                                      const char         *objective,
                                                      const char * const *constraints,
                                                      guint               max_results,
                                                      guint              *n_results,
                                                      GError            **error);
MLS_AVAILABLE_IN_ALL
guint64          *mls_sweep_table_pareto_front       (MlsSweepTable      *self,
                                                      const char * const *objectives,
                                                      const char * const *constraints,
                                                      guint64            *n_rows,
                                                      GError            **error);

G_END_DECLS
