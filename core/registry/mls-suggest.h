/* mls-suggest.h — "did you mean …?" for names typed by people
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLSYSIM_INSIDE) && !defined(MLSYSIM_COMPILATION)
#error "Only <mlsysim.h> can be included directly."
#endif

#include <glib.h>

#include "mls-version-macros.h"

G_BEGIN_DECLS

MLS_AVAILABLE_IN_ALL
guint   mls_edit_distance   (const char         *a,
                             const char         *b);
MLS_AVAILABLE_IN_ALL
char  **mls_suggest_nearest (const char         *name,
                             const char * const *candidates,
                             guint               max_results);

G_END_DECLS
