/* test-provenance.c — the rules a provenance record must follow
 *
 * The rules are the reference's (Provenance in core/provenance.py): kind is one of eight names;
 * ref is non-empty; verified is an ISO date; datasheet, literature and industry_report need a
 * url; estimate and derived need notes.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <mlsysim.h>

#define H100_REF "NVIDIA H100 Tensor Core GPU Datasheet"
#define H100_URL "https://www.nvidia.com/en-us/data-center/h100/"
#define DATE     "2026-06-10"

/* The names as the registry writes them, in the order of MlsProvenanceKind. */
static const struct
{
  const char       *name;
  MlsProvenanceKind kind;
} kinds[] = {
  { "datasheet", MLS_PROVENANCE_DATASHEET },
  { "literature", MLS_PROVENANCE_LITERATURE },
  { "industry_report", MLS_PROVENANCE_INDUSTRY_REPORT },
  { "convention", MLS_PROVENANCE_CONVENTION },
  { "estimate", MLS_PROVENANCE_ESTIMATE },
  { "derived", MLS_PROVENANCE_DERIVED },
  { "illustrative", MLS_PROVENANCE_ILLUSTRATIVE },
  { "heuristic", MLS_PROVENANCE_HEURISTIC },
};

static void
assert_new_fails (MlsProvenanceKind kind,
                  const char       *reference,
                  const char       *url,
                  const char       *verified,
                  const char       *notes,
                  int               code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsProvenance) p = mls_provenance_new (kind, reference, url, verified, notes, &error);

  g_assert_null (p);
  g_assert_error (error, MLS_PROVENANCE_ERROR, code);
  if (g_test_verbose ())
    g_test_message ("%s", error->message);
}

static MlsProvenance *
new_ok (MlsProvenanceKind kind,
        const char       *reference,
        const char       *url,
        const char       *verified,
        const char       *notes)
{
  g_autoptr (GError) error = NULL;
  MlsProvenance *p = mls_provenance_new (kind, reference, url, verified, notes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

/* ---------------------------------------------------------------------------------------- */
/* Kinds                                                                                    */

static void
test_kind_from_string (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr (GError) error = NULL;
  MlsProvenanceKind kind = MLS_PROVENANCE_CONVENTION;

  g_assert_true (mls_provenance_kind_from_string (kinds[i].name, &kind, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, kinds[i].kind);
  /* and back to the same name */
  g_assert_cmpstr (mls_provenance_kind_to_string (kind), ==, kinds[i].name);
}

static void
test_kind_enum_type (void)
{
  /* the kind is a registered enum with one value per name */
  g_autoptr (GEnumClass) klass = g_type_class_ref (MLS_TYPE_PROVENANCE_KIND);

  g_assert_true (G_TYPE_IS_ENUM (MLS_TYPE_PROVENANCE_KIND));
  g_assert_cmpuint (klass->n_values, ==, G_N_ELEMENTS (kinds));
}

static void
test_kind_unknown (void)
{
  g_autoptr (GError) error = NULL;
  MlsProvenanceKind kind;

  g_assert_false (mls_provenance_kind_from_string ("blog_post", &kind, &error));
  g_assert_error (error, MLS_PROVENANCE_ERROR, MLS_PROVENANCE_ERROR_KIND);
  /* the message names what was given and what would be right */
  g_assert_nonnull (strstr (error->message, "blog_post"));
  g_assert_nonnull (strstr (error->message, "datasheet"));
  g_clear_error (&error);

  /* names are exact: no other case, no blanks, no hyphen for the underscore */
  g_assert_false (mls_provenance_kind_from_string ("Datasheet", &kind, &error));
  g_assert_error (error, MLS_PROVENANCE_ERROR, MLS_PROVENANCE_ERROR_KIND);
  g_clear_error (&error);
  g_assert_false (mls_provenance_kind_from_string (" datasheet", &kind, &error));
  g_assert_error (error, MLS_PROVENANCE_ERROR, MLS_PROVENANCE_ERROR_KIND);
  g_clear_error (&error);
  g_assert_false (mls_provenance_kind_from_string ("industry-report", &kind, &error));
  g_assert_error (error, MLS_PROVENANCE_ERROR, MLS_PROVENANCE_ERROR_KIND);
  g_clear_error (&error);
  g_assert_false (mls_provenance_kind_from_string ("", &kind, &error));
  g_assert_error (error, MLS_PROVENANCE_ERROR, MLS_PROVENANCE_ERROR_KIND);
  g_clear_error (&error);
  g_assert_false (mls_provenance_kind_from_string (NULL, &kind, &error));
  g_assert_error (error, MLS_PROVENANCE_ERROR, MLS_PROVENANCE_ERROR_KIND);
}

static void
test_kind_out_of_range (void)
{
  /* a kind number that is not one of the eight */
  assert_new_fails ((MlsProvenanceKind) 99, H100_REF, H100_URL, DATE, "notes",
                    MLS_PROVENANCE_ERROR_KIND);
  assert_new_fails ((MlsProvenanceKind) -1, H100_REF, H100_URL, DATE, "notes",
                    MLS_PROVENANCE_ERROR_KIND);
}

/* ---------------------------------------------------------------------------------------- */
/* Reference                                                                                */

static void
test_reference_required (void)
{
  assert_new_fails (MLS_PROVENANCE_CONVENTION, NULL, NULL, DATE, NULL,
                    MLS_PROVENANCE_ERROR_MISSING_REFERENCE);
  assert_new_fails (MLS_PROVENANCE_CONVENTION, "", NULL, DATE, NULL,
                    MLS_PROVENANCE_ERROR_MISSING_REFERENCE);
  /* blank is as good as empty */
  assert_new_fails (MLS_PROVENANCE_CONVENTION, "   ", NULL, DATE, NULL,
                    MLS_PROVENANCE_ERROR_MISSING_REFERENCE);
  assert_new_fails (MLS_PROVENANCE_CONVENTION, "\t\n", NULL, DATE, NULL,
                    MLS_PROVENANCE_ERROR_MISSING_REFERENCE);
  /* also for kinds that need more */
  assert_new_fails (MLS_PROVENANCE_DATASHEET, "", H100_URL, DATE, NULL,
                    MLS_PROVENANCE_ERROR_MISSING_REFERENCE);
}

static void
test_reference_trimmed (void)
{
  g_autoptr (MlsProvenance) p = new_ok (MLS_PROVENANCE_CONVENTION, "  SI prefixes  ", NULL,
                                        DATE, NULL);

  g_assert_cmpstr (mls_provenance_get_reference (p), ==, "SI prefixes");
}

/* ---------------------------------------------------------------------------------------- */
/* Url                                                                                      */

static void
test_url_required (gconstpointer data)
{
  MlsProvenanceKind kind = GPOINTER_TO_INT (data);
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsProvenance) p = NULL;

  assert_new_fails (kind, H100_REF, NULL, DATE, NULL, MLS_PROVENANCE_ERROR_MISSING_URL);
  assert_new_fails (kind, H100_REF, "", DATE, NULL, MLS_PROVENANCE_ERROR_MISSING_URL);
  assert_new_fails (kind, H100_REF, "  ", DATE, NULL, MLS_PROVENANCE_ERROR_MISSING_URL);

  /* the message says which kind needs it */
  p = mls_provenance_new (kind, H100_REF, NULL, DATE, NULL, &error);
  g_assert_null (p);
  g_assert_nonnull (strstr (error->message, mls_provenance_kind_to_string (kind)));
  g_assert_nonnull (strstr (error->message, "url"));
  g_clear_error (&error);

  /* with a url it passes, and keeps every field */
  p = mls_provenance_new (kind, H100_REF, H100_URL, DATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_cmpint (mls_provenance_get_kind (p), ==, kind);
  g_assert_cmpstr (mls_provenance_get_reference (p), ==, H100_REF);
  g_assert_cmpstr (mls_provenance_get_url (p), ==, H100_URL);
  g_assert_cmpstr (mls_provenance_get_verified (p), ==, DATE);
  g_assert_null (mls_provenance_get_notes (p));
}

static void
test_url_optional (void)
{
  /* convention, estimate, derived, illustrative and heuristic need no url */
  const MlsProvenanceKind optional[] = {
    MLS_PROVENANCE_CONVENTION, MLS_PROVENANCE_ESTIMATE, MLS_PROVENANCE_DERIVED,
    MLS_PROVENANCE_ILLUSTRATIVE, MLS_PROVENANCE_HEURISTIC,
  };

  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    {
      g_autoptr (MlsProvenance) p = new_ok (optional[i], "Course notes", NULL, DATE,
                                            "Rounded from a worked example");
      g_assert_null (mls_provenance_get_url (p));
    }
}

static void
test_url_must_be_http (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsProvenance) p = NULL;
  g_autoptr (MlsProvenance) plain = NULL;
  const char *bad[] = {
    "ftp://ftp.example.org/spec.pdf", "www.nvidia.com/h100", "file:///etc/passwd",
    "javascript:alert(1)", "nvidia.com", "https:/one-slash.example",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_new_fails (MLS_PROVENANCE_DATASHEET, H100_REF, bad[i], DATE, NULL,
                      MLS_PROVENANCE_ERROR_BAD_URL);
  /* a bad url is refused even where a url is optional */
  assert_new_fails (MLS_PROVENANCE_CONVENTION, "SI", "ftp://example.org", DATE, NULL,
                    MLS_PROVENANCE_ERROR_BAD_URL);

  /* the message quotes the url */
  p = mls_provenance_new (MLS_PROVENANCE_DATASHEET, H100_REF, "ftp://x.org", DATE, NULL, &error);
  g_assert_null (p);
  g_assert_nonnull (strstr (error->message, "ftp://x.org"));

  /* plain http is allowed, as older sources have no https */
  plain = new_ok (MLS_PROVENANCE_LITERATURE, "Williams et al., Roofline (2009)",
                  "http://dl.acm.org/citation.cfm?id=1498785", DATE, NULL);
  g_assert_cmpstr (mls_provenance_get_url (plain), ==, "http://dl.acm.org/citation.cfm?id=1498785");
}

/* ---------------------------------------------------------------------------------------- */
/* Notes                                                                                    */

static void
test_notes_required (gconstpointer data)
{
  MlsProvenanceKind kind = GPOINTER_TO_INT (data);
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsProvenance) p = NULL;

  assert_new_fails (kind, "Back-of-envelope", NULL, DATE, NULL,
                    MLS_PROVENANCE_ERROR_MISSING_NOTES);
  assert_new_fails (kind, "Back-of-envelope", NULL, DATE, "", MLS_PROVENANCE_ERROR_MISSING_NOTES);
  assert_new_fails (kind, "Back-of-envelope", NULL, DATE, " \t ",
                    MLS_PROVENANCE_ERROR_MISSING_NOTES);
  /* a url does not replace the notes */
  assert_new_fails (kind, "Back-of-envelope", H100_URL, DATE, NULL,
                    MLS_PROVENANCE_ERROR_MISSING_NOTES);

  p = mls_provenance_new (kind, "Back-of-envelope", NULL, DATE, NULL, &error);
  g_assert_null (p);
  g_assert_nonnull (strstr (error->message, mls_provenance_kind_to_string (kind)));
  g_assert_nonnull (strstr (error->message, "notes"));
  g_clear_error (&error);

  p = mls_provenance_new (kind, "Back-of-envelope", NULL, DATE, "989 TFLOP/s / 3.35 TB/s",
                          &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mls_provenance_get_notes (p), ==, "989 TFLOP/s / 3.35 TB/s");
}

static void
test_notes_optional (void)
{
  /* a datasheet needs no notes; blank notes are dropped */
  g_autoptr (MlsProvenance) p = new_ok (MLS_PROVENANCE_DATASHEET, H100_REF, H100_URL, DATE,
                                        "   ");

  g_assert_null (mls_provenance_get_notes (p));
}

/* ---------------------------------------------------------------------------------------- */
/* Verified date                                                                            */

static void
test_verified_good (void)
{
  /* ordinary dates, and 29 February in leap years (2024: divisible by 4; 2000: by 400) */
  const char *good[] = { "2026-06-10", "2024-02-29", "2000-02-29", "1999-12-31", "2026-01-01" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (MlsProvenance) p = new_ok (MLS_PROVENANCE_CONVENTION, "SI", NULL, good[i], NULL);
      g_assert_cmpstr (mls_provenance_get_verified (p), ==, good[i]);
    }
}

static void
test_verified_bad (void)
{
  const char *bad[] = {
    "2026-13-01", /* no 13th month */
    "2026-02-30", /* February has at most 29 days */
    "2025-02-29", /* 2025 is not a leap year */
    "1900-02-29", /* 1900: divisible by 100, not by 400, so not leap */
    "2026-04-31", /* April has 30 days */
    "2026-00-10", /* no month 0 */
    "2026-01-00", /* no day 0 */
    "26-01-01",   /* two-digit year */
    "2026-1-1",   /* month and day need two digits */
    "2026/01/01", /* ISO uses hyphens */
    "01-06-2026", /* day first */
    "2026-01-01T00:00:00", /* a timestamp, not a date */
    "2026-01-01 ",
    " 2026-01-01",
    "",
    "   ",
    "yesterday",
    /* sscanf would read these as numbers, but they are not digits */
    "2026-+1-01",
    "2026- 1-01",
    "2026-01-+1",
    "+202-01-01",
    " 202-01-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (g_test_verbose ())
        g_test_message ("verified “%s”", bad[i]);
      assert_new_fails (MLS_PROVENANCE_CONVENTION, "SI", NULL, bad[i], NULL,
                        MLS_PROVENANCE_ERROR_BAD_DATE);
    }
}

static void
test_verified_null (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsProvenance) p = mls_provenance_new (MLS_PROVENANCE_CONVENTION, "SI", NULL, NULL,
                                                    NULL, &error);

  g_assert_null (p);
  g_assert_error (error, MLS_PROVENANCE_ERROR, MLS_PROVENANCE_ERROR_BAD_DATE);
  /* the message shows what a right value looks like */
  g_assert_nonnull (strstr (error->message, "ISO"));
}

static void
test_verified_message_quotes_value (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsProvenance) p = mls_provenance_new (MLS_PROVENANCE_CONVENTION, "SI", NULL,
                                                    "2026-02-30", NULL, &error);

  g_assert_null (p);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
}

/* ---------------------------------------------------------------------------------------- */
/* Staleness                                                                                */

static void
test_is_stale (void)
{
  g_autoptr (MlsProvenance) p = new_ok (MLS_PROVENANCE_CONVENTION, "SI", NULL, "2025-01-01",
                                        NULL);
  GDate today;

  /* 2025 is a common year: 2025-01-01 → 2026-01-01 is 365 days */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2026);
  g_assert_false (mls_provenance_is_stale (p, &today, 365));
  g_assert_true (mls_provenance_is_stale (p, &today, 364));
  /* the same day is never stale, even with a zero allowance */
  g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2025);
  g_assert_false (mls_provenance_is_stale (p, &today, 0));
  /* 2025-01-01 → 2025-01-02 is one day */
  g_date_set_dmy (&today, 2, G_DATE_JANUARY, 2025);
  g_assert_true (mls_provenance_is_stale (p, &today, 0));
  g_assert_false (mls_provenance_is_stale (p, &today, 1));
}

static void
test_is_stale_leap_year (void)
{
  g_autoptr (MlsProvenance) p = new_ok (MLS_PROVENANCE_CONVENTION, "SI", NULL, "2024-01-01",
                                        NULL);
  GDate today;

  /* 2024 is a leap year: 2024-01-01 → 2025-01-01 is 366 days */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2025);
  g_assert_true (mls_provenance_is_stale (p, &today, 365));
  g_assert_false (mls_provenance_is_stale (p, &today, 366));
}

static void
test_is_stale_future (void)
{
  /* a date after "today" (a clock set back) is not stale */
  g_autoptr (MlsProvenance) p = new_ok (MLS_PROVENANCE_CONVENTION, "SI", NULL, "2026-06-10",
                                        NULL);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2026);
  g_assert_false (mls_provenance_is_stale (p, &today, 0));
}

/* ---------------------------------------------------------------------------------------- */
/* Markdown and properties                                                                  */

static void
test_to_markdown (void)
{
  g_autoptr (MlsProvenance) p = new_ok (MLS_PROVENANCE_DATASHEET, H100_REF, H100_URL, DATE,
                                        "SXM5 board");
  g_autofree char *md = mls_provenance_to_markdown (p);

  /* the reference's render_markdown: "> **Kind:**", "> **Source:** [ref](url)", "> **Notes:**" */
  g_assert_nonnull (strstr (md, H100_URL));
  g_assert_nonnull (strstr (md, "[" H100_REF "](" H100_URL ")"));
  g_assert_nonnull (strstr (md, "> **Kind:** datasheet"));
  g_assert_nonnull (strstr (md, "> **Source:**"));
  g_assert_nonnull (strstr (md, "> **Notes:** SXM5 board"));
  g_assert_nonnull (strstr (md, DATE));
}

static void
test_to_markdown_without_url (void)
{
  g_autoptr (MlsProvenance) p = new_ok (MLS_PROVENANCE_CONVENTION, "SI prefixes", NULL, DATE,
                                        NULL);
  g_autofree char *md = mls_provenance_to_markdown (p);

  g_assert_nonnull (strstr (md, "SI prefixes"));
  g_assert_null (strstr (md, "]("));
  g_assert_null (strstr (md, "Notes"));
}

static void
test_properties (void)
{
  g_autoptr (MlsProvenance) p = new_ok (MLS_PROVENANCE_ESTIMATE, "Lab measurement", H100_URL,
                                        DATE, "Median of 5 runs");
  g_autofree char *reference = NULL;
  g_autofree char *url = NULL;
  g_autofree char *verified = NULL;
  g_autofree char *notes = NULL;
  MlsProvenanceKind kind = MLS_PROVENANCE_CONVENTION;
  GParamSpec *pspec;

  g_object_get (p, "kind", &kind, "reference", &reference, "url", &url, "verified", &verified,
                "notes", &notes, NULL);
  g_assert_cmpint (kind, ==, MLS_PROVENANCE_ESTIMATE);
  g_assert_cmpstr (reference, ==, "Lab measurement");
  g_assert_cmpstr (url, ==, H100_URL);
  g_assert_cmpstr (verified, ==, DATE);
  g_assert_cmpstr (notes, ==, "Median of 5 runs");

  /* registry entries are immutable: the properties are read-only */
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (p), "reference");
  g_assert_nonnull (pspec);
  g_assert_false (pspec->flags & G_PARAM_WRITABLE);
}

static void
test_rule_order (void)
{
  /* several problems at once: the reference is reported first, then the url */
  assert_new_fails (MLS_PROVENANCE_DATASHEET, "", NULL, "bad", NULL,
                    MLS_PROVENANCE_ERROR_MISSING_REFERENCE);
  assert_new_fails (MLS_PROVENANCE_DATASHEET, H100_REF, NULL, "bad", NULL,
                    MLS_PROVENANCE_ERROR_MISSING_URL);
  /* and with everything else right, only the date */
  assert_new_fails (MLS_PROVENANCE_DATASHEET, H100_REF, H100_URL, "bad", NULL,
                    MLS_PROVENANCE_ERROR_BAD_DATE);
}

static void
test_null_error (void)
{
  /* no GError location: still NULL, no crash */
  g_assert_null (mls_provenance_new (MLS_PROVENANCE_DATASHEET, H100_REF, NULL, DATE, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/provenance/kind/round-trip/%s", kinds[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_kind_from_string);
    }
  g_test_add_func ("/provenance/kind/enum-type", test_kind_enum_type);
  g_test_add_func ("/provenance/kind/unknown", test_kind_unknown);
  g_test_add_func ("/provenance/kind/out-of-range", test_kind_out_of_range);

  g_test_add_func ("/provenance/reference/required", test_reference_required);
  g_test_add_func ("/provenance/reference/trimmed", test_reference_trimmed);

  g_test_add_data_func ("/provenance/url/required/datasheet",
                        GINT_TO_POINTER (MLS_PROVENANCE_DATASHEET), test_url_required);
  g_test_add_data_func ("/provenance/url/required/literature",
                        GINT_TO_POINTER (MLS_PROVENANCE_LITERATURE), test_url_required);
  g_test_add_data_func ("/provenance/url/required/industry_report",
                        GINT_TO_POINTER (MLS_PROVENANCE_INDUSTRY_REPORT), test_url_required);
  g_test_add_func ("/provenance/url/optional", test_url_optional);
  g_test_add_func ("/provenance/url/must-be-http", test_url_must_be_http);

  g_test_add_data_func ("/provenance/notes/required/estimate",
                        GINT_TO_POINTER (MLS_PROVENANCE_ESTIMATE), test_notes_required);
  g_test_add_data_func ("/provenance/notes/required/derived",
                        GINT_TO_POINTER (MLS_PROVENANCE_DERIVED), test_notes_required);
  g_test_add_func ("/provenance/notes/optional", test_notes_optional);

  g_test_add_func ("/provenance/verified/good", test_verified_good);
  g_test_add_func ("/provenance/verified/bad", test_verified_bad);
  g_test_add_func ("/provenance/verified/null", test_verified_null);
  g_test_add_func ("/provenance/verified/message", test_verified_message_quotes_value);

  g_test_add_func ("/provenance/stale/basic", test_is_stale);
  g_test_add_func ("/provenance/stale/leap-year", test_is_stale_leap_year);
  g_test_add_func ("/provenance/stale/future", test_is_stale_future);

  g_test_add_func ("/provenance/markdown/with-url", test_to_markdown);
  g_test_add_func ("/provenance/markdown/without-url", test_to_markdown_without_url);
  g_test_add_func ("/provenance/properties", test_properties);
  g_test_add_func ("/provenance/rule-order", test_rule_order);
  g_test_add_func ("/provenance/null-error", test_null_error);

  return g_test_run ();
}
