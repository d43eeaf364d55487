/* mls-grid-profile.h — Layer C: an electricity grid (carbon intensity, PUE, WUE, price)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-entry.h"

G_BEGIN_DECLS

#define MLS_TYPE_GRID_PROFILE (mls_grid_profile_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsGridProfile, mls_grid_profile, MLS, GRID_PROFILE, MlsEntry)

/* Cached quantities owned by the grid; never NULL. A missing price has value 0: callers fall
 * back to the registry constant electricity_price. */
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_grid_profile_get_carbon_intensity  (MlsGridProfile *self);
MLS_AVAILABLE_IN_ALL
double             mls_grid_profile_get_pue               (MlsGridProfile *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_grid_profile_get_wue               (MlsGridProfile *self);
MLS_AVAILABLE_IN_ALL
const MlsQuantity *mls_grid_profile_get_electricity_price (MlsGridProfile *self);

G_END_DECLS
