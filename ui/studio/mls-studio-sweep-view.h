/* mls-studio-sweep-view.h — one knob swept, one metric charted, and the table as CSV
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <adwaita.h>

#include "mls-studio-chart.h"
#include "mls-studio-document.h"

G_BEGIN_DECLS

/**
 * MlsStudioSweepAxis:
 *
 * What a sweep varies.
 */
typedef enum
{
  MLS_STUDIO_SWEEP_BATCH,
  MLS_STUDIO_SWEEP_SEQ_LEN,
  MLS_STUDIO_SWEEP_EFFICIENCY,
  MLS_STUDIO_SWEEP_PRECISION,
  MLS_STUDIO_N_SWEEP_AXES
} MlsStudioSweepAxis;

#define MLS_STUDIO_TYPE_SWEEP_VIEW (mls_studio_sweep_view_get_type ())

G_DECLARE_FINAL_TYPE (MlsStudioSweepView, mls_studio_sweep_view, MLS_STUDIO, SWEEP_VIEW, AdwBin)

void            mls_studio_sweep_view_set_document (MlsStudioSweepView *self,
                                                    MlsStudioDocument  *document);
void            mls_studio_sweep_view_rebuild      (MlsStudioSweepView *self);
MlsStudioChart *mls_studio_sweep_view_get_chart    (MlsStudioSweepView *self);
gboolean        mls_studio_sweep_view_set_axis     (MlsStudioSweepView *self,
                                                    MlsStudioSweepAxis  axis);
gboolean        mls_studio_sweep_view_set_metric   (MlsStudioSweepView *self,
                                                    const char         *metric_id);
guint           mls_studio_sweep_view_get_n_points (MlsStudioSweepView *self);
gboolean        mls_studio_sweep_view_get_point    (MlsStudioSweepView *self,
                                                    guint               index,
                                                    double             *x,
                                                    double             *y);
char           *mls_studio_sweep_view_to_csv       (MlsStudioSweepView *self);
gboolean        mls_studio_sweep_view_export_csv   (MlsStudioSweepView *self,
                                                    const char         *path,
                                                    GError            **error);

G_END_DECLS
