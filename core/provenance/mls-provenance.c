/* mls-provenance.c — where a number comes from
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mlsysim.h"

struct _MlsProvenance
{
  GObject           parent_instance;
  MlsProvenanceKind kind;
  char             *reference;
  char             *url;
  char             *verified;
  char             *notes;
};

enum
{
  PROP_0,
  PROP_KIND,
  PROP_REFERENCE,
  PROP_URL,
  PROP_VERIFIED,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (MlsProvenance, mls_provenance, G_TYPE_OBJECT)
G_DEFINE_QUARK (mls-provenance-error-quark, mls_provenance_error)

static const char *kind_names[] = {
  "datasheet", "literature", "industry_report", "convention",
  "estimate", "derived", "illustrative", "heuristic",
};

static void
mls_provenance_finalize (GObject *object)
{
  MlsProvenance *self = MLS_PROVENANCE (object);

  g_free (self->reference);
  g_free (self->url);
  g_free (self->verified);
  g_free (self->notes);
  G_OBJECT_CLASS (mls_provenance_parent_class)->finalize (object);
}

static void
mls_provenance_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MlsProvenance *self = MLS_PROVENANCE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_VERIFIED:
      g_value_set_string (value, self->verified);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mls_provenance_class_init (MlsProvenanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mls_provenance_finalize;
  object_class->get_property = mls_provenance_get_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, MLS_TYPE_PROVENANCE_KIND,
                                             MLS_PROVENANCE_CONVENTION,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERIFIED] = g_param_spec_string ("verified", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mls_provenance_init (MlsProvenance *self)
{
}

/* A calendar date written YYYY-MM-DD, as ISO 8601 and the reference require. */
static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  guint y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  /* digits only, so that "2026-+1-01" or "2026- 1-01" are refused */
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/**
 * mls_provenance_kind_from_string:
 * @text: "datasheet", "literature", …
 * @out_kind: (out): the kind
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @text names a kind
 */
gboolean
mls_provenance_kind_from_string (const char        *text,
                                 MlsProvenanceKind *out_kind,
                                 GError           **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *out_kind = (MlsProvenanceKind) i;
        return TRUE;
      }
  g_set_error (error, MLS_PROVENANCE_ERROR, MLS_PROVENANCE_ERROR_KIND,
               _("Unknown provenance kind “%s”; expected one of datasheet, literature, "
                 "industry_report, convention, estimate, derived, illustrative, heuristic"),
               text ? text : "");
  return FALSE;
}

/**
 * mls_provenance_kind_to_string:
 * @kind: a #MlsProvenanceKind
 *
 * Returns: the kind's name as written in the registry
 */
const char *
mls_provenance_kind_to_string (MlsProvenanceKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), "convention");
  return kind_names[kind];
}

/**
 * mls_provenance_new:
 * @kind: the kind of source
 * @reference: who or what says so (a datasheet title, a paper)
 * @url: (nullable): where to read it; required for datasheets, literature and reports
 * @verified: the date the value was last checked, YYYY-MM-DD
 * @notes: (nullable): how the value was obtained; required for estimates and derived values
 * @error: return location for a #GError
 *
 * Creates a validated provenance record, following the reference's rules.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with an error saying which rule
 *   failed
 */
MlsProvenance *
mls_provenance_new (MlsProvenanceKind kind,
                    const char       *reference,
                    const char       *url,
                    const char       *verified,
                    const char       *notes,
                    GError          **error)
{
  MlsProvenance *self;
  GDate date;

  if ((guint) kind >= G_N_ELEMENTS (kind_names))
    {
      g_set_error (error, MLS_PROVENANCE_ERROR, MLS_PROVENANCE_ERROR_KIND,
                   _("Unknown provenance kind %d"), kind);
      return NULL;
    }
  if (is_blank (reference))
    {
      g_set_error (error, MLS_PROVENANCE_ERROR, MLS_PROVENANCE_ERROR_MISSING_REFERENCE,
                   _("Provenance needs a non-empty “ref” naming the source"));
      return NULL;
    }
  if ((kind == MLS_PROVENANCE_DATASHEET || kind == MLS_PROVENANCE_LITERATURE ||
       kind == MLS_PROVENANCE_INDUSTRY_REPORT) && is_blank (url))
    {
      g_set_error (error, MLS_PROVENANCE_ERROR, MLS_PROVENANCE_ERROR_MISSING_URL,
                   _("Provenance of kind “%s” needs a “url” where the source can be read"),
                   kind_names[kind]);
      return NULL;
    }
  if (!is_blank (url) && !g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
    {
      g_set_error (error, MLS_PROVENANCE_ERROR, MLS_PROVENANCE_ERROR_BAD_URL,
                   _("Provenance url “%s” must start with https:// or http://"), url);
      return NULL;
    }
  if ((kind == MLS_PROVENANCE_ESTIMATE || kind == MLS_PROVENANCE_DERIVED) && is_blank (notes))
    {
      g_set_error (error, MLS_PROVENANCE_ERROR, MLS_PROVENANCE_ERROR_MISSING_NOTES,
                   _("Provenance of kind “%s” needs “notes” saying how the value was obtained"),
                   kind_names[kind]);
      return NULL;
    }
  if (!parse_iso_date (verified, &date))
    {
      g_set_error (error, MLS_PROVENANCE_ERROR, MLS_PROVENANCE_ERROR_BAD_DATE,
                   _("Provenance needs “verified” as an ISO date such as 2026-06-10; got “%s”"),
                   verified ? verified : "");
      return NULL;
    }

  self = g_object_new (MLS_TYPE_PROVENANCE, NULL);
  self->kind = kind;
  self->reference = g_strstrip (g_strdup (reference));
  self->url = is_blank (url) ? NULL : g_strdup (url);
  self->verified = g_strdup (verified);
  self->notes = is_blank (notes) ? NULL : g_strdup (notes);
  return self;
}

/**
 * mls_provenance_get_kind:
 * @self: a #MlsProvenance
 *
 * Returns: the kind of source
 */
MlsProvenanceKind
mls_provenance_get_kind (MlsProvenance *self)
{
  g_return_val_if_fail (MLS_IS_PROVENANCE (self), MLS_PROVENANCE_CONVENTION);
  return self->kind;
}

/**
 * mls_provenance_get_reference:
 * @self: a #MlsProvenance
 *
 * Returns: the source's name
 */
const char *
mls_provenance_get_reference (MlsProvenance *self)
{
  g_return_val_if_fail (MLS_IS_PROVENANCE (self), NULL);
  return self->reference;
}

/**
 * mls_provenance_get_url:
 * @self: a #MlsProvenance
 *
 * Returns: (nullable): the source's url
 */
const char *
mls_provenance_get_url (MlsProvenance *self)
{
  g_return_val_if_fail (MLS_IS_PROVENANCE (self), NULL);
  return self->url;
}

/**
 * mls_provenance_get_verified:
 * @self: a #MlsProvenance
 *
 * Returns: the date last verified, YYYY-MM-DD
 */
const char *
mls_provenance_get_verified (MlsProvenance *self)
{
  g_return_val_if_fail (MLS_IS_PROVENANCE (self), NULL);
  return self->verified;
}

/**
 * mls_provenance_get_notes:
 * @self: a #MlsProvenance
 *
 * Returns: (nullable): how the value was obtained
 */
const char *
mls_provenance_get_notes (MlsProvenance *self)
{
  g_return_val_if_fail (MLS_IS_PROVENANCE (self), NULL);
  return self->notes;
}

/**
 * mls_provenance_is_stale:
 * @self: a #MlsProvenance
 * @today: the date to measure from
 * @max_age_days: how old a verification may be
 *
 * Returns: whether the value was verified more than @max_age_days before @today
 */
gboolean
mls_provenance_is_stale (MlsProvenance *self,
                         GDate         *today,
                         guint          max_age_days)
{
  GDate date;

  g_return_val_if_fail (MLS_IS_PROVENANCE (self), TRUE);
  if (!parse_iso_date (self->verified, &date))
    return TRUE;
  return g_date_days_between (&date, today) > (int) max_age_days;
}

/**
 * mls_provenance_to_markdown:
 * @self: a #MlsProvenance
 *
 * Returns: (transfer full): the record as Markdown quote lines (kind, source, notes)
 */
char *
mls_provenance_to_markdown (MlsProvenance *self)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (MLS_IS_PROVENANCE (self), NULL);
  g_string_append_printf (s, "> **%s** %s\n", _("Kind:"), kind_names[self->kind]);
  if (self->url != NULL)
    g_string_append_printf (s, "> **%s** [%s](%s)\n", _("Source:"), self->reference, self->url);
  else
    g_string_append_printf (s, "> **%s** %s\n", _("Source:"), self->reference);
  g_string_append_printf (s, "> **%s** %s\n", _("Verified:"), self->verified);
  if (self->notes != NULL)
    g_string_append_printf (s, "> **%s** %s\n", _("Notes:"), self->notes);
  return g_string_free (s, FALSE);
}
