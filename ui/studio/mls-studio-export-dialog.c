/* mls-studio-export-dialog.c — export a chart to PNG, SVG or PDF at a size preset and theme
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mls-studio-export-dialog.h"
#include "mls-studio-window.h"

struct _MlsStudioExportDialog
{
  AdwWindow       parent_instance;

  MlsStudioChart *chart;
  AdwComboRow    *format_row;
  AdwComboRow    *size_row;
  AdwComboRow    *theme_row;
};

G_DEFINE_FINAL_TYPE (MlsStudioExportDialog, mls_studio_export_dialog, ADW_TYPE_WINDOW)

static const char *extensions[] = { "png", "svg", "pdf" };
static const MlsFigurePreset presets[] = {
  MLS_FIGURE_PRESET_SLIDE_16_9, MLS_FIGURE_PRESET_SLIDE_4_3, MLS_FIGURE_PRESET_PAPER_COLUMN,
};
static const MlsFigureTheme themes[] = {
  MLS_FIGURE_THEME_LIGHT, MLS_FIGURE_THEME_DARK, MLS_FIGURE_THEME_PRINT,
};

/**
 * mls_studio_export_dialog_suggest_name:
 *
 * Returns: (transfer full): "roofline.png", following the chosen format
 */
char *
mls_studio_export_dialog_suggest_name (MlsStudioExportDialog *self)
{
  guint format = MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (extensions) - 1);

  return g_strdup_printf ("%s.%s", mls_studio_chart_get_name (self->chart), extensions[format]);
}

/**
 * mls_studio_export_dialog_export:
 * @path: the file; a missing or different extension gets the chosen format's
 *
 * Writes the chart with the dialog's size and theme, atomically.
 */
gboolean
mls_studio_export_dialog_export (MlsStudioExportDialog *self,
                                 const char            *path,
                                 GError               **error)
{
  guint format = MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (extensions) - 1);
  guint size = MIN (adw_combo_row_get_selected (self->size_row), G_N_ELEMENTS (presets) - 1);
  guint theme = MIN (adw_combo_row_get_selected (self->theme_row), G_N_ELEMENTS (themes) - 1);
  g_autofree char *suffix = g_strconcat (".", extensions[format], NULL);
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *full = g_str_has_suffix (lower, suffix) ? g_strdup (path)
                                                          : g_strconcat (path, suffix, NULL);

  return mls_studio_chart_export (self->chart, full, themes[theme], presets[size], error);
}

static void
on_file_response (GtkNativeDialog       *native,
                  int                    response,
                  MlsStudioExportDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Only local files can be written"));
      if (path != NULL && mls_studio_export_dialog_export (self, path, &error))
        text = g_strdup_printf (_("Chart exported to “%s”"), name);
      else
        text = g_strdup_printf (_("Could not export the chart: %s"), error->message);
      if (MLS_STUDIO_IS_WINDOW (parent))
        mls_studio_window_add_toast (MLS_STUDIO_WINDOW (parent), text);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  g_object_unref (native);
}

static void
action_choose_file (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  MlsStudioExportDialog *self = MLS_STUDIO_EXPORT_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkFileChooserNative *native;
  g_autofree char *suggested = mls_studio_export_dialog_suggest_name (self);

  native = gtk_file_chooser_native_new (_("Export Chart"), parent ? parent : GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_signal_connect_object (native, "response", G_CALLBACK (on_file_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
mls_studio_export_dialog_dispose (GObject *object)
{
  MlsStudioExportDialog *self = MLS_STUDIO_EXPORT_DIALOG (object);

  g_clear_object (&self->chart);
  gtk_widget_dispose_template (GTK_WIDGET (self), MLS_STUDIO_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (mls_studio_export_dialog_parent_class)->dispose (object);
}

static void
mls_studio_export_dialog_class_init (MlsStudioExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mls_studio_export_dialog_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/mlsysim/Studio/mls-studio-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MlsStudioExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioExportDialog, theme_row);
  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, action_choose_file);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mls_studio_export_dialog_init (MlsStudioExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mls_studio_export_dialog_new:
 * @parent: the window it belongs to
 * @chart: the chart to export
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
mls_studio_export_dialog_new (GtkWindow      *parent,
                              MlsStudioChart *chart)
{
  MlsStudioExportDialog *self = g_object_new (MLS_STUDIO_TYPE_EXPORT_DIALOG,
                                              "transient-for", parent, NULL);

  self->chart = g_object_ref (chart);
  /* The dark theme when the app is dark: what you see is what you export. */
  adw_combo_row_set_selected (self->theme_row,
                              mls_studio_chart_get_screen_theme (chart) == MLS_FIGURE_THEME_DARK);
  return GTK_WIDGET (self);
}
