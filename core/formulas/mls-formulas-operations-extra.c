/* mls-formulas-operations-extra.c — the operations walls: fleet energy, facility overhead,
 * carbon, water and the cost of ownership
 *
 * The sustainability wall (18) follows energy from the chips to the grid: IT energy, times the
 * facility's PUE, times the grid's carbon intensity and water usage. The capital wall (17) adds
 * the cost of owning the hardware to the cost of that energy (MLSys·im SustainabilityModel and
 * EconomicsModel, inventory §9.17–§9.18).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mls-formulas-operations-extra.h"
#include "mls-formulas-private.h"
#include "mls-formulas-roofline-extra.h"

/**
 * mls_calc_it_energy:
 * @tdp: the thermal design power of one device
 * @idle_fraction: the share of TDP drawn whatever the load, such as the registry's
 *   `energy_idle_fraction` (0.30), in [0, 1]
 * @dynamic_fraction: the share of TDP that scales with utilisation, such as the registry's
 *   `energy_dynamic_fraction` (0.70), in [0, 1]
 * @utilization: the compute utilisation u (MFU) of every device, in [0, 1]
 * @n_devices: the devices N drawing power
 * @duration: how long they run
 * @out: (out caller-allocates): the IT energy, N·TDP·(idle + dynamic·u)·T
 * @error: return location for a #GError
 *
 * The energy the IT equipment of a fleet draws: N devices, each on the linear power model of
 * mls_calc_utilization_energy() (Fan, Weber and Barroso, ISCA 2007). Cooling and power
 * distribution are not included; see mls_calc_facility_energy(). MLSys·im
 * `SustainabilityModel` evaluates it at u = 1 by default, an upper bound.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_it_energy (const MlsQuantity *tdp,
                    double             idle_fraction,
                    double             dynamic_fraction,
                    double             utilization,
                    guint              n_devices,
                    const MlsQuantity *duration,
                    MlsQuantity       *out,
                    GError           **error)
{
  MlsQuantity per_device;

  if (!mls_calc_utilization_energy (tdp, idle_fraction, dynamic_fraction, utilization, duration,
                                    &per_device, error))
    return FALSE;

  mls_formula_set (out, per_device.value * n_devices, MLS_KIND_ENERGY);
  return TRUE;
}

/**
 * mls_calc_facility_energy:
 * @it_energy: the energy the IT equipment draws
 * @pue: the facility's power usage effectiveness, at least 1
 * @out: (out caller-allocates): the energy drawn from the grid, E_IT·PUE
 * @error: return location for a #GError
 *
 * PUE is, by definition, total facility energy over IT equipment energy (The Green Grid, White
 * Paper #49, "PUE: A comprehensive examination of the metric", 2012; ISO/IEC 30134-2:2016), so
 * the grid supplies E_IT·PUE: the rest goes to cooling and power conversion.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if @it_energy is not an
 *   energy or is negative, or @pue is below 1
 */
gboolean
mls_calc_facility_energy (const MlsQuantity *it_energy,
                          double             pue,
                          MlsQuantity       *out,
                          GError           **error)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!mls_formula_check_nonnegative (it_energy, MLS_KIND_ENERGY, "it_energy", error) ||
      !mls_formula_check_number_pos (pue, "pue", error))
    return FALSE;
  if (pue < 1.0)
    {
      g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
                   _("pue is facility energy over IT energy, so it is at least 1, such as 1.12; "
                     "got %s"),
                   g_ascii_formatd (buf, sizeof buf, "%.6g", pue));
      return FALSE;
    }

  mls_formula_set (out, it_energy->value * pue, MLS_KIND_ENERGY);
  return TRUE;
}

/**
 * mls_calc_operational_carbon:
 * @facility_energy: the energy drawn from the grid (PUE already applied)
 * @carbon_intensity: the grid's average emissions per unit of energy, such as "429 g/kWh"
 * @out: (out caller-allocates): the operational emissions, E·CI, as a mass of CO₂-equivalent
 * @error: return location for a #GError
 *
 * Location-based operational (scope 2) emissions: energy times the grid's average carbon
 * intensity (GHG Protocol Scope 2 Guidance, 2015, ch. 6; MLSys·im `GridProfile.carbon_kg`).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is negative
 */
gboolean
mls_calc_operational_carbon (const MlsQuantity *facility_energy,
                             const MlsQuantity *carbon_intensity,
                             MlsQuantity       *out,
                             GError           **error)
{
  if (!mls_formula_check_nonnegative (facility_energy, MLS_KIND_ENERGY, "facility_energy",
                                      error) ||
      !mls_formula_check_nonnegative (carbon_intensity, MLS_KIND_CARBON_INTENSITY,
                                      "carbon_intensity", error))
    return FALSE;

  mls_formula_set (out, facility_energy->value * carbon_intensity->value, MLS_KIND_MASS);
  return TRUE;
}

/**
 * mls_calc_water_usage:
 * @facility_energy: the energy drawn from the grid (PUE already applied)
 * @wue: the site's water usage effectiveness, such as "1.8 L/kWh"
 * @out: (out caller-allocates): the water consumed, E·WUE, as a volume
 * @error: return location for a #GError
 *
 * Water consumed for cooling, energy times water usage effectiveness (The Green Grid, White
 * Paper #35, "Water Usage Effectiveness (WUE)", 2011). Like MLSys·im, the energy is the
 * facility's, with PUE applied.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is negative
 */
gboolean
mls_calc_water_usage (const MlsQuantity *facility_energy,
                      const MlsQuantity *wue,
                      MlsQuantity       *out,
                      GError           **error)
{
  if (!mls_formula_check_nonnegative (facility_energy, MLS_KIND_ENERGY, "facility_energy",
                                      error) ||
      !mls_formula_check_nonnegative (wue, MLS_KIND_WATER_INTENSITY, "wue", error))
    return FALSE;

  mls_formula_set (out, facility_energy->value * wue->value, MLS_KIND_VOLUME);
  return TRUE;
}

/**
 * mls_calc_embodied_carbon:
 * @per_device: the emissions of manufacturing one device, as a mass of CO₂-equivalent
 * @n_devices: the devices N
 * @out: (out caller-allocates): the embodied emissions, N·per_device
 * @error: return location for a #GError
 *
 * Embodied (scope 3, manufacturing) emissions of the hardware, counted in full as in MLSys·im
 * `SustainabilityModel` (Gupta et al., "Chasing carbon: the elusive environmental footprint
 * of computing", HPCA 2021, discuss amortising them over the device's lifetime instead).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if @per_device is not a
 *   mass or is negative
 */
gboolean
mls_calc_embodied_carbon (const MlsQuantity *per_device,
                          guint              n_devices,
                          MlsQuantity       *out,
                          GError           **error)
{
  if (!mls_formula_check_nonnegative (per_device, MLS_KIND_MASS, "per_device", error))
    return FALSE;

  mls_formula_set (out, per_device->value * n_devices, MLS_KIND_MASS);
  return TRUE;
}

/**
 * mls_calc_capex:
 * @unit_cost: the purchase price of one device
 * @n_devices: the devices N
 * @infrastructure_multiplier: the cost of the whole installation over that of its devices, such
 *   as the registry's `infrastructure_multiplier` (1.0 counts the devices only; 2.0–2.5 a full
 *   datacenter build), greater than zero
 * @out: (out caller-allocates): the capital expenditure, unit_cost·N·multiplier
 * @error: return location for a #GError
 *
 * The up-front cost of the fleet (Barroso, Hölzle and Ranganathan, *The Datacenter as a
 * Computer*, 3rd ed., 2018, ch. 6; MLSys·im `EconomicsModel`).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_capex (const MlsQuantity *unit_cost,
                guint              n_devices,
                double             infrastructure_multiplier,
                MlsQuantity       *out,
                GError           **error)
{
  if (!mls_formula_check_nonnegative (unit_cost, MLS_KIND_MONEY, "unit_cost", error) ||
      !mls_formula_check_number_pos (infrastructure_multiplier, "infrastructure_multiplier",
                                     error))
    return FALSE;

  mls_formula_set (out, unit_cost->value * n_devices * infrastructure_multiplier, MLS_KIND_MONEY);
  return TRUE;
}

static gboolean
check_period (const MlsQuantity *duration,
              const MlsQuantity *accounting_year,
              GError           **error)
{
  return mls_formula_check_nonnegative (duration, MLS_KIND_TIME, "duration", error) &&
         mls_formula_check_positive (accounting_year, MLS_KIND_TIME, "accounting_year", error);
}

/**
 * mls_calc_amortized_capex:
 * @capex: the capital expenditure
 * @amortization_years: the years Y over which it is depreciated, greater than zero
 * @duration: the period T being costed
 * @accounting_year: the length of the year T is counted in, such as the registry's
 *   `accounting_year` (365 days, as MLSys·im prorates by days/365)
 * @out: (out caller-allocates): the capital charged to the period, capex/Y · T/year
 * @error: return location for a #GError
 *
 * Straight-line depreciation: each year of the amortisation period carries an equal share of
 * the capital, prorated to the period's length (Barroso et al., 2018, ch. 6).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_amortized_capex (const MlsQuantity *capex,
                          double             amortization_years,
                          const MlsQuantity *duration,
                          const MlsQuantity *accounting_year,
                          MlsQuantity       *out,
                          GError           **error)
{
  if (!mls_formula_check_nonnegative (capex, MLS_KIND_MONEY, "capex", error) ||
      !mls_formula_check_number_pos (amortization_years, "amortization_years", error) ||
      !check_period (duration, accounting_year, error))
    return FALSE;

  mls_formula_set (out,
                   capex->value / amortization_years * (duration->value / accounting_year->value),
                   MLS_KIND_MONEY);
  return TRUE;
}

/**
 * mls_calc_maintenance_cost:
 * @capex: the capital expenditure
 * @annual_ratio: the yearly maintenance cost as a fraction of @capex, such as the registry's
 *   `maintenance_ratio` (0.05), zero or more
 * @duration: the period T being costed
 * @accounting_year: the length of the year T is counted in (see mls_calc_amortized_capex())
 * @out: (out caller-allocates): the maintenance cost of the period, capex·ratio·T/year
 * @error: return location for a #GError
 *
 * Hardware maintenance and support as a yearly share of the purchase price (Barroso et al.,
 * 2018, ch. 6; MLSys·im `EconomicsModel`). It is charged on the whole capital, not the period's
 * depreciation.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_maintenance_cost (const MlsQuantity *capex,
                           double             annual_ratio,
                           const MlsQuantity *duration,
                           const MlsQuantity *accounting_year,
                           MlsQuantity       *out,
                           GError           **error)
{
  if (!mls_formula_check_nonnegative (capex, MLS_KIND_MONEY, "capex", error) ||
      !mls_formula_check_number_nonneg (annual_ratio, "annual_ratio", error) ||
      !check_period (duration, accounting_year, error))
    return FALSE;

  mls_formula_set (out, capex->value * annual_ratio * (duration->value / accounting_year->value),
                   MLS_KIND_MONEY);
  return TRUE;
}

/**
 * mls_calc_energy_cost:
 * @energy: the energy bought from the grid
 * @price: the electricity price, such as "0.12 USD/kWh"
 * @out: (out caller-allocates): the cost of the energy, E·price
 * @error: return location for a #GError
 *
 * The energy part of operating expenditure.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is negative
 */
gboolean
mls_calc_energy_cost (const MlsQuantity *energy,
                      const MlsQuantity *price,
                      MlsQuantity       *out,
                      GError           **error)
{
  if (!mls_formula_check_nonnegative (energy, MLS_KIND_ENERGY, "energy", error) ||
      !mls_formula_check_nonnegative (price, MLS_KIND_ENERGY_PRICE, "price", error))
    return FALSE;

  mls_formula_set (out, energy->value * price->value, MLS_KIND_MONEY);
  return TRUE;
}

/**
 * mls_calc_cost_per_unit:
 * @cost: the cost of the period
 * @rate: the items (tokens, samples) one replica produces per second
 * @n_replicas: the replicas producing in parallel, at least 1
 * @duration: the period T
 * @out: (out caller-allocates): the cost of one item, cost / (rate·replicas·T)
 * @error: return location for a #GError
 *
 * Unit economics: the period's cost spread over everything produced in it, assuming the
 * replicas run at @rate for the whole period (a lower bound on the real unit cost, which also
 * pays for idle time).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range (nothing is produced)
 */
gboolean
mls_calc_cost_per_unit (const MlsQuantity *cost,
                        const MlsQuantity *rate,
                        guint              n_replicas,
                        const MlsQuantity *duration,
                        MlsQuantity       *out,
                        GError           **error)
{
  if (!mls_formula_check_nonnegative (cost, MLS_KIND_MONEY, "cost", error) ||
      !mls_formula_check_positive (rate, MLS_KIND_FREQUENCY, "rate", error) ||
      !mls_formula_check_count (n_replicas, 1, "n_replicas", error) ||
      !mls_formula_check_positive (duration, MLS_KIND_TIME, "duration", error))
    return FALSE;

  mls_formula_set (out, cost->value / (rate->value * n_replicas * duration->value),
                   MLS_KIND_MONEY);
  return TRUE;
}
