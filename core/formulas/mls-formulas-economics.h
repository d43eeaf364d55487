/* mls-formulas-economics.h — costs: cloud egress and fleet TCO
 *
 * Capital, maintenance and energy costs live in mls-formulas-operations-extra.
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
gboolean mls_calc_monthly_egress_cost (const MlsQuantity *egress_rate,
                                       const MlsQuantity *price_per_byte,
                                       MlsQuantity       *out,
                                       GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_fleet_tco           (const MlsQuantity *unit_cost,
                                       const MlsQuantity *unit_power,
                                       guint              quantity,
                                       const MlsQuantity *duration,
                                       const MlsQuantity *energy_price,
                                       MlsQuantity       *out,
                                       GError           **error);

G_END_DECLS
