/* test-registry.c — the catalog loads, is sourced, matches the reference, and is strict
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Expected values come from shared/reference/mlsysim-registry.md (the Python MLSys·im's
 * registry and the datasheets it cites), converted by hand in the comments.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <mlsysim.h>

static MlsRegistry *
registry (void)
{
  g_autoptr(GError) error = NULL;
  MlsRegistry *r = mls_registry_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static MlsEntry *
lookup (const char *category,
        const char *key)
{
  g_autoptr(GError) error = NULL;
  MlsEntry *entry = mls_registry_lookup (registry (), category, key, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  return entry;
}

static guint
count (const char *category)
{
  return g_list_model_get_n_items (mls_registry_get_category (registry (), category));
}

/* ------------------------------------------------------------------------------------------ */

static void
test_counts (void)
{
  GListModel *hardware = mls_registry_get_category (registry (), "hardware");
  guint tiers[5] = { 0 };
  g_autoptr(MlsAuditReport) audit = NULL;

  /* issue 3 acceptance: 50 devices over five tiers, 35 models, 12 grids, 10 fabrics,
   * 7 clusters, 10 scenarios, 4 personas */
  g_assert_cmpuint (count ("hardware"), >=, 50);
  g_assert_cmpuint (count ("models"), >=, 35);
  g_assert_cmpuint (count ("grids"), >=, 12);
  g_assert_cmpuint (count ("fabrics"), >=, 10);
  g_assert_cmpuint (count ("clusters"), >=, 7);
  g_assert_cmpuint (count ("scenarios"), ==, 10);
  g_assert_cmpuint (count ("personas"), ==, 4);
  g_assert_cmpuint (count ("walls"), ==, 22);

  for (guint i = 0; i < g_list_model_get_n_items (hardware); i++)
    {
      g_autoptr(MlsEntry) entry = g_list_model_get_item (hardware, i);

      g_assert_true (MLS_IS_HARDWARE_NODE (entry));
      tiers[mls_hardware_node_get_tier (MLS_HARDWARE_NODE (entry))]++;
    }
  for (guint t = 0; t < G_N_ELEMENTS (tiers); t++)
    g_assert_cmpuint (tiers[t], >, 0);

  /* every entry sourced */
  audit = mls_audit_report_new (registry (), 365, NULL);
  g_assert_cmpuint (mls_audit_report_get_n_entries (audit), >=, 50 + 35 + 12 + 10 + 7 + 10 + 4);
  g_assert_cmpfloat (mls_audit_report_get_coverage (audit), ==, 100.0);
}

static void
test_lists_sorted (void)
{
  const char * const *categories = mls_registry_get_categories (registry ());

  for (guint c = 0; categories[c] != NULL; c++)
    {
      GListModel *model = mls_registry_get_category (registry (), categories[c]);

      g_assert_true (g_list_model_get_item_type (model) == MLS_TYPE_ENTRY);
      for (guint i = 1; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(MlsEntry) a = g_list_model_get_item (model, i - 1);
          g_autoptr(MlsEntry) b = g_list_model_get_item (model, i);

          g_assert_cmpint (g_ascii_strcasecmp (mls_entry_get_key (a), mls_entry_get_key (b)), <,
                           0);
          g_assert_nonnull (mls_entry_get_provenance (a));
        }
    }
  g_assert_null (mls_registry_get_category (registry (), "spaceships"));
}

/* One value of the reference registry, in the unit it is quoted in. */
typedef struct
{
  const char *category;
  const char *key;
  const char *path;
  const char *unit;
  double      expected;
} Reference;

static const Reference references[] = {
  /* H100 (§1.1): 80 GiB = 80 × 1024³ B = 85,899,345,920 B = 85.89934592 GB */
  { "hardware", "H100", "memory.capacity", "GB", 85.89934592 },
  { "hardware", "H100", "memory.capacity", "GiB", 80 },
  { "hardware", "H100", "memory.bandwidth", "TB/s", 3.35 },
  { "hardware", "H100", "compute.peak_flops", "TFLOP/s", 989 },
  { "hardware", "H100", "compute.precision_flops.fp8", "TFLOP/s", 1979 },
  { "hardware", "H100", "compute.precision_flops.tf32", "TFLOP/s", 494 },
  { "hardware", "H100", "tdp", "W", 700 },
  { "hardware", "H100", "unit_cost", "USD", 25000 },   /* newest; v0.1 had 30,000 */
  { "hardware", "H100", "dispatch_tax", "ms", 0.01 },
  { "hardware", "H100", "nvlink.bandwidth", "GB/s", 900 }, /* bidirectional total */
  { "hardware", "H100", "interconnect.bandwidth", "GB/s", 64 }, /* PCIe Gen5 x16 */
  { "hardware", "A100", "compute.peak_flops", "TFLOP/s", 312 },
  { "hardware", "A100", "memory.bandwidth", "GB/s", 2039 },
  { "hardware", "A100", "memory.capacity", "GiB", 80 },
  { "hardware", "A100", "tdp", "W", 400 },
  { "hardware", "H200", "memory.capacity", "GiB", 131 },
  { "hardware", "H200", "memory.bandwidth", "TB/s", 4.8 },
  { "hardware", "B200", "compute.peak_flops", "TFLOP/s", 2250 },
  { "hardware", "B200", "compute.precision_flops.fp4", "TFLOP/s", 9000 },
  { "hardware", "B200", "memory.capacity", "GiB", 192 },
  { "hardware", "B200", "memory.bandwidth", "TB/s", 8.0 },
  { "hardware", "B200", "tdp", "W", 1000 },
  { "hardware", "GB200_NVL72", "compute.peak_flops", "PFLOP/s", 162 },
  { "hardware", "GB200_NVL72", "memory.capacity", "TiB", 13.5 },
  { "hardware", "MI300X", "compute.peak_flops", "TFLOP/s", 1307 },
  { "hardware", "MI300X", "memory.bandwidth", "TB/s", 5.3 },
  { "hardware", "T4", "memory.bandwidth", "GB/s", 320 },
  { "hardware", "V100", "compute.peak_flops", "TFLOP/s", 125 },
  { "hardware", "TPUv5p", "memory.bandwidth", "TB/s", 2.76 },
  { "hardware", "iPhone15Pro", "battery_capacity", "Wh", 15 },
  /* ESP32-S3 (§1.5): 0.0005 TFLOP/s = 0.5 GFLOP/s; 520 KiB SRAM */
  { "hardware", "ESP32_S3", "compute.peak_flops", "GFLOP/s", 0.5 },
  { "hardware", "ESP32_S3", "memory.sram_capacity", "KiB", 520 },
  { "hardware", "ESP32_S3", "tdp", "W", 0.4 },
  /* models (§2): parameters and FLOPs per token / per image */
  { "models", "Llama3_8B", "parameters", NULL, 8.03e9 },
  { "models", "Llama3_8B", "inference_flops", "GFLOP", 16.06 },
  { "models", "Llama3_70B", "parameters", NULL, 70.6e9 },
  { "models", "GPT3", "parameters", NULL, 175e9 },
  { "models", "ResNet50", "inference_flops", "GFLOP", 8.2 },   /* newest; v0.1 had 4.1 */
  { "models", "ResNet50", "parameters", NULL, 25.6e6 },
  { "models", "MobileNetV2", "parameters", NULL, 3504872 },
  { "models", "DeepSeek_V3", "active_parameters", NULL, 37e9 },
  { "models", "DLRM", "model_size", "GB", 100 },
  { "models", "StableDiffusion_v1_5", "inference_flops", "GFLOP", 20 },
  /* grids (§3.1) */
  { "grids", "US_Avg", "carbon_intensity", "g/kWh", 429 },
  { "grids", "US_Avg", "pue", NULL, 1.12 },
  { "grids", "Quebec", "carbon_intensity", "g/kWh", 20 },
  { "grids", "Poland", "carbon_intensity", "g/kWh", 820 },
  { "grids", "Poland", "pue", NULL, 1.58 },
  { "grids", "Norway", "wue", "L/kWh", 0.0 },
  { "cooling", "BestAir", "pue", NULL, 1.12 },
  /* fabrics (§5.2): 400 Gbps ÷ 8 bit/B = 50 GB/s; 100 Gbps = 12.5 GB/s */
  { "fabrics", "InfiniBand_NDR", "bandwidth", "GB/s", 50 },
  { "fabrics", "InfiniBand_NDR", "latency", "us", 5 },
  { "fabrics", "InfiniBand_HDR", "bandwidth", "GB/s", 25 },
  { "fabrics", "Ethernet_100G", "bandwidth", "GB/s", 12.5 },
  { "fabrics", "Ethernet_100G", "latency", "us", 50 },
  /* clusters (§5.3): count is nodes */
  { "clusters", "Frontier_8K", "count", NULL, 1024 },
  { "clusters", "Mega_100K", "count", NULL, 12500 },
  /* constants (§4, §6) */
  { "constants", "electricity_price", "value", "USD/kWh", 0.12 },
  { "constants", "maintenance_ratio", "value", NULL, 0.05 },
  { "constants", "gpu_mtbf", "value", "h", 50000 },
  { "constants", "checkpoint_write_bandwidth", "value", "GB/s", 100 },
  { "constants", "default_pue", "value", NULL, 1.12 },
};

static void
test_reference_values (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      const Reference *r = &references[i];
      MlsEntry *entry = lookup (r->category, r->key);
      g_autoptr(GError) error = NULL;
      MlsQuantity q;
      double value;

      g_test_message ("%s/%s %s", r->category, r->key, r->path);
      g_assert_true (mls_entry_get_quantity (entry, r->path, &q, &error));
      g_assert_no_error (error);
      if (r->unit != NULL)
        {
          g_assert_true (mls_quantity_convert (&q, r->unit, &value, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_true (mls_quantity_is_dimensionless (&q));
          value = q.value;
        }
      g_assert_cmpfloat_with_epsilon (value, r->expected, 1e-9 * MAX (1.0, r->expected));
    }
  g_assert_cmpuint (G_N_ELEMENTS (references), >=, 40);
}

static void
test_hardware_accessors (void)
{
  MlsHardwareNode *h100 = MLS_HARDWARE_NODE (lookup ("hardware", "H100"));
  MlsHardwareNode *esp32 = MLS_HARDWARE_NODE (lookup ("hardware", "ESP32_S3"));
  gboolean exact = TRUE;
  double v;

  g_assert_cmpstr (mls_entry_get_name (MLS_ENTRY (h100)), ==, "NVIDIA H100");
  g_assert_cmpint (mls_hardware_node_get_tier (h100), ==, MLS_TIER_CLOUD);
  g_assert_cmpint (mls_hardware_node_get_release_year (h100), ==, 2022);
  /* 80 GiB in bytes: 80 × 2³⁰ = 85,899,345,920 */
  g_assert_cmpfloat (mls_hardware_node_get_memory_capacity (h100)->value, ==, 85899345920.0);
  g_assert_cmpfloat_with_epsilon (mls_hardware_node_get_memory_bandwidth (h100)->value, 3.35e12,
                                  1.0);
  g_assert_cmpfloat_with_epsilon (mls_hardware_node_get_tdp (h100)->value, 700, 1e-9);
  /* NVLink 4.0: 900 GB/s bidirectional total = 450 GB/s per direction (2026-06-10 rule) */
  g_assert_cmpfloat_with_epsilon (mls_hardware_node_get_intra_node_bandwidth (h100)->value,
                                  450e9, 1.0);
  /* NVLink latency 500 ns (Hardware.Tech) */
  g_assert_cmpfloat_with_epsilon (mls_hardware_node_get_intra_node_latency (h100)->value,
                                  500e-9, 1e-15);

  /* fp8 is in the table: 1979 TFLOP/s */
  v = mls_hardware_node_get_flops_for (h100, MLS_PRECISION_FP8, &exact)->value;
  g_assert_true (exact);
  g_assert_cmpfloat_with_epsilon (v, 1979e12, 1e3);
  /* fp16 is not: the peak (FP16 dense) rate, 989 TFLOP/s */
  v = mls_hardware_node_get_flops_for (h100, MLS_PRECISION_FP16, &exact)->value;
  g_assert_false (exact);
  g_assert_cmpfloat_with_epsilon (v, 989e12, 1e3);
  /* ESP32-S3 peak 0.5 GFLOP/s */
  g_assert_cmpfloat_with_epsilon (mls_hardware_node_get_peak_flops (esp32)->value, 0.5e9, 1e-3);
}

typedef struct
{
  const char *key;
  double      ridge;
  double      tolerance;
} Ridge;

static void
test_ridge_points (void)
{
  /* peak ÷ memory bandwidth, FLOP/B (mlsysim-registry.md, "Derived ridge points") */
  static const Ridge ridges[] = {
    { "H100", 295.2, 0.05 },      /* 989e12 / 3.35e12 = 295.22 */
    { "A100", 153.0, 0.05 },      /* 312e12 / 2039e9 = 153.02 */
    { "B200", 281.25, 1e-9 },     /* 2250e12 / 8.0e12 = 281.25 */
    { "H200", 206.0, 0.05 },      /* 989e12 / 4.8e12 = 206.04 */
    { "MI300X", 246.6, 0.05 },    /* 1307e12 / 5.3e12 = 246.60 */
    { "T4", 203.1, 0.05 },        /* 65e12 / 320e9 = 203.125 */
    { "V100", 138.9, 0.05 },      /* 125e12 / 900e9 = 138.89 */
    { "TPUv5p", 166.3, 0.05 },    /* 459e12 / 2.76e12 = 166.30 */
    { "ESP32_S3", 6.25, 1e-9 },   /* 0.5e9 / 0.08e9 = 6.25 (primary memory) */
  };

  for (guint i = 0; i < G_N_ELEMENTS (ridges); i++)
    {
      MlsHardwareNode *hw = MLS_HARDWARE_NODE (lookup ("hardware", ridges[i].key));
      MlsQuantity ridge;
      double v;

      g_test_message ("ridge point of %s", ridges[i].key);
      g_assert_true (mls_hardware_node_ridge_point (hw, MLS_PRECISION_FP16, &ridge));
      g_assert_true (mls_quantity_convert (&ridge, "FLOP/B", &v, NULL));
      g_assert_cmpfloat_with_epsilon (v, ridges[i].ridge, ridges[i].tolerance);
    }
}

static void
test_systems (void)
{
  MlsFleet *frontier = MLS_FLEET (lookup ("clusters", "Frontier_8K"));
  MlsNode *dgx = MLS_NODE (lookup ("nodes", "DGX_H100"));
  MlsEntry *datacenter = lookup ("datacenters", "Quebec_Hydro");
  MlsNetworkFabric *ndr = MLS_NETWORK_FABRIC (lookup ("fabrics", "InfiniBand_NDR"));

  /* 1024 nodes × 8 H100 = 8192 accelerators */
  g_assert_cmpuint (mls_fleet_get_count (frontier), ==, 1024);
  g_assert_cmpuint (mls_fleet_get_total_accelerators (frontier), ==, 8192);
  g_assert_true (mls_fleet_get_node (frontier) == dgx);
  g_assert_true (mls_fleet_get_fabric (frontier) == MLS_ENTRY (ndr));
  g_assert_cmpuint (mls_node_get_accelerators_per_node (dgx), ==, 8);
  g_assert_true (mls_node_get_accelerator (dgx) == lookup ("hardware", "H100"));
  g_assert_cmpfloat_with_epsilon (mls_node_get_intra_node_bandwidth (dgx)->value, 450e9, 1);
  g_assert_cmpfloat (mls_network_fabric_get_oversubscription (ndr), ==, 1.0);
  g_assert_cmpstr (mls_network_fabric_get_topology (ndr), ==, "fat-tree");
  /* Quebec Hydro sets no PUE: the Quebec grid's 1.06 applies */
  g_assert_cmpfloat_with_epsilon (mls_datacenter_get_pue (MLS_DATACENTER (datacenter)), 1.06,
                                  1e-12);
  /* a GridProfile: Quebec 20 g/kWh = 2e-5 kg per 3.6e6 J */
  g_assert_cmpfloat_with_epsilon (
    mls_grid_profile_get_carbon_intensity (MLS_GRID_PROFILE (lookup ("grids", "Quebec")))->value,
    0.020 / 3.6e6, 1e-18);
}

static void
test_programmatic_fleet (void)
{
  g_autoptr(GError) error = NULL;
  MlsQuantity bw, lat;
  g_autoptr(MlsNetworkFabric) fabric = NULL;
  g_autoptr(MlsNode) node = NULL;
  g_autoptr(MlsFleet) fleet = NULL;

  /* the CLI plan defaults: 50 GB/s fabric, 8 per node */
  g_assert_true (mls_quantity_parse ("50 GB/s", &bw, NULL));
  g_assert_true (mls_quantity_parse ("5 us", &lat, NULL));
  fabric = mls_network_fabric_new ("plan-fabric", &bw, &lat, 1.0, &error);
  g_assert_no_error (error);
  node = mls_node_new ("plan-node", lookup ("hardware", "B200"), 8, NULL, &error);
  g_assert_no_error (error);
  /* B200 NVLink 5: 1800 GB/s total = 900 GB/s per direction */
  g_assert_cmpfloat_with_epsilon (mls_node_get_intra_node_bandwidth (node)->value, 900e9, 1);
  fleet = mls_fleet_new ("plan", node, 16, MLS_ENTRY (fabric), lookup ("grids", "Quebec"),
                         &error);
  g_assert_no_error (error);
  /* 16 nodes × 8 = 128 */
  g_assert_cmpuint (mls_fleet_get_total_accelerators (fleet), ==, 128);
  g_assert_nonnull (mls_entry_get_provenance (MLS_ENTRY (fleet)));

  /* a bandwidth that is not one */
  g_assert_true (mls_quantity_parse ("50 GB", &bw, NULL));
  g_assert_null (mls_network_fabric_new ("bad", &bw, NULL, 1.0, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION);
}

static void
test_lookup (void)
{
  g_autoptr(GError) error = NULL;
  MlsEntry *entry;

  /* case does not matter */
  g_assert_true (lookup ("hardware", "h100") == lookup ("hardware", "H100"));
  g_assert_true (lookup ("models", "LLAMA3_8B") == lookup ("models", "Llama3_8B"));
  g_assert_cmpstr (mls_entry_get_key (lookup ("models", "llama3_8b")), ==, "Llama3_8B");

  /* a miss suggests the nearest keys */
  entry = mls_registry_lookup (registry (), "hardware", "H10", &error);
  g_assert_null (entry);
  g_assert_error (error, MLS_REGISTRY_ERROR, MLS_REGISTRY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "did you mean"));
  g_assert_nonnull (strstr (error->message, "H100"));
  g_clear_error (&error);

  entry = mls_registry_lookup (registry (), "models", "Lama3_8B", &error);
  g_assert_null (entry);
  g_assert_nonnull (strstr (error->message, "Llama3_8B"));
  g_clear_error (&error);

  entry = mls_registry_lookup (registry (), "starships", "Enterprise", &error);
  g_assert_error (error, MLS_REGISTRY_ERROR, MLS_REGISTRY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "hardware"));
}

static void
test_constants (void)
{
  g_autoptr(GError) error = NULL;
  MlsQuantity q;
  double v;

  /* layer_tax 0.01 ms = 1e-5 s */
  g_assert_true (mls_registry_get_constant (registry (), "layer_tax", &q, &error));
  g_assert_no_error (error);
  g_assert_true (mls_quantity_convert (&q, "s", &v, NULL));
  g_assert_cmpfloat_with_epsilon (v, 1e-5, 1e-15);
  /* plain numbers are dimensionless */
  g_assert_true (mls_registry_get_constant (registry (), "memory_traffic_factor", &q, &error));
  g_assert_true (mls_quantity_is_dimensionless (&q));
  g_assert_cmpfloat_with_epsilon (q.value, 0.1, 1e-15);
  /* text constants */
  g_assert_cmpstr (mls_registry_get_constant_string (registry (), "default_region"), ==,
                   "US_Avg");
  g_assert_false (mls_registry_get_constant (registry (), "default_region", &q, &error));
  g_assert_error (error, MLS_REGISTRY_ERROR, MLS_REGISTRY_ERROR_SCHEMA);
  g_clear_error (&error);
  g_assert_false (mls_registry_get_constant (registry (), "no_such_constant", &q, &error));
  g_assert_error (error, MLS_REGISTRY_ERROR, MLS_REGISTRY_ERROR_NOT_FOUND);
}

static void
test_provenance (void)
{
  MlsEntry *h100 = lookup ("hardware", "H100");
  MlsProvenance *prov = mls_entry_get_provenance (h100);
  MlsProvenance *field;

  g_assert_cmpint (mls_provenance_get_kind (prov), ==, MLS_PROVENANCE_DATASHEET);
  g_assert_nonnull (mls_provenance_get_url (prov));
  /* the unit cost has its own record, the bandwidth uses the entry's */
  field = mls_entry_get_field_provenance (h100, "unit_cost");
  g_assert_nonnull (field);
  g_assert_true (field != prov);
  g_assert_true (mls_entry_get_field_provenance (h100, "memory.bandwidth") == prov);
  /* shared records are reachable by key */
  g_assert_nonnull (mls_registry_get_source (registry (), "MLSYSIM_CALIBRATION"));
}

static void
test_copy_with (void)
{
  MlsEntry *h100 = lookup ("hardware", "H100");
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsEntry) faster = NULL;
  MlsQuantity bw, ridge;

  /* what if H100 had 4 TB/s: ridge = 989e12 / 4e12 = 247.25 FLOP/B */
  g_assert_true (mls_quantity_parse ("4 TB/s", &bw, NULL));
  faster = mls_entry_copy_with (h100, "memory.bandwidth", &bw, &error);
  g_assert_no_error (error);
  g_assert_true (mls_hardware_node_ridge_point (MLS_HARDWARE_NODE (faster), MLS_PRECISION_FP16,
                                                &ridge));
  g_assert_cmpfloat_with_epsilon (ridge.value, 247.25, 1e-9);
  g_assert_cmpint (mls_provenance_get_kind (mls_entry_get_field_provenance (faster,
                                                                            "memory.bandwidth")),
                   ==, MLS_PROVENANCE_DERIVED);
  /* the original is untouched */
  g_assert_cmpfloat_with_epsilon (
    mls_hardware_node_get_memory_bandwidth (MLS_HARDWARE_NODE (h100))->value, 3.35e12, 1);

  /* a capacity is not a bandwidth */
  g_assert_true (mls_quantity_parse ("4 TB", &bw, NULL));
  g_assert_null (mls_entry_copy_with (h100, "memory.bandwidth", &bw, &error));
  g_assert_error (error, MLS_UNITS_ERROR, MLS_UNITS_ERROR_DIMENSION);
}

/* ------------------------------------------------------------------------------------------
 * A user directory on $MLSYSIM_REGISTRY_PATH
 * ------------------------------------------------------------------------------------------ */

static void
test_user_directory (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_build_filename (g_getenv ("MLSYSIM_TEST_DATA"), "registry-user",
                                               NULL);
      g_autoptr(GError) error = NULL;
      MlsRegistry *r;
      MlsEntry *added, *h100;
      const char * const *notices;
      gboolean found = FALSE;

      g_setenv ("MLSYSIM_REGISTRY_PATH", dir, TRUE);
      r = mls_registry_get_default (&error);
      g_assert_no_error (error);

      added = mls_registry_lookup (r, "hardware", "testaccel", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (mls_entry_get_name (added), ==, "Test Accelerator 9000");
      g_assert_false (mls_entry_get_origin (added) == NULL);

      /* the override replaced H100 everywhere, DGX_H100's accelerator included */
      h100 = mls_registry_lookup (r, "hardware", "H100", &error);
      g_assert_cmpfloat_with_epsilon (
        mls_hardware_node_get_memory_bandwidth (MLS_HARDWARE_NODE (h100))->value, 4e12, 1);
      g_assert_true (mls_node_get_accelerator (MLS_NODE (mls_registry_lookup (r, "nodes",
                                                                              "DGX_H100",
                                                                              NULL))) == h100);
      /* and it was reported */
      notices = mls_registry_get_notices (r);
      for (guint i = 0; notices[i] != NULL; i++)
        if (strstr (notices[i], "user.yaml:") && strstr (notices[i], "H100 overrides the "
                                                                     "built-in entry"))
          found = TRUE;
      g_assert_true (found);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ------------------------------------------------------------------------------------------
 * Malformed files: each gives its error code, the file name and the line, and adds nothing
 * ------------------------------------------------------------------------------------------ */

static int
code_from_name (const char *name)
{
  static const char *names[] = { "SYNTAX", "SCHEMA", "UNITS", "PROVENANCE", "REFERENCE",
                                 "NOT_FOUND", "IO" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (name, names[i]) == 0)
      return (int) i;
  g_assert_not_reached ();
  return -1;
}

static void
check_bad_file (MlsRegistry *r,
                const char  *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) expect = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *where = NULL;
  int code;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", 3);
  /* "# expect: CODE LINE" and "# keys: category/key …" head every file */
  g_assert_true (g_str_has_prefix (lines[0], "# expect: "));
  g_assert_true (g_str_has_prefix (lines[1], "# keys: "));
  expect = g_strsplit (lines[0] + strlen ("# expect: "), " ", -1);
  keys = g_strsplit (lines[1] + strlen ("# keys: "), " ", -1);
  code = code_from_name (expect[0]);

  g_test_message ("%s: expecting %s at line %s", base, expect[0], expect[1]);
  g_assert_false (mls_registry_load_file (r, path, &error));
  g_assert_nonnull (error);
  g_test_message ("  got: %s", error->message);
  g_assert_error (error, MLS_REGISTRY_ERROR, code);
  /* "…/NN-name.yaml:LINE:COLUMN: …" */
  where = g_strdup_printf ("%s:%s:", base, expect[1]);
  g_assert_nonnull (strstr (error->message, where));

  /* not one entry of the file, not even the valid ones */
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (keys[i], "/", 2);

      if (strcmp (parts[0], "sources") == 0)
        g_assert_null (mls_registry_get_source (r, parts[1]));
      else
        g_assert_null (mls_registry_lookup (r, parts[0], parts[1], NULL));
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
test_bad_files (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("MLSYSIM_TEST_DATA"), "registry-bad", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MlsRegistry) r = mls_registry_new ();
  g_autoptr(GError) error = NULL;
  const char *name;
  guint before;

  /* bad files load on top of the catalog, so '@prov:' keys and references resolve */
  g_assert_true (mls_registry_load_builtin (r, &error));
  g_assert_no_error (error);
  before = g_list_model_get_n_items (mls_registry_get_category (r, "hardware"));

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".yaml"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >=, 12);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      check_bad_file (r, path);
    }
  g_assert_cmpuint (g_list_model_get_n_items (mls_registry_get_category (r, "hardware")), ==,
                    before);
}

static void
test_directory_atomic_per_file (void)
{
  g_autoptr(MlsRegistry) r = mls_registry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mlsysim-registry-XXXXXX", &error);
  g_autofree char *good = g_build_filename (dir, "a-good.yaml", NULL);
  g_autofree char *bad = g_build_filename (dir, "b-bad.yaml", NULL);
  g_autofree char *user = g_build_filename (dir, "c-user.yaml", NULL);

  g_assert_no_error (error);
  /* a good file with its own source record, a bad one, and one that uses the bad one's
   * entry: only the good file loads */
  g_assert_true (g_file_set_contents (good,
    "sources:\n"
    "  LOCAL:\n"
    "    kind: convention\n"
    "    ref: local\n"
    "    verified: \"2026-01-01\"\n"
    "cooling:\n"
    "  Pond:\n"
    "    pue: 1.3\n"
    "    provenance: '@prov:LOCAL'\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad,
    "grids:\n"
    "  Lake:\n"
    "    carbon_intensity: 30\n"
    "    pue: 1.1\n"
    "    provenance: '@prov:LOCAL'\n", -1, NULL));
  g_assert_true (g_file_set_contents (user,
    "datacenters:\n"
    "  LakeSite:\n"
    "    grid: Lake\n"
    "    provenance: '@prov:LOCAL'\n", -1, NULL));

  g_assert_false (mls_registry_load_directory (r, dir, &error));
  g_assert_nonnull (strstr (error->message, "b-bad.yaml:3:23:"));
  g_assert_nonnull (strstr (error->message, "c-user.yaml:3:11:"));
  g_assert_nonnull (mls_registry_lookup (r, "cooling", "pond", NULL));
  g_assert_nonnull (mls_registry_get_source (r, "LOCAL"));
  g_assert_null (mls_registry_lookup (r, "grids", "Lake", NULL));
  g_assert_null (mls_registry_lookup (r, "datacenters", "LakeSite", NULL));

  g_unlink (good);
  g_unlink (bad);
  g_unlink (user);
  g_rmdir (dir);
}

static void
test_load_time (void)
{
  gint64 best = G_MAXINT64;

  /* the whole catalog, five times; report the best (the machine may be busy) */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(MlsRegistry) r = mls_registry_new ();
      gint64 start = g_get_monotonic_time ();

      g_assert_true (mls_registry_load_builtin (r, NULL));
      best = MIN (best, g_get_monotonic_time () - start);
    }
  g_test_message ("built-in catalog loads in %.2f ms", best / 1000.0);
  /* the budget is 10 ms; allow slow CI machines and valgrind a margin (AddressSanitizer,
   * in the sanitizer job, makes it meaningless) */
#ifndef __SANITIZE_ADDRESS__
  if (!g_test_slow ())
    g_assert_cmpint (best, <, 200 * 1000);
#endif
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/registry/counts", test_counts);
  g_test_add_func ("/registry/lists-sorted", test_lists_sorted);
  g_test_add_func ("/registry/reference-values", test_reference_values);
  g_test_add_func ("/registry/hardware-accessors", test_hardware_accessors);
  g_test_add_func ("/registry/ridge-points", test_ridge_points);
  g_test_add_func ("/registry/systems", test_systems);
  g_test_add_func ("/registry/programmatic-fleet", test_programmatic_fleet);
  g_test_add_func ("/registry/lookup", test_lookup);
  g_test_add_func ("/registry/constants", test_constants);
  g_test_add_func ("/registry/provenance", test_provenance);
  g_test_add_func ("/registry/copy-with", test_copy_with);
  g_test_add_func ("/registry/user-directory", test_user_directory);
  g_test_add_func ("/registry/bad-files", test_bad_files);
  g_test_add_func ("/registry/directory-atomic-per-file", test_directory_atomic_per_file);
  g_test_add_func ("/registry/load-time", test_load_time);
  return g_test_run ();
}
