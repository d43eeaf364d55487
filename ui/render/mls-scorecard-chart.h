/* mls-scorecard-chart.h — the three-level evaluation as a figure
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLS_RENDER_INSIDE) && !defined(MLS_RENDER_COMPILATION)
#error "Only <mls-render.h> can be included directly."
#endif

#include "mls-figure-style.h"

G_BEGIN_DECLS

/**
 * MlsScorecardLevel:
 * @name: (nullable): the level's name ("Memory Feasibility"); %NULL names the level by its
 *   position (Feasibility, Performance, Macro)
 * @status: the verdict
 * @summary: (nullable): one line ("72.1 GB / 85.9 GB used")
 *
 * One level of the scorecard.
 */
typedef struct
{
  const char     *name;
  MlsFigureStatus status;
  const char     *summary;
} MlsScorecardLevel;

/**
 * MlsScorecardBar:
 * @label: the resource ("Memory (RAM)", "Latency (SLA)")
 * @utilization: demand over supply; 1 is the physical limit or the SLA
 * @detail: (nullable): the numbers behind it ("72.1 GB of 85.9 GB")
 *
 * One utilisation bar.
 */
typedef struct
{
  const char *label;
  double      utilization;
  const char *detail;
} MlsScorecardBar;

/**
 * MlsScorecardChart:
 * @title: (nullable): the title; %NULL makes "System evaluation: SCENARIO"
 * @scenario: (nullable): the scenario's name
 * @levels: the Feasibility, Performance and Macro levels, in that order
 * @bars: (array length=n_bars) (nullable): the utilisation bars
 * @n_bars: the number of @bars
 *
 * A scorecard figure.
 */
typedef struct
{
  const char            *title;
  const char            *scenario;
  MlsScorecardLevel      levels[3];
  const MlsScorecardBar *bars;
  guint                  n_bars;
} MlsScorecardChart;

G_END_DECLS
