/* mls-studio-metrics-view.c — every metric of every enabled solver, with its parameters
 *
 * Built from what each solver declares (MlsSolverInfo): a solver from a third-party plugin
 * gets a group with a spin button per parameter (range and unit as declared) and a row per
 * metric, without the app knowing anything about it.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mls-studio-format.h"
#include "mls-studio-metrics-view.h"

static const char * const first_solvers[] = {
  "roofline", "distributed", "serving", "training-memory", "economics", "sustainability",
  "reliability", NULL
};

/* Spin buttons need a finite range; declared maxima such as G_MAXUINT are clamped here. */
#define SPIN_LIMIT 1e15

typedef struct
{
  char                *solver_id;
  AdwPreferencesGroup *group;
  GtkLabel            *status;
  char                *description;
  AdwExpanderRow      *explain_row;
  GtkLabel            *explain_label;
  char                *explanation;
  /* Solvers and optimizers run many models each: they run when asked, into their own
   * ledger, and their results go out of date when the scenario changes. */
  gboolean             on_demand;
  gboolean             stale;
  MlsLedger           *ledger;
  GtkButton           *run_button;
  MlsStudioMetricsView *view;
} SolverGroup;

typedef struct
{
  MlsMetricSpec  spec;   /* borrowed strings from the solver's info */
  GtkLabel      *value;
  AdwActionRow  *row;
  SolverGroup   *group;
} MetricRow;

struct _MlsStudioMetricsView
{
  AdwBin              parent_instance;

  MlsStudioDocument  *document;
  AdwPreferencesPage *page;
  GPtrArray          *groups;      /* SolverGroup* */
  GHashTable         *metrics;     /* metric id → MetricRow* */
  GHashTable         *parameters;  /* parameter id → GtkSpinButton* */
  gboolean            syncing;
  gboolean            dirty;
};

G_DEFINE_FINAL_TYPE (MlsStudioMetricsView, mls_studio_metrics_view, ADW_TYPE_BIN)

static void
solver_group_free (gpointer data)
{
  SolverGroup *group = data;

  g_free (group->solver_id);
  g_free (group->description);
  g_free (group->explanation);
  g_clear_object (&group->ledger);
  g_free (group);
}

static char *
format_metric (MlsLedger           *ledger,
               const MlsMetricSpec *spec)
{
  const char *text = mls_ledger_get_text (ledger, spec->id);
  MlsQuantity q;

  if (text != NULL)
    return g_strdup (text);
  if (!mls_ledger_get_quark (ledger, spec->quark, &q))
    return NULL;
  if (g_strcmp0 (spec->unit, "text") == 0)
    return mls_studio_format_number (q.value);
  return mls_studio_format_quantity (&q, spec->unit);
}

static const char *
status_text (MlsSolveStatus status)
{
  switch (status)
    {
    case MLS_SOLVE_OK:
      return _("Solved");
    case MLS_SOLVE_SKIPPED:
      return _("Skipped");
    case MLS_SOLVE_FAILED:
      return _("Failed");
    case MLS_SOLVE_PENDING:
    default:
      return _("Not run");
    }
}

static void
update_values (MlsStudioMetricsView *self)
{
  MlsLedger *ledger = mls_studio_document_get_ledger (self->document);
  GHashTableIter iter;
  gpointer value;
  static const char *classes[] = { "success", "error", "dim-label" };

  g_hash_table_iter_init (&iter, self->metrics);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      MetricRow *row = value;
      MlsLedger *source = row->group->on_demand ? row->group->ledger : ledger;
      g_autofree char *text = format_metric (source, &row->spec);

      gtk_label_set_label (row->value, text ? text : "—");
      gtk_widget_set_opacity (GTK_WIDGET (row->row),
                              text && !(row->group->on_demand && row->group->stale) ? 1.0 : 0.55);
    }

  for (guint i = 0; i < self->groups->len; i++)
    {
      SolverGroup *group = g_ptr_array_index (self->groups, i);
      MlsLedger *source = group->on_demand ? group->ledger : ledger;
      const char *message = NULL;
      MlsSolveStatus status;
      g_auto(GStrv) explanations = NULL;
      g_autofree char *description = NULL;

      if (group->status == NULL || source == NULL)
        continue;
      status = mls_ledger_get_status (source, group->solver_id, &message);
      explanations = mls_ledger_get_explanations (source, group->solver_id);
      if (group->on_demand && status == MLS_SOLVE_PENDING)
        gtk_label_set_label (group->status, _("Runs when asked"));
      else if (group->on_demand && group->stale)
        gtk_label_set_label (group->status, _("Out of date"));
      else
        gtk_label_set_label (group->status, status_text (status));
      for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
        gtk_widget_remove_css_class (GTK_WIDGET (group->status), classes[c]);
      gtk_widget_add_css_class (GTK_WIDGET (group->status),
                                status == MLS_SOLVE_OK ? "success"
                                : status == MLS_SOLVE_FAILED ? "error" : "dim-label");

      if (status != MLS_SOLVE_OK && message != NULL)
        description = g_strdup (message);
      if (group->explain_row != NULL)
        {
          g_autofree char *explanation = explanations && explanations[0]
                                           ? g_strjoinv ("\n", explanations) : NULL;

          if (g_strcmp0 (explanation, group->explanation) != 0)
            {
              gtk_label_set_label (group->explain_label, explanation ? explanation : "");
              gtk_widget_set_visible (GTK_WIDGET (group->explain_row), explanation != NULL);
              g_free (group->explanation);
              group->explanation = g_steal_pointer (&explanation);
            }
        }
      /* Setting an unchanged description would relayout the whole page. */
      if (g_strcmp0 (description, group->description) != 0)
        {
          g_autofree char *escaped = description ? g_markup_escape_text (description, -1) : NULL;

          /* Group descriptions are markup. */
          adw_preferences_group_set_description (group->group, escaped);
          g_free (group->description);
          group->description = g_steal_pointer (&description);
        }
    }
}

/* Off screen, the values wait until they are shown (or read). */
static void
on_recomputed (MlsStudioMetricsView *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      SolverGroup *group = g_ptr_array_index (self->groups, i);
      if (group->on_demand && group->ledger != NULL &&
          mls_ledger_get_status (group->ledger, group->solver_id, NULL) != MLS_SOLVE_PENDING)
        group->stale = TRUE;
    }
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_values (self);
  else
    self->dirty = TRUE;
}

static void
update_if_dirty (MlsStudioMetricsView *self)
{
  if (self->dirty && self->document != NULL)
    {
      self->dirty = FALSE;
      update_values (self);
    }
}

static void
mls_studio_metrics_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mls_studio_metrics_view_parent_class)->map (widget);
  update_if_dirty (MLS_STUDIO_METRICS_VIEW (widget));
}

static void
on_parameter_changed (GtkSpinButton        *spin,
                      MlsStudioMetricsView *self)
{
  const MlsParameterSpec *spec = g_object_get_data (G_OBJECT (spin), "mls-spec");
  MlsQuantity q;

  if (self->syncing || spec == NULL)
    return;
  if (!mls_quantity_from_unit (gtk_spin_button_get_value (spin),
                               spec->unit != NULL && *spec->unit ? spec->unit : "", &q, NULL))
    q = mls_quantity_scalar (gtk_spin_button_get_value (spin));
  mls_studio_document_set_parameter (self->document, spec->id, &q);
}

static double
parameter_value (MlsStudioMetricsView   *self,
                 const MlsParameterSpec *spec)
{
  MlsScenario *scenario = mls_studio_document_get_scenario (self->document);
  MlsQuantity q;
  double v;

  if (!mls_scenario_get_parameter (scenario, spec->id, &q))
    return spec->default_value;
  if (spec->unit != NULL && *spec->unit != '\0' && mls_quantity_convert (&q, spec->unit, &v, NULL))
    return v;
  return q.value;
}

static void
sync_parameters (MlsStudioMetricsView *self)
{
  GHashTableIter iter;
  gpointer value;

  self->syncing = TRUE;
  g_hash_table_iter_init (&iter, self->parameters);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GtkSpinButton *spin = value;
      const MlsParameterSpec *spec = g_object_get_data (G_OBJECT (spin), "mls-spec");

      gtk_spin_button_set_value (spin, parameter_value (self, spec));
    }
  self->syncing = FALSE;
}

static GtkWidget *
build_parameter_row (MlsStudioMetricsView   *self,
                     const MlsParameterSpec *spec)
{
  GtkWidget *row = adw_action_row_new ();
  double lower = MAX (spec->minimum, -SPIN_LIMIT);
  double upper = MIN (spec->maximum, SPIN_LIMIT);
  double step = spec->integer ? 1 : MAX ((upper - lower) / 1000.0, 0.01);
  GtkAdjustment *adjustment;
  GtkWidget *spin;
  g_autofree char *subtitle = NULL;
  guint digits = spec->integer ? 0 : 2;

  if (!spec->integer && upper - lower > 1000)
    step = 1;
  adjustment = gtk_adjustment_new (CLAMP (spec->default_value, lower, upper), lower, upper, step,
                                   step * 10, 0);
  spin = gtk_spin_button_new (adjustment, step, digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spec->label, -1);
  g_object_set_data (G_OBJECT (spin), "mls-spec", (gpointer) spec);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), spec->label);
  if (spec->unit != NULL && *spec->unit != '\0')
    /* TRANSLATORS: a parameter's description and its unit, "Checkpoint write time · s" */
    subtitle = g_strdup_printf (_("%s · %s"), spec->description ? spec->description : "",
                                spec->unit);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               subtitle ? subtitle : spec->description);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_widget_set_tooltip_text (row, spec->id);

  self->syncing = TRUE;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), parameter_value (self, spec));
  self->syncing = FALSE;
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_parameter_changed), self);
  g_hash_table_insert (self->parameters, g_strdup (spec->id), spin);
  return row;
}

static void
run_group (SolverGroup *group)
{
  MlsStudioMetricsView *self = group->view;
  MlsEngine *engine = mls_studio_document_get_engine (self->document);
  const char *ids[] = { group->solver_id, NULL };
  g_autoptr(MlsEnginePlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = mls_engine_plan (engine, ids, &error);
  if (plan == NULL)
    {
      mls_ledger_reset (group->ledger);
      mls_ledger_set_status (group->ledger, group->solver_id, MLS_SOLVE_FAILED, error->message);
    }
  else
    mls_engine_plan_run (plan, mls_studio_document_get_scenario (self->document), group->ledger);
  group->stale = FALSE;
  update_values (self);
}

static void
on_run_clicked (GtkButton   *button,
                SolverGroup *group)
{
  run_group (group);
}

static void
build_solver (MlsStudioMetricsView *self,
              MlsSolverInfo        *info)
{
  SolverGroup *group = g_new0 (SolverGroup, 1);
  GtkWidget *status = gtk_label_new (NULL);
  guint n_params = mls_solver_info_get_n_parameters (info);
  guint n_metrics = mls_solver_info_get_n_metrics (info);

  group->solver_id = g_strdup (mls_solver_info_get_id (info));
  group->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  group->status = GTK_LABEL (status);
  group->view = self;
  group->on_demand = mls_solver_info_get_kind (info) != MLS_SOLVER_KIND_MODEL;
  {
    g_autofree char *title = g_markup_escape_text (mls_solver_info_get_name (info), -1);
    adw_preferences_group_set_title (group->group, title);
  }
  gtk_widget_add_css_class (status, "caption-heading");
  gtk_widget_add_css_class (status, "solver-status");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  if (group->on_demand)
    {
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *run = gtk_button_new_with_mnemonic (
        mls_solver_info_get_kind (info) == MLS_SOLVER_KIND_OPTIMIZER ? _("_Optimize")
                                                                     : _("_Solve"));

      group->ledger = mls_ledger_new ();
      mls_ledger_set_explain (group->ledger, TRUE);
      group->run_button = GTK_BUTTON (run);
      gtk_widget_set_valign (run, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (run, "pill");
      gtk_widget_add_css_class (run, "small-pill");
      gtk_widget_set_tooltip_text (run, _("Run this solver on the scenario; it evaluates many "
                                          "variants, so it runs only when asked"));
      g_signal_connect (run, "clicked", G_CALLBACK (on_run_clicked), group);
      gtk_box_append (GTK_BOX (header), status);
      gtk_box_append (GTK_BOX (header), run);
      adw_preferences_group_set_header_suffix (group->group, header);
    }
  else
    adw_preferences_group_set_header_suffix (group->group, status);

  /* How the solver got its numbers, step by step: the ledger's explanations. */
  {
    GtkWidget *expander = adw_expander_row_new ();
    GtkWidget *label = gtk_label_new (NULL);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("How it was computed"));
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                   _("Each step, with the numbers used"));
    adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (expander), "dialog-information-symbolic");
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    gtk_widget_set_margin_top (label, 10);
    gtk_widget_set_margin_bottom (label, 10);
    gtk_widget_set_margin_start (label, 12);
    gtk_widget_set_margin_end (label, 12);
    gtk_widget_add_css_class (label, "explanation");
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), label);
    gtk_widget_set_visible (expander, FALSE);
    adw_preferences_group_add (group->group, expander);
    group->explain_row = ADW_EXPANDER_ROW (expander);
    group->explain_label = GTK_LABEL (label);
  }

  if (n_params > 0)
    {
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *subtitle =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u setting of this solver",
                                      "%u settings of this solver", n_params), n_params);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Parameters"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (expander), "emblem-system-symbolic");
      for (guint i = 0; i < n_params; i++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                  build_parameter_row (self,
                                                       mls_solver_info_get_parameter (info, i)));
      adw_preferences_group_add (group->group, expander);
    }

  for (guint i = 0; i < n_metrics; i++)
    {
      const MlsMetricSpec *spec = mls_solver_info_get_metric (info, i);
      MetricRow *metric = g_new0 (MetricRow, 1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = gtk_label_new ("—");

      metric->spec = *spec;
      metric->group = group;
      metric->value = GTK_LABEL (value);
      metric->row = ADW_ACTION_ROW (row);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), spec->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), spec->description);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_widget_set_tooltip_text (row, spec->id);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (value), 24);
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (value, "metric-value");
      gtk_widget_set_valign (value, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      adw_preferences_group_add (group->group, row);
      g_hash_table_insert (self->metrics, g_strdup (spec->id), metric);
    }

  adw_preferences_page_add (self->page, group->group);
  g_ptr_array_add (self->groups, group);
}

/**
 * mls_studio_metrics_view_rebuild:
 *
 * Builds one group per enabled solver, in the order the engine runs them.
 */
void
mls_studio_metrics_view_rebuild (MlsStudioMetricsView *self)
{
  MlsEngine *engine;
  g_autoptr(MlsEnginePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) all = NULL;
  g_autoptr(GString) disabled = g_string_new (NULL);

  if (self->document == NULL)
    return;
  engine = mls_studio_document_get_engine (self->document);

  for (guint i = 0; i < self->groups->len; i++)
    {
      SolverGroup *group = g_ptr_array_index (self->groups, i);
      adw_preferences_page_remove (self->page, group->group);
    }
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->metrics);
  g_hash_table_remove_all (self->parameters);

  /* The reference's own solvers first, from one device to the fleet to its cost; third-party
   * solvers after them, in the order the engine runs them. */
  plan = mls_engine_plan (engine, NULL, &error);
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < (pass == 0 ? G_N_ELEMENTS (first_solvers) - 1 : 1); k++)
      for (guint i = 0; plan != NULL && i < mls_engine_plan_get_n_solvers (plan); i++)
        {
          const char *id = mls_engine_plan_get_solver_id (plan, i);
          MlsSolverInfo *info = mls_engine_get_info (engine, id);
          gboolean known = g_strv_contains (first_solvers, id);

          if (info == NULL || (pass == 0 && g_strcmp0 (id, first_solvers[k]) != 0) ||
              (pass == 1 && known))
            continue;
          build_solver (self, info);
        }

  /* Then the solvers and optimizers, which run when asked. */
  all = mls_engine_list_solvers (engine);
  for (guint i = 0; all != NULL && all[i] != NULL; i++)
    {
      MlsSolverInfo *info = mls_engine_get_info (engine, all[i]);

      if (info != NULL && mls_engine_get_enabled (engine, all[i]) &&
          mls_solver_info_get_kind (info) != MLS_SOLVER_KIND_MODEL)
        build_solver (self, info);
    }

  self->dirty = TRUE;
  for (guint i = 0; all != NULL && all[i] != NULL; i++)
    if (!mls_engine_get_enabled (engine, all[i]))
      {
        MlsSolverInfo *info = mls_engine_get_info (engine, all[i]);
        g_string_append_printf (disabled, "%s%s", disabled->len ? ", " : "",
                                info ? mls_solver_info_get_name (info) : all[i]);
      }
  if (disabled->len > 0)
    {
      SolverGroup *group = g_new0 (SolverGroup, 1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Plugins…"));

      group->solver_id = g_strdup ("");
      group->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      group->status = GTK_LABEL (gtk_label_new (NULL));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Disabled solvers"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), disabled->str);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.plugins");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (group->group, row);
      adw_preferences_page_add (self->page, group->group);
      g_ptr_array_add (self->groups, group);
    }
}

static void
on_scenario_replaced (MlsStudioMetricsView *self)
{
  sync_parameters (self);
}

static void
mls_studio_metrics_view_dispose (GObject *object)
{
  MlsStudioMetricsView *self = MLS_STUDIO_METRICS_VIEW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (mls_studio_metrics_view_parent_class)->dispose (object);
}

static void
mls_studio_metrics_view_finalize (GObject *object)
{
  MlsStudioMetricsView *self = MLS_STUDIO_METRICS_VIEW (object);

  g_ptr_array_unref (self->groups);
  g_hash_table_unref (self->metrics);
  g_hash_table_unref (self->parameters);
  G_OBJECT_CLASS (mls_studio_metrics_view_parent_class)->finalize (object);
}

static void
mls_studio_metrics_view_class_init (MlsStudioMetricsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mls_studio_metrics_view_dispose;
  object_class->finalize = mls_studio_metrics_view_finalize;
  GTK_WIDGET_CLASS (klass)->map = mls_studio_metrics_view_map;
}

static void
mls_studio_metrics_view_init (MlsStudioMetricsView *self)
{
  self->groups = g_ptr_array_new_with_free_func (solver_group_free);
  self->metrics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->parameters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->page), "metrics-page");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));
}

void
mls_studio_metrics_view_set_document (MlsStudioMetricsView *self,
                                      MlsStudioDocument    *document)
{
  g_set_object (&self->document, document);
  mls_studio_metrics_view_rebuild (self);
  self->dirty = TRUE;
  g_signal_connect_object (document, "recomputed", G_CALLBACK (on_recomputed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::scenario", G_CALLBACK (on_scenario_replaced),
                           self, G_CONNECT_SWAPPED);
}

/**
 * mls_studio_metrics_view_get_metric_text:
 * @metric_id: a metric id ("roofline.latency")
 *
 * Returns: (nullable): the value shown, or %NULL when no row shows that metric
 */
const char *
mls_studio_metrics_view_get_metric_text (MlsStudioMetricsView *self,
                                         const char           *metric_id)
{
  MetricRow *row;

  update_if_dirty (self);
  row = g_hash_table_lookup (self->metrics, metric_id);
  return row ? gtk_label_get_label (row->value) : NULL;
}

/**
 * mls_studio_metrics_view_get_parameter_control:
 * @parameter_id: a solver parameter id
 *
 * Returns: (transfer none) (nullable): the spin button generated for it
 */
GtkSpinButton *
mls_studio_metrics_view_get_parameter_control (MlsStudioMetricsView *self,
                                               const char           *parameter_id)
{
  return g_hash_table_lookup (self->parameters, parameter_id);
}

/**
 * mls_studio_metrics_view_get_solver_status:
 * @solver_id: a solver id
 *
 * Returns: (nullable): the status the view shows ("Solved", "Skipped", …)
 */
const char *
mls_studio_metrics_view_get_solver_status (MlsStudioMetricsView *self,
                                           const char           *solver_id)
{
  update_if_dirty (self);
  for (guint i = 0; i < self->groups->len; i++)
    {
      SolverGroup *group = g_ptr_array_index (self->groups, i);
      if (g_strcmp0 (group->solver_id, solver_id) == 0)
        return gtk_label_get_label (group->status);
    }
  return NULL;
}

/**
 * mls_studio_metrics_view_run_solver:
 * @solver_id: a solver or optimizer that runs when asked
 *
 * What its Solve (or Optimize) button does.
 *
 * Returns: %FALSE when the view has no such on-demand solver
 */
gboolean
mls_studio_metrics_view_run_solver (MlsStudioMetricsView *self,
                                    const char           *solver_id)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      SolverGroup *group = g_ptr_array_index (self->groups, i);

      if (group->on_demand && g_strcmp0 (group->solver_id, solver_id) == 0)
        {
          g_signal_emit_by_name (group->run_button, "clicked");
          return TRUE;
        }
    }
  return FALSE;
}
