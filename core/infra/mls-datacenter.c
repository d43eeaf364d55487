/* mls-datacenter.c — Layer C: a site on a grid, with its own PUE
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mlsysim.h"
#include "mls-entry-private.h"

/**
 * MlsDatacenter:
 *
 * A site on a grid. Its PUE is its own when the entry sets one, else the grid's.
 */

struct _MlsDatacenter
{
  MlsEntry parent_instance;
  double   pue;
};

G_DEFINE_FINAL_TYPE (MlsDatacenter, mls_datacenter, MLS_TYPE_ENTRY)

/* The `datacenters` fields of registry/README.md. */
static const MlsFieldSpec datacenter_fields[] = {
  { "grid", MLS_FIELD_REFERENCE, "grids", TRUE, N_("Grid") },
  { "pue", MLS_FIELD_NUMBER, NULL, FALSE, N_("PUE") },
  { "wue", MLS_FIELD_QUANTITY, "L/kWh", FALSE, N_("WUE") },
};

static gboolean
mls_datacenter_finish (MlsEntry *entry,
                       GError  **error)
{
  MlsDatacenter *self = MLS_DATACENTER (entry);
  MlsEntry *grid;

  if (!MLS_ENTRY_CLASS (mls_datacenter_parent_class)->finish (entry, error))
    return FALSE;
  grid = mls_entry_get_reference (entry, "grid");
  if (!mls_entry_get_number (entry, "pue", &self->pue, NULL))
    self->pue = MLS_IS_GRID_PROFILE (grid) ? mls_grid_profile_get_pue (MLS_GRID_PROFILE (grid))
                                           : 0.0;
  else if (self->pue < 1.0)
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("datacenters entry “%s”: PUE must be at least 1; got %g"),
                   mls_entry_get_key (entry), self->pue);
      return FALSE;
    }
  return TRUE;
}

static void
mls_datacenter_class_init (MlsDatacenterClass *klass)
{
  MlsEntryClass *entry_class = MLS_ENTRY_CLASS (klass);

  entry_class->category = "datacenters";
  entry_class->fields = datacenter_fields;
  entry_class->n_fields = G_N_ELEMENTS (datacenter_fields);
  entry_class->finish = mls_datacenter_finish;
}

static void
mls_datacenter_init (MlsDatacenter *self)
{
}

/**
 * mls_datacenter_get_grid:
 * @self: a #MlsDatacenter
 *
 * Returns: (transfer none) (nullable): the grid the site draws from (a #MlsGridProfile), or
 *   %NULL before the registry links it
 */
MlsEntry *
mls_datacenter_get_grid (MlsDatacenter *self)
{
  g_return_val_if_fail (MLS_IS_DATACENTER (self), NULL);
  return mls_entry_get_reference (MLS_ENTRY (self), "grid");
}

/**
 * mls_datacenter_get_pue:
 * @self: a #MlsDatacenter
 *
 * Returns: the site's PUE when the entry sets one, else its grid's
 */
double
mls_datacenter_get_pue (MlsDatacenter *self)
{
  g_return_val_if_fail (MLS_IS_DATACENTER (self), 1.0);
  return self->pue;
}
