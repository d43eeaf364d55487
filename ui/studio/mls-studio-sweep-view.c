/* mls-studio-sweep-view.c — one knob swept, one metric charted, and the table as CSV
 *
 * Every point is the document's scenario with one knob changed, run through the same solvers
 * (mls_studio_document_evaluate_copy()). The sweep is recomputed when the scenario changes
 * and the view is on screen, or when it next appears.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mls-studio-format.h"
#include "mls-studio-sweep-view.h"

#define MAX_POINTS 32

typedef struct
{
  const char *label;   /* translatable */
  const char *unit;    /* the axis's base unit, NULL for a count */
  gboolean    log;
} AxisInfo;

static const AxisInfo axes[MLS_STUDIO_N_SWEEP_AXES] = {
  [MLS_STUDIO_SWEEP_BATCH] = { N_("Batch size"), NULL, TRUE },
  [MLS_STUDIO_SWEEP_SEQ_LEN] = { N_("Sequence length"), NULL, TRUE },
  [MLS_STUDIO_SWEEP_EFFICIENCY] = { N_("Efficiency η"), NULL, FALSE },
  [MLS_STUDIO_SWEEP_PRECISION] = { N_("Bytes per element (precision)"), NULL, TRUE },
};

/* The precisions a precision sweep visits, widest first. */
static const MlsPrecision swept_precisions[] = {
  MLS_PRECISION_FP32, MLS_PRECISION_FP16, MLS_PRECISION_FP8, MLS_PRECISION_INT4,
};

struct _MlsStudioSweepView
{
  AdwBin              parent_instance;

  MlsStudioDocument  *document;
  MlsLedger          *ledger;
  gboolean            dirty;

  GtkDropDown        *axis_dropdown;
  GtkDropDown        *metric_dropdown;
  GtkStringList      *metric_names;
  GPtrArray          *metric_ids;     /* char*, parallel to metric_names */
  GPtrArray          *metric_units;   /* char* */
  GPtrArray          *metric_labels;  /* char*, the metric's own label */
  MlsStudioChart     *chart;
  GtkColumnView      *table;
  GtkStringList      *table_rows;
  GtkColumnViewColumn *x_column;
  GtkColumnViewColumn *y_column;

  MlsStudioSweepAxis  axis;
  char               *metric_id;
  char               *metric_unit;     /* declared unit, for the table */
  char               *base_unit;       /* the chart's base unit */
  guint               n_points;
  double              x[MAX_POINTS];
  double              y[MAX_POINTS];
  char               *labels[MAX_POINTS];      /* x as shown (FP16, 32) */
  char               *bottlenecks[MAX_POINTS];

  MlsSweepChart       data;
  MlsSeries           series;
  char               *title;
  char               *series_name;
  char               *y_label;
};

G_DEFINE_FINAL_TYPE (MlsStudioSweepView, mls_studio_sweep_view, ADW_TYPE_BIN)

static guint
axis_values (MlsStudioSweepAxis axis,
             double            *out)
{
  guint n = 0;

  switch (axis)
    {
    case MLS_STUDIO_SWEEP_BATCH:
      for (double b = 1; b <= 1024; b *= 2)
        out[n++] = b;
      break;
    case MLS_STUDIO_SWEEP_SEQ_LEN:
      for (double s = 256; s <= 131072; s *= 2)
        out[n++] = s;
      break;
    case MLS_STUDIO_SWEEP_EFFICIENCY:
      for (guint i = 1; i <= 20; i++)
        out[n++] = i * 0.05;
      break;
    case MLS_STUDIO_SWEEP_PRECISION:
      for (guint i = 0; i < G_N_ELEMENTS (swept_precisions); i++)
        out[n++] = i;
      break;
    default:
      break;
    }
  return n;
}

static void
clear_points (MlsStudioSweepView *self)
{
  for (guint i = 0; i < MAX_POINTS; i++)
    {
      g_clear_pointer (&self->labels[i], g_free);
      g_clear_pointer (&self->bottlenecks[i], g_free);
    }
  self->n_points = 0;
}

static void
compute (MlsStudioSweepView *self)
{
  MlsScenario *scenario = mls_studio_document_get_scenario (self->document);
  g_autoptr(MlsScenario) copy = NULL;
  double values[MAX_POINTS];
  guint n = axis_values (self->axis, values);
  MlsQuantity sla, q;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  self->dirty = FALSE;
  clear_points (self);
  g_clear_pointer (&self->base_unit, g_free);
  if (self->metric_id == NULL || mls_scenario_get_workload (scenario) == NULL ||
      mls_scenario_get_hardware (scenario) == NULL)
    {
      mls_studio_chart_clear (self->chart);
      gtk_string_list_splice (self->table_rows, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->table_rows)), NULL);
      g_ptr_array_unref (rows);
      return;
    }

  copy = mls_scenario_copy (scenario);
  for (guint i = 0; i < n; i++)
    {
      double x = values[i];
      const char *bottleneck;

      switch (self->axis)
        {
        case MLS_STUDIO_SWEEP_BATCH:
          mls_scenario_set_knob (copy, MLS_KNOB_BATCH_SIZE, x, NULL);
          self->labels[self->n_points] = g_strdup_printf ("%.0f", x);
          break;
        case MLS_STUDIO_SWEEP_SEQ_LEN:
          mls_scenario_set_knob (copy, MLS_KNOB_SEQ_LEN, x, NULL);
          self->labels[self->n_points] = g_strdup_printf ("%.0f", x);
          break;
        case MLS_STUDIO_SWEEP_EFFICIENCY:
          mls_scenario_set_knob (copy, MLS_KNOB_EFFICIENCY, x, NULL);
          self->labels[self->n_points] = g_strdup_printf ("%.2f", x);
          break;
        case MLS_STUDIO_SWEEP_PRECISION:
          {
            MlsPrecision p = swept_precisions[(guint) x];
            mls_scenario_set_precision (copy, p);
            x = mls_precision_bytes (p);
            self->labels[self->n_points] = g_ascii_strup (mls_precision_to_string (p), -1);
          }
          break;
        default:
          break;
        }
      mls_studio_document_evaluate_copy (self->document, copy, self->ledger);
      if (!mls_ledger_get (self->ledger, self->metric_id, &q) || !isfinite (q.value))
        {
          g_clear_pointer (&self->labels[self->n_points], g_free);
          continue;
        }
      if (self->base_unit == NULL && !mls_quantity_is_dimensionless (&q))
        self->base_unit = mls_quantity_dimension_symbol (&q);
      bottleneck = mls_ledger_get_text (self->ledger, "roofline.bottleneck");
      self->x[self->n_points] = x;
      self->y[self->n_points] = q.value;
      self->bottlenecks[self->n_points] = g_strdup (bottleneck ? bottleneck : "");
      g_ptr_array_add (rows, g_strdup_printf ("%u", self->n_points));
      self->n_points++;
    }

  g_ptr_array_add (rows, NULL);
  gtk_string_list_splice (self->table_rows, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->table_rows)),
                          (const char * const *) rows->pdata);
  g_ptr_array_unref (rows);

  memset (&self->data, 0, sizeof self->data);
  self->series.name = self->series_name;
  self->series.x = self->x;
  self->series.y = self->y;
  self->series.n_points = self->n_points;
  self->data.title = self->title;
  self->data.x_axis.label = _(axes[self->axis].label);
  self->data.x_axis.unit = axes[self->axis].unit;
  self->data.x_axis.log = axes[self->axis].log;
  self->data.y_axis.label = self->y_label;
  self->data.y_axis.unit = self->base_unit;
  self->data.series = &self->series;
  self->data.n_series = 1;
  self->data.reference = NAN;
  if (g_str_has_suffix (self->metric_id, ".latency") &&
      mls_scenario_get_sla_latency (scenario, &sla) && sla.value > 0)
    {
      self->data.reference = sla.value;
      self->data.reference_label = _("Latency target");
    }
  if (self->n_points > 0)
    mls_studio_chart_set_figure (self->chart, MLS_FIGURE_SWEEP, &self->data);
  else
    mls_studio_chart_clear (self->chart);
}

static void
update_titles (MlsStudioSweepView *self)
{
  guint pos = gtk_drop_down_get_selected (self->metric_dropdown);
  const char *name = pos < self->metric_labels->len
                       ? g_ptr_array_index (self->metric_labels, pos) : "";
  MlsScenario *scenario = mls_studio_document_get_scenario (self->document);
  MlsHardwareNode *hardware = mls_scenario_get_hardware (scenario);
  MlsWorkload *workload = mls_scenario_get_workload (scenario);
  g_autofree char *axis = g_utf8_strdown (_(axes[self->axis].label), -1);
  g_autofree char *x_title = NULL;

  g_free (self->title);
  g_free (self->series_name);
  g_free (self->y_label);
  /* TRANSLATORS: a sweep chart's title, "Latency against batch size" */
  self->title = g_strdup_printf (_("%s against %s"), name, axis);
  /* TRANSLATORS: a sweep's series, "Llama-3.1-8B on NVIDIA H100" */
  self->series_name = workload && hardware
    ? g_strdup_printf (_("%s on %s"), mls_entry_get_name (MLS_ENTRY (workload)),
                       mls_entry_get_name (MLS_ENTRY (hardware)))
    : g_strdup (name);
  self->y_label = g_strdup (name);
  gtk_column_view_column_set_title (self->x_column, _(axes[self->axis].label));
  x_title = self->metric_unit && *self->metric_unit && g_strcmp0 (self->metric_unit, "text")
              ? g_strdup_printf ("%s (%s)", name, self->metric_unit) : g_strdup (name);
  gtk_column_view_column_set_title (self->y_column, x_title);
}

static void
refresh (MlsStudioSweepView *self)
{
  if (self->document == NULL)
    return;
  update_titles (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    compute (self);
  else
    self->dirty = TRUE;
}

static void
on_recomputed (MlsStudioSweepView *self)
{
  refresh (self);
}

static void
mls_studio_sweep_view_map (GtkWidget *widget)
{
  MlsStudioSweepView *self = MLS_STUDIO_SWEEP_VIEW (widget);

  GTK_WIDGET_CLASS (mls_studio_sweep_view_parent_class)->map (widget);
  if (self->dirty && self->document != NULL)
    compute (self);
}

static void
on_axis_selected (MlsStudioSweepView *self)
{
  guint pos = gtk_drop_down_get_selected (self->axis_dropdown);

  if (pos < MLS_STUDIO_N_SWEEP_AXES)
    {
      self->axis = pos;
      refresh (self);
    }
}

static void
on_metric_selected (MlsStudioSweepView *self)
{
  guint pos = gtk_drop_down_get_selected (self->metric_dropdown);

  if (pos >= self->metric_ids->len)
    return;
  g_free (self->metric_id);
  g_free (self->metric_unit);
  self->metric_id = g_strdup (g_ptr_array_index (self->metric_ids, pos));
  self->metric_unit = g_strdup (g_ptr_array_index (self->metric_units, pos));
  refresh (self);
}

/* Table cells: the model holds row indices into the arrays above. */

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "mls-column"));

  gtk_label_set_xalign (GTK_LABEL (label), column == 2 ? 0 : 1);
  if (column != 2)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MlsStudioSweepView       *self)
{
  GtkStringObject *object = gtk_list_item_get_item (item);
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (object), NULL, 10);
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "mls-column"));
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (index >= self->n_points)
    return;
  if (column == 0)
    text = g_strdup (self->labels[index]);
  else if (column == 1)
    {
      MlsQuantity q;

      if (self->metric_unit && *self->metric_unit &&
          mls_quantity_from_unit (1, self->metric_unit, &q, NULL))
        {
          q.value = self->y[index];
          text = mls_studio_format_quantity (&q, self->metric_unit);
        }
      else
        text = mls_studio_format_number (self->y[index]);
    }
  else
    text = g_strdup (self->bottlenecks[index]);
  gtk_label_set_label (GTK_LABEL (label), text);
}

static GtkColumnViewColumn *
add_column (MlsStudioSweepView *self,
            int                 column,
            const char         *title,
            gboolean            expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "mls-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  col = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_append_column (self->table, col);
  g_object_unref (col);
  return col;
}

static void
mls_studio_sweep_view_dispose (GObject *object)
{
  MlsStudioSweepView *self = MLS_STUDIO_SWEEP_VIEW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->ledger);
  G_OBJECT_CLASS (mls_studio_sweep_view_parent_class)->dispose (object);
}

static void
mls_studio_sweep_view_finalize (GObject *object)
{
  MlsStudioSweepView *self = MLS_STUDIO_SWEEP_VIEW (object);

  clear_points (self);
  g_ptr_array_unref (self->metric_ids);
  g_ptr_array_unref (self->metric_units);
  g_ptr_array_unref (self->metric_labels);
  g_free (self->metric_id);
  g_free (self->metric_unit);
  g_free (self->base_unit);
  g_free (self->title);
  g_free (self->series_name);
  g_free (self->y_label);
  G_OBJECT_CLASS (mls_studio_sweep_view_parent_class)->finalize (object);
}

static void
mls_studio_sweep_view_class_init (MlsStudioSweepViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mls_studio_sweep_view_dispose;
  object_class->finalize = mls_studio_sweep_view_finalize;
  widget_class->map = mls_studio_sweep_view_map;
}

static void
mls_studio_sweep_view_init (MlsStudioSweepView *self)
{
  GtkWidget *box, *bar, *axis_label, *metric_label, *export, *chart_card, *table_card;
  GtkWidget *scroller, *paned;
  g_autoptr(GtkStringList) axis_names = gtk_string_list_new (NULL);

  self->ledger = mls_ledger_new ();
  self->metric_ids = g_ptr_array_new_with_free_func (g_free);
  self->metric_units = g_ptr_array_new_with_free_func (g_free);
  self->metric_labels = g_ptr_array_new_with_free_func (g_free);
  self->metric_names = gtk_string_list_new (NULL);
  self->table_rows = gtk_string_list_new (NULL);
  self->dirty = TRUE;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  for (guint i = 0; i < MLS_STUDIO_N_SWEEP_AXES; i++)
    gtk_string_list_append (axis_names, _(axes[i].label));
  axis_label = gtk_label_new_with_mnemonic (_("_Vary"));
  self->axis_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (axis_names)),
                                                          NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (axis_label), GTK_WIDGET (self->axis_dropdown));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->axis_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Swept knob"), -1);
  metric_label = gtk_label_new_with_mnemonic (_("and _chart"));
  gtk_widget_set_margin_start (metric_label, 6);
  self->metric_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (
    G_LIST_MODEL (g_object_ref (self->metric_names)),
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string")));
  gtk_drop_down_set_enable_search (self->metric_dropdown, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->metric_dropdown), FALSE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (metric_label), GTK_WIDGET (self->metric_dropdown));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->metric_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Charted metric"), -1);
  export = gtk_button_new_with_mnemonic (_("_Export CSV…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "win.export-csv");
  gtk_widget_set_halign (export, GTK_ALIGN_END);
  gtk_widget_set_hexpand (export, TRUE);
  gtk_box_append (GTK_BOX (bar), axis_label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->axis_dropdown));
  gtk_box_append (GTK_BOX (bar), metric_label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->metric_dropdown));
  gtk_box_append (GTK_BOX (bar), export);
  gtk_box_append (GTK_BOX (box), bar);

  paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_paned_set_wide_handle (GTK_PANED (paned), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);

  chart_card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (chart_card, "card");
  gtk_widget_add_css_class (chart_card, "chart-card");
  gtk_widget_set_overflow (chart_card, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_margin_bottom (chart_card, 6);
  self->chart = MLS_STUDIO_CHART (mls_studio_chart_new ());
  mls_studio_chart_set_name (self->chart, "sweep");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sweep chart"), -1);
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), 240, 260);
  gtk_box_append (GTK_BOX (chart_card), GTK_WIDGET (self->chart));
  gtk_paned_set_start_child (GTK_PANED (paned), chart_card);

  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (
    GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->table_rows))))));
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "data-table");
  self->x_column = add_column (self, 0, "", FALSE);
  self->y_column = add_column (self, 1, "", FALSE);
  add_column (self, 2, _("Bottleneck"), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sweep results"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->table));
  /* The chart gets the room; the table shows a few rows and scrolls. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 110);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  table_card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (table_card, "card");
  gtk_widget_set_overflow (table_card, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_margin_top (table_card, 6);
  gtk_box_append (GTK_BOX (table_card), scroller);
  gtk_paned_set_end_child (GTK_PANED (paned), table_card);
  gtk_box_append (GTK_BOX (box), paned);

  adw_bin_set_child (ADW_BIN (self), box);

  g_signal_connect_swapped (self->axis_dropdown, "notify::selected",
                            G_CALLBACK (on_axis_selected), self);
  g_signal_connect_swapped (self->metric_dropdown, "notify::selected",
                            G_CALLBACK (on_metric_selected), self);
}

/**
 * mls_studio_sweep_view_rebuild:
 *
 * Lists the numeric metrics of the enabled solvers (after plugins change).
 */
void
mls_studio_sweep_view_rebuild (MlsStudioSweepView *self)
{
  MlsEngine *engine = mls_studio_document_get_engine (self->document);
  g_autoptr(MlsEnginePlan) plan = mls_engine_plan (engine, NULL, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *previous = g_strdup (self->metric_id ? self->metric_id : "roofline.latency");
  guint selected = 0;

  g_ptr_array_set_size (self->metric_ids, 0);
  g_ptr_array_set_size (self->metric_units, 0);
  g_ptr_array_set_size (self->metric_labels, 0);
  for (guint i = 0; plan != NULL && i < mls_engine_plan_get_n_solvers (plan); i++)
    {
      MlsSolverInfo *info = mls_engine_get_info (engine, mls_engine_plan_get_solver_id (plan, i));

      for (guint j = 0; info != NULL && j < mls_solver_info_get_n_metrics (info); j++)
        {
          const MlsMetricSpec *spec = mls_solver_info_get_metric (info, j);

          if (g_strcmp0 (spec->unit, "text") == 0)
            continue;
          if (g_strcmp0 (spec->id, previous) == 0)
            selected = self->metric_ids->len;
          /* TRANSLATORS: a metric in the sweep's list, "Single-node roofline › Latency" */
          g_ptr_array_add (names, g_strdup_printf (_("%s › %s"), mls_solver_info_get_name (info),
                                                   spec->label));
          g_ptr_array_add (self->metric_ids, g_strdup (spec->id));
          g_ptr_array_add (self->metric_units, g_strdup (spec->unit));
          g_ptr_array_add (self->metric_labels, g_strdup (spec->label));
        }
    }
  g_ptr_array_add (names, NULL);
  g_clear_pointer (&self->metric_id, g_free);
  gtk_string_list_splice (self->metric_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->metric_names)),
                          (const char * const *) names->pdata);
  if (self->metric_ids->len > 0)
    {
      if (gtk_drop_down_get_selected (self->metric_dropdown) == selected)
        on_metric_selected (self);
      else
        gtk_drop_down_set_selected (self->metric_dropdown, selected);
    }
}

void
mls_studio_sweep_view_set_document (MlsStudioSweepView *self,
                                    MlsStudioDocument  *document)
{
  g_set_object (&self->document, document);
  mls_studio_sweep_view_rebuild (self);
  g_signal_connect_object (document, "recomputed", G_CALLBACK (on_recomputed), self,
                           G_CONNECT_SWAPPED);
}

MlsStudioChart *
mls_studio_sweep_view_get_chart (MlsStudioSweepView *self)
{
  if (self->dirty && self->document != NULL)
    compute (self);
  return self->chart;
}

gboolean
mls_studio_sweep_view_set_axis (MlsStudioSweepView *self,
                                MlsStudioSweepAxis  axis)
{
  if ((guint) axis >= MLS_STUDIO_N_SWEEP_AXES)
    return FALSE;
  gtk_drop_down_set_selected (self->axis_dropdown, axis);
  return TRUE;
}

gboolean
mls_studio_sweep_view_set_metric (MlsStudioSweepView *self,
                                  const char         *metric_id)
{
  for (guint i = 0; i < self->metric_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->metric_ids, i), metric_id) == 0)
      {
        gtk_drop_down_set_selected (self->metric_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

guint
mls_studio_sweep_view_get_n_points (MlsStudioSweepView *self)
{
  if (self->dirty && self->document != NULL)
    compute (self);
  return self->n_points;
}

gboolean
mls_studio_sweep_view_get_point (MlsStudioSweepView *self,
                                 guint               index,
                                 double             *x,
                                 double             *y)
{
  if (index >= mls_studio_sweep_view_get_n_points (self))
    return FALSE;
  *x = self->x[index];
  *y = self->y[index];
  return TRUE;
}

static void
append_csv_field (GString    *s,
                  const char *text)
{
  if (strpbrk (text, ",\"\n") == NULL)
    {
      g_string_append (s, text);
      return;
    }
  g_string_append_c (s, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
}

/**
 * mls_studio_sweep_view_to_csv:
 *
 * The sweep as CSV: the swept value, the metric in base SI units (the unit in the header),
 * and the bottleneck. Numbers use a dot, whatever the locale.
 *
 * Returns: (transfer full): the CSV text
 */
char *
mls_studio_sweep_view_to_csv (MlsStudioSweepView *self)
{
  GString *s = g_string_new (NULL);
  g_autofree char *header = NULL;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char *axis_key[] = { "batch_size", "seq_len", "efficiency", "precision" };

  mls_studio_sweep_view_get_n_points (self);
  header = self->base_unit ? g_strdup_printf ("%s [%s]", self->metric_id, self->base_unit)
                           : g_strdup (self->metric_id ? self->metric_id : "");
  append_csv_field (s, axis_key[self->axis]);
  g_string_append_c (s, ',');
  append_csv_field (s, header);
  g_string_append (s, ",bottleneck\n");
  for (guint i = 0; i < self->n_points; i++)
    {
      if (self->axis == MLS_STUDIO_SWEEP_PRECISION)
        g_string_append (s, self->labels[i]);
      else
        g_string_append (s, g_ascii_formatd (buffer, sizeof buffer, "%.6g", self->x[i]));
      g_string_append_c (s, ',');
      g_string_append (s, g_ascii_formatd (buffer, sizeof buffer, "%.9g", self->y[i]));
      g_string_append_c (s, ',');
      append_csv_field (s, self->bottlenecks[i] ? self->bottlenecks[i] : "");
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

/**
 * mls_studio_sweep_view_export_csv:
 * @path: the file to write, atomically
 */
gboolean
mls_studio_sweep_view_export_csv (MlsStudioSweepView *self,
                                  const char         *path,
                                  GError            **error)
{
  g_autofree char *csv = mls_studio_sweep_view_to_csv (self);

  return g_file_set_contents_full (path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}
