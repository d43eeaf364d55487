/* mls-studio-scorecard-view.c — the three-level scorecard: will it run, is it fast, is it worth it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mls-studio-format.h"
#include "mls-studio-scorecard-view.h"

/* Bars of the figure: memory, MFU, the latency target and the power budget. */
#define MAX_BARS 4

typedef struct
{
  GtkWidget  *card;
  GtkLabel   *title;
  GtkLabel   *verdict;
  GtkLabel   *summary;
  GtkListBox *list;
  GPtrArray  *keys;    /* the metric keys the rows show, in order */
  GPtrArray  *values;  /* GtkLabel* of each row */
} LevelCard;

struct _MlsStudioScorecardView
{
  AdwBin             parent_instance;

  MlsStudioDocument *document;
  MlsStudioChart    *chart;
  LevelCard          levels[MLS_N_LEVELS];
  GtkLabel          *violations;
  gboolean           dirty;

  MlsScorecardChart  data;
  MlsScorecardBar    bars[MAX_BARS];
  GStringChunk      *strings;
};

G_DEFINE_FINAL_TYPE (MlsStudioScorecardView, mls_studio_scorecard_view, ADW_TYPE_BIN)

static const struct
{
  const char *key;
  const char *label;
} metric_labels[] = {
  { "memory_used_gb", N_("Memory used") },
  { "memory_capacity_gb", N_("Memory capacity") },
  { "memory_utilization", N_("Memory utilisation") },
  { "latency", N_("Latency") },
  { "throughput", N_("Throughput") },
  { "mfu", N_("MFU") },
  { "node_mfu", N_("Node MFU") },
  { "bottleneck", N_("Bottleneck") },
  { "sla_latency", N_("Latency target") },
  { "power_w", N_("Power") },
  { "power_budget_w", N_("Power budget") },
  { "step_latency", N_("Step latency") },
  { "comm_overhead", N_("Communication") },
  { "fleet_throughput", N_("Fleet throughput") },
  { "scaling_efficiency", N_("Scaling efficiency") },
  { "tco_usd", N_("Total cost of ownership") },
  { "carbon_footprint", N_("Carbon footprint") },
  { "energy_cost", N_("Energy cost") },
  { "capex", N_("Capital cost") },
  { "energy_kwh", N_("Energy") },
  { "water_liters", N_("Water") },
  { "duration_days", N_("Duration") },
  { "region", N_("Region") },
};

/* Ratios shown as percentages. */
static const char *percent_keys[] = { "memory_utilization", "mfu", "node_mfu",
                                      "scaling_efficiency" };

static char *
metric_label (const char *key)
{
  char *label;

  for (guint i = 0; i < G_N_ELEMENTS (metric_labels); i++)
    if (g_strcmp0 (metric_labels[i].key, key) == 0)
      return g_strdup (_(metric_labels[i].label));
  label = g_strdup (key);
  g_strdelimit (label, "_", ' ');
  label[0] = g_ascii_toupper (label[0]);
  return label;
}

static char *
metric_value (MlsEvaluation *evaluation,
              MlsLevel       level,
              const char    *key)
{
  const char *text = mls_evaluation_get_metric_text (evaluation, level, key);
  const char *unit = mls_evaluation_get_metric_unit (evaluation, level, key);
  MlsQuantity q;
  double v;

  if (text != NULL)
    return g_strdup (text);
  if (!mls_evaluation_get_metric (evaluation, level, key, &v))
    return g_strdup ("—");
  for (guint i = 0; i < G_N_ELEMENTS (percent_keys); i++)
    if (g_strcmp0 (percent_keys[i], key) == 0)
      return g_strdup_printf ("%.1f%%", v * 100.0);
  if (g_strcmp0 (unit, "USD") == 0)
    return mls_studio_format_money (v);
  if (g_strcmp0 (unit, "1/s") == 0)
    {
      g_autofree char *number = mls_studio_format_number (v);
      return g_strdup_printf (_("%s /s"), number);
    }
  if (g_strcmp0 (unit, "t") == 0)
    {
      g_autofree char *number = mls_studio_format_number (v);
      /* TRANSLATORS: metric tons of CO2-equivalent */
      return g_strdup_printf (_("%s t CO₂e"), number);
    }
  /* A readable prefix: "15.96 MWh", not "1.596e+04 kWh". */
  if (unit != NULL && *unit != '\0' && mls_quantity_from_unit (v, unit, &q, NULL))
    return mls_studio_format_quantity (&q, g_strcmp0 (unit, "d") == 0 ? unit : NULL);
  return mls_studio_format_number (v);
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

static const char *
verdict_text (MlsVerdict verdict)
{
  switch (verdict)
    {
    case MLS_VERDICT_PASS:
      return _("Pass");
    case MLS_VERDICT_FAIL:
      return _("Fail");
    case MLS_VERDICT_WARNING:
      return _("Warning");
    case MLS_VERDICT_SKIPPED:
    default:
      return _("Skipped");
    }
}

static const char *
verdict_class (MlsVerdict verdict)
{
  switch (verdict)
    {
    case MLS_VERDICT_PASS:
      return "success";
    case MLS_VERDICT_FAIL:
      return "error";
    case MLS_VERDICT_WARNING:
      return "warning";
    default:
      return "dim-label";
    }
}

static const char *
intern (MlsStudioScorecardView *self,
        const char             *text)
{
  return text ? g_string_chunk_insert (self->strings, text) : NULL;
}

static void
add_bar (MlsStudioScorecardView *self,
         const char             *label,
         double                  utilization,
         const char             *detail)
{
  MlsScorecardBar *bar;

  if (self->data.n_bars >= MAX_BARS || !isfinite (utilization))
    return;
  bar = &self->bars[self->data.n_bars++];
  bar->label = intern (self, label);
  bar->utilization = utilization;
  bar->detail = intern (self, detail);
}

static gboolean
same_keys (GPtrArray *a,
           char     **b)
{
  guint n = b ? g_strv_length (b) : 0;

  if (a->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), b[i]) != 0)
      return FALSE;
  return TRUE;
}

static void
update_level (MlsStudioScorecardView *self,
              MlsEvaluation          *evaluation,
              MlsLevel                level)
{
  LevelCard *card = &self->levels[level];
  MlsVerdict verdict = evaluation ? mls_evaluation_get_verdict (evaluation, level)
                                  : MLS_VERDICT_SKIPPED;
  g_auto(GStrv) keys = evaluation ? mls_evaluation_list_metrics (evaluation, level) : NULL;
  const char *summary = evaluation ? mls_evaluation_get_summary (evaluation, level) : NULL;
  const char *name = evaluation ? mls_evaluation_get_level_name (evaluation, level) : NULL;
  static const char *classes[] = { "success", "error", "warning", "dim-label" };

  gtk_label_set_label (card->title, name && *name ? name
                                                  : _(mls_level_to_string (level)));
  gtk_label_set_label (card->verdict, verdict_text (verdict));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (card->verdict), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (card->verdict), verdict_class (verdict));
  gtk_label_set_label (card->summary, summary ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (card->summary), summary != NULL && *summary != '\0');

  /* Rows are rebuilt only when the set of metrics changes; otherwise values are updated. */
  if (!same_keys (card->keys, keys))
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (card->list))) != NULL)
        gtk_list_box_remove (card->list, child);
      g_ptr_array_set_size (card->keys, 0);
      g_ptr_array_set_size (card->values, 0);
      for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *value = gtk_label_new (NULL);
          g_autofree char *label = metric_label (keys[i]);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
          gtk_label_set_selectable (GTK_LABEL (value), TRUE);
          gtk_widget_add_css_class (value, "numeric");
          gtk_widget_set_valign (value, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
          gtk_list_box_append (card->list, row);
          g_ptr_array_add (card->keys, g_strdup (keys[i]));
          g_ptr_array_add (card->values, value);
        }
    }
  for (guint i = 0; i < card->keys->len; i++)
    {
      g_autofree char *text = metric_value (evaluation, level, g_ptr_array_index (card->keys, i));
      gtk_label_set_label (g_ptr_array_index (card->values, i), text);
    }
  gtk_widget_set_visible (GTK_WIDGET (card->list), card->keys->len > 0);
}

static void
rebuild (MlsStudioScorecardView *self)
{
  MlsEvaluation *evaluation = mls_studio_document_get_evaluation (self->document);
  const char * const *violations;
  double v, target;

  for (guint level = 0; level < MLS_N_LEVELS; level++)
    update_level (self, evaluation, level);

  g_string_chunk_clear (self->strings);
  if (evaluation == NULL)
    {
      const char *error = mls_studio_document_get_error (self->document);

      mls_studio_chart_clear (self->chart);
      gtk_label_set_label (self->violations, error ? error : "");
      gtk_widget_set_visible (GTK_WIDGET (self->violations), error != NULL);
      return;
    }

  memset (&self->data, 0, sizeof self->data);
  self->data.title = intern (self, _("Scorecard"));
  self->data.scenario = intern (self, mls_evaluation_get_scenario_name (evaluation));
  for (guint level = 0; level < MLS_N_LEVELS; level++)
    {
      self->data.levels[level].name = intern (self, mls_evaluation_get_level_name (evaluation,
                                                                                   level));
      self->data.levels[level].status =
        figure_status (mls_evaluation_get_verdict (evaluation, level));
      self->data.levels[level].summary = intern (self, mls_evaluation_get_summary (evaluation,
                                                                                   level));
    }
  self->data.bars = self->bars;
  if (mls_evaluation_get_metric (evaluation, MLS_LEVEL_FEASIBILITY, "memory_utilization", &v))
    {
      g_autofree char *detail = metric_value (evaluation, MLS_LEVEL_FEASIBILITY,
                                              "memory_used_gb");
      add_bar (self, _("Memory"), v, detail);
    }
  if (mls_evaluation_get_metric (evaluation, MLS_LEVEL_PERFORMANCE, "mfu", &v))
    {
      add_bar (self, _("MFU"), v, NULL);
    }
  if (mls_evaluation_get_metric (evaluation, MLS_LEVEL_PERFORMANCE, "sla_latency", &target) &&
      target > 0 &&
      (mls_evaluation_get_metric (evaluation, MLS_LEVEL_PERFORMANCE, "latency", &v) ||
       mls_evaluation_get_metric (evaluation, MLS_LEVEL_PERFORMANCE, "step_latency", &v)))
    {
      g_autofree char *detail = g_strdup_printf (_("%.3g ms of %.3g ms"), v, target);
      add_bar (self, _("Latency target"), v / target, detail);
    }
  if (mls_evaluation_get_metric (evaluation, MLS_LEVEL_PERFORMANCE, "power_budget_w", &target) &&
      target > 0 && mls_evaluation_get_metric (evaluation, MLS_LEVEL_PERFORMANCE, "power_w", &v))
    {
      g_autofree char *detail = g_strdup_printf (_("%.3g W of %.3g W"), v, target);
      add_bar (self, _("Power budget"), v / target, detail);
    }
  mls_studio_chart_set_figure (self->chart, MLS_FIGURE_SCORECARD, &self->data);

  violations = mls_evaluation_get_violations (evaluation);
  if (violations != NULL && violations[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("\n", (char **) violations);
      g_autofree char *text = g_strdup_printf (_("Constraints violated:\n%s"), joined);
      gtk_label_set_label (self->violations, text);
      gtk_widget_set_visible (GTK_WIDGET (self->violations), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->violations), FALSE);
}

/* Off screen, the scorecard waits until it is shown (or read). */
static void
on_recomputed (MlsStudioScorecardView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->dirty = TRUE;
}

static void
update_if_dirty (MlsStudioScorecardView *self)
{
  if (self->dirty && self->document != NULL)
    {
      self->dirty = FALSE;
      rebuild (self);
    }
}

static void
mls_studio_scorecard_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mls_studio_scorecard_view_parent_class)->map (widget);
  update_if_dirty (MLS_STUDIO_SCORECARD_VIEW (widget));
}

static void
build_level (MlsStudioScorecardView *self,
             MlsLevel                level,
             GtkWidget              *parent)
{
  LevelCard *card = &self->levels[level];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  card->keys = g_ptr_array_new_with_free_func (g_free);
  card->values = g_ptr_array_new ();
  card->title = GTK_LABEL (gtk_label_new (NULL));
  card->verdict = GTK_LABEL (gtk_label_new (NULL));
  card->summary = GTK_LABEL (gtk_label_new (NULL));
  card->list = GTK_LIST_BOX (gtk_list_box_new ());

  gtk_widget_add_css_class (GTK_WIDGET (card->title), "heading");
  gtk_label_set_xalign (card->title, 0);
  gtk_label_set_ellipsize (card->title, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (card->title), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (card->verdict), "verdict");
  gtk_widget_add_css_class (GTK_WIDGET (card->verdict), "caption-heading");
  gtk_label_set_xalign (card->summary, 0);
  gtk_label_set_wrap (card->summary, TRUE);
  gtk_label_set_wrap_mode (card->summary, PANGO_WRAP_WORD_CHAR);
  /* Wrapped text would otherwise ask for a whole line, and the cards stack one per row. */
  gtk_label_set_max_width_chars (card->summary, 24);
  gtk_widget_add_css_class (GTK_WIDGET (card->summary), "dim-label");
  gtk_list_box_set_selection_mode (card->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (card->list), "boxed-list");
  gtk_widget_set_margin_top (GTK_WIDGET (card->list), 6);

  gtk_box_append (GTK_BOX (header), GTK_WIDGET (card->title));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (card->verdict));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->summary));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->list));
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  card->card = box;
  gtk_flow_box_append (GTK_FLOW_BOX (parent), box);
  gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
}

static void
mls_studio_scorecard_view_dispose (GObject *object)
{
  MlsStudioScorecardView *self = MLS_STUDIO_SCORECARD_VIEW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (mls_studio_scorecard_view_parent_class)->dispose (object);
}

static void
mls_studio_scorecard_view_finalize (GObject *object)
{
  MlsStudioScorecardView *self = MLS_STUDIO_SCORECARD_VIEW (object);

  for (guint i = 0; i < MLS_N_LEVELS; i++)
    {
      g_clear_pointer (&self->levels[i].keys, g_ptr_array_unref);
      g_clear_pointer (&self->levels[i].values, g_ptr_array_unref);
    }
  g_string_chunk_free (self->strings);
  G_OBJECT_CLASS (mls_studio_scorecard_view_parent_class)->finalize (object);
}

static void
mls_studio_scorecard_view_class_init (MlsStudioScorecardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mls_studio_scorecard_view_dispose;
  object_class->finalize = mls_studio_scorecard_view_finalize;
  GTK_WIDGET_CLASS (klass)->map = mls_studio_scorecard_view_map;
}

static void
mls_studio_scorecard_view_init (MlsStudioScorecardView *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *chart_card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *flow = gtk_flow_box_new ();

  self->strings = g_string_chunk_new (256);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  self->chart = MLS_STUDIO_CHART (mls_studio_chart_new ());
  mls_studio_chart_set_name (self->chart, "scorecard");
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), 300, 300);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scorecard chart"), -1);
  gtk_widget_add_css_class (chart_card, "card");
  gtk_widget_add_css_class (chart_card, "chart-card");
  gtk_widget_set_overflow (chart_card, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (chart_card), GTK_WIDGET (self->chart));
  gtk_box_append (GTK_BOX (box), chart_card);

  self->violations = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->violations, 0);
  gtk_label_set_wrap (self->violations, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->violations), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->violations), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->violations));

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), MLS_N_LEVELS);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 18);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 18);
  for (guint level = 0; level < MLS_N_LEVELS; level++)
    build_level (self, level, flow);
  gtk_box_append (GTK_BOX (box), flow);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  adw_bin_set_child (ADW_BIN (self), scroller);
}

void
mls_studio_scorecard_view_set_document (MlsStudioScorecardView *self,
                                        MlsStudioDocument      *document)
{
  g_set_object (&self->document, document);
  self->dirty = TRUE;
  g_signal_connect_object (document, "recomputed", G_CALLBACK (on_recomputed), self,
                           G_CONNECT_SWAPPED);
}

MlsStudioChart *
mls_studio_scorecard_view_get_chart (MlsStudioScorecardView *self)
{
  update_if_dirty (self);
  return self->chart;
}

/**
 * mls_studio_scorecard_view_get_verdict:
 * @level: a level
 *
 * Returns: the verdict the view shows for @level ("Pass", "Fail", …)
 */
const char *
mls_studio_scorecard_view_get_verdict (MlsStudioScorecardView *self,
                                       MlsLevel                level)
{
  g_return_val_if_fail (level < MLS_N_LEVELS, NULL);
  update_if_dirty (self);
  return gtk_label_get_label (self->levels[level].verdict);
}
