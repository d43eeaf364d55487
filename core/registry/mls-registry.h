/* mls-registry.h — the catalog of hardware, models, grids and fleets, every value sourced
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <gio/gio.h>

#include "mls-entry.h"

G_BEGIN_DECLS

/**
 * MLS_REGISTRY_ERROR:
 *
 * The error domain of the registry.
 */
#define MLS_REGISTRY_ERROR (mls_registry_error_quark ())

/**
 * MlsRegistryError:
 * @MLS_REGISTRY_ERROR_SYNTAX: the file is not valid YAML
 * @MLS_REGISTRY_ERROR_SCHEMA: an unknown, missing, duplicate or mistyped field
 * @MLS_REGISTRY_ERROR_UNITS: a value lacks units or has the wrong dimension
 * @MLS_REGISTRY_ERROR_PROVENANCE: missing or invalid provenance
 * @MLS_REGISTRY_ERROR_REFERENCE: a reference to an entry that does not exist
 * @MLS_REGISTRY_ERROR_NOT_FOUND: no entry with that key (the message suggests near names)
 * @MLS_REGISTRY_ERROR_IO: a file or directory could not be read
 *
 * Error codes in the %MLS_REGISTRY_ERROR domain. Messages start with `file:line:column:`
 * when they concern a file.
 */
typedef enum
{
  MLS_REGISTRY_ERROR_SYNTAX,
  MLS_REGISTRY_ERROR_SCHEMA,
  MLS_REGISTRY_ERROR_UNITS,
  MLS_REGISTRY_ERROR_PROVENANCE,
  MLS_REGISTRY_ERROR_REFERENCE,
  MLS_REGISTRY_ERROR_NOT_FOUND,
  MLS_REGISTRY_ERROR_IO,
} MlsRegistryError;

#define MLS_TYPE_REGISTRY (mls_registry_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsRegistry, mls_registry, MLS, REGISTRY, GObject)

MLS_AVAILABLE_IN_ALL
GQuark       mls_registry_error_quark       (void);

MLS_AVAILABLE_IN_ALL
MlsRegistry *mls_registry_get_default       (GError     **error);
MLS_AVAILABLE_IN_ALL
MlsRegistry *mls_registry_new               (void);
MLS_AVAILABLE_IN_ALL
gboolean     mls_registry_load_builtin      (MlsRegistry *self,
                                             GError     **error);
MLS_AVAILABLE_IN_ALL
gboolean     mls_registry_load_directory    (MlsRegistry *self,
                                             const char  *path,
                                             GError     **error);
MLS_AVAILABLE_IN_ALL
gboolean     mls_registry_load_file         (MlsRegistry *self,
                                             const char  *path,
                                             GError     **error);
MLS_AVAILABLE_IN_ALL
gboolean     mls_registry_load_data         (MlsRegistry *self,
                                             const char  *data,
                                             gssize       length,
                                             const char  *origin,
                                             GError     **error);
MLS_AVAILABLE_IN_ALL
gboolean     mls_registry_link              (MlsRegistry *self,
                                             GError     **error);

MLS_AVAILABLE_IN_ALL
const char * const *mls_registry_get_categories (MlsRegistry *self);
MLS_AVAILABLE_IN_ALL
GListModel  *mls_registry_get_category      (MlsRegistry *self,
                                             const char  *category);
MLS_AVAILABLE_IN_ALL
MlsEntry    *mls_registry_lookup            (MlsRegistry *self,
                                             const char  *category,
                                             const char  *key,
                                             GError     **error);
MLS_AVAILABLE_IN_ALL
gboolean     mls_registry_get_constant      (MlsRegistry *self,
                                             const char  *key,
                                             MlsQuantity *out,
                                             GError     **error);
MLS_AVAILABLE_IN_ALL
const char  *mls_registry_get_constant_string (MlsRegistry *self,
                                             const char  *key);
MLS_AVAILABLE_IN_ALL
const char * const *mls_registry_get_notices (MlsRegistry *self);
MLS_AVAILABLE_IN_ALL
MlsProvenance *mls_registry_get_source      (MlsRegistry *self,
                                             const char  *key);
MLS_AVAILABLE_IN_ALL
char       **mls_registry_list_sources      (MlsRegistry *self);
MLS_AVAILABLE_IN_ALL
char       **mls_registry_list_keys         (MlsRegistry *self,
                                             const char  *category);

G_END_DECLS
