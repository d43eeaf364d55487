/* mls-ledger.h — the named results of one evaluation
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <glib-object.h>

#include "mls-quantity.h"
#include "mls-version-macros.h"

G_BEGIN_DECLS

/**
 * MlsSolveStatus:
 * @MLS_SOLVE_PENDING: not run yet
 * @MLS_SOLVE_OK: solved
 * @MLS_SOLVE_SKIPPED: not applicable to this scenario (e.g. no fleet)
 * @MLS_SOLVE_FAILED: the solver reported an error, or produced nonsense
 *
 * How one solver fared in an evaluation.
 */
typedef enum
{
  MLS_SOLVE_PENDING,
  MLS_SOLVE_OK,
  MLS_SOLVE_SKIPPED,
  MLS_SOLVE_FAILED,
} MlsSolveStatus;

#define MLS_TYPE_LEDGER (mls_ledger_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsLedger, mls_ledger, MLS, LEDGER, GObject)

MLS_AVAILABLE_IN_ALL
MlsLedger      *mls_ledger_new              (void);
MLS_AVAILABLE_IN_ALL
void            mls_ledger_reset            (MlsLedger         *self);
MLS_AVAILABLE_IN_ALL
void            mls_ledger_set_explain      (MlsLedger         *self,
                                             gboolean           explain);
MLS_AVAILABLE_IN_ALL
gboolean        mls_ledger_get_explain      (MlsLedger         *self);

/* Metrics, by id ("serving.ttft"). The quark variants are the allocation-free hot path. */
MLS_AVAILABLE_IN_ALL
void            mls_ledger_set              (MlsLedger         *self,
                                             const char        *metric_id,
                                             const MlsQuantity *value);
MLS_AVAILABLE_IN_ALL
void            mls_ledger_set_quark        (MlsLedger         *self,
                                             GQuark             metric,
                                             const MlsQuantity *value);
MLS_AVAILABLE_IN_ALL
void            mls_ledger_set_number       (MlsLedger         *self,
                                             const char        *metric_id,
                                             double             value);
MLS_AVAILABLE_IN_ALL
void            mls_ledger_set_text         (MlsLedger         *self,
                                             const char        *metric_id,
                                             const char        *text);
MLS_AVAILABLE_IN_ALL
void            mls_ledger_set_text_quark   (MlsLedger         *self,
                                             GQuark             metric,
                                             const char        *static_text);
MLS_AVAILABLE_IN_ALL
gboolean        mls_ledger_get              (MlsLedger         *self,
                                             const char        *metric_id,
                                             MlsQuantity       *out);
MLS_AVAILABLE_IN_ALL
gboolean        mls_ledger_get_quark        (MlsLedger         *self,
                                             GQuark             metric,
                                             MlsQuantity       *out);
MLS_AVAILABLE_IN_ALL
const char     *mls_ledger_get_text         (MlsLedger         *self,
                                             const char        *metric_id);
MLS_AVAILABLE_IN_ALL
gboolean        mls_ledger_has              (MlsLedger         *self,
                                             const char        *metric_id);
MLS_AVAILABLE_IN_ALL
char          **mls_ledger_list_metrics     (MlsLedger         *self);
MLS_AVAILABLE_IN_ALL
guint           mls_ledger_get_n_metrics    (MlsLedger         *self);

/* Per solver: status, bottleneck or verdict, error, explanations. */
MLS_AVAILABLE_IN_ALL
void            mls_ledger_set_status       (MlsLedger         *self,
                                             const char        *solver_id,
                                             MlsSolveStatus     status,
                                             const char        *message);
MLS_AVAILABLE_IN_ALL
MlsSolveStatus  mls_ledger_get_status       (MlsLedger         *self,
                                             const char        *solver_id,
                                             const char       **out_message);
MLS_AVAILABLE_IN_ALL
void            mls_ledger_explain          (MlsLedger         *self,
                                             const char        *solver_id,
                                             const char        *format,
                                             ...) G_GNUC_PRINTF (3, 4);
MLS_AVAILABLE_IN_ALL
void            mls_ledger_add_explanation  (MlsLedger         *self,
                                             const char        *solver_id,
                                             const char        *text);
MLS_AVAILABLE_IN_ALL
char          **mls_ledger_get_explanations (MlsLedger         *self,
                                             const char        *solver_id);
MLS_AVAILABLE_IN_ALL
char          **mls_ledger_list_solvers     (MlsLedger         *self);

G_END_DECLS
