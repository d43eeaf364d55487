/* mls-figure-data.h — roofline charts from registry hardware and lowered workloads
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLS_RENDER_INSIDE) && !defined(MLS_RENDER_COMPILATION)
#error "Only <mls-render.h> can be included directly."
#endif

#include <mlsysim.h>

#include "mls-roofline-chart.h"

G_BEGIN_DECLS

/**
 * MlsRooflineRoofs:
 * @MLS_ROOFLINE_ROOFS_NONE: only the primary memory roof
 * @MLS_ROOFLINE_ROOFS_SRAM: add on-chip SRAM, when the device has a bandwidth for it
 * @MLS_ROOFLINE_ROOFS_FLASH: add flash, when the device has a bandwidth for it
 * @MLS_ROOFLINE_ROOFS_HOST_LINK: add the host link, for weights offloaded to host memory
 * @MLS_ROOFLINE_ROOFS_ALL: every roof the device has
 *
 * Which extra memory roofs mls_roofline_chart_add_hardware() draws.
 */
typedef enum /*< flags >*/
{
  MLS_ROOFLINE_ROOFS_NONE = 0,
  MLS_ROOFLINE_ROOFS_SRAM = 1 << 0,
  MLS_ROOFLINE_ROOFS_FLASH = 1 << 1,
  MLS_ROOFLINE_ROOFS_HOST_LINK = 1 << 2,
  MLS_ROOFLINE_ROOFS_ALL = 0x7,
} MlsRooflineRoofs;

gboolean mls_roofline_chart_add_hardware (MlsRooflineChart *chart, MlsHardwareNode *node,
                                          MlsPrecision precision, MlsRooflineRoofs roofs,
                                          GError **error);
gboolean mls_roofline_chart_add_graph (MlsRooflineChart *chart, const char *label,
                                       const MlsComputationGraph *graph, double batch, guint device,
                                       GError **error);
void mls_roofline_chart_add_workload (MlsRooflineChart *chart, const MlsRooflineWorkload *workload);
void mls_roofline_chart_clear (MlsRooflineChart *chart);

G_END_DECLS
