/* mls-formulas-scaling.c — compute-optimal model and data sizes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include "mls-formulas-private.h"
#include "mls-formulas-scaling.h"

/* Training FLOP per parameter per token, C = 6·P·D (Kaplan et al., 2020, §2.1). */
#define TRAINING_FLOP_PER_PARAM_TOKEN 6.0

/**
 * mls_calc_compute_budget:
 * @device_time: the accelerator time available, such as “1000 d” of GPU-days
 * @peak_flops: the peak rate of one accelerator, such as the registry's reference 989 TFLOP/s
 * @utilization: the sustained fraction of peak, such as the registry's 0.40, in (0, 1]
 * @out: (out caller-allocates): the compute budget, t · peak · u, in FLOP
 * @error: return location for a #GError
 *
 * A budget in accelerator time as FLOP, C = t · peak · MFU (the reference's ScalingModel
 * conversion of GPU-days).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_compute_budget (const MlsQuantity *device_time,
                         const MlsQuantity *peak_flops,
                         double             utilization,
                         MlsQuantity       *out,
                         GError           **error)
{
  if (!mls_formula_check_nonnegative (device_time, MLS_KIND_TIME, "device_time", error) ||
      !mls_formula_check_nonnegative (peak_flops, MLS_KIND_COMPUTE_RATE, "peak_flops", error) ||
      !mls_formula_check_efficiency (utilization, "utilization", error))
    return FALSE;

  mls_formula_set (out, device_time->value * peak_flops->value * utilization, MLS_KIND_OPS);
  return TRUE;
}

/**
 * mls_calc_chinchilla_optimal:
 * @compute_budget: the training compute C, in FLOP
 * @tokens_per_param: the compute-optimal ratio r = D/P, such as the registry's 20
 * @out_params: (out): the compute-optimal parameters, √(C / (6·r))
 * @out_tokens: (out): the compute-optimal tokens, r · P*
 * @error: return location for a #GError
 *
 * The compute-optimal split of a budget C = 6·P·D at a fixed D/P = r:
 * P* = √(C / (6·r)), D* = r·P* (Hoffmann et al., "Training compute-optimal large language
 * models", NeurIPS 2022, who find r ≈ 20).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_chinchilla_optimal (const MlsQuantity *compute_budget,
                             double             tokens_per_param,
                             double            *out_params,
                             double            *out_tokens,
                             GError           **error)
{
  if (!mls_formula_check_nonnegative (compute_budget, MLS_KIND_OPS, "compute_budget", error) ||
      !mls_formula_check_number_pos (tokens_per_param, "tokens_per_param", error))
    return FALSE;

  double params = sqrt (compute_budget->value /
                        (TRAINING_FLOP_PER_PARAM_TOKEN * tokens_per_param));
  *out_params = params;
  *out_tokens = tokens_per_param * params;
  return TRUE;
}

/**
 * mls_calc_training_tokens:
 * @compute_budget: the training compute C, in FLOP
 * @params: the model's parameters P, greater than zero
 * @out_tokens: (out): the tokens the budget trains on, C / (6·P)
 * @error: return location for a #GError
 *
 * The tokens a budget buys for a model of a given size, D = C / (6·P) (Kaplan et al., 2020,
 * §2.1).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_training_tokens (const MlsQuantity *compute_budget,
                          double             params,
                          double            *out_tokens,
                          GError           **error)
{
  if (!mls_formula_check_nonnegative (compute_budget, MLS_KIND_OPS, "compute_budget", error) ||
      !mls_formula_check_number_pos (params, "params", error))
    return FALSE;

  *out_tokens = compute_budget->value / (TRAINING_FLOP_PER_PARAM_TOKEN * params);
  return TRUE;
}
