/* mls-lighthouse.h — the lighthouse scenarios and personas of the registry
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include "mls-registry.h"
#include "mls-scenario.h"

G_BEGIN_DECLS

MLS_AVAILABLE_IN_ALL
char        **mls_lighthouse_list_keys     (MlsRegistry  *registry);
MLS_AVAILABLE_IN_ALL
MlsEntry     *mls_lighthouse_lookup        (MlsRegistry  *registry,
                                            const char   *key,
                                            GError      **error);
MLS_AVAILABLE_IN_ALL
MlsScenario  *mls_lighthouse_new_scenario  (MlsRegistry  *registry,
                                            const char   *key,
                                            GError      **error);
MLS_AVAILABLE_IN_ALL
MlsEntry     *mls_lighthouse_get_persona   (MlsRegistry  *registry,
                                            const char   *key);
MLS_AVAILABLE_IN_ALL
MlsEntry     *mls_lighthouse_get_scenario_persona (MlsRegistry *registry,
                                            const char   *scenario_key);

G_END_DECLS
