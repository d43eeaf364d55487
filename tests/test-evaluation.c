/* test-evaluation.c — the three-level scorecard, SLA assertions, the lighthouse scenarios and
 * the personas' system ledger
 *
 * Every expected number is derived by hand from the registry's datasheet values and the
 * reference's equations (inventory §8, §9.17, §9.18, §13–§15); the arithmetic is in the
 * comments. Runs the real solver plugins (MLSYSIM_PLUGIN_PATH).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include <mlsysim.h>

/* H100 TDP 700 W for a year: 700 W × 8760 h = 6132 kWh of IT energy; US_Avg PUE 1.12 makes
 * 6867.84 kWh at the facility, at 429 g/kWh = 2946.30336 kg CO2e; at $0.12/kWh = $824.1408.
 * CapEx $25,000 over 3 years → $8,333.33 a year; maintenance 5 % → $1,250. */
#define H100_YEAR_KWH      6867.84
#define H100_YEAR_CARBON   (H100_YEAR_KWH * 0.429)
#define H100_YEAR_ENERGY   (H100_YEAR_KWH * 0.12)
#define H100_YEAR_TCO      (25000.0 / 3 + H100_YEAR_ENERGY + 25000.0 * 0.05)

/* Llama3_8B on H100 at batch 1, fp16, η 0.5 (reference-cases common inputs):
 * weights 8.03e9 × 2 B = 16.06 GB; traffic 16.06 GB × (1 + 0.1) = 17.666 GB over 3.35 TB/s =
 * 5.273433 ms (compute 16.06 GFLOP / 494.5 TFLOP/s = 0.0325 ms is far less); plus dispatch
 * 0.01 ms and 32 layers × 0.01 ms = 5.603433 ms. */
#define LLAMA8_H100_MS     (17.666e9 / 3.35e12 * 1e3 + 0.01 + 0.32)

static MlsRegistry *
registry (void)
{
  g_autoptr(GError) error = NULL;
  MlsRegistry *r = mls_registry_get_default (&error);

  g_assert_no_error (error);
  return r;
}

static MlsEngine *
engine (void)
{
  return mls_engine_get_default ();
}

static MlsScenario *
quick (const char *model,
       const char *hardware,
       guint       batch)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s on %s", model, hardware);
  MlsScenario *s = mls_plan_new_scenario (name, registry (), &error);

  g_assert_no_error (error);
  mls_scenario_set_workload (s, MLS_WORKLOAD (mls_registry_lookup (registry (), "models", model,
                                                                    &error)));
  g_assert_no_error (error);
  mls_scenario_set_hardware (s, MLS_HARDWARE_NODE (mls_registry_lookup (registry (), "hardware",
                                                                         hardware, &error)));
  g_assert_no_error (error);
  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_BATCH_SIZE, batch, NULL));
  return s;
}

static MlsEvaluation *
evaluate (MlsScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  MlsEvaluation *e = mls_evaluation_compute (engine (), scenario, &error);

  g_assert_no_error (error);
  g_assert_nonnull (e);
  return e;
}

static MlsEvaluation *
evaluate_lighthouse (const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) s = mls_lighthouse_new_scenario (registry (), key, &error);

  g_assert_no_error (error);
  return evaluate (s);
}

static double
metric (MlsEvaluation *e,
        MlsLevel       level,
        const char    *key)
{
  double v = NAN;

  if (!mls_evaluation_get_metric (e, level, key, &v))
    g_error ("no metric %s.%s", mls_level_to_string (level), key);
  return v;
}

static void
assert_close (double got,
              double want,
              double rel)
{
  if (!(fabs (got - want) <= rel * fabs (want)))
    g_error ("got %.12g, want %.12g (rel %g)", got, want, rel);
}

static JsonObject *
parse_object (const char *text,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* --- single node ------------------------------------------------------------------------- */

static void
test_single_node (void)
{
  g_autoptr(MlsScenario) s = quick ("Llama3_8B", "H100", 1);
  g_autoptr(MlsEvaluation) e = evaluate (s);

  g_assert_cmpstr (mls_evaluation_get_scenario_name (e), ==, "Llama3_8B on H100");
  g_assert_cmpint (mls_evaluation_get_verdict (e, MLS_LEVEL_FEASIBILITY), ==, MLS_VERDICT_PASS);
  g_assert_cmpstr (mls_evaluation_get_level_name (e, MLS_LEVEL_FEASIBILITY), ==,
                   "Memory Feasibility");
  /* 16.06 GB of fp16 weights in 80 GiB = 85.89934592 GB. */
  assert_close (metric (e, MLS_LEVEL_FEASIBILITY, "memory_used_gb"), 16.06, 1e-9);
  assert_close (metric (e, MLS_LEVEL_FEASIBILITY, "memory_capacity_gb"), 85.89934592, 1e-9);
  assert_close (metric (e, MLS_LEVEL_FEASIBILITY, "memory_utilization"), 16.06 / 85.89934592,
                1e-9);
  g_assert_cmpstr (mls_evaluation_get_summary (e, MLS_LEVEL_FEASIBILITY), ==,
                   "16.1 GB / 85.9 GB used");

  g_assert_cmpint (mls_evaluation_get_verdict (e, MLS_LEVEL_PERFORMANCE), ==, MLS_VERDICT_PASS);
  g_assert_cmpstr (mls_evaluation_get_summary (e, MLS_LEVEL_PERFORMANCE), ==, "Memory Bound");
  assert_close (metric (e, MLS_LEVEL_PERFORMANCE, "latency"), LLAMA8_H100_MS, 1e-9);
  /* one sample per step: 1 / 5.603433 ms = 178.462 /s */
  assert_close (metric (e, MLS_LEVEL_PERFORMANCE, "throughput"), 1e3 / LLAMA8_H100_MS, 1e-9);
  /* MFU = (16.06 GFLOP / 5.603433 ms) / 989 TFLOP/s = 0.0028980 */
  assert_close (metric (e, MLS_LEVEL_PERFORMANCE, "mfu"),
                16.06e9 / (LLAMA8_H100_MS * 1e-3) / 989e12, 1e-9);
  g_assert_cmpstr (mls_evaluation_get_metric_text (e, MLS_LEVEL_PERFORMANCE, "bottleneck"), ==,
                   "Memory");

  /* No operations: the macro level is skipped, as the reference's. */
  g_assert_cmpint (mls_evaluation_get_verdict (e, MLS_LEVEL_MACRO), ==, MLS_VERDICT_SKIPPED);
  g_assert_cmpstr (mls_evaluation_get_summary (e, MLS_LEVEL_MACRO), ==, "No Ops config provided");
  g_assert_true (mls_evaluation_passed_all (e));
  g_assert_null (mls_evaluation_get_violations (e)[0]);
}

/* Reference case D7: ResNet-50 on A100 at batch 1 skips the macro level and passes. */
static void
test_d7_resnet (void)
{
  g_autoptr(MlsScenario) s = quick ("ResNet50", "A100", 1);
  g_autoptr(MlsEvaluation) e = evaluate (s);

  g_assert_cmpint (mls_evaluation_get_verdict (e, MLS_LEVEL_MACRO), ==, MLS_VERDICT_SKIPPED);
  g_assert_true (mls_evaluation_passed_all (e));
}

/* Reference case D8: GPT-4 on an ESP32 fails both feasibility and performance. */
static void
test_d8_gpt4_esp32 (void)
{
  g_autoptr(MlsScenario) s = quick ("GPT4", "ESP32_S3", 1);
  g_autoptr(MlsEvaluation) e = evaluate (s);

  g_assert_cmpint (mls_evaluation_get_verdict (e, MLS_LEVEL_FEASIBILITY), ==, MLS_VERDICT_FAIL);
  g_assert_cmpint (mls_evaluation_get_verdict (e, MLS_LEVEL_PERFORMANCE), ==, MLS_VERDICT_FAIL);
  g_assert_true (g_str_has_suffix (mls_evaluation_get_summary (e, MLS_LEVEL_PERFORMANCE),
                                   "(infeasible)"));
  g_assert_false (mls_evaluation_passed_all (e));
}

/* Reference case D6: Llama3_8B on the Research_256 fleet at batch 8, η 0.4, for one day:
 * m_status PASS, m_tco_usd > 0, and to_dict has no "macro" key. */
static void
test_d6_fleet_economics (void)
{
  g_autoptr(MlsScenario) s = quick ("Llama3_8B", "H100", 8);
  g_autoptr(MlsEvaluation) e = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  MlsEntry *fleet = mls_registry_lookup (registry (), "clusters", "Research_256", NULL);
  JsonObject *o;
  double days = 1, tco, capex;

  g_assert_true (MLS_IS_FLEET (fleet));
  mls_scenario_set_fleet (s, MLS_FLEET (fleet));
  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_EFFICIENCY, 0.4, NULL));
  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_DURATION_DAYS, days, NULL));
  mls_scenario_set_operations (s, TRUE);
  e = evaluate (s);

  g_assert_cmpstr (mls_evaluation_get_level_name (e, MLS_LEVEL_PERFORMANCE), ==,
                   "Fleet Performance");
  g_assert_true (g_str_has_prefix (mls_evaluation_get_summary (e, MLS_LEVEL_PERFORMANCE),
                                   "Scaling Efficiency: "));
  /* fleet MFU = node MFU × scaling efficiency */
  assert_close (metric (e, MLS_LEVEL_PERFORMANCE, "mfu"),
                metric (e, MLS_LEVEL_PERFORMANCE, "node_mfu") *
                metric (e, MLS_LEVEL_PERFORMANCE, "scaling_efficiency"), 1e-9);

  g_assert_cmpint (mls_evaluation_get_verdict (e, MLS_LEVEL_MACRO), ==, MLS_VERDICT_PASS);
  tco = metric (e, MLS_LEVEL_MACRO, "tco_usd");
  capex = metric (e, MLS_LEVEL_MACRO, "capex");
  g_assert_cmpfloat (tco, >, 0);
  /* 256 H100s at $25,000: CapEx $6.4 M; one day of it over 3 years is $5,844; TCO adds
   * energy and maintenance. */
  assert_close (capex, 256 * 25000.0, 1e-9);
  g_assert_cmpfloat (tco, >, capex / 3 / 365);

  json = mls_evaluation_to_json (e);
  o = parse_object (json, parser);
  g_assert_cmpstr (json_object_get_string_member (o, "m_status"), ==, "PASS");
  g_assert_cmpfloat (json_object_get_double_member (o, "m_tco_usd"), >, 0);
  g_assert_false (json_object_has_member (o, "macro"));
}

/* --- plans and assertions ------------------------------------------------------------------ */

static MlsScenario *
load_plan (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("MLSYSIM_TEST_DATA"), "plans", name, NULL);
  MlsScenario *s = mls_plan_load_file (path, registry (), &error);

  g_assert_no_error (error);
  return s;
}

/* Reference case D15: the README's assert plan fails its carbon assertion. 64 H100s at full
 * TDP for 14 days: 64 × 700 W × 336 h = 15,052.8 kWh of IT energy; Quebec's PUE 1.06 makes
 * 15,955.968 kWh at 20 g/kWh = 319.119 kg = 0.319119 t, over the plan's 0.1 t bound. */
static void
test_readme_assert_plan (void)
{
  g_autoptr(MlsScenario) s = load_plan ("test_assert_plan.yaml");
  g_autoptr(MlsEvaluation) e = evaluate (s);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = mls_evaluation_to_json (e);
  g_autofree char *card = mls_evaluation_to_scorecard (e);
  const char * const *violations = mls_evaluation_get_violations (e);
  JsonObject *o;
  double carbon = 64 * 0.7 * 336 * 1.06 * 20 / 1e6; /* kW × h × PUE × g/kWh → t */

  assert_close (metric (e, MLS_LEVEL_MACRO, "carbon_footprint"), carbon, 1e-9);
  assert_close (metric (e, MLS_LEVEL_MACRO, "energy_kwh"), 64 * 0.7 * 336 * 1.06, 1e-9);
  /* Energy cost at $0.12/kWh: $1,914.72; CapEx 64 × $25,000 = $1.6 M;
   * TCO = 1.6 M / 3 × 14/365 + 1,914.72 + 1.6 M × 0.05 × 14/365 = $25,439.83 */
  assert_close (metric (e, MLS_LEVEL_MACRO, "energy_cost"), 64 * 0.7 * 336 * 1.06 * 0.12, 1e-9);
  assert_close (metric (e, MLS_LEVEL_MACRO, "capex"), 1.6e6, 1e-12);
  assert_close (metric (e, MLS_LEVEL_MACRO, "tco_usd"),
                1.6e6 / 3 * 14 / 365 + 64 * 0.7 * 336 * 1.06 * 0.12 + 1.6e6 * 0.05 * 14 / 365,
                1e-9);
  g_assert_true (g_str_has_prefix (mls_evaluation_get_summary (e, MLS_LEVEL_MACRO),
                                   "TCO: $25,440"));

  g_assert_nonnull (violations[0]);
  g_assert_null (violations[1]);
  g_assert_cmpstr (violations[0], ==, "macro.carbon_footprint (0.319119) exceeds max (0.1)");

  o = parse_object (json, parser);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "sla_failed");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "violations")), ==, 1);
  g_assert_true (json_object_has_member (o, "m_tco_usd"));
  g_assert_nonnull (strstr (card, "macro.carbon_footprint (0.319119) exceeds max (0.1)"));
}

/* ops.region is honoured: the same fleet on the US average grid (PUE 1.12, 429 g/kWh) emits
 * 15,052.8 kWh × 1.12 × 429 g/kWh = 7.2326 t, over the reference's original 1.0 t bound. */
static void
test_region_honoured (void)
{
  g_autoptr(MlsScenario) s = load_plan ("test_fleet_plan.yaml");
  g_autoptr(MlsEvaluation) quebec = evaluate (s);
  g_autoptr(MlsEvaluation) us = NULL;

  assert_close (metric (quebec, MLS_LEVEL_MACRO, "carbon_footprint"),
                64 * 0.7 * 336 * 1.06 * 20 / 1e6, 1e-9);
  mls_scenario_set_grid (s, MLS_GRID_PROFILE (mls_registry_lookup (registry (), "grids", "US_Avg",
                                                                    NULL)));
  mls_scenario_add_assertion (s, "macro.carbon_footprint", NAN, 1.0);
  us = evaluate (s);
  assert_close (metric (us, MLS_LEVEL_MACRO, "carbon_footprint"),
                64 * 0.7 * 336 * 1.12 * 429 / 1e6, 1e-9);
  g_assert_cmpstr (mls_evaluation_get_violations (us)[0], ==,
                   "macro.carbon_footprint (7.23257) exceeds max (1)");
}

static void
test_assertion_names (void)
{
  g_autoptr(MlsScenario) s = quick ("Llama3_8B", "H100", 1);
  g_autoptr(MlsEvaluation) e = NULL;
  const char * const *v;
  double x;

  /* The flattened names, the JSON keys and the ledger ids all reach the latency in ms. */
  mls_scenario_add_assertion (s, "performance.latency", NAN, 5.0);  /* 5.60 > 5: fails */
  mls_scenario_add_assertion (s, "p_latency", 6.0, NAN);            /* 5.60 < 6: fails */
  mls_scenario_add_assertion (s, "roofline.latency", 5.0, 6.0);     /* holds */
  mls_scenario_add_assertion (s, "feasibility.memory_used_gb", NAN, 20); /* 16.06: holds */
  mls_scenario_add_assertion (s, "macro.tco_usd", NAN, 1);          /* macro skipped */
  mls_scenario_add_assertion (s, "nosuch.metric", 0, NAN);
  e = evaluate (s);

  g_assert_true (mls_evaluation_lookup (e, "roofline.latency", &x));
  assert_close (x, LLAMA8_H100_MS, 1e-9);
  g_assert_true (mls_evaluation_lookup (e, "f_memory_used_gb", &x));
  assert_close (x, 16.06, 1e-9);
  g_assert_false (mls_evaluation_lookup (e, "performance.bottleneck", &x)); /* text */

  v = mls_evaluation_get_violations (e);
  g_assert_cmpstr (v[0], ==, "performance.latency (5.60343) exceeds max (5)");
  g_assert_cmpstr (v[1], ==, "p_latency (5.60343) is below min (6)");
  g_assert_cmpstr (v[2], ==, "macro.tco_usd is not available in evaluation metrics");
  g_assert_cmpstr (v[3], ==, "nosuch.metric is not available in evaluation metrics");
  g_assert_null (v[4]);
}

/* --- rendering ----------------------------------------------------------------------------- */

static void
test_renderings (void)
{
  g_autoptr(MlsScenario) s = quick ("Llama3_8B", "H100", 1);
  g_autoptr(MlsEvaluation) e = evaluate (s);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *card = mls_evaluation_to_scorecard (e);
  g_autofree char *md = mls_evaluation_to_markdown (e);
  g_autofree char *html = mls_evaluation_to_html (e);
  g_autofree char *json = mls_evaluation_to_json (e);
  g_auto(GStrv) lines = g_strsplit (card, "\n", -1);
  static const char * const keys[] = { "scenario", "f_status", "p_status", "m_status",
                                       "f_memory_used_gb", "f_memory_capacity_gb",
                                       "f_memory_utilization", "p_latency", "p_throughput",
                                       "p_mfu" };
  JsonObject *o;

  /* The box: 60 columns inside two borders, every line. */
  g_assert_true (g_str_has_prefix (lines[0], "╔═"));
  g_assert_cmpstr (lines[1], ==,
                   "║ MLSys·im SYSTEM EVALUATION                                 ║");
  g_assert_true (g_str_has_prefix (lines[2], "║ Scenario: Llama3_8B on H100"));
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), ==, 62);
  g_assert_nonnull (strstr (card, "║ Level 1: Feasibility [PASS]"));
  g_assert_nonnull (strstr (card, "║ ↳ 16.1 GB / 85.9 GB used"));
  g_assert_nonnull (strstr (card, "║ Level 2: Performance [PASS]"));
  g_assert_nonnull (strstr (card, "║ Level 3: Macro/Economics [SKIPPED]"));
  g_assert_nonnull (strstr (card, "╟----"));
  g_assert_nonnull (strstr (card, "╚═"));

  g_assert_true (g_str_has_prefix (md, "## MLSys·im Plan: Llama3_8B on H100"));
  g_assert_nonnull (strstr (md, "### 🚀 Performance: PASS"));
  g_assert_null (strstr (md, "Macro"));  /* skipped levels are left out */

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "#10b981"));  /* feasibility passed: green */
  g_assert_nonnull (strstr (html, "#3b82f6"));
  g_assert_nonnull (strstr (html, "</html>"));

  o = parse_object (json, parser);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (o, keys[i]));
  g_assert_cmpstr (json_object_get_string_member (o, "scenario"), ==, "Llama3_8B on H100");
  g_assert_cmpstr (json_object_get_string_member (o, "f_status"), ==, "PASS");
  g_assert_false (json_object_has_member (o, "status"));
  /* Numbers are written as short as they read back: 16.06, not 16.059999999999999. */
  g_assert_nonnull (strstr (json, "\"f_memory_used_gb\": 16.06,"));
}

static void
test_wrapping (void)
{
  g_autoptr(MlsEvaluation) e = mls_evaluation_new ("A scenario whose name is much longer than "
                                                   "the sixty columns of the box");
  g_autofree char *card = NULL;
  g_auto(GStrv) lines = NULL;

  mls_evaluation_set_level (e, MLS_LEVEL_FEASIBILITY, "F", MLS_VERDICT_PASS, "short");
  card = mls_evaluation_to_scorecard (e);
  lines = g_strsplit (card, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), ==, 62);
  g_assert_nonnull (strstr (card, "columns of the box"));
}

/* --- lighthouse scenarios ----------------------------------------------------------------- */

static void
test_lighthouse_all (void)
{
  g_auto(GStrv) keys = mls_lighthouse_list_keys (registry ());

  /* The ten archetypes of the newest reference (inventory §14). */
  g_assert_cmpuint (g_strv_length (keys), ==, 10);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(MlsEvaluation) e = evaluate_lighthouse (keys[i]);
      MlsQuantity sla;
      g_autoptr(MlsScenario) s = mls_lighthouse_new_scenario (registry (), keys[i], NULL);

      /* Every one has a latency target, and a year of operation on the macro level. */
      g_assert_true (mls_scenario_get_sla_latency (s, &sla));
      g_assert_true (mls_scenario_get_operations (s));
      g_assert_cmpfloat (mls_scenario_get_knob (s, MLS_KNOB_DURATION_DAYS), ==, 365);
      g_assert_cmpint (mls_evaluation_get_verdict (e, MLS_LEVEL_MACRO), ==, MLS_VERDICT_PASS);
      g_assert_cmpfloat (metric (e, MLS_LEVEL_PERFORMANCE, "sla_latency"), ==, sla.value * 1e3);
    }
  /* Keys ignore case. */
  {
    g_autoptr(MlsScenario) s = mls_lighthouse_new_scenario (registry (), "chatbotserving", NULL);
    g_assert_nonnull (s);
    g_assert_cmpstr (mls_scenario_get_name (s), ==, "Chatbot Serving");
  }
}

/* Chatbot Serving: Llama3_8B on one H100 against a 500 ms target, over a year. */
static void
test_lighthouse_chatbot (void)
{
  g_autoptr(MlsEvaluation) e = evaluate_lighthouse ("ChatbotServing");

  /* 5.603 ms ≤ 500 ms: passes. */
  g_assert_cmpint (mls_evaluation_get_verdict (e, MLS_LEVEL_PERFORMANCE), ==, MLS_VERDICT_PASS);
  assert_close (metric (e, MLS_LEVEL_PERFORMANCE, "latency"), LLAMA8_H100_MS, 1e-9);
  g_assert_cmpstr (mls_evaluation_get_summary (e, MLS_LEVEL_PERFORMANCE), ==,
                   "Memory Bound | Latency: 5.60 ms (Target: 500 ms)");
  /* A year of one H100 at full TDP on the US average grid (see the top of this file):
   * 2,946.30 kg = 2.9463 t; TCO $8,333.33 + $824.14 + $1,250 = $10,407.47. */
  assert_close (metric (e, MLS_LEVEL_MACRO, "carbon_footprint"), H100_YEAR_CARBON / 1000, 1e-9);
  assert_close (metric (e, MLS_LEVEL_MACRO, "tco_usd"), H100_YEAR_TCO, 1e-9);
  g_assert_true (mls_evaluation_passed_all (e));
}

/* Keyword Spotting: DS-CNN (20 MFLOP, 200 k params) on an ESP32-S3 against 30 ms. fp16 has no
 * entry in the ESP32's table, so the 0.5 GFLOP/s peak applies: at η 0.5, 20e6 / 0.25e9 =
 * 80 ms of compute. Its 400 KB of weights fit the 520 KiB SRAM, streamed at 960 MB/s:
 * 440 KB / 960 MB/s = 0.46 ms. Plus the 1 ms dispatch and one layer × 0.01 ms = 81.01 ms,
 * over the 30 ms target: performance FAILS. */
static void
test_lighthouse_keyword_spotting (void)
{
  g_autoptr(MlsEvaluation) e = evaluate_lighthouse ("KeywordSpotting");

  g_assert_cmpint (mls_evaluation_get_verdict (e, MLS_LEVEL_FEASIBILITY), ==, MLS_VERDICT_PASS);
  assert_close (metric (e, MLS_LEVEL_PERFORMANCE, "latency"), 81.01, 1e-9);
  g_assert_cmpint (mls_evaluation_get_verdict (e, MLS_LEVEL_PERFORMANCE), ==, MLS_VERDICT_FAIL);
  g_assert_cmpstr (mls_evaluation_get_metric_text (e, MLS_LEVEL_PERFORMANCE, "bottleneck"), ==,
                   "Compute");
}

/* Smart Doorbell: WakeVision (25 MFLOP) on the ESP32-S3: 25e6 / 0.25e9 = 100 ms + 1 ms +
 * 0.01 ms = 101.01 ms, within 200 ms. But MFU = (25e6 / 0.10101 s) / 0.5e9 = 0.49500, so the
 * chip draws 0.4 W × (0.3 + 0.7 × 0.495) = 0.2586 W while running, over the 100 mW budget:
 * a WARNING. */
static void
test_lighthouse_doorbell (void)
{
  g_autoptr(MlsEvaluation) e = evaluate_lighthouse ("SmartDoorbell");
  double mfu = 25e6 / 0.10101 / 0.5e9;

  assert_close (metric (e, MLS_LEVEL_PERFORMANCE, "latency"), 101.01, 1e-9);
  assert_close (metric (e, MLS_LEVEL_PERFORMANCE, "mfu"), mfu, 1e-9);
  assert_close (metric (e, MLS_LEVEL_PERFORMANCE, "power_w"), 0.4 * (0.3 + 0.7 * mfu), 1e-9);
  g_assert_cmpfloat (metric (e, MLS_LEVEL_PERFORMANCE, "power_budget_w"), ==, 0.1);
  g_assert_cmpint (mls_evaluation_get_verdict (e, MLS_LEVEL_PERFORMANCE), ==,
                   MLS_VERDICT_WARNING);
  g_assert_false (mls_evaluation_passed_all (e));
}

/* Mobile Assistant: 16.06 GB of fp16 Llama-3 8B weights against the iPhone 15 Pro's
 * 8 GiB = 8.589934592 GB: out of memory. */
static void
test_lighthouse_mobile_assistant (void)
{
  g_autoptr(MlsEvaluation) e = evaluate_lighthouse ("MobileAssistant");

  g_assert_cmpint (mls_evaluation_get_verdict (e, MLS_LEVEL_FEASIBILITY), ==, MLS_VERDICT_FAIL);
  assert_close (metric (e, MLS_LEVEL_FEASIBILITY, "memory_used_gb"), 16.06, 1e-9);
  assert_close (metric (e, MLS_LEVEL_FEASIBILITY, "memory_capacity_gb"), 8.589934592, 1e-9);
  g_assert_cmpstr (mls_evaluation_get_summary (e, MLS_LEVEL_FEASIBILITY), ==,
                   "16.1 GB / 8.6 GB used");
}

/* Local fine-tuning trains: Adam keeps 16 bytes per parameter (2 weights + 2 gradients + 12
 * optimizer), 8.03e9 × 16 = 128.48 GB before activations, so more than the 128 GiB =
 * 137.44 GB MacBook only once activations are added; the footprint is above 128.48 GB and
 * the level fails. */
static void
test_lighthouse_local_training (void)
{
  g_autoptr(MlsEvaluation) e = evaluate_lighthouse ("LocalTraining");

  g_assert_cmpfloat (metric (e, MLS_LEVEL_FEASIBILITY, "memory_used_gb"), >, 8.03e9 * 16 / 1e9);
  assert_close (metric (e, MLS_LEVEL_FEASIBILITY, "memory_capacity_gb"), 137.438953472, 1e-9);
  g_assert_cmpint (mls_evaluation_get_verdict (e, MLS_LEVEL_FEASIBILITY), ==, MLS_VERDICT_FAIL);
}

/* Frontier training runs on the Frontier_8K cluster: the fleet path, 1024 DGX nodes × 8. */
static void
test_lighthouse_frontier (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) s = mls_lighthouse_new_scenario (registry (), "FrontierTraining",
                                                          &error);
  g_autoptr(MlsEvaluation) e = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (mls_fleet_get_total_accelerators (mls_scenario_get_fleet (s)), ==, 8192);
  g_assert_true (mls_scenario_get_training (s));
  e = evaluate (s);
  g_assert_cmpstr (mls_evaluation_get_level_name (e, MLS_LEVEL_PERFORMANCE), ==,
                   "Fleet Performance");
  /* The verdict follows the step time against the 500 ms per-step target. */
  g_assert_cmpint (mls_evaluation_get_verdict (e, MLS_LEVEL_PERFORMANCE), ==,
                   metric (e, MLS_LEVEL_PERFORMANCE, "step_latency") > 500 ? MLS_VERDICT_FAIL
                                                                          : MLS_VERDICT_PASS);
  /* 8192 × $25,000 = $204.8 M of CapEx */
  assert_close (metric (e, MLS_LEVEL_MACRO, "capex"), 8192 * 25000.0, 1e-12);
}

/* --- personas and the system ledger ----------------------------------------------------------- */

static void
test_personas (void)
{
  MlsEntry *p = mls_lighthouse_get_persona (registry (), "EDGE");

  g_assert_cmpstr (mls_entry_get_name (p), ==, "Edge Guardian");
  /* Unknown and missing keys fall back to the cloud persona, as Personas.get. */
  g_assert_cmpstr (mls_entry_get_name (mls_lighthouse_get_persona (registry (), "nobody")), ==,
                   "Cloud Titan");
  g_assert_cmpstr (mls_entry_get_name (mls_lighthouse_get_persona (registry (), NULL)), ==,
                   "Cloud Titan");
  g_assert_cmpstr (mls_entry_get_key (mls_lighthouse_get_scenario_persona (registry (),
                                                                           "SmartDoorbell")),
                   ==, "tiny");
}

static MlsSystemLedger *
ledger_for (const char *scenario_key,
            const char *persona_key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) s = mls_lighthouse_new_scenario (registry (), scenario_key, &error);
  MlsSystemLedger *l;

  g_assert_no_error (error);
  l = mls_system_ledger_compute (engine (), s, mls_lighthouse_get_persona (registry (),
                                                                          persona_key),
                                 NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (mls_system_ledger_validate (l, NULL));
  return l;
}

/* The cloud persona (scale 1) on Chatbot Serving: one H100 for a year on the US average grid
 * gives the numbers at the top of this file; cost per million samples is the year's OpEx
 * ($824.14 energy + $1,250 maintenance) over 178.462 /s × 31,536,000 s. */
static void
test_system_ledger_cloud (void)
{
  g_autoptr(MlsSystemLedger) l = ledger_for ("ChatbotServing", "cloud");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = mls_system_ledger_to_json (l);
  JsonObject *o;
  double opex = H100_YEAR_ENERGY + 25000.0 * 0.05;
  double rate = 1e3 / LLAMA8_H100_MS;

  g_assert_cmpstr (l->mission_name, ==, "Chatbot Serving");
  g_assert_cmpstr (l->track_name, ==, "Cloud Titan");
  g_assert_cmpstr (l->choice_summary, ==, "Region: US Average, Duration: 365 days");
  assert_close (l->latency.value, LLAMA8_H100_MS / 1e3, 1e-9);
  assert_close (l->throughput.value, rate, 1e-9);
  assert_close (l->carbon.value, H100_YEAR_CARBON, 1e-9);
  assert_close (l->tco.value, H100_YEAR_TCO, 1e-9);
  assert_close (l->opex.value, opex, 1e-9);
  assert_close (l->cost_per_million.value, opex / (rate * 365 * 86400) * 1e6, 1e-9);
  g_assert_cmpfloat (l->pue, ==, 1.12);
  g_assert_cmpfloat (l->goodput, >=, 0);
  g_assert_cmpfloat (l->goodput, <=, 1);
  /* 15 minutes, the registry's ledger_recovery_time */
  g_assert_cmpfloat (l->recovery_time.value, ==, 900);

  o = parse_object (json, parser);
  g_assert_cmpstr (json_object_get_string_member (o, "mission"), ==, "Chatbot Serving");
  assert_close (json_object_get_double_member (o, "latency_ms"), LLAMA8_H100_MS, 1e-9);
  assert_close (json_object_get_double_member (o, "carbon_kg"), H100_YEAR_CARBON, 1e-9);
  assert_close (json_object_get_double_member (o, "tco_usd"), H100_YEAR_TCO, 1e-9);
  g_assert_true (json_object_has_member (o, "throughput_sps"));
  g_assert_true (json_object_has_member (o, "mfu_pct"));
  g_assert_true (json_object_has_member (o, "goodput_pct"));
}

/* The edge persona multiplies one vehicle by 10,000: energy, carbon, capital and throughput
 * scale by exactly 10,000, while latency and cost per sample do not move. */
static void
test_system_ledger_scale (void)
{
  g_autoptr(MlsSystemLedger) one = ledger_for ("AutonomousVehicle", "cloud");
  g_autoptr(MlsSystemLedger) fleet = ledger_for ("AutonomousVehicle", "edge");

  g_assert_cmpstr (fleet->track_name, ==, "Edge Guardian");
  assert_close (fleet->carbon.value, one->carbon.value * 10000, 1e-9);
  assert_close (fleet->tco.value, one->tco.value * 10000, 1e-9);
  assert_close (fleet->capex.value, one->capex.value * 10000, 1e-9);
  assert_close (fleet->throughput.value, one->throughput.value * 10000, 1e-9);
  g_assert_cmpfloat (fleet->latency.value, ==, one->latency.value);
  assert_close (fleet->cost_per_million.value, one->cost_per_million.value, 1e-9);
  /* More nodes fail sooner: the fleet's MTBF is 1/10,000 of one node's. */
  assert_close (fleet->mttf.value, one->mttf.value / 10000, 1e-9);
}

/* The region is a choice: Quebec's 20 g/kWh at PUE 1.06 against US_Avg's 429 g/kWh at 1.12. */
static void
test_system_ledger_region (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) s = mls_lighthouse_new_scenario (registry (), "ChatbotServing", &error);
  MlsEntry *quebec = mls_registry_lookup (registry (), "grids", "Quebec", NULL);
  g_autoptr(MlsSystemLedger) l = mls_system_ledger_compute (engine (), s, NULL,
                                                            MLS_GRID_PROFILE (quebec), 30,
                                                            &error);

  g_assert_no_error (error);
  /* 700 W × 720 h × 1.06 = 534.24 kWh at 20 g/kWh = 10.6848 kg */
  assert_close (l->carbon.value, 0.7 * 720 * 1.06 * 20 / 1000, 1e-9);
  g_assert_cmpstr (l->choice_summary, ==, "Region: Quebec (Hydro), Duration: 30 days");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evaluation/single-node", test_single_node);
  g_test_add_func ("/evaluation/d7-resnet", test_d7_resnet);
  g_test_add_func ("/evaluation/d8-gpt4-esp32", test_d8_gpt4_esp32);
  g_test_add_func ("/evaluation/d6-fleet-economics", test_d6_fleet_economics);
  g_test_add_func ("/evaluation/plan/assert", test_readme_assert_plan);
  g_test_add_func ("/evaluation/plan/region", test_region_honoured);
  g_test_add_func ("/evaluation/assertions", test_assertion_names);
  g_test_add_func ("/evaluation/render", test_renderings);
  g_test_add_func ("/evaluation/render/wrap", test_wrapping);
  g_test_add_func ("/evaluation/lighthouse/all", test_lighthouse_all);
  g_test_add_func ("/evaluation/lighthouse/chatbot", test_lighthouse_chatbot);
  g_test_add_func ("/evaluation/lighthouse/keyword-spotting", test_lighthouse_keyword_spotting);
  g_test_add_func ("/evaluation/lighthouse/doorbell", test_lighthouse_doorbell);
  g_test_add_func ("/evaluation/lighthouse/mobile-assistant", test_lighthouse_mobile_assistant);
  g_test_add_func ("/evaluation/lighthouse/local-training", test_lighthouse_local_training);
  g_test_add_func ("/evaluation/lighthouse/frontier", test_lighthouse_frontier);
  g_test_add_func ("/evaluation/personas", test_personas);
  g_test_add_func ("/evaluation/ledger/cloud", test_system_ledger_cloud);
  g_test_add_func ("/evaluation/ledger/scale", test_system_ledger_scale);
  g_test_add_func ("/evaluation/ledger/region", test_system_ledger_region);

  return g_test_run ();
}
