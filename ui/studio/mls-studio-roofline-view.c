/* mls-studio-roofline-view.c — the live roofline with the scenario's operating point
 *
 * The operating point is what the engine computed: the arithmetic intensity of the step
 * (roofline.arithmetic_intensity) and the attained rate, MFU × peak at the precision. Other
 * hardware can be overlaid, each with the same workload's point on its own roof.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "mls-studio-format.h"
#include "mls-studio-roofline-view.h"

/* The palette cycles after this many devices; more overlays stop being readable. */
#define MAX_DEVICES 7
/* The scenario's device shows its on-chip and flash roofs: where small models stream from. */
#define ROOFS (MLS_ROOFLINE_ROOFS_SRAM | MLS_ROOFLINE_ROOFS_FLASH)

typedef struct
{
  const char *name;
  const char *caption;
  GtkLabel   *value;
} Stat;

enum {
  STAT_BOTTLENECK,
  STAT_LATENCY,
  STAT_THROUGHPUT,
  STAT_MEMORY,
  N_STATS
};

static const char *stat_names[N_STATS] = { "bottleneck", "latency", "throughput", "memory" };

struct _MlsStudioRooflineView
{
  AdwBin               parent_instance;

  MlsStudioDocument   *document;
  GPtrArray           *overlays;       /* char* hardware keys */
  MlsLedger           *overlay_ledger;

  GtkLabel            *stat_values[N_STATS];
  GtkLabel            *stat_captions[N_STATS];
  GtkLabel            *caption;
  GtkLabel            *error_label;
  GtkWidget           *chart_frame;
  MlsStudioChart      *chart;
  GtkMenuButton       *overlay_button;
  GtkListView         *overlay_list;
  GtkFilterListModel  *overlay_filter;

  /* The chart's data (storage owned by the render helpers); the chart borrows it. */
  MlsRooflineChart     data;
};

G_DEFINE_FINAL_TYPE (MlsStudioRooflineView, mls_studio_roofline_view, ADW_TYPE_BIN)

static const char *
bottleneck_label (const char *bottleneck)
{
  if (bottleneck == NULL)
    return NULL;
  if (g_ascii_strcasecmp (bottleneck, "Memory") == 0)
    return _("memory-bound");
  if (g_ascii_strcasecmp (bottleneck, "Compute") == 0)
    return _("compute-bound");
  return bottleneck;
}

/* The workload's point on device @index from a ledger of the roofline solver. */
static gboolean
add_point (MlsStudioRooflineView *self,
           guint                  index,
           MlsLedger             *ledger,
           const char            *label)
{
  MlsRooflineWorkload point = { 0 };
  MlsQuantity intensity, mfu;

  if (index >= self->data.n_devices ||
      !mls_ledger_get (ledger, "roofline.arithmetic_intensity", &intensity) ||
      !mls_ledger_get (ledger, "roofline.mfu", &mfu) || !(intensity.value > 0))
    return FALSE;
  point.name = label;
  point.intensity = intensity.value;
  /* MFU is achieved model FLOP/s over the peak at the precision: the point's height. */
  point.performance = mfu.value * self->data.devices[index].peak_flops;
  point.device = index;
  point.bottleneck = bottleneck_label (mls_ledger_get_text (ledger, "roofline.bottleneck"));
  mls_roofline_chart_add_workload (&self->data, &point);
  return TRUE;
}

static void
set_stat (MlsStudioRooflineView *self,
          guint                  stat,
          const char            *caption,
          const char            *value)
{
  gtk_label_set_label (self->stat_captions[stat], caption);
  gtk_label_set_label (self->stat_values[stat], value ? value : "—");
}

static void
update_stats (MlsStudioRooflineView *self)
{
  MlsEvaluation *evaluation = mls_studio_document_get_evaluation (self->document);
  MlsLedger *ledger = mls_studio_document_get_ledger (self->document);
  MlsScenario *scenario = mls_studio_document_get_scenario (self->document);
  gboolean fleet = mls_scenario_get_fleet (scenario) != NULL;
  MlsQuantity q;
  g_autofree char *latency = NULL;
  g_autofree char *throughput = NULL;
  g_autofree char *memory = NULL;
  const char *bottleneck = NULL;
  double v;

  if (evaluation != NULL)
    bottleneck = mls_evaluation_get_metric_text (evaluation, MLS_LEVEL_PERFORMANCE,
                                                 "bottleneck");
  if (bottleneck == NULL)
    bottleneck = mls_ledger_get_text (ledger, "roofline.bottleneck");

  if (evaluation != NULL &&
      (mls_evaluation_get_metric (evaluation, MLS_LEVEL_PERFORMANCE, "latency", &v) ||
       mls_evaluation_get_metric (evaluation, MLS_LEVEL_PERFORMANCE, "step_latency", &v)) &&
      mls_quantity_from_unit (v, "ms", &q, NULL))
    latency = mls_studio_format_quantity (&q, "ms");
  if (evaluation != NULL &&
      (mls_evaluation_get_metric (evaluation, MLS_LEVEL_PERFORMANCE, "throughput", &v) ||
       mls_evaluation_get_metric (evaluation, MLS_LEVEL_PERFORMANCE, "fleet_throughput", &v)))
    {
      g_autofree char *number = mls_studio_format_number (v);
      /* TRANSLATORS: samples per second */
      throughput = g_strdup_printf (_("%s /s"), number);
    }
  if (evaluation != NULL &&
      mls_evaluation_get_metric (evaluation, MLS_LEVEL_FEASIBILITY, "memory_utilization", &v))
    memory = g_strdup_printf ("%.0f%%", v * 100.0);

  set_stat (self, STAT_BOTTLENECK, _("Bottleneck"), bottleneck);
  set_stat (self, STAT_LATENCY, fleet ? _("Step time") : _("Latency"), latency);
  set_stat (self, STAT_THROUGHPUT, _("Throughput"), throughput);
  set_stat (self, STAT_MEMORY, _("Memory used"), memory);

  gtk_widget_remove_css_class (GTK_WIDGET (self->stat_values[STAT_MEMORY]), "error");
  if (evaluation != NULL &&
      mls_evaluation_get_verdict (evaluation, MLS_LEVEL_FEASIBILITY) == MLS_VERDICT_FAIL)
    gtk_widget_add_css_class (GTK_WIDGET (self->stat_values[STAT_MEMORY]), "error");
}

static void
rebuild (MlsStudioRooflineView *self)
{
  MlsScenario *scenario = mls_studio_document_get_scenario (self->document);
  MlsLedger *ledger = mls_studio_document_get_ledger (self->document);
  MlsHardwareNode *hardware = mls_scenario_get_hardware (scenario);
  MlsWorkload *workload = mls_scenario_get_workload (scenario);
  MlsPrecision precision = mls_scenario_get_precision (scenario);
  MlsRegistry *registry = mls_studio_document_get_registry (self->document);
  const char *error = mls_studio_document_get_error (self->document);
  const char *status_message = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *upper = NULL;

  update_stats (self);
  mls_roofline_chart_clear (&self->data);
  memset (&self->data, 0, sizeof self->data);

  if (hardware == NULL || workload == NULL ||
      !mls_roofline_chart_add_hardware (&self->data, hardware, precision, ROOFS, &local_error))
    {
      mls_studio_chart_clear (self->chart);
      gtk_label_set_label (self->caption, "");
      gtk_label_set_label (self->error_label, local_error ? local_error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), local_error != NULL);
      return;
    }

  label = g_strdup_printf (_("%s, batch %u"), mls_entry_get_name (MLS_ENTRY (workload)),
                           mls_scenario_get_batch_size (scenario));
  add_point (self, 0, ledger, label);

  for (guint i = 0; i < self->overlays->len && self->data.n_devices < MAX_DEVICES; i++)
    {
      MlsEntry *other = mls_registry_lookup (registry, "hardware",
                                             g_ptr_array_index (self->overlays, i), NULL);
      g_autoptr(MlsScenario) copy = NULL;
      guint index = self->data.n_devices;

      if (other == NULL || (MlsHardwareNode *) other == hardware ||
          !mls_roofline_chart_add_hardware (&self->data, MLS_HARDWARE_NODE (other), precision,
                                            MLS_ROOFLINE_ROOFS_NONE, NULL))
        continue;
      /* The same workload on the other device, as a single accelerator. */
      copy = mls_scenario_copy (scenario);
      mls_scenario_set_fleet (copy, NULL);
      mls_scenario_set_hardware (copy, MLS_HARDWARE_NODE (other));
      mls_studio_document_evaluate_copy (self->document, copy, self->overlay_ledger);
      add_point (self, index, self->overlay_ledger, mls_entry_get_name (other));
    }
  self->data.title = self->data.n_devices > 1 ? _("Roofline comparison") : NULL;

  mls_ledger_get_status (ledger, "roofline", &status_message);
  if (self->data.n_workloads == 0 && (error != NULL || status_message != NULL))
    {
      gtk_label_set_label (self->error_label, status_message ? status_message : error);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  upper = g_ascii_strup (mls_precision_to_string (precision), -1);
  /* TRANSLATORS: "Llama-3 8B inference at FP16 on NVIDIA H100, η = 0.50" */
  caption = g_strdup_printf (mls_scenario_get_training (scenario)
                               ? _("%s training at %s on %s, η = %.2f")
                               : _("%s inference at %s on %s, η = %.2f"),
                             mls_entry_get_name (MLS_ENTRY (workload)), upper,
                             mls_entry_get_name (MLS_ENTRY (hardware)),
                             mls_scenario_get_efficiency (scenario));
  gtk_label_set_label (self->caption, caption);
  mls_studio_chart_set_figure (self->chart, MLS_FIGURE_ROOFLINE, &self->data);
}

/* The overlay picker: hardware with check boxes, searchable */

static void
on_overlay_check_toggled (GtkCheckButton        *check,
                          MlsStudioRooflineView *self)
{
  const char *key = g_object_get_data (G_OBJECT (check), "mls-key");

  if (key != NULL)
    mls_studio_roofline_view_set_overlay (self, key, gtk_check_button_get_active (check));
}

static void
setup_overlay_item (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    MlsStudioRooflineView    *self)
{
  GtkWidget *check = gtk_check_button_new ();

  g_signal_connect (check, "toggled", G_CALLBACK (on_overlay_check_toggled), self);
  gtk_list_item_set_child (item, check);
  gtk_list_item_set_activatable (item, FALSE);
}

static gboolean
is_overlay (MlsStudioRooflineView *self,
            const char            *key)
{
  for (guint i = 0; i < self->overlays->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->overlays, i), key) == 0)
      return TRUE;
  return FALSE;
}

static void
bind_overlay_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   MlsStudioRooflineView    *self)
{
  MlsEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *check = gtk_list_item_get_child (item);

  /* Clear the key first, so setting the state does not toggle an overlay. */
  g_object_set_data (G_OBJECT (check), "mls-key", NULL);
  gtk_check_button_set_label (GTK_CHECK_BUTTON (check), mls_entry_get_name (entry));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               is_overlay (self, mls_entry_get_key (entry)));
  g_object_set_data_full (G_OBJECT (check), "mls-key", g_strdup (mls_entry_get_key (entry)),
                          g_free);
}

static char *
entry_search_string (MlsEntry *entry)
{
  return entry ? g_strdup_printf ("%s %s", mls_entry_get_name (entry), mls_entry_get_key (entry))
               : NULL;
}

static void
on_overlay_search_changed (GtkSearchEntry        *entry,
                           MlsStudioRooflineView *self)
{
  GtkStringFilter *filter = GTK_STRING_FILTER (gtk_filter_list_model_get_filter (self->overlay_filter));

  gtk_string_filter_set_search (filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static GtkWidget *
build_overlay_popover (MlsStudioRooflineView *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *title = gtk_label_new (_("Overlay the roofs of other hardware"));
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                           G_CALLBACK (entry_search_string),
                                                           NULL, NULL);
  GtkStringFilter *filter = gtk_string_filter_new (expression);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  self->overlay_filter = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_overlay_item), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_overlay_item), self);
  self->overlay_list = GTK_LIST_VIEW (gtk_list_view_new (
    GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->overlay_filter)))),
    g_object_ref (factory)));
  gtk_widget_add_css_class (GTK_WIDGET (self->overlay_list), "overlay-list");

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->overlay_list));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 260);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (search), popover);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search hardware"), -1);
  g_signal_connect (search, "search-changed", G_CALLBACK (on_overlay_search_changed), self);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static GtkWidget *
build_stat (MlsStudioRooflineView *self,
            guint                  stat)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption = gtk_label_new (NULL);
  GtkWidget *value = gtk_label_new ("—");

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "stat");
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (value, "title-3");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_label_set_selectable (GTK_LABEL (value), FALSE);
  gtk_widget_set_name (value, stat_names[stat]);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), value);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  caption, NULL, -1);
  self->stat_captions[stat] = GTK_LABEL (caption);
  self->stat_values[stat] = GTK_LABEL (value);
  return box;
}

static void
mls_studio_roofline_view_dispose (GObject *object)
{
  MlsStudioRooflineView *self = MLS_STUDIO_ROOFLINE_VIEW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->overlay_ledger);
  g_clear_object (&self->overlay_filter);
  G_OBJECT_CLASS (mls_studio_roofline_view_parent_class)->dispose (object);
}

static void
mls_studio_roofline_view_finalize (GObject *object)
{
  MlsStudioRooflineView *self = MLS_STUDIO_ROOFLINE_VIEW (object);

  g_ptr_array_unref (self->overlays);
  mls_roofline_chart_clear (&self->data);
  G_OBJECT_CLASS (mls_studio_roofline_view_parent_class)->finalize (object);
}

static void
mls_studio_roofline_view_class_init (MlsStudioRooflineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mls_studio_roofline_view_dispose;
  object_class->finalize = mls_studio_roofline_view_finalize;
}

static void
mls_studio_roofline_view_init (MlsStudioRooflineView *self)
{
  GtkWidget *box, *stats, *bar, *chart_box;

  self->overlays = g_ptr_array_new_with_free_func (g_free);
  self->overlay_ledger = mls_ledger_new ();

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  stats = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (stats), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (stats), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (stats), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (stats), N_STATS);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (stats), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (stats), 12);
  gtk_widget_add_css_class (stats, "stats");
  for (guint i = 0; i < N_STATS; i++)
    {
      GtkWidget *stat = build_stat (self, i);
      gtk_flow_box_append (GTK_FLOW_BOX (stats), stat);
      gtk_widget_set_focusable (gtk_widget_get_parent (stat), FALSE);
    }
  gtk_box_append (GTK_BOX (box), stats);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  chart_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (chart_box, "card");
  gtk_widget_add_css_class (chart_box, "chart-card");
  gtk_widget_set_overflow (chart_box, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_vexpand (chart_box, TRUE);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (bar, "chart-bar");
  self->caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->caption, 0);
  gtk_label_set_ellipsize (self->caption, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->caption), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->caption), "dim-label");
  self->overlay_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->overlay_button, _("Compare _With"));
  gtk_menu_button_set_use_underline (self->overlay_button, TRUE);
  gtk_menu_button_set_popover (self->overlay_button, build_overlay_popover (self));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->overlay_button),
                               _("Overlay the roofline of other hardware"));
  gtk_widget_add_css_class (GTK_WIDGET (self->overlay_button), "flat");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->caption));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->overlay_button));
  gtk_box_append (GTK_BOX (chart_box), bar);

  self->chart = MLS_STUDIO_CHART (mls_studio_chart_new ());
  mls_studio_chart_set_name (self->chart, "roofline");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Roofline chart of the scenario"), -1);
  gtk_box_append (GTK_BOX (chart_box), GTK_WIDGET (self->chart));
  gtk_box_append (GTK_BOX (box), chart_box);
  self->chart_frame = chart_box;

  adw_bin_set_child (ADW_BIN (self), box);
}

void
mls_studio_roofline_view_set_document (MlsStudioRooflineView *self,
                                       MlsStudioDocument     *document)
{
  MlsRegistry *registry = mls_studio_document_get_registry (document);

  g_set_object (&self->document, document);
  gtk_filter_list_model_set_model (self->overlay_filter,
                                   mls_registry_get_category (registry, "hardware"));
  g_signal_connect_object (document, "recomputed", G_CALLBACK (rebuild), self,
                           G_CONNECT_SWAPPED);
}

MlsStudioChart *
mls_studio_roofline_view_get_chart (MlsStudioRooflineView *self)
{
  return self->chart;
}

/**
 * mls_studio_roofline_view_get_stat:
 * @name: "bottleneck", "latency", "throughput" or "memory"
 *
 * Returns: (nullable): the value the view shows
 */
const char *
mls_studio_roofline_view_get_stat (MlsStudioRooflineView *self,
                                   const char            *name)
{
  for (guint i = 0; i < N_STATS; i++)
    if (g_strcmp0 (stat_names[i], name) == 0)
      return gtk_label_get_label (self->stat_values[i]);
  return NULL;
}

/**
 * mls_studio_roofline_view_set_overlay:
 * @hardware_key: a hardware key
 * @shown: whether its roof is overlaid
 */
void
mls_studio_roofline_view_set_overlay (MlsStudioRooflineView *self,
                                      const char            *hardware_key,
                                      gboolean               shown)
{
  for (guint i = 0; i < self->overlays->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->overlays, i), hardware_key) == 0)
      {
        if (shown)
          return;
        g_ptr_array_remove_index (self->overlays, i);
        rebuild (self);
        return;
      }
  if (!shown)
    return;
  g_ptr_array_add (self->overlays, g_strdup (hardware_key));
  if (self->document != NULL)
    rebuild (self);
}

/**
 * mls_studio_roofline_view_get_data:
 *
 * Returns: the chart as drawn: devices and operating points
 */
const MlsRooflineChart *
mls_studio_roofline_view_get_data (MlsStudioRooflineView *self)
{
  return &self->data;
}
