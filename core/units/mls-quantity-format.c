/* mls-quantity-format.c — compact human formatting and plain-words dimension names
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mls-units-private.h"

typedef enum
{
  STYLE_DECIMAL,  /* SI prefix on the unit: 989 TFLOP/s */
  STYLE_PLAIN,    /* no prefix: 25000 USD */
  STYLE_TIME,     /* ns … s, then min, h, d, year */
  STYLE_MASS,     /* mg, g, kg, then t, kt, Mt */
  STYLE_ENERGY,   /* J below one kWh, then kWh, MWh, GWh */
} Style;

typedef struct
{
  gint8       dims[MLS_N_DIMENSIONS];
  const char *unit;    /* display unit, without prefix */
  double      factor;  /* one display unit in base units */
  Style       style;
  const char *words;   /* the kind of quantity, for error messages */
} Kind;

/* dims: time, length, mass, data, ops, currency. Carbon intensity is mass per energy,
 * kg / (kg·m²·s⁻²) = s²·m⁻²; an energy price is USD·kg⁻¹·m⁻²·s². */
static const Kind kinds[] = {
  { { 0, 0, 0, 0, 0, 0 }, "", 1.0, STYLE_PLAIN, N_("a plain number (no units)") },
  { { 1, 0, 0, 0, 0, 0 }, "s", 1.0, STYLE_TIME, N_("a time (seconds)") },
  { { 0, 1, 0, 0, 0, 0 }, "m", 1.0, STYLE_DECIMAL, N_("a length (metres)") },
  { { 0, 0, 1, 0, 0, 0 }, "g", 1e-3, STYLE_MASS, N_("a mass (grams)") },
  { { 0, 0, 0, 1, 0, 0 }, "B", 1.0, STYLE_DECIMAL, N_("an amount of data (bytes)") },
  { { 0, 0, 0, 0, 1, 0 }, "FLOP", 1.0, STYLE_DECIMAL, N_("an amount of computation (FLOP)") },
  { { 0, 0, 0, 0, 0, 1 }, "USD", 1.0, STYLE_PLAIN, N_("an amount of money (USD)") },
  { { -1, 0, 0, 0, 1, 0 }, "FLOP/s", 1.0, STYLE_DECIMAL, N_("a compute rate (FLOP per second)") },
  { { -1, 0, 0, 1, 0, 0 }, "B/s", 1.0, STYLE_DECIMAL, N_("a bandwidth (bytes per second)") },
  { { -1, 0, 0, 0, 0, 0 }, "/s", 1.0, STYLE_PLAIN, N_("a rate (events per second)") },
  { { -3, 2, 1, 0, 0, 0 }, "W", 1.0, STYLE_DECIMAL, N_("a power (watts)") },
  { { -2, 2, 1, 0, 0, 0 }, "J", 1.0, STYLE_ENERGY, N_("an energy (joules or kWh)") },
  { { 0, 3, 0, 0, 0, 0 }, "L", 1e-3, STYLE_DECIMAL, N_("a volume (litres)") },
  { { 0, 0, 0, -1, 1, 0 }, "FLOP/B", 1.0, STYLE_PLAIN,
    N_("an arithmetic intensity (FLOP per byte)") },
  { { 0, 0, 0, 1, -1, 0 }, "B/FLOP", 1.0, STYLE_PLAIN, N_("bytes per FLOP") },
  { { 2, -2, 0, 0, 0, 0 }, "g/kWh", 1e-3 / 3.6e6, STYLE_PLAIN,
    N_("a carbon intensity (grams per kWh)") },
  { { 2, -2, -1, 0, 0, 1 }, "USD/kWh", 1.0 / 3.6e6, STYLE_PLAIN,
    N_("an energy price (USD per kWh)") },
  { { 2, 1, -1, 0, 0, 0 }, "L/kWh", 1e-3 / 3.6e6, STYLE_PLAIN,
    N_("a water intensity (litres per kWh)") },
  { { -1, 0, 0, 0, 0, 1 }, "USD/h", 1.0 / 3600.0, STYLE_PLAIN, N_("a cost rate (USD per hour)") },
  { { 0, 0, -1, 0, 0, 1 }, "USD/t", 1e-3, STYLE_PLAIN, N_("a price per mass (USD per tonne)") },
  { { -1, 1, 0, 0, 0, 0 }, "m/s", 1.0, STYLE_DECIMAL, N_("a speed (metres per second)") },
  { { 0, 0, 0, -1, 0, 1 }, "USD/GB", 1e-9, STYLE_PLAIN, N_("a price per byte (USD per GB)") },
};

static const Kind *
find_kind (const MlsQuantity *q)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (memcmp (kinds[i].dims, q->dims, MLS_N_DIMENSIONS) == 0)
      return &kinds[i];
  return NULL;
}

/**
 * mls_quantity_dimension_symbol:
 * @self: a #MlsQuantity
 *
 * Returns: (transfer full): the dimensions in base units, e.g. "kg·m^2·s^-3"
 */
char *
mls_quantity_dimension_symbol (const MlsQuantity *self)
{
  static const char *base[MLS_N_DIMENSIONS] = { "s", "m", "kg", "B", "FLOP", "USD" };
  static const int order[MLS_N_DIMENSIONS] = { 5, 4, 3, 2, 1, 0 };
  GString *s = g_string_new (NULL);

  for (int i = 0; i < MLS_N_DIMENSIONS; i++)
    {
      int d = order[i];
      if (self->dims[d] == 0)
        continue;
      if (s->len > 0)
        g_string_append (s, "\xc2\xb7");
      g_string_append (s, base[d]);
      if (self->dims[d] != 1)
        g_string_append_printf (s, "^%d", self->dims[d]);
    }
  return g_string_free (s, FALSE);
}

/**
 * mls_quantity_describe_dimension:
 * @self: a #MlsQuantity
 *
 * Returns: (transfer full): the kind of quantity in plain words, e.g. "a bandwidth (bytes per
 *   second)"
 */
char *
mls_quantity_describe_dimension (const MlsQuantity *self)
{
  const Kind *kind = find_kind (self);
  g_autofree char *symbol = NULL;

  if (kind != NULL)
    return g_strdup (_(kind->words));
  symbol = mls_quantity_dimension_symbol (self);
  return g_strdup_printf (_("a quantity in %s"), symbol);
}

/* "%.*g" without trailing zeros, and with a plain '.' whatever the locale. */
static void
append_number (GString *s,
               double   value,
               int      digits)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char fmt[16];

  g_snprintf (fmt, sizeof fmt, "%%.%dg", CLAMP (digits, 1, 17));
  g_ascii_formatd (buf, sizeof buf, fmt, value);
  g_string_append (s, buf);
}

static void
append_scaled (GString    *s,
               double      value,
               int         digits,
               const char *prefix,
               const char *unit)
{
  append_number (s, value, digits);
  if (*prefix != '\0' || *unit != '\0')
    {
      g_string_append_c (s, ' ');
      g_string_append (s, prefix);
      g_string_append (s, unit);
    }
}

static void
format_time (GString *s,
             double   v,
             int      digits)
{
  static const struct { const char *unit; double factor; } ladder[] = {
    { "year", 31557600.0 }, { "d", 86400.0 }, { "h", 3600.0 }, { "min", 60.0 },
  };
  double a = fabs (v);

  for (guint i = 0; i < G_N_ELEMENTS (ladder); i++)
    /* switch to a larger unit only when it reads better: 2 d rather than 48 h */
    if (a >= 2.0 * ladder[i].factor)
      {
        append_scaled (s, v / ladder[i].factor, digits, "", ladder[i].unit);
        return;
      }

  double scale = 1.0;
  const char *prefix = a >= 1.0 || a == 0.0 ? "" : mls_unit_decimal_prefix (a, &scale);
  append_scaled (s, v / scale, digits, prefix, "s");
}

static void
format_mass (GString *s,
             double   v,
             int      digits)
{
  double a = fabs (v), scale = 1.0;

  if (a >= 1000.0)
    {
      const char *prefix = mls_unit_decimal_prefix (a / 1000.0, &scale);
      append_scaled (s, v / 1000.0 / scale, digits, prefix, "t");
    }
  else if (a >= 1.0)
    append_scaled (s, v, digits, "", "kg");
  else
    {
      const char *prefix = a == 0.0 ? "" : mls_unit_decimal_prefix (a * 1000.0, &scale);
      append_scaled (s, v * 1000.0 / scale, digits, prefix, "g");
    }
}

static void
format_energy (GString *s,
               double   v,
               int      digits)
{
  double a = fabs (v), scale = 1.0;
  const double kwh = 3.6e6;

  if (a >= kwh)
    {
      const char *prefix = mls_unit_decimal_prefix (a / 3600.0, &scale);
      append_scaled (s, v / 3600.0 / scale, digits, prefix, "Wh");
    }
  else
    {
      const char *prefix = a == 0.0 ? "" : mls_unit_decimal_prefix (a, &scale);
      append_scaled (s, v / scale, digits, prefix, "J");
    }
}

/**
 * mls_quantity_format:
 * @self: a #MlsQuantity
 * @digits: significant digits (1–17); 4 reads well, 15 round-trips
 *
 * Formats @self compactly with a sensible prefix: "989 TFLOP/s", "85.9 GB", "500 ns",
 * "16.8 kWh". mls_quantity_parse() reads the result back.
 *
 * Returns: (transfer full): the formatted quantity
 */
char *
mls_quantity_format (const MlsQuantity *self,
                     int                digits)
{
  const Kind *kind = find_kind (self);
  GString *s = g_string_new (NULL);
  double scale = 1.0;

  if (!isfinite (self->value))
    {
      g_autofree char *symbol = mls_quantity_dimension_symbol (self);
      g_string_append (s, isnan (self->value) ? "nan" : self->value > 0 ? "inf" : "-inf");
      if (*symbol != '\0')
        g_string_append_printf (s, " %s", symbol);
      return g_string_free (s, FALSE);
    }

  if (kind == NULL)
    {
      g_autofree char *symbol = mls_quantity_dimension_symbol (self);
      append_scaled (s, self->value, digits, "", symbol);
      return g_string_free (s, FALSE);
    }

  double v = self->value / kind->factor;
  switch (kind->style)
    {
    case STYLE_TIME:
      format_time (s, v, digits);
      break;
    case STYLE_MASS:
      format_mass (s, self->value, digits);
      break;
    case STYLE_ENERGY:
      format_energy (s, v, digits);
      break;
    case STYLE_DECIMAL:
      {
        const char *prefix = v == 0.0 ? "" : mls_unit_decimal_prefix (fabs (v), &scale);
        append_scaled (s, v / scale, digits, prefix, kind->unit);
      }
      break;
    case STYLE_PLAIN:
    default:
      append_scaled (s, v, digits, "", kind->unit);
      break;
    }
  return g_string_free (s, FALSE);
}

/**
 * mls_quantity_to_string:
 * @self: a #MlsQuantity
 *
 * Formats @self with 15 significant digits, enough to read it back within 1e-14.
 *
 * Returns: (transfer full): the formatted quantity
 */
char *
mls_quantity_to_string (const MlsQuantity *self)
{
  return mls_quantity_format (self, 15);
}

/**
 * mls_quantity_format_in:
 * @self: a #MlsQuantity
 * @unit: the unit to show, such as "GB/s"
 * @digits: significant digits
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): "50 GB/s", or %NULL if @unit does not fit @self
 */
char *
mls_quantity_format_in (const MlsQuantity *self,
                        const char        *unit,
                        int                digits,
                        GError           **error)
{
  double value;
  GString *s;

  if (!mls_quantity_convert (self, unit, &value, error))
    return NULL;
  s = g_string_new (NULL);
  append_scaled (s, value, digits, "", unit);
  return g_string_free (s, FALSE);
}
