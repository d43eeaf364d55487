/* mls-formula-error.c — the error domain of the formula library
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "mls-formula-error.h"

G_DEFINE_QUARK (mls-formula-error-quark, mls_formula_error)
