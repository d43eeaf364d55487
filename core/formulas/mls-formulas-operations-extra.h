/* mls-formulas-operations-extra.h — the operations walls: fleet energy, facility overhead,
 * carbon, water and the cost of ownership
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <glib-object.h>

#include "mls-quantity.h"
#include "mls-version-macros.h"

G_BEGIN_DECLS

MLS_AVAILABLE_IN_ALL
gboolean mls_calc_it_energy          (const MlsQuantity *tdp,
                                      double             idle_fraction,
                                      double             dynamic_fraction,
                                      double             utilization,
                                      guint              n_devices,
                                      const MlsQuantity *duration,
                                      MlsQuantity       *out,
                                      GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_facility_energy    (const MlsQuantity *it_energy,
                                      double             pue,
                                      MlsQuantity       *out,
                                      GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_operational_carbon (const MlsQuantity *facility_energy,
                                      const MlsQuantity *carbon_intensity,
                                      MlsQuantity       *out,
                                      GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_water_usage        (const MlsQuantity *facility_energy,
                                      const MlsQuantity *wue,
                                      MlsQuantity       *out,
                                      GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_embodied_carbon    (const MlsQuantity *per_device,
                                      guint              n_devices,
                                      MlsQuantity       *out,
                                      GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_capex              (const MlsQuantity *unit_cost,
                                      guint              n_devices,
                                      double             infrastructure_multiplier,
                                      MlsQuantity       *out,
                                      GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_amortized_capex    (const MlsQuantity *capex,
                                      double             amortization_years,
                                      const MlsQuantity *duration,
                                      const MlsQuantity *accounting_year,
                                      MlsQuantity       *out,
                                      GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_maintenance_cost   (const MlsQuantity *capex,
                                      double             annual_ratio,
                                      const MlsQuantity *duration,
                                      const MlsQuantity *accounting_year,
                                      MlsQuantity       *out,
                                      GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_energy_cost        (const MlsQuantity *energy,
                                      const MlsQuantity *price,
                                      MlsQuantity       *out,
                                      GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_cost_per_unit      (const MlsQuantity *cost,
                                      const MlsQuantity *rate,
                                      guint              n_replicas,
                                      const MlsQuantity *duration,
                                      MlsQuantity       *out,
                                      GError           **error);

G_END_DECLS
