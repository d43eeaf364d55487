/* mls-formulas-economics.c — costs: cloud egress and fleet TCO
 *
 * Capital, maintenance and energy costs live in mls-formulas-operations-extra.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "mls-formulas-private.h"
#include "mls-formulas-economics.h"

/* A billing month is 30 days, as cloud providers meter egress and the reference's
 * DAYS_PER_MONTH: a unit definition, like the 365.25-day year of the unit table. */
#define SECONDS_PER_BILLING_MONTH (30.0 * 86400.0)

/**
 * mls_calc_monthly_egress_cost:
 * @egress_rate: the sustained egress rate, such as “1 MB/s”
 * @price_per_byte: the egress price, such as “0.09 USD/GB”
 * @out: (out caller-allocates): the cost of a 30-day month of egress
 * @error: return location for a #GError
 *
 * Monthly egress cost, rate × 30 days × price, as cloud price lists bill data leaving a
 * region per GB over a 30-day month: 1 MB/s for 2,592,000 s is 2,592 GB.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is negative
 */
gboolean
mls_calc_monthly_egress_cost (const MlsQuantity *egress_rate,
                              const MlsQuantity *price_per_byte,
                              MlsQuantity       *out,
                              GError           **error)
{
  if (!mls_formula_check_nonnegative (egress_rate, MLS_KIND_BANDWIDTH, "egress_rate", error) ||
      !mls_formula_check_nonnegative (price_per_byte, MLS_KIND_DATA_PRICE, "price_per_byte",
                                      error))
    return FALSE;

  mls_formula_set (out, egress_rate->value * SECONDS_PER_BILLING_MONTH * price_per_byte->value,
                   MLS_KIND_MONEY);
  return TRUE;
}

/**
 * mls_calc_fleet_tco:
 * @unit_cost: the purchase price of one device
 * @unit_power: the power one device draws
 * @quantity: the devices
 * @duration: the period of ownership, such as “3 years” (a year is 365.25 days)
 * @energy_price: the electricity price, such as “0.10 USD/kWh”
 * @out: (out caller-allocates): the total cost of ownership
 * @error: return location for a #GError
 *
 * Total cost of ownership of a fleet as purchase plus electricity,
 * TCO = cost·n + P·n·T·price (Barroso, Clidaras and Hölzle, *The Datacenter as a Computer*,
 * 3rd ed., 2018, §6.1).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is negative
 */
gboolean
mls_calc_fleet_tco (const MlsQuantity *unit_cost,
                    const MlsQuantity *unit_power,
                    guint              quantity,
                    const MlsQuantity *duration,
                    const MlsQuantity *energy_price,
                    MlsQuantity       *out,
                    GError           **error)
{
  if (!mls_formula_check_nonnegative (unit_cost, MLS_KIND_MONEY, "unit_cost", error) ||
      !mls_formula_check_nonnegative (unit_power, MLS_KIND_POWER, "unit_power", error) ||
      !mls_formula_check_nonnegative (duration, MLS_KIND_TIME, "duration", error) ||
      !mls_formula_check_nonnegative (energy_price, MLS_KIND_ENERGY_PRICE, "energy_price", error))
    return FALSE;

  double capex = unit_cost->value * quantity;
  double energy = unit_power->value * quantity * duration->value;
  mls_formula_set (out, capex + energy * energy_price->value, MLS_KIND_MONEY);
  return TRUE;
}

