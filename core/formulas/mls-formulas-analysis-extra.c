/* mls-formulas-analysis-extra.c — the analysis solvers' and optimisers' equations: inverted
 * roofline, sensitivity, carbon-priced cost, parallel MFU, request service time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mls-formulas-private.h"
#include "mls-formulas-analysis-extra.h"

/**
 * mls_calc_required_bandwidth:
 * @bytes: the bytes one step must stream, such as a model's weights W
 * @target_latency: the latency T the step must meet, more than zero
 * @out: (out caller-allocates): the memory bandwidth needed, W/T
 * @error: return location for a #GError
 *
 * The memory half of the inverted roofline (MLSys·im `SynthesisSolver`, inventory §9.27):
 * streaming W bytes within T takes at least W/T of bandwidth. Llama-3 8B at fp16 (16.06 GB)
 * in 30 ms needs 535 GB/s.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_required_bandwidth (const MlsQuantity *bytes,
                             const MlsQuantity *target_latency,
                             MlsQuantity       *out,
                             GError           **error)
{
  if (!mls_formula_check_nonnegative (bytes, MLS_KIND_DATA, "bytes", error) ||
      !mls_formula_check_positive (target_latency, MLS_KIND_TIME, "target_latency", error))
    return FALSE;

  mls_formula_set (out, bytes->value / target_latency->value, MLS_KIND_BANDWIDTH);
  return TRUE;
}

/**
 * mls_calc_required_flops:
 * @ops: the operations of one step
 * @target_latency: the latency T the step must meet, more than zero
 * @efficiency: the fraction η of peak the device achieves, 0 < η ≤ 1
 * @out: (out caller-allocates): the peak compute rate needed, ops/(T·η)
 * @error: return location for a #GError
 *
 * The compute half of the inverted roofline (MLSys·im `SynthesisSolver`, inventory §9.27):
 * at efficiency η a device delivers η of its peak, so finishing the operations within T needs
 * a peak of ops/(T·η).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_required_flops (const MlsQuantity *ops,
                         const MlsQuantity *target_latency,
                         double             efficiency,
                         MlsQuantity       *out,
                         GError           **error)
{
  if (!mls_formula_check_nonnegative (ops, MLS_KIND_OPS, "ops", error) ||
      !mls_formula_check_positive (target_latency, MLS_KIND_TIME, "target_latency", error) ||
      !mls_formula_check_efficiency (efficiency, "efficiency", error))
    return FALSE;

  mls_formula_set (out, ops->value / (target_latency->value * efficiency),
                   MLS_KIND_COMPUTE_RATE);
  return TRUE;
}

/**
 * mls_calc_relative_sensitivity:
 * @baseline: a result at the baseline, such as a latency T; not zero
 * @perturbed: the same result with one input perturbed, T′, of the same dimension
 * @out: (out): the relative change (T′ − T)/T
 * @error: return location for a #GError
 *
 * How much a result moves when one supply parameter is perturbed (MLSys·im
 * `SensitivitySolver`, inventory §9.26). Divided by the relative perturbation it is the
 * elasticity, the discrete partial derivative ∂ln T/∂ln x. The parameter with the largest
 * |sensitivity| is the binding constraint: the only one worth paying to improve.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if the baseline is zero or
 *   the two differ in dimension
 */
gboolean
mls_calc_relative_sensitivity (const MlsQuantity *baseline,
                               const MlsQuantity *perturbed,
                               double            *out,
                               GError           **error)
{
  if (!mls_quantity_same_dimension (baseline, perturbed))
    {
      g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_DIMENSION,
                   _("A sensitivity compares a result with itself: the baseline and the "
                     "perturbed value must have the same dimension"));
      return FALSE;
    }
  if (baseline->value == 0)
    {
      g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
                   _("A sensitivity is relative to the baseline, which must not be zero"));
      return FALSE;
    }
  *out = (perturbed->value - baseline->value) / baseline->value;
  return TRUE;
}

/**
 * mls_calc_carbon_priced_cost:
 * @cost: a cost, such as a total cost of ownership
 * @carbon: the carbon emitted, as a mass of CO₂-equivalent
 * @carbon_price: the price of a unit of carbon, such as “100 USD/t”
 * @out: (out caller-allocates): the cost with the carbon priced in, cost + carbon × price
 * @error: return location for a #GError
 *
 * The placement objective of MLSys·im's `PlacementOptimizer` (inventory §9.20): TCO plus
 * the emissions at a carbon price (a tax, or a shadow price). At 100 USD/t, 2.7 t of CO₂ adds
 * 270 USD.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is negative
 */
gboolean
mls_calc_carbon_priced_cost (const MlsQuantity *cost,
                             const MlsQuantity *carbon,
                             const MlsQuantity *carbon_price,
                             MlsQuantity       *out,
                             GError           **error)
{
  if (!mls_formula_check_kind (cost, MLS_KIND_MONEY, "cost", error) ||
      !mls_formula_check_nonnegative (carbon, MLS_KIND_MASS, "carbon", error))
    return FALSE;
  if (!mls_quantity_check_dimension (carbon_price, "USD/t", "carbon_price", error))
    return FALSE;
  if (carbon_price->value < 0)
    {
      g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
                   _("carbon_price must be zero or more, such as “100 USD/t”"));
      return FALSE;
    }

  mls_formula_set (out, cost->value + carbon->value * carbon_price->value, MLS_KIND_MONEY);
  return TRUE;
}

/**
 * mls_calc_parallelism_mfu:
 * @scaling_efficiency: the fraction of a step spent computing, node time / step time, in
 *   [0, 1]
 * @efficiency: the fraction η of peak each device achieves while computing, 0 < η ≤ 1
 * @out: (out): the fleet's model FLOPs utilisation, scaling × η
 * @error: return location for a #GError
 *
 * The objective of MLSys·im's `ParallelismOptimizer` (inventory §9.6): communication and
 * pipeline bubbles leave a fraction of each step to compute, at η of peak.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is out of
 *   range
 */
gboolean
mls_calc_parallelism_mfu (double  scaling_efficiency,
                          double  efficiency,
                          double *out,
                          GError **error)
{
  if (!mls_formula_check_fraction (scaling_efficiency, "scaling_efficiency", error) ||
      !mls_formula_check_efficiency (efficiency, "efficiency", error))
    return FALSE;

  *out = scaling_efficiency * efficiency;
  return TRUE;
}

/**
 * mls_calc_request_service_time:
 * @ttft: the time to the first token (prefill)
 * @itl: the time per further token (decode)
 * @output_tokens: the tokens generated per request, zero or more
 * @out: (out caller-allocates): the time a request occupies a server, TTFT + ITL × tokens
 * @error: return location for a #GError
 *
 * The service time MLSys·im's `BatchingOptimizer` feeds its tail-latency queue (inventory
 * §9.13): a request holds its server through prefill and every decoded token.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is negative
 */
gboolean
mls_calc_request_service_time (const MlsQuantity *ttft,
                               const MlsQuantity *itl,
                               double             output_tokens,
                               MlsQuantity       *out,
                               GError           **error)
{
  if (!mls_formula_check_nonnegative (ttft, MLS_KIND_TIME, "ttft", error) ||
      !mls_formula_check_nonnegative (itl, MLS_KIND_TIME, "itl", error) ||
      !mls_formula_check_number_nonneg (output_tokens, "output_tokens", error))
    return FALSE;

  mls_formula_set (out, ttft->value + itl->value * output_tokens, MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_batch_arrival_rate:
 * @request_rate: the rate λ at which requests arrive
 * @batch_size: the requests b served together, at least 1
 * @out: (out caller-allocates): the rate at which batches arrive, λ/b
 * @error: return location for a #GError
 *
 * Batching b requests turns λ requests per second into λ/b batches per second, each served
 * as one job (MLSys·im `BatchingOptimizer`, inventory §9.13).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_batch_arrival_rate (const MlsQuantity *request_rate,
                             double             batch_size,
                             MlsQuantity       *out,
                             GError           **error)
{
  if (!mls_formula_check_nonnegative (request_rate, MLS_KIND_FREQUENCY, "request_rate", error))
    return FALSE;
  if (!(batch_size >= 1))
    {
      g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
                   _("batch_size must be at least 1; got %g"), batch_size);
      return FALSE;
    }

  mls_formula_set (out, request_rate->value / batch_size, MLS_KIND_FREQUENCY);
  return TRUE;
}
