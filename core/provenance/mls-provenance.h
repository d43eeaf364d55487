/* mls-provenance.h — where a number comes from
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <glib-object.h>

#include "mls-version-macros.h"

G_BEGIN_DECLS

/**
 * MlsProvenanceKind:
 * @MLS_PROVENANCE_DATASHEET: a vendor datasheet or specification (needs a url)
 * @MLS_PROVENANCE_LITERATURE: a paper or book (needs a url)
 * @MLS_PROVENANCE_INDUSTRY_REPORT: a survey or industry report (needs a url)
 * @MLS_PROVENANCE_CONVENTION: a convention of the field
 * @MLS_PROVENANCE_ESTIMATE: an estimate (needs notes saying how)
 * @MLS_PROVENANCE_DERIVED: derived from other sourced values (needs notes saying how)
 * @MLS_PROVENANCE_ILLUSTRATIVE: an illustrative value for teaching
 * @MLS_PROVENANCE_HEURISTIC: a modelling heuristic
 *
 * The kind of source behind a value.
 */
typedef enum
{
  MLS_PROVENANCE_DATASHEET,
  MLS_PROVENANCE_LITERATURE,
  MLS_PROVENANCE_INDUSTRY_REPORT,
  MLS_PROVENANCE_CONVENTION,
  MLS_PROVENANCE_ESTIMATE,
  MLS_PROVENANCE_DERIVED,
  MLS_PROVENANCE_ILLUSTRATIVE,
  MLS_PROVENANCE_HEURISTIC,
} MlsProvenanceKind;

/**
 * MLS_PROVENANCE_ERROR:
 *
 * The error domain of provenance validation.
 */
#define MLS_PROVENANCE_ERROR (mls_provenance_error_quark ())

/**
 * MlsProvenanceError:
 * @MLS_PROVENANCE_ERROR_KIND: the kind is not one of #MlsProvenanceKind
 * @MLS_PROVENANCE_ERROR_MISSING_REFERENCE: the reference is empty
 * @MLS_PROVENANCE_ERROR_MISSING_URL: the kind needs a url
 * @MLS_PROVENANCE_ERROR_MISSING_NOTES: the kind needs notes
 * @MLS_PROVENANCE_ERROR_BAD_DATE: the verified date is missing or not an ISO date
 * @MLS_PROVENANCE_ERROR_BAD_URL: the url is not an http(s) url
 *
 * Error codes in the %MLS_PROVENANCE_ERROR domain.
 */
typedef enum
{
  MLS_PROVENANCE_ERROR_KIND,
  MLS_PROVENANCE_ERROR_MISSING_REFERENCE,
  MLS_PROVENANCE_ERROR_MISSING_URL,
  MLS_PROVENANCE_ERROR_MISSING_NOTES,
  MLS_PROVENANCE_ERROR_BAD_DATE,
  MLS_PROVENANCE_ERROR_BAD_URL,
} MlsProvenanceError;

#define MLS_TYPE_PROVENANCE (mls_provenance_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsProvenance, mls_provenance, MLS, PROVENANCE, GObject)

MLS_AVAILABLE_IN_ALL
GQuark             mls_provenance_error_quark     (void);

MLS_AVAILABLE_IN_ALL
MlsProvenance     *mls_provenance_new             (MlsProvenanceKind kind,
                                                   const char       *reference,
                                                   const char       *url,
                                                   const char       *verified,
                                                   const char       *notes,
                                                   GError          **error);
MLS_AVAILABLE_IN_ALL
gboolean           mls_provenance_kind_from_string (const char       *text,
                                                   MlsProvenanceKind *out_kind,
                                                   GError          **error);
MLS_AVAILABLE_IN_ALL
const char        *mls_provenance_kind_to_string  (MlsProvenanceKind kind);

MLS_AVAILABLE_IN_ALL
MlsProvenanceKind  mls_provenance_get_kind        (MlsProvenance    *self);
MLS_AVAILABLE_IN_ALL
const char        *mls_provenance_get_reference   (MlsProvenance    *self);
MLS_AVAILABLE_IN_ALL
const char        *mls_provenance_get_url         (MlsProvenance    *self);
MLS_AVAILABLE_IN_ALL
const char        *mls_provenance_get_verified    (MlsProvenance    *self);
MLS_AVAILABLE_IN_ALL
const char        *mls_provenance_get_notes       (MlsProvenance    *self);
MLS_AVAILABLE_IN_ALL
gboolean           mls_provenance_is_stale        (MlsProvenance    *self,
                                                   GDate            *today,
                                                   guint             max_age_days);
MLS_AVAILABLE_IN_ALL
char              *mls_provenance_to_markdown     (MlsProvenance    *self);

G_END_DECLS
