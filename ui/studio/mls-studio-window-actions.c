/* mls-studio-window-actions.c — win.* actions: files, start from, export, views
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mls-studio-export-dialog.h"
#include "mls-studio-sweep-view.h"
#include "mls-studio-window-private.h"

typedef void (*Continuation) (MlsStudioWindow *self,
                              gpointer         data);

typedef struct
{
  MlsStudioWindow *self;
  Continuation     then;
  gpointer         data;
  GDestroyNotify   destroy;
} Pending;

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_object_unref (pending->self);
  g_free (pending);
}

static void
pending_run (Pending *pending)
{
  if (pending->then != NULL)
    pending->then (pending->self, pending->data);
  pending_free (pending);
}

static void
show_error (MlsStudioWindow *self,
            const char      *format,
            GFile           *file,
            const GError    *error)
{
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;
  g_autofree char *text = g_strdup_printf (format, name ? name : "", error->message);

  mls_studio_window_add_toast (self, text);
}

static void
add_recent (MlsStudioWindow *self,
            GFile           *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) "application/x-yaml",
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "mlsysim-studio %u",
  };

  gtk_recent_manager_add_full (self->recent, uri, &data);
}

static GtkFileFilter *
plan_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Scenario Plans"));
  gtk_file_filter_add_pattern (filter, "*.yaml");
  gtk_file_filter_add_pattern (filter, "*.yml");
  gtk_file_filter_add_mime_type (filter, "application/x-yaml");
  return filter;
}

/* Save As */

static void
on_save_as_response (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  Pending *pending = user_data;
  MlsStudioWindow *self = pending->self;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (mls_studio_document_save_file (self->document, file, &error))
        {
          add_recent (self, file);
          pending_run (pending);
        }
      else
        {
          show_error (self, _("Could not save “%s”: %s"), file, error);
          pending_free (pending);
        }
    }
  else
    pending_free (pending);
  g_object_unref (native);
}

static void
save_as_then (MlsStudioWindow *self,
              Pending         *pending)
{
  GtkFileChooserNative *native;
  g_autofree char *title = mls_studio_document_dup_title (self->document);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = plan_filter ();

  native = gtk_file_chooser_native_new (_("Save Scenario Plan"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (mls_studio_document_get_file (self->document) != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native),
                               mls_studio_document_get_file (self->document), NULL);
  else
    {
      g_strdelimit (title, " /\\:", '_');
      name = g_strconcat (title, ".yaml", NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }
  g_signal_connect (native, "response", G_CALLBACK (on_save_as_response), pending);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
save_then (MlsStudioWindow *self,
           Pending         *pending)
{
  GFile *file = mls_studio_document_get_file (self->document);
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    {
      save_as_then (self, pending);
      return;
    }
  if (!mls_studio_document_save_file (self->document, file, &error))
    {
      show_error (self, _("Could not save “%s”: %s"), file, error);
      pending_free (pending);
      return;
    }
  add_recent (self, file);
  pending_run (pending);
}

static Pending *
pending_new (MlsStudioWindow *self,
             Continuation     then,
             gpointer         data,
             GDestroyNotify   destroy)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  pending->then = then;
  pending->data = data;
  pending->destroy = destroy;
  return pending;
}

/* The unsaved-changes prompt */

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  Pending *pending = user_data;

  if (g_strcmp0 (response, "discard") == 0)
    pending_run (pending);
  else if (g_strcmp0 (response, "save") == 0)
    save_then (pending->self, pending);
  else
    pending_free (pending);
}

/**
 * _mls_studio_window_confirm_discard:
 * @then: what to do once the changes are saved or may be lost
 *
 * Runs @then at once when nothing is unsaved; otherwise asks first.
 */
void
_mls_studio_window_confirm_discard (MlsStudioWindow *self,
                                    GCallback        then,
                                    gpointer         data,
                                    GDestroyNotify   destroy)
{
  Pending *pending = pending_new (self, (Continuation) then, data, destroy);
  g_autofree char *title = NULL;
  GtkWidget *dialog;

  if (!mls_studio_document_get_modified (self->document))
    {
      pending_run (pending);
      return;
    }

  title = mls_studio_document_dup_title (self->document);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes that are not saved "
                                    "will be lost."), title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
do_new (MlsStudioWindow *self,
        gpointer         data)
{
  double efficiency = self->settings ? g_settings_get_double (self->settings,
                                                              "default-efficiency") : 0;

  mls_studio_document_load_default (self->document, efficiency);
}

static void
action_new (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  _mls_studio_window_confirm_discard (MLS_STUDIO_WINDOW (widget), G_CALLBACK (do_new), NULL,
                                      NULL);
}

static void
on_open_response (GtkNativeDialog *native,
                  int              response,
                  MlsStudioWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      mls_studio_window_open_file (self, file);
    }
  g_object_unref (native);
}

static void
do_open (MlsStudioWindow *self,
         gpointer         data)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = plan_filter ();

  native = gtk_file_chooser_native_new (_("Open Scenario Plan"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect_object (native, "response", G_CALLBACK (on_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
action_open (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  _mls_studio_window_confirm_discard (MLS_STUDIO_WINDOW (widget), G_CALLBACK (do_open), NULL,
                                      NULL);
}

static void
do_open_uri (MlsStudioWindow *self,
             gpointer         data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (data);

  mls_studio_window_open_file (self, file);
}

static void
action_open_recent (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  _mls_studio_window_confirm_discard (MLS_STUDIO_WINDOW (widget), G_CALLBACK (do_open_uri),
                                      g_variant_dup_string (param, NULL), g_free);
}

static void
action_save (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  MlsStudioWindow *self = MLS_STUDIO_WINDOW (widget);

  save_then (self, pending_new (self, NULL, NULL, NULL));
}

static void
action_save_as (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  MlsStudioWindow *self = MLS_STUDIO_WINDOW (widget);

  save_as_then (self, pending_new (self, NULL, NULL, NULL));
}

static void
do_start_from (MlsStudioWindow *self,
               gpointer         data)
{
  g_autoptr(GError) error = NULL;

  if (!mls_studio_document_load_lighthouse (self->document, data, &error))
    show_error (self, _("Could not start from the scenario%s: %s"), NULL, error);
}

static void
action_start_from (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  _mls_studio_window_confirm_discard (MLS_STUDIO_WINDOW (widget), G_CALLBACK (do_start_from),
                                      g_variant_dup_string (param, NULL), g_free);
}

static void
do_start_from_persona (MlsStudioWindow *self,
                       gpointer         data)
{
  g_autoptr(GError) error = NULL;

  if (!mls_studio_document_load_persona (self->document, data, &error))
    show_error (self, _("Could not start from the persona%s: %s"), NULL, error);
}

static void
action_start_from_persona (GtkWidget  *widget,
                           const char *name,
                           GVariant   *param)
{
  _mls_studio_window_confirm_discard (MLS_STUDIO_WINDOW (widget),
                                      G_CALLBACK (do_start_from_persona),
                                      g_variant_dup_string (param, NULL), g_free);
}

static void
action_export_chart (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  MlsStudioWindow *self = MLS_STUDIO_WINDOW (widget);
  MlsStudioChart *chart = mls_studio_window_get_visible_chart (self);
  GtkWidget *dialog;

  if (chart == NULL || !mls_studio_chart_has_figure (chart))
    return;
  dialog = mls_studio_export_dialog_new (GTK_WINDOW (self), chart);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_copy_chart (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  MlsStudioWindow *self = MLS_STUDIO_WINDOW (widget);
  MlsStudioChart *chart = mls_studio_window_get_visible_chart (self);
  g_autoptr(GError) error = NULL;

  if (chart == NULL)
    return;
  if (mls_studio_chart_copy (chart, &error))
    mls_studio_window_add_toast (self, _("Chart copied to the clipboard"));
  else
    show_error (self, _("Could not copy the chart%s: %s"), NULL, error);
}

static void
on_csv_response (GtkNativeDialog *native,
                 int              response,
                 MlsStudioWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Only local files can be written"));
      if (path == NULL ||
          !mls_studio_sweep_view_export_csv (MLS_STUDIO_SWEEP_VIEW (self->sweep_view), path,
                                             &error))
        show_error (self, _("Could not export “%s”: %s"), file, error);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *text = g_strdup_printf (_("Sweep exported to “%s”"), name);
          mls_studio_window_add_toast (self, text);
        }
    }
  g_object_unref (native);
}

static void
action_export_csv (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  MlsStudioWindow *self = MLS_STUDIO_WINDOW (widget);
  GtkFileChooserNative *native;
  GtkFileFilter *filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Export Sweep"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "sweep.csv");
  g_signal_connect_object (native, "response", G_CALLBACK (on_csv_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
action_toggle_sidebar (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  MlsStudioWindow *self = MLS_STUDIO_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
action_show_view (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  mls_studio_window_set_visible_view (MLS_STUDIO_WINDOW (widget),
                                      g_variant_get_string (param, NULL));
}

static void
do_close (MlsStudioWindow *self,
          gpointer         data)
{
  self->closing_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
action_close_confirm (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  _mls_studio_window_confirm_discard (MLS_STUDIO_WINDOW (widget), G_CALLBACK (do_close), NULL,
                                      NULL);
}

static void
action_show_error (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  mls_studio_window_add_toast (MLS_STUDIO_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
action_close (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

void
_mls_studio_window_class_install_actions (GtkWidgetClass *widget_class)
{
  static const char *views[] = { "roofline", "scorecard", "metrics", "compare", "sweeps",
                                 "registry" };

  gtk_widget_class_install_action (widget_class, "win.new", NULL, action_new);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", action_open_recent);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, action_save_as);
  gtk_widget_class_install_action (widget_class, "win.start-from", "s", action_start_from);
  gtk_widget_class_install_action (widget_class, "win.start-from-persona", "s",
                                   action_start_from_persona);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, action_export_chart);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, action_copy_chart);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, action_export_csv);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL,
                                   action_toggle_sidebar);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", action_show_view);
  gtk_widget_class_install_action (widget_class, "win.close-confirm", NULL,
                                   action_close_confirm);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, action_close);
  gtk_widget_class_install_action (widget_class, "win.show-error", "s", action_show_error);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-chart",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close",
                                       NULL);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "s", views[i]);
}

/**
 * _mls_studio_window_update_actions:
 *
 * Enables what makes sense now: export for views with a chart, CSV on the sweep view.
 */
void
_mls_studio_window_update_actions (MlsStudioWindow *self)
{
  MlsStudioChart *chart;
  gboolean has_chart;
  const char *view;

  if (self->document == NULL)
    return;
  chart = mls_studio_window_get_visible_chart (self);
  has_chart = chart != NULL && mls_studio_chart_has_figure (chart);
  view = mls_studio_window_get_visible_view (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", has_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-chart", has_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv",
                                 g_strcmp0 (view, "sweeps") == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            has_chart || g_strcmp0 (view, "sweeps") == 0);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *x = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *y = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (y, x);
}

/**
 * _mls_studio_window_update_recent:
 *
 * Fills the Open button's menu with the plans opened or saved most recently.
 */
void
_mls_studio_window_update_recent (MlsStudioWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent);
  GList *plans = NULL;
  guint n = 0;
  const guint max_items = 10;

  g_menu_remove_all (self->recent_section);
  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);

      if (gtk_recent_info_has_application (info, g_get_application_name ()) &&
          (g_str_has_suffix (uri, ".yaml") || g_str_has_suffix (uri, ".yml")) &&
          gtk_recent_info_exists (info))
        plans = g_list_prepend (plans, info);
    }
  plans = g_list_sort (plans, compare_recent);
  for (GList *l = plans; l != NULL && n < max_items; l = l->next, n++)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info),
                                                   NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_section, item);
    }
  if (n == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Plans"), "win.no-recent");
      g_menu_append_item (self->recent_section, item);
    }
  g_list_free (plans);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}
