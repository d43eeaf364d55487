/* test-economics.c — the economics solver (wall 17) and its composition with sustainability
 *
 * Every expected value is derived by hand from registry facts in the comment above it (H100
 * $25,000 and 700 W; Research_256 = 256 H100 on US_Avg; electricity $0.12/kWh; amortisation
 * 3 years prorated by days/365; maintenance 5 % of CapEx per year; energy as in
 * test-sustainability.c); none is copied from the solver's output. Case ids (C32, …) are those
 * of shared/reference/reference-cases.md.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <mlsysim.h>

static MlsRegistry *registry;
static MlsEngine *engine;

/* --- helpers ---------------------------------------------------------------------------- */

static MlsEntry *
lookup_in (MlsRegistry *reg,
           const char  *category,
           const char  *key)
{
  g_autoptr (GError) error = NULL;
  MlsEntry *entry = mls_registry_lookup (reg, category, key, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  return entry;
}

static MlsEntry *
lookup (const char *category,
        const char *key)
{
  return lookup_in (registry, category, key);
}

static void
set_days (MlsScenario *s,
          double       days)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_DURATION_DAYS, days, &error));
  g_assert_no_error (error);
}

static MlsScenario *
fleet_scenario (const char *fleet,
                const char *grid,
                double      days)
{
  MlsScenario *s = mls_scenario_new ("test");

  mls_scenario_set_fleet (s, MLS_FLEET (lookup ("clusters", fleet)));
  if (grid != NULL)
    mls_scenario_set_grid (s, MLS_GRID_PROFILE (lookup ("grids", grid)));
  set_days (s, days);
  return s;
}

static MlsScenario *
hardware_scenario (const char *hardware,
                   double      days)
{
  MlsScenario *s = mls_scenario_new ("test");

  mls_scenario_set_hardware (s, MLS_HARDWARE_NODE (lookup ("hardware", hardware)));
  set_days (s, days);
  return s;
}

static void
set_parameter (MlsScenario *s,
               const char  *id,
               const char  *text)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q;

  g_assert_true (mls_quantity_parse (text, &q, &error));
  g_assert_no_error (error);
  mls_scenario_set_parameter (s, id, &q);
}

static void
assert_status (MlsLedger      *ledger,
               const char     *solver,
               MlsSolveStatus  expected)
{
  const char *message = NULL;
  MlsSolveStatus status = mls_ledger_get_status (ledger, solver, &message);

  if (status != expected)
    g_error ("%s: status %d, expected %d (%s)", solver, status, expected,
             message ? message : "no message");
}

static MlsLedger *
solve_with (MlsEngine         *eng,
            MlsScenario       *scenario,
            const char *const *ids)
{
  g_autoptr (GError) error = NULL;
  MlsLedger *ledger = mls_ledger_new ();

  g_assert_true (mls_engine_solve (eng, ids, scenario, ledger, &error));
  g_assert_no_error (error);
  return ledger;
}

/* Asks for economics alone: the engine adds sustainability, whose energy economics reads. */
static MlsLedger *
solve (MlsScenario *scenario)
{
  const char *ids[] = { "economics", NULL };
  MlsLedger *ledger = solve_with (engine, scenario, ids);

  assert_status (ledger, "sustainability", MLS_SOLVE_OK);
  assert_status (ledger, "economics", MLS_SOLVE_OK);
  return ledger;
}

static double
usd (MlsLedger  *ledger,
     const char *metric)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q;
  double value = 0;

  if (!mls_ledger_get (ledger, metric, &q))
    g_error ("metric %s missing", metric);
  g_assert_true (mls_quantity_convert (&q, "USD", &value, &error));
  g_assert_no_error (error);
  return value;
}

static void
assert_rel (double actual,
            double expected,
            double rel)
{
  if (fabs (actual - expected) > rel * fabs (expected))
    g_error ("expected %.10g (rel %g), got %.10g", expected, rel, actual);
}

/* --- description ------------------------------------------------------------------------- */

/* D1–D3: EconomicsModel resolves wall 17; it requires sustainability's energy. */
static void
test_describe (void)
{
  MlsSolverInfo *info = mls_engine_get_info (engine, "economics");
  const char *const *reqs;
  const guint *walls;
  guint n_walls;
  const char *const metrics[] = {
    "economics.capex", "economics.capex_period", "economics.opex_energy",
    "economics.opex_maintenance", "economics.opex_total", "economics.tco", "economics.kwh_price",
  };

  g_assert_nonnull (info);
  walls = mls_solver_info_get_walls (info, &n_walls);
  g_assert_cmpuint (n_walls, ==, 1);
  g_assert_cmpuint (walls[0], ==, 17);
  reqs = mls_solver_info_get_requirements (info);
  g_assert_nonnull (reqs);
  g_assert_cmpstr (reqs[0], ==, "sustainability.total_energy");
  for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
    g_assert_nonnull (mls_solver_info_find_metric (info, g_quark_from_string (metrics[i])));
}

/* --- reference cases --------------------------------------------------------------------- */

/* C32: Research_256, 30 days, Quebec. CapEx = 256 × $25,000 = $6,400,000; for the period
 * 6.4e6 / 3 × 30/365 = $175,342.4658; energy 129,024 kWh × 1.06 = 136,765.44 kWh × $0.12
 * = $16,411.8528; maintenance 6.4e6 × 0.05 × 30/365 = $26,301.3699; TCO = $218,055.6884 > 0,
 * and TCO = CapEx + energy + maintenance (rel 0.001). */
static void
test_c32_research_quebec_month (void)
{
  g_autoptr (MlsScenario) s = fleet_scenario ("Research_256", "Quebec", 30);
  g_autoptr (MlsLedger) ledger = solve (s);
  double tco = usd (ledger, "economics.tco");
  double per_kwh = 0;
  MlsQuantity price;

  assert_rel (usd (ledger, "economics.capex"), 6.4e6, 1e-12);
  assert_rel (usd (ledger, "economics.capex_period"), 6.4e6 / 3 * 30 / 365, 1e-9);
  assert_rel (usd (ledger, "economics.opex_energy"), 16411.8528, 1e-9);
  assert_rel (usd (ledger, "economics.opex_maintenance"), 6.4e6 * 0.05 * 30 / 365, 1e-9);
  assert_rel (usd (ledger, "economics.opex_total"), 16411.8528 + 6.4e6 * 0.05 * 30 / 365, 1e-9);
  assert_rel (tco, 218055.6884, 1e-9);
  g_assert_cmpfloat (tco, >, 0);
  assert_rel (tco,
              usd (ledger, "economics.capex_period") + usd (ledger, "economics.opex_energy") +
                usd (ledger, "economics.opex_maintenance"),
              0.001);
  g_assert_true (mls_ledger_get (ledger, "economics.kwh_price", &price));
  g_assert_true (mls_quantity_convert (&price, "USD/kWh", &per_kwh, NULL));
  assert_rel (per_kwh, 0.12, 1e-12);
}

/* C32: one day on the fleet's own grid (US_Avg): CapEx $6,400,000 > OpEx = energy
 * 256 × 700 W × 24 h × 1.12 = 4816.896 kWh × $0.12 = $578.02752 + maintenance
 * 6.4e6 × 0.05 / 365 = $876.7123 → $1454.7398. */
static void
test_c32_one_day_capex_exceeds_opex (void)
{
  g_autoptr (MlsScenario) s = fleet_scenario ("Research_256", NULL, 1);
  g_autoptr (MlsLedger) ledger = solve (s);

  assert_rel (usd (ledger, "economics.opex_energy"), 578.02752, 1e-9);
  assert_rel (usd (ledger, "economics.opex_total"), 578.02752 + 6.4e6 * 0.05 / 365, 1e-9);
  g_assert_cmpfloat (usd (ledger, "economics.capex"), >, usd (ledger, "economics.opex_total"));
}

/* C32: a fleet of ESP32-S3 boards (no unit cost in the registry), 365 days: CapEx 0,
 * maintenance 0, TCO = energy. 100 nodes × 1 board × 0.4 W × 8760 h = 350.4 kWh, × PUE 1.12
 * (no region: the default) = 392.448 kWh × $0.12 = $47.09376. */
static void
test_c32_esp32_fleet_no_unit_cost (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsNode) node = mls_node_new ("ESP32 board", lookup ("hardware", "ESP32_S3"), 1, NULL,
                                           &error);
  g_autoptr (MlsFleet) fleet = NULL;
  g_autoptr (MlsScenario) s = mls_scenario_new ("esp32 fleet");
  g_autoptr (MlsLedger) ledger = NULL;

  g_assert_no_error (error);
  fleet = mls_fleet_new ("ESP32 fleet", node, 100, lookup ("fabrics", "Ethernet_100G"), NULL,
                         &error);
  g_assert_no_error (error);
  mls_scenario_set_fleet (s, fleet);
  set_days (s, 365);
  ledger = solve (s);

  g_assert_cmpfloat (usd (ledger, "economics.capex"), ==, 0);
  g_assert_cmpfloat (usd (ledger, "economics.opex_maintenance"), ==, 0);
  assert_rel (usd (ledger, "economics.opex_energy"), 47.09376, 1e-9);
  assert_rel (usd (ledger, "economics.tco"), usd (ledger, "economics.opex_energy"), 1e-12);
}

/* C32: 365 days amortise more CapEx than 30 (6.4e6/3 vs 6.4e6/3 × 30/365). */
static void
test_c32_year_vs_month (void)
{
  g_autoptr (MlsScenario) year = fleet_scenario ("Research_256", NULL, 365);
  g_autoptr (MlsScenario) month = fleet_scenario ("Research_256", NULL, 30);
  g_autoptr (MlsLedger) ly = solve (year);
  g_autoptr (MlsLedger) lm = solve (month);

  assert_rel (usd (ly, "economics.capex_period"), 6.4e6 / 3, 1e-9);
  g_assert_cmpfloat (usd (ly, "economics.capex_period"), >, usd (lm, "economics.capex_period"));
}

/* C32: an infrastructure multiplier of 2.5 raises the TCO: CapEx 256 × 25,000 × 2.5 = $16e6,
 * period 16e6/3 × 30/365 = $438,356.1644. */
static void
test_c32_infrastructure_multiplier (void)
{
  g_autoptr (MlsScenario) plain = fleet_scenario ("Research_256", "Quebec", 30);
  g_autoptr (MlsScenario) full = fleet_scenario ("Research_256", "Quebec", 30);
  g_autoptr (MlsLedger) lp = NULL;
  g_autoptr (MlsLedger) lf = NULL;

  set_parameter (full, "economics.infrastructure_multiplier", "2.5");
  lp = solve (plain);
  lf = solve (full);
  assert_rel (usd (lf, "economics.capex"), 16e6, 1e-12);
  assert_rel (usd (lf, "economics.capex_period"), 16e6 / 3 * 30 / 365, 1e-9);
  g_assert_cmpfloat (usd (lf, "economics.tco"), >, usd (lp, "economics.tco"));
}

/* --- hand-derived cases ------------------------------------------------------------------ */

/* One H100 for 30 days, default grid and price: CapEx for the period 25,000/3 × 30/365
 * = $684.9315; energy 504 kWh × 1.12 = 564.48 kWh × $0.12 = $67.7376; maintenance
 * 25,000 × 0.05 × 30/365 = $102.7397; TCO = $855.4088. */
static void
test_single_h100_month (void)
{
  g_autoptr (MlsScenario) s = hardware_scenario ("H100", 30);
  g_autoptr (MlsLedger) ledger = solve (s);

  assert_rel (usd (ledger, "economics.capex"), 25000, 1e-12);
  assert_rel (usd (ledger, "economics.capex_period"), 25000.0 / 3 * 30 / 365, 1e-12);
  assert_rel (usd (ledger, "economics.opex_energy"), 67.7376, 1e-12);
  assert_rel (usd (ledger, "economics.opex_maintenance"), 25000 * 0.05 * 30 / 365, 1e-12);
  assert_rel (usd (ledger, "economics.tco"),
              25000.0 / 3 * 30 / 365 + 67.7376 + 25000 * 0.05 * 30 / 365, 1e-12);
}

/* An explicit price wins: 564.48 kWh × $0.10 = $56.448. A 5-year amortisation charges
 * 25,000/5 × 30/365 = $410.9589. */
static void
test_parameters (void)
{
  g_autoptr (MlsScenario) s = hardware_scenario ("H100", 30);
  g_autoptr (MlsLedger) ledger = NULL;

  set_parameter (s, "economics.kwh_price", "0.10 USD/kWh");
  set_parameter (s, "economics.amortization_period", "5 year");
  ledger = solve (s);
  assert_rel (usd (ledger, "economics.opex_energy"), 56.448, 1e-12);
  assert_rel (usd (ledger, "economics.capex_period"), 25000.0 / 5 * 30 / 365, 1e-12);
}

/* A grid with a tariff prices its own energy (a deliberate deviation: the reference always
 * charges $0.12). A test grid at $0.30/kWh, 100 g/kWh, PUE 1.2, WUE 0: one H100 for 30 days is
 * 504 kWh × 1.2 = 604.8 kWh, × $0.30 = $181.44 (and 60.48 kg of carbon). */
static void
test_grid_tariff (void)
{
  static const char yaml[] =
    "grids:\n"
    "  Tariff_Test:\n"
    "    name: \"Tariff test grid\"\n"
    "    carbon_intensity: \"100 g/kWh\"\n"
    "    pue: 1.2\n"
    "    wue: \"0 L/kWh\"\n"
    "    electricity_price: \"0.30 USD/kWh\"\n"
    "    provenance:\n"
    "      kind: illustrative\n"
    "      ref: \"test-economics.c\"\n"
    "      verified: \"2026-11-23\"\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsRegistry) reg = mls_registry_new ();
  g_autoptr (MlsEngine) eng = NULL;
  g_autoptr (MlsScenario) s = mls_scenario_new ("tariff");
  g_autoptr (MlsLedger) ledger = NULL;
  const char *ids[] = { "economics", NULL };
  MlsQuantity carbon;

  g_assert_true (mls_registry_load_builtin (reg, &error));
  g_assert_no_error (error);
  g_assert_true (mls_registry_load_data (reg, yaml, -1, "test-economics.c", &error));
  g_assert_no_error (error);
  g_assert_true (mls_registry_link (reg, &error));
  g_assert_no_error (error);
  eng = mls_engine_new (reg);

  mls_scenario_set_hardware (s, MLS_HARDWARE_NODE (lookup_in (reg, "hardware", "H100")));
  mls_scenario_set_grid (s, MLS_GRID_PROFILE (lookup_in (reg, "grids", "Tariff_Test")));
  set_days (s, 30);
  ledger = solve_with (eng, s, ids);
  assert_status (ledger, "economics", MLS_SOLVE_OK);
  assert_rel (usd (ledger, "economics.opex_energy"), 181.44, 1e-12);
  g_assert_true (mls_ledger_get (ledger, "sustainability.carbon", &carbon));
  assert_rel (carbon.value, 60.48, 1e-12);
}

/* Composition: economics reads sustainability's energy through the engine's ordering, in
 * whatever order the ids are given; the plan puts sustainability first. */
static void
test_composition_order (void)
{
  const char *const orders[][3] = {
    { "economics", NULL, NULL },
    { "economics", "sustainability", NULL },
    { "sustainability", "economics", NULL },
  };
  g_autoptr (MlsScenario) s = fleet_scenario ("Research_256", "Quebec", 30);

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (MlsEnginePlan) plan = mls_engine_plan (engine, orders[i], &error);
      g_autoptr (MlsLedger) ledger = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (mls_engine_plan_get_n_solvers (plan), ==, 2);
      g_assert_cmpstr (mls_engine_plan_get_solver_id (plan, 0), ==, "sustainability");
      g_assert_cmpstr (mls_engine_plan_get_solver_id (plan, 1), ==, "economics");

      ledger = solve_with (engine, s, orders[i]);
      assert_status (ledger, "sustainability", MLS_SOLVE_OK);
      assert_status (ledger, "economics", MLS_SOLVE_OK);
      /* 136,765.44 kWh (test-sustainability.c, C15) × $0.12. */
      assert_rel (usd (ledger, "economics.opex_energy"), 16411.8528, 1e-9);
    }
}

/* When sustainability fails (bad MFU), economics fails too, saying what it missed, and the
 * error does not stop the engine. */
static void
test_composition_failure (void)
{
  const char *ids[] = { "economics", NULL };
  g_autoptr (MlsScenario) s = hardware_scenario ("H100", 30);
  g_autoptr (MlsLedger) ledger = NULL;
  const char *message = NULL;

  set_parameter (s, "sustainability.mfu", "2");
  ledger = solve_with (engine, s, ids);
  assert_status (ledger, "sustainability", MLS_SOLVE_FAILED);
  g_assert_cmpint (mls_ledger_get_status (ledger, "economics", &message), ==, MLS_SOLVE_FAILED);
  g_assert_nonnull (strstr (message, "sustainability.total_energy"));
}

/* Cost per million tokens when the serving solver ran first: TCO / (tokens/s × 1 replica ×
 * 30 days), in USD per token, shown per million tokens. Same for roofline's samples. */
static void
test_cost_per_unit (void)
{
  const char *ids[] = { "serving", "roofline", "economics", NULL };
  g_autoptr (MlsScenario) s = hardware_scenario ("H100", 30);
  g_autoptr (MlsLedger) ledger = NULL;
  MlsQuantity rate, cost;
  double per_mtoken = 0;

  if (mls_engine_get_info (engine, "serving") == NULL ||
      mls_engine_get_info (engine, "roofline") == NULL)
    {
      g_test_skip ("the serving or roofline plugin is not built");
      return;
    }
  mls_scenario_set_workload (s, MLS_WORKLOAD (lookup ("models", "Llama3_8B")));
  ledger = solve_with (engine, s, ids);
  assert_status (ledger, "economics", MLS_SOLVE_OK);

  g_assert_true (mls_ledger_get (ledger, "serving.tokens_per_sec", &rate));
  g_assert_true (mls_ledger_get (ledger, "economics.cost_per_mtoken", &cost));
  assert_rel (cost.value, usd (ledger, "economics.tco") / (rate.value * 30 * 86400), 1e-12);
  g_assert_true (mls_quantity_convert (&cost, "USD/Mtoken", &per_mtoken, NULL));
  assert_rel (per_mtoken, cost.value * 1e6, 1e-12);
  g_assert_true (mls_ledger_get (ledger, "roofline.throughput", &rate));
  g_assert_true (mls_ledger_get (ledger, "economics.cost_per_msample", &cost));
  assert_rel (cost.value, usd (ledger, "economics.tco") / (rate.value * 30 * 86400), 1e-12);
}

/* Bad input names the field. */
static void
test_invalid_price (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsScenario) s = hardware_scenario ("H100", 30);
  g_autoptr (MlsLedger) ledger = mls_ledger_new ();
  MlsSolver *solver = mls_engine_get_solver (engine, "economics", &error);
  MlsQuantity energy;

  g_assert_no_error (error);
  g_assert_true (mls_quantity_parse ("100 kWh", &energy, NULL));
  mls_ledger_set (ledger, "sustainability.total_energy", &energy);

  set_parameter (s, "economics.kwh_price", "-0.1 USD/kWh");
  g_assert_false (mls_solver_solve (solver, s, ledger, &error));
  g_assert_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "economics.kwh_price"));
  g_clear_error (&error);

  set_parameter (s, "economics.kwh_price", "0.1 USD/GB");
  g_assert_false (mls_solver_solve (solver, s, ledger, &error));
  g_assert_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "economics.kwh_price"));
}

/* The new formulas, called directly: a capex of 25,000 × 2 × 1.5 = $75,000; straight-line over
 * 3 years for 73 of 365 days = $5,000; maintenance at 5 % a year for that time = $750. */
static void
test_formulas (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity unit, capex, period, year, out;

  g_assert_true (mls_quantity_parse ("25000 USD", &unit, NULL));
  g_assert_true (mls_quantity_parse ("73 d", &period, NULL));
  g_assert_true (mls_quantity_parse ("365 d", &year, NULL));
  g_assert_true (mls_calc_capex (&unit, 2, 1.5, &capex, &error));
  g_assert_no_error (error);
  assert_rel (capex.value, 75000, 1e-12);
  g_assert_true (mls_calc_amortized_capex (&capex, 3, &period, &year, &out, &error));
  assert_rel (out.value, 5000, 1e-12);
  g_assert_true (mls_calc_maintenance_cost (&capex, 0.05, &period, &year, &out, &error));
  assert_rel (out.value, 750, 1e-12);
  g_assert_false (mls_calc_capex (&unit, 2, 0, &capex, &error));
  g_assert_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (mls_calc_energy_cost (&unit, &unit, &out, &error));
  g_assert_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_DIMENSION);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  registry = mls_registry_get_default (&error);
  g_assert_no_error (error);
  engine = mls_engine_new (registry);

  g_test_add_func ("/economics/describe", test_describe);
  g_test_add_func ("/economics/C32-research-quebec-month", test_c32_research_quebec_month);
  g_test_add_func ("/economics/C32-one-day-capex-exceeds-opex",
                   test_c32_one_day_capex_exceeds_opex);
  g_test_add_func ("/economics/C32-esp32-fleet-no-unit-cost", test_c32_esp32_fleet_no_unit_cost);
  g_test_add_func ("/economics/C32-year-vs-month", test_c32_year_vs_month);
  g_test_add_func ("/economics/C32-infrastructure-multiplier",
                   test_c32_infrastructure_multiplier);
  g_test_add_func ("/economics/single-h100-month", test_single_h100_month);
  g_test_add_func ("/economics/parameters", test_parameters);
  g_test_add_func ("/economics/grid-tariff", test_grid_tariff);
  g_test_add_func ("/economics/composition-order", test_composition_order);
  g_test_add_func ("/economics/composition-failure", test_composition_failure);
  g_test_add_func ("/economics/cost-per-unit", test_cost_per_unit);
  g_test_add_func ("/economics/invalid-price", test_invalid_price);
  g_test_add_func ("/economics/formulas", test_formulas);

  ret = g_test_run ();
  g_object_unref (engine);
  return ret;
}
