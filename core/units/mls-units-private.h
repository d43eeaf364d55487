/* mls-units-private.h — unit table internals shared by the parser and the formatter
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "mls-quantity.h"

G_BEGIN_DECLS

typedef enum
{
  MLS_PREFIX_NONE,
  MLS_PREFIX_DECIMAL,
  MLS_PREFIX_BINARY, /* decimal and binary */
} MlsPrefixKind;

typedef struct
{
  const char   *name;
  double        factor; /* one of this unit, in base units */
  gint8         dims[MLS_N_DIMENSIONS];
  MlsPrefixKind prefix;
} MlsUnit;

gboolean    mls_unit_lookup          (const char *name,
                                      gsize       len,
                                      double     *factor,
                                      gint8       dims[MLS_N_DIMENSIONS]);
const char *mls_unit_decimal_prefix  (double      magnitude,
                                      double     *scale);

/* Parses a unit expression ("TB/s", "g/kWh", "kg·m^2·s^-3") starting at text[*pos]; stops
 * before anything that is not part of a unit (an operator followed by a number, a parenthesis).
 * Returns FALSE with an error naming the position if the text is not a unit. */
gboolean    mls_unit_parse_expr      (const char *text,
                                      gsize      *pos,
                                      double     *factor,
                                      gint8       dims[MLS_N_DIMENSIONS],
                                      GError    **error);
gboolean    mls_unit_starts_unit     (const char *p);

/* Parses "number [unit]" at text[*pos], leaving *pos after it. */
gboolean    mls_quantity_parse_at    (const char  *text,
                                      gsize       *pos,
                                      MlsQuantity *out,
                                      GError     **error);

G_END_DECLS
