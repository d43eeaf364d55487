/* mls-studio-registry-view.h — the catalog as sortable tables, every value with its source
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <adwaita.h>

#include "mls-studio-document.h"

G_BEGIN_DECLS

#define MLS_STUDIO_TYPE_REGISTRY_VIEW (mls_studio_registry_view_get_type ())

G_DECLARE_FINAL_TYPE (MlsStudioRegistryView, mls_studio_registry_view, MLS_STUDIO, REGISTRY_VIEW,
                      AdwBin)

void        mls_studio_registry_view_set_document (MlsStudioRegistryView *self,
                                                   MlsStudioDocument     *document);
gboolean    mls_studio_registry_view_set_category (MlsStudioRegistryView *self,
                                                   const char            *category);
void        mls_studio_registry_view_set_search   (MlsStudioRegistryView *self,
                                                   const char            *text);
guint       mls_studio_registry_view_get_n_shown  (MlsStudioRegistryView *self);
gboolean    mls_studio_registry_view_select       (MlsStudioRegistryView *self,
                                                   const char            *key);
guint       mls_studio_registry_view_get_n_detail_rows (MlsStudioRegistryView *self);

G_END_DECLS
