/* rd-window-actions.h: the window's actions on the open case.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-window.h"

G_BEGIN_DECLS

void _rd_window_class_add_case_actions  (GtkWidgetClass *widget_class);
void _rd_window_add_file_drop           (RdWindow       *self);
void _rd_window_add_help_overlay_action (RdWindow       *self);
void _rd_window_focus_page              (RdWindow       *self,
                                         GtkWidget      *page);

G_END_DECLS
