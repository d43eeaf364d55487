/* mls-engine.c — discovers solver plugins and runs them in dependency order
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <girepository.h>
#include <libpeas/peas.h>
#include <math.h>
#include <string.h>

#include "mlsysim.h"
#include "mls-ledger-private.h"

typedef gboolean (*SolveFunc) (MlsSolver   *self,
                               MlsScenario *scenario,
                               MlsLedger   *ledger,
                               GError     **error);

/* Dimensions of a declared metric, parsed once, to check what a solver writes. */
typedef struct
{
  GQuark      quark;
  gboolean    text;
  MlsQuantity unit;
} MetricCheck;

typedef struct
{
  char          *id;      /* interned by g_intern_string */
  MlsSolver     *solver;
  MlsSolverInfo *info;
  SolveFunc      solve;   /* the vfunc, looked up once */
  MlsSolverInput inputs;
  GArray        *checks;  /* MetricCheck */
  gboolean       enabled;
  char          *module_dir;
} Slot;

struct _MlsEnginePlan
{
  gatomicrefcount ref_count;
  guint           n_slots;
  Slot          **slots;   /* borrowed from the engine, which outlives the plan's users */
  MlsEngine      *engine;  /* strong */
};

struct _MlsEngine
{
  GObject      parent_instance;
  MlsRegistry *registry;
  PeasEngine  *peas;
  GPtrArray   *slots;        /* Slot* */
  GPtrArray   *load_errors;  /* char*, NULL-terminated */
  GPtrArray   *search_paths; /* char* */
  GPtrArray   *deferred;     /* PeasPluginInfo*: Python plugins not loaded yet */
  gboolean     discovered;
};

G_DEFINE_FINAL_TYPE (MlsEngine, mls_engine, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (MlsEnginePlan, mls_engine_plan, mls_engine_plan_ref, mls_engine_plan_unref)

static void
slot_free (gpointer data)
{
  Slot *slot = data;

  g_clear_object (&slot->solver);
  g_clear_object (&slot->info);
  g_clear_pointer (&slot->checks, g_array_unref);
  g_free (slot->module_dir);
  g_free (slot);
}

static void
mls_engine_finalize (GObject *object)
{
  MlsEngine *self = MLS_ENGINE (object);

  g_ptr_array_unref (self->slots);
  g_ptr_array_unref (self->load_errors);
  g_ptr_array_unref (self->search_paths);
  g_ptr_array_unref (self->deferred);
  g_clear_object (&self->peas);
  g_clear_object (&self->registry);
  G_OBJECT_CLASS (mls_engine_parent_class)->finalize (object);
}

static void
mls_engine_class_init (MlsEngineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mls_engine_finalize;
}

static void
mls_engine_init (MlsEngine *self)
{
  self->slots = g_ptr_array_new_with_free_func (slot_free);
  self->load_errors = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->search_paths = g_ptr_array_new_with_free_func (g_free);
  self->deferred = g_ptr_array_new ();
}

static void
add_default_search_paths (MlsEngine *self)
{
  const char *env = g_getenv ("MLSYSIM_PLUGIN_PATH");

  if (env != NULL && *env != '\0')
    {
      g_auto(GStrv) dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);
      for (guint i = 0; dirs[i] != NULL; i++)
        if (*dirs[i] != '\0')
          mls_engine_add_search_path (self, dirs[i]);
    }
  if (g_strcmp0 (g_getenv ("MLSYSIM_NO_USER_DIRS"), "1") != 0)
    {
      g_autofree char *user = g_build_filename (g_get_user_data_dir (), "mlsysim", "plugins",
                                                NULL);
      mls_engine_add_search_path (self, user);
    }
  mls_engine_add_search_path (self, MLS_PLUGIN_DIR);
}

/**
 * mls_engine_new:
 * @registry: (nullable): the registry solvers read constants from; %NULL for the default
 *
 * Creates an engine with the standard plugin search path: each directory of
 * `$MLSYSIM_PLUGIN_PATH`, then `~/.local/share/mlsysim/plugins`, then the installed plugin
 * directory. Plugins are discovered on first use, or by mls_engine_discover().
 *
 * Returns: (transfer full): a new engine
 */
MlsEngine *
mls_engine_new (MlsRegistry *registry)
{
  MlsEngine *self = g_object_new (MLS_TYPE_ENGINE, NULL);

  if (registry != NULL)
    self->registry = g_object_ref (registry);
  else
    {
      g_autoptr(GError) error = NULL;
      MlsRegistry *def = mls_registry_get_default (&error);

      if (def == NULL)
        g_ptr_array_add (self->load_errors,
                         g_strdup_printf (_("The registry failed to load: %s"), error->message));
      else
        self->registry = g_object_ref (def);
    }
  add_default_search_paths (self);
  return self;
}

/**
 * mls_engine_get_default:
 *
 * Returns: (transfer none): the process's engine on the default registry, with its plugins
 *   discovered
 */
MlsEngine *
mls_engine_get_default (void)
{
  static MlsEngine *engine;

  if (g_once_init_enter (&engine))
    {
      MlsEngine *e = mls_engine_new (NULL);
      mls_engine_discover (e);
      g_once_init_leave (&engine, e);
    }
  return engine;
}

/**
 * mls_engine_add_search_path:
 * @self: a #MlsEngine
 * @path: a directory whose subdirectories hold plugins
 *
 * Adds a directory to search; call before mls_engine_discover().
 */
void
mls_engine_add_search_path (MlsEngine  *self,
                            const char *path)
{
  for (guint i = 0; i < self->search_paths->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->search_paths, i), path) == 0)
      return;
  g_ptr_array_add (self->search_paths, g_strdup (path));
}

/**
 * mls_engine_get_registry:
 * @self: a #MlsEngine
 *
 * Returns: (transfer none) (nullable): the registry the solvers read
 */
MlsRegistry *
mls_engine_get_registry (MlsEngine *self)
{
  return self->registry;
}

static Slot *
find_slot (MlsEngine  *self,
           const char *id)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = g_ptr_array_index (self->slots, i);
      if (g_ascii_strcasecmp (slot->id, id) == 0)
        return slot;
    }
  return NULL;
}

static gboolean
build_checks (Slot    *slot,
              GError **error)
{
  guint n = mls_solver_info_get_n_metrics (slot->info);

  slot->checks = g_array_sized_new (FALSE, TRUE, sizeof (MetricCheck), n);
  for (guint i = 0; i < n; i++)
    {
      const MlsMetricSpec *spec = mls_solver_info_get_metric (slot->info, i);
      MetricCheck check = { spec->quark, g_strcmp0 (spec->unit, "text") == 0, { 1.0, { 0 } } };

      if (!g_str_has_prefix (spec->id, slot->id) || spec->id[strlen (slot->id)] != '.')
        {
          g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                       _("Solver “%s” declares metric “%s”; metric ids must start with “%s.”"),
                       slot->id, spec->id, slot->id);
          return FALSE;
        }
      if (!check.text && !mls_quantity_from_unit (1.0, spec->unit, &check.unit, error))
        {
          g_prefix_error (error, _("Solver “%s”, metric “%s”: "), slot->id, spec->id);
          return FALSE;
        }
      g_array_append_val (slot->checks, check);
    }
  return TRUE;
}

/**
 * mls_engine_add_solver:
 * @self: a #MlsEngine
 * @solver: a solver, from a plugin or built by the caller
 * @error: return location for a #GError
 *
 * Describes and prepares @solver and makes it available under its id.
 *
 * Returns: %TRUE on success; %FALSE if it describes itself badly, fails to prepare, or its id
 *   is taken
 */
gboolean
mls_engine_add_solver (MlsEngine *self,
                       MlsSolver *solver,
                       GError   **error)
{
  g_autoptr(MlsSolverInfo) info = NULL;
  Slot *slot;

  g_return_val_if_fail (MLS_IS_SOLVER (solver), FALSE);

  info = mls_solver_describe (solver);
  if (!MLS_IS_SOLVER_INFO (info) || mls_solver_info_get_id (info) == NULL ||
      *mls_solver_info_get_id (info) == '\0')
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                   _("A solver of type %s did not describe itself (no id)"),
                   G_OBJECT_TYPE_NAME (solver));
      return FALSE;
    }
  if (find_slot (self, mls_solver_info_get_id (info)) != NULL)
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                   _("Two solvers have the id “%s”; the second one is ignored"),
                   mls_solver_info_get_id (info));
      return FALSE;
    }
  if (self->registry != NULL && !mls_solver_prepare (solver, self->registry, error))
    {
      g_prefix_error (error, _("Solver “%s” could not prepare: "), mls_solver_info_get_id (info));
      return FALSE;
    }

  slot = g_new0 (Slot, 1);
  slot->id = (char *) g_intern_string (mls_solver_info_get_id (info));
  slot->solver = g_object_ref (solver);
  slot->info = g_steal_pointer (&info);
  slot->solve = MLS_SOLVER_GET_IFACE (solver)->solve;
  slot->inputs = mls_solver_info_get_inputs (slot->info);
  slot->enabled = TRUE;
  if (slot->solve == NULL || !build_checks (slot, error))
    {
      if (slot->solve == NULL)
        g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                     _("Solver “%s” has no solve function"), slot->id);
      slot_free (slot);
      return FALSE;
    }
  g_ptr_array_add (self->slots, slot);
  return TRUE;
}

static void
add_load_error (MlsEngine      *self,
                PeasPluginInfo *plugin,
                const char     *message)
{
  g_ptr_array_add (self->load_errors,
                   g_strdup_printf (_("Plugin “%s” (%s) failed to load: %s"),
                                    peas_plugin_info_get_module_name (plugin),
                                    peas_plugin_info_get_module_dir (plugin), message));
}

static void
load_plugin (MlsEngine      *self,
             PeasPluginInfo *plugin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) extension = NULL;

  if (!peas_engine_load_plugin (self->peas, plugin))
    {
      GError *why = NULL;
      if (!peas_plugin_info_is_available (plugin, &why) && why != NULL)
        {
          add_load_error (self, plugin, why->message);
          g_error_free (why);
        }
      else
        add_load_error (self, plugin, _("the module could not be loaded"));
      return;
    }
  if (!peas_engine_provides_extension (self->peas, plugin, MLS_TYPE_SOLVER))
    {
      add_load_error (self, plugin, _("it does not provide an MlsSolver"));
      return;
    }
  extension = peas_engine_create_extension (self->peas, plugin, MLS_TYPE_SOLVER, NULL);
  if (extension == NULL || !MLS_IS_SOLVER (extension))
    {
      add_load_error (self, plugin, _("its solver could not be created"));
      return;
    }
  if (!mls_engine_add_solver (self, MLS_SOLVER (extension), &error))
    {
      add_load_error (self, plugin, error->message);
      return;
    }
  ((Slot *) g_ptr_array_index (self->slots, self->slots->len - 1))->module_dir =
    g_strdup (peas_plugin_info_get_module_dir (plugin));
}

static gboolean
is_python_plugin (PeasPluginInfo *plugin)
{
  const char *dir = peas_plugin_info_get_module_dir (plugin);
  const char *module = peas_plugin_info_get_module_name (plugin);
  g_autofree char *file = g_strconcat (module, ".py", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *package = g_build_filename (dir, module, "__init__.py", NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (package, G_FILE_TEST_EXISTS);
}

static gboolean load_deferred (MlsEngine *self);

/**
 * mls_engine_discover:
 * @self: a #MlsEngine
 *
 * Loads every solver plugin found on the search path, in C or in Python. A plugin that fails
 * is recorded in mls_engine_get_load_errors(); the others keep working. Calling it again does
 * nothing.
 */
void
mls_engine_discover (MlsEngine *self)
{
  const GList *plugins;

  if (self->discovered)
    return;
  self->discovered = TRUE;

  self->peas = peas_engine_new ();
  /* Python plugins import Mlsysim through introspection: make the installed typelib findable
   * without GI_TYPELIB_PATH (the uninstalled one comes first through that variable). */
  if (g_getenv ("GI_TYPELIB_PATH") == NULL)
    g_irepository_prepend_search_path (MLS_TYPELIB_DIR);
  peas_engine_enable_loader (self->peas, "python3");
  for (guint i = 0; i < self->search_paths->len; i++)
    {
      const char *dir = g_ptr_array_index (self->search_paths, i);
      if (g_file_test (dir, G_FILE_TEST_IS_DIR))
        peas_engine_add_search_path (self->peas, dir, NULL);
    }

  plugins = peas_engine_get_plugin_list (self->peas);
  for (const GList *l = plugins; l != NULL; l = l->next)
    if (is_python_plugin (l->data))
      g_ptr_array_add (self->deferred, l->data);
    else
      load_plugin (self, l->data);
}

/* Starting the Python interpreter costs more than everything else a command does, so Python
 * plugins load only when something needs them: a list of all solvers, an id not found among
 * the native ones, or a requirement nobody native produces. */
static gboolean
load_deferred (MlsEngine *self)
{
  if (self->deferred->len == 0)
    return FALSE;
  for (guint i = 0; i < self->deferred->len; i++)
    load_plugin (self, g_ptr_array_index (self->deferred, i));
  g_ptr_array_set_size (self->deferred, 0);
  return TRUE;
}

static Slot *
find_slot_loading (MlsEngine  *self,
                   const char *id)
{
  Slot *slot;

  mls_engine_discover (self);
  slot = find_slot (self, id);
  if (slot == NULL && load_deferred (self))
    slot = find_slot (self, id);
  return slot;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/**
 * mls_engine_list_solvers:
 * @self: a #MlsEngine
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids of every solver, sorted
 */
char **
mls_engine_list_solvers (MlsEngine *self)
{
  GPtrArray *ids = g_ptr_array_new ();

  mls_engine_discover (self);
  load_deferred (self);
  for (guint i = 0; i < self->slots->len; i++)
    g_ptr_array_add (ids, g_strdup (((Slot *) g_ptr_array_index (self->slots, i))->id));
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

static void
set_unknown_error (MlsEngine  *self,
                   const char *id,
                   GError    **error)
{
  g_auto(GStrv) ids = mls_engine_list_solvers (self);
  g_auto(GStrv) near = mls_suggest_nearest (id, (const char * const *) ids, 3);
  g_autofree char *all = g_strjoinv (", ", ids);

  if (near[0] != NULL)
    g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_UNKNOWN,
                 _("No solver “%s”; did you mean “%s”? Solvers: %s"), id, near[0], all);
  else
    g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_UNKNOWN,
                 _("No solver “%s”. Solvers: %s"), id, all);
}

/**
 * mls_engine_get_solver:
 * @self: a #MlsEngine
 * @id: a solver id (case-insensitive)
 * @error: return location for a #GError
 *
 * Returns: (transfer none) (nullable): the solver, or %NULL with an error suggesting near ids
 */
MlsSolver *
mls_engine_get_solver (MlsEngine  *self,
                       const char *id,
                       GError    **error)
{
  Slot *slot;

  slot = find_slot_loading (self, id);
  if (slot == NULL)
    {
      set_unknown_error (self, id, error);
      return NULL;
    }
  return slot->solver;
}

/**
 * mls_engine_get_info:
 * @self: a #MlsEngine
 * @id: a solver id (case-insensitive)
 *
 * Returns: (transfer none) (nullable): the solver's description
 */
MlsSolverInfo *
mls_engine_get_info (MlsEngine  *self,
                     const char *id)
{
  Slot *slot;

  slot = find_slot_loading (self, id);
  return slot ? slot->info : NULL;
}

/**
 * mls_engine_get_load_errors:
 * @self: a #MlsEngine
 *
 * Python plugins load when first needed (see mls_engine_list_solvers()), so their failures
 * appear once something has asked for them.
 *
 * Returns: (transfer none) (array zero-terminated=1): one message per plugin that failed to
 *   load, naming it and where it is
 */
const char * const *
mls_engine_get_load_errors (MlsEngine *self)
{
  static const char * const none[] = { NULL };

  mls_engine_discover (self);
  return self->load_errors->len ? (const char * const *) self->load_errors->pdata : none;
}

/**
 * mls_engine_set_enabled:
 * @self: a #MlsEngine
 * @id: a solver id
 * @enabled: whether evaluations of all solvers include it
 *
 * Returns: %FALSE if there is no such solver
 */
gboolean
mls_engine_set_enabled (MlsEngine  *self,
                        const char *id,
                        gboolean    enabled)
{
  Slot *slot;

  slot = find_slot_loading (self, id);
  if (slot == NULL)
    return FALSE;
  slot->enabled = !!enabled;
  return TRUE;
}

/**
 * mls_engine_get_enabled:
 * @self: a #MlsEngine
 * @id: a solver id
 *
 * Returns: whether the solver exists and is enabled
 */
gboolean
mls_engine_get_enabled (MlsEngine  *self,
                        const char *id)
{
  Slot *slot;

  slot = find_slot_loading (self, id);
  return slot != NULL && slot->enabled;
}

static Slot *
find_native_producer (MlsEngine  *self,
                      const char *metric_id)
{
  GQuark q = g_quark_try_string (metric_id);

  for (guint i = 0; q != 0 && i < self->slots->len; i++)
    {
      Slot *slot = g_ptr_array_index (self->slots, i);
      if (mls_solver_info_find_metric (slot->info, q) != NULL)
        return slot;
    }
  return NULL;
}

static Slot *
find_producer (MlsEngine  *self,
               const char *metric_id)
{
  Slot *slot = find_native_producer (self, metric_id);

  if (slot == NULL && load_deferred (self))
    slot = find_native_producer (self, metric_id);
  return slot;
}

/* Depth-first topological order: every producer of a slot's requirements comes first.
 * mark: 0 unvisited, 1 on the stack, 2 done. */
static gboolean
visit (MlsEngine  *self,
       Slot       *slot,
       GHashTable *marks,
       GPtrArray  *order,
       GError    **error)
{
  int mark = GPOINTER_TO_INT (g_hash_table_lookup (marks, slot));
  const char * const *reqs;

  if (mark == 2)
    return TRUE;
  if (mark == 1)
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_CYCLE,
                   _("Solvers require each other's metrics in a cycle through “%s”"), slot->id);
      return FALSE;
    }
  g_hash_table_insert (marks, slot, GINT_TO_POINTER (1));
  reqs = mls_solver_info_get_requirements (slot->info);
  for (guint i = 0; reqs[i] != NULL; i++)
    {
      Slot *producer = find_producer (self, reqs[i]);
      /* A requirement nobody produces is left to the solver, which reports it. */
      if (producer != NULL && producer != slot && !visit (self, producer, marks, order, error))
        return FALSE;
    }
  g_hash_table_insert (marks, slot, GINT_TO_POINTER (2));
  g_ptr_array_add (order, slot);
  return TRUE;
}

/**
 * mls_engine_plan:
 * @self: a #MlsEngine
 * @solver_ids: (nullable) (array zero-terminated=1): the solvers to run; %NULL for every
 *   enabled model (solvers and optimizers run only when named)
 * @error: return location for a #GError
 *
 * Orders the solvers so that each runs after those whose metrics it requires, adding those
 * producers when they were not asked for.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL for an unknown id or a cycle
 */
MlsEnginePlan *
mls_engine_plan (MlsEngine          *self,
                 const char * const *solver_ids,
                 GError            **error)
{
  g_autoptr(GHashTable) marks = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  MlsEnginePlan *plan;

  mls_engine_discover (self);
  if (solver_ids == NULL)
    {
      load_deferred (self);
      for (guint i = 0; i < self->slots->len; i++)
        {
          Slot *slot = g_ptr_array_index (self->slots, i);
          /* "everything" means the forward models; solvers and optimizers run many models
           * each and are asked for by name */
          if (mls_solver_info_get_kind (slot->info) != MLS_SOLVER_KIND_MODEL)
            continue;
          if (slot->enabled && !visit (self, slot, marks, order, error))
            return NULL;
        }
    }
  else
    for (guint i = 0; solver_ids[i] != NULL; i++)
      {
        Slot *slot = find_slot_loading (self, solver_ids[i]);
        if (slot == NULL)
          {
            set_unknown_error (self, solver_ids[i], error);
            return NULL;
          }
        if (!visit (self, slot, marks, order, error))
          return NULL;
      }

  plan = g_new0 (MlsEnginePlan, 1);
  g_atomic_ref_count_init (&plan->ref_count);
  plan->engine = g_object_ref (self);
  plan->n_slots = order->len;
  plan->slots = (Slot **) g_ptr_array_free (g_steal_pointer (&order), FALSE);
  return plan;
}

/**
 * mls_engine_plan_ref:
 * @plan: a #MlsEnginePlan
 *
 * Returns: (transfer full): @plan
 */
MlsEnginePlan *
mls_engine_plan_ref (MlsEnginePlan *plan)
{
  g_atomic_ref_count_inc (&plan->ref_count);
  return plan;
}

/**
 * mls_engine_plan_unref:
 * @plan: (transfer full): a #MlsEnginePlan
 */
void
mls_engine_plan_unref (MlsEnginePlan *plan)
{
  if (g_atomic_ref_count_dec (&plan->ref_count))
    {
      g_free (plan->slots);
      g_object_unref (plan->engine);
      g_free (plan);
    }
}

/**
 * mls_engine_plan_get_n_solvers:
 * @plan: a #MlsEnginePlan
 *
 * Returns: the number of solvers the plan runs
 */
guint
mls_engine_plan_get_n_solvers (MlsEnginePlan *plan)
{
  return plan->n_slots;
}

/**
 * mls_engine_plan_get_solver_id:
 * @plan: a #MlsEnginePlan
 * @index: a position in the plan
 *
 * Returns: the id of the solver at @index
 */
const char *
mls_engine_plan_get_solver_id (MlsEnginePlan *plan,
                               guint          index)
{
  g_return_val_if_fail (index < plan->n_slots, NULL);
  return plan->slots[index]->id;
}

static const char *
missing_input (Slot        *slot,
               MlsScenario *scenario)
{
  MlsWorkload *workload = mls_scenario_get_workload (scenario);

  if ((slot->inputs & MLS_SOLVER_INPUT_WORKLOAD) && workload == NULL)
    return N_("needs a workload");
  if ((slot->inputs & MLS_SOLVER_INPUT_HARDWARE) && mls_scenario_get_hardware (scenario) == NULL)
    return N_("needs hardware");
  if ((slot->inputs & MLS_SOLVER_INPUT_FLEET) && mls_scenario_get_fleet (scenario) == NULL)
    return N_("needs a fleet of several nodes");
  if ((slot->inputs & MLS_SOLVER_INPUT_TRANSFORMER) &&
      (workload == NULL || mls_workload_get_layers (workload) == 0 ||
       mls_workload_get_heads (workload) == 0))
    return N_("needs a transformer workload");
  return NULL;
}

static const MetricCheck *
find_check (Slot  *slot,
            GQuark id)
{
  const MetricCheck *checks = (const MetricCheck *) (gconstpointer) slot->checks->data;

  for (guint i = 0; i < slot->checks->len; i++)
    if (checks[i].quark == id)
      return &checks[i];
  return NULL;
}

/* Rejects what no physics allows: NaN, negative times, units other than declared. Only the
 * metrics the solver appended (from @first on) are looked at. A plugin that writes them is
 * named, and its results are not trusted. */
static gboolean
check_results (Slot      *slot,
               MlsLedger *ledger,
               guint      first,
               GError   **error)
{
  static const MlsQuantity one_second = { 1.0, { 1 } };
  guint n;
  const MlsLedgerMetric *metrics = mls_ledger_peek_metrics (ledger, &n);

  for (guint i = first; i < n; i++)
    {
      const MlsLedgerMetric *m = &metrics[i];
      const MetricCheck *check;

      if (m->text != NULL)
        continue;
      if (isnan (m->value.value))
        {
          g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_NONSENSE,
                       _("Solver “%s” produced a value that is not a number for “%s”"),
                       slot->id, g_quark_to_string (m->id));
          return FALSE;
        }
      /* the expected check is usually the i-th declared one: try that first */
      check = (i - first < slot->checks->len &&
               g_array_index (slot->checks, MetricCheck, i - first).quark == m->id)
                ? &g_array_index (slot->checks, MetricCheck, i - first)
                : find_check (slot, m->id);
      if (check != NULL && !check->text && !mls_quantity_same_dimension (&m->value, &check->unit))
        {
          g_autofree char *got = mls_quantity_describe_dimension (&m->value);
          g_autofree char *want = mls_quantity_describe_dimension (&check->unit);
          g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_NONSENSE,
                       _("Solver “%s” wrote %s for “%s”, which it declared as %s"), slot->id,
                       got, g_quark_to_string (m->id), want);
          return FALSE;
        }
      if (m->value.value < 0 && mls_quantity_same_dimension (&m->value, &one_second))
        {
          g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_NONSENSE,
                       _("Solver “%s” produced a negative time for “%s”"), slot->id,
                       g_quark_to_string (m->id));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * mls_engine_plan_run:
 * @plan: a #MlsEnginePlan
 * @scenario: what is asked
 * @ledger: where the results go; it is reset first
 *
 * Runs every solver of the plan. A solver that cannot be fed is skipped; one that fails is
 * marked failed with its error as message, and the others still run. Safe to call from
 * several threads at once with different scenarios and ledgers.
 *
 * Returns: the number of solvers that failed
 */
guint
mls_engine_plan_run (MlsEnginePlan *plan,
                     MlsScenario   *scenario,
                     MlsLedger     *ledger)
{
  guint failures = 0;

  mls_ledger_reset (ledger);
  for (guint i = 0; i < plan->n_slots; i++)
    {
      Slot *slot = plan->slots[i];
      const char *missing = missing_input (slot, scenario);
      GError *error = NULL;
      guint first;

      if (missing != NULL)
        {
          mls_ledger_set_status (ledger, slot->id, MLS_SOLVE_SKIPPED, _(missing));
          continue;
        }
      first = mls_ledger_get_n_metrics (ledger);
      if (!slot->solve (slot->solver, scenario, ledger, &error) ||
          !check_results (slot, ledger, first, &error))
        {
          /* what a solver wrote before it was refused as nonsense must not feed the others */
          if (error != NULL && g_error_matches (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_NONSENSE))
            mls_ledger_truncate_metrics (ledger, first);
          failures++;
          mls_ledger_set_status (ledger, slot->id, MLS_SOLVE_FAILED,
                                 error ? error->message : _("the solver failed without saying why"));
          g_clear_error (&error);
          continue;
        }
      if (mls_ledger_get_status (ledger, slot->id, NULL) == MLS_SOLVE_PENDING)
        mls_ledger_set_status (ledger, slot->id, MLS_SOLVE_OK, NULL);
    }
  return failures;
}

/**
 * mls_engine_solve:
 * @self: a #MlsEngine
 * @solver_ids: (nullable) (array zero-terminated=1): the solvers to run; %NULL for all
 * @scenario: what is asked
 * @ledger: where the results go
 * @error: return location for a #GError
 *
 * Plans and runs in one call. Failures of individual solvers are in the ledger's statuses.
 *
 * Returns: %FALSE only if the solvers could not be planned (unknown id, cycle)
 */
gboolean
mls_engine_solve (MlsEngine          *self,
                  const char * const *solver_ids,
                  MlsScenario        *scenario,
                  MlsLedger          *ledger,
                  GError            **error)
{
  g_autoptr(MlsEnginePlan) plan = mls_engine_plan (self, solver_ids, error);

  if (plan == NULL)
    return FALSE;
  mls_engine_plan_run (plan, scenario, ledger);
  return TRUE;
}
