/* mls-studio-metrics-view.h — every metric of every enabled solver, with its parameters
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <adwaita.h>

#include "mls-studio-document.h"

G_BEGIN_DECLS

#define MLS_STUDIO_TYPE_METRICS_VIEW (mls_studio_metrics_view_get_type ())

G_DECLARE_FINAL_TYPE (MlsStudioMetricsView, mls_studio_metrics_view, MLS_STUDIO, METRICS_VIEW,
                      AdwBin)

void           mls_studio_metrics_view_set_document          (MlsStudioMetricsView *self,
                                                              MlsStudioDocument    *document);
void           mls_studio_metrics_view_rebuild               (MlsStudioMetricsView *self);
const char    *mls_studio_metrics_view_get_metric_text       (MlsStudioMetricsView *self,
                                                              const char           *metric_id);
GtkSpinButton *mls_studio_metrics_view_get_parameter_control (MlsStudioMetricsView *self,
                                                              const char           *parameter_id);
const char    *mls_studio_metrics_view_get_solver_status     (MlsStudioMetricsView *self,
                                                              const char           *solver_id);
gboolean       mls_studio_metrics_view_run_solver            (MlsStudioMetricsView *self,
                                                              const char           *solver_id);

G_END_DECLS
