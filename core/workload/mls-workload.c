/* mls-workload.c — Layer A, demand: what a model asks of any hardware
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mlsysim.h"
#include "mls-entry-private.h"
#include "mls-workload-private.h"

/**
 * MlsWorkload:
 *
 * A model as demand: parameters, operations per pass, layers and attention shape. Each
 * family is a subclass ([class@TransformerWorkload], [class@MoeWorkload],
 * [class@CnnWorkload], [class@SsmWorkload], [class@DiffusionWorkload],
 * [class@RecommendationWorkload], [class@GenericWorkload]); the registry picks it from the
 * entry's `kind`.
 *
 * [method@Workload.lower] turns a workload into a hardware-agnostic
 * [struct@ComputationGraph] at a precision. Workloads never know about hardware.
 */

typedef struct
{
  double      parameters;
  double      active_parameters;
  MlsQuantity inference_ops;
  MlsQuantity model_size;
  gboolean    has_model_size;
  guint       layers;
  guint       hidden_dim;
  guint       heads;
  guint       kv_heads;
  guint       head_dim;
  guint       kv_lora_rank;
  guint       qk_rope_head_dim;
  gboolean    autoregressive;
} MlsWorkloadPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MlsWorkload, mls_workload, MLS_TYPE_ENTRY)

/* The `models` fields of registry/README.md; the kinds add their required ones in finish. */
static const MlsFieldSpec workload_fields[] = {
  { "kind", MLS_FIELD_STRING, "transformer|moe|cnn|ssm|diffusion|recommendation|generic",
    FALSE, N_("Kind") },
  { "category", MLS_FIELD_STRING, "language|vision|tiny|recommendation|generative|science",
    FALSE, N_("Category") },
  { "architecture", MLS_FIELD_STRING, NULL, FALSE, N_("Architecture") },
  { "autoregressive", MLS_FIELD_BOOLEAN, NULL, FALSE, N_("Autoregressive") },
  { "parameters", MLS_FIELD_QUANTITY, "param", FALSE, N_("Parameters") },
  { "active_parameters", MLS_FIELD_QUANTITY, "param", FALSE, N_("Active parameters") },
  { "experts", MLS_FIELD_INTEGER, NULL, FALSE, N_("Experts") },
  { "active_experts", MLS_FIELD_INTEGER, NULL, FALSE, N_("Active experts per token") },
  { "layers", MLS_FIELD_INTEGER, NULL, FALSE, N_("Layers") },
  { "hidden_dim", MLS_FIELD_INTEGER, NULL, FALSE, N_("Hidden size") },
  { "heads", MLS_FIELD_INTEGER, NULL, FALSE, N_("Attention heads") },
  { "kv_heads", MLS_FIELD_INTEGER, NULL, FALSE, N_("KV heads") },
  { "head_dim", MLS_FIELD_INTEGER, NULL, FALSE, N_("Head size") },
  { "kv_lora_rank", MLS_FIELD_INTEGER, NULL, FALSE, N_("MLA KV rank") },
  { "qk_rope_head_dim", MLS_FIELD_INTEGER, NULL, FALSE, N_("MLA RoPE head size") },
  { "seq_len", MLS_FIELD_INTEGER, NULL, FALSE, N_("Reference sequence length") },
  { "inference_flops", MLS_FIELD_QUANTITY, "FLOP", FALSE, N_("Operations per inference") },
  { "inference_energy", MLS_FIELD_QUANTITY, "J", FALSE, N_("Energy per inference") },
  { "model_size", MLS_FIELD_QUANTITY, "B", FALSE, N_("Model size") },
  { "embedding_entries", MLS_FIELD_QUANTITY, "count", FALSE, N_("Embedding entries") },
  { "embedding_dim", MLS_FIELD_INTEGER, NULL, FALSE, N_("Embedding size") },
  { "state_size", MLS_FIELD_INTEGER, NULL, FALSE, N_("State size") },
  { "denoising_steps", MLS_FIELD_INTEGER, NULL, FALSE, N_("Denoising steps") },
  { "resolution", MLS_FIELD_INTEGER, NULL, FALSE, N_("Resolution") },
  { "training_ops", MLS_FIELD_QUANTITY, "FLOP", FALSE, N_("Training operations") },
  { "training_tokens", MLS_FIELD_QUANTITY, "token", FALSE, N_("Training tokens") },
  { "training_dataset_size", MLS_FIELD_QUANTITY, "B", FALSE, N_("Training data size") },
  { "data_rate", MLS_FIELD_QUANTITY, "B/s", FALSE, N_("Data rate") },
};

static const char *kind_names[] = {
  [MLS_WORKLOAD_GENERIC] = "generic",
  [MLS_WORKLOAD_TRANSFORMER] = "transformer",
  [MLS_WORKLOAD_MOE] = "moe",
  [MLS_WORKLOAD_CNN] = "cnn",
  [MLS_WORKLOAD_SSM] = "ssm",
  [MLS_WORKLOAD_DIFFUSION] = "diffusion",
  [MLS_WORKLOAD_RECOMMENDATION] = "recommendation",
};

void
mls_workload_fill_graph (MlsComputationGraph *out,
                         double               ops,
                         double               parameters,
                         double               weight_bytes,
                         guint                layers)
{
  out->total_ops = mls_quantity_make (ops, 0, 0, 0, 0, 1, 0);
  out->parameter_count = parameters;
  out->weight_bytes = mls_quantity_make (weight_bytes, 0, 0, 0, 1, 0, 0);
  out->arithmetic_intensity = mls_quantity_make (weight_bytes > 0 ? ops / weight_bytes : 0.0,
                                                 0, 0, 0, -1, 1, 0);
  out->layers = layers;
}

gboolean
mls_workload_lower_default (MlsWorkload         *self,
                            double               bytes_per_element,
                            double               ops_per_pass,
                            MlsComputationGraph *out,
                            GError             **error)
{
  MlsWorkloadPrivate *priv = mls_workload_get_instance_private (self);
  double ops = ops_per_pass > 0 ? ops_per_pass : priv->inference_ops.value;

  if (priv->parameters <= 0)
    {
      if (!priv->has_model_size)
        {
          g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_MISSING,
                       _("%s has neither parameters nor model_size, so its weights are "
                         "unknown"), mls_entry_get_key (MLS_ENTRY (self)));
          return FALSE;
        }
      /* Known only by size (DLRM): weights are the stored size at any precision. */
      mls_workload_fill_graph (out, ops, 0, priv->model_size.value, priv->layers);
      return TRUE;
    }
  /* A forward pass costs about 2 FLOP per parameter per token, one multiply and one add
   * (Kaplan et al. 2020, §2.1), unless the entry states its operations. */
  if (ops <= 0)
    ops = 2.0 * priv->parameters;
  mls_workload_fill_graph (out, ops, priv->parameters, priv->parameters * bytes_per_element,
                           priv->layers);
  return TRUE;
}

gboolean
mls_workload_require (MlsWorkload *self,
                      const char  *path,
                      GError     **error)
{
  MlsEntry *entry = MLS_ENTRY (self);
  const MlsFieldSpec *spec;
  g_autofree char *want = NULL;

  if (mls_entry_has_field (entry, path))
    return TRUE;
  spec = mls_entry_get_field_spec (entry, path);
  want = spec ? mls_field_spec_describe (spec) : g_strdup ("");
  g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_MISSING,
               _("models entry “%s” is a %s workload and needs “%s” (%s)"),
               mls_entry_get_key (entry), kind_names[mls_workload_get_kind (self)], path, want);
  return FALSE;
}

static gboolean
mls_workload_real_lower (MlsWorkload         *self,
                         double               bytes_per_element,
                         MlsComputationGraph *out,
                         GError             **error)
{
  return mls_workload_lower_default (self, bytes_per_element, 0, out, error);
}

static gboolean
guess_autoregressive (MlsWorkload *self)
{
  const char *arch = mls_entry_get_string (MLS_ENTRY (self), "architecture");
  g_autofree char *lower = arch ? g_ascii_strdown (arch, -1) : NULL;

  switch (mls_workload_get_kind (self))
    {
    case MLS_WORKLOAD_TRANSFORMER:
    case MLS_WORKLOAD_MOE:
    case MLS_WORKLOAD_SSM:
      /* Encoders (BERT) read a whole sequence at once; decoders generate token by token. */
      return lower == NULL || strstr (lower, "encoder") == NULL || strstr (lower, "decoder");
    default:
      return FALSE;
    }
}

static gboolean
check_positive (MlsEntry   *entry,
                const char *path,
                GError    **error)
{
  MlsQuantity q;

  if (mls_entry_get_quantity (entry, path, &q, NULL) && !(q.value > 0))
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("%s of %s must be positive"), path, mls_entry_get_key (entry));
      return FALSE;
    }
  return TRUE;
}

static gboolean
mls_workload_finish (MlsEntry *entry,
                     GError  **error)
{
  MlsWorkload *self = MLS_WORKLOAD (entry);
  MlsWorkloadPrivate *priv = mls_workload_get_instance_private (self);
  static const char *positive[] = {
    "parameters", "active_parameters", "experts", "active_experts", "layers", "hidden_dim",
    "heads", "kv_heads", "head_dim", "kv_lora_rank", "qk_rope_head_dim", "seq_len",
    "inference_flops", "model_size", "state_size", "denoising_steps", "resolution",
  };
  const char *kind;

  if (!MLS_ENTRY_CLASS (mls_workload_parent_class)->finish (entry, error))
    return FALSE;

  kind = mls_entry_get_string (entry, "kind");
  if (kind != NULL && strcmp (kind, kind_names[mls_workload_get_kind (self)]) != 0)
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("models entry “%s” says kind “%s” but was built as a %s workload"),
                   mls_entry_get_key (entry), kind, kind_names[mls_workload_get_kind (self)]);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (positive); i++)
    if (!check_positive (entry, positive[i], error))
      return FALSE;
  if (!mls_entry_has_field (entry, "parameters") && !mls_entry_has_field (entry, "model_size"))
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_MISSING,
                   _("models entry “%s” needs “parameters” (such as “8.03e9 param”) or "
                     "“model_size” (such as “100 GB”)"), mls_entry_get_key (entry));
      return FALSE;
    }

  priv->parameters = 0;
  priv->active_parameters = 0;
  mls_entry_get_number (entry, "parameters", &priv->parameters, NULL);
  if (!mls_entry_get_number (entry, "active_parameters", &priv->active_parameters, NULL))
    priv->active_parameters = priv->parameters;
  if (priv->active_parameters > priv->parameters && priv->parameters > 0)
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("models entry “%s” has more active parameters than parameters"),
                   mls_entry_get_key (entry));
      return FALSE;
    }
  mls_entry_cache_quantity (entry, "inference_flops", &priv->inference_ops);
  priv->has_model_size = mls_entry_get_quantity (entry, "model_size", &priv->model_size, NULL);
  priv->layers = mls_entry_get_uint (entry, "layers");
  priv->hidden_dim = mls_entry_get_uint (entry, "hidden_dim");
  priv->heads = mls_entry_get_uint (entry, "heads");
  priv->kv_heads = mls_entry_get_uint (entry, "kv_heads");
  priv->head_dim = mls_entry_get_uint (entry, "head_dim");
  priv->kv_lora_rank = mls_entry_get_uint (entry, "kv_lora_rank");
  priv->qk_rope_head_dim = mls_entry_get_uint (entry, "qk_rope_head_dim");
  if (priv->heads > 0 && priv->kv_heads > priv->heads)
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("models entry “%s” has more KV heads (%u) than attention heads (%u)"),
                   mls_entry_get_key (entry), priv->kv_heads, priv->heads);
      return FALSE;
    }
  priv->autoregressive = mls_entry_get_boolean (entry, "autoregressive",
                                                guess_autoregressive (self));
  return TRUE;
}

static void
mls_workload_class_init (MlsWorkloadClass *klass)
{
  MlsEntryClass *entry_class = MLS_ENTRY_CLASS (klass);

  entry_class->category = "models";
  entry_class->fields = workload_fields;
  entry_class->n_fields = G_N_ELEMENTS (workload_fields);
  entry_class->finish = mls_workload_finish;
  klass->kind = MLS_WORKLOAD_GENERIC;
  klass->lower_bytes = mls_workload_real_lower;
}

static void
mls_workload_init (MlsWorkload *self)
{
}

/**
 * mls_workload_type_for_kind:
 * @kind: a family name as written in the registry ("transformer", "moe", "cnn", "ssm",
 *   "diffusion", "recommendation", "generic"); case does not matter
 *
 * Returns: the #MlsWorkload subtype for @kind, or %G_TYPE_INVALID
 */
GType
mls_workload_type_for_kind (const char *kind)
{
  static const struct
  {
    const char *name;
    GType (*get_type) (void);
  } kinds[] = {
    { "generic", mls_generic_workload_get_type },
    { "transformer", mls_transformer_workload_get_type },
    { "moe", mls_moe_workload_get_type },
    { "cnn", mls_cnn_workload_get_type },
    { "ssm", mls_ssm_workload_get_type },
    { "diffusion", mls_diffusion_workload_get_type },
    { "recommendation", mls_recommendation_workload_get_type },
  };

  g_return_val_if_fail (kind != NULL, G_TYPE_INVALID);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strcasecmp (kind, kinds[i].name) == 0)
      return kinds[i].get_type ();
  return G_TYPE_INVALID;
}

/**
 * mls_workload_get_kind:
 * @self: a #MlsWorkload
 *
 * Returns: the family of @self
 */
MlsWorkloadKind
mls_workload_get_kind (MlsWorkload *self)
{
  g_return_val_if_fail (MLS_IS_WORKLOAD (self), MLS_WORKLOAD_GENERIC);
  return MLS_WORKLOAD_GET_CLASS (self)->kind;
}

/**
 * mls_workload_lower_bytes:
 * @self: a finished #MlsWorkload
 * @bytes_per_element: the storage size of one weight, in bytes (2 for fp16)
 * @out: (out caller-allocates): the computation graph
 * @error: return location for a #GError
 *
 * Lowers @self at a storage size per element (inventory §3): weights = parameters × bytes
 * (or the stored model size), operations = the stated operations per pass or 2 × parameters
 * (2 × active parameters for mixture-of-experts, × steps for diffusion).
 *
 * Returns: %TRUE on success; %FALSE if the workload lacks what the lowering needs
 */
gboolean
mls_workload_lower_bytes (MlsWorkload         *self,
                          double               bytes_per_element,
                          MlsComputationGraph *out,
                          GError             **error)
{
  g_return_val_if_fail (MLS_IS_WORKLOAD (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!(bytes_per_element > 0) || !isfinite (bytes_per_element))
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("Bytes per element must be positive (fp16 is 2); got %g"),
                   bytes_per_element);
      return FALSE;
    }
  memset (out, 0, sizeof *out);
  return MLS_WORKLOAD_GET_CLASS (self)->lower_bytes (self, bytes_per_element, out, error);
}

/**
 * mls_workload_lower:
 * @self: a finished #MlsWorkload
 * @precision: the numeric precision of the weights
 * @out: (out caller-allocates): the computation graph
 * @error: return location for a #GError
 *
 * Lowers @self at @precision; see mls_workload_lower_bytes().
 *
 * Returns: %TRUE on success
 */
gboolean
mls_workload_lower (MlsWorkload         *self,
                    MlsPrecision         precision,
                    MlsComputationGraph *out,
                    GError             **error)
{
  g_return_val_if_fail ((guint) precision < MLS_N_PRECISIONS, FALSE);
  return mls_workload_lower_bytes (self, mls_precision_bytes (precision), out, error);
}

/**
 * mls_workload_get_parameter_count:
 * @self: a #MlsWorkload
 *
 * Returns: the parameters stored (total for mixture-of-experts), 0 when unknown
 */
double
mls_workload_get_parameter_count (MlsWorkload *self)
{
  MlsWorkloadPrivate *priv;

  g_return_val_if_fail (MLS_IS_WORKLOAD (self), 0);
  priv = mls_workload_get_instance_private (self);
  return priv->parameters;
}

/**
 * mls_workload_get_active_parameter_count:
 * @self: a #MlsWorkload
 *
 * Returns: the parameters used per token (the total for dense models)
 */
double
mls_workload_get_active_parameter_count (MlsWorkload *self)
{
  MlsWorkloadPrivate *priv;

  g_return_val_if_fail (MLS_IS_WORKLOAD (self), 0);
  priv = mls_workload_get_instance_private (self);
  return priv->active_parameters;
}

/**
 * mls_workload_get_inference_ops:
 * @self: a #MlsWorkload
 *
 * Returns: (transfer none): the stated operations per inference [FLOP] (per token for
 *   language models, per step for diffusion); 0 FLOP when the entry states none
 */
const MlsQuantity *
mls_workload_get_inference_ops (MlsWorkload *self)
{
  MlsWorkloadPrivate *priv;

  g_return_val_if_fail (MLS_IS_WORKLOAD (self), NULL);
  priv = mls_workload_get_instance_private (self);
  return &priv->inference_ops;
}

/**
 * mls_workload_get_layers:
 * @self: a #MlsWorkload
 *
 * Returns: the number of layers, 0 when unknown
 */
guint
mls_workload_get_layers (MlsWorkload *self)
{
  MlsWorkloadPrivate *priv;

  g_return_val_if_fail (MLS_IS_WORKLOAD (self), 0);
  priv = mls_workload_get_instance_private (self);
  return priv->layers;
}

/**
 * mls_workload_get_hidden_dim:
 * @self: a #MlsWorkload
 *
 * Returns: the hidden size (model width), 0 when unknown
 */
guint
mls_workload_get_hidden_dim (MlsWorkload *self)
{
  MlsWorkloadPrivate *priv;

  g_return_val_if_fail (MLS_IS_WORKLOAD (self), 0);
  priv = mls_workload_get_instance_private (self);
  return priv->hidden_dim;
}

/**
 * mls_workload_get_heads:
 * @self: a #MlsWorkload
 *
 * Returns: the attention heads, 0 when unknown
 */
guint
mls_workload_get_heads (MlsWorkload *self)
{
  MlsWorkloadPrivate *priv;

  g_return_val_if_fail (MLS_IS_WORKLOAD (self), 0);
  priv = mls_workload_get_instance_private (self);
  return priv->heads;
}

/**
 * mls_workload_get_kv_heads:
 * @self: a #MlsWorkload
 *
 * Returns: the key/value heads (grouped-query attention), or the attention heads when the
 *   entry gives none; 0 when both are unknown
 */
guint
mls_workload_get_kv_heads (MlsWorkload *self)
{
  MlsWorkloadPrivate *priv;

  g_return_val_if_fail (MLS_IS_WORKLOAD (self), 0);
  priv = mls_workload_get_instance_private (self);
  return priv->kv_heads ? priv->kv_heads : priv->heads;
}

/**
 * mls_workload_get_head_dim:
 * @self: a #MlsWorkload
 *
 * Returns: the size of one attention head: the entry's `head_dim`, else hidden ÷ heads
 *   (integer division); 0 when unknown
 */
guint
mls_workload_get_head_dim (MlsWorkload *self)
{
  MlsWorkloadPrivate *priv;

  g_return_val_if_fail (MLS_IS_WORKLOAD (self), 0);
  priv = mls_workload_get_instance_private (self);
  if (priv->head_dim)
    return priv->head_dim;
  return priv->heads ? priv->hidden_dim / priv->heads : 0;
}

/**
 * mls_workload_is_autoregressive:
 * @self: a #MlsWorkload
 *
 * Whether the model generates token by token (and so has a decode phase): the entry's
 * `autoregressive` when set; otherwise transformers, mixtures of experts and state-space
 * models are, unless their architecture says encoder without decoder (BERT).
 *
 * Returns: %TRUE for autoregressive models
 */
gboolean
mls_workload_is_autoregressive (MlsWorkload *self)
{
  MlsWorkloadPrivate *priv;

  g_return_val_if_fail (MLS_IS_WORKLOAD (self), FALSE);
  priv = mls_workload_get_instance_private (self);
  return priv->autoregressive;
}

/**
 * mls_workload_size_in_bytes:
 * @self: a #MlsWorkload
 * @bytes_per_element: the storage size of one weight, in bytes
 * @out: (out caller-allocates): the size of the weights [B]
 *
 * The stored model size when the entry gives one, else parameters × @bytes_per_element
 * (inventory §3, `size_in_bytes`).
 *
 * Returns: %TRUE if the size is known
 */
gboolean
mls_workload_size_in_bytes (MlsWorkload *self,
                            double       bytes_per_element,
                            MlsQuantity *out)
{
  MlsWorkloadPrivate *priv;

  g_return_val_if_fail (MLS_IS_WORKLOAD (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  priv = mls_workload_get_instance_private (self);
  if (priv->has_model_size)
    *out = priv->model_size;
  else if (priv->parameters > 0)
    *out = mls_quantity_make (priv->parameters * bytes_per_element, 0, 0, 0, 1, 0, 0);
  else
    return FALSE;
  return TRUE;
}

static gboolean
fallback_constant (const char *key,
                   guint      *out,
                   GError    **error)
{
  MlsRegistry *registry = mls_registry_get_default (error);
  double value;
  MlsQuantity q;

  if (registry == NULL || !mls_registry_get_constant (registry, key, &q, error))
    return FALSE;
  value = q.value;
  *out = (guint) MAX (value, 1.0);
  return TRUE;
}

/**
 * mls_workload_kv_cache_size:
 * @self: a transformer or mixture-of-experts #MlsWorkload
 * @seq_len: tokens per sequence
 * @batch: sequences
 * @bytes_per_element: the storage size of one cached element, in bytes
 * @out: (out caller-allocates): the KV cache size [B]
 * @error: return location for a #GError
 *
 * The key/value cache of @seq_len tokens for @batch sequences (inventory §3,
 * `get_kv_cache_size`). With multi-head latent attention (`kv_lora_rank` and
 * `qk_rope_head_dim` set) it is mls_calc_mla_cache_size(), L·(rank + rope)·S·B·bytes;
 * otherwise mls_calc_kv_cache_size(), 2·L·kv_heads·head_dim·S·B·bytes. A missing
 * hidden size or head count falls back to the registry constants `fallback_hidden_dim` and
 * `fallback_heads`, as in the reference.
 *
 * Returns: %TRUE on success; %FALSE for workloads without attention layers
 */
gboolean
mls_workload_kv_cache_size (MlsWorkload *self,
                            guint        seq_len,
                            guint        batch,
                            double       bytes_per_element,
                            MlsQuantity *out,
                            GError     **error)
{
  MlsWorkloadPrivate *priv;
  MlsWorkloadKind kind;
  MlsQuantity bytes;
  guint hidden, heads, kv_heads, head_dim;

  g_return_val_if_fail (MLS_IS_WORKLOAD (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  priv = mls_workload_get_instance_private (self);
  kind = mls_workload_get_kind (self);
  if (kind != MLS_WORKLOAD_TRANSFORMER && kind != MLS_WORKLOAD_MOE)
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("%s is a %s workload; only transformers keep a KV cache"),
                   mls_entry_get_key (MLS_ENTRY (self)), kind_names[kind]);
      return FALSE;
    }
  if (!(bytes_per_element > 0))
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("Bytes per element must be positive (fp16 is 2); got %g"),
                   bytes_per_element);
      return FALSE;
    }

  bytes = mls_quantity_make (bytes_per_element, 0, 0, 0, 1, 0, 0);
  if (priv->kv_lora_rank > 0 && priv->qk_rope_head_dim > 0)
    return mls_calc_mla_cache_size (priv->layers, priv->kv_lora_rank, priv->qk_rope_head_dim,
                                    seq_len, batch, &bytes, out, error);

  hidden = priv->hidden_dim;
  heads = priv->heads;
  if (hidden == 0 && !fallback_constant ("fallback_hidden_dim", &hidden, error))
    return FALSE;
  if (heads == 0 && !fallback_constant ("fallback_heads", &heads, error))
    return FALSE;
  kv_heads = priv->kv_heads ? priv->kv_heads : heads;
  head_dim = priv->head_dim ? priv->head_dim : hidden / heads;
  return mls_calc_kv_cache_size (priv->layers, kv_heads, head_dim, seq_len, batch, &bytes, NULL,
                                 out, error);
}
