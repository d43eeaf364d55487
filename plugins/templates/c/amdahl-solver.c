/* amdahl-solver.c — a template solver plugin in C: Amdahl's law applied to a roofline step
 *
 * The "amdahl" solver asks: if a fraction p of one step runs on N workers, how much faster
 * does the step get? It takes the step time from the roofline solver (by requiring its
 * metric "roofline.latency"), applies Amdahl's law from the formula library, and writes the
 * speed-up, the parallel efficiency and the new step time.
 *
 * To start your own solver, copy this folder, then rename "amdahl" (the id, the file names,
 * the Module= of the .plugin file, the shared_module() in meson.build) and the My/my_/MY_
 * prefix of the type to your own. plugins/README.md explains every piece.
 *
 * This template is dedicated to the public domain: copy it under any licence you like.
 * SPDX-License-Identifier: CC0-1.0
 */
#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>
#include <mlsysim.h>

/* The solver's id prefixes everything it declares: parameters and metrics are
 * "<id>.<name>". Metrics of other solvers are read by their full id. */
#define SOLVER_ID "amdahl"
#define PARAM_PARALLEL_FRACTION SOLVER_ID ".parallel_fraction"
#define PARAM_WORKERS SOLVER_ID ".workers"
#define METRIC_SPEEDUP SOLVER_ID ".speedup"
#define METRIC_EFFICIENCY SOLVER_ID ".efficiency"
#define METRIC_LATENCY SOLVER_ID ".latency"
#define REQUIRED_LATENCY "roofline.latency"

/* The wall of the textbook's taxonomy this solver speaks to (`mlsysim walls`): 14,
 * Communication, the cost of spreading work over many devices. */
#define WALL_COMMUNICATION 14

/* The parameters, declared once: describe() publishes them, solve() falls back on their
 * defaults and checks their ranges. The defaults change nothing (all of the step parallel,
 * one worker): a solver's numbers come from the user or the registry, not from literals. */
typedef struct
{
  const char *id;
  const char *label;
  double      default_value;
  double      minimum;
  double      maximum;
  const char *description;
} ParameterDef;

enum
{
  P_PARALLEL_FRACTION,
  P_WORKERS,
  N_PARAMETERS
};

static const ParameterDef parameter_defs[N_PARAMETERS] = {
  [P_PARALLEL_FRACTION] = { PARAM_PARALLEL_FRACTION, N_("Parallel fraction"), 1, 0, 1,
                            N_("Fraction p of the step that the workers share") },
  [P_WORKERS] = { PARAM_WORKERS, N_("Workers"), 1, 1, G_MAXUINT,
                  N_("Number N of workers the parallel fraction is spread over") },
};

struct _MyAmdahlSolver
{
  GObject     parent_instance;

  /* Set once (init, prepare) and only read by solve(), which may run in many threads at
   * once: a solver keeps no per-solve state. */
  GQuark      q_speedup;
  GQuark      q_efficiency;
  GQuark      q_latency;
  GQuark      q_roofline_latency;
  const char *status_ok;
};

#define MY_TYPE_AMDAHL_SOLVER (my_amdahl_solver_get_type ())
G_DECLARE_FINAL_TYPE (MyAmdahlSolver, my_amdahl_solver, MY, AMDAHL_SOLVER, GObject)

static void solver_iface_init (MlsSolverInterface *iface);

/* A type that lives in a loadable module is "dynamic": registered by peas_register_types()
 * below, each time libpeas loads the module. */
G_DEFINE_DYNAMIC_TYPE_EXTENDED (MyAmdahlSolver, my_amdahl_solver, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (MLS_TYPE_SOLVER,
                                                               solver_iface_init))

/* describe(): what the solver is, what it takes and what it writes. Called once, after the
 * plugin is loaded; the engine, `mlsysim solvers` and the Studio app read it. */
static MlsSolverInfo *
my_amdahl_solver_describe (MlsSolver *solver)
{
  MlsSolverInfo *info;

  info = mls_solver_info_new (SOLVER_ID, _("Amdahl speed-up"),
                              _("How much faster one step runs when a fraction of it is "
                                "spread over several workers (Amdahl's law)"),
                              MLS_SOLVER_KIND_MODEL);

  /* roofline.latency needs a workload on a device: without them the engine marks this
   * solver "skipped" instead of running it. */
  mls_solver_info_set_inputs (info, MLS_SOLVER_INPUT_WORKLOAD | MLS_SOLVER_INPUT_HARDWARE);
  mls_solver_info_add_wall (info, WALL_COMMUNICATION);

  /* The engine runs the solver that produces this metric first (adding it to the request
   * when it was not asked for), so it is in the ledger when solve() runs. */
  mls_solver_info_add_requirement (info, REQUIRED_LATENCY);

  /* Parameters: id, label, unit ("" for a plain number), default, minimum, maximum (all in
   * that unit), description. Users set them with `mlsysim solve --param ID=VALUE`, in plans,
   * or in the Studio app's form for this solver. */
  for (guint i = 0; i < N_PARAMETERS; i++)
    mls_solver_info_add_parameter (info, parameter_defs[i].id, _(parameter_defs[i].label), "",
                                   parameter_defs[i].default_value, parameter_defs[i].minimum,
                                   parameter_defs[i].maximum, _(parameter_defs[i].description));

  /* Metrics: id, label, the unit they are shown in ("" for a plain number, "text" for
   * words), description. The engine rejects a value whose dimension differs from it. */
  mls_solver_info_add_metric (info, METRIC_SPEEDUP, _("Speed-up"), "",
                              _("S = 1 / ((1 − p) + p / N)"));
  mls_solver_info_add_metric (info, METRIC_EFFICIENCY, _("Parallel efficiency"), "",
                              _("Speed-up per worker, S / N"));
  mls_solver_info_add_metric (info, METRIC_LATENCY, _("Step time"), "ms",
                              _("The roofline step time divided by the speed-up"));
  return info;
}

/* prepare(): read registry constants once, before any solve, and keep them in the instance.
 * Amdahl's law has no empirical constant; a solver that has one reads it like this:
 *
 *   MlsQuantity tax;
 *   if (!mls_registry_get_constant (registry, "layer_tax", &tax, error) ||
 *       !mls_quantity_check_dimension (&tax, "s", "layer_tax", error))
 *     return FALSE;
 *   self->layer_tax = tax;
 *
 * and a third party ships its own constants, with provenance, in a YAML file under
 * ~/.local/share/mlsysim/registry or $MLSYSIM_REGISTRY_PATH (see registry/README.md). */
static gboolean
my_amdahl_solver_prepare (MlsSolver   *solver,
                          MlsRegistry *registry,
                          GError     **error)
{
  return TRUE;
}

/* A parameter from the scenario, or its declared default when the user did not set it. */
static gboolean
get_number_parameter (MlsScenario        *scenario,
                      const ParameterDef *def,
                      double             *out,
                      GError            **error)
{
  MlsQuantity q;

  if (!mls_scenario_get_parameter (scenario, def->id, &q))
    {
      *out = def->default_value;
      return TRUE;
    }
  /* Bad input is an error naming the field and saying what would be right. */
  if (!mls_quantity_is_dimensionless (&q))
    {
      g_autofree char *got = mls_quantity_describe_dimension (&q);

      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                   _("%s is a plain number; got %s"), def->id, got);
      return FALSE;
    }
  if (!(q.value >= def->minimum && q.value <= def->maximum))
    {
      if (def->maximum >= G_MAXUINT)
        g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                     _("%s must be at least %g; got %g"), def->id, def->minimum, q.value);
      else
        g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT,
                     _("%s must be between %g and %g; got %g"), def->id, def->minimum,
                     def->maximum, q.value);
      return FALSE;
    }
  *out = q.value;
  return TRUE;
}

/* solve(): read the scenario and the ledger, write metrics, a status and (only when asked)
 * explanations. Touch nothing else: sweeps run many solves of one instance in parallel. */
static gboolean
my_amdahl_solver_solve (MlsSolver   *solver,
                        MlsScenario *scenario,
                        MlsLedger   *ledger,
                        GError     **error)
{
  MyAmdahlSolver *self = MY_AMDAHL_SOLVER (solver);
  MlsQuantity step, faster, speedup_q, efficiency_q;
  double fraction, workers, speedup;

  if (!get_number_parameter (scenario, &parameter_defs[P_PARALLEL_FRACTION], &fraction, error) ||
      !get_number_parameter (scenario, &parameter_defs[P_WORKERS], &workers, error))
    return FALSE;

  /* The roofline solver ran first; if it failed, say so rather than invent a step time. */
  if (!mls_ledger_get_quark (ledger, self->q_roofline_latency, &step))
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_FAILED,
                   _("%s needs %s: the roofline solver did not produce it"), SOLVER_ID,
                   REQUIRED_LATENCY);
      return FALSE;
    }

  /* One home per equation: the formula library has Amdahl's law (and cites it). */
  if (!mls_calc_amdahls_speedup (fraction, workers, &speedup, error))
    return FALSE;

  speedup_q = mls_quantity_scalar (speedup);
  efficiency_q = mls_quantity_scalar (speedup / workers);
  mls_quantity_scale (&step, 1 / speedup, &faster);

  /* Quantities are in base units (seconds here) with their dimensions; the engine checks
   * them against the declared units and shows them in those. */
  mls_ledger_set_quark (ledger, self->q_speedup, &speedup_q);
  mls_ledger_set_quark (ledger, self->q_efficiency, &efficiency_q);
  mls_ledger_set_quark (ledger, self->q_latency, &faster);
  mls_ledger_set_status (ledger, SOLVER_ID, MLS_SOLVE_OK, self->status_ok);

  /* Explanations allocate: write them only when the ledger asks (not during sweeps). */
  if (mls_ledger_get_explain (ledger))
    mls_ledger_explain (ledger, SOLVER_ID,
                        _("%g of the step on %g workers: %.4g× faster, %.3g of ideal"),
                        fraction, workers, speedup, speedup / workers);
  return TRUE;
}

static void
solver_iface_init (MlsSolverInterface *iface)
{
  iface->describe = my_amdahl_solver_describe;
  iface->prepare = my_amdahl_solver_prepare;
  iface->solve = my_amdahl_solver_solve;
}

static void
my_amdahl_solver_class_init (MyAmdahlSolverClass *klass)
{
}

static void
my_amdahl_solver_class_finalize (MyAmdahlSolverClass *klass)
{
}

static void
my_amdahl_solver_init (MyAmdahlSolver *self)
{
  /* Interned once, so a solve looks nothing up by string. g_quark_from_string() copies the
   * text into GLib's tables: the quarks outlive this module should libpeas unload it. */
  self->q_speedup = g_quark_from_string (METRIC_SPEEDUP);
  self->q_efficiency = g_quark_from_string (METRIC_EFFICIENCY);
  self->q_latency = g_quark_from_string (METRIC_LATENCY);
  self->q_roofline_latency = g_quark_from_string (REQUIRED_LATENCY);
  self->status_ok = g_intern_string (_("Sped up"));
}

/* The module's entry point: libpeas calls it when it loads the plugin. */
G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  /* The plugin's strings are in its own gettext domain (GETTEXT_PACKAGE, see meson.build). */
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  my_amdahl_solver_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MLS_TYPE_SOLVER, MY_TYPE_AMDAHL_SOLVER);
}
