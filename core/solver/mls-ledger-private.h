/* mls-ledger-private.h — the engine's direct view of a ledger's metrics
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "mls-ledger.h"

G_BEGIN_DECLS

typedef struct
{
  GQuark      id;
  MlsQuantity value;
  const char *text; /* interned, or NULL for a quantity */
} MlsLedgerMetric;

/* The metrics in the order written: the engine checks what each solver appended. */
const MlsLedgerMetric *mls_ledger_peek_metrics (MlsLedger *self,
                                                guint     *n_metrics);
/* Forgets the metrics written after the first @n_metrics: the engine drops what a solver wrote
 * when it refuses the solver's results as nonsense, so that nothing downstream reads them. */
void                   mls_ledger_truncate_metrics (MlsLedger *self,
                                                    guint      n_metrics);

G_END_DECLS
