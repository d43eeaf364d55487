/* mls-solver-info.h — what a solver says about itself
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <glib-object.h>

#include "mls-quantity.h"
#include "mls-version-macros.h"

G_BEGIN_DECLS

/**
 * MlsSolverKind:
 * @MLS_SOLVER_KIND_MODEL: a forward model, Y = f(X)
 * @MLS_SOLVER_KIND_SOLVER: an inverse or diagnostic solve, X = f⁻¹(Y) or ∇f
 * @MLS_SOLVER_KIND_OPTIMIZER: a search, max f(X) subject to g(X) < c
 *
 * The three kinds of resolver of the reference's taxonomy.
 */
typedef enum
{
  MLS_SOLVER_KIND_MODEL,
  MLS_SOLVER_KIND_SOLVER,
  MLS_SOLVER_KIND_OPTIMIZER,
} MlsSolverKind;

/**
 * MlsSolverInput:
 * @MLS_SOLVER_INPUT_NONE: needs nothing from the scenario
 * @MLS_SOLVER_INPUT_WORKLOAD: needs a workload
 * @MLS_SOLVER_INPUT_HARDWARE: needs a hardware node
 * @MLS_SOLVER_INPUT_FLEET: needs a fleet of several nodes
 * @MLS_SOLVER_INPUT_TRANSFORMER: needs a transformer workload (layers, heads)
 *
 * What a solver needs; the engine skips solvers a scenario cannot feed.
 */
typedef enum /*< flags >*/
{
  MLS_SOLVER_INPUT_NONE = 0,
  MLS_SOLVER_INPUT_WORKLOAD = 1 << 0,
  MLS_SOLVER_INPUT_HARDWARE = 1 << 1,
  MLS_SOLVER_INPUT_FLEET = 1 << 2,
  MLS_SOLVER_INPUT_TRANSFORMER = 1 << 3,
} MlsSolverInput;

/**
 * MlsParameterSpec:
 * @id: the parameter's id ("seq_len", "checkpoint_time")
 * @label: a short label for forms
 * @description: one line on what it means
 * @unit: a unit of its dimension ("s", "GB/s"), or "" for a plain number
 * @default_value: the default, in @unit
 * @minimum: the smallest accepted value, in @unit
 * @maximum: the largest accepted value, in @unit
 * @integer: whether only whole numbers make sense
 *
 * A parameter a solver takes. Values reach the solver through the scenario.
 */
typedef struct
{
  char     *id;
  char     *label;
  char     *description;
  char     *unit;
  double    default_value;
  double    minimum;
  double    maximum;
  gboolean  integer;
} MlsParameterSpec;

/**
 * MlsMetricSpec:
 * @id: the metric's id, "<solver>.<name>" ("serving.ttft")
 * @label: a short label
 * @description: one line on what it means
 * @unit: the unit to show it in ("ms", "GB"), "" for a plain number, or "text"
 * @quark: the interned @id
 *
 * A metric a solver produces.
 */
typedef struct
{
  char    *id;
  char    *label;
  char    *description;
  char    *unit;
  GQuark   quark;
} MlsMetricSpec;

#define MLS_TYPE_PARAMETER_SPEC (mls_parameter_spec_get_type ())
#define MLS_TYPE_METRIC_SPEC (mls_metric_spec_get_type ())
#define MLS_TYPE_SOLVER_INFO (mls_solver_info_get_type ())

MLS_AVAILABLE_IN_ALL
GType             mls_parameter_spec_get_type (void) G_GNUC_CONST;
MLS_AVAILABLE_IN_ALL
MlsParameterSpec *mls_parameter_spec_copy     (const MlsParameterSpec *self);
MLS_AVAILABLE_IN_ALL
void              mls_parameter_spec_free     (MlsParameterSpec       *self);
MLS_AVAILABLE_IN_ALL
GType             mls_metric_spec_get_type    (void) G_GNUC_CONST;
MLS_AVAILABLE_IN_ALL
MlsMetricSpec    *mls_metric_spec_copy        (const MlsMetricSpec    *self);
MLS_AVAILABLE_IN_ALL
void              mls_metric_spec_free        (MlsMetricSpec          *self);

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsSolverInfo, mls_solver_info, MLS, SOLVER_INFO, GObject)

MLS_AVAILABLE_IN_ALL
MlsSolverInfo  *mls_solver_info_new              (const char     *id,
                                                  const char     *name,
                                                  const char     *description,
                                                  MlsSolverKind   kind);
MLS_AVAILABLE_IN_ALL
void            mls_solver_info_set_inputs       (MlsSolverInfo  *self,
                                                  MlsSolverInput  inputs);
MLS_AVAILABLE_IN_ALL
void            mls_solver_info_add_wall         (MlsSolverInfo  *self,
                                                  guint           wall);
MLS_AVAILABLE_IN_ALL
void            mls_solver_info_add_parameter    (MlsSolverInfo  *self,
                                                  const char     *id,
                                                  const char     *label,
                                                  const char     *unit,
                                                  double          default_value,
                                                  double          minimum,
                                                  double          maximum,
                                                  const char     *description);
MLS_AVAILABLE_IN_ALL
void            mls_solver_info_add_metric       (MlsSolverInfo  *self,
                                                  const char     *id,
                                                  const char     *label,
                                                  const char     *unit,
                                                  const char     *description);
MLS_AVAILABLE_IN_ALL
void            mls_solver_info_add_requirement  (MlsSolverInfo  *self,
                                                  const char     *metric_id);

MLS_AVAILABLE_IN_ALL
const char     *mls_solver_info_get_id           (MlsSolverInfo  *self);
MLS_AVAILABLE_IN_ALL
const char     *mls_solver_info_get_name         (MlsSolverInfo  *self);
MLS_AVAILABLE_IN_ALL
const char     *mls_solver_info_get_description  (MlsSolverInfo  *self);
MLS_AVAILABLE_IN_ALL
MlsSolverKind   mls_solver_info_get_kind         (MlsSolverInfo  *self);
MLS_AVAILABLE_IN_ALL
const char     *mls_solver_kind_to_string        (MlsSolverKind   kind);
MLS_AVAILABLE_IN_ALL
MlsSolverInput  mls_solver_info_get_inputs       (MlsSolverInfo  *self);
MLS_AVAILABLE_IN_ALL
const guint    *mls_solver_info_get_walls        (MlsSolverInfo  *self,
                                                  guint          *n_walls);
MLS_AVAILABLE_IN_ALL
guint           mls_solver_info_get_n_parameters (MlsSolverInfo  *self);
MLS_AVAILABLE_IN_ALL
const MlsParameterSpec *mls_solver_info_get_parameter (MlsSolverInfo *self,
                                                  guint           index);
MLS_AVAILABLE_IN_ALL
const MlsParameterSpec *mls_solver_info_find_parameter (MlsSolverInfo *self,
                                                  const char     *id);
MLS_AVAILABLE_IN_ALL
guint           mls_solver_info_get_n_metrics    (MlsSolverInfo  *self);
MLS_AVAILABLE_IN_ALL
const MlsMetricSpec *mls_solver_info_get_metric  (MlsSolverInfo  *self,
                                                  guint           index);
MLS_AVAILABLE_IN_ALL
const MlsMetricSpec *mls_solver_info_find_metric (MlsSolverInfo  *self,
                                                  GQuark          metric);
MLS_AVAILABLE_IN_ALL
const char * const *mls_solver_info_get_requirements (MlsSolverInfo *self);

G_END_DECLS
