/* mls-placement-solver.c — walls 17 and 18: where to run once carbon has a price
 *
 * The reference's PlacementOptimizer (inventory §9.20): for each region, run the system there
 * for the scenario's period — the engine's economics solver, which draws the energy from the
 * sustainability solver — and price its carbon: objective = TCO + tons of CO₂ × carbon tax.
 * The region with the lowest objective wins. A high tax favours clean grids; a zero tax picks
 * the cheapest (the lowest tariff, or with equal tariffs the lowest PUE).
 *
 * The regions are the scenario's list "placement.regions" (mls_scenario_set_text_list()),
 * else every grid of the registry.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>
#include <math.h>

#include <mlsysim.h>

#define SOLVER_ID "placement"
#define PARAM_TAX SOLVER_ID ".carbon_tax"
#define LIST_REGIONS SOLVER_ID ".regions"
#define SUSTAINABILITY_MFU "sustainability.mfu"

/* Walls 17 (Capital) and 18 (Sustainability), registry/walls.yaml. */
#define WALL_CAPITAL 17
#define WALL_SUSTAINABILITY 18

/* How many ranked regions are described as metrics (the registry may ask for fewer). */
#define MAX_RANKS 5

typedef enum
{
  M_FEASIBLE,
  M_BEST_REGION,
  M_OBJECTIVE,
  M_TCO,
  M_CARBON,
  M_PUE,
  M_TAX,
  M_SEARCHED,
  N_METRICS
} Metric;

typedef enum
{
  R_REGION,
  R_OBJECTIVE,
  R_TCO,
  R_CARBON,
  N_RANK_FIELDS
} RankField;

typedef struct
{
  const char *id;
  const char *label;
  const char *unit;
  const char *description;
} MetricDef;

static const MetricDef metric_defs[N_METRICS] = {
  [M_FEASIBLE] = { SOLVER_ID ".feasible", N_("Found a region"), "",
                   N_("1 when some region could be costed, else 0") },
  [M_BEST_REGION] = { SOLVER_ID ".best_region", N_("Best region"), "text",
                      N_("The region (grid) with the lowest TCO + carbon × tax") },
  [M_OBJECTIVE] = { SOLVER_ID ".objective", N_("Objective"), "USD",
                    N_("TCO plus carbon priced at the tax, in the best region") },
  [M_TCO] = { SOLVER_ID ".lowest_tco", N_("TCO"), "USD",
              N_("Total cost of ownership over the period in the best region") },
  [M_CARBON] = { SOLVER_ID ".carbon_footprint", N_("Carbon"), "t",
                 N_("Carbon emitted over the period in the best region") },
  [M_PUE] = { SOLVER_ID ".pue", N_("PUE"), "", N_("Power usage effectiveness of the best "
                                                   "region") },
  [M_TAX] = { SOLVER_ID ".carbon_tax", N_("Carbon tax"), "USD/t",
              N_("The carbon price the objective used") },
  [M_SEARCHED] = { SOLVER_ID ".total_searched", N_("Regions compared"), "",
                   N_("Regions costed") },
};

static const MetricDef rank_defs[N_RANK_FIELDS] = {
  [R_REGION] = { "region", N_("Region %u"), "text", N_("The region ranked %u") },
  [R_OBJECTIVE] = { "objective", N_("Objective of region %u"), "USD",
                    N_("TCO + carbon × tax of the region ranked %u") },
  [R_TCO] = { "tco", N_("TCO of region %u"), "USD", N_("TCO of the region ranked %u") },
  [R_CARBON] = { "carbon", N_("Carbon of region %u"), "t",
                 N_("Carbon of the region ranked %u") },
};

typedef struct
{
  MlsGridProfile *grid;
  const char     *key;       /* interned */
  double          objective; /* USD */
  double          tco;       /* USD */
  double          carbon;    /* kg */
  double          pue;
} Candidate;

struct _MlsPlacementSolver
{
  GObject        parent_instance;

  MlsRegistry   *registry;  /* the engine's, for region names */
  GPtrArray     *grids;     /* MlsGridProfile*, every grid of the registry */
  MlsQuantity    default_tax;
  guint          top_n;
  gboolean       prepared;

  GQuark         quarks[N_METRICS];
  GQuark         rank_quarks[MAX_RANKS][N_RANK_FIELDS];
  GQuark         q_tco;
  GQuark         q_carbon;
  GQuark         q_pue;

  GMutex         lock;  /* guards plan */
  MlsEnginePlan *plan;  /* economics (and sustainability), through the default engine */
};

#define MLS_TYPE_PLACEMENT_SOLVER (mls_placement_solver_get_type ())
G_DECLARE_FINAL_TYPE (MlsPlacementSolver, mls_placement_solver, MLS, PLACEMENT_SOLVER, GObject)

static void solver_iface_init (MlsSolverInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (MlsPlacementSolver, mls_placement_solver, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (MLS_TYPE_SOLVER,
                                                               solver_iface_init))

/* --- constants ------------------------------------------------------------------------- */

static gboolean
load_tax (MlsRegistry *registry,
          MlsQuantity *out,
          GError     **error)
{
  return mls_registry_get_constant (registry, "default_carbon_tax", out, error) &&
         mls_quantity_check_dimension (out, "USD/t", "default_carbon_tax", error);
}

static gboolean
mls_placement_solver_prepare (MlsSolver   *solver,
                              MlsRegistry *registry,
                              GError     **error)
{
  MlsPlacementSolver *self = MLS_PLACEMENT_SOLVER (solver);
  GListModel *grids = mls_registry_get_category (registry, "grids");
  MlsQuantity top;

  if (!load_tax (registry, &self->default_tax, error) ||
      !mls_registry_get_constant (registry, "optimizer_top_candidates", &top, error) ||
      !mls_quantity_check_dimension (&top, "", "optimizer_top_candidates", error))
    return FALSE;
  if (!(top.value >= 1))
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                   _("Registry constant “optimizer_top_candidates” must be at least 1"));
      return FALSE;
    }
  self->top_n = MIN ((guint) top.value, MAX_RANKS);
  g_set_object (&self->registry, registry);
  g_ptr_array_set_size (self->grids, 0);
  for (guint i = 0; grids != NULL && i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (grids, i);

      if (MLS_IS_GRID_PROFILE (item))
        g_ptr_array_add (self->grids, g_object_ref (item));
    }
  self->prepared = TRUE;
  return TRUE;
}

/* --- description --------------------------------------------------------------------- */

static MlsSolverInfo *
mls_placement_solver_describe (MlsSolver *solver)
{
  MlsPlacementSolver *self = MLS_PLACEMENT_SOLVER (solver);
  MlsQuantity tax = self->default_tax;
  double tax_per_t = 0;
  MlsSolverInfo *info;

  /* The default tax comes from the registry: the engine's once prepared, else the default. */
  if (!self->prepared)
    {
      MlsRegistry *registry = mls_registry_get_default (NULL);

      if (registry == NULL || !load_tax (registry, &tax, NULL))
        tax = mls_quantity_scalar (0);
    }
  if (!mls_quantity_convert (&tax, "USD/t", &tax_per_t, NULL))
    tax_per_t = 0;

  info = mls_solver_info_new (SOLVER_ID, _("Placement optimizer"),
                              _("The region where the system costs least to own and run once "
                                "its carbon is priced: total cost of ownership plus emissions "
                                "times a carbon tax."),
                              MLS_SOLVER_KIND_OPTIMIZER);
  mls_solver_info_set_inputs (info, MLS_SOLVER_INPUT_HARDWARE);
  mls_solver_info_add_wall (info, WALL_CAPITAL);
  mls_solver_info_add_wall (info, WALL_SUSTAINABILITY);
  mls_solver_info_add_parameter (info, PARAM_TAX, _("Carbon tax"), "USD/t", tax_per_t, 0,
                                 G_MAXDOUBLE,
                                 _("Price of a metric ton of CO₂ in the objective"));
  for (guint i = 0; i < N_METRICS; i++)
    mls_solver_info_add_metric (info, metric_defs[i].id, _(metric_defs[i].label),
                                metric_defs[i].unit, _(metric_defs[i].description));
  for (guint k = 0; k < MAX_RANKS; k++)
    for (guint f = 0; f < N_RANK_FIELDS; f++)
      {
        g_autofree char *label = g_strdup_printf (_(rank_defs[f].label), k + 1);
        g_autofree char *description = g_strdup_printf (_(rank_defs[f].description), k + 1);

        mls_solver_info_add_metric (info, g_quark_to_string (self->rank_quarks[k][f]), label,
                                    rank_defs[f].unit, description);
      }
  return info;
}

/* --- solving ------------------------------------------------------------------------- */

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (MLS_SOLVER_ERROR,
                                                MLS_SOLVER_ERROR_INVALID_INPUT, format, args));
  va_end (args);
  return FALSE;
}

static MlsEnginePlan *
economics_plan (MlsPlacementSolver *self,
                GError            **error)
{
  MlsEnginePlan *plan;

  g_mutex_lock (&self->lock);
  if (self->plan == NULL)
    {
      const char *ids[] = { "economics", "sustainability", NULL };
      g_autoptr(GError) local = NULL;

      self->plan = mls_engine_plan (mls_engine_get_default (), ids, &local);
      if (self->plan == NULL)
        g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_PLUGIN,
                     _("The placement optimizer runs the economics and sustainability "
                       "solvers, which are not available: %s"), local->message);
    }
  plan = self->plan != NULL ? mls_engine_plan_ref (self->plan) : NULL;
  g_mutex_unlock (&self->lock);
  return plan;
}

/* The regions to compare: the scenario's list, looked up, else every registry grid. */
static GPtrArray *
regions (MlsPlacementSolver *self,
         MlsScenario        *scenario,
         GError            **error)
{
  const char * const *names = mls_scenario_get_text_list (scenario, LIST_REGIONS);
  GPtrArray *grids = g_ptr_array_new_with_free_func (g_object_unref);

  if (names == NULL)
    {
      for (guint i = 0; i < self->grids->len; i++)
        g_ptr_array_add (grids, g_object_ref (g_ptr_array_index (self->grids, i)));
      return grids;
    }
  for (guint i = 0; names[i] != NULL; i++)
    {
      MlsEntry *grid = self->registry != NULL
                         ? mls_registry_lookup (self->registry, "grids", names[i], error)
                         : NULL;

      if (grid == NULL || !MLS_IS_GRID_PROFILE (grid))
        {
          if (grid != NULL || self->registry == NULL)
            invalid (error, _("%s: “%s” is not a grid region"), LIST_REGIONS, names[i]);
          else
            g_prefix_error (error, "%s: ", LIST_REGIONS);
          g_ptr_array_unref (grids);
          return NULL;
        }
      g_ptr_array_add (grids, g_object_ref (grid));
    }
  return grids;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  /* equal objectives (no tax, equal tariffs and PUE): the cleaner region first */
  if (x->objective != y->objective)
    return (x->objective > y->objective) - (x->objective < y->objective);
  return (x->carbon > y->carbon) - (x->carbon < y->carbon);
}

static void
set_number (MlsLedger *ledger,
            GQuark     metric,
            double     value)
{
  MlsQuantity q = mls_quantity_scalar (value);

  mls_ledger_set_quark (ledger, metric, &q);
}

static void
set_in (MlsLedger  *ledger,
        GQuark      metric,
        double      value,
        const char *unit)
{
  MlsQuantity q;

  mls_quantity_from_unit (value, unit, &q, NULL);
  mls_ledger_set_quark (ledger, metric, &q);
}

static gboolean
mls_placement_solver_solve (MlsSolver   *solver,
                            MlsScenario *scenario,
                            MlsLedger   *ledger,
                            GError     **error)
{
  MlsPlacementSolver *self = (MlsPlacementSolver *) solver;
  g_autoptr(MlsEnginePlan) plan = NULL;
  g_autoptr(MlsScenario) scratch = NULL;
  g_autoptr(MlsLedger) inner = NULL;
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(GArray) candidates = NULL;
  MlsQuantity tax, mfu;

  if (mls_scenario_get_hardware (scenario) == NULL)
    return invalid (error, _("The placement optimizer needs hardware or a fleet"));
  if (!mls_scenario_get_parameter (scenario, PARAM_TAX, &tax))
    tax = self->default_tax;
  if (!mls_quantity_check_dimension (&tax, "USD/t", PARAM_TAX, error))
    return FALSE;
  if (!(tax.value >= 0))
    return invalid (error, _("%s must be zero or more, such as 100 USD/t"), PARAM_TAX);
  if ((grids = regions (self, scenario, error)) == NULL)
    return FALSE;
  if ((plan = economics_plan (self, error)) == NULL)
    return FALSE;

  scratch = mls_scenario_copy (scenario);
  inner = mls_ledger_new ();
  mls_ledger_set_explain (inner, FALSE);
  /* Power follows the scenario's efficiency, as the reference's CLI passes η as the MFU,
   * unless the scenario sets the sustainability solver's own. */
  if (!mls_scenario_get_parameter (scenario, SUSTAINABILITY_MFU, NULL))
    {
      mfu = mls_quantity_scalar (mls_scenario_get_efficiency (scenario));
      mls_scenario_set_parameter (scratch, SUSTAINABILITY_MFU, &mfu);
    }

  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  for (guint i = 0; i < grids->len; i++)
    {
      MlsGridProfile *grid = g_ptr_array_index (grids, i);
      MlsQuantity tco, carbon, pue, objective;
      const char *message = NULL;
      Candidate c;

      mls_scenario_set_grid (scratch, grid);
      mls_engine_plan_run (plan, scratch, inner);
      if (mls_ledger_get_status (inner, "economics", &message) != MLS_SOLVE_OK ||
          !mls_ledger_get_quark (inner, self->q_tco, &tco) ||
          !mls_ledger_get_quark (inner, self->q_carbon, &carbon))
        return invalid (error, _("The system could not be costed in %s: %s"),
                        mls_entry_get_key (MLS_ENTRY (grid)),
                        message ? message : _("no reason given"));
      if (!mls_calc_carbon_priced_cost (&tco, &carbon, &tax, &objective, error))
        return FALSE;
      c.grid = grid;
      c.key = g_intern_string (mls_entry_get_key (MLS_ENTRY (grid)));
      c.objective = objective.value;
      c.tco = tco.value;
      c.carbon = carbon.value;
      c.pue = mls_ledger_get_quark (inner, self->q_pue, &pue) ? pue.value
                                                              : mls_grid_profile_get_pue (grid);
      g_array_append_val (candidates, c);
    }
  /* stable: regions equal in objective and carbon keep their order */
  g_array_sort (candidates, compare_candidates);

  mls_ledger_set_quark (ledger, self->quarks[M_TAX], &tax);
  set_number (ledger, self->quarks[M_SEARCHED], candidates->len);
  set_number (ledger, self->quarks[M_FEASIBLE], candidates->len > 0);
  if (candidates->len == 0)
    {
      mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK,
                             _("No valid regions found for optimization."));
      return TRUE;
    }
  {
    const Candidate *best = &g_array_index (candidates, Candidate, 0);

    mls_ledger_set_text_quark (ledger, self->quarks[M_BEST_REGION], best->key);
    set_in (ledger, self->quarks[M_OBJECTIVE], best->objective, "USD");
    set_in (ledger, self->quarks[M_TCO], best->tco, "USD");
    set_in (ledger, self->quarks[M_CARBON], best->carbon, "kg");
    set_number (ledger, self->quarks[M_PUE], best->pue);
    mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK, best->key);
  }
  for (guint k = 0; k < MIN (candidates->len, self->top_n); k++)
    {
      const Candidate *r = &g_array_index (candidates, Candidate, k);

      mls_ledger_set_text_quark (ledger, self->rank_quarks[k][R_REGION], r->key);
      set_in (ledger, self->rank_quarks[k][R_OBJECTIVE], r->objective, "USD");
      set_in (ledger, self->rank_quarks[k][R_TCO], r->tco, "USD");
      set_in (ledger, self->rank_quarks[k][R_CARBON], r->carbon, "kg");
    }

  if (G_UNLIKELY (mls_ledger_get_explain (ledger)))
    {
      g_autofree char *t = mls_quantity_format_in (&tax, "USD/t", 4, NULL);

      mls_ledger_explain (ledger, SOLVER_ID,
                          _("Cheapest of %u regions at a carbon tax of %s: %s (TCO + carbon × "
                            "tax)."),
                          candidates->len, t ? t : "?",
                          g_array_index (candidates, Candidate, 0).key);
      for (guint k = 0; k < candidates->len; k++)
        {
          const Candidate *r = &g_array_index (candidates, Candidate, k);
          MlsQuantity carbon;
          g_autofree char *ct = NULL;

          mls_quantity_from_unit (r->carbon, "kg", &carbon, NULL);
          ct = mls_quantity_format_in (&carbon, "t", 4, NULL);
          mls_ledger_explain (ledger, SOLVER_ID, _("%u. %s: %.0f USD (TCO %.0f USD, %s CO₂, PUE "
                                                   "%.3g)"),
                              k + 1, r->key, r->objective, r->tco, ct ? ct : "?", r->pue);
        }
    }
  return TRUE;
}

/* --- type ----------------------------------------------------------------------------- */

static void
solver_iface_init (MlsSolverInterface *iface)
{
  iface->describe = mls_placement_solver_describe;
  iface->prepare = mls_placement_solver_prepare;
  iface->solve = mls_placement_solver_solve;
}

static void
mls_placement_solver_finalize (GObject *object)
{
  MlsPlacementSolver *self = MLS_PLACEMENT_SOLVER (object);

  g_clear_pointer (&self->plan, mls_engine_plan_unref);
  g_clear_object (&self->registry);
  g_ptr_array_unref (self->grids);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (mls_placement_solver_parent_class)->finalize (object);
}

static void
mls_placement_solver_class_init (MlsPlacementSolverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mls_placement_solver_finalize;
}

static void
mls_placement_solver_class_finalize (MlsPlacementSolverClass *klass)
{
}

static void
mls_placement_solver_init (MlsPlacementSolver *self)
{
  g_mutex_init (&self->lock);
  self->grids = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < N_METRICS; i++)
    self->quarks[i] = g_quark_from_string (metric_defs[i].id);
  for (guint k = 0; k < MAX_RANKS; k++)
    for (guint f = 0; f < N_RANK_FIELDS; f++)
      {
        g_autofree char *id = g_strdup_printf (SOLVER_ID ".top%u_%s", k + 1, rank_defs[f].id);

        self->rank_quarks[k][f] = g_quark_from_string (id);
      }
  self->q_tco = g_quark_from_string ("economics.tco");
  self->q_carbon = g_quark_from_string ("sustainability.carbon");
  self->q_pue = g_quark_from_string ("sustainability.pue");
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  mls_placement_solver_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MLS_TYPE_SOLVER,
                                              MLS_TYPE_PLACEMENT_SOLVER);
}
