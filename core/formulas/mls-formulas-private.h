/* mls-formulas-private.h — argument checks shared by the formula library (not installed)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <string.h>

#include "mls-formula-error.h"
#include "mls-quantity.h"

G_BEGIN_DECLS

/* The kinds of quantity the equations take and give. Each has its dimension exponents and
 * an example the error messages quote, so that a wrong argument teaches the right one. */
typedef enum
{
  MLS_KIND_NUMBER,
  MLS_KIND_TIME,
  MLS_KIND_LENGTH,
  MLS_KIND_MASS,
  MLS_KIND_VOLUME,
  MLS_KIND_DATA,
  MLS_KIND_OPS,
  MLS_KIND_MONEY,
  MLS_KIND_BANDWIDTH,
  MLS_KIND_COMPUTE_RATE,
  MLS_KIND_FREQUENCY,
  MLS_KIND_SPEED,
  MLS_KIND_POWER,
  MLS_KIND_ENERGY,
  MLS_KIND_INTENSITY,
  MLS_KIND_DATA_PRICE,
  MLS_KIND_ENERGY_PRICE,
  MLS_KIND_CARBON_INTENSITY,
  MLS_KIND_WATER_INTENSITY,
  MLS_N_KINDS
} MlsFormulaKind;

typedef struct
{
  gint8       dims[MLS_N_DIMENSIONS];
  const char *example;
} MlsFormulaKindInfo;

G_GNUC_INTERNAL extern const MlsFormulaKindInfo mls_formula_kinds[MLS_N_KINDS];

/* Writes @value with the dimensions of @kind to @out. No allocation, no checks. */
static inline void
mls_formula_set (MlsQuantity   *out,
                 double         value,
                 MlsFormulaKind kind)
{
  out->value = value;
  memcpy (out->dims, mls_formula_kinds[kind].dims, MLS_N_DIMENSIONS);
}

static inline gboolean
mls_formula_is_kind (const MlsQuantity *q,
                     MlsFormulaKind     kind)
{
  return memcmp (q->dims, mls_formula_kinds[kind].dims, MLS_N_DIMENSIONS) == 0;
}

/* Each check returns TRUE when the argument is acceptable; otherwise it sets a
 * MLS_FORMULA_ERROR naming @name and saying what would be right. Messages are built only on
 * failure, so the success path does not allocate. */
G_GNUC_INTERNAL gboolean mls_formula_check_kind          (const MlsQuantity *q,
                                                          MlsFormulaKind     kind,
                                                          const char        *name,
                                                          GError           **error);
G_GNUC_INTERNAL gboolean mls_formula_check_positive      (const MlsQuantity *q,
                                                          MlsFormulaKind     kind,
                                                          const char        *name,
                                                          GError           **error);
G_GNUC_INTERNAL gboolean mls_formula_check_nonnegative   (const MlsQuantity *q,
                                                          MlsFormulaKind     kind,
                                                          const char        *name,
                                                          GError           **error);
G_GNUC_INTERNAL gboolean mls_formula_check_fraction      (double             value,
                                                          const char        *name,
                                                          GError           **error);
G_GNUC_INTERNAL gboolean mls_formula_check_efficiency    (double             value,
                                                          const char        *name,
                                                          GError           **error);
G_GNUC_INTERNAL gboolean mls_formula_check_number_nonneg (double             value,
                                                          const char        *name,
                                                          GError           **error);
G_GNUC_INTERNAL gboolean mls_formula_check_number_pos    (double             value,
                                                          const char        *name,
                                                          GError           **error);
G_GNUC_INTERNAL gboolean mls_formula_check_count         (guint              value,
                                                          guint              minimum,
                                                          const char        *name,
                                                          GError           **error);

/* ⌈log₂ n⌉ for n ≥ 1: the depth of a binary tree over n ranks. */
static inline guint
mls_formula_ceil_log2 (guint n)
{
  return n <= 1 ? 0 : g_bit_storage (n - 1);
}

G_END_DECLS
