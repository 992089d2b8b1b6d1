/* rd-gui-window-title.h: a header's title shown whole, its buttons at their own height.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void rd_gui_wrap_window_title      (AdwWindowTitle *title);
void rd_gui_centre_header_buttons  (GtkWidget      *header_bar);
void rd_gui_install_whole_headers  (void);

G_END_DECLS
