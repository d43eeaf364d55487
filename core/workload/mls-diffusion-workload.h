/* mls-diffusion-workload.h — a diffusion model, run for several denoising steps
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-workload.h"

G_BEGIN_DECLS

#define MLS_TYPE_DIFFUSION_WORKLOAD (mls_diffusion_workload_get_type ())

MLS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MlsDiffusionWorkload, mls_diffusion_workload, MLS, DIFFUSION_WORKLOAD, MlsWorkload)

MLS_AVAILABLE_IN_ALL
guint mls_diffusion_workload_get_denoising_steps (MlsDiffusionWorkload *self);

G_END_DECLS
