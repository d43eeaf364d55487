/* mls-network-fabric.c — Layer D: the network between nodes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mlsysim.h"
#include "mls-entry-private.h"

/**
 * MlsNetworkFabric:
 *
 * The scale-out network: the per-endpoint link rate in each direction, the per-message
 * latency α of the alpha-beta collective model, the topology, and the oversubscription
 * (injected ÷ bisection bandwidth; 1 is a full-bisection fat tree).
 */

struct _MlsNetworkFabric
{
  MlsEntry    parent_instance;
  MlsQuantity bandwidth;
  MlsQuantity latency;
  double      oversubscription;
};

G_DEFINE_FINAL_TYPE (MlsNetworkFabric, mls_network_fabric, MLS_TYPE_ENTRY)

/* The `fabrics` fields of registry/README.md. */
static const MlsFieldSpec fabric_fields[] = {
  { "topology", MLS_FIELD_STRING, NULL, FALSE, N_("Topology") },
  { "bandwidth", MLS_FIELD_QUANTITY, "B/s", TRUE, N_("Bandwidth") },
  { "latency", MLS_FIELD_QUANTITY, "s", FALSE, N_("Latency") },
  { "oversubscription", MLS_FIELD_NUMBER, NULL, FALSE, N_("Oversubscription") },
};

static gboolean
mls_network_fabric_finish (MlsEntry *entry,
                           GError  **error)
{
  MlsNetworkFabric *self = MLS_NETWORK_FABRIC (entry);

  if (!MLS_ENTRY_CLASS (mls_network_fabric_parent_class)->finish (entry, error))
    return FALSE;
  mls_entry_cache_quantity (entry, "bandwidth", &self->bandwidth);
  mls_entry_cache_quantity (entry, "latency", &self->latency);
  /* full bisection unless the entry says otherwise (the reference's default) */
  if (!mls_entry_get_number (entry, "oversubscription", &self->oversubscription, NULL))
    self->oversubscription = 1.0;
  if (!(self->bandwidth.value > 0) || self->latency.value < 0 || !(self->oversubscription > 0))
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("fabrics entry “%s” needs a positive bandwidth and oversubscription and a "
                     "non-negative latency"), mls_entry_get_key (entry));
      return FALSE;
    }
  return TRUE;
}

static void
mls_network_fabric_class_init (MlsNetworkFabricClass *klass)
{
  MlsEntryClass *entry_class = MLS_ENTRY_CLASS (klass);

  entry_class->category = "fabrics";
  entry_class->fields = fabric_fields;
  entry_class->n_fields = G_N_ELEMENTS (fabric_fields);
  entry_class->finish = mls_network_fabric_finish;
}

static void
mls_network_fabric_init (MlsNetworkFabric *self)
{
}

/**
 * mls_network_fabric_new:
 * @name: the key and name of the fabric
 * @bandwidth: the per-endpoint link rate per direction, a bandwidth such as 50 GB/s
 * @latency: (nullable): the per-message latency α, or %NULL if unknown
 * @oversubscription: injected ÷ bisection bandwidth (1 for full bisection)
 * @error: return location for a #GError
 *
 * Builds a fabric in code, for fleets described by a plan rather than the registry.
 *
 * Returns: (transfer full) (nullable): the fabric, or %NULL if a value has the wrong
 *   dimension or is out of range
 */
MlsNetworkFabric *
mls_network_fabric_new (const char        *name,
                        const MlsQuantity *bandwidth,
                        const MlsQuantity *latency,
                        double             oversubscription,
                        GError           **error)
{
  g_autoptr(MlsEntry) entry = NULL;
  MlsQuantity ratio = mls_quantity_scalar (oversubscription);

  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  g_return_val_if_fail (bandwidth != NULL, NULL);

  if (!mls_quantity_check_dimension (bandwidth, "B/s", "bandwidth", error) ||
      (latency != NULL && !mls_quantity_check_dimension (latency, "s", "latency", error)))
    return NULL;
  entry = mls_entry_new (MLS_TYPE_NETWORK_FABRIC, name, NULL);
  mls_entry_set_from_string (entry, "name", name, NULL);
  mls_entry_set_quantity (entry, "bandwidth", bandwidth);
  if (latency != NULL)
    mls_entry_set_quantity (entry, "latency", latency);
  mls_entry_set_quantity (entry, "oversubscription", &ratio);
  mls_entry_set_plan_provenance (entry);
  if (!mls_entry_finish (entry, error))
    return NULL;
  return MLS_NETWORK_FABRIC (g_steal_pointer (&entry));
}

/**
 * mls_network_fabric_get_bandwidth:
 * @self: a #MlsNetworkFabric
 *
 * Returns: (transfer none): the per-endpoint link rate per direction [B/s]
 */
const MlsQuantity *
mls_network_fabric_get_bandwidth (MlsNetworkFabric *self)
{
  g_return_val_if_fail (MLS_IS_NETWORK_FABRIC (self), NULL);
  return &self->bandwidth;
}

/**
 * mls_network_fabric_get_latency:
 * @self: a #MlsNetworkFabric
 *
 * Returns: (transfer none): the per-message latency α [s]; 0 when unknown (solvers then use
 *   the registry constant `inter_node_latency`)
 */
const MlsQuantity *
mls_network_fabric_get_latency (MlsNetworkFabric *self)
{
  g_return_val_if_fail (MLS_IS_NETWORK_FABRIC (self), NULL);
  return &self->latency;
}

/**
 * mls_network_fabric_get_oversubscription:
 * @self: a #MlsNetworkFabric
 *
 * Returns: injected ÷ bisection bandwidth (1 for full bisection)
 */
double
mls_network_fabric_get_oversubscription (MlsNetworkFabric *self)
{
  g_return_val_if_fail (MLS_IS_NETWORK_FABRIC (self), 1.0);
  return self->oversubscription;
}

/**
 * mls_network_fabric_get_topology:
 * @self: a #MlsNetworkFabric
 *
 * Returns: (transfer none): the topology ("fat-tree", "torus", …); "fat-tree" when the entry
 *   gives none, as in the reference
 */
const char *
mls_network_fabric_get_topology (MlsNetworkFabric *self)
{
  const char *topology;

  g_return_val_if_fail (MLS_IS_NETWORK_FABRIC (self), NULL);
  topology = mls_entry_get_string (MLS_ENTRY (self), "topology");
  return topology ? topology : "fat-tree";
}
