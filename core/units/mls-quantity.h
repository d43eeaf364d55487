/* mls-quantity.h — a value with physical dimensions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <glib-object.h>

#include "mls-version-macros.h"

G_BEGIN_DECLS

/**
 * MlsDimension:
 * @MLS_DIM_TIME: time, base unit the second
 * @MLS_DIM_LENGTH: length, base unit the metre
 * @MLS_DIM_MASS: mass, base unit the kilogram
 * @MLS_DIM_DATA: data, base unit the byte (a bit is 1/8 byte)
 * @MLS_DIM_OPS: operations, base unit one FLOP (an integer OP counts the same)
 * @MLS_DIM_CURRENCY: money, base unit the US dollar
 * @MLS_N_DIMENSIONS: the number of base dimensions
 *
 * The base dimensions of a #MlsQuantity. Counts (parameters, tokens, requests) are
 * dimensionless.
 */
typedef enum
{
  MLS_DIM_TIME,
  MLS_DIM_LENGTH,
  MLS_DIM_MASS,
  MLS_DIM_DATA,
  MLS_DIM_OPS,
  MLS_DIM_CURRENCY,
  MLS_N_DIMENSIONS
} MlsDimension;

/**
 * MlsQuantity:
 * @value: the magnitude in base units (s, m, kg, B, FLOP, USD)
 * @dims: the exponent of each #MlsDimension (from bindings, use mls_quantity_get_exponent())
 *
 * A number with physical dimensions, passed by value. Arithmetic keeps track of the
 * dimensions; adding, comparing or converting quantities of different dimensions is an error.
 */
typedef struct _MlsQuantity MlsQuantity;

struct _MlsQuantity
{
  double value;
  gint8  dims[MLS_N_DIMENSIONS];
};

/**
 * MLS_UNITS_ERROR:
 *
 * The error domain of unit parsing, conversion and arithmetic.
 */
#define MLS_UNITS_ERROR (mls_units_error_quark ())

/**
 * MlsUnitsError:
 * @MLS_UNITS_ERROR_PARSE: the text is not a number with a known unit
 * @MLS_UNITS_ERROR_UNKNOWN_UNIT: a unit name is not known
 * @MLS_UNITS_ERROR_DIMENSION: the dimensions of two quantities do not agree
 * @MLS_UNITS_ERROR_RANGE: a value is not finite, or out of range
 *
 * Error codes in the %MLS_UNITS_ERROR domain.
 */
typedef enum
{
  MLS_UNITS_ERROR_PARSE,
  MLS_UNITS_ERROR_UNKNOWN_UNIT,
  MLS_UNITS_ERROR_DIMENSION,
  MLS_UNITS_ERROR_RANGE,
} MlsUnitsError;

#define MLS_TYPE_QUANTITY (mls_quantity_get_type ())

MLS_AVAILABLE_IN_ALL
GQuark       mls_units_error_quark        (void);
MLS_AVAILABLE_IN_ALL
GType        mls_quantity_get_type        (void) G_GNUC_CONST;

MLS_AVAILABLE_IN_ALL
MlsQuantity *mls_quantity_copy            (const MlsQuantity *self);
MLS_AVAILABLE_IN_ALL
void         mls_quantity_free            (MlsQuantity       *self);

MLS_AVAILABLE_IN_ALL
MlsQuantity *mls_quantity_new             (double             value,
                                           const char        *unit,
                                           GError           **error);
MLS_AVAILABLE_IN_ALL
MlsQuantity *mls_quantity_new_parse       (const char        *text,
                                           GError           **error);

MLS_AVAILABLE_IN_ALL
gboolean     mls_quantity_parse           (const char        *text,
                                           MlsQuantity       *out,
                                           GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean     mls_quantity_evaluate        (const char        *expression,
                                           MlsQuantity       *out,
                                           GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean     mls_quantity_from_unit       (double             value,
                                           const char        *unit,
                                           MlsQuantity       *out,
                                           GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean     mls_quantity_convert         (const MlsQuantity *self,
                                           const char        *unit,
                                           double            *out_value,
                                           GError           **error);
MLS_AVAILABLE_IN_ALL
MlsQuantity  mls_quantity_scalar          (double             value);
MLS_AVAILABLE_IN_ALL
MlsQuantity  mls_quantity_make            (double             value,
                                           int                time,
                                           int                length,
                                           int                mass,
                                           int                data,
                                           int                ops,
                                           int                currency);

MLS_AVAILABLE_IN_ALL
int          mls_quantity_get_exponent    (const MlsQuantity *self,
                                           MlsDimension       dimension);
MLS_AVAILABLE_IN_ALL
gboolean     mls_quantity_same_dimension  (const MlsQuantity *a,
                                           const MlsQuantity *b);
MLS_AVAILABLE_IN_ALL
gboolean     mls_quantity_is_dimensionless (const MlsQuantity *self);
MLS_AVAILABLE_IN_ALL
gboolean     mls_quantity_check_dimension (const MlsQuantity *self,
                                           const char        *unit,
                                           const char        *what,
                                           GError           **error);

MLS_AVAILABLE_IN_ALL
gboolean     mls_quantity_add             (const MlsQuantity *a,
                                           const MlsQuantity *b,
                                           MlsQuantity       *out,
                                           GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean     mls_quantity_subtract        (const MlsQuantity *a,
                                           const MlsQuantity *b,
                                           MlsQuantity       *out,
                                           GError           **error);
MLS_AVAILABLE_IN_ALL
void         mls_quantity_multiply        (const MlsQuantity *a,
                                           const MlsQuantity *b,
                                           MlsQuantity       *out);
MLS_AVAILABLE_IN_ALL
void         mls_quantity_divide          (const MlsQuantity *a,
                                           const MlsQuantity *b,
                                           MlsQuantity       *out);
MLS_AVAILABLE_IN_ALL
void         mls_quantity_scale           (const MlsQuantity *a,
                                           double             factor,
                                           MlsQuantity       *out);
MLS_AVAILABLE_IN_ALL
gboolean     mls_quantity_power           (const MlsQuantity *a,
                                           int                exponent,
                                           MlsQuantity       *out,
                                           GError           **error);
MLS_AVAILABLE_IN_ALL
gboolean     mls_quantity_compare         (const MlsQuantity *a,
                                           const MlsQuantity *b,
                                           int               *out_order,
                                           GError           **error);

MLS_AVAILABLE_IN_ALL
char        *mls_quantity_format          (const MlsQuantity *self,
                                           int                digits);
MLS_AVAILABLE_IN_ALL
char        *mls_quantity_to_string       (const MlsQuantity *self);
MLS_AVAILABLE_IN_ALL
char        *mls_quantity_format_in       (const MlsQuantity *self,
                                           const char        *unit,
                                           int                digits,
                                           GError           **error);
MLS_AVAILABLE_IN_ALL
char        *mls_quantity_describe_dimension (const MlsQuantity *self);
MLS_AVAILABLE_IN_ALL
char        *mls_quantity_dimension_symbol (const MlsQuantity *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlsQuantity, mls_quantity_free)

/* Inline helpers for hot paths: no dimension check, no allocation. */

/**
 * mls_quantity_value: (skip)
 * @self: a #MlsQuantity
 *
 * Returns: the magnitude in base units
 */
static inline double
mls_quantity_value (const MlsQuantity *self)
{
  return self->value;
}

G_END_DECLS
