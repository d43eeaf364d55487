/* mls-serving-solver.c — LLM serving: time to first token, inter-token latency, the KV cache
 *
 * The reference's ServingModel (inventory §9.7, Wall 4): prefill is compute-bound (linear
 * layers plus attention over the prompt, optionally chunked or shortened by a cached prefix),
 * decode is memory-bound (every token streams the weights and the KV cache), and the weights
 * plus the KV cache must fit in the decode device's memory. Speculative decoding (a draft
 * model) and disaggregated decode (another device across a network link) are optional.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>
#include <math.h>
#include <mlsysim.h>

#define SOLVER_ID "serving"

typedef enum
{
  M_TTFT,
  M_ITL,
  M_KV_CACHE_SIZE,
  M_MODEL_WEIGHTS_SIZE,
  M_TOTAL_MEMORY,
  M_MEMORY_CAPACITY,
  M_MEMORY_UTILIZATION,
  M_TOKENS_PER_SEC,
  M_FEASIBLE,
  M_PREFILL_CHUNKS,
  M_PREFILL_CHUNK_TIME,
  M_DECODE_STALL_BOUND,
  M_PROMPT_CACHE_HIT_RATIO,
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
  [M_TTFT] = { "serving.ttft", N_("Time to first token"), "ms",
               N_("Prefill time of the prompt plus one dispatch per prefill chunk (plus the KV "
                  "transfer when decode is disaggregated)") },
  [M_ITL] = { "serving.itl", N_("Inter-token latency"), "ms",
              N_("Time per generated token: (weights + KV cache) / bandwidth + layer tax") },
  [M_KV_CACHE_SIZE] = { "serving.kv_cache_size", N_("KV cache"), "GB",
                        N_("Keys and values of the whole batch at the sequence length") },
  [M_MODEL_WEIGHTS_SIZE] = { "serving.model_weights_size", N_("Weights"), "GB",
                             N_("Model weights at the precision") },
  [M_TOTAL_MEMORY] = { "serving.total_memory", N_("Memory required"), "GB",
                       N_("Weights plus KV cache (plus draft-model weights)") },
  [M_MEMORY_CAPACITY] = { "serving.memory_capacity", N_("Memory capacity"), "GB",
                          N_("Memory of the device that decodes") },
  [M_MEMORY_UTILIZATION] = { "serving.memory_utilization", N_("Memory utilisation"), "",
                             N_("Memory required over capacity") },
  [M_TOKENS_PER_SEC] = { "serving.tokens_per_sec", N_("Decode throughput"), "token/s",
                         N_("Tokens generated per second across the batch: batch / ITL") },
  [M_FEASIBLE] = { "serving.feasible", N_("Fits in memory"), "",
                   N_("1 when weights and KV cache fit in the decode device's memory") },
  [M_PREFILL_CHUNKS] = { "serving.prefill_chunks", N_("Prefill chunks"), "",
                         N_("Chunks the prompt is prefilled in (1 without chunking)") },
  [M_PREFILL_CHUNK_TIME] = { "serving.prefill_chunk_time", N_("Prefill chunk time"), "ms",
                             N_("Time of the largest prefill chunk, dispatch included") },
  [M_DECODE_STALL_BOUND] = { "serving.decode_stall_bound", N_("Decode stall bound"), "ms",
                             N_("Longest a decode step can wait behind one prefill chunk") },
  [M_PROMPT_CACHE_HIT_RATIO] = { "serving.prompt_cache_hit_ratio", N_("Prefix-cache hit ratio"),
                                 "", N_("Cached prefix tokens over the sequence length") },
};

#define P_CHUNK_TOKENS      "serving.prefill_chunk_tokens"
#define P_CACHED_PREFIX     "serving.cached_prefix_tokens"
#define P_DRAFT_PARAMETERS  "serving.draft_parameters"
#define P_DRAFT_LAYERS      "serving.draft_layers"
#define P_DRAFT_HIDDEN_DIM  "serving.draft_hidden_dim"
#define P_DRAFT_HEADS       "serving.draft_heads"
#define P_DRAFT_ACCEPTANCE  "serving.draft_acceptance_rate"
#define P_DECODE_BANDWIDTH  "serving.decode_memory_bandwidth"
#define P_DECODE_CAPACITY   "serving.decode_memory_capacity"
#define P_NETWORK_BANDWIDTH "serving.network_bandwidth"

/* Registry constants, read once by prepare(). */
typedef struct
{
  MlsQuantity layer_tax;
  MlsQuantity default_dispatch_tax;
  guint       fallback_heads;
  guint       fallback_hidden_dim;
  guint       speculative_gamma;
  double      draft_acceptance_rate;
  MlsQuantity disaggregated_network_bandwidth;
} Constants;

struct _MlsServingSolver
{
  GObject     parent_instance;

  Constants   c;
  gboolean    prepared;

  MlsQuantity zero_bytes;
  GQuark      quarks[N_METRICS];
  const char *status_fits;
  const char *status_oom;
};

#define MLS_TYPE_SERVING_SOLVER (mls_serving_solver_get_type ())
G_DECLARE_FINAL_TYPE (MlsServingSolver, mls_serving_solver, MLS, SERVING_SOLVER, GObject)

static void solver_iface_init (MlsSolverInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (MlsServingSolver, mls_serving_solver, G_TYPE_OBJECT,
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
load_constants (MlsRegistry *registry,
                Constants   *c,
                GError     **error)
{
  return get_quantity (registry, "layer_tax", "s", &c->layer_tax, error) &&
         get_quantity (registry, "default_dispatch_tax", "s", &c->default_dispatch_tax,
                       error) &&
         get_count (registry, "fallback_heads", &c->fallback_heads, error) &&
         get_count (registry, "fallback_hidden_dim", &c->fallback_hidden_dim, error) &&
         get_count (registry, "speculative_gamma", &c->speculative_gamma, error) &&
         get_number (registry, "draft_acceptance_rate", &c->draft_acceptance_rate, error) &&
         get_quantity (registry, "disaggregated_network_bandwidth", "B/s",
                       &c->disaggregated_network_bandwidth, error);
}

static gboolean
mls_serving_solver_prepare (MlsSolver   *solver,
                            MlsRegistry *registry,
                            GError     **error)
{
  MlsServingSolver *self = MLS_SERVING_SOLVER (solver);
  Constants c;

  if (!load_constants (registry, &c, error))
    return FALSE;
  self->c = c;
  self->prepared = TRUE;
  return TRUE;
}

/* --- description --------------------------------------------------------------------- */

static MlsSolverInfo *
mls_serving_solver_describe (MlsSolver *solver)
{
  MlsServingSolver *self = MLS_SERVING_SOLVER (solver);
  MlsSolverInfo *info;
  Constants c = self->c;
  double network_gbs = 0;

  /* Parameter defaults come from the registry: the engine's, once prepared, else the
   * default one. */
  if (!self->prepared)
    {
      MlsRegistry *registry = mls_registry_get_default (NULL);

      if (registry == NULL || !load_constants (registry, &c, NULL))
        memset (&c, 0, sizeof c);
    }
  if (!mls_quantity_convert (&c.disaggregated_network_bandwidth, "GB/s", &network_gbs, NULL))
    network_gbs = 0;

  info = mls_solver_info_new (SOLVER_ID, _("LLM serving"),
                              _("Autoregressive serving on one accelerator: time to first "
                                "token (with chunked prefill and prefix caching), inter-token "
                                "latency, KV-cache size and the memory wall; optional "
                                "speculative decoding and disaggregated decode."),
                              MLS_SOLVER_KIND_MODEL);
  mls_solver_info_set_inputs (info, MLS_SOLVER_INPUT_WORKLOAD | MLS_SOLVER_INPUT_HARDWARE |
                                      MLS_SOLVER_INPUT_TRANSFORMER);
  mls_solver_info_add_wall (info, 4);

  mls_solver_info_add_parameter (info, P_CHUNK_TOKENS, _("Prefill chunk"), "token", 0, 0,
                                 G_MAXUINT,
                                 _("Prompt tokens per prefill chunk; 0 prefills the prompt in "
                                   "one pass"));
  mls_solver_info_add_parameter (info, P_CACHED_PREFIX, _("Cached prefix"), "token", 0, 0,
                                 G_MAXUINT,
                                 _("Prompt tokens already in the prefix cache (fewer than the "
                                   "sequence length); they skip prefill"));
  mls_solver_info_add_parameter (info, P_DRAFT_PARAMETERS, _("Draft model parameters"),
                                 "param", 0, 0, G_MAXDOUBLE,
                                 _("Parameters of a draft model for speculative decoding; 0 "
                                   "decodes without one"));
  mls_solver_info_add_parameter (info, P_DRAFT_LAYERS, _("Draft model layers"), "", 0, 0,
                                 G_MAXUINT,
                                 _("Layers of the draft model (needed with a draft model)"));
  mls_solver_info_add_parameter (info, P_DRAFT_HIDDEN_DIM, _("Draft model hidden size"), "",
                                 c.fallback_hidden_dim, 1, G_MAXUINT,
                                 _("Hidden size of the draft model"));
  mls_solver_info_add_parameter (info, P_DRAFT_HEADS, _("Draft model heads"), "",
                                 c.fallback_heads, 1, G_MAXUINT,
                                 _("Attention (and KV) heads of the draft model"));
  mls_solver_info_add_parameter (info, P_DRAFT_ACCEPTANCE, _("Draft acceptance rate"), "",
                                 c.draft_acceptance_rate, 0, 1,
                                 _("Probability that the target model accepts a drafted "
                                   "token"));
  mls_solver_info_add_parameter (info, P_DECODE_BANDWIDTH, _("Decode memory bandwidth"),
                                 "GB/s", 0, 0, G_MAXDOUBLE,
                                 _("Memory bandwidth of a separate decode device "
                                   "(disaggregated serving); 0 decodes on the prefill device"));
  mls_solver_info_add_parameter (info, P_DECODE_CAPACITY, _("Decode memory capacity"), "GB",
                                 0, 0, G_MAXDOUBLE,
                                 _("Memory of the separate decode device; 0 uses the prefill "
                                   "device's"));
  mls_solver_info_add_parameter (info, P_NETWORK_BANDWIDTH, _("Prefill–decode link"), "GB/s",
                                 network_gbs, 0, G_MAXDOUBLE,
                                 _("Link the KV cache crosses once per request in "
                                   "disaggregated serving"));

  for (guint i = 0; i < N_METRICS; i++)
    mls_solver_info_add_metric (info, metric_defs[i].id, _(metric_defs[i].label),
                                metric_defs[i].unit, _(metric_defs[i].description));
  return info;
}

/* --- solving ------------------------------------------------------------------------- */

static gboolean invalid (GError    **error,
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

/* Reads a parameter given in base units, or @fallback when the scenario does not set it. */
static double
get_param (MlsScenario *scenario,
           const char  *id,
           double       fallback)
{
  MlsQuantity q;

  return mls_scenario_get_parameter (scenario, id, &q) ? q.value : fallback;
}

/* A parameter that counts something: a whole number in [0, G_MAXUINT]. */
static gboolean
get_count_param (MlsScenario *scenario,
                 const char  *id,
                 guint        fallback,
                 guint       *out,
                 GError     **error)
{
  double v = get_param (scenario, id, fallback);

  if (!(v >= 0) || v > G_MAXUINT || v != (guint) v)
    return invalid (error, _("%s must be a whole number, zero or more; got %g"), id, v);
  *out = (guint) v;
  return TRUE;
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

/* Prefill time of @new_tokens of a @seq_len prompt, with the reference's full-attention
 * factor 4 over all heads. */
static gboolean
prefill_time (double             params,
              guint              new_tokens,
              guint              seq_len,
              guint              batch,
              guint              layers,
              guint              attention_dim,
              const MlsQuantity *peak,
              double             eta,
              MlsQuantity       *out,
              GError           **error)
{
  MlsQuantity ops;

  return mls_calc_transformer_context_prefill_flops (params, new_tokens, seq_len, batch, layers,
                                                     attention_dim, FALSE, &ops, error) &&
         mls_calc_training_time (&ops, 1, peak, eta, out, error);
}

static gboolean
mls_serving_solver_solve (MlsSolver   *solver,
                          MlsScenario *scenario,
                          MlsLedger   *ledger,
                          GError     **error)
{
  MlsServingSolver *self = (MlsServingSolver *) solver;
  const Constants *c = &self->c;
  const GQuark *q = self->quarks;
  MlsWorkload *workload = mls_scenario_get_workload (scenario);
  MlsHardwareNode *hardware = mls_scenario_get_hardware (scenario);

  if (G_UNLIKELY (!self->prepared))
    {
      g_set_error_literal (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                           _("The serving solver was not prepared with a registry"));
      return FALSE;
    }
  if (workload == NULL || hardware == NULL)
    return invalid (error, _("The serving solver needs a workload and a hardware node"));

  /* Validation: every message names the field. */
  guint seq_len = mls_scenario_get_seq_len (scenario);
  guint batch = mls_scenario_get_batch_size (scenario);
  double eta = mls_scenario_get_efficiency (scenario);
  guint chunk_tokens, cached, draft_layers, draft_hidden, draft_heads;
  double draft_params, acceptance, decode_bw_value, decode_cap_value;
  MlsQuantity network_bw = c->disaggregated_network_bandwidth;

  if (seq_len < 1)
    return invalid (error, _("seq_len must be at least 1; got %u"), seq_len);
  if (batch < 1)
    return invalid (error, _("batch_size must be at least 1; got %u"), batch);
  if (!(eta > 0 && eta <= 1))
    return invalid (error, _("efficiency must be greater than 0 and at most 1, such as 0.5; "
                             "got %g"), eta);
  if (!get_count_param (scenario, P_CHUNK_TOKENS, 0, &chunk_tokens, error) ||
      !get_count_param (scenario, P_CACHED_PREFIX, 0, &cached, error) ||
      !get_count_param (scenario, P_DRAFT_LAYERS, 0, &draft_layers, error) ||
      !get_count_param (scenario, P_DRAFT_HIDDEN_DIM, c->fallback_hidden_dim, &draft_hidden,
                        error) ||
      !get_count_param (scenario, P_DRAFT_HEADS, c->fallback_heads, &draft_heads, error))
    return FALSE;
  if (cached >= seq_len)
    return invalid (error, _("%s must be fewer than seq_len (%u); got %u"), P_CACHED_PREFIX,
                    seq_len, cached);
  draft_params = get_param (scenario, P_DRAFT_PARAMETERS, 0);
  if (!(draft_params >= 0))
    return invalid (error, _("%s must be zero or more; got %g"), P_DRAFT_PARAMETERS,
                    draft_params);
  if (draft_params > 0 && (draft_layers < 1 || draft_hidden < 1 || draft_heads < 1))
    return invalid (error, _("%s, %s and %s must be at least 1 with a draft model"),
                    P_DRAFT_LAYERS, P_DRAFT_HIDDEN_DIM, P_DRAFT_HEADS);
  acceptance = get_param (scenario, P_DRAFT_ACCEPTANCE, c->draft_acceptance_rate);
  if (!(acceptance >= 0 && acceptance <= 1))
    return invalid (error, _("%s must be between 0 and 1; got %g"), P_DRAFT_ACCEPTANCE,
                    acceptance);
  network_bw.value = get_param (scenario, P_NETWORK_BANDWIDTH, network_bw.value);
  if (!(network_bw.value > 0))
    return invalid (error, _("%s must be greater than zero, such as 100 GB/s; got %g B/s"),
                    P_NETWORK_BANDWIDTH, network_bw.value);
  decode_bw_value = get_param (scenario, P_DECODE_BANDWIDTH, 0);
  decode_cap_value = get_param (scenario, P_DECODE_CAPACITY, 0);
  if (!(decode_bw_value >= 0) || !(decode_cap_value >= 0))
    return invalid (error, _("%s and %s must be zero or more"), P_DECODE_BANDWIDTH,
                    P_DECODE_CAPACITY);

  /* Precision: bytes, and the peak at that precision (the FP16 peak when the device lists
   * none for it, silently, as the reference's serving model does). */
  MlsPrecision precision = mls_scenario_get_precision (scenario);
  double bytes_per_element = mls_precision_bytes (precision);
  const MlsQuantity *peak = mls_hardware_node_get_flops_for (hardware, precision, NULL);
  MlsQuantity bpp = self->zero_bytes;

  bpp.value = bytes_per_element;
  if (!(peak->value > 0))
    return invalid (error, _("%s has no peak FLOP/s (compute.peak_flops)"),
                    mls_entry_get_name (MLS_ENTRY (hardware)));

  /* Shape, with the reference's fallbacks: 32 heads, hidden 4096, head_dim = hidden / heads. */
  double params = mls_workload_get_parameter_count (workload);
  guint layers = mls_workload_get_layers (workload);
  guint heads = mls_workload_get_heads (workload);
  guint hidden = mls_workload_get_hidden_dim (workload);

  if (heads == 0)
    heads = c->fallback_heads;
  if (hidden == 0)
    hidden = c->fallback_hidden_dim;
  guint attention_dim = heads * (hidden / heads);

  /* Prefill. */
  const MlsQuantity *dispatch_hw = mls_hardware_node_get_dispatch_tax (hardware);
  const MlsQuantity *dispatch = dispatch_hw->value > 0 ? dispatch_hw : &c->default_dispatch_tax;
  guint new_tokens = MAX (1, seq_len - cached);
  guint chunks = 1;
  MlsQuantity t_prefill, ttft, chunk_time;

  if (!prefill_time (params, new_tokens, seq_len, batch, layers, attention_dim, peak, eta,
                     &t_prefill, error))
    return FALSE;
  if (chunk_tokens > 0)
    {
      if (!mls_calc_prefill_chunk_count (new_tokens, chunk_tokens, &chunks, error) ||
          !prefill_time (params, MIN (chunk_tokens, new_tokens), seq_len, batch, layers,
                         attention_dim, peak, eta, &chunk_time, error))
        return FALSE;
    }
  else
    chunk_time = t_prefill;
  chunk_time.value += dispatch->value;
  ttft = t_prefill;
  ttft.value += dispatch->value * chunks;

  /* Memory: weights and the KV cache of the batch. */
  MlsQuantity weights, kv;

  if (!mls_workload_size_in_bytes (workload, bytes_per_element, &weights))
    return invalid (error, _("%s has neither parameters nor a model size"),
                    mls_entry_get_name (MLS_ENTRY (workload)));
  if (!mls_workload_kv_cache_size (workload, seq_len, batch, bytes_per_element, &kv, error))
    return FALSE;

  /* Decode, on this device or on a separate one across the network. */
  MlsQuantity decode_bw = *mls_hardware_node_get_memory_bandwidth (hardware);
  MlsQuantity capacity = *mls_hardware_node_get_memory_capacity (hardware);
  gboolean disaggregated = decode_bw_value > 0;

  if (disaggregated)
    {
      MlsQuantity transfer;

      decode_bw.value = decode_bw_value;
      if (!mls_calc_transfer_time (&kv, &network_bw, &transfer, error))
        return FALSE;
      ttft.value += transfer.value;
    }
  if (decode_cap_value > 0)
    capacity.value = decode_cap_value;
  if (!(decode_bw.value > 0))
    return invalid (error, _("%s has no memory bandwidth (memory.bandwidth)"),
                    mls_entry_get_name (MLS_ENTRY (hardware)));

  MlsQuantity itl, total = weights;
  double expected_tokens = 1;

  if (!mls_calc_decode_step_time (&weights, &kv, &decode_bw, layers, &c->layer_tax, &itl, error))
    return FALSE;
  total.value += kv.value;

  if (draft_params > 0)
    {
      MlsQuantity draft_weights, draft_kv, t_draft, verify = itl;

      /* The draft streams its own weights and KV cache; the reference adds no layer tax. */
      if (!mls_calc_model_memory (draft_params, &bpp, &draft_weights, error) ||
          !mls_calc_kv_cache_size (draft_layers, draft_heads, draft_hidden / draft_heads,
                                   seq_len, batch, &bpp, NULL, &draft_kv, error) ||
          !mls_calc_decode_step_time (&draft_weights, &draft_kv, &decode_bw, 0, &c->layer_tax,
                                      &t_draft, error) ||
          !mls_calc_speculative_expected_tokens (acceptance, c->speculative_gamma,
                                                 &expected_tokens, error) ||
          !mls_calc_speculative_step_time (&t_draft, &verify, c->speculative_gamma,
                                           expected_tokens, &itl, error))
        return FALSE;
      total.value += draft_weights.value;
    }

  MlsQuantity tokens_per_sec;
  gboolean feasible = total.value <= capacity.value;

  if (!mls_calc_token_throughput (batch, &itl, &tokens_per_sec, error))
    return FALSE;

  mls_ledger_set_quark (ledger, q[M_TTFT], &ttft);
  mls_ledger_set_quark (ledger, q[M_ITL], &itl);
  mls_ledger_set_quark (ledger, q[M_KV_CACHE_SIZE], &kv);
  mls_ledger_set_quark (ledger, q[M_MODEL_WEIGHTS_SIZE], &weights);
  mls_ledger_set_quark (ledger, q[M_TOTAL_MEMORY], &total);
  mls_ledger_set_quark (ledger, q[M_MEMORY_CAPACITY], &capacity);
  set_number (ledger, q[M_MEMORY_UTILIZATION],
              capacity.value > 0 ? total.value / capacity.value : INFINITY);
  mls_ledger_set_quark (ledger, q[M_TOKENS_PER_SEC], &tokens_per_sec);
  set_number (ledger, q[M_FEASIBLE], feasible);
  set_number (ledger, q[M_PREFILL_CHUNKS], chunks);
  mls_ledger_set_quark (ledger, q[M_PREFILL_CHUNK_TIME], &chunk_time);
  mls_ledger_set_quark (ledger, q[M_DECODE_STALL_BOUND], &chunk_time);
  set_number (ledger, q[M_PROMPT_CACHE_HIT_RATIO], (double) cached / seq_len);
  mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK,
                         feasible ? self->status_fits : self->status_oom);

  if (mls_ledger_get_explain (ledger))
    {
      const char *name = mls_entry_get_name (MLS_ENTRY (hardware));
      g_autofree char *need = format_in (&total, "GB");
      g_autofree char *w = format_in (&weights, "GB");
      g_autofree char *k = format_in (&kv, "GB");
      g_autofree char *have = format_in (&capacity, "GB");

      mls_ledger_explain (ledger, SOLVER_ID,
                          feasible
                            ? _("Memory Wall: Passed. Required %s (Weights: %s, KV Cache: %s) "
                                "<= Available %s on %s.")
                            : _("Memory Wall: FAILED. Required %s (Weights: %s, KV Cache: %s) "
                                "> Available %s on %s."),
                          need, w, k, have, disaggregated ? _("the decode device") : name);
      if (chunk_tokens > 0)
        {
          g_autofree char *t = format_in (&chunk_time, "ms");

          mls_ledger_explain (ledger, SOLVER_ID,
                              _("Serving Wall: Chunked prefill uses %u chunks of up to %u "
                                "tokens; decode interference is bounded by %s per prefill "
                                "chunk."),
                              chunks, chunk_tokens, t);
        }
      if (disaggregated)
        {
          g_autofree char *bw = format_in (&network_bw, "GB/s");

          mls_ledger_explain (ledger, SOLVER_ID,
                              _("Disaggregated decode: the %s KV cache crosses a %s link before "
                                "the first token."),
                              k, bw);
        }
      if (draft_params > 0)
        mls_ledger_explain (ledger, SOLVER_ID,
                            _("Speculative decoding: %u drafted tokens per step, %.4g accepted "
                              "on average (acceptance rate %.2f)."),
                            c->speculative_gamma, expected_tokens, acceptance);
    }
  return TRUE;
}

/* --- type ----------------------------------------------------------------------------- */

static void
solver_iface_init (MlsSolverInterface *iface)
{
  iface->describe = mls_serving_solver_describe;
  iface->prepare = mls_serving_solver_prepare;
  iface->solve = mls_serving_solver_solve;
}

static void
mls_serving_solver_class_init (MlsServingSolverClass *klass)
{
}

static void
mls_serving_solver_class_finalize (MlsServingSolverClass *klass)
{
}

static void
mls_serving_solver_init (MlsServingSolver *self)
{
  if (!mls_quantity_from_unit (0, "B", &self->zero_bytes, NULL))
    g_assert_not_reached ();
  /* Copied into GLib's tables, so they outlive this module should it be unloaded. */
  for (guint i = 0; i < N_METRICS; i++)
    self->quarks[i] = g_quark_from_string (metric_defs[i].id);
  self->status_fits = g_intern_string (_("Fits in memory"));
  self->status_oom = g_intern_string (_("Does not fit in memory"));
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  mls_serving_solver_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MLS_TYPE_SOLVER, MLS_TYPE_SERVING_SOLVER);
}
