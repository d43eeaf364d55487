/* mls-formulas-checks.c — argument checks shared by the formula library
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mls-formulas-private.h"

#define D(t, l, m, d, o, c) { t, l, m, d, o, c }

/* dims: time, length, mass, data, ops, currency. Energy is kg·m²·s⁻², so a carbon intensity
 * (mass per energy) is s²·m⁻² and a water intensity (volume per energy) is m·s²·kg⁻¹. */
const MlsFormulaKindInfo mls_formula_kinds[MLS_N_KINDS] = {
  [MLS_KIND_NUMBER] = { D (0, 0, 0, 0, 0, 0), "0.5" },
  [MLS_KIND_TIME] = { D (1, 0, 0, 0, 0, 0), "500 ns" },
  [MLS_KIND_LENGTH] = { D (0, 1, 0, 0, 0, 0), "1000 km" },
  [MLS_KIND_MASS] = { D (0, 0, 1, 0, 0, 0), "12 kg" },
  [MLS_KIND_VOLUME] = { D (0, 3, 0, 0, 0, 0), "3 L" },
  [MLS_KIND_DATA] = { D (0, 0, 0, 1, 0, 0), "80 GiB" },
  [MLS_KIND_OPS] = { D (0, 0, 0, 0, 1, 0), "16 GFLOP" },
  [MLS_KIND_MONEY] = { D (0, 0, 0, 0, 0, 1), "25000 USD" },
  [MLS_KIND_BANDWIDTH] = { D (-1, 0, 0, 1, 0, 0), "50 GB/s" },
  [MLS_KIND_COMPUTE_RATE] = { D (-1, 0, 0, 0, 1, 0), "989 TFLOP/s" },
  [MLS_KIND_FREQUENCY] = { D (-1, 0, 0, 0, 0, 0), "80 /s" },
  [MLS_KIND_SPEED] = { D (-1, 1, 0, 0, 0, 0), "200000 km/s" },
  [MLS_KIND_POWER] = { D (-3, 2, 1, 0, 0, 0), "700 W" },
  [MLS_KIND_ENERGY] = { D (-2, 2, 1, 0, 0, 0), "12 kWh" },
  [MLS_KIND_INTENSITY] = { D (0, 0, 0, -1, 1, 0), "295 FLOP/B" },
  [MLS_KIND_DATA_PRICE] = { D (0, 0, 0, -1, 0, 1), "0.09 USD/GB" },
  [MLS_KIND_ENERGY_PRICE] = { D (2, -2, -1, 0, 0, 1), "0.12 USD/kWh" },
  [MLS_KIND_CARBON_INTENSITY] = { D (2, -2, 0, 0, 0, 0), "400 g/kWh" },
  [MLS_KIND_WATER_INTENSITY] = { D (2, 1, -1, 0, 0, 0), "1.8 L/kWh" },
};

/* A number for a message, with a '.' whatever the locale. */
static const char *
format_number (char   *buf,
               gsize   len,
               double  value)
{
  return g_ascii_formatd (buf, len, "%.6g", value);
}

gboolean
mls_formula_check_kind (const MlsQuantity *q,
                        MlsFormulaKind     kind,
                        const char        *name,
                        GError           **error)
{
  g_return_val_if_fail (q != NULL, FALSE);

  if (mls_formula_is_kind (q, kind))
    return TRUE;

  MlsQuantity want = { 1.0, { 0 } };
  memcpy (want.dims, mls_formula_kinds[kind].dims, MLS_N_DIMENSIONS);
  g_autofree char *want_words = mls_quantity_describe_dimension (&want);
  g_autofree char *have_words = mls_quantity_describe_dimension (q);

  g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_DIMENSION,
               _("%s must be %s, such as “%s”; got %s"), name, want_words,
               mls_formula_kinds[kind].example, have_words);
  return FALSE;
}

gboolean
mls_formula_check_positive (const MlsQuantity *q,
                            MlsFormulaKind     kind,
                            const char        *name,
                            GError           **error)
{
  if (!mls_formula_check_kind (q, kind, name, error))
    return FALSE;
  if (q->value > 0.0)
    return TRUE;

  g_autofree char *have = mls_quantity_format (q, 6);
  g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
               _("%s must be greater than zero, such as “%s”; got %s"), name,
               mls_formula_kinds[kind].example, have);
  return FALSE;
}

gboolean
mls_formula_check_nonnegative (const MlsQuantity *q,
                               MlsFormulaKind     kind,
                               const char        *name,
                               GError           **error)
{
  if (!mls_formula_check_kind (q, kind, name, error))
    return FALSE;
  if (q->value >= 0.0)
    return TRUE;

  g_autofree char *have = mls_quantity_format (q, 6);
  g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
               _("%s must be zero or more; got %s"), name, have);
  return FALSE;
}

gboolean
mls_formula_check_fraction (double      value,
                            const char *name,
                            GError    **error)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value >= 0.0 && value <= 1.0)
    return TRUE;
  g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
               _("%s must be a fraction between 0 and 1; got %s"), name,
               format_number (buf, sizeof buf, value));
  return FALSE;
}

gboolean
mls_formula_check_efficiency (double      value,
                              const char *name,
                              GError    **error)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value > 0.0 && value <= 1.0)
    return TRUE;
  g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
               _("%s must be greater than 0 and at most 1, such as 0.5; got %s"), name,
               format_number (buf, sizeof buf, value));
  return FALSE;
}

gboolean
mls_formula_check_number_nonneg (double      value,
                                 const char *name,
                                 GError    **error)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value >= 0.0 && isfinite (value))
    return TRUE;
  g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
               _("%s must be a finite number, zero or more; got %s"), name,
               format_number (buf, sizeof buf, value));
  return FALSE;
}

gboolean
mls_formula_check_number_pos (double      value,
                              const char *name,
                              GError    **error)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value > 0.0 && isfinite (value))
    return TRUE;
  g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
               _("%s must be a finite number greater than zero; got %s"), name,
               format_number (buf, sizeof buf, value));
  return FALSE;
}

gboolean
mls_formula_check_count (guint       value,
                         guint       minimum,
                         const char *name,
                         GError    **error)
{
  if (value >= minimum)
    return TRUE;
  g_set_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE,
               _("%s must be at least %u; got %u"), name, minimum, value);
  return FALSE;
}
