/* mls-studio-application.c — MLSys·im Studio, the application
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mls-studio-application-private.h"
#include "mls-studio-format.h"
#include "mls-studio-preferences-window.h"
#include "mls-studio-resources.h"
#include "mls-studio-window.h"

G_DEFINE_FINAL_TYPE (MlsStudioApplication, mls_studio_application, ADW_TYPE_APPLICATION)

/* How many control changes the benchmark times. */
#define BENCHMARK_DEFAULT_ITERATIONS 200

/**
 * mls_studio_register_resources:
 *
 * Registers the app's GResource (templates, menus, icons, style); safe to call twice.
 */
void
mls_studio_register_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      mls_studio_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/* The settings schema is installed with the app; uninstalled builds find it in the build
 * tree, so that `./build/ui/studio/mlsysim-studio` runs without GSETTINGS_SCHEMA_DIR. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaSource) build_source = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, MLS_APP_ID, TRUE);
  if (schema == NULL)
    {
      build_source = g_settings_schema_source_new_from_directory (MLS_STUDIO_BUILD_DATA_DIR,
                                                                  source, FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, MLS_APP_ID, TRUE);
    }
  if (schema == NULL)
    {
      /* Without a schema there is nothing to store; the app runs on defaults. */
      g_message ("The settings schema %s is not installed; preferences will not be kept",
                 MLS_APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
apply_color_scheme (MlsStudioApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  int scheme = self->settings ? g_settings_get_enum (self->settings, "color-scheme") : 0;

  switch (scheme)
    {
    case 1:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
      break;
    case 2:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
      break;
    default:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_PREFER_LIGHT);
      break;
    }
}

static void
apply_units (MlsStudioApplication *self)
{
  int units = self->settings ? g_settings_get_enum (self->settings, "units") : 0;

  mls_studio_format_set_units (units == 1 ? MLS_STUDIO_UNITS_BINARY : MLS_STUDIO_UNITS_SI);
}

static void
on_settings_changed (MlsStudioApplication *self,
                     const char           *key)
{
  if (g_strcmp0 (key, "color-scheme") == 0)
    apply_color_scheme (self);
  else if (g_strcmp0 (key, "units") == 0)
    {
      apply_units (self);
      /* Every window shows numbers again in the new units. */
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
        if (MLS_STUDIO_IS_WINDOW (l->data))
          mls_studio_window_refresh (MLS_STUDIO_WINDOW (l->data));
    }
}

static void
apply_disabled_plugins (MlsStudioApplication *self)
{
  g_auto(GStrv) disabled = NULL;

  if (self->settings == NULL || self->engine == NULL)
    return;
  disabled = g_settings_get_strv (self->settings, "disabled-plugins");
  for (guint i = 0; disabled[i] != NULL; i++)
    mls_engine_set_enabled (self->engine, disabled[i], FALSE);
}

static void
mls_studio_application_startup (GApplication *application)
{
  MlsStudioApplication *self = MLS_STUDIO_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *prefs_accels[] = { "<Primary>comma", NULL };

  mls_studio_register_resources ();
  G_APPLICATION_CLASS (mls_studio_application_parent_class)->startup (application);

  self->settings = create_settings ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self,
                             G_CONNECT_SWAPPED);
  apply_color_scheme (self);
  apply_units (self);

  self->registry = mls_registry_get_default (&error);
  if (self->registry != NULL)
    {
      g_object_ref (self->registry);
      self->engine = g_object_ref (mls_engine_get_default ());
      apply_disabled_plugins (self);
    }
  else
    g_warning ("The registry failed to load: %s", error->message);

  _mls_studio_application_install_actions (self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         prefs_accels);
}

static void
show_registry_failure (MlsStudioApplication *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *status;

  mls_registry_get_default (&error);
  window = adw_application_window_new (GTK_APPLICATION (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The Registry Could Not Be Loaded"));
  if (error != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      adw_status_page_set_description (ADW_STATUS_PAGE (status), escaped);
    }
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), status);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_benchmark_mapped (MlsStudioWindow *window,
                     gpointer         user_data)
{
  MlsStudioApplication *self = MLS_STUDIO_APPLICATION (user_data);

  mls_studio_window_run_benchmark (window, self->benchmark_iterations);
  g_application_quit (G_APPLICATION (self));
}

static MlsStudioWindow *
new_window (MlsStudioApplication *self,
            gboolean              restore)
{
  MlsStudioWindow *window = mls_studio_window_new (self);

  if (restore)
    mls_studio_window_restore_state (window);
  if (self->initial_view != NULL)
    mls_studio_window_set_visible_view (window, self->initial_view);
  if (self->benchmark)
    g_signal_connect_object (window, "benchmark-ready", G_CALLBACK (on_benchmark_mapped), self,
                             0);
  return window;
}

static void
mls_studio_application_activate (GApplication *application)
{
  MlsStudioApplication *self = MLS_STUDIO_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->registry == NULL)
    {
      show_registry_failure (self);
      return;
    }
  if (window == NULL)
    window = GTK_WINDOW (new_window (self, TRUE));
  gtk_window_present (window);
}

static void
mls_studio_application_open (GApplication  *application,
                             GFile        **files,
                             int            n_files,
                             const char    *hint)
{
  MlsStudioApplication *self = MLS_STUDIO_APPLICATION (application);

  if (self->registry == NULL)
    {
      show_registry_failure (self);
      return;
    }
  for (int i = 0; i < n_files; i++)
    {
      MlsStudioWindow *window = new_window (self, FALSE);

      mls_studio_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static int
mls_studio_application_handle_local_options (GApplication *application,
                                             GVariantDict *options)
{
  MlsStudioApplication *self = MLS_STUDIO_APPLICATION (application);
  int iterations;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("mlsysim-studio %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_variant_dict_lookup (options, "view", "s", &self->initial_view);
  if (self->initial_view != NULL &&
      !g_strv_contains ((const char * const[]) { "roofline", "scorecard", "metrics", "compare",
                                                  "sweeps", "registry", NULL },
                        self->initial_view))
    {
      g_printerr (_("Unknown view “%s”; the views are roofline, scorecard, metrics, compare, "
                    "sweeps and registry\n"), self->initial_view);
      return 1;
    }
  if (g_variant_dict_lookup (options, "benchmark-recompute", "b", &self->benchmark) &&
      self->benchmark)
    {
      /* A benchmark run is its own process, never a remote call into a running app. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
      self->benchmark_iterations = BENCHMARK_DEFAULT_ITERATIONS;
      if (g_variant_dict_lookup (options, "iterations", "i", &iterations) && iterations > 0)
        self->benchmark_iterations = (guint) iterations;
    }
  return -1;
}

static void
mls_studio_application_dispose (GObject *object)
{
  MlsStudioApplication *self = MLS_STUDIO_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->engine);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->initial_view, g_free);
  G_OBJECT_CLASS (mls_studio_application_parent_class)->dispose (object);
}

static void
mls_studio_application_class_init (MlsStudioApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = mls_studio_application_dispose;
  app_class->startup = mls_studio_application_startup;
  app_class->activate = mls_studio_application_activate;
  app_class->open = mls_studio_application_open;
  app_class->handle_local_options = mls_studio_application_handle_local_options;
}

static void
mls_studio_application_init (MlsStudioApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { "benchmark-recompute", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Time a control change, the recompute and the redraw, print "
         "“studio_recompute_ms: X ms” and exit"), NULL },
    { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Show this view first: roofline, scorecard, metrics, compare, sweeps or registry"),
      N_("VIEW") },
    { "iterations", 0, 0, G_OPTION_ARG_INT, NULL,
      N_("How many changes the benchmark times (default 200)"), N_("N") },
    { NULL },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[PLAN.yaml…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Compose machine-learning system scenarios and see their roofline, scorecard and "
      "metrics."));
}

/**
 * mls_studio_application_new:
 *
 * Returns: (transfer full): the application
 */
MlsStudioApplication *
mls_studio_application_new (void)
{
  return g_object_new (MLS_STUDIO_TYPE_APPLICATION,
                       "application-id", MLS_APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/mlsysim/Studio",
                       NULL);
}

/**
 * mls_studio_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the app's settings; %NULL when the schema is missing
 */
GSettings *
mls_studio_application_get_settings (MlsStudioApplication *self)
{
  return self->settings;
}

MlsEngine *
mls_studio_application_get_engine (MlsStudioApplication *self)
{
  return self->engine;
}

MlsRegistry *
mls_studio_application_get_registry (MlsStudioApplication *self)
{
  return self->registry;
}

/**
 * mls_studio_application_claim_load_notice:
 *
 * Plugin load failures are shown once per run, in the first window.
 *
 * Returns: %TRUE the first time it is called
 */
gboolean
mls_studio_application_claim_load_notice (MlsStudioApplication *self)
{
  if (self->load_notice_shown)
    return FALSE;
  self->load_notice_shown = TRUE;
  return TRUE;
}

/**
 * mls_studio_application_set_solver_enabled:
 * @id: a solver id
 * @enabled: whether evaluations include it
 *
 * Enables or disables a solver, remembers it in `disabled-plugins`, and recomputes every
 * window.
 */
void
mls_studio_application_set_solver_enabled (MlsStudioApplication *self,
                                           const char           *id,
                                           gboolean              enabled)
{
  if (self->engine == NULL || mls_engine_get_enabled (self->engine, id) == !!enabled)
    return;
  mls_engine_set_enabled (self->engine, id, enabled);

  if (self->settings != NULL)
    {
      g_auto(GStrv) old = g_settings_get_strv (self->settings, "disabled-plugins");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) list = NULL;

      for (guint i = 0; old[i] != NULL; i++)
        if (g_ascii_strcasecmp (old[i], id) != 0)
          g_strv_builder_add (builder, old[i]);
      if (!enabled)
        g_strv_builder_add (builder, id);
      list = g_strv_builder_end (builder);
      g_settings_set_strv (self->settings, "disabled-plugins", (const char * const *) list);
    }

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (MLS_STUDIO_IS_WINDOW (l->data))
      mls_studio_window_solvers_changed (MLS_STUDIO_WINDOW (l->data));
}

/**
 * mls_studio_application_show_preferences:
 * @page: (nullable): the page to show ("general", "plugins")
 */
void
mls_studio_application_show_preferences (MlsStudioApplication *self,
                                         const char           *page)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *prefs = mls_studio_preferences_window_new (self);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  if (page != NULL)
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), page);
  gtk_window_present (GTK_WINDOW (prefs));
}
