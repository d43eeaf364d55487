/* mls-studio-scorecard-view.h — the three-level scorecard: will it run, is it fast, is it worth it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <adwaita.h>

#include "mls-studio-chart.h"
#include "mls-studio-document.h"

G_BEGIN_DECLS

#define MLS_STUDIO_TYPE_SCORECARD_VIEW (mls_studio_scorecard_view_get_type ())

G_DECLARE_FINAL_TYPE (MlsStudioScorecardView, mls_studio_scorecard_view, MLS_STUDIO,
                      SCORECARD_VIEW, AdwBin)

void            mls_studio_scorecard_view_set_document (MlsStudioScorecardView *self,
                                                        MlsStudioDocument      *document);
MlsStudioChart *mls_studio_scorecard_view_get_chart    (MlsStudioScorecardView *self);
const char     *mls_studio_scorecard_view_get_verdict  (MlsStudioScorecardView *self,
                                                        MlsLevel                level);

G_END_DECLS
