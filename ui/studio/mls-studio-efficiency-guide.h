/* mls-studio-efficiency-guide.h — the typical efficiency η for the scenario at hand
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <mlsysim.h>

G_BEGIN_DECLS

/**
 * MlsStudioEtaSituation:
 *
 * The rows of the reference's efficiency guide.
 */
typedef enum
{
  MLS_STUDIO_ETA_TRAINING_LARGE,
  MLS_STUDIO_ETA_TRAINING_SMALL,
  MLS_STUDIO_ETA_DECODE_BATCH1,
  MLS_STUDIO_ETA_DECODE_SMALL_BATCH,
  MLS_STUDIO_ETA_DECODE_BATCHED,
  MLS_STUDIO_ETA_INFERENCE,
  MLS_STUDIO_ETA_TINYML,
} MlsStudioEtaSituation;

typedef struct
{
  MlsStudioEtaSituation situation;
  double                low;
  double                high;
  double                warn_threshold;
  gboolean              too_high;
  gboolean              outside;
} MlsStudioEtaHint;

MlsStudioEtaSituation mls_studio_efficiency_guide_classify (MlsScenario      *scenario);
gboolean              mls_studio_efficiency_guide_lookup   (MlsRegistry      *registry,
                                                            MlsScenario      *scenario,
                                                            MlsStudioEtaHint *out);
char                 *mls_studio_efficiency_guide_describe (MlsRegistry      *registry,
                                                            MlsScenario      *scenario);

G_END_DECLS
