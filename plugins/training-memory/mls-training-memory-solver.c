/* mls-training-memory-solver.c — what one accelerator must hold to train its share of a model
 *
 * The reference's TrainingMemoryModel (inventory §9.14): weights, gradients and optimizer
 * state of a device's TP × PP × EP shard under ZeRO, the activations of one pipeline stage's
 * microbatch with the chosen recomputation, and the communication buffers; against the
 * device's memory (Wall 2). Every equation is a call into the formula library.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>
#include <math.h>
#include <mlsysim.h>

#define SOLVER_ID "training-memory"

#define P_DP_SIZE "training-memory.dp_size"
#define P_ACCUMULATION "training-memory.gradient_accumulation_steps"
#define P_TRAINABLE "training-memory.trainable_fraction"
#define P_BUFFER "training-memory.communication_buffer_fraction"
#define P_OPTIMIZER "training-memory.optimizer_bytes"
#define P_CHECKPOINTING "training-memory.activation_checkpointing"

typedef enum
{
  M_TOTAL,
  M_WEIGHTS,
  M_GRADIENTS,
  M_OPTIMIZER,
  M_ACTIVATIONS,
  M_BUFFERS,
  M_AVAILABLE,
  M_UTILIZATION,
  M_FEASIBLE,
  M_MICROBATCH,
  M_STAGE_LAYERS,
  M_CHECKPOINTING,
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
  [M_TOTAL] = { "training-memory.total", N_("Training memory"), "GB",
                N_("Everything one device holds: weights, gradients, optimizer state, "
                   "activations and communication buffers") },
  [M_WEIGHTS] = { "training-memory.weights", N_("Weights"), "GB",
                  N_("The device's shard of the weights, P / (tp·pp·ep) (÷ dp with ZeRO-3)") },
  [M_GRADIENTS] = { "training-memory.gradients", N_("Gradients"), "GB",
                    N_("Gradients of the trained parameters (÷ dp from ZeRO-2)") },
  [M_OPTIMIZER] = { "training-memory.optimizer_state", N_("Optimizer state"), "GB",
                    N_("Optimizer state of the trained parameters (÷ dp from ZeRO-1)") },
  [M_ACTIVATIONS] = { "training-memory.activations", N_("Activations"), "GB",
                      N_("Activations kept for the backward pass by one stage's layers for one "
                         "microbatch") },
  [M_BUFFERS] = { "training-memory.communication_buffers", N_("Communication buffers"), "GB",
                  N_("Gradient buckets plus, with a pipeline, the activations in flight") },
  [M_AVAILABLE] = { "training-memory.available", N_("Device memory"), "GB",
                    N_("Memory capacity of the device") },
  [M_UTILIZATION] = { "training-memory.utilization", N_("Memory utilisation"), "",
                      N_("Training memory over device memory; above 1 it does not fit") },
  [M_FEASIBLE] = { "training-memory.feasible", N_("Fits in memory"), "",
                   N_("1 when the training memory fits in the device, else 0") },
  [M_MICROBATCH] = { "training-memory.microbatch", N_("Microbatch"), "",
                     N_("Sequences per microbatch: max(1, ⌈batch / (dp × accumulation)⌉)") },
  [M_STAGE_LAYERS] = { "training-memory.layers_per_stage", N_("Layers per stage"), "",
                       N_("Layers one pipeline stage holds, max(1, ⌈L / pp⌉)") },
  [M_CHECKPOINTING] = { "training-memory.activation_checkpointing_strategy",
                        N_("Activation checkpointing"), "text",
                        N_("What the backward pass recomputes: none, selective or full") },
};

/* Registry constants, read once by prepare(). */
typedef struct
{
  MlsQuantity optimizer_bytes_adam;
  double      communication_buffer_fraction;
  guint       fallback_hidden_dim;
  guint       fallback_heads;
  guint       default_layers;
} Constants;

struct _MlsTrainingMemorySolver
{
  GObject     parent_instance;

  Constants   c;
  gboolean    prepared;

  MlsQuantity zero_bytes;
  GQuark      quarks[N_METRICS];
  const char *strategy_text[MLS_ACTIVATION_CHECKPOINTING_FULL + 1];
  const char *status_fits;
  const char *status_oom;
};

#define MLS_TYPE_TRAINING_MEMORY_SOLVER (mls_training_memory_solver_get_type ())
G_DECLARE_FINAL_TYPE (MlsTrainingMemorySolver, mls_training_memory_solver, MLS,
                      TRAINING_MEMORY_SOLVER, GObject)

static void solver_iface_init (MlsSolverInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (MlsTrainingMemorySolver, mls_training_memory_solver,
                                G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (MLS_TYPE_SOLVER,
                                                               solver_iface_init))

/* --- constants ------------------------------------------------------------------------- */

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
mls_training_memory_solver_prepare (MlsSolver   *solver,
                                    MlsRegistry *registry,
                                    GError     **error)
{
  MlsTrainingMemorySolver *self = MLS_TRAINING_MEMORY_SOLVER (solver);
  Constants c;
  double optimizer_bytes;

  if (!get_number (registry, "optimizer_bytes_adam", &optimizer_bytes, error) ||
      !get_number (registry, "communication_buffer_fraction",
                   &c.communication_buffer_fraction, error) ||
      !get_count (registry, "fallback_hidden_dim", &c.fallback_hidden_dim, error) ||
      !get_count (registry, "fallback_heads", &c.fallback_heads, error) ||
      !get_count (registry, "default_layers", &c.default_layers, error))
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
constant_default (MlsTrainingMemorySolver *self,
                  const char              *key,
                  double                   prepared_value)
{
  MlsRegistry *registry;
  MlsQuantity q;
  g_autoptr (GError) error = NULL;

  if (self->prepared)
    return prepared_value;
  registry = mls_registry_get_default (&error);
  if (registry == NULL || !mls_registry_get_constant (registry, key, &q, &error))
    {
      g_warning ("training-memory: no default for registry constant “%s”: %s", key,
                 error != NULL ? error->message : "no registry");
      return NAN;
    }
  return q.value;
}

static MlsSolverInfo *
mls_training_memory_solver_describe (MlsSolver *solver)
{
  MlsTrainingMemorySolver *self = MLS_TRAINING_MEMORY_SOLVER (solver);
  MlsSolverInfo *info;

  info = mls_solver_info_new (SOLVER_ID, _("Training memory"),
                              _("What one accelerator must hold to train its share of a "
                                "Transformer: sharded weights, gradients and optimizer state "
                                "under ZeRO, activations with or without recomputation, and "
                                "communication buffers, against its memory."),
                              MLS_SOLVER_KIND_MODEL);
  mls_solver_info_set_inputs (info, MLS_SOLVER_INPUT_WORKLOAD | MLS_SOLVER_INPUT_HARDWARE |
                                      MLS_SOLVER_INPUT_TRANSFORMER);
  mls_solver_info_add_wall (info, 2);

  mls_solver_info_add_parameter (info, P_DP_SIZE, _("Data-parallel ranks"), "", 1, 1, G_MAXUINT,
                                 _("Ranks the ZeRO stages shard over, and that split the "
                                   "batch"));
  mls_solver_info_add_parameter (info, P_ACCUMULATION, _("Gradient accumulation steps"), "", 1,
                                 1, G_MAXUINT,
                                 _("Micro-steps per optimizer step: the microbatch is batch / "
                                   "(dp × steps)"));
  mls_solver_info_add_parameter (info, P_TRAINABLE, _("Trainable fraction"), "", 1, 0, 1,
                                 _("Share of the parameters trained (gradients and optimizer "
                                   "state); below 1 for adapters or frozen layers"));
  mls_solver_info_add_parameter (info, P_BUFFER, _("Communication buffer fraction"), "",
                                 constant_default (self, "communication_buffer_fraction",
                                                   self->c.communication_buffer_fraction),
                                 0, 1,
                                 _("Gradient buckets held again for the all-reduce, as a "
                                   "fraction of the gradients"));
  mls_solver_info_add_parameter (info, P_OPTIMIZER, _("Optimizer state per parameter"), "B",
                                 constant_default (self, "optimizer_bytes_adam",
                                                   self->c.optimizer_bytes_adam.value),
                                 0, G_MAXDOUBLE,
                                 _("Optimizer bytes per trained parameter: 12 for Adam/AdamW, "
                                   "4 for SGD with momentum, 0 for none"));
  mls_solver_info_add_parameter (info, P_CHECKPOINTING, _("Activation checkpointing"), "",
                                 MLS_ACTIVATION_CHECKPOINTING_SELECTIVE,
                                 MLS_ACTIVATION_CHECKPOINTING_NONE,
                                 MLS_ACTIVATION_CHECKPOINTING_FULL,
                                 _("0 keeps every activation, 1 recomputes the attention scores "
                                   "(selective), 2 keeps only each layer's input (full); unset, "
                                   "full when the scenario recomputes activations, else "
                                   "selective"));

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

/* A plain-number parameter, or @fallback when unset; in [@minimum, @maximum], whole when
 * @whole. */
static gboolean
get_parameter (MlsScenario *scenario,
               const char  *id,
               double       fallback,
               double       minimum,
               double       maximum,
               gboolean     whole,
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
  if (!(q.value >= minimum && q.value <= maximum) || (whole && q.value != floor (q.value)))
    return invalid (error, whole ? _("%s must be a whole number between %g and %g; got %g")
                                 : _("%s must be between %g and %g; got %g"),
                    id, minimum, maximum, q.value);
  *out = q.value;
  return TRUE;
}

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

static guint
ceil_div (guint64 a,
          guint64 b)
{
  return (guint) ((a + b - 1) / b);
}

static gboolean
mls_training_memory_solver_solve (MlsSolver   *solver,
                                  MlsScenario *scenario,
                                  MlsLedger   *ledger,
                                  GError     **error)
{
  MlsTrainingMemorySolver *self = (MlsTrainingMemorySolver *) solver;
  const Constants *c = &self->c;
  const GQuark *q = self->quarks;
  MlsWorkload *workload = mls_scenario_get_workload (scenario);
  MlsHardwareNode *hardware = mls_scenario_get_hardware (scenario);

  if (G_UNLIKELY (!self->prepared))
    {
      g_set_error_literal (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                           _("The training-memory solver was not prepared with a registry"));
      return FALSE;
    }
  /* A fleet stands for its accelerator. */
  if (hardware == NULL && mls_scenario_get_fleet (scenario) != NULL)
    hardware = MLS_HARDWARE_NODE (
      mls_node_get_accelerator (mls_fleet_get_node (mls_scenario_get_fleet (scenario))));
  if (workload == NULL || hardware == NULL)
    return invalid (error, _("The training-memory solver needs a workload and a hardware "
                             "node"));

  /* Validate. */
  double batch_knob = mls_scenario_get_knob (scenario, MLS_KNOB_BATCH_SIZE);
  guint tp, pp, ep, zero_stage;
  double dp, accumulation, trainable, buffer_fraction, checkpointing;
  MlsQuantity optimizer_bytes = c->optimizer_bytes_adam;
  MlsActivationCheckpointing strategy;

  if (!(batch_knob >= 1))
    return invalid (error, _("batch_size must be at least 1; got %g"), batch_knob);
  if (!get_degree (scenario, MLS_KNOB_TP, 1, &tp, error) ||
      !get_degree (scenario, MLS_KNOB_PP, 1, &pp, error) ||
      !get_degree (scenario, MLS_KNOB_EP, 1, &ep, error) ||
      !get_degree (scenario, MLS_KNOB_ZERO_STAGE, 0, &zero_stage, error) ||
      !get_parameter (scenario, P_DP_SIZE, 1, 1, G_MAXUINT, TRUE, &dp, error) ||
      !get_parameter (scenario, P_ACCUMULATION, 1, 1, G_MAXUINT, TRUE, &accumulation, error) ||
      !get_parameter (scenario, P_TRAINABLE, 1, 0, 1, FALSE, &trainable, error) ||
      !get_parameter (scenario, P_BUFFER, c->communication_buffer_fraction, 0, 1, FALSE,
                      &buffer_fraction, error) ||
      !get_parameter (scenario, P_CHECKPOINTING,
                      mls_scenario_get_activation_recompute (scenario)
                        ? MLS_ACTIVATION_CHECKPOINTING_FULL
                        : MLS_ACTIVATION_CHECKPOINTING_SELECTIVE,
                      MLS_ACTIVATION_CHECKPOINTING_NONE, MLS_ACTIVATION_CHECKPOINTING_FULL,
                      TRUE, &checkpointing, error))
    return FALSE;
  strategy = (MlsActivationCheckpointing) checkpointing;

  MlsQuantity given;

  if (mls_scenario_get_parameter (scenario, P_OPTIMIZER, &given))
    {
      if (!mls_quantity_same_dimension (&given, &self->zero_bytes) || !(given.value >= 0))
        return invalid (error, _("%s must be an amount of data per parameter of at least 0 B, "
                                 "such as 12 B for Adam"), P_OPTIMIZER);
      optimizer_bytes = given;
    }

  /* The workload at the precision. */
  MlsPrecision precision = mls_scenario_get_precision (scenario);
  MlsQuantity bpp = self->zero_bytes;
  MlsComputationGraph graph;

  bpp.value = mls_precision_bytes (precision);
  if (!mls_workload_lower_bytes (workload, bpp.value, &graph, error))
    return FALSE;

  double params = graph.parameter_count > 0 ? graph.parameter_count
                                            : graph.weight_bytes.value / bpp.value;
  guint layers = graph.layers > 0 ? graph.layers : c->default_layers;
  guint hidden = mls_workload_get_hidden_dim (workload);
  guint heads = mls_workload_get_heads (workload);
  guint seq_len = mls_scenario_get_seq_len (scenario);
  guint batch = (guint) batch_knob;
  guint microbatch = MAX (1, ceil_div (batch, (guint64) dp * (guint64) accumulation));
  guint stage_layers = MAX (1, ceil_div (layers, pp));

  if (hidden == 0)
    hidden = c->fallback_hidden_dim;
  if (heads == 0)
    heads = c->fallback_heads;

  /* The state, the activations and the buffers. */
  MlsQuantity weights, gradients, optimizer, activations, buffers, total;

  if (!mls_calc_training_state_memory (params, tp, pp, ep, (guint) dp, zero_stage, trainable,
                                       &bpp, &optimizer_bytes, &weights, &gradients,
                                       &optimizer, error) ||
      !mls_calc_activation_memory (stage_layers, seq_len, microbatch, hidden, heads, &bpp,
                                   strategy, &activations, error) ||
      !mls_calc_communication_buffer_memory (&gradients, buffer_fraction, pp, microbatch,
                                             seq_len, hidden, &bpp, &buffers, error))
    return FALSE;

  total = weights;
  total.value += gradients.value + optimizer.value + activations.value + buffers.value;

  const MlsQuantity *capacity = mls_hardware_node_get_memory_capacity (hardware);
  gboolean feasible = total.value <= capacity->value;

  mls_ledger_set_quark (ledger, q[M_TOTAL], &total);
  mls_ledger_set_quark (ledger, q[M_WEIGHTS], &weights);
  mls_ledger_set_quark (ledger, q[M_GRADIENTS], &gradients);
  mls_ledger_set_quark (ledger, q[M_OPTIMIZER], &optimizer);
  mls_ledger_set_quark (ledger, q[M_ACTIVATIONS], &activations);
  mls_ledger_set_quark (ledger, q[M_BUFFERS], &buffers);
  mls_ledger_set_quark (ledger, q[M_AVAILABLE], capacity);
  set_number (ledger, q[M_UTILIZATION],
              capacity->value > 0 ? total.value / capacity->value : INFINITY);
  set_number (ledger, q[M_FEASIBLE], feasible);
  set_number (ledger, q[M_MICROBATCH], microbatch);
  set_number (ledger, q[M_STAGE_LAYERS], stage_layers);
  mls_ledger_set_text_quark (ledger, q[M_CHECKPOINTING], self->strategy_text[strategy]);
  mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK,
                         feasible ? self->status_fits : self->status_oom);

  if (G_UNLIKELY (mls_ledger_get_explain (ledger)))
    {
      g_autofree char *w = format_in (&weights, "GB");
      g_autofree char *g = format_in (&gradients, "GB");
      g_autofree char *o = format_in (&optimizer, "GB");
      g_autofree char *a = format_in (&activations, "GB");
      g_autofree char *b = format_in (&buffers, "GB");
      g_autofree char *t = format_in (&total, "GB");
      g_autofree char *cap = format_in (capacity, "GB");

      mls_ledger_explain (ledger, SOLVER_ID,
                          _("Training Memory: weights=%s, gradients=%s, optimizer=%s, "
                            "activations=%s, buffers=%s."),
                          w, g, o, a, b);
      mls_ledger_explain (ledger, SOLVER_ID,
                          feasible ? _("Memory Wall: Passed. Required %s <= Available %s on %s.")
                                   : _("Memory Wall: FAILED. Required %s > Available %s on %s."),
                          t, cap, mls_entry_get_name (MLS_ENTRY (hardware)));
      if (zero_stage > 0)
        mls_ledger_explain (ledger, SOLVER_ID,
                            _("ZeRO-%u: data-parallel state sharding applied across dp "
                              "ranks."),
                            zero_stage);
      if (mls_workload_get_kind (workload) == MLS_WORKLOAD_MOE && ep > 1)
        mls_ledger_explain (ledger, SOLVER_ID,
                            _("MoE: expert parameters are sharded across %u expert-parallel "
                              "ranks."),
                            ep);
    }
  return TRUE;
}

/* --- type ----------------------------------------------------------------------------- */

static void
solver_iface_init (MlsSolverInterface *iface)
{
  iface->describe = mls_training_memory_solver_describe;
  iface->prepare = mls_training_memory_solver_prepare;
  iface->solve = mls_training_memory_solver_solve;
}

static void
mls_training_memory_solver_class_init (MlsTrainingMemorySolverClass *klass)
{
}

static void
mls_training_memory_solver_class_finalize (MlsTrainingMemorySolverClass *klass)
{
}

static void
mls_training_memory_solver_init (MlsTrainingMemorySolver *self)
{
  GEnumClass *strategies = g_type_class_ref (MLS_TYPE_ACTIVATION_CHECKPOINTING);

  if (!mls_quantity_from_unit (0, "B", &self->zero_bytes, NULL))
    g_assert_not_reached ();

  /* Copied into GLib's tables, so they outlive this module should it be unloaded. */
  for (guint i = 0; i < N_METRICS; i++)
    self->quarks[i] = g_quark_from_string (metric_defs[i].id);
  for (guint i = 0; i < G_N_ELEMENTS (self->strategy_text); i++)
    self->strategy_text[i] = g_intern_string (g_enum_get_value (strategies, i)->value_nick);
  g_type_class_unref (strategies);

  /* Translated once: a solve must not look up the catalog. */
  self->status_fits = g_intern_string (_("Fits in memory"));
  self->status_oom = g_intern_string (_("Out of memory"));
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  mls_training_memory_solver_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MLS_TYPE_SOLVER,
                                              MLS_TYPE_TRAINING_MEMORY_SOLVER);
}
