/* mls-roofline-solver.c — the single-node engine: one workload on one accelerator
 *
 * The reference's SingleNodeModel (`Engine.solve`, inventory §8): lower the workload at the
 * precision, decide whether its footprint fits, pick the memory path the bytes stream from,
 * place the step on the roofline, then add the software overheads no roofline sees.
 *
 * This is the hot path of sweeps and benchmarks: a solve reads cached registry constants and
 * interned quarks, allocates nothing unless the ledger records explanations, and looks up no
 * scenario parameter unless it trains with ZeRO.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>
#include <math.h>
#include <mlsysim.h>

#define SOLVER_ID "roofline"
#define PARAM_DP_SIZE "roofline.dp_size"

typedef enum
{
  M_LATENCY,
  M_LATENCY_COMPUTE,
  M_LATENCY_MEMORY,
  M_LATENCY_OVERHEAD,
  M_THROUGHPUT,
  M_BOTTLENECK,
  M_ARITHMETIC_INTENSITY,
  M_ENERGY,
  M_MEMORY_FOOTPRINT,
  M_MEMORY_CAPACITY,
  M_MEMORY_UTILIZATION,
  M_PEAK_FLOPS_ACTUAL,
  M_PEAK_BW_ACTUAL,
  M_MFU,
  M_HFU,
  M_FEASIBLE,
  M_OFFLOAD_SPILL_BYTES,
  M_OFFLOAD_EFFECTIVE_BW,
  M_MEMORY_PATH,
  M_OVERHEAD_DOMINATED,
  N_METRICS
} Metric;

typedef struct
{
  const char *id;
  const char *label;
  const char *unit;
  const char *description;
} MetricDef;

static const MetricDef metric_defs[N_METRICS] = {
  [M_LATENCY] = { "roofline.latency", N_("Latency"), "ms",
                  N_("Time of one step: max(compute, memory) + dispatch and layer overhead") },
  [M_LATENCY_COMPUTE] = { "roofline.latency_compute", N_("Compute time"), "ms",
                          N_("Operations of the step over the effective peak (peak × η)") },
  [M_LATENCY_MEMORY] = { "roofline.latency_memory", N_("Memory time"), "ms",
                         N_("Bytes moved by the step over the bandwidth of the memory path") },
  [M_LATENCY_OVERHEAD] = { "roofline.latency_overhead", N_("Overhead"), "ms",
                           N_("Dispatch tax plus the per-layer framework tax") },
  [M_THROUGHPUT] = { "roofline.throughput", N_("Throughput"), "sample/s",
                     N_("Samples per second: batch / latency") },
  [M_BOTTLENECK] = { "roofline.bottleneck", N_("Bottleneck"), "text",
                     N_("Which roofline ceiling binds: Memory or Compute") },
  [M_ARITHMETIC_INTENSITY] = { "roofline.arithmetic_intensity", N_("Arithmetic intensity"),
                               "FLOP/B", N_("Operations per byte of memory traffic") },
  [M_ENERGY] = { "roofline.energy", N_("Energy"), "J",
                 N_("Energy of one step: TDP × (idle + dynamic × MFU) × latency") },
  [M_MEMORY_FOOTPRINT] = { "roofline.memory_footprint", N_("Memory footprint"), "GB",
                           N_("Bytes that must live in device memory (weights, or the whole "
                              "training state)") },
  [M_MEMORY_CAPACITY] = { "roofline.memory_capacity", N_("Memory capacity"), "GB",
                          N_("Device memory capacity") },
  [M_MEMORY_UTILIZATION] = { "roofline.memory_utilization", N_("Memory utilisation"), "",
                             N_("Footprint over capacity; above 1 the model does not fit") },
  [M_PEAK_FLOPS_ACTUAL] = { "roofline.peak_flops_actual", N_("Effective peak"), "TFLOP/s",
                            N_("Peak rate at the precision times the efficiency η") },
  [M_PEAK_BW_ACTUAL] = { "roofline.peak_bw_actual", N_("Effective bandwidth"), "GB/s",
                         N_("Bandwidth of the memory path the bytes stream from") },
  [M_MFU] = { "roofline.mfu", N_("MFU"), "",
              N_("Model FLOPs utilisation: achieved model FLOP/s over peak") },
  [M_HFU] = { "roofline.hfu", N_("HFU"), "",
              N_("Hardware FLOPs utilisation: MFU, times the recompute factor with activation "
                 "recomputation") },
  [M_FEASIBLE] = { "roofline.feasible", N_("Fits in memory"), "",
                   N_("1 when the footprint fits in device memory, 0 when it must offload") },
  [M_OFFLOAD_SPILL_BYTES] = { "roofline.offload_spill_bytes", N_("Offloaded bytes"), "GB",
                              N_("Footprint beyond device memory, streamed from the host") },
  [M_OFFLOAD_EFFECTIVE_BW] = { "roofline.offload_effective_bw", N_("Offload bandwidth"),
                               "GB/s",
                               N_("min(device bandwidth, host link) when offloading, else 0") },
  [M_MEMORY_PATH] = { "roofline.memory_path", N_("Memory path"), "text",
                      N_("Where the bytes stream from: primary, sram, flash or offload") },
  [M_OVERHEAD_DOMINATED] = { "roofline.overhead_dominated", N_("Overhead-dominated"), "",
                             N_("1 when the software overhead exceeds the roofline time") },
};

/* Registry constants, read once by prepare(). */
typedef struct
{
  MlsQuantity layer_tax;
  double      training_layer_tax_multiplier;
  MlsQuantity default_dispatch_tax;
  double      memory_traffic_factor;
  guint       default_layers;
  double      energy_idle_fraction;
  double      energy_dynamic_fraction;
  MlsQuantity fallback_pcie_bandwidth;
  double      training_flops_multiplier;
  double      training_flops_multiplier_recompute;
  double      hfu_recompute_factor;
  MlsQuantity optimizer_bytes_adam;
  guint       fallback_heads;
  guint       fallback_hidden_dim;
} Constants;

struct _MlsRooflineSolver
{
  GObject     parent_instance;

  Constants   c;
  gboolean    prepared;

  /* Zero quantities of the units this solver builds, so a solve never parses a unit. */
  MlsQuantity zero_bytes;
  MlsQuantity zero_bandwidth;
  MlsQuantity zero_energy;

  GQuark      quarks[N_METRICS];
  const char *text_memory;
  const char *text_compute;
  const char *path_text[MLS_MEMORY_PATH_OFFLOAD + 1];
  const char *status_memory;
  const char *status_compute;
  const char *status_offload_memory;
  const char *status_offload_compute;
};

#define MLS_TYPE_ROOFLINE_SOLVER (mls_roofline_solver_get_type ())
G_DECLARE_FINAL_TYPE (MlsRooflineSolver, mls_roofline_solver, MLS, ROOFLINE_SOLVER, GObject)

static void solver_iface_init (MlsSolverInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (MlsRooflineSolver, mls_roofline_solver, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (MLS_TYPE_SOLVER,
                                                               solver_iface_init))

/* --- constants ------------------------------------------------------------------------- */

static gboolean
get_quantity (MlsRegistry *registry,
              const char  *key,
              const char  *unit,
              MlsQuantity *out,
              GError     **error)
{
  return mls_registry_get_constant (registry, key, out, error) &&
         mls_quantity_check_dimension (out, unit, key, error);
}

static gboolean
get_number (MlsRegistry *registry,
            const char  *key,
            double      *out,
            GError     **error)
{
  MlsQuantity q;

  if (!mls_registry_get_constant (registry, key, &q, error) ||
      !mls_quantity_check_dimension (&q, "", key, error))
    return FALSE;
  *out = q.value;
  return TRUE;
}

static gboolean
get_count (MlsRegistry *registry,
           const char  *key,
           guint       *out,
           GError     **error)
{
  double v;

  if (!get_number (registry, key, &v, error))
    return FALSE;
  if (v < 1 || v > G_MAXUINT)
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                   _("Registry constant “%s” must be a positive count; got %g"), key, v);
      return FALSE;
    }
  *out = (guint) v;
  return TRUE;
}

static gboolean
mls_roofline_solver_prepare (MlsSolver   *solver,
                             MlsRegistry *registry,
                             GError     **error)
{
  MlsRooflineSolver *self = MLS_ROOFLINE_SOLVER (solver);
  Constants c;
  double optimizer_bytes;

  if (!get_quantity (registry, "layer_tax", "s", &c.layer_tax, error) ||
      !get_number (registry, "training_layer_tax_multiplier",
                   &c.training_layer_tax_multiplier, error) ||
      !get_quantity (registry, "default_dispatch_tax", "s", &c.default_dispatch_tax, error) ||
      !get_number (registry, "memory_traffic_factor", &c.memory_traffic_factor, error) ||
      !get_count (registry, "default_layers", &c.default_layers, error) ||
      !get_number (registry, "energy_idle_fraction", &c.energy_idle_fraction, error) ||
      !get_number (registry, "energy_dynamic_fraction", &c.energy_dynamic_fraction, error) ||
      !get_quantity (registry, "fallback_pcie_bandwidth", "B/s", &c.fallback_pcie_bandwidth,
                     error) ||
      !get_number (registry, "training_flops_multiplier", &c.training_flops_multiplier,
                   error) ||
      !get_number (registry, "training_flops_multiplier_recompute",
                   &c.training_flops_multiplier_recompute, error) ||
      !get_number (registry, "hfu_recompute_factor", &c.hfu_recompute_factor, error) ||
      !get_number (registry, "optimizer_bytes_adam", &optimizer_bytes, error) ||
      !get_count (registry, "fallback_heads", &c.fallback_heads, error) ||
      !get_count (registry, "fallback_hidden_dim", &c.fallback_hidden_dim, error))
    return FALSE;

  /* The registry states optimizer state as bytes per parameter, a plain number. */
  c.optimizer_bytes_adam = self->zero_bytes;
  c.optimizer_bytes_adam.value = optimizer_bytes;

  self->c = c;
  self->prepared = TRUE;
  return TRUE;
}

/* --- description --------------------------------------------------------------------- */

static MlsSolverInfo *
mls_roofline_solver_describe (MlsSolver *solver)
{
  MlsSolverInfo *info;

  info = mls_solver_info_new (SOLVER_ID, _("Single-node roofline"),
                              _("One workload on one accelerator: compute and memory roofline, "
                                "memory feasibility with SRAM, flash and host-offload paths, "
                                "dispatch and per-layer overhead, MFU/HFU and energy, for "
                                "inference or training."),
                              MLS_SOLVER_KIND_MODEL);
  mls_solver_info_set_inputs (info, MLS_SOLVER_INPUT_WORKLOAD | MLS_SOLVER_INPUT_HARDWARE);
  mls_solver_info_add_wall (info, 1);
  mls_solver_info_add_wall (info, 2);
  mls_solver_info_add_parameter (info, PARAM_DP_SIZE, _("Data-parallel ranks"), "", 1, 1,
                                 G_MAXUINT,
                                 _("Ranks that ZeRO shards the training state over (training "
                                   "with a ZeRO stage above 0 only)"));
  for (guint i = 0; i < N_METRICS; i++)
    mls_solver_info_add_metric (info, metric_defs[i].id, _(metric_defs[i].label),
                                metric_defs[i].unit, _(metric_defs[i].description));
  return info;
}

/* --- solving ------------------------------------------------------------------------- */

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (MLS_SOLVER_ERROR,
                                                MLS_SOLVER_ERROR_INVALID_INPUT, format, args));
  va_end (args);
  return FALSE;
}

static void
set_number (MlsLedger *ledger,
            GQuark     metric,
            double     value)
{
  MlsQuantity q = mls_quantity_scalar (value);

  mls_ledger_set_quark (ledger, metric, &q);
}

static char *
format_in (const MlsQuantity *q,
           const char        *unit)
{
  char *text = mls_quantity_format_in (q, unit, 4, NULL);

  return text != NULL ? text : mls_quantity_format (q, 4);
}

/* Only when explaining: the reference warns when a precision has no entry in the device's
 * table and the FP16 peak stands in for it. */
static void
explain_precision_fallback (MlsLedger       *ledger,
                            MlsHardwareNode *hardware,
                            MlsPrecision     precision)
{
  static const char prefix[] = "compute.precision_flops.";
  g_auto (GStrv) fields = mls_entry_list_fields (MLS_ENTRY (hardware));
  g_autoptr (GString) available = g_string_new (NULL);

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    if (g_str_has_prefix (fields[i], prefix))
      {
        if (available->len > 0)
          g_string_append (available, ", ");
        g_string_append (available, fields[i] + strlen (prefix));
      }
  if (available->len == 0)
    return;

  mls_ledger_explain (ledger, SOLVER_ID,
                      _("Precision “%s” not in %s precision_flops (available: %s); using "
                        "default peak_flops (FP16). Results may be inaccurate."),
                      mls_precision_to_string (precision),
                      mls_entry_get_name (MLS_ENTRY (hardware)), available->str);
}

/* The state a training step must hold: the newest reference's Korthikanti model for
 * Transformers (weights, gradients, Adam state under ZeRO, plus activations kept for the
 * backward pass: selective with recomputation, none without), and the same model state
 * without activations, P·(2·b + 12), for other workloads. */
static gboolean
training_footprint (MlsRooflineSolver         *self,
                    MlsScenario               *scenario,
                    MlsWorkload               *workload,
                    const MlsComputationGraph *graph,
                    double                     bytes_per_element,
                    guint                      batch,
                    gboolean                   recompute,
                    MlsQuantity               *out,
                    GError                   **error)
{
  const Constants *c = &self->c;
  MlsWorkloadKind kind = mls_workload_get_kind (workload);
  MlsQuantity bpp = self->zero_bytes;
  MlsQuantity weights, gradients, optimizer, activations;
  double params = graph->parameter_count;
  double zero_knob = mls_scenario_get_knob (scenario, MLS_KNOB_ZERO_STAGE);
  guint zero_stage = zero_knob > 0 ? (guint) zero_knob : 0;
  guint dp_size = 1;

  bpp.value = bytes_per_element;
  if (zero_stage > 0)
    {
      MlsQuantity dp;

      if (mls_scenario_get_parameter (scenario, PARAM_DP_SIZE, &dp))
        {
          if (!(dp.value >= 1) || dp.value > G_MAXUINT)
            return invalid (error, _("%s must be a count of at least 1; got %g"),
                            PARAM_DP_SIZE, dp.value);
          dp_size = (guint) dp.value;
        }
    }

  /* A workload known only by its size (no parameter count) holds that many bytes of
   * weights: count its parameters from them. */
  if (params <= 0)
    params = graph->weight_bytes.value / bytes_per_element;

  if (!mls_calc_training_state_memory (params, 1, 1, 1, dp_size, zero_stage, 1, &bpp,
                                       &c->optimizer_bytes_adam, &weights, &gradients,
                                       &optimizer, error))
    return FALSE;

  *out = weights;
  out->value += gradients.value + optimizer.value;

  if (kind == MLS_WORKLOAD_TRANSFORMER || kind == MLS_WORKLOAD_MOE)
    {
      guint layers = graph->layers > 0 ? graph->layers : c->default_layers;
      guint hidden = mls_workload_get_hidden_dim (workload);
      guint heads = mls_workload_get_heads (workload);

      if (!mls_calc_activation_memory (layers, mls_scenario_get_seq_len (scenario), batch,
                                       hidden > 0 ? hidden : c->fallback_hidden_dim,
                                       heads > 0 ? heads : c->fallback_heads, &bpp,
                                       recompute ? MLS_ACTIVATION_CHECKPOINTING_SELECTIVE
                                                 : MLS_ACTIVATION_CHECKPOINTING_NONE,
                                       &activations, error))
        return FALSE;
      out->value += activations.value;
    }
  return TRUE;
}

static gboolean
mls_roofline_solver_solve (MlsSolver   *solver,
                           MlsScenario *scenario,
                           MlsLedger   *ledger,
                           GError     **error)
{
  MlsRooflineSolver *self = (MlsRooflineSolver *) solver;
  const Constants *c = &self->c;
  const GQuark *q = self->quarks;
  MlsWorkload *workload = mls_scenario_get_workload (scenario);
  MlsHardwareNode *hardware = mls_scenario_get_hardware (scenario);
  gboolean explain = mls_ledger_get_explain (ledger);

  if (G_UNLIKELY (!self->prepared))
    {
      g_set_error_literal (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                           _("The roofline solver was not prepared with a registry"));
      return FALSE;
    }
  if (workload == NULL || hardware == NULL)
    return invalid (error, _("The roofline solver needs a workload and a hardware node"));

  /* 1. Validate. */
  double eta = mls_scenario_get_efficiency (scenario);
  guint batch = mls_scenario_get_batch_size (scenario);

  if (!(eta > 0 && eta <= 1))
    return invalid (error, _("efficiency must be greater than 0 and at most 1, such as 0.5; "
                             "got %g"), eta);
  if (batch < 1)
    return invalid (error, _("batch_size must be at least 1; got %u"), batch);

  /* 2. Bytes per element and the peak rate at this precision. */
  MlsPrecision precision = mls_scenario_get_precision (scenario);
  double bytes_per_element = mls_precision_bytes (precision);
  gboolean exact = TRUE;
  const MlsQuantity *peak = mls_hardware_node_get_flops_for (hardware, precision, &exact);

  if (G_UNLIKELY (!(peak->value > 0)))
    return invalid (error, _("%s has no peak FLOP/s (compute.peak_flops)"),
                    mls_entry_get_name (MLS_ENTRY (hardware)));
  if (G_UNLIKELY (explain && !exact && precision != MLS_PRECISION_FP16 &&
                  precision != MLS_PRECISION_BF16))
    explain_precision_fallback (ledger, hardware, precision);

  /* 3. Lower. */
  MlsComputationGraph graph;

  if (!mls_workload_lower_bytes (workload, bytes_per_element, &graph, error))
    return FALSE;

  /* 4. Operations of one sample and the footprint. */
  gboolean training = mls_scenario_get_training (scenario);
  gboolean recompute = training && mls_scenario_get_activation_recompute (scenario);
  MlsQuantity ops_sample, footprint;

  if (!training)
    {
      ops_sample = graph.total_ops;
      footprint = graph.weight_bytes;
    }
  else
    {
      /* Language models count operations per token: a training sample is a whole sequence
       * (the newest reference multiplies by seq_len). */
      double tokens = mls_workload_is_autoregressive (workload)
                        ? (double) mls_scenario_get_seq_len (scenario) : 1;

      if (!mls_calc_training_ops (&graph.total_ops,
                                  recompute ? c->training_flops_multiplier_recompute
                                            : c->training_flops_multiplier,
                                  tokens, 1, &ops_sample, error) ||
          !training_footprint (self, scenario, workload, &graph, bytes_per_element, batch,
                               recompute, &footprint, error))
        return FALSE;
    }

  /* 5. Feasibility: bytes against the capacity (80 GiB is 85.9 GB). */
  const MlsQuantity *capacity = mls_hardware_node_get_memory_capacity (hardware);
  const MlsQuantity *hbm_bw = mls_hardware_node_get_memory_bandwidth (hardware);
  gboolean feasible = footprint.value <= capacity->value;

  if (G_UNLIKELY (!(hbm_bw->value > 0)))
    return invalid (error, _("%s has no memory bandwidth (memory.bandwidth)"),
                    mls_entry_get_name (MLS_ENTRY (hardware)));

  /* 6. Effective compute. */
  MlsQuantity peak_eff = *peak;
  peak_eff.value *= eta;

  /* 7. The memory path. */
  MlsMemoryPath path;
  MlsQuantity bandwidth;
  MlsQuantity spill = self->zero_bytes;
  MlsQuantity offload_bw = self->zero_bandwidth;

  if (!feasible)
    {
      const MlsQuantity *host = mls_hardware_node_get_host_bandwidth (hardware);

      path = MLS_MEMORY_PATH_OFFLOAD;
      spill.value = footprint.value - capacity->value;
      if (!mls_calc_offload_bandwidth (hbm_bw, host->value > 0 ? host
                                                               : &c->fallback_pcie_bandwidth,
                                       &offload_bw, error))
        return FALSE;
      bandwidth = offload_bw;
    }
  else
    {
      const MlsQuantity *sram_cap = mls_hardware_node_get_sram_capacity (hardware);
      const MlsQuantity *sram_bw = mls_hardware_node_get_sram_bandwidth (hardware);
      const MlsQuantity *flash_bw = mls_hardware_node_get_flash_bandwidth (hardware);

      if (sram_cap->value > 0 && sram_bw->value > 0 &&
          graph.weight_bytes.value <= sram_cap->value)
        {
          path = MLS_MEMORY_PATH_SRAM;
          bandwidth = *sram_bw;
        }
      else if (flash_bw->value > 0)
        {
          path = MLS_MEMORY_PATH_FLASH;
          bandwidth = *flash_bw;
        }
      else
        {
          path = MLS_MEMORY_PATH_PRIMARY;
          bandwidth = *hbm_bw;
        }
    }

  /* 8–9. Work, traffic and the roofline classification (a tie is compute-bound). */
  MlsQuantity ops = ops_sample, traffic;
  MlsBottleneck bottleneck;

  ops.value *= batch;
  if (!mls_calc_memory_traffic (&graph.weight_bytes, batch, c->memory_traffic_factor,
                                &traffic, error) ||
      !mls_calc_bottleneck (&ops, &traffic, &peak_eff, &bandwidth, &bottleneck, error))
    return FALSE;

  /* 10–11. Overheads and latency. */
  MlsQuantity overhead, latency;
  const MlsQuantity *dispatch = mls_hardware_node_get_dispatch_tax (hardware);
  guint layers = graph.layers > 0 ? graph.layers : c->default_layers;
  double roofline_time = MAX (bottleneck.compute_time.value, bottleneck.memory_time.value);

  if (!mls_calc_framework_overhead (dispatch->value > 0 ? dispatch : &c->default_dispatch_tax,
                                    layers, &c->layer_tax,
                                    training ? c->training_layer_tax_multiplier : 1,
                                    &overhead, error))
    return FALSE;
  latency = overhead;
  latency.value += roofline_time;

  /* 12–14. Throughput, utilisation and energy. */
  MlsQuantity throughput, energy = self->zero_energy;
  double mfu, hfu;
  const MlsQuantity *tdp = mls_hardware_node_get_tdp (hardware);

  if (!mls_calc_token_throughput (batch, &latency, &throughput, error) ||
      !mls_calc_model_flops_utilization (&ops, &latency, peak, &mfu, error) ||
      !mls_calc_hardware_flops_utilization (mfu, recompute ? c->hfu_recompute_factor : 1,
                                            &hfu, error))
    return FALSE;
  /* A device without a TDP spends no modelled energy (the reference reports 0 J). */
  if (tdp->value > 0 &&
      !mls_calc_utilization_energy (tdp, c->energy_idle_fraction, c->energy_dynamic_fraction,
                                    mfu, &latency, &energy, error))
    return FALSE;

  gboolean memory_bound = bottleneck.kind == MLS_BOTTLENECK_MEMORY;
  gboolean overhead_dominated = overhead.value > roofline_time;

  mls_ledger_set_quark (ledger, q[M_LATENCY], &latency);
  mls_ledger_set_quark (ledger, q[M_LATENCY_COMPUTE], &bottleneck.compute_time);
  mls_ledger_set_quark (ledger, q[M_LATENCY_MEMORY], &bottleneck.memory_time);
  mls_ledger_set_quark (ledger, q[M_LATENCY_OVERHEAD], &overhead);
  mls_ledger_set_quark (ledger, q[M_THROUGHPUT], &throughput);
  mls_ledger_set_text_quark (ledger, q[M_BOTTLENECK],
                             memory_bound ? self->text_memory : self->text_compute);
  mls_ledger_set_quark (ledger, q[M_ARITHMETIC_INTENSITY], &bottleneck.intensity);
  mls_ledger_set_quark (ledger, q[M_ENERGY], &energy);
  mls_ledger_set_quark (ledger, q[M_MEMORY_FOOTPRINT], &footprint);
  mls_ledger_set_quark (ledger, q[M_MEMORY_CAPACITY], capacity);
  set_number (ledger, q[M_MEMORY_UTILIZATION],
              capacity->value > 0 ? footprint.value / capacity->value : INFINITY);
  mls_ledger_set_quark (ledger, q[M_PEAK_FLOPS_ACTUAL], &peak_eff);
  mls_ledger_set_quark (ledger, q[M_PEAK_BW_ACTUAL], &bandwidth);
  set_number (ledger, q[M_MFU], mfu);
  set_number (ledger, q[M_HFU], hfu);
  set_number (ledger, q[M_FEASIBLE], feasible);
  mls_ledger_set_quark (ledger, q[M_OFFLOAD_SPILL_BYTES], &spill);
  mls_ledger_set_quark (ledger, q[M_OFFLOAD_EFFECTIVE_BW], &offload_bw);
  mls_ledger_set_text_quark (ledger, q[M_MEMORY_PATH], self->path_text[path]);
  set_number (ledger, q[M_OVERHEAD_DOMINATED], overhead_dominated);

  if (feasible)
    mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK,
                           memory_bound ? self->status_memory : self->status_compute);
  else
    mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK,
                           memory_bound ? self->status_offload_memory
                                        : self->status_offload_compute);

  if (G_UNLIKELY (explain))
    {
      const char *name = mls_entry_get_name (MLS_ENTRY (hardware));
      g_autofree char *need = format_in (&footprint, "GB");
      g_autofree char *have = format_in (capacity, "GB");
      g_autofree char *bw = format_in (&bandwidth, "GB/s");
      g_autofree char *t_c = format_in (&bottleneck.compute_time, "ms");
      g_autofree char *t_m = format_in (&bottleneck.memory_time, "ms");
      g_autofree char *t_o = format_in (&overhead, "ms");

      if (feasible)
        mls_ledger_explain (ledger, SOLVER_ID,
                            _("Memory Wall: Passed. Required %s <= Available %s on %s."),
                            need, have, name);
      else
        {
          g_autofree char *spilled = format_in (&spill, "GB");

          mls_ledger_explain (ledger, SOLVER_ID,
                              _("Memory Wall: FAILED. Required %s > Available %s on %s."),
                              need, have, name);
          mls_ledger_explain (ledger, SOLVER_ID,
                              _("Offload: %s spill to host memory; bytes stream at %s, the "
                                "slower of device memory and the host link."),
                              spilled, bw);
        }
      if (path == MLS_MEMORY_PATH_SRAM)
        mls_ledger_explain (ledger, SOLVER_ID,
                            _("The weights fit in on-chip SRAM and stream at %s."), bw);
      else if (path == MLS_MEMORY_PATH_FLASH)
        mls_ledger_explain (ledger, SOLVER_ID,
                            _("The weights stream from flash at %s."), bw);
      mls_ledger_explain (ledger, SOLVER_ID,
                          memory_bound
                            ? _("%s-bound: memory %s against compute %s (intensity %.4g "
                                "FLOP/B).")
                            : _("%s-bound: compute %s against memory %s (intensity %.4g "
                                "FLOP/B)."),
                          memory_bound ? self->text_memory : self->text_compute,
                          memory_bound ? t_m : t_c, memory_bound ? t_c : t_m,
                          bottleneck.intensity.value);
      if (overhead_dominated)
        mls_ledger_explain (ledger, SOLVER_ID,
                            _("Overhead-dominated: %s of dispatch and layer tax exceeds the "
                              "roofline time."),
                            t_o);
    }
  return TRUE;
}

/* --- type ----------------------------------------------------------------------------- */

static void
solver_iface_init (MlsSolverInterface *iface)
{
  iface->describe = mls_roofline_solver_describe;
  iface->prepare = mls_roofline_solver_prepare;
  iface->solve = mls_roofline_solver_solve;
}

static void
mls_roofline_solver_class_init (MlsRooflineSolverClass *klass)
{
}

static void
mls_roofline_solver_class_finalize (MlsRooflineSolverClass *klass)
{
}

static void
mls_roofline_solver_init (MlsRooflineSolver *self)
{
  GEnumClass *paths = g_type_class_ref (MLS_TYPE_MEMORY_PATH);

  if (!mls_quantity_from_unit (0, "B", &self->zero_bytes, NULL) ||
      !mls_quantity_from_unit (0, "B/s", &self->zero_bandwidth, NULL) ||
      !mls_quantity_from_unit (0, "J", &self->zero_energy, NULL))
    g_assert_not_reached ();

  /* Copied into GLib's tables, so they outlive this module should it be unloaded. */
  for (guint i = 0; i < N_METRICS; i++)
    self->quarks[i] = g_quark_from_string (metric_defs[i].id);
  self->text_memory = g_intern_string ("Memory");
  self->text_compute = g_intern_string ("Compute");
  for (guint i = 0; i < G_N_ELEMENTS (self->path_text); i++)
    self->path_text[i] = g_intern_string (g_enum_get_value (paths, i)->value_nick);
  g_type_class_unref (paths);

  /* Translated once: a solve must not look up the catalog. */
  self->status_memory = g_intern_string (_("Memory-bound"));
  self->status_compute = g_intern_string (_("Compute-bound"));
  self->status_offload_memory = g_intern_string (_("Does not fit: offloaded, memory-bound"));
  self->status_offload_compute = g_intern_string (_("Does not fit: offloaded, compute-bound"));
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  mls_roofline_solver_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MLS_TYPE_SOLVER,
                                              MLS_TYPE_ROOFLINE_SOLVER);
}
