/* mls-studio-format.c — numbers with units, as the app shows them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include "mls-studio-format.h"

static MlsStudioUnits current_units = MLS_STUDIO_UNITS_SI;

/**
 * mls_studio_format_set_units:
 * @units: how byte quantities are shown from now on
 */
void
mls_studio_format_set_units (MlsStudioUnits units)
{
  current_units = units;
}

MlsStudioUnits
mls_studio_format_get_units (void)
{
  return current_units;
}

/**
 * mls_studio_format_number:
 * @value: a plain number
 *
 * Returns: (transfer full): @value with four significant digits, in the user's locale
 */
char *
mls_studio_format_number (double value)
{
  static const struct { double scale; const char *suffix; } big[] = {
    { 1e15, "P" }, { 1e12, "T" }, { 1e9, "G" }, { 1e6, "M" },
  };

  if (!isfinite (value))
    return g_strdup (value > 0 ? "∞" : value < 0 ? "−∞" : "—");
  for (guint i = 0; i < G_N_ELEMENTS (big); i++)
    if (fabs (value) >= big[i].scale && fabs (value) < big[i].scale * 1e3)
      return g_strdup_printf ("%.4g %s", value / big[i].scale, big[i].suffix);
  if (value != 0 && (fabs (value) >= 1e18 || fabs (value) < 1e-3))
    return g_strdup_printf ("%.3e", value);
  if (fabs (value) >= 1e4)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.4g", value);
}

/**
 * mls_studio_format_money:
 * @dollars: an amount in US dollars
 *
 * Returns: (transfer full): "$25,440", "$1.6 M", "$2.35 B"
 */
char *
mls_studio_format_money (double dollars)
{
  GString *s;
  char digits[32];
  int len, lead;

  if (!isfinite (dollars))
    return mls_studio_format_number (dollars);
  if (fabs (dollars) >= 1e9)
    return g_strdup_printf ("$%.3g B", dollars / 1e9);
  if (fabs (dollars) >= 1e6)
    return g_strdup_printf ("$%.3g M", dollars / 1e6);
  if (fabs (dollars) < 100)
    return g_strdup_printf ("$%.2f", dollars);
  /* Whole dollars with thousands grouped, the way budgets are written. */
  len = g_snprintf (digits, sizeof digits, "%.0f", fabs (dollars));
  s = g_string_new (dollars < 0 ? "−$" : "$");
  lead = len % 3 ? len % 3 : 3;
  g_string_append_len (s, digits, lead);
  for (int i = lead; i < len; i += 3)
    {
      g_string_append_c (s, ',');
      g_string_append_len (s, digits + i, 3);
    }
  return g_string_free (s, FALSE);
}

static gboolean
only_dimension (const MlsQuantity *q,
                MlsDimension       dim)
{
  for (guint i = 0; i < MLS_N_DIMENSIONS; i++)
    if (q->dims[i] != (i == dim ? 1 : 0))
      return FALSE;
  return TRUE;
}

static char *
format_binary_bytes (double bytes)
{
  static const char * const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
  guint i = 0;
  double v = bytes;

  while (fabs (v) >= 1024.0 && i + 1 < G_N_ELEMENTS (units))
    {
      v /= 1024.0;
      i++;
    }
  return g_strdup_printf ("%.4g %s", v, units[i]);
}

/**
 * mls_studio_format_quantity:
 * @quantity: a quantity
 * @unit: (nullable): the unit its producer declared ("ms", "GB/s", "" for a plain number), or
 *   %NULL to pick a readable prefix ("989 TFLOP/s")
 *
 * Formats @quantity in @unit, except that times and byte counts pick a readable prefix, and
 * byte counts follow the units preference.
 *
 * Returns: (transfer full): the text
 */
char *
mls_studio_format_quantity (const MlsQuantity *quantity,
                            const char        *unit)
{
  char *text;

  if (!isfinite (quantity->value))
    return mls_studio_format_number (quantity->value);
  if (mls_quantity_is_dimensionless (quantity) && (unit == NULL || *unit == '\0'))
    return mls_studio_format_number (quantity->value);
  if (only_dimension (quantity, MLS_DIM_DATA))
    {
      if (current_units == MLS_STUDIO_UNITS_BINARY)
        return format_binary_bytes (quantity->value);
      return mls_quantity_format (quantity, 4);
    }
  if (only_dimension (quantity, MLS_DIM_CURRENCY))
    return mls_studio_format_money (quantity->value);
  if (only_dimension (quantity, MLS_DIM_TIME) || unit == NULL)
    return mls_quantity_format (quantity, 4);
  if (unit != NULL && *unit != '\0' &&
      (text = mls_quantity_format_in (quantity, unit, 4, NULL)) != NULL)
    return text;
  return mls_quantity_format (quantity, 4);
}
