/* mls-studio-preferences-window.h — preferences and the solver plugin manager
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <adwaita.h>

#include "mls-studio-application.h"

G_BEGIN_DECLS

#define MLS_STUDIO_TYPE_PREFERENCES_WINDOW (mls_studio_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (MlsStudioPreferencesWindow, mls_studio_preferences_window, MLS_STUDIO,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *mls_studio_preferences_window_new             (MlsStudioApplication       *application);
GtkSwitch *mls_studio_preferences_window_get_solver_switch (MlsStudioPreferencesWindow *self,
                                                           const char                 *solver_id);
guint      mls_studio_preferences_window_get_n_failures  (MlsStudioPreferencesWindow *self);

G_END_DECLS
