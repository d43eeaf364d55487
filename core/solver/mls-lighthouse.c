/* mls-lighthouse.c — the lighthouse scenarios and personas of the registry
 *
 * The reference's `Scenarios.*` (inventory §14): ten archetypes, each a workload on a device
 * or a fleet with the targets that define success, and the four personas (§15) whose scale
 * multiplies a decision. Both live in registry/scenarios/; this turns an entry into an
 * MlsScenario the engine evaluates.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mlsysim.h"

/**
 * mls_lighthouse_list_keys:
 * @registry: (nullable): a registry; %NULL for the default one
 *
 * Returns: (transfer full) (array zero-terminated=1): the keys of the lighthouse scenarios, in
 *   registry order ("SmartDoorbell", …)
 */
char **
mls_lighthouse_list_keys (MlsRegistry *registry)
{
  GStrvBuilder *b = g_strv_builder_new ();
  GListModel *model;
  char **keys;

  if (registry == NULL)
    registry = mls_registry_get_default (NULL);
  model = registry != NULL ? mls_registry_get_category (registry, "scenarios") : NULL;
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MlsEntry) entry = g_list_model_get_item (model, i);
      g_strv_builder_add (b, mls_entry_get_key (entry));
    }
  keys = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return keys;
}

/**
 * mls_lighthouse_lookup:
 * @registry: (nullable): a registry; %NULL for the default one
 * @key: a scenario key, in any case ("chatbotserving")
 * @error: return location for a #GError
 *
 * Returns: (transfer none) (nullable): the scenario's registry entry, or %NULL with an error
 *   suggesting near keys
 */
MlsEntry *
mls_lighthouse_lookup (MlsRegistry *registry,
                       const char  *key,
                       GError     **error)
{
  if (registry == NULL && (registry = mls_registry_get_default (error)) == NULL)
    return NULL;
  return mls_registry_lookup (registry, "scenarios", key, error);
}

static gboolean
set_knob_from (MlsScenario *scenario,
               MlsKnob      knob,
               MlsEntry    *entry,
               const char  *field,
               GError     **error)
{
  MlsQuantity q;

  if (!mls_entry_get_quantity (entry, field, &q, NULL))
    return TRUE; /* the registry default, set by mls_plan_new_scenario() */
  if (!mls_scenario_set_knob (scenario, knob, q.value, error))
    {
      g_prefix_error (error, _("Scenario “%s”, %s: "), mls_entry_get_key (entry), field);
      return FALSE;
    }
  return TRUE;
}

/**
 * mls_lighthouse_new_scenario:
 * @registry: (nullable): a registry; %NULL for the default one
 * @key: a scenario key, in any case
 * @error: return location for a #GError
 *
 * Builds the scenario a lighthouse entry describes: its workload on its device or fleet,
 * its latency target and power budget, training or inference, and any knobs it sets; the
 * others take the registry's defaults (default_batch_size, default_seq_len,
 * default_efficiency, fp16). Like the reference's `Scenario.evaluate`, which always reports
 * a year of operation, the scenario has operations over `duration` or the registry's
 * scenario_macro_duration, in its `region` or the default one.
 *
 * Returns: (transfer full) (nullable): the scenario, named as the entry ("Smart Doorbell")
 */
MlsScenario *
mls_lighthouse_new_scenario (MlsRegistry *registry,
                             const char  *key,
                             GError     **error)
{
  g_autoptr(MlsScenario) scenario = NULL;
  MlsEntry *entry, *workload, *hardware, *fleet, *region;
  const char *precision_text;
  MlsQuantity q, duration;
  double days;

  if (registry == NULL && (registry = mls_registry_get_default (error)) == NULL)
    return NULL;
  entry = mls_registry_lookup (registry, "scenarios", key, error);
  if (entry == NULL)
    return NULL;

  workload = mls_entry_get_reference (entry, "workload");
  hardware = mls_entry_get_reference (entry, "hardware");
  fleet = mls_entry_get_reference (entry, "fleet");
  if (!MLS_IS_WORKLOAD (workload) || (!MLS_IS_HARDWARE_NODE (hardware) && !MLS_IS_FLEET (fleet)))
    {
      g_set_error (error, MLS_REGISTRY_ERROR, MLS_REGISTRY_ERROR_REFERENCE,
                   _("Scenario “%s” needs a workload and a device or fleet"),
                   mls_entry_get_key (entry));
      return NULL;
    }

  scenario = mls_plan_new_scenario (mls_entry_get_name (entry), registry, error);
  if (scenario == NULL)
    return NULL;
  mls_scenario_set_workload (scenario, MLS_WORKLOAD (workload));
  if (MLS_IS_FLEET (fleet))
    mls_scenario_set_fleet (scenario, MLS_FLEET (fleet));
  else
    mls_scenario_set_hardware (scenario, MLS_HARDWARE_NODE (hardware));

  if (!set_knob_from (scenario, MLS_KNOB_BATCH_SIZE, entry, "batch_size", error) ||
      !set_knob_from (scenario, MLS_KNOB_SEQ_LEN, entry, "seq_len", error) ||
      !set_knob_from (scenario, MLS_KNOB_EFFICIENCY, entry, "efficiency", error))
    return NULL;

  precision_text = mls_entry_get_string (entry, "precision");
  if (precision_text != NULL)
    {
      MlsPrecision precision;

      if (!mls_precision_from_string (precision_text, &precision, error))
        {
          g_prefix_error (error, _("Scenario “%s”: "), mls_entry_get_key (entry));
          return NULL;
        }
      mls_scenario_set_precision (scenario, precision);
    }
  mls_scenario_set_training (scenario, mls_entry_get_boolean (entry, "training", FALSE));

  if (mls_entry_get_quantity (entry, "sla_latency", &q, NULL))
    mls_scenario_set_sla_latency (scenario, &q);
  if (mls_entry_get_quantity (entry, "power_budget", &q, NULL))
    mls_scenario_set_power_budget (scenario, &q);

  region = mls_entry_get_reference (entry, "region");
  if (MLS_IS_GRID_PROFILE (region))
    mls_scenario_set_grid (scenario, MLS_GRID_PROFILE (region));

  if (!mls_entry_get_quantity (entry, "duration", &duration, NULL) &&
      !mls_registry_get_constant (registry, "scenario_macro_duration", &duration, error))
    return NULL;
  if (!mls_quantity_convert (&duration, "d", &days, error) ||
      !mls_scenario_set_knob (scenario, MLS_KNOB_DURATION_DAYS, days, error))
    {
      g_prefix_error (error, _("Scenario “%s”, duration: "), mls_entry_get_key (entry));
      return NULL;
    }
  mls_scenario_set_operations (scenario, TRUE);
  return g_steal_pointer (&scenario);
}

/**
 * mls_lighthouse_get_persona:
 * @registry: (nullable): a registry; %NULL for the default one
 * @key: (nullable): a persona key, in any case ("cloud", "Edge")
 *
 * Finds a persona as the reference's `Personas.get`: ignoring case, and falling back to the
 * cloud persona (Cloud Titan) for an unknown or missing key.
 *
 * Returns: (transfer none) (nullable): the persona entry; %NULL only if the registry has no
 *   cloud persona either
 */
MlsEntry *
mls_lighthouse_get_persona (MlsRegistry *registry,
                            const char  *key)
{
  MlsEntry *persona = NULL;

  if (registry == NULL && (registry = mls_registry_get_default (NULL)) == NULL)
    return NULL;
  if (key != NULL)
    persona = mls_registry_lookup (registry, "personas", key, NULL);
  if (persona == NULL)
    persona = mls_registry_lookup (registry, "personas", "cloud", NULL);
  return persona;
}

/**
 * mls_lighthouse_get_scenario_persona:
 * @registry: (nullable): a registry; %NULL for the default one
 * @scenario_key: a lighthouse scenario key
 *
 * Returns: (transfer none) (nullable): the persona the scenario names, else the cloud persona
 */
MlsEntry *
mls_lighthouse_get_scenario_persona (MlsRegistry *registry,
                                     const char  *scenario_key)
{
  MlsEntry *entry, *persona;

  if (registry == NULL && (registry = mls_registry_get_default (NULL)) == NULL)
    return NULL;
  entry = mls_registry_lookup (registry, "scenarios", scenario_key, NULL);
  persona = entry != NULL ? mls_entry_get_reference (entry, "persona") : NULL;
  return persona != NULL ? persona : mls_lighthouse_get_persona (registry, NULL);
}
