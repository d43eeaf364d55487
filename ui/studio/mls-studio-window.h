/* mls-studio-window.h — the main window: composer, views, files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <adwaita.h>

#include "mls-studio-application.h"
#include "mls-studio-chart.h"
#include "mls-studio-document.h"

G_BEGIN_DECLS

#define MLS_STUDIO_TYPE_WINDOW (mls_studio_window_get_type ())

G_DECLARE_FINAL_TYPE (MlsStudioWindow, mls_studio_window, MLS_STUDIO, WINDOW,
                      AdwApplicationWindow)

MlsStudioWindow   *mls_studio_window_new               (MlsStudioApplication *application);
MlsStudioDocument *mls_studio_window_get_document      (MlsStudioWindow      *self);
GtkWidget         *mls_studio_window_get_composer      (MlsStudioWindow      *self);
GtkWidget         *mls_studio_window_get_view          (MlsStudioWindow      *self,
                                                        const char           *name);
void               mls_studio_window_set_visible_view  (MlsStudioWindow      *self,
                                                        const char           *name);
const char        *mls_studio_window_get_visible_view  (MlsStudioWindow      *self);
MlsStudioChart    *mls_studio_window_get_visible_chart (MlsStudioWindow      *self);
void               mls_studio_window_open_file         (MlsStudioWindow      *self,
                                                        GFile                *file);
void               mls_studio_window_restore_state     (MlsStudioWindow      *self);
void               mls_studio_window_save_state        (MlsStudioWindow      *self);
void               mls_studio_window_refresh           (MlsStudioWindow      *self);
void               mls_studio_window_solvers_changed   (MlsStudioWindow      *self);
void               mls_studio_window_add_toast         (MlsStudioWindow      *self,
                                                        const char           *text);
double             mls_studio_window_run_benchmark     (MlsStudioWindow      *self,
                                                        guint                 iterations);

G_END_DECLS
