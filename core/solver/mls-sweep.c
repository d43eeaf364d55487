/* mls-sweep.c — many scenarios at once: axes, their cartesian product, every core
 *
 * A sweep holds a base scenario and axes (registry entries, knobs, precisions, solver
 * parameters). Running it evaluates the cartesian product of the axes' values with one
 * engine plan, on as many threads as there are processors. Each worker has its own copy of
 * the scenario and its own ledger, and takes chunks of consecutive points from a shared
 * atomic counter, so fast and slow regions of the space balance out. Within a chunk, only the
 * axes whose value changed are applied (an odometer), and the results go straight into the
 * table's columns: nothing is allocated per point.
 *
 * The thread that calls mls_sweep_run() hands out no work: it sleeps on a condition
 * variable, wakes a few times a second to report progress, and returns when the workers are
 * done or cancelled. A cancelled sweep keeps the chunks that finished, as a partial table.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mlsysim.h"
#include "mls-ledger-private.h"
#include "mls-sweep-private.h"

/* Progress is reported at most this often, in microseconds (10 times a second). */
#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 10)

/* Chunks: about 64 per worker, each between 16 and 4096 points. Small enough that the
 * workers finish together and a cancellation takes effect within milliseconds; large enough
 * that taking one costs nothing next to evaluating it. */
#define CHUNKS_PER_WORKER 64
#define MIN_CHUNK 16
#define MAX_CHUNK 4096

/* The most values one axis may take, and the most points a sweep may have. */
#define MAX_AXIS_VALUES 10000000
#define MAX_POINTS (G_GUINT64_CONSTANT (1) << 40)

struct _MlsSweep
{
  GObject        parent_instance;

  MlsEngine     *engine;
  MlsScenario   *scenario;
  GPtrArray     *axes;        /* MlsSweepAxis* */
  GPtrArray     *solver_ids;  /* char*, as given to mls_sweep_set_solvers() */
  GArray        *columns;     /* MlsSweepColumn, without storage */
  guint          n_threads;
  MlsSweepTable *table;       /* the last run's, possibly partial */
  GMutex         lock;        /* guards table */
};

G_DEFINE_FINAL_TYPE (MlsSweep, mls_sweep, G_TYPE_OBJECT)

enum
{
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
column_clear (gpointer data)
{
  MlsSweepColumn *c = data;

  g_free (c->id);
  g_free (c->label);
  g_free (c->unit);
}

static void
mls_sweep_finalize (GObject *object)
{
  MlsSweep *self = MLS_SWEEP (object);

  g_clear_object (&self->engine);
  g_clear_object (&self->scenario);
  g_ptr_array_unref (self->axes);
  g_ptr_array_unref (self->solver_ids);
  g_array_unref (self->columns);
  g_clear_object (&self->table);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (mls_sweep_parent_class)->finalize (object);
}

static void
mls_sweep_class_init (MlsSweepClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mls_sweep_finalize;

  /**
   * MlsSweep::progress:
   * @self: the sweep
   * @done: points evaluated so far
   * @total: points in the sweep
   *
   * Emitted a few times a second while a sweep runs, and once at the end: in the thread that
   * called mls_sweep_run(), or in the thread-default main context of the caller of
   * mls_sweep_run_async().
   */
  signals[SIGNAL_PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_UINT64);
}

static void
mls_sweep_init (MlsSweep *self)
{
  self->axes = g_ptr_array_new_with_free_func ((GDestroyNotify) mls_sweep_axis_unref);
  self->solver_ids = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_array_new (FALSE, TRUE, sizeof (MlsSweepColumn));
  g_array_set_clear_func (self->columns, column_clear);
  g_mutex_init (&self->lock);
}

/**
 * mls_sweep_new:
 * @engine: the engine whose solvers evaluate each point
 * @scenario: the base scenario; each point is a copy of it with the axes' values applied
 *
 * Creates a sweep with no axes (one point: @scenario itself). The scenario is copied, so
 * later changes to @scenario do not affect the sweep.
 *
 * Returns: (transfer full): a new sweep
 */
MlsSweep *
mls_sweep_new (MlsEngine   *engine,
               MlsScenario *scenario)
{
  MlsSweep *self;

  g_return_val_if_fail (MLS_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (MLS_IS_SCENARIO (scenario), NULL);

  self = g_object_new (MLS_TYPE_SWEEP, NULL);
  self->engine = g_object_ref (engine);
  self->scenario = mls_scenario_copy (scenario);
  return self;
}

/**
 * mls_sweep_get_engine:
 * @self: a #MlsSweep
 *
 * Returns: (transfer none): the engine
 */
MlsEngine *
mls_sweep_get_engine (MlsSweep *self)
{
  g_return_val_if_fail (MLS_IS_SWEEP (self), NULL);
  return self->engine;
}

/**
 * mls_sweep_get_scenario:
 * @self: a #MlsSweep
 *
 * Returns: (transfer none): the base scenario (the sweep's own copy)
 */
MlsScenario *
mls_sweep_get_scenario (MlsSweep *self)
{
  g_return_val_if_fail (MLS_IS_SWEEP (self), NULL);
  return self->scenario;
}

/* --- axes ---------------------------------------------------------------------------- */

static MlsSweepAxis *
axis_new (MlsSweepAxisKind kind,
          const char      *name,
          guint            n_values)
{
  MlsSweepAxis *axis = g_new0 (MlsSweepAxis, 1);

  g_atomic_ref_count_init (&axis->ref_count);
  axis->kind = kind;
  axis->name = g_strdup (name);
  axis->n_values = n_values;
  axis->labels = g_new0 (char *, n_values + 1);
  axis->numbers = g_new (double, n_values);
  for (guint i = 0; i < n_values; i++)
    axis->numbers[i] = NAN;
  return axis;
}

static gboolean
check_axis (MlsSweep   *self,
            const char *name,
            guint       n_values,
            GError    **error)
{
  if (n_values == 0)
    {
      g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_AXIS,
                   _("Axis “%s” has no values"), name);
      return FALSE;
    }
  if (n_values > MAX_AXIS_VALUES)
    {
      g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_TOO_LARGE,
                   _("Axis “%s” has %u values; at most %u are allowed"), name, n_values,
                   MAX_AXIS_VALUES);
      return FALSE;
    }
  for (guint i = 0; i < self->axes->len; i++)
    if (g_ascii_strcasecmp (((MlsSweepAxis *) g_ptr_array_index (self->axes, i))->name,
                            name) == 0)
      {
        g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_AXIS,
                     _("Axis “%s” is given twice; put all its values in one axis"), name);
        return FALSE;
      }
  return TRUE;
}

static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  return g_strdup (buf);
}

typedef struct
{
  const char *category;
  const char *axis_name;
  const char *const aliases[6];
} CategoryInfo;

static const CategoryInfo categories[] = {
  { "hardware", "hardware", { "hardware", "hw", "device", "devices", "accelerator", NULL } },
  { "models", "model", { "models", "model", "workload", "workloads", NULL } },
  { "grids", "region", { "grids", "grid", "region", "regions", NULL } },
  { "clusters", "cluster", { "clusters", "cluster", "fleet", "fleets", NULL } },
};

static const CategoryInfo *
find_category (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    for (guint j = 0; categories[i].aliases[j] != NULL; j++)
      if (g_ascii_strcasecmp (name, categories[i].aliases[j]) == 0)
        return &categories[i];
  return NULL;
}

static gboolean
entry_fits (const char *category,
            MlsEntry   *entry)
{
  if (g_str_equal (category, "hardware"))
    return MLS_IS_HARDWARE_NODE (entry);
  if (g_str_equal (category, "models"))
    return MLS_IS_WORKLOAD (entry);
  if (g_str_equal (category, "grids"))
    return MLS_IS_GRID_PROFILE (entry);
  return MLS_IS_FLEET (entry);
}

/**
 * mls_sweep_add_entry_axis:
 * @self: a #MlsSweep
 * @category: "hardware", "models", "grids" (regions) or "clusters" (fleets); the singular
 *   forms and "region", "fleet" are accepted too
 * @keys: (array zero-terminated=1): registry keys of that category
 * @error: return location for a #GError
 *
 * Adds an axis of registry entries. Hardware replaces the scenario's accelerator, a model its
 * workload, a grid its region, a cluster its fleet (and with it the accelerator).
 *
 * Returns: %TRUE on success; %FALSE if the category is unknown or a key is not in it
 */
gboolean
mls_sweep_add_entry_axis (MlsSweep           *self,
                          const char         *category,
                          const char * const *keys,
                          GError            **error)
{
  MlsRegistry *registry;
  const CategoryInfo *info;
  MlsSweepAxis *axis;
  guint n;

  g_return_val_if_fail (MLS_IS_SWEEP (self), FALSE);
  g_return_val_if_fail (category != NULL, FALSE);

  info = find_category (category);
  if (info == NULL)
    {
      g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_AXIS,
                   _("Unknown entry axis “%s”; use hardware, models, grids (regions) or "
                     "clusters (fleets)"), category);
      return FALSE;
    }
  n = keys != NULL ? g_strv_length ((char **) keys) : 0;
  if (!check_axis (self, info->axis_name, n, error))
    return FALSE;
  registry = mls_engine_get_registry (self->engine);
  if (registry == NULL)
    {
      g_set_error_literal (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_AXIS,
                           _("The engine has no registry to look entries up in"));
      return FALSE;
    }

  axis = axis_new (MLS_SWEEP_AXIS_ENTRY, info->axis_name, n);
  axis->category = g_intern_static_string (info->category);
  axis->category_index = (guint) (info - categories);
  axis->entries = g_new0 (MlsEntry *, n);
  for (guint i = 0; i < n; i++)
    {
      MlsEntry *entry = mls_registry_lookup (registry, info->category, keys[i], error);

      if (entry == NULL || !entry_fits (info->category, entry))
        {
          if (entry != NULL)
            g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_AXIS,
                         _("Registry entry “%s” cannot be a value of the %s axis"), keys[i],
                         info->axis_name);
          else
            g_prefix_error (error, _("Axis “%s”: "), info->axis_name);
          mls_sweep_axis_unref (axis);
          return FALSE;
        }
      axis->entries[i] = g_object_ref (entry);
      axis->labels[i] = g_strdup (mls_entry_get_key (entry));
    }
  g_ptr_array_add (self->axes, axis);
  return TRUE;
}

/**
 * mls_sweep_add_knob_axis:
 * @self: a #MlsSweep
 * @knob: the knob to vary
 * @values: (array length=n_values): its values
 * @n_values: how many
 * @error: return location for a #GError
 *
 * Adds an axis of a numeric knob (batch size, sequence length, efficiency, parallelism…).
 *
 * Returns: %TRUE on success; %FALSE if a value is out of the knob's range
 */
gboolean
mls_sweep_add_knob_axis (MlsSweep     *self,
                         MlsKnob       knob,
                         const double *values,
                         guint         n_values,
                         GError      **error)
{
  g_autoptr(MlsScenario) scratch = NULL;
  const char *name;
  MlsSweepAxis *axis;

  g_return_val_if_fail (MLS_IS_SWEEP (self), FALSE);
  g_return_val_if_fail ((guint) knob < MLS_N_KNOBS, FALSE);

  name = mls_knob_to_string (knob);
  if (!check_axis (self, name, n_values, error))
    return FALSE;
  /* Each value is checked once here, so that a run sets it without checking. */
  scratch = mls_scenario_new (NULL);
  for (guint i = 0; i < n_values; i++)
    if (!mls_scenario_set_knob (scratch, knob, values[i], error))
      {
        g_prefix_error (error, _("Axis “%s”: "), name);
        return FALSE;
      }
  axis = axis_new (MLS_SWEEP_AXIS_KNOB, name, n_values);
  axis->knob = knob;
  for (guint i = 0; i < n_values; i++)
    {
      axis->numbers[i] = values[i];
      axis->labels[i] = format_number (values[i]);
    }
  g_ptr_array_add (self->axes, axis);
  return TRUE;
}

/**
 * mls_sweep_add_precision_axis:
 * @self: a #MlsSweep
 * @precisions: (array length=n_precisions): the precisions
 * @n_precisions: how many
 * @error: return location for a #GError
 *
 * Adds an axis of numeric precisions.
 *
 * Returns: %TRUE on success
 */
gboolean
mls_sweep_add_precision_axis (MlsSweep           *self,
                              const MlsPrecision *precisions,
                              guint               n_precisions,
                              GError            **error)
{
  MlsSweepAxis *axis;

  g_return_val_if_fail (MLS_IS_SWEEP (self), FALSE);

  if (!check_axis (self, "precision", n_precisions, error))
    return FALSE;
  for (guint i = 0; i < n_precisions; i++)
    if ((guint) precisions[i] >= MLS_N_PRECISIONS)
      {
        g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_AXIS,
                     _("Axis “precision”: %d is not a precision"), precisions[i]);
        return FALSE;
      }
  axis = axis_new (MLS_SWEEP_AXIS_PRECISION, "precision", n_precisions);
  axis->precisions = g_memdup2 (precisions, n_precisions * sizeof (MlsPrecision));
  for (guint i = 0; i < n_precisions; i++)
    axis->labels[i] = g_strdup (mls_precision_to_string (precisions[i]));
  g_ptr_array_add (self->axes, axis);
  return TRUE;
}

/* The solver parameter @id ("serving.network_bandwidth") as its solver declares it. */
static const MlsParameterSpec *
find_parameter (MlsSweep   *self,
                const char *id,
                GError    **error)
{
  const char *dot = strchr (id, '.');
  g_autofree char *solver = dot ? g_strndup (id, dot - id) : NULL;
  MlsSolverInfo *info = solver ? mls_engine_get_info (self->engine, solver) : NULL;
  const MlsParameterSpec *spec = info ? mls_solver_info_find_parameter (info, id) : NULL;

  if (spec == NULL)
    {
      g_autoptr(GString) valid = g_string_new (NULL);

      for (guint i = 0; info != NULL && i < mls_solver_info_get_n_parameters (info); i++)
        g_string_append_printf (valid, "%s%s", valid->len ? ", " : "",
                                mls_solver_info_get_parameter (info, i)->id);
      if (info == NULL)
        g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_AXIS,
                     _("“%s” is neither a knob, a precision, a registry category nor a solver "
                       "parameter (SOLVER.NAME, as “mlsysim solvers” lists them)"), id);
      else
        g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_AXIS,
                     _("Solver “%s” has no parameter “%s”; it has %s"), solver, id,
                     valid->len ? valid->str : _("none"));
    }
  return spec;
}

/* 1 unit of @spec in base units, and whether it has dimensions. */
static gboolean
parameter_unit (const MlsParameterSpec *spec,
                MlsQuantity            *out_unit)
{
  if (spec->unit == NULL || *spec->unit == '\0' ||
      !mls_quantity_from_unit (1, spec->unit, out_unit, NULL))
    {
      *out_unit = mls_quantity_scalar (1);
      return FALSE;
    }
  return !mls_quantity_is_dimensionless (out_unit);
}

/**
 * mls_sweep_add_parameter_axis:
 * @self: a #MlsSweep
 * @parameter_id: a solver parameter ("serving.network_bandwidth")
 * @values: (array length=n_values): its values, with the parameter's dimensions
 * @n_values: how many
 * @error: return location for a #GError
 *
 * Adds an axis of a solver parameter.
 *
 * Returns: %TRUE on success; %FALSE for an unknown parameter, a value of the wrong dimension
 *   or out of the declared range
 */
gboolean
mls_sweep_add_parameter_axis (MlsSweep          *self,
                              const char        *parameter_id,
                              const MlsQuantity *values,
                              guint              n_values,
                              GError           **error)
{
  const MlsParameterSpec *spec;
  MlsSweepAxis *axis;
  MlsQuantity unit;
  gboolean dimensioned;

  g_return_val_if_fail (MLS_IS_SWEEP (self), FALSE);
  g_return_val_if_fail (parameter_id != NULL, FALSE);

  spec = find_parameter (self, parameter_id, error);
  if (spec == NULL || !check_axis (self, spec->id, n_values, error))
    return FALSE;
  dimensioned = parameter_unit (spec, &unit);

  axis = axis_new (MLS_SWEEP_AXIS_PARAMETER, spec->id, n_values);
  axis->parameter = g_intern_string (spec->id);
  axis->quantities = g_new (MlsQuantity, n_values);
  axis->unit = dimensioned ? g_strdup (spec->unit) : NULL;
  for (guint i = 0; i < n_values; i++)
    {
      const MlsQuantity *q = &values[i];
      double shown;

      if (!mls_quantity_same_dimension (q, &unit))
        {
          g_autofree char *got = mls_quantity_describe_dimension (q);
          g_autofree char *want = mls_quantity_describe_dimension (&unit);

          g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_AXIS,
                       _("Axis “%s”: value %u is %s; the parameter is %s"), spec->id, i + 1,
                       got, want);
          mls_sweep_axis_unref (axis);
          return FALSE;
        }
      shown = q->value / unit.value;
      if (!(shown >= spec->minimum && shown <= spec->maximum) ||
          (spec->integer && shown != floor (shown)))
        {
          g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_AXIS,
                       _("Axis “%s”: %g%s%s is outside the parameter’s range [%g, %g]"),
                       spec->id, shown, dimensioned ? " " : "", dimensioned ? spec->unit : "",
                       spec->minimum, spec->maximum);
          mls_sweep_axis_unref (axis);
          return FALSE;
        }
      axis->quantities[i] = *q;
      axis->numbers[i] = shown;
      axis->labels[i] = dimensioned ? g_strdup_printf ("%.15g %s", shown, spec->unit)
                                    : format_number (shown);
    }
  g_ptr_array_add (self->axes, axis);
  return TRUE;
}

/* Digits after the decimal point of a number as written ("0.05" has 2); -1 with an exponent. */
static int
decimals (const char *text)
{
  const char *dot = strchr (text, '.');

  if (strpbrk (text, "eE") != NULL)
    return -1;
  return dot ? (int) strlen (dot + 1) : 0;
}

/* "1:8" (step 1), "0.1:1:0.1" (linear step) or "1:256:x2" (geometric), both ends included. */
static gboolean
parse_range (const char *axis,
             const char *text,
             GArray     *out,
             GError    **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint n = g_strv_length (parts);
  double start, stop, step = 1;
  gboolean geometric = FALSE;
  int places;
  char *end;

  if (n < 2 || n > 3)
    goto bad;
  start = g_ascii_strtod (g_strstrip (parts[0]), &end);
  if (*parts[0] == '\0' || *end != '\0')
    goto bad;
  stop = g_ascii_strtod (g_strstrip (parts[1]), &end);
  if (*parts[1] == '\0' || *end != '\0')
    goto bad;
  if (n == 3)
    {
      const char *s = g_strstrip (parts[2]);

      if (*s == 'x' || *s == '*')
        {
          geometric = TRUE;
          s++;
        }
      step = g_ascii_strtod (s, &end);
      if (*s == '\0' || *end != '\0')
        goto bad;
    }
  if (!isfinite (start) || !isfinite (stop) || !isfinite (step) ||
      (geometric ? !(step > 1 && start > 0) : !(step > 0)) || stop < start)
    goto bad;

  /* A linear range is rounded to the decimals it was written with (0.1 + 2 × 0.05 is
   * 0.2, not 0.20000000000000001); a relative tolerance keeps the stop value (0.1 × 10 ≠ 1). */
  places = geometric ? -1 : MAX (decimals (parts[0]), n == 3 ? decimals (parts[2]) : 0);
  if (decimals (parts[0]) < 0 || (n == 3 && decimals (parts[2]) < 0))
    places = -1;
  for (guint i = 0;; i++)
    {
      double v = geometric ? start * pow (step, i) : start + step * i;

      if (places >= 0)
        v = round (v * pow (10, places)) / pow (10, places);

      if (v > stop * (1 + 1e-9) + (stop == 0 ? 1e-12 : 0))
        break;
      if (out->len >= MAX_AXIS_VALUES)
        {
          g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_TOO_LARGE,
                       _("Axis “%s”: range “%s” has more than %u values"), axis, text,
                       MAX_AXIS_VALUES);
          return FALSE;
        }
      if (v > stop)
        v = stop;
      g_array_append_val (out, v);
    }
  return TRUE;

bad:
  g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_AXIS,
               _("Axis “%s”: “%s” is not a range; write START:STOP (step 1), "
                 "START:STOP:STEP or START:STOP:xFACTOR, such as 1:256:x2"), axis, text);
  return FALSE;
}

static gboolean
parse_numbers (const char *axis,
               char      **values,
               GArray     *out,
               GError    **error)
{
  for (guint i = 0; values[i] != NULL; i++)
    {
      const char *text = values[i];
      char *end;
      double v;

      /* a colon after the first character is a range; a leading minus is a sign */
      if (strchr (text + 1, ':') != NULL)
        {
          if (!parse_range (axis, text, out, error))
            return FALSE;
          continue;
        }
      v = g_ascii_strtod (text, &end);
      if (*text == '\0' || *end != '\0' || !isfinite (v))
        {
          g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_AXIS,
                       _("Axis “%s”: “%s” is not a number"), axis, text);
          return FALSE;
        }
      g_array_append_val (out, v);
    }
  return TRUE;
}

static const struct
{
  const char *alias;
  MlsKnob     knob;
} knob_aliases[] = {
  { "batch", MLS_KNOB_BATCH_SIZE },
  { "seq", MLS_KNOB_SEQ_LEN },
  { "sequence_length", MLS_KNOB_SEQ_LEN },
  { "eta", MLS_KNOB_EFFICIENCY },
  { "η", MLS_KNOB_EFFICIENCY },
  { "days", MLS_KNOB_DURATION_DAYS },
};

static gboolean
find_knob (const char *name,
           MlsKnob    *out)
{
  g_autofree char *underscored = g_strdelimit (g_strdup (name), "-", '_');

  if (mls_knob_from_string (underscored, out))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (knob_aliases); i++)
    if (g_ascii_strcasecmp (underscored, knob_aliases[i].alias) == 0)
      {
        *out = knob_aliases[i].knob;
        return TRUE;
      }
  return FALSE;
}

/**
 * mls_sweep_add_axis_from_string:
 * @self: a #MlsSweep
 * @spec: "NAME=V1,V2,…", as the command line writes axes
 * @error: return location for a #GError
 *
 * Adds an axis described in text. NAME is:
 *
 * - `hardware`, `model`, `region` (grid) or `cluster` (fleet), with registry keys; `all` takes
 *   every entry of the category;
 * - `precision`, with precisions (`fp16,int8`; `all` for every one);
 * - a knob (`batch_size` or `batch`, `seq_len`, `efficiency`, `tp`, `pp`, `ep`,
 *   `microbatches`, `v_stages`, `zero_stage`, `duration_days`), with numbers or ranges:
 *   `1:8` (step 1), `0.1:1:0.1` (a step), `1:256:x2` (a factor), ends included;
 * - a solver parameter by id (`serving.network_bandwidth`), with quantities ("100 GB/s") or
 *   bare numbers and ranges in the parameter's unit.
 *
 * Returns: %TRUE on success
 */
gboolean
mls_sweep_add_axis_from_string (MlsSweep   *self,
                                const char *spec,
                                GError    **error)
{
  const char *eq;
  g_autofree char *name = NULL;
  g_auto(GStrv) values = NULL;
  const CategoryInfo *category;
  MlsKnob knob;
  guint n;

  g_return_val_if_fail (MLS_IS_SWEEP (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  eq = strchr (spec, '=');
  if (eq == NULL)
    {
      g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_AXIS,
                   _("Axis “%s” has no values; write NAME=V1,V2,…, such as "
                     "hardware=H100,A100 or batch_size=1:256:x2"), spec);
      return FALSE;
    }
  name = g_strstrip (g_strndup (spec, eq - spec));
  values = g_strsplit (eq + 1, ",", -1);
  n = 0;
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_strstrip (values[i]);
      if (*values[i] != '\0')
        {
          char *v = values[i];
          values[i] = NULL;
          values[n++] = v;
        }
      else
        g_clear_pointer (&values[i], g_free);
    }
  values[n] = NULL;
  if (n == 0)
    return check_axis (self, name, 0, error);

  if ((category = find_category (name)) != NULL)
    {
      if (n == 1 && g_ascii_strcasecmp (values[0], "all") == 0)
        {
          MlsRegistry *registry = mls_engine_get_registry (self->engine);
          g_auto(GStrv) keys = registry ? mls_registry_list_keys (registry, category->category)
                                        : NULL;

          return mls_sweep_add_entry_axis (self, category->category,
                                           (const char * const *) keys, error);
        }
      return mls_sweep_add_entry_axis (self, category->category, (const char * const *) values,
                                       error);
    }
  if (g_ascii_strcasecmp (name, "precision") == 0 || g_ascii_strcasecmp (name, "precisions") == 0)
    {
      g_autoptr(GArray) precisions = g_array_new (FALSE, FALSE, sizeof (MlsPrecision));

      if (n == 1 && g_ascii_strcasecmp (values[0], "all") == 0)
        for (MlsPrecision p = 0; p < MLS_N_PRECISIONS; p++)
          g_array_append_val (precisions, p);
      else
        for (guint i = 0; i < n; i++)
          {
            MlsPrecision p;

            if (!mls_precision_from_string (values[i], &p, error))
              {
                g_prefix_error (error, _("Axis “precision”: "));
                return FALSE;
              }
            g_array_append_val (precisions, p);
          }
      return mls_sweep_add_precision_axis (self, (const MlsPrecision *) (gpointer)
                                           precisions->data, precisions->len, error);
    }
  if (find_knob (name, &knob))
    {
      g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (double));

      if (!parse_numbers (mls_knob_to_string (knob), values, numbers, error))
        return FALSE;
      return mls_sweep_add_knob_axis (self, knob, (const double *) (gpointer) numbers->data,
                                      numbers->len, error);
    }
  else
    {
      const MlsParameterSpec *pspec = find_parameter (self, name, error);
      g_autoptr(GArray) quantities = g_array_new (FALSE, FALSE, sizeof (MlsQuantity));
      MlsQuantity unit;

      if (pspec == NULL)
        return FALSE;
      parameter_unit (pspec, &unit);
      for (guint i = 0; i < n; i++)
        {
          MlsQuantity q;

          if (strchr (values[i] + 1, ':') != NULL)
            {
              g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (double));

              if (!parse_range (pspec->id, values[i], numbers, error))
                return FALSE;
              for (guint j = 0; j < numbers->len; j++)
                {
                  mls_quantity_scale (&unit, g_array_index (numbers, double, j), &q);
                  g_array_append_val (quantities, q);
                }
              continue;
            }
          if (!mls_quantity_evaluate (values[i], &q, error))
            {
              g_prefix_error (error, _("Axis “%s”: "), pspec->id);
              return FALSE;
            }
          /* A bare number is in the parameter's unit. */
          if (mls_quantity_is_dimensionless (&q))
            mls_quantity_scale (&unit, q.value, &q);
          g_array_append_val (quantities, q);
        }
      return mls_sweep_add_parameter_axis (self, pspec->id,
                                           (const MlsQuantity *) (gpointer) quantities->data,
                                           quantities->len, error);
    }
}

/**
 * mls_sweep_get_n_axes:
 * @self: a #MlsSweep
 *
 * Returns: the axes added so far
 */
guint
mls_sweep_get_n_axes (MlsSweep *self)
{
  g_return_val_if_fail (MLS_IS_SWEEP (self), 0);
  return self->axes->len;
}

/* --- solvers and metrics ------------------------------------------------------------- */

/**
 * mls_sweep_set_solvers:
 * @self: a #MlsSweep
 * @solver_ids: (nullable) (array zero-terminated=1): solvers to run at each point (those
 *   whose metrics they need are added)
 * @error: return location for a #GError
 *
 * Chooses the solvers. Without any, the solvers of the metrics asked for run; without those
 * either, the roofline.
 *
 * Returns: %TRUE on success; %FALSE for an unknown solver
 */
gboolean
mls_sweep_set_solvers (MlsSweep           *self,
                       const char * const *solver_ids,
                       GError            **error)
{
  g_return_val_if_fail (MLS_IS_SWEEP (self), FALSE);

  if (solver_ids != NULL && solver_ids[0] != NULL)
    {
      g_autoptr(MlsEnginePlan) plan = mls_engine_plan (self->engine, solver_ids, error);

      if (plan == NULL)
        return FALSE;
    }
  g_ptr_array_set_size (self->solver_ids, 0);
  for (guint i = 0; solver_ids != NULL && solver_ids[i] != NULL; i++)
    g_ptr_array_add (self->solver_ids, g_strdup (solver_ids[i]));
  return TRUE;
}

static gboolean
make_column (const MlsMetricSpec *spec,
             MlsSweepColumn      *out,
             GError             **error)
{
  MlsQuantity unit;

  memset (out, 0, sizeof *out);
  out->text = g_strcmp0 (spec->unit, "text") == 0;
  out->scale = 1;
  if (!out->text && spec->unit != NULL && *spec->unit != '\0')
    {
      if (!mls_quantity_from_unit (1, spec->unit, &unit, error))
        return FALSE;
      out->scale = unit.value;
    }
  out->id = g_strdup (spec->id);
  out->label = g_strdup (spec->label ? spec->label : spec->id);
  out->unit = g_strdup (spec->unit ? spec->unit : "");
  out->quark = spec->quark ? spec->quark : g_quark_from_string (spec->id);
  return TRUE;
}

/**
 * mls_sweep_add_metric:
 * @self: a #MlsSweep
 * @metric_id: a metric id ("roofline.latency"); its solver runs at each point
 * @error: return location for a #GError
 *
 * Adds a column of results. Numbers are kept in base units and shown in the unit the solver
 * declares; text metrics ("roofline.bottleneck") are kept as text.
 *
 * Returns: %TRUE on success; %FALSE if no solver produces @metric_id
 */
gboolean
mls_sweep_add_metric (MlsSweep   *self,
                      const char *metric_id,
                      GError    **error)
{
  const char *dot;
  g_autofree char *solver = NULL;
  MlsSolverInfo *info;
  const MlsMetricSpec *spec = NULL;
  MlsSweepColumn column;

  g_return_val_if_fail (MLS_IS_SWEEP (self), FALSE);
  g_return_val_if_fail (metric_id != NULL, FALSE);

  for (guint i = 0; i < self->columns->len; i++)
    if (g_ascii_strcasecmp (g_array_index (self->columns, MlsSweepColumn, i).id, metric_id) == 0)
      return TRUE;

  dot = strchr (metric_id, '.');
  solver = dot ? g_strndup (metric_id, dot - metric_id) : g_strdup (metric_id);
  info = mls_engine_get_info (self->engine, solver);
  for (guint i = 0; info != NULL && i < mls_solver_info_get_n_metrics (info) && spec == NULL; i++)
    if (g_ascii_strcasecmp (mls_solver_info_get_metric (info, i)->id, metric_id) == 0)
      spec = mls_solver_info_get_metric (info, i);
  if (spec == NULL)
    {
      g_autoptr(GString) valid = g_string_new (NULL);

      for (guint i = 0; info != NULL && i < mls_solver_info_get_n_metrics (info); i++)
        g_string_append_printf (valid, "%s%s", valid->len ? ", " : "",
                                mls_solver_info_get_metric (info, i)->id);
      if (info == NULL)
        g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_UNKNOWN_METRIC,
                     _("No solver produces “%s”: metric ids are SOLVER.NAME, as “mlsysim "
                       "solvers” lists them"), metric_id);
      else
        g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_UNKNOWN_METRIC,
                     _("Solver “%s” has no metric “%s”; it has %s"), solver, metric_id,
                     valid->str);
      return FALSE;
    }
  if (!make_column (spec, &column, error))
    return FALSE;
  g_array_append_val (self->columns, column);
  return TRUE;
}

/**
 * mls_sweep_set_n_threads:
 * @self: a #MlsSweep
 * @n_threads: worker threads; 0 for one per processor
 *
 * Sets how many threads evaluate the points.
 */
void
mls_sweep_set_n_threads (MlsSweep *self,
                         guint     n_threads)
{
  g_return_if_fail (MLS_IS_SWEEP (self));
  self->n_threads = n_threads;
}

/**
 * mls_sweep_get_n_threads:
 * @self: a #MlsSweep
 *
 * Returns: the worker threads a run uses (one per processor unless set)
 */
guint
mls_sweep_get_n_threads (MlsSweep *self)
{
  g_return_val_if_fail (MLS_IS_SWEEP (self), 1);
  return self->n_threads > 0 ? self->n_threads : (guint) MAX (g_get_num_processors (), 1);
}

static gboolean
count_points (GPtrArray *axes,
              guint64   *out,
              GError   **error)
{
  guint64 n = 1;

  for (guint i = 0; i < axes->len; i++)
    if (!g_uint64_checked_mul (&n, n, ((MlsSweepAxis *) g_ptr_array_index (axes, i))->n_values) ||
        n > MAX_POINTS)
      {
        g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_TOO_LARGE,
                     _("The sweep has more than %" G_GUINT64_FORMAT " points; use fewer "
                       "values"), MAX_POINTS);
        return FALSE;
      }
  *out = n;
  return TRUE;
}

/**
 * mls_sweep_get_n_points:
 * @self: a #MlsSweep
 *
 * Returns: the points of the cartesian product of the axes (1 without axes), or 0 if there
 *   are too many to run
 */
guint64
mls_sweep_get_n_points (MlsSweep *self)
{
  guint64 n;

  g_return_val_if_fail (MLS_IS_SWEEP (self), 0);
  return count_points (self->axes, &n, NULL) ? n : 0;
}

/**
 * mls_sweep_get_table:
 * @self: a #MlsSweep
 *
 * The table of the last run: after mls_sweep_run() failed with %G_IO_ERROR_CANCELLED, the
 * partial table of the points evaluated before the cancellation.
 *
 * Returns: (transfer full) (nullable): the last table, or %NULL before any run
 */
MlsSweepTable *
mls_sweep_get_table (MlsSweep *self)
{
  MlsSweepTable *table;

  g_return_val_if_fail (MLS_IS_SWEEP (self), NULL);
  g_mutex_lock (&self->lock);
  table = self->table ? g_object_ref (self->table) : NULL;
  g_mutex_unlock (&self->lock);
  return table;
}

/* --- running -------------------------------------------------------------------------- */

typedef void (*ReportFunc) (guint64  done,
                            guint64  total,
                            gpointer data);

typedef struct
{
  /* shared, read-only while workers run */
  MlsEnginePlan   *plan;
  MlsSweepAxis   **axes;
  guint            n_axes;
  guint64         *strides;
  MlsSweepColumn  *columns;
  guint            n_columns;
  guint8          *failures;
  guint64          n_points;
  guint64          chunk_size;
  guint64          n_chunks;
  GCancellable    *cancellable;

  /* shared, atomic */
  gsize            claimed;    /* chunks handed out */
  gsize            done_points;
  guint8          *chunk_done;

  /* the coordinator sleeps on this until the workers are done */
  GMutex           mutex;
  GCond            cond;
  guint            running;
} Run;

typedef struct
{
  Run          *run;
  MlsScenario  *scenario;
  MlsLedger    *ledger;
  guint        *index;     /* per axis: the current value */
  guint        *positions; /* per column: where the ledger had it last time */
  guint64       points;
} Worker;

static inline void
apply_axis (MlsScenario  *scenario,
            MlsSweepAxis *axis,
            guint         value)
{
  switch (axis->kind)
    {
    case MLS_SWEEP_AXIS_ENTRY:
      {
        MlsEntry *entry = axis->entries[value];

        /* the order of categories[]; the casts are unchecked, the axis checked the types */
        switch (axis->category_index)
          {
          case 0:
            mls_scenario_set_hardware (scenario, (MlsHardwareNode *) entry);
            break;
          case 1:
            mls_scenario_set_workload (scenario, (MlsWorkload *) entry);
            break;
          case 2:
            mls_scenario_set_grid (scenario, (MlsGridProfile *) entry);
            break;
          default:
            mls_scenario_set_fleet (scenario, (MlsFleet *) entry);
            break;
          }
      }
      break;
    case MLS_SWEEP_AXIS_KNOB:
      /* checked when the axis was added */
      mls_scenario_set_knob (scenario, axis->knob, axis->numbers[value], NULL);
      break;
    case MLS_SWEEP_AXIS_PRECISION:
      mls_scenario_set_precision (scenario, axis->precisions[value]);
      break;
    case MLS_SWEEP_AXIS_PARAMETER:
      mls_scenario_update_parameter (scenario, axis->parameter, &axis->quantities[value]);
      break;
    }
}

/* A text metric of the ledger: where it was at the last point first, else a scan. */
static inline const char *
find_text (const MlsLedgerMetric *metrics,
           guint                  n,
           GQuark                 id,
           guint                 *position)
{
  if (*position < n && metrics[*position].id == id)
    return metrics[*position].text;
  for (guint i = 0; i < n; i++)
    if (metrics[i].id == id)
      {
        *position = i;
        return metrics[i].text;
      }
  return NULL;
}

static inline void
collect (Worker *w,
         guint64 point,
         guint   failures)
{
  Run *run = w->run;
  guint n;
  const MlsLedgerMetric *metrics = NULL;

  run->failures[point] = (guint8) MIN (failures, G_MAXUINT8);
  for (guint c = 0; c < run->n_columns; c++)
    {
      MlsSweepColumn *column = &run->columns[c];

      if (column->text)
        {
          if (metrics == NULL)
            metrics = mls_ledger_peek_metrics (w->ledger, &n);
          column->texts[point] = find_text (metrics, n, column->quark, &w->positions[c]);
        }
      else
        {
          MlsQuantity q;

          column->values[point] = mls_ledger_get_quark (w->ledger, column->quark, &q) ? q.value
                                                                                      : NAN;
        }
    }
}

static void
evaluate_chunk (Worker *w,
                guint64 chunk)
{
  Run *run = w->run;
  guint64 first = chunk * run->chunk_size;
  guint64 last = MIN (first + run->chunk_size, run->n_points);

  /* Decode the first point, apply every axis; then step like an odometer. */
  for (guint a = 0; a < run->n_axes; a++)
    {
      w->index[a] = (guint) ((first / run->strides[a]) % run->axes[a]->n_values);
      apply_axis (w->scenario, run->axes[a], w->index[a]);
    }
  for (guint64 p = first; p < last; p++)
    {
      if (p != first)
        for (guint a = run->n_axes; a-- > 0;)
          {
            if (++w->index[a] < run->axes[a]->n_values)
              {
                apply_axis (w->scenario, run->axes[a], w->index[a]);
                break;
              }
            w->index[a] = 0;
            apply_axis (w->scenario, run->axes[a], 0);
          }
      collect (w, p, mls_engine_plan_run (run->plan, w->scenario, w->ledger));
    }
  w->points += last - first;
  run->chunk_done[chunk] = 1;
  g_atomic_pointer_add (&run->done_points, (gssize) (last - first));
}

static void
work (Worker *w)
{
  Run *run = w->run;

  for (;;)
    {
      gsize chunk;

      if (g_cancellable_is_cancelled (run->cancellable))
        break;
      chunk = g_atomic_pointer_add (&run->claimed, 1);
      if (chunk >= run->n_chunks)
        break;
      evaluate_chunk (w, chunk);
    }
}

static gpointer
worker_thread (gpointer data)
{
  Worker *w = data;
  Run *run = w->run;

  work (w);
  g_mutex_lock (&run->mutex);
  run->running--;
  g_cond_signal (&run->cond);
  g_mutex_unlock (&run->mutex);
  return NULL;
}

/* The solvers and columns of a run: as asked, or derived from each other. */
static gboolean
prepare_plan (MlsSweep       *self,
              GArray         *columns,
              MlsEnginePlan **out_plan,
              GError        **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->solver_ids->len; i++)
    g_ptr_array_add (ids, g_strdup (g_ptr_array_index (self->solver_ids, i)));
  for (guint i = 0; i < self->columns->len; i++)
    {
      const char *id = g_array_index (self->columns, MlsSweepColumn, i).id;
      g_autofree char *solver = g_strndup (id, strchr (id, '.') - id);
      gboolean known = FALSE;

      for (guint j = 0; j < ids->len && !known; j++)
        known = g_ascii_strcasecmp (g_ptr_array_index (ids, j), solver) == 0;
      if (!known)
        g_ptr_array_add (ids, g_steal_pointer (&solver));
    }
  if (ids->len == 0)
    g_ptr_array_add (ids, g_strdup ("roofline"));

  for (guint i = 0; i < self->columns->len; i++)
    {
      MlsSweepColumn c = g_array_index (self->columns, MlsSweepColumn, i);

      c.id = g_strdup (c.id);
      c.label = g_strdup (c.label);
      c.unit = g_strdup (c.unit);
      g_array_append_val (columns, c);
    }
  /* No metric asked for: every metric of the solvers asked for. */
  if (columns->len == 0)
    for (guint i = 0; i < ids->len; i++)
      {
        MlsSolverInfo *info = mls_engine_get_info (self->engine, g_ptr_array_index (ids, i));

        for (guint j = 0; info != NULL && j < mls_solver_info_get_n_metrics (info); j++)
          {
            MlsSweepColumn c;

            if (!make_column (mls_solver_info_get_metric (info, j), &c, error))
              return FALSE;
            g_array_append_val (columns, c);
          }
      }

  g_ptr_array_add (ids, NULL);
  *out_plan = mls_engine_plan (self->engine, (const char * const *) ids->pdata, error);
  return *out_plan != NULL;
}

static MlsSweepTable *
run_sweep (MlsSweep     *self,
           GCancellable *cancellable,
           ReportFunc    report,
           gpointer      report_data,
           GError      **error)
{
  g_autoptr(GPtrArray) axes = g_ptr_array_new_with_free_func ((GDestroyNotify) mls_sweep_axis_unref);
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (MlsSweepColumn));
  g_autoptr(MlsEnginePlan) plan = NULL;
  g_autoptr(MlsSweepTable) table = NULL;
  g_autofree guint64 *strides = NULL;
  g_autofree Worker *workers = NULL;
  g_autofree GThread **threads = NULL;
  g_autofree guint64 *thread_points = NULL;
  g_autofree guint *scratch = NULL;
  guint64 n_points, stride = 1, last_reported = G_MAXUINT64;
  guint n_threads, n_columns;
  gint64 start = g_get_monotonic_time (), last_report = start;
  gboolean cancelled;
  Run run = { 0 };

  g_array_set_clear_func (columns, column_clear);
  /* A snapshot: the sweep may be changed while this run goes on. */
  for (guint i = 0; i < self->axes->len; i++)
    g_ptr_array_add (axes, mls_sweep_axis_ref (g_ptr_array_index (self->axes, i)));
  if (!count_points (axes, &n_points, error) || !prepare_plan (self, columns, &plan, error) ||
      (table = mls_sweep_table_new (axes, columns, n_points, error)) == NULL)
    return NULL;

  strides = g_new (guint64, MAX (axes->len, 1));
  for (guint i = axes->len; i-- > 0;)
    {
      strides[i] = stride;
      stride *= ((MlsSweepAxis *) g_ptr_array_index (axes, i))->n_values;
    }

  run.plan = plan;
  run.axes = (MlsSweepAxis **) axes->pdata;
  run.n_axes = axes->len;
  run.strides = strides;
  run.columns = mls_sweep_table_peek_columns (table, &n_columns);
  run.n_columns = n_columns;
  run.failures = mls_sweep_table_peek_failures (table);
  run.n_points = n_points;
  run.cancellable = cancellable;
  n_threads = mls_sweep_get_n_threads (self);
  run.chunk_size = CLAMP (n_points / ((guint64) n_threads * CHUNKS_PER_WORKER), MIN_CHUNK,
                          MAX_CHUNK);
  run.n_chunks = (n_points + run.chunk_size - 1) / run.chunk_size;
  n_threads = (guint) MIN (n_threads, run.n_chunks);
  run.chunk_done = g_new0 (guint8, run.n_chunks);
  g_mutex_init (&run.mutex);
  g_cond_init (&run.cond);

  workers = g_new0 (Worker, n_threads);
  scratch = g_new0 (guint, n_threads * (run.n_axes + n_columns + 1));
  for (guint t = 0; t < n_threads; t++)
    {
      Worker *w = &workers[t];

      w->run = &run;
      w->scenario = mls_scenario_copy (self->scenario);
      w->ledger = mls_ledger_new ();
      mls_ledger_set_explain (w->ledger, FALSE);
      w->index = scratch + t * (run.n_axes + n_columns + 1);
      w->positions = w->index + run.n_axes;
      /* Parameters are set once, so that each point only updates them in place. */
      for (guint a = 0; a < run.n_axes; a++)
        if (run.axes[a]->kind == MLS_SWEEP_AXIS_PARAMETER)
          mls_scenario_set_parameter (w->scenario, run.axes[a]->parameter,
                                      &run.axes[a]->quantities[0]);
    }

  if (report != NULL)
    report (0, n_points, report_data);

  if (n_threads == 1)
    {
      /* Small sweeps and single-threaded runs: this thread works, reporting between chunks. */
      Worker *w = &workers[0];

      for (;;)
        {
          gsize chunk;
          gint64 now;

          if (g_cancellable_is_cancelled (cancellable))
            break;
          chunk = run.claimed++;
          if (chunk >= run.n_chunks)
            break;
          evaluate_chunk (w, chunk);
          now = g_get_monotonic_time ();
          if (report != NULL && now - last_report >= PROGRESS_INTERVAL_US)
            {
              last_report = now;
              last_reported = run.done_points;
              report (last_reported, n_points, report_data);
            }
        }
    }
  else
    {
      threads = g_new0 (GThread *, n_threads);
      run.running = n_threads;
      for (guint t = 0; t < n_threads; t++)
        {
          g_autofree char *name = g_strdup_printf ("mls-sweep-%u", t);

          threads[t] = g_thread_new (name, worker_thread, &workers[t]);
        }
      g_mutex_lock (&run.mutex);
      while (run.running > 0)
        {
          gint64 deadline = g_get_monotonic_time () + PROGRESS_INTERVAL_US;

          if (!g_cond_wait_until (&run.cond, &run.mutex, deadline) && report != NULL)
            {
              gsize done = g_atomic_pointer_get (&run.done_points);

              g_mutex_unlock (&run.mutex);
              if (done != last_reported)
                {
                  last_reported = done;
                  report (done, n_points, report_data);
                }
              g_mutex_lock (&run.mutex);
            }
        }
      g_mutex_unlock (&run.mutex);
      for (guint t = 0; t < n_threads; t++)
        g_thread_join (threads[t]);
    }

  thread_points = g_new0 (guint64, n_threads);
  for (guint t = 0; t < n_threads; t++)
    {
      thread_points[t] = workers[t].points;
      g_object_unref (workers[t].scenario);
      g_object_unref (workers[t].ledger);
    }

  cancelled = run.done_points < n_points;
  if (cancelled)
    mls_sweep_table_compact (table, run.chunk_done, run.chunk_size);
  mls_sweep_table_set_stats (table, thread_points, n_threads,
                             (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  if (report != NULL && run.done_points != last_reported)
    report (run.done_points, n_points, report_data);

  g_free (run.chunk_done);
  g_mutex_clear (&run.mutex);
  g_cond_clear (&run.cond);

  g_mutex_lock (&self->lock);
  g_set_object (&self->table, table);
  g_mutex_unlock (&self->lock);

  if (cancelled)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                   _("The sweep was cancelled after %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
                     " points; mls_sweep_get_table() has those evaluated"),
                   mls_sweep_table_get_n_rows (table), n_points);
      return NULL;
    }
  return g_steal_pointer (&table);
}

typedef struct
{
  MlsSweep            *self;
  MlsSweepProgressFunc progress;
  gpointer             user_data;
} SyncReport;

static void
report_sync (guint64  done,
             guint64  total,
             gpointer data)
{
  SyncReport *r = data;

  if (r->progress != NULL)
    r->progress (done, total, r->user_data);
  g_signal_emit (r->self, signals[SIGNAL_PROGRESS], 0, done, total);
}

/**
 * mls_sweep_run:
 * @self: a #MlsSweep
 * @cancellable: (nullable): a #GCancellable to stop the sweep
 * @progress: (scope call) (closure user_data) (nullable): told how far the sweep has come
 * @user_data: data for @progress
 * @error: return location for a #GError
 *
 * Evaluates every point, on mls_sweep_get_n_threads() threads, and blocks until done. The
 * calling thread gets @progress and #MlsSweep::progress a few times a second. On cancellation
 * the workers stop after their current chunk (milliseconds), and the points finished so far
 * are kept: mls_sweep_get_table() returns them.
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with an error (%G_IO_ERROR_CANCELLED
 *   when cancelled)
 */
MlsSweepTable *
mls_sweep_run (MlsSweep            *self,
               GCancellable        *cancellable,
               MlsSweepProgressFunc progress,
               gpointer             user_data,
               GError             **error)
{
  SyncReport r = { self, progress, user_data };

  g_return_val_if_fail (MLS_IS_SWEEP (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  return run_sweep (self, cancellable, report_sync, &r, error);
}

typedef struct
{
  MlsSweep     *self;
  GMainContext *context;
  gint          pending; /* a report is queued in the context */
  guint64       done;
  guint64       total;
} AsyncReport;

static void
async_report_free (AsyncReport *r)
{
  g_object_unref (r->self);
  g_main_context_unref (r->context);
  g_free (r);
}

static gboolean
emit_async_progress (gpointer data)
{
  AsyncReport *r = data;
  guint64 done = r->done, total = r->total;

  g_atomic_int_set (&r->pending, 0);
  g_signal_emit (r->self, signals[SIGNAL_PROGRESS], 0, done, total);
  return G_SOURCE_REMOVE;
}

static void
report_async (guint64  done,
              guint64  total,
              gpointer data)
{
  AsyncReport *r = data;

  /* Last value wins; one report at a time is queued, so a slow main loop is not flooded. */
  r->done = done;
  r->total = total;
  if (g_atomic_int_compare_and_exchange (&r->pending, 0, 1))
    g_main_context_invoke (r->context, emit_async_progress, r);
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  MlsSweepTable *table = run_sweep (MLS_SWEEP (source), cancellable, report_async, data,
                                    &error);

  if (table == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, table, g_object_unref);
}

/**
 * mls_sweep_run_async:
 * @self: a #MlsSweep
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called in the current thread-default main context when done
 * @user_data: data for @callback
 *
 * Runs the sweep in a thread. #MlsSweep::progress is emitted in the caller's thread-default
 * main context. Finish with mls_sweep_run_finish().
 */
void
mls_sweep_run_async (MlsSweep           *self,
                     GCancellable       *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncReport *r;

  g_return_if_fail (MLS_IS_SWEEP (self));

  r = g_new0 (AsyncReport, 1);
  r->self = g_object_ref (self);
  r->context = g_main_context_ref_thread_default ();
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mls_sweep_run_async);
  /* Cancellation is the sweep's own: it returns the partial table. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, r, (GDestroyNotify) async_report_free);
  g_task_run_in_thread (task, run_in_thread);
}

/**
 * mls_sweep_run_finish:
 * @self: a #MlsSweep
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with an error, as mls_sweep_run()
 */
MlsSweepTable *
mls_sweep_run_finish (MlsSweep     *self,
                      GAsyncResult *result,
                      GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
