/* mls-ssm-workload.c — a state-space model (Mamba)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "mlsysim.h"
#include "mls-entry-private.h"
#include "mls-workload-private.h"

/**
 * MlsSsmWorkload:
 *
 * A state-space model (Mamba): `parameters`, `layers`, `hidden_dim` and `state_size`. Its
 * recurrent state replaces the KV cache and does not grow with the sequence
 * ([method@SsmWorkload.state_cache_size]).
 */

struct _MlsSsmWorkload
{
  MlsWorkload parent_instance;
  guint       state_size;
};

G_DEFINE_FINAL_TYPE (MlsSsmWorkload, mls_ssm_workload, MLS_TYPE_WORKLOAD)

static gboolean
mls_ssm_workload_finish (MlsEntry *entry,
                         GError  **error)
{
  MlsWorkload *w = MLS_WORKLOAD (entry);

  if (!MLS_ENTRY_CLASS (mls_ssm_workload_parent_class)->finish (entry, error))
    return FALSE;
  if (!mls_workload_require (w, "parameters", error) ||
      !mls_workload_require (w, "layers", error) ||
      !mls_workload_require (w, "hidden_dim", error) ||
      !mls_workload_require (w, "state_size", error))
    return FALSE;
  MLS_SSM_WORKLOAD (entry)->state_size = mls_entry_get_uint (entry, "state_size");
  return TRUE;
}

static void
mls_ssm_workload_class_init (MlsSsmWorkloadClass *klass)
{
  MLS_ENTRY_CLASS (klass)->finish = mls_ssm_workload_finish;
  MLS_WORKLOAD_CLASS (klass)->kind = MLS_WORKLOAD_SSM;
}

static void
mls_ssm_workload_init (MlsSsmWorkload *self)
{
}

/**
 * mls_ssm_workload_get_state_size:
 * @self: a #MlsSsmWorkload
 *
 * Returns: the state size per channel (N in Mamba)
 */
guint
mls_ssm_workload_get_state_size (MlsSsmWorkload *self)
{
  g_return_val_if_fail (MLS_IS_SSM_WORKLOAD (self), 0);
  return self->state_size;
}

/**
 * mls_ssm_workload_state_cache_size:
 * @self: a #MlsSsmWorkload
 * @batch: sequences
 * @bytes_per_element: the storage size of one state element, in bytes
 * @out: (out caller-allocates): the recurrent state [B]
 *
 * The recurrent state carried between tokens: L·B·hidden·state·bytes (inventory §3,
 * `get_state_cache_size`), independent of the sequence length.
 *
 * Returns: %TRUE
 */
gboolean
mls_ssm_workload_state_cache_size (MlsSsmWorkload *self,
                                   guint           batch,
                                   double          bytes_per_element,
                                   MlsQuantity    *out)
{
  MlsWorkload *w = MLS_WORKLOAD (self);

  g_return_val_if_fail (MLS_IS_SSM_WORKLOAD (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = mls_quantity_make ((double) mls_workload_get_layers (w) * batch *
                              mls_workload_get_hidden_dim (w) * self->state_size *
                              bytes_per_element,
                            0, 0, 0, 1, 0, 0);
  return TRUE;
}
