/* mls-moe-workload.c — a sparse mixture-of-experts transformer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mlsysim.h"
#include "mls-entry-private.h"
#include "mls-workload-private.h"

/**
 * MlsMoeWorkload:
 *
 * A mixture-of-experts transformer (Mixtral, DeepSeek-V3): every expert is stored, but each
 * token runs only a few. Lowering therefore takes the weights from the total parameters and
 * the operations from the active ones: operations = `inference_flops` or 2 × active
 * parameters (inventory §3, SparseTransformerWorkload).
 */

struct _MlsMoeWorkload
{
  MlsTransformerWorkload parent_instance;
  guint                  experts;
  guint                  active_experts;
};

G_DEFINE_FINAL_TYPE (MlsMoeWorkload, mls_moe_workload, MLS_TYPE_TRANSFORMER_WORKLOAD)

static gboolean
mls_moe_workload_finish (MlsEntry *entry,
                         GError  **error)
{
  MlsMoeWorkload *self = MLS_MOE_WORKLOAD (entry);

  if (!MLS_ENTRY_CLASS (mls_moe_workload_parent_class)->finish (entry, error))
    return FALSE;
  if (!mls_workload_require (MLS_WORKLOAD (entry), "active_parameters", error))
    return FALSE;
  self->experts = mls_entry_get_uint (entry, "experts");
  /* one expert per token unless the entry says otherwise (the reference's default) */
  self->active_experts = (guint) mls_entry_get_integer (entry, "active_experts", 1);
  if (self->experts > 0 && self->active_experts > self->experts)
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("models entry “%s” routes each token to %u experts but has only %u"),
                   mls_entry_get_key (entry), self->active_experts, self->experts);
      return FALSE;
    }
  return TRUE;
}

static gboolean
mls_moe_workload_lower (MlsWorkload         *self,
                        double               bytes_per_element,
                        MlsComputationGraph *out,
                        GError             **error)
{
  const MlsQuantity *ops = mls_workload_get_inference_ops (self);
  double per_token = ops->value > 0 ? ops->value
                                    : 2.0 * mls_workload_get_active_parameter_count (self);

  return mls_workload_lower_default (self, bytes_per_element, per_token, out, error);
}

static void
mls_moe_workload_class_init (MlsMoeWorkloadClass *klass)
{
  MLS_ENTRY_CLASS (klass)->finish = mls_moe_workload_finish;
  MLS_WORKLOAD_CLASS (klass)->kind = MLS_WORKLOAD_MOE;
  MLS_WORKLOAD_CLASS (klass)->lower_bytes = mls_moe_workload_lower;
}

static void
mls_moe_workload_init (MlsMoeWorkload *self)
{
}

/**
 * mls_moe_workload_get_experts:
 * @self: a #MlsMoeWorkload
 *
 * Returns: the number of experts per layer, 0 when unknown
 */
guint
mls_moe_workload_get_experts (MlsMoeWorkload *self)
{
  g_return_val_if_fail (MLS_IS_MOE_WORKLOAD (self), 0);
  return self->experts;
}

/**
 * mls_moe_workload_get_active_experts:
 * @self: a #MlsMoeWorkload
 *
 * Returns: the experts each token is routed to (1 unless the entry says otherwise)
 */
guint
mls_moe_workload_get_active_experts (MlsMoeWorkload *self)
{
  g_return_val_if_fail (MLS_IS_MOE_WORKLOAD (self), 0);
  return self->active_experts;
}
