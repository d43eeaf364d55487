/* mls-studio-application.h — MLSys·im Studio, the application
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <adwaita.h>
#include <mlsysim.h>

G_BEGIN_DECLS

#define MLS_STUDIO_TYPE_APPLICATION (mls_studio_application_get_type ())

G_DECLARE_FINAL_TYPE (MlsStudioApplication, mls_studio_application, MLS_STUDIO, APPLICATION,
                      AdwApplication)

void                  mls_studio_register_resources           (void);
MlsStudioApplication *mls_studio_application_new              (void);
GSettings            *mls_studio_application_get_settings     (MlsStudioApplication *self);
MlsEngine            *mls_studio_application_get_engine       (MlsStudioApplication *self);
MlsRegistry          *mls_studio_application_get_registry     (MlsStudioApplication *self);
gboolean              mls_studio_application_claim_load_notice (MlsStudioApplication *self);
void                  mls_studio_application_set_solver_enabled (MlsStudioApplication *self,
                                                               const char           *id,
                                                               gboolean              enabled);
void                  mls_studio_application_show_preferences (MlsStudioApplication *self,
                                                               const char           *page);

G_END_DECLS
