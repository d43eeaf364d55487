/* mls-precision.c — numeric formats and their storage sizes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mlsysim.h"

/* Storage bytes per element (inventory §7, PRECISION_MAP newest): tf32 computes at reduced
 * precision but is stored in 4 bytes; fp4 and int4 pack two values per byte. */
static const struct
{
  const char *name;
  double      bytes;
} precisions[MLS_N_PRECISIONS] = {
  [MLS_PRECISION_FP32] = { "fp32", 4.0 },
  [MLS_PRECISION_TF32] = { "tf32", 4.0 },
  [MLS_PRECISION_FP16] = { "fp16", 2.0 },
  [MLS_PRECISION_BF16] = { "bf16", 2.0 },
  [MLS_PRECISION_FP8] = { "fp8", 1.0 },
  [MLS_PRECISION_INT8] = { "int8", 1.0 },
  [MLS_PRECISION_INT4] = { "int4", 0.5 },
  [MLS_PRECISION_FP4] = { "fp4", 0.5 },
};

/**
 * mls_precision_from_string:
 * @text: a precision name such as "fp16" or "BF16" (case does not matter)
 * @out: (out): the precision
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @text names a precision; %FALSE with %MLS_ENTRY_ERROR_PRECISION, whose
 *   message lists the valid names, otherwise
 */
gboolean
mls_precision_from_string (const char   *text,
                           MlsPrecision *out,
                           GError      **error)
{
  g_autoptr(GString) list = NULL;

  for (guint i = 0; text != NULL && i < MLS_N_PRECISIONS; i++)
    if (g_ascii_strcasecmp (text, precisions[i].name) == 0)
      {
        if (out != NULL)
          *out = (MlsPrecision) i;
        return TRUE;
      }

  list = g_string_new (NULL);
  for (guint i = 0; i < MLS_N_PRECISIONS; i++)
    g_string_append_printf (list, "%s%s", i ? ", " : "", precisions[i].name);
  g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_PRECISION,
               _("Precision “%s” is not supported; supported precisions: %s"),
               text ? text : "", list->str);
  return FALSE;
}

/**
 * mls_precision_to_string:
 * @precision: a #MlsPrecision
 *
 * Returns: the lower-case name ("fp16")
 */
const char *
mls_precision_to_string (MlsPrecision precision)
{
  g_return_val_if_fail ((guint) precision < MLS_N_PRECISIONS, "fp16");
  return precisions[precision].name;
}

/**
 * mls_precision_bytes:
 * @precision: a #MlsPrecision
 *
 * Returns: the bytes one element takes in memory (fp32 4, fp16 2, fp8 1, int4 0.5)
 */
double
mls_precision_bytes (MlsPrecision precision)
{
  g_return_val_if_fail ((guint) precision < MLS_N_PRECISIONS, 2.0);
  return precisions[precision].bytes;
}
