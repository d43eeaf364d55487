/* mls-engine.h — discovers solver plugins and runs them in dependency order
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <glib-object.h>

#include "mls-solver.h"

G_BEGIN_DECLS

/**
 * MlsEnginePlan:
 *
 * An ordered list of solvers ready to run over many scenarios: the hot path of sweeps. Plans
 * are immutable and may be shared between threads.
 */
typedef struct _MlsEnginePlan MlsEnginePlan;

#define MLS_TYPE_ENGINE_PLAN (mls_engine_plan_get_type ())
#define MLS_TYPE_ENGINE (mls_engine_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsEngine, mls_engine, MLS, ENGINE, GObject)

MLS_AVAILABLE_IN_ALL
MlsEngine          *mls_engine_new                  (MlsRegistry        *registry);
MLS_AVAILABLE_IN_ALL
MlsEngine          *mls_engine_get_default          (void);
MLS_AVAILABLE_IN_ALL
void                mls_engine_add_search_path      (MlsEngine          *self,
                                                     const char         *path);
MLS_AVAILABLE_IN_ALL
void                mls_engine_discover             (MlsEngine          *self);
MLS_AVAILABLE_IN_ALL
gboolean            mls_engine_add_solver           (MlsEngine          *self,
                                                     MlsSolver          *solver,
                                                     GError            **error);
MLS_AVAILABLE_IN_ALL
MlsRegistry        *mls_engine_get_registry         (MlsEngine          *self);

MLS_AVAILABLE_IN_ALL
char              **mls_engine_list_solvers         (MlsEngine          *self);
MLS_AVAILABLE_IN_ALL
MlsSolver          *mls_engine_get_solver           (MlsEngine          *self,
                                                     const char         *id,
                                                     GError            **error);
MLS_AVAILABLE_IN_ALL
MlsSolverInfo      *mls_engine_get_info             (MlsEngine          *self,
                                                     const char         *id);
MLS_AVAILABLE_IN_ALL
const char * const *mls_engine_get_load_errors      (MlsEngine          *self);
MLS_AVAILABLE_IN_ALL
gboolean            mls_engine_set_enabled          (MlsEngine          *self,
                                                     const char         *id,
                                                     gboolean            enabled);
MLS_AVAILABLE_IN_ALL
gboolean            mls_engine_get_enabled          (MlsEngine          *self,
                                                     const char         *id);

MLS_AVAILABLE_IN_ALL
MlsEnginePlan      *mls_engine_plan                 (MlsEngine          *self,
                                                     const char * const *solver_ids,
                                                     GError            **error);
MLS_AVAILABLE_IN_ALL
gboolean            mls_engine_solve                (MlsEngine          *self,
                                                     const char * const *solver_ids,
                                                     MlsScenario        *scenario,
                                                     MlsLedger          *ledger,
                                                     GError            **error);

MLS_AVAILABLE_IN_ALL
GType               mls_engine_plan_get_type        (void) G_GNUC_CONST;
MLS_AVAILABLE_IN_ALL
MlsEnginePlan      *mls_engine_plan_ref             (MlsEnginePlan      *plan);
MLS_AVAILABLE_IN_ALL
void                mls_engine_plan_unref           (MlsEnginePlan      *plan);
MLS_AVAILABLE_IN_ALL
guint               mls_engine_plan_get_n_solvers   (MlsEnginePlan      *plan);
MLS_AVAILABLE_IN_ALL
const char         *mls_engine_plan_get_solver_id   (MlsEnginePlan      *plan,
                                                     guint               index);
MLS_AVAILABLE_IN_ALL
guint               mls_engine_plan_run             (MlsEnginePlan      *plan,
                                                     MlsScenario        *scenario,
                                                     MlsLedger          *ledger);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlsEnginePlan, mls_engine_plan_unref)

G_END_DECLS
