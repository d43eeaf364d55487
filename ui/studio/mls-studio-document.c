/* mls-studio-document.c — the scenario being composed, its file, and its latest results
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mls-studio-document.h"

/* The scenario a new window shows before the user picks anything: an 8B-parameter language
 * model on the best-known datacenter accelerator, the pairing of the reference's tutorial. */
#define DEFAULT_WORKLOAD "Llama3_8B"
#define DEFAULT_HARDWARE "H100"

struct _MlsStudioDocument
{
  GObject        parent_instance;

  MlsEngine     *engine;
  MlsRegistry   *registry;
  MlsScenario   *scenario;
  MlsEnginePlan *plan;
  MlsLedger     *ledger;
  MlsEvaluation *evaluation;
  char          *error;
  char          *persona;
  GFile         *file;
  double         recompute_ms;
  guint          modified : 1;
  guint          auto_name : 1;
};

G_DEFINE_FINAL_TYPE (MlsStudioDocument, mls_studio_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCENARIO,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_TITLE,
  N_PROPS
};

enum {
  RECOMPUTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
mls_studio_document_dispose (GObject *object)
{
  MlsStudioDocument *self = MLS_STUDIO_DOCUMENT (object);

  g_clear_pointer (&self->plan, mls_engine_plan_unref);
  g_clear_object (&self->evaluation);
  g_clear_object (&self->ledger);
  g_clear_object (&self->scenario);
  g_clear_object (&self->file);
  g_clear_object (&self->engine);
  g_clear_object (&self->registry);
  G_OBJECT_CLASS (mls_studio_document_parent_class)->dispose (object);
}

static void
mls_studio_document_finalize (GObject *object)
{
  MlsStudioDocument *self = MLS_STUDIO_DOCUMENT (object);

  g_free (self->error);
  g_free (self->persona);
  G_OBJECT_CLASS (mls_studio_document_parent_class)->finalize (object);
}

static void
mls_studio_document_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MlsStudioDocument *self = MLS_STUDIO_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_TITLE:
      g_value_take_string (value, mls_studio_document_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mls_studio_document_class_init (MlsStudioDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mls_studio_document_dispose;
  object_class->finalize = mls_studio_document_finalize;
  object_class->get_property = mls_studio_document_get_property;

  /**
   * MlsStudioDocument:scenario:
   *
   * The scenario; notified when it is replaced (a file opened, a lighthouse scenario chosen),
   * not when one of its knobs changes (see #MlsStudioDocument::recomputed).
   */
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, MLS_TYPE_SCENARIO,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MlsStudioDocument::recomputed:
   *
   * Emitted after every change of the scenario, once the ledger and the evaluation hold its
   * results. Views redraw from here.
   */
  signals[RECOMPUTED] =
    g_signal_new ("recomputed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
mls_studio_document_init (MlsStudioDocument *self)
{
  self->ledger = mls_ledger_new ();
  mls_ledger_set_explain (self->ledger, TRUE);
  self->scenario = mls_scenario_new (NULL);
  self->auto_name = TRUE;
}

/**
 * mls_studio_document_new:
 * @engine: the engine that evaluates
 * @registry: the registry names are looked up in
 *
 * Returns: (transfer full): a document with an empty scenario; call
 *   mls_studio_document_load_default() to compose the default one
 */
MlsStudioDocument *
mls_studio_document_new (MlsEngine   *engine,
                         MlsRegistry *registry)
{
  MlsStudioDocument *self = g_object_new (MLS_STUDIO_TYPE_DOCUMENT, NULL);

  self->engine = g_object_ref (engine);
  self->registry = g_object_ref (registry);
  return self;
}

MlsEngine *
mls_studio_document_get_engine (MlsStudioDocument *self)
{
  return self->engine;
}

MlsRegistry *
mls_studio_document_get_registry (MlsStudioDocument *self)
{
  return self->registry;
}

MlsScenario *
mls_studio_document_get_scenario (MlsStudioDocument *self)
{
  return self->scenario;
}

/**
 * mls_studio_document_get_ledger:
 *
 * Returns: (transfer none): the results of every enabled solver for the scenario
 */
MlsLedger *
mls_studio_document_get_ledger (MlsStudioDocument *self)
{
  return self->ledger;
}

/**
 * mls_studio_document_get_evaluation:
 *
 * Returns: (transfer none) (nullable): the three-level scorecard, or %NULL when the scenario
 *   cannot be evaluated (see mls_studio_document_get_error())
 */
MlsEvaluation *
mls_studio_document_get_evaluation (MlsStudioDocument *self)
{
  return self->evaluation;
}

const char *
mls_studio_document_get_error (MlsStudioDocument *self)
{
  return self->error;
}

/**
 * mls_studio_document_get_persona:
 *
 * Returns: (nullable): the key of the persona the scenario was started from
 */
const char *
mls_studio_document_get_persona (MlsStudioDocument *self)
{
  return self->persona;
}

GFile *
mls_studio_document_get_file (MlsStudioDocument *self)
{
  return self->file;
}

gboolean
mls_studio_document_get_modified (MlsStudioDocument *self)
{
  return self->modified;
}

void
mls_studio_document_set_modified (MlsStudioDocument *self,
                                  gboolean           modified)
{
  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * mls_studio_document_dup_title:
 *
 * Returns: (transfer full): the file's name, or the scenario's name for an unsaved one
 */
char *
mls_studio_document_dup_title (MlsStudioDocument *self)
{
  const char *name;

  if (self->file != NULL)
    return g_file_get_basename (self->file);
  name = mls_scenario_get_name (self->scenario);
  return g_strdup (name != NULL && *name != '\0' ? name : _("New Scenario"));
}

static void
set_file (MlsStudioDocument *self,
          GFile             *file)
{
  if (g_set_object (&self->file, file))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

/* A scenario nobody has named is named after what it evaluates, as the CLI names them. */
static void
update_auto_name (MlsStudioDocument *self)
{
  MlsWorkload *workload = mls_scenario_get_workload (self->scenario);
  MlsHardwareNode *hardware = mls_scenario_get_hardware (self->scenario);
  MlsFleet *fleet = mls_scenario_get_fleet (self->scenario);
  g_autofree char *name = NULL;

  if (!self->auto_name || workload == NULL || hardware == NULL)
    return;
  name = g_strdup_printf (_("%s on %s"), mls_entry_get_name (MLS_ENTRY (workload)),
                          mls_entry_get_name (fleet != NULL ? MLS_ENTRY (fleet)
                                                            : MLS_ENTRY (hardware)));
  mls_scenario_set_name (self->scenario, name);
  if (self->file == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
replace_scenario (MlsStudioDocument *self,
                  MlsScenario       *scenario,
                  gboolean           auto_name)
{
  g_set_object (&self->scenario, scenario);
  self->auto_name = !!auto_name;
  update_auto_name (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  mls_studio_document_recompute (self);
}

static void
changed (MlsStudioDocument *self)
{
  mls_studio_document_set_modified (self, TRUE);
  mls_studio_document_recompute (self);
}

/**
 * mls_studio_document_load_default:
 * @efficiency: η of the new scenario (the default-efficiency preference)
 *
 * Composes the scenario a new window starts with.
 */
void
mls_studio_document_load_default (MlsStudioDocument *self,
                                  double             efficiency)
{
  g_autoptr(MlsScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  MlsEntry *entry;

  scenario = mls_plan_new_scenario (NULL, self->registry, &error);
  if (scenario == NULL)
    {
      g_warning ("Could not create a scenario: %s", error->message);
      scenario = mls_scenario_new (NULL);
      g_clear_error (&error);
    }
  if ((entry = mls_registry_lookup (self->registry, "models", DEFAULT_WORKLOAD, NULL)) != NULL)
    mls_scenario_set_workload (scenario, MLS_WORKLOAD (entry));
  if ((entry = mls_registry_lookup (self->registry, "hardware", DEFAULT_HARDWARE, NULL)) != NULL)
    mls_scenario_set_hardware (scenario, MLS_HARDWARE_NODE (entry));
  if (efficiency > 0 && efficiency <= 1)
    mls_scenario_set_knob (scenario, MLS_KNOB_EFFICIENCY, efficiency, NULL);

  g_clear_pointer (&self->persona, g_free);
  set_file (self, NULL);
  replace_scenario (self, scenario, TRUE);
  mls_studio_document_set_modified (self, FALSE);
}

/**
 * mls_studio_document_load_lighthouse:
 * @key: a lighthouse scenario key ("SmartDoorbell")
 *
 * Starts from a lighthouse scenario: an unsaved scenario with its workload, system and goals.
 */
gboolean
mls_studio_document_load_lighthouse (MlsStudioDocument *self,
                                     const char        *key,
                                     GError           **error)
{
  g_autoptr(MlsScenario) scenario = mls_lighthouse_new_scenario (self->registry, key, error);
  MlsEntry *persona;

  if (scenario == NULL)
    return FALSE;
  persona = mls_lighthouse_get_scenario_persona (self->registry, key);
  g_free (self->persona);
  self->persona = persona != NULL ? g_strdup (mls_entry_get_key (persona)) : NULL;
  set_file (self, NULL);
  replace_scenario (self, scenario, FALSE);
  mls_studio_document_set_modified (self, FALSE);
  return TRUE;
}

/**
 * mls_studio_document_load_persona:
 * @persona_key: a persona key ("tiny", "cloud")
 *
 * Starts from the first lighthouse scenario of a persona.
 */
gboolean
mls_studio_document_load_persona (MlsStudioDocument *self,
                                  const char        *persona_key,
                                  GError           **error)
{
  g_auto(GStrv) keys = mls_lighthouse_list_keys (self->registry);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      MlsEntry *entry = mls_registry_lookup (self->registry, "scenarios", keys[i], NULL);
      MlsEntry *persona = entry != NULL ? mls_entry_get_reference (entry, "persona") : NULL;

      if (persona != NULL && g_strcmp0 (mls_entry_get_key (persona), persona_key) == 0)
        return mls_studio_document_load_lighthouse (self, keys[i], error);
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("No lighthouse scenario belongs to the persona “%s”"), persona_key);
  return FALSE;
}

/**
 * mls_studio_document_load_file:
 * @file: a plan file (`.yaml`)
 *
 * Opens a plan. On error the current scenario is kept.
 */
gboolean
mls_studio_document_load_file (MlsStudioDocument *self,
                               GFile             *file,
                               GError           **error)
{
  g_autoptr(MlsScenario) scenario = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    scenario = mls_plan_load_file (path, self->registry, error);
  else
    {
      g_autofree char *data = NULL;
      g_autofree char *uri = g_file_get_uri (file);
      gsize length;

      if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
        return FALSE;
      scenario = mls_plan_load_data (data, length, uri, self->registry, error);
    }
  if (scenario == NULL)
    return FALSE;

  g_clear_pointer (&self->persona, g_free);
  set_file (self, file);
  replace_scenario (self, scenario, FALSE);
  mls_studio_document_set_modified (self, FALSE);
  return TRUE;
}

/**
 * mls_studio_document_load_data:
 * @data: a plan, as YAML text
 *
 * Replaces the scenario with an unsaved one read from @data (the restored last state).
 */
gboolean
mls_studio_document_load_data (MlsStudioDocument *self,
                               const char        *data,
                               GError           **error)
{
  g_autoptr(MlsScenario) scenario = mls_plan_load_data (data, -1, "last-scenario",
                                                        self->registry, error);

  if (scenario == NULL)
    return FALSE;
  g_clear_pointer (&self->persona, g_free);
  set_file (self, NULL);
  replace_scenario (self, scenario, FALSE);
  return TRUE;
}

/**
 * mls_studio_document_to_data:
 *
 * Returns: (transfer full) (nullable): the scenario as a plan (YAML)
 */
char *
mls_studio_document_to_data (MlsStudioDocument *self,
                             GError           **error)
{
  return mls_plan_to_data (self->scenario, self->registry, error);
}

/**
 * mls_studio_document_save_file:
 * @file: where to save
 *
 * Saves the scenario as a plan. The file is replaced atomically: a failed save leaves the
 * previous file whole.
 */
gboolean
mls_studio_document_save_file (MlsStudioDocument *self,
                               GFile             *file,
                               GError           **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    {
      if (!mls_plan_save_file (self->scenario, path, self->registry, error))
        return FALSE;
    }
  else
    {
      g_autofree char *data = mls_plan_to_data (self->scenario, self->registry, error);

      /* GIO writes a temporary file and renames it over the old one. */
      if (data == NULL ||
          !g_file_replace_contents (file, data, strlen (data), NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error))
        return FALSE;
    }
  set_file (self, file);
  mls_studio_document_set_modified (self, FALSE);
  return TRUE;
}

static void
start_operations (MlsStudioDocument *self)
{
  MlsQuantity duration;
  double days;

  if (mls_registry_get_constant (self->registry, "default_duration", &duration, NULL) &&
      mls_quantity_convert (&duration, "d", &days, NULL))
    mls_scenario_set_knob (self->scenario, MLS_KNOB_DURATION_DAYS, days, NULL);
  mls_scenario_set_operations (self->scenario, TRUE);
}

static gboolean
set_entry (MlsStudioDocument *self,
           const char        *category,
           const char        *key,
           MlsEntry         **out,
           GError           **error)
{
  *out = NULL;
  if (key == NULL || *key == '\0')
    return TRUE;
  *out = mls_registry_lookup (self->registry, category, key, error);
  return *out != NULL;
}

gboolean
mls_studio_document_set_workload (MlsStudioDocument *self,
                                  const char        *key,
                                  GError           **error)
{
  MlsEntry *entry;

  if (!set_entry (self, "models", key, &entry, error) || entry == NULL)
    return entry != NULL;
  if ((MlsWorkload *) entry == mls_scenario_get_workload (self->scenario))
    return TRUE;
  mls_scenario_set_workload (self->scenario, MLS_WORKLOAD (entry));
  update_auto_name (self);
  changed (self);
  return TRUE;
}

/**
 * mls_studio_document_set_hardware:
 * @key: a hardware key
 *
 * Runs the scenario on one accelerator of @key; a fleet is dropped.
 */
gboolean
mls_studio_document_set_hardware (MlsStudioDocument *self,
                                  const char        *key,
                                  GError           **error)
{
  MlsEntry *entry;

  if (!set_entry (self, "hardware", key, &entry, error) || entry == NULL)
    return entry != NULL;
  if ((MlsHardwareNode *) entry == mls_scenario_get_hardware (self->scenario) &&
      mls_scenario_get_fleet (self->scenario) == NULL)
    return TRUE;
  mls_scenario_set_fleet (self->scenario, NULL);
  mls_scenario_set_hardware (self->scenario, MLS_HARDWARE_NODE (entry));
  update_auto_name (self);
  changed (self);
  return TRUE;
}

/**
 * mls_studio_document_set_fleet:
 * @key: (nullable): a cluster key, or %NULL for a single accelerator
 *
 * Runs the scenario on a registry cluster; its accelerator becomes the scenario's hardware.
 */
gboolean
mls_studio_document_set_fleet (MlsStudioDocument *self,
                               const char        *key,
                               GError           **error)
{
  MlsEntry *entry;

  if (!set_entry (self, "clusters", key, &entry, error))
    return FALSE;
  if ((MlsFleet *) entry == mls_scenario_get_fleet (self->scenario))
    return TRUE;
  mls_scenario_set_fleet (self->scenario, entry != NULL ? MLS_FLEET (entry) : NULL);
  update_auto_name (self);
  changed (self);
  return TRUE;
}

gboolean
mls_studio_document_set_grid (MlsStudioDocument *self,
                              const char        *key,
                              GError           **error)
{
  MlsEntry *entry;

  if (!set_entry (self, "grids", key, &entry, error))
    return FALSE;
  if ((MlsGridProfile *) entry == mls_scenario_get_grid (self->scenario))
    return TRUE;
  mls_scenario_set_grid (self->scenario, entry != NULL ? MLS_GRID_PROFILE (entry) : NULL);
  /* A region is asked for its energy, cost and carbon, over the plans' default period: as
   * `mlsysim eval --region` does, and as a plan requires. */
  if (entry != NULL && !mls_scenario_get_operations (self->scenario))
    start_operations (self);
  changed (self);
  return TRUE;
}

void
mls_studio_document_set_precision (MlsStudioDocument *self,
                                   MlsPrecision       precision)
{
  if (mls_scenario_get_precision (self->scenario) == precision)
    return;
  mls_scenario_set_precision (self->scenario, precision);
  changed (self);
}

void
mls_studio_document_set_training (MlsStudioDocument *self,
                                  gboolean           training)
{
  if (!mls_scenario_get_training (self->scenario) == !training)
    return;
  mls_scenario_set_training (self->scenario, training);
  changed (self);
}

void
mls_studio_document_set_activation_recompute (MlsStudioDocument *self,
                                              gboolean           recompute)
{
  if (!mls_scenario_get_activation_recompute (self->scenario) == !recompute)
    return;
  mls_scenario_set_activation_recompute (self->scenario, recompute);
  changed (self);
}

/**
 * mls_studio_document_set_operations:
 * @operations: whether the scenario runs for a period, with energy, cost and carbon
 *
 * Turning operations off also drops the region, which only they use.
 */
void
mls_studio_document_set_operations (MlsStudioDocument *self,
                                    gboolean           operations)
{
  if (!mls_scenario_get_operations (self->scenario) == !operations)
    return;
  if (operations)
    start_operations (self);
  else
    {
      mls_scenario_set_operations (self->scenario, FALSE);
      mls_scenario_set_grid (self->scenario, NULL);
    }
  changed (self);
}

/**
 * mls_studio_document_set_knob:
 * @knob: the knob
 * @value: its value
 *
 * Returns: %FALSE, with @error set, when @value is out of the knob's range
 */
gboolean
mls_studio_document_set_knob (MlsStudioDocument *self,
                              MlsKnob            knob,
                              double             value,
                              GError           **error)
{
  if (mls_scenario_get_knob (self->scenario, knob) == value)
    return TRUE;
  if (!mls_scenario_set_knob (self->scenario, knob, value, error))
    return FALSE;
  changed (self);
  return TRUE;
}

/**
 * mls_studio_document_set_parameter:
 * @id: a solver parameter id ("serving.prefill_chunk_tokens")
 * @value: (nullable): its value; %NULL returns it to the solver's default
 */
void
mls_studio_document_set_parameter (MlsStudioDocument *self,
                                   const char        *id,
                                   const MlsQuantity *value)
{
  MlsQuantity old;

  if (value == NULL)
    {
      if (!mls_scenario_get_parameter (self->scenario, id, &old))
        return;
      mls_scenario_unset_parameter (self->scenario, id);
    }
  else
    {
      if (mls_scenario_get_parameter (self->scenario, id, &old) && old.value == value->value &&
          memcmp (old.dims, value->dims, sizeof old.dims) == 0)
        return;
      mls_scenario_set_parameter (self->scenario, id, value);
    }
  changed (self);
}

/**
 * mls_studio_document_set_sla_latency:
 * @latency: (nullable): the latency target, or %NULL for none
 */
void
mls_studio_document_set_sla_latency (MlsStudioDocument *self,
                                     const MlsQuantity *latency)
{
  mls_scenario_set_sla_latency (self->scenario, latency);
  changed (self);
}

/**
 * mls_studio_document_solvers_changed:
 *
 * Call after enabling or disabling a solver: the plan is rebuilt and everything recomputed.
 */
void
mls_studio_document_solvers_changed (MlsStudioDocument *self)
{
  g_clear_pointer (&self->plan, mls_engine_plan_unref);
  mls_studio_document_recompute (self);
}

static MlsEnginePlan *
ensure_plan (MlsStudioDocument *self)
{
  if (self->plan == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->plan = mls_engine_plan (self->engine, NULL, &error);
      if (self->plan == NULL)
        {
          g_free (self->error);
          self->error = g_strdup (error->message);
        }
    }
  return self->plan;
}

/**
 * mls_studio_document_evaluate_copy:
 * @scenario: another scenario (a compared device, a sweep point)
 * @ledger: the ledger to fill
 *
 * Runs the document's solvers on @scenario.
 *
 * Returns: the number of solvers that failed
 */
guint
mls_studio_document_evaluate_copy (MlsStudioDocument *self,
                                   MlsScenario       *scenario,
                                   MlsLedger         *ledger)
{
  MlsEnginePlan *plan = ensure_plan (self);

  if (plan == NULL)
    {
      mls_ledger_reset (ledger);
      return 1;
    }
  return mls_engine_plan_run (plan, scenario, ledger);
}

/**
 * mls_studio_document_recompute:
 *
 * Runs every enabled solver and the scorecard on the scenario, then emits
 * #MlsStudioDocument::recomputed. Setters call it; call it directly after changing the
 * scenario behind the document's back.
 */
void
mls_studio_document_recompute (MlsStudioDocument *self)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  MlsEnginePlan *plan;

  g_clear_pointer (&self->error, g_free);
  g_clear_object (&self->evaluation);

  plan = ensure_plan (self);
  if (plan != NULL)
    mls_engine_plan_run (plan, self->scenario, self->ledger);
  else
    mls_ledger_reset (self->ledger);

  if (mls_scenario_get_workload (self->scenario) != NULL &&
      mls_scenario_get_hardware (self->scenario) != NULL)
    {
      self->evaluation = mls_evaluation_compute (self->engine, self->scenario, &error);
      if (self->evaluation == NULL && self->error == NULL)
        self->error = g_strdup (error->message);
    }
  else if (self->error == NULL)
    self->error = g_strdup (_("Choose a workload and hardware to evaluate"));

  g_signal_emit (self, signals[RECOMPUTED], 0);
  self->recompute_ms = (g_get_monotonic_time () - start) / 1000.0;
}

/**
 * mls_studio_document_get_recompute_ms:
 *
 * Returns: how long the last recompute took, views included [ms]
 */
double
mls_studio_document_get_recompute_ms (MlsStudioDocument *self)
{
  return self->recompute_ms;
}
