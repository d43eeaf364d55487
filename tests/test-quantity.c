/* test-quantity.c — parsing, converting, combining and formatting MlsQuantity
 *
 * Every expected value is derived by hand in a comment (or is a published number), never
 * copied from the program's output.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include <mlsysim.h>

/* Relative comparison; the absolute floor lets an expected zero pass only for an exact zero. */
#define assert_rel(actual, expected, tolerance)                                                  \
  g_assert_cmpfloat_with_epsilon ((actual), (expected),                                          \
                                  fabs ((double) (expected)) * (tolerance) + DBL_MIN)

#define assert_close(actual, expected) assert_rel ((actual), (expected), 1e-12)

static MlsQuantity
parse_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q;
  gboolean ok;

  ok = mls_quantity_parse (text, &q, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return q;
}

static double
convert_ok (const MlsQuantity *q,
            const char        *unit)
{
  g_autoptr (GError) error = NULL;
  double value = NAN;
  gboolean ok;

  ok = mls_quantity_convert (q, unit, &value, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return value;
}

static double
parse_in (const char *text,
          const char *unit)
{
  MlsQuantity q = parse_ok (text);
  return convert_ok (&q, unit);
}

static void
assert_dims (const MlsQuantity *q,
             int                time,
             int                length,
             int                mass,
             int                data,
             int                ops,
             int                currency)
{
  g_assert_cmpint (mls_quantity_get_exponent (q, MLS_DIM_TIME), ==, time);
  g_assert_cmpint (mls_quantity_get_exponent (q, MLS_DIM_LENGTH), ==, length);
  g_assert_cmpint (mls_quantity_get_exponent (q, MLS_DIM_MASS), ==, mass);
  g_assert_cmpint (mls_quantity_get_exponent (q, MLS_DIM_DATA), ==, data);
  g_assert_cmpint (mls_quantity_get_exponent (q, MLS_DIM_OPS), ==, ops);
  g_assert_cmpint (mls_quantity_get_exponent (q, MLS_DIM_CURRENCY), ==, currency);
}

static void
assert_format (const MlsQuantity *q,
               int                digits,
               const char        *expected)
{
  g_autofree char *text = mls_quantity_format (q, digits);
  g_assert_cmpstr (text, ==, expected);
}

/* Parsing must fail in the given domain and code, with a message that points at a character. */
static void
assert_parse_error (const char *text,
                    int         code,
                    const char *position)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q;

  g_assert_false (mls_quantity_parse (text, &q, &error));
  g_assert_error (error, MLS_UNITS_ERROR, code);
  if (g_test_verbose ())
    g_test_message ("%s → %s", text, error->message);
  g_assert_nonnull (strstr (error->message, position));
}

/* ---------------------------------------------------------------------------------------- */
/* The acceptance examples                                                                  */

static void
test_gbps_is_bytes (void)
{
  /* 400 Gbps = 400e9 bit/s ÷ 8 bit/B = 50e9 B/s = 50 GB/s */
  MlsQuantity q = parse_ok ("400 Gbps");

  assert_dims (&q, -1, 0, 0, 1, 0, 0);
  assert_close (q.value, 50e9);
  assert_close (convert_ok (&q, "GB/s"), 50.0);
}

static void
test_gib_is_gb (void)
{
  /* 80 GiB = 80 × 2^30 B = 80 × 1 073 741 824 B = 85 899 345 920 B = 85.89934592 GB */
  MlsQuantity q = parse_ok ("80 GiB");

  assert_dims (&q, 0, 0, 0, 1, 0, 0);
  g_assert_cmpfloat (q.value, ==, 85899345920.0);
  assert_close (convert_ok (&q, "GB"), 85.89934592);
}

static void
test_ridge_point (void)
{
  /* H100 SXM: 989 TFLOP/s dense BF16 and 3.35 TB/s HBM3 (NVIDIA H100 datasheet).
   * 989 / 3.35: 3.35 × 295 = 988.25, remainder 0.75 / 3.35 = 0.22388 → 295.22388 FLOP/B */
  MlsQuantity flops = parse_ok ("989 TFLOP/s");
  MlsQuantity bw = parse_ok ("3.35 TB/s");
  MlsQuantity ridge;
  g_autofree char *words = NULL;

  mls_quantity_divide (&flops, &bw, &ridge);
  assert_dims (&ridge, 0, 0, 0, -1, 1, 0);
  g_assert_cmpfloat_with_epsilon (ridge.value, 295.22, 0.005);
  assert_close (convert_ok (&ridge, "FLOP/B"), 989.0 / 3.35);

  words = mls_quantity_describe_dimension (&ridge);
  g_assert_nonnull (strstr (words, "arithmetic intensity"));
}

static void
test_kwh_is_megajoules (void)
{
  /* 1 kWh = 1000 W × 3600 s = 3.6e6 J = 3.6 MJ */
  MlsQuantity q = parse_ok ("1 kWh");

  assert_dims (&q, -2, 2, 1, 0, 0, 0);
  assert_close (q.value, 3.6e6);
  assert_close (convert_ok (&q, "MJ"), 3.6);
  assert_close (convert_ok (&q, "J"), 3.6e6);
}

static void
test_watts_times_hours (void)
{
  /* 700 W × 24 h = 16 800 Wh = 16.8 kWh = 16.8 × 3.6 MJ = 60.48 MJ */
  MlsQuantity power = parse_ok ("700 W");
  MlsQuantity hours = parse_ok ("24 h");
  MlsQuantity energy;

  mls_quantity_multiply (&power, &hours, &energy);
  assert_dims (&energy, -2, 2, 1, 0, 0, 0);
  assert_close (convert_ok (&energy, "kWh"), 16.8);
  assert_close (convert_ok (&energy, "MJ"), 60.48);
}

/* ---------------------------------------------------------------------------------------- */
/* Data: bits and bytes, decimal and binary                                                 */

static void
test_bits_vs_bytes (void)
{
  /* A byte is eight bits. */
  assert_close (parse_in ("8 bit", "B"), 1.0);
  assert_close (parse_in ("8 b", "B"), 1.0);
  assert_close (parse_in ("1 B", "bit"), 8.0);
  assert_close (parse_in ("16 bits", "bytes"), 2.0);
  /* 1 Gb = 1e9 bit = 1.25e8 B = 0.125 GB */
  assert_close (parse_in ("1 Gb", "GB"), 0.125);
  /* 1 MB = 8 Mb: case matters */
  assert_close (parse_in ("1 MB", "Mb"), 8.0);
  /* 1 Kibit = 1024 bit = 128 B */
  assert_close (parse_in ("1 Kibit", "B"), 128.0);
}

static void
test_bit_rates (void)
{
  /* 1 Gbit/s = 1 Gb/s = 1 Gbps = 1e9 / 8 B/s = 125 MB/s */
  assert_close (parse_in ("1 Gbit/s", "MB/s"), 125.0);
  assert_close (parse_in ("1 Gb/s", "MB/s"), 125.0);
  assert_close (parse_in ("1 Gbps", "MB/s"), 125.0);
  /* a 100 Gb/s Ethernet port carries 100 / 8 = 12.5 GB/s */
  assert_close (parse_in ("100 Gbps", "GB/s"), 12.5);
  /* 900 GB/s in bits: 900 × 8 = 7200 Gbps */
  assert_close (parse_in ("900 GB/s", "Gbps"), 7200.0);
}

static void
test_gib_vs_gb (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity gib = parse_ok ("1 GiB");
  MlsQuantity gb = parse_ok ("1 GB");
  MlsQuantity diff;
  int order = 0;

  /* 2^30 − 10^9 = 1 073 741 824 − 1 000 000 000 = 73 741 824 B */
  g_assert_true (mls_quantity_subtract (&gib, &gb, &diff, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (diff.value, ==, 73741824.0);
  g_assert_true (mls_quantity_compare (&gib, &gb, &order, &error));
  g_assert_cmpint (order, >, 0);
  /* 1 GiB = 1.073741824 GB; 1 GiB = 1024 MiB */
  assert_close (convert_ok (&gib, "GB"), 1.073741824);
  assert_close (convert_ok (&gib, "MiB"), 1024.0);
  /* 1 TB = 1e12 / 2^40 TiB = 1e12 / 1 099 511 627 776 = 0.9094947017729282 TiB */
  assert_close (parse_in ("1 TB", "TiB"), 1e12 / 1099511627776.0);
}

typedef struct
{
  const char *prefix;
  double      factor; /* written out by hand from the SI / IEC definitions */
} PrefixCase;

static const PrefixCase decimal_prefixes[] = {
  { "k", 1e3 }, { "K", 1e3 }, { "M", 1e6 },  { "G", 1e9 },
  { "T", 1e12 }, { "P", 1e15 }, { "E", 1e18 }, { "Z", 1e21 },
};

static const PrefixCase small_prefixes[] = {
  { "m", 1e-3 }, { "\xc2\xb5", 1e-6 }, { "\xce\xbc", 1e-6 }, { "u", 1e-6 },
  { "n", 1e-9 }, { "p", 1e-12 },       { "f", 1e-15 },
};

/* 2^10 = 1024, 2^20 = 1 048 576, 2^30 = 1 073 741 824, 2^40 = 1 099 511 627 776,
 * 2^50 = 1 125 899 906 842 624, 2^60 = 1 152 921 504 606 846 976 */
static const PrefixCase binary_prefixes[] = {
  { "Ki", 1024.0 },
  { "Mi", 1048576.0 },
  { "Gi", 1073741824.0 },
  { "Ti", 1099511627776.0 },
  { "Pi", 1125899906842624.0 },
  { "Ei", 1152921504606846976.0 },
};

static void
test_decimal_prefix (gconstpointer data)
{
  const PrefixCase *c = data;
  const char *units[] = { "B", "W", "FLOP", "FLOP/s", "Wh", "bps" };
  /* one of each unit, in base units: B, W, FLOP, FLOP/s, 3600 J, 1/8 B/s */
  const double base[] = { 1.0, 1.0, 1.0, 1.0, 3600.0, 0.125 };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autofree char *text = g_strdup_printf ("2.5 %s%s", c->prefix, units[i]);
      MlsQuantity q = parse_ok (text);
      assert_close (q.value, 2.5 * c->factor * base[i]);
    }
}

static void
test_small_prefix (gconstpointer data)
{
  const PrefixCase *c = data;
  const char *units[] = { "s", "W", "J", "g", "m", "B" };
  /* base units: s, W, J, kg (a gram is 1e-3 kg), m, B */
  const double base[] = { 1.0, 1.0, 1.0, 1e-3, 1.0, 1.0 };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autofree char *text = g_strdup_printf ("4 %s%s", c->prefix, units[i]);
      MlsQuantity q = parse_ok (text);
      assert_close (q.value, 4.0 * c->factor * base[i]);
    }
}

static void
test_binary_prefix (gconstpointer data)
{
  const PrefixCase *c = data;
  g_autofree char *bytes = g_strdup_printf ("3 %sB", c->prefix);
  g_autofree char *bits = g_strdup_printf ("3 %sbit", c->prefix);
  g_autofree char *rate = g_strdup_printf ("3 %sB/s", c->prefix);
  MlsQuantity q;

  q = parse_ok (bytes);
  assert_dims (&q, 0, 0, 0, 1, 0, 0);
  assert_close (q.value, 3.0 * c->factor);
  q = parse_ok (bits);
  assert_close (q.value, 3.0 * c->factor / 8.0);
  q = parse_ok (rate);
  assert_dims (&q, -1, 0, 0, 1, 0, 0);
  assert_close (q.value, 3.0 * c->factor);
}

static void
test_binary_prefix_only_on_data (void)
{
  /* Ki, Gi … measure data; a "kibiwatt" or "gibiFLOP" is not a unit. */
  assert_parse_error ("1 KiW", MLS_UNITS_ERROR_UNKNOWN_UNIT, "character 3");
  assert_parse_error ("1 GiFLOP", MLS_UNITS_ERROR_UNKNOWN_UNIT, "character 3");
  assert_parse_error ("1 Mis", MLS_UNITS_ERROR_UNKNOWN_UNIT, "character 3");
}

static void
test_prefix_ladder (void)
{
  /* Each decimal prefix is 1000 times the one below it: 1 ZB = 1000 EB = … = 1e21 B. */
  assert_close (parse_in ("1 ZB", "EB"), 1000.0);
  assert_close (parse_in ("1 EB", "PB"), 1000.0);
  assert_close (parse_in ("1 PB", "TB"), 1000.0);
  assert_close (parse_in ("1 TB", "GB"), 1000.0);
  assert_close (parse_in ("1 GB", "MB"), 1000.0);
  assert_close (parse_in ("1 MB", "kB"), 1000.0);
  /* and each binary one 1024 times: 1 PiB = 1024 TiB, … , 1 KiB = 1024 B */
  assert_close (parse_in ("1 PiB", "TiB"), 1024.0);
  assert_close (parse_in ("1 TiB", "GiB"), 1024.0);
  assert_close (parse_in ("1 GiB", "MiB"), 1024.0);
  assert_close (parse_in ("1 MiB", "KiB"), 1024.0);
  assert_close (parse_in ("1 KiB", "B"), 1024.0);
}

/* ---------------------------------------------------------------------------------------- */
/* Time                                                                                     */

static void
test_time_subsecond (void)
{
  assert_close (parse_ok ("1 ms").value, 1e-3);
  assert_close (parse_ok ("250 \xc2\xb5s").value, 250e-6);
  assert_close (parse_ok ("250 us").value, 250e-6);
  assert_close (parse_ok ("500 ns").value, 500e-9);
  /* 1 s = 1000 ms = 1e6 µs = 1e9 ns */
  assert_close (parse_in ("1 s", "ms"), 1e3);
  assert_close (parse_in ("1 s", "\xc2\xb5s"), 1e6);
  assert_close (parse_in ("1 s", "ns"), 1e9);
}

static void
test_time_hours_days (void)
{
  MlsQuantity q = parse_ok ("1 h");

  assert_dims (&q, 1, 0, 0, 0, 0, 0);
  /* 1 h = 60 min × 60 s = 3600 s; 1 d = 24 h = 86 400 s; 1 week = 7 d = 604 800 s */
  g_assert_cmpfloat (q.value, ==, 3600.0);
  g_assert_cmpfloat (parse_ok ("2 hours").value, ==, 7200.0);
  g_assert_cmpfloat (parse_ok ("90 min").value, ==, 5400.0);
  g_assert_cmpfloat (parse_ok ("1 d").value, ==, 86400.0);
  g_assert_cmpfloat (parse_ok ("3 days").value, ==, 259200.0);
  g_assert_cmpfloat (parse_ok ("1 week").value, ==, 604800.0);
  assert_close (parse_in ("1 day", "h"), 24.0);
  assert_close (parse_in ("1 day", "min"), 1440.0);
}

static void
test_time_years (void)
{
  /* A year is the Julian year, 365.25 d = 365.25 × 86 400 s = 31 557 600 s;
   * in hours 365.25 × 24 = 8766 h. */
  g_assert_cmpfloat (parse_ok ("1 year").value, ==, 31557600.0);
  g_assert_cmpfloat (parse_ok ("1 yr").value, ==, 31557600.0);
  assert_close (parse_in ("1 year", "days"), 365.25);
  assert_close (parse_in ("1 year", "h"), 8766.0);
  /* four years are 1461 days (three common years and one leap year) */
  assert_close (parse_in ("4 years", "d"), 1461.0);
  /* 3 years × 8766 h = 26 298 h */
  assert_close (parse_in ("3 years", "hours"), 26298.0);
}

/* ---------------------------------------------------------------------------------------- */
/* Sustainability and money                                                                 */

static void
test_carbon_intensity (void)
{
  MlsQuantity ci = parse_ok ("400 g/kWh");
  MlsQuantity energy = parse_ok ("16.8 kWh");
  MlsQuantity carbon;
  g_autofree char *words = NULL;

  /* mass / energy = kg / (kg·m²·s⁻²) = s²·m⁻² */
  assert_dims (&ci, 2, -2, 0, 0, 0, 0);
  /* 400 g / kWh = 0.4 kg / 3.6e6 J = 1.1111e-7 kg/J; and 400 g/kWh = 400 kg/MWh */
  assert_close (ci.value, 0.4 / 3.6e6);
  assert_close (convert_ok (&ci, "kg/MWh"), 400.0);
  /* 16.8 kWh × 400 g/kWh = 6720 g = 6.72 kg */
  mls_quantity_multiply (&energy, &ci, &carbon);
  assert_dims (&carbon, 0, 0, 1, 0, 0, 0);
  assert_close (convert_ok (&carbon, "kg"), 6.72);
  assert_close (convert_ok (&carbon, "g"), 6720.0);

  words = mls_quantity_describe_dimension (&ci);
  g_assert_nonnull (strstr (words, "carbon intensity"));
}

static void
test_energy_price (void)
{
  MlsQuantity price = parse_ok ("0.12 USD/kWh");
  MlsQuantity energy = parse_ok ("16.8 kWh");
  MlsQuantity cost;
  g_autofree char *words = NULL;

  assert_dims (&price, 2, -2, -1, 0, 0, 1);
  /* 0.12 USD/kWh = 120 USD/MWh */
  assert_close (convert_ok (&price, "USD/MWh"), 120.0);
  /* 16.8 kWh × 0.12 USD/kWh = 2.016 USD */
  mls_quantity_multiply (&energy, &price, &cost);
  assert_dims (&cost, 0, 0, 0, 0, 0, 1);
  assert_close (convert_ok (&cost, "USD"), 2.016);

  words = mls_quantity_describe_dimension (&price);
  g_assert_nonnull (strstr (words, "energy price"));
}

static void
test_water_intensity (void)
{
  MlsQuantity wue = parse_ok ("1.8 L/kWh");
  MlsQuantity energy = parse_ok ("1 MWh");
  MlsQuantity water;
  g_autofree char *words = NULL;

  /* volume / energy = m³ / (kg·m²·s⁻²) = m·kg⁻¹·s² */
  assert_dims (&wue, 2, 1, -1, 0, 0, 0);
  /* 1 MWh = 1000 kWh; × 1.8 L/kWh = 1800 L = 1.8 m³ */
  mls_quantity_multiply (&energy, &wue, &water);
  assert_dims (&water, 0, 3, 0, 0, 0, 0);
  assert_close (convert_ok (&water, "L"), 1800.0);
  assert_close (convert_ok (&water, "m^3"), 1.8);

  words = mls_quantity_describe_dimension (&wue);
  g_assert_nonnull (strstr (words, "water intensity"));
}

static void
test_money_units (void)
{
  /* "$", "USD" and "dollars" are one currency; 25 kUSD = 25 000 USD */
  assert_close (parse_in ("25000 $", "USD"), 25000.0);
  assert_close (parse_in ("25 kUSD", "USD"), 25000.0);
  assert_close (parse_in ("3 dollars", "USD"), 3.0);
  /* 2.5 USD/h for 24 h = 60 USD */
  assert_close (parse_in ("2.5 USD/h", "USD/d"), 60.0);
}

/* ---------------------------------------------------------------------------------------- */
/* Operations: FLOP, OPS and TOPS                                                           */

static void
test_flop_is_amount (void)
{
  MlsQuantity q = parse_ok ("6 TFLOP");

  assert_dims (&q, 0, 0, 0, 0, 1, 0);
  assert_close (q.value, 6e12);
  /* "FLOPs" (lower-case s) counts operations too: 2 GFLOPs = 2e9 FLOP */
  q = parse_ok ("2 GFLOPs");
  assert_dims (&q, 0, 0, 0, 0, 1, 0);
  assert_close (q.value, 2e9);
}

static void
test_tops_is_rate (void)
{
  MlsQuantity tops = parse_ok ("275 TOPS");
  MlsQuantity tflops = parse_ok ("275 TFLOP/s");
  int order = 1;

  /* TOPS = tera-operations per second: a rate, like TFLOP/s, not an amount */
  assert_dims (&tops, -1, 0, 0, 0, 1, 0);
  assert_close (tops.value, 275e12);
  g_assert_true (mls_quantity_compare (&tops, &tflops, &order, NULL));
  g_assert_cmpint (order, ==, 0);
  /* 275 TOPS = 275 000 GFLOP/s */
  assert_close (convert_ok (&tops, "GFLOP/s"), 275000.0);
  /* "FLOPS" with a capital S is a rate too: 1 PFLOPS = 1000 TFLOP/s */
  assert_close (parse_in ("1 PFLOPS", "TFLOP/s"), 1000.0);
}

static void
test_ops_vs_flop (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity op = parse_ok ("1 TOP");
  MlsQuantity flop = parse_ok ("1 TFLOP");
  MlsQuantity tops = parse_ok ("1 TOPS");
  MlsQuantity sum;

  /* an integer operation counts as one operation, like a FLOP: 1 TOP + 1 TFLOP = 2e12 */
  g_assert_true (mls_quantity_add (&op, &flop, &sum, &error));
  g_assert_no_error (error);
  assert_close (sum.value, 2e12);
  /* but an amount and a rate do not add */
  g_assert_false (mls_quantity_add (&op, &tops, &sum, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION);
  g_assert_nonnull (strstr (error->message, "compute rate"));
  g_assert_nonnull (strstr (error->message, "amount of computation"));
}

static void
test_mac_is_two_flop (void)
{
  /* a multiply-accumulate is one multiply and one add: 1 GMAC = 2 GFLOP */
  assert_close (parse_in ("1 GMAC", "GFLOP"), 2.0);
  assert_close (parse_in ("3 MACs", "FLOP"), 6.0);
}

/* ---------------------------------------------------------------------------------------- */
/* Other units and unit syntax                                                              */

static void
test_power_energy_units (void)
{
  /* 1 W = 1 J/s = 1 kg·m²·s⁻³ */
  MlsQuantity w = parse_ok ("1 W");

  assert_dims (&w, -3, 2, 1, 0, 0, 0);
  assert_close (parse_in ("1 kW", "J/s"), 1000.0);
  assert_close (parse_in ("1 kg\xc2\xb7m^2\xc2\xb7s^-3", "W"), 1.0);
  /* 3 MJ = 3e6 / 3.6e6 kWh = 0.8333… kWh */
  assert_close (parse_in ("3 MJ", "kWh"), 3.0 / 3.6);
  /* 1 MW for 1 h = 1 MWh = 1000 kWh */
  assert_close (parse_in ("1 MWh", "kWh"), 1000.0);
}

static void
test_mass_units (void)
{
  /* 1 t = 1000 kg; 1 tCO2e = 1000 kg of CO2-equivalent; 500 gCO2 = 0.5 kg */
  g_assert_cmpfloat (parse_ok ("1 t").value, ==, 1000.0);
  g_assert_cmpfloat (parse_ok ("1 tCO2e").value, ==, 1000.0);
  assert_close (parse_ok ("500 gCO2").value, 0.5);
  assert_close (parse_in ("2.5 kt", "t"), 2500.0);
  assert_close (parse_in ("1 kg", "g"), 1000.0);
}

static void
test_unit_exponents (void)
{
  MlsQuantity q;

  /* 1 m² = 1 m^2; 1 km² = 1e6 m² */
  q = parse_ok ("1 m\xc2\xb2");
  assert_dims (&q, 0, 2, 0, 0, 0, 0);
  q = parse_ok ("1 km^2");
  assert_dims (&q, 0, 2, 0, 0, 0, 0);
  assert_close (q.value, 1e6);
  /* 1 L = 1 dm³ = 1e-3 m³ */
  q = parse_ok ("1 L");
  assert_dims (&q, 0, 3, 0, 0, 0, 0);
  assert_close (q.value, 1e-3);
  q = parse_ok ("2 m\xc2\xb3");
  assert_close (convert_ok (&q, "L"), 2000.0);
  /* 10 s^-1 = 10 /s = 10 Hz */
  q = parse_ok ("10 s^-1");
  assert_dims (&q, -1, 0, 0, 0, 0, 0);
  assert_close (convert_ok (&q, "Hz"), 10.0);
}

static void
test_leading_slash_rate (void)
{
  /* "12 /s" is twelve per second */
  MlsQuantity q = parse_ok ("12 /s");

  assert_dims (&q, -1, 0, 0, 0, 0, 0);
  assert_close (q.value, 12.0);
  /* 1800 /h = 0.5 /s */
  assert_close (parse_ok ("1800 /h").value, 0.5);
}

static void
test_dimensionless_counts (void)
{
  MlsQuantity q = parse_ok ("70 Bparam");

  /* 70 billion parameters: a count, no dimension */
  g_assert_true (mls_quantity_is_dimensionless (&q));
  assert_close (q.value, 70e9);
  /* 50 % = 0.5; 2 ktokens = 2000 */
  assert_close (parse_ok ("50 %").value, 0.5);
  assert_close (parse_ok ("2 ktokens").value, 2000.0);
  /* a bare number is dimensionless */
  q = parse_ok ("42");
  g_assert_true (mls_quantity_is_dimensionless (&q));
  g_assert_cmpfloat (q.value, ==, 42.0);
}

static void
test_number_syntax (void)
{
  /* exponents, signs, leading dot and surrounding blanks */
  assert_close (parse_ok ("1.5e3 W").value, 1500.0);
  assert_close (parse_ok ("2E-3 s").value, 2e-3);
  assert_close (parse_ok ("-40 W").value, -40.0);
  assert_close (parse_ok ("+40 W").value, 40.0);
  assert_close (parse_ok (".5 GB").value, 5e8);
  assert_close (parse_ok ("  3.35 TB/s\t").value, 3.35e12);
  /* no blank between number and unit */
  assert_close (parse_ok ("3.35TB/s").value, 3.35e12);
}

static void
test_quantity_new_and_copy (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsQuantity) q = mls_quantity_new (3.35, "TB/s", &error);
  g_autoptr (MlsQuantity) copy = NULL;
  g_autoptr (MlsQuantity) parsed = NULL;
  g_autoptr (MlsQuantity) bad = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (q);
  assert_close (q->value, 3.35e12);
  copy = mls_quantity_copy (q);
  g_assert_true (copy != q);
  g_assert_cmpfloat (copy->value, ==, q->value);
  g_assert_true (mls_quantity_same_dimension (copy, q));

  parsed = mls_quantity_new_parse ("80 GiB", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (parsed->value, ==, 85899345920.0);

  bad = mls_quantity_new (1.0, "parsecs", &error);
  g_assert_null (bad);
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_UNKNOWN_UNIT);
  g_assert_nonnull (strstr (error->message, "parsecs"));

  g_assert_true (G_TYPE_IS_BOXED (MLS_TYPE_QUANTITY));
}

static void
test_from_unit (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q;

  /* 3.35 in TB/s is 3.35e12 B/s */
  g_assert_true (mls_quantity_from_unit (3.35, "TB/s", &q, &error));
  g_assert_no_error (error);
  assert_close (q.value, 3.35e12);
  assert_dims (&q, -1, 0, 0, 1, 0, 0);
  /* no unit: a plain number */
  g_assert_true (mls_quantity_from_unit (7.0, NULL, &q, &error));
  g_assert_true (mls_quantity_is_dimensionless (&q));
  g_assert_cmpfloat (q.value, ==, 7.0);
  /* anything after the unit is an error */
  g_assert_false (mls_quantity_from_unit (1.0, "GB/s 2", &q, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_PARSE);
}

static void
test_scalar_and_make (void)
{
  MlsQuantity s = mls_quantity_scalar (2.5);
  /* 3.35e12 B/s: time −1, data +1 */
  MlsQuantity bw = mls_quantity_make (3.35e12, -1, 0, 0, 1, 0, 0);

  g_assert_true (mls_quantity_is_dimensionless (&s));
  g_assert_cmpfloat (mls_quantity_value (&s), ==, 2.5);
  assert_close (convert_ok (&bw, "TB/s"), 3.35);
  g_assert_false (mls_quantity_is_dimensionless (&bw));
}

/* ---------------------------------------------------------------------------------------- */
/* Conversion to named units                                                                */

static void
test_convert_named_units (void)
{
  /* 1 h = 3600 s; 2 GiB = 2048 MiB; 1 kW = 1000 W; 1.5 kWh = 1500 Wh; 1 TB/s = 1000 GB/s */
  assert_close (parse_in ("1 h", "s"), 3600.0);
  assert_close (parse_in ("2 GiB", "MiB"), 2048.0);
  assert_close (parse_in ("1 kW", "W"), 1000.0);
  assert_close (parse_in ("1.5 kWh", "Wh"), 1500.0);
  assert_close (parse_in ("1 TB/s", "GB/s"), 1000.0);
  /* 1 GB/s for 1 h: 3600 GB = 3.6 TB per hour */
  assert_close (parse_in ("1 GB/s", "TB/h"), 3.6);
}

static void
test_format_in (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q = parse_ok ("400 Gbps");
  g_autofree char *text = NULL;
  g_autofree char *bad = NULL;

  /* 400 Gbps = 50 GB/s (see test_gbps_is_bytes) */
  text = mls_quantity_format_in (&q, "GB/s", 4, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "50 GB/s");

  bad = mls_quantity_format_in (&q, "FLOP/s", 4, &error);
  g_assert_null (bad);
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION);
}

static void
test_convert_unknown_unit (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q = parse_ok ("1 GB");
  double value = 0;

  g_assert_false (mls_quantity_convert (&q, "furlongs", &value, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_UNKNOWN_UNIT);
  g_assert_nonnull (strstr (error->message, "furlongs"));
}

/* ---------------------------------------------------------------------------------------- */
/* Arithmetic                                                                               */

static void
test_add (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity a = parse_ok ("1 GB");
  MlsQuantity b = parse_ok ("1 GiB");
  MlsQuantity sum;

  /* 1e9 + 1 073 741 824 = 2 073 741 824 B */
  g_assert_true (mls_quantity_add (&a, &b, &sum, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (sum.value, ==, 2073741824.0);
  assert_dims (&sum, 0, 0, 0, 1, 0, 0);
  /* 1 h + 30 min = 5400 s */
  a = parse_ok ("1 h");
  b = parse_ok ("30 min");
  g_assert_true (mls_quantity_add (&a, &b, &sum, &error));
  g_assert_cmpfloat (sum.value, ==, 5400.0);
  /* out may alias an input: 5400 s + 30 min = 7200 s */
  g_assert_true (mls_quantity_add (&sum, &b, &sum, &error));
  g_assert_cmpfloat (sum.value, ==, 7200.0);
}

static void
test_subtract (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity a = parse_ok ("1 h");
  MlsQuantity b = parse_ok ("30 min");
  MlsQuantity diff;

  /* 3600 s − 1800 s = 1800 s */
  g_assert_true (mls_quantity_subtract (&a, &b, &diff, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (diff.value, ==, 1800.0);
  /* 700 W − 1 kW = −300 W */
  a = parse_ok ("700 W");
  b = parse_ok ("1 kW");
  g_assert_true (mls_quantity_subtract (&a, &b, &diff, &error));
  g_assert_cmpfloat (diff.value, ==, -300.0);
  assert_dims (&diff, -3, 2, 1, 0, 0, 0);
}

static void
test_multiply (void)
{
  MlsQuantity bw = parse_ok ("3.35 TB/s");
  MlsQuantity t = parse_ok ("2 ms");
  MlsQuantity bytes;

  /* 3.35e12 B/s × 2e-3 s = 6.7e9 B = 6.7 GB */
  mls_quantity_multiply (&bw, &t, &bytes);
  assert_dims (&bytes, 0, 0, 0, 1, 0, 0);
  assert_close (convert_ok (&bytes, "GB"), 6.7);
  /* a count times a quantity keeps the quantity's dimension: 8 × 700 W = 5.6 kW */
  MlsQuantity n = mls_quantity_scalar (8);
  MlsQuantity w = parse_ok ("700 W");
  MlsQuantity total;
  mls_quantity_multiply (&n, &w, &total);
  assert_close (convert_ok (&total, "kW"), 5.6);
}

static void
test_divide (void)
{
  MlsQuantity weights = parse_ok ("80 GiB");
  MlsQuantity bw = parse_ok ("3.35 TB/s");
  MlsQuantity t;

  /* reading 80 GiB at 3.35 TB/s: 85.89934592e9 / 3.35e12 s = 25.6416 ms
   * (3350 × 0.0256 = 85.76; the remaining 0.13934592 / 3350 = 4.16e-5) */
  mls_quantity_divide (&weights, &bw, &t);
  assert_dims (&t, 1, 0, 0, 0, 0, 0);
  assert_close (t.value, 85.89934592e9 / 3.35e12);
  g_assert_cmpfloat_with_epsilon (convert_ok (&t, "ms"), 25.6416, 1e-4);
  /* a quantity over itself is a plain 1 */
  mls_quantity_divide (&bw, &bw, &t);
  g_assert_true (mls_quantity_is_dimensionless (&t));
  g_assert_cmpfloat (t.value, ==, 1.0);
}

static void
test_scale (void)
{
  MlsQuantity w = parse_ok ("700 W");
  MlsQuantity out;

  /* 700 W × 0.4 = 280 W */
  mls_quantity_scale (&w, 0.4, &out);
  assert_close (out.value, 280.0);
  assert_dims (&out, -3, 2, 1, 0, 0, 0);
}

static void
test_compare (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity a = parse_ok ("1 h");
  MlsQuantity b = parse_ok ("60 min");
  MlsQuantity c = parse_ok ("3601 s");
  int order = 99;

  /* 1 h = 60 × 60 s = 3600 s exactly */
  g_assert_true (mls_quantity_compare (&a, &b, &order, &error));
  g_assert_no_error (error);
  g_assert_cmpint (order, ==, 0);
  g_assert_true (mls_quantity_compare (&a, &c, &order, &error));
  g_assert_cmpint (order, <, 0);
  g_assert_true (mls_quantity_compare (&c, &a, &order, &error));
  g_assert_cmpint (order, >, 0);
  /* 900 GB/s (NVLink 4) is more than 400 Gbps (= 50 GB/s) */
  a = parse_ok ("900 GB/s");
  b = parse_ok ("400 Gbps");
  g_assert_true (mls_quantity_compare (&a, &b, &order, &error));
  g_assert_cmpint (order, >, 0);
}

static void
test_power (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q = parse_ok ("3 m");
  MlsQuantity out;

  /* (3 m)² = 9 m² */
  g_assert_true (mls_quantity_power (&q, 2, &out, &error));
  g_assert_no_error (error);
  assert_close (out.value, 9.0);
  assert_dims (&out, 0, 2, 0, 0, 0, 0);
  /* (2 s)⁻¹ = 0.5 /s */
  q = parse_ok ("2 s");
  g_assert_true (mls_quantity_power (&q, -1, &out, &error));
  assert_close (out.value, 0.5);
  assert_dims (&out, -1, 0, 0, 0, 0, 0);
  /* anything to the 0th power is a plain 1 */
  q = parse_ok ("700 W");
  g_assert_true (mls_quantity_power (&q, 0, &out, &error));
  g_assert_true (mls_quantity_is_dimensionless (&out));
  g_assert_cmpfloat (out.value, ==, 1.0);
  /* (2 kB)³ = 8e9 B³ */
  q = parse_ok ("2 kB");
  g_assert_true (mls_quantity_power (&q, 3, &out, &error));
  assert_close (out.value, 8e9);
  assert_dims (&out, 0, 0, 0, 3, 0, 0);
}

static void
test_power_overflow (void)
{
  g_autoptr (GError) error = NULL;
  /* m^12: a twentieth power would be m^240, beyond the int8 exponent range (±127) */
  MlsQuantity q = mls_quantity_make (2.0, 0, 12, 0, 0, 0, 0);
  MlsQuantity out;

  g_assert_false (mls_quantity_power (&q, 20, &out, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_RANGE);
  g_clear_error (&error);
  /* m² to the G_MAXINT: 2 × 2 147 483 647 overflows an int; must still be a range error, not
   * a wrapped-around exponent */
  q = mls_quantity_make (1.0, 0, 2, 0, 0, 0, 0);
  g_assert_false (mls_quantity_power (&q, G_MAXINT, &out, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (mls_quantity_power (&q, G_MININT, &out, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_RANGE);
}

static void
test_same_dimension (void)
{
  MlsQuantity a = parse_ok ("1 TOPS");
  MlsQuantity b = parse_ok ("5 PFLOP/s");
  MlsQuantity c = parse_ok ("5 PB/s");

  g_assert_true (mls_quantity_same_dimension (&a, &b));
  g_assert_false (mls_quantity_same_dimension (&a, &c));
  g_assert_false (mls_quantity_is_dimensionless (&a));
}

/* ---------------------------------------------------------------------------------------- */
/* Dimension errors: the message must teach the difference, in words                        */

static void
test_error_add_compute_rate_bandwidth (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity flops = parse_ok ("989 TFLOP/s");
  MlsQuantity bw = parse_ok ("3.35 TB/s");
  MlsQuantity out;

  g_assert_false (mls_quantity_add (&flops, &bw, &out, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION);
  g_assert_nonnull (strstr (error->message, "compute rate"));
  g_assert_nonnull (strstr (error->message, "bandwidth"));
  g_assert_nonnull (strstr (error->message, "add"));
}

static void
test_error_subtract (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity power = parse_ok ("700 W");
  MlsQuantity energy = parse_ok ("1 kWh");
  MlsQuantity out;

  g_assert_false (mls_quantity_subtract (&power, &energy, &out, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION);
  g_assert_nonnull (strstr (error->message, "power"));
  g_assert_nonnull (strstr (error->message, "energy"));
  g_assert_nonnull (strstr (error->message, "subtract"));
  g_clear_error (&error);

  /* and the other pair of the acceptance list, the other way round */
  MlsQuantity bw = parse_ok ("3.35 TB/s");
  MlsQuantity flops = parse_ok ("989 TFLOP/s");
  g_assert_false (mls_quantity_subtract (&bw, &flops, &out, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION);
  g_assert_nonnull (strstr (error->message, "bandwidth"));
  g_assert_nonnull (strstr (error->message, "compute rate"));
}

static void
test_error_compare (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity flops = parse_ok ("989 TFLOP/s");
  MlsQuantity bw = parse_ok ("3.35 TB/s");
  int order = 42;

  g_assert_false (mls_quantity_compare (&flops, &bw, &order, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION);
  g_assert_nonnull (strstr (error->message, "compute rate"));
  g_assert_nonnull (strstr (error->message, "bandwidth"));
  g_assert_nonnull (strstr (error->message, "compare"));
  g_clear_error (&error);

  /* time against data */
  MlsQuantity t = parse_ok ("1 s");
  MlsQuantity b = parse_ok ("1 B");
  g_assert_false (mls_quantity_compare (&t, &b, &order, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION);
  g_assert_nonnull (strstr (error->message, "time"));
  g_assert_nonnull (strstr (error->message, "data"));
}

static void
test_error_convert_bits_to_flop (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q = parse_ok ("400 Gbps");
  double value = 0;

  g_assert_false (mls_quantity_convert (&q, "FLOP", &value, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION);
  g_assert_nonnull (strstr (error->message, "bandwidth"));
  g_assert_nonnull (strstr (error->message, "computation"));
  g_assert_nonnull (strstr (error->message, "FLOP"));
}

static void
test_error_convert_rate_to_amount (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q = parse_ok ("275 TOPS");
  double value = 0;

  /* a rate is not an amount: TOPS cannot be shown in TFLOP */
  g_assert_false (mls_quantity_convert (&q, "TFLOP", &value, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION);
  g_assert_nonnull (strstr (error->message, "compute rate"));
  g_assert_nonnull (strstr (error->message, "amount of computation"));
}

static void
test_error_without_gerror (void)
{
  MlsQuantity a = parse_ok ("1 s");
  MlsQuantity b = parse_ok ("1 B");
  MlsQuantity out;
  int order;
  double value;

  /* a NULL error location is allowed and the result is still a failure */
  g_assert_false (mls_quantity_add (&a, &b, &out, NULL));
  g_assert_false (mls_quantity_subtract (&a, &b, &out, NULL));
  g_assert_false (mls_quantity_compare (&a, &b, &order, NULL));
  g_assert_false (mls_quantity_convert (&a, "B", &value, NULL));
  g_assert_false (mls_quantity_parse ("abc", &out, NULL));
}

static void
test_check_dimension (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity bw = parse_ok ("3.35 TB/s");
  MlsQuantity bare = parse_ok ("3.35");
  MlsQuantity flops = parse_ok ("989 TFLOP/s");

  g_assert_true (mls_quantity_check_dimension (&bw, "B/s", "memory.bandwidth", &error));
  g_assert_no_error (error);

  g_assert_false (mls_quantity_check_dimension (&bare, "B/s", "memory.bandwidth", &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION);
  g_assert_nonnull (strstr (error->message, "memory.bandwidth"));
  g_assert_nonnull (strstr (error->message, "bare number"));
  g_clear_error (&error);

  g_assert_false (mls_quantity_check_dimension (&flops, "B/s", "memory.bandwidth", &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION);
  g_assert_nonnull (strstr (error->message, "memory.bandwidth"));
  g_assert_nonnull (strstr (error->message, "bandwidth"));
  g_assert_nonnull (strstr (error->message, "compute rate"));
}

static void
test_describe_dimension (void)
{
  struct { const char *text; const char *words; } cases[] = {
    { "1 s", "time" },          { "1 B", "data" },         { "1 FLOP", "computation" },
    { "1 TFLOP/s", "compute rate" }, { "1 GB/s", "bandwidth" }, { "1 W", "power" },
    { "1 kWh", "energy" },      { "1 kg", "mass" },        { "1 USD", "money" },
    { "1 L", "volume" },        { "2", "plain number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MlsQuantity q = parse_ok (cases[i].text);
      g_autofree char *words = mls_quantity_describe_dimension (&q);
      g_assert_nonnull (strstr (words, cases[i].words));
    }
}

static void
test_dimension_symbol (void)
{
  MlsQuantity w = parse_ok ("1 W");
  MlsQuantity bw = parse_ok ("1 B/s");
  g_autofree char *ws = mls_quantity_dimension_symbol (&w);
  g_autofree char *bs = mls_quantity_dimension_symbol (&bw);
  g_autofree char *unusual = NULL;
  MlsQuantity odd = mls_quantity_make (1, 1, 0, 0, 1, 0, 0);

  /* W = kg·m²·s⁻³, B/s = B·s⁻¹ */
  g_assert_nonnull (strstr (ws, "kg"));
  g_assert_nonnull (strstr (ws, "m^2"));
  g_assert_nonnull (strstr (ws, "s^-3"));
  g_assert_nonnull (strstr (bs, "B"));
  g_assert_nonnull (strstr (bs, "s^-1"));
  /* an unnamed kind (B·s) still gets a description built from the symbol */
  unusual = mls_quantity_describe_dimension (&odd);
  g_assert_nonnull (strstr (unusual, "B"));
  g_assert_nonnull (strstr (unusual, "s"));
}

/* ---------------------------------------------------------------------------------------- */
/* Malformed text: a GError naming the character position                                   */

static void
test_malformed_trailing_slash (void)
{
  /* "3.35 TB/" is 8 characters; the missing unit would start at character 9 */
  assert_parse_error ("3.35 TB/", MLS_UNITS_ERROR_PARSE, "character 9");
}

static void
test_malformed_word (void)
{
  assert_parse_error ("abc", MLS_UNITS_ERROR_PARSE, "character 1");
}

static void
test_malformed_overflow (void)
{
  /* 1e999 exceeds DBL_MAX ≈ 1.8e308 */
  assert_parse_error ("1e999 W", MLS_UNITS_ERROR_RANGE, "character 1");
  /* 1e300 is finite, but 1e300 ZB = 1e321 B is not */
  assert_parse_error ("1e300 ZB", MLS_UNITS_ERROR_RANGE, "character 1");
}

static void
test_malformed_empty (void)
{
  assert_parse_error ("", MLS_UNITS_ERROR_PARSE, "character 1");
  /* only blanks: the number is missing after them, at character 4 */
  assert_parse_error ("   ", MLS_UNITS_ERROR_PARSE, "character 4");
}

static void
test_malformed_nan (void)
{
  assert_parse_error ("NaN", MLS_UNITS_ERROR_PARSE, "character 1");
  assert_parse_error ("nan W", MLS_UNITS_ERROR_PARSE, "character 1");
}

static void
test_malformed_inf (void)
{
  assert_parse_error ("inf W", MLS_UNITS_ERROR_PARSE, "character 1");
  assert_parse_error ("-inf W", MLS_UNITS_ERROR_PARSE, "character 1");
  assert_parse_error ("infinity", MLS_UNITS_ERROR_PARSE, "character 1");
}

static void
test_malformed_hex (void)
{
  assert_parse_error ("0x10 W", MLS_UNITS_ERROR_PARSE, "character 1");
  assert_parse_error ("0X1p3", MLS_UNITS_ERROR_PARSE, "character 1");
}

static void
test_malformed_unknown_unit (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q;

  /* "5 furlongs": the unit starts at character 3 */
  g_assert_false (mls_quantity_parse ("5 furlongs", &q, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_UNKNOWN_UNIT);
  g_assert_nonnull (strstr (error->message, "character 3"));
  g_assert_nonnull (strstr (error->message, "furlongs"));
  g_clear_error (&error);

  /* the unknown part of a compound unit: "3 TB/fortnight", 'f' is character 6 */
  g_assert_false (mls_quantity_parse ("3 TB/fortnight", &q, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_UNKNOWN_UNIT);
  g_assert_nonnull (strstr (error->message, "character 6"));
}

static void
test_malformed_trailing_operator (void)
{
  /* "5 W +": the '+' is character 5 */
  assert_parse_error ("5 W +", MLS_UNITS_ERROR_PARSE, "character 5");
  /* "5 W 3": the stray '3' is character 5 */
  assert_parse_error ("5 W 3", MLS_UNITS_ERROR_PARSE, "character 5");
}

static void
test_malformed_exponent (void)
{
  /* "5 m^": the exponent would be character 5 */
  assert_parse_error ("5 m^", MLS_UNITS_ERROR_PARSE, "character 5");
  /* exponents are small whole numbers */
  assert_parse_error ("5 m^13", MLS_UNITS_ERROR_RANGE, "character");
  assert_parse_error ("5 m^1.5", MLS_UNITS_ERROR_PARSE, "character");
}

static void
test_malformed_case_matters (void)
{
  /* unit names are case-sensitive: neither "gb" nor "WATTS" is a unit */
  assert_parse_error ("5 gb", MLS_UNITS_ERROR_UNKNOWN_UNIT, "character 3");
  assert_parse_error ("5 WATTS", MLS_UNITS_ERROR_UNKNOWN_UNIT, "character 3");
}

/* ---------------------------------------------------------------------------------------- */
/* Formatting                                                                               */

static void
test_format_compute_rate (void)
{
  /* 989e12 FLOP/s = 989 × 1e12 → T prefix */
  MlsQuantity q = mls_quantity_make (989e12, -1, 0, 0, 0, 1, 0);
  assert_format (&q, 4, "989 TFLOP/s");
  assert_format (&q, 15, "989 TFLOP/s");
}

static void
test_format_gib_in_gb (void)
{
  /* 85.89934592e9 B to 4 significant digits: 85.90 GB, trailing zero dropped → 85.9 GB */
  MlsQuantity q = mls_quantity_make (85.89934592e9, 0, 0, 0, 1, 0, 0);
  assert_format (&q, 4, "85.9 GB");
  assert_format (&q, 10, "85.89934592 GB");
}

static void
test_format_nanoseconds (void)
{
  /* 5e-7 s = 500e-9 s = 500 ns */
  MlsQuantity q = mls_quantity_make (5e-7, 1, 0, 0, 0, 0, 0);
  assert_format (&q, 4, "500 ns");
  q.value = -5e-7;
  assert_format (&q, 4, "-500 ns");
  /* 2.5e-3 s = 2.5 ms; 2.5e-5 s = 25 µs */
  q.value = 2.5e-3;
  assert_format (&q, 4, "2.5 ms");
  q.value = 2.5e-5;
  assert_format (&q, 4, "25 \xc2\xb5s");
}

static void
test_format_long_times (void)
{
  MlsQuantity q = mls_quantity_make (5400, 1, 0, 0, 0, 0, 0);

  /* 5400 s = 90 min; 2 d = 172 800 s; 3 Julian years = 94 672 800 s; 30 s stays in seconds */
  assert_format (&q, 4, "90 min");
  q.value = 172800;
  assert_format (&q, 4, "2 d");
  q.value = 3 * 31557600.0;
  assert_format (&q, 4, "3 year");
  q.value = 30;
  assert_format (&q, 4, "30 s");
  /* 36 h = 129 600 s: below two days, so hours read better */
  q.value = 129600;
  assert_format (&q, 4, "36 h");
}

static void
test_format_energy (void)
{
  /* 700 W × 24 h = 16.8 kWh = 6.048e7 J; below a kWh, joules: 3 kJ */
  MlsQuantity q = mls_quantity_make (6.048e7, -2, 2, 1, 0, 0, 0);
  assert_format (&q, 4, "16.8 kWh");
  q.value = 3000;
  assert_format (&q, 4, "3 kJ");
  /* 1 GWh = 3.6e12 J */
  q.value = 3.6e12;
  assert_format (&q, 4, "1 GWh");
}

static void
test_format_power_and_bandwidth (void)
{
  MlsQuantity w = mls_quantity_make (700, -3, 2, 1, 0, 0, 0);
  MlsQuantity bw = mls_quantity_make (50e9, -1, 0, 0, 1, 0, 0);

  assert_format (&w, 4, "700 W");
  /* 1500 W = 1.5 kW; 10.2 MW for a cluster */
  w.value = 1500;
  assert_format (&w, 4, "1.5 kW");
  w.value = 10.2e6;
  assert_format (&w, 4, "10.2 MW");
  assert_format (&bw, 4, "50 GB/s");
}

static void
test_format_mass (void)
{
  /* 6.72 kg; 2500 kg = 2.5 t; 0.5 kg = 500 g; 3e6 kg = 3000 t = 3 kt */
  MlsQuantity q = mls_quantity_make (6.72, 0, 0, 1, 0, 0, 0);
  assert_format (&q, 4, "6.72 kg");
  q.value = 2500;
  assert_format (&q, 4, "2.5 t");
  q.value = 0.5;
  assert_format (&q, 4, "500 g");
  q.value = 3e6;
  assert_format (&q, 4, "3 kt");
}

static void
test_format_plain_kinds (void)
{
  MlsQuantity n = mls_quantity_scalar (42);
  MlsQuantity zero = mls_quantity_make (0, 0, 0, 0, 1, 0, 0);
  MlsQuantity ridge = mls_quantity_make (989.0 / 3.35, 0, 0, 0, -1, 1, 0);
  MlsQuantity money = mls_quantity_make (2.016, 0, 0, 0, 0, 0, 1);
  MlsQuantity third = mls_quantity_scalar (1.0 / 3.0);
  g_autofree char *s = mls_quantity_to_string (&third);

  assert_format (&n, 4, "42");
  assert_format (&zero, 4, "0 B");
  /* 295.22388 FLOP/B to four digits: 295.2 */
  assert_format (&ridge, 4, "295.2 FLOP/B");
  assert_format (&money, 4, "2.016 USD");
  /* to_string keeps 15 significant digits: 1/3 = 0.333333333333333 */
  g_assert_cmpstr (s, ==, "0.333333333333333");
}

static void
test_format_unnamed_kind (void)
{
  /* 2 B·s: no name for this kind, so base-unit symbols are used, and they parse back */
  MlsQuantity q = mls_quantity_make (2, 1, 0, 0, 1, 0, 0);
  g_autofree char *text = mls_quantity_format (&q, 4);
  MlsQuantity back = parse_ok (text);

  g_assert_cmpfloat (back.value, ==, 2.0);
  g_assert_true (mls_quantity_same_dimension (&q, &back));
}

static void
test_format_locale_independent (void)
{
  /* the decimal separator is always '.', so files written anywhere read back */
  MlsQuantity q = mls_quantity_make (3.35e12, -1, 0, 0, 1, 0, 0);
  g_autofree char *text = mls_quantity_format (&q, 4);

  g_assert_nonnull (strchr (text, '.'));
  g_assert_null (strchr (text, ','));
}

/* ---------------------------------------------------------------------------------------- */
/* Round trip: parse (format (q, 15)) == q                                                  */

static const gint8 round_trip_kinds[][MLS_N_DIMENSIONS] = {
  /* time, length, mass, data, ops, currency */
  { 0, 0, 0, 0, 0, 0 },   /* plain number */
  { 1, 0, 0, 0, 0, 0 },   /* time */
  { 0, 1, 0, 0, 0, 0 },   /* length */
  { 0, 0, 1, 0, 0, 0 },   /* mass */
  { 0, 0, 0, 1, 0, 0 },   /* data */
  { 0, 0, 0, 0, 1, 0 },   /* computation */
  { 0, 0, 0, 0, 0, 1 },   /* money */
  { -1, 0, 0, 0, 1, 0 },  /* compute rate */
  { -1, 0, 0, 1, 0, 0 },  /* bandwidth */
  { -1, 0, 0, 0, 0, 0 },  /* frequency */
  { -3, 2, 1, 0, 0, 0 },  /* power */
  { -2, 2, 1, 0, 0, 0 },  /* energy */
  { 0, 3, 0, 0, 0, 0 },   /* volume */
  { 0, 0, 0, -1, 1, 0 },  /* arithmetic intensity */
  { 0, 0, 0, 1, -1, 0 },  /* bytes per FLOP */
  { 2, -2, 0, 0, 0, 0 },  /* carbon intensity */
  { 2, -2, -1, 0, 0, 1 }, /* energy price */
  { 2, 1, -1, 0, 0, 0 },  /* water intensity */
  { -1, 0, 0, 0, 0, 1 },  /* cost rate */
  { 0, 0, -1, 0, 0, 1 },  /* price per mass */
  { -1, 1, 0, 0, 0, 0 },  /* speed */
  { 0, 0, 0, -1, 0, 1 },  /* price per byte */
  { 1, 0, 0, 1, 0, 0 },   /* unnamed: B·s */
  { -2, 0, 0, 0, 0, 0 },  /* unnamed: s^-2 */
  { 0, 0, 2, 0, 0, 0 },   /* unnamed: kg^2 */
  { 0, -3, 0, 0, 0, 0 },  /* unnamed: m^-3 */
  { 0, 0, 0, 0, 0, -1 },  /* unnamed: USD^-1 */
  { -1, 0, 0, -1, 1, 0 }, /* unnamed: FLOP·B^-1·s^-1 */
  { 3, -1, 2, 2, -2, 1 }, /* unnamed, everything at once */
};

static void
assert_round_trip (const MlsQuantity *q)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = mls_quantity_format (q, 15);
  MlsQuantity back;

  if (!mls_quantity_parse (text, &back, &error))
    g_error ("“%s” (from %.17g) does not parse back: %s", text, q->value, error->message);
  if (!mls_quantity_same_dimension (q, &back))
    g_error ("“%s” parses back with other dimensions", text);
  if (fabs (back.value - q->value) > 1e-12 * fabs (q->value))
    g_error ("“%s” parses back as %.17g, not %.17g", text, back.value, q->value);
}

static void
test_round_trip_random (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260610);

  for (guint i = 0; i < 10000; i++)
    {
      guint k = g_rand_int_range (rand, 0, G_N_ELEMENTS (round_trip_kinds));
      /* a magnitude spread evenly over 1e-15 … 1e24 on a log scale, with either sign */
      double magnitude = pow (10.0, g_rand_double_range (rand, -15.0, 24.0));
      double value = g_rand_boolean (rand) ? magnitude : -magnitude;
      MlsQuantity q = { value, { 0 } };

      memcpy (q.dims, round_trip_kinds[k], MLS_N_DIMENSIONS);
      assert_round_trip (&q);
    }
}

static void
test_round_trip_edges (void)
{
  /* the ends of the range, exact powers of ten, and values just under a prefix boundary
   * (where rounding to 15 digits moves to the next prefix) */
  const double values[] = {
    1e-15, 1e24, 1.0, 1000.0, 999.9999999999999, 999999.9999999999, 0.9999999999999999,
    1e-3, 1e-6, 1e-9, 1e-12, 1e21, 59.99999999999999, 119.99999999999999, 3.6e6,
    3599999.9999999995, 31557600.0, 63115199.99999999, 0.0, 123456789012345.0,
  };

  for (guint k = 0; k < G_N_ELEMENTS (round_trip_kinds); k++)
    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      for (int sign = -1; sign <= 1; sign += 2)
        {
          MlsQuantity q = { sign * values[i], { 0 } };
          memcpy (q.dims, round_trip_kinds[k], MLS_N_DIMENSIONS);
          assert_round_trip (&q);
        }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quantity/acceptance/gbps-is-gigabytes", test_gbps_is_bytes);
  g_test_add_func ("/quantity/acceptance/gib-is-gb", test_gib_is_gb);
  g_test_add_func ("/quantity/acceptance/ridge-point", test_ridge_point);
  g_test_add_func ("/quantity/acceptance/kwh-is-megajoules", test_kwh_is_megajoules);
  g_test_add_func ("/quantity/acceptance/watts-times-hours", test_watts_times_hours);

  g_test_add_func ("/quantity/data/bits-vs-bytes", test_bits_vs_bytes);
  g_test_add_func ("/quantity/data/bit-rates", test_bit_rates);
  g_test_add_func ("/quantity/data/gib-vs-gb", test_gib_vs_gb);
  g_test_add_func ("/quantity/data/binary-prefix-only-on-data", test_binary_prefix_only_on_data);
  g_test_add_func ("/quantity/data/prefix-ladder", test_prefix_ladder);
  for (guint i = 0; i < G_N_ELEMENTS (decimal_prefixes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/quantity/prefix/decimal/%s",
                                               decimal_prefixes[i].prefix);
      g_test_add_data_func (path, &decimal_prefixes[i], test_decimal_prefix);
    }
  for (guint i = 0; i < G_N_ELEMENTS (small_prefixes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/quantity/prefix/small/%u-%s", i,
                                               small_prefixes[i].prefix);
      g_test_add_data_func (path, &small_prefixes[i], test_small_prefix);
    }
  for (guint i = 0; i < G_N_ELEMENTS (binary_prefixes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/quantity/prefix/binary/%s",
                                               binary_prefixes[i].prefix);
      g_test_add_data_func (path, &binary_prefixes[i], test_binary_prefix);
    }

  g_test_add_func ("/quantity/time/subsecond", test_time_subsecond);
  g_test_add_func ("/quantity/time/hours-days", test_time_hours_days);
  g_test_add_func ("/quantity/time/years", test_time_years);

  g_test_add_func ("/quantity/sustainability/carbon-intensity", test_carbon_intensity);
  g_test_add_func ("/quantity/sustainability/energy-price", test_energy_price);
  g_test_add_func ("/quantity/sustainability/water-intensity", test_water_intensity);
  g_test_add_func ("/quantity/money/units", test_money_units);

  g_test_add_func ("/quantity/ops/flop-is-amount", test_flop_is_amount);
  g_test_add_func ("/quantity/ops/tops-is-rate", test_tops_is_rate);
  g_test_add_func ("/quantity/ops/ops-vs-flop", test_ops_vs_flop);
  g_test_add_func ("/quantity/ops/mac-is-two-flop", test_mac_is_two_flop);

  g_test_add_func ("/quantity/units/power-energy", test_power_energy_units);
  g_test_add_func ("/quantity/units/mass", test_mass_units);
  g_test_add_func ("/quantity/units/exponents", test_unit_exponents);
  g_test_add_func ("/quantity/units/leading-slash-rate", test_leading_slash_rate);
  g_test_add_func ("/quantity/units/dimensionless-counts", test_dimensionless_counts);
  g_test_add_func ("/quantity/units/number-syntax", test_number_syntax);
  g_test_add_func ("/quantity/api/new-and-copy", test_quantity_new_and_copy);
  g_test_add_func ("/quantity/api/from-unit", test_from_unit);
  g_test_add_func ("/quantity/api/scalar-and-make", test_scalar_and_make);

  g_test_add_func ("/quantity/convert/named-units", test_convert_named_units);
  g_test_add_func ("/quantity/convert/format-in", test_format_in);
  g_test_add_func ("/quantity/convert/unknown-unit", test_convert_unknown_unit);

  g_test_add_func ("/quantity/arithmetic/add", test_add);
  g_test_add_func ("/quantity/arithmetic/subtract", test_subtract);
  g_test_add_func ("/quantity/arithmetic/multiply", test_multiply);
  g_test_add_func ("/quantity/arithmetic/divide", test_divide);
  g_test_add_func ("/quantity/arithmetic/scale", test_scale);
  g_test_add_func ("/quantity/arithmetic/compare", test_compare);
  g_test_add_func ("/quantity/arithmetic/power", test_power);
  g_test_add_func ("/quantity/arithmetic/power-overflow", test_power_overflow);
  g_test_add_func ("/quantity/arithmetic/same-dimension", test_same_dimension);

  g_test_add_func ("/quantity/dimension-error/add", test_error_add_compute_rate_bandwidth);
  g_test_add_func ("/quantity/dimension-error/subtract", test_error_subtract);
  g_test_add_func ("/quantity/dimension-error/compare", test_error_compare);
  g_test_add_func ("/quantity/dimension-error/convert-bits-to-flop",
                   test_error_convert_bits_to_flop);
  g_test_add_func ("/quantity/dimension-error/convert-rate-to-amount",
                   test_error_convert_rate_to_amount);
  g_test_add_func ("/quantity/dimension-error/null-error", test_error_without_gerror);
  g_test_add_func ("/quantity/dimension-error/check-dimension", test_check_dimension);
  g_test_add_func ("/quantity/dimension-error/describe", test_describe_dimension);
  g_test_add_func ("/quantity/dimension-error/symbol", test_dimension_symbol);

  g_test_add_func ("/quantity/malformed/trailing-slash", test_malformed_trailing_slash);
  g_test_add_func ("/quantity/malformed/word", test_malformed_word);
  g_test_add_func ("/quantity/malformed/overflow", test_malformed_overflow);
  g_test_add_func ("/quantity/malformed/empty", test_malformed_empty);
  g_test_add_func ("/quantity/malformed/nan", test_malformed_nan);
  g_test_add_func ("/quantity/malformed/inf", test_malformed_inf);
  g_test_add_func ("/quantity/malformed/hex", test_malformed_hex);
  g_test_add_func ("/quantity/malformed/unknown-unit", test_malformed_unknown_unit);
  g_test_add_func ("/quantity/malformed/trailing-operator", test_malformed_trailing_operator);
  g_test_add_func ("/quantity/malformed/exponent", test_malformed_exponent);
  g_test_add_func ("/quantity/malformed/case-matters", test_malformed_case_matters);

  g_test_add_func ("/quantity/format/compute-rate", test_format_compute_rate);
  g_test_add_func ("/quantity/format/gib-in-gb", test_format_gib_in_gb);
  g_test_add_func ("/quantity/format/nanoseconds", test_format_nanoseconds);
  g_test_add_func ("/quantity/format/long-times", test_format_long_times);
  g_test_add_func ("/quantity/format/energy", test_format_energy);
  g_test_add_func ("/quantity/format/power-and-bandwidth", test_format_power_and_bandwidth);
  g_test_add_func ("/quantity/format/mass", test_format_mass);
  g_test_add_func ("/quantity/format/plain-kinds", test_format_plain_kinds);
  g_test_add_func ("/quantity/format/unnamed-kind", test_format_unnamed_kind);
  g_test_add_func ("/quantity/format/locale-independent", test_format_locale_independent);

  g_test_add_func ("/quantity/round-trip/random", test_round_trip_random);
  g_test_add_func ("/quantity/round-trip/edges", test_round_trip_edges);

  return g_test_run ();
}
