/* mls-audit-report.c — how well the registry's numbers are sourced
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "mlsysim.h"
#include "mls-entry-private.h"

/**
 * MlsAuditReport:
 *
 * A provenance audit of a registry: the share of entries that carry provenance (the
 * coverage), and findings for every entry or value whose source has no url or was last
 * verified longer ago than the audit allows.
 *
 * Values with their own record (under `sources:` in the YAML) are audited on their own; the
 * others are covered by their entry's record.
 */

typedef struct
{
  const char *category;
  guint       entries;
  guint       sourced;
  guint       missing_url;
  guint       stale;
} CategoryCounts;

typedef struct
{
  char          *category;
  char          *key;
  char          *field;
  MlsProvenance *provenance;
  MlsAuditIssue  issues;
} Finding;

struct _MlsAuditReport
{
  GObject  parent_instance;
  guint    max_age_days;
  guint    n_entries;
  guint    n_sourced;
  guint    n_values;
  guint    n_value_sources;
  guint    n_missing_url;
  guint    n_stale;
  GArray  *categories; /* CategoryCounts */
  GPtrArray *category_names;
  GArray  *findings;   /* Finding */
};

G_DEFINE_FINAL_TYPE (MlsAuditReport, mls_audit_report, G_TYPE_OBJECT)

static void
clear_finding (gpointer data)
{
  Finding *f = data;

  g_free (f->category);
  g_free (f->key);
  g_free (f->field);
  g_clear_object (&f->provenance);
}

static void
mls_audit_report_finalize (GObject *object)
{
  MlsAuditReport *self = MLS_AUDIT_REPORT (object);

  g_clear_pointer (&self->categories, g_array_unref);
  g_clear_pointer (&self->category_names, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_array_unref);
  G_OBJECT_CLASS (mls_audit_report_parent_class)->finalize (object);
}

static void
mls_audit_report_class_init (MlsAuditReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mls_audit_report_finalize;
}

static void
mls_audit_report_init (MlsAuditReport *self)
{
  self->categories = g_array_new (FALSE, TRUE, sizeof (CategoryCounts));
  self->category_names = g_ptr_array_new ();
  self->findings = g_array_new (FALSE, TRUE, sizeof (Finding));
  g_array_set_clear_func (self->findings, clear_finding);
}

static MlsAuditIssue
check (MlsProvenance *prov,
       GDate         *today,
       guint          max_age_days)
{
  MlsAuditIssue issues = MLS_AUDIT_ISSUE_NONE;

  if (prov == NULL)
    return MLS_AUDIT_ISSUE_UNSOURCED;
  if (mls_provenance_get_url (prov) == NULL)
    issues |= MLS_AUDIT_ISSUE_MISSING_URL;
  if (mls_provenance_is_stale (prov, today, max_age_days))
    issues |= MLS_AUDIT_ISSUE_STALE;
  return issues;
}

static void
add_finding (MlsAuditReport *self,
             CategoryCounts *counts,
             MlsEntry       *entry,
             const char     *field,
             MlsProvenance  *prov,
             MlsAuditIssue   issues)
{
  Finding f = { 0 };

  if (issues == MLS_AUDIT_ISSUE_NONE)
    return;
  f.category = g_strdup (mls_entry_get_category (entry));
  f.key = g_strdup (mls_entry_get_key (entry));
  f.field = g_strdup (field);
  f.provenance = prov ? g_object_ref (prov) : NULL;
  f.issues = issues;
  g_array_append_val (self->findings, f);
  if (issues & MLS_AUDIT_ISSUE_MISSING_URL)
    {
      counts->missing_url++;
      self->n_missing_url++;
    }
  if (issues & MLS_AUDIT_ISSUE_STALE)
    {
      counts->stale++;
      self->n_stale++;
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/**
 * mls_audit_report_new:
 * @registry: the registry to audit
 * @max_age_days: values verified longer ago than this are stale
 * @today: (nullable): the date to measure ages from, or %NULL for today
 *
 * Audits the provenance of every entry and value of @registry.
 *
 * Returns: (transfer full): the report
 */
MlsAuditReport *
mls_audit_report_new (MlsRegistry *registry,
                      guint        max_age_days,
                      GDate       *today)
{
  MlsAuditReport *self;
  const char * const *categories;
  GDate now;

  g_return_val_if_fail (MLS_IS_REGISTRY (registry), NULL);

  if (today == NULL)
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
      today = &now;
    }

  self = g_object_new (MLS_TYPE_AUDIT_REPORT, NULL);
  self->max_age_days = max_age_days;
  categories = mls_registry_get_categories (registry);
  for (guint c = 0; categories[c] != NULL; c++)
    {
      GListModel *model = mls_registry_get_category (registry, categories[c]);
      CategoryCounts counts = { categories[c], 0, 0, 0, 0 };

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(MlsEntry) entry = g_list_model_get_item (model, i);
          MlsProvenance *prov = mls_entry_get_provenance (entry);
          GHashTable *own = mls_entry_get_field_provenances (entry);
          g_auto(GStrv) fields = mls_entry_list_fields (entry);
          g_autoptr(GPtrArray) paths = g_ptr_array_new ();
          GHashTableIter iter;
          gpointer path;

          counts.entries++;
          if (prov != NULL)
            counts.sourced++;
          add_finding (self, &counts, entry, NULL, prov, check (prov, today, max_age_days));

          self->n_values += g_strv_length (fields);
          g_hash_table_iter_init (&iter, own);
          while (g_hash_table_iter_next (&iter, &path, NULL))
            g_ptr_array_add (paths, path);
          g_ptr_array_sort (paths, compare_paths);
          for (guint j = 0; j < paths->len; j++)
            {
              MlsProvenance *p = g_hash_table_lookup (own, g_ptr_array_index (paths, j));

              self->n_value_sources++;
              add_finding (self, &counts, entry, g_ptr_array_index (paths, j), p,
                           check (p, today, max_age_days));
            }
        }
      self->n_entries += counts.entries;
      self->n_sourced += counts.sourced;
      g_array_append_val (self->categories, counts);
      g_ptr_array_add (self->category_names, (gpointer) categories[c]);
    }
  g_ptr_array_add (self->category_names, NULL);
  return self;
}

/**
 * mls_audit_report_get_max_age_days:
 * @self: a #MlsAuditReport
 *
 * Returns: the age beyond which a verification date counts as stale
 */
guint
mls_audit_report_get_max_age_days (MlsAuditReport *self)
{
  g_return_val_if_fail (MLS_IS_AUDIT_REPORT (self), 0);
  return self->max_age_days;
}

/**
 * mls_audit_report_get_coverage:
 * @self: a #MlsAuditReport
 *
 * Returns: the percentage of entries that carry provenance (100 for an empty registry)
 */
double
mls_audit_report_get_coverage (MlsAuditReport *self)
{
  g_return_val_if_fail (MLS_IS_AUDIT_REPORT (self), 0);
  return self->n_entries ? 100.0 * self->n_sourced / self->n_entries : 100.0;
}

/**
 * mls_audit_report_get_n_entries:
 * @self: a #MlsAuditReport
 *
 * Returns: the entries audited
 */
guint
mls_audit_report_get_n_entries (MlsAuditReport *self)
{
  g_return_val_if_fail (MLS_IS_AUDIT_REPORT (self), 0);
  return self->n_entries;
}

/**
 * mls_audit_report_get_n_sourced:
 * @self: a #MlsAuditReport
 *
 * Returns: the entries that carry provenance
 */
guint
mls_audit_report_get_n_sourced (MlsAuditReport *self)
{
  g_return_val_if_fail (MLS_IS_AUDIT_REPORT (self), 0);
  return self->n_sourced;
}

/**
 * mls_audit_report_get_n_values:
 * @self: a #MlsAuditReport
 *
 * Returns: the field values of all entries
 */
guint
mls_audit_report_get_n_values (MlsAuditReport *self)
{
  g_return_val_if_fail (MLS_IS_AUDIT_REPORT (self), 0);
  return self->n_values;
}

/**
 * mls_audit_report_get_n_value_sources:
 * @self: a #MlsAuditReport
 *
 * Returns: the values that have a source of their own, different from their entry's
 */
guint
mls_audit_report_get_n_value_sources (MlsAuditReport *self)
{
  g_return_val_if_fail (MLS_IS_AUDIT_REPORT (self), 0);
  return self->n_value_sources;
}

/**
 * mls_audit_report_get_n_missing_url:
 * @self: a #MlsAuditReport
 *
 * Returns: the provenance records (of entries and of values) without a url
 */
guint
mls_audit_report_get_n_missing_url (MlsAuditReport *self)
{
  g_return_val_if_fail (MLS_IS_AUDIT_REPORT (self), 0);
  return self->n_missing_url;
}

/**
 * mls_audit_report_get_n_stale:
 * @self: a #MlsAuditReport
 *
 * Returns: the provenance records verified longer ago than the audit allows
 */
guint
mls_audit_report_get_n_stale (MlsAuditReport *self)
{
  g_return_val_if_fail (MLS_IS_AUDIT_REPORT (self), 0);
  return self->n_stale;
}

/**
 * mls_audit_report_get_categories:
 * @self: a #MlsAuditReport
 *
 * Returns: (transfer none) (array zero-terminated=1): the categories audited
 */
const char * const *
mls_audit_report_get_categories (MlsAuditReport *self)
{
  g_return_val_if_fail (MLS_IS_AUDIT_REPORT (self), NULL);
  return (const char * const *) self->category_names->pdata;
}

/**
 * mls_audit_report_get_category_counts:
 * @self: a #MlsAuditReport
 * @category: a category name
 * @entries: (out) (optional): its entries
 * @sourced: (out) (optional): its entries with provenance
 * @missing_url: (out) (optional): its provenance records without a url
 * @stale: (out) (optional): its stale provenance records
 *
 * Returns: %TRUE if @category was audited
 */
gboolean
mls_audit_report_get_category_counts (MlsAuditReport *self,
                                      const char     *category,
                                      guint          *entries,
                                      guint          *sourced,
                                      guint          *missing_url,
                                      guint          *stale)
{
  g_return_val_if_fail (MLS_IS_AUDIT_REPORT (self), FALSE);
  g_return_val_if_fail (category != NULL, FALSE);

  for (guint i = 0; i < self->categories->len; i++)
    {
      CategoryCounts *c = &g_array_index (self->categories, CategoryCounts, i);

      if (strcmp (c->category, category) != 0)
        continue;
      if (entries)
        *entries = c->entries;
      if (sourced)
        *sourced = c->sourced;
      if (missing_url)
        *missing_url = c->missing_url;
      if (stale)
        *stale = c->stale;
      return TRUE;
    }
  return FALSE;
}

/**
 * mls_audit_report_get_n_findings:
 * @self: a #MlsAuditReport
 *
 * Returns: the findings: entries and values whose provenance is missing, has no url, or is
 *   stale
 */
guint
mls_audit_report_get_n_findings (MlsAuditReport *self)
{
  g_return_val_if_fail (MLS_IS_AUDIT_REPORT (self), 0);
  return self->findings->len;
}

/**
 * mls_audit_report_get_finding:
 * @self: a #MlsAuditReport
 * @index: a finding, below mls_audit_report_get_n_findings()
 * @category: (out) (optional) (transfer none): the entry's category
 * @key: (out) (optional) (transfer none): the entry's key
 * @field: (out) (optional) (nullable) (transfer none): the field with its own source, or
 *   %NULL when the finding concerns the entry's provenance
 * @provenance: (out) (optional) (nullable) (transfer none): the provenance concerned
 *
 * Returns: what the finding is about
 */
MlsAuditIssue
mls_audit_report_get_finding (MlsAuditReport *self,
                              guint           index,
                              const char    **category,
                              const char    **key,
                              const char    **field,
                              MlsProvenance **provenance)
{
  Finding *f;

  g_return_val_if_fail (MLS_IS_AUDIT_REPORT (self), MLS_AUDIT_ISSUE_NONE);
  g_return_val_if_fail (index < self->findings->len, MLS_AUDIT_ISSUE_NONE);

  f = &g_array_index (self->findings, Finding, index);
  if (category)
    *category = f->category;
  if (key)
    *key = f->key;
  if (field)
    *field = f->field;
  if (provenance)
    *provenance = f->provenance;
  return f->issues;
}
