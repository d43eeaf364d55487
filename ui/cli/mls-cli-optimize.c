/* mls-cli-optimize.c — `mlsysim optimize parallelism|batching|placement PLAN.yaml`
 *
 * Runs one of the optimizer plugins on a plan (or a model and hardware) and renders its
 * result as the reference does: "3D Parallelism", "Batching vs. SLA", "Global Placement
 * (Tax: $X/ton)". Exit status: 0 with an answer; 1 for bad input (and a parallelism or
 * placement question without a fleet); 2 when no parallel layout fits in memory; 3 when no
 * batch size meets the SLA.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mls-cli.h"

typedef enum
{
  OPT_PARALLELISM,
  OPT_BATCHING,
  OPT_PLACEMENT,
} Optimizer;

static const char * const optimizer_ids[] = { "parallelism", "batching", "placement" };

/* Ranked candidates the optimizers describe as metrics (SOLVER.topK_FIELD). */
#define MAX_RANKS 5

static gboolean
metric (MlsLedger  *ledger,
        const char *id,
        const char *unit,
        double     *out)
{
  MlsQuantity q;

  if (!mls_ledger_get (ledger, id, &q))
    return FALSE;
  if (unit == NULL)
    *out = q.value;
  else if (!mls_quantity_convert (&q, unit, out, NULL))
    return FALSE;
  return TRUE;
}

static double
value (MlsLedger  *ledger,
       const char *id,
       const char *unit)
{
  double v = 0;

  metric (ledger, id, unit, &v);
  return v;
}

static gboolean
rank_value (MlsLedger  *ledger,
            const char *solver,
            guint       k,
            const char *field,
            const char *unit,
            double     *out)
{
  g_autofree char *id = g_strdup_printf ("%s.top%u_%s", solver, k, field);

  return metric (ledger, id, unit, out);
}

static const char *
rank_text (MlsLedger  *ledger,
           const char *solver,
           guint       k,
           const char *field)
{
  g_autofree char *id = g_strdup_printf ("%s.top%u_%s", solver, k, field);

  return mls_ledger_get_text (ledger, id);
}

static void
add_double (JsonBuilder *b,
            const char  *name,
            double       v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, v);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         double       v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, (gint64) v);
}

/* --- parallelism ----------------------------------------------------------------------- */

static void
render_parallelism (MlsCli      *cli,
                    MlsScenario *scenario,
                    MlsLedger   *ledger)
{
  gboolean found = value (ledger, "parallelism.feasible", NULL) != 0;
  double tp = 0, pp = 0, dp = 0, ep = 0, mfu = 0, step = 0;

  if (cli->format == MLS_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "scenario");
      json_builder_add_string_value (b, mls_scenario_get_name (scenario));
      add_double (b, "objective_value", value (ledger, "parallelism.best_mfu", NULL));
      json_builder_set_member_name (b, "best_config");
      json_builder_begin_object (b);
      if (found)
        {
          add_int (b, "tp", value (ledger, "parallelism.best_tp", NULL));
          add_int (b, "pp", value (ledger, "parallelism.best_pp", NULL));
          add_int (b, "dp", value (ledger, "parallelism.best_dp", NULL));
          add_int (b, "ep", value (ledger, "parallelism.best_ep", NULL));
        }
      json_builder_end_object (b);
      add_double (b, "best_mfu", value (ledger, "parallelism.best_mfu", NULL));
      add_double (b, "best_throughput", value (ledger, "parallelism.best_throughput", "/s"));
      add_double (b, "best_step_time_ms", value (ledger, "parallelism.best_step_time", "ms"));
      add_int (b, "total_searched", value (ledger, "parallelism.total_searched", NULL));
      add_int (b, "search_space_size", value (ledger, "parallelism.search_space_size", NULL));
      json_builder_set_member_name (b, "is_feasible");
      json_builder_add_boolean_value (b, found);
      json_builder_set_member_name (b, "top_candidates");
      json_builder_begin_array (b);
      for (guint k = 1; k <= MAX_RANKS; k++)
        {
          if (!rank_value (ledger, "parallelism", k, "tp", NULL, &tp))
            break;
          rank_value (ledger, "parallelism", k, "pp", NULL, &pp);
          rank_value (ledger, "parallelism", k, "dp", NULL, &dp);
          rank_value (ledger, "parallelism", k, "ep", NULL, &ep);
          rank_value (ledger, "parallelism", k, "mfu", NULL, &mfu);
          rank_value (ledger, "parallelism", k, "step_time", "ms", &step);
          json_builder_begin_object (b);
          add_int (b, "tp", tp);
          add_int (b, "pp", pp);
          add_int (b, "dp", dp);
          add_int (b, "ep", ep);
          add_double (b, "mfu", mfu);
          add_double (b, "step_time_ms", step);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      mls_cli_print_json_short (root);
      return;
    }

  if (cli->format == MLS_FORMAT_MARKDOWN)
    g_print ("## %s: %s\n\n", _("3D Parallelism"), mls_scenario_get_name (scenario));
  else
    g_print ("%s — %s\n", _("3D Parallelism"), mls_scenario_get_name (scenario));
  if (!found)
    {
      g_print ("%s\n", _("No valid parallelism configurations found for this cluster size."));
      return;
    }
  if (cli->format == MLS_FORMAT_MARKDOWN)
    g_print ("| %s | TP | PP | DP | EP | MFU | %s |\n|---:|---:|---:|---:|---:|---:|---:|\n",
             _("Rank"), _("Step time (ms)"));
  else
    {
      g_print (_("  Best: TP %.0f × PP %.0f × DP %.0f × EP %.0f, MFU %.1f%%, %.4g samples/s, "
                 "step %.6g ms\n"),
               value (ledger, "parallelism.best_tp", NULL),
               value (ledger, "parallelism.best_pp", NULL),
               value (ledger, "parallelism.best_dp", NULL),
               value (ledger, "parallelism.best_ep", NULL),
               value (ledger, "parallelism.best_mfu", "%"),
               value (ledger, "parallelism.best_throughput", "/s"),
               value (ledger, "parallelism.best_step_time", "ms"));
      g_print (_("  Searched %.0f of %.0f layouts (the others do not divide the fleet or do "
                 "not fit in memory)\n\n"),
               value (ledger, "parallelism.total_searched", NULL),
               value (ledger, "parallelism.search_space_size", NULL));
      g_print ("  %-4s %4s %4s %5s %4s %8s %12s\n", _("Rank"), "TP", "PP", "DP", "EP", "MFU",
               _("Step (ms)"));
    }
  for (guint k = 1; k <= MAX_RANKS; k++)
    {
      if (!rank_value (ledger, "parallelism", k, "tp", NULL, &tp))
        break;
      rank_value (ledger, "parallelism", k, "pp", NULL, &pp);
      rank_value (ledger, "parallelism", k, "dp", NULL, &dp);
      rank_value (ledger, "parallelism", k, "ep", NULL, &ep);
      rank_value (ledger, "parallelism", k, "mfu", "%", &mfu);
      rank_value (ledger, "parallelism", k, "step_time", "ms", &step);
      if (cli->format == MLS_FORMAT_MARKDOWN)
        g_print ("| %u | %.0f | %.0f | %.0f | %.0f | %.1f%% | %.6g |\n", k, tp, pp, dp, ep, mfu,
                 step);
      else
        g_print ("  %-4u %4.0f %4.0f %5.0f %4.0f %7.1f%% %12.6g\n", k, tp, pp, dp, ep, mfu,
                 step);
    }
}

static void
row (MlsCli     *cli,
     const char *label,
     const char *format,
     ...) G_GNUC_PRINTF (3, 4);

/* One "label value" line of a result, or a Markdown table row. */
static void
row (MlsCli     *cli,
     const char *label,
     const char *format,
     ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  if (cli->format == MLS_FORMAT_MARKDOWN)
    g_print ("| %s | %s |\n", label, text);
  else
    g_print ("  %-24s %s\n", label, text);
}

/* --- batching --------------------------------------------------------------------------- */

static void
render_batching (MlsCli      *cli,
                 MlsScenario *scenario,
                 MlsLedger   *ledger)
{
  gboolean found = value (ledger, "batching.feasible", NULL) != 0;
  double b = value (ledger, "batching.best_batch_size", NULL);

  if (cli->format == MLS_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) jb = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (jb);
      json_builder_set_member_name (jb, "scenario");
      json_builder_add_string_value (jb, mls_scenario_get_name (scenario));
      /* the reference minimises −b */
      add_double (jb, "objective_value", found ? -b : 0);
      json_builder_set_member_name (jb, "best_config");
      json_builder_begin_object (jb);
      add_int (jb, "max_batch_size", b);
      json_builder_end_object (jb);
      add_int (jb, "best_batch_size", b);
      add_double (jb, "max_throughput_tokens_per_s",
                  value (ledger, "batching.max_throughput", "/s"));
      add_double (jb, "p99_latency_ms", value (ledger, "batching.p99_latency", "ms"));
      add_double (jb, "p50_latency_ms", value (ledger, "batching.p50_latency", "ms"));
      add_double (jb, "service_time_ms", value (ledger, "batching.service_time", "ms"));
      add_double (jb, "queue_utilization", value (ledger, "batching.queue_utilization", NULL));
      add_double (jb, "slo_headroom_ratio", value (ledger, "batching.slo_headroom_ratio", NULL));
      add_double (jb, "sla_ms", value (ledger, "batching.sla_latency", "ms"));
      add_double (jb, "arrival_rate_qps", value (ledger, "batching.arrival_rate", "/s"));
      json_builder_set_member_name (jb, "is_feasible");
      json_builder_add_boolean_value (jb, found);
      add_int (jb, "total_searched", value (ledger, "batching.total_searched", NULL));
      json_builder_end_object (jb);
      root = json_builder_get_root (jb);
      mls_cli_print_json_short (root);
      return;
    }

  if (cli->format == MLS_FORMAT_MARKDOWN)
    g_print ("## %s: %s\n\n| %s | %s |\n|---|---:|\n", _("Batching vs. SLA"),
             mls_scenario_get_name (scenario), _("Metric"), _("Value"));
  else
    g_print ("%s — %s\n", _("Batching vs. SLA"), mls_scenario_get_name (scenario));

  row (cli, _("P99 SLA"), "%.6g ms", value (ledger, "batching.sla_latency", "ms"));
  row (cli, _("Request rate"), "%.6g /s", value (ledger, "batching.arrival_rate", "/s"));
  if (!found)
    {
      row (cli, _("Best batch size"), "%s", _("none meets the SLA"));
      return;
    }
  row (cli, _("Best batch size"), "%.0f", b);
  row (cli, _("P99 latency"), "%.6g ms", value (ledger, "batching.p99_latency", "ms"));
  row (cli, _("P50 latency"), "%.6g ms", value (ledger, "batching.p50_latency", "ms"));
  row (cli, _("Service time"), "%.6g ms", value (ledger, "batching.service_time", "ms"));
  row (cli, _("Queue utilisation"), "%.3g", value (ledger, "batching.queue_utilization", NULL));
  row (cli, _("SLO headroom ratio"), "%.3g", value (ledger, "batching.slo_headroom_ratio", NULL));
  row (cli, _("Throughput"), "%.6g tokens/s", value (ledger, "batching.max_throughput", "/s"));
}

/* --- placement ------------------------------------------------------------------------- */

static void
render_placement (MlsCli      *cli,
                  MlsScenario *scenario,
                  MlsLedger   *ledger)
{
  double tax = value (ledger, "placement.carbon_tax", "USD/t");
  const char *best = mls_ledger_get_text (ledger, "placement.best_region");
  double objective = 0, tco = 0, carbon = 0;
  g_autofree char *title = g_strdup_printf (_("Global Placement (Tax: $%.6g/ton)"), tax);

  if (cli->format == MLS_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "scenario");
      json_builder_add_string_value (b, mls_scenario_get_name (scenario));
      add_double (b, "objective_value", value (ledger, "placement.objective", "USD"));
      json_builder_set_member_name (b, "best_config");
      json_builder_begin_object (b);
      if (best != NULL)
        {
          json_builder_set_member_name (b, "region");
          json_builder_add_string_value (b, best);
        }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "best_region");
      if (best != NULL)
        json_builder_add_string_value (b, best);
      else
        json_builder_add_null_value (b);
      add_double (b, "lowest_tco_usd", value (ledger, "placement.lowest_tco", "USD"));
      add_double (b, "carbon_footprint_t", value (ledger, "placement.carbon_footprint", "t"));
      add_double (b, "pue", value (ledger, "placement.pue", NULL));
      add_double (b, "carbon_tax_usd_per_t", tax);
      add_int (b, "total_searched", value (ledger, "placement.total_searched", NULL));
      json_builder_set_member_name (b, "top_candidates");
      json_builder_begin_array (b);
      for (guint k = 1; k <= MAX_RANKS; k++)
        {
          const char *region = rank_text (ledger, "placement", k, "region");

          if (region == NULL)
            break;
          rank_value (ledger, "placement", k, "objective", "USD", &objective);
          rank_value (ledger, "placement", k, "tco", "USD", &tco);
          rank_value (ledger, "placement", k, "carbon", "t", &carbon);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "region");
          json_builder_add_string_value (b, region);
          add_double (b, "objective_usd", objective);
          add_double (b, "tco_usd", tco);
          add_double (b, "carbon_t", carbon);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      mls_cli_print_json_short (root);
      return;
    }

  if (cli->format == MLS_FORMAT_MARKDOWN)
    g_print ("## %s: %s\n\n| %s | %s | %s | %s | %s |\n|---:|---|---:|---:|---:|\n", title,
             mls_scenario_get_name (scenario), _("Rank"), _("Region"), _("Objective (USD)"),
             _("TCO (USD)"), _("Carbon (t)"));
  else
    {
      g_print ("%s — %s\n", title, mls_scenario_get_name (scenario));
      g_print (_("  Best region: %s (PUE %.3g), TCO $%.2f + %.4g t CO₂ × $%.6g = $%.2f\n\n"),
               best ? best : "–", value (ledger, "placement.pue", NULL),
               value (ledger, "placement.lowest_tco", "USD"),
               value (ledger, "placement.carbon_footprint", "t"), tax,
               value (ledger, "placement.objective", "USD"));
      g_print ("  %-4s %-12s %16s %14s %12s\n", _("Rank"), _("Region"), _("Objective (USD)"),
               _("TCO (USD)"), _("Carbon (t)"));
    }
  for (guint k = 1; k <= MAX_RANKS; k++)
    {
      const char *region = rank_text (ledger, "placement", k, "region");

      if (region == NULL)
        break;
      rank_value (ledger, "placement", k, "objective", "USD", &objective);
      rank_value (ledger, "placement", k, "tco", "USD", &tco);
      rank_value (ledger, "placement", k, "carbon", "t", &carbon);
      if (cli->format == MLS_FORMAT_MARKDOWN)
        g_print ("| %u | %s | %.2f | %.2f | %.4g |\n", k, region, objective, tco, carbon);
      else
        g_print ("  %-4u %-12s %16.2f %14.2f %12.4g\n", k, region, objective, tco, carbon);
    }
}

/* --- the command ---------------------------------------------------------------------------- */

static gboolean
set_quantity (MlsScenario *scenario,
              const char  *id,
              const char  *option,
              const char  *text,
              const char  *unit,
              GError     **error)
{
  char *end = NULL;
  double v = g_ascii_strtod (text, &end);
  MlsQuantity q;

  if (end == text || *end != '\0' || !isfinite (v) || v < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s must be a number of zero or more; got “%s”"), option, text);
      return FALSE;
    }
  if (!mls_quantity_from_unit (v, unit, &q, error))
    return FALSE;
  mls_scenario_set_parameter (scenario, id, &q);
  return TRUE;
}

int
mls_cli_optimize (MlsCli *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) scenario = NULL;
  g_autoptr(MlsLedger) ledger = NULL;
  g_autofree GOptionEntry *knob_entries = NULL;
  g_autofree char *tax = NULL;
  g_autofree char *sla = NULL;
  g_autofree char *qps = NULL;
  g_autofree char *replicas = NULL;
  g_autofree char *regions = NULL;
  g_autofree char *max_tp = NULL;
  g_autofree char *max_pp = NULL;
  MlsCliKnobs knobs;
  MlsRegistry *registry;
  MlsEngine *engine;
  Optimizer which = OPT_PARALLELISM;
  const char *ids[2] = { NULL, NULL };
  const char *message = NULL;
  MlsSolveStatus solved;
  int status = MLS_EXIT_OK;
  gboolean known = FALSE;
  GOptionEntry entries[] = {
    { "carbon-tax", 0, 0, G_OPTION_ARG_STRING, &tax,
      N_("placement: carbon price in USD per metric ton of CO₂ (default 100)"),
      N_("USD_PER_TON") },
    { "regions", 0, 0, G_OPTION_ARG_STRING, &regions,
      N_("placement: the grid regions to compare, comma-separated (default: every grid)"),
      N_("A,B,…") },
    { "sla-ms", 0, 0, G_OPTION_ARG_STRING, &sla,
      N_("batching: the P99 latency SLA in milliseconds"), N_("MS") },
    { "qps", 0, 0, G_OPTION_ARG_STRING, &qps,
      N_("batching: requests arriving per second"), N_("QPS") },
    { "replicas", 0, 0, G_OPTION_ARG_STRING, &replicas,
      N_("batching: servers sharing the queue (default 1)"), N_("N") },
    { "max-tp", 0, 0, G_OPTION_ARG_STRING, &max_tp,
      N_("parallelism: largest tensor-parallel degree (default: accelerators per node)"),
      N_("N") },
    { "max-pp", 0, 0, G_OPTION_ARG_STRING, &max_pp,
      N_("parallelism: largest pipeline-parallel degree (default: the fleet)"), N_("N") },
    { NULL },
  };

  mls_cli_knobs_init (&knobs);
  knob_entries = mls_cli_knob_entries (&knobs, TRUE);
  context = mls_cli_option_context (cli, knob_entries);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("parallelism: the tensor × pipeline (× expert) layout with the highest MFU that fits in "
      "memory, on the plan's fleet.\n"
      "batching: the largest batch whose P99 latency meets --sla-ms at --qps.\n"
      "placement: the region with the lowest TCO + carbon × --carbon-tax.\n\n"
      "Examples:\n"
      "  mlsysim optimize parallelism fleet.yaml\n"
      "  mlsysim optimize batching Llama3_8B H100 -s 512 --sla-ms 30000 --qps 5\n"
      "  mlsysim optimize placement fleet.yaml --carbon-tax 200 --regions US_Avg,Quebec,Iowa\n\n"
      "Exit status: 0 success, 1 bad input, 2 no layout fits in memory, 3 no batch meets the "
      "SLA.\n\n"
      "Output formats: text, json, markdown.\n"));
  if (!mls_cli_parse_options (cli, context, &argc, &argv))
    {
      mls_cli_knobs_clear (&knobs);
      return MLS_EXIT_BAD_INPUT;
    }
  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (optimizer_ids); i++)
    if (g_ascii_strcasecmp (argv[1], optimizer_ids[i]) == 0)
      {
        which = (Optimizer) i;
        known = TRUE;
      }
  if (argc < 3 || argc > 4 || !known)
    {
      mls_cli_knobs_clear (&knobs);
      return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                           argc >= 2 && !known
                           ? _("Unknown optimizer; use parallelism, batching or placement")
                           : _("Expected an optimizer (parallelism, batching or placement) and "
                               "a plan file, or a model and hardware. Example: mlsysim "
                               "optimize parallelism fleet.yaml"));
    }
  ids[0] = optimizer_ids[which];
  if (which == OPT_BATCHING && (sla == NULL || qps == NULL))
    {
      mls_cli_knobs_clear (&knobs);
      return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                           _("optimize batching needs --sla-ms and --qps"));
    }
  if ((registry = mls_cli_registry (cli, &status)) == NULL ||
      (scenario = mls_cli_load_target (cli, registry, argc - 1, argv + 1, &status)) == NULL)
    {
      mls_cli_knobs_clear (&knobs);
      return status;
    }
  if (!mls_cli_apply_knobs (&knobs, scenario, registry, &error))
    {
      mls_cli_knobs_clear (&knobs);
      return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
    }
  mls_cli_knobs_clear (&knobs);

  /* The reference's optimize parallelism is a training question on a fleet. */
  if (which == OPT_PARALLELISM)
    {
      if (mls_scenario_get_fleet (scenario) == NULL)
        return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                             _("optimize parallelism needs a fleet: set hardware.nodes above 1 "
                               "in the plan"));
      mls_scenario_set_training (scenario, TRUE);
    }
  if ((tax && !set_quantity (scenario, "placement.carbon_tax", "--carbon-tax", tax, "USD/t",
                             &error)) ||
      (sla && !set_quantity (scenario, "batching.sla", "--sla-ms", sla, "ms", &error)) ||
      (qps && !set_quantity (scenario, "batching.qps", "--qps", qps, "request/s", &error)) ||
      (replicas && !set_quantity (scenario, "batching.replicas", "--replicas", replicas, "",
                                  &error)) ||
      (max_tp && !set_quantity (scenario, "parallelism.max_tp", "--max-tp", max_tp, "",
                                &error)) ||
      (max_pp && !set_quantity (scenario, "parallelism.max_pp", "--max-pp", max_pp, "",
                                &error)))
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
  if (regions != NULL)
    {
      g_auto(GStrv) names = g_strsplit (regions, ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        g_strstrip (names[i]);
      mls_scenario_set_text_list (scenario, "placement.regions", (const char * const *) names);
    }

  engine = mls_engine_get_default ();
  mls_cli_load_errors (cli, engine, TRUE);
  ledger = mls_ledger_new ();
  if (!mls_engine_solve (engine, ids, scenario, ledger, &error))
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
  solved = mls_ledger_get_status (ledger, ids[0], &message);
  if (solved == MLS_SOLVE_FAILED)
    return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                         message ? message : _("the optimizer failed"));
  if (solved == MLS_SOLVE_SKIPPED)
    {
      g_autofree char *reason = g_strdup_printf (_("%s %s"), ids[0],
                                                 message ? message : _("was skipped"));
      return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), reason);
    }

  switch (which)
    {
    case OPT_PARALLELISM:
      render_parallelism (cli, scenario, ledger);
      if (value (ledger, "parallelism.feasible", NULL) == 0)
        {
          if (cli->format != MLS_FORMAT_JSON)
            g_printerr ("mlsysim: %s: %s\n", _("Physics Violation (Out of Memory)"),
                        _("No valid parallelism configurations found for this cluster size."));
          return MLS_EXIT_PHYSICS;
        }
      break;
    case OPT_BATCHING:
      render_batching (cli, scenario, ledger);
      if (value (ledger, "batching.feasible", NULL) == 0)
        {
          if (cli->format != MLS_FORMAT_JSON)
            g_printerr ("mlsysim: %s\n  ✗ %s\n", _("SLA / Constraint Violation"),
                        _("No batch size meets the P99 SLA at this request rate"));
          return MLS_EXIT_SLA;
        }
      break;
    case OPT_PLACEMENT:
    default:
      render_placement (cli, scenario, ledger);
      break;
    }
  return MLS_EXIT_OK;
}
