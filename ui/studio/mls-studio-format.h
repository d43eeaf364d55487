/* mls-studio-format.h — numbers with units, as the app shows them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <mlsysim.h>

G_BEGIN_DECLS

/**
 * MlsStudioUnits:
 * @MLS_STUDIO_UNITS_SI: byte quantities with decimal prefixes (GB)
 * @MLS_STUDIO_UNITS_BINARY: byte quantities with binary prefixes (GiB)
 *
 * The `units` preference; the values match the GSettings enum.
 */
typedef enum
{
  MLS_STUDIO_UNITS_SI,
  MLS_STUDIO_UNITS_BINARY,
} MlsStudioUnits;

void   mls_studio_format_set_units    (MlsStudioUnits     units);
MlsStudioUnits mls_studio_format_get_units (void);
char  *mls_studio_format_quantity     (const MlsQuantity *quantity,
                                       const char        *unit);
char  *mls_studio_format_number       (double             value);
char  *mls_studio_format_money        (double             dollars);

G_END_DECLS
