/* mls-generic-workload.c — a workload known only by size and operations
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "mlsysim.h"

/**
 * MlsGenericWorkload:
 *
 * A workload known only by its parameters (or stored size) and operations: small MLPs,
 * feature extractors. Lowering follows the base rules of [class@Workload].
 */

struct _MlsGenericWorkload
{
  MlsWorkload parent_instance;
};

G_DEFINE_FINAL_TYPE (MlsGenericWorkload, mls_generic_workload, MLS_TYPE_WORKLOAD)

static void
mls_generic_workload_class_init (MlsGenericWorkloadClass *klass)
{
  MLS_WORKLOAD_CLASS (klass)->kind = MLS_WORKLOAD_GENERIC;
}

static void
mls_generic_workload_init (MlsGenericWorkload *self)
{
}
