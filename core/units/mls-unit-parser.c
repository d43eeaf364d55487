/* mls-unit-parser.c — parsing unit expressions such as "TB/s", "g/kWh" or "kg·m^2·s^-3"
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mls-units-private.h"

#define MICRO_SIGN "\xc2\xb5"
#define GREEK_MU   "\xce\xbc"
#define MIDDLE_DOT "\xc2\xb7"
#define SUPER_TWO  "\xc2\xb2"
#define SUPER_THREE "\xc2\xb3"

static gboolean
is_ident_start (const char *p)
{
  return g_ascii_isalpha (*p) || *p == '$' || *p == '%' ||
         strncmp (p, MICRO_SIGN, 2) == 0 || strncmp (p, GREEK_MU, 2) == 0;
}

gboolean
mls_unit_starts_unit (const char *p)
{
  return is_ident_start (p);
}

static gsize
ident_length (const char *p)
{
  gsize n = 0;

  if (*p == '$' || *p == '%')
    return 1;
  while (p[n] != '\0')
    {
      if (g_ascii_isalnum (p[n]) || p[n] == '_')
        n++;
      else if (strncmp (p + n, MICRO_SIGN, 2) == 0 || strncmp (p + n, GREEK_MU, 2) == 0)
        n += 2;
      else
        break;
    }
  return n;
}

static gsize
skip_spaces (const char *text,
             gsize       pos)
{
  while (text[pos] == ' ' || text[pos] == '\t')
    pos++;
  return pos;
}

/* An operator inside a unit: '/', '*', '·' or '×'. Returns its byte length, or 0. */
static gsize
unit_operator (const char *p,
               gboolean   *divide)
{
  if (*p == '/' || *p == '*')
    {
      *divide = (*p == '/');
      return 1;
    }
  if (strncmp (p, MIDDLE_DOT, 2) == 0)
    {
      *divide = FALSE;
      return 2;
    }
  return 0;
}

static gboolean
parse_exponent (const char *text,
                gsize      *pos,
                int        *exponent,
                GError    **error)
{
  gsize p = *pos;

  if (strncmp (text + p, SUPER_TWO, 2) == 0)
    {
      *exponent = 2;
      *pos = p + 2;
      return TRUE;
    }
  if (strncmp (text + p, SUPER_THREE, 2) == 0)
    {
      *exponent = 3;
      *pos = p + 2;
      return TRUE;
    }
  if (text[p] != '^')
    {
      *exponent = 1;
      return TRUE;
    }

  p++;
  gboolean negative = FALSE;
  if (text[p] == '-' || text[p] == '+')
    negative = (text[p++] == '-');
  if (!g_ascii_isdigit (text[p]))
    {
      g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_PARSE,
                   _("“%s”, character %zu: expected a whole-number exponent after “^”"),
                   text, p + 1);
      return FALSE;
    }
  int value = 0;
  while (g_ascii_isdigit (text[p]) && value < 100)
    value = value * 10 + (text[p++] - '0');
  if (value > 12)
    {
      g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_RANGE,
                   _("“%s”, character %zu: exponent %d is too large"), text, *pos + 1, value);
      return FALSE;
    }
  *exponent = negative ? -value : value;
  *pos = p;
  return TRUE;
}

static gboolean
parse_term (const char *text,
            gsize      *pos,
            double     *factor,
            gint8       dims[MLS_N_DIMENSIONS],
            GError    **error)
{
  gsize start = *pos;
  gsize len = ident_length (text + start);
  int exponent;

  if (len == 0)
    {
      g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_PARSE,
                   _("“%s”, character %zu: expected a unit such as “GB/s”, “TFLOP/s” or “ms”"),
                   text, start + 1);
      return FALSE;
    }
  if (!mls_unit_lookup (text + start, len, factor, dims))
    {
      g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_UNKNOWN_UNIT,
                   _("“%s”, character %zu: unknown unit “%.*s” (known units include B, bit, "
                     "FLOP, FLOP/s, TOPS, W, J, kWh, s, h, g, USD, L, param; prefixes k M G T P "
                     "E Z, m µ n, and Ki Mi Gi Ti Pi for data)"),
                   text, start + 1, (int) len, text + start);
      return FALSE;
    }
  *pos = start + len;
  if (!parse_exponent (text, pos, &exponent, error))
    return FALSE;
  if (exponent != 1)
    {
      double f = 1.0;
      for (int i = 0; i < ABS (exponent); i++)
        f *= *factor;
      *factor = exponent > 0 ? f : 1.0 / f;
      for (int d = 0; d < MLS_N_DIMENSIONS; d++)
        dims[d] = (gint8) (dims[d] * exponent);
    }
  return TRUE;
}

gboolean
mls_unit_parse_expr (const char *text,
                     gsize      *pos,
                     double     *factor,
                     gint8       dims[MLS_N_DIMENSIONS],
                     GError    **error)
{
  gsize p = *pos;
  gboolean divide = FALSE;

  *factor = 1.0;
  memset (dims, 0, MLS_N_DIMENSIONS);

  /* "12 /s" is a rate: a unit may open with a division. */
  if (text[p] == '/')
    {
      divide = TRUE;
      p = skip_spaces (text, p + 1);
    }

  for (;;)
    {
      double term_factor;
      gint8 term_dims[MLS_N_DIMENSIONS];
      gsize after, op_len;
      gboolean next_divide = FALSE;

      if (!parse_term (text, &p, &term_factor, term_dims, error))
        return FALSE;
      *factor = divide ? *factor / term_factor : *factor * term_factor;
      for (int d = 0; d < MLS_N_DIMENSIONS; d++)
        {
          /* in int, so that a long product of units cannot wrap around into range */
          int e = dims[d] + (divide ? -term_dims[d] : term_dims[d]);
          if (e > G_MAXINT8 || e < G_MININT8)
            {
              g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_RANGE,
                           _("“%s”, character %zu: the unit's exponents are too large"), text,
                           p + 1);
              return FALSE;
            }
          dims[d] = (gint8) e;
        }

      /* Only an operator followed by another unit name continues the unit; "TFLOP/s / 3 TB/s"
       * leaves the second '/' to the expression parser. A trailing operator is an error. */
      after = skip_spaces (text, p);
      op_len = unit_operator (text + after, &next_divide);
      if (op_len == 0)
        break;
      gsize next = skip_spaces (text, after + op_len);
      if (!is_ident_start (text + next))
        {
          if (text[next] == '\0')
            {
              g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_PARSE,
                           _("“%s”, character %zu: expected a unit after “%.*s”"), text,
                           next + 1, (int) op_len, text + after);
              return FALSE;
            }
          break;
        }
      divide = next_divide;
      p = next;
    }

  *pos = p;
  return TRUE;
}
