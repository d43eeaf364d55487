/* mls-studio-window.c — the main window: composer, views, files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "mls-studio-compare-view.h"
#include "mls-studio-composer.h"
#include "mls-studio-metrics-view.h"
#include "mls-studio-registry-view.h"
#include "mls-studio-roofline-view.h"
#include "mls-studio-scorecard-view.h"
#include "mls-studio-sweep-view.h"
#include "mls-studio-window-private.h"

G_DEFINE_FINAL_TYPE (MlsStudioWindow, mls_studio_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  BENCHMARK_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where an unsaved scenario is kept between runs (the last-scenario key then names it). */
static char *
draft_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "mlsysim", "studio-draft.yaml", NULL);
}

static void
update_title (MlsStudioWindow *self)
{
  g_autofree char *title = mls_studio_document_dup_title (self->document);
  g_autofree char *shown = NULL;
  g_autofree char *window_title = NULL;
  GFile *file = mls_studio_document_get_file (self->document);
  g_autofree char *subtitle = NULL;

  shown = mls_studio_document_get_modified (self->document)
            ? g_strdup_printf ("• %s", title) : g_strdup (title);
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *parse_name = parent ? g_file_get_parse_name (parent) : NULL;
      const char *home = g_get_home_dir ();

      if (parse_name != NULL && home != NULL && g_str_has_prefix (parse_name, home))
        subtitle = g_strconcat ("~", parse_name + strlen (home), NULL);
      else
        subtitle = g_steal_pointer (&parse_name);
    }
  else
    subtitle = g_strdup (_("Unsaved scenario"));

  adw_view_switcher_title_set_title (self->switcher_title, shown);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  /* TRANSLATORS: the window title, "<scenario> — MLSys·im Studio" */
  window_title = g_strdup_printf (_("%s — MLSys·im Studio"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
on_document_notify (MlsStudioWindow *self)
{
  update_title (self);
  _mls_studio_window_update_actions (self);
}

static void
on_visible_child_changed (MlsStudioWindow *self)
{
  gboolean registry = g_strcmp0 (mls_studio_window_get_visible_view (self), "registry") == 0;

  /* The registry is browsed, not composed: it gets the composer's room, which comes back on
   * the other views as the user left it. */
  if (registry && !self->in_registry)
    {
      self->composer_was_revealed = adw_flap_get_reveal_flap (self->flap);
      adw_flap_set_reveal_flap (self->flap, FALSE);
    }
  else if (!registry && self->in_registry)
    adw_flap_set_reveal_flap (self->flap, self->composer_was_revealed);
  self->in_registry = registry;
  _mls_studio_window_update_actions (self);
}

static void
on_recomputed (MlsStudioWindow *self)
{
  _mls_studio_window_update_actions (self);
}

static gboolean
emit_benchmark_ready (gpointer data)
{
  MlsStudioWindow *self = data;

  self->benchmark_ready_id = 0;
  g_signal_emit (self, signals[BENCHMARK_READY], 0);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock   *clock,
                MlsStudioWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, self);
  /* Let the first frame finish before anything is timed. */
  if (self->benchmark_ready_id == 0)
    self->benchmark_ready_id = g_timeout_add (250, emit_benchmark_ready, self);
}

static void
mls_studio_window_map (GtkWidget *widget)
{
  MlsStudioWindow *self = MLS_STUDIO_WINDOW (widget);
  GdkFrameClock *clock;

  GTK_WIDGET_CLASS (mls_studio_window_parent_class)->map (widget);
  clock = gtk_widget_get_frame_clock (widget);
  if (clock != NULL && g_signal_has_handler_pending (self, signals[BENCHMARK_READY], 0, FALSE))
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
}

static void
show_load_errors (MlsStudioWindow *self)
{
  MlsStudioApplication *app = MLS_STUDIO_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const char * const *errors;
  guint n = 0;
  AdwToast *toast;
  g_autofree char *title = NULL;

  errors = mls_engine_get_load_errors (mls_studio_document_get_engine (self->document));
  while (errors[n] != NULL)
    n++;
  if (n == 0 || !mls_studio_application_claim_load_notice (app))
    return;
  for (guint i = 0; i < n; i++)
    g_message ("%s", errors[i]);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "A solver plugin could not be loaded; the others work",
                                        "%u solver plugins could not be loaded; the others work",
                                        n), n);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "app.plugins");
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
add_start_from_items (MlsStudioWindow *self)
{
  MlsRegistry *registry = mls_studio_document_get_registry (self->document);
  g_autoptr(GMenu) scenarios = g_menu_new ();
  g_autoptr(GMenu) personas = g_menu_new ();
  g_auto(GStrv) keys = mls_lighthouse_list_keys (registry);
  GListModel *persona_model = mls_registry_get_category (registry, "personas");

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      MlsEntry *entry = mls_registry_lookup (registry, "scenarios", keys[i], NULL);
      g_autoptr(GMenuItem) item = NULL;

      item = g_menu_item_new (entry ? mls_entry_get_name (entry) : keys[i], NULL);
      g_menu_item_set_action_and_target (item, "win.start-from", "s", keys[i]);
      g_menu_append_item (scenarios, item);
    }
  for (guint i = 0; persona_model && i < g_list_model_get_n_items (persona_model); i++)
    {
      g_autoptr(MlsEntry) persona = g_list_model_get_item (persona_model, i);
      g_autoptr(GMenuItem) item = NULL;
      const char *role = mls_entry_get_string (persona, "role");
      g_autofree char *label = role != NULL
        /* TRANSLATORS: a persona and its role, "Tiny Pioneer (Smart Doorbell Product Lead)" */
        ? g_strdup_printf (_("%s (%s)"), mls_entry_get_name (persona), role)
        : g_strdup (mls_entry_get_name (persona));

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.start-from-persona", "s",
                                         mls_entry_get_key (persona));
      g_menu_append_item (personas, item);
    }
  g_menu_append_section (self->start_from_menu, _("Lighthouse Scenarios"),
                         G_MENU_MODEL (scenarios));
  g_menu_append_section (self->start_from_menu, _("Personas"), G_MENU_MODEL (personas));
}

/* The window's application is set after construction, so setting up happens here. */
static void
setup (MlsStudioWindow      *self,
       MlsStudioApplication *app)
{
  double efficiency = 0;

  self->settings = mls_studio_application_get_settings (app);
  if (self->settings != NULL)
    {
      g_object_ref (self->settings);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      efficiency = g_settings_get_double (self->settings, "default-efficiency");
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 1280, 800);

  self->document = mls_studio_document_new (mls_studio_application_get_engine (app),
                                            mls_studio_application_get_registry (app));
  g_signal_connect_object (self->document, "notify::title", G_CALLBACK (on_document_notify),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::modified", G_CALLBACK (on_document_notify),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (on_document_notify),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "recomputed", G_CALLBACK (on_recomputed), self,
                           G_CONNECT_SWAPPED);

  mls_studio_composer_set_document (MLS_STUDIO_COMPOSER (self->composer), self->document);
  mls_studio_roofline_view_set_document (MLS_STUDIO_ROOFLINE_VIEW (self->roofline_view),
                                         self->document);
  mls_studio_scorecard_view_set_document (MLS_STUDIO_SCORECARD_VIEW (self->scorecard_view),
                                          self->document);
  mls_studio_metrics_view_set_document (MLS_STUDIO_METRICS_VIEW (self->metrics_view),
                                        self->document);
  mls_studio_compare_view_set_document (MLS_STUDIO_COMPARE_VIEW (self->compare_view),
                                        self->document);
  mls_studio_sweep_view_set_document (MLS_STUDIO_SWEEP_VIEW (self->sweep_view), self->document);
  mls_studio_registry_view_set_document (MLS_STUDIO_REGISTRY_VIEW (self->registry_view),
                                         self->document);

  mls_studio_document_load_default (self->document, efficiency);
  add_start_from_items (self);
  mls_studio_composer_set_start_menu (MLS_STUDIO_COMPOSER (self->composer),
                                      G_MENU_MODEL (self->start_from_menu));
  _mls_studio_window_update_recent (self);
  update_title (self);
  _mls_studio_window_update_actions (self);
  show_load_errors (self);
}

static gboolean
mls_studio_window_close_request (GtkWindow *window)
{
  MlsStudioWindow *self = MLS_STUDIO_WINDOW (window);

  /* A plan with a file asks before its changes are lost; an unsaved scenario is kept as a
   * draft and comes back on the next start. */
  if (!self->closing_confirmed && mls_studio_document_get_modified (self->document) &&
      mls_studio_document_get_file (self->document) != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.close-confirm", NULL);
      return TRUE;
    }
  mls_studio_window_save_state (self);
  return GTK_WINDOW_CLASS (mls_studio_window_parent_class)->close_request (window);
}

static void
mls_studio_window_dispose (GObject *object)
{
  MlsStudioWindow *self = MLS_STUDIO_WINDOW (object);

  g_clear_handle_id (&self->benchmark_ready_id, g_source_remove);
  if (self->recent != NULL)
    g_signal_handlers_disconnect_by_data (self->recent, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MLS_STUDIO_TYPE_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (mls_studio_window_parent_class)->dispose (object);
}

static void
mls_studio_window_class_init (MlsStudioWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mls_studio_window_dispose;
  widget_class->map = mls_studio_window_map;
  window_class->close_request = mls_studio_window_close_request;

  /**
   * MlsStudioWindow::benchmark-ready:
   *
   * Emitted once, shortly after the first frame, when a handler is connected before the
   * window is mapped (the `--benchmark-recompute` option).
   */
  signals[BENCHMARK_READY] =
    g_signal_new ("benchmark-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (MLS_STUDIO_TYPE_COMPOSER);
  g_type_ensure (MLS_STUDIO_TYPE_ROOFLINE_VIEW);
  g_type_ensure (MLS_STUDIO_TYPE_SCORECARD_VIEW);
  g_type_ensure (MLS_STUDIO_TYPE_METRICS_VIEW);
  g_type_ensure (MLS_STUDIO_TYPE_COMPARE_VIEW);
  g_type_ensure (MLS_STUDIO_TYPE_SWEEP_VIEW);
  g_type_ensure (MLS_STUDIO_TYPE_REGISTRY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mlsysim/Studio/mls-studio-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, composer);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, roofline_view);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, scorecard_view);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, metrics_view);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, compare_view);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, sweep_view);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, registry_view);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, MlsStudioWindow, start_from_menu);

  _mls_studio_window_class_install_actions (widget_class);
}

static void
on_recent_changed (MlsStudioWindow *self)
{
  _mls_studio_window_update_recent (self);
}

static void
mls_studio_window_init (MlsStudioWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_visible_child_changed), self, G_CONNECT_SWAPPED);
  self->recent = gtk_recent_manager_get_default ();
  g_signal_connect_object (self->recent, "changed", G_CALLBACK (on_recent_changed), self,
                           G_CONNECT_SWAPPED);
}

/**
 * mls_studio_window_new:
 * @application: the application
 *
 * Returns: (transfer none): a new window showing the default scenario
 */
MlsStudioWindow *
mls_studio_window_new (MlsStudioApplication *application)
{
  MlsStudioWindow *self = g_object_new (MLS_STUDIO_TYPE_WINDOW, "application", application, NULL);

  setup (self, application);
  return self;
}

MlsStudioDocument *
mls_studio_window_get_document (MlsStudioWindow *self)
{
  return self->document;
}

GtkWidget *
mls_studio_window_get_composer (MlsStudioWindow *self)
{
  return self->composer;
}

/**
 * mls_studio_window_get_view:
 * @name: "roofline", "scorecard", "metrics", "compare", "sweeps" or "registry"
 *
 * Returns: (transfer none) (nullable): the view
 */
GtkWidget *
mls_studio_window_get_view (MlsStudioWindow *self,
                            const char      *name)
{
  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

void
mls_studio_window_set_visible_view (MlsStudioWindow *self,
                                    const char      *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
mls_studio_window_get_visible_view (MlsStudioWindow *self)
{
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * mls_studio_window_get_visible_chart:
 *
 * Returns: (transfer none) (nullable): the chart of the visible view, if it has one
 */
MlsStudioChart *
mls_studio_window_get_visible_chart (MlsStudioWindow *self)
{
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);

  if (view == self->roofline_view)
    return mls_studio_roofline_view_get_chart (MLS_STUDIO_ROOFLINE_VIEW (view));
  if (view == self->scorecard_view)
    return mls_studio_scorecard_view_get_chart (MLS_STUDIO_SCORECARD_VIEW (view));
  if (view == self->compare_view)
    return mls_studio_compare_view_get_chart (MLS_STUDIO_COMPARE_VIEW (view));
  if (view == self->sweep_view)
    return mls_studio_sweep_view_get_chart (MLS_STUDIO_SWEEP_VIEW (view));
  return NULL;
}

void
mls_studio_window_add_toast (MlsStudioWindow *self,
                             const char      *text)
{
  /* Toast titles are markup; messages quote file names and values. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
add_recent (MlsStudioWindow *self,
            GFile           *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/x-yaml",
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "mlsysim-studio %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (self->recent, uri, &data);
}

/**
 * mls_studio_window_open_file:
 * @file: a plan file
 *
 * Opens @file, telling the user in a toast when it cannot be read (the current scenario
 * stays).
 */
void
mls_studio_window_open_file (MlsStudioWindow *self,
                             GFile           *file)
{
  g_autoptr(GError) error = NULL;

  if (!mls_studio_document_load_file (self->document, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *text = g_strdup_printf (_("Could not open “%s”: %s"), name,
                                               error->message);

      mls_studio_window_add_toast (self, text);
      return;
    }
  add_recent (self, file);
}

/**
 * mls_studio_window_restore_state:
 *
 * Shows the scenario that was open when the app was last closed (the last-scenario key).
 */
void
mls_studio_window_restore_state (MlsStudioWindow *self)
{
  g_autofree char *path = NULL;
  g_autofree char *draft = draft_path ();
  g_autoptr(GError) error = NULL;

  if (self->settings == NULL)
    return;
  path = g_settings_get_string (self->settings, "last-scenario");
  if (path == NULL || *path == '\0')
    return;

  if (g_strcmp0 (path, draft) == 0)
    {
      g_autofree char *data = NULL;

      if (g_file_get_contents (path, &data, NULL, &error) &&
          mls_studio_document_load_data (self->document, data, &error))
        return;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (mls_studio_document_load_file (self->document, file, &error))
        return;
    }
  /* A moved or broken file: start from the default scenario, and say so. */
  if (error != NULL && !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_autofree char *text = g_strdup_printf (_("The last scenario could not be restored: %s"),
                                               error->message);
      mls_studio_window_add_toast (self, text);
    }
}

/**
 * mls_studio_window_save_state:
 *
 * Remembers the window size and the scenario for the next start: the plan's path, or a
 * draft of an unsaved scenario.
 */
void
mls_studio_window_save_state (MlsStudioWindow *self)
{
  GFile *file;
  g_autofree char *draft = draft_path ();
  int width, height;

  if (self->settings == NULL || self->document == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  file = mls_studio_document_get_file (self->document);
  if (file != NULL && g_file_get_path (file) != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      g_settings_set_string (self->settings, "last-scenario", path);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *data = mls_studio_document_to_data (self->document, &error);
      g_autofree char *dir = g_path_get_dirname (draft);

      if (data != NULL && g_mkdir_with_parents (dir, 0700) == 0 &&
          g_file_set_contents_full (draft, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                    &error))
        g_settings_set_string (self->settings, "last-scenario", draft);
      else
        {
          g_warning ("Could not keep the unsaved scenario: %s",
                     error ? error->message : g_strerror (errno));
          g_settings_set_string (self->settings, "last-scenario", "");
        }
    }
}

/**
 * mls_studio_window_refresh:
 *
 * Shows every number again (after a units preference change).
 */
void
mls_studio_window_refresh (MlsStudioWindow *self)
{
  mls_studio_document_recompute (self->document);
}

/**
 * mls_studio_window_solvers_changed:
 *
 * Rebuilds what depends on the set of enabled solvers.
 */
void
mls_studio_window_solvers_changed (MlsStudioWindow *self)
{
  mls_studio_metrics_view_rebuild (MLS_STUDIO_METRICS_VIEW (self->metrics_view));
  mls_studio_sweep_view_rebuild (MLS_STUDIO_SWEEP_VIEW (self->sweep_view));
  mls_studio_document_solvers_changed (self->document);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/**
 * mls_studio_window_run_benchmark:
 * @iterations: how many changes to time
 *
 * Times what a user waits for after moving a control: the batch-size control changes, the
 * engine recomputes, every view updates, and the visible chart is painted again at its size
 * (into an image surface, with the function the widget's snapshot uses). Prints
 * `studio_recompute_ms: X ms`, the median.
 *
 * Returns: the median time [ms]
 */
double
mls_studio_window_run_benchmark (MlsStudioWindow *self,
                                 guint            iterations)
{
  MlsStudioComposer *composer = MLS_STUDIO_COMPOSER (self->composer);
  MlsStudioChart *chart;
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (double), iterations);
  cairo_surface_t *surface;
  int width, height;
  double median, p95, max;

  mls_studio_window_set_visible_view (self, "roofline");
  chart = mls_studio_window_get_visible_chart (self);
  width = MAX (gtk_widget_get_width (GTK_WIDGET (chart)), 1);
  height = MAX (gtk_widget_get_height (GTK_WIDGET (chart)), 1);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  for (guint i = 0; i < MAX (iterations, 1); i++)
    {
      gint64 start = g_get_monotonic_time ();
      cairo_t *cr;
      double ms;

      /* Alternate between a memory-bound and a compute-bound batch, so the bottleneck, the
       * operating point and every metric change each time. */
      mls_studio_composer_set_batch_size (composer, i % 2 ? 256 : 1);
      cr = cairo_create (surface);
      mls_studio_chart_draw (chart, cr, width, height);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  cairo_surface_destroy (surface);

  g_array_sort (times, compare_doubles);
  median = g_array_index (times, double, times->len / 2);
  p95 = g_array_index (times, double, MIN (times->len - 1, (times->len * 95) / 100));
  max = g_array_index (times, double, times->len - 1);
  /* Under g_test, TAP wants its own lines: the figures go out as test messages there. */
  if (g_test_initialized ())
    g_test_message ("studio_recompute_ms: %.3f ms (median of %u at %d×%d; p95 %.3f ms; "
                    "max %.3f ms)", median, times->len, width, height, p95, max);
  else
    {
      g_print ("studio_recompute_ms: %.3f ms\n", median);
      g_print ("# median of %u control changes at %d×%d; p95 %.3f ms; max %.3f ms; "
               "target < 16 ms\n", times->len, width, height, p95, max);
    }
  return median;
}
