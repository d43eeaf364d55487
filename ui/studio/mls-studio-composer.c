/* mls-studio-composer.c — the sidebar where a scenario is composed
 *
 * Every control writes straight into the document, which recomputes at once; when the
 * scenario is replaced (a file, a lighthouse scenario) the controls are set from it, with
 * their handlers blocked by `syncing`.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mls-studio-composer.h"
#include "mls-studio-efficiency-guide.h"

struct _MlsStudioComposer
{
  AdwBin             parent_instance;

  MlsStudioDocument *document;
  gboolean           syncing;

  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkMenuButton     *start_from_button;
  GtkWidget         *persona_box;
  GtkLabel          *persona_title;
  GtkLabel          *persona_subtitle;
  AdwActionRow      *workload_row;
  GtkDropDown       *workload_dropdown;
  GtkToggleButton   *inference_button;
  GtkToggleButton   *training_button;
  AdwActionRow      *hardware_row;
  GtkDropDown       *hardware_dropdown;
  AdwExpanderRow    *cluster_expander;
  GtkDropDown       *cluster_dropdown;
  GtkDropDown       *region_dropdown;
  GtkSpinButton     *batch_spin;
  GtkSpinButton     *seq_spin;
  GtkDropDown       *precision_dropdown;
  GtkAdjustment     *efficiency_adjustment;
  GtkLabel          *efficiency_hint;
  AdwExpanderRow    *parallelism_expander;
  GtkSpinButton     *tp_spin;
  GtkSpinButton     *pp_spin;
  GtkSpinButton     *ep_spin;
  GtkSpinButton     *microbatch_spin;
  GtkSpinButton     *vstage_spin;
  GtkSpinButton     *zero_spin;
  GtkSwitch         *recompute_switch;
  AdwExpanderRow    *operations_expander;
  GtkSpinButton     *duration_spin;
  AdwExpanderRow    *sla_expander;
  GtkSpinButton     *sla_spin;
};

G_DEFINE_FINAL_TYPE (MlsStudioComposer, mls_studio_composer, ADW_TYPE_BIN)

/* The precisions in the order the dropdown lists them (MlsPrecision order). */
static const MlsPrecision precisions[] = {
  MLS_PRECISION_FP32, MLS_PRECISION_TF32, MLS_PRECISION_FP16, MLS_PRECISION_BF16,
  MLS_PRECISION_FP8, MLS_PRECISION_INT8, MLS_PRECISION_INT4, MLS_PRECISION_FP4,
};

/* Registry pickers */

static void
setup_entry_label (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_list_item_set_child (item, label);
}

static void
bind_entry_label (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  MlsEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), mls_entry_get_name (entry));
  gtk_widget_set_tooltip_text (label, mls_entry_get_name (entry));
}

static void
setup_entry_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  /* The popup is only as wide as its rows ask for: make room for full names. */
  gtk_label_set_width_chars (GTK_LABEL (title), 28);
  gtk_label_set_width_chars (GTK_LABEL (subtitle), 28);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 36);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 36);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

/* A short second line: what kind of entry this is and its key, as the CLI names it. */
static char *
entry_subtitle (MlsEntry *entry)
{
  if (MLS_IS_HARDWARE_NODE (entry))
    {
      const MlsQuantity *peak = mls_hardware_node_get_peak_flops (MLS_HARDWARE_NODE (entry));
      g_autofree char *flops = mls_quantity_format (peak, 3);

      return g_strdup_printf ("%s · %s · %s", mls_entry_get_key (entry),
                              mls_hardware_tier_to_string (
                                mls_hardware_node_get_tier (MLS_HARDWARE_NODE (entry))),
                              flops);
    }
  if (MLS_IS_WORKLOAD (entry))
    {
      double params = mls_workload_get_parameter_count (MLS_WORKLOAD (entry));

      if (params >= 1e9)
        return g_strdup_printf (_("%s · %.3g B parameters"), mls_entry_get_key (entry),
                                params / 1e9);
      if (params >= 1e6)
        return g_strdup_printf (_("%s · %.3g M parameters"), mls_entry_get_key (entry),
                                params / 1e6);
      return g_strdup (mls_entry_get_key (entry));
    }
  if (MLS_IS_FLEET (entry))
    return g_strdup_printf (_("%s · %u accelerators"), mls_entry_get_key (entry),
                            mls_fleet_get_total_accelerators (MLS_FLEET (entry)));
  if (MLS_IS_GRID_PROFILE (entry))
    {
      const MlsQuantity *ci = mls_grid_profile_get_carbon_intensity (MLS_GRID_PROFILE (entry));
      double g_per_kwh;

      if (ci != NULL && mls_quantity_convert (ci, "g/kWh", &g_per_kwh, NULL))
        return g_strdup_printf (_("%s · %.0f gCO₂/kWh"), mls_entry_get_key (entry), g_per_kwh);
    }
  return g_strdup (mls_entry_get_key (entry));
}

static void
bind_entry_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  MlsEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *text = entry_subtitle (entry);

  gtk_label_set_label (GTK_LABEL (title), mls_entry_get_name (entry));
  gtk_label_set_label (GTK_LABEL (subtitle), text);
}

/* Search by name or key ("H100", "Llama"). */
static char *
entry_search_string (MlsEntry *entry)
{
  if (entry == NULL)
    return NULL;
  return g_strdup_printf ("%s %s", mls_entry_get_name (entry), mls_entry_get_key (entry));
}

static void
setup_picker (GtkDropDown *dropdown,
              GListModel  *model)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();
  GtkSortListModel *sorted;
  GtkExpression *expression;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_entry_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_entry_label), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_entry_row), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_entry_row), NULL);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (entry_search_string), NULL, NULL);
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  /* Alphabetical by name, whatever order the catalog files list them in. */
  sorted = gtk_sort_list_model_new (g_object_ref (model),
                                    GTK_SORTER (gtk_string_sorter_new (
                                      gtk_property_expression_new (MLS_TYPE_ENTRY, NULL, "name"))));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (sorted));
  g_object_unref (sorted);
}

static guint
find_entry (GtkDropDown *dropdown,
            MlsEntry    *entry)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; entry != NULL && i < n; i++)
    {
      g_autoptr(MlsEntry) item = g_list_model_get_item (model, i);

      if (item == entry ||
          g_strcmp0 (mls_entry_get_key (item), mls_entry_get_key (entry)) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static gboolean
select_key (GtkDropDown *dropdown,
            const char  *key)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MlsEntry) item = g_list_model_get_item (model, i);

      if (g_ascii_strcasecmp (mls_entry_get_key (item), key) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

static const char *
selected_key (GtkDropDown *dropdown)
{
  MlsEntry *entry = gtk_drop_down_get_selected_item (dropdown);

  return entry != NULL ? mls_entry_get_key (entry) : NULL;
}

/* Keeping the controls in step with the document */

static void
set_spin (GtkSpinButton *spin,
          double         value)
{
  gtk_spin_button_set_value (spin, value);
}

static void
update_hint (MlsStudioComposer *self)
{
  MlsScenario *scenario = mls_studio_document_get_scenario (self->document);
  MlsRegistry *registry = mls_studio_document_get_registry (self->document);
  g_autofree char *text = mls_studio_efficiency_guide_describe (registry, scenario);
  MlsStudioEtaHint hint;
  gboolean warn = mls_studio_efficiency_guide_lookup (registry, scenario, &hint) &&
                  (hint.too_high || hint.outside);

  gtk_label_set_label (self->efficiency_hint, text);
  if (warn)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->efficiency_hint), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->efficiency_hint), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->efficiency_hint), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->efficiency_hint), "dim-label");
    }
}

static void
update_system_rows (MlsStudioComposer *self)
{
  MlsScenario *scenario = mls_studio_document_get_scenario (self->document);
  MlsFleet *fleet = mls_scenario_get_fleet (scenario);

  if (fleet != NULL)
    {
      g_autofree char *subtitle =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u accelerator in %s",
                                      "%u accelerators in %s",
                                      mls_fleet_get_total_accelerators (fleet)),
                         mls_fleet_get_total_accelerators (fleet),
                         mls_entry_get_name (MLS_ENTRY (fleet)));
      adw_expander_row_set_subtitle (self->cluster_expander, subtitle);
      adw_action_row_set_subtitle (self->hardware_row, _("Set by the cluster"));
    }
  else
    {
      adw_expander_row_set_subtitle (self->cluster_expander, _("Single accelerator"));
      adw_action_row_set_subtitle (self->hardware_row, NULL);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->hardware_dropdown), fleet == NULL);
}

static void
update_persona (MlsStudioComposer *self)
{
  const char *key = mls_studio_document_get_persona (self->document);
  MlsEntry *persona = NULL;

  if (key != NULL)
    persona = mls_lighthouse_get_persona (mls_studio_document_get_registry (self->document), key);
  gtk_widget_set_visible (self->persona_box, persona != NULL);
  if (persona != NULL)
    {
      const char *role = mls_entry_get_string (persona, "role");
      const char *constraint = mls_entry_get_string (persona, "primary_constraint");
      g_autofree char *title = g_strdup_printf ("%s%s%s", mls_entry_get_name (persona),
                                                role ? " · " : "", role ? role : "");
      g_autofree char *subtitle = constraint
        /* TRANSLATORS: what binds first for a persona, "Binds first: Embodied Carbon" */
        ? g_strdup_printf (_("Binds first: %s"), constraint) : NULL;

      gtk_label_set_label (self->persona_title, title);
      gtk_label_set_label (self->persona_subtitle, subtitle ? subtitle : "");
      gtk_widget_set_visible (GTK_WIDGET (self->persona_subtitle), subtitle != NULL);
    }
}

static void
sync_from_scenario (MlsStudioComposer *self)
{
  MlsScenario *scenario = mls_studio_document_get_scenario (self->document);
  MlsQuantity sla;
  MlsPrecision precision = mls_scenario_get_precision (scenario);
  guint pos;

  self->syncing = TRUE;

  gtk_drop_down_set_selected (self->workload_dropdown,
                              find_entry (self->workload_dropdown,
                                          (MlsEntry *) mls_scenario_get_workload (scenario)));
  gtk_drop_down_set_selected (self->hardware_dropdown,
                              find_entry (self->hardware_dropdown,
                                          (MlsEntry *) mls_scenario_get_hardware (scenario)));
  if (mls_scenario_get_fleet (scenario) != NULL)
    {
      gtk_drop_down_set_selected (self->cluster_dropdown,
                                  find_entry (self->cluster_dropdown,
                                              (MlsEntry *) mls_scenario_get_fleet (scenario)));
      adw_expander_row_set_enable_expansion (self->cluster_expander, TRUE);
    }
  else
    adw_expander_row_set_enable_expansion (self->cluster_expander, FALSE);
  if (mls_scenario_get_grid (scenario) != NULL)
    gtk_drop_down_set_selected (self->region_dropdown,
                                find_entry (self->region_dropdown,
                                            (MlsEntry *) mls_scenario_get_grid (scenario)));
  else
    {
      const char *def = mls_registry_get_constant_string (
        mls_studio_document_get_registry (self->document), "default_region");
      if (def != NULL)
        select_key (self->region_dropdown, def);
    }

  gtk_toggle_button_set_active (mls_scenario_get_training (scenario) ? self->training_button
                                                                     : self->inference_button,
                                TRUE);
  set_spin (self->batch_spin, mls_scenario_get_knob (scenario, MLS_KNOB_BATCH_SIZE));
  set_spin (self->seq_spin, mls_scenario_get_knob (scenario, MLS_KNOB_SEQ_LEN));
  for (pos = 0; pos < G_N_ELEMENTS (precisions); pos++)
    if (precisions[pos] == precision)
      break;
  gtk_drop_down_set_selected (self->precision_dropdown,
                              pos < G_N_ELEMENTS (precisions) ? pos : GTK_INVALID_LIST_POSITION);
  gtk_adjustment_set_value (self->efficiency_adjustment,
                            mls_scenario_get_knob (scenario, MLS_KNOB_EFFICIENCY));
  set_spin (self->tp_spin, mls_scenario_get_knob (scenario, MLS_KNOB_TP));
  set_spin (self->pp_spin, mls_scenario_get_knob (scenario, MLS_KNOB_PP));
  set_spin (self->ep_spin, mls_scenario_get_knob (scenario, MLS_KNOB_EP));
  set_spin (self->microbatch_spin, mls_scenario_get_knob (scenario, MLS_KNOB_MICROBATCHES));
  set_spin (self->vstage_spin, mls_scenario_get_knob (scenario, MLS_KNOB_V_STAGES));
  set_spin (self->zero_spin, mls_scenario_get_knob (scenario, MLS_KNOB_ZERO_STAGE));
  gtk_switch_set_active (self->recompute_switch,
                         mls_scenario_get_activation_recompute (scenario));
  adw_expander_row_set_enable_expansion (self->operations_expander,
                                         mls_scenario_get_operations (scenario));
  set_spin (self->duration_spin, mls_scenario_get_knob (scenario, MLS_KNOB_DURATION_DAYS));
  if (mls_scenario_get_sla_latency (scenario, &sla) && sla.value > 0)
    {
      set_spin (self->sla_spin, sla.value * 1000.0);
      adw_expander_row_set_enable_expansion (self->sla_expander, TRUE);
    }
  else
    adw_expander_row_set_enable_expansion (self->sla_expander, FALSE);

  update_system_rows (self);
  update_persona (self);
  update_hint (self);
  self->syncing = FALSE;
}

static void
update_title (MlsStudioComposer *self)
{
  g_autofree char *title = mls_studio_document_dup_title (self->document);
  GFile *file = mls_studio_document_get_file (self->document);
  g_autofree char *subtitle = NULL;

  if (mls_studio_document_get_modified (self->document))
    {
      g_autofree char *plain = g_steal_pointer (&title);
      /* TRANSLATORS: a scenario with unsaved changes */
      title = g_strdup_printf (_("%s (modified)"), plain);
    }
  if (file != NULL)
    subtitle = g_file_get_parse_name (file);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle ? subtitle : _("Not saved as a plan yet"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), subtitle);
}

static void
on_scenario_replaced (MlsStudioComposer *self)
{
  sync_from_scenario (self);
}

static void
on_recomputed (MlsStudioComposer *self)
{
  MlsScenario *scenario = mls_studio_document_get_scenario (self->document);

  update_hint (self);
  update_system_rows (self);
  /* Choosing a region starts operations, and stopping them drops the region. */
  self->syncing = TRUE;
  adw_expander_row_set_enable_expansion (self->operations_expander,
                                         mls_scenario_get_operations (scenario));
  set_spin (self->duration_spin, mls_scenario_get_knob (scenario, MLS_KNOB_DURATION_DAYS));
  self->syncing = FALSE;
}

/* Control handlers */

static void
report (MlsStudioComposer *self,
        GError            *error)
{
  if (error == NULL)
    return;
  /* The window shows it as a toast; the control keeps the previous value. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
}

static void
on_workload_selected (MlsStudioComposer *self)
{
  g_autoptr(GError) error = NULL;
  const char *key = selected_key (self->workload_dropdown);

  if (self->syncing || key == NULL)
    return;
  if (!mls_studio_document_set_workload (self->document, key, &error))
    report (self, error);
}

static void
on_hardware_selected (MlsStudioComposer *self)
{
  g_autoptr(GError) error = NULL;
  const char *key = selected_key (self->hardware_dropdown);

  if (self->syncing || key == NULL)
    return;
  if (!mls_studio_document_set_hardware (self->document, key, &error))
    report (self, error);
}

static void
apply_cluster (MlsStudioComposer *self)
{
  g_autoptr(GError) error = NULL;
  gboolean enabled = adw_expander_row_get_enable_expansion (self->cluster_expander);
  const char *key = enabled ? selected_key (self->cluster_dropdown) : NULL;

  if (self->syncing)
    return;
  if (!enabled && mls_scenario_get_fleet (mls_studio_document_get_scenario (self->document)))
    {
      /* Back to one accelerator of the cluster's kind. */
      const char *hw = selected_key (self->hardware_dropdown);
      if (!mls_studio_document_set_fleet (self->document, NULL, &error) ||
          (hw != NULL && !mls_studio_document_set_hardware (self->document, hw, &error)))
        report (self, error);
      return;
    }
  if (key != NULL && !mls_studio_document_set_fleet (self->document, key, &error))
    report (self, error);
  /* The hardware picker shows the cluster's accelerator. */
  self->syncing = TRUE;
  gtk_drop_down_set_selected (
    self->hardware_dropdown,
    find_entry (self->hardware_dropdown,
                (MlsEntry *) mls_scenario_get_hardware (
                  mls_studio_document_get_scenario (self->document))));
  self->syncing = FALSE;
}

static void
on_region_selected (MlsStudioComposer *self)
{
  g_autoptr(GError) error = NULL;
  const char *key = selected_key (self->region_dropdown);

  if (self->syncing || key == NULL)
    return;
  if (!mls_studio_document_set_grid (self->document, key, &error))
    report (self, error);
}

static void
on_phase_toggled (MlsStudioComposer *self)
{
  if (self->syncing)
    return;
  mls_studio_document_set_training (self->document,
                                    gtk_toggle_button_get_active (self->training_button));
}

static void
set_knob (MlsStudioComposer *self,
          MlsKnob            knob,
          double             value)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing)
    return;
  if (!mls_studio_document_set_knob (self->document, knob, value, &error))
    report (self, error);
}

static void
on_batch_changed (MlsStudioComposer *self)
{
  set_knob (self, MLS_KNOB_BATCH_SIZE, gtk_spin_button_get_value_as_int (self->batch_spin));
}

static void
on_seq_changed (MlsStudioComposer *self)
{
  set_knob (self, MLS_KNOB_SEQ_LEN, gtk_spin_button_get_value_as_int (self->seq_spin));
}

static void
on_precision_selected (MlsStudioComposer *self)
{
  guint pos = gtk_drop_down_get_selected (self->precision_dropdown);

  if (self->syncing || pos >= G_N_ELEMENTS (precisions))
    return;
  mls_studio_document_set_precision (self->document, precisions[pos]);
}

static void
on_efficiency_changed (MlsStudioComposer *self)
{
  /* Two decimals, as shown: the scale must not store 0.4999999. */
  double value = round (gtk_adjustment_get_value (self->efficiency_adjustment) * 100.0) / 100.0;

  set_knob (self, MLS_KNOB_EFFICIENCY, value);
}

static void
on_parallelism_changed (GtkSpinButton     *spin,
                        MlsStudioComposer *self)
{
  MlsKnob knob = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "mls-knob"));

  set_knob (self, knob, gtk_spin_button_get_value_as_int (spin));
}

static void
on_recompute_toggled (MlsStudioComposer *self)
{
  if (self->syncing)
    return;
  mls_studio_document_set_activation_recompute (self->document,
                                                gtk_switch_get_active (self->recompute_switch));
}

static void
on_operations_toggled (MlsStudioComposer *self)
{
  if (self->syncing)
    return;
  mls_studio_document_set_operations (
    self->document, adw_expander_row_get_enable_expansion (self->operations_expander));
}

static void
on_duration_changed (MlsStudioComposer *self)
{
  set_knob (self, MLS_KNOB_DURATION_DAYS, gtk_spin_button_get_value (self->duration_spin));
}

static void
apply_sla (MlsStudioComposer *self)
{
  MlsQuantity target;

  if (self->syncing)
    return;
  if (!adw_expander_row_get_enable_expansion (self->sla_expander))
    {
      mls_studio_document_set_sla_latency (self->document, NULL);
      return;
    }
  mls_quantity_from_unit (gtk_spin_button_get_value (self->sla_spin), "ms", &target, NULL);
  mls_studio_document_set_sla_latency (self->document, &target);
}

static void
mls_studio_composer_dispose (GObject *object)
{
  MlsStudioComposer *self = MLS_STUDIO_COMPOSER (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), MLS_STUDIO_TYPE_COMPOSER);
  G_OBJECT_CLASS (mls_studio_composer_parent_class)->dispose (object);
}

static void
mls_studio_composer_class_init (MlsStudioComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mls_studio_composer_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mlsysim/Studio/mls-studio-composer.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MlsStudioComposer, name)
  BIND (title_label);
  BIND (subtitle_label);
  BIND (start_from_button);
  BIND (persona_box);
  BIND (persona_title);
  BIND (persona_subtitle);
  BIND (workload_row);
  BIND (workload_dropdown);
  BIND (inference_button);
  BIND (training_button);
  BIND (hardware_row);
  BIND (hardware_dropdown);
  BIND (cluster_expander);
  BIND (cluster_dropdown);
  BIND (region_dropdown);
  BIND (batch_spin);
  BIND (seq_spin);
  BIND (precision_dropdown);
  BIND (efficiency_adjustment);
  BIND (efficiency_hint);
  BIND (parallelism_expander);
  BIND (tp_spin);
  BIND (pp_spin);
  BIND (ep_spin);
  BIND (microbatch_spin);
  BIND (vstage_spin);
  BIND (zero_spin);
  BIND (recompute_switch);
  BIND (operations_expander);
  BIND (duration_spin);
  BIND (sla_expander);
  BIND (sla_spin);
#undef BIND
  gtk_widget_class_set_css_name (widget_class, "composer");
}

static void
mls_studio_composer_init (MlsStudioComposer *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  struct { GtkSpinButton *spin; MlsKnob knob; } knobs[] = {
    { self->tp_spin, MLS_KNOB_TP },
    { self->pp_spin, MLS_KNOB_PP },
    { self->ep_spin, MLS_KNOB_EP },
    { self->microbatch_spin, MLS_KNOB_MICROBATCHES },
    { self->vstage_spin, MLS_KNOB_V_STAGES },
    { self->zero_spin, MLS_KNOB_ZERO_STAGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (precisions); i++)
    {
      g_autofree char *upper = g_ascii_strup (mls_precision_to_string (precisions[i]), -1);
      gtk_string_list_append (names, upper);
    }
  gtk_drop_down_set_model (self->precision_dropdown, G_LIST_MODEL (names));

  g_signal_connect_swapped (self->workload_dropdown, "notify::selected",
                            G_CALLBACK (on_workload_selected), self);
  g_signal_connect_swapped (self->hardware_dropdown, "notify::selected",
                            G_CALLBACK (on_hardware_selected), self);
  g_signal_connect_swapped (self->cluster_dropdown, "notify::selected",
                            G_CALLBACK (apply_cluster), self);
  g_signal_connect_swapped (self->cluster_expander, "notify::enable-expansion",
                            G_CALLBACK (apply_cluster), self);
  g_signal_connect_swapped (self->region_dropdown, "notify::selected",
                            G_CALLBACK (on_region_selected), self);
  g_signal_connect_swapped (self->training_button, "toggled", G_CALLBACK (on_phase_toggled),
                            self);
  g_signal_connect_swapped (self->batch_spin, "value-changed", G_CALLBACK (on_batch_changed),
                            self);
  g_signal_connect_swapped (self->seq_spin, "value-changed", G_CALLBACK (on_seq_changed), self);
  g_signal_connect_swapped (self->precision_dropdown, "notify::selected",
                            G_CALLBACK (on_precision_selected), self);
  g_signal_connect_swapped (self->efficiency_adjustment, "value-changed",
                            G_CALLBACK (on_efficiency_changed), self);
  for (guint i = 0; i < G_N_ELEMENTS (knobs); i++)
    {
      g_object_set_data (G_OBJECT (knobs[i].spin), "mls-knob", GUINT_TO_POINTER (knobs[i].knob));
      g_signal_connect (knobs[i].spin, "value-changed", G_CALLBACK (on_parallelism_changed),
                        self);
    }
  g_signal_connect_swapped (self->recompute_switch, "notify::active",
                            G_CALLBACK (on_recompute_toggled), self);
  g_signal_connect_swapped (self->operations_expander, "notify::enable-expansion",
                            G_CALLBACK (on_operations_toggled), self);
  g_signal_connect_swapped (self->duration_spin, "value-changed",
                            G_CALLBACK (on_duration_changed), self);
  g_signal_connect_swapped (self->sla_expander, "notify::enable-expansion",
                            G_CALLBACK (apply_sla), self);
  g_signal_connect_swapped (self->sla_spin, "value-changed", G_CALLBACK (apply_sla), self);
}

/**
 * mls_studio_composer_set_document:
 * @document: the document the controls edit
 */
void
mls_studio_composer_set_document (MlsStudioComposer *self,
                                  MlsStudioDocument *document)
{
  MlsRegistry *registry;

  g_return_if_fail (self->document == NULL);

  self->document = g_object_ref (document);
  registry = mls_studio_document_get_registry (document);

  self->syncing = TRUE;
  setup_picker (self->workload_dropdown, mls_registry_get_category (registry, "models"));
  setup_picker (self->hardware_dropdown, mls_registry_get_category (registry, "hardware"));
  setup_picker (self->cluster_dropdown, mls_registry_get_category (registry, "clusters"));
  setup_picker (self->region_dropdown, mls_registry_get_category (registry, "grids"));
  self->syncing = FALSE;

  g_signal_connect_object (document, "notify::scenario", G_CALLBACK (on_scenario_replaced),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "recomputed", G_CALLBACK (on_recomputed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::title", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  update_title (self);
}

/**
 * mls_studio_composer_set_start_menu:
 * @menu: the lighthouse scenarios and personas (win.start-from actions)
 */
void
mls_studio_composer_set_start_menu (MlsStudioComposer *self,
                                    GMenuModel        *menu)
{
  gtk_menu_button_set_menu_model (self->start_from_button, menu);
}

gboolean
mls_studio_composer_select_workload (MlsStudioComposer *self,
                                     const char        *key)
{
  return select_key (self->workload_dropdown, key);
}

gboolean
mls_studio_composer_select_hardware (MlsStudioComposer *self,
                                     const char        *key)
{
  if (adw_expander_row_get_enable_expansion (self->cluster_expander))
    adw_expander_row_set_enable_expansion (self->cluster_expander, FALSE);
  return select_key (self->hardware_dropdown, key);
}

/**
 * mls_studio_composer_select_cluster:
 * @key: (nullable): a cluster key, or %NULL for a single accelerator
 */
gboolean
mls_studio_composer_select_cluster (MlsStudioComposer *self,
                                    const char        *key)
{
  gboolean found = TRUE;

  if (key == NULL)
    {
      adw_expander_row_set_enable_expansion (self->cluster_expander, FALSE);
      return TRUE;
    }
  self->syncing = TRUE;
  found = select_key (self->cluster_dropdown, key);
  self->syncing = FALSE;
  if (!found)
    return FALSE;
  if (adw_expander_row_get_enable_expansion (self->cluster_expander))
    apply_cluster (self);
  else
    adw_expander_row_set_enable_expansion (self->cluster_expander, TRUE);
  return TRUE;
}

gboolean
mls_studio_composer_select_region (MlsStudioComposer *self,
                                   const char        *key)
{
  return select_key (self->region_dropdown, key);
}

void
mls_studio_composer_set_batch_size (MlsStudioComposer *self,
                                    guint              batch)
{
  gtk_spin_button_set_value (self->batch_spin, batch);
}

void
mls_studio_composer_set_seq_len (MlsStudioComposer *self,
                                 guint              seq_len)
{
  gtk_spin_button_set_value (self->seq_spin, seq_len);
}

void
mls_studio_composer_set_precision (MlsStudioComposer *self,
                                   MlsPrecision       precision)
{
  for (guint i = 0; i < G_N_ELEMENTS (precisions); i++)
    if (precisions[i] == precision)
      gtk_drop_down_set_selected (self->precision_dropdown, i);
}

void
mls_studio_composer_set_efficiency (MlsStudioComposer *self,
                                    double             efficiency)
{
  gtk_adjustment_set_value (self->efficiency_adjustment, efficiency);
}

void
mls_studio_composer_set_training (MlsStudioComposer *self,
                                  gboolean           training)
{
  gtk_toggle_button_set_active (training ? self->training_button : self->inference_button, TRUE);
}

/**
 * mls_studio_composer_get_efficiency_hint:
 *
 * Returns: the efficiency guide's line for the current scenario, as shown
 */
const char *
mls_studio_composer_get_efficiency_hint (MlsStudioComposer *self)
{
  return gtk_label_get_label (self->efficiency_hint);
}
