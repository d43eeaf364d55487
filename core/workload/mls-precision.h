/* mls-precision.h — numeric formats and their storage sizes
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
 * MlsPrecision:
 * @MLS_PRECISION_FP32: 32-bit float, 4 bytes
 * @MLS_PRECISION_TF32: TensorFloat-32 compute, stored in 4 bytes
 * @MLS_PRECISION_FP16: 16-bit float, 2 bytes
 * @MLS_PRECISION_BF16: bfloat16, 2 bytes
 * @MLS_PRECISION_FP8: 8-bit float, 1 byte
 * @MLS_PRECISION_INT8: 8-bit integer, 1 byte
 * @MLS_PRECISION_INT4: 4-bit integer, half a byte
 * @MLS_PRECISION_FP4: 4-bit float, half a byte
 * @MLS_N_PRECISIONS: the number of precisions
 *
 * Numeric precisions. Storage and compute formats differ: TF32 computes at reduced precision
 * but stores 4 bytes.
 */
typedef enum
{
  MLS_PRECISION_FP32,
  MLS_PRECISION_TF32,
  MLS_PRECISION_FP16,
  MLS_PRECISION_BF16,
  MLS_PRECISION_FP8,
  MLS_PRECISION_INT8,
  MLS_PRECISION_INT4,
  MLS_PRECISION_FP4,
  MLS_N_PRECISIONS /*< skip >*/
} MlsPrecision;

MLS_AVAILABLE_IN_ALL
gboolean    mls_precision_from_string (const char   *text,
                                       MlsPrecision *out,
                                       GError      **error);
MLS_AVAILABLE_IN_ALL
const char *mls_precision_to_string   (MlsPrecision  precision);
MLS_AVAILABLE_IN_ALL
double      mls_precision_bytes       (MlsPrecision  precision);

G_END_DECLS
