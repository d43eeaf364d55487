/* mls-entry.h — a registry entry: named, sourced values with units
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <glib-object.h>

#include "mls-provenance.h"
#include "mls-quantity.h"
#include "mls-version-macros.h"

G_BEGIN_DECLS

/**
 * MlsFieldType:
 * @MLS_FIELD_STRING: text
 * @MLS_FIELD_QUANTITY: a quantity string with units of the spec's dimension
 * @MLS_FIELD_NUMBER: a plain number (a ratio such as PUE)
 * @MLS_FIELD_INTEGER: a whole number (layers, release year)
 * @MLS_FIELD_BOOLEAN: true or false
 * @MLS_FIELD_REFERENCE: the key of an entry of another category
 * @MLS_FIELD_STRING_LIST: a list of strings
 * @MLS_FIELD_ANY: a quantity with units, a plain number, or text (a constant's value): text
 *   that starts like a number must be a valid quantity
 *
 * The type of a field in a registry entry.
 */
typedef enum
{
  MLS_FIELD_STRING,
  MLS_FIELD_QUANTITY,
  MLS_FIELD_NUMBER,
  MLS_FIELD_INTEGER,
  MLS_FIELD_BOOLEAN,
  MLS_FIELD_REFERENCE,
  MLS_FIELD_STRING_LIST,
  MLS_FIELD_ANY,
} MlsFieldType;

/**
 * MlsFieldSpec:
 * @path: the dotted field path, as in the YAML ("memory.bandwidth"); a final `*` accepts any
 *   key of a map ("compute.precision_flops.*")
 * @type: the field's type
 * @unit: for quantities, a unit of the expected dimension ("B/s"); for references, the
 *   category referred to ("hardware"); for strings, an optional `|`-separated list of the
 *   allowed values
 * @required: whether every entry must have it
 * @label: a short human label (translatable)
 *
 * One field an entry type accepts. Each entry class lists its fields; the registry loader
 * validates YAML against them and knows nothing else about the types.
 */
typedef struct
{
  const char  *path;
  MlsFieldType type;
  const char  *unit;
  gboolean     required;
  const char  *label;
} MlsFieldSpec;

/**
 * MLS_ENTRY_ERROR:
 *
 * The error domain of registry entries.
 */
#define MLS_ENTRY_ERROR (mls_entry_error_quark ())

/**
 * MlsEntryError:
 * @MLS_ENTRY_ERROR_MISSING: a required field is missing
 * @MLS_ENTRY_ERROR_INVALID: a field's value is out of range or inconsistent
 * @MLS_ENTRY_ERROR_NOT_FOUND: the entry has no such field
 * @MLS_ENTRY_ERROR_PRECISION: an unknown precision
 *
 * Error codes in the %MLS_ENTRY_ERROR domain.
 */
typedef enum
{
  MLS_ENTRY_ERROR_MISSING,
  MLS_ENTRY_ERROR_INVALID,
  MLS_ENTRY_ERROR_NOT_FOUND,
  MLS_ENTRY_ERROR_PRECISION,
} MlsEntryError;

#define MLS_TYPE_ENTRY (mls_entry_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (MlsEntry, mls_entry, MLS, ENTRY, GObject)

/**
 * MlsEntryClass:
 * @parent_class: the parent class
 * @category: the registry category ("hardware", "models", …)
 * @fields: the fields entries of this class accept
 * @n_fields: the number of @fields
 * @finish: called once every field is set: validate cross-field rules and cache hot values;
 *   implementations chain up first
 * @check_field: called after a field is parsed, to check what a field table cannot say (for
 *   example that a key of `compute.precision_flops` names a precision); %NULL accepts all
 *
 * The class of registry entries.
 */
struct _MlsEntryClass
{
  GObjectClass        parent_class;

  const char         *category;
  const MlsFieldSpec *fields;
  guint               n_fields;

  gboolean (*finish)      (MlsEntry   *self,
                           GError    **error);
  gboolean (*check_field) (MlsEntry   *self,
                           const char *path,
                           GError    **error);

  /*< private >*/
  gpointer _reserved[7];
};

MLS_AVAILABLE_IN_ALL
GQuark              mls_entry_error_quark          (void);

MLS_AVAILABLE_IN_ALL
const char         *mls_entry_get_key              (MlsEntry          *self);
MLS_AVAILABLE_IN_ALL
const char         *mls_entry_get_name             (MlsEntry          *self);
MLS_AVAILABLE_IN_ALL
const char         *mls_entry_get_description      (MlsEntry          *self);
MLS_AVAILABLE_IN_ALL
const char         *mls_entry_get_category         (MlsEntry          *self);
MLS_AVAILABLE_IN_ALL
MlsProvenance      *mls_entry_get_provenance       (MlsEntry          *self);
MLS_AVAILABLE_IN_ALL
const char         *mls_entry_get_origin           (MlsEntry          *self);

MLS_AVAILABLE_IN_ALL
gboolean            mls_entry_has_field            (MlsEntry          *self,
                                                    const char        *path);
MLS_AVAILABLE_IN_ALL
char              **mls_entry_list_fields          (MlsEntry          *self);
MLS_AVAILABLE_IN_ALL
const MlsFieldSpec *mls_entry_class_find_field     (MlsEntryClass     *klass,
                                                    const char        *path);

/* Typed reads. A missing optional field returns FALSE without an error; pass an error to get
 * MLS_ENTRY_ERROR_NOT_FOUND instead. */
MLS_AVAILABLE_IN_ALL
gboolean            mls_entry_get_quantity         (MlsEntry          *self,
                                                    const char        *path,
                                                    MlsQuantity       *out,
                                                    GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean            mls_entry_get_number           (MlsEntry          *self,
                                                    const char        *path,
                                                    double            *out,
                                                    GError           **error);
MLS_AVAILABLE_IN_ALL
gint64              mls_entry_get_integer          (MlsEntry          *self,
                                                    const char        *path,
                                                    gint64             fallback);
MLS_AVAILABLE_IN_ALL
const char         *mls_entry_get_string           (MlsEntry          *self,
                                                    const char        *path);
MLS_AVAILABLE_IN_ALL
gboolean            mls_entry_get_boolean          (MlsEntry          *self,
                                                    const char        *path,
                                                    gboolean           fallback);
MLS_AVAILABLE_IN_ALL
const char * const *mls_entry_get_string_list      (MlsEntry          *self,
                                                    const char        *path);
MLS_AVAILABLE_IN_ALL
MlsEntry           *mls_entry_get_reference        (MlsEntry          *self,
                                                    const char        *path);
MLS_AVAILABLE_IN_ALL
const char         *mls_entry_get_reference_key    (MlsEntry          *self,
                                                    const char        *path);
MLS_AVAILABLE_IN_ALL
const MlsFieldSpec *mls_entry_get_field_spec       (MlsEntry          *self,
                                                    const char        *path);
MLS_AVAILABLE_IN_ALL
char               *mls_entry_format_field         (MlsEntry          *self,
                                                    const char        *path);
MLS_AVAILABLE_IN_ALL
MlsProvenance      *mls_entry_get_field_provenance (MlsEntry          *self,
                                                    const char        *path);

/* Building entries: used by the registry loader and by tests. */
MLS_AVAILABLE_IN_ALL
MlsEntry           *mls_entry_new                  (GType              type,
                                                    const char        *key,
                                                    const char        *origin);
MLS_AVAILABLE_IN_ALL
void                mls_entry_set_provenance       (MlsEntry          *self,
                                                    MlsProvenance     *provenance);
MLS_AVAILABLE_IN_ALL
void                mls_entry_set_field_provenance (MlsEntry          *self,
                                                    const char        *path,
                                                    MlsProvenance     *provenance);
MLS_AVAILABLE_IN_ALL
gboolean            mls_entry_set_from_string      (MlsEntry          *self,
                                                    const char        *path,
                                                    const char        *text,
                                                    GError           **error);
MLS_AVAILABLE_IN_ALL
void                mls_entry_set_quantity         (MlsEntry          *self,
                                                    const char        *path,
                                                    const MlsQuantity *value);
MLS_AVAILABLE_IN_ALL
gboolean            mls_entry_set_string_list      (MlsEntry          *self,
                                                    const char        *path,
                                                    const char * const *values,
                                                    GError           **error);
MLS_AVAILABLE_IN_ALL
void                mls_entry_set_reference        (MlsEntry          *self,
                                                    const char        *path,
                                                    MlsEntry          *target);
MLS_AVAILABLE_IN_ALL
void                mls_entry_set_reference_key    (MlsEntry          *self,
                                                    const char        *path,
                                                    const char        *key);
MLS_AVAILABLE_IN_ALL
gboolean            mls_entry_finish               (MlsEntry          *self,
                                                    GError           **error);
MLS_AVAILABLE_IN_ALL
MlsEntry           *mls_entry_copy_with            (MlsEntry          *self,
                                                    const char        *path,
                                                    const MlsQuantity *value,
                                                    GError           **error);

G_END_DECLS
