/* rd-gui-wrapping-bin.h: a bin round wrapped text that GTK 4.8 measures badly.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkLayoutManager *rd_gui_wrapping_bin_layout_new (void);

G_END_DECLS
