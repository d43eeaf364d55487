/* mls-solver-info.c — what a solver says about itself
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "mlsysim.h"

struct _MlsSolverInfo
{
  GObject        parent_instance;
  char          *id;
  char          *name;
  char          *description;
  MlsSolverKind  kind;
  MlsSolverInput inputs;
  GArray        *walls;        /* guint */
  GArray        *parameters;   /* MlsParameterSpec */
  GArray        *metrics;      /* MlsMetricSpec */
  GPtrArray     *requirements; /* char *, NULL-terminated */
};

G_DEFINE_FINAL_TYPE (MlsSolverInfo, mls_solver_info, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (MlsParameterSpec, mls_parameter_spec, mls_parameter_spec_copy,
                     mls_parameter_spec_free)
G_DEFINE_BOXED_TYPE (MlsMetricSpec, mls_metric_spec, mls_metric_spec_copy, mls_metric_spec_free)

static void
clear_parameter (gpointer data)
{
  MlsParameterSpec *p = data;

  g_free (p->id);
  g_free (p->label);
  g_free (p->description);
  g_free (p->unit);
}

static void
clear_metric (gpointer data)
{
  MlsMetricSpec *m = data;

  g_free (m->id);
  g_free (m->label);
  g_free (m->description);
  g_free (m->unit);
}

/**
 * mls_parameter_spec_copy:
 * @self: a #MlsParameterSpec
 *
 * Returns: (transfer full): a deep copy
 */
MlsParameterSpec *
mls_parameter_spec_copy (const MlsParameterSpec *self)
{
  MlsParameterSpec *copy = g_memdup2 (self, sizeof *self);

  copy->id = g_strdup (self->id);
  copy->label = g_strdup (self->label);
  copy->description = g_strdup (self->description);
  copy->unit = g_strdup (self->unit);
  return copy;
}

/**
 * mls_parameter_spec_free:
 * @self: a #MlsParameterSpec from mls_parameter_spec_copy()
 */
void
mls_parameter_spec_free (MlsParameterSpec *self)
{
  clear_parameter (self);
  g_free (self);
}

/**
 * mls_metric_spec_copy:
 * @self: a #MlsMetricSpec
 *
 * Returns: (transfer full): a deep copy
 */
MlsMetricSpec *
mls_metric_spec_copy (const MlsMetricSpec *self)
{
  MlsMetricSpec *copy = g_memdup2 (self, sizeof *self);

  copy->id = g_strdup (self->id);
  copy->label = g_strdup (self->label);
  copy->description = g_strdup (self->description);
  copy->unit = g_strdup (self->unit);
  return copy;
}

/**
 * mls_metric_spec_free:
 * @self: a #MlsMetricSpec from mls_metric_spec_copy()
 */
void
mls_metric_spec_free (MlsMetricSpec *self)
{
  clear_metric (self);
  g_free (self);
}

static void
mls_solver_info_finalize (GObject *object)
{
  MlsSolverInfo *self = MLS_SOLVER_INFO (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_array_unref (self->walls);
  g_array_unref (self->parameters);
  g_array_unref (self->metrics);
  g_ptr_array_unref (self->requirements);
  G_OBJECT_CLASS (mls_solver_info_parent_class)->finalize (object);
}

static void
mls_solver_info_class_init (MlsSolverInfoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mls_solver_info_finalize;
}

static void
mls_solver_info_init (MlsSolverInfo *self)
{
  self->walls = g_array_new (FALSE, FALSE, sizeof (guint));
  self->parameters = g_array_new (FALSE, TRUE, sizeof (MlsParameterSpec));
  g_array_set_clear_func (self->parameters, clear_parameter);
  self->metrics = g_array_new (FALSE, TRUE, sizeof (MlsMetricSpec));
  g_array_set_clear_func (self->metrics, clear_metric);
  self->requirements = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

/**
 * mls_solver_info_new:
 * @id: a short identifier, lowercase with dashes ("roofline")
 * @name: a human name (translatable)
 * @description: one sentence on what it answers
 * @kind: model, solver or optimizer
 *
 * Returns: (transfer full): a new description, to be filled by the solver
 */
MlsSolverInfo *
mls_solver_info_new (const char   *id,
                     const char   *name,
                     const char   *description,
                     MlsSolverKind kind)
{
  MlsSolverInfo *self = g_object_new (MLS_TYPE_SOLVER_INFO, NULL);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->description = g_strdup (description);
  self->kind = kind;
  return self;
}

/**
 * mls_solver_info_set_inputs:
 * @self: a #MlsSolverInfo
 * @inputs: what the solver needs from a scenario
 */
void
mls_solver_info_set_inputs (MlsSolverInfo *self,
                            MlsSolverInput inputs)
{
  self->inputs = inputs;
}

/**
 * mls_solver_info_add_wall:
 * @self: a #MlsSolverInfo
 * @wall: the number of a wall the solver covers (1–22)
 */
void
mls_solver_info_add_wall (MlsSolverInfo *self,
                          guint          wall)
{
  g_array_append_val (self->walls, wall);
}

/**
 * mls_solver_info_add_parameter:
 * @self: a #MlsSolverInfo
 * @id: the parameter id, "<solver>.<name>"
 * @label: a short label
 * @unit: a unit of its dimension, or "" for a plain number
 * @default_value: the default, in @unit
 * @minimum: the smallest accepted value, in @unit
 * @maximum: the largest accepted value, in @unit
 * @description: one line on what it means
 */
void
mls_solver_info_add_parameter (MlsSolverInfo *self,
                               const char    *id,
                               const char    *label,
                               const char    *unit,
                               double         default_value,
                               double         minimum,
                               double         maximum,
                               const char    *description)
{
  MlsParameterSpec p = {
    g_strdup (id), g_strdup (label), g_strdup (description), g_strdup (unit ? unit : ""),
    default_value, minimum, maximum, FALSE,
  };

  g_array_append_val (self->parameters, p);
}

/**
 * mls_solver_info_add_metric:
 * @self: a #MlsSolverInfo
 * @id: the metric id, "<solver>.<name>"
 * @label: a short label
 * @unit: the unit to show it in, "" for a plain number, or "text"
 * @description: one line on what it means
 */
void
mls_solver_info_add_metric (MlsSolverInfo *self,
                            const char    *id,
                            const char    *label,
                            const char    *unit,
                            const char    *description)
{
  MlsMetricSpec m = {
    g_strdup (id), g_strdup (label), g_strdup (description), g_strdup (unit ? unit : ""),
    g_quark_from_string (id),
  };

  g_array_append_val (self->metrics, m);
}

/**
 * mls_solver_info_add_requirement:
 * @self: a #MlsSolverInfo
 * @metric_id: a metric of another solver this one reads ("sustainability.total_energy")
 *
 * The engine runs the producer of @metric_id first.
 */
void
mls_solver_info_add_requirement (MlsSolverInfo *self,
                                 const char    *metric_id)
{
  g_ptr_array_add (self->requirements, g_strdup (metric_id));
}

/**
 * mls_solver_info_get_id:
 * @self: a #MlsSolverInfo
 *
 * Returns: the solver's id
 */
const char *
mls_solver_info_get_id (MlsSolverInfo *self)
{
  return self->id;
}

/**
 * mls_solver_info_get_name:
 * @self: a #MlsSolverInfo
 *
 * Returns: the solver's human name
 */
const char *
mls_solver_info_get_name (MlsSolverInfo *self)
{
  return self->name;
}

/**
 * mls_solver_info_get_description:
 * @self: a #MlsSolverInfo
 *
 * Returns: what the solver answers
 */
const char *
mls_solver_info_get_description (MlsSolverInfo *self)
{
  return self->description;
}

/**
 * mls_solver_info_get_kind:
 * @self: a #MlsSolverInfo
 *
 * Returns: model, solver or optimizer
 */
MlsSolverKind
mls_solver_info_get_kind (MlsSolverInfo *self)
{
  return self->kind;
}

/**
 * mls_solver_kind_to_string:
 * @kind: a #MlsSolverKind
 *
 * Returns: "model", "solver" or "optimizer"
 */
const char *
mls_solver_kind_to_string (MlsSolverKind kind)
{
  switch (kind)
    {
    case MLS_SOLVER_KIND_MODEL:
      return "model";
    case MLS_SOLVER_KIND_SOLVER:
      return "solver";
    case MLS_SOLVER_KIND_OPTIMIZER:
      return "optimizer";
    default:
      return "unknown";
    }
}

/**
 * mls_solver_info_get_inputs:
 * @self: a #MlsSolverInfo
 *
 * Returns: what the solver needs from a scenario
 */
MlsSolverInput
mls_solver_info_get_inputs (MlsSolverInfo *self)
{
  return self->inputs;
}

/**
 * mls_solver_info_get_walls:
 * @self: a #MlsSolverInfo
 * @n_walls: (out): the number of walls
 *
 * Returns: (array length=n_walls) (transfer none): the walls the solver covers
 */
const guint *
mls_solver_info_get_walls (MlsSolverInfo *self,
                           guint         *n_walls)
{
  *n_walls = self->walls->len;
  return (const guint *) (gconstpointer) self->walls->data;
}

/**
 * mls_solver_info_get_n_parameters:
 * @self: a #MlsSolverInfo
 *
 * Returns: the number of parameters
 */
guint
mls_solver_info_get_n_parameters (MlsSolverInfo *self)
{
  return self->parameters->len;
}

/**
 * mls_solver_info_get_parameter:
 * @self: a #MlsSolverInfo
 * @index: a parameter index
 *
 * Returns: (transfer none): the parameter
 */
const MlsParameterSpec *
mls_solver_info_get_parameter (MlsSolverInfo *self,
                               guint          index)
{
  g_return_val_if_fail (index < self->parameters->len, NULL);
  return &g_array_index (self->parameters, MlsParameterSpec, index);
}

/**
 * mls_solver_info_find_parameter:
 * @self: a #MlsSolverInfo
 * @id: a parameter id
 *
 * Returns: (transfer none) (nullable): the parameter, or %NULL
 */
const MlsParameterSpec *
mls_solver_info_find_parameter (MlsSolverInfo *self,
                                const char    *id)
{
  for (guint i = 0; i < self->parameters->len; i++)
    {
      const MlsParameterSpec *p = &g_array_index (self->parameters, MlsParameterSpec, i);
      if (g_strcmp0 (p->id, id) == 0)
        return p;
    }
  return NULL;
}

/**
 * mls_solver_info_get_n_metrics:
 * @self: a #MlsSolverInfo
 *
 * Returns: the number of metrics
 */
guint
mls_solver_info_get_n_metrics (MlsSolverInfo *self)
{
  return self->metrics->len;
}

/**
 * mls_solver_info_get_metric:
 * @self: a #MlsSolverInfo
 * @index: a metric index
 *
 * Returns: (transfer none): the metric
 */
const MlsMetricSpec *
mls_solver_info_get_metric (MlsSolverInfo *self,
                            guint          index)
{
  g_return_val_if_fail (index < self->metrics->len, NULL);
  return &g_array_index (self->metrics, MlsMetricSpec, index);
}

/**
 * mls_solver_info_find_metric:
 * @self: a #MlsSolverInfo
 * @metric: an interned metric id
 *
 * Returns: (transfer none) (nullable): the metric, or %NULL
 */
const MlsMetricSpec *
mls_solver_info_find_metric (MlsSolverInfo *self,
                             GQuark         metric)
{
  for (guint i = 0; i < self->metrics->len; i++)
    {
      const MlsMetricSpec *m = &g_array_index (self->metrics, MlsMetricSpec, i);
      if (m->quark == metric)
        return m;
    }
  return NULL;
}

/**
 * mls_solver_info_get_requirements:
 * @self: a #MlsSolverInfo
 *
 * Returns: (transfer none) (array zero-terminated=1): the metrics of other solvers this one
 *   reads
 */
const char * const *
mls_solver_info_get_requirements (MlsSolverInfo *self)
{
  static const char * const none[] = { NULL };

  /* a null-terminated GPtrArray that never held anything may have no storage yet */
  if (self->requirements->len == 0)
    return none;
  return (const char * const *) self->requirements->pdata;
}
