/* mls-plan.h — the YAML plan format (`mlsys.yaml`): scenarios as files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <gio/gio.h>

#include "mls-registry.h"
#include "mls-scenario.h"

G_BEGIN_DECLS

/**
 * MLS_PLAN_ERROR:
 *
 * The error domain of plan files.
 */
#define MLS_PLAN_ERROR (mls_plan_error_quark ())

/**
 * MlsPlanError:
 * @MLS_PLAN_ERROR_IO: the file could not be read or written
 * @MLS_PLAN_ERROR_SYNTAX: the file is not valid YAML, or is empty
 * @MLS_PLAN_ERROR_SCHEMA: an unknown, missing or duplicate key, or a value of the wrong type
 * @MLS_PLAN_ERROR_VALUE: a value out of range, without units, of the wrong dimension, or
 *   inconsistent with another (accelerators not divisible into nodes)
 * @MLS_PLAN_ERROR_NOT_FOUND: a workload, hardware, region or fleet the registry does not
 *   know (the message suggests near names)
 * @MLS_PLAN_ERROR_UNSUPPORTED: the scenario cannot be written as a plan (no workload or
 *   hardware), or the plan asks for something mlsysim cannot do yet
 *
 * Error codes in the %MLS_PLAN_ERROR domain. Messages about a file start with
 * `file:line:column:` and name the key, and for unknown keys list the valid ones.
 */
typedef enum
{
  MLS_PLAN_ERROR_IO,
  MLS_PLAN_ERROR_SYNTAX,
  MLS_PLAN_ERROR_SCHEMA,
  MLS_PLAN_ERROR_VALUE,
  MLS_PLAN_ERROR_NOT_FOUND,
  MLS_PLAN_ERROR_UNSUPPORTED,
} MlsPlanError;

/**
 * MLS_PLAN_VERSION:
 *
 * The plan format version mlsysim writes.
 */
#define MLS_PLAN_VERSION "1.0"

MLS_AVAILABLE_IN_ALL
GQuark       mls_plan_error_quark (void);

MLS_AVAILABLE_IN_ALL
MlsScenario *mls_plan_new_scenario (const char  *name,
                                   MlsRegistry  *registry,
                                   GError      **error);
MLS_AVAILABLE_IN_ALL
MlsScenario *mls_plan_load_file   (const char   *path,
                                   MlsRegistry  *registry,
                                   GError      **error);
MLS_AVAILABLE_IN_ALL
MlsScenario *mls_plan_load_data   (const char   *data,
                                   gssize        length,
                                   const char   *origin,
                                   MlsRegistry  *registry,
                                   GError      **error);
MLS_AVAILABLE_IN_ALL
char        *mls_plan_to_data     (MlsScenario  *scenario,
                                   MlsRegistry  *registry,
                                   GError      **error);
MLS_AVAILABLE_IN_ALL
gboolean     mls_plan_save_file   (MlsScenario  *scenario,
                                   const char   *path,
                                   MlsRegistry  *registry,
                                   GError      **error);
MLS_AVAILABLE_IN_ALL
gboolean     mls_plan_is_plan_file (const char  *path);

G_END_DECLS
