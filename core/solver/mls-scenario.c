/* mls-scenario.c — what is being asked: a workload on a system, with its knobs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mlsysim.h"

struct _MlsScenario
{
  GObject          parent_instance;
  char            *name;
  MlsWorkload     *workload;
  MlsHardwareNode *hardware;
  MlsFleet        *fleet;
  MlsGridProfile  *grid;
  MlsPrecision     precision;
  gboolean         training;
  gboolean         activation_recompute;
  double           knobs[MLS_N_KNOBS];
  GHashTable      *parameters; /* interned id → MlsQuantity*; NULL until the first one */
  GHashTable      *text_lists; /* interned id → GStrv; NULL until the first one */
  /* goals and operations */
  gboolean         operations;
  gboolean         has_sla_latency;
  gboolean         has_power_budget;
  MlsQuantity      sla_latency;
  MlsQuantity      power_budget;
  GArray          *assertions; /* Assertion; NULL until the first one */
};

typedef struct
{
  char  *metric;
  double minimum; /* NAN: no lower bound */
  double maximum; /* NAN: no upper bound */
} Assertion;

static void
assertion_clear (gpointer data)
{
  g_free (((Assertion *) data)->metric);
}

G_DEFINE_FINAL_TYPE (MlsScenario, mls_scenario, G_TYPE_OBJECT)

typedef struct
{
  const char *name;
  double      fallback; /* used only before the registry's defaults are applied */
  double      minimum;
  double      maximum;
  gboolean    integer;
  gboolean    open_minimum; /* the minimum itself is excluded */
} KnobSpec;

/* The knobs' valid ranges are mathematics (a batch is at least one sample, η is a fraction);
 * their defaults come from the registry (default_batch_size, default_seq_len,
 * default_efficiency, default_duration) when a scenario is built from a plan. */
static const KnobSpec knob_specs[MLS_N_KNOBS] = {
  [MLS_KNOB_BATCH_SIZE] = { "batch_size", 1, 1, G_MAXUINT32, TRUE, FALSE },
  [MLS_KNOB_SEQ_LEN] = { "seq_len", 2048, 1, G_MAXUINT32, TRUE, FALSE },
  [MLS_KNOB_EFFICIENCY] = { "efficiency", 0.5, 0, 1, FALSE, TRUE },
  [MLS_KNOB_TP] = { "tp", 1, 1, G_MAXUINT32, TRUE, FALSE },
  [MLS_KNOB_PP] = { "pp", 1, 1, G_MAXUINT32, TRUE, FALSE },
  [MLS_KNOB_EP] = { "ep", 1, 1, G_MAXUINT32, TRUE, FALSE },
  [MLS_KNOB_MICROBATCHES] = { "microbatches", 1, 1, G_MAXUINT32, TRUE, FALSE },
  [MLS_KNOB_V_STAGES] = { "v_stages", 1, 1, G_MAXUINT32, TRUE, FALSE },
  [MLS_KNOB_ZERO_STAGE] = { "zero_stage", 0, 0, 3, TRUE, FALSE },
  [MLS_KNOB_DURATION_DAYS] = { "duration_days", 30, 0, 1e6, FALSE, TRUE },
};

static void
mls_scenario_finalize (GObject *object)
{
  MlsScenario *self = MLS_SCENARIO (object);

  g_free (self->name);
  g_clear_object (&self->workload);
  g_clear_object (&self->hardware);
  g_clear_object (&self->fleet);
  g_clear_object (&self->grid);
  g_clear_pointer (&self->parameters, g_hash_table_unref);
  g_clear_pointer (&self->text_lists, g_hash_table_unref);
  g_clear_pointer (&self->assertions, g_array_unref);
  G_OBJECT_CLASS (mls_scenario_parent_class)->finalize (object);
}

static void
mls_scenario_class_init (MlsScenarioClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mls_scenario_finalize;
}

static void
mls_scenario_init (MlsScenario *self)
{
  self->precision = MLS_PRECISION_FP16;
  for (guint i = 0; i < MLS_N_KNOBS; i++)
    self->knobs[i] = knob_specs[i].fallback;
}

/**
 * mls_scenario_new:
 * @name: (nullable): a name for reports ("Llama3_8B on H100")
 *
 * Returns: (transfer full): an empty scenario: batch 1, sequence 2048, fp16, η = 0.5
 */
MlsScenario *
mls_scenario_new (const char *name)
{
  MlsScenario *self = g_object_new (MLS_TYPE_SCENARIO, NULL);

  self->name = g_strdup (name ? name : "");
  return self;
}

/**
 * mls_scenario_copy:
 * @self: a #MlsScenario
 *
 * Returns: (transfer full): an independent copy, for another thread of a sweep
 */
MlsScenario *
mls_scenario_copy (MlsScenario *self)
{
  MlsScenario *copy = mls_scenario_new (self->name);

  g_set_object (&copy->workload, self->workload);
  g_set_object (&copy->hardware, self->hardware);
  g_set_object (&copy->fleet, self->fleet);
  g_set_object (&copy->grid, self->grid);
  copy->precision = self->precision;
  copy->training = self->training;
  copy->activation_recompute = self->activation_recompute;
  memcpy (copy->knobs, self->knobs, sizeof copy->knobs);
  if (self->parameters != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->parameters);
      while (g_hash_table_iter_next (&iter, &key, &value))
        mls_scenario_set_parameter (copy, key, value);
    }
  if (self->text_lists != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->text_lists);
      while (g_hash_table_iter_next (&iter, &key, &value))
        mls_scenario_set_text_list (copy, key, value);
    }
  copy->operations = self->operations;
  copy->has_sla_latency = self->has_sla_latency;
  copy->sla_latency = self->sla_latency;
  copy->has_power_budget = self->has_power_budget;
  copy->power_budget = self->power_budget;
  for (guint i = 0; self->assertions != NULL && i < self->assertions->len; i++)
    {
      const Assertion *a = &g_array_index (self->assertions, Assertion, i);
      mls_scenario_add_assertion (copy, a->metric, a->minimum, a->maximum);
    }
  return copy;
}

/**
 * mls_scenario_get_name:
 * @self: a #MlsScenario
 *
 * Returns: the scenario's name
 */
const char *
mls_scenario_get_name (MlsScenario *self)
{
  return self->name;
}

/**
 * mls_scenario_set_name:
 * @self: a #MlsScenario
 * @name: a name for reports
 */
void
mls_scenario_set_name (MlsScenario *self,
                       const char  *name)
{
  g_free (self->name);
  self->name = g_strdup (name ? name : "");
}

/**
 * mls_scenario_get_workload:
 * @self: a #MlsScenario
 *
 * Returns: (transfer none) (nullable): the workload
 */
MlsWorkload *
mls_scenario_get_workload (MlsScenario *self)
{
  return self->workload;
}

/**
 * mls_scenario_set_workload:
 * @self: a #MlsScenario
 * @workload: (nullable): the workload
 */
void
mls_scenario_set_workload (MlsScenario *self,
                           MlsWorkload *workload)
{
  g_set_object (&self->workload, workload);
}

/**
 * mls_scenario_get_hardware:
 * @self: a #MlsScenario
 *
 * Returns: (transfer none) (nullable): the accelerator (of the fleet's nodes, for a fleet)
 */
MlsHardwareNode *
mls_scenario_get_hardware (MlsScenario *self)
{
  return self->hardware;
}

/**
 * mls_scenario_set_hardware:
 * @self: a #MlsScenario
 * @hardware: (nullable): the accelerator
 */
void
mls_scenario_set_hardware (MlsScenario     *self,
                           MlsHardwareNode *hardware)
{
  g_set_object (&self->hardware, hardware);
}

/**
 * mls_scenario_get_fleet:
 * @self: a #MlsScenario
 *
 * Returns: (transfer none) (nullable): the fleet, for distributed scenarios
 */
MlsFleet *
mls_scenario_get_fleet (MlsScenario *self)
{
  return self->fleet;
}

/**
 * mls_scenario_set_fleet:
 * @self: a #MlsScenario
 * @fleet: (nullable): the fleet; its accelerator becomes the scenario's hardware
 */
void
mls_scenario_set_fleet (MlsScenario *self,
                        MlsFleet    *fleet)
{
  g_set_object (&self->fleet, fleet);
  if (fleet != NULL)
    {
      MlsEntry *accel = mls_node_get_accelerator (mls_fleet_get_node (fleet));
      if (MLS_IS_HARDWARE_NODE (accel))
        g_set_object (&self->hardware, MLS_HARDWARE_NODE (accel));
    }
}

/**
 * mls_scenario_get_grid:
 * @self: a #MlsScenario
 *
 * Returns: (transfer none) (nullable): the grid the system draws power from; %NULL means
 *   the registry's default region
 */
MlsGridProfile *
mls_scenario_get_grid (MlsScenario *self)
{
  return self->grid;
}

/**
 * mls_scenario_set_grid:
 * @self: a #MlsScenario
 * @grid: (nullable): the grid
 */
void
mls_scenario_set_grid (MlsScenario    *self,
                       MlsGridProfile *grid)
{
  g_set_object (&self->grid, grid);
}

/**
 * mls_scenario_get_precision:
 * @self: a #MlsScenario
 *
 * Returns: the numeric precision
 */
MlsPrecision
mls_scenario_get_precision (MlsScenario *self)
{
  return self->precision;
}

/**
 * mls_scenario_set_precision:
 * @self: a #MlsScenario
 * @precision: the numeric precision
 */
void
mls_scenario_set_precision (MlsScenario *self,
                            MlsPrecision precision)
{
  g_return_if_fail ((guint) precision < MLS_N_PRECISIONS);
  self->precision = precision;
}

/**
 * mls_scenario_get_training:
 * @self: a #MlsScenario
 *
 * Returns: whether the scenario trains (forward and backward passes) rather than infers
 */
gboolean
mls_scenario_get_training (MlsScenario *self)
{
  return self->training;
}

/**
 * mls_scenario_set_training:
 * @self: a #MlsScenario
 * @training: whether the scenario trains
 */
void
mls_scenario_set_training (MlsScenario *self,
                           gboolean     training)
{
  self->training = !!training;
}

/**
 * mls_scenario_get_activation_recompute:
 * @self: a #MlsScenario
 *
 * Returns: whether training recomputes activations (full checkpointing)
 */
gboolean
mls_scenario_get_activation_recompute (MlsScenario *self)
{
  return self->activation_recompute;
}

/**
 * mls_scenario_set_activation_recompute:
 * @self: a #MlsScenario
 * @recompute: whether training recomputes activations
 */
void
mls_scenario_set_activation_recompute (MlsScenario *self,
                                       gboolean     recompute)
{
  self->activation_recompute = !!recompute;
}

/**
 * mls_scenario_get_knob:
 * @self: a #MlsScenario
 * @knob: a knob
 *
 * Returns: the knob's value
 */
double
mls_scenario_get_knob (MlsScenario *self,
                       MlsKnob      knob)
{
  g_return_val_if_fail ((guint) knob < MLS_N_KNOBS, 0.0);
  return self->knobs[knob];
}

/**
 * mls_scenario_set_knob:
 * @self: a #MlsScenario
 * @knob: a knob
 * @value: its new value
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @value is in the knob's range; %FALSE with an error naming the knob and
 *   its range otherwise (the scenario is unchanged)
 */
gboolean
mls_scenario_set_knob (MlsScenario *self,
                       MlsKnob      knob,
                       double       value,
                       GError     **error)
{
  const KnobSpec *spec;

  g_return_val_if_fail ((guint) knob < MLS_N_KNOBS, FALSE);
  spec = &knob_specs[knob];
  if (!isfinite (value) || value > spec->maximum ||
      (spec->open_minimum ? value <= spec->minimum : value < spec->minimum))
    {
      if (knob == MLS_KNOB_EFFICIENCY)
        g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                     _("efficiency must be greater than 0 and at most 1 (typical values are "
                       "0.25–0.55); got %g"), value);
      else
        g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                     _("%s must be between %g and %g; got %g"), spec->name, spec->minimum,
                     spec->maximum, value);
      return FALSE;
    }
  if (spec->integer && value != floor (value))
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                   _("%s must be a whole number; got %g"), spec->name, value);
      return FALSE;
    }
  self->knobs[knob] = value;
  return TRUE;
}

/**
 * mls_knob_to_string:
 * @knob: a knob
 *
 * Returns: the knob's name as written in plans ("batch_size")
 */
const char *
mls_knob_to_string (MlsKnob knob)
{
  g_return_val_if_fail ((guint) knob < MLS_N_KNOBS, NULL);
  return knob_specs[knob].name;
}

/**
 * mls_knob_from_string:
 * @text: a knob name ("batch_size", "efficiency")
 * @out: (out): the knob
 *
 * Returns: whether @text names a knob
 */
gboolean
mls_knob_from_string (const char *text,
                      MlsKnob    *out)
{
  for (guint i = 0; i < MLS_N_KNOBS; i++)
    if (g_ascii_strcasecmp (text, knob_specs[i].name) == 0)
      {
        *out = (MlsKnob) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * mls_scenario_get_batch_size:
 * @self: a #MlsScenario
 *
 * Returns: the batch size
 */
guint
mls_scenario_get_batch_size (MlsScenario *self)
{
  return (guint) self->knobs[MLS_KNOB_BATCH_SIZE];
}

/**
 * mls_scenario_get_seq_len:
 * @self: a #MlsScenario
 *
 * Returns: the sequence length in tokens
 */
guint
mls_scenario_get_seq_len (MlsScenario *self)
{
  return (guint) self->knobs[MLS_KNOB_SEQ_LEN];
}

/**
 * mls_scenario_get_efficiency:
 * @self: a #MlsScenario
 *
 * Returns: η, the fraction of peak compute achieved
 */
double
mls_scenario_get_efficiency (MlsScenario *self)
{
  return self->knobs[MLS_KNOB_EFFICIENCY];
}

/**
 * mls_scenario_set_parameter:
 * @self: a #MlsScenario
 * @id: a solver parameter id ("serving.prefill_chunk_tokens")
 * @value: its value
 */
void
mls_scenario_set_parameter (MlsScenario       *self,
                            const char        *id,
                            const MlsQuantity *value)
{
  if (self->parameters == NULL)
    self->parameters = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_replace (self->parameters, (gpointer) g_intern_string (id),
                        g_memdup2 (value, sizeof *value));
}

/**
 * mls_scenario_get_parameter:
 * @self: a #MlsScenario
 * @id: a solver parameter id
 * @out: (out caller-allocates) (optional): its value
 *
 * Returns: whether the parameter is set; when it is not, solvers use their declared default
 */
gboolean
mls_scenario_get_parameter (MlsScenario *self,
                            const char  *id,
                            MlsQuantity *out)
{
  const MlsQuantity *q;

  if (self->parameters == NULL)
    return FALSE;
  q = g_hash_table_lookup (self->parameters, id);
  if (q == NULL)
    return FALSE;
  if (out != NULL)
    *out = *q;
  return TRUE;
}

/**
 * mls_scenario_unset_parameter:
 * @self: a #MlsScenario
 * @id: a solver parameter id
 */
void
mls_scenario_unset_parameter (MlsScenario *self,
                              const char  *id)
{
  if (self->parameters != NULL)
    g_hash_table_remove (self->parameters, id);
}

/**
 * mls_scenario_update_parameter:
 * @self: a #MlsScenario
 * @id: a solver parameter id
 * @value: its new value, in base units
 *
 * Like mls_scenario_set_parameter(), but without allocating when the parameter is already
 * set: sweeps set a parameter once per thread, then change its value at every point.
 *
 * Returns: %TRUE if the parameter was already set (and was updated in place); %FALSE if it
 *   had to be added
 */
gboolean
mls_scenario_update_parameter (MlsScenario       *self,
                               const char        *id,
                               const MlsQuantity *value)
{
  MlsQuantity *q = self->parameters != NULL ? g_hash_table_lookup (self->parameters, id) : NULL;

  if (q != NULL)
    {
      *q = *value;
      return TRUE;
    }
  mls_scenario_set_parameter (self, id, value);
  return FALSE;
}

/**
 * mls_scenario_set_text_list:
 * @self: a #MlsScenario
 * @id: an option id, named like a solver parameter ("placement.regions")
 * @values: (nullable) (array zero-terminated=1): the values; %NULL or empty unsets it
 *
 * Sets a list of names a solver reads, such as the regions a placement search compares.
 * Solver parameters are quantities; lists of registry keys go here.
 */
void
mls_scenario_set_text_list (MlsScenario        *self,
                            const char         *id,
                            const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    {
      if (self->text_lists != NULL)
        g_hash_table_remove (self->text_lists, id);
      return;
    }
  if (self->text_lists == NULL)
    self->text_lists = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) g_strfreev);
  g_hash_table_replace (self->text_lists, (gpointer) g_intern_string (id),
                        g_strdupv ((char **) values));
}

/**
 * mls_scenario_get_text_list:
 * @self: a #MlsScenario
 * @id: an option id
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the list, or %NULL when it is
 *   not set
 */
const char * const *
mls_scenario_get_text_list (MlsScenario *self,
                            const char  *id)
{
  if (self->text_lists == NULL)
    return NULL;
  return g_hash_table_lookup (self->text_lists, id);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/**
 * mls_scenario_list_parameters:
 * @self: a #MlsScenario
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids of the parameters set, sorted
 */
char **
mls_scenario_list_parameters (MlsScenario *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  if (self->parameters != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->parameters);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (ids, g_strdup (key));
    }
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/**
 * mls_scenario_get_operations:
 * @self: a #MlsScenario
 *
 * Whether the scenario describes operating the system over time (a plan's `ops:` section, or
 * a lighthouse scenario): evaluations then include the macro level (cost, energy, carbon)
 * over the %MLS_KNOB_DURATION_DAYS knob.
 *
 * Returns: whether the scenario has operations
 */
gboolean
mls_scenario_get_operations (MlsScenario *self)
{
  return self->operations;
}

/**
 * mls_scenario_set_operations:
 * @self: a #MlsScenario
 * @operations: whether the scenario describes operations over time
 */
void
mls_scenario_set_operations (MlsScenario *self,
                             gboolean     operations)
{
  self->operations = !!operations;
}

/**
 * mls_scenario_get_sla_latency:
 * @self: a #MlsScenario
 * @out: (out caller-allocates) (optional): the latency target
 *
 * Returns: whether the scenario has a latency target (per request, or per step for training)
 */
gboolean
mls_scenario_get_sla_latency (MlsScenario *self,
                              MlsQuantity *out)
{
  if (self->has_sla_latency && out != NULL)
    *out = self->sla_latency;
  return self->has_sla_latency;
}

/**
 * mls_scenario_set_sla_latency:
 * @self: a #MlsScenario
 * @latency: (nullable): a time, or %NULL for no target
 */
void
mls_scenario_set_sla_latency (MlsScenario       *self,
                              const MlsQuantity *latency)
{
  self->has_sla_latency = latency != NULL;
  if (latency != NULL)
    self->sla_latency = *latency;
}

/**
 * mls_scenario_get_power_budget:
 * @self: a #MlsScenario
 * @out: (out caller-allocates) (optional): the power budget
 *
 * Returns: whether the scenario has a power budget
 */
gboolean
mls_scenario_get_power_budget (MlsScenario *self,
                               MlsQuantity *out)
{
  if (self->has_power_budget && out != NULL)
    *out = self->power_budget;
  return self->has_power_budget;
}

/**
 * mls_scenario_set_power_budget:
 * @self: a #MlsScenario
 * @power: (nullable): a power, or %NULL for no budget
 */
void
mls_scenario_set_power_budget (MlsScenario       *self,
                               const MlsQuantity *power)
{
  self->has_power_budget = power != NULL;
  if (power != NULL)
    self->power_budget = *power;
}

/**
 * mls_scenario_add_assertion:
 * @self: a #MlsScenario
 * @metric: a metric name, flattened ("performance.latency") or a ledger id ("roofline.latency")
 * @minimum: the lowest acceptable value, or NAN for none
 * @maximum: the highest acceptable value, or NAN for none
 *
 * Adds an SLA assertion (a plan's `constraints.assert` entry), checked after an evaluation
 * in the units the scorecard shows the metric in.
 */
void
mls_scenario_add_assertion (MlsScenario *self,
                            const char  *metric,
                            double       minimum,
                            double       maximum)
{
  Assertion a = { g_strdup (metric), minimum, maximum };

  g_return_if_fail (metric != NULL);
  if (self->assertions == NULL)
    {
      self->assertions = g_array_new (FALSE, FALSE, sizeof (Assertion));
      g_array_set_clear_func (self->assertions, assertion_clear);
    }
  g_array_append_val (self->assertions, a);
}

/**
 * mls_scenario_get_n_assertions:
 * @self: a #MlsScenario
 *
 * Returns: the number of SLA assertions
 */
guint
mls_scenario_get_n_assertions (MlsScenario *self)
{
  return self->assertions != NULL ? self->assertions->len : 0;
}

/**
 * mls_scenario_get_assertion:
 * @self: a #MlsScenario
 * @index: an index below mls_scenario_get_n_assertions()
 * @minimum: (out) (optional): the lower bound, NAN for none
 * @maximum: (out) (optional): the upper bound, NAN for none
 *
 * Returns: the metric the assertion bounds
 */
const char *
mls_scenario_get_assertion (MlsScenario *self,
                            guint        index,
                            double      *minimum,
                            double      *maximum)
{
  const Assertion *a;

  g_return_val_if_fail (index < mls_scenario_get_n_assertions (self), NULL);
  a = &g_array_index (self->assertions, Assertion, index);
  if (minimum != NULL)
    *minimum = a->minimum;
  if (maximum != NULL)
    *maximum = a->maximum;
  return a->metric;
}

/**
 * mls_scenario_clear_assertions:
 * @self: a #MlsScenario
 */
void
mls_scenario_clear_assertions (MlsScenario *self)
{
  if (self->assertions != NULL)
    g_array_set_size (self->assertions, 0);
}
