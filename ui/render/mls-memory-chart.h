/* mls-memory-chart.h — where the memory of a configuration goes
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
 * MlsMemoryPart:
 * @MLS_MEMORY_WEIGHTS: the weights
 * @MLS_MEMORY_KV_CACHE: the KV cache
 * @MLS_MEMORY_ACTIVATIONS: activations
 * @MLS_MEMORY_OPTIMIZER: optimizer state and gradients
 * @MLS_MEMORY_N_PARTS: the number of parts
 *
 * The stacked parts of a memory bar, bottom to top.
 */
typedef enum
{
  MLS_MEMORY_WEIGHTS,
  MLS_MEMORY_KV_CACHE,
  MLS_MEMORY_ACTIVATIONS,
  MLS_MEMORY_OPTIMIZER,
  MLS_MEMORY_N_PARTS,
} MlsMemoryPart;

/**
 * MlsMemoryBar:
 * @label: the configuration ("Llama3-8B, batch 32")
 * @bytes: the size of each #MlsMemoryPart [B]
 * @capacity: the device capacity [B], drawn as a dashed limit; 0 for none
 *
 * One stacked bar.
 */
typedef struct
{
  const char *label;
  double      bytes[MLS_MEMORY_N_PARTS];
  double      capacity;
} MlsMemoryBar;

/**
 * MlsMemoryChart:
 * @title: (nullable): the title
 * @bars: (array length=n_bars): the configurations
 * @n_bars: the number of @bars
 * @capacity_label: (nullable): names the limit ("H100 80 GiB"); %NULL prints the capacity
 *
 * A memory breakdown chart of stacked bars.
 */
typedef struct
{
  const char         *title;
  const MlsMemoryBar *bars;
  guint               n_bars;
  const char         *capacity_label;
} MlsMemoryChart;

const char *mls_memory_part_to_string (MlsMemoryPart part);

G_END_DECLS
