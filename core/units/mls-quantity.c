/* mls-quantity.c — a value with physical dimensions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mls-units-private.h"

G_DEFINE_QUARK (mls-units-error-quark, mls_units_error)
G_DEFINE_BOXED_TYPE (MlsQuantity, mls_quantity, mls_quantity_copy, mls_quantity_free)

/**
 * mls_quantity_copy:
 * @self: a #MlsQuantity
 *
 * Returns: (transfer full): a newly allocated copy of @self
 */
MlsQuantity *
mls_quantity_copy (const MlsQuantity *self)
{
  return g_memdup2 (self, sizeof *self);
}

/**
 * mls_quantity_free:
 * @self: a #MlsQuantity from mls_quantity_copy() or a constructor
 */
void
mls_quantity_free (MlsQuantity *self)
{
  g_free (self);
}

/**
 * mls_quantity_scalar: (skip)
 * @value: a number
 *
 * Bindings cannot receive a struct by value; they use mls_quantity_new() instead.
 *
 * Returns: @value as a dimensionless quantity
 */
MlsQuantity
mls_quantity_scalar (double value)
{
  MlsQuantity q = { value, { 0 } };
  return q;
}

/**
 * mls_quantity_make: (skip)
 * @value: the magnitude in base units
 * @time: exponent of time
 * @length: exponent of length
 * @mass: exponent of mass
 * @data: exponent of data
 * @ops: exponent of operations
 * @currency: exponent of currency
 *
 * Bindings cannot receive a struct by value; they use mls_quantity_new() instead.
 *
 * Returns: the quantity with these base-unit dimensions
 */
MlsQuantity
mls_quantity_make (double value,
                   int    time,
                   int    length,
                   int    mass,
                   int    data,
                   int    ops,
                   int    currency)
{
  MlsQuantity q = { value, { time, length, mass, data, ops, currency } };
  return q;
}

/* Reads a plain decimal number at text[*pos]. Refuses "nan", "inf" and hexadecimal, which
 * strtod would accept, and overflow to infinity. */
static gboolean
parse_number (const char *text,
              gsize      *pos,
              double     *value,
              GError    **error)
{
  const char *start = text + *pos;
  const char *p = start;
  char *end = NULL;

  if (*p == '+' || *p == '-')
    p++;
  if (!g_ascii_isdigit (*p) && !(*p == '.' && g_ascii_isdigit (p[1])))
    {
      if (*start == '\0' && *pos == 0)
        g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_PARSE,
                     _("“%s”, character 1: expected a number with a unit, such as “3.35 TB/s”"),
                     text);
      else if (*start == '\0')
        g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_PARSE,
                     _("“%s”, character %zu: expected a number at the end"), text, *pos + 1);
      else
        g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_PARSE,
                     _("“%s”, character %zu: expected a number, such as “3.35 TB/s”"), text,
                     *pos + 1);
      return FALSE;
    }
  for (const char *x = p; g_ascii_isxdigit (*x) || *x == 'x' || *x == 'X'; x++)
    if (*x == 'x' || *x == 'X')
      {
        g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_PARSE,
                     _("“%s”, character %zu: hexadecimal numbers are not accepted"), text,
                     *pos + 1);
        return FALSE;
      }

  *value = g_ascii_strtod (start, &end);
  if (!isfinite (*value))
    {
      g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_RANGE,
                   _("“%s”, character %zu: the number is too large to represent"), text,
                   *pos + 1);
      return FALSE;
    }
  *pos = (gsize) (end - text);
  return TRUE;
}

/* Parses "number [unit]" at text[*pos]; shared by mls_quantity_parse() and the expression
 * evaluator. */
gboolean
mls_quantity_parse_at (const char  *text,
                       gsize       *pos,
                       MlsQuantity *out,
                       GError     **error)
{
  double value, factor = 1.0;
  gint8 dims[MLS_N_DIMENSIONS] = { 0 };
  gsize p = *pos;

  gsize unit_pos;

  if (!parse_number (text, &p, &value, error))
    return FALSE;
  unit_pos = p;
  while (text[unit_pos] == ' ' || text[unit_pos] == '\t')
    unit_pos++;
  if (mls_unit_starts_unit (text + unit_pos) ||
      (text[unit_pos] == '/' && mls_unit_starts_unit (text + unit_pos + 1)))
    {
      p = unit_pos;
      if (!mls_unit_parse_expr (text, &p, &factor, dims, error))
        return FALSE;
    }

  out->value = value * factor;
  memcpy (out->dims, dims, MLS_N_DIMENSIONS);
  if (!isfinite (out->value))
    {
      g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_RANGE,
                   _("“%s”, character %zu: the value is too large to represent in base units"),
                   text, *pos + 1);
      return FALSE;
    }
  *pos = p;
  return TRUE;
}

/**
 * mls_quantity_parse:
 * @text: a number with a unit, such as "3.35 TB/s", "80 GiB" or "500 ns"
 * @out: (out caller-allocates): the parsed quantity
 * @error: return location for a #GError
 *
 * Parses a quantity. A number without a unit is a dimensionless quantity; callers that need
 * units check the dimension with mls_quantity_check_dimension().
 *
 * Returns: (skip): %TRUE on success; %FALSE with an error naming the position otherwise
 */
gboolean
mls_quantity_parse (const char  *text,
                    MlsQuantity *out,
                    GError     **error)
{
  gsize pos = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    text = "";
  while (text[pos] == ' ' || text[pos] == '\t')
    pos++;
  if (!mls_quantity_parse_at (text, &pos, out, error))
    return FALSE;
  while (text[pos] == ' ' || text[pos] == '\t')
    pos++;
  if (text[pos] != '\0')
    {
      g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_PARSE,
                   _("“%s”, character %zu: unexpected “%s” after the quantity"), text, pos + 1,
                   text + pos);
      return FALSE;
    }
  return TRUE;
}

/**
 * mls_quantity_new_parse:
 * @text: a number with a unit
 * @error: return location for a #GError
 *
 * Like mls_quantity_parse(), for bindings.
 *
 * Returns: (transfer full) (nullable): a new quantity, or %NULL on error
 */
MlsQuantity *
mls_quantity_new_parse (const char *text,
                        GError    **error)
{
  MlsQuantity q;

  if (!mls_quantity_parse (text, &q, error))
    return NULL;
  return mls_quantity_copy (&q);
}

/**
 * mls_quantity_from_unit:
 * @value: a magnitude
 * @unit: a unit expression, such as "GB/s"
 * @out: (out caller-allocates): the quantity
 * @error: return location for a #GError
 *
 * Returns: (skip): %TRUE if @unit is a known unit
 */
gboolean
mls_quantity_from_unit (double       value,
                        const char  *unit,
                        MlsQuantity *out,
                        GError     **error)
{
  double factor = 1.0;
  gsize pos = 0;

  memset (out->dims, 0, MLS_N_DIMENSIONS);
  if (unit != NULL && *unit != '\0')
    {
      if (!mls_unit_parse_expr (unit, &pos, &factor, out->dims, error))
        return FALSE;
      if (unit[pos] != '\0')
        {
          g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_PARSE,
                       _("“%s”, character %zu: unexpected “%s” in the unit"), unit, pos + 1,
                       unit + pos);
          return FALSE;
        }
    }
  out->value = value * factor;
  return TRUE;
}

/**
 * mls_quantity_new:
 * @value: a magnitude
 * @unit: a unit expression, such as "TFLOP/s"
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a new quantity, or %NULL if @unit is unknown
 */
MlsQuantity *
mls_quantity_new (double      value,
                  const char *unit,
                  GError    **error)
{
  MlsQuantity q;

  if (!mls_quantity_from_unit (value, unit, &q, error))
    return NULL;
  return mls_quantity_copy (&q);
}

/**
 * mls_quantity_get_exponent:
 * @self: a #MlsQuantity
 * @dimension: a base dimension
 *
 * Returns: the exponent of @dimension in @self (2 for area, -1 for "per second")
 */
int
mls_quantity_get_exponent (const MlsQuantity *self,
                           MlsDimension       dimension)
{
  g_return_val_if_fail ((guint) dimension < MLS_N_DIMENSIONS, 0);
  return self->dims[dimension];
}

/**
 * mls_quantity_same_dimension:
 * @a: a #MlsQuantity
 * @b: a #MlsQuantity
 *
 * Returns: whether @a and @b have the same dimensions
 */
gboolean
mls_quantity_same_dimension (const MlsQuantity *a,
                             const MlsQuantity *b)
{
  return memcmp (a->dims, b->dims, MLS_N_DIMENSIONS) == 0;
}

/**
 * mls_quantity_is_dimensionless:
 * @self: a #MlsQuantity
 *
 * Returns: whether @self is a plain number (a count or a ratio)
 */
gboolean
mls_quantity_is_dimensionless (const MlsQuantity *self)
{
  static const gint8 zero[MLS_N_DIMENSIONS] = { 0 };
  return memcmp (self->dims, zero, MLS_N_DIMENSIONS) == 0;
}

static void
set_dimension_error (GError           **error,
                     const char        *verb,
                     const MlsQuantity *a,
                     const MlsQuantity *b)
{
  g_autofree char *da = mls_quantity_describe_dimension (a);
  g_autofree char *db = mls_quantity_describe_dimension (b);

  g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION,
               _("Cannot %s %s and %s: only quantities of the same kind can be added, "
                 "subtracted or compared"),
               verb, da, db);
}

/**
 * mls_quantity_convert:
 * @self: a #MlsQuantity
 * @unit: a unit expression, such as "GB/s"
 * @out_value: (out): the magnitude of @self in @unit
 * @error: return location for a #GError
 *
 * Returns: (skip): %TRUE on success; %FALSE if @unit is unknown or of another dimension
 */
gboolean
mls_quantity_convert (const MlsQuantity *self,
                      const char        *unit,
                      double            *out_value,
                      GError           **error)
{
  MlsQuantity target;

  if (!mls_quantity_from_unit (1.0, unit, &target, error))
    return FALSE;
  if (!mls_quantity_same_dimension (self, &target))
    {
      g_autofree char *have = mls_quantity_describe_dimension (self);
      g_autofree char *want = mls_quantity_describe_dimension (&target);

      g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION,
                   _("Cannot convert %s to “%s”, which measures %s"), have, unit, want);
      return FALSE;
    }
  *out_value = self->value / target.value;
  return TRUE;
}

/**
 * mls_quantity_check_dimension:
 * @self: a #MlsQuantity
 * @unit: a unit of the expected dimension, such as "B/s"
 * @what: (nullable): what the value is, for the message (e.g. "memory.bandwidth")
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @self has the dimension of @unit
 */
gboolean
mls_quantity_check_dimension (const MlsQuantity *self,
                              const char        *unit,
                              const char        *what,
                              GError           **error)
{
  MlsQuantity target;

  if (!mls_quantity_from_unit (1.0, unit, &target, error))
    return FALSE;
  if (mls_quantity_same_dimension (self, &target))
    return TRUE;

  g_autofree char *have = mls_quantity_describe_dimension (self);
  g_autofree char *want = mls_quantity_describe_dimension (&target);
  if (mls_quantity_is_dimensionless (self))
    g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION,
                 _("%s must be %s with explicit units (such as “%s”); got a bare number"),
                 what ? what : _("The value"), want, unit);
  else
    g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION,
                 _("%s must be %s (such as “%s”); got %s"), what ? what : _("The value"), want,
                 unit, have);
  return FALSE;
}

/**
 * mls_quantity_add:
 * @a: a #MlsQuantity
 * @b: a #MlsQuantity of the same dimension
 * @out: (out caller-allocates): @a + @b
 * @error: return location for a #GError
 *
 * Returns: (skip): %TRUE on success; %FALSE if the dimensions differ
 */
gboolean
mls_quantity_add (const MlsQuantity *a,
                  const MlsQuantity *b,
                  MlsQuantity       *out,
                  GError           **error)
{
  if (!mls_quantity_same_dimension (a, b))
    {
      set_dimension_error (error, _("add"), a, b);
      return FALSE;
    }
  *out = *a;
  out->value = a->value + b->value;
  return TRUE;
}

/**
 * mls_quantity_subtract:
 * @a: a #MlsQuantity
 * @b: a #MlsQuantity of the same dimension
 * @out: (out caller-allocates): @a − @b
 * @error: return location for a #GError
 *
 * Returns: (skip): %TRUE on success; %FALSE if the dimensions differ
 */
gboolean
mls_quantity_subtract (const MlsQuantity *a,
                       const MlsQuantity *b,
                       MlsQuantity       *out,
                       GError           **error)
{
  if (!mls_quantity_same_dimension (a, b))
    {
      set_dimension_error (error, _("subtract"), a, b);
      return FALSE;
    }
  *out = *a;
  out->value = a->value - b->value;
  return TRUE;
}

/**
 * mls_quantity_multiply:
 * @a: a #MlsQuantity
 * @b: a #MlsQuantity
 * @out: (out caller-allocates): @a × @b, with the dimensions combined
 */
void
mls_quantity_multiply (const MlsQuantity *a,
                       const MlsQuantity *b,
                       MlsQuantity       *out)
{
  MlsQuantity r;

  r.value = a->value * b->value;
  for (int d = 0; d < MLS_N_DIMENSIONS; d++)
    r.dims[d] = (gint8) (a->dims[d] + b->dims[d]);
  *out = r;
}

/**
 * mls_quantity_divide:
 * @a: a #MlsQuantity
 * @b: a #MlsQuantity
 * @out: (out caller-allocates): @a ÷ @b, with the dimensions combined
 *
 * Dividing by zero gives an infinite or NaN value, as in IEEE arithmetic.
 */
void
mls_quantity_divide (const MlsQuantity *a,
                     const MlsQuantity *b,
                     MlsQuantity       *out)
{
  MlsQuantity r;

  r.value = a->value / b->value;
  for (int d = 0; d < MLS_N_DIMENSIONS; d++)
    r.dims[d] = (gint8) (a->dims[d] - b->dims[d]);
  *out = r;
}

/**
 * mls_quantity_scale:
 * @a: a #MlsQuantity
 * @factor: a plain number
 * @out: (out caller-allocates): @a × @factor
 */
void
mls_quantity_scale (const MlsQuantity *a,
                    double             factor,
                    MlsQuantity       *out)
{
  *out = *a;
  out->value = a->value * factor;
}

/**
 * mls_quantity_power:
 * @a: a #MlsQuantity
 * @exponent: a whole exponent
 * @out: (out caller-allocates): @a raised to @exponent
 * @error: return location for a #GError
 *
 * Returns: (skip): %TRUE unless a dimension exponent would overflow
 */
gboolean
mls_quantity_power (const MlsQuantity *a,
                    int                exponent,
                    MlsQuantity       *out,
                    GError           **error)
{
  MlsQuantity r;

  for (int d = 0; d < MLS_N_DIMENSIONS; d++)
    {
      /* in 64 bits, so that a huge exponent cannot wrap around into range */
      gint64 e = (gint64) a->dims[d] * exponent;
      if (e > G_MAXINT8 || e < G_MININT8)
        {
          g_set_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_RANGE,
                       _("The exponent %d makes the units too large to represent"), exponent);
          return FALSE;
        }
      r.dims[d] = (gint8) e;
    }
  r.value = pow (a->value, exponent);
  *out = r;
  return TRUE;
}

/**
 * mls_quantity_compare:
 * @a: a #MlsQuantity
 * @b: a #MlsQuantity of the same dimension
 * @out_order: (out): negative, zero or positive as @a is less than, equal to or greater
 *   than @b
 * @error: return location for a #GError
 *
 * Returns: (skip): %TRUE on success; %FALSE if the dimensions differ
 */
gboolean
mls_quantity_compare (const MlsQuantity *a,
                      const MlsQuantity *b,
                      int               *out_order,
                      GError           **error)
{
  if (!mls_quantity_same_dimension (a, b))
    {
      set_dimension_error (error, _("compare"), a, b);
      return FALSE;
    }
  *out_order = (a->value > b->value) - (a->value < b->value);
  return TRUE;
}
