/* mls-studio-compare-view.c — several hardware choices for one workload, side by side
 *
 * The scenario's workload and knobs run on each chosen accelerator (one device each): one
 * roofline with every device's roof and operating point, and one sortable table.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "mls-studio-compare-view.h"
#include "mls-studio-format.h"

/* The roofline palette stays distinct up to here. */
#define MAX_COMPARED 7

/* Compared first, when the registry has them: accelerators of three generations and two
 * vendors, so a new user sees a meaningful comparison at once. */
static const char *default_keys[] = { "A100", "H100", "B200", "MI300X" };

/* One row of the table */

#define MLS_STUDIO_TYPE_COMPARE_ROW (mls_studio_compare_row_get_type ())
G_DECLARE_FINAL_TYPE (MlsStudioCompareRow, mls_studio_compare_row, MLS_STUDIO, COMPARE_ROW,
                      GObject)

struct _MlsStudioCompareRow
{
  GObject  parent_instance;
  char    *key;
  char    *name;
  char    *bottleneck;
  double   latency_ms;
  double   throughput;
  double   mfu;
  double   memory;
  gboolean current;
};

enum {
  ROW_PROP_0,
  ROW_PROP_KEY,
  ROW_PROP_NAME,
  ROW_PROP_BOTTLENECK,
  ROW_PROP_LATENCY_MS,
  ROW_PROP_THROUGHPUT,
  ROW_PROP_MFU,
  ROW_PROP_MEMORY,
  N_ROW_PROPS
};

static GParamSpec *row_properties[N_ROW_PROPS];

G_DEFINE_FINAL_TYPE (MlsStudioCompareRow, mls_studio_compare_row, G_TYPE_OBJECT)

static void
mls_studio_compare_row_finalize (GObject *object)
{
  MlsStudioCompareRow *self = MLS_STUDIO_COMPARE_ROW (object);

  g_free (self->key);
  g_free (self->name);
  g_free (self->bottleneck);
  G_OBJECT_CLASS (mls_studio_compare_row_parent_class)->finalize (object);
}

static void
mls_studio_compare_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  MlsStudioCompareRow *self = MLS_STUDIO_COMPARE_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case ROW_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case ROW_PROP_BOTTLENECK:
      g_value_set_string (value, self->bottleneck);
      break;
    case ROW_PROP_LATENCY_MS:
      g_value_set_double (value, self->latency_ms);
      break;
    case ROW_PROP_THROUGHPUT:
      g_value_set_double (value, self->throughput);
      break;
    case ROW_PROP_MFU:
      g_value_set_double (value, self->mfu);
      break;
    case ROW_PROP_MEMORY:
      g_value_set_double (value, self->memory);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mls_studio_compare_row_class_init (MlsStudioCompareRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mls_studio_compare_row_finalize;
  object_class->get_property = mls_studio_compare_row_get_property;
  row_properties[ROW_PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_BOTTLENECK] = g_param_spec_string ("bottleneck", NULL, NULL, NULL,
                                                             flags);
  row_properties[ROW_PROP_LATENCY_MS] = g_param_spec_double ("latency-ms", NULL, NULL,
                                                             -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  row_properties[ROW_PROP_THROUGHPUT] = g_param_spec_double ("throughput", NULL, NULL,
                                                             -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  row_properties[ROW_PROP_MFU] = g_param_spec_double ("mfu", NULL, NULL, -G_MAXDOUBLE,
                                                      G_MAXDOUBLE, 0, flags);
  row_properties[ROW_PROP_MEMORY] = g_param_spec_double ("memory", NULL, NULL, -G_MAXDOUBLE,
                                                         G_MAXDOUBLE, 0, flags);
  g_object_class_install_properties (object_class, N_ROW_PROPS, row_properties);
}

static void
mls_studio_compare_row_init (MlsStudioCompareRow *self)
{
}

/* The view */

typedef enum
{
  COLUMN_NAME,
  COLUMN_LATENCY,
  COLUMN_THROUGHPUT,
  COLUMN_BOTTLENECK,
  COLUMN_MFU,
  COLUMN_MEMORY,
  COLUMN_REMOVE,
} Column;

struct _MlsStudioCompareView
{
  AdwBin               parent_instance;

  MlsStudioDocument   *document;
  GPtrArray           *keys;       /* char*, the compared hardware */
  gboolean             defaults_added;
  MlsLedger           *ledger;
  GListStore          *rows;

  GtkDropDown         *add_dropdown;
  GtkLabel            *caption;
  MlsStudioChart      *chart;
  GtkColumnView       *table;
  gboolean             dirty;

  MlsRooflineChart     data;   /* storage owned by the render helpers */
};

G_DEFINE_FINAL_TYPE (MlsStudioCompareView, mls_studio_compare_view, ADW_TYPE_BIN)

static gboolean
has_key (MlsStudioCompareView *self,
         const char           *key)
{
  for (guint i = 0; i < self->keys->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (self->keys, i), key) == 0)
      return TRUE;
  return FALSE;
}

static void
ensure_defaults (MlsStudioCompareView *self)
{
  MlsScenario *scenario = mls_studio_document_get_scenario (self->document);
  MlsHardwareNode *current = mls_scenario_get_hardware (scenario);
  MlsRegistry *registry = mls_studio_document_get_registry (self->document);

  if (self->defaults_added || current == NULL)
    return;
  self->defaults_added = TRUE;
  g_ptr_array_add (self->keys, g_strdup (mls_entry_get_key (MLS_ENTRY (current))));
  for (guint i = 0; i < G_N_ELEMENTS (default_keys) && self->keys->len < 4; i++)
    if (!has_key (self, default_keys[i]) &&
        mls_registry_lookup (registry, "hardware", default_keys[i], NULL) != NULL)
      g_ptr_array_add (self->keys, g_strdup (default_keys[i]));
}

static void
rebuild (MlsStudioCompareView *self)
{
  MlsScenario *scenario = mls_studio_document_get_scenario (self->document);
  MlsRegistry *registry = mls_studio_document_get_registry (self->document);
  MlsWorkload *workload = mls_scenario_get_workload (scenario);
  MlsPrecision precision = mls_scenario_get_precision (scenario);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *upper = g_ascii_strup (mls_precision_to_string (precision), -1);
  g_autofree char *caption = NULL;

  ensure_defaults (self);
  mls_roofline_chart_clear (&self->data);
  memset (&self->data, 0, sizeof self->data);

  for (guint i = 0; workload != NULL && i < self->keys->len; i++)
    {
      MlsEntry *entry = mls_registry_lookup (registry, "hardware",
                                             g_ptr_array_index (self->keys, i), NULL);
      g_autoptr(MlsScenario) copy = NULL;
      MlsStudioCompareRow *row;
      MlsQuantity q, intensity, mfu;
      MlsHardwareNode *hardware;
      const char *bottleneck;

      if (entry == NULL)
        continue;
      hardware = MLS_HARDWARE_NODE (entry);
      copy = mls_scenario_copy (scenario);
      mls_scenario_set_fleet (copy, NULL);
      mls_scenario_set_hardware (copy, hardware);
      mls_studio_document_evaluate_copy (self->document, copy, self->ledger);

      row = g_object_new (MLS_STUDIO_TYPE_COMPARE_ROW, NULL);
      row->key = g_strdup (mls_entry_get_key (entry));
      row->name = g_strdup (mls_entry_get_name (entry));
      bottleneck = mls_ledger_get_text (self->ledger, "roofline.bottleneck");
      row->bottleneck = g_strdup (bottleneck ? bottleneck : "—");
      row->latency_ms = mls_ledger_get (self->ledger, "roofline.latency", &q) ? q.value * 1e3 : -1;
      row->throughput = mls_ledger_get (self->ledger, "roofline.throughput", &q) ? q.value : -1;
      row->mfu = mls_ledger_get (self->ledger, "roofline.mfu", &mfu) ? mfu.value : -1;
      row->memory = mls_ledger_get (self->ledger, "roofline.memory_utilization", &q) ? q.value
                                                                                     : -1;
      row->current = hardware == mls_scenario_get_hardware (scenario);
      g_ptr_array_add (rows, row);

      if (self->data.n_devices < MAX_COMPARED &&
          mls_roofline_chart_add_hardware (&self->data, hardware, precision,
                                           MLS_ROOFLINE_ROOFS_NONE, NULL) &&
          mls_ledger_get (self->ledger, "roofline.arithmetic_intensity", &intensity) &&
          intensity.value > 0 && row->mfu >= 0)
        {
          guint index = self->data.n_devices - 1;
          MlsRooflineWorkload point = {
            .name = mls_entry_get_name (entry),
            .intensity = intensity.value,
            .performance = mfu.value * self->data.devices[index].peak_flops,
            .device = index,
          };

          mls_roofline_chart_add_workload (&self->data, &point);
        }
    }

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);

  if (workload == NULL || self->data.n_devices == 0)
    {
      mls_studio_chart_clear (self->chart);
      gtk_label_set_label (self->caption, _("Add hardware to compare"));
      return;
    }
  /* TRANSLATORS: "Llama-3 8B at FP16, batch 1, on each accelerator" */
  caption = g_strdup_printf (_("%s at %s, batch %u, on each accelerator"),
                             mls_entry_get_name (MLS_ENTRY (workload)), upper,
                             mls_scenario_get_batch_size (scenario));
  gtk_label_set_label (self->caption, caption);
  self->data.title = _("Hardware comparison");
  mls_studio_chart_set_figure (self->chart, MLS_FIGURE_ROOFLINE, &self->data);
}

/* Off screen, the comparison waits until it is shown (or read). */
static void
on_recomputed (MlsStudioCompareView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->dirty = TRUE;
}

static void
update_if_dirty (MlsStudioCompareView *self)
{
  if (self->dirty && self->document != NULL)
    {
      self->dirty = FALSE;
      rebuild (self);
    }
}

static void
mls_studio_compare_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mls_studio_compare_view_parent_class)->map (widget);
  update_if_dirty (MLS_STUDIO_COMPARE_VIEW (widget));
}

/* Table cells */

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            MlsStudioCompareView     *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "mls-column"));

  if (column == COLUMN_REMOVE)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove from the comparison"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove from the comparison"), -1);
      gtk_list_item_set_child (item, button);
    }
  else
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_NAME ||
                                               column == COLUMN_BOTTLENECK ? 0 : 1);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      if (column != COLUMN_NAME && column != COLUMN_BOTTLENECK)
        gtk_widget_add_css_class (label, "numeric");
      gtk_list_item_set_child (item, label);
    }
}

static void
on_remove_clicked (GtkButton            *button,
                   MlsStudioCompareView *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "mls-key");

  if (key != NULL)
    mls_studio_compare_view_remove_hardware (self, key);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MlsStudioCompareView     *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "mls-column"));
  MlsStudioCompareRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  MlsQuantity q;

  switch (column)
    {
    case COLUMN_NAME:
      text = row->current ? g_strdup_printf (_("%s (scenario)"), row->name) : g_strdup (row->name);
      break;
    case COLUMN_LATENCY:
      if (row->latency_ms >= 0 && mls_quantity_from_unit (row->latency_ms, "ms", &q, NULL))
        text = mls_studio_format_quantity (&q, "ms");
      break;
    case COLUMN_THROUGHPUT:
      if (row->throughput >= 0)
        {
          g_autofree char *number = mls_studio_format_number (row->throughput);
          text = g_strdup_printf (_("%s /s"), number);
        }
      break;
    case COLUMN_BOTTLENECK:
      text = g_strdup (row->bottleneck);
      break;
    case COLUMN_MFU:
      if (row->mfu >= 0)
        text = g_strdup_printf ("%.1f%%", row->mfu * 100);
      break;
    case COLUMN_MEMORY:
      if (row->memory >= 0)
        text = g_strdup_printf ("%.0f%%", row->memory * 100);
      break;
    case COLUMN_REMOVE:
      g_object_set_data_full (G_OBJECT (child), "mls-key", g_strdup (row->key), g_free);
      g_signal_handlers_disconnect_by_func (child, on_remove_clicked, self);
      g_signal_connect (child, "clicked", G_CALLBACK (on_remove_clicked), self);
      return;
    default:
      break;
    }
  gtk_label_set_label (GTK_LABEL (child), text ? text : "—");
  if (column == COLUMN_MEMORY)
    {
      if (row->memory > 1)
        gtk_widget_add_css_class (child, "error");
      else
        gtk_widget_remove_css_class (child, "error");
    }
}

static void
add_column (MlsStudioCompareView *self,
            Column                column,
            const char           *title,
            GtkSorter            *sorter,
            gboolean              expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_object_set_data (G_OBJECT (factory), "mls-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  col = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, column != COLUMN_REMOVE);
  if (sorter != NULL)
    {
      gtk_column_view_column_set_sorter (col, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (self->table, col);
}

static GtkSorter *
numeric_sorter (const char *property)
{
  return GTK_SORTER (gtk_numeric_sorter_new (
    gtk_property_expression_new (MLS_STUDIO_TYPE_COMPARE_ROW, NULL, property)));
}

static GtkSorter *
string_sorter (const char *property)
{
  return GTK_SORTER (gtk_string_sorter_new (
    gtk_property_expression_new (MLS_STUDIO_TYPE_COMPARE_ROW, NULL, property)));
}

/* The hardware picker */

static void
setup_hw_label (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_list_item_set_child (item, label);
}

static void
bind_hw_label (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  MlsEntry *entry = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), mls_entry_get_name (entry));
}

static char *
entry_search_string (MlsEntry *entry)
{
  return entry ? g_strdup_printf ("%s %s", mls_entry_get_name (entry), mls_entry_get_key (entry))
               : NULL;
}

static void
on_add_clicked (MlsStudioCompareView *self)
{
  MlsEntry *entry = gtk_drop_down_get_selected_item (self->add_dropdown);

  if (entry != NULL)
    mls_studio_compare_view_add_hardware (self, mls_entry_get_key (entry));
}

static void
mls_studio_compare_view_dispose (GObject *object)
{
  MlsStudioCompareView *self = MLS_STUDIO_COMPARE_VIEW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->ledger);
  g_clear_object (&self->rows);
  G_OBJECT_CLASS (mls_studio_compare_view_parent_class)->dispose (object);
}

static void
mls_studio_compare_view_finalize (GObject *object)
{
  MlsStudioCompareView *self = MLS_STUDIO_COMPARE_VIEW (object);

  g_ptr_array_unref (self->keys);
  mls_roofline_chart_clear (&self->data);
  G_OBJECT_CLASS (mls_studio_compare_view_parent_class)->finalize (object);
}

static void
mls_studio_compare_view_class_init (MlsStudioCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mls_studio_compare_view_dispose;
  object_class->finalize = mls_studio_compare_view_finalize;
  GTK_WIDGET_CLASS (klass)->map = mls_studio_compare_view_map;
}

static void
mls_studio_compare_view_init (MlsStudioCompareView *self)
{
  GtkWidget *box, *bar, *label, *add, *chart_card, *table_card, *scroller, *paned;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expression;
  GtkSortListModel *sorted;

  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->ledger = mls_ledger_new ();
  self->rows = g_list_store_new (MLS_STUDIO_TYPE_COMPARE_ROW);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->caption, 0);
  gtk_label_set_ellipsize (self->caption, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->caption), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->caption), "dim-label");
  label = gtk_label_new_with_mnemonic (_("_Add:"));
  self->add_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_drop_down_set_enable_search (self->add_dropdown, TRUE);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (entry_search_string), NULL, NULL);
  gtk_drop_down_set_expression (self->add_dropdown, expression);
  gtk_expression_unref (expression);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_hw_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_hw_label), NULL);
  gtk_drop_down_set_factory (self->add_dropdown, factory);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->add_dropdown));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hardware to add"), -1);
  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (add, _("Add to the comparison"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add to the comparison"), -1);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_clicked), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->caption));
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->add_dropdown));
  gtk_box_append (GTK_BOX (bar), add);
  gtk_box_append (GTK_BOX (box), bar);

  paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_paned_set_wide_handle (GTK_PANED (paned), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);

  chart_card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (chart_card, "card");
  gtk_widget_add_css_class (chart_card, "chart-card");
  gtk_widget_set_overflow (chart_card, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_margin_bottom (chart_card, 6);
  self->chart = MLS_STUDIO_CHART (mls_studio_chart_new ());
  mls_studio_chart_set_name (self->chart, "compare");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Roofline of the compared hardware"), -1);
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), 240, 260);
  gtk_box_append (GTK_BOX (chart_card), GTK_WIDGET (self->chart));
  gtk_paned_set_start_child (GTK_PANED (paned), chart_card);

  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->table, FALSE);
  gtk_column_view_set_reorderable (self->table, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "data-table");
  add_column (self, COLUMN_NAME, _("Hardware"), string_sorter ("name"), TRUE);
  add_column (self, COLUMN_LATENCY, _("Latency"), numeric_sorter ("latency-ms"), FALSE);
  add_column (self, COLUMN_THROUGHPUT, _("Throughput"), numeric_sorter ("throughput"), FALSE);
  add_column (self, COLUMN_BOTTLENECK, _("Bottleneck"), string_sorter ("bottleneck"), FALSE);
  add_column (self, COLUMN_MFU, _("MFU"), numeric_sorter ("mfu"), FALSE);
  add_column (self, COLUMN_MEMORY, _("Memory"), numeric_sorter ("memory"), FALSE);
  add_column (self, COLUMN_REMOVE, "", NULL, FALSE);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                    g_object_ref (gtk_column_view_get_sorter (self->table)));
  gtk_column_view_set_model (self->table,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted))));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Compared hardware"), -1);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->table));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
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
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_box_append (GTK_BOX (box), paned);

  adw_bin_set_child (ADW_BIN (self), box);
}

void
mls_studio_compare_view_set_document (MlsStudioCompareView *self,
                                      MlsStudioDocument    *document)
{
  g_set_object (&self->document, document);
  gtk_drop_down_set_model (self->add_dropdown,
                           mls_registry_get_category (mls_studio_document_get_registry (document),
                                                      "hardware"));
  self->dirty = TRUE;
  g_signal_connect_object (document, "recomputed", G_CALLBACK (on_recomputed), self,
                           G_CONNECT_SWAPPED);
}

MlsStudioChart *
mls_studio_compare_view_get_chart (MlsStudioCompareView *self)
{
  update_if_dirty (self);
  return self->chart;
}

/**
 * mls_studio_compare_view_add_hardware:
 * @key: a hardware key
 *
 * Returns: %FALSE when @key is unknown, already compared, or the comparison is full
 */
gboolean
mls_studio_compare_view_add_hardware (MlsStudioCompareView *self,
                                      const char           *key)
{
  if (has_key (self, key) || self->keys->len >= MAX_COMPARED ||
      mls_registry_lookup (mls_studio_document_get_registry (self->document), "hardware", key,
                           NULL) == NULL)
    return FALSE;
  g_ptr_array_add (self->keys, g_strdup (key));
  self->dirty = TRUE;
  update_if_dirty (self);
  return TRUE;
}

void
mls_studio_compare_view_remove_hardware (MlsStudioCompareView *self,
                                         const char           *key)
{
  for (guint i = 0; i < self->keys->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (self->keys, i), key) == 0)
      {
        g_ptr_array_remove_index (self->keys, i);
        self->dirty = TRUE;
        update_if_dirty (self);
        return;
      }
}

/**
 * mls_studio_compare_view_get_rows:
 *
 * Returns: (transfer none): the table's rows, in the order they were added
 */
GListModel *
mls_studio_compare_view_get_rows (MlsStudioCompareView *self)
{
  update_if_dirty (self);
  return G_LIST_MODEL (self->rows);
}
