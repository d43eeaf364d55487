/* test-optimizers.c — the parallelism, batching and placement optimizers
 *
 * Expected values are derived by hand in the comments, or by an independent brute force over
 * the same space with the model solvers the optimizers compose (themselves tested against the
 * reference elsewhere).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <mlsysim.h>

static MlsRegistry *registry;
static MlsEngine *engine;

static MlsEntry *
lookup (MlsRegistry *reg,
        const char  *category,
        const char  *key)
{
  g_autoptr(GError) error = NULL;
  MlsEntry *entry = mls_registry_lookup (reg, category, key, &error);

  g_assert_no_error (error);
  return entry;
}

static MlsLedger *
solve (MlsEngine   *e,
       const char  *id,
       MlsScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  const char *ids[] = { id, NULL };
  MlsLedger *ledger = mls_ledger_new ();

  g_assert_true (mls_engine_solve (e, ids, scenario, ledger, &error));
  g_assert_no_error (error);
  return ledger;
}

static double
number (MlsLedger  *ledger,
        const char *id)
{
  MlsQuantity q;

  if (!mls_ledger_get (ledger, id, &q))
    g_error ("no metric %s", id);
  return q.value;
}

/* --- parallelism ------------------------------------------------------------------------- */

static MlsScenario *
fleet_scenario (const char *model,
                const char *cluster,
                double      eta)
{
  MlsScenario *s = mls_scenario_new ("fleet");

  mls_scenario_set_workload (s, MLS_WORKLOAD (lookup (registry, "models", model)));
  mls_scenario_set_fleet (s, MLS_FLEET (lookup (registry, "clusters", cluster)));
  mls_scenario_set_precision (s, MLS_PRECISION_FP16);
  mls_scenario_set_training (s, TRUE);
  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_BATCH_SIZE, 1024, NULL));
  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_EFFICIENCY, eta, NULL));
  return s;
}

/* Llama3_70B on Research_256 (32 nodes × 8 H100), η = 0.45.
 * Degrees: TP ∈ {1, 2, 4, 8} (accelerators per node), PP ∈ {1 … 256} (nine powers of two):
 * a space of 4 × 9 = 36.
 * Memory: 70.6e9 parameters × (2 B weights + 2 B gradients + 12 B Adam) = 1129.6 GB, against
 * 0.9 × 80 GiB = 77.31 GB per device: TP × PP ≥ 1129.6 / 77.31 = 14.6, so ≥ 16. Every
 * product up to 256 divides 256, so TP = 1 with PP 16…256, TP = 2 with PP 8…128, TP = 4 with
 * 4…64, TP = 8 with 2…32: 4 × 5 = 20 layouts are evaluated.
 * The best is the layout with the largest scaling efficiency × 0.45 over those 20, each run
 * here through the distributed solver with overlap on. */
static void
test_parallelism (void)
{
  g_autoptr(MlsScenario) s = fleet_scenario ("Llama3_70B", "Research_256", 0.45);
  g_autoptr(MlsLedger) ledger = solve (engine, "parallelism", s);
  g_autoptr(MlsScenario) probe = mls_scenario_copy (s);
  g_autoptr(MlsLedger) dist = mls_ledger_new ();
  MlsQuantity on = mls_quantity_scalar (1);
  double best_mfu = -1;
  guint best_tp = 0, best_pp = 0, evaluated = 0;

  g_assert_cmpfloat (number (ledger, "parallelism.feasible"), ==, 1);
  g_assert_cmpfloat (number (ledger, "parallelism.search_space_size"), ==, 36);
  g_assert_cmpfloat (number (ledger, "parallelism.total_searched"), ==, 20);

  mls_scenario_set_parameter (probe, "distributed.overlap_comm", &on);
  for (guint tp = 1; tp <= 8; tp *= 2)
    for (guint pp = 1; pp <= 256; pp *= 2)
      {
        const char *ids[] = { "distributed", NULL };
        MlsQuantity scaling;

        if (tp * pp < 16 || tp * pp > 256)
          continue;
        evaluated++;
        g_assert_true (mls_scenario_set_knob (probe, MLS_KNOB_TP, tp, NULL));
        g_assert_true (mls_scenario_set_knob (probe, MLS_KNOB_PP, pp, NULL));
        g_assert_true (mls_engine_solve (engine, ids, probe, dist, NULL));
        g_assert_true (mls_ledger_get (dist, "distributed.scaling_efficiency", &scaling));
        if (scaling.value * 0.45 > best_mfu)
          {
            best_mfu = scaling.value * 0.45;
            best_tp = tp;
            best_pp = pp;
          }
      }
  g_assert_cmpuint (evaluated, ==, 20);
  g_assert_cmpfloat_with_epsilon (number (ledger, "parallelism.best_mfu"), best_mfu, 1e-12);
  g_assert_cmpfloat (number (ledger, "parallelism.best_tp"), ==, best_tp);
  g_assert_cmpfloat (number (ledger, "parallelism.best_pp"), ==, best_pp);
  g_assert_cmpfloat (number (ledger, "parallelism.best_dp"), ==, 256 / (best_tp * best_pp));
  g_assert_cmpfloat (number (ledger, "parallelism.best_ep"), ==, 1);
  /* the ranks: best first, MFU never increasing, every layout within memory */
  g_assert_cmpfloat (number (ledger, "parallelism.top1_mfu"), ==,
                     number (ledger, "parallelism.best_mfu"));
  for (guint k = 1; k <= 5; k++)
    {
      g_autofree char *mfu = g_strdup_printf ("parallelism.top%u_mfu", k);
      g_autofree char *next = g_strdup_printf ("parallelism.top%u_mfu", k + 1);
      g_autofree char *tp = g_strdup_printf ("parallelism.top%u_tp", k);
      g_autofree char *pp = g_strdup_printf ("parallelism.top%u_pp", k);

      g_assert_cmpfloat (number (ledger, tp) * number (ledger, pp), >=, 16);
      if (k < 5)
        g_assert_cmpfloat (number (ledger, mfu), >=, number (ledger, next));
    }
}

/* Llama3_8B on a plan's fleet of 8 single-accelerator H100 nodes (the plan format builds
 * one accelerator per node unless told otherwise): TP is capped at 1; 8.03e9 × 16 B =
 * 128.5 GB needs PP ≥ 128.5 / 77.31 = 1.66, so PP ∈ {2, 4, 8}: 3 layouts. A cap of PP ≤ 2
 * leaves one; a tiny fleet of 1 node … is not a fleet, so the engine skips the optimizer. */
static void
test_parallelism_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) s = NULL;
  g_autoptr(MlsLedger) ledger = NULL;
  g_autoptr(MlsLedger) capped = NULL;
  g_autoptr(MlsScenario) single = mls_scenario_new ("single");
  g_autoptr(MlsLedger) skipped = NULL;
  const char *yaml =
    "version: \"1.0\"\nname: \"eight\"\nworkload:\n  name: Llama3_8B\n  batch_size: 64\n"
    "hardware:\n  name: H100\n  nodes: 8\n  efficiency: 0.5\n";
  MlsQuantity two = mls_quantity_scalar (2);

  s = mls_plan_load_data (yaml, -1, "eight.yaml", registry, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mls_scenario_get_fleet (s));
  ledger = solve (engine, "parallelism", s);
  g_assert_cmpfloat (number (ledger, "parallelism.search_space_size"), ==, 4);
  g_assert_cmpfloat (number (ledger, "parallelism.total_searched"), ==, 3);
  g_assert_cmpfloat (number (ledger, "parallelism.best_tp"), ==, 1);

  mls_scenario_set_parameter (s, "parallelism.max_pp", &two);
  capped = solve (engine, "parallelism", s);
  g_assert_cmpfloat (number (capped, "parallelism.total_searched"), ==, 1);
  g_assert_cmpfloat (number (capped, "parallelism.best_pp"), ==, 2);
  g_assert_cmpfloat (number (capped, "parallelism.best_dp"), ==, 4);

  mls_scenario_set_workload (single, MLS_WORKLOAD (lookup (registry, "models", "Llama3_8B")));
  mls_scenario_set_hardware (single, MLS_HARDWARE_NODE (lookup (registry, "hardware", "H100")));
  skipped = solve (engine, "parallelism", single);
  g_assert_cmpint (mls_ledger_get_status (skipped, "parallelism", NULL), ==, MLS_SOLVE_SKIPPED);
}

/* Llama3_70B cannot be trained on 8 devices: 1129.6 GB over at most 8 × 77.31 GB. No layout
 * is found; that is an answer (feasible 0), not an error. */
static void
test_parallelism_none (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) s = NULL;
  g_autoptr(MlsLedger) ledger = NULL;
  const char *message = NULL;
  const char *yaml =
    "version: \"1.0\"\nname: \"small\"\nworkload:\n  name: Llama3_70B\n"
    "hardware:\n  name: H100\n  nodes: 8\n  accelerators_per_node: 8\n";

  s = mls_plan_load_data (yaml, -1, "small.yaml", registry, &error);
  g_assert_no_error (error);
  ledger = solve (engine, "parallelism", s);
  g_assert_cmpfloat (number (ledger, "parallelism.feasible"), ==, 0);
  g_assert_cmpint (mls_ledger_get_status (ledger, "parallelism", &message), ==, MLS_SOLVE_OK);
  g_assert_nonnull (strstr (message, "No valid parallelism configurations"));
}

/* --- batching ---------------------------------------------------------------------------- */

/* The P99 of an M/M/1 queue, by hand: batches arrive at λ/b, are served at μ = 1/service;
 * ρ = λ/(bμ); the wait exceeds t with probability ρ·e^(−(μ − λ/b)t), so the 99th percentile
 * wait is ln(ρ/0.01)/(μ − λ/b) when ρ > 0.01 (else 0); P99 = wait + service. */
static double
p99_by_hand (double lambda,
             guint  b,
             double service)
{
  double mu = 1 / service, rate = lambda / b, rho = rate / mu;

  if (rho >= 1)
    return INFINITY;
  return service + (rho > 0.01 ? log (rho / 0.01) / (mu - rate) : 0);
}

/* Llama3_8B on H100, 512-token sequences, 5 requests/s, one replica. For each batch size,
 * serving gives TTFT and ITL; service = TTFT + 512 × ITL. The answer must be the largest b
 * whose hand-computed P99 meets the SLA with the model in memory. */
static void
test_batching (void)
{
  const double slas[] = { 30, 45, 60 };

  for (guint i = 0; i < G_N_ELEMENTS (slas); i++)
    {
      g_autoptr(MlsScenario) s = mls_scenario_new ("serve");
      g_autoptr(MlsScenario) probe = NULL;
      g_autoptr(MlsLedger) ledger = NULL;
      g_autoptr(MlsLedger) serving = mls_ledger_new ();
      MlsQuantity sla, qps;
      guint expected = 0;
      double expected_p99 = 0;

      mls_scenario_set_workload (s, MLS_WORKLOAD (lookup (registry, "models", "Llama3_8B")));
      mls_scenario_set_hardware (s, MLS_HARDWARE_NODE (lookup (registry, "hardware", "H100")));
      g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_SEQ_LEN, 512, NULL));
      g_assert_true (mls_quantity_from_unit (slas[i], "s", &sla, NULL));
      g_assert_true (mls_quantity_from_unit (5, "request/s", &qps, NULL));
      mls_scenario_set_parameter (s, "batching.sla", &sla);
      mls_scenario_set_parameter (s, "batching.qps", &qps);
      ledger = solve (engine, "batching", s);

      probe = mls_scenario_copy (s);
      for (guint b = 1; b <= 256; b++)
        {
          const char *ids[] = { "serving", NULL };
          double p99;

          g_assert_true (mls_scenario_set_knob (probe, MLS_KNOB_BATCH_SIZE, b, NULL));
          g_assert_true (mls_engine_solve (engine, ids, probe, serving, NULL));
          if (number (serving, "serving.feasible") == 0)
            continue;
          p99 = p99_by_hand (5, b, number (serving, "serving.ttft") +
                                     512 * number (serving, "serving.itl"));
          if (p99 <= slas[i])
            {
              expected = b;
              expected_p99 = p99;
            }
        }
      g_test_message ("SLA %g s: batch %u, P99 %g s", slas[i], expected, expected_p99);
      g_assert_cmpfloat (number (ledger, "batching.best_batch_size"), ==, expected);
      g_assert_cmpfloat (number (ledger, "batching.feasible"), ==, expected > 0);
      g_assert_cmpfloat (number (ledger, "batching.total_searched"), ==, 256);
      if (expected > 0)
        {
          g_assert_cmpfloat_with_epsilon (number (ledger, "batching.p99_latency"), expected_p99,
                                          1e-9 * expected_p99);
          /* the reference's throughput: λ × sequence length = 5 × 512 tokens/s */
          g_assert_cmpfloat (number (ledger, "batching.max_throughput"), ==, 2560);
        }
      else
        g_assert_cmpfloat (number (ledger, "batching.max_throughput"), ==, 0);
    }
}

/* Without a request rate or an SLA there is no question: skipped. */
static void
test_batching_skipped (void)
{
  g_autoptr(MlsScenario) s = mls_scenario_new ("serve");
  g_autoptr(MlsLedger) ledger = NULL;

  mls_scenario_set_workload (s, MLS_WORKLOAD (lookup (registry, "models", "Llama3_8B")));
  mls_scenario_set_hardware (s, MLS_HARDWARE_NODE (lookup (registry, "hardware", "H100")));
  ledger = solve (engine, "batching", s);
  g_assert_cmpint (mls_ledger_get_status (ledger, "batching", NULL), ==, MLS_SOLVE_SKIPPED);
}

/* --- placement ---------------------------------------------------------------------------- */

/* A priced, dirty grid beside the catalog's clean ones. */
static const char priced_grid[] =
  "grids:\n"
  "  Cheap_Coal:\n"
  "    name: \"Cheap coal (test grid)\"\n"
  "    carbon_intensity: \"800 g/kWh\"\n"
  "    pue: 1.12\n"
  "    wue: \"1.8 L/kWh\"\n"
  "    electricity_price: \"0.04 USD/kWh\"\n"
  "    provenance:\n"
  "      kind: illustrative\n"
  "      ref: \"test-optimizers.c\"\n"
  "      verified: \"2026-11-23\"\n";

static MlsScenario *
placement_scenario (MlsRegistry        *reg,
                    const char * const *regions,
                    double              tax_per_t)
{
  MlsScenario *s = mls_scenario_new ("place");
  MlsQuantity tax;

  mls_scenario_set_workload (s, MLS_WORKLOAD (lookup (reg, "models", "Llama3_8B")));
  mls_scenario_set_hardware (s, MLS_HARDWARE_NODE (lookup (reg, "hardware", "H100")));
  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_EFFICIENCY, 0.5, NULL));
  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_DURATION_DAYS, 30, NULL));
  mls_scenario_set_text_list (s, "placement.regions", regions);
  if (tax_per_t >= 0)
    {
      g_assert_true (mls_quantity_from_unit (tax_per_t, "USD/t", &tax, NULL));
      mls_scenario_set_parameter (s, "placement.carbon_tax", &tax);
    }
  return s;
}

/* One H100 for 30 days at η = 0.5 (the MFU the reference's CLI passes):
 * power 700 W × (0.3 + 0.7 × 0.5) = 455 W; IT energy 455 W × 720 h = 327.6 kWh.
 * Capital: 25,000 USD / 3 years × 30/365 = 684.93 USD; maintenance 25,000 × 0.05 × 30/365 =
 * 102.74 USD; both the same everywhere.
 * Quebec: 327.6 × 1.06 = 347.256 kWh × 0.12 USD = 41.67 USD → TCO 829.34 USD; carbon
 *   347.256 × 20 g = 6.945 kg.
 * Cheap_Coal: 327.6 × 1.12 = 366.912 kWh × 0.04 USD = 14.68 USD → TCO 802.35 USD; carbon
 *   366.912 × 800 g = 293.53 kg.
 * Objective: Quebec 829.34 + 0.006945·tax, coal 802.35 + 0.29353·tax; they cross at
 * tax = 26.99 / 0.28658 = 94.2 USD/t. Below, coal is cheaper; above, Quebec. */
static void
test_placement_tax (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsRegistry) reg = mls_registry_new ();
  g_autoptr(MlsEngine) e = NULL;
  const char *regions[] = { "Quebec", "Cheap_Coal", NULL };
  const struct { double tax; const char *best; } cases[] = {
    { 0, "Cheap_Coal" }, { 50, "Cheap_Coal" }, { 94, "Cheap_Coal" }, { 95, "Quebec" },
    { 100, "Quebec" }, { 1000, "Quebec" },
  };

  g_assert_true (mls_registry_load_builtin (reg, &error));
  g_assert_true (mls_registry_load_data (reg, priced_grid, -1, "test-grid.yaml", &error));
  g_assert_true (mls_registry_link (reg, &error));
  g_assert_no_error (error);
  e = mls_engine_new (reg);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MlsScenario) s = placement_scenario (reg, regions, cases[i].tax);
      g_autoptr(MlsLedger) ledger = solve (e, "placement", s);
      gboolean quebec = g_str_equal (cases[i].best, "Quebec");
      double tco = quebec ? 829.34 : 802.35, carbon = quebec ? 6.945 : 293.53;

      g_assert_cmpstr (mls_ledger_get_text (ledger, "placement.best_region"), ==, cases[i].best);
      g_assert_cmpfloat_with_epsilon (number (ledger, "placement.lowest_tco"), tco, 0.01);
      g_assert_cmpfloat_with_epsilon (number (ledger, "placement.carbon_footprint"), carbon,
                                      0.01);
      g_assert_cmpfloat_with_epsilon (number (ledger, "placement.objective"),
                                      tco + carbon / 1000 * cases[i].tax, 0.01);
      g_assert_cmpfloat (number (ledger, "placement.total_searched"), ==, 2);
      g_assert_cmpstr (mls_ledger_get_text (ledger, "placement.top2_region"), ==,
                       quebec ? "Cheap_Coal" : "Quebec");
    }
}

/* The reference's default regions (US_Avg, Quebec, Iowa) share the 0.12 USD/kWh default
 * tariff; Quebec has the lowest PUE (1.06 against 1.12) and the cleanest grid, so it wins at
 * any tax: at 0, US_Avg and Iowa cost 327.6 × 1.12 × 0.12 = 44.03 USD of energy against
 * Quebec's 41.67. The registry default tax is 100 USD/t. Without a list, every registry grid
 * is compared, and at the default tax the cleanest of the 1.06-PUE grids, Norway (10 g/kWh),
 * wins. */
static void
test_placement_defaults (void)
{
  const char *reference[] = { "US_Avg", "Quebec", "Iowa", NULL };
  g_autoptr(MlsScenario) zero = placement_scenario (registry, reference, 0);
  g_autoptr(MlsScenario) dflt = placement_scenario (registry, reference, -1);
  g_autoptr(MlsScenario) all = placement_scenario (registry, NULL, -1);
  g_autoptr(MlsLedger) l0 = solve (engine, "placement", zero);
  g_autoptr(MlsLedger) ld = solve (engine, "placement", dflt);
  g_autoptr(MlsLedger) la = solve (engine, "placement", all);
  g_auto(GStrv) grids = mls_registry_list_keys (registry, "grids");

  g_assert_cmpstr (mls_ledger_get_text (l0, "placement.best_region"), ==, "Quebec");
  g_assert_cmpfloat_with_epsilon (number (l0, "placement.objective"), 829.34, 0.01);
  g_assert_cmpstr (mls_ledger_get_text (ld, "placement.best_region"), ==, "Quebec");
  g_assert_cmpfloat (number (ld, "placement.carbon_tax"), ==, 0.1); /* 100 USD/t = 0.1 USD/kg */
  g_assert_cmpfloat_with_epsilon (number (ld, "placement.pue"), 1.06, 1e-12);
  g_assert_cmpstr (mls_ledger_get_text (la, "placement.best_region"), ==, "Norway");
  g_assert_cmpfloat (number (la, "placement.total_searched"), ==, g_strv_length (grids));
}

static void
test_placement_unknown_region (void)
{
  const char *regions[] = { "Quebec", "Atlantis", NULL };
  g_autoptr(MlsScenario) s = placement_scenario (registry, regions, 0);
  g_autoptr(MlsLedger) ledger = mls_ledger_new ();
  g_autoptr(GError) error = NULL;
  MlsSolver *solver = mls_engine_get_solver (engine, "placement", NULL);

  g_assert_false (mls_solver_solve (solver, s, ledger, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Atlantis"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  registry = mls_registry_get_default (&error);
  g_assert_no_error (error);
  engine = mls_engine_new (registry);

  g_test_add_func ("/parallelism/research-256", test_parallelism);
  g_test_add_func ("/parallelism/limits", test_parallelism_limits);
  g_test_add_func ("/parallelism/none", test_parallelism_none);
  g_test_add_func ("/batching/largest-batch", test_batching);
  g_test_add_func ("/batching/skipped", test_batching_skipped);
  g_test_add_func ("/placement/carbon-tax", test_placement_tax);
  g_test_add_func ("/placement/defaults", test_placement_defaults);
  g_test_add_func ("/placement/unknown-region", test_placement_unknown_region);
  status = g_test_run ();
  g_object_unref (engine);
  return status;
}
