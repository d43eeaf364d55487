/* mls-studio-window-private.h — internals shared with mls-studio-window-actions.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "mls-studio-window.h"

G_BEGIN_DECLS

struct _MlsStudioWindow
{
  AdwApplicationWindow  parent_instance;

  MlsStudioDocument    *document;
  GSettings            *settings;
  GtkRecentManager     *recent;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  GtkToggleButton      *sidebar_button;
  AdwSplitButton       *open_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *primary_menu_button;
  GtkMenuButton        *export_button;
  GtkButton            *save_button;
  AdwFlap              *flap;
  GtkWidget            *composer;
  AdwViewStack         *view_stack;
  GtkWidget            *roofline_view;
  GtkWidget            *scorecard_view;
  GtkWidget            *metrics_view;
  GtkWidget            *compare_view;
  GtkWidget            *sweep_view;
  GtkWidget            *registry_view;
  GMenu                *recent_section;
  GMenu                *start_from_menu;

  guint                 benchmark_ready_id;
  gboolean              closing_confirmed;
  gboolean              in_registry;
  gboolean              composer_was_revealed;
};

void _mls_studio_window_class_install_actions (GtkWidgetClass  *widget_class);
void _mls_studio_window_update_actions        (MlsStudioWindow *self);
void _mls_studio_window_update_recent         (MlsStudioWindow *self);
void _mls_studio_window_confirm_discard       (MlsStudioWindow *self,
                                               GCallback        then,
                                               gpointer         data,
                                               GDestroyNotify   destroy);

G_END_DECLS
