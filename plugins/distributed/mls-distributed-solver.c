/* mls-distributed-solver.c — 3D/4D-parallel training of one workload on a fleet
 *
 * The reference's DistributedModel (inventory §9.3) in its newest form: split the fleet into
 * TP × PP × EP model-parallel replicas and DP copies of them, price one replica's local step
 * with the single-node roofline equations (training FLOPs shared over the TP × PP devices, the
 * training state sharded over them), then add what scale costs: the gradient all-reduce, the
 * tensor-parallel activation all-reduces, the expert all-to-all and the pipeline bubble. The
 * MoE routing model (§9.4) and the fleet network roofline (§9.1) come along, since they read
 * the same workload and fabric.
 *
 * Every equation is a call into the formula library; this file decides which ones apply.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>
#include <math.h>
#include <mlsysim.h>

#define SOLVER_ID "distributed"

#define P_OVERLAP_COMM "distributed.overlap_comm"
#define P_OVERLAP_EFFICIENCY "distributed.overlap_efficiency"
#define P_CONGESTION "distributed.congestion_factor"
#define P_STRAGGLER "distributed.straggler_factor"
#define P_ACCUMULATION "distributed.gradient_accumulation_steps"
#define P_MOE_IMBALANCE "distributed.moe_imbalance"
#define P_LORA "distributed.lora"

typedef enum
{
  M_STEP_LATENCY,
  M_DP_COMM,
  M_TP_COMM,
  M_EP_COMM,
  M_COMM,
  M_BUBBLE_LATENCY,
  M_BUBBLE_FRACTION,
  M_SCALING_EFFICIENCY,
  M_EFFECTIVE_THROUGHPUT,
  M_MFU,
  M_NODE_LATENCY,
  M_NODE_COMPUTE,
  M_NODE_MEMORY,
  M_NODE_OVERHEAD,
  M_NODE_THROUGHPUT,
  M_NODE_BOTTLENECK,
  M_NODE_MFU,
  M_NODE_HFU,
  M_NODE_FOOTPRINT,
  M_NODE_MEMORY_PATH,
  M_NODE_OFFLOAD_BW,
  M_FEASIBLE,
  M_DP,
  M_TP,
  M_PP,
  M_EP,
  M_LOCAL_BATCH,
  M_GRADIENT_VOLUME,
  M_DP_ALGORITHM,
  M_MOE_EXPERTS,
  M_MOE_ACTIVE_PARAMETERS,
  M_MOE_DISPATCH,
  M_NET_LATENCY,
  M_NET_COMPUTE,
  M_NET_SYNC,
  M_NET_INTENSITY,
  M_NET_BANDWIDTH,
  M_NET_BOTTLENECK,
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
  [M_STEP_LATENCY] = { "distributed.step_latency", N_("Step time"), "ms",
                       N_("Wall-clock time of one training step: local step + exposed "
                          "communication + pipeline bubble, times the straggler factor") },
  [M_DP_COMM] = { "distributed.dp_comm_latency", N_("Data-parallel communication"), "ms",
                  N_("Gradient all-reduce across data-parallel replicas, after congestion and "
                     "gradient-accumulation amortisation") },
  [M_TP_COMM] = { "distributed.tp_comm_latency", N_("Tensor-parallel communication"), "ms",
                  N_("Activation all-reduces of one pipeline stage's layers (4 per layer per "
                     "training step)") },
  [M_EP_COMM] = { "distributed.ep_comm_latency", N_("Expert-parallel communication"), "ms",
                  N_("All-to-all exchange of routed tokens between expert-parallel ranks") },
  [M_COMM] = { "distributed.comm_latency", N_("Communication"), "ms",
               N_("Data-, tensor- and expert-parallel communication together, before overlap") },
  [M_BUBBLE_LATENCY] = { "distributed.bubble_latency", N_("Pipeline bubble"), "ms",
                         N_("Idle time of a pipeline stage: local step × b / (1 − b)") },
  [M_BUBBLE_FRACTION] = { "distributed.bubble_fraction", N_("Bubble fraction"), "",
                          N_("Idle share of a pipelined step, b = (P − 1) / (V·M + P − 1)") },
  [M_SCALING_EFFICIENCY] = { "distributed.scaling_efficiency", N_("Scaling efficiency"), "",
                             N_("Local step time over the distributed step time") },
  [M_EFFECTIVE_THROUGHPUT] = { "distributed.effective_throughput", N_("Fleet throughput"),
                               "sample/s",
                               N_("Samples per second of the whole fleet: dp × local batch / "
                                  "step time") },
  [M_MFU] = { "distributed.mfu", N_("Fleet MFU"), "",
              N_("Model FLOPs utilisation of the fleet: replica MFU × scaling efficiency") },
  [M_NODE_LATENCY] = { "distributed.node_latency", N_("Local step time"), "ms",
                       N_("One replica's step on its local batch: max(compute, memory) + "
                          "dispatch and layer overhead") },
  [M_NODE_COMPUTE] = { "distributed.node_compute_latency", N_("Local compute time"), "ms",
                       N_("Training FLOPs of the local batch over the replica's TP × PP devices "
                          "at peak × η") },
  [M_NODE_MEMORY] = { "distributed.node_memory_latency", N_("Local memory time"), "ms",
                      N_("Memory traffic of a device's weight shard over its memory path") },
  [M_NODE_OVERHEAD] = { "distributed.node_overhead_latency", N_("Local overhead"), "ms",
                        N_("Dispatch tax plus the per-layer framework tax of a training step") },
  [M_NODE_THROUGHPUT] = { "distributed.node_throughput", N_("Replica throughput"), "sample/s",
                          N_("Samples per second of one replica: local batch / local step") },
  [M_NODE_BOTTLENECK] = { "distributed.node_bottleneck", N_("Local bottleneck"), "text",
                          N_("Which roofline ceiling binds the local step: Memory or Compute") },
  [M_NODE_MFU] = { "distributed.node_mfu", N_("Replica MFU"), "",
                   N_("Model FLOPs utilisation of one replica (model FLOPs, without "
                      "recomputation)") },
  [M_NODE_HFU] = { "distributed.node_hfu", N_("Replica HFU"), "",
                   N_("Hardware FLOPs utilisation of one replica (counts recomputed FLOPs)") },
  [M_NODE_FOOTPRINT] = { "distributed.node_memory_footprint", N_("Memory per device"), "GB",
                         N_("Training state one device holds: sharded weights, gradients, "
                            "optimizer state and its stage's activations") },
  [M_NODE_MEMORY_PATH] = { "distributed.node_memory_path", N_("Memory path"), "text",
                           N_("Where a device streams its bytes from: primary, sram, flash or "
                              "offload") },
  [M_NODE_OFFLOAD_BW] = { "distributed.node_offload_bandwidth", N_("Offload bandwidth"),
                          "GB/s",
                          N_("min(device bandwidth, host link) when the state does not fit, "
                             "else 0") },
  [M_FEASIBLE] = { "distributed.feasible", N_("Fits in memory"), "",
                   N_("1 when a device's training state fits in its memory, 0 when it must "
                      "offload") },
  [M_DP] = { "distributed.dp", N_("Data parallelism"), "",
             N_("Data-parallel replicas: accelerators / (TP × PP × EP)") },
  [M_TP] = { "distributed.tp", N_("Tensor parallelism"), "", N_("Tensor-parallel degree") },
  [M_PP] = { "distributed.pp", N_("Pipeline parallelism"), "", N_("Pipeline stages") },
  [M_EP] = { "distributed.ep", N_("Expert parallelism"), "", N_("Expert-parallel degree") },
  [M_LOCAL_BATCH] = { "distributed.local_batch", N_("Local batch"), "",
                      N_("Samples per replica per step: max(1, ⌊batch / dp⌋)") },
  [M_GRADIENT_VOLUME] = { "distributed.gradient_volume", N_("Gradient volume"), "GB",
                          N_("Gradients each device all-reduces: its TP × PP shard of the "
                             "weights") },
  [M_DP_ALGORITHM] = { "distributed.dp_algorithm", N_("Gradient all-reduce"), "text",
                       N_("How the gradients are reduced: none, ring-intra (inside a node), "
                          "hierarchical, or ring-fabric (one rank per node)") },
  [M_MOE_EXPERTS] = { "distributed.moe_effective_experts", N_("Effective experts"), "",
                      N_("Experts a token effectively activates with routing imbalance, "
                         "min(E, k × imbalance)") },
  [M_MOE_ACTIVE_PARAMETERS] = { "distributed.moe_effective_active_parameters",
                                N_("Effective active parameters"), "",
                                N_("Active parameters inflated by the routing-imbalance "
                                   "multiplier") },
  [M_MOE_DISPATCH] = { "distributed.moe_dispatch_bytes", N_("Token dispatch"), "MB",
                       N_("Routed activations of a replica's step that leave their rank, "
                          "payload × (ep − 1) / ep") },
  [M_NET_LATENCY] = { "distributed.network_roofline_latency", N_("Network roofline time"),
                      "ms",
                      N_("Fleet roofline of one step: max(6P / (F·η), 2·P·bytes / bisection)") },
  [M_NET_COMPUTE] = { "distributed.network_compute_latency", N_("Fleet compute time"), "ms",
                      N_("Training FLOPs of one token, 6P, over the fleet's peak × η") },
  [M_NET_SYNC] = { "distributed.network_sync_latency", N_("Gradient sync time"), "ms",
                   N_("All-reduce traffic 2·P·bytes over the fabric bisection bandwidth") },
  [M_NET_INTENSITY] = { "distributed.network_intensity", N_("Communication intensity"),
                        "FLOP/B", N_("Training FLOPs per byte synchronised, 3 / bytes") },
  [M_NET_BANDWIDTH] = { "distributed.network_bandwidth", N_("Bisection bandwidth"), "GB/s",
                        N_("Fabric bandwidth over its oversubscription") },
  [M_NET_BOTTLENECK] = { "distributed.network_bottleneck", N_("Fleet roofline ceiling"),
                         "text", N_("Which fleet ceiling binds: Network or Compute") },
};

typedef enum
{
  DP_NONE,
  DP_RING_INTRA,
  DP_HIERARCHICAL,
  DP_RING_FABRIC,
  N_DP_ALGORITHMS
} DpAlgorithm;

static const char *const dp_algorithm_names[N_DP_ALGORITHMS] = {
  [DP_NONE] = "none",
  [DP_RING_INTRA] = "ring-intra",
  [DP_HIERARCHICAL] = "hierarchical",
  [DP_RING_FABRIC] = "ring-fabric",
};

/* Registry constants, read once by prepare(). */
typedef struct
{
  MlsQuantity nvlink_latency;
  MlsQuantity inter_node_latency;
  double      tp_allreduces_per_layer;
  double      overlap_efficiency;
  double      training_flops_multiplier;
  double      training_flops_multiplier_recompute;
  double      hfu_recompute_factor;
  MlsQuantity optimizer_bytes_adam;
  MlsQuantity layer_tax;
  double      training_layer_tax_multiplier;
  MlsQuantity default_dispatch_tax;
  double      memory_traffic_factor;
  guint       default_layers;
  MlsQuantity fallback_pcie_bandwidth;
  guint       fallback_hidden_dim;
  guint       fallback_heads;
  double      lora_gradient_volume_fraction;
  guint       lora_rank;
  double      allreduce_factor;
} Constants;

struct _MlsDistributedSolver
{
  GObject     parent_instance;

  Constants   c;
  gboolean    prepared;

  MlsQuantity zero_bytes;
  MlsQuantity zero_bandwidth;
  MlsQuantity zero_time;

  GQuark      quarks[N_METRICS];
  const char *text_memory;
  const char *text_compute;
  const char *text_network;
  const char *path_text[MLS_MEMORY_PATH_OFFLOAD + 1];
  const char *algorithm_text[N_DP_ALGORITHMS];
  const char *status_compute;
  const char *status_memory;
  const char *status_communication;
  const char *status_bubble;
  const char *status_offload;
};

#define MLS_TYPE_DISTRIBUTED_SOLVER (mls_distributed_solver_get_type ())
G_DECLARE_FINAL_TYPE (MlsDistributedSolver, mls_distributed_solver, MLS, DISTRIBUTED_SOLVER,
                      GObject)

static void solver_iface_init (MlsSolverInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (MlsDistributedSolver, mls_distributed_solver, G_TYPE_OBJECT,
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
mls_distributed_solver_prepare (MlsSolver   *solver,
                                MlsRegistry *registry,
                                GError     **error)
{
  MlsDistributedSolver *self = MLS_DISTRIBUTED_SOLVER (solver);
  Constants c;
  double optimizer_bytes;

  if (!get_quantity (registry, "nvlink_latency", "s", &c.nvlink_latency, error) ||
      !get_quantity (registry, "inter_node_latency", "s", &c.inter_node_latency, error) ||
      !get_number (registry, "tp_allreduces_per_layer", &c.tp_allreduces_per_layer, error) ||
      !get_number (registry, "overlap_efficiency", &c.overlap_efficiency, error) ||
      !get_number (registry, "training_flops_multiplier", &c.training_flops_multiplier,
                   error) ||
      !get_number (registry, "training_flops_multiplier_recompute",
                   &c.training_flops_multiplier_recompute, error) ||
      !get_number (registry, "hfu_recompute_factor", &c.hfu_recompute_factor, error) ||
      !get_number (registry, "optimizer_bytes_adam", &optimizer_bytes, error) ||
      !get_quantity (registry, "layer_tax", "s", &c.layer_tax, error) ||
      !get_number (registry, "training_layer_tax_multiplier",
                   &c.training_layer_tax_multiplier, error) ||
      !get_quantity (registry, "default_dispatch_tax", "s", &c.default_dispatch_tax, error) ||
      !get_number (registry, "memory_traffic_factor", &c.memory_traffic_factor, error) ||
      !get_count (registry, "default_layers", &c.default_layers, error) ||
      !get_quantity (registry, "fallback_pcie_bandwidth", "B/s", &c.fallback_pcie_bandwidth,
                     error) ||
      !get_count (registry, "fallback_hidden_dim", &c.fallback_hidden_dim, error) ||
      !get_count (registry, "fallback_heads", &c.fallback_heads, error) ||
      !get_number (registry, "lora_gradient_volume_fraction",
                   &c.lora_gradient_volume_fraction, error) ||
      !get_count (registry, "lora_rank_default", &c.lora_rank, error) ||
      !get_number (registry, "allreduce_factor", &c.allreduce_factor, error))
    return FALSE;

  /* The registry states optimizer state as bytes per parameter, a plain number. */
  c.optimizer_bytes_adam = self->zero_bytes;
  c.optimizer_bytes_adam.value = optimizer_bytes;

  self->c = c;
  self->prepared = TRUE;
  return TRUE;
}

/* --- description --------------------------------------------------------------------- */

/* The engine describes a solver before it prepares it: a default that is a registry constant
 * is read from the default registry then (and from the prepared one afterwards). */
static double
constant_default (MlsDistributedSolver *self,
                  const char           *key,
                  double                prepared_value)
{
  MlsRegistry *registry;
  MlsQuantity q;
  g_autoptr (GError) error = NULL;

  if (self->prepared)
    return prepared_value;
  registry = mls_registry_get_default (&error);
  if (registry == NULL || !mls_registry_get_constant (registry, key, &q, &error))
    {
      g_warning ("distributed: no default for registry constant “%s”: %s", key,
                 error != NULL ? error->message : "no registry");
      return NAN;
    }
  return q.value;
}

static MlsSolverInfo *
mls_distributed_solver_describe (MlsSolver *solver)
{
  MlsDistributedSolver *self = MLS_DISTRIBUTED_SOLVER (solver);
  MlsSolverInfo *info;

  info = mls_solver_info_new (SOLVER_ID, _("Distributed training"),
                              _("A training step on a fleet: data, tensor, pipeline and expert "
                                "parallelism, ZeRO, ring and hierarchical all-reduce, "
                                "all-to-all, pipeline bubble, overlap, congestion and "
                                "stragglers, scaling efficiency, plus MoE routing imbalance "
                                "and the fleet network roofline."),
                              MLS_SOLVER_KIND_MODEL);
  mls_solver_info_set_inputs (info, MLS_SOLVER_INPUT_WORKLOAD | MLS_SOLVER_INPUT_FLEET);
  mls_solver_info_add_wall (info, 14);

  mls_solver_info_add_parameter (info, P_OVERLAP_COMM, _("Overlap gradient sync"), "", 0, 0, 1,
                                 _("1 to overlap the data-parallel all-reduce with the "
                                   "backward pass, 0 to run it after"));
  mls_solver_info_add_parameter (info, P_OVERLAP_EFFICIENCY, _("Overlap efficiency"), "",
                                 constant_default (self, "overlap_efficiency",
                                                   self->c.overlap_efficiency),
                                 0, 1,
                                 _("Fraction of the data-parallel all-reduce hidden behind "
                                   "compute when overlapping"));
  mls_solver_info_add_parameter (info, P_CONGESTION, _("Congestion factor"), "", 1, 1,
                                 G_MAXDOUBLE,
                                 _("Multiplier on every communication time: 1 on a dedicated "
                                   "fabric, 1.5–2 shared, 2–3 oversubscribed multi-tenant"));
  mls_solver_info_add_parameter (info, P_STRAGGLER, _("Straggler factor"), "", 1, 1,
                                 G_MAXDOUBLE,
                                 _("Slowest worker over the typical one; the synchronous step "
                                   "waits for it"));
  mls_solver_info_add_parameter (info, P_ACCUMULATION, _("Gradient accumulation steps"), "", 1,
                                 1, G_MAXUINT,
                                 _("Micro-steps per optimizer step; the gradient all-reduce is "
                                   "amortised over them"));
  mls_solver_info_add_parameter (info, P_MOE_IMBALANCE, _("MoE routing imbalance"), "", 1, 1,
                                 G_MAXDOUBLE,
                                 _("Hot-expert factor on routed traffic and active experts: 1 "
                                   "is perfectly balanced"));
  mls_solver_info_add_parameter (info, P_LORA, _("LoRA fine-tuning"), "", 0, 0, 1,
                                 _("1 to train low-rank adapters only: fewer trained "
                                   "parameters and a smaller gradient all-reduce"));

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

/* A knob that must be a whole number of at least @minimum. */
static gboolean
get_degree (MlsScenario *scenario,
            MlsKnob      knob,
            guint        minimum,
            guint       *out,
            GError     **error)
{
  double v = mls_scenario_get_knob (scenario, knob);

  if (!(v >= minimum) || v > G_MAXUINT || v != floor (v))
    return invalid (error, _("%s must be a whole number of at least %u; got %g"),
                    mls_knob_to_string (knob), minimum, v);
  *out = (guint) v;
  return TRUE;
}

/* A solver parameter, or @fallback when the scenario leaves it unset; in [@minimum, @maximum]. */
static gboolean
get_parameter (MlsScenario *scenario,
               const char  *id,
               double       fallback,
               double       minimum,
               double       maximum,
               double      *out,
               GError     **error)
{
  MlsQuantity q;

  if (!mls_scenario_get_parameter (scenario, id, &q))
    {
      *out = fallback;
      return TRUE;
    }
  if (!mls_quantity_is_dimensionless (&q))
    {
      g_autofree char *dimension = mls_quantity_describe_dimension (&q);

      return invalid (error, _("%s is a plain number; got %s"), id, dimension);
    }
  if (!(q.value >= minimum && q.value <= maximum))
    return invalid (error, _("%s must be between %g and %g; got %g"), id, minimum, maximum,
                    q.value);
  *out = q.value;
  return TRUE;
}

static guint
ceil_div (guint a,
          guint b)
{
  return (a + b - 1) / b;
}

/* The gradient all-reduce across the dp replicas of one shard, by where those replicas sit.
 * With Megatron's rank order (TP fastest, then DP), a node of g GPUs holds g / tp members of a
 * data-parallel group when tp < g, and one member when tp ≥ g. */
static gboolean
dp_allreduce (MlsDistributedSolver *self,
              const MlsQuantity    *gradients,
              guint                 dp,
              guint                 tp,
              guint                 per_node,
              const MlsQuantity    *intra_bw,
              const MlsQuantity    *intra_lat,
              const MlsQuantity    *fabric_bw,
              const MlsQuantity    *fabric_lat,
              MlsQuantity          *out,
              DpAlgorithm          *out_algorithm,
              GError              **error)
{
  guint ranks_per_node = tp < per_node ? per_node / tp : 1;

  ranks_per_node = MIN (ranks_per_node, dp);
  if (dp <= 1)
    {
      *out = self->zero_time;
      *out_algorithm = DP_NONE;
      return TRUE;
    }
  if (ranks_per_node <= 1)
    {
      /* One rank per node (newest reference): a flat ring over the fabric. */
      *out_algorithm = DP_RING_FABRIC;
      return mls_calc_ring_allreduce_time (gradients, dp, fabric_bw, fabric_lat, out, error);
    }
  if (dp <= ranks_per_node)
    {
      *out_algorithm = DP_RING_INTRA;
      return mls_calc_ring_allreduce_time (gradients, dp, intra_bw, intra_lat, out, error);
    }
  /* Reduce-scatter inside each node, ring across ⌈dp / g⌉ nodes, all-gather (ceil since the
   * 2026-06-06 audit: 12 ranks on 8-GPU nodes span 2 nodes). */
  *out_algorithm = DP_HIERARCHICAL;
  return mls_calc_hierarchical_allreduce_time (gradients, ceil_div (dp, ranks_per_node),
                                               ranks_per_node, intra_bw, fabric_bw, intra_lat,
                                               fabric_lat, out, error);
}

static gboolean
mls_distributed_solver_solve (MlsSolver   *solver,
                              MlsScenario *scenario,
                              MlsLedger   *ledger,
                              GError     **error)
{
  MlsDistributedSolver *self = (MlsDistributedSolver *) solver;
  const Constants *c = &self->c;
  const GQuark *q = self->quarks;
  MlsWorkload *workload = mls_scenario_get_workload (scenario);
  MlsFleet *fleet = mls_scenario_get_fleet (scenario);
  gboolean explain = mls_ledger_get_explain (ledger);

  if (G_UNLIKELY (!self->prepared))
    {
      g_set_error_literal (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                           _("The distributed solver was not prepared with a registry"));
      return FALSE;
    }
  if (workload == NULL || fleet == NULL)
    return invalid (error, _("The distributed solver needs a workload and a fleet"));

  /* 0. Validate the knobs and parameters. */
  double eta = mls_scenario_get_efficiency (scenario);
  double batch_knob = mls_scenario_get_knob (scenario, MLS_KNOB_BATCH_SIZE);
  guint tp, pp, ep, microbatches, v_stages, zero_stage;

  if (!(eta > 0 && eta <= 1))
    return invalid (error, _("efficiency must be greater than 0 and at most 1, such as 0.5; "
                             "got %g"), eta);
  if (!(batch_knob >= 1))
    return invalid (error, _("batch_size must be at least 1; got %g"), batch_knob);
  if (!get_degree (scenario, MLS_KNOB_TP, 1, &tp, error) ||
      !get_degree (scenario, MLS_KNOB_PP, 1, &pp, error) ||
      !get_degree (scenario, MLS_KNOB_EP, 1, &ep, error) ||
      !get_degree (scenario, MLS_KNOB_MICROBATCHES, 1, &microbatches, error) ||
      !get_degree (scenario, MLS_KNOB_V_STAGES, 1, &v_stages, error) ||
      !get_degree (scenario, MLS_KNOB_ZERO_STAGE, 0, &zero_stage, error))
    return FALSE;

  double overlap, overlap_eff, congestion, straggler, accumulation, imbalance, lora;

  if (!get_parameter (scenario, P_OVERLAP_COMM, 0, 0, 1, &overlap, error) ||
      !get_parameter (scenario, P_OVERLAP_EFFICIENCY, c->overlap_efficiency, 0, 1,
                      &overlap_eff, error) ||
      !get_parameter (scenario, P_CONGESTION, 1, 1, G_MAXDOUBLE, &congestion, error) ||
      !get_parameter (scenario, P_STRAGGLER, 1, 1, G_MAXDOUBLE, &straggler, error) ||
      !get_parameter (scenario, P_ACCUMULATION, 1, 1, G_MAXUINT, &accumulation, error) ||
      !get_parameter (scenario, P_MOE_IMBALANCE, 1, 1, G_MAXDOUBLE, &imbalance, error) ||
      !get_parameter (scenario, P_LORA, 0, 0, 1, &lora, error))
    return FALSE;
  if (accumulation != floor (accumulation))
    return invalid (error, _("%s must be a whole number; got %g"), P_ACCUMULATION,
                    accumulation);

  /* 1. Decomposition: TP × PP × EP model-parallel groups must tile the fleet exactly. */
  guint n_acc = mls_fleet_get_total_accelerators (fleet);
  guint64 group = (guint64) tp * pp * ep;

  if (group > n_acc)
    return invalid (error, _("Infeasible 4D Parallelism: TP(%u) * PP(%u) * EP(%u) > Total(%u)"),
                    tp, pp, ep, n_acc);
  if (n_acc % group != 0)
    return invalid (error,
                    _("Infeasible 4D Parallelism: TP(%u) * PP(%u) * EP(%u) must divide total "
                      "accelerators (%u) exactly."),
                    tp, pp, ep, n_acc);

  guint dp = (guint) (n_acc / group);
  guint batch = (guint) batch_knob;
  guint local_batch = MAX (1, batch / dp);
  guint replica = tp * pp;

  /* 2. The accelerator, precision and workload. */
  MlsNode *node = mls_fleet_get_node (fleet);
  MlsHardwareNode *hardware = MLS_HARDWARE_NODE (mls_node_get_accelerator (node));
  MlsNetworkFabric *fabric = MLS_NETWORK_FABRIC (mls_fleet_get_fabric (fleet));
  MlsPrecision precision = mls_scenario_get_precision (scenario);
  MlsQuantity bpp = self->zero_bytes;
  gboolean exact = TRUE;
  const MlsQuantity *peak = mls_hardware_node_get_flops_for (hardware, precision, &exact);
  MlsComputationGraph graph;

  bpp.value = mls_precision_bytes (precision);
  if (G_UNLIKELY (!(peak->value > 0)))
    return invalid (error, _("%s has no peak FLOP/s (compute.peak_flops)"),
                    mls_entry_get_name (MLS_ENTRY (hardware)));
  if (!mls_workload_lower_bytes (workload, bpp.value, &graph, error))
    return FALSE;

  MlsWorkloadKind kind = mls_workload_get_kind (workload);
  gboolean transformer = kind == MLS_WORKLOAD_TRANSFORMER || kind == MLS_WORKLOAD_MOE;
  gboolean recompute = mls_scenario_get_activation_recompute (scenario);
  guint seq_len = mls_scenario_get_seq_len (scenario);
  guint layers = graph.layers > 0 ? graph.layers : c->default_layers;
  guint stage_layers = ceil_div (layers, pp);
  guint hidden = mls_workload_get_hidden_dim (workload);
  guint heads = mls_workload_get_heads (workload);
  double params = graph.parameter_count;

  if (hidden == 0)
    hidden = c->fallback_hidden_dim;
  if (heads == 0)
    heads = c->fallback_heads;
  /* A workload known only by its size counts its parameters from its weights. */
  if (params <= 0)
    params = graph.weight_bytes.value / bpp.value;

  /* 3. The replica's local step. Training FLOPs per sample are m × the forward FLOPs (per token
   * for language models, so × seq_len), shared over the TP × PP devices; MFU counts the model's
   * FLOPs only (m = 3), HFU the recomputed forward pass too. */
  double tokens = mls_workload_is_autoregressive (workload) ? (double) seq_len : 1;
  MlsQuantity ops, model_ops;

  if (!mls_calc_training_ops (&graph.total_ops,
                              recompute ? c->training_flops_multiplier_recompute
                                        : c->training_flops_multiplier,
                              tokens, replica, &ops, error) ||
      !mls_calc_training_ops (&graph.total_ops, c->training_flops_multiplier, tokens, replica,
                              &model_ops, error))
    return FALSE;
  ops.value *= local_batch;
  model_ops.value *= local_batch;

  /* The state one device holds: its TP × PP × EP shard of weights, gradients and Adam state
   * under ZeRO, plus its stage's activations split over the TP ranks (full recomputation keeps
   * only each layer's input). */
  double trainable = 1;
  MlsQuantity weights, gradients, optimizer, activations, footprint;

  if (lora > 0 && transformer &&
      !mls_calc_lora_trainable_fraction (c->lora_rank, hidden, layers, params, &trainable,
                                         error))
    return FALSE;
  if (!mls_calc_training_state_memory (params, tp, pp, ep, dp, zero_stage, trainable, &bpp,
                                       &c->optimizer_bytes_adam, &weights, &gradients,
                                       &optimizer, error))
    return FALSE;
  activations = self->zero_bytes;
  if (transformer &&
      !mls_calc_parallel_activation_memory (stage_layers, seq_len, local_batch, hidden, heads,
                                            tp, &bpp,
                                            recompute ? MLS_ACTIVATION_CHECKPOINTING_FULL
                                                      : MLS_ACTIVATION_CHECKPOINTING_NONE,
                                            &activations, error))
    return FALSE;
  footprint = weights;
  footprint.value += gradients.value + optimizer.value + activations.value;

  /* Feasibility, and the path the weight shard streams from. */
  const MlsQuantity *capacity = mls_hardware_node_get_memory_capacity (hardware);
  const MlsQuantity *hbm_bw = mls_hardware_node_get_memory_bandwidth (hardware);
  gboolean feasible = footprint.value <= capacity->value;
  MlsQuantity shard = graph.weight_bytes;
  MlsMemoryPath path;
  MlsQuantity bandwidth, offload_bw = self->zero_bandwidth;

  if (G_UNLIKELY (!(hbm_bw->value > 0)))
    return invalid (error, _("%s has no memory bandwidth (memory.bandwidth)"),
                    mls_entry_get_name (MLS_ENTRY (hardware)));
  shard.value /= replica;
  if (!feasible)
    {
      const MlsQuantity *host = mls_hardware_node_get_host_bandwidth (hardware);

      path = MLS_MEMORY_PATH_OFFLOAD;
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

      if (sram_cap->value > 0 && sram_bw->value > 0 && shard.value <= sram_cap->value)
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

  MlsQuantity peak_eff = *peak, traffic, overhead, node_latency, node_throughput;
  MlsBottleneck roofline;
  const MlsQuantity *dispatch = mls_hardware_node_get_dispatch_tax (hardware);
  double node_mfu, node_hfu;

  peak_eff.value *= eta;
  if (!mls_calc_memory_traffic (&shard, local_batch, c->memory_traffic_factor, &traffic,
                                error) ||
      !mls_calc_bottleneck (&ops, &traffic, &peak_eff, &bandwidth, &roofline, error) ||
      !mls_calc_framework_overhead (dispatch->value > 0 ? dispatch : &c->default_dispatch_tax,
                                    layers, &c->layer_tax, c->training_layer_tax_multiplier,
                                    &overhead, error))
    return FALSE;
  node_latency = overhead;
  node_latency.value += MAX (roofline.compute_time.value, roofline.memory_time.value);
  if (!mls_calc_token_throughput (local_batch, &node_latency, &node_throughput, error) ||
      !mls_calc_model_flops_utilization (&model_ops, &node_latency, peak, &node_mfu, error) ||
      !mls_calc_hardware_flops_utilization (node_mfu, recompute ? c->hfu_recompute_factor : 1,
                                            &node_hfu, error))
    return FALSE;

  /* 4. Communication. Links: NVLink inside a node (per direction), the fabric over its
   * oversubscription between nodes; α from the device and fabric, else the registry's. */
  guint per_node = mls_node_get_accelerators_per_node (node);
  const MlsQuantity *intra_bw = mls_node_get_intra_node_bandwidth (node);
  const MlsQuantity *intra_lat = mls_hardware_node_get_intra_node_latency (hardware);
  const MlsQuantity *fabric_lat = mls_network_fabric_get_latency (fabric);
  MlsQuantity fabric_bw = *mls_network_fabric_get_bandwidth (fabric);

  if (!(intra_lat->value > 0))
    intra_lat = &c->nvlink_latency;
  if (!(fabric_lat->value > 0))
    fabric_lat = &c->inter_node_latency;
  fabric_bw.value /= mls_network_fabric_get_oversubscription (fabric);

  /* Gradients: each device all-reduces its TP × PP shard (1 % of it with LoRA adapters). */
  MlsQuantity grad_volume, dp_comm, tp_comm = self->zero_time, ep_comm = self->zero_time;
  DpAlgorithm algorithm;

  if (!mls_calc_model_memory (params / replica, &bpp, &grad_volume, error))
    return FALSE;
  if (lora > 0)
    grad_volume.value *= c->lora_gradient_volume_fraction;
  if (!dp_allreduce (self, &grad_volume, dp, tp, per_node, intra_bw, intra_lat, &fabric_bw,
                     fabric_lat, &dp_comm, &algorithm, error))
    return FALSE;

  /* Tensor parallelism: Megatron's 4 all-reduces of the [b, s, h] activation per layer and
   * training step, over the layers of one stage (stages run concurrently). */
  if (tp > 1)
    {
      MlsQuantity message, one;
      gboolean in_node = tp <= per_node;

      if (!mls_calc_activation_tensor_size (local_batch, seq_len, hidden, &bpp, &message,
                                            error) ||
          !mls_calc_ring_allreduce_time (&message, tp, in_node ? intra_bw : &fabric_bw,
                                         in_node ? intra_lat : fabric_lat, &one, error))
        return FALSE;
      tp_comm = one;
      tp_comm.value *= c->tp_allreduces_per_layer * stage_layers;
    }

  /* Expert parallelism: routed tokens cross the fabric in an all-to-all. */
  gboolean moe = MLS_IS_MOE_WORKLOAD (workload);
  guint top_k = moe ? MAX (1, mls_moe_workload_get_active_experts (MLS_MOE_WORKLOAD (workload)))
                    : 1;
  guint n_experts = moe ? mls_moe_workload_get_experts (MLS_MOE_WORKLOAD (workload)) : 0;
  double effective_experts, multiplier;
  MlsQuantity payload, dispatch_bytes;

  if (!mls_calc_moe_effective_experts (n_experts, top_k, imbalance, &effective_experts,
                                       &multiplier, error) ||
      !mls_calc_moe_routing_payload ((double) local_batch * seq_len, hidden, &bpp,
                                     effective_experts, ep, &payload, &dispatch_bytes, error))
    return FALSE;
  if (ep > 1 && !mls_calc_all_to_all_time (&payload, ep, &fabric_bw, fabric_lat, &ep_comm,
                                           error))
    return FALSE;

  /* 5. Pipeline bubble: idle time = local step × b / (1 − b) (newest reference). */
  double bubble_fraction, stretch;
  MlsQuantity bubble = self->zero_time;

  if (!mls_calc_pipeline_bubble (pp, microbatches, v_stages, &bubble_fraction, error) ||
      !mls_calc_pipeline_bubble_stretch (pp, microbatches, v_stages, &stretch, error))
    return FALSE;
  if (pp > 1)
    {
      bubble = node_latency;
      bubble.value *= stretch;
    }

  /* 6. The step: congestion slows every collective, accumulation amortises the gradient
   * all-reduce, overlap hides part of it, and the slowest worker sets the pace. */
  MlsQuantity comm, step;

  dp_comm.value *= congestion / accumulation;
  tp_comm.value *= congestion;
  ep_comm.value *= congestion;
  comm = dp_comm;
  comm.value += tp_comm.value + ep_comm.value;
  if (!mls_calc_distributed_step_time (&node_latency, &dp_comm, &tp_comm, &ep_comm, &bubble,
                                       overlap > 0 ? overlap_eff : 0, straggler, &step, error))
    return FALSE;

  double scaling = node_latency.value / step.value;
  MlsQuantity fleet_throughput;

  if (!mls_calc_token_throughput ((double) dp * local_batch, &step, &fleet_throughput, error))
    return FALSE;

  /* 7. The fleet network roofline (§9.1): one token's training FLOPs, 6P, against the
   * all-reduce traffic 2·P·bytes over the bisection bandwidth. */
  MlsQuantity net_ops, sync_bytes, fleet_peak_eff;
  MlsBottleneck network;

  fleet_peak_eff = peak_eff;
  fleet_peak_eff.value *= n_acc;
  if (!mls_calc_transformer_training_flops (params, 1, &net_ops, error) ||
      !mls_calc_model_memory (params, &bpp, &sync_bytes, error))
    return FALSE;
  sync_bytes.value *= c->allreduce_factor;
  if (!mls_calc_bottleneck (&net_ops, &sync_bytes, &fleet_peak_eff, &fabric_bw, &network,
                            error))
    return FALSE;

  MlsQuantity net_latency = network.compute_time;
  gboolean network_bound = network.kind == MLS_BOTTLENECK_MEMORY;

  net_latency.value = MAX (network.compute_time.value, network.memory_time.value);

  /* 8. Results. */
  MlsQuantity effective_active = mls_quantity_scalar (
    (mls_workload_get_active_parameter_count (workload) > 0
       ? mls_workload_get_active_parameter_count (workload)
       : params) * multiplier);
  gboolean memory_bound = roofline.kind == MLS_BOTTLENECK_MEMORY;
  double exposed = dp_comm.value * (overlap > 0 ? 1 - overlap_eff : 1) + tp_comm.value +
                   ep_comm.value;

  mls_ledger_set_quark (ledger, q[M_STEP_LATENCY], &step);
  mls_ledger_set_quark (ledger, q[M_DP_COMM], &dp_comm);
  mls_ledger_set_quark (ledger, q[M_TP_COMM], &tp_comm);
  mls_ledger_set_quark (ledger, q[M_EP_COMM], &ep_comm);
  mls_ledger_set_quark (ledger, q[M_COMM], &comm);
  mls_ledger_set_quark (ledger, q[M_BUBBLE_LATENCY], &bubble);
  set_number (ledger, q[M_BUBBLE_FRACTION], bubble_fraction);
  set_number (ledger, q[M_SCALING_EFFICIENCY], scaling);
  mls_ledger_set_quark (ledger, q[M_EFFECTIVE_THROUGHPUT], &fleet_throughput);
  set_number (ledger, q[M_MFU], node_mfu * scaling);
  mls_ledger_set_quark (ledger, q[M_NODE_LATENCY], &node_latency);
  mls_ledger_set_quark (ledger, q[M_NODE_COMPUTE], &roofline.compute_time);
  mls_ledger_set_quark (ledger, q[M_NODE_MEMORY], &roofline.memory_time);
  mls_ledger_set_quark (ledger, q[M_NODE_OVERHEAD], &overhead);
  mls_ledger_set_quark (ledger, q[M_NODE_THROUGHPUT], &node_throughput);
  mls_ledger_set_text_quark (ledger, q[M_NODE_BOTTLENECK],
                             memory_bound ? self->text_memory : self->text_compute);
  set_number (ledger, q[M_NODE_MFU], node_mfu);
  set_number (ledger, q[M_NODE_HFU], node_hfu);
  mls_ledger_set_quark (ledger, q[M_NODE_FOOTPRINT], &footprint);
  mls_ledger_set_text_quark (ledger, q[M_NODE_MEMORY_PATH], self->path_text[path]);
  mls_ledger_set_quark (ledger, q[M_NODE_OFFLOAD_BW], &offload_bw);
  set_number (ledger, q[M_FEASIBLE], feasible);
  set_number (ledger, q[M_DP], dp);
  set_number (ledger, q[M_TP], tp);
  set_number (ledger, q[M_PP], pp);
  set_number (ledger, q[M_EP], ep);
  set_number (ledger, q[M_LOCAL_BATCH], local_batch);
  mls_ledger_set_quark (ledger, q[M_GRADIENT_VOLUME], &grad_volume);
  mls_ledger_set_text_quark (ledger, q[M_DP_ALGORITHM], self->algorithm_text[algorithm]);
  set_number (ledger, q[M_MOE_EXPERTS], effective_experts);
  mls_ledger_set_quark (ledger, q[M_MOE_ACTIVE_PARAMETERS], &effective_active);
  mls_ledger_set_quark (ledger, q[M_MOE_DISPATCH], &dispatch_bytes);
  mls_ledger_set_quark (ledger, q[M_NET_LATENCY], &net_latency);
  mls_ledger_set_quark (ledger, q[M_NET_COMPUTE], &network.compute_time);
  mls_ledger_set_quark (ledger, q[M_NET_SYNC], &network.memory_time);
  mls_ledger_set_quark (ledger, q[M_NET_INTENSITY], &network.intensity);
  mls_ledger_set_quark (ledger, q[M_NET_BANDWIDTH], &fabric_bw);
  mls_ledger_set_text_quark (ledger, q[M_NET_BOTTLENECK],
                             network_bound ? self->text_network : self->text_compute);

  const char *status;

  if (!feasible)
    status = self->status_offload;
  else if (exposed >= node_latency.value && exposed >= bubble.value)
    status = self->status_communication;
  else if (bubble.value > node_latency.value)
    status = self->status_bubble;
  else
    status = memory_bound ? self->status_memory : self->status_compute;
  mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK, status);

  if (G_UNLIKELY (explain))
    {
      const char *name = mls_entry_get_name (MLS_ENTRY (hardware));
      g_autofree char *t_step = format_in (&step, "ms");
      g_autofree char *need = format_in (&footprint, "GB");
      g_autofree char *have = format_in (capacity, "GB");

      mls_ledger_explain (ledger, SOLVER_ID,
                          _("Distributed Wall: dp=%u, tp=%u, pp=%u, ep=%u; step latency %s."),
                          dp, tp, pp, ep, t_step);
      if (batch < dp)
        mls_ledger_explain (ledger, SOLVER_ID,
                            _("batch_size (%u) < dp_size (%u): some ranks will be idle. Using "
                              "local_batch=1."),
                            batch, dp);
      if (feasible)
        mls_ledger_explain (ledger, SOLVER_ID,
                            _("Memory Wall: Passed. Required %s <= Available %s on %s."),
                            need, have, name);
      else
        {
          g_autofree char *bw = format_in (&offload_bw, "GB/s");

          mls_ledger_explain (ledger, SOLVER_ID,
                              _("Memory Wall: FAILED. Required %s > Available %s on %s; the "
                                "state is offloaded and streams at %s."),
                              need, have, name, bw);
        }
      if (ep > 1 && imbalance > 1)
        mls_ledger_explain (ledger, SOLVER_ID,
                            _("MoE Routing: expert-parallel traffic inflated by %.2fx for "
                              "hot-expert imbalance."),
                            multiplier);
      if (dp > 1)
        {
          g_autofree char *t_dp = format_in (&dp_comm, "ms");
          g_autofree char *g = format_in (&grad_volume, "GB");

          mls_ledger_explain (ledger, SOLVER_ID,
                              _("Gradient all-reduce (%s) of %s per device takes %s."),
                              self->algorithm_text[algorithm], g, t_dp);
        }
      if (pp > 1)
        {
          g_autofree char *t_b = format_in (&bubble, "ms");

          mls_ledger_explain (ledger, SOLVER_ID,
                              _("Pipeline bubble: a fraction %.3g of the step is idle, %s."),
                              bubble_fraction, t_b);
        }
      mls_ledger_explain (ledger, SOLVER_ID,
                          _("Network Roofline: CI %.4g FLOP/B; binding ceiling is %s."),
                          network.intensity.value,
                          network_bound ? self->text_network : self->text_compute);
    }
  return TRUE;
}

/* --- type ----------------------------------------------------------------------------- */

static void
solver_iface_init (MlsSolverInterface *iface)
{
  iface->describe = mls_distributed_solver_describe;
  iface->prepare = mls_distributed_solver_prepare;
  iface->solve = mls_distributed_solver_solve;
}

static void
mls_distributed_solver_class_init (MlsDistributedSolverClass *klass)
{
}

static void
mls_distributed_solver_class_finalize (MlsDistributedSolverClass *klass)
{
}

static void
mls_distributed_solver_init (MlsDistributedSolver *self)
{
  GEnumClass *paths = g_type_class_ref (MLS_TYPE_MEMORY_PATH);

  if (!mls_quantity_from_unit (0, "B", &self->zero_bytes, NULL) ||
      !mls_quantity_from_unit (0, "B/s", &self->zero_bandwidth, NULL) ||
      !mls_quantity_from_unit (0, "s", &self->zero_time, NULL))
    g_assert_not_reached ();

  /* Copied into GLib's tables, so they outlive this module should it be unloaded. */
  for (guint i = 0; i < N_METRICS; i++)
    self->quarks[i] = g_quark_from_string (metric_defs[i].id);
  self->text_memory = g_intern_string ("Memory");
  self->text_compute = g_intern_string ("Compute");
  self->text_network = g_intern_string ("Network");
  for (guint i = 0; i < G_N_ELEMENTS (self->path_text); i++)
    self->path_text[i] = g_intern_string (g_enum_get_value (paths, i)->value_nick);
  g_type_class_unref (paths);
  for (guint i = 0; i < N_DP_ALGORITHMS; i++)
    self->algorithm_text[i] = g_intern_string (dp_algorithm_names[i]);

  /* Translated once: a solve must not look up the catalog. */
  self->status_compute = g_intern_string (_("Compute-bound"));
  self->status_memory = g_intern_string (_("Memory-bound"));
  self->status_communication = g_intern_string (_("Communication-bound"));
  self->status_bubble = g_intern_string (_("Pipeline-bubble-bound"));
  self->status_offload = g_intern_string (_("Does not fit: training state offloaded"));
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  mls_distributed_solver_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MLS_TYPE_SOLVER,
                                              MLS_TYPE_DISTRIBUTED_SOLVER);
}
