/* mls-diffusion-workload.c — a diffusion model, run for several denoising steps
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "mlsysim.h"
#include "mls-entry-private.h"
#include "mls-workload-private.h"

/**
 * MlsDiffusionWorkload:
 *
 * A diffusion model (Stable Diffusion): `inference_flops` is one denoising step, and one
 * image takes `denoising_steps` of them, so lowering multiplies: operations =
 * (`inference_flops` or 2 × P) × steps (inventory §3, DiffusionWorkload).
 */

struct _MlsDiffusionWorkload
{
  MlsWorkload parent_instance;
  guint       steps;
};

G_DEFINE_FINAL_TYPE (MlsDiffusionWorkload, mls_diffusion_workload, MLS_TYPE_WORKLOAD)

static gboolean
mls_diffusion_workload_finish (MlsEntry *entry,
                               GError  **error)
{
  if (!MLS_ENTRY_CLASS (mls_diffusion_workload_parent_class)->finish (entry, error))
    return FALSE;
  if (!mls_workload_require (MLS_WORKLOAD (entry), "parameters", error) ||
      !mls_workload_require (MLS_WORKLOAD (entry), "denoising_steps", error))
    return FALSE;
  MLS_DIFFUSION_WORKLOAD (entry)->steps = mls_entry_get_uint (entry, "denoising_steps");
  return TRUE;
}

static gboolean
mls_diffusion_workload_lower (MlsWorkload         *workload,
                              double               bytes_per_element,
                              MlsComputationGraph *out,
                              GError             **error)
{
  MlsDiffusionWorkload *self = MLS_DIFFUSION_WORKLOAD (workload);
  const MlsQuantity *ops = mls_workload_get_inference_ops (workload);
  double per_step = ops->value > 0 ? ops->value
                                   : 2.0 * mls_workload_get_parameter_count (workload);

  if (!mls_workload_lower_default (workload, bytes_per_element, per_step * self->steps, out,
                                   error))
    return FALSE;
  out->layers = 0; /* the reference leaves layers unset for diffusion */
  return TRUE;
}

static void
mls_diffusion_workload_class_init (MlsDiffusionWorkloadClass *klass)
{
  MLS_ENTRY_CLASS (klass)->finish = mls_diffusion_workload_finish;
  MLS_WORKLOAD_CLASS (klass)->kind = MLS_WORKLOAD_DIFFUSION;
  MLS_WORKLOAD_CLASS (klass)->lower_bytes = mls_diffusion_workload_lower;
}

static void
mls_diffusion_workload_init (MlsDiffusionWorkload *self)
{
}

/**
 * mls_diffusion_workload_get_denoising_steps:
 * @self: a #MlsDiffusionWorkload
 *
 * Returns: the denoising steps per generated image
 */
guint
mls_diffusion_workload_get_denoising_steps (MlsDiffusionWorkload *self)
{
  g_return_val_if_fail (MLS_IS_DIFFUSION_WORKLOAD (self), 0);
  return self->steps;
}
