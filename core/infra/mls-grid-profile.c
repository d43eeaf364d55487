/* mls-grid-profile.c — Layer C: an electricity grid (carbon intensity, PUE, WUE, price)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mlsysim.h"
#include "mls-entry-private.h"

/**
 * MlsGridProfile:
 *
 * An electricity grid or region: average carbon intensity of the electricity drawn, the PUE
 * and WUE of the facility class sited there, and optionally an electricity price.
 */

struct _MlsGridProfile
{
  MlsEntry    parent_instance;
  MlsQuantity carbon_intensity;
  double      pue;
  MlsQuantity wue;
  MlsQuantity price;
};

G_DEFINE_FINAL_TYPE (MlsGridProfile, mls_grid_profile, MLS_TYPE_ENTRY)

/* The `grids` fields of registry/README.md. */
static const MlsFieldSpec grid_fields[] = {
  { "carbon_intensity", MLS_FIELD_QUANTITY, "g/kWh", TRUE, N_("Carbon intensity") },
  { "pue", MLS_FIELD_NUMBER, NULL, TRUE, N_("PUE") },
  { "wue", MLS_FIELD_QUANTITY, "L/kWh", FALSE, N_("WUE") },
  { "electricity_price", MLS_FIELD_QUANTITY, "USD/kWh", FALSE, N_("Electricity price") },
  { "primary_source", MLS_FIELD_STRING, NULL, FALSE, N_("Primary source") },
  { "renewable_pct", MLS_FIELD_NUMBER, NULL, FALSE, N_("Renewable share (%)") },
  { "lat", MLS_FIELD_NUMBER, NULL, FALSE, N_("Latitude") },
  { "lon", MLS_FIELD_NUMBER, NULL, FALSE, N_("Longitude") },
};

static gboolean
mls_grid_profile_finish (MlsEntry *entry,
                         GError  **error)
{
  MlsGridProfile *self = MLS_GRID_PROFILE (entry);
  double pct = 0, lat = 0, lon = 0;

  if (!MLS_ENTRY_CLASS (mls_grid_profile_parent_class)->finish (entry, error))
    return FALSE;
  mls_entry_cache_quantity (entry, "carbon_intensity", &self->carbon_intensity);
  mls_entry_get_number (entry, "pue", &self->pue, NULL);
  mls_entry_cache_quantity (entry, "wue", &self->wue);
  mls_entry_cache_quantity (entry, "electricity_price", &self->price);
  mls_entry_get_number (entry, "renewable_pct", &pct, NULL);
  mls_entry_get_number (entry, "lat", &lat, NULL);
  mls_entry_get_number (entry, "lon", &lon, NULL);

  /* PUE is facility energy over IT energy: it cannot be below 1 */
  if (self->pue < 1.0 || self->carbon_intensity.value < 0 || self->wue.value < 0 ||
      pct < 0 || pct > 100 || lat < -90 || lat > 90 || lon < -180 || lon > 180)
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("grids entry “%s” is out of range: PUE must be at least 1, intensities "
                     "non-negative, renewable_pct 0–100, lat ±90 and lon ±180"),
                   mls_entry_get_key (entry));
      return FALSE;
    }
  return TRUE;
}

static void
mls_grid_profile_class_init (MlsGridProfileClass *klass)
{
  MlsEntryClass *entry_class = MLS_ENTRY_CLASS (klass);

  entry_class->category = "grids";
  entry_class->fields = grid_fields;
  entry_class->n_fields = G_N_ELEMENTS (grid_fields);
  entry_class->finish = mls_grid_profile_finish;
}

static void
mls_grid_profile_init (MlsGridProfile *self)
{
}

/**
 * mls_grid_profile_get_carbon_intensity:
 * @self: a #MlsGridProfile
 *
 * Returns: (transfer none): the average emissions per unit of electricity [g/kWh]
 */
const MlsQuantity *
mls_grid_profile_get_carbon_intensity (MlsGridProfile *self)
{
  g_return_val_if_fail (MLS_IS_GRID_PROFILE (self), NULL);
  return &self->carbon_intensity;
}

/**
 * mls_grid_profile_get_pue:
 * @self: a #MlsGridProfile
 *
 * Returns: the power usage effectiveness of the region's facility class (≥ 1)
 */
double
mls_grid_profile_get_pue (MlsGridProfile *self)
{
  g_return_val_if_fail (MLS_IS_GRID_PROFILE (self), 1.0);
  return self->pue;
}

/**
 * mls_grid_profile_get_wue:
 * @self: a #MlsGridProfile
 *
 * Returns: (transfer none): the water usage effectiveness [L/kWh], 0 when not given
 */
const MlsQuantity *
mls_grid_profile_get_wue (MlsGridProfile *self)
{
  g_return_val_if_fail (MLS_IS_GRID_PROFILE (self), NULL);
  return &self->wue;
}

/**
 * mls_grid_profile_get_electricity_price:
 * @self: a #MlsGridProfile
 *
 * Returns: (transfer none): the electricity price [USD/kWh]; 0 when the entry gives none, and
 *   callers then use the registry constant `electricity_price`
 */
const MlsQuantity *
mls_grid_profile_get_electricity_price (MlsGridProfile *self)
{
  g_return_val_if_fail (MLS_IS_GRID_PROFILE (self), NULL);
  return &self->price;
}
