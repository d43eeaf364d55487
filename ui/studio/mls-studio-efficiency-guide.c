/* mls-studio-efficiency-guide.c — the typical efficiency η for the scenario at hand
 *
 * The ranges are the registry's eta_* constants (the reference's efficiency guide, with their
 * provenance); this file only decides which row of the guide a scenario falls in.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mls-studio-efficiency-guide.h"

/* The guide's "batch ≥ 32" row for batched decode (seed notes, efficiency guide). It names a
 * situation, not a physical quantity, so it lives with the situations. */
#define DECODE_BATCHED_MIN_BATCH 32

typedef struct
{
  const char *low_key;
  const char *high_key;
} GuideRow;

static const GuideRow rows[] = {
  [MLS_STUDIO_ETA_TRAINING_LARGE] = { "eta_training_large_low", "eta_training_large_high" },
  [MLS_STUDIO_ETA_TRAINING_SMALL] = { "eta_training_small_low", "eta_training_small_high" },
  [MLS_STUDIO_ETA_DECODE_BATCH1] = { "eta_decode_batch1_low", "eta_decode_batch1_high" },
  /* Between batch 1 and batch 32 the guide gives no row: span the two neighbouring ones. */
  [MLS_STUDIO_ETA_DECODE_SMALL_BATCH] = { "eta_decode_batch1_low", "eta_decode_batched_high" },
  [MLS_STUDIO_ETA_DECODE_BATCHED] = { "eta_decode_batched_low", "eta_decode_batched_high" },
  /* Non-autoregressive inference is a forward pass of GEMMs and convolutions, as prefill. */
  [MLS_STUDIO_ETA_INFERENCE] = { "eta_prefill_low", "eta_prefill_high" },
  [MLS_STUDIO_ETA_TINYML] = { "eta_tinyml_low", "eta_tinyml_high" },
};

/**
 * mls_studio_efficiency_guide_classify:
 * @scenario: a scenario
 *
 * Returns: the row of the efficiency guide that describes @scenario
 */
MlsStudioEtaSituation
mls_studio_efficiency_guide_classify (MlsScenario *scenario)
{
  MlsHardwareNode *hardware = mls_scenario_get_hardware (scenario);
  MlsWorkload *workload = mls_scenario_get_workload (scenario);
  guint batch = mls_scenario_get_batch_size (scenario);

  if (hardware != NULL && mls_hardware_node_get_tier (hardware) == MLS_TIER_TINY)
    return MLS_STUDIO_ETA_TINYML;
  if (mls_scenario_get_training (scenario))
    {
      MlsWorkloadKind kind = workload ? mls_workload_get_kind (workload) : MLS_WORKLOAD_GENERIC;

      /* Megatron-class stacks exist for the large sequence models; everything else is
       * typically trained eagerly. */
      if (kind == MLS_WORKLOAD_TRANSFORMER || kind == MLS_WORKLOAD_MOE ||
          kind == MLS_WORKLOAD_SSM || kind == MLS_WORKLOAD_DIFFUSION)
        return MLS_STUDIO_ETA_TRAINING_LARGE;
      return MLS_STUDIO_ETA_TRAINING_SMALL;
    }
  if (workload != NULL && mls_workload_is_autoregressive (workload))
    {
      if (batch <= 1)
        return MLS_STUDIO_ETA_DECODE_BATCH1;
      if (batch < DECODE_BATCHED_MIN_BATCH)
        return MLS_STUDIO_ETA_DECODE_SMALL_BATCH;
      return MLS_STUDIO_ETA_DECODE_BATCHED;
    }
  return MLS_STUDIO_ETA_INFERENCE;
}

/**
 * mls_studio_efficiency_guide_lookup:
 * @registry: the registry with the guide's constants
 * @scenario: a scenario
 * @out: (out): the situation, its typical range, and how the scenario's η compares
 *
 * Returns: %FALSE when the registry lacks the guide
 */
gboolean
mls_studio_efficiency_guide_lookup (MlsRegistry      *registry,
                                    MlsScenario      *scenario,
                                    MlsStudioEtaHint *out)
{
  MlsQuantity low, high, warn;
  double eta = mls_scenario_get_efficiency (scenario);

  out->situation = mls_studio_efficiency_guide_classify (scenario);
  if (!mls_registry_get_constant (registry, rows[out->situation].low_key, &low, NULL) ||
      !mls_registry_get_constant (registry, rows[out->situation].high_key, &high, NULL))
    return FALSE;
  out->low = low.value;
  out->high = high.value;
  out->warn_threshold = mls_registry_get_constant (registry, "efficiency_warn_threshold", &warn,
                                                   NULL) ? warn.value : 1.0;
  out->too_high = eta > out->warn_threshold;
  /* Compare as shown, to two decimals, so 0.05 is inside 0.01–0.05. */
  out->outside = eta < out->low - 0.005 || eta > out->high + 0.005;
  return TRUE;
}

static const char *
situation_text (MlsStudioEtaSituation situation)
{
  switch (situation)
    {
    case MLS_STUDIO_ETA_TRAINING_LARGE:
      return _("Training a large model on a tuned stack");
    case MLS_STUDIO_ETA_TRAINING_SMALL:
      return _("Training a small model in an eager framework");
    case MLS_STUDIO_ETA_DECODE_BATCH1:
      return _("Decoding at batch 1 is memory-bound");
    case MLS_STUDIO_ETA_DECODE_SMALL_BATCH:
      return _("Decoding at a small batch");
    case MLS_STUDIO_ETA_DECODE_BATCHED:
      return _("Batched decoding amortises weight reads");
    case MLS_STUDIO_ETA_INFERENCE:
      return _("A compute-bound forward pass");
    case MLS_STUDIO_ETA_TINYML:
      return _("A TinyML interpreter on a microcontroller");
    default:
      return "";
    }
}

/**
 * mls_studio_efficiency_guide_describe:
 * @registry: the registry with the guide's constants
 * @scenario: a scenario
 *
 * Returns: (transfer full): one line for the composer, such as "Decoding at batch 1 is
 *   memory-bound: typical η 0.01–0.05."
 */
char *
mls_studio_efficiency_guide_describe (MlsRegistry *registry,
                                      MlsScenario *scenario)
{
  MlsStudioEtaHint hint;

  if (!mls_studio_efficiency_guide_lookup (registry, scenario, &hint))
    return g_strdup (_("Typical ML workloads reach η 0.25–0.55."));
  if (hint.too_high)
    /* TRANSLATORS: the first %s is a situation ("Training a large model on a tuned stack"),
     * then the low and high ends of the typical efficiency, then the warning threshold */
    return g_strdup_printf (_("%s: typical η %.2f–%.2f. Above %.2f the estimate is optimistic."),
                            situation_text (hint.situation), hint.low, hint.high,
                            hint.warn_threshold);
  return g_strdup_printf (_("%s: typical η %.2f–%.2f."), situation_text (hint.situation),
                          hint.low, hint.high);
}
