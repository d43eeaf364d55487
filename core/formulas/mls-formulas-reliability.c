/* mls-formulas-reliability.c — failures, checkpoints and availability
 *
 * Failures are modelled as a Poisson process: component lifetimes are exponential, so failure
 * rates add and MTBF is the reciprocal of the total rate.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mls-formulas-private.h"
#include "mls-formulas-reliability.h"

/**
 * mls_calc_young_daly_interval:
 * @checkpoint_time: the time to write one checkpoint δ
 * @mtbf: the mean time between failures of the job's machines M
 * @out: (out caller-allocates): the checkpoint interval, √(2δM)
 * @error: return location for a #GError
 *
 * The optimal checkpoint interval to first order, τ* = √(2δM) (J. W. Young, "A first order
 * approximation to the optimum checkpoint interval", CACM 17(9), 1974). This is Young's form
 * without Daly's higher-order correction (J. T. Daly, FGCS 22, 2006), as in the reference.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is not a
 *   time, or is negative
 */
gboolean
mls_calc_young_daly_interval (const MlsQuantity *checkpoint_time,
                              const MlsQuantity *mtbf,
                              MlsQuantity       *out,
                              GError           **error)
{
  if (!mls_formula_check_nonnegative (checkpoint_time, MLS_KIND_TIME, "checkpoint_time", error) ||
      !mls_formula_check_nonnegative (mtbf, MLS_KIND_TIME, "mtbf", error))
    return FALSE;

  mls_formula_set (out, sqrt (2.0 * checkpoint_time->value * mtbf->value), MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_mtbf_cluster:
 * @node_mtbf: the MTBF of one node
 * @n_nodes: the nodes n, at least 1
 * @correlation_factor: a multiplier for correlated failures (1 for independent ones; below 1
 *   when failures cluster), greater than zero
 * @out: (out caller-allocates): the cluster MTBF, MTBF_node / n · c
 * @error: return location for a #GError
 *
 * The MTBF of n nodes that each fail independently, MTBF_node / n (failure rates add), scaled
 * by @correlation_factor as in the reference. Large-scale training sees exactly this: a
 * 16,384-GPU job fails every few hours (Meta, "The Llama 3 herd of models", 2024, §3.3.4).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_mtbf_cluster (const MlsQuantity *node_mtbf,
                       guint              n_nodes,
                       double             correlation_factor,
                       MlsQuantity       *out,
                       GError           **error)
{
  if (!mls_formula_check_positive (node_mtbf, MLS_KIND_TIME, "node_mtbf", error) ||
      !mls_formula_check_count (n_nodes, 1, "n_nodes", error) ||
      !mls_formula_check_number_pos (correlation_factor, "correlation_factor", error))
    return FALSE;

  mls_formula_set (out, node_mtbf->value / n_nodes * correlation_factor, MLS_KIND_TIME);
  return TRUE;
}

static gboolean
add_component_rate (const MlsQuantity *mtbf,
                    guint              count,
                    const char        *name,
                    double            *rate,
                    GError           **error)
{
  if (count == 0)
    return mtbf == NULL || mls_formula_check_kind (mtbf, MLS_KIND_TIME, name, error);
  if (mtbf == NULL)
    {
      g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_MISSING,
                   _("%s is needed when its count is %u"), name, count);
      return FALSE;
    }
  if (!mls_formula_check_positive (mtbf, MLS_KIND_TIME, name, error))
    return FALSE;
  *rate += count / mtbf->value;
  return TRUE;
}

/**
 * mls_calc_mtbf_node:
 * @gpu_mtbf: the MTBF of one accelerator, such as the registry's 50,000 h
 * @n_gpus: the accelerators in the node
 * @nic_mtbf: the MTBF of one network card
 * @n_nics: the network cards in the node
 * @psu_mtbf: the MTBF of one power supply
 * @n_psus: the power supplies in the node
 * @other_mtbf: (nullable): the MTBF of any other component
 * @n_other: the number of those components (0 when @other_mtbf is %NULL)
 * @out: (out caller-allocates): the node MTBF, 1 / Σ(nᵢ / MTBFᵢ) (infinite with no components)
 * @error: return location for a #GError
 *
 * The MTBF of a series system, where any component failing brings the node down:
 * MTBF = 1 / Σ nᵢ/MTBFᵢ (the parts-count method, MIL-HDBK-217F, 1991, §5). A component whose
 * count is 0 does not contribute.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an MTBF is not a
 *   positive time, or is missing for a counted component
 */
gboolean
mls_calc_mtbf_node (const MlsQuantity *gpu_mtbf,
                    guint              n_gpus,
                    const MlsQuantity *nic_mtbf,
                    guint              n_nics,
                    const MlsQuantity *psu_mtbf,
                    guint              n_psus,
                    const MlsQuantity *other_mtbf,
                    guint              n_other,
                    MlsQuantity       *out,
                    GError           **error)
{
  double rate = 0.0;

  if (!add_component_rate (gpu_mtbf, n_gpus, "gpu_mtbf", &rate, error) ||
      !add_component_rate (nic_mtbf, n_nics, "nic_mtbf", &rate, error) ||
      !add_component_rate (psu_mtbf, n_psus, "psu_mtbf", &rate, error) ||
      !add_component_rate (other_mtbf, n_other, "other_mtbf", &rate, error))
    return FALSE;

  mls_formula_set (out, rate > 0.0 ? 1.0 / rate : INFINITY, MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_availability_stacked:
 * @availability: the availability A of one replica, in [0, 1]
 * @n_replicas: the independent replicas k, at least 1
 * @out_availability: (out): the probability at least one is up, 1 − (1 − A)^k
 * @error: return location for a #GError
 *
 * Availability of k redundant replicas in parallel, 1 − (1 − A)^k (independent failures;
 * Barroso, Clidaras and Hölzle, *The Datacenter as a Computer*, 3rd ed., 2018, ch. 7).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is out of
 *   range
 */
gboolean
mls_calc_availability_stacked (double   availability,
                               guint    n_replicas,
                               double  *out_availability,
                               GError **error)
{
  if (!mls_formula_check_fraction (availability, "availability", error) ||
      !mls_formula_check_count (n_replicas, 1, "n_replicas", error))
    return FALSE;

  *out_availability = 1.0 - pow (1.0 - availability, n_replicas);
  return TRUE;
}

/**
 * mls_calc_failure_probability:
 * @mtbf: the mean time between failures M
 * @duration: the length of the job T
 * @out_probability: (out): the probability of at least one failure, 1 − e^(−T/M)
 * @error: return location for a #GError
 *
 * The probability that a Poisson failure process with mean interval M strikes within T,
 * P = 1 − e^(−T/M).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is not a
 *   time (a bare number where a time is due is refused), or is out of range
 */
gboolean
mls_calc_failure_probability (const MlsQuantity *mtbf,
                              const MlsQuantity *duration,
                              double            *out_probability,
                              GError           **error)
{
  if (!mls_formula_check_positive (mtbf, MLS_KIND_TIME, "mtbf", error) ||
      !mls_formula_check_nonnegative (duration, MLS_KIND_TIME, "duration", error))
    return FALSE;

  *out_probability = -expm1 (-duration->value / mtbf->value);
  return TRUE;
}

/**
 * mls_calc_expected_failures:
 * @mtbf: the mean time between failures M
 * @duration: the length of the job T
 * @out_failures: (out): the expected number of failures, T/M
 * @error: return location for a #GError
 *
 * The mean of a Poisson failure process over T, E[N] = T/M.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is not a
 *   time, or is out of range
 */
gboolean
mls_calc_expected_failures (const MlsQuantity *mtbf,
                            const MlsQuantity *duration,
                            double            *out_failures,
                            GError           **error)
{
  if (!mls_formula_check_positive (mtbf, MLS_KIND_TIME, "mtbf", error) ||
      !mls_formula_check_nonnegative (duration, MLS_KIND_TIME, "duration", error))
    return FALSE;

  *out_failures = duration->value / mtbf->value;
  return TRUE;
}

/**
 * mls_calc_checkpoint_goodput:
 * @checkpoint_time: the time to write one checkpoint δ
 * @checkpoint_interval: the time between checkpoints τ
 * @recovery_time: the time to restart after a failure R
 * @mtbf: the mean time between failures M
 * @out_goodput: (out): the useful fraction of time, max(0, 1 − δ/τ − R/M)
 * @error: return location for a #GError
 *
 * First-order goodput of a checkpointed job: the time spent writing checkpoints, δ/τ, and
 * restarting, R/M, is lost (after Young, CACM 1974). Like the reference, this leaves out the
 * work redone since the last checkpoint.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is not a
 *   time, or is out of range
 */
gboolean
mls_calc_checkpoint_goodput (const MlsQuantity *checkpoint_time,
                             const MlsQuantity *checkpoint_interval,
                             const MlsQuantity *recovery_time,
                             const MlsQuantity *mtbf,
                             double            *out_goodput,
                             GError           **error)
{
  if (!mls_formula_check_nonnegative (checkpoint_time, MLS_KIND_TIME, "checkpoint_time", error) ||
      !mls_formula_check_positive (checkpoint_interval, MLS_KIND_TIME, "checkpoint_interval",
                                   error) ||
      !mls_formula_check_nonnegative (recovery_time, MLS_KIND_TIME, "recovery_time", error) ||
      !mls_formula_check_positive (mtbf, MLS_KIND_TIME, "mtbf", error))
    return FALSE;

  double lost = checkpoint_time->value / checkpoint_interval->value +
                recovery_time->value / mtbf->value;
  *out_goodput = MAX (0.0, 1.0 - lost);
  return TRUE;
}
