/* mls-system-ledger.h — a persona's four-axis ledger: performance, sustainability, economics,
 * reliability
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-engine.h"
#include "mls-grid-profile.h"
#include "mls-scenario.h"

G_BEGIN_DECLS

typedef struct _MlsSystemLedger MlsSystemLedger;

/**
 * MlsSystemLedger:
 * @mission_name: the scenario's name
 * @track_name: the persona's name
 * @choice_summary: what was chosen ("Region: Quebec, Duration: 365 days")
 * @latency: time of one step on one accelerator
 * @throughput: samples per second of the whole fleet
 * @mfu: model FLOPs utilisation of one accelerator
 * @hfu: hardware FLOPs utilisation of one accelerator
 * @bottleneck: "Memory" or "Compute"
 * @energy: facility energy over the period
 * @carbon: carbon footprint over the period (a mass of CO₂e)
 * @pue: power usage effectiveness of the facility
 * @water: cooling water over the period (a volume)
 * @capex: purchase cost of the fleet
 * @opex: operating cost over the period (energy and maintenance)
 * @tco: total cost of ownership over the period
 * @cost_per_million: operating cost per million samples
 * @mttf: mean time between failures of the fleet
 * @goodput: the chance the period passes without a failure (1 − P(fail))
 * @recovery_time: time to recover from one failure
 *
 * The reference's SystemLedger (inventory §15): one scenario, scaled to a persona's fleet,
 * on four axes. Values with dimensions are quantities in base units.
 */
struct _MlsSystemLedger
{
  char        *mission_name;
  char        *track_name;
  char        *choice_summary;

  MlsQuantity  latency;
  MlsQuantity  throughput;
  double       mfu;
  double       hfu;
  char        *bottleneck;

  MlsQuantity  energy;
  MlsQuantity  carbon;
  double       pue;
  MlsQuantity  water;

  MlsQuantity  capex;
  MlsQuantity  opex;
  MlsQuantity  tco;
  MlsQuantity  cost_per_million;

  MlsQuantity  mttf;
  double       goodput;
  MlsQuantity  recovery_time;
};

#define MLS_TYPE_SYSTEM_LEDGER (mls_system_ledger_get_type ())

MLS_AVAILABLE_IN_ALL
GType            mls_system_ledger_get_type  (void) G_GNUC_CONST;
MLS_AVAILABLE_IN_ALL
MlsSystemLedger *mls_system_ledger_copy      (const MlsSystemLedger *self);
MLS_AVAILABLE_IN_ALL
void             mls_system_ledger_free      (MlsSystemLedger       *self);

MLS_AVAILABLE_IN_ALL
MlsSystemLedger *mls_system_ledger_compute   (MlsEngine             *engine,
                                              MlsScenario           *scenario,
                                              MlsEntry              *persona,
                                              MlsGridProfile        *region,
                                              double                 duration_days,
                                              GError               **error);
MLS_AVAILABLE_IN_ALL
gboolean         mls_system_ledger_validate  (const MlsSystemLedger *self,
                                              GError               **error);
MLS_AVAILABLE_IN_ALL
char            *mls_system_ledger_to_json   (const MlsSystemLedger *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlsSystemLedger, mls_system_ledger_free)

G_END_DECLS
