/* mls-studio-chart.h — a widget that paints a ui/render figure, exports it and copies it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <mls-render.h>

G_BEGIN_DECLS

#define MLS_STUDIO_TYPE_CHART (mls_studio_chart_get_type ())

G_DECLARE_FINAL_TYPE (MlsStudioChart, mls_studio_chart, MLS_STUDIO, CHART, GtkWidget)

GtkWidget      *mls_studio_chart_new               (void);
void            mls_studio_chart_set_figure        (MlsStudioChart   *self,
                                                    MlsFigureKind     kind,
                                                    gconstpointer     chart);
void            mls_studio_chart_clear             (MlsStudioChart   *self);
gboolean        mls_studio_chart_has_figure        (MlsStudioChart   *self);
void            mls_studio_chart_set_name          (MlsStudioChart   *self,
                                                    const char       *name);
const char     *mls_studio_chart_get_name          (MlsStudioChart   *self);
MlsFigureTheme  mls_studio_chart_get_screen_theme  (MlsStudioChart   *self);
gboolean        mls_studio_chart_get_figure        (MlsStudioChart   *self,
                                                    MlsFigureTheme    theme,
                                                    MlsFigurePreset   preset,
                                                    MlsFigure        *out);
void            mls_studio_chart_get_screen_style  (MlsStudioChart   *self,
                                                    double            width,
                                                    double            height,
                                                    MlsFigureStyle   *out);
void            mls_studio_chart_draw              (MlsStudioChart   *self,
                                                    cairo_t          *cr,
                                                    double            width,
                                                    double            height);
gboolean        mls_studio_chart_export            (MlsStudioChart   *self,
                                                    const char       *path,
                                                    MlsFigureTheme    theme,
                                                    MlsFigurePreset   preset,
                                                    GError          **error);
GdkTexture     *mls_studio_chart_to_texture        (MlsStudioChart   *self,
                                                    MlsFigureTheme    theme,
                                                    MlsFigurePreset   preset,
                                                    GError          **error);
gboolean        mls_studio_chart_copy              (MlsStudioChart   *self,
                                                    GError          **error);

G_END_DECLS
