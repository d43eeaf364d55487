/* mls-studio-export-dialog.h — export a chart to PNG, SVG or PDF at a size preset and theme
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <adwaita.h>

#include "mls-studio-chart.h"

G_BEGIN_DECLS

#define MLS_STUDIO_TYPE_EXPORT_DIALOG (mls_studio_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MlsStudioExportDialog, mls_studio_export_dialog, MLS_STUDIO, EXPORT_DIALOG,
                      AdwWindow)

GtkWidget *mls_studio_export_dialog_new    (GtkWindow             *parent,
                                            MlsStudioChart        *chart);
gboolean   mls_studio_export_dialog_export (MlsStudioExportDialog *self,
                                            const char            *path,
                                            GError               **error);
char      *mls_studio_export_dialog_suggest_name (MlsStudioExportDialog *self);

G_END_DECLS
