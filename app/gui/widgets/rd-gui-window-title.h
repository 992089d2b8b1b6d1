/* rd-gui-window-title.h: a header's title and subtitle shown whole.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void rd_gui_wrap_window_title          (AdwWindowTitle *title);
void rd_gui_install_whole_window_titles (void);

G_END_DECLS
