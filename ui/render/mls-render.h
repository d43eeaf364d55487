/* mls-render.h — the one header of mlsysim's figures (cairo and pango, no GTK)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#define MLS_RENDER_INSIDE

#include "mls-figure-style.h"
#include "mls-chart-axis.h"
#include "mls-roofline-chart.h"
#include "mls-scorecard-chart.h"
#include "mls-sweep-chart.h"
#include "mls-pareto-chart.h"
#include "mls-tornado-chart.h"
#include "mls-memory-chart.h"
#include "mls-figure.h"
#include "mls-figure-data.h"
#include "mls-render-enums.h"

#undef MLS_RENDER_INSIDE
