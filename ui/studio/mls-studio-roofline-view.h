/* mls-studio-roofline-view.h — the live roofline with the scenario's operating point
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <adwaita.h>

#include "mls-studio-chart.h"
#include "mls-studio-document.h"

G_BEGIN_DECLS

#define MLS_STUDIO_TYPE_ROOFLINE_VIEW (mls_studio_roofline_view_get_type ())

G_DECLARE_FINAL_TYPE (MlsStudioRooflineView, mls_studio_roofline_view, MLS_STUDIO, ROOFLINE_VIEW,
                      AdwBin)

void            mls_studio_roofline_view_set_document   (MlsStudioRooflineView *self,
                                                         MlsStudioDocument     *document);
MlsStudioChart *mls_studio_roofline_view_get_chart      (MlsStudioRooflineView *self);
const char     *mls_studio_roofline_view_get_stat       (MlsStudioRooflineView *self,
                                                         const char            *name);
void            mls_studio_roofline_view_set_overlay    (MlsStudioRooflineView *self,
                                                         const char            *hardware_key,
                                                         gboolean               shown);
const MlsRooflineChart *mls_studio_roofline_view_get_data (MlsStudioRooflineView *self);

G_END_DECLS
