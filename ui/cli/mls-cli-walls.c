/* mls-cli-walls.c — `mlsysim walls`: the 22 walls by domain, and the solvers that resolve them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mls-cli.h"

static const struct
{
  const char *id;
  const char *title;
} domains[] = {
  { "node", N_("Node") },
  { "data", N_("Data") },
  { "algorithm", N_("Algorithm") },
  { "fleet", N_("Fleet") },
  { "operations", N_("Operations") },
  { "analysis", N_("Analysis") },
};

typedef struct
{
  MlsEntry *entry;
  guint     number;
  char    **solvers; /* the registry's list, plus every loaded plugin that declares the wall */
} Wall;

static int
compare_walls (gconstpointer a,
               gconstpointer b)
{
  return (int) ((const Wall *) a)->number - (int) ((const Wall *) b)->number;
}

static void
wall_clear (gpointer data)
{
  g_strfreev (((Wall *) data)->solvers);
}

static char **
covering_solvers (MlsEngine *engine,
                  MlsEntry  *entry,
                  guint      number)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char * const *listed = mls_entry_get_string_list (entry, "solvers");
  g_auto(GStrv) ids = mls_engine_list_solvers (engine);

  for (guint i = 0; listed != NULL && listed[i] != NULL; i++)
    g_ptr_array_add (found, g_strdup (listed[i]));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      guint n;
      const guint *walls = mls_solver_info_get_walls (mls_engine_get_info (engine, ids[i]), &n);

      for (guint j = 0; j < n; j++)
        if (walls[j] == number &&
            !g_ptr_array_find_with_equal_func (found, ids[i], g_str_equal, NULL))
          g_ptr_array_add (found, g_strdup (ids[i]));
    }
  g_ptr_array_add (found, NULL);
  return (char **) g_ptr_array_steal (found, NULL);
}

static const char *
field (MlsEntry   *entry,
       const char *path)
{
  const char *s = mls_entry_get_string (entry, path);
  return s != NULL ? s : "";
}

/* A table cell: "|W|" would end the cell. */
static char *
markdown_cell (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '|')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

/* Pads by characters, not bytes, so "–" and "≤" keep columns aligned. */
static void
append_padded (GString    *s,
               const char *text,
               glong       width)
{
  glong n = g_utf8_strlen (text, -1);

  g_string_append (s, text);
  do
    g_string_append_c (s, ' ');
  while (++n < width + 1);
}

int
mls_cli_walls (MlsCli *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GArray) walls = NULL;
  MlsRegistry *registry;
  MlsEngine *engine;
  GListModel *model;
  int status = MLS_EXIT_OK;

  context = mls_cli_option_context (cli, NULL);
  g_option_context_set_description (context,
    _("The 22 walls an ML system must clear, grouped in six domains, each with its governing "
      "equation and the solvers that check it. Passing every wall is necessary, not "
      "sufficient.\n\n"
      "Output formats: text, json, markdown.\n"));
  if (!mls_cli_parse_options (cli, context, &argc, &argv))
    return MLS_EXIT_BAD_INPUT;
  if (argc > 1)
    return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                         _("“mlsysim walls” takes no arguments"));
  if ((registry = mls_cli_registry (cli, &status)) == NULL)
    return status;
  engine = mls_engine_get_default ();
  mls_cli_load_errors (cli, engine, TRUE);

  model = mls_registry_get_category (registry, "walls");
  walls = g_array_new (FALSE, TRUE, sizeof (Wall));
  g_array_set_clear_func (walls, wall_clear);
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MlsEntry) entry = g_list_model_get_item (model, i);
      Wall w = { entry, (guint) mls_entry_get_integer (entry, "number", 0), NULL };

      w.solvers = covering_solvers (engine, entry, w.number);
      g_array_append_val (walls, w);
    }
  g_array_sort (walls, compare_walls);
  if (walls->len == 0)
    return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Registry Error"),
                         _("The registry has no walls (registry/walls.yaml)"));

  if (cli->format == MLS_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "walls");
      json_builder_begin_array (b);
      for (guint i = 0; i < walls->len; i++)
        {
          const Wall *w = &g_array_index (walls, Wall, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "number");
          json_builder_add_int_value (b, w->number);
          json_builder_set_member_name (b, "key");
          json_builder_add_string_value (b, mls_entry_get_key (w->entry));
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, mls_entry_get_name (w->entry));
          json_builder_set_member_name (b, "domain");
          json_builder_add_string_value (b, field (w->entry, "domain"));
          json_builder_set_member_name (b, "resolver");
          json_builder_add_string_value (b, field (w->entry, "resolver"));
          json_builder_set_member_name (b, "solvers");
          json_builder_begin_array (b);
          for (guint j = 0; w->solvers[j] != NULL; j++)
            json_builder_add_string_value (b, w->solvers[j]);
          json_builder_end_array (b);
          json_builder_set_member_name (b, "constraint");
          json_builder_add_string_value (b, field (w->entry, "constraint"));
          json_builder_set_member_name (b, "equation");
          json_builder_add_string_value (b, field (w->entry, "equation"));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      mls_cli_print_json_short (root);
      return MLS_EXIT_OK;
    }

  if (cli->format == MLS_FORMAT_MARKDOWN)
    g_print ("# %s\n", _("The 22 ML systems walls"));
  for (guint d = 0; d < G_N_ELEMENTS (domains); d++)
    {
      guint count = 0;

      for (guint i = 0; i < walls->len; i++)
        if (g_strcmp0 (field (g_array_index (walls, Wall, i).entry, "domain"), domains[d].id) == 0)
          count++;
      if (count == 0)
        continue;
      if (cli->format == MLS_FORMAT_MARKDOWN)
        g_print (_("\n## Domain %u: %s (%u walls)\n\n| # | %s | %s | %s | %s |\n"
                   "|---:|---|---|---|---|\n"),
                 d + 1, _(domains[d].title), count, _("Wall"), _("Solvers"), _("Equation"),
                 _("Constraint"));
      else
        g_print (_("%sDomain %u: %s (%u walls)\n"), d ? "\n" : "", d + 1, _(domains[d].title),
                 count);
      for (guint i = 0; i < walls->len; i++)
        {
          const Wall *w = &g_array_index (walls, Wall, i);
          g_autofree char *solvers = NULL;

          if (g_strcmp0 (field (w->entry, "domain"), domains[d].id) != 0)
            continue;
          solvers = w->solvers[0] ? g_strjoinv (", ", w->solvers) : g_strdup ("–");
          if (cli->format == MLS_FORMAT_MARKDOWN)
            {
              g_autofree char *equation = markdown_cell (field (w->entry, "equation"));
              g_autofree char *constraint = markdown_cell (field (w->entry, "constraint"));

              g_print ("| %u | %s | %s | %s | %s |\n", w->number, mls_entry_get_name (w->entry),
                       solvers, equation, constraint);
            }
          else
            {
              g_autoptr(GString) line = g_string_new (NULL);

              g_string_append_printf (line, "  %2u  ", w->number);
              append_padded (line, mls_entry_get_name (w->entry), 22);
              append_padded (line, solvers, 28);
              g_print ("%s%s\n", line->str, field (w->entry, "equation"));
            }
        }
    }
  return MLS_EXIT_OK;
}
