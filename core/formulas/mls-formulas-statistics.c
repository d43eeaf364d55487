/* mls-formulas-statistics.c — drift, experiment sizing and error propagation
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mls-formulas-private.h"
#include "mls-formulas-statistics.h"

static gboolean
check_bins (const double *bins,
            guint         n_bins,
            const char   *name,
            GError      **error)
{
  for (guint i = 0; i < n_bins; i++)
    if (!(bins[i] >= 0.0) || !isfinite (bins[i]))
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
                     _("%s[%u] must be a proportion of zero or more; got %s"), name, i,
                     g_ascii_formatd (buf, sizeof buf, "%.6g", bins[i]));
        return FALSE;
      }
  return TRUE;
}

/**
 * mls_calc_population_stability_index:
 * @expected: (array length=n_bins): the share of the reference population in each bin
 * @actual: (array length=n_bins): the share of the current population in each bin
 * @n_bins: the number of bins in both arrays
 * @epsilon: the floor applied to every share so empty bins stay finite, such as 1e-12
 * @out_psi: (out): the index, Σ (a − e)·ln(a/e)
 * @error: return location for a #GError
 *
 * The population stability index, PSI = Σᵢ (aᵢ − eᵢ)·ln(aᵢ/eᵢ), a symmetrised Kullback–Leibler
 * divergence that measures drift between two binned distributions (Yurdakul, "Statistical
 * properties of population stability index", Western Michigan University, 2018). Common
 * reading: below 0.1 stable, 0.1–0.25 moderate, above 0.25 significant.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if a share is negative or
 *   @epsilon is not positive
 */
gboolean
mls_calc_population_stability_index (const double *expected,
                                     const double *actual,
                                     guint         n_bins,
                                     double        epsilon,
                                     double       *out_psi,
                                     GError      **error)
{
  g_return_val_if_fail (n_bins == 0 || (expected != NULL && actual != NULL), FALSE);

  if (!mls_formula_check_number_pos (epsilon, "epsilon", error) ||
      !check_bins (expected, n_bins, "expected", error) ||
      !check_bins (actual, n_bins, "actual", error))
    return FALSE;

  double psi = 0.0;
  for (guint i = 0; i < n_bins; i++)
    {
      double e = MAX (expected[i], epsilon);
      double a = MAX (actual[i], epsilon);
      psi += (a - e) * log (a / e);
    }
  *out_psi = psi;
  return TRUE;
}

/**
 * mls_calc_two_proportion_sample_size:
 * @baseline_rate: the baseline proportion p, in [0, 1]
 * @min_detectable_effect: the absolute difference δ to detect, greater than zero
 * @z_alpha: the normal quantile for the significance level, such as 1.96 (two-sided 5 %)
 * @z_beta: the normal quantile for the power, such as 0.84 (80 % power)
 * @out_samples: (out): the samples needed in each group, 2(z_α + z_β)²·p(1 − p)/δ²
 * @error: return location for a #GError
 *
 * Samples per arm to detect a change δ in a proportion p,
 * n = 2(z_α + z_β)²·p(1 − p)/δ² (Chow, Shao and Wang, *Sample Size Calculations in Clinical
 * Research*, 2nd ed., 2008, §4.2, with equal variance in both arms). The result is not
 * rounded up.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is out of
 *   range
 */
gboolean
mls_calc_two_proportion_sample_size (double   baseline_rate,
                                     double   min_detectable_effect,
                                     double   z_alpha,
                                     double   z_beta,
                                     double  *out_samples,
                                     GError **error)
{
  if (!mls_formula_check_fraction (baseline_rate, "baseline_rate", error) ||
      !mls_formula_check_number_pos (min_detectable_effect, "min_detectable_effect", error) ||
      !mls_formula_check_number_nonneg (z_alpha, "z_alpha", error) ||
      !mls_formula_check_number_nonneg (z_beta, "z_beta", error))
    return FALSE;

  double z = z_alpha + z_beta;
  double p = baseline_rate;
  *out_samples = 2.0 * z * z * p * (1.0 - p) / (min_detectable_effect * min_detectable_effect);
  return TRUE;
}

/**
 * mls_calc_constraint_propagation_factor:
 * @from_stage: the stage where a constraint is introduced
 * @to_stage: the stage where it is discovered, not before @from_stage
 * @base: the cost multiplier per stage, such as 2, greater than zero
 * @out_factor: (out): the cost multiplier, ⌊base^(to − from)⌋
 * @error: return location for a #GError
 *
 * How the cost of a missed constraint compounds per lifecycle stage it goes unnoticed,
 * ⌊b^(to − from)⌋ (the escalation of defect cost across phases, B. Boehm, *Software
 * Engineering Economics*, 1981, ch. 4). Truncated to a whole number, as in the reference.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if @to_stage comes before
 *   @from_stage or @base is not positive
 */
gboolean
mls_calc_constraint_propagation_factor (guint    from_stage,
                                        guint    to_stage,
                                        double   base,
                                        double  *out_factor,
                                        GError **error)
{
  if (to_stage < from_stage)
    {
      g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
                   _("to_stage (%u) must not come before from_stage (%u): a constraint is "
                     "discovered at or after the stage that introduces it"),
                   to_stage, from_stage);
      return FALSE;
    }
  if (!mls_formula_check_number_pos (base, "base", error))
    return FALSE;

  *out_factor = trunc (pow (base, (double) (to_stage - from_stage)));
  return TRUE;
}
