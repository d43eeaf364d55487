/* mls-studio-compare-view.h — several hardware choices for one workload, side by side
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <adwaita.h>

#include "mls-studio-chart.h"
#include "mls-studio-document.h"

G_BEGIN_DECLS

#define MLS_STUDIO_TYPE_COMPARE_VIEW (mls_studio_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (MlsStudioCompareView, mls_studio_compare_view, MLS_STUDIO, COMPARE_VIEW,
                      AdwBin)

void            mls_studio_compare_view_set_document  (MlsStudioCompareView *self,
                                                       MlsStudioDocument    *document);
MlsStudioChart *mls_studio_compare_view_get_chart     (MlsStudioCompareView *self);
gboolean        mls_studio_compare_view_add_hardware  (MlsStudioCompareView *self,
                                                       const char           *key);
void            mls_studio_compare_view_remove_hardware (MlsStudioCompareView *self,
                                                       const char           *key);
GListModel     *mls_studio_compare_view_get_rows      (MlsStudioCompareView *self);

G_END_DECLS
