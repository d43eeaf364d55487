/* mls-expression.c — evaluating quantity expressions such as "989 TFLOP/s / 3.35 TB/s"
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mls-units-private.h"

#define TIMES_SIGN  "\xc3\x97"
#define DIVIDE_SIGN "\xc3\xb7"
#define MAX_DEPTH   64

typedef struct
{
  const char *text;
  gsize       pos;
  int         depth;
} Parser;

static gboolean parse_sum (Parser *p, MlsQuantity *out, GError **error);

static void
skip (Parser *p)
{
  while (p->text[p->pos] == ' ' || p->text[p->pos] == '\t')
    p->pos++;
}

static gboolean
parse_factor (Parser      *p,
              MlsQuantity *out,
              GError     **error)
{
  gboolean negate = FALSE;

  /* Unary minus in a loop, not by recursion, so that "------…1" cannot exhaust the stack. */
  skip (p);
  while (p->text[p->pos] == '-')
    {
      negate = !negate;
      p->pos++;
      skip (p);
    }
  if (negate)
    {
      if (!parse_factor (p, out, error))
        return FALSE;
      out->value = -out->value;
      return TRUE;
    }
  if (p->text[p->pos] == '(')
    {
      if (++p->depth > MAX_DEPTH)
        {
          g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_PARSE,
                       _("“%s”, character %zu: parentheses are nested too deeply"), p->text,
                       p->pos + 1);
          return FALSE;
        }
      p->pos++;
      if (!parse_sum (p, out, error))
        return FALSE;
      skip (p);
      if (p->text[p->pos] != ')')
        {
          g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_PARSE,
                       _("“%s”, character %zu: expected “)”"), p->text, p->pos + 1);
          return FALSE;
        }
      p->pos++;
      p->depth--;
      return TRUE;
    }
  return mls_quantity_parse_at (p->text, &p->pos, out, error);
}

/* A result that overflows or divides by zero is an error, as an infinite number in the text
 * is: nothing downstream can use it. */
static gboolean
check_finite (Parser            *p,
              gsize              op_pos,
              const MlsQuantity *result,
              GError           **error)
{
  if (isfinite (result->value))
    return TRUE;
  g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_RANGE,
               _("“%s”, character %zu: the result is not a finite number (a division by zero "
                 "or an overflow)"),
               p->text, op_pos + 1);
  return FALSE;
}

static gsize
product_operator (const char *s,
                  gboolean   *divide)
{
  if (*s == '*' || *s == '/')
    {
      *divide = (*s == '/');
      return 1;
    }
  if (strncmp (s, TIMES_SIGN, 2) == 0 || strncmp (s, DIVIDE_SIGN, 2) == 0)
    {
      *divide = (strncmp (s, DIVIDE_SIGN, 2) == 0);
      return 2;
    }
  return 0;
}

static gboolean
parse_product (Parser      *p,
               MlsQuantity *out,
               GError     **error)
{
  if (!parse_factor (p, out, error))
    return FALSE;
  for (;;)
    {
      gboolean divide = FALSE;
      gsize len, op_pos;
      MlsQuantity rhs;

      skip (p);
      op_pos = p->pos;
      len = product_operator (p->text + p->pos, &divide);
      if (len == 0)
        return TRUE;
      p->pos += len;
      if (!parse_factor (p, &rhs, error))
        return FALSE;
      /* dimension exponents are 8-bit: refuse a product that would wrap around */
      for (int d = 0; d < MLS_N_DIMENSIONS; d++)
        {
          int e = out->dims[d] + (divide ? -rhs.dims[d] : rhs.dims[d]);
          if (e > G_MAXINT8 || e < G_MININT8)
            {
              g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_RANGE,
                           _("“%s”, character %zu: the result's units have exponents too large "
                             "to represent"),
                           p->text, op_pos + 1);
              return FALSE;
            }
        }
      if (divide)
        mls_quantity_divide (out, &rhs, out);
      else
        mls_quantity_multiply (out, &rhs, out);
      if (!check_finite (p, op_pos, out, error))
        return FALSE;
    }
}

static gboolean
parse_sum (Parser      *p,
           MlsQuantity *out,
           GError     **error)
{
  if (!parse_product (p, out, error))
    return FALSE;
  for (;;)
    {
      MlsQuantity rhs;
      gsize op_pos;
      char op;

      skip (p);
      op_pos = p->pos;
      op = p->text[p->pos];
      if (op != '+' && op != '-')
        return TRUE;
      p->pos++;
      if (!parse_product (p, &rhs, error))
        return FALSE;
      if (op == '+' ? !mls_quantity_add (out, &rhs, out, error)
                    : !mls_quantity_subtract (out, &rhs, out, error))
        {
          g_prefix_error (error, _("“%s”, character %zu: "), p->text, op_pos + 1);
          return FALSE;
        }
      if (!check_finite (p, op_pos, out, error))
        return FALSE;
    }
}

/**
 * mls_quantity_evaluate:
 * @expression: an expression of quantities, such as "700 W * 24 h" or
 *   "989 TFLOP/s / 3.35 TB/s"
 * @out: (out caller-allocates): the result
 * @error: return location for a #GError
 *
 * Evaluates `+ - * /` (also `×` and `÷`) and parentheses over numbers with units. Inside a
 * quantity, `/` followed by a unit name belongs to the unit ("TB/s"); followed by a number or a
 * parenthesis it divides. Adding quantities of different kinds is an error that names both,
 * and so is a result that is not finite (a division by zero, an overflow).
 *
 * Returns: (skip): %TRUE on success
 */
gboolean
mls_quantity_evaluate (const char  *expression,
                       MlsQuantity *out,
                       GError     **error)
{
  Parser p = { expression ? expression : "", 0, 0 };

  g_return_val_if_fail (out != NULL, FALSE);

  if (!parse_sum (&p, out, error))
    return FALSE;
  skip (&p);
  if (p.text[p.pos] != '\0')
    {
      g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_PARSE,
                   _("“%s”, character %zu: unexpected “%s”"), p.text, p.pos + 1, p.text + p.pos);
      return FALSE;
    }
  return TRUE;
}
