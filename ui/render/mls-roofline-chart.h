/* mls-roofline-chart.h — the data of a roofline figure, filled by the caller
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
 * MlsRoofKind:
 * @MLS_ROOF_SRAM: on-chip SRAM
 * @MLS_ROOF_CACHE: a cache level (L2, VMEM)
 * @MLS_ROOF_FLASH: flash that weights stream from
 * @MLS_ROOF_HOST_LINK: host memory over the host link (PCIe), for offloaded weights
 * @MLS_ROOF_OTHER: any other bandwidth
 *
 * What an extra bandwidth roof stands for; it picks the default label.
 */
typedef enum
{
  MLS_ROOF_SRAM,
  MLS_ROOF_CACHE,
  MLS_ROOF_FLASH,
  MLS_ROOF_HOST_LINK,
  MLS_ROOF_OTHER,
} MlsRoofKind;

/**
 * MlsRoof:
 * @kind: what the roof stands for
 * @label: the label; %NULL names the kind ("SRAM", "Flash", "Host link")
 * @bandwidth: the bandwidth [B/s]
 *
 * An extra memory roof of a device, drawn dashed under the same compute roof.
 */
typedef struct
{
  MlsRoofKind kind;
  const char *label;
  double      bandwidth;
} MlsRoof;

/**
 * MlsRooflineDevice:
 * @name: the legend name ("H100", "H100 · FP8")
 * @peak_flops: the compute roof [FLOP/s]; for the distributed variant, the fleet's compute
 * @bandwidth: the memory roof [B/s]; for the distributed variant, the network bandwidth
 * @roofs: (array length=n_roofs) (nullable): extra memory roofs
 * @n_roofs: the number of @roofs
 *
 * One device (or one precision of a device) on a roofline chart.
 */
typedef struct
{
  const char    *name;
  double         peak_flops;
  double         bandwidth;
  const MlsRoof *roofs;
  guint          n_roofs;
} MlsRooflineDevice;

/**
 * MlsRooflineWorkload:
 * @name: the label ("Llama3-8B decode, batch 1")
 * @intensity: the arithmetic intensity [FLOP/B]
 * @performance: the attained performance [FLOP/s]; 0 puts the point on the roof of
 *   @device, min(bandwidth × @intensity, peak)
 * @device: the index of the device the point belongs to (its colour and bottleneck)
 * @bottleneck: (nullable): the bottleneck to print under the name; %NULL derives
 *   "memory-bound" or "compute-bound" from the device's ridge point
 *
 * One workload point.
 */
typedef struct
{
  const char *name;
  double      intensity;
  double      performance;
  guint       device;
  const char *bottleneck;
} MlsRooflineWorkload;

/**
 * MlsRooflineVariant:
 * @MLS_ROOFLINE_NODE: the single-node roofline: memory bandwidth against compute
 * @MLS_ROOFLINE_NETWORK: the distributed roofline: network bandwidth against fleet compute,
 *   over communication intensity
 *
 * Which roofline is drawn; it changes the labels and the colours, not the geometry.
 */
typedef enum
{
  MLS_ROOFLINE_NODE,
  MLS_ROOFLINE_NETWORK,
} MlsRooflineVariant;

/**
 * MlsRooflineFlags:
 * @MLS_ROOFLINE_FLAGS_NONE: everything shown
 * @MLS_ROOFLINE_HIDE_REGIONS: do not shade the memory-bound and compute-bound regions
 * @MLS_ROOFLINE_HIDE_ROOF_LABELS: do not print the roof values
 * @MLS_ROOFLINE_HIDE_RIDGE: do not mark the ridge points
 * @MLS_ROOFLINE_HIDE_LEGEND: no legend, even with several devices
 *
 * Options; the zero value shows everything.
 */
typedef enum /*< flags >*/
{
  MLS_ROOFLINE_FLAGS_NONE = 0,
  MLS_ROOFLINE_HIDE_REGIONS = 1 << 0,
  MLS_ROOFLINE_HIDE_ROOF_LABELS = 1 << 1,
  MLS_ROOFLINE_HIDE_RIDGE = 1 << 2,
  MLS_ROOFLINE_HIDE_LEGEND = 1 << 3,
} MlsRooflineFlags;

/**
 * MlsRooflineChart:
 * @title: (nullable): the title; %NULL makes "Roofline: NAME" from the first device
 * @variant: node or network roofline
 * @flags: options
 * @devices: (array length=n_devices): the devices, at least one
 * @n_devices: the number of @devices
 * @workloads: (array length=n_workloads) (nullable): the workload points
 * @n_workloads: the number of @workloads
 * @x_min: the lowest intensity shown [FLOP/B]; 0 chooses
 * @x_max: the highest intensity shown [FLOP/B]; 0 chooses
 * @y_min: the lowest performance shown [FLOP/s]; 0 chooses
 * @y_max: the highest performance shown [FLOP/s]; 0 chooses
 *
 * A roofline chart. The caller owns every pointer; the renderer only reads them. Charts built
 * with the helpers of mls-figure-data.h own their storage and are released with
 * mls_roofline_chart_clear().
 */
typedef struct
{
  const char                *title;
  MlsRooflineVariant         variant;
  MlsRooflineFlags           flags;
  const MlsRooflineDevice   *devices;
  guint                      n_devices;
  const MlsRooflineWorkload *workloads;
  guint                      n_workloads;
  double                     x_min;
  double                     x_max;
  double                     y_min;
  double                     y_max;

  /*< private >*/
  gpointer storage;
} MlsRooflineChart;

double mls_roofline_device_ridge_point (const MlsRooflineDevice *device);
double mls_roofline_device_attainable (const MlsRooflineDevice *device, double intensity);

G_END_DECLS
