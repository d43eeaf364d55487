/* mls-registry.c — the catalog of hardware, models, grids and fleets, every value sourced
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>
#include <yaml.h>

#include "mlsysim.h"
#include "mls-catalog-types-private.h"
#include "mls-entry-private.h"

/**
 * MlsRegistry:
 *
 * The catalog: every accelerator, model, grid, fabric and fleet mlsysim knows, and the
 * sourced constants solvers use, each value a quantity with units and a provenance.
 *
 * [func@Registry.get_default] reads, in order, the catalog compiled into the library, the
 * installed registry directory, `~/.local/share/mlsysim/registry` and every directory of
 * `$MLSYSIM_REGISTRY_PATH` (':'-separated). A later source adds entries or overrides
 * earlier ones by key, and [method@Registry.get_notices] says so. Setting
 * `MLSYSIM_NO_USER_DIRS=1` skips the installed and per-user directories.
 *
 * Loading is strict. Bad YAML, a key written twice, an unknown field, a bare number where a
 * quantity is due, a wrong dimension, a missing or invalid provenance, an unknown
 * `'@prov:KEY'` or a dangling reference is an error that starts with `file:line:column:`
 * and names the entry and the field. A file with an error adds nothing.
 *
 * Lookups ignore case and suggest near keys on a miss. Each category is a [iface@Gio.ListModel]
 * of entries sorted by key.
 */

#define RESOURCE_ROOT "/io/github/mlsysim/registry/"

/* The categories, in the order their entries are finished: an entry is finished after the
 * entries it refers to (a node after its accelerator, a fleet after its node). */
static const char *category_names[] = {
  "hardware", "tech", "models", "grids", "cooling", "constants", "walls", "personas",
  "datacenters", "nodes", "fabrics", "clusters", "scenarios", NULL,
};
#define N_CATEGORIES (G_N_ELEMENTS (category_names) - 1)

typedef struct
{
  MlsProvenance *provenance;
  char          *origin;
  guint          line;
  guint          column;
  gboolean       builtin;
  gpointer       file; /* the FileLoad that defines it, while loading */
} SourceRecord;

typedef struct
{
  GHashTable *by_key; /* folded key → MlsEntry */
  GListStore *store;
  gboolean    dirty;
} Category;

struct _MlsRegistry
{
  GObject     parent_instance;
  Category    categories[N_CATEGORIES];
  GHashTable *sources; /* key → SourceRecord */
  GPtrArray  *notices; /* char *, NULL-terminated */
  gboolean    linked;  /* every reference points at the entry now under its key */
};

G_DEFINE_FINAL_TYPE (MlsRegistry, mls_registry, G_TYPE_OBJECT)
G_DEFINE_QUARK (mls-registry-error-quark, mls_registry_error)

static void
source_record_free (gpointer data)
{
  SourceRecord *r = data;

  g_clear_object (&r->provenance);
  g_free (r->origin);
  g_free (r);
}

static void
mls_registry_finalize (GObject *object)
{
  MlsRegistry *self = MLS_REGISTRY (object);

  for (guint i = 0; i < N_CATEGORIES; i++)
    {
      g_clear_pointer (&self->categories[i].by_key, g_hash_table_unref);
      g_clear_object (&self->categories[i].store);
    }
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  G_OBJECT_CLASS (mls_registry_parent_class)->finalize (object);
}

static void
mls_registry_class_init (MlsRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mls_registry_finalize;
}

static void
mls_registry_init (MlsRegistry *self)
{
  for (guint i = 0; i < N_CATEGORIES; i++)
    {
      self->categories[i].by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          g_object_unref);
      self->categories[i].store = g_list_store_new (MLS_TYPE_ENTRY);
    }
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, source_record_free);
  self->notices = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notices, NULL);
  self->linked = TRUE;
}

/**
 * mls_registry_new:
 *
 * Creates an empty registry. Most code wants [func@Registry.get_default]; tests and tools
 * that assemble their own catalog load sources into a new one.
 *
 * Returns: (transfer full): a new, empty registry
 */
MlsRegistry *
mls_registry_new (void)
{
  return g_object_new (MLS_TYPE_REGISTRY, NULL);
}

static int
category_index (const char *name)
{
  for (guint i = 0; i < N_CATEGORIES; i++)
    if (g_strcmp0 (name, category_names[i]) == 0)
      return (int) i;
  return -1;
}

static char *
fold_key (const char *key)
{
  return g_ascii_strdown (key, -1);
}

static void
add_notice (MlsRegistry *self,
            char        *notice)
{
  /* keep the array NULL-terminated for mls_registry_get_notices() */
  g_ptr_array_index (self->notices, self->notices->len - 1) = notice;
  g_ptr_array_add (self->notices, NULL);
}

/* ------------------------------------------------------------------------------------------
 * Loading: one batch of files (a directory, the built-in catalog or one file) is staged,
 * validated and linked, and only the files that pass are committed.
 * ------------------------------------------------------------------------------------------ */

typedef struct
{
  char            *origin;
  GBytes          *bytes;
  gboolean         builtin;
  yaml_document_t  doc;
  gboolean         have_doc;
  GError          *error;
  GPtrArray       *entries;     /* MlsEntry, staged */
  GArray          *entry_ci;    /* the category index of each staged entry */
  GHashTable      *sources;     /* key → SourceRecord, staged */
  GPtrArray       *source_uses; /* SourceUse: records of other files of the batch it uses */
} FileLoad;

typedef struct
{
  char    *key;
  gpointer file; /* the FileLoad defining it */
  guint    line;
  guint    column;
} SourceUse;

typedef struct
{
  MlsRegistry *registry;
  GPtrArray   *files;                  /* FileLoad */
  GHashTable  *index[N_CATEGORIES];    /* folded key → MlsEntry staged by files that pass */
  GHashTable  *failed[N_CATEGORIES];   /* folded key → origin of an entry whose file failed */
  GHashTable  *sources;                /* key → SourceRecord (borrowed from the files) */
  GHashTable  *entry_file;             /* MlsEntry → FileLoad */
} Batch;

static void
source_use_free (gpointer data)
{
  SourceUse *use = data;

  g_free (use->key);
  g_free (use);
}

static void
file_load_free (gpointer data)
{
  FileLoad *f = data;

  g_free (f->origin);
  g_clear_pointer (&f->bytes, g_bytes_unref);
  if (f->have_doc)
    yaml_document_delete (&f->doc);
  g_clear_error (&f->error);
  g_clear_pointer (&f->entries, g_ptr_array_unref);
  g_clear_pointer (&f->entry_ci, g_array_unref);
  g_clear_pointer (&f->sources, g_hash_table_unref);
  g_clear_pointer (&f->source_uses, g_ptr_array_unref);
  g_free (f);
}

static FileLoad *
file_load_new (const char *origin,
               GBytes     *bytes,
               gboolean    builtin)
{
  FileLoad *f = g_new0 (FileLoad, 1);

  f->origin = g_strdup (origin);
  f->bytes = g_bytes_ref (bytes);
  f->builtin = builtin;
  f->entries = g_ptr_array_new_with_free_func (g_object_unref);
  f->entry_ci = g_array_new (FALSE, FALSE, sizeof (int));
  f->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, source_record_free);
  f->source_uses = g_ptr_array_new_with_free_func (source_use_free);
  return f;
}

static int
error_code_for (const GError *error)
{
  if (error->domain == MLS_REGISTRY_ERROR)
    return error->code;
  if (error->domain == MLS_UNITS_ERROR)
    return MLS_REGISTRY_ERROR_UNITS;
  if (error->domain == MLS_PROVENANCE_ERROR)
    return MLS_REGISTRY_ERROR_PROVENANCE;
  return MLS_REGISTRY_ERROR_SCHEMA;
}

static gboolean fail_at (FileLoad   *f,
                         int         code,
                         guint       line,
                         guint       column,
                         const char *format,
                         ...) G_GNUC_PRINTF (5, 6);

/* Records the first error of a file, as "file:line:column: message". */
static gboolean
fail_at (FileLoad   *f,
         int         code,
         guint       line,
         guint       column,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (f->error != NULL)
    return FALSE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  f->error = g_error_new (MLS_REGISTRY_ERROR, code, "%s:%u:%u: %s", f->origin, line, column,
                          message);
  return FALSE;
}

static gboolean
fail_node (FileLoad    *f,
           int          code,
           yaml_node_t *node,
           const char  *format,
           ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail_node (FileLoad    *f,
           int          code,
           yaml_node_t *node,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return fail_at (f, code, node->start_mark.line + 1, node->start_mark.column + 1, "%s",
                  message);
}

static yaml_node_t *
node_at (FileLoad *f,
         int       index)
{
  return yaml_document_get_node (&f->doc, index);
}

static const char *
scalar_text (yaml_node_t *node)
{
  return (const char *) node->data.scalar.value;
}

static gboolean
is_null_scalar (yaml_node_t *node)
{
  const char *t;

  if (node->type != YAML_SCALAR_NODE || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return FALSE;
  t = scalar_text (node);
  return *t == '\0' || strcmp (t, "~") == 0 || g_ascii_strcasecmp (t, "null") == 0;
}

static const char *
node_kind (yaml_node_t *node)
{
  switch (node->type)
    {
    case YAML_MAPPING_NODE:
      return _("a mapping");
    case YAML_SEQUENCE_NODE:
      return _("a list");
    case YAML_SCALAR_NODE:
    default:
      return _("a single value");
    }
}

/* libyaml accepts a mapping with a key written twice; the registry does not. Also checks
 * that every key is a plain value. */
static gboolean
check_mapping_keys (FileLoad    *f,
                    yaml_node_t *map,
                    const char  *where)
{
  yaml_node_pair_t *start = map->data.mapping.pairs.start;
  yaml_node_pair_t *top = map->data.mapping.pairs.top;
  /* entries have a few dozen fields: compare pairwise; sections use a hash table */
  g_autoptr(GHashTable) seen = top - start > 32 ? g_hash_table_new (g_str_hash, g_str_equal)
                                                : NULL;

  for (yaml_node_pair_t *p = start; p < top; p++)
    {
      yaml_node_t *key = node_at (f, p->key);
      yaml_node_t *first = NULL;

      if (key->type != YAML_SCALAR_NODE)
        return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, key,
                          _("%s: a key must be a plain name, not %s"), where, node_kind (key));
      if (seen != NULL)
        first = g_hash_table_lookup (seen, scalar_text (key));
      else
        for (yaml_node_pair_t *q = start; q < p && first == NULL; q++)
          {
            yaml_node_t *other = node_at (f, q->key);

            if (strcmp (scalar_text (other), scalar_text (key)) == 0)
              first = other;
          }
      if (first != NULL)
        return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, key,
                          _("%s: duplicate key “%s” (first written at line %zu); YAML keeps "
                            "only one, so write it once"),
                          where, scalar_text (key), first->start_mark.line + 1);
      if (seen != NULL)
        g_hash_table_insert (seen, (gpointer) scalar_text (key), key);
    }
  return TRUE;
}

static gboolean
parse_file (FileLoad *f)
{
  yaml_parser_t parser;
  gsize size;
  const guchar *data = g_bytes_get_data (f->bytes, &size);
  gboolean ok;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, data ? data : (const guchar *) "", size);
  ok = yaml_parser_load (&parser, &f->doc);
  if (!ok)
    {
      g_autofree char *context = NULL;

      /* libyaml says where it gave up and, for unterminated constructs, where they began */
      if (parser.context != NULL)
        context = g_strdup_printf (_(", %s that starts at line %zu, column %zu"),
                                   parser.context, parser.context_mark.line + 1,
                                   parser.context_mark.column + 1);
      fail_at (f, MLS_REGISTRY_ERROR_SYNTAX, parser.problem_mark.line + 1,
               parser.problem_mark.column + 1, _("YAML syntax error: %s%s"),
               parser.problem ? parser.problem : _("unreadable YAML"),
               context ? context : "");
      yaml_parser_delete (&parser);
      return FALSE;
    }
  f->have_doc = TRUE;

  /* one document per file */
  {
    yaml_document_t next;

    if (yaml_parser_load (&parser, &next))
      {
        gboolean more = yaml_document_get_root_node (&next) != NULL;
        yaml_mark_t mark = next.start_mark;

        yaml_document_delete (&next);
        if (more)
          {
            yaml_parser_delete (&parser);
            return fail_at (f, MLS_REGISTRY_ERROR_SYNTAX, mark.line + 1, mark.column + 1,
                            _("a registry file holds one YAML document; remove the “---” "
                              "separator and merge the documents"));
          }
      }
    else
      {
        fail_at (f, MLS_REGISTRY_ERROR_SYNTAX, parser.problem_mark.line + 1,
                 parser.problem_mark.column + 1, _("YAML syntax error: %s"),
                 parser.problem ? parser.problem : _("unreadable YAML"));
        yaml_parser_delete (&parser);
        return FALSE;
      }
  }
  yaml_parser_delete (&parser);
  return TRUE;
}

/* The top-level mapping of a file, or NULL for an empty file. */
static yaml_node_t *
file_root (FileLoad *f)
{
  return yaml_document_get_root_node (&f->doc);
}

static gboolean
check_root (FileLoad *f)
{
  yaml_node_t *root = file_root (f);
  g_autoptr(GPtrArray) known = NULL;

  if (root == NULL || is_null_scalar (root))
    return TRUE;
  if (root->type != YAML_MAPPING_NODE)
    return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, root,
                      _("a registry file maps categories (hardware, models, …) to entries; "
                        "found %s"), node_kind (root));
  if (!check_mapping_keys (f, root, _("top level")))
    return FALSE;

  known = g_ptr_array_new ();
  for (guint i = 0; i < N_CATEGORIES; i++)
    g_ptr_array_add (known, (gpointer) category_names[i]);
  g_ptr_array_add (known, (gpointer) "sources");
  g_ptr_array_add (known, NULL);

  for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
       p++)
    {
      yaml_node_t *key = node_at (f, p->key);
      yaml_node_t *value = node_at (f, p->value);
      const char *name = scalar_text (key);

      if (category_index (name) < 0 && strcmp (name, "sources") != 0)
        {
          g_auto(GStrv) near = mls_suggest_nearest (name, (const char * const *) known->pdata, 1);
          g_autofree char *list = g_strjoinv (", ", (char **) known->pdata);

          if (near[0] != NULL)
            return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, key,
                              _("unknown category “%s”; did you mean “%s”? (categories: %s)"),
                              name, near[0], list);
          return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, key,
                            _("unknown category “%s” (categories: %s)"), name, list);
        }
      if (value->type != YAML_MAPPING_NODE && !is_null_scalar (value))
        return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, value,
                          _("“%s” maps keys to entries; found %s"), name, node_kind (value));
      if (value->type == YAML_MAPPING_NODE && !check_mapping_keys (f, value, name))
        return FALSE;
    }
  return TRUE;
}

static gboolean
valid_key (const char *key)
{
  if (*key == '\0' || *key == '@')
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.' && *p != '+')
      return FALSE;
  return TRUE;
}

/* --- provenance ------------------------------------------------------------------------- */

static SourceRecord *
find_source (Batch      *batch,
             const char *key)
{
  SourceRecord *r = g_hash_table_lookup (batch->sources, key);

  return r ? r : g_hash_table_lookup (batch->registry->sources, key);
}

/* Whose provenance is being read, worded only when there is an error to report. */
typedef struct
{
  MlsEntry   *entry;
  const char *field;
  const char *source;
} Owner;

static char *
owner_text (const Owner *o)
{
  if (o->source != NULL)
    return g_strdup_printf (_("source “%s”"), o->source);
  if (o->field != NULL)
    return g_strdup_printf (_("%s entry “%s”, source of “%s”"),
                            mls_entry_get_category (o->entry), mls_entry_get_key (o->entry),
                            o->field);
  return g_strdup_printf (_("%s entry “%s”"), mls_entry_get_category (o->entry),
                          mls_entry_get_key (o->entry));
}

static MlsProvenance *
parse_provenance (Batch       *batch,
                  FileLoad    *f,
                  yaml_node_t *node,
                  const Owner *who,
                  gboolean     allow_reference)
{
  static const char *fields[] = { "kind", "ref", "url", "verified", "notes", NULL };
  const char *values[G_N_ELEMENTS (fields)] = { NULL };
  yaml_node_t *nodes[G_N_ELEMENTS (fields)] = { NULL };
  g_autoptr(GError) error = NULL;
  MlsProvenanceKind kind;
  MlsProvenance *prov;
  g_autofree char *owner = NULL;

#define OWNER (owner ? owner : (owner = owner_text (who)))

  if (node->type == YAML_SCALAR_NODE && allow_reference &&
      g_str_has_prefix (scalar_text (node), "@prov:"))
    {
      const char *key = scalar_text (node) + strlen ("@prov:");
      SourceRecord *r = find_source (batch, key);

      if (r == NULL)
        {
          g_autoptr(GPtrArray) keys = g_ptr_array_new ();
          g_auto(GStrv) near = NULL;
          GHashTableIter iter;
          gpointer k;

          g_hash_table_iter_init (&iter, batch->sources);
          while (g_hash_table_iter_next (&iter, &k, NULL))
            g_ptr_array_add (keys, k);
          g_hash_table_iter_init (&iter, batch->registry->sources);
          while (g_hash_table_iter_next (&iter, &k, NULL))
            g_ptr_array_add (keys, k);
          g_ptr_array_add (keys, NULL);
          near = mls_suggest_nearest (key, (const char * const *) keys->pdata, 1);
          if (near[0] != NULL)
            fail_node (f, MLS_REGISTRY_ERROR_PROVENANCE, node,
                       _("%s: “@prov:%s” names no record under “sources:”; did you mean "
                         "“@prov:%s”?"), OWNER, key, near[0]);
          else
            fail_node (f, MLS_REGISTRY_ERROR_PROVENANCE, node,
                       _("%s: “@prov:%s” names no record under “sources:” (add it to "
                         "sources.yaml)"), OWNER, key);
          return NULL;
        }
      if (r->file != NULL && r->file != f)
        {
          SourceUse *use = g_new0 (SourceUse, 1);

          use->key = g_strdup (key);
          use->file = r->file;
          use->line = node->start_mark.line + 1;
          use->column = node->start_mark.column + 1;
          g_ptr_array_add (f->source_uses, use);
        }
      return g_object_ref (r->provenance);
    }

  if (node->type != YAML_MAPPING_NODE)
    {
      fail_node (f, MLS_REGISTRY_ERROR_PROVENANCE, node,
                 allow_reference
                   ? _("%s: provenance must be a record (kind, ref, url, verified, notes) or "
                       "“@prov:KEY”; found %s")
                   : _("%s: a source must be a record (kind, ref, url, verified, notes); "
                       "found %s"),
                 OWNER, node_kind (node));
      return NULL;
    }
  if (!check_mapping_keys (f, node, who->source ? who->source : mls_entry_get_key (who->entry)))
    return NULL;

  for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top;
       p++)
    {
      yaml_node_t *key = node_at (f, p->key);
      yaml_node_t *value = node_at (f, p->value);
      guint i;

      for (i = 0; fields[i] != NULL; i++)
        if (strcmp (scalar_text (key), fields[i]) == 0)
          break;
      if (fields[i] == NULL)
        {
          g_auto(GStrv) near = mls_suggest_nearest (scalar_text (key), fields, 1);
          fail_node (f, MLS_REGISTRY_ERROR_PROVENANCE, key,
                     _("%s: unknown provenance field “%s”%s%s%s (fields: kind, ref, url, "
                       "verified, notes)"), OWNER, scalar_text (key),
                     near[0] ? _("; did you mean “") : "", near[0] ? near[0] : "",
                     near[0] ? "”?" : "");
          return NULL;
        }
      if (value->type != YAML_SCALAR_NODE || is_null_scalar (value))
        {
          fail_node (f, MLS_REGISTRY_ERROR_PROVENANCE, value,
                     _("%s: provenance field “%s” must be a single text value"), OWNER,
                     fields[i]);
          return NULL;
        }
      values[i] = scalar_text (value);
      nodes[i] = value;
    }

  if (values[0] == NULL)
    {
      fail_node (f, MLS_REGISTRY_ERROR_PROVENANCE, node,
                 _("%s: provenance lacks “kind” (datasheet, literature, industry_report, "
                   "convention, estimate, derived, illustrative or heuristic)"), OWNER);
      return NULL;
    }
  if (!mls_provenance_kind_from_string (values[0], &kind, &error))
    {
      fail_node (f, MLS_REGISTRY_ERROR_PROVENANCE, nodes[0], "%s: %s", OWNER, error->message);
      return NULL;
    }
  prov = mls_provenance_new (kind, values[1], values[2], values[3], values[4], &error);
  if (prov == NULL)
    {
      yaml_node_t *where = node;

      if (g_error_matches (error, MLS_PROVENANCE_ERROR, MLS_PROVENANCE_ERROR_BAD_DATE) &&
          nodes[3])
        where = nodes[3];
      else if (g_error_matches (error, MLS_PROVENANCE_ERROR, MLS_PROVENANCE_ERROR_BAD_URL) &&
               nodes[2])
        where = nodes[2];
      else if (g_error_matches (error, MLS_PROVENANCE_ERROR,
                                MLS_PROVENANCE_ERROR_MISSING_REFERENCE) && nodes[1])
        where = nodes[1];
      fail_node (f, MLS_REGISTRY_ERROR_PROVENANCE, where, "%s: %s", OWNER, error->message);
      return NULL;
    }
  return prov;
#undef OWNER
}

/* --- the sources section ----------------------------------------------------------------- */

static gboolean
stage_sources (Batch    *batch,
               FileLoad *f)
{
  yaml_node_t *root = file_root (f);

  if (root == NULL || root->type != YAML_MAPPING_NODE)
    return TRUE;
  for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
       p++)
    {
      yaml_node_t *section = node_at (f, p->value);

      if (strcmp (scalar_text (node_at (f, p->key)), "sources") != 0 ||
          section->type != YAML_MAPPING_NODE)
        continue;
      for (yaml_node_pair_t *q = section->data.mapping.pairs.start;
           q < section->data.mapping.pairs.top; q++)
        {
          yaml_node_t *key = node_at (f, q->key);
          const char *name = scalar_text (key);
          Owner owner = { NULL, NULL, name };
          SourceRecord *other = g_hash_table_lookup (batch->sources, name);
          MlsProvenance *prov;
          SourceRecord *r;

          if (!valid_key (name))
            return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, key,
                              _("“%s” is not a valid key: use letters, digits and _ - . only"),
                              name);
          if (other != NULL)
            return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, key,
                              _("source “%s” is already defined at %s:%u:%u; keys are unique "
                                "across the files of a registry directory"),
                              name, other->origin, other->line, other->column);
          prov = parse_provenance (batch, f, node_at (f, q->value), &owner, FALSE);
          if (prov == NULL)
            return FALSE;
          r = g_new0 (SourceRecord, 1);
          r->provenance = prov;
          r->origin = g_strdup (f->origin);
          r->line = key->start_mark.line + 1;
          r->column = key->start_mark.column + 1;
          r->builtin = f->builtin;
          r->file = f;
          g_hash_table_insert (f->sources, g_strdup (name), r);
        }
    }
  return TRUE;
}

/* --- entries ------------------------------------------------------------------------------ */

static GType
entry_type_for (FileLoad    *f,
                const char  *category,
                yaml_node_t *map,
                const char  *key)
{
  if (strcmp (category, "hardware") == 0)
    return MLS_TYPE_HARDWARE_NODE;
  if (strcmp (category, "grids") == 0)
    return MLS_TYPE_GRID_PROFILE;
  if (strcmp (category, "datacenters") == 0)
    return MLS_TYPE_DATACENTER;
  if (strcmp (category, "nodes") == 0)
    return MLS_TYPE_NODE;
  if (strcmp (category, "fabrics") == 0)
    return MLS_TYPE_NETWORK_FABRIC;
  if (strcmp (category, "clusters") == 0)
    return MLS_TYPE_FLEET;
  if (strcmp (category, "models") == 0)
    {
      const char *kind = NULL, *architecture = NULL;
      yaml_node_t *kind_node = NULL;

      for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
           p++)
        {
          yaml_node_t *k = node_at (f, p->key), *v = node_at (f, p->value);

          if (v->type != YAML_SCALAR_NODE)
            continue;
          if (strcmp (scalar_text (k), "kind") == 0)
            {
              kind = scalar_text (v);
              kind_node = v;
            }
          else if (strcmp (scalar_text (k), "architecture") == 0)
            architecture = scalar_text (v);
        }
      if (kind != NULL)
        {
          GType type = mls_workload_type_for_kind (kind);

          if (type == G_TYPE_INVALID)
            fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, kind_node,
                       _("models entry “%s”: kind “%s” is not one of transformer, moe, cnn, "
                         "ssm, diffusion, recommendation, generic"), key, kind);
          return type;
        }
      /* Without a kind, the architecture decides, as the reference CLI does. */
      if (architecture != NULL)
        {
          g_autofree char *a = g_ascii_strdown (architecture, -1);

          if (strstr (a, "mixture") || strstr (a, "moe"))
            return MLS_TYPE_MOE_WORKLOAD;
          if (strstr (a, "transformer"))
            return MLS_TYPE_TRANSFORMER_WORKLOAD;
          if (strstr (a, "cnn") || strstr (a, "convolution"))
            return MLS_TYPE_CNN_WORKLOAD;
          if (strstr (a, "ssm") || strstr (a, "state space") || strstr (a, "state-space"))
            return MLS_TYPE_SSM_WORKLOAD;
          if (strstr (a, "diffusion"))
            return MLS_TYPE_DIFFUSION_WORKLOAD;
          if (strstr (a, "recommend"))
            return MLS_TYPE_RECOMMENDATION_WORKLOAD;
        }
      return MLS_TYPE_GENERIC_WORKLOAD;
    }
  return mls_catalog_type_for_category (category);
}

static gboolean
entry_error (FileLoad     *f,
             MlsEntry     *entry,
             yaml_node_t  *node,
             const GError *error)
{
  return fail_node (f, error_code_for (error), node, _("%s entry “%s”: %s"),
                    mls_entry_get_category (entry), mls_entry_get_key (entry), error->message);
}

static gboolean
load_field_sources (Batch       *batch,
                    FileLoad    *f,
                    MlsEntry    *entry,
                    yaml_node_t *map)
{
  if (map->type != YAML_MAPPING_NODE)
    return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, map,
                      _("%s entry “%s”: “sources” maps field paths (such as "
                        "“memory.capacity”) to provenance; found %s"),
                      mls_entry_get_category (entry), mls_entry_get_key (entry),
                      node_kind (map));
  if (!check_mapping_keys (f, map, mls_entry_get_key (entry)))
    return FALSE;
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
       p++)
    {
      yaml_node_t *key = node_at (f, p->key);
      const char *path = scalar_text (key);
      Owner owner = { entry, path, NULL };
      g_autoptr(MlsProvenance) prov = NULL;

      if (mls_entry_get_field_spec (entry, path) == NULL &&
          !mls_entry_class_is_group (MLS_ENTRY_GET_CLASS (entry), path))
        {
          g_autoptr(GError) error = NULL;

          mls_entry_set_from_string (entry, path, "", &error); /* for the "did you mean" */
          return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, key,
                            _("%s entry “%s”: sources: %s"), mls_entry_get_category (entry),
                            mls_entry_get_key (entry), error->message);
        }
      prov = parse_provenance (batch, f, node_at (f, p->value), &owner, TRUE);
      if (prov == NULL)
        return FALSE;
      mls_entry_set_field_provenance (entry, path, prov);
    }
  return TRUE;
}

static gboolean
load_fields (Batch       *batch,
             FileLoad    *f,
             MlsEntry    *entry,
             yaml_node_t *map,
             const char  *prefix)
{
  MlsEntryClass *klass = MLS_ENTRY_GET_CLASS (entry);

  if (!check_mapping_keys (f, map, mls_entry_get_key (entry)))
    return FALSE;

  for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
       p++)
    {
      yaml_node_t *key = node_at (f, p->key);
      yaml_node_t *value = node_at (f, p->value);
      g_autofree char *path = prefix ? g_strconcat (prefix, ".", scalar_text (key), NULL)
                                     : g_strdup (scalar_text (key));
      const MlsFieldSpec *spec;
      g_autoptr(GError) error = NULL;

      if (prefix == NULL && strcmp (path, "provenance") == 0)
        {
          Owner owner = { entry, NULL, NULL };
          g_autoptr(MlsProvenance) prov = parse_provenance (batch, f, value, &owner, TRUE);

          if (prov == NULL)
            return FALSE;
          mls_entry_set_provenance (entry, prov);
          continue;
        }
      if (prefix == NULL && strcmp (path, "sources") == 0)
        {
          if (!load_field_sources (batch, f, entry, value))
            return FALSE;
          continue;
        }

      spec = mls_entry_class_find_field (klass, path);
      if (value->type == YAML_MAPPING_NODE)
        {
          if (spec == NULL && mls_entry_class_is_group (klass, path))
            {
              if (!load_fields (batch, f, entry, value, path))
                return FALSE;
              continue;
            }
        }
      else if (value->type == YAML_SEQUENCE_NODE)
        {
          if (spec != NULL && spec->type == MLS_FIELD_STRING_LIST)
            {
              g_autoptr(GPtrArray) items = g_ptr_array_new ();

              for (yaml_node_item_t *i = value->data.sequence.items.start;
                   i < value->data.sequence.items.top; i++)
                {
                  yaml_node_t *item = node_at (f, *i);

                  if (item->type != YAML_SCALAR_NODE || is_null_scalar (item))
                    return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, item,
                                      _("%s entry “%s”: %s lists plain values; found %s"),
                                      mls_entry_get_category (entry),
                                      mls_entry_get_key (entry), path, node_kind (item));
                  g_ptr_array_add (items, (gpointer) scalar_text (item));
                }
              g_ptr_array_add (items, NULL);
              if (!mls_entry_set_string_list (entry, path, (const char * const *) items->pdata,
                                              &error))
                return entry_error (f, entry, value, error);
              mls_entry_set_field_position (entry, path, value->start_mark.line + 1,
                                            value->start_mark.column + 1);
              continue;
            }
        }
      else if (spec != NULL && spec->type != MLS_FIELD_STRING_LIST)
        {
          if (is_null_scalar (value))
            {
              g_autofree char *want = mls_field_spec_describe (spec);
              return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, value,
                                _("%s entry “%s”: %s has no value; give %s or leave the "
                                  "field out"), mls_entry_get_category (entry),
                                mls_entry_get_key (entry), path, want);
            }
          if (!mls_entry_set_field_text (entry, spec, path, scalar_text (value),
                                         value->start_mark.line + 1,
                                         value->start_mark.column + 1, &error))
            return entry_error (f, entry, value, error);
          continue;
        }
      else if (spec == NULL && prefix == NULL &&
               (strcmp (path, "name") == 0 || strcmp (path, "description") == 0))
        {
          if (is_null_scalar (value))
            return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, value,
                              _("%s entry “%s”: %s has no value; write text or leave the "
                                "field out"), mls_entry_get_category (entry),
                              mls_entry_get_key (entry), path);
          mls_entry_set_from_string (entry, path, scalar_text (value), NULL);
          continue;
        }

      /* an unknown field, or a known one with the wrong shape */
      if (spec != NULL || mls_entry_class_is_group (klass, path) ||
          (prefix == NULL && (strcmp (path, "name") == 0 || strcmp (path, "description") == 0)))
        {
          g_autofree char *want = spec ? mls_field_spec_describe (spec)
                                       : mls_entry_class_is_group (klass, path)
                                           ? g_strdup (_("a mapping of its fields"))
                                           : g_strdup (_("text"));
          return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, value,
                            _("%s entry “%s”: %s must be %s; found %s"),
                            mls_entry_get_category (entry), mls_entry_get_key (entry), path,
                            want, node_kind (value));
        }
      mls_entry_set_from_string (entry, path, "", &error);
      return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, key, _("%s entry “%s”: %s"),
                        mls_entry_get_category (entry), mls_entry_get_key (entry),
                        error->message);
    }
  return TRUE;
}

static gboolean
stage_entries (Batch    *batch,
               FileLoad *f)
{
  yaml_node_t *root = file_root (f);

  if (root == NULL || root->type != YAML_MAPPING_NODE)
    return TRUE;
  for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
       p++)
    {
      const char *category = scalar_text (node_at (f, p->key));
      yaml_node_t *section = node_at (f, p->value);
      int ci = category_index (category);

      if (ci < 0 || section->type != YAML_MAPPING_NODE)
        continue;
      for (yaml_node_pair_t *q = section->data.mapping.pairs.start;
           q < section->data.mapping.pairs.top; q++)
        {
          yaml_node_t *key = node_at (f, q->key);
          yaml_node_t *map = node_at (f, q->value);
          const char *name = scalar_text (key);
          g_autofree char *folded = fold_key (name);
          g_autoptr(MlsEntry) entry = NULL;
          MlsEntry *other;
          GType type;

          if (!valid_key (name))
            return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, key,
                              _("%s: “%s” is not a valid key: use letters, digits and _ - . "
                                "only"), category, name);
          other = g_hash_table_lookup (batch->index[ci], folded);
          if (other != NULL)
            {
              guint line, column;

              mls_entry_get_position (other, &line, &column);
              return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, key,
                                _("%s entry “%s” is already defined at %s:%u:%u; keys are "
                                  "unique within a category (ignoring case)"), category, name,
                                mls_entry_get_origin (other), line, column);
            }
          if (map->type != YAML_MAPPING_NODE)
            return fail_node (f, MLS_REGISTRY_ERROR_SCHEMA, map,
                              _("%s entry “%s” must be a mapping of fields; found %s"),
                              category, name, node_kind (map));

          type = entry_type_for (f, category, map, name);
          if (type == G_TYPE_INVALID)
            return FALSE;
          entry = mls_entry_new (type, name, f->origin);
          mls_entry_set_position (entry, key->start_mark.line + 1, key->start_mark.column + 1);
          mls_entry_set_builtin (entry, f->builtin);
          if (!load_fields (batch, f, entry, map, NULL))
            return FALSE;
          if (mls_entry_get_provenance (entry) == NULL)
            return fail_node (f, MLS_REGISTRY_ERROR_PROVENANCE, key,
                              _("%s entry “%s” has no provenance: add “provenance:” with kind, "
                                "ref, url and verified, or “provenance: '@prov:KEY'”"),
                              category, name);
          g_hash_table_insert (batch->index[ci], g_steal_pointer (&folded), entry);
          g_hash_table_insert (batch->entry_file, entry, f);
          g_ptr_array_add (f->entries, g_steal_pointer (&entry));
          g_array_append_val (f->entry_ci, ci);
        }
    }
  return TRUE;
}

/* A file failed: its entries leave the staging index, remembered for clearer messages. */
static void
drop_file (Batch    *batch,
           FileLoad *f)
{
  for (guint i = 0; i < f->entries->len; i++)
    {
      MlsEntry *entry = g_ptr_array_index (f->entries, i);
      int ci = g_array_index (f->entry_ci, int, i);
      g_autofree char *folded = fold_key (mls_entry_get_key (entry));

      if (g_hash_table_lookup (batch->index[ci], folded) == entry)
        {
          g_hash_table_remove (batch->index[ci], folded);
          g_hash_table_insert (batch->failed[ci], g_steal_pointer (&folded), f->origin);
        }
    }
}

static MlsEntry *
lookup_committed (MlsRegistry *self,
                  int          ci,
                  const char  *key)
{
  g_autofree char *folded = fold_key (key);

  return g_hash_table_lookup (self->categories[ci].by_key, folded);
}

static char **
category_keys (MlsRegistry *self,
               GHashTable  *staged,
               int          ci)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->categories[ci].by_key);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_strv_builder_add (builder, mls_entry_get_key (value));
  if (staged != NULL)
    {
      g_hash_table_iter_init (&iter, staged);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_strv_builder_add (builder, mls_entry_get_key (value));
    }
  return g_strv_builder_end (builder);
}

typedef struct
{
  Batch    *batch;
  FileLoad *file;
  gboolean  ok;
} LinkData;

static void
link_field (MlsEntry           *entry,
            const char         *path,
            const MlsFieldSpec *spec,
            gpointer            user_data)
{
  LinkData *data = user_data;
  const char *key;
  int ci;
  MlsEntry *target;
  g_autofree char *folded = NULL;
  guint line = 0, column = 0;

  if (!data->ok || spec->type != MLS_FIELD_REFERENCE)
    return;
  key = mls_entry_get_reference_key (entry, path);
  ci = category_index (spec->unit);
  g_assert (ci >= 0);
  folded = fold_key (key);
  target = data->batch ? g_hash_table_lookup (data->batch->index[ci], folded) : NULL;
  if (target == NULL)
    target = g_hash_table_lookup (data->batch->registry->categories[ci].by_key, folded);
  if (target != NULL)
    {
      mls_entry_set_reference (entry, path, target);
      return;
    }

  data->ok = FALSE;
  mls_entry_get_field_position (entry, path, &line, &column);
  {
    const char *failed = g_hash_table_lookup (data->batch->failed[ci], folded);
    g_auto(GStrv) keys = category_keys (data->batch->registry, data->batch->index[ci], ci);
    g_auto(GStrv) near = mls_suggest_nearest (key, (const char * const *) keys, 1);

    if (failed != NULL)
      fail_at (data->file, MLS_REGISTRY_ERROR_REFERENCE, line, column,
               _("%s entry “%s”: %s refers to %s entry “%s”, which did not load because %s "
                 "has an error"), mls_entry_get_category (entry), mls_entry_get_key (entry),
               path, spec->unit, key, failed);
    else if (near[0] != NULL)
      fail_at (data->file, MLS_REGISTRY_ERROR_REFERENCE, line, column,
               _("%s entry “%s”: %s refers to “%s”, which is not a %s entry; did you mean "
                 "“%s”?"), mls_entry_get_category (entry), mls_entry_get_key (entry), path,
               key, spec->unit, near[0]);
    else
      fail_at (data->file, MLS_REGISTRY_ERROR_REFERENCE, line, column,
               _("%s entry “%s”: %s refers to “%s”, which is not a %s entry (mlsysim zoo "
                 "lists them)"), mls_entry_get_category (entry), mls_entry_get_key (entry),
               path, key, spec->unit);
  }
}

static gboolean
link_file (Batch    *batch,
           FileLoad *f)
{
  LinkData data = { batch, f, TRUE };

  /* a record of sources.yaml this file uses must come from a file that loads */
  for (guint i = 0; i < f->source_uses->len; i++)
    {
      SourceUse *use = g_ptr_array_index (f->source_uses, i);
      FileLoad *def = use->file;

      if (def->error != NULL)
        return fail_at (f, MLS_REGISTRY_ERROR_PROVENANCE, use->line, use->column,
                        _("“@prov:%s” is defined in %s, which did not load because it has an "
                          "error"), use->key, def->origin);
    }
  for (guint i = 0; i < f->entries->len && data.ok; i++)
    mls_entry_foreach_field (g_ptr_array_index (f->entries, i), link_field, &data);
  return data.ok;
}

static gboolean
finish_file_entries (Batch    *batch,
                     int       ci,
                     FileLoad *f)
{
  for (guint i = 0; i < f->entries->len; i++)
    {
      MlsEntry *entry = g_ptr_array_index (f->entries, i);
      g_autoptr(GError) error = NULL;
      guint line, column;

      if (g_array_index (f->entry_ci, int, i) != ci)
        continue;
      if (!mls_entry_finish (entry, &error))
        {
          mls_entry_get_position (entry, &line, &column);
          return fail_at (f, error_code_for (error), line, column, "%s", error->message);
        }
    }
  return TRUE;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const char *ka = mls_entry_get_key ((MlsEntry *) a);
  const char *kb = mls_entry_get_key ((MlsEntry *) b);
  int c = g_ascii_strcasecmp (ka, kb);

  return c ? c : strcmp (ka, kb);
}

static int
compare_entries_ptr (gconstpointer a,
                     gconstpointer b)
{
  return compare_entries (*(MlsEntry **) a, *(MlsEntry **) b, NULL);
}

static void
rebuild_stores (MlsRegistry *self)
{
  for (guint ci = 0; ci < N_CATEGORIES; ci++)
    {
      Category *cat = &self->categories[ci];
      g_autoptr(GPtrArray) items = NULL;
      GHashTableIter iter;
      gpointer value;

      if (!cat->dirty)
        continue;
      items = g_ptr_array_new ();
      g_hash_table_iter_init (&iter, cat->by_key);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (items, value);
      g_ptr_array_sort (items, compare_entries_ptr);
      g_list_store_splice (cat->store, 0, g_list_model_get_n_items (G_LIST_MODEL (cat->store)),
                           items->pdata, items->len);
      cat->dirty = FALSE;
    }
}

static gboolean
commit_file (MlsRegistry *self,
             FileLoad    *f)
{
  gboolean overrides = FALSE;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, f->sources);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SourceRecord *r = value, *old = g_hash_table_lookup (self->sources, key);

      if (old != NULL)
        add_notice (self, g_strdup_printf (old->builtin
                                             ? _("%s:%u:%u: source %s overrides the built-in "
                                                 "record (%s:%u:%u)")
                                             : _("%s:%u:%u: source %s overrides the record "
                                                 "from %s:%u:%u"),
                                           r->origin, r->line, r->column, (char *) key,
                                           old->origin, old->line, old->column));
      r->file = NULL;
      g_hash_table_iter_steal (&iter);
      g_hash_table_replace (self->sources, key, r);
    }

  for (guint i = 0; i < f->entries->len; i++)
    {
      MlsEntry *entry = g_ptr_array_index (f->entries, i);
      int ci = g_array_index (f->entry_ci, int, i);
      Category *cat = &self->categories[ci];
      g_autofree char *folded = fold_key (mls_entry_get_key (entry));
      MlsEntry *old = g_hash_table_lookup (cat->by_key, folded);
      guint line, column, old_line, old_column;

      if (old != NULL)
        {
          mls_entry_get_position (entry, &line, &column);
          mls_entry_get_position (old, &old_line, &old_column);
          if (mls_entry_is_builtin (old))
            add_notice (self, g_strdup_printf (_("%s:%u:%u: %s overrides the built-in entry "
                                                 "(%s, %s:%u:%u)"),
                                               f->origin, line, column,
                                               mls_entry_get_key (entry),
                                               mls_entry_get_category (entry),
                                               mls_entry_get_origin (old), old_line,
                                               old_column));
          else
            add_notice (self, g_strdup_printf (_("%s:%u:%u: %s overrides the %s entry from "
                                                 "%s:%u:%u"),
                                               f->origin, line, column,
                                               mls_entry_get_key (entry),
                                               mls_entry_get_category (entry),
                                               mls_entry_get_origin (old), old_line,
                                               old_column));
          overrides = TRUE;
        }
      g_hash_table_replace (cat->by_key, g_steal_pointer (&folded), g_object_ref (entry));
      cat->dirty = TRUE;
    }
  return overrides;
}

static void
combine_errors (GError  **error,
                GPtrArray *files)
{
  GString *message = NULL;
  int code = 0;

  for (guint i = 0; i < files->len; i++)
    {
      FileLoad *f = g_ptr_array_index (files, i);

      if (f->error == NULL)
        continue;
      if (message == NULL)
        {
          message = g_string_new (f->error->message);
          code = f->error->code;
        }
      else
        g_string_append_printf (message, "\n%s", f->error->message);
    }
  if (message != NULL)
    {
      g_set_error_literal (error, MLS_REGISTRY_ERROR, code, message->str);
      g_string_free (message, TRUE);
    }
}

typedef struct
{
  GPtrArray *files;
  gint       next;
} ParseQueue;

static gpointer
parse_worker (gpointer data)
{
  ParseQueue *queue = data;
  gint i;

  while ((i = g_atomic_int_add (&queue->next, 1)) < (gint) queue->files->len)
    {
      FileLoad *f = g_ptr_array_index (queue->files, i);

      if (parse_file (f))
        check_root (f);
    }
  return NULL;
}

/* libyaml's scanner is most of the cost of loading the catalog, and files parse
 * independently, so spread them over the processors (at most four threads). */
static void
parse_files (GPtrArray *files)
{
  ParseQueue queue = { files, 0 };
  guint n_threads = MIN (MIN ((guint) g_get_num_processors (), 4), files->len / 2);
  GThread *threads[4] = { NULL };

  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_try_new ("mls-registry-parse", parse_worker, &queue, NULL);
  parse_worker (&queue);
  for (guint t = 1; t < n_threads; t++)
    if (threads[t] != NULL)
      g_thread_join (threads[t]);
}

static gpointer
free_documents (gpointer data)
{
  GPtrArray *files = data;

  for (guint i = 0; i < files->len; i++)
    {
      FileLoad *f = g_ptr_array_index (files, i);

      if (f->have_doc)
        {
          yaml_document_delete (&f->doc);
          f->have_doc = FALSE;
        }
    }
  return NULL;
}

/* Loads a batch of files (takes ownership of @files). Every file either loads entirely or
 * adds nothing; returns FALSE with every file's error if any failed. */
static gboolean
load_batch (MlsRegistry *self,
            GPtrArray   *files,
            GError     **error)
{
  Batch batch = { self, files, { NULL }, { NULL }, NULL, NULL };
  gboolean changed, overrides = FALSE, ok;
  GThread *freer;

  for (guint ci = 0; ci < N_CATEGORIES; ci++)
    {
      batch.index[ci] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      batch.failed[ci] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  batch.sources = g_hash_table_new (g_str_hash, g_str_equal);
  batch.entry_file = g_hash_table_new (NULL, NULL);

  /* 1. YAML, and the shape of the top level */
  parse_files (files);

  /* 2. shared provenance records first: any file of the batch may use them */
  for (guint i = 0; i < files->len; i++)
    {
      FileLoad *f = g_ptr_array_index (files, i);
      GHashTableIter iter;
      gpointer key, value;

      if (f->error != NULL || !stage_sources (&batch, f))
        continue;
      g_hash_table_iter_init (&iter, f->sources);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (batch.sources, key, value);
    }

  /* 3. entries, each checked field by field */
  for (guint i = 0; i < files->len; i++)
    {
      FileLoad *f = g_ptr_array_index (files, i);

      if (f->error == NULL && !stage_entries (&batch, f))
        drop_file (&batch, f);
    }

  /* the YAML is no longer needed: free it on another thread while linking */
  freer = files->len > 1 ? g_thread_try_new ("mls-registry-free", free_documents, files, NULL)
                         : NULL;

  /* 4. references and cross-field rules; a failure can strand other files, so repeat */
  do
    {
      changed = FALSE;
      for (guint i = 0; i < files->len; i++)
        {
          FileLoad *f = g_ptr_array_index (files, i);

          if (f->error == NULL && !link_file (&batch, f))
            {
              drop_file (&batch, f);
              changed = TRUE;
            }
        }
      for (guint ci = 0; ci < N_CATEGORIES && !changed; ci++)
        for (guint i = 0; i < files->len && !changed; i++)
          {
            FileLoad *f = g_ptr_array_index (files, i);

            if (f->error == NULL && !finish_file_entries (&batch, ci, f))
              {
                drop_file (&batch, f);
                changed = TRUE;
              }
          }
    }
  while (changed);

  if (freer != NULL)
    g_thread_join (freer);

  /* 5. commit what passed */
  for (guint i = 0; i < files->len; i++)
    {
      FileLoad *f = g_ptr_array_index (files, i);

      if (f->error == NULL)
        overrides |= commit_file (self, f);
    }
  rebuild_stores (self);

  combine_errors (error, files);
  ok = TRUE;
  for (guint i = 0; i < files->len; i++)
    if (((FileLoad *) g_ptr_array_index (files, i))->error != NULL)
      ok = FALSE;

  for (guint ci = 0; ci < N_CATEGORIES; ci++)
    {
      g_hash_table_unref (batch.index[ci]);
      g_hash_table_unref (batch.failed[ci]);
    }
  g_hash_table_unref (batch.sources);
  g_hash_table_unref (batch.entry_file);
  g_ptr_array_unref (files);

  /* Entries that referred to an overridden key now refer to the new entry. */
  if (overrides)
    {
      self->linked = FALSE;
      g_autoptr(GError) link_error = NULL;

      if (!mls_registry_link (self, &link_error))
        {
          if (ok)
            g_propagate_error (error, g_steal_pointer (&link_error));
          ok = FALSE;
        }
    }
  return ok;
}

/* ------------------------------------------------------------------------------------------
 * Sources of files
 * ------------------------------------------------------------------------------------------ */

static void
collect_resources (const char *path,
                   const char *relative,
                   GPtrArray  *names)
{
  g_auto(GStrv) children = g_resources_enumerate_children (path, 0, NULL);

  if (children == NULL)
    return;
  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);
      g_autofree char *rel = g_strconcat (relative, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        collect_resources (child, rel, names);
      else if (g_str_has_suffix (children[i], ".yaml") || g_str_has_suffix (children[i], ".yml"))
        g_ptr_array_add (names, g_steal_pointer (&rel));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/**
 * mls_registry_load_builtin:
 * @self: a #MlsRegistry
 * @error: return location for a #GError
 *
 * Loads the catalog compiled into the library (the `registry/` folder of the source tree).
 *
 * Returns: %TRUE on success; %FALSE with the first error of each bad file otherwise
 */
gboolean
mls_registry_load_builtin (MlsRegistry *self,
                           GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *files = g_ptr_array_new_with_free_func (file_load_free);

  g_return_val_if_fail (MLS_IS_REGISTRY (self), FALSE);

  collect_resources (RESOURCE_ROOT, "", names);
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      const char *rel = g_ptr_array_index (names, i);
      g_autofree char *path = g_strconcat (RESOURCE_ROOT, rel, NULL);
      g_autofree char *origin = g_strconcat ("registry/", rel, NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

      if (bytes != NULL)
        g_ptr_array_add (files, file_load_new (origin, bytes, TRUE));
    }
  return load_batch (self, files, error);
}

static gboolean
collect_directory (const char *root,
                   const char *relative,
                   GPtrArray  *names,
                   GError    **error)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, error);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *rel = *relative ? g_build_filename (relative, name, NULL)
                                       : g_strdup (name);
      g_autofree char *full = g_build_filename (root, rel, NULL);

      if (name[0] == '.')
        continue;
      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        {
          if (!collect_directory (root, rel, names, error))
            return FALSE;
        }
      else if (g_str_has_suffix (name, ".yaml") || g_str_has_suffix (name, ".yml"))
        g_ptr_array_add (names, g_steal_pointer (&rel));
    }
  return TRUE;
}

static gboolean
load_directory_full (MlsRegistry *self,
                     const char  *path,
                     gboolean     skip_builtin_copies,
                     GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *files;
  g_autoptr(GError) local = NULL;

  if (!collect_directory (path, "", names, &local))
    {
      g_set_error (error, MLS_REGISTRY_ERROR, MLS_REGISTRY_ERROR_IO,
                   _("Cannot read the registry directory %s: %s"), path, local->message);
      return FALSE;
    }
  g_ptr_array_sort (names, compare_strings);

  files = g_ptr_array_new_with_free_func (file_load_free);
  for (guint i = 0; i < names->len; i++)
    {
      const char *rel = g_ptr_array_index (names, i);
      g_autofree char *full = g_build_filename (path, rel, NULL);
      char *contents = NULL;
      gsize length = 0;
      g_autoptr(GBytes) bytes = NULL;

      if (!g_file_get_contents (full, &contents, &length, &local))
        {
          g_ptr_array_unref (files);
          g_set_error (error, MLS_REGISTRY_ERROR, MLS_REGISTRY_ERROR_IO, "%s", local->message);
          return FALSE;
        }
      bytes = g_bytes_new_take (contents, length);
      if (skip_builtin_copies)
        {
          g_autofree char *resource = g_strconcat (RESOURCE_ROOT, rel, NULL);
          g_autoptr(GBytes) builtin = g_resources_lookup_data (resource, 0, NULL);

          /* an installed copy of a built-in file is not an override */
          if (builtin != NULL && g_bytes_equal (builtin, bytes))
            continue;
        }
      g_ptr_array_add (files, file_load_new (full, bytes, FALSE));
    }
  return load_batch (self, files, error);
}

/**
 * mls_registry_load_directory:
 * @self: a #MlsRegistry
 * @path: a directory of `.yaml` files (searched recursively, hidden files skipped)
 * @error: return location for a #GError
 *
 * Loads every registry file under @path as one source: keys are unique across its files, a
 * file may use `'@prov:KEY'` records and entries of any other, and an entry already in the
 * registry is overridden (with a notice). A file with an error adds nothing; the others load.
 *
 * Returns: %TRUE on success; %FALSE with every bad file's first error otherwise
 */
gboolean
mls_registry_load_directory (MlsRegistry *self,
                             const char  *path,
                             GError     **error)
{
  g_return_val_if_fail (MLS_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return load_directory_full (self, path, FALSE, error);
}

/**
 * mls_registry_load_file:
 * @self: a #MlsRegistry
 * @path: a registry `.yaml` file
 * @error: return location for a #GError
 *
 * Loads one file, which adds or overrides entries; on error it adds nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
mls_registry_load_file (MlsRegistry *self,
                        const char  *path,
                        GError     **error)
{
  char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *files;

  g_return_val_if_fail (MLS_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, MLS_REGISTRY_ERROR, MLS_REGISTRY_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  bytes = g_bytes_new_take (contents, length);
  files = g_ptr_array_new_with_free_func (file_load_free);
  g_ptr_array_add (files, file_load_new (path, bytes, FALSE));
  return load_batch (self, files, error);
}

/**
 * mls_registry_load_data:
 * @self: a #MlsRegistry
 * @data: registry YAML
 * @length: the length of @data, or -1 if it is nul-terminated
 * @origin: the name to use in messages, such as a file name
 * @error: return location for a #GError
 *
 * Loads registry YAML from memory, like mls_registry_load_file().
 *
 * Returns: %TRUE on success
 */
gboolean
mls_registry_load_data (MlsRegistry *self,
                        const char  *data,
                        gssize       length,
                        const char  *origin,
                        GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *files;

  g_return_val_if_fail (MLS_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (origin != NULL, FALSE);

  bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);
  files = g_ptr_array_new_with_free_func (file_load_free);
  g_ptr_array_add (files, file_load_new (origin, bytes, FALSE));
  return load_batch (self, files, error);
}

typedef struct
{
  MlsRegistry *registry;
  GError     **error;
  gboolean     ok;
} RelinkData;

static void
relink_field (MlsEntry           *entry,
              const char         *path,
              const MlsFieldSpec *spec,
              gpointer            user_data)
{
  RelinkData *data = user_data;
  MlsEntry *target;
  int ci;

  if (!data->ok || spec->type != MLS_FIELD_REFERENCE)
    return;
  ci = category_index (spec->unit);
  target = lookup_committed (data->registry, ci, mls_entry_get_reference_key (entry, path));
  if (target == NULL)
    {
      guint line = 0, column = 0;

      mls_entry_get_field_position (entry, path, &line, &column);
      g_set_error (data->error, MLS_REGISTRY_ERROR, MLS_REGISTRY_ERROR_REFERENCE,
                   _("%s:%u:%u: %s entry “%s”: %s refers to “%s”, which is not a %s entry"),
                   mls_entry_get_origin (entry), line, column, mls_entry_get_category (entry),
                   mls_entry_get_key (entry), path, mls_entry_get_reference_key (entry, path),
                   spec->unit);
      data->ok = FALSE;
      return;
    }
  mls_entry_set_reference (entry, path, target);
}

/**
 * mls_registry_link:
 * @self: a #MlsRegistry
 * @error: return location for a #GError
 *
 * Points every reference at the entry now registered under its key and finishes each entry
 * again, so that entries of earlier sources see the overrides of later ones (a built-in node
 * whose accelerator a user directory redefines). The load functions call it when they
 * override an entry; mls_registry_get_default() calls it at the end.
 *
 * Returns: %TRUE if every reference resolves and every entry passes its checks
 */
gboolean
mls_registry_link (MlsRegistry *self,
                   GError     **error)
{
  RelinkData data = { self, error, TRUE };

  g_return_val_if_fail (MLS_IS_REGISTRY (self), FALSE);

  /* loads link what they add, and relink after an override: usually nothing to do */
  if (self->linked)
    return TRUE;

  for (guint ci = 0; ci < N_CATEGORIES && data.ok; ci++)
    {
      GListModel *model = G_LIST_MODEL (self->categories[ci].store);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n && data.ok; i++)
        {
          g_autoptr(MlsEntry) entry = g_list_model_get_item (model, i);
          g_autoptr(GError) local = NULL;

          mls_entry_foreach_field (entry, relink_field, &data);
          if (data.ok && !mls_entry_finish (entry, &local))
            {
              guint line, column;

              mls_entry_get_position (entry, &line, &column);
              g_set_error (error, MLS_REGISTRY_ERROR, error_code_for (local), "%s:%u:%u: %s",
                           mls_entry_get_origin (entry), line, column, local->message);
              data.ok = FALSE;
            }
        }
    }
  self->linked = data.ok;
  return data.ok;
}

static gboolean
env_is_set (const char *name)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' && strcmp (value, "0") != 0;
}

static gboolean
load_default_sources (MlsRegistry *self,
                      GError     **error)
{
  const char *env_path = g_getenv ("MLSYSIM_REGISTRY_PATH");
  gboolean user_dirs = !env_is_set ("MLSYSIM_NO_USER_DIRS");

  if (!mls_registry_load_builtin (self, error))
    return FALSE;

  if (user_dirs && g_file_test (MLS_REGISTRY_DIR, G_FILE_TEST_IS_DIR) &&
      !load_directory_full (self, MLS_REGISTRY_DIR, TRUE, error))
    return FALSE;

  if (user_dirs)
    {
      g_autofree char *user = g_build_filename (g_get_user_data_dir (), "mlsysim", "registry",
                                                NULL);

      if (g_file_test (user, G_FILE_TEST_IS_DIR) &&
          !load_directory_full (self, user, FALSE, error))
        return FALSE;
    }

  if (env_path != NULL)
    {
      g_auto(GStrv) dirs = g_strsplit (env_path, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i] != NULL; i++)
        {
          if (*dirs[i] == '\0')
            continue;
          if (!g_file_test (dirs[i], G_FILE_TEST_IS_DIR))
            {
              add_notice (self, g_strdup_printf (_("%s (from MLSYSIM_REGISTRY_PATH) is not a "
                                                   "directory; skipped"), dirs[i]));
              continue;
            }
          if (!load_directory_full (self, dirs[i], FALSE, error))
            return FALSE;
        }
    }
  /* each load relinked after overriding, so every reference is current */
  return TRUE;
}

/**
 * mls_registry_get_default:
 * @error: return location for a #GError
 *
 * The process-wide registry the command line, the app and the solvers use: the built-in
 * catalog, then the installed directory, `~/.local/share/mlsysim/registry` and
 * `$MLSYSIM_REGISTRY_PATH`. It is loaded once, on first use, from any thread.
 *
 * Returns: (transfer none) (nullable): the registry, or %NULL if a source has an error (the
 *   same error on every call)
 */
MlsRegistry *
mls_registry_get_default (GError **error)
{
  static gsize initialized;
  static MlsRegistry *registry;
  static GError *load_error;

  if (g_once_init_enter (&initialized))
    {
      MlsRegistry *r = mls_registry_new ();

      if (!load_default_sources (r, &load_error))
        g_clear_object (&r);
      registry = r;
      g_once_init_leave (&initialized, 1);
    }
  if (registry == NULL)
    {
      if (error != NULL)
        *error = g_error_copy (load_error);
      return NULL;
    }
  return registry;
}

/* ------------------------------------------------------------------------------------------
 * Reading
 * ------------------------------------------------------------------------------------------ */

/**
 * mls_registry_get_categories:
 * @self: a #MlsRegistry
 *
 * Returns: (transfer none) (array zero-terminated=1): the entry categories: hardware, tech,
 *   models, grids, cooling, constants, walls, personas, datacenters, nodes, fabrics,
 *   clusters, scenarios
 */
const char * const *
mls_registry_get_categories (MlsRegistry *self)
{
  g_return_val_if_fail (MLS_IS_REGISTRY (self), NULL);
  return category_names;
}

/**
 * mls_registry_get_category:
 * @self: a #MlsRegistry
 * @category: a category name, such as "hardware"
 *
 * Returns: (transfer none) (nullable): the entries of @category (#MlsEntry items sorted by
 *   key, ignoring case), or %NULL if there is no such category
 */
GListModel *
mls_registry_get_category (MlsRegistry *self,
                           const char  *category)
{
  int ci;

  g_return_val_if_fail (MLS_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (category != NULL, NULL);

  ci = category_index (category);
  return ci < 0 ? NULL : G_LIST_MODEL (self->categories[ci].store);
}

/**
 * mls_registry_list_keys:
 * @self: a #MlsRegistry
 * @category: a category name
 *
 * Returns: (transfer full) (array zero-terminated=1) (nullable): the keys of @category in
 *   order, or %NULL if there is no such category
 */
char **
mls_registry_list_keys (MlsRegistry *self,
                        const char  *category)
{
  GListModel *model;
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (MLS_IS_REGISTRY (self), NULL);
  model = mls_registry_get_category (self, category);
  if (model == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MlsEntry) entry = g_list_model_get_item (model, i);
      g_strv_builder_add (builder, mls_entry_get_key (entry));
    }
  return g_strv_builder_end (builder);
}

/**
 * mls_registry_lookup:
 * @self: a #MlsRegistry
 * @category: a category name, such as "hardware"
 * @key: the key of an entry; case does not matter ("h100" finds H100)
 * @error: return location for a #GError
 *
 * Returns: (transfer none) (nullable): the entry, or %NULL with %MLS_REGISTRY_ERROR_NOT_FOUND
 *   whose message suggests the nearest keys
 */
MlsEntry *
mls_registry_lookup (MlsRegistry *self,
                     const char  *category,
                     const char  *key,
                     GError     **error)
{
  int ci;
  MlsEntry *entry;

  g_return_val_if_fail (MLS_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (category != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  ci = category_index (category);
  if (ci < 0)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) category_names);
      g_set_error (error, MLS_REGISTRY_ERROR, MLS_REGISTRY_ERROR_NOT_FOUND,
                   _("Unknown registry category “%s”; categories: %s"), category, list);
      return NULL;
    }
  entry = lookup_committed (self, ci, key);
  if (entry != NULL)
    return entry;

  if (error != NULL)
    {
      g_auto(GStrv) keys = category_keys (self, NULL, ci);
      g_auto(GStrv) near = mls_suggest_nearest (key, (const char * const *) keys, 3);

      if (near[0] != NULL)
        {
          g_autofree char *list = g_strjoinv ("”, “", near);
          g_set_error (error, MLS_REGISTRY_ERROR, MLS_REGISTRY_ERROR_NOT_FOUND,
                       _("No %s entry “%s”; did you mean “%s”?"), category, key, list);
        }
      else
        g_set_error (error, MLS_REGISTRY_ERROR, MLS_REGISTRY_ERROR_NOT_FOUND,
                     _("No %s entry “%s”; “mlsysim zoo %s” lists them"), category, key,
                     category);
    }
  return NULL;
}

/**
 * mls_registry_get_constant:
 * @self: a #MlsRegistry
 * @key: the key of a constant, such as "layer_tax"
 * @out: (out caller-allocates): the value; plain numbers are dimensionless
 * @error: return location for a #GError
 *
 * Reads a sourced constant. Solvers look their heuristics up here rather than holding
 * literals.
 *
 * Returns: %TRUE on success; %FALSE if there is no such constant or its value is text
 */
gboolean
mls_registry_get_constant (MlsRegistry *self,
                           const char  *key,
                           MlsQuantity *out,
                           GError     **error)
{
  MlsEntry *entry;

  g_return_val_if_fail (MLS_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  entry = mls_registry_lookup (self, "constants", key, error);
  if (entry == NULL)
    return FALSE;
  if (!mls_entry_get_quantity (entry, "value", out, NULL))
    {
      g_set_error (error, MLS_REGISTRY_ERROR, MLS_REGISTRY_ERROR_SCHEMA,
                   _("Constant “%s” is text (“%s”), not a number"), key,
                   mls_entry_get_string (entry, "value"));
      return FALSE;
    }
  return TRUE;
}

/**
 * mls_registry_get_constant_string:
 * @self: a #MlsRegistry
 * @key: the key of a constant, such as "default_region"
 *
 * Returns: (transfer none) (nullable): the constant's value as written (text constants such
 *   as a default region key, or a quantity's text), or %NULL if there is no such constant
 */
const char *
mls_registry_get_constant_string (MlsRegistry *self,
                                  const char  *key)
{
  MlsEntry *entry;

  g_return_val_if_fail (MLS_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = mls_registry_lookup (self, "constants", key, NULL);
  return entry ? mls_entry_get_string (entry, "value") : NULL;
}

/**
 * mls_registry_get_notices:
 * @self: a #MlsRegistry
 *
 * What loading did that users should know about: each override of an entry by a later
 * source ("user.yaml:3:3: H100 overrides the built-in entry (hardware, …)"), and search-path
 * directories that do not exist.
 *
 * Returns: (transfer none) (array zero-terminated=1): the notices, oldest first
 */
const char * const *
mls_registry_get_notices (MlsRegistry *self)
{
  g_return_val_if_fail (MLS_IS_REGISTRY (self), NULL);
  return (const char * const *) self->notices->pdata;
}

/**
 * mls_registry_get_source:
 * @self: a #MlsRegistry
 * @key: the key of a shared provenance record (as in `'@prov:KEY'`)
 *
 * Returns: (transfer none) (nullable): the record, or %NULL
 */
MlsProvenance *
mls_registry_get_source (MlsRegistry *self,
                         const char  *key)
{
  SourceRecord *r;

  g_return_val_if_fail (MLS_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  r = g_hash_table_lookup (self->sources, key);
  return r ? r->provenance : NULL;
}

/**
 * mls_registry_list_sources:
 * @self: a #MlsRegistry
 *
 * Returns: (transfer full) (array zero-terminated=1): the keys of the shared provenance
 *   records, sorted
 */
char **
mls_registry_list_sources (MlsRegistry *self)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (MLS_IS_REGISTRY (self), NULL);

  keys = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->sources);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < keys->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (keys, i));
  return g_strv_builder_end (builder);
}
