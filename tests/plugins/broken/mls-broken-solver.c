/* mls-broken-solver.c — test-only solver plugins that answer nonsense
 *
 * Built once per mode (BROKEN_MODE, see meson.build); each build is a plugin of its own with
 * its own type name. Each one declares a latency metric in seconds and then:
 *
 *   BROKEN_NAN       writes NaN
 *   BROKEN_NEGATIVE  writes a negative time
 *   BROKEN_UNITS     writes bytes where it declared seconds
 *   BROKEN_UNDECLARED writes a metric it never declared, in a unit nobody checks
 *   BROKEN_BAD_UNIT  declares its metric in a unit that does not exist (refused at load)
 *
 * The engine must refuse each result with an error naming the solver, and every other solver
 * must still answer (tests/plugins/test-broken-plugins.c).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include <libpeas/peas.h>

#include <mlsysim.h>

#define BROKEN_NAN        1
#define BROKEN_NEGATIVE   2
#define BROKEN_UNITS      3
#define BROKEN_UNDECLARED 4
#define BROKEN_BAD_UNIT   5

#ifndef BROKEN_MODE
#error "Define BROKEN_MODE"
#endif

/* Unique type names per build, through one level of macro indirection so that the mode's
 * name is expanded before G_DEFINE_* pastes tokens. */
#define DEFINE_SOLVER(TypeName, type_name)                                                       \
  G_DECLARE_FINAL_TYPE (TypeName, type_name, MLS, BROKEN_SOLVER, GObject)                        \
  struct _##TypeName { GObject parent_instance; };                                               \
  static void solver_iface_init (MlsSolverInterface *iface);                                     \
  G_DEFINE_DYNAMIC_TYPE_EXTENDED (TypeName, type_name, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,         \
                                  G_IMPLEMENT_INTERFACE_DYNAMIC (MLS_TYPE_SOLVER,                \
                                                                 solver_iface_init))             \
  static void type_name##_class_init (TypeName##Class *klass) { }                                \
  static void type_name##_class_finalize (TypeName##Class *klass) { }                            \
  static void type_name##_init (TypeName *self) { }                                               \
  static void register_solver (GTypeModule *module) { type_name##_register_type (module); }       \
  static GType solver_type (void) { return type_name##_get_type (); }
#define DEFINE_SOLVER_EXPANDED(T, t) DEFINE_SOLVER (T, t)

DEFINE_SOLVER_EXPANDED (BROKEN_TYPE_NAME, BROKEN_TYPE_PREFIX)

static MlsSolverInfo *
broken_describe (MlsSolver *solver)
{
  MlsSolverInfo *info = mls_solver_info_new (BROKEN_ID, "Broken solver (" BROKEN_ID ")",
                                             "A test plugin that answers nonsense",
                                             MLS_SOLVER_KIND_MODEL);

  mls_solver_info_set_inputs (info, MLS_SOLVER_INPUT_HARDWARE);
#if BROKEN_MODE == BROKEN_BAD_UNIT
  mls_solver_info_add_metric (info, BROKEN_ID ".latency", "Latency", "furlongs per fortnight",
                              "Not a unit mlsysim knows");
#else
  mls_solver_info_add_metric (info, BROKEN_ID ".latency", "Latency", "ms",
                              "The time it claims a step takes");
#endif
  return info;
}

static gboolean
broken_solve (MlsSolver   *solver,
              MlsScenario *scenario,
              MlsLedger   *ledger,
              GError     **error)
{
  g_autoptr(GError) local = NULL;
  MlsQuantity q;

#if BROKEN_MODE == BROKEN_NAN
  g_assert_true (mls_quantity_from_unit (NAN, "ms", &q, &local));
#elif BROKEN_MODE == BROKEN_NEGATIVE
  g_assert_true (mls_quantity_from_unit (-5, "ms", &q, &local));
#elif BROKEN_MODE == BROKEN_UNITS
  g_assert_true (mls_quantity_from_unit (5, "GB", &q, &local));
#elif BROKEN_MODE == BROKEN_UNDECLARED
  /* declared metrics are right; the undeclared one is a negative time */
  g_assert_true (mls_quantity_from_unit (5, "ms", &q, &local));
  mls_ledger_set (ledger, BROKEN_ID ".latency", &q);
  g_assert_true (mls_quantity_from_unit (-1, "s", &q, &local));
  mls_ledger_set (ledger, BROKEN_ID ".undeclared", &q);
  return TRUE;
#else
  g_assert_true (mls_quantity_from_unit (5, "ms", &q, &local));
#endif
  mls_ledger_set (ledger, BROKEN_ID ".latency", &q);
  return TRUE;
}

static void
solver_iface_init (MlsSolverInterface *iface)
{
  iface->describe = broken_describe;
  iface->solve = broken_solve;
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  register_solver (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MLS_TYPE_SOLVER, solver_type ());
}
