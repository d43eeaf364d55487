/* mls-json-private.h — JSON text with numbers as short as they can be and still read back
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char *mls_json_write (JsonNode *node);

G_END_DECLS
