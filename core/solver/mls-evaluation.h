/* mls-evaluation.h — the three-level scorecard: will it run, is it fast enough, is it worth it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <glib-object.h>

#include "mls-engine.h"
#include "mls-ledger.h"
#include "mls-scenario.h"

G_BEGIN_DECLS

/**
 * MlsVerdict:
 * @MLS_VERDICT_PASS: the level's checks hold
 * @MLS_VERDICT_FAIL: a check fails (out of memory, latency over the target)
 * @MLS_VERDICT_WARNING: it holds, with a caveat worth reading (a power budget exceeded)
 * @MLS_VERDICT_SKIPPED: the scenario gives nothing to check at this level
 *
 * The verdict of one level of an evaluation.
 */
typedef enum
{
  MLS_VERDICT_PASS,
  MLS_VERDICT_FAIL,
  MLS_VERDICT_WARNING,
  MLS_VERDICT_SKIPPED,
} MlsVerdict;

/**
 * MlsLevel:
 * @MLS_LEVEL_FEASIBILITY: level 1, "Will it run?" (memory)
 * @MLS_LEVEL_PERFORMANCE: level 2, "Is it fast enough?" (latency, throughput, MFU)
 * @MLS_LEVEL_MACRO: level 3, "Is it worth it?" (cost, energy, carbon over time)
 *
 * The three levels of the scorecard, in order.
 */
typedef enum
{
  MLS_LEVEL_FEASIBILITY,
  MLS_LEVEL_PERFORMANCE,
  MLS_LEVEL_MACRO,
} MlsLevel;

/**
 * MLS_N_LEVELS:
 *
 * The number of levels of an evaluation. (Not a member of #MlsLevel, so that introspection
 * names the members Level.FEASIBILITY, not Level.LEVEL_FEASIBILITY.)
 */
#define MLS_N_LEVELS 3

#define MLS_TYPE_EVALUATION (mls_evaluation_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsEvaluation, mls_evaluation, MLS, EVALUATION, GObject)

MLS_AVAILABLE_IN_ALL
const char    *mls_verdict_to_string             (MlsVerdict      verdict);
MLS_AVAILABLE_IN_ALL
const char    *mls_level_to_string               (MlsLevel        level);

MLS_AVAILABLE_IN_ALL
MlsEvaluation *mls_evaluation_compute            (MlsEngine      *engine,
                                                  MlsScenario    *scenario,
                                                  GError        **error);
MLS_AVAILABLE_IN_ALL
MlsEvaluation *mls_evaluation_new                (const char     *scenario_name);

MLS_AVAILABLE_IN_ALL
const char    *mls_evaluation_get_scenario_name  (MlsEvaluation  *self);
MLS_AVAILABLE_IN_ALL
MlsLedger     *mls_evaluation_get_ledger         (MlsEvaluation  *self);

MLS_AVAILABLE_IN_ALL
MlsVerdict     mls_evaluation_get_verdict        (MlsEvaluation  *self,
                                                  MlsLevel        level);
MLS_AVAILABLE_IN_ALL
const char    *mls_evaluation_get_level_name     (MlsEvaluation  *self,
                                                  MlsLevel        level);
MLS_AVAILABLE_IN_ALL
const char    *mls_evaluation_get_summary        (MlsEvaluation  *self,
                                                  MlsLevel        level);
MLS_AVAILABLE_IN_ALL
void           mls_evaluation_set_level          (MlsEvaluation  *self,
                                                  MlsLevel        level,
                                                  const char     *name,
                                                  MlsVerdict      verdict,
                                                  const char     *summary);
MLS_AVAILABLE_IN_ALL
void           mls_evaluation_add_metric         (MlsEvaluation  *self,
                                                  MlsLevel        level,
                                                  const char     *key,
                                                  double          value,
                                                  const char     *unit);
MLS_AVAILABLE_IN_ALL
void           mls_evaluation_add_text_metric    (MlsEvaluation  *self,
                                                  MlsLevel        level,
                                                  const char     *key,
                                                  const char     *text);
MLS_AVAILABLE_IN_ALL
char         **mls_evaluation_list_metrics       (MlsEvaluation  *self,
                                                  MlsLevel        level);
MLS_AVAILABLE_IN_ALL
gboolean       mls_evaluation_get_metric         (MlsEvaluation  *self,
                                                  MlsLevel        level,
                                                  const char     *key,
                                                  double         *out);
MLS_AVAILABLE_IN_ALL
const char    *mls_evaluation_get_metric_text    (MlsEvaluation  *self,
                                                  MlsLevel        level,
                                                  const char     *key);
MLS_AVAILABLE_IN_ALL
const char    *mls_evaluation_get_metric_unit    (MlsEvaluation  *self,
                                                  MlsLevel        level,
                                                  const char     *key);
MLS_AVAILABLE_IN_ALL
gboolean       mls_evaluation_lookup             (MlsEvaluation  *self,
                                                  const char     *name,
                                                  double         *out);
MLS_AVAILABLE_IN_ALL
gboolean       mls_evaluation_passed_all         (MlsEvaluation  *self);

MLS_AVAILABLE_IN_ALL
guint          mls_evaluation_check_assertions   (MlsEvaluation  *self,
                                                  MlsScenario    *scenario);
MLS_AVAILABLE_IN_ALL
const char * const *mls_evaluation_get_violations (MlsEvaluation *self);

MLS_AVAILABLE_IN_ALL
char          *mls_evaluation_to_json            (MlsEvaluation  *self);
MLS_AVAILABLE_IN_ALL
char          *mls_evaluation_to_scorecard       (MlsEvaluation  *self);
MLS_AVAILABLE_IN_ALL
char          *mls_evaluation_to_markdown        (MlsEvaluation  *self);
MLS_AVAILABLE_IN_ALL
char          *mls_evaluation_to_html            (MlsEvaluation  *self);

G_END_DECLS
