/* test-studio.c — MLSys·im Studio driven through its controls, under Xvfb
 *
 * The composer is driven as a user would (its dropdowns, spin buttons and toggles), and what
 * the views then show is checked against the engine run on an independently built scenario,
 * against the `mlsysim` command line, and against hand arithmetic where physics decides.
 *
 * A plugin that cannot load (tests/gui/plugins-broken) is on the plugin path for every test:
 * the app must work around it.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "mls-studio-application.h"
#include "mls-studio-chart.h"
#include "mls-studio-compare-view.h"
#include "mls-studio-composer.h"
#include "mls-studio-efficiency-guide.h"
#include "mls-studio-format.h"
#include "mls-studio-metrics-view.h"
#include "mls-studio-preferences-window.h"
#include "mls-studio-registry-view.h"
#include "mls-studio-roofline-view.h"
#include "mls-studio-scorecard-view.h"
#include "mls-studio-sweep-view.h"
#include "mls-studio-window.h"

static MlsStudioApplication *app;

/* libpeas and the Python loader report the broken plugin with warnings, which are expected:
 * warnings are fatal only in the domains of the app, its libraries and the toolkits. */
static void
set_fatal_warnings (void)
{
  static const char *domains[] = { "Mlsysim", "Mlsysim-Studio", "Mlsysim-Render", "Gtk", "Gdk",
                                   "Gsk", "Adwaita", "GLib", "GLib-GObject", "GLib-GIO" };

  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    g_log_set_fatal_mask (domains[i], G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL |
                                      G_LOG_LEVEL_WARNING);
}

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static MlsStudioWindow *
new_window (void)
{
  MlsStudioWindow *window = mls_studio_window_new (app);

  flush_events ();
  return window;
}

static MlsScenario *
engine_scenario (const char   *workload,
                 const char   *hardware,
                 guint         batch,
                 MlsPrecision  precision,
                 double        efficiency)
{
  MlsRegistry *registry = mls_studio_application_get_registry (app);
  g_autoptr(GError) error = NULL;
  MlsScenario *scenario = mls_plan_new_scenario ("test", registry, &error);

  g_assert_no_error (error);
  mls_scenario_set_workload (scenario,
                             MLS_WORKLOAD (mls_registry_lookup (registry, "models", workload,
                                                                &error)));
  g_assert_no_error (error);
  mls_scenario_set_hardware (scenario,
                             MLS_HARDWARE_NODE (mls_registry_lookup (registry, "hardware",
                                                                     hardware, &error)));
  g_assert_no_error (error);
  g_assert_true (mls_scenario_set_knob (scenario, MLS_KNOB_BATCH_SIZE, batch, NULL));
  g_assert_true (mls_scenario_set_knob (scenario, MLS_KNOB_EFFICIENCY, efficiency, NULL));
  mls_scenario_set_precision (scenario, precision);
  return scenario;
}

static void
drive (MlsStudioComposer *composer,
       const char        *hardware,
       guint              batch,
       MlsPrecision       precision)
{
  g_assert_true (mls_studio_composer_select_workload (composer, "Llama3_8B"));
  g_assert_true (mls_studio_composer_select_hardware (composer, hardware));
  mls_studio_composer_set_batch_size (composer, batch);
  mls_studio_composer_set_precision (composer, precision);
  mls_studio_composer_set_efficiency (composer, 0.5);
  flush_events ();
}

/* What the CLI prints for the same scenario: `mlsysim eval MODEL HW -b N -p P -e 0.5 -o json`.
 * Returns NULL (and the test skips that part) when the CLI is not built. */
static JsonObject *
cli_eval (const char *hardware,
          guint       batch,
          const char *precision)
{
  const char *build = g_getenv ("MLSYSIM_BUILD_ROOT");
  g_autofree char *cli = build ? g_build_filename (build, "ui", "cli", "mlsysim", NULL) : NULL;
  g_autofree char *batch_text = g_strdup_printf ("%u", batch);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status = 0;
  const char *argv[] = { cli, "eval", "Llama3_8B", hardware, "-b", batch_text, "-p", precision,
                         "-e", "0.5", "-o", "json", NULL };

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The composer, the views and the engine agree */

static void
check_against_engine (MlsStudioWindow *window,
                      const char      *hardware,
                      guint            batch,
                      MlsPrecision     precision)
{
  MlsStudioRooflineView *roofline =
    MLS_STUDIO_ROOFLINE_VIEW (mls_studio_window_get_view (window, "roofline"));
  MlsStudioMetricsView *metrics =
    MLS_STUDIO_METRICS_VIEW (mls_studio_window_get_view (window, "metrics"));
  g_autoptr(MlsScenario) scenario = engine_scenario ("Llama3_8B", hardware, batch, precision, 0.5);
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsEvaluation) evaluation = NULL;
  g_autoptr(MlsLedger) ledger = mls_ledger_new ();
  g_autoptr(MlsEnginePlan) plan = NULL;
  g_autoptr(JsonObject) cli = NULL;
  g_autofree char *latency_text = NULL;
  g_autofree char *ledger_latency = NULL;
  g_autofree char *precision_name = NULL;
  MlsQuantity q;
  double latency_ms;

  evaluation = mls_evaluation_compute (mls_studio_application_get_engine (app), scenario, &error);
  g_assert_no_error (error);

  /* The bottleneck tile shows the scorecard's bottleneck. */
  g_assert_cmpstr (mls_studio_roofline_view_get_stat (roofline, "bottleneck"), ==,
                   mls_evaluation_get_metric_text (evaluation, MLS_LEVEL_PERFORMANCE,
                                                   "bottleneck"));
  g_assert_true (mls_evaluation_get_metric (evaluation, MLS_LEVEL_PERFORMANCE, "latency",
                                            &latency_ms));
  g_assert_true (mls_quantity_from_unit (latency_ms, "ms", &q, NULL));
  latency_text = mls_studio_format_quantity (&q, "ms");
  g_assert_cmpstr (mls_studio_roofline_view_get_stat (roofline, "latency"), ==, latency_text);

  /* The metrics panel shows every solver's ledger, here the roofline's latency. */
  plan = mls_engine_plan (mls_studio_application_get_engine (app), NULL, &error);
  g_assert_no_error (error);
  mls_engine_plan_run (plan, scenario, ledger);
  g_assert_true (mls_ledger_get (ledger, "roofline.latency", &q));
  ledger_latency = mls_studio_format_quantity (&q, "ms");
  g_assert_cmpstr (mls_studio_metrics_view_get_metric_text (metrics, "roofline.latency"), ==,
                   ledger_latency);
  g_assert_cmpstr (mls_studio_metrics_view_get_metric_text (metrics, "roofline.bottleneck"), ==,
                   mls_ledger_get_text (ledger, "roofline.bottleneck"));

  /* And the command line says the same. */
  precision_name = g_strdup (mls_precision_to_string (precision));
  cli = cli_eval (hardware, batch, precision_name);
  if (cli != NULL)
    {
      g_assert_cmpstr (json_object_get_string_member (cli, "p_bottleneck"), ==,
                       mls_studio_roofline_view_get_stat (roofline, "bottleneck"));
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (cli, "p_latency"),
                                      latency_ms, 1e-9 * latency_ms);
    }
  else
    g_test_message ("the mlsysim CLI is not built; compared with the engine only");
}

static void
test_composer_drives_views (void)
{
  MlsStudioWindow *window = new_window ();
  MlsStudioComposer *composer = MLS_STUDIO_COMPOSER (mls_studio_window_get_composer (window));
  MlsStudioRooflineView *roofline =
    MLS_STUDIO_ROOFLINE_VIEW (mls_studio_window_get_view (window, "roofline"));
  MlsScenario *scenario = mls_studio_document_get_scenario (mls_studio_window_get_document (window));

  /* Llama-3 8B decoding one token at batch 1 reads all 8e9 FP16 weights (16 GB) for about
   * 2 × 8e9 FLOP: about 1 FLOP/B, far below the H100's ridge point of
   * 989 TFLOP/s ÷ 3.35 TB/s ≈ 295 FLOP/B. Memory binds. */
  drive (composer, "H100", 1, MLS_PRECISION_FP16);
  g_assert_cmpstr (mls_entry_get_key (MLS_ENTRY (mls_scenario_get_hardware (scenario))), ==,
                   "H100");
  g_assert_cmpuint (mls_scenario_get_batch_size (scenario), ==, 1);
  g_assert_cmpint (mls_scenario_get_precision (scenario), ==, MLS_PRECISION_FP16);
  g_assert_cmpstr (mls_studio_roofline_view_get_stat (roofline, "bottleneck"), ==, "Memory");
  check_against_engine (window, "H100", 1, MLS_PRECISION_FP16);

  /* Another device, a bigger batch and another precision: each control reaches the engine. */
  drive (composer, "A100", 8, MLS_PRECISION_FP8);
  g_assert_cmpstr (mls_entry_get_key (MLS_ENTRY (mls_scenario_get_hardware (scenario))), ==,
                   "A100");
  g_assert_cmpuint (mls_scenario_get_batch_size (scenario), ==, 8);
  g_assert_cmpint (mls_scenario_get_precision (scenario), ==, MLS_PRECISION_FP8);
  check_against_engine (window, "A100", 8, MLS_PRECISION_FP8);

  drive (composer, "B200", 512, MLS_PRECISION_INT8);
  check_against_engine (window, "B200", 512, MLS_PRECISION_INT8);

  /* The operating point drawn is the engine's: under the device's memory roof. */
  {
    const MlsRooflineChart *chart = mls_studio_roofline_view_get_data (roofline);

    g_assert_cmpuint (chart->n_devices, >=, 1);
    g_assert_cmpuint (chart->n_workloads, ==, 1);
    g_assert_cmpfloat (chart->workloads[0].performance, <=,
                       chart->devices[0].bandwidth * chart->workloads[0].intensity * (1 + 1e-9));
    g_assert_cmpfloat (chart->workloads[0].performance, <=, chart->devices[0].peak_flops);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_efficiency_hint (void)
{
  MlsStudioWindow *window = new_window ();
  MlsStudioComposer *composer = MLS_STUDIO_COMPOSER (mls_studio_window_get_composer (window));

  /* The reference's guide: decode at batch 1 reaches η 0.01–0.05; at batch ≥ 32, 0.15–0.35;
   * training a large transformer, 0.40–0.55. */
  drive (composer, "H100", 1, MLS_PRECISION_FP16);
  g_assert_nonnull (strstr (mls_studio_composer_get_efficiency_hint (composer), "0.01–0.05"));
  mls_studio_composer_set_batch_size (composer, 64);
  g_assert_nonnull (strstr (mls_studio_composer_get_efficiency_hint (composer), "0.15–0.35"));
  mls_studio_composer_set_training (composer, TRUE);
  g_assert_nonnull (strstr (mls_studio_composer_get_efficiency_hint (composer), "0.40–0.55"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Files */

static void
test_save_and_reopen (void)
{
  MlsStudioWindow *window = new_window ();
  MlsStudioComposer *composer = MLS_STUDIO_COMPOSER (mls_studio_window_get_composer (window));
  MlsStudioDocument *document = mls_studio_window_get_document (window);
  MlsStudioWindow *other;
  MlsScenario *a, *b;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mlsysim-studio-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "scenario.yaml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  drive (composer, "A100", 16, MLS_PRECISION_BF16);
  mls_studio_composer_set_seq_len (composer, 4096);
  mls_studio_composer_set_efficiency (composer, 0.37);
  mls_studio_composer_set_training (composer, TRUE);
  g_assert_true (mls_studio_composer_select_region (composer, "Quebec"));
  flush_events ();
  g_assert_true (mls_studio_document_get_modified (document));

  mls_studio_document_save_file (document, file, &error);
  g_assert_no_error (error);
  g_assert_false (mls_studio_document_get_modified (document));

  other = new_window ();
  mls_studio_window_open_file (other, file);
  flush_events ();
  a = mls_studio_document_get_scenario (document);
  b = mls_studio_document_get_scenario (mls_studio_window_get_document (other));
  g_assert_true (a != b);
  g_assert_cmpstr (mls_entry_get_key (MLS_ENTRY (mls_scenario_get_workload (b))), ==, "Llama3_8B");
  g_assert_cmpstr (mls_entry_get_key (MLS_ENTRY (mls_scenario_get_hardware (b))), ==, "A100");
  g_assert_nonnull (mls_scenario_get_grid (b));
  g_assert_cmpstr (mls_entry_get_key (MLS_ENTRY (mls_scenario_get_grid (b))), ==, "Quebec");
  g_assert_cmpint (mls_scenario_get_precision (b), ==, MLS_PRECISION_BF16);
  g_assert_cmpint (mls_scenario_get_training (b), ==, TRUE);
  for (guint k = 0; k < MLS_N_KNOBS; k++)
    g_assert_cmpfloat_with_epsilon (mls_scenario_get_knob (b, k), mls_scenario_get_knob (a, k),
                                    1e-12);
  g_assert_false (mls_studio_document_get_modified (mls_studio_window_get_document (other)));

  /* A save that fails leaves the file as it was: the plan needs a hardware to be written. */
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  mls_scenario_set_hardware (a, NULL);
  g_assert_false (mls_studio_document_save_file (document, file, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, saved);

  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unsaved_changes_prompt (void)
{
  MlsStudioWindow *window = new_window ();
  MlsStudioComposer *composer = MLS_STUDIO_COMPOSER (mls_studio_window_get_composer (window));
  MlsStudioDocument *document = mls_studio_window_get_document (window);
  AdwMessageDialog *prompt = NULL;
  GListModel *toplevels;

  mls_studio_composer_set_batch_size (composer, 32);
  flush_events ();
  g_assert_true (mls_studio_document_get_modified (document));

  /* New Scenario asks first … */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  flush_events ();
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) &&
          gtk_window_get_transient_for (GTK_WINDOW (w)) == GTK_WINDOW (window))
        prompt = ADW_MESSAGE_DIALOG (w);
    }
  g_assert_nonnull (prompt);
  g_assert_cmpuint (mls_scenario_get_batch_size (mls_studio_document_get_scenario (document)),
                    ==, 32);

  /* … and discarding composes the default scenario. */
  adw_message_dialog_response (prompt, "discard");
  flush_events ();
  g_assert_false (mls_studio_document_get_modified (document));
  g_assert_cmpuint (mls_scenario_get_batch_size (mls_studio_document_get_scenario (document)),
                    ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Plugins */

static void
test_broken_plugin (void)
{
  MlsEngine *engine = mls_studio_application_get_engine (app);
  const char * const *errors = mls_engine_get_load_errors (engine);
  MlsStudioWindow *window;
  GtkWidget *prefs;
  gboolean named = FALSE;

  for (guint i = 0; errors[i] != NULL; i++)
    named |= strstr (errors[i], "broken") != NULL;
  g_assert_true (named);

  /* The failure was shown once, by the first window; later windows stay quiet. */
  window = new_window ();
  g_assert_false (mls_studio_application_claim_load_notice (app));

  /* The plugins page lists it, and every other solver still answers. */
  prefs = mls_studio_preferences_window_new (app);
  g_assert_cmpuint (mls_studio_preferences_window_get_n_failures (
                      MLS_STUDIO_PREFERENCES_WINDOW (prefs)), >=, 1);
  g_assert_nonnull (mls_studio_preferences_window_get_solver_switch (
                      MLS_STUDIO_PREFERENCES_WINDOW (prefs), "roofline"));
  g_assert_nonnull (mls_studio_document_get_evaluation (mls_studio_window_get_document (window)));
  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_disable_solver (void)
{
  MlsStudioWindow *window = new_window ();
  MlsStudioMetricsView *metrics =
    MLS_STUDIO_METRICS_VIEW (mls_studio_window_get_view (window, "metrics"));
  GtkWidget *prefs = mls_studio_preferences_window_new (app);
  GtkSwitch *sw = mls_studio_preferences_window_get_solver_switch (
    MLS_STUDIO_PREFERENCES_WINDOW (prefs), "reliability");

  if (sw == NULL)
    {
      g_test_skip ("the reliability plugin is not built");
      gtk_window_destroy (GTK_WINDOW (prefs));
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  g_assert_nonnull (mls_studio_metrics_view_get_solver_status (metrics, "reliability"));
  gtk_switch_set_active (sw, FALSE);
  flush_events ();
  g_assert_false (mls_engine_get_enabled (mls_studio_application_get_engine (app), "reliability"));
  g_assert_null (mls_studio_metrics_view_get_solver_status (metrics, "reliability"));
  {
    g_auto(GStrv) ran = mls_ledger_list_solvers (mls_studio_document_get_ledger (
                                                   mls_studio_window_get_document (window)));
    g_assert_false (g_strv_contains ((const char * const *) ran, "reliability"));
  }
  gtk_switch_set_active (sw, TRUE);
  flush_events ();
  g_assert_nonnull (mls_studio_metrics_view_get_solver_status (metrics, "reliability"));
  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A solver's declared parameters get controls, whatever the solver. */
static void
test_generated_parameter_controls (void)
{
  MlsStudioWindow *window = new_window ();
  MlsStudioMetricsView *metrics =
    MLS_STUDIO_METRICS_VIEW (mls_studio_window_get_view (window, "metrics"));
  MlsEngine *engine = mls_studio_application_get_engine (app);
  MlsScenario *scenario = mls_studio_document_get_scenario (mls_studio_window_get_document (window));
  g_auto(GStrv) ids = mls_engine_list_solvers (engine);
  guint checked = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      MlsSolverInfo *info = mls_engine_get_info (engine, ids[i]);

      for (guint j = 0; j < mls_solver_info_get_n_parameters (info); j++)
        {
          const MlsParameterSpec *spec = mls_solver_info_get_parameter (info, j);
          GtkSpinButton *spin = mls_studio_metrics_view_get_parameter_control (metrics, spec->id);
          double lower, upper, value;
          MlsQuantity q;

          if (spin == NULL)
            g_error ("%s (solver %s, enabled %d) has no control", spec->id, ids[i],
                     mls_engine_get_enabled (engine, ids[i]));
          gtk_spin_button_get_range (spin, &lower, &upper);
          g_assert_cmpfloat (lower, >=, spec->minimum);
          g_assert_cmpfloat (upper, <=, spec->maximum);
          g_assert_cmpint (gtk_spin_button_get_digits (spin), ==, spec->integer ? 0 : 2);

          /* Turning it reaches the scenario, in the declared unit. */
          value = gtk_spin_button_get_value (spin) + (spec->integer ? 1 : 0.5);
          if (value > upper)
            value = gtk_spin_button_get_value (spin) - (spec->integer ? 1 : 0.5);
          if (value < lower || lower == upper)
            continue;
          gtk_spin_button_set_value (spin, value);
          if (!mls_scenario_get_parameter (scenario, spec->id, &q))
            g_error ("%s: the spin button did not reach the scenario (value %g, range %g–%g)",
                     spec->id, value, lower, upper);
          if (spec->unit != NULL && *spec->unit != '\0')
            {
              double v;
              g_assert_true (mls_quantity_convert (&q, spec->unit, &v, NULL));
              g_assert_cmpfloat_with_epsilon (v, gtk_spin_button_get_value (spin), 1e-9 * fabs (v) + 1e-12);
            }
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Solvers and optimizers run when asked, into their own results, and go out of date. */
static void
test_on_demand_solver (void)
{
  MlsStudioWindow *window = new_window ();
  MlsStudioComposer *composer = MLS_STUDIO_COMPOSER (mls_studio_window_get_composer (window));
  MlsStudioMetricsView *metrics =
    MLS_STUDIO_METRICS_VIEW (mls_studio_window_get_view (window, "metrics"));
  MlsEngine *engine = mls_studio_application_get_engine (app);
  g_auto(GStrv) ids = mls_engine_list_solvers (engine);
  const char *id = NULL;
  MlsSolverInfo *info;
  g_autoptr(MlsLedger) ledger = mls_ledger_new ();
  g_autoptr(MlsEnginePlan) plan = NULL;
  const char *run_ids[2] = { NULL, NULL };

  for (guint i = 0; ids[i] != NULL && id == NULL; i++)
    {
      info = mls_engine_get_info (engine, ids[i]);
      if (mls_solver_info_get_kind (info) != MLS_SOLVER_KIND_MODEL &&
          (mls_solver_info_get_inputs (info) & MLS_SOLVER_INPUT_FLEET) == 0)
        id = ids[i];
    }
  if (id == NULL)
    {
      g_test_skip ("no solver or optimizer plugin is built");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  info = mls_engine_get_info (engine, id);
  drive (composer, "H100", 8, MLS_PRECISION_FP16);
  g_assert_cmpstr (mls_studio_metrics_view_get_solver_status (metrics, id), ==,
                   "Runs when asked");

  g_assert_true (mls_studio_metrics_view_run_solver (metrics, id));
  run_ids[0] = id;
  plan = mls_engine_plan (engine, run_ids, NULL);
  mls_engine_plan_run (plan, mls_studio_document_get_scenario (mls_studio_window_get_document (window)),
                       ledger);
  g_assert_cmpstr (mls_studio_metrics_view_get_solver_status (metrics, id), !=, "Runs when asked");
  for (guint j = 0; j < mls_solver_info_get_n_metrics (info); j++)
    {
      const MlsMetricSpec *spec = mls_solver_info_get_metric (info, j);
      const char *text = mls_ledger_get_text (ledger, spec->id);
      MlsQuantity q;
      g_autofree char *expected = NULL;

      if (text != NULL)
        expected = g_strdup (text);
      else if (mls_ledger_get (ledger, spec->id, &q))
        expected = g_strcmp0 (spec->unit, "text") == 0 ? mls_studio_format_number (q.value)
                                                       : mls_studio_format_quantity (&q, spec->unit);
      else
        expected = g_strdup ("—");
      g_assert_cmpstr (mls_studio_metrics_view_get_metric_text (metrics, spec->id), ==, expected);
    }

  /* A change of the scenario leaves the results out of date until they run again. */
  mls_studio_composer_set_batch_size (composer, 16);
  g_assert_cmpstr (mls_studio_metrics_view_get_solver_status (metrics, id), ==, "Out of date");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Views */

static void
test_registry_browser (void)
{
  MlsStudioWindow *window = new_window ();
  MlsStudioRegistryView *view =
    MLS_STUDIO_REGISTRY_VIEW (mls_studio_window_get_view (window, "registry"));
  MlsEntry *h100 = mls_registry_lookup (mls_studio_application_get_registry (app), "hardware",
                                        "H100", NULL);
  g_auto(GStrv) fields = mls_entry_list_fields (h100);

  g_assert_true (mls_studio_registry_view_set_category (view, "hardware"));
  mls_studio_registry_view_set_search (view, "H100");
  g_assert_cmpuint (mls_studio_registry_view_get_n_shown (view), >=, 1);
  g_assert_true (mls_studio_registry_view_select (view, "H100"));
  g_assert_cmpuint (mls_studio_registry_view_get_n_detail_rows (view), ==,
                    g_strv_length (fields));
  mls_studio_registry_view_set_search (view, "no such device anywhere");
  g_assert_cmpuint (mls_studio_registry_view_get_n_shown (view), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_sweep_and_csv (void)
{
  MlsStudioWindow *window = new_window ();
  MlsStudioComposer *composer = MLS_STUDIO_COMPOSER (mls_studio_window_get_composer (window));
  MlsStudioSweepView *sweep = MLS_STUDIO_SWEEP_VIEW (mls_studio_window_get_view (window, "sweeps"));
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  double x, y, last = 0;
  guint n;

  drive (composer, "H100", 1, MLS_PRECISION_FP16);
  g_assert_true (mls_studio_sweep_view_set_axis (sweep, MLS_STUDIO_SWEEP_BATCH));
  g_assert_true (mls_studio_sweep_view_set_metric (sweep, "roofline.latency"));
  n = mls_studio_sweep_view_get_n_points (sweep);
  /* Batch 1, 2, 4, … 1024: eleven points. */
  g_assert_cmpuint (n, ==, 11);
  /* A step over a bigger batch moves at least as many bytes and operations: it is never
   * faster. */
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (mls_studio_sweep_view_get_point (sweep, i, &x, &y));
      g_assert_cmpfloat (x, ==, (double) (1u << i));
      g_assert_cmpfloat (y, >=, last);
      last = y;
    }

  csv = mls_studio_sweep_view_to_csv (sweep);
  lines = g_strsplit (g_strstrip (csv), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n + 1);
  g_assert_true (g_str_has_prefix (lines[0], "batch_size,roofline.latency [s],bottleneck"));
  g_assert_true (g_str_has_prefix (lines[1], "1,"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_compare (void)
{
  MlsStudioWindow *window = new_window ();
  MlsStudioCompareView *compare =
    MLS_STUDIO_COMPARE_VIEW (mls_studio_window_get_view (window, "compare"));
  GListModel *rows = mls_studio_compare_view_get_rows (compare);
  guint before = g_list_model_get_n_items (rows);

  g_assert_cmpuint (before, >=, 1);
  if (mls_studio_compare_view_add_hardware (compare, "T4"))
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, before + 1);
  g_assert_false (mls_studio_compare_view_add_hardware (compare, "NoSuchDevice"));
  mls_studio_compare_view_remove_hardware (compare, "T4");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, before);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_charts (void)
{
  MlsStudioWindow *window = new_window ();
  const char *views[] = { "roofline", "scorecard", "compare", "sweeps" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mlsysim-studio-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      MlsStudioChart *chart;
      const char *formats[] = { "png", "svg", "pdf" };
      g_autoptr(GdkTexture) texture = NULL;

      mls_studio_window_set_visible_view (window, views[i]);
      chart = mls_studio_window_get_visible_chart (window);
      g_assert_nonnull (chart);
      g_assert_true (mls_studio_chart_has_figure (chart));
      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_autofree char *name = g_strdup_printf ("%s.%s", views[i], formats[f]);
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autofree char *data = NULL;
          gsize length;

          g_assert_true (mls_studio_chart_export (chart, path, MLS_FIGURE_THEME_PRINT,
                                                  MLS_FIGURE_PRESET_PAPER_COLUMN, &error));
          g_assert_no_error (error);
          g_assert_true (g_file_get_contents (path, &data, &length, NULL));
          g_assert_cmpuint (length, >, 100);
          g_unlink (path);
        }
      /* The clipboard gets the PNG as a texture at the slide preset, 1920 × 1080. */
      texture = mls_studio_chart_to_texture (chart, MLS_FIGURE_THEME_LIGHT,
                                             MLS_FIGURE_PRESET_SLIDE_16_9, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, 1920);
      g_assert_cmpint (gdk_texture_get_height (texture), ==, 1080);
    }
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_start_from_lighthouse (void)
{
  MlsStudioWindow *window = new_window ();
  MlsStudioDocument *document = mls_studio_window_get_document (window);
  MlsRegistry *registry = mls_studio_application_get_registry (app);
  g_auto(GStrv) keys = mls_lighthouse_list_keys (registry);
  MlsStudioScorecardView *scorecard =
    MLS_STUDIO_SCORECARD_VIEW (mls_studio_window_get_view (window, "scorecard"));

  g_assert_nonnull (keys);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(MlsScenario) expected = mls_lighthouse_new_scenario (registry, keys[i], NULL);
      MlsScenario *shown;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.start-from", "s", keys[i]);
      flush_events ();
      shown = mls_studio_document_get_scenario (document);
      g_assert_true (mls_scenario_get_workload (shown) == mls_scenario_get_workload (expected));
      g_assert_true (mls_scenario_get_hardware (shown) == mls_scenario_get_hardware (expected));
      g_assert_nonnull (mls_studio_document_get_persona (document));
      g_assert_cmpstr (mls_studio_scorecard_view_get_verdict (scorecard, MLS_LEVEL_FEASIBILITY),
                       !=, "");
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cluster (void)
{
  MlsStudioWindow *window = new_window ();
  MlsStudioComposer *composer = MLS_STUDIO_COMPOSER (mls_studio_window_get_composer (window));
  MlsStudioDocument *document = mls_studio_window_get_document (window);
  MlsScenario *scenario = mls_studio_document_get_scenario (document);
  MlsRegistry *registry = mls_studio_application_get_registry (app);
  MlsEntry *cluster = mls_registry_lookup (registry, "clusters", "Research_256", NULL);
  MlsEvaluation *evaluation;

  if (cluster == NULL)
    {
      g_test_skip ("the registry has no Research_256 cluster");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  g_assert_true (mls_studio_composer_select_cluster (composer, "Research_256"));
  flush_events ();
  g_assert_true (mls_scenario_get_fleet (scenario) == MLS_FLEET (cluster));
  /* The fleet's accelerator becomes the hardware, and a fleet of more than one device is
   * evaluated by the distributed solver: a fleet performance level. */
  g_assert_true (MLS_ENTRY (mls_scenario_get_hardware (scenario)) ==
                 mls_node_get_accelerator (mls_fleet_get_node (MLS_FLEET (cluster))));
  evaluation = mls_studio_document_get_evaluation (document);
  g_assert_nonnull (evaluation);
  g_assert_true (mls_evaluation_get_metric (evaluation, MLS_LEVEL_PERFORMANCE, "step_latency",
                                            &(double) { 0 }));

  /* Back to one accelerator. */
  g_assert_true (mls_studio_composer_select_cluster (composer, NULL));
  flush_events ();
  g_assert_null (mls_scenario_get_fleet (scenario));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_restore_state (void)
{
  MlsStudioWindow *window = new_window ();
  MlsStudioComposer *composer = MLS_STUDIO_COMPOSER (mls_studio_window_get_composer (window));
  MlsStudioDocument *document = mls_studio_window_get_document (window);
  MlsStudioWindow *next;
  MlsScenario *restored;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mlsysim-studio-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "restored.yaml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* An unsaved scenario comes back as it was. */
  drive (composer, "B200", 24, MLS_PRECISION_FP8);
  mls_studio_window_save_state (window);
  next = new_window ();
  mls_studio_window_restore_state (next);
  restored = mls_studio_document_get_scenario (mls_studio_window_get_document (next));
  g_assert_cmpstr (mls_entry_get_key (MLS_ENTRY (mls_scenario_get_hardware (restored))), ==,
                   "B200");
  g_assert_cmpuint (mls_scenario_get_batch_size (restored), ==, 24);
  g_assert_cmpint (mls_scenario_get_precision (restored), ==, MLS_PRECISION_FP8);
  g_assert_null (mls_studio_document_get_file (mls_studio_window_get_document (next)));
  gtk_window_destroy (GTK_WINDOW (next));

  /* A plan comes back from its file. */
  g_assert_true (mls_studio_document_save_file (document, file, &error));
  mls_studio_window_save_state (window);
  next = new_window ();
  mls_studio_window_restore_state (next);
  g_assert_nonnull (mls_studio_document_get_file (mls_studio_window_get_document (next)));
  g_assert_true (g_file_equal (mls_studio_document_get_file (mls_studio_window_get_document (next)),
                               file));
  gtk_window_destroy (GTK_WINDOW (next));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return GTK_WINDOW (w);
    }
  return NULL;
}

static void
test_app_windows (void)
{
  MlsStudioWindow *window = new_window ();
  GSettings *settings = mls_studio_application_get_settings (app);
  GtkWindow *found;

  gtk_window_present (GTK_WINDOW (window));
  flush_events ();

  /* The shortcuts window comes from the resource's gtk/help-overlay.ui. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  flush_events ();
  found = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (found);
  gtk_widget_set_visible (GTK_WIDGET (found), FALSE);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  flush_events ();
  found = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (found);
  gtk_window_destroy (found);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  flush_events ();
  found = find_toplevel (MLS_STUDIO_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (found);
  gtk_window_destroy (found);

  /* The style preference drives libadwaita: dark, then light. */
  g_assert_nonnull (settings);
  g_settings_set_enum (settings, "color-scheme", 2);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  g_settings_set_enum (settings, "color-scheme", 1);
  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  g_settings_reset (settings, "color-scheme");

  /* Binary units show memory in GiB. */
  g_settings_set_enum (settings, "units", 1);
  {
    MlsQuantity q;
    g_autofree char *text = NULL;

    g_assert_true (mls_quantity_from_unit (80, "GiB", &q, NULL));
    text = mls_studio_format_quantity (&q, "GB");
    g_assert_cmpstr (text, ==, "80 GiB");
  }
  g_settings_reset (settings, "units");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_benchmark (void)
{
  MlsStudioWindow *window = new_window ();
  double ms;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    flush_events ();
  ms = mls_studio_window_run_benchmark (window, 40);
  g_assert_cmpfloat (ms, >, 0);
  /* The target of issue 8: a control change, recompute and redraw within one 60 Hz frame. */
  g_assert_cmpfloat (ms, <, 16.0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
remove_tree (GFile *dir)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                               NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (dir, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *source = g_getenv ("MLSYSIM_SOURCE_ROOT");
  const char *path = g_getenv ("MLSYSIM_PLUGIN_PATH");
  g_autofree char *broken = NULL;
  g_autofree char *plugin_path = NULL;
  g_autofree char *scratch = NULL;
  int status;

  /* Drafts, recent files and caches go to a scratch place, never the user's: set before GLib
   * reads (and caches) the XDG directories. */
  scratch = g_dir_make_tmp ("mlsysim-studio-home-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", scratch, TRUE);
  g_setenv ("XDG_DATA_HOME", scratch, TRUE);
  g_setenv ("XDG_CACHE_HOME", scratch, TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();
  if (!gtk_init_check ())
    {
      g_rmdir (scratch);
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  set_fatal_warnings ();

  /* Before the engine exists: a plugin directory with a plugin that cannot load. */
  broken = g_build_filename (source ? source : ".", "tests", "gui", "plugins-broken", NULL);
  plugin_path = path ? g_strjoin (G_SEARCHPATH_SEPARATOR_S, path, broken, NULL)
                     : g_strdup (broken);
  g_setenv ("MLSYSIM_PLUGIN_PATH", plugin_path, TRUE);

  app = mls_studio_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_nonnull (mls_studio_application_get_engine (app));

  g_test_add_func ("/studio/composer/drives-views", test_composer_drives_views);
  g_test_add_func ("/studio/composer/efficiency-hint", test_efficiency_hint);
  g_test_add_func ("/studio/composer/start-from", test_start_from_lighthouse);
  g_test_add_func ("/studio/composer/cluster", test_cluster);
  g_test_add_func ("/studio/files/restore-state", test_restore_state);
  g_test_add_func ("/studio/app/windows", test_app_windows);
  g_test_add_func ("/studio/files/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/studio/files/unsaved-changes", test_unsaved_changes_prompt);
  g_test_add_func ("/studio/plugins/broken", test_broken_plugin);
  g_test_add_func ("/studio/plugins/disable", test_disable_solver);
  g_test_add_func ("/studio/plugins/parameters", test_generated_parameter_controls);
  g_test_add_func ("/studio/plugins/on-demand", test_on_demand_solver);
  g_test_add_func ("/studio/views/registry", test_registry_browser);
  g_test_add_func ("/studio/views/sweep", test_sweep_and_csv);
  g_test_add_func ("/studio/views/compare", test_compare);
  g_test_add_func ("/studio/views/export", test_export_charts);
  g_test_add_func ("/studio/benchmark", test_benchmark);

  status = g_test_run ();
  g_clear_object (&app);
  if (scratch != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (scratch);
      remove_tree (dir);
    }
  return status;
}
