/* mls-hardware-node.c — Layer B, supply: one accelerator or board
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mlsysim.h"
#include "mls-entry-private.h"

/**
 * MlsHardwareNode:
 *
 * One accelerator, board or rack-scale system: peak FLOP/s per precision, the memory
 * hierarchy (HBM or DRAM, SRAM, flash), host I/O, the intra-node link, storage, power, cost
 * and the per-call dispatch tax.
 *
 * Datasheets quote NVLink as a bidirectional total; entries mark that with
 * `direction: bidirectional_total`, and [method@HardwareNode.get_intra_node_bandwidth]
 * returns the rate per direction, which is what collective equations use (inventory §4).
 */

typedef enum
{
  Q_PEAK,
  Q_MEM_CAPACITY,
  Q_MEM_BANDWIDTH,
  Q_SRAM_CAPACITY,
  Q_SRAM_BANDWIDTH,
  Q_FLASH_CAPACITY,
  Q_FLASH_BANDWIDTH,
  Q_HOST_BANDWIDTH,
  Q_STORAGE_BANDWIDTH,
  Q_INTRA_BANDWIDTH,
  Q_INTRA_LATENCY,
  Q_TDP,
  Q_UNIT_COST,
  Q_DISPATCH_TAX,
  Q_EMBODIED,
  N_CACHED
} Cached;

struct _MlsHardwareNode
{
  MlsEntry        parent_instance;
  MlsHardwareTier tier;
  gint            release_year;
  guint           accelerator_count;
  MlsQuantity     cached[N_CACHED];
  MlsQuantity     flops[MLS_N_PRECISIONS];
  gboolean        has_flops[MLS_N_PRECISIONS];
};

G_DEFINE_FINAL_TYPE (MlsHardwareNode, mls_hardware_node, MLS_TYPE_ENTRY)

#define TIERS "cloud|workstation|mobile|edge|tiny"

/* The `hardware` fields of registry/README.md. */
static const MlsFieldSpec hardware_fields[] = {
  { "tier", MLS_FIELD_STRING, TIERS, TRUE, N_("Tier") },
  { "release_year", MLS_FIELD_INTEGER, NULL, FALSE, N_("Year") },
  { "compute.peak_flops", MLS_FIELD_QUANTITY, "FLOP/s", TRUE, N_("Peak FLOP/s") },
  { "compute.precision_flops.*", MLS_FIELD_QUANTITY, "FLOP/s", FALSE, N_("FLOP/s at a precision") },
  { "compute.sm_count", MLS_FIELD_INTEGER, NULL, FALSE, N_("Streaming multiprocessors") },
  { "memory.capacity", MLS_FIELD_QUANTITY, "B", TRUE, N_("Memory") },
  { "memory.bandwidth", MLS_FIELD_QUANTITY, "B/s", TRUE, N_("Memory bandwidth") },
  { "memory.sram_capacity", MLS_FIELD_QUANTITY, "B", FALSE, N_("SRAM") },
  { "memory.sram_bandwidth", MLS_FIELD_QUANTITY, "B/s", FALSE, N_("SRAM bandwidth") },
  { "memory.flash_capacity", MLS_FIELD_QUANTITY, "B", FALSE, N_("Flash") },
  { "memory.flash_bandwidth", MLS_FIELD_QUANTITY, "B/s", FALSE, N_("Flash bandwidth") },
  { "memory.l2_cache", MLS_FIELD_QUANTITY, "B", FALSE, N_("L2 cache") },
  { "memory.register_file_per_sm", MLS_FIELD_QUANTITY, "B", FALSE, N_("Register file per SM") },
  { "memory.shared_memory_per_sm", MLS_FIELD_QUANTITY, "B", FALSE, N_("Shared memory per SM") },
  { "storage.capacity", MLS_FIELD_QUANTITY, "B", FALSE, N_("Storage") },
  { "storage.bandwidth", MLS_FIELD_QUANTITY, "B/s", FALSE, N_("Storage bandwidth") },
  { "storage.latency", MLS_FIELD_QUANTITY, "s", FALSE, N_("Storage latency") },
  { "interconnect.name", MLS_FIELD_STRING, NULL, FALSE, N_("Host link") },
  { "interconnect.bandwidth", MLS_FIELD_QUANTITY, "B/s", FALSE, N_("Host link bandwidth") },
  { "interconnect.latency", MLS_FIELD_QUANTITY, "s", FALSE, N_("Host link latency") },
  { "interconnect.direction", MLS_FIELD_STRING, "per_direction|bidirectional_total", FALSE,
    N_("Host link direction") },
  { "nvlink.name", MLS_FIELD_STRING, NULL, FALSE, N_("Intra-node link") },
  { "nvlink.bandwidth", MLS_FIELD_QUANTITY, "B/s", FALSE, N_("Intra-node bandwidth") },
  { "nvlink.latency", MLS_FIELD_QUANTITY, "s", FALSE, N_("Intra-node latency") },
  { "nvlink.direction", MLS_FIELD_STRING, "per_direction|bidirectional_total", FALSE,
    N_("Intra-node link direction") },
  { "tdp", MLS_FIELD_QUANTITY, "W", FALSE, N_("TDP") },
  { "tdp_min", MLS_FIELD_QUANTITY, "W", FALSE, N_("Minimum TDP") },
  { "tdp_max", MLS_FIELD_QUANTITY, "W", FALSE, N_("Maximum TDP") },
  { "battery_capacity", MLS_FIELD_QUANTITY, "J", FALSE, N_("Battery") },
  { "unit_cost", MLS_FIELD_QUANTITY, "USD", FALSE, N_("Unit cost") },
  { "unit_cost_max", MLS_FIELD_QUANTITY, "USD", FALSE, N_("Maximum unit cost") },
  { "accelerator_count", MLS_FIELD_INTEGER, NULL, FALSE, N_("Accelerators") },
  { "embodied_carbon", MLS_FIELD_QUANTITY, "kg", FALSE, N_("Embodied carbon") },
  { "dispatch_tax", MLS_FIELD_QUANTITY, "s", FALSE, N_("Dispatch tax") },
};

static const char *cached_paths[N_CACHED] = {
  [Q_PEAK] = "compute.peak_flops",
  [Q_MEM_CAPACITY] = "memory.capacity",
  [Q_MEM_BANDWIDTH] = "memory.bandwidth",
  [Q_SRAM_CAPACITY] = "memory.sram_capacity",
  [Q_SRAM_BANDWIDTH] = "memory.sram_bandwidth",
  [Q_FLASH_CAPACITY] = "memory.flash_capacity",
  [Q_FLASH_BANDWIDTH] = "memory.flash_bandwidth",
  [Q_HOST_BANDWIDTH] = "interconnect.bandwidth",
  [Q_STORAGE_BANDWIDTH] = "storage.bandwidth",
  [Q_INTRA_BANDWIDTH] = "nvlink.bandwidth",
  [Q_INTRA_LATENCY] = "nvlink.latency",
  [Q_TDP] = "tdp",
  [Q_UNIT_COST] = "unit_cost",
  [Q_DISPATCH_TAX] = "dispatch_tax",
  [Q_EMBODIED] = "embodied_carbon",
};

/* Keys of compute.precision_flops beyond the eight precisions of #MlsPrecision: formats
 * datasheets quote (microscaling, fp6, fp64) and the `_sparse` variant of any of them
 * (2:4 structured sparsity). */
static const char *extra_precisions[] = {
  "fp64", "fp6", "int16", "int2", "mxfp8", "mxfp6", "mxfp4", "mxint8", "mxint4", "fp32_cuda",
};

static gboolean
precision_key_valid (const char *key)
{
  g_autofree char *base = g_strdup (key);
  gsize len = strlen (base);

  if (g_str_has_suffix (base, "_sparse") && len > strlen ("_sparse"))
    base[len - strlen ("_sparse")] = '\0';
  if (mls_precision_from_string (base, NULL, NULL))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (extra_precisions); i++)
    if (strcmp (base, extra_precisions[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
mls_hardware_node_check_field (MlsEntry   *entry,
                               const char *path,
                               GError    **error)
{
  static const char prefix[] = "compute.precision_flops.";
  const char *key;

  if (!g_str_has_prefix (path, prefix))
    return TRUE;
  key = path + strlen (prefix);
  /* keys are written in lower case, as in the reference YAML */
  for (const char *p = key; *p; p++)
    if (g_ascii_isupper (*p))
      goto bad;
  if (precision_key_valid (key))
    return TRUE;

bad:
  {
    g_autoptr(GString) valid = g_string_new (NULL);

    for (guint i = 0; i < MLS_N_PRECISIONS; i++)
      g_string_append_printf (valid, "%s, ", mls_precision_to_string (i));
    for (guint i = 0; i < G_N_ELEMENTS (extra_precisions); i++)
      g_string_append_printf (valid, "%s, ", extra_precisions[i]);
    g_string_append (valid, _("each optionally with “_sparse”"));
    g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_PRECISION,
                 _("compute.precision_flops: “%s” is not a known precision; use one of %s"),
                 key, valid->str);
    return FALSE;
  }
}

static gboolean
mls_hardware_node_finish (MlsEntry *entry,
                          GError  **error)
{
  MlsHardwareNode *self = MLS_HARDWARE_NODE (entry);
  const char *tier;

  if (!MLS_ENTRY_CLASS (mls_hardware_node_parent_class)->finish (entry, error))
    return FALSE;

  for (guint i = 0; i < N_CACHED; i++)
    mls_entry_cache_quantity (entry, cached_paths[i], &self->cached[i]);
  if (!(self->cached[Q_PEAK].value > 0) || !(self->cached[Q_MEM_BANDWIDTH].value > 0) ||
      !(self->cached[Q_MEM_CAPACITY].value > 0))
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("hardware entry “%s” needs a positive peak_flops, memory capacity and "
                     "memory bandwidth"), mls_entry_get_key (entry));
      return FALSE;
    }

  /* the figure collectives use is per direction (2026-06-10 rule) */
  if (g_strcmp0 (mls_entry_get_string (entry, "nvlink.direction"), "bidirectional_total") == 0)
    self->cached[Q_INTRA_BANDWIDTH].value /= 2;
  if (g_strcmp0 (mls_entry_get_string (entry, "interconnect.direction"),
                 "bidirectional_total") == 0)
    self->cached[Q_HOST_BANDWIDTH].value /= 2;

  for (guint p = 0; p < MLS_N_PRECISIONS; p++)
    {
      g_autofree char *path = g_strconcat ("compute.precision_flops.",
                                           mls_precision_to_string (p), NULL);
      self->has_flops[p] = mls_entry_get_quantity (entry, path, &self->flops[p], NULL);
      if (!self->has_flops[p])
        self->flops[p] = self->cached[Q_PEAK];
    }

  tier = mls_entry_get_string (entry, "tier");
  self->tier = MLS_TIER_CLOUD;
  for (guint t = MLS_TIER_CLOUD; t <= MLS_TIER_TINY; t++)
    if (g_strcmp0 (tier, mls_hardware_tier_to_string (t)) == 0)
      self->tier = t;
  self->release_year = (gint) mls_entry_get_integer (entry, "release_year", 0);
  self->accelerator_count = (guint) CLAMP (mls_entry_get_integer (entry, "accelerator_count", 1),
                                           1, G_MAXUINT);
  return TRUE;
}

static void
mls_hardware_node_class_init (MlsHardwareNodeClass *klass)
{
  MlsEntryClass *entry_class = MLS_ENTRY_CLASS (klass);

  entry_class->category = "hardware";
  entry_class->fields = hardware_fields;
  entry_class->n_fields = G_N_ELEMENTS (hardware_fields);
  entry_class->finish = mls_hardware_node_finish;
  entry_class->check_field = mls_hardware_node_check_field;
}

static void
mls_hardware_node_init (MlsHardwareNode *self)
{
}

/**
 * mls_hardware_tier_to_string:
 * @tier: a #MlsHardwareTier
 *
 * Returns: the tier's name as written in the registry ("cloud", …, "tiny")
 */
const char *
mls_hardware_tier_to_string (MlsHardwareTier tier)
{
  static const char *names[] = { "cloud", "workstation", "mobile", "edge", "tiny" };

  g_return_val_if_fail ((guint) tier < G_N_ELEMENTS (names), "cloud");
  return names[tier];
}

/**
 * mls_hardware_node_get_tier:
 * @self: a #MlsHardwareNode
 *
 * Returns: the deployment tier
 */
MlsHardwareTier
mls_hardware_node_get_tier (MlsHardwareNode *self)
{
  g_return_val_if_fail (MLS_IS_HARDWARE_NODE (self), MLS_TIER_CLOUD);
  return self->tier;
}

/**
 * mls_hardware_node_get_release_year:
 * @self: a #MlsHardwareNode
 *
 * Returns: the year of release, 0 when unknown
 */
gint
mls_hardware_node_get_release_year (MlsHardwareNode *self)
{
  g_return_val_if_fail (MLS_IS_HARDWARE_NODE (self), 0);
  return self->release_year;
}

#define CACHED_GETTER(fn, slot)                                                          \
  const MlsQuantity *                                                                         \
  fn (MlsHardwareNode *self)                                                                  \
  {                                                                                           \
    g_return_val_if_fail (MLS_IS_HARDWARE_NODE (self), NULL);                                 \
    return &self->cached[slot];                                                               \
  }

/**
 * mls_hardware_node_get_peak_flops:
 * @self: a #MlsHardwareNode
 *
 * Returns: (transfer none): the dense FP16/BF16 tensor rate by convention (the INT8 rate
 *   for integer-only parts) [FLOP/s]
 */
CACHED_GETTER (mls_hardware_node_get_peak_flops, Q_PEAK)

/**
 * mls_hardware_node_get_memory_capacity:
 * @self: a #MlsHardwareNode
 *
 * Returns: (transfer none): the capacity of the primary memory (HBM, DRAM) [B]
 */
CACHED_GETTER (mls_hardware_node_get_memory_capacity, Q_MEM_CAPACITY)

/**
 * mls_hardware_node_get_memory_bandwidth:
 * @self: a #MlsHardwareNode
 *
 * Returns: (transfer none): the bandwidth of the primary memory [B/s]
 */
CACHED_GETTER (mls_hardware_node_get_memory_bandwidth, Q_MEM_BANDWIDTH)

/**
 * mls_hardware_node_get_sram_capacity:
 * @self: a #MlsHardwareNode
 *
 * Returns: (transfer none): on-chip SRAM [B], 0 when not given
 */
CACHED_GETTER (mls_hardware_node_get_sram_capacity, Q_SRAM_CAPACITY)

/**
 * mls_hardware_node_get_sram_bandwidth:
 * @self: a #MlsHardwareNode
 *
 * Returns: (transfer none): the SRAM bandwidth [B/s], 0 when not given
 */
CACHED_GETTER (mls_hardware_node_get_sram_bandwidth, Q_SRAM_BANDWIDTH)

/**
 * mls_hardware_node_get_flash_capacity:
 * @self: a #MlsHardwareNode
 *
 * Returns: (transfer none): flash [B], 0 when not given
 */
CACHED_GETTER (mls_hardware_node_get_flash_capacity, Q_FLASH_CAPACITY)

/**
 * mls_hardware_node_get_flash_bandwidth:
 * @self: a #MlsHardwareNode
 *
 * Returns: (transfer none): the flash read bandwidth [B/s], 0 when not given
 */
CACHED_GETTER (mls_hardware_node_get_flash_bandwidth, Q_FLASH_BANDWIDTH)

/**
 * mls_hardware_node_get_host_bandwidth:
 * @self: a #MlsHardwareNode
 *
 * Returns: (transfer none): the host link (PCIe) per direction [B/s], 0 when not given
 */
CACHED_GETTER (mls_hardware_node_get_host_bandwidth, Q_HOST_BANDWIDTH)

/**
 * mls_hardware_node_get_storage_bandwidth:
 * @self: a #MlsHardwareNode
 *
 * Returns: (transfer none): the local storage bandwidth [B/s], 0 when not given
 */
CACHED_GETTER (mls_hardware_node_get_storage_bandwidth, Q_STORAGE_BANDWIDTH)

/**
 * mls_hardware_node_get_intra_node_bandwidth:
 * @self: a #MlsHardwareNode
 *
 * The accelerator-to-accelerator link (NVLink, ICI) per direction: half the datasheet figure
 * when the entry marks it `bidirectional_total` (H100: 900 GB/s total, 450 GB/s per
 * direction).
 *
 * Returns: (transfer none): the per-direction bandwidth [B/s], 0 when not given
 */
CACHED_GETTER (mls_hardware_node_get_intra_node_bandwidth, Q_INTRA_BANDWIDTH)

/**
 * mls_hardware_node_get_intra_node_latency:
 * @self: a #MlsHardwareNode
 *
 * Returns: (transfer none): the intra-node link latency [s], 0 when not given (solvers
 *   then use the registry constant `nvlink_latency`)
 */
CACHED_GETTER (mls_hardware_node_get_intra_node_latency, Q_INTRA_LATENCY)

/**
 * mls_hardware_node_get_tdp:
 * @self: a #MlsHardwareNode
 *
 * Returns: (transfer none): the thermal design power [W], 0 when not given
 */
CACHED_GETTER (mls_hardware_node_get_tdp, Q_TDP)

/**
 * mls_hardware_node_get_unit_cost:
 * @self: a #MlsHardwareNode
 *
 * Returns: (transfer none): the purchase price [USD], 0 when not given
 */
CACHED_GETTER (mls_hardware_node_get_unit_cost, Q_UNIT_COST)

/**
 * mls_hardware_node_get_dispatch_tax:
 * @self: a #MlsHardwareNode
 *
 * Returns: (transfer none): the per-call launch overhead [s], 0 when not given (solvers then
 *   use the registry constant `default_dispatch_tax`)
 */
CACHED_GETTER (mls_hardware_node_get_dispatch_tax, Q_DISPATCH_TAX)

/**
 * mls_hardware_node_get_embodied_carbon:
 * @self: a #MlsHardwareNode
 *
 * Returns: (transfer none): the manufacturing emissions [kg CO₂e], 0 when not given
 */
CACHED_GETTER (mls_hardware_node_get_embodied_carbon, Q_EMBODIED)

/**
 * mls_hardware_node_get_flops_for:
 * @self: a #MlsHardwareNode
 * @precision: a numeric precision
 * @out_exact: (out) (optional): %TRUE if the datasheet gives a rate for @precision, %FALSE
 *   if the result is the peak_flops fallback
 *
 * The compute rate at a precision: `compute.precision_flops[precision]` when the entry has
 * it, else `compute.peak_flops` (inventory §7). Note the consequence the reference has too:
 * fp32 on a part without an fp32 rate falls back to the FP16 peak.
 *
 * Returns: (transfer none): the rate [FLOP/s]
 */
const MlsQuantity *
mls_hardware_node_get_flops_for (MlsHardwareNode *self,
                                 MlsPrecision     precision,
                                 gboolean        *out_exact)
{
  g_return_val_if_fail (MLS_IS_HARDWARE_NODE (self), NULL);
  g_return_val_if_fail ((guint) precision < MLS_N_PRECISIONS, &self->cached[Q_PEAK]);

  if (out_exact != NULL)
    *out_exact = self->has_flops[precision];
  return &self->flops[precision];
}

/**
 * mls_hardware_node_get_accelerator_count:
 * @self: a #MlsHardwareNode
 *
 * Returns: the accelerators the entry describes (72 for an NVL72 rack), 1 for one chip
 */
guint
mls_hardware_node_get_accelerator_count (MlsHardwareNode *self)
{
  g_return_val_if_fail (MLS_IS_HARDWARE_NODE (self), 1);
  return self->accelerator_count;
}

/**
 * mls_hardware_node_ridge_point:
 * @self: a #MlsHardwareNode
 * @precision: the precision whose compute rate to use
 * @out: (out caller-allocates): the ridge point [FLOP/B]
 *
 * The arithmetic intensity where the roofline turns from memory-bound to compute-bound:
 * FLOP/s at @precision ÷ memory bandwidth, mls_calc_ridge_point(). H100 at fp16:
 * 989 TFLOP/s ÷ 3.35 TB/s = 295.2 FLOP/B.
 *
 * Returns: %TRUE if the memory bandwidth is known
 */
gboolean
mls_hardware_node_ridge_point (MlsHardwareNode *self,
                               MlsPrecision     precision,
                               MlsQuantity     *out)
{
  g_return_val_if_fail (MLS_IS_HARDWARE_NODE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return mls_calc_ridge_point (mls_hardware_node_get_flops_for (self, precision, NULL),
                               &self->cached[Q_MEM_BANDWIDTH], out, NULL);
}
