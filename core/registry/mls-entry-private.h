/* mls-entry-private.h — what the registry loader needs of entries (not installed)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "mls-entry.h"

G_BEGIN_DECLS

typedef void (*MlsEntryFieldFunc) (MlsEntry           *entry,
                                   const char         *path,
                                   const MlsFieldSpec *spec,
                                   gpointer            user_data);

/* Where the entry and each field were written: 1-based line and column, 0 when unknown. */
void           mls_entry_set_position           (MlsEntry      *self,
                                                 guint          line,
                                                 guint          column);
void           mls_entry_get_position           (MlsEntry      *self,
                                                 guint         *line,
                                                 guint         *column);
void           mls_entry_set_field_position     (MlsEntry      *self,
                                                 const char    *path,
                                                 guint          line,
                                                 guint          column);
gboolean       mls_entry_get_field_position     (MlsEntry      *self,
                                                 const char    *path,
                                                 guint         *line,
                                                 guint         *column);

/* The field table, seen as groups ("memory") and leaves ("memory.bandwidth"). */
gboolean       mls_entry_class_is_group         (MlsEntryClass *klass,
                                                 const char    *path);
GPtrArray     *mls_entry_class_list_paths       (MlsEntryClass *klass);

void           mls_entry_foreach_field          (MlsEntry          *self,
                                                 MlsEntryFieldFunc  func,
                                                 gpointer           user_data);
GHashTable    *mls_entry_get_field_provenances  (MlsEntry      *self);

/* Whether the entry was built by the registry loader (TRUE) or in code. */
void           mls_entry_set_builtin            (MlsEntry      *self,
                                                 gboolean       builtin);
gboolean       mls_entry_is_builtin             (MlsEntry      *self);

/* A whole number stored as a guint, clamped; 0 when unset. */
guint          mls_entry_get_uint               (MlsEntry      *self,
                                                 const char    *path);
/* The cached quantity of a field, or a zero of the spec's dimension when unset. */
void           mls_entry_cache_quantity         (MlsEntry      *self,
                                                 const char    *path,
                                                 MlsQuantity   *out);

/* mls_entry_set_from_string() for a spec already looked up, recording where it was written. */
gboolean       mls_entry_set_field_text         (MlsEntry           *self,
                                                 const MlsFieldSpec *spec,
                                                 const char         *path,
                                                 const char         *text,
                                                 guint               line,
                                                 guint               column,
                                                 GError            **error);

/* "an integer, such as 32": what a field takes, for messages. */
char          *mls_field_spec_describe          (const MlsFieldSpec *spec);

G_END_DECLS

G_BEGIN_DECLS
/* Entries built in code from a plan carry a "derived" provenance saying so. */
void           mls_entry_set_plan_provenance    (MlsEntry      *self);
G_END_DECLS
