/* rd-window-advisers.h: the window's actions for advisers with many
 * clients: the case list, the client record, erasing a client, and handing
 * a case over as an archive.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#include "rd-window.h"

void _rd_window_class_add_adviser_actions (GtkWidgetClass *widget_class);
void _rd_window_update_adviser_actions    (RdWindow       *self);
void _rd_window_init_adviser_ui           (RdWindow       *self);

G_END_DECLS
