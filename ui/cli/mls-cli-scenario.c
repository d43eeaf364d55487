/* mls-cli-scenario.c — scenarios from the command line: names, knobs, solver parameters
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mls-cli.h"
#include "mls-json-private.h"

void
mls_cli_knobs_init (MlsCliKnobs *knobs)
{
  memset (knobs, 0, sizeof *knobs);
}

void
mls_cli_knobs_clear (MlsCliKnobs *knobs)
{
  g_clear_pointer (&knobs->batch_size, g_free);
  g_clear_pointer (&knobs->seq_len, g_free);
  g_clear_pointer (&knobs->precision, g_free);
  g_clear_pointer (&knobs->efficiency, g_free);
  g_clear_pointer (&knobs->region, g_free);
  g_clear_pointer (&knobs->duration_days, g_free);
}

/* Numbers are read as strings, so that a bad one gets a message naming it (GOption's own
 * says only "cannot parse"). */
GOptionEntry *
mls_cli_knob_entries (MlsCliKnobs *knobs,
                      gboolean     operations)
{
  GOptionEntry entries[] = {
    { "batch-size", 'b', 0, G_OPTION_ARG_STRING, &knobs->batch_size,
      N_("Batch size (default 1)"), N_("N") },
    { "seq-len", 's', 0, G_OPTION_ARG_STRING, &knobs->seq_len,
      N_("Sequence length in tokens (default 2048)"), N_("N") },
    { "precision", 'p', 0, G_OPTION_ARG_STRING, &knobs->precision,
      N_("Numeric precision: fp32, tf32, fp16, bf16, fp8, int8, int4, fp4 (default fp16)"),
      N_("PREC") },
    { "efficiency", 'e', 0, G_OPTION_ARG_STRING, &knobs->efficiency,
      N_("Efficiency η, achieved over peak compute, 0 < η ≤ 1 (default 0.5)"), N_("ETA") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &knobs->region,
      N_("Grid region for energy, cost and carbon (adds the macro level)"), N_("REGION") },
    { "days", 0, 0, G_OPTION_ARG_STRING, &knobs->duration_days,
      N_("Days of operation for energy, cost and carbon (adds the macro level)"), N_("DAYS") },
    { NULL },
  };
  guint n = operations ? G_N_ELEMENTS (entries) : 4;
  GOptionEntry *copy = g_new0 (GOptionEntry, n + 1);

  memcpy (copy, entries, (operations ? n - 1 : n) * sizeof (GOptionEntry));
  return copy;
}

static gboolean
parse_whole (const char *option,
             const char *text,
             guint      *out,
             GError    **error)
{
  guint64 v;
  g_autoptr(GError) local = NULL;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT32, &v, &local))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s must be a whole number of at least 1; got “%s”"), option, text);
      return FALSE;
    }
  *out = (guint) v;
  return TRUE;
}

static gboolean
parse_number (const char *option,
              const char *text,
              double     *out,
              GError    **error)
{
  char *end = NULL;
  double v = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !isfinite (v))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s must be a number; got “%s”"), option, text);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

gboolean
mls_cli_apply_knobs (MlsCliKnobs *knobs,
                     MlsScenario *scenario,
                     MlsRegistry *registry,
                     GError     **error)
{
  guint n;
  double v;

  if (knobs->batch_size != NULL)
    {
      if (!parse_whole ("--batch-size", knobs->batch_size, &n, error) ||
          !mls_scenario_set_knob (scenario, MLS_KNOB_BATCH_SIZE, n, error))
        return FALSE;
    }
  if (knobs->seq_len != NULL)
    {
      if (!parse_whole ("--seq-len", knobs->seq_len, &n, error) ||
          !mls_scenario_set_knob (scenario, MLS_KNOB_SEQ_LEN, n, error))
        return FALSE;
    }
  if (knobs->precision != NULL)
    {
      MlsPrecision precision;

      if (!mls_precision_from_string (knobs->precision, &precision, error))
        return FALSE;
      mls_scenario_set_precision (scenario, precision);
    }
  if (knobs->efficiency != NULL)
    {
      if (!parse_number ("--efficiency", knobs->efficiency, &v, error) ||
          !mls_scenario_set_knob (scenario, MLS_KNOB_EFFICIENCY, v, error))
        return FALSE;
    }
  if (knobs->region != NULL)
    {
      MlsEntry *grid = mls_registry_lookup (registry, "grids", knobs->region, error);

      if (grid == NULL)
        return FALSE;
      mls_scenario_set_grid (scenario, MLS_GRID_PROFILE (grid));
      if (!mls_scenario_get_operations (scenario))
        {
          MlsQuantity d;
          double days;

          /* A region asks for the macro level, over the plans' default period. */
          if (!mls_registry_get_constant (registry, "default_duration", &d, error) ||
              !mls_quantity_convert (&d, "d", &days, error) ||
              !mls_scenario_set_knob (scenario, MLS_KNOB_DURATION_DAYS, days, error))
            return FALSE;
          mls_scenario_set_operations (scenario, TRUE);
        }
    }
  if (knobs->duration_days != NULL)
    {
      if (!parse_number ("--days", knobs->duration_days, &v, error) ||
          !mls_scenario_set_knob (scenario, MLS_KNOB_DURATION_DAYS, v, error))
        return FALSE;
      mls_scenario_set_operations (scenario, TRUE);
    }
  return TRUE;
}

MlsScenario *
mls_cli_quick_scenario (MlsRegistry *registry,
                        const char  *model,
                        const char  *hardware,
                        GError     **error)
{
  g_autoptr(MlsScenario) scenario = NULL;
  g_autofree char *name = NULL;
  MlsEntry *workload, *device;

  workload = mls_registry_lookup (registry, "models", model, error);
  if (workload == NULL)
    return NULL;
  device = mls_registry_lookup (registry, "hardware", hardware, error);
  if (device == NULL)
    return NULL;
  name = g_strdup_printf (_("%s on %s"), mls_entry_get_key (workload),
                          mls_entry_get_key (device));
  scenario = mls_plan_new_scenario (name, registry, error);
  if (scenario == NULL)
    return NULL;
  mls_scenario_set_workload (scenario, MLS_WORKLOAD (workload));
  mls_scenario_set_hardware (scenario, MLS_HARDWARE_NODE (device));
  return g_steal_pointer (&scenario);
}

void
mls_cli_warn_efficiency (MlsCli      *cli,
                         MlsRegistry *registry,
                         MlsScenario *scenario)
{
  MlsQuantity threshold;
  double eta = mls_scenario_get_efficiency (scenario);

  if (!mls_registry_get_constant (registry, "efficiency_warn_threshold", &threshold, NULL))
    return;
  if (eta > threshold.value)
    mls_cli_warn (cli, _("Efficiency %.0f%% is extremely high for realistic workloads (above "
                         "%.0f%%; most reach 25–55%%). Make sure it matches measured traces "
                         "(see “mlsysim help efficiency”)."),
                  eta * 100, threshold.value * 100);
}

MlsRegistry *
mls_cli_registry (MlsCli *cli,
                  int    *status)
{
  g_autoptr(GError) error = NULL;
  MlsRegistry *registry = mls_registry_get_default (&error);

  if (registry == NULL)
    *status = mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Registry Error"), error);
  return registry;
}

/* A parameter of any solver, by full id ("serving.prefill_chunk_tokens") or, for the solvers
 * in @solver_ids, by its short name ("prefill_chunk_tokens"). */
static const MlsParameterSpec *
find_parameter (MlsEngine          *engine,
                const char * const *solver_ids,
                const char         *name,
                GString            *valid)
{
  const MlsParameterSpec *found = NULL;

  for (guint i = 0; solver_ids[i] != NULL; i++)
    {
      MlsSolverInfo *info = mls_engine_get_info (engine, solver_ids[i]);

      for (guint j = 0; info != NULL && j < mls_solver_info_get_n_parameters (info); j++)
        {
          const MlsParameterSpec *spec = mls_solver_info_get_parameter (info, j);
          const char *dot = strrchr (spec->id, '.');

          if (found == NULL && (g_ascii_strcasecmp (spec->id, name) == 0 ||
                                (dot && g_ascii_strcasecmp (dot + 1, name) == 0)))
            found = spec;
          if (valid != NULL)
            g_string_append_printf (valid, "%s%s", valid->len ? ", " : "", spec->id);
        }
    }
  if (found == NULL && strchr (name, '.') != NULL)
    {
      g_autofree char *solver = g_strndup (name, strchr (name, '.') - name);
      MlsSolverInfo *info = mls_engine_get_info (engine, solver);

      if (info != NULL)
        for (guint j = 0; j < mls_solver_info_get_n_parameters (info); j++)
          if (g_ascii_strcasecmp (mls_solver_info_get_parameter (info, j)->id, name) == 0)
            found = mls_solver_info_get_parameter (info, j);
    }
  return found;
}

gboolean
mls_cli_set_parameter (MlsEngine          *engine,
                       const char * const *solver_ids,
                       MlsScenario        *scenario,
                       const char         *name,
                       const char         *text,
                       const MlsQuantity  *given,
                       GError            **error)
{
  g_autoptr(GString) valid = g_string_new (NULL);
  const MlsParameterSpec *spec = find_parameter (engine, solver_ids, name, valid);
  gboolean dimensionless;
  MlsQuantity q;
  double v;

  if (spec == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown parameter “%s”. Valid parameters: %s"), name,
                   valid->len ? valid->str : _("(none)"));
      return FALSE;
    }
  if (given != NULL)
    q = *given;
  else if (!mls_quantity_evaluate (text, &q, error))
    {
      g_prefix_error (error, "%s: ", spec->id);
      return FALSE;
    }

  dimensionless = spec->unit == NULL || *spec->unit == '\0';
  if (!dimensionless)
    {
      MlsQuantity unit;

      /* A count such as "token" is dimensionless: a bare number is then fine. */
      if (!mls_quantity_from_unit (1, spec->unit, &unit, error))
        return FALSE;
      dimensionless = mls_quantity_is_dimensionless (&unit);
      if (!dimensionless && !mls_quantity_check_dimension (&q, spec->unit, spec->id, error))
        return FALSE;
      if (!mls_quantity_convert (&q, spec->unit, &v, error))
        return FALSE;
    }
  else
    {
      if (!mls_quantity_is_dimensionless (&q))
        {
          g_autofree char *kind = mls_quantity_describe_dimension (&q);
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s is a plain number; got %s"), spec->id, kind);
          return FALSE;
        }
      v = q.value;
    }
  if (v < spec->minimum || v > spec->maximum || (spec->integer && v != floor (v)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   spec->integer ? _("%s must be a whole number between %g and %g%s%s; got %g")
                                 : _("%s must be between %g and %g%s%s; got %g"),
                   spec->id, spec->minimum, spec->maximum,
                   dimensionless ? "" : " ", dimensionless ? "" : spec->unit, v);
      return FALSE;
    }
  mls_scenario_set_parameter (scenario, spec->id, &q);
  return TRUE;
}

/* Plugins that failed to load, each reported on stderr once. Never NULL. */
const char * const *
mls_cli_load_errors (MlsCli    *cli,
                     MlsEngine *engine,
                     gboolean   warn)
{
  static const char * const none[] = { NULL };
  const char * const *errors = mls_engine_get_load_errors (engine);

  if (errors == NULL)
    return none;
  for (guint i = 0; warn && errors[i] != NULL; i++)
    mls_cli_warn (cli, "%s", errors[i]);
  return errors;
}

/* Like mls_cli_print_json(), with numbers as Python's json writes them ("16.06", not
 * "16.059999999999999"). */
void
mls_cli_print_json_short (JsonNode *node)
{
  g_autofree char *text = mls_json_write (node);

  g_print ("%s\n", text);
}
