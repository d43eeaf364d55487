/* mls-chart-axis.h — how a data axis of a chart is labelled and scaled
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLS_RENDER_INSIDE) && !defined(MLS_RENDER_COMPILATION)
#error "Only <mls-render.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * MlsChartAxis:
 * @label: the quantity ("Batch size", "Time to first token")
 * @unit: (nullable): the base unit of the data ("s", "B", "FLOP/s", "$"); the axis picks an
 *   SI prefix for it ("ms", "GB"); %NULL for plain numbers
 * @log: a logarithmic axis
 * @min: the lowest value shown; when @min and @max are both 0 the range is chosen
 * @max: the highest value shown
 *
 * A data axis.
 */
typedef struct
{
  const char *label;
  const char *unit;
  gboolean    log;
  double      min;
  double      max;
} MlsChartAxis;

G_END_DECLS
