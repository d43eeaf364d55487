/* mls-solver.c — the extension point: where demand meets supply
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "mlsysim.h"

G_DEFINE_QUARK (mls-solver-error-quark, mls_solver_error)
G_DEFINE_INTERFACE (MlsSolver, mls_solver, G_TYPE_OBJECT)

static void
mls_solver_default_init (MlsSolverInterface *iface)
{
}

/**
 * mls_solver_describe:
 * @self: a #MlsSolver
 *
 * Returns: (transfer full): what the solver takes and produces
 */
MlsSolverInfo *
mls_solver_describe (MlsSolver *self)
{
  g_return_val_if_fail (MLS_IS_SOLVER (self), NULL);
  return MLS_SOLVER_GET_IFACE (self)->describe (self);
}

/**
 * mls_solver_prepare:
 * @self: a #MlsSolver
 * @registry: the registry to read constants from
 * @error: return location for a #GError
 *
 * Lets the solver read what it needs from the registry once, before any solve.
 *
 * Returns: %TRUE on success
 */
gboolean
mls_solver_prepare (MlsSolver   *self,
                    MlsRegistry *registry,
                    GError     **error)
{
  MlsSolverInterface *iface;

  g_return_val_if_fail (MLS_IS_SOLVER (self), FALSE);
  iface = MLS_SOLVER_GET_IFACE (self);
  return iface->prepare == NULL || iface->prepare (self, registry, error);
}

/**
 * mls_solver_solve:
 * @self: a #MlsSolver
 * @scenario: what is asked
 * @ledger: where the results go; it also holds the metrics of solvers that ran before
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
mls_solver_solve (MlsSolver   *self,
                  MlsScenario *scenario,
                  MlsLedger   *ledger,
                  GError     **error)
{
  g_return_val_if_fail (MLS_IS_SOLVER (self), FALSE);
  return MLS_SOLVER_GET_IFACE (self)->solve (self, scenario, ledger, error);
}
