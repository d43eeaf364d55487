/* mls-unit-table.c — the unit names mlsysim understands, and prefix resolution
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "mls-units-private.h"

/* Dimension exponents, in MlsDimension order: time, length, mass, data, ops, currency. */
#define D(t, l, m, d, o, c) { t, l, m, d, o, c }
#define NONE   D (0, 0, 0, 0, 0, 0)
#define TIME   D (1, 0, 0, 0, 0, 0)
#define LENGTH D (0, 1, 0, 0, 0, 0)
#define MASS   D (0, 0, 1, 0, 0, 0)
#define DATA   D (0, 0, 0, 1, 0, 0)
#define OPS    D (0, 0, 0, 0, 1, 0)
#define MONEY  D (0, 0, 0, 0, 0, 1)
#define RATE_DATA D (-1, 0, 0, 1, 0, 0)
#define RATE_OPS  D (-1, 0, 0, 0, 1, 0)
#define FREQ   D (-1, 0, 0, 0, 0, 0)
#define POWER  D (-3, 2, 1, 0, 0, 0)
#define ENERGY D (-2, 2, 1, 0, 0, 0)
#define VOLUME D (0, 3, 0, 0, 0, 0)

/* Units. `prefix` says which prefixes a unit takes: decimal ones (k … Z, m … f), and for data
 * also binary ones (Ki … Ei). Exact names are tried before prefix + name, so "min", "ms" and
 * "Mb" resolve the way a reader expects. */
static const MlsUnit units[] = {
  /* time */
  { "s", 1.0, TIME, MLS_PREFIX_DECIMAL },
  { "sec", 1.0, TIME, MLS_PREFIX_NONE },
  { "second", 1.0, TIME, MLS_PREFIX_NONE },
  { "seconds", 1.0, TIME, MLS_PREFIX_NONE },
  { "min", 60.0, TIME, MLS_PREFIX_NONE },
  { "minute", 60.0, TIME, MLS_PREFIX_NONE },
  { "minutes", 60.0, TIME, MLS_PREFIX_NONE },
  { "h", 3600.0, TIME, MLS_PREFIX_NONE },
  { "hr", 3600.0, TIME, MLS_PREFIX_NONE },
  { "hour", 3600.0, TIME, MLS_PREFIX_NONE },
  { "hours", 3600.0, TIME, MLS_PREFIX_NONE },
  { "d", 86400.0, TIME, MLS_PREFIX_NONE },
  { "day", 86400.0, TIME, MLS_PREFIX_NONE },
  { "days", 86400.0, TIME, MLS_PREFIX_NONE },
  { "week", 604800.0, TIME, MLS_PREFIX_NONE },
  { "weeks", 604800.0, TIME, MLS_PREFIX_NONE },
  /* A year is 365.25 days (Julian year), as pint and the reference's calc_fleet_tco use. */
  { "yr", 31557600.0, TIME, MLS_PREFIX_NONE },
  { "year", 31557600.0, TIME, MLS_PREFIX_NONE },
  { "years", 31557600.0, TIME, MLS_PREFIX_NONE },
  /* length and volume */
  { "m", 1.0, LENGTH, MLS_PREFIX_DECIMAL },
  { "L", 1e-3, VOLUME, MLS_PREFIX_DECIMAL },
  { "l", 1e-3, VOLUME, MLS_PREFIX_NONE },
  { "liter", 1e-3, VOLUME, MLS_PREFIX_NONE },
  { "liters", 1e-3, VOLUME, MLS_PREFIX_NONE },
  { "litre", 1e-3, VOLUME, MLS_PREFIX_NONE },
  { "litres", 1e-3, VOLUME, MLS_PREFIX_NONE },
  /* mass; carbon is counted as mass of CO2-equivalent */
  { "g", 1e-3, MASS, MLS_PREFIX_DECIMAL },
  { "gram", 1e-3, MASS, MLS_PREFIX_NONE },
  { "grams", 1e-3, MASS, MLS_PREFIX_NONE },
  { "kilogram", 1.0, MASS, MLS_PREFIX_NONE },
  { "kilograms", 1.0, MASS, MLS_PREFIX_NONE },
  { "t", 1e3, MASS, MLS_PREFIX_DECIMAL },
  { "tonne", 1e3, MASS, MLS_PREFIX_NONE },
  { "tonnes", 1e3, MASS, MLS_PREFIX_NONE },
  { "ton", 1e3, MASS, MLS_PREFIX_NONE },
  { "tons", 1e3, MASS, MLS_PREFIX_NONE },
  { "gCO2", 1e-3, MASS, MLS_PREFIX_DECIMAL },
  { "gCO2e", 1e-3, MASS, MLS_PREFIX_DECIMAL },
  { "tCO2", 1e3, MASS, MLS_PREFIX_NONE },
  { "tCO2e", 1e3, MASS, MLS_PREFIX_NONE },
  /* data: a byte is the base, a bit is an eighth of it */
  { "B", 1.0, DATA, MLS_PREFIX_BINARY },
  { "byte", 1.0, DATA, MLS_PREFIX_NONE },
  { "bytes", 1.0, DATA, MLS_PREFIX_NONE },
  { "b", 0.125, DATA, MLS_PREFIX_BINARY },
  { "bit", 0.125, DATA, MLS_PREFIX_BINARY },
  { "bits", 0.125, DATA, MLS_PREFIX_NONE },
  { "bps", 0.125, RATE_DATA, MLS_PREFIX_DECIMAL },
  /* operations: FLOP and integer OP count alike; FLOPS and OPS (capital S) are rates */
  { "FLOP", 1.0, OPS, MLS_PREFIX_DECIMAL },
  { "FLOPs", 1.0, OPS, MLS_PREFIX_DECIMAL },
  { "flop", 1.0, OPS, MLS_PREFIX_DECIMAL },
  { "flops", 1.0, OPS, MLS_PREFIX_DECIMAL },
  { "OP", 1.0, OPS, MLS_PREFIX_DECIMAL },
  { "op", 1.0, OPS, MLS_PREFIX_DECIMAL },
  { "ops", 1.0, OPS, MLS_PREFIX_DECIMAL },
  { "MAC", 2.0, OPS, MLS_PREFIX_DECIMAL },
  { "MACs", 2.0, OPS, MLS_PREFIX_DECIMAL },
  { "FLOPS", 1.0, RATE_OPS, MLS_PREFIX_DECIMAL },
  { "OPS", 1.0, RATE_OPS, MLS_PREFIX_DECIMAL },
  /* money */
  { "USD", 1.0, MONEY, MLS_PREFIX_DECIMAL },
  { "$", 1.0, MONEY, MLS_PREFIX_NONE },
  { "dollar", 1.0, MONEY, MLS_PREFIX_NONE },
  { "dollars", 1.0, MONEY, MLS_PREFIX_NONE },
  /* power and energy */
  { "W", 1.0, POWER, MLS_PREFIX_DECIMAL },
  { "watt", 1.0, POWER, MLS_PREFIX_NONE },
  { "watts", 1.0, POWER, MLS_PREFIX_NONE },
  { "J", 1.0, ENERGY, MLS_PREFIX_DECIMAL },
  { "joule", 1.0, ENERGY, MLS_PREFIX_NONE },
  { "joules", 1.0, ENERGY, MLS_PREFIX_NONE },
  { "Wh", 3600.0, ENERGY, MLS_PREFIX_DECIMAL },
  { "Hz", 1.0, FREQ, MLS_PREFIX_DECIMAL },
  /* counts are dimensionless */
  { "count", 1.0, NONE, MLS_PREFIX_DECIMAL },
  { "param", 1.0, NONE, MLS_PREFIX_DECIMAL },
  { "params", 1.0, NONE, MLS_PREFIX_DECIMAL },
  { "parameter", 1.0, NONE, MLS_PREFIX_NONE },
  { "parameters", 1.0, NONE, MLS_PREFIX_NONE },
  { "Bparam", 1e9, NONE, MLS_PREFIX_NONE },
  { "token", 1.0, NONE, MLS_PREFIX_DECIMAL },
  { "tokens", 1.0, NONE, MLS_PREFIX_DECIMAL },
  { "sample", 1.0, NONE, MLS_PREFIX_DECIMAL },
  { "samples", 1.0, NONE, MLS_PREFIX_DECIMAL },
  { "request", 1.0, NONE, MLS_PREFIX_DECIMAL },
  { "requests", 1.0, NONE, MLS_PREFIX_DECIMAL },
  { "query", 1.0, NONE, MLS_PREFIX_DECIMAL },
  { "queries", 1.0, NONE, MLS_PREFIX_DECIMAL },
  { "step", 1.0, NONE, MLS_PREFIX_NONE },
  { "steps", 1.0, NONE, MLS_PREFIX_NONE },
  { "image", 1.0, NONE, MLS_PREFIX_NONE },
  { "images", 1.0, NONE, MLS_PREFIX_NONE },
  { "%", 0.01, NONE, MLS_PREFIX_NONE },
};

typedef struct
{
  const char *symbol;
  double      factor;
  gboolean    binary;
} Prefix;

/* Two-byte prefixes first so that "Ki" wins over "K". "K" is accepted for kilo because
 * "KB" is how datasheets write it; "u" stands for "µ" where the sign is hard to type. */
static const Prefix prefixes[] = {
  { "Ki", 1024.0, TRUE },
  { "Mi", 1048576.0, TRUE },
  { "Gi", 1073741824.0, TRUE },
  { "Ti", 1099511627776.0, TRUE },
  { "Pi", 1125899906842624.0, TRUE },
  { "Ei", 1152921504606846976.0, TRUE },
  { "\xc2\xb5", 1e-6, FALSE }, /* µ MICRO SIGN */
  { "\xce\xbc", 1e-6, FALSE }, /* μ GREEK SMALL LETTER MU */
  { "Z", 1e21, FALSE },
  { "E", 1e18, FALSE },
  { "P", 1e15, FALSE },
  { "T", 1e12, FALSE },
  { "G", 1e9, FALSE },
  { "M", 1e6, FALSE },
  { "k", 1e3, FALSE },
  { "K", 1e3, FALSE },
  { "m", 1e-3, FALSE },
  { "u", 1e-6, FALSE },
  { "n", 1e-9, FALSE },
  { "p", 1e-12, FALSE },
  { "f", 1e-15, FALSE },
};

static const MlsUnit *
find_exact (const char *name,
            gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strlen (units[i].name) == len && memcmp (units[i].name, name, len) == 0)
      return &units[i];
  return NULL;
}

gboolean
mls_unit_lookup (const char *name,
                 gsize       len,
                 double     *factor,
                 gint8       dims[MLS_N_DIMENSIONS])
{
  const MlsUnit *unit = find_exact (name, len);

  if (unit != NULL)
    {
      *factor = unit->factor;
      memcpy (dims, unit->dims, MLS_N_DIMENSIONS);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize plen = strlen (prefixes[i].symbol);

      if (len <= plen || memcmp (name, prefixes[i].symbol, plen) != 0)
        continue;
      unit = find_exact (name + plen, len - plen);
      if (unit == NULL || unit->prefix == MLS_PREFIX_NONE)
        continue;
      if (prefixes[i].binary && unit->prefix != MLS_PREFIX_BINARY)
        continue;
      *factor = prefixes[i].factor * unit->factor;
      memcpy (dims, unit->dims, MLS_N_DIMENSIONS);
      return TRUE;
    }

  return FALSE;
}

const char *
mls_unit_decimal_prefix (double  magnitude,
                         double *scale)
{
  static const struct { const char *s; double f; } steps[] = {
    { "Z", 1e21 }, { "E", 1e18 }, { "P", 1e15 }, { "T", 1e12 }, { "G", 1e9 }, { "M", 1e6 },
    { "k", 1e3 }, { "", 1.0 }, { "m", 1e-3 }, { "\xc2\xb5", 1e-6 }, { "n", 1e-9 },
    { "p", 1e-12 }, { "f", 1e-15 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (magnitude >= steps[i].f * (1.0 - 1e-12))
      {
        *scale = steps[i].f;
        return steps[i].s;
      }

  *scale = 1.0;
  return "";
}
