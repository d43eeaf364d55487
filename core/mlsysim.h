/* mlsysim.h — the one header applications and plugins include
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>

#define MLSYSIM_INSIDE

#include "mls-version.h"
#include "mls-version-macros.h"
#include "mls-quantity.h"
#include "mls-provenance.h"
#include "mls-suggest.h"
#include "mls-enums.h"

#undef MLSYSIM_INSIDE
