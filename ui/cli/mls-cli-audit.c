/* mls-cli-audit.c — `mlsysim audit`: how well the registry's numbers are sourced
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mls-cli.h"

static const char *
issue_names (MlsAuditIssue issues,
             GString      *s)
{
  g_string_truncate (s, 0);
  if (issues & MLS_AUDIT_ISSUE_UNSOURCED)
    g_string_append (s, "unsourced");
  if (issues & MLS_AUDIT_ISSUE_MISSING_URL)
    g_string_append_printf (s, "%smissing_url", s->len ? "," : "");
  if (issues & MLS_AUDIT_ISSUE_STALE)
    g_string_append_printf (s, "%sstale", s->len ? "," : "");
  return s->str;
}

static void
print_json (MlsAuditReport *report)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  const char * const *categories = mls_audit_report_get_categories (report);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "coverage");
  json_builder_add_double_value (b, mls_audit_report_get_coverage (report));
  json_builder_set_member_name (b, "entries");
  json_builder_add_int_value (b, mls_audit_report_get_n_entries (report));
  json_builder_set_member_name (b, "sourced");
  json_builder_add_int_value (b, mls_audit_report_get_n_sourced (report));
  json_builder_set_member_name (b, "values");
  json_builder_add_int_value (b, mls_audit_report_get_n_values (report));
  json_builder_set_member_name (b, "value_sources");
  json_builder_add_int_value (b, mls_audit_report_get_n_value_sources (report));
  json_builder_set_member_name (b, "max_age_days");
  json_builder_add_int_value (b, mls_audit_report_get_max_age_days (report));
  json_builder_set_member_name (b, "missing_url");
  json_builder_add_int_value (b, mls_audit_report_get_n_missing_url (report));
  json_builder_set_member_name (b, "stale");
  json_builder_add_int_value (b, mls_audit_report_get_n_stale (report));

  json_builder_set_member_name (b, "categories");
  json_builder_begin_array (b);
  for (guint i = 0; categories[i] != NULL; i++)
    {
      guint entries, sourced, missing_url, stale;

      mls_audit_report_get_category_counts (report, categories[i], &entries, &sourced,
                                            &missing_url, &stale);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "category");
      json_builder_add_string_value (b, categories[i]);
      json_builder_set_member_name (b, "entries");
      json_builder_add_int_value (b, entries);
      json_builder_set_member_name (b, "sourced");
      json_builder_add_int_value (b, sourced);
      json_builder_set_member_name (b, "missing_url");
      json_builder_add_int_value (b, missing_url);
      json_builder_set_member_name (b, "stale");
      json_builder_add_int_value (b, stale);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < mls_audit_report_get_n_findings (report); i++)
    {
      const char *category, *key, *field;
      MlsProvenance *prov;
      MlsAuditIssue issues = mls_audit_report_get_finding (report, i, &category, &key, &field,
                                                           &prov);
      g_auto(GStrv) list = g_strsplit (issue_names (issues, names), ",", -1);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "category");
      json_builder_add_string_value (b, category);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, key);
      json_builder_set_member_name (b, "field");
      if (field)
        json_builder_add_string_value (b, field);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "issues");
      json_builder_begin_array (b);
      for (guint j = 0; list[j] != NULL; j++)
        json_builder_add_string_value (b, list[j]);
      json_builder_end_array (b);
      if (prov != NULL)
        {
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, mls_provenance_kind_to_string (
                                              mls_provenance_get_kind (prov)));
          json_builder_set_member_name (b, "ref");
          json_builder_add_string_value (b, mls_provenance_get_reference (prov));
          json_builder_set_member_name (b, "verified");
          json_builder_add_string_value (b, mls_provenance_get_verified (prov));
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  mls_cli_print_json (root);
}

static void
print_findings (MlsAuditReport *report,
                MlsAuditIssue   issue,
                const char     *title,
                gboolean        markdown)
{
  gboolean any = FALSE;

  for (guint i = 0; i < mls_audit_report_get_n_findings (report); i++)
    {
      const char *category, *key, *field;
      MlsProvenance *prov;
      g_autofree char *where = NULL;

      if (!(mls_audit_report_get_finding (report, i, &category, &key, &field, &prov) & issue))
        continue;
      if (!any)
        g_print (markdown ? "\n## %s\n\n" : "\n%s\n", title);
      any = TRUE;
      where = field ? g_strdup_printf ("%s/%s %s", category, key, field)
                    : g_strdup_printf ("%s/%s", category, key);
      if (prov == NULL)
        g_print (markdown ? "- `%s`\n" : "  %s\n", where);
      else
        g_print (markdown ? "- `%s`: %s, %s (verified %s)\n" : "  %s: %s, %s (verified %s)\n",
                 where, mls_provenance_kind_to_string (mls_provenance_get_kind (prov)),
                 mls_provenance_get_reference (prov), mls_provenance_get_verified (prov));
    }
}

static void
print_report (MlsAuditReport *report,
              gboolean        markdown,
              gboolean        verbose)
{
  const char * const *categories = mls_audit_report_get_categories (report);

  if (markdown)
    g_print ("# %s\n\n", _("Provenance audit"));
  g_print (_("Coverage: %.1f%% (%u of %u entries carry provenance; %u of %u values have a "
             "source of their own)\n"),
           mls_audit_report_get_coverage (report), mls_audit_report_get_n_sourced (report),
           mls_audit_report_get_n_entries (report),
           mls_audit_report_get_n_value_sources (report),
           mls_audit_report_get_n_values (report));
  if (markdown)
    g_print ("\n");
  g_print (_("Records without a url: %u; verified more than %u days ago: %u\n"),
           mls_audit_report_get_n_missing_url (report),
           mls_audit_report_get_max_age_days (report), mls_audit_report_get_n_stale (report));

  g_print (markdown ? "\n| %s | %s | %s | %s | %s |\n| --- | ---: | ---: | ---: | ---: |\n"
                    : "\n%-12s %8s %8s %8s %6s\n",
           _("Category"), _("Entries"), _("Sourced"), _("No url"), _("Stale"));
  for (guint i = 0; categories[i] != NULL; i++)
    {
      guint entries, sourced, missing_url, stale;

      mls_audit_report_get_category_counts (report, categories[i], &entries, &sourced,
                                            &missing_url, &stale);
      g_print (markdown ? "| %s | %u | %u | %u | %u |\n" : "%-12s %8u %8u %8u %6u\n",
               categories[i], entries, sourced, missing_url, stale);
    }

  print_findings (report, MLS_AUDIT_ISSUE_UNSOURCED, _("Entries without provenance:"),
                  markdown);
  print_findings (report, MLS_AUDIT_ISSUE_STALE, _("Not verified within the maximum age:"),
                  markdown);
  if (verbose)
    print_findings (report, MLS_AUDIT_ISSUE_MISSING_URL, _("Records without a url:"),
                    markdown);
  else if (mls_audit_report_get_n_missing_url (report) > 0)
    g_print (_("\nRun with --verbose to list the records without a url.\n"));
}

int
mls_cli_audit (MlsCli *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsAuditReport) report = NULL;
  int max_age = 365;
  gboolean strict = FALSE, verbose = FALSE;
  GOptionEntry entries[] = {
    { "max-age", 0, 0, G_OPTION_ARG_INT, &max_age,
      N_("Values verified longer ago than this are stale (default 365)"), N_("DAYS") },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict,
      N_("Also fail when a value is stale"), NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      N_("List the records without a url too"), NULL },
    { NULL },
  };
  MlsRegistry *registry;
  gboolean failed;

  context = mls_cli_option_context (cli, entries);
  g_option_context_set_description (context,
    _("Exits with status 1 when an entry lacks provenance (coverage below 100%), and with "
      "--strict also when a value was not verified within --max-age days.\n\n"
      "Output formats: text, json, markdown.\n"));
  if (!mls_cli_parse_options (cli, context, &argc, &argv))
    return MLS_EXIT_BAD_INPUT;
  if (argc != 1)
    return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                         _("audit takes no arguments; see mlsysim audit --help"));
  if (max_age < 0)
    return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                         _("--max-age must be a number of days, 0 or more"));

  registry = mls_registry_get_default (&error);
  if (registry == NULL)
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Registry Error"), error);

  report = mls_audit_report_new (registry, (guint) max_age, NULL);
  if (cli->format == MLS_FORMAT_JSON)
    print_json (report);
  else
    print_report (report, cli->format == MLS_FORMAT_MARKDOWN, verbose);

  failed = mls_audit_report_get_coverage (report) < 100.0 ||
           (strict && mls_audit_report_get_n_stale (report) > 0);
  return failed ? MLS_EXIT_BAD_INPUT : MLS_EXIT_OK;
}
