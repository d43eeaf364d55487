/* mls-node.c — Layer D: a server holding several accelerators
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mlsysim.h"
#include "mls-entry-private.h"

/**
 * MlsNode:
 *
 * A server: an accelerator (a [class@HardwareNode]), how many of them, and the
 * per-direction bandwidth between them. NICs and power supplies feed the node MTBF.
 */

struct _MlsNode
{
  MlsEntry    parent_instance;
  guint       per_node;
  guint       nics;
  guint       psus;
  MlsQuantity intra_node_bw;
};

G_DEFINE_FINAL_TYPE (MlsNode, mls_node, MLS_TYPE_ENTRY)

/* The `nodes` fields of registry/README.md. */
static const MlsFieldSpec node_fields[] = {
  { "accelerator", MLS_FIELD_REFERENCE, "hardware", TRUE, N_("Accelerator") },
  { "accelerators_per_node", MLS_FIELD_INTEGER, NULL, TRUE, N_("Accelerators per node") },
  { "intra_node_bw", MLS_FIELD_QUANTITY, "B/s", FALSE, N_("Intra-node bandwidth") },
  { "nics_per_node", MLS_FIELD_INTEGER, NULL, FALSE, N_("NICs per node") },
  { "psus_per_node", MLS_FIELD_INTEGER, NULL, FALSE, N_("Power supplies per node") },
};

static gboolean
mls_node_finish (MlsEntry *entry,
                 GError  **error)
{
  MlsNode *self = MLS_NODE (entry);
  MlsEntry *accelerator;
  gint64 per_node, nics, psus;

  if (!MLS_ENTRY_CLASS (mls_node_parent_class)->finish (entry, error))
    return FALSE;
  per_node = mls_entry_get_integer (entry, "accelerators_per_node", 0);
  /* the reference Node's defaults: one NIC, two power supplies */
  nics = mls_entry_get_integer (entry, "nics_per_node", 1);
  psus = mls_entry_get_integer (entry, "psus_per_node", 2);
  if (per_node < 1 || per_node > G_MAXUINT16 || nics < 0 || psus < 0 || nics > G_MAXUINT16 ||
      psus > G_MAXUINT16)
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("nodes entry “%s” needs at least one accelerator, and non-negative NIC "
                     "and power-supply counts"), mls_entry_get_key (entry));
      return FALSE;
    }
  self->per_node = (guint) per_node;
  self->nics = (guint) nics;
  self->psus = (guint) psus;

  accelerator = mls_entry_get_reference (entry, "accelerator");
  if (!mls_entry_get_quantity (entry, "intra_node_bw", &self->intra_node_bw, NULL))
    {
      if (MLS_IS_HARDWARE_NODE (accelerator))
        self->intra_node_bw =
          *mls_hardware_node_get_intra_node_bandwidth (MLS_HARDWARE_NODE (accelerator));
      else
        self->intra_node_bw = mls_quantity_make (0, -1, 0, 0, 1, 0, 0);
    }
  return TRUE;
}

static void
mls_node_class_init (MlsNodeClass *klass)
{
  MlsEntryClass *entry_class = MLS_ENTRY_CLASS (klass);

  entry_class->category = "nodes";
  entry_class->fields = node_fields;
  entry_class->n_fields = G_N_ELEMENTS (node_fields);
  entry_class->finish = mls_node_finish;
}

static void
mls_node_init (MlsNode *self)
{
}

/**
 * mls_node_new:
 * @name: the key and name of the node
 * @accelerator: the accelerator, a #MlsHardwareNode
 * @accelerators_per_node: how many accelerators the node holds
 * @intra_node_bw: (nullable): the per-direction bandwidth between them, or %NULL for the
 *   accelerator's intra-node link
 * @error: return location for a #GError
 *
 * Builds a node in code, for fleets described by a plan rather than the registry.
 *
 * Returns: (transfer full) (nullable): the node, or %NULL if a value is out of range or has
 *   the wrong dimension
 */
MlsNode *
mls_node_new (const char        *name,
              MlsEntry          *accelerator,
              guint              accelerators_per_node,
              const MlsQuantity *intra_node_bw,
              GError           **error)
{
  g_autoptr(MlsEntry) entry = NULL;
  MlsQuantity n = mls_quantity_scalar (accelerators_per_node);

  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  g_return_val_if_fail (MLS_IS_HARDWARE_NODE (accelerator), NULL);

  if (intra_node_bw != NULL &&
      !mls_quantity_check_dimension (intra_node_bw, "B/s", "intra_node_bw", error))
    return NULL;
  entry = mls_entry_new (MLS_TYPE_NODE, name, NULL);
  mls_entry_set_from_string (entry, "name", name, NULL);
  mls_entry_set_reference (entry, "accelerator", accelerator);
  mls_entry_set_quantity (entry, "accelerators_per_node", &n);
  if (intra_node_bw != NULL)
    mls_entry_set_quantity (entry, "intra_node_bw", intra_node_bw);
  mls_entry_set_plan_provenance (entry);
  if (!mls_entry_finish (entry, error))
    return NULL;
  return MLS_NODE (g_steal_pointer (&entry));
}

/**
 * mls_node_get_accelerator:
 * @self: a #MlsNode
 *
 * Returns: (transfer none) (nullable): the accelerator (a #MlsHardwareNode), or %NULL before
 *   the registry links it
 */
MlsEntry *
mls_node_get_accelerator (MlsNode *self)
{
  g_return_val_if_fail (MLS_IS_NODE (self), NULL);
  return mls_entry_get_reference (MLS_ENTRY (self), "accelerator");
}

/**
 * mls_node_get_accelerators_per_node:
 * @self: a #MlsNode
 *
 * Returns: the accelerators in one node
 */
guint
mls_node_get_accelerators_per_node (MlsNode *self)
{
  g_return_val_if_fail (MLS_IS_NODE (self), 0);
  return self->per_node;
}

/**
 * mls_node_get_intra_node_bandwidth:
 * @self: a #MlsNode
 *
 * Returns: (transfer none): the per-direction bandwidth between accelerators [B/s]: the
 *   entry's `intra_node_bw`, else the accelerator's intra-node link per direction
 */
const MlsQuantity *
mls_node_get_intra_node_bandwidth (MlsNode *self)
{
  g_return_val_if_fail (MLS_IS_NODE (self), NULL);
  return &self->intra_node_bw;
}

/**
 * mls_node_get_nics_per_node:
 * @self: a #MlsNode
 *
 * Returns: the network interfaces (1 unless the entry says otherwise)
 */
guint
mls_node_get_nics_per_node (MlsNode *self)
{
  g_return_val_if_fail (MLS_IS_NODE (self), 0);
  return self->nics;
}

/**
 * mls_node_get_psus_per_node:
 * @self: a #MlsNode
 *
 * Returns: the power supplies counted for reliability (2 unless the entry says otherwise)
 */
guint
mls_node_get_psus_per_node (MlsNode *self)
{
  g_return_val_if_fail (MLS_IS_NODE (self), 0);
  return self->psus;
}
