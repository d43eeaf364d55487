/* fuzz-quantity.c — libFuzzer target for the unit parser and the expression evaluator
 *
 * Feeds arbitrary bytes to mls_quantity_parse() and mls_quantity_evaluate(); whatever parses is
 * formatted and converted to the unit after the last "|" of the input (as in
 * `mlsysim units EXPR UNIT`). A crash, a sanitizer report or a leak is a bug: bad input must
 * come back as a GError.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <mlsysim.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  const char *unit = NULL;
  char *bar = strrchr (text, '|');
  MlsQuantity q;
  GError *error = NULL;

  if (bar != NULL)
    {
      *bar = '\0';
      unit = bar + 1;
    }

  if (mls_quantity_parse (text, &q, &error))
    {
      g_autofree char *s = mls_quantity_to_string (&q);
      g_autofree char *d = mls_quantity_describe_dimension (&q);
      g_autofree char *sym = mls_quantity_dimension_symbol (&q);

      g_assert (s != NULL && g_utf8_validate (s, -1, NULL));
      g_assert (d != NULL && sym != NULL);
    }
  g_clear_error (&error);

  if (mls_quantity_evaluate (text, &q, &error))
    {
      g_autofree char *s = mls_quantity_format (&q, 6);

      g_assert (s != NULL && g_utf8_validate (s, -1, NULL));

      if (unit != NULL)
        {
          double value;
          MlsQuantity target;
          g_autofree char *in = NULL;

          if (!mls_quantity_convert (&q, unit, &value, &error))
            g_clear_error (&error);
          in = mls_quantity_format_in (&q, unit, 4, &error);
          g_assert ((in == NULL) == (error != NULL));
          g_clear_error (&error);
          if (mls_quantity_from_unit (1.0, unit, &target, &error))
            {
              MlsQuantity sum;
              if (!mls_quantity_add (&q, &target, &sum, &error))
                g_clear_error (&error);
            }
          g_clear_error (&error);
        }
    }
  g_clear_error (&error);
  return 0;
}
