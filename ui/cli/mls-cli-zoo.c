/* mls-cli-zoo.c — `mlsysim zoo CATEGORY`: the registry as a table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mls-cli.h"

typedef char *(*ComputeFunc) (MlsEntry *entry,
                              double   *out_number);

typedef struct
{
  const char *id;     /* the JSON member and --sort name */
  const char *header; /* N_() */
  const char *path;   /* the entry field, or NULL with compute */
  ComputeFunc compute;
  gboolean    in_text;
} Column;

typedef struct
{
  const char   *name;     /* as typed: "fleets" */
  const char   *category; /* the registry category: "clusters" */
  const Column *columns;
  guint         n_columns;
  const char   *default_sort;
  gboolean      default_descending;
} ZooCategory;

static char *
compute_ridge (MlsEntry *entry,
               double   *out_number)
{
  MlsQuantity ridge;

  if (!MLS_IS_HARDWARE_NODE (entry) ||
      !mls_hardware_node_ridge_point (MLS_HARDWARE_NODE (entry), MLS_PRECISION_FP16, &ridge))
    return NULL;
  *out_number = ridge.value;
  return g_strdup_printf ("%.1f FLOP/B", ridge.value);
}

static char *
compute_accelerator (MlsEntry *entry,
                     double   *out_number)
{
  MlsNode *node = MLS_IS_FLEET (entry) ? mls_fleet_get_node (MLS_FLEET (entry)) : NULL;
  MlsEntry *accelerator = node ? mls_node_get_accelerator (node) : NULL;

  return accelerator ? g_strdup (mls_entry_get_key (accelerator)) : NULL;
}

static char *
compute_total_accelerators (MlsEntry *entry,
                            double   *out_number)
{
  guint total;

  if (!MLS_IS_FLEET (entry))
    return NULL;
  total = mls_fleet_get_total_accelerators (MLS_FLEET (entry));
  *out_number = total;
  return g_strdup_printf ("%u", total);
}

#define KEY_NAME { "key", N_("Key"), NULL, NULL, TRUE }, { "name", N_("Name"), "name", NULL, TRUE }

static const Column hardware_columns[] = {
  KEY_NAME,
  { "tier", N_("Tier"), "tier", NULL, TRUE },
  { "release_year", N_("Year"), "release_year", NULL, TRUE },
  { "peak_flops", N_("Peak"), "compute.peak_flops", NULL, TRUE },
  { "memory_capacity", N_("Memory"), "memory.capacity", NULL, TRUE },
  { "memory_bandwidth", N_("Bandwidth"), "memory.bandwidth", NULL, TRUE },
  { "tdp", N_("TDP"), "tdp", NULL, TRUE },
  { "unit_cost", N_("Cost"), "unit_cost", NULL, FALSE },
  { "ridge_point", N_("Ridge"), NULL, compute_ridge, FALSE },
};

static const Column model_columns[] = {
  KEY_NAME,
  { "kind", N_("Kind"), "kind", NULL, TRUE },
  { "category", N_("Category"), "category", NULL, TRUE },
  { "parameters", N_("Parameters"), "parameters", NULL, TRUE },
  { "active_parameters", N_("Active"), "active_parameters", NULL, FALSE },
  { "inference_flops", N_("FLOP/inference"), "inference_flops", NULL, TRUE },
  { "layers", N_("Layers"), "layers", NULL, TRUE },
  { "hidden_dim", N_("Hidden"), "hidden_dim", NULL, FALSE },
  { "heads", N_("Heads"), "heads", NULL, FALSE },
  { "kv_heads", N_("KV heads"), "kv_heads", NULL, FALSE },
};

static const Column grid_columns[] = {
  KEY_NAME,
  { "carbon_intensity", N_("Carbon"), "carbon_intensity", NULL, TRUE },
  { "pue", N_("PUE"), "pue", NULL, TRUE },
  { "wue", N_("WUE"), "wue", NULL, TRUE },
  { "primary_source", N_("Source"), "primary_source", NULL, TRUE },
  { "renewable_pct", N_("Renewable %"), "renewable_pct", NULL, FALSE },
  { "electricity_price", N_("Price"), "electricity_price", NULL, FALSE },
};

static const Column fleet_columns[] = {
  KEY_NAME,
  { "node", N_("Node"), "node", NULL, TRUE },
  { "accelerator", N_("Accelerator"), NULL, compute_accelerator, TRUE },
  { "count", N_("Nodes"), "count", NULL, TRUE },
  { "total_accelerators", N_("Accelerators"), NULL, compute_total_accelerators, TRUE },
  { "fabric", N_("Fabric"), "fabric", NULL, TRUE },
  { "region", N_("Region"), "region", NULL, TRUE },
  { "datacenter", N_("Datacenter"), "datacenter", NULL, FALSE },
};

static const Column scenario_columns[] = {
  KEY_NAME,
  { "workload", N_("Workload"), "workload", NULL, TRUE },
  { "hardware", N_("Hardware"), "hardware", NULL, TRUE },
  { "fleet", N_("Fleet"), "fleet", NULL, TRUE },
  { "sla_latency", N_("Latency SLA"), "sla_latency", NULL, TRUE },
  { "power_budget", N_("Power budget"), "power_budget", NULL, TRUE },
  { "persona", N_("Persona"), "persona", NULL, TRUE },
};

static const Column fabric_columns[] = {
  KEY_NAME,
  { "topology", N_("Topology"), "topology", NULL, TRUE },
  { "bandwidth", N_("Bandwidth"), "bandwidth", NULL, TRUE },
  { "latency", N_("Latency"), "latency", NULL, TRUE },
  { "oversubscription", N_("Oversubscription"), "oversubscription", NULL, TRUE },
};

static const Column persona_columns[] = {
  KEY_NAME,
  { "role", N_("Role"), "role", NULL, TRUE },
  { "scale_factor", N_("Scale"), "scale_factor", NULL, TRUE },
  { "unit_of_scale", N_("Unit"), "unit_of_scale", NULL, TRUE },
  { "primary_constraint", N_("Primary constraint"), "primary_constraint", NULL, TRUE },
};

static const Column node_columns[] = {
  KEY_NAME,
  { "accelerator", N_("Accelerator"), "accelerator", NULL, TRUE },
  { "accelerators_per_node", N_("Per node"), "accelerators_per_node", NULL, TRUE },
  { "intra_node_bw", N_("Intra-node BW"), "intra_node_bw", NULL, TRUE },
  { "nics_per_node", N_("NICs"), "nics_per_node", NULL, TRUE },
  { "psus_per_node", N_("PSUs"), "psus_per_node", NULL, TRUE },
};

static const Column datacenter_columns[] = {
  KEY_NAME,
  { "grid", N_("Grid"), "grid", NULL, TRUE },
  { "pue", N_("PUE"), "pue", NULL, TRUE },
  { "wue", N_("WUE"), "wue", NULL, TRUE },
};

static const Column cooling_columns[] = {
  KEY_NAME,
  { "pue", N_("PUE"), "pue", NULL, TRUE },
  { "wue", N_("WUE"), "wue", NULL, TRUE },
};

static const Column constant_columns[] = {
  { "key", N_("Key"), NULL, NULL, TRUE },
  { "value", N_("Value"), "value", NULL, TRUE },
  { "description", N_("Description"), "description", NULL, FALSE },
};

static const Column wall_columns[] = {
  { "number", N_("Wall"), "number", NULL, TRUE },
  { "key", N_("Key"), NULL, NULL, FALSE },
  { "name", N_("Name"), "name", NULL, TRUE },
  { "domain", N_("Domain"), "domain", NULL, TRUE },
  { "solvers", N_("Solvers"), "solvers", NULL, TRUE },
  { "equation", N_("Equation"), "equation", NULL, TRUE },
};

static const Column tech_columns[] = {
  KEY_NAME,
  { "bandwidth", N_("Bandwidth"), "bandwidth", NULL, TRUE },
  { "latency", N_("Latency"), "latency", NULL, TRUE },
  { "capacity", N_("Capacity"), "capacity", NULL, TRUE },
  { "energy_per_access", N_("Energy/access"), "energy_per_access", NULL, TRUE },
  { "energy_per_byte", N_("Energy/byte"), "energy_per_byte", NULL, TRUE },
  { "energy_per_op", N_("Energy/op"), "energy_per_op", NULL, TRUE },
};

#define CATEGORY(name, category, columns, sort, desc) \
  { name, category, columns, G_N_ELEMENTS (columns), sort, desc }

static const ZooCategory zoo_categories[] = {
  CATEGORY ("hardware", "hardware", hardware_columns, "peak_flops", TRUE),
  CATEGORY ("models", "models", model_columns, "parameters", TRUE),
  CATEGORY ("grids", "grids", grid_columns, "carbon_intensity", FALSE),
  CATEGORY ("fleets", "clusters", fleet_columns, "total_accelerators", FALSE),
  CATEGORY ("scenarios", "scenarios", scenario_columns, "key", FALSE),
  CATEGORY ("fabrics", "fabrics", fabric_columns, "bandwidth", FALSE),
  CATEGORY ("personas", "personas", persona_columns, "scale_factor", FALSE),
  CATEGORY ("nodes", "nodes", node_columns, "key", FALSE),
  CATEGORY ("datacenters", "datacenters", datacenter_columns, "key", FALSE),
  CATEGORY ("cooling", "cooling", cooling_columns, "pue", FALSE),
  CATEGORY ("constants", "constants", constant_columns, "key", FALSE),
  CATEGORY ("walls", "walls", wall_columns, "number", FALSE),
  CATEGORY ("tech", "tech", tech_columns, "key", FALSE),
};

/* One cell: its text, and a number to sort by when the value is numeric. */
typedef struct
{
  char    *text;
  double   number;
  gboolean numeric;
  gboolean integer;
} Cell;

typedef struct
{
  MlsEntry *entry;
  Cell     *cells;
} Row;

static void
fill_cell (MlsEntry     *entry,
           const Column *column,
           const char   *path,
           Cell         *cell)
{
  const MlsFieldSpec *spec;
  MlsQuantity q;

  if (column != NULL && column->compute != NULL)
    {
      cell->numeric = FALSE;
      cell->number = 0;
      cell->text = column->compute (entry, &cell->number);
      cell->numeric = cell->text != NULL && g_ascii_isdigit (cell->text[0]);
      cell->integer = column->compute == compute_total_accelerators;
      return;
    }
  if (path == NULL)
    {
      cell->text = g_strdup (mls_entry_get_key (entry));
      return;
    }
  cell->text = mls_entry_format_field (entry, path);
  spec = mls_entry_get_field_spec (entry, path);
  if (spec != NULL && mls_entry_get_quantity (entry, path, &q, NULL))
    {
      cell->numeric = TRUE;
      cell->number = q.value;
      cell->integer = spec->type == MLS_FIELD_INTEGER;
    }
  else if (spec != NULL && (spec->type == MLS_FIELD_QUANTITY || spec->type == MLS_FIELD_NUMBER ||
                            spec->type == MLS_FIELD_INTEGER))
    cell->numeric = TRUE; /* missing numbers sort as 0, as in the reference */
}

typedef struct
{
  guint    column;   /* index into the row's cells, or G_MAXUINT for sort_cells */
  gboolean descending;
} SortSpec;

static Cell *
sort_cell (Row      *row,
           SortSpec *sort)
{
  return &row->cells[sort->column];
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  SortSpec *sort = user_data;
  Row *ra = (Row *) a, *rb = (Row *) b;
  Cell *ca = sort_cell (ra, sort), *cb = sort_cell (rb, sort);
  int c;

  if (ca->numeric || cb->numeric)
    c = (ca->number > cb->number) - (ca->number < cb->number);
  else
    c = g_utf8_collate (ca->text ? ca->text : "", cb->text ? cb->text : "");
  if (sort->descending)
    c = -c;
  /* ties by key, always ascending, so the order is stable and predictable */
  return c ? c : g_ascii_strcasecmp (mls_entry_get_key (ra->entry),
                                     mls_entry_get_key (rb->entry));
}

static const ZooCategory *
find_category (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (zoo_categories); i++)
    if (g_ascii_strcasecmp (name, zoo_categories[i].name) == 0 ||
        g_ascii_strcasecmp (name, zoo_categories[i].category) == 0)
      return &zoo_categories[i];
  return NULL;
}

static char *
category_list (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (zoo_categories); i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", zoo_categories[i].name);
  return g_string_free (s, FALSE);
}

static void
add_provenance_json (JsonBuilder   *b,
                     MlsProvenance *prov)
{
  json_builder_set_member_name (b, "provenance");
  if (prov == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, mls_provenance_kind_to_string (
                                      mls_provenance_get_kind (prov)));
  json_builder_set_member_name (b, "ref");
  json_builder_add_string_value (b, mls_provenance_get_reference (prov));
  json_builder_set_member_name (b, "url");
  if (mls_provenance_get_url (prov))
    json_builder_add_string_value (b, mls_provenance_get_url (prov));
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "verified");
  json_builder_add_string_value (b, mls_provenance_get_verified (prov));
  json_builder_set_member_name (b, "notes");
  if (mls_provenance_get_notes (prov))
    json_builder_add_string_value (b, mls_provenance_get_notes (prov));
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
}

static gboolean
has_column (const ZooCategory *zoo,
            const char        *id)
{
  for (guint c = 0; c < zoo->n_columns; c++)
    if (strcmp (zoo->columns[c].id, id) == 0)
      return TRUE;
  return FALSE;
}

static void
print_json (const ZooCategory *zoo,
            GArray            *rows)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);

      json_builder_begin_object (b);
      for (guint c = 0; c < zoo->n_columns; c++)
        {
          Cell *cell = &row->cells[c];
          const MlsFieldSpec *spec = zoo->columns[c].path
                                       ? mls_entry_get_field_spec (row->entry,
                                                                   zoo->columns[c].path)
                                       : NULL;

          json_builder_set_member_name (b, zoo->columns[c].id);
          if (cell->text == NULL)
            json_builder_add_null_value (b);
          else if (cell->integer)
            json_builder_add_int_value (b, (gint64) cell->number);
          else if (spec != NULL && spec->type == MLS_FIELD_NUMBER)
            json_builder_add_double_value (b, cell->number);
          else if (spec != NULL && spec->type == MLS_FIELD_STRING_LIST)
            {
              const char * const *list = mls_entry_get_string_list (row->entry,
                                                                    zoo->columns[c].path);
              json_builder_begin_array (b);
              for (guint i = 0; list && list[i]; i++)
                json_builder_add_string_value (b, list[i]);
              json_builder_end_array (b);
            }
          else
            json_builder_add_string_value (b, cell->text);
        }
      if (mls_entry_get_description (row->entry) != NULL && !has_column (zoo, "description"))
        {
          json_builder_set_member_name (b, "description");
          json_builder_add_string_value (b, mls_entry_get_description (row->entry));
        }
      add_provenance_json (b, mls_entry_get_provenance (row->entry));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  mls_cli_print_json (root);
}

static gboolean
column_is_numeric (GArray *rows,
                   guint   c)
{
  for (guint r = 0; r < rows->len; r++)
    {
      Cell *cell = &g_array_index (rows, Row, r).cells[c];
      if (cell->text != NULL && !cell->numeric)
        return FALSE;
    }
  return TRUE;
}

static void
print_text (const ZooCategory *zoo,
            GArray            *rows)
{
  g_autofree guint *width = g_new0 (guint, zoo->n_columns);
  g_autofree gboolean *right = g_new0 (gboolean, zoo->n_columns);

  for (guint c = 0; c < zoo->n_columns; c++)
    {
      if (!zoo->columns[c].in_text)
        continue;
      width[c] = g_utf8_strlen (_(zoo->columns[c].header), -1);
      right[c] = column_is_numeric (rows, c);
      for (guint r = 0; r < rows->len; r++)
        {
          const char *t = g_array_index (rows, Row, r).cells[c].text;
          width[c] = MAX (width[c], t ? (guint) g_utf8_strlen (t, -1) : 1);
        }
    }

  for (int r = -1; r < (int) rows->len; r++)
    {
      GString *line = g_string_new (NULL);

      for (guint c = 0; c < zoo->n_columns; c++)
        {
          const char *t;
          guint pad;

          if (!zoo->columns[c].in_text)
            continue;
          t = r < 0 ? _(zoo->columns[c].header) : g_array_index (rows, Row, r).cells[c].text;
          if (t == NULL)
            t = "–";
          pad = width[c] - g_utf8_strlen (t, -1);
          if (line->len > 0)
            g_string_append (line, "  ");
          if (right[c] && r >= 0)
            {
              for (guint i = 0; i < pad; i++)
                g_string_append_c (line, ' ');
              g_string_append (line, t);
            }
          else
            {
              g_string_append (line, t);
              for (guint i = 0; i < pad; i++)
                g_string_append_c (line, ' ');
            }
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
      g_string_free (line, TRUE);
    }
}

static void
append_markdown_cell (GString    *s,
                      const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '|')
        g_string_append (s, "\\|");
      else if (*p == '\n')
        g_string_append_c (s, ' ');
      else
        g_string_append_c (s, *p);
    }
}

static void
print_markdown (const ZooCategory *zoo,
                GArray            *rows)
{
  GString *s = g_string_new ("|");

  for (guint c = 0; c < zoo->n_columns; c++)
    g_string_append_printf (s, " %s |", _(zoo->columns[c].header));
  g_string_append (s, "\n|");
  for (guint c = 0; c < zoo->n_columns; c++)
    g_string_append (s, column_is_numeric (rows, c) ? " ---: |" : " --- |");
  g_string_append_c (s, '\n');
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);

      g_string_append_c (s, '|');
      for (guint c = 0; c < zoo->n_columns; c++)
        {
          g_string_append_c (s, ' ');
          append_markdown_cell (s, row->cells[c].text ? row->cells[c].text : "–");
          g_string_append (s, " |");
        }
      g_string_append_c (s, '\n');
    }
  g_print ("%s", s->str);
  g_string_free (s, TRUE);
}

static void
print_html (const ZooCategory *zoo,
            GArray            *rows)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "<table class=\"mlsysim-zoo\" data-category=\"%s\">\n<thead><tr>",
                          zoo->name);
  for (guint c = 0; c < zoo->n_columns; c++)
    {
      g_autofree char *h = g_markup_escape_text (_(zoo->columns[c].header), -1);
      g_string_append_printf (s, "<th>%s</th>", h);
    }
  g_string_append (s, "</tr></thead>\n<tbody>\n");
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);

      g_string_append (s, "<tr>");
      for (guint c = 0; c < zoo->n_columns; c++)
        {
          g_autofree char *t = g_markup_escape_text (row->cells[c].text ? row->cells[c].text
                                                                        : "", -1);
          g_string_append_printf (s, "<td>%s</td>", t);
        }
      g_string_append (s, "</tr>\n");
    }
  g_string_append (s, "</tbody>\n</table>\n");
  g_print ("%s", s->str);
  g_string_free (s, TRUE);
}

static void
append_csv_cell (GString    *s,
                 const char *text)
{
  if (strpbrk (text, ",\"\n\r") == NULL)
    {
      g_string_append (s, text);
      return;
    }
  g_string_append_c (s, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
}

static void
print_csv (const ZooCategory *zoo,
           GArray            *rows)
{
  GString *s = g_string_new (NULL);

  for (guint c = 0; c < zoo->n_columns; c++)
    {
      if (c)
        g_string_append_c (s, ',');
      append_csv_cell (s, zoo->columns[c].id);
    }
  g_string_append (s, ",provenance_kind,provenance_ref,provenance_url,provenance_verified\r\n");
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);
      MlsProvenance *prov = mls_entry_get_provenance (row->entry);

      for (guint c = 0; c < zoo->n_columns; c++)
        {
          if (c)
            g_string_append_c (s, ',');
          append_csv_cell (s, row->cells[c].text ? row->cells[c].text : "");
        }
      g_string_append_c (s, ',');
      append_csv_cell (s, prov ? mls_provenance_kind_to_string (mls_provenance_get_kind (prov))
                               : "");
      g_string_append_c (s, ',');
      append_csv_cell (s, prov ? mls_provenance_get_reference (prov) : "");
      g_string_append_c (s, ',');
      append_csv_cell (s, prov && mls_provenance_get_url (prov) ? mls_provenance_get_url (prov)
                                                                : "");
      g_string_append_c (s, ',');
      append_csv_cell (s, prov ? mls_provenance_get_verified (prov) : "");
      g_string_append (s, "\r\n");
    }
  g_print ("%s", s->str);
  g_string_free (s, TRUE);
}

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_object_unref (row->entry);
  g_free (row->cells);
}

int
mls_cli_zoo (MlsCli *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sort_field = NULL;
  gboolean reverse = FALSE;
  GOptionEntry entries[] = {
    { "sort", 's', 0, G_OPTION_ARG_STRING, &sort_field,
      N_("Sort by a column or a field path (default: peak FLOP/s for hardware, parameters for "
         "models)"), N_("FIELD") },
    { "reverse", 'r', 0, G_OPTION_ARG_NONE, &reverse, N_("Reverse the order"), NULL },
    { NULL },
  };
  g_autofree char *categories = category_list ();
  g_autofree char *description = NULL;
  const ZooCategory *zoo;
  MlsRegistry *registry;
  GListModel *model;
  g_autoptr(GArray) rows = NULL;
  SortSpec sort = { 0, FALSE };
  guint n_columns;
  const char *sort_path = NULL;

  context = mls_cli_option_context (cli, entries);
  description = g_strdup_printf (_("Categories: %s.\n\n"
                                   "Examples:\n"
                                   "  mlsysim zoo hardware\n"
                                   "  mlsysim zoo models --sort layers\n"
                                   "  mlsysim zoo hardware --sort memory.bandwidth -o json\n\n"
                                   "Output formats: text, json, markdown, html, csv.\n"),
                                 categories);
  g_option_context_set_description (context, description);
  if (!mls_cli_parse_options (cli, context, &argc, &argv))
    return MLS_EXIT_BAD_INPUT;
  if (argc != 2)
    {
      g_autofree char *reason = g_strdup_printf (_("Expected one category: %s"), categories);
      return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), reason);
    }
  zoo = find_category (argv[1]);
  if (zoo == NULL)
    {
      const char *names[G_N_ELEMENTS (zoo_categories) + 1];
      g_auto(GStrv) near = NULL;
      g_autofree char *reason = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (zoo_categories); i++)
        names[i] = zoo_categories[i].name;
      names[G_N_ELEMENTS (zoo_categories)] = NULL;
      near = mls_suggest_nearest (argv[1], names, 1);
      if (near[0] != NULL)
        reason = g_strdup_printf (_("Unknown category “%s”; did you mean “%s”? Categories: %s"),
                                  argv[1], near[0], categories);
      else
        reason = g_strdup_printf (_("Unknown category “%s”; categories: %s"), argv[1],
                                  categories);
      return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), reason);
    }

  registry = mls_registry_get_default (&error);
  if (registry == NULL)
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Registry Error"), error);
  for (const char * const *n = mls_registry_get_notices (registry); *n != NULL; n++)
    g_printerr ("mlsysim: %s: %s\n", _("notice"), *n);

  /* the sort key: a column, or any field path of the entries */
  n_columns = zoo->n_columns;
  if (sort_field == NULL)
    sort_field = g_strdup (zoo->default_sort);
  sort.column = G_MAXUINT;
  for (guint c = 0; c < zoo->n_columns; c++)
    if (strcmp (sort_field, zoo->columns[c].id) == 0 ||
        g_strcmp0 (sort_field, zoo->columns[c].path) == 0)
      sort.column = c;
  if (sort.column == G_MAXUINT)
    {
      GType type = G_TYPE_INVALID;
      g_autoptr(GTypeClass) klass = NULL;

      model = mls_registry_get_category (registry, zoo->category);
      if (g_list_model_get_n_items (model) > 0)
        {
          g_autoptr(MlsEntry) first = g_list_model_get_item (model, 0);
          type = G_OBJECT_TYPE (first);
        }
      if (type != G_TYPE_INVALID)
        klass = g_type_class_ref (type);
      if (klass == NULL || mls_entry_class_find_field ((MlsEntryClass *) klass, sort_field) == NULL)
        {
          GString *ids = g_string_new (NULL);
          g_autofree char *reason = NULL;

          for (guint c = 0; c < zoo->n_columns; c++)
            g_string_append_printf (ids, "%s%s", c ? ", " : "", zoo->columns[c].id);
          reason = g_strdup_printf (_("Cannot sort %s by “%s”; use a column (%s) or a field "
                                      "path such as memory.bandwidth"), zoo->name, sort_field,
                                    ids->str);
          g_string_free (ids, TRUE);
          return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), reason);
        }
      sort_path = sort_field;
      sort.column = n_columns; /* an extra, hidden cell */
    }
  sort.descending = (sort_field != NULL && strcmp (sort_field, zoo->default_sort) == 0 &&
                     zoo->default_descending);
  if (reverse)
    sort.descending = !sort.descending;

  model = mls_registry_get_category (registry, zoo->category);
  rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (rows, clear_row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      Row row;

      row.entry = g_list_model_get_item (model, i);
      row.cells = g_new0 (Cell, n_columns + 1);
      for (guint c = 0; c < n_columns; c++)
        fill_cell (row.entry, &zoo->columns[c], zoo->columns[c].path, &row.cells[c]);
      if (sort_path != NULL)
        fill_cell (row.entry, NULL, sort_path, &row.cells[n_columns]);
      g_array_append_val (rows, row);
    }
  g_array_sort_with_data (rows, compare_rows, &sort);

  switch (cli->format)
    {
    case MLS_FORMAT_JSON:
      print_json (zoo, rows);
      break;
    case MLS_FORMAT_MARKDOWN:
      print_markdown (zoo, rows);
      break;
    case MLS_FORMAT_HTML:
      print_html (zoo, rows);
      break;
    case MLS_FORMAT_CSV:
      print_csv (zoo, rows);
      break;
    case MLS_FORMAT_TEXT:
    default:
      print_text (zoo, rows);
      break;
    }

  /* the hidden sort cells are freed with the rows; free their texts */
  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c <= n_columns; c++)
      g_free (g_array_index (rows, Row, r).cells[c].text);
  return MLS_EXIT_OK;
}
