/* mls-cli-serve.c — `mlsysim serve MODEL HARDWARE`: prefill, decode and the KV cache
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mls-cli.h"

#define CHUNK_PARAMETER "serving.prefill_chunk_tokens"

static double
metric (MlsLedger  *ledger,
        const char *id,
        const char *unit)
{
  MlsQuantity q;
  double v = NAN;

  if (mls_ledger_get (ledger, id, &q))
    {
      if (unit == NULL)
        v = q.value;
      else
        mls_quantity_convert (&q, unit, &v, NULL);
    }
  return v;
}

/* The reference rounds tokens/s to one decimal and utilisation to three. */
static double
round_to (double value,
          int    decimals)
{
  double scale = pow (10, decimals);

  return round (value * scale) / scale;
}

static void
add_double (JsonBuilder *b,
            const char  *key,
            double       value)
{
  json_builder_set_member_name (b, key);
  if (isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

int
mls_cli_serve (MlsCli *cli,
               int     argc,
               char  **argv)
{
  static const char * const ids[] = { "serving", NULL };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) scenario = NULL;
  g_autoptr(MlsLedger) ledger = NULL;
  g_autofree GOptionEntry *knob_entries = NULL;
  g_autofree char *chunk_text = NULL;
  const char *model, *hardware, *message = NULL;
  MlsCliKnobs knobs;
  MlsRegistry *registry;
  MlsEngine *engine;
  MlsSolveStatus solve_status;
  gboolean chunked, feasible;
  double ttft, itl, tokens, kv, utilization, eta;
  guint batch, seq_len;
  const char *precision;
  int status = MLS_EXIT_OK;
  GOptionEntry entries[] = {
    { "prefill-chunk-tokens", 0, 0, G_OPTION_ARG_STRING, &chunk_text,
      N_("Prefill the prompt in chunks of this many tokens, to bound decode stalls"), N_("N") },
    { NULL },
  };

  mls_cli_knobs_init (&knobs);
  knob_entries = mls_cli_knob_entries (&knobs, FALSE);
  context = mls_cli_option_context (cli, knob_entries);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Time to first token (prefill), inter-token latency (decode), throughput and the KV "
      "cache of a transformer on one device.\n\n"
      "Examples:\n"
      "  mlsysim serve Llama3_8B H100 --seq-len 4096 -b 8\n"
      "  mlsysim serve Llama3_70B H100 -p fp8\n"
      "  mlsysim serve Llama3_8B H100 --seq-len 8192 --prefill-chunk-tokens 512\n\n"
      "Exit status: 0 success, 1 bad input, 2 the weights and KV cache do not fit.\n\n"
      "Output formats: text, json, markdown.\n"));
  if (!mls_cli_parse_options (cli, context, &argc, &argv))
    {
      mls_cli_knobs_clear (&knobs);
      return MLS_EXIT_BAD_INPUT;
    }
  if (argc != 3)
    {
      mls_cli_knobs_clear (&knobs);
      return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                           _("Expected a model and hardware. Example: mlsysim serve Llama3_8B "
                             "H100 --seq-len 2048"));
    }
  if ((registry = mls_cli_registry (cli, &status)) == NULL)
    {
      mls_cli_knobs_clear (&knobs);
      return status;
    }

  scenario = mls_cli_quick_scenario (registry, argv[1], argv[2], &error);
  if (scenario == NULL || !mls_cli_apply_knobs (&knobs, scenario, registry, &error))
    {
      mls_cli_knobs_clear (&knobs);
      return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
    }
  mls_cli_knobs_clear (&knobs);
  model = mls_entry_get_key (MLS_ENTRY (mls_scenario_get_workload (scenario)));
  hardware = mls_entry_get_key (MLS_ENTRY (mls_scenario_get_hardware (scenario)));

  {
    MlsWorkloadKind kind = mls_workload_get_kind (mls_scenario_get_workload (scenario));
    if (kind != MLS_WORKLOAD_TRANSFORMER && kind != MLS_WORKLOAD_MOE)
      {
        g_autofree char *reason = g_strdup_printf (
          _("Serving analysis needs a transformer, but “%s” is not one. Use “mlsysim eval” "
            "for other workloads"), model);
        return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), reason);
      }
  }

  engine = mls_engine_get_default ();
  mls_cli_load_errors (cli, engine, TRUE);
  chunked = chunk_text != NULL;
  if (chunked)
    {
      guint64 tokens_per_chunk;

      /* The plugin reads 0 as "no chunking"; on the command line a chunk has tokens. */
      if (!g_ascii_string_to_unsigned (chunk_text, 10, 1, G_MAXUINT32, &tokens_per_chunk, NULL))
        {
          g_autofree char *reason = g_strdup_printf (
            _("--prefill-chunk-tokens must be a whole number of at least 1; got “%s”"),
            chunk_text);
          return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), reason);
        }
    }
  if (chunked && !mls_cli_set_parameter (engine, ids, scenario, CHUNK_PARAMETER, chunk_text, NULL,
                                         &error))
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
  mls_cli_warn_efficiency (cli, registry, scenario);

  ledger = mls_ledger_new ();
  if (!mls_engine_solve (engine, ids, scenario, ledger, &error))
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Evaluation Error"), error);
  solve_status = mls_ledger_get_status (ledger, "serving", &message);
  if (solve_status != MLS_SOLVE_OK)
    return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Evaluation Error"),
                         message ? message : _("the serving solver did not run"));

  batch = mls_scenario_get_batch_size (scenario);
  seq_len = mls_scenario_get_seq_len (scenario);
  precision = mls_precision_to_string (mls_scenario_get_precision (scenario));
  eta = mls_scenario_get_efficiency (scenario);
  feasible = metric (ledger, "serving.feasible", NULL) > 0;
  ttft = metric (ledger, "serving.ttft", "ms");
  itl = metric (ledger, "serving.itl", "ms");
  /* batch tokens per decode step: batch / ITL */
  tokens = itl > 0 ? batch / (itl / 1000.0) : INFINITY;
  kv = metric (ledger, "serving.kv_cache_size", "GB");
  utilization = metric (ledger, "serving.memory_utilization", NULL);

  if (cli->format == MLS_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "model");
      json_builder_add_string_value (b, model);
      json_builder_set_member_name (b, "hardware");
      json_builder_add_string_value (b, hardware);
      json_builder_set_member_name (b, "seq_len");
      json_builder_add_int_value (b, seq_len);
      json_builder_set_member_name (b, "batch_size");
      json_builder_add_int_value (b, batch);
      json_builder_set_member_name (b, "precision");
      json_builder_add_string_value (b, precision);
      add_double (b, "efficiency", eta);
      json_builder_set_member_name (b, "feasible");
      json_builder_add_boolean_value (b, feasible);
      add_double (b, "ttft_ms", ttft);
      add_double (b, "itl_ms", itl);
      add_double (b, "tokens_per_sec", round_to (tokens, 1));
      add_double (b, "kv_cache_gb", kv);
      add_double (b, "memory_utilization", round_to (utilization, 3));
      if (chunked)
        {
          json_builder_set_member_name (b, "prefill_chunks");
          json_builder_add_int_value (b, (gint64) metric (ledger, "serving.prefill_chunks",
                                                          NULL));
          add_double (b, "prefill_chunk_time_ms",
                      metric (ledger, "serving.prefill_chunk_time", "ms"));
          add_double (b, "decode_stall_bound_ms",
                      metric (ledger, "serving.decode_stall_bound", "ms"));
        }
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      mls_cli_print_json_short (root);
    }
  else if (cli->format == MLS_FORMAT_MARKDOWN)
    {
      g_print (_("## Serving Analysis: %s on %s\n\n"), model, hardware);
      g_print ("| %s | %s |\n|---|---:|\n", _("Metric"), _("Value"));
      g_print ("| %s | %u |\n", _("Sequence Length"), seq_len);
      g_print ("| %s | %u |\n", _("Batch Size"), batch);
      g_print ("| %s | %s |\n", _("Precision"), precision);
      g_print ("| %s | %.0f%% |\n", _("Efficiency"), eta * 100);
      g_print ("| %s | %s |\n", _("Feasible"), feasible ? _("Yes") : _("No"));
      g_print ("| %s | %.2f ms |\n", _("TTFT (prefill)"), ttft);
      g_print ("| %s | %.4f ms |\n", _("ITL (decode)"), itl);
      if (chunked)
        {
          g_print ("| %s | %.0f |\n", _("Prefill Chunks"),
                   metric (ledger, "serving.prefill_chunks", NULL));
          g_print ("| %s | %.2f ms |\n", _("Decode Stall Max"),
                   metric (ledger, "serving.decode_stall_bound", "ms"));
        }
      g_print ("| %s | %.1f |\n", _("Tokens/s"), tokens);
      g_print ("| %s | %.2f GB |\n", _("KV Cache"), kv);
      g_print ("| %s | %.1f%% |\n", _("Memory Usage"), utilization * 100);
    }
  else
    {
      g_print (_("\n  Serving Analysis: %s on %s\n"), model, hardware);
      g_print ("  ──────────────────────────────────────────────────\n");
      g_print ("  %-17s: %u\n", _("Sequence Length"), seq_len);
      g_print ("  %-17s: %u\n", _("Batch Size"), batch);
      g_print ("  %-17s: %s\n", _("Precision"), precision);
      g_print ("  %-17s: %.0f%%\n", _("Efficiency"), eta * 100);
      g_print ("  %-17s: %s\n", _("Feasible"), feasible ? _("Yes") : _("No"));
      g_print ("  ──────────────────────────────────────────────────\n");
      g_print ("  %-17s: %.2f ms\n", _("TTFT (prefill)"), ttft);
      g_print ("  %-17s: %.4f ms\n", _("ITL (decode)"), itl);
      if (chunked)
        {
          g_print ("  %-17s: %.0f\n", _("Prefill Chunks"),
                   metric (ledger, "serving.prefill_chunks", NULL));
          g_print ("  %-17s: %.2f ms\n", _("Decode Stall Max"),
                   metric (ledger, "serving.decode_stall_bound", "ms"));
        }
      g_print ("  %-17s: %.1f\n", _("Tokens/s"), tokens);
      g_print ("  %-17s: %.2f GB\n", _("KV Cache"), kv);
      g_print ("  %-17s: %.1f%%\n\n", _("Memory Usage"), utilization * 100);
    }

  if (!feasible)
    {
      g_printerr ("mlsysim: %s: %s\n", _("Physics Violation (Out of Memory)"),
                  mls_ledger_get_status (ledger, "serving", &message) == MLS_SOLVE_OK && message
                  ? message : _("the weights and KV cache do not fit in device memory"));
      return MLS_EXIT_PHYSICS;
    }
  return MLS_EXIT_OK;
}
