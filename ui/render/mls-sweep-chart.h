/* mls-sweep-chart.h — a metric against a swept axis, one line per series
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLS_RENDER_INSIDE) && !defined(MLS_RENDER_COMPILATION)
#error "Only <mls-render.h> can be included directly."
#endif

#include "mls-chart-axis.h"

G_BEGIN_DECLS

/**
 * MlsSeries:
 * @name: the legend name (a device, a precision)
 * @x: (array length=n_points): the swept values
 * @y: (array length=n_points): the metric; NaN leaves a gap (an infeasible point)
 * @n_points: the number of points
 *
 * One line of a sweep chart.
 */
typedef struct
{
  const char   *name;
  const double *x;
  const double *y;
  guint         n_points;
} MlsSeries;

/**
 * MlsSweepChart:
 * @title: (nullable): the title
 * @x_axis: the swept axis
 * @y_axis: the metric axis
 * @series: (array length=n_series): the lines
 * @n_series: the number of @series
 * @reference: a horizontal limit (an SLA, a capacity) drawn dashed; NaN or 0 for none
 * @reference_label: (nullable): its label ("SLA 200 ms")
 *
 * A sweep line chart.
 */
typedef struct
{
  const char      *title;
  MlsChartAxis     x_axis;
  MlsChartAxis     y_axis;
  const MlsSeries *series;
  guint            n_series;
  double           reference;
  const char      *reference_label;
} MlsSweepChart;

G_END_DECLS
