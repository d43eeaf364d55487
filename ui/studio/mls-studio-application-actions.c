/* mls-studio-application-actions.c — app.* actions: preferences, about, quit
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mls-studio-application-private.h"
#include "mls-studio-window.h"

static void
action_preferences (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  mls_studio_application_show_preferences (MLS_STUDIO_APPLICATION (user_data), NULL);
}

static void
action_plugins (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  mls_studio_application_show_preferences (MLS_STUDIO_APPLICATION (user_data), "plugins");
}

static void
action_about (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "mlsysim developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("MLSys·im Studio"),
                         "application-icon", MLS_APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("mlsysim developers"),
                         "developers", developers,
                         "comments", _("Compose machine-learning system scenarios — a "
                                       "workload, hardware and a region — and see their "
                                       "roofline, scorecard and metrics from first "
                                       "principles."),
                         "website", "https://github.com/mlsysim/mlsysim",
                         "issue-url", "https://github.com/mlsysim/mlsysim/issues",
                         "license-type", GTK_LICENSE_LGPL_2_1,
                         "copyright", "© 2026 mlsysim developers",
                         /* TRANSLATORS: your name and email, one translator per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
action_quit (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window asks about its unsaved changes; the app quits when the last one closes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
action_new_window (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  MlsStudioApplication *self = MLS_STUDIO_APPLICATION (user_data);
  MlsStudioWindow *window = mls_studio_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "preferences", action_preferences },
  { "plugins", action_plugins },
  { "about", action_about },
  { "quit", action_quit },
  { "new-window", action_new_window },
};

void
_mls_studio_application_install_actions (MlsStudioApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}
