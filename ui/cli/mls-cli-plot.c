/* mls-cli-plot.c — `mlsysim plot roofline|scorecard … -o FILE.{png,svg,pdf}`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mls-cli.h"
#include "mls-render.h"

typedef struct
{
  char   *workloads;
  char   *theme;
  char   *preset;
  int     width;
  int     height;
  double  dpi;
  gboolean all_roofs;
  char   *title;
} PlotOptions;

static gboolean
style_from_options (PlotOptions    *o,
                    MlsFigureStyle *style,
                    GError        **error)
{
  MlsFigureTheme theme = MLS_FIGURE_THEME_LIGHT;
  MlsFigurePreset preset = MLS_FIGURE_PRESET_SLIDE_16_9;

  if (o->theme != NULL && !mls_figure_theme_from_string (o->theme, &theme, error))
    return FALSE;
  if (o->preset != NULL && !mls_figure_preset_from_string (o->preset, &preset, error))
    return FALSE;
  mls_figure_style_init (style, theme, preset);
  return TRUE;
}

static int
export_figure (MlsCli      *cli,
               PlotOptions *o,
               MlsFigure   *figure)
{
  g_autoptr(GError) error = NULL;

  if (!mls_figure_validate (figure, &error) ||
      !mls_figure_export (figure, cli->output_path, o->width, o->height, o->dpi, &error))
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
  g_printerr ("%s\n", cli->output_path);
  return MLS_EXIT_OK;
}

/* One device per comma-separated key, each workload's operating point on the first device, at
 * the scenario's batch and precision. */
static int
plot_roofline (MlsCli      *cli,
               PlotOptions *o,
               MlsCliKnobs *knobs,
               const char  *devices)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = g_strsplit (devices, ",", -1);
  g_auto(GStrv) models = o->workloads ? g_strsplit (o->workloads, ",", -1) : g_new0 (char *, 1);
  g_autoptr(MlsScenario) scenario = NULL;
  MlsRooflineChart chart = { 0 };
  MlsFigureStyle style;
  MlsFigure figure;
  MlsRegistry *registry;
  int status = MLS_EXIT_OK;

  if ((registry = mls_cli_registry (cli, &status)) == NULL)
    return status;
  if (!style_from_options (o, &style, &error))
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
  scenario = mls_plan_new_scenario ("plot", registry, &error);
  if (scenario == NULL || !mls_cli_apply_knobs (knobs, scenario, registry, &error))
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);

  chart.title = o->title;
  for (guint i = 0; keys[i] != NULL; i++)
    {
      MlsEntry *hw = mls_registry_lookup (registry, "hardware", g_strstrip (keys[i]), &error);
      if (hw == NULL ||
          !mls_roofline_chart_add_hardware (&chart, MLS_HARDWARE_NODE (hw),
                                            mls_scenario_get_precision (scenario),
                                            o->all_roofs ? MLS_ROOFLINE_ROOFS_ALL
                                                         : MLS_ROOFLINE_ROOFS_NONE,
                                            &error))
        {
          status = mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
          goto out;
        }
    }
  for (guint i = 0; models[i] != NULL; i++)
    {
      MlsComputationGraph graph;
      MlsEntry *model = mls_registry_lookup (registry, "models", g_strstrip (models[i]), &error);

      if (model == NULL ||
          !mls_workload_lower (MLS_WORKLOAD (model), mls_scenario_get_precision (scenario), &graph,
                               &error) ||
          !mls_roofline_chart_add_graph (&chart, mls_entry_get_key (model), &graph,
                                         mls_scenario_get_batch_size (scenario), 0, &error))
        {
          status = mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
          goto out;
        }
    }

  mls_figure_init (&figure, MLS_FIGURE_ROOFLINE, &chart, &style);
  status = export_figure (cli, o, &figure);
out:
  mls_roofline_chart_clear (&chart);
  return status;
}

static MlsFigureStatus
figure_status (MlsVerdict verdict)
{
  switch (verdict)
    {
    case MLS_VERDICT_PASS:
      return MLS_FIGURE_STATUS_PASS;
    case MLS_VERDICT_FAIL:
      return MLS_FIGURE_STATUS_FAIL;
    case MLS_VERDICT_WARNING:
      return MLS_FIGURE_STATUS_WARNING;
    case MLS_VERDICT_SKIPPED:
    default:
      return MLS_FIGURE_STATUS_SKIPPED;
    }
}

/* The scorecard of `mlsysim eval MODEL HARDWARE`, with memory and latency bars. */
static int
plot_scorecard (MlsCli      *cli,
                PlotOptions *o,
                MlsCliKnobs *knobs,
                const char  *model,
                const char  *hardware)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) scenario = NULL;
  g_autoptr(MlsEvaluation) evaluation = NULL;
  g_autofree char *memory_detail = NULL;
  MlsScorecardChart chart = { 0 };
  MlsScorecardBar bars[2];
  MlsQuantity used, capacity, latency, sla;
  MlsFigureStyle style;
  MlsFigure figure;
  MlsRegistry *registry;
  MlsLedger *ledger;
  guint n_bars = 0;
  int status = MLS_EXIT_OK;

  if ((registry = mls_cli_registry (cli, &status)) == NULL)
    return status;
  if (!style_from_options (o, &style, &error))
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
  scenario = mls_cli_quick_scenario (registry, model, hardware, &error);
  if (scenario == NULL || !mls_cli_apply_knobs (knobs, scenario, registry, &error))
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
  evaluation = mls_evaluation_compute (mls_engine_get_default (), scenario, &error);
  if (evaluation == NULL)
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);

  chart.scenario = mls_evaluation_get_scenario_name (evaluation);
  for (guint level = 0; level < MLS_N_LEVELS; level++)
    {
      chart.levels[level].name = mls_evaluation_get_level_name (evaluation, level);
      chart.levels[level].status = figure_status (mls_evaluation_get_verdict (evaluation, level));
      chart.levels[level].summary = mls_evaluation_get_summary (evaluation, level);
    }

  ledger = mls_evaluation_get_ledger (evaluation);
  if (mls_ledger_get (ledger, "roofline.memory_footprint", &used) &&
      mls_ledger_get (ledger, "roofline.memory_capacity", &capacity) && capacity.value > 0)
    {
      g_autofree char *u = mls_quantity_format (&used, 3);
      g_autofree char *c = mls_quantity_format (&capacity, 3);
      memory_detail = g_strdup_printf (_("%s of %s"), u, c);
      bars[n_bars++] = (MlsScorecardBar) { _("Memory"), used.value / capacity.value,
                                           memory_detail };
    }
  /* the latency bar compares with the SLA when the scenario has one, else the registry's
   * default_sla_latency, as the reference's scorecard does */
  if (mls_ledger_get (ledger, "roofline.latency", &latency) &&
      (mls_scenario_get_parameter (scenario, "sla.latency", &sla) ||
       mls_registry_get_constant (registry, "default_sla_latency", &sla, NULL)) &&
      sla.value > 0)
    bars[n_bars++] = (MlsScorecardBar) { _("Latency (SLA)"), latency.value / sla.value, NULL };
  chart.bars = bars;
  chart.n_bars = n_bars;
  chart.title = o->title;

  mls_figure_init (&figure, MLS_FIGURE_SCORECARD, &chart, &style);
  return export_figure (cli, o, &figure);
}

int
mls_cli_plot (MlsCli *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree GOptionEntry *knob_entries = NULL;
  PlotOptions o = { 0 };
  MlsCliKnobs knobs;
  int status;
  GOptionEntry entries[] = {
    { "workload", 'w', 0, G_OPTION_ARG_STRING, &o.workloads,
      N_("Workloads to place on the roofline, comma-separated"), N_("MODEL[,MODEL…]") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &o.theme, N_("light, dark or print"), N_("THEME") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &o.preset,
      N_("slide-16-9, slide-4-3 or paper"), N_("PRESET") },
    { "width", 0, 0, G_OPTION_ARG_INT, &o.width, N_("Width in pixels (PNG)"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_INT, &o.height, N_("Height in pixels (PNG)"), N_("PX") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &o.dpi, N_("Resolution (PNG)"), N_("DPI") },
    { "roofs", 0, 0, G_OPTION_ARG_NONE, &o.all_roofs,
      N_("Also draw SRAM, flash and host-link roofs where the device has them"), NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &o.title, N_("The figure's title"), N_("TEXT") },
    { NULL },
  };

  mls_cli_knobs_init (&knobs);
  context = mls_cli_option_context (cli, entries);
  knob_entries = mls_cli_knob_entries (&knobs, FALSE);
  g_option_context_add_main_entries (context, knob_entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Examples:\n"
      "  mlsysim plot roofline H100,A100,B200 -w Llama3_8B,ResNet50 -b 32 -o roofline.pdf\n"
      "  mlsysim plot scorecard Llama3_8B H100 --theme print -o scorecard.png\n"));
  if (!mls_cli_parse_options (cli, context, &argc, &argv))
    status = MLS_EXIT_BAD_INPUT;
  else if (cli->output_path == NULL)
    status = mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                           _("Name the figure file with -o, e.g. -o roofline.pdf (PNG, SVG or "
                             "PDF)"));
  else if (argc == 3 && g_ascii_strcasecmp (argv[1], "roofline") == 0)
    status = plot_roofline (cli, &o, &knobs, argv[2]);
  else if (argc == 4 && g_ascii_strcasecmp (argv[1], "scorecard") == 0)
    status = plot_scorecard (cli, &o, &knobs, argv[2], argv[3]);
  else
    status = mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                           _("Expected “plot roofline HARDWARE[,HARDWARE…]” or “plot scorecard "
                             "MODEL HARDWARE”"));

  mls_cli_knobs_clear (&knobs);
  g_free (o.workloads);
  g_free (o.theme);
  g_free (o.preset);
  g_free (o.title);
  return status;
}
