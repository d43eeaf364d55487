/* mls-formula-error.h — the error domain of the formula library
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <glib.h>

#include "mls-version-macros.h"

G_BEGIN_DECLS

/**
 * MLS_FORMULA_ERROR:
 *
 * The error domain of the formula library (`mls_calc_*`).
 */
#define MLS_FORMULA_ERROR (mls_formula_error_quark ())

/**
 * MlsFormulaError:
 * @MLS_FORMULA_ERROR_DIMENSION: an argument has the wrong kind of units (a compute rate where a
 *   bandwidth is due)
 * @MLS_FORMULA_ERROR_RANGE: an argument is outside the domain of the equation (a negative
 *   size, an efficiency above one, an empty group of GPUs)
 * @MLS_FORMULA_ERROR_MISSING: the chosen variant of the equation needs an argument that was
 *   not given (attention heads for activation memory without recomputation)
 * @MLS_FORMULA_ERROR_UNKNOWN: a name is not one the equation knows (a recomputation strategy)
 *
 * Error codes in the %MLS_FORMULA_ERROR domain.
 */
typedef enum
{
  MLS_FORMULA_ERROR_DIMENSION,
  MLS_FORMULA_ERROR_RANGE,
  MLS_FORMULA_ERROR_MISSING,
  MLS_FORMULA_ERROR_UNKNOWN,
} MlsFormulaError;

MLS_AVAILABLE_IN_ALL
GQuark mls_formula_error_quark (void);

G_END_DECLS
