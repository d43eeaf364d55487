/* mls-studio-composer.h — the sidebar where a scenario is composed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <adwaita.h>

#include "mls-studio-document.h"

G_BEGIN_DECLS

#define MLS_STUDIO_TYPE_COMPOSER (mls_studio_composer_get_type ())

G_DECLARE_FINAL_TYPE (MlsStudioComposer, mls_studio_composer, MLS_STUDIO, COMPOSER, AdwBin)

void        mls_studio_composer_set_document        (MlsStudioComposer *self,
                                                     MlsStudioDocument *document);
void        mls_studio_composer_set_start_menu      (MlsStudioComposer *self,
                                                     GMenuModel        *menu);

/* What a user does, for tests and the benchmark: each acts on the control itself. */
gboolean    mls_studio_composer_select_workload     (MlsStudioComposer *self,
                                                     const char        *key);
gboolean    mls_studio_composer_select_hardware     (MlsStudioComposer *self,
                                                     const char        *key);
gboolean    mls_studio_composer_select_cluster      (MlsStudioComposer *self,
                                                     const char        *key);
gboolean    mls_studio_composer_select_region       (MlsStudioComposer *self,
                                                     const char        *key);
void        mls_studio_composer_set_batch_size      (MlsStudioComposer *self,
                                                     guint              batch);
void        mls_studio_composer_set_seq_len         (MlsStudioComposer *self,
                                                     guint              seq_len);
void        mls_studio_composer_set_precision       (MlsStudioComposer *self,
                                                     MlsPrecision       precision);
void        mls_studio_composer_set_efficiency      (MlsStudioComposer *self,
                                                     double             efficiency);
void        mls_studio_composer_set_training        (MlsStudioComposer *self,
                                                     gboolean           training);
const char *mls_studio_composer_get_efficiency_hint (MlsStudioComposer *self);

G_END_DECLS
