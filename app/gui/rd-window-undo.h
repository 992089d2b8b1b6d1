/* rd-window-undo.h: the window's Undo of the last delete.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-window.h"

G_BEGIN_DECLS

void _rd_window_class_add_undo_actions (GtkWidgetClass *widget_class);
void _rd_window_forget_undo            (RdWindow       *self);

G_END_DECLS
