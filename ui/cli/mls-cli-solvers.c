/* mls-cli-solvers.c — `mlsysim solvers` (what each plugin takes and produces) and
 * `mlsysim solve SOLVER MODEL HARDWARE` (run any plugin with its declared parameters)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mls-cli.h"

static char **
input_names (MlsSolverInput inputs)
{
  static const struct { MlsSolverInput flag; const char *name; } names[] = {
    { MLS_SOLVER_INPUT_WORKLOAD, "workload" },
    { MLS_SOLVER_INPUT_HARDWARE, "hardware" },
    { MLS_SOLVER_INPUT_FLEET, "fleet" },
    { MLS_SOLVER_INPUT_TRANSFORMER, "transformer" },
  };
  GStrvBuilder *b = g_strv_builder_new ();
  char **out;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (inputs & names[i].flag)
      g_strv_builder_add (b, names[i].name);
  out = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return out;
}

static char *
walls_text (MlsSolverInfo *info)
{
  guint n;
  const guint *walls = mls_solver_info_get_walls (info, &n);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%u", i ? ", " : "", walls[i]);
  return g_string_free (s, FALSE);
}

/* A bound as people read it: G_MAXDOUBLE and G_MAXUINT mean "no limit". */
static char *
bound_text (double value)
{
  if (value >= G_MAXUINT32 || !isfinite (value))
    return g_strdup ("∞");
  return g_strdup_printf ("%g", value);
}

static void
add_bound (JsonBuilder *b,
           const char  *key,
           double       value)
{
  json_builder_set_member_name (b, key);
  if (value >= G_MAXUINT32 || !isfinite (value))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, value);
}

static void
solver_json (JsonBuilder   *b,
             MlsSolverInfo *info)
{
  g_auto(GStrv) inputs = input_names (mls_solver_info_get_inputs (info));
  const char * const *reqs = mls_solver_info_get_requirements (info);
  guint n_walls;
  const guint *walls = mls_solver_info_get_walls (info, &n_walls);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, mls_solver_info_get_id (info));
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, mls_solver_info_get_name (info));
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, mls_solver_info_get_description (info));
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, mls_solver_kind_to_string (mls_solver_info_get_kind (info)));
  json_builder_set_member_name (b, "walls");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_walls; i++)
    json_builder_add_int_value (b, walls[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "inputs");
  json_builder_begin_array (b);
  for (guint i = 0; inputs[i] != NULL; i++)
    json_builder_add_string_value (b, inputs[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "requires");
  json_builder_begin_array (b);
  for (guint i = 0; reqs != NULL && reqs[i] != NULL; i++)
    json_builder_add_string_value (b, reqs[i]);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "parameters");
  json_builder_begin_array (b);
  for (guint i = 0; i < mls_solver_info_get_n_parameters (info); i++)
    {
      const MlsParameterSpec *p = mls_solver_info_get_parameter (info, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, p->id);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, p->label ? p->label : "");
      json_builder_set_member_name (b, "unit");
      json_builder_add_string_value (b, p->unit ? p->unit : "");
      json_builder_set_member_name (b, "default");
      json_builder_add_double_value (b, p->default_value);
      add_bound (b, "minimum", p->minimum);
      add_bound (b, "maximum", p->maximum);
      json_builder_set_member_name (b, "integer");
      json_builder_add_boolean_value (b, p->integer);
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, p->description ? p->description : "");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "metrics");
  json_builder_begin_array (b);
  for (guint i = 0; i < mls_solver_info_get_n_metrics (info); i++)
    {
      const MlsMetricSpec *m = mls_solver_info_get_metric (info, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, m->id);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, m->label ? m->label : "");
      json_builder_set_member_name (b, "unit");
      json_builder_add_string_value (b, m->unit ? m->unit : "");
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, m->description ? m->description : "");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
solver_text (MlsSolverInfo *info,
             gboolean       markdown)
{
  g_auto(GStrv) inputs = input_names (mls_solver_info_get_inputs (info));
  g_autofree char *inputs_text = g_strjoinv (", ", inputs);
  g_autofree char *walls = walls_text (info);
  guint n_params = mls_solver_info_get_n_parameters (info);

  if (markdown)
    {
      g_print ("## %s — %s\n\n%s\n\n", mls_solver_info_get_id (info),
               mls_solver_info_get_name (info), mls_solver_info_get_description (info));
      g_print ("- **%s**: %s\n- **%s**: %s\n- **%s**: %s\n\n", _("Kind"),
               mls_solver_kind_to_string (mls_solver_info_get_kind (info)), _("Walls"),
               *walls ? walls : "–", _("Inputs"), *inputs_text ? inputs_text : "–");
      if (n_params > 0)
        {
          g_print ("| %s | %s | %s | %s | %s |\n|---|---|---|---:|---|\n", _("Parameter"),
                   _("Label"), _("Unit"), _("Default"), _("Range"));
          for (guint i = 0; i < n_params; i++)
            {
              const MlsParameterSpec *p = mls_solver_info_get_parameter (info, i);
              g_autofree char *lo = bound_text (p->minimum);
              g_autofree char *hi = bound_text (p->maximum);

              g_print ("| `%s` | %s | %s | %g | %s – %s |\n", p->id, p->label ? p->label : "",
                       p->unit ? p->unit : "", p->default_value, lo, hi);
            }
          g_print ("\n");
        }
      g_print ("| %s | %s | %s |\n|---|---|---|\n", _("Metric"), _("Unit"), _("Description"));
      for (guint i = 0; i < mls_solver_info_get_n_metrics (info); i++)
        {
          const MlsMetricSpec *m = mls_solver_info_get_metric (info, i);
          g_autofree char *description = g_strdup (m->description ? m->description : "");

          g_strdelimit (description, "|", '/');
          g_print ("| `%s` | %s | %s |\n", m->id, m->unit ? m->unit : "", description);
        }
      g_print ("\n");
      return;
    }

  g_print ("%s — %s (%s)\n", mls_solver_info_get_id (info), mls_solver_info_get_name (info),
           mls_solver_kind_to_string (mls_solver_info_get_kind (info)));
  g_print ("  %s\n", mls_solver_info_get_description (info));
  g_print ("  %-11s %s\n", _("Walls:"), *walls ? walls : "–");
  g_print ("  %-11s %s\n", _("Inputs:"), *inputs_text ? inputs_text : "–");
  if (n_params > 0)
    {
      g_print ("  %s\n", _("Parameters:"));
      for (guint i = 0; i < n_params; i++)
        {
          const MlsParameterSpec *p = mls_solver_info_get_parameter (info, i);
          g_autofree char *lo = bound_text (p->minimum);
          g_autofree char *hi = bound_text (p->maximum);

          g_print ("    %-40s %-10s %s %g, %s [%s, %s]\n", p->id,
                   p->unit && *p->unit ? p->unit : "-", _("default"), p->default_value,
                   _("range"), lo, hi);
        }
    }
  g_print ("  %s\n", _("Metrics:"));
  for (guint i = 0; i < mls_solver_info_get_n_metrics (info); i++)
    {
      const MlsMetricSpec *m = mls_solver_info_get_metric (info, i);
      g_print ("    %-40s %s\n", m->id, m->unit && *m->unit ? m->unit : "-");
    }
  g_print ("\n");
}

int
mls_cli_solvers (MlsCli *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) ids = NULL;
  const char * const *errors;
  MlsEngine *engine;

  context = mls_cli_option_context (cli, NULL);
  g_option_context_set_description (context,
    _("Every solver plugin found (C or Python): its kind, the walls it covers, what it "
      "needs, the parameters it takes (unit, default, range) and the metrics it produces. "
      "Plugins that fail to load are listed on standard error.\n\n"
      "Output formats: text, json, markdown.\n"));
  if (!mls_cli_parse_options (cli, context, &argc, &argv))
    return MLS_EXIT_BAD_INPUT;
  if (argc > 1)
    return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                         _("“mlsysim solvers” takes no arguments"));

  engine = mls_engine_get_default ();
  ids = mls_engine_list_solvers (engine);
  errors = mls_cli_load_errors (cli, engine, TRUE);

  if (cli->format == MLS_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "solvers");
      json_builder_begin_array (b);
      for (guint i = 0; ids[i] != NULL; i++)
        solver_json (b, mls_engine_get_info (engine, ids[i]));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "load_errors");
      json_builder_begin_array (b);
      for (guint i = 0; errors[i] != NULL; i++)
        json_builder_add_string_value (b, errors[i]);
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      mls_cli_print_json_short (root);
      return MLS_EXIT_OK;
    }

  if (cli->format == MLS_FORMAT_MARKDOWN)
    g_print ("# %s\n\n", _("MLSys·im solvers"));
  for (guint i = 0; ids[i] != NULL; i++)
    solver_text (mls_engine_get_info (engine, ids[i]), cli->format == MLS_FORMAT_MARKDOWN);
  return MLS_EXIT_OK;
}

/* --- solve ------------------------------------------------------------------------------- */

typedef struct
{
  const char          *id;
  const MlsMetricSpec *spec;
  MlsQuantity          value;
  const char          *text;
  double               shown; /* in spec->unit */
} Row;

static GArray *
collect_rows (MlsEngine     *engine,
              MlsEnginePlan *plan,
              MlsLedger     *ledger)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));

  for (guint i = 0; i < mls_engine_plan_get_n_solvers (plan); i++)
    {
      MlsSolverInfo *info = mls_engine_get_info (engine, mls_engine_plan_get_solver_id (plan, i));

      for (guint j = 0; info != NULL && j < mls_solver_info_get_n_metrics (info); j++)
        {
          Row row = { NULL };

          row.spec = mls_solver_info_get_metric (info, j);
          row.id = row.spec->id;
          if ((row.text = mls_ledger_get_text (ledger, row.id)) == NULL)
            {
              if (!mls_ledger_get (ledger, row.id, &row.value))
                continue;
              row.shown = row.value.value;
              if (row.spec->unit && *row.spec->unit && strcmp (row.spec->unit, "text") != 0)
                mls_quantity_convert (&row.value, row.spec->unit, &row.shown, NULL);
            }
          g_array_append_val (rows, row);
        }
    }
  return rows;
}

static const char *
status_name (MlsSolveStatus status)
{
  switch (status)
    {
    case MLS_SOLVE_OK:
      return "ok";
    case MLS_SOLVE_SKIPPED:
      return "skipped";
    case MLS_SOLVE_FAILED:
      return "failed";
    case MLS_SOLVE_PENDING:
    default:
      return "pending";
    }
}

static void
print_solve_json (MlsEngine     *engine,
                  MlsEnginePlan *plan,
                  MlsLedger     *ledger,
                  MlsScenario   *scenario,
                  const char    *solver_id,
                  GArray        *rows)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) params = mls_scenario_list_parameters (scenario);
  MlsFleet *fleet = mls_scenario_get_fleet (scenario);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "solver");
  json_builder_add_string_value (b, solver_id);
  json_builder_set_member_name (b, "scenario");
  json_builder_add_string_value (b, mls_scenario_get_name (scenario));
  json_builder_set_member_name (b, "model");
  json_builder_add_string_value (b, mls_entry_get_key (MLS_ENTRY (mls_scenario_get_workload (scenario))));
  json_builder_set_member_name (b, "hardware");
  json_builder_add_string_value (b, mls_entry_get_key (MLS_ENTRY (mls_scenario_get_hardware (scenario))));
  json_builder_set_member_name (b, "fleet");
  if (fleet != NULL)
    json_builder_add_string_value (b, mls_entry_get_key (MLS_ENTRY (fleet)));
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "parameters");
  json_builder_begin_object (b);
  for (guint i = 0; params[i] != NULL; i++)
    {
      MlsQuantity q;
      g_autofree char *text = NULL;

      mls_scenario_get_parameter (scenario, params[i], &q);
      text = mls_quantity_to_string (&q);
      json_builder_set_member_name (b, params[i]);
      json_builder_add_string_value (b, text);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "solvers");
  json_builder_begin_array (b);
  for (guint i = 0; i < mls_engine_plan_get_n_solvers (plan); i++)
    {
      const char *id = mls_engine_plan_get_solver_id (plan, i);
      const char *message = NULL;
      MlsSolveStatus status = mls_ledger_get_status (ledger, id, &message);
      g_auto(GStrv) explanations = mls_ledger_get_explanations (ledger, id);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id);
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, status_name (status));
      json_builder_set_member_name (b, "message");
      if (message != NULL)
        json_builder_add_string_value (b, message);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "explanations");
      json_builder_begin_array (b);
      for (guint j = 0; explanations != NULL && explanations[j] != NULL; j++)
        json_builder_add_string_value (b, explanations[j]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "metrics");
  json_builder_begin_object (b);
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      json_builder_set_member_name (b, row->id);
      json_builder_begin_object (b);
      if (row->text != NULL)
        {
          json_builder_set_member_name (b, "text");
          json_builder_add_string_value (b, row->text);
        }
      else
        {
          json_builder_set_member_name (b, "value");
          if (isfinite (row->shown))
            json_builder_add_double_value (b, row->shown);
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "unit");
          json_builder_add_string_value (b, row->spec->unit ? row->spec->unit : "");
        }
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, row->spec->label ? row->spec->label : "");
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  mls_cli_print_json_short (root);
}

static char *
row_value (const Row *row)
{
  if (row->text != NULL)
    return g_strdup (row->text);
  if (row->spec->unit && *row->spec->unit && strcmp (row->spec->unit, "text") != 0)
    return g_strdup_printf ("%.6g %s", row->shown, row->spec->unit);
  return g_strdup_printf ("%.6g", row->shown);
}

static void
print_solve_text (MlsEnginePlan *plan,
                  MlsLedger     *ledger,
                  MlsScenario   *scenario,
                  GArray        *rows,
                  gboolean       markdown)
{
  if (markdown)
    g_print ("## %s\n\n| %s | %s | %s |\n|---|---|---:|\n", mls_scenario_get_name (scenario),
             _("Metric"), _("Label"), _("Value"));
  else
    g_print ("%s\n", mls_scenario_get_name (scenario));
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      g_autofree char *value = row_value (row);

      if (markdown)
        g_print ("| `%s` | %s | %s |\n", row->id, row->spec->label ? row->spec->label : "",
                 value);
      else
        g_print ("  %-40s %s\n", row->id, value);
    }
  for (guint i = 0; i < mls_engine_plan_get_n_solvers (plan); i++)
    {
      const char *id = mls_engine_plan_get_solver_id (plan, i);
      const char *message = NULL;
      MlsSolveStatus status = mls_ledger_get_status (ledger, id, &message);
      g_auto(GStrv) explanations = mls_ledger_get_explanations (ledger, id);

      g_print (markdown ? "\n**%s**: %s%s%s\n" : "\n%s: %s%s%s\n", id, status_name (status),
               message ? " — " : "", message ? message : "");
      for (guint j = 0; explanations != NULL && explanations[j] != NULL; j++)
        g_print (markdown ? "- %s\n" : "  • %s\n", explanations[j]);
    }
}

int
mls_cli_solve (MlsCli *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) scenario = NULL;
  g_autoptr(MlsEnginePlan) plan = NULL;
  g_autoptr(MlsLedger) ledger = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree GOptionEntry *knob_entries = NULL;
  g_autofree char *fleet_key = NULL;
  g_auto(GStrv) params = NULL;
  g_autoptr(GPtrArray) plan_ids = g_ptr_array_new_null_terminated (8, NULL, TRUE);
  const char *ids[2] = { NULL, NULL };
  const char *message = NULL;
  MlsCliKnobs knobs;
  MlsRegistry *registry;
  MlsEngine *engine;
  MlsSolveStatus status;
  MlsKnob knob;
  int exit_status = MLS_EXIT_OK;
  GOptionEntry entries[] = {
    { "fleet", 0, 0, G_OPTION_ARG_STRING, &fleet_key,
      N_("Run on a registry cluster (e.g. Research_256) instead of one device"), N_("CLUSTER") },
    { "param", 0, 0, G_OPTION_ARG_STRING_ARRAY, &params,
      N_("Set a solver parameter, with units where it has them (repeatable)"),
      N_("ID=VALUE") },
    { NULL },
  };

  mls_cli_knobs_init (&knobs);
  knob_entries = mls_cli_knob_entries (&knobs, TRUE);
  context = mls_cli_option_context (cli, knob_entries);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Runs one solver plugin (and the solvers whose metrics it needs) on a model and a "
      "device or cluster, and prints every metric they produce. Parameters are named as "
      "“mlsysim solvers” lists them, in full or without the solver prefix; the scenario's "
      "knobs (tp, pp, ep, microbatches, v_stages, zero_stage) are set the same way.\n\n"
      "Examples:\n"
      "  mlsysim solve roofline Llama3_8B H100 -b 8\n"
      "  mlsysim solve serving Llama3_8B H100 --param prefill_chunk_tokens=512\n"
      "  mlsysim solve distributed Llama3_70B --fleet Research_256 --param tp=8\n"
      "  mlsysim solve economics Llama3_8B H100 --param \"kwh_price=0.08 USD/kWh\"\n\n"
      "Output formats: text, json, markdown.\n"));
  if (!mls_cli_parse_options (cli, context, &argc, &argv))
    {
      mls_cli_knobs_clear (&knobs);
      return MLS_EXIT_BAD_INPUT;
    }
  if (argc != (fleet_key ? 3 : 4) && !(fleet_key && argc == 4))
    {
      mls_cli_knobs_clear (&knobs);
      return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                           _("Expected a solver, a model and hardware (or --fleet CLUSTER). "
                             "Example: mlsysim solve roofline Llama3_8B H100"));
    }
  if ((registry = mls_cli_registry (cli, &exit_status)) == NULL)
    {
      mls_cli_knobs_clear (&knobs);
      return exit_status;
    }

  engine = mls_engine_get_default ();
  mls_cli_load_errors (cli, engine, TRUE);
  if (mls_engine_get_solver (engine, argv[1], &error) == NULL)
    {
      mls_cli_knobs_clear (&knobs);
      return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
    }
  ids[0] = mls_solver_info_get_id (mls_engine_get_info (engine, argv[1]));

  if (fleet_key != NULL)
    {
      MlsEntry *fleet = mls_registry_lookup (registry, "clusters", fleet_key, &error);
      MlsEntry *workload = fleet ? mls_registry_lookup (registry, "models", argv[2], &error)
                                 : NULL;
      g_autofree char *name = NULL;

      if (workload != NULL && argc == 4)
        {
          /* MODEL HARDWARE --fleet CLUSTER: the hardware must be the cluster's. */
          MlsEntry *hw = mls_registry_lookup (registry, "hardware", argv[3], &error);
          MlsEntry *accel = fleet ? mls_node_get_accelerator (mls_fleet_get_node (MLS_FLEET (fleet)))
                                  : NULL;
          if (hw == NULL)
            workload = NULL;
          else if (hw != accel)
            {
              g_autofree char *reason = g_strdup_printf (
                _("Cluster “%s” is built of “%s”, not “%s”; drop the HARDWARE argument"),
                mls_entry_get_key (fleet), mls_entry_get_key (accel), mls_entry_get_key (hw));
              mls_cli_knobs_clear (&knobs);
              return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), reason);
            }
        }
      if (workload == NULL)
        {
          mls_cli_knobs_clear (&knobs);
          return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
        }
      name = g_strdup_printf (_("%s on %s"), mls_entry_get_key (workload),
                              mls_entry_get_key (fleet));
      scenario = mls_plan_new_scenario (name, registry, &error);
      if (scenario != NULL)
        {
          mls_scenario_set_workload (scenario, MLS_WORKLOAD (workload));
          mls_scenario_set_fleet (scenario, MLS_FLEET (fleet));
        }
    }
  else
    scenario = mls_cli_quick_scenario (registry, argv[2], argv[3], &error);
  if (scenario == NULL || !mls_cli_apply_knobs (&knobs, scenario, registry, &error))
    {
      mls_cli_knobs_clear (&knobs);
      return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
    }
  mls_cli_knobs_clear (&knobs);

  plan = mls_engine_plan (engine, ids, &error);
  if (plan == NULL)
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
  for (guint i = 0; i < mls_engine_plan_get_n_solvers (plan); i++)
    g_ptr_array_add (plan_ids, (gpointer) mls_engine_plan_get_solver_id (plan, i));

  for (guint i = 0; params != NULL && params[i] != NULL; i++)
    {
      const char *eq = strchr (params[i], '=');
      g_autofree char *name = NULL;

      if (eq == NULL || eq == params[i])
        {
          g_autofree char *reason = g_strdup_printf (
            _("--param takes ID=VALUE (such as prefill_chunk_tokens=512); got “%s”"), params[i]);
          return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), reason);
        }
      name = g_strndup (params[i], eq - params[i]);
      g_strstrip (name);
      /* The scenario's knobs (tp, pp, ep, microbatches, v_stages, zero_stage, …) are set the
       * same way as the solvers' own parameters. */
      if (mls_knob_from_string (name, &knob))
        {
          char *end = NULL;
          double v = g_ascii_strtod (eq + 1, &end);

          if (end == eq + 1 || *end != '\0')
            {
              g_autofree char *reason = g_strdup_printf (_("%s must be a number; got “%s”"), name,
                                                         eq + 1);
              return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), reason);
            }
          if (!mls_scenario_set_knob (scenario, knob, v, &error))
            return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
          if (knob == MLS_KNOB_DURATION_DAYS)
            mls_scenario_set_operations (scenario, TRUE);
          continue;
        }
      if (!mls_cli_set_parameter (engine, (const char * const *) plan_ids->pdata, scenario, name,
                                  eq + 1, NULL, &error))
        return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
    }
  mls_cli_warn_efficiency (cli, registry, scenario);

  ledger = mls_ledger_new ();
  mls_engine_plan_run (plan, scenario, ledger);
  status = mls_ledger_get_status (ledger, ids[0], &message);
  if (status != MLS_SOLVE_OK)
    {
      g_autofree char *reason = g_strdup_printf (_("Solver “%s” %s: %s"), ids[0],
                                                 status == MLS_SOLVE_SKIPPED ? _("cannot run")
                                                                             : _("failed"),
                                                 message ? message : _("no reason given"));
      return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Evaluation Error"), reason);
    }

  rows = collect_rows (engine, plan, ledger);
  if (cli->format == MLS_FORMAT_JSON)
    print_solve_json (engine, plan, ledger, scenario, ids[0], rows);
  else
    print_solve_text (plan, ledger, scenario, rows, cli->format == MLS_FORMAT_MARKDOWN);
  return MLS_EXIT_OK;
}
