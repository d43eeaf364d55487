/* mls-json-private.c — JSON text with numbers as short as they can be and still read back
 *
 * json-glib prints every double with 17 significant digits, so 8.03e9 × 2 B reads
 * "16.059999999999999"; people and scripts expect "16.06", the shortest text that parses to
 * the same double (what Python's json module writes). Indented by two spaces.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mls-json-private.h"

static void
write_double (GString *s,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  if (!isfinite (value))
    {
      g_string_append (s, "null");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (s, buf);
  /* Keep it a JSON float: Python writes 5.0, not 5. */
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (s, ".0");
}

static void
write_string (GString    *s,
              const char *text)
{
  g_string_append_c (s, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;
      switch (c)
        {
        case '"':
          g_string_append (s, "\\\"");
          break;
        case '\\':
          g_string_append (s, "\\\\");
          break;
        case '\n':
          g_string_append (s, "\\n");
          break;
        case '\t':
          g_string_append (s, "\\t");
          break;
        case '\r':
          g_string_append (s, "\\r");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (s, "\\u%04x", c);
          else
            g_string_append_c (s, c);
        }
    }
  g_string_append_c (s, '"');
}

static void
indent (GString *s,
        guint    depth)
{
  g_string_append_c (s, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (s, "  ");
}

static void
write_node (GString  *s,
            JsonNode *node,
            guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (s, "{}");
            break;
          }
        g_string_append_c (s, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            indent (s, depth + 1);
            write_string (s, l->data);
            g_string_append (s, ": ");
            write_node (s, json_object_get_member (object, l->data), depth + 1);
            if (l->next != NULL)
              g_string_append_c (s, ',');
          }
        indent (s, depth);
        g_string_append_c (s, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (s, "[]");
            break;
          }
        g_string_append_c (s, '[');
        for (guint i = 0; i < n; i++)
          {
            indent (s, depth + 1);
            write_node (s, json_array_get_element (array, i), depth + 1);
            if (i + 1 < n)
              g_string_append_c (s, ',');
          }
        indent (s, depth);
        g_string_append_c (s, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_BOOLEAN:
          g_string_append (s, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (s, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          write_double (s, json_node_get_double (node));
          break;
        case G_TYPE_STRING:
        default:
          write_string (s, json_node_get_string (node) ? json_node_get_string (node) : "");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (s, "null");
      break;
    }
}

/* Pretty-printed JSON, two-space indent, shortest round-trip numbers, no final newline. */
char *
mls_json_write (JsonNode *node)
{
  GString *s = g_string_new (NULL);

  write_node (s, node, 0);
  return g_string_free (s, FALSE);
}
