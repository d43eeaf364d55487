/* fuzz-plan.c — libFuzzer target for the plan loader (`mlsys.yaml`)
 *
 * Loads arbitrary bytes as a plan against the built-in registry, and writes back whatever
 * loads. A crash, a sanitizer report or a leak is a bug: bad input must come back as a GError
 * naming file:line.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <mlsysim.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static MlsRegistry *registry;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("MLSYSIM_NO_USER_DIRS", "1", TRUE);
  registry = mls_registry_get_default (&error);
  if (registry == NULL)
    {
      g_printerr ("fuzz-plan: the built-in registry failed to load: %s\n", error->message);
      abort ();
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) scenario =
    mls_plan_load_data ((const char *) data, size, "fuzz.yaml", registry, &error);

  if (scenario != NULL)
    {
      g_autoptr(GError) save_error = NULL;
      g_autofree char *again = mls_plan_to_data (scenario, registry, &save_error);

      /* what loads either writes back as a plan, or says why it cannot */
      g_assert ((again == NULL) == (save_error != NULL));
    }
  else
    g_assert (error != NULL);
  return 0;
}
