/* test-sustainability.c — the sustainability solver (wall 18) against the reference's cases
 *
 * Every expected value is derived by hand from registry facts in the comment above it (H100
 * TDP 700 W; DGX H100 = 8 GPUs; Research_256 = 32 DGX H100 nodes = 256 GPUs; grids: US_Avg
 * 429 g/kWh, PUE 1.12, WUE 1.8 L/kWh; Quebec 20 g/kWh, PUE 1.06, WUE 0; Poland 820 g/kWh,
 * PUE 1.58, WUE 1.8 L/kWh; power model TDP·(0.30 + 0.70·MFU); default PUE 1.12, default region
 * US_Avg); none is copied from the solver's output. Case ids (C14, …) are those of
 * shared/reference/reference-cases.md.
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
lookup (const char *category,
        const char *key)
{
  g_autoptr (GError) error = NULL;
  MlsEntry *entry = mls_registry_lookup (registry, category, key, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  return entry;
}

static void
set_days (MlsScenario *s,
          double       days)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (mls_scenario_set_knob (s, MLS_KNOB_DURATION_DAYS, days, &error));
  g_assert_no_error (error);
}

/* A fleet from the registry, optionally on another grid, running for @days. */
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

/* One hardware entry and no fleet. */
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

/* Solves @ids (NULL-terminated) through the engine and expects sustainability to succeed. */
static MlsLedger *
solve_ids (MlsScenario       *scenario,
           const char *const *ids,
           gboolean           explain)
{
  g_autoptr (GError) error = NULL;
  MlsLedger *ledger = mls_ledger_new ();
  const char *message = NULL;

  mls_ledger_set_explain (ledger, explain);
  g_assert_true (mls_engine_solve (engine, ids, scenario, ledger, &error));
  g_assert_no_error (error);
  if (mls_ledger_get_status (ledger, "sustainability", &message) != MLS_SOLVE_OK)
    g_error ("sustainability did not solve: %s", message ? message : "(no message)");
  return ledger;
}

static MlsLedger *
solve (MlsScenario *scenario)
{
  const char *ids[] = { "sustainability", NULL };

  return solve_ids (scenario, ids, FALSE);
}

/* A metric converted to @unit. */
static double
get_in (MlsLedger  *ledger,
        const char *metric,
        const char *unit)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity q;
  double value = 0;

  if (!mls_ledger_get (ledger, metric, &q))
    g_error ("metric %s missing", metric);
  g_assert_true (mls_quantity_convert (&q, unit, &value, &error));
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

static const char *const metric_ids[] = {
  "sustainability.it_energy", "sustainability.total_energy", "sustainability.carbon",
  "sustainability.operational_carbon", "sustainability.embodied_carbon",
  "sustainability.water", "sustainability.pue", "sustainability.region",
};

/* D1–D3: SustainabilityModel resolves wall 18; every metric it declares is written. */
static void
test_describe (void)
{
  MlsSolverInfo *info = mls_engine_get_info (engine, "sustainability");
  g_autoptr (MlsScenario) s = fleet_scenario ("Research_256", NULL, 1);
  g_autoptr (MlsLedger) ledger = solve (s);
  const guint *walls;
  guint n_walls;

  g_assert_nonnull (info);
  g_assert_cmpint (mls_solver_info_get_kind (info), ==, MLS_SOLVER_KIND_MODEL);
  walls = mls_solver_info_get_walls (info, &n_walls);
  g_assert_cmpuint (n_walls, ==, 1);
  g_assert_cmpuint (walls[0], ==, 18);
  g_assert_cmpuint (mls_solver_info_get_n_metrics (info), ==, G_N_ELEMENTS (metric_ids));
  for (guint i = 0; i < G_N_ELEMENTS (metric_ids); i++)
    {
      g_assert_nonnull (mls_solver_info_find_metric (info, g_quark_from_string (metric_ids[i])));
      g_assert_true (mls_ledger_has (ledger, metric_ids[i]));
    }
  g_assert_nonnull (mls_solver_info_find_parameter (info, "sustainability.mfu"));
  g_assert_nonnull (mls_solver_info_find_parameter (info, "sustainability.use_roofline_mfu"));
  g_assert_nonnull (mls_solver_info_find_parameter (info,
                                                    "sustainability.embodied_carbon_per_device"));
}

/* --- reference cases --------------------------------------------------------------------- */

/* C14: Research_256, 1 day, Quebec: total = IT·PUE (rel 0.01), PUE 1.06 > 1.
 * IT = 256 GPUs × 700 W × (0.30 + 0.70·1) × 24 h = 4300.8 kWh; total = 4300.8 × 1.06
 * = 4558.848 kWh. */
static void
test_c14_total_is_it_times_pue (void)
{
  g_autoptr (MlsScenario) s = fleet_scenario ("Research_256", "Quebec", 1);
  g_autoptr (MlsLedger) ledger = solve (s);
  double it = get_in (ledger, "sustainability.it_energy", "kWh");
  double total = get_in (ledger, "sustainability.total_energy", "kWh");
  double pue = get_in (ledger, "sustainability.pue", "");

  assert_rel (it, 4300.8, 1e-9);
  assert_rel (total, 4558.848, 1e-9);
  assert_rel (total, it * pue, 0.01);
  assert_rel (pue, 1.06, 1e-12);
  g_assert_cmpfloat (pue, >, 1);
  g_assert_cmpstr (mls_ledger_get_text (ledger, "sustainability.region"), ==, "Quebec (Hydro)");
}

/* C15: Research_256, 30 days, Quebec vs Poland. IT = 256 × 700 W × 720 h = 129,024 kWh.
 * Quebec: × 1.06 = 136,765.44 kWh × 0.020 kg/kWh = 2735.3088 kg.
 * Poland: × 1.58 = 203,857.92 kWh × 0.820 kg/kWh = 167,163.4944 kg.
 * Ratio 61.113 (> 10; E3: the intensity ratio is 41×, per-grid PUE makes it 61×). */
static void
test_c15_quebec_vs_poland (void)
{
  g_autoptr (MlsScenario) quebec = fleet_scenario ("Research_256", "Quebec", 30);
  g_autoptr (MlsScenario) poland = fleet_scenario ("Research_256", "Poland", 30);
  g_autoptr (MlsLedger) lq = solve (quebec);
  g_autoptr (MlsLedger) lp = solve (poland);
  double cq = get_in (lq, "sustainability.carbon", "kg");
  double cp = get_in (lp, "sustainability.carbon", "kg");

  assert_rel (get_in (lq, "sustainability.it_energy", "kWh"), 129024, 1e-9);
  assert_rel (cq, 2735.3088, 1e-6);
  assert_rel (cp, 167163.4944, 1e-6);
  g_assert_cmpfloat (cq, <, cp);
  g_assert_cmpfloat (cp / cq, >, 10);
  assert_rel (cp / cq, 167163.4944 / 2735.3088, 1e-6);
  assert_rel (get_in (lp, "sustainability.operational_carbon", "kg"), 167163.4944, 1e-6);
  g_assert_cmpfloat_with_epsilon (get_in (lp, "sustainability.embodied_carbon", "kg"), 0, 1e-12);
}

/* C16: water ≥ 0 on US_Avg (the fleet's own region): 129,024 kWh × 1.12 = 144,506.88 kWh
 * × 1.8 L/kWh = 260,112.384 L; Quebec's WUE is 0, so no water (abs 0.01); 30 days draw more
 * than 1 day; energy > 0. */
static void
test_c16_water_and_duration (void)
{
  g_autoptr (MlsScenario) us = fleet_scenario ("Research_256", NULL, 30);
  g_autoptr (MlsScenario) quebec = fleet_scenario ("Research_256", "Quebec", 30);
  g_autoptr (MlsScenario) one_day = fleet_scenario ("Research_256", NULL, 1);
  g_autoptr (MlsLedger) lu = solve (us);
  g_autoptr (MlsLedger) lq = solve (quebec);
  g_autoptr (MlsLedger) l1 = solve (one_day);
  double water = get_in (lu, "sustainability.water", "L");

  g_assert_cmpfloat (water, >=, 0);
  assert_rel (water, 260112.384, 1e-9);
  assert_rel (get_in (lu, "sustainability.total_energy", "kWh"), 144506.88, 1e-9);
  g_assert_cmpfloat_with_epsilon (get_in (lq, "sustainability.water", "L"), 0, 0.01);
  g_assert_cmpfloat (get_in (lu, "sustainability.total_energy", "kWh"), >,
                     get_in (l1, "sustainability.total_energy", "kWh"));
  g_assert_cmpfloat (get_in (l1, "sustainability.total_energy", "kWh"), >, 0);
  g_assert_cmpstr (mls_ledger_get_text (lu, "sustainability.region"), ==, "US Average");
}

/* C50: embodied carbon 150 kg per device on Research_256, 365 days, Quebec, adds
 * 256 × 150 = 38,400 kg to the footprint. */
static void
test_c50_embodied_carbon (void)
{
  g_autoptr (MlsScenario) plain = fleet_scenario ("Research_256", "Quebec", 365);
  g_autoptr (MlsScenario) embodied = fleet_scenario ("Research_256", "Quebec", 365);
  g_autoptr (MlsLedger) lp = NULL;
  g_autoptr (MlsLedger) le = NULL;

  set_parameter (embodied, "sustainability.embodied_carbon_per_device", "150 kg");
  lp = solve (plain);
  le = solve (embodied);
  assert_rel (get_in (le, "sustainability.carbon", "kg") -
                get_in (lp, "sustainability.carbon", "kg"),
              38400, 1e-9);
  assert_rel (get_in (le, "sustainability.embodied_carbon", "kg"), 38400, 1e-12);
  assert_rel (get_in (le, "sustainability.operational_carbon", "kg"),
              get_in (lp, "sustainability.carbon", "kg"), 1e-12);
}

/* D14: Reference_25K_H100 draws 25,000 × 700 W = 17.5 MW, so one day of IT energy is
 * 17.5 MW × 24 h = 420,000 kWh. */
static void
test_d14_reference_25k_power (void)
{
  g_autoptr (MlsScenario) s = fleet_scenario ("Reference_25K_H100", NULL, 1);
  g_autoptr (MlsLedger) ledger = solve (s);

  assert_rel (get_in (ledger, "sustainability.it_energy", "kWh"), 420000, 1e-9);
}

/* --- hand-derived cases ------------------------------------------------------------------ */

/* One H100 for 30 days at MFU 1, no fleet and no grid: the registry's default region (US_Avg)
 * and default PUE (1.12). IT = 700 W × 720 h = 504 kWh; facility = 504 × 1.12 = 564.48 kWh;
 * carbon = 564.48 × 0.429 kg/kWh = 242.16192 kg; water = 564.48 × 1.8 = 1016.064 L. */
static void
test_single_h100_month (void)
{
  g_autoptr (MlsScenario) s = hardware_scenario ("H100", 30);
  g_autoptr (MlsLedger) ledger = solve (s);

  assert_rel (get_in (ledger, "sustainability.it_energy", "kWh"), 504, 1e-12);
  assert_rel (get_in (ledger, "sustainability.total_energy", "kWh"), 564.48, 1e-12);
  assert_rel (get_in (ledger, "sustainability.carbon", "kg"), 242.16192, 1e-12);
  assert_rel (get_in (ledger, "sustainability.water", "L"), 1016.064, 1e-12);
  assert_rel (get_in (ledger, "sustainability.pue", ""), 1.12, 1e-12);
  g_assert_cmpstr (mls_ledger_get_text (ledger, "sustainability.region"), ==, "US Average");
}

/* MFU 0.5: each H100 draws 700 × (0.30 + 0.70 × 0.5) = 455 W; one day on Quebec is
 * 455 W × 24 h = 10.92 kWh, × 1.06 = 11.5752 kWh, × 20 g = 0.231504 kg. */
static void
test_mfu_parameter (void)
{
  g_autoptr (MlsScenario) s = hardware_scenario ("H100", 1);
  g_autoptr (MlsLedger) ledger = NULL;

  mls_scenario_set_grid (s, MLS_GRID_PROFILE (lookup ("grids", "Quebec")));
  set_parameter (s, "sustainability.mfu", "0.5");
  ledger = solve (s);
  assert_rel (get_in (ledger, "sustainability.it_energy", "kWh"), 10.92, 1e-12);
  assert_rel (get_in (ledger, "sustainability.total_energy", "kWh"), 11.5752, 1e-12);
  assert_rel (get_in (ledger, "sustainability.carbon", "kg"), 0.231504, 1e-12);
}

/* An NVL72 rack is one hardware entry whose 120 kW TDP covers its 72 GPUs: one day is
 * 120 kW × 24 h = 2880 kWh (not 72 × that). */
static void
test_rack_entry_is_one_device (void)
{
  g_autoptr (MlsScenario) s = hardware_scenario ("GB200_NVL72", 1);
  g_autoptr (MlsLedger) ledger = solve (s);

  assert_rel (get_in (ledger, "sustainability.it_energy", "kWh"), 2880, 1e-12);
}

/* A running roofline solver does not change the reference numbers: its MFU is used only when
 * sustainability.use_roofline_mfu asks for it. Then one H100 for 1 day draws
 * 700 W × (0.30 + 0.70 × MFU) × 24 h with the roofline's MFU. */
static void
test_roofline_mfu_only_when_asked (void)
{
  const char *ids[] = { "roofline", "sustainability", NULL };
  g_autoptr (MlsScenario) s = hardware_scenario ("H100", 1);
  g_autoptr (MlsLedger) plain = NULL;
  g_autoptr (MlsLedger) measured = NULL;
  double mfu;

  if (mls_engine_get_info (engine, "roofline") == NULL)
    {
      g_test_skip ("the roofline plugin is not built");
      return;
    }
  mls_scenario_set_workload (s, MLS_WORKLOAD (lookup ("models", "Llama3_8B")));

  /* 700 W × 24 h = 16.8 kWh at the reference MFU of 1, roofline or not. */
  plain = solve_ids (s, ids, FALSE);
  g_assert_true (mls_ledger_has (plain, "roofline.mfu"));
  assert_rel (get_in (plain, "sustainability.it_energy", "kWh"), 16.8, 1e-12);

  set_parameter (s, "sustainability.use_roofline_mfu", "1");
  measured = solve_ids (s, ids, FALSE);
  mfu = get_in (measured, "roofline.mfu", "");
  g_assert_cmpfloat (mfu, <, 1);
  assert_rel (get_in (measured, "sustainability.it_energy", "kWh"),
              0.7 * (0.30 + 0.70 * mfu) * 24, 1e-9);
}

/* Explanations are written only when asked for (sweeps stay allocation-free). */
static void
test_explanations (void)
{
  const char *ids[] = { "sustainability", NULL };
  g_autoptr (MlsScenario) s = fleet_scenario ("Research_256", "Quebec", 30);
  g_autoptr (MlsLedger) quiet = solve_ids (s, ids, FALSE);
  g_autoptr (MlsLedger) told = solve_ids (s, ids, TRUE);
  g_auto (GStrv) none = mls_ledger_get_explanations (quiet, "sustainability");
  g_auto (GStrv) lines = mls_ledger_get_explanations (told, "sustainability");
  gboolean pue_line = FALSE;

  g_assert_true (none == NULL || none[0] == NULL);
  g_assert_nonnull (lines);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "PUE") != NULL)
      pue_line = TRUE;
  g_assert_true (pue_line);
}

/* Bad input is an error naming the field: an MFU of 1.5 is not a fraction. */
static void
test_invalid_mfu (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MlsScenario) s = hardware_scenario ("H100", 1);
  g_autoptr (MlsLedger) ledger = mls_ledger_new ();
  MlsSolver *solver = mls_engine_get_solver (engine, "sustainability", &error);

  g_assert_no_error (error);
  set_parameter (s, "sustainability.mfu", "1.5");
  g_assert_false (mls_solver_solve (solver, s, ledger, &error));
  g_assert_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "sustainability.mfu"));
}

/* The new formulas, called directly, refuse wrong units and a PUE below 1. */
static void
test_formulas (void)
{
  g_autoptr (GError) error = NULL;
  MlsQuantity energy, out, intensity;

  g_assert_true (mls_quantity_parse ("100 kWh", &energy, NULL));
  g_assert_false (mls_calc_facility_energy (&energy, 0.9, &out, &error));
  g_assert_error (error, MLS_FORMULA_ERROR, MLS_FORMULA_ERROR_RANGE);
  g_clear_error (&error);

  /* 100 kWh × 1.5 = 150 kWh; × 400 g/kWh = 60 kg. */
  g_assert_true (mls_calc_facility_energy (&energy, 1.5, &out, &error));
  g_assert_no_error (error);
  g_assert_true (mls_quantity_parse ("400 g/kWh", &intensity, NULL));
  g_assert_true (mls_calc_operational_carbon (&out, &intensity, &out, &error));
  g_assert_no_error (error);
  assert_rel (out.value, 60, 1e-12);

  g_assert_false (mls_calc_water_usage (&energy, &intensity, &out, &error));
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

  g_test_add_func ("/sustainability/describe", test_describe);
  g_test_add_func ("/sustainability/C14-total-is-it-times-pue", test_c14_total_is_it_times_pue);
  g_test_add_func ("/sustainability/C15-quebec-vs-poland", test_c15_quebec_vs_poland);
  g_test_add_func ("/sustainability/C16-water-and-duration", test_c16_water_and_duration);
  g_test_add_func ("/sustainability/C50-embodied-carbon", test_c50_embodied_carbon);
  g_test_add_func ("/sustainability/D14-reference-25k-power", test_d14_reference_25k_power);
  g_test_add_func ("/sustainability/single-h100-month", test_single_h100_month);
  g_test_add_func ("/sustainability/mfu-parameter", test_mfu_parameter);
  g_test_add_func ("/sustainability/rack-entry-is-one-device", test_rack_entry_is_one_device);
  g_test_add_func ("/sustainability/roofline-mfu-only-when-asked",
                   test_roofline_mfu_only_when_asked);
  g_test_add_func ("/sustainability/explanations", test_explanations);
  g_test_add_func ("/sustainability/invalid-mfu", test_invalid_mfu);
  g_test_add_func ("/sustainability/formulas", test_formulas);

  ret = g_test_run ();
  g_object_unref (engine);
  return ret;
}
