/* test-expression.c — evaluating quantity expressions with mls_quantity_evaluate()
 *
 * Every expected value is derived by hand in a comment, never copied from the program's output.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include <mlsysim.h>

#define assert_close(actual, expected)                                                           \
  g_assert_cmpfloat_with_epsilon ((actual), (expected), fabs ((double) (expected)) * 1e-12 + DBL_MIN)

static MlsQuantity
eval_ok (const char *expression)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q;
  gboolean ok;

  ok = mls_quantity_evaluate (expression, &q, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return q;
}

static double
eval_in (const char *expression,
         const char *unit)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q = eval_ok (expression);
  double value = NAN;

  g_assert_true (mls_quantity_convert (&q, unit, &value, &error));
  g_assert_no_error (error);
  return value;
}

static double
eval_plain (const char *expression)
{
  MlsQuantity q = eval_ok (expression);

  g_assert_true (mls_quantity_is_dimensionless (&q));
  return q.value;
}

/* Evaluation must fail with this code; `needles` are strings the message must contain. */
static void
assert_eval_error (const char *expression,
                   int         code,
                   const char *needle,
                   ...)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q;
  va_list args;

  g_assert_false (mls_quantity_evaluate (expression, &q, &error));
  g_assert_error (error, MLS_UNITS_ERROR, code);
  if (g_test_verbose ())
    g_test_message ("%s → %s", expression ? expression : "(null)", error->message);
  va_start (args, needle);
  for (const char *n = needle; n != NULL; n = va_arg (args, const char *))
    g_assert_nonnull (strstr (error->message, n));
  va_end (args);
}

/* ---------------------------------------------------------------------------------------- */
/* Precedence and associativity                                                             */

static void
test_precedence (void)
{
  /* × and ÷ bind tighter than + and −: 1 + (2 × 3) = 7, not (1 + 2) × 3 = 9 */
  g_assert_cmpfloat (eval_plain ("1 + 2 * 3"), ==, 7.0);
  g_assert_cmpfloat (eval_plain ("2 * 3 + 1"), ==, 7.0);
  /* 20 − 12 ÷ 4 = 20 − 3 = 17 */
  g_assert_cmpfloat (eval_plain ("20 - 12 / 4"), ==, 17.0);
}

static void
test_left_associative (void)
{
  /* (10 − 4) − 3 = 3; right-associative would be 10 − (4 − 3) = 9 */
  g_assert_cmpfloat (eval_plain ("10 - 4 - 3"), ==, 3.0);
  /* (100 ÷ 10) ÷ 5 = 2; right-associative would be 100 ÷ 2 = 50 */
  g_assert_cmpfloat (eval_plain ("100 / 10 / 5"), ==, 2.0);
  /* (2 × 3) ÷ 4 = 1.5 */
  g_assert_cmpfloat (eval_plain ("2 * 3 / 4"), ==, 1.5);
}

static void
test_parentheses (void)
{
  /* (1 + 2) × 3 = 9; 2 × (3 + 4) × 5 = 70; ((((2)))) = 2 */
  g_assert_cmpfloat (eval_plain ("(1 + 2) * 3"), ==, 9.0);
  g_assert_cmpfloat (eval_plain ("2 * (3 + 4) * 5"), ==, 70.0);
  g_assert_cmpfloat (eval_plain ("((((2))))"), ==, 2.0);
  /* 100 ÷ (10 ÷ 5) = 50 */
  g_assert_cmpfloat (eval_plain ("100 / (10 / 5)"), ==, 50.0);
}

static void
test_parentheses_with_units (void)
{
  /* (1 h + 30 min) ÷ 2 = 5400 s ÷ 2 = 2700 s = 45 min */
  assert_close (eval_in ("(1 h + 30 min) / 2", "min"), 45.0);
  /* (989 TFLOP/s) ÷ (3.35 TB/s) = 295.22388 FLOP/B (989 / 3.35, see test-quantity) */
  assert_close (eval_in ("(989 TFLOP/s) / (3.35 TB/s)", "FLOP/B"), 989.0 / 3.35);
  /* 1 GB ÷ (1 GB/s) = 1 s */
  assert_close (eval_in ("1 GB / (1 GB/s)", "s"), 1.0);
}

static void
test_whitespace (void)
{
  /* blanks and tabs anywhere between tokens, or none at all */
  g_assert_cmpfloat (eval_plain ("  1  +\t2  "), ==, 3.0);
  g_assert_cmpfloat (eval_plain ("(1+2)*3"), ==, 9.0);
  assert_close (eval_in ("2h+30min", "min"), 150.0);
}

/* ---------------------------------------------------------------------------------------- */
/* Unary minus                                                                              */

static void
test_unary_minus (void)
{
  /* −3 W + 5 W = 2 W */
  assert_close (eval_in ("-3 W + 5 W", "W"), 2.0);
  /* −(2 + 3) = −5; 2 × −3 = −6; − −4 = 4 */
  g_assert_cmpfloat (eval_plain ("-(2 + 3)"), ==, -5.0);
  g_assert_cmpfloat (eval_plain ("2 * -3"), ==, -6.0);
  g_assert_cmpfloat (eval_plain ("- -4"), ==, 4.0);
  g_assert_cmpfloat (eval_plain ("--4"), ==, 4.0);
  /* 5 W − −3 W = 8 W */
  assert_close (eval_in ("5 W - -3 W", "W"), 8.0);
  /* −2 h = −7200 s */
  assert_close (eval_in ("-2 h", "s"), -7200.0);
}

static void
test_unary_minus_binds_tighter (void)
{
  /* −2 × 3 = (−2) × 3 = −6, and 6 ÷ −2 = −3 */
  g_assert_cmpfloat (eval_plain ("-2 * 3"), ==, -6.0);
  g_assert_cmpfloat (eval_plain ("6 / -2"), ==, -3.0);
  /* −1 − 1 = −2, not −(1 − 1) = 0 */
  g_assert_cmpfloat (eval_plain ("-1 - 1"), ==, -2.0);
}

static void
test_long_minus_chain (void)
{
  /* a million minus signs (an even number) before 1: +1, and no stack overflow */
  const gsize n = 1000000;
  g_autofree char *text = g_malloc (n + 2);
  MlsQuantity q;

  memset (text, '-', n);
  text[n] = '1';
  text[n + 1] = '\0';
  q = eval_ok (text);
  g_assert_cmpfloat (q.value, ==, 1.0);
  /* one more makes it odd: −1 */
  text[n] = '-';
  text = g_realloc (text, n + 3);
  text[n + 1] = '1';
  text[n + 2] = '\0';
  q = eval_ok (text);
  g_assert_cmpfloat (q.value, ==, -1.0);
}

/* ---------------------------------------------------------------------------------------- */
/* '/' inside a unit, '/' as division                                                       */

static void
test_ridge_point_expression (void)
{
  /* "TB/s" keeps its '/', the '/' before "3.35" divides: 989 / 3.35 = 295.22388 FLOP/B */
  MlsQuantity q = eval_ok ("989 TFLOP/s / 3.35 TB/s");

  g_assert_cmpint (mls_quantity_get_exponent (&q, MLS_DIM_OPS), ==, 1);
  g_assert_cmpint (mls_quantity_get_exponent (&q, MLS_DIM_DATA), ==, -1);
  g_assert_cmpint (mls_quantity_get_exponent (&q, MLS_DIM_TIME), ==, 0);
  g_assert_cmpfloat_with_epsilon (q.value, 295.22, 0.005);
  /* the same with smaller numbers: 1 TFLOP/s / 2 TB/s = 0.5 FLOP/B */
  assert_close (eval_in ("1 TFLOP/s / 2 TB/s", "FLOP/B"), 0.5);
}

static void
test_divide_rate_by_number (void)
{
  /* 3.35 TB/s ÷ 2 = 1.675 TB/s, with or without blanks round the '/' */
  assert_close (eval_in ("3.35 TB/s / 2", "TB/s"), 1.675);
  assert_close (eval_in ("1 TB/s/2", "TB/s"), 0.5);
  /* 400 Gbps = 50 GB/s; ÷ 8 = 6.25 GB/s */
  assert_close (eval_in ("400 Gbps / 8", "GB/s"), 6.25);
  /* 1 ÷ 2 s = 0.5 /s: "/ 2" is a division, not a unit */
  assert_close (eval_in ("1 / 2 s", "Hz"), 0.5);
}

static void
test_rate_times_time (void)
{
  /* 3 TB/s × 2 s = 6 TB: the '*' before "2" multiplies, it is not part of the unit */
  assert_close (eval_in ("3 TB/s * 2 s", "TB"), 6.0);
  /* reading 80 GiB at 3.35 TB/s: 85.89934592e9 / 3.35e12 s = 25.6416 ms */
  assert_close (eval_in ("80 GiB / 3.35 TB/s", "s"), 85.89934592e9 / 3.35e12);
}

/* ---------------------------------------------------------------------------------------- */
/* × and ÷ signs                                                                            */

static void
test_times_sign (void)
{
  /* 700 W × 24 h = 16 800 Wh = 16.8 kWh */
  assert_close (eval_in ("700 W \xc3\x97 24 h", "kWh"), 16.8);
  assert_close (eval_in ("700 W * 24 h", "kWh"), 16.8);
  /* 2×3 without blanks = 6 */
  g_assert_cmpfloat (eval_plain ("2\xc3\x97" "3"), ==, 6.0);
}

static void
test_divide_sign (void)
{
  /* 989 TFLOP/s ÷ 3.35 TB/s = 295.22388 FLOP/B */
  assert_close (eval_in ("989 TFLOP/s \xc3\xb7 3.35 TB/s", "FLOP/B"), 989.0 / 3.35);
  /* 6 ÷ 3 × 2 = (6 ÷ 3) × 2 = 4; right to left would be 6 ÷ 6 = 1 */
  g_assert_cmpfloat (eval_plain ("6 \xc3\xb7 3 \xc3\x97 2"), ==, 4.0);
}

/* ---------------------------------------------------------------------------------------- */
/* Whole calculations                                                                       */

static void
test_carbon_and_cost (void)
{
  /* 700 W × 24 h = 16.8 kWh; × 400 g/kWh = 6720 g = 6.72 kg of CO2e */
  assert_close (eval_in ("700 W * 24 h * 400 g/kWh", "kg"), 6.72);
  /* 16.8 kWh × 0.12 USD/kWh = 2.016 USD */
  assert_close (eval_in ("16.8 kWh * 0.12 USD/kWh", "USD"), 2.016);
  /* a year of two 700 W GPUs: 2 × 700 W × 8766 h = 12 272.4 kWh */
  assert_close (eval_in ("2 * 700 W * 1 year", "kWh"), 12272.4);
}

static void
test_sums_of_kinds (void)
{
  /* 1 GiB − 1 GB = 1 073 741 824 − 1e9 = 73 741 824 B */
  assert_close (eval_in ("1 GiB - 1 GB", "B"), 73741824.0);
  /* 1 h + 30 min + 90 s = 3600 + 1800 + 90 = 5490 s */
  assert_close (eval_in ("1 h + 30 min + 90 s", "s"), 5490.0);
  /* 1 TOPS + 1 TFLOP/s = 2e12 FLOP/s */
  assert_close (eval_in ("1 TOPS + 1 TFLOP/s", "TFLOP/s"), 2.0);
}

static void
test_single_quantity (void)
{
  /* a lone quantity evaluates to what it parses to */
  g_autoptr (GError) error = NULL;
  MlsQuantity parsed, evaluated;

  g_assert_true (mls_quantity_parse ("3.35 TB/s", &parsed, &error));
  g_assert_no_error (error);
  evaluated = eval_ok ("3.35 TB/s");
  g_assert_cmpfloat (evaluated.value, ==, parsed.value);
  g_assert_true (mls_quantity_same_dimension (&evaluated, &parsed));
}

/* ---------------------------------------------------------------------------------------- */
/* Nesting depth                                                                            */

static char *
nested (guint depth)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '(');
  g_string_append (s, "2 W");
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ')');
  return g_string_free (s, FALSE);
}

static void
test_depth_limit_allows_64 (void)
{
  g_autofree char *text = nested (64);
  MlsQuantity q = eval_ok (text);

  assert_close (q.value, 2.0);
}

static void
test_depth_limit_rejects_65 (void)
{
  /* the 65th '(' is character 65 */
  g_autofree char *text = nested (65);

  assert_eval_error (text, MLS_UNITS_ERROR_PARSE, "nested too deeply", "character 65", NULL);
}

static void
test_depth_limit_huge (void)
{
  /* a hundred thousand '(' fail quickly, without overflowing the stack */
  g_autofree char *text = nested (100000);

  assert_eval_error (text, MLS_UNITS_ERROR_PARSE, "nested too deeply", NULL);
}

static void
test_depth_is_not_cumulative (void)
{
  /* depth counts open parentheses, not all of them: 100 groups of depth 1 are fine */
  GString *s = g_string_new ("0");
  g_autofree char *text = NULL;

  for (int i = 0; i < 100; i++)
    g_string_append (s, " + (1)");
  text = g_string_free (s, FALSE);
  g_assert_cmpfloat (eval_plain (text), ==, 100.0);
}

/* ---------------------------------------------------------------------------------------- */
/* Dimension errors                                                                         */

static void
test_dimension_error_add (void)
{
  assert_eval_error ("989 TFLOP/s + 3.35 TB/s", MLS_UNITS_ERROR_DIMENSION, "compute rate",
                     "bandwidth", NULL);
}

static void
test_dimension_error_subtract (void)
{
  /* the '-' is character 5 */
  assert_eval_error ("1 h - 1 GB", MLS_UNITS_ERROR_DIMENSION, "time", "data", "character 5",
                     NULL);
}

static void
test_dimension_error_in_parentheses (void)
{
  assert_eval_error ("2 * (1 W + 1 kWh)", MLS_UNITS_ERROR_DIMENSION, "power", "energy", NULL);
}

static void
test_dimension_error_bare_number (void)
{
  /* 1 W + 1: adding a plain number to a power */
  assert_eval_error ("1 W + 1", MLS_UNITS_ERROR_DIMENSION, "power", "plain number", NULL);
}

static void
test_dimension_error_after_product (void)
{
  /* 700 W × 24 h is an energy; adding a power to it is an error */
  assert_eval_error ("700 W * 24 h + 5 W", MLS_UNITS_ERROR_DIMENSION, "energy", "power", NULL);
}

/* ---------------------------------------------------------------------------------------- */
/* Syntax and range errors                                                                  */

static void
test_syntax_empty (void)
{
  assert_eval_error ("", MLS_UNITS_ERROR_PARSE, "character 1", NULL);
  assert_eval_error (NULL, MLS_UNITS_ERROR_PARSE, NULL);
}

static void
test_syntax_unclosed (void)
{
  /* "(1 + 2" has 6 characters; the ")" is missing at character 7 */
  assert_eval_error ("(1 + 2", MLS_UNITS_ERROR_PARSE, "character 7", "\xe2\x80\x9c)\xe2\x80\x9d",
                     NULL);
}

static void
test_syntax_dangling_operator (void)
{
  /* "1 + " ends where the second number should start, at character 5 */
  assert_eval_error ("1 + ", MLS_UNITS_ERROR_PARSE, "character 5", NULL);
  /* "2 * * 3": the second '*' is character 5 */
  assert_eval_error ("2 * * 3", MLS_UNITS_ERROR_PARSE, "character 5", NULL);
  /* "* 2": nothing before the operator */
  assert_eval_error ("* 2", MLS_UNITS_ERROR_PARSE, "character 1", NULL);
}

static void
test_syntax_unexpected (void)
{
  /* "1 2": the '2' is character 3; "1 W )": the ')' is character 5; "()": ')' is 2 */
  assert_eval_error ("1 2", MLS_UNITS_ERROR_PARSE, "character 3", NULL);
  assert_eval_error ("1 W )", MLS_UNITS_ERROR_PARSE, "character 5", NULL);
  assert_eval_error ("()", MLS_UNITS_ERROR_PARSE, "character 2", NULL);
}

static void
test_unknown_unit (void)
{
  /* "1 W + 2 furlongs": the unit begins at character 9 */
  assert_eval_error ("1 W + 2 furlongs", MLS_UNITS_ERROR_UNKNOWN_UNIT, "character 9",
                     "furlongs", NULL);
}

static void
test_division_by_zero (void)
{
  /* "1 W / 0": the '/' is character 5; a power over zero is not a number */
  assert_eval_error ("1 W / 0", MLS_UNITS_ERROR_RANGE, "character 5", NULL);
  assert_eval_error ("0 / 0", MLS_UNITS_ERROR_RANGE, "character 3", NULL);
}

static void
test_overflow (void)
{
  /* 1e300 × 1e300 = 1e600 > DBL_MAX ≈ 1.8e308 */
  assert_eval_error ("1e300 * 1e300", MLS_UNITS_ERROR_RANGE, "character 7", NULL);
  /* 1e308 W + 1e308 W = 2e308 W > DBL_MAX */
  assert_eval_error ("1e308 W + 1e308 W", MLS_UNITS_ERROR_RANGE, "character 9", NULL);
  /* non-numbers in an expression are refused where they stand: "2 * nan" at character 5 */
  assert_eval_error ("2 * nan", MLS_UNITS_ERROR_PARSE, "character 5", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/expression/precedence", test_precedence);
  g_test_add_func ("/expression/left-associative", test_left_associative);
  g_test_add_func ("/expression/parentheses", test_parentheses);
  g_test_add_func ("/expression/parentheses-with-units", test_parentheses_with_units);
  g_test_add_func ("/expression/whitespace", test_whitespace);
  g_test_add_func ("/expression/unary-minus/basic", test_unary_minus);
  g_test_add_func ("/expression/unary-minus/binds-tighter", test_unary_minus_binds_tighter);
  g_test_add_func ("/expression/unary-minus/long-chain", test_long_minus_chain);
  g_test_add_func ("/expression/slash/ridge-point", test_ridge_point_expression);
  g_test_add_func ("/expression/slash/divide-rate-by-number", test_divide_rate_by_number);
  g_test_add_func ("/expression/slash/rate-times-time", test_rate_times_time);
  g_test_add_func ("/expression/signs/times", test_times_sign);
  g_test_add_func ("/expression/signs/divide", test_divide_sign);
  g_test_add_func ("/expression/calc/carbon-and-cost", test_carbon_and_cost);
  g_test_add_func ("/expression/calc/sums-of-kinds", test_sums_of_kinds);
  g_test_add_func ("/expression/calc/single-quantity", test_single_quantity);
  g_test_add_func ("/expression/depth/allows-64", test_depth_limit_allows_64);
  g_test_add_func ("/expression/depth/rejects-65", test_depth_limit_rejects_65);
  g_test_add_func ("/expression/depth/huge", test_depth_limit_huge);
  g_test_add_func ("/expression/depth/not-cumulative", test_depth_is_not_cumulative);
  g_test_add_func ("/expression/dimension-error/add", test_dimension_error_add);
  g_test_add_func ("/expression/dimension-error/subtract", test_dimension_error_subtract);
  g_test_add_func ("/expression/dimension-error/in-parentheses",
                   test_dimension_error_in_parentheses);
  g_test_add_func ("/expression/dimension-error/bare-number", test_dimension_error_bare_number);
  g_test_add_func ("/expression/dimension-error/after-product",
                   test_dimension_error_after_product);
  g_test_add_func ("/expression/error/empty", test_syntax_empty);
  g_test_add_func ("/expression/error/unclosed", test_syntax_unclosed);
  g_test_add_func ("/expression/error/dangling-operator", test_syntax_dangling_operator);
  g_test_add_func ("/expression/error/unexpected", test_syntax_unexpected);
  g_test_add_func ("/expression/error/unknown-unit", test_unknown_unit);
  g_test_add_func ("/expression/error/division-by-zero", test_division_by_zero);
  g_test_add_func ("/expression/error/overflow", test_overflow);

  return g_test_run ();
}
