/* mls-audit-report.h — how well the registry's numbers are sourced
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-registry.h"

G_BEGIN_DECLS

/**
 * MlsAuditIssue:
 * @MLS_AUDIT_ISSUE_NONE: nothing to report
 * @MLS_AUDIT_ISSUE_UNSOURCED: the entry has no provenance
 * @MLS_AUDIT_ISSUE_MISSING_URL: the provenance has no url to check it against
 * @MLS_AUDIT_ISSUE_STALE: the provenance was last verified longer ago than the audit allows
 *
 * What an audit finding is about; a finding can have several.
 */
typedef enum /*< flags >*/
{
  MLS_AUDIT_ISSUE_NONE = 0,
  MLS_AUDIT_ISSUE_UNSOURCED = 1 << 0,
  MLS_AUDIT_ISSUE_MISSING_URL = 1 << 1,
  MLS_AUDIT_ISSUE_STALE = 1 << 2,
} MlsAuditIssue;

#define MLS_TYPE_AUDIT_REPORT (mls_audit_report_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsAuditReport, mls_audit_report, MLS, AUDIT_REPORT, GObject)

MLS_AVAILABLE_IN_ALL
MlsAuditReport     *mls_audit_report_new                 (MlsRegistry    *registry,
                                                          guint           max_age_days,
                                                          GDate          *today);
MLS_AVAILABLE_IN_ALL
guint               mls_audit_report_get_max_age_days    (MlsAuditReport *self);
MLS_AVAILABLE_IN_ALL
double              mls_audit_report_get_coverage        (MlsAuditReport *self);
MLS_AVAILABLE_IN_ALL
guint               mls_audit_report_get_n_entries       (MlsAuditReport *self);
MLS_AVAILABLE_IN_ALL
guint               mls_audit_report_get_n_sourced       (MlsAuditReport *self);
MLS_AVAILABLE_IN_ALL
guint               mls_audit_report_get_n_values        (MlsAuditReport *self);
MLS_AVAILABLE_IN_ALL
guint               mls_audit_report_get_n_value_sources (MlsAuditReport *self);
MLS_AVAILABLE_IN_ALL
guint               mls_audit_report_get_n_missing_url   (MlsAuditReport *self);
MLS_AVAILABLE_IN_ALL
guint               mls_audit_report_get_n_stale         (MlsAuditReport *self);
MLS_AVAILABLE_IN_ALL
const char * const *mls_audit_report_get_categories      (MlsAuditReport *self);
MLS_AVAILABLE_IN_ALL
gboolean            mls_audit_report_get_category_counts (MlsAuditReport *self,
                                                          const char     *category,
                                                          guint          *entries,
                                                          guint          *sourced,
                                                          guint          *missing_url,
                                                          guint          *stale);
MLS_AVAILABLE_IN_ALL
guint               mls_audit_report_get_n_findings      (MlsAuditReport *self);
MLS_AVAILABLE_IN_ALL
MlsAuditIssue       mls_audit_report_get_finding         (MlsAuditReport *self,
                                                          guint           index,
                                                          const char    **category,
                                                          const char    **key,
                                                          const char    **field,
                                                          MlsProvenance **provenance);

G_END_DECLS
