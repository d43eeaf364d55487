/* mlsysim.h — the one header applications and plugins include
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>

#define MLSYSIM_INSIDE

#include "mls-version.h"
#include "mls-version-macros.h"
#include "mls-quantity.h"
#include "mls-provenance.h"
#include "mls-suggest.h"
#include "mls-enums.h"

#include "mls-entry.h"
#include "mls-precision.h"
#include "mls-computation-graph.h"
#include "mls-workload.h"
#include "mls-transformer-workload.h"
#include "mls-moe-workload.h"
#include "mls-cnn-workload.h"
#include "mls-ssm-workload.h"
#include "mls-diffusion-workload.h"
#include "mls-recommendation-workload.h"
#include "mls-generic-workload.h"
#include "mls-hardware-node.h"
#include "mls-grid-profile.h"
#include "mls-datacenter.h"
#include "mls-network-fabric.h"
#include "mls-node.h"
#include "mls-fleet.h"
#include "mls-registry.h"
#include "mls-audit-report.h"

#include "mls-formulas-operations-extra.h"
#include "mls-formula-error.h"
#include "mls-formulas-communication.h"
#include "mls-formulas-economics.h"
#include "mls-formulas-memory.h"
#include "mls-formulas-performance.h"
#include "mls-formulas-reliability.h"
#include "mls-formulas-scaling.h"
#include "mls-formulas-serving.h"
#include "mls-formulas-statistics.h"
#include "mls-formulas-transformer.h"
#include "mls-formulas-distributed-extra.h"
#include "mls-formulas-roofline-extra.h"
#include "mls-formulas-serving-extra.h"
#include "mls-formulas-analysis-extra.h"

#include "mls-plan.h"
#include "mls-evaluation.h"
#include "mls-lighthouse.h"
#include "mls-system-ledger.h"
#include "mls-sweep.h"

#undef MLSYSIM_INSIDE
