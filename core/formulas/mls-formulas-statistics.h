/* mls-formulas-statistics.h — drift, experiment sizing and error propagation
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <glib-object.h>

#include "mls-version-macros.h"

G_BEGIN_DECLS

MLS_AVAILABLE_IN_ALL
gboolean mls_calc_population_stability_index  (const double *expected,
                                               const double *actual,
                                               guint         n_bins,
                                               double        epsilon,
                                               double       *out_psi,
                                               GError      **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_two_proportion_sample_size  (double        baseline_rate,
                                               double        min_detectable_effect,
                                               double        z_alpha,
                                               double        z_beta,
                                               double       *out_samples,
                                               GError      **error);
MLS_AVAILABLE_IN_ALL
gboolean mls_calc_constraint_propagation_factor (guint       from_stage,
                                                 guint       to_stage,
                                                 double      base,
                                                 double     *out_factor,
                                                 GError    **error);

G_END_DECLS
