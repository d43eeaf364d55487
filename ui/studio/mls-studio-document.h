/* mls-studio-document.h — the scenario being composed, its file, and its latest results
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gio/gio.h>
#include <mlsysim.h>

G_BEGIN_DECLS

#define MLS_STUDIO_TYPE_DOCUMENT (mls_studio_document_get_type ())

G_DECLARE_FINAL_TYPE (MlsStudioDocument, mls_studio_document, MLS_STUDIO, DOCUMENT, GObject)

MlsStudioDocument *mls_studio_document_new              (MlsEngine          *engine,
                                                         MlsRegistry        *registry);

MlsEngine         *mls_studio_document_get_engine       (MlsStudioDocument  *self);
MlsRegistry       *mls_studio_document_get_registry     (MlsStudioDocument  *self);
MlsScenario       *mls_studio_document_get_scenario     (MlsStudioDocument  *self);
MlsLedger         *mls_studio_document_get_ledger       (MlsStudioDocument  *self);
MlsEvaluation     *mls_studio_document_get_evaluation   (MlsStudioDocument  *self);
const char        *mls_studio_document_get_error        (MlsStudioDocument  *self);
const char        *mls_studio_document_get_persona      (MlsStudioDocument  *self);

GFile             *mls_studio_document_get_file         (MlsStudioDocument  *self);
gboolean           mls_studio_document_get_modified     (MlsStudioDocument  *self);
void               mls_studio_document_set_modified     (MlsStudioDocument  *self,
                                                         gboolean            modified);
char              *mls_studio_document_dup_title        (MlsStudioDocument  *self);

void               mls_studio_document_load_default     (MlsStudioDocument  *self,
                                                         double              efficiency);
gboolean           mls_studio_document_load_lighthouse  (MlsStudioDocument  *self,
                                                         const char         *key,
                                                         GError            **error);
gboolean           mls_studio_document_load_persona     (MlsStudioDocument  *self,
                                                         const char         *persona_key,
                                                         GError            **error);
gboolean           mls_studio_document_load_file        (MlsStudioDocument  *self,
                                                         GFile              *file,
                                                         GError            **error);
gboolean           mls_studio_document_load_data        (MlsStudioDocument  *self,
                                                         const char         *data,
                                                         GError            **error);
gboolean           mls_studio_document_save_file        (MlsStudioDocument  *self,
                                                         GFile              *file,
                                                         GError            **error);
char              *mls_studio_document_to_data          (MlsStudioDocument  *self,
                                                         GError            **error);

gboolean           mls_studio_document_set_workload     (MlsStudioDocument  *self,
                                                         const char         *key,
                                                         GError            **error);
gboolean           mls_studio_document_set_hardware     (MlsStudioDocument  *self,
                                                         const char         *key,
                                                         GError            **error);
gboolean           mls_studio_document_set_fleet        (MlsStudioDocument  *self,
                                                         const char         *key,
                                                         GError            **error);
gboolean           mls_studio_document_set_grid         (MlsStudioDocument  *self,
                                                         const char         *key,
                                                         GError            **error);
void               mls_studio_document_set_precision    (MlsStudioDocument  *self,
                                                         MlsPrecision        precision);
void               mls_studio_document_set_training     (MlsStudioDocument  *self,
                                                         gboolean            training);
void               mls_studio_document_set_activation_recompute (MlsStudioDocument *self,
                                                         gboolean            recompute);
void               mls_studio_document_set_operations   (MlsStudioDocument  *self,
                                                         gboolean            operations);
gboolean           mls_studio_document_set_knob         (MlsStudioDocument  *self,
                                                         MlsKnob             knob,
                                                         double              value,
                                                         GError            **error);
void               mls_studio_document_set_parameter    (MlsStudioDocument  *self,
                                                         const char         *id,
                                                         const MlsQuantity  *value);
void               mls_studio_document_set_sla_latency  (MlsStudioDocument  *self,
                                                         const MlsQuantity  *latency);

void               mls_studio_document_recompute        (MlsStudioDocument  *self);
void               mls_studio_document_solvers_changed  (MlsStudioDocument  *self);
double             mls_studio_document_get_recompute_ms (MlsStudioDocument  *self);

guint              mls_studio_document_evaluate_copy    (MlsStudioDocument  *self,
                                                         MlsScenario        *scenario,
                                                         MlsLedger          *ledger);

G_END_DECLS
