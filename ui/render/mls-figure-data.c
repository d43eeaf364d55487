/* mls-figure-data.c — roofline charts from registry hardware and lowered workloads
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The renderer itself knows only plain numbers; this is the one place that reads core
 * objects, so `mlsysim plot` and the app fill charts the same way.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mls-figure-private.h"
#include "mls-figure-data.h"

typedef struct
{
  GArray       *devices;   /* MlsRooflineDevice */
  GArray       *workloads; /* MlsRooflineWorkload */
  GPtrArray    *roofs;     /* MlsRoof[], one block per device that has extra roofs */
  GStringChunk *strings;
} Storage;

static Storage *
storage_for (MlsRooflineChart *chart)
{
  Storage *s = chart->storage;

  if (s != NULL)
    return s;
  s = g_new0 (Storage, 1);
  s->devices = g_array_new (FALSE, TRUE, sizeof (MlsRooflineDevice));
  s->workloads = g_array_new (FALSE, TRUE, sizeof (MlsRooflineWorkload));
  s->roofs = g_ptr_array_new_with_free_func (g_free);
  s->strings = g_string_chunk_new (256);
  /* Entries the caller filled by hand come along; their strings stay the caller's. */
  if (chart->n_devices > 0 && chart->devices)
    g_array_append_vals (s->devices, chart->devices, chart->n_devices);
  if (chart->n_workloads > 0 && chart->workloads)
    g_array_append_vals (s->workloads, chart->workloads, chart->n_workloads);
  chart->storage = s;
  return s;
}

static void
sync_chart (MlsRooflineChart *chart)
{
  Storage *s = chart->storage;

  chart->devices = (const MlsRooflineDevice *)(void *)s->devices->data;
  chart->n_devices = s->devices->len;
  chart->workloads = (const MlsRooflineWorkload *)(void *)s->workloads->data;
  chart->n_workloads = s->workloads->len;
}

static char *
precision_label (MlsPrecision precision)
{
  return g_ascii_strup (mls_precision_to_string (precision), -1);
}

/**
 * mls_roofline_chart_add_hardware:
 * @chart: a chart
 * @node: a registry device
 * @precision: the precision whose compute rate makes the roof
 * @roofs: which extra memory roofs to draw, when the device has them
 * @error: a #GError
 *
 * Adds a device: its compute rate at @precision (the peak when the datasheet has no rate for
 * it, marked "≈" in the name) and its memory bandwidth. The chart then owns its storage;
 * release it with mls_roofline_chart_clear().
 *
 * Returns: %TRUE when the device has both a compute rate and a bandwidth
 */
gboolean
mls_roofline_chart_add_hardware (MlsRooflineChart *chart, MlsHardwareNode *node,
                                 MlsPrecision precision, MlsRooflineRoofs roofs, GError **error)
{
  const char       *name;
  g_autofree char  *prec = NULL;
  g_autofree char  *label = NULL;
  MlsRooflineDevice device = { 0 };
  gboolean          exact = TRUE;
  GArray           *extra;
  Storage          *s;
  const struct
  {
    MlsRooflineRoofs flag;
    MlsRoofKind      kind;
    const MlsQuantity *(*get) (MlsHardwareNode *);
  } levels[] = {
    { MLS_ROOFLINE_ROOFS_SRAM, MLS_ROOF_SRAM, mls_hardware_node_get_sram_bandwidth },
    { MLS_ROOFLINE_ROOFS_FLASH, MLS_ROOF_FLASH, mls_hardware_node_get_flash_bandwidth },
    { MLS_ROOFLINE_ROOFS_HOST_LINK, MLS_ROOF_HOST_LINK, mls_hardware_node_get_host_bandwidth },
  };

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (MLS_IS_HARDWARE_NODE (node), FALSE);

  name = mls_entry_get_name (MLS_ENTRY (node));
  if (name == NULL || *name == '\0')
    name = mls_entry_get_key (MLS_ENTRY (node));
  device.peak_flops
      = mls_quantity_value (mls_hardware_node_get_flops_for (node, precision, &exact));
  device.bandwidth = mls_quantity_value (mls_hardware_node_get_memory_bandwidth (node));
  if (!(device.peak_flops > 0) || !isfinite (device.peak_flops))
    {
      g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                   _ ("“%s” has no compute rate in the registry, so it has no roofline"), name);
      return FALSE;
    }
  if (!(device.bandwidth > 0) || !isfinite (device.bandwidth))
    {
      g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                   _ ("“%s” has no memory bandwidth in the registry, so it has no roofline"), name);
      return FALSE;
    }

  /* The registry's peak is the dense FP16/BF16 rate (inventory §7), so only other
   * precisions falling back to it are approximations worth a mark. */
  if (precision == MLS_PRECISION_FP16 || precision == MLS_PRECISION_BF16)
    exact = TRUE;
  s = storage_for (chart);
  prec = precision_label (precision);
  /* Translators: a device on a roofline legend, "NVIDIA H100 (FP16)"; ≈ marks a rate that
   * falls back to the peak because the datasheet gives none for the precision */
  label = exact ? g_strdup_printf (_ ("%s (%s)"), name, prec)
                : g_strdup_printf (_ ("%s (%s ≈ peak)"), name, prec);
  device.name = g_string_chunk_insert (s->strings, label);

  extra = g_array_new (FALSE, TRUE, sizeof (MlsRoof));
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      double bw;
      if (!(roofs & levels[i].flag))
        continue;
      bw = mls_quantity_value (levels[i].get (node));
      if (bw > 0 && isfinite (bw) && bw != device.bandwidth)
        {
          MlsRoof roof = { levels[i].kind, NULL, bw };
          g_array_append_val (extra, roof);
        }
    }
  if (extra->len > 0)
    {
      device.n_roofs = extra->len;
      device.roofs = (const MlsRoof *)(void *)g_array_free (extra, FALSE);
      g_ptr_array_add (s->roofs, (gpointer)device.roofs);
    }
  else
    g_array_free (extra, TRUE);

  g_array_append_val (s->devices, device);
  sync_chart (chart);
  return TRUE;
}

/**
 * mls_roofline_chart_add_graph:
 * @chart: a chart
 * @label: the workload's label ("Llama3-8B decode, batch 1")
 * @graph: the workload lowered to a precision
 * @batch: how many inputs share one pass over the weights (1 for a single request)
 * @device: the index of the device the point belongs to
 * @error: a #GError
 *
 * Adds a workload at its weight-streaming intensity, @batch × ops / weight bytes: each pass
 * reads the weights once and does the work of @batch inputs, the textbook's inference
 * roofline. The point sits on the device's roof.
 *
 * Returns: %TRUE when the graph has operations and weights
 */
gboolean
mls_roofline_chart_add_graph (MlsRooflineChart *chart, const char *label,
                              const MlsComputationGraph *graph, double batch, guint device,
                              GError **error)
{
  MlsRooflineWorkload w = { 0 };
  double              ops, bytes;
  Storage            *s;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (graph != NULL, FALSE);

  ops = mls_quantity_value (&graph->total_ops);
  bytes = mls_quantity_value (&graph->weight_bytes);
  if (!(batch >= 1) || !isfinite (batch))
    {
      g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                   _ ("Workload “%s”: the batch must be at least 1 (got %g)"), label ? label : "?",
                   batch);
      return FALSE;
    }
  if (bytes > 0 && ops > 0)
    w.intensity = batch * ops / bytes;
  else
    w.intensity = batch * mls_quantity_value (&graph->arithmetic_intensity);
  if (!(w.intensity > 0) || !isfinite (w.intensity))
    {
      g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                   _ ("Workload “%s” has no operations or no weights, so it has no arithmetic "
                      "intensity"),
                   label ? label : "?");
      return FALSE;
    }
  if (device >= chart->n_devices)
    {
      g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                   _ ("Workload “%s” refers to device %u, but the chart has %u"),
                   label ? label : "?", device + 1, chart->n_devices);
      return FALSE;
    }
  s = storage_for (chart);
  w.name = g_string_chunk_insert (s->strings, label ? label : "");
  w.device = device;
  g_array_append_val (s->workloads, w);
  sync_chart (chart);
  return TRUE;
}

/**
 * mls_roofline_chart_add_workload:
 * @chart: a chart
 * @workload: a workload point, as a solver computed it; its strings are copied
 *
 * Adds a workload point.
 */
void
mls_roofline_chart_add_workload (MlsRooflineChart *chart, const MlsRooflineWorkload *workload)
{
  MlsRooflineWorkload w = *workload;
  Storage            *s;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (workload != NULL);

  s = storage_for (chart);
  w.name = g_string_chunk_insert (s->strings, workload->name ? workload->name : "");
  if (workload->bottleneck)
    w.bottleneck = g_string_chunk_insert (s->strings, workload->bottleneck);
  g_array_append_val (s->workloads, w);
  sync_chart (chart);
}

/**
 * mls_roofline_chart_clear:
 * @chart: a chart
 *
 * Releases what the add functions allocated and empties the device and workload lists.
 * Harmless on a chart filled by hand.
 */
void
mls_roofline_chart_clear (MlsRooflineChart *chart)
{
  Storage *s;

  g_return_if_fail (chart != NULL);

  s = g_steal_pointer (&chart->storage);
  if (s == NULL)
    return;
  g_array_unref (s->devices);
  g_array_unref (s->workloads);
  g_ptr_array_unref (s->roofs);
  g_string_chunk_free (s->strings);
  g_free (s);
  chart->devices = NULL;
  chart->n_devices = 0;
  chart->workloads = NULL;
  chart->n_workloads = 0;
}
