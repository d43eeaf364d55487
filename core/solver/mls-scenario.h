/* mls-scenario.h — what is being asked: a workload on a system, with its knobs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <glib-object.h>

#include "mls-fleet.h"
#include "mls-grid-profile.h"
#include "mls-hardware-node.h"
#include "mls-workload.h"

G_BEGIN_DECLS

/**
 * MlsKnob:
 * @MLS_KNOB_BATCH_SIZE: samples (or sequences) per step
 * @MLS_KNOB_SEQ_LEN: sequence length in tokens
 * @MLS_KNOB_EFFICIENCY: η, the fraction of peak compute achieved (0 < η ≤ 1)
 * @MLS_KNOB_TP: tensor-parallel degree
 * @MLS_KNOB_PP: pipeline-parallel degree
 * @MLS_KNOB_EP: expert-parallel degree
 * @MLS_KNOB_MICROBATCHES: pipeline microbatches
 * @MLS_KNOB_V_STAGES: virtual pipeline stages per device
 * @MLS_KNOB_ZERO_STAGE: ZeRO stage, 0–3
 * @MLS_KNOB_DURATION_DAYS: how long the system runs, in days
 * @MLS_N_KNOBS: the number of knobs
 *
 * The numeric knobs every solver may read. Sweeps vary them by index, without allocation.
 */
typedef enum
{
  MLS_KNOB_BATCH_SIZE,
  MLS_KNOB_SEQ_LEN,
  MLS_KNOB_EFFICIENCY,
  MLS_KNOB_TP,
  MLS_KNOB_PP,
  MLS_KNOB_EP,
  MLS_KNOB_MICROBATCHES,
  MLS_KNOB_V_STAGES,
  MLS_KNOB_ZERO_STAGE,
  MLS_KNOB_DURATION_DAYS,
  MLS_N_KNOBS
} MlsKnob;

#define MLS_TYPE_SCENARIO (mls_scenario_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsScenario, mls_scenario, MLS, SCENARIO, GObject)

MLS_AVAILABLE_IN_ALL
MlsScenario     *mls_scenario_new              (const char      *name);
MLS_AVAILABLE_IN_ALL
MlsScenario     *mls_scenario_copy             (MlsScenario     *self);

MLS_AVAILABLE_IN_ALL
const char      *mls_scenario_get_name         (MlsScenario     *self);
MLS_AVAILABLE_IN_ALL
void             mls_scenario_set_name         (MlsScenario     *self,
                                                const char      *name);

MLS_AVAILABLE_IN_ALL
MlsWorkload     *mls_scenario_get_workload     (MlsScenario     *self);
MLS_AVAILABLE_IN_ALL
void             mls_scenario_set_workload     (MlsScenario     *self,
                                                MlsWorkload     *workload);
MLS_AVAILABLE_IN_ALL
MlsHardwareNode *mls_scenario_get_hardware     (MlsScenario     *self);
MLS_AVAILABLE_IN_ALL
void             mls_scenario_set_hardware     (MlsScenario     *self,
                                                MlsHardwareNode *hardware);
MLS_AVAILABLE_IN_ALL
MlsFleet        *mls_scenario_get_fleet        (MlsScenario     *self);
MLS_AVAILABLE_IN_ALL
void             mls_scenario_set_fleet        (MlsScenario     *self,
                                                MlsFleet        *fleet);
MLS_AVAILABLE_IN_ALL
MlsGridProfile  *mls_scenario_get_grid         (MlsScenario     *self);
MLS_AVAILABLE_IN_ALL
void             mls_scenario_set_grid         (MlsScenario     *self,
                                                MlsGridProfile  *grid);

MLS_AVAILABLE_IN_ALL
MlsPrecision     mls_scenario_get_precision    (MlsScenario     *self);
MLS_AVAILABLE_IN_ALL
void             mls_scenario_set_precision    (MlsScenario     *self,
                                                MlsPrecision     precision);
MLS_AVAILABLE_IN_ALL
gboolean         mls_scenario_get_training     (MlsScenario     *self);
MLS_AVAILABLE_IN_ALL
void             mls_scenario_set_training     (MlsScenario     *self,
                                                gboolean         training);
MLS_AVAILABLE_IN_ALL
gboolean         mls_scenario_get_activation_recompute (MlsScenario *self);
MLS_AVAILABLE_IN_ALL
void             mls_scenario_set_activation_recompute (MlsScenario *self,
                                                gboolean         recompute);

MLS_AVAILABLE_IN_ALL
double           mls_scenario_get_knob         (MlsScenario     *self,
                                                MlsKnob          knob);
MLS_AVAILABLE_IN_ALL
gboolean         mls_scenario_set_knob         (MlsScenario     *self,
                                                MlsKnob          knob,
                                                double           value,
                                                GError         **error);
MLS_AVAILABLE_IN_ALL
const char      *mls_knob_to_string            (MlsKnob          knob);
MLS_AVAILABLE_IN_ALL
gboolean         mls_knob_from_string          (const char      *text,
                                                MlsKnob         *out);
MLS_AVAILABLE_IN_ALL
guint            mls_scenario_get_batch_size   (MlsScenario     *self);
MLS_AVAILABLE_IN_ALL
guint            mls_scenario_get_seq_len      (MlsScenario     *self);
MLS_AVAILABLE_IN_ALL
double           mls_scenario_get_efficiency   (MlsScenario     *self);

/* Solver-specific parameters (see MlsSolverInfo): by id, in base units. */
MLS_AVAILABLE_IN_ALL
void             mls_scenario_set_parameter    (MlsScenario       *self,
                                                const char        *id,
                                                const MlsQuantity *value);
MLS_AVAILABLE_IN_ALL
gboolean         mls_scenario_get_parameter    (MlsScenario       *self,
                                                const char        *id,
                                                MlsQuantity       *out);
MLS_AVAILABLE_IN_ALL
void             mls_scenario_unset_parameter  (MlsScenario       *self,
                                                const char        *id);
MLS_AVAILABLE_IN_ALL
char           **mls_scenario_list_parameters  (MlsScenario       *self);
MLS_AVAILABLE_IN_ALL
gboolean         mls_scenario_update_parameter (MlsScenario       *self,
                                                const char        *id,
                                                const MlsQuantity *value);
MLS_AVAILABLE_IN_ALL
void             mls_scenario_set_text_list    (MlsScenario        *self,
                                                const char         *id,
                                                const char * const *values);
MLS_AVAILABLE_IN_ALL
const char * const *mls_scenario_get_text_list (MlsScenario       *self,
                                                const char        *id);

/* Goals and operations: what a plan or a lighthouse scenario asks beyond the knobs. */
MLS_AVAILABLE_IN_ALL
gboolean         mls_scenario_get_operations   (MlsScenario       *self);
MLS_AVAILABLE_IN_ALL
void             mls_scenario_set_operations   (MlsScenario       *self,
                                                gboolean           operations);
MLS_AVAILABLE_IN_ALL
gboolean         mls_scenario_get_sla_latency  (MlsScenario       *self,
                                                MlsQuantity       *out);
MLS_AVAILABLE_IN_ALL
void             mls_scenario_set_sla_latency  (MlsScenario       *self,
                                                const MlsQuantity *latency);
MLS_AVAILABLE_IN_ALL
gboolean         mls_scenario_get_power_budget (MlsScenario       *self,
                                                MlsQuantity       *out);
MLS_AVAILABLE_IN_ALL
void             mls_scenario_set_power_budget (MlsScenario       *self,
                                                const MlsQuantity *power);
MLS_AVAILABLE_IN_ALL
void             mls_scenario_add_assertion    (MlsScenario       *self,
                                                const char        *metric,
                                                double             minimum,
                                                double             maximum);
MLS_AVAILABLE_IN_ALL
guint            mls_scenario_get_n_assertions (MlsScenario       *self);
MLS_AVAILABLE_IN_ALL
const char      *mls_scenario_get_assertion    (MlsScenario       *self,
                                                guint              index,
                                                double            *minimum,
                                                double            *maximum);
MLS_AVAILABLE_IN_ALL
void             mls_scenario_clear_assertions (MlsScenario       *self);

G_END_DECLS
