/* mls-entry.c — a registry entry: named, sourced values with units
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mlsysim.h"
#include "mls-entry-private.h"

/**
 * MlsEntry:
 *
 * A registry entry: a key, a name, a description, a [class@Provenance] and typed fields
 * addressed by dotted paths ("memory.bandwidth"), each optionally with its own provenance.
 *
 * Subclasses ([class@HardwareNode], [class@Workload], [class@Fleet], …) list the fields they
 * accept in [struct@EntryClass] and cache hot values in their `finish` vfunc. Entries are
 * immutable once finished: to explore "what if", [method@Entry.copy_with] derives a modified
 * copy.
 */

typedef struct
{
  const MlsFieldSpec *spec;
  char               *path;
  char               *text;     /* string, reference key, or the quantity as written */
  MlsQuantity         quantity; /* QUANTITY, NUMBER, INTEGER and numeric ANY values */
  gint64              integer;
  gboolean            boolean;
  char              **list;
  MlsEntry           *target;   /* a resolved reference */
  gboolean            is_text;  /* an ANY value that is text */
  guint               line;
  guint               column;
} MlsFieldValue;

typedef struct
{
  char          *key;
  char          *origin;
  char          *name;
  char          *description;
  MlsProvenance *provenance;
  GHashTable    *fields;           /* path → MlsFieldValue */
  GPtrArray     *order;            /* MlsFieldValue, borrowed from fields, in insertion order */
  GHashTable    *field_provenance; /* path → MlsProvenance */
  guint          line;
  guint          column;
  gboolean       builtin;
} MlsEntryPrivate;

enum
{
  PROP_0,
  PROP_KEY,
  PROP_ORIGIN,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_CATEGORY,
  PROP_PROVENANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE_WITH_PRIVATE (MlsEntry, mls_entry, G_TYPE_OBJECT)
G_DEFINE_QUARK (mls-entry-error-quark, mls_entry_error)

/* ------------------------------------------------------------------------------------------
 * Field tables
 * ------------------------------------------------------------------------------------------ */

typedef struct
{
  GHashTable *exact;     /* path → spec */
  GHashTable *groups;    /* "memory", "compute.precision_flops" → TRUE */
  GPtrArray  *wildcards; /* specs whose path ends in ".*" */
} FieldIndex;

static GMutex index_lock;

static FieldIndex *
field_index_for (MlsEntryClass *klass)
{
  static GQuark quark;
  GType type = G_TYPE_FROM_CLASS (klass);
  FieldIndex *index;

  g_mutex_lock (&index_lock);
  if (quark == 0)
    quark = g_quark_from_static_string ("mls-entry-field-index");
  index = g_type_get_qdata (type, quark);
  if (index == NULL)
    {
      index = g_new0 (FieldIndex, 1);
      index->exact = g_hash_table_new (g_str_hash, g_str_equal);
      index->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      index->wildcards = g_ptr_array_new ();
      for (guint i = 0; i < klass->n_fields; i++)
        {
          const MlsFieldSpec *spec = &klass->fields[i];
          const char *dot;

          if (g_str_has_suffix (spec->path, ".*"))
            {
              g_ptr_array_add (index->wildcards, (gpointer) spec);
              g_hash_table_add (index->groups,
                                g_strndup (spec->path, strlen (spec->path) - 2));
            }
          else
            g_hash_table_insert (index->exact, (gpointer) spec->path, (gpointer) spec);

          /* every proper prefix of a path is a group */
          for (dot = strchr (spec->path, '.'); dot != NULL; dot = strchr (dot + 1, '.'))
            g_hash_table_add (index->groups, g_strndup (spec->path, dot - spec->path));
        }
      /* the index lives as long as the type, which is forever */
      g_type_set_qdata (type, quark, index);
    }
  g_mutex_unlock (&index_lock);
  return index;
}

/**
 * mls_entry_class_find_field:
 * @klass: an entry class
 * @path: a dotted field path, such as "memory.bandwidth"
 *
 * Finds the field spec of @path, matching `*` patterns ("compute.precision_flops.*").
 *
 * Returns: (transfer none) (nullable): the spec, or %NULL if entries of @klass have no such
 *   field
 */
const MlsFieldSpec *
mls_entry_class_find_field (MlsEntryClass *klass,
                            const char    *path)
{
  FieldIndex *index;
  const MlsFieldSpec *spec;

  g_return_val_if_fail (MLS_IS_ENTRY_CLASS (klass), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  index = field_index_for (klass);
  spec = g_hash_table_lookup (index->exact, path);
  if (spec != NULL)
    return spec;
  for (guint i = 0; i < index->wildcards->len; i++)
    {
      const MlsFieldSpec *w = g_ptr_array_index (index->wildcards, i);
      gsize prefix = strlen (w->path) - 1; /* keep the dot */

      if (strncmp (path, w->path, prefix) == 0 && path[prefix] != '\0' &&
          strchr (path + prefix, '.') == NULL)
        return w;
    }
  return NULL;
}

/* The dimension of a spec's unit, parsed once: field tables are static, and parsing a unit
 * for every value read would dominate loading the catalog. */
static gboolean
spec_unit (const MlsFieldSpec *spec,
           MlsQuantity        *out)
{
  static GHashTable *units;
  MlsQuantity *q;

  if (spec->unit == NULL || (spec->type != MLS_FIELD_QUANTITY && spec->type != MLS_FIELD_ANY))
    return FALSE;
  g_mutex_lock (&index_lock);
  if (units == NULL)
    units = g_hash_table_new (NULL, NULL);
  q = g_hash_table_lookup (units, spec);
  if (q == NULL)
    {
      q = g_new0 (MlsQuantity, 1);
      if (!mls_quantity_from_unit (1.0, spec->unit, q, NULL))
        g_critical ("Field “%s” has an unknown unit “%s”", spec->path, spec->unit);
      g_hash_table_insert (units, (gpointer) spec, q);
    }
  g_mutex_unlock (&index_lock);
  *out = *q;
  return TRUE;
}

gboolean
mls_entry_class_is_group (MlsEntryClass *klass,
                          const char    *path)
{
  return g_hash_table_contains (field_index_for (klass)->groups, path);
}

GPtrArray *
mls_entry_class_list_paths (MlsEntryClass *klass)
{
  GPtrArray *paths = g_ptr_array_new ();

  for (guint i = 0; i < klass->n_fields; i++)
    if (!g_str_has_suffix (klass->fields[i].path, ".*"))
      g_ptr_array_add (paths, (gpointer) klass->fields[i].path);
  g_ptr_array_add (paths, (gpointer) "name");
  g_ptr_array_add (paths, (gpointer) "description");
  g_ptr_array_add (paths, (gpointer) "provenance");
  g_ptr_array_add (paths, (gpointer) "sources");
  g_ptr_array_add (paths, NULL);
  return paths;
}

char *
mls_field_spec_describe (const MlsFieldSpec *spec)
{
  switch (spec->type)
    {
    case MLS_FIELD_QUANTITY:
      {
        MlsQuantity unit;
        g_autofree char *kind = NULL;

        if (!spec_unit (spec, &unit))
          return g_strdup (_("a quantity with units"));
        kind = mls_quantity_is_dimensionless (&unit) ? g_strdup (_("a count"))
                                                     : mls_quantity_describe_dimension (&unit);
        /* TRANSLATORS: "a bandwidth (bytes per second) such as “3.35 B/s”" */
        return g_strdup_printf (_("%s with units, such as “1 %s”"), kind, spec->unit);
      }
    case MLS_FIELD_NUMBER:
      return g_strdup (_("a plain number without units"));
    case MLS_FIELD_INTEGER:
      return g_strdup (_("a whole number"));
    case MLS_FIELD_BOOLEAN:
      return g_strdup (_("true or false"));
    case MLS_FIELD_REFERENCE:
      return g_strdup_printf (_("the key of a %s entry"), spec->unit);
    case MLS_FIELD_STRING_LIST:
      return g_strdup (_("a list of strings"));
    case MLS_FIELD_ANY:
      return g_strdup (_("a quantity with units, a plain number or text"));
    case MLS_FIELD_STRING:
    default:
      if (spec->unit != NULL)
        {
          g_auto(GStrv) names = g_strsplit (spec->unit, "|", -1);
          g_autofree char *list = g_strjoinv (", ", names);
          return g_strdup_printf (_("one of %s"), list);
        }
      return g_strdup (_("text"));
    }
}

/* ------------------------------------------------------------------------------------------
 * Field values
 * ------------------------------------------------------------------------------------------ */

static void
field_value_free (gpointer data)
{
  MlsFieldValue *v = data;

  g_free (v->path);
  g_free (v->text);
  g_strfreev (v->list);
  g_clear_object (&v->target);
  g_free (v);
}

static MlsFieldValue *
field_value_copy (const MlsFieldValue *v)
{
  MlsFieldValue *c = g_new0 (MlsFieldValue, 1);

  *c = *v;
  c->path = g_strdup (v->path);
  c->text = g_strdup (v->text);
  c->list = g_strdupv (v->list);
  c->target = v->target ? g_object_ref (v->target) : NULL;
  return c;
}

static void
store_value (MlsEntry      *self,
             MlsFieldValue *value)
{
  MlsEntryPrivate *priv = mls_entry_get_instance_private (self);
  MlsFieldValue *old = g_hash_table_lookup (priv->fields, value->path);

  if (old != NULL)
    {
      if (value->line == 0)
        {
          value->line = old->line;
          value->column = old->column;
        }
      g_ptr_array_remove (priv->order, old);
    }
  g_ptr_array_add (priv->order, value);
  g_hash_table_replace (priv->fields, value->path, value);
}

static MlsFieldValue *
lookup_value (MlsEntry   *self,
              const char *path)
{
  MlsEntryPrivate *priv = mls_entry_get_instance_private (self);

  return g_hash_table_lookup (priv->fields, path);
}

/* ------------------------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------------------------ */

static gboolean
mls_entry_real_finish (MlsEntry *self,
                       GError  **error)
{
  return TRUE;
}

static void
mls_entry_finalize (GObject *object)
{
  MlsEntry *self = MLS_ENTRY (object);
  MlsEntryPrivate *priv = mls_entry_get_instance_private (self);

  g_clear_pointer (&priv->key, g_free);
  g_clear_pointer (&priv->origin, g_free);
  g_clear_pointer (&priv->name, g_free);
  g_clear_pointer (&priv->description, g_free);
  g_clear_object (&priv->provenance);
  g_clear_pointer (&priv->order, g_ptr_array_unref);
  g_clear_pointer (&priv->fields, g_hash_table_unref);
  g_clear_pointer (&priv->field_provenance, g_hash_table_unref);
  G_OBJECT_CLASS (mls_entry_parent_class)->finalize (object);
}

static void
mls_entry_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MlsEntry *self = MLS_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, mls_entry_get_key (self));
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, mls_entry_get_origin (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, mls_entry_get_name (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, mls_entry_get_description (self));
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, mls_entry_get_category (self));
      break;
    case PROP_PROVENANCE:
      g_value_set_object (value, mls_entry_get_provenance (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mls_entry_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MlsEntry *self = MLS_ENTRY (object);
  MlsEntryPrivate *priv = mls_entry_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_KEY:
      g_free (priv->key);
      priv->key = g_value_dup_string (value);
      break;
    case PROP_ORIGIN:
      g_free (priv->origin);
      priv->origin = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mls_entry_class_init (MlsEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mls_entry_finalize;
  object_class->get_property = mls_entry_get_property;
  object_class->set_property = mls_entry_set_property;

  klass->finish = mls_entry_real_finish;

  /**
   * MlsEntry:key: (getter get_key)
   *
   * The identifier of the entry in its category ("H100", "Llama3_8B").
   */
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * MlsEntry:origin: (getter get_origin)
   *
   * Where the entry was read from (a file name), or %NULL for entries built in code.
   */
  properties[PROP_ORIGIN] =
    g_param_spec_string ("origin", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * MlsEntry:name: (getter get_name)
   *
   * The display name; the key when the entry has none.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * MlsEntry:description: (getter get_description)
   *
   * A sentence about the entry, or %NULL.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * MlsEntry:category: (getter get_category)
   *
   * The registry category of the entry's class ("hardware", "models", …).
   */
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * MlsEntry:provenance: (getter get_provenance)
   *
   * Where the entry's values come from.
   */
  properties[PROP_PROVENANCE] =
    g_param_spec_object ("provenance", NULL, NULL, MLS_TYPE_PROVENANCE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mls_entry_init (MlsEntry *self)
{
  MlsEntryPrivate *priv = mls_entry_get_instance_private (self);

  priv->fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, field_value_free);
  priv->order = g_ptr_array_new ();
  priv->field_provenance = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  g_object_unref);
}

/* ------------------------------------------------------------------------------------------
 * Identity
 * ------------------------------------------------------------------------------------------ */

/**
 * mls_entry_get_key:
 * @self: a #MlsEntry
 *
 * Returns: (transfer none): the key of the entry in its category
 */
const char *
mls_entry_get_key (MlsEntry *self)
{
  MlsEntryPrivate *priv;

  g_return_val_if_fail (MLS_IS_ENTRY (self), NULL);
  priv = mls_entry_get_instance_private (self);
  return priv->key;
}

/**
 * mls_entry_get_name:
 * @self: a #MlsEntry
 *
 * Returns: (transfer none): the display name, or the key when the entry has no name
 */
const char *
mls_entry_get_name (MlsEntry *self)
{
  MlsEntryPrivate *priv;

  g_return_val_if_fail (MLS_IS_ENTRY (self), NULL);
  priv = mls_entry_get_instance_private (self);
  return priv->name ? priv->name : priv->key;
}

/**
 * mls_entry_get_description:
 * @self: a #MlsEntry
 *
 * Returns: (transfer none) (nullable): the description
 */
const char *
mls_entry_get_description (MlsEntry *self)
{
  MlsEntryPrivate *priv;

  g_return_val_if_fail (MLS_IS_ENTRY (self), NULL);
  priv = mls_entry_get_instance_private (self);
  return priv->description;
}

/**
 * mls_entry_get_category:
 * @self: a #MlsEntry
 *
 * Returns: (transfer none): the registry category of the entry ("hardware", "models", …)
 */
const char *
mls_entry_get_category (MlsEntry *self)
{
  g_return_val_if_fail (MLS_IS_ENTRY (self), NULL);
  return MLS_ENTRY_GET_CLASS (self)->category;
}

/**
 * mls_entry_get_provenance:
 * @self: a #MlsEntry
 *
 * Returns: (transfer none) (nullable): where the entry's values come from
 */
MlsProvenance *
mls_entry_get_provenance (MlsEntry *self)
{
  MlsEntryPrivate *priv;

  g_return_val_if_fail (MLS_IS_ENTRY (self), NULL);
  priv = mls_entry_get_instance_private (self);
  return priv->provenance;
}

/**
 * mls_entry_get_origin:
 * @self: a #MlsEntry
 *
 * Returns: (transfer none) (nullable): the file the entry was read from, or %NULL for
 *   entries built in code
 */
const char *
mls_entry_get_origin (MlsEntry *self)
{
  MlsEntryPrivate *priv;

  g_return_val_if_fail (MLS_IS_ENTRY (self), NULL);
  priv = mls_entry_get_instance_private (self);
  return priv->origin;
}

void
mls_entry_set_position (MlsEntry *self,
                        guint     line,
                        guint     column)
{
  MlsEntryPrivate *priv = mls_entry_get_instance_private (self);

  priv->line = line;
  priv->column = column;
}

void
mls_entry_get_position (MlsEntry *self,
                        guint    *line,
                        guint    *column)
{
  MlsEntryPrivate *priv = mls_entry_get_instance_private (self);

  *line = priv->line;
  *column = priv->column;
}

void
mls_entry_set_field_position (MlsEntry   *self,
                              const char *path,
                              guint       line,
                              guint       column)
{
  MlsFieldValue *v = lookup_value (self, path);

  if (v != NULL)
    {
      v->line = line;
      v->column = column;
    }
}

gboolean
mls_entry_get_field_position (MlsEntry   *self,
                              const char *path,
                              guint      *line,
                              guint      *column)
{
  MlsFieldValue *v = lookup_value (self, path);

  if (v == NULL || v->line == 0)
    return FALSE;
  *line = v->line;
  *column = v->column;
  return TRUE;
}

void
mls_entry_set_builtin (MlsEntry *self,
                       gboolean  builtin)
{
  MlsEntryPrivate *priv = mls_entry_get_instance_private (self);

  priv->builtin = builtin;
}

gboolean
mls_entry_is_builtin (MlsEntry *self)
{
  MlsEntryPrivate *priv = mls_entry_get_instance_private (self);

  return priv->builtin;
}

void
mls_entry_foreach_field (MlsEntry          *self,
                         MlsEntryFieldFunc  func,
                         gpointer           user_data)
{
  MlsEntryPrivate *priv = mls_entry_get_instance_private (self);
  g_autoptr(GPtrArray) snapshot = g_ptr_array_copy (priv->order, NULL, NULL);

  for (guint i = 0; i < snapshot->len; i++)
    {
      MlsFieldValue *v = g_ptr_array_index (snapshot, i);
      func (self, v->path, v->spec, user_data);
    }
}

GHashTable *
mls_entry_get_field_provenances (MlsEntry *self)
{
  MlsEntryPrivate *priv = mls_entry_get_instance_private (self);

  return priv->field_provenance;
}

/* ------------------------------------------------------------------------------------------
 * Reading fields
 * ------------------------------------------------------------------------------------------ */

static gboolean
is_builtin_string (const char *path)
{
  return strcmp (path, "name") == 0 || strcmp (path, "description") == 0;
}

/**
 * mls_entry_has_field:
 * @self: a #MlsEntry
 * @path: a dotted field path
 *
 * Returns: %TRUE if the entry has a value for @path
 */
gboolean
mls_entry_has_field (MlsEntry   *self,
                     const char *path)
{
  MlsEntryPrivate *priv;

  g_return_val_if_fail (MLS_IS_ENTRY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  priv = mls_entry_get_instance_private (self);
  if (strcmp (path, "name") == 0)
    return priv->name != NULL;
  if (strcmp (path, "description") == 0)
    return priv->description != NULL;
  return g_hash_table_contains (priv->fields, path);
}

/**
 * mls_entry_list_fields:
 * @self: a #MlsEntry
 *
 * Lists the paths of the fields the entry has, in the order they were written (name,
 * description and provenance are not fields).
 *
 * Returns: (transfer full) (array zero-terminated=1): the field paths
 */
char **
mls_entry_list_fields (MlsEntry *self)
{
  MlsEntryPrivate *priv;
  GStrvBuilder *builder;
  char **result;

  g_return_val_if_fail (MLS_IS_ENTRY (self), NULL);

  priv = mls_entry_get_instance_private (self);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < priv->order->len; i++)
    g_strv_builder_add (builder, ((MlsFieldValue *) g_ptr_array_index (priv->order, i))->path);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

/**
 * mls_entry_get_field_spec:
 * @self: a #MlsEntry
 * @path: a dotted field path
 *
 * Returns: (transfer none) (nullable): the spec of @path in the entry's class
 */
const MlsFieldSpec *
mls_entry_get_field_spec (MlsEntry   *self,
                          const char *path)
{
  g_return_val_if_fail (MLS_IS_ENTRY (self), NULL);
  return mls_entry_class_find_field (MLS_ENTRY_GET_CLASS (self), path);
}

static gboolean
missing (MlsEntry   *self,
         const char *path,
         GError    **error)
{
  g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_NOT_FOUND,
               _("%s has no value for “%s”"), mls_entry_get_key (self), path);
  return FALSE;
}

/**
 * mls_entry_get_quantity:
 * @self: a #MlsEntry
 * @path: a dotted field path, such as "memory.bandwidth"
 * @out: (out caller-allocates) (optional): the value; plain numbers are dimensionless
 * @error: return location for a #GError, or %NULL
 *
 * Reads a quantity (or a number, as a dimensionless quantity). A missing optional field
 * returns %FALSE; with @error set it also sets %MLS_ENTRY_ERROR_NOT_FOUND.
 *
 * Returns: %TRUE if the entry has a numeric value for @path
 */
gboolean
mls_entry_get_quantity (MlsEntry    *self,
                        const char  *path,
                        MlsQuantity *out,
                        GError     **error)
{
  MlsFieldValue *v;

  g_return_val_if_fail (MLS_IS_ENTRY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  v = lookup_value (self, path);
  if (v == NULL || v->is_text ||
      (v->spec->type != MLS_FIELD_QUANTITY && v->spec->type != MLS_FIELD_NUMBER &&
       v->spec->type != MLS_FIELD_INTEGER && v->spec->type != MLS_FIELD_ANY))
    return missing (self, path, error);
  if (out != NULL)
    *out = v->quantity;
  return TRUE;
}

/**
 * mls_entry_get_number:
 * @self: a #MlsEntry
 * @path: a dotted field path, such as "pue"
 * @out: (out) (optional): the value
 * @error: return location for a #GError, or %NULL
 *
 * Reads a plain number (a whole number, or a dimensionless quantity such as a parameter
 * count). A missing optional field returns %FALSE; with @error set it also sets
 * %MLS_ENTRY_ERROR_NOT_FOUND.
 *
 * Returns: %TRUE if the entry has a dimensionless value for @path
 */
gboolean
mls_entry_get_number (MlsEntry   *self,
                      const char *path,
                      double     *out,
                      GError    **error)
{
  MlsQuantity q;

  if (!mls_entry_get_quantity (self, path, &q, error))
    return FALSE;
  if (!mls_quantity_is_dimensionless (&q))
    {
      g_autofree char *kind = mls_quantity_describe_dimension (&q);
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("“%s” of %s is %s, not a plain number"), path, mls_entry_get_key (self),
                   kind);
      return FALSE;
    }
  if (out != NULL)
    *out = q.value;
  return TRUE;
}

/**
 * mls_entry_get_integer:
 * @self: a #MlsEntry
 * @path: a dotted field path, such as "layers"
 * @fallback: the value to return when the field is unset
 *
 * Returns: the whole number at @path, or @fallback
 */
gint64
mls_entry_get_integer (MlsEntry   *self,
                       const char *path,
                       gint64      fallback)
{
  MlsFieldValue *v;

  g_return_val_if_fail (MLS_IS_ENTRY (self), fallback);
  g_return_val_if_fail (path != NULL, fallback);

  v = lookup_value (self, path);
  if (v == NULL || v->spec->type != MLS_FIELD_INTEGER)
    return fallback;
  return v->integer;
}

guint
mls_entry_get_uint (MlsEntry   *self,
                    const char *path)
{
  gint64 v = mls_entry_get_integer (self, path, 0);

  return (guint) CLAMP (v, 0, G_MAXUINT);
}

void
mls_entry_cache_quantity (MlsEntry    *self,
                          const char  *path,
                          MlsQuantity *out)
{
  if (!mls_entry_get_quantity (self, path, out, NULL))
    {
      const MlsFieldSpec *spec = mls_entry_get_field_spec (self, path);

      if (spec == NULL || !spec_unit (spec, out))
        *out = mls_quantity_scalar (0.0);
      out->value = 0.0;
    }
}

/**
 * mls_entry_get_string:
 * @self: a #MlsEntry
 * @path: a dotted field path, such as "tier"; "name" and "description" work too
 *
 * Returns: (transfer none) (nullable): the text at @path (a string, a reference key, or a
 *   value as written), or %NULL when unset
 */
const char *
mls_entry_get_string (MlsEntry   *self,
                      const char *path)
{
  MlsEntryPrivate *priv;
  MlsFieldValue *v;

  g_return_val_if_fail (MLS_IS_ENTRY (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  priv = mls_entry_get_instance_private (self);
  if (strcmp (path, "name") == 0)
    return priv->name;
  if (strcmp (path, "description") == 0)
    return priv->description;
  v = lookup_value (self, path);
  return v ? v->text : NULL;
}

/**
 * mls_entry_get_boolean:
 * @self: a #MlsEntry
 * @path: a dotted field path, such as "training"
 * @fallback: the value to return when the field is unset
 *
 * Returns: the truth value at @path, or @fallback
 */
gboolean
mls_entry_get_boolean (MlsEntry   *self,
                       const char *path,
                       gboolean    fallback)
{
  MlsFieldValue *v;

  g_return_val_if_fail (MLS_IS_ENTRY (self), fallback);
  v = lookup_value (self, path);
  if (v == NULL || v->spec->type != MLS_FIELD_BOOLEAN)
    return fallback;
  return v->boolean;
}

/**
 * mls_entry_get_string_list:
 * @self: a #MlsEntry
 * @path: a dotted field path, such as "solvers"
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the strings at @path, or
 *   %NULL when unset
 */
const char * const *
mls_entry_get_string_list (MlsEntry   *self,
                           const char *path)
{
  MlsFieldValue *v;

  g_return_val_if_fail (MLS_IS_ENTRY (self), NULL);
  v = lookup_value (self, path);
  if (v == NULL || v->spec->type != MLS_FIELD_STRING_LIST)
    return NULL;
  return (const char * const *) v->list;
}

/**
 * mls_entry_get_reference:
 * @self: a #MlsEntry
 * @path: a dotted field path, such as "accelerator"
 *
 * Returns: (transfer none) (nullable): the entry @path refers to, or %NULL when unset or not
 *   yet linked
 */
MlsEntry *
mls_entry_get_reference (MlsEntry   *self,
                         const char *path)
{
  MlsFieldValue *v;

  g_return_val_if_fail (MLS_IS_ENTRY (self), NULL);
  v = lookup_value (self, path);
  if (v == NULL || v->spec->type != MLS_FIELD_REFERENCE)
    return NULL;
  return v->target;
}

/**
 * mls_entry_get_reference_key:
 * @self: a #MlsEntry
 * @path: a dotted field path, such as "accelerator"
 *
 * Returns: (transfer none) (nullable): the key @path refers to, as written, or %NULL when
 *   unset
 */
const char *
mls_entry_get_reference_key (MlsEntry   *self,
                             const char *path)
{
  MlsFieldValue *v;

  g_return_val_if_fail (MLS_IS_ENTRY (self), NULL);
  v = lookup_value (self, path);
  if (v == NULL || v->spec->type != MLS_FIELD_REFERENCE)
    return NULL;
  return v->text;
}

/**
 * mls_entry_format_field:
 * @self: a #MlsEntry
 * @path: a dotted field path
 *
 * Formats a field for people: quantities as written ("3.35 TB/s"), numbers, references by
 * key, lists joined with commas.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when the field is unset
 */
char *
mls_entry_format_field (MlsEntry   *self,
                        const char *path)
{
  MlsFieldValue *v;

  g_return_val_if_fail (MLS_IS_ENTRY (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (is_builtin_string (path))
    return g_strdup (mls_entry_get_string (self, path));
  v = lookup_value (self, path);
  if (v == NULL)
    return NULL;
  switch (v->spec->type)
    {
    case MLS_FIELD_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, v->integer);
    case MLS_FIELD_BOOLEAN:
      return g_strdup (v->boolean ? "true" : "false");
    case MLS_FIELD_STRING_LIST:
      return g_strjoinv (", ", v->list);
    case MLS_FIELD_QUANTITY:
    case MLS_FIELD_NUMBER:
    case MLS_FIELD_ANY:
      if (v->text == NULL)
        return mls_quantity_format (&v->quantity, 6);
      return g_strdup (v->text);
    case MLS_FIELD_STRING:
    case MLS_FIELD_REFERENCE:
    default:
      return g_strdup (v->text);
    }
}

/**
 * mls_entry_get_field_provenance:
 * @self: a #MlsEntry
 * @path: a dotted field path
 *
 * Returns the provenance of one value: its own record when it has one (under `sources:` in
 * the YAML), else the record of the group it belongs to ("compute.precision_flops" for
 * "compute.precision_flops.fp8"), otherwise the entry's.
 *
 * Returns: (transfer none) (nullable): the provenance of the value at @path
 */
MlsProvenance *
mls_entry_get_field_provenance (MlsEntry   *self,
                                const char *path)
{
  MlsEntryPrivate *priv;
  MlsProvenance *p;

  g_return_val_if_fail (MLS_IS_ENTRY (self), NULL);
  priv = mls_entry_get_instance_private (self);
  p = g_hash_table_lookup (priv->field_provenance, path);
  if (p == NULL && g_hash_table_size (priv->field_provenance) > 0 && strchr (path, '.'))
    {
      /* a record for a group ("compute.precision_flops") covers the values under it */
      g_autofree char *group = g_strdup (path);
      char *dot;

      while (p == NULL && (dot = strrchr (group, '.')) != NULL)
        {
          *dot = '\0';
          p = g_hash_table_lookup (priv->field_provenance, group);
        }
    }
  return p ? p : priv->provenance;
}

/* ------------------------------------------------------------------------------------------
 * Building entries
 * ------------------------------------------------------------------------------------------ */

/**
 * mls_entry_new:
 * @type: a non-abstract subtype of #MlsEntry
 * @key: the key of the entry in its category
 * @origin: (nullable): where it comes from (a file name), or %NULL for entries built in code
 *
 * Creates an empty entry. Set its fields, then call mls_entry_finish().
 *
 * Returns: (transfer full): the new entry
 */
MlsEntry *
mls_entry_new (GType       type,
               const char *key,
               const char *origin)
{
  g_return_val_if_fail (g_type_is_a (type, MLS_TYPE_ENTRY), NULL);
  g_return_val_if_fail (!G_TYPE_IS_ABSTRACT (type), NULL);
  g_return_val_if_fail (key != NULL && *key != '\0', NULL);

  return g_object_new (type, "key", key, "origin", origin, NULL);
}

/**
 * mls_entry_set_provenance:
 * @self: a #MlsEntry
 * @provenance: (nullable): where the entry's values come from
 *
 * Sets the provenance of the whole entry.
 */
void
mls_entry_set_provenance (MlsEntry      *self,
                          MlsProvenance *provenance)
{
  MlsEntryPrivate *priv;

  g_return_if_fail (MLS_IS_ENTRY (self));
  g_return_if_fail (provenance == NULL || MLS_IS_PROVENANCE (provenance));

  priv = mls_entry_get_instance_private (self);
  if (g_set_object (&priv->provenance, provenance))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVENANCE]);
}

/**
 * mls_entry_set_field_provenance:
 * @self: a #MlsEntry
 * @path: a dotted field path
 * @provenance: (nullable): where the value at @path comes from, or %NULL to use the entry's
 *
 * Gives one value a source different from its entry's.
 */
void
mls_entry_set_field_provenance (MlsEntry      *self,
                                const char    *path,
                                MlsProvenance *provenance)
{
  MlsEntryPrivate *priv;

  g_return_if_fail (MLS_IS_ENTRY (self));
  g_return_if_fail (path != NULL);

  priv = mls_entry_get_instance_private (self);
  if (provenance == NULL)
    g_hash_table_remove (priv->field_provenance, path);
  else
    g_hash_table_replace (priv->field_provenance, g_strdup (path), g_object_ref (provenance));
}

static gboolean
unknown_field (MlsEntry   *self,
               const char *path,
               GError    **error)
{
  g_autoptr(GPtrArray) paths = mls_entry_class_list_paths (MLS_ENTRY_GET_CLASS (self));
  g_auto(GStrv) near = mls_suggest_nearest (path, (const char * const *) paths->pdata, 1);

  if (near[0] != NULL)
    g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_NOT_FOUND,
                 _("unknown field “%s” in a %s entry; did you mean “%s”?"), path,
                 mls_entry_get_category (self), near[0]);
  else
    g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_NOT_FOUND,
                 _("unknown field “%s” in a %s entry (registry/README.md lists the fields)"),
                 path, mls_entry_get_category (self));
  return FALSE;
}

/* A number alone, with no unit: "80", "1e9", "-0.5". */
static gboolean
is_bare_number (const char *text,
                double     *out)
{
  char *end = NULL;
  double v;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  v = g_ascii_strtod (text, &end);
  if (end == text)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0')
    return FALSE;
  if (out != NULL)
    *out = v;
  return TRUE;
}

static gboolean
starts_like_number (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  if (*text == '+' || *text == '-')
    text++;
  if (*text == '.')
    text++;
  return g_ascii_isdigit (*text);
}

static gboolean
parse_integer (const char *text,
               gint64     *out)
{
  char *end = NULL;
  gint64 v;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  errno = 0;
  v = g_ascii_strtoll (text, &end, 10);
  if (errno != 0 || end == text)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0')
    return FALSE;
  *out = v;
  return TRUE;
}

/* The catalog writes a few dozen distinct units thousands of times ("3.35 TB/s", "700 W"):
 * read "NUMBER UNIT" with the unit looked up in a cache, and leave everything else (and every
 * error) to mls_quantity_parse(). */
static gboolean
parse_quantity_cached (const char  *text,
                       MlsQuantity *out)
{
  static GHashTable *units;
  const char *p = text, *number, *unit_start, *unit_end;
  gboolean digits = FALSE;
  g_autofree char *unit = NULL;
  MlsQuantity *factor;
  double value;

  while (*p == ' ')
    p++;
  number = p;
  if (*p == '+' || *p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p != ' ')
    return FALSE;
  while (*p == ' ')
    p++;
  unit_start = p;
  unit_end = unit_start + strlen (unit_start);
  while (unit_end > unit_start && unit_end[-1] == ' ')
    unit_end--;
  if (unit_end == unit_start || *unit_start == '/')
    return FALSE;
  unit = g_strndup (unit_start, unit_end - unit_start);

  g_mutex_lock (&index_lock);
  if (units == NULL)
    units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  factor = g_hash_table_lookup (units, unit);
  if (factor == NULL)
    {
      MlsQuantity q;

      if (mls_quantity_from_unit (1.0, unit, &q, NULL))
        {
          factor = g_memdup2 (&q, sizeof q);
          g_hash_table_insert (units, g_strdup (unit), factor);
        }
    }
  g_mutex_unlock (&index_lock);
  if (factor == NULL)
    return FALSE;

  value = g_ascii_strtod (number, NULL) * factor->value;
  if (!isfinite (value))
    return FALSE;
  *out = *factor;
  out->value = value;
  return TRUE;
}

static gboolean
parse_quantity_field (const MlsFieldSpec *spec,
                      const char         *text,
                      MlsQuantity        *out,
                      GError            **error)
{
  MlsQuantity unit;

  if (spec->unit != NULL && is_bare_number (text, NULL))
    {
      g_autofree char *kind = NULL;
      g_autofree char *number = g_strstrip (g_strdup (text));

      spec_unit (spec, &unit);
      kind = mls_quantity_is_dimensionless (&unit) ? g_strdup (_("a count"))
                                                   : mls_quantity_describe_dimension (&unit);
      g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION,
                   _("%s must be %s with explicit units (such as “%s %s”); got a bare number"),
                   spec->path, kind, number, spec->unit);
      return FALSE;
    }
  if (!parse_quantity_cached (text, out) && !mls_quantity_parse (text, out, error))
    return FALSE;
  if (!spec_unit (spec, &unit) || mls_quantity_same_dimension (out, &unit))
    return TRUE;
  if (mls_quantity_is_dimensionless (&unit))
    {
      g_autofree char *have = mls_quantity_describe_dimension (out);
      g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION,
                   _("%s is a count (such as “8e9 %s”); got %s"), spec->path, spec->unit, have);
      return FALSE;
    }
  /* the full check words the error */
  return mls_quantity_check_dimension (out, spec->unit, spec->path, error);
}

static gboolean
parse_value (MlsEntry           *self,
             const MlsFieldSpec *spec,
             const char         *path,
             const char         *text,
             MlsFieldValue      *v,
             GError            **error)
{
  switch (spec->type)
    {
    case MLS_FIELD_STRING:
      if (spec->unit != NULL)
        {
          g_auto(GStrv) names = g_strsplit (spec->unit, "|", -1);

          for (guint i = 0; names[i] != NULL; i++)
            if (g_ascii_strcasecmp (names[i], text) == 0)
              {
                v->text = g_strdup (names[i]);
                return TRUE;
              }
          {
            g_autofree char *list = g_strjoinv (", ", names);
            g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                         _("%s “%s” is not one of %s"), path, text, list);
          }
          return FALSE;
        }
      v->text = g_strdup (text);
      return TRUE;

    case MLS_FIELD_QUANTITY:
      if (!parse_quantity_field (spec, text, &v->quantity, error))
        return FALSE;
      v->text = g_strstrip (g_strdup (text));
      return TRUE;

    case MLS_FIELD_NUMBER:
      {
        double d;

        if (!is_bare_number (text, &d) || !isfinite (d))
          {
            g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                         _("%s must be a plain number without units (such as 1.12); got “%s”"),
                         path, text);
            return FALSE;
          }
        v->quantity = mls_quantity_scalar (d);
        v->text = g_strstrip (g_strdup (text));
        return TRUE;
      }

    case MLS_FIELD_INTEGER:
      if (!parse_integer (text, &v->integer))
        {
          g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                       _("%s must be a whole number (such as 32); got “%s”"), path, text);
          return FALSE;
        }
      v->quantity = mls_quantity_scalar ((double) v->integer);
      v->text = g_strstrip (g_strdup (text));
      return TRUE;

    case MLS_FIELD_BOOLEAN:
      if (g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "yes") == 0)
        v->boolean = TRUE;
      else if (g_ascii_strcasecmp (text, "false") == 0 || g_ascii_strcasecmp (text, "no") == 0)
        v->boolean = FALSE;
      else
        {
          g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                       _("%s must be true or false; got “%s”"), path, text);
          return FALSE;
        }
      v->text = g_strdup (v->boolean ? "true" : "false");
      return TRUE;

    case MLS_FIELD_REFERENCE:
      if (*text == '\0' || strpbrk (text, " \t\n") != NULL)
        {
          g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                       _("%s must be the key of a %s entry (such as a name without spaces); "
                         "got “%s”"), path, spec->unit, text);
          return FALSE;
        }
      v->text = g_strdup (text);
      return TRUE;

    case MLS_FIELD_ANY:
      v->text = g_strstrip (g_strdup (text));
      if (starts_like_number (text))
        {
          double d;

          if (is_bare_number (text, &d))
            v->quantity = mls_quantity_scalar (d);
          else if (!mls_quantity_parse (text, &v->quantity, error))
            return FALSE;
        }
      else
        v->is_text = TRUE;
      return TRUE;

    case MLS_FIELD_STRING_LIST:
      v->list = g_strsplit (text, ",", -1);
      for (guint i = 0; v->list[i] != NULL; i++)
        g_strstrip (v->list[i]);
      v->text = g_strjoinv (", ", v->list);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static gboolean
check_field (MlsEntry   *self,
             const char *path,
             GError    **error)
{
  MlsEntryClass *klass = MLS_ENTRY_GET_CLASS (self);

  return klass->check_field == NULL || klass->check_field (self, path, error);
}

/**
 * mls_entry_set_from_string:
 * @self: a #MlsEntry
 * @path: a dotted field path, such as "memory.bandwidth"
 * @text: the value as written ("3.35 TB/s", "32", "true", a key)
 * @error: return location for a #GError
 *
 * Parses @text by the type of @path's field and stores it. Quantities need units of the
 * field's dimension; a bare number where a quantity is due is refused. String lists take
 * comma-separated values.
 *
 * Returns: %TRUE on success; %FALSE with %MLS_ENTRY_ERROR_NOT_FOUND for an unknown field,
 *   %MLS_ENTRY_ERROR_INVALID for a mistyped value, or a %MLS_UNITS_ERROR
 */
gboolean
mls_entry_set_from_string (MlsEntry   *self,
                           const char *path,
                           const char *text,
                           GError    **error)
{
  MlsEntryPrivate *priv;
  const MlsFieldSpec *spec;

  g_return_val_if_fail (MLS_IS_ENTRY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  priv = mls_entry_get_instance_private (self);
  if (strcmp (path, "name") == 0)
    {
      g_free (priv->name);
      priv->name = g_strdup (text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
      return TRUE;
    }
  if (strcmp (path, "description") == 0)
    {
      g_free (priv->description);
      priv->description = g_strdup (text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
      return TRUE;
    }

  spec = mls_entry_class_find_field (MLS_ENTRY_GET_CLASS (self), path);
  if (spec == NULL)
    return unknown_field (self, path, error);
  return mls_entry_set_field_text (self, spec, path, text, 0, 0, error);
}

gboolean
mls_entry_set_field_text (MlsEntry           *self,
                          const MlsFieldSpec *spec,
                          const char         *path,
                          const char         *text,
                          guint               line,
                          guint               column,
                          GError            **error)
{
  MlsEntryPrivate *priv = mls_entry_get_instance_private (self);
  MlsFieldValue *v;

  v = g_new0 (MlsFieldValue, 1);
  v->spec = spec;
  v->path = g_strdup (path);
  v->line = line;
  v->column = column;
  if (!parse_value (self, spec, path, text, v, error))
    {
      field_value_free (v);
      return FALSE;
    }
  store_value (self, v);
  if (!check_field (self, path, error))
    {
      g_ptr_array_remove (priv->order, v);
      g_hash_table_remove (priv->fields, path);
      return FALSE;
    }
  return TRUE;
}

/**
 * mls_entry_set_string_list:
 * @self: a #MlsEntry
 * @path: a dotted field path of a string-list field
 * @values: (array zero-terminated=1): the strings
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE if @path is not a string-list field
 */
gboolean
mls_entry_set_string_list (MlsEntry           *self,
                           const char         *path,
                           const char * const *values,
                           GError            **error)
{
  const MlsFieldSpec *spec;
  MlsFieldValue *v;

  g_return_val_if_fail (MLS_IS_ENTRY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  spec = mls_entry_class_find_field (MLS_ENTRY_GET_CLASS (self), path);
  if (spec == NULL)
    return unknown_field (self, path, error);
  if (spec->type != MLS_FIELD_STRING_LIST)
    {
      g_autofree char *want = mls_field_spec_describe (spec);
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("%s must be %s, not a list"), path, want);
      return FALSE;
    }
  v = g_new0 (MlsFieldValue, 1);
  v->spec = spec;
  v->path = g_strdup (path);
  v->list = g_strdupv ((char **) values);
  if (v->list == NULL)
    v->list = g_new0 (char *, 1);
  v->text = g_strjoinv (", ", v->list);
  store_value (self, v);
  return TRUE;
}

/**
 * mls_entry_set_quantity:
 * @self: a #MlsEntry
 * @path: a dotted field path of a quantity or number field
 * @value: the value, of the field's dimension
 *
 * Stores a quantity computed in code (for entries built from a plan, or by
 * mls_entry_copy_with()).
 */
void
mls_entry_set_quantity (MlsEntry          *self,
                        const char        *path,
                        const MlsQuantity *value)
{
  const MlsFieldSpec *spec;
  MlsFieldValue *v;

  g_return_if_fail (MLS_IS_ENTRY (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (value != NULL);

  spec = mls_entry_class_find_field (MLS_ENTRY_GET_CLASS (self), path);
  g_return_if_fail (spec != NULL);
  g_return_if_fail (spec->type == MLS_FIELD_QUANTITY || spec->type == MLS_FIELD_NUMBER ||
                    spec->type == MLS_FIELD_INTEGER || spec->type == MLS_FIELD_ANY);
  g_return_if_fail (spec->type != MLS_FIELD_QUANTITY || spec->unit == NULL ||
                    mls_quantity_check_dimension (value, spec->unit, path, NULL));
  g_return_if_fail (spec->type == MLS_FIELD_QUANTITY || spec->type == MLS_FIELD_ANY ||
                    mls_quantity_is_dimensionless (value));

  v = g_new0 (MlsFieldValue, 1);
  v->spec = spec;
  v->path = g_strdup (path);
  v->quantity = *value;
  if (spec->type == MLS_FIELD_INTEGER)
    {
      v->integer = (gint64) llround (value->value);
      v->quantity.value = (double) v->integer;
      v->text = g_strdup_printf ("%" G_GINT64_FORMAT, v->integer);
    }
  else if (spec->type == MLS_FIELD_NUMBER)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      v->text = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value->value));
    }
  else
    v->text = mls_quantity_format (value, 15);
  store_value (self, v);
}

/**
 * mls_entry_set_reference:
 * @self: a #MlsEntry
 * @path: a dotted field path of a reference field
 * @target: the entry @path refers to
 *
 * Points a reference field at an entry (the registry links references by key; code that
 * builds entries passes the target).
 */
void
mls_entry_set_reference (MlsEntry   *self,
                         const char *path,
                         MlsEntry   *target)
{
  const MlsFieldSpec *spec;
  MlsFieldValue *v;

  g_return_if_fail (MLS_IS_ENTRY (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (MLS_IS_ENTRY (target));

  spec = mls_entry_class_find_field (MLS_ENTRY_GET_CLASS (self), path);
  g_return_if_fail (spec != NULL && spec->type == MLS_FIELD_REFERENCE);
  g_return_if_fail (g_strcmp0 (spec->unit, mls_entry_get_category (target)) == 0);

  v = lookup_value (self, path);
  if (v != NULL)
    {
      /* relinking keeps the key as written and its position */
      g_set_object (&v->target, target);
      return;
    }
  v = g_new0 (MlsFieldValue, 1);
  v->spec = spec;
  v->path = g_strdup (path);
  v->text = g_strdup (mls_entry_get_key (target));
  v->target = g_object_ref (target);
  store_value (self, v);
}

/**
 * mls_entry_set_reference_key:
 * @self: a #MlsEntry
 * @path: a dotted field path of a reference field
 * @key: the key referred to
 *
 * Records a reference by key, to be linked by the registry.
 */
void
mls_entry_set_reference_key (MlsEntry   *self,
                             const char *path,
                             const char *key)
{
  g_return_if_fail (MLS_IS_ENTRY (self));
  g_return_if_fail (key != NULL);

  if (!mls_entry_set_from_string (self, path, key, NULL))
    g_return_if_reached ();
}

/**
 * mls_entry_finish:
 * @self: a #MlsEntry
 * @error: return location for a #GError
 *
 * Checks that every required field is set, then runs the class's `finish`, which validates
 * rules across fields and caches the values solvers read in hot loops. Call it again after
 * changing a field.
 *
 * Returns: %TRUE if the entry is complete and consistent; %FALSE with
 *   %MLS_ENTRY_ERROR_MISSING or %MLS_ENTRY_ERROR_INVALID otherwise
 */
gboolean
mls_entry_finish (MlsEntry *self,
                  GError  **error)
{
  MlsEntryClass *klass;

  g_return_val_if_fail (MLS_IS_ENTRY (self), FALSE);

  klass = MLS_ENTRY_GET_CLASS (self);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const MlsFieldSpec *spec = &klass->fields[i];

      if (spec->required && !mls_entry_has_field (self, spec->path))
        {
          g_autofree char *want = mls_field_spec_describe (spec);
          g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_MISSING,
                       _("%s entry “%s” lacks the required field “%s” (%s)"), klass->category,
                       mls_entry_get_key (self), spec->path, want);
          return FALSE;
        }
    }
  return klass->finish (self, error);
}

/**
 * mls_entry_copy_with:
 * @self: a finished #MlsEntry
 * @path: (nullable): a dotted path of a quantity or number field, or %NULL for a plain copy
 * @value: (nullable): the new value, of the field's dimension
 * @error: return location for a #GError
 *
 * Derives a copy with one value changed, for sensitivity analysis and "what if" questions.
 * The copy keeps every other value and its sources; the changed value gets a "derived"
 * provenance saying what it replaced.
 *
 * Returns: (transfer full) (nullable): the finished copy, or %NULL if @path is not a numeric
 *   field, @value has the wrong dimension, or the copy fails its checks
 */
MlsEntry *
mls_entry_copy_with (MlsEntry          *self,
                     const char        *path,
                     const MlsQuantity *value,
                     GError           **error)
{
  MlsEntryPrivate *priv, *cpriv;
  g_autoptr(MlsEntry) copy = NULL;

  g_return_val_if_fail (MLS_IS_ENTRY (self), NULL);
  g_return_val_if_fail (path == NULL || value != NULL, NULL);

  priv = mls_entry_get_instance_private (self);
  copy = mls_entry_new (G_OBJECT_TYPE (self), priv->key, priv->origin);
  cpriv = mls_entry_get_instance_private (copy);
  cpriv->name = g_strdup (priv->name);
  cpriv->description = g_strdup (priv->description);
  cpriv->line = priv->line;
  cpriv->column = priv->column;
  cpriv->builtin = priv->builtin;
  g_set_object (&cpriv->provenance, priv->provenance);
  for (guint i = 0; i < priv->order->len; i++)
    store_value (copy, field_value_copy (g_ptr_array_index (priv->order, i)));
  {
    GHashTableIter iter;
    gpointer k, p;

    g_hash_table_iter_init (&iter, priv->field_provenance);
    while (g_hash_table_iter_next (&iter, &k, &p))
      g_hash_table_insert (cpriv->field_provenance, g_strdup (k), g_object_ref (p));
  }

  if (path != NULL)
    {
      const MlsFieldSpec *spec = mls_entry_class_find_field (MLS_ENTRY_GET_CLASS (self), path);
      g_autofree char *old = mls_entry_format_field (self, path);
      g_autofree char *new = mls_quantity_format (value, 6);
      g_autofree char *notes = NULL;
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      g_autoptr(MlsProvenance) prov = NULL;

      if (spec == NULL)
        {
          unknown_field (self, path, error);
          return NULL;
        }
      if (spec->type != MLS_FIELD_QUANTITY && spec->type != MLS_FIELD_NUMBER &&
          spec->type != MLS_FIELD_INTEGER && spec->type != MLS_FIELD_ANY)
        {
          g_autofree char *want = mls_field_spec_describe (spec);
          g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                       _("%s of %s is %s, not a number that can be varied"), path,
                       priv->key, want);
          return NULL;
        }
      if (spec->type == MLS_FIELD_QUANTITY && spec->unit != NULL &&
          !mls_quantity_check_dimension (value, spec->unit, path, error))
        return NULL;
      if ((spec->type == MLS_FIELD_NUMBER || spec->type == MLS_FIELD_INTEGER) &&
          !mls_quantity_is_dimensionless (value))
        {
          g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION,
                       _("%s is a plain number; got a quantity with units"), path);
          return NULL;
        }
      mls_entry_set_quantity (copy, path, value);
      notes = g_strdup_printf (_("%s of %s changed from %s to %s"), path, priv->key,
                               old ? old : _("unset"), new);
      prov = mls_provenance_new (MLS_PROVENANCE_DERIVED, _("what-if variation"), NULL, today,
                                 notes, NULL);
      mls_entry_set_field_provenance (copy, path, prov);
    }

  if (!mls_entry_finish (copy, error))
    return NULL;
  return g_steal_pointer (&copy);
}

void
mls_entry_set_plan_provenance (MlsEntry *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *notes = g_strdup_printf (_("The %s entry “%s” was assembled in code from "
                                              "other entries and the values of a plan"),
                                            mls_entry_get_category (self),
                                            mls_entry_get_key (self));
  g_autoptr(MlsProvenance) prov = mls_provenance_new (MLS_PROVENANCE_DERIVED, _("mlsysim plan"),
                                                      NULL, today, notes, NULL);

  mls_entry_set_provenance (self, prov);
}
