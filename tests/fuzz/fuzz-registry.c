/* fuzz-registry.c — libFuzzer target for the registry's YAML loader
 *
 * Loads arbitrary bytes as one registry file into a fresh registry and links it, the way a
 * file in ~/.local/share/mlsysim/registry or $MLSYSIM_REGISTRY_PATH is read. A crash, a
 * sanitizer report or a leak is a bug: bad input must come back as a GError naming file:line.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stddef.h>
#include <stdint.h>

#include <mlsysim.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(MlsRegistry) registry = mls_registry_new ();
  g_autoptr(GError) error = NULL;

  if (mls_registry_load_data (registry, (const char *) data, size, "fuzz.yaml", &error))
    {
      if (mls_registry_link (registry, &error))
        {
          const char * const *categories = mls_registry_get_categories (registry);

          for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
            {
              g_auto(GStrv) keys = mls_registry_list_keys (registry, categories[i]);
              for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
                {
                  MlsEntry *entry = mls_registry_lookup (registry, categories[i], keys[k], NULL);

                  g_assert (MLS_IS_ENTRY (entry));
                }
            }
        }
    }
  else
    g_assert (error != NULL);
  return 0;
}
