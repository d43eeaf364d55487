/* mls-transformer-workload.c — a dense decoder or encoder transformer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "mlsysim.h"
#include "mls-workload-private.h"

/**
 * MlsTransformerWorkload:
 *
 * A dense transformer (Llama, GPT, BERT). It needs `parameters` and `layers`; the attention
 * shape (`hidden_dim`, `heads`, `kv_heads`, `head_dim`, or the MLA ranks) sizes its KV cache
 * ([method@Workload.kv_cache_size]). Lowering: operations = `inference_flops` or 2 × P per
 * token, weights = P × bytes.
 */

G_DEFINE_TYPE (MlsTransformerWorkload, mls_transformer_workload, MLS_TYPE_WORKLOAD)

static gboolean
mls_transformer_workload_finish (MlsEntry *entry,
                                 GError  **error)
{
  if (!MLS_ENTRY_CLASS (mls_transformer_workload_parent_class)->finish (entry, error))
    return FALSE;
  return mls_workload_require (MLS_WORKLOAD (entry), "parameters", error) &&
         mls_workload_require (MLS_WORKLOAD (entry), "layers", error);
}

static void
mls_transformer_workload_class_init (MlsTransformerWorkloadClass *klass)
{
  MLS_ENTRY_CLASS (klass)->finish = mls_transformer_workload_finish;
  MLS_WORKLOAD_CLASS (klass)->kind = MLS_WORKLOAD_TRANSFORMER;
}

static void
mls_transformer_workload_init (MlsTransformerWorkload *self)
{
}
