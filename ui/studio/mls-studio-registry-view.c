/* mls-studio-registry-view.c — the catalog as sortable tables, every value with its source
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mls-studio-format.h"
#include "mls-studio-registry-view.h"

typedef double (*NumberGetter) (MlsEntry *entry);

typedef struct
{
  const char   *title;   /* translatable */
  NumberGetter  get;
  const char   *unit;    /* the quantity's base unit for formatting; NULL for a count */
} NumberColumn;

typedef struct
{
  const char   *category;
  const char   *label;   /* translatable */
  NumberColumn  columns[3];
} CategoryInfo;

static double
hw_peak (MlsEntry *e)
{
  if (!MLS_IS_HARDWARE_NODE (e))
    return NAN;
  return mls_hardware_node_get_peak_flops (MLS_HARDWARE_NODE (e))->value;
}

static double
hw_bandwidth (MlsEntry *e)
{
  if (!MLS_IS_HARDWARE_NODE (e))
    return NAN;
  return mls_hardware_node_get_memory_bandwidth (MLS_HARDWARE_NODE (e))->value;
}

static double
hw_capacity (MlsEntry *e)
{
  if (!MLS_IS_HARDWARE_NODE (e))
    return NAN;
  return mls_hardware_node_get_memory_capacity (MLS_HARDWARE_NODE (e))->value;
}

static double
model_params (MlsEntry *e)
{
  if (!MLS_IS_WORKLOAD (e))
    return NAN;
  return mls_workload_get_parameter_count (MLS_WORKLOAD (e));
}

static double
model_ops (MlsEntry *e)
{
  if (!MLS_IS_WORKLOAD (e))
    return NAN;
  const MlsQuantity *ops = mls_workload_get_inference_ops (MLS_WORKLOAD (e));

  return ops ? ops->value : NAN;
}

static double
grid_carbon (MlsEntry *e)
{
  if (!MLS_IS_GRID_PROFILE (e))
    return NAN;
  const MlsQuantity *ci = mls_grid_profile_get_carbon_intensity (MLS_GRID_PROFILE (e));
  double v;

  return ci && mls_quantity_convert (ci, "g/kWh", &v, NULL) ? v : NAN;
}

static double
grid_pue (MlsEntry *e)
{
  if (!MLS_IS_GRID_PROFILE (e))
    return NAN;
  return mls_grid_profile_get_pue (MLS_GRID_PROFILE (e));
}

static double
cluster_accelerators (MlsEntry *e)
{
  if (!MLS_IS_FLEET (e))
    return NAN;
  return mls_fleet_get_total_accelerators (MLS_FLEET (e));
}

static const CategoryInfo categories[] = {
  { "hardware", N_("Hardware"),
    { { N_("Peak"), hw_peak, "FLOP/s" }, { N_("Bandwidth"), hw_bandwidth, "B/s" },
      { N_("Memory"), hw_capacity, "B" } } },
  { "models", N_("Models"),
    { { N_("Parameters"), model_params, NULL }, { N_("Inference ops"), model_ops, "FLOP" } } },
  { "grids", N_("Grids"),
    { { N_("gCO₂/kWh"), grid_carbon, NULL }, { N_("PUE"), grid_pue, NULL } } },
  { "clusters", N_("Clusters"), { { N_("Accelerators"), cluster_accelerators, NULL } } },
  { "scenarios", N_("Scenarios"), { { NULL } } },
  { "personas", N_("Personas"), { { NULL } } },
};

struct _MlsStudioRegistryView
{
  AdwBin              parent_instance;

  MlsStudioDocument  *document;
  const CategoryInfo *info;
  GPtrArray          *category_keys;   /* char*, parallel to the dropdown */

  GtkDropDown        *category_dropdown;
  GtkSearchEntry     *search;
  GtkColumnView      *table;
  GtkPaned           *paned;
  GtkColumnViewColumn *source_column;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkLabel           *count;

  GtkStack           *detail_stack;
  GtkLabel           *detail_title;
  GtkLabel           *detail_subtitle;
  GtkLabel           *detail_description;
  GtkLabel           *detail_source;
  GtkListBox         *detail_list;
  guint               n_detail_rows;
};

G_DEFINE_FINAL_TYPE (MlsStudioRegistryView, mls_studio_registry_view, ADW_TYPE_BIN)

static char *
format_number (double      value,
               const char *unit)
{
  MlsQuantity q;

  if (!isfinite (value) || value <= 0)
    return g_strdup ("—");
  if (unit != NULL && mls_quantity_from_unit (value, unit, &q, NULL))
    return mls_studio_format_quantity (&q, NULL);
  if (value >= 1e9)
    return g_strdup_printf ("%.3g B", value / 1e9);
  if (value >= 1e6)
    return g_strdup_printf ("%.3g M", value / 1e6);
  return g_strdup_printf ("%.4g", value);
}

static char *kind_label (MlsProvenance *p);

static char *
entry_search_string (MlsEntry *entry)
{
  return entry ? g_strdup_printf ("%s %s", mls_entry_get_name (entry), mls_entry_get_key (entry))
               : NULL;
}

static double
entry_number (MlsEntry *entry,
              gpointer  getter)
{
  return entry ? ((NumberGetter) getter) (entry) : NAN;
}

static char *
entry_source_kind (MlsEntry *entry)
{
  MlsProvenance *p = entry ? mls_entry_get_provenance (entry) : NULL;

  return p ? kind_label (p) : g_strdup ("");
}

/* Table cells */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "mls-numeric"));

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_name (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  MlsEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), mls_entry_get_name (entry));
  /* The key is what plans and the command line use. */
  gtk_widget_set_tooltip_text (label, mls_entry_get_key (entry));
}

static void
bind_source (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  g_autofree char *kind = entry_source_kind (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), kind);
}

static void
bind_number (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             const NumberColumn       *column)
{
  g_autofree char *text = format_number (column->get (gtk_list_item_get_item (item)),
                                         column->unit);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
append_column (MlsStudioRegistryView *self,
               const char            *title,
               GCallback              bind,
               gpointer               bind_data,
               GtkSorter             *sorter,
               gboolean               numeric,
               gboolean               expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "mls-numeric", GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", bind, bind_data);
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (numeric)
    gtk_column_view_column_set_fixed_width (column, 118);
  if (sorter != NULL)
    {
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (self->table, column);
}

/* The table takes a little over half the width; narrow, the source column makes room for
 * the names (each value's source is in the detail pane anyway). */
static void
fit_columns (MlsStudioRegistryView *self)
{
  int max = 0;

  g_object_get (self->paned, "max-position", &max, NULL);

  int detail_min = 0;

  if (max <= 0)
    return;
  /* max-position is the width less the detail pane's minimum. */
  gtk_widget_measure (GTK_WIDGET (self->detail_stack), GTK_ORIENTATION_HORIZONTAL, -1,
                      &detail_min, NULL, NULL, NULL);
  gtk_paned_set_position (self->paned, (max + detail_min) * 0.56);
  if (self->source_column != NULL)
    gtk_column_view_column_set_visible (self->source_column, max + detail_min >= 1000);
}

static void
build_columns (MlsStudioRegistryView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->table);
  GtkExpression *expr;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->table, column);
    }

  expr = gtk_property_expression_new (MLS_TYPE_ENTRY, NULL, "name");
  append_column (self, _("Name"), G_CALLBACK (bind_name), NULL,
                 GTK_SORTER (gtk_string_sorter_new (expr)), FALSE, TRUE);
  for (guint i = 0; self->info != NULL && i < G_N_ELEMENTS (self->info->columns); i++)
    {
      const NumberColumn *column = &self->info->columns[i];

      if (column->title == NULL)
        break;
      expr = gtk_cclosure_expression_new (G_TYPE_DOUBLE, NULL, 0, NULL,
                                          G_CALLBACK (entry_number), column->get, NULL);
      append_column (self, _(column->title), G_CALLBACK (bind_number), (gpointer) column,
                     GTK_SORTER (gtk_numeric_sorter_new (expr)), TRUE, FALSE);
    }
  expr = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                      G_CALLBACK (entry_source_kind), NULL, NULL);
  append_column (self, _("Source"), G_CALLBACK (bind_source), NULL,
                 GTK_SORTER (gtk_string_sorter_new (expr)), FALSE, FALSE);
  self->source_column = g_list_model_get_item (columns, g_list_model_get_n_items (columns) - 1);
  g_object_unref (self->source_column);
  fit_columns (self);

  /* Alphabetical to start with; a click on a header sorts by that column. */
  {
    g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (columns, 0);
    gtk_column_view_sort_by_column (self->table, name, GTK_SORT_ASCENDING);
  }
}

/* The detail pane */

static char *
kind_label (MlsProvenance *p)
{
  char *kind = g_strdup (mls_provenance_kind_to_string (mls_provenance_get_kind (p)));

  return g_strdelimit (kind, "_", ' ');
}

/* "NVIDIA A100 datasheet · datasheet · 2026-11-23"; without the reference when it is the
 * entry's own source, shown once above the values. */
static char *
describe_provenance (MlsProvenance *p,
                     MlsProvenance *entry_source)
{
  GString *s = g_string_new (NULL);
  const char *reference = mls_provenance_get_reference (p);
  const char *verified = mls_provenance_get_verified (p);
  g_autofree char *kind = kind_label (p);

  if (reference != NULL && *reference != '\0' &&
      (entry_source == NULL ||
       g_strcmp0 (reference, mls_provenance_get_reference (entry_source)) != 0))
    g_string_append (s, reference);
  g_string_append_printf (s, "%s%s", s->len ? " · " : "", kind);
  if (verified != NULL && *verified != '\0')
    g_string_append_printf (s, " · %s", verified);
  return g_string_free (s, FALSE);
}

static GtkWidget *
link_button (MlsProvenance *p)
{
  const char *url = mls_provenance_get_url (p);
  GtkWidget *button;

  if (url == NULL || *url == '\0')
    return NULL;
  button = gtk_link_button_new_with_label (url, "");
  gtk_button_set_icon_name (GTK_BUTTON (button), "adw-external-link-symbolic");
  gtk_widget_set_tooltip_text (button, url);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Open the source"), -1);
  return button;
}

static void
show_entry (MlsStudioRegistryView *self,
            MlsEntry              *entry)
{
  GtkWidget *child;
  MlsProvenance *p;
  g_auto(GStrv) fields = NULL;
  g_autofree char *subtitle = NULL;
  const char *description;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_list))) != NULL)
    gtk_list_box_remove (self->detail_list, child);
  self->n_detail_rows = 0;

  if (entry == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "entry");

  gtk_label_set_label (self->detail_title, mls_entry_get_name (entry));
  subtitle = g_strdup_printf ("%s · %s", mls_entry_get_key (entry),
                              mls_entry_get_category (entry));
  gtk_label_set_label (self->detail_subtitle, subtitle);
  description = mls_entry_get_description (entry);
  gtk_label_set_label (self->detail_description, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_description),
                          description != NULL && *description != '\0');
  p = mls_entry_get_provenance (entry);
  if (p != NULL)
    {
      g_autofree char *text = describe_provenance (p, NULL);
      g_autofree char *source = g_strdup_printf (_("Source: %s"), text);
      gtk_label_set_label (self->detail_source, source);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->detail_source), p != NULL);

  fields = mls_entry_list_fields (entry);
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      const MlsFieldSpec *spec = mls_entry_get_field_spec (entry, fields[i]);
      MlsProvenance *fp = mls_entry_get_field_provenance (entry, fields[i]);
      g_autofree char *value = mls_entry_format_field (entry, fields[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (value ? value : "—");
      GtkWidget *link = fp ? link_button (fp) : NULL;
      g_autofree char *title = NULL;

      if (spec != NULL && spec->label != NULL && *spec->label != '\0')
        title = g_strdup_printf ("%s", _(spec->label));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : fields[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (fp != NULL)
        {
          g_autofree char *prov = describe_provenance (fp, p);
          /* TRANSLATORS: a field path, then where its value comes from */
          g_autofree char *full = title ? g_strdup_printf (_("%s — %s"), fields[i], prov)
                                        : g_strdup (prov);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), full);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
          gtk_widget_set_tooltip_text (row, mls_provenance_get_notes (fp) ? mls_provenance_get_notes (fp)
                                                                  : mls_provenance_get_reference (fp));
        }
      else if (title != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fields[i]);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_widget_set_tooltip_text (label, value);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      if (link != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
      gtk_list_box_append (self->detail_list, row);
      self->n_detail_rows++;
    }
}

static void
on_selection_changed (MlsStudioRegistryView *self)
{
  show_entry (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
update_count (MlsStudioRegistryView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry",
                                                        "%u entries", n), n);

  gtk_label_set_label (self->count, text);
}

static void
on_search_changed (MlsStudioRegistryView *self)
{
  GtkStringFilter *filter = GTK_STRING_FILTER (gtk_filter_list_model_get_filter (self->filtered));

  gtk_string_filter_set_search (filter, gtk_editable_get_text (GTK_EDITABLE (self->search)));
  update_count (self);
}

static void
on_category_selected (MlsStudioRegistryView *self)
{
  guint pos = gtk_drop_down_get_selected (self->category_dropdown);
  const char *key;
  MlsRegistry *registry;

  if (self->document == NULL || pos >= self->category_keys->len)
    return;
  key = g_ptr_array_index (self->category_keys, pos);
  registry = mls_studio_document_get_registry (self->document);
  self->info = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (categories[i].category, key) == 0)
      self->info = &categories[i];
  build_columns (self);
  gtk_filter_list_model_set_model (self->filtered, mls_registry_get_category (registry, key));
  update_count (self);
  on_selection_changed (self);
}

static GtkWidget *
build_detail (MlsStudioRegistryView *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *values = gtk_label_new (_("Values"));

  self->detail_stack = GTK_STACK (gtk_stack_new ());
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-address-book-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Entry Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Select an entry to see every value and where it comes "
                                     "from."));
  gtk_widget_add_css_class (empty, "compact");
  gtk_stack_add_named (self->detail_stack, empty, "empty");

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  self->detail_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_title), "title-2");
  gtk_label_set_wrap (self->detail_title, TRUE);
  gtk_label_set_xalign (self->detail_title, 0);
  gtk_label_set_selectable (self->detail_title, TRUE);
  self->detail_subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_subtitle), "dim-label");
  gtk_label_set_xalign (self->detail_subtitle, 0);
  self->detail_description = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->detail_description, TRUE);
  gtk_label_set_xalign (self->detail_description, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->detail_description), 6);
  self->detail_source = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->detail_source, TRUE);
  gtk_label_set_xalign (self->detail_source, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_source), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_source), "dim-label");
  gtk_widget_add_css_class (values, "heading");
  gtk_label_set_xalign (GTK_LABEL (values), 0);
  gtk_widget_set_margin_top (values, 12);
  self->detail_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->detail_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_list), "boxed-list");
  gtk_widget_set_margin_top (GTK_WIDGET (self->detail_list), 6);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_subtitle));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_description));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_source));
  gtk_box_append (GTK_BOX (box), values);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_list));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_stack_add_named (self->detail_stack, scroller, "entry");
  gtk_stack_set_visible_child_name (self->detail_stack, "empty");
  return GTK_WIDGET (self->detail_stack);
}

static void
mls_studio_registry_view_dispose (GObject *object)
{
  MlsStudioRegistryView *self = MLS_STUDIO_REGISTRY_VIEW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->filtered);
  G_OBJECT_CLASS (mls_studio_registry_view_parent_class)->dispose (object);
}

static void
mls_studio_registry_view_finalize (GObject *object)
{
  MlsStudioRegistryView *self = MLS_STUDIO_REGISTRY_VIEW (object);

  g_ptr_array_unref (self->category_keys);
  G_OBJECT_CLASS (mls_studio_registry_view_parent_class)->finalize (object);
}

static void
mls_studio_registry_view_class_init (MlsStudioRegistryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mls_studio_registry_view_dispose;
  object_class->finalize = mls_studio_registry_view_finalize;
}

static void
mls_studio_registry_view_init (MlsStudioRegistryView *self)
{
  GtkWidget *paned, *left, *bar, *scroller, *table_card;
  GtkExpression *expression;
  GtkSortListModel *sorted;

  self->category_keys = g_ptr_array_new_with_free_func (g_free);

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  self->paned = GTK_PANED (paned);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  g_signal_connect_swapped (paned, "notify::max-position", G_CALLBACK (fit_columns), self);

  left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (left, 12);
  gtk_widget_set_margin_bottom (left, 12);
  gtk_widget_set_margin_start (left, 12);
  gtk_widget_set_margin_end (left, 12);
  gtk_widget_set_size_request (left, 300, -1);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->category_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->category_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Registry category"), -1);
  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  g_object_set (self->search, "placeholder-text", _("Filter by name or key"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter the registry"), -1);
  self->count = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count), "numeric");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->category_dropdown));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->count));
  gtk_box_append (GTK_BOX (left), bar);

  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Registry entries"), -1);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (entry_search_string), NULL, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_string_filter_new (expression)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->table)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed), self);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->table));
  gtk_widget_set_vexpand (scroller, TRUE);
  table_card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (table_card, "card");
  gtk_widget_set_overflow (table_card, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_vexpand (table_card, TRUE);
  gtk_box_append (GTK_BOX (table_card), scroller);
  gtk_box_append (GTK_BOX (left), table_card);

  gtk_paned_set_start_child (GTK_PANED (paned), left);
  gtk_paned_set_end_child (GTK_PANED (paned), build_detail (self));
  gtk_widget_set_size_request (GTK_WIDGET (self->detail_stack), 260, -1);
  adw_bin_set_child (ADW_BIN (self), paned);

  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->category_dropdown, "notify::selected",
                            G_CALLBACK (on_category_selected), self);
}

void
mls_studio_registry_view_set_document (MlsStudioRegistryView *self,
                                       MlsStudioDocument     *document)
{
  MlsRegistry *registry = mls_studio_document_get_registry (document);
  const char * const *keys = mls_registry_get_categories (registry);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_set_object (&self->document, document);
  g_ptr_array_set_size (self->category_keys, 0);
  /* The well-known categories first, with readable names; then any others. */
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strv_contains (keys, categories[i].category))
      {
        g_ptr_array_add (self->category_keys, g_strdup (categories[i].category));
        gtk_string_list_append (names, _(categories[i].label));
      }
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      gboolean known = FALSE;
      g_autofree char *label = NULL;

      for (guint j = 0; j < self->category_keys->len; j++)
        known |= g_strcmp0 (g_ptr_array_index (self->category_keys, j), keys[i]) == 0;
      if (known)
        continue;
      label = g_strdup (keys[i]);
      label[0] = g_ascii_toupper (label[0]);
      g_strdelimit (label, "_", ' ');
      g_ptr_array_add (self->category_keys, g_strdup (keys[i]));
      gtk_string_list_append (names, label);
    }
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  on_category_selected (self);
}

gboolean
mls_studio_registry_view_set_category (MlsStudioRegistryView *self,
                                       const char            *category)
{
  for (guint i = 0; i < self->category_keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->category_keys, i), category) == 0)
      {
        gtk_drop_down_set_selected (self->category_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

void
mls_studio_registry_view_set_search (MlsStudioRegistryView *self,
                                     const char            *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), text);
  /* Apply at once, not after the entry's typing delay. */
  on_search_changed (self);
}

guint
mls_studio_registry_view_get_n_shown (MlsStudioRegistryView *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

/**
 * mls_studio_registry_view_select:
 * @key: an entry key of the current category
 *
 * Returns: whether the entry is shown and now selected
 */
gboolean
mls_studio_registry_view_select (MlsStudioRegistryView *self,
                                 const char            *key)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MlsEntry) entry = g_list_model_get_item (model, i);

      if (g_strcmp0 (mls_entry_get_key (entry), key) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * mls_studio_registry_view_get_n_detail_rows:
 *
 * Returns: how many values the detail pane lists
 */
guint
mls_studio_registry_view_get_n_detail_rows (MlsStudioRegistryView *self)
{
  return self->n_detail_rows;
}
