/* mls-studio-application-private.h — internals shared with mls-studio-application-actions.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "mls-studio-application.h"

G_BEGIN_DECLS

struct _MlsStudioApplication
{
  AdwApplication parent_instance;

  GSettings     *settings;
  MlsRegistry   *registry;
  MlsEngine     *engine;
  gboolean       load_notice_shown;
  gboolean       benchmark;
  guint          benchmark_iterations;
  char          *initial_view;
};

void _mls_studio_application_install_actions (MlsStudioApplication *self);

G_END_DECLS
