/* mls-cli.c — the `mlsysim` command: dispatch, output formats, errors, exit codes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "mls-cli.h"

static const MlsCliCommand commands[] = {
  { "units", N_("EXPRESSION [UNIT]"), N_("Evaluate a quantity expression, optionally converted"),
    MLS_FORMAT_TEXT | MLS_FORMAT_JSON, mls_cli_units },
  { "zoo", N_("CATEGORY"), N_("List registry entries: hardware, models, grids, fleets, …"),
    MLS_FORMAT_ALL, mls_cli_zoo },
  { "audit", "", N_("Report how well the registry's values are sourced"),
    MLS_FORMAT_TEXT | MLS_FORMAT_JSON | MLS_FORMAT_MARKDOWN, mls_cli_audit },
  { "eval", N_("MODEL HARDWARE | PLAN.yaml | SCENARIO"),
    N_("Evaluate a system on three levels: will it run, is it fast enough, is it worth it"),
    MLS_FORMAT_TEXT | MLS_FORMAT_JSON | MLS_FORMAT_MARKDOWN | MLS_FORMAT_HTML, mls_cli_eval },
  { "serve", N_("MODEL HARDWARE"), N_("Serving analysis: time to first token, inter-token "
    "latency, KV cache"), MLS_FORMAT_TEXT | MLS_FORMAT_JSON | MLS_FORMAT_MARKDOWN,
    mls_cli_serve },
  { "solve", N_("SOLVER MODEL [HARDWARE]"), N_("Run one solver plugin and print its metrics"),
    MLS_FORMAT_TEXT | MLS_FORMAT_JSON | MLS_FORMAT_MARKDOWN, mls_cli_solve },
  { "solvers", "", N_("List the solver plugins: parameters they take, metrics they produce"),
    MLS_FORMAT_TEXT | MLS_FORMAT_JSON | MLS_FORMAT_MARKDOWN, mls_cli_solvers },
  { "plot", N_("roofline HARDWARE[,HARDWARE…] | scorecard MODEL HARDWARE"),
    N_("Draw a figure for slides or papers: PNG, SVG or PDF"), MLS_FORMAT_FILE, mls_cli_plot },
  { "walls", "", N_("The 22 walls of ML systems, by domain, with the solvers that check them"),
    MLS_FORMAT_TEXT | MLS_FORMAT_JSON | MLS_FORMAT_MARKDOWN, mls_cli_walls },
  { "sweep", N_("MODEL HARDWARE | PLAN.yaml --axis NAME=V1,V2,…"),
    N_("Evaluate every combination of some axes on all cores; search it or find its Pareto "
       "front"), MLS_FORMAT_TEXT | MLS_FORMAT_JSON | MLS_FORMAT_MARKDOWN | MLS_FORMAT_CSV,
    mls_cli_sweep },
  { "optimize", N_("parallelism|batching|placement PLAN.yaml"),
    N_("Find the best parallel layout, batch size under an SLA, or region under a carbon tax"),
    MLS_FORMAT_TEXT | MLS_FORMAT_JSON | MLS_FORMAT_MARKDOWN, mls_cli_optimize },
};

static const struct
{
  const char *name;
  MlsFormat   format;
} format_names[] = {
  { "text", MLS_FORMAT_TEXT },
  { "json", MLS_FORMAT_JSON },
  { "markdown", MLS_FORMAT_MARKDOWN },
  { "md", MLS_FORMAT_MARKDOWN },
  { "html", MLS_FORMAT_HTML },
  { "csv", MLS_FORMAT_CSV },
};

static char *
format_list (MlsFormat formats)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if ((formats & format_names[i].format) && strcmp (format_names[i].name, "md") != 0)
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", format_names[i].name);
  return g_string_free (s, FALSE);
}

static gboolean
set_format (MlsCli     *cli,
            const char *name,
            GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i].name) == 0)
      {
        cli->format = format_names[i].format;
        g_free (cli->format_name);
        cli->format_name = g_strdup (format_names[i].name);
        return TRUE;
      }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("Unsupported output format “%s”; choose text, json, markdown, html or csv"),
               name);
  return FALSE;
}

static gboolean
on_output_option (const char *option_name,
                  const char *value,
                  gpointer    data,
                  GError    **error)
{
  MlsCli *cli = data;

  /* Figures take a file name: "-o roofline.pdf". */
  if (cli->command != NULL && (cli->command->formats & MLS_FORMAT_FILE) &&
      strchr (value, '.') != NULL)
    {
      g_free (cli->output_path);
      cli->output_path = g_strdup (value);
      cli->format = MLS_FORMAT_FILE;
      return TRUE;
    }
  return set_format (cli, value, error);
}

GOptionEntry *
mls_cli_common_entries (MlsCli *cli)
{
  static GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_CALLBACK, (gpointer) on_output_option,
      N_("Output format: text, json, markdown, html or csv"), N_("FORMAT") },
    { NULL },
  };
  return entries;
}

GOptionContext *
mls_cli_option_context (MlsCli       *cli,
                        GOptionEntry *entries)
{
  /* gettext ("") would return the catalog header, so an empty parameter string stays empty */
  g_autofree char *param = cli->command->parameter_string && *cli->command->parameter_string
                             ? g_strdup_printf ("%s %s", cli->command->name,
                                                _(cli->command->parameter_string))
                             : g_strdup (cli->command->name);
  GOptionContext *context = g_option_context_new (param);
  GOptionGroup *main_group = g_option_group_new (NULL, NULL, NULL, cli, NULL);
  g_autofree char *formats = format_list (cli->command->formats);
  g_autofree char *description = g_strdup_printf (_("Output formats: %s.\n"), formats);

  g_option_group_set_translation_domain (main_group, GETTEXT_PACKAGE);
  g_option_group_add_entries (main_group, mls_cli_common_entries (cli));
  if (entries != NULL)
    g_option_group_add_entries (main_group, entries);
  g_option_context_set_main_group (context, main_group);
  g_option_context_set_summary (context, _(cli->command->summary));
  g_option_context_set_description (context, description);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return context;
}

gboolean
mls_cli_parse_options (MlsCli         *cli,
                       GOptionContext *context,
                       int            *argc,
                       char         ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);
      return FALSE;
    }
  /* a figure command without -o explains that itself */
  if ((cli->format & cli->command->formats) == 0 &&
      !((cli->command->formats & MLS_FORMAT_FILE) && cli->format == MLS_FORMAT_TEXT))
    {
      g_autofree char *supported = format_list (cli->command->formats);
      g_autofree char *reason = g_strdup_printf (
        _("Output format “%s” is not supported by “%s”; it supports %s"), cli->format_name,
        cli->command->name, supported);
      MlsFormat asked = cli->format;

      /* report in a format the command can write */
      cli->format = (asked == MLS_FORMAT_JSON) ? MLS_FORMAT_JSON : MLS_FORMAT_TEXT;
      mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), reason);
      return FALSE;
    }
  return TRUE;
}

void
mls_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

int
mls_cli_fail (MlsCli     *cli,
              MlsExitCode code,
              const char *title,
              const char *reason)
{
  /* Messages quote what the user typed, which need not be UTF-8; JSON and terminals want it. */
  g_autofree char *valid = g_utf8_make_valid (reason, -1);

  reason = valid;
  if (cli->format == MLS_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, "error");
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, title);
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, reason);
      json_builder_set_member_name (b, "exit_code");
      json_builder_add_int_value (b, code);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      mls_cli_print_json (root);
    }
  else
    g_printerr ("mlsysim: %s: %s\n", title, reason);
  return code;
}

int
mls_cli_fail_error (MlsCli       *cli,
                    MlsExitCode   code,
                    const char   *title,
                    const GError *error)
{
  return mls_cli_fail (cli, code, title, error->message);
}

void
mls_cli_warn (MlsCli     *cli,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("mlsysim: %s: %s\n", _("warning"), message);
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: mlsysim [--version] [-o FORMAT] COMMAND [ARGUMENTS…]"));
  fprintf (out, "%s\n\n", _("A first-principles analytical engine for machine-learning systems."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "  %-10s %s\n", "help", _("Show help on a command or topic"));
  fprintf (out, "\n%s\n", _("Run “mlsysim COMMAND --help” for a command’s options."));
}

static const MlsCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_ascii_strcasecmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static int
unknown_command (MlsCli     *cli,
                 const char *name)
{
  const char *names[G_N_ELEMENTS (commands) + 2];
  g_auto(GStrv) near = NULL;
  g_autofree char *reason = NULL;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    names[n++] = commands[i].name;
  names[n++] = "help";
  names[n] = NULL;
  near = mls_suggest_nearest (name, names, 1);
  if (near[0] != NULL)
    reason = g_strdup_printf (_("Unknown command “%s”; did you mean “%s”? Run “mlsysim --help” "
                                "for the list"), name, near[0]);
  else
    reason = g_strdup_printf (_("Unknown command “%s”; run “mlsysim --help” for the list"), name);
  return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), reason);
}

static int
run_help (MlsCli *cli,
          int     argc,
          char  **argv)
{
  const MlsCliCommand *command;

  if (argc < 2)
    {
      print_usage (stdout);
      return MLS_EXIT_OK;
    }
  command = find_command (argv[1]);
  if (command == NULL)
    return unknown_command (cli, argv[1]);

  char *help_argv[] = { (char *) command->name, (char *) "--help", NULL };
  cli->command = command;
  return command->run (cli, 2, help_argv);
}

int
main (int    argc,
      char **argv)
{
  MlsCli cli = { NULL, MLS_FORMAT_TEXT, g_strdup ("text") };
  int first = 1;
  int status;

  setlocale (LC_ALL, "");
  g_set_prgname ("mlsysim");
  /* MLSYSIM_LOCALEDIR lets uninstalled runs (meson devenv, tests) find the built catalogs */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MLSYSIM_LOCALEDIR") ? g_getenv ("MLSYSIM_LOCALEDIR")
                                                                  : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options before the command: --version, --help, -o FORMAT. */
  while (first < argc && argv[first][0] == '-')
    {
      const char *arg = argv[first];
      g_autoptr(GError) error = NULL;

      if (strcmp (arg, "--version") == 0 || strcmp (arg, "-V") == 0)
        {
          g_print ("mlsysim %s\n", PACKAGE_VERSION);
          return MLS_EXIT_OK;
        }
      if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          print_usage (stdout);
          return MLS_EXIT_OK;
        }
      if ((strcmp (arg, "-o") == 0 || strcmp (arg, "--output") == 0) && first + 1 < argc)
        {
          if (!set_format (&cli, argv[first + 1], &error))
            return mls_cli_fail (&cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error->message);
          first += 2;
          continue;
        }
      if (g_str_has_prefix (arg, "--output="))
        {
          if (!set_format (&cli, arg + strlen ("--output="), &error))
            return mls_cli_fail (&cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error->message);
          first++;
          continue;
        }
      g_autofree char *reason = g_strdup_printf (_("Unknown option “%s”"), arg);
      return mls_cli_fail (&cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), reason);
    }

  if (first >= argc)
    {
      print_usage (stderr);
      return MLS_EXIT_BAD_INPUT;
    }

  if (strcmp (argv[first], "help") == 0)
    status = run_help (&cli, argc - first, argv + first);
  else if ((cli.command = find_command (argv[first])) == NULL)
    status = unknown_command (&cli, argv[first]);
  else
    status = cli.command->run (&cli, argc - first, argv + first);

  g_free (cli.format_name);
  g_free (cli.output_path);
  return status;
}
