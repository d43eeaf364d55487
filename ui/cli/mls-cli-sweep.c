/* mls-cli-sweep.c — `mlsysim sweep PLAN.yaml | MODEL HARDWARE --axis NAME=V1,V2,…`
 *
 * Evaluates the cartesian product of the axes on every core (MlsSweep) and writes the table
 * as CSV, JSON, Markdown or text; optionally searches it (an objective and constraints, the
 * reference's DSE) or keeps its Pareto front. A progress bar goes to stderr when the sweep
 * takes more than half a second and stderr is a terminal.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mls-cli.h"

/* The progress bar appears only for sweeps longer than this, in microseconds. */
#define PROGRESS_DELAY_US (G_USEC_PER_SEC / 2)
/* Rows a text or Markdown table shows before it says how many more there are. */
#define MAX_TEXT_ROWS 500
/* Width of the progress bar, in characters. */
#define BAR_WIDTH 30

/* A plan file, a model and hardware, or a lighthouse scenario key, as `eval` takes them. */
MlsScenario *
mls_cli_load_target (MlsCli      *cli,
                     MlsRegistry *registry,
                     int          argc,
                     char       **argv,
                     int         *status)
{
  g_autoptr(GError) error = NULL;
  MlsScenario *scenario = NULL;
  const char *target = argv[1];

  if (mls_plan_is_plan_file (target))
    {
      if (argc > 2)
        *status = mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                                _("A plan file takes no HARDWARE argument; set hardware.name "
                                  "in the plan"));
      else if ((scenario = mls_plan_load_file (target, registry, &error)) == NULL)
        *status = mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT,
                                      g_error_matches (error, MLS_PLAN_ERROR, MLS_PLAN_ERROR_IO) ||
                                      g_error_matches (error, MLS_PLAN_ERROR,
                                                       MLS_PLAN_ERROR_NOT_FOUND)
                                      ? _("Bad Input") : _("Schema Validation Error"),
                                      error);
      return scenario;
    }
  if (argc > 2)
    {
      scenario = mls_cli_quick_scenario (registry, target, argv[2], &error);
      if (scenario == NULL)
        *status = mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
      return scenario;
    }
  scenario = mls_lighthouse_new_scenario (registry, target, &error);
  if (scenario != NULL)
    return scenario;
  if (mls_registry_lookup (registry, "models", target, NULL) != NULL)
    *status = mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                            _("Hardware argument is required when not providing a YAML file. "
                              "Example: mlsysim sweep Llama3_8B H100 --axis batch_size=1:64:x2"));
  else
    {
      g_autofree char *reason = g_strdup_printf (
        _("%s. TARGET is a model with a HARDWARE argument, a plan file (.yaml) or a scenario "
          "key"), error->message);
      *status = mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), reason);
    }
  return NULL;
}

/* --- progress ---------------------------------------------------------------------------- */

typedef struct
{
  gint64   start;
  gboolean tty;
  gboolean plain;  /* --progress without a terminal: a percentage per line */
  gboolean drawn;
  int      last_percent;
} Progress;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer data)
{
  Progress *p = data;
  int percent = total > 0 ? (int) (done * 100 / total) : 100;

  if (p->tty)
    {
      char bar[BAR_WIDTH + 1];
      guint filled = total > 0 ? (guint) (done * BAR_WIDTH / total) : BAR_WIDTH;

      /* nothing for short sweeps: the bar would only flash */
      if (!p->drawn && g_get_monotonic_time () - p->start < PROGRESS_DELAY_US)
        return;
      for (guint i = 0; i < BAR_WIDTH; i++)
        bar[i] = i < filled ? '#' : '-';
      bar[BAR_WIDTH] = '\0';
      fprintf (stderr, "\r%s [%s] %3d%%  %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT " %s",
               _("sweep"), bar, percent, done, total, _("points"));
      fflush (stderr);
      p->drawn = TRUE;
    }
  else if (p->plain && percent != p->last_percent)
    {
      fprintf (stderr, "%d%%\n", percent);
      fflush (stderr);
    }
  p->last_percent = percent;
}

static void
progress_finish (Progress *p)
{
  if (p->tty && p->drawn)
    {
      /* erase the bar: stdout may be the same terminal */
      fprintf (stderr, "\r%*s\r", BAR_WIDTH + 48, "");
      fflush (stderr);
    }
}

/* --- output ------------------------------------------------------------------------------ */

static void
add_row_json (JsonBuilder   *b,
              MlsSweepTable *table,
              guint64        row)
{
  json_builder_begin_object (b);
  for (guint a = 0; a < mls_sweep_table_get_n_axes (table); a++)
    {
      double v = mls_sweep_table_get_axis_number (table, a, row);

      json_builder_set_member_name (b, mls_sweep_table_get_axis_name (table, a));
      if (isnan (v))
        json_builder_add_string_value (b, mls_sweep_table_get_axis_label (table, a, row));
      else if (v == floor (v) && fabs (v) < G_MAXINT64)
        json_builder_add_int_value (b, (gint64) v); /* a batch size is 32, not 32.0 */
      else
        json_builder_add_double_value (b, v);
    }
  for (guint m = 0; m < mls_sweep_table_get_n_metrics (table); m++)
    {
      json_builder_set_member_name (b, mls_sweep_table_get_metric_id (table, m));
      if (mls_sweep_table_metric_is_text (table, m))
        {
          const char *t = mls_sweep_table_get_text (table, m, row);

          if (t != NULL)
            json_builder_add_string_value (b, t);
          else
            json_builder_add_null_value (b);
        }
      else
        {
          double v = mls_sweep_table_get_display_value (table, m, row);

          if (isfinite (v))
            json_builder_add_double_value (b, v);
          else
            json_builder_add_null_value (b);
        }
    }
  json_builder_end_object (b);
}

static char *
cell_text (MlsSweepTable *table,
           guint          column,
           guint64        row)
{
  guint n_axes = mls_sweep_table_get_n_axes (table);
  guint m = column - n_axes;
  double v;

  if (column < n_axes)
    return g_strdup (mls_sweep_table_get_axis_label (table, column, row));
  if (mls_sweep_table_metric_is_text (table, m))
    return g_strdup (mls_sweep_table_get_text (table, m, row) ? mls_sweep_table_get_text (table,
                                                                                         m, row)
                                                               : "–");
  v = mls_sweep_table_get_display_value (table, m, row);
  return isnan (v) ? g_strdup ("–") : g_strdup_printf ("%.6g", v);
}

static char *
column_title (MlsSweepTable *table,
              guint          column)
{
  guint n_axes = mls_sweep_table_get_n_axes (table);
  const char *unit;

  if (column < n_axes)
    {
      unit = mls_sweep_table_get_axis_unit (table, column);
      return unit ? g_strdup_printf ("%s [%s]", mls_sweep_table_get_axis_name (table, column),
                                     unit)
                  : g_strdup (mls_sweep_table_get_axis_name (table, column));
    }
  unit = mls_sweep_table_get_metric_unit (table, column - n_axes);
  if (unit == NULL || *unit == '\0' || g_str_equal (unit, "text"))
    return g_strdup (mls_sweep_table_get_metric_id (table, column - n_axes));
  return g_strdup_printf ("%s [%s]", mls_sweep_table_get_metric_id (table, column - n_axes),
                          unit);
}

/* An aligned text table, or a Markdown one; at most MAX_TEXT_ROWS rows. */
static void
print_rows (MlsSweepTable *table,
            const guint64 *rows,
            guint64        n_rows,
            gboolean       markdown)
{
  guint n_cols = mls_sweep_table_get_n_axes (table) + mls_sweep_table_get_n_metrics (table);
  guint64 shown = MIN (n_rows, MAX_TEXT_ROWS);
  g_autofree guint *widths = g_new0 (guint, n_cols);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < n_cols; c++)
    {
      char *t = column_title (table, c);

      widths[c] = g_utf8_strlen (t, -1);
      g_ptr_array_add (cells, t);
    }
  for (guint64 i = 0; i < shown; i++)
    for (guint c = 0; c < n_cols; c++)
      {
        char *t = cell_text (table, c, rows ? rows[i] : i);

        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (t, -1));
        g_ptr_array_add (cells, t);
      }

  for (guint64 r = 0; r <= shown; r++)
    {
      if (markdown)
        g_print ("|");
      for (guint c = 0; c < n_cols; c++)
        {
          const char *t = g_ptr_array_index (cells, r * n_cols + c);
          guint pad = widths[c] - g_utf8_strlen (t, -1);

          if (markdown)
            g_print (" %s%*s |", t, pad, "");
          else
            g_print ("%s%s%*s", c ? "  " : "", t, c + 1 < n_cols ? pad : 0, "");
        }
      g_print ("\n");
      if (r == 0 && markdown)
        {
          g_print ("|");
          for (guint c = 0; c < n_cols; c++)
            {
              for (guint i = 0; i < widths[c] + 2; i++)
                g_print ("-");
              g_print ("|");
            }
          g_print ("\n");
        }
    }
  if (shown < n_rows)
    g_print (_("… %" G_GUINT64_FORMAT " more rows (-o csv or -o json writes them all)\n"),
             n_rows - shown);
}

static gboolean
write_csv (MlsSweepTable *table,
           const guint64 *rows,
           guint64        n_rows,
           GError       **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  gsize size;

  if (!mls_sweep_table_write_csv (table, stream, rows, rows ? n_rows : 0, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return FALSE;
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
  fwrite (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), 1, size, stdout);
  return TRUE;
}

/* --- the command ---------------------------------------------------------------------------- */

typedef struct
{
  char   **axes;
  char   **metrics;
  char   **solvers;
  char   **params;
  char   **constraints;
  char   **pareto;
  char    *objective;
  int      top;
  int      threads;
  gboolean progress;
} Options;

static void
options_clear (Options *o)
{
  g_strfreev (o->axes);
  g_strfreev (o->metrics);
  g_strfreev (o->solvers);
  g_strfreev (o->params);
  g_strfreev (o->constraints);
  g_strfreev (o->pareto);
  g_free (o->objective);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
apply_params (MlsEngine   *engine,
              MlsScenario *scenario,
              char       **params,
              GError     **error)
{
  g_auto(GStrv) all = mls_engine_list_solvers (engine);

  for (guint i = 0; params != NULL && params[i] != NULL; i++)
    {
      const char *eq = strchr (params[i], '=');
      g_autofree char *name = NULL;

      if (eq == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--param takes ID=VALUE; got “%s”"), params[i]);
          return FALSE;
        }
      name = g_strstrip (g_strndup (params[i], eq - params[i]));
      if (!mls_cli_set_parameter (engine, (const char * const *) all, scenario, name, eq + 1,
                                  NULL, error))
        return FALSE;
    }
  return TRUE;
}

static void
print_summary (MlsSweepTable *table,
               MlsScenario   *scenario)
{
  guint64 failed = 0;
  guint threads;
  g_autofree char *on = NULL;

  for (guint64 r = 0; r < mls_sweep_table_get_n_rows (table); r++)
    failed += mls_sweep_table_get_failures (table, r) > 0;
  threads = mls_sweep_table_get_n_threads (table);
  on = g_strdup_printf (ngettext ("%u thread", "%u threads", threads), threads);

  g_print (_("Sweep: %s — %" G_GUINT64_FORMAT " points on %s in %.3g s\n"),
           mls_scenario_get_name (scenario), mls_sweep_table_get_n_points (table), on,
           mls_sweep_table_get_elapsed (table));
  if (failed > 0)
    g_print (_("%" G_GUINT64_FORMAT " points could not be evaluated (a solver rejected their "
               "inputs); their metrics are empty\n"), failed);
}

int
mls_cli_sweep (MlsCli *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) scenario = NULL;
  g_autoptr(MlsSweep) sweep = NULL;
  g_autoptr(MlsSweepTable) table = NULL;
  g_autofree GOptionEntry *knob_entries = NULL;
  g_autofree guint64 *best = NULL;
  g_autofree guint64 *front = NULL;
  g_auto(Options) o = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE };
  MlsCliKnobs knobs;
  MlsRegistry *registry;
  MlsEngine *engine;
  Progress progress = { 0 };
  guint n_best = 0;
  guint64 n_front = 0;
  int status = MLS_EXIT_OK;
  GOptionEntry entries[] = {
    { "axis", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &o.axes,
      N_("An axis: NAME=V1,V2,… or NAME=START:STOP[:STEP|:xFACTOR] (repeatable)"),
      N_("NAME=VALUES") },
    { "metric", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &o.metrics,
      N_("A metric to collect, such as roofline.latency (repeatable)"), N_("ID") },
    { "solver", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.solvers,
      N_("A solver to run at each point; without --metric, all its metrics are collected "
         "(repeatable)"), N_("ID") },
    { "param", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.params,
      N_("Set a solver parameter for every point (repeatable)"), N_("ID=VALUE") },
    { "objective", 0, 0, G_OPTION_ARG_STRING, &o.objective,
      N_("Search: “minimize: METRIC” or “maximize: METRIC”; prints the best points"),
      N_("OBJECTIVE") },
    { "constraint", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &o.constraints,
      N_("Search: keep points where METRIC OP VALUE holds, OP one of < <= > >= == != "
         "(repeatable)"), N_("CONSTRAINT") },
    { "pareto", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.pareto,
      N_("Pareto front: an objective per metric, given two or three times"), N_("OBJECTIVE") },
    { "top", 0, 0, G_OPTION_ARG_INT, &o.top,
      N_("How many of the best points a search prints (default 5)"), N_("N") },
    { "threads", 'j', 0, G_OPTION_ARG_INT, &o.threads,
      N_("Worker threads (default: one per processor)"), N_("N") },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &o.progress,
      N_("Report progress on stderr even when it is not a terminal"), NULL },
    { NULL },
  };

  mls_cli_knobs_init (&knobs);
  knob_entries = mls_cli_knob_entries (&knobs, TRUE);
  context = mls_cli_option_context (cli, knob_entries);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Evaluates every combination of the axes' values on all cores and prints the table. "
      "TARGET is a model with a HARDWARE argument, a plan file (.yaml) or a scenario key; "
      "options override its values for every point.\n\n"
      "Axes: hardware, model, region, cluster (registry keys, or “all”), precision, a knob "
      "(batch_size, seq_len, efficiency, tp, pp, ep, microbatches, v_stages, zero_stage, "
      "duration_days) or a solver parameter (SOLVER.NAME, in its unit unless given). Numbers "
      "may be ranges: 1:8 (step 1), 0.1:1:0.1, 1:256:x2.\n\n"
      "Examples:\n"
      "  mlsysim sweep Llama3_8B H100 --axis batch_size=1:256:x2 -o csv\n"
      "  mlsysim sweep Llama3_8B H100 --axis hardware=all --axis precision=fp16,int8 \\\n"
      "      --metric roofline.latency --metric roofline.throughput \\\n"
      "      --objective \"maximize: roofline.throughput\" --constraint \"roofline.latency <= 20\"\n"
      "  mlsysim sweep mlsys.yaml --axis hardware=H100,A100 --axis batch_size=1:64:x2 \\\n"
      "      --pareto \"min: roofline.latency\" --pareto \"max: roofline.throughput\" -o json\n\n"
      "Exit status: 0 success, 1 bad input, 3 when no point meets the constraints.\n\n"
      "Output formats: text, json, markdown, csv.\n"));
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
                             "Example: mlsysim sweep Llama3_8B H100 --axis batch_size=1:64:x2"));
    }
  if ((registry = mls_cli_registry (cli, &status)) == NULL ||
      (scenario = mls_cli_load_target (cli, registry, argc, argv, &status)) == NULL)
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

  engine = mls_engine_get_default ();
  mls_cli_load_errors (cli, engine, TRUE);
  if (!apply_params (engine, scenario, o.params, &error))
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);

  sweep = mls_sweep_new (engine, scenario);
  if (o.threads < 0)
    return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                         _("--threads must be at least 1"));
  mls_sweep_set_n_threads (sweep, (guint) o.threads);
  for (guint i = 0; o.axes != NULL && o.axes[i] != NULL; i++)
    if (!mls_sweep_add_axis_from_string (sweep, o.axes[i], &error))
      return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
  if (!mls_sweep_set_solvers (sweep, (const char * const *) o.solvers, &error))
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
  for (guint i = 0; o.metrics != NULL && o.metrics[i] != NULL; i++)
    if (!mls_sweep_add_metric (sweep, o.metrics[i], &error))
      return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
  if (o.constraints != NULL && o.objective == NULL && o.pareto == NULL)
    return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                         _("--constraint filters a search: give --objective or --pareto too"));
  if (mls_sweep_get_n_points (sweep) == 0)
    return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                         _("The sweep has too many points; use fewer values"));

  progress.start = g_get_monotonic_time ();
  progress.tty = isatty (fileno (stderr));
  progress.plain = o.progress && !progress.tty;
  progress.last_percent = -1;
  table = mls_sweep_run (sweep, NULL, (progress.tty || progress.plain) ? on_progress : NULL,
                         &progress, &error);
  progress_finish (&progress);
  if (table == NULL)
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Evaluation Error"), error);

  /* The search, the front: before anything is printed, so that a bad objective is an error. */
  if (o.objective != NULL)
    {
      best = mls_sweep_table_search (table, o.objective, (const char * const *) o.constraints,
                                     o.top > 0 ? (guint) o.top : 5, &n_best, &error);
      if (best == NULL && !g_error_matches (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_NO_SOLUTION))
        return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
      if (best == NULL)
        status = MLS_EXIT_SLA;
      g_clear_error (&error);
    }
  if (o.pareto != NULL)
    {
      front = mls_sweep_table_pareto_front (table, (const char * const *) o.pareto,
                                            (const char * const *) o.constraints, &n_front,
                                            &error);
      if (front == NULL && !g_error_matches (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_NO_SOLUTION))
        return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
      if (front == NULL)
        status = MLS_EXIT_SLA;
      g_clear_error (&error);
    }

  switch (cli->format)
    {
    case MLS_FORMAT_CSV:
      /* a search writes its rows; a front its rows; else the whole table */
      if (!write_csv (table, best ? best : front, best ? n_best : n_front, &error))
        return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Output Error"), error);
      break;

    case MLS_FORMAT_JSON:
      if (o.objective == NULL && o.pareto == NULL)
        {
          g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

          if (!mls_sweep_table_write_json (table, stream, NULL, 0, NULL, &error) ||
              !g_output_stream_close (stream, NULL, &error))
            return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Output Error"), error);
          fwrite (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), 1,
                  g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                  stdout);
        }
      else
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();
          g_autoptr(JsonNode) root = NULL;

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "scenario");
          json_builder_add_string_value (b, mls_scenario_get_name (scenario));
          json_builder_set_member_name (b, "n_points");
          json_builder_add_int_value (b, (gint64) mls_sweep_table_get_n_points (table));
          json_builder_set_member_name (b, "status");
          json_builder_add_string_value (b, status == MLS_EXIT_OK ? "ok" : "no_solution");
          if (o.objective != NULL)
            {
              json_builder_set_member_name (b, "objective");
              json_builder_add_string_value (b, o.objective);
            }
          json_builder_set_member_name (b, "constraints");
          json_builder_begin_array (b);
          for (guint i = 0; o.constraints != NULL && o.constraints[i] != NULL; i++)
            json_builder_add_string_value (b, o.constraints[i]);
          json_builder_end_array (b);
          if (o.objective != NULL)
            {
              json_builder_set_member_name (b, "best");
              if (best != NULL)
                add_row_json (b, table, best[0]);
              else
                json_builder_add_null_value (b);
              json_builder_set_member_name (b, "top_candidates");
              json_builder_begin_array (b);
              for (guint i = 0; i < n_best; i++)
                add_row_json (b, table, best[i]);
              json_builder_end_array (b);
            }
          if (o.pareto != NULL)
            {
              json_builder_set_member_name (b, "pareto_objectives");
              json_builder_begin_array (b);
              for (guint i = 0; o.pareto[i] != NULL; i++)
                json_builder_add_string_value (b, o.pareto[i]);
              json_builder_end_array (b);
              json_builder_set_member_name (b, "pareto_front");
              json_builder_begin_array (b);
              for (guint64 i = 0; i < n_front; i++)
                add_row_json (b, table, front[i]);
              json_builder_end_array (b);
            }
          json_builder_end_object (b);
          root = json_builder_get_root (b);
          mls_cli_print_json_short (root);
        }
      break;

    case MLS_FORMAT_MARKDOWN:
    case MLS_FORMAT_TEXT:
    default:
      {
        gboolean markdown = cli->format == MLS_FORMAT_MARKDOWN;

        if (markdown)
          g_print ("## %s\n\n", _("Sweep"));
        print_summary (table, scenario);
        g_print ("\n");
        if (o.objective != NULL)
          {
            if (best == NULL)
              g_print (_("No point meets the constraints (%s).\n"), o.objective);
            else
              {
                g_print (_("Best %u (%s):\n"), n_best, o.objective);
                print_rows (table, best, n_best, markdown);
              }
            g_print ("\n");
          }
        if (o.pareto != NULL)
          {
            if (front == NULL)
              g_print (_("No point meets the constraints.\n"));
            else
              {
                g_autofree char *objectives = g_strjoinv (", ", o.pareto);

                g_print (_("Pareto front, %" G_GUINT64_FORMAT " points (%s):\n"), n_front,
                         objectives);
                print_rows (table, front, n_front, markdown);
              }
          }
        if (o.objective == NULL && o.pareto == NULL)
          print_rows (table, NULL, mls_sweep_table_get_n_rows (table), markdown);
      }
      break;
    }

  if (status == MLS_EXIT_SLA)
    g_printerr ("mlsysim: %s\n", _("No valid configurations found in the search space."));
  return status;
}
