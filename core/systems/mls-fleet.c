/* mls-fleet.c — Layer D: many nodes on a fabric, in a region
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mlsysim.h"
#include "mls-entry-private.h"

/**
 * MlsFleet:
 *
 * A cluster: `count` nodes (not accelerators) on a fabric, optionally in a region and a
 * datacenter. [method@Fleet.get_total_accelerators] is count × accelerators per node.
 */

struct _MlsFleet
{
  MlsEntry parent_instance;
  guint    count;
  guint    total;
};

G_DEFINE_FINAL_TYPE (MlsFleet, mls_fleet, MLS_TYPE_ENTRY)

/* The `clusters` fields of registry/README.md. */
static const MlsFieldSpec fleet_fields[] = {
  { "node", MLS_FIELD_REFERENCE, "nodes", TRUE, N_("Node") },
  { "count", MLS_FIELD_INTEGER, NULL, TRUE, N_("Nodes") },
  { "fabric", MLS_FIELD_REFERENCE, "fabrics", TRUE, N_("Fabric") },
  { "region", MLS_FIELD_REFERENCE, "grids", FALSE, N_("Region") },
  { "datacenter", MLS_FIELD_REFERENCE, "datacenters", FALSE, N_("Datacenter") },
  { "mtbf", MLS_FIELD_QUANTITY, "h", FALSE, N_("MTBF") },
};

static gboolean
mls_fleet_finish (MlsEntry *entry,
                  GError  **error)
{
  MlsFleet *self = MLS_FLEET (entry);
  MlsEntry *node;
  gint64 count;
  guint64 total;

  if (!MLS_ENTRY_CLASS (mls_fleet_parent_class)->finish (entry, error))
    return FALSE;
  count = mls_entry_get_integer (entry, "count", 0);
  node = mls_entry_get_reference (entry, "node");
  total = MLS_IS_NODE (node) ? (guint64) MAX (count, 0) *
                                 mls_node_get_accelerators_per_node (MLS_NODE (node))
                             : 0;
  if (count < 1 || total > G_MAXUINT)
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("clusters entry “%s”: count is the number of nodes and must be between 1 "
                     "and %u accelerators in all; got %" G_GINT64_FORMAT),
                   mls_entry_get_key (entry), G_MAXUINT, count);
      return FALSE;
    }
  self->count = (guint) count;
  self->total = (guint) total;
  return TRUE;
}

static void
mls_fleet_class_init (MlsFleetClass *klass)
{
  MlsEntryClass *entry_class = MLS_ENTRY_CLASS (klass);

  entry_class->category = "clusters";
  entry_class->fields = fleet_fields;
  entry_class->n_fields = G_N_ELEMENTS (fleet_fields);
  entry_class->finish = mls_fleet_finish;
}

static void
mls_fleet_init (MlsFleet *self)
{
}

/**
 * mls_fleet_new:
 * @name: the key and name of the fleet
 * @node: the node type
 * @count: the number of nodes
 * @fabric: the network between nodes (a #MlsNetworkFabric)
 * @region: (nullable): the grid the fleet draws from (a #MlsGridProfile), or %NULL
 * @error: return location for a #GError
 *
 * Builds a fleet in code, for plans that describe their own cluster.
 *
 * Returns: (transfer full) (nullable): the fleet, or %NULL if @count is out of range
 */
MlsFleet *
mls_fleet_new (const char *name,
               MlsNode    *node,
               guint       count,
               MlsEntry   *fabric,
               MlsEntry   *region,
               GError    **error)
{
  g_autoptr(MlsEntry) entry = NULL;
  MlsQuantity n = mls_quantity_scalar (count);

  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  g_return_val_if_fail (MLS_IS_NODE (node), NULL);
  g_return_val_if_fail (MLS_IS_NETWORK_FABRIC (fabric), NULL);
  g_return_val_if_fail (region == NULL || MLS_IS_GRID_PROFILE (region), NULL);

  entry = mls_entry_new (MLS_TYPE_FLEET, name, NULL);
  mls_entry_set_from_string (entry, "name", name, NULL);
  mls_entry_set_reference (entry, "node", MLS_ENTRY (node));
  mls_entry_set_quantity (entry, "count", &n);
  mls_entry_set_reference (entry, "fabric", fabric);
  if (region != NULL)
    mls_entry_set_reference (entry, "region", region);
  mls_entry_set_plan_provenance (entry);
  if (!mls_entry_finish (entry, error))
    return NULL;
  return MLS_FLEET (g_steal_pointer (&entry));
}

/**
 * mls_fleet_get_node:
 * @self: a #MlsFleet
 *
 * Returns: (transfer none) (nullable): the node type
 */
MlsNode *
mls_fleet_get_node (MlsFleet *self)
{
  MlsEntry *node;

  g_return_val_if_fail (MLS_IS_FLEET (self), NULL);
  node = mls_entry_get_reference (MLS_ENTRY (self), "node");
  return MLS_IS_NODE (node) ? MLS_NODE (node) : NULL;
}

/**
 * mls_fleet_get_count:
 * @self: a #MlsFleet
 *
 * Returns: the number of nodes
 */
guint
mls_fleet_get_count (MlsFleet *self)
{
  g_return_val_if_fail (MLS_IS_FLEET (self), 0);
  return self->count;
}

/**
 * mls_fleet_get_fabric:
 * @self: a #MlsFleet
 *
 * Returns: (transfer none) (nullable): the fabric (a #MlsNetworkFabric)
 */
MlsEntry *
mls_fleet_get_fabric (MlsFleet *self)
{
  g_return_val_if_fail (MLS_IS_FLEET (self), NULL);
  return mls_entry_get_reference (MLS_ENTRY (self), "fabric");
}

/**
 * mls_fleet_get_region:
 * @self: a #MlsFleet
 *
 * Returns: (transfer none) (nullable): the grid (a #MlsGridProfile), or %NULL when unset
 */
MlsEntry *
mls_fleet_get_region (MlsFleet *self)
{
  g_return_val_if_fail (MLS_IS_FLEET (self), NULL);
  return mls_entry_get_reference (MLS_ENTRY (self), "region");
}

/**
 * mls_fleet_get_datacenter:
 * @self: a #MlsFleet
 *
 * Returns: (transfer none) (nullable): the site (a #MlsDatacenter), or %NULL when unset
 */
MlsEntry *
mls_fleet_get_datacenter (MlsFleet *self)
{
  g_return_val_if_fail (MLS_IS_FLEET (self), NULL);
  return mls_entry_get_reference (MLS_ENTRY (self), "datacenter");
}

/**
 * mls_fleet_get_total_accelerators:
 * @self: a #MlsFleet
 *
 * Returns: count × accelerators per node
 */
guint
mls_fleet_get_total_accelerators (MlsFleet *self)
{
  g_return_val_if_fail (MLS_IS_FLEET (self), 0);
  return self->total;
}
