/* mls-version-macros.h — the export macro of libmlsysim
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

#ifndef _MLS_EXTERN
# define _MLS_EXTERN __attribute__((visibility ("default"))) extern
#endif

/* Every public symbol is marked; everything else is hidden (gnu_symbol_visibility). */
#define MLS_AVAILABLE_IN_ALL _MLS_EXTERN
