/* mls-pareto-chart.h — design points with their Pareto front
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
 * MlsParetoPoint:
 * @label: (nullable): the point's name; front points are labelled
 * @x: the first objective
 * @y: the second objective
 *
 * One design point.
 */
typedef struct
{
  const char *label;
  double      x;
  double      y;
} MlsParetoPoint;

/**
 * MlsParetoSense:
 * @MLS_PARETO_MIN_X_MAX_Y: lower x and higher y are better (cost against throughput)
 * @MLS_PARETO_MIN_X_MIN_Y: lower x and lower y are better (cost against latency)
 * @MLS_PARETO_MAX_X_MAX_Y: higher x and higher y are better
 * @MLS_PARETO_MAX_X_MIN_Y: higher x and lower y are better
 *
 * Which direction of each objective is better.
 */
typedef enum
{
  MLS_PARETO_MIN_X_MAX_Y,
  MLS_PARETO_MIN_X_MIN_Y,
  MLS_PARETO_MAX_X_MAX_Y,
  MLS_PARETO_MAX_X_MIN_Y,
} MlsParetoSense;

/**
 * MlsParetoChart:
 * @title: (nullable): the title
 * @x_axis: the first objective
 * @y_axis: the second objective
 * @sense: which directions are better
 * @points: (array length=n_points): the design points
 * @n_points: the number of @points
 * @label_all: label every point, not only the front
 *
 * A Pareto scatter chart; the renderer finds the front.
 */
typedef struct
{
  const char           *title;
  MlsChartAxis          x_axis;
  MlsChartAxis          y_axis;
  MlsParetoSense        sense;
  const MlsParetoPoint *points;
  guint                 n_points;
  gboolean              label_all;
} MlsParetoChart;

guint mls_pareto_front (const MlsParetoPoint *points, guint n_points, MlsParetoSense sense,
                        gboolean *on_front);

G_END_DECLS
