/* mls-studio-preferences-window.c — preferences and the solver plugin manager
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mls-studio-preferences-window.h"

struct _MlsStudioPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  MlsStudioApplication *application;
  GSettings            *settings;
  GHashTable           *switches;   /* solver id → GtkSwitch* */
  guint                 n_failures;

  AdwComboRow          *style_row;
  GtkAdjustment        *efficiency_adjustment;
  AdwComboRow          *units_row;
  AdwPreferencesGroup  *solvers_group;
  AdwPreferencesGroup  *failures_group;
};

G_DEFINE_FINAL_TYPE (MlsStudioPreferencesWindow, mls_studio_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
on_style_selected (MlsStudioPreferencesWindow *self)
{
  if (self->settings != NULL)
    g_settings_set_enum (self->settings, "color-scheme",
                         (int) adw_combo_row_get_selected (self->style_row));
}

static void
on_units_selected (MlsStudioPreferencesWindow *self)
{
  if (self->settings != NULL)
    g_settings_set_enum (self->settings, "units",
                         (int) adw_combo_row_get_selected (self->units_row));
}

static void
on_solver_switch (GtkSwitch                  *sw,
                  GParamSpec                 *pspec,
                  MlsStudioPreferencesWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (sw), "mls-solver");

  mls_studio_application_set_solver_enabled (self->application, id, gtk_switch_get_active (sw));
}

static const char *
kind_label (MlsSolverKind kind)
{
  switch (kind)
    {
    case MLS_SOLVER_KIND_MODEL:
      return _("Model");
    case MLS_SOLVER_KIND_SOLVER:
      return _("Solver");
    case MLS_SOLVER_KIND_OPTIMIZER:
      return _("Optimizer");
    default:
      return "";
    }
}

static void
build_plugins (MlsStudioPreferencesWindow *self)
{
  MlsEngine *engine = mls_studio_application_get_engine (self->application);
  g_auto(GStrv) ids = NULL;
  const char * const *errors;

  if (engine == NULL)
    return;
  ids = mls_engine_list_solvers (engine);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      MlsSolverInfo *info = mls_engine_get_info (engine, ids[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();
      GtkWidget *kind = gtk_label_new (kind_label (mls_solver_info_get_kind (info)));
      g_autofree char *title = g_strdup_printf ("%s", mls_solver_info_get_name (info));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mls_solver_info_get_description (info));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_set_tooltip_text (row, ids[i]);
      gtk_widget_add_css_class (kind, "caption");
      gtk_widget_add_css_class (kind, "dim-label");
      gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (sw), mls_engine_get_enabled (engine, ids[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      mls_solver_info_get_name (info), -1);
      g_object_set_data_full (G_OBJECT (sw), "mls-solver", g_strdup (ids[i]), g_free);
      g_signal_connect (sw, "notify::active", G_CALLBACK (on_solver_switch), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), kind);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      adw_preferences_group_add (self->solvers_group, row);
      g_hash_table_insert (self->switches, g_strdup (ids[i]), sw);
    }

  errors = mls_engine_get_load_errors (engine);
  for (guint i = 0; errors != NULL && errors[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), errors[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->failures_group, row);
      self->n_failures++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->failures_group), self->n_failures > 0);
}

static void
mls_studio_preferences_window_dispose (GObject *object)
{
  MlsStudioPreferencesWindow *self = MLS_STUDIO_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->application);
  g_clear_pointer (&self->switches, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MLS_STUDIO_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (mls_studio_preferences_window_parent_class)->dispose (object);
}

static void
mls_studio_preferences_window_class_init (MlsStudioPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mls_studio_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/mlsysim/Studio/mls-studio-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MlsStudioPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioPreferencesWindow,
                                        efficiency_adjustment);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioPreferencesWindow, units_row);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioPreferencesWindow, solvers_group);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioPreferencesWindow,
                                        failures_group);
}

static void
mls_studio_preferences_window_init (MlsStudioPreferencesWindow *self)
{
  self->switches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mls_studio_preferences_window_new:
 * @application: the application whose settings and engine it edits
 *
 * Returns: (transfer none): a new preferences window
 */
GtkWidget *
mls_studio_preferences_window_new (MlsStudioApplication *application)
{
  MlsStudioPreferencesWindow *self = g_object_new (MLS_STUDIO_TYPE_PREFERENCES_WINDOW,
                                                   "application", application, NULL);

  self->application = g_object_ref (application);
  self->settings = mls_studio_application_get_settings (application);
  if (self->settings != NULL)
    {
      g_object_ref (self->settings);
      adw_combo_row_set_selected (self->style_row,
                                  g_settings_get_enum (self->settings, "color-scheme"));
      adw_combo_row_set_selected (self->units_row, g_settings_get_enum (self->settings, "units"));
      g_settings_bind (self->settings, "default-efficiency", self->efficiency_adjustment, "value",
                       G_SETTINGS_BIND_DEFAULT);
    }
  g_signal_connect_swapped (self->style_row, "notify::selected", G_CALLBACK (on_style_selected),
                            self);
  g_signal_connect_swapped (self->units_row, "notify::selected", G_CALLBACK (on_units_selected),
                            self);
  build_plugins (self);
  return GTK_WIDGET (self);
}

/**
 * mls_studio_preferences_window_get_solver_switch:
 * @solver_id: a solver id
 *
 * Returns: (transfer none) (nullable): the switch that enables the solver
 */
GtkSwitch *
mls_studio_preferences_window_get_solver_switch (MlsStudioPreferencesWindow *self,
                                                 const char                 *solver_id)
{
  return g_hash_table_lookup (self->switches, solver_id);
}

/**
 * mls_studio_preferences_window_get_n_failures:
 *
 * Returns: how many plugin load failures the plugins page lists
 */
guint
mls_studio_preferences_window_get_n_failures (MlsStudioPreferencesWindow *self)
{
  return self->n_failures;
}
