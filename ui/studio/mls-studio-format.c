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
  if (!isfinite (value))
    return g_strdup (value > 0 ? "∞" : value < 0 ? "−∞" : "—");
  if (value != 0 && (fabs (value) >= 1e6 || fabs (value) < 1e-3))
    return g_strdup_printf ("%.3e", value);
  return g_strdup_printf ("%.4g", value);
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
  if (only_dimension (quantity, MLS_DIM_TIME) || unit == NULL)
    return mls_quantity_format (quantity, 4);
  if (unit != NULL && *unit != '\0' &&
      (text = mls_quantity_format_in (quantity, unit, 4, NULL)) != NULL)
    return text;
  return mls_quantity_format (quantity, 4);
}
