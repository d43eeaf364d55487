/* mls-tornado-chart.h — one-at-a-time sensitivity of a metric
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
 * MlsTornadoBar:
 * @parameter: the input that was varied ("Memory bandwidth")
 * @low: the metric with the input at its low value
 * @high: the metric with the input at its high value
 * @low_label: (nullable): the low input ("−20 %", "1.6 TB/s")
 * @high_label: (nullable): the high input
 *
 * One bar of a tornado chart.
 */
typedef struct
{
  const char *parameter;
  double      low;
  double      high;
  const char *low_label;
  const char *high_label;
} MlsTornadoBar;

/**
 * MlsTornadoChart:
 * @title: (nullable): the title
 * @metric: the metric's name ("Time per output token")
 * @unit: (nullable): the metric's base unit ("s"), given an SI prefix when drawn
 * @baseline: the metric at the baseline inputs
 * @bars: (array length=n_bars): the inputs; drawn widest swing first
 * @n_bars: the number of @bars
 *
 * A sensitivity tornado chart.
 */
typedef struct
{
  const char          *title;
  const char          *metric;
  const char          *unit;
  double               baseline;
  const MlsTornadoBar *bars;
  guint                n_bars;
} MlsTornadoChart;

G_END_DECLS
