/* mls-catalog-types-private.h — entry types of the categories without behaviour of their own
 * (cooling, scenarios, personas, constants, walls, tech); not installed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "mls-entry.h"

G_BEGIN_DECLS

/* The entry type of @category among cooling, scenarios, personas, constants, walls and tech;
 * G_TYPE_INVALID otherwise. Bindings see these entries as #MlsEntry. */
GType mls_catalog_type_for_category (const char *category);

G_END_DECLS
