/* mls-solver.h — the extension point: where demand meets supply
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <glib-object.h>

#include "mls-ledger.h"
#include "mls-registry.h"
#include "mls-scenario.h"
#include "mls-solver-info.h"

G_BEGIN_DECLS

/**
 * MLS_SOLVER_ERROR:
 *
 * The error domain of solvers and the engine.
 */
#define MLS_SOLVER_ERROR (mls_solver_error_quark ())

/**
 * MlsSolverError:
 * @MLS_SOLVER_ERROR_INVALID_INPUT: a scenario value is out of range (negative batch, η > 1)
 * @MLS_SOLVER_ERROR_INFEASIBLE: the physics says no (out of memory, a starved pipeline)
 * @MLS_SOLVER_ERROR_NONSENSE: a solver produced NaN, a negative time or wrong units
 * @MLS_SOLVER_ERROR_PLUGIN: a plugin failed to load or to describe itself
 * @MLS_SOLVER_ERROR_UNKNOWN: no solver with that id
 * @MLS_SOLVER_ERROR_CYCLE: solvers require each other's metrics in a cycle
 * @MLS_SOLVER_ERROR_FAILED: any other failure
 *
 * Error codes in the %MLS_SOLVER_ERROR domain.
 */
typedef enum
{
  MLS_SOLVER_ERROR_INVALID_INPUT,
  MLS_SOLVER_ERROR_INFEASIBLE,
  MLS_SOLVER_ERROR_NONSENSE,
  MLS_SOLVER_ERROR_PLUGIN,
  MLS_SOLVER_ERROR_UNKNOWN,
  MLS_SOLVER_ERROR_CYCLE,
  MLS_SOLVER_ERROR_FAILED,
} MlsSolverError;

#define MLS_TYPE_SOLVER (mls_solver_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (MlsSolver, mls_solver, MLS, SOLVER, GObject)

/**
 * MlsSolverInterface:
 * @parent_iface: the parent interface
 * @describe: returns what the solver takes and produces; called once after loading
 * @prepare: optional; reads constants from the registry once, before any solve
 * @solve: reads the scenario (and metrics of the solvers it requires) and writes its metrics,
 *   status and explanations into the ledger. Must touch nothing but its arguments, so that
 *   solves run in parallel.
 *
 * A solver plugin implements this interface, in C or in Python.
 */
struct _MlsSolverInterface
{
  GTypeInterface parent_iface;

  MlsSolverInfo *(*describe) (MlsSolver   *self);
  gboolean       (*prepare)  (MlsSolver   *self,
                              MlsRegistry *registry,
                              GError     **error);
  gboolean       (*solve)    (MlsSolver   *self,
                              MlsScenario *scenario,
                              MlsLedger   *ledger,
                              GError     **error);
};

MLS_AVAILABLE_IN_ALL
GQuark         mls_solver_error_quark (void);
MLS_AVAILABLE_IN_ALL
MlsSolverInfo *mls_solver_describe    (MlsSolver   *self);
MLS_AVAILABLE_IN_ALL
gboolean       mls_solver_prepare     (MlsSolver   *self,
                                       MlsRegistry *registry,
                                       GError     **error);
MLS_AVAILABLE_IN_ALL
gboolean       mls_solver_solve       (MlsSolver   *self,
                                       MlsScenario *scenario,
                                       MlsLedger   *ledger,
                                       GError     **error);

G_END_DECLS
