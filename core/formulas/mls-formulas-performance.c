/* mls-formulas-performance.c — time, speed-up and roofline equations
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include "mls-formulas-private.h"
#include "mls-formulas-performance.h"

/* The reference treats a time below 1e-15 ms as zero when it classifies a bottleneck; in
 * seconds that is 1e-18 s. It is a numerical floor, not a model constant. */
#define NEGLIGIBLE_TIME_S 1e-18

/**
 * mls_bottleneck_copy:
 * @self: a #MlsBottleneck
 *
 * Returns: (transfer full): a newly allocated copy of @self
 */
MlsBottleneck *
mls_bottleneck_copy (const MlsBottleneck *self)
{
  return g_memdup2 (self, sizeof *self);
}

/**
 * mls_bottleneck_free:
 * @self: a #MlsBottleneck from mls_bottleneck_copy()
 *
 * Frees @self.
 */
void
mls_bottleneck_free (MlsBottleneck *self)
{
  g_free (self);
}

G_DEFINE_BOXED_TYPE (MlsBottleneck, mls_bottleneck, mls_bottleneck_copy, mls_bottleneck_free)

/**
 * mls_calc_training_time:
 * @ops: the total work, in FLOP
 * @n_devices: the number of accelerators sharing it, at least 1
 * @peak_flops: the peak rate of one accelerator, in FLOP/s
 * @efficiency: the fraction of peak achieved (model FLOPs utilisation), in (0, 1]
 * @out: (out caller-allocates): the wall-clock time
 * @error: return location for a #GError
 *
 * The "iron law" of training time, T = ops / (N · peak · η), as in the *Machine Learning
 * Systems* textbook (Reddi et al., training chapter). The reference calls it `dTime` and
 * `calc_training_time`.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_training_time (const MlsQuantity *ops,
                        guint              n_devices,
                        const MlsQuantity *peak_flops,
                        double             efficiency,
                        MlsQuantity       *out,
                        GError           **error)
{
  if (!mls_formula_check_nonnegative (ops, MLS_KIND_OPS, "ops", error) ||
      !mls_formula_check_count (n_devices, 1, "n_devices", error) ||
      !mls_formula_check_positive (peak_flops, MLS_KIND_COMPUTE_RATE, "peak_flops", error) ||
      !mls_formula_check_efficiency (efficiency, "efficiency", error))
    return FALSE;

  mls_formula_set (out, ops->value / (n_devices * peak_flops->value * efficiency),
                   MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_compute_time:
 * @ops: the work, in FLOP
 * @rate: the rate it runs at, in FLOP/s
 * @out: (out caller-allocates): the time, ops / rate
 * @error: return location for a #GError
 *
 * The time to do @ops at @rate: t = ops / rate (the compute side of the roofline, Williams
 * et al., "Roofline", CACM 2009).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or the rate is not positive
 */
gboolean
mls_calc_compute_time (const MlsQuantity *ops,
                       const MlsQuantity *rate,
                       MlsQuantity       *out,
                       GError           **error)
{
  if (!mls_formula_check_nonnegative (ops, MLS_KIND_OPS, "ops", error) ||
      !mls_formula_check_positive (rate, MLS_KIND_COMPUTE_RATE, "rate", error))
    return FALSE;

  mls_formula_set (out, ops->value / rate->value, MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_transfer_time:
 * @bytes: the data moved, in bytes
 * @bandwidth: the bandwidth it moves at, in bytes per second
 * @out: (out caller-allocates): the time, bytes / bandwidth
 * @error: return location for a #GError
 *
 * The time to move @bytes at @bandwidth: t = bytes / β (the memory side of the roofline,
 * Williams et al., CACM 2009; also a storage write or a network copy without latency).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or the bandwidth is not positive
 */
gboolean
mls_calc_transfer_time (const MlsQuantity *bytes,
                        const MlsQuantity *bandwidth,
                        MlsQuantity       *out,
                        GError           **error)
{
  if (!mls_formula_check_nonnegative (bytes, MLS_KIND_DATA, "bytes", error) ||
      !mls_formula_check_positive (bandwidth, MLS_KIND_BANDWIDTH, "bandwidth", error))
    return FALSE;

  mls_formula_set (out, bytes->value / bandwidth->value, MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_token_throughput:
 * @tokens: the number of tokens produced
 * @duration: the time they took
 * @out: (out caller-allocates): the throughput, tokens / duration, per second
 * @error: return location for a #GError
 *
 * Token throughput = tokens / t (the reference's `token_throughput`).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if @duration is not a
 *   positive time or @tokens is negative
 */
gboolean
mls_calc_token_throughput (double             tokens,
                           const MlsQuantity *duration,
                           MlsQuantity       *out,
                           GError           **error)
{
  if (!mls_formula_check_number_nonneg (tokens, "tokens", error) ||
      !mls_formula_check_positive (duration, MLS_KIND_TIME, "duration", error))
    return FALSE;

  mls_formula_set (out, tokens / duration->value, MLS_KIND_FREQUENCY);
  return TRUE;
}

/**
 * mls_calc_energy_from_power:
 * @power: a constant power
 * @duration: how long it is drawn
 * @out: (out caller-allocates): the energy, P · T
 * @error: return location for a #GError
 *
 * Energy at constant power, E = P · T.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is negative
 */
gboolean
mls_calc_energy_from_power (const MlsQuantity *power,
                            const MlsQuantity *duration,
                            MlsQuantity       *out,
                            GError           **error)
{
  if (!mls_formula_check_nonnegative (power, MLS_KIND_POWER, "power", error) ||
      !mls_formula_check_nonnegative (duration, MLS_KIND_TIME, "duration", error))
    return FALSE;

  mls_formula_set (out, power->value * duration->value, MLS_KIND_ENERGY);
  return TRUE;
}

/**
 * mls_calc_amdahls_speedup:
 * @parallel_fraction: the fraction p of the work that is sped up, in [0, 1]
 * @parallel_speedup: the speed-up s of that fraction, greater than zero
 * @out_speedup: (out): the overall speed-up
 * @error: return location for a #GError
 *
 * Amdahl's law, S = 1 / ((1 − p) + p / s) (G. Amdahl, "Validity of the single processor
 * approach to achieving large scale computing capabilities", AFIPS 1967).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is out of
 *   range
 */
gboolean
mls_calc_amdahls_speedup (double   parallel_fraction,
                          double   parallel_speedup,
                          double  *out_speedup,
                          GError **error)
{
  if (!mls_formula_check_fraction (parallel_fraction, "parallel_fraction", error) ||
      !mls_formula_check_number_pos (parallel_speedup, "parallel_speedup", error))
    return FALSE;

  *out_speedup = 1.0 / ((1.0 - parallel_fraction) + parallel_fraction / parallel_speedup);
  return TRUE;
}

/**
 * mls_calc_strong_scaling_speedup:
 * @n_devices: the number of devices N, at least 1
 * @overhead_fraction: the fraction f of each device's time lost to coordination per added
 *   device, zero or more
 * @out_speedup: (out): the speed-up over one device
 * @error: return location for a #GError
 *
 * Strong-scaling speed-up with a linear coordination overhead, S = N / (1 + (N − 1)·f), the
 * textbook's distributed-training model (*Machine Learning Systems*, Reddi et al.); f = 0 is
 * perfect scaling.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is out of
 *   range
 */
gboolean
mls_calc_strong_scaling_speedup (guint    n_devices,
                                 double   overhead_fraction,
                                 double  *out_speedup,
                                 GError **error)
{
  if (!mls_formula_check_count (n_devices, 1, "n_devices", error) ||
      !mls_formula_check_number_nonneg (overhead_fraction, "overhead_fraction", error))
    return FALSE;

  *out_speedup = n_devices / (1.0 + (n_devices - 1.0) * overhead_fraction);
  return TRUE;
}

/**
 * mls_calc_universal_scalability_law:
 * @concurrency: the concurrency N (devices, workers), greater than zero
 * @contention: the contention (serialisation) coefficient α, zero or more
 * @coherency: the coherency (crosstalk) coefficient β, zero or more
 * @out_capacity: (out): the relative capacity C(N), where C(1) = 1
 * @error: return location for a #GError
 *
 * Gunther's Universal Scalability Law, C(N) = N / (1 + α(N − 1) + βN(N − 1))
 * (N. J. Gunther, *Guerrilla Capacity Planning*, Springer 2007, ch. 4).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is out of
 *   range
 */
gboolean
mls_calc_universal_scalability_law (double   concurrency,
                                    double   contention,
                                    double   coherency,
                                    double  *out_capacity,
                                    GError **error)
{
  if (!mls_formula_check_number_pos (concurrency, "concurrency", error) ||
      !mls_formula_check_number_nonneg (contention, "contention", error) ||
      !mls_formula_check_number_nonneg (coherency, "coherency", error))
    return FALSE;

  double n = concurrency;
  *out_capacity = n / (1.0 + contention * (n - 1.0) + coherency * n * (n - 1.0));
  return TRUE;
}

/**
 * mls_calc_usl_optimal_concurrency:
 * @contention: the contention coefficient α, in [0, 1]
 * @coherency: the coherency coefficient β, zero or more
 * @out_concurrency: (out): the concurrency N* of peak capacity (infinite when β = 0)
 * @error: return location for a #GError
 *
 * The peak of the Universal Scalability Law, N* = √((1 − α) / β) (Gunther, *Guerrilla
 * Capacity Planning*, 2007, eq. 4.33). Without coherency cost (β = 0) capacity never falls,
 * so N* is infinite.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is out of
 *   range
 */
gboolean
mls_calc_usl_optimal_concurrency (double   contention,
                                  double   coherency,
                                  double  *out_concurrency,
                                  GError **error)
{
  if (!mls_formula_check_fraction (contention, "contention", error) ||
      !mls_formula_check_number_nonneg (coherency, "coherency", error))
    return FALSE;

  *out_concurrency = coherency == 0.0 ? INFINITY : sqrt ((1.0 - contention) / coherency);
  return TRUE;
}

/**
 * mls_calc_bottleneck:
 * @ops: the work, in FLOP
 * @bytes: the memory traffic, in bytes
 * @peak_flops: the compute rate, in FLOP/s
 * @bandwidth: the memory bandwidth, in bytes per second
 * @out: (out caller-allocates): the classification
 * @error: return location for a #GError
 *
 * Classifies work on the roofline (Williams, Waterman and Patterson, "Roofline: an insightful
 * visual performance model", CACM 52(4), 2009): t_c = ops / peak, t_m = bytes / β, and the
 * work is memory-bound when t_m > t_c. As in the reference:
 *
 * - a tie is compute-bound with ratio 1;
 * - a compute time below 1e-15 ms counts as none: memory-bound, ratio ∞, intensity 0;
 * - otherwise a memory time below 1e-15 ms: compute-bound, ratio ∞, intensity ∞;
 * - ratio = the larger time / the smaller; intensity = ops / bytes in FLOP per byte.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units, a rate is not positive or an amount is negative
 */
gboolean
mls_calc_bottleneck (const MlsQuantity *ops,
                     const MlsQuantity *bytes,
                     const MlsQuantity *peak_flops,
                     const MlsQuantity *bandwidth,
                     MlsBottleneck     *out,
                     GError           **error)
{
  if (!mls_formula_check_nonnegative (ops, MLS_KIND_OPS, "ops", error) ||
      !mls_formula_check_nonnegative (bytes, MLS_KIND_DATA, "bytes", error) ||
      !mls_formula_check_positive (peak_flops, MLS_KIND_COMPUTE_RATE, "peak_flops", error) ||
      !mls_formula_check_positive (bandwidth, MLS_KIND_BANDWIDTH, "bandwidth", error))
    return FALSE;

  double t_c = ops->value / peak_flops->value;
  double t_m = bytes->value / bandwidth->value;
  double intensity;

  mls_formula_set (&out->compute_time, t_c, MLS_KIND_TIME);
  mls_formula_set (&out->memory_time, t_m, MLS_KIND_TIME);

  if (t_c < NEGLIGIBLE_TIME_S)
    {
      out->kind = MLS_BOTTLENECK_MEMORY;
      out->ratio = INFINITY;
      intensity = 0.0;
    }
  else if (t_m < NEGLIGIBLE_TIME_S)
    {
      out->kind = MLS_BOTTLENECK_COMPUTE;
      out->ratio = INFINITY;
      intensity = INFINITY;
    }
  else
    {
      out->kind = t_m > t_c ? MLS_BOTTLENECK_MEMORY : MLS_BOTTLENECK_COMPUTE;
      out->ratio = t_m > t_c ? t_m / t_c : t_c / t_m;
      intensity = ops->value / bytes->value;
    }
  mls_formula_set (&out->intensity, intensity, MLS_KIND_INTENSITY);
  return TRUE;
}

/**
 * mls_calc_roofline_attainable:
 * @peak_flops: the compute ceiling, in FLOP/s
 * @bandwidth: the memory bandwidth, in bytes per second
 * @intensity: the arithmetic intensity of the work, in FLOP per byte
 * @out: (out caller-allocates): the attainable rate, in FLOP/s
 * @error: return location for a #GError
 *
 * The roofline, P = min(peak, β · I) (Williams, Waterman and Patterson, CACM 2009, eq. 1).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_roofline_attainable (const MlsQuantity *peak_flops,
                              const MlsQuantity *bandwidth,
                              const MlsQuantity *intensity,
                              MlsQuantity       *out,
                              GError           **error)
{
  if (!mls_formula_check_positive (peak_flops, MLS_KIND_COMPUTE_RATE, "peak_flops", error) ||
      !mls_formula_check_positive (bandwidth, MLS_KIND_BANDWIDTH, "bandwidth", error) ||
      !mls_formula_check_nonnegative (intensity, MLS_KIND_INTENSITY, "intensity", error))
    return FALSE;

  mls_formula_set (out, MIN (peak_flops->value, bandwidth->value * intensity->value),
                   MLS_KIND_COMPUTE_RATE);
  return TRUE;
}

/**
 * mls_calc_ridge_point:
 * @peak_flops: the compute ceiling, in FLOP/s
 * @bandwidth: the memory bandwidth, in bytes per second
 * @out: (out caller-allocates): the ridge intensity, in FLOP per byte
 * @error: return location for a #GError
 *
 * The ridge point of the roofline, I* = peak / β: the intensity above which work is
 * compute-bound (Williams et al., CACM 2009).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is not positive
 */
gboolean
mls_calc_ridge_point (const MlsQuantity *peak_flops,
                      const MlsQuantity *bandwidth,
                      MlsQuantity       *out,
                      GError           **error)
{
  if (!mls_formula_check_positive (peak_flops, MLS_KIND_COMPUTE_RATE, "peak_flops", error) ||
      !mls_formula_check_positive (bandwidth, MLS_KIND_BANDWIDTH, "bandwidth", error))
    return FALSE;

  mls_formula_set (out, peak_flops->value / bandwidth->value, MLS_KIND_INTENSITY);
  return TRUE;
}

static gboolean
check_pipeline (guint    n_stages,
                guint    n_microbatches,
                guint    n_virtual_stages,
                GError **error)
{
  return mls_formula_check_count (n_stages, 1, "n_stages", error) &&
         mls_formula_check_count (n_microbatches, 1, "n_microbatches", error) &&
         mls_formula_check_count (n_virtual_stages, 1, "n_virtual_stages", error);
}

/**
 * mls_calc_pipeline_bubble:
 * @n_stages: the pipeline depth P, at least 1
 * @n_microbatches: the microbatches per step M, at least 1
 * @n_virtual_stages: the model chunks per device V (interleaving), at least 1
 * @out_fraction: (out): the fraction of the step that is idle
 * @error: return location for a #GError
 *
 * The pipeline bubble as a fraction of the step, b = (P − 1) / (V·M + P − 1): GPipe's
 * (P − 1)/(M + P − 1) (Huang et al., NeurIPS 2019) with the interleaved schedule's 1/V
 * (Narayanan et al., "Efficient large-scale language model training on GPU clusters using
 * Megatron-LM", SC 2021, §2.2).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if a count is zero
 */
gboolean
mls_calc_pipeline_bubble (guint    n_stages,
                          guint    n_microbatches,
                          guint    n_virtual_stages,
                          double  *out_fraction,
                          GError **error)
{
  if (!check_pipeline (n_stages, n_microbatches, n_virtual_stages, error))
    return FALSE;

  double p = n_stages;
  *out_fraction = (p - 1.0) / ((double) n_virtual_stages * n_microbatches + p - 1.0);
  return TRUE;
}

/**
 * mls_calc_pipeline_bubble_stretch:
 * @n_stages: the pipeline depth P, at least 1
 * @n_microbatches: the microbatches per step M, at least 1
 * @n_virtual_stages: the model chunks per device V (interleaving), at least 1
 * @out_stretch: (out): the bubble time relative to the busy time
 * @error: return location for a #GError
 *
 * The bubble relative to the ideal (bubble-free) step, b / (1 − b) = (P − 1) / (V·M), with b
 * from mls_calc_pipeline_bubble(). This is Narayanan et al.'s "bubble time fraction"
 * (SC 2021, §2.2); a step of busy time T lasts T·(1 + b/(1 − b)). The newest reference
 * multiplies the node latency by it.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if a count is zero
 */
gboolean
mls_calc_pipeline_bubble_stretch (guint    n_stages,
                                  guint    n_microbatches,
                                  guint    n_virtual_stages,
                                  double  *out_stretch,
                                  GError **error)
{
  if (!check_pipeline (n_stages, n_microbatches, n_virtual_stages, error))
    return FALSE;

  /* b/(1 − b) simplifies exactly to (P − 1)/(V·M); computing it directly keeps precision. */
  *out_stretch = (n_stages - 1.0) / ((double) n_virtual_stages * n_microbatches);
  return TRUE;
}

/**
 * mls_calc_effective_flops:
 * @peak_flops: the peak rate, in FLOP/s
 * @mfu: the model FLOPs utilisation, in [0, 1]
 * @scaling_efficiency: the parallel scaling efficiency, in [0, 1]
 * @goodput: the fraction of time doing useful work (after failures and restarts), in [0, 1]
 * @out: (out caller-allocates): the effective rate, in FLOP/s
 * @error: return location for a #GError
 *
 * Effective throughput as a product of efficiencies, F = peak · MFU · η_scaling · goodput
 * (MFU as defined by Chowdhery et al., "PaLM", 2022, appendix B; the *Machine Learning
 * Systems* textbook's efficiency stack).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_effective_flops (const MlsQuantity *peak_flops,
                          double             mfu,
                          double             scaling_efficiency,
                          double             goodput,
                          MlsQuantity       *out,
                          GError           **error)
{
  if (!mls_formula_check_nonnegative (peak_flops, MLS_KIND_COMPUTE_RATE, "peak_flops", error) ||
      !mls_formula_check_fraction (mfu, "mfu", error) ||
      !mls_formula_check_fraction (scaling_efficiency, "scaling_efficiency", error) ||
      !mls_formula_check_fraction (goodput, "goodput", error))
    return FALSE;

  mls_formula_set (out, peak_flops->value * mfu * scaling_efficiency * goodput,
                   MLS_KIND_COMPUTE_RATE);
  return TRUE;
}
