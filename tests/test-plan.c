/* test-plan.c — the YAML plan format (`mlsys.yaml`): the README's plans, strict schema errors
 * with file:line:column, fleets, and load → save → load round trips
 *
 * Expected values come from the plans themselves and the registry's datasheet figures, with
 * the arithmetic in comments.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
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

static char *
data_path (const char *name)
{
  const char *dir = g_getenv ("MLSYSIM_TEST_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, "plans", name, NULL);
}

static MlsScenario *
load_plan_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path (name);
  MlsScenario *s = mls_plan_load_file (path, registry (), &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

static MlsScenario *
load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  MlsScenario *s = mls_plan_load_data (text, -1, "inline.yaml", registry (), &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

/* Loads a bad plan; the error must have @code, start with "inline.yaml:LINE:COLUMN:" and
 * contain every one of the NULL-terminated @needles. */
static void
assert_plan_error (const char *text,
                   int         code,
                   const char *where,
                   ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) s = mls_plan_load_data (text, -1, "inline.yaml", registry (), &error);
  const char *needle;
  va_list args;

  g_assert_null (s);
  g_assert_error (error, MLS_PLAN_ERROR, code);
  if (g_test_verbose ())
    g_test_message ("%s", error->message);
  if (where != NULL)
    g_assert_true (g_str_has_prefix (error->message, where));
  va_start (args, where);
  while ((needle = va_arg (args, const char *)) != NULL)
    {
      if (strstr (error->message, needle) == NULL)
        g_error ("“%s” not in “%s”", needle, error->message);
    }
  va_end (args);
}

static double
in (const MlsQuantity *q,
    const char        *unit)
{
  double v = NAN;

  g_assert_true (mls_quantity_convert (q, unit, &v, NULL));
  return v;
}

/* --- the README's plans -------------------------------------------------------------------- */

static void
test_readme_single_node (void)
{
  g_autoptr(MlsScenario) s = load_plan_file ("test_plan.yaml");

  g_assert_cmpstr (mls_scenario_get_name (s), ==, "Llama-3 8B Edge Inference");
  g_assert_cmpstr (mls_entry_get_key (MLS_ENTRY (mls_scenario_get_workload (s))), ==, "Llama3_8B");
  g_assert_cmpstr (mls_entry_get_key (MLS_ENTRY (mls_scenario_get_hardware (s))), ==,
                   "MacBookM3Max");
  g_assert_cmpuint (mls_scenario_get_batch_size (s), ==, 16);
  g_assert_cmpuint (mls_scenario_get_seq_len (s), ==, 2048);
  g_assert_cmpint (mls_scenario_get_precision (s), ==, MLS_PRECISION_FP16);
  g_assert_cmpfloat_with_epsilon (mls_scenario_get_efficiency (s), 0.35, 1e-12);
  /* `accelerators: 1` is one device: no fleet, and no ops section: no macro level. */
  g_assert_null (mls_scenario_get_fleet (s));
  g_assert_false (mls_scenario_get_operations (s));
  g_assert_null (mls_scenario_get_grid (s));
}

static void
test_readme_fleet (void)
{
  g_autoptr(MlsScenario) s = load_plan_file ("test_fleet_plan.yaml");
  MlsFleet *fleet = mls_scenario_get_fleet (s);
  MlsNode *node;
  MlsEntry *fabric;

  /* `accelerators: 64` is the README's spelling of nodes = 64 accelerators. The H100 entry
   * has no accelerator_count, so one per node: 64 nodes. */
  g_assert_nonnull (fleet);
  g_assert_cmpuint (mls_fleet_get_total_accelerators (fleet), ==, 64);
  node = mls_fleet_get_node (fleet);
  g_assert_cmpuint (mls_node_get_accelerators_per_node (node), ==, 1);
  g_assert_cmpuint (mls_fleet_get_count (fleet), ==, 64);
  g_assert_true (mls_node_get_accelerator (node) == MLS_ENTRY (mls_scenario_get_hardware (s)));
  /* Inside a node: the H100's NVLink, 900 GB/s bidirectional = 450 GB/s per direction. */
  g_assert_cmpfloat_with_epsilon (in (mls_node_get_intra_node_bandwidth (node), "GB/s"), 450,
                                  1e-9);
  /* No fabric_bandwidth: the registry's default_fabric_bandwidth, 50 GB/s (400 Gb/s). */
  fabric = mls_fleet_get_fabric (fleet);
  g_assert_true (MLS_IS_NETWORK_FABRIC (fabric));
  g_assert_cmpfloat_with_epsilon (
    in (mls_network_fabric_get_bandwidth (MLS_NETWORK_FABRIC (fabric)), "GB/s"), 50, 1e-9);

  /* ops: Quebec for 14 days, and the region is honoured (the reference ignores it). */
  g_assert_true (mls_scenario_get_operations (s));
  g_assert_cmpfloat (mls_scenario_get_knob (s, MLS_KNOB_DURATION_DAYS), ==, 14.0);
  g_assert_nonnull (mls_scenario_get_grid (s));
  g_assert_cmpstr (mls_entry_get_key (MLS_ENTRY (mls_scenario_get_grid (s))), ==, "Quebec");
  g_assert_true (mls_fleet_get_region (fleet) == MLS_ENTRY (mls_scenario_get_grid (s)));
}

static void
test_readme_assert (void)
{
  g_autoptr(MlsScenario) s = load_plan_file ("test_assert_plan.yaml");
  double minimum, maximum;

  g_assert_cmpuint (mls_scenario_get_n_assertions (s), ==, 1);
  g_assert_cmpstr (mls_scenario_get_assertion (s, 0, &minimum, &maximum), ==,
                   "macro.carbon_footprint");
  g_assert_true (isnan (minimum));
  g_assert_cmpfloat (maximum, ==, 0.1);
  g_assert_cmpuint (mls_fleet_get_total_accelerators (mls_scenario_get_fleet (s)), ==, 64);
}

/* Reference case D19: nodes 16, 4 per node, intra 400 GB/s, fabric 200 Gbit/s. */
static void
test_fleet_d19 (void)
{
  g_autoptr(MlsScenario) s = load_text (
    "version: '1.0'\nname: lab\n"
    "workload: {name: Llama3_8B}\n"
    "hardware:\n  name: H100\n  nodes: 16\n  accelerators_per_node: 4\n"
    "  intra_node_bw: 400 GB/s\n  fabric_bandwidth: 200 Gbit/s\n");
  MlsFleet *fleet = mls_scenario_get_fleet (s);
  MlsNode *node = mls_fleet_get_node (fleet);

  g_assert_cmpuint (mls_fleet_get_total_accelerators (fleet), ==, 16);
  g_assert_cmpuint (mls_fleet_get_count (fleet), ==, 4);  /* 16 / 4 */
  g_assert_cmpuint (mls_node_get_accelerators_per_node (node), ==, 4);
  g_assert_cmpfloat_with_epsilon (in (mls_node_get_intra_node_bandwidth (node), "GB/s"), 400,
                                  1e-9);
  /* 200 Gbit/s ÷ 8 bit/B = 25 GB/s */
  g_assert_cmpfloat_with_epsilon (
    in (mls_network_fabric_get_bandwidth (MLS_NETWORK_FABRIC (mls_fleet_get_fabric (fleet))),
        "GB/s"), 25, 1e-9);

  assert_plan_error ("version: '1.0'\nname: lab\nworkload: {name: Llama3_8B}\n"
                     "hardware:\n  name: H100\n  nodes: 10\n  accelerators_per_node: 4\n",
                     MLS_PLAN_ERROR_VALUE, "inline.yaml:6:10:",
                     "hardware.nodes must be divisible", "10", "4", NULL);
}

static void
test_defaults (void)
{
  g_autoptr(MlsScenario) s = load_text ("version: '1.0'\nname: d\nworkload:\n  name: llama3_8b\n"
                                        "hardware:\n  name: h100\nops: {}\n");
  MlsQuantity q;

  /* Names resolve ignoring case, to the registry's keys. */
  g_assert_cmpstr (mls_entry_get_key (MLS_ENTRY (mls_scenario_get_workload (s))), ==, "Llama3_8B");
  g_assert_cmpstr (mls_entry_get_key (MLS_ENTRY (mls_scenario_get_hardware (s))), ==, "H100");
  /* Defaults are the registry's constants: batch 1, 2048 tokens, η 0.5, 30 days. */
  g_assert_true (mls_registry_get_constant (registry (), "default_batch_size", &q, NULL));
  g_assert_cmpfloat (mls_scenario_get_batch_size (s), ==, q.value);
  g_assert_true (mls_registry_get_constant (registry (), "default_seq_len", &q, NULL));
  g_assert_cmpfloat (mls_scenario_get_seq_len (s), ==, q.value);
  g_assert_true (mls_registry_get_constant (registry (), "default_efficiency", &q, NULL));
  g_assert_cmpfloat (mls_scenario_get_efficiency (s), ==, q.value);
  g_assert_true (mls_scenario_get_operations (s));
  g_assert_cmpfloat (mls_scenario_get_knob (s, MLS_KNOB_DURATION_DAYS), ==, 30.0);
  g_assert_null (mls_scenario_get_fleet (s));
}

/* --- errors -------------------------------------------------------------------------------- */

#define HEAD "version: '1.0'\nname: x\n"
#define WL   "workload:\n  name: Llama3_8B\n"
#define HW   "hardware:\n  name: H100\n"

static void
test_schema_errors (void)
{
  /* An unknown key names itself, the valid keys, and a near one (extra=forbid). */
  assert_plan_error (HEAD "workload:\n  name: Llama3_8B\n  seqlen: 10\n" HW,
                     MLS_PLAN_ERROR_SCHEMA, "inline.yaml:5:3:", "workload.seqlen",
                     "did you mean “seq_len”", "name, batch_size, seq_len", NULL);
  assert_plan_error (HEAD WL HW "opps: {}\n", MLS_PLAN_ERROR_SCHEMA, "inline.yaml:7:1:",
                     "“opps”", "did you mean “ops”", "version, name, workload", NULL);
  assert_plan_error (HEAD WL HW "constraints:\n  assert:\n    - metric: p.x\n      maxx: 3\n",
                     MLS_PLAN_ERROR_SCHEMA, "inline.yaml:10:7:", "constraints.assert[0].maxx",
                     "metric, min, max", NULL);
  /* Missing required keys. */
  assert_plan_error ("name: x\n" WL HW, MLS_PLAN_ERROR_SCHEMA, "inline.yaml:1:1:",
                     "missing required key “version”", NULL);
  assert_plan_error (HEAD HW, MLS_PLAN_ERROR_SCHEMA, NULL, "missing required key “workload”",
                     NULL);
  assert_plan_error (HEAD "workload:\n  batch_size: 2\n" HW, MLS_PLAN_ERROR_SCHEMA,
                     "inline.yaml:4:3:", "workload.name", NULL);
  /* Wrong types. */
  assert_plan_error (HEAD "workload: [1, 2]\n" HW, MLS_PLAN_ERROR_SCHEMA, "inline.yaml:3:11:",
                     "workload must be a mapping", "a list", NULL);
  assert_plan_error (HEAD "workload:\n  name: Llama3_8B\n  batch_size: many\n" HW,
                     MLS_PLAN_ERROR_SCHEMA, "inline.yaml:5:15:", "workload.batch_size",
                     "whole number", "many", NULL);
  assert_plan_error (HEAD "workload:\n  name: Llama3_8B\n  batch_size: 2.5\n" HW,
                     MLS_PLAN_ERROR_SCHEMA, NULL, "whole number", NULL);
  assert_plan_error (HEAD WL "hardware:\n  name: H100\n  efficiency: high\n",
                     MLS_PLAN_ERROR_SCHEMA, "inline.yaml:7:15:", "hardware.efficiency", NULL);
  assert_plan_error (HEAD WL HW "constraints:\n  assert: {metric: x}\n", MLS_PLAN_ERROR_SCHEMA,
                     NULL, "constraints.assert must be a list", NULL);
  assert_plan_error (HEAD "workload:\n  name: Llama3_8B\n  training: maybe\n" HW,
                     MLS_PLAN_ERROR_SCHEMA, NULL, "workload.training", "true or false", NULL);
  /* Duplicate keys. */
  assert_plan_error (HEAD WL "hardware:\n  name: H100\n  name: A100\n", MLS_PLAN_ERROR_SCHEMA,
                     "inline.yaml:7:3:", "hardware.name is given twice", NULL);
}

static void
test_value_errors (void)
{
  /* Out of range. */
  assert_plan_error (HEAD "workload:\n  name: Llama3_8B\n  batch_size: -3\n" HW,
                     MLS_PLAN_ERROR_VALUE, "inline.yaml:5:15:", "batch_size", "greater than 0",
                     NULL);
  assert_plan_error (HEAD "workload:\n  name: Llama3_8B\n  seq_len: 0\n" HW,
                     MLS_PLAN_ERROR_VALUE, NULL, "seq_len", NULL);
  assert_plan_error (HEAD WL "hardware:\n  name: H100\n  efficiency: 1.5\n", MLS_PLAN_ERROR_VALUE,
                     "inline.yaml:7:15:", "efficiency", "1.5", NULL);
  assert_plan_error (HEAD WL "hardware:\n  name: H100\n  efficiency: 0\n", MLS_PLAN_ERROR_VALUE,
                     NULL, "efficiency", NULL);
  assert_plan_error (HEAD WL HW "ops:\n  duration_days: -1\n", MLS_PLAN_ERROR_VALUE, NULL,
                     "ops.duration_days", NULL);
  /* Units: a bandwidth needs them, and must be a bandwidth. */
  assert_plan_error (HEAD WL "hardware:\n  name: H100\n  nodes: 8\n  fabric_bandwidth: 400\n",
                     MLS_PLAN_ERROR_VALUE, "inline.yaml:8:21:", "fabric_bandwidth",
                     "bare number", NULL);
  assert_plan_error (HEAD WL "hardware:\n  name: H100\n  nodes: 8\n  intra_node_bw: 400 W\n",
                     MLS_PLAN_ERROR_VALUE, NULL, "intra_node_bw", NULL);
  assert_plan_error (HEAD WL HW "constraints:\n  sla_latency: 30 GB\n", MLS_PLAN_ERROR_VALUE,
                     NULL, "sla_latency", NULL);
  /* A precision that does not exist. */
  assert_plan_error (HEAD WL "hardware:\n  name: H100\n  precision: fp6\n", MLS_PLAN_ERROR_VALUE,
                     "inline.yaml:7:14:", "fp6", NULL);
  /* nodes and its alias must agree. */
  assert_plan_error (HEAD WL "hardware:\n  name: H100\n  nodes: 8\n  accelerators: 16\n",
                     MLS_PLAN_ERROR_VALUE, "inline.yaml:8:17:", "disagree", NULL);
  /* A fleet key with one accelerator is still checked. */
  assert_plan_error (HEAD WL "hardware:\n  name: H100\n  intra_node_bw: fast\n",
                     MLS_PLAN_ERROR_VALUE, NULL, "intra_node_bw", NULL);
}

static void
test_name_errors (void)
{
  assert_plan_error (HEAD "workload:\n  name: Llama3_8\n" HW, MLS_PLAN_ERROR_NOT_FOUND,
                     "inline.yaml:4:9:", "workload.name", "Llama3_8", "Llama3_8B", NULL);
  assert_plan_error (HEAD WL "hardware:\n  name: H10\n", MLS_PLAN_ERROR_NOT_FOUND,
                     "inline.yaml:6:9:", "hardware.name", "H100", NULL);
  assert_plan_error (HEAD WL HW "ops:\n  region: Quebek\n", MLS_PLAN_ERROR_NOT_FOUND,
                     "inline.yaml:8:11:", "ops.region", "Quebec", NULL);
  assert_plan_error (HEAD "workload:\n  name: hf://meta-llama/Llama-3-8B\n" HW,
                     MLS_PLAN_ERROR_UNSUPPORTED, NULL, "registry", NULL);
}

static void
test_syntax_errors (void)
{
  assert_plan_error ("", MLS_PLAN_ERROR_SYNTAX, "inline.yaml:", "empty", NULL);
  assert_plan_error ("# only a comment\n", MLS_PLAN_ERROR_SYNTAX, NULL, "empty", NULL);
  assert_plan_error ("version: \"1.0\nname: x\n", MLS_PLAN_ERROR_SYNTAX, "inline.yaml:3:",
                     "not valid YAML", NULL);
  assert_plan_error ("- a\n- b\n", MLS_PLAN_ERROR_SCHEMA, "inline.yaml:1:1:", "mapping", NULL);
}

static void
test_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) s = mls_plan_load_file ("/nonexistent/mlsys.yaml", registry (), &error);
  g_autofree char *dir = g_dir_make_tmp ("mlsysim-plan-XXXXXX", NULL);
  g_autofree char *binary = g_build_filename (dir, "binary.yaml", NULL);

  g_assert_null (s);
  g_assert_error (error, MLS_PLAN_ERROR, MLS_PLAN_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/mlsys.yaml"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (binary, "version: \xff\xfe\n", -1, NULL));
  s = mls_plan_load_file (binary, registry (), &error);
  g_assert_null (s);
  g_assert_error (error, MLS_PLAN_ERROR, MLS_PLAN_ERROR_SYNTAX);
  g_unlink (binary);
  g_rmdir (dir);
}

/* --- round trips ----------------------------------------------------------------------------- */

static void
assert_same_scenario (MlsScenario *a,
                      MlsScenario *b)
{
  MlsFleet *fa = mls_scenario_get_fleet (a), *fb = mls_scenario_get_fleet (b);
  g_auto(GStrv) pa = mls_scenario_list_parameters (a);
  g_auto(GStrv) pb = mls_scenario_list_parameters (b);
  MlsQuantity qa, qb;

  g_assert_cmpstr (mls_scenario_get_name (a), ==, mls_scenario_get_name (b));
  g_assert_true (mls_scenario_get_workload (a) == mls_scenario_get_workload (b));
  g_assert_true (mls_scenario_get_hardware (a) == mls_scenario_get_hardware (b));
  g_assert_true (mls_scenario_get_grid (a) == mls_scenario_get_grid (b));
  g_assert_cmpint (mls_scenario_get_precision (a), ==, mls_scenario_get_precision (b));
  g_assert_cmpint (mls_scenario_get_training (a), ==, mls_scenario_get_training (b));
  g_assert_cmpint (mls_scenario_get_activation_recompute (a), ==,
                   mls_scenario_get_activation_recompute (b));
  g_assert_cmpint (mls_scenario_get_operations (a), ==, mls_scenario_get_operations (b));
  for (guint k = 0; k < MLS_N_KNOBS; k++)
    if (k != MLS_KNOB_DURATION_DAYS || mls_scenario_get_operations (a))
      g_assert_cmpfloat (mls_scenario_get_knob (a, k), ==, mls_scenario_get_knob (b, k));

  g_assert_cmpint (fa == NULL, ==, fb == NULL);
  if (fa != NULL)
    {
      MlsNode *na = mls_fleet_get_node (fa), *nb = mls_fleet_get_node (fb);

      g_assert_cmpuint (mls_fleet_get_count (fa), ==, mls_fleet_get_count (fb));
      g_assert_cmpuint (mls_node_get_accelerators_per_node (na), ==,
                        mls_node_get_accelerators_per_node (nb));
      g_assert_cmpfloat (mls_node_get_intra_node_bandwidth (na)->value, ==,
                         mls_node_get_intra_node_bandwidth (nb)->value);
      g_assert_cmpfloat (
        mls_network_fabric_get_bandwidth (MLS_NETWORK_FABRIC (mls_fleet_get_fabric (fa)))->value,
        ==,
        mls_network_fabric_get_bandwidth (MLS_NETWORK_FABRIC (mls_fleet_get_fabric (fb)))->value);
    }

  g_assert_cmpint (mls_scenario_get_sla_latency (a, &qa), ==, mls_scenario_get_sla_latency (b, &qb));
  if (mls_scenario_get_sla_latency (a, NULL))
    g_assert_cmpfloat (qa.value, ==, qb.value);
  g_assert_cmpint (mls_scenario_get_power_budget (a, &qa), ==,
                   mls_scenario_get_power_budget (b, &qb));
  if (mls_scenario_get_power_budget (a, NULL))
    g_assert_cmpfloat (qa.value, ==, qb.value);

  g_assert_cmpuint (mls_scenario_get_n_assertions (a), ==, mls_scenario_get_n_assertions (b));
  for (guint i = 0; i < mls_scenario_get_n_assertions (a); i++)
    {
      double mina, maxa, minb, maxb;
      g_assert_cmpstr (mls_scenario_get_assertion (a, i, &mina, &maxa), ==,
                       mls_scenario_get_assertion (b, i, &minb, &maxb));
      g_assert_true ((isnan (mina) && isnan (minb)) || mina == minb);
      g_assert_true ((isnan (maxa) && isnan (maxb)) || maxa == maxb);
    }

  g_assert_cmpuint (g_strv_length (pa), ==, g_strv_length (pb));
  for (guint i = 0; pa[i] != NULL; i++)
    {
      g_assert_cmpstr (pa[i], ==, pb[i]);
      g_assert_true (mls_scenario_get_parameter (a, pa[i], &qa));
      g_assert_true (mls_scenario_get_parameter (b, pb[i], &qb));
      g_assert_cmpfloat (qa.value, ==, qb.value);
      g_assert_true (mls_quantity_same_dimension (&qa, &qb));
    }
}

static void
assert_round_trip (MlsScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = mls_plan_to_data (scenario, registry (), &error);
  g_autoptr(MlsScenario) again = NULL;
  g_autofree char *text2 = NULL;

  g_assert_no_error (error);
  if (g_test_verbose ())
    g_test_message ("%s", text);
  again = mls_plan_load_data (text, -1, "saved.yaml", registry (), &error);
  g_assert_no_error (error);
  assert_same_scenario (scenario, again);
  /* And the text is a fixed point: saving the reloaded scenario writes the same plan. */
  text2 = mls_plan_to_data (again, registry (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, text2);
}

static void
test_round_trip_readme (void)
{
  static const char * const names[] = { "test_plan.yaml", "test_fleet_plan.yaml",
                                        "test_assert_plan.yaml" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(MlsScenario) s = load_plan_file (names[i]);
      assert_round_trip (s);
    }
}

static void
test_round_trip_everything (void)
{
  g_autoptr(MlsScenario) s = load_text (
    "version: '1.0'\nname: \"Everything \\\"quoted\\\"\"\n"
    "workload:\n  name: Llama3_70B\n  batch_size: 96\n  seq_len: 8192\n  training: true\n"
    "hardware:\n  name: H100\n  nodes: 32\n  accelerators_per_node: 8\n"
    "  intra_node_bw: 0.3 TB/s\n  fabric_bandwidth: 400 Gbit/s\n  precision: bf16\n"
    "  efficiency: 0.42\n"
    "parallelism:\n  tp: 8\n  pp: 2\n  microbatches: 8\n  zero_stage: 1\n"
    "  activation_recompute: true\n"
    "ops:\n  region: Norway\n  duration_days: 2.5\n"
    "constraints:\n  sla_latency: 0.25 s\n  power_budget: 50 kW\n  assert:\n"
    "    - {metric: performance.step_latency, max: 900}\n"
    "    - {metric: macro.tco_usd, min: 1, max: 1e6}\n"
    "parameters:\n  economics.kwh_price: 0.08 USD/kWh\n  distributed.overlap_comm: 1\n");

  g_assert_cmpuint (mls_fleet_get_count (mls_scenario_get_fleet (s)), ==, 4); /* 32 / 8 */
  g_assert_cmpfloat (mls_scenario_get_knob (s, MLS_KNOB_TP), ==, 8);
  g_assert_true (mls_scenario_get_activation_recompute (s));
  g_assert_true (mls_scenario_get_training (s));
  g_assert_cmpuint (mls_scenario_get_n_assertions (s), ==, 2);
  assert_round_trip (s);
}

/* A lighthouse scenario runs on a registry cluster; the plan names it (hardware.fleet). */
static void
test_round_trip_lighthouse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) s = mls_lighthouse_new_scenario (registry (), "FrontierTraining",
                                                          &error);

  g_assert_no_error (error);
  assert_round_trip (s);
  g_clear_object (&s);
  s = mls_lighthouse_new_scenario (registry (), "SmartDoorbell", &error);
  g_assert_no_error (error);
  assert_round_trip (s);
}

static void
test_save_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) s = load_plan_file ("test_fleet_plan.yaml");
  g_autoptr(MlsScenario) again = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mlsysim-plan-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mlsys.yaml", NULL);
  g_autofree char *blocked = g_build_filename (dir, "missing-dir", "mlsys.yaml", NULL);
  g_autofree char *contents = NULL;
  GDir *d;
  guint n_files = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "old contents\n", -1, NULL));
  g_assert_true (mls_plan_save_file (s, path, registry (), &error));
  g_assert_no_error (error);
  again = mls_plan_load_file (path, registry (), &error);
  g_assert_no_error (error);
  assert_same_scenario (s, again);

  /* No temporary file is left behind. */
  d = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (d) != NULL)
    n_files++;
  g_dir_close (d);
  g_assert_cmpuint (n_files, ==, 1);

  /* A failed save reports the path and leaves the existing file alone. */
  g_assert_false (mls_plan_save_file (s, blocked, registry (), &error));
  g_assert_error (error, MLS_PLAN_ERROR, MLS_PLAN_ERROR_IO);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "# mlsysim plan"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_incomplete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) s = mls_scenario_new ("empty");
  g_autofree char *text = mls_plan_to_data (s, registry (), &error);

  g_assert_null (text);
  g_assert_error (error, MLS_PLAN_ERROR, MLS_PLAN_ERROR_UNSUPPORTED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/readme/single-node", test_readme_single_node);
  g_test_add_func ("/plan/readme/fleet", test_readme_fleet);
  g_test_add_func ("/plan/readme/assert", test_readme_assert);
  g_test_add_func ("/plan/fleet/d19", test_fleet_d19);
  g_test_add_func ("/plan/defaults", test_defaults);
  g_test_add_func ("/plan/errors/schema", test_schema_errors);
  g_test_add_func ("/plan/errors/value", test_value_errors);
  g_test_add_func ("/plan/errors/names", test_name_errors);
  g_test_add_func ("/plan/errors/syntax", test_syntax_errors);
  g_test_add_func ("/plan/errors/file", test_file_errors);
  g_test_add_func ("/plan/round-trip/readme", test_round_trip_readme);
  g_test_add_func ("/plan/round-trip/everything", test_round_trip_everything);
  g_test_add_func ("/plan/round-trip/lighthouse", test_round_trip_lighthouse);
  g_test_add_func ("/plan/save/atomic", test_save_atomic);
  g_test_add_func ("/plan/save/incomplete", test_save_incomplete);

  return g_test_run ();
}
