/* mls-formulas-roofline-extra.c — the single-node engine's overhead, traffic, utilisation and
 * power equations
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mls-formulas-private.h"
#include "mls-formulas-roofline-extra.h"

/**
 * mls_calc_memory_traffic:
 * @weight_bytes: the weights W streamed once per step
 * @batch_size: the samples B processed in the step, zero or more
 * @activation_fraction: the activation traffic per sample as a fraction f of the weights, such
 *   as the registry's `memory_traffic_factor` (0.1), zero or more
 * @out: (out caller-allocates): the bytes moved, W·(1 + f·B)
 * @error: return location for a #GError
 *
 * The single-node engine's memory traffic, Q = W + f·W·B: the weights are read once per step
 * and each sample adds activations worth a fraction f of them (the MLSys·im `Engine.solve`
 * heuristic, inventory §8 step 8). The arithmetic intensity of a step is ops / Q, not ops / W.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is negative
 */
gboolean
mls_calc_memory_traffic (const MlsQuantity *weight_bytes,
                         double             batch_size,
                         double             activation_fraction,
                         MlsQuantity       *out,
                         GError           **error)
{
  if (!mls_formula_check_nonnegative (weight_bytes, MLS_KIND_DATA, "weight_bytes", error) ||
      !mls_formula_check_number_nonneg (batch_size, "batch_size", error) ||
      !mls_formula_check_number_nonneg (activation_fraction, "activation_fraction", error))
    return FALSE;

  mls_formula_set (out, weight_bytes->value * (1.0 + activation_fraction * batch_size),
                   MLS_KIND_DATA);
  return TRUE;
}

/**
 * mls_calc_framework_overhead:
 * @dispatch_tax: the fixed launch cost of one step on the device, such as 0.01 ms
 * @n_layers: the layers L the framework walks through (1 when the model does not say)
 * @layer_tax: the framework cost per layer, such as the registry's `layer_tax` (0.01 ms)
 * @layer_tax_multiplier: how many passes pay the layer tax: 1 for inference, the registry's
 *   `training_layer_tax_multiplier` (3) for training; at least 1
 * @out: (out caller-allocates): the overhead, dispatch + L·tax·m
 * @error: return location for a #GError
 *
 * Software overhead of one step that no roofline sees: one dispatch plus a per-layer
 * framework tax, paid by each pass over the layers (MLSys·im `Engine.solve`, inventory §8
 * step 10). It dominates small models on large accelerators: ResNet-50 on an A100 spends
 * 0.5 ms here against a 0.05 ms roofline time.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_framework_overhead (const MlsQuantity *dispatch_tax,
                             guint              n_layers,
                             const MlsQuantity *layer_tax,
                             double             layer_tax_multiplier,
                             MlsQuantity       *out,
                             GError           **error)
{
  if (!mls_formula_check_nonnegative (dispatch_tax, MLS_KIND_TIME, "dispatch_tax", error) ||
      !mls_formula_check_nonnegative (layer_tax, MLS_KIND_TIME, "layer_tax", error) ||
      !mls_formula_check_number_pos (layer_tax_multiplier, "layer_tax_multiplier", error))
    return FALSE;

  mls_formula_set (out, dispatch_tax->value + n_layers * layer_tax->value * layer_tax_multiplier,
                   MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_offload_bandwidth:
 * @device_bandwidth: the device's own memory bandwidth
 * @host_bandwidth: the bandwidth of the link to host memory (PCIe, or the registry's
 *   `fallback_pcie_bandwidth` when the device lists none)
 * @out: (out caller-allocates): the effective bandwidth, min(device, host)
 * @error: return location for a #GError
 *
 * When the footprint does not fit in device memory the weights stream from host memory, and
 * the slower of the two links sets the pace: β = min(β_device, β_host) (Rajbhandari et al.,
 * "ZeRO-Infinity", SC 2021, §4; MLSys·im `Engine.solve` offload path, inventory §8 step 7).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if a bandwidth has the
 *   wrong units or is not positive
 */
gboolean
mls_calc_offload_bandwidth (const MlsQuantity *device_bandwidth,
                            const MlsQuantity *host_bandwidth,
                            MlsQuantity       *out,
                            GError           **error)
{
  if (!mls_formula_check_positive (device_bandwidth, MLS_KIND_BANDWIDTH, "device_bandwidth",
                                   error) ||
      !mls_formula_check_positive (host_bandwidth, MLS_KIND_BANDWIDTH, "host_bandwidth", error))
    return FALSE;

  mls_formula_set (out, MIN (device_bandwidth->value, host_bandwidth->value),
                   MLS_KIND_BANDWIDTH);
  return TRUE;
}

/**
 * mls_calc_training_ops:
 * @forward_ops: the operations of one forward pass for one sample (or one token)
 * @pass_multiplier: forward plus backward passes, such as the registry's
 *   `training_flops_multiplier` (3) or `training_flops_multiplier_recompute` (4); at least 1
 * @tokens_per_sample: how many times @forward_ops is paid per sample: the sequence length for
 *   a language model whose @forward_ops is per token, 1 otherwise
 * @model_parallel_size: the devices one replica's work is split over (tp·pp), at least 1
 * @out: (out caller-allocates): the training operations per sample on one device
 * @error: return location for a #GError
 *
 * Training work per sample: C = m·F·S / (tp·pp), where m = 3 counts the forward pass and the
 * two backward products (Kaplan et al., "Scaling laws for neural language models", 2020,
 * §2.1) and m = 4 adds the recomputed forward pass of full activation checkpointing
 * (Korthikanti et al., MLSys 2023, §5).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_training_ops (const MlsQuantity *forward_ops,
                       double             pass_multiplier,
                       double             tokens_per_sample,
                       guint              model_parallel_size,
                       MlsQuantity       *out,
                       GError           **error)
{
  if (!mls_formula_check_nonnegative (forward_ops, MLS_KIND_OPS, "forward_ops", error) ||
      !mls_formula_check_number_pos (pass_multiplier, "pass_multiplier", error) ||
      !mls_formula_check_number_pos (tokens_per_sample, "tokens_per_sample", error) ||
      !mls_formula_check_count (model_parallel_size, 1, "model_parallel_size", error))
    return FALSE;

  mls_formula_set (out,
                   forward_ops->value * pass_multiplier * tokens_per_sample / model_parallel_size,
                   MLS_KIND_OPS);
  return TRUE;
}

/**
 * mls_calc_model_flops_utilization:
 * @ops: the model's operations in the step
 * @duration: the wall-clock time of the step
 * @peak_flops: the device's peak rate at the precision used (not derated by η)
 * @out_mfu: (out): the model FLOPs utilisation, in [0, 1]
 * @error: return location for a #GError
 *
 * Model FLOPs utilisation, MFU = (ops / T) / peak, clamped to [0, 1] (Chowdhery et al.,
 * "PaLM: scaling language modeling with pathways", 2022, appendix B).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units, @duration or @peak_flops is not positive, or @ops is negative
 */
gboolean
mls_calc_model_flops_utilization (const MlsQuantity *ops,
                                  const MlsQuantity *duration,
                                  const MlsQuantity *peak_flops,
                                  double            *out_mfu,
                                  GError           **error)
{
  if (!mls_formula_check_nonnegative (ops, MLS_KIND_OPS, "ops", error) ||
      !mls_formula_check_positive (duration, MLS_KIND_TIME, "duration", error) ||
      !mls_formula_check_positive (peak_flops, MLS_KIND_COMPUTE_RATE, "peak_flops", error))
    return FALSE;

  *out_mfu = CLAMP (ops->value / duration->value / peak_flops->value, 0.0, 1.0);
  return TRUE;
}

/**
 * mls_calc_hardware_flops_utilization:
 * @mfu: the model FLOPs utilisation, in [0, 1]
 * @recompute_factor: the hardware operations per model operation: 1 without activation
 *   recomputation, the registry's `hfu_recompute_factor` (4/3) with full recomputation;
 *   at least 1
 * @out_hfu: (out): the hardware FLOPs utilisation, at most 1
 * @error: return location for a #GError
 *
 * Hardware FLOPs utilisation counts the recomputed forward pass too: HFU = MFU·r, capped at 1
 * (Korthikanti et al., "Reducing activation recomputation in large transformer models",
 * MLSys 2023, §6; Chowdhery et al., 2022, appendix B).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is out of
 *   range
 */
gboolean
mls_calc_hardware_flops_utilization (double   mfu,
                                     double   recompute_factor,
                                     double  *out_hfu,
                                     GError **error)
{
  if (!mls_formula_check_fraction (mfu, "mfu", error))
    return FALSE;
  if (!(recompute_factor >= 1.0))
    {
      g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
                   _("recompute_factor must be at least 1 (1 without recomputation, 4/3 with "
                     "full recomputation); got %g"),
                   recompute_factor);
      return FALSE;
    }

  *out_hfu = MIN (mfu * recompute_factor, 1.0);
  return TRUE;
}

/**
 * mls_calc_utilization_energy:
 * @tdp: the device's thermal design power
 * @idle_fraction: the share of TDP drawn whatever the load, such as the registry's
 *   `energy_idle_fraction` (0.30), in [0, 1]
 * @dynamic_fraction: the share of TDP that scales with utilisation, such as the registry's
 *   `energy_dynamic_fraction` (0.70), in [0, 1]
 * @utilization: the compute utilisation u (MFU), in [0, 1]
 * @duration: how long the device runs
 * @out: (out caller-allocates): the energy, TDP·(idle + dynamic·u)·T
 * @error: return location for a #GError
 *
 * A linear power model between idle and full load, P = TDP·(p_idle + p_dyn·u), integrated over
 * the run: server power is close to linear in utilisation (Fan, Weber and Barroso, "Power
 * provisioning for a warehouse-sized computer", ISCA 2007, §4.1; MLSys·im `Engine.solve`
 * step 14).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_utilization_energy (const MlsQuantity *tdp,
                             double             idle_fraction,
                             double             dynamic_fraction,
                             double             utilization,
                             const MlsQuantity *duration,
                             MlsQuantity       *out,
                             GError           **error)
{
  if (!mls_formula_check_nonnegative (tdp, MLS_KIND_POWER, "tdp", error) ||
      !mls_formula_check_fraction (idle_fraction, "idle_fraction", error) ||
      !mls_formula_check_fraction (dynamic_fraction, "dynamic_fraction", error) ||
      !mls_formula_check_fraction (utilization, "utilization", error) ||
      !mls_formula_check_nonnegative (duration, MLS_KIND_TIME, "duration", error))
    return FALSE;

  mls_formula_set (out,
                   tdp->value * (idle_fraction + dynamic_fraction * utilization) * duration->value,
                   MLS_KIND_ENERGY);
  return TRUE;
}
