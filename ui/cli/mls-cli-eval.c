/* mls-cli-eval.c — `mlsysim eval MODEL HARDWARE | PLAN.yaml | SCENARIO_KEY`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mls-cli.h"

/* Solver parameters a plan sets must exist and be in range, as on the command line. */
static gboolean
check_plan_parameters (MlsEngine   *engine,
                       MlsScenario *scenario,
                       const char  *path,
                       GError     **error)
{
  g_auto(GStrv) ids = mls_scenario_list_parameters (scenario);
  g_auto(GStrv) solvers = NULL;

  /* listing every solver loads the Python ones too: only when there is something to check */
  if (ids[0] == NULL)
    return TRUE;
  solvers = mls_engine_list_solvers (engine);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      MlsQuantity q;

      mls_scenario_get_parameter (scenario, ids[i], &q);
      if (!mls_cli_set_parameter (engine, (const char * const *) solvers, scenario, ids[i], NULL,
                                  &q, error))
        {
          g_prefix_error (error, "%s: parameters.%s: ", path, ids[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static int
print_system_ledger (MlsCli                *cli,
                     const MlsSystemLedger *ledger)
{
  g_autofree char *json = NULL;
  double v;

  switch (cli->format)
    {
    case MLS_FORMAT_JSON:
      json = mls_system_ledger_to_json (ledger);
      g_print ("%s\n", json);
      break;

    case MLS_FORMAT_MARKDOWN:
      g_print (_("## System Ledger: %s\n\n"), ledger->mission_name);
      g_print (_("*%s* — %s\n\n"), ledger->track_name, ledger->choice_summary);
      g_print ("| %s | %s |\n|---|---:|\n", _("Metric"), _("Value"));
      mls_quantity_convert (&ledger->latency, "ms", &v, NULL);
      g_print ("| %s | %.3f ms |\n", _("Latency"), v);
      g_print ("| %s | %.4g /s |\n", _("Fleet throughput"), ledger->throughput.value);
      g_print ("| %s | %.1f%% |\n", _("MFU"), ledger->mfu * 100);
      g_print ("| %s | %s |\n", _("Bottleneck"), ledger->bottleneck ? ledger->bottleneck : "");
      mls_quantity_convert (&ledger->energy, "kWh", &v, NULL);
      g_print ("| %s | %.4g kWh |\n", _("Energy"), v);
      mls_quantity_convert (&ledger->carbon, "kg", &v, NULL);
      g_print ("| %s | %.4g kg |\n", _("Carbon"), v);
      g_print ("| %s | %.3g |\n", _("PUE"), ledger->pue);
      mls_quantity_convert (&ledger->water, "L", &v, NULL);
      g_print ("| %s | %.4g L |\n", _("Water"), v);
      g_print ("| %s | $%.4g |\n", _("CapEx"), ledger->capex.value);
      g_print ("| %s | $%.4g |\n", _("OpEx"), ledger->opex.value);
      g_print ("| %s | $%.4g |\n", _("TCO"), ledger->tco.value);
      g_print ("| %s | $%.4g |\n", _("Cost per million samples"), ledger->cost_per_million.value);
      mls_quantity_convert (&ledger->mttf, "h", &v, NULL);
      g_print ("| %s | %.4g h |\n", _("Fleet MTBF"), v);
      g_print ("| %s | %.1f%% |\n", _("Goodput"), ledger->goodput * 100);
      break;

    case MLS_FORMAT_TEXT:
    default:
      g_print (_("System Ledger: %s\n"), ledger->mission_name);
      g_print ("  %s — %s\n", ledger->track_name, ledger->choice_summary);
      mls_quantity_convert (&ledger->latency, "ms", &v, NULL);
      g_print ("  %-26s %.3f ms\n", _("Latency"), v);
      g_print ("  %-26s %.4g /s\n", _("Fleet throughput"), ledger->throughput.value);
      g_print ("  %-26s %.1f%%\n", _("MFU"), ledger->mfu * 100);
      g_print ("  %-26s %s\n", _("Bottleneck"), ledger->bottleneck ? ledger->bottleneck : "");
      mls_quantity_convert (&ledger->energy, "kWh", &v, NULL);
      g_print ("  %-26s %.4g kWh\n", _("Energy"), v);
      mls_quantity_convert (&ledger->carbon, "kg", &v, NULL);
      g_print ("  %-26s %.4g kg\n", _("Carbon"), v);
      g_print ("  %-26s %.3g\n", _("PUE"), ledger->pue);
      mls_quantity_convert (&ledger->water, "L", &v, NULL);
      g_print ("  %-26s %.4g L\n", _("Water"), v);
      g_print ("  %-26s $%.4g\n", _("CapEx"), ledger->capex.value);
      g_print ("  %-26s $%.4g\n", _("OpEx"), ledger->opex.value);
      g_print ("  %-26s $%.4g\n", _("TCO"), ledger->tco.value);
      g_print ("  %-26s $%.4g\n", _("Cost per million samples"), ledger->cost_per_million.value);
      mls_quantity_convert (&ledger->mttf, "h", &v, NULL);
      g_print ("  %-26s %.4g h\n", _("Fleet MTBF"), v);
      g_print ("  %-26s %.1f%%\n", _("Goodput"), ledger->goodput * 100);
      break;
    }
  return MLS_EXIT_OK;
}

static void
print_evaluation (MlsCli        *cli,
                  MlsEvaluation *evaluation,
                  const char    *status,
                  const char    *title,
                  const char    *reason)
{
  g_autofree char *text = NULL;

  switch (cli->format)
    {
    case MLS_FORMAT_JSON:
      {
        g_autoptr(JsonParser) parser = json_parser_new ();
        g_autofree char *json = mls_evaluation_to_json (evaluation);
        JsonObject *object;

        json_parser_load_from_data (parser, json, -1, NULL);
        object = json_node_get_object (json_parser_get_root (parser));
        /* A physics failure keeps the scorecard and says what failed, like an error. */
        if (status != NULL && !json_object_has_member (object, "status"))
          {
            json_object_set_string_member (object, "status", status);
            json_object_set_string_member (object, "title", title);
            json_object_set_string_member (object, "reason", reason);
          }
        mls_cli_print_json_short (json_parser_get_root (parser));
      }
      return;
    case MLS_FORMAT_MARKDOWN:
      text = mls_evaluation_to_markdown (evaluation);
      break;
    case MLS_FORMAT_HTML:
      text = mls_evaluation_to_html (evaluation);
      break;
    case MLS_FORMAT_TEXT:
    default:
      text = mls_evaluation_to_scorecard (evaluation);
      break;
    }
  g_print ("%s", text);
}

static int
finish (MlsCli        *cli,
        MlsEvaluation *evaluation)
{
  const char * const *violations = mls_evaluation_get_violations (evaluation);
  MlsVerdict feasibility = mls_evaluation_get_verdict (evaluation, MLS_LEVEL_FEASIBILITY);
  MlsVerdict performance = mls_evaluation_get_verdict (evaluation, MLS_LEVEL_PERFORMANCE);

  /* Physics first (it will not run), then the SLA (it runs, too slowly or too dearly). */
  if (feasibility == MLS_VERDICT_FAIL)
    {
      g_autofree char *reason = g_strdup_printf (
        _("%s does not fit: %s"), mls_evaluation_get_scenario_name (evaluation),
        mls_evaluation_get_summary (evaluation, MLS_LEVEL_FEASIBILITY));

      print_evaluation (cli, evaluation, "physics_failed",
                        _("Physics Violation (Out of Memory)"), reason);
      if (cli->format != MLS_FORMAT_JSON)
        g_printerr ("mlsysim: %s: %s\n", _("Physics Violation (Out of Memory)"), reason);
      return MLS_EXIT_PHYSICS;
    }
  if (violations[0] != NULL || performance == MLS_VERDICT_FAIL)
    {
      print_evaluation (cli, evaluation, NULL, NULL, NULL);
      if (cli->format != MLS_FORMAT_JSON)
        {
          g_printerr ("mlsysim: %s\n", _("SLA / Constraint Violation"));
          if (violations[0] == NULL)
            g_printerr ("  ✗ %s\n", mls_evaluation_get_summary (evaluation,
                                                               MLS_LEVEL_PERFORMANCE));
          for (guint i = 0; violations[i] != NULL; i++)
            g_printerr ("  ✗ %s\n", violations[i]);
        }
      return MLS_EXIT_SLA;
    }
  print_evaluation (cli, evaluation, NULL, NULL, NULL);
  return MLS_EXIT_OK;
}

int
mls_cli_eval (MlsCli *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) scenario = NULL;
  g_autoptr(MlsEvaluation) evaluation = NULL;
  g_autofree GOptionEntry *knob_entries = NULL;
  g_autofree char *persona_key = NULL;
  MlsCliKnobs knobs;
  MlsRegistry *registry;
  MlsEngine *engine;
  const char *target;
  gboolean lighthouse = FALSE;
  int status = MLS_EXIT_OK;
  GOptionEntry entries[] = {
    { "persona", 0, 0, G_OPTION_ARG_STRING, &persona_key,
      N_("Print the system ledger of the scenario scaled to a persona (cloud, edge, mobile, "
         "tiny) instead of the scorecard"), N_("PERSONA") },
    { NULL },
  };

  mls_cli_knobs_init (&knobs);
  knob_entries = mls_cli_knob_entries (&knobs, TRUE);
  context = mls_cli_option_context (cli, knob_entries);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("TARGET is a model with a HARDWARE argument, a plan file (.yaml), or a lighthouse "
      "scenario key. Options given with a plan or a scenario override its values.\n\n"
      "Examples:\n"
      "  mlsysim eval Llama3_8B H100 -b 32\n"
      "  mlsysim eval mlsys.yaml -o json\n"
      "  mlsysim eval SmartDoorbell\n"
      "  mlsysim eval ChatbotServing --persona cloud --region Quebec\n\n"
      "Exit status: 0 success, 1 bad input, 2 physics failure (out of memory), 3 SLA "
      "failure (a latency target or an assert).\n\n"
      "Output formats: text, json, markdown, html.\n"));
  if (!mls_cli_parse_options (cli, context, &argc, &argv))
    {
      mls_cli_knobs_clear (&knobs);
      return MLS_EXIT_BAD_INPUT;
    }
  if (argc < 2 || argc > 3)
    {
      mls_cli_knobs_clear (&knobs);
      return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                           _("Expected a model and hardware, a plan file or a scenario key. "
                             "Example: mlsysim eval Llama3_8B H100"));
    }
  if ((registry = mls_cli_registry (cli, &status)) == NULL)
    {
      mls_cli_knobs_clear (&knobs);
      return status;
    }
  target = argv[1];

  if (mls_plan_is_plan_file (target))
    {
      if (argc == 3)
        status = mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                               _("A plan file takes no HARDWARE argument; set hardware.name "
                                 "in the plan"));
      else if ((scenario = mls_plan_load_file (target, registry, &error)) == NULL)
        status = mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT,
                                     g_error_matches (error, MLS_PLAN_ERROR, MLS_PLAN_ERROR_IO) ||
                                     g_error_matches (error, MLS_PLAN_ERROR,
                                                      MLS_PLAN_ERROR_NOT_FOUND)
                                     ? _("Bad Input") : _("Schema Validation Error"),
                                     error);
    }
  else if (argc == 3)
    {
      scenario = mls_cli_quick_scenario (registry, target, argv[2], &error);
      if (scenario == NULL)
        status = mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
    }
  else
    {
      scenario = mls_lighthouse_new_scenario (registry, target, &error);
      if (scenario != NULL)
        lighthouse = TRUE;
      else if (mls_registry_lookup (registry, "models", target, NULL) != NULL)
        status = mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                               _("Hardware argument is required when not providing a YAML "
                                 "file. Example: mlsysim eval Llama3_8B H100"));
      else
        {
          g_autofree char *reason = g_strdup_printf (
            _("%s. TARGET is a model with a HARDWARE argument, a plan file (.yaml) or a "
              "scenario key"), error->message);
          status = mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), reason);
        }
    }
  if (scenario == NULL)
    {
      mls_cli_knobs_clear (&knobs);
      return status;
    }

  g_clear_error (&error);
  if (!mls_cli_apply_knobs (&knobs, scenario, registry, &error))
    {
      mls_cli_knobs_clear (&knobs);
      return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
    }
  mls_cli_knobs_clear (&knobs);

  engine = mls_engine_get_default ();
  mls_cli_load_errors (cli, engine, TRUE);
  if (!check_plan_parameters (engine, scenario, target, &error))
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Schema Validation Error"), error);
  mls_cli_warn_efficiency (cli, registry, scenario);

  if (persona_key != NULL)
    {
      g_autoptr(MlsSystemLedger) ledger = NULL;
      MlsEntry *persona = mls_registry_lookup (registry, "personas", persona_key, &error);

      if (persona == NULL)
        return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
      if (cli->format == MLS_FORMAT_HTML)
        return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                             _("The system ledger is written as text, json or markdown"));
      ledger = mls_system_ledger_compute (engine, scenario, persona,
                                          mls_scenario_get_grid (scenario),
                                          lighthouse || mls_scenario_get_operations (scenario)
                                          ? mls_scenario_get_knob (scenario,
                                                                   MLS_KNOB_DURATION_DAYS)
                                          : 0,
                                          &error);
      if (ledger == NULL)
        return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Evaluation Error"), error);
      return print_system_ledger (cli, ledger);
    }

  evaluation = mls_evaluation_compute (engine, scenario, &error);
  if (evaluation == NULL)
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Evaluation Error"), error);
  return finish (cli, evaluation);
}
